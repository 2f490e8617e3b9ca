"""Where the article region ends (steps 2 and 3 of :mod:`pipeline.boilerplate.classify`).

After the region found by its values, boilerplate starts at the first block with evidence
(:func:`_tail_evidence`: a rule, a teaser headline, a menu item); a list that merely continues the
article (line-ups, results, survivors, a book's details) and the article's last paragraphs under a
read-also box or a one-line box (a newsletter prompt, an ad's label, a read-also link) stay
(:func:`_resume_under_list`, :func:`_under_read_also`, :func:`_under_marker`). Runs of dated or
undated teasers end the region (:func:`_dated_teasers`, :func:`_undated_teasers`), and so does a
rail's heading with only the rail under it (:func:`_marker_end`); teaser
headlines under a read-also heading inside the article go with it (:func:`_inline_teaser`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from pipeline.boilerplate.blocks import (
    _CODA,
    _COUNTER,
    _DIGIT,
    _WORD4,
    _Block,
    _content_words,
    _data_like,
    _headline_shaped,
    _rule_category,
    _sentence_like,
    _stamp,
    _stems,
)
from pipeline.boilerplate.rules_model import SPEECH_WORDS
from pipeline.boilerplate.stopwords import _split
from pipeline.boilerplate.title import _JUMP_ITEMS, _NAME_WORDS, _SUMMARY_HEADING, _TOC_HEADING, _byline_line
from pipeline.document import Category

_FIGURES_ROW = re.compile(r"[^\W\d_]: ?\d[^:]{0,40}[^\W\d_]: ?\d")
"""Two labelled figures on one line: a row of data (nutrition, specs), no teaser headline."""


def _tail_evidence(
    b: _Block, in_list: tuple[bool, bool] = (False, False), below: _Block | None = None, item: bool = False
) -> bool:
    """Evidence that ``b`` is page chrome next to the article (above or below it).

    ``in_list``: whether the blocks above and below belong to a list of figures (two or more
    data-like blocks in a row); ``item``: whether ``b`` itself is an item of such a list or the
    line a heading just above announces ("Was uns gefällt:"): such a line is content even when it
    is headline-shaped, as "1 TL gemahlene Nelken", "Warm Up 11:00 Uhr" or "Das Design, der
    Innenraum, die Sitze" are in German or English title case.
    """
    if b.strong is not None:
        return True
    if item or _CODA.search(b.f.text):
        return False
    f = b.g
    if f.link_ratio >= _LINK_LINE and not f.prose and f.words <= _LINK_LINE_WORDS:
        # a line of links, as a page turned into Markdown writes a menu ("* [Fútbol](https://...)")
        return True
    if f.words <= 3 and not f.terminal and f.link_ratio == 0 and not f.bullet and not _DIGIT.search(f.text):
        # a heading that announces content ("Ingredients:" over a list or prose, "Method:"), a short
        # heading over a list of figures, or an item of such a list is content, not a menu
        announces = (
            f.text.endswith(":")
            and below is not None
            and (below.g.prose or below.f.bullet or _data_like(below) or _sentence_like(below))
        ) or (below is not None and _CODA.search(below.f.text) is not None)  # "Reference" over a citation
        return not announces and not any(in_list)
    if _FIGURES_ROW.search(f.text):
        return False  # a row of labelled figures ("Calories: 312kcal | Carbohydrates: 45g | ...")
    return _headline_shaped(f, 4) and not f.terminal and f.title_case >= 0.6


_LINK_LINE = 0.5
"""Links per word from which a short line is a link's (:func:`_tail_evidence`)."""
_LINK_LINE_WORDS = 12
"""Longest such line."""
_CLOSING_WORDS = 60
"""Longest closing sentence under a list after the article's prose (see :func:`_resume_under_list`)."""
_LIST_LINE_WORDS = 15
"""Longest line of such a list ("Carlton: Curnow 4, McKay 3, Cripps 2, Fogarty 2, Owies, Cerra")."""
_RESULT_LINES = 3
"""Under a results heading, this many lines with figures are the results (see :func:`_resume_under_list`)."""
_TIME_FIRST = re.compile(r"\d{1,2}[:.]\d\d\b")
"""A time stamp first: a ticker's or a teaser's line ("23:56 Barcelona: Schwere Ausschreitungen ..."),
no result."""
_RESULTS_HEADING = re.compile(
    r"(((\w+'s|unofficial|official|final|full|latest|election|match) )?(results|standings|scores|box score)"
    r"|(die )?ergebnisse|resultados|résultats|risultati|wyniki|uitslagen)[:.]?$",
    re.IGNORECASE,
)
"""A results heading on its own line ("Sunday's Results", "Unofficial results", "Ergebnisse")."""


_LABELLED = re.compile(r"[^\W\d_][\w.-]*( [\w.-]+)?: ")


def _list_item(b: _Block, listy: bool) -> bool:
    """A line that reads as an item of a list of facts rather than a teaser headline: data-like or
    in a run of such lines, finished ("Attendance: 4,012."), a word or three ("Club Classics"), a
    list of its own ("Town: Smith, Jones, Brown") or a short labelled line ("Source: CDC, Chicago
    Department of Public Health").
    """
    f = b.f
    labelled = f.words <= 10 and _LABELLED.match(f.text) is not None  # "Source: CDC, Chicago ..."
    return listy or _data_like(b) or f.terminal or f.words <= 3 or f.text.count(",") >= 2 or labelled


def _teaser_headline(b: _Block) -> bool:
    """A Title Case headline of four words or more, no comma, colon or bracket, at most one figure
    ("7 Cheap Flights For The October Half Term"): a teaser, not an item of a list of facts ("Nayab
    Singh Saini (BJP), Ladwa", "Leinster 5 5 0 0 23")."""
    f = b.f
    return (
        f.words >= 4
        and f.title_case >= 0.6
        and not any(c in f.text for c in ",:()")
        and len(_DIGIT.findall(f.text)) <= 2
    )


def _one_shape(a: _Block, b: _Block) -> bool:
    """Two lines set out alike, with a comma or brackets: items of one list ("Nayab Singh Saini
    (BJP), Ladwa" / "Anil Vij (BJP), Ambala Cantt")."""
    ta, tb = a.f.text, b.f.text
    marks = [(t.count(","), t.count("("), t.count(":")) for t in (ta, tb)]
    return marks[0] == marks[1] and marks[0][:2] != (0, 0) and max(a.f.words, b.f.words) <= 8


def _list_line(b: _Block) -> bool:
    """A line that may be an item of a list after the article: no rule (a bare figure, which a rule
    takes for a counter, is a song's title or a score), no prose, short or a list of names."""
    if b.strong is not None and b.strong.id != _COUNTER:
        return False
    return (_result_line(b) or not b.g.prose) and (b.f.words <= _LIST_LINE_WORDS or b.f.text.count(",") >= 3)


_SCORES = re.compile(r"\b\d{1,3}[-–]\d{1,3}\b")


def _result_line(b: _Block) -> bool:
    """A result written out ("Sara Errani and Andrea Vavassori, Italy, def. Taylor Townsend and Donald
    Young, United States, 7-6 (0), 7-5."): it may read as a sentence, but two commas and two scores
    make it an item of a list of results."""
    return b.f.text.count(", ") >= 2 and len(_SCORES.findall(b.f.text)) >= 2


def _results(items: list[_Block], continued: bool) -> bool:
    """A list of results: two written out ("Jannik Sinner (1), Italy, def. Taylor Fritz (12), United
    States, 6-3, 6-4, 7-5."), or ``_RESULT_LINES`` lines with figures (not dates, not a ticker's time
    stamps) under a results heading ("Sunday's Results", "Unofficial results") or continuing a list
    the article holds ("Kirsten Running-Marquardt (R) 12,914")."""
    if sum(1 for b in items if _result_line(b)) >= 2:
        return True
    if not (continued or _RESULTS_HEADING.match(items[0].f.text)):
        return False
    figures = sum(
        1 for b in items if _DIGIT.search(b.f.text) and not b.f.date and not _TIME_FIRST.match(b.f.text)
    )
    return figures >= _RESULT_LINES


_LABEL_REACH = 8
"""The labels of :func:`_same_labels` are looked for among this many lines above the cut."""


# an ad's call to buy, watch or sign up (English; German, French and Spanish shop words)
_CALL = (
    r"\b(save|shop|buy|order|offers?|deals?|discount|free (delivery|shipping|trial)|sign up|"
    r"subscribe|compare|watch|click|book now|limited time|get \d+|try|discover|"
    r"jetzt( \w+){0,2} (kaufen|bestellen|sichern|entdecken|testen|nutzen|vergleichen)|versandkostenfrei|"
    r"achetez|"
    r"commandez|profitez|code promo|livraison gratuite|compra ahora|cómpralo|envío gratis|"
    r"aprovecha)\b"
)
_PROMO = re.compile(r"[%$€£?]|" + _CALL, re.IGNORECASE)
"""An ad's copy: prices, percentages, a question, a call to buy, watch or sign up."""
_PROMO_WORDS = re.compile(_CALL, re.IGNORECASE)
"""An ad's call to buy, watch or sign up (:data:`_PROMO` without its symbols): an article's paragraph
under a read-also box may well hold a price, a percentage or a question ("Inflation rose 3.2 %")."""
_AD_LINES = 2
"""At most this many lines of an ad's labels (see :func:`_ad_label`)."""


def _ad_label(b: _Block) -> bool:
    """An ad's bare label ("ADVERTISEMENT", "Story continues below advertisement"), a rule's match that
    sits between paragraphs."""
    return b.strong is not None and b.strong.category == Category.ADVERTISEMENT and b.f.words <= 6


def _same_labels(bs: list[_Block], cut: int, stop: int) -> int:
    """Where the chrome starts when ``cut`` is a short heading over lines labelled as lines of the
    article right above it are: the article's next section, set out like the one above ("Injuries"
    / "Lions: S Brian Branch left ..." / "Vikings: RB Aaron Jones ..." then "Up next" / "Lions: At
    Tennessee next Sunday." / "Vikings: At the Los Angeles Rams ..."). Two labelled lines at least,
    each label one of the article's, no rule on them, then a rule's chrome or ``stop``; else ``cut``.
    """
    if cut >= stop:
        return cut
    head = bs[cut]
    if head.strong is not None or head.f.words > 4 or head.f.terminal:
        return cut

    def label(b: _Block) -> str | None:
        m = _LABELLED.match(b.f.text)
        return m.group(0).casefold() if m else None

    above = {label(b) for b in bs[max(0, cut - _LABEL_REACH) : cut]} - {None}
    end = cut + 1
    while end < stop and bs[end].strong is None and label(bs[end]) in above:
        end += 1
    if end - cut > 2 and (end == stop or bs[end].strong is not None):
        return end
    return cut


