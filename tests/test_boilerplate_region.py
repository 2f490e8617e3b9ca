"""Where the article ends (``pipeline/boilerplate/region.py``)."""

from __future__ import annotations

import pytest

from pipeline.boilerplate import detect
from pipeline.boilerplate.region import (
    _dated_teasers,
    _marker_end,
    _undated_teasers,
    _under_marker,
    _under_read_also,
)
from pipeline.config import BoilerplateConfig
from tests.boilerplate_lines import PACK, document_of, lines_of

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


def _detect(text: str) -> tuple[list[str], list[str]]:
    """The lines ``text`` keeps and the lines it loses, with :func:`pipeline.boilerplate.detect`."""
    doc = detect(document_of(text), BoilerplateConfig(), PACK)
    gone = [doc.text[s.start : s.end] for s in doc.removed]
    return [x for x in doc.text.split("\n") if x and x not in gone], gone


_LONG_ARTICLE = "\n\n".join(
    ["Council approves new schools"]
    + [
        f"The city council met on Monday and approved a plan to build {n} new schools in the north of the "
        "city by 2027, officials said. The plan will cost 40 million euros and will be paid for by a new "
        "bond that voters approved last year after a long campaign."
        for n in ("three", "four", "five", "six", "seven", "eight", "nine")
    ]
)
_RAIL = [
    "Related articles",
    "Opinion",
    "The hidden cost of cheap flights for the people who live near airports",
    "Videos",
    "Firefighters spent the night fighting a blaze in an old warehouse near the river, and by morning "
    "the fire was under control.",
    "Police said nobody was hurt and the cause of the fire was not yet known, but an inquiry would start.",
    "Storm closes the coastal road near the harbour",
    "Train drivers vote to strike over pay next month",
    "Columns",
    "The trouble with the new budget rules",
    "by Jane Smith",
]


def test_a_rail_under_a_related_articles_heading_inside_the_region_goes() -> None:
    lines = lines_of(f"{_LONG_ARTICLE}\n\n" + "\n\n".join(_RAIL))
    marker = 8
    assert lines[marker].f.text == "Related articles" and lines[marker].strong is not None
    values = [float(b.f.words) for b in lines]
    values[marker] = -50.0
    assert _marker_end(lines, values, 1, len(lines) - 1, [marker]) == marker - 1
    # inline (prose right above and below it): not among the article's ends
    assert _marker_end(lines, values, 1, len(lines) - 1, []) == len(lines) - 1
    kept, gone = _detect(f"{_LONG_ARTICLE}\n\n" + "\n\n".join(_RAIL))
    assert set(_RAIL) <= set(gone)
    assert len(kept) == 7  # the article's paragraphs (its headline is the title)


def test_the_article_goes_on_under_a_related_articles_box() -> None:
    # its last section: full sentences, or a list, under the box's one teaser
    last = [
        "Related articles",
        "Storm closes the coastal road near the harbour",
        "What happens next",
        "The first school will open in autumn 2025. Teachers will be hired in the spring, the council said.",
        "Parents can register their children from March. Places will be given by distance from the school.",
        "The council will publish the full plan on its website next week, with maps of the new schools.",
    ]
    kept, _gone = _detect(f"{_LONG_ARTICLE}\n\n" + "\n\n".join(last))
    assert set(last[2:]) <= set(kept)
    # or a list: bullet items under the box are the article's, however short
    listed = ["Related articles", "Where the schools will be"]
    listed += [f"- In the {d} district, next to the park" for d in ("first", "second", "third", "fourth")]
    lines = lines_of(f"{_LONG_ARTICLE}\n\n" + "\n\n".join(listed))
    values = [float(b.f.words) for b in lines]
    values[8] = -50.0  # "Related articles", not inline
    assert _marker_end(lines, values, 1, len(lines) - 1, [8]) == len(lines) - 1


PROMPTED = (
    "Heat pumps outsold gas boilers in Norland last year, according to the trade association.\n\n"
    "Get our free Climate Weekly newsletter every Friday →\n\n"
    "{under}\n\n"
    "© 2024 Greenline Media"
)


