"""What stands above the article and still belongs to it (steps 2 and 3 of
:mod:`pipeline.boilerplate.classify`): its lead under the headline or the byline (and the
paragraphs between it and a box that split the article near its top), prose that
position alone must not remove, the first lines of a hard-wrapped first sentence, a byline's role
line, a recipe's ingredients and step numbers, and a live blog's entry times.
"""

from __future__ import annotations

import itertools
import re

from pipeline.boilerplate.blocks import (
    _AGO,
    _COUNTER,
    _DIGIT,
    _Block,
    _is_headline,
    _stamp,
    _stems,
)
from pipeline.boilerplate.region import _READ_ALSO, _box_line, _plain_paragraph
from pipeline.boilerplate.title import _NAME_LINE, _ROLE, _byline_line, _photo_credit
from pipeline.document import Category

_RUN_PROSE_WORDS = 16
"""Fewest words of a paragraph next to another one of prose above the article region that
position alone does not remove."""
_LONE_PROSE_WORDS = 30
"""Fewest words of a lone paragraph of prose above the article region that position alone does
not remove (a teaser's summary or a standfirst is shorter)."""


def _prose_above(b: _Block, listed: bool, lone_of: dict[int, bool]) -> bool:
    """Whether ``b``, above the article region, is prose that no rule matched and that is a
    finished sentence of ``_RUN_PROSE_WORDS`` or more next to another paragraph of prose, or,
    unless ``listed`` (two or more lone paragraphs next to date or time stamps stand above the
    region: a list of teasers, whatever the length of their summaries), a lone paragraph of
    ``_LONE_PROSE_WORDS`` or more.
    ``lone_of``: :func:`_isolated` of every paragraph of prose above the region, by ``id`` of its
    features (hard-wrapped lines of one paragraph share them, and the answer)."""
    g = b.g
    if not g.prose or b.weak or b.strong is not None:
        return False
    if not lone_of[id(g)]:
        return g.terminal and g.words >= _RUN_PROSE_WORDS
    return g.words >= _LONE_PROSE_WORDS and not listed


_FIRST_BYLINE_REACH = 10
"""The first byline of a text stands among its first this many lines (else it is no head's)."""


def _under_first_byline(bs: list[_Block], dated: bool = False) -> int:
    """The index of a finished paragraph of prose (``_RUN_PROSE_WORDS`` or more) right under the
    text's first byline, among its first lines, with only lines rules removed (a date, share
    buttons) between; else -1. It is the article's first paragraph, however lone and short
    ("Por Carmen Ruiz" / "Pocas recetas generan tanto debate en España como la tortilla ...").
    ``dated``: under the first line a date rule removed instead ("Actualizado a las 11:02" / "El
    pleno del Ayuntamiento ..."; a teaser's summary has its headline between)."""
    for b in bs[:_FIRST_BYLINE_REACH]:
        if b.strong is None:
            continue
        if dated:
            if not b.strong.date_line:
                continue
        elif b.strong.category != Category.BYLINE:
            continue
        for x in bs[b.index + 1 : b.index + 4]:
            if x.strong is not None:
                continue
            ok = x.g.prose and x.g.terminal and x.g.words >= _RUN_PROSE_WORDS and not x.weak
            return x.index if ok else -1
        return -1
    return -1


_READER = re.compile(
    r"\b(we( will|.ll)? send you|sign up|subscribe|a place for|"
    r"your (inbox|device|preferences|browser))\b",
    re.IGNORECASE,
)
"""Words of a text that speaks to the reader (a newsletter's blurb, a site's slogan)."""
_FIRST_LEAD_WORDS = 12
"""Fewest words of the lead right under a headline that opens the text (:func:`_under_first_headline`)."""


_COUNT = re.compile(r"\d+(?:[.,]\d+)*[kK]? \S+|\S+ \(?\d+(?:[.,]\d+)*\)?")
"""A count of two words: "34 comments", "Comments (12)", "87 Likes"."""


def _count_line(b: _Block) -> bool:
    """Whether a comment rule took ``b`` as a count of comments or likes (:data:`_COUNT`): the head's
    metadata, not the comment section's start."""
    rule = b.strong
    return (
        rule is not None
        and rule.category in (Category.COMMENT_FORM, Category.COMMENTS)
        and _COUNT.fullmatch(b.f.text) is not None
    )


