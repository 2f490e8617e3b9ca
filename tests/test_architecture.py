"""Architecture rules from DESIGN §2, checked on the source (parsed, never imported).

- No module under ``pipeline/`` imports prefect (only ``flows/`` does).
- One adapter module per third-party library: only ``pipeline/extract.py`` imports
  trafilatura, only ``pipeline/repair.py`` ftfy, only ``pipeline/language.py``
  langdetect, only ``pipeline/readers.py`` warcio, only ``pipeline/boilerplate/prefilter.py``
  pyahocorasick.
- No module-level name is bound twice in one module (the later binding would silently win).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PIPELINE = REPO / "pipeline"

ADAPTERS: dict[str, str] = {
    "trafilatura": "pipeline/extract.py",
    "ftfy": "pipeline/repair.py",
    "langdetect": "pipeline/language.py",
    "warcio": "pipeline/readers.py",
    "ahocorasick": "pipeline/boilerplate/prefilter.py",
}
FORBIDDEN_IN_PIPELINE = ("prefect", "prefect_dask", "dask", "distributed")

# Named exceptions, file by file (a new importer still fails). The evaluation harness runs
# trafilatura *alone* as a reference baseline to compare docclean against; it is not on the
# cleaning path, which goes through pipeline/extract.py only.
REFERENCE_BASELINES: dict[str, set[str]] = {
    "trafilatura": {"pipeline/evaluation/references.py", "pipeline/evaluation/renderings.py"},
}


def _python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _imported_modules(path: Path) -> Iterator[str]:
    """Top-level names of every absolute import in ``path``, wherever it appears (also inside functions)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        pytest.fail(f"cannot check imports of {path.relative_to(REPO)}: {exc}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value.split(".")[0]


def _importers() -> dict[str, set[str]]:
    """Module name -> set of repo-relative pipeline files importing it."""
    found: dict[str, set[str]] = {}
    for path in _python_files(PIPELINE):
        rel = path.relative_to(REPO).as_posix()
        for module in _imported_modules(path):
            found.setdefault(module, set()).add(rel)
    return found


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os.path\nfrom prefect import flow\n"
        "def f():\n    import ftfy\n    return __import__('warcio')\nfrom . import x\n",
        encoding="utf-8",
    )
    assert sorted(_imported_modules(sample)) == ["ftfy", "os", "prefect", "warcio"]


def test_pipeline_exists() -> None:
    assert _python_files(PIPELINE), "no Python files under pipeline/"


@pytest.mark.parametrize("module", FORBIDDEN_IN_PIPELINE)
def test_pipeline_never_imports_orchestration(module: str) -> None:
    offenders = sorted(_importers().get(module, set()))
    assert not offenders, f"{module} imported by {offenders}; orchestration belongs in flows/"


@pytest.mark.parametrize(("module", "adapter"), sorted(ADAPTERS.items()))
def test_one_adapter_module_per_library(module: str, adapter: str) -> None:
    allowed = {adapter} | REFERENCE_BASELINES.get(module, set())
    importers = _importers().get(module, set())
    assert importers <= allowed, f"{module} imported outside {adapter}: {sorted(importers - allowed)}"


def _rebound_names(path: Path) -> list[str]:
    """Module-level names bound more than once in ``path`` (assignments, functions, classes)."""
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            continue
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


def test_the_rebinding_check_sees_a_second_binding(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("_REACH = 8\ndef f():\n    return _REACH\n_REACH = 10\n", encoding="utf-8")
    assert _rebound_names(sample) == ["_REACH"]


def test_no_module_level_name_is_bound_twice() -> None:
    # a constant defined twice in one long module silently takes the later value everywhere
    # (classify.py had two ``_BYLINE_REACH``, 8 and 10; every use read 10)
    offenders = {
        path.relative_to(REPO).as_posix(): names
        for path in _python_files(PIPELINE) + _python_files(REPO / "flows")
        if (names := _rebound_names(path))
    }
    assert not offenders, f"module-level names bound twice: {offenders}"


def _readme_python_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks, inside, lines = [], False, []
    for line in text.splitlines():
        if line.strip() == "```python":
            inside, lines = True, []
        elif inside and line.strip() == "```":
            inside = False
            blocks.append("\n".join(lines))
        elif inside:
            lines.append(line)
    return blocks


def test_the_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # before: the README said the stages were plain functions; `stages()` gives (name, function)
    # pairs, and `for stage in stages(cfg): stage(doc)` failed with "'tuple' object is not callable"
    blocks = _readme_python_blocks()
    assert len(blocks) >= 2
    (tmp_path / "seeds").symlink_to(REPO / "seeds")
    monkeypatch.chdir(tmp_path)  # the examples read seeds/ and write output/ there
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "output" / "documents.jsonl").exists()
