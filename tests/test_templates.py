"""Site templates: recurring lines of one site go everywhere; the same line on other sites stays."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pipeline.config import BoilerplateConfig
from pipeline.document import Category, Document
from pipeline.segment import segment
from pipeline.templates import decide, line_keys, spans


class MemoryStore:
    def __init__(self) -> None:
        self.docs: Counter[str] = Counter()
        self.lines: dict[str, Counter[int]] = {}

    def group_docs(self, group: str) -> int:
        return self.docs[group]

    def line_counts(self, group: str) -> dict[int, int]:
        return dict(self.lines.get(group, Counter()))

    def add_template_counts(self, group: str, line_hashes: Iterable[int]) -> None:
        self.docs[group] += 1
        self.lines.setdefault(group, Counter()).update(set(line_hashes))


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
