"""The brief: one account of the story by aspect, sources interleaved, every sentence
cited, none repeated; on an own-words fixture story (`tests/sites/brief_trains`: four
outlets on one train order) and on the compose fixture stories."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from compose_fixtures import DANGLING_STARTS, STORIES, independently_supported, load_story
from conftest import SITES, article, parse_html

from digest.build import build
from digest.cli import main
from digest.compose.brief import compose_brief
from digest.compose.brief_aspects import CONTEXT, DETAILS, EVENT, ORDER, REACTIONS, aspect_of
from digest.compose.features import Stemmer, containment, features
from digest.compose.quality import problem
from digest.compose.quotations import opens_on_quote
from digest.compose.story import analyse_story
from digest.config import load_config
from digest.errors import ConfigError

TRAINS = "brief_trains"


def _brief(docs, words=300):
    return compose_brief(analyse_story(docs), words)


def _sentences(parts):
    return [e for p in parts for e in p.sentences]


def _words(parts) -> int:
    return sum(len(e.text.split()) for e in _sentences(parts))


@pytest.fixture(scope="module")
def trains():
    docs = load_story(TRAINS)
    return docs, _brief(docs)


def test_paragraphs_follow_the_aspects_of_the_event(trains):
    _, parts = trains
    aspects = [p.aspect for p in parts]
    assert aspects[0] == EVENT
    assert aspects == sorted(aspects, key=ORDER.index), "what happened, details, reactions, context"
    assert {EVENT, DETAILS, REACTIONS, CONTEXT} <= set(aspects)
    reactions = [e.text for p in parts if p.aspect == REACTIONS for e in p.sentences]
    assert any('"' in t for t in reactions), "the union's quote is told as a reaction"
    assert all(re.search(r"\b(said|says|told|warned|called)\b", t) for t in reactions
               if '"' in t), "a quote always names who said it"


def test_sources_interleave_within_paragraphs(trains):
    _, parts = trains
    assert len({e.source_number for e in _sentences(parts)}) == 4, "all four outlets are used"
    mixed = [p for p in parts if len({e.source_number for e in p.sentences}) >= 2]
    assert len(mixed) >= 2, "paragraphs tell an aspect from several sources, not one source each"


def test_every_sentence_is_cited_and_supported(trains):
    docs, parts = trains
    by_number = {d.number: d for d in docs}
    for e in _sentences(parts):
        assert e.cites and e.source_number in e.cites
        for n in e.cites:
            assert independently_supported(e.text, by_number[n]), (n, e.text)


def test_facts_told_by_several_sources_cite_them_all(trains):
    _, parts = trains
    assert any(len(e.cites) >= 2 for e in _sentences(parts))


def test_no_sentence_repeats_another(trains):
    _, parts = trains
    stemmer = Stemmer()
    shown = [features(e.text, stemmer) for e in _sentences(parts)]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert max(containment(a, b), containment(b, a)) < 0.7


def test_sentences_stand_on_their_own(trains):
    docs, parts = trains
    titles = {d.title.casefold() for d in docs}
    for e in _sentences(parts):
        assert problem(e.text, min_words=6, in_account=True) is None, e.text
        assert not e.text.lower().startswith(DANGLING_STARTS)
        assert e.text.casefold().rstrip(".") not in titles
    for p in parts:
        assert not opens_on_quote(p.sentences[0].text), "no paragraph opens on a quote"


_TRAM_LEAD = ["Orrin opened its first tram line on Monday, linking the harbour with the "
              "university."]
_TRAM_FARES = ["A single tram fare costs 2.40 crowns, the same as a bus fare.",
               "Tram fares for students and pensioners are half price during the first year."]
_AIRPORT_LINE = ["The airport tram line would run 9 kilometres from the university.",
                 "The airport tram line still needs approval from the transport ministry."]


def test_headings_are_phrases_of_their_own_paragraph():
    """Every section after the lead has a heading copied from its own sentences, naming
    what two of them share; the lead has none (the page's title is its heading, as no
    subhead precedes a lede)."""
    from digest.compose.brief_headings import headings

    paragraphs = [_TRAM_LEAD, _TRAM_FARES, _AIRPORT_LINE]
    found = headings(_harbour_story(), paragraphs)
    assert found[0] is None and all(found[1:]), found
    assert len({h.casefold() for h in found[1:]}) == 2
    for heading, texts in zip(found[1:], paragraphs[1:]):
        assert heading.casefold() in " ".join(texts).casefold(), heading
        assert 2 <= len(heading.split()) <= 5
        shared = [w for w in heading.casefold().split()
                  if sum(w.rstrip("s") in t.casefold() for t in texts) >= 2]
        assert shared, (heading, "names what two sentences share")


def test_no_headings_when_a_section_has_no_label(trains):
    """The trains brief's second section of details (train capacity, the price of hydrogen,
    a hearing date) shares no words a label could name; its best phrase would be a detail of
    one later sentence ("Regional transport board"). Headings signpost every section or
    none, so none has one."""
    _, parts = trains
    assert len(parts) >= 3 and all(p.heading is None for p in parts)


def test_no_headings_below_three_paragraphs():
    docs = load_story(TRAINS)[:1]
    parts = _brief(docs, words=120)
    assert len(parts) < 3 and all(p.heading is None for p in parts)


def test_length_grows_with_the_sources():
    docs = load_story(TRAINS)
    lengths = [_words(_brief(docs[:n])) for n in range(1, 5)]
    assert lengths == sorted(lengths) and lengths[-1] > lengths[0] + 100, lengths
    assert 100 <= lengths[0] <= 130 and lengths[-1] <= 300


def test_brief_words_sets_the_length():
    docs = load_story(TRAINS)
    short, long = _words(_brief(docs, 150)), _words(_brief(docs, 300))
    assert short <= 150 < long
    assert _brief(docs, 0) == []


def test_deterministic_and_independent_of_source_order():
    docs = load_story(TRAINS)
    first = _brief(docs)
    assert _brief(docs) == first
    assert _brief(list(reversed(docs))) == first


@pytest.mark.parametrize("name", STORIES)
def test_compose_fixture_briefs_are_cited_and_distinct(name):
    docs = load_story(name)
    parts = _brief(docs)
    sentences = _sentences(parts)
    assert sentences and parts[0].aspect == EVENT
    texts = [e.text for e in sentences]
    assert len(set(texts)) == len(texts)
    assert all(e.cites and e.source_number in e.cites for e in sentences)
    assert parts[0].heading is None
    headings = [p.heading for p in parts[1:]]
    assert all(headings) or not any(headings), "every section after the lead or none"
    assert len(parts) >= 3 or not any(headings)


@pytest.mark.parametrize("text, aspect", [
    ('"We will not sign it," said the mayor, Ada Quell.', REACTIONS),
    ("Ada Quell, the mayor, criticised the plan at a council meeting.", REACTIONS),
    ("The council will vote on the plan in January.", CONTEXT),
    ("The bridge had been closed twice since 2019.", CONTEXT),
    ("The plan costs $40 million and covers 12 kilometres of road.", DETAILS),
    ('Drivers can pick "fast" or "eco" charging in the new app.', DETAILS),
    ("Shareholders will receive $30 in cash for each share.", DETAILS),
])
def test_aspect_of_a_sentence(text, aspect):
    assert aspect_of(text) == aspect


def test_config_validates_brief_words(make_site):
    site = make_site({"content/a.md": article(), "digest.toml": "[compose]\nbrief_words = 30\n"})
    with pytest.raises(ConfigError, match="brief_words"):
        load_config(site)
    assert load_config(site, {"compose.brief_words": 0}).compose.brief_words == 0


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = tmp_path_factory.mktemp("brief")
    (site / "content").mkdir()
    for path in (SITES / TRAINS / "content").glob("*.md"):
        (site / "content" / path.name).write_text(path.read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    config = load_config(site)
    result = build(config)
    [digest] = result.digests
    page = config.output_path / "stories" / digest.slug / "index.html"
    return site, digest, parse_html(page)


def test_story_page_shows_the_brief_after_the_takeaways(built):
    _, digest, doc = built
    html = doc.html
    assert html.index("digest-takeaways-box") < html.index('class="digest-brief"') \
        < html.index('class="digest-body"')
    brief = doc.css_first("section.digest-brief")
    headings = [h.text() for h in brief.css("h3")]
    assert headings == [p.heading for p in digest.brief if p.heading]
    assert digest.brief[0].heading is None  # none over the lead
    paragraphs = brief.css("p")
    assert [p.attributes["data-aspect"] for p in paragraphs] == [p.aspect for p in digest.brief]
    spans = brief.css("span.digest-sentence")
    assert [s.text() for s in spans] == [e.text for p in digest.brief for e in p.sentences]
    for span in spans:
        cites = span.attributes["data-cites"].split()
        assert cites
        links = []
        node = span.next
        while node is not None and node.tag == "sup":
            links.append(node.css_first("a").attributes["href"])
            node = node.next
        assert links == [f"#src-{n}" for n in cites]
        for n in cites:
            assert doc.css_first(f"#src-{n}") is not None


def test_source_texts_are_whole_in_closed_details(built):
    site, digest, doc = built
    details = doc.css("section.digest-body details.digest-section")
    assert len(details) == len(digest.sources) == 4
    for box, source in zip(details, digest.sources):
        a = source.article
        assert "open" not in box.attributes
        summary = box.css_first("summary").text()
        assert a.outlet in summary and a.authors[0] in summary and a.title in summary
        assert box.css_first("summary time").attributes["datetime"] == a.date.isoformat()
        assert box.css_first(f'a[href="{a.source}"]') is not None
        body = " ".join(p.text() for p in box.css("p"))
        for paragraph in a.body.split("\n\n"):
            assert paragraph.strip().replace('"', "") [:40] in body.replace('"', ""), \
                "every paragraph of the source is shown"


def test_report_lists_the_brief(built):
    site, digest, _ = built
    runner = CliRunner()
    out = runner.invoke(main, ["report", "--site", str(site), "--json"])
    assert out.exit_code == 0, out.output
    [story] = json.loads(out.output[out.output.index("{"):])["stories"]
    assert [p["heading"] for p in story["brief"]] == [p.heading for p in digest.brief]
    for paragraph in story["brief"]:
        for s in paragraph["sentences"]:
            assert {"text", "cites", "from"} <= set(s) and s["cites"]
            assert s["from"]["path"].endswith(".md") and s["from"]["sentence"]
    text = runner.invoke(main, ["report", "--site", str(site)]).output
    assert "Brief:" in text and digest.brief[0].sentences[0].text in text


def _one_story(site, title, key, articles):
    """Write `articles` ((body, outlet) pairs) as one story `key` of `site` and return its
    entry of `digest report --json`."""
    for n, (body, outlet) in enumerate(articles, start=1):
        (site / "content" / f"a{n}.md").write_text(
            f"---\ntitle: {title} {n}\ndate: 2025-11-0{n}\n"
            f"outlet: {outlet}\nstory: {key}\n---\n{body}\n")
    result = CliRunner().invoke(main, ["report", "--site", str(site), "--json"])
    assert result.exit_code == 0, result.output
    [story] = json.loads(result.output)["stories"]
    return story


def _empty_site(tmp_path):
    """A site folder with a minimal digest.toml and an empty content/."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "digest.toml").write_text('title = "T"\nbase_url = "https://example.org/"\n')
    return site


