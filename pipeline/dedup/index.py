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
import json
import sys
from array import array
from collections.abc import Iterable, Sequence

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


def _le(a: array) -> bytes:  # type: ignore[type-arg]
    if sys.byteorder == "big":
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _from_le(typecode: str, data: bytes) -> array:  # type: ignore[type-arg]
    a = array(typecode)
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


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
    ) -> int:
        """Append one document's passages; returns its document index.

        Passages listed in ``no_anchor`` (already duplicates of earlier ones)
        are stored for context but get no anchors: the earlier copy answers.
        """
        skip = set(no_anchor)
        d = len(self.doc_ids)
        self.doc_ids.append(doc_id)
        self.doc_first.append(len(self.p_doc))
        for i in range(len(starts)):
            pid = len(self.p_doc)
            ws = words[word_offsets[i] : word_offsets[i + 1]]
            self.p_doc.append(d)
            self.p_start.append(starts[i])
            self.p_end.append(ends[i])
            self.words.extend(ws)
            self.p_word.append(len(self.words))
            if i in skip:
                continue
            keys = trigram_keys(ws)
            for pos in winnow(keys):
                self._insert(keys[pos], pid)
        return d

    def _insert(self, key: int, pid: int) -> None:
        b = key >> (64 - _BUCKET_BITS)
        tag = (key >> 24) & _TAG_MASK
        bucket = self.buckets[b]
        if bucket is None:
            bucket = self.buckets[b] = array("Q")
        lo = bisect.bisect_left(bucket, tag << _PID_BITS)
        hi = bisect.bisect_left(bucket, (tag + 1) << _PID_BITS, lo)
        if hi - lo >= MAX_POSTINGS:
            return
        entry = (tag << _PID_BITS) | pid
        if hi > lo and bucket[hi - 1] >> _PID_BITS == tag and (bucket[hi - 1] & _PID_MASK) == pid:
            return
        bucket.insert(hi, entry)
        self.anchors += 1

    # -- querying -------------------------------------------------------------------------

    def lookup(self, key: int) -> list[int]:
        """Passage ids that hold anchor ``key``, oldest first (none for a stop-shingle)."""
        bucket = self.buckets[key >> (64 - _BUCKET_BITS)]
        if bucket is None:
            return []
        tag = (key >> 24) & _TAG_MASK
        lo = bisect.bisect_left(bucket, tag << _PID_BITS)
        hi = bisect.bisect_left(bucket, (tag + 1) << _PID_BITS, lo)
        if hi == lo or hi - lo >= MAX_POSTINGS:
            return []
        return [e & _PID_MASK for e in bucket[lo:hi]]

    def doc_range(self, d: int) -> tuple[int, int]:
        """Passage ids ``[first, end)`` of document index ``d``."""
        first = self.doc_first[d]
        end = self.doc_first[d + 1] if d + 1 < len(self.doc_first) else len(self.p_doc)
        return first, end

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
        return total

    def to_blobs(self) -> dict[str, bytes]:
        """The index as named little-endian blobs (for the state store).

        >>> sorted(DedupIndex().to_blobs())  # doctest: +NORMALIZE_WHITESPACE
        ['bucket_data', 'bucket_offsets', 'doc_first', 'doc_ids', 'p_doc', 'p_end',
         'p_start', 'p_word', 'words']
        """
        offsets = array("Q", [0])
        data = array("Q")
        for b in self.buckets:
            if b is not None:
                data.extend(b)
            offsets.append(len(data))
        return {
            "doc_ids": json.dumps(self.doc_ids, ensure_ascii=False).encode("utf-8"),
            "doc_first": _le(self.doc_first),
            "p_doc": _le(self.p_doc),
            "p_start": _le(self.p_start),
            "p_end": _le(self.p_end),
            "p_word": _le(self.p_word),
            "words": _le(self.words),
            "bucket_offsets": _le(offsets),
            "bucket_data": _le(data),
        }

    @classmethod
    def from_blobs(cls, blobs: dict[str, bytes]) -> DedupIndex:
        """Rebuild an index written by :meth:`to_blobs`."""
        idx = cls()
        idx.doc_ids = [str(x) for x in json.loads(blobs["doc_ids"].decode("utf-8"))]
        idx.doc_first = _from_le("Q", blobs["doc_first"])
        idx.p_doc = _from_le("I", blobs["p_doc"])
        idx.p_start = _from_le("I", blobs["p_start"])
        idx.p_end = _from_le("I", blobs["p_end"])
        idx.p_word = _from_le("Q", blobs["p_word"])
        idx.words = _from_le("H", blobs["words"])
        offsets = _from_le("Q", blobs["bucket_offsets"])
        data = _from_le("Q", blobs["bucket_data"])
        if len(offsets) != _NBUCKETS + 1:
            raise ValueError(f"dedup index has {len(offsets) - 1} buckets, this version uses {_NBUCKETS}")
        for b in range(_NBUCKETS):
            lo, hi = offsets[b], offsets[b + 1]
            if hi > lo:
                idx.buckets[b] = data[lo:hi]
        idx.anchors = len(data)
        return idx
