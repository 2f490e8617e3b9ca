"""Signatures (map side) and the ordered decision pass (reduce side).

A passage is a sentence of the repaired text minus removed (boilerplate)
spans. :func:`compute_signature` turns a document into a compact
:class:`DocSignature`: per passage its offsets and its words as 16-bit hashes,
plus the word range of a quotation when there is one. :func:`decide` walks
signatures in canonical order; for every passage it

1. **retrieves** candidate earlier passages by probing every word 3-gram of
   the passage in the index's anchor buckets (winnowed 3-grams, see
   :mod:`pipeline.dedup.index`);
2. **verifies** each candidate document against a *window* of adjacent
   passages around the hits (so merged and split sentences match): the
   similarity is the share of the passage's words that align, in order, with
   the window in common runs of at least two words (after normalisation). When the passage is a
   quotation plus a short attribution ("..., Inbar said."), the quoted core is
   also scored on its own and the better score counts;
3. **decides**: a passage of at least ``cfg.min_words`` words whose best
   similarity reaches ``cfg.threshold`` is a duplicate of the earliest best
   document, except that a passage of quoted speech (a quotation plus at most
   an attribution) needs document-level evidence: another passage of the
   document must match the same earlier document (at ``params.support_floor``),
   since independent reports quote the same public statement word for word
   (other quotations count only in that document's order);
   a passage of 4-5 words (under ``cfg.min_words``) is a duplicate only inside a
   run: between two duplicates of the same earlier document, aligned there;
   a document whose duplicate words reach ``cfg.document_threshold``
   of its words is a whole-document duplicate;

then adds the document's passages to the index (first copy wins; whole
duplicates are not added, duplicate passages and quotations kept for lack of
evidence are added without anchors).
A document never matches passages indexed under its own id (a rerun or a
changed input seen by an earlier run).

>>> from pipeline.config import DedupConfig
>>> from pipeline.document import Document
>>> cfg = DedupConfig()
>>> a = Document(id="a", source="a", format="text",
...              text="The minister said the new bridge over the river will open in May next year.")
>>> b = Document(id="b", source="b", format="text",
...              text="Traffic was heavy. The new bridge over the river will open in May next year, he said.")
>>> res = decide([compute_signature(a, cfg), compute_signature(b, cfg)], DedupIndex(), cfg)
>>> [(b.text[d.start:d.end], d.of) for d in res["b"].duplicates]
[('The new bridge over the river will open in May next year, he said.', 'a')]
>>> [a.text[d.of_start:d.of_end] for d in res["b"].duplicates]
['The minister said the new bridge over the river will open in May next year.']
>>> res["a"].duplicates, res["b"].duplicate_of
((), None)
"""

from __future__ import annotations

import bisect
import logging
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import cast

import numpy as np

from pipeline.config import DedupConfig
from pipeline.dedup.index import DedupIndex, anchor_positions, trigram_key_array
from pipeline.dedup.text import (
    _QUOTE,
    _WORD,
    any_speech_verb,
    quoted_core,
    quoted_ranges,
    word_hashes,
    words,
)
from pipeline.document import Document, Duplicate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DedupParams:
    """Tuning knobs below the config (calibrated on METER, see docs/dedup.md)."""

    radius: int = 1
    """Window: passages on each side of the hit range in the candidate document."""
    max_window: int = 7
    """At most this many passages in one window."""
    max_candidates: int = 4
    """Candidate documents verified per passage (those with the most anchor hits)."""
    attribution_max: int = 6
    """A quotation is scored on its own when at most this many words lie outside it."""
    attribution_verb_max: int = 0
    """... or at most this many when a speech verb ("said", "told") lies outside it (0: off)."""
    quote_support: int = 2
    """A quoted-speech passage is removed only when at least this many passages of the document
    (itself included) are duplicates of the same earlier document (1: no such requirement)."""
    support_floor: float = 0.5
    """For ``quote_support``, a passage supports an earlier document when its similarity to it
    reaches this (a rewritten sentence is evidence of derivation too); at most ``cfg.threshold``."""
    quote_order: bool = True
    """For ``quote_support``, supporting passages of quoted speech count only as their longest chain
    in the earlier document's order (narrative passages count in any order); False: all count
    (independent reports quote the same statements in their own order)."""
    short_in_run: int = 4
    """A passage of at least this many words but under ``cfg.min_words`` is a duplicate too when it
    lies inside a run of passages copied from one earlier document (see ``_short_in_run``; 0: off)."""
    min_run: int = 2
    """Aligned runs shorter than this many words do not count (single common words)."""
    fill_gaps: int = 1
    """A substitution of at most this many words between two aligned runs counts as covered."""


