"""Rule packs: boilerplate rules as data (TOML or YAML), loaded and merged.

A pack is a list of :class:`Rule` plus the ids it disables, globally or per
site. Shipped packs live in ``pipeline/boilerplate/rules/*.toml`` (one file
per language, ``xx.toml`` for language-independent rules); users add packs
with ``--rules FILE``. See ``docs/rules.md`` for the format.

>>> pack = RulePack.from_mapping({"rule": [{"id": "share_widget/en/share-this",
...     "category": "share_widget", "pattern": "^share this( article)?$"}]}, "inline")
>>> [r.id for r in pack.rules_for(None)]
['share_widget/en/share-this']
>>> pack.rules[0].search("Share This Article") is not None
True
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pipeline.config import read_user_file
from pipeline.document import Category
from pipeline.errors import ConfigError

log = logging.getLogger(__name__)

Strength = Literal["strong", "weak"]
Zone = Literal["head", "tail", "any"]
_ID = re.compile(r"^[a-z_]+/[a-z]{2,3}/[a-z0-9][a-z0-9_.-]*$")
_RULE_KEYS = {
    "id",
    "category",
    "pattern",
    "strength",
    "weight",
    "zone",
    "max_words",
    "min_words",
    "tail_marker",
    "sites",
    "case_sensitive",
    "not_in_speech",
    "not_in_quote",
    "date_line",
    "description",
}
_PACK_KEYS = {"lang", "rule", "disable", "site", "description"}

SPEECH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("said", "says", "told", "asked", "according to", "urged", "advised", "added", "joked", "warned"),
    "de": ("sagte", "sagt", "sagten", "erklärte", "betonte", "meinte", "warnte", "forderte", "so", "laut",
           "teilte", "berichtete", "fügte"),
    "fr": ("a dit", "a déclaré", "dit", "déclare", "a affirmé", "affirme", "a expliqué", "explique", "selon",
           "a ajouté", "ajoute", "a lancé", "lance"),
    "es": ("dijo", "dice", "decía", "afirmó", "afirma", "explicó", "explica", "según", "añadió", "añade",
           "aseguró", "asegura", "declaró", "señaló", "comentó"),
}  # fmt: skip
"""Words that attribute speech, per language, for rules with ``not_in_speech`` (a rule of another
language uses all of them)."""
_OUTSIDE_QUOTES = r'(?:[^«“„"]|«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*")*?'
"""A line's text up to a match that leaves no quotation open (for ``not_in_speech`` and
``not_in_quote``; block texts have straight quotes, the others are for patterns searched elsewhere)."""


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule.

    ``pattern`` is searched (``re.search``) in the block's normalised text
    (NFKC, straight quotes, single spaces, leading bullet removed). A named
    group ``author`` in a byline rule fills ``Document.author``.

    >>> r = Rule("byline/en/by", Category.BYLINE, r"^by (?P<author>[A-Z][\\w.'-]+( [A-Z][\\w.'-]+){0,3})$")
    >>> r.search("By Jane Doe").group("author")
    'Jane Doe'
    >>> r = Rule("newsletter/en/miss", Category.NEWSLETTER, r"^don.t miss a thing\\b", not_in_speech=True)
    >>> bool(r.search("Don't miss a thing: sign up")), bool(r.search("Don't miss a thing, he told us"))
    (True, False)
    >>> r = Rule("cookie_notice/fr/c", Category.COOKIE_NOTICE, "nous utilisons", not_in_quote=True)
    >>> bool(r.search("Nous utilisons des cookies selon vos choix.")), bool(r.search('Un "Nous utilisons"'))
    (True, False)
    """

    id: str
    category: Category
    pattern: str
    strength: Strength = "strong"
    weight: float = 1.0
    """Score contribution; strong rules score at least 1.0."""
    zone: Zone = "any"
    max_words: int = 25
    """The rule never fires on a block longer than this (protects article prose)."""
    min_words: int = 0
    tail_marker: bool = False
    """A strong match marks the end of the article: the article region cannot cross it."""
    sites: tuple[str, ...] = ()
    """Only on these hosts (suffix match); empty means everywhere."""
    case_sensitive: bool = False
    not_in_speech: bool = False
    """Never fires on a line that attributes speech (:data:`SPEECH_WORDS` of the rule's language), nor
    inside a quotation: for prompts and notices that reporting also quotes ("Don't miss a thing, the
    auctioneer told the room", "Un bandeau « Nous utilisons des cookies ... » ne suffit pas")."""
    not_in_quote: bool = False
    """Never fires inside a quotation (the quotation part of ``not_in_speech`` alone: for notices whose
    own words include a speech word, "selon vos préférences")."""
    date_line: bool = False
    """The rule takes a line that only dates the article ("March 3, 2024 at 10:15", "Publié le 3 mars
    à 10h", "Zürich, 3. März 2024"): the head's steps read such a line as metadata like a byline, so
    a standfirst or a title may sit over or under it."""

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, compiled on first use: of the ~550 shipped rules a run uses the few
        whose literal text its blocks have (:mod:`pipeline.boilerplate.prefilter`), and compiling all
        of them took 0.3 s per run. A user's pack is compiled when it is read
        (:meth:`RulePack.from_mapping`), so a bad pattern is an error before any input is read; a
        rule built in code is checked by reading this. (Kept in the instance's dict, not with
        ``functools.cached_property``, whose lock on Python 3.11 a fork could inherit held.)

        >>> Rule("other/xx/a", Category.OTHER, "a(").regex
        Traceback (most recent call last):
        pipeline.errors.ConfigError: rule other/xx/a: bad regex 'a(': missing ), unterminated subpattern ...
        """
        compiled: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if compiled is not None:
            return compiled
        try:
            flags = 0 if self.case_sensitive else re.IGNORECASE
            pattern = self.pattern
            if self.not_in_speech:
                lang = self.id.split("/")[1] if self.id.count("/") == 2 else ""
                words = SPEECH_WORDS.get(lang) or sorted({w for ws in SPEECH_WORDS.values() for w in ws})
                # the pattern's own ^ still anchors at the start: the prefix is then empty; the prefix
                # closes every quotation it opens, so a match inside one (a banner's text quoted in
                # guillemets: "des avis du type «Utilizamos cookies ...»") does not count
                pattern = rf"^(?!.*\b(?:{'|'.join(words)})\b){_OUTSIDE_QUOTES}(?:{pattern})"
            elif self.not_in_quote:
                pattern = rf"^{_OUTSIDE_QUOTES}(?:{pattern})"
            compiled = re.compile(pattern, flags)
        except (re.error, OverflowError) as exc:  # OverflowError: a repeat count too large
            raise ConfigError(f"rule {self.id}: bad regex {self.pattern!r}: {exc}") from None
        self.__dict__["_compiled"] = compiled  # a cache beside the frozen fields (not one of them)
        return compiled

    def search(self, text: str) -> re.Match[str] | None:
        """The match of this rule's pattern in ``text``, if any."""
        return self.regex.search(text)

    def applies_to(self, site: str | None) -> bool:
        """Whether this rule is active on ``site`` (a host name, or None when unknown).

        >>> Rule("other/xx/a", Category.OTHER, "a", sites=("example.com",)).applies_to("www.example.com")
        True
        >>> Rule("other/xx/a", Category.OTHER, "a", sites=("example.com",)).applies_to(None)
        False
        """
        if not self.sites:
            return True
        return site is not None and any(_host_matches(site, s) for s in self.sites)


