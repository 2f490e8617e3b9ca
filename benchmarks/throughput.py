"""Throughput benchmark: docclean against the hand-rolled reference, in one invocation.

Usage (from the repository root, in the venv, with the ``bench`` extra)::

    python -m benchmarks.throughput                  # 20,000 text docs + 300 HTML pages
    python -m benchmarks.throughput --quick          # 500 text docs + 30 pages, smoke run
    python -m benchmarks.throughput --docs 200000 --html-docs 0 --json out.json

Every system runs in its own fresh subprocess over the same corpus, so peak
memory figures never mix and import costs stay out of the timings (each child
times only its work, after imports):

- ``io``: the I/O floor, read every file and write ``{"id", "text"}`` JSONL,
- ``reference``: :mod:`benchmarks.reference` (ftfy + full-text langdetect + MinHashLSH),
- ``docclean-wN``: ``pipeline.run.run`` with ``N`` workers (1 and all cores by default),
- ``trafilatura``: ``trafilatura.extract`` per HTML page, with docclean's extraction options,
- ``docclean-html-wN``: docclean over the same HTML pages.

Ratios are against figures from the same invocation (these machines are noisy):
text systems against ``reference`` docs/s (higher is better), HTML systems as
``docclean time / trafilatura time`` (lower is better; the issue asks ≤ 1.3).

Language agreement: the share of documents (present in both outputs) where
docclean's ``language`` equals the reference's label, which is seeded
langdetect on the whole ftfy-fixed text of the same document.

Per-stage profile: the run summary's stage timings when ``pipeline.run``
exposes them (``summary.to_dict()["timings"]``), and always a cProfile of a
one-worker, in-process run over a prefix of the corpus, aggregated by pipeline
stage (cumulative time of each stage entry point) and by package (own time).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_DATA, index_path

REPO = Path(__file__).resolve().parent.parent

STAGE_ENTRY_POINTS: dict[str, tuple[str, str]] = {
    "read": ("pipeline/readers.py", "read_shard"),
    "extract": ("pipeline/extract.py", "extract"),
    "repair": ("pipeline/repair.py", "repair"),
    "segment": ("pipeline/segment.py", "segment"),
    "boilerplate": ("pipeline/boilerplate/", "detect"),
    "language": ("pipeline/language.py", "detect"),
    "signature": ("pipeline/dedup/", "compute_signature"),
    "template_keys": ("pipeline/templates.py", "line_keys"),
    "dedup_decide": ("pipeline/dedup/", "decide"),
    "templates_decide": ("pipeline/templates.py", "decide"),
    "assemble": ("pipeline/assemble.py", "assemble"),
    "write_outputs": ("pipeline/run.py", "_write_outputs"),
    "finish": ("pipeline/run.py", "finish"),
}
"""Stage name -> (path fragment, function): the stage's time is that function's cumulative time."""


# --------------------------------------------------------------------------------------------
# child side: run one system, measure it
# --------------------------------------------------------------------------------------------


_HAS_PSS = os.path.exists("/proc/self/smaps_rollup")
"""Linux reports PSS cheaply (smaps_rollup); elsewhere only RSS is summed."""


class RssSampler:
    """Samples the summed RSS of a process (default: this one) and all its descendants (psutil),
    and, where Linux reports it, their summed PSS.

    The benchmark samples each measured child from its parent process: a sampling thread
    inside the measured process would take the GIL from the work it measures (~10 % of a
    one-worker run's CPU at a 50 ms interval). ``peak`` sums RSS, which counts a page that
    forked workers share with their parent once per process. With ``pss``, ``peak_pss`` sums
    the proportional set size (a shared page split between its sharers), the memory the
    process tree really holds (0 where unavailable). Reading PSS makes the kernel walk the
    measured processes' page tables; no slowdown showed in an A/B test (docclean, 5,000
    documents), but only the memory benchmark needs it, so only it asks.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.2, pss: bool = False) -> None:
        self.pid = pid
        self.interval = interval
        self.pss = pss and _HAS_PSS
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> tuple[int, int]:
        import psutil

        me = psutil.Process(self.pid)
        rss = pss = 0
        for proc in (me, *me.children(recursive=True)):
            with contextlib.suppress(psutil.Error):
                rss += proc.memory_info().rss
                pss += int(getattr(proc.memory_full_info(), "pss", 0)) if self.pss else 0
        return int(rss), pss

    def _loop(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(Exception):  # a process vanished mid-sample; next tick will do
                rss, pss = self._sample()
                self.peak = max(self.peak, rss)
                self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _count_input(root: Path, suffix: str) -> tuple[int, int]:
    files = sorted(root.rglob(f"*{suffix}"))
    return len(files), sum(f.stat().st_size for f in files)


def _io_floor(inp: Path, out: Path) -> dict[str, Any]:
    """Read every .txt file and write one JSONL line per file."""
    from benchmarks.corpus import iter_inputs

    n = 0
    with (out / "io.jsonl").open("w", encoding="utf-8") as fh:
        for doc_id, text in iter_inputs(inp):
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            n += 1
    return {"docs_out": n}


def _reference(inp: Path, out: Path) -> dict[str, Any]:
    from benchmarks.reference import iter_inputs, run

    return run(iter_inputs(inp), out / "documents.jsonl")


def _trafilatura(inp: Path, out: Path) -> dict[str, Any]:
    """``trafilatura.extract`` per page, with the options docclean's ExtractConfig defaults name."""
    import trafilatura

    from pipeline.config import ExtractConfig

    cfg = ExtractConfig()
    extracted = 0
    with (out / "trafilatura.jsonl").open("w", encoding="utf-8") as fh:
        for path in sorted(inp.rglob("*.html")):
            text = trafilatura.extract(
                path.read_bytes(),
                include_comments=cfg.include_comments,
                include_tables=cfg.include_tables,
                with_metadata=True,
                favor_precision=cfg.favor == "precision",
                favor_recall=cfg.favor == "recall",
            )
            extracted += text is not None
            fh.write(json.dumps({"id": path.stem, "text": text}, ensure_ascii=False) + "\n")
    return {"docs_out": extracted}


def _docclean(workers: int) -> Callable[[Path, Path], dict[str, Any]]:
    def go(inp: Path, out: Path) -> dict[str, Any]:
        from pipeline.config import Config
        from pipeline.run import run

        summary = run([inp], out / "docclean", Config.from_mapping({"run": {"workers": workers}}))
        info: dict[str, Any] = {}
        to_dict = getattr(summary, "to_dict", None)
        if callable(to_dict):
            info["summary"] = to_dict()
        return info

    return go


def _index_stats(output: Path) -> dict[str, int]:
    """Passages and in-memory bytes of the dedup index a docclean run left in its state store."""
    from pipeline.run import default_state_dir
    from pipeline.state import State

    with State.open(default_state_dir(output), readonly=True) as st:
        index = st.load_dedup_index()
        return {"passages": len(index), "documents": len(index.doc_ids), "memory_bytes": index.memory_bytes()}


def child_main(system: str, inp: Path, out: Path, workers: int, result: Path) -> None:
    """Run ``system`` once, in this (fresh) process, and write its measurements to ``result``."""
    suffix = ".html" if system in ("trafilatura", "docclean-html") else ".txt"
    fn: Callable[[Path, Path], dict[str, Any]]
    if system == "io":
        fn = _io_floor
    elif system == "reference":
        fn = _reference
    elif system == "trafilatura":
        fn = _trafilatura
    elif system in ("docclean", "docclean-html"):
        fn = _docclean(workers)
    else:
        raise SystemExit(f"unknown system {system}")
    # Imports first, so the timing is the work only.
    if system == "reference":
        import benchmarks.reference  # noqa: F401
    elif system == "trafilatura":
        import trafilatura  # noqa: F401
    elif system.startswith("docclean"):
        import pipeline.run  # noqa: F401
    docs, nbytes = _count_input(inp, suffix)
    out.mkdir(parents=True, exist_ok=True)
    cpu0 = os.times()
    start = time.perf_counter()
    info = fn(inp, out)
    seconds = time.perf_counter() - start
    cpu1 = os.times()
    self_ru = resource.getrusage(resource.RUSAGE_SELF)
    kids_ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    record = {
        "system": system,
        "workers": workers,
        "docs": docs,
        "bytes": nbytes,
        "seconds": seconds,
        "cpu_seconds": (cpu1.user - cpu0.user)
        + (cpu1.system - cpu0.system)
        + (cpu1.children_user - cpu0.children_user)
        + (cpu1.children_system - cpu0.children_system),
        "peak_rss_main": self_ru.ru_maxrss * 1024,
        "peak_rss_worker": kids_ru.ru_maxrss * 1024,
        "peak_rss_total": self_ru.ru_maxrss * 1024,  # the parent adds its sampled sum
        **info,
    }
    if system.startswith("docclean"):  # after the RSS readings: loading the index costs memory too
        record["index"] = _index_stats(out / "docclean")
    result.write_text(json.dumps(record, ensure_ascii=False, default=str), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# profile: cProfile of a one-worker in-process run, aggregated by stage and by package
# --------------------------------------------------------------------------------------------


def _run_in_process(inp: Path, out: Path) -> None:
    """plan -> clean_shard per shard -> finish, all in this process (falls back to run())."""
    from pipeline import run as prun
    from pipeline.config import Config

    cfg = Config.from_mapping({"run": {"workers": 1}})
    plan_fn = getattr(prun, "plan", None)
    if callable(plan_fn) and hasattr(prun, "clean_shard") and hasattr(prun, "finish"):
        plan = plan_fn([inp], out, cfg)
        shards = getattr(plan, "shards", None)
        n = len(shards) if shards is not None else 0
        results = [prun.clean_shard(plan, i) for i in range(n)]
        prun.finish(plan, results)
    else:
        prun.run([inp], out, cfg)


def _package_of(filename: str) -> str:
    path = filename.replace("\\", "/")
    if "/pipeline/" in path:
        rel = path.rsplit("/pipeline/", 1)[1]
        return "pipeline." + rel.removesuffix(".py").replace("/__init__", "").replace("/", ".")
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path.startswith("<") or path == "~":
        return "builtins"
    return "stdlib"


def profile_main(inp: Path, out: Path, result: Path) -> None:
    """Child: cProfile one in-process run; write stage and package shares to ``result``."""
    import pipeline.run  # noqa: F401  (imports outside the profile)

    profiler = cProfile.Profile()
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    profiler.enable()
    _run_in_process(inp, out / "docclean")
    profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in raw.values()) or 1.0
    stages: dict[str, float] = {}
    packages: dict[str, float] = {}
    functions: list[tuple[float, str]] = []
    for (filename, line, func), (_cc, _nc, tt, ct, callers) in raw.items():
        pkg = _package_of(filename)
        if pkg == "builtins" and callers:
            # C functions (re.search, str methods...) count for the package that calls them
            for (c_file, _c_line, _c_func), c_stats in callers.items():
                c_pkg = _package_of(c_file)
                packages[c_pkg] = packages.get(c_pkg, 0.0) + c_stats[2]
        else:
            packages[pkg] = packages.get(pkg, 0.0) + tt
        functions.append((tt, f"{pkg}:{func}:{line}"))
        for stage, (fragment, name) in STAGE_ENTRY_POINTS.items():
            if func == name and fragment in filename.replace("\\", "/"):
                # max, not sum: a re-exported wrapper and the function it calls both match
                stages[stage] = max(stages.get(stage, 0.0), ct)
    functions.sort(reverse=True)
    record = {
        "wall_seconds": wall,
        "profiled_seconds": total,
        "stages": {k: {"seconds": v, "share": v / total} for k, v in stages.items()},
        "packages": {
            k: {"seconds": v, "share": v / total}
            for k, v in sorted(packages.items(), key=lambda kv: -kv[1])
            if v / total >= 0.005
        },
        "top_functions": [{"own_seconds": tt, "function": f} for tt, f in functions[:15]],
    }
    result.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# parent side
# --------------------------------------------------------------------------------------------


@dataclass
class Bench:
    """Results of one invocation."""

    meta: dict[str, Any]
    runs: list[dict[str, Any]] = field(default_factory=list)
    profile: dict[str, Any] | None = None
    agreement: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)
    """Every timed run of every round (``runs`` then holds each system's median run)."""


