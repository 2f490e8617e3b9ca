"""The classifier's view of a text: one :class:`_Block` per line, with its features and the rules
that matched it, and the shape predicates every step of :mod:`pipeline.boilerplate.classify`
asks of a block (prose or a headline, a data line, a date stamp).

Hard-wrapped lines of one sentence share the features of their logical block (``g``), so a
wire story's wrapped paragraph reads as the prose it is.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.boilerplate.features import (
    MD_EMPHASIS,
    MD_HEADING,
    BlockFeatures,
    BlockWords,
    block_words,
    features_of,
    guess_language_of,
    joined_features,
    markdown_plain,
    may_be_markdown,
)
from pipeline.boilerplate.rules_model import Rule
from pipeline.boilerplate.stopwords import OPEN_ENDINGS, STOPWORDS
from pipeline.document import Category, Document

_DIGIT = re.compile(r"\d")
_HEADLINE_END = re.compile(r"[.:;,]$")
_DETAIL = re.compile(r"^[^\W\d_][\w./-]*(?: [\w./-]+){0,2} ?: [^\W_][\w./-]*(?: \S+){0,2}$")
"""A ``Label: value`` detail line: a label of up to three words, a colon, a value of up to three."""
_DAY = (
    r"(mon|tue|wed|thu|fri|sat|sun)(day|s|sday|nesday|rsday|urday)?|(mo|di|mi|do|fr|sa|so)|"
    r"(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|"
    r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
)
_OPENING_DAYS = re.compile(
    rf"\b({_DAY})\.? ?(-|–|to|bis|au|à|a|al|hasta) ?(le |el )?({_DAY})\b", re.IGNORECASE
)
"""A range of weekdays, as opening hours give them ("Tue-Sun", "Mo–Fr", "du mardi au samedi",
"de lunes a viernes")."""
_OPENING_WORDS = 8
"""Longest line of opening hours that :func:`_data_like` reads as a detail."""


@dataclass(slots=True)
class _Block:
    index: int
    start: int
    end: int
    paragraph: int
    f: BlockFeatures
    g: BlockFeatures
    """Features of the logical block: hard-wrapped lines of one sentence are read together."""
    share: float = 1.0
    """This line's share of its logical block's words."""
    continues: bool = False
    """In hard-wrapped text, a line that continues the sentence of the line above (not the first of its
    logical block): it starts mid-sentence, so rules, which describe whole lines, do not run on it."""
    strong: Rule | None = None
    match: re.Match[str] | None = None
    weak: list[Rule] = field(default_factory=list)
    score: float = 0.0
    category: Category | None = None
    rule: str = ""
    heading: bool = False
    """A Markdown heading ("## Specs"): its writer marked it as the text's own heading."""
    emphasis: bool = False
    """A line in Markdown emphasis as a whole ("*Median build duration by week.*")."""


def _blocks(doc: Document) -> list[tuple[int, int, int]]:
    if doc.blocks:
        return [(b.start, b.end, b.paragraph) for b in doc.blocks]
    out: list[tuple[int, int, int]] = []
    pos, para, blank = 0, 0, False
    for line in doc.text.split("\n"):
        stripped = line.strip()
        if stripped:
            if blank and out:
                para += 1
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), para))
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return out


_HEAD_METADATA = frozenset({Category.BYLINE, Category.READING_TIME, Category.OTHER, Category.SHARE_WIDGET})
"""What stands between a standfirst and the article's text: a byline, the date, the reading time,
share buttons. The region values it as no gap, so the standfirst is not cut off the article."""

_PIPE_ROW_CELLS = 3
"""Fewest cells of a row of a table set with bare pipes (:func:`_pipe_rows`)."""
_PIPE_ROWS = 3
"""Fewest rows of such a table, its column heads included."""
_PIPE_CELL_CHARS = 60
"""Longest cell of such a table."""
_PIPE_PROSE = re.compile(r"(?:\S+ ){14}.*[.!?][\"'”’»)]*$")
"""A paragraph: fifteen words or more, a sentence's end at its end."""


