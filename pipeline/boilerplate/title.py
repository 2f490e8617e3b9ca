"""The title and the author found in the text (step 5 of :mod:`pipeline.boilerplate.classify`).

:func:`_find_title` walks up from the article region over metadata, tools, kickers and jump lists
to the headline; bylines, captions, breadcrumbs and menu items are never the title.
:func:`_bare_byline` names an author given without "By" next to the date, the reading time or a
role, and never a desk, an agency or a publisher (:func:`_org_name`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.boilerplate.blocks import (
    _AGO,
    _BARE_CLOCK,
    _CRUMB_MARKS,
    _DIGIT,
    _HEAD_METADATA,
    _STOPWORDS,
    _Block,
    _content_words,
    _data_like,
    _date_line,
    _headline_shaped,
    _is_headline,
    _open_end,
    _rule_category,
    _stems,
    _title_case_sentences,
)
from pipeline.boilerplate.features import has_date, normalise
from pipeline.boilerplate.stopwords import STOPWORDS, _split
from pipeline.boilerplate.tables import _CELL_GAP, _FIGURE, _Tables, _typeset
from pipeline.document import Category, Document

_AGENCY = re.compile(
    r"(?i:(the )?associated press|ap|reuters|afp|agence france-presse|dpa|pa( media)?|press association|"
    r"bloomberg( news)?|efe|ansa|upi|xinhua|staff( reports?| writers?)?|news ?desk|web desk|newsroom)"
)
"""A byline that names an agency or the staff ("Story by Reuters", "By Staff Reports"): no author."""

_BYLINE_REACH = 10
"""Lines above the title that :func:`_bare_byline` reads for the name elsewhere (a breadcrumb)."""
_TOOL_WORD = re.compile(
    r"\b(?i:tweet|twittern|teilen|share|e-?mail|facebook|twitter|print|drucken|whatsapp|linkedin|pinterest|"
    r"reddit|follow|subscribe|comments?|kommentare|login|log in|sign in|posts?|stories|articles|updates|"
    r"archives?|categories|tags|menu|search)\b"
)
_INTERVIEW = re.compile(r"(?i:interview|q ?& ?a|entretien|intervista|entrevista|wywiad|rozhovor|интервью)$")
_GLUED_BY = re.compile(r"^(By|Von|Por|Par)(?=[A-Z])")
"""A "By" glued to the name in a page dump ("ByJ.R. Stone")."""
_NAME_STOPS = frozenset().union(*STOPWORDS.values()) - frozenset({"han", "mai", "ani", "lui"})
"""Stop words of any language that no person's name holds; not those that are names too ("Han Kang",
"Mai Tran")."""


def _org_name(name: str) -> bool:
    """A desk, an agency, a publisher, a paper, a place or an institution rather than a person
    ("Redazione ANSA", "Penguin Books", "Lakeview Courier", "Lakeview Police Department").

    >>> _org_name("Lakeview Courier"), _org_name("Penguin Books"), _org_name("Jane Doe")
    (True, True, False)
    """
    return (
        _AGENCY.fullmatch(name) is not None
        or _DESK.search(name) is not None
        or _PAPER_NAME.search(name) is not None
        or _COMPASS.match(name) is not None
    )


org_name = _org_name
"""Public name of :func:`_org_name` (also used for the authors of HTML pages' metadata)."""


def _stop_in_name(name: str) -> bool:
    """A stop word of any language first in ``name`` (an article, a pronoun) or between its words (not
    a particle such as "von", "De"): a headline or a title, no name ("Das Louis Vuitton Missgeschick",
    "Game Of Thrones"); a surname that is one too stays ("Theresa May").

    >>> _stop_in_name("Das Louis Vuitton Missgeschick"), _stop_in_name("Theresa May")
    (True, False)
    """
    words = name.split()
    return words[0].casefold() in _NAME_STOPS or any(
        w.casefold() in _NAME_STOPS and not re.fullmatch(_PARTICLE, w, re.IGNORECASE) for w in words[1:-1]
    )


_NAME_PARTS = re.compile(r" +(?:[|·•]|[-–—]) +")
_READ_PART = re.compile(r"\d+ ?min(ute)?s?\b", re.IGNORECASE)
_ROLE = re.compile(
    r"(?i:(staff |senior |chief |contributing |special )?(writer|reporter|correspondent|editor|columnist|"
    r"journalist|critic|contributor|staff))$"
)
_BYLINE_WORD = re.compile(r"(?i:by|von|por|par|przez|door|di|de|da|av|af|od)\b")
_DESK = re.compile(
    r"\b(?i:redazione|redaktion|redacción|rédaction|redactie|redakcja|redação|redacao|staff|newsroom|desk|team|"
    r"agencia|agence|agenzia|agência|universit\w*|institut\w*|college|school|hospital|klinik\w*|ministry|"
    r"minist[eè]r\w*|council|police|polizei|department|gmbh|inc|ltd|llc|corp|group|foundation|stiftung|"
    r"radio|tv|television|fernsehen|bureau|büro|books|publishing|publishers|records|studios|media|"
    r"united|city|international|square|stadium|arena|avenue|county|state|republic|kingdom|island|islands|"
    r"airport|station|museum|theatre|theater|centre|center|club|fc|berita|terkini|news|nachrichten|noticias|"
    r"actualités|notizie|nieuws|новости|haber|reuters|bloomberg|xinhua|afp|dpa|ansa|efe|updates?|updated|"
    r"live|last)\b"
)
"""A word of a desk's, an agency's, an institution's, a team's or a place's name, never a person's
("Redazione ANSA", "Web Desk", "Universität Würzburg", "Manchester United", "Madison Square Garden");
words that are surnames too ("Hall", "Park", "West") are not in it."""
_COMPASS = re.compile(r"(?i:north|south|east|west|middle|central)\b")
"""A region first ("Middle East", "North Wales"): no person's name."""


def _bare_byline(
    bs: list[_Block], lo: int, title_idx: int | None, threshold: float
) -> tuple[_Block, str] | None:
    """The article's author named on a line of their own without "By", in the head: the block and the
    name. The line was removed above the article (by its position, or as a comment's "Name | date")
    and reads as a name ("Sarah Mitchell", "Sarah Mitchell, Staff Writer", "Sarah Mitchell | March
    4, 2024"); the name sits next to the article's date, reading time or author's role (a line of
    its own, or a part of this one; a short line such as the place may stand between), so a
    section's name over the article ("Local News") is none, nor "Di Redazione" (a byline's word),
    nor an organisation, a place, a product or a headline (see the checks below). Looked for
    between the title and the article, only when a title was found; the lowest such line is the
    author's, so a short headline the title search missed over the author's name is not ("Biden
    Wins Iowa" / "Sarah Collins" / "January 16, 2024").
    """
    if title_idx is None:
        return None  # without a headline over it, a name-shaped line is as likely a section's
    first = title_idx + 1
    head = [x.f.text for x in bs[max(0, title_idx - _BYLINE_REACH) : lo]]

    def dated(x: _Block) -> bool:
        return (
            x.score >= threshold
            and x.f.words <= 20  # "Published 4:12 p.m. CT March 28, 2024 | Updated 9:30 a.m. CT ..."
            and (
                x.f.date
                or x.category in (Category.READING_TIME, Category.BYLINE)
                or _date_line(x)
                or (x.f.words <= 4 and _ROLE.search(x.f.text) is not None)  # "Senior Mobile Editor"
            )
        )

    found: tuple[_Block, str] | None = None
    for b in bs[first:lo]:
        if b.score < threshold or b.f.words > 12:
            continue
        if b.strong is not None and b.rule != "comments/en/comment-meta":
            continue
        parts = _NAME_PARTS.split(_GLUED_BY.sub("", b.f.text))
        name, rest = parts[0], parts[1:]
        role = None
        if ", " in name:
            name, role = name.split(", ", 1)
        # (not a name in the breadcrumb too: "... • Partner » Heizjacken von Bosch")
        if not _reads_as_name(name) or sum(name in t for t in head) > 1:
            continue
        if role is not None and _ROLE.search(role) is None:
            continue
        if b.index > 0 and _INTERVIEW.match(bs[b.index - 1].f.text):
            continue  # the interviewee under the kicker: "Interview" / "Emma Stone"
        if rest and not all(has_date(r) or _ROLE.search(r) or _READ_PART.match(r) for r in rest):
            continue  # "Site Update - Leseprobe Band 14 / Kapitel 121"
        beside = [bs[b.index - 1]] if b.index > 0 else []
        if b.index + 1 < len(bs):
            beside.append(nxt := bs[b.index + 1])
            if b.index + 2 < len(bs) and nxt.score >= threshold and nxt.f.words <= 2 and not nxt.f.terminal:
                beside.append(bs[b.index + 2])  # the place between: "Juan Castro" / "Vitoria" / date
        if role is not None or rest or any(dated(x) for x in beside):
            found = b, name
    return found


AUTHORS_SPLIT = re.compile(r",\s*(?:(?:and|und|et|y|e|og|och|&)\s+)?|\s+(?:and|und|et|y|e|og|och|i|en|&)\s+")
"""What joins authors' names in a byline ("Hannah Rourke and Tomasz Wierzbicki", "A, B & C", "A og B")."""


def _reads_as_name(name: str) -> bool:
    """Whether ``name`` reads as a person's name (:data:`_NAME_LINE`): no byline's word ("Di Redazione"),
    organisation, role ("Senior Mobile Editor"), figure (a product: "Samsung Galaxy S24"), section, stop
    word (a headline: "Das Louis Vuitton Missgeschick") or tool ("Tweet This")."""
    return not (
        _NAME_LINE.match(name) is None
        or _BYLINE_WORD.match(name)
        or _org_name(name)
        or _ROLE.search(name)
        or _DIGIT.search(name)
        or _SECTION_WORD.search(name)
        or _stop_in_name(name)
        or _TOOL_WORD.search(name)
    )


def _authors_line(text: str) -> bool:
    """Two or more authors' names on one line ("Johan Lindqvist and Maja Ekström", "A, B & C"), each
    of which :func:`_reads_as_name`."""
    names = AUTHORS_SPLIT.split(text)
    return len(names) >= 2 and all(_reads_as_name(n) for n in names)


def _names_over_date(
    bs: list[_Block], title_idx: int | None, threshold: float
) -> tuple[_Block, str, _Block | None] | None:
    """The authors' names on a line of their own that the article region holds, right under the headline
    or its standfirst (and the lead photo's caption and credit, which rules took) and right over the date a
    rule took ("Four by-elections held ..." / "Hannah Rourke and Tomasz Wierzbicki" / "Fri 14 Feb 03.02
    GMT"), or over their role over the date ("Ingrid Bjørkli" / "Journalist" / "Publisert 12.03.2024"), or
    under the date over their role, the role's word last in its line or first before the desk
    (:data:`_ROLE_FIRST`: "Opdateret i dag kl. 14.32" / "Trine Holmgaard" / "Journalist, DR Midt & Vest"):
    the block, the names and the role's block, if any; else None. Each name reads as one (two to four
    capitalised words, no organisation, no section, no stop word)."""
    if title_idx is None:
        return None
    standfirst = False
    for i in range(title_idx + 1, min(title_idx + _NAMES_REACH, len(bs) - 1)):
        b, under = bs[i], bs[i + 1]
        if b.score >= threshold and b.category == Category.CAPTION:
            continue  # the lead photo's caption and credit between the standfirst and the byline
        if b.g.prose and not standfirst and b.score < threshold:
            standfirst = True
            continue
        if b.score >= threshold and (b.f.date or _date_line(b)) and i + 2 < len(bs):
            # or under the date, over their role ("Opdateret i dag kl. 14.32" / "Trine Holmgaard" /
            # "Journalist, DR Midt & Vest")
            name, desk = bs[i + 1], bs[i + 2]
            if (
                name.score < threshold
                and name.strong is None
                and not name.f.terminal
                and name.f.words <= 12
                and desk.score < threshold
                and desk.strong is None
                and desk.f.words <= _ROLE_FIRST_WORDS
                and not desk.f.terminal
                and (_ROLE.search(desk.f.text) is not None or _ROLE_FIRST.match(desk.f.text) is not None)
                and (_reads_as_name(name.f.text) or _authors_line(name.f.text))
            ):
                return name, name.f.text, desk
            return None
        if b.score >= threshold or b.strong is not None or b.f.words > 12 or b.f.terminal:
            return None
        role: _Block | None = None
        if (
            under.score < threshold
            and under.strong is None
            and under.f.words <= _ROLE_LINE_WORDS
            and not under.f.terminal
            and _ROLE.search(under.f.text) is not None
            and i + 2 < len(bs)
        ):
            role, under = under, bs[i + 2]  # the author's role between the name and the date
        if under.score < threshold or not (under.f.date or _date_line(under)):
            return None
        if _reads_as_name(b.f.text) or _authors_line(b.f.text):
            return b, b.f.text, role
        return None
    return None


_NAMES_REACH = 6
"""Lines under the headline :func:`_names_over_date` looks at: the standfirst, the lead photo's caption and
credit, the names."""
_ROLE_LINE_WORDS = 4
"""Longest line of an author's role between the name and the date (:func:`_names_over_date`)."""
_ROLE_FIRST = re.compile(
    r"(?i:(staff |senior |chief |contributing |special )?(writer|reporter|correspondent|editor|columnist|"
    r"journalist|critic|contributor|redaktør|redaktor|redakteur|redakteurin|korrespondent|korrespondentin|"
    r"fotograf|journaliste|rédacteur|rédactrice|periodista|redactor|redactora|giornalista|jornalista|"
    r"verslaggever|toimittaja|újságíró|novinar|novinarka|wartawan))(,| [-–|]) \S.{0,40}"
)
"""An author's role, then the desk or the outlet ("Journalist, DR Midt & Vest", "Reporter | NRK Vestland")."""
_ROLE_FIRST_WORDS = 8
"""Longest line of an author's role under the name under the date (:func:`_names_over_date`)."""


def _find_title(
    doc: Document, bs: list[_Block], lo: int, rows: Sequence[int] = (), tables: _Tables | None = None
) -> int | None:
    """Index of the headline block: just above the article region (or its first block), else None.

    ``rows``: indexes (ascending) of the rows of typeset tables of figures; a wire story's headline
    over a results table that the region starts below is its first line all the same. ``tables``:
    the lines of typeset tables (:func:`_typeset_tables`): none but a table's heading is a headline,
    and when only such lines stand between the first line and the region, they are no distance.
    Right above the region, a line set out in cells without figures is a menu or column heads.
    """
    lines = tables.lines if tables is not None else frozenset()
    headings = tables.headings if tables is not None else frozenset()
    if doc.title:
        # compared as the lines are: normalised (quotes, NFKC), so "„Peta“" and "wife’s" match
        want = normalise(doc.title)[0].lower()
        for b in bs[: max(lo, 1) + 1]:
            if b.f.text.lower() == want:
                return b.index
        return None
    # the document's first line, when it is a headline (skipping lines rules already removed)
    near = lo - bisect.bisect_left(rows, lo)  # the rows above the region do not count
    if near > 1 and all(i in lines for i in range(1, lo)):
        near = 1  # nothing but a table between the first line and the article
    first_name: int | None = None  # a site's name as the first line ("City News"), over a menu
    below = bs[lo : lo + 3]  # the region's first lines, whose words a menu's row on one line does not share
    wrapped_doc = any(b.continues for b in bs)  # hard-wrapped text, such as wire copy
    # a breadcrumb a rule took that names the article stands between the site's menu and the headline: no
    # line above it is the headline, nor a menu's row of items in capitals ("Ma mairie Vivre à Saint-Aubin
    # Démarches en ligne Agenda Nous contacter" / "Accueil > Actualités > Travaux de la rue du Moulin"); a
    # headline over a breadcrumb of sections is ("PM quits" / "Home > Politics")
    crumb = next((b.index for b in bs[:lo] if b.strong is not None and "/breadcrumb" in b.strong.id), -1)
    named = crumb >= 0 and _crumb_names_article(bs, crumb, lo)
    # (not when the headline stands over the breadcrumb too: "Storm Ciarán batters ..." / "Home > News > Storm
    # Ciarán" / "Storm Ciarán: what we know so far")
    headline_over = named and any(b.strong is None and _crumb_names(bs, crumb, b) for b in bs[:crumb])
    kicked = _kicked_crumb_headline(bs, crumb, lo) if named and not headline_over else None
    if kicked is not None:
        return kicked
    for b in bs[: lo + 1 if near <= 6 else 0]:
        if b.index in rows or (b.index in lines and b.index not in headings):
            break  # a table row is no headline
        above_crumb = b.index < crumb and b.strong is None
        if above_crumb and ((named and not _crumb_names(bs, crumb, b)) or _capitalised_row(b)):
            break
        if b.strong is not None and b.strong.category in (Category.NAVIGATION, Category.OTHER):
            continue
        if b.index < lo and not b.f.text.isupper() and _menu_row(b, below) and _section_names(b.f.text):
            # a menu's row on one line over the headline ("Innenpolitik Außenpolitik Wirtschaft ..."),
            # not a wire story's headline in capitals ("MFS MANAGED SECTORS TRUST DIVIDEND INCREASED")
            # nor a Title Case headline ("Mariners Stun Yankees Behind Rodriguez Grand Slam")
            continue
        nxt = bs[b.index + 1] if b.index + 1 < len(bs) else None
        # a question as the first line is the headline (BBC: "Could Yukos be a blessing in disguise?"
        # over the article); not one of a list of questions (a jump list) nor a labelled teaser
        asked = (
            _question_headline(b)
            and not (nxt is not None and _question_headline(nxt))
            and not (nxt is not None and getattr(nxt.strong, "category", None) == Category.ADVERTISEMENT)
            and _TEASER_LABEL.match(b.f.text) is None
        )
        if b.strong is None and (_is_headline(b) or asked) and not _byline_line(b):
            named = _NAME_LINE.match(b.f.text) is not None
            # over a menu ("City News" / "Home"; "tagesspiegel regional" / "Berlin" / "Sport"), not
            # over its standfirst, author or date; a short headline over one section label ("Storm
            # warning" / "Weather") is over no menu
            over_menu = (
                b.index + 1 < lo
                and nxt is not None
                and _menu_item(nxt, below)
                and (
                    named
                    or (
                        b.f.words <= _SITE_NAME_WORDS
                        and b.index + 2 < lo
                        and _menu_item(bs[b.index + 2], below)
                    )
                )
            )
            # a paper's name right over a headline ("The Lakeview Courier" / "Council approves ..."),
            # not a poem's title over its subtitle ("A new poem by Elena Marsh") nor a short headline
            # over its subtitle ("Post office closes")
            over_headline = (
                named
                and _PAPER_NAME.search(b.f.text) is not None
                and nxt is not None
                and nxt.strong is None
                and _is_headline(nxt)
                and nxt.f.words >= _OVER_NAME_WORDS
            )
            if over_menu or over_headline:
                first_name = b.index
                if (
                    nxt is not None
                    and b.index + 1 == lo
                    and nxt.f.words >= _OVER_NAME_WORDS
                    and not _menu_row(nxt, below)
                ):
                    return nxt.index
                break
            if (
                b.f.words < _OVER_NAME_WORDS
                and _site_over_menu(bs, b.index, lo)
                and bs[lo].f.words >= _OVER_NAME_WORDS
                and _region_headline(doc, bs, lo, lines)
            ):
                # a short first line over the site's menu and sections, a headline over its standfirst
                # in the region ("Gazet van Antwerpen" / "Regio Antwerpen" / "Stad" / "Antwerpse Meir
                # krijgt ..." / "Het stadsbestuur wil ..."): the site's name
                first_name = b.index
                break
            if (
                b.f.words < _OVER_NAME_WORDS
                and b.index + 1 == lo
                # (a short headline over its standfirst stands apart; a standfirst is not in Title Case; but
                # a line over its own standfirst and byline is the headline: "Zona da Mata" / "Rompimento de
                # adutora deixa 14 bairros sem água ..." / "Segundo a Cesama, ..." / "Por Ana Clara Ferreira")
                and (
                    b.paragraph == bs[lo].paragraph
                    or _title_case_sentences(bs[lo])
                    or _over_standfirst_and_byline(bs, lo)
                )
                and bs[lo].f.words >= _KICKED_HEADLINE_WORDS
                and _long_first_headline(bs, lo)
                and _region_headline(doc, bs, lo, lines)
                # (not a teaser's headline over its summary, byline and age: "2 hours ago")
                and not any(_AGO.match(x.f.text) for x in bs[lo + 2 : lo + 5])
            ):
                # a kicker over a long headline over the standfirst ("Politics live" / "By-elections: Labour
                # gains Ashcombe ... – as it happened" / "Four by-elections held on the same night ...")
                return lo
            under = _headline_over_head_lines(doc, bs, b.index, lo) if b.f.words < _OVER_NAME_WORDS else None
            if under is not None:
                return under  # "KMVA 12 News" / menu / "Creek overflows in Meridian, ..." / "Author: ..."
            promoted = _headline_under_promo(bs, b.index, lo)
            return b.index if promoted is None else promoted
        break
    skip = {
        Category.BYLINE,
        Category.READING_TIME,
        Category.SHARE_WIDGET,
        Category.CAPTION,
        Category.OTHER,
        Category.NEWSLETTER,  # "Receba notícias da Folha" between the headline and the article
        Category.ADVERTISEMENT,  # "Anzeige"
        Category.SITE_TEMPLATE,  # "Please turn on JavaScript to receive live updates."
        Category.COOKIE_NOTICE,  # a video's placeholder: "Deze video kan niet worden afgespeeld omdat ..."
    }
    # else the region's first line, when it is a headline over the article's first prose; else walk
    # up from the region start over metadata lines (bylines, dates, reading time, captions)
    # (the region's first line is a summary box's heading, or its first point under it: "Key points:" / "A
    # $4.2 million solar-powered desalination plant will treat saline bore water ...")
    summary = lo < len(bs) and any(_SUMMARY_HEADING.fullmatch(x.f.text) for x in bs[max(0, lo - 1) : lo + 1])
    if (
        _region_headline(doc, bs, lo, lines)
        and (first_name is None or bs[lo].f.words >= _OVER_NAME_WORDS)
        # (not a summary box's heading under the head, nor its first point: "Live updates: Ice storm leaves
        # ..." / "Our live coverage has ended" / "What we covered here")
        and not summary
        # (nor a teaser under a read-also heading over the region: "Bekijk ook" / "Van Tricht na afloop: ...";
        # nor a video's title under its player's button: "Hide Caption" / "How daylight saving time ...")
        and not (bs[lo].category in (Category.RELATED_LINKS, Category.CAPTION) and bs[lo].score >= 0.5)
    ):
        over_meta = _headline_over_metadata(bs, lo)
        return lo if over_meta is None else over_meta
    # (a headline right over the region's first line makes that line its standfirst: "Crofting Numbers Fall" /
    # "Why are young people leaving ...?"; not a series' number: "Episode 214")
    above_lo = bs[lo - 1] if 0 < lo <= len(bs) else None
    headed = (
        above_lo is not None
        and above_lo.strong is None
        and above_lo.f.words >= _HEADED_WORDS
        and _is_headline(above_lo)
        and _NUMBER_KICKER.fullmatch(above_lo.f.text) is None
    )
    # a question headline that the region took in as its lead, over the head's date or byline ("Why does a bus
    # lane take seven years?" / "March 6, 2024"); not a question over the answer under it
    if (
        lo + 1 < len(bs)
        and _question_headline(bs[lo])
        and bs[lo].strong is None
        and not headed
        and _rule_category(bs[lo + 1]) in (Category.BYLINE, Category.OTHER, Category.READING_TIME)
    ):
        return lo
    if lo + 2 < len(bs) and _two_sentences(bs[lo]) and not summary and not headed:
        # a headline of two sentences that the region took in, over its standfirst and the byline ("The
        # "Reject all" button is getting harder to find. Regulators say that has to change." / "A sweep of
        # 1,200 websites ..." / "By Helena Marsh, Technology Correspondent")
        second, third = bs[lo + 1], bs[lo + 2]
        if _rule_category(second) == Category.BYLINE or (
            second.g.prose and _rule_category(third) == Category.BYLINE
        ):
            return lo
    names: list[int] = []  # name-shaped lines walked over, nearest first: an author, a place, a headline
    word: int | None = None  # a one-word line walked over ("Burnout"): a headline over its author
    author_over_date = False  # the nearest name-shaped line stands over a byline, date ... line
    menus: list[int] = []  # the site's menus on one line walked over (:func:`_section_row`)

    def fallback() -> int | None:
        """No better line found: of two name-shaped lines the upper ("Starmer Resigns" over "Tom
        Baker"), not the site's name over its menu ("The Tidy Whisk" / "Home Recipes Breakfast ..." / "Brown
        Butter Banana Bread"), else the one, else a site-name first line, else a headline over the byline."""
        if len(names) >= 2 and names[1] != first_name and not any(names[1] < m < names[0] for m in menus):
            return names[1]
        if len(names) == 1 and word == names[0] - 1 and author_over_date and bs[names[0]].f.words <= 3:
            return word  # "Burnout" over "Emily Carter" over the date
        if names:
            top = names[0]
            if bs[top].f.words <= _SITE_NAME_WORDS and _PAPER_NAME.search(bs[top].f.text) is not None:
                # a paper's name among the head's lines ("By Wanjiru Kamau" / "Nairobi Herald" / the
                # date): the headline over the byline, when the text starts with one
                over = _headline_over_byline(bs)
                if over is not None and over < top:
                    return over
            return top
        return first_name if first_name is not None else _headline_over_byline(bs)

    unlabelled = 0
    stepped = False  # over a line that a rule removed as a byline, a date, share buttons ...
    jump = _jump_list(bs, lo)  # a page's jump list right above the article: no headline in it
    for i in range(lo - 1, max(-1, lo - _WALK_LINES - 1 - len(jump)), -1):
        b = bs[i]
        if i in jump:
            continue
        if b.strong is not None or (b.category is not None and b.score >= 0.5):
            tool = b.category in _HEAD_TOOLS and b.f.words <= _TOOL_WORDS
            # (a gift box's sign-in prompt among the article tools: "Já é assinante? Faça seu login")
            tool = tool or (b.category == Category.PAYWALL and b.f.words <= _PROMPT_WORDS)
            # (a subscribers' badge under the head's tools: "Artikel teilen" / "Dieser Artikel ist Teil von
            # RP+ – exklusive Inhalte für unsere Abonnenten.")
            tool = tool or (
                b.category == Category.PAYWALL
                and b.f.words <= _BADGE_WORDS
                and i > 0
                and _rule_category(bs[i - 1]) in _HEAD_METADATA
            )
            # (the post's categories or tags under its byline: "Category: Clean water, Kenya")
            tool = tool or (b.strong is not None and b.strong.id.endswith("taxonomy"))
            # (a menu's word under the share buttons: "Listen on Spotify" / "RSS" / "Subscribe"; or under a
            # sign-up box's line, its button: "Get more local news delivered straight to your inbox." /
            # "Subscribe")
            tool = tool or (
                b.category == Category.NAVIGATION
                and b.f.words <= _TOOL_MENU_WORDS
                and any(
                    _rule_category(bs[j]) in (Category.SHARE_WIDGET, Category.NEWSLETTER)
                    for j in range(max(0, i - 2), i)
                )
            )
            if b.category in skip or tool or _TOOL_LABEL.match(b.f.text):
                stepped = True  # "17 Kommentare", "Comentarios", "Print", "Email" under the headline
                continue
            if i == lo - 1 and b.category == bs[lo].category == Category.RELATED_LINKS:
                continue  # a read-also heading over its teaser, which the region starts with ("Bekijk ook")
            if i == lo - 1 and b.category == Category.RELATED_LINKS and b.f.words <= 2 and bs[lo].g.prose:
                stepped = True  # a caption's button over the lead ("... (AP Photo/Ben Ruiz)" / "Read More")
                continue
            if (
                b.strong is not None
                and b.strong.category == Category.RELATED_LINKS
                and b.f.words > _TOOL_WORDS
                # (the head's byline or tools; not a bare date or age, which a teaser rail's card has too:
                # "Ferry services cancelled ..." / "2 hours ago" / "Read more: ...")
                and any(
                    _rule_category(x) in (Category.BYLINE, Category.SHARE_WIDGET, Category.READING_TIME)
                    for x in bs[max(0, i - 3) : i]
                )
            ):
                # a teaser with its label between the head's tools and the article ("Compartir en Twitter" /
                # "Comentar" / "EN DIRECTO | Sigue la última hora ...")
                stepped = True
                continue
            return fallback()
        if _TOOL_LABEL.fullmatch(b.f.text):
            stepped = True  # a tool no rule took ("Rezept drucken" over the recipe's story, "Our rating")
            continue
        if _section_row(b):
            menus.append(i)  # the site's menu on one line ("Home Recipes Breakfast Baking Dinner About Shop")
            continue
        # (not a headline in Title Case over the byline a rule took: "Smoky Roasted Tomato and White Bean
        # Soup" / "By Carly Westbrook")
        over_byline = i + 1 < len(bs) and _rule_category(bs[i + 1]) == Category.BYLINE
        if _byline_line(b) or (_authors_line(b.f.text) and not over_byline):
            # a byline that no rule took (its rule's zone ended at a kicker above it), or the authors' names
            # ("Johan Lindqvist and Maja Ekström")
            continue
        # (a video player's next clip under the head: "Up Next" / its title / the countdown or its length; not
        # the headline under a schedule's "Coming Up Next", over the byline)
        clip = (
            i > 0
            and _UP_NEXT.fullmatch(bs[i - 1].f.text) is not None
            and i + 1 < len(bs)
            and (
                _rule_category(bs[i + 1]) == Category.OTHER
                or _BARE_CLOCK.fullmatch(bs[i + 1].f.text) is not None
            )
            and not _dated(bs[i + 1])
        )
        if clip or (_UP_NEXT.fullmatch(b.f.text) and stepped):
            stepped = True
            continue
        if _bio_under_byline(bs, i):
            continue  # the author's bio in a box under the byline ("Kris Ordway, ESPN Staff Writer", "Close")
        if _SUMMARY_HEADING.fullmatch(b.f.text) or _in_summary_box(bs, i):
            continue  # a summary box's heading over the article ("Key takeaways"), or its point
        if _NAME_PLACE.fullmatch(b.f.text) and i + 1 < len(bs) and _dated(bs[i + 1]):
            continue  # the author and the place over the date ("Lukas Brändli, Bern" / "Publiziert: ...")
        if _over_credit(bs, i):
            continue  # a photo's caption over its credit ("Nieuwbouw in de wijk ..." / "HNP / Sander de Wit")
        if (
            _AT_VENUE.fullmatch(b.f.text)
            and i + 1 < len(bs)
            and (bs[i + 1].f.date or _BARE_CLOCK.fullmatch(bs[i + 1].f.text))
        ):
            continue  # a reporter at the venue over the date ("Owen Tierney at Harrow Road" / "Sat 15 Mar")
        if _WIRE_NOTE.fullmatch(b.f.text):
            continue  # a wire story's note under its headline ("(Adds analyst comment, share move ...)")
        if (
            0 < i < len(bs) - 1
            and _buy_button(bs[i + 1])
            and _rule_category(bs[i - 1]) == Category.ADVERTISEMENT
            and (b.f.price or _DISCOUNT.search(b.f.text) is not None)
        ):
            return fallback()  # an ad's copy between its label and its button ("Anzeige" / "Küchenmaschine
            # KM 3000 - jetzt nur ..." / "Jetzt bestellen"): no headline, nor is anything above the ad
            # (with its price; a headline between two ad slots' labels is none: "Advertisement" /
            # headline / "Story continues below advertisement")
        unlabelled += 1
        if unlabelled > _TITLE_REACH:
            break
        if i == lo - 1 and _DIGIT.search(b.f.text) and _is_headline(b):
            # a result's line right over the article, under the head's metadata and a headline ("Corcoran goal
            # sends Sligo through ..." / the date / the byline / the photo's caption / "Connacht SFC
            # quarter-final: Sligo 1-15 Leitrim 0-16"): the headline
            upper = _headline_over_metadata(bs, i)
            if upper is not None:
                return upper
        if (b.index in lines and b.index not in headings) or (
            _CELL_GAP.search(doc.text, b.start, b.end) and not _FIGURE.search(b.f.text)
        ):
            # a table's line ("Trust. 1,316,184. unch, Republic. Natl") or a menu set out in cells
            # ("Football   Cricket   Rugby") is no headline
            return fallback()
        if word is None and _one_word_headline(b):
            word = b.index
            continue
        # a long headline over its date reads like a sentence but has no full stop ("Utrecht opent
        # grootste fietsenstalling van Europa op nieuwe locatie: 'Nog steeds te weinig plek'")
        # (a tabloid's headline of thirty words, one line over its standfirst's: "Heartbroken mum begs for
        # return of family's 'gentle' cocker spaniel snatched from garden ... to come home" / "Leanne ...")
        sf = bs[i + 1] if i + 1 < lo else None
        tabloid = (
            stepped
            and b.f.words <= _TABLOID_HEADLINE_WORDS
            and b.f.chars <= _TABLOID_HEADLINE_CHARS
            and b.f.prose
            and not b.f.terminal
            and not b.f.bullet
            and not b.f.date
            and b.f.link_ratio == 0
            and not b.continues
            and sf is not None
            and sf.strong is None
            and sf.f.prose  # (a tabloid's standfirst has no full stop either)
            and not sf.continues
        )
        long_one = (
            stepped
            and b.g.prose
            and (
                tabloid
                or (
                    # (or longer, with no full stop, right over the byline a rule took: "RTD says light-rail
                    # slow zones will be gone by Labor Day, but riders ... face weekend closures first" / "By
                    # ...")
                    (
                        b.f.words <= _LONG_HEADLINE_WORDS
                        or (
                            b.f.words <= _TABLOID_HEADLINE_WORDS
                            and not b.f.terminal
                            and i + 1 < len(bs)
                            and _rule_category(bs[i + 1]) == Category.BYLINE
                        )
                    )
                    # its own paragraph, or run on only into lines that rules removed ("vandaag, 07:12")
                    and all(
                        x.strong is not None for x in bs[max(0, i - 8) : i + 9] if x.g is b.g and x is not b
                    )
                )
            )
        )
        # a question over the article's byline or date ("Is the four-day week finally here?"),
        # not one right over an answer (an interview whose region starts below its question)
        # (one of a list of questions is a page's jump list: "What is a heat pump?" / "How much ...?")
        asks = (
            stepped
            and _question_headline(b)
            and not any(_question_headline(x) for x in bs[max(0, i - 1) : i + 2] if x is not b)
        )
        if stepped and b.g.prose and i > 0 and _two_sentences(bs[i - 1]):
            return i - 1  # a headline of two sentences over its standfirst, over the byline and date
        if asks and names:
            # a question headline over its standfirst and the author's name over the date ("Who owns the last
            # 50 feet?" / "Cities are finally starting to charge ..." / "Lena Marsh" / "Mar 3, 2024")
            sf_between = names[0] == i + 2 and bs[i + 1].g.prose and bs[i + 1].strong is None
            if len(names) == 1 and author_over_date and (names[0] == i + 1 or sf_between):
                return i
            return fallback()  # a question teaser over an ad, then the headline "Bins Go Fortnightly"
        if asks and not _is_headline(b) and i > 0:
            over = bs[i - 1]
            if over.strong is None and over.index not in lines and _is_headline(over) and over.f.words >= 3:
                return over.index  # a short headline over its question standfirst
        if _is_headline(b) or asks or tabloid or (long_one and _is_headline(b, prose=True)):
            # the last item of a list of figures ("Sliced almonds" under "200 g sugar") is no headline;
            # a headline with a figure over a name is no such list ("Na jedno miejsce przypada 20 osób")
            over_standfirst = long_one and i > 0 and bs[i - 1].f.words >= 5 and _is_headline(bs[i - 1])
            # (nor is a long headline under one line with a figure, a breadcrumb's "IPL 2024")
            # (a match report's headline with its score is none: "Caldermoor 31-24 Ashbridge Park: ...")
            # (nor a long headline with no figure under a box of figures: a portal's trending tickers, "CSWY
            # Causeway Airlines Group 9.77 -5.14%" / "Chocolate maker Meridale cuts outlook as ...")
            listed = (
                b.f.words < _LIST_ITEM_MAX_WORDS
                or (_data_like(b) and _RESULT_HEADLINE.match(b.f.text) is None)
                or (i > 1 and _data_like(bs[i - 2]) and _DIGIT.search(b.f.text) is not None)
            )
            # (nor is one under the time it was updated: "Bijgewerkt: 19:35" over the headline)
            stamped = i > 0 and _TIME_LABEL.fullmatch(bs[i - 1].f.text) is not None
            # (nor one over its standfirst over the byline, under a kicker with a figure: "Sanierung für 14
            # Millionen Euro" / "Hallenbad am Nordring schließt ..." / "Das marode Hallenbad ..." / "Von ...")
            bylined = (
                i + 2 < len(bs)
                and bs[i + 1].g.prose
                and bs[i + 1].strong is None
                and _rule_category(bs[i + 2]) == Category.BYLINE
            )
            # (nor one under its episode's or issue's number: "Episode 214" / "The Town That Sold Its Water")
            numbered = i > 0 and _NUMBER_KICKER.fullmatch(bs[i - 1].f.text) is not None
            # (nor one under a kicker of a league and its round over no other figures: "Regionalliga West |
            # 24. Spieltag" / "Krämer köpft Rheinau in der Nachspielzeit zum Derbysieg")
            piped = i > 1 and " | " in bs[i - 1].f.text and not _data_like(bs[i - 2])
            if (
                i > 0
                and _data_like(bs[i - 1])
                and not over_standfirst
                and listed
                and not stamped
                and not bylined
                and not numbered
                and not piped
            ):
                # (a headline with a figure over its standfirst is no list: "... for $420 Million" /
                # "Acquisition adds 1.1 GW of operating solar ...")
                prev = bs[i - 1]
                # (a listicle's headline may start with its figure: "12 free things to do in York ...")
                digit_first = prev.f.text[:1].isdigit() and not (prev.f.words >= 7 and _is_headline(prev))
                headline = (
                    # (a long one in lower case needs no stop word: Norwegian, Swedish and Danish have no
                    # list; a detail in Title Case does: "Host: Xing AG, Dammtorstrasse 29-32, 20354 Hamburg")
                    (prev.f.stops or (prev.f.words >= _LONG_LISTED_HEADLINE and prev.f.title_case < 0.5))
                    and prev.f.words >= 5
                    and not digit_first
                    and prev.f.text[:1].isalnum()  # not "{ 38 comments… read them below or add one }"
                    and not prev.f.text[:1].islower()
                    and not _typeset(doc.text, prev)  # a wire table's row ("    Note: 67 pct owned by <...")
                    and not (prev.f.price and _SALE.search(prev.f.text))  # "KM 3000 – jetzt nur 199,99 €"
                )
                # a name or a short label under such a headline ("Staff report") is no list's item
                # (or the date, "2021/09/19", a label in Title Case, "Parenting", or any short line over
                # the head's metadata, "Actualizat continuu"; not an ingredient over the steps: "Fresh
                # mint leaves")
                label = (
                    b.f.date
                    or _DESK_LABEL.fullmatch(b.f.text)
                    or (b.f.words <= 3 and (stepped or b.f.title_case >= 1.0 or not _LETTER.search(b.f.text)))
                )
                if not (headline and (_name_with_role(b.f.text) or label)):
                    return fallback()
            if _NAME_LINE.match(b.f.text):
                # an author's name or a place without "By" ("Te Aorere Riddell", "São Paulo") over
                # the date: the headline may stand above it; else this is it ("Biden Wins Iowa");
                # of two, the upper one ("Starmer Resigns" over "Tom Baker")
                if not names:
                    author_over_date = stepped
                names.append(b.index)
                continue
            up = bs[i - 1] if i > 0 else None
            # two deks in sentence case under a headline in Title Case ("Andes Meridian Plunges Most on
            # Record After Flood Halts Chile Copper Mine" / "Company withdraws 2025 output guidance ..." /
            # "Shares fell as much as 31% ..."): the headline
            top = bs[i - 2] if i > 1 else None
            if (
                up is not None
                and top is not None
                and up.strong is None
                and top.strong is None
                and _dek(b)
                and _dek(up)
                and _is_headline(top)
                and top.f.words >= _OVER_NAME_WORDS
                and top.f.title_case >= _TITLE_CASE
            ):
                return top.index
            # a headline and two deks without full stops in one paragraph ("Aragón reabrirá 14 escuelas
            # rurales ..." / "El Departamento de Educación fija en tres alumnos ..." / "La mitad de los
            # centros ..."): the paragraph's first line (maybe under its kicker: "Educación rural")
            for k in (i - 2, i - 1):
                if k >= 0 and k + 2 < len(bs) and _headline_over_deks(bs, k):
                    return k
            # a standfirst or a subtitle without a full stop under the headline: the line above it
            # is the headline ("Council approves new cycle lanes ..." / "The scheme will remove
            # 60 ...", "Why I'm moving my newsletter ..." / "And what paid subscribers will get");
            # not a kicker over it, which is no longer ("Potenzial für nachhaltigere Kunststoffe")
            if (
                up is not None
                and up.strong is None
                and up.index not in lines
                and not ((wrapped_doc or lines or rows) and _typeset(doc.text, up))  # a table's row
                and (_is_headline(up) or _question_headline(up) or _exclaimed(up))
                and up.f.words >= 4
                and (up.f.words > b.f.words or b.f.words >= _STANDFIRST_MIN_WORDS)
                and not _NAME_LINE.match(up.f.text)  # a kicker ("Thunder Bay") over a long headline
                # (a breadcrumb, "Blog › Stories from the field"; a kicker on the headline's line is
                # longer: "Colère agricole › Les syndicats promettent d'aller jusqu'au bout")
                and not (up.f.words <= _PATH_WORDS and _PATH_STEP.search(up.f.text))
                # (not a menu's row over the headline: "País Mundo Política Economia Cultura Desporto")
                and not _menu_row(up, below)
                # (nor a kicker that the headline repeats: "FIRST ALERT WEATHER DAY" / "First Alert Weather
                # Day Thursday: Heavy rain and gusty winds, ...")
                and not b.f.text.casefold().startswith(up.f.text.casefold())
            ):
                # (two authors and where each writes from, under the standfirst in sentence case under the
                # headline, over the date, as the FT sets them: "Swedish pension fund Norrkap cuts back ..." /
                # "SKr640bn fund says drought ..." / "Elin Sandqvist in Stockholm and Marcus Fairley in
                # London" / "Published ...")
                top = bs[up.index - 1] if up.index > 0 else None
                if (
                    _AUTHORS_AT_PLACES.fullmatch(b.f.text)
                    and i + 1 < len(bs)
                    and _dated(bs[i + 1])
                    and up.f.title_case < _SENTENCE_CASE
                    and top is not None
                    and top.strong is None
                    and top.index not in lines
                    and _is_headline(top)
                    and top.f.words >= _OVER_NAME_WORDS
                    and not _NAME_LINE.match(top.f.text)
                ):
                    return top.index
                return up.index
            if first_name is not None and b.f.words < _OVER_NAME_WORDS:
                return first_name  # "The Daily Herald" over the kicker "Analysis of the Week"
            if names and b.f.words < _OVER_NAME_WORDS:
                return fallback()  # "Point Reyes Lighthouse" under share buttons, not "Subscribe  Sign in"
            if b.f.words <= _TOOL_WORDS and not asks:
                # a button no rule knows ("Kommentare öffnen") under the head's lines: the headline
                # is the longer one above them
                above = _headline_above(bs, i, b.f.words + _LONGER_BY, skip)
                if above is not None:
                    return above
            return b.index
    return fallback()


def _headline_over_deks(bs: list[_Block], k: int) -> bool:
    """Whether ``bs[k]`` is a headline over two deks in its paragraph, none with a full stop, no rule on any
    (:func:`_find_title`)."""
    trio = bs[k : k + 3]
    top = trio[0]
    return (
        all(x.strong is None and x.paragraph == top.paragraph for x in trio)
        and _opens_paragraph(bs, k)
        and not any(x.f.terminal or x.f.bullet for x in trio)
        # (deks in sentence case: not a menu's row over the headline over its author, "Singapore Asia World
        # Opinion ..." / "HDB resale prices rise ..." / "Hwee Ling Tan")
        and all(x.f.words >= _DEK_WORDS and x.f.title_case < 0.5 for x in trio[1:])
        and top.f.words >= _DEKED_HEADLINE_WORDS
        and _is_headline(top, prose=True)
    )


_DEKED_HEADLINE_WORDS = 8
"""Fewest words of a headline over two deks in its paragraph (:func:`_headline_over_deks`)."""


def _opens_paragraph(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]`` is its paragraph's first line, or the second under a kicker (shorter than
    :data:`_OVER_NAME_WORDS` words, no full stop: "Educación rural" / "Aragón reabrirá 14 escuelas ...")."""
    if i == 0 or bs[i - 1].paragraph != bs[i].paragraph:
        return True
    kicker = bs[i - 1]
    return (
        kicker.f.words < _OVER_NAME_WORDS
        and not kicker.f.terminal
        and (i == 1 or bs[i - 2].paragraph != kicker.paragraph)
    )


_KICKER_WORDS = 6
"""Most words of a kicker between a breadcrumb and the headline it names (:func:`_find_title`)."""
_CRUMB_STEP = re.compile(" ?[" + re.escape("".join(sorted(_CRUMB_MARKS))) + "] ?")
"""A breadcrumb's separator between two of its steps (:data:`~pipeline.boilerplate.blocks._CRUMB_MARKS`)."""