_SENTENCE_END = re.compile(r"\w{2}[.!?][\"'”’»)]* +[\"'„“«(]?[^\W\d_]")
"""A sentence end inside a line, before the next sentence's first letter (not after an initial)."""


def _boxed_teaser(b: _Block) -> bool:
    """A line of a read-also box: :func:`_inline_teaser`, or a shorter headline (3-5 words, no sentence
    end, no rule: "Parkgebühren steigen ab Januar deutlich")."""
    f = b.f
    short = b.strong is None and f.words >= 3 and not f.terminal
    return _inline_teaser(b) or (short and _headline_shaped(f, 3))


_CARDS = 2
"""Fewest teaser cards (headline over its author's line) that make a box of them (:func:`_teaser_cards`)."""


def _teaser_cards(
    bs: list[_Block], i: int, teaser: Callable[[_Block], bool], stop: int | None = None
) -> list[_Block]:
    """The teaser cards under the related-links heading ``bs[i]``, before ``stop``: :data:`_CARDS` or
    more headlines, each with its author's line under it ("Am beliebtesten" / "Tropische Reiseziele: 7
    warme Urlaubsorte ..." / "Von Micol Passariello" / "Andy Warhol: Der Künstler ..." / "Von Alexandra
    Muñoz"), or each under its section's name ("Most Popular" / "Gear" / "The Best Wireless Earbuds for Every
    Budget" / "Security" / ...), whatever the heading says (an article's own list under "Trending now" has no
    author under each item); at most :data:`_INLINE_TEASERS` cards, their lines in order (none when fewer)."""
    end = len(bs) if stop is None else min(stop, len(bs))
    lines: list[_Block] = []
    k = i + 1
    while len(lines) < 2 * _INLINE_TEASERS and k + 1 < end:
        head, by = bs[k], bs[k + 1]
        if not head.continues and teaser(head) and _byline_line(by):
            lines += [head, by]
        elif not by.continues and _card_kicker(head) and teaser(by) and not _card_kicker(by):
            lines += [
                head,
                by,
            ]  # (a section's name over the headline: "Gear" / "The Best Wireless Earbuds ...")
        else:
            break
        k += 2
    return lines if len(lines) >= 2 * _CARDS else []


def _card_kicker(b: _Block) -> bool:
    """A teaser card's section name over its headline: a word or two, capitalised, no figure, no sentence
    ("Gear", "Security", "Climate Desk")."""
    f = b.f
    return (
        1 <= f.words <= 2
        and f.text[:1].isupper()
        and not f.terminal
        and not f.bullet
        and _DIGIT.search(f.text) is None
        and all(ch.isalpha() or ch in " -&" for ch in f.text)
    )


_LONE_PARAGRAPH_WORDS = 30
"""Fewest words of the one paragraph under one teaser headline of a read-also box that is the
article's (:func:`_under_read_also`)."""


_CLOSING_SENTENCE_WORDS = 15
"""Fewest words of a one-sentence paragraph that :func:`_under_read_also` reads as the article's last."""


_RESUMED_PARAGRAPHS = 1
"""Fewest paragraphs of prose (:data:`_CLOSING_SENTENCE_WORDS` words or more) that a list announced under a
read-also box must lead to, no rule's chrome between (:func:`_under_read_also`)."""


_TO_READER = re.compile(r"\b(you|your|du|dein|deine|vous|votre|tu|usted)\b", re.IGNORECASE)
"""A word that speaks to the reader (an ad's copy does; a news paragraph rarely)."""


def _closing_paragraph(b: _Block, calls: bool = True) -> bool:
    """Whether ``b`` may be a paragraph of the article under a read-also box: prose that ends a
    sentence, no rule on it, no exclamation mark, no ad's call (:data:`_PROMO_WORDS`). With
    ``calls`` off, a call word counts only first in the line or beside a word to the reader ("The
    winner receives a voucher from the camera shop" is news; "Shop the range", "Save on your
    order" are an ad's)."""
    text = b.f.text
    call = _PROMO_WORDS.search(text) is not None
    if not calls and call:
        call = _PROMO_WORDS.match(text) is not None or _TO_READER.search(text) is not None
    return (
        b.strong is None
        and not b.weak
        and b.g.prose
        and b.f.terminal
        and "!" not in text  # a promo's copy: "Das kannst du auch! Über ..."
        and not call
    )


def _under_read_also(bs: list[_Block], cut: int, stop: int) -> int:
    """Where the chrome starts when ``cut`` is a read-also box inside the article with the article's
    last paragraphs under it ("Lesen Sie auch" / two teaser headlines / "Die Opposition kündigte an,
    ... sagte Fraktionschef Peter Wagner."): the box's heading (:data:`_READ_ALSO`), one to
    :data:`_INLINE_TEASERS` teaser headlines (:func:`_inline_teaser`) or teaser cards
    (:func:`_teaser_cards`: headline / "Par Paul Girard"), then paragraphs of prose of two sentences
    or more each, no rule on them, no exclamation mark, no ad's call (:data:`_PROMO_WORDS`), up
    to ``stop`` or a rule's chrome; else ``cut``.

    A teaser's summary under its headline ("Lesen Sie auch" / "Neue Buslinie ..." / "Seit Montag
    fährt die Linie 12 alle zehn Minuten.") is no paragraph of the article: a paragraph of one
    sentence ends nothing (a teaser's summary of one long sentence shares the article's words too),
    nor does one headline over one paragraph (two headlines or two paragraphs do), unless the
    paragraph is long (:data:`_LONE_PARAGRAPH_WORDS`) and shares more words with the article's last
    lines than with the headline.
    """
    if cut >= stop:
        return cut
    head = bs[cut]
    if (
        head.strong is None
        or head.strong.category != Category.RELATED_LINKS
        or _READ_ALSO.match(head.f.text) is None
    ):
        return cut  # (not under "Most popular" / cards: the paper's blurb, an appeal, the author's bio)
    cards = _teaser_cards(bs, cut, _boxed_teaser, stop)
    if cards:
        k = cut + 1 + len(cards)
    else:
        k = cut + 1
        while k < stop and k - cut <= _INLINE_TEASERS and not bs[k].continues and _boxed_teaser(bs[k]):
            k += 1
        if k == cut + 1:
            return cut
    end = k
    while end < stop and _closing_paragraph(bs[end]) and _SENTENCE_END.search(bs[end].f.text) is not None:
        end += 1
    # (or a paragraph that announces a list: "Die Kreisverwaltung ... hat folgende Hinweise veröffentlicht:" /
    # "Heizöltanks sichern ..." / ...)
    listed = (
        _SENTENCE_END.search(bs[k].f.text) is None and _announced_list(bs, k) > k + 1 if k < stop else False
    )
    if end == k < stop - 1 and (_announcing(bs[k]) or listed) and (_fact_line(bs[k + 1]) or listed):
        # the article resumes under the box with a list it announces, its next sections with it, up to a
        # rule's chrome ("İlgili Haberler" / two teasers / "Kapadokyaspor'un muhtemel 11'i:" / "Kaleci: ..." /
        # ... / "Son 5 maçta üstünlük Demirspor'da" / "İki takım arasında ..."): a teaser announces nothing,
        # and a box of teasers under "From our partners:" has no facts ("Kaleci: Oğuzhan Er")
        j, paragraphs = k, 0
        # (past a photo's caption a rule took: "Helfer des THW füllen ... (Symbolbild): ...")
        while j < stop and (bs[j].strong is None or _rule_category(bs[j]) == Category.CAPTION):
            paragraphs += _closing_paragraph(bs[j], calls=False) and bs[j].f.words >= _CLOSING_SENTENCE_WORDS
            j += 1
        if paragraphs >= _RESUMED_PARAGRAPHS:
            return j
    if end == k and k - cut >= 3:
        # the article's last sentences under two teaser headlines, over the page's chrome: each on the
        # article's subject and sharing no word with any headline of the box (a teaser's summary
        # shares its headline's, and related teasers share the article's subject), no author's blurb
        # (one sentence a paragraph: "Further upstream, WaterNSW said ..." / "The bureau said ...")
        headlines: set[str] = set()
        for j in range(cut + 1, k):
            headlines |= _content_words(bs[j].f.text)
        j, shared = k, False
        while (
            j < stop
            and _closing_paragraph(bs[j], calls=False)
            and bs[j].f.words >= _CLOSING_SENTENCE_WORDS
            and not _BIO_OPENING.match(bs[j].f.text)
            and not _content_words(bs[j].f.text) & headlines
        ):
            shared = shared or _shared_words(bs, j, k - 1, cut)[1] > 0
            j += 1
        # (one such sentence shares the article's words; two are no teaser's summary whatever they share:
        # a box's summaries stand each under its own headline)
        if (j - k >= 2 or (j > k and shared)) and (j == stop or bs[j].strong is not None):
            return j
    # one headline over one paragraph may be a teaser with its summary: two of either are not; and a
    # lone paragraph that shares words with the last headline over it, not with the article, is that
    # teaser's summary ("New timetable brings faster trains ..." / "Journeys will be cut ... trains")
    # (or to a box of results under the paragraphs, which stays with them: "Classement de la 3e étape ..." /
    # "1. Hugo Lemarchand ...")
    last = end
    if k < end < stop and bs[end].strong is None:
        last = _fact_box(bs, end - 1, stop)[0] + 1
    if end > k and (end == stop or bs[end].strong is not None or last > end):
        if end - k >= 2:
            return last
        teaser, article = _shared_words(bs, k, k - 1, cut)
        if teaser and article <= teaser:
            return cut
        # one headline over one paragraph: the article's only when the paragraph is a long one, more
        # on the article's subject than on the headline's ("Ook interessant" / "Leerkrachtentekort: ..."
        # / "De onderwijsvakbonden reageren kritisch. ..."; a teaser's summary is shorter)
        if k - cut >= 3 or (article and bs[k].f.words >= _LONE_PARAGRAPH_WORDS):
            return last
    return cut