def test_the_article_goes_on_under_a_one_line_newsletter_prompt() -> None:
    under = (
        "Generous subsidies introduced in 2022 cover up to half the cost of a heat pump.\n\n"
        "Installers say the bigger bottleneck is now the shortage of trained engineers."
    )
    lines = lines_of(PROMPTED.format(under=under))
    assert lines[1].strong is not None and lines[1].strong.category.value == "newsletter"
    assert _under_marker(lines, 1, len(lines)) == 4  # the paragraphs stay, up to the copyright line


@pytest.mark.parametrize(
    "under",
    [
        # one paragraph: may be the box's own line
        "Generous subsidies introduced in 2022 cover up to half the cost of a heat pump.",
        # the box's copy: its vocabulary, the site speaking to the reader
        "A weekly round-up of our climate coverage, sent every Friday morning.\n\n"
        "We will never share your email address with anyone else.",
        # neither a rule's chrome nor the text's end under the paragraphs: a teaser's headline
        "Generous subsidies introduced in 2022 cover up to half the cost of a heat pump.\n\n"
        "Installers say the bigger bottleneck is now the shortage of trained engineers.\n\n"
        "Five foods that will cost more this winter",
    ],
)
def test_what_stands_under_a_prompt_is_not_always_the_article(under: str) -> None:
    lines = lines_of(PROMPTED.format(under=under))
    assert _under_marker(lines, 1, len(lines)) == 1


@pytest.mark.parametrize(
    "under",
    [
        # on another subject: the first paragraph shares no word with the article's last lines
        "Stadium tickets for the cup final sold out within minutes on Thursday morning.\n\n"
        "Fans queued overnight outside the ground in the rain.",
        # an author's bio: a name and what a bio says
        "Ola Sørheim covers heat pumps and energy prices for the trade magazine.\n\n"
        "Installers say the bigger bottleneck is now the shortage of trained engineers.",
        # a box's line that shares the article's words is still the box's copy ("we", "your")
        "Heat pump news every Friday, and we never share your address.\n\n"
        "Installers say the bigger bottleneck is now the shortage of trained engineers.",
        # the site speaks of itself (its name from the copyright line)
        "Greenline Media corrects heat pump figures as soon as errors are reported.\n\n"
        "Installers say the bigger bottleneck is now the shortage of trained engineers.",
    ],
)
def test_a_blurb_a_bio_or_another_story_under_a_prompt_stays_chrome(under: str) -> None:
    lines = lines_of(PROMPTED.format(under=under))
    assert _under_marker(lines, 1, len(lines)) == 1


def test_a_quoted_we_under_a_prompt_is_a_source_speaking() -> None:
    under = (
        '"We have sold more heat pumps than boilers," said the association\'s chair, Kari Berg.\n\n'
        "Installers say the bigger bottleneck is now the shortage of trained engineers."
    )
    lines = lines_of(PROMPTED.format(under=under))
    assert _under_marker(lines, 1, len(lines)) == 4


INLINE = (
    "An der Müritz brüten in diesem Frühjahr so viele Weißstörche wie seit zwei Jahrzehnten nicht mehr.\n\n"
    "Als Grund nennen die Naturschützer das nasse Frühjahr, das den Störchen reichlich Frösche bietet.\n\n"
    "{box}\n\n"
    "{under}\n\n"
    "© 2024 Nordkurier"
)
STORKS = (
    "Die meisten Störche kommen über die Ostroute aus Afrika zurück. Einige überwintern in Spanien.\n\n"
    "Anzeige\n\n"
    "Wer die Störche beobachten möchte, kann das in Vipperow tun. Naturschützer bitten um Abstand."
)


@pytest.mark.parametrize(
    ("box", "under"),
    [
        # a read-also link with its teaser on one line, then paragraphs with an ad's label between them
        ("Auch interessant: Wolf im Landkreis gesichtet – was Spaziergänger wissen sollten", STORKS),
        ("LIRE AUSSI >> Le tram D prolongé jusqu'à Saint-Médard dès septembre", STORKS),
        # an ad's label over one paragraph that holds a percentage (an ad's copy has its call)
        ("Anzeige", "Fast 90 % der besetzten Horste der Störche liegen auf Masten und Scheunendächern."),
    ],
)
def test_the_article_goes_on_under_a_one_line_link_or_an_ad_label(box: str, under: str) -> None:
    lines = lines_of(INLINE.format(box=box, under=under))
    assert _under_marker(lines, 2, len(lines)) == len(lines) - 1  # up to the copyright line


