"""Inputs → :class:`~pipeline.document.Document`: discovery, sharding, reading, decoding.

Three steps, each small and picklable so the map side can run anywhere:

1. :func:`discover` turns the command-line inputs (files and folders) into a
   sorted, de-duplicated list of :class:`Source` files.
2. :func:`plan_shards` cuts them into :class:`Shard` work units of about
   ``shard_size`` documents (JSONL files are split by line, WARC files get a
   shard of their own).
3. :func:`read_shard` yields the documents of one shard, in order, as
   :class:`Document` or, for anything that cannot become a document, as a
   :class:`Rejection` with a reason. It never raises for a bad document.

Ids (DESIGN §3): a file's id is its path relative to the input root, without the
root folder's own name and without extension(s); a JSONL record's id is its
``"id"`` field, else ``<file id>:<line>``; a WARC response's id is its
``WARC-Record-ID`` (the bare UUID), else its target URI. See ``docs/inputs.md``.

>>> file_id("seeds/000_584aeddb6693844b.txt")
'000_584aeddb6693844b'
>>> decode_bytes("Price: \\u00a3 5, caf\\u00e9".encode() + b" \\xa3").text
'Price: £ 5, café £'
"""

from __future__ import annotations

import codecs
import errno
import gzip
import json
import logging
import os
import re
import stat
import zlib
from array import array as pyarray
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any, cast, overload
from urllib.parse import urlsplit

from pipeline.config import ReadConfig
from pipeline.document import Document, InputFormat, Rejection, RejectReason
from pipeline.errors import ConfigError, TransientError
from pipeline.writers import MANIFEST_SCHEMA

logger = logging.getLogger(__name__)

__all__ = [
    "Decoded",
    "Discovery",
    "ReadStats",
    "Shard",
    "ShardItem",
    "ShardList",
    "Source",
    "SourceTable",
    "check_inputs",
    "decode_bytes",
    "discover",
    "file_id",
    "normalise_published",
    "open_input",
    "plan_shard_list",
    "plan_shards",
    "read_shard",
    "scan_inputs",
    "url_group",
]

# -- formats -------------------------------------------------------------------------------

_SUFFIX_FORMATS: dict[str, InputFormat] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}

_CHUNK = 1 << 20
"""Read size for line scanning and skipping over-long lines."""

_TRANSIENT_ERRNOS = frozenset(
    {errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EBUSY, errno.ETIMEDOUT, errno.ESTALE}
)
"""OSErrors worth retrying (raised as TransientError). Anything else rejects the one input."""


def _suffix(name: str) -> str:
    """``PurePosixPath(name).suffix`` for a bare file name, without building a path object.

    >>> [_suffix(n) for n in ("a.txt", "..txt", ".txt", "a.", "a", "a.b.txt", "x..")]
    ['.txt', '.txt', '', '', '', '.txt', '']
    """
    i = name.rfind(".")
    if 0 < i < len(name) - 1 and name.strip("."):
        return name[i:]
    return ""


def _stem(name: str) -> str:
    """``PurePosixPath(name).stem`` for a bare file name.

    >>> [_stem(n) for n in ("a.txt", "..txt", ".txt", "a.", "a.b.txt")]
    ['a', '.', '.txt', 'a.', 'a.b']
    """
    suffix = _suffix(name)
    return name[: -len(suffix)] if suffix else name


def _classify(name: str) -> tuple[InputFormat | None, bool, str]:
    """(format or None if unknown, compressed, the known suffix(es) to strip for the id)."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    inner = lower[:-3] if compressed else lower
    suffix = _suffix(inner)
    fmt = _SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        return None, compressed, ""
    return fmt, compressed, suffix + (".gz" if compressed else "")


# -- discovery -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One input file.

    ``rel`` is the posix path relative to the input root, starting with the root
    folder's own name when the input was a folder (``seeds/000_x.txt``), or just
    the file name when the input was a file. ``id`` is the document id derived
    from it (see :func:`file_id`); :func:`discover` sets it, and only differs
    from ``file_id(rel)`` when two inputs would otherwise share an id.
    """

    path: str
    rel: str
    format: InputFormat
    size: int
    compressed: bool
    id: str = ""

    @property
    def doc_id(self) -> str:
        """The id of this file's document (or the prefix of its records' fallback ids)."""
        return self.id or file_id(self.rel)


@dataclass(frozen=True)
class Discovery:
    """What :func:`scan_inputs` found: the sources, and what it skipped inside folders."""

    sources: tuple[Source, ...]
    skipped: tuple[str, ...] = ()


def file_id(rel: str) -> str:
    """The document id of a file: ``rel`` without its root folder and without extension(s).

    Known suffixes (``.txt``, ``.html.gz``, ...) are stripped whole; an unknown one
    only its last part.

    >>> file_id("seeds/000_584aeddb6693844b.txt")
    '000_584aeddb6693844b'
    >>> file_id("corpus/sub/dir/name.html.gz")
    'sub/dir/name'
    >>> file_id("notes.md")
    'notes'
    >>> file_id("corpus/locked/")  # a folder in an input folder that could not be listed
    'locked/'
    """
    parts = [p for p in rel.split("/") if p and p != "."]
    inner = parts[1:] if len(parts) > 1 else parts
    if rel.endswith("/"):  # a folder that could not be listed: no file's id ends with "/"
        return "/".join(inner) + "/"
    name = inner[-1]
    _fmt, compressed, suffix = _classify(name)
    if suffix:
        stem = name[: -len(suffix)]
    else:
        base = name[:-3] if compressed else name
        stem = _stem(base)
    stem = stem or name
    return "/".join((*inner[:-1], stem))


def check_input(raw: str | os.PathLike[str]) -> bool:
    """Whether the named input is a file (True) or a folder (False); a :class:`ConfigError`
    when it is neither (missing, a broken symlink, a device) or is a folder that cannot be
    listed (opened only, not read: checking costs nothing however large the folder).

    >>> import tempfile
    >>> check_input(tempfile.mkdtemp())
    False
    >>> check_input("/nonexistent/input")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: input '/nonexistent/input' does not exist (working directory: ...
    """
    p = Path(raw)
    if not p.exists():
        hint = " (a broken symlink)" if p.is_symlink() else ""
        raise ConfigError(
            f"input {str(raw)!r} does not exist{hint} (working directory: {os.getcwd()}); "
            "name existing files or folders"
        )
    if p.is_file():
        return True
    if p.is_dir():
        try:
            with os.scandir(p):
                pass
        except OSError as exc:
            raise _unlistable_input(exc) from None
        return False
    raise ConfigError(f"input {str(raw)!r} is neither a regular file nor a folder")


def _unlistable_input(exc: OSError) -> ConfigError:
    return ConfigError(f"cannot list input folder {exc.filename}: {exc.strerror or exc}")


def _named_file(p: Path) -> Source:
    """The :class:`Source` of a file named as an input: its ``rel`` is its own name."""
    return _make_source(p, _shown(p.name), explicit=True)


def check_inputs(inputs: Sequence[str | os.PathLike[str]]) -> None:
    """The checks :func:`discover` makes on the named inputs, without walking a folder: each
    one is a file or a folder that can be listed (:func:`check_input`), and no two named files
    map to the same ``rel`` (their ids would collide). A :class:`ConfigError` otherwise, with
    discovery's message. What only a walk finds (a file inside a folder clashing) is left to it.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for sub in ("a", "b"):
    ...     (d / sub).mkdir(); _ = (d / sub / "x.txt").write_text("x")
    >>> check_inputs([d / "a", d / "b" / "x.txt"])
    >>> check_inputs([d / "a" / "x.txt", d / "b" / "x.txt"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: inputs .../a/x.txt and .../b/x.txt both map to 'x.txt'; ...
    """
    found: dict[str, Source] = {}
    by_real: dict[str, str] = {}
    for raw in inputs:
        if check_input(raw):
            _add(found, by_real, _named_file(Path(raw)))


def scan_inputs(inputs: Sequence[str | os.PathLike[str]], exclude: Iterable[str] = ()) -> Discovery:
    """Like :func:`discover`, but also returns the (sorted) rel paths skipped inside folders.

    Folders in ``exclude`` (the run's output and state folders) are skipped where an input
    folder holds them: a run never reads its own output back.
    """
    excluded = frozenset(os.path.realpath(e) for e in exclude)
    found: dict[str, Source] = {}
    by_real: dict[str, str] = {}
    skipped: list[str] = []
    for raw in inputs:
        p = Path(raw)
        if check_input(raw):
            _add(found, by_real, _named_file(p))
        else:
            root = p.resolve()
            root_name = _shown(root.name)
            for src_or_skip in _walk(p, root_name, excluded):
                if isinstance(src_or_skip, str):
                    skipped.append(src_or_skip)
                else:
                    _add(found, by_real, src_or_skip)
    sources = sorted(found.values(), key=lambda s: s.rel)
    sources = _assign_ids(sources)
    if skipped:
        logger.info("skipped %d hidden, unsupported or looping entries inside input folders", len(skipped))
    return Discovery(tuple(sources), tuple(sorted(skipped)))


