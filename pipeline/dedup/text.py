"""Text side of dedup: normalised words, stable 16-bit word hashes, quoted cores.

Words are compared after Unicode NFKC, case folding and quote folding, so
punctuation, curly vs straight quotes and case never matter. Every word is
reduced to a stable 16-bit hash (blake2b); n-grams are built from those
hashes, so an n-gram of three words carries 48 bits and accidental matches are
negligible, while the index stores only 2 bytes per word.

>>> [w for w, _, _ in words("“It’s hereditary,” she said.")]
['It’s', 'hereditary', 'she', 'said']
>>> word_hash("Azerbaijan") == word_hash("AZERBAIJAN")
True
>>> 0 <= word_hash("the") < 65536
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUOTE = re.compile(r"[\"“”„«»]|``|''")
_MARK = re.compile("[\n\"“”„«»'‘’]")


@lru_cache(maxsize=1 << 18)
def word_hash(word: str) -> int:
    """A stable 16-bit hash of a normalised word (NFKC, case-folded, apostrophes folded).

    >>> word_hash("it's") == word_hash("It’s")
    True
    """
    norm = unicodedata.normalize("NFKC", word).casefold().replace("’", "'")
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=2).digest(), "big")


_HASHES: dict[str, int] = {}
"""Bounded word -> hash cache of :func:`word_hashes` (cleared when it reaches ``_HASHES_MAX``)."""
_HASHES_MAX = 1 << 18
_SPEECH_FORMS: set[str] = set()
"""Every word (as written) seen by :func:`word_hashes` whose folded form is a speech verb."""
_NUMBER_FORMS: set[str] = set()
"""Every word (as written) in ``_HASHES`` that is a figure ("26", "1987", "3rd", "seven"), for
:func:`number_flags` (emptied with ``_HASHES``)."""
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "mln",
        "bln",
        "dozen",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "zwanzig",
        "dreißig",
        "vierzig",
        "fünfzig",
        "hundert",
        "tausend",
        "millionen",
        "milliarde",
        "milliarden",
    }
)
"""Cardinal numbers written as words (English, German; not "one"/"ein", which are pronouns
and articles too): figures like digits."""


def word_hashes(ws: list[str]) -> list[int]:
    """:func:`word_hash` of every word, through a bounded dict (the hot path of signatures).

    Also records, as a side effect, which of the words are speech verbs, for
    :func:`any_speech_verb`.

    >>> word_hashes(["It’s", "it's", "SAID"]) == [word_hash("it's")] * 2 + [word_hash("said")]
    True
    """
    cache = _HASHES
    try:
        return list(map(cache.__getitem__, ws))  # the usual case: every word seen before
    except KeyError:
        pass
    if len(cache) >= _HASHES_MAX:
        cache.clear()
        _NUMBER_FORMS.clear()
    for w in ws:
        if w not in cache:
            cache[w] = word_hash.__wrapped__(w)
            if w.casefold() in _SPEECH:
                _SPEECH_FORMS.add(w)
            if _DIGIT.search(w) if not w.isalpha() else w.casefold() in _NUMBER_WORDS:
                _NUMBER_FORMS.add(w)
    return list(map(cache.__getitem__, ws))


def number_flags(ws: list[str]) -> bytes:
    """Per word, 1 when it is a figure: it holds a digit (an amount, a date, a score) or is a
    cardinal written out (``_NUMBER_WORDS``), else 0; ``b""`` when no word is. Every word must
    have passed :func:`word_hashes` (the call before, on the same list).

    >>> ws = ["payable", "March", "26", "3rd", "Seven", "one"]
    >>> _ = word_hashes(ws)
    >>> list(number_flags(ws)), number_flags(ws[:2])
    ([0, 0, 1, 1, 1, 0], b'')
    """
    if _NUMBER_FORMS.isdisjoint(ws):
        return b""
    return bytes(map(_NUMBER_FORMS.__contains__, ws))


def any_speech_verb(ws: list[str]) -> bool:
    """Whether one of ``ws`` is a speech verb; every word must have passed :func:`word_hashes`.

    >>> ws = ["Inbar", "SAID"]
    >>> _ = word_hashes(ws)
    >>> any_speech_verb(ws), any_speech_verb(ws[:1])
    (True, False)
    """
    return not _SPEECH_FORMS.isdisjoint(ws)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Words of ``text[start:end]`` with absolute offsets.

    >>> words("He said. No.", 3)
    [('said', 3, 7), ('No', 9, 11)]
    """
    stop = len(text) if end is None else end
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


