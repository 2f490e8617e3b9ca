"""HTML → main text and metadata, with trafilatura. The only module that imports trafilatura.

:func:`extract` runs trafilatura on ``doc.raw`` (metadata on, its own
deduplication off, comments per config, tables per config, precision/recall per
``cfg.favor``) and returns a document with ``text`` set (one paragraph per line),
``title``/``author``/``published``/``url``/``site`` filled where the document
did not already have them, and ``raw`` emptied.

If trafilatura finds no main text, a recall-oriented pass and then its baseline
extractor are tried. What it left out of the article body (the later parts of a body split
into same-class containers, quoted tweets) is put back by :mod:`pipeline.body_parts`
(``cfg.split_body``). A result that is nothing but link text (a navigation page)
is not an article. Failures raise :class:`~pipeline.errors.DocumentError` with
``extraction_failed``; running longer than ``cfg.timeout_s`` raises
``extraction_timeout`` (enforced with ``SIGALRM`` in a process's main thread, by a timer thread in
any other: a thread runner's or a Dask worker's).

trafilatura never touches the network here: it is only given HTML strings, and
its loggers are set to WARNING.

>>> from pipeline.config import ExtractConfig
>>> html = ("<html><head><title>Rain in Spain</title></head><body><nav><a href='/'>Home</a></nav>"
...         "<article><h1>Rain in Spain</h1><p>The rain in Spain falls mainly on the plain, "
...         "forecasters said on Monday, warning of floods in the valleys.</p>"
...         "<p>Farmers welcomed the news after a dry summer that ruined the harvest.</p>"
...         "</article></body></html>")
>>> doc = extract(Document(id="a", source="a.html", format="html", raw=html, is_html=True), ExtractConfig())
>>> doc.title, doc.raw
('Rain in Spain', '')
>>> print(doc.text)
Rain in Spain
The rain in Spain falls mainly on the plain, forecasters said on Monday, warning of floods in the valleys.
Farmers welcomed the news after a dry summer that ruined the harvest.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from configparser import ConfigParser
from contextlib import contextmanager
from dataclasses import replace
from types import FrameType
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura.settings import use_config
from trafilatura.utils import HTML_PARSER, repair_faulty_html

from pipeline import body_parts
from pipeline.boilerplate import org_name
from pipeline.config import ExtractConfig
from pipeline.document import Document
from pipeline.errors import DocumentError
from pipeline.readers import has_markup, url_group

logger = logging.getLogger(__name__)

EXTRACTION_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")
"""The libraries extraction runs: quieted to WARNING unless the application set their level."""

for _name in EXTRACTION_LOGGERS:
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.WARNING)

__all__ = ["extract", "trafilatura_config"]

NAVIGATION_SHARE = 0.8
"""A result whose characters are at least this share of link-text lines is a navigation page."""


@functools.cache
def trafilatura_config() -> ConfigParser:
    """trafilatura's settings, built once per process (its own CLI timeout off)."""
    config = use_config()
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"
    return config


class _Timeout(BaseException):
    """Raised when the time is up. A BaseException, so trafilatura's ``except Exception`` can't eat it."""


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    """Have ``exc`` raised in thread ``thread_id`` at its next bytecode (None: take back one not yet
    raised); CPython's ``PyThreadState_SetAsyncExc``."""
    raised = ctypes.py_object(exc) if exc is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), raised)


@contextmanager
def _thread_time_limit(seconds: float) -> Iterator[None]:
    """:func:`_time_limit` outside a main thread (a thread runner's or a Dask worker's task), where no
    signal can be received: a timer thread raises :class:`_Timeout` in this one. Like the signal's
    handler it runs between bytecodes (not inside one long C call, such as lxml's parse). When the
    block ends first, a timeout not yet raised is taken back: nothing is raised after the block."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async_exc(thread_id, _Timeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
        if state["fired"]:
            _set_async_exc(thread_id, None)


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_Timeout` after ``seconds`` of wall-clock time: by ``SIGALRM`` in a process's
    main thread, else by a timer thread (:func:`_thread_time_limit`)."""
    if seconds <= 0:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds):
            yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    start = time.monotonic()
    outer_delay, _interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay > 0:  # someone else's timer was running: give it back what is left
            signal.setitimer(signal.ITIMER_REAL, max(outer_delay - (time.monotonic() - start), 0.001))


