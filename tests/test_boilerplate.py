"""Golden cases (tests/data/boilerplate/golden.json) and rule-pack loading for pipeline.boilerplate."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.boilerplate import RulePack, detect, load_rules, shipped_languages
from pipeline.boilerplate.classify import _under_headline
from pipeline.config import BoilerplateConfig, RepairConfig
from pipeline.document import Category, Document, Span
from pipeline.errors import ConfigError
from pipeline.repair import repair
from pipeline.segment import segment

DATA = Path(__file__).parent / "data" / "boilerplate"
GOLDEN = json.loads((DATA / "golden.json").read_text(encoding="utf-8"))
PACK = load_rules()


def _run(text: str, cfg: BoilerplateConfig | None = None, pack: RulePack = PACK, **kw: Any) -> Document:
    """Repair, segment and detect, as the pipeline does (repair unwraps ``| cell |`` table rows)."""
    kw.setdefault("format", "text")
    doc = segment(repair(Document(id="t", source="t", text=text, **kw), RepairConfig()))
    return detect(doc, cfg or BoilerplateConfig(), pack)


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _span_of(doc: Document, needle: str) -> tuple[int, int]:
    if needle.startswith("|") and needle.endswith("|") and len(needle) > 1:  # repair unwrapped the row
        needle = " | ".join(c.strip() for c in needle.strip("|").split("|") if c.strip())
    i = doc.text.find(needle)
    assert i >= 0, f"test text lacks {needle!r}"
    return i, i + len(needle)


def _covering(doc: Document, needle: str) -> Span | None:
    s, e = _span_of(doc, needle)
    return next((sp for sp in doc.removed if sp.start <= s and e <= sp.end), None)


def _overlapping(doc: Document, needle: str) -> list[Span]:
    s, e = _span_of(doc, needle)
    return [sp for sp in doc.removed if sp.start < e and s < sp.end]


CASES = [pytest.param(c, id=c["name"]) for c in GOLDEN["cases"] + GOLDEN["negative"]]


@pytest.mark.parametrize("case", CASES)
def test_golden(case: dict[str, Any]) -> None:
    doc = _run(case["text"], **({"format": "html", "is_html": True} if case.get("html") else {}))
    for item in case["remove"]:
        span = _covering(doc, item["text"])
        assert span is not None, f"not removed: {item['text']!r}"
        assert span.category == Category(item["category"]), (item, span)
    for text in case["keep"]:
        assert not _overlapping(doc, text), f"removed but must stay: {text!r}: {_overlapping(doc, text)}"
    if "title" in case:
        assert doc.title == case["title"]
    if "author" in case:
        assert doc.author == case["author"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["name"]) for c in GOLDEN["negative"]])
def test_negative_cases_remove_nothing_but_the_title(case: dict[str, Any]) -> None:
    doc = _run(case["text"], **({"format": "html", "is_html": True} if case.get("html") else {}))
    assert [s for s in doc.removed if s.category != Category.TITLE] == []


def test_spans_are_whole_blocks_with_category_rule_and_score() -> None:
    for case in GOLDEN["cases"]:
        doc = _run(case["text"])
        edges = {(b.start, b.end) for b in doc.blocks}
        for span in doc.removed:
            assert (span.start, span.end) in edges
            assert isinstance(span.category, Category)
            assert span.rule.startswith(span.category.value + "/")
            assert 0.0 < span.score <= 1.0


def test_title_span_matches_the_title_field() -> None:
    doc = _run(GOLDEN["cases"][0]["text"])
    spans = [s for s in doc.removed if s.category == Category.TITLE]
    assert [doc.text[s.start : s.end] for s in spans] == [doc.title]
    assert spans[0].rule == "title/first-line"


def test_existing_title_and_author_are_not_overwritten() -> None:
    text = GOLDEN["cases"][1]["text"]
    doc = _run(text, title="Wage Rise Falls Short", author="Someone Else")
    assert doc.author == "Someone Else"
    assert doc.title == "Wage Rise Falls Short"
    assert any(s.category == Category.TITLE for s in doc.removed)  # the headline line matches the title


def test_deterministic() -> None:
    text = GOLDEN["cases"][1]["text"]
    assert _run(text).removed == _run(text).removed


def test_disabled_stage_and_empty_text_change_nothing() -> None:
    text = GOLDEN["cases"][0]["text"]
    assert _run(text, BoilerplateConfig(enabled=False)).removed == ()
    assert _run("").removed == ()


def test_threshold_is_the_single_decision_knob() -> None:
    text = GOLDEN["cases"][0]["text"]
    assert len(_run(text, BoilerplateConfig(threshold=0.5)).removed) > 0
    assert [s for s in _run(text, BoilerplateConfig(threshold=1.5)).removed if s.category != "title"] == []


def test_works_without_segmented_blocks() -> None:
    text = GOLDEN["cases"][0]["text"]
    doc = Document(id="t", source="t", format="text", text=text)
    assert detect(doc, BoilerplateConfig(), PACK).removed == _run(text).removed


# -- rule packs ---------------------------------------------------------------------------------


def test_shipped_packs_cover_four_languages_and_ids_are_well_formed() -> None:
    assert {"en", "de", "fr", "es", "xx"} <= set(shipped_languages())
    ids = [r.id for r in PACK.rules]
    assert len(ids) == len(set(ids))
    for rule in PACK.rules:
        cat, lang, name = rule.id.split("/")
        assert cat == rule.category.value and lang in shipped_languages() and name
    for lang in ("en", "de", "fr", "es"):
        cats = {r.category for r in PACK.rules if r.id.split("/")[1] == lang}
        assert {Category.COMMENT_FORM, Category.SHARE_WIDGET, Category.NEWSLETTER, Category.PAYWALL} <= cats


def test_load_rules_by_language() -> None:
    de = load_rules(lang="de")
    assert {r.id.split("/")[1] for r in de.rules} == {"de", "xx"}


USER_TOML = """
disable = ["share_widget/en/share-this"]

[[rule]]
id = "advertisement/en/house-ad"
category = "advertisement"
pattern = "^try our crossword app$"

[site."example.com"]
disable = ["comment_form/en/leave-a-reply"]

[[site."example.com".rule]]
id = "site_template/en/example-footer"
category = "site_template"
pattern = "^example news, your daily paper$"
"""

USER_YAML = """
disable: [navigation/en/skip-to]
rule:
  - id: other/en/promo
    category: other
    pattern: "^win a car today$"
    max_words: 6
site:
  example.org:
    disable: [reading_time/en/min-read]