DEFAULT_PARAMS = DedupParams()


@dataclass(frozen=True)
class DocSignature:
    """What dedup needs of one document: compact, picklable, no text.

    ``word_offsets[i]:word_offsets[i+1]`` are passage ``i``'s words in ``words``
    (16-bit hashes); ``cores[2*i], cores[2*i+1]`` its quoted-core word range
    (equal when none); ``quoted[i]`` how many of its words lie inside quotation
    marks (a quotation may run over several sentences); ``speech[i]`` whether a
    word outside the quotation is a speech verb ("said", "told").
    """

    doc_id: str
    starts: array[int]
    ends: array[int]
    word_offsets: array[int]
    words: array[int]
    cores: array[int]
    quoted: array[int]
    speech: array[int]
    anchors: array[int] | None = None
    """Word positions of the 3-grams winnowing chooses as anchors, per passage, ascending
    (:func:`~pipeline.dedup.index.anchor_positions`; computed on the map side so the serial
    reduce does not; None: computed when the document is indexed)."""

    def __len__(self) -> int:
        return len(self.starts)

    def passage_words(self, i: int) -> array[int]:
        """Word hashes of passage ``i``."""
        return self.words[self.word_offsets[i] : self.word_offsets[i + 1]]

    @property
    def total_words(self) -> int:
        """Words in all passages."""
        return len(self.words)


@dataclass(frozen=True)
class DedupResult:
    """The decision for one document."""

    duplicates: tuple[Duplicate, ...] = ()
    duplicate_of: str | None = None
    similarity: float = 0.0
    """Share of the document's words in duplicate passages."""