def discover(inputs: Sequence[str | os.PathLike[str]], exclude: Iterable[str] = ()) -> list[Source]:
    """Find the input files: named files, and supported files inside named folders (recursive).

    Supported: ``.txt .text .html .htm .xhtml`` (each optionally ``.gz``),
    ``.jsonl .ndjson`` (optionally ``.gz``), ``.warc`` / ``.warc.gz``. A file
    named explicitly with another suffix is read as text; inside folders,
    unknown suffixes and hidden files/folders are skipped (logged at debug).
    The result is sorted by ``rel`` (code-point order) and de-duplicated (the
    same file reached twice is kept once, under the smallest ``rel``).

    Raises :class:`~pipeline.errors.ConfigError` for a missing input, or when two
    different files would get the same ``rel``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "news"
    >>> (d / "sub").mkdir(parents=True)
    >>> _ = (d / "b.txt").write_text("x"); _ = (d / "sub" / "a.html.gz").write_bytes(b"")
    >>> _ = (d / "skip.pdf").write_text("x"); _ = (d / ".hidden.txt").write_text("x")
    >>> [(s.rel, s.format, s.compressed, s.doc_id) for s in discover([d])]
    [('news/b.txt', 'text', False, 'b'), ('news/sub/a.html.gz', 'html', True, 'sub/a')]
    """
    return list(scan_inputs(inputs, exclude).sources)


def _make_source(
    p: Path, rel: str, explicit: bool, real: str | None = None, size: int | None = None
) -> Source:
    """A :class:`Source` for ``p``; ``real`` (its resolved path) and ``size`` when already known."""
    fmt, compressed, _suffix = _classify(p.name)
    if fmt is None:
        if not explicit:
            raise ValueError(rel)
        fmt = "text"
    if size is None:
        try:
            size = p.stat().st_size
        except OSError as exc:
            raise ConfigError(f"input {p} cannot be read: {exc.strerror or exc}") from None
    return Source(path=real or str(p.resolve()), rel=rel, format=fmt, size=size, compressed=compressed)