def _pipe_rows(text: str, raw: list[tuple[int, int, int]]) -> set[int]:
    """Indices of the lines of tables set with bare pipes, no pipe at either end ("Player | Pos | Ht/Wt" /
    "Marcus Tolliver | DL | 6-4/285"): :data:`_PIPE_ROWS` lines or more in a row with the same number of
    cells (:data:`_PIPE_ROW_CELLS` or more, none longer than :data:`_PIPE_CELL_CHARS` characters), two of them
    with a figure, and a paragraph right under the last (:data:`_PIPE_PROSE`: the article goes on). A menu's
    row ("Home | News | Sport") stands alone, or its rows hold no figures; a list of events or a box of
    sponsored listings has a link under it ("12 Nov 2025 | Cold Chain Operator Awards 2025 | Online" / ... /
    "View all events"; "$589,000 | 3 bd | 2 ba | 1,640 sqft" / ... / "See all homes for sale").

    >>> def lines(text):
    ...     out, pos = [], 0
    ...     for line in text.split("\\n"):
    ...         out.append((pos, pos + len(line), 0))
    ...         pos += len(line) + 1
    ...     return out
    >>> text = "Top commits\\nPlayer | Pos | Ht/Wt\\nMarcus Tolliver | DL | 6-4/285"
    >>> text += "\\nJalen Pruitt | QB | 6-2/198"
    >>> text += "\\nTolliver's pledge pushes the class to 14 commitments and moves the Bison into the top 30."
    >>> sorted(_pipe_rows(text, lines(text)))
    [1, 2, 3]
    >>> menus = "Home | News | Sport\\nAbout | Jobs | Help\\nTerms | Privacy | Cookies"
    >>> sorted(_pipe_rows(menus, lines(menus)))
    []
    """
    counts = []
    for s, e, _ in raw:
        line = text[s:e]
        if "|" not in line or line.lstrip().startswith("|") or line.rstrip().endswith("|"):
            counts.append((0, False))
            continue
        cells = [c.strip() for c in line.split("|")]
        ok = len(cells) >= _PIPE_ROW_CELLS and all(0 < len(c) <= _PIPE_CELL_CHARS for c in cells)
        counts.append((len(cells) if ok else 0, any(ch.isdigit() for ch in line)))
    out: set[int] = set()
    i = 0
    while i < len(counts):
        k = counts[i][0]
        j = i
        while j < len(counts) and k and counts[j][0] == k:
            j += 1
        if (
            j - i >= _PIPE_ROWS
            and sum(1 for _, digit in counts[i:j] if digit) >= 2
            and j < len(raw)
            and _PIPE_PROSE.match(text, raw[j][0], raw[j][1]) is not None
        ):
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def _table_rows(doc: Document, raw: list[tuple[int, int, int]]) -> set[int]:
    """Indices of blocks that repair unwrapped from ``| cell | cell |`` table rows (now ``cell | cell``),
    and of the rows of tables set with bare pipes (:func:`_pipe_rows`)."""
    starts = sorted((r.start, r.end) for r in doc.repairs if r.fix == "table_row" and r.end > r.start)
    out = _pipe_rows(doc.text, raw) if "|" in doc.text else set()
    if not starts:
        return out
    j = 0
    for i, (s, e, _p) in enumerate(raw):
        while j < len(starts) and starts[j][1] <= s:
            j += 1
        if j < len(starts) and starts[j][0] < e:
            out.add(i)
    return out


def _open_end(text: str) -> bool:
    """The line stops on a word that needs a continuation ("KMS Industries Inc said its").

    >>> _open_end("KMS Industries Inc said its"), _open_end("Council Votes to Close the Old Bridge")
    (True, False)
    """
    last = text.rsplit(" ", 1)[-1].lower()
    return last in OPEN_ENDINGS


_NAME_WORD = r"[A-ZÀ-Ý][\w.'’-]*"
HEAD_DATE = "other/head-date"
"""The step that takes a date line of the head no rule took."""