def _role_line(b: _Block) -> bool:
    """A byline's role or the date on a line of its own, no rule: "Court Reporter", "Senior
    Political Correspondent" (five words at most), "15:30, 11 APR 2024" (eight at most)."""
    f = b.f
    if b.strong is not None or f.terminal or f.prose:
        return False
    titled = f.title_case >= 0.6  # "Court Reporter", not a heading: "A note from the editor"
    return (f.words <= 5 and titled and _ROLE.search(f.text) is not None) or (f.words <= 8 and f.date)


def _under_first_headline(bs: list[_Block]) -> int:
    """The index of a finished paragraph of prose (``_FIRST_LEAD_WORDS`` or more, no rule) right
    under a headline of four words or more that is the text's first line; else -1. A text that
    begins with its headline (an extracted article, no page chrome above) goes on with the
    article's lead, however lone and short ("Why Cookie Banners Still Nudge You Towards Yes" /
    "Five years after regulators began fining websites ..." / "Advertising")."""
    if len(bs) < 3 or bs[0].strong is not None or bs[0].f.words < 4 or not _is_headline(bs[0]):
        return -1  # (a site's name and its slogan: "Mywakenews's Blog" / "For all who want to ...")
    x = bs[1]
    ok = x.strong is None and x.g.prose and x.g.terminal and x.g.words >= _FIRST_LEAD_WORDS and not x.weak
    # a box's blurb or a site's slogan speaks to the reader ("Every morning we send you ...", "A place
    # for ..."); a teaser's summary has its time stamp under it ("2 hours ago")
    ok = ok and _READER.search(x.f.text) is None and not (len(bs) > 2 and _AGO.match(bs[2].f.text))
    # a teaser's cut summary ("War Volkswagen anfangs vom ...") is no lead
    return x.index if ok and not x.f.text.endswith(("...", "…")) else -1


_META_LINES = 14
"""At most this many lines of the head's metadata between a standfirst and the article
(:func:`_headed_standfirst`)."""
_META_WORDS = 4
"""Longest line no rule took that reads as such metadata without a date: an author's or a place's
name ("Anouk Bosschaert", "Rio de Janeiro")."""
_META_DATED_WORDS = 12
"""Longest such line with a date or a time in it ("NOS Nieuws • vandaag, 14:32 • Aangepast vandaag,
16:05")."""
_META_CATEGORIES = frozenset(
    {Category.BYLINE, Category.READING_TIME, Category.OTHER, Category.SHARE_WIDGET, Category.CAPTION}
)
"""The rules' categories of such metadata: a byline, the date, the reading time, article tools, a
photo's credit."""
_CREDIT_WORDS = 6
"""Longest bare credit line ("Foto: Mette Kramer / Ritzau Scanpix") right under a photo's caption."""
_DURATION = re.compile(r"\d{1,2}:\d\d( ?min)?")
"""A video's bare length ("01:32", "3:05 min")."""
_TIME = re.compile(
    r"\b\d{1,2}[:h]\d\d\b|\b(kl|um|à|om|at)\.? \d{1,2}\.\d\d\b|\b\d{1,2}\.\d\d ?(uhr|h)\b", re.IGNORECASE
)
"""A time of day ("14:32", "9h05", "kl. 10.15", "10.15 Uhr"); not a price ("12.50")."""


