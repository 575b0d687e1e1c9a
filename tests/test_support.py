"""Citation support: precision first, paraphrases allowed, figures must match."""

import datetime as dt

from compose_fixtures import load_story

from digest.compose.extract import SourceDocument
from digest.compose.support import supporting_sources


def doc(number, text):
    return SourceDocument(number=number, title=f"Source {number}", text=text, excerpt=None,
                          outlet=f"Outlet {number}", date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))


DOCS = [
    doc(1, "Brask Networks said on Monday it would cut 1,200 jobs, about 8% of its staff. "
           "The company blamed weak demand for routers."),
    doc(2, "Router maker Brask Networks will cut 1,200 jobs, or about 8% of its workforce, "
           "the company said. Its shares fell 3%."),
    doc(3, "Brask Networks will cut 900 jobs, a newspaper reported."),
    doc(4, "Weak demand for routers hit several makers this year."),
]

# (claim, sources that must be cited)
CASES = [
    ("Brask Networks will cut 1,200 jobs, about 8% of its staff.", (1, 2)),
    ("Brask Networks shares fell 3% on the news.", (2,)),
    ("Brask Networks will cut 2,000 jobs, about 8% of its staff.", ()),
    ("Kestrel Labs will cut 1,200 jobs, about 8% of its staff.", ()),
    ("The company blamed weak demand for routers.", (1,)),
    ("Bananas are yellow.", ()),
]


def test_support_cases():
    for claim, expected in CASES:
        assert supporting_sources(claim, DOCS) == expected, claim


def test_two_adjacent_sentences_can_support_together():
    docs = [doc(1, "Carrowmoor detected the intrusion on Aug. 14. The attackers had been inside "
                   "a file server for nine days.")]
    claim = "The attackers were inside a Carrowmoor file server for nine days before Aug. 14."
    assert supporting_sources(claim, docs) == (1,)


def test_fixture_lead_facts_are_cited_to_every_outlet_reporting_them():
    docs = load_story("compose_breach")
    claim = "Greyhollow claimed the attack and said it had taken 1.4 terabytes of data."
    assert supporting_sources(claim, docs) == (1, 2)


def test_empty_inputs():
    assert supporting_sources("", DOCS) == ()
    assert supporting_sources("Anything at all here.", []) == ()
