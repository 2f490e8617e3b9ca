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
from itertools import repeat

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_AMOUNT = re.compile(r"\d(?:\s?(?i:m|mn|bn)|(?i:million|billion|mln|bln))\b")
"""Text that may hold an amount in a short or run-together form ("£22m", "£22million", "$1.5 bn")."""
_AMOUNT_WORD = re.compile(r"(\d+)((?i:m|mn|bn|million|billion|mln|bln))")
_UNIT_WORDS = {"m": "million", "mn": "million", "bn": "billion"}
_QUOTE = re.compile(r"[\"“”„«»]|``|''")
_QUOTE_MARK = re.compile("[\"“”„«»'‘’]")


def _normal(word: str) -> str:
    """The form a word is compared in: NFKC, case-folded, apostrophes folded."""
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'")


def _hash(norm: str) -> int:
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=2).digest(), "big")


@lru_cache(maxsize=1 << 18)
def word_hash(word: str) -> int:
    """A stable 16-bit hash of a normalised word (NFKC, case-folded, apostrophes folded).

    >>> word_hash("it's") == word_hash("It’s")
    True
    """
    return _hash(_normal(word))


_CARDINALS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion mln bln dozen "
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
    "sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig "
    "neunzig hundert tausend millionen milliarde milliarden mio mrd "
)
_NUMBER_WORDS = frozenset(w.casefold() for w in _CARDINALS.split())
"""Cardinal numbers written out, case-folded (English, German; not "one"/"ein", which are also
pronouns and articles): figures like digits."""
_DIGIT = re.compile(r"\d")

# weekday and month names (English, German, French, Spanish) with the short forms a copy may use
# instead ("Jan 20" for "January 20"); not "may" (a verb) nor the short forms themselves as dates
# ("Jan", "Sun", "Wed" are also names and words)
_DATE_NAMES = {
    "monday": "mon",
    "tuesday": "tue tues",
    "wednesday": "wed",
    "thursday": "thu thur thurs",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
    "january": "jan",
    "february": "feb",
    "march": "mar",
    "april": "apr",
    "june": "jun",
    "july": "jul",
    "august": "aug",
    "september": "sep sept",
    "october": "oct",
    "november": "nov",
    "december": "dec",
    "montag": "",
    "dienstag": "",
    "mittwoch": "",
    "donnerstag": "",
    "freitag": "",
    "samstag": "sonnabend",
    "sonnabend": "samstag",
    "sonntag": "",
    "januar": "jan jänner",
    "februar": "feb",
    "märz": "mär",
    "mai": "",
    "juni": "jun",
    "juli": "jul",
    "oktober": "okt",
    "dezember": "dez",
    "lundi": "lun",
    "mardi": "mar",
    "mercredi": "mer",
    "jeudi": "jeu",
    "vendredi": "ven",
    "samedi": "sam",
    "dimanche": "dim",
    "janvier": "janv",
    "février": "févr fév",
    "mars": "",
    "avril": "avr",
    "juin": "",
    "juillet": "juil",
    "août": "",
    "septembre": "sept",
    "octobre": "oct",
    "novembre": "nov",
    "décembre": "déc",
    "lunes": "lun",
    "martes": "mar",
    "miércoles": "miér mié",
    "jueves": "jue",
    "viernes": "vie",
    "sábado": "sáb",
    "domingo": "dom",
    "enero": "ene",
    "febrero": "feb",
    "marzo": "mar",
    "abril": "abr",
    "mayo": "may",
    "junio": "jun",
    "julio": "jul",
    "agosto": "ago",
    "septiembre": "sept sep setiembre",
    "setiembre": "sept sep septiembre",
    "octubre": "oct",
    "noviembre": "nov",
    "diciembre": "dic",
}
_RELATIVE_DAYS = (
    "today yesterday tonight tomorrow earlier last this weekend "
    "heute gestern morgen vorgestern übermorgen "
    "aujourd'hui hier demain avant-hier "
    "hoy ayer mañana anoche anteayer"
)


