"""`blocks`: a markdown body's blocks and their plain text."""

from digest.compose.blocks import HEADING, ITEM, MEDIA, QUOTE, TEXT, split_paragraphs, strip_inline


def test_each_kind_of_block_is_told_apart():
    body = ("## The new ferry\n\nSealink's ferry sails in May.\n\n- Night crossings\n\n"
            "> \"It was the hardest call,\" Vale said.\n\n![The ferry](ferry.jpg)\n")
    kinds = [p.kind for p in split_paragraphs(body)]
    assert kinds == [HEADING, TEXT, ITEM, QUOTE, MEDIA]


def test_inline_markdown_and_entities_become_plain_text():
    assert strip_inline("**Sealink**&#8217;s [ferry](https://x.example) sails") == \
        "Sealink’s ferry sails"
