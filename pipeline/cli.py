"""``docclean``: the command line.

    docclean run INPUT... [--output DIR] [--dedup drop|annotate|off] [--config FILE] [--state DIR] ...
    docclean explain OUTPUT_DIR ID
    docclean report OUTPUT_DIR [--out FILE] [--limit N]
    docclean validate OUTPUT_DIR
    docclean eval [--data DIR] ...
    docclean state info|compact|reset [--state DIR | --output DIR]

Exit status: 0 success, 1 the command ran but found problems (validate; report: damaged lines) or another
docclean error (e.g. a damaged state store: ``docclean state reset --yes`` moves it
aside), 2 bad arguments or configuration, 3 the state store is locked by another run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import os
import re
import signal
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.config import Config
from pipeline.errors import (
    ConfigError,
    DoccleanError,
    OutputDamagedError,
    RunInterrupted,
    StateLockedError,
    Terminated,
    os_reason,
)

log = logging.getLogger("docclean")


def _add_run(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="clean input files or folders into OUTPUT/documents.jsonl")
    p.add_argument(
        "inputs",
        nargs="+",
        help="files or folders (.txt/.text, .html/.htm/.xhtml, .jsonl/.ndjson, .warc; each optionally .gz)",
    )
    p.add_argument("-o", "--output", default="output", help="output folder (default: output)")
    p.add_argument(
        "--dedup", choices=["drop", "annotate", "off"], help="near-duplicate passages (default: drop)"
    )
    p.add_argument("--config", help="TOML config file (see docs/configuration.md)")
    p.add_argument("--state", help="state store folder (default: OUTPUT/.docclean-state)")
    p.add_argument("--rules", action="append", default=None, help="extra rule pack (TOML/YAML); repeatable")
    p.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    p.add_argument("--shard-size", type=int, help="documents per shard (default: auto, up to 200)")
    p.add_argument("--incremental", action="store_true", default=None, help="skip inputs processed before")
    p.add_argument("--gzip", action="store_true", default=None, help="write documents.jsonl.gz")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    p.set_defaults(func=cmd_run)


def _config_from(args: argparse.Namespace) -> Config:
    overrides: dict[str, Any] = {
        "dedup.mode": args.dedup,
        "run.state_dir": args.state,
        "run.workers": args.workers,
        "run.shard_size": args.shard_size,
        "run.incremental": args.incremental,
        "run.gzip": args.gzip,
        "boilerplate.rules": args.rules,
    }
    config = Config.load(args.config, overrides)
    state_dir = config.run.state_dir
    if args.state is None and state_dir is not None:
        # the run's own check says "--state ...": name the key of the file the folder came from
        shown = os.path.abspath(state_dir)
        if Path(shown).exists() and not Path(shown).is_dir():
            raise ConfigError(f"run.state_dir {shown} (config file {args.config}) exists and is not a folder")
    return config


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline import run as runner

    config = _config_from(args)
    the_plan = runner.plan(args.inputs, args.output, config)
    show = not args.quiet and sys.stderr.isatty()
    bar: Any = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=the_plan.estimated_documents, unit="doc", desc="cleaning", file=sys.stderr)
    try:
        summary = runner.run_plan(the_plan, bar.update if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        try:
            _print_summary(summary.to_dict(), Path(args.output), config.dedup.mode)
        except BrokenPipeError:
            raise  # `docclean run ... | head`: 141, as for any command
        except OSError as exc:
            # stdout on a full disk (`> /dev/full`): the run itself finished, its output and state
            # are written; before, "the run stopped" and exit 1 sent schedulers into a retry
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(
                    f"docclean: the run finished (output and state written) but its summary could"
                    f" not be printed: {os_reason(exc)}\n"
                )
    return 0


def _print_summary(s: dict[str, Any], output: Path, dedup_mode: str = "drop") -> None:
    out = sys.stdout
    grown = f", {s['appended_inputs']} read from where they grew" if s.get("appended_inputs") else ""
    if s.get("held_back_inputs"):
        grown += f", {s['held_back_inputs']} with an unfinished last line left for the next run"
    out.write(
        f"docclean: {s['documents']} documents written, {s['rejected']} rejected "
        f"({s['inputs']} inputs, {s['skipped_inputs']} skipped as unchanged{grown}) in {s['seconds']:.1f}s\n"
    )
    if s["removed_by_category"]:
        parts = ", ".join(f"{k} {v}" for k, v in s["removed_by_category"].items())
        out.write(f"  removed: {parts}\n")
    kept = " (listed, kept in the text: --dedup annotate)" if dedup_mode == "annotate" else ""
    dups, whole = s["duplicate_passages"], s["duplicate_documents"]
    out.write(f"  duplicates: {dups} passages{kept}, {whole} whole documents\n")
    if s["languages"]:
        out.write("  languages: " + ", ".join(f"{k} {v}" for k, v in list(s["languages"].items())[:8]) + "\n")
    if s["rejected_by_reason"]:
        out.write("  rejected: " + ", ".join(f"{k} {v}" for k, v in s["rejected_by_reason"].items()) + "\n")
    names = {"documents": "documents.jsonl", "rejected": "rejected.jsonl"}
    # the names this run wrote (an incremental run: documents-<run id>.jsonl)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        names.update(json.loads((output / "manifest.json").read_text(encoding="utf-8"))["outputs"])
    # a folder whose name is not UTF-8 as \xNN (a terminal set to UTF-8 cannot print it as it is)
    shown = os.fsencode(output).decode("utf-8", "backslashreplace")
    out.write(f"  output: {shown}/{names['documents']}, {shown}/{names['rejected']}, {shown}/manifest.json\n")


# -- explain --------------------------------------------------------------------------------------


def run_files(output_dir: Path, stem: str) -> list[Path]:
    """``<stem>.jsonl`` and incremental runs' ``<stem>-<run>.jsonl`` (optionally ``.gz``) in
    ``output_dir``, oldest first: ``<stem>.jsonl`` (a one-off run's, which sets every incremental
    file aside) before the incremental runs' files. Run ids start with the second the run started:
    two runs within one second are ordered by when their files were written.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> for name in ("documents-20261203T224833Z-da03fc1c.jsonl", "documents.jsonl", "rejected.jsonl",
    ...              "documents-my-notes.jsonl"):
    ...     _ = (out / name).write_text("")
    >>> [p.name for p in run_files(out, "documents")]
    ['documents.jsonl', 'documents-20261203T224833Z-da03fc1c.jsonl']
    """
    from pipeline.writers import RUN_ID

    bare = (f"{stem}.jsonl", f"{stem}.jsonl.gz")
    # only the names runs write: a user's documents-notes.jsonl beside them is no run's
    name = re.compile(rf"{re.escape(stem)}(-{RUN_ID})?\.jsonl(\.gz)?")
    return sorted(
        (p for p in output_dir.glob(f"{stem}*.jsonl*") if name.fullmatch(p.name)),
        key=lambda p: (
            p.name not in bare,  # "." sorts after "-": the one-off file came last, as the newest
            p.name[: len(f"{stem}-20260101T000000Z")],
            p.stat().st_mtime_ns,
            p.name,
        ),
    )


Damage = Callable[[Path, int, str], None]
"""Told of a damaged output line: ``(file, line number, reason)``."""


def iter_records(
    output_dir: Path, stem: str = "documents", on_damage: Damage | None = None
) -> Iterator[dict[str, Any]]:
    """The records of a run folder: ``documents.jsonl`` and, for incremental runs,
    every ``documents-<run>.jsonl`` (optionally ``.gz``), oldest first (``stem="rejected"``:
    the rejections, which may be none).

    A line no docclean run wrote (edited, not UTF-8, or cut short, also a ``.gz`` that ends
    early) raises :class:`OutputDamagedError` naming its file and line; with ``on_damage`` it is
    passed to ``on_damage(file, line, reason)`` instead and the reading goes on (a ``.gz``
    that ends early: with the next file).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "documents.jsonl").write_text('{"id": "a"}\\n{"id": "b\\n{"id": "c"}\\n')
    >>> damaged = []
    >>> [r["id"] for r in iter_records(out, on_damage=lambda f, n, why: damaged.append((f.name, n, why)))]
    ['a', 'c']
    >>> damaged  # doctest: +ELLIPSIS
    [('documents.jsonl', 2, 'not JSON: Unterminated string...')]
    """
    files = run_files(output_dir, stem)
    if not files and stem == "documents":
        raise ConfigError(f"{output_dir} has no documents*.jsonl: is it a docclean output folder?")
    for path in files:
        for n, rec, problem in _read_run_file(path):
            if rec is not None:
                yield rec
            elif on_damage is None:
                raise OutputDamagedError(
                    f"{path}:{n} is not a docclean record ({problem}); was the file edited or cut short?"
                )
            else:
                on_damage(path, n, problem)


def _read_run_file(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """``(line number, record, "")`` per record of one output file, ``(line number, None,
    reason)`` per damaged line; blank lines are skipped. A compressed file that ends early
    ends with its damaged line (decompressing cannot go on past it)."""
    for n, raw, problem in _run_file_lines(path):
        if raw is None:
            yield n, None, problem
        else:
            rec, problem = _parse_record(raw)
            yield n, rec, problem


def _run_file_lines(path: Path) -> Iterator[tuple[int, bytes | None, str]]:
    """``(line number, line, "")`` per line of one output file that is not blank, not parsed;
    ``(line number, None, reason)`` where a compressed file ends early or is damaged (the last)."""
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "rb") as fh:
        lines = iter(fh)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                return
            except (EOFError, zlib.error, gzip.BadGzipFile) as exc:  # a .gz cut short or damaged
                yield n + 1, None, f"the compressed file ends early or is damaged ({exc})"
                return
            n += 1
            if raw.strip():
                yield n, raw, ""


def _parse_record(raw: bytes) -> tuple[dict[str, Any] | None, str]:
    """One output line as ``(record, "")``, or ``(None, why it is not a docclean record)``.

    >>> _parse_record(b'{"id": "a"}\\n')
    ({'id': 'a'}, '')
    >>> _parse_record(b'{"id": "cu')
    (None, 'not JSON: Unterminated string starting at')
    >>> _parse_record(b"[1, 2]"), _parse_record(b'"caf\\xe9"')
    ((None, 'no string id'), (None, 'not UTF-8'))
    """
    try:
        rec = json.loads(raw.strip().decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except json.JSONDecodeError as exc:
        return None, f"not JSON: {exc.msg}"
    if isinstance(rec, dict) and isinstance(rec.get("id"), str):
        return rec, ""
    return None, "no string id"


def _add_explain(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("explain", help="show one document with every removal marked by category and rule")
    p.add_argument("output_dir", type=Path)
    p.add_argument("id", help="document id (as in documents.jsonl or rejected.jsonl)")
    p.set_defaults(func=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    from pipeline.explain import explain

    sys.stdout.write(explain(args.output_dir, args.id))
    return 0


# -- validate -------------------------------------------------------------------------------------


def _add_validate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check every record of a run against the JSON Schema and each file against its manifest",
    )
    p.add_argument("output_dir", type=Path)
    p.set_defaults(func=cmd_validate)


_REJECTION_KEYS = ("schema", "id", "source", "reason", "message")
"""What every line of ``rejected.jsonl`` holds (:func:`pipeline.writers.rejection_record`)."""


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every record of a run against the JSON Schema (and for what it cannot say: an id
    unique in the output, each removal's ``at`` inside the text), and every rejection for its
    fields; each file against its run's manifest; exit 1 when anything is wrong.

    Every problem is reported, one line each, and the check goes on: up to three schema
    errors per record, a rejection without its fields, and every damaged line (``FILE:LINE:
    reason``: edited, not UTF-8, cut short; a ``.gz`` that ends early, after which its file's
    remaining lines cannot be read). The last line counts records, schema errors (rejections
    without their fields among them) and damaged lines.
    """
    import jsonschema

    from pipeline.writers import record_schema

    validator = jsonschema.Draft202012Validator(record_schema())
    bad = 0
    damaged = 0
    n = 0

    def on_damage(path: Path, line: int, problem: str) -> None:
        nonlocal damaged
        damaged += 1
        sys.stdout.write(f"{path}:{line}: not a docclean record ({problem})\n")

    ids: set[str] = set()
    for n, rec in enumerate(iter_records(args.output_dir, on_damage=on_damage), 1):
        errors = sorted(validator.iter_errors(rec), key=lambda e: list(e.path))
        for err in errors[:3]:
            bad += 1
            where = "/".join(str(p) for p in err.path) or "(record)"
            sys.stdout.write(f"record {n} ({rec.get('id')!r}): {where}: {err.message}\n")
        # what the schema cannot say: ids are unique, a removal stood inside the text
        for problem in _record_problems(rec, ids)[: 3 - min(3, len(errors))]:
            bad += 1
            sys.stdout.write(f"record {n} ({rec.get('id')!r}): {problem}\n")
    # the rejections too (before, a damaged rejected.jsonl passed, and `explain` then failed on it)
    for k, rej in enumerate(iter_records(args.output_dir, "rejected", on_damage=on_damage), 1):
        missing = [key for key in _REJECTION_KEYS if not isinstance(rej.get(key), str)]
        if missing:
            bad += 1
            sys.stdout.write(f"rejection {k} ({rej.get('id')!r}): no {', '.join(missing)}\n")
    # every file as long as its run's manifest says (before, a documents.jsonl cut at a line's
    # end, or one beside another run's manifest, passed)
    short = 0
    for problem in _manifest_mismatches(args.output_dir):
        short += 1
        sys.stdout.write(problem + "\n")
    sys.stdout.write(
        f"{n} records, {bad} schema errors, {damaged} damaged lines, {short} files unlike their manifest\n"
    )
    return 0 if bad == 0 and damaged == 0 and short == 0 else 1


