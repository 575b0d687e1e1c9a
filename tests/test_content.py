"""The content stage: fields, aliases, and every bad-input case with its message."""

import datetime as dt

import pytest

from conftest import article
from digest.content.reader import read_articles
from digest.memo import LastRead

GOOD = article("Good one", source="https://www.zdnet.com/article/x/")

# (case name, file bytes/text, message pattern, line or None)
BAD_FILES = [
    ("malformed_yaml", "---\ntitle: ok\ndate: [2025-01-01\n---\nbody\n", "invalid YAML", 3),
    ("unquoted_colon", "---\ntitle: a: b\ndate: 2025-01-01\n---\n", "invalid YAML", 2),
    ("not_a_mapping", "---\n- a\n- b\n---\nbody\n", "must be a mapping", 2),
    ("missing_title", "---\ndate: 2025-01-01\n---\nbody\n", "missing required field 'title'", None),
    ("missing_date", "---\ntitle: x\n---\nbody\n", "missing required field 'date'", None),
    ("bad_date", "---\ntitle: x\ndate: next tuesday\n---\nbody\n", "cannot read the date", 3),
    ("non_utf8", b"---\ntitle: caf\xe9\ndate: 2025-01-01\n---\n", "not valid UTF-8", 2),
    ("empty", "", "file is empty", None),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", None),
    ("no_front_matter", "just text\n", "no front matter", 1),
    ("unclosed_front_matter", "---\ntitle: x\n", "not closed", 1),
    ("huge", "---\ntitle: x\ndate: 2025-01-01\n---\n" + "word " * 2_100_000, "MB", None),
    ("cover_escapes", article("x", cover="../../etc/passwd"), "outside the site", 4),
    ("missing_cover", article("x", cover="images/nope.jpg"), "not found", 4),
    ("bad_source", article("x", source="javascript:alert(1)"), "must be an http", 4),
    ("bad_draft", article("x", draft="maybe"), "draft", 4),
]


@pytest.mark.parametrize(("name", "data", "pattern", "line"), BAD_FILES,
                         ids=[c[0] for c in BAD_FILES])
def test_bad_file_gets_a_clear_problem(make_site, site_config, name, data, pattern, line):
    site = make_site({f"content/{name}.md": data, "content/good.md": GOOD})
    result = read_articles(site_config(site))
    assert [a.rel_path for a in result.articles] == ["good.md"]
    assert len(result.problems) >= 1
    problem = result.problems[0]
    assert problem.path.name == f"{name}.md"
    assert pattern in problem.message
    assert problem.line == line
    assert f"{name}.md" in problem.format(site)


def test_every_problem_is_collected(make_site, site_config):
    site = make_site({
        "content/a.md": "---\ntitle: a\n---\n",
        "content/b.md": "---\ndate: 2025-01-01\n---\n",
        "content/c.md": article("missing both", date=None, cover="nope.jpg"),
    })
    problems = read_articles(site_config(site)).problems
    assert sorted(p.path.name for p in problems) == ["a.md", "b.md", "c.md", "c.md"]


def test_bom_and_crlf_are_read(make_site, site_config):
    text = article("Line endings", body="First line.\nSecond line.").replace("\n", "\r\n")
    site = make_site({"content/crlf.md": "\ufeff" + text})
    [read] = read_articles(site_config(site)).articles
    assert read.title == "Line endings"
    assert "\r" not in read.body


def test_duplicate_explicit_slugs_name_both_files(make_site, site_config):
    site = make_site({"content/a.md": article("One", slug="same"),
                      "content/b.md": article("Two", slug="same")})
    [problem] = read_articles(site_config(site)).problems
    assert problem.path.name == "b.md" and "a.md" in problem.message


def test_aliases_resolve_and_are_reported(make_site, site_config):
    site = make_site({
        "content/images/c.jpg": b"not checked here",
        "content/x.md": article("T", url="https://techcrunch.com/2025/x", category="AI",
                                keywords="one, two, one", coverImage="images/c.jpg",
                                description="Dek &amp; more", byline="Ann Lee"),
    })
    [a] = read_articles(site_config(site)).articles
    assert a.source == "https://techcrunch.com/2025/x"
    assert a.outlet == "TechCrunch"
    assert a.topics == ("AI",)
    assert a.tags == ("one", "two")
    assert a.excerpt == "Dek & more"
    assert a.authors == ("Ann Lee",)
    assert a.cover.path.name == "c.jpg" and a.cover.alt == "T"
    assert dict(a.aliases) == {"url": "source", "category": "topic", "keywords": "tags",
                               "coverImage": "cover", "description": "excerpt",
                               "byline": "author"}


def test_canonical_field_wins_over_alias(make_site, site_config):
    site = make_site({"content/x.md": article("T", source="https://a.example/1",
                                              url="https://b.example/2")})
    [a] = read_articles(site_config(site)).articles
    assert a.source == "https://a.example/1"
    assert a.outlet == "a.example"


