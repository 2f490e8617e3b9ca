"""Typeset tables in plain text: columns aligned by runs of spaces (wire copy's crop, price and
results tables). Their lines are neither chrome nor a gap in the article, and a table of figures
is content wherever it stands (step 2 and 3 of :mod:`pipeline.boilerplate.classify`).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from pipeline.boilerplate.blocks import _Block

_CELL_GAP = re.compile(r"\S(?: {3,}|\t[\t ]*)\S")


def _typeset(text: str, b: _Block) -> bool:
    """Whether line ``b`` of ``text`` is set out like a row of a plain-text table: indented by two
    spaces or more, or with cells three or more spaces apart. Wire copy sets its tables so
    ("    Pretax profit 24.8 mln vs 18.7 mln", "End Stocks   66.9    66.9    77.3"); text
    extracted from HTML has no such lines (a plain-text page dump may: see
    :func:`_table_of_figures`).

    >>> text = "HEADLINE\\n    Shr 20.1p vs 17.6p\\nEnd Stocks   66.9    66.9\\nHome News Sport"
    >>> rows = [(13, 31), (32, 57), (58, 73)]
    >>> [_typeset(text, _Block(0, s, e, 0, None, None)) for s, e in rows]
    [True, True, False]
    """
    line_start = text.rfind("\n", 0, b.start) + 1
    return b.start - line_start >= 2 or _CELL_GAP.search(text, b.start, b.end) is not None


_FIGURE = re.compile(r"(?<!\S)(?:\S*\d\S*|nil|n\.?a\.?|unch|-{2,})(?!\S)", re.IGNORECASE)
"""A figure in a table cell: a word with a digit, or a figure's placeholder ("nil", "n.a.", "unch",
"--"; not a lone "-", which separates menu items)."""
_TABLE_HEADING_WORDS = 8
"""Longest heading line over a typeset table (a crop's name, "UPLAND COTTON (In thousand bales)")."""
_TABLE_GAP = 3
"""Most lines in a row between two rows of a typeset table (column heads, subheadings, footnotes)."""
_TABLE_GAP_WORDS = 12
"""Longest such line ("Note - Price in dlrs per bu. Corn season begins Sept 1.")."""


@dataclass(frozen=True)
class _Tables:
    """The lines of a plain text's typeset tables (:func:`_typeset_tables`)."""

    lines: frozenset[int] = frozenset()
    """Rows, column heads, the short lines between rows, and the heading line over each table."""
    headings: frozenset[int] = frozenset()
    """The heading lines (a headline may stand right over a table: it may still be the title)."""


_CELL = re.compile(r"\S+(?: \S+)*")
"""A cell of a line set out in cells: words one space apart."""


def _cell_edges(text: str, b: _Block) -> list[tuple[int, int]]:
    """The columns (from the line's start, indentation included) where each cell of line ``b`` starts
    and ends.

    >>> text = "x\\n  Natl   Loan"
    >>> _cell_edges(text, _Block(0, 4, 15, 0, None, None))
    [(2, 6), (9, 13)]
    """
    line_start = text.rfind("\n", 0, b.start) + 1
    line = text[line_start : b.end]
    return [(m.start(), m.end()) for m in _CELL.finditer(line)]


def _aligned(heads: list[tuple[int, int]], row: list[tuple[int, int]]) -> bool:
    """Whether most cells of a line of column ``heads`` start in the column where a cell of ``row``
    starts, or end where one ends: "Natl   Loan   Release" over "Wheat   2.55   2.40   4.65"
    (numbers are set right).

    >>> _aligned([(9, 13), (16, 20), (31, 38)], [(1, 6), (9, 13), (16, 20), (34, 38)])
    True
    >>> _aligned([(0, 4), (7, 15), (18, 25), (28, 37)], [(20, 24), (40, 44)])  # a menu over a row
    False
    """
    starts = {a for a, _ in row}
    ends = {z for _, z in row}
    hits = sum(1 for a, z in heads if a in starts or z in ends)
    return 2 * hits > len(heads)


def _teaser_like(b: _Block) -> bool:
    """A headline in Title Case of four words or more (not all capitals, as wire copy's table
    headings are, nor ending in "--" or ":" as a table's subheading does: "BRAZIL SOYBEAN MEAL, in mln
    tonnes --"): a teaser set between the rows of a markets box, not a line of the table."""
    f = b.f
    return (
        f.words >= 4
        and f.title_case >= 0.6
        and not f.text.isupper()
        and not f.terminal
        and not f.text.endswith(("-", ":"))
    )


def _typeset_tables(text: str, bs: list[_Block]) -> _Tables:
    """The lines of the plain-text tables in ``text`` (wire copy's crop, price and results tables).

    A table is a run of three or more *rows* (two under a column head or a short line), at least
    two of them set out in cells (three spaces or more between two characters: :data:`_CELL_GAP`),
    every row with a figure (:data:`_FIGURE`: "nil" and "--" count) and, when not set out in cells,
    a line of 12 words at most with three figures, or two and no date ("Posted 12.05.2024 10:30"
    is no row). Up to :data:`_TABLE_GAP` lines between two rows belong to it: short lines
    ("Supply (mln bu) --", "X-Includes imports.", "CORN (cont.)") and column heads (lines
    without figures whose cells stand two spaces apart or more), not Title Case headlines (a
    teaser between the rows of a markets box). Column heads right above its first row belong to
    it too ("Natl   Loan   Release   Call"), with the short lines among them, and so does the
    heading line right above ("ALL WHEAT", "SOYBEAN CAKE AND MEAL": short, no end punctuation,
    not prose). Never the first line (the headline's place), no line a rule matched, none with a
    link or a text browser's link references.

    >>> text = "H\\nPrices --\\n  Crop    Loan   Call\\n  Wheat   2.55   --\\nX-in.\\n  Corn    1.35   3.15"
    >>> text += "\\n  Oats    nil    nil"
    >>> from pipeline.boilerplate.blocks import _blocks, _make_blocks
    >>> from pipeline.document import Document
    >>> bs = _make_blocks(text, _blocks(Document("t", "t", "text", text=text)), set())[0]
    >>> t = _typeset_tables(text, bs)
    >>> sorted(t.lines), sorted(t.headings)
    ([1, 2, 3, 4, 5, 6], [1])
    """
    # most texts have no two lines in cells: counted at C speed (an indentation adds at least as
    # many "   " as "\n   ", a gap inside a line one "   " more), else found in one pass
    if text.count("   ") - text.count("\n   ") + text.count("\t") - text.count("\n\t") < 2:
        return _Tables()
    gaps = [i for i in map(_match_start, _SPACES.finditer(text)) if i and not text[i - 1].isspace()]
    if len(gaps) < 2:
        return _Tables()
    refs = "[" in text
    kinds: list[str] = ["x"]  # per block: "r" row, "h" column head, "g" short line, "x" none
    in_cells = [False]  # per block: set out in cells (a gap of three spaces or more inside it)
    k = 0
    for b in bs[1:]:
        while k < len(gaps) and gaps[k] < b.start:
            k += 1
        cells = k < len(gaps) and gaps[k] < b.end
        in_cells.append(cells)
        if b.strong is not None or b.f.links or (refs and _LINK_REF.search(text, b.start, b.end)):
            kinds.append("x")
            continue
        figures = len(_FIGURE.findall(b.f.text))
        # in cells, half the cells hold figures ("Wheat   2.55   2.40   IV   4.65"), not one of many
        # ("Home   Football   Formula 1   Rugby Union   Tennis": a menu)
        parts = _CELL.findall(text, b.start, b.end) if cells and figures else []
        tabular = bool(parts) and 2 * sum(1 for c in parts if _FIGURE.search(c)) >= len(parts) - 1
        if figures and (
            tabular or (b.f.words <= _TABLE_GAP_WORDS and (figures >= 3 or (figures == 2 and not b.f.date)))
        ):
            kinds.append("r")
        elif (cells or "  " in text[b.start : b.end]) and not figures and b.f.words <= _TABLE_GAP_WORDS:
            kinds.append("h")  # column heads may stand two spaces apart ("Super Tankers  Regular Vessels")
        elif b.f.words <= _TABLE_GAP_WORDS and not _teaser_like(b):
            kinds.append("g")
        else:
            kinds.append("x")
    n = len(bs)
    for i, kind in enumerate(kinds):
        if kind == "h":
            # column heads stand over the columns of the rows next to them; a menu set out in cells
            # ("Home   Football   Cricket   Formula 1") does not
            near = (*range(i + 1, min(n, i + 2 + _TABLE_GAP)), *range(i - 1, max(0, i - 2 - _TABLE_GAP), -1))
            row = next((j for j in near if kinds[j] == "r"), None)
            if row is None:
                kinds[i] = "x"
                continue
            heads, row_cells = _cell_edges(text, bs[i]), _cell_edges(text, bs[row])
            # wire copy centres its heads in capitals ("COUNTRY   AT PLANT"), or sets a few right over
            # the row ("Super Tankers  Regular Vessels" / "North End:  13 hrs   15 hrs")
            over = row == i + 1 and len(heads) <= len(row_cells)
            if not (_aligned(heads, row_cells) or bs[i].f.text.isupper() or over):
                kinds[i] = "x"
    lines: set[int] = set()
    headings: set[int] = set()
    i = 1
    while i < n:
        if kinds[i] != "r":
            i += 1
            continue
        run = [i]  # a run of rows, with the lines between them
        j = i + 1
        while j < n:
            between = 0
            while j + between < n and kinds[j + between] in "hg" and between < _TABLE_GAP:
                between += 1
            if j + between < n and kinds[j + between] == "r":
                run.extend(range(j, j + between + 1))
                j += between + 1
            else:
                break
        rows = [x for x in run if kinds[x] == "r"]
        celled = sum(1 for x in rows if in_cells[x])
        # three rows, or two under a column head or a short line ("Super Tankers  Regular Vessels")
        headed = i > 1 and kinds[i - 1] in "hg"
        if celled >= 2 and (len(rows) >= 3 or (len(rows) == 2 and headed)):
            # right above the first row: column heads, with short lines among them ("SHIPMENT   BASIS
            # CBT MONTH   PREV" / "Soybean (cents per bushel)" / "Fob Paranagua")
            top = i
            while top - 1 >= 1 and kinds[top - 1] in "hg" and i - top < _TABLE_GAP:
                top -= 1
            while top < i and kinds[top] != "h":
                top += 1  # from the topmost column head on
            first = top
            lines.update(range(first, i))
            lines.update(run)
            h = bs[first - 1] if first > 1 else None
            if (
                h is not None
                and kinds[h.index] != "x"
                and not h.continues
                and not h.g.prose
                and 0 < h.f.words <= _TABLE_HEADING_WORDS
                and not h.f.terminal
            ):
                lines.add(h.index)
                headings.add(h.index)
        i = j
    return _Tables(frozenset(lines), frozenset(headings))


_SPACES = re.compile(r"(?:   +|\t[\t ]*)(?=\S)")
"""Three spaces or more, or a tab, before a character: :data:`_CELL_GAP` when a character precedes them (the
literal prefix makes this search several times faster on wire copy, whose paragraphs are indented)."""
_match_start = operator.methodcaller("start")

_LINK_REF = re.compile(r"\[\d+\]")
"""A text browser's link reference ("[3]Home" in a lynx or w3m page dump)."""


def _table_of_figures(text: str, bs: list[_Block], listy: list[bool]) -> list[int]:
    """The rows of the typeset tables of figures that a plain text is mostly made of: indexes of
    the items of lists of figures (``listy``) that :func:`_typeset` accepts, when they are at
    least 3, 40 % of the blocks, and hold at least as many words as the prose (a wire story's
    results, crop tables); else none, so that the figures around an article in a page dump
    (tickers over the headline, "Most read" ranks, a weather box, a cookie table) stay chrome.
    Lines with a text browser's link references ("[7]Log in   [8]Subscribe") are no rows.

    >>> text = "HEAD\\n    Shr 20.1p vs 17.6p\\n    Net 1.2 mln vs 0.9 mln\\n    Revs 5.1 mln vs 4.2 mln"
    >>> from pipeline.boilerplate.blocks import _make_blocks
    >>> bs = _make_blocks(text, [(0, 4, 0), (9, 27, 0), (32, 54, 0), (59, 82, 0)], set())[0]
    >>> _table_of_figures(text, bs, [False, True, True, True])
    [1, 2, 3]
    >>> _table_of_figures(text, bs, [False, True, True, False])  # two rows are no table
    []
    """
    rows = [
        b.index
        for b in bs
        if listy[b.index] and _typeset(text, b) and _LINK_REF.search(text, b.start, b.end) is None
    ]
    if len(rows) < 3 or len(rows) < 0.4 * len(bs):
        return []
    prose = sum(b.f.words for b in bs if b.g.prose)
    return rows if sum(bs[i].f.words for i in rows) >= prose else []
