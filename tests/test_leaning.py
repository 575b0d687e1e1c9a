"""`leaning.leans_back`, asked directly (`test_trust.py` asks it through `problem`)."""

import pytest

from digest.compose.leaning import leans_back


@pytest.mark.parametrize("text,leans", [
    ("The company said the ferry would sail in May.", True),
    ("Sealink said the ferry would sail in May.", False),
    ("That’s the last crossing of the year, Sealink said.", True),
    ('"I never expected it," said harbour master Ines Vale.', False),
    ('"It was the hardest call," Mayor Dana Holt said.', True),
])
def test_openings_that_lean_back(text, leans):
    assert leans_back(text, text.split()) is leans


def test_in_an_account_a_named_speaker_may_open_on_a_pronoun():
    text = '"It was the hardest call," Mayor Dana Holt said.'
    assert not leans_back(text, text.split(), in_account=True)
    unnamed = '"It was the hardest call," he said.'
    assert leans_back(unnamed, unnamed.split(), in_account=True)
