"""Tests for pipeline.repair: golden cases, negative cases, seeds, and hypothesis properties."""

from __future__ import annotations

import doctest
import json
import random
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.repair
from pipeline.config import RepairConfig
from pipeline.document import Document
from pipeline.repair import FTFY_CONFIG, ftfy_would_act, may_need_ftfy, repair, repair_text

DATA = json.loads((Path(__file__).parent / "data" / "repair" / "cases.json").read_text("utf-8"))
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_doctests() -> None:
    result = doctest.testmod(pipeline.repair)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_golden(case: dict[str, object]) -> None:
    text, repairs = repair_text(str(case["input"]))
    assert text == case["expected"]
    assert [r.fix for r in repairs] == case["fixes"]
    for r in repairs:
        assert text[r.start : r.end] == r.after
    # Repaired text is stable.
    assert repair_text(text) == (text, [])


@pytest.mark.parametrize("case", DATA["negative"], ids=[c["name"] for c in DATA["negative"]])
def test_negative_unchanged(case: dict[str, object]) -> None:
    assert repair_text(str(case["input"])) == (case["input"], [])


def test_config_switches() -> None:
    text = "IsraelÃ¢â‚¬â„¢s from. ."
    only_local, reps = repair_text(text, RepairConfig(ftfy=False))
    assert only_local == "IsraelÃ¢â‚¬â„¢s from." and [r.fix for r in reps] == ["doubled_punctuation"]
    only_ftfy, reps = repair_text(text, RepairConfig(local=False))
    assert only_ftfy == "Israel’s from. ." and [r.fix for r in reps] == ["mojibake"]
    assert repair_text(text, RepairConfig(ftfy=False, local=False)) == (text, [])


def test_later_pass_inside_earlier_record_keeps_offsets() -> None:
    # ftfy turns "&nbsp;" into U+00A0, then odd_space turns that into " ".
    text, reps = repair_text("a&nbsp;b")
    assert text == "a b"
    assert {r.fix for r in reps} == {"html_entity", "odd_space"}
    for r in reps:
        assert text[r.start : r.end] == r.after


def test_fast_path() -> None:
    assert not may_need_ftfy("Plain ASCII text, with “curly quotes” — and dashes.")
    assert may_need_ftfy("a &amp; b")
    assert may_need_ftfy("caf\u00e9")
    assert may_need_ftfy("bell\u0007")


def _mojibake_pool() -> list[str]:
    """ASCII, the characters of every ftfy mojibake category (ranges expanded) and a few more."""
    pool = set("abcxyzAZ .,?!-'\"0123\t&;")
    for chars in MOJIBAKE_CATEGORIES.values():
        i = 0
        while i < len(chars):
            if i + 2 < len(chars) and chars[i + 1] == "-":
                pool.update(chr(c) for c in range(ord(chars[i]), ord(chars[i + 2]) + 1))
                i += 3
            else:
                pool.add(chars[i])
                i += 1
    pool.update("ÂÃÎÐØÙàáéèüößœŒ€™“”„‚…–—°·»«√≈βāВГРСвЂΒΓΞΟ\u0301\u00a0\u00ad")
    return sorted(pool)


def test_ftfy_would_act_is_sound() -> None:
    """Wherever the quick check lets ftfy skip a line that has a trigger character, ftfy would
    have left it alone: short random strings from every mojibake category, where ftfy's
    heuristic is most likely to fire."""
    pool = _mojibake_pool()
    rng = random.Random(7)
    skipped = 0
    for _ in range(40_000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 6)))
        if may_need_ftfy(s) and not ftfy_would_act(s):
            skipped += 1
            assert ftfy.fix_and_explain(s, config=FTFY_CONFIG).text == s, s
    assert skipped > 1_000  # the check did skip many lines


def test_ftfy_would_act_on_typical_lines() -> None:
    assert not ftfy_would_act("Die Maßnahme überraschte die Ökonomen.")
    assert ftfy_would_act("Die Größe")  # two non-ASCII letters meet: ftfy decides
    assert not ftfy_would_act("L'été à Paris, señor.")
    assert ftfy_would_act("IsraelÃ¢â‚¬â„¢s")
    assert ftfy_would_act("voilÃ le travail")
    assert ftfy_would_act("a &amp; b")
    assert ftfy_would_act("Cafe\u0301 cr\u00e8me")  # NFC composes it
    assert repair_text("fÃ¼r die Größe")[0] == "für die Größe"


def test_repair_document() -> None:
    doc = Document(id="a", source="a", format="text", text="from. .\nok")
    out = repair(doc, RepairConfig())
    assert out.text == "from.\nok"
    assert len(out.repairs) == 1
    assert out.id == "a"


