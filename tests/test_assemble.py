"""Tests for pipeline.assemble: golden cases and hypothesis properties."""

from __future__ import annotations

import doctest
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pipeline.assemble
from pipeline.assemble import assemble, kept_ranges, merge_spans
from pipeline.document import Category, Span

CASES = json.loads((Path(__file__).parent / "data" / "assemble" / "cases.json").read_text("utf-8"))["cases"]


def test_doctests() -> None:
    result = doctest.testmod(pipeline.assemble)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict[str, object]) -> None:
    text = str(case["text"])
    spans = [(int(a), int(b)) for a, b in case["spans"]]  # type: ignore[attr-defined]
    assert assemble(text, spans) == case["expected"]


def test_accepts_span_objects() -> None:
    text = "Body.\n\nShare this"
    span = Span(7, 17, Category.SHARE_WIDGET, "share_widget/en/share-this")
    assert assemble(text, [span]) == "Body."


def test_invalid_span_raises() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        assemble("abc", [(2, 5)])
    with pytest.raises(ValueError, match="invalid span"):
        merge_spans([(-1, 1)], 3)


TEXT = st.text(alphabet=st.sampled_from(list("ab. \n\t\r\u00a0")), max_size=60)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(TEXT)
    n = len(text)
    pairs = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=5))
    return text, [(min(a, b), max(a, b)) for a, b in pairs]


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@given(text_and_spans())
def test_output_is_subsequence_and_joins_kept_ranges(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    out = assemble(text, spans)
    ranges = kept_ranges(text, spans)
    assert out == "".join(text[a:b] for a, b in ranges)
    assert _is_subsequence(out, text)
    for (_, b1), (a2, _) in itertools.pairwise(ranges):
        assert b1 < a2
    assert out == out.strip()


@given(text_and_spans())
def test_no_span_character_survives(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    for a, b in kept_ranges(text, spans):
        for s, e in spans:
            assert s == e or b <= s or e <= a


@given(TEXT)
def test_no_spans_is_strip(text: str) -> None:
    assert assemble(text, []) == text.strip()


@given(text_and_spans())
def test_idempotent(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    out = assemble(text, spans)
    assert assemble(out, []) == out


def _has_pileup(text: str) -> bool:
    run = 0
    for ch in text:
        if ch == "\n":
            run += 1
            if run >= 3:
                return True
        elif not ch.isspace():
            run = 0
    return False


@given(text_and_spans())
def test_no_new_blank_line_pileups(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    if not _has_pileup(text):
        assert not _has_pileup(assemble(text, spans))


WORD = st.text(alphabet="abcxyz.", min_size=1, max_size=5)
SEP = st.sampled_from([" ", "  ", "\n", "\n\n", " \n", "\n\n\n", "\t"])


@given(st.lists(st.tuples(WORD, SEP, st.booleans()), min_size=1, max_size=12))
def test_token_aligned_spans_glue_nothing(parts: list[tuple[str, str, bool]]) -> None:
    """Spans covering whole words: the output's words are exactly the kept words, none glued or lost."""
    text = ""
    spans: list[tuple[int, int]] = []
    kept: list[str] = []
    for word, sep, drop in parts:
        if drop:
            spans.append((len(text), len(text) + len(word)))
        else:
            kept.append(word)
        text += word + sep
    assert assemble(text, spans).split() == kept
