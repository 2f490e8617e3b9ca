"""The headline and the author (``pipeline/boilerplate/title.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.boilerplate import detect
from pipeline.boilerplate.title import _byline_line, _menu_row, _org_name, _section_row, _stop_in_name
from pipeline.config import BoilerplateConfig
from tests.boilerplate_lines import PACK, document_of, lines_of


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


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Tech Scienza Economia Cultura Gadget Lifestyle", True),
        ("Economia Finanza Mercati Risparmio Norme e Tributi Commenti", True),  # a short word in lower case
        ("Nieuws Opinie Sport Cultuur & Media Wetenschap", True),
        ("Stocks Rally As Fed Signals Cuts", False),  # a capitalised stop word: a Title Case headline
        ("Stocks rally as Fed signals cuts today", False),
        ("Politik Wirtschaft Kultur", False),  # too short to tell from a name
        ("Politik Wirtschaft Kultur Sport Wissen 2024", False),  # a figure
    ],
)
def test_a_menus_row_on_one_line(line: str, row: bool) -> None:
    assert _menu_row(lines_of(line, rules=False)[0]) is row


def test_a_title_case_headline_is_no_menus_row_when_it_shares_the_articles_words() -> None:
    line, *below = lines_of(
        "Senate Passes Bipartisan Bill to Avert Government Shutdown\n"
        "The Senate passed a bipartisan bill on Friday that keeps the government open until March.",
        rules=False,
    )
    assert _menu_row(line)  # alone, it reads as a row of sections
    assert not _menu_row(line, below)


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Home News Sport What's On Announcements Jobs Public Notices", True),  # an apostrophe, "On"
        ("Episodes About Hosts Newsletter Shop", True),  # four of five sections
        ("Home Recipes Soups Mains Baking About", True),  # three of six, from "Home"
        ("Local Business Owners Host Food Drive For Climate Jobs", False),  # five of nine: a headline
        ("Recipes Soups Mains Baking About Us", False),  # two of six
        ("HOME NEWS SPORT BUSINESS OPINION", False),  # a wire headline's capitals
        ("Home News Sport 24/7 Business Opinion", False),  # a figure
    ],
)
def test_a_row_of_section_names_is_a_menus_row_whatever_its_stop_words(line: str, row: bool) -> None:
    assert _section_row(lines_of(line, rules=False)[0]) is row


def test_a_row_of_section_names_is_a_menu_even_over_the_articles_words() -> None:
    line, *below = lines_of(
        "Home Kenya Africa World Business Sports Lifestyle Arts & Culture\n"
        "Kenya's culture ministry opened the festival of arts and photography in Nairobi on Friday.",
        rules=False,
    )
    assert _menu_row(line, below)


_WRAPPED_NL = (
    "De Kennedytunnel in Antwerpen gaat vanaf maandag 30 juni zes weken\n"
    "lang elke nacht dicht in de richting van Gent. De Werkvennootschap,\n"
    "die de Oosterweelwerken leidt, heeft dat vandaag bekendgemaakt. Het\n"
    "verkeer wordt omgeleid via de Liefkenshoektunnel, die voor die periode\n"
    "gratis wordt."
)


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # the time it was updated over the headline is no list's line of figures over its last item
        (
            "Vlaamse Omroep NWS > Binnenland > Antwerpen\nma 16 jun 2025 18:02\nBijgewerkt: 19:35\n\n"
            "Oosterweelwerken: Kennedytunnel richting Gent wekenlang 's nachts dicht\n\nKoen Janssens",
            "Oosterweelwerken: Kennedytunnel richting Gent wekenlang 's nachts dicht",
        ),
        # a long headline with a figure in a language without stop words, over its author
        (
            "Logg inn\nKjøp abonnement\nNyheter\nBergen\nSport\nKultur\nE-avis\n"
            "Bybanen til Åsane: Prisen har økt med 2,4 milliarder kroner\nSindre Haugland\nJournalist\n"
            "Publisert: 12.03.2025 14:33\nDel",
            "Bybanen til Åsane: Prisen har økt med 2,4 milliarder kroner",
        ),
        # a site's address and its sections between hyphens is a path, no headline
        (
            "nordschau.de - Nachrichten - Schleswig-Holstein - Westküste\nStand: 22.10.2025 19:14 Uhr\n"
            "Sturmflut an der Westküste: Halligen melden Land unter\nOrkanböen und eine schwere Sturmflut "
            "haben am Mittwoch an der Westküste für Überflutungen gesorgt. Auf den Halligen stand das Wasser "
            "bis an die Warften, wie der Landesbetrieb mitteilte. Die Fähren fahren nicht.",
            "Sturmflut an der Westküste: Halligen melden Land unter",
        ),
    ],
)
def test_the_headline_over_the_heads_lines_is_the_title(head: str, title: str) -> None:
    text = head if head.endswith(".") else f"{head}\n\n{_WRAPPED_NL}"
    doc = detect(document_of(text), BoilerplateConfig(), PACK)
    assert doc.title == title


_ARTICLE_EN = (
    "More than 80 residents of two mobile home parks were told to leave their homes before sunrise on "
    "Monday after a weekend of heavy rain pushed the creek over its banks.\n\n"
    "Fire crews began knocking on doors at about 3:30 a.m., according to the battalion chief, who said "
    "water had already reached several homes near the south entrance of the park."
)


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a site's short name over its menu, an alert, a section label, then the headline over its
        # standfirst and author: the headline, not the site's name
        (
            "KMVA 12 News\nNews   Weather   Traffic   Sports   Watch Live\nWEATHER ALERT: Flood Warning in "
            "effect until 6 PM Tuesday\n\nLocal News\n\nCreek overflows in Meridian, forcing evacuations\n\n"
            "Crews went door to door early Monday as the creek rose more than three feet overnight.\n\n"
            "Author: Dana Whitfield\nPublished: 6:12 AM MDT April 15, 2024",
            "Creek overflows in Meridian, forcing evacuations",
        ),
        # a blog's name over its links, the headline over its author's line with the date
        (
            "Tollgate Engineering\nBlog   Careers   Open Source   About\n← All posts\n\n"
            "What we learned moving search off a single giant cluster\n\nNadia Okonjo · March 4, 2024",
            "What we learned moving search off a single giant cluster",
        ),
        # a kicker that reads as a name is passed over, the author's bare name under the standfirst
        (
            "Lakeview Courier\nSubscribe   Sign in\nNew Cycle Routes\nCity gives up 400 parking spaces for "
            "faster bike lanes\nThe council wants six routes by 2030. Shop owners in the old town are "
            "alarmed.\nSandra Kelling",
            "City gives up 400 parking spaces for faster bike lanes",
        ),
        # a short headline right over its subtitle and byline stays the headline
        (
            "Post office closes\n\nVillagers face a six-mile trip for stamps and parcels\n\nBy Jane Doe",
            "Post office closes",
        ),
    ],
)
def test_a_short_first_line_over_a_headline_and_its_bylines_is_the_sites_name(head: str, title: str) -> None:
    doc = detect(document_of(f"{head}\n\n{_ARTICLE_EN}"), BoilerplateConfig(), PACK)
    assert doc.title == title


def test_the_head_starts_under_a_cookie_banner() -> None:
    # the banner's sentence was the page's first prose, so the head's rules (a department's "From:"
    # line, a byline) stopped there and "From: ..." became the title
    text = (
        "Cookies on GOV.UK\nWe use some essential cookies to make this website work. We'd like to set "
        "additional cookies to understand how you use GOV.UK.\nAccept additional cookies   Reject "
        "additional cookies\nSkip to main content\nPress release\n£48 million to protect coastal "
        "communities from erosion\nTwenty-two towns and villages in England will share new funding to "
        "slow the loss of land to the sea.\nFrom: Department for Coastal and Rural Affairs\n"
        "Published 14 March 2024\n" + _ARTICLE_EN
    )
    doc = detect(document_of(text), BoilerplateConfig(), PACK)
    assert doc.title == "£48 million to protect coastal communities from erosion"
    removed = {doc.text[s.start : s.end]: s.rule for s in doc.removed}
    assert removed["From: Department for Coastal and Rural Affairs"] == "byline/en/head-from"
    assert removed["Cookies on GOV.UK"].startswith("cookie_notice/")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a kicker before a colon makes no detail line of a headline with a score in it
        (
            "News › First Team › Match Reports\nREPORT: Harrowby Town 2-1 Dorchester Albion\n"
            "Saturday 24 February 2024\nBy Club Media Team\nShare this article",
            "REPORT: Harrowby Town 2-1 Dorchester Albion",
        ),
        # the post's categories under its byline are stepped over, and a breadcrumb over a long
        # headline is no headline over its standfirst
        (
            "Clearwell Aid\nOur work   Where we work   Stories   Get involved   Shop\nDonate\n"
            'Blog › Stories from the field\n\n"Now the girls stay in school": how one water committee '
            "changed a village\n\nPosted by Grace Mwangi on 8 February 2024\nCategory: Clean water, Kenya",
            '"Now the girls stay in school": how one water committee changed a village',
        ),
    ],
)
def test_head_lines_that_hid_the_headline(head: str, title: str) -> None:
    doc = detect(document_of(f"{head}\n\n{_ARTICLE_EN}"), BoilerplateConfig(), PACK)
    assert doc.title == title


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # a detail's short value after a kicker's label is no headline ("Review: 4/5" over the film's)
        ("28_first_review_score.txt", "Oppenheimer's long shadow: a second look at Nolan's epic"),
        # ">" in a headline is a comparison, no breadcrumb's step
        ("18_fr_gt.txt", "Prix du lait > coût de production : les éleveurs en colère"),
    ],
)
def test_what_the_review_of_the_kicker_and_breadcrumb_steps_found(name: str, title: str) -> None:
    text = (Path(__file__).parent / "data" / "boilerplate" / "review35b" / name).read_text(encoding="utf-8")
    doc = detect(document_of(text), BoilerplateConfig(), PACK)
    assert doc.title == title


def test_a_reviews_rating_over_the_text_is_no_headline() -> None:
    # a review's rating right above its text, no label over it: the search steps over it to the headline
    body = (
        "The Kestrel e-Bike is the best folding bike we have tested this year. It is light, quick to "
        "fold and the battery lasted for almost sixty miles on our commuting loop, more than its rivals.\n\n"
        "The ride is firm on rough roads, and the gears are basic, but for a train-and-bike commute it is "
        "hard to fault, and the price has come down since its launch last spring.\n"
    )
    text = (
        "Kestrel folding e-bike review: light, quick and good for sixty miles\n"
        "By Jo Marsh\nPublished: 3 October 2025\n4 out of 5 stars\n\n" + body
    )
    doc = detect(document_of(text), BoilerplateConfig(), PACK)
    assert doc.title == "Kestrel folding e-bike review: light, quick and good for sixty miles"


def test_a_jump_list_on_one_line_over_the_article_is_stepped_over() -> None:
    # "In this article: ..." right above the article, its items on one line: no end of the search for the
    # headline
    lines = [
        "Clearwell Health",
        "Conditions   Nutrition   Fitness   Sleep",
        "Nutrition",
        "",
        "Can You Drink Too Much Water? What to Know About Hyponatremia",
        "Written by Corin Walsh",
        "Updated on May 2, 2024",
        "In this article: What it is · How much is too much · Symptoms · When to get help",
        "",
        "Most advice about water is about getting enough of it. But it is possible to drink more than your "
        "body can handle, and when that happens the sodium in your blood becomes diluted.",
        "",
        "What is hyponatremia?",
        "",
        "Sodium is an electrolyte that helps control how much water is in and around your cells. A normal "
        "blood sodium level is between 135 and 145 milliequivalents per liter.",
    ]
    title = detect(document_of("\n".join(lines) + "\n"), BoilerplateConfig(), PACK).title
    assert title == "Can You Drink Too Much Water? What to Know About Hyponatremia"