def _crumb_names_article(bs: list[_Block], crumb: int, lo: int) -> bool:
    """Whether the breadcrumb ``bs[crumb]`` ends with the article's own name over its headline: its last step
    names (:func:`_crumb_names`) a headline-shaped line (maybe long enough to read as prose) between it and
    the region's second line ("Accueil > Actualités > Travaux de la rue du Moulin" over "Travaux de la rue du
    Moulin : ce qui change ...")."""
    return any(_crumb_names(bs, crumb, b) and _is_headline(b, prose=True) for b in bs[crumb + 1 : lo + 2])


def _kicked_crumb_headline(bs: list[_Block], crumb: int, lo: int) -> int | None:
    """The headline that the breadcrumb ``bs[crumb]`` names, under the breadcrumb and a kicker or a section's
    name (:data:`_KICKER_WORDS` words at most, no prose, no full stop): "Accueil > Actualités > Travaux de la
    rue du Moulin" / "Cadre de vie – Travaux" / "Travaux de la rue du Moulin : ce qui change ..."; else
    None."""
    step = _CRUMB_STEP.split(bs[crumb].f.text)[-1].casefold()
    for b in bs[crumb + 1 : lo + 2]:
        if b.strong is not None and b.strong.category in (Category.NAVIGATION, Category.OTHER):
            continue
        # (not a kicker that repeats the breadcrumb's last step: "Home > Politics > General Election" /
        # "General Election" / "Labour wins landslide ...")
        if b.strong is None and b.f.text.casefold() == step:
            continue
        if b.strong is None and _crumb_names(bs, crumb, b) and _is_headline(b, prose=True):
            return b.index
        if b.strong is not None or b.g.prose or b.f.terminal or b.f.words > _KICKER_WORDS:
            return None
    return None


