"""Key takeaways on the fixture stories: short, distinct, cited, not the summary again."""

import dataclasses
import re

import pytest
from compose_fixtures import (
    BOILERPLATE,
    DANGLING_STARTS,
    STORIES,
    independently_supported,
    load_story,
)

from digest.compose.extract import summarize
from digest.compose.features import Stemmer, containment, features
from digest.compose.takeaways import key_takeaways


@pytest.fixture(params=STORIES)
def story(request):
    docs = load_story(request.param)
    summary = summarize(docs)
    return docs, summary, key_takeaways(docs, summary)


def test_three_to_six_items(story):
    _, _, takeaways = story
    assert 3 <= len(takeaways) <= 6


def test_every_takeaway_is_cited_to_sources_that_say_it(story):
    docs, _, takeaways = story
    by_number = {d.number: d for d in docs}
    for t in takeaways:
        assert t.source_number in t.cites
        for n in t.cites:
            assert independently_supported(t.text, by_number[n]), (t.text, n)


def test_takeaways_are_distinct_and_do_not_repeat_the_summary(story):
    _, summary, takeaways = story
    stem = Stemmer()
    shown = [features(t.text, stem) for t in takeaways]
    for e in summary:
        assert all(t.text != e.text and t.source_sentence != e.source_sentence
                   for t in takeaways)
        said = features(e.text, stem)
        assert all(containment(f, said) < 0.6 and containment(said, f) < 0.6 for f in shown)
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert containment(a, b) < 0.7 and containment(b, a) < 0.7


def test_takeaways_are_short_clean_facts(story):
    _, _, takeaways = story
    for t in takeaways:
        low = t.text.lower()
        assert len(t.text.split()) <= 30 and not t.text.rstrip('"” ').endswith("?")
        assert not any(b in low for b in BOILERPLATE)
        named = t.rewrite.split("→")[-1].strip(" '").lower()  # an opener named from the source
        assert set(re.findall(r"[\w'%$.]+\b", t.text.lower())) <= \
            set(re.findall(r"[\w'%$.]+\b", t.source_sentence.lower() + " " + named))


def test_deterministic_and_order_free(story):
    docs, summary, takeaways = story
    assert key_takeaways(docs, summary) == takeaways
    assert key_takeaways(list(reversed(docs)), summary) == takeaways


def test_max_items_is_respected_and_single_source_works():
    docs = load_story("compose_breach")[:1]
    summary = summarize(docs)
    assert len(key_takeaways(docs, summary, max_items=2)) <= 2
    single = key_takeaways(docs, summary)
    assert len(single) >= 3 and all(t.cites == (1,) for t in single)
    assert key_takeaways([], []) == []


def test_takeaways_are_single_specific_facts(story):
    """Short, mostly carrying a figure or a name (a consequence such as "records were
    not affected" may have neither), never leaning on a sentence before."""
    docs, _, takeaways = story
    words = [len(t.text.split()) for t in takeaways]
    assert sum(w <= 25 for w in words) >= 0.75 * len(words), words
    headlines = " ".join(d.title for d in docs).split()
    specific = [t for t in takeaways if re.search(r"\d", t.text)
                or re.search(r"\b[A-Z][a-z]", t.text.split(" ", 1)[-1])
                or t.text.split()[0] in headlines]
    assert len(specific) >= 2 / 3 * len(takeaways)
    for t in takeaways:
        assert not t.text.lower().startswith(DANGLING_STARTS), t.text


def test_no_two_takeaways_state_the_same_fact(story):
    docs, _, takeaways = story
    for a in takeaways:
        for b in takeaways:
            if a is not b:
                other = dataclasses.replace(docs[0], text=b.text)
                assert not independently_supported(a.text, other), (a.text, b.text)


def test_fixture_takeaways_trim_to_one_fact():
    docs = load_story("compose_layoffs")
    summary = summarize(docs)
    takeaways = key_takeaways(docs, summary)
    assert any("310 million euros" in t.text for t in [*takeaways, *summary])
    assert all(not t.text.endswith(", it said.") for t in takeaways)