_SPACE_ONLY = re.compile(r"\s*")
_WS = re.compile(r"\s+")


def _clean_lines(text: str | None) -> str:
    """One paragraph per line: newlines normalised, trailing spaces and blank lines dropped."""
    if not text:
        return ""
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if not _SPACE_ONLY.fullmatch(line))


_TRAFILATURA_PARSING = {"collect_ids": False, "default_doctype": False, "encoding": "utf-8"}
_UNLIMITED_PARSER = HTMLParser(**_TRAFILATURA_PARSING, remove_comments=True, remove_pis=True, huge_tree=True)
"""trafilatura's parser (``trafilatura.utils.HTML_PARSER``) without libxml2's safety limits."""

_LIMIT_HINT = re.compile(r"[,:;]?\s*(use|try) XML_PARSE_HUGE( option)?", re.I)


class _CutShort(Exception):
    """The page cannot be parsed whole even without libxml2's limits (the message says why)."""


def _limit_hit(parser: HTMLParser) -> str | None:
    """libxml2's message when the parser's last parse stopped at one of its limits, else None.

    Past a limit (256 levels of nesting, a text over 10 MB) libxml2 stops, and the tree holds
    only the page before that point: its rest would be lost without a word.
    """
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            return _LIMIT_HINT.sub("", error.message).strip() or error.type_name
    return None


def _parse_without_limits(html: str) -> HtmlElement | None:
    """``html`` parsed as :func:`trafilatura.load_html` parses it, with ``huge_tree``: nesting
    up to 2048 levels, texts of any size. Only for a page that hit a limit (libxml2 checks
    nothing more on an HTML parse). A page nested deeper still is parsed with the elements
    past :data:`MAX_DEPTH` levels taken out, their text kept (:func:`_flattened`). Raises
    :class:`_CutShort` when even that stops part-way.

    >>> deep = "<html><body>" + "<div>" * 300 + "x" + "</div>" * 300 + "<p>The end.</p></body></html>"
    >>> _parse_without_limits(deep).findtext(".//p")
    'The end.'
    """
    html = repair_faulty_html(html, html[:50].lower())
    tree = _parse_unlimited(html)
    if _limit_hit(_UNLIMITED_PARSER) is not None:
        logger.debug("page nested deeper than libxml2 allows: elements past %d levels taken out", MAX_DEPTH)
        tree = _parse_unlimited(_flattened(html))
    limit = _limit_hit(_UNLIMITED_PARSER)
    if limit is not None:
        raise _CutShort(f"the HTML parser stopped part-way ({limit}): the rest of the page cannot be read")
    return tree


def _parse_unlimited(html: str) -> HtmlElement | None:
    try:
        return fromstring(html, parser=_UNLIMITED_PARSER)
    except ValueError:  # a str with an encoding declaration, which lxml refuses
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_UNLIMITED_PARSER)


MAX_DEPTH = 1000
"""Elements nested deeper than this in a page deeper than libxml2's last limit (2048) are
taken out (their text stays) so that the page can be parsed whole."""

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(script|style|textarea|title|xmp|plaintext)\b.*?(?:</\1\s*>|\Z)"  # raw text: no tags inside
    r"|<(/?)([A-Za-z][^\s/>]*)[^>]*>",  # a start or end tag
    re.S | re.I,
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
"""Elements without an end tag (HTML's void elements)."""


_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"})
"""Elements whose tags stay past the depth limit (up to ``_DEEP_PARAGRAPHS`` of them open):
the extractor keeps text in paragraphs and may drop text loose in a ``<div>``."""
_DEEP_PARAGRAPHS = 24