def _date_line(b: _Block) -> bool:
    """A line removed as a date: by a ``date_line`` rule or by the head's date step.

    >>> from pipeline.boilerplate.features import block_features
    >>> f = block_features("3 March 2024", "en")
    >>> b = _Block(0, 0, 12, 0, f, f, rule="other/head-date")
    >>> _date_line(b), _date_line(_Block(0, 0, 12, 0, f, f, rule="byline/role"))
    (True, False)
    """
    if b.rule == HEAD_DATE:
        return True
    return any(r.date_line and r.id == b.rule for r in (b.strong, *b.weak) if r is not None)


_LOWER_BYLINE = re.compile(
    rf"(di|da|door|von|par|por|de|by) {_NAME_WORD}"
    rf"(( (van|von|de|der|den|da|di|del|della|dos|das|du|la|le|ten|ter))* {_NAME_WORD}){{0,3}}"
)
"""A byline that starts in lower case ("di Laura Montanelli", "door Sanne de Vries"): a name after the
preposition (its particles in lower case), nothing else."""


_STOPWORDS = frozenset().union(*STOPWORDS.values())
_WORD4 = re.compile(r"[^\W\d_]{4,}")
"""A word of four letters or more."""


def _stems(text: str) -> set[str]:
    """The words of four letters or more of ``text`` that are no stop word of any language, case
    folded, cut to five letters (a crude stem: "pumps" and "pump", "Installers" and "installer"
    meet)."""
    words = (w.casefold() for w in _WORD4.findall(text))
    return {w[:5] for w in words if w not in _STOPWORDS}


def _content_words(text: str) -> set[str]:
    """The words of five letters or more of ``text``, case folded (a crude topic for comparing lines,
    short of most function words: "will", "from", "more")."""
    return {w.casefold() for w in re.findall(r"[^\W\d_]{5,}", text)}


_BY_LINE = re.compile(r"By [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}")
"""A wire byline in a line of its own, the name in capitals ("By GRETA SOLBERG"); not a wrapped Title
Case headline's last line ("... Vehicles Hit" / "By Faulty Airbag Sensors")."""


