"""The runner: the stages as a list, the map pass over shards, the ordered reduce pass.

``run()`` is what the CLI and the library call. The Prefect flow calls the same
three steps itself so that each shard becomes a task:

1. :func:`plan` discovers inputs, checksums them, drops inputs already processed
   (incremental runs) and cuts the rest into shards.
2. :func:`clean_shard` (map, pure, any process or machine) runs the per-document
   stages over one shard, spills the cleaned documents to a file in the run's
   work folder and returns only compact summaries (dedup signatures, template
   line keys, counts).
3. :func:`finish` (reduce, one process) decides duplicates in canonical order
   against the state store, assembles and writes the records in input order,
   then commits the state. A crash before the commit leaves output and state as
   they were.

>>> from pipeline.config import Config
>>> summary = run(["seeds"], "/tmp/docclean-doctest", Config())  # doctest: +SKIP
"""

from __future__ import annotations

import calendar
import concurrent.futures as cf
import contextlib
import ctypes
import errno
import gc
import gzip
import hashlib
import heapq
import importlib.metadata
import itertools
import json
import logging
import multiprocessing
import os
import pickle
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import uuid
from array import array as pyarray
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, cast, overload

from pipeline import assemble as assemble_mod
from pipeline import boilerplate, dedup, extract, language, readers, repair, segment, templates
from pipeline.config import BoilerplateConfig, Config
from pipeline.document import Category, Document, Duplicate, Rejection, Span
from pipeline.errors import (
    ConfigError,
    DoccleanError,
    DocumentError,
    RunInterrupted,
    StateLockedError,
    TransientError,
    os_reason,
)
from pipeline.state import ASIDE, DB_NAME, State, check_free
from pipeline.writers import (
    MANIFEST_SCHEMA,
    RUN_ID,
    atomic_writer,
    atomic_writers,
    dumps,
    record,
    rejection_record,
)

log = logging.getLogger(__name__)


Stage = Callable[[Document], Document]
ProgressFn = Callable[[int], None]


# -- plan ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputFile:
    """An input file with its checksum (for the manifest and incremental runs)."""

    rel: str
    size: int
    blake2b: str


@dataclass(frozen=True)
class RunPlan:
    """Everything a map task needs; picklable, and compact however many inputs there are.

    The input files are kept in columns (``sources``: a :class:`readers.SourceTable`;
    ``digests``: 16 bytes of blake2b each; ``unchanged``: one byte each, 1 for an input an
    earlier run processed with the same size and content, which this run skips), and
    ``shards`` are built one at a time when asked for: the driver, and the workers it
    forks, hold about 100 bytes per input file, not a handful of objects each.
    """

    run_id: str
    inputs: tuple[str, ...]
    output: str
    work_dir: str
    state_dir: str
    config: Config
    sources: readers.SourceTable
    digests: bytes
    unchanged: bytes
    shards: readers.ShardList
    started: float
    estimated_documents: int
    counted: bytes = b""
    """One byte per input, 1 for an input an earlier run with this state processed with the same
    size and content and counted for site templates (whether or not this run skips it; also when
    a one-off run set that run's output aside, see :meth:`State.set_inputs_aside`); empty when the
    state has none. An earlier run with site templates off counted nothing."""
    seen: bytes = b""
    """One byte per input, 1 for an input an earlier run with this state processed with the same
    size and content (whether or not this run skips it); empty when none was."""
    appended: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    """Incremental runs: the JSONL inputs that only grew (lines appended) since an earlier run
    read them, by index: ``(byte offset, line index)`` of the first new line. This run reads
    only the new lines."""
    held_back: Mapping[int, int] = field(default_factory=dict)
    """Incremental runs: the JSONL inputs whose last line was unfinished at planning (no newline,
    not yet valid JSON), by index: its bytes, left for the next run (:func:`_unfinished_tail`).
    The input's size and checksum are those of the lines before it."""
    state_generation: int = 0
    """:meth:`State.generation` of the store when ``seen``, ``counted`` and ``appended`` were
    read from it: the run commits only into that same state (:func:`check_state_unchanged`)."""
    rules_digest: str = ""
    """:meth:`RulePack.fingerprint` of the rule packs as loaded when the run was planned: what the
    manifest's ``config_digest`` covers (not the packs' paths)."""
    input_ids: tuple[tuple[str, str], ...] = ()
    """Incremental runs: ``(rel, id)`` of the inputs whose documents' id is not the one their path
    gives, because an earlier run's input has that one (:func:`_ids_across_runs`); recorded in the
    state when the run commits."""

    def task(self, shard_index: int) -> ShardTask:
        """What a map task needs for shard ``shard_index``: small, whatever the size of the run.

        Pass this (not the plan) to a worker: the plan lists every input file, so pickling it
        for every shard would cost time and memory that grow with the number of inputs.
        """
        counted: frozenset[str] = frozenset()
        rerun: frozenset[str] = frozenset()
        if self.seen or self.counted:
            indices = [
                i
                for part in self.shards.specs[shard_index]
                for i in (part if isinstance(part, range) else (part[0],))
            ]
            if self.seen:
                rerun = frozenset(self.sources.rel(i) for i in indices if self.seen[i])
            if self.counted:
                # seen inputs, and inputs whose output a one-off run set aside, which no input of
                # this run may have been seen with (before, their lines were then counted again:
                # one-off runs of two folders in turn into one output made an article a template)
                counted = frozenset(self.sources.rel(i) for i in indices if self.counted[i])
        return ShardTask(shard_index, self.shards[shard_index], self.config, self.work_dir, counted, rerun)

    @property
    def skipped(self) -> int:
        """How many inputs this run skips (unchanged since an earlier run with this state)."""
        return self.unchanged.count(1)

    def files(self) -> Iterator[tuple[InputFile, bool]]:
        """Every input file with its checksum, in input order, and whether this run skips it."""
        for i in range(len(self.sources)):
            yield self.file(i), bool(self.unchanged[i])

    def file(self, i: int) -> InputFile:
        """Input file ``i`` (its rel path, size and blake2b hex digest)."""
        return InputFile(self.sources.rel(i), self.sources.size(i), self.digests[16 * i : 16 * i + 16].hex())


@dataclass(frozen=True)
class ShardTask:
    """One map task: a shard, the config and where to spill. Picklable and small."""

    index: int
    shard: readers.Shard
    config: Config
    work_dir: str
    counted: frozenset[str] = frozenset()
    """Inputs (rel) whose lines an earlier run counted for site templates: a rerun of the same
    input does not count its documents again (or every rerun would make templates of them)."""
    rerun: frozenset[str] = frozenset()
    """Inputs (rel) an earlier run with this state read with the same content: their documents'
    signatures say so (:attr:`~pipeline.dedup.core.DocSignature.rerun`)."""


def default_state_dir(output: str | os.PathLike[str]) -> str:
    """Where the state store lives when ``--state`` is not given: inside the output folder."""
    return str(Path(output) / ".docclean-state")


UNREAD = bytes(16)
"""The digest of an input that could not be read while planning (its reader rejects it as
``unreadable``); never taken as unchanged, never recorded in the state."""


_DIGEST_CHUNK = 1 << 20


def _chunks(path: str, size: int | None = None) -> Iterator[bytes]:
    """The bytes of a file (its first ``size`` when given), in reads of up to 1 MiB on the raw
    descriptor (:func:`readers.open_regular`: no file object per file). Raises ``OSError``
    when it cannot be read."""
    left = -1 if size is None else size
    fd = readers.open_regular(path)
    try:
        while left and (
            chunk := readers.read_upto(fd, _DIGEST_CHUNK if left < 0 else min(left, _DIGEST_CHUNK))
        ):
            left -= len(chunk) if left > 0 else 0
            yield chunk
    finally:
        os.close(fd)


def _file_digest(path: str, size: int | None = None) -> bytes:
    """The 16-byte blake2b digest of a file's content (:data:`UNREAD` when it cannot be read):
    of its first ``size`` bytes when given (the size planning saw; a file appended to meanwhile
    is recorded as it was then, so the next run's :func:`_grown_from` finds exactly that).

    Unbuffered reads of up to 1 MiB: ``hashlib.file_digest`` allocates (and zeroes) a 256 KiB
    buffer per call, which cost half the time of checksumming 20,000 news articles.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as fh:
    ...     _ = fh.write(b"x" * 3_000_000)
    >>> _file_digest(fh.name) == hashlib.blake2b(b"x" * 3_000_000, digest_size=16).digest()
    True
    >>> _file_digest(fh.name, 1000) == hashlib.blake2b(b"x" * 1000, digest_size=16).digest()
    True
    >>> _file_digest("/nonexistent/file") == UNREAD
    True
    """
    h = hashlib.blake2b(digest_size=16)
    try:
        for chunk in _chunks(path, size):
            h.update(chunk)
        return h.digest()
    except OSError as exc:
        log.debug("cannot read %s to checksum it: %s", path, exc)
        return UNREAD


def plan(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    config: Config | dict[str, Any],
) -> RunPlan:
    """Discover and shard the inputs (a list of files and folders, or one path).
    Raises :class:`ConfigError` on unusable arguments."""
    config = Config.checked(config)
    inputs, out, state_dir = _arguments(inputs, output, config)
    # before the walk (minutes on a nightly crawl): a missing input makes no output folder, an
    # output or state folder that cannot be made or written stops the run now, not after the walk
    readers.check_inputs(inputs)
    _rule_pack(config)  # a rule pack that is missing or wrong makes no output folder either
    _make_output(out)
    _make_output(Path(state_dir), "state")
    check_free(state_dir)  # another run's lock: exit 3 now, not after the walk and checksums
    if not config.run.incremental:
        _check_one_state(out, state_dir)
    else:
        _warn_other_states(out, state_dir)
    # an output (or state) folder inside an input folder is not read back as input
    found = readers.discover(inputs, exclude=[str(out), state_dir])
    held_back: dict[int, int] = {}
    if config.run.incremental:
        # a dump still being written: its unfinished last line is the next run's, whole
        for i, src in enumerate(found):
            if src.format == "jsonl" and not src.compressed and src.size:
                tail = _unfinished_tail(src.path, src.size)
                if tail:
                    found[i] = replace(src, size=src.size - tail)
                    held_back[i] = tail
                    log.warning(
                        "%s: its last line is unfinished (%d bytes, no newline, not valid JSON): "
                        "left for the next run",
                        src.rel,
                        tail,
                    )
    digests = b"".join(_file_digest(src.path, src.size) for src in found)
    sources = readers.SourceTable(found)
    del found  # one object per file: keep only the table
    seen, counted, grown, generation, known = b"", b"", dict[int, tuple[int, int]](), 0, b""
    if (Path(state_dir) / DB_NAME).exists():
        seen, counted, grown, generation, known = _earlier_inputs(
            state_dir,
            sources,
            digests,
            config.run.incremental,
            config.boilerplate.templates_on,
            _hidden_runs(out),
        )
    taken_ids: tuple[tuple[str, str], ...] = ()
    if config.run.incremental and known:
        taken_ids = _ids_across_runs(state_dir, sources, known)
    counted = counted if any(counted) else b""  # RunPlan.task tests it per shard
    seen_any = seen if any(seen) else b""
    unchanged = (seen if config.run.incremental and any(seen) else None) or bytes(len(sources))
    appended = grown  # found in incremental runs only
    keep: Sequence[int] = (
        pyarray("Q", (i for i, flag in enumerate(unchanged) if not flag))
        if any(unchanged)
        else range(len(sources))
    )
    shards = _balanced_shards(sources, keep, config, appended)
    run_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:8]
    # absolute: a Dask worker writes the shards' files from its own working folder
    work_dir = out.absolute() / f".docclean-work-{run_id}"
    return RunPlan(
        run_id=run_id,
        inputs=tuple(str(i) for i in inputs),
        output=str(out),
        work_dir=str(work_dir),
        state_dir=str(state_dir),
        config=config,
        sources=sources,
        digests=digests,
        unchanged=bytes(unchanged),
        shards=shards,
        started=time.time(),
        estimated_documents=shards.documents(),
        counted=counted,
        seen=seen_any,
        appended=appended,
        held_back=held_back,
        state_generation=generation,
        rules_digest=_rule_pack(config).fingerprint(),
        input_ids=taken_ids,
    )


def _rooted_id(rel: str) -> str:
    """The id of a file's document with its root folder's name: ``n2/001.txt`` -> ``n2/001``.

    >>> _rooted_id("n2/001.txt"), _rooted_id("2026-12-06/sub/a.html.gz"), _rooted_id("a.txt")
    ('n2/001', '2026-12-06/sub/a', 'a')
    """
    head, _, tail = rel.partition("/")
    return f"{head}/{readers.file_id(rel)}" if tail else readers.file_id(rel)