def _flattened(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` without the start and end tags of elements nested more than ``max_depth``
    deep (each becomes a space); text, and every tag above that depth, stay as they are,
    and so do paragraph tags (``<p>``, headings, list items; at most ``_DEEP_PARAGRAPHS``
    open at once past the limit): text loose in a ``<div>`` beside paragraphs is what the
    extractor drops (a ``<p>`` inside 2,100 ``<div>`` lost its text when it went too).

    Elements left open (``<p>`` without ``</p>``) count as open until an end tag of an element
    around them closes them, so the depth counted may run ahead of a browser's: more tags
    go than would have to, never text.

    >>> _flattened("<div><div><b>deep</b> <p>text</p></div></div><p>after</p>", max_depth=1)
    '<div>  deep  <p>text</p> </div><p>after</p>'
    """
    out: list[str] = []
    kept = 0  # end of the html copied to out
    stack: list[tuple[str, bool]] = []  # the open elements: (name, whether its tags stay)
    deep = 0  # elements past max_depth whose tags stay (paragraphs)
    open_by_name: Counter[str] = Counter()  # a stray end tag is found without a walk down the stack
    # up to the last ">": a tag needs one after it, and a "<a" with none tried every ">"-less
    # ending (cubic: "<a" * 4,000 took 4 s); comments and raw text past it hold no tag either
    for m in _TOKEN.finditer(html, 0, html.rfind(">") + 1):
        if m.group(3) is None:  # a comment or a raw-text element: no nesting inside
            continue
        name = m.group(3).lower()
        if m.group(2):  # an end tag: closes the innermost open element of that name
            if not open_by_name[name]:
                continue  # a stray end tag: the parser ignores it
            at = next(i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name)
            stays = stack[at][1]
            deep -= sum(1 for i in range(max(at, max_depth), len(stack)) if stack[i][1])
            open_by_name.subtract(n for n, _ in stack[at:])
            del stack[at:]
        elif name in _VOID or m.group(0).endswith("/>"):
            continue
        else:
            stays = len(stack) < max_depth or (name in _PARAGRAPHS and deep < _DEEP_PARAGRAPHS)
            if stays and len(stack) >= max_depth:
                deep += 1
            stack.append((name, stays))
            open_by_name[name] += 1
        if not stays:
            out.append(html[kept : m.start()])
            out.append(" ")
            kept = m.end()
    out.append(html[kept:])
    return "".join(out)


def _parse(html: str) -> HtmlElement | None:
    """The page parsed once, as trafilatura parses it (None when it is not HTML it can parse);
    a fragment without ``<html>`` is parsed as the body of a page.

    >>> [_parse(h).tag for h in ("<p>One paragraph.</p>", "<body><div>Text</div></body>")]
    ['html', 'html']

    trafilatura copies a tree it is given before changing it, so the same tree serves every
    extraction pass and the navigation check. A page that stops libxml2 at one of its limits
    (deeper than 256 levels, a text over 10 MB) is parsed again without them
    (:func:`_parse_without_limits`); other pages are parsed once, as before.
    """
    try:
        # the limit check reads the error log of trafilatura's one shared parser (and of ours):
        # threads (Prefect's thread runner, a library user's pool) parse one at a time, or one
        # could read another's log; uncontended in worker processes
        with _PARSE_LOCK:
            tree = trafilatura.load_html(html)
            if tree is None and has_markup(html):
                # a fragment ("<p>...</p>", "<div>...", "<body>...", common in JSONL dumps):
                # trafilatura takes only whole documents
                html = f"<html><body>{html}</body></html>"
                tree = trafilatura.load_html(html)
            if _limit_hit(HTML_PARSER) is not None:  # the parse that made ``tree`` stopped part-way
                logger.debug("page over libxml2's limits: parsed again with huge_tree")
                tree = _parse_without_limits(html)
        return tree
    except (etree.ParserError, ValueError, TypeError):
        return None


_PARSE_LOCK = threading.Lock()
"""Held while :func:`_parse` parses a page and reads the parsers' error logs."""


def _link_texts(tree: HtmlElement | None) -> set[str]:
    """The whitespace-normalised texts of the page's links.

    >>> page = "<html><body><p><a href='/'>Home</a> <a>\\n Sport  news</a></p></body></html>"
    >>> sorted(_link_texts(_parse(page)))
    ['Home', 'Sport news']
    """
    out: set[str] = set()
    if tree is None:
        return out
    for a in tree.iter("a"):
        text = _WS.sub(" ", a.text_content()).strip()
        if text:
            out.add(text)
    return out


def _is_navigation(text: str, tree: HtmlElement | None) -> bool:
    """True when (almost) every extracted line is the text of a link."""
    links = _link_texts(tree)
    if not links:
        return False
    total = link = 0
    for line in text.split("\n"):
        norm = _WS.sub(" ", line).strip()
        total += len(norm)
        if norm in links:
            link += len(norm)
    return total > 0 and link >= NAVIGATION_SHARE * total


def _main_text(result: Any, cfg: ExtractConfig) -> str:
    """The extracted text, then (when ``include_comments``) the comments, one paragraph per line."""
    text = _clean_lines(getattr(result, "text", None))
    if text and cfg.include_comments:
        comments = _clean_lines(getattr(result, "comments", None))
        if comments:
            text = f"{text}\n{comments}"
    return text


def _run(doc: Document, cfg: ExtractConfig, page: HtmlElement | str) -> tuple[str, Any, str]:
    """(text, trafilatura metadata document or None, which pass produced the text).

    ``page``: the parsed page (see :func:`_parse`), or ``doc.raw`` when it did not parse.
    """
    common: dict[str, Any] = {
        "url": doc.url,
        "with_metadata": True,
        "deduplicate": False,
        "include_comments": cfg.include_comments,
        "include_tables": cfg.include_tables,
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "output_format": "python",
        "config": trafilatura_config(),
    }
    result = trafilatura.bare_extraction(
        page,
        favor_precision=cfg.favor == "precision",
        favor_recall=cfg.favor == "recall",
        **common,
    )
    text = _main_text(result, cfg)
    if text:
        return text, result, "trafilatura"
    if cfg.favor != "recall":
        retry = trafilatura.bare_extraction(page, favor_recall=True, **common)
        text = _main_text(retry, cfg)
        if text:
            return text, retry if retry is not None else result, "recall"
        result = result if result is not None else retry
    _body, base_text, _length = trafilatura.baseline(page)
    return _clean_lines(base_text), result, "baseline"


def _with_body_parts(tree: HtmlElement, text: str, where: str) -> str:
    """``text`` with the body's parts and tweets trafilatura left out (:mod:`pipeline.body_parts`)."""
    restored = body_parts.restore(tree, text)
    if restored != text:
        added = restored.count("\n") - text.count("\n")
        logger.debug("%s: %d line(s) of the article body put back that trafilatura left out", where, added)
    return restored


_TITLE_SEPARATOR = re.compile(r"( +(?:[|·•»›]|::|[-–—]) +)")
_LEGAL_FORM = re.compile(r"^the\s+|\s+(?:inc|ltd|llc|gmbh|ag|e\.\s?v)\.?$", re.IGNORECASE)
_TITLE_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _squeeze(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def page_title(title: str | None, names: tuple[str | None, ...]) -> str | None:
    """A page's ``<title>`` without the site's name (and a date) that pages append or put first:
    "Plejaden, M45 - Abenteuer Astronomie", "Berlin confronts ... | DW | 19.01.2020".

    ``names``: the site's name and host(s). A part of the title (between " | ", " - ", " – ",
    " · ", ...) at either end goes when, letters and digits only, it is one of them (without "The"
    or a legal form such as "Inc."), one part of a name that has separators itself, or the host
    without its top-level domain; at the end also when it is part of the name; a date goes with
    it. At least one part stays. A first part that only shares words with the name stays
    ("Energy - the new gold rush" on "Energy News").

    >>> page_title("Plejaden, M45 - Abenteuer Astronomie", ("Abenteuer Astronomie",))
    'Plejaden, M45'
    >>> page_title("Berlin confronts its colonial past | DW | 19.01.2020", (None, "dw.com"))
    'Berlin confronts its colonial past'
    >>> page_title("Plaisir D'Aromes - INCURVY Fashion - BLOG", ("INCURVY Fashion - BLOG",))
    "Plaisir D'Aromes"
    >>> page_title("SimplyScience - Wie entsteht Erdöl?", ("SimplyScience",))
    'Wie entsteht Erdöl?'
    >>> page_title("Tagung - Rückblick", ("Tagung",)), page_title("The Guardian", ("The Guardian",))
    ('Rückblick', 'The Guardian')
    >>> page_title("Brexit - the deal explained | Politics", ("example.com",))
    'Brexit - the deal explained | Politics'
    >>> page_title("Energy - the new gold rush", ("Energy News",))
    'Energy - the new gold rush'
    >>> page_title("Gold | Gold News", ("Gold News",))
    'Gold'
    >>> page_title("Estwick to contest DLP's top post - Barbados Today", ("The Barbados TODAY inc.",))
    "Estwick to contest DLP's top post"
    """
    if not title:
        return title
    pieces = _TITLE_SEPARATOR.split(title.strip())  # parts and, between them, their separators
    parts = pieces[::2]
    if len(parts) < 2:
        return title
    known: set[str] = set()
    whole: list[str] = []
    for name in names:
        if not name:
            continue
        whole.append(_squeeze(name))
        plain = _LEGAL_FORM.sub("", name.strip())
        known.update(_squeeze(x) for x in (name, plain, *_TITLE_SEPARATOR.split(plain)[::2]))
        host = name.lower().removeprefix("www.")
        if "." in host and " " not in host:
            known.add(_squeeze(host.rsplit(".", 1)[0]))
    known.discard("")

    def site(part: str, last: bool = False) -> bool:
        squeezed = _squeeze(part)
        # at the end, where pages put their name, also a part of the name ("| EL DEBER" on
        # "GrupoELDEBER", "- Jäger" on "JÄGER Zeitschrift für das Jagdrevier")
        return squeezed in known or (last and len(squeezed) >= 4 and any(squeezed in w for w in whole))

    def dated(part: str) -> bool:
        return _TITLE_DATE.fullmatch(part.strip()) is not None

    lo, hi = 0, len(parts)
    while hi - lo > 1 and (site(parts[hi - 1], True) or (dated(parts[hi - 1]) and site(parts[hi - 2], True))):
        hi -= 1
    while hi - lo > 1 and site(parts[lo]):
        lo += 1
    if (lo, hi) == (0, len(parts)):
        return title
    # the parts that stay with the separators between them, as written
    return "".join(pieces[2 * lo : 2 * hi - 1]).strip() or title


_AUTHOR_LEAD = re.compile(
    r"^(?:(?:revised edition )?edited by|view all posts by|all posts by|posts by|zum profil von|artikel von|"
    r"article by|written by|posted by|interview(?: mit| by)?|by|por)\s+",
    re.IGNORECASE,
)
_AUTHOR_TAIL = re.compile(r"\s+says$", re.IGNORECASE)
"""Words run on to a name ("Art Edwards says"); not "said" or "Stand", which are surnames too."""
_NO_AUTHOR = re.compile(
    r"(?:name|datum|date|author|autor|admin|article by|by|von|unknown|anonymous|anónimo)|"
    r"(?:on |am |el )?(?:\d{1,2}\.? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez)"
    r"[a-zäé]*\.? \d{1,4}(?:, \d{4})?|"
    r"\S+(?: \S+)? (?:com|org)",  # a host written as words ("Facebook Com", "Freiheit Org")
    re.IGNORECASE,
)


_PUBLICATION_COMPOUND = re.compile(r"\B(?:nachrichten|zeitung|magazin|blatt)\b", re.IGNORECASE)
"""A German compound naming a publication ("Wirtschaftsnachrichten"), which word lists miss."""


def _person(name: str) -> bool:
    """A name shaped like a person's: two or three capitalised words, not an organisation's
    (:func:`pipeline.boilerplate.org_name`: a desk, a paper, an agency), not "The ...".

    >>> _person("Martin Fowler"), _person("The Economist"), _person("Deutsche Wirtschaftsnachrichten")
    (True, False, False)
    >>> _person("The Planetary Press"), _person("AUTO ZEITUNG")
    (False, False)
    """
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and words[0].casefold() != "the"
        and not org_name(name)
        and _PUBLICATION_COMPOUND.search(name) is None
    )


def page_author(author: str | None, names: tuple[str | None, ...]) -> str | None:
    """A page's author as trafilatura read it, without the chrome around the name ("View all posts
    by Daniel Lemire", "Zum Profil von jesusfreak jesusfreak"), and without parts that name no
    person: a label ("Datum", "Name"), a date ("On August 3"), the site itself (``names``: its name
    and host). Several authors stay, joined by "; ".

    >>> page_author("View all posts by Daniel Lemire", ())
    'Daniel Lemire'
    >>> page_author("Zum Profil von jesusfreak jesusfreak", ())
    'jesusfreak'
    >>> page_author("Stephangoeldi; On August 3", ()), page_author("Edward Said", ())
    ('Stephangoeldi', 'Edward Said')
    >>> page_author("Martin Fowler", ("martinfowler.com",)), page_author("Li Li", ())
    ('Martin Fowler', 'Li Li')
    >>> page_author("Datum", ()), page_author("The Planetary Press", ("The Planetary Press",))
    (None, None)
    >>> page_author("Revised Edition Edited by Adrian Parr", ())
    'Adrian Parr'
    >>> page_author("Denis Dilba; Heise Online", ("Technology Review", "heise.de"))
    'Denis Dilba; Heise Online'
    >>> page_author("Facebook Com; Vegolosi", ("Vegolosi",)) is None
    True
    """
    if not author:
        return author
    known = {_squeeze(n) for n in names if n} | {
        _squeeze(n.lower().removeprefix("www.").rsplit(".", 1)[0]) for n in names if n and "." in n
    }
    kept: list[str] = []
    for part in author.split(";"):
        part = _AUTHOR_TAIL.sub("", _AUTHOR_LEAD.sub("", part.strip())).strip()
        words = part.split()
        if len(words) == 2 and words[0] == words[1] and not words[0][:1].isupper():
            part = words[0]  # a profile's handle twice ("jesusfreak jesusfreak"; not "Li Li")
        if not part or _NO_AUTHOR.fullmatch(part) or (_squeeze(part) in known and not _person(part)):
            continue
        if part not in kept:
            kept.append(part)
    return "; ".join(kept) or None


def _meta(result: Any, name: str) -> str | None:
    value = getattr(result, name, None) if result is not None else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


_HOST_LIKE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?::\d+)?", re.IGNORECASE)
"""A host name as a site name ("WWW.Example.org:80"): written as the URL's host instead."""


def extract(doc: Document, cfg: ExtractConfig) -> Document:
    """Extract the main text and metadata of an HTML document; non-HTML documents pass through.

    Metadata the document already has (e.g. from a JSONL record) wins over
    trafilatura's; ``site`` is trafilatura's site name, else the URL host. When
    the extraction finds the page's URL, ``group`` becomes its host.

    Raises :class:`DocumentError` (``extraction_failed`` or ``extraction_timeout``).

    >>> from pipeline.config import ExtractConfig
    >>> extract(Document(id="n", source="n.html", format="html", raw="<html><body></body></html>",
    ...                  is_html=True), ExtractConfig())
    Traceback (most recent call last):
    ...
    pipeline.errors.DocumentError: n.html: no main text found
    """
    if not doc.is_html:
        return doc
    where = doc.source or doc.id
    tree: HtmlElement | None = None
    try:
        with _time_limit(cfg.timeout_s):
            tree = _parse(doc.raw)
            text, result, how = _run(doc, cfg, doc.raw if tree is None else tree)
            if text and cfg.split_body and tree is not None:
                text = _with_body_parts(tree, text, where)
    except _Timeout:
        raise DocumentError(
            "extraction_timeout", f"{where}: extraction took longer than {cfg.timeout_s:g} s"
        ) from None
    except RecursionError:
        raise DocumentError("extraction_failed", f"{where}: HTML nested too deeply to extract") from None
    except _CutShort as exc:
        raise DocumentError("extraction_failed", f"{where}: {exc}") from None
    except Exception as exc:
        raise DocumentError(
            "extraction_failed", f"{where}: trafilatura failed ({type(exc).__name__}: {exc})"
        ) from None
    if not text:
        raise DocumentError("extraction_failed", f"{where}: no main text found")
    if _is_navigation(text, tree):
        raise DocumentError("extraction_failed", f"{where}: only navigation/link text, no article ({how})")
    if how != "trafilatura":
        logger.debug("%s: main text from the %s pass", where, how)
    url = doc.url or _meta(result, "url")
    # a site's name, else the URL's host as ``group`` writes it (lower case, no "www.", no port:
    # "Example.org:80" and "example.org" are one site); trafilatura gives the raw host as the
    # name when the page has none
    name = _meta(result, "sitename")
    if name and _HOST_LIKE.fullmatch(name):
        name = None
    site = doc.site or name or url_group(url) or _meta(result, "hostname")
    group = doc.group if doc.url else (url_group(url) or doc.group)
    names = (name, site, url_group(url), _meta(result, "hostname"))
    title = doc.title or page_title(_meta(result, "title"), names)
    return replace(
        doc,
        raw="",
        text=text,
        title=title,
        author=doc.author or page_author(_meta(result, "author"), names),
        published=doc.published or _meta(result, "date"),
        url=url,
        site=site,
        group=group,
    )
