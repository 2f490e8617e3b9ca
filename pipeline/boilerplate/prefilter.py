"""Literal prefilters for rule patterns: skip a regex search that cannot match.

Most blocks match none of the ~350 rule patterns, and most patterns need some
literal text to match (``^share this``, ``newsletter``, ``Getty Images``). From
a pattern's parse tree (the stdlib's own parser) :func:`requirement` derives

- ``prefixes``: strings one of which every match must start the text with
  (for patterns anchored with ``^``), and
- ``literals``: strings one of which every match must contain,

both in the *canonical* form :func:`canon` gives a text: each character mapped
to one representative of the characters the regex engine matches it with under
``IGNORECASE`` (the engine's own simple lower-casing plus its extra case pairs
such as ``s``/``ſ`` and ``i``/``ı``; ``K`` and the Kelvin sign both become
``k``). A case-sensitive literal is canonicalised the same way (a weaker but
still safe test). Whatever cannot be derived safely (classes, ``.``, back
references, optional parts, unknown constructs, a missing private API) gives no
requirement, and that rule simply always runs.

>>> req = requirement("^share (this|the) (article|story)$", False)
>>> req.prefixes  # every match starts with one of four strings; cut to 8 characters, they are one
('share th',)
>>> req.admits(canon("SHARE THIS STORY")), req.admits(canon("Share it"))
(True, False)
>>> requirement(r"\\b(premium|subscribers?)\\b", False).literals
('premium', 'subscrib')
>>> requirement(r"^\\w+$", False)
Requirement(prefixes=None, literals=None)
"""

from __future__ import annotations

import array
import functools
import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

import ahocorasick  # this module is pyahocorasick's adapter

_MAX_SET = 64
"""Largest set of alternative strings kept for one requirement (bigger ones are cut short)."""
_MAX_BRANCH_SET = 256
"""Largest union of the branches' sets kept (``a|b|c`` of rules with many branches)."""
_MAX_LEN = 8
"""Required strings are cut to this many characters."""
_MAX_CHAR_SET = 12
"""Largest character class (``[:!]``) expanded into alternative strings."""
_SCAN_END = 0x20000
"""Characters scanned for irregular case mappings (every cased character is below this)."""


@dataclass(frozen=True, slots=True)
class Requirement:
    """What a text must look like (canonically) for a pattern to have any chance to match."""

    prefixes: tuple[str, ...] | None
    """The canonical text starts with one of these (None: no such condition)."""
    literals: tuple[str, ...] | None
    """The canonical text contains one of these (None: no such condition)."""

    def admits(self, canonical: str) -> bool:
        """False only when the pattern cannot match the text whose canonical form is ``canonical``."""
        if self.prefixes is not None and not canonical.startswith(self.prefixes):
            return False
        return self.literals is None or any(lit in canonical for lit in self.literals)


_NONE = Requirement(None, None)


@functools.lru_cache(maxsize=1)
def case_api() -> tuple[Callable[[int], int], dict[int, tuple[int, ...]]] | None:
    """The regex engine's lower-casing and its extra case-insensitive pairs (private; None if absent)."""
    try:
        sre: Any = importlib.import_module("_sre")
        casefix: Any = importlib.import_module("re._casefix")
        tolower, extra = sre.unicode_tolower, casefix._EXTRA_CASES
        tolower(65)
    except (ImportError, AttributeError, TypeError):
        return None
    return tolower, dict(extra)


@functools.lru_cache(maxsize=4096)
def canon_char(ch: str) -> str:
    """The representative of the characters ``IGNORECASE`` matching treats as ``ch``.

    >>> canon_char("K"), canon_char("\\u212a"), canon_char("\\u017f"), canon_char("\\u0130"), canon_char("7")
    ('k', 'k', 's', 'i', '7')
    """
    api = case_api()
    if api is None:
        return ch.lower()
    tolower, extra = api
    low = tolower(ord(ch))
    group = {low, *extra.get(low, ())}
    for k in list(group):  # the pairs are closed groups; close them anyway
        group.update(extra.get(k, ()))
    return chr(min(group))


