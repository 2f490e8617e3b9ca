"""The headline and the author (``pipeline/boilerplate/title.py``)."""

from __future__ import annotations

import pytest

from pipeline.boilerplate.title import _byline_line, _org_name, _stop_in_name
from tests.boilerplate_lines import lines_of


@pytest.mark.parametrize(
    ("name", "org"),
    [
        ("Lakeview Courier", True),
        ("Penguin Books", True),
        ("Redazione ANSA", True),
        ("Jane Doe", False),
    ],
)
def test_org_names_are_no_authors(name: str, org: bool) -> None:
    assert _org_name(name) is org


@pytest.mark.parametrize(
    ("name", "stop"),
    [
        ("Das Louis Vuitton Missgeschick", True),
        ("Game Of Thrones", True),
        ("Theresa May", False),
        ("Ursula von der Leyen", False),
    ],
)
def test_a_stop_word_in_a_name_makes_it_a_title(name: str, stop: bool) -> None:
    assert _stop_in_name(name) is stop


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Edited by Grace Mwangi", True),
        ("Helen Marsh, Retail Correspondent", True),
        ("By Car and Ferry", False),  # a guide's heading
        ("Council approves budget", False),
    ],
)
def test_bylines_of_other_shapes(line: str, byline: bool) -> None:
    assert _byline_line(lines_of(line, rules=False)[0]) is byline
