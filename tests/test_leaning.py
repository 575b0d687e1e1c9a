"""`leaning.leans_back`, asked directly (`test_trust.py` asks it through `problem`)."""

import pytest

from digest.compose.leaning import leans_back


@pytest.mark.parametrize("text,leans", [
    ("The company said the ferry would sail in May.", True),
    ("One of the best is the night crossing, on sale for $40 this week.", True),
    ("One of the key routes here is the crossing from Orrin to Harlow.", True),
    ("One of the biggest ferries on the coast will sail from Orrin in May.", False),
    ("The union will represent the ferry crews and the harbour staff.", True),
    ("The pact brings two old rivals of the island's ferry trade together.", True),
    ("The division, called Sealink Freight, will run the night boats.", False),
    ("The plan called for two crossings a day from Orrin.", True),
    ("The app called Tidewatch shows every crossing.", False),
    ("The company called special attention to its safety record at Orrin.", True),
    ("The model that's on sale here sails at 30 knots.", True),
    ('"The platform will connect every harbour on the coast," Sealink said.', True),
    ("Sealink will stream the launch the next day on its website.", True),
    ("Sealink launched the boat on Monday and streamed it the next day.", False),
    ("Sealink will add a second boat within the next month, its chief said.", False),
    ("Sealink sent the notice the same day that Orrin closed its harbour.", False),
    ("Contact with the boat was made at 8:13 p.m. but lost the next day.", False),
    ("A second launch takes place the next morning, on 18 September, at Orrin.", False),
    ("Sealink usually adds its summer boats around then.", True),
    ("Sealink cut the fare in 2019 and has kept it low since then.", False),
    ("The exception is the night crossing, which still sails daily.", True),
    ("Similar delays have hit every ferry line this winter.", True),
    ("Similar to the Orrin ferry, the new boat carries 40 cars.", False),
    ("For one thing, the new boat carries 40 cars.", True),
    ("In one, the captain says the crossing was never safe.", True),
    ("In other cases, the ferry left Orrin an hour late.", True),
    ("In one case, a ferry left Orrin three hours late.", False),
    ("More importantly for Sealink, it could fill the night ferry in winter.", True),
    ("Sealink is now trying to fix that.", True),
    ("Sealink does that by running a second boat at night.", True),
    ("Sealink said that the second boat would run at night.", False),
    ("Sealink ran a night boat in 2019, but it may soon lose its licence to do that.", False),
    ("After sea trials, Sealink found that this design uses a third less fuel.", True),
    ("Sealink said this week that these ferries would sail from Orrin in May.", True),
    ("Sealink said this week that the ferry would sail from Orrin in May.", False),
    ("Sealink tested a new hull, and this hull uses a third less fuel.", False),
    ("Orrin residents can still book these Sealink cabins for $40 a night.", True),
    ("Sealink said the ferry would sail in May.", False),
    ("That’s the last crossing of the year, Sealink said.", True),
    ('"I never expected it," said harbour master Ines Vale.', False),
    ('"It was the hardest call," Mayor Dana Holt said.', True),
    ("If that sounds like a long wait for a ferry that sails twice a day, the residents of "
     "Orrin agree.", True),
    ("While that figure doubles in summer, the winter crossing carries 40 cars.", True),
    ("When he first sailed the route in a storm at night with no radar, he turned back.", True),
    ("If his figures are right, the new ferry will be the only boat on the route to use that "
     "hull; the Orrin and Sealink boats have two.", True),
    ("If her appeal fails, Ines Vale will leave the harbour board in May.", False),
    ("Though they are not a national line and never had more than two boats on the route, "
     "the Orrin ferries carry 2 million people.", False),
    ("When the company re-ran the model on the 2021 storm, which hit Orrin, it found a flaw.",
     True),
    ("Less than a year later, Sealink sold the second boat.", True),
    ("According to Sealink, this should cut the crossing to an hour.", True),
    ("As the Harbour Gazette notes, this would be the first new ferry in 30 years.", True),
    ("As Sealink grew, it added a second boat to the Orrin route.", False),
    ("According to Sealink, the new ferry will sail in May.", False),
    ("In another, a ferry ran aground off Orrin in May.", True),
    ("The site lists every crossing of the week.", True),
    ("The remarks come as Sealink cuts two crossings a week.", True),
    ("The renders show the new ferry with a second car deck.", True),
    ("The honor still belongs to the 1998 ferry, which sailed for 40 years.", True),
    ("None was large in terms of fares, the harbour master said.", True),
    ("None of the Orrin ferries sails on Sundays in winter.", False),
    ("Further, the ferry will stop at Orrin twice a day.", True),
    ("The news from Sealink is the latest in a run of ferry cuts.", True),
    ("The announcement of the Orrin deal came during Sealink's earnings call.", True),
    ("The news that Sealink will close the Orrin route came on Friday.", False),
    ("Since this week the ferry has sailed from Orrin at noon.", False),
    ("The Sealink ferry uses a single hull instead.", True),
    ("Sealink does not build a new boat but refits the old one instead.", False),
    ("Alternatively, passengers can book the night crossing.", True),
    ("The fight could change how the island is served.", True),
    ("The new rules take effect on 1 May.", True),
    ("The new devices go on sale in Orrin in May.", True),
    ("The GPS-guided app tracks every ferry from Orrin.", True),
    ("The Orrin-based startup runs two boats a day.", True),
    ("Many riders though saw the new fare as too high.", True),
    ("The judge said Sealink must run a night ferry.", True),
    ("The pair founded the Orrin ferry line in 2019.", True),
    ("The order covers the Orrin and Westport crossings.", True),
    ("The judge, Ada Holm, ruled on Friday that Sealink must pay.", False),
    ("Riders queued even though the ferry was full.", False),
    ("Busy though it may be, the Orrin ferry still loses money.", False),
    ("Sealink looks as though it will sail from Orrin in May.", False),
    ("The lawsuit against Sealink says the fares broke the harbour charter.", False),
    ("The number of boats and crews on the route fell to 12.", False),
])
def test_openings_that_lean_back(text, leans):
    assert leans_back(text, text.split()) is leans


