from pathlib import Path

import pytest

from digest.errors import ConfigError
from digest.files import OutputFile
from digest.write import MARKER, check_output_folder, write_site


def test_write_then_replace(tmp_path):
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"one"), OutputFile("a/b.txt", b"b")], out)
    assert (out / "index.html").read_bytes() == b"one"
    write_site([OutputFile("index.html", b"two")], out)
    assert (out / "index.html").read_bytes() == b"two"
    assert not (out / "a").exists()
    assert (out / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_failed_write_keeps_previous_site(tmp_path):
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"good")], out)
    with pytest.raises(ConfigError, match="two outputs claim"):
        write_site([OutputFile("x.html", b"1"), OutputFile("x.html", b"2")], out)
    assert (out / "index.html").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_path_escaping_the_output_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="leaves the output folder"):
        write_site([OutputFile("../evil.txt", b"x")], tmp_path / "public")
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize("path", ["a/../../evil.txt", "/evil.txt", "a/./b.txt", "..", MARKER])
def test_odd_output_paths_are_refused(tmp_path, path):
    with pytest.raises(ConfigError, match="leaves the output folder"):
        write_site([OutputFile(path, b"x")], tmp_path / "public")
    assert not (tmp_path / "evil.txt").exists() and not Path("/evil.txt").exists()


def test_a_link_out_of_the_output_is_not_written_through(tmp_path):
    out, elsewhere = tmp_path / "public", tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_site([OutputFile("index.html", b"one")], out)
    (out / "linked").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ConfigError, match="symbolic link"):
        write_site([OutputFile("index.html", b"two"), OutputFile("linked/x.html", b"x")], out)
    assert list(elsewhere.iterdir()) == []
    assert (out / "index.html").read_bytes() == b"one"  # nothing written before the check


@pytest.mark.parametrize("name", ["site", "content", "root", "home"])
def test_dangerous_output_folders_are_refused(tmp_path, name):
    site = tmp_path / "site"
    content = site / "content"
    content.mkdir(parents=True)
    target = {"site": site, "content": content, "root": Path("/"), "home": Path.home()}[name]
    with pytest.raises(ConfigError):
        check_output_folder(target, [site, content])


def test_foreign_folder_is_not_replaced(tmp_path):
    out = tmp_path / "stuff"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="not written by digest"):
        check_output_folder(out, [tmp_path / "site"])
