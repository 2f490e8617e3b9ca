"""End-to-end runs of the library: the seed spec, determinism, bad input, atomicity, dedup modes."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pipeline import run as runner
from pipeline.config import Config
from pipeline.errors import ConfigError, RunInterrupted
from pipeline.writers import record_schema
from tests.check_seeds import check, read_records

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).parent / "data"
EXPECT = json.loads((Path(__file__).parent / "data" / "seeds.expect.json").read_text(encoding="utf-8"))


def one_worker(**sections: dict[str, object]) -> Config:
    data: dict[str, dict[str, object]] = {"run": {"workers": 1}}
    for key, value in sections.items():
        data.setdefault(key, {}).update(value)
    return Config.from_mapping(data)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds-out")
    runner.run([SEEDS], out, one_worker())
    return out


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_run_meets_every_expectation(seeds_run: Path) -> None:
    problems, total = check(read_records(seeds_run), EXPECT)
    assert total == 84
    assert problems == []


def test_every_record_validates_against_the_shipped_schema(seeds_run: Path) -> None:
    validator = jsonschema.Draft202012Validator(record_schema())
    records = lines(seeds_run / "documents.jsonl")
    assert len(records) == 5
    for rec in records:
        assert list(validator.iter_errors(rec)) == []


def test_removals_carry_category_rule_and_their_own_text(seeds_run: Path) -> None:
    for rec in lines(seeds_run / "documents.jsonl"):
        for span in rec["removed"]:  # type: ignore[attr-defined]
            assert span["category"] and "/" in span["rule"]
            assert span["text"].strip()
            assert span["text"].strip() not in rec["text"] or len(span["text"].strip()) < 30  # type: ignore[operator]


def test_manifest_counts_match_the_output(seeds_run: Path) -> None:
    manifest = json.loads((seeds_run / "manifest.json").read_text(encoding="utf-8"))
    records = lines(seeds_run / "documents.jsonl")
    assert manifest["summary"]["documents"] == len(records)
    removed = sum(len(r["removed"]) for r in records)  # type: ignore[arg-type]
    assert sum(manifest["summary"]["removed_by_category"].values()) == removed
    assert {i["path"] for i in manifest["inputs"]} == {f"seeds/{p.name}" for p in SEEDS.iterdir()}
    assert all(len(i["blake2b"]) == 32 for i in manifest["inputs"])
    assert manifest["config_digest"] == Config().digest() or manifest["config_digest"]


def test_two_runs_give_the_same_bytes(tmp_path: Path, seeds_run: Path) -> None:
    runner.run([SEEDS], tmp_path / "b", one_worker())
    assert (tmp_path / "b" / "documents.jsonl").read_bytes() == (seeds_run / "documents.jsonl").read_bytes()
    assert (tmp_path / "b" / "rejected.jsonl").read_bytes() == (seeds_run / "rejected.jsonl").read_bytes()


def test_worker_processes_do_not_change_the_output(tmp_path: Path, seeds_run: Path) -> None:
    cfg = Config.from_mapping({"run": {"workers": 2, "shard_size": 2}})
    runner.run([SEEDS], tmp_path / "w", cfg)
    assert (tmp_path / "w" / "documents.jsonl").read_bytes() == (seeds_run / "documents.jsonl").read_bytes()


def test_rerunning_into_the_same_output_gives_the_same_bytes(tmp_path: Path, seeds_run: Path) -> None:
    out = tmp_path / "again"
    runner.run([SEEDS], out, one_worker())
    runner.run([SEEDS], out, one_worker())  # the state remembers 000; it must not dedup 000 against itself
    assert (out / "documents.jsonl").read_bytes() == (seeds_run / "documents.jsonl").read_bytes()


def test_annotate_keeps_duplicates_in_text_and_lists_them(tmp_path: Path) -> None:
    runner.run([SEEDS], tmp_path, one_worker(dedup={"mode": "annotate"}))
    rec = {r["id"]: r for r in lines(tmp_path / "documents.jsonl")}["002_6b0c022c36250b00"]
    assert rec["duplicates"]
    for dup in rec["duplicates"]:  # type: ignore[attr-defined]
        assert dup["of"] == "000_584aeddb6693844b"
        assert rec["text"][dup["at"] : dup["at"] + len(dup["text"])] == dup["text"]  # type: ignore[index]


def test_dedup_off_lists_nothing(tmp_path: Path) -> None:
    runner.run([SEEDS], tmp_path, one_worker(dedup={"mode": "off"}))
    assert all(not r["duplicates"] for r in lines(tmp_path / "documents.jsonl"))


def test_bad_inputs_become_rejections_and_never_stop_the_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "003_8b4b2912ffbc3d7b.txt", src / "good.txt")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (src / "empty.txt").write_bytes(b"   \n\n")
    (src / "latin1.txt").write_bytes(
        "Le café coûte 3 € à Genève, a déclaré le ministre lundi.".encode("cp1252")
    )
    (src / "broken.html").write_text("<html><body><div><p>Unclosed <b>markup", encoding="utf-8")
    (src / "big.txt").write_text("word " * 50_000, encoding="utf-8")
    body = "The minister said on Tuesday that the new budget would cut spending on roads by a third."
    with gzip.open(src / "feed.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "ok-1", "text": body, "url": "https://example.com/a"}) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "no-text"}) + "\n")
        fh.write(json.dumps([1, 2]) + "\n")
    out = tmp_path / "out"
    summary = runner.run([src], out, one_worker(read={"max_bytes": 100_000}))
    records = lines(out / "documents.jsonl")
    rejected = lines(out / "rejected.jsonl")
    ids = {r["id"] for r in records}
    assert {"good", "latin1", "ok-1"} <= ids
    reasons = {r["id"]: r["reason"] for r in rejected}
    assert reasons["binary"] == "binary"
    assert reasons["empty"] == "empty"
    assert reasons["big"] == "too_large"
    assert sum(1 for r in rejected if r["reason"] == "malformed_jsonl") == 3
    assert summary.documents == len(records) and summary.rejected == len(rejected)
    latin = next(r for r in records if r["id"] == "latin1")
    assert "café coûte 3 €" in latin["text"]  # type: ignore[operator]
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".docclean-state"]


def test_a_crash_while_writing_leaves_output_and_state_as_they_were(
    tmp_path: Path, seeds_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    runner.run([SEEDS], out, one_worker())
    before = (out / "documents.jsonl").read_bytes()
    state_before = sorted((p.name, p.stat().st_size) for p in (out / ".docclean-state").iterdir())

    def boom(*args: object, **kwargs: object) -> dict[str, object]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(runner, "record", boom)
    with pytest.raises(RuntimeError):
        runner.run([SEEDS], out, one_worker(dedup={"mode": "annotate"}))
    assert (out / "documents.jsonl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".docclean-work")]
    state_after = sorted((p.name, p.stat().st_size) for p in (out / ".docclean-state").iterdir())
    assert state_after == state_before


def test_incremental_run_skips_inputs_it_has_seen(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_584aeddb6693844b.txt", src)
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    first = runner.run([src], out, cfg)
    assert first.documents == 1 and first.skipped_inputs == 0
    shutil.copy(SEEDS / "002_6b0c022c36250b00.txt", src)
    second = runner.run([src], out, cfg)
    assert second.documents == 1 and second.skipped_inputs == 1
    files = sorted(p.name for p in out.glob("documents*.jsonl"))
    assert len(files) == 2  # incremental runs add a file per run, they never overwrite earlier output
    rec = (
        lines(out / files[-1])[0]
        if lines(out / files[-1])[0]["id"].startswith("002")
        else lines(out / files[0])[0]
    )
    assert rec["duplicates"], "002 must lose the Inbar quote to 000 seen in the first run"


def test_an_incremental_night_with_nothing_new_still_writes_its_three_files(tmp_path: Path) -> None:
    """The documented contract (docs/schema.md): every run's files exist, found by its run id."""
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    runner.run([SEEDS], out, cfg)
    quiet = runner.run([SEEDS], out, cfg)
    assert quiet.documents == 0 and quiet.skipped_inputs == 5
    run_id = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["run_id"]
    for name in (f"documents-{run_id}.jsonl", f"rejected-{run_id}.jsonl"):
        assert (out / name).read_bytes() == b""
    assert json.loads((out / f"manifest-{run_id}.json").read_text(encoding="utf-8"))["run_id"] == run_id


_STORIES = [
    "The regional council approved a new budget for road repairs on Thursday after a long debate. "
    "Councillors said the money would cover bridges in three districts and resurfacing work next spring.",
    "A local bakery has won a national award for its sourdough bread, the judges announced in London. "
    "The owners said they started the business in a garage eleven years ago with one oven.",
    "Heavy rain flooded several streets in the harbour town overnight, forcing the closure of two schools. "
    "Emergency crews pumped water from basements and the weather service expects more showers.",
    "The university opened a research centre for battery chemistry, funded by a group of manufacturers. "
    "Its director said forty scientists would work on cheaper storage for solar and wind power.",
    "Farmers in the valley reported an early harvest of apples this year thanks to a warm spring. "
    "Prices at the market fell slightly as supply rose, according to the growers' association.",
]


def _jsonl(path: Path, stories: list[str], start: int = 0, mode: str = "w") -> None:
    with path.open(mode, encoding="utf-8", newline="") as fh:
        for k, text in enumerate(stories, start):
            fh.write(json.dumps({"url": f"https://site{k}.example/a", "text": text}) + "\n")


def _feed(tmp_path: Path, stories: list[str]) -> tuple[Path, Path]:
    """An input folder holding ``feed.jsonl`` with ``stories``: (the folder, the file)."""
    src = tmp_path / "in"
    src.mkdir()
    dump = src / "feed.jsonl"
    _jsonl(dump, stories)
    return src, dump


