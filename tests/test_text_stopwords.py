"""`digest.text.stopwords`: one list of English function words, each stage's policy on top."""

from digest.compose.features import STOPWORDS as COMPOSE_STOPWORDS
from digest.group.features import STOP_WORDS as GROUP_STOP_WORDS
from digest.text.stopwords import FUNCTION_WORDS


def test_both_stages_start_from_the_function_words():
    assert FUNCTION_WORDS <= GROUP_STOP_WORDS and FUNCTION_WORDS <= COMPOSE_STOPWORDS
    assert {"the", "of", "and", "was", "they"} <= FUNCTION_WORDS


def test_function_words_carry_no_news():
    assert all(w == w.lower() and w.isalpha() for w in FUNCTION_WORDS)
    assert not {"ferry", "harbour", "said", "fire", "system", "year"} & FUNCTION_WORDS


def test_each_stage_adds_its_own_policy():
    # grouping also drops retrieval words; composing keeps them as content
    assert "system" in GROUP_STOP_WORDS and "system" not in COMPOSE_STOPWORDS
    # composing drops reporting verbs and calendar words
    assert {"said", "week", "according"} <= COMPOSE_STOPWORDS
