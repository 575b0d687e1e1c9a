"""Two levels of "the same story": one event per story page, storylines across days;
pages that are not articles; exact copies within the story window.  Fixtures are
invented news written for these tests."""

import json

from click.testing import CliRunner

from conftest import article, grouped, parse_html
from digest.build import build
from digest.cli import main
from digest.config import load_config
from digest.content.reader import read_articles
from digest.group import group_stories

ANNOUNCEMENT = [
    ("The Lowland Courier", "https://courier.example/pellaton-freight",
     "Pellaton Rail unveils driverless freight line from Ostberg to Varnholm",
     "Pellaton Rail on Tuesday unveiled a driverless freight line that will carry containers "
     "between the port of Ostberg and the inland hub of Varnholm. The operator said the "
     "autonomous trains will run the 212-kilometre route at night from next spring, and that "
     "the project costs 1.4 billion euros. Pellaton chief executive Mirja Sandvoll called the "
     "Ostberg to Varnholm corridor the first of several automated routes."),
    ("Northern Wire", "https://northernwire.example/rail/pellaton-autonomous",
     "Pellaton Rail to run autonomous freight trains between Ostberg and Varnholm",
     "Freight operator Pellaton Rail announced on Tuesday that autonomous trains will haul "
     "containers on the 212-kilometre line linking Ostberg port with Varnholm. Mirja Sandvoll, "
     "who leads Pellaton, said night services start next spring. The driverless freight "
     "project is budgeted at 1.4 billion euros, according to the company."),
    ("Harbour Daily", "https://harbourdaily.example/pellaton-driverless",
     "Driverless trains: Pellaton Rail's Ostberg-Varnholm freight plan",
     "Pellaton Rail presented its plan for driverless freight trains between Ostberg and "
     "Varnholm on Tuesday. The 212-kilometre autonomous line will carry port containers at "
     "night from next spring, chief executive Mirja Sandvoll told reporters, at a cost of "
     "1.4 billion euros."),
]
FOLLOW_UP = (
    "The Lowland Courier", "https://courier.example/varnholm-lawsuit",
    "Varnholm council sues Pellaton Rail to halt driverless freight line",
    "The town council of Varnholm filed a lawsuit on Thursday asking a court to halt Pellaton "
    "Rail's driverless freight line from Ostberg. Councillors argue that night trains on the "
    "autonomous route would break noise limits near homes. Pellaton Rail said the line met "
    "every rule and that it would defend the project in court.")
UNRELATED = [
    ("Northern Wire", "https://northernwire.example/bakery-prize",
     "Small Kelmora bakery wins national sourdough prize",
     "A family bakery in Kelmora won the national sourdough prize on Wednesday. Judges "
     "praised its rye loaf, baked in a wood oven that the owners restored last winter."),
    ("Harbour Daily", "https://harbourdaily.example/marathon-record",
     "Runner breaks course record at the Tessmark marathon",
     "Tessmark's marathon saw its course record fall on Sunday as a local runner finished "
     "in two hours and eight minutes, cheered on by thousands along the river."),
]
WIDGET = ("Please enable JavaScript in your browser to sign in to your account",
          "Please enable JavaScript in your browser settings to sign in to your account. "
          "Click here to learn more about cookies and our privacy policy, or subscribe to "
          "our newsletter by email.")


def news_files(follow_up: bool = True, widget: bool = False) -> dict[str, str]:
    files = {}
    for n, (outlet, source, title, body) in enumerate(ANNOUNCEMENT):
        files[f"content/rail-{n}.md"] = article(title, date=f"2025-03-04T{8 + n:02d}:00:00Z",
                                                body=body, outlet=outlet, source=source,
                                                topic="Transport")
    if follow_up:
        outlet, source, title, body = FOLLOW_UP
        files["content/rail-lawsuit.md"] = article(title, date="2025-03-06T10:00:00Z",
                                                   body=body, outlet=outlet, source=source,
                                                   topic="Transport")
    for n, (outlet, source, title, body) in enumerate(UNRELATED):
        files[f"content/other-{n}.md"] = article(title, date="2025-03-05T12:00:00Z", body=body,
                                                 outlet=outlet, source=source, topic="Local")
    if widget:
        title, body = WIDGET
        for n in range(2):  # the same page scraped under two links
            files[f"content/widget-{n}.md"] = article(
                title, date=f"2025-03-0{4 + n}T15:00:00Z", body=body, topic="Transport",
                outlet="Northern Wire", source=f"https://northernwire.example/share?id={n}")
    return files


def story_of(grouping, path):
    return next(s for s in grouping.stories if path in {a.rel_path for a in s.articles})


def test_same_announcement_from_three_outlets_is_one_story(make_site):
    grouping = grouped(make_site, news_files(follow_up=False))
    story = story_of(grouping, "rail-0.md")
    assert sorted(a.rel_path for a in story.articles) == ["rail-0.md", "rail-1.md", "rail-2.md"]
    assert len(story.sources) == 3


