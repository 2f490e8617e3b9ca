"""The five seeds through repair + segment + boilerplate: every keep/drop/title/author expectation.

Items with category ``repair`` (repair's job) and ``duplicate_of`` items (dedup's job) are left
to those stages' tests; everything else in ``seeds.expect.json`` is checked here, including that
each dropped passage is removed *with the expected category*.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from pipeline.boilerplate import detect, load_rules
from pipeline.config import BoilerplateConfig, RepairConfig
from pipeline.document import Category, Document
from pipeline.repair import repair
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECT = json.loads((Path(__file__).parent / "data" / "seeds.expect.json").read_text(encoding="utf-8"))
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
PACK = load_rules()


def fold(text: str) -> str:
    """NFC, curly quotes to straight, white space runs (no-break spaces included) to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def _clean(doc_id: str) -> tuple[Document, str, dict[Category, list[str]]]:
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    doc = Document(id=doc_id, source=f"seeds/{doc_id}.txt", format="text", text=text)
    doc = detect(segment(repair(doc, RepairConfig())), BoilerplateConfig(), PACK)
    kept: list[str] = []
    last = 0
    by_cat: dict[Category, list[str]] = {}
    for span in sorted(doc.removed):
        kept.append(doc.text[last : span.start])
        last = max(last, span.end)
        by_cat.setdefault(span.category, []).append(fold(doc.text[span.start : span.end]))
    kept.append(doc.text[last:])
    return doc, fold("\n".join(kept)), by_cat


IDS = sorted(EXPECT["documents"])


@pytest.mark.parametrize("doc_id", IDS)
def test_seed_expectations(doc_id: str) -> None:
    exp: dict[str, Any] = EXPECT["documents"][doc_id]
    doc, kept, by_cat = _clean(doc_id)
    problems: list[str] = []
    for text in exp["keep"]:
        if fold(text) not in kept:
            problems.append(f"keep missing: {text!r}")
    for item in exp["drop"]:
        if item["category"] == "repair":
            continue
        t = fold(item["text"])
        if t in kept:
            problems.append(f"drop kept: {item['text']!r}")
        elif not any(t in s for s in by_cat.get(Category(item["category"]), [])):
            problems.append(f"wrong category for {item['text']!r} (want {item['category']})")
    for text in exp.get("not_duplicate", []):
        if fold(text) not in kept:
            problems.append(f"not_duplicate sentence removed: {text!r}")
    if doc.title != exp.get("title"):
        problems.append(f"title {doc.title!r} != {exp.get('title')!r}")
    if "author" in exp and doc.author != exp["author"]:
        problems.append(f"author {doc.author!r} != {exp['author']!r}")
    assert problems == []


def test_every_removal_has_category_and_rule() -> None:
    for doc_id in IDS:
        doc, _, _ = _clean(doc_id)
        assert doc.removed
        for span in doc.removed:
            assert span.rule.split("/")[0] == span.category.value
