"""`fragments.fragment_problem`: pieces of sentences a scraped page ends with a full stop."""

import pytest

from digest.compose.fragments import fragment_problem
from digest.compose.quality import problem


@pytest.mark.parametrize("text,reason", [
    ("Includes a season pass and two years of free crossings for every cabin.", "no subject"),
    ("Is no longer just a ferry but the island's only link to the mainland.", "no subject"),
    ("Seems that for the island's commuters, at least, the wait is over.", "no subject"),
    ("Mayor Holt wrote in a post on the council's website announcing the vote.",
     "attribution with nothing said"),
    ("Holt said to cheers in the harbour hall.", "attribution with nothing said"),
    ("Holt said on Friday that the ferry would sail from Orrin in May.", None),
    ("Holt said in January it would cost $4 million to refit the old boat.", None),
    ("Holt explained to reporters how the new timetable works at night.", None),
    ("Thanks to its second hull, the ferry rides out winter storms.", None),
    ("Sealink’s new ferry carries 40 cars and 300 people.", None),
    ("Sealink launched a its Orrin ferry app for the island's commuters on Friday.",
     "broken text"),
    ("Sealink's ferry is the a-list choice of the island's commuters this summer.", None),
    ("Adds a car deck for 40 cars and two cabins to every crossing.", "no subject"),
    ("Tidewatch 3, Harbourview 2, Sealink 5, and more.", "no verb"),
    ("Quite the month for island commuters, then.", "no verb"),
    ("Tidewatch: Return of the Harbour Pilots.", "no verb"),
    ("Speaking at the Orrin harbour summit on Monday, Ines Vale.", "no main clause"),
    ("Speaking at the Orrin harbour summit, Vale said the ferry would sail.", None),
    ("During a vote on Friday, the board approved the ramp and its new operator, Sealink.",
     None),
    ("Sealink's ferry, launched in May, carries 40 cars.", None),
    ("Dana Quill, 21, of Harbour Road, Orrin; theft of a ferry ticket machine.",
     "no main clause"),
    ("Dana Quill, 21, of Orrin, was charged with theft; she denies it.", None),
    ("ORRIN HARBOUR CLOSED AFTER THE FERRY RAN AGROUND AT DAWN.", "in capitals"),
    ("The NASA and ESA teams met Orrin's FBI office on Monday.", None),
    ("The harbour lost a legend today, rest easy captain 🙏 to his family.", "social post"),
    ("The harbour lost a legend today, rest easy captain ---- to his family.", "broken text"),
    ("The Harlow ferry? — it may sail sooner than the Orrin one.", "broken text"),
    ("Vale posted \"Ferry day 🚢\" as the first crossing left Orrin on Monday.", None),
])
def test_fragments(text, reason):
    assert fragment_problem(text) == reason


def test_a_fragment_is_not_shown():
    assert problem("Includes a season pass and two years of free crossings for every cabin.") \
        == "no subject"


@pytest.mark.parametrize("text,instructs", [
    ("Expect both of them to sail from Orrin before the summer season starts.", True),
    ("Listen to the harbour master's full interview on the island radio station.", True),
    ("See if the night crossing still sails on Sundays in the winter.", True),
    ("Get them now at the lowest fare the line has ever offered.", True),
    ("Discover how the island's ferries are changing the way people commute.", True),
    ("Access to the car deck is limited until the ship docks at Orrin.", False),
    ("Learn About, the island's ferry app, lists every crossing of the week.", False),
    ("Sealink to add a second boat on the Orrin route in May, the council says.", False),
    ("Head to Settings > Ferry Alerts > Orrin in the app, and switch them on.", True),
    ("Fares rose 5 percent > inflation, the Orrin ferry council said on Monday.", False),
    ("Stay warm, stay dry and stay off the car deck while the ferry is at sea.", True),
    ("Get ready for a busy summer, because the night crossing now sails every day.", True),
    ("Keep Orrin Tidy, the island's litter group, cleans the pier every Friday.", False),
    ("Book, don't queue, for the night ferry out of Orrin this winter.", True),
    ("Sealink, not Orrin, runs the night ferry out of the harbour.", False),
    ("Work, not play, fills most of the island's winter days.", False),
])
def test_instructions_to_the_reader(text, instructs):
    assert (problem(text) == "instructs the reader") is instructs


@pytest.mark.parametrize("text", [
    "Ferry pass for $430: the island's only yearly ticket is due for a price rise.",
    "The Harbour Gazette will be reporting live from the launch of the Orrin ferry.",
])
def test_deal_items_and_live_coverage_promos_are_boilerplate(text):
    assert problem(text) == "boilerplate"


def test_a_doubled_article_is_a_typo_not_broken_text():
    assert fragment_problem("Fares rise in May, according to the the harbour's notice.") is None
