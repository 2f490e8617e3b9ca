"""Peak memory against corpus size: does anything but the dedup index grow with the corpus?

Issue 5 asks that peak RSS on 20,000 and on 200,000 documents differ only by the dedup
index (at most 150 bytes per indexed sentence). This runs docclean (in a fresh
subprocess per size, as ``benchmarks.throughput`` does) over corpora of each size from
``benchmarks.corpus`` (beyond the 22,296 real documents: synthetic variants, labelled as
such in the corpus index) and reports, per size, peak RSS of the driver, of the largest
worker and of all processes together (summed RSS, and summed PSS where Linux reports it:
RSS counts a page a forked worker shares with the driver once per process, PSS splits it
between them), and the size of the dedup index the run left in its
state store (passages and in-memory bytes, ``DedupIndex.memory_bytes``). Between two sizes
it reports how much each RSS grew, per added indexed passage, and what is left once the
index's own growth is subtracted.

    .venv/bin/python -m benchmarks.memory                      # 20,000 and 200,000 docs, all cores
    .venv/bin/python -m benchmarks.memory --sizes 2000 20000 --workers 1   # quick

Results: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_DATA
from benchmarks.throughput import Bench, _build, _git_state, run_system

BUDGET = 150
"""Bytes of RSS growth allowed per added indexed passage (the issue's index budget)."""


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f}"


def compare(small: dict[str, Any], large: dict[str, Any]) -> dict[str, Any]:
    """Growth from ``small`` to ``large``: per RSS figure, bytes per added passage, and net of the index.

    >>> s = {"docs": 10, "peak_rss_main": 1000, "peak_rss_worker": 500, "peak_rss_total": 2000,
    ...      "index": {"passages": 10, "memory_bytes": 900}}
    >>> l = {"docs": 110, "peak_rss_main": 11000, "peak_rss_worker": 500, "peak_rss_total": 12000,
    ...      "index": {"passages": 110, "memory_bytes": 9900}}
    >>> c = compare(s, l)
    >>> c["added_passages"], c["main"]["per_passage"], c["main"]["net_of_index_per_doc"]
    (100, 100.0, 10.0)
    >>> c["worker"]["growth"]
    0
    """
    added = large["index"]["passages"] - small["index"]["passages"]
    added_docs = large["docs"] - small["docs"]
    index_growth = large["index"]["memory_bytes"] - small["index"]["memory_bytes"]
    out: dict[str, Any] = {
        "added_docs": added_docs,
        "added_passages": added,
        "index_growth": index_growth,
        "index_per_passage": index_growth / added if added else 0.0,
    }
    figures = [("main", "peak_rss_main"), ("worker", "peak_rss_worker"), ("total", "peak_rss_total")]
    if small.get("peak_pss_total") and large.get("peak_pss_total"):
        figures.append(("total_pss", "peak_pss_total"))
    for name, key in figures:
        growth = large[key] - small[key]
        out[name] = {
            "growth": growth,
            "per_passage": growth / added if added else 0.0,
            "net_of_index_per_doc": (growth - index_growth) / added_docs if added_docs else 0.0,
        }
    return out


def render(runs: list[dict[str, Any]], comparisons: list[dict[str, Any]]) -> str:
    """A Markdown report of the runs and the growth between consecutive sizes."""
    lines = [
        "| docs | workers | seconds | docs/s | indexed passages | index MB "
        "| peak RSS MB: driver | max worker | all | all, PSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        pss = _mb(r["peak_pss_total"]) if r.get("peak_pss_total") else "n/a"
        lines.append(
            f"| {r['docs']} | {r['workers']} | {r['seconds']:.1f} | {r['docs'] / r['seconds']:.1f} | "
            f"{r['index']['passages']} | {_mb(r['index']['memory_bytes'])} | {_mb(r['peak_rss_main'])} | "
            f"{_mb(r['peak_rss_worker'])} | {_mb(r['peak_rss_total'])} | {pss} |"
        )
    for c in comparisons:
        lines.append("")
        lines.append(
            f"growth over {c['added_docs']} more documents, {c['added_passages']} more indexed passages: "
            f"index {_mb(c['index_growth'])} MB ({c['index_per_passage']:.0f} B/passage)"
        )
        for name in ("main", "worker", "total", "total_pss"):
            if name not in c:
                continue
            g = c[name]
            lines.append(
                f"- {name}: {_mb(g['growth'])} MB = {g['per_passage']:.0f} B per added passage "
                f"(budget {BUDGET}); net of the index {g['net_of_index_per_doc']:.0f} B per added document"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, run docclean over each, print (and optionally save) the comparison."""
    parser = argparse.ArgumentParser(description="docclean peak memory against corpus size (issue 5)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, default=None, help="corpora and outputs (kept)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--timeout", type=float, default=None, help="per-run timeout in seconds")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="docclean-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    bench = Bench(
        meta={
            "command": "python -m benchmarks.memory " + " ".join(argv or sys.argv[1:]),
            "git": _git_state(),
            "workdir": str(work),
        }
    )
    runs: list[dict[str, Any]] = []
    for n in sorted(args.sizes):
        corpus = work / "corpus" / f"text-{n}"
        if corpus.exists():
            shutil.rmtree(corpus)
        print(f"building {n} documents in {corpus} ...", flush=True)
        _build(corpus, n, args.data)
        rec = run_system(
            bench, "docclean", corpus, work / f"size-{n}", args.workers, timeout=args.timeout, pss=True
        )
        shutil.rmtree(corpus, ignore_errors=True)
        if rec is None:
            print("\n".join(bench.errors), file=sys.stderr)
            return 1
        shutil.rmtree(rec["output"], ignore_errors=True)  # the outputs are large; the figures are kept
        runs.append(rec)
    comparisons = [compare(a, b) for a, b in itertools.pairwise(runs)]
    print()
    print(render(runs, comparisons))
    if args.json is not None:
        payload = {"meta": bench.meta, "runs": runs, "comparisons": comparisons}
        args.json.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