@functools.lru_cache(maxsize=1)
def _irregular() -> tuple[re.Pattern[str], dict[int, str]]:
    """Characters whose ``str.lower()`` is not their :func:`canon_char` (a finder and a translation).

    ``str.lower`` is the engine's lower-casing except for full mappings (``İ``) and the final
    sigma; the extra pairs (``ſ``, ``ı``, ``ς``...) differ too. Found once by scanning for
    characters the engine relates to a member of an extra pair.
    """
    api = case_api()
    special = {"\u0130", "\u03a3"}
    if api is not None:
        extra = api[1]
        members = sorted({k for k in extra} | {v for vs in extra.values() for v in vs})
        if members:
            finder = re.compile("[" + "".join(re.escape(chr(c)) for c in members) + "]", re.IGNORECASE)
            codes = (
                array.array("I", range(0xD800)).tobytes()
                + array.array("I", range(0xE000, _SCAN_END)).tobytes()
            )
            special.update(finder.findall(codes.decode("utf-32-le")))
    table = {ord(c): canon_char(c) for c in sorted(special) if c.lower() != canon_char(c)}
    table[0x03A3] = canon_char("\u03a3")
    cls = "".join(re.escape(chr(c)) for c in sorted(table))
    return re.compile(f"[{cls}]"), table


def canon(text: str) -> str:
    """``text`` with every character replaced by its :func:`canon_char` (fast: ``str.lower`` mostly).

    >>> canon("Stra\\u00dfe SHARE \\u212aelvin \\u017fun")
    'straße share kelvin sun'
    """
    if text.isascii():
        return text.lower()
    finder, table = _irregular()
    if finder.search(text) is None:
        return text.lower()
    return text.translate(table).lower()


def _minimal(strings: Iterable[str]) -> tuple[str, ...] | None:
    """The strings none of the others occurs in (an any-of test needs only these); None if "" is one."""
    uniq = sorted(set(strings), key=lambda s: (len(s), s))
    if not uniq or uniq[0] == "":
        return None
    out: list[str] = []
    for s in uniq:
        if not any(o in s for o in out):
            out.append(s)
    return tuple(sorted(out))


def _concat(heads: set[str], tails: set[str]) -> set[str]:
    """Every head followed by every tail.

    >>> sorted(_concat({"a", "b"}, {"", "x"}))
    ['a', 'ax', 'b', 'bx']
    """
    return {h + t for h, t in product(heads, tails)}


