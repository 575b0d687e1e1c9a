"""Measure story clustering and duplicate detection through the real `digest build` path.

    python bench/cluster.py [--real PATH] [--skip-real] [--articles N ...] [--noise P ...]
                            [--seed S] [--dump DIR]

Every corpus is written as a site's `content/` folder in a temporary directory, read
with `digest.content.reader.read_articles` (HTML conversion, scraped-boilerplate
cleaning) and grouped with `digest.group.group_stories`: exactly what `digest build`
does.  Generated corpora come from ../shared/tools/gen_corpus.py (ground truth in
truth.json, scored as pairwise precision/recall/F1); the real corpus is the labelled
archive in ../shared/data, scored by its own eval_clusters.py (and, for storylines, by
the DIFFERENT pairs whose note marks a later action: `later_in_storyline` is the share of
them in one storyline but separate stories) on the whole year and on
two halves split by date (January–June, July–December), each half clustered on its own
so a rule that only fits one half shows.  Nothing is copied into the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import digest.group.cluster
from digest.config import load_config
from digest.content.model import Article
from digest.content.reader import read_articles
from digest.group import group_stories

# Python 3.11.4+ checks archive members ("data" filter); older 3.11 has no filter.
SAFE_EXTRACT = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}

_COLUMNS = ["articles", "unread", "stories", "largest", "precision", "recall", "f1",
            "same_recall", "false_merge", "later_in_storyline", "later_same_story",
            "other_diff_in_storyline", "storylines_multi", "largest_storyline",
            "non_articles", "filler", "dup_collapse", "dup[same_url]",
            "dup[near_identical_body]", "dup[filler_template]", "seconds", "cluster_seconds"]


def shared_dir() -> Path:
    """../shared next to the repo, else $DIGEST_SHARED."""
    local = REPO.parent / "shared"
    return local if local.exists() else Path(os.environ.get("DIGEST_SHARED", local))


def read_site(site: Path) -> tuple[list[Article], tuple, object, int]:
    """(articles, story overrides, config, number of files not read) of the site at `site`."""
    config = load_config(site, {"on_error": "skip", "future": True, "drafts": True})
    read = read_articles(config)
    return list(read.articles), read.overrides, config, len(read.problems)


def cluster(articles: Sequence[Article], overrides, config) -> tuple[dict[str, str], dict]:
    """rel_path -> story slug for every article (copies included), and the seconds taken: all
    of `group_stories`, and of that its duplicate and story clustering calls; also each
    article's storyline ("storyline_of") and the storylines' shape."""
    spent = {"cluster_seconds": 0.0}
    stage = digest.group.cluster
    originals = stage.find_duplicates, stage.find_stories

    def timed(function):
        def run(*args):
            start = time.perf_counter()
            try:
                return function(*args)
            finally:
                spent["cluster_seconds"] += time.perf_counter() - start
        return run

    # `group_stories` imports these from the module at call time; wrap them for this call only.
    stage.find_duplicates, stage.find_stories = map(timed, originals)
    try:
        start = time.perf_counter()
        grouping = group_stories(articles, overrides, config)
        spent["seconds"] = time.perf_counter() - start
    finally:
        stage.find_duplicates, stage.find_stories = originals
    story_of = {a.rel_path: story.slug for story in grouping.stories for a in story.articles}
    # Filler is in no story; each text and its copies is scored as one.
    story_of.update({a.rel_path: "filler:" + g.article.rel_path
                     for g in grouping.filler for a in (g.article, *g.copies)})
    spent["storyline_of"] = {a.rel_path: story.storyline or story.slug
                             for story in grouping.stories for a in story.articles}
    spent["storyline_of"].update({a.rel_path: story_of[a.rel_path]
                                  for a in grouping.filler_articles})
    sizes = [len(line) for line in grouping.storylines.values()]
    spent["storylines_multi"] = sum(size > 1 for size in sizes)
    spent["largest_storyline"] = max(sizes, default=0)
    spent["non_articles"] = len(grouping.non_articles)
    spent["filler"] = len(grouping.filler_articles)
    return story_of, spent


LATER = re.compile(r"next day|new action|later", re.IGNORECASE)
"""A DIFFERENT pair's note marking a later action on the same subject (a follow-up)."""


def score_storylines(labels: Path, story_of: dict[str, str],
                     storyline_of: dict[str, str]) -> dict[str, float]:
    """Of the DIFFERENT pairs whose note marks a later action: the share in one storyline
    but separate stories, and the share merged into one story; of the other DIFFERENT
    pairs, the share in one storyline (different products of one keynote may well be)."""
    story = {Path(k).name: v for k, v in story_of.items()}
    line = {Path(k).name: v for k, v in storyline_of.items()}
    later, other = [], []
    for row in labels.read_text().splitlines():
        pair = json.loads(row)
        if pair.get("label") != "DIFFERENT" or pair["a"] not in story or pair["b"] not in story:
            continue
        same_story = story[pair["a"]] == story[pair["b"]]
        same_line = line[pair["a"]] == line[pair["b"]]
        (later if LATER.search(pair.get("note", "")) else other).append((same_story, same_line))
    return {"later_in_storyline": _share(later, lambda r: r[1] and not r[0]),
            "later_same_story": _share(later, lambda r: r[0]),
            "other_diff_in_storyline": _share(other, lambda r: r[1] and not r[0])}