def test_a_relative_clause_after_an_introductory_phrase_keeps_its_commas():
    """Dropping ", which ...," is right after the subject and wrong after an
    introductory phrase, whose closing comma the clause shares."""
    from digest.compose.trim import shorten
    subject = ("The Kelby swing bridge, which carries the coast road over the Orm, will close for "
               "six weeks of repairs from Monday.")
    assert shorten(subject).startswith("The Kelby swing bridge will close")
    intro = ("Like the old ferry timetable, which the port dropped in May, the new one "
             "gives commuters a late boat on Fridays.")
    shown = shorten(intro)
    assert "timetable the new one" not in shown and shown.startswith("Like the old ferry")


def test_a_relative_clause_that_runs_to_the_end_of_a_list_is_not_cut():
    """The second comma after ", which ..." may be a list's: cutting there garbles."""
    from digest.compose.trim import shorten
    listed = ("The harbour school teaches a method called the ABCs, which stands for "
              "anchoring, buoyancy and currents.")
    assert shorten(listed) == listed


def test_a_trailing_clause_that_gives_a_figure_is_kept():
    """", which carries 300 people" is the fact "compare that with" needs; a clause
    without a figure may go to keep a takeaway to one fact."""
    from digest.compose.trim import shorten
    kept = ("The new Orrin ferry carries 420 people on each of its daily crossings — compare "
            "that with the old Harlow boat, which carries 300 people.")
    assert shorten(kept).endswith("which carries 300 people.")
    cut = ("The new Orrin ferry carries 420 people on each of its daily crossings to the "
           "mainland, which pleased the island's commuters and the harbour council alike.")
    assert shorten(cut).endswith("crossings to the mainland.")


def _planner_story():
    """A one-source story of Quillmark's planner, for `is_fact`."""
    import datetime as dt

    from digest.compose.source import SourceDocument
    from digest.compose.story import analyse_story

    return analyse_story([SourceDocument(
        1, "Quillmark adds an AI planner", "Quillmark added an AI planner to its app on Monday.",
        None, "Post", dt.datetime(2031, 5, 1, tzinfo=dt.UTC))])


def test_a_generic_capitalised_word_is_no_actor():
    """"AI" or "Pro" names no one: a takeaway names who acted ("Quillmark"), so a sentence
    whose only capitals are such words is a theme, not a fact."""
    from digest.compose.takeaways import is_fact

    story = _planner_story()
    assert not is_fact(story, "With the rise of everything AI, dozens of such apps are sold.")
    assert not is_fact(story, "The Pro plan costs more for every new AI feature.")
    assert is_fact(story, "The planner in Quillmark's app uses AI to sort the week.")
    assert is_fact(story, "The US opened an inquiry into AI planners on Friday.")


def test_the_reader_is_no_actor():
    """"You can get the Quillmark planner for $5." tells the reader what to do; the fact is
    Quillmark's ("Quillmark's planner lets you …" names its actor)."""
    from digest.compose.takeaways import is_fact

    story = _planner_story()
    assert not is_fact(story, "You can get the Quillmark planner for $5 a month from Monday.")
    assert not is_fact(story, "Your Quillmark planner should appear in the list on Monday.")
    assert is_fact(story, "Quillmark's planner lets you sort the week for $5 a month.")


def test_takeaways_judge_one_pool_of_standing_sentences(monkeypatch):
    """Six short facts are picked from the first `eligible.POOL` standing sentences in
    prior order, as the other selections' pools: a longer pool only costs checks (its
    tail is rarely picked once the best-scored facts are there)."""
    import digest.compose.takeaways as takeaways_module
    from digest.compose.eligible import POOL, eligible

    limits = []

    def recording(*args, **kwargs):
        limits.append(kwargs.get("limit"))
        return eligible(*args, **kwargs)

    monkeypatch.setattr(takeaways_module, "eligible", recording)
    docs = load_story(STORIES[0])
    picked = key_takeaways(docs, summarize(docs))
    assert picked and limits and set(limits) == {POOL}
