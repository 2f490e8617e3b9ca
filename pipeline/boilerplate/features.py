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
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import NamedTuple

from pipeline.boilerplate.stopwords import LANGS, STOPWORDS
from pipeline.segment import BULLET_MARKS

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})
_MONTH = (
    r"(jan(uar[iy]?|uary)?|jänner|feb(ruar[iy]?|ruary)?|märz?|mrt|maart|mar(ch|ts?)?|apr(il)?|mai|mei|maj|may"
    r"|jun[ei]?|jul[iy]?|aug(ust(us|i)?)?|sept?(ember)?|okt(ober)?|oct(ober)?|nov(ember)?|dez(ember)?"
    r"|dec(ember)?)"
)
"""A month's name or its short form in German, Dutch, English and the Nordic languages ("Mai", "Sept")."""
_BULLET = re.compile(
    rf"^(?:[{re.escape(BULLET_MARKS)}]|\d{{1,2}}\)|\d{{1,2}}\.(?! ?{_MONTH}\.? \d))\s+",
    re.IGNORECASE,
)
"""A list's bullet or number ("- ", "• ", "3. ", "2) "); not a date's day ("4. Mai 2024", "12. März
2024, 10:15"; a table's "13. Mainz 35" is a row's place)."""
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
# an e-mail address starts where its run of [\w.+-] starts: begun anywhere inside a long run
# with no "@" after it, the search scanned the rest of the run from every character (quadratic)
_LINKISH = re.compile(r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\w)@\w{2,}|#\w{2,}")
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?[$€£¥]|\b\d+[.,]\d\d\s?(usd|eur|gbp)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}\b|\b\d{4}-\d\d-\d\d\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|"
    # a day, a month's name (its first letters) and a year, in the packs' languages and in those without
    # one: "14. maj 2024", "14. března 2024", "14 Haziran 2024", "5 апреля 2024", "14 Mei 2024"
    r"\b\d{1,2}\.?( de)? (jan|jän|feb|fév|fev|mär|mar|apr|avr|abr|mai|may|mag|jun|juin|giu|jul|juil|lug"
    r"|aug|août|ago|sep|set|okt|oct|ott|out|nov|dez|dec|déc|dic|ene|gen|stycz|lut|kwie|czerw|lip|sierp|wrze"
    r"|paźdz|listop|grud|maj|led|únor|břez|dub|květ|červ|srp|září|říj|prosin|ian|iun|iul|noi|ocak|şubat|nisan"
    r"|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|январ|феврал|март|апрел|мая|июн|июл|август"
    r"|сентябр|октябр|ноябр|декабр|mei|agustus|desember|tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys"
    r"|loka|marras|joulu)[^\W\d]*\.?( de)? \d{4}\b|"
    # Hungarian writes the year first: "2024. március 14."
    r"\b\d{4}\. (január|február|március|április|május|június|július|augusztus|szeptember|október|november"
    r"|december) \d{1,2}\.",
    re.IGNORECASE,
)

_DIGIT = re.compile(r"\d")
_TERMINAL_PUNCT = (".", "!", "?", "…", "。")
_CLOSERS = "'\")]」』"
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Han ideographs and kana: Chinese and Japanese write words without spaces between them."""
_LINK_MARKS = ("@", "#", "://", "www.")
"""Every ``_LINKISH`` match holds one of these (a quick test before the regex)."""


_ARROW = re.compile(r"(?<!\S)[«»]+(?!\S)")
"""Guillemets standing free: white space or the line's start or end on both sides."""
_ARROWS = str.maketrans("«»", "‹›")
"""... read as arrows: "‹", "›" (which rules write as arrows, with ">")."""


_ARROW_WORDS = 6
"""A line with both guillemets ("«" and "»") of more words than this is prose that quotes, so its
free-standing ones are quotation marks ("Il a dit « non » hier", "» Heute ist ... gesiegt. «")."""


