"""Story clustering and duplicate detection on small hand-written articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import random
from collections import Counter

import pytest

from digest.group import cluster
from digest.group.bags import stack
from digest.group.cluster import ClusterItem, ClusterSettings, profile_items
from digest.group.facts import article_facts, conflict, headline
from digest.group.features import WORD, TextParts, fold, word_counts
from digest.group.kinds import article_kind
from digest.group.linkage import average_link
from digest.group.profile import lead_words
from digest.hashing import key_of


def find_stories(items: list[ClusterItem], settings: ClusterSettings) -> list[list[str]]:
    return cluster.find_stories(profile_items(items, settings), settings)


def find_duplicates(items: list[ClusterItem], settings: ClusterSettings) -> dict[str, str]:
    return cluster.find_duplicates(profile_items(items, settings), settings)

SETTINGS = ClusterSettings()
DAY0 = dt.datetime(2031, 4, 2, 9, 0, tzinfo=dt.UTC)


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


def test_deals_post_and_launch_news_of_one_product_are_two_stories():
    news = item("n.md", "Quillmark unveils Osprey 2 smartwatch with a solar ring",
                "Quillmark announced the Osprey 2 smartwatch with a solar ring around the display, "
                "priced at $349 and shipping in May. " + FILLER_BODY, outlet="Circuit Post")
    rewrite = item("r.md", "Osprey 2: Quillmark's $349 watch charges from a solar ring",
                   "The Osprey 2 from Quillmark tops up its battery from a solar ring around the "
                   "display; it costs $349 from May. " + FILLER_BODY, days=0.2, outlet="Byte Ledger")
    deal = item("d.md", "The Osprey 2 smartwatch is on sale for $299 right now",
                "Quillmark's Osprey 2 smartwatch with its solar ring is $50 off at $299, the lowest "
                "price since it launched. " + FILLER_BODY, days=0.5, outlet="Daily Wire Desk")
    assert find_stories([news, rewrite, deal], SETTINGS) == [["d.md"], ["n.md", "r.md"]]


def test_template_filler_never_takes_in_a_report():
    """Pages with neither an outlet nor a source (a template's filler) may form a story of
    their own, but a report from a known outlet that shares their words stays apart: the
    filler cannot tell the event."""
    filler = [item(f"f{n}.md", f"Harbour robotics: latest developments part {n}",
                   "Harbour robotics continues to evolve at an unprecedented pace. Quillmark "
                   "warehouse arms show remarkable progress in practical applications.",
                   days=0.1 * n) for n in range(3)]
    report = item("q.md", "Quillmark shows harbour robotics arms for warehouses",
                  "Quillmark showed its harbour robotics warehouse arms on Tuesday; the arms "
                  "show remarkable progress in practical applications, it said.",
                  days=0.15, outlet="Circuit Post", url="https://circuitpost.example/q")
    stories = find_stories([*filler, report], SETTINGS)
    assert ["q.md"] in stories and all("q.md" not in s or len(s) == 1 for s in stories)


def test_review_and_guide_stay_out_of_the_launch_story():
    launch = LANTERN[:2]
    review = item("rev.md", "Lanternfish warehouse arm review: Quillmark's $2.4 billion bet",
                  LANTERN[1].text, days=2.0, outlet="Byte Ledger")
    guide = item("guide.md", "Everything you need to know about the Quillmark-Lanternfish deal",
                 LANTERN[0].text, days=1.0, outlet="Other Desk")
    stories = find_stories(launch + [review, guide], SETTINGS)
    assert stories == [["a-lantern.md", "b-lantern.md"], ["guide.md"], ["rev.md"]]


def test_two_deals_posts_never_form_a_story():
    first = item("d1.md", "The best Heron 5 tablet deals: save $80 this week",
                 "Heron 5 tablets from Quillmark are $80 off at three stores. " + FILLER_BODY,
                 outlet="Circuit Post")
    second = item("d2.md", "Heron 5 deals: Quillmark's tablet drops to a record-low price",
                  "Quillmark's Heron 5 tablet is $80 off, a record-low price. " + FILLER_BODY,
                  days=0.3, outlet="Byte Ledger")
    assert find_stories([first, second], SETTINGS) == [["d1.md"], ["d2.md"]]


def test_keynote_roundups_join_each_other_but_not_single_announcements():
    body = ("At its spring keynote Quillmark showed the Osprey 2 watch, the Heron 5 tablet and the "
            "Lanternfish arm, and set release dates for all three. " + FILLER_BODY)
    live = item("live.md", "Quillmark keynote live updates: Osprey 2, Heron 5 and more", body,
                outlet="Circuit Post")
    recap = item("recap.md", "Everything Quillmark announced at its spring keynote", body,
                 days=0.4, outlet="Byte Ledger")
    single = item("single.md", "Quillmark shows the Osprey 2 watch at its spring keynote", body,
                  days=0.2, outlet="Daily Wire Desk")
    assert find_stories([live, recap, single], SETTINGS) == [["live.md", "recap.md"],
                                                             ["single.md"]]


def test_kind_cues_read_headlines_not_names():
    assert article_kind("Record deal: Varga leaves Quillmark for Heronworks") == "news"
    assert article_kind("I tried the Osprey 2, and the solar ring works") == "news"
    assert article_kind("Osprey 2 vs. Heron 5: which one should you buy?") == "guide"
    assert article_kind("Quillmark keynote 2031: what to expect") == "preview"
    assert article_kind("Osprey 2 review: a watch that charges itself") == "review"
    assert article_kind("Save 20% on the Osprey 2 today") == "deals"


def test_repost_that_renames_the_occasion_is_a_copy():
    text = ("Quillmark's Osprey 2 smartwatch is down to $299 for {o}. The deal covers the 44 mm "
            "model with the solar ring, which we praised in our review, and ends on Sunday. "
            "Stock at this price tends to sell out within a day, so act fast. The watch tracks "
            "sleep, swims and runs, pairs with phones of either maker, and its ring adds about "
            "a day of charge per week of daylight. Straps come in five colours, and the bundle "
            "includes a second band and a travel charger worth $40. " + FILLER_BODY)
    first = item("f.md", "Osprey 2 is $50 off in this spring sale deal",
                 text.format(o="the spring sale"), outlet="Circuit Post")
    repost = item("g.md", "Quillmark's summer sale includes the Osprey 2 for $50 off",
                  text.format(o="the summer sale"), days=2.0, outlet="Circuit Post")
    # Two short texts: the renamed occasion weighs a lot, so the "identical" bar is lowered to
    # this pair's cosine (≈0.89); the title conflict (≈0.22) alone would keep them apart.
    identical = dataclasses.replace(SETTINGS, duplicate_identical_similarity=0.85)
    never = dataclasses.replace(SETTINGS, duplicate_identical_similarity=1.01)
    assert find_duplicates([first, repost], identical) == {"g.md": "f.md"}
    assert find_duplicates([first, repost], never) == {}


def test_markdown_link_targets_do_not_keep_copies_apart():
    body = ("Quillmark agreed to buy Lanternfish for $2.4 billion, chief executive Odile Varga "
            "said. The [warehouse arms]({u}) sort parcels in 40 countries. " + FILLER_BODY)
    first = item("l1.md", "Quillmark buys Lanternfish", body.format(u="https://x.example/?id=11aa"),
                 outlet="Circuit Post")
    second = item("l2.md", "Quillmark to buy Lanternfish",
                  body.format(u="https://x.example/?id=93fz"), days=1.0, outlet="Circuit Post")
    assert find_duplicates([first, second], SETTINGS) == {"l2.md": "l1.md"}


def test_same_template_with_other_amounts_or_models_is_two_events():
    deal = ("{a} agreed to acquire {b} for {amount} in cash and stock, the companies said on "
            "Monday. The deal needs approval from regulators and should close next year. ")
    items = [
        item("x1.md", "Harbinger Group to acquire Stratos Holdings for $9.0 billion",
             deal.format(a="Harbinger Group", b="Stratos Holdings", amount="$9.0 billion")
             + FILLER_BODY, outlet="Circuit Post"),
        item("x2.md", "Stratos Holdings agrees to $9 billion buyout by Harbinger Group",
             deal.format(a="Harbinger Group", b="Stratos Holdings", amount="$9 billion")
             + FILLER_BODY, days=0.5, outlet="Byte Ledger"),
        item("y1.md", "Stratos Holdings to acquire Corvant Industries for $65 million",
             deal.format(a="Stratos Holdings", b="Corvant Industries", amount="$65 million")
             + FILLER_BODY, days=0.7, outlet="Daily Wire Desk"),
    ]
    assert find_stories(items, SETTINGS) == [["x1.md", "x2.md"], ["y1.md"]]
    launch = ("Quillmark showed the {m} tablet with a brighter screen and a faster chip on "
              "Tuesday; it ships next month in three colours. ")
    tablets = [
        item("h5.md", "Quillmark unveils the Heron 5 tablet", launch.format(m="Heron 5")
             + FILLER_BODY, outlet="Circuit Post"),
        item("h8.md", "Quillmark unveils the Heron 8 tablet", launch.format(m="Heron 8")
             + FILLER_BODY, days=0.2, outlet="Byte Ledger"),
    ]
    assert find_stories(tablets, SETTINGS) == [["h5.md"], ["h8.md"]]


def test_headlines_picking_other_details_of_one_event_are_not_a_conflict():
    first = item("a.md", "Quillmark's first solar watch is the $1,800 Osprey 2",
                 "Quillmark announced the Osprey 2, a smartwatch with a solar ring around the "
                 "display, priced at $1,799 and shipping in May. " + FILLER_BODY,
                 outlet="Circuit Post")
    second = item("b.md", "The Osprey 2 comes with $300 worth of free straps",
                  "Quillmark's Osprey 2 solar smartwatch costs $1,799 and ships in May with "
                  "$300 worth of straps in the box. " + FILLER_BODY, days=0.3,
                  outlet="Byte Ledger")
    assert find_stories([first, second], SETTINGS) == [["a.md", "b.md"]]


def test_one_story_template_about_two_countries_is_two_events():
    body = ("The central bank of {c} cut its key rate to 3.75% on Tuesday, its first cut "
            "this year, and said inflation had cooled. ")
    items = [item(f"{c.lower()}{n}.md", f"{c} central bank lowers rates to 3.75%",
                  body.format(c=c) + FILLER_BODY, days=n * 0.3,
                  outlet=("Circuit Post", "Byte Ledger")[n])
             for c in ("Norland", "Ostravia") for n in (0, 1)]
    assert find_stories(items, SETTINGS) == [["norland0.md", "norland1.md"],
                                             ["ostravia0.md", "ostravia1.md"]]


def test_one_outlets_two_announcements_do_not_join_through_their_words():
    keynote = ("At its spring keynote Quillmark also showed a new charger and updated its "
               "apps, and said all of it ships in May. ")
    watch = item("w.md", "Quillmark unveils the Osprey smartwatch with a solar ring",
                 "The Osprey smartwatch has a solar ring around its display. " + keynote
                 + FILLER_BODY, outlet="Circuit Post")
    tablet = item("t.md", "Quillmark unveils the Heron tablet with a paper-like screen",
                  "The Heron tablet has a paper-like screen for reading. " + keynote
                  + FILLER_BODY, days=0.1, outlet="Circuit Post")
    other = item("o.md", "Quillmark's Osprey smartwatch charges from a solar ring",
                 "Quillmark's new Osprey smartwatch tops up from a solar ring. " + keynote
                 + FILLER_BODY, days=0.2, outlet="Byte Ledger")
    assert find_stories([watch, tablet, other], SETTINGS) == [["o.md", "w.md"], ["t.md"]]


def test_headline_numbers_are_typed_and_compared_with_rounding():
    parts = [TextParts(title="Lanternfish sold for $2.4 billion after 3-1 vote",
                       lead="The $2.4bn sale passed 3-1; shares rose 14% in 2031."),
             TextParts(title="Lanternfish sale: $2.4 billion", lead="A sale worth $2,400 million."),
             TextParts(title="Heronworks sold for $310 million", lead="Shares rose 14%.")]
    items = [ClusterItem(key=f"{n}.md", title=p.title, excerpt="", text=p.lead,
                         date=dt.datetime(2031, 5, 1, tzinfo=dt.UTC), outlet="x",
                         source_url=None) for n, p in enumerate(parts)]
    profiles = profile_items(items, ClusterSettings())
    facts = article_facts([headline(p) for p in parts], lead_words(profiles), max_articles=3)
    assert facts[0].headline.numbers == {"money": (2.4e9,), "score": ("3-1",)}
    assert 2031.0 not in facts[0].headline.amounts and 14.0 in facts[0].headline.amounts
    assert conflict(facts[0], facts[1]) is None
    assert conflict(facts[1], facts[2]) == "number"


def test_cannot_links_keep_clusters_apart():
    edges = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.9, (2, 3): 0.5}
    assert average_link(4, edges, [0.0] * 4, 0.15, 7.0) == [[0, 1, 2, 3]]
    assert average_link(4, edges, [0.0] * 4, 0.15, 7.0, cannot=[(0, 3)]) == [[0, 1, 2], [3]]


def test_word_counts_match_cutting_each_text():
    texts = ["Quillmark's Osprey-2 (the watch) costs $349, Quillmark said.", "", "Osprey osprey!"]
    for text in texts:
        counts, capitals = word_counts(text)
        assert counts == Counter(fold(w) for w in WORD.findall(text))
        assert capitals == Counter(fold(w) for w in WORD.findall(text) if w[0].isupper())
    counts, capitals = word_counts(" ".join(texts))
    assert capitals["quillmark"] / counts["quillmark"] == 1.0
    assert capitals["osprey"] / counts["osprey"] == 0.5  # "Osprey-2" is a word of its own


def test_stacked_bags_do_not_depend_on_article_order():
    items = [ClusterItem(key=f"{n}.md", title=title, excerpt="", text=body,
                         date=dt.datetime(2031, 5, 1, tzinfo=dt.UTC), outlet="x",
                         source_url=None)
             for n, (title, body) in enumerate([("Osprey watch", "The Osprey watch costs $349."),
                                                ("Heron tablet", "Heron ships a tablet."),
                                                ("Osprey", "Osprey osprey Osprey.")])]
    profiles = profile_items(items, ClusterSettings())
    forward = stack([p.lead for p in profiles])
    backward = stack([p.lead for p in reversed(profiles)])
    assert list(forward.ids) == list(backward.ids)
    assert (forward.counts.toarray() == backward.counts.toarray()[::-1]).all()
    leads = lead_words(profiles)
    assert leads.capital_share[leads.stacked.column("osprey")] == 3 / 4  # leads only
    assert leads.stacked.column("heron") >= 0 and leads.stacked.column("zebra") == -1


def test_profiles_survive_pickling_and_depend_on_their_article_alone():
    item = ClusterItem(key="a.md", title="Osprey launches $349 watch", excerpt="",
                       text="The Osprey watch costs $349. Osprey said.",
                       date=dt.datetime(2031, 5, 1, tzinfo=dt.UTC), outlet="X",
                       source_url="https://x.example/a")
    other = dataclasses.replace(item, key="b.md", title="Heron tablet", text="Heron ships.")
    alone, = profile_items([item], ClusterSettings())
    among = profile_items([other, item], ClusterSettings())[1]
    copy = pickle.loads(pickle.dumps(alone))
    assert alone.content_key == among.content_key == copy.content_key and copy.exact == alone.exact
    for name in ("copy_text", "copy_title", "title", "lead", "lead_words", "entities"):
        assert getattr(copy, name).ids.tolist() == getattr(alone, name).ids.tolist()
        assert getattr(copy, name).counts.tolist() == getattr(alone, name).counts.tolist()
    assert copy.lead_capitals.tolist() == alone.lead_capitals.tolist()
    assert key_of(copy.headline) == key_of(alone.headline)
    # past the words a profile reads, an edit changes the exact-copy key only
    longer = dataclasses.replace(item, text=item.text + " word" * 3000)
    edited = dataclasses.replace(item, text=item.text + " word" * 3000 + " More.")
    first, second = profile_items([longer, edited], ClusterSettings())
    assert first.content_key == second.content_key and first.exact != second.exact


def test_a_title_that_is_only_the_texts_opening_states_no_headline_facts():
    """Scraped pages without a headline get their first sentence as title: two outlets'
    openings pick different figures of one storm, which is no contradiction."""
    first = ("Storm Idris cut power to 40,000 homes across Kelmora on Monday night as winds "
             "reached 130 kilometres an hour, the regional grid operator said. ")
    second = ("Crews from the Kelmora grid worked through Tuesday to restore power after Storm "
              "Idris left 38,500 customers in the dark, with winds of 130 kilometres an hour. ")
    items = [item("a.md", "Storm Idris cut power to 40,000 homes across Kelmora on Monday…",
                  first + FILLER_BODY, outlet="Circuit Post"),
             item("b.md", "Crews from the Kelmora grid worked through Tuesday to restore power "
                  "after Storm Idris left 38,500 customers in the dark", second + FILLER_BODY,
                  days=0.4, outlet="Byte Ledger")]
    profiles = profile_items(items, SETTINGS)
    assert all(p.headline.numbers == {} and p.headline.names == () for p in profiles)
    assert 40000.0 in profiles[0].headline.amounts
    assert find_stories(items, SETTINGS) == [["a.md", "b.md"]]
    # The same openings used as real headlines (whole, not how the texts begin) contradict.
    headed = [dataclasses.replace(i, title=i.title.removesuffix("…"),
                                  text=i.text.split(". ", 1)[1]) for i in items]
    assert find_stories(headed, SETTINGS) == [["a.md"], ["b.md"]]


def test_a_caption_a_sentence_or_a_cut_title_is_no_headline():
    """A scraper that finds no headline takes the page's first line: a photo caption, the
    opening sentence (with its full stop) or a cut sentence.  None is a headline an editor
    wrote, so none states headline facts or announces a service piece ("Best ..." of a
    caption is an award, not a buying guide)."""
    lead = "The jury gave its award to the Marrow Quay mural on Saturday night."
    titles = ["Best newcomer winner Ilse Varga (for 'Tidewater') waves to the crowd. "
              "(Photo: Tomas Greer)",
              "Ilse Varga, who painted the Marrow Quay mural, called the prize “a gift.”",
              "Ilse Varga won $40,000 for the Marrow Quay mural, the jury said on Saturday and…"]
    for title in titles:
        head = headline(TextParts(title=title, lead=lead))
        assert not head.written and head.names == () and head.numbers == {}
    caption, = profile_items([item("a.md", titles[0], lead)], SETTINGS)
    assert caption.kind == "news" and article_kind(titles[0]) == "guide"
    for title in ("Ilse Varga wins $40,000 mural prize", "Best budget tablets of 2031",
                  "Mural prize goes to Ilse Varga. Finally!"):
        assert headline(TextParts(title=title, lead=lead)).written
    guide, = profile_items([item("b.md", "Best budget tablets of 2031", lead)], SETTINGS)
    assert guide.kind == "guide"


def test_a_reported_plan_and_the_launch_it_anticipates_are_two_stories():
    """A report that a company will do something and the day it does it are two pegs,
    however many words they share; two reports of the plan stay one story."""
    plan_text = ("Quillmark is preparing a paid tier of its Heron photo app with cloud storage "
                 "and a video editor, according to people familiar with the plans. The Heron "
                 "tier would cost $6 a month and launch in the spring, they said. ")
    launch_text = ("Quillmark launched Heron Plus, a paid tier of its Heron photo app with cloud "
                   "storage and a video editor, for $6 a month. The Heron tier is available in "
                   "the spring update from today. ")
    items = [
        item("r1.md", "Quillmark will reportedly add a paid tier to its Heron photo app",
             plan_text + FILLER_BODY, outlet="Circuit Post"),
        item("r2.md", "Quillmark reportedly plans a $6 Heron photo app tier",
             plan_text + FILLER_BODY, days=0.2, outlet="Byte Ledger"),
        item("l1.md", "Quillmark launches Heron Plus, a $6 tier of its photo app",
             launch_text + FILLER_BODY, days=1.0, outlet="Daily Wire Desk"),
    ]
    assert find_stories(items, SETTINGS) == [["l1.md"], ["r1.md", "r2.md"]]
    stages = [headline(TextParts(title=i.title, lead="")).stage for i in items]
    assert stages == ["plan", "plan", "done"]


def test_a_past_leak_is_not_a_plan():
    leak = TextParts(title="Leaked memo shows how Quillmark priced the Heron app", lead="")
    teased = TextParts(title="Quillmark teases a folding Heron tablet", lead="")
    assert headline(leak).stage is None and headline(teased).stage == "plan"


def test_headlines_with_no_word_in_common_need_more_evidence():
    """Two pegs of one subject (a league's new rule, one team's experiment) share the
    subject's vocabulary in their texts but not a word of their headlines; the same texts
    under headlines that name the same thing are one story."""
    league = ("The Northern Rowing League will add video review of finish-line photos next "
              "season, its board voted on Monday. Crews may challenge two results per regatta "
              "and a panel of three judges will rule within ten minutes. ")
    club = ("The Tidewater rowing club handed its race-day lineup decisions to a software "
            "model this season, and the Northern Rowing League crews it races are watching. "
            "Coaches said the model picks crews from ergometer scores. ")
    shared = ("Rowing officials have debated technology at regattas for years, from video "
              "review to data tools, and the league expects more clubs to test software.")
    apart = [item("n1.md", "Finish-line video review is coming next season", league + shared,
                  outlet="Circuit Post"),
             item("n2.md", "A software model now picks Tidewater's crews", club + shared,
                  days=1.0, outlet="Byte Ledger")]
    together = [dataclasses.replace(apart[0], title="Rowing league adds video review"),
                dataclasses.replace(apart[1], title="Rowing club lets software pick crews")]
    untitled = [dataclasses.replace(apart[0], title=" ".join(league.split()[:8])),
                dataclasses.replace(apart[1], title=" ".join(club.split()[:8]))]
    settings = dataclasses.replace(SETTINGS, unrelated_headlines_penalty=0.05,
                                   candidate_similarity=0.0)
    plain = dataclasses.replace(settings, unrelated_headlines_penalty=0.0)

    def score(items, chosen):
        return cluster.story_graph(profile_items(items, chosen), chosen).edges[(0, 1)]

    assert score(apart, settings) == pytest.approx(score(apart, plain) - 0.05)
    assert score(together, settings) == score(together, plain)
    # a title that is only the text's first words is no headline anyone wrote
    assert score(untitled, settings) == score(untitled, plain)
    between = dataclasses.replace(settings, story_threshold=score(apart, plain) - 0.025)
    assert find_stories(apart, between) == [["n1.md"], ["n2.md"]]
    assert find_stories(together, between) == [["n1.md", "n2.md"]]


def test_a_group_every_outlet_of_a_story_finds_close_joins_it():
    """Corroboration: an article that each of a story's two outlets, on its own, scores
    above the corroboration bar joins the story although the average linkage falls short;
    one such pair alone, a group with one cross pair missing, or days apart, do not."""
    edges = {(0, 1): 0.5, (0, 2): 0.11, (1, 2): 0.11, (3, 4): 0.11}
    same_day = [0.0] * 5
    assert average_link(5, edges, same_day, 0.13, 7.0) == [[0, 1], [2], [3], [4]]
    assert average_link(5, edges, same_day, 0.13, 7.0, corroborated=0.10) == \
        [[0, 1, 2], [3], [4]]
    one_missing = {k: v for k, v in edges.items() if k != (1, 2)}
    assert average_link(5, one_missing, same_day, 0.13, 7.0, corroborated=0.10) == \
        [[0, 1], [2], [3], [4]]
    later = [0.0, 0.0, 2.0, 0.0, 0.0]
    assert average_link(5, edges, later, 0.13, 7.0, corroborated=0.10) == \
        [[0, 1], [2], [3], [4]]


def test_abbreviations_and_dates_in_headlines_are_no_subjects_or_figures():
    """"Sen." or "Mo." names no one, and "November 21" is a date: two headlines on one
    death, one with the date and one with the age, do not contradict each other."""
    assert headline(TextParts(title="Sen. Orla Penhallow says I'm not running", lead="")
                    ).names == ("orla", "penhallow")
    assert headline(TextParts(title="KESTON, Mo. — Flood waters rise", lead="")
                    ).names[:2] == ("keston", "flood")
    died = headline(TextParts(title="Singer Mara Quell died on Wednesday, November 21",
                              lead="The singer of the band Velvet Ash died at home."))
    dead = headline(TextParts(title="Velvet Ash singer Mara Quell dead at 41",
                              lead="Mara Quell has died, her band said."))
    assert died.numbers == {} and dead.numbers == {"count": (41.0,)}
