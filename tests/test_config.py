from pathlib import Path

import pytest

from digest.config import describe_options, load_config
from digest.errors import ConfigError


def write_config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "digest.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_without_a_config_file(tmp_path):
    config = load_config(tmp_path)
    assert config.title == "Digest"
    assert config.content_path == (tmp_path / "content").resolve()
    assert config.output_path == (tmp_path / "public").resolve()
    assert config.images.widths == [480, 960, 1600]


def test_values_and_sections_are_read(tmp_path):
    site = write_config(tmp_path, 'title = "T"\ntimezone = "Europe/Berlin"\n'
                                  "[markdown]\nallow_html = true\n[group]\nwindow_days = 3\n")
    config = load_config(site)
    assert config.title == "T"
    assert config.tz.key == "Europe/Berlin"
    assert config.markdown.allow_html is True
    assert config.group.window_days == 3.0


def test_unknown_key_suggests_the_closest(tmp_path):
    site = write_config(tmp_path, 'titel = "T"\n')
    with pytest.raises(ConfigError, match="unknown option 'titel'; did you mean 'title'"):
        load_config(site)


def test_unknown_key_in_a_section(tmp_path):
    site = write_config(tmp_path, "[images]\nwidth = [100]\n")
    with pytest.raises(ConfigError, match="did you mean 'images.widths'"):
        load_config(site)


def test_wrong_type_names_key_and_value(tmp_path):
    site = write_config(tmp_path, '[markdown]\nallow_html = "yes"\n')
    with pytest.raises(ConfigError, match="'markdown.allow_html' must be a bool, not str 'yes'"):
        load_config(site)


def test_choices_are_listed(tmp_path):
    site = write_config(tmp_path, 'on_error = "ignore"\n')
    with pytest.raises(ConfigError, match="allowed values: 'fail', 'skip'"):
        load_config(site)


def test_bad_timezone(tmp_path):
    site = write_config(tmp_path, 'timezone = "Mars/Olympus"\n')
    with pytest.raises(ConfigError, match="not a known IANA timezone"):
        load_config(site)


def test_invalid_toml_names_the_file(tmp_path):
    site = write_config(tmp_path, "title = \n")
    with pytest.raises(ConfigError, match="digest.toml.*invalid TOML"):
        load_config(site)


def test_overrides_win_over_the_file(tmp_path):
    site = write_config(tmp_path, 'output_dir = "out"\n')
    config = load_config(site, {"output_dir": "elsewhere", "drafts": True, "future": None})
    assert config.output_path == (tmp_path / "elsewhere").resolve()
    assert config.drafts is True and config.future is False


def test_every_option_has_help():
    rows = describe_options()
    assert {"title", "markdown.allow_html", "images.widths", "serve.port"} <= {r[0] for r in rows}
    assert all(help_text for _, _, help_text in rows)
