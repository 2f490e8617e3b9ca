"""The text-level boilerplate classifier: score every block, then decide with one threshold.

Steps, per document (all deterministic):

1. **Features** per block (:mod:`pipeline.boilerplate.features`) and **rule
   matches** (strong rules remove on their own, weak rules add evidence). A rule
   never fires on a block longer than its ``max_words``, nor outside its zone
   (``head``: up to the first prose block, ``tail``: from the second-to-last
   prose block on).
2. **Article region**: each block gets a value (prose: + its words; other
   blocks: a small penalty growing with length; rule matches: a large penalty,
   except captions, which sit inside articles and count as if no rule matched them;
   *tail markers* such as a comment form, a paywall box or "Share this article"
   a larger one) and the region with the best total is the article (a maximum
   sum run, as in Finn et al.'s Body Text Extraction). After a comment section
   has started below some article text, nothing is article any more (reader
   comments read like prose, but are ``comments``).
   Text extracted from HTML (``doc.is_html``) is treated conservatively:
   trafilatura already cut the page's chrome, so nothing before the article
   goes by position and after it only from a tail marker on.
3. **Scores**: outside the region every block is boilerplate (but the rows of a
   plain text made mostly of typeset tables of figures, a wire story's results);
   inside it, strong rules and summed weak evidence decide. Captions next to
   credit lines are captions.
4. **Context**: short ambiguous blocks between two removed blocks take their
   class; unlabelled boilerplate takes the category of the nearest labelled
   boilerplate block above it in the same run; headline-like blocks after the
   article (with the caption line above each) are ``related_links``; short
   blocks before the article are ``navigation``.
5. **Title and byline**: the headline just above the article, or the first
   line at most six blocks (table rows not counted) above it (short, no
   terminal period, not matched by any rule) becomes ``doc.title`` with a
   ``title/first-line`` span; a byline rule's ``author`` group fills
   ``doc.author``.

The helpers of each step live beside this module: rule plans in :mod:`~pipeline.boilerplate.plan`,
lines and their shapes in :mod:`~pipeline.boilerplate.blocks`, typeset tables in
:mod:`~pipeline.boilerplate.tables`, what above the region still belongs to the article in
:mod:`~pipeline.boilerplate.head`, where the article ends in :mod:`~pipeline.boilerplate.region`,
the headline and the author in :mod:`~pipeline.boilerplate.title`.

>>> from pipeline.document import Block, Document
>>> from pipeline.config import BoilerplateConfig
>>> from pipeline.boilerplate import load_rules
>>> text = ("Ministers Agree on New Budget\\n\\nThe ministers agreed on Monday on a budget that the "
...         "parliament will vote on next week, officials said.\\n\\nShare this article\\n\\nLeave a Reply")
>>> lines, pos, blocks = text.split("\\n"), 0, []
>>> for line in lines:
...     if line:
...         blocks.append(Block(pos, pos + len(line), len(blocks), len(blocks)))
...     pos += len(line) + 1
>>> doc = Document(id="d", source="d", format="text", text=text, blocks=tuple(blocks))
>>> out = detect(doc, BoilerplateConfig(), load_rules(lang="en"))
>>> out.title
'Ministers Agree on New Budget'
>>> [s.rule for s in out.removed]
['title/first-line', 'share_widget/en/share-this', 'comment_form/en/leave-a-reply']
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from dataclasses import dataclass

from pipeline.boilerplate.blocks import (
    _ABBREVIATIONS,
    _AGO,
    _BARE_CLOCK,
    _CODA,
    _COUNTER,
    _HEAD_METADATA,
    _INNER_SENTENCE,
    HEAD_DATE,
    _as_written,
    _Block,
    _blocks,
    _content_words,
    _data_like,
    _headline_shaped,
    _is_headline,
    _isolated,
    _make_blocks,
    _prose_follows,
    _rating_line,
    _rule_category,
    _stems,
    _table_rows,
)
from pipeline.boilerplate.features import BlockFeatures, block_words, guess_language_of
from pipeline.boilerplate.head import (
    _ENTRY_REACH,
    _ENTRY_TOOLS,
    _LEAD_LINES,
    _TIME,
    _count_line,
    _entry_times,
    _from_lead,
    _headed_standfirst,
    _ingredients_above,
    _leads_into,
    _prose_above,
    _role_line,
    _stamped,
    _step_numbers,
    _under_first_byline,
    _under_first_headline,
)
from pipeline.boilerplate.plan import _ENGLISH_SHARE, _MAX_RULE_WORDS, _rule_plan, _site
from pipeline.boilerplate.prefilter import canon
from pipeline.boilerplate.region import (
    _INLINE_TEASERS,
    _KICKED,
    _PROMO_WORDS,
    _RAIL_HEADING,
    _READ_ALSO,
    _SCORE_LINE,
    _SENTENCE_END,
    _TO_READER,
    _ad_label,
    _announced_list,
    _announcing,
    _boxed_teaser,
    _dated_teasers,
    _fact_box,
    _fact_line,
    _figure_row,
    _inline_teaser,
    _listed_under_heading,
    _marker_end,
    _resume_under_list,
    _section_heading,
    _spec_box,
    _sub_heading,
    _summary_heading,
    _tail_evidence,
    _teaser_cards,
    _undated_teasers,
    _verdict_box,
)
from pipeline.boilerplate.rules_model import Rule, RulePack
from pipeline.boilerplate.tables import _table_of_figures, _Tables, _typeset_tables
from pipeline.boilerplate.title import (
    _AUTHORS_AT_PLACES,
    _BYLINE_LABEL,
    _JUMP_ITEMS,
    _NAME_AT_PLACE,
    _NAME_LINE,
    _NAME_WORDS,
    _TOC_HEADING,
    _TOOL_LABEL,
    AUTHORS_SPLIT,
    _bare_byline,
    _buy_button,
    _byline_line,
    _dated,
    _dek,
    _find_title,
    _headline_over_deks,
    _jump_list,
    _menu_row,
    _name_with_role,
    _names_over_date,
    _org_name,
    _section_names,
    _summary_box_end,
    _two_sentences,
)
from pipeline.config import BoilerplateConfig
from pipeline.document import Category, Document, Span

log = logging.getLogger(__name__)

_COMMENT_CATS = (Category.COMMENT_FORM, Category.COMMENTS)
_AGENCY_CREDIT = "caption/xx/agency-credit"
_AGENCIES = "Reuters?|AP|AFP|dpa|PA|UPI|EFE|ANSA|Xinhua|Anadolu|Bloomberg|Kyodo|PAP|APA|KNA|epd|Yonhap|Télam"
_SIGN_OFF = re.compile(rf"[(\[]?({_AGENCIES})( ?/ ?({_AGENCIES}))*[)\]]?\.?$", re.IGNORECASE)
"""A news agency's sign-off under a wire story ("Reuters", "(AP)", "dpa/AFP"); not a photo credit
("Getty Images", "AP Photo", "REUTERS/Eva Manez")."""
_FOR_OUTLET = "caption/en/for-outlet"
"""The rule of a photo's credit that names the outlet it was taken for ("Jessica Tran for NPR")."""
_CREDIT_CATS = ("caption/en/credit-line", "caption/en/graphic-credit", _AGENCY_CREDIT, _FOR_OUTLET)
_LABELLED_CREDITS = (
    "caption/de/foto",
    "caption/es/foto",
    "caption/fr/photo",
    "caption/fr/photo-majuscules",
    "caption/pt/credito",
    "caption/da/foto",
    "caption/sv/foto",
    "caption/pl/fot",
    "caption/nl/beeld",
    "caption/cs/foto",
    "caption/tr/fotograf",
    "caption/sk/snimka",
    "caption/el/fotografia",
    "caption/ca/foto",
    "caption/hu/foto",
    "caption/xx/photo-label",
    "caption/ro/sursa",
)
"""Other languages' credit lines of their own ("Foto: Michael Bamberger/BZ", "Imagem: Douglas
Magno/AFP", "PHOTO MARCO CAMPANOZZI, LA PRESSE"): the line over one is the photo's caption when it is
no paragraph (:func:`_adjacent_captions`) and the credit names a photo, not a source ("Quelle: dpa"
under the article's last paragraph)."""
_SLASH_CREDIT = "caption/xx/name-slash-agency"
_SLASHED_CREDITS = (_SLASH_CREDIT, "caption/xx/slash-agency")
"""A photo's credit as its photographer and agency with a slash between ("Kent Nishimura/Getty Images")."""
_INSTITUTION_CREDIT = re.compile(
    r"[A-ZÀ-Ý][\w.'’-]+( [A-ZÀ-Ý][\w.'’-]+){1,2} ?/ ?([A-Z][\w&.-]* ){0,2}"
    r"(University|Institute|Museum|Library|Survey|Observatory|Laboratory|Foundation|Trust|Society|Agency|Centre"
    r"|Center)( (of|for) [A-Z][\w&.-]*( [A-Z][\w&.-]*){0,2})?"
)
"""A photo's credit to a person at an institution ("Ruth Okonjo/University of Dunmarsh")."""
_ENTRY_TIME = "other/xx/entry-time"
_SYMBOL_CREDITS = ("caption/xx/photo-credit-symbol", "caption/it/credito")
"""Credit lines that name no photo ("© BELGA", "Jorge Guerrero (AFP)"): the line over one is the photo's
caption only between the article's paragraphs, in a page copied without blank lines
(:func:`_adjacent_captions`)."""
_BARE_CREDIT_WORDS = 5
"""Longest credit of :data:`_SYMBOL_CREDITS` that is the credit alone ("Jorge Guerrero (AFP)")."""
_CAPTION_PLACE = re.compile(r"[^\W\d_][^:.!?]{2,50}: \S")
"""A caption's place or subject before a colon ("In einer Kita in Winterthur: Die Tarife ...")."""
_CAPS_KICKER = re.compile(r"(?-i:[^\W\d_a-zæøåäöü]{3,}(?: [^\W\d_a-zæøåäöü]{2,})?): \S")
"""A caption's word in capitals before its colon: "BILLIGERE: Fra 1. juli ...", "STENGT: Veien ..."."""
_NAMED_CREDIT = re.compile(r"(?-i:[^\W\d_a-z][^\W\d_]+ [^\W\d_a-z][^\W\d_]+)")
"""A photographer's or an agency's name of two capitalised words in a credit ("Foto: Jens Nørgaard/Ritzau
Scanpix", "Beeld ANP / Robin Hendriks"), not a bare agency's ("Foto: dpa")."""
_COURTESY = re.compile(
    r"(?:photo |image |picture )?courtesy(?: of)?\b|cortesía\b|avec l'aimable autorisation\b", re.I
)
"""A picture's credit to whoever lent it ("Courtesy of Hearthwell", "Photo courtesy of the family")."""
_FLAT_CAPTION_WORDS = 20
"""Most words of a line with no full stop over a credit over chrome that is a caption in a page without blank
lines (:func:`_adjacent_captions`)."""
_CAPTION_VERB = re.compile(
    r"(?-i:(?:(?:[A-Z][\w.\x27’-]*|\([^()]{1,20}\)) ){1,6})(speaks|walks|arrives|leaves|looks( on)?|stands"
    r"|holds|waves|poses|attends|delivers|listens|gestures|watches|talks|sits|smiles|greets|shakes hands"
    r"|signs|testifies|visits|inspects|reacts|celebrates|addresses|departs|rides|carries|points|kneels|hugs|embraces"
    r"|wears|gather|march|wait|queue|line up|rally)\b(?!.*\b(said|says|told)\b)"
)
"""A caption's subject in capitals (a name, a title, a party's brackets) and its verb in the present tense at
its start ("Sen. Carla Westbrook (R-Mont.) speaks to reporters ...", "Protesters gather outside ..."), not in
a line that reports speech."""
_ARCHIVE_PHOTO = re.compile(
    r"[.(] ?(arkivbild|arkivfoto|archivbild|archivfoto|archiefbeeld|archieffoto|archive (photo|image|picture)"
    r"|file (photo|picture|image)|foto de archivo|imagen de archivo|photo d.archives?|image d.archives?"
    r"|foto d.archivio|immagine d.archivio|foto de arquivo|imagem de arquivo|arkistokuva|zdjęcie archiwalne"
    r"|archivní (foto|snímek))\)?\.?$",
    re.IGNORECASE,
)
"""A caption's last words that say the photo is an archive's ("... förbjöds. Arkivbild.", "... (file
photo)")."""
_AGENCY_PHOTOGRAPHER = re.compile(r"/ ?(?-i:[^\W\d_a-z][^\W\d_]+ [^\W\d_a-z][^\W\d_]+)$")
"""A photographer's name behind an agency's and a slash at a credit's end ("Quelle: pa/dpa/Moritz
Kernbach")."""
_CAPTION_WORDS = 7
"""Fewest words of a caption with no full stop over a labelled credit (a subheading is shorter)."""
_NO_CAPTION_START = re.compile(
    r"[\"'„“”«»‹›‚‘’]|(doch|aber|but|however|yet|mais|pourtant|pero|sin embargo|mas|porém|contudo|ma|però|"
    r"tuttavia|dennoch|also|and|und|et|y|e|so)\b",
    re.IGNORECASE,
)
"""How a caption does not begin: with a quotation, or a connective that goes on from the paragraph
above ("Doch der Konzern widerspricht dieser Darstellung entschieden.")."""


def _caption_like(b: _Block) -> bool:
    """A line that may be a photo's caption over a labelled credit (:data:`_LABELLED_CREDITS`): no
    question, no quotation or connective at its start (:data:`_NO_CAPTION_START`), and with no full
    stop at least :data:`_CAPTION_WORDS` words ("Agente de saúde aplica inseticida em bairro de Belo
    Horizonte"; not a subheading: "La reazione delle imprese")."""
    f = b.f
    if f.text.rstrip().endswith("?") or _NO_CAPTION_START.match(f.text):
        return False
    return f.terminal or f.words >= _CAPTION_WORDS


_PHOTO_LABEL = re.compile(
    r"(foto|fotos|fotografía|fotografia|bild|bildquelle|bildnachweis|beeld|photo|photos|crédits? photos?|"
    r"crédito|imagen|imagem|imagens|imatge|kép|képek|"
    r"arkivfoto|"
    r"arkivbild|fotograf|fotoğraf|kuva|fot\.|snímka|snímky|φωτογραφία|φωτογραφια|φωτ\.|"
    r"surs[ăa] foto)(\b|(?<=\.))",
    re.IGNORECASE,
)
"""The start of a credit that names a photo ("Foto: ...", "PHOTO ..."), not a source ("Quelle: ...")."""
_STOCK_PARAGRAPH_WORDS = 20
"""A line over a stock photo's credit with two sentences or this many words is a paragraph; a shorter
one is the photo's caption."""
_STOCK_CREDIT = re.compile(r"\b(on|via|von|sur|en|em|su|op) (unsplash|pexels|pixabay)\.?$", re.IGNORECASE)
"""A stock photo's credit, whole on its own line ("Photo by Brooke Lark on Unsplash"): a blog's picture
without a caption, under the paragraph it illustrates."""
_GALLERY_COUNTER = re.compile(r"(\d{1,3}) ?(of|von|de|sur|z|di|/) ?(\d{1,3})")
"""A gallery's bare counter ("1 of 4", "2/12") over or under a caption."""
_QUOTE_OR_SAID = re.compile(r'"|\b(said|says|told|according to)\b', re.IGNORECASE)

# Region values (see module docstring, step 2).
_RULE_PENALTY = 5.0
_TAIL_MARKER_PENALTY = 40.0
_SHAPE_BONUS = 0.15
_OUTSIDE_SCORE = 0.9
_WEAK_CLASS = 0.5
"""Weak rules' evidence that names the class of a block outside the article (:func:`_score_blocks`)."""

_STANDFIRST_WORDS = 50
"""A first prose block this short may be the standfirst: head-zone rules (bylines) also run on the
blocks between it and the next prose block."""


_NUTRIENTS = re.compile(
    r"[^\W\d_][\w -]{0,25}: ?\d+([.,]\d+)? ?(kcal|cal|kj|mg|mcg|µg|g|iu)\b", re.IGNORECASE
)
"""A nutrient and its amount ("Carbohydrates: 36g", "Sodium: 1140mg")."""
_NUTRIENT_CELLS = 3


def _shape_value(g: BlockFeatures) -> float:
    """Region value of a block that is not prose: lists, table rows and short sentences count a little."""
    if g.words == 0:
        return -1.0
    if g.link_ratio >= 0.3:
        return -4.0
    if g.table_row:
        return 0.5 * g.words
    if len(_NUTRIENTS.findall(g.text)) >= _NUTRIENT_CELLS:
        return 0.3 * g.words  # a recipe's nutrition line ("Calories: 612kcal | Carbohydrates: 36g | ...")
    if g.words >= 4 and g.title_case < 0.7 and (g.stop_ratio >= 0.1 or g.terminal):
        return 0.3 * g.words
    if g.words <= 8:
        return -2.0 - 0.25 * g.words
    return -(3.0 + 0.5 * min(g.words, 30))


def _zone_ok(rule: Rule, i: int, head_end: int, tail_start: int) -> bool:
    if rule.zone == "head":
        return i <= head_end
    if rule.zone == "tail":
        return i >= tail_start
    return True


def _best_region(values: list[float], stop: int) -> tuple[int, int]:
    """The ``[lo, hi]`` run with the largest sum among ``values[:stop]`` (``(0, -1)`` when none is positive).

    >>> _best_region([-1, 3, -1, 4, -10, 2], 6)
    (1, 3)
    >>> _best_region([-1, -2], 2)
    (0, -1)
    """
    best, best_lo, best_hi = 0.0, 0, -1
    cur, lo = 0.0, 0
    for i in range(min(stop, len(values))):
        if cur <= 0:
            cur, lo = 0.0, i
        cur += values[i]
        if cur > best:
            best, best_lo, best_hi = cur, lo, i
    return best_lo, best_hi


