"""The rule prefilter (pipeline.boilerplate.prefilter) never skips a block a rule's regex matches."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.boilerplate import RulePack, load_rules
from pipeline.boilerplate.features import normalise
from pipeline.boilerplate.prefilter import Dispatch, Requirement, canon, canon_char, requirement

RULES = load_rules().rules
# characters that case-insensitive matching relates in irregular ways, plus everyday ones
TRICKY = "ßẞİıIiſSsKkKÅåΣσςµμΜΩωΩ\u0345ιΙ\u1fbeǅǄǆ"
ALPHABET = st.sampled_from(
    list(TRICKY + "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;|/@#-'\"()©€$")
)


def _literals(req: Requirement) -> list[str]:
    return list(req.prefixes or ()) + list(req.literals or ())


def _variants(s: str) -> list[str]:
    """``s`` in the spellings case-insensitive matching treats alike."""
    swap = {"s": "ſ", "k": "\u212a", "i": "İ", "ß": "ẞ", "σ": "ς"}
    return [s, s.upper(), s.title(), "".join(swap.get(c, c) for c in s), s.swapcase()]


@st.composite
def _block(draw: st.DrawFn, pattern_literals: list[str]) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.text(ALPHABET, max_size=12),
                st.sampled_from(pattern_literals or ["x"]).flatmap(lambda s: st.sampled_from(_variants(s))),
            ),
            max_size=6,
        )
    )
    return " ".join(parts)


def _skip_implies_no_match(rule: object, data: st.DataObject) -> None:
    from pipeline.boilerplate.rules_model import Rule

    assert isinstance(rule, Rule)
    req = requirement(rule.pattern, rule.case_sensitive)
    text = data.draw(_block(_literals(req)))
    for t in (text, normalise(text)[0]):
        if not req.admits(canon(t)):
            assert rule.regex.search(t) is None, (rule.id, t)


_CHUNK = 300
"""Rules per test function of the property below. Hypothesis (6.170, with ``derandomize`` as in its CI
profile) wraps a test's settings once more on every parametrized run and looks the database up through
the whole chain: one function over all ~1,000 rules passed the recursion limit in CI."""


def _skip_test(rules: list[Any]) -> Any:
    """The property over ``rules``, one parametrized test function of its own."""

    @pytest.mark.parametrize("rule", rules, ids=[r.id for r in rules])
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test(rule: object, data: st.DataObject) -> None:
        """A block whose canonical text the rule's requirement does not admit is never matched by it."""
        _skip_implies_no_match(rule, data)

    return test


for _k in range(0, len(RULES), _CHUNK):
    globals()[f"test_skip_implies_no_match_{_k // _CHUNK}"] = _skip_test(RULES[_k : _k + _CHUNK])


ALL_LITERALS = sorted({lit for r in RULES for lit in _literals(requirement(r.pattern, r.case_sensitive))})
DISPATCH = Dispatch([requirement(r.pattern, r.case_sensitive) for r in RULES])


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_dispatch_skips_only_rules_that_cannot_match(data: st.DataObject) -> None:
    """All rules at once (two scans of the block): a rule left out never matches the block."""
    text = data.draw(_block(ALL_LITERALS))
    for t in (text, normalise(text)[0]):
        bits = DISPATCH.candidates(canon(t))
        for i, rule in enumerate(RULES):
            if not bits >> i & 1:
                assert rule.regex.search(t) is None, (rule.id, t)
            assert bool(bits >> i & 1) == requirement(rule.pattern, rule.case_sensitive).admits(canon(t))


def test_every_builtin_match_in_the_examples_is_admitted() -> None:
    """Strings built from each rule's own literals: whenever the regex matches, the prefilter admits."""
    for rule in RULES:
        req = requirement(rule.pattern, rule.case_sensitive)
        for lit in _literals(req):
            for v in _variants(lit):
                for t in (v, f"{v} x", f"x {v}", f"{v}: Jane Doe 2024", f"{v}$", v.strip()):
                    if rule.regex.search(t) is not None:
                        assert req.admits(canon(t)), (rule.id, t)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(), max_size=40), st.text(ALPHABET, max_size=40))