_PROMPT_WORDS = 30
"""Longest newsletter prompt that :func:`_under_marker` reads as one line inside the article."""
_PARAGRAPH_WORDS = 8
"""Shortest paragraph that counts as the article's under a newsletter prompt."""
_BOX_COPY = re.compile(
    r"newsletter|inbox|e-?mail|sign(ed|ing)? up|subscri|unsubscri|delivered|podcast|free of charge|"
    r"posteingang|anmeld|abonnier|abbestell|kostenlos|werktags|bolet[ií]n|correo|suscr[ií]b|gratuit|"
    r"infolettre|lettre d.information|abonne|désinscri|chaque (matin|semaine|jour)|cada (mañana|semana|día)|"
    r"\b(you|your|we|our|(?-i:us)|free|wir|unser|unsere|gratis|nous|notre|nos|nosotros|nuestro|nuestra|baja)\b",
    re.IGNORECASE,
)
"""A newsletter box's own copy: its vocabulary, or the site speaking to the reader ("Get the best
of our journalism ...", "We will never share ...", "It is free."), not the article's narrative
(read outside quotations: a quoted "we" is a source speaking)."""
_QUOTED = re.compile(r"[\"“„«»][^\"“”„«»]{0,400}[\"”“«»]")
"""A quotation inside a line (straight, curly, German or French marks)."""
_SEAM_LINES = 4
"""The article's last paragraphs above a prompt that the first paragraph under it must share a
word with (:func:`_under_marker`)."""
_SEAM_LINES_INLINE = 8
"""... above an ad's label or a read-also link on one line, which stand between the article's
paragraphs (another such box may stand among those lines): this many lines."""
_BIO_OPENING = re.compile(
    r"(?!(the|a|an|der|die|das|ein|eine|le|la|les|un|une|el|los|las|una)\b)"  # a name, no article
    r"(?-i:[A-ZÀ-Ý][\w.'’-]+(?: [A-ZÀ-Ý][\w.'’-]+){1,2}),? (is|was|has|writes|covers|reports|joined|lives|"
    r"works|ist|war|schreibt|berichtet|lebt|arbeitet|est|était|vit|travaille|écrit|a (couvert|rejoint|"
    r"travaillé|publié)|es|fue|vive|trabaja|escribe|cubre|è|era|scrive|lavora|er|var|skriver|dækker|dekker|"
    r"arbeider|arbetar|bevakar|är|jest|był|była|pisze|pracuje|zajmuje się|schrijft|werkt|woont)\b",
    re.IGNORECASE,
)
"""A paragraph that opens with a name and a verb: an author's or a site's blurb ("Anna Kessler
berichtet seit 2017 ...", "Greenline Media is an independent newsroom ...", "Kari Hansen er journalist i
E24 ...")."""


def _plain_paragraph(b: _Block, sentences: bool = False) -> bool:
    """A finished paragraph of prose that no rule, weak or strong, matched, with no ad's call and
    none of a box's copy outside quotations (:data:`_BOX_COPY`): what the article's own paragraphs
    next to a box look like (:func:`_under_marker`, :func:`~pipeline.boilerplate.head._from_lead`).

    With ``sentences``, two sentences or more in lower case (:func:`_sentences`) are prose too,
    however few stop words they hold: a quotation in an inflected language ("– Przyczyny wykolejenia
    wyjaśnia specjalna komisja. Wstępnie wykluczamy błąd motorniczego – przekazał rzecznik.")."""
    return (
        b.strong is None
        and not b.weak
        and (b.g.prose or (sentences and _sentences(b)))
        and b.g.terminal
        and _no_box_copy(b.f.text)
    )


def _no_box_copy(text: str) -> bool:
    """No ad's call (:data:`_PROMO_WORDS`) in ``text`` and none of a box's copy outside quotations
    (:data:`_BOX_COPY`)."""
    return _PROMO_WORDS.search(text) is None and _BOX_COPY.search(_QUOTED.sub(" ", text)) is None


_SENTENCES_TITLE_CASE = 0.4
"""Highest share of capitalised words in a line of sentences that :func:`_sentences` reads as prose."""


def _sentences(b: _Block) -> bool:
    """Whether ``b`` is a line of two sentences or more (:data:`_SENTENCE_END`), mostly in lower case
    (a headline with a kicker, "Kraków: Zamknięta ulica Kopernika. Ruszył remont", is in Title Case
    more often than not; this one: :data:`_SENTENCES_TITLE_CASE`), ending on a full stop.

    >>> from pipeline.boilerplate.features import block_features
    >>> def blk(t):
    ...     f = block_features(t, "pl")
    ...     return _Block(0, 0, 0, 0, f, f)
    >>> _sentences(blk("Komisja wyjaśnia przyczyny wypadku. Wstępnie wykluczamy błąd motorniczego."))
    True
    >>> _sentences(blk("Kraków: Zamknięta Ulica Kopernika. Ruszył Remont.")), _sentences(blk("Remont ulicy."))
    (False, False)
    """
    f = b.f
    return f.terminal and f.title_case < _SENTENCES_TITLE_CASE and _SENTENCE_END.search(f.text) is not None


_LEGAL_WORDS = _split(
    """All Rights Reserved Alle Rechte Vorbehalten Tous Droits Réservés Todos Derechos Reservados
    Copyright Privacy Policy Terms Conditions Cookie Cookies Media News Group Limited Verlag GmbH"""
)
"""Words of a copyright line that name no site (:func:`_site_words`)."""


def _site_words(bs: list[_Block], start: int, stop: int) -> set[str]:
    """The capitalised words of four letters or more on the copyright lines in ``bs[start:stop]``
    ("© 2024 Harbourside Gazette. All rights reserved."), but :data:`_LEGAL_WORDS`: the site's name,
    mostly."""
    words: set[str] = set()
    for b in bs[start:stop]:
        if b.strong is not None and b.strong.category == Category.LEGAL:
            words.update(w for w in _WORD4.findall(b.f.text) if w[0].isupper())
    return words - _LEGAL_WORDS


_INLINE_LINK = re.compile(r"(?P<head>[^:>»|]{3,40}?) *(?::|>>|»|\|) *(?P<teaser>\S.*)")
"""A read-also link on one line: its heading, a colon, ">>", "»" or "|", and the teaser's headline
("Lesen Sie auch: Kraniche rasten früher", "LIRE AUSSI >> Le tram D prolongé", "Also Read | ...")."""
_LINK_TEASER_WORDS = 3
"""Fewest words of the teaser headline on such a line."""


def _box_line(b: _Block) -> str | None:
    """The kind of one-line box ``b`` is, when the article may go on under it (:func:`_under_marker`):
    ``"prompt"``, a newsletter or paywall prompt of at most :data:`_PROMPT_WORDS` words; ``"ad"``, an
    ad's bare label (:func:`_ad_label`); ``"link"``, a read-also link with its teaser on the same line
    (:data:`_INLINE_LINK`; a heading alone heads a box: :func:`_under_read_also`); else None."""
    rule = b.strong
    if rule is None:
        return None
    if rule.category in (Category.NEWSLETTER, Category.PAYWALL) and b.f.words <= _PROMPT_WORDS:
        return "prompt"  # (a paywall's promo between paragraphs: "Subscribe Now! Get features like ...")
    if _ad_label(b):
        return "ad"
    m = _INLINE_LINK.fullmatch(b.f.text) if rule.category == Category.RELATED_LINKS else None
    if m and _READ_ALSO.match(m["head"]) and len(m["teaser"].split()) >= _LINK_TEASER_WORDS:
        return "link"
    return None


_MARKER_PARAGRAPHS = {"prompt": 2, "ad": 1, "link": 1}
"""Fewest paragraphs under each kind of one-line box (:func:`_box_line`) that show the article goes on:
a newsletter box's copy may read as one paragraph; under an ad's label or a read-also link on one
line, the paragraph is the article's (the ad's copy and a teaser's summary are told apart otherwise).
Under a prompt, one paragraph that reports speech (:data:`_REPORTED`) is the article's too."""
_REPORTED = re.compile(
    r"\b("
    + "|".join(
        sorted({w for ws in SPEECH_WORDS.values() for w in ws if len(w) > 3}, key=lambda w: (-len(w), w))
    )
    + r")\b",
    re.IGNORECASE,
)
"""A word that attributes speech (:data:`~pipeline.boilerplate.rules_model.SPEECH_WORDS`, none of
three letters or fewer: "so", "dit"): a news paragraph's, which a newsletter box's copy does not use
("The Environment Agency said it had opened a further 11 criminal investigations ...")."""


