"""Summary quality and speed benchmark for the compose stage.

Quality (proxy, real data): ZDNet articles in real-news-2025 carry an editor's
"ZDNET's key takeaways" list right after the byline. For each such article the
list is cut out of the input, the story is the article plus its SAME_STORY
partners from the pairs file (or the article alone), and the summary and the
takeaways are scored against the editor's list with ROUGE-1/2/L F1, next to
Lead-3, LexRank and TextRank baselines on the same sentences. The data is read
from the tarball in memory; nothing of it is written anywhere.

Speed (generated data): compose (summary + takeaways + merged body) of every
story of a `gen_corpus.py` corpus, timed without file reading.

    python bench/summary.py [--data DIR] [--articles 10000] [--skip-speed] [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.compose.extract import SourceDocument, summarize
from digest.compose.merge import merge_bodies
from digest.compose.sentences import TEXT, document_sentences, split_sentences
from digest.compose.story import analyse_story
from digest.compose.takeaways import key_takeaways

SHARED = Path("/work/shared")
_WORD = re.compile(r"[a-z0-9]+")


# ---- ROUGE (F1; lowercase alphanumeric tokens, no stemming, one reference) ----------------
def rouge_scores(candidate: str, reference: str) -> tuple[float, float, float]:
    c, r = _WORD.findall(candidate.lower()), _WORD.findall(reference.lower())
    return _ngram_f1(c, r, 1), _ngram_f1(c, r, 2), _f1(_lcs(c, r), len(c), len(r))


def _ngram_f1(c: list[str], r: list[str], n: int) -> float:
    cg = Counter(zip(*(c[i:] for i in range(n))))
    rg = Counter(zip(*(r[i:] for i in range(n))))
    return _f1(sum((cg & rg).values()), sum(cg.values()), sum(rg.values()))


def _f1(hit: int, nc: int, nr: int) -> float:
    if not hit:
        return 0.0
    p, r = hit / nc, hit / nr
    return 2 * p * r / (p + r)


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


# ---- baselines (bench only): on the same sentences, 3 sentences each ----------------------
def story_sentences(docs) -> list[tuple[int, int, str]]:
    """(source, position, text) of every running-text sentence of 5+ words."""
    out = []
    for d in docs:
        body = [s.text for s in document_sentences(d.text) if s.kind == TEXT]
        out += [(d.number, i, t) for i, t in enumerate(body) if len(t.split()) >= 5]
    return out


def lead3(docs) -> list[str]:
    first = min(d.number for d in docs)
    return [t for n, _, t in story_sentences(docs) if n == first][:3]


def _top3(sents, weights: np.ndarray) -> list[str]:
    scores = np.full(len(sents), 1.0 / max(len(sents), 1))
    rows = weights.sum(axis=1, keepdims=True)
    trans = np.divide(weights, rows, out=np.full_like(weights, 1.0 / max(len(sents), 1)),
                      where=rows > 0)
    for _ in range(50):
        scores = 0.15 / len(sents) + 0.85 * trans.T @ scores
    best = sorted(sorted(range(len(sents)), key=lambda i: -scores[i])[:3])
    return [sents[i][2] for i in best]


def lexrank(docs) -> list[str]:
    sents = story_sentences(docs)
    if not sents:
        return []
    toks = [Counter(_WORD.findall(t.lower())) for _, _, t in sents]
    df = Counter(w for t in toks for w in t)
    idf = {w: np.log(len(toks) / n) + 1 for w, n in df.items()}
    vec = [{w: c * idf[w] for w, c in t.items()} for t in toks]
    norm = [np.sqrt(sum(v * v for v in x.values())) or 1 for x in vec]
    n = len(sents)
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            dot = sum(v * vec[j].get(k, 0) for k, v in vec[i].items())
            w[i, j] = w[j, i] = float(dot / (norm[i] * norm[j]) > 0.1)
    return _top3(sents, w)


def textrank(docs) -> list[str]:
    sents = story_sentences(docs)
    if not sents:
        return []
    toks = [set(_WORD.findall(t.lower())) for _, _, t in sents]
    n = len(sents)
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            denom = np.log(len(toks[i]) + 1) + np.log(len(toks[j]) + 1)
            w[i, j] = w[j, i] = len(toks[i] & toks[j]) / denom if denom else 0
    return _top3(sents, w)


# ---- real data: ZDNet articles with an editor's key takeaways ------------------------------
@dataclass(frozen=True)
class Case:
    name: str
    docs: tuple
    reference: tuple[str, ...]
    scored: int
    """Source number of the ZDNet article the reference belongs to."""


_TAKEAWAYS = re.compile(r"key takeaways\s*", re.IGNORECASE)
_JUNK = re.compile(r"\bAlso:[^\n]*?(?-i:[a-z)](?=[A-Z]))|Get more in-depth ZDNET[^.]*\.|"
                   r"(?:Image )?Credits?:[^\n]*|Posted:[^\n]*|Techcrunch event[^\n]*", re.IGNORECASE)


def load_cases(data_dir: Path) -> list[Case]:
    articles = _read_tar(data_dir / "real-news-2025.tar.xz")
    partners: dict[str, set[str]] = {}
    for line in (data_dir / "real-news-2025.pairs.jsonl").read_text().splitlines()[1:]:
        pair = json.loads(line)
        if pair["label"] == "SAME_STORY":
            partners.setdefault(pair["a"], set()).add(pair["b"])
            partners.setdefault(pair["b"], set()).add(pair["a"])
    cases, seen = [], set()
    for name in sorted(articles):
        meta, body = articles[name]
        if "zdnet.com" not in str(meta.get("source", "")) or not _TAKEAWAYS.search(body):
            continue
        reference, rest = _split_takeaways(_clean(body))
        if not reference or reference in seen:
            continue
        seen.add(reference)
        names = sorted({name} | partners.get(name, set()) & set(articles),
                       key=lambda n: (str(articles[n][0].get("date")), n))
        docs = tuple(_document(i, articles[n], rest if n == name else None)
                     for i, n in enumerate(names, 1))
        cases.append(Case(name, docs, reference, names.index(name) + 1))
    return cases


def _read_tar(path: Path) -> dict[str, tuple[dict, str]]:
    out = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".md"):
                text = tar.extractfile(member).read().decode("utf-8", "replace")
                _, front, body = text.split("---", 2) if text.startswith("---") else ("", "", text)
                out[Path(member.name).name] = (yaml.safe_load(front) or {}, body)
    return out


def _clean(body: str) -> str:
    try:
        from digest.content.scraped import html_to_markdown, looks_like_html
        body = html_to_markdown(body) if looks_like_html(body) else body
    except ImportError:
        body = re.sub(r"<[^>]+>", " ", body)
    body = _JUNK.sub(" ", html.unescape(body))
    lines = [ln.strip() for ln in body.splitlines()]
    return "\n\n".join(ln for ln in lines if len(ln.split()) >= 6 or ln.endswith((".", '"')))


def _split_takeaways(body: str) -> tuple[tuple[str, ...], str]:
    """The editor's three takeaways and the body after them (the lead on)."""
    match = _TAKEAWAYS.search(body)
    if not match:
        return (), body
    sents = split_sentences(body[match.end():].replace("\n", " "))
    reference = tuple(sents[:3])
    if len(reference) < 3 or any(not 3 <= len(s.split()) <= 30 for s in reference):
        return (), body
    rest = " ".join(sents[3:])
    paras = [" ".join(sents[3 + i:3 + i + 3]) for i in range(0, len(sents) - 3, 3)]
    return reference, "\n\n".join(paras) if rest else ""