@pytest.mark.parametrize("text,leans", [
    ('"We will reopen the pier in May," Mayor Dana Holt said.', False),
    ('"This ruling changes nothing for the ferry crews," Mayor Dana Holt said.', False),
    ('"There\'s no second ferry to call on," Mayor Dana Holt said.', False),
    ('"It was the hardest call," Mayor Dana Holt said.', True),
    ('"That was the moment the pier gave way," Mayor Dana Holt said.', True),
    ('"He never asked for the ferry to stop," Mayor Dana Holt said.', True),
    ('"We will reopen the pier in May," he said.', True),
    ('"As a result, we will reopen the pier in May," Mayor Dana Holt said.', True),
    ('"As we rebuild the pier, the ferry will stop at Harlow," Mayor Dana Holt said.', False),
])
def test_in_an_account_a_named_speaker_may_open_on_their_own_or_a_named_thing(text, leans):
    """In the brief a named speaker's quotation may open on "We" or on "This ruling":
    the speaker, and a thing the quotation names; "It was …", "That was …" or "He …" point
    at something said before the quotation, which the brief need not show."""
    assert leans_back(text, text.split(), in_account=True) is leans


@pytest.mark.parametrize("text", [
    "In the meantime, the ferry company has been looking for a second boat.",
    "Until then, Sealink will run the crossing with one vessel.",
    "At the time, Sealink said the ferry would sail in May.",
    "Sealink, however, said the ferry would sail in May.",
    "With the harbour closed, in turn, Sealink moved its boats to Orrin.",
    "Like the Orrin ferry, this vessel was built in Gdańsk.",
    "After Sealink's announcement, these boats will stay in port.",
    "Rather, the ferry will sail from Orrin twice a day.",
    "Like before, passengers can board with bicycles at the rear ramp.",
    "In a blog post, the company said the ferry would sail in May.",
    "To prevent this, Sealink says it will add a second evening crossing.",
    "To cover them, the harbour board raised the mooring fee by a tenth.",
    "To date, it has carried more than two million passengers.",
    "Today, its night crossing carries more passengers than the day boat.",
    "Assuming the harbour board agrees, that ramp will close in June.",
    "To say they were unhappy with the new timetable would be an understatement.",
    "Should it win the contract, the deal would run until 2030.",
    "Assuming there are no more storms, it'll sail from Orrin in May.",
    "Unless the harbour board objects, they'll add a night crossing.",
    "Once approved, it'll carry twice as many cars across to Orrin.",
])
def test_a_connective_or_demonstrative_after_an_opening_phrase_leans_back(text):
    assert leans_back(text, text.split())