@pytest.mark.parametrize(
    ("box", "under"),
    [
        # a heading alone heads a box of teasers (see _under_read_also), no one-line link
        ("Auch interessant:", STORKS),
        # nor is a heading with a word or two after it a link with its teaser
        ("Auch interessant: Wolfsrudel", STORKS),
        # the paragraph shares more words with the link's teaser than with the article: its summary
        (
            "Lesen Sie auch: Wolfsrudel im Landkreis gesichtet",
            "Ein Wolfsrudel wurde im Landkreis gesichtet, sagen Jäger. Störche sind nicht in Gefahr.",
        ),
        # an ad's copy calls to buy
        ("Anzeige", "Fernglas für Störche und Vögel: jetzt bestellen und 20 % Rabatt sichern."),
    ],
)
def test_under_a_one_line_link_or_an_ad_label_chrome_stays_chrome(box: str, under: str) -> None:
    lines = lines_of(INLINE.format(box=box, under=under))
    assert _under_marker(lines, 2, len(lines)) == 2


BOXED_ONE = (
    "The city council approved a plan on Monday to build three new schools in the north of the city "
    "by 2027.\n\n"
    "The plan will cost 40 million euros and will be paid for by a bond that voters approved last year.\n\n"
    "Related articles\n\n"
    "Storm closes the coastal road near the harbour for a week\n\n"
    "{under}\n\n"
    "© 2024 Lakeview Courier"
)


@pytest.mark.parametrize(
    ("under", "end"),
    [
        # long, on the article's subject: the article's (it stays, up to the copyright line)
        (
            "Teachers' unions criticised the schools plan. They say the city has not said who will pay the "
            "staff, and that the bond will not cover running costs once the buildings open in two years.",
            5,
        ),
        # short: may be the teaser's summary
        ("The schools plan was criticised by unions. They want more staff.", 2),
        # long, but on the teaser's subject (shares its words): its summary
        (
            "The coastal road near the harbour will stay closed for a week while engineers repair storm "
            "damage to the sea wall, and buses to the schools in the north will take a longer route.",
            2,
        ),
        # long, but on neither subject
        (
            "Fishermen said the season had been the worst in twenty years. Catches fell by a third and "
            "prices at the quayside market dropped sharply in the autumn as the weather turned.",
            2,
        ),
    ],
)
def test_one_paragraph_under_one_teaser_is_the_articles_only_when_long_and_on_its_subject(
    under: str, end: int
) -> None:
    lines = lines_of(BOXED_ONE.format(under=under))
    assert _under_read_also(lines, 2, len(lines)) == end


TWO_LINKS = (
    "An der Müritz brüten in diesem Frühjahr so viele Weißstörche wie seit zwei Jahrzehnten nicht mehr.\n\n"
    "Als Grund nennen die Naturschützer das nasse Frühjahr, das den Störchen reichlich Frösche bietet.\n\n"
    "Auch interessant: Kraniche rasten in diesem Jahr früher an der Müritz\n\n"
    "Die meisten Störche kommen über die Ostroute aus Afrika zurück. Einige überwintern in Spanien.\n\n"
    "Lesen Sie auch: Wolfsrudel im Landkreis gesichtet\n\n"
    "{last}\n\n"
    "© 2024 Nordkurier"
)


@pytest.mark.parametrize(
    ("last", "end"),
    [
        # the article's last paragraph under the second link
        ("Wer die Störche beobachten möchte, kann das in Vipperow tun. Naturschützer bitten um Abstand.", 6),
        # the second link's summary: the article ends over that link
        ("Ein Wolfsrudel wurde im Landkreis gesichtet, sagen Jäger. Spaziergänger sollen Hunde anleinen.", 4),
    ],
)
def test_a_summary_under_a_later_link_ends_the_article_over_it(last: str, end: int) -> None:
    lines = lines_of(TWO_LINKS.format(last=last))
    assert _under_marker(lines, 2, len(lines)) == end