def _spawn(
    args: list[str], label: str, bench: Bench, timeout: float | None, pss: bool = False
) -> tuple[int, int] | None:
    """Run a child; its peak summed RSS and (with ``pss``) PSS, sampled from here; None when it failed."""
    cmd = [sys.executable, "-m", "benchmarks.throughput", *args]
    print(f"  running {label} ...", flush=True)
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with RssSampler(proc.pid, pss=pss) as sampler:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            bench.errors.append(f"{label}: timed out after {timeout} s")
            print(f"  {label}: TIMEOUT", flush=True)
            return None
    if proc.returncode != 0:
        tail = (stderr or stdout).strip().splitlines()[-8:]
        bench.errors.append(f"{label}: exit {proc.returncode}: " + " | ".join(tail))
        print(f"  {label}: FAILED\n    " + "\n    ".join(tail), flush=True)
        return None
    return sampler.peak, sampler.peak_pss


def run_system(
    bench: Bench,
    system: str,
    inp: Path,
    work: Path,
    workers: int = 1,
    timeout: float | None = None,
    pss: bool = False,
) -> dict[str, Any] | None:
    """Run one system in a fresh subprocess; append and return its record (``pss``: :class:`RssSampler`)."""
    label = f"{system}-w{workers}" if system.startswith("docclean") else system
    out = work / "out" / label
    if out.exists():
        shutil.rmtree(out)
    result = work / f"{label}.result.json"
    args = ["--child", system, "--input", str(inp), "--output", str(out)]
    args += ["--workers", str(workers), "--result", str(result)]
    peaks = _spawn(args, label, bench, timeout, pss)
    if peaks is None:
        return None
    record: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    record["peak_rss_total"] = max(peaks[0], record.get("peak_rss_total", 0))
    record["peak_pss_total"] = peaks[1]
    record["label"] = label
    record["output"] = str(out)
    bench.runs.append(record)
    print(f"  {label}: {record['docs'] / record['seconds']:.1f} docs/s", flush=True)
    return record