def _run_files(out: Path, pattern: str) -> list[Path]:
    return sorted(out.glob(pattern), key=lambda p: p.stat().st_mtime_ns)


def test_an_incremental_run_reads_only_the_lines_appended_to_a_jsonl_input(tmp_path: Path) -> None:
    src, dump = _feed(tmp_path, _STORIES[:3])
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    first = runner.run([src], out, cfg)
    assert (first.documents, first.appended_inputs) == (3, 0)
    # two new lines; the second copies the first line's story (dedup remembers it)
    _jsonl(dump, [_STORIES[3], _STORIES[0] + " " + _STORIES[4]], start=3, mode="a")
    second = runner.run([src], out, cfg)
    # before: the whole file was read again and its three old records written a second time
    assert (second.documents, second.skipped_inputs, second.appended_inputs) == (2, 0, 1)
    newest = lines(_run_files(out, "documents-*.jsonl")[-1])
    assert [r["id"] for r in newest] == ["feed:4", "feed:5"]  # line numbers count the old lines
    assert [r["source"] for r in newest] == ["in/feed.jsonl:4", "in/feed.jsonl:5"]
    assert [d["of"] for d in newest[1]["duplicates"]] == ["feed:1", "feed:1"]  # type: ignore[index]
    assert _STORIES[4] in str(newest[1]["text"]) and _STORIES[0] not in str(newest[1]["text"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == [
        {
            "path": "in/feed.jsonl",
            "size": dump.stat().st_size,
            "blake2b": manifest["inputs"][0]["blake2b"],
            "skipped": False,
            "from_line": 4,
        }
    ]
    third = runner.run([src], out, cfg)  # nothing new: skipped as unchanged
    assert (third.documents, third.skipped_inputs, third.appended_inputs) == (0, 1, 0)


def test_lines_appended_while_a_run_plans_are_read_once_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dump = _feed(tmp_path, _STORIES[:2])
    real_digest = runner._file_digest

    def digest_after_a_write(path: str, size: int | None = None) -> bytes:
        if path.endswith("feed.jsonl") and len(dump.read_bytes().splitlines()) < 4:
            _jsonl(dump, _STORIES[2:4], start=2, mode="a")  # a writer appends after discovery
        return real_digest(path, size)

    monkeypatch.setattr(runner, "_file_digest", digest_after_a_write)
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    first = runner.run([src], out, cfg)
    monkeypatch.undo()
    second = runner.run([src], out, cfg)
    ids = [r["id"] for f in _run_files(out, "documents-*.jsonl") for r in lines(f)]
    # before: the first run read all four lines but recorded the checksum of the whole file with
    # the size of two lines, so the second run read the file whole again (every line twice)
    assert (first.documents, second.documents, second.appended_inputs) == (2, 2, 1)
    assert ids == ["feed:1", "feed:2", "feed:3", "feed:4"]


def test_a_grown_jsonl_whose_old_lines_were_not_counted_for_templates_is_read_whole(tmp_path: Path) -> None:
    src, dump = _feed(tmp_path, _STORIES[:2])
    out = tmp_path / "out"
    runner.run([src], out, one_worker(run={"incremental": True}, boilerplate={"site_templates": False}))
    _jsonl(dump, _STORIES[2:3], start=2, mode="a")
    again = runner.run([src], out, one_worker(run={"incremental": True}))
    # the old lines were never counted for site templates: read (and counted) now
    assert (again.appended_inputs, again.documents) == (0, 3)


def test_a_line_still_being_written_is_left_whole_for_the_next_incremental_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.cli import main

    src, dump = _feed(tmp_path, _STORIES[:2])
    line = json.dumps({"url": "https://site2.example/a", "text": _STORIES[2]}) + "\n"
    with dump.open("a", encoding="utf-8") as fh:
        fh.write(line[:40])  # a writer's buffer flushed in the middle of a line
    out = tmp_path / "out"
    argv = ["run", str(src), "-o", str(out), "--incremental", "--workers", "1"]
    assert main(argv) == 0
    assert "1 with an unfinished last line left for the next run" in capsys.readouterr().out
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][0]["size"] + manifest["inputs"][0]["held_back_bytes"] == dump.stat().st_size
    with dump.open("a", encoding="utf-8") as fh:
        fh.write(line[40:])  # ... and finished it
    cfg = one_worker(run={"incremental": True})
    second = runner.run([src], out, cfg)
    # before: the first run rejected the half line as malformed_jsonl, and the second read the
    # whole file again, writing both old records a second time
    assert (second.appended_inputs, second.held_back_inputs, second.documents, second.rejected) == (
        1,
        0,
        1,
        0,
    )
    ids = [r["id"] for f in _run_files(out, "documents-*.jsonl") for r in lines(f)]
    assert ids == ["feed:1", "feed:2", "feed:3"]
    assert not any(lines(f) for f in out.glob("rejected-*.jsonl"))
    # a one-off run has no next run: it reads an unfinished line (and rejects it)
    with dump.open("a", encoding="utf-8") as fh:
        fh.write('{"text": "cut sh')
    once = runner.run([src], tmp_path / "once", one_worker())
    assert (once.documents, once.rejected_by_reason, once.held_back_inputs) == (3, {"malformed_jsonl": 1}, 0)


@pytest.mark.parametrize("change", ["edited", "unterminated", "one-off", "gzip"])
# "unterminated": the old last line had no newline and went on (more text, then the newline)
def test_a_jsonl_input_that_did_not_only_grow_is_read_whole_again(tmp_path: Path, change: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    dump = src / ("feed.jsonl.gz" if change == "gzip" else "feed.jsonl")
    rows = [{"url": f"https://s{k}.example/", "text": t} for k, t in enumerate(_STORIES[:2])]
    body = "".join(json.dumps(row) + "\n" for row in rows)
    if change == "unterminated":
        body = body[:-1]  # the last line was still being written when the first run read it
    dump.write_bytes(gzip.compress(body.encode()) if change == "gzip" else body.encode())
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    runner.run([src], out, cfg)
    more = json.dumps({"url": "https://s9.example/", "text": _STORIES[2]}) + "\n"
    if change == "edited":
        body = body.replace("regional", "county")
    if change == "unterminated":
        more = " " + more  # the old last line was still being written: it goes on
    new = (body + more).encode()
    dump.write_bytes(gzip.compress(new) if change == "gzip" else new)
    again = runner.run([src], out, one_worker() if change == "one-off" else cfg)
    assert (again.appended_inputs, again.skipped_inputs) == (0, 0)
    assert again.documents + again.rejected == len(new.splitlines())  # every line read again


@pytest.mark.parametrize("newline", ["\n", "\r\n", " \n"])
def test_a_last_line_without_newline_that_gets_one_is_not_read_again(tmp_path: Path, newline: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    dump = src / "feed.jsonl"
    rows = [json.dumps({"url": f"https://s{k}.example/", "text": t}) for k, t in enumerate(_STORIES[:2])]
    dump.write_text("\n".join(rows), encoding="utf-8", newline="")  # no final newline: the last line is read
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    first = runner.run([src], out, cfg)
    with dump.open("a", encoding="utf-8", newline="") as fh:
        fh.write(newline + json.dumps({"url": "https://s9.example/", "text": _STORIES[2]}) + "\n")
    second = runner.run([src], out, cfg)
    # before: the file was read whole again and both old records were written a second time
    assert (first.documents, second.documents, second.appended_inputs, second.rejected) == (2, 1, 1, 0)
    ids = [r["id"] for f in _run_files(out, "documents-*.jsonl") for r in lines(f)]
    assert ids == ["feed:1", "feed:2", "feed:3"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][0]["from_line"] == 3


def test_an_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    out = src / "cleaned"
    first = runner.run([src], out, one_worker())
    second = runner.run([src], out, one_worker())
    # before, the second run read its own documents.jsonl and rejected.jsonl as new input
    assert (first.documents, first.rejected) == (second.documents, second.rejected) == (5, 0)
    assert all(not f.rel.startswith("in/cleaned/") for f, _ in runner.plan([src], out, one_worker()).files())


def test_an_input_unreadable_while_planning_is_rejected_and_never_taken_as_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import readers

    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_584aeddb6693844b.txt", "002_6b0c022c36250b00.txt"):
        shutil.copy(SEEDS / name, src)
    locked = str((src / "002_6b0c022c36250b00.txt").resolve())
    real_open = readers.open_regular

    def denying_open(file: str, *args: Any, **kwargs: Any) -> Any:
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # as for a file without read permission (a test running as root cannot make one); every
    # input is opened by readers.open_regular (open_input uses it), the checksum and the readers alike
    monkeypatch.setattr(readers, "open_regular", denying_open)
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    first = runner.run([src], out, cfg)  # before: a PermissionError traceback while planning
    assert (first.documents, first.rejected) == (1, 1)
    (rejected,) = out.glob("rejected*.jsonl")  # incremental runs name their files by run
    (rej,) = lines(rejected)
    assert rej["reason"] == "unreadable" and "Permission denied" in str(rej["message"])
    # still unreadable: rejected again, not skipped as unchanged
    again = runner.run([src], out, cfg)
    assert (again.skipped_inputs, again.rejected) == (1, 1)
    monkeypatch.undo()
    readable = runner.run([src], out, cfg)  # readable now: processed
    assert (readable.skipped_inputs, readable.documents) == (1, 1)


def test_an_input_swapped_for_a_named_pipe_after_discovery_is_rejected_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from pipeline import readers
    from tests.test_readers import returns_within

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_584aeddb6693844b.txt", src)
    (src / "feed.jsonl").write_text('{"text": "A line of news."}\n', encoding="utf-8")
    real_discover = readers.discover

    def discover_then_swap(*args: Any, **kwargs: Any) -> list[readers.Source]:
        found = real_discover(*args, **kwargs)
        (src / "feed.jsonl").unlink()
        os.mkfifo(src / "feed.jsonl")  # between discovery and the checksum, scan and read
        return found

    monkeypatch.setattr(readers, "discover", discover_then_swap)
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})  # also looks for an unfinished last line
    # before: the checksum's open() waited for a writer for ever
    summary = returns_within(60, lambda: runner.run([src], out, cfg), src / "feed.jsonl")
    assert (summary.documents, summary.rejected) == (1, 1)
    (rejected,) = out.glob("rejected*.jsonl")
    (rej,) = lines(rejected)
    assert (rej["source"], rej["reason"]) == ("in/feed.jsonl:1", "unreadable")
    assert rej["message"] == "in/feed.jsonl:1: not a regular file (a named pipe): not read"
    monkeypatch.undo()
    (src / "feed.jsonl").unlink()
    (src / "feed.jsonl").write_text('{"text": "A line of news."}\n', encoding="utf-8")
    again = runner.run([src], out, cfg)  # never recorded as seen: read once it is a file
    assert (again.skipped_inputs, again.documents, again.rejected) == (1, 1, 0)


def test_a_sub_folder_that_cannot_be_listed_is_a_rejection_not_the_end_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    shutil.copy(SEEDS / "000_584aeddb6693844b.txt", src)
    shutil.copy(SEEDS / "002_6b0c022c36250b00.txt", src / "locked")
    locked = os.path.realpath(src / "locked")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # as for chmod 000 (a test running as root cannot make one)
        if not isinstance(path, int) and os.path.realpath(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    first = runner.run([src], out, cfg)  # before: ConfigError "cannot list input folder", exit 2
    assert (first.documents, first.rejected) == (1, 1)
    (rejected,) = out.glob("rejected*.jsonl")
    (rej,) = lines(rejected)
    assert (rej["id"], rej["source"], rej["reason"]) == ("locked/", "in/locked/", "unreadable")
    assert (
        rej["message"]
        == "in/locked/: cannot list this folder (Permission denied): the files in it are not read"
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["rejected_by_reason"] == {"unreadable": 1}
    assert {i["path"] for i in manifest["inputs"]} == {"in/000_584aeddb6693844b.txt", "in/locked/"}
    monkeypatch.undo()
    # listable now: the next incremental run reads the folder's files (it was never recorded as seen)
    again = runner.run([src], out, cfg)
    assert (again.documents, again.rejected, again.skipped_inputs) == (1, 0, 1)


def test_a_malformed_url_does_not_reject_its_document(tmp_path: Path) -> None:
    text = "The central bank raised interest rates on Tuesday, surprising markets that expected a pause."
    recs = [
        {"id": "v6", "url": "http://[::1", "text": text},
        {"id": "port", "url": "http://e.com:999999/", "text": text},
    ]
    (tmp_path / "u.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    summary = runner.run([tmp_path / "u.jsonl"], tmp_path / "out", one_worker(dedup={"mode": "off"}))
    assert (summary.documents, summary.rejected) == (2, 0)  # before: an internal_error rejection
    assert [r["url"] for r in lines(tmp_path / "out" / "documents.jsonl")] == [r["url"] for r in recs]


def test_a_rerun_decides_a_whole_duplicate_as_its_first_run_did(tmp_path: Path) -> None:
    # six texts over a dozen words, shrunk from a fuzzed corpus: f201 is a whole duplicate of
    # f112, matched through 3-grams that the later documents make stop-shingles. A whole
    # duplicate is not indexed, so a rerun decided it against the complete index (the later
    # documents, the later stop-shingles), found no candidate, and kept it.
    texts = json.loads((DATA / "dedup" / "rerun_whole_duplicate.json").read_text(encoding="utf-8"))
    src = tmp_path / "in"
    src.mkdir()
    for name, text in texts.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    runs, outputs = [], []
    for _ in range(2):
        runs.append(runner.run([src], out, one_worker()))
        outputs.append(((out / "documents.jsonl").read_bytes(), (out / "rejected.jsonl").read_bytes()))
    assert [r["id"] for r in lines(out / "rejected.jsonl")] == ["f201"]  # a duplicate_document, again
    assert outputs[0] == outputs[1]
    assert runs[0].duplicate_documents == runs[1].duplicate_documents == 1


def test_a_rerun_does_not_count_its_own_anchors_towards_stop_shingles(tmp_path: Path) -> None:
    # 17 generated records (shrunk from a reviewer's 450) whose sentences share 3-grams held by
    # nearly MAX_POSTINGS passages: a rerun looked up the index up to the end of its own earlier
    # copy, so its own anchors made some of them stop-shingles, the candidates changed, and the
    # second run removed a passage (a duplicate of k89) the first had kept
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DATA / "dedup" / "rerun_stop_shingles.jsonl", src / "m.jsonl")
    out = tmp_path / "out"
    outputs = []
    for _ in range(3):
        runner.run([src], out, one_worker())
        outputs.append((out / "documents.jsonl").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_whole_duplicate_stays_rejected_when_a_later_night_sorts_before_it(tmp_path: Path) -> None:
    # night 1 indexes b; night 2 adds a and c (c a copy of a): c is a whole duplicate of a. A run
    # over all three again is a rerun: c's place was right after a, but a sorts before b, so "the
    # index after the last rerun before c" ended at b, before a: c found no copy and was kept
    from pipeline.state import State

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "001_b0bd6dbd8196f91e.txt", src / "b.txt")
    out = tmp_path / "out"
    runner.run([src], out, one_worker(run={"incremental": True}))
    shutil.copy(SEEDS / "003_8b4b2912ffbc3d7b.txt", src / "a.txt")
    shutil.copy(SEEDS / "003_8b4b2912ffbc3d7b.txt", src / "c.txt")
    night2 = runner.run([src], out, one_worker(run={"incremental": True}))
    assert night2.duplicate_documents == 1
    again = runner.run([src], out, one_worker())  # the same inputs, one-off
    assert again.duplicate_documents == 1  # before: 0, c written as a new document
    assert [r["id"] for r in lines(out / "rejected.jsonl")] == ["c"]
    assert [r["id"] for r in lines(out / "documents.jsonl")] == ["a", "b"]
    with State.open(runner.default_state_dir(out), readonly=True) as st:
        assert st.info()["dedup_documents"] == 2  # before: 3, c indexed too


def test_rerunning_the_same_inputs_gives_the_same_output_and_keeps_the_state_size(tmp_path: Path) -> None:
    from pipeline.state import State

    src = tmp_path / "site"
    src.mkdir()
    filler = "Officials gave no further details on the plans, which are expected to be debated next week."
    texts = {
        # a.txt's sentence is all inside a longer sentence of c.txt: c loses nothing to a (its
        # sentence has too many other words), but a's sentence is covered by c's. Decided against
        # c's copy from the first run, a rerun of a lost its sentence to the later c.
        "a.txt": "The minister said the new bridge over the river will open in May next year. " + filler,
        "b.txt": "Farmers protested in the capital on Monday against the new tax on diesel fuel.",
        "c.txt": "In a long speech to local business leaders on Friday evening, the minister said the new "
        "bridge over the river will open in May next year, ahead of schedule and under budget.",
        # a line two of six documents share: under the template threshold (3 documents) once,
        # over it when every rerun counted the same documents again
        "d.txt": "The harbour museum opens daily from ten until six.\n\nThe council approved the budget.",
        "e.txt": "The harbour museum opens daily from ten until six.\n\nSchools reopen after the storm.",
        "f.txt": "A new library opens in the old town hall in the spring, the mayor announced.",
    }
    for name, text in texts.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    outputs, sizes = [], []
    for _ in range(3):
        runner.run([src], out, one_worker())
        outputs.append(((out / "documents.jsonl").read_bytes(), (out / "rejected.jsonl").read_bytes()))
        with State.open(runner.default_state_dir(out), readonly=True) as st:
            sizes.append(len(st.load_dedup_index().doc_ids))
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]
    assert sizes == [6, 6, 6]  # a rerun's copy is indexed already: the index does not grow
    first = {r["id"]: r for r in lines(out / "documents.jsonl")}
    assert first["a"]["duplicates"] == [] and "harbour museum" in str(first["d"]["text"])


def test_work_folders_of_killed_runs_are_removed_after_a_day(tmp_path: Path) -> None:
    import os

    out = tmp_path / "out"
    out.mkdir()
    old = out / ".docclean-work-20200101T000000Z-0a1b2c3d"  # a run killed with kill -9
    (old / "early").mkdir(parents=True)
    (old / "shard-000000.pickle").write_bytes(b"x" * 1000)
    for p in (old / "early", old / "shard-000000.pickle", old):
        os.utime(p, (0, 0))
    live = out / ".docclean-work-20200102T000000Z-0a1b2c3d"  # started long ago, still writing
    live.mkdir()
    (live / "shard-000001.pickle").write_bytes(b"x")
    recent = out / (".docclean-work-" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-0a1b2c3d")
    recent.mkdir()  # maybe a run going on now: kept
    # a run killed in its write phase: its unpublished output files (before: left for ever)
    stale_tmp = out / ".documents-20200101T000000Z-0a1b2c3d.jsonl.k2j4x.tmp"
    stale_tmp.write_text('{"id": "half', encoding="utf-8")
    os.utime(stale_tmp, (0, 0))
    fresh_tmp = out / ".rejected.jsonl.q8z.tmp"  # maybe a run writing now (another state): kept
    fresh_tmp.write_text("", encoding="utf-8")
    runner.run([SEEDS], out, one_worker())
    assert not old.exists() and recent.exists() and live.exists()
    assert sorted(p.name for p in out.glob(".docclean-work-*")) == [live.name, recent.name]
    assert not stale_tmp.exists() and fresh_tmp.exists()


def test_the_output_folder_cannot_be_an_input_folder(tmp_path: Path) -> None:
    from pipeline.errors import ConfigError

    src = tmp_path / "data"
    shutil.copytree(SEEDS, src)
    with pytest.raises(ConfigError, match="also an input folder"):
        runner.run([src], src, one_worker())  # its documents.jsonl would be read back next time


def test_a_page_repeated_on_one_site_keeps_its_first_copy(tmp_path: Path) -> None:
    story = (
        "The mayor opened the new bridge over the river on Monday morning after three years of work.\n"
        "Engineers said the crossing would cut the drive to the hospital by twenty minutes.\n"
        "Shops on both banks expect more visitors once the summer timetable starts in June."
    )
    recs = [{"id": "page", "url": "https://news.example.com/a", "text": story}]
    # the same page crawled again under other URLs, twice as is and once with a new last line
    recs += [{"id": f"copy{i}", "url": f"https://news.example.com/a?{i}", "text": story} for i in (1, 2)]
    recs.append({"id": "edited", "url": "https://news.example.com/b", "text": story + "\nUpdated at noon."})
    recs += [
        {"id": f"other{i}", "url": f"https://news.example.com/o{i}", "text": f"Story {i}: " + text}
        for i, text in enumerate(
            [
                "the council met to discuss the school budget for next year and the new library.",
                "farmers asked for help after floods damaged fields across the northern valley.",
                "the football club signed two young players from the regional academy this week.",
            ]
        )
    ]
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "out"
    runner.run([tmp_path / "crawl.jsonl"], out, one_worker())
    kept = {r["id"]: r for r in lines(out / "documents.jsonl")}
    rejected = {r["id"]: r["reason"] for r in lines(out / "rejected.jsonl")}
    # before: the copies made every line of the page a "site template", so the first copy lost
    # all its text (empty_after_cleaning) while the copies were rejected as duplicates of it
    assert kept["page"]["text"] == story and kept["page"]["removed"] == []
    assert rejected == {
        "copy1": "duplicate_document",
        "copy2": "duplicate_document",
        "edited": "duplicate_document",
    }
    first = (out / "documents.jsonl").read_bytes()
    runner.run([tmp_path / "crawl.jsonl"], out, one_worker())
    assert (out / "documents.jsonl").read_bytes() == first


def test_one_path_as_a_string_is_one_input(tmp_path: Path) -> None:
    # before, a bare string was a sequence of one-character paths: "/" was walked
    summary = runner.run(str(SEEDS), tmp_path / "out", one_worker())
    assert summary.documents == 5 and summary.inputs == 5


def test_switching_gzip_replaces_the_documents_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.run([SEEDS], out, one_worker(run={"gzip": True}))
    runner.run([SEEDS], out, one_worker())
    # before, both stayed, and explain/report/validate read both (every record twice)
    assert sorted(p.name for p in out.glob("documents*")) == ["documents.jsonl"]
    runner.run([SEEDS], out, one_worker(run={"gzip": True}))
    assert sorted(p.name for p in out.glob("documents*")) == ["documents.jsonl.gz"]


def test_unusable_output_or_state_folders_are_config_errors(tmp_path: Path) -> None:
    from pipeline.errors import ConfigError

    (tmp_path / "file").write_text("x")
    for output, state in ((tmp_path / "file" / "sub", None), (tmp_path / "out", str(tmp_path / "file"))):
        cfg = one_worker(run={"state_dir": state}) if state else one_worker()
        with pytest.raises(ConfigError, match="folder"):  # before: OSError tracebacks
            runner.run([SEEDS], output, cfg)


def test_a_locked_state_store_stops_the_plan_before_the_input_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import readers
    from pipeline.errors import StateLockedError
    from pipeline.state import State

    def no_walk(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the inputs were walked")

    state = tmp_path / "state"
    with State.open(state), monkeypatch.context() as m:
        m.setattr(readers, "discover", no_walk)
        # before: the walk and every input's checksum, then the lock error when the store opened
        with pytest.raises(StateLockedError, match="another docclean run holds the state"):
            runner.plan([SEEDS], tmp_path / "out", one_worker(run={"state_dir": str(state)}))
    # given back: the same plan now works, and the lock is free for the run
    the_plan = runner.plan([SEEDS], tmp_path / "out", one_worker(run={"state_dir": str(state)}))
    assert runner.run_plan(the_plan).documents == 5


def test_empty_input_or_output_names_are_config_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.errors import ConfigError

    # an unset shell variable (`docclean run "$INBOX" -o "$OUT"`): before, "" read as ".", so the
    # run cleaned the whole working folder, or wrote its output files into it
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="an input named by an empty string"):
        runner.run([str(SEEDS), ""], tmp_path / "out", one_worker())
    with pytest.raises(ConfigError, match="--output is an empty string"):
        runner.run([SEEDS], "", one_worker())
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_is_not_utf8_gets_a_whole_manifest(tmp_path: Path) -> None:
    out = tmp_path / "caf\udce9"  # the byte 0xe9 in a name written on a Latin-1 system
    # before: the manifest failed with UnicodeEncodeError after documents.jsonl was published
    runner.run([SEEDS], out, one_worker())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["output"] == str(out) and manifest["summary"]["documents"] == 5


_CLEAN_SHARD = runner.clean_shard


def _killed_at_shard_2(task: runner.ShardTask) -> runner.ShardResult:
    """clean_shard, but the worker that gets shard 2 is killed (as the kernel's OOM killer would)."""
    import os
    import signal

    if task.index == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return _CLEAN_SHARD(task)


def test_a_worker_killed_midway_is_one_docclean_error_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.errors import DoccleanError

    out = tmp_path / "out"
    runner.run([SEEDS], out, one_worker())
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    monkeypatch.setattr(runner, "clean_shard", _killed_at_shard_2)  # the forked workers inherit it
    # before: concurrent.futures.process.BrokenProcessPool, a traceback on the command line
    with pytest.raises(DoccleanError, match="a worker process died"):
        runner.run([SEEDS], out, one_worker(run={"workers": 2, "shard_size": 1}))
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not list(out.glob(".docclean-work-*"))


def test_output_of_a_run_interrupted_before_its_state_commit_is_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.state import State

    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})

    def interrupted(self: State) -> None:
        raise KeyboardInterrupt  # Ctrl-C (or a full disk) after the output was published

    monkeypatch.setattr(State, "commit", interrupted)
    with pytest.raises(RunInterrupted) as caught:  # a KeyboardInterrupt that says what is on disk
        runner.run([SEEDS], out, cfg)
    assert str(caught.value) == RunInterrupted.BEFORE_COMMIT
    monkeypatch.undo()
    (published,) = out.glob("documents-*.jsonl")  # written, but the state does not know it
    again = runner.run([SEEDS], out, cfg)
    assert again.documents == 5 and again.skipped_inputs == 0  # the inputs are read again ...
    ids = [r["id"] for f in sorted(out.glob("documents*.jsonl")) for r in lines(f)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 5  # ... and are in the output once
    assert (out / f".docclean-orphan-{published.name}").exists()  # the orphan is kept aside


def test_a_full_disk_at_the_state_commit_says_the_output_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from pipeline.cli import main
    from pipeline.state import State

    out = tmp_path / "out"
    store = out / ".docclean-state" / "state.sqlite"

    def full(self: State) -> None:  # as SQLite reports a full disk at the COMMIT
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(State, "commit", full)
    assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1", "-q"]) == 1
    # before: "the run stopped: No space left on device (...)", though the output was replaced
    assert capsys.readouterr().err == (
        "docclean: the output is written, but the state was not saved: No space left on device "
        f"({store}); free some space; the next run reads these inputs again\n"
    )
    assert len(lines(out / "documents.jsonl")) == 5
    monkeypatch.undo()
    with State.open(out / ".docclean-state", readonly=True) as st:
        assert st.info()["runs"] == 0


def test_a_run_interrupted_after_its_state_commit_says_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.cli import main
    from pipeline.state import State

    out = tmp_path / "out"
    close = State._close

    def interrupted(self: State) -> None:
        close(self)
        if not self.readonly:
            raise KeyboardInterrupt  # Ctrl-C while the store is closed, after the commit

    monkeypatch.setattr(State, "_close", interrupted)
    assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1", "-q"]) == 130
    # before: "output and state are unchanged", although both were written
    assert capsys.readouterr().err == f"docclean: {RunInterrupted.AFTER_COMMIT}\n"
    monkeypatch.undo()
    assert len(lines(out / "documents.jsonl")) == 5
    with State.open(out / ".docclean-state", readonly=True) as st:
        assert st.info()["runs"] == 1


def test_incremental_output_is_named_and_timed_in_summary_and_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.cli import main
    from pipeline.explain import explain

    src = tmp_path / "in"
    src.mkdir()
    doc = src / "000_584aeddb6693844b.txt"
    shutil.copy(SEEDS / doc.name, doc)
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--incremental", "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    (written,) = out.glob("documents-*.jsonl")
    assert f"output: {out / written.name}," in printed  # not documents.jsonl, which does not exist
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["seconds"] > 0  # was 0.0
    # an edited input: the next incremental run writes a new version; explain shows it
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\nA closing paragraph added later by the editors.")
    assert main(["run", str(src), "-o", str(out), "--incremental", "--workers", "1", "-q"]) == 0
    assert "A closing paragraph added later" in explain(out, doc.stem)


def _gazette(tmp_path: Path) -> Path:
    """Six pages of one site (a folder), each ending in the same template line."""
    src = tmp_path / "site"
    src.mkdir()
    bodies = [
        "Council workers began repairs at the harbour wall on Monday after a week of storms.",
        "A new primary school opens in September with places for two hundred local children.",
        "The old mill will become a museum of weaving, the heritage trust announced on Friday.",
        "Anglers reported the highest salmon numbers in the river for over a decade this spring.",
        "Traders at the Saturday market asked for longer opening hours during the summer months.",
        "Rail passengers face delays next month while engineers replace the station footbridge.",
    ]
    for i, body in enumerate(bodies):
        (src / f"{i}.txt").write_text(
            body + "\n\nThe Valley Gazette is printed in Millbrook every weekday morning."
        )
    return src


def _group_docs(out: Path) -> dict[str, int]:
    """Documents counted per site-template group in the output's state store."""
    import sqlite3

    conn = sqlite3.connect(f"file:{runner.default_state_dir(out)}/state.sqlite?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT grp, docs FROM template_groups"))
    finally:
        conn.close()


def test_a_rerun_keeps_the_site_templates_of_the_first_run(tmp_path: Path) -> None:
    src = _gazette(tmp_path)
    out = tmp_path / "out"
    runner.run([src], out, one_worker())
    first = (out / "documents.jsonl").read_bytes()
    assert first.count(b'"category":"site_template"') == 6
    runner.run([src], out, one_worker())  # before: nothing counted again, so no group decided, no marks
    assert (out / "documents.jsonl").read_bytes() == first


def test_inputs_of_a_run_without_site_templates_are_counted_when_they_come_again(tmp_path: Path) -> None:
    src, out = _gazette(tmp_path), tmp_path / "out"
    off = one_worker(boilerplate={"site_templates": False})
    runner.run([src], out, off)
    assert b'"site_template"' not in (out / "documents.jsonl").read_bytes() and _group_docs(out) == {}
    runner.run([src], out, one_worker())  # before: taken as counted by the first run, never counted
    on = (out / "documents.jsonl").read_bytes()
    assert on.count(b'"category":"site_template"') == 6 and list(_group_docs(out).values()) == [6]
    # reruns, with templates off in between, count nothing twice and give the same bytes
    for config in (one_worker(), off, one_worker()):
        runner.run([src], out, config)
        assert list(_group_docs(out).values()) == [6]
    assert (out / "documents.jsonl").read_bytes() == on


def test_a_state_store_of_the_previous_version_keeps_reruns_identical(tmp_path: Path) -> None:
    import sqlite3

    src, out = _gazette(tmp_path), tmp_path / "out"
    runner.run([src], out, one_worker())
    first = (out / "documents.jsonl").read_bytes()
    # the store as the previous version wrote it: no inputs.counted, schema_version 1
    conn = sqlite3.connect(Path(runner.default_state_dir(out)) / "state.sqlite")
    conn.execute("ALTER TABLE inputs DROP COLUMN counted")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    runner.run([src], out, one_worker())  # its inputs are taken as counted: not counted again
    assert (out / "documents.jsonl").read_bytes() == first and list(_group_docs(out).values()) == [6]


def test_a_one_off_run_over_part_of_an_incremental_output_loses_no_document_for_good(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # before: night 1 read A, night 2 read B, a one-off run over A set both nights' files aside,
    # and night 3 over A and B skipped both as unchanged: B's documents were only in the
    # .docclean-orphan-* files, for good
    def visible_ids(out: Path) -> list[str]:
        return sorted(str(r["id"]) for f in out.glob("documents*.jsonl") for r in lines(f))

    a, b, out = tmp_path / "A", tmp_path / "B", tmp_path / "out"
    a.mkdir()
    b.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for p in seeds[:2]:
        shutil.copy(p, a / p.name)
    for p in seeds[2:4]:
        shutil.copy(p, b / p.name)
    runner.run([a], out, one_worker(run={"incremental": True}))
    runner.run([b], out, one_worker(run={"incremental": True}))
    with caplog.at_level("WARNING", logger="pipeline.run"):
        runner.run([a], out, one_worker())  # sets both nights' files aside
    assert visible_ids(out) == sorted(p.stem for p in seeds[:2])
    assert "2 input(s) that earlier runs processed and this run did not read" in caplog.text
    summary = runner.run([a, b], out, one_worker(run={"incremental": True}))
    assert visible_ids(out) == sorted(p.stem for p in seeds[:4])  # B's documents are back
    assert summary.documents == 2  # B read again, A skipped as unchanged
    runner.run([a, b], out, one_worker(run={"incremental": True}))  # nothing new: nothing read
    assert visible_ids(out) == sorted(p.stem for p in seeds[:4])


def _two_nights(tmp_path: Path) -> tuple[Path, Path, Path, list[Path]]:
    """Inputs A and B (two seeds each), each read by one incremental run into ``out``."""
    a, b, out = tmp_path / "A", tmp_path / "B", tmp_path / "out"
    a.mkdir()
    b.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:4]
    for p in seeds[:2]:
        shutil.copy(p, a / p.name)
    for p in seeds[2:]:
        shutil.copy(p, b / p.name)
    runner.run([a], out, one_worker(run={"incremental": True}))
    runner.run([b], out, one_worker(run={"incremental": True}))
    return a, b, out, seeds


def _visible(out: Path) -> list[str]:
    return sorted(str(r["id"]) for f in out.glob("documents*.jsonl") for r in lines(f))


def test_a_one_off_run_stopped_before_publishing_puts_the_files_it_set_aside_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # before: Ctrl-C after the set-aside left both nights' documents only in .docclean-orphan-*
    # files, and the next incremental run skipped their inputs as unchanged: lost for good
    a, b, out, seeds = _two_nights(tmp_path)
    setting_aside = runner._set_aside_uncommitted

    def then_ctrl_c(*args: Any, **kw: Any) -> Any:
        setting_aside(*args, **kw)
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "_set_aside_uncommitted", then_ctrl_c)
    with pytest.raises(RunInterrupted):
        runner.run([a], out, one_worker())
    monkeypatch.undo()
    assert _visible(out) == sorted(p.stem for p in seeds)  # as before the run
    assert not list(out.glob(".docclean-orphan-*"))
    runner.run([a, b], out, one_worker(run={"incremental": True}))
    assert _visible(out) == sorted(p.stem for p in seeds)


