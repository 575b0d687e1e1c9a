"""The `images` stage: responsive cover images, cached.

Each local cover is decoded once and written at the configured widths (never
upscaled) as WebP and JPEG (and AVIF with `images.avif` when Pillow supports
it), plus a 1200×630 JPEG social card; see `process` for the normalisation
(orientation, sRGB, metadata stripped, alpha kept in WebP and flattened onto
white in JPEG, first frame of animations). Output names carry the cache key
(`images/<stem>-<hash10>-<width>.webp`), so they can be served `immutable`.

Cache: `<cache>/images/`, keyed by the SHA-256 of the image file's bytes and every
processing parameter (`plan.cache_key`); an unchanged cover is not decoded
again. Entries are checked against their manifest and rebuilt if damaged.

Rules for bad input: an unreadable or unsafe cover (missing, empty, not an
image, corrupt or truncated, over `Image.MAX_IMAGE_PIXELS`) gives a warning
naming the article and the image, and that page shows no cover; the build
still succeeds. A remote cover is linked as is (a plain <img> of the URL,
with a warning) when `images.fetch_remote` is off or the download fails; a
downloaded cover that cannot be decoded follows the local rule. Nothing is
written outside the output folder and `<cache>/images/`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from PIL import Image, features

from digest.config import Config
from digest.content.model import Article
from digest.files import OutputFile
from digest.hashing import key_of
from digest.images.cache import Entry, load_entry
from digest.images.model import CoverImage, ImageSet, ImageStats, Variant
from digest.images.plan import Params, cache_key, make_params, output_name
from digest.images.process import Job
from digest.images.remote import FetchError, cached_download
from digest.images.run import run_jobs

__all__ = ["CoverImage", "ImageSet", "ImageStats", "Variant", "process_images"]


@dataclass(frozen=True)
class _CoverFile:
    """A local file to process for one article's cover."""

    article: Article
    path: Path
    stem: str
    label: str
    """How warnings name the image."""


def process_images(articles: Sequence[Article], config: Config) -> ImageSet:
    """Prepare every article's cover; each distinct image is processed once however many
    articles share it. Never raises for a bad image: see the module's rules."""
    params = _params(config)
    root = config.cache_path / "images"
    warnings: list[str] = []
    covers: dict[str, CoverImage] = {}
    cover_files, fetched = _resolve(articles, config, root, covers, warnings)
    keys = _keys(cover_files, params, warnings)
    entries: dict[str, Entry | str] = {}
    jobs: dict[str, Job] = {}
    for cover_file in cover_files:
        sha256, key = keys.get(cover_file.path, ("", ""))
        if not key or key in entries or key in jobs:
            continue
        entry = load_entry(root, key)
        if entry is not None:
            entries[key] = entry
        else:
            jobs[key] = Job(str(cover_file.path), sha256, key, params, str(root))
    cached = len(entries)
    entries.update(run_jobs(list(jobs.values())))
    files = _attach(cover_files, keys, entries, covers, warnings)
    failed = sum(1 for e in entries.values() if isinstance(e, str))
    stats = ImageStats(decoded=len(jobs), cached=cached, failed=failed, fetched=fetched)
    return ImageSet(covers=dict(sorted(covers.items())), files=tuple(files),
                    warnings=tuple(warnings), stats=stats)


def _params(config: Config) -> Params:
    avif = config.images.avif and features.check("avif")
    return make_params(config.images.widths, config.images.quality, bool(avif),
                       Image.MAX_IMAGE_PIXELS)


