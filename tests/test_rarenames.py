"""Rare names two articles share (`digest.group.rarenames`), on hand-written articles."""

from __future__ import annotations

import dataclasses
import datetime as dt

from digest.group import cluster
from digest.group.cluster import ClusterItem, ClusterSettings, profile_items

SETTINGS = ClusterSettings()
DAY0 = dt.datetime(2031, 4, 2, 9, 0, tzinfo=dt.UTC)
FILLER_BODY = ("The company shared more details about its plans. Analysts expect the market to "
               "grow and customers to benefit from new features over the coming months.")


def item(key: str, title: str, text: str, *, days: float = 0.0, outlet: str) -> ClusterItem:
    return ClusterItem(key=key, title=title, excerpt="", text=text,
                       date=DAY0 + dt.timedelta(days=days), outlet=outlet, source_url=None)


def find_stories(items: list[ClusterItem], settings: ClusterSettings) -> list[list[str]]:
    return cluster.find_stories(profile_items(items, settings), settings)

FOUND = ("Rescuers pulled a swimmer from cold water late on Tuesday after a long search. Tobias "
         "Wrenfield had set off from Marrow Point with a friend, who reached the shore and "
         "called for help; a helicopter crew found him clinging to a buoy in thick fog, police "
         "in Eskerby said. He was taken to hospital with mild hypothermia. The coastguard "
         "repeated its warning about fog, which can roll in within minutes, and urged bathers "
         "to carry a whistle, wear a bright cap and tell someone on land when they expect to "
         "be back. ")
SAFE = ("A retired teacher who vanished while swimming is safe. Friends describe Wrenfield as a "
        "strong, experienced open-water athlete who trains all year, but rip currents near "
        "Marrow Point dragged him out to sea, and the town of Eskerby spent the evening waiting "
        "for news. Neighbours gathered at the harbour until the lifeboat came back. His "
        "daughter thanked the volunteers on social media, saying the family would donate to "
        "the charity that runs the station, and his club plans a sponsored swim in the autumn. ")
_TOPICS = [
    ("Parliament passes the budget after a long night", "Lawmakers approved spending plans for "
     "schools and roads after a debate that ran past midnight, with the opposition against."),
    ("Storm floods coastal roads", "Heavy rain flooded roads along the coast and closed two "
     "schools, while crews cleared fallen trees from railway lines."),
    ("Museum reopens after renovation", "The city museum reopened its doors with a new wing "
     "for modern art and a cafe overlooking the river."),
    ("Football club appoints new coach", "The club named a new head coach on a three-year "
     "contract after a poor season that ended in relegation."),
]
# A name is rare among many articles: forty more, each about its own numbered item.
OTHERS = _TOPICS * 10


def _site(safe_text: str = SAFE, safe_days: float = 0.3) -> list:
    rescue = [item("a.md", "Missing swimmer found alive after hours at sea", FOUND + FILLER_BODY,
                   outlet="Circuit Post"),
              item("b.md", "Teacher survives ordeal off the coast", safe_text + FILLER_BODY,
                   days=safe_days, outlet="Byte Ledger")]
    return rescue + [item(f"o{n:02d}.md", f"{title} (part {n})", f"{text} Part {n}. {FILLER_BODY}",
                          days=0.01 * n, outlet=f"Outlet {n}") for n, (title, text) in enumerate(OTHERS)]


def _rescue_stories(stories: list[list[str]]) -> list[list[str]]:
    """The stories holding the two rescue accounts."""
    return [story for story in stories if "a.md" in story or "b.md" in story]


def test_two_accounts_naming_the_same_rare_people_and_places_are_one_story():
    """Worded apart, the two accounts of one rescue share little but its names: the
    swimmer, the point he swam from and the town (each in no other article)."""
    assert _rescue_stories(find_stories(_site(), SETTINGS)) == [["a.md", "b.md"]]
    without = dataclasses.replace(SETTINGS, rare_names=None)
    assert _rescue_stories(find_stories(_site(), without)) == [["a.md"], ["b.md"]]


def test_fewer_shared_rare_names_or_another_day_are_not_enough():
    """Two shared names can be chance, and a day later it is another news cycle."""
    two_names = SAFE.replace("the town of Eskerby", "the whole town")
    assert _rescue_stories(find_stories(_site(two_names), SETTINGS)) == [["a.md"], ["b.md"]]
    later = find_stories(_site(safe_days=2.0), SETTINGS)
    assert _rescue_stories(later) == [["a.md"], ["b.md"]]
