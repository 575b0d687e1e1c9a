"""Summary quality and speed benchmark for the compose stage.

Quality (proxy, real data): ZDNet articles in real-news-2025 carry an editor's
"ZDNET's key takeaways" list right after the byline. For each such article the
list is cut out of the input, the story is the article plus its SAME_STORY
partners from the pairs file (or the article alone), and the summary and the
takeaways are scored against the editor's list with ROUGE-1/2/L F1, next to
Lead-3, LexRank and TextRank baselines on the same sentences. The data is read
from the tarball in memory; nothing of it is written anywhere.

`--clean pipeline` cleans every body the way a build does (`html_to_markdown`,
then `digest.content.clean.clean_body`, glue splitting included) instead of the
bench's own light regexes; the reference is cut out before cleaning either way.

Citations and hygiene (real data): every multi-source story of the pairs file
(SAME_STORY pairs joined into stories, bodies cleaned as a build does) and every
ZDNet story above are composed, and each shown sentence is checked by a judge
written apart from `support.py` (raw words, no stemming, no synonyms): citation
precision (cited sources whose text has the sentence: every figure, the names,
half its longer words, in one sentence or two adjacent ones), recall against a
looser judge, and how many sentences start dangling, carry a glued heading or
boilerplate, and how long and specific the takeaways are.

Speed (generated data): compose (summary + takeaways + brief) of every
story of a `gen_corpus.py` corpus, timed without file reading.

    python bench/summary.py [--data DIR] [--articles 10000] [--skip-speed] [--show N]
                            [--clean bench|pipeline] [--skip-audit] [--flags]
    python bench/summary.py --report REPORT.json --site SITE [--flags]

The second form audits every multi-source story of a built site (summary, takeaways
and brief) from its `digest report --json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import itertools
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

from digest.compose.blocks import TEXT
from digest.compose.brief import compose_brief
from digest.compose.extract import SourceDocument, summarize
from digest.compose.sentences import document_sentences
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
_REF_SPLIT = re.compile(r"(?<=[a-z0-9%)][.!?])[\"”’)]*\s*(?=[A-Z\"“])")


def ref_sentences(text: str) -> list[str]:
    """Sentences for cutting the reference out: a plain splitter of the bench's own,
    so the references and bodies do not move when the splitter under test changes."""
    return [s.strip() for s in _REF_SPLIT.split(" ".join(text.split())) if s.strip()]
_JUNK = re.compile(r"\bAlso:[^\n]*?(?-i:[a-z)](?=[A-Z]))|Get more in-depth ZDNET[^.]*\.|"
                   r"(?:Image )?Credits?:[^\n]*|Posted:[^\n]*|Techcrunch event[^\n]*", re.IGNORECASE)


def load_cases(data_dir: Path, clean: str = "bench") -> list[Case]:
    articles = _read_tar(data_dir / "real-news-2025.tar.xz")
    partners = _partners(data_dir)
    cases, seen = [], set()
    for name in sorted(articles):
        meta, body = articles[name]
        if "zdnet.com" not in str(meta.get("source", "")) or not _TAKEAWAYS.search(body):
            continue
        reference, rest = _split_takeaways(_clean(body)) if clean == "bench" else \
            _pipeline_split(meta, body)
        if not reference or reference in seen:
            continue
        seen.add(reference)
        names = sorted({name} | partners.get(name, set()) & set(articles),
                       key=lambda n: (str(articles[n][0].get("date")), n))
        docs = tuple(_document(i, articles[n], rest if n == name else None, clean)
                     for i, n in enumerate(names, 1))
        cases.append(Case(name, docs, reference, names.index(name) + 1))
    return cases


def _partners(data_dir: Path) -> dict[str, set[str]]:
    partners: dict[str, set[str]] = {}
    for line in (data_dir / "real-news-2025.pairs.jsonl").read_text().splitlines()[1:]:
        pair = json.loads(line)
        if pair["label"] == "SAME_STORY":
            partners.setdefault(pair["a"], set()).add(pair["b"])
            partners.setdefault(pair["b"], set()).add(pair["a"])
    return partners


def load_stories(data_dir: Path, clean: str) -> list[tuple[str, tuple]]:
    """Every story the SAME_STORY pairs join (articles with a source URL), sources in
    date order, bodies cleaned as `clean` says (ZDNet takeaways stay, as in a build)."""
    articles = {n: a for n, a in _read_tar(data_dir / "real-news-2025.tar.xz").items()
                if a[0].get("source")}
    partners = _partners(data_dir)
    seen: set[str] = set()
    stories = []
    for name in sorted(partners):
        if name in seen or name not in articles:
            continue
        group, todo = set(), [name]
        while todo:
            n = todo.pop()
            if n not in group and n in articles:
                group.add(n)
                todo.extend(partners.get(n, ()))
        seen |= group
        names = sorted(group, key=lambda n: (str(articles[n][0].get("date")), n))
        docs = tuple(_document(i, articles[n], _pipeline_body(*articles[n]) if clean != "bench"
                               else _clean(articles[n][1]), clean)
                     for i, n in enumerate(names, 1))
        stories.append((names[0], docs))
    return stories


_TAR: dict[Path, dict[str, tuple[dict, str]]] = {}


def _read_tar(path: Path) -> dict[str, tuple[dict, str]]:
    if path in _TAR:
        return _TAR[path]
    out = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".md"):
                text = tar.extractfile(member).read().decode("utf-8", "replace")
                _, front, body = text.split("---", 2) if text.startswith("---") else ("", "", text)
                out[Path(member.name).name] = (yaml.safe_load(front) or {}, body)
    _TAR[path] = out
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
    sents = ref_sentences(body[match.end():])
    reference = tuple(sents[:3])
    if len(reference) < 3 or any(not 3 <= len(s.split()) <= 30 for s in reference):
        return (), body
    rest = " ".join(sents[3:])
    paras = [" ".join(sents[3 + i:3 + i + 3]) for i in range(0, len(sents) - 3, 3)]
    return reference, "\n\n".join(paras) if rest else ""


def _pipeline_body(meta: dict, raw: str) -> str:
    """The body as a build cleans it (`reader` does the same two steps)."""
    from digest.content.clean import clean_body
    from digest.content.scraped import html_to_markdown, looks_like_html
    markdown = html_to_markdown(raw) if looks_like_html(raw) else raw
    return clean_body(markdown, str(meta.get("title", "")), meta.get("excerpt")).text


def _pipeline_split(meta: dict, raw: str) -> tuple[tuple[str, ...], str]:
    """Like `_split_takeaways`, on text cleaned as a build does: the label's tail is
    cleaned (glued sentences become paragraphs), its first three sentences are the
    reference and the paragraphs after them the body."""
    match = _TAKEAWAYS.search(raw)
    if not match:
        return (), _pipeline_body(meta, raw)
    paragraphs = [p for p in _pipeline_body(meta, raw[match.end():]).split("\n\n") if p.strip()]
    reference: list[str] = []
    while paragraphs and len(reference) < 3:
        sents = ref_sentences(paragraphs.pop(0))
        take = sents[:3 - len(reference)]
        reference += take
        if sents[len(take):]:
            paragraphs.insert(0, " ".join(sents[len(take):]))
    if len(reference) < 3 or any(not 3 <= len(s.split()) <= 30 for s in reference):
        return (), "\n\n".join(paragraphs)
    return tuple(reference), "\n\n".join(paragraphs)


def _document(number: int, article: tuple[dict, str], body: str | None,
              clean: str = "bench") -> SourceDocument:
    meta, raw = article
    if body is None:
        if clean == "bench":
            body = _clean(raw)
            if _TAKEAWAYS.search(body):
                body = _split_takeaways(body)[1] or body
        else:
            body = _pipeline_split(meta, raw)[1] if _TAKEAWAYS.search(raw) else \
                _pipeline_body(meta, raw)
    date = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return SourceDocument(number, str(meta.get("title", "")), body, meta.get("excerpt"),
                          str(meta.get("source", "")), date)


# ---- audit: citations and hygiene, judged apart from support.py and quality.py --------------
_JWORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_JFIG = re.compile(r"\d[\d,]*(?:\.\d+)?")
_JNAME = re.compile(r"(?<=[\s(\"“])[A-Z][\w'’.-]*")
_JFIRST = re.compile(r"^\W*\S+")
_JSTOP = frozenset("""the and for that with from this have has had was were are will would its
their they them than then into over about after said says also been being which while when what
there these those some more most other such only just very can could not but all any our your
his her she him who whom how why where does did doing should may might must one two new now
like make made many much even well still yet back get got way year years""".split())
_DANGLING = ("he ", "she ", "it ", "they ", "this ", "that ", "these ", "those ", "but ",
             "however", "also", "meanwhile", "and ", "so ", "still,", "it's ", "they're ",
             "here ", "here's ", "there's ", "such ", "the move", "that move", "the decision",
             "the change", "the same", "the latter", "the former", "in fact", "instead",
             "in addition", "as a result", "for example", "for instance", "both ", "another ",
             "his ", "her ", "their ", "its ", "then ", "now, ", "again", "plus", "oh,")
_JBOILER = re.compile(
    r"\b(?:sign up|subscribe (?:to|now|today)|newsletters?|click here|read more|we may earn|"
    r"affiliate|also:|update[sd]?,? \w+ \d|photo:|image:|credits?:|getty|our editors|"
    r"disclosure:|earn (?:a )?commission|full (?:story|report)|head over to|check out|"
    r"in the comments|waitlist|early bird|disrupt 20\d\d|techcrunch event|contributing "
    r"writer|all rights reserved|follow us|promo code|% off|percent off|deal of the day)|©",
    re.IGNORECASE)
_GLUE = re.compile(r"(?<![\w@#/.])[a-z]{3,}[A-Z][a-z]|[a-z]{3,}[A-Z]\s|[.!?]\d{1,2}\.|"
                   r"\b(?:Why it matters|The big picture|Bottom line|What's next|Zoom in)\b|"
                   r"\b[A-Z][a-z]+(?:But|According|The|After|However|While|When|Or|And|So)\b")
_PERSON = re.compile(r"\b(?:I|I'm|I've|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|[Mm]y|me)\b")


def _jtokens(text: str) -> set[str]:
    out = set()
    for w in _JWORD.findall(text.lower().replace("’", "'")):
        w = w.removesuffix("'s").strip("'-")
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


def _jclaim(text: str) -> tuple[set[str], set[str], set[str]]:
    """(longer content words, figures, names) of a shown sentence."""
    words = {w for w in _jtokens(text) if len(w) > 3 and w not in _JSTOP and not w[0].isdigit()}
    rest = _JFIRST.sub("", text)
    names = {t for n in _JNAME.findall(" " + rest) for t in _jtokens(n) if t not in _JSTOP}
    return words, _jfigs(text), names


def _jfigs(text: str) -> set[str]:
    return {f.replace(",", "").rstrip("0").rstrip(".") if "." in f else f.replace(",", "")
            for f in _JFIG.findall(text)}


def _passages(doc) -> list[tuple[set[str], set[str]]]:
    sents = [s.text for s in document_sentences(doc.text)] + \
        [doc.excerpt or "", doc.title or ""]
    texts = sents + [a + " " + b for a, b in itertools.pairwise(sents)]
    return [(_jtokens(t), _jfigs(t)) for t in texts if t]


def _judged(claim, passages, loose: bool) -> bool:
    words, figs, names = claim
    allowed = len(names) // 3 if loose else int(len(names) >= 4)
    for tokens, found in passages:
        if figs <= found and len(names - tokens) <= allowed and \
                len(words & tokens) >= (0.4 if loose else 0.5) * len(words):
            return True
    return False


def _flags(text: str, summary_texts: list[str] | None) -> list[str]:
    low = text.lower()
    out = [name for name, bad in (
        ("dangling", low.startswith(_DANGLING)), ("glued", bool(_GLUE.search(text))),
        ("boilerplate", bool(_JBOILER.search(text))),
        ("first person", bool(_PERSON.search(re.sub(r"[\"“][^\"”]*[\"”]", "", text)))),
        ("question", text.rstrip("\"”’') ").endswith("?"))) if bad]
    if summary_texts is not None:
        mine = _jclaim(text)[0]
        for other in summary_texts:
            theirs = _jclaim(other)[0]
            shared = len(mine & theirs)
            if mine and theirs and max(shared / len(mine), shared / len(theirs)) >= 0.7:
                out.append("repeats")
                break
    return out


def _follows(before, sentence) -> bool:
    """Does `sentence` come right after `before` in the same source?"""
    return before is not None and before.source_number == sentence.source_number and \
        before.sentence_index == sentence.sentence_index - 1


def audit(docs, summary, takeaways, tally: Counter, show: bool, brief=()) -> None:
    """Add one story's citation and hygiene counts to `tally` (see the module docstring);
    `brief` (its sentences) is audited like the summary, a repeat judged within it, and a
    sentence right after the one before it in its source is not dangling."""
    passages = {d.number: _passages(d) for d in docs}
    shown_t: list[str] = []
    shown_b: list[str] = []
    for kind, items in (("summary", summary), ("takeaway", takeaways), ("brief", brief)):
        for before, e in zip((None, *items), items):
            claim = _jclaim(e.text)
            tally[f"{kind}s"] += 1
            tally["cites"] += len(e.cites)
            tally["multi-cited"] += len(e.cites) > 1
            for n, found in passages.items():
                cited = n in e.cites
                if cited:
                    ok = _judged(claim, found, loose=False)
                    tally["cites confirmed"] += ok
                    tally[f"{kind} cites"] += 1
                    tally[f"{kind} cites confirmed"] += ok
                    if not ok and show:
                        print(f"  UNCONFIRMED [{n}] {e.text}")
                elif len(docs) > 1 and _judged(claim, found, loose=True):
                    tally["missed"] += 1
                    if show:
                        print(f"  MISSED [{n}] cites={e.cites} {e.text}")
                if len(docs) > 1 and _judged(claim, found, loose=True):
                    tally["loose pairs"] += 1
                    tally["loose pairs cited"] += cited
                if len(docs) > 1 and n != e.source_number and _judged(claim, found, loose=False):
                    tally["judged pairs"] += 1
                    tally["judged pairs cited"] += cited
                    if not cited and show:
                        print(f"  NOT CITED [{n}] cites={e.cites} {e.text}")
            prior = [x.text for x in summary] + shown_t if kind == "takeaway" else \
                list(shown_b) if kind == "brief" else None
            if kind == "brief":
                shown_b.append(e.text)
                tally["brief uncited"] += not e.cites
            for flag in _flags(e.text, prior):
                if flag == "dangling" and kind == "brief" and _follows(before, e):
                    continue  # right after the sentence it leans on, as its source has it
                tally[f"{kind} {flag}"] += 1
                if show:
                    print(f"  {kind.upper()} {flag.upper()}: {e.text}")
            if kind == "takeaway":
                words = len(e.text.split())
                shown_t.append(e.text)
                tally["takeaway words"] += words
                tally["takeaways <= 25 words"] += words <= 25
                tally["takeaways with a figure or name"] += bool(claim[1] or claim[2])


def audit_report(columns: dict[str, Counter]) -> None:
    """Print the audit tallies, one column per story set."""
    def row(label: str, f) -> None:
        print(f"| {label} | " + " | ".join(f(t) for t in columns.values()) + " |")
    print("\nCitations and hygiene (judge written apart from support.py; see the docstring)")
    print("| | " + " | ".join(columns) + " |\n|---|" + "---|" * len(columns))
    pct = lambda a, b: lambda t: f"{t[a] / max(t[b], 1):.1%}"
    row("stories", lambda t: str(t["stories"]))
    row("summary sentences / takeaways / brief sentences",
        lambda t: f"{t['summarys']} / {t['takeaways']} / {t['briefs']}")
    row("sources cited per sentence",
        lambda t: f"{t['cites'] / max(t['summarys'] + t['takeaways'] + t['briefs'], 1):.2f}")
    row("citations confirmed by the judge", pct("cites confirmed", "cites"))
    row("brief citations confirmed by the judge", pct("brief cites confirmed", "brief cites"))
    row("other sources the judge finds it in, cited (recall)",
        pct("judged pairs cited", "judged pairs"))
    row("same with the looser judge", pct("loose pairs cited", "loose pairs"))
    for kind in ("summary", "takeaway", "brief"):
        for flag in ("dangling", "glued", "boilerplate", "first person", "question"):
            row(f"{kind} {flag}", lambda t, key=f"{kind} {flag}": str(t[key]))
    row("takeaway repeats summary/takeaway (≥70 % words)", lambda t: str(t["takeaway repeats"]))
    row("brief sentence repeats another (≥70 % words)", lambda t: str(t["brief repeats"]))
    row("brief sentences without a citation", lambda t: str(t["brief uncited"]))
    row("takeaway mean words", lambda t: f"{t['takeaway words'] / max(t['takeaways'], 1):.1f}")
    row("takeaways ≤ 25 words", pct("takeaways <= 25 words", "takeaways"))
    row("takeaways with a figure or name", pct("takeaways with a figure or name", "takeaways"))


def quality(data_dir: Path, show: int, clean: str = "bench",
            audited: Counter | None = None, flags: bool = False) -> None:
    cases = load_cases(data_dir, clean)
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
        if audited is not None:
            audited["stories"] += 1
            if flags:
                print(f"# {case.name}")
            brief = [e for p in compose_brief(story, 300) for e in p.sentences]
            audit(docs, summary, takeaways, audited, flags, brief)
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


def audit_stories(data_dir: Path, clean: str, flags: bool) -> Counter:
    """The audit over every multi-source story of the pairs file."""
    tally: Counter = Counter()
    for name, docs in load_stories(data_dir, clean):
        story = analyse_story(docs)
        summary = summarize(docs, story=story)
        takeaways = key_takeaways(docs, summary, story=story)
        brief = [e for p in compose_brief(story, 300) for e in p.sentences]
        tally["stories"] += 1
        if flags:
            print(f"# {name} ({len(docs)} sources)")
        audit(docs, summary, takeaways, tally, flags, brief)
    return tally


@dataclass(frozen=True)
class _Shown:
    """A sentence of `digest report --json`, as `audit` reads it."""

    text: str
    cites: tuple[int, ...]
    source_number: int
    sentence_index: int



def audit_built(report_path: Path, site: Path, flags: bool) -> Counter:
    """The audit over every multi-source story of a built site's `digest report --json`:
    its summary, takeaways and brief, each judged against the articles as the build
    read them (cleaned bodies)."""
    from digest.config import load_config
    from digest.content.reader import read_articles

    report = json.loads(report_path.read_text(encoding="utf-8"))
    read = read_articles(load_config(site, {"on_error": "skip"}))
    articles = {a.rel_path: a for a in read.articles}
    tally: Counter = Counter()
    for story in report["stories"]:
        own = [a for a in story["articles"] if a["duplicate_of"] is None]
        if len(own) < 2:
            continue
        numbers = {a["path"]: a["number"] for a in story["articles"]}
        docs = [SourceDocument(a["number"], articles[a["path"]].title, articles[a["path"]].body,
                               articles[a["path"]].excerpt, a["outlet"],
                               articles[a["path"]].date) for a in own]

        def shown(items):
            return [_Shown(s["text"], tuple(s["cites"]), numbers[s["from"]["path"]],
                           s["from"]["index"]) for s in items if s["from"]]
        brief = shown([s for p in story.get("brief", []) for s in p["sentences"]])
        tally["stories"] += 1
        if flags:
            print(f"# {story['slug']} ({len(docs)} sources)")
        audit(docs, shown(story["summary"]), shown(story["takeaways"]), tally, flags, brief)
    return tally


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
            compose_brief(story or analyse_story(docs), 300)
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
    parser.add_argument("--clean", choices=("bench", "pipeline"), default="bench",
                        help="clean bodies with the bench's regexes or as a build does")
    parser.add_argument("--skip-audit", action="store_true",
                        help="no citation and hygiene audit")
    parser.add_argument("--flags", action="store_true",
                        help="print every sentence the audit flags")
    parser.add_argument("--report", type=Path, help="audit this `digest report --json` of a "
                        "built site instead (with --site); nothing else is run")
    parser.add_argument("--site", type=Path, help="the site folder of --report")
    args = parser.parse_args()
    if args.report:
        audit_report({"multi-source stories of the report": audit_built(
            args.report, args.site, args.flags)})
        return
    if not args.skip_quality:
        zdnet: Counter | None = None if args.skip_audit else Counter()
        quality(args.data, args.show, args.clean, zdnet, args.flags)
        if zdnet is not None:
            multi = audit_stories(args.data, "pipeline", args.flags)
            audit_report({"ZDNet stories": zdnet, "multi-source stories (pipeline clean)": multi})
    if not args.skip_speed:
        speed(args.articles)


if __name__ == "__main__":
    main()