"""


def _article(extra_tail: str) -> str:
    return str(GOLDEN["negative"][1]["text"]) + "\n\n" + extra_tail


def test_user_pack_toml_adds_and_disables_rules_globally_and_per_site(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text(USER_TOML, encoding="utf-8")
    pack = load_rules([str(f)])
    text = _article(
        "Try our crossword app\n\nShare this article\n\nExample News, your daily paper\n\nLeave a Reply"
    )
    plain = _run(text, pack=pack)
    assert _covering(plain, "Try our crossword app").rule == "advertisement/en/house-ad"  # type: ignore[union-attr]
    share = _covering(plain, "Share this article")
    assert share is None or share.rule != "share_widget/en/share-this"
    assert _covering(plain, "Leave a Reply").rule == "comment_form/en/leave-a-reply"  # type: ignore[union-attr]
    site = _run(text, pack=pack, url="https://www.example.com/a/1")
    assert _covering(site, "Example News, your daily paper").rule == "site_template/en/example-footer"  # type: ignore[union-attr]
    reply = _covering(site, "Leave a Reply")
    assert reply is None or reply.rule != "comment_form/en/leave-a-reply"
    footer = _covering(plain, "Example News, your daily paper")
    assert footer is None or footer.rule != "site_template/en/example-footer"


def test_user_pack_yaml(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(USER_YAML, encoding="utf-8")
    pack = load_rules([str(f)])
    assert "navigation/en/skip-to" not in {r.id for r in pack.rules_for(None)}
    assert "reading_time/en/min-read" not in {r.id for r in pack.rules_for("news.example.org")}
    assert "reading_time/en/min-read" in {r.id for r in pack.rules_for("example.com")}
    doc = _run(_article("Win a car today"), pack=pack)
    assert _covering(doc, "Win a car today").rule == "other/en/promo"  # type: ignore[union-attr]


def test_user_rule_with_a_shipped_id_replaces_it(tmp_path: Path) -> None:
    f = tmp_path / "override.toml"
    f.write_text(
        '[[rule]]\nid = "navigation/en/skip-to"\ncategory = "navigation"\npattern = "^jump to story$"\n',
        encoding="utf-8",
    )
    pack = load_rules([str(f)])
    assert [r.pattern for r in pack.rules if r.id == "navigation/en/skip-to"] == ["^jump to story$"]


_RULE_X = '[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "x"\n'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[rule]]\nid = "bad id"\ncategory = "other"\npattern = "x"\n', "<category>/<lang>/<name>"),
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "("\n', "bad regex"),
        ('[[rule]]\nid = "other/en/x"\ncategory = "nope"\npattern = "x"\n', "unknown category"),
        (
            '[[rule]]\nid = "paywall/en/x"\ncategory = "other"\npattern = "x"\n',
            "must start with its category",
        ),
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "x"\nzone = "middle"\n', "zone"),
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "x"\ncolour = 1\n', "unknown key"),
        ("rules = []\n", "unknown key"),
        ("[[rule\n", "not valid TOML"),
        # before: OverflowError tracebacks (a repeat count re cannot hold, a float int() cannot take)
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "a{99999999999}"\n', "bad regex"),
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "x"\nmax_words = 1e400\n', "x"),
        # before: taken, and then every block of every document matched it
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = " "\n', "empty pattern"),
        ('[[rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "x"\nweight = nan\n', "weight"),
        # before: a bad regex's message named the rule but not the file
        (_RULE_X.replace('"x"', '"^(x$"'), "bad.toml: rule other/en/x: bad regex"),
        # before: bool("false") and bool("no") are true; int(12.9) is 12; all silently
        (_RULE_X + 'case_sensitive = "false"\n', "true or false"),
        (_RULE_X + 'tail_marker = "no"\n', "true or false"),
        (_RULE_X + "max_words = 12.9\n", "whole number"),
        (_RULE_X + "min_words = -1\n", "whole number"),
        # before: the second rule silently replaced the first
        (_RULE_X * 2, "other/en/x is defined twice"),
        (
            _RULE_X + '[[site."a.com".rule]]\nid = "other/en/x"\ncategory = "other"\npattern = "y"\n',
            "defined twice",
        ),
        # before: a misspelt id disabled nothing, silently
        ('disable = ["navigation/en/menu-wrods"]\n', "did you mean 'navigation/en/menu-words'"),
        ('[site."example.com"]\ndisable = ["no/such/rule"]\n', "'disable' names no rule: no/such/rule"),
    ],
)
def test_bad_user_packs_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_rules([str(f)])


def test_missing_user_pack_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_rules([str(tmp_path / "nope.toml")])


def test_user_pack_that_is_a_folder_or_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    # before: an OS error (exit 1) for a folder, a UnicodeDecodeError traceback for latin-1 bytes
    with pytest.raises(ConfigError, match="is a folder"):
        load_rules([str(tmp_path)])
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"# r\xe8gles\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_rules([str(latin)])


def test_max_words_protects_prose() -> None:
    sentence = (
        "Share this article with anyone who doubts that the minister had been warned about the risks "
        "long before the decision was taken."
    )
    doc = _run(GOLDEN["negative"][1]["text"] + "\n\n" + sentence + "\n\n" + GOLDEN["negative"][1]["text"])
    assert not _overlapping(doc, sentence)


# -- properties ---------------------------------------------------------------------------------

_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "Share this article",
                "Leave a Reply",
                "Home",
                "By Jane Doe",
                "Photo: Reuters",
                "$9.99 / month",
                "| a | b |",
                "• item",
                GOLDEN["negative"][1]["keep"][0],
            ]
        ),
        st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(_LINES)
def test_spans_are_sorted_disjoint_whole_blocks_for_any_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = _run(text)
    edges = {(b.start, b.end) for b in doc.blocks}
    last = -1
    for span in doc.removed:
        assert (span.start, span.end) in edges
        assert span.start >= last
        last = span.end
    assert _run(text).removed == doc.removed


def test_rule_prefilter_changes_no_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    """The literal/prefix prefilter of rules is only a speed-up: same spans when every rule runs."""
    import pipeline.boilerplate.plan as plan
    from pipeline.boilerplate.prefilter import Requirement

    texts = [c["text"] for c in GOLDEN["cases"] + GOLDEN["negative"]]
    with_prefilter = [_run(t).removed for t in texts]
    monkeypatch.setattr(plan, "requirement", lambda pattern, case_sensitive: Requirement(None, None))
    pack = load_rules()  # a fresh pack: plans are memoised per pack
    assert [_run(t, pack=pack).removed for t in texts] == with_prefilter


_PLAIN_FORMS = {  # the shipped patterns as first written: the same lines, but searched in
    # exponential time on a long line of separated items (5 s for 11 items, minutes for 13)
    "navigation/xx/pipes-menu": r"^([^|·•»›]{1,30}\s*[|·•»›]\s*){3,}[^|·•»›]{0,30}$",
    "legal/en/copyright": r"^(privacy policy|terms (of use|of service|and conditions|& conditions)"
    r"|cookie policy|terms)( ?[|·] ?.{0,40})*$",
}


@pytest.mark.parametrize("rule_id", sorted(_PLAIN_FORMS))
def test_possessive_rules_match_the_lines_their_plain_forms_match(rule_id: str) -> None:
    import random

    (rule,) = [r for r in PACK.rules if r.id == rule_id]
    ours, plain = re.compile(rule.pattern, re.I), re.compile(_PLAIN_FORMS[rule_id], re.I)
    rng = random.Random(7)
    parts = ["a", "Home", " ", " ", "|", "·", "»", "News", "x" * 10, "y" * 25, "z" * 29, "q" * 30, "Terms"]
    for _ in range(20_000):
        line = " ".join("".join(rng.choice(parts) for _ in range(rng.randint(1, 24))).split())
        for text in (line, "Terms" + line, "privacy policy " + line):
            assert bool(ours.search(text)) == bool(plain.search(text)), text


def test_a_long_menu_or_footer_line_is_read_once() -> None:
    # 40 items before a last one too long for either rule: the plain forms would not finish
    (menu_rule,) = [r for r in PACK.rules if r.id == "navigation/xx/pipes-menu"]
    (legal,) = [r for r in PACK.rules if r.id == "legal/en/copyright"]
    menu = " | ".join(["Home", "News", "Sport", "Weather"] * 10) + " | " + "Contact us and tell us " * 3
    footer = " | ".join(["Privacy Policy", "Terms of Use", "Cookies"] * 14) + " | " + "x" * 41
    assert re.search(menu_rule.pattern, menu, re.I) is None
    assert re.search(legal.pattern, footer, re.I) is None
    assert re.search(menu_rule.pattern, menu.rsplit(" | ", 1)[0], re.I)  # without the long last item
    assert re.search(legal.pattern, footer.rsplit(" | ", 1)[0], re.I)


_RULE_LINES = [
    # a head's time stamp needs a clock time: a results line's date ("19.05.2007") and a race time
    # ("2:28,29") are none
    (
        "other/xx/timestamp",
        [
            "Publicerad 12 mars 2024 kl 07.15",
            "14. maj 2024 kl. 06:00",
            "09:47 14.06.2024",
            "2024. március 14. 08:12",
        ],
        ["100 m Schi A W14 19.05.2007", "1. Ulmer, Katja 1993 LSG Aalen 2:28,29 min."],
    ),
    # a correction prompt needs the prompt: alone, the question may head a paragraph of the article
    (
        "cookie_notice/nl/cookies",
        [
            "Wij en onze partners gebruiken cookies en vergelijkbare technieken om je een betere ervaring "
            "te geven.",
            "Wij en onze 312 partners slaan informatie op een apparaat op en verwerken persoonsgegevens.",
            "Deze video kan niet worden afgespeeld omdat je geen cookies hebt geaccepteerd.",
            "Cookies accepteren",
        ],
        [
            "Onze partners gebruiken cookies, zegt de toezichthouder.",
            "Wij en onze partners gaan samenwerken.",
        ],
    ),
    ("cookie_notice/nl/knoppen", ["Akkoord", "Instellingen aanpassen"], ["Akkoord bereikt"]),
    (
        "cookie_notice/pl/rodo",
        [
            "Szanowny Użytkowniku! Zanim zaakceptujesz pliki cookies lub zamkniesz to okno, prosimy Cię o "
            "zapoznanie się z poniższymi informacjami.",
            "Administratorem Twoich danych osobowych jest Echo Zalesia Media sp. z o.o.",
            "Zgodę możesz w każdej chwili wycofać w ustawieniach prywatności.",
        ],
        [
            "Administratorem danych jest urząd miasta, przypomina UODO.",
            "Szanowny Użytkowniku, dziękujemy za list.",
        ],
    ),
    (
        "cookie_notice/it/cookie",
        [
            "Puoi prestare, rifiutare o revocare il tuo consenso in qualsiasi momento accedendo al pannello.",
            "Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità tecniche.",
        ],
        [
            "Puoi rifiutare l'offerta entro trenta giorni.",
            "Noi e i nostri partner abbiamo firmato l'accordo.",
        ],
    ),
    (
        "cookie_notice/es/cookies",
        [
            "Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, tales como "
            "identificadores únicos, y tratamos datos personales.",
        ],
        ["Nosotros y nuestros socios hemos firmado un acuerdo."],
    ),
    ("other/xx/date-only", ["14 mrt. 2025, 08:14", "17:49", "Posted: 12.05.2024"], ["21.51", "14:05 GMT"]),
    (
        "other/xx/place-date",
        ["Bologna, 16 giugno 2024", "New York, March 3, 2024", "Paris, 16 juin 2024"],
        ["Donnerstag, 03. Februar 2022", "The council, 16 June 2024"],  # a schedule's day; a sentence
    ),
    ("other/xx/entry-time", ["21.51 GMT", "14:05 GMT", "9.05am"], ["21.51", "At 21.51 GMT the ship sank"]),
    (
        "navigation/en/back-to",
        ["Table of contents", "Jump to recipe"],
        ["Contents", "Contents of the report"],
    ),
    ("navigation/en/contents", ["Contents", "Contents:"], ["Contents of the report"]),
    (
        "paywall/en/meter",
        ["You have read 2 of your 3 free articles this month.", "You've read 3 of 5 free articles"],
        ["You have read 3 of his 5 books"],
    ),
    (
        "paywall/en/full-story",
        [
            "Register to continue reading",
            "This article is available to registered users. Registration is free and takes a minute.",
        ],
        ["Register to vote before Friday", "This article is available in Spanish."],
    ),
    (
        "author_bio/en/write-to",
        ["This article appeared in print under the headline “Life at the bottom of the world”"],
        ["This article appeared in print in 1998."],
    ),
    (
        "other/en/press-release",
        ["Media contact:", "Press enquiries", "Media contacts for Hearthline"],
        ["About Hearthline", "Media coverage"],  # (an organisation's "About": _about_org)
    ),
    ("other/en/press-release-end", ["ENDS", "-ends-", "###"], ["Ends and means"]),
    (
        "caption/en/figure",
        ["Figure 1: Lake Tiernan lies beneath 2.1 km of ice.", "Fig. 3. Cells under a microscope"],
        ["Figure 1 shows the lake."],
    ),
    (
        "caption/en/by-author",
        ["Storage growth on our primary cluster, July 2024 to January 2025. Image by author."],
        ["He sent an image by me."],
    ),
    (
        "caption/xx/name-slash-agency",
        ["John Smith/Getty Images", "Jason Cipriani/ZDNet"],
        # (an institution's credit only under its caption: _adjacent_captions)
        [
            "Rajeev Ram/Joe Salisbury",
            "New York/New Jersey",
            "Senior Editor/Producer",
            "Ruth Okonjo/University of Leeds",
        ],
    ),
    (
        "other/en/ai-note",
        ["Disclosure: This article was edited with the assistance of AI tools and reviewed by our editors."],
        ["This article was edited by Jane Doe with the assistance of her team."],
    ),
    (
        "newsletter/en/sign-up",
        ["Sign up for Markets Daily, our newsletter explaining what happened today in crypto markets."],
        ["Sign up for Markets Daily, he said."],
    ),
    (
        "caption/fr/photo-fin",
        [
            "Lucie Ferrand au départ du refuge, en juillet dernier. Photo Le Courrier/Julien Morel",
            "Sur la place. Photo DR",
        ],
        ["Il a pris une Photo DR"],
    ),
    (
        "byline/fr/propos-recueillis",
        ["Propos recueillis par Hélène Garnier"],
        ["Propos recueillis par la police"],
    ),
    (
        "other/fr/publie-mis-a-jour",
        ["Le 14/03/2025 à 06:00 | Mis à jour le 14/03/2025 à 08:15"],
        ["Le 14/03/2025 à 06:00, le maire a parlé."],
    ),
    (
        "paywall/fr/compteur",
        ["Vous avez aimé cet article ? Profitez de l'offre numérique à 1€ le premier mois."],
        ["Vous avez aimé cet article ? Partagez-le."],
    ),
    (
        "paywall/it/abbonati",
        ["Abbonati a La Gazzetta di Valmarena: il primo mese a 1 euro, poi 4,99 euro al mese."],
        ["Abbonati a La Gazzetta: il giornale compie cento anni."],
    ),
    (
        "caption/xx/glued-credit",
        [
            "Crews place barricades at the east approach of the bridge on Tuesday afternoon.(KRVQ)",
            "Crews work in the square.(Gray News/File)",
        ],
        ["He scored twice in the tournament. (NM)", "The rate (APR) rose."],
    ),
    (
        "share_widget/en/share-this",
        ["Share on X (formerly Twitter)", "Email This Link", "Post on X"],
        ["Post on X was deleted"],
    ),
    ("other/en/blog-platform-head", ["Member-only story", "Follow", "Published in"], ["Published in 2019"]),
    (
        "advertisement/en/deal-line",
        ["Nothing Phone 3 256GB £799 £749 at Amazon", "Today's best deals"],
        ["It costs £749 at Currys."],
    ),
    (
        "share_widget/en/whatsapp-channel",
        [
            "Join The Highveld Record on WhatsApp for breaking news and the day's top stories.",
            "Follow our channel",
        ],
        ["Join the protest on Saturday"],
    ),
    (
        "legal/en/views-disclaimer",
        [
            "Disclaimer: The views and recommendations made above are those of the analysts, not of X.",
            "Disclosure statement: Thandiwe Mokoena receives funding from the National Water Research Fund.",
        ],
        ["The views of analysts differ."],
    ),
    (
        "caption/en/wire-credit-end",
        ["An icebreaker on the St. Lawrence River in this file photo. THE CANADIAN PRESS/Jacques Boisvert"],
        ["He spoke to The Canadian Press."],
    ),
    (
        "comments/en/reply-says",
        ["Mike_T says:", "Jenny Hollis said:", "oldtimer42 wrote:", "In reply to Sam", "Mr Angry said:"],
        [
            "Transport Secretary Eleanor Marsh said:",  # a press release's quote, by a role and a full name
            "Chief executive Sam Ortiz said:",
            "He said:",
        ],
    ),
    (
        "other/de/fehler-melden",
        [
            "Fehler gefunden? Jetzt melden.",
            "Einen Fehler entdeckt? Melden Sie ihn uns.",
            "Haben Sie einen Fehler gefunden? Hier melden",
        ],
        ["Fehler gefunden?", "Fehler gefunden? Mieter haben zwölf Monate Zeit."],
    ),
]


@pytest.mark.parametrize(("rule_id", "lines", "near_misses"), _RULE_LINES, ids=[r[0] for r in _RULE_LINES])
def test_rule_takes_its_lines_and_not_the_near_misses(
    rule_id: str, lines: list[str], near_misses: list[str]
) -> None:
    rule = next(r for r in PACK.rules if r.id == rule_id)
    # (a rule case-sensitive in part or whole sees the line as written: "Bologna, 16 giugno 2024")
    fold = str if rule.case_sensitive or "(?-i:" in rule.pattern else str.casefold
    for line in lines:
        assert rule.regex.search(fold(line)), line
    for line in near_misses:
        assert not rule.regex.search(fold(line)), line


def test_bare_author_name_is_labelled_by_its_own_rule() -> None:
    doc = _run(
        "Council approves new bike lanes on Main Street\nSarah Mitchell\nMarch 4, 2024\n"
        "The city council voted 7-2 on Tuesday to approve a network of protected bike lanes along"
        " Main Street.\n\nSupporters say the lanes will make the downtown safer for cyclists and"
        " pedestrians, business owners disagree.\n"
    )
    assert doc.author == "Sarah Mitchell"
    assert [s.rule for s in doc.removed if doc.text[s.start : s.end] == "Sarah Mitchell"] == [
        "byline/bare-name"
    ]


def test_zones_under_a_short_first_paragraph_reach_the_next_one() -> None:
    from pipeline.boilerplate.classify import _zones
    from tests.boilerplate_lines import lines_of

    standfirst = "The city will spend more on roads and less on parks, the council decided."
    body = (
        "The council voted on Tuesday to move 4 million euros from the parks budget to road repairs, "
        "after a winter that left hundreds of potholes across the city, officials said on Wednesday."
    )
    lines = lines_of(f"Roads Before Parks\n\n{standfirst}\n\nBy Sarah Jones\n\n{body}\n\n{body}\n\n{body}")
    zones = _zones(lines)
    assert (zones.head_end, zones.head_late) == (1, 3)  # the byline under the standfirst is in the head zone
    assert zones.tail_start == zones.prose[-2] == 4
    long_first = lines_of(f"Roads Before Parks\n\n{body} {body}\n\nBy Sarah Jones\n\n{body}\n\n{body}")
    assert (_zones(long_first).head_end, _zones(long_first).head_late) == (1, 1)


def test_a_headline_that_is_all_the_text_holds_stays_in_it() -> None:
    # a record of one line: removing the headline into the title emptied it (rejected as empty)
    doc = _run("Fire in the city centre")
    assert doc.title == "Fire in the city centre" and not doc.removed
    doc = _run("Storm Warning For The Coast\n\nShare this article")
    assert doc.title == "Storm Warning For The Coast"
    assert [s.rule for s in doc.removed] == ["share_widget/en/share-this"]
    doc = _run("Storm Warning For The Coast\n\nThe coast guard warned of gales on Friday, officials said.")
    assert doc.title == "Storm Warning For The Coast" and doc.removed[0].rule == "title/first-line"


def test_a_known_title_with_curly_quotes_finds_its_headline_line() -> None:
    # the lines are compared normalised (straight quotes, NFKC): before, a page title with „“ or ’
    # never matched its headline, which stayed in the text
    text = (
        "Council’s „new“ plan for the roads\n\n"
        "The council approved on Tuesday a plan to repair every road in the old town by 2027, aides said.\n"
    )
    doc = _run(text, title="Council’s „new“ plan for the roads")
    assert doc.title == "Council’s „new“ plan for the roads"
    assert [s.rule for s in doc.removed] == ["title/first-line"]


def test_rules_that_skip_speech_or_quotations() -> None:
    miss = {"id": "newsletter/en/miss", "category": "newsletter", "pattern": "^don.t miss"}
    ours = {"id": "cookie_notice/fr/c", "category": "cookie_notice", "pattern": "nous utilisons"}
    miss["not_in_speech"], ours["not_in_quote"] = True, True
    speech, quote = RulePack.from_mapping({"rule": [miss, ours]}, "t.toml").rules
    assert speech.search("Don't miss a thing") and not speech.search("Don't miss it, he said")
    assert not speech.search('He wrote "Don\'t miss a thing" on the card')
    # the quotation alone: a banner's own words may hold a speech word ("selon vos choix")
    assert quote.search("Nous utilisons des cookies selon vos choix.")
    assert not quote.search('Un bandeau "Nous utilisons des cookies" ne suffit pas')
    assert quote.search('Le "bandeau" dit: nous utilisons des cookies')  # the quotation closed before it
    plain = dataclasses.replace(quote, not_in_quote=False)
    assert RulePack((quote,)).fingerprint() != RulePack((plain,)).fingerprint()


def test_a_date_line_rule_lets_the_head_read_the_names_over_it_as_a_byline() -> None:
    # ``date_line`` marks a rule whose line only dates the article: the head's byline step reads
    # the name lines between the headline and such a line as the byline, not as a menu
    text = (
        "News\nSport\nWeather\nCulture\nOpinion\n\n"
        "Council approves the new school budget after a long night of debate\n"
        "Renata Albuquerque\nSpringfield\nStardate 41153.7\n"
        "The city council approved on Tuesday a budget of 210 million for the schools of the district, "
        "after a debate that lasted until the early hours of the morning.\n\n"
        "Teachers welcomed the vote, which ends a dispute of two years over pay and class sizes.\n"
    )
    rule = {"id": "other/en/stardate", "category": "other", "pattern": r"^stardate \d+\.\d$"}
    rules: dict[bool, dict[str, str]] = {}
    for flag in (False, True):
        extra = RulePack.from_mapping({"rule": [dict(rule, date_line=flag)]}, "t.toml")
        doc = _run(text, pack=PACK.merged(extra))
        rules[flag] = {doc.text[s.start : s.end]: s.rule for s in doc.removed}
        assert rules[flag]["Stardate 41153.7"] == "other/en/stardate"
    assert rules[False]["Renata Albuquerque"] == "navigation/before-article"
    assert rules[True]["Renata Albuquerque"] == "byline/bare-name"
    assert (
        PACK.merged(extra).fingerprint()
        != PACK.merged(RulePack.from_mapping({"rule": [rule]}, "t.toml")).fingerprint()
    )
    with pytest.raises(ConfigError, match="date_line"):
        RulePack.from_mapping({"rule": [dict(rule, date_line="yes")]}, "t.toml")


def test_the_shipped_date_rules_are_marked() -> None:
    # the head's steps know date lines by the flag alone: a shipped rule that takes a date line
    # without it would leave the names over it to the menu
    marked = {r.id for r in PACK.rules if r.date_line}
    assert {"other/xx/date-only", "other/en/dateline", "other/de/publiziert-am", "other/no/dato"} <= marked
    assert all(r.category.value == "other" for r in PACK.rules if r.date_line)


def _head_kept(text: str, headline: str, standfirst: str, *chrome: str) -> None:
    """``text``'s title is ``headline``, its ``standfirst`` stays, each line of ``chrome`` goes."""
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, standfirst) is None
    for line in chrome:
        assert _covering(doc, line) is not None, line


