"""Issue 14: hostile input is refused with a message naming the file (and line)."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from jinja2.bccache import bc_magic

from conftest import article
from digest.cli import main
from digest.signing import sign

BOMB = """---
title: A harmless looking article
date: 2025-11-10T09:00:00Z
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
tags: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
---
Body text.
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_yaml_alias_bomb_is_refused_with_file_and_line(make_site):
    """Item 5: nested aliases (9^9 values) hung build, check and serve at 2 GB."""
    site = make_site({"content/bomb.md": BOMB,
                      "content/fine.md": article("Fine", body="A sentence here.")})
    for command in ("check", "build"):
        result = run(command, "--site", site)
        assert result.exit_code == 1, result.output
        assert "content/bomb.md:" in result.output
        assert "expand to more than" in result.output and "aliases" in result.output


def test_a_recursive_alias_is_refused(make_site):
    site = make_site({"content/loop.md": "---\ntitle: Loop\ndate: 2025-11-10\n"
                      "tags: &a [x, *a]\n---\nBody.\n"})
    result = run("check", "--site", site)
    assert result.exit_code == 1
    assert "content/loop.md:4:" in result.output


def test_a_few_aliases_are_still_fine(make_site):
    site = make_site({"content/a.md": "---\ntitle: Aliases\ndate: 2025-11-10\n"
                      "topic: &t Science\ntags: [*t, space]\n---\nBody text here.\n"})
    result = run("check", "--site", site)
    assert result.exit_code == 0, result.output


class _Payload:
    """What a hostile cache file would carry: unpickling it makes a folder (harmless
    here, any code in an attack)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def _forge_build_cache(cache: Path, marker: Path, key: bytes | None) -> int:
    """Replace every shard of the build cache by a hostile pickle, signed with `key` (an
    attacker's) or, None, with the unkeyed sha256 digest signed with before."""
    forged = 0
    for shard in cache.glob("build/*/*.cache"):
        magic, format_line, version, _, _ = shard.read_bytes().split(b"\n", 4)
        entries = {f"{n:x}" * 32: pickle.dumps(_Payload(str(marker))) for n in range(16)}
        payload = pickle.dumps(_Payload(str(marker))) if forged % 2 else pickle.dumps(entries)
        check = sign(key, payload) if key else hashlib.sha256(payload).hexdigest().encode()
        shard.write_bytes(b"\n".join([magic, format_line, version, check, payload]))
        forged += 1
    return forged


def _forge_template_cache(cache: Path, marker: Path, key: bytes | None) -> int:
    forged = 0
    for file in cache.glob("templates/*"):
        data = file.read_bytes().partition(b"\n")[2]
        checksum = pickle.loads(data[len(bc_magic):])
        code = compile(f"import os\nos.mkdir({str(marker)!r})\n", "evil", "exec")
        raw = bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code)
        file.write_bytes(sign(key, raw) + b"\n" + raw if key else raw)
        forged += 1
    return forged