def _ids_across_runs(
    state_dir: str, sources: readers.SourceTable, known: bytes
) -> tuple[tuple[str, str], ...]:
    """Ids across incremental runs: a new input whose id an input of an earlier run (with this
    state) already has gets its root folder's name in its id; one read again keeps the id it got.
    ``known``: one byte per input, 1 when the state knows it (:func:`_earlier_inputs`).
    Sets the ids on ``sources``; returns ``(rel, id)`` of every input whose id is kept so, for the
    state (:meth:`State.record_input_ids`).

    The id of a file's document leaves out the folder the run was given (``n1/001.txt`` -> ``001``):
    incremental runs over one folder per night (``in/2026-12-05``, ``in/2026-12-06``) gave their
    files the same ids, so consumers that take the newest record per id lost the earlier night's
    document, and dedup took the later one for a new version of it, not for a copy.
    """
    with State.open(state_dir, readonly=True) as st:
        recorded = st.input_ids()
        new = [i for i, flag in enumerate(known) if not flag]
        taken: set[str] = set()
        if new:
            taken = {recorded.get(key) or readers.file_id(key) for key in st.input_keys()}
    kept: list[tuple[str, str]] = []
    for i in range(len(sources)):
        rel = sources.rel(i)
        if rel in recorded:
            sources.set_id(i, recorded[rel])
            kept.append((rel, recorded[rel]))
    clashes = [i for i in new if sources[i].id in taken]
    if clashes:
        used = {sources[i].id for i in range(len(sources))} | taken
        examples: list[str] = []
        for i in clashes:
            rel, plain = sources.rel(i), sources[i].id
            ident, n = _rooted_id(rel), 2
            while ident in used or ident == plain:
                ident, n = f"{_rooted_id(rel)}~{n}", n + 1
            used.add(ident)
            sources.set_id(i, ident)
            kept.append((rel, ident))
            if len(examples) < 3:
                examples.append(f"{rel} -> {ident}")
        log.warning(
            "%d input(s) would get an id that an input of an earlier run with this state has; they get "
            "their folder's name in the id instead (%s%s): to keep plain ids, name the folder above "
            "the ones you run over",
            len(clashes),
            "; ".join(examples),
            "; ..." if len(clashes) > len(examples) else "",
        )
    return tuple(kept)


def _arguments(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    config: Config,
) -> tuple[list[str | os.PathLike[str]], Path, str]:
    """The inputs as a list, the output folder and the (absolute) state folder, checked
    without reading anything: a :class:`ConfigError` for arguments no run can use."""
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]  # one path, not a sequence of one-character paths
    if not inputs:
        raise ConfigError("no inputs given: name at least one file or folder")
    # "" is "." to Path: an unset shell variable would clean, or write into, the working folder
    if any(os.fspath(given) == "" for given in inputs):
        raise ConfigError("an input named by an empty string (an unset variable?); name . for this folder")
    if os.fspath(output) == "":
        raise ConfigError("--output is an empty string (an unset variable?); name . for this folder")
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--output {out} exists and is not a folder")
    for given in inputs:
        if Path(given).is_dir() and os.path.realpath(given) == os.path.realpath(out):
            raise ConfigError(
                f"--output {out} is also an input folder: its output would be read back; name another"
            )
    state_dir = os.path.abspath(config.run.state_dir or default_state_dir(out))
    if Path(state_dir).exists() and not Path(state_dir).is_dir():
        raise ConfigError(f"--state {state_dir} exists and is not a folder")
    return list(inputs), out, state_dir


_NOT_WRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})
"""Why a folder cannot be made or written that lies with the machine, not with the path given."""


