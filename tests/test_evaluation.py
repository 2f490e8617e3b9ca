"""Tests of pipeline/evaluation (scorers, loaders, renderings, references, harness) and the gate."""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import sys
import tarfile
import types
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import ConfigError
from pipeline.evaluation import datasets, harness, references, renderings, scoring
from pipeline.evaluation.datasets import Dataset, Page
from pipeline.evaluation.scoring import PRF, SnippetCounts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "evaluation"
SHARED = ROOT.parent / "shared" / "data"


def _load_gate() -> Any:
    spec = importlib.util.spec_from_file_location("quality_gate", ROOT / "benchmarks" / "quality" / "gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- scoring ----------------------------------------------------------------------------------


def test_shingles_lowercase_unicode_and_short_texts() -> None:
    assert scoring.shingles("Ärger über ÖL heute") == frozenset({("ärger", "über", "öl", "heute")})
    assert scoring.shingles("two words") == frozenset({("two", "words")})
    assert scoring.shingles("... !!") == frozenset()


@pytest.mark.parametrize(
    ("pred", "gold", "f1"),
    [("", "", 1.0), (None, "", 1.0), ("", "a b c d", 0.0), ("a b c d", "", 0.0), ("a b c d", "A B C D", 1.0)],
)
def test_shingle_score_edge_cases(pred: str | None, gold: str, f1: float) -> None:
    assert scoring.shingle_score(pred, gold).f1 == f1


def test_shingle_score_is_set_based_and_macro_averaged() -> None:
    # 5 distinct shingles predicted (repeats count once), 2 of them gold
    s = scoring.shingle_score("a b c d e a b c d e", "a b c d e")
    assert (s.precision, s.recall) == (0.4, 1.0)
    assert scoring.shingle_score("x y z w", "a b c d").f1 == 0.0
    avg = scoring.macro_average([PRF(1.0, 0.5, 0.6), PRF(0.0, 0.5, 0.2)])
    assert (avg.precision, avg.recall, avg.f1, avg.n) == (0.5, 0.5, pytest.approx(0.4), 2)


def test_snippet_counts_normalise_whitespace_and_sum() -> None:
    c = scoring.snippet_counts(
        "Der  Text\nsteht hier. Impressum", ["Der Text steht", "fehlt"], ["Impressum", "Menü"]
    )
    assert c == SnippetCounts(tp=1, fn=1, fp=1, tn=1)
    total = c + scoring.snippet_counts(None, ["a"], ["b"])
    assert total == SnippetCounts(tp=1, fn=2, fp=1, tn=2)
    s = scoring.snippet_scores(total, 2)
    assert (s.precision, s.recall, s.f1, s.accuracy, s.n) == (0.5, pytest.approx(1 / 3), 0.4, 0.5, 2)
    assert scoring.snippet_scores(SnippetCounts()).f1 == 0.0


# -- data sets --------------------------------------------------------------------------------


def _make_aeb(root: Path) -> None:
    (root / "html").mkdir(parents=True)
    truth = {}
    for key, body in (("b2", "Second body text is here."), ("a1", "First body text is here.")):
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(f"<p>{body}</p>".encode()))
        truth[key] = {"articleBody": body, "url": f"https://news.example.com/{key}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


def _make_trafilatura(root: Path) -> None:
    root.mkdir(parents=True)
    files = {
        "./cache/site.de.a.html": (
            "<html><body><p>Die Grüße aus München sind schön.</p><p>Impressum</p></body></html>"
        ).encode("latin-1"),
        "./eval/other site ł.html": b"<html><body><p>Hello content here.</p><p>Share</p></body></html>",
        "./eval/unannotated.html": b"<p>x</p>",
    }
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    (root / "html.tar.gz").write_bytes(buf.getvalue())
    evaldata = {
        "https://site.de/a": {
            "file": "site.de.a.html",
            "with": ["Grüße aus München"],
            "without": ["Impressum"],
        },
        "https://web.archive.org/web/2020/https://other.pl/x": {
            "file": "other site ł.html",
            "with": ["Hello content"],
            "without": ["Share"],
        },
    }
    (root / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")


def test_load_aeb(tmp_path: Path) -> None:
    _make_aeb(tmp_path / "article-extraction-benchmark")
    ds = datasets.load("aeb", tmp_path)
    assert ds.scoring == "shingle"
    assert [p.id for p in ds.pages] == ["a1", "b2"]
    assert ds.pages[0].site == "news.example.com"
    assert ds.pages[0].html == b"<p>First body text is here.</p>"
    assert [p.id for p in datasets.load("aeb", tmp_path, limit=1).pages] == ["a1"]


def test_load_trafilatura_reads_tar_in_place(tmp_path: Path) -> None:
    _make_trafilatura(tmp_path / "trafilatura-eval")
    ds = datasets.load("trafilatura", tmp_path)
    assert ds.scoring == "snippet"
    assert [p.id for p in ds.pages] == ["other_site", "site.de.a"]
    other, site = ds.pages
    assert other.site == "other.pl" and other.with_ == ("Hello content",)
    assert "Grüße" in datasets.decode_html(site.html or b"")
    assert not (tmp_path / "trafilatura-eval" / "cache").exists()


def test_load_folder_and_errors(tmp_path: Path) -> None:
    ds = datasets.load(f"folder:{DATA / 'folder'}", None)
    assert ds.name == "folder:folder" and [p.id for p in ds.pages] == ["a", "b"]
    assert ds.pages[0].html is not None and ds.pages[1].html is None and ds.pages[1].text
    with pytest.raises(ConfigError, match="--data"):
        datasets.load("aeb", None)
    with pytest.raises(ConfigError, match="not found"):
        datasets.load("aeb", tmp_path)


# -- renderings and references ----------------------------------------------------------------


def test_full_text_blocks_and_skipped_tags() -> None:
    html = (
        "<?xml version='1.0' encoding='utf-8'?><html><head><title>Not body</title><style>p{}</style></head>"
        "<body><noscript>enable js</noscript><template><p>hidden</p></template>"
        "<ul><li>One</li><li>Two <a>links</a></li></ul>"
        "<p>Para  with\n spaces<br/>next</p>tail text</body></html>"
    )
    assert renderings.full_text(html) == "One\nTwo links\nPara with spaces\nnext\ntail text"
    assert renderings.full_text("   ") == ""


def test_recall_rendering_keeps_comments_and_main_text() -> None:
    paragraph = "This is a sentence of the article that is long enough to count as main text. " * 3
    html = f"<html><body><article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    out = renderings.recall_text(html)
    assert "long enough to count" in out
    assert renderings.render(html, "html") == html


def test_c4_rules() -> None:
    text = "\n".join(
        [
            "Menu",
            "A normal sentence that ends well.",
            "Please enable JavaScript in your browser.",
            "This site uses cookies to work well.",
            "And it goes on and on...",
            "Two words.",
            "Wikipedia said so [12] in a line.",
        ]
    )
    assert references.c4_lines(text) == "A normal sentence that ends well.\nWikipedia said so  in a line."


def test_trafilatura_and_justext_references() -> None:
    paragraph = "The minister said on Monday that the new rules would apply to all companies in the country. "
    html = (
        f"<html><body><nav><a href='/'>Home</a></nav><article><p>{paragraph * 3}</p></article></body></html>"
    )
    assert "new rules would apply" in references.trafilatura_html(html)
    assert "new rules would apply" in references.justext_text(paragraph * 3 + "\nHome")
    assert references.justext_html("") == ""


# -- harness ----------------------------------------------------------------------------------


def test_evaluate_references_on_folder() -> None:
    ds = datasets.load(f"folder:{DATA / 'folder'}", None)
    report = harness.evaluate([ds], ["nothing", "trafilatura", "c4"], workers=1)
    got = {(c.rendering, c.system) for c in report.cells}
    assert got == {
        ("html", "trafilatura"),
        ("recall", "nothing"),
        ("recall", "c4"),
        ("full", "nothing"),
        ("full", "c4"),
        ("text", "nothing"),
        ("text", "c4"),
    }
    full_nothing = report.get("folder:folder", "full", "nothing")
    full_c4 = report.get("folder:folder", "full", "c4")
    assert full_nothing is not None and full_c4 is not None and full_c4.f1 > full_nothing.f1
    text = report.get("folder:folder", "text", "c4")
    assert text is not None and text.n == 2 and text.f1 == 1.0
    table = report.table()
    assert table.splitlines()[0].split() == ["dataset", "rendering", "pages", "nothing", "trafilatura", "c4"]
    assert "—" in table
    assert json.loads(json.dumps(report.to_dict()))["cells"][0]["dataset"] == "folder:folder"


def test_evaluate_rejects_unknown_system() -> None:
    with pytest.raises(ConfigError, match="unknown system"):
        harness.evaluate([], ["magic"])


def _fake_run_module(monkeypatch: pytest.MonkeyPatch, seen: dict[str, Any]) -> None:
    """A stand-in for pipeline.run: echoes .txt inputs minus 'Share' lines, rejects pages named b."""

    def run(inputs: list[str], output: str, config: Any = None, progress: Any = None) -> None:
        root = Path(inputs[0])
        seen["files"] = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
        out = Path(output)
        out.mkdir(parents=True)
        lines = []
        for path in sorted(root.rglob("*.txt")):
            rel = path.relative_to(root)
            if path.stem == "b":
                continue
            text = "\n".join(x for x in path.read_text(encoding="utf-8").splitlines() if "Share" not in x)
            lines.append(json.dumps({"id": str(rel.with_suffix("")), "source": str(rel), "text": text}))
        (out / "documents.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    module = types.ModuleType("pipeline.run")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pipeline.run", module)


def test_run_docclean_matches_by_stem_and_rejected_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    _fake_run_module(monkeypatch, seen)
    pages = [Page("a", "news.example.com"), Page("b", "_")]
    out = harness.run_docclean(pages, ["Body one.\nShare", "Body two."], ".txt")
    assert out == ["Body one.", ""]
    assert seen["files"] == ["_/b.txt", "news.example.com/a.txt"]


def test_evaluate_docclean_with_fake_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_run_module(monkeypatch, {})
    ds = Dataset(
        "snip", "snippet", (Page("a", "_", text="Keep me\nShare", with_=("Keep me",), without=("Share",)),)
    )
    report = harness.evaluate([ds], ["nothing", "docclean"], ["text"], workers=1)
    nothing, docclean = report.get("snip", "text", "nothing"), report.get("snip", "text", "docclean")
    assert nothing is not None and docclean is not None
    assert (nothing.f1, nothing.accuracy) == (pytest.approx(2 / 3), 0.5)
    assert (docclean.f1, docclean.accuracy) == (1.0, 1.0)


def _args(**kw: Any) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    harness.add_arguments(parser)
    argv: list[str] = []
    for key, value in kw.items():
        argv += [f"--{key}", str(value)]
    return parser.parse_args(argv)


def test_command_folder_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    args = _args(dataset=f"folder:{DATA / 'folder'}", systems="nothing,c4", json=out, workers=1)
    assert harness.command(args) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].split()[:3] == ["dataset", "rendering", "pages"]
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "docclean-eval/1"


def test_command_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert harness.command(_args(data=tmp_path / "missing", dataset="aeb")) == 2
    assert "not found" in capsys.readouterr().err
    assert harness.command(_args(dataset=f"folder:{DATA / 'folder'}", renderings="pdf")) == 2
    assert "unknown rendering" in capsys.readouterr().err


@pytest.mark.parametrize("limit", ["-1", "0", "x"])
def test_a_limit_below_one_page_is_a_usage_error(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    # before: `docclean eval --limit -1` printed an empty table and exited 0
    from pipeline.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["eval", "--limit", limit])
    assert stopped.value.code == 2
    assert f"argument --limit: expected a whole number of pages, at least 1 (got '{limit}')" in (
        capsys.readouterr().err
    )
    assert _args(limit=3).limit == 3


# -- gate -------------------------------------------------------------------------------------


def test_gate_logic_refuses_silent_lowering() -> None:
    gate = _load_gate()
    assert gate.check({"aeb/html": 0.949}, {"aeb/html": 0.95}, 0.005) == []
    assert gate.check({"aeb/html": 0.94}, {"aeb/html": 0.95}, 0.005)
    with pytest.raises(ValueError, match="allow-lower"):
        gate.updated({"aeb/html": 0.95}, {"aeb/html": 0.90}, allow_lower=False)
    assert gate.updated({"aeb/html": 0.95}, {"aeb/html": 0.9612}, allow_lower=False) == {"aeb/html": 0.961}


def test_floors_file_is_well_formed() -> None:
    floors = _load_gate().load_floors()
    assert set(floors) >= {"tolerance", "subset", "floors"}
    assert 0 <= floors["tolerance"] <= 0.02
    assert all(0.0 <= v <= 1.0 for v in floors["floors"].values())


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is absent")
def test_quality_gate_on_dev_data() -> None:
    """The CI gate: docclean on the fixed dev subset stays above the pinned floors (slow)."""
    pytest.importorskip("pipeline.run")
    gate = _load_gate()
    pinned = gate.load_floors()
    if not pinned["floors"]:
        pytest.skip("no floors pinned yet (benchmarks/quality/gate.py --update)")
    measured = gate.measure(SHARED, pinned["subset"])
    assert gate.check(measured, pinned["floors"], pinned["tolerance"]) == []


def test_a_negative_worker_count_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.evaluation.harness import main as eval_main

    with pytest.raises(SystemExit) as stop:
        eval_main(["--workers", "-1"])
    assert stop.value.code == 2
    assert "--workers: must not be negative (got -1)" in capsys.readouterr().err
