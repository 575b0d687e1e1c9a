"""Decode one cover safely, normalise it, encode every variant into the cache.

Runs in worker processes: `run_job` takes a small picklable `Job` (a path and
the parameters), writes the encoded files straight into the cache folder and
returns only the entry's metadata, so no image bytes cross processes and
memory stays bounded by one image per worker.

Normalisation, in order: first frame only (animated GIF/WebP/APNG keep their
first frame), JPEG draft decoding when every output is at most half the
source size, EXIF orientation applied, colour converted to sRGB (embedded ICC
profile through LittleCMS; CMYK without a profile by Pillow's conversion),
16-bit greyscale scaled to 8 bits, metadata dropped (outputs carry no EXIF,
GPS, XMP or ICC data). Transparency is kept in WebP/AVIF; the JPEG fallback
and the social card are flattened onto white.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from digest.images import cache
from digest.images.plan import (
    EXTENSION, Params, cover_crop, draft_request, hex_colour, scaled_height, social_base,
    variant_widths,
)

_SRGB = ImageCms.createProfile("sRGB")
WEBP_METHOD = 2
"""libwebp effort (0-6): 2 is ~3x faster than the default 4 for ~10 % larger files."""
RESAMPLE = Image.Resampling.BICUBIC
"""Pillow's bicubic filter, widened for downscaling as Pillow does, is as sharp to the eye
as Lanczos at these ratios and ~40 % faster (Hugo's default filter is the softer Box)."""
_SIXTEEN_BIT = ("I;16", "I;16B", "I;16L", "I;16N")


class Refused(Exception):
    """An image that is unreadable or unsafe; the message says why, for the warning."""


@dataclass(frozen=True)
class Job:
    """One image file to process: what a worker process receives."""

    image_path: str
    image_sha256: str
    key: str
    params: Params
    cache_root: str


def run_job(job: Job) -> cache.Entry | str:
    """Process one cover into the cache; the entry, or the reason it was refused."""
    try:
        data = Path(job.image_path).read_bytes()
        if hashlib.sha256(data).hexdigest() != job.image_sha256:
            return "changed while the site was being built"
        image = decode(data, job.params)
        return encode_entry(image, job.params, cache.start_entry(Path(job.cache_root), job.key),
                            job.key)
    except Refused as exc:
        return str(exc)
    except MemoryError:
        return "too large to process (out of memory)"
    except Exception as exc:  # a broken file must never crash the build
        return f"could not be processed ({exc.__class__.__name__}: {exc})"


def decode(data: bytes, params: Params) -> Image.Image:
    """Open, check, decode and normalise an image to an 8-bit sRGB RGB/RGBA image."""
    if not data:
        raise Refused("is an empty file")
    if params.max_pixels is not None:
        Image.MAX_IMAGE_PIXELS = params.max_pixels
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            image.seek(0)
            _use_draft(image, params)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise Refused(f"is refused as a possible decompression bomb ({exc})") from None
        except UnidentifiedImageError:
            raise Refused("is not an image Pillow can read") from None
        except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
            raise Refused(f"is corrupt or truncated ({exc})") from None
    ImageOps.exif_transpose(image, in_place=True)
    return to_srgb(image)


def _use_draft(image: Image.Image, params: Params) -> None:
    if image.format != "JPEG":
        return
    rotated = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    request = draft_request(image.width, image.height, max(params.widths), params.social,
                            rotated)
    if request is not None:
        image.draft(image.mode, request)


def to_srgb(image: Image.Image) -> Image.Image:
    """An 8-bit "RGB" (or "RGBA" when it has transparency) image in sRGB, without metadata."""
    icc = image.info.get("icc_profile")
    if image.mode in _SIXTEEN_BIT:
        image = image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif image.mode in ("I", "F"):
        image = _stretch(image)
    alpha = _has_alpha(image)
    target = "RGBA" if alpha else "RGB"
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L", "LA"):
        image = _apply_icc(image, icc, alpha)
    if image.mode != target:
        image = image.convert(target)
    if alpha and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    image.info = {}
    return image


def _stretch(image: Image.Image) -> Image.Image:
    low, high = image.getextrema()
    scale = 255 / (high - low) if high > low else 1
    return image.convert("F").point(lambda v: (v - low) * scale).convert("L")


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info


def _apply_icc(image: Image.Image, icc: bytes, alpha: bool) -> Image.Image:
    """Convert through the embedded profile to sRGB; an unusable profile is ignored."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(profile).lower().replace(" ", ""):
            return image
        channel = image.getchannel("A") if alpha and "A" in image.getbands() else None
        if image.mode in ("LA", "RGBA"):
            image = image.convert(image.mode[:-1])
        converted = ImageCms.profileToProfile(image, profile, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    if channel is not None:
        converted.putalpha(channel)
    return converted


def flatten(image: Image.Image) -> Image.Image:
    """RGB on a white background (JPEG has no alpha)."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    """Encoded bytes, with no metadata (nothing is passed, and `info` is empty)."""
    out = io.BytesIO()
    if fmt == "jpeg":
        flatten(image).save(out, "JPEG", quality=quality, optimize=True)
    elif fmt == "webp":
        image.save(out, "WEBP", quality=quality, method=WEBP_METHOD)
    else:
        image.save(out, "AVIF", quality=quality)
    return out.getvalue()


def dominant_colour(image: Image.Image) -> str:
    """The most common of a few median-cut colours of a small copy."""
    small = flatten(image).copy()
    small.thumbnail((48, 48))
    quantized = small.quantize(colors=4, method=Image.Quantize.MEDIANCUT)
    count, index = max(quantized.getcolors() or [(1, 0)])
    palette = quantized.getpalette() or [0, 0, 0]
    return hex_colour(tuple(palette[index * 3:index * 3 + 3]))  # type: ignore[arg-type]


def encode_entry(image: Image.Image, params: Params, folder: Path, key: str) -> cache.Entry:
    """Every width (largest first, each resized from the previous one) in every format,
    plus the social card; each file goes to the cache as soon as it is encoded."""
    files: list[cache.EntryFile] = []
    sizes = [(w, scaled_height(image.width, image.height, w))
             for w in variant_widths(image.width, params.widths)]
    base_index = social_base(tuple(sizes), params.social)
    current, social_source = image, image
    for index, size in enumerate(sizes):
        if current.size != size:
            current = current.resize(size, RESAMPLE, reducing_gap=3.0)
        if index == base_index:
            social_source = current
        for fmt in params.formats:
            name = f"{size[0]}.{EXTENSION[fmt]}"
            files.append(cache.store_file(folder, name, fmt, str(size[0]), size,
                                          encode(current, fmt, params.quality)))
    files.append(_social(social_source, params, folder))
    return cache.commit_entry(folder, key, sizes[0], dominant_colour(current), files)


def _social(image: Image.Image, params: Params, folder: Path) -> cache.EntryFile:
    box = cover_crop(image.width, image.height, params.social)
    card = image.resize(params.social, RESAMPLE, box=box, reducing_gap=3.0)
    return cache.store_file(folder, "social.jpg", "jpeg", "social", params.social,
                            encode(card, "jpeg", params.quality))
