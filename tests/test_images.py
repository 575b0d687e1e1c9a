"""The images stage: size math, decoding rules, bad input, cache, remote covers, markup."""

from __future__ import annotations

import functools
import http.server
import io
import struct
import threading
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PIL import Image

from conftest import article as article_text, parse_html
from digest.build import build
from digest.config import load_config
from digest.content.model import Article, Cover
from digest.images import process_images, run
from digest.images.plan import (
    cover_crop, draft_request, make_params, cache_key, output_name, variant_widths,
)

# -- helpers ---------------------------------------------------------------------------------


def make_article(site: Path, name: str, path: Path | None = None, url: str | None = None,
                 alt: str = "A cover") -> Article:
    return Article(path=site / "content" / f"{name}.md", rel_path=f"{name}.md", title=name,
                   date=datetime(2025, 11, 10, tzinfo=timezone.utc), slug=name,
                   slug_is_explicit=False, source=None, outlet="Outlet", authors=(),
                   topics=("AI",), story_key=None, tags=(), cover=Cover(path, url, alt),
                   excerpt=None, draft=False, body="Body.", body_line=1)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content" / "images").mkdir(parents=True)
    return tmp_path


def save(site: Path, name: str, image: Image.Image, **kwargs) -> Path:
    path = site / "content" / "images" / name
    image.save(path, **kwargs)
    return path


def write(site: Path, name: str, data: bytes) -> Path:
    path = site / "content" / "images" / name
    path.write_bytes(data)
    return path