def detect(doc: Document, cfg: BoilerplateConfig, pack: RulePack) -> Document:
    """Return ``doc`` with boilerplate ``removed`` spans, and ``title``/``author`` when found in the text.

    Offsets are into ``doc.text``; every span covers one whole block (line).
    Spans already on the document (e.g. from other stages) are kept. The steps are those of the
    module docstring, one function each.
    """
    if not cfg.enabled or not doc.text.strip():
        return doc
    raw_blocks = _blocks(doc)
    if not raw_blocks:
        return doc
    from_html = doc.is_html
    bs, lang, stop_share = _make_blocks(doc.text, raw_blocks, _table_rows(doc, raw_blocks))
    n = len(bs)
    zones = _zones(bs, _banner_rules(doc, pack))
    # 1. rule matches
    english = lang == "en" and stop_share >= _ENGLISH_SHARE
    under_standfirst = _match_rules(doc, bs, pack, zones, english)
    _drop_lone_tools(bs, zones.head_late)
    _about_org(bs, zones.tail_early)
    # plain text: the lines of typeset tables (wire copy's crop, price and results tables) are neither
    # chrome nor a gap in the article: they count for nothing in the region, are no evidence around it
    tables = _Tables() if from_html else _typeset_tables(doc.text, bs)
    forms, form_titles = _form_boxes(bs)  # a how-to's tip box between its sections
    bridged = _bridged(bs, tables) | forms
    # 2. article region
    head = _standfirst_zone(bs, zones, under_standfirst)
    steps = _step_numbers(bs)
    _keep_listed_figures(bs, steps)
    entries = _entry_times(bs)
    for b in bs:
        # a live blog's entry times are its text ("21.51 GMT" over each entry, as a timeline's dates are);
        # an entry-time rule's other lines too ("4.45pm" in a timetable with no entries under it)
        if b.strong is not None and (b.index in entries or b.strong.id == _ENTRY_TIME):
            b.strong, b.match = None, None
    values, comment_start, ends = _region_values(bs, head, steps, entries, bridged)
    lo, hi = _best_region(values, comment_start)
    box_copy: tuple[int, ...] = ()
    box_links = range(0)
    if hi < lo:  # nothing reads like an article: only rules decide
        lo, hi = 0, n - 1
    elif not from_html:
        # a tail marker inside the region with only a page's rail under it ends the article
        hi = _marker_end(bs, values, lo, hi, ends)
        lo, box_copy = _from_lead(bs, lo)  # a box near the article's top split it from its lead
        # a review's box of facts over its first paragraph ("Platforms: ..." / "Price: ...")
        lo = _spec_box(bs, lo)
        # a review's verdict box cut off the article ("Verdict" / "7/10" / "Good stuff" / ... / "Bad stuff")
        lo = _verdict_box(bs, lo)
    if head.headline is not None and lo < head.headline <= hi:
        lo = head.headline  # (a ticker's headline over the article's: "Breaking: Route 9 closed ...")
    if entries:
        lo, hi = _live_blog(bs, entries, lo, hi, comment_start)
    title_lo = lo  # the headline is looked for above the region as found: not among the list's lines
    if lo - 1 in entries:
        # not the first entry's heading, under its time ("03:05" / "Final result: ..."), which is the blog's
        title_lo = lo = lo - 1
    if not from_html:
        lo = _summary_heading(bs, _listed_under_heading(bs, lo, hi))
        # (the article's first section heading, under the head's chrome)
        lo = _section_heading(bs, lo, hi, head.headline)
    # a run of dated teasers (date, headline, one summary; again and again) that ends the region is
    # the page's list of other articles, however much its summaries read like prose
    teasers = n if from_html else _dated_teasers(bs, lo, hi)
    if teasers <= hi:
        hi = teasers - 1
    undated = n if from_html else _undated_teasers(bs, lo, hi)
    if undated <= hi:
        hi = undated - 1
        teasers = min(teasers, undated)
    if not from_html and teasers > hi:
        box_end, box_links = _fact_box(bs, hi, n)  # a match report's line-ups and referee under it
        hi = min(box_end, teasers - 1)
    # a preview's score prediction under its last paragraph, which a teaser's shape would take ("Score
    # prediction: Castleford Rovers 1-1 Wexham United"): kept, the region's end where it was (what follows
    # is the page's)
    prediction = (
        hi + 1
        if not from_html
        and hi + 1 < n
        and bs[hi + 1].strong is None
        and _PREDICTION.fullmatch(bs[hi + 1].f.text)
        else None
    )
    cuts = _cuts(doc, bs, tables, lo, hi, comment_start, teasers)
    if head.headline is not None and head.headline == lo and not from_html:
        # above the article's headline, a page dump holds only chrome ("Up next:" / a video's title)
        cuts = dataclasses.replace(cuts, head=max(cuts.head, lo))
    # 3. scores inside the region; everything outside is boilerplate
    _score_blocks(doc, bs, cfg, head, cuts, steps, zones.banner)
    if prediction is not None:
        bs[prediction].score = 0.0
    _table_sources(bs, tables, cfg.threshold)
    for i in form_titles:  # (its lines go by their rules)
        bs[i].score, bs[i].category, bs[i].rule = (
            _OUTSIDE_SCORE,
            Category.COMMENT_FORM,
            "comment_form/box-title",
        )
    _adjacent_captions(bs, cfg.threshold)
    _markdown_captions(bs, cfg.threshold)
    _gallery_counters(bs, cfg.threshold)
    _cued_captions(bs, cfg.threshold)
    _dateline_captions(bs, cfg.threshold)
    _video_blocks(bs, cfg.threshold)
    _ad_copies(bs, cfg.threshold)
    _kicker_captions(bs, cfg.threshold)
    _calculators(bs, cfg.threshold)
    _menu_echoes(bs, cuts.data, cfg.threshold)
    _pull_quotes(bs, cfg.threshold)
    _read_also_teasers(bs, lo, hi, hi + 1 if from_html else max(hi + 1, cuts.tail), cfg.threshold)
    if not from_html:
        _inline_jump_lists(bs, lo, hi, cfg.threshold)
    # 4a. context smoothing inside the region
    _smooth(bs, cfg.threshold)
    _footnotes(doc, bs, lo, hi, cfg.threshold)
    _sign_off_initials(bs, cfg.threshold)
    for i in box_copy:  # a box's copy between its lines, near the article's top, goes with the box
        above = bs[i - 1].category or Category.OTHER
        bs[i].score, bs[i].category, bs[i].rule = _OUTSIDE_SCORE, above, f"{above.value}/inherited"
    for i in box_links:  # the links between the article and its box of results ("Related Links" / ...)
        if bs[i].strong is None:
            bs[i].score, bs[i].category, bs[i].rule = (
                _OUTSIDE_SCORE,
                Category.NAVIGATION,
                "navigation/over-box",
            )
    # 5. title and byline
    if not from_html:
        _late_head_lines(doc, bs, pack, title_lo)
        _head_lines_between(doc, bs, pack, title_lo)
    h1 = _markdown_title(doc, bs, title_lo)
    if h1 is not None:
        title_idx: int | None = h1
    elif head.headline is not None and not doc.title and head.headline <= title_lo:
        title_idx = head.headline
    else:
        title_idx = _find_title(doc, bs, title_lo, cuts.rows, tables)
    if title_idx is not None and title_idx < lo and not from_html:
        _standfirst_under_title(bs, title_idx, lo)
    if title_idx is not None and title_idx <= lo + 1 and not from_html:
        _over_title(bs, title_idx, cfg.threshold)  # (a kicker the region took in over the headline: lo + 1)
    author = _author(doc, bs, max(lo, max(head.role_lines, default=-1) + 1), title_idx, cfg.threshold)
    if author is not None and not from_html:
        _named_bio(bs, author, title_idx, cfg.threshold)
    if not from_html:
        _headed_bio(bs, cfg.threshold)
    # 4b. categories for boilerplate outside the region
    _label_outside(bs, lo, hi, title_idx, cfg.threshold, comment_start)
    spans = list(doc.removed)
    title = doc.title
    if title_idx is not None:
        tb = bs[title_idx]
        if title is None:
            title = _as_written(doc, tb)  # its quotes and characters as written: « », “ ”, …
        if any(b.score < cfg.threshold for b in bs if b.index != title_idx) or not _lone_headline(doc, tb):
            spans.append(Span(tb.start, tb.end, Category.TITLE, "title/first-line", 1.0))
        # else the headline is all the text holds ("Fire in the city centre", a record of one
        # line): it stays in the text too, or the document would be rejected as empty
    for b in bs:
        if b.index == title_idx or b.score < cfg.threshold:
            continue
        cat = b.category or Category.OTHER
        spans.append(Span(b.start, b.end, cat, b.rule or f"{cat.value}/region", round(min(b.score, 1.0), 3)))
    spans.sort()
    log.debug("%s: lang=%s region=[%d, %d] of %d blocks, %d spans", doc.id, lang, lo, hi, n, len(spans))
    return dataclasses.replace(doc, removed=tuple(spans), title=title, author=author)


_PREDICTION = re.compile(
    r"(?:score )?prediction: [^\W\d_][\w.'’ -]{1,40} \d{1,2} ?[-–] ?\d{1,2} [^\W\d_][\w.'’ -]{1,40}", re.I
)
"""A match preview's score prediction ("Score prediction: Castleford Rovers 1-1 Wexham United")."""
_TITLE_STANDFIRST_WORDS = 8
"""Fewest words of a standfirst that :func:`_standfirst_under_title` keeps."""
_WEAK_PROSE_WORDS = 25
"""Prose of this many words or more is weighed less by weak rules (:data:`_WEAK_PROSE_DISCOUNT`)."""
_WEAK_PROSE_DISCOUNT = 0.2
_LIFE_DATES = re.compile(
    r"\b(born|née?|geboren|nato|nata|nacido|nacida|nascido|nascida|född|født|urodzon[ya])\b.{3,60}"
    r"\b(died|décédée?|gestorben|verstorben|morto|morta|deceduto|deceduta|fallecido|fallecida|falecido|falecida"
    r"|död|døde|zmarł|zmarła)\b",
    re.IGNORECASE,
)
"""An obituary's life dates, born ... died ..., in the packs' languages."""
_UNDER_SF_CATEGORIES = frozenset(
    {Category.CAPTION, Category.ADVERTISEMENT, Category.SHARE_WIDGET, Category.OTHER, Category.READING_TIME}
)
"""The rules' lines that may stand between a standfirst and its byline (:func:`_standfirst_under_title`): a
photo's caption, an affiliate note, the article's tools ("Lyt til artiklen"), a note or the reading time."""
_UNDER_SF_CAPTION_WORDS = 45
"""Longest caption over its credit between a standfirst and its byline (:func:`_standfirst_under_title`)."""
_UNDER_SF_LINES = 2
"""Most rating lines between a standfirst and its byline that :func:`_standfirst_under_title` passes."""


_NAMES_CASE = 0.8
"""Share of capitalised words from which :func:`_standfirst_under_title` reads a line as names."""
_PLACE_WORDS = 3
"""Most words of the place between the author's bare name and the date (:func:`_standfirst_under_title`)."""


def _standfirst_under_title(bs: list[_Block], title_idx: int, lo: int) -> None:
    """Step 5: the line right under the headline found above the article, over the byline or the date
    that a rule took, is the standfirst, kept though it reads as no prose (a match report's summary:
    "Northern Counties Cup semi-final, Castle Lane: Hollinshire 291-6 (50 overs) beat Wexmoor 268 ...
    by 23 runs" / "By Owen Tregarth"): :data:`_TITLE_STANDFIRST_WORDS` words or more, no rule on it; two deks
    in sentence case too (:func:`~pipeline.boilerplate.title._dek`: "Company withdraws 2025 output guidance
    ..." / "Shares fell as much as 31% ..."). The byline may be the author's name with the role ("Sara
    Lindgren, reporter") over the date."""
    i = title_idx + 1
    if i + 1 >= lo:
        return
    sf = bs[i]
    k = i + 1  # (hard-wrapped: the standfirst's lines that continue its sentence go with it)
    while k + 1 < lo and bs[k].continues:
        k += 1
    if k + 1 < lo and k == i + 1 and bs[k].strong is None and _dek(sf) and _dek(bs[k]):
        k += 1  # a second dek under the first ("Company withdraws ..." / "Shares fell as much ...")
    elif k + 1 < lo and k == i + 1 and _headline_over_deks(bs, title_idx):
        k += 1  # two deks of prose in the headline's paragraph ("Aragón reabrirá ..." / "El Departamento")
    # (a weak rule's word in a standfirst of prose: "Dynamic paywalls, registration walls and newsletter
    # funnels are doing the work ...")
    weak = sf.weak and not (sf.g.prose and sf.f.words >= _WEAK_PROSE_WORDS)
    if sf.strong is not None or weak or sf.f.bullet or sf.g.words < _TITLE_STANDFIRST_WORDS:
        return
    if (sf.f.date or _CLOCK.search(sf.f.text)) and not _LIFE_DATES.search(sf.f.text):
        # a date line no rule knew ("Posted 6:12 a.m. Apr 9, 2024 — Updated 8:40 a.m. ..."); not an obituary's
        # life dates under the name ("Né le 12 mars 1938 à Josselin – Décédé le 2 février 2024 à Ploërmel")
        return
    if sf.f.title_case >= _NAMES_CASE:
        return  # the authors' line ("Rachel Okafor in New York and Sam Whitlock in London")
    if _teaser_over_article(bs, k - 1, lo):
        return  # a teaser's summary over its byline and age, the article's own headline below
    if _BARE_CLOCK.fullmatch(bs[k].f.text):
        return  # a video's length under its caption ("Footage shows firefighters ..." / "01:32")

    def head_line(j: int) -> bool:
        """The byline or the date; or the author's bare name, maybe with the place he writes from, over the
        date or the role ("Conor Plaskett" / "Sat 11 Oct 2025 09.00 BST"; "Ellen Marchetti in London"), or
        over the place over the date ("Renata Albuquerque" / "Ribeirão Preto" / "12.mar.2025 às 4h00")."""
        b = bs[j]
        placed = (
            j + 2 < len(bs)
            and bs[j + 1].strong is None
            and bs[j + 1].f.words <= _PLACE_WORDS
            and not bs[j + 1].f.terminal
            and _dated(bs[j + 2])
        )
        named = (
            (
                _NAME_LINE.match(b.f.text) is not None
                or _NAME_AT_PLACE.fullmatch(b.f.text) is not None
                or _AUTHORS_AT_PLACES.fullmatch(b.f.text) is not None  # "X in Stockholm and Y in London"
                or _name_with_role(b.f.text)  # "Sara Lindgren, reporter"
            )
            and j + 1 < len(bs)
            # (or the role: "Ireland correspondent", "Reporter")
            and (
                _dated(bs[j + 1])
                or _rule_category(bs[j + 1]) == Category.BYLINE
                or _any_role(bs[j + 1])
                or placed
            )
        )
        return _dated(b) or named or _rule_category(b) == Category.BYLINE

    j, short = k, 0
    box = range(0)
    # over the byline, a photo's caption ("'I never planned ...' ... Photograph: ..."), an affiliate note
    # ("When you purchase through links on our site, ...") or the article's tools may stand between, or a
    # rating or two ("Leserwertung: ★★★★☆ 4,1/5 (212 Bewertungen)"); not a kicker, a teaser's ("Transport");
    # or a summary box of the article's, which stays with the standfirst ("Darum gehts" / its points)
    while j + 1 < lo and not head_line(j):
        b = bs[j]
        end = _summary_box_end(bs, j) if j == k else j
        if end > j:
            box, j = range(j, end), end
        elif _rule_category(b) in _UNDER_SF_CATEGORIES:
            j += 1
        elif (
            b.strong is None
            and _CAPTION_VERB.match(b.f.text) is not None
            and b.f.words <= _LEAD_CAPTION_WORDS
        ):
            j += 1  # a photo's caption with no credit ("Sen. Maureen Castellanos speaks during a markup ...")
        elif (
            b.strong is None
            and j + 2 < lo
            and _rule_category(bs[j + 1]) == Category.CAPTION
            and b.f.words <= _UNDER_SF_CAPTION_WORDS
        ):
            j += 2  # a photo's caption over its credit ("Hugormen er Danmarks ..." / "Foto: Henrik Bjerre")
        elif short < _UNDER_SF_LINES and _rating_line(b):
            j, short = j + 1, short + 1
        else:
            break
    if head_line(j):
        for x in [*bs[i:k], *(bs[x] for x in box)]:
            x.score, x.category, x.rule = 0.0, None, ""


_OVER_TITLE_WORDS = 8
"""Longest line kept above the headline that :func:`_over_title` takes for the page's chrome."""
_OVER_TITLE_LINES = 2
"""Most lines kept above the headline that :func:`_over_title` takes (more: the headline found may
be a subheading or a list's line under the article's start)."""


def _over_title(bs: list[_Block], title_idx: int, threshold: float) -> None:
    """Step 5: the short lines kept above the headline found at or above the article's start (one or
    two), no prose, no sentence (:data:`_OVER_TITLE_WORDS` words at most), are the page's chrome ("Menu
    Search  Sign in" over "Millbrook water rates to rise ..."): nothing of the article stands above its
    headline."""
    kept = [b for b in bs[:title_idx] if b.score < threshold]
    t = bs[title_idx]
    if len(kept) > _OVER_TITLE_LINES or t.f.table_row or _figure_row(t):
        return  # (a headline found under a list or a table, or a table's row, is no page's headline)
    for b in kept:
        if not b.g.prose and not b.f.terminal and b.f.words <= _OVER_TITLE_WORDS:
            b.score = _OUTSIDE_SCORE


def _live_blog(bs: list[_Block], entries: set[int], lo: int, hi: int, stop: int) -> tuple[int, int]:
    """The region ``[lo, hi]`` of a live blog (``entries``: its entries' time stamps) with its first
    entry's heading under the stamp ("21.51 GMT" / "Full time: Rovers 2-1 Dunmore" / the entry), and
    its last entry to the first line a rule takes under it (a line-up under "Team news" is no prose
    but the entry's), not past ``stop`` (a comment section)."""
    if lo >= 2 and lo - 2 in entries and bs[lo - 1].strong is None and not bs[lo - 1].g.prose:
        lo -= 1
    last = max(entries)
    if lo <= last and last > hi:
        end = next((b.index for b in bs[last + 1 : stop] if b.strong is not None), min(stop, len(bs)))
        hi = max(hi, end - 1)
    return lo, hi


def _lone_headline(doc: Document, b: _Block) -> bool:
    """Whether ``b``, the headline and all the text holds, is kept as the text too: three words or
    more ("Fire in the city centre"), not the site's name alone ("Daily Example"); an error page's
    line ("404 Not Found", "Access Denied") is no headline (``other/xx/error-page``)."""
    site = "".join(ch for ch in (doc.site or "").casefold() if ch.isalnum())
    return (
        b.strong is None
        and b.f.words >= 3
        and "".join(ch for ch in b.f.text.casefold() if ch.isalnum()) != site
    )


@dataclass(frozen=True)
class _Zones:
    """Where zoned rules run (module docstring, step 1): head rules up to ``head_end`` (the first
    prose block), and on to ``head_late`` for blocks that are no prose (under a short first paragraph,
    the standfirst); tail rules from ``tail_start`` (the second-to-last prose block), and from
    ``tail_early`` for a block that is no prose or stands under no prose."""

    prose: tuple[int, ...]
    head_end: int
    head_late: int
    tail_start: int
    tail_early: int
    banner: frozenset[int] = frozenset()
    """The paragraphs of a cookie banner over the page: no article text above the region."""


_COOKIE_BANNER = re.compile(
    r"(\b(we|wij|wir|nous|vi)( (and|und|et|en|y|e|och|og) (our|unsere|nos|onze|nuestros|i nostri|våra|vores)"
    r" (partners?|partenaires|socios|partner))? (also )?"
    r"(use|gebruiken|verwenden|nutzen|utilisons|använder|bruger|bruker)"
    r"|\b(usamos|utilizamos|utilizziamo|usiamo|używamy)"
    r"|\b(this (web)?site|diese (web)?seite|diese website|ce site|questo sito|este sitio|deze (web)?site)"
    r" (uses|verwendet|nutzt|utilise|utilizza|usa|utiliza|gebruikt))\b.{0,40}\bcookies?\b",
    re.IGNORECASE,
)
"""A cookie banner's sentence: the site says it uses cookies ("We use some essential cookies ...",
"Wir und unsere Partner verwenden Cookies", "Questo sito utilizza cookie tecnici"); an article
about cookie banners speaks of sites."""


_PHOTO_CREDIT_END = re.compile(r"[.!?]\)? (Photograph|Photo|Picture|Image|Foto|Bild|Credit): [^.!?]{2,60}$")
"""A photo's credit at the end of its caption."""
_PATH_LINE = re.compile(r"^[^.!?]{2,40} [›»>] [^.!?]{2,40} [›»>] ")
"""A breadcrumb path's start: two steps before the page's own title."""


def _banner_rules(doc: Document, pack: RulePack) -> tuple[Rule, ...]:
    """The pack's cookie banner rules active on ``doc``'s site that run anywhere, and its paywall rules (a
    meter over the page: "You have 2 free articles remaining this month. Register for free ...")
    (memoised on the pack): :func:`_zones` asks them of the page's first paragraphs, before any rule
    has run."""
    index, active = _rule_plan(pack, _site(doc))
    key = ("banners", active)
    rules = pack.memo.get(key)
    if rules is None:
        rules = pack.memo[key] = tuple(
            r
            for i, r in enumerate(index.rules)
            if active >> i & 1
            and r.category in (Category.COOKIE_NOTICE, Category.PAYWALL)
            and r.strength == "strong"
            and r.zone == "any"
        )
    return rules


def _banner(b: _Block, rules: tuple[Rule, ...]) -> bool:
    """Whether ``b`` reads as a cookie banner: :data:`_COOKIE_BANNER`, or a banner rule of the pack."""
    if _COOKIE_BANNER.search(b.f.text):
        return True
    return any(r.min_words <= b.f.words <= r.max_words and r.search(b.f.text) for r in rules)


def _page_headline(bs: list[_Block], b: _Block) -> bool:
    """Whether ``b`` is a page's headline, which a banner over the page stands above (:data:`_HEADLINE_WORDS`
    words or more; not a hard-wrapped line of a paragraph, which has no full stop either)."""
    wrapped = b.continues or (b.index + 1 < len(bs) and bs[b.index + 1].continues)
    return not wrapped and b.f.words >= _HEADLINE_WORDS and _is_headline(b)