def _under_marker(bs: list[_Block], cut: int, stop: int) -> int:
    """Where the chrome starts when ``cut`` is a one-line box inside the article (:func:`_box_line`:
    a newsletter prompt, an ad's label, a read-also link with its teaser) with the article's last
    paragraphs under it ("Get our free Climate Weekly newsletter every Friday →" / "Generous subsidies
    introduced in 2022 cover ..." / "Installers say ..."; "Auch interessant: Wolf im Landkreis
    gesichtet" / "Die meisten Störche kommen ..." / "Anzeige" / "Wer die Störche beobachten möchte
    ..."): :data:`_MARKER_PARAGRAPHS` or more finished paragraphs of prose (:data:`_PARAGRAPH_WORDS`
    words or more, no rule, no exclamation mark, no ad's call, nothing of a box's copy:
    :data:`_BOX_COPY`, not opening with a name and a verb: :data:`_BIO_OPENING`, not naming the site:
    :func:`_site_words`), the first of which shares a word (:func:`_stems`) with the article's last
    :data:`_SEAM_LINES` lines above the box (:data:`_SEAM_LINES_INLINE` above an ad's label or a
    link), up to ``stop`` or a rule's chrome; another one-line box between them is passed over (its
    rule still removes it), unless it is a link whose teaser's summary stands under it: the article
    then ends over that link. A last paragraph right over a photo's credit, in its paragraph, is the
    photo's caption. The paragraphs must run up to ``stop``, a rule's chrome or a short line no rule
    knows with no prose under it (:func:`_stub`). Else ``cut``.

    A box's copy under its prompt ("Sign up for The Morning Brief" / "The news that matters,
    delivered at 6am.") speaks of the newsletter or to the reader, an ad's copy calls to buy, the
    site's blurb or the author's bio opens with a name, teasers of other stories go elsewhere, and a
    paragraph that shares more words with a read-also link's teaser than with the article is that
    teaser's summary: all stay boilerplate.
    """

    def paragraph(b: _Block) -> bool:
        f = b.f
        return (
            _plain_paragraph(b, sentences=kind != "prompt")
            and f.terminal
            and f.words >= _PARAGRAPH_WORDS
            and "!" not in f.text
            and _BIO_OPENING.match(f.text) is None
        )

    kind = _box_line(bs[cut]) if cut < stop else None
    if kind is None:
        return cut
    need = _MARKER_PARAGRAPHS[kind]
    seam = _SEAM_LINES if kind == "prompt" else _SEAM_LINES_INLINE
    above = set().union(*(_stems(b.f.text) for b in bs[max(0, cut - seam) : cut]))
    site = _site_words(bs, cut, stop)
    end, paragraphs = cut + 1, 0
    while end < stop:
        if paragraph(bs[end]):
            if paragraphs == 0 and not _stems(bs[end].f.text) & above:
                return cut  # the first paragraph under the box is on another subject
            if paragraphs == 0 and _REPORTED.search(bs[end].f.text):
                need = 1  # a news paragraph ("The Environment Agency said it had opened ...")
            if _box_line(bs[end - 1]) == "link":
                teaser, article = _shared_words(bs, end, end - 1, cut)
                if teaser and article <= teaser:
                    # the link's summary ("Storks return early" / "Storks returned ..."): the article ends
                    # over the link (or, under the first, nowhere below it)
                    if paragraphs == 0:
                        return cut
                    end -= 1
                    break
            if site & set(_WORD4.findall(bs[end].f.text)):
                return cut  # the site speaks of itself ("The Harbourside Gazette corrects errors ...")
            paragraphs += 1
        elif not (_box_line(bs[end]) and end + 1 < stop and paragraph(bs[end + 1])):
            break
        end += 1
    caption = (
        end < stop
        and end > cut + 1
        and _caption_credit(bs[end])
        and paragraph(bs[end - 1])
        and bs[end - 1].paragraph == bs[end].paragraph
        # (in a page copied without blank lines every line shares one paragraph: there a caption is
        # one sentence, "Radfahrer im Feierabendverkehr auf der Promenade." / "Foto: Matthias Ahlke",
        # and a paragraph of two is the article's, "To już trzecie ... . W lutym ..." / "Źródło: PAP")
        and (bs[0].paragraph != bs[-1].paragraph or _SENTENCE_END.search(bs[end - 1].f.text) is None)
    )
    if caption:
        end, paragraphs = end - 1, paragraphs - 1  # the last "paragraph" is a photo's caption over its credit
    elif (
        paragraphs
        and end < stop
        and _last_sentence(bs[end])
        and (end + 1 == stop or bs[end + 1].strong is not None or _stub(bs, end + 1, stop))
    ):
        end += 1  # the article's last line, one short sentence ("Las autoridades no descartan ...")
    if paragraphs >= need and (end == stop or bs[end].strong is not None or caption or _stub(bs, end, stop)):
        return end
    return cut


_LAST_SENTENCE_WORDS = 4
"""Fewest words of the article's last line under a box, too short for a paragraph (:func:`_last_sentence`)."""


def _last_sentence(b: _Block) -> bool:
    """Whether ``b`` is one finished sentence too short for a paragraph (:data:`_PARAGRAPH_WORDS`)
    that may still end the article under a box: :data:`_LAST_SENTENCE_WORDS` words or more ending
    on a full stop, mostly lower case, no rule, no exclamation mark, no ad's call ("Las autoridades no
    descartan nuevos deslizamientos." over the desk's signature; not "Jetzt abonnieren!")."""
    f = b.f
    return (
        b.strong is None
        and not b.weak
        and f.words >= _LAST_SENTENCE_WORDS
        and f.text.endswith(".")
        and f.title_case < _SENTENCES_TITLE_CASE
        and _no_box_copy(f.text)
    )


_STUB_WORDS = 4
"""Longest line of chrome that no rule knows and that may end the article under a box (:func:`_stub`)."""


def _stub(bs: list[_Block], i: int, stop: int) -> bool:
    """Whether ``bs[i]`` is a short line of chrome that no rule took, the next line no prose: where the
    article's last paragraph under a box ends ("Text: Anna Lindqvist", "More Coverage"), not a
    subheading over more of the article's paragraphs."""
    b = bs[i]
    return (
        b.strong is None
        and b.f.words <= _STUB_WORDS
        and not b.g.prose
        and not b.f.terminal
        and (i + 1 >= stop or not bs[i + 1].g.prose)
    )


_ARTICLE_LINES = 6
"""The article's last lines above a box that a paragraph under it is compared with (:func:`_shared_words`)."""


def _shared_words(bs: list[_Block], para: int, teaser: int, cut: int) -> tuple[int, int]:
    """How many words (:func:`_content_words`) the paragraph ``bs[para]`` shares with the teaser
    headline ``bs[teaser]`` and with the article's last :data:`_ARTICLE_LINES` lines above the box at
    ``cut``: a teaser's summary shares more with its headline ("New timetable brings faster trains
    ..." / "Journeys will be cut ... more trains")."""
    words = _content_words(bs[para].f.text)
    last = " ".join(b.f.text for b in bs[max(0, cut - _ARTICLE_LINES) : cut])
    return len(words & _content_words(bs[teaser].f.text)), len(words & _content_words(last))


def _caption_credit(b: _Block) -> bool:
    """A photo's credit that a caption rule took ("Foto: dpa", "(Photo: AP)")."""
    return b.strong is not None and b.strong.category == Category.CAPTION


_NEXT_LABEL = re.compile(r"(up )?next|what.s next|next up|coming up|next match|next game|next fixture", re.I)


def _next_label(b: _Block) -> bool:
    """A short label a rule removed over the article's closing line ("Next", "Up next")."""
    return b.strong is not None and b.f.words <= 3 and _NEXT_LABEL.fullmatch(b.f.text.rstrip(":")) is not None


def _resume_under_list(bs: list[_Block], cut: int, stop: int, listy: list[bool]) -> int:
    """Where the chrome after the article starts, when ``cut`` (the first block with tail evidence)
    heads a list of facts that the article's closing sentence follows.

    A match report's "Line-ups" / teams / "Attendance: 4,012." / "Town travel to Eastleigh on
    Tuesday.", a race's "Result" / places / "Verstappen can clinch the title ...": the short
    heading or the first Title Case line over the list reads as a menu or a teaser, but a sentence
    under the list, with a rule's chrome (or the text's end) right below it, is the article's last.
    Results (:func:`_results`) with a rule's chrome right under them need no closing sentence.
    The list: short lines, none prose nor a rule's (but a bare figure), at least one with a figure
    or a comma list, its last line an item rather than a teaser headline. The sentence: finished
    with a full stop (not a prompt: "Was denkst du?"), no rule, weak or strong. ``stop``: the
    comment section or a run of dated teasers.
    """
    same = _same_labels(bs, cut, stop)
    if same > cut:
        return same
    boxed = _under_read_also(bs, cut, stop)
    if boxed > cut:
        return boxed
    prompted = _under_marker(bs, cut, stop)
    if prompted > cut:
        return prompted
    # an ad's label between the article's paragraphs, with the last paragraph under it, then a rule's
    # chrome or the end ("ADVERTISEMENT" / "The decision can be appealed ..." / "© 2024 ...")
    k = cut
    # (or a box of an ad's lines that rules took, its offer and its terms: "Bet £10 get £30 ..." / "New
    # customers only. ... BeGambleAware.org")
    while k < min(stop, cut + _AD_LINES + 1) and (
        _ad_label(bs[k]) or _rule_category(bs[k]) == Category.ADVERTISEMENT
    ):
        k += 1
    if cut < k < stop:
        nxt = bs[k]
        if (
            nxt.strong is None
            and nxt.g.prose
            and nxt.f.terminal
            and not nxt.continues
            and _PROMO.search(nxt.f.text) is None  # the ad's own copy: "Save 50% on your first box ..."
            and (k + 1 >= stop or bs[k + 1].strong is not None)
        ):
            return k + 1
    end = cut
    while end < stop and _list_line(bs[end]):
        if end > cut and _CODA.search(bs[end].f.text) and bs[end].strong is None:
            break  # an obituary's last line under the list of survivors: its closing line
        if (
            end > cut
            and bs[end].f.terminal
            and _sentence_like(bs[end])
            and not _data_like(bs[end])
            and not _result_line(bs[end])
        ):
            break
        end += 1
    continued = cut > 0 and listy[cut - 1]  # the list began above the cut ("Week to Dec 9: 2,431")
    if end >= stop or end - cut < (1 if continued else 2):
        return cut
    items = bs[cut:end]
    if sum(1 for b in items if _teaser_headline(b)) >= 2:
        return cut  # a rail of teaser headlines ("Why Porto Beats Lisbon For A Long Weekend") and a summary
    closing = bs[end]
    f = closing.f
    if closing.strong is not None and _results(items, continued):
        # the results the article ends on ("Sunday's Results" / ...), then a rule's chrome; a contact
        # line at the list's end ("Comments: (319) 398-8255; marissa.payne@thegazette.com") is not one
        while end - 1 > cut and bs[end - 1].f.links:
            end -= 1
        return end
    if _next_label(closing) and end + 1 < stop and (end + 2 >= stop or bs[end + 2].strong is not None):
        # a short label between the list and the closing sentence ("Next" / "Halifax travel to
        # Barnet on Tuesday night ..."): the sentence closes the article
        end += 1
        closing, f = bs[end], bs[end].f
    if end + 1 < stop and bs[end + 1].strong is None:
        return cut
    if _CODA.search(f.text) and closing.strong is None and end + 1 >= stop:
        return end + 1  # "Survivors" / "Peter Hollis, son" / "Margaret Ann Hollis, engineer, born ..."
    if (
        closing.strong is None
        and not closing.weak
        and f.text.rstrip("'\")]”’»").endswith(".")
        and "?" not in f.text  # "Unable to edit the page? See the FrontPage for instructions."
        and 5 <= f.words <= _CLOSING_WORDS
        and _sentence_like(closing)
        and (
            continued
            or any(_DIGIT.search(b.f.text) or b.f.text.count(",") >= 2 or listy[b.index] for b in items)
            or any(_one_shape(a, b) for a, b in itertools.pairwise(items))
        )
        and (_list_item(bs[end - 1], listy[end - 1]) or _one_shape(bs[end - 2], bs[end - 1]))
    ):
        return end + 1
    return cut