def test_the_brief_tells_the_whole_story_but_never_a_takeaway_again(tmp_path):
    """Two outlets on a library reopening. The brief reads complete on its own, so it
    opens on what happened, as the summary box does (the box is its short version); a
    takeaway, or another outlet's near copy of one, is not printed again in it."""
    site = _empty_site(tmp_path)
    first = ("The Calder Street library in Brenmouth reopened on Saturday after a two-year "
             "rebuild that cost 6 million pounds.\n\n"
             "Visitors queued along the street before the doors opened at nine.\n\n"
             "The new building has a rooftop reading garden and a children's floor.\n\n"
             "Librarian Maud Ferris said loans had doubled in the first hours.\n\n"
             "The council plans to extend opening hours to Sundays from next spring.")
    second = ("Brenmouth's Calder Street library reopened on Saturday after a two-year "
              "rebuild costing 6 million pounds.\n\n"
              "The old building had been closed since a roof collapse in 2023.\n\n"
              "The rebuilt library has a rooftop reading garden and a floor for children.\n\n"
              "A cafe run by a local charity opens in the lobby next month.\n\n"
              "The council plans to extend opening hours to Sundays from next spring.")
    story = _one_story(site, "Calder Street library reopens", "calder-library",
                       [(first, "Brenmouth Post"), (second, "Coast Radio")])
    summary = [s["text"] for s in story["summary"]]
    brief = [s["text"] for p in story["brief"] for s in p["sentences"]]
    takeaways = [s["text"] for s in story["takeaways"]]
    assert summary and brief and takeaways
    # the account opens on the news itself, where its short version (the box) opens
    assert "reopened on Saturday" in brief[0], brief
    assert brief[0] == summary[0], (brief[0], summary[0])
    # no key takeaway (the list printed between the two) and no near copy of one
    assert not set(brief) & set(takeaways), (brief, takeaways)
    stem = Stemmer()
    for b in brief:
        for s in takeaways:
            one, two = features(b, stem), features(s, stem)
            assert max(containment(one, two), containment(two, one)) < 0.8, (b, s)


