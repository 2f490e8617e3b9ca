"""Worst-case growth: per-document stages on inputs shaped to make them superlinear.

One bad document must not stall a nightly run: every per-document stage should grow linearly
with the document's size, whatever its shape, up to ``read.max_bytes`` (20 MB). This script
builds each shape at sizes N, 2N, 4N, ... (deterministic text, no data needed), times the
stages in this process (CPU seconds of its thread, ``time.thread_time``, garbage collection off)
and reports, per stage, the growth per doubling of the size: about 2 is linear, about 4
quadratic. Ratios, not seconds, so that a busy machine does not change the verdict much; a stage
is flagged when it grows more than ``--limit`` (default 2.6) per doubling and takes at least
0.05 s at the largest size.

    .venv/bin/python -m benchmarks.worst_case                     # 0.25, 0.5, 1 MB: about 1 minute
    .venv/bin/python -m benchmarks.worst_case --sizes 1e6 2e6 4e6 --shapes one_line nbsp_commas

Shapes: ``prose`` (paragraphs), ``one_line`` (the same prose without a line break: every
per-sentence scan of a line costs the line's length), ``guillemets`` (one line of prose with
free-standing « » marks), ``nbsp_commas`` (one line with no-break spaces and doubled commas: two
repair passes editing one line), ``short_lines`` (nothing but short chrome lines: "Reply", dates,
"By X"; memory is the concern there: ``--rss`` prints the process's peak so far, so run that shape
alone, ``--shapes short_lines --rss``, to read its own figure). The ``html_*`` shapes time
``pipeline.body_parts`` alone (:data:`HTML_SHAPES`). Results: benchmarks/README.md.

Exit status 1 when a stage is flagged.

>>> text = make("one_line", 2_000)
>>> len(text) >= 2_000 and "\\n" not in text
True
>>> make("short_lines", 500).count("\\n") > 20
True
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import re
import resource
import sys
import time
from collections.abc import Callable

_WORDS = tuple(
    re.findall(
        r"\w+",
        "the city council voted on tuesday to approve new budget which mayor said would cut costs by "
        "percent over next three years officials police report government minister announced plans "
        "for school hospital road project residents were concerned about prices rising inflation market",
    )
)
_NAMES = ("John Smith", "Maria Garcia", "Peter Miller", "Anna Schmidt")
_SHORT = ("Reply", "Share", "Related articles", "Photo: AP", "Read more", "Advertisement", "Print")
TEXT_SHAPES = ("prose", "one_line", "guillemets", "nbsp_commas", "short_lines")
HTML_SHAPES = ("html_parts", "html_nested", "html_tweets", "html_deep")
"""Pages for ``pipeline.body_parts`` (timed alone, on the parsed page and the text trafilatura would
give): many later parts of a split body, same-class containers nested in each other, tweets nested
in each other in a promo box, a body deep in wrappers with a candidate part at every level."""
SHAPES = TEXT_SHAPES + HTML_SHAPES


def make(shape: str, size: int, seed: int = 42) -> str:
    """A text of about ``size`` characters of the given shape (deterministic for a seed)."""
    rnd = random.Random(seed)

    def sentence() -> str:
        words = [rnd.choice(_WORDS) for _ in range(rnd.randint(8, 25))]
        if rnd.random() < 0.3:
            words.insert(rnd.randint(1, len(words) - 1), rnd.choice(_NAMES))
        return " ".join(words).capitalize() + rnd.choice("....?!")

    def paragraph() -> str:
        return " ".join(sentence() for _ in range(rnd.randint(2, 6)))

    def short() -> str:
        r = rnd.random()
        if r < 0.6:
            return rnd.choice(_SHORT)
        if r < 0.8:
            return f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.{rnd.randint(2000, 2024)}"
        return "By " + rnd.choice(_NAMES)

    if shape in HTML_SHAPES:
        return _page(shape, size, sentence)
    piece: Callable[[], str]
    sep = " "
    if shape == "prose":
        piece, sep = paragraph, "\n\n"
    elif shape == "one_line":
        piece = paragraph
    elif shape == "guillemets":
        piece = lambda: paragraph() + rnd.choice((" »", " « ", " » ", ""))  # noqa: E731
    elif shape == "nbsp_commas":
        piece = lambda: "word\u00a0word,, "  # noqa: E731
        sep = ""
    elif shape == "short_lines":
        piece, sep = short, "\n"
    else:
        raise ValueError(f"unknown shape {shape!r} (one of {', '.join(SHAPES)})")
    parts: list[str] = []
    n = 0
    while n < size:
        p = piece()
        parts.append(p)
        n += len(p) + len(sep)
    return sep.join(parts)


_BODY_TEXT = "\n".join(
    f"The first part of the story, paragraph {i}, tells what happened on Monday." for i in range(4)
)
"""The text trafilatura gives for the pages' first body container."""