def _announcing(b: _Block) -> bool:
    """A short heading that ends in a colon ("Was uns gefällt:", "Testzeugnis:"), no rule match."""
    return b.strong is None and b.g.words <= 6 and b.g.text.endswith(":")


_LIST_ITEM_WORDS = 15
"""Longest line of a list that the article's last sentence announces."""


def _announced_list(bs: list[_Block], hi: int) -> int:
    """The last index of the list that block ``hi`` announces (``hi`` itself when it announces none).

    A sentence ending in a colon (four words or more, no rule match: "Und hier findet ihr die
    Orte aus dem Video:") announces the short lines below it, up to the first line a rule matches,
    a longer line or a dated one ("Published 10:02 AM EST Nov 19, 2019" is the page's metadata).
    """
    lead = bs[hi]
    if lead.strong is not None or lead.g.words < 4 or not lead.g.text.endswith(":"):
        return hi
    end = hi
    for b in bs[hi + 1 :]:
        if b.strong is not None or b.f.words > _LIST_ITEM_WORDS or b.f.date:
            break
        end = b.index
    return end


_TEASER_SUMMARY_WORDS = 80
"""Longest summary under a teaser headline that :func:`_dated_teasers` takes."""


def _teaser_head(b: _Block) -> bool:
    """A teaser's headline: headline-shaped, three words or more, no full stop ("!" and "?" are fine)."""
    return _headline_shaped(b.f, 3) and not b.f.text.endswith("…")


def _dated_teasers(bs: list[_Block], lo: int, hi: int) -> int:
    """Where a run of dated teasers that ends the article region ``[lo, hi]`` starts (``len(bs)``: none).

    Read upwards from ``hi``, the run holds only date stamps, teaser headlines, short labels (up to
    three words: a section name, "mehr") and, right below a headline or a stamp, one summary of up
    to ``_TEASER_SUMMARY_WORDS`` words; at least two stamps and two headlines. The article above
    must have more prose than the run (a list of other articles under a short article, or an
    events list that is the page itself, is left to the region). A long paragraph, a second
    paragraph under one headline, a bullet or a table's row ends the run: an article with dated sections reads
    on for paragraphs, a teaser has one summary. Stamps of three or more different years are a
    timeline, not a list of other articles (those are recent).

    >>> from pipeline.boilerplate.features import block_features
    >>> def blk(i, t):
    ...     f = block_features(t, "en")
    ...     return _Block(i, 0, 0, i, f, f)
    >>> body = "The council voted on Monday to close the old bridge to traffic from next month. " * 4
    >>> lines = [body, body, "12.05.2024", "Mayor opens the new library in the old town hall",
    ...          "The library has room for sixty thousand books and a cafe for the readers.",
    ...          "11.05.2024", "Floods close three roads in the valley after heavy rain",
    ...          "Drivers were asked to avoid the area until the water goes down again."]
    >>> bs = [blk(i, t) for i, t in enumerate(lines)]
    >>> _dated_teasers(bs, 0, len(bs) - 1)
    2
    >>> _dated_teasers(bs[:5], 0, 4)  # one dated teaser is not a run
    5
    """
    n = len(bs)
    stamps = heads = 0
    start = n
    i = hi
    while i > lo:
        b = bs[i]
        above = bs[i - 1]
        if b.f.table_row:
            break  # (a table's row: "Marcus Tolliver | DL | 6-4/285 | Wichita, Kan.")
        if _stamp(b):
            stamps += 1
        elif _teaser_head(b):
            heads += 1
        elif b.f.words <= 3 and not b.f.bullet:
            pass
        elif (
            b.strong is None
            and not b.f.bullet
            and b.g.words <= _TEASER_SUMMARY_WORDS
            and (_teaser_head(above) or _stamp(above))
        ):
            i -= 1
            continue  # a summary: its headline is the next block up
        else:
            break
        if stamps >= 2 and heads >= 2 and (_stamp(b) or _teaser_head(b)):
            start = i
        i -= 1
    if start >= n:
        return n
    years = {m.group() for x in bs[start : hi + 1] if _stamp(x) for m in _YEAR.finditer(x.f.text)}
    if len(years) >= 3:
        return n  # a timeline ("12 de marzo de 2016", "5 de junio de 2018", ...): a list of news is recent
    prose_before = sum(x.f.words for x in bs[lo:start] if x.g.prose)
    prose_run = sum(x.f.words for x in bs[start : hi + 1] if x.g.prose)
    return start if prose_before > max(prose_run, 50) else n


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


_LISTED_HEADLINE_WORDS = 20
"""Longest line of a related-links list that :func:`_listed_under_heading` skips."""
_LEAD_WORDS = 25
"""Shortest paragraph that ends such a list: the article's lead."""


def _summary_heading(bs: list[_Block], lo: int) -> int:
    """``lo - 1`` when the line right over the region's first line is the heading of the article's summary
    box (:data:`_SUMMARY_HEADING`, no rule on it: "Key Takeaways" over its points, under the photo's
    credit), else ``lo``."""
    if lo > 0 and bs[lo - 1].strong is None and _SUMMARY_HEADING.fullmatch(bs[lo - 1].f.text):
        return lo - 1
    return lo


_SECTION_HEADING_WORDS = 5
"""Most words of a section heading that :func:`_section_heading` reads."""


_KICK_OFF = re.compile(
    r"(mon|tues|wednes|thurs|fri|satur|sun)day,? \d{1,2}(st|nd|rd|th)? [a-z]+,? "
    r"\d{1,2}[:.]\d\d ?([ap]\.?m\.?)?",
    re.IGNORECASE,
)
"""A fixture's kick-off in a match box, its day and time with no year ("Saturday 15th March 12:00pm")."""


def _section_heading(bs: list[_Block], lo: int, hi: int, headline: int | None) -> int:
    """``lo - 1`` when the line right over the region's first line is the article's first section heading,
    else ``lo``: a short heading (:func:`_heading_line`) under a line a rule took, over the region's first
    paragraph (or under a date no rule took), under a paragraph no rule took (the standfirst, somewhere above
    it), in an article with two or more headings of that kind between its paragraphs ("Team news" under a
    sports channel's ad, over "Thamesbury will be without ..."; "Opta stats" and "Prediction" further down). A
    label over the lead with no standfirst above ("Updated on January 22, 2026" / "Our editorial process" /
    "Magnesium is ...") or in an article without headings (a section's name, "Exclusive") stays out.

    >>> from pipeline.boilerplate.features import block_features
    >>> def blk(i, t):
    ...     f = block_features(t, "en")
    ...     return _Block(i, i, i + 1, i, f, f)
    >>> para = "The club will be without its captain for at least two weeks after he injured a hamstring."
    >>> lines = ["Match preview", para, "Get Sky Sports", "Team news", para, para, "Opta stats", para]
    >>> lines += ["Prediction", para]
    >>> bs = [blk(i, t) for i, t in enumerate(lines)]
    >>> bs[2].strong = True  # (a rule took the ad's line)
    >>> _section_heading(bs, 4, 9, 0)
    3
    >>> _section_heading(bs[:8], 4, 7, 0)  # one heading under the lead is no pattern
    4
    >>> bs = [blk(i, t) for i, t in enumerate(lines[2:])]  # no paragraph above the heading: the lead first
    >>> bs[0].strong = True
    >>> _section_heading(bs, 2, 7, None)
    2
    """
    if lo < 2 or lo - 1 == headline or not _heading_line(bs[lo - 1]):
        return lo
    # (under a rule's line, or a date no rule took: a fixture's kick-off, "Saturday 15th March 12:00pm")
    above = bs[lo - 2]
    dated = above.f.date or _KICK_OFF.fullmatch(above.f.text) is not None
    if (above.strong is None and not dated) or not bs[lo].g.prose:
        return lo
    if not any(b.g.prose and b.strong is None and not b.weak for b in bs[: lo - 1]):
        return lo  # (no standfirst above: the article's lead comes first, a label over it is the page's)
    inner = sum(
        1 for b in bs[lo + 1 : hi] if _heading_line(b) and bs[b.index - 1].g.prose and bs[b.index + 1].g.prose
    )
    return lo - 1 if inner >= 2 else lo


def _heading_line(b: _Block) -> bool:
    """A section heading: up to :data:`_SECTION_HEADING_WORDS` words, no rule, no sentence, capital first."""
    f = b.f
    return (
        b.strong is None
        and not b.weak
        and 1 <= f.words <= _SECTION_HEADING_WORDS
        and not f.terminal
        and not f.bullet
        and not b.g.prose
        and not f.date
        and not f.text.endswith(":")
        and f.text[:1].isupper()
    )


def _listed_under_heading(bs: list[_Block], lo: int, hi: int) -> int:
    """Where the article region really starts when it starts right under a related-links heading
    ("Most Popular", "Related", "Read more") that a rule removes: below the list of headlines
    under that heading ("St. Paul police chief sought state funding ...", "Skimming device found
    at Eagan Kwik Trip"), at the first paragraph of :data:`_LEAD_WORDS` words or more.

    Sentence-case headlines read as text, so the region took them in with the article below them.
    Two or more such lines, each of at most :data:`_LISTED_HEADLINE_WORDS` words and no rule match;
    ``lo`` itself when the shape does not hold.
    """
    head = bs[lo - 1] if lo > 0 else None
    if head is None or head.strong is None or head.strong.category != Category.RELATED_LINKS:
        return lo
    i = lo
    while i <= hi and bs[i].strong is None and bs[i].f.words <= _LISTED_HEADLINE_WORDS:
        if bs[i].g.prose and bs[i].f.words >= _LEAD_WORDS:
            break
        i += 1
    if i - lo < 2 or i > hi or bs[i].f.words < _LEAD_WORDS:
        return lo
    return i