def test_one_off_runs_never_show_a_document_twice_nor_lose_one(tmp_path: Path) -> None:
    a, b, out, seeds = _two_nights(tmp_path)
    # the same files under another path (each named): their documents are this run's; the
    # incremental runs' rows for A/... are not read again (before: every document twice)
    runner.run(sorted(a.glob("*.txt")), out, one_worker())
    runner.run([a, b], out, one_worker(run={"incremental": True}))
    assert _visible(out) == sorted(p.stem for p in seeds)
    # a second one-off run replaces the first one's documents.jsonl: the first one's inputs that
    # it did not read are read again by the next incremental run (before: lost for good)
    runner.run([b], out, one_worker())
    assert _visible(out) == sorted(p.stem for p in seeds[2:])
    runner.run([a, b], out, one_worker(run={"incremental": True}))
    assert _visible(out) == sorted(p.stem for p in seeds)


def test_a_one_off_run_with_another_state_than_the_outputs_incremental_runs_is_refused(
    tmp_path: Path,
) -> None:
    # before: it set the other state's files aside, and that state, not knowing, skipped their
    # inputs from then on
    a, _b, out, seeds = _two_nights(tmp_path)
    with pytest.raises(ConfigError, match="keep their state in"):
        runner.plan([a], out, one_worker(run={"state_dir": str(tmp_path / "other")}))
    assert _visible(out) == sorted(p.stem for p in seeds)


