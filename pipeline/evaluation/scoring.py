"""Scorers for extracted text against gold.

Two methods, as used by the two public benchmarks we measure on:

* :func:`shingle_score` (scrapinghub *article-extraction-benchmark*): the text is lower-cased,
  tokenised on ``\\w+`` (Unicode), and turned into the **set** of word 4-gram shingles (a text
  with fewer than four tokens gives one shingle of all its tokens). Per document,
  precision = |pred ∩ gold| / |pred|, recall = |pred ∩ gold| / |gold|, F1 their harmonic mean.
  Edge cases: empty prediction and empty gold → 1.0 for all three; exactly one empty → 0.0.
  :func:`macro_average` averages precision, recall and F1 over documents (macro).

* :func:`snippet_counts` (trafilatura ``tests/evaluate.py``): per page, each "with" snippet found in
  the output is a true positive, missing a false negative; each "without" snippet found is a false
  positive, absent a true negative. Matching is substring matching after whitespace
  normalisation of both sides (runs of whitespace → one space). Counts are summed over pages and
  :func:`snippet_scores` computes precision, recall, F1 = 2TP / (2TP + FP + FN) and accuracy
  (micro, as upstream). A missing prediction (rejected document) counts as empty text.

>>> s = shingle_score("The cat sat on the mat today.", "the cat sat on the mat")
>>> round(s.precision, 3), s.recall, round(s.f1, 3)
(0.75, 1.0, 0.857)
>>> c = snippet_counts("Hello world. Menu", with_=["Hello  world"], without=["Menu", "Footer"])
>>> (c.tp, c.fn, c.fp, c.tn)
(1, 0, 1, 1)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_WS_RE = re.compile(r"\s+", re.UNICODE)

SHINGLE_N = 4


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1 (and the number of documents/pages they summarise)."""

    precision: float
    recall: float
    f1: float
    n: int = 1
    accuracy: float | None = None

    def as_dict(self) -> dict[str, float | int | None]:
        """Plain dict for JSON output.

        >>> PRF(1.0, 0.5, 0.6667, 2).as_dict()["recall"]
        0.5
        """
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "n": self.n,
            "accuracy": None if self.accuracy is None else round(self.accuracy, 4),
        }


def tokenize(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens.

    >>> tokenize("Don't panic — Ünïcode 42!")
    ['don', 't', 'panic', 'ünïcode', '42']
    """
    return _TOKEN_RE.findall(text.lower())


def shingles(text: str, n: int = SHINGLE_N) -> frozenset[tuple[str, ...]]:
    """The set of word ``n``-gram shingles of ``text``; short texts give one shorter shingle.

    >>> sorted(shingles("a b c d e"))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    >>> shingles("only two")
    frozenset({('only', 'two')})
    >>> shingles("  ")
    frozenset()
    """
    tokens = tokenize(text)
    if not tokens:
        return frozenset()
    if len(tokens) < n:
        return frozenset({tuple(tokens)})
    return frozenset(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def shingle_score(prediction: str | None, gold: str) -> PRF:
    """Per-document shingle precision/recall/F1 (article-extraction-benchmark method).

    >>> shingle_score("", "")
    PRF(precision=1.0, recall=1.0, f1=1.0, n=1, accuracy=None)
    >>> shingle_score(None, "some gold text here").f1
    0.0
    >>> shingle_score("some text", "").f1
    0.0
    """
    pred = shingles(prediction or "")
    true = shingles(gold)
    if not pred and not true:
        return PRF(1.0, 1.0, 1.0)
    if not pred or not true:
        return PRF(0.0, 0.0, 0.0)
    tp = len(pred & true)
    p = tp / len(pred)
    r = tp / len(true)
    return PRF(p, r, _f1(p, r))


def macro_average(scores: Sequence[PRF]) -> PRF:
    """Mean precision, recall and F1 over documents (F1 is the mean of per-document F1).

    >>> macro_average([PRF(1.0, 1.0, 1.0), PRF(0.0, 0.0, 0.0)])
    PRF(precision=0.5, recall=0.5, f1=0.5, n=2, accuracy=None)
    >>> macro_average([]).n
    0
    """
    n = len(scores)
    if n == 0:
        return PRF(0.0, 0.0, 0.0, 0)
    return PRF(
        sum(s.precision for s in scores) / n,
        sum(s.recall for s in scores) / n,
        sum(s.f1 for s in scores) / n,
        n,
    )


def normalize_ws(text: str) -> str:
    """Collapse every run of whitespace to one space and strip.

    >>> normalize_ws(" a\\n\\t b ")
    'a b'
    """
    return _WS_RE.sub(" ", text).strip()


@dataclass(frozen=True)
class SnippetCounts:
    """Confusion counts of trafilatura's snippet evaluation."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)


def snippet_counts(prediction: str | None, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """Count one page: "with" snippets found (TP) or missing (FN), "without" found (FP) or absent (TN).

    >>> snippet_counts(None, ["a"], ["b"])
    SnippetCounts(tp=0, fn=1, fp=0, tn=1)
    """
    text = normalize_ws(prediction or "")
    tp = fn = fp = tn = 0
    for snippet in with_:
        if normalize_ws(snippet) in text:
            tp += 1
        else:
            fn += 1
    for snippet in without:
        if normalize_ws(snippet) in text:
            fp += 1
        else:
            tn += 1
    return SnippetCounts(tp, fn, fp, tn)


def snippet_scores(counts: SnippetCounts, n: int = 0) -> PRF:
    """Micro precision, recall, F1 and accuracy from summed counts (0.0 where undefined).

    >>> s = snippet_scores(SnippetCounts(tp=8, fn=2, fp=1, tn=9), n=3)
    >>> round(s.precision, 3), s.recall, round(s.f1, 3), s.accuracy
    (0.889, 0.8, 0.842, 0.85)
    """
    tp, fn, fp, tn = counts.tp, counts.fn, counts.fp, counts.tn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    total = tp + fn + fp + tn
    acc = (tp + tn) / total if total else 0.0
    return PRF(p, r, f1, n, acc)
