"""Tests for pipeline.state: transactions, the lock, dedup across runs, damaged files."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import random
import sqlite3
from pathlib import Path

import pytest

from pipeline.config import DedupConfig
from pipeline.dedup import DedupIndex, DedupResult, compute_signature, decide
from pipeline.dedup.index import LAYOUT
from pipeline.document import Document
from pipeline.errors import ConfigError, StateCorruptError, StateLockedError
from pipeline.segment import segment
from pipeline.state import DB_NAME, State, StateLayoutError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CFG = DedupConfig()


def seed(prefix: str) -> Document:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return segment(
        Document(id=path.stem, source=path.name, format="text", text=path.read_text(encoding="utf-8"))
    )


def dedup_run(state_dir: Path, docs: list[Document]) -> dict[str, DedupResult]:
    with State.open(state_dir) as st:
        index = st.load_dedup_index()
        res = decide([compute_signature(d, CFG) for d in docs], index, CFG)
        st.save_dedup_index(index)
        for d in docs:
            st.record_input(d.source, len(d.text), "h-" + d.id, "run")
        st.commit()
    return res


def test_two_runs_equal_one_run(tmp_path: Path) -> None:
    a, b = seed("000"), seed("002")
    one = decide([compute_signature(d, CFG) for d in (a, b)], DedupIndex(), CFG)
    dedup_run(tmp_path, [a])
    second = dedup_run(tmp_path, [b])
    assert second[b.id] == one[b.id]
    assert second[b.id].duplicates and {d.of for d in second[b.id].duplicates} == {a.id}


ADVERSARIAL = json.loads(
    (Path(__file__).resolve().parent / "data" / "dedup" / "adversarial.json").read_text(encoding="utf-8")
)["cases"]


def test_one_run_per_document_equals_one_run_over_the_adversarial_rounds(tmp_path: Path) -> None:
    """Every rule that looks at more than one passage (quotation evidence, short passages in a run,
    the order of quotations, the earliest copy answers) decides the same when each document comes
    in its own run and all it knows of the earlier ones is the state store."""
    differ, found = [], 0
    for n, case in enumerate(ADVERSARIAL):
        docs = [
            segment(Document(id=d["id"], source=d["id"], format="text", text=d["text"])) for d in case["docs"]
        ]
        one = decide([compute_signature(d, CFG) for d in docs], DedupIndex(), CFG)
        split: dict[str, DedupResult] = {}
        for d in docs:
            split.update(dedup_run(tmp_path / str(n), [d]))
        found += sum(len(r.duplicates) for r in split.values())
        if split != one:
            differ.append(case["name"])
    assert found > 400  # the later runs did find copies in what the state holds
    assert differ == []


def test_crashed_run_leaves_state_unchanged(tmp_path: Path) -> None:
    a, b = seed("000"), seed("002")
    dedup_run(tmp_path, [a])
    with State.open(tmp_path, readonly=True) as st:
        info_before = st.info()
    with pytest.raises(RuntimeError, match="boom"), State.open(tmp_path) as st:
        index = st.load_dedup_index()
        decide([compute_signature(b, CFG)], index, CFG)
        st.save_dedup_index(index)
        st.record_input(b.source, 1, "x", "crashed")
        st.add_template_counts("site", [1, 2, 3])
        st.start_run("crashed", "2026-01-01T00:00:00Z")
        raise RuntimeError("boom")
    with State.open(tmp_path, readonly=True) as st:
        assert st.info() == info_before
        assert st.processed(b.source) is None
        assert len(st.load_dedup_index().doc_ids) == 1
    # and a rerun behaves as if the crashed run never happened
    assert dedup_run(tmp_path, [b])[b.id].duplicates


def _try_open(path: str, queue: multiprocessing.Queue[str]) -> None:
    try:
        with State.open(path):
            queue.put("opened")
    except StateLockedError as exc:
        queue.put(f"locked: {exc}")


def test_second_writer_gets_clear_error(tmp_path: Path) -> None:
    with State.open(tmp_path):
        locked = pytest.raises(
            StateLockedError, match=r"another docclean run holds the state at .* \(pid \d+\)"
        )
        with locked, State.open(tmp_path):
            pass
        ctx = multiprocessing.get_context("spawn")
        queue: multiprocessing.Queue[str] = ctx.Queue()
        proc = ctx.Process(target=_try_open, args=(str(tmp_path), queue))
        proc.start()
        proc.join(60)
        assert queue.get(timeout=10).startswith("locked: another docclean run holds the state")
    with State.open(tmp_path):  # released on exit
        pass


def test_readers_and_operator_api(tmp_path: Path) -> None:
    with State.open(tmp_path) as st:
        st.start_run("r1", "2026-01-01T00:00:00Z")
        st.add_template_counts("example.com", [5, 7, 2**64 - 1])
        st.add_template_counts("example.com", [5])
        st.finish_run("r1", "2026-01-01T00:01:00Z", {"documents": 2})
        with pytest.raises(RuntimeError):
            st.compact()
        st.commit()
        st.compact()
        assert st.group_docs("example.com") == 2
        assert st.line_counts("example.com") == {5: 2, 7: 1, 2**64 - 1: 1}
        assert st.frequent_lines("example.com", 2) == {5} and st.frequent_lines("example.com", 0.5) == {
            5,
            7,
            2**64 - 1,
        }
        assert st.frequent_lines("example.com", 2.5) == set() == st.frequent_lines("other", 0)
    with State.open(tmp_path, readonly=True) as st:
        info = st.info()
        assert info["runs"] == 1 and info["template_lines"] == 3
        assert info["last_runs"][0]["counts"] == {"documents": 2}
        with pytest.raises((PermissionError, sqlite3.OperationalError)):
            st.reset()
    with State.open(tmp_path) as st:
        st.reset()
        st.commit()
        assert st.info()["template_lines"] == 0 and st.info()["runs"] == 0


def test_readonly_on_missing_state(tmp_path: Path) -> None:
    with State.open(tmp_path / "nothing", readonly=True) as st:
        assert st.info()["inputs"] == 0
        assert len(st.load_dedup_index()) == 0


def test_a_full_disk_is_an_os_error_not_a_sqlite_traceback(tmp_path: Path) -> None:
    import errno

    # before: sqlite3.OperationalError ("database or disk is full") escaped the command line
    # as a traceback; as an OSError it is one line ("...; free some space")
    with pytest.raises(OSError) as caught, State.open(tmp_path) as st:
        st._conn.execute("PRAGMA max_page_count = 8")  # a disk with room for 8 pages
        for i in range(200):
            st.record_input(f"input-{i:04d}.txt" * 20, i, "ab" * 16, "run-1")
        st.commit()
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(tmp_path / DB_NAME)


def test_a_store_that_cannot_be_written_is_an_os_error(tmp_path: Path) -> None:
    with State.open(tmp_path) as st:
        st.commit()
    (tmp_path / f"{DB_NAME}-shm").mkdir()  # SQLite cannot open its shared memory: read-only
    with (
        pytest.raises(OSError, match=r"the state store cannot be opened or written \(attempt to write"),
        State.open(tmp_path),
    ):
        pass


def test_rerun_of_the_same_document_does_not_match_itself(tmp_path: Path) -> None:
    a, b = seed("000"), seed("002")
    first = dedup_run(tmp_path, [a, b])
    again = dedup_run(tmp_path, [a, b])
    assert again == first
    assert again[a.id].duplicates == () and again[a.id].duplicate_of is None


def test_index_in_another_layout_asks_for_a_reset(tmp_path: Path) -> None:
    dedup_run(tmp_path, [seed("000")])
    conn = sqlite3.connect(tmp_path / "state.sqlite")
    assert conn.execute("SELECT data FROM dedup_blobs WHERE name = 'layout'").fetchone()[0] == LAYOUT.encode()
    with conn:
        conn.execute("UPDATE dedup_blobs SET data = ? WHERE name = 'layout'", (b"docclean-dedup-index/0",))
    conn.close()
    with (
        pytest.raises(StateLayoutError, match=r"docclean state reset --state .* --yes"),
        State.open(tmp_path) as st,
    ):
        st.load_dedup_index()
    with State.open(tmp_path) as st:  # the way out: reset, commit, start afresh
        st.reset()
        st.commit()
        assert len(st.load_dedup_index()) == 0


def test_index_stored_before_the_layout_marker_still_loads(tmp_path: Path) -> None:
    a, b = seed("000"), seed("002")
    dedup_run(tmp_path, [a])
    conn = sqlite3.connect(tmp_path / "state.sqlite")
    with conn:
        conn.execute("DELETE FROM dedup_blobs WHERE name = 'layout'")  # as main wrote it
    conn.close()
    assert {d.of for d in dedup_run(tmp_path, [b])[b.id].duplicates} == {a.id}


def test_index_is_saved_blob_by_blob_in_chunks_and_reads_back_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """save_dedup_index writes views of the index's arrays in chunks (no second copy of it)."""
    import pipeline.state as state_module

    index = DedupIndex()
    decide([compute_signature(seed(p), CFG) for p in ("000", "001", "002")], index, CFG)
    monkeypatch.setattr(state_module, "_CHUNK", 7)  # many chunks per blob
    with State.open(tmp_path) as st:
        st.save_dedup_index(index)
        st.commit()
    with State.open(tmp_path, readonly=True) as st:
        assert st.load_dedup_index().to_blobs() == index.to_blobs()
    index.add_document("later", [0], [5], [0, 6], [1, 2, 3, 4, 5, 6])  # the arrays are free to grow again
    assert len(index.doc_ids) == 4


