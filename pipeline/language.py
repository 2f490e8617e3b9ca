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

import logging
import re
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


class _Profiles:
    """langdetect's profiles as a matrix of smoothed log probabilities (n-gram × language)."""

    ALPHA = 0.5  # langdetect's default alpha; its smoothing adds alpha / BASE_FREQ
    CACHE_LIMIT = 50_000  # frequent words; bounds worker memory (~10 MB)

    def __init__(self, factory: DetectorFactory) -> None:
        self.langs: list[str] = list(factory.langlist)
        keys = list(factory.word_lang_prob_map)
        self.row: dict[str, int] = {k: i for i, k in enumerate(keys)}
        probs = np.array([factory.word_lang_prob_map[k] for k in keys], dtype=np.float64)
        self.logp = np.log(probs + self.ALPHA / Detector.BASE_FREQ).astype(np.float32)
        self._words: dict[str, tuple[int, ...]] = {}

    def word_rows(self, word: str, closed: bool) -> tuple[int, ...]:
        """Profile rows of the n-grams langdetect extracts from one normalised word.

        ``closed``: the word is followed by a space, which adds the n-grams ending in it.
        Mirrors ``langdetect.utils.ngram.NGram.add_char``: a buffer of the last three
        characters of `` word ``, and no n-gram while inside a run of capitals.
        """
        key = word if closed else word + "\x00"
        cached = self._words.get(key)
        if cached is not None:
            return cached
        padded = " " + word + (" " if closed else "")
        rows: list[int] = []
        cap = False
        row = self.row
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
                    r = row.get(gram)
                    if r is not None:
                        rows.append(r)
        out = tuple(rows)
        if len(self._words) < self.CACHE_LIMIT:
            self._words[key] = out
        return out


_PROFILES: _Profiles | None = None


class _NormTable(dict[int, str]):
    """``str.translate`` table applying ``NGram.normalize`` to every character, filled lazily."""

    def __missing__(self, code: int) -> str:
        value: str = NGram.normalize(chr(code))
        self[code] = value
        return value


_TABLE = _NormTable()


def _profiles(seed: int) -> _Profiles:
    global _PROFILES
    if _PROFILES is None:
        _PROFILES = _Profiles(_factory(seed))
    return _PROFILES


def warm_up(cfg: LanguageConfig) -> None:
    """Load the profiles now (before forking workers, so that they share the memory)."""
    if cfg.method == "profile":
        _profiles(cfg.seed)
    else:
        _factory(cfg.seed)


def _clean(text: str) -> str:
    """langdetect's ``Detector.append`` + ``cleaning_text``, then its per-character normalisation."""
    text = Detector.URL_RE.sub(" ", text)
    text = Detector.MAIL_RE.sub(" ", text)
    text = NGram.normalize_vi(text)
    text = _SPACES.sub(" ", text[:_MAX_TEXT])
    latin = len(_LATIN.findall(text))
    non_latin = len(_NON_LATIN.findall(text))
    if latin * 2 < non_latin:
        text = _LATIN.sub("", text)
    return text.translate(_TABLE)


_SPACES = re.compile(r" {2,}")
_LATIN = re.compile(r"[A-z]")
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")
_MAX_TEXT = 10_000  # langdetect's default max_text_length


def profile_scores(text: str, seed: int = 0) -> tuple[list[str], np.ndarray, float] | None:
    """Posterior probabilities of every language for ``text`` (exact naive Bayes) and the
    margin between the two best languages per n-gram (log scale), or None."""
    prof = _profiles(seed)
    norm = _clean(text)
    words = norm.split(" ")
    rows: list[int] = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if word:
            rows.extend(prof.word_rows(word, closed=i < last))
    if not rows:
        return None
    score = prof.logp[np.asarray(rows, dtype=np.int64)].sum(axis=0, dtype=np.float64)
    top2 = np.partition(score, -2)[-2:]
    margin = float(top2[1] - top2[0]) / len(rows)
    score -= score.max()
    post = np.exp(score)
    post /= post.sum()
    return prof.langs, post, margin


def detect_text(text: str, cfg: LanguageConfig) -> tuple[str, float]:
    """``(language, probability)`` for ``text``; ``("und", p)`` when short or unsure."""
    letters = sum(1 for ch in text[: cfg.min_chars * 4] if ch.isalpha())
    if letters < cfg.min_chars:
        return UNDETERMINED, 0.0
    sample = sample_text(text, cfg.sample_chars)
    scored = profile_scores(sample, cfg.seed) if cfg.method == "profile" else None
    if scored is not None and scored[2] >= cfg.fallback_margin:
        langs, post, _ = scored
        best = int(post.argmax())
        lang, score = langs[best], round(float(post[best]), 4)
    elif cfg.method == "profile" and scored is None:
        return UNDETERMINED, 0.0
    else:  # langdetect asked for, or the profile score is ambiguous (e.g. tables of figures)
        detector = _factory(cfg.seed).create()
        detector.append(sample)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return UNDETERMINED, 0.0
        if not ranked:
            return UNDETERMINED, 0.0
        lang, score = str(ranked[0].lang), round(float(ranked[0].prob), 4)
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
