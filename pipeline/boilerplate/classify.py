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

import bisect
import dataclasses
import itertools
import logging
import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.boilerplate.features import (
    BlockFeatures,
    block_words,
    features_of,
    guess_language_of,
    has_date,
    joined_features,
)
from pipeline.boilerplate.prefilter import Dispatch, canon, requirement
from pipeline.boilerplate.rules_model import Rule, RulePack
from pipeline.boilerplate.stopwords import OPEN_ENDINGS, STOPWORDS
from pipeline.config import BoilerplateConfig
from pipeline.document import Category, Document, Span

log = logging.getLogger(__name__)

_COMMENT_CATS = (Category.COMMENT_FORM, Category.COMMENTS)
_AGENCY_CREDIT = "caption/xx/agency-credit"
_AGENCIES = "Reuters?|AP|AFP|dpa|PA|UPI|EFE|ANSA|Xinhua|Anadolu|Bloomberg|Kyodo|PAP|APA|KNA|epd|Yonhap|Télam"
_SIGN_OFF = re.compile(rf"[(\[]?({_AGENCIES})( ?/ ?({_AGENCIES}))*[)\]]?\.?$", re.IGNORECASE)
"""A news agency's sign-off under a wire story ("Reuters", "(AP)", "dpa/AFP"); not a photo credit
("Getty Images", "AP Photo", "REUTERS/Eva Manez")."""
_CREDIT_CATS = ("caption/en/credit-line", _AGENCY_CREDIT)
_QUOTE_OR_SAID = re.compile(r'"|\b(said|says|told|according to)\b', re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_HEADLINE_END = re.compile(r"[.:;,]$")
_DETAIL = re.compile(r"^[^\W\d_][\w./-]*(?: [\w./-]+){0,2} ?: [^\W_][\w./-]*(?: \S+){0,2}$")
"""A ``Label: value`` detail line: a label of up to three words, a colon, a value of up to three."""

# Region values (see module docstring, step 2).
_RULE_PENALTY = 5.0
_TAIL_MARKER_PENALTY = 40.0
_SHAPE_BONUS = 0.15
_OUTSIDE_SCORE = 0.9
_MAX_RULE_WORDS = 200
_STANDFIRST_WORDS = 50
_HEAD_METADATA = frozenset({Category.BYLINE, Category.READING_TIME, Category.OTHER, Category.SHARE_WIDGET})
"""What stands between a standfirst and the article's text: a byline, the date, the reading time,
share buttons. The region values it as no gap, so the standfirst is not cut off the article."""
"""A first prose block this short may be the standfirst: head-zone rules (bylines) also run on the
blocks between it and the next prose block."""


@dataclass
class _Block:
    index: int
    start: int
    end: int
    paragraph: int
    f: BlockFeatures
    g: BlockFeatures
    """Features of the logical block: hard-wrapped lines of one sentence are read together."""
    share: float = 1.0
    """This line's share of its logical block's words."""
    continues: bool = False
    """In hard-wrapped text, a line that continues the sentence of the line above (not the first of its
    logical block): it starts mid-sentence, so rules, which describe whole lines, do not run on it."""
    strong: Rule | None = None
    match: re.Match[str] | None = None
    weak: list[Rule] = field(default_factory=list)
    score: float = 0.0
    category: Category | None = None
    rule: str = ""


@dataclass(frozen=True)
class _Index:
    """A pack's rules ready to run on blocks: which may fire on a block, found with two scans."""

    rules: tuple[Rule, ...]
    searches: tuple[Callable[[str], re.Match[str] | None], ...]
    by_words: tuple[int, ...]
    """For each word count up to ``_MAX_RULE_WORDS``, the bits of the rules allowed on such a block."""
    dispatch: Dispatch


def _index(rules: tuple[Rule, ...]) -> _Index:
    by_words = [0] * (_MAX_RULE_WORDS + 1)
    for i, r in enumerate(rules):
        for n in range(max(0, r.min_words), min(r.max_words, _MAX_RULE_WORDS) + 1):
            by_words[n] |= 1 << i
    reqs = [requirement(r.pattern, r.case_sensitive) for r in rules]
    return _Index(rules, tuple(r.regex.search for r in rules), tuple(by_words), Dispatch(reqs))


def _rule_lang(rule: Rule) -> str:
    """The language of a pack's rule by its id ("newsletter/de/anmelden": "de"); "" for a site's rule.

    >>> _rule_lang(Rule("newsletter/de/anmelden", Category.NEWSLETTER, "x"))
    'de'
    """
    parts = rule.id.split("/")
    return parts[1] if len(parts) == 3 else ""


_OTHER_LANGS = frozenset({"de", "fr", "es", "it", "pt", "pl", "nl"})
"""The languages of the shipped packs but English: their rules do not run on an English text (a
rule id naming another language or none, a site's rule or a user's, always runs)."""

_ENGLISH_SHARE = 0.2
"""A text whose stop words are this share of its words or more, most of them English, is English:
the other languages' rules do not run on its lines that read as English by their own stop words (a
German rule's "newsletter ..." took a line of an English wire story, a French "Source: ..." caption
rule a data source under a chart); on its other lines they do ("Lesen Sie auch: ...", "Publicité")."""


def _rule_plan(pack: RulePack, site: str | None) -> tuple[_Index, int]:
    """The pack's :class:`_Index` and the bits of its rules active on ``site`` (memoised on the pack)."""
    memo = pack.memo
    index = memo.get("index")
    if index is None:
        index = memo["index"] = _index(pack.rules)
        memo["site_dependent"] = pack.site_dependent
        memo["not_english"] = sum(1 << i for i, r in enumerate(pack.rules) if _rule_lang(r) in _OTHER_LANGS)
    key = ("site", site if memo["site_dependent"] else None)
    active = memo.get(key)
    if active is None:
        if len(memo) >= 256:
            for k in [k for k in memo if isinstance(k, tuple)]:
                del memo[k]
        on = {id(r) for r in pack.rules_for(site)}
        active = memo[key] = sum(1 << i for i, r in enumerate(pack.rules) if id(r) in on)
    return index, active


def warm_up(pack: RulePack) -> None:
    """Build the pack's rule index now (~0.1-0.2 s of regex parsing), e.g. before forking workers.

    :func:`detect` builds it on first use otherwise, once per process and pack.

    >>> from pipeline.boilerplate import load_rules
    >>> pack = load_rules(lang="en")
    >>> warm_up(pack)
    >>> "index" in pack.memo
    True
    """
    _rule_plan(pack, None)
    canon("\u0130")  # the table of irregular case mappings


def _site(doc: Document) -> str | None:
    """The host of the document's URL, else its site or group (a malformed URL has no host).

    >>> from pipeline.document import Document
    >>> _site(Document(id="a", source="a", format="jsonl", url="http://[::1", group="dump"))
    'dump'
    """
    if doc.url:
        try:
            host = urlsplit(doc.url).hostname
        except ValueError:  # "http://[::1": an unclosed IPv6 bracket, a bad port
            host = None
        if host:
            return host
    return doc.site or (doc.group or None)


def _blocks(doc: Document) -> list[tuple[int, int, int]]:
    if doc.blocks:
        return [(b.start, b.end, b.paragraph) for b in doc.blocks]
    out: list[tuple[int, int, int]] = []
    pos, para, blank = 0, 0, False
    for line in doc.text.split("\n"):
        stripped = line.strip()
        if stripped:
            if blank and out:
                para += 1
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), para))
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return out


def _table_rows(doc: Document, raw: list[tuple[int, int, int]]) -> set[int]:
    """Indices of blocks that repair unwrapped from ``| cell | cell |`` table rows (now ``cell | cell``)."""
    starts = sorted((r.start, r.end) for r in doc.repairs if r.fix == "table_row" and r.end > r.start)
    if not starts:
        return set()
    out: set[int] = set()
    j = 0
    for i, (s, e, _p) in enumerate(raw):
        while j < len(starts) and starts[j][1] <= s:
            j += 1
        if j < len(starts) and starts[j][0] < e:
            out.add(i)
    return out


def _open_end(text: str) -> bool:
    """The line stops on a word that needs a continuation ("KMS Industries Inc said its").

    >>> _open_end("KMS Industries Inc said its"), _open_end("Council Votes to Close the Old Bridge")
    (True, False)
    """
    last = text.rsplit(" ", 1)[-1].lower()
    return last in OPEN_ENDINGS


