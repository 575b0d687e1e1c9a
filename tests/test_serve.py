"""`digest serve`: the real watcher, build loop and server on a scratch site, and a real
headless Chromium for the live-reload behaviour."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browser import CHROMIUM, chromium
from conftest import REPO, article

from digest.build import build
from digest.config import load_config
from digest.serve import Preview, is_loopback, rebuild
from digest.serve.changes import ChangeQueue, plan_for
from digest.serve.server import page_file, resolve_request

BARRIER = ("The Marrow Bay council approved a 40 million dollar storm barrier on Tuesday. "
           "The vote was 7 to 2. Construction starts in March 2026, the council said.")
BARRIER_2 = ("Fishers in Marrow Bay say the approved storm barrier will cut them off from the "
             "open sea. The council voted 7 to 2 for the 40 million dollar project.")
GLACIER = ("Surveyors found that the Kessing glacier lost 38 metres of ice in one year. "
           "The retreat is the fastest on record, the survey team said on Friday.")
MODEL = ("Halvorsen Labs released its Skerry weather model to researchers on Monday. "
         "The 12 billion parameter model is free for non-commercial use, the lab said.")
MODEL_2 = ("Meteorologists welcomed Halvorsen's Skerry model, released on Monday. "
           "They said the free 12 billion parameter model could sharpen local forecasts.")


def source(title, date, outlet, story, topic, body):
    url = f"https://{outlet.lower().replace(' ', '')}.example/{story}"
    return article(title, date=date, body=body, outlet=outlet, story=story, topic=topic,
                   source=url)


SITE = {
    "digest.toml": 'title = "Serve Test"\ntheme = "theme"\n[group]\nauto_cluster = false\n',
    "content/climate/barrier-1.md": source("Marrow Bay approves storm barrier", "2025-11-06",
                                           "Meridian Ledger", "barrier", "Climate", BARRIER),
    "content/climate/barrier-2.md": source("Fishers fear the Marrow Bay barrier", "2025-11-07",
                                           "Coastal Post", "barrier", "Climate", BARRIER_2),
    "content/climate/glacier.md": source("Kessing glacier retreats 38 metres", "2025-11-12",
                                         "Alpine Times", "glacier", "Climate", GLACIER),
    "content/ai/model-1.md": source("Halvorsen opens its Skerry model", "2025-11-03",
                                    "Meridian Ledger", "model", "AI", MODEL),
    "content/ai/model-2.md": source("Forecasters welcome Skerry", "2025-11-04",
                                    "Weather Wire", "model", "AI", MODEL_2),
}


@pytest.fixture
def site(make_site):
    root = make_site(SITE)
    # A private copy of the theme: other work on the repo's theme must not trigger rebuilds.
    shutil.copytree(REPO / "themes" / "default", root / "theme")
    return root


@pytest.fixture
def preview(site):
    lines: list[str] = []
    running = Preview(load_config(site), port=0, echo=lines.append)
    first = running.start()
    assert not first.errors, lines
    running.lines = lines
    try:
        yield running
    finally:
        running.stop()


def wait_for(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    while not (result := predicate()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)
    return result


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def story_path(output: Path, text: str) -> str:
    """The URL path of the story page whose HTML contains `text`."""
    for page in sorted(output.glob("stories/*/index.html")):
        if text in page.read_text(encoding="utf-8"):
            return f"/{page.parent.relative_to(output).as_posix()}/"
    raise AssertionError(f"no story page contains {text!r}")


def built_after(preview, build: int):
    """Wait for a rebuild after `build` that is not provisional (not followed by the build
    that ends it); return its state."""
    def not_provisional():
        state = preview.hub.state
        return state if state.build > build and not state.provisional else None
    return wait_for(not_provisional, what=f"a build after {build}")


def raw_get(preview, target: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*preview.server.server_address[:2], timeout=10)
    connection.request("GET", target)
    response = connection.getresponse()
    return response.status, response.read()


# --- the server ------------------------------------------------------------------------


def test_paths_outside_the_output_are_refused(preview, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    output = preview.builder.config.output_path
    (output / "leak.txt").symlink_to(secret)
    (output / "leakdir").symlink_to(tmp_path, target_is_directory=True)
    for target in ["/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt",
                   "/%2E%2E/%2e%2e/etc/passwd", "/..%2fsecret.txt", "/stories/..%2f..%2fsecret.txt",
                   "//etc/passwd", "/etc/passwd", f"/{secret}", "/leak.txt", "/leakdir/secret.txt",
                   "/.digest-build", "/a%00b"]:
        status, body = raw_get(preview, target)
        assert status in (403, 404), target
        assert b"TOP SECRET" not in body and b"root:" not in body, target
    assert resolve_request(output, "/leak.txt").status == 403


def test_folders_serve_index_and_missing_files_the_site_404(preview):
    output = preview.builder.config.output_path
    story = story_path(output, "Kessing")
    assert fetch(preview.url)[0] == 200
    status, _ = raw_get(preview, story.rstrip("/"))
    assert status == 301
    assert fetch(preview.url + story.lstrip("/"))[0] == 200
    status, body = fetch(preview.url + "no/such/page/")
    assert status == 404 and "Page not found" in body and "__digest__/livereload.js" in body


def test_reload_script_is_only_in_served_html(preview):
    output = preview.builder.config.output_path
    _, body = fetch(preview.url)
    assert re.search(r'<script id="__digest_livereload"[^>]*></script>\s*</body>', body)
    assert "__digest__" not in (output / "index.html").read_text(encoding="utf-8")
    css = output / "assets" / "style.css"  # the preview keeps asset names stable
    status, served = raw_get(preview, f"/assets/{css.name}")
    assert status == 200 and served == css.read_bytes()
    assert fetch(preview.url + "__digest__/livereload.js")[1].startswith("// digest serve")
    assert not [p for p in output.rglob("*") if p.is_file() and b"__digest__" in p.read_bytes()]


def test_fifty_concurrent_loads_during_rebuilds(preview, site):
    output = preview.builder.config.output_path
    urls = [preview.url, preview.url + "topics/", preview.url + story_path(output, "Kessing")[1:],
            preview.url + story_path(output, "Skerry")[1:]]
    stop = threading.Event()

    def edit_repeatedly():
        target = site / "content" / "ai" / "model-1.md"
        for n in range(6):
            if stop.is_set():
                return
            before = preview.hub.state.build
            target.write_text(target.read_text() + f"\nEdit {n}.\n")
            built_after(preview, before)

    editor = threading.Thread(target=edit_repeatedly)
    editor.start()
    try:
        with ThreadPoolExecutor(max_workers=50) as pool:
            results = list(pool.map(fetch, [urls[i % len(urls)] for i in range(300)]))
    finally:
        stop.set()
        editor.join()
    assert all(status == 200 and "</html>" in body for status, body in results)


# --- the watcher and the build loop ------------------------------------------------------


def test_change_queue_turns_a_burst_into_one_batch():
    changes = ChangeQueue(quiet=0.1)
    writer = threading.Thread(target=lambda: [changes.note(f"/c/{n}.md") for n in range(1000)])
    writer.start()
    batch = changes.next_batch()
    writer.join()
    assert len(batch) == 1000
    changes.close()
    assert changes.next_batch() is None


def test_watch_plan_ignores_swap_files_output_and_cache(site):
    config = load_config(site)
    plan = plan_for(config)
    content, out = config.content_path, config.output_path
    for path in [content / "a.md.swp", content / "a.md~", content / ".#a.md", content / "4913",
                 content / "a.tmp", content / ".git" / "HEAD", out / "index.html",
                 config.cache_path / "x", site / ".public.staging-42" / "index.html",
                 site / ".public.old-42", site / "README.md"]:
        assert not plan.wants(path), path
    for path in [content / "ai" / "a.md", content / "images" / "c.jpg", site / "digest.toml",
                 site / "theme" / "templates" / "base.html", site / "theme" / "static" / "x.css",
                 site / "templates" / "story.html", site / "static" / "extra.css"]:
        assert plan.wants(path), path


def test_a_thousand_file_writes_cause_one_rebuild(preview, site):
    before = preview.builder.builds_run
    bulk = site / "content" / "bulk"
    bulk.mkdir()
    for n in range(1000):
        (bulk / f"note-{n:04}.txt").write_text(f"note {n}\n")
    wait_for(lambda: preview.builder.builds_run > before, what="the rebuild")
    time.sleep(0.5)  # five quiet periods: no second rebuild may follow
    assert preview.builder.builds_run == before + 1


def test_swap_files_and_output_writes_do_not_rebuild(preview, site):
    before = preview.builder.builds_run
    content = site / "content" / "ai"
    for name in ["model-1.md.swp", "model-1.md~", ".#model-1.md", "4913", "x.tmp"]:
        (content / name).write_text("junk")
    (preview.builder.config.output_path / "extra.html").write_text("x")
    (site / "README.md").write_text("notes")
    time.sleep(0.5)
    assert preview.builder.builds_run == before
    # An editor's atomic save: write a temporary file, rename it over the article.
    (content / "model-1.md.tmp").write_text(SITE["content/ai/model-1.md"] + "\nMore.\n")
    os.replace(content / "model-1.md.tmp", content / "model-1.md")
    wait_for(lambda: preview.builder.builds_run == before + 1, what="the rebuild")
    time.sleep(0.5)
    assert preview.builder.builds_run == before + 1


def test_build_errors_are_published_and_the_last_site_kept(preview, site):
    output = preview.builder.config.output_path
    page = preview.url + story_path(output, "Skerry")[1:]
    good = fetch(page)[1]
    target = site / "content" / "ai" / "model-1.md"
    state = preview.hub.state
    target.write_text("---\ntitle: [broken\ndate: 2025-11-03\n---\nBody.\n")
    failed = built_after(preview, state.build)
    [error] = failed.errors
    assert error.file == "content/ai/model-1.md" and error.line == 2
    assert failed.site_build == state.site_build
    assert fetch(page) == (200, good)
    assert "content/ai/model-1.md:2" in preview.lines[-1]
    with urllib.request.urlopen(preview.url + "__digest__/events", timeout=10) as stream:
        event = next(json.loads(line[5:]) for line in stream if line.startswith(b"data:"))
    assert event["error"][0]["line"] == 2 and event["error"][0]["file"] == error.file
    target.write_text(SITE["content/ai/model-1.md"])
    fixed = built_after(preview, failed.build)
    assert not fixed.errors and fixed.site_build == fixed.build


def test_css_changes_are_css_only_and_digest_toml_is_reloaded(preview, site):
    css = site / "theme" / "static" / "style.css"
    state, builds = preview.hub.state, preview.builder.builds_run
    css.write_text(css.read_text() + "\nbody { outline: 1px solid red; }\n")
    assert built_after(preview, state.build).css_only
    assert preview.builder.builds_run == builds  # copied in place, no build
    assert "outline: 1px solid red" in fetch(preview.url + "assets/style.css")[1]
    state = preview.hub.state
    (site / "digest.toml").write_text(SITE["digest.toml"].replace("Serve Test", "Renamed"))
    reloaded = built_after(preview, state.build)
    assert not reloaded.css_only and "Renamed" in fetch(preview.url)[1]


def test_incremental_rebuilds_equal_a_full_build(preview, site, tmp_path):
    """After edits, a move, a new article, a deletion and a template change, the served
    site is byte for byte what a cold build of the final state writes."""
    edits = [
        lambda: (site / "content/ai/model-2.md").write_text(
            SITE["content/ai/model-2.md"].replace("sharpen", "improve")),
        lambda: (site / "content/climate/glacier.md").write_text(
            SITE["content/climate/glacier.md"].replace("story: 'glacier'", "story: 'barrier'")),
        lambda: (site / "content/ai/model-3.md").write_text(source(
            "Skerry tops a forecast benchmark", "2025-11-05", "Data Desk", "model", "AI",
            MODEL_2.replace("welcomed", "tested"))),
        lambda: (site / "content/climate/barrier-2.md").unlink(),
        lambda: (site / "theme/templates/story.html").write_text(
            (site / "theme/templates/story.html").read_text().replace("<h1", "<h1 title=x", 1)),
    ]
    for edit in edits:
        state = preview.hub.state
        edit()
        assert not built_after(preview, state.build).errors, preview.lines
    config = preview.builder.config
    cold = tmp_path / "cold"
    build(load_config(site, {"output_dir": str(cold), "drafts": True, "future": True,
                             "hash_assets": False}))
    served = config.output_path
    assert tree(served) == tree(cold)


def test_a_text_edit_shows_its_story_page_first_then_the_site_then_the_grouping(
        preview, site, tmp_path):
    """A text edit publishes its story page alone (`edited_stories_first`), then the whole
    site on the stories as they were, then the site grouped again: nothing moves, every publish
    shows the story page a cold build writes, and the site ends equal to a cold build."""
    output = preview.builder.config.output_path
    front = (output / "index.html").read_bytes()
    states = []

    def publish(state, publish=preview.hub.publish):
        page = output / story_path(output, "refine").strip("/") / "index.html"
        states.append((state, page.read_bytes(), (output / "index.html").read_bytes()))
        publish(state)

    preview.hub.publish = publish
    state = preview.hub.state
    (site / "content/ai/model-2.md").write_text(
        SITE["content/ai/model-2.md"].replace("sharpen", "refine"))
    built_after(preview, state.build)
    (quick, quick_page, quick_front), (first, first_page, _), (second, second_page, _) = states
    assert quick.provisional and quick.site_build == quick.build
    assert quick_front == front  # the story page alone was written first
    assert first.provisional and first.site_build == first.build == quick.build + 1
    assert not second.provisional and second.site_build == first.site_build  # nothing moved
    assert quick_page == first_page == second_page
    cold = tmp_path / "cold"
    build(load_config(site, {"output_dir": str(cold), "drafts": True, "future": True,
                             "hash_assets": False}))
    assert tree(preview.builder.config.output_path) == tree(cold)


def test_a_template_edit_writes_the_open_pages_first(preview, site, tmp_path):
    """A page open in a browser (its event stream names it) is built and published before
    the rest of the site; the site then ends equal to a cold build."""
    output = preview.builder.config.output_path
    model, glacier = story_path(output, "Skerry"), story_path(output, "Kessing")
    states = []

    def publish(state, publish=preview.hub.publish):
        pages = [(output / path.strip("/") / "index.html").read_text() for path in
                 (model, glacier)]
        states.append((state, pages))
        publish(state)

    stream = urllib.request.urlopen(f"{preview.url}__digest__/events?page={model}", timeout=20)
    try:
        stream.readline()  # connected: the page counts as open
        wait_for(lambda: f"{model.strip('/')}/index.html" in preview.hub.open_pages(),
                 what="the page to count as open")
        preview.hub.publish = publish
        state = preview.hub.state
        template = site / "theme" / "templates" / "story.html"
        template.write_text(template.read_text().replace("<h1", "<h1 data-edited", 1))
        built_after(preview, state.build)
    finally:
        stream.close()
    (first, (first_model, first_glacier)), (last, (last_model, last_glacier)) = states
    assert first.provisional and "data-edited" in first_model and "data-edited" not in first_glacier
    assert not last.provisional and "data-edited" in last_model and "data-edited" in last_glacier
    cold = tmp_path / "cold"
    build(load_config(site, {"output_dir": str(cold), "drafts": True, "future": True,
                             "hash_assets": False}))
    assert tree(output) == tree(cold)


def test_event_streams_name_their_page(preview):
    assert page_file("/__digest__/events?page=%2Fstories%2Fx%2F") == "stories/x/index.html"
    assert page_file("/__digest__/events") == "index.html"
    assert page_file("/__digest__/events?page=/a/../../404.html") == "a/404.html"
    with preview.hub.page_open("a/index.html"), preview.hub.page_open("a/index.html"):
        assert preview.hub.open_pages() == {"a/index.html"}
    assert preview.hub.open_pages() == frozenset()


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_large_site_is_first_built_in_a_child_process(site, monkeypatch, tmp_path):
    """The server's own first build then only loads what the child saved in the cache."""
    apart = []
    monkeypatch.setattr(rebuild, "BUILD_APART_FROM", 1)
    monkeypatch.setattr(rebuild, "build_apart",
                        lambda config, real=rebuild.build_apart: apart.append(config) or real(config))
    lines: list[str] = []
    running = Preview(load_config(site), port=0, echo=lines.append)
    try:
        assert not running.start().errors, lines
        cache = running.builder.session.cache
        assert len(apart) == 1 and cache.hits > 0 and cache.misses == 0
        cold = tmp_path / "cold"
        build(load_config(site, {"output_dir": str(cold), "drafts": True, "future": True,
                                 "hash_assets": False}))
        assert tree(running.builder.config.output_path) == tree(cold)
    finally:
        running.stop()


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_command_serves_and_stops_cleanly_on_ctrl_c(site):
    """A clean exit 0 without a traceback, the port released. Ctrl-C is sent once the
    first build is served; the bounds are generous because a loaded 2-core machine may
    still be finishing a build (stopping waits for it, by design). The server is started
    with SIGINT ignored, as a shell starts a command in the background (and as the test
    runner is when it runs so): `digest serve` must still stop on it."""
    command = [sys.executable, "-m", "digest", "serve", "--site", str(site), "--port", "0"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        lines = iter(process.stdout.readline, "")
        url = wait_for(lambda: re.search(r"Serving (\S+)", next(lines)), timeout=180).group(1)
        assert fetch(url)[0] == 200
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=180)[0]
    finally:
        process.kill() if process.poll() is None else None
    assert process.returncode == 0 and "Traceback" not in rest
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    with socket.socket() as again:  # released: a new server can listen on it at once
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as digest serve does
        again.bind(("127.0.0.1", port))
        again.listen()


