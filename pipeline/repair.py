"""Repair the extracted text: the ONLY stage that edits text. Every edit is recorded.

This is the ftfy adapter (no other module imports ftfy) plus a few local,
line-level repairs. See ``docs/repairs.md`` for each fix id, what it does and
what it never does.

Passes, in this order, each applied to every line (lines are separated by
``"\\n"``; no pass ever removes a ``"\\n"``, only ``glued_credit`` adds one):

1. ``mojibake`` / ``html_entity`` / ``control_chars`` / ``unicode_nfc``: ftfy,
   with a conservative configuration (see :data:`FTFY_CONFIG`), only on lines
   that could need it (:func:`may_need_ftfy`, then :func:`ftfy_would_act`).
2. ``odd_space``: no-break and other odd spaces become ``" "``; zero-width
   spaces, word joiners, soft hyphens and BOMs are removed; trailing white
   space at line ends is removed. One record per run.
3. ``table_row``: ``| cell | cell |`` rows are unwrapped.
4. ``doubled_punctuation``: ``". ."`` → ``"."``, ``",,"``/``", ,"`` → ``","``, same for ``";"``.
5. ``glued_repeat``: a line that is one phrase repeated with nothing between.
6. ``glued_credit``: a line break before a photo credit glued to a caption.

**Offsets.** Each :class:`~pipeline.document.Repair` has ``start``/``end``
locating ``after`` in the final repaired text: ``text[r.start:r.end] ==
r.after`` always holds. ``before`` is what the original text had there. When a
later pass edits inside an earlier repair's range, the earlier record is
mapped through that edit (its range grows or shrinks and its ``after`` is
re-read from the final text), so the identity holds for every record. Records
are sorted by ``(start, end)``; two records may overlap when two passes
touched the same place.

>>> text, repairs = repair_text("will be difficult to recover from. .\\nSend in e-mailSend in e-mail")
>>> text
'will be difficult to recover from.\\nSend in e-mail'
>>> [(r.fix, r.before, r.after) for r in repairs]
[('doubled_punctuation', '. .', '.'), ('glued_repeat', 'Send in e-mailSend in e-mail', 'Send in e-mail')]
>>> all(text[r.start:r.end] == r.after for r in repairs)
True
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
import unicodedata
from collections.abc import Callable, Sequence

import ftfy

from pipeline.config import RepairConfig
from pipeline.document import Document, Repair

logger = logging.getLogger(__name__)

__all__ = [
    "FTFY_CONFIG",
    "fix_doubled_punctuation",
    "fix_encoding",
    "fix_glued_credit",
    "fix_glued_repeat",
    "fix_odd_spaces",
    "ftfy_would_act",
    "may_need_ftfy",
    "repair",
    "repair_text",
    "unwrap_table_row",
]

# An edit of one line: replace line[start:end] with `replacement`, recorded as `fix`.
_Edit = tuple[int, int, str, str]
_Finder = Callable[[str], list[_Edit]]
# A whole-text pre-check: False only when the pass cannot apply to any line of the text.
_Check = Callable[[str], bool]


def _always(text: str) -> bool:
    return True


# -- ftfy ------------------------------------------------------------------------------------

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True,  # extracted text is never markup: "&amp;" is always an entity left over
    remove_terminal_escapes=True,
    fix_encoding=True,  # the point: "IsraelÃ¢â‚¬â„¢s" -> "Israel’s"
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,  # "ﬁ" is content as typed; folding it changes the text, not its encoding
    fix_character_width=False,  # full-width CJK punctuation is correct in CJK text
    uncurl_quotes=False,  # curly quotes are correct typography; keep them
    fix_line_breaks=False,  # lines are our unit; U+2028 etc. are left to odd-space handling
    fix_surrogates=True,
    remove_control_chars=True,  # C0 controls except \t \n \r \f, BOM, deprecated format chars
    normalization="NFC",  # compose only; never NFKC (that would fold widths and ligatures)
    explain=True,
)
"""The ftfy configuration: fix encodings and entities, change nothing that is content."""

# Characters without which a line cannot need ftfy: '&' (entities), C0/C1 controls, the
# Latin-1 letters and Latin Extended ranges (UTF-8 lead bytes 0xC2-0xF4 read as cp1252/latin-1/
# cp1250; U+00A0-U+00BF alone, e.g. a no-break space or '«', are only continuation bytes),
# combining marks (NFC), Greek/Cyrillic (cp1253/cp1251 mojibake), box drawing (cp437),
# U+FFFD (lossy sequences), surrogates, deprecated format chars, BOM and U+FFF9..U+FFFC.
_FTFY_ACTS_ON = (
    "&\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u0300-\u036f\ufffd\ud800-\udfff\u206a-\u206f\ufeff\ufff9-\ufffc"
)
"""The part of the trigger set that makes ftfy act whatever surrounds it (entities, controls,
combining marks for NFC, lossy and deprecated characters); the rest are letters and box drawing."""
_FTFY_TRIGGER = re.compile(f"[{_FTFY_ACTS_ON}\xc0-\xff\u0100-\u024f\u0370-\u04ff\u2500-\u259f]")


def may_need_ftfy(text: str) -> bool:
    """Whether ``text`` contains any character ftfy could act on (a quick check, not a fix).

    >>> may_need_ftfy("Plain ASCII, curly “quotes” and — dashes.")
    False
    >>> may_need_ftfy("IsraelÃ¢â‚¬â„¢s"), may_need_ftfy("AT&amp;T"), may_need_ftfy("café")
    (True, True, True)
    """
    return _FTFY_TRIGGER.search(text) is not None


# One scan for what makes ftfy act on a line that has a trigger character: a character of
# ``_FTFY_ACTS_ON``, or what its mojibake heuristic needs (every alternative of
# ``ftfy.badness.BADNESS_RE`` matches two adjacent non-ASCII characters, a C1 control or one
# of Â Ã Œ œ).
_FTFY_WOULD_ACT = re.compile(f"[{_FTFY_ACTS_ON}\u00c2\u00c3\u0152\u0153]|[^\x00-\x7f]{{2}}")


def ftfy_would_act(line: str) -> bool:
    """Whether ftfy (with :data:`FTFY_CONFIG`) could change ``line``: a sound and much cheaper
    test than running it. Accented letters alone (``"für"``, ``"café"``) are not mojibake to
    ftfy unless two non-ASCII characters meet (``"fÃ¼r"``); text already in NFC stays.
    ``tests/test_repair.py`` checks it against the installed ftfy's categories.

    >>> ftfy_would_act("Die Maßnahme für Bürger"), ftfy_would_act("fÃ¼r"), ftfy_would_act("AT&amp;T")
    (False, True, True)
    >>> ftfy_would_act("e\u0301"), ftfy_would_act("plain")
    (True, False)
    """
    if not may_need_ftfy(line):
        return False
    return _FTFY_WOULD_ACT.search(line) is not None or not unicodedata.is_normalized("NFC", line)


def _classify(steps: Sequence[tuple[str, str]]) -> str:
    names = {name for _, name in steps}
    kinds = {kind for kind, _ in steps}
    if kinds & {"encode", "decode", "transcode"} or names - {
        "unescape_html",
        "remove_control_chars",
        "remove_terminal_escapes",
        "NFC",
    }:
        return "mojibake"
    if "unescape_html" in names:
        return "html_entity"
    if names & {"remove_control_chars", "remove_terminal_escapes"}:
        return "control_chars"
    return "unicode_nfc"


_QUOTE_MARKS = re.compile("\u00e2\u20ac(?:\u0153|\x9d|(?=[ \t.,;:!?)\\]'\"]|$))|\u201c|\u201d")
"""Opening and closing double quotes, as typed or as mojibake (``â€œ``, ``â€`` + 0x9D), and a
bare ``â€`` before a space, ASCII punctuation or the end of the line."""


def _restore_lost_quote(line: str) -> str:
    """``line`` with the byte a closing quote's mojibake lost put back, where a quote is open.

    ``”`` is UTF-8 ``E2 80 9D``; read as cp1252 that is ``â€`` plus 0x9D, a byte cp1252 does
    not define, which scrapers often drop. ftfy then leaves ``â€`` at the end of a line, and
    before a space reads ``â€ `` as ``E2 80 A0`` (a no-break space lost to a space): ``†``, the
    space eaten. After an unclosed opening quote the bare ``â€`` is its closing quote: 0x9D
    goes back in, and ftfy decodes the sequence. Elsewhere (``5â€ per unit``) it is left to ftfy.

    >>> moji = "\u00e2\u20ac"  # "â€"
    >>> got = _restore_lost_quote(moji + "\u0153Yes," + moji + " he said.")
    >>> got == moji + "\u0153Yes," + moji + "\x9d he said."
    True
    >>> _restore_lost_quote("costs 5\u00e2\u20ac per unit") == "costs 5\u00e2\u20ac per unit"
    True
    """
    if "\u00e2\u20ac" not in line:
        return line
    out: list[str] = []
    last = depth = 0
    for m in _QUOTE_MARKS.finditer(line):
        mark = m.group()
        if mark in ("\u201c", "\u00e2\u20ac\u0153"):
            depth += 1
        elif depth:
            depth -= 1
            if mark == "\u00e2\u20ac":
                out += (line[last : m.end()], "\x9d")
                last = m.end()
    return "".join(out) + line[last:] if out else line


def _find_ftfy(line: str) -> list[_Edit]:
    if not ftfy_would_act(line):
        return []
    fixed, steps = ftfy.fix_and_explain(_restore_lost_quote(line), config=FTFY_CONFIG)
    if fixed == line:
        return []
    # Record only the changed middle of the line: trim the common prefix and suffix.
    lo = 0
    limit = min(len(line), len(fixed))
    while lo < limit and line[lo] == fixed[lo]:
        lo += 1
    hi_line, hi_fixed = len(line), len(fixed)
    while hi_line > lo and hi_fixed > lo and line[hi_line - 1] == fixed[hi_fixed - 1]:
        hi_line -= 1
        hi_fixed -= 1
    return [(lo, hi_line, fixed[lo:hi_fixed], _classify(list(steps or [])))]


# -- odd spaces ------------------------------------------------------------------------------

_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""Become a plain space: no-break, en/em/figure/thin/hair/narrow/ideographic spaces."""
_INVISIBLE = "\u200b\u2060\ufeff\u00ad"
"""Are removed: zero-width space, word joiner, BOM, soft hyphen. ZWJ/ZWNJ (U+200C/D) are kept:
they carry meaning in Persian, Indic scripts and emoji sequences."""
# A run starts at a tab or space that none precedes (or at an odd character): a search that
# failed at the end of a long run of spaces would otherwise start again at its next character
_ODD_RUN = re.compile(rf"(?<![ \t])[ \t]*+[{_SPACES}{_INVISIBLE}][{_SPACES}{_INVISIBLE} \t]*")
_ODD_CHAR = re.compile(rf"[{_SPACES}{_INVISIBLE}]")  # none is ASCII
_SPACE_AT_LINE_END = re.compile(r"[^\S\n]\n")
_SPACELIKE = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def _may_have_odd_spaces(text: str) -> bool:
    """Whether ``text`` has an odd space or invisible character, or white space ending a line.

    Two plain searches (and none for odd characters in ASCII text) instead of one alternation
    tried at every character.

    >>> _may_have_odd_spaces("a b\\nc"), _may_have_odd_spaces("a \\nb"), _may_have_odd_spaces("a\\t")
    (False, True, True)
    >>> _may_have_odd_spaces("caf\\u00e9"), _may_have_odd_spaces("a\\u00a0b")
    (False, True)
    """
    if not text.isascii() and _ODD_CHAR.search(text) is not None:
        return True
    last = text[-1:]
    return (last.isspace() and last != "\n") or _SPACE_AT_LINE_END.search(text) is not None


