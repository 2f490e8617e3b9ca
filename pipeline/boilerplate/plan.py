"""Which rules of a pack run on which blocks (step 1 of :mod:`pipeline.boilerplate.classify`).

A pack's rules are indexed once (:func:`_rule_plan`, cached on the pack, also per site): a rule
may fire on a block only when the block has the rule's required literal text
(:mod:`pipeline.boilerplate.prefilter`) and no more words than the rule's ``max_words``.
:func:`warm_up` builds the index ahead of the first document.

Deriving the shipped rules' requirements from their parse trees takes about half a second, once
per run; they are shipped derived, in ``rules/requirements.json`` (:func:`write_requirement_table`,
``make rules-table``), and used only on the Python version, Unicode version and prefilter code that
derived them (a user's rules, and everything after a change, are derived at run time).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.boilerplate import prefilter
from pipeline.boilerplate.prefilter import Dispatch, Requirement, canon, requirement
from pipeline.boilerplate.rules_model import Rule, RulePack, load_rules
from pipeline.document import Document
from pipeline.writers import atomic_writer

_MAX_RULE_WORDS = 200


@dataclass(frozen=True)
class _Index:
    """A pack's rules ready to run on blocks: which may fire on a block, found with two scans."""

    rules: tuple[Rule, ...]
    searches: list[Callable[[str], re.Match[str] | None] | None]
    """Rule ``i``'s compiled ``search``, filled in by the classifier on the rule's first search: a run
    compiles only the patterns its blocks' literal text calls for."""
    by_words: tuple[int, ...]
    """For each word count up to ``_MAX_RULE_WORDS``, the bits of the rules allowed on such a block."""
    dispatch: Dispatch


def _index(rules: tuple[Rule, ...]) -> _Index:
    by_words = [0] * (_MAX_RULE_WORDS + 1)
    for i, r in enumerate(rules):
        for n in range(max(0, r.min_words), min(r.max_words, _MAX_RULE_WORDS) + 1):
            by_words[n] |= 1 << i
    table = _shipped_requirements()
    reqs = [table.get(key) or requirement(*key) for key in ((r.pattern, r.case_sensitive) for r in rules)]
    return _Index(rules, [None] * len(rules), tuple(by_words), Dispatch(reqs))


_TABLE = "requirements.json"


def _deriver() -> dict[str, str]:
    """What a shipped requirement table must have been derived with to be used here."""
    code = Path(prefilter.__file__).read_bytes().replace(b"\r\n", b"\n")  # a checkout's line ends
    return {
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "unicode": unicodedata.unidata_version,
        "prefilter": hashlib.blake2b(code, digest_size=8).hexdigest(),
    }


@functools.lru_cache(maxsize=1)
def _shipped_requirements() -> dict[tuple[str, bool], Requirement]:
    """The shipped table of requirements by (pattern, case_sensitive); empty when it was derived
    elsewhere (another Python, Unicode or prefilter code) or cannot be read.

    >>> rule = next(r for r in load_rules().rules if r.id == "share_widget/en/share-this")
    >>> key = (rule.pattern, rule.case_sensitive)
    >>> _shipped_requirements()[key] == requirement(*key), ("x", False) in _shipped_requirements()
    (True, False)
    """
    try:
        data = json.loads((resources.files("pipeline.boilerplate") / "rules" / _TABLE).read_text("utf-8"))
        if data.get("derived_with") != _deriver() or prefilter.case_api() is None:
            return {}  # (without the engine's private case API nothing may be required)
        rows = data["requirements"]
        return {(pat, bool(cs)): Requirement(_strings(pre), _strings(lit)) for pat, cs, pre, lit in rows}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _strings(value: list[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def requirement_table(rules: tuple[Rule, ...]) -> dict[str, Any]:
    """The table :func:`_shipped_requirements` reads, derived now for ``rules`` (sorted, one entry
    per pattern)."""
    keys = sorted({(r.pattern, r.case_sensitive) for r in rules})
    return {
        "about": "Derived from the shipped rule packs by `make rules-table`; do not edit (see plan.py).",
        "derived_with": _deriver(),
        "requirements": [
            [pat, cs, list(req.prefixes) if req.prefixes is not None else None,
             list(req.literals) if req.literals is not None else None]
            for pat, cs in keys
            for req in [requirement(pat, cs)]
        ],
    }  # fmt: skip


def write_requirement_table() -> Path:
    """Write the shipped rules' requirement table next to the packs (``make rules-table``)."""
    path = Path(prefilter.__file__).parent / "rules" / _TABLE
    table = requirement_table(load_rules().rules)
    rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in table.pop("requirements"))
    head = json.dumps(table, ensure_ascii=False)[:-1]  # one entry per line: diffs show what changed
    with atomic_writer(path) as fh:
        fh.write(f'{head}, "requirements": [\n{rows}\n]}}\n')
    _shipped_requirements.cache_clear()
    return path


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
    """Build the pack's rule index now (~0.1 s; ~0.6 s without the shipped table), e.g. before forking.

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