def _make_output(out: Path, what: str = "output") -> None:
    """Create the output (or ``what``: the state) folder and check that files can be written in
    it: a path that cannot be a folder (a file on the way) is a :class:`ConfigError` (exit 2);
    a folder that cannot be made or written (no permission, a
    read-only or full file system) an ``OSError`` naming the folder (``docclean run``: one line,
    exit 1), whether or not it already exists (before, a new folder on a read-only disk was exit
    2 and an existing one exit 1), raised before the run walks its inputs rather than after.

    >>> import tempfile
    >>> _make_output(Path(tempfile.mkdtemp()) / "new" / "out")
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = f"cannot create the {what} folder {out}: {exc.strerror or exc}"
        if exc.errno in _NOT_WRITABLE:
            raise OSError(exc.errno, message) from None
        raise ConfigError(message) from None
    try:  # a hidden name: a run never reads it, even when the output is inside an input folder
        fd, probe = tempfile.mkstemp(prefix=".docclean-write-check-", dir=out)
    except OSError as exc:
        raise OSError(
            exc.errno, f"the {what} folder {out} cannot be written: {exc.strerror or exc}"
        ) from None
    os.close(fd)
    os.unlink(probe)


def check(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    config: Config | dict[str, Any],
) -> None:
    """Fail now, as a run of these arguments would fail before its map, without walking an
    input folder or reading a file: the checks of :func:`plan` on the arguments, each named
    input a file or a folder that can be listed, no two named files with one ``rel``
    (:func:`readers.check_inputs`), the output folder made and written to (:func:`_make_output`),
    and the state store opened (its lock taken and released, its file checked). For a caller
    that starts the run somewhere else (the Prefect flow's command line starts a flow run): the
    errors are the run's own, :class:`ConfigError`, :class:`~pipeline.errors.StateLockedError`,
    :class:`~pipeline.errors.StateCorruptError` or an ``OSError``.

    >>> import tempfile
    >>> check(["/nonexistent/input"], tempfile.mkdtemp(), Config())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: input '/nonexistent/input' does not exist ...
    """
    config = Config.checked(config)
    inputs, out, state_dir = _arguments(inputs, output, config)
    readers.check_inputs(inputs)
    _make_output(out)
    with State.open(state_dir):
        pass


STALE_WORK_HOURS = 24
"""A run's work folder (its spilled shards) left behind longer than this is stale: its run was
killed (``kill -9``, a lost machine) before it could remove it. No run lasts that long (a
million documents take under an hour on two cores)."""


def _sweep_stale_work(out: Path, keep: str, now: float | None = None) -> list[str]:
    """Remove the stale work folders of earlier runs in ``out`` (but ``keep``), and their
    unpublished temporary output files; returns their names.

    Stale: it started, and nothing in it was written, more than ``STALE_WORK_HOURS`` ago (a
    run going on writes its shards all the time). Call it holding the state lock.

    >>> import tempfile, os
    >>> out = Path(tempfile.mkdtemp())
    >>> for name in (".docclean-work-20200101T000000Z-0a1b2c3d", ".docclean-work-x", "keep"):
    ...     (out / name).mkdir()
    ...     os.utime(out / name, (0, 0))
    >>> for name in (".documents-20200101T000000Z-0a1b2c3d.jsonl.k2_x.tmp", ".rejected.jsonl.a.tmp", "x.tmp"):
    ...     _ = (out / name).write_text("{")
    ...     os.utime(out / name, (0, 0))
    >>> _sweep_stale_work(out, "-")  # doctest: +NORMALIZE_WHITESPACE
    ['.docclean-work-20200101T000000Z-0a1b2c3d', '.documents-20200101T000000Z-0a1b2c3d.jsonl.k2_x.tmp',
     '.rejected.jsonl.a.tmp']
    >>> sorted(p.name for p in out.iterdir())
    ['.docclean-work-x', 'keep', 'x.tmp']
    """
    if not out.is_dir():
        return []
    limit = (time.time() if now is None else now) - STALE_WORK_HOURS * 3600
    removed: list[str] = []
    for path in sorted(out.glob(".docclean-work-*")):
        try:
            started = calendar.timegm(
                time.strptime(path.name[len(".docclean-work-") :][:16], "%Y%m%dT%H%M%SZ")
            )
        except ValueError:
            continue  # not a name this module makes
        if path.name == keep or started >= limit or not path.is_dir():
            continue
        try:
            written = max([path.stat().st_mtime] + [p.stat().st_mtime for p in path.rglob("*")])
        except OSError:
            continue  # going away under us
        if written < limit:
            shutil.rmtree(path, ignore_errors=True)
            log.info("removed %s, left by a run killed more than %d hours ago", path, STALE_WORK_HOURS)
            removed.append(path.name)
    # the temporary files of an output being written (writers.atomic_writers: ".<name>.XXXX.tmp")
    # that a run killed in its write phase left: never published, and nothing reads them
    for stem in ("documents", "rejected", "manifest"):
        for path in sorted(out.glob(f".{stem}*.tmp")):
            try:
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
                    log.info("removed %s, left by a run killed while writing", path)
                    removed.append(path.name)
            except OSError:
                continue  # going away under us
    return removed


SHARDS_PER_WORKER = 4
MAX_AUTO_SHARD = 200
MIN_AUTO_SHARD = 20
"""Auto shards never go below this (a shard is a task, and tiny tasks cost more than they save),
except the last few of a run with workers, split in ``TAPER_PARTS`` (:func:`_tapered`)."""


def _balanced_shards(
    sources: readers.SourceTable,
    keep: Sequence[int],
    config: Config,
    starts: Mapping[int, tuple[int, int]] | None = None,
) -> readers.ShardList:
    """Shards of exactly ``run.shard_size`` documents when it is set; otherwise (0, "auto")
    at most ``MAX_AUTO_SHARD`` documents, and fewer (down to ``MIN_AUTO_SHARD``) when that
    would leave workers idle (the aim: ``SHARDS_PER_WORKER`` shards per worker).
    ``keep``: the indices of the sources to shard; ``starts``: where to read grown JSONL
    inputs from (:attr:`RunPlan.appended`). Sharding never changes the output: the
    reduce is ordered."""
    if config.run.shard_size:
        return readers.plan_shard_list(sources, config.run.shard_size, keep, starts)
    shards = readers.plan_shard_list(sources, MAX_AUTO_SHARD, keep, starts)
    workers = _worker_count(config)
    wanted = SHARDS_PER_WORKER * workers if workers > 1 else 1
    if len(shards) < wanted:
        smaller = max(MIN_AUTO_SHARD, -(-shards.documents() // wanted))
        if smaller < MAX_AUTO_SHARD:
            shards = readers.plan_shard_list(sources, smaller, keep, starts)
    if workers > 1 and len(shards) > wanted:
        shards = readers.ShardList(shards.sources, _tapered(shards.specs, workers))
    return shards


TAPER_PARTS = 4
"""The last shards of a run with workers are split in this many parts (see :func:`_tapered`)."""


def _tapered(specs: Sequence[readers.ShardSpec], workers: int) -> list[readers.ShardSpec]:
    """``specs`` with each of the last ``workers`` shards of whole files split in ``TAPER_PARTS``
    (a shard with pieces of a JSONL file stays whole: a run over JSONL dumps only is not tapered).

    The driver decides duplicates shard by shard as workers finish them: the last shard's
    decisions, and the last shards a worker cleans while the other has none left, are time when
    a core idles. Smaller last shards make both shorter. The files and their order are the
    same (the reduce is ordered, so the output too).

    >>> specs = [(range(0, 8),), (range(8, 13), range(15, 18)), (range(18, 20), (20, 0, 0, 5))]
    >>> for spec in _tapered(specs, 2):
    ...     print(spec)
    (range(0, 8),)
    (range(8, 10),)
    (range(10, 12),)
    (range(12, 13), range(15, 16))
    (range(16, 18),)
    (range(18, 20), (20, 0, 0, 5))
    """
    out: list[readers.ShardSpec] = list(specs[:-workers])
    tail = specs[-workers:]
    for spec in tail:
        if not all(isinstance(part, range) for part in spec):
            out.append(spec)  # pieces of a JSONL file: split where the plan cut them only
            continue
        files = [i for part in spec for i in cast(range, part)]
        step = -(-len(files) // TAPER_PARTS)
        for k in range(0, len(files), step):
            out.append(_ranges_of(files[k : k + step]))
    return out


def _ranges_of(files: list[int]) -> readers.ShardSpec:
    """Ascending file indices as consecutive ``range`` parts.

    >>> _ranges_of([3, 4, 5, 9, 10])
    (range(3, 6), range(9, 11))
    """
    parts: list[range] = []
    for i in files:
        if parts and parts[-1].stop == i:
            parts[-1] = range(parts[-1].start, i + 1)
        else:
            parts.append(range(i, i + 1))
    return tuple(parts)


def _earlier_inputs(
    state_dir: str,
    sources: readers.SourceTable,
    digests: bytes,
    incremental: bool = True,
    templates_on: bool = True,
    hidden: set[str] | None = None,
) -> tuple[bytes, bytes, dict[int, tuple[int, int]], int, bytes]:
    """What an earlier run with this state processed of each input, and the store's
    generation (read first: a commit while the inputs are read makes the plan stale, not new).

    One byte per input: 1 when it was processed with the same size and content (blake2b
    digest), else 0; one byte per input: 1 when it was, and that run also counted its lines
    for site templates; and the inputs that have only grown since (:func:`_grown_from`):
    ``{index: (byte offset, line index)}`` of where the new lines start (only looked for in
    ``incremental`` runs, which read them from there; and, when this run counts lines for
    site templates, only where the earlier run counted the old lines: else the file is read
    whole, so that they are counted); last, one byte per input: 1 when the state knows it at
    all (whatever its content then: :func:`_ids_across_runs` gives new inputs their ids).

    ``hidden``: runs whose documents file in the output is set aside (:func:`_hidden_runs`). Their
    inputs whose content no other run's record holds count as not seen (read again, their lines
    counted once): a run stopped between publishing its output and saving its state, after it
    set earlier runs' files aside, leaves no other trace of them.
    """
    seen, counted, known = bytearray(len(sources)), bytearray(len(sources)), bytearray(len(sources))
    grown: dict[int, tuple[int, int]] = {}
    with State.open(state_dir, readonly=True) as st:
        generation = st.generation()
        reread = st.inputs_only_of(hidden) if hidden else set()
        for i in range(len(sources)):
            row = st.earlier_input(sources.rel(i))
            if row is None:
                continue
            known[i] = 1
            digest = digests[16 * i : 16 * i + 16]
            if digest == UNREAD:
                continue
            size, old, was_counted = row
            if size == sources.size(i) and old == digest.hex():
                seen[i], counted[i] = int(sources.rel(i) not in reread), was_counted
            elif size == sources.size(i) and old == ASIDE + digest.hex():
                counted[i] = was_counted  # its output was set aside: read again, lines counted once
            elif (
                incremental
                and (was_counted or not templates_on)
                and 0 < size < sources.size(i)
                and sources.format(i) == "jsonl"
            ):
                src = sources[i]
                start = None if src.compressed else _grown_from(src.path, size, old)
                if start is not None:
                    grown[i] = start
    return bytes(seen), bytes(counted), grown, generation, bytes(known)


def check_state_unchanged(plan: RunPlan, state: State) -> None:
    """Raise :class:`StateLockedError` when the store has had a commit since ``plan`` read it.

    The plan read, without the lock, which inputs earlier runs processed; another run (or a
    ``state reset``) that committed before this one took the lock makes that stale: this run
    would write those documents again, or skip inputs the state no longer knows.
    """
    now = state.generation()
    if now != plan.state_generation:
        raise StateLockedError(
            f"state at {plan.state_dir} changed after this run was planned (another run committed, "
            f"or it was reset: generation {plan.state_generation} -> {now}); nothing was written: "
            "start the run again"
        )


_TAIL_STEP = 8192
"""Bytes read at a time, backwards, by :func:`_unfinished_tail`."""


def _unfinished_tail(path: str, size: int) -> int:
    """How many bytes at the end of a JSONL file's first ``size`` bytes are a last line still
    being written: one after a newline, without a newline of its own, that is not valid JSON.
    0 when they end a line, when that last line is complete JSON (a file written without a
    final newline), when it is blank, and when the file has no newline at all (read as it is).

    >>> import tempfile
    >>> def tail(data: bytes) -> int:
    ...     with tempfile.NamedTemporaryFile("wb", delete=False) as fh:
    ...         _ = fh.write(data)
    ...     return _unfinished_tail(fh.name, len(data))
    >>> tail(b'{"text": "one"}\\n{"text": "tw'), tail(b'{"text": "one"}\\n{"text": "two"}')
    (12, 0)
    >>> tail(b'{"text": "one"}\\n'), tail(b'{"text": "on'), tail(b'{"text": "one"}\\n  ')
    (0, 0, 0)
    """
    tail = b""
    try:
        with readers.open_input(path) as fh:
            pos = size
            while True:
                if pos == 0:
                    return 0  # a single line: the reader says what it is
                step = min(_TAIL_STEP, pos)
                pos -= step
                fh.seek(pos)
                chunk = fh.read(step)
                if len(chunk) < step:
                    return 0  # cut short meanwhile: the reader says so
                cut = chunk.rfind(b"\n")
                tail = chunk[cut + 1 :] + tail
                if cut >= 0:
                    break
    except OSError:
        return 0  # unreadable: its reader rejects it
    if not tail.strip():
        return 0
    try:
        json.loads(tail)
    except ValueError:  # also a UTF-8 sequence cut in two
        return len(tail)
    return 0


def _grown_from(path: str, size: int, digest: str) -> tuple[int, int] | None:
    """``(offset, lines)`` when the file's first ``size`` bytes are the content an earlier run
    read (blake2b hex ``digest``) and the file only grew by lines appended to it: the new
    lines start at byte ``offset``, after ``lines`` lines. The old content ends a line, or its
    last line had no newline then and the appended bytes start with one (after spaces, tabs or a
    carriage return): the earlier run read that line whole, the newline only ends it. None
    otherwise (changed, cut short, or its last line went on: such a file is read whole again).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("wb", delete=False) as fh:
    ...     _ = fh.write(b'{"text": "one"}\\n{"text": "two"}\\n{"text": "three"}\\n')
    >>> old = hashlib.blake2b(b'{"text": "one"}\\n{"text": "two"}\\n', digest_size=16).hexdigest()
    >>> _grown_from(fh.name, 32, old), _grown_from(fh.name, 31, old), _grown_from(fh.name, 32, UNREAD.hex())
    ((32, 2), None, None)
    >>> unended = hashlib.blake2b(b'{"text": "one"}\\n{"text": "two"}', digest_size=16).hexdigest()
    >>> _grown_from(fh.name, 31, unended)  # the newline ending the old last line is no new line
    (32, 2)
    """
    h = hashlib.blake2b(digest_size=16)
    lines, read, last, after = 0, 0, b"", b""
    try:
        for chunk in _chunks(path, size):
            h.update(chunk)
            lines += chunk.count(b"\n")
            read += len(chunk)
            last = chunk[-1:]
        if last != b"\n":
            with readers.open_input(path) as fh:
                fh.seek(size)
                after = fh.read(_TAIL_STEP)
    except OSError:
        return None
    if read < size or h.hexdigest() != digest:
        return None
    if last == b"\n":
        return size, lines
    end = after.find(b"\n")
    if end < 0 or after[:end].strip(b" \t\r"):
        return None
    return size + end + 1, lines + 1


# -- map ----------------------------------------------------------------------------------------


CanonicalKey = tuple[int, str, str, int]
"""Dated documents first, oldest first; then input order (sorted path, then line)."""


def canonical_key(doc: Document) -> CanonicalKey:
    """The position of ``doc`` in the canonical order duplicates are decided in (DESIGN §1):
    publication date when known (:func:`date_key`), then input order.

    >>> from pipeline.document import Document
    >>> def key(published):
    ...     doc = Document(id="x", source="x", format="text", text="", published=published)
    ...     return canonical_key(doc)[:2]
    >>> key("2019-11-20T09:00:00+02:00"), key("n/a"), key(None)
    ((0, '2019-11-20T07:00:00'), (1, ''), (1, ''))
    """
    when = date_key(doc.published) if doc.published else None
    if when is not None:
        return (0, when, doc.order[0], doc.order[1])
    return (1, "", doc.order[0], doc.order[1])


def date_key(published: str) -> str | None:
    """``published`` as a sortable ISO string in UTC (a date alone: ``YYYY-MM-DD``), or None when
    it is no date (an input's "n/a", "0" or "sometime in May" is kept in the record as given,
    but is not a known date: it sorted as a string, before every real date, and decided which
    copy of a duplicate stayed). A datetime without a time zone is taken as UTC.

    >>> date_key("2019-11-20"), date_key("2019-11-20T07:00:28"), date_key("2019-11-20T03:00:28-04:00")
    ('2019-11-20', '2019-11-20T07:00:28', '2019-11-20T07:00:28')
    >>> date_key("0"), date_key("nan"), date_key("May"), date_key("0001-01-01T00:00:00+01:00")
    (None, None, None, None)
    """
    if len(published) < 10 or not published[:4].isdigit():
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    if len(published) == 10:  # a date alone
        return when.date().isoformat()
    if when.tzinfo is not None:
        try:
            when = when.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # "0001-01-01T00:00:00+01:00" is before year 1 in UTC
            return None
    return when.isoformat()


class IdList(Sequence[str]):
    """Strings kept as one joined string and an array of end offsets (two objects in all).

    A shard's document ids travel back to the driver and stay there until the run ends; a
    list would cost an object per document (about 70 bytes each).

    >>> ids = IdList(["a", "", "b/ç~2"])
    >>> len(ids), ids[2], ids[-2], list(ids), ids[:2]
    (3, 'b/ç~2', '', ['a', '', 'b/ç~2'], ['a', ''])
    """

    def __init__(self, items: Iterable[str] = ()) -> None:
        parts = list(items)
        self._text = "".join(parts)
        self._ends = pyarray("Q", itertools.accumulate(len(p) for p in parts))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        end = self._ends[i]
        return self._text[self._ends[i - 1] if i else 0 : end]

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends:
            yield self._text[start:end]
            start = end

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdList):
            return self._text == other._text and self._ends == other._ends
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"IdList({list(self)!r})"


@dataclass
class ShardResult:
    """What one map task returns: counts, ids and the paths of its spill files.

    Everything per document that the reduce needs (dedup signatures, template line keys)
    is spilled next to the cleaned documents and streamed back by :func:`finish`, so the
    driver's memory does not grow with the number of documents (the dedup index aside).

    - ``spill``: the cleaned documents and rejections, in input order;
    - ``signatures``: ``(key, position, signature)`` per document, sorted by canonical key
      (``position`` = index among the shard's documents);
    - ``line_keys``: ``(group, keys, position)`` per document, in input order (``keys`` None for
      a document of an input an earlier run counted; ``position``: its index in ``ids``);
    - ``ids``: document ids in input order (for renaming repeated ids), an :class:`IdList`;
    - ``first_key``/``last_key``: the shard's smallest and largest canonical key.
    """

    index: int
    spill: str
    signatures: str
    line_keys: str
    ids: IdList
    rejected: int
    first_key: CanonicalKey | None = None
    last_key: CanonicalKey | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        """Cleaned (not rejected) documents in the shard."""
        return len(self.ids)


_PACKS: dict[tuple[tuple[str, int, int], ...], boilerplate.RulePack] = {}
"""Loaded rule packs by their files' paths, sizes and modification times: a long-lived process
(a served deployment, a library caller) picks up an edited pack."""


def _rule_pack(config: Config) -> boilerplate.RulePack:
    key = tuple((name, *_stamp(name)) for name in config.boilerplate.rules)
    pack = _PACKS.get(key)
    if pack is None:
        pack = boilerplate.load_rules(list(config.boilerplate.rules))
        _PACKS[key] = pack
    return pack


def _stamp(name: str) -> tuple[int, int]:
    """``(size, mtime_ns)`` of a file, ``(-1, -1)`` when it cannot be read (loading says why)."""
    try:
        st = os.stat(name)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


def _extract(doc: Document, config: Config) -> Document:
    """The extract stage: the text of an HTML document (``is_html``). A library caller's document
    that holds its input in ``raw`` (and no other ``text``: readers set ``text``, or ``is_html``
    for HTML) is HTML when its format says so (``html``, ``warc``; ``jsonl`` with markup), else
    that text (before, it went on empty and was rejected as emptied by cleaning).

    >>> html = "<html><body><p>The council voted on the budget for the new year on Monday.</p></body></html>"
    >>> _extract(Document(id="h", source="h.html", format="html", raw=html), Config()).text
    'The council voted on the budget for the new year on Monday.'
    >>> _extract(Document(id="t", source="t.txt", format="text", raw="Plain."), Config()).text
    'Plain.'
    """
    if not doc.is_html and doc.raw and (not doc.text or doc.text == doc.raw):
        html = doc.format in ("html", "warc") or (doc.format == "jsonl" and readers.has_markup(doc.raw))
        if not html:
            return doc if doc.text else doc.replace(text=doc.raw, raw="")
        doc = doc.replace(is_html=True, text="")
    return extract.extract(doc, config.extract) if doc.is_html else doc


def stages(config: Config) -> list[tuple[str, Stage]]:
    """The per-document stages, in order, as ``(name, Document -> Document)``."""
    pack = _rule_pack(config)
    out: list[tuple[str, Stage]] = [
        ("extract", lambda d: _extract(d, config)),
        ("repair", lambda d: repair.repair(d, config.repair)),
        ("segment", segment.segment),
    ]
    if config.boilerplate.enabled:
        out.append(("boilerplate", lambda d: boilerplate.detect(d, config.boilerplate, pack)))
    out.append(("language", lambda d: language.detect(d, config.language)))
    return out


def process_document(
    doc: Document,
    config: Config,
    timings: dict[str, float] | None = None,
    pipeline: list[tuple[str, Stage]] | None = None,
) -> Document | Rejection:
    """Run the per-document stages; a problem becomes a :class:`Rejection`, never an exception."""
    try:
        for name, stage in pipeline if pipeline is not None else stages(config):
            t0 = time.perf_counter()
            doc = stage(doc)
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        if doc.raw:
            doc = doc.replace(raw="")
        if not language.kept_text(doc).strip():
            return _reject(doc, "empty_after_cleaning", _emptied(doc.removed))
        return doc
    except DocumentError as exc:
        return _reject(doc, exc.reason, str(exc))
    except Exception as exc:  # a bug must cost one document, not the run
        log.error("internal error on %s: %s", doc.source, traceback.format_exc())
        return _reject(doc, "internal_error", f"{type(exc).__name__}: {exc}")


def _emptied(removed: Sequence[Span], duplicates: int = 0) -> str:
    """The message of an ``empty_after_cleaning`` rejection: what took the text, by category.

    >>> from pipeline.document import Category
    >>> _emptied([Span(0, 4, Category.NAVIGATION, "r", 1.0), Span(5, 9, Category.NAVIGATION, "r", 1.0),
    ...           Span(10, 20, Category.SHARE_WIDGET, "s", 1.0)])
    'nothing is left once boilerplate is removed (removed: navigation 2 lines, share_widget 1 line)'
    >>> _emptied([Span(0, 9, Category.OTHER, "r", 1.0)], duplicates=2)[21:]
    'boilerplate and duplicates are removed (removed: other 1 line, 2 duplicate passages)'
    >>> _emptied([])
    'nothing is left once boilerplate is removed'
    """
    counts = Counter(s.category.value for s in removed)
    parts = [f"{cat} {n} line{'s' if n > 1 else ''}" for cat, n in sorted(counts.items())]
    if duplicates:
        parts.append(f"{duplicates} duplicate passage{'s' if duplicates > 1 else ''}")
    if not parts:
        return "nothing is left once boilerplate is removed"
    what = "boilerplate and duplicates are" if duplicates else "boilerplate is"
    return f"nothing is left once {what} removed (removed: {', '.join(parts)})"


def _reject(doc: Document, reason: Any, message: str, of: str | None = None) -> Rejection:
    return Rejection(id=doc.id, source=doc.source, reason=reason, message=message, order=doc.order, of=of)


GC_YOUNG_THRESHOLD = 20_000
"""Allocations between two collections of the youngest generation while docclean works."""


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector's youngest generation less often (thresholds restored on exit).

    Cleaning a document makes hundreds of short-lived containers (blocks, sentences, spans,
    match lists); with CPython's default threshold (700 allocations) the collector runs every
    few documents and traverses them all: about a tenth of a run's CPU. They almost never form
    cycles, so collecting every :data:`GC_YOUNG_THRESHOLD` allocations instead changes no result
    and holds at most that many more young objects. The older generations keep their
    thresholds. Worker processes forked inside inherit the setting. (The thresholds are
    process-wide: runs in several threads of one process restore them in their own order.)

    >>> before = gc.get_threshold()
    >>> with fewer_collections():
    ...     gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD
    True
    >>> gc.get_threshold() == before
    True
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


MAP_RETRY_DELAYS = (2.0, 10.0)
"""Seconds :func:`map_shards` waits before each new try of a shard that failed on I/O worth
retrying (:class:`~pipeline.errors.TransientError`: a stale NFS handle, a timeout), as the
Prefect flow's task retries do; after the last, the error stops the run."""


def _clean_shard_retried(task: ShardTask) -> ShardResult:
    """:func:`clean_shard`, tried again after each of :data:`MAP_RETRY_DELAYS` when it raises
    :class:`~pipeline.errors.TransientError` (a try starts the shard afresh: its spill files
    are written whole again)."""
    for delay in MAP_RETRY_DELAYS:
        try:
            return clean_shard(task)
        except TransientError as exc:
            log.warning("%s: shard %d is tried again in %g s", exc, task.index, delay)
            time.sleep(delay)
    return clean_shard(task)


@fewer_collections()
def clean_shard(task: RunPlan | ShardTask, shard_index: int | None = None) -> ShardResult:
    """Map: clean every document of one shard; spill them; return counts and spill paths.

    Call it with ``plan.task(i)`` (what workers should receive) or, in-process, with
    ``(plan, i)``.
    """
    if isinstance(task, RunPlan):
        if shard_index is None:
            raise TypeError("clean_shard(plan, shard_index): the shard index is missing")
        task = task.task(shard_index)
    config = task.config
    timings: dict[str, float] = {}
    items: list[Document | Rejection] = []
    sigs: list[tuple[CanonicalKey, int, Any]] = []
    keys: list[tuple[str, bytes | None, int]] = []
    ids: list[str] = []
    rejected = 0
    pipeline = stages(config)
    want_sigs = config.dedup.mode != "off"
    want_keys = config.boilerplate.templates_on
    t0 = time.perf_counter()
    for item in readers.read_shard(task.shard, config.read):
        timings["read"] = timings.get("read", 0.0) + time.perf_counter() - t0
        if isinstance(item, Document):
            item = process_document(item, config, timings, pipeline)
        if isinstance(item, Document):
            t1 = time.perf_counter()
            if want_sigs:
                sig = dedup.compute_signature(item, config.dedup, anchors=False)  # anchors: below
                if item.order[0] in task.rerun:
                    sig = replace(sig, rerun=True)
                sigs.append((canonical_key(item), len(ids), sig))
            if want_keys:
                # an input an earlier run counted: its group is decided, its lines not counted again
                counted = item.order[0] in task.counted
                keys.append((item.group, None if counted else templates.line_keys(item), len(ids)))
            ids.append(item.id)
            # the sentences served the signature; nothing after the map reads them, and they are
            # a third of what a shard's spill pickles and the write phase unpickles again; the
            # blocks (the text's lines) too: only site templates read them, and split the text again
            # (unpickling 20,000 documents' blocks took 0.55 s, splitting all of them 0.6 s)
            item = item.replace(sentences=(), blocks=())
            timings["signatures"] = timings.get("signatures", 0.0) + time.perf_counter() - t1
        else:
            rejected += 1
        items.append(item)
        t0 = time.perf_counter()
    t1 = time.perf_counter()
    sigs.sort(key=itemgetter(0))  # stable: equal keys keep input order
    anchored = dedup.with_anchors([sig for _, _, sig in sigs])
    sigs = [(key, pos, sig) for (key, pos, _), sig in zip(sigs, anchored, strict=True)]
    timings["signatures"] = timings.get("signatures", 0.0) + time.perf_counter() - t1
    base = os.path.join(task.work_dir, f"shard-{task.index:06d}")
    os.makedirs(task.work_dir, exist_ok=True)
    _spill(base + ".pickle", [items])
    _spill(base + ".signatures.pickle", sigs)
    _spill(base + ".keys.pickle", keys)
    return ShardResult(
        index=task.index,
        spill=base + ".pickle",
        signatures=base + ".signatures.pickle",
        line_keys=base + ".keys.pickle",
        ids=IdList(ids),
        rejected=rejected,
        first_key=sigs[0][0] if sigs else None,
        last_key=sigs[-1][0] if sigs else None,
        timings=timings,
    )


def _spill(path: str, records: Iterable[Any]) -> None:
    """Write ``records`` as consecutive pickles (read back one at a time by :func:`_unspill`)."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
        for rec in records:
            pickler.dump(rec)
            pickler.clear_memo()
    os.replace(tmp, path)


def _unspill(path: str) -> Iterator[Any]:
    """The records :func:`_spill` wrote, one at a time."""
    with open(path, "rb") as fh:
        while True:
            try:
                # a fresh unpickler per record: memo indexes restart with every record written
                yield pickle.load(fh)
            except EOFError:
                return


# -- reduce -------------------------------------------------------------------------------------


@dataclass
class RunSummary:
    """Counts and timings of one run (also the body of ``manifest.json``)."""

    run_id: str
    output: str
    documents: int = 0
    rejected: int = 0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    removed_by_category: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    duplicate_passages: int = 0
    duplicate_documents: int = 0
    repairs_by_fix: dict[str, int] = field(default_factory=dict)
    inputs: int = 0
    skipped_inputs: int = 0
    appended_inputs: int = 0
    """Grown JSONL inputs of which only the appended lines were read (incremental runs)."""
    held_back_inputs: int = 0
    """JSONL inputs whose unfinished last line was left for the next run (incremental runs)."""
    chars_in: int = 0
    chars_out: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "output": self.output,
            "documents": self.documents,
            "rejected": self.rejected,
            "rejected_by_reason": dict(sorted(self.rejected_by_reason.items())),
            "removed_by_category": dict(sorted(self.removed_by_category.items())),
            "languages": dict(sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0]))),
            "duplicate_passages": self.duplicate_passages,
            "duplicate_documents": self.duplicate_documents,
            "repairs_by_fix": dict(sorted(self.repairs_by_fix.items())),
            "inputs": self.inputs,
            "skipped_inputs": self.skipped_inputs,
            "appended_inputs": self.appended_inputs,
            "held_back_inputs": self.held_back_inputs,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in sorted(self.timings.items())},
        }

    def table(self) -> list[dict[str, Any]]:
        """Rows ``{"metric", "value"}`` for a Prefect table artifact or a terminal table."""
        rows: list[dict[str, Any]] = [
            {"metric": "documents written", "value": self.documents},
            {"metric": "documents rejected", "value": self.rejected},
            {
                "metric": "inputs (skipped as already processed)",
                "value": f"{self.inputs} ({self.skipped_inputs})",
            },
            {"metric": "grown JSONL inputs read from their new lines", "value": self.appended_inputs},
            {
                "metric": "JSONL inputs with an unfinished last line left for the next run",
                "value": self.held_back_inputs,
            },
            {
                "metric": "duplicate passages (removed; listed but kept with dedup mode annotate)",
                "value": self.duplicate_passages,
            },
            {"metric": "duplicate documents", "value": self.duplicate_documents},
        ]
        rows += [{"metric": f"removed: {k}", "value": v} for k, v in sorted(self.removed_by_category.items())]
        rows += [{"metric": f"rejected: {k}", "value": v} for k, v in sorted(self.rejected_by_reason.items())]
        rows += [{"metric": f"language: {k}", "value": v} for k, v in self.to_dict()["languages"].items()]
        rows.append({"metric": "seconds", "value": round(self.seconds, 2)})
        return rows


def _given_suffixed(results: Iterable[ShardResult]) -> set[str]:
    """The ids of ``results`` that look generated (``x~N``, or anything with a ``~``): only
    those can be taken by a rename, so only those are kept."""
    return {doc_id for r in results for doc_id in r.ids if "~" in doc_id}


def _rename(
    result: ShardResult,
    seen: Counter[str],
    renames: dict[tuple[int, int], str],
    given: Collection[str] = frozenset(),
) -> None:
    """Add the renames of one shard's repeated ids (shards must come in input order).

    A rename ``x~N`` takes the next ``N`` whose id no document has used so far and none
    carries as given (``given``: ids of documents still to come, see :func:`_given_suffixed`):
    ids ``a``, ``a``, ``a~2`` give ``a``, ``a~3``, ``a~2``, not ``a``, ``a~2``, ``a~2~2``.
    """
    for pos, doc_id in enumerate(result.ids):
        seen[doc_id] += 1
        if seen[doc_id] > 1:
            new = f"{doc_id}~{seen[doc_id]}"
            while new in seen or new in given:
                seen[doc_id] += 1
                new = f"{doc_id}~{seen[doc_id]}"
            seen[new] += 1
            renames[(result.index, pos)] = new


def _unique_ids(results: Sequence[ShardResult]) -> dict[tuple[int, int], str]:
    """Renames for repeated ids, in input order: the second ``x`` becomes ``x~2`` (or the
    next ``x~N`` that no document of the run carries as its own id).

    Keys are ``(shard index, position among the shard's documents)``.
    """
    seen: Counter[str] = Counter()
    renames: dict[tuple[int, int], str] = {}
    given = _given_suffixed(results)
    for r in results:
        _rename(r, seen, renames, given)
    return renames


MERGE_FAN_IN = 128
"""At most this many signature spills are open at once while merging them."""

DECIDE_BATCH = 256


def _signature_stream(results: Sequence[ShardResult], work_dir: str) -> Iterator[tuple[int, int, Any]]:
    """Every document's dedup signature in canonical order, as ``(shard, position, signature)``.

    Each shard spilled its signatures sorted; when the shards follow each other (undated
    input, or input sorted by date: the usual case) they are simply read one after another,
    otherwise they are merged (k-way, in rounds of at most ``MERGE_FAN_IN`` files). Only one
    signature per open file is in memory at a time.
    """
    spans = [(r.first_key, r.last_key, r) for r in results if r.first_key is not None]
    in_order = all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))  # type: ignore[operator]

    def tagged(r: ShardResult) -> Iterator[tuple[CanonicalKey, int, int, Any]]:
        for key, pos, sig in _unspill(r.signatures):
            yield key, r.index, pos, sig

    if in_order:
        for _a, _b, r in spans:
            for _key, shard, pos, sig in tagged(r):
                yield shard, pos, sig
        return
    streams: list[Iterator[tuple[CanonicalKey, int, int, Any]]] = [tagged(r) for _a, _b, r in spans]
    level = 0
    while len(streams) > MERGE_FAN_IN:
        merged: list[Iterator[tuple[CanonicalKey, int, int, Any]]] = []
        for n in range(0, len(streams), MERGE_FAN_IN):
            path = os.path.join(work_dir, f"merge-{level}-{n // MERGE_FAN_IN:06d}.pickle")
            _spill(path, heapq.merge(*streams[n : n + MERGE_FAN_IN], key=itemgetter(0)))
            merged.append(_unspill(path))
        streams, level = merged, level + 1
    for _key, shard, pos, sig in heapq.merge(*streams, key=itemgetter(0)):
        yield shard, pos, sig


class _DecisionSpill:
    """Decisions appended to one file per shard, ``(position, DedupResult)`` each.

    Decisions arrive in canonical order, usually shard after shard; a document's decision
    is read back by the task that writes its shard, so the driver holds none of them.
    """

    def __init__(self, work_dir: str) -> None:
        self.work_dir = work_dir
        self.paths: dict[int, str] = {}
        self.whole: dict[int, pyarray[int]] = {}
        """``{shard: positions}`` of the whole-document duplicates (for the site-template counts;
        4 bytes each: at a million documents, half of them copies, a set would hold 30 MB)."""
        self._shard = -1
        self._fh: IO[bytes] | None = None

    def add(self, shard: int, pos: int, result: dedup.DedupResult) -> None:
        if result.duplicate_of is not None:
            self.whole.setdefault(shard, pyarray("I")).append(pos)
        if shard != self._shard or self._fh is None:
            self.close()
            path = self.paths.setdefault(shard, os.path.join(self.work_dir, f"decisions-{shard:06d}.pickle"))
            self._fh, self._shard = open(path, "ab"), shard  # noqa: SIM115  (closed by close())
        pickle.dump((pos, result), self._fh, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _cited_elsewhere(
    decisions: Mapping[int, str], results: Sequence[ShardResult], renames: Mapping[tuple[int, int], str]
) -> set[str]:
    """The ids that this run's duplicates and whole duplicates name (``of``) but that this run
    does not write: documents of earlier runs (read back from the decision spills).

    >>> import tempfile
    >>> from pipeline.dedup import DedupResult
    >>> from pipeline.document import Duplicate
    >>> spill = _DecisionSpill(tempfile.mkdtemp())
    >>> spill.add(0, 1, DedupResult((Duplicate(0, 5, "a", 0.9),), None, 0.5))
    >>> spill.add(0, 2, DedupResult((), "old", 1.0))
    >>> spill.close()
    >>> shard = ShardResult(0, "", "", "", IdList(["a", "b", "c"]), 0)
    >>> sorted(_cited_elsewhere(spill.paths, [shard], {}))
    ['old']
    """
    cited: set[str] = set()
    for path in decisions.values():
        with open(path, "rb") as fh:
            while True:
                try:
                    _pos, res = pickle.load(fh)
                except EOFError:
                    break
                cited.update(d.of for d in res.duplicates)
                if res.duplicate_of is not None:
                    cited.add(res.duplicate_of)
    if cited:
        for r in results:
            for pos, doc_id in enumerate(r.ids):
                cited.discard(renames.get((r.index, pos), doc_id))
    return cited


def _decide_stream(
    stream: Iterable[tuple[int, int, Any]],
    renames: dict[tuple[int, int], str],
    index: Any,
    config: Config,
    spill: _DecisionSpill,
) -> None:
    """Decide ``(shard, position, signature)`` in the order given; spill the decisions that matter."""
    batch: list[Any] = []
    where: dict[str, tuple[int, int]] = {}

    def flush() -> None:
        for doc_id, res in dedup.decide(batch, index, config.dedup).items():
            if res.duplicates or res.duplicate_of is not None:
                spill.add(*where[doc_id], res)
        batch.clear()
        where.clear()

    for shard, pos, sig in stream:
        new = renames.get((shard, pos))
        if new is not None:
            sig = replace(sig, doc_id=new)
        batch.append(sig)
        where[sig.doc_id] = (shard, pos)
        if len(batch) >= DECIDE_BATCH:
            flush()
    if batch:
        flush()


def _decide(
    results: Sequence[ShardResult],
    renames: dict[tuple[int, int], str],
    index: Any,
    config: Config,
    work_dir: str,
) -> _DecisionSpill:
    """Decide duplicates in canonical order; spill the decisions of documents that have any.

    Returns the (closed) spill: ``paths`` ``{shard index: path of its decisions file}``.
    """
    os.makedirs(work_dir, exist_ok=True)
    spill = _DecisionSpill(work_dir)
    try:
        _decide_stream(_signature_stream(results, work_dir), renames, index, config, spill)
    finally:
        spill.close()
    return spill


class EarlyDecider:
    """Decides duplicates while the workers are still cleaning, when that gives the same result.

    Canonical order puts dated documents first; when no document is dated, it is input
    order, which is shard order. So each shard's signatures can be decided as soon as
    that shard and every shard before it are cleaned, in the driver, which otherwise
    waits. The first shard holding a dated document switches this off (``ok`` becomes
    False) and :func:`finish` decides everything after the map, as it always can.
    Holds the state store (its lock) from the start, since the index is read now.
    """

    def __init__(self, plan: RunPlan, state: State) -> None:
        self.config = plan.config
        self.index: Any = state.load_dedup_index()  # None once handed over or given up
        self.work_dir = os.path.join(plan.work_dir, "early")
        os.makedirs(self.work_dir, exist_ok=True)
        self.spill = _DecisionSpill(self.work_dir)
        self.renames: dict[tuple[int, int], str] = {}
        self.ok = True
        self.decided = 0
        self.seconds = 0.0
        self._seen: Counter[str] = Counter()
        self._generated: set[str] = set()  # the renames made so far (x~N)
        self._pending: dict[int, ShardResult] = {}

    def offer(self, result: ShardResult) -> None:
        """A shard is cleaned: decide it and any shards after it that were waiting for it."""
        if not self.ok:
            return
        t0 = time.perf_counter()
        self._pending[result.index] = result
        try:
            while self.ok and self.decided in self._pending:
                r = self._pending.pop(self.decided)
                if r.first_key is not None and r.first_key[0] == 0:
                    self.ok = False  # a dated document: canonical order is not shard order
                    break
                given = _given_suffixed([r])
                if not given.isdisjoint(self._generated):
                    # an id this shard carries was given to an earlier document as a rename:
                    # finish() renames and decides again, knowing every id of the run
                    self.ok = False
                    break
                before = len(self.renames)
                _rename(r, self._seen, self.renames, given)
                self._generated.update(itertools.islice(self.renames.values(), before, None))
                stream = ((r.index, pos, sig) for _key, pos, sig in _unspill(r.signatures))
                _decide_stream(stream, self.renames, self.index, self.config, self.spill)
                self.decided += 1
        finally:
            self.spill.close()
            self.seconds += time.perf_counter() - t0
        if not self.ok:
            self.index = None
            self._pending.clear()

    def complete(self, results: Sequence[ShardResult]) -> bool:
        """Whether every shard of ``results`` was decided here."""
        return self.ok and self.decided == len(results)


def _line_keys(results: Iterable[ShardResult]) -> Iterator[tuple[str, bytes | None]]:
    for r in results:
        for group, keys, _pos in _unspill(r.line_keys):
            yield group, keys


class EarlyTemplates:
    """Counts each shard's template line keys in the state store as the shard arrives.

    Template counts are sums, so shards count in whatever order workers finish them; with
    worker processes the driver does this while they clean, and :func:`finish` only decides
    (:func:`templates.decide_groups`), counting any shard not seen here.
    """

    def __init__(self, state: State) -> None:
        self.state = state
        self.groups: set[str] = set()
        self.counted: set[int] = set()
        self.seconds = 0.0

    def offer(self, result: ShardResult) -> None:
        """Count one cleaned shard's line keys."""
        t0 = time.perf_counter()
        self.groups |= templates.count(_line_keys([result]), self.state)
        self.counted.add(result.index)
        self.seconds += time.perf_counter() - t0

    def decide(
        self,
        results: Sequence[ShardResult],
        cfg: BoilerplateConfig,
        whole: dict[int, pyarray[int]] | None = None,
    ) -> dict[str, set[int]]:
        """Count the shards of ``results`` not offered yet, take the whole-document duplicates
        (``whole``: ``{shard: positions}``) back out, then decide every group seen."""
        rest = (r for r in results if r.index not in self.counted)
        self.groups |= templates.count(_line_keys(rest), self.state)
        if whole:
            for r in results:
                if r.index in whole:
                    dups = set(whole[r.index])  # one shard at a time
                    copies = ((g, k) for g, k, pos in _unspill(r.line_keys) if pos in dups and k is not None)
                    templates.discount(copies, self.state)
        return templates.decide_groups(self.groups, self.state, cfg)


MapFn = Callable[[Callable[[Any], Any], Sequence[Any]], Iterable[Any]]
"""``map``-like: applies a picklable function to each task, results in task order."""


@fewer_collections()
def finish(
    plan: RunPlan,
    results: Sequence[ShardResult],
    map_fn: MapFn | None = None,
    *,
    state: State | None = None,
    early: EarlyDecider | None = None,
    early_templates: EarlyTemplates | None = None,
) -> RunSummary:
    """Reduce: ordered dedup and site templates, assembly, atomic write, then the state commit.

    Dedup and templates are decided here, in one process (they depend on the canonical
    order); assembling and serialising the records of each shard is independent work, done
    with ``map_fn`` (e.g. a process pool's ``map``; default: in this process) into part
    files that are then concatenated, in shard order, into the atomic outputs.
    ``state``: the state store, already open (and locked) by the caller; ``early``: an
    :class:`EarlyDecider` that saw every shard during the map (its decisions are used
    when it could make them all); ``early_templates``: an :class:`EarlyTemplates` that
    counted template lines during the map (with this ``state``).
    """
    if state is None:
        with State.open(plan.state_dir) as opened:
            return finish(plan, results, map_fn, state=opened, early=early, early_templates=early_templates)
    check_state_unchanged(plan, state)
    config = plan.config
    results = sorted(results, key=lambda r: r.index)
    use_early = early is not None and early.complete(results)
    renames = early.renames if early is not None and use_early else _unique_ids(results)

    summary = RunSummary(
        run_id=plan.run_id,
        output=plan.output,
        inputs=len(plan.sources),
        skipped_inputs=plan.skipped,
        appended_inputs=len(plan.appended),
        held_back_inputs=len(plan.held_back),
    )
    for r in results:
        for k, v in r.timings.items():
            summary.timings[k] = summary.timings.get(k, 0.0) + v

    out = Path(plan.output)
    out.mkdir(parents=True, exist_ok=True)
    # the state store is open (and locked) for the whole reduce
    t0 = time.perf_counter()
    decisions: dict[int, str] = {}
    whole: dict[int, pyarray[int]] = {}
    if config.dedup.mode != "off":
        if early is not None and use_early:
            index, spill = early.index, early.spill
            early.index = None
        else:
            index = state.load_dedup_index()
            spill = _decide(results, renames, index, config, plan.work_dir)
        decisions, whole = spill.paths, spill.whole
        state.save_dedup_index(index)
        del index
    summary.timings["dedup"] = time.perf_counter() - t0 + (early.seconds if early is not None else 0.0)

    t0 = time.perf_counter()
    template_keys: dict[str, set[int]] = {}
    if config.boilerplate.templates_on:
        counter = early_templates if early_templates is not None else EarlyTemplates(state)
        template_keys = counter.decide(results, config.boilerplate, whole)
        t0 -= counter.seconds  # counting done during the map
    summary.timings["templates"] = time.perf_counter() - t0

    # a one-off run that names documents of the output it replaces as the first copies of its
    # duplicates keeps that output's documents file (set aside): else their text would be nowhere
    replaces = not config.run.incremental and any(
        (out / name).is_file() for name in ("documents.jsonl", "documents.jsonl.gz")
    )
    elsewhere = _cited_elsewhere(decisions, results, renames) if replaces else set()

    t0 = time.perf_counter()
    _sweep_stale_work(out, Path(plan.work_dir).name)
    # a one-off run replaces the output: the earlier runs whose documents it sets aside or
    # overwrites (an earlier one-off run's documents.jsonl)
    replaced = (
        {r for r in [_replaced_one_off(out, plan.state_dir)] if r} if not config.run.incremental else set()
    )
    moved: list[tuple[Path, Path]] = []
    published: list[bool] = []
    # from setting earlier files aside to the state's commit, SIGINT and SIGTERM wait: a signal in
    # between left the new documents file beside the old manifest, and the state unsaved
    held = contextlib.ExitStack()

    def set_aside() -> None:  # once this run's files are finished, right before they are published
        held.enter_context(_signals_deferred())
        _set_aside_uncommitted(out, state.run_ids(), plan.state_dir, config.run.incremental, moved)
        if elsewhere:
            _keep_cited_one_off(out, elsewhere, moved)

    committed = written = False
    try:
        with held:
            _write_outputs(
                plan, results, renames, decisions, template_keys, summary, map_fn or map, set_aside, published
            )
            written = True
            if not config.run.incremental:
                replaced |= _hidden_runs(out)  # set aside now or by an earlier one-off run
            summary.timings["write"] = time.perf_counter() - t0

            unread = UNREAD.hex()
            processed = (
                (f.rel, f.size, f.blake2b)
                for f, skipped in plan.files()
                if not skipped and f.blake2b != unread
            )
            state.record_inputs(processed, plan.run_id, counted=config.boilerplate.templates_on)
            state.record_input_ids(plan.input_ids)
            # the inputs of the replaced runs that this run did not read (by content: the same file
            # under another path is read): their documents are no longer in the output, so the next
            # incremental run must write them again, not skip them as unchanged
            aside = state.set_inputs_aside(replaced - {plan.run_id}, keep_run=plan.run_id)
            if aside:
                log.warning(
                    "%d input(s) that earlier runs processed and this run did not read are to be read "
                    "again: a one-off run replaces the output (earlier runs' files are kept as "
                    ".docclean-orphan-*); the next incremental run with this state writes them again",
                    aside,
                )
            summary.seconds = time.time() - plan.started
            state.start_run(plan.run_id, _iso(plan.started))
            counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int)}
            state.finish_run(plan.run_id, _iso(time.time()), counts)
            state.commit()
            committed = True
        shutil.rmtree(plan.work_dir, ignore_errors=True)
    except KeyboardInterrupt as exc:
        if not published:
            _put_back(moved)  # nothing of this run is published: the output stays as it was
        # the output may be (partly) published: say so, rather than "unchanged"
        said = RunInterrupted.AFTER_COMMIT if committed else RunInterrupted.BEFORE_COMMIT
        raise RunInterrupted(said) from exc
    except Exception as exc:
        if not published:
            _put_back(moved)
        trouble = state.as_os_error(exc)
        if trouble is None or not written or committed:
            raise
        # a full disk under the state store: the output is already in place, so "the run
        # stopped" alone would read as "nothing changed"
        raise DoccleanError(
            f"the output is written, but the state was not saved: {os_reason(trouble)}; "
            "the next run reads these inputs again"
        ) from exc
    log.info(
        "run %s: %d documents, %d rejected, %d duplicate passages in %.1fs",
        plan.run_id,
        summary.documents,
        summary.rejected,
        summary.duplicate_passages,
        summary.seconds,
    )
    return summary


