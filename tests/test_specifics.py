"""The specifics two stories share (`digest.group.specifics`), on hand-written words."""

from __future__ import annotations

from collections import Counter

from digest.group.bags import make_bag
from digest.group.features import word_counts
from digest.group.specifics import shared_specifics, site_specifics, specific_words


def words(text: str) -> Counter:
    counts, capitals = word_counts(text, str.lower)
    return specific_words(counts, capitals)


def same_bag(bag, expected: list[str]) -> bool:
    return bag.ids.tolist() == make_bag(expected).ids.tolist()


def test_names_and_words_no_dictionary_knows_are_specific():
    bag = words("Ferry crews at Harlow Sound stopped work; the Kvarn-7 hydrofoil stayed in "
                "port and Saltway's chief said it was sad.")
    assert same_bag(bag, ["ferry", "harlow", "sound", "kvarn-7", "saltway"])


def test_dates_contractions_numbers_and_plain_compounds_are_not():
    bag = words("On Monday in March we're told 48 boats, well-suited to 2,000 trips, will sail. "
                "I'm sure, Mr Brandt said.")
    assert same_bag(bag, ["brandt"])


def rows(*texts: str):
    return site_specifics([words(text) for text in texts])


def test_shared_names_count_beyond_each_side_subject():
    site = rows("Saltway Saltway Saltway halted the Brindle ferry at Ostrava.",
                "Saltway Saltway Saltway cancelled the Brindle crossing.",
                "Saltway Saltway: Brindle and Ostrava neighbours shared bread.")
    # "saltway" is the subject of both sides (the company); "brindle" and "ostrava" remain.
    assert shared_specifics(site, [0, 1], [2], concentration=0.5) == 2


def test_a_word_most_of_the_site_uses_elsewhere_is_background():
    site = rows("Saltway Saltway Saltway halted the Brindle ferry at Ostrava.",
                "Saltway Saltway Saltway cancelled the Brindle crossing.",
                "Saltway Saltway: Brindle and Ostrava neighbours shared bread.",
                *(f"Ostrava council met about item {n}." for n in range(8)))
    assert shared_specifics(site, [0, 1], [2], concentration=0.34) == 1


def test_words_the_same_articles_use_are_one_name():
    story = ["Saltway Saltway Saltway: Wilma Haverkamp opened the quay.",
             "Saltway Saltway Saltway welcomed Wilma Haverkamp."]
    assert shared_specifics(rows(*story, "Saltway Saltway: Wilma Haverkamp spoke."),
                            [0, 1], [2], concentration=0.5) == 1
