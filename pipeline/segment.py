"""Blocks (non-empty lines) and sentences, with exact character offsets.

:func:`segment` runs after ``repair`` and never edits text: it only sets
``doc.blocks`` and ``doc.sentences``, whose offsets point into ``doc.text``
(the repaired text).

- A **block** is one non-empty line; ``start``/``end`` exclude the line's
  leading and trailing white space. Only ``"\\n"`` separates lines (a stray
  ``"\\r"`` is white space and trimmed). ``paragraph`` starts at 0 and goes up
  by one whenever at least one blank (or white-space-only) line separates a
  block from the one before it.
- A **sentence** lies inside one block; sentences never cross lines. The
  splitter is rule based and works in one pass over candidate boundaries
  (terminal punctuation followed by white space), found with one compiled
  regular expression. A candidate is rejected when the next sentence would
  start with a lower-case letter, after a title or abbreviation (``Mr.``,
  ``Dr.``, ``St.``, ``z.B.``, ``e.g.``, ``Nr.``...), after an initial
  (``J. Smith``), after a dotted acronym (``U.S.``) unless a common sentence
  opener follows, after a German unit after a number before what it counts
  (``2,5 Mio. Euro``), after ``No.``/``Feb.``/``p.`` when a number follows,
  and after a German ordinal (``am 3. Oktober``, ``die 12. Große
  Strafkammer``; not before an opener).

>>> from pipeline.document import Document
>>> doc = segment(Document(id="a", source="a", format="text",
...                        text="Dr. Who met Mr. Smith. He left.\\n\\nThe end."))
>>> [(b.start, b.end, b.paragraph) for b in doc.blocks]
[(0, 31, 0), (33, 41, 1)]
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['Dr. Who met Mr. Smith.', 'He left.', 'The end.']
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from itertools import starmap

from pipeline.document import Block, Document, Sentence

logger = logging.getLogger(__name__)

__all__ = ["BULLET_MARKS", "runs_on", "segment", "split_blocks", "split_sentences"]

# The trimmed content of one non-empty line (a search that began with the leading space failed
# on a line of spaces and began again at each of them: quadratic in the line's length).
_LINE = re.compile(r"\S(?:[^\n]*\S)?")

_CLOSERS = "”“\"'’‘»)\\]"
# ("“" and "‘" open English quotations but close German and Polish ones, „...“ and ‚...‘: right after a
# sentence's end they close it; round 94's "... Linie.“ Laut einer Umfrage ..." was one sentence)
_OPENERS = "“\"'‘«([¿¡„‚"
# A run of terminal punctuation (with closing quotes/brackets in between or after, e.g. `.”`,
# `”.`, `?!`, `...`, `…`), group 1; it is a boundary candidate when horizontal white space and
# then a visible char follow (the match then ends after the white space). Every run matches,
# whole (possessive): a search that needed the white space failed at the end of a run not
# followed by any and started again at its next character, quadratic in the run's length (a
# line of 32,000 dots took 16 s). Written `P(?:P)*` rather than `(?:P)+` (the same matches): a
# pattern that starts with a character set lets the search skip ahead to the next mark.
_TERMINAL = ".!?…।॥"  # (the Devanagari danda and double danda end Hindi sentences: round 130)
_LATIN_END = rf"([{_TERMINAL}][{_CLOSERS}]*(?:[{_TERMINAL}][{_CLOSERS}]*)*+)(?:[^\S\n]+(?=\S))?"
_CANDIDATE = re.compile(_LATIN_END)
_CJK_TERMINAL = "。！？"
_CJK_CLOSERS = "」』”’）〕】》"
# ... or a run of full-width ends (Chinese, Japanese), group 2, with their closing quotes: those need
# no white space after them, only a next character that opens no new run ("很好。市民...")
# (searched for only in a text that holds one: the alternation halves the search's speed)
_CANDIDATE_CJK = re.compile(
    _LATIN_END + rf"|([{_CJK_TERMINAL}][{_CJK_CLOSERS}]*(?:[{_CJK_TERMINAL}][{_CJK_CLOSERS}]*)*+)"
    rf"(?=[^\s{_CJK_TERMINAL}{_CJK_CLOSERS}])"
)
_QUOTING = "とっ"
"""Japanese particles that quote what stands before them (the sentence goes on after a quotation)."""
BULLET_MARKS = "•·▪◦‣●○■□►▶✓✔➤→*-–—"
"""Characters that open a list item ("- item", "• item"); the boilerplate features read bullets by them."""


def _wordset(words: str) -> frozenset[str]:
    """The white-space separated words of ``words``.

    >>> sorted(_wordset(" b  a "))
    ['a', 'b']
    """
    return frozenset(words.split())


# Never a sentence end: titles and abbreviations that are always followed by more of the sentence.
_TITLES = _wordset(
    """
    mr mrs ms mssrs messrs dr prof st ste sr sra srta sto sta dña dn hr fr frl mme mlle mgr
    gen sen rep gov lt col sgt capt cmdr adm rev hon pres supt insp gen brig maj
    vs v cf ca approx resp bzw evtl ggf vgl sog zb dh ua usw ibid str
    """,
)
# No sentence end when a number follows: "No. 5", "Nr. 12", "Feb. 23", "p. 4"; a time's or an estimate's
# abbreviation: Latvian "plkst. 7.40", Scandinavian "kl. 16", Polish "godz. 15", "ok. 200",
# Czech "cca. 5", "č. 3", Hungarian "kb. 200", Spanish "aprox. 30", French "env. 30", Russian "ок. 200" (round
# 116: "Pirmdien ap plkst. 7.40 Liepājā ..." had been cut in two).
_BEFORE_NUMBER = _wordset(
    """
    no nr núm num art abs vol p pp s ch fig tel ed
    jan feb mar apr jun jul aug sep sept oct nov dec
    janv févr avr juil déc ene abr ago dic okt dez
    plkst kl godz ok cca č kb aprox env ок
    """,
)
# Of those, the ones that are only abbreviations in lower case: "OK." and "KB." end an English sentence.
_LOWER_ONLY = _wordset("ok ок kb")
# After a dotted acronym ("U.S.", "a.m."), only these openers start a new sentence.
_STARTERS = _wordset(
    """
    The A An In It He She They We I But And This That These Those There His Her Its Their
    Der Die Das Ein Eine Er Sie Es Wir Le La Les Il Elle Ils Un Une El Los Las Ella
    """,
)
# After "3." a German month makes an ordinal date, not a sentence end.
_MONTHS = _wordset(
    """
    Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
    """,
)
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
# Units after a number, before what they count ("2,5 Mio. Euro", "3 Mrd. Dollar"; Czech "40 mil. Kč", "2 mld.
# USD"): no sentence end.
_UNITS = _wordset("mio mrd tsd mill md mil mld")
_COUNTED = _wordset(
    """
    Euro Dollar US-Dollar Franken Pfund Kronen Yen Yuan Menschen Einwohner Tonnen Liter Kubikmeter Besucher
    Fahrgäste Nutzer Kunden Haushalte Stimmen Mitglieder Zuschauer Abonnenten Barrel Kilometer Fahrzeuge
    Kč CZK EUR USD RON PLN HUF
    """,
)
# A German ordinal after these words is no sentence's end: "die 12. Große Strafkammer", "zum 3. Mal".
_ORDINAL_AFTER = _wordset(
    """
    der die den dem im zum zur vom beim ihr ihre ihrem ihren ihrer sein seine seinem seinen seiner jeder
    jede jedes jeden
    """,
)


_WORD_BEFORE_MAX = 64
"""How far back from a period the word before it is looked for. The tests below need short words
(titles, initials, dotted acronyms); unbounded, the search for a tab ran back to the start of
the line at every period, which made a document on one long line quadratic (a 14 MB line: 48 s)."""


def _is_boundary(text: str, pos: int, lo: int, punct: str, dot: int) -> bool:
    """Whether candidate ``punct`` (last char at ``dot``) splits before the sentence at ``pos``."""
    nxt = text[pos]
    if nxt.islower():
        return False
    if punct[0] != "." or len(punct) > 1:
        # ?, !, …, "...", or a period with closing quotes/brackets: a real end
        # unless the next part is lower case (handled above).
        return True
    # A single period: look at the word before it (its last _WORD_BEFORE_MAX characters).
    floor = max(lo, dot - _WORD_BEFORE_MAX)
    begin = max(text.rfind(" ", floor, dot), text.rfind("\t", floor, dot), floor - 1) + 1
    word = text[begin:dot].lstrip(_OPENERS)
    if not word:
        return True
    key = word.lower()
    if key in _TITLES:
        return False
    if nxt.isdigit() and key in _BEFORE_NUMBER and (key not in _LOWER_ONLY or word == key):
        return False
    if word.isdigit() and len(word) <= 2 and _next_word(text, pos) in _MONTHS:
        return False  # a German ordinal date: "am 3. Oktober"
    if (
        word.isdigit()
        and len(word) <= 3
        and _word_before(text, begin, floor).lower() in _ORDINAL_AFTER
        and _next_word(text, pos) not in _STARTERS
    ):
        return False  # a German ordinal: "die 12. Große Strafkammer", "zum 3. Mal"; not "der 17. Der ..."
    if key in _UNITS and _word_before(text, begin, floor)[-1:].isdigit():
        return _next_word(text, pos) not in _COUNTED  # "2,5 Mio. Euro"; not "130 Mio. Verhandelt wurde ..."
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word and _DOTTED.fullmatch(word):
        return _next_word(text, pos) in _STARTERS
    return True


def _word_before(text: str, end: int, floor: int) -> str:
    """The word (white-space separated, from ``floor`` on) that ends right before the white space before
    ``end``.

    >>> _word_before("die 12. Kammer", 4, 0), _word_before("12.", 0, 0)
    ('die', '')
    """
    stop = end
    while stop > floor and text[stop - 1] in " \t":
        stop -= 1
    begin = max(text.rfind(" ", floor, stop), text.rfind("\t", floor, stop), floor - 1) + 1
    return text[begin:stop]


def _next_word(text: str, pos: int) -> str:
    """The run of letters starting at ``pos``."""
    end = pos
    limit = len(text)
    while end < limit and text[end].isalpha():
        end += 1
    return text[pos:end]


def _split(text: str, blocks: Sequence[Block]) -> list[tuple[int, int, int]]:
    """``(start, end, block index)`` of the sentences of ``blocks`` (the trimmed lines of ``text``).

    One search for boundary candidates over the whole text, not one per block: a candidate
    never crosses a line break, starts with punctuation (so inside a block) and needs a visible
    character after its white space (so it ends inside the same block).

    >>> text = "A b. C d.\\n  E f!  \\n"
    >>> _split(text, split_blocks(text))
    [(0, 4, 0), (5, 9, 0), (12, 16, 1)]
    """
    out: list[tuple[int, int, int]] = []
    cjk = any(c in text for c in _CJK_TERMINAL)
    candidates = (_CANDIDATE_CJK if cjk else _CANDIDATE).finditer(text)
    m = next(candidates, None)
    for block in blocks:
        lo, hi, index = block.start, block.end, block.index
        start = lo
        while m is not None and m.start() < hi:
            nxt = m.end()
            if cjk and m.group(2):
                # "今天天气很好。" / "市民纷纷出门散步！"; not a quotation that the sentence goes on
                # after ("「行きます。」と彼は言った。": と, って quote it)
                if not (m.group(2)[-1] in _CJK_CLOSERS and text[nxt] in _QUOTING):
                    out.append((start, nxt, index))
                    start = nxt
            elif nxt > m.end(1) and _is_boundary(text, nxt, lo, m.group(1), m.end(1) - 1):
                out.append((start, m.end(1), index))
                start = nxt
            m = next(candidates, None)
        out.append((start, hi, index))
    return out


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence offsets in ``text``, shifted by ``start``; white space trimmed, lines never crossed.

    ``start`` is where ``text`` sits in a larger text (e.g. a block's start), so
    the returned offsets point into that larger text.

    >>> s = "He paid $4.85 for it. Mr. Smith said no. 5 went to the U.S. Army."
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['He paid $4.85 for it.', 'Mr. Smith said no. 5 went to the U.S. Army.']
    >>> s = "“It is over,” he said. “Wait…” She left… and came back. Why?! Now."
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['“It is over,” he said.', '“Wait…”', 'She left… and came back.', 'Why?!', 'Now.']
    >>> split_sentences("  A b. C d.  ", 10)
    [(12, 16), (17, 21)]
    >>> split_sentences("   ")
    []
    >>> s = "今天北京天气很好。市民纷纷出门散步！他说：“我们很高兴。”明天会下雨吗？"
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['今天北京天气很好。', '市民纷纷出门散步！', '他说：“我们很高兴。”', '明天会下雨吗？']
    """
    return [(a + start, b + start) for a, b, _ in _split(text, split_blocks(text))]