def _crumb_names(bs: list[_Block], crumb: int, b: _Block) -> bool:
    """Whether the last step of the breadcrumb ``bs[crumb]`` shares two words of five letters or more with
    ``b`` (a headline over the breadcrumb that names it is the headline: "Storm Ciarán batters the coast" /
    "Home > News > Storm Ciarán")."""
    step = _CRUMB_STEP.split(bs[crumb].f.text)[-1]
    last = _content_words(step)
    if len(last) >= 2 and len(last & _content_words(b.f.text)) >= 2:
        return True
    # (or the headline starts with the step, of three words or more: "Inicio › España › Aragón › Qué ver en
    # Albarracín en un día" / "Qué ver en Albarracín en un día: ruta a pie, ...")
    return len(step.split()) >= 3 and b.f.text.casefold().startswith(step.casefold())


def _capitalised_row(b: _Block) -> bool:
    """Whether ``b`` reads as a menu's items on one line in a language that writes headlines in sentence case:
    :data:`_MENU_ROW_WORDS` words or more, half of them capitalised but two at least in lower case (not a
    headline in Title Case: "Man Arrested After Police Chase Through The City Centre"), a stop word
    capitalised after the first word ("Quem somos O que fazemos Transparência Blog Contato")."""
    words = b.f.text.split()
    caps = sum(w[:1].isupper() for w in words)
    return (
        len(words) >= _MENU_ROW_WORDS
        and 2 * caps >= len(words)
        and len(words) - caps >= 2
        and any(w[:1].isupper() and w.casefold() in _STOPWORDS for w in words[1:])
    )


