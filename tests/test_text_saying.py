"""`digest.text.saying`: one list of the verbs of saying, which the speaker rules of
composing share (own-words fixtures)."""

import re

import pytest

from digest.compose.antecedents import name_pronoun
from digest.compose.brief_aspects import DETAILS, REACTIONS, aspect_of
from digest.compose.full_names import name_speaker
from digest.compose.speakers import ATTRIBUTION, un_named_speaker
from digest.compose.trim import shorten
from digest.text.saying import (ALSO_ACTIONS, ATTRIBUTING, CONFIRMING, SAYING, SAYING_VERB,
                                STANCE, saying_verb)

EARLIER = ["Tidewatch, the ferry-booking app, was founded in 2019 by former harbour master "
           "Ines Vale, who still runs it."]
BEFORE = "Mayor Dana Holt met the union's leaders at the city hall on Friday."


def test_a_verb_of_saying_is_read_whole():
    assert all(re.fullmatch(SAYING_VERB, verb) for verb in SAYING)
    assert re.search(rf"\b{SAYING_VERB}\b", "Vale announced the route.")
    assert not re.search(rf"\b{SAYING_VERB}\b", "Vale saidx nothing.")
    assert saying_verb(["says", "said", "says"]) == saying_verb(("said", "says"))


def test_the_named_groups_are_words_of_saying_or_attribution():
    assert set(STANCE) <= set(SAYING) and set(ALSO_ACTIONS) <= set(SAYING)
    assert set(ATTRIBUTING).isdisjoint(SAYING) and set(CONFIRMING).isdisjoint(ATTRIBUTING)


def test_a_quotation_is_attributed_by_saying_or_attribution_but_not_explainer_copy():
    assert ATTRIBUTION.search("Mayer added") and ATTRIBUTION.search("according to Holt")
    assert not ATTRIBUTION.search('"Book early," Tidewatch explains.')


def test_a_named_speaker_makes_a_reaction_unless_the_verb_names_an_action():
    assert aspect_of("Valve noted that the game broke its rules.") == REACTIONS
    assert aspect_of("Dana Holt explained that the route is safe.") == REACTIONS
    assert aspect_of("Tidewatch added ferries to the winter timetable.") == DETAILS


def test_a_takeaway_drops_a_neutral_trailing_attribution_but_keeps_a_stance():
    assert shorten("Bookings doubled in May, the company explained.") == "Bookings doubled in May."
    assert shorten("Bookings doubled in May, the company confirmed.") == "Bookings doubled in May."
    assert shorten("Bookings doubled in May, the company claimed.") == \
        "Bookings doubled in May, the company claimed."


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


def test_a_speaker_who_acts_and_speaks_at_once_attributes_the_quotation():
    # "saying" hands the quotation to the one who questioned: it is attributed, a voice,
    # and never the sentence a summary opens with.
    from digest.compose.quality import problem
    from digest.compose.quotations import is_voice, only_words_of
    text = ('Harbour master Ines Vale questioned the new timetable, saying: "A ferry that '
            'leaves at dawn will sail half empty."')
    assert problem(text, min_words=8, max_words=45) is None
    assert is_voice(text) and only_words_of(text)
    # A saying is a proverb, not a speaker.
    assert problem('The old saying that "a ferry never waits for anyone" holds in Orrin.',
                   min_words=8, max_words=45) == "quote without attribution"
    # No speaker at all is still no attribution.
    assert problem('"A ferry that leaves at dawn will sail half empty," the timetable '
                   'notice warns.', min_words=8, max_words=45) is None
    assert problem('"A ferry that leaves at dawn will sail half empty. The winter one '
                   'will not sail at all."', min_words=8, max_words=45) == \
        "quote without attribution"
