"""`digest.text.saying`: one list of the verbs of saying, which the speaker rules of
composing share (own-words fixtures)."""

import re

import pytest

from digest.compose.antecedents import name_pronoun
from digest.compose.openers import name_speaker
from digest.compose.speakers import un_named_speaker
from digest.text.saying import SAYING, SAYING_VERB

EARLIER = ["Tidewatch, the ferry-booking app, was founded in 2019 by former harbour master "
           "Ines Vale, who still runs it."]
BEFORE = "Mayor Dana Holt met the union's leaders at the city hall on Friday."


def test_a_verb_of_saying_is_read_whole():
    assert all(re.fullmatch(SAYING_VERB, verb) for verb in SAYING)
    assert re.search(rf"\b{SAYING_VERB}\b", "Vale announced the route.")
    assert not re.search(rf"\b{SAYING_VERB}\b", "Vale saidx nothing.")


@pytest.mark.parametrize("verb", SAYING)
def test_a_surname_before_any_verb_of_saying_gets_its_given_name(verb):
    rewrite = name_speaker(f"Vale {verb} that bookings doubled in May.", EARLIER)
    assert rewrite is not None and rewrite.text.startswith(f"Ines Vale {verb} ")


@pytest.mark.parametrize("verb", SAYING)
def test_a_quotations_he_or_she_before_any_verb_of_saying_is_named(verb):
    rewrite = name_pronoun(f'"We will appeal the ruling," she {verb}.', [BEFORE])
    assert rewrite is not None and rewrite.text.endswith(f"Dana Holt {verb}.")


def test_a_pronoun_speaker_keeps_its_own_policy():
    assert un_named_speaker("The ferries will sail in May, they say.")
    # "announce" takes an object: here it is no speaker, the sentence leans on nothing
    assert not un_named_speaker("The company will brief reporters on the routes it announces.")
