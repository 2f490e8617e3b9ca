"""Output: atomic JSONL (+ .gz), ``rejected.jsonl``, ``manifest.json``, and the record schema.

Nothing is ever half-written: every file is written under a temporary name in
the destination folder and renamed into place only when complete (``os.replace``
is atomic on POSIX). Files written together (documents and rejected) are all finished
before any is renamed (:func:`atomic_writers`). The manifest is renamed last, so a folder
with a manifest whose ``run_id`` matches is a complete run.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_writer(d / "x.jsonl") as fh:
...     _ = fh.write(dumps({"b": 1, "a": "é"}) + "\\n")
>>> (d / "x.jsonl").read_text(encoding="utf-8")
'{"b":1,"a":"é"}\\n'
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any, cast

from pipeline.document import SCHEMA, Document, Duplicate, Rejection
from pipeline.errors import TransientError, os_reason

MANIFEST_SCHEMA = "docclean-manifest/1"
"""The ``schema`` of a run's ``manifest.json`` (its first key)."""
RUN_ID = r"\d{8}T\d{6}Z-[0-9a-f]{8}"
"""A run id as a regular expression: the UTC second the run was planned and 8 hex digits
(``20261203T224833Z-da03fc1c``); incremental runs name their files ``documents-<run id>.jsonl``."""

RECORD_KEYS = (
    "schema",
    "id",
    "source",
    "format",
    "url",
    "site",
    "title",
    "author",
    "published",
    "language",
    "language_score",
    "text",
    "removed",
    "duplicates",
    "repairs",
    "stats",
)


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
"""The characters JSON may leave raw in a string that ``str.splitlines()`` (and older JavaScript)
take for line ends, as JSON escapes: a record stays one line for every reader."""


def dumps(obj: Any) -> str:
    """Compact, UTF-8-preserving JSON; keys in insertion order (records build them in a fixed order).

    U+0085, U+2028 and U+2029 are escaped (the same JSON value), so that a reader splitting
    lines with ``str.splitlines()`` still sees one record per line.

    >>> line = dumps({"text": "a\\u2028b\\x85c"})
    >>> print(line)
    {"text":"a\\u2028b\\u0085c"}
    >>> len(line.splitlines()), json.loads(line)["text"] == "a\\u2028b\\x85c"
    (1, True)
    """
    line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    if "\u2028" in line or "\u2029" in line or "\x85" in line:
        line = line.translate(_LINE_BREAKS)
    return line


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, gz: bool = False) -> Iterator[IO[str]]:
    """Open ``path`` for text writing; it appears only if the block completes without error."""
    with atomic_writers([(path, gz)]) as (fh,):
        yield fh


_Staged = tuple[Path, str, IO[bytes], "gzip.GzipFile | None", io.TextIOWrapper]
"""A file of :func:`atomic_writers`: destination, temporary name, raw file, gzip layer, text layer."""


@contextlib.contextmanager
def atomic_writers(targets: Sequence[tuple[str | os.PathLike[str], bool]]) -> Iterator[tuple[IO[str], ...]]:
    """Open several files for text writing (``(path, gz)`` each), published together.

    When the block completes, every file is finished first (flushed, its gzip trailer
    written, ``fsync``-ed and closed), and only then are they all renamed into place: a
    full disk, which a network file system may report only at ``fsync`` or ``close``, leaves
    every destination as it was, never a new ``rejected.jsonl`` beside an old
    ``documents.jsonl``. On an error nothing is published and the temporary files are removed.
    An ``OSError`` becomes a :class:`~pipeline.errors.TransientError` naming the file.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     with atomic_writers([(d / "a.jsonl", False), (d / "b.jsonl", True)]) as (a, b):
    ...         _ = a.write("{}\\n")
    ...         raise RuntimeError("stop")
    ... except RuntimeError:
    ...     pass
    >>> sorted(p.name for p in d.iterdir())
    []
    """
    staged: list[_Staged] = []
    dest = Path(targets[0][0]) if targets else Path()
    try:
        for path, gz in targets:
            dest = Path(path)
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
            raw: IO[bytes] = os.fdopen(fd, "wb")
            gzf: gzip.GzipFile | None = None
            stream: IO[bytes] = raw
            if gz:
                # mtime=0 and no file name: the same records give the same bytes.
                gzf = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
                stream = cast(IO[bytes], gzf)
            staged.append((dest, tmp, raw, gzf, io.TextIOWrapper(stream, encoding="utf-8", newline="\n")))
            os.fchmod(fd, file_mode())  # mkstemp creates 0600; output files get the usual mode
        yield tuple(text for *_, text in staged)
        for current, _tmp, out, gzf, text in staged:
            dest = current  # for the message: the file whose fsync or close failed
            text.flush()
            text.detach()  # keep the underlying streams open, closed below
            if gzf is not None:
                gzf.close()  # writes the gzip trailer; does not close ``raw``
            out.flush()
            os.fsync(out.fileno())
            out.close()
        for dest, tmp, *_ in staged:
            os.replace(tmp, dest)
    except OSError as exc:
        _discard_all(staged)
        raise TransientError(f"could not write {dest}: {os_reason(exc, where=False)}") from exc
    except BaseException:
        _discard_all(staged)
        raise