def _make_blocks(
    text: str, raw: list[tuple[int, int, int]], table_rows: set[int]
) -> tuple[list[_Block], str, float]:
    """Blocks with their own features and those of their logical block (wrapped lines joined),
    and the text's language and its stop words' share (:func:`guess_language_of` on the first 300
    blocks' words)."""

    def words_of(i: int, s: int, e: int) -> BlockWords:
        return block_words(f"| {text[s:e]} |" if i in table_rows else text[s:e])

    # the language from the first 300 blocks' words; every block's words then live only while its
    # features are made (a text of a million short lines would otherwise hold all their word lists)
    first = [words_of(i, s, e) for i, (s, e, _) in enumerate(raw[:300])]
    lang, stop_share = guess_language_of(bw.lowered for bw in first)
    min_stop = 0.18 if stop_share >= 0.12 else 0.0
    feats = [features_of(bw, lang, min_stop) for bw in first]
    del first
    feats += [features_of(words_of(i, s, e), lang, min_stop) for i, (s, e, _) in enumerate(raw[300:], 300)]

    # hard-wrapped text (newswire, e-mail): many of the lines of its paragraphs are long and stop
    # mid-sentence, the next line long too, ending the sentence or going on in lower case, after a comma
    # or "the"; a page's head of single lines ("Long headline" / "By X" / "ABC Northern Tasmania") is no
    # wrapped text, and one-line paragraphs (teasers, headlines) do not count
    def wraps(i: int) -> bool:
        f = feats[i]
        if not 50 <= f.chars <= 90 or f.terminal or i + 1 >= len(raw) or raw[i + 1][2] != raw[i][2]:
            return False
        nxt = feats[i + 1]
        if _LOWER_BYLINE.fullmatch(nxt.text):
            return False  # a headline over its byline ("by Caleb Ostrander")
        return (
            nxt.chars >= 40
            or not nxt.text[:1].isupper()
            or nxt.terminal  # the sentence's end: "... Kaiser Permanente Medical" / "Center."
            or f.text.endswith((",", ";", "-"))
            or _open_end(f.text)
        )

    in_paragraphs = sum(
        1
        for i in range(len(raw))
        if (i > 0 and raw[i - 1][2] == raw[i][2]) or (i + 1 < len(raw) and raw[i + 1][2] == raw[i][2])
    )
    wrapped_lines = sum(1 for i in range(len(feats)) if wraps(i))
    hard_wrapped_doc = wrapped_lines >= max(3, 0.3 * in_paragraphs)
    groups: list[list[int]] = []
    for i, (_s, _e, para) in enumerate(raw):
        f = feats[i]
        if groups and i > 0 and raw[i - 1][2] == para:
            prev = feats[i - 1]
            long_next = f.chars >= 50 and not f.terminal
            # the lead's first line: the first of the second paragraph (the headline's is the first;
            # without a blank line under the headline, or without a headline, the rule stays off)
            lead = para == 1 and i >= 2 and raw[i - 2][2] == 0 and not prev.text.endswith(",")
            wrapped = (
                not prev.terminal
                and not prev.bullet
                and not f.bullet
                and (prev.words >= 3 or (prev.words == 2 and hard_wrapped_doc and long_next and lead))
            )
            # in hard-wrapped text a paragraph's lines are one sentence on: a line that is long, that
            # stops on "its" or "the", or that a long unterminated line follows (a first line whose
            # dateline was cut: "KMS Industries Inc said its"; the lead's first line, under the
            # headline, even of two words: "Household International") continues
            hard_wrap = hard_wrapped_doc and (prev.chars >= 50 or _open_end(prev.text) or long_next)
            # (a lower-case byline under a standfirst without a full stop is no continuation of it:
            # "... entro dieci giorni»" / "di Laura Montanelli")
            # (unless the sentence goes on under it: "... werd geschreven" / "door Stadsdichter Ruben van
            # Gogh" / "en voorgelezen door ...")
            goes_on = i + 1 < len(raw) and raw[i + 1][2] == para and feats[i + 1].text[:1].islower()
            byline = (
                not hard_wrapped_doc
                and not goes_on
                and not f.terminal  # (a sentence's end: "... è partito" / "da Roma Termini.")
                and _LOWER_BYLINE.fullmatch(f.text) is not None
            )
            lower = f.text[:1].islower() and not byline
            # (a byline under the headline starts a line of its own: "... broadband towers" / "By GRETA
            # SOLBERG"; mid-sentence "by" is in lower case)
            if hard_wrap and _BY_LINE.fullmatch(f.text):
                hard_wrap = False
            if wrapped and (lower or prev.text.endswith((",", "-", ";")) or hard_wrap):
                groups[-1].append(i)
                continue
        groups.append([i])
    out: list[_Block] = []
    for grp in groups:
        if len(grp) == 1:
            g = feats[grp[0]]
        else:
            g = joined_features(
                [feats[i] for i in grp], [text[raw[i][0] : raw[i][1]] for i in grp], lang, min_stop
            )
        total = sum(feats[i].words for i in grp) or 1
        for i in grp:
            s, e, p = raw[i]
            cont = hard_wrapped_doc and i != grp[0]
            heading = text.startswith("#", s) and MD_HEADING.match(text, s, e) is not None
            emphasis = text[s] in "*_" and MD_EMPHASIS.fullmatch(text, s, e) is not None
            out.append(
                _Block(
                    i,
                    s,
                    e,
                    p,
                    feats[i],
                    g,
                    share=feats[i].words / total,
                    continues=cont,
                    heading=heading,
                    emphasis=emphasis,
                )
            )
    return out, lang, stop_share


def _prose_follows(bs: list[_Block], i: int, window: int = 6, words: int = 50) -> bool:
    """Article prose right above and right below block ``i``: an inline promo, not the article's end."""
    after = bs[i + 1 : i + 1 + window]
    before = bs[max(0, i - window) : i]
    return all(
        sum(b.f.words for b in part if b.g.prose and b.strong is None and not b.f.bullet) >= words
        for part in (before, after)
    )


