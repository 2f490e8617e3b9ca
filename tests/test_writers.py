"""Writers: atomic files, deterministic gzip, record layout and offsets."""

from __future__ import annotations

import errno
import gzip
import os
from pathlib import Path

import pytest

from pipeline.document import Category, Document, Duplicate, Repair, Span
from pipeline.errors import TransientError
from pipeline.writers import RECORD_KEYS, atomic_writer, atomic_writers, output_positions, record


def test_atomic_writer_leaves_nothing_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("half a record")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("failing_call", [1, 2])
def test_files_written_together_are_published_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    """A full disk reported at fsync (as NFS does) of either file publishes neither: before, the
    second file of a run was renamed into place before the first one was finished."""
    docs, rej = tmp_path / "documents.jsonl", tmp_path / "rejected.jsonl"
    docs.write_text("old documents\n", encoding="utf-8")
    rej.write_text("old rejected\n", encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == failing_call:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with (
        pytest.raises(TransientError, match="No space left on device; free some space"),
        atomic_writers([(docs, False), (rej, True)]) as (d, r),
    ):
        d.write("new documents\n")
        r.write("new rejected\n")
    assert docs.read_text(encoding="utf-8") == "old documents\n"
    assert rej.read_text(encoding="utf-8") == "old rejected\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.jsonl", "rejected.jsonl"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    with atomic_writers([(docs, False), (rej, True)]) as (d, r):
        d.write("new documents\n")
        r.write("new rejected\n")
    assert docs.read_text(encoding="utf-8") == "new documents\n"
    assert gzip.decompress(rej.read_bytes()) == b"new rejected\n"


def test_gzip_output_is_byte_stable(tmp_path: Path) -> None:
    for name in ("a.jsonl.gz", "b.jsonl.gz"):
        with atomic_writer(tmp_path / name, gz=True) as fh:
            fh.write('{"x":1}\n')
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()
    assert gzip.decompress((tmp_path / "a.jsonl.gz").read_bytes()) == b'{"x":1}\n'


def test_record_keys_offsets_and_positions() -> None:
    text = "Skip to content\nBody one.\nShare this\nBody two."
    doc = Document(
        id="d",
        source="d.txt",
        format="text",
        text=text,
        chars_in=50,
        removed=(
            Span(0, 15, Category.NAVIGATION, "navigation/en/skip"),
            Span(26, 36, Category.SHARE_WIDGET, "share_widget/en/share-this"),
        ),
        repairs=(Repair(16, 25, "odd_space", "Body\xa0one.", "Body one."),),
    )
    kept = [(16, 26), (37, 46)]
    dup = Duplicate(37, 46, of="e", similarity=0.91234, of_start=3, of_end=12)
    rec = record(doc, kept, (dup,))
    assert tuple(rec) == RECORD_KEYS
    assert rec["text"] == "Body one.\nBody two."
    assert [r["text"] for r in rec["removed"]] == ["Skip to content", "Share this"]
    assert [r["at"] for r in rec["removed"]] == [0, 10]
    assert rec["duplicates"][0] == {
        "start": 37,
        "end": 46,
        "at": 10,
        "text": "Body two.",
        "of": "e",
        "similarity": 0.9123,
        "of_start": 3,
        "of_end": 12,
    }
    assert rec["stats"] == {"chars_in": 50, "chars_out": len(rec["text"])}


def test_output_positions_for_cut_and_kept_offsets() -> None:
    assert output_positions([(0, 6), (15, 25)], [7, 15, 30, 0]) == [6, 6, 16, 0]
    assert output_positions([], [5]) == [0]


def test_output_files_get_the_usual_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    import os

    with atomic_writer(tmp_path / "m.jsonl") as fh:
        fh.write("{}\n")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "m.jsonl").stat().st_mode & 0o777 == 0o666 & ~mask
