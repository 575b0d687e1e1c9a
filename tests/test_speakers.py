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


def test_a_pronoun_speaker_set_in_after_the_opening_words_is_not_named_by_them():
    # The opening words are what the speaker spoke of: Sealink is not "he".
    assert un_named_speaker("Sealink, he said, has promised a second boat by May.")
    assert un_named_speaker("The new ramp, she explained, is wider than the old one.")
    # A speaker named in the opening words is still named.
    assert not un_named_speaker("Harbour master Ines Vale said the ramp, she added, is wider.")


def test_a_plural_speaker_in_the_present_is_a_speaker_too():
    assert un_named_speaker("Longer crossings, they write, cost the ferry more fuel.")
    assert not un_named_speaker("Longer crossings cost more fuel, the harbour engineers write.")


def test_attribution_verbs_are_found_as_words():
    assert ATTRIBUTION.search("Orrin's mayor told reporters on Monday")
    assert not ATTRIBUTION.search("The retold story of the ferry")


def test_a_quotation_whose_speaker_is_only_the_role_is_un_named():
    # Which editor? The sentence before named them.
    assert un_named_speaker('"The ramp is far too steep," the editor continued.')
    assert un_named_speaker('"The ramp is far too steep," said the harbour officials.')
    assert not un_named_speaker('"The ramp is far too steep," the company said.')
    assert not un_named_speaker('"The ramp is far too steep," the Sealink chief said.')
    assert not un_named_speaker('"The ramp is far too steep," said harbour master Ines Vale.')