_TITLE_CASE = 0.8
"""Share of capitalised content words from which a headline reads as set in Title Case."""
_DEK_WORDS = 6
"""Fewest words of a dek line (:func:`_dek`)."""


def _dek(b: _Block) -> bool:
    """A dek line under a headline: :data:`_DEK_WORDS` words or more in sentence case (under half of its
    content words capitalised), headline-shaped ("Company withdraws 2025 output guidance for Cerro Tolar
    operation")."""
    return b.f.words >= _DEK_WORDS and b.f.title_case < 0.5 and _is_headline(b)


_REGION_META_LINES = 3
"""Most metadata lines between the region's first line and the prose that make it a headline
(:func:`_region_headline`): a byline, a date, a reading time ("Por Juliana Prates" / "22 de maio de 2024" /
"Leitura: 5 min"; before, two)."""


def _region_headline(doc: Document, bs: list[_Block], lo: int, lines: frozenset[int]) -> bool:
    """Whether ``bs[lo]``, the region's first line, is a headline over the article's first prose (the
    standfirst pulls it into the region: "NASA's commercial moon shot ..." / "NASA's sights are set
    on ..." / "by Laura Winter"). Short lines between it and the prose, 5 words shorter than it, are
    its metadata ("Spring 2024 issue", "Eleanor Vance"). ``lines``: the lines of typeset tables."""
    k = lo + 1
    while (
        k < min(len(bs) - 1, lo + 1 + _REGION_META_LINES)
        and bs[k].f.words + _LONGER_BY <= bs[lo].f.words
        and not bs[k].g.prose
        and not bs[k].f.terminal
        and not bs[k].f.bullet
        and (
            (_name_with_role(bs[k].f.text) and not _stop_in_name(bs[k].f.text))
            or _DIGIT.search(bs[k].f.text)
            or getattr(bs[k].strong, "category", None) == Category.BYLINE
        )
    ):
        k += 1  # not a credit ("ANP" under a caption)
    return (
        k < len(bs)
        and bs[lo].strong is None
        # a long headline reads as prose ("'I wrote it in the car park at the hospital': Ruth Adebayo
        # on her debut at 58"), but has no full stop
        and (_is_headline(bs[lo]) or _long_first_headline(bs, lo))
        and not _byline_line(bs[lo])
        and (bs[k].g.prose or _standfirst_over_byline(bs, k))
        and bs[k].g is not bs[lo].g  # not the first line of a hard-wrapped paragraph
        and not bs[k].continues
        and not _open_end(bs[lo].f.text)  # "Note: Oper excludes loss from discontinued operations of"
        and lo not in lines
        and not _typeset(doc.text, bs[lo])  # a wire table's row ("    Revs 123.4 mln vs not given")
        and not bs[lo].f.text[:1].islower()  # "barrow and gilt prices were mostly"
    )