BIKE_BODY = (
    "HARLOW BAY — After more than four hours of public comment, the city council voted 6-3 on Monday "
    "to build protected bike lanes along Marsh Street, ending a fight that has divided residents for "
    "two years.\n\n"
    "The plan will remove 112 of the street's 340 parking spaces and add loading zones on each block, "
    "city staff said, and work is expected to begin in the spring.\n\n"
    "Council member Rosa Delgado said the vote was about safety. Three cyclists have died on the street "
    "since 2019, according to city records, and the plan was backed by the police.\n"
)
BIKE_HEADLINE = "Council approves protected bike lanes on Marsh Street after four-hour debate"
BIKE_STANDFIRST = (
    "The 6-3 vote ends a two-year fight over parking, deliveries and safety on one of the city's "
    "busiest corridors"
)


@pytest.mark.parametrize(
    "above",
    [
        "Skip to main content\nMenu  Search  Sign In\n",
        # a ticker's headline over the article's is no title, and goes with the page's head
        "Skip to main content\nMenu  Search  Sign In\n"
        "Breaking: Route 9 northbound closed near Exit 14 after crash\n",
    ],
)
def test_a_standfirst_without_a_full_stop_under_its_headline_stays(above: str) -> None:
    # the byline, the date and the comment count under it are no gap between it and the article
    text = (
        f"{above}{BIKE_HEADLINE}\n{BIKE_STANDFIRST}\n"
        "By Dana Whitcombe\nPublished 6:42 p.m. ET Oct. 14, 2024\n34 comments\n\n" + BIKE_BODY
    )
    _head_kept(text, BIKE_HEADLINE, BIKE_STANDFIRST, *above.splitlines(), "34 comments")


def test_a_standfirst_over_a_bare_name_a_date_and_counts_of_likes_stays() -> None:
    sf = (
        "What happened when a small independent shop in a market town decided to charge full price for "
        "everything, and told customers exactly why"
    )
    text = (
        "The Margin Notes\nSign in\nThe bookshop that stopped discounting new books\n"
        f"{sf}\nMara Quinlan\nNov 14, 2024\n87 Likes\n19 Comments\nShare\n\n"
        "Last spring, the owner of a small bookshop I have been visiting for close to ten years stopped "
        "discounting new books, and she told her customers exactly why in a note taped to the till.\n\n"
        "I spoke to her several times over the summer. She asked me not to name the shop, but the full "
        "price policy has not cost her customers, and her sales of new books rose by a tenth.\n"
    )
    _head_kept(text, "The bookshop that stopped discounting new books", sf, "87 Likes", "Mara Quinlan")


@pytest.mark.parametrize(
    "menu",
    [
        "News Culture Podcasts Schedule Donate",
        "Politics Business Life and Style Opinion Culture",  # a stop word, but the sections' names
    ],
)
def test_a_menu_row_over_a_long_headline_is_no_headline_over_a_standfirst(menu: str) -> None:
    # the headline of two sentences reads as the first prose: the line over it is a menu, not its headline
    headline = (
        "Libraries say e-book licenses are eating their budgets. Readers are feeling it in the hold queue"
    )
    text = (
        f"Skip to Content\n{menu}\n{headline}\nBy Marcus Lindqvist\n"
        "Published June 18, 2024 at 6:00 AM CDT\n\n"
        "Patrons of the Prairie Valley Library District downloaded more than 410,000 e-books last year "
        "through the library's lending app, more than double the number five years ago.\n\n"
        "The difference is in how digital books are sold. Many e-book licenses expire after two years "
        "or a set number of loans, and can cost several times the consumer price.\n"
    )
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, menu) is not None


@pytest.mark.parametrize(
    ("above", "top", "headline"),
    [
        ("Menu", BIKE_HEADLINE, True),
        ("Menu", "Harlow Bay Gazette Community Sports Weekly", False),  # no stop word: a site's name
        ("Menu", "Politics Business Life and Style Opinion Culture", False),  # the sections' names
        ("Menu", "Voices of the Bay", False),  # too short: a section's name
        ("Menu", "Council approves bike lanes.", False),  # a sentence
        ("Menu", "after a four-hour debate on the plan for the street", False),  # a line's second half
        # the headline's second line, hard-wrapped
        (
            "Council approves protected bike lanes on Marsh Street",
            "after four-hour debate on the plan",
            False,
        ),
        # a series' label (or a caption) between the headline and the standfirst: the real headline is over it
        (BIKE_HEADLINE, "Part three of our series on the state of the city's streets", False),
        # a ticker's labelled headline over the article's
        ("Breaking: Route 9 northbound closed near Exit 14 after crash", BIKE_HEADLINE, True),
    ],
)
def test_a_standfirst_stands_under_the_one_headline_of_the_head(above: str, top: str, headline: bool) -> None:
    from tests.boilerplate_lines import lines_of

    lines = lines_of(f"{above}\n{top}\n{BIKE_STANDFIRST}\nBy Dana Whitcombe\n\n{BIKE_BODY}")
    assert _under_headline(lines, 2) is headline


def test_a_teasers_summary_over_the_article_is_no_standfirst() -> None:
    # a teaser card (headline, summary, byline, age) over the article's own headline and standfirst
    teaser = "Harbour ferry fares to rise by a fifth from April as the operator blames fuel costs"
    text = (
        f"Top story\n{teaser}\n"
        "Commuters who use the ferry every day will pay about 300 pounds more a year under the new fares "
        "announced by the operator\n"
        "By Priya Raman\n2 hours ago\n"
        f"{BIKE_HEADLINE}\n{BIKE_STANDFIRST}\nBy Dana Whitcombe\nPublished 6:42 p.m. ET Oct. 14, 2024\n\n"
        + BIKE_BODY
    )
    assert _run(text).title != teaser


def test_a_breadcrumb_that_ends_on_the_headline_is_no_standfirst() -> None:
    # the path ends on the headline, cut short ("... as ore reser..."): it reads as prose
    headline = "Indonesia to pause new nickel smelter permits as ore reserves dwindle"
    crumbs = "Markets > Commodities > Indonesia to pause new nickel smelter permits as ore reser..."
    sf = (
        "Moratorium covers plants making nickel pig iron and ferronickel, but battery-grade projects are "
        "exempt, as Jakarta tries to stretch high-grade ore reserves beyond the mid-2030s"
    )
    text = (
        "Skip to main content\nExclusive news, data and analytics for financial market professionals\n"
        "World | Business | Markets | Sustainability | Legal | Breakingviews\n"
        f"{crumbs}\n\n{headline}\n{sf}\n"
        "By Rina Kusumawati and Michael Hartono, Reuters\nMarch 18, 20253:42 AM GMT+0Updated 2 hours ago\n"
        "Listen to this article · 4 min\nShare  X  Facebook  Linkedin  Email  Link\n\n"
        "JAKARTA, March 18 (Reuters) - Indonesia will stop issuing permits for new nickel smelters that "
        "produce nickel pig iron and ferronickel, a senior official said on Tuesday, as the world's largest "
        "producer of the metal tries to slow the depletion of its high-grade ore reserves.\n"
        "The moratorium, which will take effect from July, will not apply to projects using high-pressure "
        "acid leach technology to process lower-grade ore into materials for electric vehicle batteries, "
        "Deputy Investment Minister Teguh Wibisono told reporters in Jakarta.\n"
    )
    _head_kept(text, headline, sf, crumbs)


def test_the_title_search_steps_over_a_recipes_tools_to_its_headline() -> None:
    # under the byline and the date: the rating, "Save recipe", share buttons and "Jump to recipe"
    headline = "One-pan lemon orzo with peas, feta and crispy chickpeas"
    text = (
        "Good Table\nRecipes\nQuick & Easy\nVegetarian\nLog in\nRecipes > Dinner > Pasta & Rice\n"
        f"{headline}\nBy Rosa Kemp\nUpdated 3 April 2025\n4.7 (312 ratings)\nSave recipe\nPin it\nShare\n"
        "Jump to recipe\n"
        "This is the dinner I make when the fridge looks bare but there's a bag of frozen peas and a lemon "
        "in the bowl. Everything cooks in one pan, the orzo soaks up the stock, and the chickpeas go crisp "
        "in the oven while you stir.\n\n"
        "If you have no orzo, any small pasta shape works, though you may need a splash more stock at the "
        "end. Feta can be swapped for goat's cheese or left out for a vegan version.\n"
    )
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, "Jump to recipe") is not None


def test_a_caption_over_its_credit_under_the_byline_is_no_teasers_headline() -> None:
    headline = "Die Praxis stirbt leise – und die Politik schaut dabei zu"
    text = (
        "DER RUNDBLICK\n"
        "Politik Ausland Panorama Sport Wirtschaft Netzwelt Wissenschaft Kultur Leben Abo\n"
        "Startseite > Wissenschaft > Medizin\n"
        "Meinung\n"
        "Die Praxis stirbt leise – und die Politik schaut dabei zu\n"
        "Jede dritte Hausarztpraxis auf dem Land sucht einen Nachfolger, viele vergeblich. Das neue "
        "Versorgungsgesetz wird daran wenig ändern. Es fehlt der Mut, das System vom Kopf auf die "
        "Füße zu stellen.\n"
        "Ein Kommentar von Jana Oberhoff\n"
        "13.02.2025, 17.34 Uhr\n"
        "Artikel anhören (5 Minuten)\n"
        "Artikel merken\n"
        "Artikel teilen\n"
        "214 Beiträge\n"
        "Wartezimmer einer Hausarztpraxis in der Uckermark: Neue Patienten werden hier seit Monaten "
        "abgewiesen\n"
        "Foto: picture alliance / dpa | Stefan Brandtner\n"
        "Wer in Prenzlau, in Lüchow oder im Hunsrück eine neue Hausärztin sucht, bekommt dieser Tage "
        "meist denselben Satz zu hören: „Wir nehmen derzeit keine neuen Patienten auf.“ Was vor zehn "
        "Jahren eine Ausnahme war, ist in weiten Teilen des ländlichen Raums zur Regel geworden. "
        "Nach Zahlen der Kassenärztlichen Bundesvereinigung sind bundesweit rund 5200 Hausarztsitze "
        "unbesetzt, fast doppelt so viele wie 2019. Knapp 40 Prozent der niedergelassenen "
        "Allgemeinmediziner sind älter als 60 Jahre, viele von ihnen arbeiten längst über das "
        "Rentenalter hinaus, weil sie niemanden finden, der ihre Praxis übernimmt.\n"
        "Am Donnerstag hat der Bundestag nun das Gesetz zur Stärkung der wohnortnahen Versorgung "
        "beschlossen, das Gesundheitsministerin Petra Hollmann als „Wendepunkt für die "
        "Hausarztmedizin“ bezeichnet. Das Gesetz hebt die Budgetgrenzen für Hausärztinnen und "
        "Hausärzte auf, führt eine Pauschale für Praxen ein, die regelmäßig Hausbesuche machen, und "
        "fördert Gemeinden, die eigene medizinische Versorgungszentren gründen wollen. Das ist alles "
        "nicht falsch. Aber es ist Reparatur an einem Haus, dessen Fundament wegrutscht.\n"
    )
    assert _run(text).title == headline


def test_a_captioned_photo_over_the_headline_and_a_bare_name_over_its_role_keep_the_standfirst() -> None:
    # the caption (its credit at its end) is no standfirst; the author's bare name over the role line a
    # rule took is the byline's
    headline = "A third of rural bus routes in England cut since 2010, analysis finds"
    sf = (
        "Campaigners say older people and teenagers are worst affected as councils struggle to fund "
        "services that commercial operators have abandoned"
    )
    text = (
        "Skip to main content\nNews\nOpinion\nSport\nCulture\nLifestyle\n"
        "Passengers board the 553 service in Bishop's Castle, Shropshire, one of the few routes left in "
        "the area. Photograph: Sam Holloway/The Meridian\n"
        f"{headline}\n{sf}\nOwen Pritchard\nTransport correspondent\nTue 12 Mar 2024 06.00 GMT\nShare\n"
        "More than a third of bus routes serving rural communities in England have been withdrawn since "
        "2010, according to an analysis of council timetables that campaigners say shows the scale of the "
        "crisis facing people without cars.\n"
        "Figures compiled by the Rural Transport Alliance from council timetable data show that 1,274 of "
        "the 3,612 routes running in rural areas in 2010 have since been cut entirely.\n"
        "The steepest falls were in counties where local authorities had cut funding for supported "
        "services, the alliance said, and many villages now have no bus at all on Sundays.\n"
    )
    _head_kept(text, headline, sf, "Owen Pritchard")


@pytest.mark.parametrize(
    ("between", "teaser"),
    [
        # a caption over its credit under the byline: the article's own photo
        (["By Jana Oberhoff", "13.02.2025, 17.34 Uhr", BIKE_HEADLINE, "Photograph: Sam Holloway/PA"], False),
        # a headline, its photo's credit, its standfirst and its byline: another article's head
        (
            [
                "By Priya Raman",
                BIKE_HEADLINE,
                "Photograph: Sam Holloway/PA",
                "The vote ends a two-year fight over parking and deliveries on the street.",
                "By Dana Whitcombe",
            ],
            True,
        ),
        # a teaser's age under its summary
        (["By Priya Raman", "2 hours ago"], True),
        (["By Priya Raman", "Published 6:42 p.m. ET Oct. 14, 2024"], False),
    ],
)
def test_a_teasers_summary_is_known_by_another_headline_or_its_age_under_it(
    between: list[str], teaser: bool
) -> None:
    from pipeline.boilerplate.classify import _teaser_over_article
    from tests.boilerplate_lines import lines_of

    sf = "Commuters who use the ferry every day will pay about 300 pounds more a year under the new fares"
    lines = lines_of(
        "\n".join(["Harbour ferry fares to rise by a fifth from April", sf, *between]) + "\n\n" + BIKE_BODY
    )
    assert _teaser_over_article(lines, 1, len(between) + 2) is teaser


def test_a_league_table_after_a_short_report_stays_with_its_column_heads() -> None:
    rows = [
        "1 Harrowgate Town 26 18 4 4 57 22 35 58",
        "2 Knottingley Park 26 16 5 5 61 30 31 53",
        "3 Brighouse Albion 26 14 7 5 44 29 15 49",
        "4 Castleford Rovers 26 14 5 7 48 33 15 47",
    ]
    text = (
        "Weekend round-up: Harrowgate stretch lead as Millbeck stun Castleford\n"
        "By Dan Prestwick, Sports Reporter\nPublished 18:05, Saturday 8 March 2025\n\n"
        "Harrowgate Town moved five points clear at the top of the Northern Counties League on Saturday "
        "after a comfortable win at Ossett Vale, while bottom side Millbeck Athletic won for only the "
        "third time this season.\n\n"
        "Elsewhere, the derby between Pennine United and Dewsbury Moor was abandoned at half-time after "
        "a floodlight failure, and will be replayed in April.\n\n"
        "League table\nPos Team P W D L F A GD Pts\n" + "\n".join(rows) + "\n\n"
        "Share this article\n"
    )
    doc = _run(text)
    for row in ["Pos Team P W D L F A GD Pts", *rows]:
        assert _covering(doc, row) is None, row
    assert _covering(doc, "Share this article") is not None