def test_one_off_and_incremental_runs_into_one_output_never_show_a_document_twice(tmp_path: Path) -> None:
    from pipeline.explain import explain
    from pipeline.state import State

    def visible_ids(out: Path) -> list[str]:
        return sorted(str(r["id"]) for f in out.glob("documents*.jsonl") for r in lines(f))

    out = tmp_path / "out"
    runner.run([SEEDS], out, one_worker(run={"incremental": True}))
    runner.run([SEEDS], out, one_worker())  # a one-off run replaces the output's documents
    assert visible_ids(out) == sorted(p.stem for p in SEEDS.glob("*.txt"))  # before: each twice
    with State.open(runner.default_state_dir(out)) as st:  # docclean state reset --yes
        st.reset()
        st.commit()
    runner.run([SEEDS], out, one_worker(run={"incremental": True}))  # reads every input again
    assert visible_ids(out) == sorted(p.stem for p in SEEDS.glob("*.txt"))  # before: each twice
    assert len(list(out.glob(".docclean-orphan-*"))) >= 3  # kept aside, not deleted
    # explain finds a rejection in an incremental run's rejected-<run>.jsonl too
    dup = tmp_path / "dup"
    dup.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS / "000_584aeddb6693844b.txt", dup / name)
    runner.run([dup], tmp_path / "o2", one_worker(run={"incremental": True}))
    assert "rejected: duplicate_document" in explain(tmp_path / "o2", "b")