_BARE_STANDFIRST_WORDS = 12
"""Fewest words of a standfirst that reads as no prose (figures, a semicolon, no full stop) over the
byline."""


def _standfirst_over_byline(bs: list[_Block], k: int) -> bool:
    """Whether ``bs[k]`` is a standfirst that reads as no prose ("Receita líquida cresce 14,8% na comparação
    anual; companhia prevê inaugurar 180 unidades em 2025 ...") right over the byline a rule took: no rule
    on it, :data:`_BARE_STANDFIRST_WORDS` words or more."""
    return (
        k + 1 < len(bs)
        and bs[k].strong is None
        and bs[k].f.words >= _BARE_STANDFIRST_WORDS
        and _rule_category(bs[k + 1]) == Category.BYLINE
    )


_WIRE_NOTE = re.compile(
    r"\(((adds|updates|recasts|rewrites|changes|corrects|fixes|repeats|refiles|writethru|aktualisiert|"
    r"ergänzt|actualise|ajoute|actualiza|añade)\b|neu:)[^()]{0,120}\)",
    re.IGNORECASE,
)
"""A wire story's note on its version, in parentheses under the headline: "(Adds analyst comment,
share move in paragraphs 5-7)", "(Updates with closing prices)", "(Recasts, adds details)"."""


_HEAD_TOOLS = frozenset({Category.COMMENT_FORM, Category.COMMENTS, Category.PAYWALL})
"""Categories of short lines (at most four words) that the title search steps over like bylines:
a comment count or link and a subscriber label under the headline."""
_TOOL_MENU_WORDS = 2
"""Longest line a navigation rule took that the title search steps over under the share buttons."""
_TOOL_WORDS = 4
"""A headline-shaped line this short under the head's metadata may be a button no rule knows..."""
_PROMPT_WORDS = 8
"""Most words of a paywall's line among the head's tools that the title search steps over."""
_BADGE_WORDS = 16
"""Most words of a paywall's badge right under the head's tools that the title search steps over."""
_TOOL_LABEL = re.compile(
    r"(print|email|e-mail|share|comments?|save|sign up|drucken|imprimer|imprimir|stampa|close|schließen"
    r"|fermer"
    r"|jump to (the )?recipe|rss( feed)?|live now|watch live|listen live"
    r"|print (the |this )?recipe|rate (this|the) recipe|save (this|the) recipe"
    r"|rezept (drucken|speichern|bewerten)|zum rezept( springen)?|imprimer la recette|aller à la recette"
    r"|imprimir (la )?receta|ir a la receta|stampa (la )?ricetta|vai alla ricetta"
    r"|(our |the )?(rating|verdict|score)|(unsere )?(bewertung|wertung)|(notre )?(note|verdict)"
    r"|(subscribe( to)?|assine( a| o)?|suscríbete( a)?|abonnez-vous( à)?|abbonati( a)?) \S+( \S+)?)$",
    re.IGNORECASE,
)
"""An article tool that a rule took ("Print", "Email", "Jump to recipe", a podcast's "RSS", a live page's
"Live now", the author box's "Close"), or a recipe's that none took ("Rezept drucken"), a review's label over
its rating ("Our rating"), a subscribe link among the tools ("Assine a Folha", "Subscribe to The Times"):
under the headline, stepped over."""
_LONGER_BY = 5
"""...when a headline this many words longer stands above it, over removed lines only."""


_KEY_EVENTS_WORDS = r"key (events|moments)|wichtigste ereignisse|moments clés|momentos clave"
_TOC_HEADING = re.compile(
    r"(on this page|in this (article|guide|story)|contents|table of contents|jump to( section)?"
    r"|skip to section|inhalt|inhaltsverzeichnis|auf dieser seite|sommaire|dans cet article|índice"
    r"|índice de contenidos?|tabla de contenidos?"
    rf"|contenido|en este artículo|indice|in questo articolo|spis treści|inhoudsopgave|op deze pagina"
    rf"|{_KEY_EVENTS_WORDS})[:.]?$",
    re.IGNORECASE,
)
"""The heading of a page's jump list ("On this page", "Contents", "Inhalt")."""
_AT_VENUE = re.compile(r"[A-Z][\w'’-]+( [A-Z][\w'’-]+){1,2} at (the )?[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){0,3}")
"""A reporter's name and the venue ("Owen Tierney at Harrow Road"): a byline over the date, a review's
headline ("Kylie Minogue at the O2") elsewhere."""
_KEY_EVENTS = re.compile(_KEY_EVENTS_WORDS, re.IGNORECASE)
"""A live blog's list of its key entries: a jump list whose items are the entries' summaries, not
their headings."""


def _jump_list(bs: list[_Block], lo: int) -> range:
    """The lines of a page's jump list right above the article: its heading ("On this page",
    "Contents", "Jump to:") over short items, one at least a section heading of the article below
    ("Symptoms" / "Causes" / "Frequently asked questions"), or with no heading three items or more, most of
    them the article's headings below; else an empty range."""
    if lo > 0 and _TOC_LINE.match(bs[lo - 1].f.text) and bs[lo - 1].strong is not None:
        return range(lo - 1, lo)  # a jump list on one line ("In this article: What it is · Symptoms · ...")
    top = lo  # the first of the short lines no rule took right above the article
    for j in range(lo - 1, max(-1, lo - _JUMP_ITEMS - 2), -1):
        x = bs[j]
        if _TOC_HEADING.match(x.f.text):
            if j == lo - 1:
                return range(0)
            headings = _headings_below(bs, lo)
            echoed = any(bs[i].f.text.casefold() in headings for i in range(j + 1, lo))
            return range(j, lo) if echoed or _KEY_EVENTS.match(x.f.text) else range(0)
        if x.f.words > _NAME_WORDS or x.f.text[-1:] in ".!":
            break
        if x.strong is None and top == j + 1:
            top = j
    # no heading: :data:`_HEADLESS_JUMP_ITEMS` short lines or more, most of them the article's headings below
    # ("Symptoms" / "Causes and risk factors" / ... / "When to see a doctor" / "Takeaway")
    items = range(top, lo)
    if len(items) < _HEADLESS_JUMP_ITEMS:
        return range(0)
    headings = _headings_below(bs, lo)
    echoes = sum(bs[i].f.text.casefold() in headings for i in items)
    return items if 2 * echoes > len(items) else range(0)


def _headings_below(bs: list[_Block], lo: int) -> set[str]:
    """The short lines from block ``lo`` on with no full stop, casefolded: the article's section headings
    a jump list's items echo (:func:`_jump_list`; built only when a jump list may be there, the pages' hot
    path being the rest)."""
    return {b.f.text.casefold() for b in bs[lo:] if b.f.words <= _NAME_WORDS and b.f.text[-1:] not in ".!"}


_TOC_LINE = re.compile(_TOC_HEADING.pattern.removesuffix("[:.]?$") + r":\s+\S", re.IGNORECASE)
"""A jump list's heading and its items on one line: "In this article: What it is · Symptoms · ..."."""
_JUMP_ITEMS = 12
"""Most items of a jump list :func:`_jump_list` reads."""
_HEADLESS_JUMP_ITEMS = 3
"""Fewest items of a jump list with no heading (:func:`_jump_list`)."""


def _headline_above(bs: list[_Block], i: int, words: int, skip: set[Category]) -> int | None:
    """The index of a headline of at least ``words`` words above block ``i``, with one line or more
    between them and only lines that rules removed as head metadata (``skip``), within the title's
    reach; else None."""
    for j in range(i - 1, max(-1, i - _TITLE_REACH - 1), -1):
        x = bs[j]
        if x.strong is not None or (x.category is not None and x.score >= 0.5):
            if x.category in skip or (x.category in _HEAD_TOOLS and x.f.words <= _TOOL_WORDS):
                continue
            return None
        if (_is_headline(x) or _question_headline(x)) and x.f.words >= words and j < i - 1:
            return j
        if x.f.words <= _NAME_WORDS and (_name_with_role(x.f.text) or x.f.date):
            continue  # the author's name or the date, no rule took ("Eleanor Vance", "Posted on ...")
        if x.f.words == 1 and (x.f.text.isupper() or x.f.text.islower()):
            continue  # a kicker ("INTERVIEW", "ИНТЕРВЬЮ") or a counter's label ("3.409" / "letture")
        # the headline over its standfirst ("... preview: Team news, kick-off time, ..." / "Team news, stats
        # and prediction ahead of ...")
        up = bs[j - 1] if j > 0 else None
        if x.g.prose and up is not None and up.strong is None and _is_headline(up) and up.f.words >= words:
            return j - 1
        return None
    return None