def _trailing_start(line: str) -> int:
    """Where the white space and invisible characters ending ``line`` start (``len(line)``: none).

    A scan from the end: the pattern ``[\\s...]+$`` searched the line again from every
    character of a long inner run of spaces (quadratic: 300,000 no-break spaces took minutes).

    >>> _trailing_start("a b \u00a0\u200b"), _trailing_start("a\u00a0" * 3 + "b")
    (3, 7)
    """
    end = len(line)
    while end and (line[end - 1].isspace() or line[end - 1] in _INVISIBLE):
        end -= 1
    return end


def _find_odd_spaces(line: str) -> list[_Edit]:
    edits: list[_Edit] = []
    stop = _trailing_start(line)
    for m in _ODD_RUN.finditer(line, 0, stop):
        run = m.group()
        replacement = " " if any(ch in _SPACELIKE for ch in run) else ""
        if run != replacement:
            edits.append((m.start(), m.end(), replacement, "odd_space"))
    if stop < len(line):
        edits.append((stop, len(line), "", "odd_space"))
    return edits


# -- table rows ------------------------------------------------------------------------------

_SEPARATOR_CELL = re.compile(r"\s*:?-+:?\s*")


def _may_have_table_row(text: str) -> bool:
    return "|" in text


def _find_table_row(line: str) -> list[_Edit]:
    stripped = line.strip()
    if len(stripped) < 2 or stripped[0] != "|" or stripped[-1] != "|":
        return []
    start = line.index("|")
    end = line.rindex("|") + 1
    cells = line[start + 1 : end - 1].split("|")
    if all(_SEPARATOR_CELL.fullmatch(c) or not c.strip() for c in cells):
        replacement = ""
    else:
        replacement = " | ".join(c.strip() for c in cells if c.strip())
    return [(start, end, replacement, "table_row")]