ELECTION_LEAD = (
    "Lindenau hat eine neue Bürgermeisterin. Die parteilose Katrin Sommer hat die Wahl am Sonntag bereits "
    "im ersten Wahlgang für sich entschieden. Nach Auszählung aller 18 Stimmbezirke kommt sie auf 52,3 "
    "Prozent der gültigen Stimmen."
)
ELECTION_RESULTS = [
    "Vorläufiges Endergebnis",
    "Katrin Sommer (parteilos, unterstützt von CDU und FW): 7.412 Stimmen (52,3 %)",
    "Michael Brandt (SPD): 3.988 Stimmen (28,1 %)",
    "Aylin Demir (Grüne): 2.054 Stimmen (14,5 %)",
    "Wahlbeteiligung: 60,1 % (2017: 48,7 %)",
    "Ergebnisse nach Ortsteilen",
    "Lindenau-Mitte: Sommer 49,8 %, Brandt 30,2 %, Demir 16,4 %, Kessler 3,6 %",
    "Oberhausen: Sommer 58,1 %, Brandt 24,0 %, Demir 10,7 %, Kessler 7,2 %",
]
ELECTION_BODY = (
    "Am Wahlabend im Rathaus zeigte sich Sommer sichtlich bewegt. „Ich habe mit einer Stichwahl gerechnet. "
    "Dieses klare Ergebnis ist ein großer Vertrauensvorschuss“, sagte die 44-jährige Verwaltungsjuristin.\n"
    "Michael Brandt gratulierte seiner Konkurrentin noch am Abend. Er werde sein Mandat im Gemeinderat "
    "weiter wahrnehmen, kündigte der SPD-Fraktionschef an.\n"
    "Sommer tritt ihr Amt am 1. Juni an. Das amtliche Endergebnis will der Gemeindewahlausschuss am "
    "Mittwoch feststellen."
)


def test_results_between_two_paragraphs_are_no_gap_in_the_article() -> None:
    from pipeline.boilerplate.classify import _figure_runs
    from tests.boilerplate_lines import lines_of

    text = "Bürgermeisterwahl in Lindenau: Katrin Sommer gewinnt im ersten Wahlgang\nVon Jonas Reuter\n\n"
    text += ELECTION_LEAD + "\n" + "\n".join(ELECTION_RESULTS) + "\n" + ELECTION_BODY + "\nArtikel teilen\n"
    doc = _run(text)
    for line in [ELECTION_LEAD, *ELECTION_RESULTS]:
        assert _covering(doc, line) is None, line
    assert doc.title == "Bürgermeisterwahl in Lindenau: Katrin Sommer gewinnt im ersten Wahlgang"
    lines = lines_of(text)
    assert sorted(_figure_runs(lines)) == list(range(3, 3 + len(ELECTION_RESULTS)))
    # teaser headlines hold one figure at most: no list of results, a gap as before
    teasers = [
        "Bus Crash Near Newark Leaves 2 Dead And 14 Injured On The Road To Junction 34",
        "River Ouse Floods 12 Homes And Closes 3 Roads In York For The 2nd Time This Winter",
        "How 20 Years Of Rail Fares Outpaced Wages In 4 Charts From The Office For 2025",
    ]
    lines = lines_of(ELECTION_LEAD + "\n\n" + "\n\n".join(teasers) + "\n\n" + ELECTION_BODY)
    assert [b.f.text for b in lines[1:4]] == teasers
    assert not _figure_runs(lines)
    short = ["Flood warning for 3 roads", "5 things we learned from the budget", "Mayor opens 2nd library"]
    assert not _figure_runs(lines_of(ELECTION_LEAD + "\n\n" + "\n\n".join(short) + "\n\n" + ELECTION_BODY))
    # nor is a list of figures with no paragraph under it (a markets box after the article)
    lines = lines_of(ELECTION_LEAD + "\n" + "\n".join(ELECTION_RESULTS) + "\nArtikel teilen")
    assert not _figure_runs(lines)


BUS_BODY = (
    "Hundreds of rural bus routes cut over the past decade will be restored under a new fund announced "
    "today, the department said.\n\n"
    "The fund will give 42 local transport authorities guaranteed funding for three years, so that "
    "operators can plan timetables and hire drivers with confidence.\n\n"
    "Councils will be able to use the funding to reinstate cancelled routes, extend evening and Sunday "
    "services, and trial buses that can be booked on demand.\n"
)


@pytest.mark.parametrize(
    ("banner", "standfirst"),
    [
        # a consent framework's banner in Spanish, which only the pack's rules know
        (
            "Valoramos tu privacidad\nNosotros y nuestros socios almacenamos o accedemos a información en "
            "un dispositivo, tales como identificadores únicos, y tratamos datos personales como tu "
            "dirección IP para personalizar anuncios y contenidos.\nESTOY DE ACUERDO\nMÁS OPCIONES",
            "El Gobierno aprueba un fondo de 180 millones para recuperar las líneas de autobús rurales "
            "suprimidas en la última década",
        ),
        # a banner's paragraphs next to its lines: the site's own words on cookies
        (
            "Cookies on GOV.WESSEX\n"
            "We'd like to set additional cookies to understand how you use GOV.WESSEX, remember your "
            "settings and improve government services.\n"
            "They help us deliver content from other services, such as videos and maps, to every reader.\n"
            "This helps us improve the services we provide to readers in every part of the country.\n"
            "Accept additional cookies\nReject additional cookies",
            "Councils will receive multi-year funding to bring back cancelled services and extend evening "
            "and Sunday timetables.",
        ),
    ],
)
def test_a_cookie_banners_paragraphs_over_the_page_are_no_article(banner: str, standfirst: str) -> None:
    headline = "£180 million to restore rural bus routes across 42 council areas"
    text = f"{banner}\nSkip to main content\nHome\n{headline}\n{standfirst}\nBy Jane Marsh\n3 March 2025\n\n"
    doc = _run(text + BUS_BODY)
    assert doc.title == headline
    assert _covering(doc, standfirst) is None
    for line in banner.split("\n")[1:3]:
        assert _covering(doc, line) is not None, line


def test_the_headline_is_found_over_a_videos_cookie_placeholder() -> None:
    headline = "Storm Ilse blaast dak van sporthal in Oosterweide, tientallen bomen omgewaaid"
    text = (
        f"Nieuws\nRegio\n{headline}\nRedactie Omroep Zuiderdijk\n14 mrt. 2025, 08:14\n"
        "Deze video kan niet worden afgespeeld omdat je geen cookies hebt geaccepteerd.\n"
        "Cookies accepteren\n\n"
        "Storm Ilse heeft afgelopen nacht flink huisgehouden in de regio. In Oosterweide waaide een groot "
        "deel van het dak van sporthal De Wielen.\n\n"
        "Volgens de gemeente is ongeveer een derde van het dak losgeraakt. Dakplaten kwamen op de "
        "parkeerplaats en in de tuinen van omliggende woningen terecht.\n"
    )
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, "Cookies accepteren") is not None


def test_an_ad_label_and_a_read_also_link_inside_a_list_of_results_leave_it_whole() -> None:
    wards = [
        "Abbeyfields",
        "Dean Hollis (Reform UK) 1,386 – elected",
        "Margaret Ashby (Labour) 1,201",
        "Sanjay Mistry (Liberal Democrats) 98",
        "Reform UK gain from Labour. Majority: 185. Turnout: 31.6%",
        "Read more: Council leader Sandra Oyelowo says 'we heard the message loud and clear'",
        "Kingsmead",
        "Richard Allerton (Conservative) 1,638 – elected",
        "Bethany Cole (Labour) 904",
        "Conservative hold. Majority: 734. Turnout: 38.7%",
    ]
    text = (
        "Alderbrook Council election results 2025 in full\nBy Callum Hesketh\n\n"
        "Labour has held on to control of Alderbrook Council after a long night of counting at the Ridgeway "
        "Leisure Centre, but lost five seats as Reform UK made gains in the north of the borough.\n\n"
        "Here are the full results from each ward, in alphabetical order. Winning candidates are marked.\n"
        "Advertisement\n" + "\n".join(wards) + "\n"
        "Results of the two county division contests are due to be declared at County Hall on Friday.\n"
        "Comments\nJoin the conversation\n"
    )
    doc = _run(text)
    for line in wards:
        span = _covering(doc, line)
        assert (span is not None) == line.startswith("Read more"), (line, span)
    assert _covering(doc, "Advertisement") is not None
    assert _covering(doc, "Results of the two county division contests") is None


def test_a_pull_quote_goes_and_a_quoted_subheading_stays() -> None:
    pull = "“They are generalists in an environment where being a specialist would be fatal”"
    subhead = "“On a tout perdu en une nuit, mais on va reconstruire”"
    caption = "The drilling camp on the ice above Lake Tiernan, 2100 metres above the water"
    credit = "Halvard Moen/Polar Survey of Norway"
    text = (
        "The lake at the bottom of the world that rewrites the rules of life\nBy Imogen Castellane\n\n"
        f"{caption}\n{credit}\n\n"
        "The first sample came up in a stainless-steel bottle the size of a thermos flask, and for a moment "
        "nobody in the tent spoke.\n\n"
        "Okonjo's team found genes for enzymes that let microbes extract energy by oxidising iron and "
        "sulphur compounds. “They are generalists in an environment where being a specialist would be "
        "fatal,” says Okonjo.\n\n"
        f"{pull}\n\n"
        "The most surprising finding was how slowly they seem to live, the team estimates, with a typical "
        "cell dividing once every several hundred years.\n\n"
        f"{subhead}\n\n"
        "Sur place jeudi matin, le gérant avait les traits tirés. “On a tout perdu en une nuit, mais on va "
        "reconstruire”, dit-il, devant le hangar détruit par les flammes.\n\n"
        "“We will go back next season”\n\n"
        "For now, the samples sit in a freezer at -80C in Dunmarsh, divided into hundreds of small vials.\n"
    )
    doc = _run(text)
    span = _covering(doc, pull)
    assert span is not None and span.rule == "other/pull-quote"
    assert _covering(doc, subhead) is None  # right over the paragraph it quotes: a subheading
    assert _covering(doc, "“We will go back next season”") is None  # no paragraph repeats it
    for line in (caption, credit):
        span = _covering(doc, line)
        assert span is not None and span.category == Category.CAPTION, line


def test_a_live_blog_keeps_its_first_entrys_heading_its_last_entry_and_the_headline_over_key_events() -> None:
    headline = "Castlebridge Rovers v Dunmore Athletic: Premier Division – live"
    entries = [
        ("21.51 GMT", "Full time: Castlebridge Rovers 2-1 Dunmore Athletic"),
        ("21.38 GMT", "GOAL! Castlebridge Rovers 2-1 Dunmore Athletic (Okafor-Reid 88)"),
        ("20.24 GMT", "Half-time: Castlebridge Rovers 1-1 Dunmore Athletic"),
        ("19.36 GMT", "Team news"),
    ]
    body = (
        "That is it, and the home crowd erupts as the referee blows for the end of a game that had "
        "everything, including a late penalty appeal that will be debated all week."
    )
    text = (
        f"Sport\nFootball\nLive\n{headline}\nOwen Tierney at Harrow Road\nSat 15 Mar 2025 19.32 GMT\n"
        "Key events\nFull time: Rovers edge a thriller\nFerrant levels it for Dunmore\n"
        "Line-ups confirmed at Harrow Road\nLive feed\n"
    )
    for stamp, heading in entries:
        text += f"{stamp}\n{heading}\n"
        if heading == "Team news":
            text += (
                "Castlebridge Rovers: Pell; Ouko, Marchetti, Byrne-Hall, Fenwick; Daventry, Salo.\n"
                "Dunmore Athletic: Rask; Cheung, Lund, Abernethy, Quigley; Sorli, Brannigan.\n"
                "Castlebridge are unchanged from last week's win at Thornbury.\nShare\n"
            )
        else:
            text += f"{body}\nShare\n"
    text += "Newest\nOldest\nMost viewed\nThornbury sack manager after eight games without a win\n"
    doc = _run(text)
    assert doc.title == headline
    for _, heading in entries:
        assert _covering(doc, heading) is None, heading
    assert (
        _covering(doc, "Dunmore Athletic: Rask; Cheung, Lund, Abernethy, Quigley; Sorli, Brannigan.") is None
    )
    assert _covering(doc, "Thornbury sack manager after eight games without a win") is not None


def test_a_blog_platforms_head_keeps_the_subtitle_and_the_bios_of_every_author_go() -> None:
    headline = "We Cut Our Postgres Bill by 62% Without Changing a Single Query"
    subtitle = (
        "What a month of staring at pg_stat_statements taught us about autovacuum, bloat and the real cost "
        "of defaults"
    )
    bios = [
        "Priya Raman is a staff engineer at a fintech you haven't heard of. She writes about databases.",
        "Tom Okafor is a platform engineer at the same fintech and has written about on-call for years.",
    ]
    text = (
        f"Open in app\nSign up\nSign in\nMember-only story\n{headline}\n{subtitle}\n"
        "By Priya Raman, Tom Okafor\n"
        "Follow\nPublished in\nThe Stack Ledger\n9 min read\n·\nMar 3, 2025\n--\n1.4K\n23\nListen\nShare\n"
        "In January our finance team sent the kind of message nobody on a platform team wants to read: the "
        "managed database line item had grown 41% in six months, and nobody could explain why.\n"
        "I volunteered to find out where the money was going, mostly because I assumed it would take an "
        "afternoon. It took a month. This is what we found, in roughly the order we found it.\n"
        f"{bios[0]}\n{bios[1]}\nMore from The Stack Ledger\n"
    )
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, subtitle) is None
    for bio in bios:
        span = _covering(doc, bio)
        assert span is not None and span.rule == "author_bio/named", bio


def test_a_subtitle_stays_over_a_blog_platforms_long_head_with_the_authors_bare_name() -> None:
    headline = "We Cut Our Postgres Bill by 62% Without Changing a Single Query"
    subtitle = (
        "What a month of staring at our database taught us about autovacuum and the real cost of defaults"
    )
    text = (
        f"Sign in\nMember-only story\n{headline}\n{subtitle}\nPriya Raman\nFollow\nPublished in\n"
        "The Stack Ledger\n9 min read\n·\nMar 3, 2025\n--\n1.4K\n23\nListen\nShare\n"
        "In January our finance team sent the kind of message nobody on a platform team wants to read: the "
        "managed database line item had grown 41% in six months, and nobody could explain why.\n"
        "I volunteered to find out where the money was going, mostly because I assumed it would take an "
        "afternoon. It took a month. This is what we found about autovacuum, in roughly that order.\n"
    )
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, subtitle) is None


@pytest.mark.parametrize(
    ("heading", "paragraph", "goes"),
    [
        (
            "About Hearthline",
            "Hearthline is the national charity working to end housing poverty. Since 1987 it has advised "
            "two million people through its helpline and 46 local centres.",
            True,
        ),
        # a factbox's and a guide's headings over what they are about stay
        (
            "About Parkinson's",
            "Parkinson's is a progressive neurological condition that affects movement, and about 153,000 "
            "people in the UK live with it.",
            False,
        ),
        (
            "About Porto",
            "Porto is Portugal's second city, built on the steep north bank of the Douro, and easy to "
            "reach by train from Lisbon in under three hours.",
            False,
        ),
    ],
)
def test_a_press_releases_about_the_organisation_ends_it(heading: str, paragraph: str, goes: bool) -> None:
    text = (
        "Charity finds one in three renters skip meals to pay rent\n\n"
        "One in three private renters in England have skipped meals in the past year to keep up with their "
        "rent, according to a survey published today by the housing charity Hearthline.\n\n"
        "The charity is calling on ministers to freeze rents for two years while new homes are built.\n\n"
        "Dr Ruth Felton said the figures should alarm anyone who cares about the health of the nation and "
        "its children, and that the government had the power to act.\n\n"
        f"{heading}\n{paragraph}\n"
    )
    doc = _run(text)
    assert (_covering(doc, heading) is not None) == goes
    assert (_covering(doc, paragraph) is not None) == goes


