"""Tests for pipeline.readers: discovery, sharding, decoding, JSONL/WARC reading, rejections."""

from __future__ import annotations

import doctest
import errno
import gzip
import io
import json
import os
import pickle
import tarfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import pipeline.readers
from pipeline.config import ReadConfig
from pipeline.document import Document, Rejection
from pipeline.errors import ConfigError, TransientError
from pipeline.readers import (
    ReadStats,
    Shard,
    ShardItem,
    Source,
    decode_bytes,
    discover,
    file_id,
    normalise_published,
    plan_shards,
    read_shard,
    scan_inputs,
    url_group,
)

DATA = Path(__file__).parent / "data" / "readers"
DECODING = json.loads((DATA / "decoding.json").read_text(encoding="utf-8"))["cases"]
LEGACY = [
    pytest.param(
        case["text"],
        codec,
        id=f"{case['lang']}-{case['size']}-{codec}-{i}",
        marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else [],
    )
    for i, case in enumerate(json.loads((DATA / "legacy.json").read_text(encoding="utf-8"))["cases"])
    for codec in case["codecs"]
]
SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def read_all(sources: Iterable[Source], shard_size: int = 100, **cfg: Any) -> list[Document | Rejection]:
    config = ReadConfig(**cfg)
    return [x for shard in plan_shards(list(sources), shard_size) for x in read_shard(shard, config)]


def one(path: Path, **cfg: Any) -> Document | Rejection:
    items = read_all(discover([path]), **cfg)
    assert len(items) == 1
    return items[0]


def test_doctests() -> None:
    result = doctest.testmod(pipeline.readers)
    assert result.attempted > 10
    assert result.failed == 0


# -- discovery -----------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("hidden dir")
    (root / ".hidden.txt").write_text("hidden file")
    (root / "b.txt").write_text("bee")
    (root / "B.html").write_text("<p>big bee</p>")
    (root / "notes.md").write_text("unsupported")
    (root / "sub" / "a.jsonl").write_text('{"text": "x"}\n')
    (root / "sub" / "deeper" / "page.HTM.gz").write_bytes(gzip.compress(b"<p>deep</p>"))
    (root / "sub" / "c.warc.gz").write_bytes(b"")
    (root / "sub" / "d.ndjson").write_text("")
    (root / "sub" / "e.xhtml").write_text("<p>x</p>")
    (root / "sub" / "f.text").write_text("f")
    return root


def test_discover_folder_sorted_filtered(tree: Path) -> None:
    found = scan_inputs([tree])
    rels = [s.rel for s in found.sources]
    assert rels == sorted(rels)  # code-point order: upper case first
    assert rels == [
        "corpus/B.html",
        "corpus/b.txt",
        "corpus/sub/a.jsonl",
        "corpus/sub/c.warc.gz",
        "corpus/sub/d.ndjson",
        "corpus/sub/deeper/page.HTM.gz",
        "corpus/sub/e.xhtml",
        "corpus/sub/f.text",
    ]
    assert found.skipped == ("corpus/.git/", "corpus/.hidden.txt", "corpus/notes.md")
    by_rel = {s.rel: s for s in found.sources}
    page = by_rel["corpus/sub/deeper/page.HTM.gz"]
    assert (page.format, page.compressed, page.doc_id) == ("html", True, "sub/deeper/page")
    assert Path(page.path).is_absolute() and page.size == (tree / "sub/deeper/page.HTM.gz").stat().st_size
    assert by_rel["corpus/sub/c.warc.gz"].format == "warc"
    assert by_rel["corpus/sub/d.ndjson"].format == "jsonl"
    assert by_rel["corpus/sub/f.text"].format == "text"


def test_discover_explicit_file_any_suffix(tree: Path) -> None:
    (srcs,) = [discover([tree / "notes.md"])]
    assert [(s.rel, s.format, s.doc_id) for s in srcs] == [("notes.md", "text", "notes")]


def test_discover_deduplicates_same_file(tree: Path) -> None:
    srcs = discover([tree, tree / "b.txt", tree])
    rels = [s.rel for s in srcs]
    assert rels.count("corpus/b.txt") + rels.count("b.txt") == 1
    assert len(rels) == len(set(rels)) == 8


def test_discover_survives_symlink_loops(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("a")
    (root / "sub" / "b.txt").write_text("b")
    # two links back up: following them unchecked doubles the walk at every level (a hang)
    (root / "sub" / "up1").symlink_to("..")
    (root / "sub" / "up2").symlink_to("..")
    (root / "sub" / "self").symlink_to(".")
    found = scan_inputs([root])
    assert [s.rel for s in found.sources] == ["in/a.txt", "in/sub/b.txt"]
    assert set(found.skipped) == {"in/sub/up1/", "in/sub/up2/", "in/sub/self/"}
    # a link above the input itself: scanning "in/sub" must not pull in "in" (or the whole disk)
    (root / "sub" / "deep").mkdir()
    (root / "sub" / "deep" / "top").symlink_to("../../..")
    (root / "sub" / "deep" / "root").symlink_to("/")
    found = scan_inputs([root / "sub"])
    assert [s.rel for s in found.sources] == ["sub/b.txt"]
    assert {"sub/deep/top/", "sub/deep/root/"} <= set(found.skipped)
    # links pointing at each other: x/to_y -> y, y/to_x -> x (twice each: exponential before)
    for a in ("x", "y"):
        (tmp_path / "pair" / a).mkdir(parents=True)
    for a, b in (("x", "y"), ("y", "x")):
        (tmp_path / "pair" / a / "f.txt").write_text(a)
        for k in (1, 2):
            (tmp_path / "pair" / a / f"to_{b}{k}").symlink_to(tmp_path / "pair" / b)
    found = scan_inputs([tmp_path / "pair"]).sources  # ends; each file once, under its smallest rel
    assert [s.rel for s in found] == ["pair/x/f.txt", "pair/x/to_y1/f.txt"]
    assert sorted(Path(s.path).read_text() for s in found) == ["x", "y"]


def test_discover_skips_excluded_folders(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "out").mkdir(parents=True)
    (root / "a.txt").write_text("a")
    (root / "out" / "documents.jsonl").write_text('{"text": "an earlier run"}\n')
    assert [s.rel for s in discover([root])] == ["in/a.txt", "in/out/documents.jsonl"]
    assert [s.rel for s in discover([root], exclude=[str(root / "out")])] == ["in/a.txt"]


def test_another_docclean_runs_output_folder_inside_an_input_folder_is_skipped(tmp_path: Path) -> None:
    # an audit: a run into in/out, then one of in/ into in/out2, read in/out's records back as input
    root = tmp_path / "in"
    (root / "out").mkdir(parents=True)
    (root / "mine").mkdir()
    (root / "a.txt").write_text("a")
    for folder in ("out", "mine"):
        (root / folder / "documents.jsonl").write_text('{"text": "an earlier run"}\n')
    (root / "out" / "manifest.json").write_text('{\n  "schema": "docclean-manifest/1"\n}\n')
    (root / "mine" / "manifest.json").write_text('{"name": "a user\'s own manifest"}\n')
    found = scan_inputs([root])
    assert [s.rel for s in found.sources] == ["in/a.txt", "in/mine/documents.jsonl"]
    assert "in/out/" in found.skipped
    # named as the input itself, an output folder is read (its records re-cleaned, on purpose)
    assert [s.rel for s in discover([root / "out"])] == ["out/documents.jsonl"]


def test_file_names_that_are_not_utf8_get_printable_rels(tmp_path: Path) -> None:
    import os

    root = tmp_path / "in"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as fh:  # a Latin-1 name
        fh.write(b"A document with a name from another system.")
    (src,) = discover([root])
    assert src.rel == "in/caf\\xe9.txt" and src.doc_id == "caf\\xe9"
    src.rel.encode("utf-8")  # output, state and manifest can hold it
    (doc,) = read_all([src])
    assert isinstance(doc, Document) and doc.raw.startswith("A document")  # the file itself is found


def test_discover_missing_input_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"does-not-exist.*does not exist"):
        discover([tmp_path / "does-not-exist"])