class _Deriver:
    """Walks one parse tree; ``ci`` is whether IGNORECASE is in force at the current node."""

    def __init__(self) -> None:
        self.C: Any = importlib.import_module("re._constants")
        self._exact: dict[tuple[int, bool], set[str] | None] = {}
        """exact_item per (id of a node of the tree being walked, ci): nested groups ask repeatedly."""

    def char(self, code: int, ci: bool) -> str:
        return canon_char(chr(code)) if ci else "".join(canon_char(c) for c in chr(code))

    def exact(self, items: Sequence[tuple[Any, Any]], ci: bool) -> set[str] | None:
        """Every string the sequence can match, when that is a small finite set (else None)."""
        out = {""}
        for item in items:
            one = self.exact_item(item, ci)
            if one is None or len(out) * len(one) > _MAX_SET:
                return None
            out = _concat(out, one)
        return out

    def exact_item(self, item: tuple[Any, Any], ci: bool) -> set[str] | None:
        key = (id(item), ci)
        if key not in self._exact:
            self._exact[key] = self._exact_item(item, ci)
        return self._exact[key]

    def _exact_item(self, item: tuple[Any, Any], ci: bool) -> set[str] | None:
        C = self.C
        op, av = item
        if op is C.LITERAL:
            return {self.char(av, ci)}
        if op is C.AT:
            return {""}
        if op is C.IN:
            if len(av) > _MAX_CHAR_SET or any(o is not C.LITERAL for o, _ in av):
                return None
            return {self.char(c, ci) for _, c in av}
        if op is C.SUBPATTERN:
            _group, add, rem, sub = av
            return self.exact(sub, self.flag(ci, add, rem))
        if op is C.BRANCH:
            sets = [self.exact(b, ci) for b in av[1]]
            if any(s is None for s in sets):
                return None
            union = set().union(*(s for s in sets if s is not None))
            return union if len(union) <= _MAX_SET else None
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            body = self.exact(av[2], ci)
            return None if body is None else body | {""}
        return None

    def flag(self, ci: bool, add: int, rem: int) -> bool:
        return (ci or bool(add & re.IGNORECASE)) and not rem & re.IGNORECASE

    def contains(self, items: Sequence[tuple[Any, Any]], ci: bool) -> list[tuple[str, ...]]:
        """Alternative sets of strings one of which every match of the sequence contains."""
        found: list[tuple[str, ...]] = []
        run: set[str] = {""}

        def close() -> None:
            kept = _minimal(run)
            if kept is not None:
                found.append(kept)

        for item in items:
            one = self.exact_item(item, ci)
            if one is None:
                close()
                run = {""}
                found.extend(self.contains_item(item, ci))
                continue
            if len(run) * len(one) > _MAX_SET:
                close()
                run = {""}
                if len(one) > _MAX_SET:
                    continue
            run = _concat(run, one)
        close()
        return found

    def contains_item(self, item: tuple[Any, Any], ci: bool) -> list[tuple[str, ...]]:
        C = self.C
        op, av = item
        if op is C.SUBPATTERN or op is getattr(C, "ATOMIC_GROUP", None):
            sub = av[3] if op is C.SUBPATTERN else av
            inner = self.flag(ci, av[1], av[2]) if op is C.SUBPATTERN else ci
            return self.contains(sub, inner)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            return self.contains(av[2], ci)
        if op is C.BRANCH:
            per_branch = [_best(self.contains(b, ci)) for b in av[1]]
            if any(p is None for p in per_branch):
                return []
            union = _minimal(s for p in per_branch if p is not None for s in p)
            return [union] if union is not None and len(union) <= _MAX_BRANCH_SET else []
        return []

    def prefixes(self, items: Sequence[tuple[Any, Any]], ci: bool, anchored: bool) -> set[str] | None:
        """Strings one of which every match starts the text with (None: not anchored or unknown)."""
        C = self.C
        if not items:
            return None
        first, rest = items[0], items[1:]
        op, av = first
        if not anchored:
            if op is C.AT and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                return self.prefixes(rest, ci, True) or {""}
            if op is C.SUBPATTERN and av[1] == 0 and av[2] == 0:
                return self.prefixes(list(av[3]) + list(rest), ci, False)
            if op is C.BRANCH:
                sets = [self.prefixes(list(b) + list(rest), ci, False) for b in av[1]]
                if any(not s for s in sets):
                    return None
                union = set().union(*(s for s in sets if s))
                return union if len(union) <= _MAX_SET else None
            return None
        out = {""}
        for item in items:
            one = self.exact_item(item, ci)
            if one is None:
                one = self.first(item, ci)
                if one is not None and len(out) * len(one) <= _MAX_BRANCH_SET:
                    out = _concat(out, one)
                break
            if len(out) * len(one) > _MAX_BRANCH_SET:
                break
            out = _concat(out, one)
        return out

    def first(self, item: tuple[Any, Any], ci: bool) -> set[str] | None:
        """Strings one of which every match of ``item`` starts with (a group or a repeat with a minimum)."""
        C = self.C
        op, av = item
        if op is C.SUBPATTERN:
            return self.prefixes(av[3], self.flag(ci, av[1], av[2]), True)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            return self.prefixes(av[2], ci, True)
        if op is C.BRANCH:
            sets = [self.prefixes(b, ci, True) for b in av[1]]
            if any(s is None for s in sets):
                return None
            return set().union(*(s for s in sets if s is not None))
        return None


