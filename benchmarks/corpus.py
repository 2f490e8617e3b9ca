"""Build benchmark corpora from the shared evaluation data.

Plain text comes from three real news collections:

- ``bbc``: BBC News 2004-05 (``bbc-news/bbc.tar.gz``, 2,225 articles, English),
- ``reuters``: Reuters-21578 ``<BODY>`` texts (``reuters-21578/reut2-*.sgm.gz``,
  19,043 bodies, English, parsed leniently with regexes, entities unescaped),
- ``gnad``: 10kGNAD test split (``10kgnad-test/test.csv.gz``, 1,028 articles, German).

Documents are interleaved *proportionally* to each source's size (smooth
weighted round robin), so every prefix of the corpus has the same mix and the
same mean document size (about 1.1 kB). Once all 22,296 real documents are
used, the cycle starts again with **synthetic variants**: the paragraphs of a
real document rotated by ``k`` and recombined with paragraphs of another
document of the same source. Variants are near-copies by construction (every
sentence was seen before), so they exercise dedup, and the index file labels
them (``"synthetic": true``).

HTML comes from the trafilatura evaluation set (``trafilatura-eval/html.tar.gz``),
read member by member with :mod:`tarfile` and written byte for byte as
``.html`` files (spread evenly over the sorted member list when fewer pages
than available are asked for; beyond that, repeated and labelled).

Layout written by :func:`build_text_corpus` (folder format)::

    OUT/0000/0000000.txt ... OUT/0019/0019999.txt   (1,000 files per folder)
    OUT.index.jsonl                                  (one line per document)

The index sits *next to* the corpus, never inside it, so that a pipeline run
over ``OUT`` does not read it as input. In JSONL format, ``OUT`` is one file
with ``{"id", "text"}`` per line and the index is ``OUT.index.jsonl`` too.

>>> _rotate_paragraphs(["a", "b", "c"], 1)
['b', 'c', 'a']
>>> _interleave({"x": 2, "y": 4}, 6)
[('y', 0), ('x', 0), ('y', 1), ('y', 2), ('x', 1), ('y', 3)]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
"""The repository's ``../shared/data``."""

TextFormat = Literal["folder", "jsonl"]

_REUTERS_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """A real document from one of the sources."""

    source: str
    """``bbc``, ``reuters`` or ``gnad``."""
    origin: str
    """Where it comes from inside the source (member path, NEWID, CSV row)."""
    text: str


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    """One document of a built corpus, with its provenance."""

    index: int
    source: str
    origin: str
    synthetic: bool
    variant: int
    """0 for real documents, ``k >= 1`` for the k-th synthetic cycle."""
    text: str

    @property
    def id(self) -> str:
        """The stable document id (also the file stem in folder format)."""
        return f"{self.index:07d}"


