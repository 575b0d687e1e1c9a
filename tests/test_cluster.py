"""Story clustering and duplicate detection on small hand-written articles."""

from __future__ import annotations

import datetime as dt
import random

from digest.group.cluster import ClusterItem, ClusterSettings, find_duplicates, find_stories

SETTINGS = ClusterSettings()
DAY0 = dt.datetime(2031, 4, 2, 9, 0, tzinfo=dt.timezone.utc)


def item(key: str, title: str, text: str, *, days: float = 0.0, outlet: str = "Unknown",
         url: str | None = None, excerpt: str = "") -> ClusterItem:
    return ClusterItem(key=key, title=title, excerpt=excerpt, text=text,
                       date=DAY0 + dt.timedelta(days=days), outlet=outlet, source_url=url)


LANTERN = [
    item("a-lantern.md", "Quillmark buys Lanternfish for $2.4 billion",
         "Quillmark agreed to acquire the robotics start-up Lanternfish for $2.4 billion, "
         "its chief executive Odile Varga said on Tuesday. Lanternfish makes warehouse arms.",
         outlet="Daily Wire Desk", url="https://dwd.example/quillmark-lanternfish"),
    item("b-lantern.md", "Lanternfish acquired: Quillmark pays $2.4B for robot arm maker",
         "In a $2.4 billion deal, Quillmark is taking over Lanternfish, whose warehouse robot "
         "arms sort parcels. Odile Varga called it a long-term bet.",
         days=0.3, outlet="Circuit Post", url="https://circuitpost.example/2031/lanternfish"),
    item("c-lantern.md", "Why Quillmark wanted Lanternfish",
         "Odile Varga explains the Lanternfish purchase: the $2.4 billion acquisition gives "
         "Quillmark the warehouse arms it could not build itself.",
         days=1.0, outlet="Byte Ledger", url="https://byteledger.example/why-lanternfish"),
]

FILLER_BODY = ("The company shared more details about its plans. Analysts expect the market to "
               "grow and customers to benefit from new features over the coming months.")


def test_same_event_by_three_outlets_is_one_story():
    assert find_stories(LANTERN, SETTINGS) == [["a-lantern.md", "b-lantern.md", "c-lantern.md"]]


def test_two_events_of_one_company_with_similar_words_stay_apart():
    items = [
        item("p1.md", "Quillmark recalls Heron 5 tablet over battery swelling",
             "Quillmark is recalling 80,000 Heron 5 tablets after reports of swelling batteries "
             "in Norway. " + FILLER_BODY, outlet="Circuit Post"),
        item("p2.md", "Heron 5 tablet recall: Quillmark pulls 80,000 units",
             "About 80,000 Heron 5 units are being pulled by Quillmark after batteries swelled, "
             "starting in Norway. " + FILLER_BODY, days=0.2, outlet="Byte Ledger"),
        item("q1.md", "Quillmark unveils Osprey 2 smartwatch with solar charging",
             "Quillmark announced the Osprey 2 smartwatch, priced at $349, with a solar ring "
             "around the display. " + FILLER_BODY, days=0.5, outlet="Daily Wire Desk"),
        item("q2.md", "Osprey 2 hands-on: Quillmark's $349 solar watch",
             "We tried the Osprey 2, Quillmark's $349 smartwatch whose solar ring tops up the "
             "battery. " + FILLER_BODY, days=0.7, outlet="Circuit Post"),
    ]
    assert find_stories(items, SETTINGS) == [["p1.md", "p2.md"], ["q1.md", "q2.md"]]


def test_same_event_ten_days_apart_is_split_by_the_window():
    later = item("z-lantern.md", LANTERN[1].title, LANTERN[1].text, days=10.0, outlet="Other")
    stories = find_stories([LANTERN[0], later], SETTINGS)
    assert stories == [["a-lantern.md"], ["z-lantern.md"]]


def test_syndicated_copy_is_a_duplicate_of_the_earliest():
    body = LANTERN[0].text + " The deal still needs approval from regulators in three countries."
    original = item("orig.md", LANTERN[0].title, body, days=0.0, outlet="Daily Wire Desk",
                    url="https://dwd.example/q-l")
    copy = item("copy.md", LANTERN[0].title + " | Partner Feed", body, days=0.5,
                outlet="Partner Feed", url="https://partner.example/feed/88")
    assert find_duplicates([copy, original, LANTERN[1]], SETTINGS) == {"copy.md": "orig.md"}


def test_same_url_with_other_query_string_is_a_duplicate():
    first = item("first.md", "Osprey 2 announced", "Short text.", days=1.0,
                 url="https://www.circuitpost.example/osprey-2/?utm_source=rss")
    second = item("second.md", "Quillmark's new watch", "Other words entirely.", days=2.0,
                  url="http://circuitpost.example/osprey-2")
    assert find_duplicates([second, first], SETTINGS) == {"second.md": "first.md"}


def test_equal_dates_keep_the_first_key():
    a = item("b.md", "Same title", FILLER_BODY, url="https://x.example/1")
    b = item("a.md", "Same title", FILLER_BODY, url="https://x.example/1/")
    assert find_duplicates([a, b], SETTINGS) == {"b.md": "a.md"}


def test_templated_pages_with_one_body_but_other_topics_are_not_duplicates():
    body = "{t} is changing fast. " + FILLER_BODY + " Experts say {t} will keep evolving."
    pages = [item(f"f{n}.md", f"{t}: What Comes Next", body.format(t=t), days=n)
             for n, t in enumerate(["Quantum Sensing", "Soil Robotics", "Tidal Power"])]
    assert find_duplicates(pages, SETTINGS) == {}


def test_output_does_not_depend_on_input_order():
    items = LANTERN + [item("x.md", "Tidal Power plant opens in Brevik",
                            "A tidal plant opened in Brevik with 40 turbines.", days=2.0)]
    expected = find_stories(items, SETTINGS)
    for seed in range(5):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        assert find_stories(shuffled, SETTINGS) == expected
        assert find_duplicates(shuffled, SETTINGS) == find_duplicates(items, SETTINGS)


def test_empty_input():
    assert find_stories([], SETTINGS) == []
    assert find_duplicates([], SETTINGS) == {}


def test_one_item():
    assert find_stories(LANTERN[:1], SETTINGS) == [["a-lantern.md"]]
    assert find_duplicates(LANTERN[:1], SETTINGS) == {}