_RAIL_HEADS = (Category.RELATED_LINKS, Category.COMMENT_FORM, Category.COMMENTS)
"""Tail markers that head a page's rail or its comments, never the article's own next section (a
newsletter or share box may stand between a blog's story and its recipe card)."""
_MARKER_REST_VALUE = 0.25
"""Under such a marker inside the region, the rest is chrome when its value is below this share of
the value above the marker (:func:`_marker_end`) ..."""
_MARKER_SENTENCE_WORDS = 10
"""A line of at least this many words that ends like a sentence reads as an article's paragraph, not
as a rail's headline or one-line summary (:func:`_marker_end`)."""
_MARKER_REST_SENTENCES = 2 / 3
"""... less than this share of its words (on lines no rule took) are in sentences of ten words or more
(a rail's headlines outweigh its one-line summaries; an article's closing section is its paragraphs) ..."""
_MARKER_REST_BULLETS = 2
"""... and fewer than this many of them are bullet items (a list the article goes on with)."""


def _marker_end(bs: list[_Block], values: list[float], lo: int, hi: int, ends: list[int]) -> int:
    """The region's last block when a rail's heading inside ``[lo, hi]`` ends the article (``hi``: none).

    ``ends``: the blocks whose rule marks the article's end and that are not inline (no article prose
    right above and below them), in order. Such a marker costs the region a fixed penalty, so a long
    rail under it ("Noticias Relacionadas" / "Opinión" / teaser headlines with one-line summaries /
    "Videos" / "Columnas" / letters) outweighs it and the region runs on over the rail. The region
    ends at the first marker of :data:`_RAIL_HEADS`, in order, where what is under it is little beside
    the article (:data:`_MARKER_REST_VALUE`) and reads as no article text
    (:data:`_MARKER_REST_SENTENCES`, :data:`_MARKER_REST_BULLETS`). The article's last paragraphs
    under a read-also box still stay (:func:`_under_read_also`).
    """
    markers = [
        m for m in ends if lo < m <= hi and (s := bs[m].strong) is not None and s.category in _RAIL_HEADS
    ]
    if not markers:
        return hi
    # running totals from ``lo``, so that each marker costs O(1) (a page may hold thousands)
    value, words, sentences, bullets = [0.0], [0], [0], [0]
    for x in bs[lo : hi + 1]:
        value.append(value[-1] + max(0.0, values[x.index]))
        free = x.strong is None
        words.append(words[-1] + (x.f.words if free else 0))
        sentence = free and x.g.terminal and x.f.words >= _MARKER_SENTENCE_WORDS
        sentences.append(sentences[-1] + (x.f.words if sentence else 0))
        bullets.append(bullets[-1] + (free and x.f.bullet))
    end = hi - lo + 1
    for m in markers:
        k = m - lo  # the marker's place in the totals: [0, k) above it, [k + 1, end) under it
        below = value[end] - value[k + 1]
        rest = words[end] - words[k + 1]
        if (
            below < _MARKER_REST_VALUE * value[k]
            and sentences[end] - sentences[k + 1] < _MARKER_REST_SENTENCES * rest
            and bullets[end] - bullets[k + 1] < _MARKER_REST_BULLETS
        ):
            return m - 1
    return hi


_TEASER_RUN_ITEMS = 3
"""Fewest teaser headlines under the heading of an undated teaser list (:func:`_undated_teasers`)."""


def _undated_teasers(bs: list[_Block], lo: int, hi: int) -> int:
    """Where a list of teaser headlines under a heading that ends the article region starts
    (``len(bs)``: none): "On Our Radar" / "Gronk's SI girlfriend tells all" / "How Elvis bombed at
    Opry" / "Trending in Entertainment" / ... after the article's last paragraph.

    Read upwards from ``hi``: headline-shaped lines (3-16 words, no end punctuation, no rule
    match, no bullet, no figures-only line) and short headings (up to four words, not ending in
    a colon: a heading that announces a list is the article's); the run starts at its topmost
    heading, with at least :data:`_TEASER_RUN_ITEMS` headlines and two headings (a page's rail of
    teaser sections; one heading over a list is as often the article's own: "Filmografia
    essenziale", "Los ganadores") and a finished sentence right above it (the article's last
    paragraph). An article that ends in a list of items under "Key facts:" or in bullets keeps them.
    """
    n = len(bs)
    heads = headings = 0
    start = n
    i = hi
    while i > lo:
        b = bs[i]
        f = b.g
        if b.strong is not None or f.bullet or f.terminal or f.link_ratio:
            break
        if f.words <= 4:
            if f.text.endswith(":"):
                break
            headings += 1
            if heads >= _TEASER_RUN_ITEMS and headings >= 2 and bs[i - 1].g.terminal and bs[i - 1].g.prose:
                start = i
        elif f.words <= 16 and _headline_shaped(f, 3) and not _data_like(b):
            heads += 1
        else:
            break
        i -= 1
    if start >= n:
        return n
    prose_before = sum(x.f.words for x in bs[lo:start] if x.g.prose)
    return start if prose_before > 50 else n


_INLINE_TEASERS = 6
"""At most this many teaser headlines under a related-links heading inside the article."""
_READ_ALSO = re.compile(
    r"(read|read (more|also|next)|also read|see also|(read|see) more from [^:.!?]{3,80}|"
    r"related( (stories|articles?|coverage|reading|content|news))?|"
    r"more on this( story| topic)?|recommended reading|you (may|might) also like|"
    r"lea (también|más)|lee (también|más)|"
    r"(notas?|noticias?|artículos?) relacionad[ao]s?|relacionad[ao]s|más noticias|"
    r"(también )?(te|le) (puede|podría) interesar|(te|le|les) recomendamos|"
    r"leia (mais|também)|veja (também|mais)|saiba mais|(notícias|matérias) relacionadas|"
    r"leggi anche|leggi (di )?più|articoli correlati|lire aussi|à lire aussi|(à )?lire également|"
    r"sur le même sujet|articles liés|pour aller plus loin|(lesen sie )?mehr zum thema|(artikel )?zum thema|"
    r"passend zum (artikel|thema)|"
    r"lesen sie auch|"
    r"auch interessant|"
    r"weitere artikel|"
    r"das könnte sie auch interessieren|czytaj (też|także|również|więcej)|zobacz (też|także|również)|"
    r"lees ook|zie ook|bekijk ook|læs (også|mere)|läs (också|mer)|les (også|mer)|zum nachlesen|"
    r"(vea|ver|mira) también|(à )?voir aussi|à voir (aussi )?en vidéo|lisez (aussi|également)|"
    r"ler (mais|também)|(lire|voir|découvrir) (le|notre) dossier|"
    r"à lire sur le sujet|mirá también|leé también|seguí leyendo|seguir leyendo|citește și|vezi și|"
    r"(pře)?čtěte (si )?(také|též|více)|olvass(on)? tovább( a témában)?|"
    r"mohlo by vás zajímat|související články|ilgili haberler|bunlar da ilginizi çekebilir|"
    r"llegeix (també|més)|llegiu també|també et pot interessar|notícies relacionades|"
    r"kapcsolódó( cikkek| cikkünk| tartalom)?|ajánló|ez is érdekelheti|olvassa el ezt is|"
    r"lue (myös|lisää)|katso myös|aiheesta lisää|pročitajte (i|još|također)|(vezane|povezane) vijesti|"
    r"baca juga|(berita|artikel) terkait|simak juga|čítajte (aj|tiež)|prečítajte si (aj|tiež)|"
    r"mohlo by vás (aj |tiež )?zaujímať|pozrite si (aj|tiež)|διαβάστε (επίσης|ακόμα|ακόμη)|"
    r"δείτε (επίσης|ακόμα)|σχετικά άρθρα|σχετικό άρθρο)(?: ?[:.…!]+)?$",
    re.IGNORECASE,
)
"""A related-links heading that only ever heads teasers ("Lea también", "READ MORE:"); not one that
may head the article's own list ("Trending now", "Themen der Sitzung", "More from the collection")."""


_RAIL_HEADING = re.compile(
    r"(trending( now| stories| news)?|most (read|popular|viewed|shared)|popular (now|stories)|top stories|"
    r"meistgelesen|meist gelesen|meest gelezen|más leídas?|lo más (leído|visto)|les plus lus|i più letti|"
    r"mais lidas|mest lästa|mest læste|mest leste|najczęściej czytane|najčítanejšie|δημοφιλή|"
    r"τα πιο διαβασμένα)(?: ?[:.…]+)?$",
    re.IGNORECASE,
)
"""A page rail's heading set between the article's paragraphs ("Trending Now", "Most read", "Meistgelesen"):
it heads the article's own list too at times, so :func:`~pipeline.boilerplate.classify._read_also_teasers`
takes its teasers only when two or more stand under it with chrome or a short subheading under them."""


_KICKED = re.compile(r"[^\W\d_][\w'’ -]{1,30}: [^\W\d_]")
"""A teaser's kicker before its headline ("Heizungsindustrie: Die Euphorie ist verflogen")."""


def _inline_teaser(b: _Block) -> bool:
    """A teaser headline: 3-25 words, no sentence end, no rule; a bullet item too ("* Gisborne
    roads still scarred two years on"), or a headline with its author ("... dauert Von Lena Schott")."""
    f = b.f
    asked = f.text.endswith("?") and _KICKED.match(f.text) is not None  # "Kurzarbeitergeld: Wie lange ...?"
    if b.strong is not None or not 3 <= f.words <= 25 or (f.terminal and not asked) or f.chars > 220:
        return False
    if f.text.endswith(":"):
        return False  # nor a line that announces what follows ("* Was der Stern bedeutet:")
    # a headline of six words or more: a shorter line is the article's next subheading ("What
    # happens next") under a heading whose teasers were stripped; a kicker's headline of four
    # ("Heizungsindustrie: Die Euphorie ist verflogen") is a teaser's
    if f.bullet or asked:
        return True
    return (f.words >= 6 or (f.words >= 4 and _KICKED.match(f.text) is not None)) and _headline_shaped(f, 3)