def quoted_core(text: str, tokens: list[tuple[str, int, int]]) -> tuple[int, int]:
    """Word index range ``[lo, hi)`` of the quotation in ``text``, or ``(0, 0)`` if none.

    ``tokens`` are the words of ``text`` as returned by :func:`words` (offsets into ``text``).

    With two or more quote marks the core runs from the first to the last
    one; with a single mark, it is the longer side. Dedup compares this core
    on its own when the rest of the sentence is only a short attribution
    ("Inbar said", "he added").

    >>> s = "“Azerbaijan is an important country for us,” Inbar said."
    >>> quoted_core(s, words(s))
    (0, 7)
    >>> quoted_core("No quotes here.", words("No quotes here."))
    (0, 0)
    """
    marks = [m.start() for m in _QUOTE.finditer(text)]
    if not marks or not tokens:
        return (0, 0)

    def index_at(pos: int) -> int:
        for i, (_, s, _) in enumerate(tokens):
            if s >= pos:
                return i
        return len(tokens)

    if len(marks) >= 2:
        lo, hi = index_at(marks[0]), index_at(marks[-1])
    else:
        cut = index_at(marks[0])
        lo, hi = (0, cut) if cut >= len(tokens) - cut else (cut, len(tokens))
    return (lo, hi) if hi > lo else (0, 0)


_SPEECH = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "added",
        "adds",
        "told",
        "tells",
        "stated",
        "explained",
        "insisted",
        "admitted",
        "declared",
        "commented",
        "continued",
        "concluded",
        "concludes",
        "claimed",
        "revealed",
        "warned",
        "replied",
        "according",
        "sagte",
        "sagt",
        "erklärte",
        "erklärt",
        "betonte",
        "fügte",
        "hinzu",
    ]
)


def has_speech_verb(tokens: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether a word outside ``tokens[lo:hi]`` is a speech verb ("said", "added", "told", ...).

    >>> s = "The Oasis singer, Noel Gallagher, said: “It’s hardly news.”"
    >>> t = words(s)
    >>> has_speech_verb(t, *quoted_core(s, t)), has_speech_verb(t, 0, len(t))
    (True, False)
    """
    return any(w.casefold() in _SPEECH for i, (w, _, _) in enumerate(tokens) if i < lo or i >= hi)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` inside quotation marks, across sentences of one paragraph.

    Double marks (straight, curly, guillemets, „) and single quotes used as
    quotation marks (‘...’ or '...' at word boundaries; an apostrophe inside a
    word is not a mark) are tracked; every line break ends an open quotation
    (a quote running over paragraphs reopens with a mark in the next one).

    >>> t = "He said: “We will win. They know it.” Then he left."
    >>> [t[s:e] for s, e in quoted_ranges(t)]
    ['We will win. They know it.']
    >>> t = "'It's over. I had to go,' she said. Don't worry."
    >>> [t[s:e] for s, e in quoted_ranges(t)]
    ["It's over. I had to go,"]
    """
    out: list[tuple[int, int]] = []
    dbl = sgl = -1  # start of the open double / single quotation, -1 when none
    n = len(text)
    for m in _MARK.finditer(text):
        i, c = m.start(), m.group()
        if c == "\n":
            start = min(x for x in (dbl, sgl, n) if x >= 0)
            if start < i:
                out.append((start, i))
            dbl = sgl = -1
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c in "“„«":
            if dbl < 0:
                dbl = i + 1
        elif c in "”»":
            if dbl >= 0:
                out.append((dbl, i))
                dbl = -1
        elif c == '"':
            if dbl < 0:
                dbl = i + 1
            else:
                out.append((dbl, i))
                dbl = -1
        elif c in "'‘’":
            if prev.isalnum() and nxt.isalnum():
                continue  # apostrophe
            if sgl < 0 and dbl < 0 and c != "’" and not prev.isalnum() and (nxt.isalnum() or nxt in '"“'):
                sgl = i + 1
            elif sgl >= 0 and c != "‘" and not nxt.isalnum():
                out.append((sgl, i))
                sgl = -1
    start = min(x for x in (dbl, sgl, n) if x >= 0)
    if start < n:
        out.append((start, n))
    out.sort()
    return out