def _document(number: int, article: tuple[dict, str], body: str | None) -> SourceDocument:
    meta, raw = article
    if body is None:
        body = _clean(raw)
        if _TAKEAWAYS.search(body):
            body = _split_takeaways(body)[1] or body
    date = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return SourceDocument(number, str(meta.get("title", "")), body, meta.get("excerpt"),
                          str(meta.get("source", "")), date)


def quality(data_dir: Path, show: int) -> None:
    cases = load_cases(data_dir)
    methods = ["ours: summary", "ours: takeaways", "ours: summary+takeaways", "Lead-3",
               "Lead-3 of the scored article", "LexRank (3)", "TextRank (3)"]
    scores = {m: [] for m in methods}
    lengths = {m: [] for m in methods}
    multi = {m: [] for m in methods}
    for k, case in enumerate(cases):
        docs = case.docs
        story = analyse_story(docs)
        summary = summarize(docs, story=story)
        takeaways = key_takeaways(docs, summary, story=story)
        outputs = {
            "ours: summary": [e.text for e in summary],
            "ours: takeaways": [e.text for e in takeaways[:3]],
            "ours: summary+takeaways": [e.text for e in summary[:2]] + [e.text for e in takeaways[:2]],
            "Lead-3": lead3(docs), "LexRank (3)": lexrank(docs), "TextRank (3)": textrank(docs),
            "Lead-3 of the scored article": lead3([d for d in docs if d.number == case.scored]),
        }
        ref = " ".join(case.reference)
        for m, sents in outputs.items():
            r = rouge_scores(" ".join(sents), ref)
            scores[m].append(r)
            lengths[m].append(len(" ".join(sents).split()))
            if len(docs) > 1:
                multi[m].append(r)
        if k < show:
            print(f"\n## {case.name} ({len(docs)} sources)\nREF: " + " | ".join(case.reference))
            for m in ("ours: summary", "ours: takeaways", "Lead-3"):
                print(f"{m}: " + " | ".join(outputs[m]))
    n_multi = len(next(iter(multi.values())))
    print(f"\nROUGE F1 vs editor takeaways: {len(cases)} ZDNet stories ({n_multi} multi-source)")
    print("| method | R-1 | R-2 | R-L | words | multi-source R-1 / R-2 / R-L |")
    print("|---|---|---|---|---|---|")
    for m in methods:
        a = np.mean(scores[m], axis=0)
        b = np.mean(multi[m], axis=0) if multi[m] else (0, 0, 0)
        print(f"| {m} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} | {np.mean(lengths[m]):.0f} | "
              f"{b[0]:.3f} / {b[1]:.3f} / {b[2]:.3f} |")