def test_requests_during_the_first_build_wait_instead_of_404(site):
    """Item 10 (issue 14): `/` answered 404 while the first build ran."""
    lines: list[str] = []
    running = Preview(load_config(site), port=0, echo=lines.append)
    starter = threading.Thread(target=running.start)
    starter.start()
    try:
        wait_for(lambda: running.server is not None, what="the server to bind")
        assert running.hub.state.build == 0  # the first build is still running
        status, body = fetch(running.url)
        assert status in (200, 503), status
        assert "Skerry" in body if status == 200 else "Building the site" in body
    finally:
        starter.join()
        running.stop()


@pytest.mark.parametrize("host, allowed", [
    ("localhost:{port}", True), ("127.0.0.1:{port}", True), ("[::1]:{port}", True),
    ("192.168.1.7:{port}", True), ("evil.example:{port}", False),
    ("localhost.evil.example", False), ("127.0.0.1.nip.io:{port}", False)])
def test_only_local_names_and_addresses_are_answered(preview, host, allowed):
    """Item 10: any Host was answered, so a DNS-rebinding page could read the drafts."""
    port = preview.server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.putrequest("GET", "/", skip_host=True)
    connection.putheader("Host", host.format(port=port))
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert (response.status == 200) == allowed, (response.status, body[:80])
    if not allowed:
        assert response.status == 403


