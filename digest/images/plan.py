"""Pure size, crop and naming math for cover images: no Pillow, no files.

Everything here is a function of numbers and strings, so the rules (never
upscale, cover crops, draft sizes, cache keys) are testable on their own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from digest.hashing import key_of

CODE_VERSION = 1
"""Bump when the processing code changes its output bytes: it is part of every cache key."""

SOCIAL_SIZE = (1200, 630)
"""Open Graph card size (1.91:1)."""

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}


@dataclass(frozen=True)
class Params:
    """Everything that decides the bytes of a cover's outputs (see `cache_key`)."""

    widths: tuple[int, ...]
    quality: int
    formats: tuple[str, ...]
    """Encodings of each width, modern first; "jpeg" is always last (the fallback)."""
    social: tuple[int, int] = SOCIAL_SIZE
    max_pixels: int | None = None
    """Pillow's decompression-bomb limit, passed to worker processes (not part of the key)."""


def make_params(widths: list[int], quality: int, avif: bool, max_pixels: int | None) -> Params:
    """Params from config values; AVIF only when asked for (and supported: the caller checks)."""
    formats = ("avif", "webp", "jpeg") if avif else ("webp", "jpeg")
    return Params(widths=tuple(sorted(set(widths))), quality=quality, formats=formats,
                  max_pixels=max_pixels)


def cache_key(image_sha256: str, params: Params) -> str:
    """The key (`digest.hashing.key_of`) of the image file's hash and every parameter that
    changes the output; it names the cache entry and the output image files."""
    return key_of("cover", image_sha256, params.widths, params.quality, params.formats,
                  params.social, CODE_VERSION)


def variant_widths(source_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Output widths, largest first: each configured width clamped to the source's width
    (never upscaled). A source narrower than every width gives one variant at its own width;
    one between widths gets its own width as the largest variant."""
    return tuple(sorted({min(w, source_width) for w in widths}, reverse=True))


def scaled_height(width: int, height: int, target_width: int) -> int:
    """Height keeping the aspect ratio at `target_width` (at least 1 px)."""
    return max(1, round(height * target_width / width))


def cover_crop(width: int, height: int, target: tuple[int, int]) -> tuple[int, int, int, int]:
    """Centred box (left, top, right, bottom) of the largest region of a width×height
    image with the aspect ratio of `target`."""
    tw, th = target
    if width * th > height * tw:  # too wide: trim the sides
        crop_w = max(1, round(height * tw / th))
        left = (width - crop_w) // 2
        return (left, 0, left + crop_w, height)
    crop_h = max(1, round(width * th / tw))
    top = (height - crop_h) // 2
    return (0, top, width, top + crop_h)


def draft_request(width: int, height: int, largest: int, social: tuple[int, int],
                  rotated: bool) -> tuple[int, int] | None:
    """Size to ask a JPEG decoder for (`Image.draft`) so that both the largest variant and
    the social crop still have enough pixels; None when no reduction is possible.

    `width`/`height` are as stored in the file; `rotated` is true when EXIF orientation
    swaps them (orientations 5-8), in which case the request is swapped back too."""
    w, h = (height, width) if rotated else (width, height)
    left, top, right, bottom = cover_crop(w, h, social)
    scale = max(largest / w, social[0] / (right - left), social[1] / (bottom - top))
    if scale > 0.5:  # draft only reduces by 1/2, 1/4, 1/8
        return None
    need = (math.ceil(w * scale), math.ceil(h * scale))
    return (need[1], need[0]) if rotated else need


def social_base(variants: tuple[tuple[int, int], ...], social: tuple[int, int]) -> int | None:
    """Index of the smallest variant (sizes largest first) whose cover crop is still at
    least the social size, else None (crop the decoded source)."""
    best = None
    for index, (w, h) in enumerate(variants):
        left, top, right, bottom = cover_crop(w, h, social)
        if right - left >= social[0] and bottom - top >= social[1]:
            best = index
    return best


def safe_stem(stem: str) -> str:
    """A file stem reduced to lowercase ASCII letters, digits and dashes."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return cleaned[:60] or "cover"


def output_name(stem: str, key: str, label: str | int, fmt: str) -> str:
    """Site path of one output: `images/<stem>-<hash10>-<width|social>.<ext>`."""
    return f"images/{safe_stem(stem)}-{key[:10]}-{label}.{EXTENSION[fmt]}"


def hex_colour(rgb: tuple[int, int, int]) -> str:
    """"#rrggbb" of an RGB triple."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)
