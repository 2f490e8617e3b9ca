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
import hashlib
import logging
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import partial
from itertools import pairwise
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from pipeline.config import DedupConfig
from pipeline.dedup.index import DedupIndex, Keys, anchor_positions, trigram_key_array
from pipeline.dedup.text import (
    _AMOUNT,
    _QUOTE,
    IN_A_DAY,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    RELATIVE_MARKERS,
    RELATIVE_YEAR,
    STATEMENT_MIN_WORDS,
    THIS_PART_OF_DAY,
    YEARS,
    any_speech_verb,
    ascii_digits,
    date_aliases,
    has_speech_verb,
    may_dates,
    may_hold_amount,
    may_hold_clock,
    may_hold_grouped,
    may_hold_prefixed,
    may_hold_styled,
    number_aliases,
    post_speech,
    quoted_core,
    quoted_ranges,
    statement_span,
    word_figures,
    word_pattern,
    words,
)
from pipeline.document import Document, Duplicate
from pipeline.segment import runs_on, segment

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
    quote_attribution_max: int = 12
    """For the evidence rule only (a passage is still scored whole): a passage is quoted speech also
    when at most this many words outside its quotation hold a speech verb and the quotation is at
    least half of it ('"...," Al Mansoori told reporters at the signing ceremony.'; see
    :func:`_longer_quote`): a paper that quotes a statement under its own longer attribution keeps it
    unless it shares more with the earlier document; one that copies the source's sentence with its
    attribution (``_ATTRIBUTION_COPIED`` of the attribution's words matched) copies the source. 0: only
    ``attribution_max`` / ``attribution_verb_max``."""
    quote_support: int = 2
    """A quoted-speech passage is removed only when at least this many passages of the document
    (itself included) are duplicates of the same earlier document (1: no such requirement)."""
    support_floor: float = 0.5
    """For ``quote_support``, a passage supports an earlier document when its similarity to it
    reaches this (a rewritten sentence is evidence of derivation too); at most ``cfg.threshold``."""
    rewritten_words: int = 10
    """For ``quote_support``, a passage under ``cfg.threshold`` (a rewritten sentence) supports an
    earlier document for quoted speech only when its similarity times its words reaches this: a
    long sentence half copied is evidence that a paper worked from the wire story, a short line
    sharing a phrase ("It is due to run until June." / "The production is scheduled to run until
    June.", a headline with the names) is not, and a paper that wrote its own story keeps the
    statement it quotes. 0: any passage at ``support_floor``."""
    quote_order: bool = True
    """For ``quote_support``, supporting passages of quoted speech count only as their longest chain
    in the earlier document's order (narrative passages count in any order); False: all count
    (independent reports quote the same statements in their own order)."""
    short_in_run: int = 4
    """A passage of at least this many words but under ``cfg.min_words`` is a duplicate too when it
    lies inside a run of passages copied from one earlier document (see ``_short_in_run``; 0: off)."""
    beside_radius: int = 2
    """A passage of at least ``cfg.min_words`` words that is no duplicate, next to a passage that is
    one (after the evidence rule), is verified, strictly, against that duplicate's match and this
    many passages on each side of it (see :func:`_beside_matches`; 0: off): a sentence cut to a few
    words of its source, or lightly reworded, keeps no winnowed 3-gram of it ("Coastguards warned
    owners to keep dogs on leads near cliff edges." / "... warned dog owners to keep their pets on
    leads ..."), but a paper that copies a wire story copies it in runs."""
    min_run: int = 2
    """Aligned runs shorter than this many words do not count (single common words)."""
    fill_gaps: int = 1
    """A substitution of at most this many words between two aligned runs counts as covered."""
    dropped_word: int = 12
    """In a passage of at least this many words, a single aligned word right next to an aligned run
    counts when the window has one word more between them (a word dropped: "bass player Paul
    McGuigan" for "bass player Paul "Guigsy" McGuigan"), unless it is a figure. Shorter passages
    (headlines: "FINLAND ORDERS MCDONNELL DOUGLAS MD-11S" / "KOREAN AIR ORDERS MCDONNELL DOUGLAS
    <MD> MD-11S") do not get it: there one word is a large share. 0: off."""
    statement_threshold: float = 0.85
    """A statement beside its attribution (``DocSignature.statements``) scored on its own must reach
    this similarity, not ``cfg.threshold`` (it is shorter than the sentence: "Brazil's unemployment
    rate fell to its lowest level in three years in December" aligns 0.77 with another country's
    "... pushed the unemployment rate to its lowest level in three years"). A copy whose attribution
    moved is verbatim in the rest."""
    same_numbers: bool = True
    """A passage does not match a window where one of its figures (a word that holds a digit, a
    cardinal written out: :func:`~pipeline.dedup.text.is_figure`) takes the place of other
    words of the window: "payable March 26" is no copy of "payable March 19", nor
    "Portman, 17," of "Portman, 18," (a changed figure states another fact; a changed word is a
    light edit); a day or month is a figure too ("until Monday" / "until Friday"), but not in
    place of its name's short form ("January" for "Jan") nor a day in place of a relative day
    ("on Monday" for "yesterday"). A figure the matched passages have elsewhere (moved: "In
    1939, the couple ..." / "... moved in 1939"), or one only added between aligned words
    ("Arthurs, 34, said"), is no change (see :func:`_changed_figure`). False: a figure is a word
    like any other."""


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
    rerun: bool = False
    """The document comes from an input an earlier run with this state read with the same
    content: :func:`decide` decides one the index does not hold (a whole duplicate then)
    against the index as it stood then."""
    runs_on: bytes = b""
    """Per passage, 1 when it is part of a sentence that runs on over a line break (hard-wrapped
    text: sentences stop at line ends, so such a passage is a line fragment); empty: none."""
    numbers: bytes = b""
    """Per word of ``words``, its :func:`~pipeline.dedup.text.figure_kind`: 1 a number, 2 a day or
    month, 0 no figure; empty: none is."""
    statements: array[int] | None = None
    """Per passage of narrative with its attribution before or after the statement ("According to
    the ministry, ...", "..., the ministry said."), the statement's word range, scored on its own
    too (:func:`~pipeline.dedup.text.statement_span`); ``(0, 0)`` when none; None: no passage has
    one."""
    digest: int = 0
    """A 64-bit digest of the passages' text as written (signs, figures and punctuation included;
    other scripts' digits as ASCII ones, :func:`~pipeline.dedup.text.ascii_digits`, so "٢٥" and "25"
    are alike): a document with the same digest as an earlier one is a whole duplicate however short its
    passages (:meth:`~pipeline.dedup.index.DedupIndex.exact_copy`); 0: none."""

    def passage_numbers(self, start: int, end: int) -> list[int]:
        """Positions, relative to word ``start``, of the figures among the words ``start:end``."""
        num = self.numbers
        if not num or (num.find(1, start, end) < 0 and num.find(2, start, end) < 0):
            return []
        return [p - start for p in range(start, end) if num[p]]

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
    """Share of the document's words in duplicate passages (1.0 for the very same text as an
    earlier document: a whole duplicate whose passages may be too short to compare)."""


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