def test_record_inputs_equals_one_record_input_per_row(tmp_path: Path) -> None:
    rows = [("a.txt", 3, "h1"), ("b.txt", 5, "h2"), ("a.txt", 4, "h3")]  # a later row replaces
    with State.open(tmp_path / "many") as st:
        st.record_inputs(iter(rows), "r1")
        st.commit()
    with State.open(tmp_path / "one") as st:
        for key, size, digest in rows:
            st.record_input(key, size, digest, "r1")
        st.commit()
    for where in ("many", "one"):
        with State.open(tmp_path / where, readonly=True) as st:
            assert st.processed("a.txt") == (4, "h3", "r1")
            assert st.processed("b.txt") == (5, "h2", "r1")
            assert st.input_unchanged("b.txt", 5, "h2") and not st.input_unchanged("b.txt", 5, "h1")


# -- damaged store files ------------------------------------------------------------------------

RESET_HINT = r"docclean state reset --yes --state "


def damage(state_dir: Path, content: bytes) -> Path:
    state_dir.mkdir(parents=True, exist_ok=True)
    db = state_dir / "state.sqlite"
    db.write_bytes(content)
    return db


@pytest.mark.parametrize(("content", "why"), [(bytes(range(256)) * 16, "not an SQLite database")])
def test_a_damaged_file_raises_a_clear_error_naming_the_fix(tmp_path: Path, content: bytes, why: str) -> None:
    db = damage(tmp_path, content)
    for readonly in (True, False):
        with (
            pytest.raises(StateCorruptError, match=rf"{db} is damaged \({why}\); .*{RESET_HINT}{tmp_path}"),
            State.open(tmp_path, readonly=readonly),
        ):
            pass
    assert db.read_bytes() == content  # the writer neither repaired nor initialised it
    with pytest.raises(StateCorruptError), State.open(tmp_path):  # the failed open released the lock
        pass