def _isolated(bs: list[_Block], i: int) -> bool:
    """No prose block directly above or below the paragraph of line ``i`` (in a list of teasers,
    summaries sit between headlines). The hard-wrapped lines of one paragraph share its features
    and its answer: no other prose right above its first line or right below its last."""
    lo = hi = i
    while lo > 0 and bs[lo - 1].g is bs[i].g:
        lo -= 1
    while hi + 1 < len(bs) and bs[hi + 1].g is bs[i].g:
        hi += 1
    above = lo > 0 and bs[lo - 1].g.prose
    below = hi + 1 < len(bs) and bs[hi + 1].g.prose
    return not above and not below and lo > 0 and hi < len(bs) - 1


_HEAD_CELL = 3
"""Longest abbreviation among a table's column heads ("Pos", "GD", "Pts")."""


def _column_heads(text: str) -> bool:
    """A table's column heads on one line: six cells or more, nearly all abbreviations of at most
    :data:`_HEAD_CELL` letters with a capital, no menu's separators ("Pos Team P W D L F A GD Pts",
    "Rk Player G A Pts"); not a menu's row of words ("News Sport Weather Travel Money"), nor a wire
    table's row in lower case ("Oper shr one ct vs one ct").

    >>> _column_heads("Pos Team P W D L F A GD Pts"), _column_heads("News Sport Weather Travel Money Culture")
    (True, False)
    >>> _column_heads("Oper shr one ct vs one ct")
    False
    """
    cells = text.split()
    if len(cells) < 6 or any(c in text for c in "|/>»›·•"):
        return False
    short = sum(1 for c in cells if len(c) <= _HEAD_CELL and c.isalpha() and c[0].isupper())
    return short >= len(cells) - 2 and short >= 6


def _data_like(b: _Block) -> bool:
    """A table row, a short line with figures (an ingredient, a spec, a result), a short detail line
    ("Farbe: grün", "Moderator: Hass Chapman") or a line of opening hours ("Du mardi au samedi, midi
    et soir"): content, not chrome.

    A detail's value is short (up to three words) or has figures: "Video: Minister resigns over
    budget row" is a teaser headline with a kicker, not a detail.
    """
    f = b.g
    if b.strong is not None or f.link_ratio != 0:
        return False
    if f.table_row:
        return True
    if f.words <= 12 and _DIGIT.search(f.text) is not None:
        return not f.date  # a dated line ("News date: 04/21/2022", "Posted 12.05.2024") is metadata
    if _column_heads(f.text):
        return True  # a table's column heads: "Pos Team P W D L F A GD Pts"
    if f.words <= _OPENING_WORDS and _OPENING_DAYS.search(f.text) is not None:
        return True  # opening hours: "Du mardi au samedi, midi et soir"
    return f.words <= 6 and _DETAIL.match(f.text) is not None


def _sentence_like(b: _Block) -> bool:
    """A line of running text (four words or more, with stop words), no rule match.

    Not Title Case, or dense in stop words: German capitalises every noun, so "Das Design, der
    Innenraum, die Sitze" has a high Title Case share but reads as text.
    """
    f = b.g
    return (
        b.strong is None
        and f.words >= 4
        and f.stop_ratio >= 0.15
        and (f.title_case < 0.6 or f.stop_ratio >= 0.3)
    )


_CODA = re.compile(
    r"\bborn\b[^;]{3,60}; ?died\b.{3,40}$|\([^()]{2,60}, [£$€] ?\d[\d.,]*[^()]{0,20}\)\.?$"
    r"|\bet al\.,? .{10,200}\(\d{4}\)|\bdoi: ?10\.\d{4,}/\S+$",
    re.IGNORECASE,
)
"""The last line of an obituary ("Margaret Ann Hollis, engineer, born 4 March 1933; died 19 August
2024"), a review's book details ("Orbital by Samantha Harvey (Jonathan Cape, £14.99, 144pp)") or a
study's citation ("Wheeler, T. et al. Symbiont shuffling ... Nature Climate Change (2024).
doi:10.1038/..."): content under the article, not a teaser."""


