"""Language detection: the langdetect adapter (the only module that imports langdetect).

langdetect is random unless seeded, and its module-level ``DetectorFactory`` is
global state. We build our own factory per process and seed, so results are
the same in every process and on every run.

Detection runs on the *kept* text (boilerplate removed), on a bounded sample
spread over the text (start, middle, end), so cost does not grow with long
documents. Too little text, or a top probability below the configured
confidence, gives ``und``.

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
from dataclasses import replace

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from pipeline.config import LanguageConfig
from pipeline.document import Document

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


def detect_text(text: str, cfg: LanguageConfig) -> tuple[str, float]:
    """``(language, probability)`` for ``text``; ``("und", p)`` when short or unsure."""
    letters = sum(1 for ch in text[: cfg.min_chars * 4] if ch.isalpha())
    if letters < cfg.min_chars:
        return UNDETERMINED, 0.0
    detector = _factory(cfg.seed).create()
    detector.append(sample_text(text, cfg.sample_chars))
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return UNDETERMINED, 0.0
    if not ranked:
        return UNDETERMINED, 0.0
    best = ranked[0]
    score = round(float(best.prob), 4)
    if score < cfg.min_confidence:
        return UNDETERMINED, score
    return str(best.lang), score


def kept_text(doc: Document) -> str:
    """The blocks of ``doc`` that no removal span covers, one per line."""
    spans = sorted((s.start, s.end) for s in doc.removed)
    lines: list[str] = []
    i = 0
    for block in doc.blocks:
        while i < len(spans) and spans[i][1] <= block.start:
            i += 1
        if i < len(spans) and spans[i][0] <= block.start and spans[i][1] >= block.end:
            continue
        lines.append(doc.text[block.start : block.end])
    if not doc.blocks:
        return doc.text
    return "\n".join(lines)


def detect(doc: Document, cfg: LanguageConfig) -> Document:
    """Set ``language`` and ``language_score`` from the kept text of ``doc``."""
    language, score = detect_text(kept_text(doc), cfg)
    return replace(doc, language=language, language_score=score)