def _zones(bs: list[_Block], banners: tuple[Rule, ...] = ()) -> _Zones:
    """Where zoned rules run (:class:`_Zones`); ``banners``: the rules that know a cookie banner's
    paragraph (:func:`_banner_rules`): over the page, the head starts under it."""
    n = len(bs)
    prose_idx = [b.index for b in bs if b.g.prose]
    banner: list[int] = []
    while len(prose_idx) > 2:
        # a cookie banner over the page, over its headline ("We use some essential cookies to make this
        # website work.", and the paragraphs under that: "You can change your choices at any time ..."):
        # the head, with its byline and date lines, starts under it
        i = prose_idx[0]
        if not _banner(bs[i], banners):
            # a paragraph under a banner's line or paragraph, when the banner stands over the page's headline
            # (a video's cookie placeholder under the headline or the lead is no banner over the page)
            above = banner[0] if banner and banner[-1] == i - 1 else i - 1
            if above < 0 or not (above in banner or _banner(bs[above], banners)):
                break
            # (the banner's own sentence, hard-wrapped, goes on)
            if not bs[i].continues and any(_page_headline(bs, b) for b in bs[:above]):
                break
        banner.append(i)
        prose_idx = prose_idx[1:]
    if (
        len(prose_idx) >= 3
        and prose_idx[1] == prose_idx[0] + 1
        and not bs[prose_idx[1]].continues  # (hard-wrapped text: the first sentence's second line)
        and bs[prose_idx[0]].strong is None
        and _is_headline(bs[prose_idx[0]], prose=True)
    ):
        # a long headline reads as prose ("Former charity treasurer jailed for stealing £186,000 from
        # children's hospice"): the standfirst under it is the first paragraph
        prose_idx = prose_idx[1:]
    while len(prose_idx) > 2 and _PATH_LINE.search(bs[prose_idx[0]].f.text):
        # a breadcrumb that ends on the headline ("Markets > Commodities > Indonesia to pause new
        # nickel smelter permits as ore reserves dwindle") reads as prose: the page's path, no standfirst
        prose_idx = prose_idx[1:]
    while len(prose_idx) > 2 and _PHOTO_CREDIT_END.search(bs[prose_idx[0]].f.text):
        # a photo's caption over the headline, its credit at its end ("Passengers board the 553 service
        # ... Photograph: Sam Holloway/The Meridian"): the head starts under it
        prose_idx = prose_idx[1:]
    while (
        len(prose_idx) > 2
        and prose_idx[0] + 1 < n
        and _CREDIT_LINE.match(bs[prose_idx[0] + 1].f.text) is not None
        and bs[prose_idx[0] + 1].f.words <= _CREDIT_LINE_WORDS
    ):
        # a photo's caption over the headline, its credit on the next line ("Bohrgerät auf einer Wiese ..." /
        # "Bildrechte: BR/Tobias Hertel"): the head starts under it
        prose_idx = prose_idx[1:]
    head_end = prose_idx[0] if prose_idx else n // 3
    # (hard-wrapped text: the next paragraph of prose, not the next line of the first one)
    later = [i for i in prose_idx[1:] if not bs[i].continues]
    if later and bs[prose_idx[0]].g.words <= _STANDFIRST_WORDS:
        # a short first paragraph is often the standfirst, with the byline and date under it
        # ("The city will spend more on roads ...", "By Sarah Jones", "Updated 9:14pm"): the head
        # zone runs on to the next prose block, for the blocks that are no prose
        head_late = later[0]
        nxt = bs[prose_idx[1]]
        if (
            len(prose_idx) >= 3
            and prose_idx[1] == prose_idx[0] + 1
            and nxt.f.words <= _STANDFIRST_WORDS
            and not nxt.continues
            and _two_sentences(bs[prose_idx[0]])
        ):
            # a headline of two sentences reads as prose, and the standfirst is right under it ("Bellhaven
            # doesn't need another parking garage. It needs buses that run after 7 p.m." / "The city is
            # about to spend ..." / "Harriet Coles" / "Guest columnist" / the date): on to the next prose
            head_late = prose_idx[2]
    else:
        head_late = head_end
    tail_start = prose_idx[-2] if len(prose_idx) >= 2 else (prose_idx[-1] if prose_idx else (2 * n) // 3)
    tail_early = tail_start
    if len(prose_idx) >= 2:
        # a page dump's author box ("Über den Autor", "X is a senior writer for Y") stands under
        # the article but often above more prose (teaser summaries, comments): the tail zone also
        # begins right after the prose block that brings the prose to half its words, for a block
        # that is no prose (a heading, "Über den Autor") or stands under no prose (the bio under the
        # author's name); a sentence of the article's second half that reads like a bio stays
        half, acc = sum(bs[i].f.words for i in prose_idx) / 2, 0
        for i in prose_idx:
            acc += bs[i].f.words
            if acc >= half:
                tail_early = min(tail_start, i + 1)
                break
    return _Zones(tuple(prose_idx), head_end, head_late, tail_start, tail_early, frozenset(banner))


def _match_rules(
    doc: Document, bs: list[_Block], pack: RulePack, zones: _Zones, english_text: bool
) -> set[int]:
    """Step 1: set each block's ``strong`` rule (the first that matches) and ``weak`` rules; return
    the blocks under a short first paragraph that a head-metadata rule took (a standfirst's byline).

    A rule runs only on blocks that have its required prefix or literal text; in hard-wrapped text a
    line that continues the sentence above ("newsletter targeted to private investors.", "reply to
    a shareholder's inquiry.") starts mid-sentence: no rule applies to it."""
    index, active = _rule_plan(pack, _site(doc))
    head_end, head_late, tail_start, tail_early = (
        zones.head_end,
        zones.head_late,
        zones.tail_start,
        zones.tail_early,
    )
    # on an English text, a line that reads as English (its stop words) gets no other language's
    # rules ("newsletter targeted to private investors."); "Lesen Sie auch: Warum ..." and
    # "Publicité" still do
    english = active & ~pack.memo["not_english"] if english_text else active
    under_standfirst: set[int] = set()
    for b in bs:
        nw = b.f.words
        if nw > _MAX_RULE_WORDS or b.continues:
            continue
        allowed = index.by_words[nw] & active
        if not allowed:
            continue
        text = b.f.text
        todo = index.dispatch.candidates(canon(text)) & allowed
        if todo & ~english:  # only a candidate of another language's rule asks for the line's language
            line_lang, line_share = guess_language_of([block_words(text).lowered])
            if line_lang == "en" and line_share > 0:
                todo &= english  # an English line: "newsletter targeted to private investors."
        while todo:
            low = todo & -todo
            todo ^= low
            i = low.bit_length() - 1
            rule = index.rules[i]
            if b.f.table_row and rule.category == Category.CAPTION and "|" in doc.text[b.start : b.end]:
                continue  # a table's row of cells is no caption nor credit ("Saisonname | Preis/Nacht")
            if rule.zone != "any" and not _zone_ok(rule, b.index, head_end, tail_start):
                # (late in the head: not a line under one that announces a list, "Programmet for resten af
                # ugen ser sådan ud:" / "I dag kl. 19.30")
                late = (
                    rule.zone == "head"
                    and b.index < head_late
                    and not b.g.prose
                    and not (b.index > 0 and bs[b.index - 1].f.text.endswith(":"))
                )
                early = rule.zone == "tail" and b.index >= tail_early
                # (early in the tail: a block that is no prose, or under no prose, or under a line a rule
                # took: "This article appears in the March 2026 print edition ..." / "Miriam Estevez ...")
                above = bs[b.index - 1]
                if not (late or (early and (not b.g.prose or not above.g.prose or above.strong is not None))):
                    continue
            search = index.searches[i]
            if search is None:
                search = index.searches[i] = rule.regex.search
            m = search(text)
            if m is None:
                continue
            if rule.strength == "strong":
                if b.strong is None:
                    # the match only for a byline (its author group); a match keeps its line alive
                    b.strong, b.match = rule, (m if rule.category == Category.BYLINE else None)
                    if head_end < b.index < head_late and rule.category in _HEAD_METADATA:
                        under_standfirst.add(b.index)
            else:
                b.weak.append(rule)
    return under_standfirst


_ABOUT = re.compile(r"About ((?:[A-Z][\w&.'’-]*)(?: (?:[A-Z&][\w&.'’-]*|of|for|and|the)){0,5})")
"""A heading "About <a proper name>" ("About Hearthline", "About Polar Survey of Norway")."""
_ORG_WORDS = re.compile(
    r"\b(charity|company|organi[sz]ation|firm|provider|group|foundation|institute|university|agency|association|"
    r"founded|headquartered|employs|non-?profit|social enterprise|network|leading|represents|members)\b",
    re.IGNORECASE,
)
"""What an organisation's standing paragraph says of it."""
_NAME_THEN_VERB = re.compile(
    r"(,? (Inc|Ltd|LLC|plc|PLC|AG|SA|GmbH|Corp|Co|NV|SE|LP)\.?)?(,| \(| is | was | has | are )"
)
"""What follows the organisation's name in its standing paragraph, maybe after its legal form ("Teralith
Materials Inc. is ...")."""
_ABOUT_ORG = Rule(
    "other/en/about-org", Category.OTHER, r"^About [A-Z]", tail_marker=True, max_words=8, case_sensitive=True
)
"""The rule :func:`_about_org` gives a press release's "About <organisation>" heading."""


def _about_org(bs: list[_Block], tail_early: int) -> None:
    """A press release's "About <organisation>" under the release (the tail zone, from ``tail_early``)
    over the organisation's standing paragraph, which opens with its name and says what it is ("About
    Hearthline" / "Hearthline is the national charity working to end housing poverty ..."): the release
    ends over it, a tail marker (``other/en/about-org``). A factbox's "About Parkinson's" over "Parkinson's
    is a progressive condition ...", a travel guide's "About Porto", a film's "About Time" stay."""
    for b in bs[max(tail_early, 1) : -1]:
        m = _ABOUT.fullmatch(b.f.text)
        if b.strong is not None or m is None:
            continue
        name, under = m.group(1), bs[b.index + 1].f.text
        opens = under.startswith(name) and _NAME_THEN_VERB.match(under, len(name)) is not None
        if opens and _ORG_WORDS.search(under) is not None:
            b.strong, b.match = _ABOUT_ORG, None


def _drop_lone_tools(bs: list[_Block], head_late: int) -> None:
    """A one-word article tool ("Save", "Listen", "Vorlesen") below the head goes only in a row of
    buttons (another share button next to it): else it is a song, a heading, a button an article is
    about."""
    n = len(bs)
    for b in bs:
        tool = b.strong
        if tool is None or b.f.words != 1 or not tool.id.endswith("/article-tools") or b.index <= head_late:
            continue
        beside = [bs[j].strong for j in (b.index - 1, b.index + 1) if 0 <= j < n]
        if not any(x is not None and x.category == Category.SHARE_WIDGET for x in beside):
            b.strong, b.match = None, None


def _bridged(bs: list[_Block], tables: _Tables) -> set[int]:
    """The lines of typeset tables with prose right below: part of the article (the lead, the table,
    the notes); one with none (a markets or weather box after the article, teasers below it) is not
    bridged."""
    n = len(bs)
    bridged: set[int] = set()
    group: list[int] = []
    for i in sorted(tables.lines):
        if group and i != group[-1] + 1:
            group = []
        group.append(i)
        if i + 1 not in tables.lines and i + 1 < n and bs[i + 1].g.prose and bs[i + 1].strong is None:
            bridged.update(group)
    return bridged | _figure_runs(bs)


_FORM_LINES = 8
"""Most lines of a box that asks for a reader's tip or question (:func:`_form_boxes`)."""
_FORM_LINE_WORDS = 16
_FORM_TITLE_WORDS = 4


def _form_boxes(bs: list[_Block]) -> tuple[set[int], set[int]]:
    """The lines of boxes that ask readers for a tip or a question, between two sections of the article,
    and the boxes' titles that no rule took (a how-to's "Tips" / ... / "Submit a Tip" / "All tip submissions
    are carefully reviewed ..." / "Name" / "Please provide your name ..." / "Submit" / "Warnings" / ...).

    A box: a line of the tip box's rule (``.../tip-box``: its note, "All tip submissions ...") among the
    rules' short lines (fields, buttons, a counter, an ad's label), at most :data:`_FORM_LINES`, with one
    short line no rule took right above them (the box's title: "Submit a Tip", "Ask a Question") or none.
    No gap in the article and no comment section's start (a comment section under the box starts at its
    own heading or count): the rules' lines still go, by their rules; the title goes with them.
    """
    n = len(bs)
    lines: set[int] = set()
    titles: set[int] = set()

    def field(i: int) -> bool:
        return 0 <= i < n and bs[i].strong is not None and bs[i].f.words <= _FORM_LINE_WORDS

    for b in bs:
        if b.index in lines or b.strong is None or not b.strong.id.endswith("/tip-box") or not field(b.index):
            continue
        top = b.index
        while field(top - 1) and b.index - top < _FORM_LINES:
            top -= 1
        end = b.index + 1
        while field(end) and end - top < _FORM_LINES:
            end += 1
        lines.update(range(top, end))
        title = bs[top - 1] if top > 0 else None
        if (
            title is not None
            and title.strong is None
            and 0 < title.f.words <= _FORM_TITLE_WORDS
            and not title.f.terminal
        ):
            lines.add(title.index)
            titles.add(title.index)
    return lines, titles


_FIGURE_RUN = 3
"""Lines of figures in a row that make a list of results between two paragraphs."""

_FIGURES = re.compile(r"\d[^\d]+\d|: ?\d")
"""Two figures on a line, or a labelled one: "Brandt (SPD): 3.988 Stimmen (28,1 %)", "Wähler: 14.391"."""


def _between_results(b: _Block) -> bool:
    """An ad's label or a read-also link on its own line ("Read more: Council leader says ..."): what a
    page sets between the parts of a list of results."""
    if _ad_label(b):
        return True
    rule = b.strong
    return (
        rule is not None and rule.category == Category.RELATED_LINKS and ": " in b.f.text and b.f.words >= 4
    )


def _figure_runs(bs: list[_Block]) -> set[int]:
    """The lines of results or figures between two paragraphs of the article: a list of at least
    :data:`_FIGURE_RUN` lines with figures (a label and a value, or two values; short headings over
    them may stand between, and an ad's label or a read-also link: "Read more: Council leader ..."),
    prose right above and right below, no other rule matching any of them. An election's results,
    a survey's shares, a budget's items: no gap in the article.

    A run of teaser headlines is no such list: a teaser holds one figure at most ("5 things we
    learned from the budget").
    """
    n = len(bs)
    out: set[int] = set()
    i = 1
    while i < n - 1:
        above = bs[i - 1]
        if not (above.g.prose and above.strong is None):
            i += 1
            continue
        j, figures = i, 0
        while j < n and ((bs[j].strong is None and not bs[j].g.prose) or _between_results(bs[j])):
            b = bs[j]
            if b.strong is None and (_data_like(b) or _figure_row(b)):
                # (one with one figure may stand between: "Ruth Ibbotson (Green) 174")
                figures += _FIGURES.search(b.f.text) is not None
            elif b.strong is None and not _sub_heading(b):
                break  # only short headings, an ad's label and a link stand between the lines of figures
            j += 1
        if figures >= _FIGURE_RUN and j < n and bs[j].g.prose and bs[j].strong is None:
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


@dataclass(frozen=True)
class _Head:
    """The standfirst zone (:func:`_standfirst_zone`)."""

    under_standfirst: frozenset[int]
    """Metadata under a standfirst (byline, date): valued as no gap, like a caption."""
    role_lines: frozenset[int]
    """Bylines and their role and date lines that no rule took (``byline/role``, ``other/head-date``)."""
    zero_head: frozenset[int]
    """Lines valued 0 under a finished standfirst: metadata, captions, notices, a jump list."""
    jump_lines: frozenset[int]
    """A jump list right above the article (``navigation/jump-list``)."""
    headline: int | None = None
    """The headline right over a standfirst with its metadata under it (:func:`_under_headline`)."""


def _head_meta(b: _Block, above: _Block | None = None) -> bool:
    """A rule's line of the head's metadata, no tail marker (not "Please turn on JavaScript ...",
    not a comment form's heading); a comment count among them ("34 comments") is the head's too, and
    so is a bare link to the comments in the row of the article's tools, right under one of them
    (``above``: "Bookmark" / "Comments")."""
    rule = b.strong
    if rule is None:
        return False
    if not rule.tail_marker:
        return True
    tools = above is not None and above.strong is not None and above.strong.category == Category.SHARE_WIDGET
    return _count_line(b) or (rule.category == Category.COMMENT_FORM and b.f.words <= 2 and tools)


_HEADLINE_WORDS = 5
"""Fewest words of a headline over a standfirst with no full stop (:func:`_under_headline`)."""


_CLOCK = re.compile(r"\d:\d\d|\bago$")
"""A time of day, or an age ("2 hours ago")."""


def _headline_like(b: _Block) -> bool:
    """A headline of :data:`_HEADLINE_WORDS` words or more, no rule on it, that may read as prose: not a
    menu's row ("News Culture Podcasts Schedule Donate"), a section's or site's name ("Local News",
    "KEYSTONE PROPERTY WIRE") nor a hard-wrapped headline's second line ("after heated two-hour
    hearing at authority")."""
    return (
        b.strong is None
        and not b.weak
        and b.f.words >= _HEADLINE_WORDS
        and b.f.stop_ratio > 0
        and not b.f.text[:1].islower()
        and _CLOCK.search(b.f.text) is None  # a date line no rule knew: "March 18, 20253:42 AM GMT+0Updated"
        and _is_headline(b, prose=True)
        and not _section_names(b.f.text)
    )


_TICKER = re.compile(
    r"(breaking( news)?|live|latest|just in|update|watch|listen|video|exclusive) ?[:|]", re.IGNORECASE
)
"""A ticker's or a teaser's label over another headline ("Breaking: Route 9 northbound closed ...")."""


def _under_headline(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]`` stands right under the one headline of the head (:func:`_headline_like`): prose
    there is the standfirst, finished or not ("Pune faces 10% water cut from Monday ..." / "Civic body
    says supply ... up nearly 30 per cent in a week"). Not when another such line stands right over
    that one (the real headline over a series' label, a caption or the headline's first line), but a
    ticker's labelled headline. The headline may read as prose (:func:`_zones` then made the line
    under it the first paragraph)."""
    if i < 1 or not _headline_like(bs[i - 1]):
        return False
    above = bs[i - 2] if i >= 2 else None
    return above is None or not _headline_like(above) or _TICKER.match(above.f.text) is not None


_UNDER_CREDIT = 3
"""Lines under a photo's credit where the head's byline or date makes the line over it a headline."""


def _role_rule(b: _Block) -> bool:
    """Whether a byline rule took ``b`` as an author's role ("Transport correspondent")."""
    return b.strong is not None and b.strong.category == Category.BYLINE and b.strong.id.endswith("role-line")


_ROLE_RULES = ("/role-line", "/rolle", "/role")
"""The ends of the rules' ids that take an author's role on a line of its own ("Reporter", "Journalist")."""


def _any_role(b: _Block) -> bool:
    """Whether any pack's role rule took ``b`` ("Transport correspondent", Danish "Reporter" as other)."""
    return b.strong is not None and b.strong.id.endswith(_ROLE_RULES)


def _teaser_over_article(bs: list[_Block], first: int, body: int) -> bool:
    """Whether another headline stands between the standfirst ``bs[first]`` and the next prose
    ``bs[body]``: the standfirst was a teaser's summary (over its byline and age) over the article's
    own headline. A caption over its credit ("Foto: dpa") is no headline, unless the head's byline or
    date follows within :data:`_UNDER_CREDIT` lines (the article's headline, its photo's credit, its
    standfirst, its byline)."""

    def headline(b: _Block) -> bool:
        if not _headline_like(b) or _TOOL_LABEL.fullmatch(b.f.text) or _rating_line(b):
            return False  # (nor a review's "Our rating" / "4 out of 5 stars" / "Verdict")
        if _AUTHORS_AT_PLACES.fullmatch(b.f.text):
            return False  # the authors ("Elin Sandqvist in Stockholm and Marcus Fairley in London")
        if b.category == Category.CAPTION:
            return False  # a caption the caption steps found ("Heartbreak: Leanne with Bramble, ...")
        if _rule_category(bs[b.index + 1]) != Category.CAPTION:
            return True
        under = bs[b.index + 2 : b.index + 2 + _UNDER_CREDIT]
        return any(
            x.strong is not None and (x.strong.category == Category.BYLINE or x.strong.date_line)
            for x in under
        )

    # (a teaser's age under its summary, "5 hours ago": the article's date is a date)
    return any(_AGO.match(b.f.text) or headline(b) for b in bs[first + 1 : body])


def _tool_row_word(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]``, under the head's row of tools, is a word or two of it that no rule took ("Share" /
    "News" / "By", a bare label over the author's name)."""
    b = bs[i]
    if b.strong is not None or b.weak or b.g.prose or b.f.words > 2:
        return False
    above = bs[i - 1] if i > 0 else None
    return above is not None and (
        (above.strong is not None and above.strong.category == Category.SHARE_WIDGET)
        or _tool_row_word(bs, i - 1)
    )


def _standfirst_zone(bs: list[_Block], zones: _Zones, under_standfirst: set[int]) -> _Head:
    """The lines between a standfirst and the article's text that must not cut the standfirst off.

    A byline no rule took, of another shape, under a standfirst ("Edited by Grace Mwangi", "Helen
    Marsh, Retail Correspondent") is the byline's line all the same; under it, the byline's role
    line and the date no rule knew ("By Rebecca Lowe" / "Court Reporter" / "15:30, 11 APR 2024")
    are its metadata."""
    n = len(bs)
    head_end, head_late = zones.head_end, zones.head_late
    under_standfirst = set(under_standfirst)
    role_lines: set[int] = set()
    for i in range(head_end + 1, head_late):
        x = bs[i]
        if x.strong is None and _byline_line(x):
            # a bare "By ..." only over the date or other metadata (not a guide's heading "By Car and Ferry")
            plain_by = x.f.text[:3].lower() == "by "
            meta = i + 1 < n and _rule_category(bs[i + 1]) in _HEAD_METADATA
            if meta or not plain_by:
                role_lines.add(i)
        elif x.strong is None and _NAME_LINE.match(x.f.text) and _role_rule(bs[i + 1]):
            # the author's bare name over the role that a byline rule took ("Transport correspondent"; not
            # a short headline over "By Kirsty Nolan")
            role_lines.add(i)

    def bylined(i: int) -> bool:
        return i in role_lines or _rule_category(bs[i]) == Category.BYLINE

    under_standfirst |= role_lines
    headed: set[int] = set()
    if not any(bylined(i) for i in under_standfirst):
        under_standfirst = set()  # no byline: the short prose above may be a teaser's summary
        if head_late > head_end:  # unless it stands under its headline, over nothing but metadata
            headed = _headed_standfirst(bs, head_end, head_late)
            # (whose lines no rule took go as a byline's lines: "Anouk Bosschaert", "Rio de Janeiro")
            role_lines |= {i for i in headed if bs[i].strong is None}
    for i in range(head_end + 1, head_late if under_standfirst else 0):
        if i - 1 in under_standfirst and _role_line(bs[i]):
            role_lines.add(i)
            under_standfirst.add(i)
    # under a finished standfirst (not a long headline that reads as prose; one with no full stop
    # right under its headline) with no headline between
    # it and the byline ("Could a tax ...?" / "Advertisement" / "Bins Go Fortnightly" / "By ..."), the
    # metadata, a photo's caption or a notice ("Please turn on JavaScript") is no gap at all
    zero_head: set[int] = set()
    jump_lines: set[int] = set()
    sf = bs[head_end] if under_standfirst else None
    headed_sf = _under_headline(bs, head_end) and not _teaser_over_article(bs, head_end, head_late)
    if sf is not None and (sf.f.terminal or headed_sf) and sf.strong is None:
        by = min(i for i in under_standfirst if bylined(i))
        # (a word or two under the row of tools that no rule took, or a bare "By" over the name: "Bookmark" /
        # "Share" / "News" / "By" / "Jenny Parkes Court Reporter")
        if all(
            bs[i].strong is not None or i in role_lines or _tool_row_word(bs, i)
            for i in range(head_end + 1, by)
        ):
            upper = head_late  # (a notice that reads as prose ends the zone: "Please turn on JavaScript ...")
            while upper < n and _head_meta(bs[upper], bs[upper - 1]):
                upper += 1
            metadata = {i for i in range(head_end + 1, upper) if _head_meta(bs[i], bs[i - 1])}
            zero_head = under_standfirst | metadata
            # a jump list right above the article ("Jump to:" / "Best overall" / ...): no gap, and it goes
            body = next((i for i in range(upper, n) if bs[i].g.prose and bs[i].strong is None), n)
            jump = _jump_list(bs, body)
            # (its heading may be read as the metadata's last line: "Published 3 March 2025" / "Contents")
            if jump and head_end < jump.start <= upper:
                jump_lines = set(jump)
                zero_head |= jump_lines
            if any(
                bs[i].strong is None and i not in role_lines and _is_headline(bs[i]) and bylined(i + 1)
                for i in range(by + 1, upper - 1)
            ):
                # another headline with its own byline under the byline ("By Helen Marsh" / "Senior
                # Columnist" / "Trains to run ..." / "By Dan Hughes"): the prose above was a teaser with
                # its byline, not this article's standfirst
                zero_head, jump_lines = set(), set()
    # the headline right over such a standfirst is the article's: the region starts there, and the
    # title is that line, not a first line of chrome higher up ("Log in  Register")
    headline = head_end - 1 if (zero_head or headed) and headed_sf else None
    return _Head(
        frozenset(under_standfirst),
        frozenset(role_lines),
        frozenset(zero_head | headed),
        frozenset(jump_lines),
        headline,
    )


def _keep_listed_figures(bs: list[_Block], steps: set[int]) -> None:
    """A bare figure next to a line of figures is one of them (a match's attendance under its
    scorers, a rates table's first value), not a page's count of comments or shares ("1498 shares"):
    the counter rule lets go of it."""
    n = len(bs)
    for b in bs:
        bare = b.strong is not None and b.strong.id == _COUNTER and not any(c.isalpha() for c in b.f.text)
        around = (bs[j] for j in (b.index - 1, b.index + 1) if 0 <= j < n)
        if bare and b.index not in steps and any(_data_like(x) for x in around):
            b.strong, b.match = None, None


def _region_values(
    bs: list[_Block], head: _Head, steps: set[int], entries: set[int], bridged: set[int]
) -> tuple[list[float], int, list[int]]:
    """Step 2: each block's value for the article region, the first block of a comment section
    that starts below enough article text (``len(bs)`` when none): nothing from there on is article,
    and the blocks that mark the article's end (a tail marker's rule, not inline), in order."""
    n = len(bs)
    values: list[float] = []
    ends: list[int] = []
    total_prose = sum(b.f.words for b in bs if b.g.prose)
    prose_seen = 0
    comment_start = n
    # an entry's share buttons, right above the next entry's stamp ("... restore power." / "Share" /
    # "Posted at 14:05"): no end of the blog
    entry_tools: set[int] = set()
    for i in entries:
        j = i - 1
        while j > 0 and i - j <= _ENTRY_TOOLS and _rule_category(bs[j]) == Category.SHARE_WIDGET:
            entry_tools.add(j)
            j -= 1
    for b in bs:
        # a caption sits inside the article: the region values it as if no rule had matched it
        caption = b.strong is not None and b.strong.category == Category.CAPTION and not b.strong.tail_marker
        credited = caption
        # so does the metadata under a standfirst (byline, date): it does not cut the standfirst off
        caption = caption or b.index in head.under_standfirst
        entry_head = b.index - 1 in entries and b.strong is None and not b.g.prose  # "Altstadt gesperrt"
        if (
            b.index in steps
            or b.index in entries
            or b.index in entry_tools
            or b.index in head.zero_head
            or entry_head
            or _buy_button(b)
            or (b.strong is not None and b.strong.id.endswith("/deal-line"))
            or (entries and b.strong is not None and b.strong.id.endswith(_BLOG_TOOLS))
            or _interstitial(b)
        ):
            # a recipe's "1", "2", ... over each step, a live blog's "17:49", a shop button under each
            # product of a buying guide ("Buy now"), a review's deals widget between its verdict and its
            # specs ("Today's best ... deals" / "$279.99 at Amazon"): no gap (the button still goes, by
            # its rule); nor a live blog's controls between its key events and its entries ("Refresh",
            # "Pinned post", "Show 5 new updates"); nor a chain's markers between every paragraph ("Article
            # content", "Advertisement 1")
            v = 0.0
        elif b.index in bridged or _inline_link(bs, b.index):
            # a table's or a list of results' line, or an ad's label or a read-also link between its
            # parts, no gap (the label and the link still go, by their rules); nor a read-also link between
            # two paragraphs, however short the last ("Lue myös: Tutkimus: ..." / "Vastaavia kokeiluja ...")
            v = 0.0
        elif b.strong is not None and not caption:
            v = -(_RULE_PENALTY + b.f.words)
            inline = b.strong.category not in _COMMENT_CATS and _prose_follows(bs, b.index)
            if b.strong.tail_marker and not inline:
                v -= _TAIL_MARKER_PENALTY
                ends.append(b.index)
                if (
                    b.strong.category in _COMMENT_CATS
                    and comment_start == n
                    and prose_seen >= max(60.0, min(150.0, 0.3 * total_prose))
                ):
                    comment_start = b.index
        elif b.g.prose:
            v = float(b.f.words) * (1.0 - min(0.8, sum(r.weight for r in b.weak)))
            entry = any(b.index - k in entries for k in range(1, _ENTRY_REACH + 1))
            if b.g.words < 30 and _isolated(bs, b.index) and not entry:  # a teaser's one-line summary
                v *= 0.25
            prose_seen += b.f.words
        else:
            v = _shape_value(b.g) * b.share
        if credited and v < 0 and b.index > 0 and _paragraph_above(bs, b.index):
            # a photo's caption that a rule took, under a paragraph, is no gap either ("... (Foto: Ritzau
            # Scanpix)"); over the article (a gallery's "Image 1 of 23", a credit under the caption
            # sentence over it) it still is
            v = 0.0
        values.append(v)
    return values, comment_start, ends


def _inline_link(bs: list[_Block], i: int) -> bool:
    """Whether block ``i`` is a read-also link with its headline on its own line ("Lire aussi : Côtes-d'Armor.
    Faute de ...") between two paragraphs of prose, with the article's prose above it: set inside the article,
    however short its last paragraph under it (:func:`_prose_follows` asks for more)."""
    if not (0 < i < len(bs) - 1 and _between_results(bs[i]) and not _ad_label(bs[i])):
        return False
    above, below = bs[i - 1], bs[i + 1]
    return (
        all(x.g.prose and x.strong is None for x in (above, below))
        and below.f.words >= _LAST_PARAGRAPH_WORDS
        and sum(x.f.words for x in bs[max(0, i - _PROSE_ABOVE_LINES) : i] if x.g.prose and x.strong is None)
        >= _PROSE_ABOVE_WORDS
    )


_LAST_PARAGRAPH_WORDS = 15
"""Fewest words of the paragraph under a read-also link between paragraphs (:func:`_inline_link`)."""
_PROSE_ABOVE_LINES = 6
_PROSE_ABOVE_WORDS = 50
"""Fewest words of the article's prose in the lines right above a read-also link between paragraphs
(:func:`_inline_link`)."""


_INTERSTITIALS = ("/postmedia", "/numbered-slot")
"""Rules (by the end of their id) of markers a page sets between its paragraphs, no gap."""


def _interstitial(b: _Block) -> bool:
    """A marker a page sets between its paragraphs (:data:`_INTERSTITIALS`)."""
    return b.strong is not None and b.strong.id.endswith(_INTERSTITIALS)


_BLOG_TOOLS = ("/player-controls", "/js-required")
"""Rules (by the end of their id) of a live blog's controls, no gap in a blog with entries."""
_PARAGRAPH_ABOVE_WORDS = 20
"""A caption's credit right under prose of this many words stands between the article's paragraphs."""


def _paragraph_above(bs: list[_Block], i: int) -> bool:
    """Whether a paragraph of prose (:data:`_PARAGRAPH_ABOVE_WORDS` words or more, not a caption's
    sentence) stands right above ``bs[i]``."""
    above = bs[i - 1]
    return above.g.prose and above.g.words >= _PARAGRAPH_ABOVE_WORDS


@dataclass(frozen=True)
class _Cuts:
    """What :func:`_cuts` found around the region."""

    head: int
    """Blocks before this one are boilerplate by position (``head_cut``)."""
    tail: int
    """Blocks from this one on are boilerplate by position (``tail_cut``)."""
    first: int
    """The region's first block, moved up over the hard-wrapped first lines of its first sentence."""
    data: list[bool]
    """Per block: a data line (a figure, a detail line), or a line of a typeset table."""
    rows: list[int]
    """The rows of typeset tables of figures: content wherever they stand."""


def _cuts(
    doc: Document, bs: list[_Block], tables: _Tables, lo: int, hi: int, comment_start: int, teasers: int
) -> _Cuts:
    """Where boilerplate starts after the region and ends before it (steps 2 and 3).

    After the article, boilerplate starts at the first block with evidence (a rule, a teaser
    headline, a menu item, a comment section): a list that merely continues the article stays."""
    n = len(bs)
    from_html = doc.is_html
    data = [_data_like(b) for b in bs]
    listy = [d and ((i > 0 and data[i - 1]) or (i + 1 < n and data[i + 1])) for i, d in enumerate(data)]
    if tables.lines:
        data = [d or i in tables.lines for i, d in enumerate(data)]
    # plain text: the rows of typeset tables of figures (a wire story's results, prices, crop tables)
    rows = [] if from_html else _table_of_figures(doc.text, bs, listy)
    if len(tables.lines) >= max(3, 0.4 * n):
        # a text made mostly of typeset tables: every line of them is content wherever it stands,
        # like the rows above (a "--" line under the lead, a rule's match, cut off its crop tables)
        prose = sum(b.f.words for b in bs if b.g.prose)
        if sum(bs[i].f.words for i in tables.lines) >= prose:
            rows = sorted(tables.lines.union(rows))

    def near(b: _Block) -> tuple[tuple[bool, bool], _Block | None, bool]:
        i = b.index
        return (
            (i > 0 and listy[i - 1], i + 1 < n and listy[i + 1]),
            (bs[i + 1] if i + 1 < n else None),
            listy[i] or i in tables.lines or (i > 0 and _announcing(bs[i - 1])),
        )

    # the article's last sentence announces a list ("So sieht der Zeitplan aus:", "Here are the
    # places:"): the short lines below it are that list, until a rule says otherwise
    listed = _announced_list(bs, hi) if hi >= lo else hi
    tail_cut = next(
        (
            b.index
            for b in bs[hi + 1 :]
            if (_tail_evidence(b, *near(b)) and (b.index > listed or b.strong is not None))
            or b.index >= comment_start
        ),
        n,
    )
    if not from_html:
        tail_cut = _resume_under_list(bs, tail_cut, min(n, comment_start, teasers), listy)
    tail_cut = min(tail_cut, teasers)
    # before the article, likewise: boilerplate ends at the last block with evidence; not the first
    # lines of the article's first sentence, hard-wrapped into its paragraph ("Texas Air Corp said it
    # named Norman" / "McInnis as president of its Britt Airways unit, succeeding Bill")
    first = lo
    while first > 0 and lo - first < _LEAD_LINES and _leads_into(bs[first - 1], bs[first]):
        first -= 1
    head_cut = next((b.index + 1 for b in reversed(bs[:first]) if _tail_evidence(b, *near(b))), 0)
    if from_html:
        # text extracted from HTML: trafilatura already cut the page's chrome, so what is left around
        # the article is mostly content (lists, tables, details): only a tail marker (comment form,
        # "Related articles", paywall box) ends it; nothing before the article goes by position
        head_cut = 0
        tail_cut = next(
            (
                b.index
                for b in bs[hi + 1 :]
                if (b.strong is not None and b.strong.tail_marker) or b.index >= comment_start
            ),
            n,
        )
    return _Cuts(head_cut, tail_cut, first, data, rows)


def _score_blocks(
    doc: Document,
    bs: list[_Block],
    cfg: BoilerplateConfig,
    head: _Head,
    cuts: _Cuts,
    steps: set[int],
    banner: frozenset[int] = frozenset(),
) -> None:
    """Step 3: each block's score, category and rule: a strong rule's; outside the region
    ``_OUTSIDE_SCORE`` (but what stays there: ingredients, a first paragraph, prose, table rows;
    not a cookie banner's paragraphs, ``banner``); inside it, the weak rules' summed weights."""
    n = len(bs)
    from_html = doc.is_html
    head_cut, tail_cut = cuts.head, cuts.tail
    table = set(cuts.rows)
    # two or more lone paragraphs of prose above the region, each next to a date or time stamp, are
    # a list of teasers, however long their summaries
    firsts = [b for b in bs[:head_cut] if b.g.prose and (b.index == 0 or bs[b.index - 1].g is not b.g)]
    lone_of = {id(b.g): _isolated(bs, b.index) for b in firsts}
    teaser_list = sum(1 for b in firsts if lone_of[id(b.g)] and _stamped(bs, b)) >= 2
    ingredients = set() if from_html else _ingredients_above(bs, cuts.first, steps)
    # the article's first paragraph right under its byline, and its lead right under a headline that
    # opens the text
    firsts_kept = set() if from_html else {_under_first_byline(bs), _under_first_headline(bs)} - {-1}
    for i in list(firsts_kept):  # with the hard-wrapped lines of its paragraph
        j = i + 1
        while j < n and bs[j].g is bs[i].g:
            firsts_kept.add(j)
            j += 1
    for i in ingredients:
        held = bs[i].strong
        if held is not None and held.id == _COUNTER:
            bs[i].strong = None  # a bare quantity of the list ("4" over "Eier") is no count
    for b in bs:
        if b.strong is not None:
            b.score = max(1.0, b.strong.weight)
            b.category, b.rule = b.strong.category, b.strong.id
            continue
        if b.index in head.jump_lines:
            b.score, b.category, b.rule = 1.0, Category.NAVIGATION, "navigation/jump-list"
            continue
        if b.index in head.role_lines:
            if b.f.date or _TIME.search(b.f.text):  # "NOS Nieuws • vandaag, 14:32"
                b.score, b.category, b.rule = 1.0, Category.OTHER, HEAD_DATE
            else:
                b.score, b.category, b.rule = 1.0, Category.BYLINE, "byline/role"
            continue
        if b.index < head_cut and b.index in ingredients:
            continue  # a recipe's ingredient list above its steps
        if b.index < head_cut or b.index >= tail_cut:
            if b.index < head_cut and b.index in firsts_kept:
                continue  # the article's first paragraph under its byline, or its lead under the headline
            if b.index < head_cut and b.index not in banner and _prose_above(b, teaser_list, lone_of):
                # prose above the region is the article's (its first paragraphs, above a schedule
                # or a fact box, when the region found the reader comments below; its lead,
                # above a photo and share buttons): position alone does not remove it; a short
                # lone paragraph between short lines (a teaser's summary, a standfirst) still goes
                continue
            if b.index in table:
                # a row of a typeset table of figures is content wherever it stands: only a rule
                # removes it (before, 33 of the 20,000 news texts lost 636 such rows by position,
                # a whole results table above the one line that read like prose)
                continue
            b.score = _OUTSIDE_SCORE
            if sum(r.weight for r in b.weak) >= _WEAK_CLASS:
                # its weak rules name its class ("Cele mai importante știri ale zilei, ... direct în inbox.")
                top = max(b.weak, key=lambda r: r.weight)
                b.category, b.rule = top.category, top.id
            continue
        if b.weak:
            s = sum(r.weight for r in b.weak)
            if not b.g.prose and b.f.words <= 12:
                s += _SHAPE_BONUS
            if _QUOTE_OR_SAID.search(b.f.text):
                s -= 0.4
            if (
                b.g.prose
                and b.f.words >= _WEAK_PROSE_WORDS
                and all(r.category != Category.CAPTION for r in b.weak)
            ):
                # a long sentence of prose that names the things chrome names ("... the humble email
                # newsletter, not the hard paywall, is doing ..."): its words weigh less (a photo's
                # description is prose by nature)
                s -= _WEAK_PROSE_DISCOUNT
            top = max(b.weak, key=lambda r: r.weight)
            b.score = s
            if s >= cfg.threshold:
                b.category, b.rule = top.category, top.id


_SOURCE_NOTE = re.compile(
    r"(?:fuente|fuentes|quelle|quellen|source|sources|bron|fonte|fontes|źródło|zdroj|kilde|källa|lähde): \S",
    re.IGNORECASE,
)
"""A source's label ("Fuente: Vitrea", "Quelle: Destatis"), not a photo's ("Foto: ...")."""


def _table_sources(bs: list[_Block], tables: _Tables, threshold: float) -> None:
    """Step 3: a source's note right under a table's last row ("Deuda financiera neta\t118,6\t142,3\t-16,7%" /
    "Fuente: Vitrea") is the table's, kept, though a photo credit's rule took it (a credit's label may be a
    source's: "Fuente: EFE" under a caption)."""
    for b in bs[1:]:
        above = bs[b.index - 1]
        if (
            b.strong is not None
            and b.strong.category == Category.CAPTION
            and _SOURCE_NOTE.match(b.f.text) is not None
            and (above.index in tables.lines or _data_like(above))
            and above.score < threshold
        ):
            b.score, b.category, b.rule = 0.0, None, ""


def _institution_credit(bs: list[_Block], i: int) -> bool:
    """Whether ``bs[i]`` is a photo's credit to a person at an institution (:data:`_INSTITUTION_CREDIT`),
    no rule's, and not one of a list of such lines (an open letter's signatories, experts' places)."""
    b, under = bs[i], (bs[i + 1] if i + 1 < len(bs) else None)
    return (
        b.strong is None
        and b.score < 0.5
        and _INSTITUTION_CREDIT.fullmatch(b.f.text) is not None
        and not (under is not None and _INSTITUTION_CREDIT.fullmatch(under.f.text))
    )


def _adjacent_captions(bs: list[_Block], threshold: float) -> None:
    """Captions: the line just above a credit line (same paragraph), and its exact copies.

    Not a sentence that ends in a colon over a list under the credit (it announces the list).

    Not a hard-wrapped line that continues the sentence above ("... in" / "reply to a
    shareholder's inquiry." over a "Reuters" sign-off), which starts mid-sentence, nor the
    article's last paragraph over the agency's sign-off ("... shared with the region." /
    "Reuters"): a bare agency name with nothing kept after it, under prose; nor the text's first
    kept line, a headline, over the wire story's source with prose under it ("Seltener Luchs im
    Pfälzerwald gefilmt" / "dpa" / "Eine Wildkamera hat ..."), nor a headline over the source and the
    head's date or byline."""
    n = len(bs)
    # a page copied without blank lines: its lines are its paragraphs, and a photo's credit stands
    # between the caption over it and the article's next paragraph under it, all in one "paragraph"
    flat = n > 0 and bs[0].paragraph == bs[-1].paragraph
    first_kept = next((b.index for b in bs if b.score < threshold), n)
    kept_after = n  # the first block from which on nothing is kept
    while kept_after > 0 and bs[kept_after - 1].score >= threshold:
        kept_after -= 1
    for b in reversed(bs):
        if b.index + 1 >= n or b.continues:
            continue
        if b.category is not None and b.score >= threshold:
            if b.category == Category.CAPTION and _institution_credit(bs, b.index + 1):
                # "Figure 2: Cells under a microscope ..." / "Ruth Okonjo/University of Dunmarsh"
                nxt = bs[b.index + 1]
                nxt.score, nxt.category, nxt.rule = 1.0, Category.CAPTION, _SLASH_CREDIT
            continue
        nxt = bs[b.index + 1]
        # (a long caption over a credit that names the outlet the photo was taken for: "A city crew applies a
        # reflective coating ... The coating lowers ..." / "Jessica Tran for NPR")
        for_outlet = nxt.strong is not None and nxt.strong.id == _FOR_OUTLET
        too_long = b.f.words > 45 or (b.g.prose and b.f.words > 30 and not for_outlet)
        credit = nxt.category == Category.CAPTION or (
            nxt.strong is None and _INSTITUTION_CREDIT.fullmatch(nxt.f.text) is not None
        )
        under = bs[nxt.index + 1] if nxt.index + 1 < n else None
        if _lead_photo(bs, b, threshold, flat):
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/adjacent-credit"
            if nxt.score < threshold:  # (the photographer's bare name)
                nxt.score, nxt.category, nxt.rule = 0.8, Category.CAPTION, "caption/adjacent-credit"
            continue
        if nxt.paragraph != b.paragraph or not credit or too_long:
            continue
        after = under
        if b.f.text.endswith(":") and b.g.prose and after is not None and after.f.bullet:
            continue  # it announces the list under the credit ("... Vorkehrungen:" / "Foto: X" / "- ...")
        paragraph = b.f.words >= _STOCK_PARAGRAPH_WORDS or _SENTENCE_END.search(b.f.text) is not None
        if b.g.prose and b.f.terminal and paragraph and _STOCK_CREDIT.search(nxt.f.text):
            continue  # a paragraph over a stock photo's credit
        if (
            nxt.rule == _AGENCY_CREDIT
            and b.g.prose
            and nxt.index >= kept_after
            and _SIGN_OFF.match(nxt.f.text)
        ):
            continue  # a sign-off
        if (
            nxt.rule == _AGENCY_CREDIT
            and _SIGN_OFF.match(nxt.f.text)
            and _is_headline(b)
            and under is not None
            # (not under the byline: a photo's caption between the byline and the date)
            and (b.index == 0 or _rule_category(bs[b.index - 1]) != Category.BYLINE)
            and (
                (b.index == first_kept and under.g.prose)
                or (under.f.date and not under.g.prose)
                or _rule_category(under) in (Category.BYLINE, Category.READING_TIME)
            )
        ):
            # a wire story's source under its headline, over its lead or the head's date or byline
            # ("Seltener Luchs ... gefilmt" / "dpa" / "Eine Wildkamera hat ...", "Chile's copper output
            # slides 6% ..." / "Reuters" / "May 3, 2024 at 10:15 AM")
            continue
        # in a page without blank lines, the article's next paragraph under the credit: a longer line of
        # prose (not the caption under its credit), with the article going on; the line over the
        # credit is its caption only when no sentence could be the article's: without a full stop
        # ("Finanzminister Matthias Reinhold am Mittwoch im Bundestag") or a place before a colon
        # ("In einer Kita in Winterthur: Die Tarife ..."); a short paragraph of one sentence stays
        # ("Die Feuerwehr ist seit Sonntag im Einsatz." / "Foto: dpa" / "Ein Löschzug vor ...")
        article_under = (
            flat
            and under is not None
            and under.g.prose
            and under.f.words > b.f.words
            and nxt.index < kept_after
            and under.score < threshold
            and (not b.f.terminal or _CAPTION_PLACE.match(b.f.text) is not None)
        )
        photo = _PHOTO_LABEL.match(nxt.f.text.lstrip("([")) is not None  # ("(Foto: Henning Bagger ...)")
        # a caption's word in capitals before its colon, over a photo's credit, is a caption whatever its
        # sentences (Norwegian, Danish, Swedish papers: "BILLIGERE: Fra 1. juli skal det koste ..." /
        # "Foto: ...")
        captioned = photo and _CAPS_KICKER.match(b.f.text) is not None
        # a paragraph of its own of two lines, a caption's sentences over a photo's labelled credit
        # ("Vindmøllerne ved Anholt har stået næsten stille i flere dage. Det er med til at presse elprisen
        # op." / "Foto: Jens Nørgaard/Ritzau Scanpix"), the credit naming its photographer: a caption, not the
        # article's paragraph over a lone agency's credit ("Die Kosten trägt das Land. Die Stadt muss ..." /
        # "Foto: dpa")
        # (or a credit to whoever lent the picture: "A cross-section of a converted well. Cold water ..." /
        # "Courtesy of Hearthwell")
        courtesy = nxt.strong is not None and _COURTESY.match(nxt.f.text) is not None
        captioned = captioned or (
            ((photo and _NAMED_CREDIT.search(nxt.f.text) is not None) or courtesy)
            and b.index > 0
            # (not in a page without blank lines, where the article's last paragraph may stand over a photo's
            # credit: "Die Feuerwehr konnte ..." / "Fotos: Sasi Ponchaisang/123RF" / "Mehr zum Thema:"; nor
            # over prose in the credit's paragraph, which could be its caption)
            and not flat
            and bs[b.index - 1].paragraph != b.paragraph
            and (
                under is None
                or under.paragraph != nxt.paragraph
                or under.strong is not None
                or not under.g.prose
            )
        )
        # (a caption's sentences that say the photo is an archive's over its credit: "Havsörnen har återhämtat
        # sig kraftigt sedan miljögifterna förbjöds. Arkivbild." / "Foto: TT")
        captioned = captioned or (photo and _ARCHIVE_PHOTO.search(b.f.text) is not None)
        caption_over = (
            not (b.g.prose and b.f.terminal and paragraph and not captioned)
            and _caption_like(b)
            # (a credit over its caption in one paragraph is the lower line's: "Foto: dpa" / "Ein Bus ...";
            # but a line with no full stop over a credit over chrome a rule took is a caption: "Una
            # cosechadora trabaja en ..." / "Crédito: Gentileza Viñateros Unidos" / "Seguir leyendo:")
            and (
                captioned
                or article_under
                or not (under is not None and under.paragraph == nxt.paragraph)
                or (
                    under is not None
                    and under.strong is not None
                    and not b.f.terminal
                    and b.f.words <= _FLAT_CAPTION_WORDS
                )
            )
        )
        # (a credit rule that knows no label but the line has one: "(Foto: Henning Bagger © Ritzau Scanpix)")
        labelled = (nxt.rule in _LABELLED_CREDITS or nxt.rule in _SYMBOL_CREDITS) and photo and caption_over
        # (a bare credit, not a caption with its credit at its end: "Il cantiere ... (Ti-Press)")
        symbol = (
            nxt.rule in _SYMBOL_CREDITS
            and nxt.f.words <= _BARE_CREDIT_WORDS
            and article_under
            and caption_over
        )
        # a bare "Name/Agency" credit under its caption; "Name/Institution" ("Halvard Moen/Polar Survey of
        # Norway") only alone, not in a list of them (an open letter's signatories, experts and their places)
        institution = _institution_credit(bs, nxt.index) and _INSTITUTION_CREDIT.fullmatch(b.f.text) is None
        slashed = (nxt.rule == _SLASH_CREDIT or institution) and caption_over
        if institution and slashed:
            nxt.score, nxt.category, nxt.rule = 1.0, Category.CAPTION, _SLASH_CREDIT
        if (
            nxt.rule in _CREDIT_CATS
            or labelled
            or symbol
            or slashed
            or (courtesy and caption_over)
            or nxt.f.text.startswith(b.f.text)
            or nxt.rule == "caption/adjacent-credit"
        ):
            if nxt.rule == "caption/adjacent-credit" and not nxt.f.text.startswith(b.f.text):
                continue
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/adjacent-credit"


def _markdown_title(doc: Document, bs: list[_Block], lo: int) -> int | None:
    """The page's one first-level Markdown heading at or above the article ("# Why we stopped autoscaling
    our build farm"), no rule on it, when the document has no title yet: a page turned into Markdown
    marks its headline so, its subheadings "##"; else None."""
    if doc.title or doc.is_html:
        return None
    h1 = [b.index for b in bs if b.heading and doc.text.startswith("# ", b.start)]
    if len(h1) != 1 or h1[0] > lo or bs[h1[0]].strong is not None:
        return None
    return h1[0]


_MARKDOWN_IMAGE = "caption/xx/markdown-image"
_MARKDOWN_CAPTION_WORDS = 60
"""Longest line in emphasis under a Markdown image that :func:`_markdown_captions` takes."""


def _markdown_captions(bs: list[_Block], threshold: float) -> None:
    """A line in emphasis as a whole right under a Markdown image, as Markdown writers set a figure's
    caption ("![Build times](https://.../chart.png)" / "*Median build duration by week. ...*"), goes with
    the image as ``caption/markdown-emphasis``."""
    for b in bs[1:]:
        above = bs[b.index - 1]
        if (
            b.emphasis
            and b.score < threshold
            and b.f.words <= _MARKDOWN_CAPTION_WORDS
            and above.rule == _MARKDOWN_IMAGE
        ):
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/markdown-emphasis"


_LEAD_CAPTION_WORDS = 25
"""Most words of the lead photo's caption over its credit, each a paragraph (:func:`_lead_photo`)."""
_LEAD_STANDFIRST_WORDS = 40
"""Most words of a standfirst kept alone over the lead photo's caption (:func:`_lead_photo`)."""


def _lead_photo(bs: list[_Block], b: _Block, threshold: float, flat: bool) -> bool:
    """Whether ``b``, the first line kept under the head's headline and standfirst, is the lead photo's
    caption: at most :data:`_LEAD_CAPTION_WORDS` words, over a photo's credit (labelled, or the photographer
    and the agency; in its paragraph or another), over the article's first
    paragraph, twice as long at least ("Vecinos de la colonia Lomas del Mirador llenan cubetas ..." / "Foto:
    Cuartoscuro" / "QUERÉTARO, Qro.- A partir del próximo lunes, ..."; "Sen. Ruth Calder speaks with reporters
    ..." / "Kent Nishimura/Getty Images" / "Washington (CNN) — ..."); in a page without blank lines too, where
    the lines are the paragraphs. A credit with no label ("© Belga") counts right under the head's tools only
    (share buttons, the date, the byline)."""
    i = b.index
    if i + 2 >= len(bs) or b.f.words > _LEAD_CAPTION_WORDS:
        return False
    nxt, under = bs[i + 1], bs[i + 2]
    # (a source's label with the photographer's name behind the agency is a photo's too: "Quelle:
    # pa/dpa/Moritz Kernbach")
    labelled = nxt.rule in _LABELLED_CREDITS and (
        _PHOTO_LABEL.match(nxt.f.text) is not None or _AGENCY_PHOTOGRAPHER.search(nxt.f.text) is not None
    )
    # (or the photographer and the agency, "Kent Nishimura/Getty Images", "Urs Flüeler / Keystone"; not a bare
    # name, which has a Title Case subheading's shape: "The city council has approved ..." / "Spending Plans")
    slashed = nxt.rule in _SLASHED_CREDITS
    # (or an agency's bare credit behind its symbol in the caption's paragraph, "© Belga", VRT NWS's lead
    # photo under the share buttons; not a paragraph's own, the lead's over an inline photo: "More than 1.2
    # million homes ..." / "© AFP")
    slashed = slashed or (
        nxt.rule in _SYMBOL_CREDITS
        and nxt.f.words <= _BARE_CREDIT_WORDS
        and nxt.paragraph == b.paragraph
        and not flat
    )
    # (or the photographer's bare name under a caption in the present tense, as US papers set it: "Sen. Carla
    # Westbrook (R-Mont.) speaks to reporters outside the Senate chamber ..." / "Greg Nash")
    slashed = slashed or (
        nxt.strong is None
        and not nxt.weak
        and _NAME_LINE.match(nxt.f.text) is not None
        and _CAPTION_VERB.match(b.f.text) is not None
        # (one sentence: "... holds firm. Here is our team ..."; "Sen." is no sentence's end)
        and all(m.group(1).lower() in _ABBREVIATIONS for m in _INNER_SENTENCE.finditer(b.f.text))
    )
    if not (
        (labelled or slashed)
        # (in a page without blank lines, the lines themselves are the paragraphs)
        and (flat or under.paragraph != nxt.paragraph)
        and under.g.prose
        # (a lead as long as the paragraph under it is the article's; not over a lead that opens with its
        # dateline, "RIDGEFIELD — Customers of ...", which is the article's first paragraph)
        and under.f.words >= (1 if _DATELINE_LEAD.match(under.f.text) else 2) * b.f.words
        and _caption_like(b)
    ):
        return False
    if not labelled and (i == 0 or _rule_category(bs[i - 1]) not in _HEAD_METADATA):
        # (a credit of no label right under the head's tools, not under a heading no rule took: "Purpose of
        # the Review" / "The purpose of the review is ..." / "Recent Findings" / "The most commonly ...")
        return False
    # under the head's chrome (the byline, the date, share buttons); above, only the headline (maybe a long
    # one that reads as prose) and the standfirst, or the standfirst alone (the headline went by a rule)
    kept = [x for x in bs[:i] if x.score < threshold]
    if not kept:
        return True
    head = _is_headline(kept[0], prose=True) or (len(kept) == 1 and kept[0].f.words <= _LEAD_STANDFIRST_WORDS)
    return len(kept) <= 2 and bs[i - 1].score >= threshold and head


_DATELINE_LEAD = re.compile(
    r"(?:[A-ZÀ-Ý][A-ZÀ-Ý\x27’.-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý\x27’.-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2})?"
    r"(?: \([^()]{2,30}\))?"
    r"|[A-Z][\w.\x27’-]+(?: [A-Z][\w.\x27’-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2})? \([^()]{2,30}\))"
    r"(?: [—–-]{1,2} ?|[—–]{1,2} ?|(?<=[.)])-{1,2} )\w"
)
"""A wire story's dateline that opens its first paragraph: "MANILA, Philippines — ", "SINGAPORE - ",
"MILLBROOK, Tenn. (WKTN) - ", "Washington (CNN) — "; not a word with a hyphen, "US-based ..."."""
_DATELINE_CAPTION_WORDS = 40
"""Most words of a photo's or a video's caption over a lead that opens with a dateline
(:func:`_dateline_captions`)."""


def _dateline_captions(bs: list[_Block], threshold: float) -> None:
    """The caption of the lead photo or video with no credit, between the head's lines that rules removed
    (the byline, the date, share buttons, a gallery's arrows) and the article's first paragraph when that
    opens with a dateline (:data:`_DATELINE_LEAD`), which marks where the article starts ("Share" /
    "Commuters shield themselves from the midday sun ..." / "MANILA, Philippines — At least 17 areas ..."),
    goes as ``caption/over-dateline``: one finished line, no rule, a caption's shape (:func:`_caption_like`),
    no quotation, at most :data:`_DATELINE_CAPTION_WORDS` words and no more than the lead's; above it kept
    only the headline and its standfirst, or nothing."""
    n = len(bs)
    for b in bs[1 : n - 1]:
        if b.score >= threshold:
            continue
        i = b.index
        up, lead = bs[i - 1], bs[i + 1]
        if (
            b.strong is not None
            or b.weak
            or not 3 <= b.f.words <= _DATELINE_CAPTION_WORDS
            or up.score < threshold
            or up.strong is None
            or lead.score >= threshold
            or not lead.g.prose
            or lead.f.words < b.f.words
            or _DATELINE_LEAD.match(lead.f.text) is None
            or _DATELINE_LEAD.match(b.f.text) is not None
            or not _caption_like(b)
            or not b.f.terminal  # (a standfirst under the byline has no full stop; a caption has one)
            or _QUOTE_OR_SAID.search(b.f.text) is not None
        ):
            continue
        # (not counting a gallery's arrows, still kept here: "Prev" / "Next")
        kept = [x for x in bs[:i] if x.score < threshold and x.f.words > 2]
        if not kept or (len(kept) <= 2 and _is_headline(kept[0], prose=True)):
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/over-dateline"
        return  # (the first kept line under the head's tools only)


_PHOTO_CUE = re.compile(
    r"(open this (photo|image) in gallery|enlarge this (image|photo)|view (image|photo) in full ?screen"
    r"|expand (image|photo))\b:?",
    re.IGNORECASE,
)
"""A photo's button on a line of its own, over the photo's caption ("Open this photo in gallery:")."""
_MONEY = re.compile(
    r"\d\s?(euro|euros|eur|dollars?|pounds?|franken|chf|zł|złotych|kronor|kroner)\b", re.IGNORECASE
)
"""An amount of money in words ("bis zu 850 Euro"); :attr:`BlockFeatures.price` knows the signs."""
_HIDE_CAPTION = re.compile(r"hide caption", re.IGNORECASE)
_SHOW_CAPTION = re.compile(r"show caption", re.IGNORECASE)
"""A photo's or a video's button over its caption, as US chains set it ("Show Caption" / "Hide Caption" / the
caption); not NPR's "toggle caption", which stands under it."""
_CUED_CAPTION_WORDS = 45
"""Most words of a caption under a photo's button or a gallery's label (:func:`_cued_captions`)."""


def _cued_captions(bs: list[_Block], threshold: float) -> None:
    """A photo's caption right under its button or its gallery's label, over its credit: a rule's, or the
    photographer's bare name ("Open this photo in gallery:" / "Cranes load a container ship at the South End
    terminal ..." / "Riley Cormier/The Globe and Mail"; "Fotogaleria" / "A barragem de Odeleite ... em
    Janeiro" / "Miguel Manso"), goes as ``caption/under-cue``, the bare name too; up to
    :data:`_CUED_CAPTION_WORDS` words, no rule (the article's lead under a gallery has no credit under it);
    the button too, when no rule took it ("Enlarge this image")."""
    n = len(bs)
    for b in bs[: n - 2]:
        # (or a player's "Hide Caption" under its "Show Caption", over the caption, as US chains set them;
        # not a "Hide caption" toggle under its caption)
        toggled = (
            _HIDE_CAPTION.fullmatch(b.f.text) is not None
            and b.index > 0
            and _SHOW_CAPTION.fullmatch(bs[b.index - 1].f.text) is not None
        )
        button = _PHOTO_CUE.fullmatch(b.f.text) is not None or toggled
        gallery = b.strong is not None and b.strong.id == "caption/xx/gallery" and b.score >= threshold
        if not (button or gallery):
            continue
        cap, credit = bs[b.index + 1], bs[b.index + 2]
        if cap.strong is not None or cap.f.bullet or not 3 <= cap.f.words <= _CUED_CAPTION_WORDS:
            continue
        if toggled and not cap.f.terminal:
            # (a video's title under the player's "Hide Caption", no credit under it: "How daylight saving
            # time affects your sleep"; its summary under it may be the article's first paragraph as well)
            cap.score, cap.category, cap.rule = 0.8, Category.CAPTION, "caption/under-cue"
            continue
        named = credit.strong is None and not credit.weak and _NAME_LINE.match(credit.f.text) is not None
        if _rule_category(credit) != Category.CAPTION and not named:
            continue
        # (the button goes too when no rule took it: "Enlarge this image")
        for x in (b, cap, credit) if named else (b, cap):
            if x.score < threshold:
                x.score, x.category, x.rule = 0.8, Category.CAPTION, "caption/under-cue"


def _gallery_counters(bs: list[_Block], threshold: float) -> None:
    """A gallery's bare counter right above or below a caption ("1 of 4" / "A helicopter drops water
    ... (Photo: Cal Fire)") goes as ``caption/gallery-counter``; not a figure that a heading or a
    list announces ("Penalties scored:" / "1/4")."""
    n = len(bs)
    counters: list[tuple[_Block, str]] = []
    for b in bs:
        if b.score >= threshold or b.strong is not None:
            continue
        m = _GALLERY_COUNTER.fullmatch(b.f.text)
        if m is None:
            continue
        if b.index > 0 and (bs[b.index - 1].f.text.endswith(":") or _data_like(bs[b.index - 1])):
            continue
        if m[2] != "/" and int(m[1]) <= int(m[3]):  # "1 of 10", not a fraction ("1/2" cup)
            counters.append((b, m[3]))
        near = [bs[i] for i in (b.index - 1, b.index + 1) if 0 <= i < n]
        if any(x.category == Category.CAPTION and x.score >= threshold for x in near):
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/gallery-counter"
    # a gallery whose captions are its text counts its photos all the same ("1 of 10" ... "5 of 10"): two
    # counters or more of one total go, whatever stands beside them
    totals = Counter(total for _, total in counters)
    for b, total in counters:
        if totals[total] >= 2 and b.score < threshold:
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/gallery-counter"


_VIDEO_LABEL = re.compile(
    r"(?:▶ ?)?(?:(?:watch|play|see|ver|guarda|bekijk|kijk)(?: the| il| de)? ?)?"
    r"(?:video|vídeo|vidéo|wideo|filmpje)(?: ansehen| abspielen| afspelen)?:?",
    re.IGNORECASE,
)
"""A video player's label on a line of its own ("Video", "▶ Play video", "Watch video", "Bekijk video")."""
_WATCH_LABEL = re.compile(r"watch|bekijk|kijk|regardez|mira|guarda|ansehen", re.IGNORECASE)
_PICK_LABEL = re.compile(
    r"read|listen|play|lees|luister|lee|escucha|lire|écouter|lesen|hören|leggi|ascolta", re.IGNORECASE
)
"""A picks column's other verbs alone on a line ("Watch" / ... / "Read" / ... / "Listen"): no video's label
there."""
_PICKS_REACH = 8
"""Lines on each side of a video's verb label where :data:`_PICK_LABEL` rules the label out."""
"""A video's label as the verb alone ("Bekijk", VRT NWS's), over the video's title in a paragraph of their
own."""
_PLAYER_PROMPT = re.compile(
    r"please use (?:the )?chrome browser for a more accessible video player", re.IGNORECASE
)
"""A video player's prompt on a line of its own, the video's title under it with no length (Sky's pages)."""
_VIDEO_LENGTH = re.compile(r"(?:\d{1,2}:)?\d{1,2}:\d\d(?: ?min)?")
"""A video's length ("02:41", "1:02:41", "3:05 min")."""
_VIDEO_TITLE_WORDS = 25
"""Most words of a video's title under its label."""


_AD_COPY_WORDS = 35
"""Most words of an ad's copy under its label between the article's paragraphs (:func:`_ad_copies`)."""
_AD_COPY_MIN_WORDS = 8
"""Fewest: a shorter line under an ad's label is the article's next subheading ("How the new charges
compare")."""
_AD_CONTEXT_LINES = 3


_SPONSORED_LABEL = re.compile(
    r"sponsored|sponsored content|paid content|partner content|advertorial|paid post"
    r"|contenido patrocinado|gesponsord|gesponsert|sponsorisé|sponsorizzato|patrocinado",
    re.IGNORECASE,
)
"""A sponsored story's label ("Sponsored", "Partner content"): the headline under it is the sponsor's (not
"Promoted", a league table's heading too)."""


def _ad_copies(bs: list[_Block], threshold: float) -> None:
    """An ad's one line of copy right under its label, between the article's paragraphs ("Anzeige" / "Jetzt
    Angebot sichern: Ihre neue Einbauküche zum Frühjahrspreis ..." / the article's next paragraph), goes
    as ``advertisement/ad-copy``: no rule, :data:`_AD_COPY_MIN_WORDS` to :data:`_AD_COPY_WORDS` words, a
    call to buy, watch or sign up (:data:`_PROMO_WORDS`) that opens it ("The deal is expected to close ..."
    is the article's) or a headline's shape with a rule's line of chrome under it (a sponsored story's
    headline: "Brand connect" / "Logistica, come l'intelligenza artificiale taglia ..." / "Loading..."), or a
    headline's shape under a sponsored story's label (:data:`_SPONSORED_LABEL`: "Sponsored" / "Three signs
    your car insurance is costing you too much"), and no word of five letters or more shared with the
    article's lines around it (its paragraph under the label, "Residents can sign up for the alerts ...", is
    about the article's subject)."""
    n = len(bs)
    for b in bs[: n - 1]:
        if b.score < threshold or not _ad_label(b):
            continue
        copy = bs[b.index + 1]
        under = bs[b.index + 2] if b.index + 2 < n else None
        # (or a sponsored story's headline boxed between the label and the box's next chrome: "Brand
        # connect" / "Logistica, come l'intelligenza artificiale taglia i tempi ..." / "Loading...")
        boxed = (
            _headline_shaped(copy.f)
            and under is not None
            and under.strong is not None
            and under.score >= threshold
            and not under.g.prose
        )
        # (or a call further in a line with no full stop: "Strom- und Gastarife vergleichen: Jetzt den
        # Tarifrechner nutzen und bis zu 850 Euro im Jahr sparen")
        # (with a price or an amount of money, or speaking to the reader: not the article's subheading
        # "Where to watch the fireworks ...")
        called = (
            not copy.f.terminal
            and _PROMO_WORDS.search(copy.f.text) is not None
            and (
                copy.f.price
                or _MONEY.search(copy.f.text) is not None
                or _TO_READER.search(copy.f.text) is not None
            )
        )
        # (or a sponsored story's headline under its label: "Sponsored" / "Three signs your car insurance is
        # costing you too much")
        sponsored = (
            _SPONSORED_LABEL.fullmatch(b.f.text) is not None
            and _headline_shaped(copy.f)
            and not copy.f.terminal
        )
        if (
            copy.score >= threshold
            or copy.strong is not None
            or copy.f.bullet
            or not _AD_COPY_MIN_WORDS <= copy.f.words <= _AD_COPY_WORDS
            or (_PROMO_WORDS.match(copy.f.text) is None and not boxed and not called and not sponsored)
        ):
            continue
        around = [
            x
            for x in bs[max(0, b.index - _AD_CONTEXT_LINES) : b.index + 2 + _AD_CONTEXT_LINES]
            if x is not copy and x.score < threshold
        ]
        if not around or _content_words(copy.f.text) & _content_words(" ".join(x.f.text for x in around)):
            continue
        copy.score, copy.category, copy.rule = 0.8, Category.ADVERTISEMENT, "advertisement/ad-copy"


def _video_blocks(bs: list[_Block], threshold: float) -> None:
    """A video player dumped as text: its label, its title and its length, in that order or the length
    over the title ("Video" / "Riverbend bridge closure will add miles to morning commutes" / "02:41"):
    the title goes as ``caption/video-title``, the label and the length as ``other/video-player``; a
    timetable's entry without the label over it ("Kick-off" / "15:30") is none. With no length, the label
    right under the head's date or byline and a headline-shaped title over the article's next paragraph
    ("Publié le ..." / "Vidéo" / "Clémence Arnaud dévoile les coulisses ..." / a paragraph). Under a
    player's prompt (:data:`_PLAYER_PROMPT`), the title alone ("Please use Chrome browser for a more
    accessible video player" / "Highlights of the Sky Bet Championship match between ..."). Under the
    verb alone (:data:`_WATCH_LABEL`), the title alone, the two a paragraph of their own ("Bekijk" /
    "Landbouwers in de Westhoek hopen op regen: ...")."""
    n = len(bs)
    for b in bs[: n - 1]:
        prompt = _PLAYER_PROMPT.fullmatch(b.f.text) is not None
        watch = _WATCH_LABEL.fullmatch(b.f.text) is not None
        if _VIDEO_LABEL.fullmatch(b.f.text) is None and not prompt and not watch:
            continue
        one = bs[b.index + 1]
        two = bs[b.index + 2] if b.index + 2 < n else one
        if watch:
            # the verb alone and the title, a paragraph of their own ("Bekijk" / "Landbouwers in de Westhoek
            # hopen op regen: ..."); not a column of picks, its other verbs alone too ("Watch" / ... / "Read")
            alone = (
                b.index == 0 or bs[b.index - 1].paragraph != b.paragraph
            ) and one.paragraph == b.paragraph
            near = bs[max(0, b.index - _PICKS_REACH) : b.index + _PICKS_REACH]
            picks = any(_PICK_LABEL.fullmatch(x.f.text) for x in near)
            if picks or not (alone and (two is one or two.paragraph != one.paragraph) and not one.f.terminal):
                continue
            title, length = one, None
        elif prompt and _VIDEO_LENGTH.fullmatch(one.f.text):
            title, length = two, one  # (the length over the title)
        elif prompt:
            title, length = one, None
        elif one is two:
            continue
        elif _VIDEO_LENGTH.fullmatch(two.f.text):
            title, length = one, two
        elif _VIDEO_LENGTH.fullmatch(one.f.text):
            title, length = two, one
        elif (
            not one.f.terminal
            and _headline_shaped(one.f, 4)
            and two.g.prose
            and two.strong is None
            and b.index > 0
            and _rule_category(bs[b.index - 1]) in _HEAD_METADATA
        ):
            # no length: the title over the article's next paragraph, the label right under the head's date
            # or byline (not a menu's "Video" over the headline, nor a subheading's label between paragraphs)
            title, length = one, None
        else:
            continue
        if title.strong is not None or not 2 <= title.f.words <= _VIDEO_TITLE_WORDS or title.f.bullet:
            continue
        for x, cat, rule in (
            (b, Category.OTHER, "other/video-player"),
            (title, Category.CAPTION, "caption/video-title"),
            (length, Category.OTHER, "other/video-player"),
        ):
            # (a line a rule took keeps its rule's class: "02:41" as a date)
            if x is not None and x.strong is None:
                x.score, x.category, x.rule = max(x.score, 0.8), cat, rule


_KICKER_CAPTION = re.compile(r"[A-ZÀ-Ý][a-zß-ÿ'’-]+(?: [a-zß-ÿ'’-]+){0,2}: [A-ZÀ-Ý\"'‘“«„].*[^.!?:;\"'’”»)]")
"""A tabloid's photo caption behind a kicker of one to three words, no full stop at its end
("Heartbreak: Leanne with Bramble, the family's three-year-old cocker spaniel")."""
_KICKER_CAPTION_WORDS = (8, 40)
"""Fewest and most words of such a caption (a subheading with a colon is shorter)."""
_LABEL_LINE = re.compile(r"[^:]{1,40}: \S")
"""A line that starts with a label and a colon ("USA: Pro-Am, 1. Tag ...", "Letters to the editor: ...");
with no full stop at its end, not a paragraph with a quotation ('The mum-of-two told the Clarion: "I just
froze.')."""
_BESIDE_CAPTION_WORDS = 12
"""Fewest words of a paragraph of the article beside a tabloid's caption (:func:`_kicker_captions`)."""


def _kicker_captions(bs: list[_Block], threshold: float) -> None:
    """Photo captions as tabloids set them (:data:`_KICKER_CAPTION`), each on a line of its own between
    the article's paragraphs or under the head's lines, none next to another labelled line: when two of
    them at least stand beside a paragraph of the article, they all go as ``caption/kicker`` ("Missing:
    Bramble was last seen in the garden of the family home in Hindley" ... "Devastated: Alfie and Maisie
    with Bramble on holiday in Anglesey last summer"). One alone may be a subheading; lines of a box side
    by side ("Where: ..." / "When: ...") are no captions."""
    n = len(bs)
    found: list[_Block] = []
    placed = 0  # of them, next to a paragraph of the article
    for b in bs:
        if b.strong is not None or b.weak or b.continues or b.f.bullet:
            continue
        lo_w, hi_w = _KICKER_CAPTION_WORDS
        if not lo_w <= b.f.words <= hi_w or not b.f.stops or _KICKER_CAPTION.fullmatch(b.f.text) is None:
            continue
        near = [bs[i] for i in (b.index - 1, b.index + 1) if 0 <= i < n]
        if any(_LABEL_LINE.match(x.f.text) is not None and not x.f.terminal for x in near):
            continue  # a box's or a schedule's lines ("Europa: Championship, ..." / "USA: Pro-Am, ...")
        found.append(b)
        placed += any(x.strong is None and x.f.prose and x.f.words >= _BESIDE_CAPTION_WORDS for x in near)
    if placed < 2:
        return  # (a headline with its kicker, "From the editor: ...", and a teaser's, "Editorial: ...")
    for b in found:
        if b.score < threshold:
            b.score = 0.8
        b.category, b.rule = Category.CAPTION, "caption/kicker"


_CALC_BUTTON = re.compile(
    r"(?:re)?calculate(?: now| my payment| payment)?|get (?:my |your )?(?:estimate|results?)|"
    r"(?:jetzt )?berechnen|calculer|calcular|calcola|bereken(?:en)?|oblicz",
    re.IGNORECASE,
)
"""A calculator's button ("Calculate", "Get my estimate", "Berechnen")."""
_CALC_HEADING = re.compile(
    r"\b(?:calculator|rechner|calculateur|calculadora|calcolatore|rekenhulp|kalkulator)\b", re.IGNORECASE
)
"""A word of a calculator's heading ("Mortgage payment calculator", "Tilgungsrechner")."""
_CALC_FIELD_WORDS = 6
"""Most words of a calculator's heading, field label or value (:func:`_calculators`)."""
_CALC_REACH = 12
"""Most lines between a calculator's heading and its button."""
_CALC_RESULT_WORDS = 12
"""Most words of a result line under a calculator's button."""


def _calculators(bs: list[_Block], threshold: float) -> None:
    """A calculator dumped as text: its heading, its fields' labels and values, its button and the labels of
    its results ("Mortgage payment calculator" / "Home price" / "Down payment" / ... / "Calculate" /
    "Estimated monthly payment") go as ``other/calculator``: every line between the heading and the button
    short (:data:`_CALC_FIELD_WORDS` words), no sentence; under the button, up to two short lines with no
    full stop. A line "Calculate" alone (a recipe's step, a heading) needs the heading above it."""
    n = len(bs)
    for b in bs:
        if _CALC_BUTTON.fullmatch(b.f.text) is None:
            continue
        top = None
        for j in range(b.index - 1, max(-1, b.index - _CALC_REACH - 1), -1):
            x = bs[j]
            if x.f.words > _CALC_FIELD_WORDS or x.f.terminal or x.g.prose:
                break
            if _CALC_HEADING.search(x.f.text) is not None:
                top = j
                break
        if top is None or b.index - top < 3:
            continue
        end = b.index
        while end + 1 < min(n, b.index + 3):
            x = bs[end + 1]
            if (
                x.f.words > _CALC_RESULT_WORDS
                or x.f.terminal
                or (x.g.prose and x.f.words > _CALC_FIELD_WORDS)
            ):
                break
            end += 1
        for x in bs[top : end + 1]:
            if x.score < threshold:
                x.score = 0.8
            if x.strong is None:
                x.category, x.rule = Category.OTHER, "other/calculator"


def _inline_jump_lists(bs: list[_Block], lo: int, hi: int, threshold: float) -> None:
    """A guide's jump list inside the article, under its standfirst or summary box: a contents heading
    ("Inhaltsverzeichnis", "Contents", "In this article") no rule took over two short items or more, no full
    stop, most of which come back lower down as the article's headings ("Welche Fristen gelten?" / ... /
    "Welche Fristen gelten?" / "Der Abrechnungszeitraum ..."): the heading and its items go
    (``navigation/jump-list``)."""
    for b in bs[lo : hi + 1]:
        # (the heading a rule took: "Jump to:")
        if (b.score >= threshold and b.strong is None) or _TOC_HEADING.fullmatch(b.f.text) is None:
            continue
        items: list[_Block] = []
        for x in bs[b.index + 1 : b.index + 1 + _JUMP_ITEMS]:
            if x.score >= threshold or x.g.prose or x.f.words > _NAME_WORDS or x.f.text[-1:] in ".!:":
                break
            if any(x.f.text.casefold() == y.f.text.casefold() for y in items):
                break  # the article's first heading under the list ("Cómo llegar a Albarracín" again)
            items.append(x)
        if len(items) < 2:
            continue
        later = {x.f.text.casefold() for x in bs[items[-1].index + 1 :] if x.f.words <= _NAME_WORDS}
        if 2 * sum(x.f.text.casefold() in later for x in items) > len(items):
            for x in (b, *items):
                x.score, x.category, x.rule = 1.0, Category.NAVIGATION, "navigation/jump-list"


def _read_also_teasers(bs: list[_Block], lo: int, hi: int, end: int, threshold: float) -> None:
    """The teaser headlines under a related-links heading in ``bs[lo:end]``, the region ``[lo, hi]``
    and what the article resumes with under it ("Lea también" /
    "Bruselas pide a España medidas urgentes ...", "READ MORE:" / "* Gisborne roads still ..."):
    the heading went by its rule, its short list of headlines goes with it; under any related-links
    heading, so do two or more teaser cards (:func:`_teaser_cards`: a headline over its author's line). The
    heading may stand right above the region, whose first line is then its teaser ("Bekijk ook" / "Van Tricht
    na afloop: ...")."""
    for b in bs[max(lo - 1, 0) : end]:
        if b.strong is None:
            continue
        # (a rail's heading a menu's rule took: "Trending")
        rail = _RAIL_HEADING.match(b.f.text) is not None
        if b.strong.category != Category.RELATED_LINKS and not rail:
            continue
        # (a box the article resumes under, past the region: its lines were read as teasers already)
        teaser = _boxed_teaser if b.index > hi else _inline_teaser
        cards = _teaser_cards(bs, b.index, teaser) if b.strong.category == Category.RELATED_LINKS else []
        for x in cards:
            if x.score < threshold:
                x.score, x.category, x.rule = 0.8, Category.RELATED_LINKS, "related_links/inherited"
        if cards or not (rail or _READ_ALSO.match(b.f.text)):
            continue  # not "Themen der Sitzung" over the article's list, nor "Read more: <the teaser itself>"
        run: list[_Block] = []
        # (a video's heading heads one video's title: "À voir en vidéo" / "Feux de forêt : ..." / the next
        # subheading)
        reach = 1 if _VIDEO_HEADING.match(b.f.text) else _INLINE_TEASERS
        dated = False  # a teaser's date line was stepped over
        for x in bs[b.index + 1 : b.index + 1 + reach]:
            # (nor the first line of a hard-wrapped paragraph that the next line continues)
            wrapped = x.index + 1 < len(bs) and bs[x.index + 1].continues
            # (nor a match report's box under the list, a result over a fact: "Górnik Zabrze – Radomiak
            # Radom 2:1 (0:1)" / "Bramki: ..."; a kicker's teaser reads as one: "Apagones en Mexicali: ...")
            boxed = (
                _SCORE_LINE.fullmatch(x.f.text) is not None
                and x.index + 1 < len(bs)
                and _fact_line(bs[x.index + 1])
            )
            # (a teaser a rule took, its label in front, is one of the list: "Lees ook." / "PLUS Dodelijk
            # ongeval ..." / "Fietsostrades in Antwerpen: ...")
            if (
                x.strong is not None
                and x.strong.category == Category.RELATED_LINKS
                and x.score >= threshold
                and _READ_ALSO.match(x.f.text) is None
            ):
                continue
            badge = x.strong is not None and x.strong.category == Category.PAYWALL
            if badge and x.f.words <= _TEASER_BADGE_WORDS:
                continue  # a subscribers' badge over the next teaser ("LES OGSÅ" / "VG+" / "Vi fulgte ...")
            if run and x.f.date and x.f.words <= _TEASER_DATE_WORDS and _rule_category(x) == Category.OTHER:
                # a teaser's date under it ("Logement : le prix des maisons ..." / "09 févr. 2025 à 14:02" /
                # "Arlon : la Ville rachète ..."): it goes with the teaser, as its date line's rule has it
                dated = True
                continue
            # (after a date, a teaser has its own date under it; else the line is the article's next
            # subheading)
            if dated and not (
                x.index + 1 < len(bs)
                and bs[x.index + 1].f.date
                and _rule_category(bs[x.index + 1]) == Category.OTHER
            ):
                break
            # (a long question right under the heading is its first teaser: "Read more:" / "Why are water
            # bills going up and where is the money going?")
            asked = (
                x.index == b.index + 1
                and x.strong is None
                and x.f.text.endswith("?")
                and _QUESTION_TEASER_WORDS <= x.f.words <= _TEASER_MAX_WORDS
            )
            # (a teaser of a kicker's sentence and its headline, between the heading and the next chrome a
            # rule took: "Přečtěte si také:" / "Pivovary zdražují. Za půllitr v hospodě si letos připlatíte až
            # pět korun" / "Reklama")
            walled = (
                x.index == b.index + 1
                and x.strong is None
                and not x.f.terminal
                and _QUESTION_TEASER_WORDS <= x.f.words <= _TEASER_MAX_WORDS
                and x.index + 1 < len(bs)
                and bs[x.index + 1].strong is not None
                and bs[x.index + 1].score >= threshold
                and not bs[x.index + 1].g.prose
            )
            if x.score >= threshold or x.continues or wrapped or not (teaser(x) or asked or walled) or boxed:
                break
            run.append(x)
        # the article resumes under the list with a subheading, three fifths as long as the teasers or
        # shorter ("Ola de calor: estos son los estados que ..." / "¿Cuánto cuesta una pipa de agua? ..." /
        # "Colonias del norte, las más afectadas" / its paragraph; "Alluvione, un anno dopo: nell'Appennino
        # bolognese ancora 300 frane attive" / "Come è stata ricostruita la strada"), or three quarters as
        # long when it shares a word with its paragraph ("La vivienda, el verdadero cuello de botella" / "...
        # apenas hay viviendas ..."), no kicker before a colon (a teaser's: "Strompreise 2025: Was sich ...")
        # (its paragraph may announce a list: "Was Anwohner jetzt tun sollten" / "Die Kreisverwaltung ... hat
        # folgende Hinweise veröffentlicht:")
        nxt_line = bs[run[-1].index + 1] if run and run[-1].index + 1 < len(bs) else None
        told = nxt_line is not None and nxt_line.strong is None and nxt_line.f.text.endswith(":")
        if len(run) >= 2 and nxt_line is not None and (nxt_line.g.prose or (told and nxt_line.f.words >= 8)):
            last, others = run[-1].f.words * (len(run) - 1), sum(x.f.words for x in run[:-1])
            shared = _KICKED.match(run[-1].f.text) is None and bool(
                _stems(run[-1].f.text) & _stems(bs[run[-1].index + 1].f.text)
            )
            if 5 * last <= 3 * others or (shared and 4 * last <= 3 * others):
                run.pop()
        after = bs[run[-1].index + 1] if run and run[-1].index + 1 < len(bs) else None
        resumes = (
            after is not None
            and after.score < threshold
            and (after.g.prose or after.f.words > _RAIL_SUBHEADING_WORDS)
        )
        if _BOX_OF_TWO.fullmatch(b.f.text) and len(run) < 2:
            continue  # "Zum Thema" / "Más noticias" over one line: the article's next section may start there
        if rail and (len(run) < 2 or resumes):
            # a rail's box is two teasers or more, with more chrome or the article's next subheading under
            # them ("Trending Now" / three headlines / "Advertisement"); the article's own list under
            # "Trending now" runs on into its next paragraph ("Butter yellow knitwear ..." / "Of these, ...")
            continue
        for x in run:
            x.score, x.category, x.rule = 0.8, Category.RELATED_LINKS, "related_links/inherited"


_CREDIT_LINE = re.compile(
    r"(foto|fotos|bild|bildrechte|bildquelle|photo|photograph|image|picture|credit|imagen|imagem|beeld)s?"
    r"( ?: ?| by | ?/ ?)\S",
    re.IGNORECASE,
)
"""A photo's credit on its own line ("Bildrechte: BR/Tobias Hertel", "Photo: Jane Doe/AP")."""
_CREDIT_LINE_WORDS = 8
"""Most words of a photo's credit on its own line under a caption over the headline (the head zone starts
under them)."""
_BOX_OF_TWO = re.compile(r"(zum thema|más noticias)(?: ?[:.…]+)?", re.IGNORECASE)
"""Read-also headings that also head the article's own next section (a digest's next item): their teasers
are two or more (:func:`_read_also_teasers`)."""
_TEASER_BADGE_WORDS = 2
"""Longest subscribers' badge between a read-also box's teasers (:func:`_read_also_teasers`)."""
_QUESTION_TEASER_WORDS = 8
"""Fewest words of a question with no kicker as a read-also box's first teaser
(:func:`_read_also_teasers`)."""
_TEASER_MAX_WORDS = 25
"""Most words of such a question."""
_VIDEO_HEADING = re.compile(r"à voir (aussi )?en vidéo\b", re.IGNORECASE)
"""A read-also heading over one video's title (:func:`_read_also_teasers`)."""
_TEASER_DATE_WORDS = 6
"""Longest date line under a read-also box's teaser (:func:`_read_also_teasers`)."""
_AD_HEADLINE_WORDS = 20
"""Most words of a native ad's headline between two lines that advertisement rules took (:func:`_smooth`)."""
_RAIL_SUBHEADING_WORDS = 4
"""Longest line under a rail's teasers that is the article's next subheading ("Transit and shelters"); a
longer one is the next item of the article's own list ("Ballet flats with white socks")."""
_PAIR_WORDS = 4
"""Longest of two lines that :func:`_smooth` gives the class of the rules' lines around them."""
_LABELLED_NAMES_WORDS = 20
"""Most words of the names under a byline's label on its own line (:func:`_smooth`)."""
_SIGN_UP_HEADING_WORDS = 6
"""Longest heading over a sign-up box that :func:`_smooth` gives the box's class."""
_SIGN_UP_LINES = 2
"""Lines of a sign-up box, each a rule's, under the heading :func:`_smooth` gives the box's class."""
_SIGN_UP_BOXES = frozenset({Category.NEWSLETTER, Category.PAYWALL})
"""The classes of the sign-up boxes whose heading :func:`_smooth` removes."""
_PITCH_WORDS = 24
"""Longest pitch between two lines of a sign-up box that :func:`_smooth` gives the box's class."""
_LIST_MARKERS = "related_links/en/list-markers"
"""The rule of a list's numbered markers around each teaser ("list 1 of 4", "end of list")."""


def _footnotes(doc: Document, bs: list[_Block], lo: int, hi: int, threshold: float) -> None:
    """Step 4a: the article's footnotes under its end, past the chrome between ("... 94.1% to 93.6%.³" /
    "Share" / "Leave a comment" / "¹ Figures from the district's adopted budgets ..."): a line that opens
    with a note's mark ("¹", "[2]") stays when the article holds the same mark, no rule on it."""
    # (as written: the features' text is in NFKC, where "³" reads "3")
    marks = {
        m.group()
        for b in bs[lo : hi + 1]
        if b.score < threshold
        for m in _NOTE_MARK.finditer(doc.text, b.start, b.end)
    }
    if not marks:
        return
    for b in bs[hi + 1 :]:
        m = _NOTE_START.match(doc.text, b.start, b.end)
        if m is not None and b.strong is None and b.f.words >= _NOTE_WORDS and m.group("mark") in marks:
            b.score, b.category, b.rule = 0.0, None, ""


_INITIALS = re.compile(
    r"[b-df-hj-np-tv-xz]{2,4}|[a-z]{2,4}(?:/[a-z]{2,4}){1,2}|\([a-z]{2,4}(?:/[a-z]{2,4}){0,2}\)"
)
"""An editor's initials on a line of their own: consonants alone ("rdb", "ms"), or with a slash ("lr/rcr")
or in brackets ("(bme)"), lower case."""


def _sign_off_initials(bs: list[_Block], threshold: float) -> None:
    """Step 4a: the editor's initials as the text's last kept line, under a paragraph of prose ("... in den
    nächsten Tagen." / "rdb", El Universal's "ms", heise's "(bme)"), go as ``other/editor-initials``; a
    word of code or a program's name among the article's lines ("dns" over "Anschließend ...", "fzf" over a
    list) is no last line."""
    kept = [b for b in bs if b.score < threshold]
    if len(kept) < 2:
        return
    last, above = kept[-1], kept[-2]
    if last.strong is None and _INITIALS.fullmatch(last.f.text) and above.g.prose and above.f.terminal:
        last.score, last.category, last.rule = 1.0, Category.OTHER, "other/editor-initials"


_NOTE_MARK = re.compile(r"(?<=\S)(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\])")
"""A footnote's mark in the article's text, right after a word or its punctuation: "... to 93.6%.³", "... in
2021[2]"."""
_NOTE_START = re.compile(r"(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\]) ")
"""A footnote's mark that opens its line: "¹ Figures from ...", "[2] The district published ..."."""
_NOTE_WORDS = 4
"""Fewest words of a footnote :func:`_footnotes` keeps."""


def _smooth(bs: list[_Block], threshold: float) -> None:
    """Step 4a: short ambiguous blocks between two removed blocks take their class (not a numbered or
    bulleted product next to a shop button: a buying guide's, which stays; an ad's product name goes); so
    do two short lines between two lines that rules of one category took, and a short pitch between two lines
    of a sign-up box."""
    for b in bs[1:-1]:
        prev, nxt = bs[b.index - 1], bs[b.index + 1]
        # (a native ad's headline between its label and its source is longer: "Advertisement" / "These Are The
        # Most Comfortable Walking Shoes For Seniors In 2024" / "Footwear Guide | Sponsored")
        boxed = _rule_category(prev) == _rule_category(nxt) == Category.ADVERTISEMENT
        longest = _AD_HEADLINE_WORDS if boxed and _headline_shaped(b.f) else 10
        # (a teaser between a list's numbered markers reads as prose: "list 4 of 4" / "Ghana bans trawling for
        # a month to let fish stocks recover" / "end of list")
        listed = (
            prev.strong is not None
            and prev.strong.id == _LIST_MARKERS
            and nxt.strong is not None
            and nxt.strong.id == _LIST_MARKERS
            and _headline_shaped(b.f)
        )
        if listed and b.score < threshold:
            b.score, b.category, b.rule = 0.6, Category.RELATED_LINKS, "related_links/context"
            continue
        if b.score >= threshold or b.g.prose or b.f.words > longest or b.heading:
            continue  # (nor a heading its writer marked: "### Our verdict" between two photos)
        if (_buy_button(prev) or _buy_button(nxt)) and b.f.bullet:
            continue  # a buying guide's product over its shop button ("1. Best overall: ...")
        if _interstitial(prev) or _interstitial(nxt):
            continue  # a chain's marker between every paragraph is no box around the line ("Article content")
        if prev.score >= threshold and nxt.score >= threshold and prev.category is not None:
            b.score, b.category = 0.6, prev.category
            b.rule = f"{prev.category.value}/context"
    # a sign-up box's short pitch between two of its lines that rules took ("Jetzt weiterlesen mit
    # NK+" / "Alle Geschichten aus Ihrer Stadt – unabhängig recherchiert, jederzeit verfügbar." / "4 Wochen
    # für 0,99 €, danach monatlich kündbar.")
    for b in bs[1:-1]:
        prev, nxt = bs[b.index - 1], bs[b.index + 1]
        if (
            b.score < threshold
            and b.strong is None
            and b.g.prose
            and b.f.words <= _PITCH_WORDS
            and not b.continues
            # (one of the two lines may be a weak rule's, in the box, not the article's subheading over its
            # last paragraph: "Sign up to Down to Earth" / "Free weekly newsletter" / "The planet's most
            # important stories. ..." / "Enter your email address"; not "... her recipes." / "From notebook
            # to newsletter" / "Two publishers have since ...")
            and (prev.strong is not None or nxt.strong is not None)
            and all((x.strong is not None and x.score >= threshold) or bool(x.weak) for x in (prev, nxt))
            and not (
                prev.strong is None
                and prev.index > 0
                and bs[prev.index - 1].g.prose
                and bs[prev.index - 1].score < threshold
            )
            and prev.category == nxt.category
            and prev.category in _SIGN_UP_BOXES
        ):
            b.score, b.category, b.rule = 0.6, prev.category, f"{prev.category.value}/context"
    # two short lines between two removed lines of one category: a widget's cells ("33° / 22°" / "Icy Mix
    # Early 60%" / "Thu 1/23" / "41° / 24°")
    for b in bs[1:-2]:
        pair = (b, bs[b.index + 1])
        prev, nxt = bs[b.index - 1], bs[b.index + 2]
        if any(
            x.score >= threshold or x.g.prose or x.f.words > _PAIR_WORDS or x.f.bullet or x.heading
            for x in pair
        ):
            continue
        ruled = prev.strong is not None and nxt.strong is not None and min(prev.score, nxt.score) >= threshold
        if ruled and prev.category is not None and prev.category == nxt.category:
            for x in pair:
                x.score, x.category, x.rule = 0.6, prev.category, f"{prev.category.value}/context"
    # the names under a byline's label on its own line ("From:" / "Environment Agency, Department for
    # Environment, Food & Rural Affairs and Helen Carrow MP" / "Published")
    for b in bs[1:]:
        prev = bs[b.index - 1]
        if (
            b.score < threshold
            and prev.score >= threshold
            and prev.category == Category.BYLINE
            and _BYLINE_LABEL.fullmatch(prev.f.text) is not None
            and not b.f.terminal
            and b.f.words <= _LABELLED_NAMES_WORDS
        ):
            b.score, b.category, b.rule = 0.6, Category.BYLINE, "byline/context"
    # a sign-up box's heading over its lines, under the paragraph above ("Stay in the know" / "Get
    # evidence-based health tips ... delivered to your inbox" / "Your email" / "Join free"): not a question,
    # which heads the article's next section, nor a heading its writer marked
    for b in bs[1:-2]:
        below = bs[b.index + 1 : b.index + 1 + _SIGN_UP_LINES]
        if (
            b.score < threshold
            and not b.g.prose
            and not b.heading
            and b.f.words <= _SIGN_UP_HEADING_WORDS
            and b.f.text[-1:] not in "?.:"
            and len(below) == _SIGN_UP_LINES
            # (a weak rule's line or the pitch may stand between, a strong rule's line under them: "Sign up to
            # Down to Earth" / "Free weekly newsletter" / "The planet's most important stories. ..." / "Enter
            # your email address")
            and all(
                (x.strong is not None or x.weak or x.score >= threshold) and x.category in _SIGN_UP_BOXES
                for x in below
            )
            and any(
                x.strong is not None and x.category in _SIGN_UP_BOXES
                for x in bs[b.index + 1 : b.index + 2 + _SIGN_UP_LINES]
            )
            and bs[b.index - 1].score < threshold
            and bs[b.index - 1].g.prose
        ):
            box = below[0].category
            assert box is not None
            b.score, b.category, b.rule = 0.6, box, f"{box.value}/context"


_LATE_HEAD_LINES = 8
"""Most lines over the region that :func:`_late_head_lines` reads."""


def _head_rule(doc: Document, pack: RulePack, b: _Block) -> tuple[Rule, re.Match[str]] | None:
    """The first head rule of the head's metadata, a byline's or a date line's, active on ``doc``'s site,
    that matches ``b`` (the rules picked once per pack and set of active rules, as :func:`_banner_rules`)."""
    index, active = _rule_plan(pack, _site(doc))
    key = ("head_meta", active)
    rules: tuple[Rule, ...] | None = pack.memo.get(key)
    if rules is None:
        rules = pack.memo[key] = tuple(
            r
            for i, r in enumerate(index.rules)
            if active >> i & 1 and r.zone == "head" and (r.category == Category.BYLINE or r.date_line)
        )
    for rule in rules:
        if not (rule.min_words <= b.f.words <= rule.max_words):
            continue
        m = rule.regex.search(b.f.text)
        if m is not None:
            return rule, m
    return None


def _late_head_lines(doc: Document, bs: list[_Block], pack: RulePack, lo: int) -> None:
    """Step 5: the head's byline and date right over the region, under the head zone's end (over a lead
    photo's caption that reads as prose: "Et kørekort koster i dag ..." / "Af Mads Ejlersen" / "I dag kl.
    06.00" / "Opdateret i dag kl. 08.41" / the article; under a headline whose site banner over it read as
    the head's first prose: "By HANNAH VOSS and DERRICK OYELARAN Associated Press"): read up from the region
    over the lines that rules took, each line no rule took that a head rule for bylines or dates matches is
    the byline or the date; the first line that none matches ends the reading."""
    for i in range(lo - 1, max(-1, lo - 1 - _LATE_HEAD_LINES), -1):
        b = bs[i]
        if b.strong is not None:
            continue
        if b.continues or (b.g.prose and b.f.terminal):
            return
        if not _take_head_rule(doc, pack, b):
            return


def _take_head_rule(doc: Document, pack: RulePack, b: _Block) -> bool:
    """Whether a head rule for bylines or dates (:func:`_head_rule`) matches ``b``; if so ``b`` goes by it."""
    found = _head_rule(doc, pack, b)
    if found is None:
        return False
    b.strong, match = found
    b.match = match if b.strong.category == Category.BYLINE else None
    b.score, b.category, b.rule = 1.0, b.strong.category, b.strong.id
    return True


def _head_lines_between(doc: Document, bs: list[_Block], pack: RulePack, lo: int) -> None:
    """Step 5: a line of the head's metadata near the region's start (above it or inside), between two
    lines that rules removed as the head's metadata (the byline, the date, share buttons), which a head rule
    for bylines or dates matches though its zone had ended ("Redacción Cundinamarca" / "13 de marzo 2024,
    07:42 a. m." / "Actualizado: ..."): the byline or the date, as in :func:`_late_head_lines`."""
    for b in bs[max(1, lo - _LATE_HEAD_LINES) : min(len(bs) - 1, lo + _LATE_HEAD_LINES)]:
        up, down = bs[b.index - 1], bs[b.index + 1]
        if (
            b.strong is not None
            or b.continues
            or any(x.strong is None or x.strong.category not in _HEAD_METADATA for x in (up, down))
        ):
            continue
        _take_head_rule(doc, pack, b)


_LABEL_NAME = re.compile(
    r"((media|press) )?(contacts?|contact (information|info|details)|(more|further) information|about us"
    r"|our team|editorial team|kontakt|ansprechpartner(in)?|pressekontakt|contacto|contatti)",
    re.IGNORECASE,
)
"""A box's label in Title Case that reads as two names, no author's ("Contact Information")."""
_AGENCY_AFTER = re.compile(r"(?<=[a-zA-Z]),? (?:The )?(?:Associated Press|AP|Reuters|AFP)$")
"""A wire agency after a byline's names ("By HANNAH VOSS and DERRICK OYELARAN Associated Press")."""


def _author(
    doc: Document, bs: list[_Block], upto: int, title_idx: int | None, threshold: float
) -> str | None:
    """Step 5: the byline rule's ``author`` group (``author2``, ``author3`` ... in a rule's other
    alternatives; as written, not an organisation), else an author named without "By" above block ``upto``
    (:func:`_bare_byline`), whose line becomes the byline."""
    author = doc.author
    for b in bs:
        if b.category == Category.BYLINE and b.match is not None and author is None:
            group = next((k for k, v in b.match.groupdict().items() if k.startswith("author") and v), None)
            if group is not None:
                name = b.match.group(group)
                # as written ("O’Brien"), where the normalised text maps onto it character for character
                written = _as_written(doc, b)
                if len(written) == len(b.f.text):
                    name = written[b.match.start(group) : b.match.end(group)]
                # (the agency after the names is no part of them: "HANNAH VOSS and DERRICK OYELARAN
                # Associated Press")
                name = _AGENCY_AFTER.sub("", name.strip())
                author = None if _org_name(name) else name
    # an author named without "By", where no byline rule named one
    # (a byline's line under the standfirst may lie inside the region: "Helen Marsh, Retail Correspondent")
    named = _bare_byline(bs, upto, title_idx, threshold) if author is None else None
    if named is not None and _LABEL_NAME.fullmatch(named[1]):
        named = None  # a box's label in Title Case ("Contact Information" over a release's contacts)
    if named is not None:
        named[0].category, named[0].rule = Category.BYLINE, "byline/bare-name"
        author = named[1]
    elif author is None and (over := _names_over_date(bs, title_idx, threshold)) is not None:
        # (inside the region: the authors' names between the standfirst and the date, and their role)
        for x in (over[0], over[2]) if over[2] is not None else (over[0],):
            x.score, x.category, x.rule = 1.0, Category.BYLINE, "byline/bare-name"
        author = over[1]
    return author


_BIO_WORDS = 80
"""Longest author's bio under the article (:func:`_named_bio`)."""
_ARTICLE_ABOVE_WORDS = 16
"""Fewest words of kept prose above an author's bio (:func:`_named_bio`)."""
_BIO_VERB = re.compile(
    r"(?:,[^,]{1,60},)? (is (a|an|the|based|\w+['’]s)\b|ist seit \d{4}\b|"
    r"has (written|been|covered|reported|represented)\b|(was|is) born\b|wurde \d{4}\b|est née?\b|nació\b|"
    r"(writes|reports|teaches|wrote) (about|on|for|at)\b|covers [^.,;]{3,60} for (the |a |an )?[A-Z]|"
    r"(lives|works) (in|as|at|for|with)\b|"
    r"ist (ein|eine|freie?r?) |ist \w+(in|eur|teur|ent|ist) (bei|für|der|des|im|und|in)\b|"
    r"schreibt (für|über|seit)\b|"
    r"berichtet (seit|für|über|aus)\b|(lebt|arbeitet) (in|als|bei|für|seit)\b|"
    r"(est|était) (un|une|journaliste|rédact\w+|correspond\w+|écrivaine?|auteure?|professeure?|"
    r"chercheu(r|se)|économiste|avocate?|politologue|sociologue|historien(ne)?|maître de conférences)\b|"
    r"(vit|travaille) (à|en|au|comme|pour)\b|écrit (pour|sur)\b|"
    r"(es|fue) (un|una|periodista|redactora?|corresponsal|escritora?|profesora?|catedrátic[oa]|economista|"
    r"investigadora?|abogad[oa]|politólog[oa]|sociólog[oa]|historiador(a)?)\b|"
    r"(vive|trabaja) (en|como|para)\b|"
    r"(é|foi) (um|uma|jornalista|economista|professora?|pesquisadora?|advogad[oa]|colunista|escritora?|"
    r"socióloga?|historiador(a)?)\b|(escreve|vive|trabalha) (sobre|para|em|como)\b|"
    r"escribe (sobre|para|en)\b|"
    r"(er|är|var) \w*(journalist|reporter|redaktør|redaktör|kommentator|korrespondent|medarbeider|"
    r"medarbetare)\b|"
    r"(dekker|dækker|bevakar|skriver om)\b|"
    r"(è|era) (un|una|giornalista|redattore|redattrice|corrispondente|inviato|inviata)\b|"
    r"scrive (per|di|su)\b|"
    r"(jest|był|była) (dziennikarzem|dziennikarką|reporterem|reporterką|redaktorem|redaktorką|publicystą)\b|"
    r"(is|was) \w*(journaliste?|verslaggever|redacteur|redactrice|correspondente?|verslaggeefster)\b|"
    r"schrijft (over|voor)\b|"
    r"scrie (despre|pentru|la)\b|(este|a fost) (jurnalist|reporter|redactor|editor|corespondent)\w*\b|"
    r"lucrează (la|pentru|ca)\b|píše (o|pro)\b|pracuje (v|pro|jako)\b|se (v redakci )?věnuje\b|"
    r"je (redaktor|redaktorka|reportér|reportérka|novinář|novinářka|zpravodaj|zpravodajka)\b|"
    r"je (redaktorom|redaktorkou|reportérom|reportérkou|novinárom|novinárkou|spravodajcom|spravodajkyňou)\b|"
    r"(είναι|ήταν) (δημοσιογράφος|συντάκτης|συντάκτρια|ανταποκριτής|ανταποκρίτρια|αρθρογράφος)\b|"
    r"γράφει (για|στ\w+)\b)",
    re.IGNORECASE,
)
"""What follows the author's name in a bio: what a bio says, after an optional apposition ("Ravi
Menon is a staff engineer ...", "Anna Kessler, 34, lebt in Frankfurt", "... schreibt seit 2010 für
..."); not any verb ("Tom Hale was first home in the M50 category", "Claire Dubois est ravie")."""


def _headed_bio(bs: list[_Block], threshold: float) -> None:
    """Step 5: the text's last kept paragraph (:data:`_BIO_WORDS` words at most) right under an author box's
    heading that a rule took ("Sobre mí", "About the author", "Über den Autor") is the bio
    (``author_bio/inherited``: "Sobre mí" / "¡Hola! Soy Laura, valenciana, profe de Geografía ..." /
    "Artículos relacionados" / ...)."""
    kept = [b for b in bs if b.score < threshold]
    if not kept or kept[-1].index == 0:
        return
    bio = kept[-1]
    heading = bs[bio.index - 1]
    if (
        heading.strong is not None
        and heading.strong.category == Category.AUTHOR_BIO
        and heading.f.words <= _BIO_HEADING_WORDS
        and not heading.f.terminal
        and bio.f.words <= _BIO_WORDS
        and not bio.f.bullet
    ):
        bio.score, bio.category, bio.rule = 0.8, Category.AUTHOR_BIO, "author_bio/inherited"


_BIO_HEADING_WORDS = 4
"""Most words of an author box's heading over the bio (:func:`_headed_bio`)."""
_SURNAME_LETTERS = 4
"""Fewest letters of a surname that opens an author's bio alone (:func:`_named_bio`)."""
_JOURNALIST_BIO = re.compile(
    r" (covers|writes (about|on|for)|reports (on|for|from)|"
    r"is an? (\w+ ){0,3}(reporter|correspondent|writer|editor|journalist|columnist)\b)"
)
"""What a journalist's bio says after the surname alone ("Echeverria covers wildfires ... for The Associated
Press")."""


def _named_bio(bs: list[_Block], author: str, title_idx: int | None, threshold: float) -> None:
    """Step 5: the authors' bios under the article go as ``author_bio/named``: the text's last kept
    blocks (only removed blocks under them), each of at most :data:`_BIO_WORDS` words, under kept
    prose of the article (:data:`_ARTICLE_ABOVE_WORDS` words or more), that begin with the name of one
    of the document's authors (the record's, else the byline's: "Jordan Vance, Aleksei Moroz"), two
    words or more, then what a bio says (:data:`_BIO_VERB`): "By Ravi Menon" / ... / "Ravi Menon is a
    staff engineer at Fernhill Logistics. He blogs about databases ...". A paragraph of the article
    about someone else, or one that only names the author, stays; so does a text that is all bio. Such a bio
    that the region left out (removed, no class yet: "Kari Hansen er journalist i E24 ...") takes the class
    too."""
    names = [a.strip() for a in AUTHORS_SPLIT.split(author) if len(a.split()) >= 2]
    for b in bs:  # the co-authors the byline names after the author ("By Jordan Vance, Aleksei Moroz")
        if b.strong is not None and b.strong.category == Category.BYLINE and author in b.f.text:
            rest = b.f.text.split(author, 1)[1]
            names += [a.strip() for a in AUTHORS_SPLIT.split(rest) if _CO_AUTHOR.fullmatch(a.strip())]
            break
    if not names:
        return
    for b in bs:
        # a bio that the region left out: its class ("Kari Hansen er journalist i E24 og dekker energi ...")
        if b.score >= threshold and b.category is None and b.f.words <= _BIO_WORDS and b.f.terminal:
            folded = b.f.text.casefold()
            named = next((a for a in names if folded.startswith(a.casefold())), None)
            if named is not None and _BIO_VERB.match(b.f.text, len(named)):
                b.category, b.rule = Category.AUTHOR_BIO, "author_bio/named"
    kept = [b for b in reversed(bs) if b.score < threshold and b.index != title_idx]
    # (or the surname alone, as wire services write bios: "Echeverria covers wildfires ... for The
    # Associated Press")
    surnames = [a.split()[-1] + " " for a in names if len(a.split()[-1]) >= _SURNAME_LETTERS]
    bios = 0
    for last in kept:
        if last.f.words > _BIO_WORDS or not last.f.terminal:
            break
        text = last.f.text.lstrip("*")  # (the byline's asterisk points to it: "*Anne-Sophie Lemaire est ...")
        folded = text.casefold()
        name = next((a for a in names if folded.startswith(a.casefold())), None)
        if name is None:
            # (the surname alone only with what a journalist's bio says: not "Woods is a 15-time major
            # champion" in James Woods's report on Tiger Woods)
            name = next((a for a in surnames if folded.startswith(a.casefold())), None)
            if name is None or not _JOURNALIST_BIO.match(text, len(name.rstrip())):
                break
        elif not _BIO_VERB.match(text, len(name)):
            break
        bios += 1
    if not bios and _role_bio(kept, names):
        for x in kept[:2]:
            x.score, x.category, x.rule = 1.0, Category.AUTHOR_BIO, "author_bio/named"
        return
    if not bios or sum(b.f.words for b in kept[bios:] if b.g.prose) < _ARTICLE_ABOVE_WORDS:
        return  # no bio, or nothing of an article above it: the bio is the text ("Ravi Menon was born ...")
    for last in kept[:bios]:
        last.score, last.category, last.rule = 1.0, Category.AUTHOR_BIO, "author_bio/named"
    # the author box's own head over the bio: the author's name, maybe over a role ("Priya Venkataraman" /
    # "Audio Editor" / "Priya Venkataraman is WireBench's audio editor ...")
    top = kept[bios - 1].index
    head = [b for b in bs[max(0, top - 2) : top] if b.score < threshold]
    names_folded = {a.casefold() for a in names}
    for k, b in enumerate(head):
        if (
            b.f.text.casefold() in names_folded
            and all(x.f.words <= _ROLE_WORDS and not x.f.terminal for x in head[k + 1 :])
            and len(head) - k == top - b.index
        ):
            for x in head[k:]:
                x.score, x.category, x.rule = 1.0, Category.AUTHOR_BIO, "author_bio/named"
            break


_ROLE_WORDS = 4
"""Longest role line between an author box's name and the bio (:func:`_named_bio`)."""
_BIO_ROLE = re.compile(
    r"(jornalista|journalist(e|in)?|periodista|giornalista|reporter(in)?|rédact(eur|rice)|redakteur(in)?|"
    r"redacteur|correspond(ent|ant|ante)|corresponsal|editor(a|in)?|writer|columnist|dziennikar(z|ka)|"
    r"gazeteci|muhabir|reportère?)\b",
    re.IGNORECASE,
)
"""A bio that opens with the author's trade, under the author's name ("Jornalista da secção Local. ...")."""


def _role_bio(kept: list[_Block], names: list[str]) -> bool:
    """Whether the text's last two kept blocks (``kept``: the kept blocks, last first) are an author box: one
    of the authors' ``names`` alone on its line over a bio that opens with the author's trade ("Marta
    Figueiredo" / "Jornalista da secção Local. Escreve sobre ambiente ..."), under the article's prose."""
    if len(kept) < 2:
        return False
    bio, name = kept[0], kept[1]
    return (
        name.index == bio.index - 1
        and bio.f.words <= _BIO_WORDS
        and bio.f.terminal
        and _BIO_ROLE.match(bio.f.text) is not None
        and name.f.text.casefold() in {a.casefold() for a in names}
        and sum(b.f.words for b in kept[2:] if b.g.prose) >= _ARTICLE_ABOVE_WORDS
    )


_CO_AUTHOR = re.compile(r"[A-ZÀ-Ý][\w.'’-]+( [A-ZÀ-Ý][\w.'’-]+){1,2}")
"""A co-author's name after the author's in a byline (two or three words in capitals)."""
"""Between the names of a byline's authors ("Jordan Vance, Aleksei Moroz", "Ana Ruiz y Luis Gil")."""


_ECHO_WORDS = 3
"""Longest label that :func:`_menu_echoes` removes."""


_PULL_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”«»]")
"""A line that is one quotation and nothing else (its marks straight or typeset)."""
_PULL_QUOTE_WORDS = 8
"""Fewest words of a pull quote."""
_BARE_PULL_QUOTE_WORDS = 12
"""Fewest words of a pull quote without quotation marks, one sentence that a longer paragraph above holds."""
_BARE_PULL_QUOTE_REACH = 12
"""Most lines between such a pull quote and the paragraph it repeats (a magazine sets it further down)."""
_BARE_PULL_QUOTE_BETWEEN = 2
"""Fewest paragraphs of the article between such a pull quote and the paragraph it repeats."""
_PULL_QUOTE_REACH = 6
"""A pull quote stands at most this many lines under the paragraph it repeats (a fact check's section
heading that quotes a claim made far above is the check's: "“… prevent the evacuation of ...”")."""
_WORDS = re.compile(r"\w+")


