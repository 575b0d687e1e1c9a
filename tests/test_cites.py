"""`render.cites`: a sentence with its citations as the theme's Jinja macro wrote it."""

import jinja2
import pytest

from digest.compose.model import DigestSentence
from digest.render.cites import sentence_html, sentences_html

MACRO = """{% macro sentence(s, prefix) -%}
<span class="digest-sentence" data-cites="{{ s.cites|join(' ') }}">{{ s.text }}</span>
{%- for n in s.cites %}<sup class="cite"><a href="{{ prefix }}#src-{{ n }}" \
aria-label="Source {{ n }}">{{ n }}</a></sup>{% endfor -%}
{%- endmacro %}"""
"""The default theme's `sentence` macro before `sentence_html` replaced it."""

SENTENCES = [DigestSentence("The ferry sails in May.", (1,)),
             DigestSentence('Fares rose 4% <"a lot"> & the port\'s owner sold.', (2, 10, 3)),
             DigestSentence("An editor's line with no source.", ())]


def _macro(template: str, **context) -> str:
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(MACRO + template).render(**context)


@pytest.mark.parametrize("prefix", ["", "../../stories/a-b/", 'odd"&<prefix'])
def test_sentences_are_the_html_the_macro_wrote(prefix):
    for s in SENTENCES:
        assert sentence_html(s, prefix) == _macro("{{ sentence(s, prefix) }}", s=s, prefix=prefix)
    loop = "{% for s in all %}{{ sentence(s, prefix) }} {% endfor %}"
    assert sentences_html(SENTENCES, prefix) == _macro(loop, all=SENTENCES, prefix=prefix)
