"""The markdown block reader and the numbered sentences of a body."""

from digest.compose.blocks import HEADING, ITEM, MEDIA, QUOTE, TEXT, split_paragraphs
from digest.compose.sentences import document_sentences


def test_blocks_are_typed_and_inline_markdown_is_removed():
    body = ("# A heading\n\nFirst **bold** [link](https://x.example) text. Second one.\n\n"
            "- item one\n- item two\n\n> A quoted block.\n\n![alt](img.jpg)\n\n```\ncode. here\n```\n")
    paras = split_paragraphs(body)
    assert [p.kind for p in paras] == [HEADING, TEXT, ITEM, ITEM, QUOTE, MEDIA]
    assert paras[1].plain == "First bold link text. Second one."
    assert paras[1].markdown.startswith("First **bold** [link]")


def test_sentence_positions_point_back_to_blocks():
    sentences = document_sentences("# Title\n\nOne is here. Two is here.\n\nThree is here.")
    assert [(s.index, s.paragraph, s.position, s.kind) for s in sentences] == [
        (0, 0, 0, HEADING), (1, 1, 0, TEXT), (2, 1, 1, TEXT), (3, 2, 0, TEXT)]
    assert sentences[2].text == "Two is here."


def test_crlf_and_empty_bodies():
    assert document_sentences("") == ()
    assert [s.text for s in document_sentences("A b c.\r\n\r\nD e f.")] == ["A b c.", "D e f."]


def test_invisible_characters_are_taken_out_of_plain_text():
    """Scraped pages hide zero-width spaces and soft hyphens inside words; a sentence
    opening on one would read as starting mid-sentence and words would not match."""
    paras = split_paragraphs("\u200bHarwick \u200bis mov\u00ading its ferry\u200d route.\n")
    assert paras[0].plain == "Harwick is moving its ferry route."