@pytest.mark.parametrize("text", [
    "At the time of the storm, Sealink said the ferry would sail in May.",
    "In response to the storm, Sealink cancelled the evening crossing.",
    "After Sealink's announcement, this week's crossings were cancelled.",
    "Sealink said the ferry would sail in May, though only twice a day.",
    "Rather than cancel the crossing, Sealink moved it to Orrin.",
    "After Sealink's announcement, the company said the ferry would sail in May.",
    "To reach Orrin by noon, passengers must board the first crossing.",
    "To Sealink's relief, the harbour reopened on Monday morning.",
    "Had she lost the vote, Ines Vale would have left the harbour board.",
    "Assuming the harbour board agrees, Sealink will add a night crossing in May.",
    "Assuming that the ramp reopens as planned, the Sealink ferry will sail in May.",
])
def test_an_opening_phrase_that_names_its_reference_stands_alone(text):
    assert not leans_back(text, text.split())


def test_this_or_that_as_a_pronoun_after_a_clause_is_left_to_the_older_rule():
    # The opening clause may be what "that" stands for; the name in it lets it stand.
    text = "Although Sealink plans to appeal, that hasn't stopped Orrin from hiring boats."
    assert not leans_back(text, text.split())


def test_a_capitalised_noun_is_a_name_not_a_reference_back():
    text = "For photos, the Phone 3 comes with a triple rear camera and a selfie camera."
    assert not leans_back(text, text.split())
    assert leans_back("For photos, the phone comes with a triple rear camera.",
                      "For photos, the phone comes with a triple rear camera.".split())


@pytest.mark.parametrize("text", [
    "Unlike the old Sealink boat, it carries forty cars.",
    "As with the Orrin ferries, it runs on batteries alone.",
    "As the line's first electric boat, it has to prove the batteries last a winter.",
    "Remarkably, it sailed through the storm without a delay.",
    "Thanks to a longer hull, it now carries forty cars.",
    "Right now, it's on sale for $40 a crossing.",
    "In Orrin, that's another 6 percent on every ticket.",
    "Watching it leave the harbour for the last time was hard for the crew.",
    "For Sealink, this is the first boat that runs on batteries.",
    "In an interview with the Orrin Gazette, she said the boat would be late.",
    "At Sealink, he ran the night crossings for a decade.",
])
def test_a_pronoun_the_opening_phrase_cannot_name_leans_back(text):
    assert leans_back(text, text.split())


@pytest.mark.parametrize("text", [
    "Unlike Sealink, Tidewater Lines still sails at night.",
    "Like its rivals, Sealink said it would cut fares.",
    "Last month, it was reported that Sealink would add a night boat.",
    "Even for regulars, it can be hard to book a cabin in August.",
    "Sometimes when a ferry breaks down, it breaks down for weeks.",
    "Traditionally, Sealink has sailed twice a day.",
    "If Orrin votes against the fare, that will end the night crossing.",
    "In Vale's view, she was right to wait for the second boat.",
    "Following her first year at the harbour, Ines Vale ordered two new ferries.",
    "When Vale took over Sealink, she cut the night fares.",
])
def test_a_pronoun_that_stands_for_nothing_or_for_a_name_in_the_sentence_stands_alone(text):
    assert not leans_back(text, text.split())