def test_missing_input_is_a_config_error(tmp_path: Path) -> None:
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError):
        runner.run([tmp_path / "nope"], tmp_path / "out", one_worker())


def _many_files(tmp_path: Path, n: int) -> Path:
    many = tmp_path / "many"
    many.mkdir()
    for i in range(n):
        (many / f"{i:04d}.txt").write_text(f"Document number {i} says something.", encoding="utf-8")
    return many


def test_auto_shards_keep_workers_busy_without_tiny_tasks(tmp_path: Path) -> None:
    many = _many_files(tmp_path, 300)
    two = Config.from_mapping({"run": {"workers": 2}})
    assert len(runner.plan([many], tmp_path / "o", two).shards) == 8  # 4 per worker, 38 documents each
    assert len(runner.plan([SEEDS], tmp_path / "o", two).shards) == 1  # never below 20 documents a shard
    assert len(runner.plan([many], tmp_path / "o", one_worker()).shards) == 2  # one worker: up to 200 a shard
    exact = Config.from_mapping({"run": {"workers": 2, "shard_size": 7}})
    assert len(runner.plan([many], tmp_path / "o", exact).shards) == 43  # an explicit size is kept


def test_the_last_shards_of_a_run_with_workers_are_smaller(tmp_path: Path) -> None:
    many = _many_files(tmp_path, 1850)
    two = Config.from_mapping({"run": {"workers": 2}})
    shards = runner.plan([many], tmp_path / "o", two).shards
    sizes = [len(shard.items) for shard in shards]
    # 10 shards of up to 200: the last two (200 and 50 documents) in 4 parts each
    assert sizes == [200] * 8 + [50] * 4 + [13, 13, 13, 11]
    files = [item.source.rel for shard in shards for item in shard.items]
    assert files == sorted(f"many/{p.name}" for p in many.iterdir())  # every file once, in order
    alone = runner.plan([many], tmp_path / "o", one_worker()).shards
    assert [len(s.items) for s in alone] == [200] * 9 + [50]