def test_no_brief_when_it_would_only_repeat_the_summary_box(tmp_path):
    """Two short reports that say the same two facts: the box holds both, and a brief
    of the same sentences again would tell the reader nothing new, so there is none."""
    site = _empty_site(tmp_path)
    bodies = [("The Orrin lifeboat station will close on 1 March after 140 years, the "
               "rescue charity Searoute said on Monday.\n\n"
               "Crews will move to the larger station at Harlow, twelve miles north."),
              ("Searoute said on Monday that the Orrin lifeboat station will close on 1 March "
               "after 140 years.\n\n"
               "Its crews will move to the larger Harlow station twelve miles to the north.")]
    story = _one_story(site, "Orrin lifeboat station to close", "orrin-lifeboat",
                       [(body, f"Outlet {n}") for n, body in enumerate(bodies, start=1)])
    summary = {s["text"] for s in story["summary"]}
    brief = [s["text"] for p in story["brief"] for s in p["sentences"]]
    assert summary
    assert not brief or not set(brief) <= summary, (summary, brief)


def test_a_one_source_brief_goes_on_from_the_summary_box(tmp_path):
    """With one source the box already tells what that source leads with: the brief
    goes on from it and prints none of its sentences again."""
    site = _empty_site(tmp_path)
    body = ("The Harlow ferry company will add a night crossing to Ostend from 4 May, its "
            "chief executive Ruth Amble said on Tuesday.\n\n"
            "The crossing leaves Harlow at 23:30 and reaches Ostend before seven.\n\n"
            "Cabins on the night boat cost 90 euros for two people.\n\n"
            "The company carried 410,000 passengers last year, a fifth more than in 2023.\n\n"
            "Rival operator Sealink said it had no plans for a night service.\n\n"
            "Harlow's port authority expects the crossing to add 40 jobs at the terminal.\n\n"
            "Tickets for the first month go on sale on Friday.")
    (site / "content" / "ferry.md").write_text(
        "---\ntitle: Harlow ferry adds a night crossing\ndate: 2025-11-04\n"
        f"outlet: Harlow Post\n---\n{body}\n")
    result = CliRunner().invoke(main, ["report", "--site", str(site), "--json"])
    assert result.exit_code == 0, result.output
    [story] = json.loads(result.output)["stories"]
    summary = {s["text"] for s in story["summary"]}
    brief = [s["text"] for p in story["brief"] for s in p["sentences"]]
    assert summary and brief
    assert not summary & set(brief), (summary, brief)


def test_the_brief_may_tell_a_takeaway_fact_again_in_other_words():
    """The brief is the whole account: a fact a takeaway states may come back in
    another outlet's clearly different sentence, but never the same sentence."""
    import datetime as dt

    from digest.compose.shown import shown_again
    from digest.compose.select import Candidate
    from digest.compose.source import SourceDocument

    when = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    story = analyse_story([
        SourceDocument(1, "Pier reopens", "The Harlow pier reopened to walkers on Friday "
                       "after storm repairs costing 2 million pounds.", None, "Post", when),
        SourceDocument(2, "Pier open again", "Walkers were back on Harlow's pier on Friday, "
                       "as engineers finished mending the storm damage to its deck.",
                       None, "Radio", when),
    ])
    lead, other = 0, 1
    said = story.units[lead].sentence.text
    same = Candidate(lead, said, len(said.split()), 1.0)
    retold = story.units[other].sentence.text
    assert shown_again(story, same, [lead], [said])
    assert not shown_again(story, Candidate(other, retold, len(retold.split()), 1.0),
                           [lead], [said])


def _key_phrase_of(sentence: str, words: tuple[str, ...] | None = None, *, strip: str = ".",
                   title: str = "Harbour news") -> str | None:
    """The heading `key_phrase` finds for a paragraph of `sentence`, alone in a one-source
    story, with the stems of `words` (default: the sentence's words, `strip`ped) against
    another paragraph about the weather."""
    import datetime as dt

    from digest.compose.brief_headings import key_phrase
    from digest.compose.source import SourceDocument

    story = analyse_story([SourceDocument(1, title, sentence, None, "Post",
                                          dt.datetime(2025, 11, 1, tzinfo=dt.UTC))])
    stem = story.stemmer.stem
    words = words if words is not None else tuple(w.strip(strip) for w in sentence.split())
    mine = [frozenset(stem(w) for w in words)]
    return key_phrase(story, [sentence], mine, [frozenset({stem("weather")})], set())


