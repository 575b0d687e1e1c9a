"""`speakers`: who speaks in a sentence."""

from digest.compose.speakers import ATTRIBUTION, named_speaker, un_named_speaker


def test_a_quotation_attributed_to_a_name_has_a_named_speaker():
    assert named_speaker('"We will sail in May," said harbour master Ines Vale.')
    assert not named_speaker('"We will sail in May," she said.')
    assert not named_speaker("Sealink will sail in May.")


def test_a_speaker_who_is_only_a_pronoun_with_nobody_named_before_is_un_named():
    assert un_named_speaker("The ferry will sail in May, he said.")
    assert not un_named_speaker("Ines Vale said the ferry will sail in May, and he agreed.")
    assert not un_named_speaker("Sealink will sail in May, Vale said.")


def test_attribution_verbs_are_found_as_words():
    assert ATTRIBUTION.search("Orrin's mayor told reporters on Monday")
    assert not ATTRIBUTION.search("The retold story of the ferry")
