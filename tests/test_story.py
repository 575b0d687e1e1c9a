"""The analysed story: head units up front, the tail read on demand."""

import datetime as dt

from digest.compose.extract import SourceDocument
from digest.compose.features import Stemmer, features
from digest.compose.story import analyse_story
from digest.text.sentences import split_sentences

HEAD = "\n\n".join(f"Analysts at firm {n} expect margins to tighten in quarter {n}."
                   for n in range(1, 40))
TAIL = [
    "The U.S. regulator fined Brask Networks $3.5 billion. It did not say why.",
    "AI and musiciansAccording to the filing, twelve staff left in March.",
    "## Why it matters",
    "Shares of Brask, the router maker, fell 4% on Monday.",
]


def _story():
    body = HEAD + "\n\n" + "\n\n".join(TAIL)
    return analyse_story([SourceDocument(number=1, title="Brask fined", text=body, excerpt=None,
                                         outlet="Outlet", date=dt.datetime(2025, 11, 3,
                                                                           tzinfo=dt.UTC))])


def test_a_tail_paragraphs_vocabulary_is_the_content_of_its_sentences():
    story = _story()
    tail = range(story.head[0], len(story.paragraphs[0]))
    assert [story.paragraphs[0][p].markdown for p in tail][-len(TAIL):] == TAIL
    stemmer = Stemmer()
    for p in tail:
        para = story.paragraphs[0][p]
        pieces = [para.plain] if para.kind == "heading" else split_sentences(para.plain)
        expected = frozenset().union(*(features(s, stemmer).content for s in pieces))
        assert story.vocabulary(0, p) == expected, para.plain


def test_a_paragraph_is_split_only_when_read():
    story = _story()
    last = len(story.paragraphs[0]) - 1
    assert story.vocabulary(0, last) >= {"brask", "4", "router"}
    assert (0, last) not in story.memo  # its vocabulary did not need its sentences
    assert [f.numbers for f in story.paragraph_feats(0, last)] == [frozenset({"4"})]


def test_a_paragraphs_term_set_is_the_set_of_its_terms():
    from digest.compose.features import term_set, terms
    for text in ("Brask Networks will cut 450 jobs, two plants and $3.5 billion of U.S. "
                 "spending; the cuts, the cuts, the cuts start in March.",
                 "Twelve of the US firms said half a dozen sites close.", "", "1,200 km"):
        assert term_set(text, Stemmer()) == frozenset(terms(text, Stemmer())[0])


def _source(number, title, body):
    return SourceDocument(number=number, title=title, text=body, excerpt=None, outlet="Outlet",
                          date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))


def test_a_title_cut_from_the_first_sentence_is_no_headline():
    from digest.compose.blocks import split_paragraphs
    from digest.compose.story import opens_body
    body = ("The harbour board of Velmar voted on Monday to close the north pier for repairs.\n\n"
            "Ferries will dock at the south quay until March, the board said.")
    paragraphs = split_paragraphs(body)
    assert opens_body("The harbour board of Velmar voted on Monday to close…", paragraphs)
    assert not opens_body("Velmar closes its north pier", paragraphs)
    assert not opens_body("", paragraphs)
    # A written headline scores the sentences like it; one cut from a lead does not count.
    written = analyse_story([_source(1, "Ferries move to the south quay", body)])
    cut = analyse_story([_source(1, "The harbour board of Velmar voted on Monday to…", body)])
    assert written.headline[1] > written.headline[0]
    assert not cut.headline.any()
