"""The classifier's lines and the shape questions every step asks (``pipeline/boilerplate/blocks.py``)."""

from __future__ import annotations

import pytest

from pipeline.boilerplate.blocks import _Block, _data_like, _is_headline, _stamp
from pipeline.boilerplate.features import block_features
from tests.boilerplate_lines import lines_of


@pytest.mark.parametrize(
    ("line", "data"),
    [
        ("Farbe: grün", True),
        ("Moderator: Hass Chapman", True),
        ("Art der Aufnahme: Digitalfoto", True),
        ("200 g Zucker", True),
        ("Video: Minister resigns over budget row", False),  # a kicker over a teaser headline
        ("News date : 04/21/2022", False),  # a dated line is metadata
        ("So sieht der Plan aus:", False),
        ("Markets", False),
        ("Du mardi au samedi, midi et soir", True),  # opening hours
        ("Open Tue-Sun, lunch and dinner", True),
        ("Mo–Fr durchgehend geöffnet", True),
        ("What to do to save money", False),  # "do to sa..." is no range of days
        ("From Monday the trains run again to the coast", False),  # one day, and too long
    ],
)
def test_data_like_details_figures_but_not_kickers_or_dates(line: str, data: bool) -> None:
    f = block_features(line, "de")
    assert _data_like(_Block(0, 0, len(line), 0, f, f)) is data


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("31.01.2022", True),
        ("vor 3 Stunden", True),
        ("32M ago", True),
        ("12:24", False),  # a live blog's entry time is content, no teaser's stamp
        ("Council approves new budget for schools", False),
    ],
)
def test_stamp_dates_but_not_bare_times(line: str, stamp: bool) -> None:
    assert _stamp(lines_of(line, rules=False)[0]) is stamp


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Council approves new budget for schools", True),
        ("5 Things to Know About the Budget", True),
        ("The council approved it.", False),  # a finished sentence
        ("A la Carte › News & Stories › Reisen › Asien", False),  # a breadcrumb
        ("Host: Xing AG, Dammtorstrasse 29", False),  # a detail line
        ("31.01.2022", False),  # a date
    ],
)
def test_is_headline_not_sentences_paths_details_or_dates(line: str, headline: bool) -> None:
    assert _is_headline(lines_of(line, rules=False)[0]) is headline


def test_wrapped_lines_of_one_sentence_share_their_features() -> None:
    text = (
        "The council voted on Tuesday to close the old library and to build\n"
        "a new one on the market square by 2027, officials said on Wednesday."
    )
    first, second = lines_of(text, rules=False)
    assert first.g is second.g and first.g.prose and first.g.words == first.f.words + second.f.words
    assert first.share + second.share == pytest.approx(1.0) and first.share < 1
    assert not second.continues  # one wrapped sentence does not make a hard-wrapped text


def test_in_hard_wrapped_text_a_line_that_continues_the_sentence_is_marked() -> None:
    text = (
        "The council voted on Tuesday to close the old library in the\n"
        "centre of the town and to build a new one on the market square\n"
        "by 2027, officials said on Wednesday after a long debate in the\n"
        "chamber that lasted well into the night, the third this month."
    )
    lines = lines_of(text, rules=False)
    assert [b.continues for b in lines] == [False, True, True, True]
    assert all(b.g is lines[0].g for b in lines)


@pytest.mark.parametrize(
    ("under", "joined"),
    [
        ("di Laura Montanelli", False),  # a byline in lower case under a standfirst without a full stop
        ("door Sanne de Vries", False),
        ("di tutti gli edifici scolastici della città", True),  # the sentence goes on
    ],
)
def test_a_lower_case_byline_is_no_continuation_of_the_line_above(under: str, joined: bool) -> None:
    text = f"Il sindaco: «Verifiche su tutti gli edifici scolastici entro dieci giorni»\n{under}"
    first, second = lines_of(text, rules=False)
    assert (first.g is second.g) is joined


def test_a_table_set_with_bare_pipes_holds_figures_and_a_paragraph_follows_it() -> None:
    """Rows of a menu over the article's paragraph are no table (no figures); a table's rows are."""
    para = "The council approved the plan on Tuesday after a long debate about the cost of the new roads."
    menus = "\n".join(
        ["About | Careers | Advertise", "Terms | Privacy | Cookies", "Help | Contact | Jobs", para]
    )
    table = "\n".join(
        ["Player | Pos | Ht/Wt", "Marcus Tolliver | DL | 6-4/285", "Jalen Pruitt | QB | 6-2/198", para]
    )
    assert [b.f.table_row for b in lines_of(menus, rules=False)] == [False, False, False, False]
    assert [b.f.table_row for b in lines_of(table, rules=False)] == [True, True, True, False]
