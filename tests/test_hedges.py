"""`hedges.writers_guess`: the writer's own guess is not the news."""

import pytest

from digest.text.hedges import writers_comment, writers_guess


@pytest.mark.parametrize("text,guess", [
    ("Sealink likely hopes the second ferry will cut the queue at Orrin by half.", True),
    ("The harbour board probably wants the ramp rebuilt before the summer season.", True),
    ("Perhaps the biggest change is the night crossing, which starts in May.", True),
    ("Harwick presumably never expected the ramp to close for a whole winter.", True),
    # a forecast with an adjective, a guess someone is said to make, a comparison
    ("The ramp is likely to reopen in May, two weeks later than planned.", False),
    ("Analysts say Sealink will probably raise its fares after the storm.", False),
    ("Sealink will probably raise fares, according to the harbour board.", False),
    ("Night crossings are more likely than day ones to be cancelled in a storm.", False),
    ("Sealink cancelled the night crossing on Friday after the storm hit Orrin.", False),
    ("Sealink likely to raise fares as fuel costs climb", False),
])
def test_writers_guess(text, guess):
    assert writers_guess(text) is guess


@pytest.mark.parametrize("text,comment", [
    ("Sealink is arguably the best ferry line on the coast.", True),
    ("Unfortunately, the Orrin ramp is shut until May.", True),
    ("The night crossing will surely sell out by Friday.", True),
    ("Analysts said Sealink is arguably the best ferry line on the coast.", False),
    ('"It is arguably the best crossing we have," Vale said.', False),
    ("Sealink cut the fare to $40 on Friday.", False),
    ("Passengers complain when a timetable is too obviously padded for delays.", False),
])
def test_writers_comment(text, comment):
    """The writer's stance ("arguably", "unfortunately", "surely") judges what happened;
    one someone is said to take, or one inside a quotation, is reported; after a word of
    degree ("too obviously padded") the adverb describes, it takes no stance."""
    assert writers_comment(text) == comment


@pytest.mark.parametrize("text,verdict", [
    ("Sealink's safety record is spotty at best.", True),
    ("The new night ferry is really impressive, especially in a storm.", True),
    ("Harwick's failure to reopen the Orrin ramp is shocking.", True),
    ("Analysts said Sealink's results were disappointing.", False),
    ('"The results were disappointing," Sealink\'s chief executive said.', False),
    ("Tickets for the night ferry are on sale at Best Buy.", False),
    ("Sealink's profit fell 4% to $12 million in the third quarter.", False),
])
def test_writers_verdict(text, verdict):
    """The writer's verdict ("spotty at best", "is really impressive", "is shocking")
    judges what happened; one someone is said to pass, or one inside a quotation, is
    reported."""
    from digest.text.hedges import writers_verdict, writers_view

    assert writers_verdict(text) == verdict
    assert writers_view(text) == verdict
