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
    ("Sealink said at the time that the night ferry would run all winter.", True),
    ("Ferry traffic has doubled since then, the Orrin council said.", True),
    ("Sealink opened the night crossing in 2019 and has doubled its fleet since then.", False),
    ("Ten years after the storm, the harbour still has the ramp it built at the time.", False),
    ("Fares were frozen at the time of the vote on the new harbour fees.", False),
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
    # "the decision", "the move", "the news" in the first clause: which one?
    ("The Harbour Gazette reports that Sealink will appeal the decision.", True),
    ("Sealink's shares rose 5 percent on the news.", True),
    ("Critics say the change will hurt riders who rely on the night ferry.", True),
    ("Orrin closed the pier, and Sealink welcomed the decision.", False),
    ("Sealink cut the night fare by half, calling the move overdue.", False),
    ("The council's decision to close the pier surprised Sealink.", False),
    ("The decision of the harbour board surprised Sealink.", False),
    ("In the news media of Orrin, the ferry is the only story.", False),
    ('Vale called it "the decision of a lifetime" at the Orrin pier.', False),
    ('"We are proud of the new ferry," Vale wrote in the announcement.', False),
    ("Vale cancelled her trip after hearing the news the ferry would not sail.", False),
    ("Vale cancelled her trip after hearing the news Sealink would sell the ferry.", False),
    ("Sealink announced the decision.", True),
    # "the matter", "the issue", "the problem" stand for something said before, as "the
    # decision" does; "people familiar with the matter" is where words come from
    ("A hearing on the matter is set for December 19 at the Orrin court.", True),
    ("The Harbour Gazette said it asked Sealink about the issue.", True),
    ("Sealink fixed the problem within a day, the harbour board said.", True),
    ("People familiar with the matter said Sealink would sell the ferry.", False),
    ("The issue of night fares came up again at the council on Monday.", False),
    # "the company" inside a sentence that names none
    ("A judge granted the company an order against the harbour board.", True),
    ("A court fined the firm $2 million on Monday.", True),
    ("Sealink said the company would add a night ferry.", False),
    ("A judge sided with the startup Quillmark against the harbour board.", False),
    ("sAIl cut 50 jobs from its ferry team, the company's largest.", False),
    ("Google told riders to book early, according to an email sent by the company.", False),
    ("Combined with a new ferry, the company thinks it will carry more cars.", True),
    ("Vale was ousted as harbour master days later.", True),
    ("Vale was named harbour master in 2019 and ousted years later.", False),
])
def test_points_back_inside(text, points_back):
    assert points_back_inside(text) is points_back


@pytest.mark.parametrize("text,points_back", [
    ("Harwick Ferries settled that lawsuit in August and hired a new safety chief.", True),
    ("Orrin's mayor welcomed that design but said the ferry fares were too high.", True),
    ("The second ferry only accelerated that momentum.", True),
    ("The council appealed that ruling to the state court on Monday.", True),
    ("A survey found that passengers with season tickets travel twice a week.", False),
    ("Harwick said that passengers on the night ferry pay less.", False),
    ("Sealink launched an app that attempts to predict delays.", False),
    ("Harwick Ferries filed a lawsuit against Sealink and settled that lawsuit in May.", False),
])
def test_acting_on_that_thing_points_back(text, points_back):
    """"… settled that lawsuit in August": "that" and a noun acted on is the thing the
    sentence before told of. After a verb of saying or finding "that" opens a clause, a
    verb after the noun makes a relative clause, and a noun said earlier in the sentence is
    named there."""
    assert points_back_inside(text) == points_back
