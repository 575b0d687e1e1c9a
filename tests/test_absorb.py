"""Folding small stories into the closest story (`digest.group.absorb`)."""

from __future__ import annotations

import dataclasses

import datetime as dt

import numpy as np
import scipy.sparse as sp

from digest.group import cluster
from digest.group.absorb import SmallStories, StoryFacts, fold_small_stories
from digest.group.cluster import ClusterItem, ClusterSettings, profile_items
from digest.group.features import word_counts
from digest.group.specifics import site_specifics, specific_words

SETTINGS = SmallStories()
HOUR = 1 / 24


def words(text: str):
    return specific_words(*word_counts(text, str.lower))


def body(rows: list[list[float]]) -> sp.csr_matrix:
    """Unit-length body rows from word weights (columns are words)."""
    matrix = np.asarray(rows, dtype=float)
    return sp.csr_matrix(matrix / np.linalg.norm(matrix, axis=1, keepdims=True))


# Articles 0-2: one story (a ferry strike), 3: another outlet's report of it that shares
# few words with each article but several with the story as a whole; 4-5: a story of
# another event (a museum reopening) that shares one word with article 3.
ROWS = [
    [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    [0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
    [1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0],
    [0.2, 0.2, 0.2, 3.0, 0.0, 0.1, 0.0],
    [0.0, 0.0, 0.0, 0.0, 1.0, 0.1, 1.0],
    [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0],
]
CLUSTERS = [[0, 1, 2], [3], [4, 5]]


def facts(**changes) -> StoryFacts:
    base = StoryFacts(days=[0.0, 2 * HOUR, 3 * HOUR, 4 * HOUR, 1 * HOUR, 5 * HOUR],
                      outlets=["north", "east", "west", "south", "north", "east"],
                      news=[True] * 6, conflict=lambda a, b: False, specifics=None)
    return dataclasses.replace(base, **changes)


def test_a_lone_report_closest_to_a_story_of_the_same_hours_joins_it():
    assert fold_small_stories(CLUSTERS, body(ROWS), facts(), SETTINGS) == [[0, 1, 2, 3], [4, 5]]


def test_a_lone_report_far_from_every_story_stays_alone():
    strict = dataclasses.replace(SETTINGS, similarity=0.5)
    assert fold_small_stories(CLUSTERS, body(ROWS), facts(), strict) == CLUSTERS


def test_a_report_a_day_later_is_a_follow_up_and_stays_apart():
    later = facts(days=[0.0, 2 * HOUR, 3 * HOUR, 1.0, 1 * HOUR, 5 * HOUR])
    assert fold_small_stories(CLUSTERS, body(ROWS), later, SETTINGS) == CLUSTERS


def test_an_outlet_already_in_the_story_does_not_report_it_twice():
    again = facts(outlets=["north", "east", "west", "east", "north", "east"])
    assert fold_small_stories(CLUSTERS, body(ROWS), again, SETTINGS) == CLUSTERS


def test_service_pieces_and_contradicting_headlines_are_never_folded():
    deals = facts(news=[True, True, True, False, True, True])
    assert fold_small_stories(CLUSTERS, body(ROWS), deals, SETTINGS) == CLUSTERS
    contradicts = facts(conflict=lambda a, b: {a, b} == {1, 3})
    assert fold_small_stories(CLUSTERS, body(ROWS), contradicts, SETTINGS) == CLUSTERS


def test_a_lone_report_close_to_two_stories_joins_the_closer():
    both = [list(row) for row in ROWS]
    both[3] = [0.3, 0.3, 0.3, 3.0, 0.25, 0.0, 0.25]
    assert fold_small_stories(CLUSTERS, body(both), facts(), SETTINGS) == [[0, 1, 2, 3], [4, 5]]
    museum_first = [both[i] for i in (4, 5, 3, 0, 1, 2)]
    assert fold_small_stories([[0, 1], [2], [3, 4, 5]], body(museum_first), facts(
        days=[1 * HOUR, 5 * HOUR, 4 * HOUR, 0.0, 2 * HOUR, 3 * HOUR],
        outlets=["north", "east", "south", "north", "east", "west"]), SETTINGS) == \
        [[0, 1], [2, 3, 4, 5]]


def test_two_lone_reports_are_left_to_the_linkage_without_specifics():
    """For two single articles the stories' cosine is the pair's own, already judged: without
    specific words to compare nothing adds to it."""
    assert fold_small_stories([[0], [1]], body([[1.0, 1.0], [1.0, 0.2]]),
                              facts(days=[0.0, HOUR], outlets=["north", "east"], news=[True] * 2),
                              SETTINGS) == [[0], [1]]


def lone_pair(cosine: float, second: str) -> list[list[int]]:
    """Two lone reports (0, 1) an hour apart whose bodies have this cosine, the first
    naming a ferry strike; 2 is a tide table that also names Harlow Sound."""
    texts = ["Ferry crews at Harlow Sound walked out; Brindle Island commuters were stranded.",
             second, "Tide tables for Harlow Sound this week."]
    site = site_specifics([words(text) for text in texts])
    rows = [[1.0, 0.0, 0.0], [cosine, np.sqrt(1 - cosine ** 2), 0.0], [0.0, 0.0, 1.0]]
    lone = facts(days=[0.0, HOUR, 2 * HOUR], outlets=["north", "east", "west"],
                 news=[True] * 3, specifics=site)
    return fold_small_stories([[0], [1], [2]], body(rows), lone, SETTINGS)


ISLAND_SHOPS = "Brindle Island shops ran short of bread while Harlow Sound stayed closed."


def test_two_lone_reports_of_one_event_pair_up_when_close_and_specific():
    """No third outlet confirms them, so they need closer bodies than a report joining a
    story, and the event's specifics (the island and the sound, not one name)."""
    assert lone_pair(0.2, ISLAND_SHOPS) == [[0, 1], [2]]
    assert lone_pair(0.06, ISLAND_SHOPS) == [[0], [1], [2]]  # enough to join a story only
    assert lone_pair(0.2, "Brindle Island votes on a new school.") == [[0], [1], [2]]


def test_no_body_words_leave_the_stories_as_they_are():
    assert fold_small_stories(CLUSTERS, None, facts(), SETTINGS) == CLUSTERS


DAY0 = dt.datetime(2031, 4, 2, 9, 0, tzinfo=dt.UTC)


def item(key: str, title: str, text: str, hours: float, outlet: str) -> ClusterItem:
    return ClusterItem(key=key, title=title, excerpt="", text=text,
                       date=DAY0 + dt.timedelta(hours=hours), outlet=outlet,
                       source_url=f"https://{outlet.replace(' ', '').lower()}.example/{key}")


STRIKE = [
    item("a.md", "Ferry crews walk out at Harlow Sound",
         "Ferry crews at Harlow Sound stopped work at dawn on Monday over a pay offer, leaving "
         "commuters stranded on Brindle Island. The Coastal Mariners Union said the strike "
         "would last 48 hours. Operator Saltway Lines called the walkout regrettable.",
         0, "Harbour Times"),
    item("b.md", "Harlow Sound ferries halted by 48-hour strike",
         "Saltway Lines cancelled every Harlow Sound crossing after the Coastal Mariners Union "
         "began a 48-hour strike. Brindle Island commuters queued for a single water taxi.",
         2, "Island Echo"),
    item("c.md", "Brindle Island cut off as ferry strike begins",
         "A 48-hour strike by the Coastal Mariners Union has cut Brindle Island off from the "
         "mainland; Saltway Lines says talks on pay will resume on Wednesday.",
         3, "Sound Daily"),
]
LONE = ("Schools on the island closed early and the clinic postponed appointments. Shopkeepers "
        "said deliveries of bread and milk would run out by Tuesday. At the quay, a crowd "
        "cheered as pickets from the union, which represents deckhands and engineers, waved "
        "flags. Saltway said it had offered four percent; the mariners want seven. Brindle "
        "residents have no bridge across Harlow Sound, and the water taxi carries twelve people.")
# The same company on the same day, another event: it shares Saltway (the company, each side's
# subject) and the theme's words, but none of the strike's specifics.
ORDER = ("Saltway Lines has ordered two hybrid ferries from the Vosk shipyard in Kettleby, its "
         "first new vessels in twenty years. Saltway said the ferries would carry more cars and "
         "cut fuel use; the yard will start building in the autumn. The order, worth forty "
         "million, was signed at a ceremony attended by the mayor of Kettleby.")
OTHER = [item(f"o{i}.md", title, text, 1 + i, f"Other {i}") for i, (title, text) in enumerate([
    ("Museum of Clocks reopens after repairs", "The Museum of Clocks in Vantry reopened its "
     "doors after two years of repairs to the roof and galleries."),
    ("Cup final goes to extra time", "The cup final between Rovers and Athletic went to extra "
     "time before a late header settled it."),
    ("New orchard scheme plants apple trees", "Volunteers planted four hundred apple trees in "
     "a scheme to bring orchards back to the valley."),
    ("Rail timetable changes in June", "The rail operator will change its timetable in June, "
     "adding evening trains on the coast line."),
    ("Library lends tools as well as books", "A library in Cowden now lends drills, ladders "
     "and sewing machines alongside its books."),
])]


def stories_with(lone: ClusterItem, settings: ClusterSettings) -> list[list[str]]:
    return cluster.find_stories(profile_items(STRIKE + OTHER + [lone], settings), settings)


def stories_with_lone_report(hours: float, settings: ClusterSettings) -> list[list[str]]:
    lone = item("d.md", "Island shops run short as crossing shuts", LONE, hours, "Mainland Post")
    return stories_with(lone, settings)


def test_a_report_of_the_strike_in_other_words_joins_the_strike_story():
    """The shop owners' angle shares the strike's specifics (operator, island, the sound)
    with the story as a whole but too few words with each report for the linkage."""
    alone = dataclasses.replace(ClusterSettings(), small_stories=None)
    assert ["d.md"] in stories_with_lone_report(4, alone)
    assert ["a.md", "b.md", "c.md", "d.md"] in stories_with_lone_report(4, ClusterSettings())


def test_the_same_report_a_day_later_stays_a_story_of_its_own():
    assert ["d.md"] in stories_with_lone_report(30, ClusterSettings())


def test_the_same_company_on_the_same_day_in_another_event_stays_apart():
    """Close enough in words to be folded, but it shares only the company, no specific."""
    order = item("e.md", "Saltway orders two hybrid ferries", ORDER, 4, "Mainland Post")
    assert ["e.md"] in stories_with(order, ClusterSettings())
    unchecked = dataclasses.replace(SETTINGS, least_specifics=0)
    assert ["e.md"] not in stories_with(order, dataclasses.replace(
        ClusterSettings(), small_stories=unchecked))


def test_a_page_without_outlet_or_source_never_joins():
    filler = dataclasses.replace(
        item("f.md", "Island shops run short as crossing shuts", LONE, 4, "Unknown"),
        source_url=None)
    assert ["f.md"] in stories_with(filler, ClusterSettings())
