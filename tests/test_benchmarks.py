"""Smoke tests of the throughput benchmark's corpus builder and reference script.

No timing assertions: speed is checked by running ``benchmarks/throughput.py``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from benchmarks.corpus import (
    DEFAULT_DATA,
    SourceDoc,
    build_html_corpus,
    build_text_corpus,
    index_path,
    iter_corpus,
    iter_inputs,
)

needs_data = pytest.mark.skipif(
    not (DEFAULT_DATA / "bbc-news" / "bbc.tar.gz").exists(), reason="shared data not available"
)


def _fake_sources() -> dict[str, list[SourceDoc]]:
    return {
        "a": [SourceDoc("a", f"a{i}", f"Head {i}\n\nFirst para {i}.\n\nSecond para {i}.") for i in range(3)],
        "b": [SourceDoc("b", "b0", "Only one sentence here. And another one.")],
    }


def test_interleaving_is_proportional_and_deterministic() -> None:
    first = [(d.source, d.origin, d.synthetic) for d in iter_corpus(_fake_sources(), 8)]
    second = [(d.source, d.origin, d.synthetic) for d in iter_corpus(_fake_sources(), 8)]
    assert first == second
    real = first[:4]
    assert sorted(s for s, _, _ in real) == ["a", "a", "a", "b"]
    assert not any(syn for _, _, syn in real)
    assert all(syn for _, _, syn in first[4:])


def test_synthetic_variants_reuse_real_text() -> None:
    sources = _fake_sources()
    docs = list(iter_corpus(sources, 8))
    for doc in docs:
        if doc.synthetic:
            assert doc.variant >= 1
            originals = [d.text for d in sources[doc.source]]
            for unit in doc.text.split("\n\n"):
                assert any(unit in text for text in originals), unit


@needs_data
def test_text_corpus_from_shared_data(tmp_path: Path) -> None:
    out = tmp_path / "text"
    counts = build_text_corpus(out, 20)
    assert counts["docs"] == 20
    assert counts["synthetic"] == 0
    assert {"bbc", "reuters"} <= set(counts)
    files = sorted(out.rglob("*.txt"))
    assert len(files) == 20
    index = [json.loads(line) for line in index_path(out).read_text(encoding="utf-8").splitlines()]
    assert [row["file"] for row in index] == [f.relative_to(out).as_posix() for f in files]
    assert not list(out.rglob("*.jsonl")), "the index must not sit inside the corpus"
    texts = [text for _, text in iter_inputs(out)]
    assert all(text.strip() for text in texts)
    assert not any("&lt;" in t or "&#3;" in t or "\x03" in t for t in texts)


@needs_data
def test_jsonl_corpus_matches_folder(tmp_path: Path) -> None:
    build_text_corpus(tmp_path / "text", 20)
    build_text_corpus(tmp_path / "text.jsonl", 20, fmt="jsonl")
    assert list(iter_inputs(tmp_path / "text")) == [
        (f"{int(i) // 1000:04d}/{i}", t) for i, t in iter_inputs(tmp_path / "text.jsonl")
    ]


@needs_data
def test_html_corpus(tmp_path: Path) -> None:
    counts = build_html_corpus(tmp_path / "html", 5)
    assert counts["docs"] == 5
    pages = sorted((tmp_path / "html").glob("*.html"))
    assert len(pages) == 5
    assert all(b"<" in p.read_bytes()[:2000] for p in pages)


@needs_data
def test_reference_on_twenty_documents(tmp_path: Path) -> None:
    pytest.importorskip("datasketch")
    from benchmarks.reference import run

    out = tmp_path / "text"
    build_text_corpus(out, 20)
    docs = list(iter_inputs(out))
    docs.append(("copy", docs[0][1]))  # an exact copy: every sentence already seen
    counts = run(docs, tmp_path / "ref.jsonl")
    assert counts["docs"] == 21
    records = [json.loads(line) for line in (tmp_path / "ref.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [d[0] for d in docs]
    assert {r["language"] for r in records} <= {"en", "de", "und"}
    assert "en" in {r["language"] for r in records}
    assert records[-1]["text"] == ""
    assert counts["sentences_dropped"] >= 1


@needs_data
def test_memory_benchmark_reports_growth_against_the_index(tmp_path: Path) -> None:
    """Two tiny sizes end to end (subprocesses): runs, index sizes and the comparison."""
    from benchmarks import memory

    out = tmp_path / "mem.json"
    assert (
        memory.main(["--sizes", "40", "20", "--workers", "1", "--workdir", str(tmp_path), "--json", str(out)])
        == 0
    )
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert [r["docs"] for r in payload["runs"]] == [20, 40]
    small, large = payload["runs"]
    assert 0 < small["index"]["passages"] < large["index"]["passages"]
    assert large["index"]["memory_bytes"] > small["index"]["memory_bytes"] > 0
    comparison = payload["comparisons"][0]
    assert comparison["added_passages"] == large["index"]["passages"] - small["index"]["passages"]
    assert set(comparison) >= {"main", "worker", "total", "index_per_passage"}


def test_rss_sampler_measures_another_process_and_its_children() -> None:
    import subprocess
    import sys
    import time

    from benchmarks.throughput import RssSampler

    # a parent holding ~60 MB that starts a child holding ~60 MB more
    code = (
        "import subprocess, sys, time; b = bytearray(60_000_000); "
        "subprocess.run([sys.executable, '-c', 'import time; b = bytearray(60_000_000); time.sleep(1.5)'])"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    with RssSampler(proc.pid, interval=0.05, pss=True) as sampler:
        proc.wait(timeout=30)
        time.sleep(0.1)
    assert sampler.peak > 110_000_000
    if os.path.exists("/proc/self/smaps_rollup"):  # Linux: PSS summed too, about the same here
        assert sampler.peak_pss > 100_000_000


def test_machine_scaling_runs_the_probe_and_is_reported() -> None:
    from benchmarks.throughput import Bench, machine_scaling, render

    scaling = machine_scaling(loops=20_000)
    assert 0.2 < scaling < 3.0  # a ratio of wall times, 2.0 on two free cores (not timed here)
    report = render(Bench(meta={"command": "x", "machine": "m", "scaling": [1.84, 1.9]}))
    assert "machine scaling before each round" in report and "1.84×, 1.90×" in report


def test_benchmark_doctests() -> None:
    """The report helpers' examples (rounds, medians, memory growth) hold."""
    import doctest

    import benchmarks.memory
    import benchmarks.rule_stress
    import benchmarks.throughput
    import benchmarks.worst_case

    for module in (benchmarks.throughput, benchmarks.memory, benchmarks.worst_case, benchmarks.rule_stress):
        result = doctest.testmod(module)
        assert result.attempted > 0
        assert result.failed == 0