_SPIN = (
    "import re, sys\n"
    "d, w = {}, re.compile(r'\\w+')\n"
    "for i in range(int(sys.argv[1])):\n"
    "    k = str(i % 997)\n"
    "    d[k] = d.get(k, 0) + len(w.findall(k + ' x'))\n"
)
"""A pure-Python loop (dict, str, a regex): the kind of work docclean's stages do."""


def machine_scaling(loops: int = 1_500_000) -> float:
    """How much two busy processes get done on this machine against one: ``2 * t1 / t2``, where
    ``t1`` is the wall time of one copy of :data:`_SPIN` alone and ``t2`` of two copies at once.

    2.0 on two free cores; less where the cores are shared (virtual CPUs, another tenant) or
    slow each other down (shared caches). It bounds what two workers can gain over one.
    """
    cmd = [sys.executable, "-c", _SPIN, str(loops)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True)
    alone = time.perf_counter() - t
    t = time.perf_counter()
    procs = [subprocess.Popen(cmd) for _ in range(2)]
    for proc in procs:
        if proc.wait() != 0:
            raise RuntimeError("the scaling probe failed")
    both = time.perf_counter() - t
    return 2 * alone / both


def _languages(path: Path) -> dict[str, str]:
    langs: dict[str, str] = {}
    if not path.exists():
        return langs
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            langs[str(rec["id"])] = str(rec.get("language"))
    return langs


