"""The evaluation harness behind ``docclean eval``: docclean and references, side by side, one table.

For every data set it derives the text renderings of its HTML pages
(:mod:`pipeline.evaluation.renderings`), runs each system on each rendering it applies to, scores
every prediction against the gold (:mod:`pipeline.evaluation.scoring`) and returns an
:class:`EvalReport`, whose :meth:`EvalReport.table` has one row per data set × rendering and one
column per system (F1 with precision/recall).

Systems and the renderings they run on:

==============  ====================  ===================================================
system          renderings            what
==============  ====================  ===================================================
``nothing``     recall, full, text    the input text unchanged
``trafilatura`` html                  trafilatura alone, default settings, no comments
``c4``          recall, full, text    C4's line rules
``justext``     html, recall, full,   jusText (on text: one ``<p>`` per line)
                text
``docclean``    html, recall, full,   ``pipeline.run.run`` on a temporary input folder
                text
==============  ====================  ===================================================

docclean gets one file per page, ``<tmp>/<site>/<id>.html`` (the page's bytes as found) or
``<tmp>/<site>/<id>.txt`` (the rendering, UTF-8), so pages are grouped by their URL's host like
real inputs; a fresh output and state folder per run; output records are matched to gold by the
file stem; rejected documents count as empty predictions.

>>> report = EvalReport((Cell("aeb", "full", "nothing", PRF(0.5, 1.0, 0.667, 2)),))
>>> print(report.table())  # doctest: +NORMALIZE_WHITESPACE
dataset  rendering  pages  nothing
aeb      full           2  0.667 (P 0.500 R 1.000)
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import gzip
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Config
from pipeline.errors import ConfigError
from pipeline.evaluation import references, renderings
from pipeline.evaluation.datasets import Dataset, Page, decode_html, load
from pipeline.evaluation.scoring import (
    PRF,
    SnippetCounts,
    macro_average,
    shingle_score,
    snippet_counts,
    snippet_scores,
)

log = logging.getLogger(__name__)

SYSTEMS: tuple[str, ...] = ("nothing", "trafilatura", "c4", "justext", "docclean")
DEFAULT_SYSTEMS: tuple[str, ...] = ("nothing", "trafilatura", "c4", "justext", "docclean")
RENDERING_NAMES: tuple[str, ...] = ("html", "recall", "full", "text")
DEFAULT_DATASETS: tuple[str, ...] = ("aeb", "trafilatura")
APPLIES: dict[str, frozenset[str]] = {
    "nothing": frozenset({"recall", "full", "text"}),
    "trafilatura": frozenset({"html"}),
    "c4": frozenset({"recall", "full", "text"}),
    "justext": frozenset({"html", "recall", "full", "text"}),
    "docclean": frozenset({"html", "recall", "full", "text"}),
}
_REFERENCE_FUNCS: dict[tuple[str, str], Callable[[str], str]] = {
    ("nothing", "text"): references.unchanged,
    ("trafilatura", "html"): references.trafilatura_html,
    ("c4", "text"): references.c4_lines,
    ("justext", "html"): references.justext_html,
    ("justext", "text"): references.justext_text,
    ("render", "recall"): renderings.recall_text,
    ("render", "full"): renderings.full_text,
}


@dataclass(frozen=True)
class Cell:
    """The score of one system on one rendering of one data set."""

    dataset: str
    rendering: str
    system: str
    score: PRF
    seconds: float = 0.0


@dataclass(frozen=True)
class EvalReport:
    """All cells of one evaluation; :meth:`table` prints them."""

    cells: tuple[Cell, ...]

    def get(self, dataset: str, rendering: str, system: str) -> PRF | None:
        """The score of one cell, None when that system did not run there.

        >>> EvalReport(()).get("aeb", "html", "docclean") is None
        True
        """
        for c in self.cells:
            if (c.dataset, c.rendering, c.system) == (dataset, rendering, system):
                return c.score
        return None

    def table(self) -> str:
        """One row per data set × rendering, one column per system: ``F1 (P precision R recall)``."""
        systems = [s for s in SYSTEMS if any(c.system == s for c in self.cells)]
        systems += sorted({c.system for c in self.cells} - set(systems))
        rows: list[tuple[str, str]] = []
        for c in self.cells:
            if (c.dataset, c.rendering) not in rows:
                rows.append((c.dataset, c.rendering))
        header = ["dataset", "rendering", "pages", *systems]
        body: list[list[str]] = []
        for dataset, rendering in rows:
            n = max(
                (c.score.n for c in self.cells if (c.dataset, c.rendering) == (dataset, rendering)), default=0
            )
            line = [dataset, rendering, str(n)]
            for system in systems:
                s = self.get(dataset, rendering, system)
                line.append("—" if s is None else f"{s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f})")
            body.append(line)
        widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

        def fmt(r: list[str]) -> str:
            cells = [
                v.rjust(w) if i == 2 else v.ljust(w) for i, (v, w) in enumerate(zip(r, widths, strict=True))
            ]
            return "  ".join(cells).rstrip()

        return "\n".join(fmt(r) for r in [header, *body])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``{"cells": [{dataset, rendering, system, precision, recall, f1, ...}]}``.

        >>> EvalReport((Cell("aeb", "html", "docclean", PRF(1.0, 1.0, 1.0, 3)),)).to_dict()["cells"][0]["f1"]
        1.0
        """
        return {
            "schema": "docclean-eval/1",
            "cells": [
                {
                    "dataset": c.dataset,
                    "rendering": c.rendering,
                    "system": c.system,
                    **c.score.as_dict(),
                    "seconds": round(c.seconds, 2),
                }
                for c in self.cells
            ],
        }


