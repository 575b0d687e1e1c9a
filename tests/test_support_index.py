"""The stem index citing reads before it splits a paragraph into sentences."""

import datetime as dt

from digest.compose.extract import SourceDocument
from digest.compose.features import Stemmer
from digest.compose.story import analyse_story
from digest.compose.support_index import paragraphs_with, stem_index


def _story():
    def doc(number, text):
        return SourceDocument(number=number, title=f"Source {number}", text=text, excerpt=None,
                              outlet="Outlet", date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))
    return analyse_story([
        doc(1, "Brask Networks will cut 450 jobs.\n\nThe cuts start in March at Dunmore."),
        doc(2, "Kestrel Bank opened a branch.\n\nBrask Networks cut jobs in March."),
    ])


def test_every_paragraph_is_indexed_by_its_stems():
    story = _story()
    index = stem_index(story)
    assert index is stem_index(story)  # built once per story
    assert index.paragraphs == ((0, 0), (0, 1), (1, 0), (1, 1))
    stem = Stemmer().stem
    assert index.where[stem("jobs")] == [0, 3]
    assert index.places(stem("March")) == {1, 3}
    assert index.places("nowhere") == frozenset()


def test_paragraphs_with_enough_groups_every_required_stem_and_the_names():
    story = _story()
    stem = Stemmer().stem
    groups = [frozenset({stem("cut")}), frozenset({stem("jobs")}), frozenset({stem("March")})]
    assert paragraphs_with(story, groups, 2) == {0: [0, 1], 1: [1]}
    assert paragraphs_with(story, groups, 2, required=["450"]) == {0: [0]}
    names = frozenset({stem("Brask"), stem("Networks")})
    assert paragraphs_with(story, groups, 1, names=names, allowed=2) == {0: [0], 1: [1]}
    assert paragraphs_with(story, groups, 3) == {1: [1]}
