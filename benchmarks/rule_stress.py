"""Rule stress: every boilerplate rule's regex on lines built to make it backtrack.

A rule runs on every line up to its ``max_words``; a pattern with nested or ambiguous repeats
(``( ?/ ?[A-Z][\\w ]{1,20})+``) can take minutes on one crafted line of 40 words, which would stall
a nightly run on one page. This script searches each shipped rule (or the rules of ``--rules``
files too) on adversarial lines: runs of separators (`` / ``, `` | ``, ``, ``, `` > ``, ``·``),
repeated words, quote marks, parentheses and dots, cut to 60 words, and reports the slowest
searches. Seconds, not ratios, but the gap it looks for is orders of magnitude (a healthy search
takes well under 1 ms, a backtracking one seconds): a rule is flagged above ``--limit`` ms
(default 50).

    .venv/bin/python -m benchmarks.rule_stress            # every shipped rule, about 30 s
    .venv/bin/python -m benchmarks.rule_stress --top 20

Exit status 1 when a rule is flagged. Found by a code review in session 28: three new rules took
minutes on such lines (now possessive repeats); the script runs every rule, old and new.

>>> lines = stress_lines()
>>> all(len(line.split()) <= 66 for line in lines) and len(lines) > 20
True
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.boilerplate import load_rules  # noqa: E402
from pipeline.boilerplate.features import block_words  # noqa: E402

_PIECES = ("Ab", "ab", "AB", "'", "''", '"', "x", "12", "Ab.", "(Ab", "Ab)", "red", "Foto", "de")
_SEPARATORS = (" / ", " | ", ", ", " > ", " · ", " - ", " – ", ": ", " ", " . ", " ; ", " » ")
_PREFIXES = ("", "x. ", "Corrections and clarifications | ", "Photo: ", "By ", "Read more: ", "Share | ")
"""Openings that the rules' literal prefilters and anchors ask for, so that the runs behind them are tried."""


def stress_lines(words: int = 60) -> list[str]:
    """Deterministic adversarial lines: each piece joined by each separator, cut to ``words`` words,
    behind each opening of :data:`_PREFIXES`, with and without a trailing character that makes a
    pattern fail at the very end."""
    out: list[str] = []
    for sep in _SEPARATORS:
        for piece in _PIECES:
            body = sep.join([piece] * words)
            body = " ".join(body.split()[:words])
            for prefix in _PREFIXES:
                out += [prefix + body, prefix + body + " x", prefix + "(" + body + " x", prefix + body + "|."]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", nargs="*", default=[], help="extra rule packs (TOML/YAML)")
    ap.add_argument("--limit", type=float, default=50.0, help="flag a rule slower than this (ms)")
    ap.add_argument("--top", type=int, default=10, help="print the N slowest rules")
    ap.add_argument("--ids", nargs="*", default=[], help="only these rule ids")
    args = ap.parse_args(argv)
    pack = load_rules(args.rules)
    texts = [block_words(line).text for line in stress_lines()]
    worst: list[tuple[float, str, str]] = []
    rules = [r for r in pack.rules if not args.ids or r.id in args.ids]
    for rule in rules:
        slowest, which = 0.0, ""
        for text in texts:
            if len(text.split()) > rule.max_words:
                text = " ".join(text.split()[: rule.max_words])  # the rule never sees longer lines
            t0 = time.perf_counter()
            rule.regex.search(text)
            ms = (time.perf_counter() - t0) * 1000
            if ms > slowest:
                slowest, which = ms, text
        worst.append((slowest, rule.id, which))
    worst.sort(reverse=True)
    for ms, rid, text in worst[: args.top]:
        print(f"{ms:9.3f} ms  {rid:45s} {text[:70]!r}")
    flagged = [w for w in worst if w[0] > args.limit]
    print(f"{len(rules)} rules, {len(texts)} lines: {len(flagged)} slower than {args.limit:g} ms")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
