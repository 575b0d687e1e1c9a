"""`compose.claims`: a sentence prepared once for the citation test (own-words fixtures)."""

import datetime as dt

from digest.compose.claims import claim_of
from digest.compose.extract import SourceDocument
from digest.compose.story import analyse_story


def doc(number, text):
    return SourceDocument(number=number, title=f"Source {number}", text=text, excerpt=None,
                          outlet=f"Outlet {number}", date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))


STORY = analyse_story([
    doc(1, "Brask Networks bought Kestrel Labs for $40 million in March, the company said. "
           "Brask Networks makes routers. Brask Networks noted that demand was weak."),
    doc(2, "Router maker Brask Networks acquired Kestrel Labs, it said on Tuesday."),
])


def test_synonyms_fold_into_one_group_and_verbs_of_saying_are_light():
    claim = claim_of("Brask Networks acquired Kestrel Labs, analysts noted.", STORY)
    bought = next(g for g in claim.groups if any(s.startswith("acquir") for s in g))
    assert any(s.startswith("bought") or s == "buy" for s in bought)
    noted = [light for g, light in zip(claim.groups, claim.light) if any("not" in s for s in g)]
    assert noted == [True] and not all(claim.light)


def test_a_claims_anchors_and_time_words_are_its_names_figures_months_and_days():
    claim = claim_of("Brask Networks paid $40 million for Kestrel Labs in March, on Tuesday.",
                     STORY)
    assert {"40m", "brask", "kestrel"} <= claim.anchors
    assert claim.time == {"march"} and claim.days == {"tuesday"}
    assert claim_of("Brask Networks paid $40 million for Kestrel Labs in March, on Tuesday.",
                    STORY) is claim  # prepared once per text and story