def test_a_match_reports_fact_box_under_an_ad_label_stays_with_its_headings() -> None:
    box = [
        "Score by half",
        "Team\tHT\tFT",
        "Castlebury Rovers\t0\t2",
        "Ainsworth Athletic\t1\t1",
        "Key match statistics",
        "Possession: Castlebury 63% - 37% Ainsworth",
        "Shots: 18 - 7",
        "Corners: 11 - 2",
        "Referee: Paul Maitland",
        "Attendance: 6,812",
    ]
    text = (
        "Castlebury Rovers 2-1 Ainsworth Athletic: Penhallow heads late winner\nBy Gareth Ollerton\n\n"
        "Substitute Kieran Penhallow headed in a stoppage-time winner as Castlebury Rovers fought back to "
        "beat Ainsworth Athletic at a rain-soaked Marsh Lane.\n\n"
        "The win lifts Rovers to ninth in the Northern Counties League, while Athletic drop to 14th after a "
        "second defeat in a week.\n\n"
        "Advertisement\n"
        + "\n".join(box)
        + "\n18+ | Please gamble responsibly | GambleWise.org.uk\nRead more\n"
    )
    doc = _run(text)
    for line in box:
        if "\t" not in line:
            assert _covering(doc, line) is None, line
    assert _covering(doc, "Advertisement") is not None


def test_a_comments_link_in_the_heads_tool_row_does_not_cut_the_standfirst_off() -> None:
    headline = "Paradise Villa's Jade Pennock stuns in tiny bikini as she breaks silence on feud"
    standfirst = (
        "The reality star, 27, set pulses racing as she soaked up the sun by the pool - and broke her "
        "silence on THAT row with her former villa partner"
    )
    text = (
        f"News\nShowbiz\n{headline}\n{standfirst}\nBy Chloe Barnsley Showbiz Reporter\nBookmark\nComments\n"
        "Paradise Villa star Jade Pennock sent temperatures soaring as she shared a string of snaps from her "
        "holiday in Dubai with her two million followers on Sunday.\n"
        "The 27-year-old, who found fame on the dating show last summer, also spoke for the first time about "
        "her split from Callum Frost in a question and answer session with fans.\n"
    )
    doc = _run(text)
    assert doc.title == headline
    assert _covering(doc, standfirst) is None


def test_a_timetables_times_stay_and_a_live_blogs_entry_times_stay_with_their_entries() -> None:
    timetable = (
        "Ferry timetable changes for the summer\n\n"
        "The operator has published its summer timetable, with three sailings a day from Penzance.\n\n"
        "9.05am\nThe first sailing of the day now leaves ten minutes later to allow for the tide.\n\n"
        "12.30pm\nThe lunchtime sailing is unchanged and remains the busiest of the day.\n\n"
        "4.45pm\nThe evening sailing returns after being dropped last year, on Fridays only.\n"
    )
    doc = _run(timetable)
    for t in ("9.05am", "12.30pm", "4.45pm"):
        assert _covering(doc, t) is None, t
    assert doc.title == "Ferry timetable changes for the summer"
    # two times are no live blog's entries: they stay as the text's
    doc = _run(
        "Court hears of the night the fire started\n\n"
        "The jury heard that a neighbour called the fire service at the time below, after seeing smoke.\n\n"
        "9.05pm\nThe first crew arrived and found the ground floor already alight, the court was told.\n\n"
        "10.12pm\nThe last of the residents was brought out of the building by firefighters.\n"
    )
    assert _covering(doc, "9.05pm") is None and _covering(doc, "10.12pm") is None


def test_a_quotation_repeating_a_claim_made_far_above_is_a_sections_heading() -> None:
    claim = "“… prevent the evacuation of the Syrian civilians from the Rubkan camp”"
    paragraphs = [
        f"Paragraph {n} of the fact check goes through what the ministry said and what the record shows, "
        "with dates and sources for each of its claims."
        for n in range(1, 8)
    ]
    text = (
        "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return\n\n"
        "The ministries said the forces continue to prevent the evacuation of the Syrian civilians from the "
        "Rubkan camp, and blamed Washington for the failure of the plan.\n\n"
        + "\n\n".join(paragraphs)
        + f"\n\n{claim}\n\nA reporter's source inside the camp said the residents were free to leave.\n"
    )
    doc = _run(text)
    assert _covering(doc, claim) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a reporter at the venue over the date: the title walk steps over it to the headline
        (
            "Sport\nLive\nBudget 2024 live: chancellor sets out £40bn of tax rises in her first Budget\n"
            "Faisal Rahman at Westminster\nWed 30 Oct 2024 12.05 GMT\nShare\n"
            "The chancellor has sat down after 77 minutes. The main measures: a rise in employers' national "
            "insurance, a freeze on fuel duty, and more capital spending over five years.\n"
            "Employers' national insurance will rise from 13.8 per cent to 15 per cent from April, the "
            "chancellor confirms, raising £25bn a year for the Treasury.\n",
            "Budget 2024 live: chancellor sets out £40bn of tax rises in her first Budget",
        ),
        # a review's headline of that shape over its standfirst is the title
        (
            "Music\nReviews\nKylie Minogue at the O2\n"
            "A two-hour greatest-hits show that never lets the energy drop, even in the ballads.\n"
            "By Tom Hale\n\n"
            "Kylie opened with a run of early hits, and the arena was on its feet within seconds, singing "
            "every word back to her as the confetti cannons fired over the front rows.\n"
            "The middle section slowed things down with a string quartet, a reminder of how good her voice "
            "still is when the production steps back and lets it carry the song.\n",
            "Kylie Minogue at the O2",
        ),
    ],
)
def test_a_reporter_at_the_venue_over_the_date_is_no_title(text: str, title: str) -> None:
    assert _run(text).title == title


def test_gallery_counters_of_one_total_go_with_or_without_spaces() -> None:
    """A gallery whose captions are its text counts its photos ("1 of 10", "2of10"): the counters go, the
    captions stay; a fraction of a recipe ("1/2") is no counter."""
    text = (
        "In pictures: the flood\n\nWater covered the valley floor on Monday morning after the river burst.\n"
        "1of10\nVolunteers carried sandbags along the high street as the level rose through the day.\n"
        "2 of 10\nThe mayor visited the shelter at the school hall with officials in the afternoon.\n"
    )
    doc = _run(text)
    gone = {doc.text[s.start : s.end]: s.rule for s in doc.removed}
    assert gone.get("1of10") == gone.get("2 of 10") == "caption/gallery-counter"
    assert not any("Volunteers" in t or "valley floor" in t for t in gone)
    recipe = _run("Pancakes\n\nMix the flour and the milk in a bowl until smooth.\n1/2\ncup of sugar\n1/2\n")
    assert not any(s.rule == "caption/gallery-counter" for s in recipe.removed)


def test_a_tabloids_kicker_captions_go_but_a_boxs_labelled_lines_stay() -> None:
    paragraphs = [
        "A heartbroken mum has begged whoever took her family's beloved dog to bring him home, saying her "
        "two children wait by the door every night.",
        "Leanne Pritchard, 34, let three-year-old cocker spaniel Bramble into the back garden on Thursday "
        "afternoon while she made the children's tea.",
        "Police confirmed they were investigating and said officers were reviewing footage from doorbell "
        "cameras on the street.",
    ]
    captions = [
        "Missing: Bramble was last seen in the garden of the family home in Hindley",
        "Devastated: Alfie and Maisie with Bramble on holiday in Anglesey last summer",
    ]
    text = "\n\n".join([paragraphs[0], captions[0], paragraphs[1], captions[1], paragraphs[2]])
    doc = _run(text)
    assert [s.rule for s in doc.removed] == ["caption/kicker", "caption/kicker"]
    # the same lines two by two, a box of labelled facts between the paragraphs, stay
    boxes = [
        "Where: The Old Town Hall on Bridge Street, right next to the library",
        "When: Saturday from ten in the morning until four in the afternoon",
        "Where: The community centre on Mill Lane, behind the fire station",
        "When: Sunday from noon until six in the evening, entry is free",
    ]
    text = "\n\n".join([paragraphs[0], *boxes[:2], paragraphs[1], *boxes[2:], paragraphs[2]])
    assert not _run(text).removed


_DE_ARTICLE = (
    "Die Stadtbibliothek zieht in das leere Kaufhaus am Markt. Der Rat hat den Umzug am Dienstag mit "
    "großer Mehrheit beschlossen, nach fast zwei Jahren Debatte über Kosten und Standort.\n\n"
    "Rund elf Millionen Euro sollen aus einem Landesprogramm kommen, den Rest trägt die Stadt. Die "
    "Opposition kritisierte vor allem die Finanzierung und die Folgekosten für das alte Gebäude.\n\n"
)


@pytest.mark.parametrize(
    ("between", "goes"),
    [
        ("Alle Geschichten aus Ihrer Stadt – unabhängig recherchiert, jederzeit verfügbar.", True),
        # a paragraph of the article's, longer than a pitch, between a paywall's lines stays
        (
            "Die Bibliothek soll im Herbst 2026 im Erdgeschoss und im ersten Stock öffnen, das Magazin "
            "zieht in den Keller, und im Dachgeschoss entstehen Räume für Kurse.",
            False,
        ),
    ],
)
def test_a_sign_up_boxs_short_pitch_between_its_lines_goes_with_it(between: str, goes: bool) -> None:
    text = (
        "Stadtbibliothek zieht ins Kaufhaus am Markt\n\n" + _DE_ARTICLE + "Jetzt weiterlesen mit NK+\n"
        f"{between}\n4 Wochen für 0,99 €, danach monatlich kündbar.\n\n" + _DE_ARTICLE
    )
    doc = _run(text)
    spans = _overlapping(doc, between)
    assert bool(spans) == goes
    assert all(s.category == Category.PAYWALL for s in spans)


@pytest.mark.parametrize(
    ("text", "title", "kept"),
    [
        # a lead paragraph over a Title Case subheading is no photo's caption over its photographer's name
        (
            "City Council Approves Budget\nBy Jane Doe\n12 March 2025\n\nThe city council has approved a "
            "record budget with more money for roads and schools.\n\nSpending Plans\n\nThe plan sets aside "
            "40 million for road repairs over the next three years and a further 25 million for new school "
            "buildings across the county, officials said on Tuesday night.",
            "City Council Approves Budget",
            ["The city council has approved a record budget", "Spending Plans"],
        ),
        # a headline with a place over the date is no author's name and place ("Ellen Marchetti in London")
        (
            "Home\nNews\nSport\nFire Crews in London\n12 March 2025\n\nFirefighters were called to a "
            "warehouse blaze in east London on Tuesday night after neighbours reported smoke pouring "
            "from the roof.",
            "Fire Crews in London",
            ["Firefighters were called"],
        ),
    ],
)
def test_what_the_review_of_session_42_found(text: str, title: str, kept: list[str]) -> None:
    doc = _run(text)
    assert doc.title == title
    for k in kept:
        assert not _overlapping(doc, k), k


def test_a_menus_copy_inside_the_article_goes_though_the_jump_list_names_its_headings() -> None:
    """Two of the menu's items head the article's sections and stay; a copy of its other items between two
    paragraphs is no heading of anything (each item's neighbour is another item) and goes."""
    para = (
        "The phone lasted a full day and a half of mixed use in our tests, well ahead of last year's model "
        "and most of its rivals at this price."
    )
    text = "\n".join(
        [
            "Battery life",
            "Charging speed",
            "News",
            "Reviews",
            "Deals",
            "",
            "How we tested the Orbit 5's battery",
            "",
            para,
            "Battery life",
            para,
            "Charging speed",
            para,
            "News",
            "Reviews",
            "Deals",
            para,
        ]
    )
    doc = _run(text)
    body = text.index("Battery life", 20)
    assert not _overlapping(doc, text[body : body + 40])
    copy = text.rindex("News\nReviews\nDeals")
    spans = [s for s in doc.removed if s.start >= copy and s.end <= copy + len("News\nReviews\nDeals")]
    assert len(spans) == 3


_HOWTO_STEP = (
    "Rub a thin layer of oil over every surface of the pan, then wipe off as much as you can with a clean "
    "cloth so that the pan looks almost dry."
)


def test_a_tip_box_between_a_how_tos_sections_goes_and_the_sections_under_it_stay() -> None:
    """A how-to's box that asks for a reader's tip stands between its "Tips" and its "Warnings": its lines
    go (the box's title too), the sections under it stay; a comment form with no tip box's note still ends
    the article, and what reads like prose under it goes as reader comments."""
    head = "How to Season a Cast Iron Skillet\n\n" + _HOWTO_STEP + "\n\nTips\n\n" + _HOWTO_STEP + "\n\n"
    warnings = (
        "Warnings\n\nAlways use oven mitts when you handle the skillet, because cast iron holds heat for a "
        "long time and the handle gets just as hot as the pan.\n\nNever soak the pan in water or put it in "
        "the dishwasher, since both strip the seasoning and make it rust."
    )
    box = (
        "Submit a Tip\nAll tip submissions are carefully reviewed before being published\nName\n"
        "Please provide your name and last initial\nSubmit\n"
    )
    doc = _run(head + box + warnings)
    assert not _overlapping(doc, "Warnings")
    assert not _overlapping(doc, "Never soak the pan in water")
    title = _covering(doc, "Submit a Tip")
    assert (
        title is not None
        and title.category == Category.COMMENT_FORM
        and title.rule == "comment_form/box-title"
    )
    form = box.replace(
        "Submit a Tip\nAll tip submissions are carefully reviewed before being published\n", ""
    )
    doc = _run(head + "Leave a comment\n" + form + warnings)
    gone = _covering(doc, "Never soak the pan in water")
    assert gone is not None and gone.category == Category.COMMENTS


_MANILA_LEAD = (
    "MANILA, Philippines — At least 17 areas across the country are expected to experience dangerous heat "
    "index levels on Thursday, the state weather bureau said in its latest forecast."
)


@pytest.mark.parametrize(
    ("above", "goes"),
    [
        ("By: Jerome Aningat\nApril 17, 2024 04:15 PM\nShare\n", True),  # under the head's tools
        ("", False),  # right under the headline: its standfirst
        # (inside the article, under paragraphs: a section's heading over the next dateline story)
        ("Share\n" + _MANILA_LEAD + "\n" + _MANILA_LEAD.replace("17 areas", "20 areas") + "\nShare\n", False),
    ],
)
def test_a_caption_over_a_dateline_lead_goes_under_the_heads_tools(above: str, goes: bool) -> None:
    caption = (
        "Commuters shield themselves from the midday sun with umbrellas while waiting for a ride along "
        "Commonwealth Avenue."
    )
    text = f"Heat index to hit danger level in 17 areas on Thursday\n{above}{caption}\n{_MANILA_LEAD}\n\n"
    doc = _run(text + _MANILA_LEAD.replace("MANILA, Philippines — At least", "More than"))
    span = _covering(doc, caption)
    assert (span is not None and span.rule == "caption/over-dateline") == goes
    assert not _overlapping(doc, _MANILA_LEAD)


