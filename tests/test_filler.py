"""Filler (`digest.group.filler`): text stamped from a template under many headlines, which
names no one, is set aside; a wire story reprinted under other headlines, a deal post
reposted under new ones and a short feed item are not."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import article, grouped

from digest.cli import main
from digest.group.filler import filler_texts, is_specific, prose_sentences, stamp_keys

SUBJECTS = ["Soil Robotics", "Quantum Sensing", "Tidal Storage", "Edge Vision",
            "Synthetic Voices", "Crop Analytics"]
HEADLINES = ["{}: Where the Field Is Heading", "How {} Is Changing Everything",
             "{} Explained: The Road Ahead"]


def template(subject: str) -> str:
    """A content farm's page: one template, the subject filled in."""
    return (f"{subject} stands among the liveliest areas of modern computing. Work in this "
            "space keeps moving faster than most observers predicted.\n\n"
            "## Why it matters\n\n"
            "Progress over the past months has been striking on both the theoretical side and "
            "the practical side. Teams everywhere are discovering fresh ways to put these tools "
            "to work on everyday problems.\n\n"
            "- Lower costs\n- Faster decisions\n\n"
            "As the technology matures, adoption will keep spreading across many industries. "
            "Early movers will likely enjoy an edge over slower rivals in the years ahead.")


WIRE = ("The Harwick port authority said on Thursday that container traffic rose 14 percent in "
        "March, the busiest month since 2019. Director Lena Osei told reporters that two new "
        "cranes from Brevik Heavy Industries had cut unloading times by a third. \"We moved more "
        "boxes with fewer delays,\" Osei said. The authority expects 1.2 million containers "
        "this year, up from 1.05 million in 2024.")

DEAL = ("This deal on a year of the meditation app is one of the easiest ways to start a calmer "
        "routine. The app blends guided sessions with soundscapes that are designed to ease "
        "everyday stress. Paying for a full year upfront usually saves money compared with the "
        "monthly plan. Anyone new to meditation will find the clear structure of the courses "
        "a real strength.")


def farm_files() -> dict[str, str]:
    files = {}
    for i, subject in enumerate(SUBJECTS):
        for j, headline in enumerate(HEADLINES):
            files[f"content/farm-{i}-{j}.md"] = article(
                headline.format(subject), date=f"2025-03-{10 + i:02d}T09:00:00Z",
                body=template(subject))
    return files


def test_prose_sentences_leave_out_headings_and_lists():
    sentences = prose_sentences(template("Tidal Storage"))
    assert sentences[0].startswith("Tidal Storage stands among")
    assert not any(s.startswith(("#", "-", "Why it matters")) for s in sentences)
    assert len(sentences) == 6


def test_a_sentence_is_specific_when_it_names_or_counts_beyond_its_headline():
    headline = frozenset({"tidal", "storage", "explained"})
    assert is_specific("The plant in Orkney stores power for 9 hours.", headline)
    assert is_specific('"It works," the engineer said of the new plant.', headline)
    assert not is_specific("Tidal Storage stands among the liveliest areas today.", headline)
    assert not is_specific("Work on tidal storage keeps moving faster than before.", headline)


def test_only_an_unspecific_text_has_stamps():
    assert stamp_keys("Tidal Storage Explained", template("Tidal Storage"))
    assert stamp_keys("Port traffic rises", WIRE) == ()


def test_filler_needs_its_sentences_under_four_headlines():
    texts = {f"{i}": (f"headline {i}", stamp_keys(f"Subject {i}", template(f"Subject {i}")))
             for i in range(3)}
    assert filler_texts(texts) == set()
    texts["3"] = ("headline 3", stamp_keys("Subject 3", template("Subject 3")))
    assert filler_texts(texts) == {"0", "1", "2", "3"}


def test_template_pages_are_set_aside_and_reported(make_site):
    files = farm_files()
    files["content/port.md"] = article("Harwick port traffic hits a five-year high", body=WIRE,
                                       source="https://wire.example/port")
    grouping = grouped(make_site, files)
    assert sorted(a.rel_path for a in grouping.filler_articles) == sorted(
        p.removeprefix("content/") for p in files if "farm" in p)
    assert [a.rel_path for s in grouping.stories for a in s.articles] == ["port.md"]
    site = make_site(files, name="cli")
    runner = CliRunner()
    report = json.loads(runner.invoke(main, ["report", "--site", str(site), "--json"],
                                      catch_exceptions=False).output)
    assert len(report["filler"]) == 18 and report["non_articles"] == []
    built = runner.invoke(main, ["build", "--site", str(site)], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    assert "Filler" in built.output and "and 8 more" in built.output


def test_a_wire_story_reprinted_under_other_headlines_stays(make_site):
    headlines = ["Harwick port traffic hits a five-year high", "Busiest March for Harwick port",
                 "New cranes speed up Harwick port", "Harwick expects 1.2 million containers",
                 "Port of Harwick grows 14 percent"]
    files = {f"content/port-{i}.md": article(h, body=WIRE, source=f"https://o{i}.example/p")
             for i, h in enumerate(headlines)}
    grouping = grouped(make_site, files)
    assert grouping.filler == ()
    assert sum(len(s.articles) for s in grouping.stories) == 5


def test_a_post_reposted_under_new_headlines_is_one_article_not_filler(make_site):
    """The same marketing text under five headlines is an outlet's repost: its copies collapse
    into one article, which is written once, however little it names."""
    headlines = ["Save on a year of the meditation app", "A year of the meditation app for less",
                 "The meditation app's yearly plan is half off", "Half off a year of calm",
                 "Start a calmer routine for less this week"]
    files = {f"content/deal-{i}.md": article(h, body=DEAL, date=f"2025-11-2{i}T09:00:00Z",
                                             source="https://deals.example/calm")
             for i, h in enumerate(headlines)}
    assert stamp_keys(headlines[0], DEAL)  # it names no one: only the repost test keeps it
    grouping = grouped(make_site, files)
    assert grouping.filler == ()
    assert len(grouping.stories) == 1


def test_a_story_file_keeps_a_filler_page_it_includes(make_site):
    """An article a story file names is the editor's choice (as for pages not articles)."""
    files = farm_files()
    files["content/stories/pick.md"] = ("---\nkind: story\nstory: pick\n"
                                        "include: [farm-0-0.md]\n---\n")
    grouping = grouped(make_site, files)
    assert "farm-0-0.md" not in {a.rel_path for a in grouping.filler_articles}
    # Its copies under its other headlines stay with it, as copies do.
    assert len(grouping.filler_articles) == 15
    assert sorted(a.rel_path for s in grouping.stories for a in s.articles) == [
        "farm-0-0.md", "farm-0-1.md", "farm-0-2.md"]
