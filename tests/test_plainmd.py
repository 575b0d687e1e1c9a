"""`render.plainmd`: the plain subset of markdown rendered without markdown-it, byte for
byte as markdown-it renders it, and everything else left to markdown-it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import digest.render.markdown as markdown_module
from digest.config_schema import MarkdownConfig
from digest.render.markdown import make_markdown, markdown_it
from digest.render.plainmd import plain_html

RENDERS = [markdown_it(MarkdownConfig(allow_html=html, allow_unsafe_links=links)).render
           for html in (False, True) for links in (False, True)]

PLAIN = [
    "The ferry sails in May.\nIt stops at two ports.",
    '## Why it "matters"\n\nFares rose 4% > inflation.',
    "- Fares rose.\n- Ports closed.\n\nThe council met.",
    "- One\n\n- Two\n- Three\n\n## Next\n\n- Four",
    "> The harbour is full.\n> Nobody expected it.\n\n> A second quote.",
    "Before the heading\n### Heading\nafter it",
    "- A list\n\n> then a quote\n\n- then a list again",
    "It cost $4.1 billion (about 3.9bn euros), the mayor's office said.",
    "Caf\u00e9s in M\u00fcnchen\u00a0closed, \u201cfor now\u201d.",
]

DECLINED = [
    "",
    "A *word* in italics.",
    "A [link](https://example.org).",
    "Fish &amp; chips.",
    "Two spaces at the end  \nmake a hard break.",
    "  Indented.",
    "    Code.",
    "3. A numbered item.",
    "2025) starts like an item.",
    "Text\n===",
    "Text\n---",
    "- - -",
    "- An item\nlazily continued.",
    "> A quote\nlazily continued.",
    "Text\n- an item that interrupts it",
    "Three\n\n\nnewlines.",
    "Ends with a newline\n",
    "####### Seven hashes",
    "## Closing hashes ##",
    "#hashtag",
    "| a | b |",
    "Tab\tinside.",
    "Carriage\r\nreturn.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_texts_render_as_markdown_it_renders_them(text):
    html = plain_html(text)
    assert html is not None
    assert all(html == render(text) for render in RENDERS)


@pytest.mark.parametrize("text", DECLINED)
def test_texts_outside_the_subset_are_left_to_markdown_it(text):
    assert plain_html(text) is None


LINE_STARTS = st.sampled_from(["", "", "", "", "- ", "- ", "> ", "## ", "# ", "3. ", "1) ",
                               "-", ">", " ", "    ", "=", "---", "* ", "+ ", "#", "2025 "])
TOKENS = st.text(alphabet=st.sampled_from(list("ab\"'>$%.,():!#-=\u00e9\u201c")),
                 min_size=1, max_size=5)
WORDS = st.builds(lambda first, tokens: first + " ".join(tokens),
                  st.sampled_from(["a", "b", "\"", "(", "\u00e9", "\u201c", "", ".", "#"]),
                  st.lists(TOKENS, min_size=1, max_size=4))
LINES = st.one_of(st.builds(lambda start, words: start + words, LINE_STARTS, WORDS),
                  st.sampled_from(["", " ", "a  ", "a\u00a0b", "- "]))
TEXTS = st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n"]), min_size=0, max_size=8).flatmap(
    lambda breaks: st.lists(LINES, min_size=len(breaks) + 1, max_size=len(breaks) + 1).map(
        lambda lines: "".join(line + brk for line, brk in zip(lines, [*breaks, ""]))))


PLAIN_LINES = st.builds(lambda start, words: start + "a" + words,
                        st.sampled_from(["", "- ", "> ", "## "]), WORDS)
PLAIN_TEXTS = st.lists(st.tuples(PLAIN_LINES, st.sampled_from(["\n", "\n\n"])),
                       min_size=1, max_size=8).map(
    lambda pairs: "".join(line + brk for line, brk in pairs)[:-1].rstrip("\n"))


@settings(max_examples=2500, deadline=None)
@given(st.one_of(TEXTS, PLAIN_TEXTS))
def test_whatever_it_renders_markdown_it_renders_alike(text):
    html = plain_html(text)
    if html is not None:
        assert all(html == render(text) for render in RENDERS)


def test_a_build_renders_each_text_markdown_it_renders_once(monkeypatch):
    calls = []

    class Counting:
        def __init__(self, config):
            self.md = markdown_it(config)

        def render(self, text):
            calls.append(text)
            return self.md.render(text)
    monkeypatch.setattr(markdown_module, "markdown_it", Counting)
    render = make_markdown(MarkdownConfig())
    assert render("A *word*.") == render("A *word*.") == "<p>A <em>word</em>.</p>\n"
    assert render("A plain word.") == "<p>A plain word.</p>\n"
    assert calls == ["A *word*."]