def _pull_quotes(bs: list[_Block], threshold: float) -> None:
    """A pull quote: a kept line that is one quotation alone (:data:`_PULL_QUOTE`, eight words or more)
    whose words stand word for word in a longer line at most :data:`_PULL_QUOTE_REACH` lines above it,
    the paragraph it repeats
    ("“They are generalists ...”" under "... “They are generalists ...,” says Okonjo."): it goes as
    ``other/pull-quote``; so does a finished line of :data:`_BARE_PULL_QUOTE_WORDS` words or more, without
    marks, that a longer paragraph at most :data:`_BARE_PULL_QUOTE_REACH` lines above holds word for word,
    with :data:`_BARE_PULL_QUOTE_BETWEEN` of the article's paragraphs between (a magazine's pull quote).
    A quotation that no paragraph above repeats stays: a subheading over the
    paragraph it quotes ("“On a tout perdu en une nuit”" / "Sur place, le gérant ... “... On a tout perdu
    en une nuit, mais ...”"), a message the text shows before it quotes it again; so does one that a
    line announces ("The crowd chanted:" / "“...”")."""
    # (the line, its quotation, how far above the paragraph it repeats may stand, how many of the article's
    # paragraphs must stand between)
    quotes = [
        (b, m.group(1), _PULL_QUOTE_REACH, 0)
        for b in bs
        if b.score < threshold and (m := _PULL_QUOTE.fullmatch(b.f.text.strip())) is not None
    ]
    # (or a line that a longer paragraph above holds word for word, set out again on its own without marks: a
    # magazine's pull quote, "The rules had been copied, with small edits, from a model ordinance ...")
    quotes += [
        (b, b.f.text, _BARE_PULL_QUOTE_REACH, _BARE_PULL_QUOTE_BETWEEN)
        for b in bs
        if b.score < threshold
        and b.strong is None
        and b.f.words >= _BARE_PULL_QUOTE_WORDS
        and b.f.terminal  # (a sentence: not a headline under a breadcrumb that ends in it)
        and _PULL_QUOTE.fullmatch(b.f.text.strip()) is None
    ]
    if not quotes:
        return
    lines = [f" {' '.join(_WORDS.findall(b.f.text.casefold()))} " for b in bs]
    for b, quoted, reach, needed in quotes:
        ws = _WORDS.findall(quoted.casefold())
        if len(ws) < _PULL_QUOTE_WORDS:
            continue
        if b.index > 0 and bs[b.index - 1].f.text.rstrip().endswith(":"):
            continue  # announced: "The message read:" / "“...”", "The crowd chanted:" / "“...”"
        needle = f" {' '.join(ws)} "
        lo = max(0, b.index - reach)
        for j in range(lo, b.index):
            line = lines[j]
            if not (len(line) > len(needle) and needle in line):
                continue
            # (without marks, set at least two of the article's paragraphs under the one it repeats: a lead
            # that a standfirst over the byline repeats and goes on from is none)
            between = sum(1 for x in bs[j + 1 : b.index] if x.score < threshold and x.g.prose)
            if between >= needed:
                b.score, b.category, b.rule = 1.0, Category.OTHER, "other/pull-quote"
                break