def test_follow_up_joins_the_storyline_not_the_story(make_site):
    grouping = grouped(make_site, news_files())
    launch, lawsuit = story_of(grouping, "rail-0.md"), story_of(grouping, "rail-lawsuit.md")
    assert launch is not lawsuit
    assert len(launch.sources) == 3 and len(lawsuit.sources) == 1
    assert launch.storyline == lawsuit.storyline == launch.slug
    for path in ("other-0.md", "other-1.md"):
        other = story_of(grouping, path)
        assert other.storyline == other.slug
    assert grouping.storylines[launch.slug] == (launch, lawsuit)


def test_story_pages_show_the_storyline_and_lists_show_it_once(make_site):
    site = make_site(news_files())
    result = build(load_config(site))
    out = site / "public"
    launch = story_of(result.grouping, "rail-0.md")
    lawsuit = story_of(result.grouping, "rail-lawsuit.md")
    page = parse_html(out / "stories" / launch.slug / "index.html")
    nav = page.css_first("nav.digest-storyline")
    assert nav is not None and "Developing story" in nav.text()
    items = nav.css("li")
    assert len(items) == 2
    assert items[0].attributes.get("aria-current") == "page"
    assert "3 sources" in items[0].text()
    [link] = nav.css("a")
    assert link.attributes["href"] == f"../{lawsuit.slug}/"
    assert "Varnholm council sues" in link.text() and "1 source" in items[1].text()
    other = parse_html(out / "stories" / lawsuit.slug / "index.html")
    assert other.css_first("nav.digest-storyline li[aria-current]").text().count("sues") == 1
    alone = story_of(result.grouping, "other-0.md")
    assert parse_html(out / "stories" / alone.slug / "index.html").css_first(
        "nav.digest-storyline") is None
    for listing in (out / "index.html", out / "topics" / "transport" / "index.html"):
        html = parse_html(listing)
        cards = [a.attributes["href"] for a in html.css(".story-card-title a")]
        assert not any(launch.slug in href for href in cards), listing
        assert sum(lawsuit.slug in href for href in cards) == 1, listing
        assert html.css_first(".story-storyline").text().strip() == "+1 earlier"


def test_a_storyline_is_listed_once_across_the_pages_of_a_topic(make_site):
    """With one story a page, the storyline's earlier story must not reappear on a
    later page: the collapse happens before the list is cut into pages."""
    files = {**news_files(), "digest.toml": "[topics]\nper_page = 1\n"}
    files["content/ferry-timetable.md"] = article(
        "Harbour ferries switch to the winter timetable", date="2025-03-05T07:00:00Z",
        body="The harbour ferry company moved its boats to the winter timetable on Monday, "
             "with the last crossing now leaving at nine in the evening.",
        outlet="Quay Times", source="https://quay.example/ferry-winter", topic="Transport")
    site = make_site(files)
    result = build(load_config(site))
    launch = story_of(result.grouping, "rail-0.md")
    lawsuit = story_of(result.grouping, "rail-lawsuit.md")
    folder = site / "public" / "topics" / "transport"
    listings = [folder / "index.html", *sorted(folder.glob("page/*/index.html"))]
    assert len(listings) > 1
    cards = [a.attributes["href"] for page in listings
             for a in parse_html(page).css(".story-card-title a")]
    assert not any(launch.slug in href for href in cards)
    assert sum(lawsuit.slug in href for href in cards) == 1