def _docclean_documents(out: Path) -> Path:
    for name in ("documents.jsonl", "documents.jsonl.gz"):
        hits = sorted(out.rglob(name))
        if hits:
            return hits[0]
    return out / "documents.jsonl"


def _sources(index: Path | None) -> dict[str, str]:
    """Document id -> corpus source (``bbc``, ``reuters``, ``gnad``) from the corpus index."""
    out: dict[str, str] = {}
    if index is None or not index.exists():
        return out
    with index.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[str(row["file"]).rsplit(".", 1)[0]] = str(row["source"])
    return out


def language_agreement(reference_out: Path, docclean_out: Path, index: Path | None = None) -> dict[str, Any]:
    """Share of common documents where docclean's language equals the reference's (also per source)."""
    ref = _languages(reference_out / "documents.jsonl")
    dc = _languages(_docclean_documents(docclean_out))
    common = sorted(set(ref) & set(dc))
    agree = sum(ref[i] == dc[i] for i in common)
    source_of = _sources(index)
    per_source: dict[str, list[int]] = {}
    for i in common:
        counts = per_source.setdefault(source_of.get(i, "?"), [0, 0])
        counts[0] += ref[i] == dc[i]
        counts[1] += 1
    disagreements: dict[str, int] = {}
    for i in common:
        if ref[i] != dc[i]:
            key = f"{ref[i]}->{dc[i]}"
            disagreements[key] = disagreements.get(key, 0) + 1
    return {
        "documents_reference": len(ref),
        "documents_docclean": len(dc),
        "documents_compared": len(common),
        "agreement": agree / len(common) if common else None,
        "by_source": {k: {"agreement": a / n, "documents": n} for k, (a, n) in sorted(per_source.items())},
        "disagreements": dict(sorted(disagreements.items(), key=lambda kv: -kv[1])[:10]),
    }


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f}"


