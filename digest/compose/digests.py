"""One story → one `Digest`: number the sources, run the text algorithms on them
(`sentences`, `extract`, `takeaways`, `brief`, `support`), and let an editor's story
file win over generated text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from digest.compose.blocks import MEDIA
from digest.compose.brief import BriefPart, compose_brief
from digest.compose.disagree import disagreements
from digest.compose.extract import Extract, SourceDocument, summarize
from digest.compose.model import (
    EDITOR,
    GENERATED,
    BriefParagraph,
    Digest,
    DigestSection,
    DigestSentence,
    DigestSource,
    SentenceOrigin,
)
from digest.compose.features import mutual_containment
from digest.compose.full_names import surname_again
from digest.compose.named_again import named_again
from digest.compose.story import StoryText, analyse_story
from digest.compose.support import cited_sources
from digest.compose.takeaways import key_takeaways
from digest.compose.titles import representative_title
from digest.config import ComposeConfig
from digest.content.model import Article
from digest.group.duplicates import normalise_url
from digest.group.model import Story
from digest.text.sentences import split_sentences


def compose_story(story: Story, settings: ComposeConfig) -> Digest:
    """Compose one story; deterministic for the same story and settings."""
    sources = tuple(_best_copy(i, group.article, group.copies)
                    for i, group in enumerate(story.sources, start=1))
    docs = [_document(source) for source in sources]
    by_number = {s.number: s for s in sources}
    analysed = analyse_story(docs)
    generated = summarize(docs, word_budget=settings.summary_words,
                          max_sentences=settings.summary_sentences, story=analysed)
    override = story.override
    if override and override.takeaways:  # the editor's list sits right below the box
        generated = [e for e in generated
                     if not _said_in(e.text, override.takeaways, analysed)] or generated
    picked: list[Extract] = []
    summary, summary_origin = _sentences(generated, by_number, read=[]), GENERATED
    if override and override.summary:
        summary, summary_origin = _editor_sentences(split_sentences(override.summary),
                                                     analysed), EDITOR
    if override and override.takeaways:
        takeaways, takeaways_origin = _editor_sentences(override.takeaways, analysed), EDITOR
    else:
        picked = key_takeaways(docs, generated, min_items=settings.takeaways_min,
                               max_items=settings.takeaways_max, story=analysed)
        takeaways, takeaways_origin = _sentences(picked, by_number), GENERATED
    # The brief never prints a takeaway again: that list sits between it and the box.
    # With one source it also goes on from the box, which already tells what that source
    # leads with; with several it is a new account woven from all of them and reads
    # complete alone, so it may hold the box's sentences (the box is its short version,
    # as a standfirst is of an article) and opens where the box opens.
    again, again_extracts, opening = [*takeaways], [*picked], None
    goes_on_from_box = len(docs) < 2
    if goes_on_from_box:
        again = [*summary, *again]
        again_extracts += [] if summary_origin == EDITOR else generated
    elif summary_origin != EDITOR:
        opening = next((unit for unit, _ in _known_cites(analysed, generated[:1])), None)
    brief = compose_brief(analysed, settings.brief_words,
                          known=_known_cites(analysed, [*generated, *picked]),
                          shown=[s.text for s in again],
                          shown_units=[unit for unit, _ in _known_cites(analysed, again_extracts)],
                          opening=opening)
    if _only_repeats(brief, [e.text for e in generated] if summary_origin == GENERATED
                     else [s.text for s in summary]):
        brief = []  # the box again, word for word, tells the reader nothing new
    title = override.title if override and override.title else None
    return Digest(
        story=story,
        title=title or representative_title([s.article for s in sources],
                                            fallback=summary[0].text if summary else ""),
        title_origin=EDITOR if title else GENERATED,
        summary=summary, summary_origin=summary_origin,
        takeaways=takeaways, takeaways_origin=takeaways_origin,
        body=_texts(analysed),
        sources=sources,
        reviewed_by=override.reviewed_by if override else None,
        note=override.note if override else "",
        warnings=_warnings(story, summary),
        disagreements=disagreements(analysed) if len(sources) > 1 else (),
        brief=_brief_paragraphs(brief, by_number, box=summary if goes_on_from_box else ()),
    )


REPEATED = 0.8
"""Share of either text's content stems the other has when a box sentence says an editor's
takeaway again."""


def _said_in(text: str, takeaways: Sequence[str], story: StoryText) -> bool:
    """Does `text` say one of the editor's `takeaways` again, or do they say it (most of
    either one's content stems in the other)?"""
    mine = story.features_of(text)
    return any(mutual_containment(mine, theirs) >= REPEATED
               for theirs in map(story.features_of, takeaways))


def _only_repeats(brief: list[BriefPart], summary: Sequence[str]) -> bool:
    """Does the brief hold nothing but sentences of the summary box above it (`summary`,
    their texts as composed)?"""
    shown = set(summary)
    return all(e.text in shown for part in brief for e in part.sentences)


