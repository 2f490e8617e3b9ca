"""Where the article ends (``pipeline/boilerplate/region.py``)."""

from __future__ import annotations

from pipeline.boilerplate.region import _dated_teasers, _undated_teasers
from tests.boilerplate_lines import lines_of

ARTICLE = (
    "The city council met on Monday and approved a plan to build three new schools in the north of "
    "the city by 2027, officials said. The plan will cost 40 million euros.\n\n"
    "The mayor said the first school would open in two years and that teachers would be hired in "
    "spring. The opposition voted against the plan."
)


def _teasers(dated: bool) -> str:
    return "\n\n".join(
        ("12.03.2024\n\n" if dated else "")
        + f"Headline number {i} about something else\n\nA short summary of the other article number {i} here."
        for i in range(3)
    )


def test_a_run_of_dated_teasers_ends_the_region_at_its_first_stamp() -> None:
    lines = lines_of(f"{ARTICLE}\n\n{_teasers(dated=True)}")
    assert lines[2].f.text == "12.03.2024"
    assert _dated_teasers(lines, 0, len(lines) - 1) == 2


def test_an_article_without_teasers_is_not_cut() -> None:
    lines = lines_of(ARTICLE)
    assert _dated_teasers(lines, 0, len(lines) - 1) == len(lines)
    assert _undated_teasers(lines, 0, len(lines) - 1) == len(lines)