def test_a_heading_never_ends_on_a_verb_before_its_object():
    """"Ferry offers" (from "The ferry offers a discount ...") is a subject and its verb,
    a fragment; the heading is a noun phrase of the paragraph or nothing."""
    import datetime as dt

    from digest.compose.brief_headings import key_phrase
    from digest.compose.source import SourceDocument

    story = analyse_story([SourceDocument(1, "Ferry fares", "Fares change.", None, "Post",
                                          dt.datetime(2025, 11, 1, tzinfo=dt.UTC))])
    stem = story.stemmer.stem
    texts = ["The ferry offers a discount to island pensioners."]
    mine = [frozenset(stem(w) for w in ("ferry", "offers", "discount", "island", "pensioners"))]
    theirs = [frozenset(stem(w) for w in ("discount", "island", "pensioners"))] * 3
    heading = key_phrase(story, texts, mine, theirs, set())
    assert heading is None or not heading.casefold().endswith("offers"), heading


@pytest.mark.parametrize("sentence,fragment", [
    ("Norland considers the ban on late ferries after a vote in its harbour council.",
     "considers the"),
    ("Dockhands using new cranes unloaded twice as many crates at Norland last week.",
     "using new"),
    ("Brightsea preemptively closed its harbour office before the storm reached Norland.",
     "preemptively"),
    # a word English only uses as a verb ("continues", "come") closes a clause, not a label
    ("Dredging of the Norland channel continues despite the storm warnings.", "continues"),
    ("A lot of Norland fishermen come to the quay at dawn for the auction.", "come"),
    ("A lot of Norland fishermen sell their catch at the quay at dawn.", "lot of"),
    ("The harbour office doesn't open on Sundays in the Norland winter.", "doesn't"),
    ("The ferry app filters timetables by the Norland harbour of departure.", "filters"),
    ("The old Norland quay where fishermen gather is being rebuilt this winter.", "where"),
    ("The Norland ferry operator plans to reach 40 sailings a week by May.", "plans to"),
    # how much something changed, without the change, is no label
    ("The new hull cuts fuel use inside a Norland ferry by 30 percent.", "by 30"),
    # a verb before "that" or a pronoun object; a spokesperson; a name cut at an initial
    ("Firing the harbour gun leaves them deaf for an hour, Norland dockers say.", "gun leaves"),
    ("The new timetable was confirmed by Norland spokesperson Ines Vale on Friday.", "vale"),
    ("Harbour manager Ellen T. Vale runs the Norland quay and its ferry office.", "ellen t"),
    # a possessive needs its noun; a label holds no "today"; a verb before "no"
    ("Leaks for the company's new Norland ferry arrived early, the harbour said.", "company's"),
    ("Harbour workers today face no obligation to report ferry delays to Norland.", "face"),
    # a pronoun leans on a sentence the heading does not have
    ("The outcome of its Norland lawsuit against the harbour board is due in May.", "its"),
    # "worth" needs its amount
    ("The Norland trust keeps an equity stake worth more than 40 million kroner.", "worth"),
    # "due" needs its "to"
    ("Ferries in the N. Norland Region due to the storm stayed in port.", "region due"),
    # a subject and its verb, cut from their clause; a demonstrative leans back
    ("The larger Norland hull means that each ferry can carry forty more cars.", "hull means"),
    ("The winter Norland timetable kicks off next Monday at the harbour quay.", "timetable kicks"),
])
def test_a_heading_is_a_noun_phrase_not_a_clause(sentence, fragment):
    """A verb before its object, a participle with its object or an adverb at an edge
    make a heading read as a clipped sentence; such spans are never headings."""
    heading = _key_phrase_of(sentence)
    assert heading is None or fragment not in heading.casefold(), heading


@pytest.mark.parametrize("sentence,words,fragment", [
    ("Most riders know how Norland ferry bookings work on the harbour website.",
     ("norland", "ferry", "bookings", "work"), "work"),
    ("Tickets for this one start at 40 kroner on the Norland ferry.",
     ("tickets", "this", "one", "start"), "this"),
])
def test_a_heading_is_no_clause_even_when_its_words_are_the_paragraphs(sentence, words,
                                                                         fragment):
    """Even when the paragraph's words are all in it, a clause's subject and verb after
    "how", or a phrase with "this" that leans back, is no heading."""
    heading = _key_phrase_of(sentence, words)
    assert heading is None or fragment not in heading.casefold().split(), heading


@pytest.mark.parametrize("sentence", [
    "Scientists mapped the heat under Mount St. Helens with a survey of Norland quakes.",
    "The storm reached Mount St. Helens and the Norland coast on Friday night.",
])
def test_an_abbreviation_does_not_cut_a_heading(sentence):
    """"Mount St. Helens" is one name: its abbreviation's full stop ends no clause, so a
    heading never stops at "Mount St"."""
    heading = _key_phrase_of(sentence)
    assert heading is None or not heading.endswith(("St", "St.")), heading


def test_a_word_the_story_uses_as_a_verb_is_never_in_a_heading():
    """"Norland timetables include" reads as a clipped sentence; the story itself says
    "it will include", so "include" is a verb here and no heading holds it."""
    import datetime as dt

    from digest.compose.brief_headings import key_phrase
    from digest.compose.source import SourceDocument

    text = ("Norland timetables include more sailings on Sundays from May.\n\n"
            "The operator said it will include a night crossing from June.")
    story = analyse_story([SourceDocument(1, "Ferry timetables", text, None, "Post",
                                          dt.datetime(2025, 11, 1, tzinfo=dt.UTC))])
    stem = story.stemmer.stem
    sentence = "Norland timetables include more sailings on Sundays from May."
    mine = [frozenset(stem(w) for w in ("norland", "timetables", "include"))]
    theirs = [frozenset(stem(w) for w in ("sailings", "sundays", "may"))] * 3
    heading = key_phrase(story, [sentence], mine, theirs, set())
    assert heading is None or "include" not in heading.casefold(), heading


@pytest.mark.parametrize("sentence,verb", [
    ("Quillmark makes the chip that powers Heron headsets and hearing aids.", "powers"),
    ("Last spring Mayor Odile Varga tasked harbour engineers with a flood plan.", "tasked"),
])
def test_verbs_after_a_relative_pronoun_or_a_name_are_never_in_a_heading(sentence, verb):
    """"Powers Heron headsets" and "Varga tasked harbour engineers" are clipped clauses,
    not the noun phrases a heading names."""
    import datetime as dt

    from digest.compose.brief_headings import key_phrase
    from digest.compose.source import SourceDocument

    story = analyse_story([SourceDocument(1, "Harbour news", sentence, None, "Post",
                                          dt.datetime(2025, 11, 1, tzinfo=dt.UTC))])
    stem = story.stemmer.stem
    mine = [frozenset(stem(w.strip(".,").lower()) for w in sentence.split())]
    theirs = [frozenset({stem("weather")})] * 3
    heading = key_phrase(story, [sentence], mine, theirs, set())
    assert heading is None or verb not in heading.casefold(), heading


