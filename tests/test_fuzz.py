"""Arbitrary bytes and arbitrary YAML as article files: always an article or a
content problem with a message, never another exception."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.config import load_config
from digest.content.model import Article, StoryOverride
from digest.content.parse import InvalidFile, read_file

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.dates() | st.datetimes(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(["title", "date", "source", "url", "outlet", "author", "authors",
                               "topic", "category", "tags", "keywords", "cover", "image",
                               "excerpt", "draft", "slug", "story", "kind", "takeaways"])


def check(tmp: Path, data: bytes) -> None:
    (tmp / "content").mkdir(exist_ok=True)
    path = tmp / "content" / "fuzz.md"
    path.write_bytes(data)
    try:
        result = read_file(path, load_config(tmp))
    except InvalidFile as exc:
        assert exc.problems and all(p.message for p in exc.problems)
    else:
        assert isinstance(result, (Article, StoryOverride))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes(tmp_path, data):
    check(tmp_path, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_after_a_fence(tmp_path, data):
    check(tmp_path, b"---\n" + data + b"\n---\nbody\n")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=st.dictionaries(field_names | st.text(max_size=8), yaml_values, max_size=8),
       body=st.text(max_size=200))
def test_arbitrary_yaml_front_matter(tmp_path, meta, body):
    front = yaml.safe_dump(meta, allow_unicode=True)
    check(tmp_path, f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass"))