@dataclass(frozen=True)
class WriteTask:
    """Assemble and serialise one shard's records into part files (the write phase's map)."""

    index: int
    spill: str
    renames: dict[int, str]
    decisions: str | None
    template_keys: dict[str, set[int]]
    config: Config
    documents_part: str
    rejected_part: str


@dataclass
class WriteResult:
    """Counts of one written shard, summed by the driver into the run summary."""

    documents: int = 0
    chars_in: int = 0
    chars_out: int = 0
    duplicate_passages: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)

    def add(self, other: WriteResult) -> None:
        """Sum ``other`` into this one."""
        self.documents += other.documents
        self.chars_in += other.chars_in
        self.chars_out += other.chars_out
        self.duplicate_passages += other.duplicate_passages
        self.removed.update(other.removed)
        self.rejected.update(other.rejected)
        self.languages.update(other.languages)
        self.repairs.update(other.repairs)


def write_shard(task: WriteTask) -> WriteResult:
    """Finalise every item of one spilled shard and write its JSONL lines to the part files."""
    config = task.config
    res = WriteResult()
    decisions: dict[int, dedup.DedupResult] = dict(_unspill(task.decisions)) if task.decisions else {}
    pos = 0
    with (
        open(task.documents_part, "w", encoding="utf-8", newline="\n") as docs_fh,
        open(task.rejected_part, "w", encoding="utf-8", newline="\n") as rej_fh,
    ):
        for items in _unspill(task.spill):
            for item in items:
                outcome: Finished | Rejection
                if isinstance(item, Rejection):
                    outcome = item
                else:
                    new = task.renames.get(pos)
                    if new is not None:
                        item = replace(item, id=new)
                    result = decisions.get(pos)
                    pos += 1
                    if result is not None and result.duplicate_of is not None:
                        outcome = _reject_duplicate(item, result.duplicate_of)
                    else:
                        outcome = _finalise(item, result, task.template_keys, config)
                if isinstance(outcome, Rejection):
                    res.rejected[outcome.reason] += 1
                    rej_fh.write(dumps(rejection_record(outcome)) + "\n")
                    continue
                doc, kept, dups = outcome
                rec = record(doc, kept, dups)
                docs_fh.write(dumps(rec) + "\n")
                res.documents += 1
                res.chars_in += doc.chars_in
                res.chars_out += len(rec["text"])
                res.duplicate_passages += len(dups)  # removed, or with ``annotate`` listed and kept
                res.removed.update(s.category.value for s in doc.removed)
                res.repairs.update(r.fix for r in doc.repairs)
                res.languages[doc.language] += 1
    return res


