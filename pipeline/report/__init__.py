"""The review page: one self-contained HTML file showing what a run cut, and why.

``docclean report OUTPUT_DIR`` reads ``documents.jsonl`` (or ``.jsonl.gz``),
``rejected.jsonl`` and ``manifest.json`` of a run and writes
``OUTPUT_DIR/report.html``: a run summary, a legend with one colour per
category, every document with its removals shown in place (struck through,
tinted, labelled by category; hover shows the rule id), duplicate passages
(with the id of the document that kept them), repairs (before → after on
hover), filters by category, site and id, and the rejected documents.

The page needs no network: CSS and JS are inlined, no fonts or CDNs. The same
run gives the same bytes (nothing time-dependent is written). Every string that
comes from a document is HTML-escaped.

Where removals go
-----------------
Offsets in ``removed``/``duplicates``/``repairs`` point into the *repaired*
text; ``text`` is the repaired text minus the removed (and, with dedup
``drop``, duplicate) spans, with some whitespace around each cut dropped by the
assembler. :func:`build_segments` puts the span texts back in place: the kept
text between two spans has the length of the gap between them in the repaired
text less the whitespace dropped at the cuts (estimated: the assembler keeps
one of the two, usually alike, whitespace runs around a cut), and each cut is
snapped to the nearest line start or word boundary. If a span carries ``"at"``
(its offset in the output text), that is used as is.

>>> segs = build_segments(
...     "Hello world.\\n\\nMore text.",
...     removed=[{"start": 14, "end": 24, "category": "share_widget",
...               "rule": "share_widget/en/share-this", "text": "Share this"}],
... )
>>> [(s.kind, s.text) for s in segs]
[('text', 'Hello world.\\n\\n'), ('removed', 'Share this'), ('text', 'More text.')]
"""

from __future__ import annotations

import argparse
import colorsys
import gzip
import html
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.document import Category
from pipeline.errors import DoccleanError
from pipeline.writers import RUN_ID, file_mode

__all__ = [
    "CATEGORY_COLOURS",
    "Segment",
    "add_arguments",
    "build_segments",
    "command",
    "render_report",
    "write_report",
]

DEFAULT_LIMIT = 2000
"""``docclean report`` shows this many documents unless told otherwise: a page of a million
documents does not open in a browser. The run summary and legend always count every document."""
SNAP_WINDOW = 24
"""How far back (characters) a cut may move to reach a word boundary."""
LINE_SNAP = 3
"""How far a cut moves to reach a line start (a dropped blank line is 1–2 newlines)."""
FORWARD_SNAP = 2
"""How far forward a cut may move (when more whitespace was assumed dropped than was)."""

# Dark hues: white label text on them and dark text on their light tints both
# pass WCAG AA (checked in tests/test_report.py).
CATEGORY_COLOURS: dict[str, str] = {
    Category.NAVIGATION: "#1f4e9c",
    Category.PAYWALL: "#b0232a",
    Category.NEWSLETTER: "#7a3e9d",
    Category.COMMENT_FORM: "#8a4b08",
    Category.COMMENTS: "#a0410d",
    Category.SHARE_WIDGET: "#0b6e6e",
    Category.READING_TIME: "#51600f",
    Category.RELATED_LINKS: "#2e6b2e",
    Category.BYLINE: "#5a3fa0",
    Category.AUTHOR_BIO: "#8c2f6d",
    Category.CAPTION: "#3f5765",
    Category.COOKIE_NOTICE: "#6d5200",
    Category.ADVERTISEMENT: "#c2185b",
    Category.LEGAL: "#4e4e4e",
    Category.SITE_TEMPLATE: "#00695c",
    Category.TITLE: "#283593",
    Category.OTHER: "#5d4037",
}
DUPLICATE_COLOUR = "#b45309"
REPAIR_COLOUR = "#1565c0"
UNKNOWN_COLOUR = "#555555"


@dataclass(frozen=True, slots=True)
class Mark:
    """A repair inside a segment: ``segment.text[start:end]`` is ``after``."""

    start: int
    end: int
    fix: str
    before: str
    after: str


@dataclass(slots=True)
class Segment:
    """A piece of the displayed text.

    ``kind`` is ``text`` (kept), ``removed`` (a removed span, shown struck
    through), ``duplicate`` (a duplicate passage; ``dropped`` tells whether it
    was cut from the output). ``info`` holds the span's record fields.
    """

    kind: str
    text: str
    info: Mapping[str, Any] = field(default_factory=dict)
    dropped: bool = False
    block: bool = False
    marks: list[Mark] = field(default_factory=list)
    origin: int = 0
    """Offset of ``text[0]`` in the repaired text (approximate for ``text``)."""


