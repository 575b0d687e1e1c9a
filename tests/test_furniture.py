"""`furniture.is_boilerplate`, asked directly (`test_trust.py` asks it through `problem`)."""

import pytest

from digest.compose.furniture import is_boilerplate


@pytest.mark.parametrize("text", [
    "Sign up for the Orrin Gazette's ferry newsletter to get every timetable change.",
    "Update, June 2: Sealink has restored the night crossing.",
    "Ines Vale covers ferries and the harbour for The Orrin Gazette.",
    "As usual, Engadget will be covering the launch in person and online.",
    "Harbour Wire file photo/Ledger illustration: A ferry docks in Orrin at dawn.",
    "Starring Dana Holt and Ines Vale as the two ferry captains.",
    "Rated PG-13 for some peril at sea.",
    "In Danish and in Swedish with English subtitles.",
])
def test_page_furniture(text):
    assert is_boilerplate(text)


def test_news_is_not_furniture():
    assert not is_boilerplate("Sealink will add a night crossing from Orrin to Harlow in May.")
    assert not is_boilerplate("Bloomberg is reporting that Sealink will sell its night ferry.")
    assert not is_boilerplate("The film, starring Dana Holt, was directed by Ines Vale.")
    assert not is_boilerplate("Sealink rated its night crossing safe after the inspection.")