def compute_signature(doc: Document, cfg: DedupConfig, anchors: bool = True) -> DocSignature:
    """The document's passages as a compact signature (map side, pure).

    Sentences come from ``doc.sentences`` (segmented on the fly if empty);
    text inside ``doc.removed`` spans is left out. ``anchors``: False leaves
    them to :func:`with_anchors` (which does many signatures at once).

    >>> from pipeline.config import DedupConfig
    >>> d = Document(id="x", source="x", format="text", text="He said. “We will win,” she added.")
    >>> sig = compute_signature(d, DedupConfig())
    >>> list(sig.starts), list(sig.ends), list(sig.word_offsets), list(sig.cores)
    ([0, 9], [8, 34], [0, 2, 7], [0, 0, 0, 3])
    >>> list(sig.quoted), list(sig.speech)
    ([0, 3], [1, 1])
    """
    if not doc.sentences and doc.text:
        doc = segment(doc)
    spans = [(s.start, s.end) for s in doc.sentences]
    on = runs_on(doc)
    passage_on = bytearray()  # runs_on per passage (when a sentence runs on)
    removed = sorted((r.start, r.end) for r in doc.removed)
    starts, ends = array("I"), array("I")
    offsets, cores = array("Q", [0]), array("H")
    quoted, speech = array("H"), array("B")
    statements = array("H")  # per passage (lo, hi): the statement beside an attribution, (0, 0) none
    text = ascii_digits(doc.text)
    ranges = quoted_ranges(text)
    # most texts have no quotation mark at all: their passages need their words only
    plain = not ranges and _QUOTE.search(text) is None
    inq = bytearray(len(text) if ranges else 0)
    for qs, qe in ranges:
        inq[qs:qe] = b"\x01" * (qe - qs)
    # (word list, words outside quotation marks or None when all are) per passage, hashed at the end
    passages: list[tuple[list[str], list[str] | None]] = []
    posts: list[bool] = []  # a post's verb beside its quotation ('wrote on X: "', '"," she wrote')
    findall = word_pattern(text).findall
    whole = hashlib.blake2b(digest_size=8)  # the passages' text, for exact copies
    amounts = may_hold_amount(text)  # "£22m": its unit is written out (see words())
    grouped = may_hold_grouped(text)  # "3,400": one word, as "3400" (see words())
    clock = may_hold_clock(text)  # "7am", "7 a.m.": the number and "am" (see words())
    styled = may_hold_styled(text)  # "08:00", "2,5 Mio.", "17 procent": one style (see words())
    prefixed = may_hold_prefixed(text)  # "RM2mil", "R28bn": the currency's letters dropped (see words())
    n_words = 0
    # the removals that may reach into the current sentence, in sorted order: the sentences come in
    # text order, so a removal that ends before one never reaches a later one (before: every
    # removal was tried on every sentence, which was quadratic on long pages with much cut)
    active: list[tuple[int, int]] = []
    k = prev = 0
    for n_sent, (s0, e0) in enumerate(spans):
        if s0 < prev:  # sentences out of text order (a caller's own): look at every removal again
            active = list(removed[:k])
        prev = s0
        while k < len(removed) and removed[k][0] < e0:
            active.append(removed[k])
            k += 1
        if active:
            active = [r for r in active if r[1] > s0]
        for s, e in _kept_pieces(s0, e0, active) if active else ((s0, e0),):
            piece = text[s:e]
            trimmed = piece.strip()  # str.strip's white space is str.isspace's
            if len(trimmed) != len(piece):
                s += len(piece) - len(piece.lstrip())
                e = s + len(trimmed)
                piece = trimmed
            if plain or (_QUOTE.search(piece) is None and (not ranges or inq.find(1, s, e) < 0)):
                # the common case: no quotation in or around the passage, no word offsets needed
                ws = findall(piece)
                if not ws:
                    continue
                tokens: Callable[[str], list[Any]] = findall
                if (
                    (amounts and _AMOUNT.search(piece) is not None)
                    or (grouped and may_hold_grouped(piece))
                    or (clock and may_hold_clock(piece))
                    or (styled and may_hold_styled(piece))
                    or (prefixed and may_hold_prefixed(piece))
                ):
                    ws = [w for w, _, _ in words(piece)]  # an amount's unit written out, "3,400" one word
                    tokens = words
                statements.extend(_statement(piece, len(ws), tokens))
                if not plain:
                    cores.extend((0, 0))
                    quoted.append(0)
                passages.append((ws, None))
                posts.append(False)
            else:
                toks = words(piece)
                if not toks:
                    continue
                ws = [w for w, _, _ in toks]
                flags = [inq[s + ts] for _, ts, _ in toks] if ranges else [0] * len(toks)
                cores.extend(_scored_core(piece, toks, flags))
                statements.extend((0, 0))  # a quotation's attribution is the quoted core's
                quoted.append(min(sum(flags), 0xFFFF))  # (a passage of 65,536 quoted words or more: a page)
                outside = [w for w, f in zip(ws, flags, strict=True) if not f]
                passages.append((ws, outside))
                posts.append(len(outside) < len(ws) and post_speech(piece, outside))
            starts.append(s)
            ends.append(e)
            whole.update(piece.encode("utf-8", "surrogatepass") + b"\n")
            n_words += len(ws)
            offsets.append(n_words)
            if on:
                passage_on.append(on[n_sent])
    if plain:
        cores = array("H", bytes(4 * len(passages)))
        quoted = array("H", bytes(2 * len(passages)))
    flat = [w for ws, _ in passages for w in ws]
    flat_hashes, numbers = word_figures(flat)
    if "May" in flat or "MAY" in flat:
        numbers = may_dates(flat, numbers, offsets)  # the month, not the verb nor the name
    hashes = array("H", flat_hashes)
    speech.extend(
        any_speech_verb(ws) if outside is None else any_speech_verb(outside, post)
        for (ws, outside), post in zip(passages, posts, strict=True)
    )
    ons = bytes(passage_on) if any(passage_on) else b""
    chosen = None
    if anchors:
        chosen = array("I", anchor_positions(trigram_key_array(hashes), offsets).astype(np.uint32).tobytes())
    digest = int.from_bytes(whole.digest(), "little") if passages else 0
    return DocSignature(
        doc.id,
        starts,
        ends,
        offsets,
        hashes,
        cores,
        quoted,
        speech,
        chosen,
        runs_on=ons,
        numbers=numbers,
        statements=statements if any(statements) else None,
        digest=digest,
    )


CORE_MIN_WORDS = 6
"""A quoted core of fewer words is scored on its own (:func:`_scored_core`) only when set off as speech: a
headline's quoted words are no copy of any sentence that holds them ('"No place for a mum" trader wins
£142,500'; 'The Tories called it a "vote now, pay later" Budget.' against another BBC story's '... as "vote
now, pay later" spending plans.'), a short quotation beside its attribution is ('Said Anita: "Sam is much
more together."', METER)."""


def _scored_core(piece: str, toks: list[tuple[str, int, int]], flags: Sequence[int]) -> tuple[int, int]:
    """The word range of a passage's quotation that is scored on its own (:func:`_score_ranges`), or
    ``(0, 0)``. By its double marks (:func:`~pipeline.dedup.text.quoted_core`): one of ``CORE_MIN_WORDS``
    words or more, or of three or more set off as speech (:func:`_set_off`). By its words' ``flags`` when
    no double mark stands in it (:func:`_flagged_core`: a dash's quotation, single marks): one of three
    words or more set off as speech, as single marks are apostrophes too ("In the '80s and early '90s the
    miners' strike ...").

    >>> from pipeline.dedup.text import words
    >>> def core(s, flags=None):
    ...     t = words(s)
    ...     return _scored_core(s, t, flags or [0] * len(t))
    >>> core('Said Anita: "Sam is much more together."'), core('"No place for a mum" trader wins £142,500')
    ((2, 7), (0, 0))
    >>> core('"We will not resign," Mr Smith stressed.'), core('It was "a proud day for the whole city".')
    ((0, 4), (2, 9))
    >>> core("– Vi vann, sa hon.", [1, 1, 0, 0]), core("– Vi vann i dag, sa hon.", [1, 1, 1, 1, 0, 0])
    ((0, 0), (0, 4))
    >>> core("In the '80s and '90s the miners' strike split it.", [0, 0, 1, 1, 1, 1, 1, 0, 0, 0])
    (0, 0)
    """
    if _QUOTE.search(piece) is not None:
        lo, hi = quoted_core(piece, toks)
        if _said(piece, toks, lo, hi, hi - lo >= CORE_MIN_WORDS):
            return lo, hi
    # (or a dash's quotation around a title in marks: "– Jag såg ”Bron” i går, sa hon.", review 50)
    lo, hi = _flagged_core(flags)
    return (lo, hi) if _said(piece, toks, lo, hi, False) else (0, 0)


def _said(piece: str, toks: list[tuple[str, int, int]], lo: int, hi: int, long_: bool) -> bool:
    """Whether the quotation of words ``lo:hi`` is scored on its own (:func:`_scored_core`): ``long_``
    (one of ``CORE_MIN_WORDS`` words in double marks), or three words or more set off as speech or
    beside a speech verb; never past the 65,535th word, which the signature's cores cannot hold."""
    if hi - lo < 3 or hi > 0xFFFF:
        return False
    return long_ or _set_off(piece, toks, lo, hi) or has_speech_verb(toks, lo, hi)