def _write_tasks(
    plan: RunPlan,
    results: Sequence[ShardResult],
    renames: dict[tuple[int, int], str],
    decisions: dict[int, str],
    template_keys: dict[str, set[int]],
) -> list[WriteTask]:
    by_shard: dict[int, dict[int, str]] = {}
    for (shard, pos), new in renames.items():
        by_shard.setdefault(shard, {})[pos] = new
    tasks: list[WriteTask] = []
    for r in results:
        shard_renames = by_shard.get(r.index, {})
        base = os.path.join(plan.work_dir, f"part-{r.index:06d}")
        tasks.append(
            WriteTask(
                index=r.index,
                spill=r.spill,
                renames=shard_renames,
                decisions=decisions.get(r.index),
                template_keys=template_keys,
                config=plan.config,
                documents_part=base + ".documents.jsonl",
                rejected_part=base + ".rejected.jsonl",
            )
        )
    return tasks


Finished = tuple[Document, list[tuple[int, int]], tuple[Duplicate, ...]]
"""A document ready to write: the document, its kept ranges, its duplicates."""


_RUN_FILE = re.compile(rf"(?:documents|rejected|manifest)-({RUN_ID})\.(?:jsonl|jsonl\.gz|json)")
"""An incremental run's own files; group 1 is its run id."""