def _best_copy(number: int, article: Article, copies: tuple[Article, ...]) -> DigestSource:
    """The source entry, showing the best of the copies at the article's own URL: a
    named outlet, the most precise time, the fewest scraped lines removed, then the
    longest body (ties: the grouping's choice)."""
    url = normalise_url(article.source)
    same = [a for a in (article, *copies) if url is not None and normalise_url(a.source) == url]
    if len(same) < 2:
        return DigestSource(number=number, article=article, copies=copies)
    best = min(same, key=lambda a: (a.outlet == "Unknown", _vague_time(a), len(a.removed),
                                    -len(a.body), a is not article))
    rest = tuple(a for a in (article, *copies) if a is not best)
    return DigestSource(number=number, article=best, copies=rest)


def _vague_time(article: Article) -> bool:
    """A date without a time of day (midnight exactly): less precise than one with."""
    d = article.date
    return (d.hour, d.minute, d.second) == (0, 0, 0)


def _texts(story: StoryText) -> tuple[DigestSection, ...]:
    """Each source's text in full (its excerpt when the body is empty), in number order;
    a source with neither has no section."""
    out = []
    for doc, paragraphs in zip(story.docs, story.paragraphs):
        shown = tuple(p.markdown for p in paragraphs)
        if not any(p.kind != MEDIA for p in paragraphs) and (doc.excerpt or "").strip():
            shown = (doc.excerpt.strip(),)
        if shown:
            out.append(DigestSection(doc.number, doc.outlet, shown))
    return tuple(out)


def _known_cites(story: StoryText, extracts: Sequence[Extract]
                 ) -> dict[tuple[int, str], tuple[int, ...]]:
    """(unit, shown text) → citations of the sentences already composed, for the brief."""
    unit_of = {(u.number, u.sentence.index, u.field): i for i, u in enumerate(story.units)}
    return {(unit_of[key], e.text): e.cites for e in extracts
            if (key := (e.source_number, e.sentence_index, e.field)) in unit_of}


def _brief_paragraphs(brief: list[BriefPart], by_number: dict[int, DigestSource],
                      box: Sequence[DigestSentence] = ()) -> tuple[BriefParagraph, ...]:
    """The brief as shown: one account, read from its first sentence on, or from the
    summary `box` when it goes on from there (a one-source story's brief)."""
    read = [s.text for s in box]
    shown = tuple(_paragraph(part, by_number, read) for part in brief)
    if all(p.heading is None or p.heading.casefold() in
           " ".join(s.text for s in p.sentences).casefold() for p in shown):
        return shown
    # A surname for a full name ("Dunmore" for "Rafael Dunmore") took a heading's words
    # from its section: headings are shown over every section or none.
    return tuple(replace(p, heading=None) for p in shown)


def _paragraph(part: BriefPart, by_number: dict[int, DigestSource],
               read: list[str]) -> BriefParagraph:
    return BriefParagraph(aspect=part.aspect, heading=part.heading,
                          sentences=_sentences(part.sentences, by_number, read=read))


def _document(source: DigestSource) -> SourceDocument:
    a = source.article
    return SourceDocument(number=source.number, title=a.title, text=a.body, excerpt=a.excerpt,
                          outlet=a.outlet, date=a.date)


def _sentences(extracts: Sequence[Extract], by_number: dict[int, DigestSource], *,
               read: list[str] | None = None) -> tuple[DigestSentence, ...]:
    """The extracts as shown. `read`, when given, is what the reader has read before them
    in the same account (the box's sentences, the brief's), and grows with them: a
    speaker named in full there keeps the surname alone (`full_names.surname_again`,
    `named_again`)."""
    out = []
    for e in extracts:
        text, rewrite = e.text, e.rewrite
        if read is not None:
            earlier = " ".join(read)
            text, rewrite = surname_again(text, rewrite, earlier)
            if not rewrite:
                text, rewrite = named_again(text, earlier)
            read.append(text)
        out.append(DigestSentence(text=text, cites=e.cites, origin=SentenceOrigin(
            rel_path=by_number[e.source_number].article.rel_path,
            sentence_index=e.sentence_index, sentence=e.source_sentence, rewrite=rewrite)))
    return tuple(out)


def _editor_sentences(texts: Sequence[str], story: StoryText) -> tuple[DigestSentence, ...]:
    """Editor text keeps its words; it is cited wherever a source supports it (the
    analysed story is the one `supporting_sources` would analyse for each)."""
    return tuple(DigestSentence(text=t, cites=cited_sources(story, t)) for t in texts)


def _warnings(story: Story, summary: Sequence[DigestSentence]) -> tuple[str, ...]:
    warnings = []
    if len(story.sources) == 1:
        warnings.append("story has a single source")
    if not summary:
        warnings.append("no summary sentence could be selected")
    if any(len(s.cites) == 0 for s in summary):
        warnings.append("a summary sentence has no supporting source")
    if len(story.sources) > 12:
        warnings.append(f"suspiciously large story: {len(story.sources)} sources")
    return tuple(warnings)