def _set_off(piece: str, toks: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether the quotation of words ``lo:hi`` is set off as speech by its punctuation: after a colon, to
    the passage's end ('Said Anita: "..."') or to a comma, question or exclamation mark where it closes
    ('In a statement: "We will not resign," the party said.'), or from the passage's start to such a mark
    ('"...," he said.', '– Vi vann, sa hon.'). A headline's quotation is not ("Grenfell: 'No place for a
    mum' trader wins", "Fans love 'Meat Is Murder', the band's best"; review 50).

    >>> from pipeline.dedup.text import words
    >>> s = '"No place for a mum" trader wins'
    >>> _set_off(s, words(s), 0, 5), _set_off('Said Anita: "Sam is"', words('Said Anita: "Sam is"'), 2, 4)
    (False, True)
    >>> s = "Grenfell: 'No place for a mum' trader wins"
    >>> _set_off(s, words(s), 1, 6)
    False
    """
    colon = piece[: toks[lo][1]].rstrip(" \t\"'“”„«»‘’–—").endswith(":")
    after = piece[toks[hi - 1][2] : toks[hi][1] if hi < len(toks) else len(piece)]
    closes = "," in after or "!" in after or "?" in after
    return (colon and (hi == len(toks) or closes)) or (lo == 0 and closes)


def _flagged_core(flags: Sequence[int]) -> tuple[int, int]:
    """The word range of a passage's quotation by its words' ``flags`` (inside a quotation or not) when
    no double quotation mark sets it apart (a dash's, single marks: see
    :func:`~pipeline.dedup.text.quoted_ranges`): its quoted words when they are one run beside others,
    else ``(0, 0)`` (none, or all of it).

    >>> _flagged_core([1, 1, 1, 0, 0]), _flagged_core([1, 1]), _flagged_core([0, 1, 0, 1])
    ((0, 3), (0, 0), (0, 0))
    """
    if not any(flags) or all(flags):
        return (0, 0)
    lo = flags.index(1)
    hi = len(flags) - list(reversed(flags)).index(1)
    return (lo, hi) if all(flags[lo:hi]) else (0, 0)


def _statement(piece: str, n: int, tokens: Callable[[str], list[Any]]) -> tuple[int, int]:
    """The word range of the statement in a passage (``n`` words by ``tokens``) whose attribution
    stands before or after it, or ``(0, 0)``: see :func:`~pipeline.dedup.text.statement_span`.

    >>> from pipeline.dedup.text import _WORD
    >>> s = "According to police, the man was arrested at the scene in Leeds on Friday night."
    >>> _statement(s, 14, _WORD.findall)
    (3, 14)
    >>> _statement("According to police, the man was arrested.", 7, _WORD.findall)
    (0, 0)
    """
    if n <= STATEMENT_MIN_WORDS:
        return (0, 0)
    span = statement_span(piece)
    if span is None:
        return (0, 0)
    lo = len(tokens(piece[: span[0]])) if span[0] else 0
    hi = len(tokens(piece[: span[1]])) if span[1] < len(piece) else n
    if hi > 0xFFFF:
        return (0, 0)  # (a passage of 65,536 words or more: a page, whose word offsets the array cannot hold)
    return (lo, hi) if hi - lo >= STATEMENT_MIN_WORDS and hi - lo < n else (0, 0)


def with_anchors(sigs: Sequence[DocSignature]) -> list[DocSignature]:
    """The signatures with their ``anchors``, computed for many at once (a few numpy calls for
    a whole shard, in groups of about ``_ANCHOR_BATCH`` words, instead of per document: a tenth
    of the map's signature time went to their fixed cost). A document's 3-grams never span two
    passages, so neither do they two documents.

    >>> from pipeline.config import DedupConfig
    >>> docs = [Document(id=k, source=k, format="text", text=t) for k, t in
    ...         (("a", "One two three four five six seven eight. Nine ten eleven."), ("b", ""),
    ...          ("c", "Alpha beta gamma delta epsilon zeta eta theta iota kappa."))]
    >>> each = [compute_signature(d, DedupConfig()) for d in docs]
    >>> each == with_anchors([compute_signature(d, DedupConfig(), anchors=False) for d in docs])
    True
    """
    out: list[DocSignature] = []
    group: list[DocSignature] = []
    size = 0
    for sig in sigs:  # groups of about _ANCHOR_BATCH words (a WARC file is one shard, of any size)
        if group and size + len(sig.words) > _ANCHOR_BATCH:
            out += _with_anchors(group)
            group, size = [], 0
        group.append(sig)
        size += len(sig.words)
    if group:
        out += _with_anchors(group)
    return out


_ANCHOR_BATCH = 1 << 20
"""Words winnowed at once by :func:`with_anchors` (its temporary arrays take ~120 bytes a word)."""


def _with_anchors(sigs: Sequence[DocSignature]) -> list[DocSignature]:
    """:func:`with_anchors` of one group (not empty)."""
    words = np.concatenate([np.asarray(sig.words, dtype=np.uint16) for sig in sigs])
    sizes = np.array([len(sig.words) for sig in sigs], dtype=np.int64)
    firsts = np.cumsum(sizes) - sizes  # each document's first word in ``words``
    bounds = np.concatenate(
        [np.zeros(1, dtype=np.int64)]
        + [
            np.asarray(sig.word_offsets, dtype=np.int64)[1:] + first
            for sig, first in zip(sigs, firsts.tolist(), strict=True)
        ]
    )
    positions = anchor_positions(trigram_key_array(words), bounds)
    cuts = np.searchsorted(positions, np.append(firsts, len(words))).tolist()
    out: list[DocSignature] = []
    for k, sig in enumerate(sigs):
        mine = positions[cuts[k] : cuts[k + 1]] - firsts[k]
        out.append(replace(sig, anchors=array("I", mine.astype(np.uint32).tobytes())))
    return out


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


def _skip_set(ws: array[int]) -> set[int]:
    """The keys of the word pairs ``ws[i], ws[i + 2]`` (one word apart), as :func:`_pairs` makes them.

    >>> _skip_set(array("H", [1, 2, 3])) == set(_pairs(array("H", [1, 3])))
    True
    """
    if len(ws) < 3:
        return set()
    # a pair key is the 4 bytes of two 16-bit words in a row: pair the words at even and at odd
    # positions with themselves
    return _pair_set(ws[0::2]) | _pair_set(ws[1::2])


def _pair_set(ws: array[int]) -> set[int]:
    """The distinct keys of :func:`_pairs`.

    >>> _pair_set(array("H", [1, 2, 3, 1, 2])) == set(_pairs(array("H", [1, 2, 3, 1, 2])))
    True
    """
    even, odd = _pair_arrays(ws)
    keys = set(even)
    keys.update(odd)
    return keys


def _coverage(
    pairs: Sequence[int], n: int, grams: set[int], params: DedupParams, skips: set[int] | None = None
) -> float:
    """Share of ``n`` words covered by one of their ``n - 1`` word ``pairs`` found in ``grams``, in any order.

    Gaps of at most ``params.fill_gaps`` uncovered words between covered words
    (a changed word) count as covered. With ``skips`` (the window's pairs of words one apart,
    :func:`_skip_set`) and at least ``params.dropped_word`` words, a word next to a covered one
    counts when the two are such a pair (a word dropped between them, :func:`_dropped`).
    An upper bound of :func:`_share`.

    >>> ws = _pairs(array("H", [1, 2, 3, 4, 9, 6, 7, 8]))
    >>> grams = _pair_set(array("H", [1, 2, 3, 4, 5, 6, 7, 8]))
    >>> [_coverage(ws, 8, grams, DedupParams(fill_gaps=g)) for g in (0, 1, 2)]
    [0.875, 1.0, 1.0]
    >>> _coverage(_pairs(array("H", [1, 2, 9, 9, 3, 4])), 6, grams, DedupParams(fill_gaps=2))
    1.0
    >>> ws, src = array("H", [1, 2, 3, 5, 9, 9]), array("H", [1, 2, 3, 4, 5])
    >>> keys, skips = _pair_set(src), _skip_set(src)
    >>> [_coverage(_pairs(ws), 6, keys, DedupParams(dropped_word=d), skips) for d in (0, 6)]
    [0.5, 0.6666666666666666]
    """
    if n < 2:
        return 0.0
    found = bytes(map(grams.__contains__, pairs))  # one byte (0 or 1) per pair
    skipped = (
        bytes(map(skips.__contains__, pairs))
        if skips and params.dropped_word and n >= params.dropped_word
        else None
    )
    if params.fill_gaps == 1:
        # word flags as bytes of one big int: word j is covered by pair j - 1 or pair j, and an
        # uncovered word between two covered ones (a changed word) is covered too
        covered = int.from_bytes(found + b"\0", "big") | int.from_bytes(b"\0" + found, "big")
        if skipped is not None:
            # pair j one apart in the window: word j + 1 counts beside a covered j, and j beside j + 1
            skip = int.from_bytes(skipped + b"\0", "big")
            covered |= ((skip & covered) >> 8) | (skip & (covered << 8))
        gaps = ~covered & int.from_bytes(b"\1" * n, "big") & (covered << 8) & (covered >> 8)
        return (covered | gaps).bit_count() / n
    flags = [False] * n
    for i, hit in enumerate(found):
        if hit:
            flags[i] = flags[i + 1] = True
    if skipped is not None:
        paired = flags[:]
        for i, hit in enumerate(skipped):
            if hit and (paired[i] or paired[i + 1]):
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
    ws: Sequence[int],
    lo: int,
    hi: int,
    window: Sequence[int],
    params: DedupParams,
    numbers: Sequence[int] = (),
    bounds: Sequence[int] = (),
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

    ``numbers``: positions in ``ws[lo:hi]`` of figures; with ``params.same_numbers`` and the
    window's passage ``bounds`` (:func:`_changed_figure`), a changed figure is no match, while
    one only inserted is:

    >>> _aligned([1, 2, 3, 4, 9, 6, 7, 8], 0, 8, [1, 2, 3, 4, 5, 6, 7, 8], p, [4], [0, 8])
    (0.0, -1, -1)
    >>> _aligned([1, 2, 3, 4, 9, 6, 7, 8], 0, 8, [1, 2, 3, 4, 5, 6, 7, 8], p, [5], [0, 8])
    (1.0, 0, 7)
    >>> _aligned([1, 2, 3, 4, 9, 5, 6, 7, 8], 0, 9, [1, 2, 3, 4, 5, 6, 7, 8], p, [4], [0, 8])
    (1.0, 0, 7)
    """
    n = hi - lo
    if n <= 0:
        return 0.0, -1, -1
    ours, theirs = list(ws[lo:hi]), list(window)
    sm = SequenceMatcher(None, ours, theirs, autojunk=False)
    sim, wlo, whi = _share(sm, n, params, numbers)
    if (
        sim > 0.0
        and numbers
        and bounds
        and params.same_numbers
        and _changed_figure(ours, theirs, bounds, sm.get_matching_blocks(), wlo, whi, numbers)
    ):
        return 0.0, -1, -1
    return sim, wlo, whi


def _share(
    sm: SequenceMatcher,  # type: ignore[type-arg]
    n: int,
    params: DedupParams,
    numbers: Sequence[int] = (),
) -> tuple[float, int, int]:
    """What :func:`_aligned` returns for the sequences of ``sm`` (the first one of ``n`` words),
    figures aside (``numbers``, positions in the first sequence, only keep a figure from counting
    as a single word next to a dropped one: ``params.dropped_word``)."""
    matching = sm.get_matching_blocks()
    blocks = [b for b in matching if b.size >= params.min_run]
    if not blocks:
        return 0.0, -1, -1
    covered = sum(b.size for b in blocks)
    filled: set[int] = set()
    for prev, nxt in pairwise(blocks):
        gap_a = nxt.a - (prev.a + prev.size)
        gap_b = nxt.b - (prev.b + prev.size)
        if 0 < gap_a <= params.fill_gaps and 0 <= gap_b <= params.fill_gaps:
            filled.update(range(prev.a + prev.size, nxt.a))
    if params.dropped_word and n >= params.dropped_word and params.min_run > 1:
        # a single word in a filled gap (fill_gaps 2 or more) is counted once
        filled |= _dropped(matching, params.min_run, numbers if params.same_numbers else ())
    return (covered + len(filled)) / n, blocks[0].b, blocks[-1].b + blocks[-1].size - 1


def _dropped(matching: Sequence[tuple[int, int, int]], min_run: int, numbers: Sequence[int] = ()) -> set[int]:
    """The positions of the single matched words (``matching``: difflib's blocks) right next to a run of at
    least ``min_run`` words with one word of the second sequence between them: a word dropped
    from the source. A figure (its position in ``numbers``) does not count ("49.50 to" for
    "50.00 to": one figure in, one out, the other alike).

    >>> blocks = SequenceMatcher(None, [1, 2, 3, 5], [1, 2, 3, 4, 5], autojunk=False).get_matching_blocks()
    >>> _dropped(blocks, 2), _dropped(blocks, 2, [3])
    ({3}, set())
    >>> _dropped(SequenceMatcher(None, [5, 2, 3], [5, 4, 2, 3]).get_matching_blocks(), 2)
    {0}
    >>> _dropped(SequenceMatcher(None, [1, 2, 3, 5], [1, 2, 3, 4, 4, 5]).get_matching_blocks(), 2)
    set()
    """
    real = [b for b in matching if b[2] > 0]
    got: set[int] = set()
    for (a1, b1, s1), (a2, b2, s2) in pairwise(real):
        if s1 == 1 and s2 >= min_run and a2 == a1 + 1 and b2 == b1 + 2:
            got.add(a1)  # the single word, a dropped word, then the run
        if s2 == 1 and s1 >= min_run and a2 == a1 + s1 and b2 == b1 + s1 + 1:
            got.add(a2)  # the run, a dropped word, then the single word
    return got - set(numbers) if numbers else got


def _changed_figure(
    ours: Sequence[int],
    window: Sequence[int],
    bounds: Sequence[int],
    matching: Sequence[tuple[int, int, int]],
    wlo: int,
    whi: int,
    numbers: Sequence[int],
) -> bool:
    """Whether a figure of ``ours`` (at a position of ``numbers``) changed against ``window``.

    ``window`` holds passages whose word bounds are ``bounds`` (``p_word[lo:hi + 1]``: absolute,
    the first is the window's first word); ``ours`` aligns with window words ``wlo..whi``
    (:func:`_share`), ``matching`` are their ``get_matching_blocks()`` (any size, the last one the
    empty end block). Only the window passages that hold ``wlo..whi`` count (a figure of a
    neighbouring passage is no excuse: another day's report, "against 12.5 billion last week",
    the week before's figure in the line above). A figure changed when it is not aligned word
    for word, those passages have it fewer times than ``ours`` ("payable March 5" for "March
    26" beside "of record March 5"), and between the matching blocks around it they have other
    words (it took their place; only inserted, it changes nothing), unless those words are the
    figure's aliases, with relative words and figures of ``ours`` beside them: a day or a month
    for another or the short form of its name, a day for a relative day, a month for a relative
    month (:func:`~pipeline.dedup.text.date_aliases`: "January 20" for "Jan 20", "on Monday" for
    "yesterday"), a number in digits for the same in words, a unit in another style
    (:func:`~pipeline.dedup.text.number_aliases`: "11 times" for "eleven times", "22 million" for
    "22 mln"). Figures are few: plain scans per figure.

    >>> def changed(ours, window, bounds, wlo, whi, numbers):
    ...     blocks = SequenceMatcher(None, ours, window, autojunk=False).get_matching_blocks()
    ...     return _changed_figure(ours, window, bounds, blocks, wlo, whi, numbers)
    >>> changed([1, 2, 7, 3, 4], [1, 2, 5, 3, 4], [0, 5], 0, 4, [2])  # 7 for 5
    True
    >>> changed([1, 2, 7, 3, 4], [1, 2, 5, 3, 4], [0, 5], 0, 4, [0])  # 1 kept
    False
    >>> changed([1, 2, 7, 3, 4], [1, 2, 3, 4], [0, 4], 0, 3, [2])  # 7 inserted
    False
    >>> changed([1, 2, 3, 4, 7], [1, 2, 3, 4, 8, 9], [0, 4, 6], 0, 3, [4])  # 7 added at the end
    False
    >>> changed([1, 2, 3, 7], [1, 2, 3, 4, 7], [0, 5], 0, 2, [3])  # 7 moved, or held elsewhere
    False
    >>> changed([1, 7, 3, 4, 7], [1, 2, 3, 4, 7], [0, 5], 0, 4, [1, 4])  # 7 for 2 beside a 7
    True

    Passage 0 of the window holds the 7, but ours matched passage 1 only:

    >>> ours, window = [8, 9, 7, 3, 4], [7, 6, 6, 6, 8, 9, 5, 3, 4]
    >>> changed(ours, window, [10, 14, 19], 4, 8, [2]), changed(ours, window, [10, 19], 4, 8, [2])
    (True, False)

    A day for a relative day is a light edit, for another day not:

    >>> from pipeline.dedup.text import word_hash as h
    >>> ours = [h("held"), h("on"), h("monday"), h("in"), h("leeds")]
    >>> blocks = lambda w: SequenceMatcher(None, ours, w, autojunk=False).get_matching_blocks()
    >>> for other in ("yesterday", "friday"):
    ...     w = [h("held"), h("on"), h(other), h("in"), h("leeds")]
    ...     print(other, _changed_figure(ours, w, [0, 5], blocks(w), 0, 4, [2]))
    yesterday False
    friday True

    A word of ours aligned with a neighbouring passage ("Callum Reyes" in the line above) does not
    make an inserted figure a changed one ("Reyes, 32, who ..." for "Reyes, who ..."):

    >>> ours = [h(w) for w in "reyes 32 who found fame with the group".split()]
    >>> w = [h(w) for w in "singer callum reyes was banned reyes who found fame with the group".split()]
    >>> _changed_figure(ours, w, [0, 5, 13], blocks(w), 5, 12, [1])
    False

    A figure aligned on its own does not place the next one: "2.7" (two words) for "3.2":

    >>> ours = [h(w) for w in "chain closed down 2 7 after warning".split()]
    >>> w = [h(w) for w in "chain fell 3 2 after warning".split()]
    >>> _changed_figure(ours, w, [0, 6], blocks(w), 0, 5, [3, 4])
    True
    """
    base = bounds[0]
    first = bounds[bisect.bisect_right(bounds, base + wlo) - 1] - base
    end = bounds[bisect.bisect_right(bounds, base + whi)] - base
    held = Counter(window[first:end])
    mine = Counter(ours[p] for p in numbers)
    # a figure aligned on its own says nothing of where the next one stands: "2.7" (two words)
    # against "3.2" aligns the "2"s, and the "7" then looked inserted after it
    figure_at = set(numbers)
    aligned = matching
    matching = [m for m in matching if m[2] != 1 or m[0] not in figure_at]
    starts = [a for a, _, _ in matching]  # ascending; the last is the empty end block at len(ours)
    for p in numbers:
        k = bisect.bisect_right(starts, p)  # matching[k]: the first block after p
        if mine[ours[p]] <= held[ours[p]]:
            continue  # the matched passages have this figure as often, here or elsewhere ("in 1939")
        if k > 0:
            a, b, size = matching[k - 1]
            if p < a + size:
                continue  # aligned word for word
            before = max(first, b + size)  # where the matched passages' words after that block begin
        else:
            before = first
        stop = min(matching[k][1], end)
        if stop > before:
            gap = window[before:stop]
            # every word there an alias, a relative word or a figure of ours ("Aug 14": the "14"
            # aligned on its own, left out above): not "last Friday", "a month", "12 month", nor
            # "6-3/16" for "six"
            aliases = date_aliases(ours[p])
            if not aliases.isdisjoint(gap) and all(
                w in aliases or w in RELATIVE_MARKERS or w in mine for w in gap
            ):
                continue  # a day for "yesterday", "January" for "Jan", a month for "next month"
            aliases = number_aliases(ours[p])
            if not aliases.isdisjoint(gap) and all(w in aliases or w in mine for w in gap):
                continue  # "11" for "eleven", "22 million" for "22 mln"
            if ours[p] in YEARS and len(gap) == 2 and all(w in RELATIVE_YEAR for w in gap):
                continue  # a year for a relative year ("go ahead in 2001" for "go ahead next year")
            if (
                len(gap) == 2
                and (gap[0], gap[1]) in THIS_PART_OF_DAY
                and not RELATIVE_DAYS.isdisjoint(date_aliases(ours[p]))
                and (p + 1 >= len(ours) or ours[p + 1] not in PARTS_OF_DAY)
            ):
                continue  # a day for "this afternoon", "last night" (not "every night" for "every Sunday")
            if (
                (len(gap) == 2 and (gap[0], gap[1]) in IN_A_DAY)
                or (len(gap) == 1 and before > first and (window[before - 1], gap[0]) in IN_A_DAY)
            ) and not RELATIVE_DAYS.isdisjoint(date_aliases(ours[p])):
                continue  # a day for "i går", "i dag", "i kväll" (its "i" aligned or not)
            # a figure added beside a relative day's edit, the other words of ours there relative days as the
            # window's are ("Blake, 24, yesterday in" for "Blake today in"): only inserted
            after = matching[k - 1][0] + matching[k - 1][2] if k > 0 else 0
            words = [ours[q] for q in range(after, matching[k][0]) if q not in figure_at]
            if len(words) == len(gap) and all(w in RELATIVE_DAYS for w in (*gap, *words)):
                continue
            if (first > 0 or end < len(window)) and any(
                size and (b < first or b + size > end) for _, b, size in aligned
            ):
                # the alignment was with the whole window, and a word of ours went to a neighbouring
                # passage ("Reyes, 32, who ..." whose "Reyes" went to "Callum Reyes" in the line
                # above): ask again of the matched passages alone (when every aligned word is in
                # them, that alignment would be this one, and so would the answer)
                inner = window[first:end]
                blocks = SequenceMatcher(None, ours, inner, autojunk=False).get_matching_blocks()
                sub = [b - base for b in bounds if base + first <= b <= base + end]
                return _changed_figure(ours, inner, sub, blocks, 0, len(inner) - 1, numbers)
            return True  # the window has other words where the figure stands
    return False


_WINDOW_CACHE = 1024
"""Windows kept for later documents (a few MB; 70 % of window builds repeat on 2,000 Reuters documents)."""

_Window = tuple["array[int]", "array[int]", set[int], set[int]]
"""The words of passages ``lo:hi`` of the index, their word bounds ``p_word[lo:hi + 1]``, their word pairs
and their pairs of words one apart (:func:`_skip_set`, empty without ``params.dropped_word``)."""


def _build_window(index: DedupIndex, lo: int, hi: int, params: DedupParams) -> _Window:
    bounds = index.p_word[lo : hi + 1]
    window = index.words[bounds[0] : bounds[-1]]  # a document's passages are contiguous in the index
    return window, bounds, _pair_set(window), _skip_set(window) if params.dropped_word else set()


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
    numbers: Sequence[int] = (),
) -> tuple[float, int, int]:
    """Similarity of a passage to a window of passages, and the window passages that matched.

    The unordered bigram coverage is an upper bound of the aligned share and
    is checked first: below ``floor`` the (slower) alignment is skipped.
    ``pairs`` may pass ``_pairs(ws)`` when the caller has it (one passage, several windows).
    ``numbers``: positions of the figures in ``ws`` (see :func:`_aligned`).
    """
    window, bounds, keys, skips = win
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
        if _coverage(pairs[rlo : rhi - 1], rhi - rlo, keys, params, skips) < floor:
            continue
        nums = [p - rlo for p in numbers if rlo <= p < rhi] if numbers else ()
        sim, wlo, whi = _aligned(ws, rlo, rhi, window, params, nums, bounds)
        if sim > best[0]:
            best = (sim, _owner(bounds, lo, wlo), _owner(bounds, lo, whi))
    return best


_U64 = np.uint64


def _ranges(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The concatenated ranges ``starts[k] : starts[k] + lengths[k]``.

    >>> _ranges(np.array([5, 0, 9]), np.array([2, 0, 3])).tolist()
    [5, 6, 9, 10, 11]
    """
    ends = lengths.cumsum()
    total = int(ends[-1]) if len(ends) else 0
    out: npt.NDArray[np.int64] = (starts - ends + lengths).repeat(lengths) + np.arange(total, dtype=np.int64)
    return out


_Candidate = tuple[int, int, int]
"""(earlier document, first and end passage of its window)."""


def _candidates(
    sig: DocSignature,
    index: DedupIndex,
    keys: Keys,
    sizes: Sequence[int],
    min_words: int,
    params: DedupParams,
    before: int | None = None,
) -> dict[int, list[_Candidate]]:
    """Per passage of at least ``min_words`` words: its candidate documents (those with the most
    anchor hits, ties: the earliest; at most ``params.max_candidates``; in no set order, see
    :func:`_ranked`) with their windows.

    The same as probing each passage (:meth:`DedupIndex.probe`), counting one hit per distinct
    3-gram and indexed passage, dropping documents indexed under this document's id, ranking,
    and :func:`_window`; passages without hits are left out. Only the bit filter runs in numpy
    (over all 3-grams at once); the few keys it lets through are looked up one by one, in plain
    Python, which beats numpy's per-call cost on lists this small.

    ``before``: only passages indexed before this passage id count (a rerun decided against
    the index as it stood when its first run decided it).
    """
    if not len(keys):
        return {}
    held = np.flatnonzero(index.may_hold(keys))
    if not len(held):
        return {}
    offsets = sig.word_offsets
    own = index.docs_named(sig.doc_id)  # an earlier run's copy of this very document is not earlier
    p_doc, lookup = index.p_doc, index.lookup
    if before is not None:
        # a rerun keeps the place of its first decision: passages indexed after it are later,
        # and the anchors they made stop-shingles were not stop-shingles then
        lookup = partial(index.lookup, before=before)
    found: dict[int, list[int]] = {}  # key -> passage ids holding it as an anchor
    out: dict[int, list[_Candidate]] = {}
    i, end = -1, 0  # the passage of the current 3-gram, its end word
    seen: set[int] = set()  # distinct keys of passage i
    hits: dict[int, list[int]] = {}  # earlier document -> hit passage ids, of passage i
    for p, k in zip(held.tolist(), keys[held].tolist(), strict=True):
        if p >= end:
            if hits:
                out[i] = _ranked(index, hits, params)
            i = bisect_right(offsets, p) - 1
            end = offsets[i + 1]
            seen.clear()
            hits = {}
        if p + 3 > end or sizes[i] < min_words or k in seen:
            continue
        seen.add(k)
        pids = found.get(k)
        if pids is None:
            pids = found[k] = lookup(k)
        for pid in pids:
            d = p_doc[pid]
            if d in hits:
                hits[d].append(pid)
            elif not own or d not in own:
                hits[d] = [pid]
    if hits:
        out[i] = _ranked(index, hits, params)
    return out


def rerun_of(sig: DocSignature, index: DedupIndex) -> int | None:
    """The indexed copy this document is a rerun of: the latest document indexed under its id,
    when it has the very same words (the same input run again), else None.

    >>> idx = DedupIndex()
    >>> for name, w in (("a", 1), ("b", 2), ("a", 3)):
    ...     _ = idx.add_document(name, [0], [5], [0, 1], array("H", [w]))
    >>> def sig(name, w):
    ...     return DocSignature(name, array("I", [0]), array("I", [5]), array("Q", [0, 1]), array("H", [w]),
    ...                         array("H", [0, 0]), array("H", [0]), array("B", [0]))
    >>> [rerun_of(sig(name, w), idx) for name, w in (("a", 3), ("a", 1), ("b", 2), ("c", 2))]
    [2, None, 1, None]
    """
    own = index.docs_named(sig.doc_id)
    if not own:
        return None
    words = sig.words if isinstance(sig.words, array) else array("H", sig.words)
    latest = own[-1]
    if words.typecode == "H" and index.document_words(latest) == words:
        return latest
    return None


def _ranked(index: DedupIndex, hits: dict[int, list[int]], params: DedupParams) -> list[_Candidate]:
    """The candidates of one passage from its ``{earlier document: hit passage ids}``: those with
    the most hits (ties: the earliest documents), at most ``params.max_candidates``, with
    :func:`_window`.

    Their order does not matter to :func:`decide` (a passage's best match is the highest
    similarity, ties the earliest document), so only a passage with more candidates than
    that is sorted, on tuples (no key function: a third of the reduce's sorting time).

    >>> idx = DedupIndex()
    >>> for k in range(6):
    ...     _ = idx.add_document(f"d{k}", [0], [5], [0, 3], array("H", [k, k + 1, k + 2]))
    >>> hits = {5: [5], 1: [1, 1], 4: [4], 3: [3, 3], 0: [0]}
    >>> [c[0] for c in _ranked(idx, hits, DedupParams(max_candidates=3))]
    [1, 3, 0]
    >>> sorted(c[0] for c in _ranked(idx, hits, DedupParams(max_candidates=5)))
    [0, 1, 3, 4, 5]
    """
    if len(hits) > params.max_candidates:
        top = sorted([(-len(pids), d) for d, pids in hits.items()])[: params.max_candidates]
        chosen: Iterable[tuple[int, list[int]]] = [(d, hits[d]) for _, d in top]
    else:
        chosen = hits.items()
    # :func:`_window` of each, spelt out (a third of the time here went to its calls)
    doc_first, radius, max_window = index.doc_first, params.radius, params.max_window
    last = len(doc_first) - 1
    out: list[_Candidate] = []
    for d, pids in chosen:
        first = doc_first[d]
        end = doc_first[d + 1] if d < last else len(index.p_doc)
        if len(pids) == 1:  # most documents: one hit
            lo = pids[0] - radius
            hi = pids[0] + radius + 1
        else:
            lo = min(pids) - radius
            hi = max(pids) + radius + 1
        if lo < first:
            lo = first
        if hi > end:
            hi = end
        if hi - lo > max_window:
            lo, hi = _window(index, d, pids, params)
        out.append((d, lo, hi))
    return out


def _coverages(
    sig: DocSignature, index: DedupIndex, queries: Sequence[tuple[int, int, int, int]], dropped_word: int = 0
) -> list[float]:
    """:func:`_coverage` (``fill_gaps`` 1) of many ``(first word, end word, window lo, window hi)`` at once:
    the share of the signature's words ``first:end`` covered by word pairs of the index passages
    ``lo:hi``, a single uncovered word between two covered ones counting as covered, and, in a query of
    at least ``dropped_word`` (> 0) words, a word beside a covered one when the window has the two one
    word apart."""
    q = np.array(queries, dtype=np.int64).reshape(-1, 4)
    seen: dict[tuple[int, int], int] = {}
    wid = np.array([seen.setdefault((lo, hi), len(seen)) for _, _, lo, hi in queries], dtype=np.int64)
    wins = np.array(list(seen), dtype=np.int64).reshape(-1, 2)
    p_word = np.frombuffer(index.p_word, dtype=np.uint64)
    wstart = p_word[wins[:, 0]].astype(np.int64)
    wlen = p_word[wins[:, 1]].astype(np.int64) - wstart
    del p_word
    iw = np.frombuffer(index.words, dtype=np.uint16)[_ranges(wstart, wlen)].astype(_U64)
    tag = np.repeat(np.arange(len(wins), dtype=_U64), wlen)
    inside = np.ones(len(iw), dtype=bool)
    wend = wlen.cumsum()
    inside[wend - 1] = False  # a window's last word starts no pair of it
    table = ((tag << _U64(32)) | (iw << _U64(16)) | np.append(iw[1:], _U64(0)))[inside]
    table.sort()
    sw = (
        np.frombuffer(sig.words, dtype=np.uint16).astype(_U64)
        if sig.words.itemsize == 2
        else (np.asarray(sig.words, dtype=_U64))
    )
    pairs = (sw[:-1] << _U64(16)) | sw[1:]
    n = q[:, 1] - q[:, 0]
    npairs = np.maximum(n - 1, 0)
    slots = n + 1  # a slot per word and one (always clear) between queries
    s0 = slots.cumsum() - slots
    src = _ranges(q[:, 0], npairs)
    probe = (wid.astype(_U64).repeat(npairs) << _U64(32)) | pairs[src]
    at = np.minimum(table.searchsorted(probe), max(len(table) - 1, 0))
    found = np.zeros(int(slots.sum()) + 1, dtype=bool)
    at_pair = _ranges(s0, npairs)  # the slot of each pair's first word
    if len(table):
        found[at_pair] = table[at] == probe
    cov = found.copy()
    cov[1:] |= found[:-1]  # word k is covered by pair k - 1 or pair k
    if dropped_word and len(table) and (n >= dropped_word).any():
        # our pair k (of a long query) of one covered and one uncovered word, found among the
        # window's pairs of words one apart, covers the other word too (a word dropped between)
        half = (cov[at_pair] != cov[at_pair + 1]) & (n >= dropped_word).repeat(npairs)
        if half.any():
            used = np.zeros(len(wins), dtype=bool)
            used[wid.repeat(npairs)[half]] = True
            inside2 = used.repeat(wlen)
            inside2[wend - 1] = False
            inside2[wend[wlen > 1] - 2] = False
            after2 = np.append(iw[2:], [_U64(0), _U64(0)])[: len(iw)]
            table2 = ((tag << _U64(32)) | (iw << _U64(16)) | after2)[inside2]
            table2.sort()
            if len(table2):
                ask = probe[half]
                hit = np.zeros(len(probe), dtype=bool)
                hit[half] = table2[np.minimum(np.searchsorted(table2, ask), len(table2) - 1)] == ask
                ks = at_pair[hit]
                cov[ks] = True
                cov[ks + 1] = True
    gap = np.zeros_like(cov)
    gap[1:-1] = ~cov[1:-1] & cov[:-2] & cov[2:]
    gap[s0 + n] = False  # a separator is no word
    counted = (cov | gap)[:-1].astype(np.int64)
    got = np.add.reduceat(counted, s0) if len(s0) else counted[:0]
    share: list[float] = (got / n).tolist()
    return share


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


def _longer_quote(n: int, quoted: int, speech: bool, params: DedupParams) -> bool:
    """Whether a passage is quoted speech under a longer attribution, for the evidence rule only
    (``params.quote_attribution_max``): a speech verb in at most that many words outside the
    quotation, and the quotation at least half the passage (not a narrative sentence with a scare
    quote: 'Police said the attack was "unprovoked" and appealed for witnesses.').

    >>> p = DedupParams()
    >>> _longer_quote(20, 12, True, p), _longer_quote(20, 12, False, p), _longer_quote(14, 1, True, p)
    (True, False, False)
    >>> _longer_quote(40, 28, True, p), _longer_quote(40, 27, True, p)
    (True, False)
    """
    outside = n - quoted
    return speech and 2 * quoted >= n and 0 < outside <= params.quote_attribution_max


def _attribution_copied(sim: float, n: int, quoted: int) -> bool:
    """Whether a quotation's sentence that matched at ``sim`` copies its attribution too: the words
    the match holds beyond the quotation's (all of which it may hold), at least ``_ATTRIBUTION_COPIED``
    of the words outside it. A long quotation under the paper's own attribution matches at 0.9 on
    the quotation alone, and so is not counted so.

    >>> _attribution_copied(1.0, 18, 7), _attribution_copied(0.9, 52, 45), _attribution_copied(0.85, 17, 7)
    (True, False, True)
    """
    outside = n - quoted
    return outside > 0 and sim * n - quoted >= _ATTRIBUTION_COPIED * outside


def _apart(n: int, clo: int, chi: int, speech: bool, params: DedupParams) -> bool:
    """Whether the quoted core ``clo:chi`` of a passage of ``n`` words is scored apart from a longer
    attribution (:func:`_with_attribution`): more words outside it than ``params.attribution_max``
    (and not a speech verb's case of ``params.attribution_verb_max``), but a quotation under a
    longer attribution by :func:`_longer_quote` (a speech verb in at most
    ``params.quote_attribution_max`` words, the quotation at least half the passage).

    >>> p = DedupParams()
    >>> _apart(23, 0, 15, True, p), _apart(20, 0, 15, True, p), _apart(23, 0, 15, False, p)
    (True, False, False)
    >>> _apart(30, 0, 14, True, p)  # 16 words outside: the paper's own sentence around a quotation
    False
    """
    outside = n - (chi - clo)
    return (
        chi > clo
        and outside > params.attribution_max
        and not (speech and outside <= params.attribution_verb_max)
        and _longer_quote(n, chi - clo, speech, params)
    )


def _with_attribution(sim: float, ws: Sequence[int], clo: int, chi: int, matched: Sequence[int]) -> float:
    """The similarity of a passage whose quoted core ``clo:chi`` of words ``ws`` matched at ``sim``
    and whose attribution is read apart (:func:`_apart`): the core's aligned words and the
    attribution's words that the matched passages' words ``matched`` hold besides the core's, in
    any order, over all the passage's words. A quotation moved before its attribution ('"Any sign
    ... manna for the miners," said Tom Reddy, an analyst at Fenwick Markets.' for 'Tom Reddy, an
    analyst at Fenwick Markets, said: "Any sign ..."'), or an attribution rewritten with a figure
    ("Speaking outside No 10, Mr Lyle said:" for "Speaking to reporters outside Downing Street on
    Tuesday morning, Andrew Lyle said:"), is scored as the words it shares; the attribution's words
    are not aligned, and its figures not looked at.

    >>> ws = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # "Q Q Q Q Q Q, said Tom Reddy of Fenwick"
    >>> _with_attribution(1.0, ws, 0, 6, [8, 9, 10, 7, 1, 2, 3, 4, 5, 6])
    1.0
    >>> _with_attribution(1.0, ws, 0, 6, [11, 12, 7, 1, 2, 3, 4, 5, 6])  # the paper's own attribution
    0.7
    """
    have = Counter(matched)
    have.subtract(ws[clo:chi])
    got = 0
    for w in (*ws[:clo], *ws[chi:]):
        if have[w] > 0:
            have[w] -= 1
            got += 1
    return (sim * (chi - clo) + got) / len(ws)


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
    Monday.") is formulaic and never removed. A line fragment of a hard-wrapped sentence
    (``sig.runs_on``) of ``min_words`` or more that the evidence rule left unmatched is read the
    same way, speech verb or not, and at the document's first or last passages one matched side
    of the run is enough (a refile's first line "Bond Corp Holdings Ltd said it").
    """
    out: dict[int, _Match] = {}
    if params.short_in_run <= 0:
        return out
    runs_on = sig.runs_on
    # a line fragment of a hard-wrapped sentence left unmatched for lack of evidence (its best match
    # was another story that began alike) is read like a short passage: a copy inside a run
    fragment = [
        bool(runs_on and runs_on[i]) and n >= min_words and i not in matched for i, n in enumerate(sizes)
    ]
    long_ = [n >= min_words and not fragment[i] for i, n in enumerate(sizes)]
    after = [-1] * len(sizes)  # the first long passage after each one
    for i in range(len(sizes) - 2, -1, -1):
        after[i] = i + 1 if long_[i + 1] else after[i + 1]
    prev = -1  # the last long passage
    for i, n in enumerate(sizes):
        if long_[i]:
            prev = i
            continue
        nxt = after[i]
        if fragment[i]:
            # at the document's edges one side of the run is enough (a first line "X Corp said its")
            sides = [m for m in (prev, nxt) if m in matched]
            if not sides or (len(sides) == 1 and prev != -1 and nxt != -1):
                continue
        elif n < params.short_in_run or sig.speech[i] or prev not in matched or nxt not in matched:
            continue
        else:
            sides = [prev, nxt]
        if matched[sides[-1]][1] != matched[sides[0]][1]:
            continue
        d = matched[sides[0]][1]
        first, end = index.doc_range(d)
        spans = sorted(
            (max(first, m[2] - params.radius), min(end, m[3] + params.radius + 1))
            for m in (matched[sides[0]], matched[sides[-1]])
        )
        if spans[1][0] <= spans[0][1]:
            spans = [(spans[0][0], max(spans[0][1], spans[1][1]))]
        for lo, hi in spans:
            sim, mlo, mhi = _verify_in(sig, i, index, lo, hi, windows, params, threshold)
            if sim >= threshold and (i not in out or sim > out[i][0]):
                out[i] = (sim, d, mlo, mhi)
    return out


def _verify_in(
    sig: DocSignature,
    i: int,
    index: DedupIndex,
    lo: int,
    hi: int,
    windows: dict[tuple[int, int], _Window],
    params: DedupParams,
    threshold: float,
) -> tuple[float, int, int]:
    """:func:`_verify` of passage ``i`` with the window of passages ``lo:hi`` (built once in
    ``windows``), its figures looked at: for a passage read next to other duplicates' matches."""
    win = windows.get((lo, hi))
    if win is None:
        win = windows[(lo, hi)] = _build_window(index, lo, hi, params)
    nums = sig.passage_numbers(sig.word_offsets[i], sig.word_offsets[i + 1])
    core = (sig.cores[2 * i], sig.cores[2 * i + 1])
    return _verify(sig.passage_words(i), core, False, win, lo, params, threshold, numbers=nums)


def _beside_matches(
    sig: DocSignature,
    sizes: Sequence[int],
    index: DedupIndex,
    matched: dict[int, _Match],
    is_quote: Sequence[bool],
    min_words: int,
    threshold: float,
    params: DedupParams,
) -> dict[int, _Match]:
    """Passages next to a duplicate that align with its source there (``params.beside_radius``).

    Candidate retrieval finds a passage by a winnowed 3-gram of it that the earlier document
    holds as an anchor: a run of ``min_words`` shared words always has one, a sentence cut down
    or reworded to shorter shared runs may have none. A passage of ``min_words`` to
    ``_BESIDE_MAX_WORDS`` words that is no duplicate, whose neighbour (the passage right before or
    after it) is one (in ``matched``, after the evidence rule), is verified against the
    neighbour's match plus ``params.beside_radius`` passages on each side (at most
    ``_BESIDE_MAX_WINDOW`` words), strictly: words aligned in runs, no changed word between two
    runs counted as covered and no dropped word (a paraphrase of the wire's next sentence reaches
    the threshold with those: "The fog is forecast to lift by the afternoon but return tonight."
    for "... the fog was expected to lift by early afternoon but would return overnight."). Quoted
    speech found so needs the evidence rule's count of duplicates of that earlier document,
    itself included; its neighbour is one. A line fragment of a hard-wrapped sentence
    (``sig.runs_on``) is not looked at: such lines begin stories alike (see :func:`_short_in_run`).
    """
    out: dict[int, _Match] = {}
    radius = params.beside_radius
    if radius <= 0 or not matched:
        return out
    strict = replace(params, fill_gaps=0, dropped_word=0)
    runs_on = sig.runs_on
    per_doc = Counter(m[1] for m in matched.values())
    windows: dict[tuple[int, int], _Window] = {}
    for i, n in enumerate(sizes):
        if not min_words <= n <= _BESIDE_MAX_WORDS or i in matched or (runs_on and runs_on[i]):
            continue
        for side in (i - 1, i + 1):
            m = matched.get(side)
            if m is None:
                continue
            d = m[1]
            if is_quote[i] and per_doc[d] + 1 < params.quote_support:
                continue
            first, end = index.doc_range(d)
            lo, hi = max(first, m[2] - radius), min(end, m[3] + radius + 1)
            if index.p_word[hi] - index.p_word[lo] > _BESIDE_MAX_WINDOW:
                continue
            sim, mlo, mhi = _verify_in(sig, i, index, lo, hi, windows, strict, threshold)
            if sim >= threshold and (i not in out or sim > out[i][0]):
                out[i] = (sim, d, mlo, mhi)
    return out


_ATTRIBUTION_COPIED = 0.7
"""A quotation under an attribution longer than ``attribution_max`` words (quoted speech by
``quote_attribution_max``) whose match holds at least this share of the attribution's words copies
the source's sentence, attribution and all ("Efraim Inbar, president of the Jerusalem Institute for
Strategy and Security, said."; "Dr Tom Hale, a spokesman for the charity Mind Well, added:" for "Dr
Tom Hale, of the charity Mind Well, said:"): narrative, removed without further evidence; under the
paper's own attribution it is quoted speech (:func:`_attribution_copied`)."""
_BESIDE_MAX_WORDS = 120
"""A passage longer than this is no edited sentence (a page's unsplit block): not looked for beside a
duplicate, whose alignment would cost as much as the rest of the document's."""
_BESIDE_MAX_WINDOW = 1500
"""Words of the earlier document a passage beside a duplicate is aligned with, at most."""


def _score_ranges(sig: DocSignature, i: int, n: int, params: DedupParams) -> list[tuple[int, int]]:
    """The word ranges of passage ``i`` (``n`` words) that :func:`_verify` scores: all of it, and its
    quoted core when the rest is a short attribution or, scored with its words apart, a longer one
    (:func:`_apart`)."""
    clo, chi = sig.cores[2 * i], sig.cores[2 * i + 1]
    outside = n - (chi - clo)
    speech = sig.speech[i] and 0 < outside <= params.attribution_verb_max
    if chi > clo and (0 < outside <= params.attribution_max or speech):
        return [(0, n), (clo, chi)]
    if params.quote_attribution_max and _apart(n, clo, chi, bool(sig.speech[i]), params):
        return [(0, n), (clo, chi)]  # scored with its attribution's words apart (_Verifier.score)
    st = sig.statements
    if st is not None and st[2 * i + 1] > st[2 * i]:
        return [(0, n), (st[2 * i], st[2 * i + 1])]
    return [(0, n)]


def _slow_coverages(
    sig: DocSignature, index: DedupIndex, queries: Sequence[tuple[int, int, int, int]], params: DedupParams
) -> list[float]:
    """:func:`_coverages` for any ``params.fill_gaps`` (one :func:`_coverage` per query)."""
    out: list[float] = []
    for a, b, lo, hi in queries:
        ws = sig.words[a:b]
        _, _, keys, skips = _build_window(index, lo, hi, params)
        out.append(_coverage(_pairs(ws), len(ws), keys, params, skips))
    return out


_Matcher = tuple[SequenceMatcher, "array[int]", list[int]]  # type: ignore[type-arg]
"""A matcher whose second sequence is the words of passages ``lo:hi`` of the index, their word
bounds, and those words (the matcher's own list)."""


def _aligned_window(
    ws: array[int],
    index: DedupIndex,
    lo: int,
    hi: int,
    matchers: dict[tuple[int, int], _Matcher],
    params: DedupParams,
    numbers: Sequence[int] = (),
) -> tuple[float, int, int, bool]:
    """:func:`_aligned` of ``ws`` with the window of passages ``lo:hi``, but the figures
    (``numbers``: their positions in ``ws``) only looked at: the similarity, the passages matched
    (``(0.0, lo, lo)`` when none), and whether a figure changed (:func:`_changed_figure`; then
    :func:`_aligned` gives 0.0). The window's matcher is kept in ``matchers``."""
    m = matchers.get((lo, hi))
    if m is None:
        if len(matchers) >= _WINDOW_CACHE:
            # a long document that copies a long one has a window per passage: 186,000 matchers
            # (2.5 GB) for a 14 MB copy before; a matcher gives the same answer made again
            matchers.clear()
        bounds = index.p_word[lo : hi + 1]
        window = index.words[bounds[0] : bounds[-1]].tolist()
        sm = SequenceMatcher(None, [], window, autojunk=False)
        m = matchers[(lo, hi)] = (sm, bounds, window)
    sm, bounds, window = m
    ours = ws.tolist()
    sm.set_seq1(ours)
    sim, wlo, whi = _share(sm, len(ws), params, numbers)
    if not sim > 0.0:
        return 0.0, lo, lo, False
    changed = bool(numbers) and params.same_numbers
    changed = changed and _changed_figure(ours, window, bounds, sm.get_matching_blocks(), wlo, whi, numbers)
    return sim, _owner(bounds, lo, wlo), _owner(bounds, lo, whi), changed


class _Verifier:
    """:func:`_verify` for every (passage, candidate window) of one document: the coverage bounds of
    all of them computed at once (:func:`_coverages`), each alignment at most once."""

    def __init__(
        self,
        sig: DocSignature,
        index: DedupIndex,
        offsets: list[int],
        scored: list[tuple[int, list[tuple[int, int]], list[_Candidate]]],
        matchers: dict[tuple[int, int], _Matcher],
        params: DedupParams,
    ) -> None:
        self.sig, self.index, self.offsets, self.matchers, self.params = sig, index, offsets, matchers, params
        queries = [
            (offsets[i] + rlo, offsets[i] + rhi, lo, hi)
            for i, rs, cands in scored
            for _, lo, hi in cands
            for rlo, rhi in rs
        ]
        if not queries:
            self.bounds: list[float] = []
        elif params.fill_gaps == 1:
            self.bounds = _coverages(sig, index, queries, params.dropped_word)
        else:
            self.bounds = _slow_coverages(sig, index, queries, params)
        self.aligned: dict[tuple[int, int, int, int], tuple[float, int, int, bool]] = {}

    def score(
        self,
        i: int,
        lo: int,
        hi: int,
        rs: list[tuple[int, int]],
        q: int,
        floor: float,
        figures: bool = True,
    ) -> tuple[float, int, int, float]:
        """:func:`_verify` of passage ``i`` (ranges ``rs``) with the window of passages ``lo:hi``,
        whose coverage bounds start at query ``q``; a changed figure makes it 0.0 (``figures``
        False: it does not, for the evidence rule's short lines). And the
        similarity of the passage scored whole, in order (0.0 under ``floor``): whether a longer
        attribution is the source's too (:func:`_attribution_copied`) is read from it, not from the
        attribution's words in any order (any report names the speaker alike)."""
        best = (0.0, lo, lo)
        whole = 0.0
        base = self.offsets[i]
        n = self.offsets[i + 1] - base
        for k, (rlo, rhi) in enumerate(rs):
            if self.bounds[q + k] < floor:
                continue
            key = (base + rlo, base + rhi, lo, hi)
            got = self.aligned.get(key)
            if got is None:
                ws = self.sig.words[key[0] : key[1]]
                nums = self.sig.passage_numbers(key[0], key[1])
                got = self.aligned[key] = _aligned_window(
                    ws, self.index, lo, hi, self.matchers, self.params, nums
                )
            if (figures and got[3]) or not got[0] > best[0]:
                continue
            if not k:
                whole = got[0]
            if k and self._statement(i, rlo, rhi):
                if got[0] < self.params.statement_threshold:
                    continue  # a statement beside its attribution needs more than the sentence
            elif k and _apart(n, rlo, rhi, bool(self.sig.speech[i]), self.params):
                # a quotation beside a longer attribution (the quoted core: a statement is handled
                # above, review 49): the attribution's words apart
                index = self.index
                matched = index.words[index.p_word[got[1]] : index.p_word[got[2] + 1]]
                ws = self.sig.words[base : base + n]
                got = (_with_attribution(got[0], ws, rlo, rhi, matched), got[1], got[2], False)
                if not got[0] > best[0]:
                    continue
            best = got[:3]
        return (*best, whole)

    def _statement(self, i: int, rlo: int, rhi: int) -> bool:
        """Whether ``rlo:rhi`` is the statement of passage ``i`` (not its quoted core)."""
        st = self.sig.statements
        return st is not None and (st[2 * i], st[2 * i + 1]) == (rlo, rhi)


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
    matchers = cast(dict[tuple[int, int], _Matcher], index.windows)
    for sig in signatures:
        dups: list[Duplicate] = []
        dup_idx: list[int] = []
        if len(matchers) >= _WINDOW_CACHE:
            matchers.clear()
        words_by_doc: dict[int, int] = {}
        passing: list[tuple[int, list[_Match]]] = []  # per passage: every candidate at the threshold
        support: dict[int, list[tuple[int, int, bool]]] = {}  # earlier doc -> (passage, match, quoted)
        offsets = sig.word_offsets.tolist()
        sizes = [b - a for a, b in pairwise(offsets)]
        # quoted speech under a short attribution, or (for the evidence rule) under a longer one
        said = [_is_quote(n, sig.quoted[i], bool(sig.speech[i]), params) for i, n in enumerate(sizes)]
        longer = [
            not said[i] and _longer_quote(n, sig.quoted[i], bool(sig.speech[i]), params)
            for i, n in enumerate(sizes)
        ]
        is_quote = [a or b for a, b in zip(said, longer, strict=True)]
        keys = trigram_key_array(sig.words)
        rerun = rerun_of(sig, index)
        placed = None if rerun is not None else index.duplicate_place(sig.doc_id, sig.words)
        if rerun is not None:
            # the index as it stood when that copy was decided: up to its first passage (its own
            # anchors, indexed with it, must not count towards a stop-shingle's limit)
            before: int | None = index.doc_range(rerun)[0]
        elif placed is not None:
            # a whole duplicate decided before, with the same words: where it was decided
            before = placed
        else:
            # a rerun the index does not hold was a whole duplicate (of a store that did not record
            # them): its first run decided it right after the last document before it that it
            # indexed (this run's last rerun; wrong when a later night's inputs sort before it)
            before = index.rerun_end if sig.rerun else None
        candidates = _candidates(sig, index, keys, sizes, min_words, params, before)
        # every (passage, candidate window) with the word ranges to score: the passage, and its
        # quoted core when the passage is a quotation plus a short attribution
        scored = [(i, _score_ranges(sig, i, sizes[i], params), cands) for i, cands in candidates.items()]
        verifier = _Verifier(sig, index, offsets, scored, matchers, params)
        below: list[tuple[int, int, int, int, list[tuple[int, int]], int]] = []  # under the threshold
        q = 0
        copied_whole: list[int] = []  # quoted under a longer attribution that is the source's too
        for i, rs, cands in scored:
            ok: list[_Match] = []
            # (a quotation under a longer attribution is quoted speech unless the attribution is copied too)
            for d, lo, hi in cands:
                sim, mlo, mhi, in_order = verifier.score(i, lo, hi, rs, q, cfg.threshold)
                if sim >= cfg.threshold:
                    ok.append((sim, d, mlo, mhi))
                    whole = longer[i] and _attribution_copied(in_order, sizes[i], sig.quoted[i])
                    support.setdefault(d, []).append((i, mlo, is_quote[i] and not whole))
                    if whole:
                        copied_whole.append(i)
                else:
                    below.append((i, d, lo, hi, rs, q))
                q += len(rs)
            if ok:
                passing.append((i, ok))
        for i in copied_whole:
            is_quote[i] = False
        # quoted speech, and a line fragment of a hard-wrapped sentence ("Westinghouse Electric
        # Corp said it is"), which another story may begin alike, need more of the document to
        # match the same earlier one
        runs_on = sig.runs_on
        quotes = {
            i for i, _ in passing if params.quote_support > 1 and (is_quote[i] or (runs_on and runs_on[i]))
        }
        evidence = {d: _evidence(s, params.quote_order) for d, s in support.items()}
        need = {c[1] for i, ok in passing if i in quotes for c in ok if evidence[c[1]] < params.quote_support}
        # a rewritten sentence is evidence with the same figures; the wire's frame with other
        # figures is another fact, which a paper writing its own story has too (below), and for a
        # line fragment no evidence at all (another day's report, "The Bank of France said it sold
        # a total")
        rewritten = evidence
        if need and floor < cfg.threshold:
            # lazily (only for documents a quotation needs): passages under the threshold but at
            # least at the support floor are evidence too (a rewritten sentence of the same source)
            lenient = {d: list(s) for d, s in support.items()}
            short: dict[int, list[tuple[int, int, bool]]] = {}  # rewritten lines under rewritten_words
            for j, d, lo, hi, rs, qj in below:
                if d in need:
                    sim, mlo, _, _ = verifier.score(j, lo, hi, rs, qj, floor)
                    if sim >= floor:
                        support[d].append((j, mlo, is_quote[j]))
                        # its words besides figures: a paraphrase keeps the story's figures ("Profits
                        # climbed by 9 per cent to £1.2bn" for "a 9% rise in annual profits to £1.2
                        # billion"), which are facts, not wording
                        figures = sig.passage_numbers(sig.word_offsets[j], sig.word_offsets[j + 1])
                        long_ = sim * (sizes[j] - len(figures)) >= params.rewritten_words
                        (lenient[d] if long_ else short.setdefault(d, [])).append((j, mlo, is_quote[j]))
                        continue
                    sim, mlo, _, _ = verifier.score(j, lo, hi, rs, qj, floor, figures=False)
                    if sim >= floor:
                        # a figure changed: the wire's frame with another fact ("3.4 million fraud
                        # offences ... in the year to September" for "3.2 million ... to March"), or
                        # the tabloid's "Hale, 28, collapsed backstage" that the figure rule reads so;
                        # one such line is no evidence, with another short line it is
                        short.setdefault(d, []).append((j, mlo, is_quote[j]))
            # one short line sharing a phrase is no evidence; two or more are a paper reworking the
            # wire sentence by sentence ("Ticket holders will be offered full refunds.")
            for d, lines in short.items():
                if len(lines) >= 2:
                    lenient[d].extend(lines)
            evidence = {d: _evidence(s, params.quote_order) for d, s in support.items()}
            rewritten = {d: _evidence(s, params.quote_order) for d, s in lenient.items()}
        matched: dict[int, _Match] = {}
        for i, ok in passing:
            if i in quotes:
                # quoted speech alone is no evidence of copying (independent reports quote the
                # same statement): the document must share more with that earlier document
                enough = rewritten if is_quote[i] else evidence
                ok = [c for c in ok if enough[c[1]] >= params.quote_support]
                if not ok:
                    continue
            matched[i] = min(ok, key=lambda c: (-c[0], c[1]))
        # a passage beside a duplicate that retrieval did not find (no anchor in common) is read
        # next to its neighbour's match
        beside = _beside_matches(sig, sizes, index, matched, is_quote, min_words, cfg.threshold, params)
        matched.update(beside)
        matched.update(_short_in_run(sig, sizes, index, matched, {}, min_words, cfg.threshold, params))
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
        # the very same text as a document indexed before (before this one's place, for a rerun of
        # a whole duplicate): a whole duplicate, though its passages are too short to compare (a
        # page of short lines crawled twice)
        same = None
        if rerun is None and not (dups and share >= cfg.document_threshold) and sig.total_words >= min_words:
            same = index.exact_copy(sig.digest) if sig.digest else None
            if same is not None and (
                index.doc_ids[same] == sig.doc_id
                or (before is not None and index.doc_range(same)[0] >= before)
            ):
                same = None
        if same is not None:
            dup_of, share = index.doc_ids[same], 1.0
            logger.debug("%s: the same text as %s", sig.doc_id, dup_of)
            if placed is None:
                index.add_duplicate(sig.doc_id, sig.words, before)
        elif dups and share >= cfg.document_threshold:
            top = min(words_by_doc, key=lambda d: (-words_by_doc[d], d))
            dup_of = index.doc_ids[top]
            logger.debug("%s: whole-document duplicate of %s (%.2f)", sig.doc_id, dup_of, share)
            if rerun is None and placed is None:
                index.add_duplicate(sig.doc_id, sig.words, before)
        elif rerun is None:  # a rerun's copy is indexed already, in its place
            index.rerun_end = None  # a new document: what follows is no longer a rerun of one run
            # a quotation kept for lack of evidence is a near-copy all the same: like a duplicate, it
            # gets no anchors, so later documents find the earliest copy (not a second report of it)
            # (a line fragment kept so is no copy: another story began alike; it keeps its anchors)
            kept_copies = [i for i, _ in passing if i not in matched and is_quote[i]]
            index.add_document(
                sig.doc_id,
                sig.starts,
                sig.ends,
                sig.word_offsets,
                sig.words,
                dup_idx + kept_copies,
                keys,
                sig.anchors,
                sig.digest,
            )
        if rerun is not None:
            index.rerun_end = index.doc_range(rerun)[1]
        results[sig.doc_id] = DedupResult(tuple(dups), dup_of, round(share, 3))
        del sig, keys, verifier  # signatures may be streamed: keep nothing of this one beyond the index
    return results