@example("ΑΣ ΣΑ Σ", "")
@example("İstanbul ſun \u212aelvin", "")
def test_canon_is_per_character(a: str, b: str) -> None:
    for s in (a, b, a + b):
        assert canon(s) == "".join(canon_char(c) for c in s)


def test_canon_char_is_the_engines_case_equivalence() -> None:
    """Two characters IGNORECASE matching treats as equal have the same canon_char (over all of Unicode)."""
    probes = sorted(set("abcdefghijklmnopqrstuvwxyzßµıſσς0123456789éàüöäçñøåæœ'-:./|@#€$") | set(TRICKY))
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for p in probes:
        for hit in re.findall(re.escape(p), everything, re.IGNORECASE):
            assert canon_char(hit) == canon_char(p), (p, hit)


def test_canon_matches_canon_char_for_every_character() -> None:
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    assert canon("".join(chars)) == "".join(canon_char(c) for c in chars)
    assert [canon(c) for c in chars[:0x3000]] == [canon_char(c) for c in chars[:0x3000]]


@pytest.mark.parametrize(
    ("pattern", "case_sensitive", "hits", "misses"),
    [
        ("^share this$", False, ["SHARE THIS", "ſhare this"], ["share"]),
        (r"\bkelvin\b", False, ["\u212aelvin", "KELVIN"], ["elvin"]),
        ("straße", False, ["STRAẞE", "Straße"], ["strasse"]),
        ("istanbul", False, ["İstanbul", "ıstanbul", "ISTANBUL"], ["stanbul"]),
        ("^(?i:by) (?P<a>[A-Z]\\w+)$", True, ["BY Jane", "by Jane"], ["Jane"]),
        ("Getty Images", True, ["Getty Images"], ["Getty"]),
        ("(?-i:AFP)|reuters", False, ["AFP", "REUTERS"], ["Agence"]),
        ("x(a|b)?y+z", False, ["xyz", "xayz", "XBYYZ"], ["yz"]),
        (r"(a)\1", False, ["aA"], ["a"]),
        (r"[^a]b", False, ["xb", "XB"], ["b"]),
    ],
)
def test_examples(pattern: str, case_sensitive: bool, hits: list[str], misses: list[str]) -> None:
    rx = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    req = requirement(pattern, case_sensitive)
    for t in hits:
        assert rx.search(t) is not None
        assert req.admits(canon(t)), t
    for t in misses:
        assert rx.search(t) is None


@pytest.mark.parametrize(
    "pattern",
    [r"^\w+$", r"^(?:x|)", r"a*", r"(?(1)a|b)", r"[^a]c?", ".{3}", r"[a-z]{2}"],
)
def test_no_requirement_when_nothing_is_certain(pattern: str) -> None:
    req = requirement(pattern, False)
    assert all(not lit for lit in _literals(req))
    assert req.admits(canon("")) or re.search(pattern, "") is None


def _detect_all(pack: RulePack, texts: list[str], url: str) -> list[tuple[object, ...]]:
    from pipeline.boilerplate import detect
    from pipeline.config import BoilerplateConfig, RepairConfig
    from pipeline.document import Document
    from pipeline.repair import repair
    from pipeline.segment import segment

    out = []
    for text in texts:
        doc = segment(repair(Document(id="t", source="t", text=text, format="text", url=url), RepairConfig()))
        out.append(detect(doc, BoilerplateConfig(), pack).removed)
    return out


USER_PACK = {
    "rule": [
        {"id": "other/xx/odd-flags", "category": "other", "pattern": "(?i)^ſpecial (\\w+) \\1$"},
        {"id": "other/xx/sensitive", "category": "other", "pattern": "KELVIN", "case_sensitive": True},
        {"id": "other/xx/class-only", "category": "other", "pattern": "^[A-Z]{3}$", "max_words": 1},
    ],
    "disable": ["share_widget/en/share-this"],
    "site": {
        "example.com": {
            "disable": ["comment_form/en/leave-a-reply"],
            "rule": [{"id": "other/xx/site-promo", "category": "other", "pattern": "^promo code\\b"}],
        }
    },
}


