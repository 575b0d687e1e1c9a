"""A wire dateline: where a report was filed, written before its first sentence
("DENVER (AP) —", "(HealthDay News) --"). It is not part of the statement, nor of a
headline a scraper made from that first sentence."""

from __future__ import annotations

import re

from digest.text.case import capitalize_first

DATELINE = re.compile(
    r"^(?:(?:(?-i:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:, (?-i:[A-Z][\w.]*)(?: [A-Z0-9][\w.]*){0,2})?"
    r"(?: \((?-i:[A-Z][\w .&-]{0,20})\))?|\((?-i:[A-Z][\w .&-]{0,20})\))\s*(?:[—–]|-{1,2})\s+"
    r"(?=[A-Z\"“])|(?-i:[A-Z]{3,}(?: [A-Z]{2,}){0,2})\s+(?=(?:A|An|The)\s))")
"""A wire dateline: the place in capitals ("NEW YORK", "CANNES, France", with a date:
"NEW YORK, May 18") and/or the agency in brackets ("(AP)", "(Reuters)"), then a dash:
where the report was filed, not part of its first sentence. Without a dash, a place in
capitals before "A", "An" or "The" ("DUBAI A court …"; not "NASA Administrator …")."""


def strip_dateline(text: str) -> str:
    """`text` without a leading wire dateline ("NEW YORK (AP) — A baby …" → "A baby …")."""
    return DATELINE.sub("", text, count=1)


def strip_headline_dateline(title: str) -> str:
    """`title` without a leading wire dateline that is surely one: with the agency in
    brackets ("KATHMANDU (Reuters) - …", "Washington (CNN) …", "(HealthDay News) -- …")
    or set off by a long
    dash ("LONDON — …"). A headline may open on a name in capitals and a hyphen ("GTA VI
    - The wait is over"), which a first sentence does not."""
    found = DATELINE.match(title) or _CREDITED.match(title)
    if found is None or not re.search(r"[(—–]|--", found.group(0)):
        return title
    return capitalize_first(title[found.end():])


_CREDITED = re.compile(
    r"^(?:[A-Z][A-Za-z.]*,?\s+){0,3}(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?"
    r"\((?-i:[A-Z][\w .&-]{0,20})\)\s*(?:(?:[—–]|-{1,2})\s*)?(?=[A-Z\"“])")
"""A dateline with the agency in brackets and no dash: "Washington (CNN) Sarah …",
"MONDAY, July 2 (HealthDay News) -- …"."""