def test_report_gives_each_story_its_storyline(make_site):
    site = make_site(news_files())
    result = CliRunner().invoke(main, ["report", "--site", str(site), "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    line = {a["path"]: s["storyline"] for s in data["stories"] for a in s["articles"]}
    assert line["rail-0.md"] == line["rail-lawsuit.md"]
    assert line["other-0.md"] != line["rail-0.md"] and line["other-0.md"] != line["other-1.md"]
    assert data["non_articles"] == []


def test_non_article_page_is_excluded_and_listed(make_site):
    site = make_site(news_files(widget=True))
    grouping = grouped(make_site, news_files(widget=True))
    assert sorted(a.rel_path for a in grouping.non_articles) == ["widget-0.md", "widget-1.md"]
    in_stories = {a.rel_path for s in grouping.stories for a in s.articles}
    assert not in_stories & {"widget-0.md", "widget-1.md"}
    assert story_of(grouping, "rail-0.md").storyline == story_of(grouping,
                                                                  "rail-lawsuit.md").storyline
    runner = CliRunner()
    report = json.loads(runner.invoke(main, ["report", "--site", str(site), "--json"],
                                      catch_exceptions=False).output)
    assert [p["path"] for p in report["non_articles"]] == ["widget-0.md", "widget-1.md"]
    built = runner.invoke(main, ["build", "--site", str(site)], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    assert "Not articles" in built.output and "widget-0.md" in built.output


NOTICE = ("Since 2004 the Keldmark Archive has been saving crawled copies of public web pages "
          "for researchers. New captures are added to the archive collection every day after "
          "an embargo period.")


def test_a_notice_served_inside_another_page_makes_it_a_page_too(make_site):
    """An error page that carries a server's notice, which is also served alone under
    another link, is no article, though it is only fairly furniture-like and its whole
    text is found nowhere else; a short article quoting that notice stays one."""
    error = ("Sorry, the page you were looking for could not be found. It may have been moved "
             "or removed.\n\n" + NOTICE + "\n\nIf you still cannot find the story you "
             "wanted, please write to the newsroom.")
    story = ("Historians at Tessmark University said on Friday that minutes of the Varnholm "
             "town council from the 1990s, long thought lost, had turned up in the Keldmark "
             "Archive. The archive describes its work on each of its pages:\n\n" + NOTICE +
             "\n\nThe recovered minutes show councillors debating the Ostberg harbour plan "
             "in 1998, a year before the vote that approved it. Professor Anja Lindqvist said "
             "her team would publish them in March.")
    files = {
        "content/notice.md": article("Keldmark Archive", body=NOTICE,
                                     source="https://archive.example/about"),
        "content/missing.md": article("Page not found", body=error,
                                      source="https://courier.example/2019/harbour-vote"),
        "content/minutes.md": article("Lost Varnholm council minutes found in web archive",
                                      body=story, source="https://wire.example/minutes")}
    grouping = grouped(make_site, files)
    assert sorted(a.rel_path for a in grouping.non_articles) == ["missing.md", "notice.md"]
    config = load_config(make_site({"content/missing.md": files["content/missing.md"],
                                    "content/minutes.md": files["content/minutes.md"]},
                                   name="alone"))
    read = read_articles(config)
    # Nothing else serves its notice: the error page alone is not furniture-like enough.
    assert group_stories(read.articles, read.overrides, config).non_articles == ()


def test_article_about_the_web_is_still_an_article(make_site):
    body = ("Browser maker Quennet said on Monday that its app will block tracking cookies by "
            "default for every account, after regulators in Larsdal criticised how websites "
            "follow readers from page to page. The company expects advertisers to object.")
    grouping = grouped(make_site, {"content/q.md": article(
        "Quennet browser will block tracking cookies by default", body=body)})
    assert grouping.non_articles == ()
    assert len(grouping.stories) == 1


def test_exact_copy_outside_the_window_stays_separate(make_site):
    title, _, body = ANNOUNCEMENT[0][2], None, ANNOUNCEMENT[0][3]
    grouping = grouped(make_site, {
        "content/first.md": article(title, date="2025-03-04T08:00:00Z", body=body),
        "content/again.md": article(title, date="2025-03-27T08:00:00Z", body=body),
        "content/same-day.md": article(title, date="2025-03-04T18:00:00Z", body=body),
    })
    first, again = story_of(grouping, "first.md"), story_of(grouping, "again.md")
    assert first is not again
    assert [c.rel_path for g in first.sources for c in g.copies] == ["same-day.md"]


def test_exact_copy_never_crosses_explicit_story_keys(make_site):
    title, body = ANNOUNCEMENT[1][2], ANNOUNCEMENT[1][3]
    grouping = grouped(make_site, {
        "content/a.md": article(title, body=body, story="rail-plan"),
        "content/b.md": article(title, body=body, story="rail-costs"),
    })
    assert sorted(s.key for s in grouping.stories) == ["rail-costs", "rail-plan"]
    assert all(not g.copies for s in grouping.stories for g in s.sources)


def test_a_cached_build_updates_the_timeline_when_another_story_changes(make_site):
    site = make_site(news_files())
    config = load_config(site)
    first = build(config)
    launch = story_of(first.grouping, "rail-0.md")
    path = site / "content" / "rail-lawsuit.md"
    path.write_text(path.read_text().replace("Varnholm council sues",
                                             "Varnholm councillors take"), encoding="utf-8")
    again = build(load_config(site))
    assert story_of(again.grouping, "rail-0.md").storyline == launch.slug
    nav = parse_html(site / "public" / "stories" / launch.slug / "index.html").css_first(
        "nav.digest-storyline")
    assert "Varnholm councillors take" in nav.text() and "sues" not in nav.text()


def test_another_company_doing_the_same_thing_is_another_storyline(make_site):
    files = news_files()
    body = ANNOUNCEMENT[0][3]
    for old, new in (("Pellaton Rail", "Kestrel Freight"), ("Pellaton", "Kestrel"),
                     ("Ostberg", "Dunmere"), ("Varnholm", "Halloway"),
                     ("Mirja Sandvoll", "Oskar Brenn"), ("212", "140"), ("1.4", "0.9")):
        body = body.replace(old, new)
    files["content/kestrel.md"] = article(
        "Kestrel Freight unveils driverless freight line from Dunmere to Halloway",
        date="2025-03-05T09:00:00Z", topic="Transport", outlet="Harbour Daily",
        source="https://harbourdaily.example/kestrel-driverless", body=body)
    grouping = grouped(make_site, files)
    launch, kestrel = story_of(grouping, "rail-0.md"), story_of(grouping, "kestrel.md")
    assert launch is not kestrel and launch.storyline != kestrel.storyline
    assert story_of(grouping, "rail-lawsuit.md").storyline == launch.storyline