_TIME_ONLY = re.compile(r"^\d{1,2}(:\d\d\b|\.\d\d(?![.\d]))")
_MONTH_YEAR = re.compile(
    r"^(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|août|déc|"
    r"ene|abr|ago|dic)[a-zäéû]*\.? \d{4}$",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"^(updated:? )?(\d+ ?(s|m|h|d|mins?|minutes?|hrs?|hours?|days?|weeks?|months?) ago"
    r"|vor \d+ ?(min|minuten|std|stunden?|tagen?)"
    r"|il y a \d+ ?(min|minutes?|h|heures?|jours?)"
    r"|hace \d+ ?(min|minutos?|h|horas?|días?))\b",
    re.IGNORECASE,
)
"""A relative publication time, maybe followed by what the teaser holds: "32M ago", "17H ago 50 photos",
"7H ago 08:51" (a video's length), "vor 3 Stunden"."""


def _stamp(b: _Block) -> bool:
    """A short line that dates something: "31.01.2022", "18. Nov 2021", "- Nov. 8", "10 mars 2020",
    "32M ago", "17H ago 50 photos".

    A bare time ("12:24") is not a stamp: a live blog's entries are timed, and they are content.
    """
    f = b.f
    if f.words > 8 or f.prose:
        return False
    if _AGO.match(f.text):
        return True
    if f.bullet:  # "18. Nov 2021": the day was read as a list number
        return _MONTH_YEAR.match(f.text) is not None
    by_rule = b.strong is not None and b.strong.id == "other/xx/date-only"
    return (f.date or by_rule) and _TIME_ONLY.match(f.text) is None


_COUNTER = "other/xx/counter"


def _rule_category(b: _Block) -> Category | None:
    """The category of the strong rule that matched ``b``, if any."""
    return None if b.strong is None else b.strong.category


def _headline_shaped(f: BlockFeatures, min_words: int = 3) -> bool:
    return (
        min_words <= f.words <= 25
        and f.chars <= 220
        and not _HEADLINE_END.search(f.text)
        and not f.text.endswith(".")
        and not f.bullet
        and f.link_ratio == 0
    )


def _as_written(doc: Document, b: _Block) -> str:
    """The block's text as written, its runs of white space folded to one space (the features' text
    is NFKC with straight quotes: "…" would be "...", "«Deutsch»" '"Deutsch"').

    >>> text = "«Ganz  normales» Deutsch"
    >>> bs = _make_blocks(text, [(0, len(text), 0)], set())[0]
    >>> _as_written(Document("t", "t", "text", text=text), bs[0]), bs[0].f.text
    ('«Ganz normales» Deutsch', '"Ganz normales" Deutsch')
    """
    written = " ".join(doc.text[b.start : b.end].split())
    if may_be_markdown(written):
        written = " ".join(markdown_plain(written)[0].split())  # "# Wärme aus der Saale: ..."
    return written.translate(_LIGATURES)


_LIGATURES = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
"""Typographic ligatures ("ﬁ", "ﬂ") as their letters: a title is searched and compared as words."""


_LABEL_VALUE = re.compile(r"^[^\W\d_][\w.-]*( [\w.-]+)?: (?=.*\d)\S+( \S+){0,5}$")
"""A detail line, "Label: value" with a figure ("Host: Xing AG, Dammtorstrasse 29", "Seiten: 448");
not a headline with a label ("Review: The Fieldmaster 3 Hiking Boot Is Tough but Heavy")."""
_KICKER = re.compile(
    r"(report|match report|watch|live|video|gallery|photos|analysis|exclusive|breaking|review|preview|"
    r"recap|interview|opinion|explainer): \S+( \S+){3}",
    re.IGNORECASE,
)
"""A headline's kicker before a colon and four words or more ("REPORT: Harrowby Town 2-1 Dorchester
Albion"): a headline with a figure, no detail line (a detail's value is short: "Review: 4/5",
"Gallery: 24 photos", "Live: 3 radio stations")."""


