"""Text of the article body that trafilatura left out, put back (``extract.split_body``).

Two kinds, both found on the parsed page next to the paragraphs trafilatura took:

- **later parts of a split body.** Some pages cut the body into sibling containers of one
  class with an ad row or a rail between them (WIRED: one ``div.body__container`` per screen);
  trafilatura keeps the first and drops the rest. A *part* is a later container whose tag is the
  body's and whose class holds every class of the body's (the container most of the extracted
  paragraphs sit in), when that class names a body (:data:`BODY_CLASS`), and when nothing says it
  is something else: it is the outermost of its class, lies in the body's ``<article>`` (or
  neither lies in one), no aside, footer, form or wrapper labelled as comments, related links, a
  promo, a newsletter, a bio, sharing, the next story and the like stands around it
  (:data:`CONTEXT`), nor is it labelled so itself (:data:`SELF`), the branch that holds it carries
  no heading, ``<time>``, byline or linked title of its own (the next article of an endless page,
  another post of a front page), nor does the container itself (an ``<h1>``, a ``<time>`` or a
  byline outside its sentences), it is no ``<article>``, no article-end marker (tags, a share bar,
  the comments, a box of related links: :func:`_ends`) and no ``<h1>`` lies between the body and
  it, trafilatura took none of it, it is not a note in italics, and it holds at least
  :data:`PART_MIN_WORDS` words of finished paragraphs (a sentence's end);
- **embedded tweets** (``blockquote.twitter-tweet``, ``twitter-video``) inside the body
  container and not in a promo box there, which trafilatura drops in some layouts: the article
  quotes them.

Their lines go in where they stood (after the last line taken from above them and the table rows
under it, before any line taken from below them), as trafilatura writes lines: ``<br>`` starts a
new line, a list item starts with ``"- "``; a paragraph or list item that is all link text (a
"More great stories" list) is left out, and so is a subhead with nothing else under it. The
boilerplate stage then reads them like the rest.

Time grows linearly with the page's size and depth, and only pages with a tweet in the body or a body
class that a later element shares are walked (:func:`_worth_a_look`). docs/inputs.md lists what
the step still misses.

>>> from lxml.html import fromstring
>>> one, two, three = "Banks fail. " * 12, "Then they recover. " * 8, "Nobody knows when. " * 8
>>> page = fromstring(f"<html><body><article><h1>Banks</h1><div class='article__body'><p>{one}</p></div>"
...                   f"<div class='ad'>Advertisement</div><div class='article__body'><p>{two}</p>"
...                   f"<h2>What next</h2><p>{three}</p></div></article></body></html>")
>>> text = restore(page, "Banks\\n" + one.strip())
>>> [line[:18] for line in text.split("\\n")]
['Banks', 'Banks fail. Banks ', 'Then they recover.', 'What next', 'Nobody knows when.']
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["restore"]

BODY_CLASS = re.compile(
    r"(?:^|\s)(?:[\w-]*[-_])?(?:article|story|entry|post|body|content|text|(?:article|story|post)(?:Body|Content|Text))"
    r"(?:[-_]+(?:body|content|text|container|inner|wrapper|main|block|section|\d+))*(?=\s|$)",
    re.IGNORECASE,
)
"""A class that names an article body's container: a class token that ends in a body's word,
maybe followed by a container's (``article__body``, ``body__container``, ``c-entry-content``,
``story-text``), not one that only starts with one (``text-center``, ``postscript``)."""
CONTEXT = re.compile(
    r"comment|related|recirc|recommend|sidebar|widget|teaser|promo|sponsor|\bnative\b|outbrain|taboola"
    r"|newsletter|sign[-_]?up|subscri(?!ber[-_]?(?:only|content|access))|cookie|consent|privacy|gdpr"
    r"|\blegal|disclaim|author[-_]?(?:bio|box|info|card|profile|about|details|desc)"
    r"|about[-_]?(?:the[-_]?)?author|\bbio\b|share|donat|ticker|footer|next[-_]?(?:story|article|post)"
    r"|up[-_]?next|read[-_]?next|\brail\b|(?:col|column)[-_]?right|right[-_]?(?:col|column|rail)|\banswers?\b",
    re.IGNORECASE,
)
"""A class or id around a container that says it is not the article's (a paywall's
``subscriber-content`` and an opinion template's ``author-content`` wrap the article)."""
SELF = re.compile(
    r"promo|teaser|sponsor|\bnative\b|newsletter|sign[-_]?up|related|recommend|recirc|comment|\bbio\b|disclaim"
    r"|\blegal|cookie|consent|privacy|footer|donat",
    re.IGNORECASE,
)
"""A class or id of a container itself that says it is not the article's (``article-body promo``)."""
END = re.compile(
    r"\b(?:[\w-]*tags|share(?!able)[\w-]*|entry-footer|article-footer|post-footer|comments?)\b", re.IGNORECASE
)
"""A class or id of an element that ends the article (its tags, share bar, footer, comments)."""
RELATED = re.compile(r"\brelated[\w-]*\b", re.IGNORECASE)
"""A class or id of a box of related links: it ends the article too, except in the flow of the text (a
paragraph or list item, or a box whose class says it is inline: :data:`INLINE`)."""
INLINE = re.compile(r"inline|embed|in-?(?:body|article|text)", re.IGNORECASE)
"""A class of a box that sits in the flow of the article ("inline-related", "embed-related")."""
NOT_BODY = frozenset({"aside", "figure", "figcaption", "nav", "footer", "header", "form", "button", "dialog"})
"""Elements whose paragraphs are not the article's (a pull quote, a caption, a sidebar)."""
SIDE = frozenset({"aside", "figure", "figcaption", "nav", "dialog"})
"""Elements beside the article: their markers do not end it (a rail's "related" box)."""
HIDES_MARKS = NOT_BODY - {"header"}
"""Elements whose headings, times and bylines are not another item's (a newsletter form's title, a
"Listen 4:05" button, a corrections footer); a ``<header>`` is the next article's head."""
LINE_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6")
"""The elements that give lines."""
POST_CLASS = re.compile(r"\btwitter-(?:tweet|video)\b")
"""An embedded post (a tweet) in the body: its text is the article's, a quotation. Instagram's
embeds are left out: their text is chrome ("View this post on Instagram")."""
TERMINAL = tuple('.!?"\u201c\u201d\u2019)]\u00bb\u00ab\u2026\u3002\uff01\uff1f\u300d\u300f') + tuple(
    "\u0964\u0965\u06d4\u061f"
)
"""A finished paragraph ends in one of these (a sentence's end, a closing quote or bracket; also
the Devanagari danda and the Arabic full stop and question mark)."""
PART_MIN_WORDS = 40
"""Fewest words in finished paragraphs that make a container a part."""
FINISHED_WORDS = 12
"""Fewest words of a finished paragraph (a CJK character counts half a word)."""
LINK_SHARE = 0.8
"""A paragraph or list item with at least this share of link text is a link, not the article's."""

