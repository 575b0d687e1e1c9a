"""What the images stage hands to templates and to the build summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.files import OutputFile
from digest.images.plan import MIME


@dataclass(frozen=True)
class Variant:
    """One encoded size of a cover."""

    path: str
    """Site path, e.g. "images/harbor-3f2a9c01de-960.webp"."""
    width: int
    height: int
    format: str
    """"avif", "webp" or "jpeg"."""


@dataclass(frozen=True)
class CoverImage:
    """A cover as templates use it (`partials/picture.html`)."""

    src: str
    """Site path of the largest JPEG variant, or the remote URL when `remote` is true."""
    alt: str
    width: int | None = None
    """Size of the largest variant: the img's width/height attributes (no layout shift)."""
    height: int | None = None
    remote: bool = False
    variants: tuple[Variant, ...] = ()
    """Every encoded size and format, smallest first."""
    social: str | None = None
    """Site path of the 1200×630 JPEG crop for Open Graph / Twitter cards."""
    color: str | None = None
    """Dominant colour "#rrggbb", the placeholder shown while the image loads."""
    identity: str = field(default="", compare=False, repr=False)
    """What decides every field above, in short (the processed image's cache key, its
    file stem and the alt text; or the remote URL): what page keys hash."""

    @property
    def modern_formats(self) -> tuple[str, ...]:
        """Formats offered as <source> elements, best first ("avif", then "webp")."""
        return tuple(f for f in ("avif", "webp") if any(v.format == f for v in self.variants))

    def srcset(self, fmt: str) -> tuple[Variant, ...]:
        """The variants of one format, smallest first."""
        return tuple(v for v in self.variants if v.format == fmt)

    @staticmethod
    def mime(fmt: str) -> str:
        return MIME[fmt]


@dataclass(frozen=True)
class ImageStats:
    """Counts for the build summary, benchmarks and tests."""

    decoded: int = 0
    """Source images decoded in this build (0 when every cover came from the cache)."""
    cached: int = 0
    """Source images whose outputs came from the cache."""
    failed: int = 0
    fetched: int = 0
    """Remote covers downloaded in this build."""


@dataclass(frozen=True)
class ImageSet:
    """Covers by article path, the files to write, and warnings for the build summary."""

    covers: dict[str, CoverImage]
    files: tuple[OutputFile, ...]
    warnings: tuple[str, ...] = ()
    stats: ImageStats = field(default_factory=ImageStats)
