"""Language detection: the langdetect adapter (the only module that imports langdetect).

langdetect is random unless seeded, and its module-level ``DetectorFactory`` is
global state. We build our own factory per process and seed, so results are
the same in every process and on every run.

Detection runs on the *kept* text (boilerplate removed), on a bounded sample
spread over the text (start, middle, end), so cost does not grow with long
documents. Too little text, or a top probability below the configured
confidence, gives ``und``. The default sample, 1,000 characters (three pieces
of about 330), gave the same labels as 3,000 on the 20,000 benchmark texts
(agreement with full-text langdetect 99.70 % both; BBC and 10kGNAD 100 %) and
on 298 trafilatura-eval pages, for a fifth less time in the stage; 700 began
to lose agreement (99.67 %).

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
import operator
import os
import random
import re
from collections import Counter
from collections.abc import Iterator, Mapping

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
    """One seeded langdetect factory per process and seed, reading the profile matrix.

    langdetect's own ``load_profile`` builds a Python list of 55 floats per n-gram (about
    60 MB per process, for the rare text the replay is unsure of); this factory's
    ``word_lang_prob_map`` gives the same lists from :class:`_Profiles`' matrix instead
    (the same numbers: ``tests/test_language_fast.py`` compares both factories' answers).
    """
    factory = _FACTORIES.get(seed)
    if factory is None:
        prof = _profiles(seed)
        factory = DetectorFactory()
        factory.word_lang_prob_map = _ProbabilityRows(prof.row, prof.probs)
        factory.langlist = list(prof.langs)
        factory.seed = seed
        _FACTORIES[seed] = factory
    return factory


def _loaded_factory(seed: int) -> DetectorFactory:
    """langdetect's own factory, loaded from its profile files (the reference, for tests)."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = seed
    return factory


class _ProbabilityRows(Mapping[str, list[float]]):
    """``DetectorFactory.word_lang_prob_map`` (n-gram -> probability per language) backed by the
    profile matrix: a row becomes a list of floats when langdetect asks for it (bounded cache).

    >>> prof = _profiles(0)
    >>> rows = _ProbabilityRows(prof.row, prof.probs)
    >>> "the" in rows, "qqqq" in rows, len(rows) == len(prof.keys)
    (True, False, True)
    >>> rows["the"] == prof.probs[prof.row["the"]].tolist()
    True
    """

    CACHE_LIMIT = 4096  # rows of 55 Python floats, ~1.8 kB each: ~7 MB when full

    def __init__(self, row: dict[str, int], probs: np.ndarray) -> None:
        self._row = row
        self._probs = probs
        self._cache: dict[str, list[float]] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._row

    def __getitem__(self, key: str) -> list[float]:
        got = self._cache.get(key)
        if got is None:
            got = self._probs[self._row[key]].tolist()
            if len(self._cache) >= self.CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = got
        return got

    def __len__(self) -> int:
        return len(self._row)

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)


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
        self._words: dict[str, tuple[int, ...]] = {}
        self._slots: dict[str, int] = {}
        self._keys: list[str] = []  # the word key of each filled slot
        # zeros: memory is taken only as slots are filled (and never grown by copying)
        self.vectors = np.zeros((self.VECTOR_LIMIT, len(self.langs)), dtype=np.float64)
        self.sizes = np.zeros(self.VECTOR_LIMIT, dtype=np.float64)
        self.uses = np.zeros(self.VECTOR_LIMIT, dtype=np.uint32)  # texts that used each slot

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
        return tuple([r for r in map(get, _ordered_grams(word, closed)) if r is not None])

    def slots(self, keys: list[str]) -> np.ndarray:
        """Rows of ``vectors`` / ``sizes`` for word keys (``word`` closed, ``word + _OPEN`` not).

        ``vectors[slot]`` is the sum of the word's n-gram rows of ``logp``, ``sizes[slot]``
        their number. A full cache keeps the words that more than one text used (see
        :meth:`_evict`; never mid-call).
        """
        if len(self._slots) + len(keys) > self.VECTOR_LIMIT:
            self._evict(len(keys))
        known = self._slots
        found = list(map(known.get, keys))
        new = [key for key, slot in zip(keys, found, strict=True) if slot is None]
        if new:
            self._add(new)
            found = list(map(known.__getitem__, keys))
        slots = np.array(found, dtype=np.intp)
        self.uses[slots] += 1  # keys are distinct: one use per slot
        return slots

    def _evict(self, room: int) -> None:
        """Make room for ``room`` new words: keep the words that several texts used (second
        chance; the most used when they are more than half the cache), drop the rest.

        Emptying the whole cache instead threw away the frequent words with the rare ones:
        on 12,000 news articles 80 % more word vectors were computed than there are
        distinct words. Kept vectors are copied unchanged, so scores never depend on it.
        """
        n = len(self._keys)
        uses = self.uses[:n]
        keep = np.flatnonzero(uses > 1)
        cap = max(0, min(self.VECTOR_LIMIT // 2, self.VECTOR_LIMIT - room))
        if len(keep) > cap:
            keep = np.sort(keep[np.argsort(-uses[keep].astype(np.int64), kind="stable")[:cap]])
        k = len(keep)
        self.vectors[:k] = self.vectors[keep]
        self.sizes[:k] = self.sizes[keep]
        self.uses[:k] = uses[keep] >> 1  # older uses count half
        self.uses[k:n] = 0
        self._keys = [self._keys[i] for i in keep.tolist()]
        self._slots = dict(zip(self._keys, range(k), strict=True))

    def _add(self, keys: list[str]) -> None:
        """Give each of ``keys`` (new word keys) a slot with its vector and size, all at once.

        A vector is the sum, in float64 and in langdetect's n-gram order, of the word's rows of
        ``logp``: one ``np.add.reduceat`` over the rows of all new words, which sums each word's
        rows from its first on (the same sums whichever other words share the call).
        """
        start = len(self._slots)
        end = start + len(keys)
        if end > len(self.sizes):  # VECTOR_LIMIT raised after loading, or one text has more words
            self.vectors = np.concatenate((self.vectors, np.zeros((end - len(self.sizes), len(self.langs)))))
            self.sizes = np.concatenate((self.sizes, np.zeros(end - len(self.sizes))))
            self.uses = np.concatenate((self.uses, np.zeros(end - len(self.uses), dtype=np.uint32)))
        del self._keys[start:]
        self._keys += keys
        self.uses[start:end] = 0
        rows: list[int] = []
        firsts: list[int] = []  # where each word with n-grams starts in ``rows``
        filled: list[int] = []  # ... and its slot
        empty: list[int] = []  # the slots of words without any profile n-gram
        sizes: list[int] = []
        for slot, key in enumerate(keys, start):
            word_rows = self._rows(key[:-1], False) if key[-1] == _OPEN else self._rows(key, True)
            sizes.append(len(word_rows))
            if word_rows:
                firsts.append(len(rows))
                filled.append(slot)
                rows += word_rows
            else:
                empty.append(slot)
        self.sizes[start:end] = sizes
        if rows:
            summed = np.add.reduceat(self.logp[rows], firsts, axis=0, dtype=np.float64)
            if empty:
                self.vectors[filled] = summed
            else:
                self.vectors[start:end] = summed
        if empty:
            self.vectors[empty] = 0.0
        self._slots.update(zip(keys, range(start, end), strict=True))


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
    # no run of capitals: every position gives its 1-, 2- and 3-gram (but no 1-gram " "):
    # position 1 (the first letter) its 1- and 2-gram, the other letters all three, and a
    # closing space its 2- and 3-gram
    bigrams = list(map(operator.add, padded, padded[1:]))  # bigrams[e - 1] ends at position e
    trigrams = list(map(operator.add, bigrams, padded[2:]))  # trigrams[e - 2] ends at position e
    grams = [word[0], bigrams[0]]
    # zip stops at the last letter; a closing space has one bigram and one trigram more
    grams += itertools.chain.from_iterable(zip(word[1:], bigrams[1:], trigrams, strict=False))
    if closed:
        grams += (bigrams[-1], trigrams[-1])
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
    """Load what ``cfg.method`` needs now (before forking workers, so that they share the memory).

    ``profile``: the profile matrix, which the rare text the replay of seeded langdetect is
    unsure of also needs (:func:`_factory` reads it). ``langdetect``: the factory too.

    >>> import pipeline.language
    >>> from pipeline.config import LanguageConfig
    >>> warm_up(LanguageConfig())
    >>> pipeline.language._PROFILES is not None
    True
    """
    if cfg.method == "profile":
        _profiles(cfg.seed)
    else:
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
    return doc.replace(language=language, language_score=score)