_INNER_SENTENCE = re.compile(r"\b(\w*[a-z]{3})\. +[(A-Z]")
_WORD_RUN = re.compile(r"\S+")
"""A word as ``str.split`` finds it, found from a position on (:func:`_two_sentences`)."""
_CREDIT_END = re.compile(
    r"\((getty( images)?|pa( wire)?|epa|shutterstock|alamy|supplied"
    r"|file( photo)?|courtesy( of)? [^()]{2,60})\)$",
    re.IGNORECASE,
)
_CAPTION_WORDS = 4
"""A caption's sentence before its credit has more words than this (a headline's kicker does not)."""
_ABBREVIATIONS = frozenset({"corp", "dept", "govt", "bros", "prof", "sept", "univ", "assn", "natl", "intl"})


def _two_sentences(text: str) -> bool:
    """A sentence end inside the line ("... on Tuesday. (PTI)", "... in 2023. Photo: X"), or a photo
    agency's credit at its end ("... in London (Getty)"): a caption, not a headline; not an
    abbreviation ("Acme Corp. Results").

    >>> _two_sentences("Supporters cheer in Kurukshetra on Tuesday. (PTI)")
    True
    >>> _two_sentences("Mr. Smith Goes On"), _two_sentences("Acme Corp. Results Beat Forecasts")
    (False, False)
    >>> _two_sentences("Trump wins. Now what?"), _two_sentences("It's over. Here's what happens next")
    (False, False)
    """
    if _CREDIT_END.search(text):
        return True  # a caption's credit: "Charli XCX performs at The O2 in London (Getty)"
    long_enough = False  # words before the sentence end: once enough, enough for every later one
    question = text.endswith(("?", "!"))
    for m in _INNER_SENTENCE.finditer(text):
        if m.group(1).lower() in _ABBREVIATIONS:
            continue
        if not long_enough:
            # (bounded: at most _CAPTION_WORDS splits, so a long line costs no quadratic time)
            long_enough = len(text[: m.start(1)].split(None, _CAPTION_WORDS)) >= _CAPTION_WORDS
            if not long_enough:
                continue  # "Calif. Governor Signs ...", "Game Over. Bayern Crash Out Of Europe"
        # the caption's credit after it: "(PTI)", "Eva Vermandel*", "Nina Keck/Vermont Public"; not a
        # headline's second sentence ("Trump wins. Now what?", "It's over. Here's what happens next")
        start = m.end() - 1
        if text.startswith("(", start):
            return True
        words = [w.group() for w in itertools.islice(_WORD_RUN.finditer(text, start), 4)]
        if len(words) <= 3 and not question and all(w[:1].isupper() for w in words):
            return True
    return False


def _detail_line(b: _Block) -> bool:
    """A "Label: value" line with a figure that is a detail: no stop word ("Seiten: 448", "Host: Xing
    AG, Dammtorstrasse 29") or a value that starts with a figure ("Rating: 5 out of 5 stars"); not
    a kicker's headline ("Bundesnetzagentur: Gasspeicher zu 95 Prozent gefüllt")."""
    if _LABEL_VALUE.search(b.f.text) is None or _KICKER.match(b.f.text):
        return False
    return not b.f.stops or b.f.text.split(": ", 1)[1][:1].isdigit()


_CRUMB_MARKS = frozenset("›»>|/\\")
_CRUMBS = re.compile(r"( [›»>|/\\] \S.*){2}")
"""Two breadcrumb separators ("A la Carte › News & Stories › Reisen › ..."): a path, no headline."""
_DASH_PATH = re.compile(
    r"[\w-]+(\.[\w-]+)*\.[a-z]{2,6}( - [A-ZÀ-ÞŁŚŻŹĆŃŠČŘŽ][^\W\d]*(-[^\W\d]+)*( [^\W\d]+){0,2}){2,}"
)
"""A site's address and its sections (up to three words each, no figure), between hyphens: a path
("nordschau.de - Nachrichten - Schleswig-Holstein - Westküste"), no headline."""