def _menu_echoes(bs: list[_Block], data: list[bool], threshold: float) -> None:
    """Remove short labels that repeat an item of a menu removed elsewhere on the page.

    A menu item is a short, non-terminal block removed by its position (outside the article, no
    rule), with a removed short neighbour (so it belongs to a run of such items, not a lone heading).
    A kept block is an echo of it when its text is the same (case folded), it is at most
    ``_ECHO_WORDS`` words, not a sentence, not a figure or a detail line, and no rule matched it;
    unless two or more such labels stand between kept paragraphs: those are the article's section
    headings, which a menu or a "Jump to" list repeats ("Business", "Sport"; "Design", "Verdict").
    """

    def menu_item(b: _Block) -> bool:
        return (
            b.strong is None
            and b.score >= threshold
            and b.score == _OUTSIDE_SCORE
            and b.f.words <= _ECHO_WORDS
            and not b.f.terminal
        )

    n = len(bs)
    items = {
        b.f.text.casefold()
        for b in bs
        if menu_item(b)
        and ((b.index > 0 and menu_item(bs[b.index - 1])) or (b.index + 1 < n and menu_item(bs[b.index + 1])))
    }
    if not items:
        return

    def side(i: int, step: int) -> _Block | None:
        """The line next to the label on one side, past up to two lines rules took (a teaser, "Read more:
        ..."; an ad's label, "Advertisement")."""
        for _ in range(3):
            if not 0 <= i < n:
                return None
            if bs[i].strong is None or bs[i].score < threshold:
                return bs[i]
            i += step
        return None

    def between_paragraphs(b: _Block) -> bool:  # kept text on both sides: a paragraph or a list
        sides = (side(b.index - 1, -1), side(b.index + 1, 1))
        return all(
            x is not None and x.score < threshold and (x.g.prose or x.f.bullet or x.f.words >= 4)
            for x in sides
        )

    # two or more such labels between the article's paragraphs are its section headings
    def echo(b: _Block) -> bool:
        return (
            b.score < threshold
            and b.strong is None
            and 0 < b.f.words <= _ECHO_WORDS
            and not b.f.terminal
            and not b.f.bullet
            and not data[b.index]
            and b.f.text.casefold() in items
        )

    def heads_kept(b: _Block) -> bool:  # kept text under it, kept text or a rule's line (an ad's label) above
        if not 0 < b.index < n - 1:
            return False
        up, down = bs[b.index - 1], bs[b.index + 1]
        if up.index in echoed or down.index in echoed:
            return False  # (a menu's copy inside the article: its items are no text for each other)
        return down.score < threshold and (up.score < threshold or up.strong is not None)

    echoes = [b for b in bs if echo(b)]
    echoed = {b.index for b in echoes}
    # (a label with its colon that comes back between the paragraphs is an ad slot's, no section's:
    # "Advertisement:"; a listing's "Music" / "Theatre" for each day are its headings)
    seen = Counter(b.f.text.casefold() for b in echoes)
    headings = [
        b
        for b in echoes
        if between_paragraphs(b) and (seen[b.f.text.casefold()] == 1 or not b.f.text.endswith(":"))
    ]
    for b in echoes:
        # (a jump list's items name the article's sections: once two headings stand between paragraphs, every
        # echo over kept lines is a heading too, over a table or a list, under an ad's label:
        # "Advertisement" / "Timings" / "Sow October to November ...")
        if len(headings) >= 2 and heads_kept(b):
            continue
        b.score, b.category, b.rule = _OUTSIDE_SCORE, Category.NAVIGATION, "navigation/menu-echo"


