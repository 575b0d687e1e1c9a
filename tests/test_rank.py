"""Ranking: each part of a story's score, the front page's top stories, the report,
and the order of topic pages and editions (`digest.rank`)."""

from __future__ import annotations

import shutil

import pytest

from conftest import SITES, article, parse_html
from digest.build import build, compute_site
from digest.config import load_config
from digest.errors import BuildError, ConfigError
from digest.report import report_data


@pytest.fixture
def rank_site(tmp_path):
    """The `rank_parts` fixture site, copied so the build writes into tmp_path."""
    site = tmp_path / "rank_parts"
    shutil.copytree(SITES / "rank_parts", site)
    return site


def scores(site, **overrides):
    config = load_config(site, overrides)
    result = compute_site(config)
    data = report_data(result, config)
    return {story["slug"]: story for story in data["stories"]}


def test_independent_outlets_and_sources_add_up(rank_site):
    stories = scores(rank_site)
    tram = stories["tram-strike"]  # three outlets, three articles
    assert tram["score_parts"]["outlets"] == 3.0 and tram["score_parts"]["sources"] == 0.75
    assert tram["score"] == pytest.approx(3.75)
    library = stories["library-hours"]  # two articles of one outlet
    assert library["score_parts"]["outlets"] == 1.0 and library["score_parts"]["sources"] == 0.5


def test_a_syndicated_copy_never_counts(rank_site):
    bakery = scores(rank_site)["bakery-award"]
    assert [a["duplicate_of"] is not None for a in bakery["articles"]].count(True) == 1
    assert bakery["score_parts"]["outlets"] == 1.0
    assert bakery["score_parts"]["sources"] == 0.25
    assert bakery["score"] == pytest.approx(1.25)


def test_recency_halves_per_half_life_from_the_newest_article(rank_site):
    stories = scores(rank_site)
    assert stories["bridge-paint"]["score_parts"]["recency"] == pytest.approx(0.5)  # 72 h older
    assert stories["tram-strike"]["score_parts"]["recency"] == 1.0
    slower = scores(rank_site, **{"rank.half_life_hours": 144})
    assert slower["bridge-paint"]["score_parts"]["recency"] == pytest.approx(0.5 ** 0.5)


def test_a_story_with_no_source_url_and_no_outlet_is_demoted(rank_site):
    filler = scores(rank_site)["filler"]
    assert filler["articles"][0]["outlet"] == "Unknown"
    assert filler["score_parts"]["outlets"] == 0.0
    assert filler["score_parts"]["demotion"] == 0.2
    assert filler["score"] == pytest.approx(0.05)


def test_story_file_weight_and_pin(rank_site):
    stories = scores(rank_site)
    assert stories["park-bench"]["score_parts"]["weight"] == 2.0
    assert stories["park-bench"]["score"] == pytest.approx(2.5)
    assert stories["water-main"]["score_parts"]["pin"] == 1000.0
    assert stories["water-main"]["score"] == max(s["score"] for s in stories.values())


def test_weights_come_from_the_rank_table(rank_site):
    stories = scores(rank_site, **{"rank.outlet_weight": 2.0, "rank.source_weight": 0.0,
                                   "rank.unsourced": 0.5})
    assert stories["tram-strike"]["score"] == pytest.approx(6.0)
    assert stories["filler"]["score"] == 0.0
    assert stories["filler"]["score_parts"]["demotion"] == 0.5


def test_front_page_opens_with_the_top_stories_by_score(rank_site):
    config = load_config(rank_site)
    build(config)
    home = parse_html(config.output_path / "index.html")
    top = home.css_first("main section.digest-top")
    assert top is not None and top.css_first("h2").text() == "Top stories"
    links = [a.attributes["href"] for a in top.css(".story-card-title a")]
    assert links == ["stories/water-main/", "stories/tram-strike/", "stories/park-bench/"]
    # the top stories are not listed again in the topic sections below
    below = [a.attributes["href"] for a in home.css(".topic-section .story-card-title a")]
    assert below and not set(below) & set(links)
    # ... and by score there: the older bridge story above the newer filler
    assert [link.split("/")[-2] for link in below] == \
        ["library-hours", "bakery-award", "bridge-paint", "filler"]
    assert "digest-top" in home.css("main > section")[0].attributes["class"]


def test_topic_page_lists_by_day_then_score(rank_site):
    config = load_config(rank_site)
    build(config)
    page = parse_html(config.output_path / "topics" / "city" / "index.html")
    links = [a.attributes["href"].split("/")[-2] for a in page.css(".story-card-title a")]
    # 10 June, best first (the filler last), then the story of 7 June
    assert links == ["water-main", "tram-strike", "park-bench", "library-hours", "bakery-award",
                     "filler", "bridge-paint"]


def test_edition_lists_its_stories_by_score(rank_site):
    config = load_config(rank_site)
    build(config)
    edition = parse_html(config.output_path / "editions" / "2025-06-10" / "index.html")
    titles = [a.attributes["href"].split("/")[-2] for a in edition.css(".story-card-title a")]
    assert titles[:3] == ["water-main", "tram-strike", "park-bench"] and titles[-1] == "filler"


def test_no_top_stories_section_when_rank_top_is_zero(rank_site):
    config = load_config(rank_site, {"rank.top": 0})
    build(config)
    home = parse_html(config.output_path / "index.html")
    assert home.css_first(".digest-top") is None
    assert len(home.css(".story-card")) == 7


