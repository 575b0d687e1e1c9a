"""Benchmark `digest import`: 500 items from a local feed served on 127.0.0.1.

    python bench/import_feed.py [--items 500] [--runs 3] [--pages]

Writes a generated RSS 2.0 feed (full text in content:encoded, each item ~180 words of
template text) and serves it from a thread on 127.0.0.1; then times, in this process,
`import_feeds` into an empty site (every item new) and again (every item unchanged),
`--runs` times each, and prints the median. With --pages the feed carries only
excerpts and every item's page is fetched and extracted (trafilatura), as
`--fetch-pages` does. Nothing touches the network beyond 127.0.0.1; nothing is written
into the repo.
"""

from __future__ import annotations

import argparse
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digest.config import load_config  # noqa: E402
from digest.importer import FeedSource, ImportOptions, import_feeds  # noqa: E402

PLACES = ["Valmora", "Ostrel", "Dunmere", "Harlow", "Kesh", "Lisk", "Brae", "Tolm"]
THINGS = ["tidal barrier", "ferry line", "bakery cooperative", "library", "tram depot",
          "wind farm", "fish market", "school kitchen"]
PARAGRAPH = ("Officials in {place} said on {day} that the {thing} would change how residents "
             "plan their week, after a review found that {n} households depended on it. "
             "The council will publish the full figures next month, and a public meeting is "
             "planned in the town hall. Critics said the plan came late and cost {m} million "
             "euros more than the first estimate, while supporters pointed to the {n} jobs it "
             "keeps in the area.")


def make_feed(items: int, pages: bool, base: str) -> tuple[bytes, dict[str, bytes]]:
    """The feed document and, with `pages`, one HTML page per item."""
    entries, page_files = [], {}
    for i in range(items):
        place, thing = PLACES[i % len(PLACES)], THINGS[(i // len(PLACES)) % len(THINGS)]
        text = "".join(
            "<p>" + PARAGRAPH.format(place=place, thing=thing, day=day, n=i + 7 * k, m=k + 2)
            + "</p>" for k, day in enumerate(("Monday", "Tuesday", "Friday")))
        path = f"/news/{i:04d}-{place.lower()}-{thing.replace(' ', '-')}"
        title = f"{place} reviews its {thing} (report {i})"
        date = f"Mon, {1 + i % 28:02d} Sep 2025 {i % 24:02d}:00:00 +0000"
        body = f"<description>A short note about the {thing}.</description>" if pages else \
            f"<content:encoded><![CDATA[{text}]]></content:encoded>"
        entries.append(f"<item><title>{title}</title><link>{base}{path}?utm_source=rss</link>"
                       f"<pubDate>{date}</pubDate><category>Towns</category>{body}</item>")
        if pages:
            page_files[path] = (f"<html><head><title>{title}</title><meta name='author' "
                                f"content='Staff {i % 9}'></head><body><nav>Home | Towns</nav>"
                                f"<article><h1>{title}</h1>{text}</article><footer>(c) Bench"
                                "</footer></body></html>").encode()
    feed = ('<?xml version="1.0"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Bench Gazette</title>{''.join(entries)}</channel></rss>")
    return feed.encode(), page_files


def serve(routes: dict[str, bytes]) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = routes.get(self.path.split("?", 1)[0])
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.send_header("Content-Type", "text/html" if "/news/" in self.path
                             else "application/rss+xml")
            self.end_headers()
            self.wfile.write(body or b"")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def timed_import(site: Path, url: str, pages: bool) -> tuple[float, dict[str, int]]:
    config = load_config(site)
    started = time.perf_counter()
    result = import_feeds(config, [FeedSource(url)], ImportOptions(fetch_pages=pages))
    seconds = time.perf_counter() - started
    return seconds, {a: result.count(a) for a in ("new", "updated", "unchanged", "skipped")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", action="store_true", help="excerpts only; fetch each page")
    args = parser.parse_args()
    routes: dict[str, bytes] = {}
    server, base = serve(routes)
    feed, pages = make_feed(args.items, args.pages, base)
    routes["/feed.xml"] = feed
    routes.update(pages)
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="digest-bench-import-") as tmp:
            site = Path(tmp)
            (site / "content").mkdir()
            seconds, counts = timed_import(site, f"{base}/feed.xml", args.pages)
            assert counts["new"] == args.items, counts
            cold.append(seconds)
            seconds, counts = timed_import(site, f"{base}/feed.xml", args.pages)
            assert counts["unchanged"] == args.items, counts
            warm.append(seconds)
    server.shutdown()
    kind = "excerpts + pages fetched" if args.pages else "content:encoded"
    print(f"feed: {args.items} items, {len(feed) / 1e6:.2f} MB, {kind}; median of {args.runs} runs")
    print(f"first import ({args.items} new):       {statistics.median(cold):.2f} s "
          f"({args.items / statistics.median(cold):.0f} items/s)")
    print(f"re-import ({args.items} unchanged):    {statistics.median(warm):.2f} s")


if __name__ == "__main__":
    main()