def test_worst_case_benchmark_runs_every_shape(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.worst_case import HTML_SHAPES, SHAPES, TEXT_SHAPES, main

    assert main(["--sizes", "2000", "4000"]) == 0  # tiny sizes: nothing reaches the 0.05 s floor
    printed = capsys.readouterr().out
    for shape in SHAPES:
        assert f"{shape:12}      2,000 chars" in printed
    assert printed.count("growth per doubling") == 4 * len(TEXT_SHAPES) + len(HTML_SHAPES)
    assert printed.count("body_parts   growth per doubling") == len(HTML_SHAPES)


def test_worst_case_benchmark_flags_a_stage_that_grows_quadratically(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import benchmarks.worst_case as wc

    def fake(text: str) -> dict[str, float]:  # quadratic in the text's length, linear elsewhere
        n = len(text) / 1e5
        return {"repair": 0.1 * n, "boilerplate": 0.1 * n * n}

    monkeypatch.setattr(wc, "time_stages", fake)
    assert wc.main(["--sizes", "100000", "200000", "400000", "--shapes", "prose"]) == 1
    printed = capsys.readouterr().out
    assert re.search(r"boilerplate  growth per doubling  (3\.9\d|4\.0\d)  FLAGGED\n", printed)
    assert re.search(r"repair       growth per doubling  (1\.9\d|2\.0\d)\n", printed)  # not flagged
    assert printed.rstrip().endswith("superlinear: prose/boilerplate")


def test_rule_stress_benchmark_runs_a_rule_on_its_lines(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.rule_stress import main, stress_lines

    assert main(["--ids", "share_widget/en/share-this", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert f"1 rules, {len(stress_lines())} lines: 0 slower than 50 ms" in out