def _resolve(articles: Sequence[Article], config: Config, root: Path,
             covers: dict[str, CoverImage],
             warnings: list[str]) -> tuple[list[_CoverFile], int]:
    """Local cover files to process; remote covers are downloaded (if allowed) or linked."""
    cover_files: list[_CoverFile] = []
    linked: list[str] = []
    fetched = 0
    for article in sorted(articles, key=lambda a: a.rel_path):
        cover = article.cover
        if cover is None:
            continue
        if cover.path is not None:
            cover_files.append(_CoverFile(article, cover.path, cover.path.stem,
                                   _label(cover.path, config.content_path)))
            continue
        if cover.url is None:
            continue
        if not config.images.fetch_remote:
            covers[article.rel_path] = _remote(cover.url, cover.alt)
            linked.append(article.rel_path)
            continue
        try:
            path, now = cached_download(cover.url, root / "remote",
                                        config.images.max_remote_bytes)
        except FetchError as exc:
            covers[article.rel_path] = _remote(cover.url, cover.alt)
            warnings.append(f"{article.rel_path}: remote cover {cover.url} {exc}; "
                            "linked as is")
            continue
        fetched += now
        stem = PurePosixPath(urlsplit(cover.url).path).stem or "remote"
        cover_files.append(_CoverFile(article, path, stem, cover.url))
    if linked:
        # One line, not one per article: scraped feeds have thousands of remote covers.
        others = f" and {len(linked) - 1} more" if len(linked) > 1 else ""
        warnings.append(f"remote cover of {linked[0]}{others} linked as is "
                        "(set images.fetch_remote = true to download and resize them)")
    return cover_files, fetched


def _label(path: Path, content: Path) -> str:
    try:
        return path.relative_to(content).as_posix()
    except ValueError:
        return path.name


def _sha256(path: Path) -> str | None:
    """The SHA-256 of a cover file's bytes; None when it cannot be read. It stays SHA-256
    rather than `digest.hashing.bytes_hash`: it is part of `cache_key`, which names the
    output image files, so another hash would rename every published image and miss the
    whole image cache; `process.run_job` checks the file against it before encoding."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _keys(cover_files: list[_CoverFile], params: Params,
          warnings: list[str]) -> dict[Path, tuple[str, str]]:
    """(SHA-256, cache key) of every readable cover file (each file read once)."""
    keys: dict[Path, tuple[str, str]] = {}
    for cover_file in cover_files:
        if cover_file.path in keys:
            continue
        sha256 = _sha256(cover_file.path)
        if sha256 is None:
            warnings.append(f"{cover_file.article.rel_path}: cover {cover_file.label} is "
                            "missing or unreadable; the page shows no cover")
            continue
        keys[cover_file.path] = (sha256, cache_key(sha256, params))
    return keys


def _attach(cover_files: list[_CoverFile], keys: dict[Path, tuple[str, str]],
            entries: dict[str, Entry | str], covers: dict[str, CoverImage],
            warnings: list[str]) -> list[OutputFile]:
    """CoverImages for the articles and the output files (each key's files once)."""
    files: dict[str, OutputFile] = {}
    stems: dict[str, str] = {}
    for cover_file in cover_files:
        if cover_file.path not in keys:
            continue
        key = keys[cover_file.path][1]
        entry = entries[key]
        if isinstance(entry, str):
            warnings.append(f"{cover_file.article.rel_path}: cover {cover_file.label} {entry}; "
                            "the page shows no cover")
            continue
        stem = stems.setdefault(key, cover_file.stem)
        cover = _cover(entry, stem, cover_file.article.cover.alt)  # type: ignore[union-attr]
        covers[cover_file.article.rel_path] = cover
        for item in entry.files:
            path = output_name(stem, key, item.label, item.format)
            # the entry's checked sha256: the manifest then records content, not file stamps
            files.setdefault(path, OutputFile(path=path, copy_of=entry.path(item),
                                              data_hash=f"sha256:{item.sha256}"))
    return list(files.values())


def _cover(entry: Entry, stem: str, alt: str) -> CoverImage:
    variants = tuple(sorted(
        (Variant(output_name(stem, entry.key, f.label, f.format), f.width, f.height, f.format)
         for f in entry.files if f.label != "social"),
        key=lambda v: (v.width, v.format)))
    largest_jpeg = max((v for v in variants if v.format == "jpeg"), key=lambda v: v.width)
    social = output_name(stem, entry.key, "social", "jpeg")
    return CoverImage(src=largest_jpeg.path, alt=alt, width=entry.width, height=entry.height,
                      variants=variants, social=social, color=entry.color,
                      identity=key_of("local", entry.key, stem, alt))


def _remote(url: str, alt: str) -> CoverImage:
    return CoverImage(src=url, alt=alt, remote=True, identity=key_of("remote", url, alt))
