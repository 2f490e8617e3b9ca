"""Typeset tables in plain text (``pipeline/boilerplate/tables.py``)."""

from __future__ import annotations

from pipeline.boilerplate.tables import _typeset_tables
from tests.boilerplate_lines import document_of, lines_of

LEAD = "The company said on Monday that its third-quarter results beat forecasts, helped by sales in Asia."
CLOSE = "The company expects sales to keep growing in the fourth quarter, its chief executive said."
TABLE = (
    "                 Q3 1987    Q3 1986\n"
    "Revenue           120.5      98.2\n"
    "Net income         12.1       9.8\n"
    "Shares (mln)       45.0      44.2"
)


def test_the_lines_of_a_typeset_table_are_found() -> None:
    text = f"{LEAD}\n\n{TABLE}\n\n{CLOSE}"
    lines = lines_of(text)
    assert sorted(_typeset_tables(document_of(text).text, lines).lines) == [1, 2, 3, 4]


def test_the_same_lines_without_their_columns_are_no_table() -> None:
    text = f"{LEAD}\n\n" + "\n".join(" ".join(row.split()) for row in TABLE.splitlines()) + f"\n\n{CLOSE}"
    assert not _typeset_tables(document_of(text).text, lines_of(text)).lines


def test_a_table_set_out_with_tabs_is_one_too() -> None:
    # a box score dumped with tabs between its cells ("CLE\t0\t0\t2 ...")
    tabbed = "\n".join("\t".join(line.split()) for line in TABLE.splitlines())
    text = f"{LEAD}\n\n{tabbed}\n\n{CLOSE}"
    assert "\t" in tabbed and "   " not in tabbed
    assert sorted(_typeset_tables(document_of(text).text, lines_of(text)).lines) == [1, 2, 3, 4]