def _make_blocks(
    text: str, raw: list[tuple[int, int, int]], table_rows: set[int]
) -> tuple[list[_Block], str, float]:
    """Blocks with their own features and those of their logical block (wrapped lines joined),
    and the text's language and its stop words' share (:func:`guess_language_of` on the first 300
    blocks' words)."""
    words = [
        block_words(f"| {text[s:e]} |" if i in table_rows else text[s:e]) for i, (s, e, _) in enumerate(raw)
    ]
    lang, stop_share = guess_language_of(bw.lowered for bw in words[:300])
    min_stop = 0.18 if stop_share >= 0.12 else 0.0
    feats = [features_of(bw, lang, min_stop) for bw in words]
    # hard-wrapped text (newswire, e-mail): many long lines that stop mid-sentence
    wrapped_lines = sum(1 for f in feats if 50 <= f.chars <= 90 and not f.terminal)
    hard_wrapped_doc = wrapped_lines >= max(3, 0.3 * len(feats))
    groups: list[list[int]] = []
    for i, (_s, _e, para) in enumerate(raw):
        f = feats[i]
        if groups and i > 0 and raw[i - 1][2] == para:
            prev = feats[i - 1]
            long_next = f.chars >= 50 and not f.terminal
            # the lead's first line: the first of the second paragraph (the headline's is the first;
            # without a blank line under the headline, or without a headline, the rule stays off)
            lead = para == 1 and i >= 2 and raw[i - 2][2] == 0 and not prev.text.endswith(",")
            wrapped = (
                not prev.terminal
                and not prev.bullet
                and not f.bullet
                and (prev.words >= 3 or (prev.words == 2 and hard_wrapped_doc and long_next and lead))
            )
            # in hard-wrapped text a paragraph's lines are one sentence on: a line that is long, that
            # stops on "its" or "the", or that a long unterminated line follows (a first line whose
            # dateline was cut: "KMS Industries Inc said its"; the lead's first line, under the
            # headline, even of two words: "Household International") continues
            hard_wrap = hard_wrapped_doc and (prev.chars >= 50 or _open_end(prev.text) or long_next)
            if wrapped and (f.text[:1].islower() or prev.text.endswith((",", "-", ";")) or hard_wrap):
                groups[-1].append(i)
                continue
        groups.append([i])
    out: list[_Block] = []
    for grp in groups:
        if len(grp) == 1:
            g = feats[grp[0]]
        else:
            g = joined_features(
                [feats[i] for i in grp], [text[raw[i][0] : raw[i][1]] for i in grp], lang, min_stop
            )
        total = sum(feats[i].words for i in grp) or 1
        for i in grp:
            s, e, p = raw[i]
            cont = hard_wrapped_doc and i != grp[0]
            out.append(_Block(i, s, e, p, feats[i], g, share=feats[i].words / total, continues=cont))
    return out, lang, stop_share


def _prose_follows(bs: list[_Block], i: int, window: int = 6, words: int = 50) -> bool:
    """Article prose right above and right below block ``i``: an inline promo, not the article's end."""
    after = bs[i + 1 : i + 1 + window]
    before = bs[max(0, i - window) : i]
    return all(
        sum(b.f.words for b in part if b.g.prose and b.strong is None and not b.f.bullet) >= words
        for part in (before, after)
    )


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


def _under_first_byline(bs: list[_Block]) -> int:
    """The index of a finished paragraph of prose (``_RUN_PROSE_WORDS`` or more) right under the
    text's first byline, among its first lines, with only lines rules removed (a date, share
    buttons) between; else -1. It is the article's first paragraph, however lone and short
    ("Por Carmen Ruiz" / "Pocas recetas generan tanto debate en España como la tortilla ...")."""
    for b in bs[:_FIRST_BYLINE_REACH]:
        if b.strong is None or b.strong.category != Category.BYLINE:
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


def _isolated(bs: list[_Block], i: int) -> bool:
    """No prose block directly above or below the paragraph of line ``i`` (in a list of teasers,
    summaries sit between headlines). The hard-wrapped lines of one paragraph share its features
    and its answer: no other prose right above its first line or right below its last."""
    lo = hi = i
    while lo > 0 and bs[lo - 1].g is bs[i].g:
        lo -= 1
    while hi + 1 < len(bs) and bs[hi + 1].g is bs[i].g:
        hi += 1
    above = lo > 0 and bs[lo - 1].g.prose
    below = hi + 1 < len(bs) and bs[hi + 1].g.prose
    return not above and not below and lo > 0 and hi < len(bs) - 1


_CELL_GAP = re.compile(r"\S {3,}\S")


def _typeset(text: str, b: _Block) -> bool:
    """Whether line ``b`` of ``text`` is set out like a row of a plain-text table: indented by two
    spaces or more, or with cells three or more spaces apart. Wire copy sets its tables so
    ("    Pretax profit 24.8 mln vs 18.7 mln", "End Stocks   66.9    66.9    77.3"); text
    extracted from HTML has no such lines (a plain-text page dump may: see
    :func:`_table_of_figures`).

    >>> text = "HEADLINE\\n    Shr 20.1p vs 17.6p\\nEnd Stocks   66.9    66.9\\nHome News Sport"
    >>> rows = [(13, 31), (32, 57), (58, 73)]
    >>> [_typeset(text, _Block(0, s, e, 0, None, None)) for s, e in rows]
    [True, True, False]
    """
    line_start = text.rfind("\n", 0, b.start) + 1
    return b.start - line_start >= 2 or _CELL_GAP.search(text, b.start, b.end) is not None


_FIGURE = re.compile(r"(?<!\S)(?:\S*\d\S*|nil|n\.?a\.?|unch|-{2,})(?!\S)", re.IGNORECASE)
"""A figure in a table cell: a word with a digit, or a figure's placeholder ("nil", "n.a.", "unch",
"--"; not a lone "-", which separates menu items)."""
_TABLE_HEADING_WORDS = 8
"""Longest heading line over a typeset table (a crop's name, "UPLAND COTTON (In thousand bales)")."""
_TABLE_GAP = 3
"""Most lines in a row between two rows of a typeset table (column heads, subheadings, footnotes)."""
_TABLE_GAP_WORDS = 12
"""Longest such line ("Note - Price in dlrs per bu. Corn season begins Sept 1.")."""


@dataclass(frozen=True)
class _Tables:
    """The lines of a plain text's typeset tables (:func:`_typeset_tables`)."""

    lines: frozenset[int] = frozenset()
    """Rows, column heads, the short lines between rows, and the heading line over each table."""
    headings: frozenset[int] = frozenset()
    """The heading lines (a headline may stand right over a table: it may still be the title)."""


_CELL = re.compile(r"\S+(?: \S+)*")
"""A cell of a line set out in cells: words one space apart."""


def _cell_edges(text: str, b: _Block) -> list[tuple[int, int]]:
    """The columns (from the line's start, indentation included) where each cell of line ``b`` starts
    and ends.

    >>> text = "x\\n  Natl   Loan"
    >>> _cell_edges(text, _Block(0, 4, 15, 0, None, None))
    [(2, 6), (9, 13)]
    """
    line_start = text.rfind("\n", 0, b.start) + 1
    line = text[line_start : b.end]
    return [(m.start(), m.end()) for m in _CELL.finditer(line)]


def _aligned(heads: list[tuple[int, int]], row: list[tuple[int, int]]) -> bool:
    """Whether most cells of a line of column ``heads`` start in the column where a cell of ``row``
    starts, or end where one ends: "Natl   Loan   Release" over "Wheat   2.55   2.40   4.65"
    (numbers are set right).

    >>> _aligned([(9, 13), (16, 20), (31, 38)], [(1, 6), (9, 13), (16, 20), (34, 38)])
    True
    >>> _aligned([(0, 4), (7, 15), (18, 25), (28, 37)], [(20, 24), (40, 44)])  # a menu over a row
    False
    """
    starts = {a for a, _ in row}
    ends = {z for _, z in row}
    hits = sum(1 for a, z in heads if a in starts or z in ends)
    return 2 * hits > len(heads)


def _teaser_like(b: _Block) -> bool:
    """A headline in Title Case of four words or more (not all capitals, as wire copy's table
    headings are, nor ending in "--" or ":" as a table's subheading does: "BRAZIL SOYBEAN MEAL, in mln
    tonnes --"): a teaser set between the rows of a markets box, not a line of the table."""
    f = b.f
    return (
        f.words >= 4
        and f.title_case >= 0.6
        and not f.text.isupper()
        and not f.terminal
        and not f.text.endswith(("-", ":"))
    )


