"""Cut removed spans out of the repaired text, with precise white-space rules.

The output text is the repaired text minus the spans, and nothing else: every
character of the output comes from the input, in order (the output is a
subsequence of the input), so every removal can be shown and undone. The
rules, applied in this order:

1. **Normalise.** Spans are ``(start, end)`` pairs (or objects with ``start``
   and ``end``, such as :class:`pipeline.document.Span`), offsets into
   ``text``. Empty spans are ignored; overlapping or touching spans are merged.
   A span with ``start > end`` or outside ``0..len(text)`` is a bug upstream
   and raises :class:`ValueError`.
2. **Whole lines.** A span that covers whole line(s) (only horizontal white
   space between the line start and the span start, and between the span end
   and the line end) also removes that surrounding horizontal white space and
   the one line break after it.
3. **Inside a line.** Otherwise the span also removes the horizontal white
   space right after it, when it starts the line or has white space before it;
   when nothing but horizontal white space follows it up to the line end, it
   removes the horizontal white space right before it instead. So
   ``"a SPAN b"`` gives ``"a b"``, ``"SPAN b"`` gives ``"b"`` and ``"a. SPAN"``
   gives ``"a."``; a span glued on its left keeps the space on its right
   (``"a.SPAN b"`` gives ``"a. b"``). A span with no white space on either side
   joins its neighbours (they were glued to it already).
4. **Blank-line pile-ups.** Where a removal happened, a white-space run across
   the cut that holds three or more line breaks keeps only its first and last
   line break (everything between them goes), i.e. one blank line. Pile-ups
   elsewhere in the text are left as they are.
5. **Strip.** Leading and trailing white space of the result is removed
   (:meth:`str.strip` semantics).

"Horizontal white space" is any character for which :meth:`str.isspace` is
true except ``"\\n"`` (so ``"\\r"`` of a CRLF line end counts as horizontal).

>>> assemble("Title\\n\\nShare this\\n\\nBody text.", [(7, 17)])
'Title\\n\\nBody text.'
>>> assemble("Read more. Body text.", [(0, 10)])
'Body text.'
>>> assemble("Body text. Share this", [(11, 21)])
'Body text.'
>>> assemble("  Body.  ", [])
'Body.'
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Protocol

logger = logging.getLogger(__name__)

__all__ = ["Located", "assemble", "kept_ranges", "merge_spans"]


class Located(Protocol):
    """Anything with ``start`` and ``end`` offsets (``Span``, ``Duplicate``, ``Repair``)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanLike = tuple[int, int] | Located


def _pair(span: SpanLike) -> tuple[int, int]:
    if isinstance(span, tuple):
        return span[0], span[1]
    return span.start, span.end


def merge_spans(spans: Iterable[SpanLike], length: int) -> list[tuple[int, int]]:
    """Sorted, non-empty, merged ``(start, end)`` pairs; overlapping or touching spans are joined.

    >>> merge_spans([(5, 8), (0, 2), (1, 3), (8, 9), (4, 4)], 10)
    [(0, 3), (5, 9)]
    >>> merge_spans([(3, 2)], 10)
    Traceback (most recent call last):
    ...
    ValueError: invalid span (3, 2) for a text of length 10
    """
    pairs: list[tuple[int, int]] = []
    for span in spans:
        start, end = _pair(span)
        if start > end or start < 0 or end > length:
            raise ValueError(f"invalid span ({start}, {end}) for a text of length {length}")
        if start < end:
            pairs.append((start, end))
    pairs.sort()
    merged: list[tuple[int, int]] = []
    for start, end in pairs:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _is_hspace(ch: str) -> bool:
    return ch != "\n" and ch.isspace()


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """The range a span ``[start, end)`` really removes (rules 2 and 3)."""
    n = len(text)
    left = start
    while left > 0 and _is_hspace(text[left - 1]):
        left -= 1
    right = end
    while right < n and _is_hspace(text[right]):
        right += 1
    at_line_start = left == 0 or text[left - 1] == "\n"
    at_line_end = right == n or text[right] == "\n"
    if at_line_start and at_line_end:
        return left, right + 1 if right < n else right
    if at_line_end:
        return left, right
    if at_line_start or left < start:
        return start, right
    return start, end  # glued on the left: keep the space on the right ("a.SPAN b" -> "a. b")