# --------------------------------------------------------------------------- alignment


def _is_boundary(text: str, q: int) -> bool:
    return q <= 0 or q >= len(text) or text[q - 1].isspace() or text[q].isspace()


def _snap(text: str, target: int, lo: int) -> int:
    """Where a cut goes: the nearest line start close to ``target``, else the nearest word boundary.

    ``target`` is off by the whitespace the assembler dropped that the caller
    could not account for: usually a little too far, sometimes a little short.
    Whole-line removals are the common case, so a line start at most
    ``LINE_SNAP`` away wins over a closer word boundary; a cut moves forward at
    most ``FORWARD_SNAP`` characters.

    >>> _snap("one two three", 9, 0)  # two characters too far: back to the word start
    8
    >>> _snap("one two three", 7, 0)
    7
    >>> _snap("abc\\nA def", 6, 0)
    4
    """
    target = max(lo, min(target, len(text)))
    hi = min(len(text), target + FORWARD_SNAP)

    def nearest(ok: Callable[[int], bool], back: int) -> int | None:
        # backward first: overshooting (unaccounted dropped whitespace) is the common error
        order = [target - d for d in range(3)] + [
            q for d in range(1, back + 1) for q in (target + d, target - d - 2)
        ]
        for q in order:
            if lo <= q <= hi and target - back <= q and ok(q):
                return q
        return None

    line = nearest(lambda q: q == 0 or text[q - 1] == "\n", LINE_SNAP)
    if line is not None:
        return line
    word = nearest(lambda q: _is_boundary(text, q), SNAP_WINDOW)
    return target if word is None else word


def _ws_before(text: str, q: int) -> int:
    n = 0
    while q - n > 0 and text[q - n - 1].isspace():
        n += 1
    return n


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def build_segments(
    text: str,
    removed: Sequence[Mapping[str, Any]] = (),
    duplicates: Sequence[Mapping[str, Any]] = (),
    repairs: Sequence[Mapping[str, Any]] = (),
    dedup_mode: str | None = None,
) -> list[Segment]:
    """Interleave the output ``text`` with the removed and duplicate spans, in repaired-text order.

    A duplicate whose text is still found in ``text`` at its place (dedup
    ``annotate``) is wrapped where it is; otherwise (``drop``) it is put back
    like a removal. ``dedup_mode`` (from the manifest), when given, decides.

    >>> segs = build_segments("Foo. Bar.", removed=[
    ...     {"start": 5, "end": 16, "category": "other", "rule": "other/x", "text": "Share this."}])
    >>> "|".join(s.text for s in segs)
    'Foo. |Share this.|Bar.'
    >>> segs = build_segments("A. Same line. B.", duplicates=[
    ...     {"start": 3, "end": 13, "text": "Same line.", "of": "d1", "similarity": 1.0}])
    >>> [(s.kind, s.text, s.dropped) for s in segs]
    [('text', 'A. ', False), ('duplicate', 'Same line.', False), ('text', ' B.', False)]
    """
    spans: list[tuple[int, int, str, Mapping[str, Any]]] = []
    for item in removed:
        spans.append((_int(item.get("start")), _int(item.get("end")), "removed", item))
    for item in duplicates:
        spans.append((_int(item.get("start")), _int(item.get("end")), "duplicate", item))
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))

    segments: list[Segment] = []
    pos = 0  # in the output text
    rpos = 0  # in the repaired text: end of the last span placed
    # whitespace the repaired text probably had after the last cut that the output lacks: the
    # assembler keeps one of the two whitespace runs around a cut, and they are usually alike
    credit = 0

    def keep(until: int) -> None:
        nonlocal pos
        if until > pos:
            segments.append(Segment("text", text[pos:until], origin=rpos))
        pos = max(pos, until)

    for start, end, kind, item in spans:
        span_text = _str(item.get("text"))
        if end <= rpos:  # nested inside a span already shown
            if segments and segments[-1].kind != "text":
                segments[-1].info = {
                    **segments[-1].info,
                    "nested": [*segments[-1].info.get("nested", []), item],
                }
            continue
        if start < rpos:  # overlaps the previous span: show the rest only
            span_text = span_text[rpos - start :]
            start = rpos
        target = pos + max(0, start - rpos - credit)
        if kind == "duplicate" and dedup_mode != "drop" and span_text:
            lo = max(pos, target - SNAP_WINDOW)
            found = text.find(span_text, lo, target + len(span_text) + SNAP_WINDOW)
            if found >= 0 and (dedup_mode == "annotate" or found <= target + SNAP_WINDOW):
                keep(found)
                segments.append(Segment(kind, span_text, item, dropped=False, origin=start))
                pos = found + len(span_text)
                rpos = end
                credit = 0
                continue
        at = _int(item.get("at"), -1)
        q = at if pos <= at <= len(text) else _snap(text, target, pos)
        follows_block = q == pos and bool(segments) and segments[-1].block
        gap_start = pos
        keep(q)
        # a whole line of its own: at a line start, or at a line end where a line break was dropped
        block = (
            q == 0
            or text[q - 1] == "\n"
            or follows_block
            or ((q == len(text) or text[q] == "\n") and (start - rpos) - (q - gap_start) >= 2)
        )
        segments.append(Segment(kind, span_text, item, dropped=True, block=block, origin=start))
        rpos = end
        credit = _ws_before(text, q) if q else 1
    keep(len(text))
    _place_repairs(segments, repairs)
    return segments


