"""`compose.blocks`: a body's blocks numbered, with their markdown and plain text (the
blocks themselves are tested in `test_text_blocks`)."""

from digest.compose.blocks import HEADING, ITEM, TEXT, split_paragraphs


def test_paragraphs_are_numbered_with_markdown_and_plain_text():
    paras = split_paragraphs("## The *new* ferry\n\nSealink&#8217;s [ferry](https://x.example)"
                             "  \nsails in May.\n\n- Night crossings\n")
    assert [(p.index, p.kind) for p in paras] == [(0, HEADING), (1, TEXT), (2, ITEM)]
    assert paras[1].markdown == "Sealink&#8217;s [ferry](https://x.example)\nsails in May."
    assert [p.plain for p in paras] == ["The new ferry", "Sealink’s ferry sails in May.",
                                        "Night crossings"]