_NAME_WORDS = 8
"""Longest name line with a role ("Carla Esposito, Patch Staff") or date line :func:`_headline_above`
steps over."""


def _name_with_role(text: str) -> bool:
    """A name, or a name with a role or a paper after a comma ("Carla Esposito, Patch Staff").

    >>> _name_with_role("Carla Esposito, Patch Staff"), _name_with_role("Eleanor Vance")
    (True, True)
    >>> _name_with_role("Greenfield Planning Board OKs 48-Unit Senior Housing")
    False
    """
    name, _, role = text.partition(", ")
    return _NAME_LINE.match(name) is not None and (not role or len(role.split()) <= 4)


_DISCOUNT = re.compile(r"\d\s?%")
"""A discount in a line ("-30 %"); with a price (``BlockFeatures.price``: "199,99 €", "$49"), an ad's copy."""


def _buy_button(b: _Block) -> bool:
    """A shop's button ("Shop now", "Jetzt bestellen"): the ``advertisement/<lang>/buy-button`` rules."""
    return b.strong is not None and b.strong.id.endswith("/buy-button")


_PROMPTS = (Category.ADVERTISEMENT, Category.NEWSLETTER, Category.PAYWALL)
"""An ad slot's label or a prompt right under a headline: no promo's copy (:func:`_headline_under_promo`)."""
_PROMO_REACH = 6
"""How far into the region :func:`_headline_under_promo` looks for the headline over the byline."""


def _headline_under_promo(bs: list[_Block], first: int, lo: int) -> int | None:
    """The article's headline, right over its byline above the article, when the text's first line
    heads a promo: its copy (a line no rule took) and its shop button stand between them ("Summer
    Sale Now On" / "Enjoy up to half off ..." / "Shop now" / "Heatwave warning issued ..." / "By Kate
    Lyons" / the article); else None. A newsletter or paywall prompt, or an ad slot's label, right
    under the first line is no promo of it: the line under such a prompt is the headline's deck.
    """
    if first + 1 < len(bs) and _rule_category(bs[first + 1]) in _PROMPTS:
        return None
    # (the banner's copy may have pulled the region up over the headline: look a few lines into it;
    # the copy and the button take two lines at least)
    for j in range(first + 3, min(lo + _PROMO_REACH, len(bs) - 1)):
        by = bs[j + 1].strong
        if by is None or by.category != Category.BYLINE:
            continue
        if bs[j].strong is not None or not _is_headline(bs[j]):
            continue
        between = bs[first + 1 : j]
        if any(_buy_button(x) for x in between) and any(x.strong is None for x in between):
            return j
    return None


def _headline_over_head_lines(doc: Document, bs: list[_Block], first: int, lo: int) -> int | None:
    """The headline under a short first line that reads as one (a site's name: "KMVA 12 News",
    "Tollgate Engineering"): the nearest line over the first of the head's lines below it (a byline,
    a date, an author's name: "Author: Dana Whitfield", "Nadia Okonjo · March 4, 2024", "Sandra
    Kälin"), one standfirst between them at most, of :data:`_OVER_NAME_WORDS` words or more, no rule
    on it, no menu's row (a kicker that reads as a name is passed: "Neue Velorouten"), with a menu
    between the first line and it; else None (a short headline over its subtitle, standfirst or
    photo caption and its byline is the headline: "Storm warning" / "Waves crash against the harbour
    wall ..." / "By Jane Doe")."""
    below = bs[lo : lo + 3]

    def menu(i: int) -> bool:
        """A menu stands between the first line and ``bs[i]`` (a short headline has its subtitle, its
        standfirst, a photo's caption under it: "Storm warning" / deck / caption / byline)."""
        return any(
            _menu_item(x, below)
            or _rule_category(x) == Category.NAVIGATION
            or _CELL_GAP.search(doc.text, x.start, x.end) is not None  # "Blog   Careers   About"
            for x in bs[first + 1 : i]
        )

    for k in range(first + 1, min(lo + 4, len(bs))):
        x = bs[k]
        # an author's bare name ("Sandra Kälin"), not a section's ("Local News")
        author = (
            x.strong is None
            and 2 <= x.f.words <= 4
            and _NAME_LINE.match(x.f.text) is not None
            and not _SECTIONS.intersection(x.f.text.casefold().split())
        )
        if not (
            author or _rule_category(x) == Category.BYLINE or _byline_line(x) or (x.f.date and not x.g.prose)
        ):
            continue
        for i in range(k - 1, max(first + 1, k - 3), -1):
            # (not right under the first line: a short headline over its subtitle, "Post office closes")
            h = bs[i]
            if (
                menu(i)
                and h.strong is None
                and _is_headline(h)
                and h.f.words >= _OVER_NAME_WORDS
                and not _menu_row(h)
                and not _section_names(h.f.text)  # "Home Football Cricket Formula 1 Rugby Union ..."
            ):
                return i
            if not h.g.prose:
                break  # only a standfirst stands between the headline and the head's lines
    return None


def _headline_over_byline(bs: list[_Block]) -> int | None:
    """The text's first line, when it is a headline with the byline at most three lines below
    ("Tortilla de patatas tradicional" / standfirst / "Por Carmen Ruiz"): a head too far above
    the article (over an ingredient list) for the search from the article up."""
    heads = (b for b in bs if b.strong is None or b.strong.category != Category.NAVIGATION)
    first = next((b for b in heads if not _section_row(b)), None)
    if first is None or first.strong is not None or not (_is_headline(first) or _question_headline(first)):
        return None
    below = bs[first.index + 1 : first.index + 4]
    if any(x.strong is not None and x.strong.category == Category.BYLINE for x in below):
        return first.index
    return None


_PAPER_NAME = re.compile(
    r"\b(news|times|post|herald|daily|journal|gazette|tribune|chronicle|observer|express|mail|telegraph|"
    r"star|sun|review|magazine|weekly|record|independent|guardian|standard|register|globe|bulletin|press|"
    r"mercury|echo|courant|courier|dispatch|monitor|inquirer|examiner|sentinel|ledger|leader|advertiser|"
    r"zeitung|nachrichten|rundschau|kurier|tagblatt|anzeiger|presse|diario|periódico|gazzetta|corriere|"
    r"giornale|jornal|folha|gazeta|dziennik|krant|dagblad|nieuws|online)\b",
    re.IGNORECASE,
)
"""A word of a paper's or a site's name ("The Lakeview Courier", "Daily Mercury", "NOS Nieuws")."""


def _menu_item(b: _Block, below: Sequence[_Block] = ()) -> bool:
    """A menu's item: a rule took it as navigation, or a word or two that is no name nor date; or a
    menu's row on one line (:data:`_MENU_ROW_WORDS` capitalised words or more, no stop word, no figure,
    no punctuation: "Tech Scienza Economia Cultura Gadget Lifestyle")."""
    if b.strong is not None:
        return b.strong.category == Category.NAVIGATION
    f = b.f
    return _menu_row(b, below) or (
        0 < f.words <= 2 and not f.date and not _NAME_LINE.match(f.text) and not f.terminal
    )


def _words_of(lines: Sequence[_Block]) -> set[str]:
    """The words (:func:`~pipeline.boilerplate.blocks._stems`) of ``lines``, the region's first three:
    what a headline shares and a site's name or a menu does not."""
    return set().union(*(_stems(x.f.text) for x in lines))


def _site_over_menu(bs: list[_Block], first: int, lo: int) -> bool:
    """Whether the first line ``bs[first]`` reads as the site's name over its menu, the region's first
    line ``bs[lo]`` below: it shares no word (:func:`~pipeline.boilerplate.blocks._stems`) with the
    region's first three lines (a short headline does: "Why I Quit Coffee" / "Home / Blog / Health" /
    "It started with a sleepless week ..." / "For fifteen years I drank four cups of coffee ..."),
    and only a menu stands between: a menu's row (:func:`_menu_row`), or two lines or more, each a
    navigation rule's or of at most :data:`_SITE_NAME_WORDS` words, no name (an author's: "Lucía
    Ferrer"), no sentence, no date ("Regio" / "Stad")."""
    below = bs[lo : lo + 3]
    if _stems(bs[first].f.text) & _words_of(below):
        return False
    between = bs[first + 1 : lo]
    if len(between) == 1:
        # a menu's row, or a breadcrumb a rule took ("EL MUNDO" / "Economía > Pensiones" / "La
        # Seguridad Social cierra ...")
        crumb = _rule_category(between[0]) == Category.NAVIGATION and bool(
            _CRUMB_MARKS & set(between[0].f.text)
        )
        site = bs[first].f.text.isupper() or _PAPER_NAME.search(bs[first].f.text) is not None
        # (a masthead in capitals or with a paper's word; not a short headline: "PM quits" / "Home >
        # Politics")
        return _menu_row(between[0], below) or (crumb and site)
    return len(between) >= 2 and all(
        _menu_row(x, below)
        or _rule_category(x) == Category.NAVIGATION
        or (
            x.strong is None
            and x.f.words <= _SITE_NAME_WORDS
            and not x.f.terminal
            and not x.f.date
            and _NAME_LINE.match(x.f.text) is None
        )
        for x in between
    )


def _menu_row(b: _Block, below: Sequence[_Block] = ()) -> bool:
    """A menu's row on one line (:func:`_menu_item`), no rule on it: :data:`_MENU_ROW_WORDS` words or
    more, all capitalised but at most :data:`_MENU_ROW_SMALL` short ones in lower case ("Norme e
    Tributi", "Cultuur & Media"), no figure, no punctuation, and at most one word of the lines
    ``below`` it (:func:`_words_of`: a Title Case headline shares more: "Council Approves Bike Lanes");
    or a row of section names, whatever its stop words and words shared (:func:`_section_row`)."""
    f = b.f
    if _section_row(b):
        return True
    if b.strong is not None or f.words < _MENU_ROW_WORDS or _MENU_ROW.fullmatch(f.text) is None:
        return False
    small = [w for w in f.text.split() if not w[:1].isupper()]
    # (every stop word among them: a capitalised one is a Title Case headline's, "Rally As Fed")
    return (
        len(small) <= _MENU_ROW_SMALL
        and all(len(w) <= 3 for w in small)
        and f.stops <= len(small)
        # (a section's name may be the article's city: "Amsterdam")
        and len(_stems(f.text) & _words_of([x for x in below if x is not b])) < 2
    )


def _section_row(b: _Block) -> bool:
    """A menu's row on one line that names a news site's sections (:func:`_section_names`), starting
    at "Home" or two thirds of it sections: it may hold a capitalised stop word or an apostrophe
    ("Home News Sport What's On Announcements Jobs Public Notices", "Episodes About Hosts Newsletter
    Shop"), and share words with the article ("Home Kenya Africa World Business Sports ..."), which
    :func:`_menu_row` allows no Title Case headline ("Local Business Owners Host Food Drive For
    Climate Jobs": five of nine)."""
    f = b.f
    if b.strong is not None or f.words < _MENU_ROW_WORDS or f.text.isupper():
        return False
    if _SECTION_ROW.fullmatch(f.text) is None or not _section_names(f.text):
        return False
    words = f.text.casefold().split()
    small = [w for w in f.text.split() if not w[:1].isupper()]
    known = sum(w in _SECTIONS for w in words)
    # (one longer word in lower case among sections: "UK World Politics Climate crisis Business Science Tech")
    short = all(len(w) <= 3 for w in small) or (len(small) == 1 and 4 * known >= 3 * len(words))
    return len(small) <= _MENU_ROW_SMALL and short and (words[0] == "home" or 3 * known >= 2 * len(words))


