"""The `digest` command line: build, check, new, report, clean."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import shutil
import time
from pathlib import Path

import click
from rich.console import Console

from digest.build import build, open_cache
from digest.config import Config, load_config
from digest.content.reader import read_articles
from digest.errors import BuildError, ConfigError

SITE_HELP = "Site folder holding digest.toml and content/ (default: current folder)."


def site_options(func):
    """--site, --content and --output, shared by the commands that read a site."""
    @click.option("--site", "site", type=click.Path(file_okay=False, path_type=Path),
                  default=Path("."), show_default=False, help=SITE_HELP)
    @click.option("--content", "content", type=click.Path(file_okay=False, path_type=Path),
                  help="Content folder to read instead of the site's content/.")
    @click.option("--output", "output", type=click.Path(file_okay=False, path_type=Path),
                  help="Folder to write the site to (default: public/).")
    @click.option("--drafts", is_flag=True, default=None, help="Also publish draft articles.")
    @click.option("--future", is_flag=True, default=None,
                  help="Also publish articles dated in the future.")
    @click.option("--skip-invalid", is_flag=True, default=None,
                  help="Build everything else when an article is invalid, listing what was "
                       "skipped (same as on_error = \"skip\").")
    @click.option("--base-url", help="Absolute URL the site is served from (overrides "
                  "base_url).")
    @functools.wraps(func)
    def wrapper(site, content, output, drafts, future, skip_invalid, base_url, **kwargs):
        overrides = {
            "content_dir": str(content.resolve()) if content else None,
            "output_dir": str(output.resolve()) if output else None,
            "drafts": drafts, "future": future,
            "on_error": "skip" if skip_invalid else None,
            "base_url": base_url,
        }
        for key, value in kwargs.pop("overrides", {}).items():
            overrides[key] = value
        config = load_config(site, overrides)
        if not config.content_path.is_dir():
            raise ConfigError(f"content folder {config.content_path} does not exist",
                              hint="create it, or pass --site / --content")
        return func(config=config, **kwargs)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="digest")
def main() -> None:
    """digest: build a static site of multi-source news digests from markdown articles."""


@main.command("build")
@site_options
@click.option("--profile", is_flag=True, help="Print the seconds spent in each stage.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--no-cache", is_flag=True,
              help="Ignore and do not update the build cache (.digest-cache/build).")
def build_command(config: Config, profile: bool, quiet: bool, no_cache: bool) -> None:
    """Build the site into the output folder (public/ by default).

    Every article is read and validated first; if any is invalid, all problems
    are printed and the previous site is left untouched (exit status 1).
    """
    from digest.console import delayed_progress, print_summary

    console = Console(stderr=True, quiet=quiet)
    started = time.perf_counter()
    with delayed_progress(console, enabled=console.is_terminal) as progress:
        cache = None if no_cache else open_cache(config)
        try:
            result = build(config, progress=progress, cache=cache)
        finally:
            if cache is not None:
                cache.save()
    print_summary(console, result, time.perf_counter() - started, profile=profile)


@main.command("check")
@site_options
@click.option("--verbose", "-v", is_flag=True, help="Also list aliased fields and skips.")
def check_command(config: Config, verbose: bool) -> None:
    """Read and validate all content without writing anything.

    Reports every problem found, not only the first; exit status 1 if any.
    """
    read = read_articles(config)
    root = config.site_dir
    if verbose:
        for article in read.articles:
            for alias, canonical in article.aliases:
                click.echo(f"{article.rel_path}: field '{alias}' read as '{canonical}'")
        for skipped in read.skipped:
            click.echo(f"{skipped.rel_path}: skipped: {skipped.reason}")
    if read.problems:
        raise BuildError(list(read.problems), root=root)
    click.echo(f"{len(read.articles)} articles and {len(read.overrides)} story files are valid"
               f" ({len(read.skipped)} skipped as drafts or future-dated).")


@main.command("new")
@click.argument("title")
@click.option("--topic", default="General", show_default=True, help="Topic of the article.")
@click.option("--source", default="", help="URL of the original article.")
@click.option("--outlet", default="", help="Publisher (default: derived from --source).")
@click.option("--author", default="", help="Author's name.")
@click.option("--story", default="", help="Explicit story key to join.")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              help=SITE_HELP)
def new_command(title: str, topic: str, source: str, outlet: str, author: str, story: str,
                site: Path) -> None:
    """Write a new, correctly formed article file into content/ and print its path."""
    from digest.content.new import write_new_article

    config = load_config(site)
    path = write_new_article(config, title=title, topic=topic, source=source, outlet=outlet,
                             author=author, story=story,
                             now=dt.datetime.now(config.tz).replace(microsecond=0))
    click.echo(path)


@main.command("report")
@site_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON for tools and benchmarks.")
def report_command(config: Config, as_json: bool) -> None:
    """Print each story: its articles, duplicates, summary, takeaways and brief with
    the source sentence each came from, and warnings. Writes nothing."""
    from digest.report import report_data, report_text

    result = build(config, write=False)
    data = report_data(result, config)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if as_json else report_text(data))


@main.command("clean")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              help=SITE_HELP)
def clean_command(site: Path) -> None:
    """Delete the output folder and the build cache."""
    from digest.write import MARKER, check_output_folder

    config = load_config(site)
    check_output_folder(config.output_path, [config.site_dir, config.content_path])
    for folder in (config.output_path, config.cache_path):
        if folder.is_dir() and (folder == config.cache_path or (folder / MARKER).exists()):
            shutil.rmtree(folder)
            click.echo(f"removed {folder}")


@main.command("serve")
@site_options
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port to serve on (default: [serve] port, 8000).")
@click.option("--host", default=None,
              help="Address to bind (default: [serve] host, 127.0.0.1, this machine only).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a web browser.")
@click.option("--no-drafts", is_flag=True,
              help="Hide draft and future-dated articles, as `digest build` does.")
def serve_command(config: Config, port: int | None, host: str | None, open_browser: bool,
                  no_drafts: bool) -> None:
    """Build the site, serve it, and rebuild and reload open pages on every change.

    Shows drafts and future-dated articles unless --no-drafts; the preview is then
    built into .digest-cache/preview/, never into public/. A failed build
    keeps the last good site and shows the problems in the browser. Ctrl-C stops.
    """
    from digest.serve import serve

    if not no_drafts and click.get_current_context().params.get("output") is None:
        # Drafts must never land in public/, which is what gets deployed.
        config = dataclasses.replace(config, output_dir=str(config.cache_path / "preview"))
    serve(config, host=host, port=port, open_browser=open_browser, drafts=not no_drafts)
