"""Site templates: recurring lines of one site go everywhere; the same line on other sites stays."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import templates
from pipeline.config import BoilerplateConfig
from pipeline.document import Block, Category, Document
from pipeline.segment import segment
from pipeline.templates import decide, line_keys, spans


class MemoryStore:
    def __init__(self) -> None:
        self.docs: Counter[str] = Counter()
        self.lines: dict[str, Counter[int]] = {}

    def group_docs(self, group: str) -> int:
        return self.docs[group]

    def frequent_lines(self, group: str, at_least: float) -> set[int]:
        return {k for k, n in self.lines.get(group, Counter()).items() if n >= at_least}

    def add_template_counts(self, group: str, line_hashes: Iterable[int], delta: int = 1) -> None:
        self.docs[group] += delta
        self.lines.setdefault(group, Counter()).update(dict.fromkeys(set(line_hashes), delta))


def page(i: int, group: str) -> Document:
    text = (
        f"Example Times - Home - World - Sport\nStory number {i} says something new today.\n© Example Times"
    )
    return segment(Document(id=f"{group}{i}", source="x", format="text", text=text, group=group))


def test_recurring_lines_of_one_site_are_templates_in_every_page_including_the_first() -> None:
    docs = [page(i, "example.com") for i in range(4)]
    keys = decide(((d.group, line_keys(d)) for d in docs), MemoryStore(), BoilerplateConfig())
    found = spans(docs[0], keys["example.com"])
    assert [docs[0].text[s.start : s.end] for s in found] == [
        "Example Times - Home - World - Sport",
        "© Example Times",
    ]
    assert all(s.category is Category.SITE_TEMPLATE for s in found)


def test_same_line_across_different_sites_is_not_a_template() -> None:
    docs = [page(i, f"site{i}.com") for i in range(4)]
    assert decide(((d.group, line_keys(d)) for d in docs), MemoryStore(), BoilerplateConfig()) == {}


def test_counts_from_earlier_runs_make_a_small_batch_benefit() -> None:
    store = MemoryStore()
    cfg = BoilerplateConfig()
    earlier = [page(i, "example.com") for i in range(3)]
    decide(((d.group, line_keys(d)) for d in earlier), store, cfg)
    tonight = [page(9, "example.com")]
    keys = decide(((d.group, line_keys(d)) for d in tonight), store, cfg)
    assert len(spans(tonight[0], keys["example.com"])) == 2


_WS_REFERENCE = re.compile(r"\s+")


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from([" ", "\t", "\r", "\x1f", "\x85", "\u00a0", "\u2028", "\u3000", "a", "É", "ß", "x"]),
        max_size=20,
    ).map("".join)
)
def test_line_key_normalises_white_space_like_the_regex(line: str) -> None:
    norm = _WS_REFERENCE.sub(" ", line).strip().casefold()
    assert (
        templates.line_key(line)
        == hashlib.blake2b(norm.encode("utf-8"), digest_size=templates.KEY_BYTES).digest()
    )


def test_kept_blocks_without_removals_are_all_blocks() -> None:
    doc = Document(
        id="a", source="a", format="text", text="x\ny", blocks=(Block(0, 1, 0, 0), Block(2, 3, 1, 0))
    )
    assert doc.kept_blocks() == list(doc.blocks)
    assert doc.kept_blocks(frozenset({Category.TITLE})) == list(doc.blocks)


def test_counting_in_any_order_and_in_parts_decides_as_one_call() -> None:
    docs = [page(i, "example.com") for i in range(5)] + [page(i, "other.org") for i in range(3)]
    pairs = [(d.group, line_keys(d)) for d in docs]
    whole = decide(pairs, MemoryStore(), BoilerplateConfig())
    store = MemoryStore()
    groups = templates.count(reversed(pairs[4:]), store) | templates.count(pairs[:4], store)
    assert groups == {"example.com", "other.org"}
    assert templates.decide_groups(groups, store, BoilerplateConfig()) == whole
    assert set(whole) == {"example.com", "other.org"}


def test_a_document_spilled_without_its_blocks_gets_the_same_template_spans() -> None:
    doc = segment(page(3, "example.com"))
    keys = set(templates._split(line_keys(doc)))
    found = spans(doc, keys)
    assert found and spans(doc.replace(blocks=(), sentences=()), keys) == found
    assert spans(doc.replace(text="", blocks=()), keys) == ()
