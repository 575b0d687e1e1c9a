"""The `images` stage: cover images ready for pages.

This first version copies each local cover as it is, under a content-hashed
name (so it can be served `immutable`), and reads its size for the
`width`/`height` attributes. Remote covers stay remote. The responsive
resizing pipeline replaces the inside of `process_images`, not its interface.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from digest.config import Config
from digest.content.model import Article
from digest.files import OutputFile


@dataclass(frozen=True)
class CoverImage:
    """A cover as templates use it."""

    src: str
    """Site path of the image file, or the remote URL when `remote` is true."""
    alt: str
    width: int | None = None
    height: int | None = None
    remote: bool = False


@dataclass(frozen=True)
class ImageSet:
    """Covers by article path, the files to write, and warnings for the build summary."""

    covers: dict[str, CoverImage]
    files: tuple[OutputFile, ...]
    warnings: tuple[str, ...] = ()


def process_images(articles: Sequence[Article], config: Config) -> ImageSet:
    """Prepare every article's cover; each source file is handled once however many
    articles share it. A file that is not a readable image gives a warning and no cover."""
    covers: dict[str, CoverImage] = {}
    done: dict[Path, tuple[str, int, int] | None] = {}
    files: list[OutputFile] = []
    warnings: list[str] = []
    for article in sorted(articles, key=lambda a: a.rel_path):
        cover = article.cover
        if cover is None:
            continue
        if cover.url:
            covers[article.rel_path] = CoverImage(src=cover.url, alt=cover.alt, remote=True)
            continue
        assert cover.path is not None
        if cover.path not in done:
            done[cover.path] = _copy_cover(cover.path, files, warnings, article)
        result = done[cover.path]
        if result is not None:
            src, width, height = result
            covers[article.rel_path] = CoverImage(src=src, alt=cover.alt, width=width,
                                                  height=height)
    return ImageSet(covers=covers, files=tuple(files), warnings=tuple(warnings))


def _copy_cover(path: Path, files: list[OutputFile], warnings: list[str],
                article: Article) -> tuple[str, int, int] | None:
    data = path.read_bytes()
    try:
        with Image.open(path) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        warnings.append(f"{article.rel_path}: cover {path.name} is not a readable image "
                        f"({exc.__class__.__name__}); shown without a cover")
        return None
    digest = hashlib.sha256(data).hexdigest()[:10]
    site_path = f"images/{path.stem}.{digest}{path.suffix.lower()}"
    files.append(OutputFile(path=site_path, data=data))
    return site_path, width, height