# -- doubled punctuation ---------------------------------------------------------------------

# ". ." after a word, not part of a spaced ellipsis ". . ." and never ".." or "...".
_DOUBLE_PERIOD = re.compile(r"(?<=[^\s.])\.[ \t]+\.(?![ \t]*\.)")
# ",," ", ," ";;" after a word, followed by white space or the line end (not ",,Quote''").
_DOUBLE_COMMA = re.compile(r"(?<=[^\s,;])([,;])(?:[ \t]*\1)+(?=[ \t]|$)")


_DOUBLE_PERIOD_CHECK = re.compile(r"\.[ \t]+\.")
_DOUBLE_COMMA_CHECK = re.compile(r",[ \t]*,|;[ \t]*;")


def _may_have_doubled_punctuation(text: str) -> bool:
    """Whether ``text`` has ``". ."``, ``",,"``/``", ,"`` or ``";;"`` anywhere (a quick check).

    Two searches, each starting only at its own punctuation mark.

    >>> _may_have_doubled_punctuation("a. b, c; d..."), _may_have_doubled_punctuation("a. . b")
    (False, True)
    >>> _may_have_doubled_punctuation("a, ,b"), _may_have_doubled_punctuation("a;\\t;")
    (True, True)
    """
    return _DOUBLE_PERIOD_CHECK.search(text) is not None or _DOUBLE_COMMA_CHECK.search(text) is not None