@pytest.mark.parametrize(
    ("under", "goes"),
    [
        (
            "Jetzt Angebot sichern: Ihre neue Einbauküche zum Frühjahrspreis – nur bis 31. März im Studio",
            True,
        ),
        ("How the new charges compare", False),  # the article's next subheading
        # (a call in front of the article's own subject: its paragraph)
        (
            "Jetzt Tickets sichern: Das Hallenbad am Nordring öffnet nach der Sanierung mit neuem Becken",
            False,
        ),
    ],
)
def test_an_ads_copy_under_its_label_goes_but_not_the_articles_own_line(under: str, goes: bool) -> None:
    para = (
        "Das Hallenbad am Nordring wird ab Oktober saniert. Schulen und Vereine müssen für zwei Jahre in die "
        "Nachbarstädte ausweichen, sagte der Bürgermeister am Dienstag."
    )
    text = f"Hallenbad schließt für zwei Jahre\n\n{para}\n\n{para}\n\nAnzeige\n{under}\n\n{para}\n\n{para}"
    doc = _run(text)
    span = _covering(doc, under)
    assert (span is not None and span.category == Category.ADVERTISEMENT) == goes


def test_the_heads_lines_between_its_byline_and_date_go_by_their_own_rules() -> None:
    """A date line that a head rule knows, between the byline and the updated date (its zone had ended at the
    standfirst), goes as the date; a desk's byline ("Redacción ...") is a byline; the headline stays the title
    over a kicker with a figure and a subscribers' badge under the head's tools."""
    text = (
        "Sanierung für 14 Millionen Euro\nHallenbad am Nordring schließt im Herbst für zwei Jahre\n"
        "Das marode Hallenbad in Dülkenrath wird ab Oktober von Grund auf saniert. Schulen und Vereine "
        "müssen ausweichen.\nVon Katrin Wellmanns\n14. März 2024 um 17:45 Uhr\nArtikel teilen\n"
        "Dieser Artikel ist Teil von RP+ – exklusive Inhalte für unsere Abonnenten.\n\n"
        "Lange war darüber gestritten worden, jetzt steht der Fahrplan: Das Hallenbad am Nordring schließt "
        "nach den Herbstferien und soll im Herbst 2026 wieder öffnen.\n\nDie Kosten für die Sanierung "
        "beziffert die Stadtverwaltung auf rund 14 Millionen Euro, knapp fünf Millionen kommen vom Land."
    )
    doc = _run(text)
    assert doc.title == "Hallenbad am Nordring schließt im Herbst für zwei Jahre"
    badge = _covering(doc, "Dieser Artikel ist Teil von RP+")
    assert badge is not None and badge.category == Category.PAYWALL
    text = (
        "Cortes de agua en Chía y Sopó: estos son los horarios por sectores desde el lunes\n"
        "La empresa aplicará suspensiones programadas de hasta 24 horas mientras se reparan los tanques.\n"
        "Redacción Cundinamarca\n13 de marzo 2024, 07:42 a. m.\n"
        "Actualizado: 13 de marzo 2024, 09:15 a. m.\n\n"
        "A partir del próximo lunes, más de 60.000 usuarios de Chía y Sopó tendrán cortes de agua "
        "programados mientras la empresa repara los dos tanques principales.\n\nSegún la empresa, las "
        "inspecciones realizadas en diciembre encontraron fisuras en las paredes de ambos tanques."
    )
    doc = _run(text)
    date = _covering(doc, "13 de marzo 2024, 07:42 a. m.")
    desk = _covering(doc, "Redacción Cundinamarca")
    assert date is not None and date.category == Category.OTHER
    assert desk is not None and desk.category == Category.BYLINE


def test_the_headline_over_a_bare_name_and_its_role_is_the_title_not_the_caption_under_them() -> None:
    text = (
        "News\nSport\nBusiness\nEnvironment\n"
        "Nitrogen levels rising in more than half of south-east rivers, EPA finds\n"
        "Updated / 13:05\nAoife Brennan\nEnvironment Correspondent\n"
        "The EPA said nitrogen concentrations in the River Slaney catchment were among the highest recorded\n"
        "Nitrogen concentrations are rising in more than half of the rivers monitored in the south and "
        "south-east, according to a report published by the Environmental Protection Agency.\n"
        "The agency's latest assessment of water quality covers monitoring data from 2021 to 2023 and found "
        "that the trend had not reversed despite new rules for farms."
    )
    doc = _run(text)
    assert doc.title == "Nitrogen levels rising in more than half of south-east rivers, EPA finds"
    updated = _covering(doc, "Updated / 13:05")
    assert updated is not None and updated.category == Category.OTHER


def test_a_recipes_nutrition_line_stays_over_its_rating_call() -> None:
    steps = "\n".join(
        f"Step {i}: roast the chicken thighs for another ten minutes and baste them with the pan juices."
        for i in range(1, 6)
    )
    text = (
        "Sheet-Pan Harissa Chicken\n\n"
        + steps
        + "\n\nNotes\n\nFor extra-crispy chickpeas, return the pan to "
        "the oven for five more minutes after you take the chicken out to rest.\n\nNutrition\n\n"
        "Calories: 612kcal | Carbohydrates: 36g | Protein: 44g | Fat: 32g | Sodium: 1140mg\n\n"
        "Did you make this recipe?\nLeave a star rating and a comment below — I read every single one!\n"
        "You might also like\nOne-Pan Lemon Orzo with Chicken and Spinach\n"
        "Crispy Gnocchi with Sausage and Kale"
    )
    doc = _run(text)
    assert not _overlapping(doc, "Calories: 612kcal")
    call = _covering(doc, "Leave a star rating")
    assert call is not None and call.category == Category.COMMENT_FORM


def test_a_read_also_lists_teaser_that_a_rule_took_does_not_end_the_list() -> None:
    text = (
        "Nieuwe fietsostrade tussen Geel en Mol\n\nDe provincie Antwerpen legt tegen 2027 een nieuwe "
        "fietsostrade aan tussen Geel en Mol. Het gaat om een vrijliggend fietspad van elf kilometer.\n"
        "Fietsers moeten nu op verschillende plaatsen nog over de drukke N71, waar de voorbije vijf jaar "
        "drie dodelijke ongevallen gebeurden.\nHet traject volgt grotendeels de spoorlijn "
        "Antwerpen-Neerpelt.\n"
        "“Elke ochtend fietsen hier honderden scholieren richting Mol”, zegt gedeputeerde Lies Vandenbroeck. "
        "“Het is onze plicht om hen een veilige route te geven.”\nLees ook.\n"
        "PLUS Dodelijk ongeval op N71 in Mol: fietser (17) overleden\n"
        "Fietsostrades in Antwerpen: deze trajecten komen er de komende jaren bij\n"
        "Niet iedereen is tevreden. Een tiental landbouwers langs het traject moet grond afstaan. Zij voelen "
        "zich onvoldoende gehoord en hebben een advocaat onder de arm genomen.\nOok de verlichting ligt "
        "gevoelig.\nNatuurpunt vraagt om de verlichting in de buurt van het natuurgebied De Most aan te "
        "passen, zodat vleermuizen niet gestoord worden.\nDe gemeenten Geel en Mol betalen elk 1,5 miljoen "
        "euro mee. "
        "De rest komt van de provincie en de Vlaamse overheid."
    )
    doc = _run(text)
    teaser = _covering(doc, "Fietsostrades in Antwerpen")
    assert teaser is not None and teaser.category == Category.RELATED_LINKS
    assert not _overlapping(doc, "Niet iedereen is tevreden")


@pytest.mark.parametrize(
    ("over", "opener"),
    [
        ("", "US-based Alistair Cragg"),  # a lead under its headline, the next paragraph no dateline's
        ("", "DUBLIN (Reuters) - Alistair Cragg"),  # under the headline no rule took: the standfirst
        ("By Sam Reid\nShare\n", "US-based Alistair Cragg"),  # a word with a hyphen is no dateline
    ],
)
def test_a_line_over_a_paragraph_is_no_caption_without_the_heads_tools_and_a_dateline(
    over: str, opener: str
) -> None:
    lead = (
        "Ballymena sprinter Paul Brizzel will be among eight of Ireland's European Indoor hopefuls competing "
        "in this weekend's AAA's Championships."
    )
    text = (
        f"Brizzel to run AAA's in Sheffield\n\n{over}{lead}\n\n{opener} and Mark Carroll are the only "
        "Irish athletes selected so far for the Europeans who will not run in Sheffield. Brizzel will defend "
        "his 200m title in the British trials."
    )
    assert not _overlapping(_run(text), lead)


def test_a_summary_box_between_the_standfirst_and_the_byline_stays_with_them() -> None:
    text = (
        "Startseite\nSchweiz\nZürich\nBern\nHitzesommer\n"
        "Aare bei Thun knackt 24 Grad – Fischer retten Äschen mit Netzen und Wannen\n"
        "Seit Tagen ist die Aare so warm wie seit Jahren nicht mehr. Für Äschen wird es lebensbedrohlich.\n"
        "Darum gehts\n"
        "Die Aare hat am Sonntag bei Thun eine Wassertemperatur von 24,1 Grad erreicht.\n"
        "Ab etwa 25 Grad sterben Äschen, weil das warme Wasser zu wenig Sauerstoff enthält.\n"
        "Freiwillige haben bisher rund 1800 Fische in kühlere Zuflüsse umgesiedelt.\n"
        "Laura Brechbühl\nPubliziert: 22. Juli 2024, 05:12\nTeilen\n"
        "Kurz nach sieben Uhr stehen am Sonntagmorgen zwölf Männer und Frauen in Watstiefeln im knietiefen "
        "Wasser der Aare und treiben die Fische mit Netzen in eine Bucht.\n"
        "Die Äsche ist auf kaltes, sauerstoffreiches Wasser angewiesen. Steigt die Temperatur über 23 Grad, "
        "gerät sie in Stress und frisst nicht mehr."
    )
    doc = _run(text)
    assert doc.title == "Aare bei Thun knackt 24 Grad – Fischer retten Äschen mit Netzen und Wannen"
    for kept in ("Seit Tagen ist die Aare", "Darum gehts", "Freiwillige haben bisher"):
        assert not _overlapping(doc, kept), kept


def test_an_ap_game_storys_box_score_under_up_next_and_the_hub_link_stays() -> None:
    rows = "\n".join(
        f"{name} {pos} 4 {r} {h} 0 0 1 .2{k}8"
        for k, (name, pos, r, h) in enumerate(
            [
                *[("Castro", "ss", 2, 2), ("Garrido", "2b", 0, 1), ("Brandt", "1b", 1, 2)],
                *[
                    ("Okafor", "dh", 0, 0),
                    ("Fenske", "3b", 0, 0),
                    ("Whitlow", "rf", 0, 1),
                    ("Mejía", "c", 0, 0),
                ],
            ]
        )
    )
    text = (
        "Ortega homers twice as Mariners end skid with 6-3 win over Royals\nBy GRANT ELLISON\n\n"
        "SEATTLE (AP) — Luis Ortega hit a two-run homer in the first inning and added a solo shot in the "
        "eighth, and the Seattle Mariners beat the Kansas City Royals 6-3 on Friday night.\n"
        "Halvorsen (7-3) allowed three runs and six hits, struck out seven and walked one over six innings "
        "for his fourth straight win.\n"
        "UP NEXT\nRoyals RHP Caleb Mott (6-4, 3.51 ERA) faces Mariners LHP Ty Sandoval (4-5, 4.02) on "
        "Saturday night.\n___\nAP MLB: https://apnews.com/hub/mlb\n"
        "Kansas City AB R H BI BB SO Avg.\n" + rows + "\nTotals 33 3 6 3 1 9\n"
        "Copyright 2024 The Associated Press. All rights reserved."
    )
    doc = _run(text)
    for kept in ("UP NEXT", "Royals RHP Caleb Mott", "Kansas City AB R H", "Mejía c 4", "Totals 33 3 6"):
        assert not _overlapping(doc, kept), kept
    hub = _covering(doc, "AP MLB: https://apnews.com/hub/mlb")
    assert hub is not None and hub.category == Category.RELATED_LINKS


def test_a_magazines_pull_quote_without_marks_goes_but_a_sentence_no_paragraph_holds_stays() -> None:
    para = (
        "Until that vote, a restaurant on Front Street had to provide one parking space for every 100 square "
        "feet of dining room. The rules had been copied, with small edits, from a model ordinance the city "
        "adopted in 1964, and nobody on the council could say where the numbers had come from."
    )
    quote = (
        "The rules had been copied, with small edits, from a model ordinance the city adopted in 1964, and "
        "nobody on the council could say where the numbers had come from."
    )
    other = (
        "The council then voted six to one to drop every parking minimum in the city by the end of the year."
    )
    more = "\n".join(
        f"Paragraph {k}: the change let builders put housing where parking lots had been, planners said."
        for k in range(3)
    )
    headline = (
        "How a small Iowa city dropped every parking rule it had and what happened to its downtown next"
    )
    text = f"Home Ideas Cities {headline}\n{headline}\n\n{para}\n{more}\n{quote}\n{other}\n{more}"
    doc = _run(text)
    # (a headline under a breadcrumb that ends in it is no pull quote: no sentence)
    at = doc.text.index("\n" + headline) + 1
    assert "other/pull-quote" not in [s.rule for s in doc.removed if s.start <= at < s.end]
    at = doc.text.rindex(quote)  # (the paragraph holds the same words first)
    assert [s.rule for s in doc.removed if s.start <= at < s.end] == ["other/pull-quote"]
    assert not _overlapping(doc, para[:60])
    assert not _overlapping(doc, other)


def test_the_last_paragraph_under_a_betting_box_stays() -> None:
    paras = [
        "Al-Rimal have already spent heavily this window, bringing in a Brazilian winger from Porto and a "
        "Serbian centre-back from Red Star Belgrade for a combined fee of more than £60million.",
        "Maddox has started 21 of Newcastle's 24 league games this season and was named the club's Player "
        "of the "
        "Month for December after scoring four goals in five matches.",
    ]
    last = (
        "The Toon, who sit fifth in the table, return to action at home to Crystal Palace on Saturday, and "
        "Maddox is expected to start."
    )
    text = (
        "Newcastle star Maddox wanted by Saudi club in £45m deal\n\n" + "\n\n".join(paras) + "\n\n"
        "FOOTBALL BETTING TIPS\nBet £10 get £30 in free bets with Betfox when you sign up today\n"
        "New customers only. Min deposit £10. Free bets expire in 7 days. 18+ T&Cs apply. BeGambleAware.org\n"
        f"{last}\nJoin our WhatsApp channel for all the latest Newcastle news, views and transfer gossip"
    )
    doc = _run(text)
    assert not _overlapping(doc, last)
    offer = _covering(doc, "FOOTBALL BETTING TIPS")
    assert offer is not None and offer.category == Category.ADVERTISEMENT


