"""The embedded state store (SQLite) that makes runs incremental (DESIGN §4).

One directory holds ``state.sqlite`` and a ``lock`` file. :meth:`State.open`
takes an exclusive, non-blocking ``fcntl.flock`` on the lock file (a second
writer gets :class:`~pipeline.errors.StateLockedError` naming the holder's
pid) and opens one transaction. Every write goes into that transaction;
only :meth:`State.commit` makes it durable (the runner calls it after the
output is safely written). Leaving the context without ``commit`` (an
exception, a crash) rolls back, so state stays as the last good run left it.

A damaged ``state.sqlite`` (not a database, or without docclean's tables) raises
:class:`~pipeline.errors.StateCorruptError` on open, naming the way out:
``docclean state reset --yes --state DIR``, which opens with ``recover=True``: the
damaged file (and its ``-wal``/``-shm``) is moved aside, under the lock, to
``state.sqlite.damaged-<UTC time>`` and a fresh store is created.

Tables: the dedup index (compact blobs, chunked), processed inputs (key, size,
content hash, run id, and whether their lines were counted for site templates),
per-group line counts for site templates, runs.

Schema version 2 added ``inputs.counted``. A writer opening a version-1 store adds the
column (committed at once: the store stays valid whatever the run does next); a reader
of one that no writer has opened since sees the value the writer will store (see
:meth:`State.earlier_input`).

>>> import tempfile
>>> from pipeline.dedup import DedupIndex
>>> d = tempfile.mkdtemp()
>>> with State.open(d) as st:
...     st.record_input("a.txt", 10, "abc", "run-1")
...     st.save_dedup_index(DedupIndex())
...     st.commit()
>>> with State.open(d, readonly=True) as st:
...     st.input_unchanged("a.txt", 10, "abc"), st.info()["inputs"]
(True, 1)
"""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from pipeline.dedup.index import DedupIndex, IndexLayoutError
from pipeline.errors import ConfigError, DoccleanError, StateCorruptError, StateLockedError

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2
DB_NAME = "state.sqlite"
ASIDE = "aside:"
"""Prefix of a processed input's stored hash when its run's output was set aside (see
:meth:`State.set_inputs_aside`): the next run reads it again."""
LOCK_NAME = "lock"
_CHUNK = 64 * 1024 * 1024
_SIGNED = 1 << 63

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dedup_blobs (
    name TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (name, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inputs (
    key TEXT PRIMARY KEY, size INTEGER NOT NULL, hash TEXT NOT NULL, run_id TEXT NOT NULL,
    counted INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS template_lines (
    grp TEXT NOT NULL, line_hash INTEGER NOT NULL, docs INTEGER NOT NULL, PRIMARY KEY (grp, line_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS template_groups (grp TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS input_ids (key TEXT PRIMARY KEY, doc_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT, counts TEXT NOT NULL DEFAULT '{}'
);
"""


_TABLES = frozenset({"meta", "dedup_blobs", "inputs", "template_lines", "template_groups", "runs"})
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_MAGIC = b"SQLite format 3\x00"


class StateLayoutError(DoccleanError):
    """The state store holds a dedup index in a layout this version cannot read."""


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file is not a database or is malformed (not: locked, I/O, ...)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _DAMAGE_CODES


_OS_CODES = {
    sqlite3.SQLITE_FULL: errno.ENOSPC,
    sqlite3.SQLITE_IOERR: errno.EIO,
    sqlite3.SQLITE_CANTOPEN: errno.EIO,
    sqlite3.SQLITE_READONLY: errno.EROFS,
    sqlite3.SQLITE_PERM: errno.EACCES,
}
"""SQLite's result codes for the machine's trouble (a full disk, a read-only file system, files
it cannot open), not the store's: the errno each is reported as."""


def _os_error(exc: sqlite3.DatabaseError, db: Path) -> OSError | None:
    """``exc`` as the :class:`OSError` it stands for (a full disk, a read-only or unreadable
    store), or None for anything else: the command line then says what happened in one line.

    >>> full = sqlite3.OperationalError("database or disk is full")
    >>> full.sqlite_errorcode = sqlite3.SQLITE_FULL
    >>> err = _os_error(full, Path("s/state.sqlite"))
    >>> err.errno == errno.ENOSPC, err.filename
    (True, 's/state.sqlite')
    """
    code = getattr(exc, "sqlite_errorcode", None)
    number = None if code is None else _OS_CODES.get(code & 0xFF)
    if number is None:
        return None
    if number == errno.ENOSPC:
        return OSError(number, os.strerror(number), str(db))
    return OSError(number, f"the state store cannot be opened or written ({exc})", str(db))


_OTHER_STATE = "use another state directory (`docclean run --state`, the flow's `--state-dir`)"


def _damaged(db: Path, why: str) -> StateCorruptError:
    return StateCorruptError(
        f"the state store {db} is damaged ({why}); run `docclean state reset --yes --state {db.parent}` "
        f"to move it aside (kept as {DB_NAME}.damaged-<time>) and start afresh (the next run then "
        f"sees every input as new), or {_OTHER_STATE}"
    )


_LEGACY_COUNTED = "EXISTS (SELECT 1 FROM template_groups)"
"""Whether the inputs of a version-1 store (no ``inputs.counted``) had their lines counted for
site templates. That store does not say per input; runs with site templates on (the default)
count a group for every document they clean, so a store without any group never counted (its
runs all had templates off: count those inputs when they come again), and one with groups is
taken to have counted them all (counting them again would add them twice, and reruns would
no longer give the same output)."""


def _check_version(conn: sqlite3.Connection, db: Path) -> None:
    """Refuse to write to a store of a newer docclean (a schema this code does not know): before,
    a run did all its work and then failed writing to it. Writers open the store before any
    work (``docclean run``, the flow); readers are left to read what they can."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        version = int(row[0]) if row is not None else 1
    except ValueError:
        raise _damaged(db, f"schema version {row[0]!r}") from None
    if version > SCHEMA_VERSION:
        raise ConfigError(
            f"state store {db} was written by a newer docclean (schema version {version}; this one "
            f"knows up to {SCHEMA_VERSION}): run that version, or give another --state folder"
        )


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring a writer's store to :data:`SCHEMA_VERSION` (idempotent; committed at once)."""
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(inputs)")}
    if "counted" not in columns:  # version 1
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ALTER TABLE inputs ADD COLUMN counted INTEGER NOT NULL DEFAULT 1")
        conn.execute(f"UPDATE inputs SET counted = {_LEGACY_COUNTED}")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
        logger.info("state: added inputs.counted (schema version %d)", SCHEMA_VERSION)


def _empty_store() -> sqlite3.Connection:
    """An in-memory store with our tables and nothing in them (what a reader sees of no store)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript(_SCHEMA)
    return conn


def _connect(db: Path, readonly: bool, thorough: bool = False) -> sqlite3.Connection:
    """A connection to ``db``, checked cheaply: its header and schema are read (the first pages),
    not all of it; ``thorough`` adds SQLite's ``quick_check`` (reads every page).

    Raises :class:`StateCorruptError` when an existing file is not an SQLite database (found
    before SQLite opens it, so it leaves a damaged file and its ``-wal`` alone) or has tables
    but lacks ours. A 0-byte file, or a database without any table, is a store whose creation
    was cut short (or is going on): a reader sees an empty store, a writer creates the tables.
    """
    wal = db.with_name(db.name + "-wal")
    # a 0-byte file (and no journal): a store being created, or whose creation was cut short
    existed = db.exists() and (db.stat().st_size > 0 or (wal.exists() and wal.stat().st_size > 0))
    if readonly and not existed:
        return _empty_store()
    if existed:
        with open(db, "rb") as fh:
            head = fh.read(len(_MAGIC))
        if head != _MAGIC:
            raise _damaged(db, "an empty file" if not head else "not an SQLite database")
    if readonly:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(db, isolation_level=None)
    try:
        if existed:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables and readonly:  # created, our tables not yet (a writer is at it)
                conn.close()
                return _empty_store()
            if tables and not _TABLES & tables:
                raise _damaged(db, "no docclean tables in it")
            if tables and (missing := _TABLES - tables):
                raise _damaged(db, "missing tables: " + ", ".join(sorted(missing)))
            if thorough:
                problems = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
                if problems != ["ok"]:
                    raise _damaged(db, "quick_check: " + "; ".join(problems[:3]))
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.executescript(_SCHEMA)
            _check_version(conn, db)
            _migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_damage(exc):
            raise _damaged(db, str(exc)) from None
        raise _os_error(exc, db) or exc from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _move_aside(db: Path) -> Path:
    """Rename ``db`` and its ``-wal``/``-shm`` files to ``<db>.damaged-<UTC time>[-wal|-shm]``."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = db.with_name(f"{db.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db.with_name(f"{db.name}.damaged-{stamp}.{n}")
    for suffix in ("-wal", "-shm", ""):  # the database itself last
        companion = db.with_name(db.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def _lock(directory: Path) -> int:
    """Take the writer lock of ``directory``: the lock file's descriptor, holding our pid."""
    lock_fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(lock_fd, 32, 0).decode("ascii", "replace").strip() or "?"
        os.close(lock_fd)
        raise StateLockedError(
            f"another docclean run holds the state at {directory} (pid {holder}); "
            f"wait for it to finish or {_OTHER_STATE}"
        ) from None
    os.ftruncate(lock_fd, 0)
    os.pwrite(lock_fd, f"{os.getpid()}\n".encode(), 0)
    return lock_fd


def check_free(state_dir: str | os.PathLike[str]) -> None:
    """Raise :class:`StateLockedError` now if another writer holds the store at ``state_dir``.

    Takes the lock and gives it back at once, without opening the database: a cheap early
    check for a caller about to do long work (a run walks and checksums its inputs) before it
    opens the store. The folder must exist. Another run may still take the lock in between;
    :meth:`State.open` then reports it as before.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> check_free(folder)  # nobody holds it
    >>> with State.open(folder):
    ...     check_free(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.StateLockedError: another docclean run holds the state at ... (pid ...); ...
    """
    _unlock(_lock(Path(os.path.abspath(state_dir))))


def _unlock(lock_fd: int) -> None:
    os.ftruncate(lock_fd, 0)
    fcntl.flock(lock_fd, fcntl.LOCK_UN)
    os.close(lock_fd)


def _to_sql(h: int) -> int:
    """Unsigned 64-bit hash -> SQLite's signed INTEGER."""
    return h - (1 << 64) if h >= _SIGNED else h


def _from_sql(h: int) -> int:
    return h + (1 << 64) if h < 0 else h


class State:
    """An open state store. Use :meth:`State.open`; do not construct directly."""

    def __init__(
        self, directory: Path, conn: sqlite3.Connection, lock_fd: int | None, readonly: bool
    ) -> None:
        self.directory = directory
        self._conn = conn
        self._lock_fd = lock_fd
        self.readonly = readonly
        self._dirty = False
        self.moved_aside: Path | None = None
        """Where :meth:`open` with ``recover`` moved a damaged file, or None."""
        # False only for a reader of a version-1 store (a writer migrates it on open)
        self._has_counted = any(r[1] == "counted" for r in conn.execute("PRAGMA table_info(inputs)"))

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    @contextmanager
    def open(
        cls, state_dir: str | os.PathLike[str], readonly: bool = False, recover: bool = False
    ) -> Iterator[State]:
        """Open (and create) the store at ``state_dir``; exclusive unless ``readonly``.

        Raises :class:`StateLockedError` when another writer holds it (naming the folder as an
        absolute path, as every message of the store does), and
        :class:`StateCorruptError` when its file is damaged (also when SQLite finds damage
        later, inside the ``with``). ``recover`` (a writer only, for ``docclean state reset``):
        the file is checked page by page too, and a damaged one is moved aside (see
        :attr:`moved_aside`) and a fresh store made instead.
        """
        # absolute, so every message names the same folder whoever opens it (`docclean run`
        # made it absolute, `docclean state` and library callers passed it on as given)
        directory = Path(os.path.abspath(state_dir))
        db = directory / DB_NAME
        lock_fd: int | None = None
        moved: Path | None = None
        if not readonly:
            directory.mkdir(parents=True, exist_ok=True)
            lock_fd = _lock(directory)
        try:
            try:
                conn = _connect(db, readonly, thorough=recover)
            except StateCorruptError:
                if not recover or readonly:
                    raise
                moved = _move_aside(db)
                logger.info("state at %s was damaged: moved aside to %s", directory, moved)
                conn = _connect(db, readonly)
        except BaseException:
            if lock_fd is not None:
                _unlock(lock_fd)
            raise
        state = cls(directory, conn, lock_fd, readonly)
        state.moved_aside = moved
        try:
            if not readonly:
                conn.execute("BEGIN IMMEDIATE")
            yield state
        except sqlite3.DatabaseError as exc:
            if _is_damage(exc):
                raise _damaged(db, str(exc)) from exc
            raise _os_error(exc, db) or exc from exc
        finally:
            state._close()

    def _close(self) -> None:
        try:
            if self._conn.in_transaction:
                if self._dirty:
                    logger.info("state at %s: leaving without commit, rolling back", self.directory)
                self._conn.execute("ROLLBACK")
            self._conn.close()
        finally:
            if self._lock_fd is not None:
                _unlock(self._lock_fd)
                self._lock_fd = None

    def _write(self) -> sqlite3.Connection:
        if self.readonly:
            raise PermissionError("state opened read-only")
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN IMMEDIATE")
        self._dirty = True
        return self._conn

    def as_os_error(self, exc: BaseException) -> OSError | None:
        """``exc`` as the machine's trouble it stands for: an :class:`OSError` itself, or an
        SQLite error of this store meaning a full disk, a read-only or unreadable file (an
        :class:`OSError` naming the store's file); None for anything else. (Leaving
        :meth:`open` turns these SQLite errors into such an ``OSError`` too.)"""
        if isinstance(exc, OSError):
            return exc
        if isinstance(exc, sqlite3.DatabaseError) and not _is_damage(exc):
            return _os_error(exc, self.directory / DB_NAME)
        return None

    def commit(self) -> None:
        """Make every write since open (or the last commit) durable; a commit with writes
        advances :meth:`generation`."""
        if self.readonly:
            return
        if self._conn.in_transaction:
            if self._dirty:
                self._conn.execute(
                    "INSERT INTO meta VALUES ('generation', '1') "
                    "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
                )
            self._conn.execute("COMMIT")
        self._dirty = False

    def generation(self) -> int:
        """How many commits with writes the store has had (0: none, or a store made before they
        were counted). A run planned at one generation must not commit at another: what it
        planned to skip or read again came from a state another run has changed since.

        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> with State.open(d) as st:
        ...     before = st.generation()
        ...     st.start_run("r1", "2026-01-01T00:00:00Z")
        ...     st.commit()
        ...     before, st.generation()
        (0, 1)
        """
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    # -- dedup index ------------------------------------------------------------------------

    def save_dedup_index(self, index: DedupIndex) -> None:
        """Replace the stored dedup index (in the open transaction)."""
        conn = self._write()
        conn.execute("DELETE FROM dedup_blobs")
        for name, blob in index.iter_blobs():  # one blob at a time; chunks are views, not copies
            view = memoryview(blob)
            for seq, pos in enumerate(range(0, max(len(view), 1), _CHUNK)):
                chunk = view[pos : pos + _CHUNK]
                conn.execute("INSERT INTO dedup_blobs VALUES (?, ?, ?)", (name, seq, chunk))
            del chunk, view, blob

    def load_dedup_index(self) -> DedupIndex:
        """The stored dedup index, or an empty one.

        Raises :class:`StateLayoutError`, which tells the operator to reset the state, when the
        index was stored in a layout this version cannot read.
        """
        rows = self._conn.execute("SELECT name, data FROM dedup_blobs ORDER BY name, seq")
        # each blob joined straight from its chunks: one copy of the stored index, not two
        blobs = {name: b"".join(row[1] for row in chunks) for name, chunks in groupby(rows, itemgetter(0))}
        if not blobs:
            return DedupIndex()
        try:
            return DedupIndex.from_blobs(blobs)
        except IndexLayoutError as exc:
            raise StateLayoutError(
                f"the state at {self.directory} was written by another version of docclean ({exc}); "
                f"run `docclean state reset --state {self.directory} --yes` to start it afresh "
                f"(the next run then sees every input as new), or {_OTHER_STATE}"
            ) from None

    # -- processed inputs -------------------------------------------------------------------

    _RECORD = (
        "INSERT INTO inputs (key, size, hash, run_id, counted) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET size = excluded.size, hash = excluded.hash, "
        "run_id = excluded.run_id, counted = excluded.counted "
        "OR (inputs.size = excluded.size AND inputs.hash = excluded.hash AND inputs.counted)"
    )

    def record_input(self, key: str, size: int, content_hash: str, run_id: str, counted: bool = True) -> None:
        """Remember that ``key`` (with this size and hash) was processed by ``run_id``.

        ``counted``: whether this run counted its lines for site templates. An input processed
        again with the same size and content stays counted when an earlier run counted it.
        """
        self.record_inputs([(key, size, content_hash)], run_id, counted)

    def record_inputs(self, rows: Iterable[tuple[str, int, str]], run_id: str, counted: bool = True) -> None:
        """:meth:`record_input` for many ``(key, size, content_hash)`` rows at once."""
        self._write().executemany(
            self._RECORD, ((key, size, content_hash, run_id, counted) for key, size, content_hash in rows)
        )

    def set_inputs_aside(self, run_ids: Iterable[str], keep_run: str | None = None) -> int:
        """Mark the inputs that ``run_ids`` processed as to be read again; returns how many.

        For a one-off run, which replaces the output: those runs' documents are no longer in it,
        so the next incremental run must write them again, not skip the inputs as unchanged.
        Inputs with the content of one that ``keep_run`` (this run) processed are left: this run
        wrote their documents (the same file under another path). The stored hash gets the prefix
        :data:`ASIDE`, so the input reads as changed (:meth:`input_seen`); whether its lines were
        counted for site templates is kept (the planner reads it past the prefix: they are not
        counted twice).

        >>> import tempfile
        >>> with State.open(tempfile.mkdtemp()) as st:
        ...     st.record_input("a.txt", 1, "h", "r1")
        ...     st.record_input("b.txt", 1, "h", "r2")
        ...     st.record_input("c.txt", 1, "g", "r2")
        ...     st.record_input("A/c.txt", 1, "g", "r3")
        ...     n = st.set_inputs_aside(["r1", "r2"], keep_run="r3")
        ...     n, st.input_seen("a.txt", 1, "h"), st.earlier_input("a.txt"), st.input_seen("c.txt", 1, "g")
        (2, (False, False), (1, 'aside:h', True), (True, True))
        """
        ids = sorted(set(run_ids))
        if not ids:
            return 0
        marks = ", ".join("?" * len(ids))
        cur = self._write().execute(
            f"UPDATE inputs SET hash = ? || hash WHERE run_id IN ({marks}) AND hash NOT LIKE ? "
            "AND hash NOT IN (SELECT hash FROM inputs WHERE run_id = ?)",
            (ASIDE, *ids, ASIDE + "%", keep_run or ""),
        )
        return int(cur.rowcount)

    def inputs_only_of(self, run_ids: Iterable[str]) -> set[str]:
        """The inputs that ``run_ids`` processed last and whose content no other run's record holds.

        >>> import tempfile
        >>> with State.open(tempfile.mkdtemp()) as st:
        ...     st.record_input("a.txt", 1, "h", "r1")
        ...     st.record_input("A/b.txt", 1, "g", "r1")
        ...     st.record_input("b.txt", 1, "g", "r2")  # the same content, another path
        ...     sorted(st.inputs_only_of(["r1"]))
        ['a.txt']
        """
        ids = sorted(set(run_ids))
        if not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        rows = self._conn.execute(
            f"SELECT key FROM inputs WHERE run_id IN ({marks}) "
            f"AND hash NOT IN (SELECT hash FROM inputs WHERE run_id NOT IN ({marks}))",
            (*ids, *ids),
        )
        return {str(r[0]) for r in rows}

    def inputs_aside(self) -> int:
        """How many inputs are marked to be read again (:meth:`set_inputs_aside`)."""
        row = self._conn.execute("SELECT COUNT(*) FROM inputs WHERE hash LIKE ?", (ASIDE + "%",)).fetchone()
        return int(row[0])

    def processed(self, key: str) -> tuple[int, str, str] | None:
        """``(size, hash, run_id)`` of an input processed before, or None."""
        row = self._conn.execute("SELECT size, hash, run_id FROM inputs WHERE key = ?", (key,)).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]))

    def input_unchanged(self, key: str, size: int, content_hash: str) -> bool:
        """True when ``key`` was processed before with the same size and content hash."""
        return self.input_seen(key, size, content_hash)[0]

    def input_seen(self, key: str, size: int, content_hash: str) -> tuple[bool, bool]:
        """``(unchanged, counted)``: whether ``key`` was processed before with the same size and
        content hash, and whether its lines (this content's) were then counted for site templates.

        >>> import tempfile
        >>> with State.open(tempfile.mkdtemp()) as st:
        ...     st.record_input("a.txt", 1, "h", "r1", counted=False)
        ...     st.record_input("a.txt", 1, "h", "r2", counted=True)   # counted now
        ...     st.record_input("a.txt", 1, "h", "r3", counted=False)  # stays counted
        ...     seen = st.input_seen("a.txt", 1, "h")
        ...     st.record_input("a.txt", 2, "h2", "r4", counted=False)  # new content: not counted
        ...     seen, st.input_seen("a.txt", 2, "h2"), st.input_seen("a.txt", 1, "h")
        ((True, True), (True, False), (False, False))
        """
        row = self.earlier_input(key)
        if row is None or row[0] != size or row[1] != content_hash:
            return False, False
        return True, row[2]

    def earlier_input(self, key: str) -> tuple[int, str, bool] | None:
        """``(size, hash, counted)`` of an input processed before (``counted``: its lines were
        then counted for site templates), or None."""
        counted = "counted" if self._has_counted else _LEGACY_COUNTED
        row = self._conn.execute(f"SELECT size, hash, {counted} FROM inputs WHERE key = ?", (key,)).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), bool(row[2]))

    def input_keys(self) -> Iterator[str]:
        """The keys of every input processed before."""
        for (key,) in self._conn.execute("SELECT key FROM inputs"):
            yield str(key)

    def input_ids(self) -> dict[str, str]:
        """The inputs whose documents got another id than the one their path gives, ``{key: id}``
        (:meth:`record_input_ids`; a store written before they were kept has none).

        >>> import tempfile
        >>> with State.open(tempfile.mkdtemp()) as st:
        ...     st.record_input_ids([("n2/001.txt", "n2/001")])
        ...     st.input_ids()
        {'n2/001.txt': 'n2/001'}
        """
        try:
            rows = self._conn.execute("SELECT key, doc_id FROM input_ids").fetchall()
        except sqlite3.OperationalError:  # a reader of a store from before the table
            return {}
        return {str(k): str(v) for k, v in rows}

    def record_input_ids(self, rows: Iterable[tuple[str, str]]) -> None:
        """Remember ``(key, id)``: the id an input's documents got instead of the one its path gives
        (an incremental run's input whose plain id an earlier input already has), so that reading it
        again gives the same id."""
        self._write().executemany(
            "INSERT INTO input_ids VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET doc_id = excluded.doc_id",
            rows,
        )

    # -- site templates ---------------------------------------------------------------------

    def add_template_counts(self, group: str, line_hashes: Iterable[int], delta: int = 1) -> None:
        """Count one more document of ``group`` containing each of ``line_hashes`` (distinct);
        ``delta=-1`` takes a counted document back out."""
        conn = self._write()
        conn.execute(
            "INSERT INTO template_groups VALUES (?, ?) ON CONFLICT(grp) DO UPDATE SET docs = docs + ?",
            (group, max(delta, 0), delta),
        )
        conn.executemany(
            "INSERT INTO template_lines VALUES (?, ?, ?) "
            "ON CONFLICT(grp, line_hash) DO UPDATE SET docs = docs + ?",
            [(group, _to_sql(h), max(delta, 0), delta) for h in sorted(set(line_hashes))],
        )

    def group_docs(self, group: str) -> int:
        """Documents of ``group`` counted so far."""
        row = self._conn.execute("SELECT docs FROM template_groups WHERE grp = ?", (group,)).fetchone()
        return 0 if row is None else int(row[0])

    def frequent_lines(self, group: str, at_least: float) -> set[int]:
        """The line hashes of ``group`` counted in at least ``at_least`` documents (what
        :func:`~pipeline.templates.decide_groups` asks: filtered here, not in Python over
        every line of the group)."""
        rows = self._conn.execute(
            "SELECT line_hash FROM template_lines WHERE grp = ? AND docs >= ?", (group, at_least)
        )
        return {_from_sql(int(h)) for (h,) in rows}

    def line_counts(self, group: str) -> dict[int, int]:
        """``{line_hash: number of documents}`` of ``group``."""
        rows = self._conn.execute("SELECT line_hash, docs FROM template_lines WHERE grp = ?", (group,))
        return {_from_sql(int(h)): int(n) for h, n in rows}

    # -- runs -------------------------------------------------------------------------------

    def run_ids(self) -> set[str]:
        """The ids of the runs committed to this store."""
        return {str(r[0]) for r in self._conn.execute("SELECT id FROM runs")}

    def start_run(self, run_id: str, started: str) -> None:
        """Record a run (its row is kept only if the run commits)."""
        self._write().execute("INSERT OR REPLACE INTO runs (id, started) VALUES (?, ?)", (run_id, started))

    def finish_run(self, run_id: str, finished: str, counts: dict[str, int]) -> None:
        """Record a run's end and counts."""
        self._write().execute(
            "UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
            (finished, json.dumps(counts, sort_keys=True), run_id),
        )

    # -- operator API -----------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """Sizes and the last runs, for ``docclean state info``."""
        c = self._conn

        def count(table: str) -> int:
            return int(c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        blob_bytes = int(c.execute("SELECT COALESCE(SUM(LENGTH(data)), 0) FROM dedup_blobs").fetchone()[0])
        runs = [
            {"id": r[0], "started": r[1], "finished": r[2], "counts": json.loads(r[3])}
            for r in c.execute("SELECT id, started, finished, counts FROM runs ORDER BY started DESC LIMIT 5")
        ]
        db = self.directory / DB_NAME
        index = self.load_dedup_index()
        return {
            "path": str(self.directory),
            "file_bytes": db.stat().st_size if db.exists() else 0,
            "dedup_index_bytes": blob_bytes,
            "dedup_documents": len(index.doc_ids),
            "dedup_passages": len(index),
            "inputs": count("inputs"),
            "inputs_to_read_again": self.inputs_aside(),
            "template_groups": count("template_groups"),
            "template_lines": count("template_lines"),
            "runs": count("runs"),
            "last_runs": runs,
        }

    def compact(self) -> None:
        """Reclaim free space (VACUUM). Refuses while uncommitted writes are pending."""
        if self.readonly:
            raise PermissionError("state opened read-only")
        if self._dirty:
            raise RuntimeError("commit or discard pending state changes before compact()")
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")
        self._conn.execute("VACUUM")
        self._conn.execute("BEGIN IMMEDIATE")

    def reset(self) -> None:
        """Forget everything (dedup index, inputs, template counts, runs); takes effect on commit."""
        conn = self._write()
        for table in ("dedup_blobs", "inputs", "input_ids", "template_lines", "template_groups", "runs"):
            conn.execute(f"DELETE FROM {table}")