def _headed_standfirst(bs: list[_Block], first: int, body: int) -> set[int]:
    """The lines between a standfirst and the article's first paragraph that are only the head's
    metadata, when no byline rule vouches for the standfirst (the standfirst zone of
    :mod:`pipeline.boilerplate.classify` needs one): ``bs[first]`` is a short paragraph of prose (no
    rule) right under a headline (no rule, no full stop) and shares a word
    (:func:`~pipeline.boilerplate.blocks._stems`) with the article's first two paragraphs from
    ``bs[body]``; each line between is a rule's metadata (:data:`_META_CATEGORIES`), a line with a
    date or a time (at most :data:`_META_DATED_WORDS` words) or a name (:data:`_META_WORDS` words at
    most: an author's, a place's), no sentence, at most :data:`_META_LINES` of them, and one at least
    a rule's or dated. Else none.

    "Kabinet trekt 300 miljoen uit voor ... dijken" / "Na de overstromingen van 2021 moeten de
    dijken ..." / "Anouk Bosschaert" / "NOS Nieuws • vandaag, 14:32" / "Deel artikel:" / "Het kabinet
    maakt ...": the standfirst is the article's, its metadata no gap. A teaser's summary above the
    article stands under a teaser's headline with the article's own headline (no metadata) between
    it and the article; an epigraph's author ("Max Weber") or a subheading ("Recent Findings") under
    a short first paragraph is no metadata, nor is a teaser's age ("3 hours ago") or a box's heading
    over the headline ("Latest news").
    """
    if not 0 < first < body - 1 or body - first - 1 > _META_LINES or body >= len(bs):
        return set()
    sf, top = bs[first], bs[first - 1]
    if sf.strong is not None or sf.weak or not sf.g.prose or sf.continues or sf.g is not sf.f:
        return set()
    if top.strong is not None or top.weak or top.f.terminal or not _is_headline(top, prose=True):
        return set()  # (a long headline reads as prose: "'It came right past my board': Gold Coast ...")
    under = bs[first + 1]
    # (a bare credit: a caption with its credit in it, "VW-Chef Herbert Diess ... (Foto: Volkswagen)", is
    # the photo's under the standfirst)
    credited = under.strong is not None and under.strong.category == Category.CAPTION
    if (credited and under.f.words <= _CREDIT_WORDS) or _DURATION.fullmatch(under.f.text):
        return set()  # a photo's caption over its credit, a video's over its length ("Foto: dpa", "01:32")
    paragraphs = [b for b in bs[body : body + 2] if b.g.prose and b.strong is None]
    body_words = set().union(*(_stems(b.f.text) for b in paragraphs)) if paragraphs else set()
    if not _stems(sf.f.text) & body_words:
        return set()
    if first >= 2 and getattr(bs[first - 2].strong, "category", None) == Category.RELATED_LINKS:
        return set()  # a teaser under a box's heading ("Latest news" / "Rail strike called off ...")
    if any(_AGO.match(b.f.text) for b in bs[first + 1 : body]):
        return set()  # a teaser's age ("3 hours ago"): the article's date is a date
    lines, evidence = set(), False
    names: set[int] = set()  # lines of a name as written or in capitals (an author's)
    for b in bs[first + 1 : body]:
        f = b.f
        if b.strong is not None:
            # (a comment count a rule took: "Ver 12 comentarios", "312 Postings"; a count of likes)
            counter = f.words <= _META_WORDS and (
                b.strong.category == Category.COMMENT_FORM or _count_line(b)
            )
            if b.strong.category not in _META_CATEGORIES and not counter:
                return set()
            evidence = True
        elif b.index + 1 < body and _photo_credit(bs[b.index + 1], _CREDIT_WORDS) and not b.weak:
            # a photo's caption over its credit ("Movimento de contentores no porto ..." / "Foto: ..."): no
            # metadata line (the caption step judges it), but no sentence of the article either
            continue
        elif b.g.prose or b.weak or f.terminal:
            return set()
        elif f.words <= _META_DATED_WORDS and (f.date or _TIME.search(f.text)):
            evidence = True
        elif f.words > _META_WORDS or not _meta_name(f.text, b.index - 1 in names):
            return set()
        elif _NAME_LINE.match(f.text) or _CAPITALS_NAME.fullmatch(f.text):
            names.add(b.index)  # an author's name, over the place
        lines.add(b.index)
    return lines if evidence else set()