def _harbour_story():
    import datetime as dt

    from digest.compose.source import SourceDocument

    return analyse_story([SourceDocument(1, "Harbour news", "Norland harbour reopened.", None,
                                         "Post", dt.datetime(2025, 11, 1, tzinfo=dt.UTC))])


_HARBOUR_LEAD = ["The Norland harbour reopened to fishing boats on Monday."]
_FERRY_FARES = ["Ferry fares to Brenmouth rise by a tenth in May.",
                "The ferry fares were last raised in 2019."]
_LIBRARY_LOANS = ["Librarian Maud Ferris said loans of harbour maps had doubled in a week.",
                  "Harbour maps were the most borrowed item, ahead of tide tables."]


def test_headings_signpost_every_section_or_none():
    """A paragraph after the lead with no key phrase of its own leaves the whole brief
    without headings, rather than headings over some sections only."""
    from digest.compose.brief_headings import headings

    story = _harbour_story()
    unlabelled = [_HARBOUR_LEAD, _FERRY_FARES, ["It was what they had said it would be.",
                                                "So it was, and so it is."]]
    assert headings(story, unlabelled) == [None, None, None]
    named = [_HARBOUR_LEAD, _FERRY_FARES, _LIBRARY_LOANS]
    found = headings(story, named)
    assert found[0] is None and all(found[1:]), found
    assert "fares" in found[1].casefold(), found


def test_no_headings_over_a_section_of_one_sentence():
    """A label names what a section's sentences share; over a single sentence it could only
    copy one of its details ("Electronics warm" over one line on a lander's heaters). A brief
    with such a section shows no headings at all (every section or none)."""
    from digest.compose.brief_headings import headings

    story = _harbour_story()
    one = [_HARBOUR_LEAD, _FERRY_FARES, _LIBRARY_LOANS[:1]]
    assert headings(story, one) == [None, None, None]


def test_no_headings_when_a_section_s_label_names_nothing_its_sentences_share():
    """Lifted from one sentence, a label copies a detail ("Septic shock" over a section on
    a tick-borne disease): a section whose key phrase no second sentence of it uses leaves
    the brief without headings (every section or none)."""
    from digest.compose.brief_headings import headings

    story = _harbour_story()
    detail = ["Pier repairs cost Norland two million crowns.",
              "Harbour master Ines Vale thanked the divers who mended the north wall."]
    assert headings(story, [_HARBOUR_LEAD, _FERRY_FARES, detail]) == [None, None, None]
    found = headings(story, [_HARBOUR_LEAD, _FERRY_FARES, _LIBRARY_LOANS])
    assert all(found[1:]), found


def test_a_heading_never_opens_on_a_word_that_refers_back():
    sentence = "The company's chief Ada Holm opened the Norland depot on Monday."
    heading = _key_phrase_of(sentence, strip=".'s", title="Depot opens")
    assert heading is None or not heading.casefold().startswith("company"), heading


@pytest.mark.parametrize("sentence,judgement", [
    ("The council called it an enormous payout for the Norland ferry operator.", "enormous"),
    ("Harlow faces a similar lawsuit over the Norland ferry timetable.", "similar"),
    ("Bad news for Norland commuters: the night ferry stops in May.", "bad"),
    ("A photo of someone through a Norland ferry window was shared on Monday.", "someone"),
])
def test_a_heading_never_opens_on_a_word_of_judgement(sentence, judgement):
    """"Enormous payout", "Similar lawsuit", "Bad news": a label names the section's topic in
    the story's terms, not the writer's judgement of it."""
    heading = _key_phrase_of(sentence)
    assert heading is None or not heading.casefold().startswith(judgement), heading


def test_a_name_may_open_on_a_word_of_judgement():
    heading = _key_phrase_of("The Norland council met Big Tech on Monday.", ("big", "tech"),
                             title="Harlow ferry news")
    assert heading == "Big Tech", heading


def test_a_heading_copies_words_not_quote_marks():
    """A span that starts inside a quotation ("a 'stripped-down' AI chatbot") gives a
    heading without the quotation's stray mark."""
    sentence = "Sealink is building a 'stripped-down' night ferry to rival the Ostend boats."
    heading = _key_phrase_of(sentence, ("stripped", "night", "ferry", "rival", "ostend"),
                             title="Harlow ferry news")
    assert heading is None or not any(q in heading for q in "'‘’\"“”"), heading


def test_a_heading_keeps_a_plural_possessive_apostrophe():
    """Without its apostrophe, "the ferry operators’ rush" reads as a claim the sentence
    never makes ("Ferry operators rush"); a possessive with no noun after it is no label."""
    sentence = "Amid the ferry operators’ rush for new routes, Norland raised its mooring fees."
    heading = _key_phrase_of(sentence, ("ferry", "operators", "rush", "routes"))
    assert heading is not None and "operators rush" not in heading.casefold(), heading
    assert not heading.endswith(("’", "'")), heading


def test_a_heading_never_ends_inside_in_order_to():
    sentence = "Norland paused its ferry upgrades in order to fund the new harbour ramp."
    heading = _key_phrase_of(sentence, ("upgrades", "order"))
    assert heading is None or not heading.casefold().endswith("in order"), heading


