"""What above the article still belongs to it (``pipeline/boilerplate/head.py``)."""

from __future__ import annotations

import pytest

from pipeline.boilerplate.head import (
    _entry_times,
    _from_lead,
    _headed_standfirst,
    _role_line,
    _under_first_headline,
)
from tests.boilerplate_lines import lines_of

LEAD = "The council voted on Tuesday to close the old library and build a new one by 2027, officials said."


def test_the_lead_under_a_headline_that_opens_the_text_is_found() -> None:
    lines = lines_of(f"Council votes to close the old library\n\n{LEAD}\n\nMore text follows here.")
    assert _under_first_headline(lines) == 1


@pytest.mark.parametrize(
    "first",
    [
        "Council",  # one word: a site's name, no headline
        "Council votes to close the old library.",  # a sentence, no headline
    ],
)
def test_no_lead_under_a_first_line_that_is_no_headline(first: str) -> None:
    assert _under_first_headline(lines_of(f"{first}\n\n{LEAD}")) == -1


def test_a_live_blogs_entry_times_are_found() -> None:
    entries = [
        (
            "14:05",
            "Trees down on the A38",
            "Crews are clearing the road near Exeter after a tree fell, police said.",
        ),
        (
            "13:40",
            "Schools closed",
            "Twelve schools in Devon will stay closed on Friday because of the storm.",
        ),
        (
            "13:10",
            "Warnings issued",
            "The Met Office has issued an amber warning for wind in the South West.",
        ),
    ]
    text = "Storm live: power cuts across the region\n\n" + "\n\n".join("\n\n".join(e) for e in entries)
    lines = lines_of(text)
    assert [lines[i].f.text for i in sorted(_entry_times(lines))] == ["14:05", "13:40", "13:10"]


def test_a_lone_time_is_no_live_blog() -> None:
    lines = lines_of(f"Council votes to close the old library\n\n14:05\n\n{LEAD}")
    assert _entry_times(lines) == set()


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Court Reporter", True),
        ("Senior Political Correspondent", True),
        ("15:30, 11 APR 2024", True),
        ("A note from the editor", False),  # a heading, not Title Case
        ("The court heard the case on Monday.", False),
    ],
)
def test_role_lines_are_short_title_case_roles_or_dates(line: str, role: bool) -> None:
    assert _role_line(lines_of(line, rules=False)[0]) is role


BOXED = (
    "Neue Fahrradstraße am Mainufer sorgt für Streit\n\nVon Anna Kessler\n\n"
    "Die Stadt Frankfurt will das nördliche Mainufer zwischen Eisernem Steg und Holbeinsteg in eine "
    "Fahrradstraße umwandeln.\n\n"
    "Autos sollen dort nur noch für Anlieger erlaubt sein.\n\n"
    "{box}\n\n"
    "Einzelhändler in der Innenstadt fürchten, dass Kunden ausbleiben, wenn die Zufahrt schwieriger wird."
)


def test_a_box_near_the_top_does_not_cut_the_article_from_its_lead() -> None:
    box = (
        "Newsletter\n\nDer Morgen-Newsletter: Alles, was Sie heute wissen müssen – jeden Werktag.\n\n"
        "Jetzt anmelden"
    )
    lines = lines_of(BOXED.format(box=box))
    assert _from_lead(lines, 7) == (2, ())  # the lead under the byline: the paragraph under it stays too


def test_a_boxs_copy_between_its_lines_goes_with_the_box() -> None:
    box = "Anzeige\n\nDas neue Elektro-SUV ist ab sofort bei allen Händlern erhältlich.\n\nAnzeige"
    lines = lines_of(BOXED.format(box=box))
    assert _from_lead(lines, 7) == (2, (5,))


@pytest.mark.parametrize(
    "box",
    [
        # a read-also box: its teaser headline is no line a rule removed
        "Lesen Sie auch\n\nNeue Buslinie verbindet Nordstadt und Hauptbahnhof",
        "Mehr aus der Region",  # a related-links heading: no box of the article's
        "Von Jana Roth\n\nJetzt anmelden",  # a byline: another article's
    ],
)
def test_the_region_starts_where_it_was_found_without_such_a_box(box: str) -> None:
    lines = lines_of(BOXED.format(box=box))
    lo = len(lines) - 1
    assert _from_lead(lines, lo) == (lo, ())


def test_a_list_a_heading_announces_right_above_the_region_counts_as_a_box() -> None:
    box = "Sie brauchen:\n\nEinen Schraubenschlüssel\n\nEinen flachen Schraubendreher\n\nNeue Dichtungen"
    lines = lines_of(BOXED.format(box=box))
    assert _from_lead(lines, 8) == (2, ())


