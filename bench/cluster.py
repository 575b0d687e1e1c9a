"""Measure story clustering and duplicate detection on generated and real corpora.

    python bench/cluster.py [--real PATH] [--articles N] [--noise P] [--seed S] [--skip-real]

Generated corpora come from ../shared/tools/gen_corpus.py (ground truth in
truth.json, scored as pairwise precision/recall/F1); the real corpus is the
labelled archive in ../shared/data, scored by its own eval_clusters.py.  Nothing
is copied into the repo: everything is written to a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import frontmatter
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digest.group.cluster import (ClusterItem, ClusterSettings, find_duplicates,  # noqa: E402
                                  find_stories)


def shared_dir() -> Path:
    """../shared next to the repo, else $DIGEST_SHARED."""
    local = REPO.parent / "shared"
    return local if local.exists() else Path(os.environ.get("DIGEST_SHARED", local))


def load_items(content: Path) -> list[ClusterItem]:
    """Every `*.md` below `content` as a ClusterItem (crude reader: front matter + HTML text)."""
    items = []
    for path in sorted(content.rglob("*.md")):
        post = frontmatter.load(path)
        meta = post.metadata
        source = meta.get("source") or meta.get("url")
        items.append(ClusterItem(
            key=path.relative_to(content).as_posix(),
            title=html.unescape(str(meta.get("title") or "")),
            excerpt=html.unescape(str(meta.get("excerpt") or "")),
            text=_plain_body(post.content),
            date=_date(meta.get("date")),
            outlet=str(meta.get("outlet") or _outlet(source)),
            source_url=str(source) if source else None,
        ))
    return items


def _plain_body(body: str) -> str:
    if "<" not in body:
        return body
    return BeautifulSoup(body, "html.parser").get_text(" ")


def _outlet(source: object) -> str:
    if not source:
        return "Unknown"
    return urlsplit(str(source)).netloc.lower().removeprefix("www.") or "Unknown"


def _date(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    text = str(value or "").strip().replace(" UTC", "+00:00").replace("Z", "+00:00")
    for parse in (dt.datetime.fromisoformat, lambda t: dt.datetime.strptime(t, "%b %d, %Y"),
                  lambda t: dt.datetime.strptime(t, "%B %d, %Y %H:%M%z")):
        try:
            parsed = parse(text)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
        except ValueError:
            continue
    return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def cluster(items: list[ClusterItem], settings: ClusterSettings) -> tuple[dict[str, str], float]:
    """key -> story id for every item (copies join their original's story), and seconds taken."""
    start = time.perf_counter()
    copies = find_duplicates(items, settings)
    stories = find_stories([i for i in items if i.key not in copies], settings)
    seconds = time.perf_counter() - start
    story_of = {key: story[0] for story in stories for key in story}
    story_of.update({copy: story_of[kept] for copy, kept in copies.items()})
    return story_of, seconds


def score_generated(root: Path, story_of: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 against truth.json."""
    truth = json.loads((root / "truth.json").read_text())["stories"]
    true_of = {Path(p).relative_to("content").as_posix(): s for s, ps in truth.items() for p in ps}
    both = Counter((story_of[k], true_of[k]) for k in true_of)
    tp = sum(n * (n - 1) // 2 for n in both.values())
    predicted = sum(n * (n - 1) // 2 for n in Counter(story_of[k] for k in true_of).values())
    actual = sum(n * (n - 1) // 2 for n in Counter(true_of.values()).values())
    precision, recall = tp / max(predicted, 1), tp / max(actual, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    return {"precision": precision, "recall": recall, "f1": f1}


def score_real(archive: Path, story_of: dict[str, str], work: Path) -> dict[str, float]:
    """eval_clusters.py metrics for a mapping of file name -> story id."""
    mapping = work / "stories.json"
    mapping.write_text(json.dumps({Path(k).name: v for k, v in story_of.items()}))
    out = work / "metrics.json"
    subprocess.run([sys.executable, str(shared_dir() / "data" / "eval_clusters.py"),
                    "--mapping", str(mapping), "--content", str(archive), "--json", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    m = json.loads(out.read_text())
    return {"precision": m["pairwise_precision"], "recall": m["pairwise_recall"],
            "f1": m["pairwise_f1"], "same_recall": m["same_story_recall"],
            "false_merge": m["false_merge_rate"], "dup_collapse": m["duplicate_collapse"],
            **{k.replace("duplicate_collapse", "dup"): v for k, v in m.items()
               if k.startswith("duplicate_collapse[")}}


def run_generated(articles: int, noise: float, seed: int, settings: ClusterSettings) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        subprocess.run([sys.executable, str(shared_dir() / "tools" / "gen_corpus.py"), str(root),
                        "--articles", str(articles), "--noise", str(noise), "--seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL)
        items = load_items(root / "content")
        story_of, seconds = cluster(items, settings)
        return {"corpus": f"generated {articles} noise {noise}", **_shape(story_of),
                "seconds": seconds, **score_generated(root, story_of)}


def run_real(archive: Path, settings: ClusterSettings) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")
        content = next(p.parent for p in sorted(work.rglob("*.md")))
        items = load_items(content)
        story_of, seconds = cluster(items, settings)
        return {"corpus": f"real {archive.name}", **_shape(story_of), "seconds": seconds,
                **score_real(archive, story_of, work)}


def _shape(story_of: dict[str, str]) -> dict:
    sizes = Counter(story_of.values())
    return {"articles": len(story_of), "stories": len(sizes), "largest": max(sizes.values(), default=0)}


def print_table(rows: list[dict]) -> None:
    columns = ["corpus", "articles", "stories", "largest", "precision", "recall", "f1",
               "same_recall", "false_merge", "dup_collapse", "dup[same_url]",
               "dup[near_identical_body]", "dup[filler_template]", "seconds"]
    for row in rows:
        print(f"\n== {row['corpus']}")
        for column in columns[1:]:
            if column in row:
                value = row[column]
                print(f"  {column:26s} {value:.3f}" if isinstance(value, float) else
                      f"  {column:26s} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=None, help="real archive (.tar.xz)")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--articles", type=int, nargs="*", default=[2000])
    parser.add_argument("--noise", type=float, nargs="*", default=[0.1, 0.3])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    settings = ClusterSettings()
    rows = []
    if not args.skip_real:
        archive = args.real or shared_dir() / "data" / "real-news-2025.tar.xz"
        rows.append(run_real(archive, settings))
    for articles in args.articles:
        for noise in args.noise:
            rows.append(run_generated(articles, noise, args.seed, settings))
    print_table(rows)


if __name__ == "__main__":
    main()
