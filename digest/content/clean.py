"""Scraped boilerplate removed from an article's markdown body, line by line.

Every removal is made by a named rule of `digest.content.clean_rules.RULES`, one ordered
table, and is reported as a `RemovedLine` so `digest report` can show what went and why.
This module applies the table: a forward pass for the rules that look anywhere or in the
lead, a closing pass for those that look at the last lines, then the kept lines joined.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from digest.content import scraped
from digest.content.clean_rules import BLOCK_REACH, LAST, LEAD, RULES, Context, Rule
from digest.content.model import RemovedLine


@dataclass(frozen=True)
class CleanedBody:
    """A body with its boilerplate removed."""

    text: str
    """Kept markdown: blank-line runs folded to one, no leading or trailing blank lines."""
    removed: tuple[RemovedLine, ...]
    """Every removed line in body order, with its 1-based input line and rule name."""


_FLOORS = (0, 100, 200, 320, 600)
"""Line lengths where a longer line is screened by fewer patterns: a line longer than a
rule's `max_length` is never tested by it. Few tiers, as each has a regex to compile."""


@dataclass(frozen=True)
class _Tier:
    """The rules that may remove a line longer than a floor of `_FLOORS` (and no longer
    than the next) in one zone, and `screen`, every pattern among them at once: a line
    it does not match needs only `predicates`."""

    rules: tuple[Rule, ...]
    predicates: tuple[Rule, ...]
    screen: re.Pattern[str] | None


def _screen(rules: list[Rule]) -> re.Pattern[str] | None:
    patterns = [r.pattern for r in rules if r.pattern is not None]
    return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern})"
                               for p in patterns)) if patterns else None


def _tiers(rules: list[Rule], screens: tuple[re.Pattern[str] | None, ...]) -> tuple[_Tier, ...]:
    """One tier per floor of `_FLOORS`. `screens` (one per floor) may screen for more
    patterns than the zone's rules hold: a line matching only those is merely tried."""
    tiers = []
    for floor, screen in zip(_FLOORS, screens, strict=True):
        fit = tuple(r for r in rules if r.max_length > floor)
        tiers.append(_Tier(fit, tuple(r for r in fit if r.pattern is None), screen))
    return tuple(tiers)


_SCREENS = tuple(_screen([r for r in RULES if r.zone != LAST and r.max_length > floor])
                 for floor in _FLOORS)
_LEAD_TIERS = _tiers([r for r in RULES if r.zone != LAST], _SCREENS)
_BODY_TIERS = _tiers([r for r in RULES if r.zone not in (LAST, LEAD)], _SCREENS)


def clean_body(markdown: str, title: str, excerpt: str | None = None) -> CleanedBody:
    """`markdown` without the lines `RULES` call boilerplate; never raises.

    `title` and `excerpt` (cleaned fields) are looked for at the top. Glued lines are cut
    first (`digest.content.scraped.split_glued`), each piece kept as its own paragraph.
    Scraper indentation is removed from kept lines; list items keep theirs.
    """
    segments, truncated = [], []
    for number, line in enumerate(markdown.splitlines(), 1):
        for piece in scraped.split_glued(line):
            kept, cut = scraped.cut_truncation(piece)
            if cut:
                truncated.append(RemovedLine(number, cut, "truncated"))
            if kept.strip() or not piece.strip():
                segments.append((number, kept))
    plains = tuple(scraped.plain_text(piece) for _number, piece in segments)
    excerpt_key = scraped.match_key(re.sub(r"(?:\.\.\.|…)\s*$", "", excerpt or ""))
    context = Context(plains, scraped.match_key(title), excerpt_key)
    verdicts = _forward_pass(plains, context)
    _closing_pass(plains, context, verdicts)
    removed = [RemovedLine(segments[i][0], segments[i][1].strip(), rule)
               for i, rule in enumerate(verdicts) if rule]
    removed = sorted(removed + truncated, key=lambda r: r.line)
    return CleanedBody(_join_kept(segments, verdicts), tuple(removed))


def _forward_pass(plains: tuple[str, ...], context: Context) -> list[str | None]:
    """The rule name removing each segment (None: kept), top to bottom."""
    verdicts: list[str | None] = [None] * len(plains)
    in_lead = True
    for i, line in enumerate(plains):
        if not line or verdicts[i]:
            continue
        rule = next((r for r in _candidates(line, _LEAD_TIERS if in_lead else _BODY_TIERS)
                     if r.matches(line, context, i)), None)
        if rule is None:
            in_lead = in_lead and not scraped.is_prose(line)
        else:
            end = _span_end(rule, i, plains)
            verdicts[i:end + 1] = [rule.name if p else None for p in plains[i:end + 1]]
    return verdicts


def _candidates(line: str, tiers: tuple[_Tier, ...]) -> tuple[Rule, ...]:
    """The rules that could remove `line`, in table order: those whose length limit it
    fits, without the patterns when none of them can match."""
    tier = tiers[bisect_left(_FLOORS, len(line)) - 1]
    if tier.screen is None or tier.screen.fullmatch(line) is None:
        return tier.predicates
    return tier.rules


def _span_end(rule: Rule, i: int, plains: tuple[str, ...]) -> int:
    """The last segment a match at `i` removes: itself, its block, or all the rest."""
    if rule.drops_rest:
        return len(plains) - 1
    ends = (j for j in range(i, min(i + BLOCK_REACH, len(plains)))
            if rule.block_end is not None and rule.block_end.search(plains[j]))
    return next(ends, i)


def _closing_pass(plains: tuple[str, ...], context: Context, verdicts: list[str | None]) -> None:
    """Apply `LAST` rules to the closing kept lines, bottom-up, until one is kept."""
    closing = [r for r in RULES if r.zone == LAST]
    for i in reversed(range(len(plains))):
        if not plains[i] or verdicts[i]:
            continue
        rule = next((r for r in closing if r.matches(plains[i], context, i)), None)
        if rule is None:
            return
        verdicts[i] = rule.name


def _join_kept(segments: list[tuple[int, str]], verdicts: list[str | None]) -> str:
    lines: list[str] = []
    previous = 0
    for (number, piece), verdict in zip(segments, verdicts):
        if number == previous:
            lines.append("")  # pieces of one glued line are paragraphs of their own
        previous = number
        if verdict is None:
            lines.append(piece.rstrip() if scraped.LIST_ITEM.match(piece) else piece.strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
