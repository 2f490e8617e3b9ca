"""Language detection: the langdetect adapter (the only module that imports langdetect).

langdetect is random unless seeded, and its module-level ``DetectorFactory`` is
global state. We build our own factory per process and seed, so results are
the same in every process and on every run.

Detection runs on the *kept* text (boilerplate removed), on a bounded sample
spread over the text (start, middle, end), so cost does not grow with long
documents. Too little text, or a top probability below the configured
confidence, gives ``und``.

Two methods share langdetect's profiles, text cleaning and n-gram definition:

- ``profile`` (default): the naive Bayes score that langdetect *estimates* by
  random sampling (7 trials of up to 1000 random n-gram draws, smoothing
  ``alpha / 10000`` with ``alpha = 0.5``), computed exactly: the sum of the
  smoothed log probabilities of every n-gram of the sample, for all 55
  languages at once (numpy). No randomness at all, and about 15 times faster;
  it agreed with full-text langdetect on 1,200 of 1,200 BBC, Reuters and
  10kGNAD articles (``benchmarks/throughput.py`` reports the agreement).
  Where the evidence is thin (the two best languages less than
  ``fallback_margin`` apart per n-gram, about 3 % of Reuters items, mostly
  earnings tables such as ``Shr 11 cts vs 13 cts``), langdetect's own answer is
  itself close to a coin toss between en/sv/da/de; there we defer to seeded
  langdetect, so that the labels stay those of langdetect.
- ``langdetect``: langdetect's own randomised detector, seeded.

Both give the results of the straightforward computation, only faster:

- the profile score adds up one cached score vector per distinct word (times
  its count) instead of one profile row per n-gram. That rounds differently in
  the last bits, so where the result lies within ``_SCORE_SLACK`` of a decision
  (the fallback margin, a rounding step of the reported probability) it is
  recomputed n-gram by n-gram;
- seeded langdetect is replayed with numpy (``_replay_langdetect``): the same
  random draws from Python's own generator with the same seed (drawn in bulk),
  each trial's running product as a cumulative sum of logarithms, the
  convergence check at the same steps. Where floating point could tell the two
  apart (a check within ``_REPLAY_SLACK`` of its threshold, probabilities near
  a rounding step, a language underflowing and then recovering), langdetect
  itself runs. ``tests/test_language_fast.py`` compares both with the originals.

>>> from pipeline.config import LanguageConfig
>>> detect_text("The government said on Monday that it would raise taxes next year.", LanguageConfig())[0]
'en'
>>> de = "Die Regierung hat am Montag angekündigt, die Steuern im nächsten Jahr zu erhöhen."
>>> detect_text(de, LanguageConfig())[0]
'de'
>>> detect_text("ok", LanguageConfig())
('und', 0.0)
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import random
import re
from collections import Counter
from dataclasses import replace

import numpy as np
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.ngram import NGram

from pipeline.config import LanguageConfig
from pipeline.document import Category, Document

log = logging.getLogger(__name__)

UNDETERMINED = "und"

_FACTORIES: dict[int, DetectorFactory] = {}


def _factory(seed: int) -> DetectorFactory:
    """One loaded, seeded factory per process and seed (loading profiles takes ~0.3 s)."""
    factory = _FACTORIES.get(seed)
    if factory is None:
        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.seed = seed
        _FACTORIES[seed] = factory
    return factory


def sample_text(text: str, limit: int) -> str:
    """At most ``limit`` characters from the start, middle and end of ``text``, cut at spaces.

    >>> sample_text("a b c d e f g h i j", 100)
    'a b c d e f g h i j'
    >>> len(sample_text("word " * 1000, 60)) <= 60
    True
    """
    if len(text) <= limit:
        return text
    part = limit // 3
    pieces = []
    for begin in (0, (len(text) - part) // 2, len(text) - part):
        piece = text[begin : begin + part]
        if begin > 0 and " " in piece:
            piece = piece[piece.index(" ") + 1 :]
        if begin + part < len(text) and " " in piece:
            piece = piece[: piece.rindex(" ")]
        pieces.append(piece)
    return "\n".join(pieces)


_OPEN = "\x00"
"""Suffix of a word key whose word ends the text (no space after it, so no n-grams ending in one)."""


class _Profiles:
    """langdetect's profiles as a matrix of smoothed log probabilities (n-gram × language),
    plus bounded caches of per-word results."""

    ALPHA = 0.5  # langdetect's default alpha; its smoothing adds alpha / BASE_FREQ
    CACHE_LIMIT = 50_000  # frequent words (n-gram rows); bounds worker memory (~10 MB)
    VECTOR_LIMIT = 40_000  # words with a score vector (float64 × 55 languages, ~18 MB when full)

    def __init__(self, langs: list[str], keys: list[str], probs: np.ndarray) -> None:
        """``_read_profiles``'s languages, n-grams and probabilities (n-gram × language)."""
        self.langs = langs
        self.keys = keys
        self.row: dict[str, int] = dict(zip(keys, range(len(keys)), strict=True))
        self.probs = probs
        self.absent = len(self.keys)  # the row of n-grams in no profile: all zeros
        # log(p + alpha / BASE_FREQ) as float32; ~96 % of the p are 0, whose log is computed once
        # (this is part of every single-worker run's time)
        smooth = self.ALPHA / Detector.BASE_FREQ
        self.logp = np.full((self.absent + 1, probs.shape[1]), np.log(smooth), dtype=np.float32)
        seen = probs != 0.0
        self.logp[:-1][seen] = np.log(probs[seen] + smooth)
        self.logp[-1] = 0.0
        self.table = _GramTable(_gram_codes(self.keys), self.absent)
        if any(_SEPARATOR in key for key in self.keys):
            raise ValueError("a langdetect profile n-gram contains U+FFFF")
        self.upper = np.array([chr(c).isupper() for c in range(0x10000)])
        self._words: dict[str, tuple[int, ...]] = {}
        self._slots: dict[str, int] = {}
        self.vectors = np.zeros((1024, len(self.langs)), dtype=np.float64)
        self.sizes = np.zeros(1024, dtype=np.float64)

    def word_rows(self, word: str, closed: bool) -> tuple[int, ...]:
        """Profile rows of the n-grams langdetect extracts from one normalised word, in its order.

        ``closed``: the word is followed by a space, which adds the n-grams ending in it.
        Mirrors ``langdetect.utils.ngram.NGram.add_char``: a buffer of the last three
        characters of `` word ``, and no n-gram while inside a run of capitals.
        """
        key = word if closed else word + _OPEN
        cached = self._words.get(key)
        if cached is not None:
            return cached
        out = self._rows(word, closed)
        if len(self._words) < self.CACHE_LIMIT:
            self._words[key] = out
        return out

    def _rows(self, word: str, closed: bool) -> tuple[int, ...]:
        get = self.row.get
        return tuple(r for r in map(get, _ordered_grams(word, closed)) if r is not None)

    def slots(self, keys: list[str]) -> np.ndarray:
        """Rows of ``vectors`` / ``sizes`` for word keys (``word`` closed, ``word + _OPEN`` not).

        ``vectors[slot]`` is the sum of the word's n-gram rows of ``logp``, ``sizes[slot]``
        their number. A full cache starts again empty (never mid-call).
        """
        known = self._slots
        if len(known) + len(keys) > self.VECTOR_LIMIT:
            known.clear()
        new = [key for key in keys if key not in known]
        if new:
            self._add(new)
        return np.fromiter(map(known.__getitem__, keys), dtype=np.intp, count=len(keys))

    def _add(self, keys: list[str]) -> None:
        """Give each of ``keys`` (new word keys) a slot with its vector and size, all at once."""
        start = len(self._slots)
        end = start + len(keys)
        if end > len(self.sizes):
            grow = max(end, min(2 * len(self.sizes), self.VECTOR_LIMIT))
            self.vectors = np.resize(self.vectors, (grow, self.vectors.shape[1]))
            self.sizes = np.resize(self.sizes, grow)
        padded = [" " + key + " " if key[-1:] != _OPEN else " " + key[:-1] for key in keys]
        rows, found = self._padded_rows(_SEPARATOR.join(padded) + _SEPARATOR)
        lengths = np.fromiter(map(len, padded), dtype=np.intp, count=len(padded)) + 1
        offsets = 3 * (np.cumsum(lengths) - lengths)
        sizes = np.add.reduceat(found, offsets)
        self.sizes[start:end] = sizes
        # sum only the n-grams found (absent rows are zeros): about half the rows to gather and add
        some = sizes > 0
        firsts = (np.cumsum(sizes) - sizes)[some]
        vectors = self.vectors[start:end]
        vectors[~some] = 0.0
        if len(firsts):
            vectors[some] = np.add.reduceat(self.logp[rows[found]], firsts, axis=0, dtype=np.float64)
        self._slots.update(zip(keys, range(start, end), strict=True))

    def _padded_rows(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The rows of the 1-, 2- and 3-gram ending at each character of ``text`` (three per
        character, in this order) and whether there is one (else the row is ``absent``).

        ``text``: padded words (" word " or " word") each followed by ``_SEPARATOR``, which is in
        no profile, so that no n-gram across words is found. langdetect's rules as in
        ``_ordered_grams``, vectorised: no 1-gram " ", none ending inside a run of capitals.
        """
        char = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        grams = np.empty((len(char), 3), dtype=np.int64)
        grams[:, 0] = char
        grams[0, 1:] = _SEPARATOR_CODE  # text starts after a separator
        grams[1:, 1] = char[:-1]
        grams[1:, 2] = grams[:-1, 1]
        grams[:, 1:] <<= np.array([21, 42], dtype=np.int64)
        grams[:, 2] |= grams[:, 1]
        grams[:, 1:] |= char[:, None]
        grams[char == 32, 0] = 0  # no n-gram has code 0
        upper = self.upper[np.minimum(char, 0xFFFF)]
        if not text.isascii():
            for i in np.flatnonzero(char > 0xFFFF).tolist():
                upper[i] = chr(int(char[i])).isupper()
        capitals = upper[1:] & upper[:-1]
        if capitals.any():
            grams[1:][capitals] = 0
        rows = self.table.rows(grams.ravel())
        return rows, rows != self.absent


class _GramTable:
    """A hash table (open addressing, linear probing) from n-gram codes to profile rows, looked
    up for many codes at once with numpy: one or two memory accesses per code, where a binary
    search over all codes misses the CPU cache ~17 times once other stages have run.

    >>> table = _GramTable(np.array([5, 7, 1 << 40]), absent=3)
    >>> table.rows(np.array([7, 0, 1 << 40, 6])).tolist()
    [1, 3, 2, 3]
    """

    EMPTY = -1  # codes are >= 0

    def __init__(self, codes: np.ndarray, absent: int) -> None:
        self.absent = absent
        self.bits = max(4, (3 * len(codes)).bit_length())  # at most a third full
        self.mask = (1 << self.bits) - 1
        self.keys = np.full(1 << self.bits, self.EMPTY, dtype=np.int64)
        self.values = np.full(1 << self.bits, absent, dtype=np.intp)
        pending = np.arange(len(codes))
        home = self._home(codes)
        self.probes = 0  # the longest probe sequence of any code
        while len(pending):
            slot = (home[pending] + self.probes) & self.mask
            free = self.keys[slot] == self.EMPTY
            taken, first = np.unique(slot[free], return_index=True)
            placed = pending[free][first]
            self.keys[taken] = codes[placed]
            self.values[taken] = placed
            pending = np.setdiff1d(pending, placed, assume_unique=True)
            self.probes += 1

    def _home(self, codes: np.ndarray) -> np.ndarray:
        mixed = codes.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing
        return (mixed >> np.uint64(64 - self.bits)).astype(np.intp)

    def rows(self, codes: np.ndarray) -> np.ndarray:
        """The row of each code (``absent`` for codes not in the table).

        Probe by probe, each time only for the codes that have met neither their key nor an
        empty slot yet (most codes settle at the first probe: the table is at most a third full).
        A key ``p`` probes from home has no empty slot before it: slots are never freed.
        """
        home = self._home(codes)
        keys = self.keys[home]
        out: np.ndarray = self.values[home]  # ``absent`` in empty slots
        pending = np.flatnonzero((keys != codes) & (keys != self.EMPTY))
        out[pending] = self.absent
        step = 1
        while len(pending):
            slot = (home[pending] + step) & self.mask
            keys = self.keys[slot]
            hit = keys == codes[pending]
            out[pending[hit]] = self.values[slot[hit]]
            pending = pending[~hit & (keys != self.EMPTY)]
            step += 1
        return out


_SEPARATOR = "\uffff"  # a non-character: in no profile n-gram (checked when loading)
_SEPARATOR_CODE = 0xFFFF


def _gram_code(gram: str) -> int:
    """An n-gram of up to three characters as one number (21 bits per character).

    >>> _gram_code("a"), _gram_code("ab") == (97 << 21) | 98
    (97, True)
    """
    code = 0
    for ch in gram:
        code = (code << 21) | ord(ch)
    return code


def _gram_codes(grams: list[str]) -> np.ndarray:
    """``_gram_code`` of every n-gram (of one to three characters), at once.

    >>> _gram_codes(["a", "ab", "abc"]).tolist() == [_gram_code(g) for g in ("a", "ab", "abc")]
    True
    """
    joined = "".join(g.rjust(3, "\x00") for g in grams)  # a leading NUL adds nothing to a code
    if len(joined) != 3 * len(grams) or "\x00" in "".join(grams):
        return np.fromiter(map(_gram_code, grams), dtype=np.int64, count=len(grams))
    raw = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars = raw.astype(np.int64).reshape(-1, 3)
    return (chars[:, 0] << 42) | (chars[:, 1] << 21) | chars[:, 2]


def _ordered_grams(word: str, closed: bool) -> list[str]:
    """The n-grams langdetect extracts from one normalised word, in its order (also those that
    no profile has). ``closed``: the word is followed by a space (n-grams ending in it).

    Mirrors ``langdetect.utils.ngram.NGram.add_char``: a buffer of the last three characters of
    `` word ``, and no n-gram while inside a run of capitals.

    >>> _ordered_grams("ab", True)
    ['a', ' a', 'b', 'ab', ' ab', 'b ', 'ab ']
    """
    if not word:
        return []
    padded = " " + word + (" " if closed else "")
    if any(map(str.isupper, word[1:])):
        return _grams_with_capitals(padded)
    # no run of capitals: every position gives its 1-, 2- and 3-gram (but no 1-gram " ")
    grams = [padded[1], padded[0:2]]
    grams += [
        g for e in range(2, len(padded)) for g in (padded[e], padded[e - 1 : e + 1], padded[e - 2 : e + 1])
    ]
    if closed:
        del grams[-3]  # the trailing space alone
    return grams


def _grams_with_capitals(padded: str) -> list[str]:
    """``_ordered_grams`` of a padded word, character by character as ``NGram.add_char`` does.

    >>> _grams_with_capitals(" USA ")
    ['U', ' U', 'A ', 'SA ']
    """
    grams: list[str] = []
    cap = False
    for e in range(1, len(padded)):
        ch = padded[e]
        if ch.isupper():
            if padded[e - 1].isupper():
                cap = True
        else:
            cap = False
        if cap:
            continue
        for n in (1, 2, 3):
            if e - n + 1 < 0:
                break
            gram = padded[e - n + 1 : e + 1]
            if gram != " ":
                grams.append(gram)
    return grams


_PROFILES: _Profiles | None = None


class _NormTable(dict[int, str]):
    """``str.translate`` table applying ``NGram.normalize`` to every character, filled lazily."""

    def __missing__(self, code: int) -> str:
        value: str = NGram.normalize(chr(code))
        self[code] = value
        return value


_TABLE = _NormTable()


def _read_profiles(directory: str) -> tuple[list[str], list[str], np.ndarray]:
    """The languages, n-grams and n-gram probabilities that ``DetectorFactory.load_profile``
    builds (in its orders, ``word_lang_prob_map`` as a matrix), straight from the profile files.

    Without langdetect's per-entry Python loops, so that a process that never falls back to
    langdetect itself need not load the factory (half a second). Profile files are JSON:
    ``name``, ``freq`` (n-gram -> count) and ``n_words`` (counts per n-gram length).
    """
    files = os.listdir(directory)
    row: dict[str, int] = {}
    langs: list[str] = []
    found_rows: list[np.ndarray] = []
    found_values: list[np.ndarray] = []
    for filename in files:
        if filename.startswith(".") or not os.path.isfile(os.path.join(directory, filename)):
            raise ValueError(f"unexpected entry in langdetect's profiles: {filename}")
        with open(os.path.join(directory, filename), encoding="utf-8") as fh:
            data = json.load(fh)
        langs.append(data["name"])
        freq: dict[str, int] = data["freq"]
        for gram in freq:
            row.setdefault(gram, len(row))
        grams = [g for g in freq if 1 <= len(g) <= 3]
        lengths = np.fromiter(map(len, grams), dtype=np.intp, count=len(grams))
        counts = np.fromiter(map(freq.__getitem__, grams), dtype=np.float64, count=len(grams))
        found_rows.append(np.fromiter(map(row.__getitem__, grams), dtype=np.intp, count=len(grams)))
        found_values.append(counts / np.asarray(data["n_words"], dtype=np.float64)[lengths - 1])
    if len(set(langs)) != len(langs):
        raise ValueError("duplicate language in langdetect's profiles")
    probs = np.zeros((len(row), len(files)), dtype=np.float64)
    for index, (rows, values) in enumerate(zip(found_rows, found_values, strict=True)):
        probs[rows, index] = values
    return langs, list(row), probs


def _profiles(seed: int) -> _Profiles:
    global _PROFILES
    if _PROFILES is None:
        _PROFILES = _Profiles(*_read_profiles(PROFILES_DIRECTORY))
    return _PROFILES


def warm_up(cfg: LanguageConfig) -> None:
    """Load the profiles now (before forking workers, so that they share the memory).

    Also langdetect's own factory, which the ``profile`` method needs only where the replay
    of seeded langdetect is unsure: loaded here once rather than in every worker that meets
    such a text (a single-worker run, which does not warm up, loads it only if it needs it).
    """
    if cfg.method == "profile":
        _profiles(cfg.seed)
    _factory(cfg.seed)


def _clean(text: str) -> str:
    """langdetect's ``Detector.append`` + ``cleaning_text``, then its per-character normalisation.

    Runs of spaces are left in: they give no n-grams (langdetect collapses them only before its
    ``max_text_length`` cut, which we make on the raw text too). Each step is skipped when it
    cannot match (no ``http``, no ``@``, only ASCII).

    >>> _clean("Ça va? Email x@y.org, see https://a.b/c")
    'Ça va  Email    see  '
    """
    if "http" in text:
        text = Detector.URL_RE.sub(" ", text)
    if "@" in text:
        text = Detector.MAIL_RE.sub(" ", text)
    ascii = text.isascii()
    if not ascii:
        text = NGram.normalize_vi(text)
    text = text[:_MAX_TEXT]
    if not ascii:
        non_latin = len(_NON_LATIN.findall(text))
        # langdetect drops Latin letters when latin * 2 < non_latin: count them only that far
        needed = (non_latin + 1) // 2
        latin = sum(1 for _ in itertools.islice(_LATIN.finditer(text), needed))
        if latin < needed:
            text = _LATIN.sub("", text)
    return text.translate(_TABLE)


_LATIN = re.compile(r"[A-z]")
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")
_MAX_TEXT = 10_000  # langdetect's default max_text_length
_SCORE_SLACK = 1e-7
"""How far the word-vector score may be from the n-gram-by-n-gram one (bounded by ~1e-8)."""


def _posterior(score: np.ndarray, count: int) -> tuple[np.ndarray, float]:
    top2 = np.partition(score, -2)[-2:]
    margin = float(top2[1] - top2[0]) / count
    score = score - score.max()
    post = np.exp(score)
    post /= post.sum()
    return post, margin


def _ordered_rows(prof: _Profiles, norm: str) -> list[int]:
    """Profile rows of every n-gram of the cleaned text ``norm``, in langdetect's order."""
    words = norm.split(" ")
    rows: list[int] = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if word:
            rows.extend(prof.word_rows(word, closed=i < last))
    return rows


def profile_scores(
    text: str, seed: int = 0, exact: bool = False
) -> tuple[list[str], np.ndarray, float] | None:
    """Posterior probabilities of every language for ``text`` (exact naive Bayes) and the
    margin between the two best languages per n-gram (log scale), or None.

    ``exact``: sum the n-gram rows one by one (the reference rounding) instead of the cached
    per-word vectors; the two differ by far less than ``_SCORE_SLACK``.
    """
    prof = _profiles(seed)
    norm = _clean(text)
    if exact:
        rows = _ordered_rows(prof, norm)
        if not rows:
            return None
        score = prof.logp[np.asarray(rows, dtype=np.int64)].sum(axis=0, dtype=np.float64)
        post, margin = _posterior(score, len(rows))
        return prof.langs, post, margin
    words = norm.split(" ")
    last = words.pop()
    counts = Counter(words)
    counts.pop("", None)
    keys = list(counts)
    weights = list(counts.values())
    if last:
        keys.append(last + _OPEN)
        weights.append(1)
    if not keys:
        return None
    slots = prof.slots(keys)
    weight = np.fromiter(weights, dtype=np.float64, count=len(weights))
    count = int(weight @ prof.sizes[slots])
    if count == 0:
        return None
    post, margin = _posterior(weight @ prof.vectors[slots], count)
    return prof.langs, post, margin


def _near(value: float, boundary: float, slack: float) -> bool:
    return abs(value - boundary) <= slack


def _rounding_unsure(value: float, slack: float) -> bool:
    """``round(value, 4)`` could change within ``value ± slack``."""
    return round(value - slack, 4) != round(value + slack, 4)


def _profile_label(sample: str, cfg: LanguageConfig) -> tuple[str, float] | None:
    """(language, rounded probability) from the profile score; None when it defers to langdetect."""
    scored = profile_scores(sample, cfg.seed)
    if scored is None:
        return UNDETERMINED, 0.0
    post, margin = scored[1], scored[2]
    best = float(post.max())
    if _near(margin, cfg.fallback_margin, _SCORE_SLACK) or (
        margin >= cfg.fallback_margin and _rounding_unsure(best, _SCORE_SLACK)
    ):
        scored = profile_scores(sample, cfg.seed, exact=True)
        assert scored is not None  # the same n-grams
    langs, post, margin = scored
    if margin < cfg.fallback_margin:
        return None
    top = int(post.argmax())
    return langs[top], round(float(post[top]), 4)


# langdetect's Detector constants (the replay below follows Detector._detect_block)
_TRIALS = 7
_ITERATION_LIMIT = Detector.ITERATION_LIMIT
_CONV_THRESHOLD = Detector.CONV_THRESHOLD
_PROB_THRESHOLD = Detector.PROB_THRESHOLD
_CHECK_EVERY = 5
_REPLAY_SLACK = 1e-9
"""How far a replayed probability may be from langdetect's own (bounded by ~1e-12)."""
_DIP = -600.0  # log probability: below it, langdetect's running product may reach subnormals
_RECOVER = -500.0  # ... and it must stay below this afterwards for the replay to be trusted


def _langdetect_top(text: str, seed: int) -> tuple[str, float] | None:
    """langdetect's own best (language, probability) for ``text``; None when it finds none."""
    detector = _factory(seed).create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return None
    if not ranked:
        return None
    return str(ranked[0].lang), float(ranked[0].prob)


def _draws(rng: random.Random, count: int, bound: int) -> tuple[np.ndarray, np.ndarray]:
    """The first ``count`` results of ``rng.choice`` over ``bound`` items, from bulk raw draws.

    Returns the choices and, for each, how many 32-bit words of ``rng`` it had used up by then
    (``random.Random._randbelow_with_getrandbits``: the top ``bound.bit_length()`` bits of a
    word, drawn again while they are ``>= bound``). ``rng`` advances past every word drawn.
    """
    shift = 32 - bound.bit_length()
    chosen: list[np.ndarray] = []
    used: list[np.ndarray] = []
    have = drawn = 0
    while have < count:
        size = int((count - have) * (1 << (32 - shift)) / bound * 1.1) + 64
        words = np.frombuffer(rng.getrandbits(32 * size).to_bytes(4 * size, "little"), dtype="<u4")
        candidates = words >> np.uint32(shift)
        accepted = np.flatnonzero(candidates < bound)
        chosen.append(candidates[accepted].astype(np.int64))
        used.append(accepted + drawn + 1)
        have += len(accepted)
        drawn += size
    return np.concatenate(chosen)[:count], np.concatenate(used)[:count]


def _replay_trial(factors: np.ndarray, picks: np.ndarray) -> tuple[int, np.ndarray] | None:
    """One trial of ``Detector._detect_block``: the draw after which it stops and its normalised
    probabilities then; None where floating point could make langdetect's own trial differ.

    ``factors``: log(probability + alpha / BASE_FREQ) of each distinct n-gram (rows) per language;
    ``picks``: the row of each random draw. langdetect multiplies the probabilities by one row per
    draw and normalises them (checking for convergence) after draws 0, 5, 10, ...; here the
    running sums of logarithms are computed for a block of checks at a time, as most trials
    stop within the first 250 draws.
    """
    checks = _ITERATION_LIMIT // _CHECK_EVERY + 1
    languages = factors.shape[1]
    carry = np.zeros(languages, dtype=np.float64)
    dipped = np.zeros(languages, dtype=bool)
    first, size = 0, 32
    while True:
        last = min(first + size, checks)  # checks first .. last - 1, check k after draw 5 k
        begin = 1 if first == 0 else _CHECK_EVERY * first - (_CHECK_EVERY - 1)
        groups = factors[picks[begin : _CHECK_EVERY * (last - 1) + 1]]
        groups = groups.reshape(-1, _CHECK_EVERY, languages).sum(axis=1)
        if first == 0:
            groups = np.concatenate((factors[picks[:1]], groups))
        groups[0] += carry
        running = np.cumsum(groups, axis=0)
        top = running.max(axis=1, keepdims=True)
        scaled = np.exp(running - top)
        total = scaled.sum(axis=1)
        maxp = 1.0 / total
        converged = np.flatnonzero(maxp > _CONV_THRESHOLD)
        end = int(converged[0]) + 1 if len(converged) else len(maxp)
        if np.any(np.abs(maxp[:end] - _CONV_THRESHOLD) <= _REPLAY_SLACK):
            return None
        normalised = running[:end] - (top[:end] + np.log(total[:end])[:, None])
        below = np.logical_or.accumulate(normalised < _DIP, axis=0) | dipped
        if np.any(below & (normalised > _RECOVER)):
            return None  # a language underflowed (in langdetect) and came back
        if len(converged) or last == checks:
            return _CHECK_EVERY * (first + end - 1), scaled[end - 1] / total[end - 1]
        dipped, carry = below[-1], running[-1]
        first, size = last, 2 * size


def _replay_langdetect(prof: _Profiles, rows: list[int], seed: int) -> np.ndarray | None:
    """langdetect's ``langprob`` (``Detector._detect_block``) for the n-grams ``rows``, replayed
    with numpy; None where floating point could make it differ from langdetect's own."""
    unique, inverse = np.unique(np.asarray(rows, dtype=np.int64), return_inverse=True)
    probs = prof.probs[unique]
    rng = random.Random(seed)
    langprob = np.zeros(len(prof.langs), dtype=np.float64)
    for _ in range(_TRIALS):
        alpha = Detector.ALPHA_DEFAULT + rng.gauss(0.0, 1.0) * Detector.ALPHA_WIDTH
        weight = alpha / Detector.BASE_FREQ
        if weight <= 0.0:
            return None
        state = rng.getstate()
        chosen, used = _draws(rng, _ITERATION_LIMIT + 1, len(rows))
        trial = _replay_trial(np.log(probs + weight), inverse[chosen])
        if trial is None:
            return None
        stop, prob = trial
        langprob += prob / _TRIALS
        rng.setstate(state)  # then consume exactly the words of the draws langdetect made
        rng.getrandbits(32 * int(used[stop]))
    return langprob


def _seeded_langdetect(sample: str, seed: int) -> tuple[str, float] | None:
    """Seeded langdetect's best (language, probability) for ``sample``; None when it has none.

    Replayed (``_replay_langdetect``) where that is certain to give langdetect's answer.
    """
    prof = _profiles(seed)
    rows = _ordered_rows(prof, _clean(sample))
    if not rows:
        return None
    langprob = _replay_langdetect(prof, rows, seed)
    if langprob is not None:
        order = np.argsort(-langprob, kind="stable")
        first, second = float(langprob[order[0]]), float(langprob[order[1]])
        if not (
            first - second <= _REPLAY_SLACK
            or _near(first, _PROB_THRESHOLD, _REPLAY_SLACK)
            or _rounding_unsure(first, _REPLAY_SLACK)
        ):
            if first <= _PROB_THRESHOLD:
                return None
            return prof.langs[int(order[0])], first
    return _langdetect_top(sample, seed)


def detect_text(text: str, cfg: LanguageConfig) -> tuple[str, float]:
    """``(language, probability)`` for ``text``; ``("und", p)`` when short or unsure."""
    letters = sum(map(str.isalpha, text[: cfg.min_chars * 4]))
    if letters < cfg.min_chars:
        return UNDETERMINED, 0.0
    sample = sample_text(text, cfg.sample_chars)
    labelled = _profile_label(sample, cfg) if cfg.method == "profile" else None
    if labelled is None:  # langdetect asked for, or the profile score is ambiguous (e.g. tables)
        found = _seeded_langdetect(sample, cfg.seed)
        if found is None:
            return UNDETERMINED, 0.0
        labelled = found[0], round(found[1], 4)
    lang, score = labelled
    if score < cfg.min_confidence:
        return UNDETERMINED, score
    return lang, score


def kept_text(doc: Document, with_title: bool = False) -> str:
    """The blocks of ``doc`` that no removal span covers, one per line (all text before segmenting).

    ``with_title``: the headline counts as kept (it moved to metadata, but it is article text).
    """
    if not doc.blocks:
        return doc.text
    ignore = frozenset({Category.TITLE}) if with_title else frozenset()
    return "\n".join(doc.text[b.start : b.end] for b in doc.kept_blocks(ignore))


def detect(doc: Document, cfg: LanguageConfig) -> Document:
    """Set ``language`` and ``language_score`` from the kept text of ``doc``."""
    language, score = detect_text(kept_text(doc, with_title=True), cfg)
    return replace(doc, language=language, language_score=score)
