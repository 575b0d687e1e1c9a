"""Benchmark the images stage: cold cache, warm cache, and a plain Pillow loop.

    python bench/images.py [--count 200] [--keep DIR] [--no-baseline]

Covers (2400×1600) come from ../shared/tools/gen_corpus.py (or $DIGEST_SHARED), generated
into a temporary folder (or --keep DIR, reused when it exists); nothing is copied into the
repo. Each run is a separate process; its peak memory is the largest summed RSS of its
process tree (PSS, else RSS, sampled from /proc every 20 ms; getrusage as a fallback).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared"))
WIDTHS = (480, 960, 1600)


def generate(site: Path, count: int) -> None:
    cmd = [sys.executable, str(SHARED / "tools" / "gen_corpus.py"), str(site),
           "--articles", str(count), "--images", str(count)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


# -- the measured runs (each in its own process) ----------------------------------------------


def run_build(site: Path, cache: Path, out: Path) -> dict:
    from digest.build import build
    from digest.config import load_config
    from digest.images import process_images

    seen = {}
    import digest.build as build_module

    def counting(articles, config):
        result = process_images(articles, config)
        seen.update(decoded=result.stats.decoded, cached=result.stats.cached,
                    covers=len({c.src for c in result.covers.values() if not c.remote}),
                    warnings=len(result.warnings))
        return result
    build_module.process_images = counting
    config = load_config(site, {"on_error": "skip", "cache_dir": str(cache),
                                "output_dir": str(out)})
    started = time.perf_counter()
    result = build(config)
    total = time.perf_counter() - started
    return {"seconds": result.timings["images"], "build_seconds": total, **seen}


def run_baseline(site: Path, out: Path) -> dict:
    """The straightforward way: one process, open, resize to each width, save WebP + JPEG."""
    from PIL import Image

    paths = sorted((site / "content" / "images").glob("*.jpg"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for path in paths:
        with Image.open(path) as image:
            image = image.convert("RGB")
            for width in WIDTHS:
                size = (width, round(image.height * width / image.width))
                small = image.resize(size, Image.Resampling.LANCZOS)
                small.save(out / f"{path.stem}-{width}.webp", quality=80)
                small.save(out / f"{path.stem}-{width}.jpg", quality=80)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "build_seconds": seconds, "decoded": len(paths),
            "covers": len(paths)}


# -- the parent: run, sample memory, print the table --------------------------------------------


def tree_rss(pid: int) -> int:
    """Summed memory in bytes of `pid` and its descendants (Linux /proc): PSS when the
    kernel has it, so pages a forked worker shares with its parent count once, else RSS."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup")
            text = rollup.read_text() if rollup.exists() else \
                Path(f"/proc/{current}/status").read_text()
            for line in text.splitlines():
                if line.startswith(("Pss:", "VmRSS:")):
                    total += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(args: list[str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    process = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    done.set()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"run {args} failed")
    result = json.loads(output.decode().strip().splitlines()[-1])
    fallback = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    result["peak_mb"] = (peak or (fallback if fallback > before * 1024 else 0)) / 2**20
    return result


def table(rows: list[tuple[str, dict]]) -> str:
    lines = [f"{'run':<26} {'covers':>6} {'decoded':>7} {'images s':>9} {'covers/s':>9} "
             f"{'build s':>8} {'peak MB':>8}",
             "-" * 79]
    for name, r in rows:
        rate = r["covers"] / r["seconds"] if r["seconds"] else float("inf")
        lines.append(f"{name:<26} {r['covers']:>6} {r['decoded']:>7} {r['seconds']:>9.2f} "
                     f"{rate:>9.1f} {r['build_seconds']:>8.2f} {r['peak_mb']:>8.0f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--run", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        mode, site, cache, out = args.run
        result = run_baseline(Path(site), Path(out)) if mode == "baseline" \
            else run_build(Path(site), Path(cache), Path(out))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as scratch:
        site = args.keep or Path(scratch) / "site"
        if not (site / "content").is_dir():
            generate(site, args.count)
        # the cache folder must be inside the site (cache_dir is checked: digest clean deletes it)
        cache, out = site / ".bench-cache", Path(scratch) / "public"
        shutil.rmtree(cache, ignore_errors=True)
        rows = [("digest cold (empty cache)", measure(["--run", "cold", str(site), str(cache),
                                                       str(out)])),
                ("digest warm (full cache)", measure(["--run", "warm", str(site), str(cache),
                                                      str(out)]))]
        if not args.no_baseline:
            rows.append(("plain Pillow loop, 1 proc", measure(
                ["--run", "baseline", str(site), "", str(Path(scratch) / "plain")])))
    print(f"{os.cpu_count()} CPUs; widths {WIDTHS}; 'images s' is the images stage "
          "(digest) or the whole loop (plain); digest also writes a social card per cover")
    print(table(rows))
    if rows[1][1]["decoded"]:
        print("WARNING: the warm build decoded images")


if __name__ == "__main__":
    main()