def _place_repairs(segments: list[Segment], repairs: Sequence[Mapping[str, Any]]) -> None:
    """Attach each repair to the segment holding its ``after`` text.

    Span segments know their exact offset in the repaired text, so a repair
    inside a removed span is marked exactly; in kept text, ``after`` is searched
    near its estimated place. A repair whose ``after`` straddles a cut (say
    ``".\\nCredit:"`` where the credit line was removed) is marked on its longest
    prefix found; an empty ``after`` (a deleted character) gets a caret.
    """
    for rep in sorted(repairs, key=lambda r: (_int(r.get("start")), _int(r.get("end")))):
        start = _int(rep.get("start"))
        after = _str(rep.get("after"))
        mark_args = (_str(rep.get("fix")), _str(rep.get("before")), after)
        placed = _exact_in_span(segments, start, after)
        if placed is None:
            for piece in [
                after,
                *(after[:k] for k in range(len(after) - 1, 0, -1) if not after[k - 1].isspace()),
            ]:
                placed = _nearest(segments, start, piece)
                if placed is not None:
                    break
            else:  # not found: a caret where it was
                placed = _nearest(segments, start, "")
        if placed is None:
            continue
        idx, off, length = placed
        seg = segments[idx]
        if any(m.start < off + length and off < m.end for m in seg.marks):
            continue
        seg.marks.append(Mark(off, off + length, *mark_args))
    for seg in segments:
        seg.marks.sort(key=lambda m: (m.start, m.end))


def _exact_in_span(segments: Sequence[Segment], start: int, after: str) -> tuple[int, int, int] | None:
    for idx, seg in enumerate(segments):
        rel = start - seg.origin
        end = rel + len(after)
        if seg.kind != "text" and rel >= 0 and end <= len(seg.text) and seg.text[rel:end] == after:
            return idx, rel, len(after)
    return None


def _nearest(segments: Sequence[Segment], start: int, piece: str) -> tuple[int, int, int] | None:
    """The occurrence of ``piece`` nearest to repaired offset ``start`` (``""``: the position itself)."""
    best: tuple[int, int, int] | None = None  # (distance, segment index, offset)
    for idx, seg in enumerate(segments):
        rel = start - seg.origin
        if rel < -SNAP_WINDOW or rel > len(seg.text) + SNAP_WINDOW:
            continue
        if not piece:
            if 0 <= rel <= len(seg.text) and (best is None or best[0] > 0):
                best = (0 if seg.kind == "text" else 1, idx, rel)
            continue
        lo = max(0, rel - SNAP_WINDOW)
        found = seg.text.find(piece, lo, rel + len(piece) + SNAP_WINDOW)
        while found >= 0:
            cand = (abs(found - rel), idx, found)
            if best is None or cand < best:
                best = cand
            found = seg.text.find(piece, found + 1, rel + len(piece) + SNAP_WINDOW)
    return None if best is None else (best[1], best[2], len(piece))


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class RunData:
    """Everything read from an output directory."""

    manifest: dict[str, Any]
    documents: list[dict[str, Any]]
    total_documents: int
    rejected: list[dict[str, Any]]
    bad_lines: int
    category_spans: Counter[str]
    category_chars: Counter[str]
    category_docs: Counter[str]
    languages: Counter[str]
    sites: Counter[str]
    duplicates: int
    duplicate_docs: int
    repairs: int
    chars_in: int
    chars_out: int