def test_a_failed_build_names_the_build_whose_site_is_served(preview, site):
    """Item 10: after a grouping build that changed nothing, a failure named the build
    before it ("still serving build N" must name the last build the terminal showed)."""
    state = preview.hub.state
    (site / "content/ai/model-2.md").write_text(
        SITE["content/ai/model-2.md"].replace("sharpen", "refine"))
    final = wait_for(lambda: (s := preview.hub.state).build > state.build + 1
                     and not s.provisional and s)
    last = int(re.search(r"build (\d+):", [line for line in preview.lines
                                            if " failed" not in line][-1]).group(1))
    assert last == final.build
    (site / "content/ai/model-2.md").write_text("---\ntitle: [broken\n---\nBody.\n")
    built_after(preview, final.build)
    assert f"still serving build {last}" in preview.lines[-1]


# --- in the browser ----------------------------------------------------------------------

browser_test = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def open_story(page, preview, text: str):
    page.goto(preview.url + story_path(preview.builder.config.output_path, text)[1:])
    page.evaluate("window.__marker = 42")


@browser_test
@pytest.mark.browser
def test_editing_an_article_patches_the_open_page_in_place(preview, site, page):
    open_story(page, preview, "Skerry")
    target = site / "content" / "ai" / "model-1.md"
    target.write_text(SITE["content/ai/model-1.md"].replace("on Monday", "on Monday at dawn"))
    # textContent: a source's text sits in a closed <details>, which innerText leaves out
    page.wait_for_function("() => document.body.textContent.includes('at dawn')", timeout=20000)
    assert page.evaluate("window.__marker") == 42