_ONE_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}")
"""A place's name on its own ("Teruel", "Brasília")."""
_CAPITALS_NAME = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+( [A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){1,2}")
"""An author's name in capitals ("CARLOS SEGOVIA"; not four words: "CAPITAL INVESTMENTS FORMS UNIT")."""


def _meta_name(text: str, under_name: bool = True) -> bool:
    """A line of the head's metadata with no date and no rule: a name as written (:data:`_NAME_LINE`), in
    capitals, and under an author's name (``under_name``) a place's single name
    or two names with a slash ("Lucía Serrano" / "Teruel", "Pablo Fernández" / "Vigo / La Voz": the
    place and the paper; alone, "Opinion" or "Transport" is a kicker).

    >>> [_meta_name(t) for t in ("Anouk Bosschaert", "Teruel", "CARLOS SEGOVIA", "Vigo / La Voz")]
    [True, True, True, True]
    >>> _meta_name("Opinion", under_name=False), _meta_name("Vigo / La Voz", under_name=False)
    (False, False)
    >>> _meta_name("312 Postings")  # a comment count: the comment rules take it
    False
    >>> [_meta_name(t) for t in ("CAPITAL INVESTMENTS FORMS UNIT", "the end", "Merkel / said")]
    [False, False, False]
    """
    parts = text.split(" / ")
    if len(parts) > 2:
        return False
    if len(parts) == 1 and (_NAME_LINE.match(text) or _CAPITALS_NAME.fullmatch(text)):
        return True
    if not under_name:
        return False
    return all(
        _NAME_LINE.match(p) is not None
        or _ONE_NAME.fullmatch(p) is not None
        or _CAPITALS_NAME.fullmatch(p) is not None
        for p in parts
    )


_BOX_REACH = 12
"""The article's lead stands at most this many lines above the region for :func:`_from_lead`."""
_BOX_CATEGORIES = frozenset(
    {Category.NEWSLETTER, Category.ADVERTISEMENT, Category.PAYWALL, Category.SHARE_WIDGET, Category.CAPTION}
)
"""What a box between the article's paragraphs is made of (a newsletter's teaser, an ad, an appeal)."""
_BOX_LABEL_WORDS = 3
"""Longest label of such a box that a menu rule took ("Newsletter", "Anzeige")."""
_ANNOUNCING_WORDS = 6
"""Longest heading that announces a list with its colon ("You will need:")."""
_LIST_ITEM_WORDS = 8
"""Longest item of such a list ("An adjustable spanner")."""


def _from_lead(bs: list[_Block], lo: int) -> tuple[int, tuple[int, ...]]:
    """Where the article region starts when a box splits the article near its top, and the lines of
    the box's copy that no rule took.

    The region starts at the article's lead (:func:`_under_first_byline`, also under the first date
    line unless the region starts with a headline of its own, :func:`_under_first_headline`) when it
    stands at most :data:`_BOX_REACH` lines above ``lo`` and between them stand, in this order,
    finished paragraphs of prose (no rule, no question, none of a box's copy or an ad's call:
    :data:`~pipeline.boilerplate.region._BOX_COPY`) and then, right above ``lo``, either the box:
    lines that a newsletter, ad, paywall, share or caption rule removed, a read-also heading or a
    read-also link on one line, and labels of up to three words a menu rule took, with its first
    and last lines such, or a list that a heading announces with its colon, two items or more of at most
    :data:`_LIST_ITEM_WORDS` words, no sentence ("You will need:" / "An adjustable spanner" /
    "Replacement washer"), whose short lines cost the region more than the lead gives it.
    ("Von Anna Kessler" / "Die Stadt will ..." / "Autos sollen dort nur noch ..." / "Newsletter" /
    "Der Morgen-Newsletter: ..." / "Jetzt anmelden" / the region.) A byline or a date between
    them is another article's: the lead is then a teaser's. The box's lines still go by their
    rules, its copy between them (returned) goes with it; the paragraphs and the list stay, and the
    headline is looked for above the lead. Else ``(lo, ())``.
    """
    none: tuple[int, tuple[int, ...]] = (lo, ())
    # (the region starts with its own headline, not a read-also box's teaser: the dated lead above is a
    # teaser card's summary: headline, date, summary)
    headed = (
        0 < lo < len(bs)
        and bs[lo].strong is None
        and bs[lo].f.words >= 4
        and _is_headline(bs[lo])
        and getattr(bs[lo - 1].strong, "category", None) != Category.RELATED_LINKS
    )
    dated = -1 if headed else _under_first_byline(bs, dated=True)  # (a teaser card: headline, date, summary)
    firsts = (_under_first_byline(bs), dated, _under_first_headline(bs))
    leads = [i for i in firsts if 0 <= i < lo]
    if not leads:
        return none
    lead = min(leads)
    if lo - lead > _BOX_REACH:
        return none

    def paragraph(b: _Block) -> bool:
        return _plain_paragraph(b) and not b.f.text.endswith("?") and not _is_headline(b, prose=True)

    def box_line(b: _Block) -> bool:
        rule = b.strong
        return rule is not None and (
            rule.category in _BOX_CATEGORIES
            or (rule.category == Category.NAVIGATION and b.f.words <= _BOX_LABEL_WORDS)
            or (rule.category == Category.RELATED_LINKS and _READ_ALSO.match(b.f.text) is not None)
            or _box_line(b) == "link"  # "Lesen Sie auch: Kraniche rasten früher ..."
        )

    k = lead + 1
    while k < lo and paragraph(bs[k]):
        k += 1
    if k == lo:
        return none
    if box_line(bs[k]):
        if not box_line(bs[lo - 1]):
            return none  # the box does not reach the region: what stands under it is no box's
        kinds = {b.strong.category for b in bs[k:lo] if b.strong is not None and box_line(b)}
        if len(kinds - {Category.NAVIGATION}) > 1 and any(b.strong is None for b in bs[k:lo]):
            # two boxes (a newsletter's, an ad's): what stands between them may be the article's (with
            # nothing between them, a photo's credit over an ad's label, they are one: "©Photo News" /
            # "Publicité")
            return none
        lead_words = _stems(bs[lead].f.text)
        copy = []
        for b in bs[k + 1 : lo - 1]:
            if b.strong is None and not _byline_line(b):
                if paragraph(b) and _stems(b.f.text) & lead_words:
                    return none  # a paragraph of the article, not the box's copy
                copy.append(b.index)  # the box's copy between its lines ("It lands at 6am.")
            elif not box_line(b):
                return none  # a byline, a date, a heading: another article's
        return lead, tuple(copy)
    b = bs[k]
    if b.strong is None and not b.weak and b.g.words <= _ANNOUNCING_WORDS and b.g.text.endswith(":"):
        items = bs[k + 1 : lo]
        if len(items) >= 2 and all(
            x.strong is None and not x.weak and x.f.words <= _LIST_ITEM_WORDS and not x.f.terminal
            for x in items
        ):
            return lead, ()
    return none


def _stamped(bs: list[_Block], b: _Block) -> bool:
    """Whether a date or time stamp stands right below the paragraph of ``b`` or one or two lines
    above it (a teaser: headline, summary, "2 hours ago"; or stamp, headline, summary)."""
    j = b.index + 1
    while j < len(bs) and bs[j].g is b.g:
        j += 1
    return (
        (j < len(bs) and _stamp(bs[j]))
        or (b.index > 0 and _stamp(bs[b.index - 1]))
        or (b.index > 1 and _stamp(bs[b.index - 2]))
    )


_WRAP_WIDTH = 90
"""The longest line of hard-wrapped text (wire copy wraps at 60-80 characters; page dumps run a
paragraph on one line)."""
_LEAD_LINES = 2
"""At most this many lines above the article region count as its first sentence's first lines."""


def _leads_into(b: _Block, nxt: _Block) -> bool:
    """Line ``b`` begins a sentence that runs on into ``nxt``, the next line of its paragraph: in
    hard-wrapped text (wire copy) the lead's first line, short when its dateline was cut, reads like a
    headline ("Texas Air Corp said it named Norman", "General Electric Co has received a").

    It has no rule match and no end punctuation, three words or more, one of them a stop word, no
    link and no date, is not all capitals (a headline), and the sentence goes on past ``nxt``, a
    line of hard-wrapped width: a page dump's date line, byline or menu sits over a paragraph on
    one line, or over a short one that ends its sentence (one paragraph per line, as in WET files).
    """
    f = b.f
    return (
        b.paragraph == nxt.paragraph
        and b.strong is None
        and not f.terminal
        and not f.bullet
        and not nxt.f.bullet
        and f.words >= 3
        and f.stops >= 1
        and f.links == 0
        and not f.text.isupper()
        and not f.text.endswith(":")
        and 40 <= nxt.f.chars <= _WRAP_WIDTH
        and not nxt.f.terminal
        and not f.date
    )


_INGREDIENTS = re.compile(
    r"(zutaten|ingredients|ingrédients|ingredientes|ingredienti|składniki|ingrediënten)\b[^.!?]{0,30}",
    re.IGNORECASE,
)
_PREPARATION = re.compile(
    r"(zubereitung|zubereitungsschritte|schritt-für-schritt( anleitung)?|anleitung|so geht'?s"
    r"|preparation|method|directions|instructions|steps|step by step"
    r"|préparation|preparación|elaboración|preparazione|procedimento|modo de preparo|modo de preparação"
    r"|przygotowanie|bereiding)\b[^.!?]{0,30}",
    re.IGNORECASE,
)


def _heading_of(pattern: re.Pattern[str], b: _Block) -> bool:
    """Whether ``b`` is a heading ``pattern`` names ("Zutaten", "Ingredients:", "Zubereitung")."""
    return pattern.fullmatch(b.f.text.rstrip(":")) is not None


_INGREDIENTS_SPAN = 80
"""Furthest (in blocks) an ingredients heading may stand above the article region."""
_PREPARATION_REACH = 40
"""How far into the article region the preparation heading (or step "1") may stand."""


def _ingredient_line(b: _Block, named: bool = False) -> bool:
    """A line of an ingredient list: a quantity with or without its ingredient ("125 g", "350 g
    Zucker", "2 Pck. Vanillepuddingpulver") or a short name or sub-heading ("Mehl", "Für den
    Mürbeteig:"; up to ten words when ``named``, under a bare quantity: "1" / "box yellow cake
    mix"); no rule match, no link, no date, no price (an ad's "jetzt nur 199,99 €")."""
    f = b.g
    if b.strong is not None and b.strong.id == _COUNTER:
        # a bare quantity ("2" over "Eier"), which the counter rule takes for a count; not "81K"
        return _STEP_NUMBER.fullmatch(f.text) is not None
    if b.strong is not None or f.links or f.date or f.price:
        return False
    if _DIGIT.search(f.text) is not None:
        return f.words <= 10
    return f.words <= (10 if named else 5) and (not f.terminal or f.text.endswith(":"))


def _ingredients_above(bs: list[_Block], first: int, steps: set[int]) -> set[int]:
    """A recipe's ingredient list right above its steps (the article region, which starts at
    ``first``): the nearest "Zutaten" / "Ingredients" / "Ingrédients" ... heading and the lines
    under it that read as ingredients (:func:`_ingredient_line`).

    A page dump puts each quantity and each ingredient on a line of its own ("125 g" / "Mehl"), or
    "350 g Zucker", under the heading, then the steps; the region (the steps' prose) starts below,
    and the list went as chrome above it. Only when the steps follow: a preparation heading
    ("Zubereitung", "Method", "Préparation" ...) or a numbered step (``steps``) between the list
    and the first :data:`_PREPARATION_REACH` blocks of the region (not a menu item "Zutaten" over
    an unrelated article, nor a sidebar's recipe with its "Zum Rezept" link), and figures on a
    third of the list's lines or more.

    Empty when there is no such heading within :data:`_INGREDIENTS_SPAN` blocks.
    """
    h = next(
        (
            i
            for i in range(first - 1, max(-1, first - 1 - _INGREDIENTS_SPAN), -1)
            if bs[i].strong is None and _heading_of(_INGREDIENTS, bs[i])
        ),
        None,
    )
    if h is None:
        return set()
    reach = bs[h + 1 : first + _PREPARATION_REACH]
    if not any(b.index in steps or _heading_of(_PREPARATION, b) for b in reach):
        return set()
    items = bs[h + 1 : first]
    if any(b.strong is not None and b.strong.tail_marker for b in items):
        return set()
    listed: list[_Block] = []
    prev = h
    for b in items:
        # a name without a quantity ("Salz", "Für die Füllung:") belongs to the list only right
        # under the heading or another item, not under an ad ("Jetzt bestellen"); the steps'
        # heading ("Zubereitung", "Steps") goes with the list
        above = bs[b.index - 1]
        named = prev == b.index - 1 and _DIGIT.search(above.f.text) is not None and above.f.words <= 3
        if _heading_of(_PREPARATION, b) or (
            _ingredient_line(b, named) and (_DIGIT.search(b.f.text) is not None or prev == b.index - 1)
        ):
            listed.append(b)
            prev = b.index
    if 3 * sum(1 for b in listed if _DIGIT.search(b.f.text)) < len(listed) or not listed:
        return set()
    return {h, *(b.index for b in listed)}


_STEP_NUMBER = re.compile(r"(\d{1,2})\.?")


def _step_numbers(bs: list[_Block]) -> set[int]:
    """The blocks that are a numbered step's bare number ("1", "2.") over a paragraph of prose.

    The counter rule removes bare numbers (a like or comment count), but a recipe's or a guide's
    numbered steps put one over each step's paragraph; as a rule match each cut the article there
    (a recipe kept its last two steps of five). A sequence 1, 2, 3 ..., each over prose that no
    rule matched, whose "1" does not stand under a short heading (a "Leser-Favoriten" list of
    numbered teasers) unless that heading is a preparation heading ("Zubereitung", "Method").
    """
    found: set[int] = set()
    expect = 0
    for b in bs:
        if b.strong is None or b.strong.id != _COUNTER:
            continue
        m = _STEP_NUMBER.fullmatch(b.f.text)
        i = b.index
        below = bs[i + 1] if i + 1 < len(bs) else None
        if m is None or below is None or not below.g.prose or below.strong is not None:
            expect = 0
            continue
        n = int(m.group(1))
        if n == 1:
            above = bs[i - 1] if i > 0 else None
            ok = above is not None and (
                _heading_of(_PREPARATION, above)
                or not (above.g.words <= 5 and not above.g.terminal and _DIGIT.search(above.f.text) is None)
            )
        else:
            ok = n == expect
        if ok:
            found.add(i)
            expect = n + 1
        else:
            expect = 0
    return found


_BARE_TIME = re.compile(
    r"(?:(?:posted|updated|published|last updated|aktualisiert|veröffentlicht|mis à jour|publié|actualizado"
    r"|publicado|aggiornato|pubblicato|bijgewerkt|gepubliceerd)(?: at| um| à| a las| às| alle| om)?:? )?"
    r"(\d{1,2})[:.](\d\d)(?: ?([ap])\.?m\.?)?(?: (?:gmt|bst|utc|cet|cest|[ecmp][sd]?t|uhr|h))?",
    re.I,
)
_ENTRY_TOOLS = 3
"""At most this many share buttons close a live blog's entry, above the next entry's stamp."""
_ENTRY_REACH = 3
"""A live blog's entry stamp stands this many lines or fewer above the entry's prose (a minute
marker "90+4'" or a headline between)."""


def _entry_times(bs: list[_Block]) -> set[int]:
    """The blocks that are a live blog's entry stamps: bare times ("17:49", "9.05am", "Posted at 14:05",
    "Updated 9:12 GMT") over prose.

    A rule removes a bare time (it is no text), but as a gap in the article each would cut the blog
    at its first entry. Three or more bare times, in one order (newest first or oldest first,
    across midnight too; a pinned first entry may break it), each with a sentence that no rule
    matched within a few lines below it.
    """
    stamps: list[tuple[int, int]] = []
    for b in bs:
        if b.strong is None or b.strong.category != Category.OTHER:
            continue
        m = _BARE_TIME.fullmatch(b.f.text)
        if m is None:
            continue
        below = bs[b.index + 1 : b.index + 1 + _ENTRY_REACH]
        if not any((x.g.prose or x.f.terminal) and x.strong is None for x in below):
            continue
        hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
        if half == "p" and hour < 12:
            hour += 12
        stamps.append((b.index, hour * 60 + minute))
    if len(stamps) < 3:
        return set()
    if not bs[stamps[0][0]].f.text[:1].isdigit() and sum(1 for x in bs[: stamps[0][0]] if x.g.prose) > 1:
        return set()  # labelled stamps under the article's paragraphs: a list of teasers ("Latest updates")

    def one_order(run: list[tuple[int, int]]) -> bool:
        # minutes apart, across midnight too (00:25 over 23:54: 29 minutes later, not 23 hours)
        gaps = [(b[1] - a[1] + 720) % 1440 - 720 for a, b in itertools.pairwise(run)]
        return all(d <= 0 for d in gaps) or all(d >= 0 for d in gaps)

    if one_order(stamps):
        return {i for i, _ in stamps}
    if len(stamps) >= 4 and one_order(stamps[1:]):
        return {i for i, _ in stamps}  # a pinned entry on top, out of the order
    return set()