def _arrows(text: str) -> str:
    """Free-standing "»" and "«" as arrows ("Weiter »", "« Zurück", "Startseite » Politik"), unless the
    line holds both and reads as prose (:data:`_ARROW_WORDS`): a French or German quotation. A short
    line of dialogue ("« Bonjour », dit-il.") or a quotation's first line with only its "«" reads
    them as arrows: only the rules' matching and the line's shape see the change, not the text."""
    if "«" in text and "»" in text and len(text.split(None, _ARROW_WORDS)) > _ARROW_WORDS:
        return text
    return _ARROW.sub(lambda m: m.group().translate(_ARROWS), text)


def normalise(text: str) -> tuple[str, bool, bool]:
    """``(text, had_bullet, was_table_row)`` for matching and features.

    >>> normalise("  | Name | “Value” |  ")
    ('Name "Value"', False, True)
    >>> normalise("- item one")
    ('item one', True, False)
    >>> normalise("Startseite » Politik » «Wahl»")[0]
    'Startseite › Politik › "Wahl"'
    >>> normalise("Weiter »")[0], normalise("« Zurück")[0], normalise("Mehr »»")[0]
    ('Weiter ›', '‹ Zurück', 'Mehr ››')
    >>> normalise("Il a dit « non » hier")[0], normalise("» Heute ist ein guter Tag für uns. «")[0]
    ('Il a dit " non " hier', '" Heute ist ein guter Tag für uns. "')
    """
    if not text.isascii():  # ASCII is NFKC already and has no curly quotes
        # "»" with white space or the line's end on both sides is an arrow, no quote: a breadcrumb's
        # separator ("Startseite » Politik"), a button's ("Weiter »", "Buch bestellen »", "« Zurück")
        text = unicodedata.normalize("NFKC", text)
        if "»" in text or "«" in text:
            text = _arrows(text)
        text = text.translate(_QUOTES)
    t = " ".join(text.split())  # str.split's white space is the regex engine's \s
    table = _table_shaped(t)
    if table:
        t = " ".join(c.strip() for c in t.strip("|").split("|") if c.strip())
    m = _BULLET.match(t)
    if m and len(t) > m.end():
        return t[m.end() :], True, table
    return t, False, table


_MD_TARGET = r"\(\s*<?[^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*>?(?:\s+\"[^\"\n]*\")?\s*\)"
_MD_IMAGE = re.compile(rf"!\[[^\[\]\n]{{0,400}}\]{_MD_TARGET}")
_MD_LINK = re.compile(rf"\[([^\[\]\n]{{0,400}})\]{_MD_TARGET}")
_MD_IMAGES_ONLY = re.compile(
    rf"(?:\s*(?:\[\s*)?!\[[^\[\]\n]{{0,400}}\]{_MD_TARGET}(?:\s*\]{_MD_TARGET})?)+\s*"
)
_MD_ANCHOR_ONLY = re.compile(r"\s*(?:[-*+]\s+)?\[[^\[\]\n]{1,300}\]\(#[^()\s]*\)\s*")
MD_EMPHASIS = re.compile(r"\*(?!\*)(?=\S)[^*\n]+(?<=\S)\*|_(?!_)(?=\S)[^_\n]+(?<=\S)_")
"""A line in emphasis as a whole ("*Median build duration by week. ...*"): a figure's caption under its
image."""
MD_HEADING = re.compile(r"#{1,6}\s+(?=\S)")
_MD_STRONG = re.compile(r"\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*")


