"""Which rules of a pack run on which blocks (step 1 of :mod:`pipeline.boilerplate.classify`).

A pack's rules are indexed once (:func:`_rule_plan`, cached on the pack, also per site): a rule
may fire on a block only when the block has the rule's required literal text
(:mod:`pipeline.boilerplate.prefilter`) and no more words than the rule's ``max_words``.
:func:`warm_up` builds the index ahead of the first document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from pipeline.boilerplate.prefilter import Dispatch, canon, requirement
from pipeline.boilerplate.rules_model import Rule, RulePack
from pipeline.document import Document

_MAX_RULE_WORDS = 200


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

    >>> from pipeline.document import Category
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
