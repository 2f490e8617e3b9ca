"""Block features for the boilerplate classifier.

Every feature is computed on the block's *normalised* text: NFKC, curly quotes
folded to straight ones, white space runs folded to one space, a leading
bullet removed (and remembered), ``| cell | cell |`` table rows unwrapped into
their cells' text.

>>> f = block_features("• Share this article", "en")
>>> f.text, f.bullet, f.words, f.terminal
('Share this article', True, 3, False)
>>> f = block_features("The minister said on Monday that the talks would go on.", "en")
>>> f.prose, round(f.stop_ratio, 2)
(True, 0.64)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.boilerplate.stopwords import LANGS, STOPWORDS

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})
_BULLET = re.compile(r"^(?:[•·▪◦‣●○■□►▶✓✔➤→*\-–—]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_LINKISH = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\w)@\w{2,}|#\w{2,}")
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?[$€£¥]|\b\d+[.,]\d\d\s?(usd|eur|gbp)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d\d-\d\d\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|"
    r"\b\d{1,2}\.? (jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.? \d{4}\b",
    re.IGNORECASE,
)

_DIGIT = re.compile(r"\d")
_TERMINAL_PUNCT = (".", "!", "?", "…")
_CLOSERS = "'\")]"
_LINK_MARKS = ("@", "#", "://", "www.")
"""Every ``_LINKISH`` match holds one of these (a quick test before the regex)."""


def normalise(text: str) -> tuple[str, bool, bool]:
    """``(text, had_bullet, was_table_row)`` for matching and features.

    >>> normalise("  | Name | “Value” |  ")
    ('Name "Value"', False, True)
    >>> normalise("- item one")
    ('item one', True, False)
    """
    if not text.isascii():  # ASCII is NFKC already and has no curly quotes
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = " ".join(text.split())  # str.split's white space is the regex engine's \s
    table = len(t) > 1 and t.startswith("|") and t.endswith("|")
    if table:
        t = " ".join(c.strip() for c in t.strip("|").split("|") if c.strip())
    m = _BULLET.match(t)
    if m and len(t) > m.end():
        return t[m.end() :], True, table
    return t, False, table


def words(text: str) -> list[str]:
    """The words of ``text`` (letters/digits; inner apostrophes, dots and hyphens kept between letters).

    >>> words("Israel's drone, e.g. U.S.-made")
    ["Israel's", 'drone', 'e.g', 'U.S', 'made']
    """
    return _WORD.findall(text)


def guess_language(texts: Iterable[str]) -> tuple[str, float]:
    """The stop-word language with most hits and its share of all words (``("en", 0.0)`` when none match).

    >>> guess_language(["Der Hund und die Katze sind nicht hier."])
    ('de', 0.75)
    """
    # one pass over all texts: a newline joins them (no word spans it, lower-casing is unchanged)
    found = Counter(words("\n".join(texts).lower()))
    total = sum(found.values())
    counts: Counter[str] = Counter()
    for w, k in found.items():
        for lang in _STOP_LANGS.get(w, ()):
            counts[lang] += k
    if not counts:
        return "en", 0.0
    best = max(LANGS, key=lambda lang: (counts[lang], lang == "en"))
    return best, counts[best] / total


_STOP_LANGS: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang in LANGS if w in STOPWORDS[lang]) for lang0 in LANGS for w in STOPWORDS[lang0]
}
"""The languages whose stop-word list has the word (for :func:`guess_language`)."""


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """What the classifier knows about one block."""

    text: str
    bullet: bool
    table_row: bool
    words: int
    chars: int
    stop_ratio: float
    terminal: bool
    """Ends like a sentence: ``.``, ``!``, ``?``, ``…`` (closing quotes/brackets allowed)."""
    title_case: float
    """Share of non-stop-words that start with a capital letter."""
    link_ratio: float
    """URLs, e-mail addresses, @handles and #tags per word."""
    price: bool
    date: bool
    prose: bool
    """Reads like article prose: long enough, sentence-shaped, dense in stop words, few links."""


def block_features(raw: str, lang: str, min_stop: float = 0.18) -> BlockFeatures:
    """Features of one block's raw text for language ``lang``.

    ``min_stop`` is the stop-word share prose needs; 0 for languages without a
    stop-word list (then prose must be sentence-shaped and mostly lower case).
    """
    text, bullet, table = normalise(raw)
    ws = _WORD.findall(text)
    n = len(ws)
    stops = STOPWORDS.get(lang, STOPWORDS["en"])
    n_stop = n_content = caps = 0
    for w in ws:
        if w.lower() in stops:
            n_stop += 1
        elif w[:1].isalpha():
            n_content += 1
            caps += w[:1].isupper()
    title_case = caps / n_content if n_content else 0.0
    links = len(_LINKISH.findall(text)) if any(m in text for m in _LINK_MARKS) else 0
    stop_ratio = n_stop / n if n else 0.0
    terminal = text.rstrip(_CLOSERS).endswith(_TERMINAL_PUNCT)  # [.!?…]['")\]]*$, without a regex
    link_ratio = links / n if n else 0.0
    digits = _DIGIT.search(text) is not None  # prices and dates have digits
    prose = (
        n >= 8
        and stop_ratio >= min_stop
        and (terminal or n >= 16)
        and (min_stop > 0 or title_case < 0.5)
        and link_ratio < 0.15
        and not (title_case > 0.8 and n < 20 and not terminal)
    )
    return BlockFeatures(
        text=text,
        bullet=bullet,
        table_row=table,
        words=n,
        chars=len(text),
        stop_ratio=stop_ratio,
        terminal=terminal,
        title_case=title_case,
        link_ratio=link_ratio,
        price=digits and _PRICE.search(text) is not None,
        date=digits and _DATE.search(text) is not None,
        prose=prose,
    )
