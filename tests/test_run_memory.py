"""The plan stays compact: input files in columns, shards built on demand, manifest streamed."""

from __future__ import annotations

import gc
import hashlib
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import readers
from pipeline import run as runner
from pipeline.config import Config


def _corpus(root: Path) -> Path:
    folder = root / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Alpha story about the harbour.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Beta story about the market.\n", encoding="utf-8")
    (folder / "sub" / "c.html").write_text("<p>Gamma</p>", encoding="utf-8")
    (folder / "d.jsonl").write_text(
        "".join(json.dumps({"id": f"j{i}", "text": f"Line {i} text."}) + "\n" for i in range(7)),
        encoding="utf-8",
    )
    return folder


def test_source_table_round_trips_every_discovered_source(tmp_path: Path) -> None:
    found = readers.discover([_corpus(tmp_path)])
    table = readers.SourceTable(found)
    assert list(table) == found
    assert [table.rel(i) for i in range(len(table))] == [s.rel for s in found]
    assert table[-1] == found[-1] and table[1:3] == found[1:3]


def test_lazy_shards_match_plan_shards(tmp_path: Path) -> None:
    found = readers.discover([_corpus(tmp_path)])
    for size in (1, 2, 3, 5, 100):
        eager = readers.plan_shards(found, size)
        lazy = readers.plan_shard_list(readers.SourceTable(found), size)
        assert list(lazy) == eager
        assert lazy.documents() == sum(i.count if i.count is not None else 1 for s in eager for i in s.items)


def test_plan_keeps_checksums_and_skips_unchanged_inputs(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    config = Config.from_mapping({"run": {"workers": 1, "incremental": True}})
    first = runner.plan([folder], tmp_path / "out", config)
    files = [f for f, skipped in first.files() if not skipped]
    assert first.skipped == 0 and len(files) == 4
    a = files[0]
    assert a.rel == "news/a.txt" and a.size == (folder / "a.txt").stat().st_size
    assert a.blake2b == hashlib.blake2b((folder / "a.txt").read_bytes(), digest_size=16).hexdigest()
    runner.run_plan(first)
    (folder / "b.txt").write_text("Beta story, corrected.\n", encoding="utf-8")
    second = runner.plan([folder], tmp_path / "out", config)
    assert [f.rel for f, skipped in second.files() if not skipped] == ["news/b.txt"]
    assert second.skipped == 3
    assert [item.source.rel for shard in second.shards for item in shard.items] == ["news/b.txt"]


def test_streamed_manifest_equals_the_json_dump(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    out = tmp_path / "out"
    summary = runner.run([folder], out, Config.from_mapping({"run": {"workers": 1}}))
    text = (out / "manifest.json").read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert text == json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    paths = [i["path"] for i in manifest["inputs"]]
    assert paths == ["news/a.txt", "news/b.txt", "news/d.jsonl", "news/sub/c.html"]
    assert manifest["summary"]["inputs"] == summary.inputs == 4


def test_id_list_behaves_like_the_list_it_replaces() -> None:
    ids = ["doc/1", "", "δ", "doc/1~2", "x" * 300]
    compact = runner.IdList(ids)
    assert list(compact) == ids and len(compact) == 5
    assert [compact[i] for i in range(-5, 5)] == ids + ids
    assert compact == runner.IdList(ids) and compact != runner.IdList(ids[:-1])
    assert runner.IdList() == runner.IdList([]) and len(runner.IdList()) == 0


def test_shard_results_carry_ids_compactly(tmp_path: Path) -> None:
    config = Config.from_mapping({"run": {"workers": 1}})
    the_plan = runner.plan([_corpus(tmp_path)], tmp_path / "out", config)
    result = runner.clean_shard(the_plan, 0)
    assert isinstance(result.ids, runner.IdList)
    assert list(result.ids)[:2] == ["a", "b"] and result.documents == len(result.ids)


def test_plan_pickles_whole(tmp_path: Path) -> None:
    the_plan = runner.plan(
        [_corpus(tmp_path)], tmp_path / "out", Config.from_mapping({"run": {"workers": 1}})
    )
    copy = pickle.loads(pickle.dumps(the_plan))
    assert list(copy.shards) == list(the_plan.shards)
    assert list(copy.files()) == list(the_plan.files())


@pytest.fixture(autouse=True)
def _no_frozen_objects_left() -> Iterator[None]:
    """Whatever a test here does to the collector's permanent generation, the next test starts clean."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()


def test_the_pool_freezes_the_drivers_objects_while_workers_live(tmp_path: Path) -> None:
    cfg = Config.from_mapping({"run": {"workers": 2, "shard_size": 2}})
    the_plan = runner.plan([_corpus(tmp_path)], tmp_path / "out", cfg)
    assert len(the_plan.shards) >= 2
    assert gc.get_freeze_count() == 0
    with runner._pool(the_plan) as pool:
        assert pool is not None
        assert gc.get_freeze_count() > 0  # the driver's objects, untouched by the workers' GC
        assert pool.submit(gc.get_freeze_count).result() > 0  # a forked worker inherits it
    assert gc.get_freeze_count() == 0  # and the driver collects them again afterwards


_MARK = "before the pool"


def _mark() -> str:
    return _MARK


def test_the_pool_forks_its_workers_on_entry(tmp_path: Path) -> None:
    """What the driver builds after entering the pool (e.g. the dedup index) stays out of the workers."""
    global _MARK
    cfg = Config.from_mapping({"run": {"workers": 2, "shard_size": 2}})
    the_plan = runner.plan([_corpus(tmp_path)], tmp_path / "out", cfg)
    try:
        with runner._pool(the_plan) as pool:
            assert pool is not None
            _MARK = "after the fork"
            assert {pool.submit(_mark).result() for _ in range(4)} == {"before the pool"}
    finally:
        _MARK = "before the pool"


def test_the_pool_leaves_a_callers_frozen_objects_frozen(tmp_path: Path) -> None:
    cfg = Config.from_mapping({"run": {"workers": 2, "shard_size": 2}})
    gc.freeze()  # the caller's own freeze
    the_plan = runner.plan([_corpus(tmp_path)], tmp_path / "out", cfg)
    marker: list[object] = []  # made after the caller's freeze, like the plan

    def in_a_generation(obj: object) -> bool:  # frozen objects are in none of them
        return any(o is obj for g in range(3) for o in gc.get_objects(g))

    assert in_a_generation(marker)
    with runner._pool(the_plan) as pool:
        assert pool is not None
        assert not in_a_generation(marker)  # what was made after the caller's freeze is frozen too
    # (the freeze count itself is no measure: frozen objects that die leave it)
    assert gc.get_freeze_count() > 0 and not in_a_generation(marker)  # nothing unfrozen: the caller decides


def test_nested_freezes_unfreeze_once_when_the_last_one_closes() -> None:
    with runner._frozen():
        with runner._frozen():
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() > 0  # the outer block (another run) is still open
    assert gc.get_freeze_count() == 0


def test_trimming_the_heap_without_glibc_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_libc(name: str) -> object:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(runner.ctypes, "CDLL", no_libc)
    assert runner._trim_heap() is False


def test_trimming_the_heap_without_malloc_trim_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoTrim:  # a libc without malloc_trim (attribute lookup fails, as ctypes' does)
        def __init__(self, name: str) -> None:
            self.name = name

    monkeypatch.setattr(runner.ctypes, "CDLL", NoTrim)
    assert runner._trim_heap() is False
