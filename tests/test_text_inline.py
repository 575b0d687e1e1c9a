"""`text.inline`: inline markdown and HTML reduced to plain text."""

from digest.text.inline import IMAGE, LINK, TAG, strip_inline


def test_inline_markdown_and_entities_become_plain_text():
    assert strip_inline("**Sealink**&#8217;s [ferry](https://x.example) sails") == \
        "Sealink’s ferry sails"


def test_images_keep_their_alt_text_and_tags_go():
    assert strip_inline("![The ferry](f.jpg) <b>leaves</b> at <https://x.example>") == \
        "The ferry leaves at https://x.example"


def test_invisible_characters_and_escapes_go():
    assert strip_inline("\u200bHar\u00adwick\\'s\u00a0ferry") == "Harwick's ferry"


def test_a_tag_opens_with_a_letter():
    """A "<" before a number is text: a tag pattern that took it would swallow the
    sentence up to the next ">"."""
    text = "Drink <1 unit a day, not >2 units; <em>never</em> more."
    assert TAG.sub("", text) == "Drink <1 unit a day, not >2 units; never more."


def test_link_text_is_group_one_and_images_are_found_apart():
    assert LINK.sub(r"\1", "[ferry](https://x.example) ![alt](a.png)") == "ferry !alt"
    assert IMAGE.sub("", "[ferry](https://x.example) ![alt](a.png)") == "[ferry](https://x.example) "