def markdown_plain(line: str) -> tuple[str, int]:
    """A Markdown line as plain text for the features and the rules, and how many links it held: a
    link's text without its target ("[Politik](https://...)" -> "Politik"), images dropped, a
    heading's "#" marks and strong emphasis ("**Lesen Sie auch:**") unwrapped. A line of images only
    stays as written (the ``caption/xx/markdown-image`` rule takes it), and so does a line that is one
    link to a place on the page (``navigation/xx/markdown-anchor``: a jump list's item). Scrapers that
    turn pages into Markdown for language models write the page's chrome this way; the text itself
    keeps its marks.

    >>> markdown_plain("Von [Miriam Holtkamp](https://example.org/autoren/mh/)")
    ('Von Miriam Holtkamp', 1)
    >>> markdown_plain("## So funktioniert die Anlage")
    ('So funktioniert die Anlage', 0)
    >>> markdown_plain("**Lesen Sie auch:** [Fernwärme wird teurer](https://example.org/a-1)")
    ('Lesen Sie auch: Fernwärme wird teurer', 1)
    >>> markdown_plain("[![Logo](https://example.org/logo.svg)](https://example.org/)")[0]
    '[![Logo](https://example.org/logo.svg)](https://example.org/)'
    >>> markdown_plain("Prices rose [2] in 2023 (see below).")
    ('Prices rose [2] in 2023 (see below).', 0)
    """
    if "](" in line:
        if _MD_IMAGES_ONLY.fullmatch(line) or _MD_ANCHOR_ONLY.fullmatch(line):
            return line, 1  # (a link to a place on the page: a jump list's item, "- [The setup](#setup)")
        line = _MD_IMAGE.sub("", line)
        line, links = _MD_LINK.subn(r"\1", line)
    else:
        links = 0
    stripped = line.lstrip()
    if stripped.startswith("#"):
        line = MD_HEADING.sub("", stripped, count=1) if MD_HEADING.match(stripped) else line
    if "**" in line:
        line = _MD_STRONG.sub(r"\1", line)
    if line[:1] in ("*", "_") and MD_EMPHASIS.fullmatch(line):
        line = line[1:-1]  # a line in emphasis: "_KVRN 7's Daniel Osei contributed to this report._"
    return line, links


def may_be_markdown(line: str) -> bool:
    """A quick test for :func:`markdown_plain`: a link's or an image's "](", a heading's "#", "**", or a
    line in emphasis ("_..._", "*...*")."""
    return (
        "](" in line
        or "**" in line
        or line.lstrip().startswith("#")
        or (line[:1] in ("*", "_") and line[-1:] == line[:1])
    )


def _table_shaped(t: str) -> bool:
    """``| cell | cell |``: starts and ends with a pipe.

    >>> _table_shaped("| a | b |"), _table_shaped("|")
    (True, False)
    """
    return len(t) > 1 and t.startswith("|") and t.endswith("|")


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
    return guess_language_of(_WORD.findall(normalise(t)[0].lower()) for t in texts)


def guess_language_of(lowered: Iterable[list[str]]) -> tuple[str, float]:
    """:func:`guess_language` of texts given as their lower-cased words (:func:`block_words`).

    >>> guess_language_of([["der", "hund", "und", "die", "katze"]])
    ('de', 0.6)
    """
    found = Counter(chain.from_iterable(lowered))
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


class BlockFeatures(NamedTuple):
    """What the classifier knows about one block (a named tuple: immutable, and quick to build)."""

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
    prose: bool
    """Reads like article prose: long enough, sentence-shaped, dense in stop words, few links."""
    stops: int
    """The counts behind the ratios: stop words, ..."""
    content: int
    """... other words that start with a letter, ..."""
    caps: int
    """... those of them that start with a capital letter, ..."""
    links: int
    """... and links (see :func:`joined_features`, which adds them up)."""

    @property
    def price(self) -> bool:
        """Has a price (``$5``, ``12,50 EUR``); computed when asked for, as the classifier rarely asks.

        >>> block_features("Only $5 a month", "en").price
        True
        """
        return _DIGIT.search(self.text) is not None and _PRICE.search(self.text) is not None

    @property
    def date(self) -> bool:
        """Has a date (``12.05.2024``, ``2024-05-12``, ``May 12, 2024``, ``12. Mai 2024``); on demand.

        >>> block_features("Updated May 12, 2024", "en").date
        True
        """
        return has_date(self.text)


def has_date(text: str) -> bool:
    """``text`` has a date (:attr:`BlockFeatures.date`).

    >>> has_date("March 4, 2024"), has_date("Sarah Mitchell")
    (True, False)
    """
    return _DIGIT.search(text) is not None and _DATE.search(text) is not None


def block_features(raw: str, lang: str, min_stop: float = 0.18) -> BlockFeatures:
    """Features of one block's raw text for language ``lang``.

    ``min_stop`` is the stop-word share prose needs; 0 for languages without a
    stop-word list (then prose must be sentence-shaped and mostly lower case).
    """
    return features_of(block_words(raw), lang, min_stop)


