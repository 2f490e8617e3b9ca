"""Text renderings of an HTML page, the inputs of docclean's text-level evaluation.

* ``full``: the full visible page text: all text under ``<body>`` except ``script``, ``style``,
  ``noscript``, ``template`` (and comments), one line per block-level element (``td``/``th``
  and ``br`` break lines too), whitespace collapsed inside a line, empty lines dropped.
  Navigation, footers and "Most popular" lists are all there.
* ``recall``: trafilatura in recall mode with comments and tables
  (``favor_recall=True, include_comments=True, include_tables=True, deduplicate=False``):
  main text that still carries boilerplate, much like scraped article text.

This module calls trafilatura directly (evaluation adapter, see ``pipeline/evaluation/__init__``).

>>> full_text("<html><head><title>T</title></head><body><nav>Home | News</nav>"
...           "<p>Hello <b>big</b>\\n world.</p><script>x()</script><div>A<br>B</div></body></html>")
'Home | News\\nHello big world.\\nA\\nB'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

import lxml.etree
import lxml.html

Rendering = Literal["html", "recall", "full"]
RENDERINGS: tuple[Rendering, ...] = ("html", "recall", "full")

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
        "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "select",
        "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "br",
    }
)  # fmt: skip
_WS_RE = re.compile(r"\s+")


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html.strip():
        return None
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root


def full_text(html: str) -> str:
    """All visible text of ``<body>``, one line per block-level element, whitespace collapsed.

    >>> full_text("<body><table><tr><td>a</td><td>b <i>c</i></td></tr></table>tail</body>")
    'a\\nb c\\ntail'
    >>> full_text("")
    ''
    """
    root = _parse(html)
    if root is None:
        return ""
    body = root.find("body")
    start = body if body is not None else root
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _WS_RE.sub(" ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    walker = lxml.etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if not tag or tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                flush()
            if el.text:
                buf.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if el is not start and el.tail:
                buf.append(el.tail)
    flush()
    return "\n".join(lines)


def recall_text(html: str) -> str:
    """trafilatura in recall mode with comments and tables ('' when it finds nothing)."""
    import trafilatura

    out = trafilatura.extract(
        html,
        favor_recall=True,
        include_comments=True,
        include_tables=True,
        deduplicate=False,
    )
    return out or ""


RENDERERS: dict[str, Callable[[str], str]] = {"full": full_text, "recall": recall_text}


def render(html: str, rendering: Rendering) -> str:
    """The given text rendering of ``html`` (``html`` returns the page unchanged).

    >>> render("<p>x</p>", "full")
    'x'
    """
    if rendering == "html":
        return html
    return RENDERERS[rendering](html)