WIRE = (
    "The association representing the families of the victims rejected the proposed settlement "
    "on Tuesday and asked the court to order a full public inquiry into the collapse."
)


_POOL = [
    "river",
    "bridge",
    "council",
    "budget",
    "school",
    "harbour",
    "festival",
    "museum",
    "railway",
    "market",
    "doctor",
    "garden",
    "teacher",
    "farmer",
    "library",
    "theatre",
    "station",
    "bakery",
    "football",
    "winter",
    "summer",
    "village",
    "mayor",
    "police",
]


def _own_sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_POOL) for _ in range(14)).capitalize() + "."


def _dated_feed(path: Path, n: int) -> None:
    """``n`` documents of ``n`` sites sharing one wire passage, newest first: canonical order
    is the reverse of input order."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rng = random.Random(i)
            own = [_own_sentence(rng) for _ in range(3)]
            text = "\n\n".join([own[0], WIRE, own[1], own[2]])
            rec = {"id": f"d{i}", "text": text, "published": f"2020-01-{28 - i:02d}"}
            fh.write(json.dumps(rec | {"url": f"https://site{i}.example/news/{i}"}) + "\n")


def test_shards_out_of_canonical_order_decide_like_one_shard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signatures are spilled per shard and merged back in canonical order, in rounds when there
    are many shards: the result does not depend on how the input was cut."""
    feed = tmp_path / "feed.jsonl"
    _dated_feed(feed, 12)
    one = tmp_path / "one"
    runner.run([feed], one, one_worker(run={"shard_size": 1000}))
    monkeypatch.setattr(runner, "MERGE_FAN_IN", 2)  # 12 shards -> three merge rounds
    many = tmp_path / "many"
    summary = runner.run([feed], many, one_worker(run={"shard_size": 1}))
    assert (one / "documents.jsonl").read_bytes() == (many / "documents.jsonl").read_bytes()
    assert summary.duplicate_passages == 11
    recs = {r["id"]: r for r in lines(many / "documents.jsonl")}
    assert "public inquiry" in str(recs["d11"]["text"])  # the oldest keeps the passage
    dups = recs["d0"]["duplicates"]
    assert isinstance(dups, list) and [d["of"] for d in dups] == ["d11"]


