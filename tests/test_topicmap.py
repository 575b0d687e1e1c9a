"""`[topics]`: scraped categories and tags mapped to the site's topics, small topics
folded into "More", and `digest check` listing what no mapping covers
(`digest.group.topicmap`), on the `topic_mapping` fixture site."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import SITES, article, parse_html
from digest.build import build, compute_site
from digest.cli import main
from digest.config import load_config
from digest.errors import ConfigError


@pytest.fixture
def mapped(tmp_path):
    site = tmp_path / "topic_mapping"
    shutil.copytree(SITES / "topic_mapping", site)
    return site


def topics_of(site, **overrides):
    result = compute_site(load_config(site, overrides))
    return {s.slug: s.topic.name for s in result.grouping.stories}, \
        [t.name for t in result.grouping.topics]


def test_map_is_case_insensitive_and_small_topics_fold_into_more(mapped):
    stories, topics = topics_of(mapped)
    assert stories == {
        "ai-1": "AI", "ai-2": "AI",               # "General AI", "machine   learning"
        "health-1": "Health", "health-2": "Health",  # "Healthcare", "HEALTHCARE "
        "finance-1": "Finance", "finance-2": "Finance",  # not mapped: kept as it is
        "gadgets-1": "More", "robotics-1": "More",   # one story each, min_stories = 2
    }
    assert topics == ["AI", "Finance", "Health", "More"]


def test_min_stories_one_keeps_every_topic(mapped):
    stories, topics = topics_of(mapped, **{"topics.min_stories": 1})
    assert stories["gadgets-1"] == "Gadgets" and stories["robotics-1"] == "Robotics"
    assert "More" not in topics


def test_topics_from_tags_read_the_tags_first(mapped):
    stories, _ = topics_of(mapped, **{"topics.from": "tags"})
    assert stories["gadgets-1"] == "Hardware" and stories["robotics-1"] == "Hardware"  # "chips"
    assert stories["ai-1"] == "Health"   # its tag "Healthcare" wins over its category
    assert stories["ai-2"] == "More"     # AI is left with one story
    assert stories["finance-1"] == "Finance"  # no tag: its category


def test_topics_from_none_ignores_scraped_labels(mapped):
    stories, topics = topics_of(mapped, **{"topics.from": "none"})
    assert set(stories.values()) == {"General"} and topics == ["General"]


def test_a_story_files_topic_is_mapped_too(make_site):
    site = make_site({
        "digest.toml": '[topics]\nmap = { "machine learning" = "AI" }\n',
        "content/a.md": article("Lab shares a model", story="lab", topic="Science"),
        "content/stories/lab.md": "---\nkind: story\nstory: lab\ntopic: Machine Learning\n---\n",
    })
    stories, topics = topics_of(site)
    assert stories == {"lab": "AI"} and topics == ["AI"]


def test_topic_pages_follow_the_mapping(mapped):
    config = load_config(mapped)
    build(config)
    more = parse_html(config.output_path / "topics" / "more" / "index.html")
    assert len(more.css(".story-card")) == 2
    assert not (config.output_path / "topics" / "gadgets").exists()
    assert not (config.output_path / "topics" / "general-ai").exists()


def test_check_lists_categories_no_mapping_covers(mapped):
    result = CliRunner().invoke(main, ["check", "--site", str(mapped)])
    assert result.exit_code == 0, result.output
    assert "3 categories no [topics] map entry covers" in result.output
    lines = [line.strip() for line in result.output.splitlines() if line.startswith("  ")]
    assert lines == ["'Finance': 2 articles", "'Gadgets': 1 article", "'Robotics': 1 article"]


def test_check_says_nothing_of_categories_without_a_map(make_site):
    site = make_site({"content/a.md": article("Lab shares a model", topic="Science")})
    result = CliRunner().invoke(main, ["check", "--site", str(site)])
    assert result.exit_code == 0 and "categor" not in result.output


@pytest.mark.parametrize("toml, words", [
    ('[topics]\nfrom = "category"\n', "allowed values"),
    ('[topics]\nmin_stories = 0\n', "at least 1"),
    ('[topics]\nper_page = 0\n', "at least 1"),
    ('[topics]\nmap = { "General AI" = 3 }\n', "topic name"),
])
def test_bad_topics_options_are_named(make_site, toml, words):
    site = make_site({"digest.toml": toml, "content/a.md": article()})
    with pytest.raises(ConfigError) as error:
        load_config(site)
    assert "topics." in str(error.value) and words in str(error.value)
