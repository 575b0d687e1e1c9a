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


# Another outlet's wording of the same fact (same names and figures, other words) is
# cited; a sentence that differs in a figure, a name, polarity, month or weekday is not.
PARAPHRASE_DOCS = [
    doc(1, "Orvane Foods said on Monday it will acquire the snack maker Pellet & Co for "
           "$1.2 billion in cash. The deal is expected to close in March."),
    doc(2, "Pellet & Co has agreed to be bought by Orvane Foods in a $1.2 billion cash deal, "
           "the two companies announced. Regulators in Brussels must approve it."),
    doc(3, "Kestrel Bank is cutting 450 jobs at its Dunmore call centre."),
    doc(4, "Kestrel Bank will lay off 450 employees at its Dunmore call centre, a union said. "
           "Orvane Foods will not acquire Pellet & Co, a spokesperson said on Friday."),
    doc(5, "The Orvane Foods deal for Pellet & Co is expected to close in June."),
]

PARAPHRASE_CASES = [
    ("Orvane Foods will buy Pellet & Co for $1.2 billion.", (1, 2)),
    ("Orvane Foods will buy Pellet & Co for $1.4 billion.", ()),
    ("Orvane Foods will buy Brisk Snacks for $1.2 billion.", ()),
    ("Kestrel Bank will cut 450 jobs at its Dunmore call centre.", (3, 4)),
    ("Orvane Foods will not acquire Pellet & Co.", (4,)),
    ("The Orvane Foods deal for Pellet & Co is expected to close in March.", (1,)),
    ("Orvane Foods said on Monday it will acquire Pellet & Co.", (1, 2)),
    ("Orvane Foods said on Tuesday it will acquire Pellet & Co.", (2,)),
]


def test_paraphrases_are_cited_and_near_misses_are_not():
    for claim, expected in PARAPHRASE_CASES:
        assert supporting_sources(claim, PARAPHRASE_DOCS) == expected, claim


def test_a_fact_stated_late_in_a_long_article_is_found():
    filler = " ".join(f"Analysts at firm {n} expect margins to tighten in quarter {n}."
                      for n in range(1, 40))
    long_doc = doc(2, filler + "\n\nKestrel Bank is cutting 450 jobs at its Dunmore call centre.")
    docs = [doc(1, "Kestrel Bank will cut 450 jobs at its Dunmore call centre."), long_doc]
    assert supporting_sources("Kestrel Bank will cut 450 jobs at its Dunmore call centre.",
                              docs) == (1, 2)


def test_late_evidence_needs_the_claims_figures_times_and_names_in_its_paragraph():
    filler = " ".join(f"Analysts at firm {n} expect margins to tighten in quarter {n}."
                      for n in range(1, 40))
    said = ("The lenders Kestrel, Dunmore, Ostrava and Brask will cut 450 jobs at their "
            "northern call centres.")
    for evidence, cited in ((said.replace(", Ostrava and Brask", " and Ostrava"), (1, 2)),
                            (said.replace(", Ostrava and Brask", " and Ostrava")
                             .replace("450", "540"), (1,)),
                            (said.replace(", Ostrava and Brask", " and Dunmore"), (1,)),
                            (said.replace(".", " in March."), (1, 2)),
                            (said, (1, 2))):
        docs = [doc(1, said), doc(2, filler + "\n\n" + evidence)]
        assert supporting_sources(said, docs) == cited, evidence  # one of four names may miss
    in_march = said.replace(".", " in March.")
    assert supporting_sources(in_march, [doc(1, in_march), doc(2, filler + "\n\n" + said)]) \
        == (1,)


def test_late_near_copies_of_a_claim_without_anchors_may_miss_only_its_verb_of_saying():
    filler = " ".join(f"Analysts at firm {n} expect margins to tighten in quarter {n}."
                      for n in range(1, 40))
    said = "The council confirmed the old bridge will close for repairs next spring."
    for evidence, cited in (("The old bridge will close for repairs next spring, the council "
                             "confirmed.", (1, 2)),
                            ("The old bridge will close for repairs next spring.", (1, 2)),
                            ("The bridge will close next spring.", (1,)),
                            ("The old bridge will close for repairs.", (1,))):
        docs = [doc(1, said), doc(2, filler + "\n\n" + evidence)]
        assert supporting_sources(said, docs) == cited, evidence


def test_fixture_paraphrase_is_cited_and_a_different_figure_is_not():
    docs = load_story("compose_layoffs")
    said = "Harwick Motors will cut 2,400 jobs, about 6% of its workforce."
    assert supporting_sources(said, docs) == (1, 2, 3)
    assert supporting_sources("Harwick Motors will cut 3,000 jobs, about 6% of its workforce.",
                              docs) == ()
    assert supporting_sources("The cuts will affect the battery plant in Ostrava.", docs) == ()


def test_empty_inputs():
    assert supporting_sources("", DOCS) == ()
    assert supporting_sources("Anything at all here.", []) == ()
