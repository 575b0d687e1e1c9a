"""The command line, run through click's test runner and as a real process."""

import subprocess
import sys

from click.testing import CliRunner

from conftest import article
from digest.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_build_help_explains_every_option():
    result = run("build", "--help")
    assert result.exit_code == 0
    for option in ("--site", "--content", "--output", "--drafts", "--future",
                   "--skip-invalid", "--profile"):
        assert option in result.output


def test_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "digest", "--help"], capture_output=True,
                          text=True, check=True)
    assert "build" in done.stdout


def test_build_site_and_output(make_site, tmp_path):
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    out = tmp_path / "elsewhere"
    result = run("build", "--site", site, "--output", out)
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()


def test_content_option(make_site, tmp_path):
    site = make_site({"other/a.md": article("From other", body="Hello there.")})
    result = run("build", "--site", site, "--content", site / "other")
    assert result.exit_code == 0, result.output
    assert list((site / "public" / "stories").iterdir())


def test_build_error_exit_code_and_message(make_site):
    site = make_site({"content/bad.md": "---\ntitle: x\ndate: nope\n---\n",
                      "content/bad2.md": "---\n: [\n---\n"})
    result = run("build", "--site", site)
    assert result.exit_code == 1
    assert "2 problems found" in result.output
    assert "content/bad.md:3" in result.output and "content/bad2.md:2" in result.output
    assert not (site / "public").exists()


def test_check_reports_all_and_writes_nothing(make_site):
    site = make_site({"content/ok.md": article("Fine", url="https://x.example/1"),
                      "content/bad.md": "---\ntitle: x\n---\n"})
    result = run("check", "--site", site, "--verbose")
    assert result.exit_code == 1
    assert "ok.md: field 'url' read as 'source'" in result.output
    assert "bad.md" in result.output and "missing required field 'date'" in result.output
    assert not (site / "public").exists()
    (site / "content" / "bad.md").unlink()
    assert run("check", "--site", site).exit_code == 0


def test_new_writes_a_valid_article(make_site):
    site = make_site({})
    result = run("new", "Solar Sails Reach Mars", "--topic", "Space", "--site", site,
                  "--source", "https://www.theverge.com/2025/x")
    assert result.exit_code == 0, result.output
    path = site / "content" / result.output.strip().rsplit("/", 1)[-1]
    assert path.name.endswith("-solar-sails-reach-mars.md")
    text = path.read_text()
    for field in ("title:", "date:", "source:", "outlet: The Verge", "author:", "topic: Space",
                  "tags:", "cover:", "excerpt:", "draft: false"):
        assert field in text
    assert run("check", "--site", site).exit_code == 0
    assert run("new", "Solar Sails Reach Mars", "--site", site).exit_code == 1


def test_report_json(make_site):
    import json

    site = make_site({"content/a.md": article("Fine", body="One sentence that is long enough "
                                              "to be a summary of the story.",
                                              source="https://x.example/a")})
    result = run("report", "--site", site, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [story] = data["stories"]
    assert story["articles"][0]["path"] == "a.md"
    assert {"slug", "title", "topic", "url", "summary", "takeaways"} <= set(story)


def test_build_output_to_a_pipe_is_not_wrapped(make_site, tmp_path):
    """Issue 14: with stdout/stderr not a terminal, rich wrapped the summary at 80 columns,
    splitting paths and messages."""
    out = tmp_path / ("a-long-folder-name-for-the-output-" * 3) / "public"
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    done = subprocess.run([sys.executable, "-m", "digest", "build", "--site", str(site),
                           "--output", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert any(str(out) in line for line in done.stderr.splitlines()), done.stderr


def test_messages_have_no_placeholder_prefix_and_name_two_folders(make_site):
    """Issue 14: errors carried a literal `<site>:` and "output folder X would replace X"."""
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    result = run("build", "--site", site, "--output", site / "content")
    assert result.exit_code == 1
    assert "<site>" not in result.output
    assert f"output folder {site / 'content'} is the content folder" in result.output