def test_a_several_source_brief_opens_where_the_box_opens():
    """The caller names the box's first sentence (`opening`): the account opens on it,
    whichever lead the brief would have chosen itself."""
    import datetime as dt

    from digest.compose.source import SourceDocument
    one = ("Sealink chief executive Ruth Amble announced the new Harlow service at the "
           "ferry terminal on Tuesday.\n\n"
           "A night ferry between Harlow and Ostend will start in May, with cabins costing "
           "90 euros for two people.\n\n"
           "The crossing leaves Harlow at 23:30 and reaches Ostend before seven.")
    two = ("Harlow's port authority expects the new service to add 40 jobs at the "
           "terminal.\n\n"
           "A night ferry between Harlow and Ostend starts in May, with cabins at 90 euros "
           "for two people.\n\n"
           "Tickets for the first month of the night ferry go on sale on Friday.")
    when = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    story = analyse_story([SourceDocument(1, "Sealink adds night ferry", one, None, "Post", when),
                           SourceDocument(2, "Sealink ferry to Ostend", two, None, "Radio",
                                          when)])
    own = compose_brief(story, 300)[0].sentences[0].text
    announced = next(i for i, u in enumerate(story.units)
                     if u.sentence.text.startswith("Sealink chief executive"))
    assert own != story.units[announced].sentence.text
    opened = compose_brief(story, 300, opening=announced)[0].sentences[0].text
    assert opened == story.units[announced].sentence.text


def test_another_source_s_lead_tells_what_happened_even_with_a_time_word():
    """"… announced on Wednesday that, for the first time, …" is a source's lead: it goes
    with what happened, not with the background at the end."""
    import datetime as dt

    from digest.compose.brief_aspects import arrange
    from digest.compose.source import SourceDocument

    when = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    story = analyse_story([
        SourceDocument(1, "Ferry app", "Sealink opened bookings for its new Orrin ferry on its "
                       "app on Wednesday. Seats cost $12.", None, "Post", when),
        SourceDocument(2, "Ferry app", "Sealink said on Wednesday that, for the first time, "
                       "islanders can book the Orrin ferry on their phones. It sails in May.",
                       None, "Wire", when),
    ])
    leads = [i for i, u in enumerate(story.units) if u.rank == 0]
    texts = {i: story.units[i].sentence.text for i in leads}
    paragraphs = arrange(story, leads[0], leads[1:], texts)
    assert paragraphs[0] == (EVENT, tuple(leads))


def test_a_heading_keeps_a_name_s_own_case():
    """"iPhone widgets …" stays so: capitalising a heading's first letter would misspell it."""
    heading = _key_phrase_of("Ferry riders can book through iPhone widgets at Norland harbour.")
    assert heading is not None and heading.startswith("iPhone"), heading


def test_a_rewritten_brief_sentence_records_its_rewrite():
    """The report shows every rewrite next to the source sentence, in the brief too."""
    from digest.compose.source import SourceDocument
    first = ("Harwick Motors recalled 40,000 delivery vans on Monday after a brake fault "
             "was found in testing.\n\nThe company said the fault affects vans built in 2024 "
             "and will be fixed free of charge at its dealers.\n\nDealers will start the "
             "repairs next month, and owners will get letters by post.")
    second = ("Harwick Motors is recalling 40,000 delivery vans over a brake fault found in "
              "testing, the carmaker said on Monday.\n\nRegulators said no crashes had been "
              "linked to the fault so far, and the vans can still be driven with care.")
    docs = [SourceDocument(n, "Harwick Motors recalls 40,000 vans", text, None, "Outlet", None)
            for n, text in ((1, first), (2, second))]
    sentences = _sentences(_brief(docs))
    named = [e for e in sentences if e.text.startswith("Harwick Motors said the fault")]
    assert named, [e.text for e in sentences]
    assert named[0].rewrite == "'The company' → 'Harwick Motors'"
    assert named[0].source_sentence.startswith("The company said")
    assert all(e.rewrite == "" for e in sentences if e.text == e.source_sentence)


def _analysed(day: int, *sources: tuple[str, str, str]):
    """An analysed story of (title, body, outlet) sources dated November `day`, 2025."""
    import datetime as dt

    from digest.compose.source import SourceDocument

    when = dt.datetime(2025, 11, day, tzinfo=dt.UTC)
    return analyse_story([SourceDocument(n, title, body, None, outlet, when)
                          for n, (title, body, outlet) in enumerate(sources, start=1)])


def _tram_story(sources: int = 2):
    return _analysed(4, *[
        ("Norland approves tram line",
         "The Norland city council approved a $420 million tram line on Tuesday, ending a "
         "decade of debate over the route. It will run 14 kilometres from the harbour to the "
         "university and open to riders in 2029. That means the buses on the harbour road "
         "will stop running in 2030. We think this is the best day for Norland in years.\n\n"
         "Mayor Dana Holt called the vote a turning point for the city's transport.", "Ledger"),
        ("Tram line wins council vote",
         "Norland's council voted 9 to 4 on Tuesday to build a tram line from the harbour to "
         "the university. The 14-kilometre line will cost $420 million, most of it paid by a "
         "national transport fund. Critics on the council said the money should have gone to "
         "more buses.", "Wire"),
    ][:sources])


def test_a_sentence_leaning_on_the_one_before_may_follow_it():
    """"It will run 14 kilometres …" cannot open anything, but right after the sentence
    it leans on, as its source wrote them, it reads resolved; a sentence leaning on one
    that leans itself, or with another problem (first person), is never a follow-on."""
    from digest.compose.eligible import follow_ons

    story = _tram_story()
    found = {story.units[unit].sentence.text: story.units[before].sentence.text
             for unit, _, before, _ in follow_ons(story, range(len(story.units)))}
    assert found == {"It will run 14 kilometres from the harbour to the university and open "
                     "to riders in 2029.": "The Norland city council approved a $420 million "
                     "tram line on Tuesday, ending a decade of debate over the route."}


def test_a_quotation_going_on_after_its_speaker_may_follow_them():
    """A reporter gives a speaker's words, names them, and lets the quotation go on in the
    next sentence: '"…," Mara Quist said. "The ferries will stay in port all week."' Right
    after the named speaker's sentence the second quotation is theirs; after a sentence
    naming no speaker, or one whose speaker is only "she", it is nobody's."""
    from digest.compose.eligible import follow_ons

    story = _strike_story()
    found = {story.units[unit].sentence.text: story.units[before].sentence.text
             for unit, _, before, _ in follow_ons(story, range(len(story.units)))}
    assert found['"The ferries will stay in port all week, and we know what that costs '
                 'the islands."'] == '"We are not going back to work until the pay talks ' \
        'reopen," union leader Mara Quist said on Monday.'
    assert '"Nobody told us anything before we bought the tickets."' not in found
    assert '"The crews have waited two years for a raise."' not in found


