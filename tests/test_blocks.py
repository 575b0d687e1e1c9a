"""`compose.blocks`: the plain text of a block (the blocks are `text.blocks`; see
`test_text_blocks`)."""

from digest.compose.blocks import strip_inline


def test_inline_markdown_and_entities_become_plain_text():
    assert strip_inline("**Sealink**&#8217;s [ferry](https://x.example) sails") == \
        "Sealink’s ferry sails"