def is_figure(word: str) -> bool:
    """Whether a word is a figure: its normal form holds a digit (an amount, a date, a score;
    "²" is "2"), is a cardinal written out, or names a weekday or a month (:func:`figure_kind`).

    >>> [is_figure(w) for w in ("26", "3rd", "Seven", "dreißig", "km²", "one", "Tuesday", "may")]
    [True, True, True, True, True, False, True, False]
    """
    return _figure_kind_normal(_normal(word)) > 0


def figure_kind(word: str) -> int:
    """0 for a word that is no figure, 1 for a number (a digit, a cardinal), 2 for a weekday or month.

    A day or a month is a figure of a date: "until Monday" is no copy of "until Friday", "rises
    in March" none of "rises in February" (another day's, another month's report). Unlike a
    number it may stand for a relative day of the earlier text, or for its short form
    (:func:`date_aliases`).

    >>> [figure_kind(w) for w in ("26", "seven", "Sonntag", "Mars", "Jan", "the")]
    [1, 1, 2, 2, 0, 0]
    """
    return _figure_kind_normal(_normal(word))


def _figure_kind_normal(norm: str) -> int:
    """:func:`figure_kind` of a word already in its normal form (:func:`_normal`)."""
    if norm in _NUMBER_WORDS or (not norm.isalpha() and _DIGIT.search(norm) is not None):
        return 1
    return 2 if norm in _DATE_NAMES else 0


def date_aliases(word_hash_: int) -> frozenset[int]:
    """Hashes of the words an earlier text may have where a copy has the day or month ``word_hash_``:
    a relative day ("yesterday" for "today", "on Monday" for "today") or the short form ("January
    20" for "Jan 20"). Empty for any other word.

    >>> word_hash("yesterday") in date_aliases(word_hash("Monday"))
    True
    >>> word_hash("jan") in date_aliases(word_hash("January")), date_aliases(word_hash("the"))
    (True, frozenset())
    """
    return _DATE_ALIASES.get(word_hash_, frozenset())


_DATE_ALIASES: dict[int, frozenset[int]] = {
    _hash(name): frozenset(_hash(w) for w in (short + " " + _RELATIVE_DAYS).split())
    for name, short in _DATE_NAMES.items()
}


_HASHES: dict[str, int] = {}
"""Bounded word -> hash cache of :func:`word_figures` (replaced when it reaches ``_HASHES_MAX``)."""
_HASHES_MAX = 1 << 18
_FIGURES: dict[str, int] = {}
"""The words of ``_HASHES`` (as written) that are figures, and their :func:`figure_kind` (replaced
with it)."""
_SPEECH_FORMS: set[str] = set()
"""Every word (as written) seen by :func:`word_figures` whose folded form is a speech verb."""


def word_figures(ws: list[str]) -> tuple[list[int], bytes]:
    """:func:`word_hash` of every word, and per word its :func:`figure_kind` (1 a number, 2 a day or
    month, 0 no figure; ``b""`` when no word is a figure), through a bounded dict (the hot path of
    signatures).

    Also records, as a side effect, which of the words are speech verbs, for
    :func:`any_speech_verb`. A full cache is replaced, never emptied, and a word is marked a
    figure before it is cached: a thread that holds the caches (a thread runner cleans several
    documents at once) always finds its words in them, with their marks.

    >>> hashes, flags = word_figures(["It’s", "it's", "SAID", "26", "June"])
    >>> hashes[:3] == [word_hash("it's")] * 2 + [word_hash("said")], list(flags)
    (True, [0, 0, 0, 1, 2])
    >>> word_figures(["no", "figures"])[1]
    b''
    """
    global _HASHES, _FIGURES
    cache, figures = _HASHES, _FIGURES
    try:
        hashes = list(map(cache.__getitem__, ws))  # the usual case: every word seen before
    except KeyError:
        if len(cache) >= _HASHES_MAX:
            cache, figures = {}, {}
            _HASHES, _FIGURES = cache, figures
        for w in ws:
            if w not in cache:
                norm = _normal(w)
                kind = _figure_kind_normal(norm)
                if kind:
                    figures[w] = kind
                if w.casefold() in _SPEECH:
                    _SPEECH_FORMS.add(w)
                cache[w] = _hash(norm)
        hashes = list(map(cache.__getitem__, ws))
    if figures.keys().isdisjoint(ws):
        return hashes, b""
    return hashes, bytes(map(figures.get, ws, repeat(0)))