@browser_test
@pytest.mark.browser
def test_a_broken_article_shows_an_overlay_until_fixed(preview, site, page):
    open_story(page, preview, "Skerry")
    target = site / "content" / "ai" / "model-2.md"
    target.write_text("---\ntitle: [broken\ndate: 2025-11-04\n---\nBody.\n")
    overlay = page.locator("#__digest_overlay")
    overlay.wait_for(timeout=20000)
    assert "content/ai/model-2.md:2" in overlay.inner_text()
    target.write_text(SITE["content/ai/model-2.md"].replace("local forecasts", "rain forecasts"))
    overlay.wait_for(state="detached", timeout=20000)
    page.wait_for_function("() => document.body.textContent.includes('rain forecasts')")
    assert page.evaluate("window.__marker") == 42


@browser_test
@pytest.mark.browser
def test_a_css_change_swaps_the_stylesheet_without_reloading(preview, site, page):
    open_story(page, preview, "Skerry")
    old = page.get_attribute('link[rel="stylesheet"]', "href")
    css = site / "theme" / "static" / "style.css"
    css.write_text(css.read_text() + "\nbody { border-top: 7px solid rgb(1, 2, 3); }\n")
    page.wait_for_function("""(old) => { const links = document.querySelectorAll('link[rel="stylesheet"]');
        return links.length === 1 && links[0].getAttribute('href') !== old; }""", arg=old,
                           timeout=20000)
    page.wait_for_function("() => getComputedStyle(document.body).borderTopWidth === '7px'")
    assert page.evaluate("window.__marker") == 42


@browser_test
@pytest.mark.browser
def test_a_new_source_article_grows_the_sources_list(preview, site, page):
    open_story(page, preview, "Marrow Bay")
    assert page.locator("ol.digest-sources > li").count() == 2
    (site / "content" / "climate" / "barrier-3.md").write_text(source(
        "Barrier vote splits Marrow Bay", "2025-11-08", "Harbour Herald", "barrier", "Climate",
        "The Marrow Bay storm barrier vote split the town. The council approved it 7 to 2."))
    page.wait_for_function("() => document.querySelectorAll('ol.digest-sources > li').length === 3",
                           timeout=20000)
    assert page.evaluate("window.__marker") == 42


@browser_test
@pytest.mark.browser
def test_deleting_a_storys_last_article_lands_on_its_topic_page(preview, site, page):
    open_story(page, preview, "Kessing")
    topic = page.evaluate("document.querySelector('.digest-kicker a').href")
    (site / "content" / "climate" / "glacier.md").unlink()
    page.wait_for_url(topic, timeout=20000)
    assert "Marrow Bay" in page.inner_text("main")