def _page(shape: str, size: int, sentence: Callable[[], str]) -> str:
    """An HTML page of about ``size`` characters of the given :data:`HTML_SHAPES` shape.

    >>> from pipeline.body_parts import restore
    >>> from lxml.html import fromstring
    >>> page = make("html_parts", 5_000)
    >>> len(page) >= 5_000 and restore(fromstring(page), _BODY_TEXT).count("\\n") > 10
    True
    """
    body = "".join(f"<p>{line}</p>" for line in _BODY_TEXT.split("\n"))
    head = f"<html><body><main><h1>Title</h1><div class='article-body'>{body}</div>"
    chunks: list[str] = []
    closers: list[str] = []  # what closes the nested chunks, innermost first
    n = len(head)
    while n < size:
        # nested shapes: text enough per level to stay under libxml2's 2,048 levels at 1 MB
        text = " ".join(sentence() for _ in range(3 if shape == "html_parts" else 8))
        if shape == "html_parts":
            chunk = "<div class='ad'>Advertisement</div>"
            chunk += f"<div class='article-body'><p>{text}</p><p>{text}</p></div>"
        elif shape == "html_nested":
            chunk = f"<div class='article-body'><p>{text}</p>"
            closers.append("</div>")
        elif shape == "html_tweets":
            chunk = f"<blockquote class='twitter-tweet'><p>{text}</p>&mdash; Ann "
            closers.append("</blockquote>")
        else:  # html_deep: the body inside the wrappers, a candidate part closes each one
            chunk = "<div class='w'>"
            closers.append(f"<div class='article-body'><p>{text}</p></div></div>")
        chunks.append(chunk)
        n += len(chunk) + len(closers[-1] if closers else "")
    closing = "".join(reversed(closers))
    if shape == "html_tweets":
        tweets = f"<aside class='promo'>{''.join(chunks)}{closing}</aside>"
        return f"<html><body><main><h1>Title</h1><div class='article-body'>{body}{tweets}</div></main></body>"
    if shape == "html_deep":
        return f"<html><body>{''.join(chunks)}<div class='article-body'>{body}</div>{closing}</body></html>"
    return f"{head}{''.join(chunks)}{closing}</main></body></html>"


def _time_body_parts(page: str) -> dict[str, float]:
    from lxml.html import HTMLParser, fromstring

    from pipeline.body_parts import restore

    tree = fromstring(page, parser=HTMLParser(huge_tree=True))  # deeper than libxml2's default 256
    gc.collect()
    gc.disable()
    try:
        t0 = time.thread_time()
        restore(tree, _BODY_TEXT)
        return {"body_parts": time.thread_time() - t0}
    finally:
        gc.enable()


def time_stages(text: str) -> dict[str, float]:
    """CPU seconds of repair, segment, boilerplate and the dedup signature on one plain text (of
    ``body_parts`` alone on a page)."""
    if text.startswith("<html>"):
        return _time_body_parts(text)
    from pipeline.config import Config
    from pipeline.dedup import compute_signature
    from pipeline.document import Document
    from pipeline.run import stages

    config = Config.load()
    pipe = dict(stages(config))
    doc = Document(id="x", source="x", format="text", text=text)
    out: dict[str, float] = {}
    # this thread's CPU only (a sampler thread left by an earlier job is not the stage's), and no
    # garbage collection of earlier work inside a timed stage
    gc.collect()
    gc.disable()
    try:
        for name in ("repair", "segment", "boilerplate"):
            t0 = time.thread_time()
            doc = pipe[name](doc)
            out[name] = time.thread_time() - t0
        t0 = time.thread_time()
        compute_signature(doc, config.dedup)
        out["signature"] = time.thread_time() - t0
    finally:
        gc.enable()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[250_000, 500_000, 1_000_000])
    ap.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    ap.add_argument("--limit", type=float, default=2.6, help="growth per doubling that flags a stage")
    ap.add_argument("--rss", action="store_true", help="also print the process's peak RSS so far (Linux)")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes)
    flagged = []
    time_stages("Warm up. The city council met on Tuesday.\n\nShare this article")  # rules, profiles
    for shape in args.shapes:
        runs = []
        for size in sizes:
            runs.append(time_stages(make(shape, size)))
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            cells = " ".join(f"{k} {v:.2f}" for k, v in runs[-1].items())
            print(f"{shape:12} {size:>10,} chars  {cells}" + (f"  peak RSS {rss} MB" if args.rss else ""))
        for stage in runs[-1]:
            first, last = runs[0][stage], runs[-1][stage]
            doublings = max(1e-9, math.log2(sizes[-1] / sizes[0]))
            growth = (last / first) ** (1 / doublings) if first > 0 else float("nan")
            bad = last >= 0.05 and growth > args.limit
            print(f"{'':12} {stage:12} growth per doubling {growth:5.2f}{'  FLAGGED' if bad else ''}")
            if bad:
                flagged.append(f"{shape}/{stage}")
    if flagged:
        print("superlinear:", ", ".join(flagged))
        return 1
    print("every stage grows about linearly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
