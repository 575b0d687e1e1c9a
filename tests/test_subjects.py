"""One actor written two ways is one subject (`compose.subjects`): an acronym and the name it
abbreviates, a surname and the full name, a name and a longer phrase it heads; a name that
only modifies or owns the subject, or a longer name, is another subject."""

from __future__ import annotations

import pytest

from digest.compose.subjects import NO_SUBJECT, same_subject, subject_of

SAME = [
    ("The NMA is inspecting every ferry Marlow Freight runs.",
     "The Norwegian Maritime Authority is inspecting the Bergen ferries."),
    ("Marlow is selling two of its oldest ships.",
     "Marlow Freight chief executive Ida Marlow is selling two ships."),
    ("Marlow Freight will sell two ships.",
     "Shipping group Marlow Freight said it would sell two ships."),
    ("On Tuesday, the NMA said the ferries were safe.",
     "In a statement on its website, the Norwegian Maritime Authority said so too."),
]

OTHER = [
    ("Marlow Freight will sell two ships.", "Marlow Ferries will sell two ships."),
    ("Marlow Freight will sell two ships.", "Marlow Freight Bergen will sell two ships."),
]

NONE = [
    "Marlow's chief executive will sell two ships.",  # whose, not who
    "Bergen passengers can book the night ferry now.",  # the name modifies the subject
    "The company will sell two ships.",
    "the ships were sold on Tuesday.",
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_one_actor_written_two_ways_is_one_subject(first, second):
    a, b = subject_of(first), subject_of(second)
    assert NO_SUBJECT not in (a, b) and same_subject(a, b) and same_subject(b, a)


@pytest.mark.parametrize(("first", "second"), OTHER)
def test_another_name_is_another_subject(first, second):
    assert not same_subject(subject_of(first), subject_of(second))


@pytest.mark.parametrize("text", NONE)
def test_no_name_first_is_no_subject(text):
    assert subject_of(text) == NO_SUBJECT