def _find_doubled_punctuation(line: str) -> list[_Edit]:
    edits = [(m.start(), m.end(), ".", "doubled_punctuation") for m in _DOUBLE_PERIOD.finditer(line)]
    edits += [(m.start(), m.end(), m.group(1), "doubled_punctuation") for m in _DOUBLE_COMMA.finditer(line)]
    edits.sort()
    return edits


# -- glued repeats ---------------------------------------------------------------------------


def _find_glued_repeat(line: str) -> list[_Edit]:
    body = line.strip()
    n = len(body)
    if n < 8:
        return []
    period = (body + body).find(body, 1)
    if period >= n or period < 4:
        return []
    phrase = body[:period]
    if not any(ch.isalpha() for ch in phrase) or phrase[0].islower():
        # A lower-case start continues a word: "couscous", "beriberi", "mahimahi".
        return []
    start = line.index(body)
    return [(start, start + n, phrase, "glued_repeat")]


# -- glued credits ---------------------------------------------------------------------------

_CREDIT_WORDS = r"(?:Photo credit|Credits?|Photos?|Photograph|Image|Picture|Foto|Bild|Illustration):"
# A credit keyword; whether it is glued is decided by the character(s) before it.
_CREDIT = re.compile(rf"\(?{_CREDIT_WORDS}|(Getty Images)\b")
# Whether ``_CREDIT`` matches somewhere: the same without the optional "(" (which only moves
# a match one character back), so that the search can skip to the keywords' first letters.
_CREDIT_CHECK = re.compile(rf"{_CREDIT_WORDS}|Getty Images\b")
_ENDS = frozenset(".!?)]”\"'’")
"""A keyword glued right after one of these (or a digit) follows a finished caption."""
_ENDS_GETTY = frozenset('.!?”"’')