@pytest.mark.parametrize(
    ("under", "stays"),
    [
        (
            [
                "Further upstream, WaterNSW said it had reduced releases from Burrinjuck Dam to ease "
                "pressure on "
                "the banks downstream.",
                "The bureau said rain forecast for early next week was likely to be light, which should "
                "allow "
                "levels to fall steadily.",
            ],
            True,
        ),
        # (the teasers' summaries: they share the headlines' words)
        (
            [
                "Farmers across the Riverina face many long months without any income while their paddocks "
                "stay "
                "underwater.",
                "Experts explain why the Murrumbidgee keeps on flooding again only three years after the "
                "last big "
                "flood event.",
            ],
            False,
        ),
    ],
)
def test_two_paragraphs_of_one_sentence_under_a_related_box_stay(under: list[str], stays: bool) -> None:
    text = (
        "Murrumbidgee levee holds as Wagga Wagga braces for a second flood peak\n\n"
        "The NSW State Emergency Service has issued a watch and act warning for properties along Kidman Way "
        "as the water rises again at Wagga Wagga.\n"
        "SES spokeswoman Priya Rao said crews had handed out more than 12,000 sandbags across the region "
        "since "
        "Monday.\n"
        '"We\'re asking people not to wait until the water is at the door," she said.\n'
        "Related stories\n"
        "Flooded farmers face months without income as Riverina paddocks stay underwater\n"
        "Why the Murrumbidgee is flooding again only three years after the last big event\n"
        + "\n".join(under)
        + "\nGet breaking news alerts directly to your phone with the ABC News app."
    )
    doc = _run(text)
    for line in under:
        assert (not _overlapping(doc, line)) == stays, line
    teaser = _covering(doc, "Why the Murrumbidgee is flooding again")
    assert teaser is not None and teaser.category == Category.RELATED_LINKS


def test_a_headline_over_a_standfirst_with_figures_and_no_full_stop_is_the_title() -> None:
    text = (
        "Empresas\nFinanças\nMundo\nVarejo\n"
        "Rede de farmácias Vitalar lucra R$ 212 milhões no 3º trimestre e acelera abertura de lojas no "
        "Nordeste\n"
        "Receita líquida cresce 14,8% na comparação anual; companhia prevê inaugurar 180 unidades em 2025\n"
        "Por Fernanda Lemos — De São Paulo\n06/11/2024 19h32 · Atualizado há 2 horas\n"
        "A rede de farmácias Vitalar registrou lucro líquido de R$ 212 milhões no terceiro trimestre, alta "
        "de "
        "31% sobre o mesmo período do ano passado.\n"
        "A receita líquida somou R$ 3,9 bilhões, avanço de 14,8% na comparação anual."
    )
    doc = _run(text)
    assert doc.title is not None and doc.title.startswith("Rede de farmácias Vitalar lucra")
    assert not _overlapping(doc, "Receita líquida cresce 14,8%")


@pytest.mark.parametrize(("above", "goes"), [("Par Camille Dorval\n", True), ("", False)])
def test_a_video_label_and_its_title_without_length_go_inside_the_article(above: str, goes: bool) -> None:
    lead = (
        "Invitée de l’émission « Entre deux prises » ce dimanche, Clémence Arnaud est revenue sur sa "
        "décision "
        "de quitter la série après six saisons."
    )
    para = (
        "Elle était l’un des visages familiers de l’access prime time. Pendant six saisons, Clémence Arnaud "
        "a "
        "incarné l’infirmière au caractère bien trempé."
    )
    title = "Clémence Arnaud dévoile les coulisses de son dernier jour de tournage"
    head = (
        f"Clémence Arnaud quitte la série : « J’avais besoin de respirer »\n{lead}\n{above}" if above else ""
    )
    text = f"Accueil\nTélé\nPeople\n{head}Vidéo\n{title}\n{para}\n{para.replace('six', 'sept')}"
    doc = _run(text)
    span = _covering(doc, title)
    assert (span is not None and span.rule == "caption/video-title") == goes
    label = _covering(doc, "Vidéo")  # (a menu's "Vidéo" over the headline is no player's label)
    assert (label is not None and label.rule == "other/video-player") == goes


_COUNCIL_LEAD = (
    "The council voted on Tuesday night to close three of the city's branch libraries by the end of the year."
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a standfirst that repeats the lead and goes on is no pull quote's paragraph
        (
            "Council votes to close three libraries\n"
            f"{_COUNCIL_LEAD} Campaigners say they will take the decision to court.\nBy Jane Doe\n\n"
            f"{_COUNCIL_LEAD}\n\nThe branches at Eastgate, Millford and Park Lane will shut in December, and "
            "their books will move to the central library, the council said.",
            [_COUNCIL_LEAD],
        ),
        # the article's paragraph under an ad's label, a call word inside it, is no ad's copy
        (
            "Harlow agrees to buy rival bakery chain\n\nShares in Harlow Foods rose 4% on Monday after it "
            "agreed to buy the Cedar Bakery chain for £120m, its largest deal in a decade.\n\nAdvertisement\n"
            "The deal is expected to close in June, subject to approval by regulators in London and "
            "Brussels.\n\n"
            "Harlow said the purchase would add 140 shops to its estate in the north of England and "
            "Scotland.",
            ["The deal is expected to close in June"],
        ),
        # a standfirst with no full stop under the byline, over a dateline lead, is no caption
        (
            "Floods cut off villages in the north\nBy Maria Santos, Associated Press\n"
            "Rescuers use boats to reach families stranded on rooftops as rivers burst their banks\n"
            "MANILA, Philippines — Floodwaters cut off dozens of villages in the northern Philippines on "
            "Monday after a week of heavy rain, officials said.\n"
            "The disaster agency said more than 20,000 people had moved to evacuation centres.",
            ["Rescuers use boats to reach families"],
        ),
        # a police appeal in the article is no newsroom's call for tips
        (
            "Einbruch in Juweliergeschäft in der Kölner Altstadt\n\nUnbekannte sind in der Nacht zu Sonntag "
            "in ein Juweliergeschäft in der Kölner Altstadt eingebrochen und haben Schmuck gestohlen.\n\n"
            "Haben Sie etwas gesehen? Melden Sie sich bei der Polizei Köln unter der Rufnummer 0221 "
            "229-0.\n\n"
            "Die Polizei prüft derzeit auch, ob der Einbruch mit einer Serie in der Innenstadt "
            "zusammenhängt.",
            ["Haben Sie etwas gesehen?", "Die Polizei prüft derzeit auch"],
        ),
        # a sentence about narration is no narration note
        (
            "Audiobook boom turns to machines\n\nPublishers are turning to synthetic voices to keep up with "
            "demand for audiobooks, industry figures show.\n\nThe company said more than 40,000 titles had "
            "been produced using AI narration.\n\nNarrators' unions say the work is being taken from them.",
            ["The company said more than 40,000 titles"],
        ),
        # a label between paragraphs over a subheading is no video player
        (
            "Storm leaves thousands without power\n\nMore than 20,000 homes lost power on Tuesday night as "
            "winds of up to 80mph swept across the county, the utility said.\n\nVideo\n"
            "What residents should do now\n\nThe council urged residents to keep away from fallen lines and "
            "to "
            "report damage online rather than by phone.",
            ["What residents should do now"],
        ),
    ],
)
def test_what_the_review_of_session_43_found(text: str, kept: list[str]) -> None:
    doc = _run(text)
    for k in kept:
        at = doc.text.rindex(k)
        assert not [s for s in doc.removed if s.start <= at < s.end], k


def test_an_inline_jump_list_ends_where_an_item_comes_back() -> None:
    # the list's items come back lower down as headings; the first of them stands right under the list, and
    # it is the article's heading there, not the list's sixth item (session 45)
    body = (
        "Albarracín está a unos 38 kilómetros de Teruel, algo menos de media hora en coche desde la capital."
    )
    text = "\n".join(
        [
            "Qué ver en Albarracín en un día: ruta a pie, miradores y consejos",
            "",
            "Albarracín es uno de esos pueblos que parecen sacados de un cuento, sobre el río Guadalaviar.",
            "",
            "Índice de contenidos",
            "Cómo llegar a Albarracín",
            "Qué ver en Albarracín",
            "Dónde comer",
            "Cómo llegar a Albarracín",
            body,
            "Qué ver en Albarracín",
            "La muralla es la imagen más famosa del pueblo y se puede subir por un sendero empinado.",
            "Dónde comer",
            "En la plaza hay tres restaurantes con menú del día por unos quince euros por persona.",
        ]
    )
    doc = _run(text)
    first, second = text.index("Cómo llegar"), text.rindex("Cómo llegar")
    listed = [s for s in doc.removed if s.start <= first < s.end]
    assert listed and listed[0].rule == "navigation/jump-list"
    assert not [s for s in doc.removed if s.start <= second < s.end]


def test_a_match_reports_box_stays_over_an_ads_label_and_copy() -> None:
    # the box of line-ups stays the article's over an ad's label with the ad's copy under it (session 45)
    text = "\n".join(
        [
            "Granit wygrał w Jarosławiu w ostatnich minutach",
            "",
            "Piłkarze Granitu Tarnobrzeg pokonali na wyjeździe Wisłokę Jarosław 2:1 i awansowali na trzecie "
            "miejsce w tabeli pierwszej ligi po golu Marszałka w 88. minucie spotkania.",
            "",
            "Gospodarze prowadzili do przerwy po bramce Kowalczyka, ale po zmianie stron Granit przejął "
            "inicjatywę i wyrównał po strzale głową Dudka z rzutu rożnego w 51. minucie.",
            "",
            "Wisłoka Jarosław – Granit Tarnobrzeg 1:2 (1:0)",
            "Bramki: 1:0 Kowalczyk 23', 1:1 Dudek 51', 1:2 Marszałek 88'",
            "Wisłoka: Jabłoński – Pietrzak, Wojtas, Kowalczyk, Bielecki – Mazur, Gawron, Sroka",
            "Granit: Kasprzak – Zawisza, Tomczyk, Rogala, Wrona – Kędzior, Grabowski, Chmiel",
            "Sędzia: Tomasz Rybak (Lublin). Widzów: 3 412.",
            "Reklama",
            "Nowa aplikacja klubu pozwala śledzić każdy mecz na żywo i kupować bilety w kilka sekund.",
        ]
    )
    doc = _run(text)
    for line in ("Bramki: 1:0", "Sędzia: Tomasz Rybak"):
        assert not _overlapping(doc, line), line


def test_a_contents_heading_over_a_list_that_comes_back_nowhere_stays() -> None:
    # "Inhalt" over a package's contents is no jump list: its items are no headings lower down (session 45)
    text = "\n".join(
        [
            "Akku-Rasenmäher im Test: Leise, leicht und ausdauernd",
            "",
            "Der neue Akku-Rasenmäher von Gartenwerk schafft mit einer Ladung rund "
            "400 Quadratmeter Rasen und ist "
            "dabei deutlich leiser als die meisten Benzinmodelle, die wir in diesem Jahr getestet haben.",
            "",
            "Geliefert wird das Gerät in einem großen Karton, der neben dem Mäher selbst das nötige Zubehör "
            "enthält, das man für den Start braucht, und eine ausführliche Anleitung auf Deutsch.",
            "",
            "Inhalt",
            "Zwei Akkus mit je 4 Ah",
            "Ein Schnellladegerät",
            "Eine Transporttasche",
            "",
            "Im Alltag überzeugt vor allem die einfache Höhenverstellung, die sich mit einem Hebel in sechs "
            "Stufen zwischen 25 und 75 Millimetern einstellen lässt, ohne dass man sich bücken muss.",
            "",
            "Der Fangkorb fasst 50 Liter und lässt sich mit einer Hand abnehmen "
            "und leeren, was bei hohem Gras "
            "allerdings öfter nötig ist, als uns lieb war, weil er sich schnell füllt.",
        ]
    )
    doc = _run(text)
    for line in ("Inhalt", "Ein Schnellladegerät"):
        assert not _overlapping(doc, line), line


def test_two_weak_newsletter_lines_make_no_sign_up_box() -> None:
    # a short paragraph between two lines that only name a newsletter stays: a box needs a strong rule's line
    # on one side (session 45)
    text = "\n".join(
        [
            "The retired teacher whose recipe emails now reach 40,000 inboxes",
            "",
            "When Joan Whitfield retired from teaching in 2019, she expected to "
            "spend more time in her garden, "
            "but her grandson had other plans for her recipes and her mornings.",
            "",
            "A newsletter for the allotment",
            "Readers pay nothing, although about one in ten chooses to donate each month.",
            "Her newsletter now goes out every Sunday",
            "",
            "Each edition contains three recipes, a shopping list and a short note "
            "about what is growing in her "
            "allotment that week, and readers write back from a dozen countries.",
        ]
    )
    doc = _run(text)
    assert not _overlapping(doc, "Readers pay nothing")


def test_a_bio_may_open_with_the_authors_surname() -> None:
    # wire services write the bio under the article with the surname alone (session 45)
    text = "\n".join(
        [
            "City council approves new bike lanes on Main Street",
            "",
            "By Dana Reyes",
            "",
            "The Lakeview City Council voted 5-2 on Tuesday to add protected bike "
            "lanes along a two-mile stretch "
            "of Main Street, removing about 60 parking spaces between Oak and Elm avenues.",
            "",
            "Supporters said the lanes would make the corridor safer for students "
            "who ride to the high school, "
            "while several shop owners warned that losing parking would hurt their business.",
            "",
            "Reyes covers city hall and transportation for The Lakeview Courier.",
        ]
    )
    doc = _run(text)
    bio = _covering(doc, "Reyes covers city hall")
    assert bio is not None and bio.category == Category.AUTHOR_BIO


_SKY_END = [
    "Water company fined record £11.4m for illegal sewage discharges",
    "",
    "A water company has been fined a record £11.4m after admitting it illegally discharged raw sewage into "
    "the River Teme on hundreds of occasions over four years.",
    "",
    "Ruth Carver, from the Teme Valley river action group, said the penalty was welcome but amounted to "
    "little unless the company fixed the pumps that failed.",
    "",
    "Subscribe to the Sky News Daily wherever you get your podcasts",
    "",
]


@pytest.mark.parametrize(
    ("paragraph", "stays"),
    [
        # a news paragraph that reports speech: the article's last (session 46)
        (
            "The Environment Agency said it had opened a further 11 criminal investigations into water "
            "companies over the past year and was recruiting 500 extra officers.",
            True,
        ),
        # one paragraph that reports nothing may be the prompt's copy: it goes with the prompt, as before
        (
            "The river and its pumps feature in a new episode out every weekday morning, with the river "
            "trust's volunteers and the company's engineers.",
            False,
        ),
    ],
)
def test_one_paragraph_under_a_podcast_prompt_stays_when_it_reports_speech(
    paragraph: str, stays: bool
) -> None:
    doc = _run("\n".join([*_SKY_END, paragraph, "", "Related Topics", "Environment", "© 2025 Sky UK"]))
    assert bool(_overlapping(doc, paragraph[:40])) != stays


def test_two_authors_at_their_places_over_the_date_are_the_byline_under_the_standfirst() -> None:
    # the FT's byline: the headline is the line over the standfirst, which stays (session 46)
    text = "\n".join(
        [
            "Skip to content",
            "Sign In",
            "Private equity",
            "Add to myFT",
            "Swedish pension fund Norrkap cuts back on US buyout commitments",
            "SKr640bn fund says drought in cash distributions has left it over-allocated to private markets",
            "Elin Sandqvist in Stockholm and Marcus Fairley in London",
            "Published 6 hours ago",
            "",
            "One of Scandinavia's largest pension funds is slashing new commitments to US private equity, in "
            "the clearest sign yet that the slump in exits is forcing investors to rethink the asset class.",
            "",
            "Norrkap Pension, which manages SKr640bn on behalf of about 1.4mn Swedish private-sector "
            "workers, "
            "said it would commit no more than SKr3bn to new buyout funds this year.",
        ]
    )
    doc = _run(text)
    assert doc.title == "Swedish pension fund Norrkap cuts back on US buyout commitments"
    assert not _overlapping(doc, "SKr640bn fund says drought")
    assert _covering(doc, "Elin Sandqvist in Stockholm") is not None


