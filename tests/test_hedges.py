"""`hedges.writers_guess`: the writer's own guess is not the news."""

import pytest

from digest.text.hedges import writers_guess


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
