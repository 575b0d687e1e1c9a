"""`digest.text.figures`: one reading of written numbers, scales and years."""

import re

import pytest

from digest.text.figures import (
    CURRENCIES,
    FIGURE,
    Figure,
    MULTIPLIERS,
    NUMBER,
    SCALE_WORD,
    SCALES,
    has_digit,
    is_year,
    plain_number,
    read_figure,
    scale_word,
    standalone,
)


@pytest.mark.parametrize(("written", "plain"), [
    ("1,200", "1200"), ("1,200.50", "1200.5"), ("3.0", "3"), ("0.00", "0"), ("5,", "5"),
    ("4.1", "4.1"), ("2025", "2025")])
def test_one_number_written_two_ways_is_one_plain_number(written, plain):
    assert plain_number(written) == plain


def test_a_written_number_is_digits_commas_and_a_decimal_part():
    assert re.findall(NUMBER, "$4.1 billion, 1,200 jobs and 38.") == ["4.1", "1,200", "38"]
    assert re.findall(NUMBER, "1,3-Butadiene, 12,34 and 1,2000") == ["1", "3", "12", "34", "1",
                                                                     "2000"]


def test_a_figure_is_a_number_or_an_amount_of_money():
    assert re.findall(FIGURE, "$4.1 billion; €30; £5 and 1,200.") == ["$4.1", "€30", "£5", "1,200"]
    assert set(CURRENCIES) == {"$", "€", "£"}


def test_a_scale_word_is_read_whole():
    assert all(re.fullmatch(SCALE_WORD, word) for word in SCALES)
    assert re.fullmatch(scale_word(["bn", "b"]), "bn") and not re.fullmatch(scale_word(["bn"]), "t")
    assert re.match(SCALE_WORD, "mn").group() == "mn"  # not "m" of it
    assert re.match(SCALE_WORD + r"\b", "Billion", re.IGNORECASE)
    assert not re.match(SCALE_WORD + r"\b", "bits")


def test_a_figure_glued_to_a_word_or_a_number_is_not_one_of_its_own():
    found = standalone(re.compile(FIGURE), "A4 paper, 3.5 kg, $12, .5, x_9, 1,2 and 7")
    assert [m.group() for m in found] == ["3.5", "$12,", "1,2", "7"]


def test_a_figure_is_read_once_for_every_stage():
    assert read_figure("$4.10 bn") == Figure("$", "4.1", None, "bn")
    assert read_figure("$4.10 bn").scale == 1e9
    assert read_figure("3-1") == Figure("", "3", "1", "")
    assert read_figure("1,200.50%").number == "1200.5" and read_figure("5 percent").unit == "percent"
    assert read_figure("5").scale is None and read_figure("$") is None


def test_only_a_well_formed_thousands_comma_is_part_of_a_number():
    assert read_figure("1,200,000").number == "1200000"
    assert read_figure("12,34").number == "12" and read_figure("1,3-Butadiene").number == "1"
    assert read_figure("2025.0").number == "2025"  # a year, however it is written


def test_years_are_1900_to_2099():
    assert is_year("2025") and is_year("1999")
    assert not is_year("2100") and not is_year("202") and not is_year("2025.5")


def test_every_scale_word_has_a_multiplier():
    assert SCALES["bn"] == SCALES["billion"] == "b"
    assert {MULTIPLIERS[letter] for letter in SCALES.values()} == {1e3, 1e6, 1e9, 1e12}


def test_a_digit_anywhere_may_be_a_figure():
    assert has_digit("up 5%") and not has_digit("five per cent")


def test_group_and_compose_read_figures_here():
    from digest.compose import disagree, features
    from digest.group import facts
    from digest.group import features as features_of_group

    # a model number is no amount: its look-ahead knows the scale words from here
    assert facts._models("Lenovo Legion Go 2 ships")[0] == {"go 2"}
    assert all(not facts._models(f"Acme Funds 5 {word} more")[0] for word in SCALES)
    # grouping reads figures with `read_figure` and keeps only its kinds on top
    assert [(kind, value) for kind, value, _ in facts._numbers("$4 bn, up 5% in 2025; 12,34",
                                                               set())] == \
        [("money", 4e9), ("percent", 5.0), ("count", 12.0)]
    assert [(kind, value) for kind, value, _ in facts._numbers("won 3-1 in 2025.0", set())] \
        == [("score", "3-1")]
    assert features_of_group.entities("Acme pays $1,200.50 for A4 paper")[-1] == "n:1200.5"
    assert features_of_group.entities("1,3-Butadiene and 2.0 tonnes") == ["n:1", "n:2"]
    assert features.terms("Sales rose to $1,200.50 million.", features.Stemmer())[1] == \
        ["1200.5m"]
    assert [v.key for v in disagree.values("The deal is worth $4.10 billion.")] == ["4.1b"]
    # compose reads only well-formed thousands commas, as grouping does
    assert features.terms("Exposure to 1,3-butadiene rose 12,34 and 1,2000.",
                          features.Stemmer())[1] == ["1", "3", "12", "34", "1", "2000"]
    assert disagree._figures("It found 1,3-butadiene at 2,400 sites") == {"1", "3", "2400"}