@pytest.mark.parametrize("text", [
    "The company said the ferry would sail in May.",
    '"We did it," he said.',
    "He said the crossing would reopen in May.",
    "Sealink launched the boat on Monday and streamed it the next day.",
    "Sealink will stream the launch the next day on its website.",
    "Sign up for our newsletter to hear when the ferry sails",
])
def test_quality_leaning_is_what_a_verdict_says_of_leaning(text):
    """`quality.leaning`, the cheap look `eligible.follow_ons` takes first, gives a
    verdict's leaning flags whenever the verdict gets that far."""
    from digest.compose.quality import leaning, verdict

    found = verdict(text)
    assert found.first or leaning(text) == (found.leans, found.leans_in_account)
    assert leaning(text)[1] <= leaning(text)[0]


def test_a_person_known_only_by_role_leans_back():
    """"The suspect …", "The actress …": which one, the sentence before said; a clause or
    a name after the role says it here."""
    for text in ("The suspect was taken to the county hospital in Orrin on Friday.",
                 "The actress arrived at the Harlow premiere in a borrowed gown.",
                 "The boy was pronounced dead at the scene, the coroner said.",
                 "The girls were reported missing by their family on Monday.",
                 "According to the creative director, the sequel took four years."):
        assert leans_back(text, text.split()), text
    for text in ("The man who set fire to the Orrin ferry office was arrested on Monday.",
                 "The singer Ada Holm cancelled her Harlow concert on Friday.",
                 "The first woman to captain the Harlow ferry retired on Monday."):
        assert not leans_back(text, text.split()), text



@pytest.mark.parametrize("text,leans", [
    ("The Harwick VP claims ferry bookings are relatively stable.", True),
    ("The Harwick exec's explanation came after a post on the forum.", True),
    ("The Seaway spokesperson denied that the company had raised fares.", True),
    ("The Orrin senator was less concerned by the toll.", True),
    ("The North Harlow Republican said the ferry board should resign.", True),
    ("In a statement, the Orrin Democrat said the toll would stay.", True),
    ("The Harwick VP, Ada Holm, said ferry bookings are stable.", False),
    ("The Seaway researchers who ran the test published their results.", False),
    ("The Harwick engineers at the Orrin yard finished the hull on Monday.", False),
    ("The Harwick CEO said ferry bookings are stable.", False),
    ("A Seaway spokesperson said fares would not rise.", False),
    ("The Republican Party of Orrin backed the new ferry toll.", False),
])
def test_one_of_an_organisations_many_roles_leans_back(text, leans):
    """"The Harwick VP claims …", "The Orrin senator said …": an organisation or a state
    has many of them, so "the" presupposes one the sentence before named. An appositive
    name or a clause after the role says which; a role of which there is one ("The Harwick
    CEO") and "a/an" ("A Seaway spokesperson") do not point back."""
    assert leans_back(text, text.split()) == leans


@pytest.mark.parametrize("text,leans", [
    ("The new ferry leaves Orrin at dawn from Monday.", True),
    ("The latest timetable adds two late crossings.", True),
    ("The original carried 40 cars per crossing.", True),
    ("The previous owner sold the ferry in March.", True),
    ("The latest to get the new timetable is the Harlow crossing.", True),
    ("For context, other ferries on the coast carry 300 people.", True),
    ("If anything, Sealink's statement suggests the opposite.", True),
    ("To put this in perspective, Orrin has 4,000 residents.", True),
    ("The latest update to the Sealink app adds night crossings.", False),
    ("The new rules, agreed last week, take effect in May.", True),
    ("The new harbourmaster, Ada Holm, opened the terminal on Monday.", False),
    ("The latest timetable from Seaway Ferries adds two late crossings.", False),
    ("The new Harwick 9 ferry leaves Orrin at dawn.", False),
    ("The final season of the harbour drama airs on Friday.", False),
    ("The two villages agreed to share the Orrin berth.", False),
])
def test_a_thing_presented_as_already_met_leans_back(text, leans):
    """"The new ferry …", "The latest timetable …", "The previous owner …": the words mark a
    thing the reader is taken to have met already. A name or figure in the phrase, a phrase
    after it ("… from Seaway Ferries", "… of the harbour drama") or a name set beside it says
    which. "The two villages" is left: the sentence before most often names them. In the
    brief's account the story before has met the thing."""
    assert leans_back(text, text.split()) == leans