def _host_matches(host: str, pattern: str) -> bool:
    host, pattern = host.lower().rstrip("."), pattern.lower().rstrip(".")
    return host == pattern or host.endswith("." + pattern)


@dataclass(frozen=True)
class RulePack:
    """Rules plus the ids disabled globally and per site.

    Merge packs with :meth:`merged`: later packs replace rules with the same id
    and add their disables.
    """

    rules: tuple[Rule, ...] = ()
    disabled: frozenset[str] = frozenset()
    disabled_by_site: tuple[tuple[str, frozenset[str]], ...] = ()
    sources: tuple[str, ...] = ()
    memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)
    """Derived data the classifier keeps per pack (its rule plans per site); never part of equality."""

    @property
    def site_dependent(self) -> bool:
        """Whether :meth:`rules_for` can differ between sites (site rules or per-site disables).

        >>> RulePack((Rule("other/xx/a", Category.OTHER, "a"),)).site_dependent
        False
        """
        return bool(self.disabled_by_site) or any(r.sites for r in self.rules)

    def rules_for(self, site: str | None) -> list[Rule]:
        """The active rules on ``site``, in pack order.

        >>> p = RulePack((Rule("other/xx/a", Category.OTHER, "a"), Rule("other/xx/b", Category.OTHER, "b")),
        ...              disabled_by_site=(("example.com", frozenset({"other/xx/b"})),))
        >>> [r.id for r in p.rules_for("example.com")], len(p.rules_for("example.org"))
        (['other/xx/a'], 2)
        """
        off = set(self.disabled)
        if site:
            for host, ids in self.disabled_by_site:
                if _host_matches(site, host):
                    off |= ids
        return [r for r in self.rules if r.id not in off and r.applies_to(site)]

    def merged(self, other: RulePack) -> RulePack:
        """This pack with ``other`` layered on top."""
        by_id = {r.id: r for r in self.rules}
        order = [r.id for r in self.rules]
        for r in other.rules:
            if r.id not in by_id:
                order.append(r.id)
            by_id[r.id] = r
        return RulePack(
            rules=tuple(by_id[i] for i in order),
            disabled=self.disabled | other.disabled,
            disabled_by_site=self.disabled_by_site + other.disabled_by_site,
            sources=self.sources + other.sources,
        )

    def fingerprint(self) -> str:
        """A hash of what the pack holds (every rule's settings, the disables), not of where it
        was read from: the same rules give the same fingerprint.

        >>> a = RulePack((Rule("other/xx/a", Category.OTHER, "a"),), sources=("x.toml",))
        >>> b = RulePack((Rule("other/xx/a", Category.OTHER, "a"),), sources=("y/x.toml",))
        >>> a.fingerprint() == b.fingerprint(), a.fingerprint() == RulePack().fingerprint()
        (True, False)
        """
        rules = [
            [r.id, r.category.value, r.pattern, r.strength, r.weight, r.zone, r.max_words, r.min_words,
             r.tail_marker, list(r.sites), r.case_sensitive, r.not_in_speech, r.not_in_quote, r.date_line]
            for r in self.rules
        ]  # fmt: skip
        sites = [[host, sorted(ids)] for host, ids in self.disabled_by_site]
        blob = json.dumps([rules, sorted(self.disabled), sites], ensure_ascii=False).encode()
        return hashlib.blake2b(blob, digest_size=16).hexdigest()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str, compile_now: bool = True) -> RulePack:
        """Build a pack from parsed TOML/YAML, validating every key (errors are :class:`ConfigError`).

        ``compile_now`` compiles every pattern at once, so that a bad one is an error here; the
        shipped packs (whose patterns the tests compile) leave it to the first use.
        """
        if not isinstance(data, Mapping):
            raise ConfigError(f"{source}: a rule pack must be a table/mapping")
        unknown = sorted(set(data) - _PACK_KEYS)
        if unknown:
            raise ConfigError(
                f"{source}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_PACK_KEYS))})"
            )
        lang = data.get("lang")
        listed = _list(data.get("rule", []), source, "rule")
        rules = tuple(_rule(r, source, lang, compile_now) for r in listed)
        disabled = frozenset(_strs(data.get("disable", []), source, "disable"))
        per_site: list[tuple[str, frozenset[str]]] = []
        sites = data.get("site", {})
        if not isinstance(sites, Mapping):
            raise ConfigError(f"{source}: 'site' must map host names to tables")
        for host, table in sorted(sites.items()):
            if not isinstance(table, Mapping) or set(table) - {"disable", "rule"}:
                raise ConfigError(f"{source}: site.{host} may only have 'disable' and 'rule'")
            per_site.append(
                (str(host), frozenset(_strs(table.get("disable", []), source, f"site.{host}.disable")))
            )
            extra = [dict(r, sites=[host]) for r in _list(table.get("rule", []), source, f"site.{host}.rule")]
            rules += tuple(_rule(r, source, lang, compile_now) for r in extra)
        seen: set[str] = set()
        for r in rules:  # site rules too: one id names one rule of the pack
            if r.id in seen:
                raise ConfigError(
                    f"{source}: rule {r.id} is defined twice (the second would replace the first)"
                )
            seen.add(r.id)
        return cls(rules, disabled, tuple(per_site), (source,))