def _typeset_tables(text: str, bs: list[_Block]) -> _Tables:
    """The lines of the plain-text tables in ``text`` (wire copy's crop, price and results tables).

    A table is a run of three or more *rows* (two under a column head or a short line), at least
    two of them set out in cells (three spaces or more between two characters: :data:`_CELL_GAP`),
    every row with a figure (:data:`_FIGURE`: "nil" and "--" count) and, when not set out in cells,
    a line of 12 words at most with three figures, or two and no date ("Posted 12.05.2024 10:30"
    is no row). Up to :data:`_TABLE_GAP` lines between two rows belong to it: short lines
    ("Supply (mln bu) --", "X-Includes imports.", "CORN (cont.)") and column heads (lines
    without figures whose cells stand two spaces apart or more), not Title Case headlines (a
    teaser between the rows of a markets box). Column heads right above its first row belong to
    it too ("Natl   Loan   Release   Call"), with the short lines among them, and so does the
    heading line right above ("ALL WHEAT", "SOYBEAN CAKE AND MEAL": short, no end punctuation,
    not prose). Never the first line (the headline's place), no line a rule matched, none with a
    link or a text browser's link references.

    >>> text = "H\\nPrices --\\n  Crop    Loan   Call\\n  Wheat   2.55   --\\nX-in.\\n  Corn    1.35   3.15"
    >>> text += "\\n  Oats    nil    nil"
    >>> bs = _make_blocks(text, _blocks(Document("t", "t", "text", text=text)), set())[0]
    >>> t = _typeset_tables(text, bs)
    >>> sorted(t.lines), sorted(t.headings)
    ([1, 2, 3, 4, 5, 6], [1])
    """
    # most texts have no two lines in cells: counted at C speed (an indentation adds at least as
    # many "   " as "\n   ", a gap inside a line one "   " more), else found in one pass
    if text.count("   ") - text.count("\n   ") < 2:
        return _Tables()
    gaps = [i for i in map(_match_start, _SPACES.finditer(text)) if i and not text[i - 1].isspace()]
    if len(gaps) < 2:
        return _Tables()
    refs = "[" in text
    kinds: list[str] = ["x"]  # per block: "r" row, "h" column head, "g" short line, "x" none
    in_cells = [False]  # per block: set out in cells (a gap of three spaces or more inside it)
    k = 0
    for b in bs[1:]:
        while k < len(gaps) and gaps[k] < b.start:
            k += 1
        cells = k < len(gaps) and gaps[k] < b.end
        in_cells.append(cells)
        if b.strong is not None or b.f.links or (refs and _LINK_REF.search(text, b.start, b.end)):
            kinds.append("x")
            continue
        figures = len(_FIGURE.findall(b.f.text))
        # in cells, half the cells hold figures ("Wheat   2.55   2.40   IV   4.65"), not one of many
        # ("Home   Football   Formula 1   Rugby Union   Tennis": a menu)
        parts = _CELL.findall(text, b.start, b.end) if cells and figures else []
        tabular = bool(parts) and 2 * sum(1 for c in parts if _FIGURE.search(c)) >= len(parts) - 1
        if figures and (
            tabular or (b.f.words <= _TABLE_GAP_WORDS and (figures >= 3 or (figures == 2 and not b.f.date)))
        ):
            kinds.append("r")
        elif (cells or "  " in text[b.start : b.end]) and not figures and b.f.words <= _TABLE_GAP_WORDS:
            kinds.append("h")  # column heads may stand two spaces apart ("Super Tankers  Regular Vessels")
        elif b.f.words <= _TABLE_GAP_WORDS and not _teaser_like(b):
            kinds.append("g")
        else:
            kinds.append("x")
    n = len(bs)
    for i, kind in enumerate(kinds):
        if kind == "h":
            # column heads stand over the columns of the rows next to them; a menu set out in cells
            # ("Home   Football   Cricket   Formula 1") does not
            near = (*range(i + 1, min(n, i + 2 + _TABLE_GAP)), *range(i - 1, max(0, i - 2 - _TABLE_GAP), -1))
            row = next((j for j in near if kinds[j] == "r"), None)
            if row is None:
                kinds[i] = "x"
                continue
            heads, row_cells = _cell_edges(text, bs[i]), _cell_edges(text, bs[row])
            # wire copy centres its heads in capitals ("COUNTRY   AT PLANT"), or sets a few right over
            # the row ("Super Tankers  Regular Vessels" / "North End:  13 hrs   15 hrs")
            over = row == i + 1 and len(heads) <= len(row_cells)
            if not (_aligned(heads, row_cells) or bs[i].f.text.isupper() or over):
                kinds[i] = "x"
    lines: set[int] = set()
    headings: set[int] = set()
    i = 1
    while i < n:
        if kinds[i] != "r":
            i += 1
            continue
        run = [i]  # a run of rows, with the lines between them
        j = i + 1
        while j < n:
            between = 0
            while j + between < n and kinds[j + between] in "hg" and between < _TABLE_GAP:
                between += 1
            if j + between < n and kinds[j + between] == "r":
                run.extend(range(j, j + between + 1))
                j += between + 1
            else:
                break
        rows = [x for x in run if kinds[x] == "r"]
        celled = sum(1 for x in rows if in_cells[x])
        # three rows, or two under a column head or a short line ("Super Tankers  Regular Vessels")
        headed = i > 1 and kinds[i - 1] in "hg"
        if celled >= 2 and (len(rows) >= 3 or (len(rows) == 2 and headed)):
            # right above the first row: column heads, with short lines among them ("SHIPMENT   BASIS
            # CBT MONTH   PREV" / "Soybean (cents per bushel)" / "Fob Paranagua")
            top = i
            while top - 1 >= 1 and kinds[top - 1] in "hg" and i - top < _TABLE_GAP:
                top -= 1
            while top < i and kinds[top] != "h":
                top += 1  # from the topmost column head on
            first = top
            lines.update(range(first, i))
            lines.update(run)
            h = bs[first - 1] if first > 1 else None
            if (
                h is not None
                and kinds[h.index] != "x"
                and not h.continues
                and not h.g.prose
                and 0 < h.f.words <= _TABLE_HEADING_WORDS
                and not h.f.terminal
            ):
                lines.add(h.index)
                headings.add(h.index)
        i = j
    return _Tables(frozenset(lines), frozenset(headings))


_SPACES = re.compile(r"   +(?=\S)")
"""Three spaces or more before a character: :data:`_CELL_GAP` when a character precedes them (the
literal prefix makes this search several times faster on wire copy, whose paragraphs are indented)."""
_match_start = operator.methodcaller("start")

_LINK_REF = re.compile(r"\[\d+\]")
"""A text browser's link reference ("[3]Home" in a lynx or w3m page dump)."""


def _table_of_figures(text: str, bs: list[_Block], listy: list[bool]) -> list[int]:
    """The rows of the typeset tables of figures that a plain text is mostly made of: indexes of
    the items of lists of figures (``listy``) that :func:`_typeset` accepts, when they are at
    least 3, 40 % of the blocks, and hold at least as many words as the prose (a wire story's
    results, crop tables); else none, so that the figures around an article in a page dump
    (tickers over the headline, "Most read" ranks, a weather box, a cookie table) stay chrome.
    Lines with a text browser's link references ("[7]Log in   [8]Subscribe") are no rows.

    >>> text = "HEAD\\n    Shr 20.1p vs 17.6p\\n    Net 1.2 mln vs 0.9 mln\\n    Revs 5.1 mln vs 4.2 mln"
    >>> bs = _make_blocks(text, [(0, 4, 0), (9, 27, 0), (32, 54, 0), (59, 82, 0)], set())[0]
    >>> _table_of_figures(text, bs, [False, True, True, True])
    [1, 2, 3]
    >>> _table_of_figures(text, bs, [False, True, True, False])  # two rows are no table
    []
    """
    rows = [
        b.index
        for b in bs
        if listy[b.index] and _typeset(text, b) and _LINK_REF.search(text, b.start, b.end) is None
    ]
    if len(rows) < 3 or len(rows) < 0.4 * len(bs):
        return []
    prose = sum(b.f.words for b in bs if b.g.prose)
    return rows if sum(bs[i].f.words for i in rows) >= prose else []


def _data_like(b: _Block) -> bool:
    """A table row, a short line with figures (an ingredient, a spec, a result) or a short detail line
    ("Farbe: grün", "Moderator: Hass Chapman"): content, not chrome.

    A detail's value is short (up to three words) or has figures: "Video: Minister resigns over
    budget row" is a teaser headline with a kicker, not a detail.
    """
    f = b.g
    if b.strong is not None or f.link_ratio != 0:
        return False
    if f.table_row:
        return True
    if f.words <= 12 and _DIGIT.search(f.text) is not None:
        return not f.date  # a dated line ("News date: 04/21/2022", "Posted 12.05.2024") is metadata
    return f.words <= 6 and _DETAIL.match(f.text) is not None


def _sentence_like(b: _Block) -> bool:
    """A line of running text (four words or more, with stop words), no rule match.

    Not Title Case, or dense in stop words: German capitalises every noun, so "Das Design, der
    Innenraum, die Sitze" has a high Title Case share but reads as text.
    """
    f = b.g
    return (
        b.strong is None
        and f.words >= 4
        and f.stop_ratio >= 0.15
        and (f.title_case < 0.6 or f.stop_ratio >= 0.3)
    )


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
    if f.words <= 3 and not f.terminal and f.link_ratio == 0 and not f.bullet and not _DIGIT.search(f.text):
        # a heading that announces content ("Ingredients:" over a list or prose, "Method:"), a short
        # heading over a list of figures, or an item of such a list is content, not a menu
        announces = (
            f.text.endswith(":")
            and below is not None
            and (below.g.prose or below.f.bullet or _data_like(below) or _sentence_like(below))
        ) or (below is not None and _CODA.search(below.f.text) is not None)  # "Reference" over a citation
        return not announces and not any(in_list)
    return _headline_shaped(f, 4) and not f.terminal and f.title_case >= 0.6


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


_PROMO = re.compile(
    r"[%$€£?]|\b(save|shop|buy|order|offers?|deals?|discount|free (delivery|shipping|trial)|sign up|"
    r"subscribe|compare|watch|click|book now|limited time|get \d+|try|discover)\b",
    re.IGNORECASE,
)
"""An ad's copy: prices, percentages, a question, a call to buy, watch or sign up."""
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