def _is_glued(line: str, start: int, getty: bool) -> bool:
    """Whether the credit keyword at ``start`` is glued to the end of a caption before it."""
    if start == 0:
        return False
    prev = line[start - 1]
    if getty:
        return prev in _ENDS_GETTY
    if prev in _ENDS or prev.isdigit():
        return True
    # "...the ministryCredit:": three ASCII lower-case letters, then the capitalised keyword.
    word = line[start - 3 : start]
    return start >= 3 and word.isascii() and word.isalpha() and word.islower()


def _may_have_glued_credit(text: str) -> bool:
    """Whether a credit keyword occurs in ``text``: each ends with ":" or is "Getty Images",
    so most texts are ruled out by two substring scans.

    >>> _may_have_glued_credit("No colon here"), _may_have_glued_credit("Photo: AP")
    (False, True)
    >>> _may_have_glued_credit("(Getty Images)"), _may_have_glued_credit("Time: 5 pm")
    (True, False)
    """
    if ":" not in text and "Getty Images" not in text:
        return False
    return _CREDIT_CHECK.search(text) is not None


def _find_glued_credit(line: str) -> list[_Edit]:
    return [
        (m.start() - 1, m.end(), line[m.start() - 1] + "\n" + m.group(), "glued_credit")
        for m in _CREDIT.finditer(line)
        if _is_glued(line, m.start(), m.group(1) is not None)
    ]


# -- the driver ------------------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class _Rec:
    """A repair in progress: ``start``/``end`` in the current state of one line."""

    start: int
    end: int
    fix: str
    before: str


class _Mapper:
    """Where old positions land after sorted, non-overlapping ``edits``; inside an edit, its left or
    right edge. A binary search per position: a line with thousands of repairs from two passes (no-break
    spaces and doubled commas) maps every earlier repair in O(log edits), not O(edits).

    >>> m = _Mapper([(2, 4, "x", "f"), (6, 6, "yy", "g")])  # "abcdefgh" -> "abxefyygh"
    >>> [m.map(p, right=False) for p in (0, 2, 3, 4, 6, 7)], m.map(3, right=True)
    ([0, 2, 2, 3, 5, 8], 3)
    """

    __slots__ = ("before", "edits", "starts")

    def __init__(self, edits: list[_Edit]) -> None:
        self.edits = edits
        self.starts = [e[0] for e in edits]
        self.before = [0]  # before[i]: the length change of the edits before edit i
        for start, end, replacement, _ in edits:
            self.before.append(self.before[-1] + len(replacement) - (end - start))

    def map(self, pos: int, right: bool) -> int:
        i = bisect.bisect_left(self.starts, pos)  # the edits that start before ``pos``
        if i:
            start, end, replacement, _ = self.edits[i - 1]
            if pos < end:  # only the last of them can hold it
                return start + self.before[i - 1] + (len(replacement) if right else 0)
        return pos + self.before[i]