def _list(value: Any, source: str, key: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of tables")
    return value


def _strs(value: Any, source: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return value


def _rule(data: Mapping[str, Any], source: str, lang: Any, compile_now: bool) -> Rule:
    unknown = sorted(set(data) - _RULE_KEYS)
    rid = str(data.get("id", "?"))
    if unknown:
        raise ConfigError(f"{source}: rule {rid}: unknown key {unknown[0]!r}")
    for key in ("id", "category", "pattern"):
        if not isinstance(data.get(key), str):
            raise ConfigError(f"{source}: rule {rid}: '{key}' is required and must be a string")
    if not _ID.match(rid):
        raise ConfigError(f"{source}: rule id {rid!r} must look like <category>/<lang>/<name>")
    try:
        category = Category(data["category"])
    except ValueError:
        raise ConfigError(
            f"{source}: rule {rid}: unknown category {data['category']!r} "
            f"(known: {', '.join(c.value for c in Category)})"
        ) from None
    if not rid.startswith(category.value + "/"):
        raise ConfigError(f"{source}: rule {rid}: id must start with its category {category.value!r}")
    if not data["pattern"].strip():
        raise ConfigError(f"{source}: rule {rid}: an empty pattern would match every block")
    if isinstance(lang, str) and rid.split("/")[1] not in (lang, "xx"):
        log.debug("%s: rule %s has a language other than the pack's %s", source, rid, lang)
    strength = data.get("strength", "strong")
    zone = data.get("zone", "any")
    if strength not in ("strong", "weak"):
        raise ConfigError(f"{source}: rule {rid}: strength must be strong or weak")
    if zone not in ("head", "tail", "any"):
        raise ConfigError(f"{source}: rule {rid}: zone must be head, tail or any")
    default_weight = 1.0 if strength == "strong" else 0.3
    try:
        weight = float(data.get("weight", default_weight))
        if not math.isfinite(weight):
            raise ValueError(f"weight must be a finite number (got {weight})")
        rule = Rule(
            id=rid,
            category=category,
            pattern=data["pattern"],
            strength=strength,
            weight=weight,
            zone=zone,
            max_words=_count(data, "max_words", 25),
            min_words=_count(data, "min_words", 0),
            tail_marker=_flag(data, "tail_marker"),
            sites=tuple(_strs(data.get("sites", []), source, f"{rid}.sites")),
            case_sensitive=_flag(data, "case_sensitive"),
            not_in_speech=_flag(data, "not_in_speech"),
            not_in_quote=_flag(data, "not_in_quote"),
            date_line=_flag(data, "date_line"),
        )
        if compile_now:
            rule.regex  # noqa: B018 - compiled now: a bad pattern is this file's error
        return rule
    except (TypeError, ValueError, OverflowError) as exc:
        raise ConfigError(f"{source}: rule {rid}: {exc}") from None
    except ConfigError as exc:  # a bad regex: say in which file
        raise ConfigError(f"{source}: {exc}") from None


def _flag(data: Mapping[str, Any], key: str) -> bool:
    """A true/false setting; a string such as "false" is an error, not true.

    >>> _flag({"tail_marker": True}, "tail_marker"), _flag({}, "tail_marker")
    (True, False)
    >>> _flag({"tail_marker": "no"}, "tail_marker")
    Traceback (most recent call last):
    ValueError: 'tail_marker' must be true or false (got 'no')
    """
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} must be true or false (got {value!r})")
    return value


def _count(data: Mapping[str, Any], key: str, default: int) -> int:
    """A whole number of words, 0 or more; 12.9 or "12" is an error, not 12.

    >>> _count({"max_words": 12}, "max_words", 25), _count({}, "max_words", 25)
    (12, 25)
    >>> _count({"max_words": 12.9}, "max_words", 25)
    Traceback (most recent call last):
    ValueError: 'max_words' must be a whole number, 0 or more (got 12.9)
    """
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{key!r} must be a whole number, 0 or more (got {value!r})")
    return value


def _parse_file(path: Path) -> Mapping[str, Any]:
    text = read_user_file(path, "rule pack")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"rule pack {path} is not valid YAML: {exc}") from None
        return data if data is not None else {}
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"rule pack {path} is not valid TOML: {exc}") from None