# -- running -----------------------------------------------------------------------------------


def _call(key: tuple[str, str], text: str) -> str:
    return _REFERENCE_FUNCS[key](text)


def _parallel(key: tuple[str, str], texts: Sequence[str], workers: int) -> list[str]:
    """Apply one reference/rendering function to many texts, in worker processes when workers > 1."""
    if workers <= 1 or len(texts) < 8:
        return [_call(key, t) for t in texts]
    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_call, [key] * len(texts), texts, chunksize=max(1, len(texts) // (workers * 4))))


def _read_lines(out: Path) -> list[str]:
    """The lines of ``documents.jsonl`` (or ``.jsonl.gz``) in a run's output folder."""
    plain, packed = out / "documents.jsonl", out / "documents.jsonl.gz"
    if plain.exists():
        return plain.read_text(encoding="utf-8").splitlines()
    if packed.exists():
        return gzip.decompress(packed.read_bytes()).decode("utf-8").splitlines()
    return []


def run_docclean(
    pages: Sequence[Page],
    inputs: Sequence[bytes | str],
    suffix: str,
    config: Config | None = None,
) -> list[str]:
    """Run docclean over ``inputs`` (one per page: HTML bytes or text) and return the output texts.

    Files are written as ``<tmp>/in/<site>/<id><suffix>``; a rejected or missing document gives ''.
    """
    from pipeline.run import run

    with tempfile.TemporaryDirectory(prefix="docclean-eval-") as tmp:
        root = Path(tmp) / "in"
        for page, data in zip(pages, inputs, strict=True):
            path = root / page.site / f"{page.id}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        out = Path(tmp) / "out"
        run([str(root)], str(out), config or Config())
        texts: dict[str, str] = {}
        for line in _read_lines(out):
            if line.strip():
                rec = json.loads(line)
                stem = str(rec.get("source") or rec["id"]).replace("\\", "/").rsplit("/", 1)[-1]
                if stem.endswith(suffix):
                    stem = stem[: -len(suffix)]
                texts[stem] = str(rec.get("text") or "")
    return [texts.get(p.id, "") for p in pages]


def score(dataset: Dataset, predictions: Sequence[str]) -> PRF:
    """Score predictions (one per page, in page order) with the data set's method.

    >>> from pipeline.evaluation.datasets import Page
    >>> ds = Dataset("x", "snippet", (Page("a", "_", with_=("yes",), without=("no",)),))
    >>> score(ds, ["yes and yes"]).f1
    1.0
    """
    if dataset.scoring == "snippet":
        total = SnippetCounts()
        for page, pred in zip(dataset.pages, predictions, strict=True):
            total = total + snippet_counts(pred, page.with_, page.without)
        return snippet_scores(total, len(dataset.pages))
    return macro_average(
        [shingle_score(pred, page.gold or "") for page, pred in zip(dataset.pages, predictions, strict=True)]
    )


def evaluate(
    datasets: Sequence[Dataset],
    systems: Sequence[str] = DEFAULT_SYSTEMS,
    rendering_names: Sequence[str] = RENDERING_NAMES,
    config: Config | None = None,
    workers: int = 0,
    progress: Callable[[str], None] | None = None,
) -> EvalReport:
    """Run ``systems`` on the renderings of every data set and score them all.

    ``workers`` processes compute renderings and references (0: all cores); docclean uses
    ``config.run.workers``.
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system(s) {', '.join(unknown)}: use {', '.join(SYSTEMS)}")
    workers = workers or (os.cpu_count() or 1)
    say = progress or (lambda _msg: None)
    cells: list[Cell] = []
    for dataset in datasets:
        html_pages = [p for p in dataset.pages if p.html is not None]
        html_set = Dataset(dataset.name, dataset.scoring, tuple(html_pages))
        html_texts = [decode_html(p.html or b"") for p in html_pages]
        inputs: dict[str, tuple[Dataset, list[str]]] = {}
        for rendering in rendering_names:
            t0 = time.perf_counter()
            if rendering == "html" and html_pages:
                inputs["html"] = (html_set, html_texts)
            elif rendering in ("recall", "full") and html_pages:
                inputs[rendering] = (html_set, _parallel(("render", rendering), html_texts, workers))
                say(f"{dataset.name}: rendered {rendering} in {time.perf_counter() - t0:.1f}s")
            elif rendering == "text":
                text_pages = tuple(p for p in dataset.pages if p.text is not None)
                if text_pages:
                    inputs["text"] = (
                        Dataset(dataset.name, dataset.scoring, text_pages),
                        [p.text or "" for p in text_pages],
                    )
        for rendering, (subset, texts) in inputs.items():
            for system in systems:
                if rendering not in APPLIES[system]:
                    continue
                t0 = time.perf_counter()
                if system == "docclean":
                    if rendering == "html":
                        preds = run_docclean(
                            subset.pages, [p.html or b"" for p in subset.pages], ".html", config
                        )
                    else:
                        preds = run_docclean(subset.pages, texts, ".txt", config)
                else:
                    kind = "html" if rendering == "html" else "text"
                    preds = _parallel((system, kind), texts, workers)
                seconds = time.perf_counter() - t0
                cell = Cell(dataset.name, rendering, system, score(subset, preds), seconds)
                say(f"{dataset.name}/{rendering}/{system}: F1 {cell.score.f1:.3f} ({seconds:.1f}s)")
                cells.append(cell)
    return EvalReport(tuple(cells))


# -- command line ------------------------------------------------------------------------------


def default_data_dir() -> Path | None:
    """``../shared/data`` next to the repository root, when it exists."""
    candidate = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def _pages(value: str) -> int:
    """A ``--limit`` value: a whole number of pages, at least 1 (-1 or 0 printed an empty table
    and exited 0).

    >>> _pages("50")
    50
    >>> _pages("-1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a whole number of pages, at least 1 (got '-1'); ...
    """
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of pages, at least 1 (got {value!r}); leave --limit out for all"
        )
    return int(value)


def _workers(value: str) -> int:
    """``--workers``: a count of processes, 0 for all cores (a negative one was taken as one).

    >>> _workers("2"), _workers("0")
    (2, 0)
    """
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"must not be negative (got {n})")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``docclean eval``."""
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="folder holding article-extraction-benchmark/ and "
        "trafilatura-eval/ (default: ../shared/data next to the repository, if present)",
    )
    parser.add_argument(
        "--dataset",
        action="append",
        metavar="NAME",
        help="aeb, trafilatura or folder:PATH (repeatable; default: aeb and trafilatura)",
    )
    parser.add_argument(
        "--limit",
        type=_pages,
        metavar="N",
        help="at most N pages per data set, evenly spaced over the sorted ids",
    )
    parser.add_argument(
        "--systems",
        metavar="LIST",
        default=",".join(DEFAULT_SYSTEMS),
        help=f"comma-separated, from {','.join(SYSTEMS)} (default: all)",
    )
    parser.add_argument(
        "--renderings",
        metavar="LIST",
        default=",".join(RENDERING_NAMES),
        help="comma-separated, from html,recall,full,text (default: all)",
    )
    parser.add_argument(
        "--workers", type=_workers, default=0, help="processes for renderings/references (0: all cores)"
    )
    parser.add_argument("--json", metavar="OUT", help="also write the report as JSON to OUT")


def command(args: argparse.Namespace, config: Config | None = None) -> int:
    """Run ``docclean eval`` from parsed arguments; print the table. Returns the exit code."""
    try:
        data_dir = Path(args.data) if args.data else default_data_dir()
        specs = args.dataset or list(DEFAULT_DATASETS)
        if data_dir is None and any(not s.startswith("folder:") for s in specs):
            raise ConfigError("no evaluation data found at ../shared/data: pass --data DIR")
        systems = [s.strip() for s in args.systems.split(",") if s.strip()]
        rends = [r.strip() for r in args.renderings.split(",") if r.strip()]
        bad = [r for r in rends if r not in RENDERING_NAMES]
        if bad:
            raise ConfigError(f"unknown rendering(s) {', '.join(bad)}: use {', '.join(RENDERING_NAMES)}")
        datasets = [load(s, data_dir, args.limit) for s in specs]
        report = evaluate(
            datasets,
            systems,
            rends,
            config=config,
            workers=args.workers,
            progress=lambda m: print(m, file=sys.stderr),
        )
    except ConfigError as exc:
        print(f"docclean eval: {exc}", file=sys.stderr)
        return 2
    print(report.table())
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point (``python -m pipeline.evaluation.harness``)."""
    parser = argparse.ArgumentParser(
        prog="docclean eval", description=__doc__.splitlines()[0] if __doc__ else None
    )
    add_arguments(parser)
    return command(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
