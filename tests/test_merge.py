"""The merged body: one section per source, later repeats dropped, attribution kept."""

import datetime as dt

import pytest
from compose_fixtures import STORIES, load_story

from digest.compose.extract import SourceDocument
from digest.compose.merge import merge_bodies
from digest.compose.sentences import split_paragraphs


@pytest.fixture(params=STORIES)
def story(request):
    return load_story(request.param)


def test_one_section_per_source_in_number_order(story):
    sections = merge_bodies(story)
    assert [s.source_number for s in sections] == [d.number for d in story]
    assert [s.outlet for s in sections] == [d.outlet for d in story]


def test_paragraphs_are_the_sources_own_and_first_source_is_whole(story):
    sections = merge_bodies(story)
    for section, d in zip(sections, story):
        own = [p.markdown for p in split_paragraphs(d.text)]
        assert all(p in own for p in section.paragraphs)
    assert len(sections[0].paragraphs) >= len(split_paragraphs(story[0].text)) - 1


def test_later_repeats_are_dropped_and_new_facts_kept():
    docs = load_story("compose_acquisition")
    harbor = merge_bodies(docs)[1].paragraphs
    assert not any(p.startswith("Ledgerline's stock rose 24%") for p in harbor)
    assert any("Stellan" in p for p in harbor)


def test_deterministic_and_order_free(story):
    assert merge_bodies(story) == merge_bodies(list(reversed(story)))


def _doc(number, text, excerpt=None):
    return SourceDocument(number=number, title="T", text=text, excerpt=excerpt, outlet=f"O{number}",
                          date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))


def test_quote_keeps_its_attribution_paragraph():
    first = _doc(1, "The mayor opened the bridge on Friday after three years of work.")
    second = _doc(2, "The mayor opened the bridge on Friday after three years of work.\n\n"
                     "Mayor Ines Ward spoke at the ceremony on the east bank.\n\n"
                     "\"This bridge joins two halves of one city.\"")
    paras = merge_bodies([first, second])[1].paragraphs
    assert paras == ("Mayor Ines Ward spoke at the ceremony on the east bank.",
                     "\"This bridge joins two halves of one city.\"")


def test_empty_bodies_fall_back_to_excerpt():
    sections = merge_bodies([_doc(1, "", excerpt="Short excerpt."), _doc(2, "")])
    assert sections[0].paragraphs == ("Short excerpt.",) and sections[1].paragraphs == ()
    assert merge_bodies([]) == []
