"""The `digest` command line: build, check, new, report, import, clean."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import shutil
import time
from pathlib import Path

import click

from digest.build import compute_site
from digest.config import Config, load_config
from digest.content.reader import read_articles
from digest.errors import BuildError, ConfigError
from digest.lock import site_lock

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
    from digest.console import delayed_progress, make_console, print_summary

    console = make_console(quiet)
    started = time.perf_counter()
    with site_lock(config.cache_path, lambda message: console.print(message, highlight=False)), \
            delayed_progress(console, enabled=console.is_terminal) as progress:
        from digest.session import BuildSession

        session = BuildSession.open(config, use_cache=not no_cache)
        try:
            result = session.build(config, progress=progress)
        finally:
            session.save()
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
    _echo_uncovered(read.articles, config)


def _echo_uncovered(articles, config: Config) -> None:
    """The scraped categories no `[topics] map` entry covers (when a map is set)."""
    from digest.group.topicmap import uncovered_labels

    if not config.topics.map:
        return
    uncovered = uncovered_labels(articles, config)
    if uncovered:
        click.echo(f"{len(uncovered)} categor{'ies' if len(uncovered) != 1 else 'y'} no "
                   "[topics] map entry covers (they stay topics of their own):")
        for label, count in uncovered:
            click.echo(f"  {label!r}: {count} article{'s' if count != 1 else ''}")


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

    result = compute_site(config)
    data = report_data(result, config)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if as_json else report_text(data))


@main.command("import")
@click.argument("feeds", nargs=-1, metavar="[FEED]...")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              help=SITE_HELP)
@click.option("--since", metavar="DATE", help="Skip items dated before this (e.g. 2025-11-03).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help="At most N items per feed, newest first.")
@click.option("--fetch-pages", is_flag=True, default=None,
              help="Fetch the article page of items that carry only an excerpt and extract "
                   "its main text (same as [import] fetch_pages = true).")
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def import_command(feeds: tuple[str, ...], site: Path, since: str | None, limit: int | None,
                   fetch_pages: bool | None, dry_run: bool, quiet: bool) -> None:
    """Import articles from RSS, Atom or JSON feeds (URLs or files) into content/.

    With no FEED, reads the feeds listed in digest.toml's [import] feeds. Each item
    becomes one markdown file named from its URL; re-running updates only items that
    changed and never overwrites a file edited by hand. A failing feed or page is
    listed with its reason and the others go on; exit status 1 only when every feed
    failed. The only command that uses the network.
    """
    from digest.console import delayed_progress, make_console
    from digest.content.dates import parse_date
    from digest.importer import FeedSource, ImportOptions, configured_feeds, import_feeds
    from digest.importer.summary import print_import_summary

    config = load_config(site, {"import.fetch_pages": fetch_pages})
    configured = {feed.url: feed for feed in configured_feeds(config)}
    named = [f if "://" in f else str(Path(f).resolve()) for f in feeds]
    # A feed named on the command line that digest.toml lists keeps its topic and outlet.
    sources = [configured.get(url, FeedSource(url=url)) for url in named] \
        or list(configured.values())
    if not sources:
        raise ConfigError("no feeds to import", hint="pass FEED URLs or files, or list them in "
                          "digest.toml: [import] feeds = [{url = \"https://...\"}]")
    try:
        start = parse_date(since, config.tz) if since else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    console = make_console(quiet)
    started = time.perf_counter()
    options = ImportOptions(since=start, limit=limit, fetch_pages=config.import_.fetch_pages,
                            dry_run=dry_run)
    with delayed_progress(console, enabled=console.is_terminal) as progress:
        result = import_feeds(config, sources, options, progress=progress)
    print_import_summary(console, result, time.perf_counter() - started)
    if all(feed.failed for feed in result.feeds):
        # Nothing could be read (network down?): fail, so a scheduled build keeps the last site.
        raise click.ClickException("every feed failed; nothing was imported")


@main.command("clean")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              help=SITE_HELP)
def clean_command(site: Path) -> None:
    """Delete what digest wrote: the files of the output folder its manifest lists (any
    other file there stays) and the build cache (only a folder digest made)."""
    from digest.cachedir import CACHE_TAG, made_by_digest
    from digest.write import MARKER, check_output_folder, clean_output

    config = load_config(site)  # refuses a dangerous cache_dir
    output, cache = config.output_path, config.cache_path
    refused: list[str] = []
    if cache.exists() and not made_by_digest(cache):
        refused.append(f"cache folder {cache} was not made by digest (it has no {CACHE_TAG}); "
                       "not removed")
    if (output / MARKER).exists():
        check_output_folder(output, [("site", config.site_dir), ("content", config.content_path)])
        removed, kept = clean_output(output)
        click.echo(f"removed {removed} files digest wrote in {output}")
        for path in kept:
            click.echo(f"  kept {path} (not written by digest)")
    elif output.exists():
        refused.append(f"output folder {output} holds no site written by digest; not removed")
    if cache.is_dir() and made_by_digest(cache):
        shutil.rmtree(cache)
        click.echo(f"removed {cache}")
    if refused:
        raise ConfigError("; ".join(refused), hint="remove it by hand if you are sure")


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
