"""The group stage: topics, explicit stories, overrides, slugs."""

from conftest import article

from digest.content.reader import read_articles
from digest.group import group_stories, with_new_texts
from digest.group.topics import topic_key, topic_names

SYNONYMS = {"Artificial Intelligence": "AI"}


def grouped(make_site, site_config, files, **overrides):
    site = make_site(files)
    config = site_config(site, **overrides)
    read = read_articles(config)
    assert not read.problems, read.problems
    return group_stories(read.articles, read.overrides, config)


def test_topic_labels_are_normalised():
    assert topic_key(" artificial   intelligence ", SYNONYMS) == "ai"
    assert topic_key("Ai", SYNONYMS) == "ai"
    topics = topic_names(["AI", "Artificial Intelligence", "space", "Space", "Space"], SYNONYMS)
    assert topics["ai"].name == "AI" and topics["space"].name == "Space"
    assert topics["space"].slug == "space"


def test_explicit_story_keys_make_one_story(make_site, site_config):
    grouping = grouped(make_site, site_config, {
        "content/a.md": article("Alpha", story="k", topic="Space",
                                source="https://one.example/a", body="Rocket news."),
        "content/b.md": article("Beta", story="k", topic="space", date="2025-11-11",
                                source="https://two.example/b", body="Other words entirely."),
        "content/c.md": article("Gamma", topic="Health", body="Unrelated text about clinics."),
    }, **{"group.auto_cluster": False})
    assert len(grouping.stories) == 2
    story = next(s for s in grouping.stories if s.key == "k")
    assert [a.rel_path for a in story.articles] == ["a.md", "b.md"]
    assert story.topic.name == "Space" and story.slug == "k"
    assert [t.name for t in grouping.topics] == ["Health", "Space"]


def test_story_slug_is_stable_when_a_later_source_joins(make_site, site_config):
    files = {"content/a.md": article("First report of the event", story="k",
                                     date="2025-11-01")}
    first = grouped(make_site, site_config, files, **{"group.auto_cluster": False})
    files["content/b.md"] = article("A later take", story="k", date="2025-11-03")
    later = grouped(make_site, site_config, files, **{"group.auto_cluster": False})
    assert first.stories[0].slug == later.stories[0].slug


def test_override_pins_and_excludes(make_site, site_config):
    grouping = grouped(make_site, site_config, {
        "content/a.md": article("A", story="k"),
        "content/b.md": article("B", story="k"),
        "content/c.md": article("C"),
        "content/stories/k.md": "---\nkind: story\nstory: k\ntopic: Policy\npin: [c.md]\n"
                                "exclude: [b.md]\n---\n",
    }, **{"group.auto_cluster": False})
    story = next(s for s in grouping.stories if s.key == "k")
    assert sorted(a.rel_path for a in story.articles) == ["a.md", "c.md"]
    assert story.topic.name == "Policy" and story.override is not None
    assert any([a.rel_path for a in s.articles] == ["b.md"] for s in grouping.stories)


def test_a_story_file_can_include_articles_and_be_pinned_at_once(make_site, site_config):
    grouping = grouped(make_site, site_config, {
        "content/a.md": article("A", story="k"),
        "content/c.md": article("C"),
        "content/d.md": article("D"),
        "content/stories/k.md": "---\nkind: story\nstory: k\ninclude: [c.md]\npin: true\n"
                                "---\n",
    }, **{"group.auto_cluster": False})
    story = next(s for s in grouping.stories if s.key == "k")
    assert sorted(a.rel_path for a in story.articles) == ["a.md", "c.md"]
    assert story.override.pinned and story.override.include == ("c.md",)


def test_a_pin_that_is_neither_true_nor_a_list_names_the_file(make_site, site_config):
    site = make_site({"content/a.md": article("A", story="k"),
                      "content/stories/k.md": "---\nkind: story\nstory: k\npin: 3\n---\n"})
    [problem] = read_articles(site_config(site)).problems
    assert problem.path.name == "k.md" and "'pin'" in problem.message and problem.line == 4


def test_same_url_copies_are_collapsed(make_site, site_config):
    grouping = grouped(make_site, site_config, {
        "content/a.md": article("A report", source="https://www.one.example/x?utm=1",
                                body="The council approved the budget on Tuesday."),
        "content/b.md": article("A report", source="https://one.example/x", date="2025-11-11",
                                body="The council approved the budget on Tuesday."),
    })
    [story] = grouping.stories
    [source] = story.sources
    assert source.article.rel_path == "a.md"
    assert [c.rel_path for c in source.copies] == ["b.md"]


def test_new_texts_keep_the_stories_until_grouped_again(make_site, site_config):
    files = {
        "content/a.md": article("Alpha", story="k", topic="Space", body="Rocket news."),
        "content/b.md": article("Beta", story="k", topic="Space", date="2025-11-11",
                                body="Other words entirely."),
        "content/c.md": article("Gamma", topic="Health", body="Unrelated text about clinics."),
    }
    site = make_site(files)
    config = site_config(site)
    before = read_articles(config)
    grouping = group_stories(before.articles, before.overrides, config)
    (site / "content/c.md").write_text(article("Gamma", topic="Health", body="New text."))
    after = read_articles(config)
    kept = with_new_texts(grouping, after.articles, after.overrides)
    assert [[a.rel_path for a in s.articles] for s in kept.stories] == \
        [[a.rel_path for a in s.articles] for s in grouping.stories]
    assert "New text." in next(a for s in kept.stories for a in s.articles
                               if a.rel_path == "c.md").body
    (site / "content/c.md").write_text(article("Gamma 2", topic="Health", body="New text."))
    retitled = read_articles(config)
    assert with_new_texts(grouping, retitled.articles, retitled.overrides) is None
    (site / "content/d.md").write_text(article("Delta", topic="Health", body="More."))
    added = read_articles(config)
    assert with_new_texts(grouping, added.articles, added.overrides) is None