def _git_state() -> str:
    """HEAD and the number of uncommitted pipeline files (the code measured may be in flux)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "pipeline"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}" + (f" + {len(dirty)} uncommitted pipeline files" if dirty else "")


def _build(out: Path, n: int, data: Path, html: bool = False) -> dict[str, Any]:
    """Build a corpus with ``python -m benchmarks.corpus`` in a subprocess; return its counts."""
    cmd = [sys.executable, "-m", "benchmarks.corpus", str(out), "--docs", str(n), "--data", str(data)]
    if html:
        cmd.append("--html")
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=True)
    counts: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return counts


def _rows(bench: Bench) -> Iterator[list[str]]:
    ref = next((r for r in bench.runs if r["label"] == "reference"), None)
    tra = next((r for r in bench.runs if r["label"] == "trafilatura"), None)
    for r in bench.runs:
        dps = r["docs"] / r["seconds"]
        ratio = ""
        if r["system"] in ("io", "reference", "docclean") and ref is not None:
            cpu = (r["docs"] / max(r["cpu_seconds"], 1e-9)) / (ref["docs"] / max(ref["cpu_seconds"], 1e-9))
            ratio = f"{dps / (ref['docs'] / ref['seconds']):.2f}× ref docs/s ({cpu:.2f}× per CPU-s)"
        elif r["system"] == "docclean-html" and tra is not None:
            cpu = r["cpu_seconds"] / max(tra["cpu_seconds"], 1e-9)
            ratio = f"{r['seconds'] / tra['seconds']:.2f}× trafilatura time ({cpu:.2f}× CPU)"
        elif r["system"] == "trafilatura":
            ratio = "1.00× trafilatura time"
        yield [
            r["label"],
            str(r["docs"]),
            f"{r['seconds']:.2f}",
            f"{dps:.1f}",
            f"{r['bytes'] / 1e6 / r['seconds']:.3f}",
            f"{r['cpu_seconds']:.1f}",
            f"{r['docs'] / max(r['cpu_seconds'], 1e-9):.1f}",
            _mb(r["peak_rss_total"]),
            _mb(r["peak_rss_main"]),
            _mb(r["peak_rss_worker"]),
            ratio,
        ]


HEADER = [
    "system",
    "docs",
    "seconds",
    "docs/s",
    "MB/s",
    "CPU s",
    "docs/CPU-s",
    "peak RSS MB (sum)",
    "main MB",
    "max worker MB",
    "ratio",
]


def median_runs(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per label (in first-seen order), the run with the median time (the lower one of two).

    >>> rs = [{"label": "a", "seconds": s} for s in (3.0, 1.0, 2.0)] + [{"label": "b", "seconds": 5.0}]
    >>> [(r["label"], r["seconds"]) for r in median_runs(rs)]
    [('a', 2.0), ('b', 5.0)]
    """
    by_label: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_label.setdefault(r["label"], []).append(r)
    out = []
    for runs in by_label.values():
        ordered = sorted(runs, key=lambda r: r["seconds"])
        out.append(ordered[(len(ordered) - 1) // 2])
    return out


def round_ratios(records: list[dict[str, Any]]) -> dict[str, list[float]]:
    """Per docclean label, its ratio in each round against that round's own reference:
    docs/s over the reference's docs/s (plain text), time over trafilatura's time (HTML).

    >>> rs = [{"label": "reference", "system": "reference", "round": 0, "docs": 10, "seconds": 10.0},
    ...       {"label": "docclean-w1", "system": "docclean", "round": 0, "docs": 10, "seconds": 4.0},
    ...       {"label": "trafilatura", "system": "trafilatura", "round": 0, "docs": 3, "seconds": 2.0},
    ...       {"label": "docclean-html-w1", "system": "docclean-html", "round": 0, "docs": 3, "seconds": 2.5}]
    >>> round_ratios(rs)
    {'docclean-w1': [2.5], 'docclean-html-w1': [1.25]}
    """
    base: dict[tuple[str, int], dict[str, Any]] = {
        (r["system"], r.get("round", 0)): r for r in records if r["system"] in ("reference", "trafilatura")
    }
    out: dict[str, list[float]] = {}
    for r in records:
        k = r.get("round", 0)
        if r["system"] == "docclean" and ("reference", k) in base:
            ref = base[("reference", k)]
            out.setdefault(r["label"], []).append((r["docs"] / r["seconds"]) / (ref["docs"] / ref["seconds"]))
        elif r["system"] == "docclean-html" and ("trafilatura", k) in base:
            out.setdefault(r["label"], []).append(r["seconds"] / base[("trafilatura", k)]["seconds"])
    return out


def render(bench: Bench) -> str:
    """A Markdown report: throughput table, stage timings, profile, agreement."""
    lines = [f"command: `{bench.meta['command']}`", ""]
    lines.append(f"machine: {bench.meta['machine']}; code: {bench.meta.get('git', '?')}")
    lines.append(f"corpus: {json.dumps(bench.meta.get('corpus', {}))}")
    lines.append("")
    lines.append("| " + " | ".join(HEADER) + " |")
    lines.append("|" + "---|" * len(HEADER))
    for row in _rows(bench):
        lines.append("| " + " | ".join(row) + " |")
    n_rounds = len({r.get("round", 0) for r in bench.rounds})
    if n_rounds > 1:
        lines.append(
            f"\n{n_rounds} rounds (order reversed in every other round); the table shows each system's "
            "median run. Ratios per round, against the same round's reference:"
        )
        for label, ratios in round_ratios(bench.rounds).items():
            lines.append(f"  {label}: " + ", ".join(f"{x:.2f}×" for x in ratios))
    scaling = bench.meta.get("scaling")
    if scaling:
        lines.append(
            "\nmachine scaling before each round (two copies of a pure-Python loop at once against one "
            "alone; 2.00× on two free cores, the most two workers can gain over one): "
            + ", ".join(f"{x:.2f}×" for x in scaling)
        )
    for r in bench.runs:
        timings = (r.get("summary") or {}).get("timings")
        if isinstance(timings, dict) and timings:
            total = sum(float(v) for v in timings.values()) or 1.0
            parts = ", ".join(
                f"{k} {float(v):.1f}s ({float(v) / total:.0%})"
                for k, v in sorted(timings.items(), key=lambda kv: -float(kv[1]))
            )
            lines.append(f"\nstage timings {r['label']} (summary): {parts}")
    if bench.agreement:
        a = bench.agreement
        share = "n/a" if a["agreement"] is None else f"{a['agreement']:.2%}"
        lines.append(
            f"\nlanguage agreement with full-text seeded langdetect: {share} of "
            f"{a['documents_compared']} documents; disagreements {a['disagreements']}"
        )
        by_source = a.get("by_source") or {}
        if by_source:
            lines.append(
                "  by source: "
                + ", ".join(f"{k} {v['agreement']:.2%} of {v['documents']}" for k, v in by_source.items())
            )
    if bench.profile:
        p = bench.profile
        lines.append(
            f"\nprofile ({p.get('docs', '?')} docs, 1 worker in-process, cProfile; "
            f"wall {p['wall_seconds']:.1f}s):"
        )
        stages = sorted(p["stages"].items(), key=lambda kv: -kv[1]["seconds"])
        lines.append("  by stage (cumulative): " + ", ".join(f"{k} {v['share']:.0%}" for k, v in stages))
        lines.append(
            "  by package (own time): " + ", ".join(f"{k} {v['share']:.0%}" for k, v in p["packages"].items())
        )
        lines.append("  top functions (own time):")
        for f in p["top_functions"][:10]:
            lines.append(f"    {f['own_seconds']:.2f}s {f['function']}")
    for err in bench.errors:
        lines.append(f"\nERROR {err}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse flags, build corpora, run every system, print (and optionally save) the report."""
    parser = argparse.ArgumentParser(description="docclean throughput benchmark (issue 5)")
    parser.add_argument("--docs", type=int, default=None, help="plain-text documents (default 20000)")
    parser.add_argument("--html-docs", type=int, default=None, help="HTML pages (default 300, 0 = skip)")
    parser.add_argument(
        "--workers", type=int, nargs="*", default=None, help="docclean worker counts (default: 1 and all)"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write all results as JSON here")
    parser.add_argument("--quick", action="store_true", help="smoke run: 500 docs, 30 pages")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora and outputs go (kept)")
    parser.add_argument("--profile-docs", type=int, default=2000, help="docs for the cProfile run (0 = skip)")
    parser.add_argument(
        "--skip", nargs="*", default=[], help="systems to skip: io reference docclean html scaling profile"
    )
    parser.add_argument("--timeout", type=float, default=None, help="per-system timeout in seconds")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the timed systems this many times, interleaved; report medians and per-round ratios",
    )
    # child mode
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        assert args.input and args.output and args.result
        if args.child == "profile":
            profile_main(args.input, args.output, args.result)
        else:
            child_main(args.child, args.input, args.output, (args.workers or [1])[0], args.result)
        return 0

    n_docs = args.docs if args.docs is not None else (500 if args.quick else 20_000)
    n_html = args.html_docs if args.html_docs is not None else (30 if args.quick else 300)
    cores = os.cpu_count() or 1
    worker_counts = args.workers or sorted({1, cores})
    work = args.workdir or Path(tempfile.mkdtemp(prefix="docclean-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    command = "python -m benchmarks.throughput " + " ".join(sys.argv[1:] if argv is None else argv)
    bench = Bench(
        meta={
            "command": command.strip(),
            "machine": f"{platform.platform()}, {cores} cores, Python {platform.python_version()}",
            "workdir": str(work),
            "git": _git_state(),
        }
    )
    print(f"building corpora in {work} ...", flush=True)
    corpus: dict[str, Any] = {}
    text_dir = work / "corpus" / "text"
    html_dir = work / "corpus" / "html"
    for d in (text_dir, html_dir):
        if d.exists():
            shutil.rmtree(d)
    # Corpora are built in a subprocess so this parent stays small: a child's ru_maxrss
    # starts from its parent's RSS at fork time.
    if n_docs > 0:
        corpus["text"] = _build(text_dir, n_docs, args.data)
    if n_html > 0:
        corpus["html"] = _build(html_dir, n_html, args.data, html=True)
    bench.meta["corpus"] = corpus

    skip = set(args.skip)
    agreement_dirs: tuple[Path, Path] | None = None
    if n_docs > 0 and "io" not in skip:
        run_system(bench, "io", text_dir, work, timeout=args.timeout)
    text_systems: list[tuple[str, int]] = []
    if n_docs > 0:
        if "reference" not in skip:
            text_systems.append(("reference", 1))
        if "docclean" not in skip:
            text_systems += [("docclean", w) for w in worker_counts]
    html_systems: list[tuple[str, int]] = []
    if n_html > 0 and "html" not in skip:
        html_systems = [("trafilatura", 1)] + [("docclean-html", w) for w in worker_counts]
    untimed = list(bench.runs)
    bench.runs.clear()
    for k in range(max(1, args.rounds)):
        if args.rounds > 1:
            print(f"round {k + 1} of {args.rounds}", flush=True)
        if text_systems and len(worker_counts) > 1 and "scaling" not in skip:
            bench.meta.setdefault("scaling", []).append(round(machine_scaling(), 3))
            print(f"  machine scaling: {bench.meta['scaling'][-1]:.2f}×", flush=True)
        for systems, inp in ((text_systems, text_dir), (html_systems, html_dir)):
            for system, w in systems if k % 2 == 0 else systems[::-1]:
                rec = run_system(bench, system, inp, work, w, timeout=args.timeout)
                if rec is not None:
                    rec["round"] = k
    bench.rounds = list(bench.runs)
    bench.runs[:] = untimed + median_runs(bench.rounds)
    if n_docs > 0 and args.profile_docs > 0 and "profile" not in skip:
        n_prof = min(args.profile_docs, n_docs)
        prof_dir = work / "corpus" / "profile"
        if prof_dir.exists():
            shutil.rmtree(prof_dir)
        _build(prof_dir, n_prof, args.data)
        out = work / "out" / "profile"
        if out.exists():
            shutil.rmtree(out)
        result = work / "profile.result.json"
        cmd = ["--child", "profile", "--input", str(prof_dir), "--output", str(out)]
        if _spawn([*cmd, "--result", str(result)], "profile", bench, args.timeout) is not None:
            bench.profile = json.loads(result.read_text(encoding="utf-8"))
            bench.profile["docs"] = n_prof
    ref = next((r for r in bench.runs if r["label"] == "reference"), None)
    first = next((r for r in bench.runs if r["system"] == "docclean"), None)
    if ref is not None and first is not None:  # the outputs of the last round (the same bytes each round)
        agreement_dirs = (Path(ref["output"]), Path(first["output"]))

    if agreement_dirs is not None:  # read outputs only now: the parent must stay small
        bench.agreement = language_agreement(*agreement_dirs, index=index_path(text_dir))
    report = render(bench)
    print()
    print(report)
    if args.json is not None:
        payload = {
            "meta": bench.meta,
            "runs": bench.runs,
            "agreement": bench.agreement,
            "profile": bench.profile,
            "errors": bench.errors,
            "rounds": bench.rounds,
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return 1 if bench.errors else 0


if __name__ == "__main__":
    sys.exit(main())