def test_a_store_whose_creation_was_cut_short_is_a_new_store(tmp_path: Path) -> None:
    # a 0-byte file is what sqlite3.connect leaves before the first write: a run killed then,
    # or a reader looking at that moment, is no reason to tell the operator to reset
    db = damage(tmp_path, b"")
    with State.open(tmp_path, readonly=True) as st:
        assert st.info()["dedup_documents"] == 0
    with State.open(tmp_path) as st:  # a writer creates the tables
        st.add_template_counts("site", [1])
        st.commit()
    with State.open(tmp_path, readonly=True) as st:
        assert st.group_docs("site") == 1 and db.stat().st_size > 0


def test_a_database_without_our_tables_is_damaged(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "state.sqlite")
    conn.execute("CREATE TABLE other (x)")
    conn.close()
    with pytest.raises(StateCorruptError, match="no docclean tables"), State.open(tmp_path, readonly=True):
        pass
    dedup_run(tmp_path / "partial", [seed("000")])
    conn = sqlite3.connect(tmp_path / "partial" / "state.sqlite")
    conn.execute("DROP TABLE runs")
    conn.close()
    with pytest.raises(StateCorruptError, match="missing tables: runs"), State.open(tmp_path / "partial"):
        pass


def _store_with_damaged_pages(state_dir: Path) -> Path:
    """A store whose first page (header, schema) is intact and every later page noise."""
    with State.open(state_dir) as st:
        st.record_inputs(((f"input-{i:05d}.txt", i, "h" * 32) for i in range(3000)), "r1")
        st.add_template_counts("example.com", range(3000))
        st.commit()
    db = state_dir / "state.sqlite"
    page = 4096
    data = db.read_bytes()
    assert len(data) > 10 * page and not (state_dir / "state.sqlite-wal").exists()
    db.write_bytes(data[:page] + random.Random(0).randbytes(len(data) - page))
    return db


def test_damage_found_while_reading_raises_the_same_error(tmp_path: Path) -> None:
    db = _store_with_damaged_pages(tmp_path)
    with State.open(tmp_path, readonly=True):  # the header and schema (first page) read fine
        pass
    with (
        pytest.raises(StateCorruptError, match=rf"{db} is damaged \(database disk image is malformed\)"),
        State.open(tmp_path, readonly=True) as st,
    ):
        st.info()