def gradient(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    image = Image.linear_gradient("L").resize(size).convert(mode)
    return image


def run_stage(site: Path, *covers: tuple[str, Path | None], **overrides):
    config = load_config(site, overrides)
    articles = [make_article(site, name, path) for name, path in covers]
    return process_images(articles, config), config


def output(result, config, site_path: str) -> Image.Image:
    [item] = [f for f in result.files if f.path == site_path]
    return Image.open(item.copy_of)


def only_warning(result, *words: str) -> str:
    [warning] = result.warnings
    for word in words:
        assert word in warning, warning
    return warning


# -- pure math -------------------------------------------------------------------------------


def test_variant_widths_never_upscale():
    assert variant_widths(2400, (480, 960, 1600)) == (1600, 960, 480)
    assert variant_widths(1200, (480, 960, 1600)) == (1200, 960, 480)
    assert variant_widths(300, (480, 960, 1600)) == (300,)
    assert variant_widths(1, (480, 960, 1600)) == (1,)


def test_cover_crop_is_centred_with_target_ratio():
    assert cover_crop(2400, 1600, (1200, 630)) == (0, 170, 2400, 1430)
    assert cover_crop(20000, 1000, (1200, 630)) == (9047, 0, 10952, 1000)


def test_draft_request_only_when_reduction_is_possible():
    assert draft_request(2400, 1600, 1600, (1200, 630), rotated=False) is None
    assert draft_request(8000, 6000, 1600, (1200, 630), rotated=False) == (1600, 1200)
    assert draft_request(6000, 8000, 1600, (1200, 630), rotated=True) == (1200, 1600)


def test_cache_key_covers_every_parameter():
    base = make_params([480, 960], 80, False, None)
    keys = {cache_key("a" * 64, base), cache_key("b" * 64, base),
            cache_key("a" * 64, make_params([480], 80, False, None)),
            cache_key("a" * 64, make_params([480, 960], 70, False, None)),
            cache_key("a" * 64, make_params([480, 960], 80, True, None))}
    assert len(keys) == 5
    assert output_name("Harbour Bridge!", "0123456789abcdef", 960, "webp") == \
        "images/harbour-bridge-0123456789-960.webp"


# -- good input ------------------------------------------------------------------------------


def test_cover_gets_every_width_format_and_social_card(site):
    path = save(site, "big.jpg", gradient((2400, 1600)), quality=90)
    result, config = run_stage(site, ("a", path))
    cover = result.covers["a.md"]
    assert [(v.width, v.format) for v in cover.variants] == [
        (480, "jpeg"), (480, "webp"), (960, "jpeg"), (960, "webp"), (1600, "jpeg"),
        (1600, "webp")]
    assert (cover.width, cover.height) == (1600, 1067)
    assert cover.src.endswith("-1600.jpg") and cover.src.startswith("images/big-")
    assert cover.modern_formats == ("webp",)
    assert cover.color and cover.color.startswith("#") and len(cover.color) == 7
    for variant in cover.variants:
        with output(result, config, variant.path) as image:
            assert image.size == (variant.width, variant.height)
            assert image.format == {"jpeg": "JPEG", "webp": "WEBP"}[variant.format]
    with output(result, config, cover.social) as card:
        assert card.size == (1200, 630) and card.format == "JPEG"
    assert result.stats.decoded == 1 and not result.warnings


def test_avif_when_enabled_and_supported(site):
    from PIL import features
    if not features.check("avif"):
        pytest.skip("Pillow without AVIF")
    path = save(site, "small.png", gradient((500, 300)))
    result, _ = run_stage(site, ("a", path), **{"images.avif": True, "images.widths": [480]})
    assert result.covers["a.md"].modern_formats == ("avif", "webp")


def test_narrow_source_gives_one_variant_at_its_own_width(site):
    path = save(site, "narrow.png", gradient((300, 200)))
    result, _ = run_stage(site, ("a", path))
    assert {(v.width, v.height) for v in result.covers["a.md"].variants} == {(300, 200)}


def test_one_pixel_image(site):
    path = save(site, "dot.png", Image.new("RGB", (1, 1), (200, 10, 10)))
    result, _ = run_stage(site, ("a", path))
    cover = result.covers["a.md"]
    assert (cover.width, cover.height) == (1, 1) and not result.warnings


def test_huge_panorama(site):
    path = save(site, "pano.jpg", gradient((20000, 1000)), quality=70)
    result, config = run_stage(site, ("a", path))
    cover = result.covers["a.md"]
    assert (cover.width, cover.height) == (1600, 80)
    with output(result, config, cover.social) as card:
        assert card.size == (1200, 630)


def test_cmyk_jpeg_becomes_rgb(site):
    path = save(site, "cmyk.jpg", Image.new("CMYK", (600, 400), (0, 255, 255, 0)))
    result, config = run_stage(site, ("a", path))
    cover = result.covers["a.md"]
    with output(result, config, cover.src) as image:
        assert image.mode == "RGB"
        red, green, blue = image.getpixel((300, 200))
        assert red > 200 and green < 60 and blue < 60


def test_sixteen_bit_png_keeps_its_tones(site):
    image = Image.new("I;16", (600, 100))
    for x in range(600):
        for y in range(0, 100, 10):
            image.putpixel((x, y), x * 100)
    path = save(site, "deep.png", image)
    result, config = run_stage(site, ("a", path))
    with output(result, config, result.covers["a.md"].src) as out:
        left, right = out.getpixel((5, 0)), out.getpixel((470, 0))
        assert left[0] < 60 and right[0] > 120  # scaled, not clipped to white


def test_alpha_is_kept_in_webp_and_white_in_jpeg(site):
    image = Image.new("RGBA", (600, 400), (0, 0, 255, 0))
    image.paste((0, 0, 255, 255), (0, 0, 300, 400))
    path = save(site, "alpha.png", image)
    result, config = run_stage(site, ("a", path))
    cover = result.covers["a.md"]
    webp = next(v for v in cover.variants if v.format == "webp")
    with output(result, config, webp.path) as out:
        assert out.mode == "RGBA" and out.getpixel((out.width - 5, 10))[3] == 0
        assert out.getpixel((5, 10))[3] == 255
    with output(result, config, cover.src) as out:
        assert out.mode == "RGB" and min(out.getpixel((590, 10))) > 245


def test_exif_orientation_is_applied(site):
    image = Image.new("RGB", (400, 200), (255, 0, 0))
    image.paste((0, 0, 255), (0, 100, 400, 200))  # stored: red top, blue bottom
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90° clockwise: top becomes right
    path = save(site, "turned.jpg", image, exif=exif.tobytes())
    result, config = run_stage(site, ("a", path))
    cover = result.covers["a.md"]
    assert (cover.width, cover.height) == (200, 400)
    with output(result, config, cover.src) as out:
        assert out.getpixel((190, 200))[0] > 200 and out.getpixel((10, 200))[2] > 200
        assert 0x0112 not in out.getexif()


def test_gps_and_other_metadata_are_stripped(site):
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 1.0), 3: "E", 4: (4.0, 53.0, 2.0)}
    path = save(site, "gps.jpg", gradient((800, 600)), exif=exif.tobytes())
    assert Image.open(path).getexif().get_ifd(0x8825)
    result, config = run_stage(site, ("a", path))
    for item in result.files:
        data = Path(item.copy_of).read_bytes()
        assert b"Exif" not in data and b"CameraMaker" not in data, item.path
        with Image.open(item.copy_of) as out:
            assert not out.getexif() and "icc_profile" not in out.info


