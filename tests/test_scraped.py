"""Scraped HTML bodies and fields to safe markdown and plain text (digest.content.scraped)."""

from __future__ import annotations

import pytest

from digest.content.scraped import (
    clean_inline_text,
    html_to_markdown,
    looks_like_html,
    plain_text,
    split_glued,
)

# (name, html, expected markdown)
CONVERSIONS = [
    ("paragraphs", "<p>First para.</p>\n<p>Second para.</p>", "First para.\n\nSecond para."),
    ("link_with_entities",
     '<p>See <a href="https://example.org/a?x=1&amp;y=2">Q&amp;A &#39;notes&#39;</a>.</p>',
     "See [Q&A 'notes'](https://example.org/a?x=1&y=2)."),
    ("relative_and_mailto_links",
     '<p><a href="/news/item">item</a> or <a href="mailto:desk@example.org">mail</a></p>',
     "[item](/news/item) or [mail](mailto:desk@example.org)"),
    ("javascript_link_keeps_text",
     '<p>Tap <a href="javascript:alert(1)">here</a> now.</p>', "Tap here now."),
    ("data_and_vbscript_links_keep_text",
     '<p><a href="data:text/html,hi">one</a> <a href="vbscript:msgbox">two</a></p>', "one two"),
    ("script_style_iframe_dropped_with_content",
     ("<p>Kept.</p><script>var tracker = 1;</script><style>p { color: red }</style>"
     '<iframe src="https://video.example.org">fallback words</iframe><noscript>enable js</noscript>'
     "<form><input name=q>search box</form><svg><text>chart label</text></svg><p>Also kept.</p>"),
     "Kept.\n\nAlso kept."),
    ("nested_emphasis", "<p>A <em>very <strong>bold</strong> claim</em>.</p>",
     "A *very **bold** claim*."),
    ("lists", "<ul><li>One</li><li><p>Two</p></li></ul><ol><li>First</li><li>Second</li></ol>",
     "- One\n- Two\n\n1. First\n2. Second"),
    ("headings_and_blockquote",
     ('<h2 id="jump-link-x"><strong>Why it matters</strong></h2>'
     '<blockquote><p>Quoted.</p></blockquote>'),
     "## **Why it matters**\n\n> Quoted."),
    ("figure_caption_and_credit_dropped",
     ('<figure><img src="https://img.example.org/a.jpg" alt="A phone">'
      '<figcaption>The phone on a desk.'
     '</figcaption><div class="photo-credit">Pat Lee via Getty Images</div></figure><p>Lead.</p>'),
     "Lead."),
    ("tracking_attributes_and_pixel_gone",
     ('<p data-i13n="pos:1" style="color:red" onclick="steal()">Text <a data-ylk="slk:x" '
     'class="link" target="_blank" href="https://example.org/">link</a></p>'
     '<img src="https://px.example.org/t.gif" width="1" height="1">'),
     "Text [link](https://example.org/)"),
    ("scraped_p_class_body",
     ('\n\t\t\n<p class="has-text-align-none">Regulators   opened\n a probe&nbsp;on Monday.</p>\n'
     '<p class="has-text-align-none">The firm declined to comment.</p>\n\t'),
     "Regulators opened a probe\xa0on Monday.\n\nThe firm declined to comment."),
    ("empty_markup_and_trailing_break_dropped",
     "<p>Line<br></p><h2></h2><blockquote></blockquote><p>a<br>b</p>", "Line\n\na\\\nb"),
    ("custom_elements_unwrapped",
     '<p><core-commerce data-url="https://shop.example.org"></core-commerce>Deal text.</p>',
     "Deal text."),
    ("space_only_inline_element_keeps_the_space",
     ('<p>the remakes of <a href="https://example.org/g"><em>Night Ferry</em></a>'
      '<span><em> </em>on consoles at no extra cost.</span></p>'),
     "the remakes of [*Night Ferry*](https://example.org/g) on consoles at no extra cost."),
    ("markdown_mixed_with_tags",
     ("Intro with **bold** and <em>tagged</em> words.\n\n## A heading\n\n- item one\n  - nested\n\n"
     "<p>An HTML paragraph.</p>\n\nClosing markdown line."),
     ("Intro with **bold** and *tagged* words.\n\n## A heading\n\n- item one\n  - nested\n\n"
     "An HTML paragraph.\n\nClosing markdown line.")),
]


