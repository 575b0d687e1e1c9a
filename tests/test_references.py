"""`references.points_back_inside`: a word inside the sentence that stands for something
only an earlier sentence names."""

import pytest

from digest.compose.references import points_back_inside


@pytest.mark.parametrize("text,points_back", [
    ("Sealink said those fares would rise in May.", True),
    ("Sealink offers discounts to those who book the night crossing before May.", False),
    ("Orrin will be one of those ports where the ferry stops twice a day.", False),
    ("Sealink sold three boats in 2019, and those boats still sail from Orrin.", False),
    ("Delays are never fun for those eager to cross before the storm.", False),
    ("The timetable for one of these isn't clear yet, the council said.", True),
    ("The Sealink ferry uses a single hull instead.", True),
    ("Sealink does not build a new boat but refits the old one instead.", False),
    ("Sealink will stream the launch the next day on its website.", True),
    ("Sealink does that by running a second boat at night.", True),
    ("Sealink said this week that the ferry would sail from Orrin in May.", False),
    ("The night crossing is free for pensioners, as well.", True),
    ("Island pensioners can book the night crossing free too.", True),
    ("Sealink raised its fares in May, and Harlow Lines did too.", False),
    # a comparison closing the sentence without its other side
    ("Sealink's reasons for dropping the night crossing may be a bit more complicated.", True),
    ("The process for booking a cabin on the night ferry is a lot less clear.", True),
    ("The night ferry is more comfortable than the day boat.", False),
    ("While the fares are set, the timetable for the night ferry is less clear.", False),
    ("The new ferry is faster than the old one, but not much more expensive.", False),
    ("Booking the night crossing online has become more popular.", False),
    ("With the launch a week away, a night ferry to Orrin is about to be a lot more real.",
     False),
    ("The cabins on the new night ferry could be more comfortable.", False),
    ("Sealink painted the old ferry to make it look more modern.", False),
    ("Vale left the ferry line a few months later and now runs the harbour.", True),
    ("Vale joined the ferry line in 2019 and left it two years later.", False),
    ("Sealink is testing these Night Saver fares on two crossings.", True),
    ("Most islanders use the Orrin Harbour Ferry, and half of those OHF trips are at night.",
     False),
    ("Sealink will add a second crossing this Friday.", False),
    ("The timing of his exit surprised the harbour's ferry crews.", True),
    ("In May, the founder announced he would sell the ferry line.", True),
    ("Vale said his ferry would sail from Orrin in May.", False),
    ("In his letter, Vale said the ferry would sail in May.", False),
    ("A harbour pilot who had worked there for years lost his licence.", False),
    ("Holm sold the line, and his ferry now sails for Sealink.", False),
    ("The partnership between the two companies ended in May.", True),
    ("Sealink ended its partnership with Harlow Lines after the two companies fell out.",
     False),
    ("Sealink says the refit is further proof of that approach.", True),
    ("Harbour fees had doubled by that time, the council said.", True),
    ("Sealink drew up a winter plan and kept to that plan through March.", False),
    ("The night ferry is so cheap to ride that people cross just for dinner.", False),
    ("Sealink warned that fares would rise after the storm damaged the ramp.", False),
    ("No other ferry line, or any bus line for that matter, serves Orrin.", False),
    ("Sealink raised these crossings' fares by a tenth.", True),
    # "this" or "that" opening what someone says stands for what was said before it
    ("Sealink says this will cut the night crossing to an hour.", True),
    ("The Orrin council on Monday denied that's the case for the winter timetable.", True),
    ("Harbour master Ines Vale said that this was the busiest summer in a decade.", True),
    ("Sealink said that will change once the second ferry arrives in May.", True),
    ("Sealink says that fares will rise in May.", False),
    ("Sealink said that it will add a night crossing in May.", False),
    ("Sealink says this week's storm damaged the ramp at Orrin.", False),
    ("Sealink says that adding a night ferry will cut the queue at Orrin.", False),
    ("If the council approves the ramp, Sealink says this will be its busiest port.", False),
])
def test_points_back_inside(text, points_back):
    assert points_back_inside(text) is points_back
