import re
import sys

from digest.text.screen import FOLDS_TO_ASCII, may_contain


def test_folds_to_ascii_lists_every_character_ignorecase_matches_to_a_letter():
    others = "".join(map(chr, range(128, sys.maxunicode + 1)))
    assert tuple(re.findall("[a-z]", others, re.IGNORECASE)) == FOLDS_TO_ASCII


def test_a_text_without_the_words_cannot_match():
    assert may_contain("Back THEN.", "back then.", ("then",))
    assert not may_contain("Back now.", "back now.", ("then",))
    assert may_contain("Back \u0131.", "back \u0131.", ("then",))  # dotless i: always searched