@pytest.mark.parametrize("name,html,expected", CONVERSIONS, ids=[c[0] for c in CONVERSIONS])
def test_html_to_markdown(name: str, html: str, expected: str) -> None:
    assert html_to_markdown(html) == expected


def test_html_to_markdown_is_deterministic() -> None:
    html = "".join(CONVERSIONS[i][1] for i in range(len(CONVERSIONS)))
    assert html_to_markdown(html) == html_to_markdown(html)


def test_no_unsafe_text_survives() -> None:
    out = html_to_markdown('<p onmouseover="x()">Hi <a href=" javascript:alert(1)">x</a>'
                           '<img src=x onerror=alert(1)></p><object data="f.swf">o</object>')
    assert "javascript" not in out and "onerror" not in out and "alert" not in out
    assert out == "Hi x"


@pytest.mark.parametrize("body,expected", [
    ("<p>Hello</p>", True),
    ('Text with <a href="https://example.org">a link</a>.', True),
    ("Line one<br/>line two", True),
    ("Plain markdown with **bold** and [a link](https://example.org).", False),
    ("Maths: a < b and c > d.", False),
    ("An autolink <https://example.org> in markdown.", False),
])
def test_looks_like_html(body: str, expected: bool) -> None:
    assert looks_like_html(body) is expected


@pytest.mark.parametrize("raw,expected", [
    ("Big Tech&#8217;s &amp; startups&#39; &quot;plans&quot;",
     "Big Tech’s & startups' \"plans\""),
    ("  A\u00a0title&nbsp;with\n\tspaces ", "A title with spaces"),
    ("<b>Bold</b> <i>move</i>", "Bold move"),
    ("", ""),
])
def test_clean_inline_text(raw: str, expected: str) -> None:
    assert clean_inline_text(raw) == expected


@pytest.mark.parametrize("line,expected", [
    ("## **Read more:** [The story](https://example.org)", "Read more: The story"),
    ("> *Share this article*", "Share this article"),
    ("- \\*Note\\*", "Note"),
])
def test_plain_text(line: str, expected: str) -> None:
    assert plain_text(line) == expected


@pytest.mark.parametrize("line,expected", [
    ("Fine line. Nothing glued.", ["Fine line. Nothing glued."]),
    ("It shipped.Sales rose.", ["It shipped.", "Sales rose."]),
    (("Pat Kim/Getty ImagesFollow ZDNET: Add us as a preferred source on Google."
     "ZDNET's key takeawaysThe bank was hacked."),
     ["Pat Kim/Getty Images", "Follow ZDNET: Add us as a preferred source on Google.",
      "ZDNET's key takeaways", "The bank was hacked."]),
    ("See [the site.](https://example.org/A.Bc)Next",
     ["See [the site.](https://example.org/A.Bc)Next"]),
    ("Character.AI said it would comply.", ["Character.AI said it would comply."]),
    # a paragraph that ended on the page before a figure or a list number
    ("Most ferries ran late this winter.45% of crossings left after 9 a.m.",
     ["Most ferries ran late this winter.", "45% of crossings left after 9 a.m."]),
    ("Here are the changes Sealink made.1. Night fares fell.",
     ["Here are the changes Sealink made.", "1. Night fares fell."]),
    # a straight quote after the glued end opens the next sentence unless one is open
    ('The ferry is late again."It never comes on time," a rider said.',
     ["The ferry is late again.", '"It never comes on time," a rider said.']),
    ('"We will add boats," Holt said.Riders were not convinced.',
     ['"We will add boats," Holt said.', "Riders were not convinced."]),
    ('Holt said: "We will add boats."Riders were not convinced.',
     ['Holt said: "We will add boats."', "Riders were not convinced."]),
    # a handle, a version, a decimal: no paragraph end
    ("Message @harbour.96 on Signal about version 2.5 of the app.",
     ["Message @harbour.96 on Signal about version 2.5 of the app."]),
])
def test_split_glued(line: str, expected: list[str]) -> None:
    assert split_glued(line) == expected