def _complement(length: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The non-empty ranges of ``0..length`` outside the sorted, disjoint ``cuts``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for start, end in cuts:
        if start > pos:
            out.append((pos, start))
        pos = end
    if pos < length:
        out.append((pos, length))
    return out


def _pileups(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Extra removals for rule 4: blank-line pile-ups in white-space runs that cross a cut.

    A run is walked in output order (it may cross several cuts and kept
    ranges that are all white space); when it holds three or more line breaks,
    everything strictly between its first and last line break goes.
    """
    extra: list[tuple[int, int]] = []
    done = -1  # index of the last kept range already covered by a collapsed run
    for j in range(len(kept) - 1):
        if j < done:
            continue
        breaks: list[int] = []
        # Walk back from the end of kept[j] over white space, across ranges.
        i = j
        while i >= 0:
            start, end = kept[i]
            pos = end
            while pos > start and text[pos - 1].isspace():
                pos -= 1
                if text[pos] == "\n":
                    breaks.append(pos)
            if pos > start:
                break
            i -= 1
        breaks.reverse()
        # Walk forward from the start of kept[j + 1].
        i = j + 1
        while i < len(kept):
            start, end = kept[i]
            pos = start
            while pos < end and text[pos].isspace():
                if text[pos] == "\n":
                    breaks.append(pos)
                pos += 1
            if pos < end:
                break
            i += 1
        done = i
        if len(breaks) >= 3:
            extra.append((breaks[0] + 1, breaks[-1]))
    return extra


def _removals(text: str, spans: Iterable[SpanLike]) -> list[tuple[int, int]]:
    """Merged removal ranges after rules 1 to 4 (before stripping)."""
    n = len(text)
    widened = [_widen(text, s, e) for s, e in merge_spans(spans, n)]
    cuts = merge_spans(widened, n)
    if not cuts:
        return cuts
    extra = _pileups(text, _complement(n, cuts))
    if extra:
        cuts = merge_spans(cuts + extra, n)
    return cuts


def kept_ranges(text: str, spans: Iterable[SpanLike]) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges of ``text`` that survive; ``assemble`` joins them.

    Ranges are sorted, disjoint and non-empty; the first does not start and the
    last does not end with white space (rule 5).

    >>> text = "Keep.\\n\\nDrop me\\n\\nKeep too."
    >>> kept_ranges(text, [(7, 14)])
    [(0, 6), (15, 25)]
    >>> "".join(text[a:b] for a, b in kept_ranges(text, [(7, 14)]))
    'Keep.\\n\\nKeep too.'
    >>> kept_ranges("   ", [])
    []
    """
    out = _complement(len(text), _removals(text, spans))
    # Rule 5: strip the whole result.
    while out:
        start, end = out[0]
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            out[0] = (start, end)
            break
        out.pop(0)
    while out:
        start, end = out[-1]
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out[-1] = (start, end)
            break
        out.pop()
    return out


def assemble(text: str, spans: Iterable[SpanLike]) -> str:
    """The repaired ``text`` minus ``spans``, with the white-space rules of this module.

    >>> assemble("A.\\n\\nB1\\n\\nB2\\n\\nC.", [(4, 6), (8, 10)])
    'A.\\n\\nC.'
    >>> assemble("He said so.Credit: AFP", [(11, 22)])
    'He said so.'
    >>> assemble("one two three", [(4, 7)])
    'one three'
    """
    return "".join(text[start:end] for start, end in kept_ranges(text, spans))