def _apply(line: str, edits: list[_Edit], records: list[_Rec]) -> str:
    """Apply non-overlapping sorted ``edits`` to ``line``; map ``records`` and append new ones."""
    if records:
        mapper = _Mapper(edits)
        for rec in records:
            rec.start = mapper.map(rec.start, right=False)
            rec.end = mapper.map(rec.end, right=True)
    parts: list[str] = []
    pos = 0
    delta = 0
    for start, end, replacement, fix in edits:
        parts.append(line[pos:start])
        parts.append(replacement)
        new_start = start + delta
        records.append(_Rec(new_start, new_start + len(replacement), fix, line[start:end]))
        delta += len(replacement) - (end - start)
        pos = end
    parts.append(line[pos:])
    return "".join(parts)


def _non_overlapping(edits: list[_Edit]) -> list[_Edit]:
    out: list[_Edit] = []
    for edit in sorted(edits):
        if edit[2] == "" and edit[0] == edit[1]:
            continue
        if out and edit[0] < out[-1][1]:
            continue
        out.append(edit)
    return out


_MAX_ROUNDS = 4


def _find_all(finder: _Finder, line: str) -> list[_Edit]:
    """``finder`` on each ``"\\n"``-separated part of ``line`` (``glued_credit`` adds breaks)."""
    if "\n" not in line:
        return finder(line)
    edits: list[_Edit] = []
    offset = 0
    for part in line.split("\n"):
        edits += [(s + offset, e + offset, r, f) for s, e, r, f in finder(part)]
        offset += len(part) + 1
    return edits


def _repair_line(line: str, active: Sequence[_Finder], every: Sequence[_Finder]) -> tuple[str, list[_Rec]]:
    """All passes over one line, repeated until a round changes nothing (so repair is idempotent).

    The first round runs only the ``active`` passes (those whose whole-text
    pre-check said they may apply); once anything changed, later rounds run
    ``every`` pass, since one fix can make another one applicable.
    """
    records: list[_Rec] = []
    finders = active
    for _ in range(_MAX_ROUNDS):
        changed = False
        for finder in finders:
            edits = _non_overlapping(_find_all(finder, line))
            if edits:
                line = _apply(line, edits, records)
                changed = True
        if not changed:
            break
        finders = every
    else:
        logger.warning("repair did not settle after %d rounds on line %r", _MAX_ROUNDS, line[:80])
    return line, records


def _finders(cfg: RepairConfig) -> list[tuple[_Finder, _Check]]:
    finders: list[tuple[_Finder, _Check]] = []
    if cfg.ftfy:
        finders.append((_find_ftfy, may_need_ftfy))
    if cfg.local:
        finders += [
            (_find_odd_spaces, _may_have_odd_spaces),
            (_find_table_row, _may_have_table_row),
            (_find_doubled_punctuation, _may_have_doubled_punctuation),
            (_find_glued_repeat, _always),
            (_find_glued_credit, _may_have_glued_credit),
        ]
    return finders


def _run(text: str, passes: Sequence[tuple[_Finder, _Check]]) -> tuple[str, list[Repair]]:
    every = [finder for finder, _ in passes]
    active = [finder for finder, check in passes if check(text)]
    if not active:
        return text, []
    out_lines: list[str] = []
    repairs: list[Repair] = []
    offset = 0
    changed = False
    for line in text.split("\n"):
        if not any(finder(line) for finder in active):
            # the usual line: no pass applies, so the first round would change nothing
            out_lines.append(line)
            offset += len(line) + 1
            continue
        changed = True
        fixed, records = _repair_line(line, active, every)
        for rec in records:
            after = fixed[rec.start : rec.end]
            repairs.append(Repair(offset + rec.start, offset + rec.end, rec.fix, rec.before, after))
        out_lines.append(fixed)
        offset += len(fixed) + 1
    if not changed:
        return text, []
    repairs.sort(key=lambda r: (r.start, r.end))
    return "\n".join(out_lines), repairs