def _set_aside_uncommitted(
    out: Path,
    committed: set[str],
    state_dir: str,
    incremental: bool = True,
    moved: list[tuple[Path, Path]] | None = None,
) -> list[tuple[Path, Path]]:
    """Rename earlier output files whose documents this run writes again to ``.docclean-orphan-*``
    (kept for inspection, no longer read by ``explain``/``validate``/consumers globbing
    ``documents*.jsonl``); returns ``(file, where it went)`` pairs, for :func:`_put_back`
    (appended to ``moved`` as they happen, when given: a Ctrl-C halfway loses none of them).

    - An incremental run: the per-run files of runs that published their output but never
      committed their state (interrupted in between: Ctrl-C, a full disk), whose inputs were
      never recorded and are read again now. When the state remembers no run at all (new, or
      after ``state reset``), every earlier output file, the one-off ``documents.jsonl`` too.
    - A one-off run (``incremental`` False) replaces ``documents.jsonl``; incremental runs'
      files beside it would repeat its documents, so they go aside too (their inputs are then
      marked to be read again: :meth:`State.set_inputs_aside`).
    - Either way, files of a run whose manifest names another state folder stay: that state
      keeps track of them.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> for run in ("20260101T000000Z-0a1b2c3d", "20260102T000000Z-0a1b2c3d"):
    ...     _ = (out / f"documents-{run}.jsonl").write_text("{}")
    >>> [a.name for a, _ in _set_aside_uncommitted(out, {"20260101T000000Z-0a1b2c3d"}, "st")]
    ['documents-20260102T000000Z-0a1b2c3d.jsonl']
    >>> [p.name[:24] for p in sorted(out.iterdir())]
    ['.docclean-orphan-documen', 'documents-20260101T00000']
    >>> moved = _set_aside_uncommitted(out, {"20260101T000000Z-0a1b2c3d"}, "st", incremental=False)
    >>> [a.name for a, _ in moved]
    ['documents-20260101T000000Z-0a1b2c3d.jsonl']
    >>> _put_back(moved); sorted(p.name[:24] for p in out.iterdir())
    ['.docclean-orphan-documen', 'documents-20260101T00000']
    """
    moved = [] if moved is None else moved
    one_off = _replaced_one_off(out, state_dir) if incremental else None
    for path in sorted(out.iterdir()):
        m = _RUN_FILE.fullmatch(path.name)
        if m is None:
            if not (incremental and _ONE_OFF_FILE.fullmatch(path.name)):
                continue
            if not committed:
                why = "the state remembers no earlier run, so this run reads every input again"
            elif one_off is not None and one_off not in committed:
                why = "the one-off run that wrote it never committed its state"
            else:
                continue
        elif _other_state(out, m.group(1), state_dir):
            continue  # another state's run writes here too
        elif not incremental:
            why = "a one-off run replaces the documents of this output"
        elif not committed:
            why = "the state remembers no earlier run, so this run reads every input again"
        elif m.group(1) in committed:
            continue
        else:
            why = "its run never committed its state, so this run reads its inputs again"
        aside, n = out / f".docclean-orphan-{path.name}", 2
        while aside.exists():  # set aside before (the same one-off name again): keep both
            aside, n = out / f".docclean-orphan-{n}-{path.name}", n + 1
        path.rename(aside)
        log.warning("set %s aside as %s: %s", path.name, aside.name, why)
        moved.append((path, aside))
    return moved


def _keep_cited_one_off(out: Path, cited: set[str], moved: list[tuple[Path, Path]]) -> None:
    """Set aside (``.docclean-orphan-documents.jsonl``) the one-off ``documents.jsonl`` a one-off
    run replaces, when it holds documents ``cited`` (named as first copies by this run's
    duplicates, and not written by this run); appends to ``moved`` for :func:`_put_back`.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "documents.jsonl").write_text('{"schema":"docclean/1","id":"a"}\\n')
    >>> moved = []
    >>> _keep_cited_one_off(out, {"b"}, moved); moved
    []
    >>> _keep_cited_one_off(out, {"a"}, moved); [p.name for p in sorted(out.iterdir())]
    ['.docclean-orphan-documents.jsonl']
    """
    for name in ("documents.jsonl", "documents.jsonl.gz"):
        path = out / name
        if not path.is_file():
            continue
        held = [doc_id for doc_id in _record_ids(path) if doc_id in cited]
        if not held:
            continue
        aside, n = out / f".docclean-orphan-{name}", 2
        while aside.exists():
            aside, n = out / f".docclean-orphan-{n}-{name}", n + 1
        path.rename(aside)
        moved.append((path, aside))
        shown = ", ".join(sorted(held)[:3]) + (", ..." if len(held) > 3 else "")
        log.warning(
            "set %s aside as %s: this one-off run replaces it, but it holds %d document(s) (%s) with "
            "the first copies of passages or documents this run removed as duplicates, which are "
            "kept there (run with --incremental to keep every run's documents in the output, or "
            "with a fresh --state to deduplicate this run on its own)",
            name,
            aside.name,
            len(held),
            shown,
        )


_ID_PREFIX = '{"schema":"docclean/1","id":'


def _record_ids(path: Path) -> Iterator[str]:
    """The ids of an output file's records (read from each line's fixed prefix; a line that does
    not start as a record does is parsed whole, and skipped when it is no record)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith(_ID_PREFIX):
                try:
                    doc_id, _end = _JSON_DECODER.raw_decode(line, len(_ID_PREFIX))
                except ValueError:
                    continue
            else:
                try:
                    doc_id = json.loads(line).get("id")
                except (ValueError, AttributeError):
                    continue
            if isinstance(doc_id, str):
                yield doc_id


_JSON_DECODER = json.JSONDecoder()


def _put_back(moved: list[tuple[Path, Path]]) -> None:
    """Undo :func:`_set_aside_uncommitted` (a run that stopped before writing its output)."""
    for path, aside in reversed(moved):
        try:
            if not path.exists():
                aside.rename(path)
        except OSError as exc:  # never hide the error that stopped the run
            log.warning("could not put %s back as %s: %s", aside.name, path.name, exc)


def _other_state(out: Path, run_id: str, state_dir: str) -> bool:
    """Whether run ``run_id``'s manifest in ``out`` names a state folder other than ``state_dir``."""
    manifest = out / f"manifest-{run_id}.json"
    try:
        theirs = json.loads(manifest.read_text(encoding="utf-8")).get("state_dir")
    except (OSError, ValueError, AttributeError):
        return False
    return theirs is not None and os.path.realpath(theirs) != os.path.realpath(state_dir)