class BlockWords(NamedTuple):
    """A block's normalised text and its words, as written and lower-cased (what the features and
    the language guess start from; :func:`block_words`)."""

    text: str
    bullet: bool
    table: bool
    words: list[str]
    lowered: list[str]
    links: int = 0
    """Markdown links the block held (:func:`markdown_plain`), which its text no longer shows."""


def block_words(raw: str) -> BlockWords:
    """The block's normalised text (:func:`normalise`) and its words.

    >>> block_words("- Share THIS")[1:5]
    (True, False, ['Share', 'THIS'], ['share', 'this'])
    """
    links = 0
    if may_be_markdown(raw):
        raw, links = markdown_plain(raw)
    text, bullet, table = normalise(raw)
    ws = _WORD.findall(text)
    return BlockWords(text, bullet, table, ws, list(map(str.lower, ws)), links)


def features_of(bw: BlockWords, lang: str, min_stop: float = 0.18) -> BlockFeatures:
    """:func:`block_features` of a block's :func:`block_words`."""
    text, ws = bw.text, bw.words
    stops = STOPWORDS.get(lang, STOPWORDS["en"])
    n_stop = n_content = caps = 0
    for w, low in zip(ws, bw.lowered, strict=True):
        if low in stops:
            n_stop += 1
        else:
            c = w[0]  # a word is never empty
            if c.isalpha():
                n_content += 1
                caps += c.isupper()
    links = bw.links + (len(_LINKISH.findall(text)) if _has_link_mark(text) else 0)
    n = len(ws)
    if not text.isascii() and ("。" in text or "," in text):
        # a run of Han or kana characters is one regex "word" but holds about one word per two
        # characters: count those in running text (with a full stop or a comma), or a Chinese
        # paragraph is a handful of "words" and never prose; headlines and menu items stay short
        n += len(_CJK.findall(text)) // 2
    if n >= _OWN_LANGUAGE_WORDS and (min_stop == 0 or n_stop < min_stop * n):
        # a long block in another language than the page's (a German post under an English archive
        # banner, an English paragraph on a French page), or on a page too short of stop words to be
        # measured by them (a post under long menus), is measured by its own stop words
        own = n_stop if n_stop >= _OWN_MIN_STOP * n else _own_stops(bw.lowered)
        if own >= _OWN_MIN_STOP * n:
            floor = max(min_stop, _OWN_MIN_STOP)
            return _assemble(text, bw.bullet, bw.table, n, n_stop, n_content, caps, links, floor, own)
    return _assemble(text, bw.bullet, bw.table, n, n_stop, n_content, caps, links, min_stop)


_OWN_LANGUAGE_WORDS = 12
"""A block of this many words that has too few of the page's stop words is measured in its own
language too (:func:`_own_stops`); shorter lines (menu items, headlines) are not."""
_OWN_MIN_STOP = 0.3
"""The share of stop words of one language that such a block needs to be measured by them (its
``stop_ratio``, and prose by its stop words, not by its capitals): more than the page's language
needs (0.18), as a language without a list shares some short words with those that have one
(Danish "der", "er", "den", "for")."""


def _own_stops(lowered: list[str]) -> int:
    """How many of ``lowered`` are stop words of the language that has the most of them.

    >>> _own_stops("wenn man die diesmal leider keine präsentation zur woche gab".split())
    5
    >>> _own_stops(["xyz", "qqq"])
    0
    """
    counts: Counter[str] = Counter()
    for w in lowered:
        counts.update(_STOP_LANGS.get(w, ()))
    return max(counts.values(), default=0)


def _has_link_mark(text: str) -> bool:
    """Whether ``text`` has one of ``_LINK_MARKS`` (spelt out: quicker than ``any`` over them).

    >>> _has_link_mark("mail me@x.org"), _has_link_mark("no link here")
    (True, False)
    """
    return "@" in text or "#" in text or "://" in text or "www." in text


