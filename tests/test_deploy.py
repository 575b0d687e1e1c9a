"""The Netlify deploy config, proven the way Netlify runs it: netlify.toml's build
command in a clean virtual environment on a clean copy of the repository must
produce the publish folder. (netlify-cli's `build --offline` needs its own
binary downloads, so the command is run directly.)"""

import os
import shutil
import subprocess
import tomllib
import venv

import pytest

from conftest import REPO, parse_html


def tracked_files() -> list[str]:
    if not (REPO / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    return [name for name in done.stdout.decode().split("\0") if name]


@pytest.mark.slow
def test_netlify_build_command_in_a_clean_environment(tmp_path):
    netlify = tomllib.loads((REPO / "netlify.toml").read_text())
    checkout = tmp_path / "checkout"
    for name in tracked_files():
        target = checkout / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    env = dict(os.environ, PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}",
               VIRTUAL_ENV=str(env_dir), PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    done = subprocess.run(netlify["build"]["command"], shell=True, cwd=checkout, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    published = checkout / netlify["build"]["publish"]
    assert parse_html(published / "index.html").css_first("title") is not None
    assert (published / "404.html").is_file() and (published / "sitemap.xml").is_file()