def _check_one_state(out: Path, state_dir: str) -> None:
    """A one-off run replaces the output; an incremental run of another state writes there too:
    setting its files aside would lose their documents (that state still counts the inputs as
    done), keeping them would show documents twice. Refuse, naming the state to use.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "documents-20260101T000000Z-0a1b2c3d.jsonl").write_text("")
    >>> _ = (out / "manifest-20260101T000000Z-0a1b2c3d.json").write_text('{"state_dir": "/x/st"}')
    >>> _check_one_state(out, "/x/st")
    >>> try:
    ...     _check_one_state(out, "/y/other")
    ... except ConfigError as exc:
    ...     print("keep their state in /x/st;" in str(exc))
    True
    """
    for path in sorted(out.glob("documents-*")):
        m = _RUN_FILE.fullmatch(path.name)
        if m is None or not _other_state(out, m.group(1), state_dir):
            continue
        theirs = json.loads((out / f"manifest-{m.group(1)}.json").read_text(encoding="utf-8"))["state_dir"]
        raise ConfigError(
            f"{out} holds documents of incremental runs that keep their state in {theirs}; a one-off "
            f"run with the state {state_dir} would replace them without that state knowing. Run with "
            f"--state {theirs}, or write to another output folder"
        )


def _warn_other_states(out: Path, state_dir: str) -> None:
    """An incremental run into an output where incremental runs of another state wrote: allowed
    (two feeds, one folder), but inputs both states read are written twice; say so once.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "documents-20260101T000000Z-0a1b2c3d.jsonl").write_text("")
    >>> _ = (out / "manifest-20260101T000000Z-0a1b2c3d.json").write_text('{"state_dir": "/x/st"}')
    >>> _warn_other_states(out, "/x/st")  # the same state: nothing to say
    """
    theirs = set()
    for path in sorted(out.glob("documents-*")):
        m = _RUN_FILE.fullmatch(path.name)
        if m is not None and _other_state(out, m.group(1), state_dir):
            manifest = json.loads((out / f"manifest-{m.group(1)}.json").read_text(encoding="utf-8"))
            theirs.add(str(manifest["state_dir"]))
    if theirs:
        log.warning(
            "%s holds documents of incremental runs that keep their state in %s, not in %s: an input "
            "both states read is written again by this run (its documents are then in the output "
            "twice); give --state %s to continue those runs",
            out,
            ", ".join(sorted(theirs)),
            state_dir,
            sorted(theirs)[0],
        )


_HIDDEN_RUN = re.compile(rf"\.docclean-orphan-(?:\d+-)?documents-({RUN_ID})\.jsonl(?:\.gz)?")


def _hidden_runs(out: Path) -> set[str]:
    """The runs whose documents file in ``out`` is set aside (``.docclean-orphan-*``).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> for name in (".docclean-orphan-documents-20260101T000000Z-0a1b2c3d.jsonl",
    ...              ".docclean-orphan-2-documents-20260102T000000Z-0a1b2c3d.jsonl.gz",
    ...              ".docclean-orphan-rejected-20260103T000000Z-0a1b2c3d.jsonl"):
    ...     _ = (out / name).write_text("")
    >>> sorted(_hidden_runs(out))
    ['20260101T000000Z-0a1b2c3d', '20260102T000000Z-0a1b2c3d']
    """
    return {m.group(1) for p in out.glob(".docclean-orphan-*") if (m := _HIDDEN_RUN.fullmatch(p.name))}


