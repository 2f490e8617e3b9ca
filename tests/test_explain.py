"""docclean explain: every cut shown in place with category and rule; rejected ids explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import ConfigError, OutputDamagedError
from pipeline.explain import explain, locate


def write_run(out: Path) -> None:
    recs = [
        {
            "id": "a",
            "source": "a.txt",
            "title": "T",
            "author": None,
            "language": "en",
            "language_score": 0.99,
            "text": "Kept one.\nQuote here, he said.",
            "repairs": [],
            "duplicates": [],
            "removed": [
                {
                    "start": 0,
                    "end": 11,
                    "at": 0,
                    "category": "navigation",
                    "rule": "navigation/en/skip",
                    "text": "Skip to top",
                }
            ],
        },
        {
            "id": "b",
            "source": "b.txt",
            "title": None,
            "author": None,
            "language": "en",
            "language_score": 0.9,
            "text": "Other text.",
            "repairs": [{"start": 0, "end": 1, "fix": "odd_space", "before": "x", "after": "y"}],
            "removed": [],
            "duplicates": [
                {
                    "start": 12,
                    "end": 31,
                    "at": 11,
                    "text": "Quote here, he said.",
                    "of": "a",
                    "similarity": 1.0,
                    "of_start": 22,
                    "of_end": 42,
                }
            ],
        },
    ]
    out.mkdir()
    (out / "documents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    (out / "rejected.jsonl").write_text(
        json.dumps(
            {"id": "c", "source": "c.txt", "reason": "duplicate_document", "message": "copy", "of": "a"}
        )
        + "\n",
        encoding="utf-8",
    )


def test_explain_marks_removals_and_duplicates(tmp_path: Path) -> None:
    write_run(tmp_path / "o")
    shown = explain(tmp_path / "o", "a")
    assert "[- navigation (navigation/en/skip): Skip to top -]" in shown
    assert shown.index("Skip to top") < shown.index("Kept one.")
    dup = explain(tmp_path / "o", "b")
    assert "[= duplicate of a (1.0): Quote here, he said. =]" in dup
    assert "matched: 'Quote here, he said.'" in dup
    assert "repairs: odd_space 1" in dup


def test_explain_rejected_and_unknown(tmp_path: Path) -> None:
    write_run(tmp_path / "o")
    assert "rejected: duplicate_document (copy of a)" in explain(tmp_path / "o", "c")
    with pytest.raises(ConfigError):
        explain(tmp_path / "o", "zzz")


@pytest.mark.parametrize("junk", ["not json", '{"no": "id"}', "[1, 2]", '{"id": "cut'])
def test_explain_names_a_damaged_output_line(tmp_path: Path, junk: str) -> None:
    write_run(tmp_path / "o")
    with open(tmp_path / "o" / "documents.jsonl", "a", encoding="utf-8") as fh:
        fh.write(junk + "\n")  # an edited or truncated output: before, a json/KeyError traceback
    with pytest.raises(OutputDamagedError, match=r"documents\.jsonl:\d+ is not a docclean record"):
        explain(tmp_path / "o", "zzz")


def test_explain_names_a_cut_gz_or_non_utf8_output_line(tmp_path: Path) -> None:
    import gzip

    out = tmp_path / "o"
    write_run(out)
    (out / "documents-20260101T000000Z-0a1b2c3d.jsonl").write_bytes(b'{"id": "caf\xe9"}\n')
    # before: a UnicodeDecodeError traceback
    with pytest.raises(OutputDamagedError, match=r"0a1b2c3d\.jsonl:1 is not a docclean record \(not UTF-8\)"):
        explain(out, "a")
    (out / "documents-20260101T000000Z-0a1b2c3d.jsonl").unlink()
    whole = gzip.compress((out / "documents.jsonl").read_bytes() * 50)
    (out / "documents-20260102T000000Z-0a1b2c3d.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    # before: an EOFError traceback
    cut = r"\.jsonl\.gz:\d+ is not a docclean record \(the compressed file"
    with pytest.raises(OutputDamagedError, match=cut):
        explain(out, "a")


@pytest.mark.parametrize(
    ("stem", "record"),
    [
        ("documents", {"id": "z", "text": "Body."}),  # no source, language, ...
        ("documents", {"id": "z", "source": "z.txt", "language": "en", "language_score": 1.0,
                       "text": "Body.", "duplicates": "none", "removed": [{"start": 0}]}),
        ("rejected", {"id": "z", "source": "z.txt"}),  # no reason, no message
    ],
)  # fmt: skip
def test_explain_names_a_record_with_missing_or_wrong_fields(
    tmp_path: Path, stem: str, record: dict[str, object]
) -> None:
    write_run(tmp_path / "o")
    with open(tmp_path / "o" / f"{stem}.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")  # a hand-edited output: before, a KeyError traceback
    incomplete = r"'z' .* is not a complete docclean record .*docclean validate"
    with pytest.raises(OutputDamagedError, match=incomplete):
        explain(tmp_path / "o", "z")


def test_locate_reads_the_kept_passage_back_from_output_text() -> None:
    rec = {"text": "Kept one.\nQuote here.", "removed": [{"start": 0, "end": 11, "at": 0}]}
    assert locate(rec, 22, 33) == "Quote here."


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _incremental(src: Path, out: Path, incremental: bool = True) -> None:
    from pipeline.config import Config
    from pipeline.run import run

    run([src], out, Config.from_mapping({"run": {"workers": 1, "incremental": incremental}}))


def test_explain_shows_the_newest_version_after_a_one_off_run(tmp_path: Path) -> None:
    import os
    import shutil
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEEDS / "002_6b0c022c36250b00.txt", src / "d.txt")
    _incremental(src, out, incremental=False)  # documents.jsonl
    text = (src / "d.txt").read_text(encoding="utf-8")
    changed = text.replace("Azerbaijan is using", "Azerbaijan is now using")
    (src / "d.txt").write_text(changed, encoding="utf-8")
    future = time.time() + 5
    os.utime(src / "d.txt", (future, future))
    _incremental(src, out)  # documents-<run>.jsonl: the new version
    # before: documents.jsonl sorted after documents-<run>.jsonl ("." after "-"), as the newest
    assert "Azerbaijan is now using" in explain(out, "d")


def test_explain_shows_the_source_version_the_match_was_made_against(tmp_path: Path) -> None:
    import os
    import shutil
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEEDS / "000_584aeddb6693844b.txt", src / "a.txt")
    _incremental(src, out)
    shutil.copy(SEEDS / "002_6b0c022c36250b00.txt", src / "b.txt")
    _incremental(src, out)
    quote = "Azerbaijan is an important country for us"
    assert quote in explain(out, "b").split("matched:", 1)[1]
    # the source changes later: a paragraph at the top moves every offset of the new version
    text = (src / "a.txt").read_text(encoding="utf-8")
    lead = "Officials in Baku gave no details on the talks, which are expected to resume next week.\n\n"
    head, rest = text.split("\n", 1)
    (src / "a.txt").write_text(head + "\n\n" + lead + rest, encoding="utf-8")
    future = time.time() + 5
    os.utime(src / "a.txt", (future, future))
    _incremental(src, out)
    # before: the matched passage was read from the newest version of a, at the old offsets
    assert quote in explain(out, "b").split("matched:", 1)[1]


def test_explain_shows_the_version_of_the_source_the_match_was_made_against(tmp_path: Path) -> None:
    import os
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    seed = (SEEDS / "000_584aeddb6693844b.txt").read_text(encoding="utf-8")
    (src / "s.txt").write_text(seed, encoding="utf-8")
    _incremental(src, out)  # night 1: s, version 1
    head, rest = seed.split("\n", 1)
    lead = "Officials in Baku gave no details on the talks, which are expected to resume next week.\n\n"
    (src / "s.txt").write_text(head + "\n\n" + lead + rest, encoding="utf-8")
    future = time.time() + 5
    os.utime(src / "s.txt", (future, future))
    _incremental(src, out)  # night 2: s, version 2 (every offset moved)
    quote = next(p for p in seed.split("\n") if "Efraim Inbar" in p)
    (src / "d.txt").write_text("Reactions came quickly on Tuesday.\n\n" + quote + "\n", encoding="utf-8")
    _incremental(src, out)  # night 3: d copies a paragraph both versions hold; the earliest wins
    shown = explain(out, "d").split("matched:", 1)[1]
    # before: read from version 2, the latest before d, at version 1's offsets
    assert "Azerbaijan is an important country for us" in shown