def _record_problems(rec: dict[str, Any], ids: set[str]) -> list[str]:
    """What is wrong with a record that its schema does not see: an id that an earlier record of the
    output has (``ids``, which this one joins), a removal's or a duplicate's ``at`` outside the text.

    >>> seen = set()
    >>> _record_problems({"id": "a", "text": "abc", "removed": [{"at": 3}, {"at": 9}]}, seen)
    ['removed/1/at: 9 is outside the text (3 characters)']
    >>> _record_problems({"id": "a", "text": "abc"}, seen)
    ["id: 'a' is the id of an earlier record"]
    """
    problems = []
    rid = rec.get("id")
    if isinstance(rid, str):
        if rid in ids:
            problems.append(f"id: {rid!r} is the id of an earlier record")
        ids.add(rid)
    text = rec.get("text")
    if isinstance(text, str):
        for key in ("removed", "duplicates"):
            items = rec.get(key)
            for i, item in enumerate(items if isinstance(items, list) else []):
                at = item.get("at") if isinstance(item, dict) else None
                if isinstance(at, int) and not isinstance(at, bool) and not 0 <= at <= len(text):
                    problems.append(f"{key}/{i}/at: {at} is outside the text ({len(text)} characters)")
    return problems


def _manifest_mismatches(output_dir: Path) -> Iterator[str]:
    """A line for every output file whose lines are not as many as its run's manifest says
    (``summary.documents`` and ``summary.rejected`` of ``manifest.json`` and, for incremental
    runs, each ``manifest-<run>.json``); files set aside since are not looked at, nor files no
    manifest names any more (a one-off run's ``documents.jsonl`` once an incremental run wrote
    ``manifest.json`` over its manifest).

    >>> import json, tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "documents.jsonl").write_text('{"id": "a"}\\n')
    >>> manifest = {"outputs": {"documents": "documents.jsonl"}, "summary": {"documents": 2}}
    >>> _ = (out / "manifest.json").write_text(json.dumps(manifest))
    >>> list(_manifest_mismatches(out))  # doctest: +ELLIPSIS
    ['.../documents.jsonl: 1 lines, but manifest.json says 2 documents']
    """
    from pipeline.writers import RUN_ID

    checked: set[str] = set()
    if not (output_dir / "manifest.json").is_file() and any(output_dir.glob("documents*.jsonl*")):
        yield f"{output_dir}: no manifest.json beside its documents (every run writes one)"
    # manifest.json and each incremental run's manifest-<run>.json, not a user's manifest-notes.json
    ours = re.compile(rf"manifest(-{RUN_ID})?\.json")
    for manifest in sorted(p for p in output_dir.glob("manifest*.json") if ours.fullmatch(p.name)):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            yield f"{manifest}: not a docclean manifest ({exc})"
            continue
        outputs, summary = data.get("outputs") or {}, data.get("summary") or {}
        for kind in ("documents", "rejected"):
            name, want = outputs.get(kind), summary.get(kind)
            if not isinstance(name, str) or not isinstance(want, int) or name in checked:
                continue
            checked.add(name)
            path = output_dir / name
            if not path.is_file():
                continue  # set aside by a later run
            got = sum(1 for _ in _run_file_lines(path))  # counted, not parsed again
            if got != want:
                yield f"{path}: {got} lines, but {manifest.name} says {want} {kind}"