@pytest.mark.parametrize("key", [None, b"k" * 32])
def test_a_cache_written_by_someone_else_is_never_loaded(make_site, tmp_path, monkeypatch, key):
    """Item 6: a .digest-cache received with someone's site folder ran their code (the
    build cache is pickle, compiled templates are marshalled code)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      "content/b.md": article("Other", body="Another sentence here.")})
    assert run("build", "--site", site, "-q").exit_code == 0
    expected = {p.relative_to(site / "public"): p.read_bytes()
                for p in (site / "public").rglob("*") if p.is_file()}
    marker = tmp_path / "their-code-ran"
    assert _forge_build_cache(site / ".digest-cache", marker, key) > 1
    assert _forge_template_cache(site / ".digest-cache", marker, key) > 1
    result = run("build", "--site", site, "-q")
    assert result.exit_code == 0, result.output
    assert not marker.exists()
    assert {p.relative_to(site / "public"): p.read_bytes()
            for p in (site / "public").rglob("*") if p.is_file()} == expected
    assert (tmp_path / "config" / "digest" / "cache-key").stat().st_mode & 0o777 == 0o600


def test_topics_whose_slugs_collide_or_are_empty_get_distinct_stable_slugs(make_site):
    """Item 9: "C++" and "C#" (or two non-Latin topics) stopped the whole build."""
    topics = ["C++", "C#", "Наука", "科学", "???", "!!!"]
    site = make_site({f"content/a{n}.md": article(f"Story number {n} about things",
                                                  body=f"Sentence {n} about a topic here.",
                                                  topic=topic, story=f"s{n}")
                      for n, topic in enumerate(topics)})
    result = run("build", "--site", site, "-q")
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in (site / "public" / "topics").iterdir() if p.is_dir())
    assert len(folders) == len(topics)
    assert {"c-plus-plus", "c-sharp", "наука", "科学"} <= set(folders)
    assert run("build", "--site", site, "--no-cache", "-q").exit_code == 0
    assert sorted(p.name for p in (site / "public" / "topics").iterdir() if p.is_dir()) == folders


def test_non_latin_titles_get_readable_slugs_and_new_keeps_them_apart(make_site):
    """Item 9: `digest new` with a non-Latin title wrote `untitled` and refused a second."""
    site = make_site({})
    first = run("new", "Новый закон о данных", "--site", site)
    second = run("new", "新しい法律", "--site", site)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "новый-закон-о-данных" in first.output and "新しい法律" in second.output
    assert "untitled" not in first.output + second.output
    emoji = run("new", "🎉🎉", "--site", site)
    other = run("new", "🚀", "--site", site)
    assert emoji.exit_code == 0 and other.exit_code == 0
    assert emoji.output != other.output


def test_a_non_latin_story_gets_a_readable_url(make_site):
    site = make_site({"content/a.md": article("Новый закон о данных",
                                              body="Парламент принял закон во вторник."),
                      "digest.toml": 'base_url = "https://example.org/"\n'})
    result = run("build", "--site", site, "-q")
    assert result.exit_code == 0, result.output
    assert (site / "public" / "stories" / "новый-закон-о-данных" / "index.html").is_file()
    sitemap = (site / "public" / "sitemap.xml").read_text()
    assert "stories/%D0%BD%D0%BE%D0%B2" in sitemap  # percent-encoded where URLs must be


@pytest.mark.parametrize("toml, field", [
    ("[group]\nwindow_days = -3\n", "window_days"),
    ("[group]\nwindow_days = 0\n", "window_days"),
    ('base_url = "https://"\n', "base_url"),
    ('base_url = "http:///path"\n', "base_url"),
    ("[compose]\nsummary_words = 0\n", "summary_words"),
    ("front_page_stories = -1\n", "front_page_stories"),
    ("title = 42\n", "title"),
    ('title = ["a", "b"]\n', "title")])
def test_lax_settings_are_refused(make_site, toml, field):
    """Item 11: window_days = -3 and base_url = "https://" (canonical URLs "https:/")
    were accepted."""
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      "digest.toml": toml})
    result = run("build", "--site", site)
    assert result.exit_code == 1 and field in result.output, result.output
    assert "Traceback" not in result.output and not (site / "public").exists()


def test_a_digest_toml_with_a_bom_is_read(make_site):
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      "digest.toml": '\ufefftitle = "With a BOM"\n'})
    assert run("build", "--site", site, "-q").exit_code == 0
    assert "With a BOM" in (site / "public" / "index.html").read_text()


@pytest.mark.parametrize("front, message", [
    ("title: [One, Two]\ndate: 2025-11-10", "field 'title' must be text"),
    ("title: 2025\ndate: 2025-11-10", "field 'title' must be text"),
    ("title: Fine\ndate: [2025-11-10, 2025-11-11]", "field 'date' holds 2 values"),
])
def test_wrong_kinds_of_title_and_date_say_what_to_write(make_site, front, message):
    site = make_site({"content/a.md": f"---\n{front}\n---\nBody text.\n"})
    result = run("check", "--site", site)
    assert result.exit_code == 1 and message in result.output, result.output
    assert "hint:" in result.output and "datetime.date(" not in result.output


def test_source_urls_are_encoded(make_site):
    site = make_site({"content/a.md": article(
        "Fine", body="A sentence here.", source='https://example.org/a"b<c>d e')})
    assert run("build", "--site", site, "-q").exit_code == 0
    html = next((site / "public" / "stories").glob("*/index.html")).read_text()
    assert "https://example.org/a%22b%3Cc%3Ed%20e" in html
    assert 'a"b' not in html and "a&#34;b" not in html and "a&quot;b" not in html


def test_an_article_linked_from_outside_the_site_is_refused(make_site, tmp_path):
    outside = tmp_path / "private.md"
    outside.write_text(article("Private notes", body="Not for publishing."))
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    (site / "content" / "b.md").symlink_to(outside)
    result = run("build", "--site", site)
    assert result.exit_code == 1
    assert "content/b.md: is a link to a file outside the site folder" in result.output
    inside = site / "notes.md"
    inside.write_text(article("Kept inside", body="Another sentence here."))
    (site / "content" / "b.md").unlink()
    (site / "content" / "b.md").symlink_to(inside)
    assert run("build", "--site", site, "-q").exit_code == 0


@pytest.mark.parametrize("name", ["build", "images", "templates"])
def test_a_cache_subfolder_replaced_by_a_file_is_a_clear_error(make_site, name):
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    assert run("build", "--site", site, "-q").exit_code == 0
    target = site / ".digest-cache" / name
    if target.is_dir():
        import shutil
        shutil.rmtree(target)
    target.write_text("not a folder")
    result = run("build", "--site", site)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f".digest-cache/{name} is a file" in result.output