_WS = re.compile(r"\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_OWN_MARKS = ("h1", "h2", "h3", "time")
_BYLINE = re.compile(r"(?:^|[\s_-])(?:byline|authors?)(?:$|[\s_-])", re.IGNORECASE)
_TITLE = re.compile(r"title|headline", re.IGNORECASE)
_QUOTES = ("blockquote", "q", "cite")
_NOTE_TAGS = ("em", "i", "small")
_HIDDEN = frozenset({"script", "style", "noscript", "template"})


def _key(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _words(text: str) -> int:
    """Words, a CJK character counting half a word.

    >>> _words("Banks fail again."), _words("銀行は再び破綻した。")
    (3, 4)
    """
    return max(len(text.split()), len(_CJK.findall(text)) // 2)


def _label(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


@dataclass
class _Page:
    """One walk over the page: document order, and each line element's own lines and link text."""

    order: dict[HtmlElement, int] = field(default_factory=dict)
    lines: dict[HtmlElement, list[str]] = field(default_factory=dict)
    """A line element's own lines (``<br>`` splits; nested line elements and lists keep theirs)."""
    linked: dict[HtmlElement, int] = field(default_factory=dict)
    """Characters of link text in a line element's own text."""
    end: dict[HtmlElement, int] = field(default_factory=dict)
    """The position of an element's last descendant (its own when it has none)."""
    beside: dict[HtmlElement, HtmlElement] = field(default_factory=dict)
    """An element's innermost ancestor that is an aside or the like (:data:`NOT_BODY`)."""
    hider: dict[HtmlElement, HtmlElement] = field(default_factory=dict)
    """An element's innermost ancestor that hides the marks of another item (:data:`HIDES_MARKS`)."""

    def inside(self, el: HtmlElement, outer: HtmlElement) -> bool:
        """Whether ``el`` lies inside ``outer`` (its descendant)."""
        return self.order[outer] < self.order[el] <= self.end[outer]

    def set_aside(self, el: HtmlElement, within: HtmlElement, marks: bool = False) -> bool:
        """Whether ``el`` lies in an aside or the like (:data:`HIDES_MARKS` with ``marks``) that
        lies in ``within``: a page wrapped in a ``<form>`` (ASP.NET) does not hide all of its text."""
        holder = (self.hider if marks else self.beside).get(el)
        return holder is not None and (holder is within or self.inside(holder, within))

    @classmethod
    def walk(cls, tree: HtmlElement) -> _Page:
        """Text goes to the innermost open line element; scripts, styles and comments give none.

        >>> from lxml.html import fromstring
        >>> html = "<ul><li>Outer <a>link</a><ul><li>in<!-- x -->ner<br>two</li></ul></li></ul>"
        >>> page = _Page.walk(fromstring(html))
        >>> [(el.tag, lines, page.linked.get(el, 0)) for el, lines in page.lines.items()]
        [('li', ['Outer link'], 4), ('li', ['inner', 'two'], 0)]
        """
        page = cls()
        buf: dict[HtmlElement, list[str]] = {}
        stack: list[HtmlElement] = []  # open line elements
        hidden = links = 0  # open scripts and styles; open links
        asides: list[HtmlElement] = []  # open asides and the like
        hiders: list[HtmlElement] = []  # open elements that hide marks

        def add(text: str | None) -> None:
            if stack and not hidden and text:
                buf[stack[-1]].append(text)
                if links:
                    page.linked[stack[-1]] = page.linked.get(stack[-1], 0) + len(_key(text))

        for event, el in etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
            if event in ("comment", "pi"):
                page.order[el] = page.end[el] = len(page.order)
                add(el.tail)
                continue
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                page.order[el] = len(page.order)
                if asides:
                    page.beside[el] = asides[-1]
                if hiders:
                    page.hider[el] = hiders[-1]
                if tag in NOT_BODY:
                    asides.append(el)
                if tag in HIDES_MARKS:
                    hiders.append(el)
                if tag in _HIDDEN:
                    hidden += 1
                    continue
                if tag in LINE_TAGS:
                    stack.append(el)
                    buf[el] = []
                links += tag == "a"
                add("\n" if tag == "br" else el.text)
                continue
            page.end[el] = len(page.order) - 1
            if tag in NOT_BODY:
                asides.pop()
            if tag in HIDES_MARKS:
                hiders.pop()
            if tag in _HIDDEN:
                hidden -= 1
            else:
                links -= tag == "a"
                if stack and stack[-1] is el:
                    stack.pop()
                    page.lines[el] = [k for line in "".join(buf.pop(el)).split("\n") if (k := _key(line))]
            add(el.tail)  # a tail belongs to the element around this one
        page.lines = dict(sorted(page.lines.items(), key=lambda kv: page.order[kv[0]]))
        return page

    def item(self, el: HtmlElement) -> list[str]:
        """The lines ``el`` gives as trafilatura writes them ("- " before a list item's); none when
        it is all link text."""
        lines = self.lines.get(el, [])
        if not lines or (
            el.tag in ("p", "li") and self.linked.get(el, 0) >= LINK_SHARE * len(" ".join(lines))
        ):
            return []
        return [f"- {lines[0]}", *lines[1:]] if el.tag == "li" else lines


def restore(tree: HtmlElement, text: str) -> str:
    """``text`` (trafilatura's, one paragraph per line) with the body's parts and tweets it left out
    put back (see the module's docstring)."""
    lines = text.split("\n")
    if not _worth_a_look(tree, lines):
        return text
    at: dict[str, int] = {}  # a line -> where it first stands in the text
    for i, line in enumerate(lines):
        k = _key(line)
        at.setdefault(k, i)
        if k.startswith("- "):
            at.setdefault(k[2:], i)
    page = _Page.walk(tree)
    shares: dict[HtmlElement, int] = {}
    taken: list[tuple[int, int, int]] = []  # (a line element's position, its first and last line)
    for el, own in page.lines.items():
        hits = [at[x] for x in own if x in at]
        if hits:
            taken.append((page.order[el], min(hits), max(hits)))
            parent = el.getparent()
            if el.tag == "p" and parent is not None and len(t := " ".join(own)) > 30:
                shares[parent] = shares.get(parent, 0) + len(t)
    if not shares:
        return text
    main = max(shares, key=lambda el: (shares[el], -page.order[el]))
    last_above = list(itertools.accumulate((last for _, _, last in taken), max))
    first_below = list(itertools.accumulate((first for _, first, _ in reversed(taken)), min))[::-1]
    after: dict[int, list[str]] = {}  # a line's index -> the lines that go in after it

    first_seen: dict[str, int] = {}  # a line -> the position of the first line element that gives it
    for el, own in page.lines.items():
        for x in own:
            first_seen.setdefault(x, page.order[el])
    places: dict[int, int] = {}

    def put(el: HtmlElement, new: list[str]) -> None:
        i = bisect.bisect_left(taken, (page.order[el], -1, -1))  # line elements taken before ``el``
        if i not in places:
            line = last_above[i - 1] if i else -1
            hi = min(first_below[i] if i < len(taken) else len(lines), len(lines))
            # after the last line taken from above ``el``, and after the lines under it that stood
            # above ``el`` too: a table's rows, a line that stands twice (its first copy was mapped)
            while line + 1 < hi and _above(lines[line + 1], first_seen, page.order[el]):
                line += 1
            places[i] = line
        after.setdefault(places[i], []).extend(new)

    tweet_end = -1  # the end of the last tweet put back: a tweet it quotes is part of it
    verdicts: dict[HtmlElement, bool] = {}
    for quote in main.iter("blockquote"):
        if page.order[quote] <= tweet_end or not _quoted_post(quote, main, verdicts):
            continue
        tweet_end = page.end[quote]
        post = _post_lines(quote, page)
        if post and not any(line in at for line in post):  # trafilatura took none of it
            put(quote, post)
    if BODY_CLASS.search(main.get("class") or ""):
        for part in _parts(tree, main, page):
            new = _part_lines(part, page)
            if not any((x[2:] if x.startswith("- ") else x) in at for x in new if len(x) > 30):
                put(part, new)  # trafilatura took none of it
    if not after:
        return text
    return "\n".join(
        [*after.get(-1, ()), *(x for i, line in enumerate(lines) for x in (line, *after.get(i, ())))]
    )


def _above(line: str, first_seen: dict[str, int], position: int) -> bool:
    """Whether a line of the text stood above ``position`` on the page: a table's row (trafilatura
    writes ``| a | b |``; no line element gives it), or a line a line element above gives.

    >>> _above("| Line | Cost |", {}, 5), _above("- Tram", {"Tram": 3}, 5), _above("Later", {"Later": 9}, 5)
    (True, True, False)
    """
    key = _key(line)
    if key.startswith("|"):
        return True
    return first_seen.get(key[2:] if key.startswith("- ") else key, position) < position


def _worth_a_look(tree: HtmlElement, lines: list[str]) -> bool:
    """Whether the container most of the extracted paragraphs sit in (by their first 30
    characters) holds a tweet, or has the class of a body that another element shares: without
    either there is nothing to put back, and the page is not walked (most pages).

    >>> from lxml.html import fromstring
    >>> text = ["The first paragraph of the story, long enough.", "The second paragraph of the story."]
    >>> body = "<div class='article-body'>" + "".join(f"<p>{x}</p>" for x in text) + "</div>"
    >>> _worth_a_look(fromstring(f"<div>{body}<div class='ad'>b</div></div>"), text)
    False
    >>> _worth_a_look(fromstring(f"<div>{body}<div class='article-body'>b</div></div>"), text)
    True
    """
    heads = {_key(line)[:30] for line in lines}
    shares: dict[HtmlElement, int] = {}
    for p in tree.iter("p"):
        t = _key(p.text_content())
        parent = p.getparent()
        if len(t) > 30 and t[:30] in heads and parent is not None:
            shares[parent] = shares.get(parent, 0) + len(t)
    if not shares:
        return False
    main = max(shares, key=shares.__getitem__)
    if any(POST_CLASS.search(q.get("class") or "") for q in main.iter("blockquote")):
        return True
    tokens = set((main.get("class") or "").split())
    if not BODY_CLASS.search(main.get("class") or ""):
        return False
    inner = set(main.iter(main.tag))
    later = itertools.dropwhile(lambda el: el is not main, tree.iter(main.tag))
    return any(tokens <= set((el.get("class") or "").split()) and el not in inner for el in later)


def _quoted_post(
    quote: HtmlElement, main: HtmlElement, verdicts: dict[HtmlElement, bool] | None = None
) -> bool:
    """Whether ``quote`` is an embedded post the article quotes: a tweet not in an aside, a form or
    a box labelled as a promo (:data:`CONTEXT`) inside the body (a figure is fine). ``verdicts``:
    whether a post inside an ancestor met before may count, so that a deep body is walked once.

    >>> from lxml.html import fromstring
    >>> tweet = "<blockquote class='twitter-tweet'>a</blockquote>"
    >>> body = fromstring(f"<div><figure>{tweet}</figure><aside class='social-promo'>{tweet}</aside></div>")
    >>> [_quoted_post(q, body) for q in body.iter("blockquote")]
    [True, False]
    """
    if not POST_CLASS.search(quote.get("class") or ""):
        return False
    verdicts = {} if verdicts is None else verdicts
    path: list[HtmlElement] = []
    ok = True
    for a in quote.iterancestors():
        if a is main:
            break
        if a in verdicts:
            ok = verdicts[a]
            break
        path.append(a)
    for a in reversed(path):
        ok = ok and not ((a.tag in NOT_BODY and a.tag != "figure") or CONTEXT.search(_label(a)))
        verdicts[a] = ok
    return ok


def _post_lines(quote: HtmlElement, page: _Page) -> list[str]:
    """An embedded post's lines: its paragraphs' lines, then the text outside them, its
    attribution ("— Name (@handle) date").

    >>> from lxml.html import fromstring
    >>> quote = fromstring("<blockquote class='twitter-tweet'><div><p>Yes this<br>is real</p></div>&mdash; "
    ...                    "Ann (@ann) <a href='#'>November 18, 2019</a></blockquote>")
    >>> _post_lines(quote, _Page.walk(quote))
    ['Yes this', 'is real', '— Ann (@ann) November 18, 2019']
    """
    paragraphs = [x for el in quote.iter(*LINE_TAGS) for x in page.lines.get(el, [])]
    rest: list[str] = []
    inside = 0  # open line elements and scripts
    for event, el in etree.iterwalk(quote, events=("start", "end")):
        holds = el.tag in LINE_TAGS or el.tag in _HIDDEN
        if event == "start":
            inside += holds
            if not inside and el is not quote:
                rest.append(el.text or "")
            elif not inside:
                rest.append(quote.text or "")
            continue
        inside -= holds
        if not inside and el is not quote:
            rest.append(el.tail or "")
    return [*paragraphs, tail] if (tail := _key(" ".join(rest))) else paragraphs


def _part_lines(part: HtmlElement, page: _Page) -> list[str]:
    """A part's lines, in page order: its paragraphs, list items and subheads outside asides and
    the like, its tweets; without link lists, and without a subhead that has nothing under it.

    >>> from lxml.html import fromstring
    >>> part = fromstring("<div><p>Text.</p><figure><p>Caption</p></figure><ul><li>Item</li></ul>"
    ...                   "<h3>More great stories</h3><ul><li><a href='/a'>A story</a></li></ul></div>")
    >>> _part_lines(part, _Page.walk(part))
    ['Text.', '- Item']
    """
    items: list[tuple[str, list[str]]] = []
    post_end = -1  # the end of the last tweet given
    verdicts: dict[HtmlElement, bool] = {}
    for x in part.iter("blockquote", *LINE_TAGS):
        if page.order[x] <= post_end:
            continue
        if x.tag == "blockquote" and POST_CLASS.search(x.get("class") or ""):
            post_end = page.end[x]  # the tweet's own lines, or none of them
            if _quoted_post(x, part, verdicts):  # as in the body: in a figure yes, in a promo box no
                items.append(("post", _post_lines(x, page)))
            continue
        if x.tag == "blockquote" or page.set_aside(x, part) or not page.lines.get(x):
            continue  # no lines at all (a spacer paragraph) is no item
        items.append((x.tag, page.item(x)))
    out: list[list[str]] = []
    under = "none"  # what lies between an item and the next subhead: none, only left-out items, lines
    next_kept = False  # the next subhead stays
    for tag, lines in reversed(items):
        if tag in _HEADINGS:
            next_kept = under == "lines" or (under == "none" and next_kept)  # a subhead over a subhead
            if next_kept:
                out.append(lines)
            under = "none"
        elif lines:
            out.append(lines)
            under = "lines"
        elif under == "none":
            under = "left out"
    return [x for lines in reversed(out) for x in lines]


def _finished(lines: Iterable[str]) -> list[int]:
    """The word counts of the finished paragraphs among ``lines``.

    >>> _finished(["A short line.", "This paragraph has well over twelve words in it, and it ends here."])
    [13]
    """
    return [n for t in lines if (n := _words(t)) >= FINISHED_WORDS and t.endswith(TERMINAL)]


_MAX_REACH = 64
"""A part lies at most this many levels below where its path meets the body's."""


def _parts(tree: HtmlElement, main: HtmlElement, page: _Page) -> list[HtmlElement]:
    """The later parts of the body ``main`` (see the module's docstring), in page order."""
    tokens = set((main.get("class") or "").split())
    ancestors = list(main.iterancestors())
    above = {a: i for i, a in enumerate(ancestors)}
    # whether an <article> lies between the body and each of its ancestors
    article_below = list(itertools.accumulate((a.tag == "article" for a in ancestors), max, initial=False))
    found = [
        el
        for el in tree.iter(main.tag)
        if page.order[el] > page.end[main] and tokens <= set((el.get("class") or "").split())
    ]
    found_set = set(found)
    starts = [page.order[el] for el in found]
    stop = _stop(tree, main, found_set, page)
    parts: list[HtmlElement] = []
    marked: dict[HtmlElement, bool] = {}
    outer_end = -1
    for el in found:
        if page.order[el] >= stop:
            break
        if page.order[el] <= outer_end:
            continue  # inside another candidate: only the outermost counts
        outer_end = page.end[el]
        path = list(
            itertools.islice(itertools.takewhile(lambda a: a not in above, el.iterancestors()), _MAX_REACH)
        )
        branch = path[-1] if path else el  # the child of the common ancestor that holds ``el``
        meet = branch.getparent()
        if meet not in above:
            continue  # too far from the body
        if el.tag == "article" or any(a.tag == "article" for a in path) or article_below[above[meet]]:
            continue  # in another <article> than the body
        if any(a.tag in NOT_BODY or CONTEXT.search(_label(a)) for a in path) or SELF.search(_label(el)):
            continue
        if branch is not el:
            if branch not in marked:
                marked[branch] = _marked(branch, found_set, starts, page)
            if marked[branch]:
                continue  # another item: the next article, another post
        if _headed(el, page):
            continue  # its own headline, time or byline: the next article
        if sum(_finished(_part_lines(el, page))) >= PART_MIN_WORDS and not _note(el, page):
            parts.append(el)
    return parts


def _headed(part: HtmlElement, page: _Page) -> bool:
    """Whether ``part`` holds, outside quotations and asides, an ``<h1>``, a ``<time>`` or a byline:
    the head of another article (a part of the body has subheads, not these).

    >>> from lxml.html import fromstring
    >>> story = fromstring("<div><h1>Next</h1><p>x</p></div>")
    >>> part = fromstring("<div><h2>Then</h2><p>On <time>May 2</time> the council met again to vote on "
    ...                   "the plan.</p><figure><time>2024</time></figure></div>")
    >>> _headed(story, _Page.walk(story)), _headed(part, _Page.walk(part))
    (True, False)
    """
    skip = -1
    for x in part.iterdescendants():
        if page.order[x] <= skip or page.set_aside(x, part, marks=True) or not isinstance(x.tag, str):
            continue
        label = x.get("class") or ""
        if x.tag in ("h1", "time") or _BYLINE.search(label):
            return True
        if x.tag in _QUOTES or "quote" in label.lower():
            skip = page.end[x]
        elif x.tag == "p" and _finished(page.lines.get(x, [])):
            skip = page.end[x]  # a date or an author's link inside a sentence is no head
    return False


def _note(part: HtmlElement, page: _Page) -> bool:
    """Whether every paragraph of ``part`` is set in italics or small print: a note (a disclaimer,
    an author's bio), not the article.

    >>> from lxml.html import fromstring
    >>> note = fromstring("<div><p><em>This article had a grant.</em></p><p><small>x</small></p></div>")
    >>> text = fromstring("<div><p><em>A word</em> in italics.</p></div>")
    >>> _note(note, _Page.walk(note)), _note(text, _Page.walk(text))
    (True, False)
    """
    paragraphs = [p for p in part.iter("p") if page.lines.get(p)]
    return bool(paragraphs) and all(
        len(p) == 1 and p[0].tag in _NOTE_TAGS and not _key(p.text or "") and not _key(p[0].tail or "")
        for p in paragraphs
    )


def _stop(tree: HtmlElement, main: HtmlElement, parts: set[HtmlElement], page: _Page) -> int:
    """The position of the first ``<h1>`` or article-end marker (:func:`_ends`) after the body,
    outside it, the candidate parts and the elements beside the article (an aside); else the end.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><div class='b'>x</div><aside class='tags'></aside><div class='b'>y</div>"
    ...                   "<footer class='post-tags'></footer><h1>Next</h1></div>")
    >>> main, part = page.findall("div")
    >>> _stop(page, main, {part}, _Page.walk(page))
    4
    """
    inside = 0  # open elements that hide a marker
    passed = False  # the body is behind
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        hides = el is main or el in parts or el.tag in SIDE
        if event == "end":
            inside -= hides
            passed = passed or el is main
            continue
        marker = el.tag == "h1" or (not hides and _ends(el))
        if passed and not inside and marker and el.tag not in ("a", "span"):
            return page.order[el]
        inside += hides
    return len(page.order)


def _ends(el: HtmlElement) -> bool:
    """Whether ``el`` marks the end of the article (:data:`END`, :data:`RELATED`).

    >>> from lxml.html import fromstring
    >>> labels = ("post-tags", "related-stories", "inline-related", "pullquote--shareable")
    >>> line = fromstring("<p class='related'>Read more: <a href='/x'>x</a></p>")
    >>> [_ends(fromstring(f"<div class='{x}'></div>")) for x in labels], _ends(line)
    ([True, True, False, False], False)
    """
    label = _label(el)
    if END.search(label):
        return True
    return RELATED.search(label) is not None and not (el.tag in ("p", "li") or INLINE.search(label))


def _marked(branch: HtmlElement, parts: set[HtmlElement], starts: list[int], page: _Page) -> bool:
    """Whether ``branch`` holds, outside the candidate ``parts``, asides and the like and
    quotations, a heading, a ``<time>``, a byline or a linked title of its own: it is another item
    (the next article, another post). The wrappers around a part are labels, not marks
    (``author-content`` holds an opinion piece). ``starts``: the parts' positions, in order.

    >>> from lxml.html import fromstring
    >>> post = fromstring("<div class='post'><h3>Another post</h3><div class='post-body'>x</div></div>")
    >>> grid = fromstring("<div class='grid'><div class='post-body'><h3>Its subhead</h3></div>"
    ...                   "<aside><h3>Ad</h3></aside><blockquote><cite class='author'>A</cite>"
    ...                   "</blockquote></div>")
    >>> card = fromstring("<div><p class='card__title'><a href='/x'>Next</a></p><div class='b'>x</div></div>")
    >>> def marked(x):
    ...     page, part = _Page.walk(x), x.find("div")
    ...     return _marked(x, {part}, [page.order[part]], page)
    >>> [marked(x) for x in (post, grid, card)]
    [True, False, True]
    """
    skip = -1  # the end of a part or a quotation being stepped over
    for x in branch.iter():
        at = page.order[x]
        if at <= skip or page.set_aside(x, branch, marks=True) or not isinstance(x.tag, str):
            continue
        label = x.get("class") or ""
        if x in parts or x.tag in _QUOTES or "quote" in label.lower():
            skip = page.end[x]
            continue
        following = bisect.bisect_right(starts, at)
        if following < len(starts) and starts[following] <= page.end[x]:
            continue  # a wrapper around a part
        if x.tag in _OWN_MARKS or _BYLINE.search(label):
            return True
        if _TITLE.search(label) and (x.tag == "a" or x.find(".//a") is not None):
            return True  # a linked headline
    return False