# -- state ----------------------------------------------------------------------------------------


def _add_state(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "state",
        help="inspect or maintain a state store (dedup index, templates, inputs); "
        "default: output/.docclean-state",
        description="Inspect or maintain a state store. Without --state or --output: the store of "
        "the output folder ./output (output/.docclean-state).",
    )
    p.add_argument("action", choices=["info", "compact", "reset"])
    g = p.add_mutually_exclusive_group()
    g.add_argument("--state", help="state folder")
    g.add_argument(
        "--output",
        default="output",
        help="output folder whose default state (OUTPUT/.docclean-state) to use; "
        "default: output, when neither --state nor --output is given",
    )
    p.add_argument("--yes", action="store_true", help="confirm reset")
    p.set_defaults(func=cmd_state)


def cmd_state(args: argparse.Namespace) -> int:
    from pipeline.run import default_state_dir
    from pipeline.state import DB_NAME, State

    state_dir = args.state or default_state_dir(args.output)
    if not args.state and Path(args.output).exists() and not Path(args.output).is_dir():
        raise ConfigError(f"--output {args.output} exists and is not a folder")  # as `docclean run` says
    if Path(state_dir).exists() and not Path(state_dir).is_dir():
        raise ConfigError(f"--state {state_dir} exists and is not a folder")
    if not (Path(state_dir) / DB_NAME).exists():
        # nothing to show, compact or forget (a damaged store has its file, and reset recovers it);
        # before, `reset --output typo --yes` made typo/.docclean-state and said "done"
        sys.stdout.write(f"no state store at {state_dir}\n")
        return 0
    if args.action == "info":
        with State.open(state_dir, readonly=True) as st:
            sys.stdout.write(json.dumps(st.info(), indent=2, sort_keys=True) + "\n")
        return 0
    if args.action == "reset" and not args.yes:
        raise ConfigError("state reset forgets every passage and input seen so far; add --yes to confirm")
    # reset is the way out of a damaged store: it moves the damaged file aside (under the lock)
    with State.open(state_dir, recover=args.action == "reset") as st:
        if args.action == "compact":
            st.compact()
        else:
            st.reset()
        st.commit()
        moved = st.moved_aside
    if moved is not None:
        sys.stdout.write(f"state reset: the damaged store was moved aside to {moved}; made a fresh one\n")
    sys.stdout.write(f"state {args.action}: done ({state_dir})\n")
    return 0


