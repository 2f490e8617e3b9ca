"""The docclean command line: commands, exit codes, messages."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.state import State

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    assert main(["run", str(SEEDS), "--output", str(out), "--workers", "1", "-q"]) == 0
    return out


def test_run_writes_the_three_files(out: Path) -> None:
    assert {"documents.jsonl", "rejected.jsonl", "manifest.json"} <= {p.name for p in out.iterdir()}


def test_run_prints_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(SEEDS / "003_8b4b2912ffbc3d7b.txt"), "-o", str(tmp_path), "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "1 documents written, 0 rejected" in printed
    assert "comment_form" in printed


@pytest.mark.parametrize(
    ("mode", "shown"), [("drop", "3 passages, "), ("annotate", "3 passages (listed, kept")]
)
def test_run_summary_counts_duplicate_passages_in_both_modes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str, shown: str
) -> None:
    # before: with --dedup annotate the summary and manifest said 0 passages while records listed 3
    assert main(["run", str(SEEDS), "-o", str(tmp_path), "--workers", "1", "--dedup", mode]) == 0
    assert f"  duplicates: {shown}" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    listed = sum(len(json.loads(line)["duplicates"]) for line in (tmp_path / "documents.jsonl").open())
    assert manifest["summary"]["duplicate_passages"] == listed == 3


def test_run_summary_prints_an_output_folder_whose_name_is_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    # a terminal whose encoding is strict UTF-8 (en_US.UTF-8): before, a UnicodeEncodeError
    # traceback (exit 1) once the run was done, and the manifest was never written
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stdout)
    out = tmp_path / "caf\udce9"
    assert main(["run", str(SEEDS / "003_8b4b2912ffbc3d7b.txt"), "-o", str(out), "--workers", "1"]) == 0
    stdout.flush()
    printed = stdout.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert f"output: {tmp_path}/caf\\xe9/documents.jsonl" in printed


def test_validate_and_explain(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(out)]) == 0
    assert "5 records, 0 schema errors, 0 damaged lines" in capsys.readouterr().out
    assert main(["explain", str(out), "003_8b4b2912ffbc3d7b"]) == 0
    shown = capsys.readouterr().out
    assert "[- reading_time" in shown and "4 Min Read" in shown


def test_validate_fails_on_a_bad_record(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    rec = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    rec["language_score"] = 7
    del rec["stats"]
    (bad / "documents.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "1 records, 2 schema errors" in capsys.readouterr().out


def test_validate_reports_every_damaged_line_and_checks_the_rest(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip

    lines = (out / "documents.jsonl").read_bytes().splitlines(keepends=True)
    bad = tmp_path / "bad"
    bad.mkdir()
    # a line cut short and a line that is not UTF-8 between good ones
    (bad / "documents.jsonl").write_bytes(
        lines[0] + lines[1][:40] + b"\n" + b'{"id": "caf\xe9"}\n' + lines[2]
    )
    # an incremental run's .gz cut short, then a later run's file with a schema error
    cut = gzip.compress(b"".join(lines) * 20)
    (bad / "documents-20260101T000000Z-0a1b2c3d.jsonl.gz").write_bytes(cut[: len(cut) // 2])
    rec = json.loads(lines[3])
    rec["language_score"] = 7
    later = bad / "documents-20260102T000000Z-0a1b2c3d.jsonl"
    later.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1  # before: exit 2 at the first damaged line
    printed = capsys.readouterr().out
    assert f"{bad / 'documents.jsonl'}:2: not a docclean record (not JSON: " in printed
    assert f"{bad / 'documents.jsonl'}:3: not a docclean record (not UTF-8)" in printed
    assert f"{bad / 'documents-20260101T000000Z-0a1b2c3d.jsonl.gz'}:" in printed
    assert "the compressed file ends early" in printed
    assert "language_score: 7 is greater than the maximum of 1" in printed  # the later file checked
    # (and the copies' ids are the first file's; no manifest stands beside them)
    assert printed.endswith(" records, 3 schema errors, 3 damaged lines, 1 files unlike their manifest\n")
    # explain stops at the first damaged line: exit 1 like validate and report (before: 2, "bad
    # arguments", though the arguments were right and the output was damaged)
    assert main(["explain", str(bad), "003_8b4b2912ffbc3d7b"]) == 1
    assert f"{bad / 'documents.jsonl'}:2 is not a docclean record" in capsys.readouterr().err


def test_config_errors_exit_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]) == 2
    assert "docclean:" in capsys.readouterr().err
    cfg = tmp_path / "c.toml"
    cfg.write_text("[dedup]\nmode = 'maybe'\n", encoding="utf-8")
    assert main(["run", str(SEEDS), "-o", str(tmp_path / "o"), "--config", str(cfg)]) == 2
    assert "dedup.mode must be one of" in capsys.readouterr().err


def test_a_second_writer_gets_exit_3(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "state"
    with State.open(state):
        code = main(
            ["run", str(SEEDS), "-o", str(tmp_path / "o2"), "--state", str(state), "--workers", "1", "-q"]
        )
    assert code == 3
    assert "another docclean run holds the state" in capsys.readouterr().err
    assert not (tmp_path / "o2" / "documents.jsonl").exists()


def test_state_info_compact_reset(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["state", "info", "--output", str(out)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["inputs"] == 5 and info["dedup_documents"] == 5
    assert main(["state", "compact", "--output", str(out)]) == 0
    assert main(["state", "reset", "--output", str(out)]) == 2  # needs --yes
    assert main(["state", "reset", "--output", str(out), "--yes"]) == 0
    capsys.readouterr()
    assert main(["state", "info", "--output", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["inputs"] == 0


# -- a damaged state store ------------------------------------------------------------------------

NOISE = bytes(range(256)) * 16


def damaged_state(tmp_path: Path, content: bytes = NOISE) -> Path:
    state = tmp_path / "state"
    state.mkdir()
    (state / "state.sqlite").write_bytes(content)
    return state


@pytest.mark.parametrize("content", [NOISE], ids=["random-bytes"])
@pytest.mark.parametrize("action", ["info", "compact"])
def test_state_commands_on_a_damaged_store_exit_1_naming_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], action: str, content: bytes
) -> None:
    state = damaged_state(tmp_path, content)
    assert main(["state", action, "--state", str(state)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err  # one line, no traceback
    assert f"the state store {state / 'state.sqlite'} is damaged" in err
    assert f"docclean state reset --yes --state {state}" in err
    assert (state / "state.sqlite").read_bytes() == content


def test_state_reset_moves_a_damaged_store_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = damaged_state(tmp_path)
    assert main(["state", "reset", "--state", str(state), "--yes"]) == 0
    printed = capsys.readouterr().out
    (kept,) = state.glob("state.sqlite.damaged-*")
    assert kept.read_bytes() == NOISE
    assert f"moved aside to {kept}" in printed and "state reset: done" in printed
    assert main(["state", "info", "--state", str(state)]) == 0
    assert json.loads(capsys.readouterr().out)["inputs"] == 0


def test_state_reset_of_a_damaged_store_still_needs_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = damaged_state(tmp_path)
    fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["state", "reset", "--state", str(state), "--yes"]) == 3
    finally:
        os.close(fd)
    assert "another docclean run holds the state" in capsys.readouterr().err
    assert (state / "state.sqlite").read_bytes() == NOISE and not list(state.glob("*.damaged-*"))


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("incremental", [[], ["--incremental"]], ids=["full", "incremental"])
def test_run_on_a_damaged_store_fails_before_the_map(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    workers: str,
    incremental: list[str],
) -> None:
    import pipeline.run

    def no_map(*args: object, **kwargs: object) -> None:
        raise AssertionError("the map ran on a damaged state store")

    monkeypatch.setattr(pipeline.run, "map_shards", no_map)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(2):  # two files, two shards: two workers get a pool
        (inputs / f"{i}.txt").write_text(f"Document {i}. It has a sentence or two of text.\n", "utf-8")
    state = damaged_state(tmp_path)
    out = tmp_path / "o"
    argv = ["run", str(inputs), "-o", str(out), "--state", str(state), "--workers", workers, "-q"]
    assert main([*argv, "--shard-size", "1", *incremental]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and f"docclean state reset --yes --state {state}" in err
    assert not (out / "documents.jsonl").exists()


def test_state_commands_on_a_missing_folder_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nonexistent"
    for action in ("info", "compact", "reset"):
        assert main(["state", action, "--yes", "--state", str(missing)]) == 0
        assert capsys.readouterr().out == f"no state store at {missing}\n"
    assert not missing.exists()
    # before: `reset --output typo --yes` made typo/.docclean-state and printed "state reset: done"
    monkeypatch.chdir(tmp_path)
    for argv in (["--output", "typo", "--yes"], ["--output", "typo"], []):
        assert main(["state", "reset", *argv]) == 0
        where = "typo" if argv else "output"  # no --output, no --state: ./output's store
        assert capsys.readouterr().out == f"no state store at {where}/.docclean-state\n"
    assert not (tmp_path / "typo").exists() and not (tmp_path / "output").exists()


def test_state_help_says_which_store_it_uses_without_state_or_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["state", "--help"])
    assert "./output (output/.docclean-state)" in " ".join(capsys.readouterr().out.split())


def test_a_state_dir_from_the_config_file_that_is_a_file_is_named_by_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    conf = tmp_path / "c.toml"
    conf.write_text(f'[run]\nstate_dir = "{tmp_path / "file"}"\n', encoding="utf-8")
    argv = ["run", str(SEEDS / "003_8b4b2912ffbc3d7b.txt"), "-o", str(tmp_path / "o"), "--config", str(conf)]
    # before: "--state ... exists and is not a folder", though no --state was given
    assert main([*argv, "-q"]) == 2
    assert capsys.readouterr().err == (
        f"docclean: run.state_dir {tmp_path / 'file'} (config file {conf}) exists and is not a folder\n"
    )
    assert main([*argv, "-q", "--state", str(conf)]) == 2  # the flag wins, and is named as such
    assert capsys.readouterr().err == f"docclean: --state {conf} exists and is not a folder\n"
    assert not (tmp_path / "o").exists()


def test_state_commands_on_a_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x")
    for action in ("info", "compact", "reset"):
        # before: reset stopped with "File exists" (exit 1); info and compact found no store
        assert main(["state", action, "--yes", "--state", str(tmp_path / "file")]) == 2
        err = capsys.readouterr().err
        assert err == f"docclean: --state {tmp_path / 'file'} exists and is not a folder\n"
        # an output folder that is a file: as `docclean run -o FILE` (before: "no state store", exit 0)
        assert main(["state", action, "--yes", "--output", str(tmp_path / "file")]) == 2
        err = capsys.readouterr().err
        assert err == f"docclean: --output {tmp_path / 'file'} exists and is not a folder\n"


def test_an_os_error_during_a_run_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno
    from types import SimpleNamespace

    from pipeline import cli

    def full(args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", "out/.docclean-work-x/shard-000000.pickle")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    monkeypatch.setattr(parser, "parse_args", lambda argv: SimpleNamespace(verbose=0, func=full))
    assert cli.main(["run", "x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("docclean: the run stopped: No space left on device") and "free some space" in err
    assert "Traceback" not in err


def test_extraction_library_errors_stay_off_the_terminal_unless_verbose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    (tmp_path / "broken.html").write_text('{"this": "is json, not html"}', encoding="utf-8")
    try:
        assert (
            main(["run", str(tmp_path / "broken.html"), "-o", str(tmp_path / "out"), "-q", "--workers", "1"])
            == 0
        )
        # trafilatura's own ERROR lines were noise; the page's one line (all it says) is its text
        # and its title (before, the title took it and the page was rejected as emptied)
        assert "trafilatura" not in capsys.readouterr().err
        assert logging.getLogger("trafilatura").level == logging.CRITICAL
        rec = json.loads((tmp_path / "out" / "documents.jsonl").read_text())
        assert (rec["id"], rec["text"]) == ("broken", '{"this": "is json, not html"}')
    finally:
        logging.getLogger("trafilatura").setLevel(logging.WARNING)


SLOW_FIRST_SHARD = """
import signal, sys, time
from pathlib import Path
from typing import Any

signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even if started ignoring it
from pipeline import cli, run

real = run.clean_shard


def slow(task, shard_index=None):  # shard 0 keeps its worker busy; shard 1's worker goes idle
    if task.index == 0:
        Path(sys.argv[1]).write_text("busy")
        time.sleep(120)
    return real(task, shard_index)


run.clean_shard = slow  # forked workers inherit it
sys.exit(cli.main(sys.argv[2:]))
"""


def _stop_a_run_with_two_busy_workers(tmp_path: Path, stop: Callable[[int], None]) -> tuple[int, str, Path]:
    """Start ``docclean run`` with two workers in its own process group (as a terminal's job or
    a service), ``stop(pid)`` it once one worker is inside shard 0 and the other done with
    shard 1 and waiting for work; its exit status, stderr and output folder once it ended.
    Fails when any process of the run is left running."""
    import signal
    import subprocess
    import sys
    import time

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(2):
        (inputs / f"{i}.txt").write_text(f"Document {i}. It has a sentence or two of text.\n", "utf-8")
    script, busy, out = tmp_path / "slow.py", tmp_path / "busy", tmp_path / "out"
    script.write_text(SLOW_FIRST_SHARD, encoding="utf-8")
    argv = ["run", str(inputs), "-o", str(out), "--workers", "2", "--shard-size", "1", "-q"]
    # the script lives in tmp_path: without PYTHONPATH it would import pipeline through the
    # virtualenv's editable install, which may point at another checkout than this one
    repo = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(busy), *argv],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while not (busy.exists() and list(out.glob(".docclean-work-*/shard-000001.pickle"))):
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the run never got both workers going"
            time.sleep(0.1)
        stop(proc.pid)
        _, err = proc.communicate(timeout=60)  # not the 120 s the busy worker would take
        gone = time.monotonic() + 30  # workers killed with the driver end (and are reaped) just after it
        while time.monotonic() < gone:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        with pytest.raises(ProcessLookupError):
            os.killpg(proc.pid, 0)  # no worker left running either
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return proc.returncode, err, out


def _assert_nothing_written(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == [".docclean-state"]  # no output, no work folder
    with State.open(out / ".docclean-state", readonly=True) as st:
        assert st.info()["inputs"] == 0 and st.info()["runs"] == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_driver_killed_outright(tmp_path: Path) -> None:
    import signal

    # kill -9 of the driver alone (the OOM killer's way): before, both workers stayed behind,
    # one asleep in its shard, the other waiting for work, until killed by hand; the harness
    # fails when any process of the run is still running a minute later
    code, _, out = _stop_a_run_with_two_busy_workers(tmp_path, lambda pid: os.kill(pid, signal.SIGKILL))
    assert code == -signal.SIGKILL
    assert not list(out.glob("documents*.jsonl"))  # nothing published


@pytest.mark.skipif(os.name != "posix", reason="process groups and fork")
def test_ctrl_c_with_two_workers_prints_one_line_and_changes_nothing(tmp_path: Path) -> None:
    import signal

    # Ctrl-C in a terminal signals the driver and every worker
    code, err, out = _stop_a_run_with_two_busy_workers(tmp_path, lambda pid: os.killpg(pid, signal.SIGINT))
    # before: each worker's KeyboardInterrupt traceback too ("Process ForkProcess-1: ...")
    assert err == "docclean: interrupted; output and state are unchanged\n"
    assert code == 130
    _assert_nothing_written(out)


@pytest.mark.skipif(os.name != "posix", reason="process groups and fork")
@pytest.mark.parametrize("to", ["driver", "group"])
def test_sigterm_with_two_workers_stops_like_ctrl_c_and_leaves_no_worker_behind(
    tmp_path: Path, to: str
) -> None:
    """SIGTERM is how a scheduler, ``timeout`` or ``kill`` stops a nightly run: sent to the
    driver alone, or (systemd) to every process of the run."""
    import signal

    def stop(pid: int) -> None:
        if to == "driver":
            os.kill(pid, signal.SIGTERM)
        else:
            os.killpg(pid, signal.SIGTERM)

    # before: the driver died at once, its workers stayed, orphaned, waiting for work (and the
    # work folder stayed until a run a day later removed it)
    code, err, out = _stop_a_run_with_two_busy_workers(tmp_path, stop)
    assert err == "docclean: terminated (SIGTERM); output and state are unchanged\n"
    assert code == 128 + signal.SIGTERM
    _assert_nothing_written(out)


@pytest.mark.parametrize(
    ("argv", "verbose"),
    [
        (["run", "in"], 0),
        (["-v", "run", "in"], 1),
        (["run", "in", "-v"], 1),  # before: "unrecognized arguments: -v", exit 2
        (["run", "-vv", "in"], 2),
        (["validate", "out", "--verbose"], 1),
    ],
)
def test_verbose_goes_before_or_after_the_command(argv: list[str], verbose: int) -> None:
    from pipeline.cli import build_parser

    assert build_parser().parse_args(argv).verbose == verbose


UNWRITABLE = "docclean: the run stopped: the output folder {} cannot be written: Permission denied\n"


def _no_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the run walks its input folders."""
    import pipeline.readers

    def walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("the inputs were walked before the output folder was checked")

    monkeypatch.setattr(pipeline.readers, "scan_inputs", walk)