def _under_read_also(bs: list[_Block], cut: int, stop: int) -> int:
    """Where the chrome starts when ``cut`` is a read-also box inside the article with the article's
    last paragraphs under it ("Lesen Sie auch" / two teaser headlines / "Die Opposition kündigte an,
    ... sagte Fraktionschef Peter Wagner."): the box's heading (:data:`_READ_ALSO`), one to
    :data:`_INLINE_TEASERS` teaser headlines (:func:`_inline_teaser`), then paragraphs of prose of
    two sentences or more each, no rule on them, no question or exclamation mark, no ad's copy
    (:data:`_PROMO`), up to ``stop`` or a rule's chrome; else ``cut``.

    A teaser's summary under its headline ("Lesen Sie auch" / "Neue Buslinie ..." / "Seit Montag
    fährt die Linie 12 alle zehn Minuten.") is no paragraph of the article: a paragraph of one
    sentence ends nothing, nor does one headline over one paragraph (two headlines or two
    paragraphs do).
    """
    if cut >= stop:
        return cut
    head = bs[cut]
    if (
        head.strong is None
        or head.strong.category != Category.RELATED_LINKS
        or _READ_ALSO.match(head.f.text) is None
    ):
        return cut
    k = cut + 1
    while k < stop and k - cut <= _INLINE_TEASERS and not bs[k].continues and _boxed_teaser(bs[k]):
        k += 1
    if k == cut + 1:
        return cut
    end = k
    while (
        end < stop
        and bs[end].strong is None
        and not bs[end].weak
        and bs[end].g.prose
        and bs[end].f.terminal
        and _SENTENCE_END.search(bs[end].f.text) is not None
        and not any(c in bs[end].f.text for c in "!?")  # a promo's copy: "Das kannst du auch! Über ..."
        and _PROMO.search(bs[end].f.text) is None
    ):
        end += 1
    # one headline over one paragraph may be a teaser with its summary: two of either are not; and a
    # lone paragraph that shares words with the last headline over it, not with the article, is that
    # teaser's summary ("New timetable brings faster trains ..." / "Journeys will be cut ... trains")
    if end > k and (k - cut >= 3 or end - k >= 2) and (end == stop or bs[end].strong is not None):
        if end - k == 1:
            para = _content_words(bs[k].f.text)
            teaser = len(para & _content_words(bs[k - 1].f.text))
            article = len(para & _content_words(" ".join(b.f.text for b in bs[max(0, cut - 6) : cut])))
            if teaser and article <= teaser:
                return cut
        return end
    return cut


def _content_words(text: str) -> set[str]:
    """The words of five letters or more of ``text``, case folded (a crude topic for comparing lines,
    short of most function words: "will", "from", "more")."""
    return {w.casefold() for w in re.findall(r"[^\W\d_]{5,}", text)}


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
    # an ad's label between the article's paragraphs, with the last paragraph under it, then a rule's
    # chrome or the end ("ADVERTISEMENT" / "The decision can be appealed ..." / "© 2024 ...")
    k = cut
    while k < min(stop, cut + _AD_LINES) and _ad_label(bs[k]):
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


_CODA = re.compile(
    r"\bborn\b[^;]{3,60}; ?died\b.{3,40}$|\([^()]{2,60}, [£$€] ?\d[\d.,]*[^()]{0,20}\)\.?$"
    r"|\bet al\.,? .{10,200}\(\d{4}\)|\bdoi: ?10\.\d{4,}/\S+$",
    re.IGNORECASE,
)
"""The last line of an obituary ("Margaret Ann Hollis, engineer, born 4 March 1933; died 19 August
2024"), a review's book details ("Orbital by Samantha Harvey (Jonathan Cape, £14.99, 144pp)") or a
study's citation ("Wheeler, T. et al. Symbiont shuffling ... Nature Climate Change (2024).
doi:10.1038/..."): content under the article, not a teaser."""

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


_TIME_ONLY = re.compile(r"^\d{1,2}(:\d\d\b|\.\d\d(?![.\d]))")
_MONTH_YEAR = re.compile(
    r"^(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|août|déc|"
    r"ene|abr|ago|dic)[a-zäéû]*\.? \d{4}$",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"^(updated:? )?(\d+ ?(s|m|h|d|mins?|minutes?|hrs?|hours?|days?|weeks?|months?) ago"
    r"|vor \d+ ?(min|minuten|std|stunden?|tagen?)"
    r"|il y a \d+ ?(min|minutes?|h|heures?|jours?)"
    r"|hace \d+ ?(min|minutos?|h|horas?|días?))\b",
    re.IGNORECASE,
)
"""A relative publication time, maybe followed by what the teaser holds: "32M ago", "17H ago 50 photos",
"7H ago 08:51" (a video's length), "vor 3 Stunden"."""
_TEASER_SUMMARY_WORDS = 80
"""Longest summary under a teaser headline that :func:`_dated_teasers` takes."""


def _stamp(b: _Block) -> bool:
    """A short line that dates something: "31.01.2022", "18. Nov 2021", "- Nov. 8", "10 mars 2020",
    "32M ago", "17H ago 50 photos".

    A bare time ("12:24") is not a stamp: a live blog's entries are timed, and they are content.
    """
    f = b.f
    if f.words > 8 or f.prose:
        return False
    if _AGO.match(f.text):
        return True
    if f.bullet:  # "18. Nov 2021": the day was read as a list number
        return _MONTH_YEAR.match(f.text) is not None
    by_rule = b.strong is not None and b.strong.id == "other/xx/date-only"
    return (f.date or by_rule) and _TIME_ONLY.match(f.text) is None


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
    paragraph under one headline or a bullet ends the run: an article with dated sections reads
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
_COUNTER = "other/xx/counter"


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


def _rule_category(b: _Block) -> Category | None:
    """The category of the strong rule that matched ``b``, if any."""
    return None if b.strong is None else b.strong.category


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


def _shape_value(g: BlockFeatures) -> float:
    """Region value of a block that is not prose: lists, table rows and short sentences count a little."""
    if g.words == 0:
        return -1.0
    if g.link_ratio >= 0.3:
        return -4.0
    if g.table_row:
        return 0.5 * g.words
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


def _headline_shaped(f: BlockFeatures, min_words: int = 3) -> bool:
    return (
        min_words <= f.words <= 25
        and f.chars <= 220
        and not _HEADLINE_END.search(f.text)
        and not f.text.endswith(".")
        and not f.bullet
        and f.link_ratio == 0
    )