# -- optional subcommands provided by other modules -------------------------------------------------


def _add_module_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, module: str, help_text: str
) -> None:
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - only while a module is missing
        log.debug("command %s unavailable: %s", name, exc)
        return
    p = sub.add_parser(name, help=help_text)
    mod.add_arguments(p)
    p.set_defaults(func=mod.command)


def _version() -> str:
    """The installed package's version and the record schema it writes ("docclean 0.1.0 (records
    docclean/1)")."""
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.document import SCHEMA

    try:
        installed = version("docclean")
    except PackageNotFoundError:  # run from a checkout that was never installed
        installed = "unknown"
    return f"docclean {installed} (records {SCHEMA})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docclean", description="Clean news and web articles into versioned, deterministic JSONL."
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)
    _add_run(sub)
    _add_explain(sub)
    _add_module_command(sub, "report", "pipeline.report", "write a self-contained HTML review page of a run")
    _add_validate(sub)
    _add_module_command(
        sub, "eval", "pipeline.evaluation.harness", "score docclean and references on gold data"
    )
    _add_state(sub)
    for command in sub.choices.values():  # also after the command: `docclean run IN -v`
        command.add_argument(
            "-v", "--verbose", action="count", default=argparse.SUPPRESS, help="more logging (-vv for debug)"
        )
    return parser


