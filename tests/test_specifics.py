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


def test_a_subject_few_other_articles_name_is_the_events_own_and_counts():
    """A festival named only by the reports of it is the event's own name, not a company
    the site covers all year: with `subject_concentration`, it counts like any name."""
    story = ["Kelpfest Kelpfest Kelpfest opened on the Ardmore pier.",
             "Kelpfest Kelpfest Kelpfest drew crowds to Ardmore."]
    lone = "Kelpfest Kelpfest: the Ardmore harbour master counted boats."
    site = rows(*story, lone, "Tide tables for Ardmore this week.")
    assert shared_specifics(site, [0, 1], [2], concentration=0.34) == 1
    assert shared_specifics(site, [0, 1], [2], concentration=0.34,
                            subject_concentration=0.5) == 2


def test_a_subject_the_site_names_elsewhere_still_never_counts():
    story = ["Saltway Saltway Saltway halted the Brindle ferry.",
             "Saltway Saltway Saltway cancelled the Brindle crossing."]
    elsewhere = [f"Saltway Saltway posted results for quarter {n}." for n in range(4)]
    site = rows(*story, "Saltway Saltway: Brindle neighbours shared bread.", *elsewhere)
    # "saltway": 3 of its 7 articles are the two stories', under half: the company.
    assert shared_specifics(site, [0, 1], [2], concentration=0.34,
                            subject_concentration=0.5) == 1
