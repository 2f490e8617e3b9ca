"""Block features: the joined-block fast path and the lazily computed price/date flags."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.boilerplate.features import (
    BlockFeatures,
    block_features,
    block_words,
    features_of,
    guess_language,
    guess_language_of,
    joined_features,
    markdown_plain,
    normalise,
)

# pieces that exercise every feature and every boundary case of the fast path: stop words, capitals,
# digits, prices and dates that a join may complete, links, bullets, pipes, closers, non-ASCII text
_PIECES = [
    "the",
    "The",
    "said",
    "Minister",
    "talks",
    "U.S.",
    "e.g.",
    "Israel's",
    "well-known",
    "on",
    "der",  # other languages' stop words: a long line of them is measured in its own language
    "und",
    "die",
    "et",
    "la",
    "$",
    "5",
    "12.50",
    "USD",
    "eur",
    "Jan",
    "May",
    "12,",
    "2024",
    "12.05.2024",
    "2024-05-12",
    "Mai",
    "https://x.org/a",
    "www.x.de",
    "a@b.com",
    "@handle",
    "#tag",
    "@",
    "#",
    "-",
    "•",
    "1.",
    "2)",
    "|",
    "| a |",
    '"',
    ")",
    ".",
    "!",
    "?",
    "…",
    ",",
    ";",
    "’",
    "“Quote”",
    "ﬁne",
    "Straße",
    "\t",
    "  ",
]
_ASCII = [p for p in _PIECES if p.isascii()]
_line = (
    st.one_of(  # mostly ASCII lines (the fast path), some with any piece (the fallback)
        st.lists(st.sampled_from(_ASCII), min_size=1, max_size=12),
        st.lists(st.sampled_from(_ASCII), min_size=1, max_size=12),
        st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12),
    )
    .map(" ".join)
    .filter(str.strip)
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(_line, min_size=2, max_size=5), st.sampled_from(["en", "de", "fr"]), st.sampled_from([0.18, 0.0])
)
@example(["$", "5 a month"], "en", 0.18)
@example(["Updated May", "12, 2024"], "en", 0.18)
@example(["| a b c", "d |"], "en", 0.18)
@example(["-", "item"], "en", 0.18)
@example(["der Hund und die Katze und der", "Vogel und die Maus sind im Haus."], "en", 0.18)
@example(["der Hund und die Katze und der", "Vogel und die Maus sind im Haus."], "de", 0.0)
def test_joined_features_equal_the_joined_texts_features(raws: list[str], lang: str, min_stop: float) -> None:
    parts = [block_features(r, lang, min_stop) for r in raws]
    joined = block_features(" ".join(raws), lang, min_stop)
    got = joined_features(parts, raws, lang, min_stop)
    assert got == joined
    assert (got.price, got.date) == (joined.price, joined.date)


def test_joined_features_of_wrapped_newswire_lines() -> None:
    raws = [
        "The central bank raised its key rate by 25 basis points on",
        "Thursday, the third rise this year.",
    ]
    g = joined_features([block_features(r, "en") for r in raws], raws, "en")
    assert g.words == 18 and g.terminal and g.prose
    assert g.text == " ".join(raws)


def test_a_join_can_complete_a_price_or_a_date() -> None:
    raws = ["Subscribe now for only $", "5 a month"]
    parts = [block_features(r, "en") for r in raws]
    assert not any(p.price for p in parts)
    assert joined_features(parts, raws, "en").price
    raws = ["Published on May", "12, 2024"]
    parts = [block_features(r, "en") for r in raws]
    assert not any(p.date for p in parts)
    assert joined_features(parts, raws, "en").date


def test_counts_behind_the_ratios() -> None:
    f = block_features("The Minister visited Paris and 3 towns, see www.x.org", "en")
    assert (f.words, f.stops, f.content, f.caps, f.links) == (9, 2, 6, 2, 1)
    assert f.stop_ratio == 2 / 9 and f.title_case == 2 / 6 and f.link_ratio == 1 / 9
    assert isinstance(f, BlockFeatures)


def test_chinese_running_text_counts_about_one_word_per_two_characters() -> None:
    para = "在一个智慧农业园区里，温度、湿度和光照都由系统自动调控，农户通过手机就能查看作物的生长情况。"
    f = block_features(para, "en", 0.0)
    assert f.terminal and f.words >= 20 and f.prose
    # headlines and menu items (no full stop, no comma) stay short: not prose, still headline-sized
    head = block_features("“数字”赋能农业", "en", 0.0)
    assert head.words <= 2 and not head.prose
    teaser = block_features("2、习近平向克罗地亚新任总统米拉诺维..", "en", 0.0)
    assert teaser.words <= 3 and not teaser.prose


def test_a_long_word_run_is_searched_for_links_once() -> None:
    from pipeline.boilerplate.features import _LINKISH

    # before: the e-mail branch began again at every letter of the run (quadratic: 17 s a line)
    text = "Write to @editor " + "a" * 200_000
    assert _LINKISH.findall(text) == ["@editor"]
    assert _LINKISH.findall("mail news.desk+tips@example.co.uk or #tips") == [
        "news.desk+tips@example.co.uk",
        "#tips",
    ]


def test_the_language_guess_reads_the_words_the_features_count() -> None:
    texts = ["Der Hund und die Katze", "- und der", "It’s what it is, isn’t it?"]
    words = [block_words(t) for t in texts]
    assert guess_language_of(w.lowered for w in words) == guess_language(texts) == ("de", 5 / 13)
    # a numbered or bulleted line's marker is no word; a curly apostrophe reads as a straight one
    assert block_words("2. The end").words == ["The", "end"]
    assert block_words("isn’t").lowered == ["isn't"]
    assert guess_language([]) == ("en", 0.0) == guess_language(["12 34"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["en", "de", "xx"]))
def test_features_of_the_block_words_are_the_block_features(parts: list[str], lang: str) -> None:
    raw = " ".join(parts)
    assert features_of(block_words(raw), lang, 0.0) == block_features(raw, lang, 0.0)


@pytest.mark.parametrize(
    "text",
    ["15 ottobre 2024", "12 de noviembre de 2022", "7 février 2023", "3 października 2021", "27 abril 2022",
     "5 DÉC. 2019", "May 12, 2024"],
)  # fmt: skip
def test_dates_in_romance_and_polish_month_names_are_dates(text: str) -> None:
    """Before, only English and German month names made a date: "15 ottobre 2024" under an Italian
    byline was taken for the headline."""
    assert block_features(text, "it").date


@pytest.mark.parametrize("text", ["Ottobre rosso", "15 ottobre", "Dicembre 2024 in Borsa", "Mars 2020 Rover"])
def test_month_names_without_day_and_year_are_no_dates(text: str) -> None:
    assert not block_features(text, "it").date


@pytest.mark.parametrize(
    ("line", "text", "bullet"),
    [
        ("4. Mai 2024", "4. Mai 2024", False),  # a date's day, no list's number: the date rules see it
        ("12. März 2024, 10:15 Uhr", "12. März 2024, 10:15 Uhr", False),
        ("3. Punkt eins", "Punkt eins", True),
        ("1. Mai: Demonstrationen in Berlin", "Mai: Demonstrationen in Berlin", True),  # no figure after it
        ("13. Mainz 35", "Mainz 35", True),  # a table's row: a place, a word that starts like a month
    ],
)
def test_a_days_number_before_its_month_is_no_bullet(line: str, text: str, bullet: bool) -> None:
    assert normalise(line)[:2] == (text, bullet)


_GERMAN = (
    "Wenn man Iris van Herpen, die diesmal leider keine Präsentation zur Pariser Couture Woche gab, als die "
    "Prinzessin der Avantgarde-Mode sehen möchte, dann ist ihr Gegenpart wohl Serkan Cura."
)


def test_a_long_line_in_another_language_is_measured_by_its_own_stop_words() -> None:
    # a German post on a page whose words are mostly English (an archive's banner): prose
    f = block_features(_GERMAN, "en", 0.18)
    assert f.prose and f.stop_ratio >= 0.3
    assert f.stops == 0  # the page language's count stays what it is
    # on a page too short of stop words to be measured by them (menus), German prose is no longer
    # judged by its capitals (its nouns): it has its language's stop words
    assert block_features(_GERMAN, "de", 0.0).prose
    # short lines (menu items, headlines) are not measured again
    assert not block_features("Die Prinzessin der Mode und die Kunst", "en", 0.18).prose


def test_a_language_without_a_list_is_not_read_as_one_that_has_one() -> None:
    # Finnish shares "on" with English: not enough for its own measure
    line = (
        "Jazzorkesteri soittaa ison lavan järven rannalla, ja sisäänpääsy on kaikille ilmainen tänä kesänä."
    )
    assert not block_features(line, "en", 0.18).prose


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("da", "Jazzorkestret spiller på den store scene ved søen, og der er gratis adgang for alle."),
        # (short, so measured by the page's language alone: Danish's own "havde", "meget", "efter")
        ("da", "Hun havde meget travlt efter mødet, men kom hjem til tiden."),
        (
            "ro",
            "Administrația Națională de Meteorologie a anunțat că instabilitatea atmosferică se va menține.",
        ),
        ("cs", "Dubnové mrazy poškodily na jižní Moravě podle odhadů vinařů až dvě třetiny vinic."),
    ],
)
def test_a_language_with_its_own_list_reads_as_prose(lang: str, line: str) -> None:
    # Danish, Romanian, Czech prose measured by their own function words (before, Romanian and Czech
    # paragraphs were measured by Spanish's or Polish's list, and were no prose)
    assert block_features(line, lang, 0.18).prose


@pytest.mark.parametrize(
    "text",
    [
        # Polish news prose is short of function words (an inflected language): measured by a list that
        # holds its frequent ones ("między", "według", "będą"), it reads as prose
        "Na miejscu pracują służby techniczne MPK oraz policja. Tramwaje linii 2, 4, 14, 24 i 52 kursują "
        "objazdami, a między Dworcem Głównym a placem Inwalidów uruchomiono autobusy zastępcze.",
        "Według danych Ogólnopolskiego Związku Pracodawców Szpitali Powiatowych łączne zadłużenie placówek "
        "wzrosło w ciągu roku o 18 proc. i przekroczyło 4 mld zł.",
        "Tramwaje nie będą kursować przez most Poniatowskiego. Autobusy linii 111, 117, 127 i 507 pojadą "
        "objazdami przez most Łazienkowski.",
    ],
)
def test_polish_news_prose_is_prose(text: str) -> None:
    assert block_features(text, "pl").prose


# -- Markdown (a page a scraper turned into Markdown) ------------------------------------------------


def test_markdown_links_read_as_their_text_and_count_as_links() -> None:
    nav = block_features("[Region](https://x.de/r) [Politik](https://x.de/p) [Sport](https://x.de/s)", "de")
    assert nav.text == "Region Politik Sport"
    assert nav.link_ratio == 1.0 and not nav.prose
    para = (
        "Die Stadtwerke wollen die Anlage im Herbst bauen, wie der [Stadtrat](https://x.de/rat) am Dienstag "
        "mitteilte, und sie soll rund viertausend Haushalte mit Wärme versorgen."
    )
    f = block_features(para, "de")
    assert f.prose and "](" not in f.text and f.link_ratio < 0.15


def test_markdown_marks_are_unwrapped_but_images_only_lines_stay_for_their_rule() -> None:
    assert markdown_plain("### Mehr zum Thema") == ("Mehr zum Thema", 0)
    assert markdown_plain("**Lesen Sie auch:** Text") == ("Lesen Sie auch: Text", 0)
    image = "![Die Baustelle am Pumpwerk.](https://x.de/img/a.jpg)"
    assert markdown_plain(image) == (image, 1)
    assert markdown_plain("Text ![](https://x.de/a.gif) more") == ("Text  more", 0)
    # not Markdown: a citation's brackets, a hashtag, a lone asterisk pair across words
    for plain in ("Prices rose [2] (see below).", "#MeToo trends again", "5 ** 2 is 25"):
        assert markdown_plain(plain) == (plain, 0)