def test_repeated_ids_are_renamed_across_shards(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(("a", "b", "c")):
        text = _own_sentence(random.Random(n)) + "\n\n" + WIRE
        (folder / f"{name}.jsonl").write_text(
            json.dumps({"id": "same", "text": text}) + "\n", encoding="utf-8"
        )
    runner.run([folder], tmp_path / "out", one_worker(run={"shard_size": 1}))
    recs = lines(tmp_path / "out" / "documents.jsonl")
    assert [r["id"] for r in recs] == ["same", "same~2", "same~3"]
    # the dedup index saw the renamed ids: later copies name the first document, not themselves
    assert [[d["of"] for d in r["duplicates"]] for r in recs] == [[], ["same"], ["same"]]  # type: ignore[union-attr]


@pytest.mark.parametrize("shard_size", [1, 100])
@pytest.mark.parametrize("workers", [1, 2])
def test_a_generated_id_suffix_skips_ids_the_input_gives(
    tmp_path: Path, shard_size: int, workers: int
) -> None:
    # before: ids a, a, a~2 came out as a, a~2 (the second record) and a~2~2 (the record whose
    # own id is a~2); with one shard a record, the early decider renames before it sees a~2
    feed = tmp_path / "feed.jsonl"
    texts = ["One story about the harbour.", "Another story about the mill.", "A third about the bridge."]
    rows = [{"id": i, "text": t} for i, t in zip(["a", "a", "a~2"], texts, strict=True)]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    config = one_worker(run={"shard_size": shard_size, "workers": workers})
    runner.run([feed], tmp_path / "out", config)
    assert [r["id"] for r in lines(tmp_path / "out" / "documents.jsonl")] == ["a", "a~3", "a~2"]


def test_with_dedup_off_an_emptied_document_is_not_said_to_have_lost_duplicates(tmp_path: Path) -> None:
    site = tmp_path / "in"
    site.mkdir()
    for i in range(4):  # the same copies of the same chrome: every line boilerplate
        (site / f"{i}.txt").write_text("Share this article\nSign up for our newsletter\n", "utf-8")
    runner.run([site], tmp_path / "out", one_worker(dedup={"mode": "off"}))
    rejected = lines(tmp_path / "out" / "rejected.jsonl")
    assert [r["reason"] for r in rejected] == ["empty_after_cleaning"] * 4
    # before: "... once boilerplate and duplicates are removed", with no duplicate removed
    assert {r["message"].split(" (")[0] for r in rejected} == {"nothing is left once boilerplate is removed"}
    assert not any("duplicate" in r["message"] for r in rejected)


def test_a_shard_task_is_small_whatever_the_number_of_inputs(tmp_path: Path) -> None:
    """Workers get the shard's own task, not the plan (which lists every input file)."""
    import pickle

    many = tmp_path / "many"
    many.mkdir()
    for i in range(400):
        (many / f"{i:03d}.txt").write_text(f"Document number {i} says something.", encoding="utf-8")
    the_plan = runner.plan([many], tmp_path / "o", one_worker(run={"shard_size": 10}))
    task_size = len(pickle.dumps(the_plan.task(0)))
    assert task_size * 10 < len(pickle.dumps(the_plan))
    assert runner.clean_shard(the_plan.task(0)).documents == 10


def test_spilled_decisions_read_back_exactly(tmp_path: Path) -> None:
    """Decisions are appended one pickle at a time; each must be read back with a fresh memo
    (one long-lived Unpickler resolved references into earlier records: an ``of`` came back
    as a Duplicate object)."""
    from pipeline import dedup
    from pipeline.document import Duplicate

    rng = random.Random(0)
    pool = [f"0000/{i:07d}" for i in range(5)]
    spill = runner._DecisionSpill(str(tmp_path))
    written = []
    for pos in range(30):
        dups = tuple(Duplicate(i, i + 1, rng.choice(pool), 1.0, "", 3, 4) for i in range(rng.randint(1, 4)))
        result = dedup.DedupResult(dups, None, 0.5)
        spill.add(pos % 3, pos, result)  # shards interleaved: files are reopened for appending
        written.append((pos, result))
    spill.close()
    read = [rec for shard in sorted(spill.paths) for rec in runner._unspill(spill.paths[shard])]
    assert sorted(read, key=lambda r: r[0]) == written


def _undated_feed(folder: Path, n: int) -> None:
    """``n`` text files of different sites sharing one wire passage (text files carry no date)."""
    folder.mkdir()
    for i in range(n):
        rng = random.Random(100 + i)
        text = "\n\n".join([_own_sentence(rng), WIRE, _own_sentence(rng)])
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("dated", [False, True])
def test_deciding_during_the_map_gives_the_bytes_of_deciding_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dated: bool
) -> None:
    """With workers, shards are decided as they arrive when canonical order is shard order
    (no dated document); a dated document anywhere makes finish() decide everything again."""
    if dated:
        inp = tmp_path / "feed.jsonl"
        _dated_feed(inp, 12)
    else:
        inp = tmp_path / "texts"
        _undated_feed(inp, 12)
    used: list[bool] = []
    real = runner.EarlyDecider.complete

    def spy(self: runner.EarlyDecider, results: object) -> bool:
        used.append(real(self, results))  # type: ignore[arg-type]
        return used[-1]

    monkeypatch.setattr(runner.EarlyDecider, "complete", spy)
    serial = runner.run([inp], tmp_path / "serial", one_worker(run={"shard_size": 1}))
    parallel = runner.run(
        [inp], tmp_path / "parallel", Config.from_mapping({"run": {"workers": 2, "shard_size": 1}})
    )
    assert used == [not dated]
    assert serial.duplicate_passages == parallel.duplicate_passages == 11
    for name in ("documents.jsonl", "rejected.jsonl"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()


def test_template_lines_counted_during_the_map_give_the_bytes_of_counting_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With workers, each shard's template lines are counted as it arrives; same output."""
    inp = tmp_path / "site"
    inp.mkdir()
    for i in range(12):
        rng = random.Random(200 + i)
        footer = "The Example Gazette is printed in Springfield by the Example Media Group."
        text = "\n\n".join([_own_sentence(rng), _own_sentence(rng), footer])
        (inp / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    offered: list[int] = []
    real = runner.EarlyTemplates.offer

    def spy(self: runner.EarlyTemplates, result: runner.ShardResult) -> None:
        offered.append(result.index)
        real(self, result)

    monkeypatch.setattr(runner.EarlyTemplates, "offer", spy)
    serial = runner.run([inp], tmp_path / "serial", one_worker(run={"shard_size": 1}))
    assert offered == []
    parallel = runner.run(
        [inp], tmp_path / "parallel", Config.from_mapping({"run": {"workers": 2, "shard_size": 1}})
    )
    assert sorted(offered) == list(range(12))
    assert serial.documents == parallel.documents == 12
    out = (tmp_path / "parallel" / "documents.jsonl").read_text(encoding="utf-8")
    assert out.count('"site_template"') == 12
    for name in ("documents.jsonl", "rejected.jsonl"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()


@pytest.mark.parametrize("failures", [1, 3])
def test_a_transient_read_error_is_retried_before_it_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failures: int
) -> None:
    import errno

    from pipeline import readers
    from pipeline.errors import TransientError

    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_584aeddb6693844b.txt", "002_6b0c022c36250b00.txt"):
        shutil.copy(SEEDS / name, src)
    real_read = readers.read_regular
    left = [failures]

    def stale_at_first(path: str, *args: Any) -> Any:  # an NFS file handle gone stale, then fresh again
        if path.endswith("002_6b0c022c36250b00.txt") and left[0]:
            left[0] -= 1
            raise OSError(errno.ESTALE, "Stale file handle", path)
        return real_read(path, *args)

    monkeypatch.setattr(readers, "read_regular", stale_at_first)
    monkeypatch.setattr(runner, "MAP_RETRY_DELAYS", (0.0, 0.0))
    out = tmp_path / "out"
    if failures <= len(runner.MAP_RETRY_DELAYS):
        # before: the first one stopped `docclean run` (exit 1), though the docs said "retried"
        summary = runner.run([src], out, one_worker())
        assert (summary.documents, summary.rejected) == (2, 0)
    else:  # still failing after the retries: one clear error, nothing written
        with pytest.raises(TransientError, match=r"in/002_6b0c022c36250b00\.txt: Stale file handle"):
            runner.run([src], out, one_worker())
        assert not (out / "documents.jsonl").exists()


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        (None, "n/a", "a"),  # an unparseable date is no date: input order decides
        ("2020-01-01", "0", "a"),  # a dated copy comes before an undated one
        ("0", "2020-01-01", "b"),
        # 07:00 UTC against 08:00 UTC: compared as strings, 08:00+00:00 came first
        ("2019-11-20T09:00:00+02:00", "2019-11-20T08:00:00+00:00", "a"),
        # before year 1 in UTC: no date (an OverflowError stopped the whole run)
        ("0001-01-01T00:00:00+01:00", "9999-12-31T23:00:00-05:00", "a"),
    ],
)
def test_only_a_real_publication_date_orders_the_copies(
    tmp_path: Path, first: str | None, second: str, kept: str
) -> None:
    text = (
        "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, "
        "two years later than planned, after a dispute over the contract was settled in court."
    )
    recs = [{"id": "a", "text": text, "published": first}, {"id": "b", "text": text, "published": second}]
    (tmp_path / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    runner.run([tmp_path / "p.jsonl"], tmp_path / "out", one_worker())
    assert [r["id"] for r in lines(tmp_path / "out" / "documents.jsonl")] == [kept]
    (rej,) = lines(tmp_path / "out" / "rejected.jsonl")
    assert (rej["reason"], rej["of"]) == ("duplicate_document", kept)


def test_a_plan_made_before_another_run_committed_is_not_run(tmp_path: Path) -> None:
    from pipeline.errors import StateLockedError
    from pipeline.state import State

    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    stale = runner.plan([SEEDS], out, cfg)  # read the state (none yet) without the lock
    runner.run([SEEDS], out, cfg)  # another run commits in between
    files = sorted(p.name for p in out.iterdir())
    # before: every seed was written a second time, into a second documents-<run>.jsonl
    with pytest.raises(StateLockedError, match="changed after this run was planned"):
        runner.run_plan(stale)
    assert sorted(p.name for p in out.iterdir()) == files
    # a reset after planning makes a plan stale too (it would skip inputs the state forgot)
    planned = runner.plan([SEEDS], out, cfg)
    assert planned.skipped == 5
    with State.open(runner.default_state_dir(out)) as st:
        st.reset()
        st.commit()
    with pytest.raises(StateLockedError):
        runner.run_plan(planned)
    assert runner.run_plan(runner.plan([SEEDS], out, cfg)).documents == 5  # planned afresh: fine


def test_setting_aside_twice_keeps_both_files(tmp_path: Path) -> None:
    from pipeline.state import State

    out = tmp_path / "out"
    for _ in range(2):
        runner.run([SEEDS], out, one_worker())  # documents.jsonl
        with State.open(runner.default_state_dir(out)) as st:  # docclean state reset --yes
            st.reset()
            st.commit()
        runner.run([SEEDS], out, one_worker(run={"incremental": True}))  # sets documents.jsonl aside
    aside = sorted(p.name for p in out.glob(".docclean-orphan-*documents.jsonl"))
    # before: the second one replaced the first
    assert aside == [".docclean-orphan-2-documents.jsonl", ".docclean-orphan-documents.jsonl"]
    assert all(len(lines(out / name)) == 5 for name in aside)


@pytest.mark.parametrize("seed", range(3))
def test_manifest_inputs_are_written_as_an_indented_dump_would(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    chars = 'aé “\\"\n\t\x00\udce9/€😀'
    rows: list[dict[str, Any]] = [
        {
            "path": "".join(rng.choice(chars) for _ in range(rng.randint(0, 12))),
            "size": rng.randint(0, 1 << 40),
            "blake2b": None if rng.random() < 0.3 else "ab" * 8,
            "skipped": rng.random() < 0.5,
        }
        for _ in range(20)
    ]
    rows += [{}, {"path": "x", "nested": {"a": [1, 2]}, "ratio": 0.5}, {1: "a", "b": None}]  # general path
    path = tmp_path / "m.json"
    runner.write_manifest(path, {"run_id": "r"}, iter(rows))
    expected = runner._manifest_json({"run_id": "r", "inputs": rows}) + "\n"
    assert path.read_text(encoding="utf-8") == expected
    assert json.loads(path.read_text(encoding="utf-8"))["inputs"][-2]["nested"] == {"a": [1, 2]}


def test_an_emptied_document_says_what_took_its_text() -> None:
    from pipeline.document import Document, Rejection

    doc = Document(id="d", source="d.txt", format="text", text="Share this article\n\nLeave a Reply")
    out = runner.process_document(doc, Config())
    assert isinstance(out, Rejection) and out.reason == "empty_after_cleaning"
    assert out.message == (
        "nothing is left once boilerplate is removed (removed: comment_form 1 line, share_widget 1 line)"
    )


def test_a_record_that_is_only_a_headline_is_kept(tmp_path: Path) -> None:
    src = tmp_path / "short.jsonl"
    src.write_text('{"id": "a", "text": "Fire in the city centre"}\n', encoding="utf-8")
    runner.run([src], tmp_path / "o", one_worker())
    (rec,) = read_records(tmp_path / "o").values()
    assert (rec["title"], rec["text"]) == ("Fire in the city centre", "Fire in the city centre")


_SHARED = (
    "The minister said the agreement would bring stability to the whole region for many years to "
    "come. Officials from both countries will meet again in Geneva next month to sign the final "
    "text of the treaty."
)


def _two_stories(root: Path) -> None:
    (root / "xA").mkdir(parents=True)
    (root / "xB").mkdir()
    (root / "xA" / "wire.txt").write_text(
        f"Wire Story Headline Here\n\nThe talks ended on Monday after three days, aides said. {_SHARED}\n",
        encoding="utf-8",
    )
    (root / "xB" / "paper.txt").write_text(
        f"Paper Story Headline Here\n\nResidents of the border town were relieved, one wrote. {_SHARED}\n",
        encoding="utf-8",
    )


def test_a_one_off_run_keeps_the_replaced_documents_its_duplicates_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # before, the second run replaced documents.jsonl, so "paper" (the first copy of the passages
    # xA/wire lost, and of xB/paper itself, read again under another id) was nowhere any more
    _two_stories(tmp_path / "in")
    out = tmp_path / "o"
    runner.run([tmp_path / "in" / "xB"], out, one_worker())
    runner.run([tmp_path / "in"], out, one_worker())
    aside = out / ".docclean-orphan-documents.jsonl"
    assert [r["id"] for r in map(json.loads, aside.read_text(encoding="utf-8").splitlines())] == ["paper"]
    assert "set documents.jsonl aside as .docclean-orphan-documents.jsonl" in caplog.text
    (wire,) = read_records(out).values()
    assert {d["of"] for d in wire["duplicates"]} == {"paper"}
    from pipeline.explain import explain

    assert "set aside in .docclean-orphan-documents.jsonl" in explain(out, "xA/wire")
    # the same inputs again: nothing this run does not write is named, the output is replaced
    runner.run([tmp_path / "in"], out, one_worker())
    assert sorted(p.name for p in out.glob(".docclean-orphan-*")) == [aside.name]


def test_a_rerun_of_the_same_inputs_sets_nothing_aside(tmp_path: Path) -> None:
    _two_stories(tmp_path / "in")
    out = tmp_path / "o"
    runner.run([tmp_path / "in"], out, one_worker())
    first = (out / "documents.jsonl").read_bytes()
    runner.run([tmp_path / "in"], out, one_worker())
    assert (out / "documents.jsonl").read_bytes() == first
    assert not list(out.glob(".docclean-orphan-*"))


def test_incremental_runs_over_one_folder_per_night_keep_their_ids_apart(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # before, n1/001.txt and n2/001.txt both got id "001": consumers taking the newest record per id
    # lost the first night's document, and dedup read the second as a new version of it, not a copy
    _two_stories(tmp_path)
    for night, story in (("n1", "xA/wire.txt"), ("n2", "xB/paper.txt")):
        (tmp_path / night).mkdir()
        shutil.copy(tmp_path / story, tmp_path / night / "001.txt")
    out = tmp_path / "o"
    cfg = one_worker(run={"incremental": True})
    runner.run([tmp_path / "n1"], out, cfg)
    runner.run([tmp_path / "n2"], out, cfg)
    assert "n2/001.txt -> n2/001" in caplog.text
    records = {r["id"]: r for p in out.glob("documents-*.jsonl") for r in map(json.loads, p.open())}
    assert {i: r["source"] for i, r in records.items()} == {"001": "n1/001.txt", "n2/001": "n2/001.txt"}
    assert {d["of"] for d in records["n2/001"]["duplicates"]} == {"001"}
    # read again after a change, it keeps the id it got
    with (tmp_path / "n2" / "001.txt").open("a", encoding="utf-8") as fh:
        fh.write("A line added later.\n")
    runner.run([tmp_path / "n2"], out, cfg)
    ids = [r["id"] for p in out.glob("documents-*.jsonl") for r in map(json.loads, p.open())]
    assert sorted(ids) == ["001", "n2/001", "n2/001"]


def test_an_incremental_run_with_another_state_into_the_same_output_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _two_stories(tmp_path / "in")
    out = tmp_path / "o"
    runner.run([tmp_path / "in" / "xA"], out, one_worker(run={"incremental": True}))
    assert "keep their state in" not in caplog.text
    other = one_worker(run={"incremental": True, "state_dir": str(tmp_path / "st")})
    runner.run([tmp_path / "in" / "xB"], out, other)
    assert f"keep their state in {out / '.docclean-state'}" in caplog.text


@pytest.mark.parametrize(
    "line", ["404 Not Found", "Access Denied", "Error 503 Service Unavailable", "Coming soon"]
)
def test_an_error_page_of_one_line_is_still_rejected(line: str) -> None:
    from pipeline.document import Document, Rejection

    out = runner.process_document(Document(id="e", source="e.txt", format="text", text=line), Config())
    assert isinstance(out, Rejection) and out.reason == "empty_after_cleaning"
    assert "other 1 line" in out.message  # other/xx/error-page, not the headline of a one-line record


def test_copies_of_a_page_of_short_lines_are_duplicates_not_a_site_template(tmp_path: Path) -> None:
    # an audit: copies dedup did not find (Chinese, pages of short lines) made every line of the
    # page a "site template", and all copies were rejected as emptied; now the first stays and the
    # others are whole duplicates, taken back out of the template counts
    site = tmp_path / "in"
    site.mkdir()
    page = "Tour de Suisse\nEtappe 3\nAnthony Ravard\nPlatz 12\nRückstand 1:02\nTeam AG2R\n"
    for i in range(4):
        (site / f"{i}.txt").write_text(page, "utf-8")
    (site / "cn.txt").write_text(
        "国家统计局周一发布数据显示，十月份工业增加值同比增长百分之五点三。\n", "utf-8"
    )
    (site / "cn2.txt").write_text(
        "国家统计局周一发布数据显示，十月份工业增加值同比增长百分之五点三。\n", "utf-8"
    )
    (site / "cn3.txt").write_text(
        "国家统计局周一发布数据显示，十月份工业增加值同比增长百分之五点三。\n", "utf-8"
    )
    runner.run([site], tmp_path / "out", one_worker())
    assert [r["id"] for r in lines(tmp_path / "out" / "documents.jsonl")] == ["0", "cn"]
    rejected = {r["id"]: (r["reason"], r.get("of")) for r in lines(tmp_path / "out" / "rejected.jsonl")}
    assert rejected == {
        "1": ("duplicate_document", "0"),
        "2": ("duplicate_document", "0"),
        "3": ("duplicate_document", "0"),
        "cn2": ("duplicate_document", "cn"),
        "cn3": ("duplicate_document", "cn"),
    }


def test_one_off_runs_of_two_folders_in_turn_count_each_page_once_for_site_templates(tmp_path: Path) -> None:
    # each one-off run sets the other's output aside and marks its inputs to be read again; read
    # again, they were counted again (no input of the run was "seen"), 1, 2, 3 ... documents of
    # one page, until its lines passed for a site template
    for name, text in (("x", "The harbour office opens at nine today."), ("y", "The mill closes early.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text + "\n", "utf-8")
    out = tmp_path / "out"
    for name in ("x", "y", "x", "y", "x"):
        runner.run([tmp_path / name], out, one_worker())
    from pipeline.state import State

    with State.open(runner.default_state_dir(out), readonly=True) as st:
        assert (st.group_docs("x"), st.group_docs("y")) == (1, 1)


def test_a_signal_while_the_output_is_published_waits_for_the_manifest_and_the_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal

    from pipeline.state import State

    out = tmp_path / "out"
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(SEEDS / "003_8b4b2912ffbc3d7b.txt", first / "a.txt")
    runner.run([first], out, one_worker())
    write_manifest = runner.write_manifest

    def interrupted(*args: Any, **kwargs: Any) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C between the documents' rename and the manifest
        write_manifest(*args, **kwargs)

    monkeypatch.setattr(runner, "write_manifest", interrupted)
    with pytest.raises(RunInterrupted) as caught:
        runner.run([SEEDS], out, one_worker())
    # before: the new documents beside the old manifest (one document) and an unsaved state
    assert str(caught.value) == RunInterrupted.AFTER_COMMIT
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    # (the seeds' 003 is a.txt of the first run again: a duplicate_document now)
    assert manifest["summary"]["documents"] == len(lines(out / "documents.jsonl")) == 4
    assert manifest["summary"]["rejected"] == len(lines(out / "rejected.jsonl")) == 1
    with State.open(out / ".docclean-state", readonly=True) as st:
        assert st.info()["runs"] == 2


def test_a_library_callers_html_document_with_raw_only_is_extracted() -> None:
    from pipeline.config import Config
    from pipeline.document import Document

    html = "<html><body><p>The harbour office opens at nine on weekdays from May.</p></body></html>"
    page = runner.process_document(Document(id="p", source="p.html", format="html", raw=html), Config())
    # before: a Rejection, "nothing is left once boilerplate is removed" (is_html was not set)
    assert not isinstance(page, runner.Rejection)
    assert page.text == "The harbour office opens at nine on weekdays from May."
    plain = Document(id="t", source="t.txt", format="text", raw="Plain words.")
    text = runner.process_document(plain, Config())
    assert not isinstance(text, runner.Rejection) and text.text == "Plain words."
    # the README's text pattern (raw and text both the input) for a page, and a WARC record's page
    for doc in (page_of(html).replace(text=html), page_of(html).replace(format="warc")):
        done = runner.process_document(doc, Config())
        assert not isinstance(done, runner.Rejection)
        assert done.text == "The harbour office opens at nine on weekdays from May."


def page_of(html: str) -> Any:
    from pipeline.document import Document

    return Document(id="p", source="p.html", format="html", raw=html)


def test_the_work_folder_is_absolute_for_workers_in_other_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a Dask worker started in another folder wrote the shards' files there, under a relative
    # output ("output/nightly", as flows/prefect.yaml has it), and the run then failed to find them
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    plan = runner.plan(["seeds"], "output/nightly", Config())
    assert Path(plan.work_dir).is_absolute()
    assert Path(plan.work_dir).parent == tmp_path / "output" / "nightly"
    assert all(Path(plan.task(i).work_dir).is_absolute() for i in range(len(plan.shards)))


def test_an_input_changed_between_plan_and_read_is_left_for_the_next_run(tmp_path: Path) -> None:
    # an audit: a .txt finished by its writer after the run planned it was written with its new
    # text while the state recorded the planned one; the next incremental run wrote it again
    src = tmp_path / "in"
    src.mkdir()
    article = (SEEDS / "003_8b4b2912ffbc3d7b.txt").read_bytes()
    (src / "003.txt").write_bytes(article[:1500])
    shutil.copy(SEEDS / "000_584aeddb6693844b.txt", src)
    out = tmp_path / "out"
    cfg = one_worker(run={"incremental": True})
    the_plan = runner.plan([src], out, cfg)
    (src / "003.txt").write_bytes(article)  # the writer finishes the file
    first = runner.run_plan(the_plan)
    assert (first.documents, first.rejected) == (1, 1)
    (rejected,) = out.glob("rejected*.jsonl")
    (rej,) = lines(rejected)
    assert rej["reason"] == "unreadable" and "changed while the run read it" in str(rej["message"])
    second = runner.run([src], out, cfg)
    assert (second.documents, second.skipped_inputs) == (1, 1)  # read once, now whole
    ids = [r["id"] for f in out.glob("documents*.jsonl") for r in lines(f)]
    assert sorted(ids) == sorted(set(ids))
