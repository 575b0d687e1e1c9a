"""CPU time of the compose stage on a cold build of a site (no build cache).

    python bench/compose_cpu.py SITE [--repeat 1]

The site's articles are read and grouped as a build does; then every story is
composed in this process by `compose_digests` (the build's own call, garbage-collector
settings included, with no worker processes), and the process CPU time of that call is
printed (CPU, not wall: on a shared machine wall time mostly measures the neighbours).
Generate a site with ``python ../shared/tools/gen_corpus.py /tmp/site --articles 10000``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import digest.compose  # noqa: E402
from digest.compose import compose_digests  # noqa: E402
from digest.config import load_config  # noqa: E402
from digest.content.reader import read_articles  # noqa: E402
from digest.group import group_stories  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    config = load_config(args.site, {"on_error": "skip"})
    read = read_articles(config)
    grouping = group_stories(read.articles, read.overrides, config)
    print(f"articles {len(read.articles)}, stories {len(grouping.stories)}")
    digest.compose.PARALLEL_FROM = len(grouping.stories) + 1  # all in this process
    for _ in range(args.repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        compose_digests(grouping, config)
        print(f"compose CPU {time.process_time() - cpu:.1f} s "
              f"(wall {time.perf_counter() - wall:.1f} s)")


if __name__ == "__main__":
    main()
