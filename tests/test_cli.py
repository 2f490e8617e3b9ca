"""The docclean command line: commands, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_validate_and_explain(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(out)]) == 0
    assert "5 records, 0 schema errors" in capsys.readouterr().out
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