_SECTIONS = _split(
    """news home world uk us politics business economy money markets tech technology science health
    sport sports culture arts entertainment lifestyle life style travel food opinion opinions comment
    video videos podcasts local weather education environment climate media books music film tv
    fashion cars motoring property jobs obituaries puzzles games regions national international
    nachrichten politik innenpolitik außenpolitik wirtschaft finanzen börse kultur meinung wissen
    reisen panorama gesundheit digital technik leben gesellschaft regional lokales auto karriere
    actualité actualités politique société économie idées monde santé débats vidéos médias
    noticias nación nacional metrópoli estados mundo cartera espectáculos deportes opinión política
    economía sociedad internacional tecnología ciencia salud vida moderna entretenimiento tendencias
    brasil esportes entretenimento colunas economia opinião saúde ciência educação
    cronaca politica esteri cultura spettacoli tecnologia scienze salute opinioni
    nieuws binnenland buitenland politiek economie cultuur opinie wetenschap
    forside nyheder indland udland penge kultur vejret forsiden nyheter innenriks utenriks økonomi været
    meninger debatt podkast e-avis åsikter ledare
    inrikes utrikes ekonomi nöje wiadomości kraj świat biznes kultura zprávy domácí zahraničí ekonomika
    știri actualitate politică economie externe gündem dünya spor magazin yaşam
    football rugby cricket racing golf tennis motorsport scores fixtures tables results recipes episodes
    hosts shop about contact newsletters events announcements notices classifieds marketplace donate"""
)
"""Section names of news sites' menus, case folded (:func:`_section_names`)."""


def _section_names(text: str) -> bool:
    """Whether three of the words of ``text``, and half of them, name a news site's sections: a
    menu's row ("Politique Société Économie Culture Idées Monde"), not a Title Case headline
    ("Storm Ciaran Batters Southern England Leaving Thousands Without Power").

    >>> _section_names("Nación Metrópoli Estados Mundo Cartera Espectáculos Deportes Opinión")
    True
    >>> _section_names("Ancient Roman Villa Unearthed Beneath Rutland Farmland")
    False
    """
    words = text.casefold().split()
    known = sum(w in _SECTIONS for w in words)
    return known >= 3 and 2 * known >= len(words)


_MENU_ROW_WORDS = 5
"""Fewest words of a menu's row on one line (a headline this long has words in lower case, or a
capitalised stop word: "Stocks Rally As Fed Signals Cuts")."""
_MENU_ROW_SMALL = 2
"""At most this many short words in lower case in a menu's row ("e", "&")."""
_MENU_ROW = re.compile(r"[^\W\d_]+( ([^\W\d_]+|[&+]))+")
"""Words (or "&", "+") and single spaces only."""
_SECTION_ROW = re.compile(r"[^\W\d_]+([-'’][^\W\d_]+)?( ([^\W\d_]+([-'’][^\W\d_]+)?|[&+]))+")
"""Words (an apostrophe or a hyphen inside one: "What's", "E-avis"; or "&", "+") and single spaces only."""


_OVER_NAME_WORDS = 5
"""A line this long, or longer, is the headline rather than a first line that reads like a name
("City News" over a menu, then "Bird count returns to Lakeview parks this spring"); a shorter one
("Makes 24 squares", "Analysis of the Week") is not: the first line is ("Almond Squares")."""

_KICKED_HEADLINE_WORDS = 10
"""Fewest words of a headline that reads as prose under a short kicker on the page's first line."""

_LONG_HEADLINE_WORDS = 20
"""A line that reads as prose but has no full stop, of at most this many words, above the byline or
date lines of the article's head is its headline."""

_RESULT_HEADLINE = re.compile(r"[^\W\d_][\w.'’ -]{1,40} \d{1,3} ?[-–] ?\d{1,3} [^\W\d_][\w.'’ -]{1,40}: \S")
"""A match report's headline, its result before a colon: "Caldermoor 31-24 Ashbridge Park: Penhale ..."."""
_LIST_ITEM_MAX_WORDS = 10
"""A line this long is a list's last item under one line with a figure only when a second such line
stands above ("200 g sugar" / "Sliced almonds"); alone, the line above is a breadcrumb's ("IPL 2024")."""

_HEADED_WORDS = 3
"""Fewest words of a headline right over the region's first line, which is then no headline
(:func:`_find_title`)."""
_TABLOID_HEADLINE_WORDS = 35
_TABLOID_HEADLINE_CHARS = 220
"""Most words and characters of a headline that reads as prose, on a line of its own over its standfirst's
line (:func:`_find_title`)."""
_TITLE_REACH = 6
"""The headline is looked for among this many lines above the article that no rule removed (lines
that rules removed as bylines, dates, captions, reading times or share buttons are stepped over)."""

_WALK_LINES = 24
"""The title search reads at most this many lines above the article, lines that rules removed as
head metadata included (an agency's list of eleven share buttons under the byline)."""

_STANDFIRST_MIN_WORDS = 12
"""A headline-shaped line this long under a shorter one is the standfirst, the shorter the headline."""

_NAME = r"[A-ZÀ-ÝŁŚŻŹĆŃŠČŘŽĎŤŇŐŰİĞŞĽĹŔА-ЯЁΑ-ΩΆΈΉΊΌΎΏ][\w.'-]+"
_SITE = r"[\w-]+\.(com|net|org|de|at|ch|fr|es|it|pl|nl|co\.uk)"
_BYLINE_SHAPE = re.compile(
    rf"((?i:by|von|por|par|przez|door)|di) ({_NAME}( {_NAME}){{0,3}}"
    rf"|{_NAME}( {_NAME}){{1,3}} (and|&) {_NAME}( {_NAME}){{1,4}}|{_SITE})$"
)
"""A byline's shape ("Por Luciana Bertoia", "By Jane Doe", "di Marco Bianchi", "von tennisnet.com", "By
HANNAH VOSS and DERRICK OYELARAN Associated Press"; not a headline about "Di Maio"): never a headline."""
_BYLINE_MORE = re.compile(
    rf"(?i:edited|written|reported|compiled|produced|curated|words|interview) (?i:by) "
    rf"{_NAME}( {_NAME}){{0,3}}$"
    r"|(?i:news provided by|provided by|(edited|written|reported|compiled|produced|curated|words) by):?$"
    rf"|(?i:by) {_NAME}( {_NAME}){{0,3}} ?@\w+$"
    r"|(?i:by) (the )?[A-Z0-9][^:?!]*\b(?i:team|staff|desk|newsroom|reporters)\b[^:?!]*$"
    r"|[^,]{3,40}, ([A-Z][a-z]+ (and )?){0,3}"
    r"(Writer|Reporter|Correspondent|Editor|Columnist|Journalist|Critic|Contributor)(, [A-Z][a-z]+)?$"
    r"|[^,]{3,40}, ([A-Z][a-z]+ ){1,3}(writer|reporter|correspondent|editor)$"
)
"""A byline of another shape, never a headline: "Edited by Grace Mwangi" (a name after it: not "Written
by AI? ..."), "NEWS PROVIDED BY", "By KTVN 7 First Alert Weather Team" (a team or a desk: not "By
Land and Sea", "By 2030 the city will have 20 new schools"), "Helen Marsh, Retail Correspondent" (a
role in Title Case, or in lower case under a paper's or a team's name: "Gareth Pryce, Wexcombe Town reporter";
not "Remembering Tom Baird, war correspondent"); up to eight words."""


_LETTER = re.compile(r"[^\W\d_]")
_LONG_LISTED_HEADLINE = 7
"""A headline with a figure over a name has stop words, or this many words, most in lower case
("Bybanen til Åsane: Prisen har økt med 2,4 milliarder kroner" over "Sindre Haugland"); a list's
line of figures is shorter."""
_PATH_WORDS = 6
"""Most words of a breadcrumb over a long headline (:data:`_PATH_STEP`)."""
_PATH_STEP = re.compile(r" [›»] ")
"""A breadcrumb's step between two of its parts ("Blog › Stories from the field"; not ">", a
comparison in a headline: "Prix du lait > coût de production : ...")."""
_TIME_LABEL = re.compile(
    r"[^\W\d_]+(?: [^\W\d_]+)?:? \d{1,2}:\d\d"
    r"(?: ?(?:uhr|u|h|gmt|utc|bst|cet|cest|[ap]\.? ?m\.?|[ecmp][sd]?t))?",
    re.IGNORECASE,
)
"""A label and a clock time: when the article was published or updated ("Bijgewerkt: 19:35",
"Updated 10:14 GMT", "Aktualisiert 17:10 Uhr"); no list's line of figures (not a score, "Halbzeit: 1:0")."""
_DESK_LABEL = re.compile(r"((staff|wire|news|agency) (report|reports|writer|writers)|staff)", re.IGNORECASE)
"""A desk's byline label ("Staff report"), not a list's item ("Fresh mint leaves")."""
_SALE = re.compile(
    r"\b(statt|jetzt nur|nur noch|im angebot|only|now only|save|sale|instead of|au lieu de|seulement|"
    r"en oferta|antes|invece di|solo)\b",
    re.IGNORECASE,
)
"""An ad's offer around its price: "jetzt nur 199,99 € statt 299,99 €", "now only £49"."""
_CAPTION_MARKS = re.compile(r"©|\[[^\]]{2,40}\]$|\((photo|foto|file|archive)\b", re.IGNORECASE)
"""A caption's credit or label inside a line: "© Johannes Gregor", "[File: Reuters]", "(Photo: AP)"."""


_CREDIT_WORDS = 4
"""Most words of a photo's credit with no rule right above the region's first line, a caption
(:func:`_headline_over_metadata`)."""


def _headline_over_metadata(bs: list[_Block], lo: int) -> int | None:
    """The headline over the head's lines that stand right above the region's first line ("Dijkversterking
    langs de Waal: tientallen bewoners ..." / "vandaag, 07:12" / "Deel artikel:" / "Zo ziet de dijk bij
    Ochten eruit ..."; the region's first line, a headline's shape, is a video's or a photo's title), else
    None: every line between a rule's (:data:`~pipeline.boilerplate.blocks._HEAD_METADATA`: dates and other
    notes, share buttons, bylines, reading times), the headline none's."""
    i = lo - 1
    # (past a photo's credit right above the region's first line, the photo's caption: "Harriet Moss" / "BBC
    # News, Yorkshire" / "North Yorkshire Council" / "About 40m (130ft) of Skelby Lane slid into ...")
    credit = bs[i] if i >= 1 else None
    stepped = (
        credit is not None
        and credit.strong is None
        and credit.f.words <= _CREDIT_WORDS
        and not credit.f.terminal
        and credit.f.title_case >= _TITLE_CASE
        and _rule_category(bs[i - 1]) in _HEAD_METADATA
    )
    if stepped:
        i -= 1
    # (and the author's bare name over the role line a byline rule took: "Aoife Brennan" / "Environment
    # Correspondent"; and the lead photo's caption a rule took: "Sligo's Aidan Corcoran celebrates ...
    # ©INPHO")
    while i >= 0 and (
        _rule_category(bs[i]) in _HEAD_METADATA
        or _rule_category(bs[i]) == Category.CAPTION
        or (
            bs[i].strong is None
            and _rule_category(bs[i + 1]) == Category.BYLINE
            and _NAME_LINE.fullmatch(bs[i].f.text) is not None
        )
    ):
        i -= 1
    if i < 0 or i == lo - 1:
        return None
    # (past a credit, the byline among the metadata: a kicker over the region's first line is no credit,
    # "4 March 2024" / "Cost of Living" / "Water bills to rise ...")
    if stepped and not any(_rule_category(x) == Category.BYLINE for x in bs[i + 1 : lo]):
        return None
    b = bs[i]
    return i if b.strong is None and b.f.words >= _OVER_NAME_WORDS and _is_headline(b) else None


