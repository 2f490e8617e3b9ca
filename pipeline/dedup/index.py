"""The dedup index: every kept passage of every kept document, in compact arrays.

Per passage the index stores its document, its character offsets (so
``explain`` can show the matched passage), and its words as 16-bit hashes
(2 bytes a word). Retrieval uses *anchors*: word 3-grams chosen by
winnowing (the minimum key in every window of ``WINNOW`` consecutive
3-grams), kept in 16,384 sorted ``array('Q')`` buckets, one 8-byte entry per
anchor (24 bits of key tag, 40 bits of passage id). Winnowing guarantees
that any run of ``WINNOW + 2`` or more words shared with an indexed passage
contains an anchor, so a query that probes *every* 3-gram of a new passage
finds it. Anchors shared by more than ``MAX_POSTINGS`` passages carry no
information and are not extended (stop-shingles).

>>> from array import array
>>> idx = DedupIndex()
>>> ws = array("H", [1, 2, 3, 4, 5, 6, 7])
>>> d = idx.add_document("a", array("I", [0]), array("I", [30]), array("I", [0, 7]), ws)
>>> keys = trigram_keys(ws)
>>> [k for k in keys if idx.lookup(k) == [0]] == [keys[p] for p in winnow(keys)]
True
>>> idx.doc_ids, len(idx)
(['a'], 1)
>>> again = DedupIndex.from_blobs(idx.to_blobs())
>>> again.anchors == idx.anchors and again.to_blobs() == idx.to_blobs()
True
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

WINNOW = 4
"""Winnowing window (in 3-grams): shared runs of at least ``WINNOW + 2`` words are always retrieved."""
MAX_POSTINGS = 32
"""An anchor already held by this many passages is not indexed again, and is ignored by lookups
(a stop-shingle such as "the company said": it cannot tell candidates apart)."""
_BUCKET_BITS = 14
_NBUCKETS = 1 << _BUCKET_BITS
_PID_BITS = 40
_PID_MASK = (1 << _PID_BITS) - 1
_TAG_MASK = (1 << 24) - 1
_MASK64 = (1 << 64) - 1
_MIX = 0x9E3779B97F4A7C15
_BLOOM_MIN_BITS = 1 << 16
_BLOOM_BITS_PER_ANCHOR = 4
"""The membership filter is rebuilt twice as large when it holds fewer bits than this per anchor."""
_BLOOM_REBUILD_BUCKETS = 512
"""Buckets refilled into a rebuilt filter at a time (bounds the rebuild's temporary arrays)."""

Keys = npt.NDArray[np.uint64]


def trigram_key(a: int, b: int, c: int) -> int:
    """A well-mixed 64-bit key of three 16-bit word hashes (a bijection of the 48 input bits).

    >>> trigram_key(1, 2, 3) != trigram_key(3, 2, 1)
    True
    """
    return (((a << 32) | (b << 16) | c) * _MIX) & _MASK64


def trigram_keys(ws: Sequence[int]) -> list[int]:
    """Keys of all word 3-grams of a word-hash sequence.

    >>> len(trigram_keys([1, 2, 3, 4]))
    2
    """
    return [
        (((a << 32) | (b << 16) | c) * _MIX) & _MASK64 for a, b, c in zip(ws, ws[1:], ws[2:], strict=False)
    ]


def trigram_key_array(ws: Sequence[int] | npt.NDArray[np.integer[Any]]) -> Keys:
    """:func:`trigram_keys` of a whole word-hash sequence at once (numpy; the same 64-bit keys).

    Callers slice it: the keys of the words ``ws[a:b]`` are ``[a:b - 2]``.

    >>> trigram_key_array([1, 2, 3, 4]).tolist() == trigram_keys([1, 2, 3, 4])
    True
    """
    if len(ws) < 3:
        return np.zeros(0, dtype=np.uint64)
    if isinstance(ws, array) and ws.typecode == "H":
        w = np.frombuffer(ws, dtype=np.uint16).astype(np.uint64)
    else:
        w = np.asarray(ws, dtype=np.uint64)
    keys: Keys = ((w[:-2] << np.uint64(32)) | (w[1:-1] << np.uint64(16)) | w[2:]) * np.uint64(_MIX)
    return keys


def _rightmost_minima(keys: Keys, w: int) -> npt.NDArray[np.int64]:
    """For every window ``keys[j:j + w]``, the position of its rightmost minimum (what :func:`winnow` picks).

    >>> _rightmost_minima(np.array([5, 1, 7, 3, 9, 2, 8], dtype=np.uint64), 3).tolist()
    [1, 1, 3, 5, 5]
    """
    k = len(keys)
    if k < w:
        return np.zeros(0, dtype=np.int64)
    # rows from the rightmost key of each window to the leftmost: argmin takes the first = rightmost
    stack = np.stack([keys[t : k - w + 1 + t] for t in range(w - 1, -1, -1)])
    best: npt.NDArray[np.int64] = np.arange(k - w + 1) + (w - 1) - np.argmin(stack, axis=0)
    return best


def anchor_positions(
    keys: Keys,
    offsets: Sequence[int] | npt.NDArray[np.integer[Any]],
    skip: Sequence[int] = (),
    w: int = WINNOW,
) -> npt.NDArray[np.int64]:
    """:func:`winnow` of every passage at once: the chosen 3-gram positions, ascending.

    ``keys`` are :func:`trigram_key_array` of all the words, ``offsets`` the passages' word
    bounds (from 0); passages in ``skip`` get none.

    >>> ws = [5, 9, 1, 7, 3, 9, 2, 8, 4, 4, 4]
    >>> anchor_positions(trigram_key_array(ws), [0, 9, 11]).tolist() == winnow(trigram_keys(ws[:9]))
    True
    >>> anchor_positions(trigram_key_array(ws), [0, 9, 11], skip=[0]).tolist()
    []
    """
    k = len(keys)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    if isinstance(offsets, array) and offsets.itemsize == 8:
        bounds = np.frombuffer(offsets, dtype=np.int64)  # word offsets are far below 2**63
    else:
        bounds = np.asarray(offsets, dtype=np.int64)
    lens = bounds[1:] - bounds[:-1]
    if len(skip):
        lens_kept = lens.copy()
        lens_kept[np.asarray(skip, dtype=np.int64)] = 0  # a skipped passage: as if it had no 3-grams
    else:
        lens_kept = lens
    # per 3-gram (by its first word): the end of its passage and that passage's length
    end = np.repeat(bounds[1:], lens)[:k]
    size = np.repeat(lens_kept, lens)[:k]
    pos = np.arange(k)
    # a passage of at most w 3-grams (w + 2 words) keeps all of them
    chosen = (size >= 3) & (size <= w + 2) & (pos + 3 <= end)
    if k >= w:
        # else the rightmost minimum of every window of w 3-grams that lies inside the passage
        j = slice(0, k - w + 1)
        inside = (size[j] > w + 2) & (pos[j] + w + 2 <= end[j])
        chosen[_rightmost_minima(keys, w)[inside]] = True
    where: npt.NDArray[np.int64] = np.flatnonzero(chosen)
    return where


def winnow(keys: Sequence[int], w: int = WINNOW) -> list[int]:
    """Positions chosen by winnowing (rightmost minimum of every window of ``w`` keys); all if fewer.

    >>> winnow([5, 1, 7, 3, 9, 2, 8], 3)
    [1, 3, 5]
    """
    n = len(keys)
    if n <= w:
        return list(range(n))
    chosen: list[int] = []
    for i in range(n - w + 1):
        best = i
        for j in range(i + 1, i + w):
            if keys[j] <= keys[best]:
                best = j
        if not chosen or chosen[-1] != best:
            chosen.append(best)
    return sorted(set(chosen))


def _owned(
    keys: list[int], bounds: Sequence[int], where: Iterable[int], first: int, skip: set[int]
) -> Iterator[tuple[int, int]]:
    """``(keys[p], first + i)`` for the 3-gram positions ``where`` (ascending), ``i`` the passage
    that holds position ``p`` (``bounds[i] <= p < bounds[i + 1]``), except passages in ``skip``.

    A plain loop: a document has a few dozen anchors, too few for numpy's per-call cost.

    >>> list(_owned([10, 11, 12, 13, 14], [0, 2, 2, 7], [0, 3, 4], 100, {0}))
    [(13, 102), (14, 102)]
    """
    i = 0
    for p in where:
        while p >= bounds[i + 1]:
            i += 1
        if i not in skip:
            yield keys[p], first + i


def _extend(target: array[int], values: Sequence[int]) -> None:
    """``target.extend(values)``, also when ``values`` is an array of another type or a list."""
    if isinstance(values, array) and values.typecode == target.typecode:
        target.extend(values)
    else:
        target.fromlist(list(values))


def words_digest(words: Sequence[int]) -> int:
    """A 64-bit digest of a sequence of 16-bit word hashes (the same for a list and an array).

    >>> words_digest([1, 2]) == words_digest(array("H", [1, 2])) != words_digest([2, 1])
    True
    """
    a = words if isinstance(words, array) and words.typecode == "H" else array("H", words)
    return int.from_bytes(hashlib.blake2b(_le(a), digest_size=8).digest(), "little")


def id_digest(doc_id: str) -> int:
    """A 64-bit digest of a document id (keys :attr:`DedupIndex.duplicates`).

    >>> id_digest("a") == id_digest("a") != id_digest("b")
    True
    """
    return int.from_bytes(
        hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def _le(a: array) -> bytes:  # type: ignore[type-arg]
    if sys.byteorder == "big":
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _le_view(a: array) -> bytes | memoryview:  # type: ignore[type-arg]
    """The little-endian bytes of ``a``: a view of its buffer on little-endian machines (no copy)."""
    if sys.byteorder == "big":
        return _le(a)
    return memoryview(a).cast("B")


def _from_le(typecode: str, data: bytes) -> array:  # type: ignore[type-arg]
    a = array(typecode)
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


LAYOUT = "docclean-dedup-index/1 winnow=4 buckets=14 tag=24 pid=40 words=u16"
"""The stored layout of :meth:`DedupIndex.to_blobs` (its ``layout`` blob). Change it whenever what
is stored, or what the anchors are, changes: a store with another layout cannot be read."""


class IndexLayoutError(ValueError):
    """A stored index was written in another layout (by another version of docclean)."""


class DedupIndex:
    """Passages seen so far (first copies), with anchor buckets for candidate retrieval."""

    def __init__(self) -> None:
        self.doc_ids: list[str] = []
        self.doc_first: array[int] = array("Q")
        self.p_doc: array[int] = array("I")
        self.p_start: array[int] = array("I")
        self.p_end: array[int] = array("I")
        self.p_word: array[int] = array("Q", [0])
        self.words: array[int] = array("H")
        self.buckets: list[array[int] | None] = [None] * _NBUCKETS
        self.anchors = 0
        # membership filter (derived, never stored): one bit per slot, a slot is the bucket and the
        # top ``_bloom_tag_bits`` tag bits of an anchor; no false negatives, so a probe key whose
        # bit is clear needs no bucket search
        self._bloom = bytearray(_BLOOM_MIN_BITS // 8)
        self._bloom_tag_bits = _BLOOM_MIN_BITS.bit_length() - 1 - _BUCKET_BITS
        self._named: dict[str, int | list[int]] = {}
        """Document indexes by id (derived): one, or a list when an id was indexed again (a rerun)."""
        self.duplicates: dict[int, int] = {}
        """Whole-document duplicates (they are not indexed), by :func:`id_digest` of their id: the
        number of passages the index held when the latest of them was decided, shifted left 64
        bits, or'ed with :func:`words_digest` of its words (one int an entry: ~110 bytes, a
        third of a tuple keyed by the id). A rerun of one is decided against the index as it
        stood then (:meth:`duplicate_place`)."""
        self.exact: dict[int, int] = {}
        """Document indexes by the digest of their passages' text
        (:attr:`~pipeline.dedup.core.DocSignature.digest`), the first of equal ones: a document with
        the very same text is a whole duplicate (:meth:`exact_copy`). Stored (16 bytes a document);
        a store written before it holds none for its documents."""
        self.rerun_end: int | None = None
        """Scratch space of :func:`pipeline.dedup.core.decide` (not stored): where the indexed copy of
        the last rerun document it decided ends, while only reruns have been decided since."""
        self.windows: dict[tuple[int, int], object] = {}
        """Scratch space of :func:`pipeline.dedup.core.decide` (passages ``lo:hi`` never change once
        indexed, so what it derives from them stays valid across calls); not stored, not counted."""

    def __len__(self) -> int:
        """Number of indexed passages."""
        return len(self.p_doc)

    # -- building -------------------------------------------------------------------------

    def add_document(
        self,
        doc_id: str,
        starts: Sequence[int],
        ends: Sequence[int],
        word_offsets: Sequence[int],
        words: Sequence[int],
        no_anchor: Iterable[int] = (),
        keys: Keys | None = None,
        anchors: Sequence[int] | None = None,
        digest: int = 0,
    ) -> int:
        """Append one document's passages; returns its document index.

        Passages listed in ``no_anchor`` (already duplicates of earlier ones)
        are stored for context but get no anchors: the earlier copy answers.
        ``keys`` may pass ``trigram_key_array(words[word_offsets[0]:word_offsets[-1]])``,
        ``anchors`` the positions chosen by :func:`anchor_positions` (from the map side), ``digest``
        the digest of its text (:meth:`exact_copy`; 0: none).
        """
        skip = sorted(set(no_anchor))
        d = len(self.doc_ids)
        n = len(starts)
        first = len(self.p_doc)
        w0, wn = word_offsets[0], word_offsets[n]
        ws = words[w0:wn]
        base = len(self.words) - w0
        self.doc_ids.append(doc_id)
        self._name(doc_id, d)
        self.doc_first.append(first)
        self.p_doc.extend([d] * n)
        _extend(self.p_start, starts[:n])
        _extend(self.p_end, ends[:n])
        self.p_word.extend([base + o for o in word_offsets[1 : n + 1]])
        _extend(self.words, ws)
        if keys is None:
            keys = trigram_key_array(ws)
        rel = [o - w0 for o in word_offsets[: n + 1]]
        if anchors is None:
            anchors = anchor_positions(keys, rel, skip).tolist()
            skip = []
        self._insert_anchors(_owned(keys.tolist(), rel, anchors, first, set(skip)))
        if self.anchors * _BLOOM_BITS_PER_ANCHOR > len(self._bloom) * 8:
            self._rebuild_bloom()
        if digest:
            self.exact.setdefault(digest, d)
        return d

    def exact_copy(self, digest: int) -> int | None:
        """The first indexed document whose text has ``digest``, or None.

        >>> idx = DedupIndex()
        >>> for name, digest in (("a", 11), ("b", 22), ("c", 11)):
        ...     _ = idx.add_document(name, [0], [5], [0, 1], array("H", [1]), digest=digest)
        >>> idx.exact_copy(11), idx.exact_copy(22), idx.exact_copy(33)
        (0, 1, None)
        """
        return self.exact.get(digest)

    def _name(self, doc_id: str, d: int) -> None:
        had = self._named.setdefault(doc_id, d)
        if had != d:
            self._named[doc_id] = [*(had if isinstance(had, list) else [had]), d]

    def docs_named(self, doc_id: str) -> list[int]:
        """The indexes of the documents indexed under ``doc_id`` (an earlier run's copies of it).

        >>> idx = DedupIndex()
        >>> for name in ("a", "b", "a"):
        ...     _ = idx.add_document(name, [0], [5], [0, 1], array("H", [1]))
        >>> idx.docs_named("a"), idx.docs_named("b"), idx.docs_named("c")
        ([0, 2], [1], [])
        """
        d = self._named.get(doc_id)
        return [] if d is None else d if isinstance(d, list) else [d]

    def add_duplicate(self, doc_id: str, words: Sequence[int], place: int | None = None) -> None:
        """Record that document ``doc_id`` with ``words`` was decided a whole duplicate when the
        index held ``place`` passages (default: as many as now); a later version replaces it.

        >>> idx = DedupIndex()
        >>> _ = idx.add_document("a", [0], [5], [0, 1], array("H", [1]))
        >>> idx.add_duplicate("b", array("H", [1]))
        >>> idx.duplicate_place("b", array("H", [1])), idx.duplicate_place("b", array("H", [2]))
        (1, None)
        """
        at = len(self.p_doc) if place is None else place
        self.duplicates[id_digest(doc_id)] = (at << 64) | words_digest(words)

    def duplicate_place(self, doc_id: str, words: Sequence[int]) -> int | None:
        """Where document ``doc_id`` was decided a whole duplicate (passages the index held then),
        when it had the very same ``words``; else None."""
        got = self.duplicates.get(id_digest(doc_id))
        if got is None or got & _MASK64 != words_digest(words):
            return None  # (two ids with one digest would also need the very same words)
        return got >> 64

    def _insert_anchors(self, anchors: Iterable[tuple[int, int]]) -> None:
        """Add anchors ``(key, pid)`` (pids newer than every indexed passage, ascending), each unless
        held by ``MAX_POSTINGS`` passages already or by the same passage."""
        buckets, bloom, added = self.buckets, self._bloom, 0
        tag_bits = self._bloom_tag_bits
        tag_shift = 24 - tag_bits
        for key, pid in anchors:
            b = key >> (64 - _BUCKET_BITS)
            tag = (key >> 24) & _TAG_MASK
            bucket = buckets[b]
            if bucket is None:
                bucket = buckets[b] = array("Q")
            # entries sort by (tag, pid) and pid is the newest: this passage's entry goes last of its tag
            base = tag << _PID_BITS
            hi = bisect.bisect_left(bucket, base + (1 << _PID_BITS))
            if hi >= MAX_POSTINGS and bucket[hi - MAX_POSTINGS] >= base:
                continue  # a stop-shingle: MAX_POSTINGS entries of this tag already
            entry = base | pid
            if hi and bucket[hi - 1] == entry:
                continue  # the same anchor twice in one passage
            bucket.insert(hi, entry)
            added += 1
            slot = (b << tag_bits) | (tag >> tag_shift)
            bloom[slot >> 3] |= 1 << (slot & 7)
        self.anchors += added

    def _rebuild_bloom(self) -> None:
        """Size the membership filter for twice the bits per anchor that trigger a rebuild; refill it."""
        bits = _BLOOM_MIN_BITS
        while bits < 2 * _BLOOM_BITS_PER_ANCHOR * self.anchors:
            bits <<= 1
        self._bloom = bytearray(bits // 8)
        self._bloom_tag_bits = bits.bit_length() - 1 - _BUCKET_BITS
        bloom = np.frombuffer(self._bloom, dtype=np.uint8)
        tag_bits = self._bloom_tag_bits
        # a group of buckets at a time: the temporaries stay a small fraction of the index (all at
        # once, they were ~5 times its anchor array: a 1,000,000-document run peaked 0.8 GB higher)
        for lo in range(0, _NBUCKETS, _BLOOM_REBUILD_BUCKETS):
            group = self.buckets[lo : lo + _BLOOM_REBUILD_BUCKETS]
            data: array[int] = array("Q")
            for bucket in group:
                if bucket:
                    data.extend(bucket)
            if not data:
                continue
            sizes = [len(bucket) if bucket else 0 for bucket in group]
            heads = np.repeat(np.arange(lo, lo + len(group), dtype=np.uint64), sizes)
            tags = np.frombuffer(data, dtype=np.uint64) >> np.uint64(_PID_BITS)
            slots = (heads << np.uint64(tag_bits)) | (tags >> np.uint64(24 - tag_bits))
            np.bitwise_or.at(
                bloom, slots >> np.uint64(3), np.uint8(1) << (slots & np.uint64(7)).astype(np.uint8)
            )

    def _may_hold(self, keys: Keys) -> npt.NDArray[np.bool_]:
        """Per key: False when no anchor can match it (no bucket search needed), else True."""
        tag_bits = self._bloom_tag_bits
        slots = ((keys >> np.uint64(64 - _BUCKET_BITS)) << np.uint64(tag_bits)) | (
            (keys >> np.uint64(48 - tag_bits)) & np.uint64((1 << tag_bits) - 1)
        )
        bloom = np.frombuffer(self._bloom, dtype=np.uint8)
        held: npt.NDArray[np.bool_] = ((bloom[slots >> np.uint64(3)] >> (slots & np.uint64(7))) & 1) != 0
        return held

    # -- querying -------------------------------------------------------------------------

    def lookup(self, key: int, before: int | None = None) -> list[int]:
        """Passage ids that hold anchor ``key``, oldest first (none for a stop-shingle).

        ``before``: only passages indexed before this passage id, as the lookup answered
        when that passage was about to be indexed (a key becomes a stop-shingle only later).
        """
        bucket = self.buckets[key >> (64 - _BUCKET_BITS)]
        if bucket is None:
            return []
        tag = (key >> 24) & _TAG_MASK
        lo = bisect.bisect_left(bucket, tag << _PID_BITS)
        hi = bisect.bisect_left(bucket, (tag + 1) << _PID_BITS, lo)
        if before is not None:
            hi = bisect.bisect_left(bucket, (tag << _PID_BITS) | before, lo, hi)
        if hi == lo or hi - lo >= MAX_POSTINGS:
            return []
        return [e & _PID_MASK for e in bucket[lo:hi]]

    def lookup_many(self, keys: Sequence[int]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
        """:meth:`lookup` of many keys at once: per key how many passage ids, and all of them in key order.

        >>> idx = DedupIndex()
        >>> _ = idx.add_document("a", [0], [30], [0, 7], array("H", [1, 2, 3, 4, 5, 6, 7]))
        >>> ks = trigram_keys([1, 2, 3, 4, 5, 6, 7]) + [7]
        >>> counts, pids = idx.lookup_many(ks)
        >>> counts.tolist() == [len(idx.lookup(k)) for k in ks], pids.tolist() == [0] * int(counts.sum())
        (True, True)
        """
        buckets = self.buckets
        data: array[int] = array("Q")
        counts = array("q", bytes(8 * len(keys)))
        bl = bisect.bisect_left
        for j, key in enumerate(keys):
            bucket = buckets[key >> (64 - _BUCKET_BITS)]
            if bucket is None:
                continue
            base = ((key >> 24) & _TAG_MASK) << _PID_BITS
            lo = bl(bucket, base)
            hi = bl(bucket, base + (1 << _PID_BITS), lo)
            if lo < hi < lo + MAX_POSTINGS:
                data.extend(bucket[lo:hi])
                counts[j] = hi - lo
        pids: npt.NDArray[np.uint64] = np.frombuffer(data, dtype=np.uint64) & np.uint64(_PID_MASK)
        return np.frombuffer(counts, dtype=np.int64), pids

    def may_hold(self, keys: Keys) -> npt.NDArray[np.bool_]:
        """Per key: False when no anchor can match it (the bit filter), else True."""
        return self._may_hold(keys)

    def probe(self, words: Sequence[int], keys: Keys | None = None) -> Probe:
        """Candidate retrieval for one document's words (its 3-gram keys computed once, filtered at once).

        >>> idx = DedupIndex()
        >>> _ = idx.add_document("a", [0], [30], [0, 7], array("H", [1, 2, 3, 4, 5, 6, 7]))
        >>> idx.probe(array("H", [9, 9, 1, 2, 3, 4, 5, 6, 7])).hits(2, 9)  # one pid per anchor hit
        {0: [0]}
        >>> idx.probe(array("H", [9, 9, 1, 2, 3, 4, 5, 6, 7])).hits(0, 4)
        {}
        """
        if keys is None:
            keys = trigram_key_array(words)
        held: list[int] = np.flatnonzero(self._may_hold(keys)).tolist() if len(keys) else []
        return Probe(self, keys.tolist(), held)

    def doc_range(self, d: int) -> tuple[int, int]:
        """Passage ids ``[first, end)`` of document index ``d``."""
        first = self.doc_first[d]
        end = self.doc_first[d + 1] if d + 1 < len(self.doc_first) else len(self.p_doc)
        return first, end

    def document_words(self, d: int) -> array[int]:
        """The word hashes of all passages of document index ``d``, in order."""
        first, end = self.doc_range(d)
        return self.words[self.p_word[first] : self.p_word[end]]

    def passage_words(self, pid: int) -> array[int]:
        """The word hashes of passage ``pid``."""
        return self.words[self.p_word[pid] : self.p_word[pid + 1]]

    # -- size and storage -----------------------------------------------------------------

    def memory_bytes(self) -> int:
        """Bytes held by the index (arrays, buckets, document ids)."""
        arrays = [self.doc_first, self.p_doc, self.p_start, self.p_end, self.p_word, self.words]
        total = sum(sys.getsizeof(a) for a in arrays)
        total += sys.getsizeof(self.buckets) + sum(sys.getsizeof(b) for b in self.buckets if b is not None)
        total += sys.getsizeof(self.doc_ids) + sum(sys.getsizeof(s) for s in self.doc_ids)
        total += sys.getsizeof(self._named)
        total += sys.getsizeof(self.duplicates) + sum(
            sys.getsizeof(k) + sys.getsizeof(v) for k, v in self.duplicates.items()
        )
        total += sys.getsizeof(self.exact) + sum(
            sys.getsizeof(k) + sys.getsizeof(v) for k, v in self.exact.items()
        )
        return total + sys.getsizeof(self._bloom)

    def to_blobs(self) -> dict[str, bytes]:
        """The index as named little-endian blobs (for the state store).

        >>> sorted(DedupIndex().to_blobs())  # doctest: +NORMALIZE_WHITESPACE
        ['bucket_data', 'bucket_offsets', 'doc_first', 'doc_ids', 'duplicates', 'exact', 'layout',
         'p_doc', 'p_end', 'p_start', 'p_word', 'words']
        """
        return {name: bytes(blob) for name, blob in self.iter_blobs()}

    def iter_blobs(self) -> Iterator[tuple[str, bytes | memoryview]]:
        """:meth:`to_blobs` one blob at a time, in name order, as views where no copy is needed.

        What the state store writes at commit: only one blob (plus the bucket table, gathered
        into one array) exists besides the index at any time, not a second copy of all of it.

        >>> idx = DedupIndex()
        >>> [name for name, _ in idx.iter_blobs()] == sorted(idx.to_blobs())
        True
        """
        offsets = array("Q", [0])
        total = 0
        for b in self.buckets:
            total += len(b) if b is not None else 0
            offsets.append(total)

        def buckets() -> bytes | memoryview:
            data = array("Q")
            for b in self.buckets:
                if b is not None:
                    data.extend(b)
            return _le_view(data)

        parts: dict[str, Callable[[], bytes | memoryview]] = {
            "bucket_data": buckets,
            "bucket_offsets": lambda: _le_view(offsets),
            "doc_first": lambda: _le_view(self.doc_first),
            "doc_ids": lambda: json.dumps(self.doc_ids, ensure_ascii=False).encode("utf-8"),
            "duplicates": lambda: _le(
                array("Q", (x for k, v in self.duplicates.items() for x in (k, v >> 64, v & _MASK64)))
            ),
            "exact": lambda: _le(array("Q", (x for k, v in self.exact.items() for x in (k, v)))),
            "layout": lambda: LAYOUT.encode("ascii"),
            "p_doc": lambda: _le_view(self.p_doc),
            "p_end": lambda: _le_view(self.p_end),
            "p_start": lambda: _le_view(self.p_start),
            "p_word": lambda: _le_view(self.p_word),
            "words": lambda: _le_view(self.words),
        }
        for name in sorted(parts):
            yield name, parts[name]()

    @classmethod
    def from_blobs(cls, blobs: dict[str, bytes]) -> DedupIndex:
        """Rebuild an index written by :meth:`to_blobs`.

        Raises :class:`IndexLayoutError` for another layout. Blobs without a ``layout`` (written
        before it was recorded) have the first layout, which is the same as today's.

        >>> DedupIndex.from_blobs({**DedupIndex().to_blobs(), "layout": b"other/9"})
        Traceback (most recent call last):
        ...
        pipeline.dedup.index.IndexLayoutError: dedup index layout 'other/9', this version reads ...
        """
        layout = blobs.get("layout", LAYOUT.encode("ascii")).decode("ascii", "replace")
        if layout != LAYOUT:
            raise IndexLayoutError(f"dedup index layout {layout!r}, this version reads {LAYOUT!r}")
        idx = cls()
        idx.doc_ids = [str(x) for x in json.loads(blobs["doc_ids"].decode("utf-8"))]
        for d, doc_id in enumerate(idx.doc_ids):
            idx._name(doc_id, d)
        # a store written before whole duplicates were recorded has none (a rerun of one of its
        # whole duplicates is then placed by the run's order, see pipeline.dedup.core.decide)
        flat = _from_le("Q", blobs.get("duplicates", b""))  # (id digest, place, words digest) each
        idx.duplicates = {flat[i]: (flat[i + 1] << 64) | flat[i + 2] for i in range(0, len(flat) - 2, 3)}
        # a store written before documents' digests were recorded has none: its documents are
        # found by their passages only
        pairs = _from_le("Q", blobs.get("exact", b""))
        idx.exact = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}
        idx.doc_first = _from_le("Q", blobs["doc_first"])
        idx.p_doc = _from_le("I", blobs["p_doc"])
        idx.p_start = _from_le("I", blobs["p_start"])
        idx.p_end = _from_le("I", blobs["p_end"])
        idx.p_word = _from_le("Q", blobs["p_word"])
        idx.words = _from_le("H", blobs["words"])
        offsets = _from_le("Q", blobs["bucket_offsets"])
        data = _from_le("Q", blobs["bucket_data"])
        if len(offsets) != _NBUCKETS + 1:
            raise IndexLayoutError(
                f"dedup index has {len(offsets) - 1} buckets, this version uses {_NBUCKETS}"
            )
        for b in range(_NBUCKETS):
            lo, hi = offsets[b], offsets[b + 1]
            if hi > lo:
                idx.buckets[b] = data[lo:hi]
        idx.anchors = len(data)
        idx._rebuild_bloom()
        return idx


class Probe:
    """The anchor hits of one document's 3-grams, passage by passage (see :meth:`DedupIndex.probe`)."""

    def __init__(self, index: DedupIndex, keys: list[int], held: list[int]) -> None:
        self._index = index
        self._keys = keys
        self._held = held
        self._found: dict[int, list[int]] = {}

    def hits(self, lo: int, hi: int) -> dict[int, list[int]]:
        """``{document index: passage ids}`` for the words ``lo:hi``: one passage id per distinct
        3-gram that the passage holds as an anchor (what probing every 3-gram with
        :meth:`DedupIndex.lookup` gives)."""
        index, keys, held, found = self._index, self._keys, self._held, self._found
        p_doc = index.p_doc
        hits: dict[int, list[int]] = {}
        for k in {keys[p] for p in held[bisect.bisect_left(held, lo) : bisect.bisect_left(held, hi - 2)]}:
            pids = found.get(k)
            if pids is None:
                pids = found[k] = index.lookup(k)
            for pid in pids:
                hits.setdefault(p_doc[pid], []).append(pid)
        return hits