@pytest.mark.parametrize(
    ("box", "why"),
    [
        ("Anzeige\n\nVon Jana Roth\n\nAnzeige", "a byline between the box's lines: another article's"),
        (
            "Anzeige\n\nDas neue Elektro-SUV ist ab sofort bei allen Händlern erhältlich.",
            "the box does not reach",
        ),
        (
            "Was bedeutet die neue Fahrradstraße für die Anwohner und die Geschäfte in der Innenstadt?"
            "\n\nAnzeige",
            "a question above the box: a headline",
        ),
        ("Unsere Redaktion wählt für Sie die wichtigsten Nachrichten aus.\n\nAnzeige", "copy above the box"),
    ],
)
def test_no_lead_through_what_is_no_box(box: str, why: str) -> None:
    lines = lines_of(BOXED.format(box=box))
    lo = len(lines) - 1
    assert _from_lead(lines, lo) == (lo, ()), why


def test_a_quoted_wir_above_the_box_is_a_source_speaking() -> None:
    box = "„Wir sind froh über die Entscheidung“, sagte die Anwohnerin Petra Lang am Mittwoch.\n\nAnzeige"
    lines = lines_of(BOXED.format(box=box))
    assert _from_lead(lines, len(lines) - 1) == (2, ())


def test_what_stands_between_two_boxes_may_be_the_articles() -> None:
    box = (
        "Jetzt anmelden\n\nDer Ortsbeirat hatte den Plan im Mai gebilligt und die Stadt um Eile gebeten.\n\n"
        "Anzeige"
    )
    lines = lines_of(BOXED.format(box=box))
    lo = len(lines) - 1
    assert _from_lead(lines, lo) == (lo, ())


HEADED = [
    "NOS Nieuws",
    "Binnenland",
    "Kabinet trekt 300 miljoen uit voor versterking dijken langs de Maas",
    "Na de overstromingen van 2021 moeten de dijken in Limburg sneller op orde zijn.",
    "Anouk Bosschaert",
    "NOS Nieuws • vandaag, 14:32 • Aangepast vandaag, 16:05",
    "Deel artikel:",
    "Het kabinet maakt de komende vijf jaar 300 miljoen euro extra vrij om de dijken langs de Maas in "
    "Limburg te versterken, zo heeft minister Harbers vandaag bekendgemaakt.",
    "Bij de overstromingen in juli 2021 liepen honderden huizen onder water.",
]


def test_a_standfirst_under_its_headline_over_metadata_is_the_articles() -> None:
    lines = lines_of("\n".join(HEADED))
    # the bare name, the unruled date line and the share label are no gap between it and the article
    assert _headed_standfirst(lines, 3, 7) == {4, 5, 6}


@pytest.mark.parametrize(
    ("at", "line", "why"),
    [
        (2, "Binnenland", "no headline over the standfirst"),
        (2, "Kabinet trekt 300 miljoen uit voor versterking dijken langs de Maas.", "a sentence over it"),
        (3, "Na de wedstrijd van zondag vierden de supporters feest in de binnenstad.", "no shared word"),
        (4, "Dijkversterking langs de Maas in Limburg", "a longer line between, no date in it"),
        (4, "Het waterschap zei om 14:30 uur dat alle dijken klaar zijn.", "a sentence between"),
        (4, "Meer informatie", "a subheading between, no name"),
        (4, "Schrijf je in voor onze nieuwsbrief", "a newsletter's prompt between: no metadata"),
        (1, "Lees ook", "a teaser under a box's heading"),
        (5, "3 hours ago", "a teaser's age under its summary"),
        (4, "Waterschap Limburg.", "a name with a full stop: a sentence"),
    ],
)
def test_no_headed_standfirst(at: int, line: str, why: str) -> None:
    text = HEADED.copy()
    text[at] = line
    assert _headed_standfirst(lines_of("\n".join(text)), 3, 7) == set(), why


def test_a_headed_standfirst_needs_a_date_or_a_rules_metadata_under_it() -> None:
    # an epigraph over its author's name ("Max Weber") is no standfirst over its byline
    text = [*HEADED[:5], "Harbers Kabinet", *HEADED[7:]]
    assert _headed_standfirst(lines_of("\n".join(text)), 3, 6) == set()


SHARK = [
    "Menu",
    "Breaking News",
    "'It came right past my board': Gold Coast beaches shut after bull shark spotted metres from surfers",
    "Lifeguards have closed three of the Gold Coast's busiest southern beaches after a bull shark swam "
    "within metres of surfers.",
    "Lachlan Reid",
    "December 10, 2024 - 11:52AM",
    "{count}",
    "Lifeguards cleared the water at Currumbin, Palm Beach and Tugun shortly after 7am on Tuesday when "
    "a surfer reported the shark passing beneath his board.",
    "The beaches will stay closed until drones have checked the water, the council said.",
]


@pytest.mark.parametrize("count", ["Share this article", "87 Likes", "14 comments"])
def test_a_headed_standfirst_under_a_long_headline_that_reads_as_prose(count: str) -> None:
    # the headline (a quotation, then the news) reads as prose; a count of likes is the head's metadata
    lines = lines_of("\n".join(SHARK).replace("{count}", count))
    assert lines[2].g.prose
    assert _headed_standfirst(lines, 3, 7) == {4, 5, 6}