_FACT = re.compile(
    r"[^\W\d_][\w.'’ -]{1,25}( \d\. [^\W\d_][\w.'’ -]{1,25})?( \([^()]{1,12}\))?: (?P<value>\S.*)"
)
"""A fact box's line: a capitalised label of a few words (maybe with a team's formation in brackets), a colon,
its value ("Sędzia: Szymon Marciniak (Płock)", "Tilskuere: 34.182", "MFF: Dahlin – Busanello, Jansson, ...",
"CALCIO LAGONEGRO (4-3-3): Bianchi; Esposito, ...", a club whose name holds its number: "Aufstellung 1. FC
Hohenstein: Pavlović - ...")."""
_SCORE_LINE = re.compile(
    r"(?:\d\. )?[^\W\d_][\w.'’ -]{1,40} [-–] (?:\d\. )?[^\W\d_][\w.'’ -]{1,40} \d{1,3}[:-]\d{1,3}"
    r"( \(\d{1,3}[:-]\d{1,3}\))?"
    r"|[^\W\d_][\w.'’ -]{1,40} \d{1,3} [xX×] \d{1,3} [^\W\d_][\w.'’ -]{1,40}( \(\d{1,3}[:-]\d{1,3}\))?"
)
"""A match's result over its fact box: "Legia Warszawa – Lech Poznań 2:1 (0:1)", "Ajax - PSV 2-2 (1-1)",
"PALMEIRAS 2 X 1 CORINTHIANS", a club whose name holds its number: "SV Elbtal - 1. FC Hohenstein 2:1
(0:1)"."""
_BOX_HEADING_WORDS = 3
"""Longest heading over a fact box in capitals or with a colon ("FICHA TÉCNICA", "Match facts:")."""
_FACT_LINES = 3
"""Fewest lines of a fact box under the article's last paragraph (:func:`_fact_box`)."""
_FACT_VALUE_WORDS = 40


def _fact_line(b: _Block) -> bool:
    """A fact box's line (:data:`_FACT`, or a result: :data:`_SCORE_LINE`) that no rule took, no
    prose, whose value has a figure or is mostly names (capitalised words): not a teaser's kicker over
    its headline ("Video: Minister resigns over budget row", "Analysis: Why the Fed will cut")."""
    if b.strong is not None or b.weak:
        return False
    m = _FACT.fullmatch(b.f.text)
    if b.g.prose:
        # a line of goals reads like prose ("Gols: Endrick, aos 28 minutos do primeiro tempo; ..."): a
        # label, figures, no sentence's end
        return m is not None and not b.f.terminal and any(ch.isdigit() for ch in m["value"])
    if _SCORE_LINE.fullmatch(b.f.text):
        return True
    if m is None or not b.f.text[0].isupper() or m["value"].endswith("?"):
        return False
    words = m["value"].split()
    if len(words) > _FACT_VALUE_WORDS:
        return False
    if any(ch.isdigit() for ch in m["value"]):
        return True
    lettered = [w for w in words if w[:1].isalpha()]
    return bool(lettered) and sum(w[:1].isupper() for w in lettered) >= 0.6 * len(lettered)


def _spec_box(bs: list[_Block], lo: int) -> int:
    """Where the article starts when a review's box of :data:`_FACT_LINES` facts or more (:func:`_fact_line`)
    stands right above its first paragraph ``bs[lo]``, maybe over its shop's deal line and button ("Platforms:
    PC, PS5" / "Developer: Saltmarsh Interactive" / "Price: $29.99" / "Release date: 27 February 2025" /
    "Tidewrack: $29.99 at Steam" / "View Deal"): the box's first line; else ``lo``."""
    j = lo - 1
    while j >= 0 and (rule := bs[j].strong) is not None and rule.id.endswith(_SHOP_LINES):
        j -= 1  # the deal's line and its button go by their rules
    last = j
    while j >= 0 and _fact_line(bs[j]):
        j -= 1
    return j + 1 if last - j >= _FACT_LINES else lo


_PROS = re.compile(
    r"(the )?(good( stuff)?|pros|likes|positives|plus(es)?|what we like|strengths|wired|vorteile|pluspunkte|"
    r"das gefällt uns|points forts|les plus|on aime|ventajas|lo mejor|a favor|punti di forza|pregi|voordelen|"
    r"pluspunten|fördelar|plussat|fordele|zalety|výhody)",
    re.IGNORECASE,
)
"""The heading of a review's good points, the whole line ("Good stuff", "Pros", "WIRED", "Vorteile")."""
_CONS = re.compile(
    r"(the )?(bad( stuff)?|cons|dislikes|negatives|minus(es)?|what we don.t like|weaknesses|tired|nachteile|"
    r"minuspunkte|das gefällt uns nicht|points faibles|les moins|on n.aime pas|desventajas|lo peor|en contra|"
    r"punti deboli|difetti|nadelen|minpunten|nackdelar|miinukset|ulemper|wady|nevýhody)",
    re.IGNORECASE,
)
"""The heading of a review's bad points, the whole line ("Bad stuff", "Cons", "TIRED", "Nachteile")."""
_VERDICT_LINE = re.compile(
    r"^(our |the )?(verdict|score|rating|bewertung|wertung|fazit|note|puntuación|valutazione)\b|"
    r"\b\d{1,2}([.,]\d)? ?/ ?(5|10|100)\b|^\d{1,2}([.,]\d)?$",
    re.IGNORECASE,
)
"""A verdict box's line over its points: its label or its score ("Verdict", "Rating: 8/10", "7/10", "8")."""
_VERDICT_REACH = 12
"""Most lines from the article's start down to a verdict box's bad points' heading (:func:`_verdict_box`)."""
_VERDICT_HEAD_LINES = 4
"""Most lines of a verdict box above the article's start (:func:`_verdict_box`)."""
_VERDICT_HEAD_WORDS = 6
"""Longest of those lines."""
_VERDICT_LINES = 18
"""Most lines of a verdict box over the article's start and its shop's buttons (:func:`_verdict_box`)."""
_VERDICT_ITEM_WORDS = 30
"""Longest line of such a box."""
_SHOP_LINES = ("/deal-line", "/buy-button")
"""Rules (by the end of their id) of a shop's lines under a review's box of facts (:func:`_spec_box`)."""
_VERDICT_SHOP_LINES = (*_SHOP_LINES, "/how-we-review")
"""Rules (by the end of their id) of the lines between a verdict box and the article: the shop's, as under a
box of facts (:func:`_spec_box`), and the site's note on how it reviews."""


def _verdict_box(bs: list[_Block], lo: int) -> int:
    """Where the article starts when a review's verdict box is cut off its top: the box's lines above
    ``bs[lo]`` that no rule took (the product, the score, "Verdict", "Good stuff" / its points / "Bad
    stuff" / its points; "Rating: 8/10" / "WIRED" / ... / "TIRED"), when the box's good points' heading
    (:data:`_PROS`) stands over its bad points' heading (:data:`_CONS`). The article starts inside the box,
    the bad points' heading under its start, at most :data:`_VERDICT_HEAD_LINES` short lines of the box
    above it, no sentence; or the whole box stands over the article's start, its shop's buttons and the
    site's note on its reviews between ("Bad stuff" / ... / "$89 at Amazon" / "How we rate and review
    products"), at most :data:`_VERDICT_LINES` lines of :data:`_VERDICT_ITEM_WORDS` words or fewer. Else
    ``lo``."""
    if lo >= len(bs):
        return lo

    def heading(b: _Block, pattern: re.Pattern[str]) -> bool:
        return pattern.fullmatch(b.f.text.rstrip(":")) is not None

    k = lo - 1
    # (a jump list between the box and the article, the region maybe starting at its last item: "Jump to:" /
    # "Design and dock" / ... / "Should you buy it?")
    t = lo if not bs[lo].g.prose else lo - 1
    while (
        t >= 0
        and lo - t < _JUMP_ITEMS
        and bs[t].strong is None
        and not bs[t].g.prose
        and bs[t].f.text[-1:] not in ".!:"  # (an item may ask: "Should you buy it?")
        and bs[t].f.words <= _NAME_WORDS
    ):
        t -= 1
    if 0 < t < lo and _TOC_HEADING.fullmatch(bs[t].f.text) is not None:
        k = t - 1
    while k >= 0 and (rule := bs[k].strong) is not None and rule.id.endswith(_VERDICT_SHOP_LINES):
        k -= 1  # the shop's buttons and the site's note go by their rules
    if k < lo - 1:
        top = k + 1
        while (
            top > 0
            and k - top < _VERDICT_LINES
            and bs[top - 1].strong is None
            and bs[top - 1].f.words <= _VERDICT_ITEM_WORDS
        ):
            top -= 1
        cons = next((j for j in range(k, top - 1, -1) if heading(bs[j], _CONS)), None)
        if cons is not None and any(heading(b, _PROS) for b in bs[top:cons]):
            return top
        return lo
    cons = next((j for j in range(lo, min(len(bs), lo + _VERDICT_REACH)) if heading(bs[j], _CONS)), None)
    if cons is None:
        return lo
    j = lo
    while (
        j > 0
        and lo - j < _VERDICT_HEAD_LINES
        and bs[j - 1].strong is None
        and not bs[j - 1].g.prose
        and not bs[j - 1].f.terminal
        and bs[j - 1].f.words <= _VERDICT_HEAD_WORDS
    ):
        j -= 1
    # (the box's own lines above the start: its good points' heading or its verdict, not a section's name
    # over a list of pros and cons inside the article: "Laptops" / "Buying guide")
    if j == lo or not any(heading(b, _PROS) or _VERDICT_LINE.search(b.f.text) for b in bs[j:lo]):
        return lo
    if not any(heading(b, _PROS) for b in bs[j:cons]):
        return lo
    return j


_BOX_PROMPTS = frozenset({Category.OTHER, Category.SHARE_WIDGET})
"""Categories of a short prompt a rule took between a match report's last paragraph and its box
(:func:`_fact_box`)."""
_BOX_PROMPT_WORDS = 4
"""Longest such prompt."""
_BOX_CREDIT_WORDS = 12
"""Longest credit line a rule took (a byline's or a note's) between a game's notes and its box score
(:func:`_fact_box`)."""
_BOX_DATE_WORDS = 8
"""Longest date line among a fact box's lines (:func:`_fact_box`)."""


