"""`digest.text.stem`: the one English stemmer grouping and composing share."""

from digest.text.stem import stem, stem_token


def test_inflections_meet_in_one_stem():
    assert {stem(w) for w in ("launches", "launched", "launching")} == {"launch"}
    assert stem("companies") == stem("company") and stem("chatbots") == stem("chatbot")
    assert stem("running") == "run" and stem("called") == "call"
    assert stem("news") != stem("newsroom") and stem("bus") == "bus" and stem("iOS") == "iOS"


def test_a_token_as_written_is_folded_before_it_is_stemmed():
    assert stem_token("Apple's") == stem_token("apple") == "appl"  # a final "e" goes, as "pric"
    assert stem_token("Launches") == stem_token("launched") == "launch"
    assert stem_token("harbour’s") == "harbour" and stem_token("-ferries'") == "ferry"
