"""The quotation tests of the summary and of the brief (`digest.compose.quotations`): one
owner, two policies, and where they part."""

from digest.compose.quotations import (
    BRIEF_OPENING_MARKS,
    MARKS,
    OPENING_MARKS,
    SUMMARY_OPENING_MARKS,
    has_long_quotation,
    is_voice,
    only_words_of,
    opens_on_quote,
)


def test_both_tests_count_four_quoted_words_as_someones_words():
    """A named speaker's quoted clause is someone's words for both; a two-word term in
    quotation marks is for neither."""
    voice = 'Mayor Ana Petrov said the tunnel "will open to cyclists in March."'
    term = 'Planners call the route a "green spine" across the valley.'
    assert is_voice(voice) and has_long_quotation(voice)
    assert not is_voice(term) and not has_long_quotation(term)


def test_the_summary_asks_who_speaks_and_the_brief_does_not():
    """Quoted words with no verb of saying outside them are a voice to the brief only (the
    brief leaves the speaker to `quality.problem`)."""
    unattributed = 'Protesters carried banners with "no more cuts to the night buses" on them.'
    assert has_long_quotation(unattributed)
    assert not is_voice(unattributed)


def test_the_brief_counts_a_quotation_the_sentence_leaves_open():
    """A quotation that runs to the end of the sentence without its closing mark is long
    enough for the brief; the summary counts closed quotations only."""
    open_ended = 'Council leader Joe Marsh said "the depot will close at the end of June'
    assert has_long_quotation(open_ended)
    assert not is_voice(open_ended)


def test_only_words_of_is_a_speaker_introducing_their_words():
    intro = 'Joe Marsh said: "The depot closes in June and the staff move to Hilltop."'
    assert only_words_of(intro) and is_voice(intro)
    assert not only_words_of('The depot will close in June, Joe Marsh said on Monday.')


def test_the_opening_marks_part_by_one_mark_each():
    """The summary's set adds «, the brief's adds ” (a closing mark some sources open with):
    the difference is named, not hidden in two literals."""
    assert set(SUMMARY_OPENING_MARKS) - set(OPENING_MARKS) == {"«"}
    assert set(BRIEF_OPENING_MARKS) - set(OPENING_MARKS) == {"”"}
    assert set(OPENING_MARKS) <= set(MARKS)
    assert opens_on_quote(' ”We will appeal,” the union said.')
    assert not opens_on_quote('«Nous ferons appel», a dit le syndicat.')
    assert only_words_of('«Nous ferons appel», a dit le syndicat.')
    assert not only_words_of('”We will appeal,” the union said.')
