"""Quality gate: docclean's F1 on a fixed subset of the dev data must not drop below pinned floors.

Like trafilatura's ``eval_gate``: ``floors.json`` pins one F1 floor per data set × rendering for
docclean, measured on the dev data (``../shared/data``) over a fixed subset (all 90
article-extraction-benchmark pages, 150 trafilatura-eval pages evenly spaced over the sorted ids).

    python benchmarks/quality/gate.py                 # check: exit 1 if any F1 < floor - tolerance
    python benchmarks/quality/gate.py --update        # pin the measured values (never lower ones)
    python benchmarks/quality/gate.py --update --allow-lower   # ...also lower floors, on purpose

floors.json only changes through ``--update``; lowering a floor needs ``--allow-lower``, so it
is always a visible, deliberate decision in the diff. Runtime: see docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FLOORS = Path(__file__).with_name("floors.json")
TOLERANCE = 0.005
SUBSET: dict[str, int | None] = {"aeb": None, "trafilatura": 150}
RENDERINGS = ("html", "recall", "full")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_floors(path: Path = FLOORS) -> dict[str, Any]:
    """floors.json as a dict (``{"tolerance": .., "subset": .., "floors": {"aeb/html": f1, ...}}``)."""
    if not path.exists():
        return {"tolerance": TOLERANCE, "subset": SUBSET, "floors": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def measure(data_dir: Path, subset: dict[str, int | None] | None = None) -> dict[str, float]:
    """docclean's F1 per ``dataset/rendering`` on the gate subset."""
    from pipeline.evaluation.datasets import load
    from pipeline.evaluation.harness import evaluate

    subset = subset or SUBSET
    datasets = [load(name, data_dir, limit) for name, limit in subset.items()]
    report = evaluate(datasets, ["docclean"], RENDERINGS, progress=lambda m: print(m, file=sys.stderr))
    return {f"{c.dataset}/{c.rendering}": c.score.f1 for c in report.cells}


def check(measured: dict[str, float], floors: dict[str, float], tolerance: float) -> list[str]:
    """Failures: floors not measured, or measured below floor - tolerance.

    >>> check({"aeb/html": 0.90}, {"aeb/html": 0.95}, 0.005)
    ['aeb/html: F1 0.9000 < floor 0.9500 - 0.005']
    >>> check({"aeb/html": 0.948}, {"aeb/html": 0.95}, 0.005), check({}, {"x/y": 0.5}, 0.0)
    ([], ['x/y: not measured'])
    """
    failures = []
    for key, floor in sorted(floors.items()):
        if key not in measured:
            failures.append(f"{key}: not measured")
        elif measured[key] < floor - tolerance:
            failures.append(f"{key}: F1 {measured[key]:.4f} < floor {floor:.4f} - {tolerance}")
    return failures


def updated(floors: dict[str, float], measured: dict[str, float], allow_lower: bool) -> dict[str, float]:
    """New floors from measured values (rounded down to 3 decimals); refuses to lower without leave.

    >>> updated({"a": 0.9}, {"a": 0.9567, "b": 0.5}, False)
    {'a': 0.956, 'b': 0.5}
    >>> updated({"a": 0.9}, {"a": 0.8}, False)
    Traceback (most recent call last):
    ...
    ValueError: refusing to lower floors without --allow-lower: a 0.900 -> 0.800
    >>> updated({"a": 0.9}, {"a": 0.8}, True)
    {'a': 0.8}
    """
    new = {k: math.floor(v * 1000 + 1e-9) / 1000 for k, v in sorted(measured.items())}
    lower = [f"{k} {floors[k]:.3f} -> {v:.3f}" for k, v in new.items() if k in floors and v < floors[k]]
    if lower and not allow_lower:
        raise ValueError("refusing to lower floors without --allow-lower: " + ", ".join(lower))
    merged = dict(floors) if not allow_lower else {}
    merged.update(new)
    return dict(sorted(merged.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="shared data folder")
    parser.add_argument("--update", action="store_true", help="pin the measured F1 values as floors")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: allow lowering floors")
    parser.add_argument("--floors", default=str(FLOORS), help="floors file (default: next to this script)")
    args = parser.parse_args(argv)
    data_dir = Path(args.data)
    if not data_dir.is_dir():
        print(f"gate: no data at {data_dir}: pass --data DIR", file=sys.stderr)
        return 2
    pinned = load_floors(Path(args.floors))
    subset = pinned.get("subset") or SUBSET
    measured = measure(data_dir, subset)
    for key, value in sorted(measured.items()):
        floor = pinned["floors"].get(key)
        print(f"{key:22s} F1 {value:.4f}   floor {'—' if floor is None else f'{floor:.3f}'}")
    if args.update:
        try:
            floors = updated(pinned["floors"], measured, args.allow_lower)
        except ValueError as exc:
            print(f"gate: {exc}", file=sys.stderr)
            return 1
        out = {"tolerance": pinned.get("tolerance", TOLERANCE), "subset": subset, "floors": floors}
        Path(args.floors).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"gate: floors written to {args.floors}")
        return 0
    failures = check(measured, pinned["floors"], float(pinned.get("tolerance", TOLERANCE)))
    for failure in failures:
        print(f"gate: FAIL {failure}", file=sys.stderr)
    if not pinned["floors"]:
        print("gate: no floors pinned yet; run with --update", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