def _strike_story():
    return _analysed(
        9,
        ("Ferry crews strike",
         '"We are not going back to work until the pay talks reopen," union leader Mara '
         'Quist said on Monday. "The ferries will stay in port all week, and we know '
         'what that costs the islands." Passengers crowded the Kelby terminal on Monday '
         'morning. "Nobody told us anything before we bought the tickets." The port '
         'authority said it would add buses to the mainland.', "Ledger"),
        ("Island ferries halted",
         'Ferry crews walked out on Monday over pay, stranding hundreds of island '
         'travellers at the Kelby terminal. "It was a hard call for every one of us," she '
         'said. "The crews have waited two years for a raise."', "Wire"))


def test_follow_ons_are_looked_for_where_the_standing_candidates_were_found(monkeypatch):
    """The brief's follow-ons compete with its standing candidates: with a full pool of
    those, a sentence leaning on the one before it is offered only when it comes no lower
    in the brief's order than the last of them; with fewer, every unit is looked at."""
    from digest.compose import brief as brief_module
    from digest.compose.select import best_first

    story = _tram_story()
    order = best_first(brief_module.brief_scores(story), story)
    follow_on = next(c for c in brief_module._options(story, (), ()) if c.lead_in)
    standing = [c.unit for c in brief_module._options(story, (), ()) if c.lead_in is None]
    above = [unit for unit in standing if order.index(unit) < order.index(follow_on.unit)]
    assert above, "the fixture has a standing candidate above its follow-on"
    monkeypatch.setattr(brief_module, "POOL", len(above))
    assert not any(c.lead_in for c in brief_module._options(_tram_story(), (), ()))
    monkeypatch.setattr(brief_module, "POOL", len(above) + 1)
    assert any(c.lead_in for c in brief_module._options(_tram_story(), (), ()))


def test_a_statement_given_over_two_sentences_is_one_voice():
    """A speaker's quotation and its continuation are one voice the brief may make room for
    first, as it does for a single quotation, when the pair opens on the speaker's own
    words; a statement leaning on the sentence before, or a follow-on of the lead, is none."""
    from digest.compose import brief as brief_module
    from digest.compose.select import Candidate

    quist = '"We are not going back to work until the pay talks reopen," Mara Quist said.'
    going_on = '"The ferries will stay in port all week."'
    assert brief_module._a_voice(Candidate(5, going_on, 20, 1.0, (4, quist)), lead=0)
    assert not brief_module._a_voice(Candidate(5, going_on, 20, 1.0, (4, quist)), lead=4)
    hard = '"It was a hard call for every one of us," Mara Quist said.'
    assert not brief_module._a_voice(Candidate(5, going_on, 20, 1.0, (4, hard)), lead=0)
    assert not brief_module._a_voice(
        Candidate(5, "It will stay in port all week.", 20, 1.0, (4, quist)), lead=0)
    story = _strike_story()
    options = brief_module._options(story, (), ())
    lead = next(c for c in options if c.text.startswith("Ferry crews walked out"))
    voices = brief_module._voices(story, options, lead, 300)
    assert any(c.lead_in and c.text.startswith('"The ferries') for c in voices), voices


def test_a_follow_on_comes_right_after_the_sentence_it_leans_on():
    """Whatever its aspect, a follow-on sits right after its lead-in in one paragraph, and
    a brief sentence that leans back is always such a follow-on."""
    from digest.compose.brief_aspects import arrange
    from digest.compose.quality import verdict

    story = _tram_story()
    texts = {i: u.sentence.text for i, u in enumerate(story.units)}
    lead, follow_on, other = 0, 1, len([u for u in story.units if u.doc == 0])
    groups = arrange(story, other, [lead, follow_on], texts, {follow_on: lead})
    flat = [u for _, units in groups for u in units]
    assert flat.index(follow_on) == flat.index(lead) + 1
    assert any(lead in units and follow_on in units for _, units in groups)
    leaning = 0
    for brief in (compose_brief(story, 300), compose_brief(_tram_story(sources=1), 300)):
        for part in brief:
            for before, sentence in zip((None, *part.sentences), part.sentences):
                if verdict(sentence.text).leans_in_account:
                    leaning += 1
                    assert before is not None and before.source_number == sentence.source_number
                    assert before.sentence_index == sentence.sentence_index - 1
    assert leaning, "the one-source brief tells the route in its source's own two sentences"


def _bridge_story():
    return _analysed(
        6,
        ("Kelby bridge closes for repairs",
         "The Kelby river bridge will close for eight months from March for repairs to its "
         "steel deck, the county said on Thursday. The repairs will cost $31 million, paid from "
         "the county's road budget. About 22,000 cars cross the bridge each day, most of them "
         "commuters. A ferry will carry foot passengers across the river while the bridge is "
         "shut. Engineers found rust in the deck's steel beams during an inspection last "
         "spring.\n\n\"We cannot keep sending 22,000 cars a day over beams that are rusting "
         "through,\" county engineer Mira Sandvik said at the council meeting.", "Herald"),
        ("Kelby bridge to shut for eight months",
         "Kelby's river bridge will shut for eight months from March while its steel deck is "
         "repaired, county officials said on Thursday. The work will cost $31 million. Drivers "
         "will have to take the ring road, which adds about 20 minutes to a trip into the town "
         "centre. The ferry for foot passengers will run every 15 minutes.\n\n\"Eight months "
         "is a long time for the shops on the east bank, and nobody asked us,\" said Tomas "
         "Berg, who runs a bakery near the bridge.", "Radio"),
        ("Kelby bridge repairs approved",
         "The county approved $31 million to repair the Kelby river bridge, which will close "
         "for eight months from March. Rust was found in the steel beams of the deck last "
         "spring. The ring road will take the bridge's traffic while it is closed.", "Courier"),
    )


