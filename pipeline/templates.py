"""Site templates: lines that recur across many pages of one site are boilerplate everywhere.

The map side hashes each kept line of a document (:func:`line_keys`, 8 bytes a
line). The reduce side (:func:`decide`) counts, per *group* (the URL host, or
the input folder when there is no URL), in how many documents each line
occurs, adds the counts remembered by the state store from earlier runs, and
declares a line a template when it occurs in at least
``template_min_docs`` documents and in at least ``template_min_share`` of the
group's documents. :func:`spans` then marks those lines in every document of
the group, the first one included, as ``site_template``.

A passage repeated by *different* sites never counts here: groups are per site.
That is syndication, and dedup's job. Nor does a page repeated on one site (crawled
twice, or under two URLs): documents dedup rejects as whole-document duplicates are
taken back out of the counts (:func:`discount`) before the decision.

>>> line_key("  Share   this article ") == line_key("share this ARTICLE")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Protocol

from pipeline.config import BoilerplateConfig
from pipeline.document import Category, Document, Span
from pipeline.segment import split_blocks

RULE = "site_template/recurring-line"
KEY_BYTES = 8
MAX_LINES = 400
"""Only the first lines of a very long document are counted (templates sit at the edges anyway)."""


class LineCountStore(Protocol):
    """What :func:`decide` needs of the state store (:class:`pipeline.state.State`)."""

    def group_docs(self, group: str) -> int: ...

    def frequent_lines(self, group: str, at_least: float) -> set[int]: ...

    def add_template_counts(self, group: str, line_hashes: Iterable[int], delta: int = 1) -> None: ...


def line_key(line: str) -> bytes:
    """A stable 8-byte key of a line, insensitive to case and white space.

    White space is normalised with ``str.split`` (runs become one space, ends are dropped):
    the same characters as ``re``'s ``\\s`` (both use Unicode's white space), without a regex.

    >>> line_key(" a\\u3000 b\\t") == line_key("A B") != line_key("AB")
    True
    """
    norm = " ".join(line.split()).casefold()
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=KEY_BYTES).digest()


def _kept_blocks(doc: Document) -> Iterable[tuple[int, int]]:
    if not doc.blocks and doc.text:
        # a cleaned document travels to the write phase without its blocks (they are the lines of
        # its text, and unpickling them cost more than splitting the few documents that need them)
        doc = doc.replace(blocks=tuple(split_blocks(doc.text)))
    return ((b.start, b.end) for b in doc.kept_blocks()[:MAX_LINES])


def line_keys(doc: Document) -> bytes:
    """The distinct keys of the document's kept lines, concatenated (compact to ship and hold)."""
    seen: dict[bytes, None] = {}
    for start, end in _kept_blocks(doc):
        seen.setdefault(line_key(doc.text[start:end]), None)
    return b"".join(seen)


def _split(keys: bytes) -> Iterable[int]:
    return (int.from_bytes(keys[i : i + KEY_BYTES], "big") for i in range(0, len(keys), KEY_BYTES))


def count(docs: Iterable[tuple[str, bytes | None]], store: LineCountStore) -> set[str]:
    """Add each document's line keys to the counts in ``store``; return the groups seen.

    Counts are sums, so documents may come in any order and in several calls (e.g. shard
    by shard as workers finish them); :func:`decide_groups` then decides.
    """
    groups: set[str] = set()
    for group, keys in docs:
        groups.add(group)
        if keys is not None:  # None: counted by an earlier run (the same input again)
            store.add_template_counts(group, _split(keys))
    return groups


def discount(docs: Iterable[tuple[str, bytes]], store: LineCountStore) -> None:
    """Take documents :func:`count` counted back out of ``store`` (whole-document duplicates:
    a page repeated, or crawled again, is one page, not evidence of a site template)."""
    for group, keys in docs:
        store.add_template_counts(group, _split(keys), -1)


def decide_groups(
    groups: Iterable[str], store: LineCountStore, cfg: BoilerplateConfig
) -> dict[str, set[int]]:
    """The template line keys of each of ``groups``, from the counts in ``store``."""
    out: dict[str, set[int]] = {}
    for group in sorted(groups):
        need = max(cfg.template_min_docs, cfg.template_min_share * store.group_docs(group))
        found = store.frequent_lines(group, need)
        if found:
            out[group] = found
    return out


def decide(
    docs: Iterable[tuple[str, bytes]], store: LineCountStore, cfg: BoilerplateConfig
) -> dict[str, set[int]]:
    """The template line keys of each group, from this run's documents plus the stored counts.

    Adds this run's counts to ``store`` (committed with the rest of the state). Counting
    happens in the store, not in memory: memory holds the groups seen and, one group at a
    time, that group's counts, never the distinct lines of the whole run. A key in the
    result may come from an earlier run only; :func:`spans` marks just the lines a
    document has. (:func:`count` then :func:`decide_groups`.)
    """
    return decide_groups(count(docs, store), store, cfg)


def spans(doc: Document, keys: set[int]) -> tuple[Span, ...]:
    """``site_template`` spans for the kept lines of ``doc`` whose key is in ``keys``."""
    return tuple(
        Span(start, end, Category.SITE_TEMPLATE, RULE)
        for start, end in _kept_blocks(doc)
        if int.from_bytes(line_key(doc.text[start:end]), "big") in keys
    )