def _label_outside(
    bs: list[_Block], lo: int, hi: int, title_idx: int | None, threshold: float, comment_start: int
) -> None:
    """Give every unlabelled removed block a category (comments, related links, inheritance...)."""
    # after the article: teaser headlines (and the caption line above each) are related links
    for b in bs[hi + 1 :]:
        if b.score < threshold:
            continue
        coda = _CODA.search(b.f.text) is not None
        if b.category is None and _headline_shaped(b.f, 4) and not b.f.terminal and not coda:
            b.category, b.rule = Category.RELATED_LINKS, "related_links/teaser"
            if b.index - 1 > hi:
                p = bs[b.index - 1]
                if (
                    (p.category is None or p.rule.endswith("/inherited"))
                    and p.f.words <= 35
                    and not p.f.bullet
                ):
                    p.category, p.rule = Category.RELATED_LINKS, "related_links/teaser"
    # below a comment form, text that reads like prose is a reader comment
    for b in bs[comment_start + 1 :]:
        if b.category is None and b.score >= threshold and (b.g.prose or b.g.terminal):
            b.category, b.rule = Category.COMMENTS, "comments/after-comment-form"
    last: Category | None = None
    for b in bs:
        if b.index == title_idx:
            last = None
            continue
        if not (b.score >= threshold):
            last = None
            continue
        if b.category is not None:
            # (a weak rule's class only goes on a chain of its class: "Annons" over a breadcrumb, "Nyheter /
            # Krim", is no ad's; a cookie banner's buttons under its text stay the banner's)
            weak = b.strong is None and any(r.id == b.rule for r in b.weak)
            last = None if weak and b.category != last else b.category
            continue
        if last is not None:
            b.category, b.rule = last, f"{last.value}/inherited"
        elif b.index < lo:
            menu = (b.f.words <= 8 and not b.f.terminal) or _menu_row(b)  # a menu's row of 14 sections
            b.category = Category.NAVIGATION if menu else Category.OTHER
            b.rule = f"{b.category.value}/before-article"
        elif b.index > hi:
            b.category, b.rule = Category.OTHER, "other/after-article"
        else:
            b.category, b.rule = Category.OTHER, "other/context"