def _discard_all(staged: Sequence[_Staged]) -> None:
    for _dest, tmp, raw, *_ in staged:
        _discard(raw, tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from ``open`` (0666 less the umask): every file docclean writes
    through a temporary file (``mkstemp`` makes it 0600) is given it before it is published."""
    return 0o666 & ~_umask()


def _discard(raw: IO[bytes], tmp: str) -> None:
    with contextlib.suppress(Exception):
        raw.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def write_json(path: str | os.PathLike[str], obj: Any) -> None:
    """Atomically write ``obj`` as indented JSON (for the manifest)."""
    with atomic_writer(path) as fh:
        fh.write(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


def output_positions(kept: list[tuple[int, int]], offsets: list[int]) -> list[int]:
    """For each repaired-text offset, the position in the output text where it lands.

    ``kept`` are the surviving ranges (:func:`pipeline.assemble.kept_ranges`);
    a removed offset lands where the kept text before it ends.

    >>> output_positions([(0, 6), (15, 25)], [7, 15, 30])
    [6, 6, 16]
    """
    out: list[int] = []
    order = sorted(range(len(offsets)), key=lambda i: offsets[i])
    result = [0] * len(offsets)
    done = 0  # output length of the kept ranges wholly before the current offset
    k = 0
    for i in order:
        off = offsets[i]
        while k < len(kept) and kept[k][1] <= off:
            done += kept[k][1] - kept[k][0]
            k += 1
        partial = max(0, off - kept[k][0]) if k < len(kept) and kept[k][0] < off else 0
        result[i] = done + partial
    out.extend(result)
    return out


def record(
    doc: Document,
    kept: list[tuple[int, int]],
    duplicates: tuple[Duplicate, ...],
) -> dict[str, Any]:
    """The output record of ``doc`` (schema ``docclean/1``), keys in :data:`RECORD_KEYS` order.

    ``kept`` are the ranges of the repaired text (``doc.text``) that make the
    output text. Offsets in ``removed``, ``duplicates`` and ``repairs`` point
    into the repaired text; ``at`` is where a removal (or a duplicate) stands
    in the output text.
    """
    src = doc.text
    text = "".join(src[a:b] for a, b in kept)
    removed = sorted(doc.removed, key=lambda s: (s.start, s.end, s.rule))
    dups = sorted(duplicates, key=lambda d: (d.start, d.end))
    ats = output_positions(kept, [s.start for s in removed] + [d.start for d in dups])
    rec: dict[str, Any] = {
        "schema": SCHEMA,
        "id": doc.id,
        "source": doc.source,
        "format": doc.format,
        "url": doc.url,
        "site": doc.site,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "language_score": doc.language_score,
        "text": text,
        "removed": [
            {
                "start": s.start,
                "end": s.end,
                "at": at,
                "category": s.category.value,
                "rule": s.rule,
                "text": src[s.start : s.end],
            }
            for s, at in zip(removed, ats, strict=False)
        ],
        "duplicates": [_duplicate(d, src, at) for d, at in zip(dups, ats[len(removed) :], strict=True)],
        "repairs": [
            {"start": r.start, "end": r.end, "fix": r.fix, "before": r.before, "after": r.after}
            for r in sorted(doc.repairs, key=lambda r: (r.start, r.end, r.fix))
        ],
        "stats": {"chars_in": doc.chars_in, "chars_out": len(text)},
    }
    return rec


def _duplicate(d: Duplicate, src: str, at: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": d.start,
        "end": d.end,
        "at": at,
        "text": src[d.start : d.end],
        "of": d.of,
        "similarity": round(d.similarity, 4),
    }
    if d.of_start >= 0 and d.of_end >= 0:
        out["of_start"] = d.of_start
        out["of_end"] = d.of_end
    return out


def rejection_record(rej: Rejection) -> dict[str, Any]:
    """One line of ``rejected.jsonl``."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "id": rej.id,
        "source": rej.source,
        "reason": rej.reason,
        "message": rej.message,
    }
    if rej.of is not None:
        out["of"] = rej.of
    return out


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one output record (shipped as ``pipeline/schema/record.schema.json``)."""
    text = resources.files("pipeline").joinpath("schema/record.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