def any_speech_verb(ws: list[str]) -> bool:
    """Whether one of ``ws`` is a speech verb; every word must have passed :func:`word_figures`.

    >>> ws = ["Inbar", "SAID"]
    >>> _ = word_figures(ws)
    >>> any_speech_verb(ws), any_speech_verb(ws[:1])
    (True, False)
    """
    return not _SPEECH_FORMS.isdisjoint(ws)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Words of ``text[start:end]`` with absolute offsets (an amount's unit written out:
    :func:`amount_units`).

    >>> words("He said. No.", 3)
    [('said', 3, 7), ('No', 9, 11)]
    >>> words("£22m")
    [('22', 1, 3), ('million', 3, 4)]
    """
    stop = len(text) if end is None else end
    found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]
    if _AMOUNT.search(text, start, stop) is None:
        return found
    out: list[tuple[str, int, int]] = []
    for w, s, e in found:
        m = _AMOUNT_WORD.fullmatch(w)
        if m is not None:
            cut = s + len(m[1])
            out += [(m[1], s, cut), (_UNIT_WORDS.get(m[2].casefold(), m[2]), cut, e)]
        elif out and w.casefold() in _UNIT_WORDS and out[-1][0][-1:].isdigit():
            out.append((_UNIT_WORDS[w.casefold()], s, e))
        else:
            out.append((w, s, e))
    return out


def amount_units(ws: list[str]) -> list[str]:
    """``ws`` with an amount's number and unit as two words, the unit written out: house styles
    write "£22m", "£22million" and "£22 million", "$1.5bn" and "$1.5 billion" for one figure. Only
    "m", "mn" and "bn" at or right after a number are units: "M." for "Monsieur" stays (a
    sprinter's "200m" reads "200 million", alike in every text that has it); "mln" stays "mln".

    >>> amount_units(["22m", "M", "Macron", "1", "5bn", "3", "mn", "22MLN", "3rd"])
    ['22', 'million', 'M', 'Macron', '1', '5', 'billion', '3', 'million', '22', 'MLN', '3rd']
    """
    out: list[str] = []
    for w in ws:
        m = _AMOUNT_WORD.fullmatch(w) if w[:1].isdigit() and w[-1:].isalpha() else None
        if m is not None:
            out += [m[1], _UNIT_WORDS.get(m[2].casefold(), m[2])]
        elif out and w.casefold() in _UNIT_WORDS and out[-1][-1:].isdigit():
            out.append(_UNIT_WORDS[w.casefold()])
        else:
            out.append(w)
    return out


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
    # the first line break after the open quotation ends it: only marks are visited (a text has
    # far more line breaks than quotations), the break is found when a quotation opens
    known = -1  # the first line break at or after the last position searched (n: none)
    brk = n  # the first line break after the open quotation (n: none, or no quotation open)
    for m in _QUOTE_MARK.finditer(text):
        i, c = m.start(), m.group()
        if brk < i:
            start = dbl if sgl < 0 else (sgl if dbl < 0 else min(dbl, sgl))
            if start < brk:
                out.append((start, brk))
            dbl = sgl = -1
            brk = n
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
        if dbl < 0 and sgl < 0:
            brk = n
        elif brk == n:
            if known < i:  # the break found before lies behind: look again, from here (each
                # stretch of the text is searched once, however many quotations a line opens)
                found = text.find("\n", i)
                known = n if found < 0 else found
            brk = known
    start = min(x for x in (dbl, sgl, brk) if x >= 0)
    if start < brk:
        out.append((start, brk))
    out.sort()
    return out