def detect(doc: Document, cfg: BoilerplateConfig, pack: RulePack) -> Document:
    """Return ``doc`` with boilerplate ``removed`` spans, and ``title``/``author`` when found in the text.

    Offsets are into ``doc.text``; every span covers one whole block (line).
    Spans already on the document (e.g. from other stages) are kept.
    """
    if not cfg.enabled or not doc.text.strip():
        return doc
    raw_blocks = _blocks(doc)
    if not raw_blocks:
        return doc
    plan = _rule_plan(pack, _site(doc))
    from_html = doc.is_html
    bs, lang, stop_share = _make_blocks(doc.text, raw_blocks, _table_rows(doc, raw_blocks))
    n = len(bs)
    prose_idx = [b.index for b in bs if b.g.prose]
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
    head_end = prose_idx[0] if prose_idx else n // 3
    if len(prose_idx) >= 2 and bs[prose_idx[0]].f.words <= _STANDFIRST_WORDS:
        # a short first paragraph is often the standfirst, with the byline and date under it
        # ("The city will spend more on roads ...", "By Sarah Jones", "Updated 9:14pm"): the head
        # zone runs on to the next prose block, for the blocks that are no prose
        head_late = prose_idx[1]
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

    # 1. rule matches (a rule runs only on blocks that have its required prefix or literal text); in
    # hard-wrapped text a line that continues the sentence above ("newsletter targeted to private
    # investors.", "reply to a shareholder's inquiry.") starts mid-sentence: no rule applies to it
    index, active = plan
    # on an English text, a line that reads as English (its stop words) gets no other language's
    # rules ("newsletter targeted to private investors."); "Lesen Sie auch: Warum ..." and
    # "Publicité" still do
    english = active & ~pack.memo["not_english"] if lang == "en" and stop_share >= _ENGLISH_SHARE else active
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
                late = rule.zone == "head" and b.index < head_late and not b.g.prose
                early = rule.zone == "tail" and b.index >= tail_early
                if not (late or (early and (not b.g.prose or not bs[b.index - 1].g.prose))):
                    continue
            m = index.searches[i](text)
            if m is None:
                continue
            if rule.strength == "strong":
                if b.strong is None:
                    b.strong, b.match = rule, m
                    if head_end < b.index < head_late and rule.category in _HEAD_METADATA:
                        under_standfirst.add(b.index)
            else:
                b.weak.append(rule)
    # a one-word article tool ("Save", "Listen", "Vorlesen") below the head goes only in a row of
    # buttons (another share button next to it): else it is a song, a heading, a button an article
    # is about
    for b in bs:
        tool = b.strong
        if tool is None or b.f.words != 1 or not tool.id.endswith("/article-tools") or b.index <= head_late:
            continue
        beside = [bs[j].strong for j in (b.index - 1, b.index + 1) if 0 <= j < n]
        if not any(x is not None and x.category == Category.SHARE_WIDGET for x in beside):
            b.strong, b.match = None, None
    # plain text: the lines of typeset tables (wire copy's crop, price and results tables) are neither
    # chrome nor a gap in the article: they count for nothing in the region, are no evidence around it
    tables = _Tables() if from_html else _typeset_tables(doc.text, bs)
    # a table with prose right below it is part of the article (the lead, the table, the notes);
    # one with none (a markets or weather box after the article, teasers below it) is not bridged
    bridged: set[int] = set()
    group: list[int] = []
    for i in sorted(tables.lines):
        if group and i != group[-1] + 1:
            group = []
        group.append(i)
        if i + 1 not in tables.lines and i + 1 < n and bs[i + 1].g.prose and bs[i + 1].strong is None:
            bridged.update(group)

    # 2. article region
    # a byline no rule took, of another shape, under a standfirst ("Edited by Grace Mwangi", "Helen
    # Marsh, Retail Correspondent"): the byline's line all the same
    role_lines: set[int] = set()
    for i in range(head_end + 1, head_late):
        x = bs[i]
        if x.strong is None and _byline_line(x):
            # a bare "By ..." only over the date or other metadata (not a guide's heading "By Car and Ferry")
            plain_by = x.f.text[:3].lower() == "by "
            meta = i + 1 < n and _rule_category(bs[i + 1]) in _HEAD_METADATA
            if meta or not plain_by:
                role_lines.add(i)

    def bylined(i: int) -> bool:
        return i in role_lines or _rule_category(bs[i]) == Category.BYLINE

    under_standfirst |= role_lines
    if not any(bylined(i) for i in under_standfirst):
        under_standfirst = set()  # no byline: the short prose above may be a teaser's summary
    # under a standfirst, the byline's role line and the date no rule knew ("By Rebecca Lowe" / "Court
    # Reporter" / "15:30, 11 APR 2024") are the byline's metadata
    for i in range(head_end + 1, head_late if under_standfirst else 0):
        if i - 1 in under_standfirst and _role_line(bs[i]):
            role_lines.add(i)
            under_standfirst.add(i)
    # under a finished standfirst (not a long headline that reads as prose) with no headline between
    # it and the byline ("Could a tax ...?" / "Advertisement" / "Bins Go Fortnightly" / "By ..."), the
    # metadata, a photo's caption or a notice ("Please turn on JavaScript") is no gap at all
    zero_head: set[int] = set()
    jump_lines: set[int] = set()
    sf = bs[head_end] if under_standfirst else None
    if sf is not None and sf.f.terminal and sf.strong is None:
        by = min(i for i in under_standfirst if bylined(i))
        if all(bs[i].strong is not None or i in role_lines for i in range(head_end + 1, by)):
            upper = head_late  # (a notice that reads as prose ends the zone: "Please turn on JavaScript ...")
            while upper < n and not getattr(bs[upper].strong, "tail_marker", True):
                upper += 1
            zero_head = under_standfirst | {
                i
                for i in range(head_end + 1, upper)
                if bs[i].strong is not None and not getattr(bs[i].strong, "tail_marker", True)
            }
            # a jump list right above the article ("Jump to:" / "Best overall" / ...): no gap, and it goes
            body = next((i for i in range(upper, n) if bs[i].g.prose and bs[i].strong is None), n)
            jump = _jump_list(bs, body)
            if jump and jump.start == upper:
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
    values: list[float] = []
    total_prose = sum(b.f.words for b in bs if b.g.prose)
    prose_seen = 0
    comment_start = n
    steps = _step_numbers(bs)
    # a bare figure next to a line of figures is one of them (a match's attendance under its
    # scorers, a rates table's first value), not a page's count of comments or shares ("1498 shares")
    for b in bs:
        bare = b.strong is not None and b.strong.id == _COUNTER and not any(c.isalpha() for c in b.f.text)
        around = (bs[j] for j in (b.index - 1, b.index + 1) if 0 <= j < n)
        if bare and b.index not in steps and any(_data_like(x) for x in around):
            b.strong, b.match = None, None
    entries = _entry_times(bs)
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
        # so does the metadata under a standfirst (byline, date): it does not cut the standfirst off
        caption = caption or b.index in under_standfirst
        entry_head = b.index - 1 in entries and b.strong is None and not b.g.prose  # "Altstadt gesperrt"
        if (
            b.index in steps
            or b.index in entries
            or b.index in entry_tools
            or b.index in zero_head
            or entry_head
        ):
            v = 0.0  # a recipe's "1", "2", ... over each step, a live blog's "17:49": no gap
        elif b.strong is not None and not caption:
            v = -(_RULE_PENALTY + b.f.words)
            inline = b.strong.category not in _COMMENT_CATS and _prose_follows(bs, b.index)
            if b.strong.tail_marker and not inline:
                v -= _TAIL_MARKER_PENALTY
                if (
                    b.strong.category in _COMMENT_CATS
                    and comment_start == n
                    and prose_seen >= max(60.0, min(150.0, 0.3 * total_prose))
                ):
                    comment_start = b.index
        elif b.index in bridged:
            v = 0.0
        elif b.g.prose:
            v = float(b.f.words) * (1.0 - min(0.8, sum(r.weight for r in b.weak)))
            entry = any(b.index - k in entries for k in range(1, _ENTRY_REACH + 1))
            if b.g.words < 30 and _isolated(bs, b.index) and not entry:  # a teaser's one-line summary
                v *= 0.25
            prose_seen += b.f.words
        else:
            v = _shape_value(b.g) * b.share
        values.append(v)
    lo, hi = _best_region(values, comment_start)
    if hi < lo:  # nothing reads like an article: only rules decide
        lo, hi = 0, n - 1
    title_lo = lo  # the headline is looked for above the region as found: not among the list's lines
    if lo - 1 in entries:
        title_lo = lo - 1  # not the first entry's heading, under its time ("03:05" / "Final result: ...")
    if not from_html:
        lo = _listed_under_heading(bs, lo, hi)
    # a run of dated teasers (date, headline, one summary; again and again) that ends the region is
    # the page's list of other articles, however much its summaries read like prose
    teasers = n if from_html else _dated_teasers(bs, lo, hi)
    if teasers <= hi:
        hi = teasers - 1
    undated = n if from_html else _undated_teasers(bs, lo, hi)
    if undated <= hi:
        hi = undated - 1
        teasers = min(teasers, undated)

    # after the article, boilerplate starts at the first block with evidence (a rule, a teaser
    # headline, a menu item, a comment section): a list that merely continues the article stays
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

    # 3. scores inside the region; everything outside is boilerplate
    table = set(rows)
    # two or more lone paragraphs of prose above the region, each next to a date or time stamp, are
    # a list of teasers, however long their summaries
    firsts = [b for b in bs[:head_cut] if b.g.prose and (b.index == 0 or bs[b.index - 1].g is not b.g)]
    lone_of = {id(b.g): _isolated(bs, b.index) for b in firsts}
    teaser_list = sum(1 for b in firsts if lone_of[id(b.g)] and _stamped(bs, b)) >= 2
    ingredients = set() if from_html else _ingredients_above(bs, first, steps)
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
        if b.index in jump_lines:
            b.score, b.category, b.rule = 1.0, Category.NAVIGATION, "navigation/jump-list"
            continue
        if b.index in role_lines:
            if b.f.date:
                b.score, b.category, b.rule = 1.0, Category.OTHER, "other/head-date"
            else:
                b.score, b.category, b.rule = 1.0, Category.BYLINE, "byline/role"
            continue
        if b.index < head_cut and b.index in ingredients:
            continue  # a recipe's ingredient list above its steps
        if b.index < head_cut or b.index >= tail_cut:
            if b.index < head_cut and b.index in firsts_kept:
                continue  # the article's first paragraph under its byline, or its lead under the headline
            if b.index < head_cut and _prose_above(b, teaser_list, lone_of):
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
            continue
        if b.weak:
            s = sum(r.weight for r in b.weak)
            if not b.g.prose and b.f.words <= 12:
                s += _SHAPE_BONUS
            if _QUOTE_OR_SAID.search(b.f.text):
                s -= 0.4
            top = max(b.weak, key=lambda r: r.weight)
            b.score = s
            if s >= cfg.threshold:
                b.category, b.rule = top.category, top.id

    # captions: the line just above a credit line (same paragraph), and its exact copies; not a
    # hard-wrapped line that continues the sentence above ("... in" / "reply to a shareholder's
    # inquiry." over a "Reuters" sign-off), which starts mid-sentence, nor the article's last
    # paragraph over the agency's sign-off ("... shared with the region." / "Reuters"): a bare
    # agency name with nothing kept after it, under prose
    kept_after = n  # the first block from which on nothing is kept
    while kept_after > 0 and bs[kept_after - 1].score >= cfg.threshold:
        kept_after -= 1
    for b in reversed(bs):
        if b.index + 1 >= n or b.continues or (b.category is not None and b.score >= cfg.threshold):
            continue
        nxt = bs[b.index + 1]
        too_long = b.f.words > 45 or (b.g.prose and b.f.words > 30)
        if nxt.paragraph != b.paragraph or nxt.category != Category.CAPTION or too_long:
            continue
        if (
            nxt.rule == _AGENCY_CREDIT
            and b.g.prose
            and nxt.index >= kept_after
            and _SIGN_OFF.match(nxt.f.text)
        ):
            continue  # a sign-off
        if (
            nxt.rule in _CREDIT_CATS
            or nxt.f.text.startswith(b.f.text)
            or nxt.rule == "caption/adjacent-credit"
        ):
            if nxt.rule == "caption/adjacent-credit" and not nxt.f.text.startswith(b.f.text):
                continue
            b.score, b.category, b.rule = 0.8, Category.CAPTION, "caption/adjacent-credit"

    # menu echoes: a short label kept in or near the article whose text is also an item of a menu
    # the page shows elsewhere (removed by its position) is that menu's section link ("Seguridad"
    # over the headline and under each teaser, "TV", "Forum"), not content
    _menu_echoes(bs, data, cfg.threshold)

    # the teaser headlines under a related-links heading inside the article ("Lea también" /
    # "Bruselas pide a España medidas urgentes ...", "READ MORE:" / "* Gisborne roads still ..."):
    # the heading went by its rule, its short list of headlines goes with it
    for b in bs[lo : hi + 1 if from_html else max(hi + 1, tail_cut)]:
        if b.strong is None or b.strong.category != Category.RELATED_LINKS or not _READ_ALSO.match(b.f.text):
            continue  # not "Trending now" over a list of trends, nor "Read more: <the teaser itself>"
        # (a box the article resumes under, past the region: its lines were read as teasers already)
        teaser = _boxed_teaser if b.index > hi else _inline_teaser
        for x in bs[b.index + 1 : b.index + 1 + _INLINE_TEASERS]:
            if x.score >= cfg.threshold or x.continues or not teaser(x):
                break
            x.score, x.category, x.rule = 0.8, Category.RELATED_LINKS, "related_links/inherited"

    # 4a. context smoothing inside the region: short ambiguous blocks between two removed blocks
    def removed(x: _Block) -> bool:
        return x.score >= cfg.threshold

    for b in bs[1:-1]:
        if removed(b) or b.g.prose or b.f.words > 10:
            continue
        prev, nxt = bs[b.index - 1], bs[b.index + 1]
        if removed(prev) and removed(nxt) and prev.category is not None:
            b.score, b.category = 0.6, prev.category
            b.rule = f"{prev.category.value}/context"

    # 5. title and byline
    title_idx = _find_title(doc, bs, title_lo, rows, tables)
    author = doc.author
    for b in bs:
        if b.category == Category.BYLINE and b.match is not None and author is None:
            try:
                name = b.match.group("author")
            except IndexError:
                name = None
            if name:
                # as written ("O’Brien"), where the normalised text maps onto it character for character
                written = _as_written(doc, b)
                if len(written) == len(b.f.text):
                    name = written[b.match.start("author") : b.match.end("author")]
                name = name.strip()
                author = None if _org_name(name) else name
    # an author named without "By", where no byline rule named one
    # (a byline's line under the standfirst may lie inside the region: "Helen Marsh, Retail Correspondent")
    upto = max(lo, max(role_lines, default=-1) + 1)
    named = _bare_byline(bs, upto, title_idx, cfg.threshold) if author is None else None
    if named is not None:
        named[0].category, named[0].rule = Category.BYLINE, "byline/bare-name"
        author = named[1]

    # 4b. categories for boilerplate outside the region
    _label_outside(bs, lo, hi, title_idx, cfg.threshold, comment_start)

    spans = list(doc.removed)
    title = doc.title
    if title_idx is not None:
        tb = bs[title_idx]
        if title is None:
            title = _as_written(doc, tb)  # its quotes and characters as written: « », “ ”, …
        spans.append(Span(tb.start, tb.end, Category.TITLE, "title/first-line", 1.0))
    for b in bs:
        if b.index == title_idx or not removed(b):
            continue
        cat = b.category or Category.OTHER
        spans.append(Span(b.start, b.end, cat, b.rule or f"{cat.value}/region", round(min(b.score, 1.0), 3)))
    spans.sort()
    log.debug("%s: lang=%s region=[%d, %d] of %d blocks, %d spans", doc.id, lang, lo, hi, n, len(spans))
    return dataclasses.replace(doc, removed=tuple(spans), title=title, author=author)


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
_NAME_STOPS = frozenset().union(*STOPWORDS.values())


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
                or x.rule.endswith(("/date-only", "/dateline", "/timestamp", "/relative-time"))
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
        if (
            _NAME_LINE.match(name) is None
            or _BYLINE_WORD.match(name)
            or _org_name(name)
            or _ROLE.search(name)  # a role line: "Senior Mobile Editor"
            or _DIGIT.search(name)  # a product: "Samsung Galaxy S24"
            or _SECTION_WORD.search(name)
            or _stop_in_name(name)  # a headline: "Das Louis Vuitton Missgeschick"
            or _TOOL_WORD.search(name)  # buttons, a list's heading: "Tweet This", "Recent Posts"
            or sum(name in t for t in head)
            > 1  # in the breadcrumb too: "... • Partner » Heizjacken von Bosch"
        ):
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


