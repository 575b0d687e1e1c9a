"""`digest.text.wordclass`: what English word classes a word can belong to."""

from digest.text.wordclass import base_verb, can_end_a_noun_phrase, only_a_verb, word_classes


def test_verbs_nouns_and_words_that_are_both():
    assert only_a_verb("continues") and only_a_verb("says") and only_a_verb("Rolled")
    assert not only_a_verb("plans") and not only_a_verb("harbour")
    assert "NOUN" in word_classes("plans") and "VERB" in word_classes("plans")


def test_unknown_words_may_be_names_and_end_a_noun_phrase():
    assert word_classes("Norlandia") == frozenset()
    assert not only_a_verb("Norlandia")
    assert can_end_a_noun_phrase("Norlandia") and can_end_a_noun_phrase("GPT-5")
    assert can_end_a_noun_phrase("timetables")
    assert not can_end_a_noun_phrase("continues") and not can_end_a_noun_phrase("quickly")


def test_the_base_form_of_a_verb():
    assert base_verb("Open") and base_verb("explore") and base_verb("claim")
    assert not base_verb("opened") and not base_verb("quickly") and not base_verb("Norlandia")


def test_verb_or_auxiliary():
    from digest.text.wordclass import verb_or_auxiliary
    assert verb_or_auxiliary("will") and verb_or_auxiliary("hasn’t")
    assert verb_or_auxiliary("continues")
    assert not verb_or_auxiliary("harbour") and not verb_or_auxiliary("ferry")


def test_a_word_that_can_be_a_verb_somewhere():
    from digest.text.wordclass import can_be_a_verb
    assert can_be_a_verb("plans") and can_be_a_verb("will") and can_be_a_verb("summer")
    assert not can_be_a_verb("island") and not can_be_a_verb("Tidewatch")
