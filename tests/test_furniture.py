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
    # a research paper's apparatus: figure labels, reference numbers run on to words
    "Figure 3: Salinity of the harbour water at Orrin across the four seasons.",
    "Fig. 2 | Ferry crossings per day from Orrin, 1990 to 2020.",
    "Earlier surveys found low salinity near other harbours of the coast12,14, including Harlow9.",
    # a photo gallery's furniture and a link's text
    "Hide Caption 2 of 5 Photos: The Orrin ferry at dawn A ferry leaves the pier.",
    "Buy Photo Harbour master Ines Vale checks the ramp before the first crossing.",
    "Photos: The night ferry The Orrin ferry in the storm of 1998.",
    "Read the harbour master's letter to the council here.",
    "Watch the ferry's first crossing here:",
    "Skip in Skip x Embed x Share A ferry left Orrin at dawn on Monday.",  # a video player
])
def test_page_furniture(text):
    assert is_boilerplate(text)


def test_news_is_not_furniture():
    assert not is_boilerplate("Sealink will add a night crossing from Orrin to Harlow in May.")
    assert not is_boilerplate("Bloomberg is reporting that Sealink will sell its night ferry.")
    assert not is_boilerplate("The film, starring Dana Holt, was directed by Ines Vale.")
    assert not is_boilerplate("Sealink rated its night crossing safe after the inspection.")
    # figures and names with digits are not reference numbers; a table a sentence cites is
    assert not is_boilerplate("Sealink's servers in eu-north1 went down for an hour.")
    assert not is_boilerplate("The Ferry S25 costs $799 and sails at 30 knots.")
    assert not is_boilerplate("Table 2 shows the fares on every crossing from Orrin.")
    assert not is_boilerplate("Vale said the night ferry would stop here from May.")
    assert not is_boilerplate("See here for the timetable the council passed on Friday.")