def _open_text(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        yield from fh


def _find(directory: Path, name: str) -> Path | None:
    for candidate in (directory / name, directory / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def _named(directory: Path, name: Any) -> Path | None:
    """A file named by the manifest, only inside ``directory``."""
    if not isinstance(name, str) or not name:
        return None
    path = directory / Path(name).name
    return path if path.is_file() else None


def _read_jsonl(path: Path | None) -> Iterator[dict[str, Any] | None]:
    if path is None:
        return
    for line in _open_text(path):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            yield None
            continue
        yield obj if isinstance(obj, dict) else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def read_run(output_dir: str | Path, limit: int | None = None) -> RunData:
    """Read a run's output directory; counts cover every document, ``documents`` the first ``limit``."""
    directory = Path(output_dir)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: not a directory (expected a docclean output directory)")
    manifest: dict[str, Any] = {}
    manifest_path = directory / "manifest.json"
    if manifest_path.is_file():
        try:
            loaded = json.loads(manifest_path.read_text(encoding="utf-8"))
            manifest = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            manifest = {"error": "manifest.json is not valid JSON"}
    # incremental runs name their files per run (documents-<run_id>.jsonl); the manifest says which
    outputs = _dict(manifest.get("outputs"))
    docs_path = _named(directory, outputs.get("documents")) or _find(directory, "documents.jsonl")
    rejected_path = _named(directory, outputs.get("rejected")) or _find(directory, "rejected.jsonl")
    if docs_path is None and not manifest_path.is_file():
        raise FileNotFoundError(
            f"{directory}: no documents.jsonl(.gz) or manifest.json; is this a docclean output?"
        )
    data = RunData(manifest, [], 0, [], 0, Counter(), Counter(), Counter(), Counter(), Counter(),
                   0, 0, 0, 0, 0)  # fmt: skip
    for rec in _read_jsonl(docs_path):
        if rec is None:
            data.bad_lines += 1
            continue
        data.total_documents += 1
        cats: set[str] = set()
        for span in _list(rec.get("removed")):
            cat = _str(span.get("category")) or "other"
            cats.add(cat)
            data.category_spans[cat] += 1
            data.category_chars[cat] += max(0, _int(span.get("end")) - _int(span.get("start")))
        for cat in cats:
            data.category_docs[cat] += 1
        dups = _list(rec.get("duplicates"))
        data.duplicates += len(dups)
        data.duplicate_docs += bool(dups)
        data.repairs += len(_list(rec.get("repairs")))
        data.languages[_str(rec.get("language")) or "und"] += 1
        data.sites[_str(rec.get("site"))] += 1
        stats = _dict(rec.get("stats"))
        data.chars_in += _int(stats.get("chars_in"))
        data.chars_out += _int(stats.get("chars_out"), len(_str(rec.get("text"))))
        if limit is None or len(data.documents) < limit:
            data.documents.append(rec)
    for rej in _read_jsonl(rejected_path):
        if rej is None:
            data.bad_lines += 1
        else:
            data.rejected.append(rej)
    return data


# --------------------------------------------------------------------------- colours


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def tint(hex_colour: str, amount: float = 0.86) -> str:
    """Mix a colour with white.

    >>> tint("#000000", 0.5)
    '#808080'
    """
    return _hex(tuple(c + (1 - c) * amount for c in _rgb(hex_colour)))  # type: ignore[arg-type]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours.

    >>> round(contrast("#ffffff", "#000000"), 1)
    21.0
    """

    def lum(colour: str) -> float:
        chans = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
        return 0.2126 * chans[0] + 0.7152 * chans[1] + 0.0722 * chans[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def colour_of(category: str) -> str:
    """The colour of a category; categories outside the enum get a stable colour from their name.

    >>> colour_of("navigation")
    '#1f4e9c'
    >>> colour_of("something_new") == colour_of("something_new")
    True
    """
    if category in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[category]
    hue = sum(ord(ch) * (i + 1) for i, ch in enumerate(category)) % 360 / 360
    r, g, b = colorsys.hls_to_rgb(hue, 0.28, 0.6)
    return _hex((r, g, b))


def css_class(category: str) -> str:
    """A CSS-safe class name for a category.

    >>> css_class("comment_form"), css_class('x"><script>')
    ('c-comment_form', 'c-x___script_')
    """
    return "c-" + re.sub(r"[^a-z0-9_-]", "_", category.lower())


# --------------------------------------------------------------------------- rendering


def _e(value: Any) -> str:
    return html.escape(_str(value), quote=True)


def _asset(name: str) -> str:
    return resources.files("pipeline.report").joinpath(name).read_text(encoding="utf-8")


def _fmt_num(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _render_text(text: str, marks: Sequence[Mark]) -> str:
    out: list[str] = []
    pos = 0
    for m in marks:
        if m.start < pos:
            continue
        out.append(_e(text[pos : m.start]))
        title = f"repair {m.fix}: {m.before!r} → {m.after!r}"
        if m.start == m.end:
            out.append(f'<ins class="rep empty" data-cat="repair" title="{_e(title)}">\u2038</ins>')
        else:
            out.append(
                f'<ins class="rep" data-cat="repair" title="{_e(title)}">{_e(text[m.start : m.end])}</ins>'
            )
        pos = m.end
    out.append(_e(text[pos:]))
    return "".join(out)


def _render_segment(seg: Segment) -> str:
    body = _render_text(seg.text, seg.marks)
    nested = seg.info.get("nested", [])
    extra = "".join(
        f"\n+ {_str(n.get('category') or 'duplicate')} · {_str(n.get('rule') or n.get('of'))}" for n in nested
    )
    if seg.kind == "text":
        return body
    block = " blk" if seg.block else ""
    if seg.kind == "removed":
        cat = _str(seg.info.get("category")) or "other"
        rule = _str(seg.info.get("rule"))
        title = f"removed · {cat} · rule {rule}{extra}"
        return (
            f'<del class="rm {css_class(cat)}{block}" data-cat="{_e(cat)}" data-rule="{_e(rule)}" '
            f'title="{_e(title)}"><span class="lbl" aria-hidden="true">{_e(cat)}</span>{body}</del>'
        )
    of = _str(seg.info.get("of"))
    sim = seg.info.get("similarity")
    sim_s = f"{sim:.2f}" if isinstance(sim, (int, float)) and not isinstance(sim, bool) else "?"
    state = "dropped" if seg.dropped else "kept (annotate)"
    title = f"duplicate of {of} · similarity {sim_s} · {state}{extra}"
    tag = "del" if seg.dropped else "span"
    cls = "dup dropped" if seg.dropped else "dup"
    return (
        f'<{tag} class="{cls}{block}" data-cat="duplicate" data-of="{_e(of)}" title="{_e(title)}">'
        f'<span class="lbl" aria-hidden="true">dup of {_e(of)}</span>{body}</{tag}>'
    )


MANIFEST_VALUE_CHARS = 2000
"""Longer manifest values (big configs) are cut in the page."""


VOLATILE_MANIFEST_KEYS = frozenset({"run_id", "started", "finished", "seconds", "timings", "outputs"})
"""Manifest fields that change on every rerun (clock, run id): left out so that cleaning the same
input again gives the same page."""


def _stable(value: Any) -> Any:
    """``value`` without the volatile keys, at any depth.

    >>> _stable({"run_id": "x", "summary": {"documents": 3, "seconds": 1.5}})
    {'summary': {'documents': 3}}
    """
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE_MANIFEST_KEYS}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def _manifest_fields(manifest: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The manifest as ``(key, text)`` rows; the input list (one entry per file) is summarised.

    >>> _manifest_fields({"schema": "m/1", "inputs": [{"skipped": True}, {"skipped": False}]})
    [('inputs', '2 files (1 skipped as unchanged)'), ('schema', 'm/1')]
    """
    rows: list[tuple[str, str]] = []
    for key, value in sorted(_stable(manifest).items()):
        if key == "inputs" and isinstance(value, list):
            skipped = sum(1 for v in value if isinstance(v, dict) and v.get("skipped"))
            text = f"{len(value)} files ({skipped} skipped as unchanged)"
        elif isinstance(value, (dict, list)):
            text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        else:
            text = _str(value)
        if len(text) > MANIFEST_VALUE_CHARS:
            text = text[:MANIFEST_VALUE_CHARS] + " …"
        rows.append((key, text))
    return rows


def _dedup_mode(manifest: Mapping[str, Any]) -> str | None:
    for holder in (manifest.get("config"), manifest):
        if isinstance(holder, dict):
            dedup = holder.get("dedup")
            if isinstance(dedup, dict) and dedup.get("mode") in ("drop", "annotate", "off"):
                return str(dedup["mode"])
            if holder.get("dedup_mode") in ("drop", "annotate", "off"):
                return str(holder["dedup_mode"])
    return None


def _safe_url(url: str) -> str | None:
    return url if re.match(r"^https?://", url, re.IGNORECASE) else None


def _render_document(rec: Mapping[str, Any], index: int, dedup_mode: str | None) -> str:
    removed = _list(rec.get("removed"))
    duplicates = _list(rec.get("duplicates"))
    repairs = _list(rec.get("repairs"))
    segments = build_segments(_str(rec.get("text")), removed, duplicates, repairs, dedup_mode)
    cats = sorted({_str(s.get("category")) or "other" for s in removed})
    flags = [*cats]
    if duplicates:
        flags.append("duplicate")
    if repairs:
        flags.append("repair")
    doc_id = _str(rec.get("id"))
    site = _str(rec.get("site"))
    url = _str(rec.get("url"))
    lang = _str(rec.get("language")) or "und"
    score = rec.get("language_score")
    lang_s = (
        f"{lang} ({score:.2f})" if isinstance(score, (int, float)) and not isinstance(score, bool) else lang
    )
    stats = _dict(rec.get("stats"))
    meta: list[tuple[str, str]] = [
        ("source", _e(rec.get("source"))),
        ("format", _e(rec.get("format"))),
        ("language", _e(lang_s)),
    ]
    if site:
        meta.append(("site", _e(site)))
    if url:
        safe = _safe_url(url)
        meta.append(
            (
                "url",
                f'<a href="{_e(safe)}" rel="noopener noreferrer nofollow">{_e(url)}</a>' if safe else _e(url),
            )
        )
    for key in ("author", "published"):
        if rec.get(key):
            meta.append((key, _e(rec.get(key))))
    chars_in, chars_out = (
        _int(stats.get("chars_in")),
        _int(stats.get("chars_out"), len(_str(rec.get("text")))),
    )
    meta.append(("chars", f"{_fmt_num(chars_in)} → {_fmt_num(chars_out)}"))
    meta.append(("cuts", f"{len(removed)} removed · {len(duplicates)} duplicate · {len(repairs)} repairs"))
    title = _str(rec.get("title"))
    dl = "".join(f'<div class="kv"><dt>{k}</dt><dd>{v}</dd></div>' for k, v in meta)
    title_html = f' <span class="title">{_e(title)}</span>' if title else ""
    body = "".join(_render_segment(s) for s in segments)
    return (
        f'<article class="doc" id="doc-{index}" data-id="{_e(doc_id)}" data-site="{_e(site)}" '
        f'data-cats="{_e(" ".join(flags))}">\n'
        f'<header><h2><code class="docid">{_e(doc_id)}</code>'
        f"{title_html}</h2>"
        f"<dl>{dl}</dl></header>\n"
        f'<div class="text">{body}</div>\n</article>\n'
    )


def _legend_row(key: str, label: str, colour: str, spans: int, chars: int | None, docs: int) -> str:
    chars_s = _fmt_num(chars) if chars is not None else "–"
    hide = "h-" + (key if key in ("duplicate", "repair") else css_class(key))
    return (
        f'<tr><td><label><input type="checkbox" class="catbox" value="{_e(key)}" data-hide="{_e(hide)}" '
        "checked> "
        f'<span class="sw" style="background:{colour}"></span> {_e(label)}</label></td>'
        f'<td class="n">{_fmt_num(spans)}</td><td class="n">{chars_s}</td>'
        f'<td class="n">{_fmt_num(docs)}</td></tr>'
    )


def _css(categories: Iterable[str]) -> str:
    rules: list[str] = []
    for cat in categories:
        col = colour_of(cat)
        cls = css_class(cat)
        rules.append(
            f".rm.{cls}{{background:{tint(col)};border-color:{col}}}"
            f".rm.{cls}>.lbl{{background:{col}}}"
            f"body.h-{cls} .rm.{cls}{{display:none}}"
        )
    rules.append(f".dup{{background:{tint(DUPLICATE_COLOUR)};border-color:{DUPLICATE_COLOUR}}}")
    rules.append(f".dup>.lbl{{background:{DUPLICATE_COLOUR}}}")
    rules.append(f".rep{{background:{tint(REPAIR_COLOUR)};border-color:{REPAIR_COLOUR}}}")
    rules.append("body.h-duplicate .dup.dropped{display:none}")
    rules.append("body.h-duplicate .dup:not(.dropped){background:none;border-color:transparent}")
    rules.append("body.h-duplicate .dup:not(.dropped)>.lbl{display:none}")
    rules.append("body.h-repair .rep{background:none;border-color:transparent}")
    return "\n".join(rules)


def render_report(data: RunData, source_name: str = "") -> str:
    """The whole page as a string (deterministic for the same ``data``)."""
    cats_known = [c.value for c in Category]
    cats_seen = sorted(set(data.category_spans) - set(cats_known))
    all_cats = cats_known + cats_seen
    dedup_mode = _dedup_mode(data.manifest)

    legend = [
        _legend_row(c, c, colour_of(c), data.category_spans[c], data.category_chars[c], data.category_docs[c])
        for c in all_cats
    ]
    legend.append(_legend_row("duplicate", "duplicate", DUPLICATE_COLOUR, data.duplicates, None,
                              data.duplicate_docs))  # fmt: skip
    legend.append(_legend_row("repair", "repair", REPAIR_COLOUR, data.repairs, None, 0).replace(
        '<td class="n">0</td></tr>', '<td class="n">–</td></tr>'))  # fmt: skip

    rejected_reasons = Counter(_str(r.get("reason")) or "?" for r in data.rejected)
    removed_total = sum(data.category_spans.values())
    summary = [
        ("documents", _fmt_num(data.total_documents)),
        ("rejected", _fmt_num(len(data.rejected))
         + (" (" + ", ".join(f"{_e(k)}: {v}" for k, v in sorted(rejected_reasons.items())) + ")"
            if rejected_reasons else "")),
        ("removed spans", _fmt_num(removed_total)),
        ("duplicate passages", f"{_fmt_num(data.duplicates)} in {_fmt_num(data.duplicate_docs)} documents"
         + (f" (dedup {_e(dedup_mode)})" if dedup_mode else "")),
        ("repairs", _fmt_num(data.repairs)),
        ("characters", f"{_fmt_num(data.chars_in)} in → {_fmt_num(data.chars_out)} out"),
        ("languages", ", ".join(f"{_e(k)}: {v}" for k, v in sorted(data.languages.items(),
                                                                     key=lambda kv: (-kv[1], kv[0])))
         or "–"),
        ("sites", _fmt_num(len([s for s in data.sites if s]))),
    ]  # fmt: skip
    if data.bad_lines:
        summary.append(("unreadable lines", _fmt_num(data.bad_lines)))
    if len(data.documents) < data.total_documents:
        summary.append(
            ("shown", f"first {_fmt_num(len(data.documents))} of {_fmt_num(data.total_documents)}")
        )
    summary_html = "".join(f'<div class="kv"><dt>{k}</dt><dd>{v}</dd></div>' for k, v in summary)

    manifest_rows = "".join(
        f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in _manifest_fields(data.manifest)
    )
    sites = sorted(s for s in data.sites if s)
    site_opts = "".join(f'<option value="{_e(s)}">{_e(s)} ({data.sites[s]})</option>' for s in sites)
    if data.sites.get(""):
        site_opts += f'<option value="">(no site) ({data.sites[""]})</option>'

    docs_html = "".join(_render_document(rec, i, dedup_mode) for i, rec in enumerate(data.documents))
    rej_rows = "".join(
        f"<tr><td><code>{_e(r.get('id'))}</code></td><td>{_e(r.get('source'))}</td>"
        f"<td>{_e(r.get('reason'))}</td><td>{_e(r.get('message'))}</td><td>{_e(r.get('of') or '')}</td></tr>"
        for r in data.rejected
    )
    rejected_html = (
        f'<table class="rej"><thead><tr><th>id</th><th>source</th><th>reason</th><th>message</th>'
        f"<th>of</th></tr></thead><tbody>{rej_rows}</tbody></table>"
        if data.rejected
        else "<p>None.</p>"
    )
    return _asset("template.html").format(
        title=_e(f"docclean review · {source_name}" if source_name else "docclean review"),
        heading=_e(source_name),
        css=_asset("report.css") + "\n" + _css(all_cats),
        js=_asset("report.js"),
        summary=summary_html,
        manifest=manifest_rows or '<tr><td colspan="2">no manifest.json</td></tr>',
        legend="\n".join(legend),
        site_options=site_opts,
        doc_count=len(data.documents),
        documents=docs_html or "<p>No documents.</p>",
        rejected_count=len(data.rejected),
        rejected=rejected_html,
    )


def _atomic_write(dest: Path, content: str) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        os.fchmod(fd, file_mode())  # as the run's output files: readable where they are
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(output_dir: str | Path, dest: str | Path | None = None, limit: int | None = None) -> Path:
    """Write the review page for a run's output directory; returns its path.

    ``dest`` defaults to ``OUTPUT_DIR/report.html``. ``limit`` caps the number
    of documents shown (the counts always cover the whole run). The file is
    written atomically (temporary file, then rename).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "documents.jsonl").write_text('{"id": "a", "text": "Hi.", "removed": []}\\n')
    >>> write_report(d).name
    'report.html'
    """
    return _write(output_dir, dest, limit)[0]


def _write(output_dir: str | Path, dest: str | Path | None, limit: int | None) -> tuple[Path, RunData]:
    """:func:`write_report`, also returning what the page was made of (``bad_lines``: lines of
    the run's files that were no record, counted on the page but not shown)."""
    directory = Path(output_dir)
    data = read_run(directory, limit)
    target = Path(dest) if dest is not None else directory / "report.html"
    if target.is_dir():
        raise IsADirectoryError(f"--out {target} is a folder; name a file")
    if _is_run_file(target, directory):
        # before, `--out OUT/documents.jsonl` replaced the run's records with the HTML page
        raise FileExistsError(f"--out {target} is one of the run's own files; name another file")
    if target.exists() and target.suffix.lower() not in (".html", ".htm"):
        # nor any other file that is no page: the state store (OUT/.docclean-state/state.sqlite)
        raise FileExistsError(f"--out {target} exists and is no HTML page; name an .html file or a new one")
    try:
        _atomic_write(target, render_report(data, directory.resolve().name))
    except OSError as exc:
        raise ReportWriteError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target, data


_RUN_FILE = re.compile(rf"(documents|rejected)(-{RUN_ID})?\.jsonl(\.gz)?|manifest(-{RUN_ID})?\.json")


def _is_run_file(target: Path, directory: Path) -> bool:
    """Whether ``target`` is (or would replace) a file a run writes in ``directory``: its records,
    rejections or manifests (also an incremental run's ``documents-<run id>.jsonl``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _is_run_file(d / "documents.jsonl", d), _is_run_file(d / "report.html", d)
    (True, False)
    """
    try:
        same_folder = target.resolve().parent == directory.resolve()
    except OSError:
        return False
    return same_folder and _RUN_FILE.fullmatch(target.name) is not None


class ReportWriteError(DoccleanError):
    """The page could not be written (a folder that cannot be made, a full or read-only disk)."""


# --------------------------------------------------------------------------- CLI


def _count(value: str) -> int:
    """A ``--limit`` value: a whole number, not negative (-5 showed no document at all)."""
    if not value.strip().isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 for all (got {value!r})")
    return int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``docclean report``."""
    parser.add_argument("output_dir", metavar="OUTPUT_DIR", help="output directory of a docclean run")
    parser.add_argument(
        "--out", metavar="FILE", default=None, help="where to write (default OUTPUT_DIR/report.html)"
    )
    parser.add_argument(
        "--limit",
        metavar="N",
        type=_count,
        default=DEFAULT_LIMIT,
        help=f"show at most N documents, 0 for all (default {DEFAULT_LIMIT}; the counts cover all)",
    )


def command(args: argparse.Namespace) -> int:
    """Run ``docclean report``; returns the exit status: 0, 1 when the run's files hold lines
    that are no record (the page is written all the same, and counts them) or the page cannot
    be written, 2 when ``OUTPUT_DIR`` is no run's output or ``--out`` names a file it must not.

    >>> import argparse
    >>> p = argparse.ArgumentParser(); add_arguments(p)
    >>> command(p.parse_args(["/nonexistent/dir"]))
    2
    """
    import sys

    try:
        limit = getattr(args, "limit", DEFAULT_LIMIT)
        path, data = _write(args.output_dir, args.out, limit or None)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, FileExistsError) as exc:
        print(f"docclean report: {exc}", file=sys.stderr)
        return 2
    except ReportWriteError as exc:
        print(f"docclean report: {exc}", file=sys.stderr)
        return 1
    except (OSError, EOFError) as exc:  # unreadable or truncated files (e.g. a cut-off .gz)
        print(f"docclean report: cannot read {args.output_dir}: {exc}", file=sys.stderr)
        return 1
    print(path)
    earlier = _other_runs(Path(args.output_dir))
    if earlier:
        print(
            f"docclean report: the page shows the latest run; {earlier} earlier run(s) wrote "
            "documents into this folder too (`docclean validate` and `explain` read every run's files)",
            file=sys.stderr,
        )
    if data.bad_lines:
        # before: exit 0 and a quiet stderr, while `validate` and `explain` failed on the same folder
        print(
            f"docclean report: {data.bad_lines} line(s) of {args.output_dir} are no docclean record "
            "(cut short or edited?): the page counts them as unreadable lines but cannot show them; "
            f"`docclean validate {args.output_dir}` names each",
            file=sys.stderr,
        )
        return 1
    return 0


def _other_runs(directory: Path) -> int:
    """How many runs' documents files in ``directory`` the page does not show (incremental outputs
    hold one per run; the page shows the run of ``manifest.json``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for run in ("20260101T000000Z-0a1b2c3d", "20260102T000000Z-0a1b2c3d"):
    ...     _ = (d / f"documents-{run}.jsonl").write_text("")
    >>> _other_runs(d)
    1
    """
    from pipeline.writers import RUN_ID

    name = re.compile(rf"documents(-{RUN_ID})?\.jsonl(\.gz)?")
    files = [p for p in directory.glob("documents*.jsonl*") if name.fullmatch(p.name)]
    return max(0, len(files) - 1)
