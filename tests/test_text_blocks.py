"""`text.blocks`: a markdown body's blocks from markdown-it's tokens, read as scraped text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.text.blocks import HEADING, ITEM, MEDIA, QUOTE, TEXT, parsed_blocks, read_blocks
from digest.text.plainmd import plain_blocks

CASES = {
    "paragraphs are runs of lines": (
        "Harwick's ferry leaves at noon.\nIt returns at six.\n\nA second paragraph.",
        [(TEXT, 0, "Harwick's ferry leaves at noon. It returns at six."),
         (TEXT, 3, "A second paragraph.")]),
    "a heading needs text after its marker": (
        "## The new route\n\n###\n\n#Not a heading",
        [(HEADING, 0, "The new route"), (TEXT, 2, "###"), (TEXT, 4, "#Not a heading")]),
    "each list item is a block, indented lines continue it": (
        "- Night crossings\n- Day trips\n  that run late\n\n1. First stop\n2. Second stop",
        [(ITEM, 0, "Night crossings"), (ITEM, 1, "Day trips   that run late"),
         (ITEM, 4, "First stop"), (ITEM, 5, "Second stop")]),
    "nested items are blocks too": (
        "- Outer item\n  - Inner item\n- Last item",
        [(ITEM, 0, "Outer item"), (ITEM, 1, "Inner item"), (ITEM, 2, "Last item")]),
    "an unindented line ends an item or a quote": (
        "- An item\nglued text after it\n\n> A quoted line\nand a glued line",
        [(ITEM, 0, "An item"), (TEXT, 1, "glued text after it"),
         (QUOTE, 3, " A quoted line"), (TEXT, 4, "and a glued line")]),
    "a bare marker is text": (
        "+\n\nAfter the marker\n\n1.",
        [(TEXT, 0, "+"), (TEXT, 2, "After the marker"), (TEXT, 4, "1.")]),
    "a year opening a sentence is no list": (
        "2024. The year the ferry began.",
        [(TEXT, 0, "2024. The year the ferry began.")]),
    "a block quote's lines are one block": (
        "> \"It was hard,\" Vale said.\n>\n> \"We tried.\"",
        [(QUOTE, 0, " \"It was hard,\" Vale said.   \"We tried.\"")]),
    "a line of images is media, links stay inline": (
        "Text before.\n![The ferry](ferry.jpg)\nText after.\n\n"
        "[Timetable](https://x.example) is out.",
        [(TEXT, 0, "Text before."), (MEDIA, 1, ""), (TEXT, 2, "Text after."),
         (TEXT, 4, "[Timetable](https://x.example) is out.")]),
    "raw HTML is inline text": (
        "<div class=\"note\">\nSealink <b>said</b> so.\n</div>",
        [(TEXT, 0, "<div class=\"note\"> Sealink <b>said</b> so. </div>")]),
    "fenced code is left out, indented text kept": (
        "Before.\n\n```\nsecret = 1\n```\n\n    Indented text stays.",
        [(TEXT, 0, "Before."), (TEXT, 6, "    Indented text stays.")]),
    "each table row is media, so is a stray pipe": (
        "| Port | Time |\n|---|---|\n| Harwick | 12:00 |\n\nBoston, MA\n|\nJuly 15",
        [(MEDIA, 0, ""), (MEDIA, 1, ""), (MEDIA, 2, ""),
         (TEXT, 4, "Boston, MA"), (MEDIA, 5, ""), (TEXT, 6, "July 15")]),
    "thematic breaks read as the text or item they look like": (
        "Text\n---\nmore\n\n- - -\n\n* * *",
        [(TEXT, 0, "Text --- more"), (ITEM, 4, "- -"), (ITEM, 6, "* *")]),
    "markers stacked on one line make one item and lose nothing after": (
        "- " * 60 + "word\n\nStill read.",
        [(ITEM, 0, "- " * 59 + "word"), (TEXT, 2, "Still read.")]),
    "only CRLF is a line end": (
        "One.\r\nTwo.\r\n\r\nThree.\rstill three.",
        [(TEXT, 0, "One. Two."), (TEXT, 3, "Three.\rstill three.")]),
}


@pytest.mark.parametrize("name", CASES)
def test_blocks(name):
    body, expected = CASES[name]
    assert [(b.kind, b.line, b.inline) for b in read_blocks(body)] == expected


def test_each_kind_of_block_is_told_apart():
    body = ("## The new ferry\n\nSealink's ferry sails in May.\n\n- Night crossings\n\n"
            "> \"It was the hardest call,\" Vale said.\n\n![The ferry](ferry.jpg)\n")
    kinds = [b.kind for b in read_blocks(body)]
    assert kinds == [HEADING, TEXT, ITEM, QUOTE, MEDIA]


def test_blocks_keep_their_source_lines():
    blocks = read_blocks("Intro.\n\n- Day trips\n  that run late\n")
    assert blocks[1].lines == ("- Day trips", "  that run late")
    assert read_blocks("") == () and read_blocks("\n\n") == ()


PLAIN_BODIES = [
    "The ferry sails in May.\nIt stops at two ports.\n\n## Why\n\nFares rose 4% > inflation.",
    "- Fares rose.\n- Ports closed.\n\nThe council met.\n### Next\nAfter it.",
    "- One\n\n- Two\n- Three\n\n> The harbour is full.\n> Nobody expected it.\n\n> Again.",
]
_STARTS = st.sampled_from(["", "", "", "- ", "- ", "> ", "## ", "# ", "####### ", "3. ", "-",
                           ">", " ", "    ", "=", "---", "* ", "+ ", "#", "2025 "])
_WORDS = st.lists(st.sampled_from(["ferry", "Quist", "\"port\"", "4%", "(fares)", "a.", "#",
                                   "-", ">", "caf\u00e9", "\u201cnow\u201d", "$4", ":"]),
                  min_size=1, max_size=4).map(" ".join)
_LINES = st.one_of(st.builds(str.__add__, _STARTS, _WORDS), st.sampled_from(["", " ", "a  "]))
_BODIES = st.lists(st.tuples(_LINES, st.sampled_from(["\n", "\n", "\n\n", "\n\n\n"])),
                   min_size=1, max_size=8).map(lambda pairs: "".join(a + b for a, b in pairs))


@pytest.mark.parametrize("body", PLAIN_BODIES)
def test_plain_bodies_are_read_without_markdown_it_as_it_reads_them(body):
    assert plain_blocks(body) is not None
    assert read_blocks(body) == parsed_blocks(body)


@settings(max_examples=2500, deadline=None)
@given(st.one_of(_BODIES, _BODIES.map(str.strip)))
def test_a_body_read_without_markdown_it_has_the_blocks_markdown_it_reads(body):
    if body and plain_blocks(body) is not None:
        assert read_blocks(body) == parsed_blocks(body)
