"""``docclean explain``: one document with every removal shown in place.

Each removal and duplicate in a record carries ``at``, the position in the
output ``text`` where the removed passage stood, so the document can be shown
with its cuts re-inserted and marked, without the input at hand::

    [- share_widget (share_widget/en/share-this): Share This Article -]
    [= duplicate of 000_x (0.93): “Azerbaijan is ...” =]   ← matched: “...” (000_x 1902-1951)

>>> rec = {"id": "a", "source": "a.txt", "title": None, "author": None, "language": "en",
...        "language_score": 0.99, "text": "Body.", "repairs": [], "duplicates": [],
...        "removed": [{"start": 0, "end": 5, "at": 0, "category": "navigation",
...                     "rule": "navigation/en/skip", "text": "Skip!"}]}
>>> print(render(rec, {}), end="")
id: a   source: a.txt   language: en (0.99)
title: -   author: -
removed: navigation 1
<BLANKLINE>
[- navigation (navigation/en/skip): Skip! -]
Body.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError, OutputDamagedError


def _find(output_dir: Path, doc_id: str) -> tuple[dict[str, Any] | None, dict[str, list[dict[str, Any]]]]:
    """The record ``doc_id`` and, per record its duplicates point to, the versions of that record
    the match can have been made against: those written before it, newest first (or, when none
    was, the first written after it). Streamed: a large run is never held in memory."""
    from pipeline.cli import iter_records

    wanted, at = None, -1
    for n, rec in enumerate(iter_records(output_dir)):  # the last one: incremental runs add newer versions
        if rec["id"] == doc_id:
            wanted, at = rec, n
    if wanted is None:
        return None, {}
    sources = {d.get("of") for d in wanted.get("duplicates", [])} - {None}
    before: dict[str, list[dict[str, Any]]] = {}
    after: dict[str, list[dict[str, Any]]] = {}
    if sources:
        for n, rec in enumerate(iter_records(output_dir)):
            if rec["id"] in sources:
                if n < at:
                    before.setdefault(rec["id"], []).insert(0, rec)
                elif rec["id"] not in after:
                    after[rec["id"]] = [rec]
    # a source that only a set-aside file still holds (a one-off run replaced the output that
    # had it: docclean keeps that file as .docclean-orphan-documents.jsonl)
    missing = sources - set(before) - set(after)
    if missing:
        from pipeline.cli import _read_run_file

        for path in sorted(output_dir.glob(".docclean-orphan-*documents*.jsonl*")):
            for _n, aside, _problem in _read_run_file(path):
                if aside is not None and aside.get("id") in missing:
                    before.setdefault(aside["id"], []).insert(0, {**aside, _ASIDE_KEY: path.name})
    # the index keeps every version of a source, and a tie goes to the earliest copy: the match
    # was made against one of the versions that came before (a newer one's offsets point elsewhere)
    return wanted, {**after, **before, doc_id: [wanted]}


_ASIDE_KEY = "\x00aside"
"""Marks a source record read from a set-aside file (its name): no key of a real record."""


def _rejected(output_dir: Path, doc_id: str) -> dict[str, Any] | None:
    """The newest rejection of ``doc_id`` (``rejected.jsonl``, and incremental runs' files)."""
    from pipeline.cli import iter_records

    found = None
    for rec in iter_records(output_dir, "rejected"):
        if rec["id"] == doc_id:
            found = rec
    return found


def _matched(dup: dict[str, Any], by_id: dict[str, list[dict[str, Any]]]) -> str:
    """The earlier passage a duplicate matched, when the earlier record is in this output: of
    its versions (:func:`_find`), the one whose passage at those offsets reads most like the
    duplicate (ties: the newest).

    >>> dup = {"of": "a", "of_start": 0, "of_end": 9, "text": "Old words"}
    >>> _matched(dup, {"a": [{"text": "New start, old words"}, {"text": "Old words here"}]})
    "matched: 'Old words' (a 0-9)"
    """
    versions = by_id.get(dup.get("of", "")) or []
    if not versions:
        return f"(matched a passage of {dup.get('of')}, from an earlier run)"
    start, end = dup.get("of_start"), dup.get("of_end")
    if start is None or end is None:
        return ""
    said = str(dup.get("text", ""))
    found = [locate(v, start, end) for v in versions]
    best = max(range(len(found)), key=lambda i: (SequenceMatcher(None, found[i], said).ratio(), -i))
    aside = versions[best].get(_ASIDE_KEY)
    where = f", set aside in {aside}" if aside else ""
    return f"matched: {found[best]!r} ({dup['of']} {start}-{end}{where})"


def locate(rec: dict[str, Any], start: int, end: int) -> str:
    """The kept passage at repaired-text offsets ``start:end`` of ``rec``, read from its output text.

    The output text is the repaired text minus removals, and each removal says
    where it stood (``at``); the last removal before ``start`` anchors the passage.
    White space dropped next to a removal can shift it by a character or two,
    so the start is moved back to a word boundary.
    """
    text: str = rec["text"]
    anchor_at, anchor_end = 0, 0
    for r in rec.get("removed", []):
        if anchor_end <= r["end"] <= start:
            anchor_at, anchor_end = r["at"], r["end"]
    pos = anchor_at + (start - anchor_end)
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos -= 1
    return text[pos : pos + (end - start)].strip()


def render(rec: dict[str, Any], by_id: dict[str, list[dict[str, Any]]]) -> str:
    """The explanation of one record as text."""
    lines = [
        f"id: {rec['id']}   source: {rec['source']}   language: {rec['language']} ({rec['language_score']})",
        f"title: {rec.get('title') or '-'}   author: {rec.get('author') or '-'}",
    ]
    counts = Counter(r["category"] for r in rec.get("removed", []))
    lines.append("removed: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "nothing"))
    if rec.get("duplicates"):
        lines.append(f"duplicates: {len(rec['duplicates'])}")
    if rec.get("repairs"):
        fixes = Counter(r["fix"] for r in rec["repairs"])
        lines.append("repairs: " + ", ".join(f"{k} {v}" for k, v in sorted(fixes.items())))
    lines.append("")
    marks: list[tuple[int, int, str]] = []
    for r in rec.get("removed", []):
        marks.append((r.get("at", 0), r["start"], f"[- {r['category']} ({r['rule']}): {r['text']} -]"))
    for d in rec.get("duplicates", []):
        note = _matched(d, by_id)
        marks.append(
            (
                d.get("at", 0),
                d["start"],
                f"[= duplicate of {d['of']} ({d['similarity']}): {d['text']} =] {note}".rstrip(),
            )
        )
    text = rec["text"]
    out: list[str] = []
    pos = 0
    for at, _start, mark in sorted(marks):
        out.append(text[pos:at])
        if out and out[-1] and not out[-1].endswith("\n"):
            out.append("\n")
        out.append(mark + "\n")
        pos = at
        while pos < len(text) and text[pos] == " ":
            pos += 1
    out.append(text[pos:])
    body = "".join(out)
    return "\n".join(lines) + "\n" + body + ("" if body.endswith("\n") else "\n")


def explain(output_dir: str | Path, doc_id: str) -> str:
    """Explain document ``doc_id`` of the run in ``output_dir`` (also says why a rejected one is missing)."""
    out = Path(output_dir)
    try:
        rec, by_id = _find(out, doc_id)
        if rec is None:
            rej = _rejected(out, doc_id)
            if rej is not None:
                of = f" (copy of {rej['of']})" if rej.get("of") else ""
                return f"id: {doc_id} was rejected: {rej['reason']}{of}: {rej['message']}\n"
            raise ConfigError(
                f"no document {doc_id!r} in {out} (neither in documents.jsonl nor in rejected.jsonl)"
            )
        return render(rec, by_id)
    except (KeyError, TypeError, AttributeError, IndexError) as exc:  # an edited output file
        raise OutputDamagedError(
            f"{doc_id!r} in {out} is not a complete docclean record ({type(exc).__name__}: {exc}); "
            f"`docclean validate {out}` lists what is wrong"
        ) from None