def _replaced_one_off(out: Path, state_dir: str) -> str | None:
    """The run id of the one-off run whose ``documents.jsonl`` a one-off run replaces (from
    ``manifest.json``), when it kept its state in ``state_dir``; else None."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        run_id, theirs = manifest.get("run_id"), manifest.get("state_dir")
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(run_id, str) or (
        theirs is not None and os.path.realpath(theirs) != os.path.realpath(state_dir)
    ):
        return None
    return run_id


_ONE_OFF_FILE = re.compile(r"(?:documents|rejected)\.jsonl(?:\.gz)?")


def _write_outputs(
    plan: RunPlan,
    results: Sequence[ShardResult],
    renames: dict[tuple[int, int], str],
    decisions: dict[int, str],
    template_keys: dict[str, set[int]],
    summary: RunSummary,
    map_fn: MapFn,
    before_publish: Callable[[], None] | None = None,
    published: list[bool] | None = None,
) -> None:
    """Write the run's documents, rejections and manifest. ``before_publish`` runs once the
    files are finished, right before they are renamed into place; ``published`` gets a True
    once they are."""
    config = plan.config
    out = Path(plan.output)
    gz = config.run.gzip
    # A one-off run replaces the output; an incremental run adds one file per run, so that
    # earlier nights' output is never overwritten by a run that only saw new inputs.
    suffix = f"-{plan.run_id}" if config.run.incremental else ""
    doc_name = f"documents{suffix}.jsonl" + (".gz" if gz else "")
    rej_name = f"rejected{suffix}.jsonl"
    total = WriteResult()
    tasks = _write_tasks(plan, results, renames, decisions, template_keys)
    os.makedirs(plan.work_dir, exist_ok=True)
    # both files are finished before either is published (writers.atomic_writers)
    with atomic_writers([(out / doc_name, gz), (out / rej_name, False)]) as (docs_fh, rej_fh):
        for task, res in zip(tasks, map_fn(write_shard, tasks), strict=True):
            for part, fh in ((task.documents_part, docs_fh), (task.rejected_part, rej_fh)):
                with open(part, encoding="utf-8", newline="\n") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
                os.unlink(part)
            total.add(res)
        if before_publish is not None:
            before_publish()
    if published is not None:
        published.append(True)
    summary.documents = total.documents
    summary.chars_in = total.chars_in
    summary.chars_out = total.chars_out
    summary.duplicate_passages = total.duplicate_passages
    summary.duplicate_documents = total.rejected.get("duplicate_document", 0)
    summary.rejected = sum(total.rejected.values())
    summary.rejected_by_reason = dict(total.rejected)
    summary.removed_by_category = dict(total.removed)
    summary.languages = dict(total.languages)
    summary.repairs_by_fix = dict(total.repairs)
    summary.seconds = time.time() - plan.started  # so far: the manifest's figure
    manifest = _manifest(plan, summary, doc_name, rej_name)
    if config.run.incremental:
        write_manifest(out / f"manifest{suffix}.json", manifest, _manifest_inputs(plan))
    write_manifest(out / "manifest.json", manifest, _manifest_inputs(plan))
    if not config.run.incremental:
        # the same run without (or with) --gzip before: its documents file would be read too
        stale = out / ("documents.jsonl" if gz else "documents.jsonl.gz")
        if stale.exists():
            stale.unlink()
            log.info(
                "removed %s, written by an earlier run of this output with%s --gzip",
                stale,
                "out" if gz else "",
            )


def _reject_duplicate(doc: Document, of: str) -> Rejection:
    return _reject(doc, "duplicate_document", f"near-duplicate of {of}", of=of)


def _finalise(
    doc: Document,
    result: dedup.DedupResult | None,
    template_keys: dict[str, set[int]],
    config: Config,
) -> Finished | Rejection:
    """Add template spans, then assemble the output text (or reject an emptied document)."""
    if template_keys.get(doc.group):
        extra = templates.spans(doc, template_keys[doc.group])
        if extra:
            doc = doc.replace(removed=tuple(sorted(doc.removed + extra)))
    dups: tuple[Duplicate, ...] = result.duplicates if result is not None else ()
    cut = [(s.start, s.end) for s in doc.removed]
    if config.dedup.mode == "drop":
        cut += [(d.start, d.end) for d in dups]
    kept = assemble_mod.kept_ranges(doc.text, cut)
    if not kept:
        shown = len(dups) if config.dedup.mode == "drop" else 0
        return _reject(doc, "empty_after_cleaning", _emptied(doc.removed, shown))
    return doc, kept, dups


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def _package_versions() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in ("docclean", "trafilatura", "ftfy", "langdetect", "charset-normalizer", "warcio", "lxml"):
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _manifest(plan: RunPlan, summary: RunSummary, doc_name: str, rej_name: str) -> dict[str, Any]:
    """The manifest, without its ``inputs`` list (:func:`_manifest_inputs` streams that)."""
    return {
        "schema": MANIFEST_SCHEMA,
        "record_schema": "docclean/1",
        "run_id": plan.run_id,
        "started": _iso(plan.started),
        "finished": _iso(time.time()),
        "outputs": {"documents": doc_name, "rejected": rej_name},
        "summary": summary.to_dict(),
        "config_digest": plan.config.digest(plan.rules_digest or None),
        "config": plan.config.to_dict(),
        "packages": _package_versions(),
        "state_dir": plan.state_dir,
    }


def _manifest_inputs(plan: RunPlan) -> Iterator[dict[str, Any]]:
    """The manifest's ``inputs`` entries, one input file at a time (``from_line``: the first
    line read of a grown JSONL input, 1-based; ``held_back_bytes``: an unfinished last line
    beyond ``size``, left for the next run)."""
    for i, (f, skipped) in enumerate(plan.files()):
        entry: dict[str, Any] = {"path": f.rel, "size": f.size, "blake2b": f.blake2b, "skipped": skipped}
        if i in plan.appended:
            entry["from_line"] = plan.appended[i][1] + 1
        if i in plan.held_back:
            entry["held_back_bytes"] = plan.held_back[i]
        yield entry


def _manifest_json(obj: Any) -> str:
    """``obj`` as indented JSON, UTF-8 safe: a path whose bytes are not UTF-8 (a lone surrogate
    in Python, which UTF-8 cannot hold) is written as its ``\\udcXX`` escape, which reads back
    as the same string.

    >>> _manifest_json({"output": "caf\\udce9"})
    '{\\n  "output": "caf\\\\udce9"\\n}'
    """
    return json.dumps(obj, ensure_ascii=False, indent=2).encode("utf-8", "backslashreplace").decode("utf-8")


_json_string: Callable[[str], str] = json.encoder.encode_basestring  # what ensure_ascii=False dumps use
_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


def _flat_item_json(item: dict[str, Any]) -> str:
    """``_manifest_json(item)`` indented by 4 more spaces (an item of the manifest's ``inputs``),
    its scalar values encoded one by one by the C encoder (an indented dump runs the pure-Python
    encoder: a tenth of a second per 20,000 inputs, at the very end of a run).

    >>> item = {"path": "a/caf\\udce9 \\\\ “x”.txt", "size": 3, "skipped": False, "from_line": None}
    >>> _flat_item_json(item) == _manifest_json(item).replace("\\n", "\\n    ")
    True
    """
    if not item:
        return "{}"
    parts = []
    for k, v in item.items():
        if not isinstance(k, str):  # json.dumps writes other keys as strings: the general encoder
            return _manifest_json(item).replace("\n", "\n    ")
        if isinstance(v, str):
            value = _json_string(v)
        elif v is None or isinstance(v, bool):
            value = _JSON_CONSTANTS[v]
        elif type(v) is int:
            value = int.__repr__(v)
        else:  # a float, a list, a dict: the general encoder
            return _manifest_json(item).replace("\n", "\n    ")
        parts.append(f"{_json_string(k)}: {value}")
    body = ",\n      ".join(parts)
    return ("{\n      " + body + "\n    }").encode("utf-8", "backslashreplace").decode("utf-8")


def write_manifest(
    path: str | os.PathLike[str], head: dict[str, Any], inputs: Iterable[dict[str, Any]]
) -> None:
    """Atomically write ``head`` plus an ``"inputs": [...]`` key as :func:`write_json` would,
    byte for byte, but with the inputs serialised one at a time (never one list in memory).

    An ``indent=2`` dump of a list nested one level deep puts each item on new lines indented
    by 4 spaces; JSON strings never hold a raw newline, so indenting every line of the
    item's own dump gives exactly those bytes.

    >>> import json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.json"
    >>> rows = [{"path": "a/é.txt", "size": 1, "skipped": False}, {"path": "b", "size": 2, "skipped": True}]
    >>> for items in (rows, []):
    ...     write_manifest(p, {"run_id": "r", "summary": {"n": [1, 2]}}, iter(items))
    ...     expected = json.dumps({"run_id": "r", "summary": {"n": [1, 2]}, "inputs": items},
    ...                           ensure_ascii=False, indent=2) + "\\n"
    ...     p.read_text(encoding="utf-8") == expected
    True
    True
    """
    text = _manifest_json(head)
    if not text.endswith("\n}"):
        raise ValueError("the manifest head must be a non-empty JSON object")
    with atomic_writer(path) as fh:
        fh.write(text[:-2] + ',\n  "inputs": [')
        sep = "\n    "
        empty = True
        for item in inputs:
            fh.write(sep + _flat_item_json(item))
            sep, empty = ",\n    ", False
        fh.write("]\n}\n" if empty else "\n  ]\n}\n")


# -- driver -------------------------------------------------------------------------------------


def _worker_count(config: Config) -> int:
    return config.run.workers or os.cpu_count() or 1


@contextlib.contextmanager
def _pool(the_plan: RunPlan) -> Iterator[cf.ProcessPoolExecutor | None]:
    """A process pool for the run's map and write phases (``None`` with one worker).

    Ctrl-C is the driver's: the workers ignore SIGINT (:func:`_worker_signals`; a terminal sends
    it to every process of the job), so none of them prints a ``KeyboardInterrupt`` traceback
    or dies while the driver shuts down. SIGTERM kills a worker (its default action, whatever
    the driver made of it: the ``docclean`` command turns it into an interruption). When the
    block ends with an exception (Ctrl-C, a failure) the workers are stopped at once
    (:func:`_stop_workers`), not waited for: what they were writing is in the run's work
    folder, which the caller removes.
    """
    workers = min(_worker_count(the_plan.config), max(1, len(the_plan.shards)))
    if workers <= 1:
        yield None
        return
    # load language profiles and build the rule index once; forked workers inherit both (each
    # compiles the rules' patterns it meets on first use)
    language.warm_up(the_plan.config.language)
    if the_plan.config.boilerplate.enabled:
        boilerplate.warm_up(_rule_pack(the_plan.config))
    fork = os.name == "posix"
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    with contextlib.ExitStack() as stack:
        if fork:
            # Forked workers start with the driver's pages, shared until either side writes
            # them. Hand back the heap pages planning freed (glibc; at 600,000 input files ~34
            # MB that each worker would otherwise inherit, and keep privately once the driver
            # reuses them), then freeze the driver's objects so that the workers' collections
            # do not write to (copy) their pages.
            _trim_heap()
            stack.enter_context(_frozen())
        pool = stack.enter_context(
            cf.ProcessPoolExecutor(
                max_workers=workers, mp_context=ctx, initializer=_worker_signals, initargs=(os.getpid(),)
            )
        )
        try:
            if fork:
                # the pool forks all its workers at the first submit: do it now, before the driver
                # loads the dedup index or anything else the workers never use (with SIGINT held
                # back, so that no worker gets one before its initializer ignores it; SIGTERM too,
                # which must not run a handler the driver set before the initializer resets it)
                with _signals_held():
                    first = pool.submit(int)
                first.result()
            yield pool
        except cf.process.BrokenProcessPool as exc:  # a worker killed (the kernel's OOM killer)
            _stop_workers(pool)
            raise DoccleanError(
                "a worker process died (killed, or out of memory?); output and state are unchanged: "
                "run again, with fewer --workers if memory is short"
            ) from exc
        except BaseException:
            _stop_workers(pool)
            raise


_HELD = {signal.SIGINT, signal.SIGTERM}


def _worker_signals(driver: int | None = None) -> None:
    """Worker initializer: ignore SIGINT, let SIGTERM kill (a forked worker inherits the
    driver's handler, which would raise in the worker instead), and let signals held back at
    the fork go. On Linux, also die with the ``driver`` process (:func:`_die_with_driver`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    if driver is not None:
        _die_with_driver(driver)


_PR_SET_PDEATHSIG = 1


def _die_with_driver(driver: int) -> None:
    """Have the kernel kill this process when the thread that forked it ends (Linux's
    ``PR_SET_PDEATHSIG``), and exit now if ``driver`` is gone already.

    A driver killed outright (``kill -9``, the OOM killer) runs no clean-up: its workers
    stayed behind, idle, holding their memory, until someone killed them by hand. The pool's
    workers are forked by the thread that runs the run, which outlives the pool. Elsewhere
    (no ``prctl``) nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != driver:  # the driver died before the request was made
        os._exit(1)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back from this thread for the block (where the platform can);
    one sent meanwhile arrives when it ends. Processes forked inside start with them held back.

    >>> with _signals_held():
    ...     _HELD <= signal.pthread_sigmask(signal.SIG_BLOCK, [])
    True
    >>> signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    False
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive in the block take effect when it ends (the first one, with
    the handler there was before): for the steps that must finish together. A second one takes
    effect at once (a Ctrl-C again stops a commit that hangs). Any thread of the process may
    receive a signal, so holding it back from one thread (:func:`_signals_held`) is not enough;
    handlers can only be set in the main thread: elsewhere (a library caller's thread) the block
    runs as it is.

    >>> import os
    >>> try:
    ...     with _signals_deferred():
    ...         os.kill(os.getpid(), signal.SIGINT)
    ...         print("the block ends")
    ... except KeyboardInterrupt:
    ...     print("then the interrupt")
    the block ends
    then the interrupt
    >>> try:
    ...     with _signals_deferred():
    ...         os.kill(os.getpid(), signal.SIGINT)
    ...         os.kill(os.getpid(), signal.SIGINT)
    ...         print("not reached")
    ... except KeyboardInterrupt:
    ...     print("stopped at once")
    stopped at once
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[int] = []
    # (a handler set from C reads as None: it cannot be put back, so that signal is left alone)
    previous = {int(sig): h for sig in _HELD if (h := signal.getsignal(sig)) is not None}

    def restore() -> None:
        for num, handler in previous.items():
            signal.signal(num, handler)

    def act(signum: int) -> None:
        handler = previous[signum]
        if callable(handler):
            handler(signum, None)
        elif handler == signal.SIG_DFL:
            os.kill(os.getpid(), signum)

    def hold(signum: int, frame: object) -> None:
        if got:  # a second one: stop now (a commit that hangs, on a network file system)
            restore()
            act(signum)
            return
        got.append(signum)
        log.warning("finishing publishing the output and saving the state; stop again to stop at once")

    for num in previous:
        signal.signal(num, hold)
    try:
        yield
    finally:
        restore()
        if got:
            act(got[0])


def _stop_workers(pool: cf.ProcessPoolExecutor) -> None:
    """Cancel the pool's queued tasks and terminate its worker processes (SIGTERM: they ignore
    SIGINT, and would otherwise finish the shards they hold first); the pool's own shutdown
    then has nothing to wait for. ``_processes`` is CPython's (3.11, 3.12) map of the workers."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        proc.terminate()
    for proc in workers:
        proc.join(timeout=10)


def _trim_heap() -> bool:
    """Collect garbage and return the C heap's free pages to the system; False without glibc.

    >>> isinstance(_trim_heap(), bool)
    True
    """
    gc.collect()
    try:
        libc = ctypes.CDLL("libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows)
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
    return True


class _FreezeCount:
    """How many :func:`_frozen` blocks are open in this process, and whether to unfreeze after."""

    lock = threading.Lock()
    depth = 0
    ours = False


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """``gc.freeze()`` for the block; the last block to close unfreezes, unless the caller had frozen.

    Freezing is process-wide, so concurrent runs (threads) share one count: the permanent
    generation is emptied only when the last of them closes, and never when objects were
    already frozen before the first one opened (someone else's freeze).

    >>> with _frozen():
    ...     gc.get_freeze_count() > 0
    True
    >>> gc.get_freeze_count()
    0
    """
    with _FreezeCount.lock:
        if _FreezeCount.depth == 0:
            _FreezeCount.ours = gc.get_freeze_count() == 0
        _FreezeCount.depth += 1
        gc.freeze()
    try:
        yield
    finally:
        with _FreezeCount.lock:
            _FreezeCount.depth -= 1
            if _FreezeCount.depth == 0 and _FreezeCount.ours:
                gc.unfreeze()


def map_shards(
    plan: RunPlan,
    progress: ProgressFn | None = None,
    pool: cf.ProcessPoolExecutor | None = None,
    on_result: Callable[[ShardResult], None] | None = None,
) -> list[ShardResult]:
    """Run :func:`clean_shard` over every shard, in a process pool when workers > 1; a shard
    that fails on I/O worth retrying is tried again (:data:`MAP_RETRY_DELAYS`).

    ``pool``: an executor to use (and leave open); by default one is made for the call.
    ``on_result`` is called in this process with each shard's result as it arrives.
    """
    if pool is None and _worker_count(plan.config) > 1 and len(plan.shards) > 1:
        with _pool(plan) as own:
            return map_shards(plan, progress, own, on_result)
    results: list[ShardResult] = []
    if pool is None:
        for i in range(len(plan.shards)):
            res = _clean_shard_retried(plan.task(i))
            results.append(res)
            if on_result:
                on_result(res)
            if progress:
                progress(res.documents + res.rejected)
        return results
    for res in _pooled(pool, plan, SUBMIT_AHEAD_PER_WORKER * _worker_count(plan.config)):
        results.append(res)
        if progress:
            progress(res.documents + res.rejected)
        if on_result:
            on_result(res)
    return results


SUBMIT_AHEAD_PER_WORKER = 2
"""Map tasks in flight per worker: enough to keep workers busy, few enough that the driver
never holds every shard's task (its files and items) at once."""


def _pooled(pool: cf.Executor, plan: RunPlan, window: int) -> Iterator[ShardResult]:
    """:func:`clean_shard` over every shard of ``plan`` in ``pool``, results as they complete.

    At most ``window`` tasks are submitted and not yet finished at any time: a submitted
    task holds its shard (an item and a :class:`readers.Source` per file) until its result
    arrives. Results that complete together come in shard order.

    >>> from pipeline.config import Config
    >>> p = plan(["seeds"], "/tmp/docclean-pooled-doctest", Config.from_mapping({"run": {"shard_size": 30}}))
    >>> with cf.ThreadPoolExecutor(2) as ex:
    ...     sorted(r.index for r in _pooled(ex, p, 2)) == list(range(len(p.shards)))
    True
    """
    shards = iter(range(len(plan.shards)))
    running: dict[cf.Future[ShardResult], int] = {}

    def submit_next() -> None:
        i = next(shards, None)
        if i is not None:
            running[pool.submit(_clean_shard_retried, plan.task(i))] = i

    for _ in range(max(1, window)):
        submit_next()
    while running:
        done, _pending = cf.wait(running, return_when=cf.FIRST_COMPLETED)
        for fut in sorted(done, key=running.__getitem__):
            del running[fut]
            submit_next()
            yield fut.result()


@fewer_collections()
def run_plan(the_plan: RunPlan, progress: ProgressFn | None = None) -> RunSummary:
    """Map over the plan's shards and reduce, with one process pool for both parallel phases.

    With worker processes, the driver decides duplicates and counts template lines while
    they clean (:class:`EarlyDecider`, :class:`EarlyTemplates`), so the serial part of the
    reduce overlaps the map. The state store is opened (and locked, and checked) before
    the map, so a locked or damaged store stops the run before any work. On any failure
    the run's spilled shards are removed; output and state stay as they were.
    """
    summary: RunSummary | None = None
    try:
        with _pool(the_plan) as pool:
            if pool is None:
                # open (lock, check) the state before the map: a locked or damaged store fails now
                with State.open(the_plan.state_dir) as state:
                    check_state_unchanged(the_plan, state)  # before the map, not after it
                    summary = finish(the_plan, map_shards(the_plan, progress), state=state)
                return summary
            with State.open(the_plan.state_dir) as state:
                check_state_unchanged(the_plan, state)
                early = EarlyDecider(the_plan, state) if the_plan.config.dedup.mode != "off" else None
                counter = EarlyTemplates(state) if the_plan.config.boilerplate.templates_on else None
                offers = [o.offer for o in (early, counter) if o is not None]

                def on_result(result: ShardResult) -> None:
                    for offer in offers:
                        offer(result)

                results = map_shards(the_plan, progress, pool, on_result)
                summary = finish(
                    the_plan, results, pool.map, state=state, early=early, early_templates=counter
                )
        return summary
    except BaseException as exc:
        shutil.rmtree(the_plan.work_dir, ignore_errors=True)
        if summary is not None and isinstance(exc, KeyboardInterrupt) and not isinstance(exc, RunInterrupted):
            # while the state was closed or the workers stopped: the run itself is complete
            raise RunInterrupted(RunInterrupted.AFTER_COMMIT) from exc
        raise


def run(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    config: Config | dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
) -> RunSummary:
    """Clean ``inputs`` (files and folders, or one path) into ``output``: plan, map over shards,
    reduce. Returns the summary. ``config`` is checked as a config file is (:meth:`Config.checked`:
    a dict of its sections will do)."""
    return run_plan(plan(inputs, output, Config() if config is None else config), progress)


__all__ = [
    "Category",
    "EarlyDecider",
    "IdList",
    "RunPlan",
    "RunSummary",
    "ShardResult",
    "ShardTask",
    "canonical_key",
    "check",
    "check_state_unchanged",
    "clean_shard",
    "date_key",
    "finish",
    "map_shards",
    "plan",
    "process_document",
    "run",
    "run_plan",
    "stages",
    "write_shard",
]