_BODY = [
    "Mbour, Senegal – At low tide, Awa Diatta wades knee-deep into the lagoon with a bundle of nylon line "
    "and "
    "a sack of seaweed cuttings, as she has done every morning for the past three years.",
    "",
    "Across Senegal's Petite Côte, artisanal fishing communities that have depended on the sea for "
    "generations are watching their catches shrink year after year.",
    "",
]


def test_a_teaser_between_a_lists_numbered_markers_goes() -> None:
    # Al Jazeera's box: "list 4 of 4" / a teaser that reads as prose / "end of list" (session 46)
    text = "\n".join(
        [
            "In Senegal's fishing towns, seaweed offers a lifeline",
            "",
            *_BODY,
            "Recommended Stories",
            "list 1 of 2",
            "Mauritania's fishmeal factories under scrutiny over shrinking stocks",
            "list 2 of 2",
            "Ghana bans trawling for a month to let fish stocks recover",
            "end of list",
            "",
            *_BODY[2:],
        ]
    )
    doc = _run(text)
    assert _covering(doc, "Ghana bans trawling") is not None
    assert _covering(doc, "Recommended Stories") is not None


@pytest.mark.parametrize(
    ("under", "goes"),
    [
        # a sponsored story's headline between the ad's label and a rule's chrome (session 46)
        ("Loading...", True),
        # the article's subheading under an ad's label, its paragraph under it, stays
        (
            "Per ridurre la dipendenza dal metano, quattro gruppi hanno avviato sperimentazioni con forni "
            "ibridi alimentati in parte a idrogeno.",
            False,
        ),
    ],
)
def test_a_sponsored_headline_boxed_under_an_ads_label_goes(under: str, goes: bool) -> None:
    text = "\n".join(
        [
            "Ceramica, l'export del distretto emiliano frena",
            "",
            "Il distretto ceramico tra Modena e Reggio Emilia chiude il primo semestre con vendite "
            "all'estero "
            "in calo del 6,4 per cento rispetto allo stesso periodo dell'anno scorso.",
            "",
            "Brand connect",
            "Logistica, come l'intelligenza artificiale taglia i tempi di consegna",
            under,
            "",
            "Sul fronte dei costi, il prezzo del gas resta la variabile decisiva per le imprese del "
            "distretto, "
            "che spendono per l'energia fino al 30 per cento dei costi di produzione.",
        ]
    )
    doc = _run(text)
    assert bool(_covering(doc, "Logistica, come")) == goes


def test_a_caption_that_names_an_archive_photo_goes_over_its_credit() -> None:
    # "... Arkivbild." / "Foto: TT": a caption of two sentences (session 46)
    text = "\n".join(
        [
            "Rekordmånga havsörnsungar längs Höga kusten i år",
            "",
            "Inventerarna har räknat 74 flygga ungar längs kusten – det högsta antalet sedan mätningarna "
            "började.",
            "",
            "Havsörnen har återhämtat sig kraftigt sedan miljögifterna förbjöds. Arkivbild.",
            "Foto: TT",
            "",
            "Det var under juni och juli som frivilliga från länets ornitologiska förening klättrade upp "
            "till "
            "de kända boplatserna för att räkna och ringmärka ungarna.",
            "",
            "Havsörnen var nära att försvinna från Sverige på 1970-talet, när miljögifter gjorde att "
            "äggskalen "
            "blev så tunna att de sprack under ruvningen.",
        ]
    )
    doc = _run(text)
    cap = _covering(doc, "Havsörnen har återhämtat sig")
    assert cap is not None and cap.category == Category.CAPTION


def test_a_videos_title_under_hide_caption_is_no_title() -> None:
    # USA TODAY's player: "Show Caption" / "Hide Caption" / the video's title (session 46)
    text = "\n".join(
        [
            "NATION",
            "Daylight saving time 2025 starts this weekend: Here's when to set your clocks forward",
            "Natalie Brooks-Ferreira",
            "USA TODAY",
            "Published 6:02 a.m. ET March 4, 2025 | Updated 9:47 a.m. ET March 4, 2025",
            "Show Caption",
            "Hide Caption",
            "How daylight saving time affects your sleep",
            "Shifting the clock by one hour can throw off sleep patterns for several days, experts say.",
            "Get ready to lose an hour of sleep.",
            "Daylight saving time begins at 2 a.m. local time on Sunday, March 9, when clocks in most of the "
            "United States spring forward one hour.",
            "Most smartphones, computers and other internet-connected devices update automatically, but "
            "clocks "
            "on microwaves, ovens and older cars need to be changed by hand.",
        ]
    )
    doc = _run(text)
    assert doc.title is not None and doc.title.startswith("Daylight saving time 2025")
    assert _covering(doc, "How daylight saving time affects your sleep") is not None


@pytest.mark.parametrize(
    ("line", "goes"),
    [
        # a caption in the present tense over the photographer's bare name, under the head's tools
        # (session 46)
        ("Sen. Carla Westbrook (R-Mont.) speaks to reporters outside the Senate chamber on Wednesday.", True),
        # a standfirst over the author's bare name stays
        ("The measure would cut the time it takes providers to get permits to build on federal land.", False),
    ],
)
def test_a_lead_photos_caption_in_the_present_tense_goes_over_a_bare_credit(line: str, goes: bool) -> None:
    text = "\n".join(
        [
            "Senate panel advances bill to speed permits for rural broadband",
            "by Daniel Marsh-Ortega - 03/04/25 6:12 AM ET",
            "Share",
            "Copy Link",
            line,
            "Greg Nash",
            "A Senate committee on Tuesday advanced legislation meant to cut the time it takes internet "
            "providers to get permission to lay fiber and build towers on federal land, a bottleneck that "
            "rural lawmakers in both parties say is slowing the rollout of high-speed service.",
            "The Senate Commerce Committee approved the measure by a 21-7 vote, sending it to the full "
            "Senate.",
        ]
    )
    doc = _run(text)
    assert bool(_covering(doc, line[:40])) == goes
    assert bool(_covering(doc, "Greg Nash")) == goes


def test_a_teaser_of_two_sentences_under_a_read_also_heading_goes_over_an_ads_label() -> None:
    # "Přečtěte si také:" / a kicker's sentence and the headline / "Reklama" (session 46)
    text = "\n".join(
        [
            "Chmelaři na Žatecku sklízejí o pětinu méně",
            "",
            "Na chmelnicích v okolí Žatce se od poloviny srpna česá naplno. Pěstitelé ale letos počítají s "
            "výrazně nižší úrodou, než jakou čekali na jaře.",
            "",
            "Přečtěte si také:",
            "Pivovary zdražují. Za půllitr v hospodě si letos připlatíte až pět korun",
            "Reklama",
            "",
            "Vybudování kapkové závlahy stojí podle pěstitelů 250 až 350 tisíc korun na hektar. Ministerstvo "
            "zemědělství na ni přispívá z dotačního programu.",
        ]
    )
    doc = _run(text)
    assert _covering(doc, "Pivovary zdražují") is not None
    assert not _overlapping(doc, "Vybudování kapkové závlahy")


def test_the_articles_subheading_under_two_teasers_stays_when_its_paragraph_shares_a_word() -> None:
    # "Más noticias" / two teasers / "La vivienda, el verdadero cuello de botella" / its paragraph
    # (session 46)
    text = "\n".join(
        [
            "Los pueblos de Soria que ganan vecinos",
            "",
            "El teletrabajo, los alquileres baratos y las escuelas abiertas han devuelto la vida a una "
            "docena "
            "de municipios de la provincia más despoblada de España.",
            "",
            "Más noticias",
            "La Junta destina 40 millones a vivienda rural en alquiler asequible",
            "El tren Soria-Madrid sumará una frecuencia diaria a partir del verano",
            "La vivienda, el verdadero cuello de botella",
            "El principal obstáculo es paradójico: en pueblos con decenas de casas vacías, apenas hay "
            "viviendas disponibles para alquilar, porque sus dueños no quieren reformarlas.",
        ]
    )
    doc = _run(text)
    assert _covering(doc, "La Junta destina 40 millones") is not None
    assert not _overlapping(doc, "La vivienda, el verdadero")


def test_the_authors_bio_in_a_box_under_the_byline_is_no_bar_to_the_headline_over_them() -> None:
    # ESPN's byline opens a box with the bio and a "Close" button (session 46)
    text = "\n".join(
        [
            "NFL",
            "Chargers' Whitfield out 4 to 6 weeks with high ankle sprain",
            "Kris Ordway, ESPN Staff Writer",
            "Close",
            "Kris Ordway covers the Los Angeles Chargers for ESPN. He joined ESPN in 2019.",
            "Nov 12, 2024, 04:31 PM ET",
            "Share",
            "EL SEGUNDO, Calif. -- Los Angeles Chargers left tackle Marcus Whitfield will miss four to six "
            "weeks "
            "with a high ankle sprain, coach Dan Mercer said Tuesday.",
            "Whitfield was hurt on the Chargers' second offensive series on Sunday and did not return, "
            "leaving "
            "the team without its best pass protector for a stretch of divisional games.",
        ]
    )
    doc = _run(text)
    assert doc.title == "Chargers' Whitfield out 4 to 6 weeks with high ankle sprain"
    assert _covering(doc, "Kris Ordway covers the Los Angeles Chargers") is not None


def test_a_newsrooms_kicker_and_contact_box_around_a_releases_headline_go() -> None:
    # "News Releases from Region 5" / the release's headline / the date / its contact box (session 46)
    text = "\n".join(
        [
            "About EPA",
            "News Releases from Region 5",
            "EPA Awards $4.2 Million to Clean Up Former Industrial Sites in Five Midwest Communities",
            "March 4, 2025",
            "Contact Information",
            "Media Relations (r5press@epa.gov)",
            "312-555-0147",
            "CHICAGO (March 4, 2025) — The U.S. Environmental Protection Agency today announced $4.2 "
            "million in "
            "Brownfields grants to five communities in Illinois, Indiana, Michigan, Ohio and Wisconsin.",
            "Brownfields are properties where expansion, redevelopment or reuse may be complicated by the "
            "presence "
            "of a hazardous substance, pollutant or contaminant.",
        ]
    )
    doc = _run(text)
    assert doc.title is not None and doc.title.startswith("EPA Awards $4.2 Million")
    for line in ("Contact Information", "Media Relations (r5press@epa.gov)"):
        assert _covering(doc, line) is not None


def test_a_sign_up_boxs_button_under_its_line_is_no_bar_to_the_headline_over_them() -> None:
    # Patch: "Get more local news ... Sign up for free Patch newsletters and alerts." / "Subscribe"
    # (session 46)
    text = "\n".join(
        [
            "Glen Ellyn, IL",
            "Business",
            "Longtime Glen Ellyn Bakery To Reopen Under New Owners This Spring",
            "Hartwell's Bakery, closed since October, will return with its original recipes by late April.",
            "Patch Staff",
            "Posted Tue, Mar 4, 2025 at 6:12 am ET",
            "Share",
            "Get more local news delivered straight to your inbox. Sign up for free Patch newsletters and "
            "alerts.",
            "Subscribe",
            "GLEN ELLYN, IL — A downtown bakery that served the village for more than six decades will "
            "reopen this "
            "spring under new owners, who plan to keep its best-known recipes.",
            "Hartwell's Bakery, which Walter and June Hartwell opened on Main Street in 1961, closed in "
            "October "
            "after the couple's son retired.",
        ]
    )
    doc = _run(text)
    assert doc.title == "Longtime Glen Ellyn Bakery To Reopen Under New Owners This Spring"
    assert not _overlapping(doc, "Hartwell's Bakery, closed since October")


def test_an_ads_copy_with_its_call_further_in_goes_under_its_label() -> None:
    # "Anzeige" / "Strom- und Gastarife vergleichen: Jetzt den Tarifrechner nutzen ..." (session 46)
    text = "\n".join(
        [
            "Hohe Nachzahlungen für Mieter in Ahrberg",
            "",
            "Als Sabine Roloff am Montag den Umschlag öffnete, dachte sie zunächst an einen Tippfehler. "
            "1.386 Euro "
            "soll sie für das vergangene Jahr nachzahlen.",
            "",
            "Anzeige",
            "Strom- und Gastarife vergleichen: Jetzt den Tarifrechner nutzen und bis zu 850 Euro im Jahr "
            "sparen",
            "",
            "Die Gesellschaft begründet die Nachzahlungen vor allem mit dem Fernwärme-Liefervertrag, der "
            "Ende 2023 "
            "ausgelaufen ist.",
        ]
    )
    doc = _run(text)
    ad = _covering(doc, "Strom- und Gastarife vergleichen")
    assert ad is not None and ad.category == Category.ADVERTISEMENT


def test_a_newsletter_forms_email_field_inside_the_article_ends_nothing() -> None:
    # Vox: a sign-up box between two sections, its "Email (required)" field no comment form's (session 46)
    text = "\n".join(
        [
            "Why your tap water smells like a swimming pool this month",
            "",
            "If you live in one of a few hundred American cities, you may have noticed it this month: a "
            "sharp, "
            "bleach-like smell coming out of the kitchen faucet.",
            "",
            "Understand the world with a daily explainer plus the most compelling stories of the day.",
            "Email (required)",
            "Sign Up",
            "By submitting your email, you agree to our Terms and Privacy Notice. You can opt out at any "
            "time.",
            "",
            "Is it safe?",
            "",
            "For almost everyone, yes. Chlorine levels during a burn are usually between 2 and 4 milligrams "
            "per "
            "liter, within federal limits for drinking water.",
            "",
            "Two groups do need to pay attention. People on home dialysis must use water treated to remove "
            "both "
            "chlorine and chloramine, and so must aquarium owners.",
        ]
    )
    doc = _run(text)
    assert not _overlapping(doc, "For almost everyone, yes.")
    assert not _overlapping(doc, "Two groups do need to pay attention.")


def test_menu_echo_headings_past_rule_lines() -> None:
    """Session 47 (review 47c): section headings that echo the site's menu stay headings when a rule's line
    stands between them and a paragraph ("Read more: ..." over "Health", "Advertisement" over "Schools")."""
    text = "\n".join(
        [
            "The Lakeview Courier",
            "Home",
            "News",
            "Economy",
            "Health",
            "Schools",
            "Sport",
            "Budget 2024: what the state's new spending plan means for you",
            "By Maria Lopez",
            "March 14, 2024",
            "The state legislature passed a $48 billion budget on Wednesday night, after weeks of "
            "negotiation between the House and the governor's office.",
            "Here is how the plan will affect households, patients and students across the state.",
            "Economy",
            "The budget cuts the state income tax rate for middle earners from 4.9% to 4.5%, saving a "
            "typical family about $310 a year.",
            "It also sets aside $1.2 billion for roads and bridges, the largest sum in a decade.",
            "Read more: Governor signs gas tax holiday into law",
            "Health",
            "Medicaid reimbursement rates for rural hospitals will rise by 8%, a change hospital "
            "groups had sought for years.",
            "The plan also funds 40 new school nurses in districts that have none.",
            "Advertisement",
            "Schools",
            "Teachers will receive a 3% raise, and the per-pupil funding formula will be updated for "
            "the first time since 2011.",
            "The governor is expected to sign the budget next week.",
        ]
    )
    doc = _run(text)
    for heading in ("Economy", "Health", "Schools"):
        i = doc.text.rindex("\n" + heading + "\n") + 1
        assert not any(s.start <= i < s.end for s in doc.removed), heading