def _shown(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (which Python keeps as lone surrogates,
    and no UTF-8 output can hold) written as ``\\xNN``.

    >>> _shown("caf\\udce9.txt"), _shown("café.txt")
    ('caf\\\\xe9.txt', 'café.txt')
    """
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _docclean_output(folder: str, entries: Sequence[os.DirEntry[str]]) -> bool:
    """Whether ``folder`` (its ``entries``) is a docclean run's output: a ``manifest.json`` of
    docclean's (its schema) beside a ``documents*.jsonl``. Inside an input folder its records would
    be read back as input (an earlier run into ``in/out``, then one of ``in`` into ``in/out2``)."""
    names = {e.name for e in entries}
    if "manifest.json" not in names or not any(n.startswith("documents") and ".jsonl" in n for n in names):
        return False
    try:
        with open(os.path.join(folder, "manifest.json"), "rb") as fh:
            head = fh.read(200)
    except OSError:
        return False
    family = MANIFEST_SCHEMA.split("/")[0]  # any version of it
    return f'"schema": "{family}/'.encode("ascii") in head


def _walk(folder: Path, root_name: str, exclude: frozenset[str] = frozenset()) -> Iterator[Source | str]:
    """Sources and skipped rel paths under ``folder``, depth first in sorted name order.

    One ``scandir`` per folder and one resolve per folder (not per file): a folder of
    100,000 files is listed in about a second. A folder whose real path is a folder above
    it (inside the input or beyond it) or one already walked down to it (links pointing at
    each other), or in ``exclude``, is skipped: symlink loops end. Folders to walk wait on a
    stack, not in nested calls, so a tree thousands of folders deep is walked too.
    """
    Pending = tuple[str, str, frozenset[str]]  # a folder to walk: path, rel, real folders above

    def scan(here: str, prefix: str, path: frozenset[str], below: list[Pending]) -> Iterator[Source | str]:
        """The files of one folder; its sub-folders to walk go to ``below``, in order."""
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if prefix == root_name:  # the input folder itself
                raise _unlistable_input(exc) from None
            # a folder inside it: the rest of the run goes on, and its reader rejects it
            logger.warning("cannot list %s/ (%s): rejected as unreadable", prefix, exc.strerror or exc)
            yield _not_a_file(os.path.realpath(here), prefix + "/")
            return
        if prefix != root_name and _docclean_output(here, entries):
            logger.warning(
                "skipping %s/: another docclean run's output folder (its manifest.json); name its "
                "files to read them",
                prefix,
            )
            yield prefix + "/"
            return
        real_here = os.path.realpath(here)
        path = path | {real_here}  # the real folders walked down to here
        dirs: list[tuple[os.DirEntry[str], str]] = []
        for entry in entries:
            name = _shown(entry.name)
            rel = f"{prefix}/{name}"
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = (
                    os.path.realpath(entry.path) if _is_link(entry) else os.path.join(real_here, entry.name)
                )
                if name.startswith("."):
                    logger.debug("skipping hidden folder %s", rel)
                    yield rel + "/"
                elif real in path or real_here.startswith(real.rstrip(os.sep) + os.sep):
                    logger.warning("skipping %s: a symlink back to a folder above it (%s)", rel, real)
                    yield rel + "/"
                elif real in exclude:
                    logger.info("skipping %s: the run's own output or state folder", rel)
                    yield rel + "/"
                else:
                    dirs.append((entry, name))
                continue
            try:
                regular = entry.is_file()
            except OSError:
                regular = False
            try:
                size = entry.stat().st_size if regular else 0
            except OSError:  # listed, but cannot be looked up (a folder without search permission)
                size = 0  # kept, so that its reader rejects it as unreadable
            # a link to a file that is gone: kept, so that its reader rejects it as unreadable
            broken = not regular and _is_link(entry) and not os.path.exists(entry.path)
            fmt, compressed, _suffix = _classify(name)
            if name.startswith(".") or fmt is None:
                logger.debug("skipping %s (hidden or unsupported suffix)", rel)
                yield rel
                continue
            real = os.path.realpath(entry.path) if _is_link(entry) else os.path.join(real_here, entry.name)
            if not (regular or broken):
                # a named pipe, a socket, a device (opening one could wait for ever), or an
                # entry that cannot be looked up on a file system that lists no types
                logger.warning(
                    "%s is not a regular file (or cannot be looked up): rejected as unreadable", rel
                )
                yield _not_a_file(real, rel)
                continue
            if broken:
                logger.warning("%s is a broken symlink: rejected as unreadable", rel)
            # no Path object per file: pathlib interns every name, and the interned-string
            # table keeps its peak size for the life of the process
            yield Source(path=real, rel=rel, format=fmt, size=size, compressed=compressed)
        # files of a folder come before its sub-folders, as os.walk yielded them
        below.extend((entry.path, f"{prefix}/{name}", path) for entry, name in dirs)

    stack: list[Pending] = [(str(folder), root_name, frozenset())]
    while stack:
        below: list[Pending] = []
        yield from scan(*stack.pop(), below)
        stack.extend(reversed(below))  # the first sub-folder is walked next, whole


def _is_link(entry: os.DirEntry[str]) -> bool:
    """``entry.is_symlink()``, False when that cannot be told: on a file system that lists no
    types, it needs an ``lstat``, which fails in a folder without search permission."""
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _not_a_file(real: str, rel: str) -> Source:
    """A folder entry that is no readable file: a sub-folder that could not be listed (``rel``
    ends with ``/``), a named pipe, a socket or a device. Its ``path`` ends with ``/``, so that
    nothing opens it (``open`` fails at once where a pipe would wait for a writer), and its
    reader rejects it as ``unreadable`` without reading (:func:`_entry_rejection`).

    >>> src = _not_a_file("/data/in/locked", "in/locked/")
    >>> src.path, src.doc_id, src.size
    ('/data/in/locked/', 'locked/', 0)
    """
    return Source(path=real.rstrip(os.sep) + os.sep, rel=rel, format="text", size=0, compressed=False)


def _add(found: dict[str, Source], by_real: dict[str, str], src: Source) -> None:
    real = src.path  # already resolved by _make_source
    other_rel = by_real.get(real)
    if other_rel is not None:
        if src.rel < other_rel:
            del found[other_rel]
            found[src.rel] = src
            by_real[real] = src.rel
        return
    clash = found.get(src.rel)
    if clash is not None:
        raise ConfigError(
            f"inputs {clash.path} and {src.path} both map to {src.rel!r}; their ids would collide. "
            "Name their common parent folder instead, or rename one of them"
        )
    found[src.rel] = src
    by_real[real] = src.rel


COLLISION_EXAMPLES = 3
"""How many renamed files the warning about ids taken by other files names (per input root)."""


def _assign_ids(sources: list[Source]) -> list[Source]:
    """The first source (in rel order) keeps its plain id; later collisions keep their extension.

    One warning per input root (the folder a ``rel`` starts with, or the files named as inputs)
    says how many of its files were renamed, with the first few: two sibling folders of
    ``001.txt``... named together gave one line per file before.
    """
    taken: dict[str, str] = {}  # id -> the root of the file that holds it
    renamed: dict[str, list[tuple[str, str]]] = {}
    across: set[str] = set()  # roots with a file whose id a file of another root holds
    out: list[Source] = []
    for src in sources:
        ident = file_id(src.rel)
        parts = PurePosixPath(src.rel).parts
        root = parts[0] if len(parts) > 1 else ""
        if ident in taken:
            if taken[ident] != root:
                across.add(root)
            ident = "/".join(parts[1:] if len(parts) > 1 else parts)
            renamed.setdefault(root, []).append((src.rel, ident))
        taken[ident] = root
        out.append(Source(src.path, src.rel, src.format, src.size, src.compressed, ident))
    for root, files in sorted(renamed.items()):
        _warn_renamed(root, files, root in across)
    return out


def _warn_renamed(root: str, files: Sequence[tuple[str, str]], across: bool) -> None:
    shown = ", ".join(f"{rel} -> {ident}" for rel, ident in files[:COLLISION_EXAMPLES])
    more = f" and {len(files) - COLLISION_EXAMPLES} more" if len(files) > COLLISION_EXAMPLES else ""
    hint = "; name their common parent folder as the input to keep the ids apart" if across else ""
    logger.warning(
        "%s: %d file(s) keep their extension in their id, as another file took the plain id (%s%s)%s",
        f"{root}/" if root else "files named as inputs",
        len(files),
        shown,
        more,
        hint,
    )


_FORMAT_CODES: tuple[InputFormat, ...] = ("text", "html", "jsonl", "warc")


class SourceTable(Sequence[Source]):
    """Sources stored in columns; ``table[i]`` builds the :class:`Source` on demand.

    A run over hundreds of thousands of one-document files would otherwise keep one
    object (and three strings) per file, about 500 bytes, for the whole run, and every
    forked worker would inherit them. Here a file costs its two paths' characters plus
    about 20 bytes: paths are joined into one string each, sizes and kinds are arrays,
    and only ids that differ from :func:`file_id` are kept (in a dict).

    >>> a = Source("/x/a.txt", "in/a.txt", "text", 3, False, "a")
    >>> b = Source("/x/b.html.gz", "in/b.html.gz", "html", 5, True, "b.html.gz")
    >>> t = SourceTable([a, b])
    >>> len(t), t[0] == a, t[-1] == b, list(t) == [a, b], t.rel(1), t.format(1)
    (2, True, True, True, 'in/b.html.gz', 'html')
    """

    def __init__(self, sources: Iterable[Source]) -> None:
        paths: list[str] = []
        rels: list[str] = []
        self._path_ends = pyarray("Q")
        self._rel_ends = pyarray("Q")
        self._sizes = pyarray("Q")
        kinds = bytearray()
        self._ids: dict[int, str] = {}
        path_end = rel_end = 0
        for i, src in enumerate(sources):
            paths.append(src.path)
            rels.append(src.rel)
            path_end += len(src.path)
            rel_end += len(src.rel)
            self._path_ends.append(path_end)
            self._rel_ends.append(rel_end)
            self._sizes.append(src.size)
            kinds.append(2 * _FORMAT_CODES.index(src.format) + int(src.compressed))
            if src.id != file_id(src.rel):
                self._ids[i] = src.id
        self._paths = "".join(paths)
        self._rels = "".join(rels)
        self._kinds = bytes(kinds)

    def __len__(self) -> int:
        return len(self._sizes)

    def _span(self, ends: pyarray[int], i: int) -> tuple[int, int]:
        return (ends[i - 1] if i else 0), ends[i]

    def rel(self, i: int) -> str:
        """The ``rel`` of source ``i`` (without building the whole :class:`Source`)."""
        start, end = self._span(self._rel_ends, i)
        return self._rels[start:end]

    def set_id(self, i: int, ident: str) -> None:
        """Give source ``i`` the document id ``ident`` (an id an earlier run's input has already:
        see ``pipeline.run.plan``).

        >>> t = SourceTable([Source("/x/n2/001.txt", "n2/001.txt", "text", 3, False, "001")])
        >>> t.set_id(0, "n2/001"); t[0].id
        'n2/001'
        """
        if ident == file_id(self.rel(i)):
            self._ids.pop(i, None)
        else:
            self._ids[i] = ident

    def size(self, i: int) -> int:
        """The size in bytes of source ``i``."""
        return self._sizes[i]

    def format(self, i: int) -> InputFormat:
        """The format of source ``i`` (without building the whole :class:`Source`)."""
        return _FORMAT_CODES[self._kinds[i] // 2]

    @overload
    def __getitem__(self, i: int) -> Source: ...

    @overload
    def __getitem__(self, i: slice) -> list[Source]: ...

    def __getitem__(self, i: int | slice) -> Source | list[Source]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        start, end = self._span(self._path_ends, i)
        rel = self.rel(i)
        kind = self._kinds[i]
        ident = self._ids.get(i)
        return Source(
            path=self._paths[start:end],
            rel=rel,
            format=_FORMAT_CODES[kind // 2],
            size=self._sizes[i],
            compressed=bool(kind % 2),
            id=file_id(rel) if ident is None else ident,
        )


# -- sharding ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShardItem:
    """A slice of one source: the whole file, or ``count`` lines of a JSONL file.

    ``start_line`` is the 0-based index of the first line; ``start_byte`` its byte
    offset (0 for gzip files, whose reader skips ``start_line`` lines instead).
    ``count`` is ``None`` for "to the end".
    """

    source: Source
    start_byte: int = 0
    start_line: int = 0
    count: int | None = None


@dataclass(frozen=True)
class Shard:
    """A unit of parallel work: a few items, picklable and small."""

    index: int
    items: tuple[ShardItem, ...]


PieceSpec = tuple[int, int, int, "int | None"]
"""A planned :class:`ShardItem` by source index: ``(index, start_byte, start_line, count)``."""

ShardSpec = tuple["range | PieceSpec", ...]
"""A planned shard: runs of whole files (``range`` of source indices) and JSONL pieces."""


def plan_shards(sources: Iterable[Source], shard_size: int) -> list[Shard]:
    """Cut sources into shards of about ``shard_size`` documents, keeping input order.

    Text and HTML files count one document each; a JSONL file counts its lines
    and is split across shards by line (its newline offsets are scanned once);
    a WARC file is a shard of its own. A file that cannot be scanned becomes one
    whole-file item (its reader then rejects it).

    >>> src = Source("/x/a.txt", "a.txt", "text", 3, False)
    >>> [len(s.items) for s in plan_shards([src] * 5, 2)]
    [2, 2, 1]
    """
    srcs = list(sources)
    return list(ShardList(srcs, _shard_specs(srcs, range(len(srcs)), shard_size)))


def _shard_specs(
    sources: Sequence[Source],
    indices: Iterable[int],
    shard_size: int,
    starts: Mapping[int, tuple[int, int]] | None = None,
) -> list[ShardSpec]:
    """The shards of :func:`plan_shards` over ``sources[i] for i in indices``, as compact specs.

    Consecutive whole files become one ``range``, so a plan over 200,000 one-document
    files holds about one small tuple per shard, not an object per file. ``starts``: per
    index of an uncompressed JSONL source, the ``(byte offset, line index)`` to read it from
    (the lines an earlier run read are left out).

    >>> src = Source("/x/a.txt", "a.txt", "text", 3, False)
    >>> _shard_specs([src] * 5, [0, 1, 3, 4], 3)
    [(range(0, 2), range(3, 4)), (range(4, 5),)]
    """
    size = max(1, int(shard_size))
    specs: list[ShardSpec] = []
    pending: list[range | PieceSpec] = []
    room = size

    def flush() -> None:
        nonlocal pending, room
        if pending:
            specs.append(tuple(pending))
        pending, room = [], size

    def whole(i: int) -> None:
        last = pending[-1] if pending else None
        if isinstance(last, range) and last.stop == i:
            pending[-1] = range(last.start, i + 1)
        else:
            pending.append(range(i, i + 1))

    kind = sources.format if isinstance(sources, SourceTable) else (lambda i: sources[i].format)
    for i in indices:
        fmt = kind(i)  # one-document files need no Source object (a table builds one per call)
        if fmt == "warc":
            flush()
            whole(i)
            flush()
            continue
        if fmt == "jsonl":
            src = sources[i]
            try:
                pieces = _jsonl_pieces(src, room, size, (starts or {}).get(i, (0, 0)))
            except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
                logger.debug("cannot scan %s (%s); it becomes one item", src.rel, exc)
            else:
                for item in pieces:
                    assert item.count is not None
                    pending.append((i, item.start_byte, item.start_line, item.count))
                    room -= item.count
                    if room <= 0:
                        flush()
                continue
        whole(i)
        room -= 1
        if room <= 0:
            flush()
    flush()
    return specs


class ShardList(Sequence[Shard]):
    """Planned shards, each built (with its :class:`ShardItem` objects) only when asked for.

    >>> src = Source("/x/a.txt", "a.txt", "text", 3, False)
    >>> shards = ShardList([src] * 5, [(range(0, 2),), ((4, 0, 0, 7),)])
    >>> len(shards), shards[1].index, shards[1].items[0].count, shards.documents()
    (2, 1, 7, 9)
    """

    def __init__(self, sources: Sequence[Source], specs: Sequence[ShardSpec]) -> None:
        self.sources = sources
        self.specs = tuple(specs)

    def __len__(self) -> int:
        return len(self.specs)

    @overload
    def __getitem__(self, k: int) -> Shard: ...

    @overload
    def __getitem__(self, k: slice) -> list[Shard]: ...

    def __getitem__(self, k: int | slice) -> Shard | list[Shard]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self.specs)
        items: list[ShardItem] = []
        for part in self.specs[k]:
            if isinstance(part, range):
                items.extend(ShardItem(self.sources[i]) for i in part)
            else:
                i, start_byte, start_line, count = part
                items.append(ShardItem(self.sources[i], start_byte, start_line, count))
        return Shard(k, tuple(items))

    def documents(self) -> int:
        """Documents planned (an estimate: a whole file counts one, a JSONL piece its lines)."""
        return sum(
            len(part) if isinstance(part, range) else (part[3] if part[3] is not None else 1)
            for spec in self.specs
            for part in spec
        )


def plan_shard_list(
    sources: Sequence[Source],
    shard_size: int,
    indices: Iterable[int] | None = None,
    starts: Mapping[int, tuple[int, int]] | None = None,
) -> ShardList:
    """Like :func:`plan_shards` (over ``sources[i] for i in indices``, default all), built lazily;
    ``starts`` as for :func:`_shard_specs`.

    >>> src = Source("/x/a.txt", "a.txt", "text", 3, False)
    >>> shards = plan_shard_list([src] * 5, 2, [0, 2, 4])
    >>> [[item.source.rel for item in shard.items] for shard in shards]
    [['a.txt', 'a.txt'], ['a.txt']]
    """
    chosen = range(len(sources)) if indices is None else indices
    return ShardList(sources, _shard_specs(sources, chosen, shard_size, starts))


def _jsonl_pieces(src: Source, first: int, size: int, origin: tuple[int, int] = (0, 0)) -> list[ShardItem]:
    """Split a JSONL file into items: ``first`` lines, then ``size`` lines each.

    ``origin``: ``(byte offset, line index)`` of a line start to split from (an uncompressed
    file that grew since an earlier run read it up to there); the lines before it are left out.
    An uncompressed file is split as far as ``src.size``, the size the run planned with (and
    checksummed): lines appended since are the next incremental run's.
    """
    with _Opened(src) as fh:
        total = origin[1]  # lines started so far
        pos = origin[0]  # byte offset of the stream position
        if pos:
            fh.seek(pos)
        boundaries: list[tuple[int, int]] = [(total, pos)]  # (line index, byte offset) of piece starts
        next_cut = total + first
        last_byte = b""
        while True:
            room = _CHUNK if src.compressed else min(_CHUNK, src.size - pos)
            chunk = fh.read(room) if room > 0 else b""
            if not chunk:
                break
            last_byte = chunk[-1:]
            n = chunk.count(b"\n")
            if total + n < next_cut:
                total += n
            else:
                start = 0
                while True:
                    i = chunk.find(b"\n", start)
                    if i < 0:
                        break
                    total += 1
                    if total == next_cut:
                        boundaries.append((total, pos + i + 1))
                        next_cut += size
                    start = i + 1
            pos += len(chunk)
    lines = total + (1 if last_byte not in (b"", b"\n") else 0)
    if boundaries[-1][0] >= lines and len(boundaries) > 1:
        boundaries.pop()
    items: list[ShardItem] = []
    for k, (line, offset) in enumerate(boundaries):
        end = boundaries[k + 1][0] if k + 1 < len(boundaries) else lines
        items.append(ShardItem(src, 0 if src.compressed else offset, line, end - line))
    return items


# -- decoding ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how: ``encoding`` is a codec name, or ``utf-8+cp1252`` for mixed input."""

    text: str
    encoding: str


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG-style aliases: declared labels that browsers read as a superset codec.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.+-]{1,40})""", re.I)
_HEAD_BYTES = 8192


def _codec(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Python codecs that are no charset: bytes-to-bytes ones (base64, zlib, ...) and "undefined",
    # which fails on any input (with a UnicodeError no decoding step expects)
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return None
    return info.name


def declared_charsets(data: bytes) -> list[str]:
    """Charsets declared in an HTML/XHTML head (``<meta charset>``, http-equiv, ``<?xml encoding>``).

    A UTF-16 or UTF-32 label in the document is read as UTF-8, as browsers do (WHATWG
    prescan): the bytes that declare it are ASCII, so the document is not UTF-16 (a real
    UTF-16 page starts with a byte-order mark, which wins before any declaration).

    >>> declared_charsets(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')
    ['koi8-r']
    >>> declared_charsets(b"<meta charset='utf-16'><meta charset=UTF-32LE>")
    ['utf-8']
    """
    head = data[:_HEAD_BYTES]
    out: list[str] = []
    for rx in (_META_CHARSET, _XML_ENCODING):
        for m in rx.finditer(head):
            codec = _codec(m.group(1).decode("ascii", "replace"))
            if codec and _is_wide(codec):
                codec = "utf-8"  # WHATWG prescan: a UTF-16 page has a BOM; this label means UTF-8
            if codec and codec not in out:
                out.append(codec)
    return out


def _is_wide(codec: str) -> bool:
    """True for a UTF-16/UTF-32 codec name (as :func:`codecs.lookup` spells it)."""
    return codec.startswith(("utf-16", "utf-32"))


_ESCAPED = re.compile("[\udc80-\udcff]")


def _cp1252_byte(m: re.Match[str]) -> str:
    """A byte escaped by ``surrogateescape``, read as cp1252 (latin-1 for its 5 undefined bytes)."""
    b = bytes([ord(m.group()) - 0xDC00])
    try:
        return b.decode("cp1252")
    except UnicodeDecodeError:
        return b.decode("latin-1")


def _utf8_with_cp1252(data: bytes) -> tuple[str, int, int]:
    """UTF-8 with each invalid byte read as cp1252; also (invalid bytes, valid non-ASCII chars)."""
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    return _ESCAPED.sub(_cp1252_byte, escaped), bad, non_ascii - bad


# Step 5 of decode_bytes: charset-normalizer ranks single-byte Latin code pages by how
# "chaotic" and how language-like their readings are, but those scores often tie between
# cp1250 and cp1252 (and its tie-break favours cp1250), so Western European text came out
# as "crčme ŕ la" and Czech text would come out as "pøíliš" if the tie were simply broken
# the other way. Among the Latin code pages it finds plausible, the reading whose accented
# letters fit one language's alphabet best wins; a tie goes to cp1252 (Western European
# legacy text is by far the most common), then to Central European cp1250.

_LATIN_LEGACY = ("cp1252", "cp1250", "iso8859_2", "cp1254")
"""The Latin code pages step 5 chooses between, most common in web text first (ties go first).

cp1252 stands for latin-1 and iso-8859-15 too; the first three are always tried, cp1254
only when charset-normalizer finds it plausible. Another Latin best guess (Baltic cp1257,
a DOS or Mac code page) is tried last and must fit strictly better."""

_LATIN_OTHER = frozenset(
    {
        "latin_1",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "cp1257",
        "cp1258",
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp857",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "hp_roman8",
        "mac_croatian",
        "mac_iceland",
        "mac_latin2",
        "mac_roman",
        "mac_romanian",
        "mac_turkish",
    }
)
"""Other charset-normalizer names whose readings are Latin script: a best guess among these
(or in :data:`_LATIN_LEGACY`) is checked against the legacy code pages."""

_CHAOS_MARGIN = 0.1
"""A code page is a candidate if charset-normalizer's chaos for it is within this of the best's."""

_ALPHABETS: tuple[str, ...] = tuple(
    letters + letters.upper()
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áàâãçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü",  # Catalan
        "áéëèïíóöüú",  # Dutch
        "åäöé",  # Swedish, Finnish
        "æøåéó",  # Danish, Norwegian
        "áðéíóúýþæö",  # Icelandic
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "ąćęłńóśźż",  # Polish
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Bosnian, Serbian (Latin), Slovene
        "ăâîşţșț",  # Romanian
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äõöüšž",  # Estonian
        "âçğıîöşüû",  # Turkish
    )
)
"""The accented letters each language (or group) writes; a reading should fit one of them."""

_NEUTRAL_LETTERS = frozenset("ªºµİ")
"""Non-ASCII letters that say nothing about the language (ordinals, micro; İ lower-cases oddly)."""

_IN_WORD_BAD = frozenset({"Sm", "Sc", "So", "No", "Po"})
"""Categories of a character that has no business between two letters (``mo¿e``, ``ci¹gu``)."""


def _misfit(text: str) -> int:
    """How badly a reading of legacy bytes fits one language: lower is better.

    Counts accented letters outside the best-fitting alphabet of :data:`_ALPHABETS`,
    control characters and combining marks, and symbols wedged between two letters.

    >>> _misfit("Café crème à la française"), _misfit("Café crčme ŕ la française")
    (0, 1)
    >>> _misfit("Příliš žlutoučký kůň"), _misfit("Pøíliš žlutouèký kùò")
    (0, 4)
    >>> _misfit("może ciągu"), _misfit("mo¿e ci¹gu")
    (0, 2)
    """
    import unicodedata

    letters: dict[str, int] = {}
    bad = 0
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch < "\x80" or ch in _NEUTRAL_LETTERS:
            continue
        if ch.isalpha():
            letters[ch] = letters.get(ch, 0) + 1
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Co", "Mn") or (
            cat in _IN_WORD_BAD
            and ch != "·"
            and 0 < i < last
            and text[i - 1].isalpha()
            and text[i + 1].isalpha()
        ):
            bad += 1
    if letters:
        total = sum(letters.values())
        bad += total - max(sum(n for ch, n in letters.items() if ch in alphabet) for alphabet in _ALPHABETS)
    return bad


def _legacy_guess(data: bytes) -> tuple[str, str] | None:
    """Step 5 of :func:`decode_bytes`: (text, codec) from charset-normalizer, or None.

    When its best guess is a Latin code page, the plausible Latin legacy code pages are
    compared by :func:`_misfit`; a tie goes to the first in :data:`_LATIN_LEGACY` (cp1252).

    >>> _legacy_guess("Le maître d'hôtel a servi une crème brûlée à la fin du dîner.".encode("cp1252"))
    ("Le maître d'hôtel a servi une crème brûlée à la fin du dîner.", 'cp1252')
    >>> _legacy_guess("Ministr řekl, že se ceny energií příští rok nezvýší.".encode("cp1250"))[1]
    'cp1250'
    """
    try:
        import charset_normalizer

        matches = list(charset_normalizer.from_bytes(data))
    except Exception:  # pragma: no cover - defensive: a detector bug must not lose the document
        logger.debug("charset-normalizer failed", exc_info=True)
        return None
    if not matches or not matches[0].encoding:
        return None
    best = matches[0]
    if best.encoding not in _LATIN_OTHER and best.encoding not in _LATIN_LEGACY:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            return None
    plausible = {c for m in matches if m.chaos <= best.chaos + _CHAOS_MARGIN for c in m.could_be_from_charset}
    ordered = [c for c in _LATIN_LEGACY if c != "cp1254" or c in plausible]
    if best.encoding not in ordered:
        ordered.append(best.encoding)
    return _best_latin(data, ordered)


def _best_latin(data: bytes, codecs: Sequence[str]) -> tuple[str, str] | None:
    """(text, codec) for the first of ``codecs`` with the lowest :func:`_misfit`; None if none decodes.

    >>> _best_latin("Zażółć gęślą jaźń".encode("cp1250"), ("cp1252", "cp1250"))
    ('Zażółć gęślą jaźń', 'cp1250')
    """
    choice: tuple[int, str, str] | None = None
    for codec in codecs:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _misfit(text[:65536])  # a sample: the letters of a language show early
        if choice is None or score < choice[0]:
            choice = (score, text, codec)
    return None if choice is None else (choice[1], choice[2])


def decode_bytes(data: bytes, declared: Sequence[str] = (), html: bool = False) -> Decoded:
    """Decode input bytes, in this order of evidence.

    1. a byte-order mark: that codec;
    2. strict UTF-8;
    3. the ``declared`` charsets (e.g. HTTP ``Content-Type``), then for HTML the
       ``<meta>``/``<?xml?>`` declaration, each decoded strictly (a UTF-16/32 label
       on bytes without a NUL is ignored; in the document it means UTF-8, as in browsers);
    4. mostly valid UTF-8 (at least as many valid multi-byte characters as bad
       bytes, or some and at most 1 bad byte in 200): UTF-8, each stray byte read as
       cp1252; no valid multi-byte character and at most 1 bad byte in 200: cp1252, cp1250
       or iso-8859-2, whichever fits a language best (see 5), cp1252 on a tie;
    5. charset-normalizer's guess; when that is a Latin code page, the plausible
       Latin code pages (cp1252, cp1250, iso-8859-2, cp1254) are compared and the one
       whose accented letters best fit a single language wins, cp1252 on a tie;
    6. UTF-8 with every bad byte as cp1252 (always succeeds; garbage is caught later).

    >>> decode_bytes(b"\\xef\\xbb\\xbfhi").encoding
    'utf-8-sig'
    >>> decode_bytes("Stra\\u00dfe".encode("cp1252") + b"<meta charset=latin-1>", html=True).text[:6]
    'Straße'
    >>> decode_bytes("Caf\\u00e9 cr\\u00e8me \\u00e0 la fran\\u00e7aise, ni\\u00f1o.".encode("latin-1")).text
    'Café crème à la française, niño.'
    >>> decode_bytes(b"<meta charset=utf-16><p>na\\xefve</p>", html=True).text
    '<meta charset=utf-16><p>naïve</p>'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = "utf-8-sig" if codec == "utf-8" else codec
            return Decoded(data[len(bom) :].decode(codec, "replace"), name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [c for c in (_codec(d) for d in declared) if c]
    if html:
        candidates += declared_charsets(data)
    for codec in candidates:
        if codec == "utf-8" or (_is_wide(codec) and b"\x00" not in data):
            continue
        try:
            return Decoded(data.decode(codec), codec)
        except (UnicodeDecodeError, LookupError):
            logger.debug("declared charset %s does not fit the bytes", codec)
    mixed, bad, good = _utf8_with_cp1252(data)
    if good >= bad or (good and bad * 200 <= len(data)):
        return Decoded(mixed, "utf-8+cp1252")
    if bad * 200 <= len(data):  # no UTF-8 at all and few high bytes: a detector guesses wildly
        sparse = _best_latin(data, _LATIN_LEGACY[:3])
        return Decoded(*sparse) if sparse else Decoded(mixed, "utf-8+cp1252")
    guess = _legacy_guess(data)
    if guess is not None:
        return Decoded(*guess)
    return Decoded(mixed, "utf-8+cp1252")


_NEWLINES = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_SPACE = re.compile(r"\S")


def _normalise_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def _looks_binary(text: str) -> bool:
    """True when more than 10% of the first 64K characters are control characters."""
    sample = text[:65536]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) * 10 > len(sample)


def _too_empty(text: str, min_chars: int) -> bool:
    need = max(1, min_chars)
    return all(n < need for n, _m in enumerate(_NON_SPACE.finditer(text), start=1))


# -- metadata helpers ----------------------------------------------------------------------


def url_group(url: str | None) -> str | None:
    """The site a URL belongs to: its host, lower-case, without a leading ``www.``.

    >>> url_group("https://WWW.Example.com:8080/a?b=1")
    'example.com'
    >>> url_group("not a url") is None
    True
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") and len(host) > 4 else host


_TIMESTAMP = re.compile(r"[1-9][0-9]{8,9}(?:\.[0-9]+)?|[1-9][0-9]{12}")
"""A Unix timestamp written as a string: 9-10 digits of seconds (1973-2286), 13 of milliseconds.
(8 digits are ``%Y%m%d``; 10 digits that read as ``%Y%m%d%H``, 12 as ``%Y%m%d%H%M``, are no
timestamp: see :func:`_compact_datetime`.)"""


def _compact_datetime(s: str) -> bool:
    """Whether a digit string starts with a plausible ``%Y%m%d`` date (years 1900-2099): a compact
    date-time ("2019112007"), which a timestamp of that many digits would misread (2033-12-25).

    >>> _compact_datetime("2019112007"), _compact_datetime("1574233228")
    (True, False)
    """
    try:
        return 1900 <= datetime.strptime(s[:8], "%Y%m%d").year <= 2099
    except ValueError:
        return False


def _from_timestamp(value: float) -> str:
    """The UTC datetime of a Unix timestamp in seconds, or in milliseconds from 10**11 on (seconds
    that large are past the year 5000); the value as given when out of range.

    >>> _from_timestamp(0.5e9), _from_timestamp(1e20), _from_timestamp(10**400)[:5]
    ('1985-11-05T00:53:20+00:00', '1e+20', '10000')
    """
    try:
        seconds = value / 1000 if value >= 10**11 else value
        return datetime.fromtimestamp(float(seconds), tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return str(value)


_DATE_FORMATS = ("%Y/%m/%d", "%d.%m.%Y", "%Y%m%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def normalise_published(value: object) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) or datetime string when parseable, else the value as given.

    >>> normalise_published("2019-11-20T07:00:28Z")
    '2019-11-20T07:00:28+00:00'
    >>> normalise_published("Wed, 20 Nov 2019 07:00:28 GMT")
    '2019-11-20T07:00:28+00:00'
    >>> normalise_published("2019/11/20"), normalise_published("sometime in May")
    ('2019-11-20', 'sometime in May')

    Unix timestamps, in seconds or in milliseconds (JavaScript's), as numbers or digit strings:

    >>> normalise_published(1574233228), normalise_published("1574233228000")
    ('2019-11-20T07:00:28+00:00', '2019-11-20T07:00:28+00:00')

    A compact date as a number is a date, as its string is:

    >>> normalise_published(20191120), normalise_published("20191120")
    ('2019-11-20', '2019-11-20')
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int) and _compact_datetime(str(value)):
        return normalise_published(str(value))  # a compact date as a JSON number: 20191120
    if isinstance(value, int | float):
        return _from_timestamp(value) if value > 10**8 else str(value)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    if _TIMESTAMP.fullmatch(s) and not _compact_datetime(s):
        return _from_timestamp(float(s))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            return date.fromisoformat(s).isoformat()
        except ValueError:
            return s
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s)
        return dt.isoformat() if ":" in s else dt.date().isoformat()  # no time given: a date
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return s


def _str_field(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _parent_group(rel: str) -> str:
    """The folder part of ``rel`` ("" for none).

    >>> _parent_group("news/2020/a.txt"), _parent_group("a.txt")
    ('news/2020', '')
    """
    return rel.rpartition("/")[0]


# -- reading -------------------------------------------------------------------------------


@dataclass
class ReadStats:
    """Things read_shard passed over without a rejection (pass one in to collect them)."""

    blank_lines: int = 0
    skipped_records: dict[str, int] = field(default_factory=dict)

    def skip(self, kind: str) -> None:
        self.skipped_records[kind] = self.skipped_records.get(kind, 0) + 1


class _Reject(Exception):
    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(message)
        self.reason: RejectReason = reason


class NotRegularFile(OSError):
    """An input that is no regular file when it is opened: a named pipe, a socket, a device or a
    folder put in its place after the run found it (see :func:`open_input`)."""


def _kind_of(mode: int) -> str:
    """What a file that is not regular is, for a message: ``a named pipe``, ``a folder``...

    >>> _kind_of(stat.S_IFIFO), _kind_of(stat.S_IFDIR)
    ('a named pipe', 'a folder')
    """
    if stat.S_ISDIR(mode):
        return "a folder"
    return next((name for test, name in _FILE_KINDS if test(mode)), "an unusual file")


def open_input(path: str, buffering: int = -1) -> IO[bytes]:
    """Open an input file to read, never waiting for a writer: discovery refuses named pipes,
    but a file can be swapped for one after it, and ``open`` of a pipe blocks until something
    writes to it. The file is opened non-blocking (which opening a pipe needs), looked at with
    ``fstat`` on the open descriptor (no race), and anything but a regular file raises
    :class:`NotRegularFile`; a regular file is then set back to blocking reads.

    >>> import tempfile
    >>> d = tempfile.mkdtemp(); os.mkfifo(d + "/feed.jsonl")
    >>> open_input(d + "/feed.jsonl")
    Traceback (most recent call last):
    ...
    pipeline.readers.NotRegularFile: not a regular file (a named pipe)
    >>> open_input(d)
    Traceback (most recent call last):
    ...
    pipeline.readers.NotRegularFile: not a regular file (a folder)
    """
    fd = open_regular(path)
    try:
        return os.fdopen(fd, "rb", buffering=buffering)
    except BaseException:
        os.close(fd)
        raise


def open_regular(path: str) -> int:
    """:func:`open_input`'s checks, returning the raw file descriptor (the caller closes it):
    reading small files through ``os.read`` skips the file object, which cost more than the
    read itself (20,000 news articles: 0.33 s through file objects, 0.07 s with descriptors)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"not a regular file ({_kind_of(mode)})")
        os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