@pytest.mark.parametrize("key, value, words", [
    ("rank.half_life_hours", 0, "more than 0"),
    ("rank.outlet_weight", -1, "negative"),
    ("rank.unsourced", 2, "between 0 and 1"),
])
def test_bad_rank_options_name_the_key(rank_site, key, value, words):
    with pytest.raises(ConfigError) as error:
        load_config(rank_site, {key: value})
    assert key in str(error.value) and words in str(error.value)


def test_bad_weight_in_a_story_file_names_the_file(make_site):
    site = make_site({
        "content/a.md": article("Pier reopens", story="pier"),
        "content/stories/pier.md": "---\nkind: story\nstory: pier\nweight: lots\n---\n",
    })
    with pytest.raises(BuildError) as error:
        compute_site(load_config(site))
    message = str(error.value.format_message() if hasattr(error.value, "format_message")
                  else error.value)
    assert "stories/pier.md" in message and "weight" in message


def test_newer_filler_does_not_age_the_sourced_stories(make_site):
    site = make_site({
        "content/real.md": article("Dock cranes tested", date="2025-06-01T09:00:00Z",
                                   story="cranes", outlet="Quay Times",
                                   source="https://quay.example/cranes"),
        "content/filler.md": article("Harbour Trends - Latest Developments",
                                     date="2025-06-20T09:00:00Z", story="filler"),
    })
    stories = scores(site)
    assert stories["cranes"]["score_parts"]["recency"] == 1.0
    assert stories["cranes"]["score"] > stories["filler"]["score"]


def test_months_old_stories_keep_scores_that_order_them(make_site):
    site = make_site({
        "content/new.md": article("Ferry timetable changes", date="2025-09-01T09:00:00Z",
                                  story="ferry", outlet="Quay Times",
                                  source="https://quay.example/ferry"),
        "content/old-a.md": article("Lighthouse repainted", date="2025-01-05T09:00:00Z",
                                    story="lighthouse", outlet="Quay Times",
                                    source="https://quay.example/lighthouse",
                                    body="Crews painted the tower red and white over a week."),
        "content/old-b.md": article("Lighthouse gets new paint", date="2025-01-05T10:00:00Z",
                                    story="lighthouse", outlet="Harbour Wire",
                                    source="https://wire.example/lighthouse",
                                    body="The harbour board paid for a fresh coat on the tower."),
        "content/old-c.md": article("Buoy replaced", date="2025-01-05T11:00:00Z",
                                    story="buoy", outlet="Quay Times",
                                    source="https://quay.example/buoy"),
    })
    stories = scores(site)
    lighthouse, buoy = stories["lighthouse"], stories["buoy"]
    assert 0 < lighthouse["score_parts"]["recency"] < 1e-6
    assert lighthouse["score"] > buoy["score"] > 0


def test_a_story_of_service_pieces_only_is_demoted(make_site):
    site = make_site({
        "content/guide.md": article("How to pick a rain jacket for the coast path",
                                    date="2025-06-02T09:00:00Z", story="jackets",
                                    outlet="Quay Times", source="https://quay.example/jackets"),
        "content/news.md": article("Coast path reopens after the landslide",
                                   date="2025-06-02T08:00:00Z", story="path",
                                   outlet="Quay Times", source="https://quay.example/path"),
    })
    stories = scores(site)
    assert stories["jackets"]["score_parts"]["service"] == 0.5
    assert stories["path"]["score_parts"]["service"] == 1.0
    assert stories["path"]["score"] > stories["jackets"]["score"]
    level = scores(site, **{"rank.service": 1.0})
    assert level["jackets"]["score"] > level["path"]["score"]  # newer, otherwise equal


def test_a_story_with_nothing_to_summarise_is_never_a_top_story(make_site):
    """Two outlets make the gallery the best-scored story, but its pages hold only
    captions, so it has no summary: its card would tell the reader nothing."""
    gallery = ("---\ntitle: \"Harbour lights festival in pictures\"\n"
               "date: 2025-06-10T12:00:00Z\nstory: lights\ntopic: City\noutlet: {outlet}\n"
               "source: https://{host}/lights\n---\nLanterns.\n\nThe quay at dusk.\n")
    site = make_site({
        "content/lights-a.md": gallery.format(outlet="Harbour Gazette", host="gazette.example"),
        "content/lights-b.md": gallery.format(outlet="City Courier", host="courier.example"),
        "content/ferry.md": (
            "---\ntitle: \"Night ferry to Orrin returns in May\"\ndate: 2025-06-10T09:00:00Z\n"
            "story: ferry\ntopic: City\noutlet: Harbour Gazette\n"
            "source: https://gazette.example/ferry\n---\n"
            "Sealink will run its night ferry to Orrin again from May, the harbour board said "
            "on Tuesday. The crossing was cut last winter after the old boat failed an "
            "inspection. A refitted boat with forty cabins will take its place.\n"),
        "digest.toml": "[rank]\ntop = 1\n",
    })
    config = load_config(site)
    build(config)
    ranked = scores(site)
    assert ranked["lights"]["score"] > ranked["ferry"]["score"] and not ranked["lights"]["summary"]
    home = parse_html(config.output_path / "index.html")
    top = home.css_first("main section.digest-top")
    assert [a.attributes["href"] for a in top.css(".story-card-title a")] == ["stories/ferry/"]