def _fact_box(bs: list[_Block], hi: int, stop: int) -> tuple[int, range]:
    """Where the article ends when a fact box of :data:`_FACT_LINES` lines or more (:func:`_fact_line`,
    or rows of figures: :func:`~pipeline.boilerplate.blocks._data_like`) stands right under its last
    paragraph ``bs[hi]`` (maybe under an ad's label) and runs to ``stop`` or to a rule's chrome: a match
    report's line-ups, referee and attendance ("Legia: Tobiasz – Wszołek, ..." / "Sędzia: Szymon
    Marciniak (Płock)" / "Widzów: 27 412"), maybe under headings of its own ("FICHA TÉCNICA", "Score
    by half" over a table of scores, "Key match statistics" over "Shots: 18 - 7"); else ``hi``. Also the
    box's title may stand under a few links ("Related Links" / "Game Notes" / "FINAL STATS" / a box score of
    :data:`_FACTS_UNDER_LINKS` rows or more), or a read-also heading's teasers over a match's result
    ("Czytaj także:" / a headline / "Górnik Zabrze – Radomiak Radom 2:1 (0:1)" / "Bramki: ..."): the links'
    lines are returned as well (they go), else an empty range."""
    if not bs[hi].g.prose:
        return hi, range(0)

    def fact(b: _Block) -> bool:
        return (
            _fact_line(b)
            or (b.strong is None and _data_like(b))
            or (titled and b.strong is None and _figure_row(b))
        )

    def heading(b: _Block) -> bool:
        return _box_heading(b) or _sub_heading(b) or (titled and _box_heads(b))

    titled = False

    # (an ad's label or its one line between, or a short prompt a rule took: "ADVERTISEMENT", "Tickets for
    # Saturday's home clash ... Buy tickets", "Get involved #bbcfootball")
    between = _rule_category(bs[hi + 1]) if hi + 1 < stop else None
    prompt = between in _BOX_PROMPTS and bs[hi + 1].f.words <= _BOX_PROMPT_WORDS
    k = hi + 2 if between == Category.ADVERTISEMENT or prompt else hi + 1
    under = _up_next_tail(bs, k, stop)
    if under > k:
        # an AP game story's close over its box score ("UP NEXT" / the next game / "___" / "AP MLB: ...")
        k, titled = under, True
    # a few links between the last paragraph and a box of results under its own title ("Related Links" /
    # "Game Notes" / "FINAL STATS" / a box score): the box is the article's all the same, when it is long
    need = _FACT_LINES
    j = k
    read_also = False  # a read-also heading's teasers are links too ("Leggi anche" / three headlines)
    while j < min(stop, k + _LINKS_OVER_BOX) and not _BOX_TITLE.search(bs[j].f.text):
        if _link_line(bs[j]):
            # (a read-also heading alone, or with its teaser after a colon: "Czytaj więcej: Legenda ...")
            label = bs[j].f.text.split(":", 1)[0] if ":" in bs[j].f.text else bs[j].f.text
            read_also = read_also or _READ_ALSO.match(label) is not None
        elif not (read_also and _inline_teaser(bs[j])) or _SCORE_LINE.fullmatch(bs[j].f.text):
            break  # (a match's result over its box is no teaser: "Górnik Zabrze – Radomiak Radom 2:1 (0:1)")
        j += 1
    links = range(0)
    if titled:
        need = _FACTS_UNDER_LINKS  # (no links over the box: its title is the AP's chrome above)
    elif j > k and j < stop and _BOX_TITLE.search(bs[j].f.text) and heading(bs[j]):
        links, k, need, titled = range(k, j), j, _FACTS_UNDER_LINKS, True
    elif j > k and j < stop and read_also and _SCORE_LINE.fullmatch(bs[j].f.text):
        # a read-also's teasers between the last paragraph and a match report's box under its result ("Czytaj
        # także:" / a headline / "Górnik Zabrze – Radomiak Radom 2:1 (0:1)" / "Bramki: ..."): the box is the
        # article's, the teasers go as the links do
        links, k = range(k, j), j
    facts = 0
    while k < stop:
        # (a numbered place under a first one: "2. Tomás Ibarra (Esp, Bidasoa Team) m.t.")
        # (or the game's date and time among its facts: "Golden 1 Center" / "7:00 PM, March 8, 2025")
        dated = facts >= 2 and bs[k].strong is None and bs[k].f.date and bs[k].f.words <= _BOX_DATE_WORDS
        if fact(bs[k]) or (facts >= 2 and _labelled(bs[k])) or (facts >= 1 and _placed(bs[k])) or dated:
            facts += 1
        elif (
            facts >= 1
            and _rule_category(bs[k]) in (Category.BYLINE, Category.OTHER)
            and bs[k].f.words <= _BOX_CREDIT_WORDS
            and k + 1 < stop
            and fact(bs[k + 1])
        ):
            pass  # the wire's credit between the game's notes and its box score ("The Associated Press ...")
        # a heading stands over a fact, or over a table's column heads over one ("Score by half" / "Team
        # HT FT" / "Castlebury Rovers 0 2"; "Key match statistics" / "Possession: 63% - 37%")
        elif not heading(bs[k]) or not any(
            all(heading(x) for x in bs[k + 1 : j]) and fact(bs[j]) for j in range(k + 1, min(k + 3, stop))
        ):
            break
        k += 1
    # (a titled box of results ends where its rows do: "Presented by Harlan Ford" under a box score)
    if facts >= need and (k == stop or bs[k].strong is not None or titled):
        if not titled and k + 1 < stop and bs[k + 1].strong is None and bs[k + 1].g.prose:
            # a label, then a closing sentence ("Next" / "Halifax travel ..."): _resume_under_list
            return hi, range(0)
        return k - 1, links
    return hi, range(0)


_TAIL_CHROME_WORDS = 12
"""Most words of a line of chrome between an AP game story's close and its box score
(:func:`_up_next_tail`)."""


def _up_next_tail(bs: list[_Block], k: int, stop: int) -> int:
    """Where a box score starts under an AP game story's close at ``bs[k]``: the "UP NEXT" label and its one
    sentence (the article's), then the wire's chrome that rules took, a separator and the hub's link ("___" /
    "AP MLB: https://apnews.com/hub/mlb"); ``k`` when no such close stands there."""
    if not (
        k + 2 < stop
        and bs[k].strong is None
        and _NEXT_LABEL.fullmatch(bs[k].f.text.rstrip(":")) is not None
        and bs[k + 1].strong is None
        and bs[k + 1].f.terminal
    ):
        return k
    j = k + 2
    while (
        j < stop
        and bs[j].f.words <= _TAIL_CHROME_WORDS
        and _rule_category(bs[j]) in (Category.OTHER, Category.RELATED_LINKS)
    ):
        j += 1
    return j if j > k + 2 else k


_LABELLED_WORDS = 12
"""Most words of the value of a labelled line that a running fact box takes (:func:`_labelled`)."""


def _placed(b: _Block) -> bool:
    """An item of a numbered list of places, no rule, no prose, up to :data:`_LABELLED_WORDS` words ("2. Tomás
    Ibarra (Esp, Bidasoa Team) m.t.")."""
    return b.f.bullet and b.strong is None and not b.weak and not b.g.prose and b.f.words <= _LABELLED_WORDS


def _labelled(b: _Block) -> bool:
    """A short labelled line no rule took, inside a fact box that has begun: "Toss: Wexmoor, elected to
    field.", "Did not bat: L Crane, P Naseem, E Voss." (a list of names reads as prose by its commas)."""
    if b.strong is not None or b.weak or not b.f.text[:1].isupper():
        return False
    m = _FACT.fullmatch(b.f.text)
    return m is not None and len(m["value"].split()) <= _LABELLED_WORDS


_LINKS_OVER_BOX = 5
"""Most link lines between the article's last paragraph and a box of results (:func:`_fact_box`)."""
_FACTS_UNDER_LINKS = 6
"""Fewest lines of figures of a box of results under such links."""
_BOX_TITLE = re.compile(
    r"\b(stats|statistics|box ?score|score ?card|results?|standings|line-?ups|teams|match facts|specs|"
    r"specifications|technical data|key figures|"
    r"statistik|aufstellung(en)?|ergebnisse|estadísticas|alineaciones|ficha técnica|statistiques|"
    r"compositions|formazioni|tabellino)\b",
    re.IGNORECASE,
)
"""A box of results' or figures' title ("FINAL STATS", "Box score", "Line-ups", "Specifications")."""


def _link_line(b: _Block) -> bool:
    """A short link no rule took, or a navigation or related-links rule's, between the article and a box
    ("Related Links", "Ticket Information", "Full Schedule": up to three words, no figure, no full stop),
    or a read-also link a rule took ("Read more: Kuroda Solace Hybrid review")."""
    if b.strong is not None and b.strong.category == Category.RELATED_LINKS:
        return True
    if b.weak or b.f.words > 3 or b.f.terminal or any(ch.isdigit() for ch in b.f.text):
        return False
    return b.strong is None or b.strong.category == Category.NAVIGATION


def _box_heads(b: _Block) -> bool:
    """A box score's column heads, no rule: five tokens or more, most of them abbreviations in capitals,
    with figures and hyphens ("## Player MIN FG 3PT FT OR-DR REB PF A TO BLK STL PTS"; looser than a
    table's column heads anywhere, :func:`~pipeline.boilerplate.blocks._column_heads`, as it is asked
    only inside a box under its title)."""
    if b.strong is not None or b.weak:
        return False
    tokens = b.f.text.split()
    caps = sum(1 for t in tokens if len(t) <= 5 and t.upper() == t and any(ch.isalpha() for ch in t))
    return len(tokens) >= 5 and caps >= 0.6 * len(tokens)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _figure_row(b: _Block) -> bool:
    """A longer line of figures: a number for every four words or fewer, no date ("Kirchberg:
    Sommer 55,4 %, Brandt 26,9 %, Demir 12,3 %, Kessler 5,4 %"); a long headline with figures has
    fewer ("Bus crash near Newark leaves 2 dead and 14 injured on the road to junction 34"); a box score's
    row ("03 Kessler, Andre * 37 8-19 4-11 2-2 1-4 5 2 4 3 0 2 22")."""
    numbers = len(_NUMBER.findall(b.f.text))
    return b.g.link_ratio == 0 and not b.g.date and 4 * numbers >= b.g.words


def _sub_heading(b: _Block) -> bool:
    """A short heading of a fact box: up to :data:`_BOX_HEADING_WORDS` + 1 words, no rule, no full stop."""
    return b.strong is None and not b.weak and b.f.words <= _BOX_HEADING_WORDS + 1 and not b.f.terminal


def _box_heading(b: _Block) -> bool:
    """A short heading in capitals or with a colon, no rule, no figure ("FICHA TÉCNICA")."""
    f = b.f
    if b.strong is not None or b.weak or f.words > _BOX_HEADING_WORDS or any(ch.isdigit() for ch in f.text):
        return False
    return f.text.endswith(":") or (f.text.isupper() and not f.terminal)