def test_the_brief_lets_the_people_involved_speak():
    """Reactions and quotes are an aspect of the account: the brief makes room for up to
    two named speakers' own words before covering the facts every outlet repeats, even
    when no other outlet quotes them; never more than two chosen first."""
    from digest.compose import brief as brief_module
    from digest.compose.quotations import has_long_quotation

    story = _bridge_story()
    texts = [e.text for e in _sentences(compose_brief(story, 300))]
    assert any("Mira Sandvik said" in t for t in texts), texts
    assert any("said Tomas Berg" in t for t in texts), texts
    options = brief_module._options(story, (), ())
    lead = next(c for c in options if c.unit == 0)
    voices = brief_module._voices(story, options, lead, 300)
    assert 1 <= len(voices) <= brief_module.VOICES
    assert all(has_long_quotation(c.text) for c in voices)
    assert not has_long_quotation("Critics call it a 'bridge to nowhere' in town.")


def test_a_voice_chosen_first_opens_on_its_own_words():
    """The speaker's "We" or "I" is resolved by the attribution; "He", "This" or "It" only
    by the story around the quotation, so such a quote is not given room first."""
    from digest.compose.brief import _own_words

    assert _own_words('"We will appeal the ruling next week," Mayor Dana Holt said.')
    assert _own_words('"The bridge is safe to cross," county engineer Mira Sandvik said.')
    assert not _own_words('"He never missed a shift at the bakery," Tomas Berg said.')
    assert not _own_words('"This is the best day for Norland in years," Holt said.')
    assert not _own_words('"As a result, the ferry stopped running," Holt said.')


def test_a_lead_in_already_shown_is_not_counted_again():
    """A follow-on whose lead-in the text already shows adds only its own words: it fits a
    budget of exactly those words in both selections (a brief counting the lead-in twice
    stopped short of its length)."""
    from digest.compose.concepts import cover_pick
    from digest.compose.select import Candidate, Limits, cost, pick

    story = _tram_story()
    lead, own = story.units[0].sentence.text, story.units[1].sentence.text
    both = len(lead.split()) + len(own.split())
    follow_on = Candidate(1, own, both, 1.0, (0, lead))
    assert cost(follow_on, {0}) == len(own.split())
    assert cost(follow_on, set()) == both
    room = Limits(words=len(own.split()), items=4)
    assert pick(story, [follow_on], room, avoid=[0], avoid_texts=[lead]) == [follow_on]
    assert cover_pick(story, [follow_on], room, avoid=[0], avoid_texts=[lead]) == [follow_on]
    assert pick(story, [follow_on], room) == []


def _ferry_story():
    return _analysed(
        9,
        ("Ferry crews strike over rosters",
         "Ferry crews on the Ostmark harbour line walked out on Monday in a dispute over "
         "night rosters, stranding about 6,000 commuters. The union wants two rest days after "
         "every run of night shifts. Crews last struck in 2019, for three days. The line's "
         "oldest boat was built in 1974. Its café sells a cinnamon bun that regulars praise.",
         "Harbour News"),
        ("Harbour ferry strike strands commuters",
         "About 6,000 commuters were stranded on Monday as ferry crews on the Ostmark harbour "
         "line went on strike over night rosters. Buses will replace the ferries until the "
         "strike ends.", "City Radio"),
    )


def test_the_words_left_go_to_earlier_sentences_first():
    """Once the facts the outlets share are covered, what is left is one outlet's: its
    earlier sentences (the writer's own order of importance) get the room before later
    ones of the same score."""
    from digest.compose import brief as brief_module
    from digest.compose.select import Candidate, Limits, pick

    story = _ferry_story()
    index = {u.sentence.text: i for i, u in enumerate(story.units)}
    early = "The union wants two rest days after every run of night shifts."
    late = "Its café sells a cinnamon bun that regulars praise."
    assert story.units[index[early]].rank < story.units[index[late]].rank
    same = [Candidate(index[text], text, len(text.split()), 1.0) for text in (late, early)]
    room = Limits(words=len(early.split()), items=1, keep_after=1)
    assert [c.text for c in pick(story, brief_module._earlier_first(story, same), room)] == \
        [early]


def test_a_sentence_close_to_the_headlines_scores_higher(monkeypatch):
    """A headline is its outlet's judgement of the news: with every other signal equal,
    the brief's score follows closeness to the headlines."""
    from digest.compose import brief as brief_module

    story = _ferry_story()
    monkeypatch.setattr(brief_module, "WEIGHTS", {name: 1.0 if name == "headline" else 0.0
                                                 for name in brief_module.WEIGHTS})
    scores = brief_module.brief_scores(story)
    assert int(scores.argmax()) == int(story.headline.argmax())
    assert "strike" in story.units[int(scores.argmax())].sentence.text


def test_the_brief_tells_what_happened_not_the_writers_view():
    """The brief is an account of the story: the writer's guess ("… will likely …") or
    comment ("Perhaps the best part is …", "… obviously …") is not part of it, whatever the
    story's sources share."""
    import datetime as dt

    from digest.compose.source import SourceDocument

    when = dt.datetime(2025, 11, 3, tzinfo=dt.UTC)
    first = ("Harwick Ferries launched an electric ferry on the Orrin crossing on Monday. "
             "Perhaps the best part of the Orrin ferry is its quiet upper deck. "
             "The ferry carries 300 passengers and charges at the Vale pier in 20 minutes. "
             "Harwick Ferries will likely add a second electric ferry at Orrin next summer.")
    second = ("The Orrin crossing got its first electric ferry on Monday, Harwick Ferries said. "
              "The Orrin ferry obviously runs far quieter than the old diesel boats. "
              "Tickets for the Orrin ferry cost the same as before, at 4 euros.")
    parts = _brief([SourceDocument(1, "Harwick launches electric ferry", first, None,
                                   "Orrin Post", when),
                    SourceDocument(2, "Orrin gets electric ferry", second, None, "Vale Wire",
                                   when)])
    texts = [e.text for e in _sentences(parts)]
    assert any("300 passengers" in t for t in texts), texts
    assert not any(w in t for t in texts for w in ("Perhaps", "likely", "obviously")), texts