def test_in_an_account_a_thing_already_met_is_the_one_the_story_told_of():
    text = "The new ferry leaves Orrin at dawn from Monday."
    assert not leans_back(text, text.split(), in_account=True)


@pytest.mark.parametrize("text,leans", [
    ("One said the ferry timetable had been wrong on several crossings.", True),
    ("Two were taken to the Orrin hospital on Monday night.", True),
    ("Some immediately declared the night ferry the best crossing on the coast.", True),
    ("Several haven't sailed since the storm.", True),
    ("Two passengers were taken to the Orrin hospital on Monday night.", False),
    ("Some research suggests the harbour wall is older than the town.", False),
    ("One of the ferry's engines failed off Orrin on Monday.", False),
    ("Seven families sued Seaway Ferries over the cancelled crossings.", False),
    ("Many sailing clubs moved their boats to Orrin before the storm.", False),
    ("All were rescued by the Orrin lifeboat crew.", True),
    ("Each was built at the Harwick yard in 1990.", True),
    ("Both are back in service on the night crossing.", True),
    ("Many offer a discount for foot passengers.", True),
    ("One offers a cabin for every passenger.", True),
    ("All three ferries are sailing again on Friday.", True),
    ("All three — two ferries and a tug — are back in Orrin.", True),
    ("One that could cut the crossing to an hour.", True),
    ("Many who missed the last ferry slept in the terminal.", True),
    ("One can't say the ferry was ever on time.", True),
    ("All told, the storm cost Seaway Ferries a week of crossings.", False),
    ("All three of Seaway Ferries' boats are back in Orrin.", False),
    ("All 50 states require a ferry licence.", False),
    ("All paid tickets include a cabin on the night crossing.", False),
    ("Each year, about two million people cross to Orrin.", False),
    ("Many times the ferry turned back before the harbour.", False),
    ("Most people the survey asked said they would sail again.", False),
])
def test_a_bare_count_as_the_subject_leans_back(text, leans):
    """"One said …", "Two were taken …", "All three ferries are …": a count standing alone
    for people or things the sentence before named (a word that may be a noun or a verb is
    the verb when an object follows it: "Many offer a …"). A noun after the count, or "of",
    says who or what; a comma ends an idiom ("All told, …")."""
    assert leans_back(text, text.split()) == leans
    assert leans_back(text, text.split(), in_account=True) == leans


@pytest.mark.parametrize("text,leans", [
    ("In a series of posts on X, it said the timetable error was fixed.", True),
    ("In an interview on Radio Orrin, he said the ferry would run in May.", True),
    ("In a YouTube video, the company showed the new timetable app.", True),
    ("In a Harwick blog post, the company said the timetable error was fixed.", False),
    ("In a post on X, Harwick said the timetable error was fixed.", False),
    ("On Harwick's website, the company says the ferry runs in May.", False),
])
def test_where_words_were_posted_names_no_one(text, leans):
    """"In a series of posts on X, it said …": X is where it was said, not who "it" is; a
    name before the pronoun, or an owner of the place ("On Harwick's website, the
    company …"), still says who."""
    assert leans_back(text, text.split()) == leans


@pytest.mark.parametrize("text,leans", [
    ("The countries closed their ports to Harwick ferries on Monday.", True),
    ("The region now gets a third of its power from the Orrin tidal plant.", True),
    ("The city's council voted to sell the ferry on Tuesday.", True),
    ("The city of Orrin voted to sell the ferry on Tuesday.", False),
    ("The northernmost city in Norland, Orrin, is moving two miles east.", False),
])
def test_a_place_already_named_leans_back(text, leans):
    """"The countries …", "The region …", "The city's council …": which, the sentence before
    said. A phrase after it ("of Orrin") or a superlative ("the northernmost city in …")
    says which."""
    assert leans_back(text, text.split()) == leans