_BARE_CLOCK = re.compile(r"\d{1,2}[:.]\d\d( ?[ap]\.?m\.?)?( [a-z]{2,5})?", re.IGNORECASE)
"""A time alone ("14:35 GMT", "9.05am", "17:49 Uhr")."""


def _is_headline(b: _Block, prose: bool = False) -> bool:
    """Headline-shaped; a detail line such as "Host: Xing AG, Dammtorstrasse 29" is not a headline,
    nor a line that reads as prose (unless ``prose``: a long headline over its date), nor two
    sentences (a caption), nor a bare time (a live blog's entry: "14:35 GMT")."""
    # (a headline of sentences in Title Case has its full stop: "A Hospital System Sued ... Free Care.")
    sentences = _title_case_sentences(b)
    return (
        # first: cheap, and no line of more than 220 characters is one
        (
            _headline_shaped(b.f, 2)
            or (sentences and b.f.chars <= 220 and not b.f.bullet and b.f.link_ratio == 0)
        )
        and _BARE_CLOCK.fullmatch(b.f.text) is None
        # (a Title Case headline's short last sentence is no caption's credit: "When the Only Pharmacy in Town
        # Closes, the Pills Come by Mail. Sometimes.")
        and (not _two_sentences(b.f.text) or (sentences and _CREDIT_END.search(b.f.text) is None))
        and not (_CRUMB_MARKS.intersection(b.f.text) and _CRUMBS.search(b.f.text))
        and not (" - " in b.f.text and _DASH_PATH.fullmatch(b.f.text))
        and len(_QUANTITY.findall(b.f.text)) < _LISTED_QUANTITIES
        and (not b.f.terminal or sentences)
        and not b.f.date
        and (prose or not b.g.prose or sentences)
        and not _detail_line(b)
    )


_QUANTITY = re.compile(
    r"\d+([.,/]\d+)? ?(g|kg|mg|ml|cl|dl|l|oz|lb|lbs|tsp|tbsp|cups?|msk|tsk|krm|el|tl|stk)\b", re.IGNORECASE
)
_LISTED_QUANTITIES = 3
"""A line of this many quantities is a recipe's list of ingredients ("500 g vetemjöl, 50 g jäst, 5 dl
mjölk, ..."), no headline."""


def _title_case_sentences(b: _Block) -> bool:
    """A headline of two sentences in Title Case with its full stop (an American nonprofit newsroom's: "A
    Hospital System Sued Thousands of Patients Over Unpaid Bills. Many of Them Should Have Gotten Free
    Care.")."""
    return (
        b.f.title_case >= _TITLE_CASE_SHARE
        and _TITLE_CASE_WORDS <= b.f.words <= _TITLE_CASE_MAX_WORDS
        and b.f.text.endswith(".")
        and _INNER_SENTENCE.search(b.f.text) is not None
    )


_TITLE_CASE_SHARE = 0.9
_TITLE_CASE_WORDS = 10
_TITLE_CASE_MAX_WORDS = 30
"""A Title Case headline of sentences (:func:`_title_case_sentences`): this share of its content words
capitalised at least, and between these many words."""


_RATING = re.compile(r"[★☆✩✭✮⭐]|\b\d([.,]\d)? ?(/|out of|von|sur|de|su|av|z) ?(5|10)\b")
_RATING_WORDS = 10
"""Longest rating line (:func:`_rating_line`)."""


def _rating_line(b: _Block) -> bool:
    """A short line of stars or a score out of five or ten, no prose ("Leserwertung: ★★★★☆ 4,1/5 (212
    Bewertungen)", "Our rating: 4 out of 5"): no headline, and no gap between a standfirst and its byline."""
    return not b.g.prose and b.f.words <= _RATING_WORDS and _RATING.search(b.f.text) is not None
