"""The plain word pattern: lower-case ASCII letters and digits."""

from digest.text.words import ascii_words


def test_anything_but_a_lower_case_letter_or_digit_separates_words():
    assert ascii_words("it's 5g-ready, café") == ["it", "s", "5g", "ready", "caf"]
    assert ascii_words("U.S.") == []
    assert ascii_words("") == []