def _decode(data: bytes) -> str:
    """UTF-8, falling back to cp1252 (one BBC file holds a bare Latin-1 pound sign)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_bbc(data_dir: Path) -> list[SourceDoc]:
    """BBC articles in member-name order (headline, blank line, paragraphs)."""
    docs: list[SourceDoc] = []
    with tarfile.open(data_dir / "bbc-news" / "bbc.tar.gz") as tf:
        members = sorted(
            (m for m in tf.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name
        )
        for member in members:
            fh = tf.extractfile(member)
            if fh is None:
                continue
            text = _decode(fh.read()).strip()
            if text:
                docs.append(SourceDoc("bbc", member.name.removeprefix("./"), text))
    return docs


def _reuters_text(block: str) -> str | None:
    body = _BODY.search(block)
    if body is None:
        return None
    text = _CONTROL.sub("", html.unescape(body.group(1))).strip()
    title = _TITLE.search(block)
    if title is not None:
        headline = _CONTROL.sub("", html.unescape(title.group(1))).strip()
        if headline:
            text = f"{headline}\n\n{text}"
    return text or None


def load_reuters(data_dir: Path) -> list[SourceDoc]:
    """Reuters-21578 documents that have a ``<BODY>`` (title as first line), in NEWID order."""
    docs: list[SourceDoc] = []
    for path in sorted((data_dir / "reuters-21578").glob("reut2-*.sgm.gz")):
        with gzip.open(path) as fh:
            sgml = fh.read().decode("latin-1")
        for match in _REUTERS_DOC.finditer(sgml):
            newid = _NEWID.search(match.group(1))
            text = _reuters_text(match.group(2))
            if text is not None:
                docs.append(SourceDoc("reuters", f"NEWID={newid.group(1) if newid else '?'}", text))
    return docs


def load_gnad(data_dir: Path) -> list[SourceDoc]:
    """10kGNAD test articles (``label;'text'`` CSV), in row order."""
    docs: list[SourceDoc] = []
    with gzip.open(data_dir / "10kgnad-test" / "test.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if len(row) >= 2 and row[1].strip():
                docs.append(SourceDoc("gnad", f"row={row_no}", row[1].strip()))
    return docs


def load_sources(data_dir: Path = DEFAULT_DATA) -> dict[str, list[SourceDoc]]:
    """All real plain-text documents, by source, in a fixed order."""
    return {"bbc": load_bbc(data_dir), "reuters": load_reuters(data_dir), "gnad": load_gnad(data_dir)}


def _interleave(counts: dict[str, int], n: int) -> list[tuple[str, int]]:
    """The first ``n`` picks of a smooth weighted round robin over ``counts``.

    Each pick is ``(source, position)``; positions run past a source's count
    (the caller turns those into synthetic variants). Deterministic.
    """
    total = sum(counts.values())
    current = dict.fromkeys(counts, 0)
    taken = dict.fromkeys(counts, 0)
    picks: list[tuple[str, int]] = []
    for _ in range(n):
        for name in counts:
            current[name] += counts[name]
        best = max(counts, key=lambda name: current[name])
        current[best] -= total
        picks.append((best, taken[best]))
        taken[best] += 1
    return picks


def _rotate_paragraphs(paragraphs: list[str], k: int) -> list[str]:
    if not paragraphs:
        return paragraphs
    k %= len(paragraphs)
    return paragraphs[k:] + paragraphs[:k]


def _split_units(text: str) -> list[str]:
    """Paragraphs, or sentences when the text is a single paragraph."""
    paragraphs = [p.strip() for p in _PARAGRAPHS.split(text) if p.strip()]
    if len(paragraphs) > 1:
        return paragraphs
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def synthetic_variant(docs: list[SourceDoc], position: int, variant: int) -> str:
    """Variant ``variant`` (>= 1) of ``docs[position]``: rotated, recombined with a partner.

    The partner is another document of the same source, chosen by a fixed
    stride, so the variant mixes two real texts; the result keeps the size of
    the original (its units, then about half of the partner's).
    """
    base = docs[position]
    partner = docs[(position + 7919 * variant) % len(docs)]
    units = _rotate_paragraphs(_split_units(base.text), variant)
    extra = _split_units(partner.text)
    extra = _rotate_paragraphs(extra, variant)[: max(1, len(extra) // 2)]
    sep = " " if base.source == "gnad" else "\n\n"
    return sep.join(units + extra)


def iter_corpus(sources: dict[str, list[SourceDoc]], n: int) -> Iterator[CorpusDoc]:
    """``n`` documents: real ones first (interleaved), then synthetic cycles."""
    counts = {name: len(docs) for name, docs in sources.items() if docs}
    for index, (name, position) in enumerate(_interleave(counts, n)):
        docs = sources[name]
        variant, pos = divmod(position, len(docs))
        if variant == 0:
            doc = docs[pos]
            yield CorpusDoc(index, name, doc.origin, False, 0, doc.text)
        else:
            text = synthetic_variant(docs, pos, variant)
            yield CorpusDoc(index, name, docs[pos].origin, True, variant, text)


def _index_line(doc: CorpusDoc, file: str) -> str:
    return json.dumps(
        {
            "id": doc.id,
            "file": file,
            "source": doc.source,
            "origin": doc.origin,
            "synthetic": doc.synthetic,
            "variant": doc.variant,
            "bytes": len(doc.text.encode("utf-8")),
        },
        ensure_ascii=False,
    )


def index_path(out: Path) -> Path:
    """Where the index of the corpus at ``out`` lives (a sibling, never inside)."""
    return out.with_name(out.name + ".index.jsonl")


def build_text_corpus(
    out: Path,
    n: int = 20_000,
    data_dir: Path = DEFAULT_DATA,
    fmt: TextFormat = "folder",
    sources: dict[str, list[SourceDoc]] | None = None,
) -> dict[str, int]:
    """Write ``n`` plain-text documents to ``out`` (folder of .txt, or one JSONL file).

    Returns counts: ``docs``, ``bytes``, ``synthetic`` and one entry per source.
    """
    sources = sources if sources is not None else load_sources(data_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {"docs": 0, "bytes": 0, "synthetic": 0}
    jsonl = out.open("w", encoding="utf-8") if fmt == "jsonl" else None
    try:
        with index_path(out).open("w", encoding="utf-8") as index:
            for doc in iter_corpus(sources, n):
                data = doc.text.encode("utf-8")
                if jsonl is not None:
                    jsonl.write(json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False) + "\n")
                    file = out.name
                else:
                    rel = f"{doc.index // 1000:04d}/{doc.id}.txt"
                    path = out / rel
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                    file = rel
                index.write(_index_line(doc, file) + "\n")
                counts["docs"] += 1
                counts["bytes"] += len(data)
                counts["synthetic"] += int(doc.synthetic)
                counts[doc.source] = counts.get(doc.source, 0) + 1
    finally:
        if jsonl is not None:
            jsonl.close()
    return counts


def html_members(data_dir: Path = DEFAULT_DATA) -> list[str]:
    """Sorted names of the HTML pages in ``trafilatura-eval/html.tar.gz``."""
    with tarfile.open(data_dir / "trafilatura-eval" / "html.tar.gz") as tf:
        return sorted(m.name for m in tf.getmembers() if m.isfile())


def build_html_corpus(out: Path, n: int = 300, data_dir: Path = DEFAULT_DATA) -> dict[str, int]:
    """Write ``n`` trafilatura-eval pages to ``out`` as ``NNNNN.html`` (bytes unchanged).

    With ``n`` up to the 1,033 pages available, pages are taken evenly spread
    over the sorted member list; beyond that, the list repeats and repeated
    pages are labelled ``synthetic`` in the index.
    """
    names = html_members(data_dir)
    picks = [names[(i * len(names)) // n] for i in range(n)] if n <= len(names) else None
    if picks is None:
        picks = [names[i % len(names)] for i in range(n)]
    wanted: dict[str, list[int]] = {}
    for i, name in enumerate(picks):
        wanted.setdefault(name, []).append(i)
    out.mkdir(parents=True, exist_ok=True)
    lines: dict[int, str] = {}
    total = 0
    with tarfile.open(data_dir / "trafilatura-eval" / "html.tar.gz") as tf:
        for member in tf:
            if member.name not in wanted:
                continue
            fh = tf.extractfile(member)
            if fh is None:
                continue
            data = fh.read()
            for i in wanted[member.name]:
                (out / f"{i:05d}.html").write_bytes(data)
                total += len(data)
                lines[i] = json.dumps(
                    {
                        "id": f"{i:05d}",
                        "file": f"{i:05d}.html",
                        "source": "trafilatura-eval",
                        "origin": member.name.removeprefix("./"),
                        "synthetic": i >= len(names),
                        "variant": i // len(names),
                        "bytes": len(data),
                    },
                    ensure_ascii=False,
                )
    with index_path(out).open("w", encoding="utf-8") as index:
        for i in sorted(lines):
            index.write(lines[i] + "\n")
    return {"docs": len(lines), "bytes": total}


def iter_inputs(root: Path) -> Iterator[tuple[str, str]]:
    """``(id, text)`` per ``.txt`` file under ``root`` (sorted paths), or per line of a JSONL file.

    The id is the path relative to ``root`` without its suffix, as docclean names file inputs.
    """
    if root.is_file():
        with root.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                yield str(record["id"]), str(record["text"])
        return
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        yield path.relative_to(root).with_suffix("").as_posix(), text


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks.corpus OUT [--docs N] [--html] [--format jsonl]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--format", choices=["folder", "jsonl"], default="folder")
    parser.add_argument("--html", action="store_true", help="build the HTML corpus instead")
    args = parser.parse_args(argv)
    if args.html:
        counts = build_html_corpus(args.out, args.docs, args.data)
    else:
        counts = build_text_corpus(args.out, args.docs, args.data, args.format)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