def _over_standfirst_and_byline(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]``, no sentence, stands over a paragraph of prose no rule took and, under it, a byline
    or a date that a rule took: a headline's place."""
    if i + 2 >= len(bs) or bs[i].f.terminal:
        return False
    sf, meta = bs[i + 1], bs[i + 2]
    return (
        sf.strong is None
        and sf.g.prose
        and not sf.continues
        and (_dated(meta) or _rule_category(meta) == Category.BYLINE)
    )


def _long_first_headline(bs: list[_Block], lo: int) -> bool:
    """Line ``lo``, the article region's first, is a headline long enough to read as prose (up to
    :data:`_LONG_HEADLINE_WORDS` words, no full stop): "'I wrote it in the car park at the hospital':
    Ruth Adebayo on her debut at 58". Not a caption ("... [File: Reuters]", "... Bild © ..."), not a
    quotation on its own, not the subtitle under a headline (five words or more: not a kicker, "Vrai ou
    faux") that the title search finds above it."""
    b = bs[lo]
    t = b.f.text
    return (
        b.f.words <= _LONG_HEADLINE_WORDS
        and _is_headline(b, prose=True)
        and _CAPTION_MARKS.search(t) is None
        and not (t[:1] in "\"'“„«‘‚" and t.rstrip("0123456789")[-1:] in "\"'”“»’")
        and not (lo > 0 and (up := bs[lo - 1]).strong is None and up.f.words >= 5 and _is_headline(up))
    )


_SUMMARY_HEADING = re.compile(
    r"(key (takeaways|points|facts|findings)|at a glance|in brief|in short|the short version|what we know|"
    r"what we covered( here)?|the big picture|highlights|summary|tl;?dr|(what you )?need to know|"
    r"what to know|"
    r"das wichtigste in kürze|en bref|"
    r"l'essentiel|en resumen|lo esencial|in breve|in het kort|w skrócie|em resumo|darum geht.?s|"
    r"auf einen blick)[:.]?",
    re.IGNORECASE,
)
"""The heading of an article's summary box over its first lines ("Key Takeaways", "At a glance"): no
headline (:func:`_find_title`)."""
_SUMMARY_POINTS = 6
"""Most points of a summary box under its heading (:func:`_summary_box_end`)."""
_SUMMARY_POINT_WORDS = 30


def _summary_box_end(bs: Sequence[_Block], j: int) -> int:
    """The line after the summary box whose heading is ``bs[j]`` ("Darum gehts" / "Die Aare hat am Sonntag ...
    erreicht." / ...): its points are the lines under it, up to :data:`_SUMMARY_POINTS`, each a finished line
    of :data:`_SUMMARY_POINT_WORDS` words at most that no rule took; ``j`` itself when ``bs[j]`` heads no box
    (no rule on it, and one point at least)."""
    if j >= len(bs) or bs[j].strong is not None or _SUMMARY_HEADING.fullmatch(bs[j].f.text) is None:
        return j
    k = j + 1
    while (
        k < len(bs)
        and k - j <= _SUMMARY_POINTS
        and bs[k].strong is None
        and 0 < bs[k].f.words <= _SUMMARY_POINT_WORDS
        and bs[k].f.terminal
    ):
        k += 1
    return k if k > j + 1 else j


def _in_summary_box(bs: Sequence[_Block], i: int) -> bool:
    """Whether ``bs[i]`` is a point of a summary box (:func:`_summary_box_end`) whose heading stands above
    it."""
    return any(_summary_box_end(bs, j) > i for j in range(max(0, i - _SUMMARY_POINTS), i))


def _byline_line(b: _Block) -> bool:
    """A byline's line, of :data:`_BYLINE_SHAPE` or :data:`_BYLINE_MORE`'s shape: no headline."""
    t = b.f.text
    return _BYLINE_SHAPE.match(t) is not None or (b.f.words <= 8 and _BYLINE_MORE.match(t) is not None)


_BYLINE_LABEL = re.compile("(?:" + _BYLINE_WORD.pattern.removesuffix(r"\b") + "|(?i:from|text|tekst)):")
"""A byline's label on a line of its own over its names ("From:" / "Environment Agency, Department for
..."): the line under it is the byline's (:func:`~pipeline.boilerplate.classify._smooth`)."""
_PARTICLE = r"(?-i:Ó|de|da|do|dos|das|del|van|von|der|den|di|la|le|bin|al)"
_AUTHOR_NAME = rf"{_NAME}( ({_PARTICLE}|{_NAME})){{1,3}}"
"""Two to four capitalised words, particles between ("Christoph von Eichhorn")."""
_NAME_LINE = re.compile(rf"(?=.*[a-zà-ÿа-яёα-ωάέήίόύώ]){_AUTHOR_NAME}$")
"""A line of two to four capitalised words, as a name is written ("Te Aorere Riddell", "São Paulo");
not in capitals, as a wire story's headline is ("CAPITAL INVESTMENTS FORMS UNIT")."""


_PLACE = rf"{_NAME}( {_NAME})?"
_NAME_PLACE = re.compile(rf"{_AUTHOR_NAME}, {_PLACE}")
"""An author's name and the place he writes from, as Swiss and German papers set it ("Lukas Brändli,
Bern", "Anna Meier, Zürich"): a byline over the date, no headline."""
_NAME_AT_PLACE = re.compile(rf"{_AUTHOR_NAME}(, | in | [-–] ){_PLACE}")
"""... and as the FT ("Ellen Marchetti in London") and Turkish portals ("Ayşe Demirtaş - İstanbul") set it:
read so only under a standfirst (:func:`~pipeline.boilerplate.classify._standfirst_under_title`), where a
headline stands above; on its own the shape is a headline's too ("Fire Crews in London")."""


_UP_NEXT = re.compile(r"(up next|next up|coming up next|watch next)[:.]?", re.IGNORECASE)
"""A video player's label over its next clip's title (:func:`_find_title` walks over both)."""
_BIO_BYLINE_REACH = 3
"""Most lines between a byline and the author's bio under it (:func:`_bio_under_byline`)."""


def _bio_under_byline(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]`` is prose that opens with the author's name (two words or more) that a byline rule
    read in one of the :data:`_BIO_BYLINE_REACH` lines above: the author's bio in a box under the byline
    ("Kris Ordway, ESPN Staff Writer" / "Close" / "Kris Ordway covers the Los Angeles Chargers for ESPN.")."""
    b = bs[i]
    if not b.g.prose:
        return False
    for x in bs[max(0, i - _BIO_BYLINE_REACH) : i]:
        if x.strong is None or x.strong.category != Category.BYLINE or x.match is None:
            continue
        author = x.match.groupdict().get("author")
        if author and len(author.split()) >= 2 and b.f.text.startswith(author + " "):
            return True
    return False


_SENTENCE_CASE = 0.5
"""Highest share of capitalised content words of a standfirst in sentence case (:func:`_find_title`)."""
_AUTHORS_AT_PLACES = re.compile(
    rf"{_AUTHOR_NAME}( in {_PLACE})?(, {_AUTHOR_NAME}( in {_PLACE})?)? and {_AUTHOR_NAME} in {_PLACE}"
)
"""Two or three authors and where they write from, as the FT sets them ("Elin Sandqvist in Stockholm and
Marcus Fairley in London"): a byline when the date stands under it."""


_CREDIT_LINE_WORDS = 8
"""Most words of a photo's credit on its own line (:func:`_over_credit`)."""


def _over_credit(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]`` (no rule on it, no full stop) stands over a photo's credit that a caption rule took
    (:data:`_CREDIT_LINE_WORDS` words at most) with no byline or date under the credit: the photo's caption
    between the head's lines and the article, no headline."""
    if i + 1 >= len(bs) or bs[i].strong is not None or bs[i].f.terminal or not _photo_credit(bs[i + 1]):
        return False
    under = bs[i + 2 : i + 5]
    return not any(
        _dated(x) or (x.strong is not None and x.strong.category == Category.BYLINE) for x in under
    )


def _photo_credit(b: _Block, most: int = _CREDIT_LINE_WORDS) -> bool:
    """A photo's credit on its own line that a caption rule took, of at most ``most`` words ("Foto: Nuno
    Ventura/Agência Atlântida", "HNP / Sander de Wit")."""
    return b.strong is not None and b.strong.category == Category.CAPTION and b.f.words <= most


def _dated(b: _Block) -> bool:
    """Whether a date rule took ``b`` ("Publiziert: 30.11.2025, 17:42 Uhr")."""
    return b.strong is not None and b.strong.date_line


_TWO_SENTENCES_WORDS = 25
"""Most words of a headline of two sentences (:func:`_two_sentences`)."""


def _two_sentences(b: _Block) -> bool:
    """A headline of two short sentences, no rule on it ("Bellhaven doesn't need another parking garage.
    It needs buses that run after 7 p.m."): up to :data:`_TWO_SENTENCES_WORDS` words, one sentence's end
    inside, a capital first."""
    t = b.f.text
    return (
        b.strong is None
        and not b.weak
        and b.f.words <= _TWO_SENTENCES_WORDS
        and t[:1].isupper()
        and len(_INNER_STOP.findall(t)) == 1
    )


_NUMBER_KICKER = re.compile(
    r"(episode|ep\.?|part|chapter|issue|volume|vol\.?|no\.?|season \d{1,2},? episode"
    r"|folge|épisode|episodio|capítulo) ?#?\d{1,4}",
    re.IGNORECASE,
)
"""A podcast's or a series' number over its headline ("Episode 214", "Part 3", "Issue #88")."""


_SITE_NAME_WORDS = 3
"""A first line this short over a menu is the site's or section's name, whatever its case
("tagesspiegel regional", "Sport regional")."""
_QUESTION_WORDS = 15
"""A question of at most this many words, one sentence on its own line, may be a headline."""
_TEASER_LABEL = re.compile(r"(trending|most read|popular|watch|listen|video|podcast|related)\b", re.I)
"""A teaser's label before a question ("Trending: Can the council really afford ...?")."""
_INNER_STOP = re.compile(r"[.!?…][\"'”’)]* +[\"'“‘(]*[A-ZÀ-Ý]")


def _question_headline(b: _Block) -> bool:
    """A headline that asks: one question on its own line ("Is the four-day week finally here?",
    "Why are egg prices so high?"); not two sentences ("Really? We asked.") nor a list item.

    Only a candidate: the title search takes it where it would take a headline above the article.
    """
    f = b.f
    text = f.text.rstrip("\"'”’)»")
    return (
        text.endswith("?")
        and 2 <= f.words <= _QUESTION_WORDS
        and f.chars <= 160
        and not f.bullet
        and f.link_ratio == 0
        and not f.date
        and (text[:1].isupper() or text[:1] in "\"'“‘«¿")
        and _INNER_STOP.search(text) is None
    )


_EXCLAIMED_WORDS = 4
"""Fewest words of a tabloid's headline that ends in an exclamation mark (:func:`_exclaimed`)."""


def _exclaimed(b: _Block) -> bool:
    """A tabloid's headline of one sentence that ends in an exclamation mark ("Enkeltrick-Bande tappt in
    Oma-Falle!"), four words or more: no button's ("Jetzt abonnieren!"). Only over its standfirst
    (:func:`_find_title`): a first line that exclaims is as often the text's own ("Ihr kennt es sicher
    auch!")."""
    t = b.f.text
    return (
        t.endswith("!")
        and b.f.words >= _EXCLAIMED_WORDS
        and _headline_shaped(b.f, _EXCLAIMED_WORDS)
        and not b.g.prose
        and _INNER_STOP.search(t) is None
    )


_SECTION_WORD = re.compile(
    r"(opinion|analysis|comment|editorial|review|news|live|video|podcast|exclusive|explainer|interview|"
    r"sports?|politics|business|world|culture)$",
    re.IGNORECASE,
)


def _one_word_headline(b: _Block) -> bool:
    """A one-word line that may be a headline ("Burnout"): a capitalised word of letters, no rule,
    and not a section's name ("Opinion", "Politics")."""
    t = b.f.text
    return (
        b.strong is None
        and b.f.words == 1
        and len(t) >= 4
        and t.isalpha()
        and t[:1].isupper()
        and _SECTION_WORD.match(t) is None
    )