_ECHO_WORDS = 3
"""Longest label that :func:`_menu_echoes` removes."""


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

    def between_paragraphs(b: _Block) -> bool:  # kept text on both sides: a paragraph or a list
        return 0 < b.index < n - 1 and all(
            x.score < threshold and (x.g.prose or x.f.bullet or x.f.words >= 4)
            for x in (bs[b.index - 1], bs[b.index + 1])
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

    echoes = [b for b in bs if echo(b)]
    headings = [b for b in echoes if between_paragraphs(b)]
    for b in echoes:
        if len(headings) >= 2 and between_paragraphs(b):
            continue
        b.score, b.category, b.rule = _OUTSIDE_SCORE, Category.NAVIGATION, "navigation/menu-echo"


def _as_written(doc: Document, b: _Block) -> str:
    """The block's text as written, its runs of white space folded to one space (the features' text
    is NFKC with straight quotes: "…" would be "...", "«Deutsch»" '"Deutsch"').

    >>> text = "«Ganz  normales» Deutsch"
    >>> bs = _make_blocks(text, [(0, len(text), 0)], set())[0]
    >>> _as_written(Document("t", "t", "text", text=text), bs[0]), bs[0].f.text
    ('«Ganz normales» Deutsch', '"Ganz normales" Deutsch')
    """
    written = " ".join(doc.text[b.start : b.end].split())
    return written.translate(_LIGATURES)


_LIGATURES = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
"""Typographic ligatures ("ﬁ", "ﬂ") as their letters: a title is searched and compared as words."""


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
        want = " ".join(doc.title.split()).lower()
        for b in bs[: max(lo, 1) + 1]:
            if b.f.text.lower() == want:
                return b.index
        return None
    # the document's first line, when it is a headline (skipping lines rules already removed)
    near = lo - bisect.bisect_left(rows, lo)  # the rows above the region do not count
    if near > 1 and all(i in lines for i in range(1, lo)):
        near = 1  # nothing but a table between the first line and the article
    first_name: int | None = None  # a site's name as the first line ("City News"), over a menu
    wrapped_doc = any(b.continues for b in bs)  # hard-wrapped text, such as wire copy
    for b in bs[: lo + 1 if near <= 6 else 0]:
        if b.index in rows or (b.index in lines and b.index not in headings):
            break  # a table row is no headline
        if b.strong is not None and b.strong.category in (Category.NAVIGATION, Category.OTHER):
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
            if _NAME_LINE.match(b.f.text) and (
                # over a menu ("City News" / "Home"), not over its standfirst, author or date
                (b.index + 1 < lo and nxt is not None and _menu_item(nxt))
                # a paper's name right over a headline ("The Lakeview Courier" / "Council approves
                # ..."), not a poem's title over its subtitle ("A new poem by Elena Marsh")
                or (
                    _PAPER_NAME.search(b.f.text) is not None
                    and nxt is not None
                    and nxt.strong is None
                    and _is_headline(nxt)
                    and nxt.f.words >= _OVER_NAME_WORDS
                )
            ):
                first_name = b.index
                if nxt is not None and b.index + 1 == lo and nxt.f.words >= _OVER_NAME_WORDS:
                    return nxt.index
                break
            return b.index
        break
    # else the region's first line, when it is a headline over the article's first prose (the
    # standfirst pulls it into the region: "NASA's commercial moon shot ..." / "NASA's sights are set
    # on ..." / "by Laura Winter"); else walk up from the region start over metadata lines (bylines,
    # dates, reading time, captions)
    # (short lines between it and the prose, 5 words shorter than it, are its metadata: "Spring 2024
    # issue", "Eleanor Vance")
    k = lo + 1
    while (
        k < min(len(bs) - 1, lo + 3)
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
    if (
        k < len(bs)
        and bs[lo].strong is None
        # a long headline reads as prose ("'I wrote it in the car park at the hospital': Ruth Adebayo
        # on her debut at 58"), but has no full stop
        and (_is_headline(bs[lo]) or _long_first_headline(bs, lo))
        and not _byline_line(bs[lo])
        and bs[k].g.prose
        and bs[k].g is not bs[lo].g  # not the first line of a hard-wrapped paragraph
        and not bs[k].continues
        and not _open_end(bs[lo].f.text)  # "Note: Oper excludes loss from discontinued operations of"
        and lo not in lines
        and not _typeset(doc.text, bs[lo])  # a wire table's row ("    Revs 123.4 mln vs not given")
        and not bs[lo].f.text[:1].islower()  # "barrow and gilt prices were mostly"
        and (first_name is None or bs[lo].f.words >= _OVER_NAME_WORDS)
    ):
        return lo
    skip = {
        Category.BYLINE,
        Category.READING_TIME,
        Category.SHARE_WIDGET,
        Category.CAPTION,
        Category.OTHER,
        Category.NEWSLETTER,  # "Receba notícias da Folha" between the headline and the article
        Category.ADVERTISEMENT,  # "Anzeige"
        Category.SITE_TEMPLATE,  # "Please turn on JavaScript to receive live updates."
    }
    names: list[int] = []  # name-shaped lines walked over, nearest first: an author, a place, a headline
    word: int | None = None  # a one-word line walked over ("Burnout"): a headline over its author
    author_over_date = False  # the nearest name-shaped line stands over a byline, date ... line

    def fallback() -> int | None:
        """No better line found: of two name-shaped lines the upper ("Starmer Resigns" over "Tom
        Baker"), else the one, else a site-name first line, else a headline over the byline."""
        if len(names) >= 2 and names[1] != first_name:
            return names[1]
        if len(names) == 1 and word == names[0] - 1 and author_over_date and bs[names[0]].f.words <= 3:
            return word  # "Burnout" over "Emily Carter" over the date
        if names:
            return names[0]
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
            if b.category in skip or tool or _TOOL_LABEL.match(b.f.text):
                stepped = True  # "17 Kommentare", "Comentarios", "Print", "Email" under the headline
                continue
            return fallback()
        if _byline_line(b):
            continue  # a byline that no rule took (its rule's zone ended at a kicker above it)
        unlabelled += 1
        if unlabelled > _TITLE_REACH:
            break
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
        long_one = (
            stepped
            and b.g.prose
            and b.f.words <= _LONG_HEADLINE_WORDS
            # its own paragraph, or run on only into lines that rules removed ("vandaag, 07:12")
            and all(x.strong is not None for x in bs[max(0, i - 8) : i + 9] if x.g is b.g and x is not b)
        )
        # a question over the article's byline or date ("Is the four-day week finally here?"),
        # not one right over an answer (an interview whose region starts below its question)
        # (one of a list of questions is a page's jump list: "What is a heat pump?" / "How much ...?")
        asks = (
            stepped
            and _question_headline(b)
            and not any(_question_headline(x) for x in bs[max(0, i - 1) : i + 2] if x is not b)
        )
        if asks and names:
            return fallback()  # a question teaser over an ad, then the headline "Bins Go Fortnightly"
        if asks and not _is_headline(b) and i > 0:
            over = bs[i - 1]
            if over.strong is None and over.index not in lines and _is_headline(over) and over.f.words >= 3:
                return over.index  # a short headline over its question standfirst
        if _is_headline(b) or asks or (long_one and _is_headline(b, prose=True)):
            # the last item of a list of figures ("Sliced almonds" under "200 g sugar") is no headline;
            # a headline with a figure over a name is no such list ("Na jedno miejsce przypada 20 osób")
            over_standfirst = long_one and i > 0 and bs[i - 1].f.words >= 5 and _is_headline(bs[i - 1])
            if i > 0 and _data_like(bs[i - 1]) and not over_standfirst:
                # (a headline with a figure over its standfirst is no list: "... for $420 Million" /
                # "Acquisition adds 1.1 GW of operating solar ...")
                prev = bs[i - 1]
                # (a listicle's headline may start with its figure: "12 free things to do in York ...")
                digit_first = prev.f.text[:1].isdigit() and not (prev.f.words >= 7 and _is_headline(prev))
                headline = (
                    prev.f.stops
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
            # a standfirst or a subtitle without a full stop under the headline: the line above it
            # is the headline ("Council approves new cycle lanes ..." / "The scheme will remove
            # 60 ...", "Why I'm moving my newsletter ..." / "And what paid subscribers will get");
            # not a kicker over it, which is no longer ("Potenzial für nachhaltigere Kunststoffe")
            up = bs[i - 1] if i > 0 else None
            if (
                up is not None
                and up.strong is None
                and up.index not in lines
                and not ((wrapped_doc or lines or rows) and _typeset(doc.text, up))  # a table's row
                and (_is_headline(up) or _question_headline(up))
                and up.f.words >= 4
                and (up.f.words > b.f.words or b.f.words >= _STANDFIRST_MIN_WORDS)
                and not _NAME_LINE.match(up.f.text)  # a kicker ("Thunder Bay") over a long headline
            ):
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


_HEAD_TOOLS = frozenset({Category.COMMENT_FORM, Category.COMMENTS, Category.PAYWALL})
"""Categories of short lines (at most four words) that the title search steps over like bylines:
a comment count or link and a subscriber label under the headline."""
_TOOL_WORDS = 4
"""A headline-shaped line this short under the head's metadata may be a button no rule knows..."""
_TOOL_LABEL = re.compile(
    r"(print|email|e-mail|share|comments?|save|sign up|drucken|imprimer|imprimir|stampa)$", re.IGNORECASE
)
"""A one-word article tool that a menu rule took ("Print", "Email"): under the headline, stepped over."""
_LONGER_BY = 5
"""...when a headline this many words longer stands above it, over removed lines only."""


_TOC_HEADING = re.compile(
    r"(on this page|in this (article|guide|story)|contents|table of contents|jump to( section)?"
    r"|skip to section|inhalt|inhaltsverzeichnis|auf dieser seite|sommaire|dans cet article|índice"
    r"|contenido|en este artículo|indice|in questo articolo|spis treści|inhoudsopgave|op deze pagina)[:.]?$",
    re.IGNORECASE,
)
"""The heading of a page's jump list ("On this page", "Contents", "Inhalt")."""


def _jump_list(bs: list[_Block], lo: int) -> range:
    """The lines of a page's jump list right above the article: its heading ("On this page",
    "Contents", "Jump to:") over short items, one at least a section heading of the article below
    ("Symptoms" / "Causes" / "Frequently asked questions"); else an empty range."""
    for j in range(lo - 1, max(-1, lo - _JUMP_ITEMS - 2), -1):
        x = bs[j]
        if _TOC_HEADING.match(x.f.text):
            if j == lo - 1:
                return range(0)
            headings = {
                b.f.text.casefold() for b in bs[lo:] if b.f.words <= _NAME_WORDS and b.f.text[-1:] not in ".!"
            }
            echoed = any(bs[i].f.text.casefold() in headings for i in range(j + 1, lo))
            return range(j, lo) if echoed else range(0)
        if x.f.words > _NAME_WORDS or x.f.text[-1:] in ".!":
            break
    return range(0)


_JUMP_ITEMS = 12
"""Most items of a jump list :func:`_jump_list` reads."""


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


def _headline_over_byline(bs: list[_Block]) -> int | None:
    """The text's first line, when it is a headline with the byline at most three lines below
    ("Tortilla de patatas tradicional" / standfirst / "Por Carmen Ruiz"): a head too far above
    the article (over an ingredient list) for the search from the article up."""
    first = next((b for b in bs if b.strong is None or b.strong.category != Category.NAVIGATION), None)
    if first is None or first.strong is not None or not (_is_headline(first) or _question_headline(first)):
        return None
    below = bs[first.index + 1 : first.index + 4]
    if any(x.strong is not None and x.strong.category == Category.BYLINE for x in below):
        return first.index
    return None


_INLINE_TEASERS = 6
_READ_ALSO = re.compile(
    r"(read (more|also|next)|also read|see also|related( (stories|articles|coverage|reading|content))?|"
    r"more on this( story| topic)?|you (may|might) also like|lea (también|más)|lee (también|más)|"
    r"(notas|noticias|artículos) relacionad[ao]s|te puede interesar|también te puede interesar|"
    r"leia (mais|também)|veja (também|mais)|saiba mais|(notícias|matérias) relacionadas|"
    r"leggi anche|leggi (di )?più|articoli correlati|lire aussi|à lire aussi|à lire également|"
    r"sur le même sujet|articles liés|mehr zum thema|lesen sie auch|auch interessant|weitere artikel|"
    r"das könnte sie auch interessieren|czytaj (też|także|również|więcej)|lees ook|zie ook)[:.…]*$",
    re.IGNORECASE,
)
"""A related-links heading that only ever heads teasers ("Lea también", "READ MORE:"); not one that
may head the article's own list ("Trending now", "Themen der Sitzung", "More from the collection")."""
"""At most this many teaser headlines under a related-links heading inside the article."""


def _inline_teaser(b: _Block) -> bool:
    """A teaser headline: 3-25 words, no sentence end, no rule; a bullet item too ("* Gisborne
    roads still scarred two years on"), or a headline with its author ("... dauert Von Lena Schott")."""
    f = b.f
    if b.strong is not None or not 3 <= f.words <= 25 or f.terminal or f.chars > 220 or f.text.endswith(":"):
        return False  # nor a line that announces what follows ("* Was der Stern bedeutet:")
    # a headline of six words or more: a shorter line is the article's next subheading ("What
    # happens next") under a heading whose teasers were stripped
    return f.bullet or (f.words >= 6 and _headline_shaped(f, 3))


_PAPER_NAME = re.compile(
    r"\b(news|times|post|herald|daily|journal|gazette|tribune|chronicle|observer|express|mail|telegraph|"
    r"star|sun|review|magazine|weekly|record|independent|guardian|standard|register|globe|bulletin|press|"
    r"mercury|echo|courant|courier|dispatch|monitor|inquirer|examiner|sentinel|ledger|leader|advertiser|"
    r"zeitung|nachrichten|rundschau|kurier|tagblatt|anzeiger|presse|diario|periódico|gazzetta|corriere|"
    r"giornale|jornal|folha|gazeta|dziennik|krant|dagblad|nieuws|online)\b",
    re.IGNORECASE,
)
"""A word of a paper's or a site's name ("The Lakeview Courier", "Daily Mercury", "NOS Nieuws")."""


def _menu_item(b: _Block) -> bool:
    """A menu's item: a rule took it as navigation, or a word or two that is no name nor date."""
    if b.strong is not None:
        return b.strong.category == Category.NAVIGATION
    return 0 < b.f.words <= 2 and not b.f.date and not _NAME_LINE.match(b.f.text) and not b.f.terminal


_OVER_NAME_WORDS = 5
"""A line this long, or longer, is the headline rather than a first line that reads like a name
("City News" over a menu, then "Bird count returns to Lakeview parks this spring"); a shorter one
("Makes 24 squares", "Analysis of the Week") is not: the first line is ("Almond Squares")."""

_LONG_HEADLINE_WORDS = 20
"""A line that reads as prose but has no full stop, of at most this many words, above the byline or
date lines of the article's head is its headline."""

_TITLE_REACH = 6
"""The headline is looked for among this many lines above the article that no rule removed (lines
that rules removed as bylines, dates, captions, reading times or share buttons are stepped over)."""

_WALK_LINES = 24
"""The title search reads at most this many lines above the article, lines that rules removed as
head metadata included (an agency's list of eleven share buttons under the byline)."""

_STANDFIRST_MIN_WORDS = 12
"""A headline-shaped line this long under a shorter one is the standfirst, the shorter the headline."""

_NAME = r"[A-ZÀ-ÝŁŚŻŹĆŃŠČŘŽĎŤŇŐŰİĞŞА-ЯЁ][\w.'-]+"
_SITE = r"[\w-]+\.(com|net|org|de|at|ch|fr|es|it|pl|nl|co\.uk)"
_BYLINE_SHAPE = re.compile(rf"((?i:by|von|por|par|przez|door)|di) ({_NAME}( {_NAME}){{0,3}}|{_SITE})$")
"""A byline's shape ("Por Luciana Bertoia", "By Jane Doe", "di Marco Bianchi", "von tennisnet.com"; not
a headline about "Di Maio"): never a headline."""
_BYLINE_MORE = re.compile(
    rf"(?i:edited|written|reported|compiled|produced|curated|words|interview) (?i:by) "
    rf"{_NAME}( {_NAME}){{0,3}}$"
    r"|(?i:news provided by|provided by|(edited|written|reported|compiled|produced|curated|words) by):?$"
    rf"|(?i:by) {_NAME}( {_NAME}){{0,3}} ?@\w+$"
    r"|(?i:by) (the )?[A-Z0-9][^:?!]*\b(?i:team|staff|desk|newsroom|reporters)\b[^:?!]*$"
    r"|[^,]{3,40}, ([A-Z][a-z]+ (and )?){0,3}"
    r"(Writer|Reporter|Correspondent|Editor|Columnist|Journalist|Critic|Contributor)(, [A-Z][a-z]+)?$"
)
"""A byline of another shape, never a headline: "Edited by Grace Mwangi" (a name after it: not "Written
by AI? ..."), "NEWS PROVIDED BY", "By KTVN 7 First Alert Weather Team" (a team or a desk: not "By
Land and Sea", "By 2030 the city will have 20 new schools"), "Helen Marsh, Retail Correspondent" (a
role in Title Case: not "Remembering Tom Baird, war correspondent"); up to eight words."""


_LETTER = re.compile(r"[^\W\d_]")
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


def _byline_line(b: _Block) -> bool:
    """A byline's line, of :data:`_BYLINE_SHAPE` or :data:`_BYLINE_MORE`'s shape: no headline."""
    t = b.f.text
    return _BYLINE_SHAPE.match(t) is not None or (b.f.words <= 8 and _BYLINE_MORE.match(t) is not None)


_PARTICLE = r"(?-i:de|da|do|dos|das|del|van|von|der|den|di|la|le|bin|al)"
_NAME_LINE = re.compile(rf"(?=.*[a-zà-ÿа-яё]){_NAME}( ({_PARTICLE}|{_NAME})){{1,3}}$")
"""A line of two to four capitalised words, as a name is written ("Te Aorere Riddell", "São Paulo");
not in capitals, as a wire story's headline is ("CAPITAL INVESTMENTS FORMS UNIT")."""


_LABEL_VALUE = re.compile(r"^[^\W\d_][\w.-]*( [\w.-]+)?: (?=.*\d)\S+( \S+){0,5}$")
"""A detail line, "Label: value" with a figure ("Host: Xing AG, Dammtorstrasse 29", "Seiten: 448");
not a headline with a label ("Review: The Fieldmaster 3 Hiking Boot Is Tough but Heavy")."""


_INNER_SENTENCE = re.compile(r"\b(\w*[a-z]{3})\. +[(A-Z]")
_CREDIT_END = re.compile(
    r"\((getty( images)?|pa( wire)?|epa|shutterstock|alamy|supplied"
    r"|file( photo)?|courtesy( of)? [^()]{2,60})\)$",
    re.IGNORECASE,
)
_CAPTION_WORDS = 4
"""A caption's sentence before its credit has more words than this (a headline's kicker does not)."""
_ABBREVIATIONS = frozenset({"corp", "dept", "govt", "bros", "prof", "sept", "univ", "assn", "natl", "intl"})


def _two_sentences(text: str) -> bool:
    """A sentence end inside the line ("... on Tuesday. (PTI)", "... in 2023. Photo: X"), or a photo
    agency's credit at its end ("... in London (Getty)"): a caption, not a headline; not an
    abbreviation ("Acme Corp. Results").

    >>> _two_sentences("Supporters cheer in Kurukshetra on Tuesday. (PTI)")
    True
    >>> _two_sentences("Mr. Smith Goes On"), _two_sentences("Acme Corp. Results Beat Forecasts")
    (False, False)
    >>> _two_sentences("Trump wins. Now what?"), _two_sentences("It's over. Here's what happens next")
    (False, False)
    """
    if _CREDIT_END.search(text):
        return True  # a caption's credit: "Charli XCX performs at The O2 in London (Getty)"
    for m in _INNER_SENTENCE.finditer(text):
        if m.group(1).lower() in _ABBREVIATIONS:
            continue
        rest = text[m.end() - 1 :]
        words = rest.split()
        if len(text[: m.start(1)].split()) < _CAPTION_WORDS:
            continue  # "Calif. Governor Signs ...", "Game Over. Bayern Crash Out Of Europe"
        # the caption's credit after it: "(PTI)", "Eva Vermandel*", "Nina Keck/Vermont Public"; not a
        # headline's second sentence ("Trump wins. Now what?", "It's over. Here's what happens next")
        if rest.startswith("(") or (
            len(words) <= 3 and not rest.endswith(("?", "!")) and all(w[:1].isupper() for w in words)
        ):
            return True
    return False


def _detail_line(b: _Block) -> bool:
    """A "Label: value" line with a figure that is a detail: no stop word ("Seiten: 448", "Host: Xing
    AG, Dammtorstrasse 29") or a value that starts with a figure ("Rating: 5 out of 5 stars"); not
    a kicker's headline ("Bundesnetzagentur: Gasspeicher zu 95 Prozent gefüllt")."""
    if _LABEL_VALUE.search(b.f.text) is None:
        return False
    return not b.f.stops or b.f.text.split(": ", 1)[1][:1].isdigit()


_CRUMB_MARKS = frozenset("›»>|/\\")
_CRUMBS = re.compile(r"( [›»>|/\\] \S.*){2}")
"""Two breadcrumb separators ("A la Carte › News & Stories › Reisen › ..."): a path, no headline."""


def _is_headline(b: _Block, prose: bool = False) -> bool:
    """Headline-shaped; a detail line such as "Host: Xing AG, Dammtorstrasse 29" is not a headline,
    nor a line that reads as prose (unless ``prose``: a long headline over its date), nor two
    sentences (a caption)."""
    return (
        not _two_sentences(b.f.text)
        and not (_CRUMB_MARKS.intersection(b.f.text) and _CRUMBS.search(b.f.text))
        and _headline_shaped(b.f, 2)
        and not b.f.terminal
        and not b.f.date
        and (prose or not b.g.prose)
        and not _detail_line(b)
    )


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
            last = b.category
            continue
        if last is not None:
            b.category, b.rule = last, f"{last.value}/inherited"
        elif b.index < lo:
            b.category = Category.NAVIGATION if b.f.words <= 8 and not b.f.terminal else Category.OTHER
            b.rule = f"{b.category.value}/before-article"
        elif b.index > hi:
            b.category, b.rule = Category.OTHER, "other/after-article"
        else:
            b.category, b.rule = Category.OTHER, "other/context"