def _assemble(
    text: str,
    bullet: bool,
    table: bool,
    n: int,
    n_stop: int,
    n_content: int,
    caps: int,
    links: int,
    min_stop: float,
    own_stops: int = -1,
) -> BlockFeatures:
    """The features of normalised ``text`` from its counts (the ratios, ``terminal`` and ``prose``).

    ``n_stop`` counts the page language's stop words (the ``stops`` field); ``own_stops``, when
    given, those of the block's own language, which then make its ``stop_ratio``.

    >>> f = _assemble("Read more", False, False, 2, 0, 2, 1, 0, 0.18)
    >>> f.title_case, f.terminal, f.prose
    (0.5, False, False)
    """
    title_case = caps / n_content if n_content else 0.0
    stop_ratio = (n_stop if own_stops < 0 else own_stops) / n if n else 0.0
    terminal = text.rstrip(_CLOSERS).endswith(_TERMINAL_PUNCT)  # [.!?…]['")\]]*$, without a regex
    link_ratio = links / n if n else 0.0
    prose = (
        n >= 8
        and stop_ratio >= min_stop
        and (terminal or n >= 16)
        and (min_stop > 0 or title_case < 0.5)
        and link_ratio < 0.15
        and not (title_case > 0.8 and n < 20 and not terminal)
    )
    # the fields in order, as one tuple: what ``BlockFeatures(text=text, bullet=bullet, ...)`` makes,
    # at a sixth of the cost of that keyword call (a third of a million blocks on 20,000 texts)
    return _new_features(
        BlockFeatures,
        (
            text,
            bullet,
            table,  # table_row
            n,  # words
            len(text),  # chars
            stop_ratio,
            terminal,
            title_case,
            link_ratio,
            prose,
            n_stop,  # stops
            n_content,  # content
            caps,
            links,
        ),
    )


_new_features = tuple.__new__
# _assemble passes the fields by position, in this order
assert BlockFeatures._fields == (
    "text",
    "bullet",
    "table_row",
    "words",
    "chars",
    "stop_ratio",
    "terminal",
    "title_case",
    "link_ratio",
    "prose",
    "stops",
    "content",
    "caps",
    "links",
)


def joined_features(
    parts: Sequence[BlockFeatures], raws: Sequence[str], lang: str, min_stop: float = 0.18
) -> BlockFeatures:
    """``block_features(" ".join(raws), lang, min_stop)``, from ``parts``: each raw text's features.

    ``parts[i]`` must be ``block_features(raws[i], lang, ...)`` (any ``min_stop``). When every raw
    text is plain (ASCII, no bullet, no table row), normalising their join only folds white space,
    so the joined text is the parts' texts joined by a space. No word and no link holds a space,
    and ``_WORD`` and ``_LINKISH`` see a space the way they see the end or the start of a text, so
    the joined text's words and links are those of its parts, in order: its counts are their sums.
    ``terminal`` and ``prose`` follow from the text and the counts as for any block. Otherwise
    (non-ASCII text, a bullet, a table row, or a join that looks like either) the features are
    computed from the joined raw text (and for Markdown, :func:`markdown_plain`).

    >>> raws = ["The ministers agreed on Monday on a budget that", "the parliament will vote on."]
    >>> g = joined_features([block_features(r, "en") for r in raws], raws, "en")
    >>> g == block_features(" ".join(raws), "en"), g.words, g.prose
    (True, 14, True)
    """
    if all(f.text and not f.bullet and not f.table_row for f in parts) and all(
        r.isascii() and not may_be_markdown(r) for r in raws
    ):
        text = " ".join([f.text for f in parts])
        n, stops = sum(f.words for f in parts), sum(f.stops for f in parts)
        own_language = n >= _OWN_LANGUAGE_WORDS and (min_stop == 0 or stops < min_stop * n)
        if not own_language and not _table_shaped(text) and _BULLET.match(text) is None:
            return _assemble(
                text,
                False,
                False,
                n,
                stops,
                sum(f.content for f in parts),
                sum(f.caps for f in parts),
                sum(f.links for f in parts),
                min_stop,
            )
    return block_features(" ".join(raws), lang, min_stop)