def test_user_and_site_rules_decide_the_same_with_and_without_the_prefilter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pipeline.boilerplate.plan as plan

    texts = [
        "Headline Here\n\nSPECIAL word word\n\nThe minister said on Monday that the talks would go on, "
        "officials said.\n\nKELVIN\n\nIBM\n\nPromo code SAVE10\n\nShare this article\n\nLeave a reply",
        "Promo Code now\n\nThe council agreed on a budget that the parliament will vote on next week.\n\n"
        "Leave a reply\n\nſpecial x x",
    ]
    user = RulePack.from_mapping(USER_PACK, "user.toml")
    urls = ["https://www.example.com/a", "https://example.org/b", ""]
    fast = [_detect_all(load_rules().merged(user), texts, u) for u in urls]
    monkeypatch.setattr(plan, "requirement", lambda pattern, case_sensitive: Requirement(None, None))
    monkeypatch.setattr(plan, "_shipped_requirements", lambda: {})
    slow = [_detect_all(load_rules().merged(user), texts, u) for u in urls]
    assert fast == slow
    assert fast[0] != fast[1]  # the site's own rules and disables made a difference


def test_the_shipped_requirement_table_is_current() -> None:
    """The table the shipped rules' requirements are read from is what they derive to now (after
    editing a rule pack or prefilter.py: ``make rules-table``)."""
    import json
    from pathlib import Path

    import pipeline.boilerplate.plan as plan

    path = Path(plan.__file__).parent / "rules" / "requirements.json"
    shipped = json.loads(path.read_text(encoding="utf-8"))
    now = plan.requirement_table(RULES)
    assert shipped["requirements"] == now["requirements"], "stale: run `make rules-table`"
    assert shipped["derived_with"]["prefilter"] == now["derived_with"]["prefilter"], "run `make rules-table`"
    if shipped["derived_with"] != now["derived_with"]:
        pytest.skip(f"the table was derived on {shipped['derived_with']}, this is {now['derived_with']}")
    table = plan._shipped_requirements()
    assert len(table) == len({(r.pattern, r.case_sensitive) for r in RULES})
    assert all(table[key] == requirement(*key) for key in ((r.pattern, r.case_sensitive) for r in RULES))


def test_a_table_derived_elsewhere_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another Python, Unicode version or prefilter code may derive other requirements: then the
    table is ignored and every requirement derived at run time."""
    import pipeline.boilerplate.plan as plan

    if not plan._shipped_requirements():
        pytest.skip("the shipped table was derived on another Python or Unicode version")
    plan._shipped_requirements.cache_clear()
    try:
        monkeypatch.setattr(plan, "_deriver", lambda: {"python": "3.99", "unicode": "0", "prefilter": "x"})
        assert plan._shipped_requirements() == {}
        derived = plan._index(RULES).dispatch
        text = canon("Share this article")
        plan._shipped_requirements.cache_clear()
        monkeypatch.undo()
        assert plan._shipped_requirements()
        assert plan._index(RULES).dispatch.candidates(text) == derived.candidates(text) != 0
    finally:
        plan._shipped_requirements.cache_clear()


def test_shipped_patterns_compile_and_only_those_used_are_compiled() -> None:
    """The shipped packs' patterns are compiled on first use (a run needs a fraction of them); each
    one compiles."""
    from pipeline.boilerplate import detect
    from pipeline.config import BoilerplateConfig
    from pipeline.document import Document
    from pipeline.segment import segment

    pack = load_rules()
    assert not any("_compiled" in vars(r) for r in pack.rules)  # nothing compiled by loading
    text = "Title\n\nShare this article\n\nBody."
    doc = segment(Document(id="a", source="a.txt", format="text", text=text))
    detect(doc, BoilerplateConfig(), pack)
    used = sum("_compiled" in vars(r) for r in pack.rules)
    assert 0 < used < len(pack.rules) // 4
    for r in pack.rules:
        assert isinstance(r.regex, re.Pattern), r.id