def _best(options: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The most selective, cheapest alternative set: no string shorter than 5 if possible, few strings.

    Short strings (``"the "``, ``"ap"``) occur in most blocks and filter nothing.

    >>> _best([("a", "b"), ("share", "send", "tweet"), ("follow us",)])
    ('follow us',)
    >>> _best([("my ", "our ", "the "), ("bulletin", "digest", "newsletter")])
    ('bulletin', 'digest', 'newsletter')
    """
    if not options:
        return None
    return max(options, key=lambda o: (min(5, min(len(s) for s in o)), -len(o), min(len(s) for s in o)))


@functools.lru_cache(maxsize=4096)
def requirement(pattern: str, case_sensitive: bool) -> Requirement:
    """The :class:`Requirement` of ``pattern`` compiled with IGNORECASE unless ``case_sensitive``.

    >>> requirement("^(reply|report)$", False).prefixes
    ('reply', 'report')
    >>> requirement("(?m)^share", False)  # ^ after a newline too: no prefix
    Requirement(prefixes=None, literals=('share',))
    >>> requirement("^share", False)  # a prefix implies the literal: no second test
    Requirement(prefixes=('share',), literals=None)
    """
    if case_api() is None:
        return _NONE
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern, 0 if case_sensitive else re.IGNORECASE)
        d = _Deriver()
        flags = tree.state.flags
        ci = bool(flags & re.IGNORECASE)
        items = list(tree.data)
        pre = None if flags & re.MULTILINE else d.prefixes(items, ci, False)
        lits = _best(d.contains(items, ci))
    except Exception:  # private API changed or an odd pattern: no requirement (always correct)
        return _NONE
    # a prefix of a required prefix, a piece of a required literal are required as well: cut
    # short, the strings share their starts and make a much smaller dispatch trie
    prefixes = _minimal_prefixes({p[:_MAX_LEN] for p in pre}) if pre else None
    if prefixes is not None or lits is None:
        return Requirement(prefixes, None)
    return Requirement(None, _minimal(lit[:_MAX_LEN] for lit in lits))


def _minimal_prefixes(strings: set[str]) -> tuple[str, ...] | None:
    """Drop prefixes that start with another one (startswith any-of needs only the shorter)."""
    uniq = sorted(strings, key=lambda s: (len(s), s))
    if not uniq or uniq[0] == "":
        return None
    out: list[str] = []
    for s in uniq:
        if not any(s.startswith(o) for o in out):
            out.append(s)
    return tuple(sorted(out))


def _trie(strings: Iterable[str]) -> str:
    """A regex matching the same strings as ``a|b|...``, as a trie: it matches the longest one first.

    >>> _trie(["ap", "apple", "b.c"])
    '(?:ap(?:ple)?|b\\\\.c)'
    >>> bool(re.fullmatch(_trie(["ap", "apple"]), "apple"))
    True
    """
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a string ends here: longer ones first (greedy), then this one
            return f"(?:{body})?"
        return body

    return emit(root)


def _closure(owners: dict[str, int]) -> dict[str, int]:
    """For each string, the bits of every string of ``owners`` that is a prefix of it (itself included).

    >>> _closure({"ap": 1, "apple": 2, "b": 4})
    {'ap': 1, 'apple': 3, 'b': 4}
    """
    return {s: _or(owners.get(s[:k], 0) for k in range(1, len(s) + 1)) for s in owners}


def _or(bits: Iterable[int]) -> int:
    out = 0
    for b in bits:
        out |= b
    return out


class Dispatch:
    """The requirements of many patterns (bit ``i`` = pattern ``i``), tested against a text in two scans.

    >>> reqs = [requirement("^share", False), requirement("newsletter", False), requirement(r"^\\W$", False)]
    >>> d = Dispatch(reqs)
    >>> bin(d.candidates(canon("Share our NEWSLETTER"))), bin(d.candidates(canon("Weather")))
    ('0b111', '0b100')
    """

    def __init__(self, requirements: Sequence[Requirement]) -> None:
        self.always = 0
        prefixes: dict[str, int] = {}
        literals: dict[str, int] = {}
        for i, req in enumerate(requirements):
            if req.prefixes is None and req.literals is None:
                self.always |= 1 << i
            for p in req.prefixes or ():
                prefixes[p] = prefixes.get(p, 0) | 1 << i
            if req.prefixes is None:  # with both, the prefix decides (the rest is left to the regex)
                for lit in req.literals or ():
                    literals[lit] = literals.get(lit, 0) | 1 << i
        self._prefix_bits = _closure(prefixes)
        # longest prefix at the start (one regex match); every literal at every position, overlapping:
        # an Aho-Corasick automaton (C), six times faster than a regex lookahead at each position
        self._prefix = re.compile(_trie(prefixes)).match if prefixes else None
        self._literals: Callable[[str], Iterable[tuple[int, int]]] | None = None
        if literals:
            automaton = ahocorasick.Automaton()  # values: rule bit masks (Python ints)
            for lit, bits in literals.items():
                automaton.add_word(lit, bits)
            automaton.make_automaton()
            self._literals = automaton.iter

    def candidates(self, canonical: str) -> int:
        """The bits of the patterns that may match the text whose :func:`canon` is ``canonical``.

        Every string of the prefix set the text starts with is a prefix of the longest one (its
        closure covers them); the automaton reports every occurrence of every literal.
        """
        mask = self.always
        if self._prefix is not None:
            m = self._prefix(canonical)
            if m is not None and m.group():
                mask |= self._prefix_bits[m.group()]
        if self._literals is not None:
            for _end, bits in self._literals(canonical):
                mask |= bits
        return mask