def test_animated_gif_keeps_its_first_frame(site):
    frames = [Image.new("RGB", (500, 300), colour) for colour in ("red", "blue")]
    path = site / "content" / "images" / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    result, config = run_stage(site, ("a", path))
    with output(result, config, result.covers["a.md"].src) as out:
        assert out.getpixel((250, 150))[0] > 200


# -- bad input: a warning naming article and image, no cover, no crash -------------------------


def _refused(site: Path, path: Path, *words: str) -> None:
    result, _ = run_stage(site, ("bad", path), ("good", save(site, "ok.png", gradient((64, 64)))))
    assert "bad.md" not in result.covers and "good.md" in result.covers
    only_warning(result, "bad.md", path.name, "no cover", *words)


def test_truncated_image(site):
    buffer = io.BytesIO()
    gradient((800, 600)).save(buffer, "JPEG")
    _refused(site, write(site, "cut.jpg", buffer.getvalue()[:2000]), "truncated")


def test_file_that_is_not_an_image(site):
    _refused(site, write(site, "text.jpg", b"<html>not an image</html>\n"), "not an image")


def test_zero_byte_file(site):
    _refused(site, write(site, "empty.jpg", b""), "empty")


def test_missing_file(site):
    _refused(site, site / "content" / "images" / "gone.jpg", "missing")


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny valid PNG whose header claims width×height (never decoded: refused first)."""
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = bytearray(data[12:29])
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)


@pytest.mark.parametrize("side", [10_000, 30_000])  # warning range, then error range
def test_image_bomb_is_refused(site, side):
    assert side * side > Image.MAX_IMAGE_PIXELS
    _refused(site, write(site, f"bomb{side}.png", _png_claiming(side, side)),
             "decompression bomb")


# -- cache -----------------------------------------------------------------------------------


def test_unchanged_covers_are_not_decoded_again(site, monkeypatch):
    paths = [save(site, f"c{i}.png", gradient((700, 400 + i))) for i in range(2)]
    first, _ = run_stage(site, ("a", paths[0]), ("b", paths[1]), ("c", paths[0]))
    assert first.stats.decoded == 2  # shared image processed once

    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded a cached cover")
    monkeypatch.setattr(Image, "open", no_decoding)
    second, _ = run_stage(site, ("a", paths[0]), ("b", paths[1]), ("c", paths[0]))
    assert second.stats.decoded == 0 and second.stats.cached == 2
    assert second.covers == first.covers and second.files == first.files


def test_identical_bytes_under_two_names_are_processed_once(site):
    one = save(site, "one.png", gradient((600, 400)))
    two = write(site, "two.png", one.read_bytes())
    result, _ = run_stage(site, ("a", one), ("b", two))
    assert result.stats.decoded == 1
    assert result.covers["a.md"].src == result.covers["b.md"].src
    assert len({f.path for f in result.files}) == len(result.files)


def test_changed_parameters_miss_the_cache(site):
    path = save(site, "p.png", gradient((600, 400)))
    run_stage(site, ("a", path))
    result, _ = run_stage(site, ("a", path), **{"images.quality": 60})
    assert result.stats.decoded == 1


@pytest.mark.parametrize("damage", ["truncate", "alter", "manifest"])
def test_damaged_cache_entry_is_rebuilt(site, damage):
    path = save(site, "d.png", gradient((600, 400)))
    first, config = run_stage(site, ("a", path))
    victim = Path(next(f.copy_of for f in first.files if f.path.endswith(".webp")))
    if damage == "truncate":
        victim.write_bytes(victim.read_bytes()[:10])
    elif damage == "alter":
        data = bytearray(victim.read_bytes())
        data[-5] ^= 0xFF
        victim.write_bytes(bytes(data))
    else:
        (victim.parent / "manifest.json").write_text("{not json")
    second, _ = run_stage(site, ("a", path))
    assert second.stats.decoded == 1 and not second.warnings
    with Image.open(victim) as image:
        image.load()
        assert image.width in (480, 600)


def test_many_covers_use_the_process_pool(site, monkeypatch):
    calls = []
    original = run._run_pool
    monkeypatch.setattr(run, "_run_pool", lambda jobs, n: calls.append(n) or original(jobs, n))
    paths = [save(site, f"p{i}.png", gradient((520, 300 + i))) for i in range(5)]
    paths.append(write(site, "broken.png", b"\x89PNG\r\n\x1a\nbroken"))
    result, _ = run_stage(site, *((f"a{i}", p) for i, p in enumerate(paths)))
    assert calls and result.stats.decoded == 6
    assert len(result.covers) == 5 and len(result.warnings) == 1


# -- remote covers ---------------------------------------------------------------------------


def test_remote_cover_is_linked_when_fetching_is_off(site):
    config = load_config(site)
    art = make_article(site, "r", url="https://images.example/x.jpg")
    result = process_images([art], config)
    cover = result.covers["r.md"]
    assert cover.remote and cover.src == "https://images.example/x.jpg"
    only_warning(result, "r.md", "linked as is", "fetch_remote")


def test_many_remote_covers_give_one_warning(site):
    config = load_config(site)
    arts = [make_article(site, f"r{i}", url=f"https://images.example/{i}.jpg") for i in range(5)]
    result = process_images(arts, config)
    assert all(result.covers[f"r{i}.md"].remote for i in range(5))
    only_warning(result, "r0.md and 4 more", "linked as is")


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    gradient((700, 500)).save(root / "photo.jpg")
    (root / "page.html").write_text("<p>hello</p>")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_remote_cover_is_fetched_once_and_processed(site, server):
    config = load_config(site, {"images.fetch_remote": True})
    art = make_article(site, "r", url=f"{server}/photo.jpg")
    first = process_images([art], config)
    assert first.stats.fetched == 1 and not first.warnings
    cover = first.covers["r.md"]
    assert not cover.remote and cover.src.startswith("images/photo-")
    second = process_images([art], config)
    assert second.stats.fetched == 0 and second.stats.decoded == 0


@pytest.mark.parametrize("name, words", [("page.html", "text/html"),
                                         ("nothing.jpg", "could not be downloaded"),
                                         ("photo.jpg", "larger than")])
def test_failed_download_falls_back_to_the_url(site, server, name, words):
    config = load_config(site, {"images.fetch_remote": True, "images.max_remote_bytes": 
                                100 if name == "photo.jpg" else 10_000_000})
    art = make_article(site, "r", url=f"{server}/{name}")
    result = process_images([art], config)
    assert result.covers["r.md"].remote
    only_warning(result, "r.md", words, "linked as is")


# -- markup ----------------------------------------------------------------------------------


def test_story_page_has_a_responsive_picture(make_site):
    buffer = io.BytesIO()
    gradient((1000, 700)).save(buffer, "JPEG")
    root = make_site({"content/images/c.jpg": buffer.getvalue(),
                      "content/a.md": article("Harbour bridge opens", cover="images/c.jpg",
                                              cover_alt="The bridge at dusk")})
    result = build(load_config(root))
    assert result.written and not [w for w in result.warnings if "cover" in w]
    assert sorted(p.name for p in root.iterdir()) == [".digest-cache", "content", "public"]
    [page] = (root / "public" / "stories").glob("*/index.html")
    doc = parse_html(page)
    source = doc.css_first("figure.digest-cover picture source")
    assert source.attributes["type"] == "image/webp"
    assert "480w" in source.attributes["srcset"] and "1000w" in source.attributes["srcset"]
    img = doc.css_first("figure.digest-cover picture img").attributes
    assert img["alt"] == "The bridge at dusk" and img["loading"] == "eager"
    assert (img["width"], img["height"]) == ("1000", "700") and img["decoding"] == "async"
    assert img["style"].startswith("background-color:#") and img["sizes"]
    for url in [img["src"], *[part.split()[0] for part in img["srcset"].split(", ")]]:
        assert (page.parent / url).resolve().is_file(), url


def article(title: str, **fields) -> str:
    return article_text(title=title, **fields)