def split_blocks(text: str) -> list[Block]:
    """The non-empty lines of ``text`` as blocks, trimmed, with paragraph numbers.

    >>> [(b.start, b.end, b.index, b.paragraph) for b in split_blocks(" a \\nb\\n \\n\\nc")]
    [(1, 2, 0, 0), (4, 5, 1, 0), (9, 10, 2, 1)]
    """
    blocks: list[Block] = []
    paragraph = 0
    prev_end = -1
    for m in _LINE.finditer(text):
        start, end = m.span()
        if prev_end >= 0 and text.count("\n", prev_end, start) >= 2:
            paragraph += 1
        blocks.append(Block(start, end, len(blocks), paragraph))
        prev_end = end
    return blocks


def runs_on(doc: Document) -> bytes:
    """Per sentence of a segmented ``doc``, 1 when it runs on over a line break: it ends its line,
    the line stops without sentence punctuation, and the next line of the paragraph goes on (not
    a list item). Hard-wrapped wire copy, where sentences (which never cross lines) are line
    fragments. Empty when no sentence does.

    >>> d = segment(Document(id="w", source="w", format="text",
    ...     text="Acme Corp said its board\\nauthorized a buyback. It said so.\\n\\nShares rose\\n- Net up"))
    >>> list(runs_on(d))
    [1, 0, 0, 0, 0]
    """
    blocks, text = doc.blocks, doc.text
    ends = tuple(_TERMINAL + _CJK_TERMINAL)
    out = bytearray(len(doc.sentences))
    for n, sent in enumerate(doc.sentences):
        b = sent.block
        if not 0 <= b < len(blocks) - 1 or sent.end != blocks[b].end:
            continue
        line, nxt = blocks[b], blocks[b + 1]
        if (
            nxt.paragraph == line.paragraph
            and not text[line.start : line.end].rstrip(_CLOSERS).endswith(ends)
            and text[nxt.start] not in BULLET_MARKS
        ):
            out[n] = 1
    return bytes(out) if any(out) else b""


def segment(doc: Document) -> Document:
    """Set ``doc.blocks`` (non-empty lines) and ``doc.sentences`` (within blocks); text unchanged.

    >>> from pipeline.document import Document
    >>> d = segment(Document(id="x", source="x", format="text", text="One. Two.\\nThree"))
    >>> [(s.start, s.end, s.block) for s in d.sentences]
    [(0, 4, 0), (5, 9, 0), (10, 15, 1)]
    """
    blocks = split_blocks(doc.text)
    sentences = tuple(starmap(Sentence, _split(doc.text, blocks)))
    return doc.replace(blocks=tuple(blocks), sentences=sentences)
