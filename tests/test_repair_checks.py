"""The whole-text pre-checks of pipeline.repair give the answers of the single regexes they replace."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline import repair
from pipeline.config import RepairConfig
from pipeline.document import Document

# The reference checks: one search each, as the pre-checks were first written.
ODD_REFERENCE = re.compile(rf"[{repair._SPACES}{repair._INVISIBLE}]|[^\S\n](?:\n|\Z)")
DOUBLE_REFERENCE = re.compile(r"\.[ \t]+\.|([,;])[ \t]*\1")

# Texts made of the characters the checks look at, so that both answers come up often.
PIECES = [
    " ",
    "\t",
    "\n",
    "\r",
    ".",
    ",",
    ";",
    ":",
    "a",
    "B",
    "é",
    "(",
    "\u00a0",
    "\u200b",
    "\u3000",
    "\u2028",
]
PIECES += ["Photo", "Credit", "Credits", "Image", "Bild", "Getty Images", "Getty Imagesx", "Photo credit"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400)
@given(texts)
@example("a \nb")
@example("a\u2028")
@example("x\u00a0")
def test_odd_space_check_is_the_reference_search(text: str) -> None:
    assert repair._may_have_odd_spaces(text) == (ODD_REFERENCE.search(text) is not None)


@settings(max_examples=400)
@given(texts)
@example("a, ,b")
@example("a.\t.")
@example(",;")
def test_doubled_punctuation_check_is_the_reference_search(text: str) -> None:
    assert repair._may_have_doubled_punctuation(text) == (DOUBLE_REFERENCE.search(text) is not None)


@settings(max_examples=400)
@given(texts)
@example("(Photo: x")
@example("Getty Images")
@example("Getty Imagesx")
def test_credit_check_is_the_credit_search(text: str) -> None:
    assert repair._may_have_glued_credit(text) == (repair._CREDIT.search(text) is not None)


def test_an_unrepaired_document_is_passed_on_as_it_is() -> None:
    doc = Document(id="a", source="a", format="text", text="Nothing to repair here.\nNone.")
    assert repair.repair(doc, RepairConfig()) is doc
    fixed = repair.repair(Document(id="b", source="b", format="text", text="a\u00a0b"), RepairConfig())
    assert fixed.text == "a b" and len(fixed.repairs) == 1