EXPECT = {
    "000_584aeddb6693844b": ["recover from."],
    "001_b0bd6dbd8196f91e": [
        "\nSend in e-mail\n",
        "Orbiter 1K.\nCredit: The Azerbaijani Defense Ministry",
        "00:41\nCredit: The Azerbaijani Defense Ministry",
        "2020.\nCredit: AFP",
    ],
    "004_b27ffb41349a8d0b": ["between Baku and Israel have"],
}
GONE = {
    "000_584aeddb6693844b": ["from. .", "\u00a0"],
    "001_b0bd6dbd8196f91e": ["e-mailSend", "1K.Credit", "41Credit", "2020.Credit"],
    "004_b27ffb41349a8d0b": ["\u00a0"],
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
@pytest.mark.parametrize("name", sorted(set(EXPECT) | set(GONE) | {"002_6b0c022c36250b00"}))
def test_seeds(name: str) -> None:
    original = (SEEDS / f"{name}.txt").read_text("utf-8")
    text, reps = repair_text(original)
    for needle in EXPECT.get(name, []):
        assert needle in text
    for needle in GONE.get(name, []):
        assert needle not in text
    if name == "002_6b0c022c36250b00":
        assert (text, reps) == (original, [])
    for r in reps:
        assert text[r.start : r.end] == r.after
    assert repair_text(text) == (text, [])


PIECES = [
    "a", "B", "Send", "e-mail", " ", "  ", "\n", "\t", ".", ". .", ",", ",,", ", ,", ";", "...", "…", "?!",
    "Credit:", "Photo:", "(Photo: ", "Getty Images", "|", "| x |", "|---|", "\u00a0", "\u202f", "\u200b",
    "\u00ad", "\ufeff", "&amp;", "&nbsp;", "&", "Ã©", "â€™", "é", "e\u0301", "\u0007", "’", "“", "1", "00:41",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=400)
@given(TEXT)
def test_idempotent(text: str) -> None:
    once, _ = repair_text(text)
    assert repair_text(once) == (once, [])


@settings(max_examples=400)
@given(TEXT)
def test_records_locate_after(text: str) -> None:
    out, reps = repair_text(text)
    for r in reps:
        assert out[r.start : r.end] == r.after
        assert r.before != r.after or r.fix == "odd_space"
    assert reps == sorted(reps, key=lambda r: (r.start, r.end))
    if not reps:
        assert out == text


@given(st.text(max_size=60))
def test_any_text_consistent(text: str) -> None:
    out, reps = repair_text(text)
    for r in reps:
        assert out[r.start : r.end] == r.after
    assert out.count("\n") >= text.count("\n")  # no pass ever removes a line break


@pytest.mark.parametrize("inner", ["\u00a0", " ", "\t \u00a0", "\u200b"])
def test_a_long_inner_run_of_spaces_is_repaired_in_one_pass(inner: str) -> None:
    # a line with 100,000 odd spaces inside it: the trailing-space pattern was searched again from
    # every one of them (quadratic, minutes; the no-break spaces of a fuzzed page stalled a run)
    n = 100_000
    line = "a" + inner * (n // len(inner)) + "\u00a0b  "
    out = pipeline.repair._find_odd_spaces(line)
    assert out[-1] == (len(line) - 2, len(line), "", "odd_space")
    assert out[0] == (1, len(line) - 3, " ", "odd_space")  # the inner run and the no-break space
    assert pipeline.repair._trailing_start(line) == len(line) - 2


def _map_by_scan(pos: int, edits: list[tuple[int, int, str, str]], right: bool) -> int:
    """The mapping as a scan of every edit (how ``_apply`` mapped positions before ``_Mapper``)."""
    delta = 0
    for start, end, replacement, _ in edits:
        if pos <= start:
            break
        if pos < end:
            return start + delta + (len(replacement) if right else 0)
        delta += len(replacement) - (end - start)
    return pos + delta


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.text("xy", max_size=3)), max_size=12),
    st.integers(0, 60),
)
def test_mapper_finds_what_a_scan_of_every_edit_finds(gaps: list[tuple[int, int, str]], pos: int) -> None:
    edits, at = [], 0
    for gap, width, replacement in gaps:  # sorted and non-overlapping, as the repair passes give them
        edits.append((at + gap, at + gap + width, replacement, "f"))
        at += gap + width
    mapper = pipeline.repair._Mapper(edits)
    for right in (False, True):
        assert mapper.map(pos, right) == _map_by_scan(pos, edits, right)