_MAX_READ = 1 << 30
"""At most this many bytes per ``os.read`` call (Linux returns at most ~2 GiB from one)."""


def read_upto(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes from ``fd``: fewer only at the end of the file (``os.read`` may return
    fewer than asked for before it, this does not).

    >>> r, w = os.pipe(); _ = os.write(w, b"abcdef"); os.close(w)
    >>> read_upto(r, 4), read_upto(r, 4), read_upto(r, 4)
    (b'abcd', b'ef', b'')
    """
    first = os.read(fd, min(n, _MAX_READ))
    if len(first) == n or not first:
        return first
    parts = [first]
    got = len(first)
    while got < n:
        chunk = os.read(fd, min(n - got, _MAX_READ))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_regular(path: str, limit: int, expected: int | None = None) -> bytes | None:
    """:func:`_read_limited` of an uncompressed input file opened with :func:`open_regular`:
    up to ``limit`` bytes, None if there are more (``expected``: its size from ``stat``).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as fh:
    ...     _ = fh.write(b"x" * 10)
    >>> read_regular(fh.name, 10, 10), read_regular(fh.name, 9, 10), read_regular(fh.name, 20, 4)
    (b'xxxxxxxxxx', None, b'xxxxxxxxxx')
    """
    fd = open_regular(path)
    try:
        if expected is None or expected >= limit:
            data = read_upto(fd, limit + 1)
        else:
            data = read_upto(fd, expected + 1)
            if len(data) > expected:  # the file grew since it was looked at: read on to the limit
                data += read_upto(fd, limit + 1 - len(data))
    finally:
        os.close(fd)
    return None if len(data) > limit else data


class _Opened:
    """Context manager opening a source (gunzipping if needed) and closing both layers."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.raw: IO[bytes] | None = None
        self.fh: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        raw = open_input(self.src.path)
        self.raw = raw
        fh = cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb")) if self.src.compressed else raw
        self.fh = fh
        return fh

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None and self.fh is not self.raw:
            self.fh.close()
        if self.raw is not None:
            self.raw.close()


def _read_limited(fh: IO[bytes], limit: int, expected: int | None = None) -> bytes | None:
    """Up to ``limit`` bytes; None if there are more.

    ``expected``: the size the file should have (from ``stat``), so that a small file is not
    read into a buffer of ``limit`` bytes; a file that grew since is still read to the end.
    """
    if expected is None or expected >= limit:
        data = fh.read(limit + 1)
    else:
        data = fh.read(expected + 1)
        if len(data) > expected:
            data += fh.read(limit + 1 - len(data))
    return None if len(data) > limit else data


def _io_failure(exc: BaseException, what: str, doing: str = "read") -> _Reject:
    if isinstance(exc, NotRegularFile):  # worded as discovery's rejection (_entry_rejection)
        return _Reject("unreadable", f"{what}: {exc}: not read")
    if isinstance(exc, OSError) and exc.errno in _TRANSIENT_ERRNOS:
        raise TransientError(f"{what}: {exc.strerror or exc} (transient, retry)") from exc
    if isinstance(exc, OSError) and exc.strerror:
        detail = exc.strerror
    else:
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return _Reject("unreadable", f"{what}: cannot {doing} ({detail})")


_READ_ERRORS = (OSError, EOFError, zlib.error, gzip.BadGzipFile)


def read_shard(
    shard: Shard, cfg: ReadConfig, stats: ReadStats | None = None
) -> Iterator[Document | Rejection]:
    """Yield the documents of one shard in order; bad inputs become :class:`Rejection`.

    Rejection reasons: ``binary`` (NUL bytes or mostly control characters),
    ``too_large`` (over ``cfg.max_bytes``), ``empty`` (fewer than
    ``cfg.min_chars`` non-space characters), ``malformed_jsonl`` (bad JSON, not an
    object, no ``"text"``/``"html"`` string, invalid UTF-8), ``unreadable``
    (I/O error, bad gzip or WARC). Retryable I/O errors raise
    :class:`~pipeline.errors.TransientError`. Pass ``stats`` to count blank
    JSONL lines and skipped WARC records.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "in"; d.mkdir()
    >>> _ = (d / "a.txt").write_bytes(b"Hello\\r\\nworld")
    >>> _ = (d / "b.txt").write_bytes(b"   ")
    >>> [(x.id, type(x).__name__, getattr(x, "raw", getattr(x, "reason", None)))
    ...  for x in read_shard(plan_shards(discover([d]), 10)[0], ReadConfig())]
    [('a', 'Document', 'Hello\\nworld'), ('b', 'Rejection', 'empty')]
    """
    stats = stats if stats is not None else ReadStats()
    for item in shard.items:
        src = item.source
        fmt = src.format
        if src.path.endswith(os.sep):  # see _not_a_file
            yield _entry_rejection(src)
        elif src.compressed and src.size == 0:
            # gzip reads an empty file as empty data: a document (or a whole dump) would vanish
            message = f"{src.rel}: cannot read (0 bytes: no gzip data, a file cut short?)"
            yield Rejection(src.doc_id, src.rel, "unreadable", message, (src.rel, 0))
        elif fmt == "jsonl":
            yield from _read_jsonl(item, cfg, stats)
        elif fmt == "warc":
            yield from _read_warc(item.source, cfg, stats)
        else:
            yield _read_file(item.source, cfg)


_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _entry_rejection(src: Source) -> Rejection:
    """The ``unreadable`` rejection of a folder entry that is no readable file (see
    :func:`_not_a_file`), saying what it is now, without opening it."""
    path = src.path.rstrip(os.sep)
    folder = src.rel.endswith("/")
    try:
        mode = os.stat(path).st_mode
        if folder and stat.S_ISDIR(mode):
            with os.scandir(path):
                pass
            message = f"{src.rel}: could not be listed when the run was planned: the files in it are not read"
        else:
            kind = next((f"({name})" for test, name in _FILE_KINDS if test(mode)), "when the run was planned")
            message = f"{src.rel}: not a regular file {kind}: not read"
    except OSError as exc:
        message = str(_io_failure(exc, src.rel, "list this folder" if folder else "read"))
        if folder:
            message += ": the files in it are not read"
    return Rejection(src.doc_id, src.rel, "unreadable", message, (src.rel, 0))


def _read_file(src: Source, cfg: ReadConfig) -> Document | Rejection:
    ident = src.doc_id
    order = (src.rel, 0)

    def reject(reason: RejectReason, message: str) -> Rejection:
        return Rejection(ident, src.rel, reason, message, order)

    try:
        size = os.stat(src.path).st_size
        if size > cfg.max_bytes:
            return reject("too_large", f"{src.rel}: {size} bytes, over the limit of {cfg.max_bytes}")
        if src.compressed:
            with _Opened(src) as fh:
                data = _read_limited(fh, cfg.max_bytes)
        else:
            data = read_regular(src.path, cfg.max_bytes, size)
    except _READ_ERRORS as exc:
        r = _io_failure(exc, src.rel)
        return reject(r.reason, str(r))
    if data is None:
        return reject("too_large", f"{src.rel}: over {cfg.max_bytes} bytes once decompressed")
    if not src.compressed and len(data) != src.size:
        # written to since the run planned (and checksummed) it: the state would record the
        # planned content beside a record of the new one, and the next run would write it again
        return reject(
            "unreadable",
            f"{src.rel}: changed while the run read it ({len(data)} bytes, {src.size} when it began); "
            "the next run reads it",
        )
    is_html = src.format == "html"
    try:
        raw = _decode_document(data, src.rel, is_html, (), cfg)
    except _Reject as r:
        return reject(r.reason, str(r))
    return Document(
        id=ident,
        source=src.rel,
        format=src.format,
        raw=raw,
        is_html=is_html,
        text="" if is_html else raw,
        order=order,
        group=_parent_group(src.rel),
        chars_in=len(raw),
    )


_STRAY_NULS = 1000
"""Bytes per NUL byte below which the NULs are stray and dropped (a CMS's run of NULs in a page:
a browser shows the page all the same); binary data has one NUL in every 256 bytes or more."""


def _decode_document(data: bytes, where: str, html: bool, declared: Sequence[str], cfg: ReadConfig) -> str:
    if b"\x00" in data and not any(data.startswith(bom) for bom, _c in _BOMS):
        nuls = data.count(b"\x00")
        if nuls * _STRAY_NULS > len(data):
            raise _Reject("binary", f"{where}: looks binary (NUL bytes)")
        # before, 22 NULs after an ad's <img> in a 195 KB news page rejected the whole article
        logger.debug("%s: %d stray NUL bytes dropped", where, nuls)
        data = data.replace(b"\x00", b"")
    decoded = decode_bytes(data, declared, html=html)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        logger.debug("%s decoded as %s", where, decoded.encoding)
    return _check_text(decoded.text, where, cfg)


def _check_text(text: str, where: str, cfg: ReadConfig) -> str:
    text = _normalise_newlines(text)
    if _looks_binary(text):
        why = "a NUL character" if "\x00" in text[:65536] else "over 10 % control characters"
        raise _Reject("binary", f"{where}: looks binary ({why})")
    if _too_empty(text, cfg.min_chars):
        raise _Reject("empty", f"{where}: {_too_few(cfg.min_chars)}")
    return text


def _too_few(min_chars: int) -> str:
    """What an ``empty`` rejection says is missing.

    >>> _too_few(1), _too_few(0), _too_few(20)
    ('no non-space character', 'no non-space character', 'fewer than 20 non-space characters')
    """
    return "no non-space character" if min_chars <= 1 else f"fewer than {min_chars} non-space characters"


# -- JSONL ---------------------------------------------------------------------------------


def _lines(fh: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of ``fh`` (with their newline); None for a line longer than ``limit`` bytes."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = fh.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


@dataclass
class _UnusedIds:
    """The records of one JSONL piece whose ``"id"`` could not be used (1.5, true, an object, ""):
    how many, and the first (line number, value) for the warning."""

    count: int = 0
    first: tuple[int, str] | None = None

    def add(self, line_no: int, value: Any) -> None:
        self.count += 1
        if self.first is None:
            shown = json.dumps(value, ensure_ascii=False)
            self.first = (line_no, shown if len(shown) <= 40 else shown[:39] + "…")

    def warn(self, where: str, base: str) -> None:
        """One warning for the file or piece ``where`` (not one a line), when any id was unusable
        (``base``: the file's id, the start of the ids its records get instead)."""
        if self.first is not None:
            line_no, shown = self.first
            logger.warning(
                '%s: %d record(s) have an "id" that is not a non-empty string or an integer (the first '
                "at line %d: %s); they get the id %s:<line> instead",
                where,
                self.count,
                line_no,
                shown,
                base,
            )


def _read_jsonl(item: ShardItem, cfg: ReadConfig, stats: ReadStats) -> Iterator[Document | Rejection]:
    src = item.source
    base = src.doc_id
    line_no = item.start_line
    unused = _UnusedIds()
    more = False  # lines after this piece (another shard reads them)
    try:
        with _Opened(src) as fh:
            if item.start_byte:
                fh.seek(item.start_byte)
            lines = _lines(fh, cfg.max_bytes)
            if src.compressed or not item.start_byte:
                for _ in range(item.start_line):
                    if next(lines, b"") == b"":
                        break
            for raw_line in lines:
                if item.count is not None and line_no >= item.start_line + item.count:
                    more = True
                    break
                line_no += 1
                out = _jsonl_record(raw_line, src, base, line_no, cfg, stats, unused)
                if out is not None:
                    yield out
        if item.count is not None and line_no < item.start_line + item.count:
            # lines counted at planning are gone: say so, rather than lose them without a trace
            missing = item.start_line + item.count - line_no
            where = f"{src.rel}:{line_no + 1}"
            yield Rejection(
                f"{base}:{line_no + 1}",
                where,
                "unreadable",
                f"{where}: the file ended {missing} line(s) early: cut short or rewritten while the "
                "run read it",
                (src.rel, line_no + 1),
            )
    except _READ_ERRORS as exc:
        r = _io_failure(exc, f"{src.rel}:{line_no + 1}")
        yield Rejection(
            f"{base}:{line_no + 1}", f"{src.rel}:{line_no + 1}", r.reason, str(r), (src.rel, line_no + 1)
        )
    finally:
        whole = item.start_line == 0 and not more
        unused.warn(src.rel if whole else f"{src.rel} (lines {item.start_line + 1}-{line_no})", base)


_MARKUP = re.compile(r"<[A-Za-z!/?][^<>]*>")


def has_markup(text: str) -> bool:
    """Whether ``text`` holds a tag, comment or declaration (an ``html`` field without one is
    plain text; a fragment with one is worth parsing as the body of a page).

    >>> has_markup("<p>Hi</p>"), has_markup("3 < 4 and 5 > 2"), has_markup("<<<>>>")
    (True, False, False)
    """
    return _MARKUP.search(text) is not None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str) -> str:
    """``value`` with each lone surrogate as U+FFFD (the same length, so offsets hold).

    JSON may escape half of a UTF-16 pair (``"\\ud800"``); Python keeps it as a lone
    surrogate, which no UTF-8 output can hold.

    >>> _no_surrogates(json.loads('"a \\\\ud800 b \\\\ud83d\\\\ude00"'))
    'a \ufffd b 😀'
    """
    return _SURROGATE.sub("\ufffd", value)


def _hint(exc: json.JSONDecodeError) -> str:
    """What a JSON error likely means when it is "Extra data": several records on one line, most
    often a file whose lines end in a bare carriage return (CR, old Mac line ends), which JSONL
    does not separate records with.

    >>> def hint(line):
    ...     try:
    ...         json.loads(line)
    ...     except json.JSONDecodeError as exc:
    ...         return _hint(exc)
    >>> print(hint('{"id": 1}\\r{"id": 2}\\r'))  # doctest: +NORMALIZE_WHITESPACE
    ; the line holds more than one record, separated by bare carriage returns (CR line ends):
    JSONL needs a line feed after each record (convert with: tr '\\r' '\\n')
    >>> hint('{"id": 1} {"id": 2}')
    '; the line holds more than one JSON value: JSONL needs one record per line'
    >>> hint('{"id": 1}}'), hint('{"id": 1')
    ('; text follows the record (a damaged line?)', '')
    """
    if exc.msg != "Extra data":
        return ""
    if exc.doc[exc.pos : exc.pos + 1] not in ("{", "["):
        return "; text follows the record (a damaged line?)"
    if "\r" in exc.doc[: exc.pos].rstrip(" \t")[-1:]:
        return (
            "; the line holds more than one record, separated by bare carriage returns (CR line ends): "
            "JSONL needs a line feed after each record (convert with: tr '\\r' '\\n')"
        )
    return "; the line holds more than one JSON value: JSONL needs one record per line"


def _jsonl_record(
    raw_line: bytes | None,
    src: Source,
    base: str,
    line_no: int,
    cfg: ReadConfig,
    stats: ReadStats,
    unused: _UnusedIds,
) -> Document | Rejection | None:
    where = f"{src.rel}:{line_no}"
    fallback_id = f"{base}:{line_no}"
    order = (src.rel, line_no)

    def reject(reason: RejectReason, message: str, ident: str = fallback_id) -> Rejection:
        return Rejection(ident, where, reason, message, order)

    if raw_line is None:
        return reject("too_large", f"{where}: line over the limit of {cfg.max_bytes} bytes")
    if line_no == 1 and raw_line.startswith(codecs.BOM_UTF8):
        raw_line = raw_line[len(codecs.BOM_UTF8) :]
    if not raw_line.strip():
        stats.blank_lines += 1
        return None
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return reject("malformed_jsonl", f"{where}: invalid UTF-8 at byte {exc.start}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's messages may end in " at" ("Invalid control character at"): not "at at column"
        why = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
        return reject("malformed_jsonl", f"{where}: invalid JSON ({why}){_hint(exc)}")
    except RecursionError:
        return reject("malformed_jsonl", f"{where}: JSON nested too deeply")
    except ValueError:  # an integer of more digits than Python converts (sys.get_int_max_str_digits)
        return reject("malformed_jsonl", f"{where}: invalid JSON (a number with too many digits)")
    if not isinstance(record, dict):
        return reject("malformed_jsonl", f"{where}: expected a JSON object, got {type(record).__name__}")
    if "\\ud" in line or "\\uD" in line:  # a \udXXX escape may leave a lone surrogate
        record = {k: _no_surrogates(v) if isinstance(v, str) else v for k, v in record.items()}
    rid = record.get("id")
    usable = isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid) != ""
    ident = str(rid) if usable else fallback_id
    if rid is not None and not usable:
        unused.add(line_no, rid)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and (text.strip() or not isinstance(html, str)):
        raw, is_html = text, False
    elif isinstance(html, str):
        raw, is_html = html, has_markup(html)  # no tag at all: plain text
    else:
        return reject("malformed_jsonl", f'{where}: no "text" or "html" string field', ident)
    try:
        raw = _check_text(raw, where, cfg)
    except _Reject as r:
        return reject(r.reason, str(r), ident)
    url = _str_field(record, "url")
    published = normalise_published(record.get("published", record.get("date")))
    return Document(
        id=ident,
        source=where,
        format="jsonl",
        raw=raw,
        is_html=is_html,
        text="" if is_html else raw,
        order=order,
        group=url_group(url) or _parent_group(src.rel),
        url=url,
        site=_str_field(record, "site"),
        title=_str_field(record, "title"),
        author=_str_field(record, "author"),
        published=published,
        chars_in=len(raw),
    )


# -- WARC ----------------------------------------------------------------------------------

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.+-]+)", re.I)