def _kept_pieces(start: int, end: int, removed: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [(start, end)]
    for rs, re_ in removed:
        if re_ <= start or rs >= end:
            continue
        nxt: list[tuple[int, int]] = []
        for s, e in pieces:
            if re_ <= s or rs >= e:
                nxt.append((s, e))
                continue
            if rs > s:
                nxt.append((s, rs))
            if re_ < e:
                nxt.append((re_, e))
        pieces = nxt
    return pieces


def compute_signature(doc: Document, cfg: DedupConfig) -> DocSignature:
    """The document's passages as a compact signature (map side, pure).

    Sentences come from ``doc.sentences`` (segmented on the fly if empty);
    text inside ``doc.removed`` spans is left out.

    >>> from pipeline.config import DedupConfig
    >>> d = Document(id="x", source="x", format="text", text="He said. “We will win,” she added.")
    >>> sig = compute_signature(d, DedupConfig())
    >>> list(sig.starts), list(sig.ends), list(sig.word_offsets), list(sig.cores)
    ([0, 9], [8, 34], [0, 2, 7], [0, 0, 0, 3])
    >>> list(sig.quoted), list(sig.speech)
    ([0, 3], [1, 1])
    """
    spans = [(s.start, s.end) for s in doc.sentences]
    if not spans and doc.text:
        from pipeline.segment import segment

        spans = [(s.start, s.end) for s in segment(doc).sentences]
    removed = sorted((r.start, r.end) for r in doc.removed)
    starts, ends = array("I"), array("I")
    offsets, cores = array("Q", [0]), array("H")
    quoted, speech = array("H"), array("B")
    text = doc.text
    ranges = quoted_ranges(text)
    inq = bytearray(len(text) if ranges else 0)
    for qs, qe in ranges:
        inq[qs:qe] = b"\x01" * (qe - qs)
    # (word list, words outside quotation marks or None when all are) per passage, hashed at the end
    passages: list[tuple[list[str], list[str] | None]] = []
    n_words = 0
    for s0, e0 in spans:
        for s, e in _kept_pieces(s0, e0, removed):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            piece = text[s:e]
            marked = _QUOTE.search(piece) is not None
            if not marked and (not ranges or inq.find(1, s, e) < 0):
                # the common case: no quotation in or around the passage, no word offsets needed
                ws = _WORD.findall(piece)
                if not ws:
                    continue
                lo = hi = n_quoted = 0
                outside = None
            else:
                toks = words(piece)
                if not toks:
                    continue
                lo, hi = quoted_core(piece, toks) if marked else (0, 0)
                ws = [w for w, _, _ in toks]
                flags = [inq[s + ts] for _, ts, _ in toks] if ranges else [0] * len(toks)
                n_quoted = sum(flags)
                outside = [w for w, f in zip(ws, flags, strict=True) if not f]
            starts.append(s)
            ends.append(e)
            n_words += len(ws)
            offsets.append(n_words)
            cores.extend((lo, hi))
            quoted.append(n_quoted)
            passages.append((ws, outside))
    flat = [w for ws, _ in passages for w in ws]
    hashes = array("H", word_hashes(flat))
    speech.extend(any_speech_verb(ws if outside is None else outside) for ws, outside in passages)
    anchors = array("I", anchor_positions(trigram_key_array(hashes), offsets).astype(np.uint32).tobytes())
    return DocSignature(doc.id, starts, ends, offsets, hashes, cores, quoted, speech, anchors)


_PAIR = array("I")
assert _PAIR.itemsize == 4, "word pairs are read as 4-byte unsigned ints"


def _pair_arrays(ws: array[int]) -> tuple[array[int], array[int]]:
    """The word pairs ``ws[i], ws[i + 1]`` at even and at odd ``i``, each one 4-byte key (from the bytes)."""
    n = len(ws)
    raw = ws.tobytes()
    even, odd = array("I"), array("I")
    even.frombytes(raw[: 4 * (n // 2)])
    odd.frombytes(raw[2 : 2 + 4 * ((n - 1) // 2)] if n > 1 else b"")
    return even, odd


def _pairs(ws: array[int]) -> list[int]:
    """A key per word pair ``ws[i], ws[i + 1]`` (16-bit word hashes), in order.

    >>> len(_pairs(array("H", [1, 2, 3, 1, 2]))), len(set(_pairs(array("H", [1, 2, 3, 1, 2]))))
    (4, 3)
    >>> _pairs(array("H", [1]))
    []
    """
    if len(ws) < 2:
        return []
    even, odd = _pair_arrays(ws)
    keys = [0] * (len(ws) - 1)
    keys[0::2] = even
    keys[1::2] = odd
    return keys


def _pair_set(ws: array[int]) -> set[int]:
    """The distinct keys of :func:`_pairs`.

    >>> _pair_set(array("H", [1, 2, 3, 1, 2])) == set(_pairs(array("H", [1, 2, 3, 1, 2])))
    True
    """
    even, odd = _pair_arrays(ws)
    keys = set(even)
    keys.update(odd)
    return keys


def _coverage(pairs: Sequence[int], n: int, grams: set[int], params: DedupParams) -> float:
    """Share of ``n`` words covered by one of their ``n - 1`` word ``pairs`` found in ``grams``, in any order.

    Gaps of at most ``params.fill_gaps`` uncovered words between covered words
    (a changed word) count as covered.

    >>> ws = _pairs(array("H", [1, 2, 3, 4, 9, 6, 7, 8]))
    >>> grams = _pair_set(array("H", [1, 2, 3, 4, 5, 6, 7, 8]))
    >>> [_coverage(ws, 8, grams, DedupParams(fill_gaps=g)) for g in (0, 1, 2)]
    [0.875, 1.0, 1.0]
    >>> _coverage(_pairs(array("H", [1, 2, 9, 9, 3, 4])), 6, grams, DedupParams(fill_gaps=2))
    1.0
    """
    if n < 2:
        return 0.0
    found = bytes(map(grams.__contains__, pairs))  # one byte (0 or 1) per pair
    if params.fill_gaps == 1:
        # word flags as bytes of one big int: word j is covered by pair j - 1 or pair j, and an
        # uncovered word between two covered ones (a changed word) is covered too
        covered = int.from_bytes(found + b"\0", "big") | int.from_bytes(b"\0" + found, "big")
        gaps = ~covered & int.from_bytes(b"\1" * n, "big") & (covered << 8) & (covered >> 8)
        return (covered | gaps).bit_count() / n
    flags = [False] * n
    for i, hit in enumerate(found):
        if hit:
            flags[i] = flags[i + 1] = True
    if params.fill_gaps:
        last = -1
        for i, c in enumerate(flags):
            if c:
                if last >= 0 and 0 < i - last - 1 <= params.fill_gaps:
                    for j in range(last + 1, i):
                        flags[j] = True
                last = i
    return sum(flags) / n


def _window(index: DedupIndex, d: int, hits: list[int], params: DedupParams) -> tuple[int, int]:
    first, end = index.doc_range(d)
    lo, hi = max(first, min(hits) - params.radius), min(end, max(hits) + params.radius + 1)
    if hi - lo > params.max_window:
        best = max(set(hits), key=lambda p: (hits.count(p), -p))
        half = params.max_window // 2
        lo, hi = max(first, best - half), min(end, best + half + 1)
    return lo, hi


def _aligned(
    ws: Sequence[int], lo: int, hi: int, window: Sequence[int], params: DedupParams
) -> tuple[float, int, int]:
    """In-order alignment of ``ws[lo:hi]`` with ``window``: covered share and matched window range.

    Words count when they lie in a common run of at least ``params.min_run``
    words, in the same order in both (difflib's matching blocks), plus the
    words of a substitution of at most ``params.fill_gaps`` words between two
    runs (a changed word). Reordered fragments (a paraphrase that reuses
    phrases in another order) do not add up.

    >>> p = DedupParams()
    >>> _aligned([1, 2, 3, 4, 9, 6, 7, 8], 0, 8, [1, 2, 3, 4, 5, 6, 7, 8], p)
    (1.0, 0, 7)
    >>> _aligned([6, 7, 8, 1, 2, 3], 0, 6, [1, 2, 3, 4, 5, 6, 7, 8], p)[0]
    0.5
    """
    n = hi - lo
    if n <= 0:
        return 0.0, -1, -1
    sm = SequenceMatcher(None, list(ws[lo:hi]), list(window), autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size >= params.min_run]
    if not blocks:
        return 0.0, -1, -1
    covered = sum(b.size for b in blocks)
    for prev, nxt in pairwise(blocks):
        gap_a = nxt.a - (prev.a + prev.size)
        gap_b = nxt.b - (prev.b + prev.size)
        if 0 < gap_a <= params.fill_gaps and 0 <= gap_b <= params.fill_gaps:
            covered += gap_a
    return covered / n, blocks[0].b, blocks[-1].b + blocks[-1].size - 1


_WINDOW_CACHE = 1024
"""Windows kept for later documents (a few MB; 70 % of window builds repeat on 2,000 Reuters documents)."""

_Window = tuple["array[int]", "array[int]", set[int]]
"""The words of passages ``lo:hi`` of the index, their word bounds ``p_word[lo:hi + 1]``, their word pairs."""


def _build_window(index: DedupIndex, lo: int, hi: int) -> _Window:
    bounds = index.p_word[lo : hi + 1]
    window = index.words[bounds[0] : bounds[-1]]  # a document's passages are contiguous in the index
    return window, bounds, _pair_set(window)


def _owner(bounds: array[int], lo: int, pos: int) -> int:
    """The passage (of a window starting at passage ``lo``) that holds window word ``pos``."""
    return lo + bisect.bisect_right(bounds, bounds[0] + pos) - 1


def _verify(
    ws: array[int],
    core: tuple[int, int],
    speech: bool,
    win: _Window,
    lo: int,
    params: DedupParams,
    floor: float,
    pairs: list[int] | None = None,
) -> tuple[float, int, int]:
    """Similarity of a passage to a window of passages, and the window passages that matched.

    The unordered bigram coverage is an upper bound of the aligned share and
    is checked first: below ``floor`` the (slower) alignment is skipped.
    ``pairs`` may pass ``_pairs(ws)`` when the caller has it (one passage, several windows).
    """
    window, bounds, keys = win
    clo, chi = core
    outside = len(ws) - (chi - clo)
    ranges = [(0, len(ws))]
    if chi > clo and (
        0 < outside <= params.attribution_max or (speech and 0 < outside <= params.attribution_verb_max)
    ):
        ranges.append((clo, chi))
    if pairs is None:
        pairs = _pairs(ws)
    best = (0.0, lo, lo)
    for rlo, rhi in ranges:
        if _coverage(pairs[rlo : rhi - 1], rhi - rlo, keys, params) < floor:
            continue
        sim, wlo, whi = _aligned(ws, rlo, rhi, window, params)
        if sim > best[0]:
            best = (sim, _owner(bounds, lo, wlo), _owner(bounds, lo, whi))
    return best


def _is_quote(n: int, quoted: int, speech: bool, params: DedupParams) -> bool:
    """Whether a passage of ``n`` words, ``quoted`` of them inside quotation marks, is quoted speech.

    That is a quotation plus at most an attribution: at most ``params.attribution_max`` words
    outside the quotation, or ``params.attribution_verb_max`` with a speech verb among them.

    >>> p = DedupParams(attribution_max=6, attribution_verb_max=12)
    >>> _is_quote(10, 10, False, p), _is_quote(12, 8, False, p), _is_quote(20, 10, True, p)
    (True, True, True)
    >>> _is_quote(20, 0, True, p), _is_quote(20, 10, False, p), _is_quote(30, 10, True, p)
    (False, False, False)
    """
    outside = n - quoted
    if quoted <= 0:
        return False
    return outside <= params.attribution_max or (speech and outside <= params.attribution_verb_max)


def _evidence(supporters: Iterable[tuple[int, int, bool]], ordered: bool) -> int:
    """How many passages of a later document support its derivation from one earlier document.

    ``supporters`` are ``(passage, matched passage of the earlier document, is quoted speech)``.
    Every narrative passage counts (a newspaper reorders the wire story it copies). With
    ``ordered``, quoted speech counts only as its longest chain that keeps the earlier
    document's order: independent reports quote the same statements in their own order,
    a copied story keeps its source's.

    >>> _evidence([(0, 7, True), (1, 3, True)], True), _evidence([(0, 7, True), (1, 3, True)], False)
    (1, 2)
    >>> _evidence([(2, 1, False), (0, 3, True), (1, 7, True)], True)
    3
    """
    chain: list[int] = []  # smallest last position of an in-order chain of each length
    narrative = quotes = 0
    for _, pos, is_quote in sorted(supporters):
        if not is_quote:
            narrative += 1
            continue
        quotes += 1
        k = bisect_right(chain, pos)
        if k == len(chain):
            chain.append(pos)
        else:
            chain[k] = pos
    return narrative + (len(chain) if ordered else quotes)


_Match = tuple[float, int, int, int]
"""(similarity, earlier document, first and last matched passage of it)."""


def _short_in_run(
    sig: DocSignature,
    sizes: Sequence[int],
    index: DedupIndex,
    matched: dict[int, _Match],
    windows: dict[tuple[int, int], _Window],
    min_words: int,
    threshold: float,
    params: DedupParams,
) -> dict[int, _Match]:
    """Short passages inside a run of duplicates of one earlier document, that align with it there.

    A passage of ``params.short_in_run`` to ``min_words - 1`` words ("He left in March.") is
    too short to be a duplicate on its own. It is one when the nearest passages of at least
    ``min_words`` words (``sizes``: words per passage) before and after it are duplicates
    (in ``matched``) of the same earlier document and it aligns at ``threshold`` with that
    document next to their matches (each match plus ``params.radius`` passages on each side,
    one window when they meet). A passage with a speech verb outside a quotation ("He said on
    Monday.") is formulaic and never removed.
    """
    out: dict[int, _Match] = {}
    if params.short_in_run <= 0:
        return out
    after = [-1] * len(sizes)  # the first passage of at least min_words words after each one
    for i in range(len(sizes) - 2, -1, -1):
        after[i] = i + 1 if sizes[i + 1] >= min_words else after[i + 1]
    prev = -1  # the last passage of at least min_words words
    for i, n in enumerate(sizes):
        if n >= min_words:
            prev = i
            continue
        nxt = after[i]
        if n < params.short_in_run or sig.speech[i] or prev not in matched or nxt not in matched:
            continue
        if matched[nxt][1] != matched[prev][1]:
            continue
        d = matched[prev][1]
        first, end = index.doc_range(d)
        spans = sorted(
            (max(first, m[2] - params.radius), min(end, m[3] + params.radius + 1))
            for m in (matched[prev], matched[nxt])
        )
        if spans[1][0] <= spans[0][1]:
            spans = [(spans[0][0], max(spans[0][1], spans[1][1]))]
        core = (sig.cores[2 * i], sig.cores[2 * i + 1])
        for lo, hi in spans:
            win = windows.get((lo, hi))
            if win is None:
                win = windows[(lo, hi)] = _build_window(index, lo, hi)
            sim, mlo, mhi = _verify(sig.passage_words(i), core, False, win, lo, params, threshold)
            if sim >= threshold and (i not in out or sim > out[i][0]):
                out[i] = (sim, d, mlo, mhi)
    return out


def decide(
    signatures: Iterable[DocSignature],
    index: DedupIndex,
    cfg: DedupConfig,
    params: DedupParams = DEFAULT_PARAMS,
) -> dict[str, DedupResult]:
    """Decide every document in canonical order against ``index`` (which it extends).

    Returns ``{doc_id: DedupResult}``. Decisions depend only on the order of
    ``signatures`` and the index content, never on timing or hashing seeds.
    """
    results: dict[str, DedupResult] = {}
    min_words = max(cfg.min_words, 3)
    floor = min(cfg.threshold, params.support_floor)
    # windows of the index are immutable, and popular ones (a wire story many later documents
    # copy from) come back: kept across documents and calls (the caller may pass signatures in
    # batches), dropped all at once between documents when full
    windows = cast(dict[tuple[int, int], _Window], index.windows)
    for sig in signatures:
        dups: list[Duplicate] = []
        dup_idx: list[int] = []
        if len(windows) >= _WINDOW_CACHE:
            windows.clear()
        words_by_doc: dict[int, int] = {}
        passing: list[tuple[int, list[_Match]]] = []  # per passage: every candidate at the threshold
        support: dict[int, list[tuple[int, int, bool]]] = {}  # earlier doc -> (passage, match, quoted)
        sizes = [sig.word_offsets[i + 1] - sig.word_offsets[i] for i in range(len(sig))]
        is_quote = [_is_quote(n, sig.quoted[i], bool(sig.speech[i]), params) for i, n in enumerate(sizes)]
        below: list[tuple[int, int, tuple[int, int]]] = []  # (passage, doc, window) under the threshold
        keys = trigram_key_array(sig.words)
        probe = index.probe(sig.words, keys)
        for i in range(len(sig)):
            ws = sig.passage_words(i)
            if len(ws) < min_words:
                continue
            hits = probe.hits(sig.word_offsets[i], sig.word_offsets[i + 1])
            for d in [d for d in hits if index.doc_ids[d] == sig.doc_id]:
                del hits[d]  # an earlier run's copy of this very document is not an earlier document
            if not hits:
                continue
            ranked = sorted(hits, key=lambda d: (-len(hits[d]), d))[: params.max_candidates]
            pairs = _pairs(ws)
            core = (sig.cores[2 * i], sig.cores[2 * i + 1])
            ok: list[_Match] = []
            for d in ranked:
                lo, hi = _window(index, d, hits[d], params)
                win = windows.get((lo, hi))
                if win is None:
                    win = windows[(lo, hi)] = _build_window(index, lo, hi)
                sim, mlo, mhi = _verify(ws, core, bool(sig.speech[i]), win, lo, params, cfg.threshold, pairs)
                if sim >= cfg.threshold:
                    ok.append((sim, d, mlo, mhi))
                    support.setdefault(d, []).append((i, mlo, is_quote[i]))
                else:
                    below.append((i, d, (lo, hi)))
            if ok:
                passing.append((i, ok))
        quotes = {i for i, _ in passing if params.quote_support > 1 and is_quote[i]}
        evidence = {d: _evidence(s, params.quote_order) for d, s in support.items()}
        need = {c[1] for i, ok in passing if i in quotes for c in ok if evidence[c[1]] < params.quote_support}
        if need and floor < cfg.threshold:
            # lazily (only for documents a quotation needs): passages under the threshold but at
            # least at the support floor are evidence too (a rewritten sentence of the same source)
            for j, d, key in below:
                if d in need:
                    core = (sig.cores[2 * j], sig.cores[2 * j + 1])
                    sim, mlo, _ = _verify(
                        sig.passage_words(j), core, bool(sig.speech[j]), windows[key], key[0], params, floor
                    )
                    if sim >= floor:
                        support[d].append((j, mlo, is_quote[j]))
            evidence = {d: _evidence(s, params.quote_order) for d, s in support.items()}
        matched: dict[int, _Match] = {}
        for i, ok in passing:
            if i in quotes:
                # quoted speech alone is no evidence of copying (independent reports quote the
                # same statement): the document must share more with that earlier document
                ok = [c for c in ok if evidence[c[1]] >= params.quote_support]
                if not ok:
                    continue
            matched[i] = min(ok, key=lambda c: (-c[0], c[1]))
        matched.update(_short_in_run(sig, sizes, index, matched, windows, min_words, cfg.threshold, params))
        for i in sorted(matched):
            sim, d, mlo, mhi = matched[i]
            dups.append(
                Duplicate(
                    start=sig.starts[i],
                    end=sig.ends[i],
                    of=index.doc_ids[d],
                    similarity=round(sim, 3),
                    of_start=index.p_start[mlo],
                    of_end=index.p_end[mhi],
                )
            )
            dup_idx.append(i)
            words_by_doc[d] = words_by_doc.get(d, 0) + sizes[i]
        dup_words = sum(words_by_doc.values())
        share = dup_words / sig.total_words if sig.total_words else 0.0
        dup_of: str | None = None
        if dups and share >= cfg.document_threshold:
            top = min(words_by_doc, key=lambda d: (-words_by_doc[d], d))
            dup_of = index.doc_ids[top]
            logger.debug("%s: whole-document duplicate of %s (%.2f)", sig.doc_id, dup_of, share)
        else:
            # a quotation kept for lack of evidence is a near-copy all the same: like a duplicate, it
            # gets no anchors, so later documents find the earliest copy (not a second report of it)
            kept_copies = [i for i, _ in passing if i not in matched]
            index.add_document(
                sig.doc_id,
                sig.starts,
                sig.ends,
                sig.word_offsets,
                sig.words,
                dup_idx + kept_copies,
                keys,
                sig.anchors,
            )
        results[sig.doc_id] = DedupResult(tuple(dups), dup_of, round(share, 3))
        del sig, probe, keys  # signatures may be streamed: keep nothing of this one beyond the index
    return results