def test_unknown_fields_are_kept(make_site, site_config):
    site = make_site({"content/x.md": article("T", readTime="4 min read")})
    [a] = read_articles(site_config(site)).articles
    assert a.extra == {"readTime": "4 min read"}


def test_topic_list_first_is_primary(make_site, site_config):
    site = make_site({"content/x.md": article("T") .replace("date:", "topic: [Space, Science]\ndate:")})
    [a] = read_articles(site_config(site)).articles
    assert a.topic == "Space" and a.topics == ("Space", "Science")


def test_drafts_and_future_are_skipped_and_listed(make_site, site_config):
    site = make_site({"content/d.md": article("Draft", draft=True),
                      "content/f.md": article("Future", date="2099-01-01"),
                      "content/ok.md": article("Now")})
    result = read_articles(site_config(site))
    assert [a.rel_path for a in result.articles] == ["ok.md"]
    reasons = {s.rel_path: s.reason for s in result.skipped}
    assert "draft" in reasons["d.md"] and "future" in reasons["f.md"]
    both = read_articles(site_config(site, drafts=True, future=True))
    assert len(both.articles) == 3


def test_naive_dates_use_the_site_timezone(make_site, site_config):
    site = make_site({"content/x.md": article("T", date="2025-06-01 12:00"),
                      "digest.toml": 'timezone = "America/New_York"\n'})
    [a] = read_articles(site_config(site)).articles
    assert a.date.utcoffset() == dt.timedelta(hours=-4)


def test_html_title_entities_are_decoded(make_site, site_config):
    site = make_site({"content/x.md": article("Apple&#39;s &amp; Google&#8217;s deal")})
    [a] = read_articles(site_config(site)).articles
    assert a.title == "Apple's & Google\u2019s deal"


def test_raw_html_body_becomes_markdown(make_site, site_config):
    body = ('<p>The <em>first</em> paragraph with a <a href="https://x.example/">link</a>.</p>'
            '<script>alert(1)</script><p>Second <a href="javascript:alert(2)">bad</a>.</p>')
    site = make_site({"content/x.md": article("T", body=body)})
    [a] = read_articles(site_config(site)).articles
    assert "*first*" in a.body or "_first_" in a.body
    assert "[link](https://x.example/)" in a.body
    assert "alert" not in a.body and "javascript" not in a.body


def test_story_file_is_an_override(make_site, site_config):
    site = make_site({"content/stories/s.md": "---\nkind: story\nstory: k\ntitle: Mine\n"
                      "takeaways:\n  - One.\n  - Two.\n---\nNote.\n"})
    result = read_articles(site_config(site))
    [override] = result.overrides
    assert override.story_key == "k" and override.takeaways == ("One.", "Two.")
    assert override.note == "Note." and not result.articles


def test_root_relative_cover_is_found_in_the_content_folder(make_site, site_config):
    site = make_site({"content/images/c.jpg": b"x",
                      "content/news/x.md": article("T", cover="/images/c.jpg")})
    [a] = read_articles(site_config(site)).articles
    assert a.cover.path == (site / "content" / "images" / "c.jpg").resolve()


def test_rereading_only_changed_files_equals_reading_all(make_site, site_config):
    """With the previous read and the changed paths (as serve's watcher reports them),
    only those files are read again, and the result equals a full read."""
    site = make_site({"content/a.md": article("A"), "content/sub/b.md": article("B"),
                      "content/c.md": article("C", draft=True)})
    config = site_config(site)
    content = config.content_path
    previous = read_articles(config)
    edits = [
        ("edit", lambda: (content / "a.md").write_text(article("A2"))),
        ("add", lambda: (content / "sub" / "d.md").write_text(article("D"))),
        ("break", lambda: (content / "sub" / "b.md").write_text("---\ntitle: [x\n---\n")),
        ("delete", lambda: (content / "c.md").unlink()),
        ("hidden", lambda: (content / "_drafts").mkdir() or
         (content / "_drafts" / "e.md").write_text(article("E"))),
        ("not an article", lambda: (content / "notes.txt").write_text("x")),
        ("folder", lambda: (content / "new").mkdir() or
         (content / "new" / "f.md").write_text(article("F"))),
        ("folder gone", lambda: [p.unlink() for p in (content / "new").iterdir()]
         and (content / "new").rmdir()),
    ]
    for what, make_edit in edits:
        before = {p for p in content.rglob("*")}
        make_edit()
        changed = ({p for p in content.rglob("*")} ^ before) | {content / "a.md",
                                                                 content / "sub" / "b.md"}
        if what == "folder gone":
            changed = {content / "new"}
        again = read_articles(config, last_read=LastRead(previous.files, changed))
        full = read_articles(config)
        assert again == full, what
        assert list(again.files) == list(full.files), what
        previous = again