def _record_id(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip().strip("<>")
    return v[len("urn:uuid:") :] if v.lower().startswith("urn:uuid:") else (v or None)


def _read_warc(src: Source, cfg: ReadConfig, stats: ReadStats) -> Iterator[Document | Rejection]:
    """The HTML responses of one WARC file; a broken file ends in one ``unreadable`` rejection.

    warcio reads damaged archives leniently: a file that is no WARC at all parses as records
    without a ``WARC-Type`` header, a record cut short (a truncated download) as a short
    payload, and some damage fails inside warcio with an arbitrary exception. Each of these
    rejects the rest of the file (the records read before it are kept), never the run.
    """
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        # warcio writes its own warning to stderr for a record whose Content-Length does not
        # match (formatted from this template); the record is rejected below with the same
        # facts, so the warning would only be noise in the middle of a progress bar
        INC_RECORD = ""

    base = src.doc_id
    index = -1
    offset = 0
    try:
        fh = open_input(src.path)  # closed below; the generator yields in between
    except _READ_ERRORS as exc:
        r = _io_failure(exc, src.rel)
        yield Rejection(base, src.rel, r.reason, str(r), (src.rel, 0))
        return
    with fh:
        archive = QuietArchiveIterator(fh)
        records = iter(archive)
        while True:
            index += 1  # the record about to be read
            errors = archive.err_count  # warcio's count of records whose length did not match
            try:
                record = next(records, None)
                if record is None:
                    # warcio ends quietly at a record header cut short: what it did not read
                    # of the file is a record lost
                    # the end of the last record read (of its gzip member): warcio also steps
                    # quietly over a gzip member cut short, which holds a record lost
                    member = getattr(archive, "member_info", None)
                    end = sum(member) if member else getattr(archive, "offset", None)
                    size = os.fstat(fh.fileno()).st_size
                    left = size - (end or 0)
                    if end is not None and left > 0 and (left > 4096 or _pread(fh, end, left).strip()):
                        raise _Reject("unreadable", f"the last {left} bytes are a record cut short")
                    if member and not _gzip_member_complete(_pread(fh, member[0], size - member[0])):
                        raise _Reject("unreadable", "the file ends inside a gzip member: cut short")
                    return
                if record.rec_headers.get_header("WARC-Type") is None:
                    raise _Reject("unreadable", "no WARC-Type header: not a WARC record")
                length = record.rec_headers.get_header("Content-Length")
                if length is None or not length.strip().isdigit():  # a WARC record must have one
                    raise _Reject("unreadable", "no valid Content-Length header: a record header cut short")
                # warcio knows a record's offset only once its content is read (or skipped):
                # read the payload first, then ask for the offset.
                payload = _warc_payload(record, cfg, stats)
                offset = archive.get_record_offset()
            except _Reject as bad:
                offset = _failed_at(archive, offset)
                where = f"{src.rel}@{offset}"
                yield Rejection(
                    f"{base}@{offset}",
                    where,
                    bad.reason,
                    f"{where} (record {index + 1}): {bad}",
                    (src.rel, index),
                )
                return
            except OSError as exc:
                offset = _failed_at(archive, offset)
                where = f"{src.rel}@{offset}"
                r = _io_failure(exc, f"{where} (record {index + 1})")
                yield Rejection(f"{base}@{offset}", where, r.reason, str(r), (src.rel, index))
                return
            except Exception as exc:  # warcio fails on damaged input with any exception
                logger.debug("%s: reading record %d failed", src.rel, index + 1, exc_info=True)
                offset = _failed_at(archive, offset)
                where = f"{src.rel}@{offset}"
                message = f"{where} (record {index + 1}): damaged or cut short (warcio: {type(exc).__name__})"
                yield Rejection(f"{base}@{offset}", where, "unreadable", message, (src.rel, index))
                return
            if archive.err_count > errors:  # warcio found the record's end elsewhere
                where = f"{src.rel}@{offset}"
                message = (
                    f"{where} (record {index + 1}): damaged: its content does not end where its "
                    "Content-Length says (cut short, or running into what follows)"
                )
                yield Rejection(f"{base}@{offset}", where, "unreadable", message, (src.rel, index))
            elif payload is not None:
                yield _warc_document(record, payload, src, base, index, offset, cfg)


def _failed_at(archive: Any, last: int) -> int:
    """Where the record that could not be read starts (``last``: the previous record's offset,
    when warcio does not say). Until a record's content is read to its end, warcio's
    ``offset`` is that record's start; after the last record, the end of what it read."""
    at = getattr(archive, "offset", None)
    return at if isinstance(at, int) and at >= last else last


def _gzip_member_complete(data: bytes) -> bool:
    """Whether ``data`` starts with a whole gzip member (True for data that is not gzip at all).

    >>> import gzip
    >>> whole = gzip.compress(b"a record")
    >>> _gzip_member_complete(whole), _gzip_member_complete(whole[:-3]), _gzip_member_complete(b"WARC/1.0")
    (True, False, True)
    """
    if not data.startswith(b"\x1f\x8b"):
        return True
    d = zlib.decompressobj(31)
    try:
        while data and not d.eof:
            d.decompress(data, 1 << 16)
            data = d.unconsumed_tail
    except zlib.error:
        return False
    return d.eof


def _pread(fh: IO[bytes], offset: int, size: int) -> bytes:
    """``size`` bytes of ``fh`` from ``offset`` (then back where it was)."""
    here = fh.tell()
    fh.seek(offset)
    try:
        return fh.read(size)
    finally:
        fh.seek(here)


def _warc_payload(record: Any, cfg: ReadConfig, stats: ReadStats) -> bytes | _Reject | None:
    """The HTML payload of a 200 response (None to skip the record, _Reject if too large)."""
    if record.rec_type != "response":
        stats.skip(str(record.rec_type))
        return None
    http = record.http_headers
    if http is None:
        _check_complete(record)  # HTTP headers cut short read as none at all
        stats.skip("response-not-http")
        return None
    status = http.get_statuscode()
    mime = (http.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    if status != "200":
        _check_complete(record)
        stats.skip(f"status-{status}")
        return None
    if mime not in _HTML_TYPES:
        _check_complete(record)  # headers cut short can read as another type ("text/htm")
        stats.skip("not-html")
        return None
    data = _read_limited(record.content_stream(), cfg.max_bytes)
    if data is None:
        return _Reject("too_large", f"payload over the limit of {cfg.max_bytes} bytes")
    _check_complete(record)
    return data


def _check_complete(record: Any) -> None:
    """Raise ``_Reject("unreadable")`` when the record is shorter than its ``Content-Length``
    (a download cut short); reads what is left of it."""
    raw = record.raw_stream
    while raw.read(65536):  # what the HTTP decoding left (a trailer): a complete record has it
        pass
    missing = getattr(raw, "limit", 0)  # what Content-Length promised and the file lacks
    if missing:
        raise _Reject("unreadable", f"record truncated: {missing} of its {record.length} bytes missing")


def _warc_document(
    record: Any, payload: bytes | _Reject, src: Source, base: str, index: int, offset: int, cfg: ReadConfig
) -> Document | Rejection:
    where = f"{src.rel}@{offset}"
    headers = record.rec_headers
    url = (headers.get_header("WARC-Target-URI") or "").strip() or None
    ident = _record_id(headers.get_header("WARC-Record-ID")) or url or f"{base}@{offset}"
    order = (src.rel, index)
    try:
        if isinstance(payload, _Reject):
            raise _Reject(payload.reason, f"{where}: {payload}")
        ctype = record.http_headers.get_header("Content-Type") or ""
        m = _CT_CHARSET.search(ctype)
        raw = _decode_document(payload, where, True, [m.group(1)] if m else [], cfg)
    except _Reject as r:
        return Rejection(ident, where, r.reason, str(r), order)
    return Document(
        id=ident,
        source=where,
        format="warc",
        raw=raw,
        is_html=True,
        order=order,
        group=url_group(url) or _parent_group(src.rel),
        url=url,
        chars_in=len(raw),
    )
