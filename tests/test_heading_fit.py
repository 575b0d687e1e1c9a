"""A brief heading names what its paragraph is about (`compose.heading_fit`): what its
sentences share or its first one is about, never a later sentence's detail, a speaker, a
quotation's words, the opposite of what a sentence says or a piece of a clause. Fixture
paragraphs in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.compose import brief_headings
from digest.compose.heading_fit import FITTING, REJECTED, SPARE, fit
from digest.compose.source import SourceDocument
from digest.compose.story import analyse_story


def _story(title: str = "Harbour news"):
    return analyse_story([SourceDocument(1, title, "Norland harbour reopened.", None, "Post",
                                         dt.datetime(2025, 11, 1, tzinfo=dt.UTC))])


def _heading(texts: list[str], title: str = "Harbour news") -> str | None:
    """The heading `key_phrase` finds for a paragraph of `texts` against another paragraph
    about the weather."""
    story = _story(title)
    stem = story.stemmer.stem
    mine = [brief_headings._stems(t, stem) for t in texts]
    theirs = [brief_headings._stems("Rain and wind are due on the coast.", stem)]
    return brief_headings.key_phrase(story, texts, mine, theirs, set())


def _fit(texts: list[str], index: int, phrase: str, titles: str = "") -> int:
    """`fit` of `phrase`, copied from sentence `index` of the paragraph `texts`."""
    story = _story()
    mine = [brief_headings._stems(t, story.stemmer.stem) for t in texts]
    text = texts[index]
    at = text.index(phrase)
    span = [brief_headings._word(w) for w in phrase.split()]
    clause = len(text.split())  # the whole sentence stands for the clause
    return fit(span, mine, texts, index, at, titles, clause)


MEMO = ["The harbour board's memorandum is not binding but sets out each side's plans.",
        "Both sides will publish the final terms of the quay lease in spring.",
        "\"We should build our own ferries where we can,\" said Ingrid Solberg."]


def test_a_later_sentences_speaker_never_labels_the_paragraph():
    """The memorandum paragraph ends on a quote from Ingrid Solberg: she is what one
    sentence's words come from, not what the paragraph is about."""
    heading = _heading(MEMO)
    assert heading is None or "Solberg" not in heading, heading
    assert _fit(MEMO, 2, "Ingrid Solberg") == REJECTED


def test_a_later_sentences_detail_is_no_label_a_shared_word_is():
    """"Spare lifejackets" is what one later sentence mentions, not what the ferry paragraph
    is about; "ferry" runs through it."""
    texts = ["The Norland ferry will sail twice a day from May.",
             "Each crossing carries spare lifejackets for forty passengers.",
             "Tickets for the ferry go on sale in April."]
    assert _fit(texts, 1, "spare lifejackets") == REJECTED
    assert _fit(texts, 2, "ferry") == FITTING
    assert _fit(texts, 0, "Norland ferry") == FITTING


def test_a_name_the_paragraph_keeps_coming_back_to_labels_it():
    texts = ["Harbour master Ingrid Solberg moved the ferry berth to the north quay.",
             "Solberg said the old berth silted up every winter."]
    assert _fit(texts, 0, "Ingrid Solberg") == FITTING
    later = ["The north quay gets the ferry berth from May.",
             "Harbour master Ingrid Solberg chose the site.", "Solberg wants it done by June."]
    assert _fit(later, 1, "Ingrid Solberg") == FITTING


def test_a_paragraph_of_voices_may_be_labelled_by_one_of_them():
    """When every sentence is someone's words, a voice is what the paragraph is (a
    label only when nothing else fits)."""
    texts = ["Dockers' leader Ines Vale said the berth move was overdue.",
             "Professor Hal Brandt warned that the north quay floods in storms."]
    assert _fit(texts, 1, "Hal Brandt") == SPARE


def test_the_source_of_a_first_sentence_is_no_label():
    texts = ["Analyst Piet Vermeulen of Harbourline estimates that Norland ferries carry "
             "9,000 riders a day.", "Ferry traffic has doubled since the bridge closed."]
    assert _fit(texts, 0, "Piet Vermeulen") == SPARE
    heading = _heading(texts)
    assert heading is None or "Vermeulen" not in heading, heading
    again = texts + ["Vermeulen expects the numbers to fall when the bridge reopens."]
    assert _fit(again, 0, "Piet Vermeulen") == FITTING


@pytest.mark.parametrize("texts", [
    ["Seaway called the timetable \"a cynical publicity stunt for tourists\".",
     "Norland has not replied."],
    ["\"Harbour Lies,\" the operator said of the report.", "The report is due in May."],
])
def test_a_quotations_words_are_no_label(texts):
    heading = _heading(texts)
    assert heading is None or not {"stunt", "lies"} & set(heading.casefold().split()), heading


def test_a_name_inside_a_quoted_sentence_is_still_a_name():
    texts = ["Riders wrote in about failed bookings.",
             "\"Bookings fail when Harbour Pass is switched off,\" the operator said."]
    assert _fit(texts, 1, "Harbour Pass") != REJECTED
    assert _fit(texts, 1, "Harbour Pass", titles="") != REJECTED
    words = ["\"We hope for calmer seas,\" the skipper said.", "The calmer seas came."]
    assert _fit(words, 0, "calmer seas") == FITTING  # said outside the quotation too


@pytest.mark.parametrize("texts,fragment", [
    # a phrase right after "not" says the opposite of its sentence
    (["It is not a safe harbour entrance for trawlers, fishermen say."], "safe harbour"),
    # one item of a list is not what the list names
    (["Brenmouth, Saltmere and Fenwick will get new ferry piers next year."], "saltmere and"),
    (["Brenmouth, Saltmere Quay Works, Fenwick and Orrin lost ferry jobs."], "saltmere quay"),
    # the subject and verb of an "as" clause; a time that belongs to the verb
    (["As dockers hand over more shifts to cranes, Norland hires fewer crews."], "hand"),
    (["As harbour dues climb, trawlers moor elsewhere."], "dues climb"),
    (["Harwick has put $40 million into Seaway since 2019, and owns the pier."], "since"),
    # "the ferry giant" stands for a name said before
    (["A spokesperson said the ferry giant will fight the fine."], "ferry giant"),
    # a phrasal verb; a verb and its particle after a noun
    (["The ferry map takes up space that the Norland timetable needs."], "takes up"),
    (["The strike is over at Norland, but the ferry show goes on."], "show goes"),
    # half of a comparison; the first of two names sharing a noun
    (["Ferries carry electric bikes as long as riders book."], "long as"),
    (["Norland's Gold and Silver passes cost more this year."], "norland's gold"),
    # half of a comparison, a verb and its object, people and their verb
    (["Analysts value the Norland ferry line as high as $90 million."], "high as"),
    (["Leading the ferry strike is the Norland dockers' union."], "leading the"),
    (["Norland harbour researchers hope the new quay will cut ferry delays."],
     "researchers hope"),
])
def test_a_heading_is_no_piece_of_a_clause(texts, fragment):
    heading = _heading(texts)
    assert heading is None or fragment not in heading.casefold(), heading


def test_an_aside_labels_only_when_nothing_else_does():
    texts = ["The harbour deal, worth $40 million, has money from the family — the father is "
             "Harwick co-founder Piet Holm — and a bank."]
    assert _fit(texts, 0, "Harwick co-founder Piet Holm") == SPARE
    heading = _heading(texts)
    assert heading is None or "Piet" not in heading, heading
