"""Full-text search with Pagefind, run on the finished site before it is swapped in.

Pagefind (the PyPI package `pagefind[bin]` ships its binary; no network) indexes
the story pages (`data-pagefind-body`) into `pagefind/`, which the theme's
search page loads. Only runs when `[search] enabled = true`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from digest.errors import DigestError
from digest.journal import SEARCH_NEW, SEARCH_OLD, beside

SEARCH_FOLDER = "pagefind"


class SearchError(DigestError):
    """Pagefind is missing or failed."""


def index_site(site: Path, language: str) -> None:
    """Write a fresh Pagefind index into `site/pagefind/`, replacing the old one only once
    the new one is complete; raise SearchError on failure.

    The index is made beside `site`, never inside it (which is what gets deployed):
    `.<site>.pagefind-new-<pid>`, debris `digest.journal` removes if a build is killed."""
    fresh = beside(site, SEARCH_NEW)
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        _run_pagefind(site, fresh, language)
        old = beside(site, SEARCH_OLD)
        shutil.rmtree(old, ignore_errors=True)
        if (site / SEARCH_FOLDER).exists():
            os.replace(site / SEARCH_FOLDER, old)
        os.replace(fresh, site / SEARCH_FOLDER)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _run_pagefind(site: Path, bundle: Path, language: str) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path",
               str(bundle), "--force-language", language.split("-")[0], "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchError(f"could not run Pagefind: {exc}",
                          hint="pip install 'pagefind[bin]', or set [search] enabled = false")
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SearchError(f"Pagefind failed: {detail[0]}",
                          hint="pip install 'pagefind[bin]', or set [search] enabled = false")