def repair_text(text: str, cfg: RepairConfig | None = None) -> tuple[str, list[Repair]]:
    """The repaired text and the list of repairs, offsets into the repaired text.

    >>> repair_text("caption 2020.Credit: AFP\\u00a0")[0]
    'caption 2020.\\nCredit: AFP'
    >>> repair_text("U.S. e.g. Mr. Smith... “Quoted” ?! $4.85 00:41")
    ('U.S. e.g. Mr. Smith... “Quoted” ?! $4.85 00:41', [])
    """
    return _run(text, _finders(cfg or RepairConfig()))


def repair(doc: Document, cfg: RepairConfig) -> Document:
    """Set ``doc.text`` to the repaired text and ``doc.repairs`` to what was changed, and where.

    >>> from pipeline.document import Document
    >>> d = repair(Document(id="a", source="a", format="text", text="a\\u00a0b"), RepairConfig())
    >>> d.text, [(r.start, r.end, r.fix) for r in d.repairs]
    ('a b', [(1, 2, 'odd_space')])
    """
    text, repairs = _run(doc.text, _finders(cfg))
    if repairs:
        logger.debug("%s: %d repairs", doc.id, len(repairs))
    elif not doc.repairs:
        return doc  # the usual document: nothing to repair, so nothing to copy
    return doc.replace(text=text, repairs=tuple(repairs))


# -- one fix at a time (for explaining and testing) ------------------------------------------


def fix_encoding(text: str) -> str:
    """Fix mojibake, HTML entities and control characters with ftfy (line by line).

    >>> fix_encoding("IsraelÃ¢â‚¬â„¢s president")
    'Israel’s president'
    >>> fix_encoding("Tom &amp; Jerry")
    'Tom & Jerry'
    >>> fix_encoding("“curly” ﬁne ｗｉｄｅ")
    '“curly” ﬁne ｗｉｄｅ'
    """
    return _run(text, [(_find_ftfy, may_need_ftfy)])[0]


def fix_odd_spaces(text: str) -> str:
    """Plain spaces for odd ones, invisible characters removed, trailing white space removed.

    >>> fix_odd_spaces("Walla\\u00a0news  \\nco\\u00adoperate\\u200b")
    'Walla news\\ncooperate'
    """
    return _run(text, [(_find_odd_spaces, _may_have_odd_spaces)])[0]


def unwrap_table_row(text: str) -> str:
    """Unwrap ``| cell | cell |`` rows: one cell → its text, separators → empty, else ``a | b``.

    >>> unwrap_table_row("| Whole article text. |\\n|---|---|\\n| a | | b |\\nx | y")
    'Whole article text.\\n\\na | b\\nx | y'
    """
    return _run(text, [(_find_table_row, _may_have_table_row)])[0]


def fix_doubled_punctuation(text: str) -> str:
    """One mark where the same ``.``, ``,`` or ``;`` was doubled; ``...``, ``…``, ``?!``, ``!!`` kept.

    >>> fix_doubled_punctuation("recover from. . Yes,, no, , maybe;; fine. Wait... Why?! No!!")
    'recover from. Yes, no, maybe; fine. Wait... Why?! No!!'
    >>> fix_doubled_punctuation("a. . . b .. c")
    'a. . . b .. c'
    """
    return _run(text, [(_find_doubled_punctuation, _may_have_doubled_punctuation)])[0]


def fix_glued_repeat(text: str) -> str:
    """One copy of a line that is one phrase (≥ 4 chars, with a letter) glued to its repeat.

    >>> fix_glued_repeat("Send in e-mailSend in e-mail\\nWalla Walla\\nBaden-Baden\\ncouscous")
    'Send in e-mail\\nWalla Walla\\nBaden-Baden\\ncouscous'
    """
    return _run(text, [(_find_glued_repeat, _always)])[0]


def fix_glued_credit(text: str) -> str:
    """A line break before a credit glued to the caption before it.

    >>> fix_glued_credit("Orbiter 1K.Credit: The Ministry\\nCredit: X\\nCredit Suisse\\ntax credit: 5")
    'Orbiter 1K.\\nCredit: The Ministry\\nCredit: X\\nCredit Suisse\\ntax credit: 5'
    """
    return _run(text, [(_find_glued_credit, _may_have_glued_credit)])[0]
