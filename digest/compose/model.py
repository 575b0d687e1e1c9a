"""What the `compose` stage hands on: one `Digest` per story."""

from __future__ import annotations

from dataclasses import dataclass

from digest.content.model import Article
from digest.group.duplicates import normalise_url
from digest.group.model import Story

GENERATED = "generated"
EDITOR = "editor"


@dataclass(frozen=True)
class SentenceOrigin:
    """Where a generated sentence came from: traceable to one source sentence."""

    rel_path: str
    """The source article's path relative to content/."""
    sentence_index: int
    sentence: str
    """The source sentence, verbatim."""
    rewrite: str = ""
    """How its opener was replaced by the name it stands for, if it was
    ("'The company' → 'Harwick'"; see `compose.openers`)."""


@dataclass(frozen=True)
class DigestSentence:
    """One sentence of the summary box or one takeaway, with its citations."""

    text: str
    cites: tuple[int, ...]
    """Numbers of the sources (1-based, order of the sources list) that support it."""
    origin: SentenceOrigin | None = None
    """None for editor-written text."""


@dataclass(frozen=True)
class DigestSource:
    """An entry of the numbered sources list."""

    number: int
    article: Article
    copies: tuple[Article, ...] = ()
    """Near-copies collapsed into this source (every one, for the report)."""

    @property
    def also_published(self) -> tuple[Article, ...]:
        """The copies a reader is told about ("also published by"): never the source's own
        URL or outlet again, each outlet and URL once."""
        own_url = normalise_url(self.article.source)
        seen = {self.article.outlet.casefold()}
        out = []
        for copy in self.copies:
            url = normalise_url(copy.source)
            key = copy.outlet.casefold()
            if (url is not None and url == own_url) or key in seen:
                continue
            seen.add(key)
            out.append(copy)
        return tuple(out)


@dataclass(frozen=True)
class DigestSection:
    """One source's text in full, as markdown paragraphs (shown below the brief)."""

    source_number: int
    outlet: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    """One value of a disputed slot, as some sources give it."""

    value: str
    """The value as written in the sentence ("$4.1 billion", "Tuesday")."""
    sources: tuple[int, ...]
    """Numbers of the sources giving it."""
    sentence: str
    """A sentence saying it (of the first of `sources`)."""


@dataclass(frozen=True)
class Disagreement:
    """One fact the sources state with different figures or days."""

    kind: str
    """`money`, `percent`, `count` or `weekday`."""
    sides: tuple[Side, ...]
    """Two or more, ordered by their first source number."""


@dataclass(frozen=True)
class BriefParagraph:
    """A paragraph of the brief: one aspect of the story, from all its sources."""

    aspect: str
    """`event`, `details`, `reactions` or `context` (see `compose.brief_aspects`)."""
    heading: str | None
    """A key phrase of its own sentences (briefs of three paragraphs or more), else None."""
    sentences: tuple[DigestSentence, ...]


@dataclass(frozen=True)
class Digest:
    """A story composed for reading: title, summary box, takeaways, brief, source texts,
    sources."""

    story: Story
    title: str
    title_origin: str
    summary: tuple[DigestSentence, ...]
    summary_origin: str
    takeaways: tuple[DigestSentence, ...]
    takeaways_origin: str
    body: tuple[DigestSection, ...]
    sources: tuple[DigestSource, ...]
    reviewed_by: str | None = None
    note: str = ""
    """An editor's note (markdown) from the story file."""
    warnings: tuple[str, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    """Facts the sources state with different figures or days (`compose.disagree`)."""
    brief: tuple[BriefParagraph, ...] = ()
    """The brief: the story told once from all sources, by aspect, every sentence cited."""

    @property
    def slug(self) -> str:
        return self.story.slug