def _closed_streams_to_devnull() -> None:
    """A standard stream closed by the caller (``2>&-``, some daemons) is ``None`` in Python:
    point it at ``os.devnull``. Before, ``sys.stderr.isatty()`` then stopped a run before it
    started, and the summary after a finished run ended in a traceback."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (process-long)


def main(argv: Sequence[str] | None = None) -> int:
    _closed_streams_to_devnull()
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        # trafilatura logs each page it cannot parse at ERROR; docclean rejects that page with
        # a record saying why, so its lines are noise on a terminal (shown with -v)
        # extract.EXTRACTION_LOGGERS, spelt out: importing extract would load trafilatura here
        for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    with sigterm_as_interrupt():
        return run_command(lambda: args.func(args))


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """For the block, SIGTERM raises :class:`~pipeline.errors.Terminated` (a
    ``KeyboardInterrupt``) in the main thread, so that a run stopped by a scheduler, ``timeout``
    or ``kill`` stops as on Ctrl-C: its workers stopped, its work folder removed, output and
    state as they were. Before, SIGTERM killed the driver at once and left its worker processes
    running, orphaned. Not in another thread (no handler can be set there), nor when SIGTERM is
    ignored (the caller's choice).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.getsignal(signal.SIGTERM)
    if previous == signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt_status(exc: BaseException) -> int:
    """130 for Ctrl-C, 143 (128 + SIGTERM) for a :class:`~pipeline.errors.Terminated` run."""
    by_sigterm = isinstance(exc, Terminated) or isinstance(exc.__cause__, Terminated)
    return 128 + (signal.SIGTERM if by_sigterm else signal.SIGINT)


def run_command(command: Callable[[], int]) -> int:
    """Run ``command`` and return its exit status, turning docclean's errors into one line on
    stderr (``docclean: message``) and the status they stand for: 3 the state store is locked,
    2 bad arguments or configuration, 1 another docclean error or an OS error (a full disk),
    130 Ctrl-C (the line says whether output and state are as they were, or already written),
    143 the same for SIGTERM (with :func:`sigterm_as_interrupt`), 141 a reader that left the
    pipe. Anything else (a bug) keeps its traceback.

    Shared by ``docclean`` and the Prefect flow's command line (``python -m flows.clean_documents``).

    >>> def bad() -> int:
    ...     raise ConfigError("dedup.mode must be one of drop, annotate, off (got 'maybe')")
    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as err:
    ...     run_command(bad)
    2
    >>> err.getvalue()
    "docclean: dedup.mode must be one of drop, annotate, off (got 'maybe')\\n"
    """
    try:
        return command()
    except StateLockedError as exc:
        sys.stderr.write(f"docclean: {exc}\n")
        return 3
    except ConfigError as exc:
        sys.stderr.write(f"docclean: {exc}\n")
        return 2
    except DoccleanError as exc:
        sys.stderr.write(f"docclean: {exc}\n")
        return 1
    except RunInterrupted as exc:  # Ctrl-C once the output was being published
        sys.stderr.write(f"docclean: {exc}\n")
        return _interrupt_status(exc)
    except KeyboardInterrupt as exc:
        what = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        sys.stderr.write(f"docclean: {what}; output and state are unchanged\n")
        return _interrupt_status(exc)
    except BrokenPipeError:  # `docclean ... | head`: the reader left; the work itself is done
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:  # the machine's, not the input's: a full disk, a folder gone
        log.debug("the run stopped", exc_info=True)  # with -v: where (it may be a bug of ours)
        sys.stderr.write(f"docclean: the run stopped: {os_reason(exc)}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