def _share(rows: list, test) -> float:
    return sum(map(test, rows)) / max(len(rows), 1)


def score_generated(root: Path, story_of: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 against truth.json (articles not read are left out)."""
    truth = json.loads((root / "truth.json").read_text())["stories"]
    true_of = {Path(p).relative_to("content").as_posix(): s for s, ps in truth.items() for p in ps}
    true_of = {k: s for k, s in true_of.items() if k in story_of}
    both = Counter((story_of[k], true_of[k]) for k in true_of)
    tp = sum(n * (n - 1) // 2 for n in both.values())
    predicted = sum(n * (n - 1) // 2 for n in Counter(story_of[k] for k in true_of).values())
    actual = sum(n * (n - 1) // 2 for n in Counter(true_of.values()).values())
    precision, recall = tp / max(predicted, 1), tp / max(actual, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    return {"precision": precision, "recall": recall, "f1": f1}


def score_real(archive: Path, story_of: dict[str, str], work: Path, name: str) -> dict:
    """eval_clusters.py metrics for a mapping of file name -> story id."""
    mapping = work / f"stories-{name}.json"
    mapping.write_text(json.dumps({Path(k).name: v for k, v in sorted(story_of.items())}))
    out = work / f"metrics-{name}.json"
    subprocess.run([sys.executable, str(shared_dir() / "data" / "eval_clusters.py"),
                    "--mapping", str(mapping), "--content", str(archive), "--json", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    m = json.loads(out.read_text())
    return {"precision": m["pairwise_precision"], "recall": m["pairwise_recall"],
            "f1": m["pairwise_f1"], "same_recall": m["same_story_recall"],
            "false_merge": m["false_merge_rate"], "dup_collapse": m["duplicate_collapse"],
            **{k.replace("duplicate_collapse", "dup"): v for k, v in m.items()
               if k.startswith("duplicate_collapse[")}}


def run_generated(articles: int, noise: float, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        subprocess.run([sys.executable, str(shared_dir() / "tools" / "gen_corpus.py"), str(root),
                        "--articles", str(articles), "--noise", str(noise), "--seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL)
        read, overrides, config, unread = read_site(root)
        story_of, seconds = cluster(read, overrides, config)
        seconds.pop("storyline_of")
        return {"corpus": f"generated {articles} noise {noise}", **_shape(story_of),
                "unread": unread, **seconds, **score_generated(root, story_of)}


def run_real(archive: Path, dump: Path | None) -> list[dict]:
    """The whole year, then January–June and July–December clustered separately."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site"
        with tarfile.open(archive) as tar:
            tar.extractall(site, **SAFE_EXTRACT)
        if not (site / "content").is_dir():
            raise SystemExit(f"{archive} has no content/ folder")
        articles, overrides, config, unread = read_site(site)
        halves = [("all", articles),
                  ("Jan-Jun", [a for a in articles if a.date.month <= 6]),
                  ("Jul-Dec", [a for a in articles if a.date.month > 6])]
        rows = []
        for name, part in halves:
            story_of, seconds = cluster(part, overrides, config)
            lines = score_storylines(shared_dir() / "data" / "real-news-2025.pairs.jsonl",
                                     story_of, seconds.pop("storyline_of"))
            if dump is not None:
                dump.mkdir(parents=True, exist_ok=True)
                (dump / f"stories-{name}.json").write_text(json.dumps(
                    {Path(k).name: v for k, v in sorted(story_of.items())}, indent=0))
            rows.append({"corpus": f"real {name}", **_shape(story_of), "unread": unread,
                         **seconds, **lines, **score_real(archive, story_of, work, name)})
        return rows


def _shape(story_of: dict[str, str]) -> dict:
    sizes = Counter(story_of.values())
    return {"articles": len(story_of), "stories": len(sizes),
            "largest": max(sizes.values(), default=0)}


def print_table(rows: list[dict]) -> None:
    """One column per corpus, one line per metric."""
    width = max(14, *(len(r["corpus"]) + 2 for r in rows))
    print(f"{'':26s}" + "".join(f"{r['corpus']:>{width}s}" for r in rows))
    for column in _COLUMNS:
        if not any(column in r for r in rows):
            continue
        cells = [r.get(column) for r in rows]
        text = ["-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)
                for v in cells]
        print(f"{column:26s}" + "".join(f"{t:>{width}s}" for t in text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=None, help="real archive (.tar.xz)")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--articles", type=int, nargs="*", default=[2000])
    parser.add_argument("--noise", type=float, nargs="*", default=[0.1, 0.3])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dump", type=Path, default=None,
                        help="write the real mappings (file -> story) into this folder")
    args = parser.parse_args()
    rows = []
    if not args.skip_real:
        archive = args.real or shared_dir() / "data" / "real-news-2025.tar.xz"
        rows += run_real(archive, args.dump)
    for articles in args.articles:
        for noise in args.noise:
            rows.append(run_generated(articles, noise, args.seed))
    print_table(rows)


if __name__ == "__main__":
    main()
