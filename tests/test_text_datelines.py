"""`text.datelines`: a wire dateline is where a report was filed, not part of its first
sentence or of a headline made from it (own-words fixtures)."""

import pytest

from digest.text.datelines import strip_dateline, strip_headline_dateline


@pytest.mark.parametrize("text", [
    "HARBOURTON (Wire) — The council approved the bridge budget on Monday.",
    "HARBOURTON, Westshire — The council approved the bridge budget on Monday.",
    "(Health Wire) -- The council approved the bridge budget on Monday.",
    "HARBOURTON - The council approved the bridge budget on Monday.",
    "HARBOURTON, May 18 -- The council approved the bridge budget on Monday.",
    "HARBOURTON The council approved the bridge budget on Monday.",
])
def test_a_dateline_before_the_first_sentence_is_dropped(text):
    assert strip_dateline(text) == "The council approved the bridge budget on Monday."


def test_capitals_that_open_the_sentence_itself_stay():
    text = "NASA Administrator Dana Holt said the launch will slip to May."
    assert strip_dateline(text) == text


@pytest.mark.parametrize("title, shown", [
    ("HARBOURTON (Wire) - The council approved the bridge budget",
     "The council approved the bridge budget"),
    ("(Health Wire) -- Naps help babies remember", "Naps help babies remember"),
    ("HARBOURTON — The council approved the bridge budget",
     "The council approved the bridge budget"),
    # a headline may open on capitals and a hyphen: only a sure dateline is dropped
    ("GTA VI - The wait for the trailer is over", "GTA VI - The wait for the trailer is over"),
    ("HARBOURTON The council approved the budget", "HARBOURTON The council approved the budget"),
])
def test_a_headline_loses_only_a_dateline_that_is_surely_one(title, shown):
    assert strip_headline_dateline(title) == shown