def speed(articles: int) -> None:
    import frontmatter
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(SHARED / "tools/gen_corpus.py"), tmp,
                        "--articles", str(articles)], check=True, capture_output=True)
        truth = json.loads((Path(tmp) / "truth.json").read_text())
        stories = []
        for _sid, paths in sorted(truth["stories"].items()):
            posts = sorted((frontmatter.load(Path(tmp) / p) for p in paths),
                           key=lambda p: str(p.get("date")))
            stories.append([SourceDocument(i, str(p.get("title")), p.content, p.get("excerpt"),
                                           str(p.get("outlet")), dt.datetime(2025, 11, 1, tzinfo=dt.UTC))
                            for i, p in enumerate(posts, 1)])
    words = sum(len(d.text.split()) for s in stories for d in s)
    for shared in (True, False):
        start = time.perf_counter()
        for docs in stories:
            story = analyse_story(docs) if shared else None
            summary = summarize(docs, story=story)
            key_takeaways(docs, summary, story=story)
            merge_bodies(docs, story=story)
        took = time.perf_counter() - start
        label = "one analysis per story" if shared else "each step analyses again"
        print(f"speed ({label}): {sum(map(len, stories))} articles, {len(stories)} stories, "
              f"{words / 1e6:.1f} M words: {took:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print N example stories")
    args = parser.parse_args()
    if not args.skip_quality:
        quality(args.data, args.show)
    if not args.skip_speed:
        speed(args.articles)


if __name__ == "__main__":
    main()
