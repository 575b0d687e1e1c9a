"""Lighthouse scores of the built site's front page and one digest page.

    python bench/lighthouse.py [--site public] [--tools DIR]

Installs the npm package `lighthouse` into a bench-only folder (never a project
dependency), serves the site on 127.0.0.1, and runs Lighthouse with Debian's
Chromium (CHROME_PATH=/usr/bin/chromium). Prints performance, accessibility,
best-practices and SEO for each page.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install(tools: Path) -> Path:
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "lighthouse@12"],
                       cwd=tools, check=True)
    return binary


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def audit(binary: Path, url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
        subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=" + ",".join(CATEGORIES),
                        "--chrome-flags=--headless --no-sandbox --disable-gpu "
                        "--disable-background-networking --disable-component-update"],
                       env=env, check=True, timeout=300)
        data = json.loads(report.read_text())
    return {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "public")
    parser.add_argument("--tools", type=Path, default=Path(tempfile.gettempdir()) / "digest-lh")
    args = parser.parse_args()
    binary = install(args.tools)
    story = sorted((args.site / "stories").iterdir())[0].name
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    print(f"{'page':<40} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    try:
        for label, path in (("front page", ""), (f"stories/{story}/", f"stories/{story}/")):
            scores = audit(binary, base + path)
            print(f"{label[:40]:<40} " + " ".join(f"{scores[c]:>15}" for c in CATEGORIES))
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