def test_discover_rel_clash_is_config_error(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(d)
    with pytest.raises(ConfigError, match=r"same\.txt"):
        discover([tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"])


def test_id_collision_keeps_first_plain(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "story.html").write_text("<p>html</p>")
    (root / "story.txt").write_text("text")
    with caplog.at_level("WARNING", logger="pipeline.readers"):
        ids = [s.doc_id for s in discover([root])]
    assert ids == ["story", "story.txt"]
    assert len(set(ids)) == 2
    # inside one folder: naming a parent folder would not help, so the warning does not say to
    assert [r.getMessage() for r in caplog.records] == [
        "in/: 1 file(s) keep their extension in their id, as another file took the plain id "
        "(in/story.txt -> story.txt)"
    ]


def test_id_collisions_warn_once_per_input_root_with_a_count_and_examples(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # `docclean run corpus/business corpus/tech`, both holding 001.txt ...: before, one warning
    # line per colliding file (400 lines for two folders of 200)
    for folder in ("business", "tech"):
        (tmp_path / folder).mkdir()
        for i in range(1, 8):
            (tmp_path / folder / f"{i:03d}.txt").write_text(folder, encoding="utf-8")
    with caplog.at_level("WARNING", logger="pipeline.readers"):
        ids = [s.doc_id for s in discover([tmp_path / "business", tmp_path / "tech"])]
    assert ids[:2] == ["001", "002"] and ids[7:9] == ["001.txt", "002.txt"]
    assert [r.getMessage() for r in caplog.records] == [
        "tech/: 7 file(s) keep their extension in their id, as another file took the plain id "
        "(tech/001.txt -> 001.txt, tech/002.txt -> 002.txt, tech/003.txt -> 003.txt and 4 more); "
        "name their common parent folder as the input to keep the ids apart"
    ]


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("seeds/000_584aeddb6693844b.txt", "000_584aeddb6693844b"),
        ("corpus/sub/dir/name.html.gz", "sub/dir/name"),
        ("corpus/a.b.jsonl.gz", "a.b"),
        ("single.warc.gz", "single"),
        ("notes.md", "notes"),
        ("README", "README"),
        ("dump.csv.gz", "dump"),
    ],
)
def test_file_id(rel: str, expected: str) -> None:
    assert file_id(rel) == expected


# -- sharding ------------------------------------------------------------------------------


def _jsonl(path: Path, n: int, gz: bool = False, trailing_newline: bool = True) -> Path:
    lines = [json.dumps({"id": f"r{i}", "text": f"record number {i} " + "é" * (i % 3)}) for i in range(n)]
    blob = ("\n".join(lines) + ("\n" if trailing_newline else "")).encode()
    path.write_bytes(gzip.compress(blob) if gz else blob)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_lines_a_jsonl_file_lost_after_planning_are_a_rejection_not_silence(tmp_path: Path, gz: bool) -> None:
    root = tmp_path / "in"
    root.mkdir()
    path = _jsonl(root / ("b.jsonl.gz" if gz else "b.jsonl"), 9, gz=gz)
    shards = plan_shards(discover([root]), 5)  # two pieces: lines 1-5 and 6-9
    _jsonl(path, 3, gz=gz)  # rewritten shorter before the pieces are read
    got = [x for shard in shards for x in read_shard(shard, ReadConfig())]
    # before: three documents, and the six missing lines left no trace
    assert [x.id for x in got if isinstance(x, Document)] == ["r0", "r1", "r2"]
    (first, second) = [x for x in got if isinstance(x, Rejection)]
    assert (first.reason, first.source, second.source) == (
        "unreadable",
        "in/b.jsonl" + (".gz" if gz else "") + ":4",
        "in/b.jsonl" + (".gz" if gz else "") + ":6",
    )
    assert "2 line(s) early" in first.message and "4 line(s) early" in second.message


def test_plan_shards_groups_files_and_isolates_warc(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(5):
        (root / f"{i}.txt").write_text(f"doc {i}")
    (root / "2w.warc").write_bytes(b"")
    shards = plan_shards(discover([root]), 2)
    layout = [[it.source.rel.split("/")[-1] for it in s.items] for s in shards]
    assert layout == [["0.txt", "1.txt"], ["2.txt"], ["2w.warc"], ["3.txt", "4.txt"]]
    assert [s.index for s in shards] == list(range(len(shards)))


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("trailing", [False, True])
def test_plan_shards_splits_jsonl_and_pieces_cover_file(tmp_path: Path, gz: bool, trailing: bool) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("first")
    _jsonl(root / ("b.jsonl.gz" if gz else "b.jsonl"), 23, gz=gz, trailing_newline=trailing)
    srcs = discover([root])
    shards = plan_shards(srcs, 5)
    items = [it for s in shards for it in s.items]
    pieces = [it for it in items if it.source.format == "jsonl"]
    # the text file takes one slot, so the first JSONL piece has 4 lines
    assert [p.count for p in pieces] == [4, 5, 5, 5, 4]
    assert [p.start_line for p in pieces] == [0, 4, 9, 14, 19]
    assert all(sum(it.count or 1 for it in s.items) <= 5 for s in shards)
    if not gz:
        data = (root / "b.jsonl").read_bytes()
        for p in pieces:
            assert p.start_byte == 0 or data[p.start_byte - 1 : p.start_byte] == b"\n"
            assert data[p.start_byte :].startswith(b'{"id": "r%d"' % p.start_line)
    # reading shard by shard equals reading the whole file in one piece
    docs = [x for s in shards for x in read_shard(s, ReadConfig())]
    whole = read_all(srcs, shard_size=1000)
    assert [(d.id, d.source, d.raw) for d in docs if isinstance(d, Document)] == [
        (d.id, d.source, d.raw) for d in whole if isinstance(d, Document)
    ]
    assert [d.id for d in docs] == ["a"] + [f"r{i}" for i in range(23)]
    assert [d.source for d in docs][1:3] == [
        f"in/b.jsonl{'.gz' if gz else ''}:1",
        f"in/b.jsonl{'.gz' if gz else ''}:2",
    ]


def test_shards_pickle_small(tmp_path: Path) -> None:
    _jsonl(tmp_path / "big.jsonl", 2000)
    shards = plan_shards(discover([tmp_path / "big.jsonl"]), 200)
    assert len(shards) == 10
    blob = pickle.dumps(shards)
    assert pickle.loads(blob) == shards
    assert len(pickle.dumps(shards[3])) < 1000


def test_a_broken_symlink_in_a_folder_is_rejected_not_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text("Kept.", encoding="utf-8")
    (root / "notes.pdf").write_text("x", encoding="utf-8")
    for name in ("gone.txt", "gone.jsonl", "gone.warc.gz", "gone.pdf"):
        (root / name).symlink_to(tmp_path / "moved-away" / name)
    # before: skipped at debug level like a .pdf, so the documents behind it vanished
    with caplog.at_level("DEBUG", logger="pipeline.readers"):
        found = scan_inputs([root])
    assert [s.rel for s in found.sources] == ["in/gone.jsonl", "in/gone.txt", "in/gone.warc.gz", "in/ok.txt"]
    # with an unsupported name, a broken link is skipped exactly as an ordinary file is
    assert found.skipped == ("in/gone.pdf", "in/notes.pdf")
    said = {
        (r.levelname, r.getMessage().replace("gone.pdf", "NAME").replace("notes.pdf", "NAME"))
        for r in caplog.records
        if "pdf" in r.getMessage()
    }
    assert said == {("DEBUG", "skipping in/NAME (hidden or unsupported suffix)")}
    items = read_all(found.sources)
    assert [getattr(x, "reason", "document") for x in items] == ["unreadable"] * 3 + ["document"]
    assert "in/gone.txt: cannot read (No such file or directory)" in items[1].message


def test_jsonl_with_bare_cr_line_ends_says_so(tmp_path: Path) -> None:
    # old Mac line ends: the whole file reads as one line; before, the message was only
    # "invalid JSON (Extra data at column 30)", which did not tell the user what to do
    (tmp_path / "mac.jsonl").write_bytes(b'{"id": "a", "text": "One."}\r{"id": "b", "text": "Two."}\r')
    (tmp_path / "two.jsonl").write_bytes(b'{"id": "a", "text": "One."} {"id": "b", "text": "Two."}\n')
    items = read_all(discover([tmp_path / "mac.jsonl", tmp_path / "two.jsonl"]))
    assert [getattr(x, "reason", "document") for x in items] == ["malformed_jsonl"] * 2
    assert "bare carriage returns (CR line ends)" in items[0].message
    assert "tr '\\r' '\\n'" in items[0].message
    assert items[1].message.endswith("more than one JSON value: JSONL needs one record per line")
    (tmp_path / "bad.jsonl").write_bytes(b'{"id": "a", "text": "One."}}\n')
    (bad,) = read_all(discover([tmp_path / "bad.jsonl"]))
    assert bad.message.endswith("text follows the record (a damaged line?)")  # not "more than one value"


def test_jsonl_ids_that_cannot_be_used_warn_once_per_file_with_a_count(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # before: 1.5, true or an object as "id" were replaced by <file id>:<line> without a word
    lines = [
        '{"id": 1.5, "text": "One."}',
        '{"id": "kept", "text": "Two."}',
        '{"id": true, "text": "Three."}',
        '{"id": {"a": 1}, "text": "Four."}',
        '{"id": "", "text": "Five."}',
        '{"id": 7, "text": "Six."}',
        '{"id": null, "text": "Seven: no id, as without the field."}',
        '{"text": "Eight."}',
        '{"id": "recs:9", "text": "Nine: an id that looks like a fallback is still the given one."}',
    ]
    (tmp_path / "recs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "fine.jsonl").write_text('{"id": "a", "text": "A."}\n', encoding="utf-8")
    with caplog.at_level("WARNING", logger="pipeline.readers"):
        items = read_all(discover([tmp_path / "recs.jsonl", tmp_path / "fine.jsonl"]))
    assert [x.id for x in items] == [
        "a", "recs:1", "kept", "recs:3", "recs:4", "recs:5", "7", "recs:7", "recs:8", "recs:9",
    ]  # fmt: skip
    assert [r.getMessage() for r in caplog.records] == [
        'recs.jsonl: 4 record(s) have an "id" that is not a non-empty string or an integer (the first '
        "at line 1: 1.5); they get the id recs:<line> instead"
    ]
    caplog.clear()
    with caplog.at_level("WARNING", logger="pipeline.readers"):
        read_all(discover([tmp_path / "recs.jsonl"]), shard_size=4)  # a file split across shards
    assert [r.getMessage()[: r.getMessage().index(" (the first")] for r in caplog.records] == [
        'recs.jsonl (lines 1-4): 3 record(s) have an "id" that is not a non-empty string or an integer',
        'recs.jsonl (lines 5-8): 1 record(s) have an "id" that is not a non-empty string or an integer',
    ]


def test_jsonl_numbers_too_long_or_nesting_too_deep_reject_one_record(tmp_path: Path) -> None:
    lines = [
        '{"id": "big", "text": "a", "n": ' + "9" * 5000 + "}",  # over Python's 4300 digits
        '{"id": 1' + "0" * 5000 + ', "text": "a"}',
        '{"id": "deep", "text": "a", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "ok", "text": "Kept."}',
    ]
    (tmp_path / "odd.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # before: a ValueError from json.loads stopped the whole run with a traceback
    items = read_all(discover([tmp_path / "odd.jsonl"]))
    assert [getattr(x, "reason", "document") for x in items] == ["malformed_jsonl"] * 3 + ["document"]
    assert "odd.jsonl:1: invalid JSON (a number with too many digits)" in items[0].message
    assert "odd.jsonl:3: JSON nested too deeply" in items[2].message


def test_jsonl_invalid_json_messages_say_at_once(tmp_path: Path) -> None:
    # json's "Invalid control character at" read "... at at column 37"
    (tmp_path / "c.jsonl").write_bytes(b'{"id": "a", "text": "tab\x01here"}\n{"id": "b", "text": "cu')
    ctl, cut = read_all(discover([tmp_path / "c.jsonl"]))
    assert ctl.message == "c.jsonl:1: invalid JSON (Invalid control character at column 25)"
    assert cut.message == "c.jsonl:2: invalid JSON (Unterminated string starting at column 21)"


def test_plan_shards_unscannable_gz_becomes_one_item(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip")
    shards = plan_shards(discover([tmp_path / "bad.jsonl.gz"]), 10)
    assert [len(s.items) for s in shards] == [1] and shards[0].items[0].count is None
    (rej,) = list(read_shard(shards[0], ReadConfig()))
    assert isinstance(rej, Rejection) and rej.reason == "unreadable"
    assert "bad.jsonl.gz:1" in rej.message


# -- decoding ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", DECODING, ids=[c["name"] for c in DECODING])
def test_decoding_golden(case: dict[str, Any]) -> None:
    got = decode_bytes(case["bytes"].encode("latin-1"), case.get("declared", ()), case.get("html", False))
    assert got.text == case["expected"]
    assert got.encoding == case["encoding"]


@pytest.mark.parametrize(("text", "codec"), LEGACY)
def test_decoding_legacy_code_pages(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert decode_bytes(data).text == text
    page = f"<html><head><title>t</title></head><body><p>{text}</p></body></html>"
    assert decode_bytes(page.encode(codec), html=True).text == page


def test_decoding_legacy_corpus_covers_hard_cases() -> None:
    ids = [p.id for p in LEGACY]
    for lang in ("fr", "de", "es", "pt", "cs", "pl", "ru", "el"):
        assert any(i.startswith(f"{lang}-long-") for i in ids) and any(
            i.startswith(f"{lang}-short-") for i in ids
        )
    assert {"cp1252", "latin-1", "cp1250", "iso-8859-2", "cp1251", "koi8-r", "cp1253"} <= {
        p.values[1] for p in LEGACY
    }


@pytest.mark.parametrize(
    ("label", "body"),
    [
        ("utf-16", b"na\xefve caf\xe9"),
        ("UTF-16LE", b"na\xefve caf\xe9"),
        ("utf-16be", b"ok"),
        ("utf-32", b"na\xefve"),
    ],
)
def test_utf16_meta_label_on_ascii_bytes_means_utf8(label: str, body: bytes) -> None:
    data = (
        b"<html><head><meta charset='" + label.encode() + b"'></head><body><p>" + body + b"</p></body></html>"
    )
    got = decode_bytes(data, html=True)
    assert got.text == data.decode("cp1252")  # not CJK: the latin-1 bytes fall through to steps 4-5
    assert got.encoding in ("utf-8", "cp1252")
    assert not got.encoding.startswith("utf-16")


def test_utf16_declared_without_nul_bytes_is_ignored() -> None:
    data = b"<p>Stra\xdfe nach M\xfcnchen, sagte der B\xfcrgermeister.</p>"
    got = decode_bytes(data, ["utf-16"], html=True)
    assert got.text == "<p>Straße nach München, sagte der Bürgermeister.</p>"
    real = "<p>Grüße</p>".encode("utf-16-le")  # NUL bytes: a declared UTF-16 still counts
    assert decode_bytes(real, ["utf-16-le"], html=True).text == "<p>Grüße</p>"


@pytest.mark.parametrize("label", ["undefined", "base64", "rot13", "zlib", "hex"])
def test_a_label_naming_a_python_codec_that_is_no_charset_is_ignored(label: str) -> None:
    # before: "undefined" (Python's codec that always fails) raised a UnicodeError that stopped
    # the whole run; the others are no text encodings
    data = b"<html><head><meta charset=" + label.encode() + b"></head><p>Caf\xe9 cr\xe8me</p></html>"
    assert "Café crème" in decode_bytes(data, html=True).text
    assert "Café crème" in decode_bytes(data, [label], html=True).text  # a WARC's HTTP header


def test_unknown_meta_label_latin1_html_is_cp1252() -> None:
    # the reviewer's bogus_charset.html: an unknown label, then charset-normalizer said cp1250 ("naďve")
    filler = b"<p>The city council met on Tuesday to discuss the new budget for public transport.</p>" * 8
    head = b"<html><head><meta charset='x-no-such-charset'></head><body>"
    data = head + b"<p>Caf\xe9 cr\xe8me na\xefve r\xe9sum\xe9</p>"
    got = decode_bytes(data + filler + b"</body></html>", html=True)
    assert "Café crème naïve résumé" in got.text
    assert got.encoding == "cp1252"


def test_sparse_legacy_bytes_in_a_large_page_pick_the_fitting_code_page() -> None:
    # a few Polish letters in a large ASCII page: not "mostly UTF-8" (no valid UTF-8 at all)
    markup = '<div class="nav"><a href="/a">link</a></div>\n' * 400
    page = f"<html><body>{markup}<p>Ceny żywności wzrosły w ciągu miesiąca o pięć procent.</p></body></html>"
    got = decode_bytes(page.encode("cp1250"), html=True)
    assert got.text == page
    assert got.encoding == "cp1250"
    pound = "Chelsea have sacked Adrian Mutu, a £15.8m signing. " * 20
    assert decode_bytes(pound.encode("cp1252")).text == pound  # a lone £ stays £, not Ł


def test_read_normalises_newlines_and_bom(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(b"\xef\xbb\xbfone\r\ntwo\rthree\n")
    doc = one(tmp_path / "crlf.txt")
    assert isinstance(doc, Document)
    assert doc.raw == doc.text == "one\ntwo\nthree\n"
    assert doc.chars_in == len(doc.raw)


def test_bbc_style_stray_pound_sign(tmp_path: Path) -> None:
    body = "Chelsea have sacked Adrian Mutu \u2013 a ".encode() + b"\xa315.8m signing from Parma.\n"
    (tmp_path / "199.txt").write_bytes(body)
    doc = one(tmp_path / "199.txt")
    assert isinstance(doc, Document)
    assert doc.raw == "Chelsea have sacked Adrian Mutu – a £15.8m signing from Parma.\n"


@pytest.mark.skipif(not (SHARED / "data/bbc-news/bbc.tar.gz").exists(), reason="shared data not present")
def test_real_bbc_sport_199(tmp_path: Path) -> None:
    with tarfile.open(SHARED / "data/bbc-news/bbc.tar.gz") as tar:
        member = tar.extractfile("./bbc/sport/199.txt")
        assert member is not None
        data = member.read()
    assert b"\xa3" in data
    (tmp_path / "199.txt").write_bytes(data)
    doc = one(tmp_path / "199.txt")
    assert isinstance(doc, Document)
    assert "a £15.8m signing from Parma" in doc.raw
    assert "\ufffd" not in doc.raw and "Â" not in doc.raw


# -- files: documents and rejections -------------------------------------------------------


def test_text_and_html_documents(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "world").mkdir(parents=True)
    (root / "world" / "story.html.gz").write_bytes(gzip.compress(b"<html><p>Hi there</p></html>"))
    (root / "plain.txt").write_text("Plain text.")
    docs = read_all(discover([root]))
    assert all(isinstance(d, Document) for d in docs)
    plain, story = docs
    assert isinstance(plain, Document) and isinstance(story, Document)
    assert (plain.id, plain.source, plain.format, plain.is_html, plain.group, plain.order) == (
        "plain",
        "news/plain.txt",
        "text",
        False,
        "news",
        ("news/plain.txt", 0),
    )
    assert (story.id, story.format, story.is_html, story.group, story.text) == (
        "world/story",
        "html",
        True,
        "news/world",
        "",
    )
    assert story.raw == "<html><p>Hi there</p></html>"


@pytest.mark.parametrize(
    ("name", "content", "reason", "cfg"),
    [
        ("nul.txt", b"text\x00with\x00nuls", "binary", {}),
        ("ctl.txt", bytes(range(1, 9)) * 20 + b"abc", "binary", {}),
        ("big.txt", b"x" * 101, "too_large", {"max_bytes": 100}),
        ("bomb.txt.gz", gzip.compress(b"y" * 5000), "too_large", {"max_bytes": 1000}),
        ("blank.txt", b" \n\t\r\n ", "empty", {}),
        ("short.txt", b"abc", "empty", {"min_chars": 4}),
        ("notgz.html.gz", b"<p>plain, not gzip</p>", "unreadable", {}),
        ("cut.txt.gz", gzip.compress(b"z" * 1000)[:-12], "unreadable", {}),
    ],
)
def test_file_rejections(tmp_path: Path, name: str, content: bytes, reason: str, cfg: dict[str, Any]) -> None:
    (tmp_path / name).write_bytes(content)
    rej = one(tmp_path / name, **cfg)
    assert isinstance(rej, Rejection), rej
    assert rej.reason == reason
    assert rej.source == name and name in rej.message
    assert rej.id == file_id(name)


def test_the_empty_rejection_says_what_is_missing_in_plain_words(tmp_path: Path) -> None:
    # before: "fewer than 1 non-space characters"
    (tmp_path / "blank.txt").write_bytes(b" \n\t ")
    (tmp_path / "short.txt").write_bytes(b"abc")
    assert one(tmp_path / "blank.txt").message == "blank.txt: no non-space character"
    short = one(tmp_path / "short.txt", min_chars=4)
    assert short.message == "short.txt: fewer than 4 non-space characters"


def test_stray_nul_bytes_in_a_page_are_dropped_not_the_page(tmp_path: Path) -> None:
    # a news page (trafilatura's evaluation set) has 22 NULs after an ad's <img> in 195 KB: it was
    # rejected whole as binary; binary data has one NUL per 256 bytes, a UTF-16 text one per 2
    body = "<p>" + "A long article paragraph about the council's budget. " * 400 + "</p>"
    page = f"<html><body><img src='ad.gif'>{chr(0) * 10}{body}</body></html>".encode()
    (tmp_path / "page.html").write_bytes(page)
    doc = one(tmp_path / "page.html")
    assert isinstance(doc, Document), doc
    assert "\x00" not in doc.raw and "council's budget" in doc.raw
    (tmp_path / "dense.txt").write_bytes(b"ab\x00cd" * 300)  # one NUL per 5 bytes
    rej = one(tmp_path / "dense.txt")
    assert isinstance(rej, Rejection) and rej.reason == "binary"


def test_min_chars_boundary(tmp_path: Path) -> None:
    (tmp_path / "four.txt").write_text(" a b c d ")
    assert isinstance(one(tmp_path / "four.txt", min_chars=4), Document)
    assert isinstance(one(tmp_path / "four.txt", min_chars=5), Rejection)


def test_transient_oserror_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("hello")
    shards = plan_shards(discover([tmp_path / "a.txt"]), 10)

    def eagain(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr("os.stat", eagain)
    with pytest.raises(TransientError, match=r"a\.txt"):
        list(read_shard(shards[0], ReadConfig()))


def test_permanent_oserror_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("hello")
    shards = plan_shards(discover([tmp_path / "a.txt"]), 10)
    (tmp_path / "a.txt").unlink()  # vanished between planning and reading
    (rej,) = list(read_shard(shards[0], ReadConfig()))
    assert isinstance(rej, Rejection) and rej.reason == "unreadable"
    assert "a.txt" in rej.message and "No such file" in rej.message


# -- JSONL ---------------------------------------------------------------------------------

JSONL_LINES = [
    '{"id": "alpha", "text": "First record.", "url": "https://WWW.Example.com/a", "title": " A ",'
    ' "published": "2019-11-20T07:00:28Z"}',
    '{"id": 42, "html": "<p>HTML record</p>", "published": "20 Nov 2019", "site": "Example News"}',
    '{"text": "No id here.\\r\\nSecond line."}',
    "",
    "not json",
    '["an", "array"]',
    '{"id": "no-text", "body": "wrong field"}',
    '{"id": "empty", "text": "   "}',
    '{"id": "nul", "text": "bin\\u0000ary"}',
    '{"id": "latin1", "text": "caf\xe9"}',
    '{"text": "Last one.", "url": "not a url", "published": 1574233228}',
]


@pytest.fixture
def jsonl_file(tmp_path: Path) -> Path:
    root = tmp_path / "dump"
    root.mkdir()
    raw = "\n".join(JSONL_LINES).encode("utf-8").replace("caf\xe9".encode(), b"caf\xe9")
    (root / "recs.jsonl").write_bytes(raw)
    return root


def test_jsonl_documents_and_rejections(jsonl_file: Path) -> None:
    stats = ReadStats()
    shards = plan_shards(discover([jsonl_file]), 4)
    items = [x for s in shards for x in read_shard(s, ReadConfig(), stats)]
    assert stats.blank_lines == 1
    summary = [
        (x.id, x.source, type(x).__name__, x.reason if isinstance(x, Rejection) else x.is_html) for x in items
    ]
    assert summary == [
        ("alpha", "dump/recs.jsonl:1", "Document", False),
        ("42", "dump/recs.jsonl:2", "Document", True),
        ("recs:3", "dump/recs.jsonl:3", "Document", False),
        ("recs:5", "dump/recs.jsonl:5", "Rejection", "malformed_jsonl"),
        ("recs:6", "dump/recs.jsonl:6", "Rejection", "malformed_jsonl"),
        ("no-text", "dump/recs.jsonl:7", "Rejection", "malformed_jsonl"),
        ("empty", "dump/recs.jsonl:8", "Rejection", "empty"),
        ("nul", "dump/recs.jsonl:9", "Rejection", "binary"),
        ("recs:10", "dump/recs.jsonl:10", "Rejection", "malformed_jsonl"),
        ("recs:11", "dump/recs.jsonl:11", "Document", False),
    ]
    alpha, html, noid = items[0], items[1], items[2]
    assert isinstance(alpha, Document) and isinstance(html, Document) and isinstance(noid, Document)
    assert (alpha.url, alpha.group, alpha.title, alpha.published) == (
        "https://WWW.Example.com/a",
        "example.com",
        "A",
        "2019-11-20T07:00:28+00:00",
    )
    assert alpha.order == ("dump/recs.jsonl", 1) and alpha.format == "jsonl"
    assert html.raw == "<p>HTML record</p>" and html.text == "" and html.published == "2019-11-20"
    assert html.site == "Example News" and alpha.site is None  # a record's site, as given (before: dropped)
    assert noid.raw == "No id here.\nSecond line." and noid.group == "dump"
    last = items[-1]
    assert (
        isinstance(last, Document) and last.group == "dump" and last.published == "2019-11-20T07:00:28+00:00"
    )
    messages = {x.source: x.message for x in items if isinstance(x, Rejection)}
    assert "invalid JSON" in messages["dump/recs.jsonl:5"]
    assert "expected a JSON object, got list" in messages["dump/recs.jsonl:6"]
    assert '"text" or "html"' in messages["dump/recs.jsonl:7"]
    assert "invalid UTF-8" in messages["dump/recs.jsonl:10"]
    assert "a NUL character" in messages["dump/recs.jsonl:9"]  # one NUL: not "mostly control characters"


def test_jsonl_html_field_without_markup_is_read_as_text(tmp_path: Path) -> None:
    recs = [
        {"id": "p", "html": "Plain words in the html field, 3 < 4."},
        {"id": "h", "html": "<p>Markup.</p>"},
    ]
    (tmp_path / "h.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    plain, html = read_all(discover([tmp_path / "h.jsonl"]))
    assert (
        isinstance(plain, Document) and not plain.is_html and plain.text == plain.raw
    )  # was extraction_failed
    assert isinstance(html, Document) and html.is_html


def test_jsonl_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    # JSON may escape half a UTF-16 pair; kept as is, it crashed the run when the output was written
    line = '{"id": "s\\udfff", "text": "x \\ud800 y \\ud83d\\ude00 z", "title": "T \\uDC00"}\n'
    (tmp_path / "s.jsonl").write_text(line, encoding="ascii")
    (doc,) = read_all(discover([tmp_path / "s.jsonl"]))
    assert isinstance(doc, Document)
    assert (doc.id, doc.raw, doc.title) == ("s\ufffd", "x \ufffd y \U0001f600 z", "T \ufffd")
    (doc.id + doc.raw + (doc.title or "")).encode("utf-8")


def test_jsonl_line_too_large(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "small"}), json.dumps({"text": "x" * 500}), json.dumps({"text": "after"})]
    (tmp_path / "l.jsonl").write_text("\n".join(lines) + "\n")
    items = read_all(discover([tmp_path / "l.jsonl"]), max_bytes=100)
    assert [type(x).__name__ for x in items] == ["Document", "Rejection", "Document"]
    assert isinstance(items[1], Rejection) and items[1].reason == "too_large"
    assert items[1].source == "l.jsonl:2" and isinstance(items[2], Document) and items[2].raw == "after"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20 07:00", "2019-11-20T07:00:00"),
        ("2019-11-20T07:00:28.5+01:00", "2019-11-20T07:00:28.500000+01:00"),
        ("Wed, 20 Nov 2019 07:00:28 +0000", "2019-11-20T07:00:28+00:00"),
        ("November 20, 2019", "2019-11-20"),
        ("20.11.2019", "2019-11-20"),
        ("20191120", "2019-11-20"),
        ("2019-W47", "2019-11-18"),
        ("last Tuesday", "last Tuesday"),
        ("", None),
        (None, None),
        (2019, "2019"),
        # before: a quoted timestamp and any in milliseconds (JavaScript's Date.now()) were kept as
        # given, so the document had no date for the canonical order
        ("1574233228", "2019-11-20T07:00:28+00:00"),
        (1574233228000, "2019-11-20T07:00:28+00:00"),
        (" 1574233228123 ", "2019-11-20T07:00:28.123000+00:00"),
        (10**20, str(10**20)),
        (10**400, str(10**400)),  # review: the division by 1000 overflowed outside the try: run aborted
        # compact date-times and zero-led digits are no timestamps (review: "2019112007" read as 2033)
        ("2019112007", "2019112007"),
        ("201911200700", "201911200700"),
        ("000000000", "000000000"),
    ],
)
def test_normalise_published(value: object, expected: str | None) -> None:
    assert normalise_published(value) == expected


def test_url_group() -> None:
    assert url_group("http://www.BBC.co.uk/news") == "bbc.co.uk"
    assert url_group("https://news.example.org:443/x") == "news.example.org"
    assert url_group("/relative/path") is None
    assert url_group(None) is None


# -- WARC ----------------------------------------------------------------------------------


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ru = "Пожарная безопасность: новые правила вступают в силу."

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "test"}))

        def response(
            url: str, body: bytes, ctype: str, status: str = "200 OK", rid: str | None = None
        ) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            headers = {"WARC-Record-ID": rid} if rid else None
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers
            )
            writer.write_record(rec)

        req = writer.create_warc_record(
            "http://www.example.com/a",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /a HTTP/1.1", [("Host", "www.example.com")], is_http_request=True
            ),
        )
        writer.write_record(req)
        response(
            "http://www.example.com/a",
            b"<html><body><p>Caf\xc3\xa9 story</p></body></html>",
            "text/html; charset=utf-8",
            rid="<urn:uuid:11111111-2222-3333-4444-555555555555>",
        )
        response(
            "http://ru.example.net/b", f"<p>{ru}</p>".encode("cp1251"), "text/html; charset=windows-1251"
        )
        response("http://www.example.com/missing", b"<p>not found</p>", "text/html", status="404 Not Found")
        response("http://www.example.com/logo.png", b"\x89PNG....", "image/png")
        response(
            "http://www.example.com/x", b"<?xml version='1.0'?><html><p>x</p></html>", "application/xhtml+xml"
        )
        response("http://www.example.com/empty", b"   ", "text/html")


def test_warc_reading(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    root.mkdir()
    _warc(root / "x.warc.gz")
    srcs = discover([root])
    assert [(s.format, s.compressed) for s in srcs] == [("warc", True)]
    stats = ReadStats()
    (shard,) = plan_shards(srcs, 100)
    items = list(read_shard(shard, ReadConfig(), stats))
    assert stats.skipped_records == {"warcinfo": 1, "request": 1, "status-404": 1, "not-html": 1}
    assert [type(x).__name__ for x in items] == ["Document", "Document", "Document", "Rejection"]
    first, ru, xhtml, empty = items
    assert isinstance(first, Document) and isinstance(ru, Document) and isinstance(xhtml, Document)
    assert first.id == "11111111-2222-3333-4444-555555555555"
    assert first.raw == "<html><body><p>Café story</p></body></html>" and first.is_html
    assert (first.url, first.group, first.format) == ("http://www.example.com/a", "example.com", "warc")
    assert first.source.startswith("crawl/x.warc.gz@") and first.order[0] == "crawl/x.warc.gz"
    assert "Пожарная безопасность" in ru.raw and ru.group == "ru.example.net"
    assert len(ru.id) == 36  # warcio's generated uuid, without the <urn:uuid:...> decoration
    orders = [x.order for x in items]
    assert orders == sorted(orders) and len(set(orders)) == 4
    offsets = [int(x.source.rsplit("@", 1)[1]) for x in items]
    assert offsets == sorted(offsets) and offsets[0] > 0
    assert isinstance(empty, Rejection) and empty.reason == "empty"


def test_warc_offset_points_at_record(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    _warc(tmp_path / "x.warc.gz")
    docs = [d for d in read_all(discover([tmp_path / "x.warc.gz"])) if isinstance(d, Document)]
    with open(tmp_path / "x.warc.gz", "rb") as fh:
        for doc in docs:
            fh.seek(int(doc.source.rsplit("@", 1)[1]))
            rec = next(iter(ArchiveIterator(fh)))
            assert rec.rec_headers.get_header("WARC-Target-URI") == doc.url


def test_warc_too_large_and_corrupt(tmp_path: Path) -> None:
    _warc(tmp_path / "x.warc.gz")
    items = read_all(discover([tmp_path / "x.warc.gz"]), max_bytes=40)
    assert [x.reason for x in items if isinstance(x, Rejection)].count("too_large") >= 2
    data = (tmp_path / "x.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2] + b"\x00garbage" * 10)
    items = read_all(discover([tmp_path / "cut.warc.gz"]))
    assert isinstance(items[-1], Rejection) and items[-1].reason == "unreadable"
    assert "cut.warc.gz@" in items[-1].message


def test_warc_that_is_not_a_warc_is_rejected_not_skipped(tmp_path: Path) -> None:
    # warcio parses any text as (ARC-like) records without WARC headers: before, every one was
    # skipped as "response-not-http", so the file vanished without a trace
    (tmp_path / "notes.warc").write_bytes(b"not a warc at all\n" * 10)
    stats = ReadStats()
    (shard,) = plan_shards(discover([tmp_path / "notes.warc"]), 100)
    items = list(read_shard(shard, ReadConfig(), stats))
    assert [(type(x).__name__, getattr(x, "reason", None)) for x in items] == [("Rejection", "unreadable")]
    assert "not a WARC record" in items[0].message and stats.skipped_records == {}


def test_warc_truncated_inside_a_record_is_rejected(tmp_path: Path) -> None:
    import zlib

    _warc(tmp_path / "x.warc.gz")
    whole = read_all(discover([tmp_path / "x.warc.gz"]))
    data = (tmp_path / "x.warc.gz").read_bytes()
    # where gzip members (records) end: a cut there leaves a valid, shorter WARC, with nothing
    # to tell it was cut
    between, pos = set(), 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
        between.add(pos)
    for cut in range(1, len(data) - 1, max(1, len(data) // 60)):
        if cut in between:
            continue
        (tmp_path / "cut.warc.gz").write_bytes(data[:cut])  # a download cut short, at any byte
        items = read_all(discover([tmp_path / "cut.warc.gz"]))  # never raises
        docs = [x for x in items if isinstance(x, Document)]
        # what is read is a prefix of the whole file's documents, byte for byte; the rest is one
        # rejection (or nothing, when the cut falls between records or in a skipped record)
        assert [d.raw for d in docs] == [d.raw for d in whole if isinstance(d, Document)][: len(docs)]
        rejected = [x for x in items if isinstance(x, Rejection) and x.reason != "empty"]
        assert all(x.reason == "unreadable" for x in rejected) and len(rejected) <= 1
        if len(docs) < sum(isinstance(d, Document) for d in whole):
            assert len(rejected) == 1, f"cut at {cut}: a document lost without a rejection"
    # an uncompressed WARC that ends in blank lines loses nothing
    (tmp_path / "end.warc").write_bytes(gzip.decompress(data) + b"\r\n\r\n")
    padded = read_all(discover([tmp_path / "end.warc"]))
    assert [getattr(x, "raw", getattr(x, "reason", None)) for x in padded] == [
        getattr(x, "raw", getattr(x, "reason", None)) for x in whole
    ]


def test_warc_cut_short_rejection_names_the_record_that_was_cut(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    _warc(tmp_path / "x.warc.gz")
    whole = gzip.decompress((tmp_path / "x.warc.gz").read_bytes())
    (tmp_path / "x.warc").write_bytes(whole)
    for name, data in (("x.warc", whole), ("x.warc.gz", (tmp_path / "x.warc.gz").read_bytes())):
        with open(tmp_path / name, "rb") as fh:
            archive = ArchiveIterator(fh)
            starts = [archive.get_record_offset() for _rec in archive]
        for k in range(2, len(starts)):
            cut = tmp_path / f"cut-{k}-{name}"
            cut.write_bytes(data[: starts[k] + 40])  # record k + 1 cut 40 bytes in
            items = read_all(discover([cut]))
            bad = [x for x in items if isinstance(x, Rejection) and x.reason == "unreadable"]
            # before: the rejection named the offset of the record read before the cut one
            # (the same `source` as that record's document) with the cut one's number
            assert [x.source for x in bad] == [f"{cut.name}@{starts[k]}"], (name, k)
            assert f"(record {k + 1})" in bad[0].message


def test_warc_record_whose_content_length_is_short_is_rejected(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import re

    _warc(tmp_path / "x.warc.gz")
    data = gzip.decompress((tmp_path / "x.warc.gz").read_bytes())
    whole = [x for x in read_all(discover([tmp_path / "x.warc.gz"])) if isinstance(x, Document)]
    # the first response's Content-Length 20 bytes short: its payload reads cut short
    first = data.index(b"WARC-Type: response")
    length = re.compile(rb"Content-Length: (\d+)\r\n").search(data, first)
    assert length is not None
    short = str(int(length.group(1)) - 20).encode()
    (tmp_path / "short.warc").write_bytes(data[: length.start(1)] + short + data[length.end(1) :])
    items = read_all(discover([tmp_path / "short.warc"]))
    # before: kept as a document missing its last 20 bytes (warcio only printed a warning)
    assert [getattr(x, "reason", "doc") for x in items] == ["unreadable", "doc", "doc", "empty"]
    assert "Content-Length" in items[0].message and "(record 3)" in items[0].message
    assert [d.raw for d in items if isinstance(d, Document)] == [d.raw for d in whole[1:]]
    # before: warcio also wrote its own "WARNING: Record not followed by newline" to stderr
    assert capfd.readouterr().err == ""


def test_warc_payload_cut_short_is_not_kept_as_a_document(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = b"<html><body>" + b"<p>A long paragraph of the article.</p>" * 200 + b"</body></html>"
    with open(tmp_path / "one.warc", "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "http://e.com/a", "response", payload=io.BytesIO(body), http_headers=http
            )
        )
    data = (tmp_path / "one.warc").read_bytes()
    (tmp_path / "one.warc").write_bytes(data[: len(data) // 2])
    items = read_all(discover([tmp_path / "one.warc"]))
    assert [(type(x).__name__, getattr(x, "reason", None)) for x in items] == [("Rejection", "unreadable")]
    assert "record truncated" in items[0].message


@pytest.mark.skipif(not (SHARED / "data/warc-samples").exists(), reason="shared data not present")
def test_real_warc_samples() -> None:
    stats = ReadStats()
    srcs = discover([SHARED / "data/warc-samples"])
    items = [x for s in plan_shards(srcs, 100) for x in read_shard(s, ReadConfig(), stats)]
    docs = [x for x in items if isinstance(x, Document)]
    assert len(docs) == 16 + 29 and len(items) == len(docs)
    assert stats.skipped_records == {"warcinfo": 2, "request": 17, "metadata": 16}
    by_url = {d.url: d for d in docs}
    assert "О компании" in by_url["http://01spb.ru/company/"].raw  # windows-1251 via HTTP header
    assert "ヘッドポーター" in docs[0].raw  # EUC-JP
    assert len({d.id for d in docs}) == len(docs)


# -- determinism ---------------------------------------------------------------------------


def test_reading_is_deterministic(tree: Path) -> None:
    a = read_all(discover([tree]), shard_size=3)
    b = read_all(discover([tree]), shard_size=7)
    assert a == b


def test_seeds_read_clean() -> None:
    items = read_all(discover([ROOT / "seeds"]))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(items) == len(docs) == 5
    assert [d.id for d in docs] == sorted(d.id for d in docs)
    assert all(d.source.startswith("seeds/") and d.group == "seeds" for d in docs)
    assert all("\r" not in d.raw and d.text == d.raw for d in docs)


def test_shard_item_defaults() -> None:
    src = Source("/x/a.jsonl", "a.jsonl", "jsonl", 10, False)
    item = ShardItem(src)
    assert (item.start_byte, item.start_line, item.count) == (0, 0, None)
    assert Shard(0, (item,)) == Shard(0, (ShardItem(src),))


# -- folder entries that are not readable files --------------------------------------------


def _deny_listing(monkeypatch: pytest.MonkeyPatch, *folders: Path) -> None:
    """``os.scandir`` of ``folders`` fails as for a folder without read permission (a test running
    as root cannot make one: permission bits do not stop root)."""
    denied = {os.path.realpath(f) for f in folders}
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if not isinstance(path, int) and os.path.realpath(path) in denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_sub_folder_that_cannot_be_listed_is_rejected_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "in"
    (root / "locked" / "deeper").mkdir(parents=True)
    (root / "locked" / "a.txt").write_text("Behind the lock.", encoding="utf-8")
    (root / "locked.txt").write_text("A file beside it, named like it.", encoding="utf-8")
    (root / "ok.txt").write_text("Kept.", encoding="utf-8")
    _deny_listing(monkeypatch, root / "locked")
    # before: ConfigError "cannot list input folder ...": the whole run stopped (exit 2)
    found = scan_inputs([root])
    assert [s.rel for s in found.sources] == ["in/locked.txt", "in/locked/", "in/ok.txt"]
    assert [s.doc_id for s in found.sources] == ["locked", "locked/", "ok"]  # ids stay unique
    items = read_all(found.sources)
    assert [getattr(x, "reason", "document") for x in items] == ["document", "unreadable", "document"]
    rej = items[1]
    assert isinstance(rej, Rejection) and (rej.id, rej.source) == ("locked/", "in/locked/")
    assert (
        rej.message == "in/locked/: cannot list this folder (Permission denied): the files in it are not read"
    )
    monkeypatch.undo()  # listable by the time its shard is read: still one rejection, saying so
    (again,) = read_all(found.sources[1:2])
    assert isinstance(again, Rejection) and again.reason == "unreadable"
    assert again.message == (
        "in/locked/: could not be listed when the run was planned: the files in it are not read"
    )


def test_an_input_folder_that_cannot_be_listed_is_still_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "in"
    root.mkdir()
    _deny_listing(monkeypatch, root)
    with pytest.raises(ConfigError, match=r"cannot list input folder .*in: Permission denied"):
        scan_inputs([root])


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permission bits do not stop root"
)
def test_a_sub_folder_without_permissions_is_rejected(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "a.txt").write_text("Behind the lock.", encoding="utf-8")
    (root / "locked").chmod(0)
    try:
        (rej,) = read_all(discover([root]))
    finally:
        (root / "locked").chmod(0o755)
    assert isinstance(rej, Rejection) and rej.reason == "unreadable" and "Permission denied" in rej.message


@pytest.mark.parametrize("d_type", [True, False], ids=["types-listed", "types-unknown"])
def test_a_folder_listed_but_not_searchable_rejects_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, d_type: bool
) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Listed, but its details cannot be looked up.", encoding="utf-8")
    target = str(root / "a.txt")
    real_os_stat = os.stat

    def denying_stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(path) == target:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_os_stat(path, *args, **kwargs)

    class Entry:
        """A DirEntry of a folder with read but no execute permission: its name is known (from
        the listing), and its type when the file system lists types; looking it up fails."""

        def __init__(self, entry: os.DirEntry[str]) -> None:
            self._entry, self.name, self.path = entry, entry.name, entry.path

        def is_dir(self) -> bool:
            return self._entry.is_dir() if d_type else self.stat() is None

        def is_file(self) -> bool:
            return self._entry.is_file() if d_type else self.stat() is None

        def is_symlink(self) -> bool:  # before: raised out of discovery without a listed type
            return self._entry.is_symlink() if d_type else self.stat() is None

        def stat(self) -> os.stat_result:
            raise PermissionError(errno.EACCES, "Permission denied", self.path)

    real_scandir = os.scandir

    class Listing:
        def __init__(self, path: Any) -> None:
            self._it = real_scandir(path)

        def __enter__(self) -> Listing:
            return self

        def __exit__(self, *exc: object) -> None:
            self._it.close()

        def __iter__(self) -> Iterator[Entry]:
            return (Entry(e) for e in self._it)

    monkeypatch.setattr(os, "scandir", Listing)
    monkeypatch.setattr(os, "stat", denying_stat)
    # before: skipped at debug level as "not a regular file", so the document vanished
    (rej,) = read_all(discover([root]))
    assert isinstance(rej, Rejection) and rej.reason == "unreadable"
    assert rej.message == "in/a.txt: cannot read (Permission denied)"


def test_a_named_pipe_socket_or_device_in_a_folder_is_rejected_without_opening_it(tmp_path: Path) -> None:
    import socket

    root = tmp_path / "in"
    root.mkdir()
    os.mkfifo(root / "feed.jsonl")  # opening it to read would wait for a writer forever
    os.mkfifo(root / "notes.md")  # not a supported name: skipped as before
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.txt"))
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "ok.txt").write_text("Kept.", encoding="utf-8")
    try:
        found = scan_inputs([root])  # before: all four skipped at debug level
        items = read_all(found.sources)
    finally:
        sock.close()
    assert found.skipped == ("in/notes.md",)
    assert [(x.source, getattr(x, "reason", "document")) for x in items] == [
        ("in/feed.jsonl", "unreadable"),
        ("in/ok.txt", "document"),
        ("in/sock.txt", "unreadable"),
        ("in/zero.txt", "unreadable"),
    ]
    assert items[0].message == "in/feed.jsonl: not a regular file (a named pipe): not read"
    assert items[2].message == "in/sock.txt: not a regular file (a socket): not read"
    assert items[3].message == "in/zero.txt: not a regular file (a device): not read"


def returns_within(seconds: float, fn: Callable[[], Any], fifo: Path) -> Any:
    """``fn()``, run in a thread; fails (instead of hanging the test run) when it is still
    waiting after ``seconds``, then lets it go by opening ``fifo`` as a writer and closing it."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(fn()), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the blocked reader sees its end
        worker.join(5)
        pytest.fail(f"still waiting on the named pipe {fifo} after {seconds} s")
    return result[0]


@pytest.mark.parametrize("name", ["a.txt", "a.html.gz", "a.jsonl", "a.warc.gz"])
def test_a_file_swapped_for_a_named_pipe_after_discovery_is_rejected_not_waited_on(
    tmp_path: Path, name: str
) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / name).write_bytes(b"x")
    found = discover([root])
    (root / name).unlink()
    os.mkfifo(root / name)  # say a feed put in its place between planning and reading
    # before: open() waited for a writer for ever
    items = returns_within(10, lambda: read_all(found), root / name)
    where = f"in/{name}:1" if name == "a.jsonl" else f"in/{name}"  # a JSONL rejection names its line
    assert [(x.source, getattr(x, "reason", None)) for x in items] == [(where, "unreadable")]
    # worded as the rejection of a named pipe that discovery found
    assert items[0].message == f"{where}: not a regular file (a named pipe): not read"


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz", "a.jsonl.gz", "a.warc.gz"])
def test_an_empty_gzip_file_is_unreadable_not_empty_or_silent(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")  # a download that never started, or cut short at once
    # before: .txt/.html were rejected as "empty", .jsonl.gz/.warc.gz gave nothing at all
    (rej,) = read_all(discover([tmp_path / name]))
    assert isinstance(rej, Rejection) and rej.reason == "unreadable"
    assert rej.message == f"{name}: cannot read (0 bytes: no gzip data, a file cut short?)"


def test_folders_nested_deeper_than_the_recursion_limit_are_walked(tmp_path: Path) -> None:
    import inspect
    import sys

    # a runaway copy or mirror loop nests folders thousands deep; the recursion limit is
    # lowered here so that a tree 100 deep (quick to walk, and to remove) stands for one
    depth = 100
    root = tmp_path / "in"
    (root / "/".join(["d"] * depth)).mkdir(parents=True)
    (root / "/".join(["d"] * depth) / "a.txt").write_text("The deepest file.", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + 50)
    try:
        found = scan_inputs([root])  # before: RecursionError out of discovery (a traceback)
    finally:
        sys.setrecursionlimit(limit)
    (src,) = found.sources
    assert src.rel == "in/" + "d/" * depth + "a.txt"