def _unwritable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make creating a file in ``folder`` fail as in a read-only folder (root ignores permission bits)."""
    import errno
    import tempfile

    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs.get("dir") or tempfile.gettempdir()) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(folder / "x.tmp"))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_an_output_folder_that_cannot_be_written_stops_the_run_before_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # as for a read-only folder or file system (a test running as root cannot make one): before,
    # the run walked and checksummed every input (minutes on a nightly crawl, warnings first)
    # and only then stopped at the state store or the work folder (exit 1)
    out = tmp_path / "out"
    out.mkdir()
    _unwritable(monkeypatch, out)
    _no_walk(monkeypatch)
    assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.err == UNWRITABLE.format(out)
    assert captured.out == "" and list(out.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permission bits do not stop root"
)
def test_a_read_only_output_folder_stops_the_run_before_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    _no_walk(monkeypatch)
    try:
        assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1", "-q"]) == 1
    finally:
        out.chmod(0o755)
    assert capsys.readouterr().err == UNWRITABLE.format(out)


def test_an_output_folder_that_cannot_be_made_stops_the_run_before_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    _no_walk(monkeypatch)
    assert main(["run", str(SEEDS), "-o", str(tmp_path / "file" / "out"), "-q"]) == 2
    assert "docclean: cannot create the output folder" in capsys.readouterr().err


def test_a_state_folder_that_cannot_be_made_or_written_stops_the_run_before_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a --state folder outside the output: before, it was found only when the store was opened,
    # after the walk and the checksums of every input
    (tmp_path / "file").write_text("x")
    _no_walk(monkeypatch)
    argv = ["run", str(SEEDS), "-o", str(tmp_path / "out"), "--workers", "1", "-q"]
    assert main([*argv, "--state", str(tmp_path / "file" / "state")]) == 2
    assert "docclean: cannot create the state folder" in capsys.readouterr().err
    state = tmp_path / "state"
    state.mkdir()
    _unwritable(monkeypatch, state)
    assert main([*argv, "--state", str(state)]) == 1
    err = capsys.readouterr().err
    assert err == UNWRITABLE.format(state).replace("the output folder", "the state folder")
    assert list(state.iterdir()) == []


def test_a_missing_input_still_creates_no_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(tmp_path / "nonexistent"), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_missing_rule_pack_creates_no_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an audit: exit 2, but the output folder was made first (other configuration errors make none)
    args = ["run", str(SEEDS), "-o", str(tmp_path / "out"), "--rules", str(tmp_path / "no.toml"), "-q"]
    assert main(args) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_lock_message_names_the_state_folder_as_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: `docclean run` named it absolute, `docclean state ...` as given (relative)
    monkeypatch.chdir(tmp_path)
    state = tmp_path / "out" / ".docclean-state"
    with State.open(state) as st:
        st.commit()
    fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        for argv in (
            ["run", str(SEEDS), "-o", "out", "-q"],
            ["run", str(SEEDS), "-o", "elsewhere", "--state", "out/.docclean-state", "-q"],
            ["state", "compact", "--output", "out"],
            ["state", "reset", "--yes", "--state", "out/.docclean-state"],
        ):
            assert main(argv) == 3
            err = capsys.readouterr().err
            assert err.startswith(f"docclean: another docclean run holds the state at {state} (pid "), argv
    finally:
        os.close(fd)


def test_an_output_folder_on_a_read_only_disk_is_exit_1_made_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # review: a new folder on a read-only file system was exit 2 ("cannot create"), an existing
    # one exit 1 ("cannot be written"); the README says 1 for both (a file on the way stays 2)
    import errno

    def read_only(self: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    _no_walk(monkeypatch)
    monkeypatch.setattr(Path, "mkdir", read_only)
    assert main(["run", str(SEEDS), "-o", str(tmp_path / "ro" / "x"), "-q"]) == 1
    err = capsys.readouterr().err
    where = tmp_path / "ro" / "x"
    assert (
        err == f"docclean: the run stopped: cannot create the output folder {where}: Read-only file system\n"
    )


def test_closed_standard_streams_do_not_stop_a_run(tmp_path: Path) -> None:
    # review: `docclean run ... 2>&-` stopped before it started (sys.stderr is None) and `>&-`
    # ended in a traceback after the output was written; both exit 1
    import subprocess

    for closed, name in (("2", "err"), ("1", "out")):
        out = tmp_path / name
        cmd = f'"{sys.executable}" -m pipeline.cli run "{SEEDS}" -o "{out}" --workers 1 {closed}>&-'
        done = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_a_summary_that_cannot_be_printed_does_not_fail_a_finished_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # review: `docclean run ... > /dev/full` said "the run stopped: No space left on device" and
    # exited 1 although output and state were written: a scheduler retried, and skipped everything
    import errno

    class Full:
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

    monkeypatch.setattr(sys, "stdout", Full())
    assert main(["run", str(SEEDS / "003_8b4b2912ffbc3d7b.txt"), "-o", str(tmp_path), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "the run finished (output and state written) but its summary could not be printed" in err
    assert (tmp_path / "documents.jsonl").stat().st_size > 0


def test_report_refuses_to_write_over_the_runs_own_files(
    out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review: `docclean report OUT --out OUT/documents.jsonl` replaced the records with HTML
    before = (out / "documents.jsonl").read_bytes()
    for name in ("documents.jsonl", "rejected.jsonl", "manifest.json"):
        assert main(["report", str(out), "--out", str(out / name)]) == 2
        assert "is one of the run's own files" in capsys.readouterr().err
    assert (out / "documents.jsonl").read_bytes() == before
    # nor the state store, nor any existing file that is no page (second review)
    store = out / ".docclean-state" / "state.sqlite"
    kept = store.read_bytes()
    assert main(["report", str(out), "--out", str(store)]) == 2
    assert "exists and is no HTML page" in capsys.readouterr().err
    assert store.read_bytes() == kept


def test_explain_and_validate_read_only_the_files_runs_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review: a user's documents-mynotes.jsonl beside the run's files was read as run data
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1", "-q"]) == 0
    (out / "documents-mynotes.jsonl").write_text("my notes, not JSON\n", encoding="utf-8")
    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.endswith(
        "5 records, 0 schema errors, 0 damaged lines, 0 files unlike their manifest\n"
    )


def test_validate_reads_the_rejections_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # review: a damaged rejected.jsonl passed validate (exit 0) while explain failed on it
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1", "-q"]) == 0
    with (out / "rejected.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"broken\n{"schema": "docclean/1", "id": "x"}\n')
    assert main(["validate", str(out)]) == 1
    printed = capsys.readouterr().out
    assert f"{out / 'rejected.jsonl'}:1: not a docclean record" in printed
    assert "rejection 1 ('x'): no source, reason, message" in printed
    assert f"{out / 'rejected.jsonl'}: 2 lines, but manifest.json says 0 rejected" in printed
    assert printed.endswith("5 records, 1 schema errors, 1 damaged lines, 1 files unlike their manifest\n")


def _validate_damaged_seed_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[Path], None]
) -> str:
    """What ``docclean validate`` prints (it must fail) on a run over the seeds that ``damage`` edits."""
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "-o", str(out), "--workers", "1", "-q"]) == 0
    capsys.readouterr()
    damage(out)
    assert main(["validate", str(out)]) == 1
    return capsys.readouterr().out


def test_validate_finds_a_file_cut_at_a_line_end_by_its_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an audit: documents.jsonl cut to its first two lines (or a new run's file beside an old
    # manifest) passed validate, every line left being a good record
    docs = tmp_path / "out" / "documents.jsonl"

    def cut(out: Path) -> None:
        docs.write_bytes(b"".join(docs.read_bytes().splitlines(keepends=True)[:2]))
        (out / "manifest-notes.json").write_text("my notes, not JSON\n", encoding="utf-8")  # not a run's

    printed = _validate_damaged_seed_run(tmp_path, capsys, cut)
    assert f"{docs}: 2 lines, but manifest.json says 5 documents" in printed
    assert printed.endswith("2 records, 0 schema errors, 0 damaged lines, 1 files unlike their manifest\n")


def test_validate_finds_what_the_schema_cannot_see(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an audit: records with one id twice, a removal placed past the end of the text, and a run
    # folder without its manifest all passed validate
    docs = tmp_path / "out" / "documents.jsonl"
    lines: list[str] = []

    def damage(out: Path) -> None:
        lines.extend(docs.read_text(encoding="utf-8").splitlines())
        first = json.loads(lines[0])
        first["removed"][0]["at"] = 99_999
        docs.write_text("\n".join([json.dumps(first), *lines[1:], lines[1]]) + "\n", encoding="utf-8")
        (out / "manifest.json").unlink()

    printed = _validate_damaged_seed_run(tmp_path, capsys, damage)
    assert "removed/0/at: 99999 is outside the text" in printed
    assert f"record 6 ({json.loads(lines[1])['id']!r}): id: " in printed
    assert "is the id of an earlier record" in printed
    assert f"{tmp_path / 'out'}: no manifest.json beside its documents" in printed
    assert printed.endswith("6 records, 2 schema errors, 0 damaged lines, 1 files unlike their manifest\n")


def test_version_names_the_package_and_the_record_schema(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert re.fullmatch(r"docclean \d+\.\d+\.\d+\S* \(records docclean/\d+\)\n", capsys.readouterr().out)