@pytest.mark.parametrize(
    ("last", "end"),
    [
        # the article's last line, one short sentence, at the text's end or over the desk's signature
        ("Die Polizei ermittelt weiter.", 7),
        ("Die Polizei ermittelt weiter.\n\nREDAKTION NORD", 7),
        # a box's copy that no rule takes ("wir", "unser"), a headline in Title Case: the article
        # is not known to go on under the box
        ("Wir berichten weiter.", 2),
        ("Alle Neuen Nachrichten Aus Der Region.", 2),
        # nor a short sentence with more text no rule knows under it
        ("Die Polizei ermittelt weiter.\n\nKraniche und Störche im Herbst an der Müritz", 2),
        # a rule's chrome ends the article right over it, as before
        ("Jetzt Newsletter bestellen.", 6),
    ],
)
def test_a_short_last_sentence_under_a_one_line_box_is_the_articles(last: str, end: int) -> None:
    text = INLINE.format(box="Anzeige", under=f"{STORKS}\n\n{last}")
    lines = lines_of(text.replace("\n\n© 2024 Nordkurier", ""))
    assert _under_marker(lines, 2, len(lines)) == end


POLISH_FLAT = (
    "Do wykolejenia tramwaju linii 52 doszło we wtorek rano na ulicy Basztowej w Krakowie. Nikt nie został "
    "poszkodowany, ale ruch tramwajowy w ścisłym centrum miasta jest wstrzymany.\n"
    "Zobacz też: Nowe tramwaje dla Krakowa. Pierwsze kursy już w maju\n"
    "– Przyczyny wykolejenia wyjaśnia specjalna komisja. Wstępnie wykluczamy błąd motorniczego – przekazał "
    "rzecznik przewoźnika.\n"
    "REKLAMA\n"
    "To już trzecie takie zdarzenie w Krakowie od początku roku. W lutym tramwaj wykoleił się na rondzie "
    "Mogilskim, a w marcu w Nowej Hucie.\n"
    "Źródło: Kurier24, MPK Kraków\n"
    "© 2025 Kurier24 sp. z o.o. Wszelkie prawa zastrzeżone."
)


def test_under_a_link_in_a_page_without_blank_lines_sentences_with_few_stop_words_are_the_articles() -> None:
    """A quotation of two sentences with no stop word is the article's under a read-also link, and
    in a page without blank lines a paragraph over a source's line is no photo's caption."""
    kept, gone = _detect(POLISH_FLAT)
    assert any(x.startswith("– Przyczyny wykolejenia") for x in kept)
    assert any(x.startswith("To już trzecie") for x in kept)
    assert any(x.startswith("Zobacz też") for x in gone)


CAMERA_CLUB = (
    "Wrenbury Camera Club is inviting amateur photographers to send in pictures of the town's hidden corners "
    "for its annual competition, which opens on Monday.\n\n"
    "Entrants must own the copyright to the images they submit, and the club will show the shortlisted "
    "photographs in the library foyer in September.\n\n"
    "Read more:\n"
    "Wrenbury pub named among best in county by real ale group\n"
    "Plans for 140 homes off Marsh Lane go to appeal\n\n"
    "{last}\n\n"
    "Comments: Our rules"
)


@pytest.mark.parametrize(
    ("last", "end"),
    [
        # the article's last sentence, on its subject (a shop named in it is no ad's call)
        (
            "The overall winner will receive a framed print of their photograph and a voucher from the "
            "camera shop on the High Street, which has sponsored the competition.",
            6,
        ),
        # a summary of the last teaser: it shares the teaser's words
        (
            "The developer of the homes off Marsh Lane says the appeal will be heard by an inspector in "
            "June.",
            2,
        ),
        # an ad's copy: a call to the reader
        ("Shop the new range of cameras and lenses at our partner store on the High Street this weekend.", 2),
        ("Save on your next camera order at our partner store when you enter the competition this week.", 2),
        (
            "Visit our partner store on the High Street, where you can save on cameras for the competition.",
            2,
        ),
        # on the first teaser's subject (related teasers share the article's too)
        (
            "The competition's photographers can enter pictures of the county's best pubs, as chosen "
            "by the real ale group.",
            2,
        ),
        # an author's blurb under the box
        (
            "Sam Okafor lives in the town and has followed the camera club and its competition every "
            "year since 2021.",
            2,
        ),
        # too short for the article's closing line
        ("Entrants must send the club their photographs of the town by May.", 2),
    ],
)
def test_a_last_sentence_under_two_teaser_headlines_is_the_articles_on_its_subject(
    last: str, end: int
) -> None:
    lines = lines_of(CAMERA_CLUB.format(last=last))
    assert _under_read_also(lines, 2, len(lines) - 1) == end
