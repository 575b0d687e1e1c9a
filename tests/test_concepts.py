"""Concept coverage (Gillick & Favre): word pairs weigh by the number of sources that
use them, and the summary's further sentences cover what most sources corroborate;
on a fixture story written for these tests."""

from __future__ import annotations

from datetime import datetime, timezone

from digest.compose.concepts import concept_weights, cover_pick, text_concepts
from digest.compose.extract import summarize
from digest.compose.select import Candidate, Limits
from digest.compose.source import SourceDocument
from digest.compose.story import analyse_story

WHEN = datetime(2026, 3, 4, 9, 0, tzinfo=timezone.utc)

# Three outlets on a ferry line closing. Every outlet says the Saltmere ferry stops on
# 30 April; only one says (three times over) that the harbour café has new owners.
COURIER = ("Ossary Ferries will close its Saltmere crossing after forty years, the operator "
           "confirmed on Tuesday.\n\n"
           "The harbour cafe near the slipway changed hands last month under new owners. "
           "The harbour cafe new owners plan a bakery counter. "
           "Regulars at the harbour cafe new owners welcomed say prices stay the same.\n\n"
           "The last Saltmere ferry sails on 30 April, with the crossing replaced by a bus link.")
GAZETTE = ("The Saltmere crossing run by Ossary Ferries is to shut, ending forty years of "
           "service.\n\n"
           "The last Saltmere ferry sails on 30 April, the operator said, citing falling "
           "passenger numbers.")
ECHO = ("Islanders are angry that Ossary Ferries plans to close the Saltmere crossing.\n\n"
        "The last Saltmere ferry sails on 30 April and a replacement bus link starts in May.")


def _docs():
    return [SourceDocument(n, title, text, None, outlet, WHEN) for n, (title, text, outlet) in
            enumerate([("Saltmere ferry to close", COURIER, "Harbour Courier"),
                       ("Ferry crossing to shut", GAZETTE, "Island Gazette"),
                       ("Anger over ferry closure", ECHO, "Saltmere Echo")], start=1)]


def test_a_word_pair_weighs_by_the_sources_using_it_not_by_how_often():
    story = analyse_story(_docs())
    weights = concept_weights(story)
    stem = story.stemmer.stem
    assert weights[(stem("saltmere"), stem("ferry"))] == 3.0
    # "harbour cafe" is said three times, by one source only: it is not corroborated
    assert (stem("harbour"), stem("cafe")) not in weights
    # two stopwords are never a concept
    assert not any(a == "the" and b == "last" for a, b in
                   text_concepts(story, "The last Saltmere ferry sails on 30 April."))


def test_the_summary_covers_what_most_sources_corroborate():
    summary = summarize(_docs(), word_budget=45)
    texts = " ".join(e.text for e in summary)
    assert "30 April" in texts
    assert "cafe" not in texts


def test_cover_pick_never_counts_a_concept_twice():
    story = analyse_story(_docs())
    units = {u.sentence.text: i for i, u in enumerate(story.units)}
    same = [t for t in units if "last Saltmere ferry sails" in t]
    assert len(same) == 3
    cands = [Candidate(units[t], t, len(t.split()), 1.0) for t in same]
    picked = cover_pick(story, cands, Limits(words=200, items=5))
    assert len(picked) == 1


def test_sources_sharing_no_word_pair_still_get_a_summary_of_several_sentences():
    """Two outlets telling different sides of one storm: no word pair is corroborated,
    so coverage adds nothing; the summary still says more than its lead."""
    first = ("Storm Idris flooded the lower streets of Pellow on Sunday night, the county "
             "council said.\n\n"
             "Firefighters pumped water from forty cellars along the quay before dawn.\n\n"
             "Volunteers handed out sandbags at the parish hall until midnight.")
    second = ("Rail services between Pellow and Tremar were suspended on Monday after a "
              "landslip near Carn.\n\n"
              "Engineers expect the line to reopen by Thursday once the bank is shored up.\n\n"
              "Replacement buses leave the station forecourt every half hour.")
    docs = [SourceDocument(1, "Storm Idris floods Pellow", first, None, "Pellow Post", WHEN),
            SourceDocument(2, "Storm Idris cuts rail line", second, None, "Rail Weekly", WHEN)]
    assert len(summarize(docs, word_budget=60)) >= 2
