"""The compose stage's view of one numbered source article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SourceDocument:
    """One source of a story, as the text algorithms read it."""

    number: int
    """Citation number, 1-based, the order of the story's sources list."""
    title: str
    text: str
    """Cleaned markdown body (boilerplate lines already removed upstream)."""
    excerpt: str | None
    outlet: str
    date: datetime
    """Publication time, timezone-aware."""