def test_recover_moves_a_damaged_file_aside_and_starts_afresh(tmp_path: Path) -> None:
    content = bytes(range(256)) * 16
    db = damage(tmp_path, content)
    (tmp_path / "state.sqlite-wal").write_bytes(b"wal")
    with State.open(tmp_path, recover=True) as st:
        assert st.moved_aside is not None
        assert st.moved_aside.parent == tmp_path
        assert st.moved_aside.name.startswith("state.sqlite.damaged-")
        st.record_input("a.txt", 1, "h", "r1")
        st.commit()
    moved = st.moved_aside
    assert moved.read_bytes() == content  # the damaged copy is kept, byte for byte, with its WAL
    assert (tmp_path / f"{moved.name}-wal").read_bytes() == b"wal"
    with State.open(tmp_path, readonly=True) as ro:
        assert ro.info()["inputs"] == 1
    with State.open(tmp_path, recover=True) as st:  # a healthy store stays where it is
        assert st.moved_aside is None and st.processed("a.txt") == (1, "h", "r1")
    assert db.exists()
    kept = sorted(p.name for p in tmp_path.glob("state.sqlite.damaged-*"))
    assert kept == [moved.name, f"{moved.name}-wal"]


def test_recover_finds_damage_past_the_first_page(tmp_path: Path) -> None:
    _store_with_damaged_pages(tmp_path)
    with State.open(tmp_path, recover=True) as st:
        assert st.moved_aside is not None
        assert st.info()["inputs"] == 0


def test_recover_still_needs_the_lock(tmp_path: Path) -> None:
    content = b"not a database at all" * 100
    db = damage(tmp_path, content)
    fd = os.open(tmp_path / "lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(StateLockedError), State.open(tmp_path, recover=True):
            pass
    finally:
        os.close(fd)
    assert db.read_bytes() == content and not list(tmp_path.glob("*.damaged-*"))


# -- schema version 1 (no inputs.counted) -------------------------------------------------------

V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dedup_blobs (name TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (name, seq)) WITHOUT ROWID;
CREATE TABLE inputs (key TEXT PRIMARY KEY, size INTEGER NOT NULL, hash TEXT NOT NULL,
    run_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE template_lines (grp TEXT NOT NULL, line_hash INTEGER NOT NULL, docs INTEGER NOT NULL,
    PRIMARY KEY (grp, line_hash)) WITHOUT ROWID;
CREATE TABLE template_groups (grp TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE runs (id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
    counts TEXT NOT NULL DEFAULT '{}');
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO inputs VALUES ('a.txt', 1, 'h', 'r1');
"""


@pytest.mark.parametrize("counted_groups", [True, False], ids=["templates-counted", "templates-off"])
def test_a_version_1_store_reads_and_migrates_to_the_same_counted_flags(
    tmp_path: Path, counted_groups: bool
) -> None:
    conn = sqlite3.connect(tmp_path / "state.sqlite")
    conn.executescript(
        V1_SCHEMA + ("INSERT INTO template_groups VALUES ('site', 1);" if counted_groups else "")
    )
    conn.close()
    # the store does not say per input; with no template group at all, its runs counted nothing
    with State.open(tmp_path, readonly=True) as st:
        assert st.input_seen("a.txt", 1, "h") == (True, counted_groups)
    with State.open(tmp_path) as st:  # a writer adds the column, committed at once
        assert st.input_seen("a.txt", 1, "h") == (True, counted_groups)
    with State.open(tmp_path, readonly=True) as st:
        assert st.input_seen("a.txt", 1, "h") == (True, counted_groups)
        assert st.processed("a.txt") == (1, "h", "r1")
    conn = sqlite3.connect(tmp_path / "state.sqlite")
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    conn.close()
    with State.open(tmp_path) as st:  # and is written as a version-2 store
        st.record_input("a.txt", 1, "h", "r2", counted=True)
        st.commit()
    with State.open(tmp_path, readonly=True) as st:
        assert st.input_seen("a.txt", 1, "h") == (True, True)


def test_a_store_of_a_newer_schema_is_refused_when_opened_to_write(tmp_path: Path) -> None:
    with State.open(tmp_path) as st:
        st.commit()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    # before: a run did all its work, then failed writing to it (or misread it)
    with pytest.raises(ConfigError, match=r"newer docclean \(schema version 99"), State.open(tmp_path):
        pass


def test_a_reader_of_a_store_without_the_input_ids_table_sees_none(tmp_path: Path) -> None:
    import sqlite3

    with State.open(tmp_path) as st:
        st.record_input("a.txt", 1, "h", "r1")
        st.record_input_ids([("n2/001.txt", "n2/001")])
        st.commit()
    with State.open(tmp_path, readonly=True) as st:
        assert st.input_ids() == {"n2/001.txt": "n2/001"}
    conn = sqlite3.connect(tmp_path / "state.sqlite")
    conn.execute("DROP TABLE input_ids")  # a store written before the table existed
    conn.commit()
    conn.close()
    with State.open(tmp_path, readonly=True) as st:
        assert st.input_ids() == {} and list(st.input_keys()) == ["a.txt"]
    with State.open(tmp_path) as st:  # a writer adds the table
        assert st.input_ids() == {}
        st.reset()
        st.commit()
