"""Full-text search with Pagefind, run on the finished site before it is swapped in.

Pagefind (the PyPI package `pagefind[bin]` ships its binary; no network) indexes
the story pages (`data-pagefind-body`) into `pagefind/`, which the theme's
search page loads. Only runs when `[search] enabled = true`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digest.errors import DigestError

SEARCH_FOLDER = "pagefind"


class SearchError(DigestError):
    """Pagefind is missing or failed."""


def index_site(site: Path, language: str) -> None:
    """Write the Pagefind index into `site/pagefind/`; raise SearchError on failure."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir",
               SEARCH_FOLDER, "--force-language", language.split("-")[0], "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchError(f"could not run Pagefind: {exc}",
                          hint="pip install 'pagefind[bin]', or set [search] enabled = false")
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SearchError(f"Pagefind failed: {detail[0]}",
                          hint="pip install 'pagefind[bin]', or set [search] enabled = false")