def _check_disabled(pack: RulePack, known: set[str]) -> None:
    """Every id a pack disables must name a rule: a misspelt id would disable nothing, silently.

    >>> pack = RulePack(disabled=frozenset({"navigation/en/menu-wrods"}), sources=("my.toml",))
    >>> try:
    ...     _check_disabled(pack, {"navigation/en/menu-words"})
    ... except ConfigError as exc:
    ...     print(exc)
    my.toml: 'disable' names no rule: navigation/en/menu-wrods (did you mean 'navigation/en/menu-words'?)
    """
    wanted = set(pack.disabled).union(*(ids for _, ids in pack.disabled_by_site))
    unknown = sorted(wanted - known)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"{', '.join(pack.sources)}: 'disable' names no rule: {', '.join(unknown)}{hint}")


def shipped_languages() -> list[str]:
    """The languages of the shipped packs (``xx`` = language-independent).

    >>> {"en", "de", "fr", "es", "xx"} <= set(shipped_languages())
    True
    """
    root = resources.files("pipeline.boilerplate") / "rules"
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml"))


def load_rules(extra_files: Sequence[str] = (), lang: str | Iterable[str] | None = None) -> RulePack:
    """The shipped packs (all languages, or only ``lang`` plus ``xx``), then user packs in order.

    >>> pack = load_rules(lang="en")
    >>> {r.id.split("/")[1] for r in pack.rules} <= {"en", "xx"}
    True
    >>> any(r.id == "comment_form/en/leave-a-reply" for r in pack.rules)
    True
    """
    wanted: set[str] | None
    if lang is None:
        wanted = None
    else:
        wanted = {lang} if isinstance(lang, str) else set(lang)
        wanted.add("xx")
    pack = RulePack()
    root = resources.files("pipeline.boilerplate") / "rules"
    for name in shipped_languages():
        if wanted is not None and name not in wanted:
            continue
        res = root / f"{name}.toml"
        pack = pack.merged(
            RulePack.from_mapping(
                tomllib.loads(res.read_text(encoding="utf-8")), f"rules/{name}.toml", compile_now=False
            )
        )
    users = [RulePack.from_mapping(_parse_file(Path(f)), str(f)) for f in extra_files]
    for user in users:
        pack = pack.merged(user)
    if wanted is None:
        known = {r.id for r in pack.rules}
        for user in users:
            _check_disabled(user, known)
    log.debug("loaded %d rules from %s", len(pack.rules), ", ".join(pack.sources))
    return pack


__all__ = ["Rule", "RulePack", "Strength", "Zone", "load_rules", "shipped_languages"]
