"""Time `digest build` on a generated corpus and print the per-stage profile.

    python bench/build.py --articles 1000 [--noise 0.1] [--images 0] [--keep DIR]

The corpus comes from ../shared/tools/gen_corpus.py (never copied into the repo).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared"))


def generate(out: Path, articles: int, noise: float, images: int) -> None:
    cmd = [sys.executable, str(SHARED / "tools" / "gen_corpus.py"), str(out),
           "--articles", str(articles), "--noise", str(noise)]
    if images:
        cmd += ["--images", str(images)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--noise", type=float, default=0.1)
    parser.add_argument("--images", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()

    from digest.build import build
    from digest.config import load_config

    with tempfile.TemporaryDirectory() as scratch:
        site = args.keep or Path(scratch) / "site"
        if not (site / "content").is_dir():
            generate(site, args.articles, args.noise, args.images)
        config = load_config(site, {"on_error": "skip", "base_url": "https://bench.example/"})
        started = time.perf_counter()
        result = build(config)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles read     {len(result.read.articles)} (+{len(result.skipped)} skipped)")
    print(f"stories           {len(result.digests)}")
    print(f"pages written     {result.written.pages if result.written else 0}")
    print(f"build time        {seconds:.2f} s")
    print(f"peak RSS          {peak_mb:.0f} MB")
    for stage, stage_seconds in result.timings.items():
        print(f"  {stage:<15} {stage_seconds:7.3f} s")


if __name__ == "__main__":
    main()
