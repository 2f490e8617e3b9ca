"""Reference systems the evaluation runs next to docclean.

* :func:`unchanged`: the input text as it is ("doing nothing").
* :func:`trafilatura_html`: trafilatura alone on the HTML with its default settings, comments
  excluded (``include_comments=False``; tables included, trafilatura's default).
* :func:`c4_lines`: the line-level rules of C4's ``clean`` step (Raffel et al. 2020, TFDS
  ``c4_utils.clean_page``), applied to text:

  - a line is kept only if, stripped, it ends in terminal punctuation ``. ? ! "`` and not in an
    ellipsis ``...``;
  - it has at least 3 words (whitespace-separated);
  - it has no word longer than 1000 characters;
  - it does not contain "javascript", nor a policy phrase ("terms of use", "privacy policy",
    "cookie policy", "uses cookies", "use of cookies", "use cookies"), all lower-cased;
  - Wikipedia-style citation marks (``[1]``, ``[edit]``, ``[citation needed]``) are deleted.

  C4 also drops a whole *page* that contains "lorem ipsum" or a curly bracket ``{``, that has fewer
  than 5 sentences, or that contains a word of a bad-words list. Here "lorem ipsum" and ``{``
  drop the *line* only and the other page-level rules are not applied: we measure a cleaner of
  text, not a page filter (a dropped page would score 0 and say nothing about line cleaning).
* :func:`justext_html` / :func:`justext_text`: jusText (default parameters) on the HTML, or on the
  text with each line wrapped in a ``<p>``; the stop-list is the jusText stop-list that covers
  most of the text's words (a cheap language guess, deterministic; on HTML, guessed from
  the visible page text).

This module calls trafilatura and jusText directly (evaluation adapter).

>>> c4_lines("Home\\nThe cat sat on the mat.\\nEnable JavaScript to see this page.\\nRead more...")
'The cat sat on the mat.'
>>> c4_lines('He said "it works."\\nWe use cookies to improve it.\\nSee [1] the results here.')
'He said "it works."\\nSee  the results here.'
"""

from __future__ import annotations

import functools
import html as html_lib
import re

_END_MARKS = (".", "?", "!", '"')
_ELLIPSIS = "..."
_POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
_CITATION_RE = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
_MIN_WORDS_PER_LINE = 3
_MAX_WORD_LENGTH = 1000
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def unchanged(text: str) -> str:
    """The input itself.

    >>> unchanged("x")
    'x'
    """
    return text


def c4_keep_line(line: str) -> bool:
    """Whether C4's line rules keep ``line`` (see the module docstring).

    >>> c4_keep_line("Short one."), c4_keep_line("A line without an end"), c4_keep_line("This one is fine!")
    (False, False, True)
    >>> c4_keep_line("Lorem ipsum dolor sit amet."), c4_keep_line("Use {braces} in code.")
    (False, False)
    """
    line = line.strip()
    if not line.endswith(_END_MARKS) or line.endswith(_ELLIPSIS):
        return False
    words = line.split()
    if len(words) < _MIN_WORDS_PER_LINE:
        return False
    if any(len(w) > _MAX_WORD_LENGTH for w in words):
        return False
    low = line.lower()
    if "javascript" in low or "lorem ipsum" in low or "{" in line:
        return False
    return not any(p in low for p in _POLICY_SUBSTRINGS)


def c4_lines(text: str) -> str:
    """Keep the lines C4's rules keep, citation marks removed, joined with newlines."""
    kept = []
    for line in text.splitlines():
        line = _CITATION_RE.sub("", line).strip()
        if c4_keep_line(line):
            kept.append(line)
    return "\n".join(kept)


def trafilatura_html(html: str) -> str:
    """trafilatura alone on HTML: default settings, comments excluded ('' when nothing found)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


@functools.cache
def _stoplists() -> tuple[tuple[str, frozenset[str]], ...]:
    import justext

    return tuple((name, frozenset(justext.get_stoplist(name))) for name in sorted(justext.get_stoplists()))


def guess_stoplist(text: str) -> frozenset[str]:
    """The jusText stop-list covering most of ``text``'s words (English when there are none).

    >>> "der" in guess_stoplist("Der Hund und die Katze sind nicht hier, aber wir sind da.")
    True
    """
    words = [w.lower() for w in _WORD_RE.findall(text[:20000])]
    lists = _stoplists()
    best_name, best_cover = "English", 0
    for name, stops in lists:
        cover = sum(1 for w in words if w in stops)
        if cover > best_cover:
            best_name, best_cover = name, cover
    return dict(lists)[best_name]


def _justext(html: str, sample: str) -> str:
    import justext

    if not html.strip():
        return ""
    try:
        paragraphs = justext.justext(
            html.encode("utf-8", errors="replace"), guess_stoplist(sample), encoding="utf-8"
        )
    except Exception:  # jusText raises bare parser errors on broken pages; treat as no output
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_html(html: str) -> str:
    """jusText on HTML with default parameters (stop-list guessed from the visible page text)."""
    from pipeline.evaluation.renderings import full_text

    return _justext(html, full_text(html))


def justext_text(text: str) -> str:
    """jusText on plain text, each line a ``<p>`` paragraph.

    >>> justext_text("")
    ''
    """
    if not text.strip():
        return ""
    body = "".join(f"<p>{html_lib.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return _justext(f"<html><body>{body}</body></html>", text)
