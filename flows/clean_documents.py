"""The Prefect flow: a thin, observable shell over :mod:`pipeline.run`.

The flow does no cleaning of its own. It calls the same four library functions
``docclean run`` calls, in the same order, so a flow run and a CLI run over the
same inputs and config write the same bytes:

    plan (task, in the flow process)
      -> clean_shard (task, mapped: ONE task run per shard, never per document)
      -> finish (task, in the flow process: dedup + templates + atomic write + state commit)
      -> summary logged and published as the table artifact ``docclean-run-summary``

Where the map runs (the flow's task runner) is chosen when this module is
imported, from the environment, or per call with :func:`make_task_runner` and
``clean_documents.with_options(task_runner=...)``:

``DOCCLEAN_TASK_RUNNER=process`` (default)
    :class:`~prefect.task_runners.ProcessPoolTaskRunner`, one process per core
    (``DOCCLEAN_WORKERS`` to change). The per-document stages are CPU-bound
    pure Python, so threads would serialise on the GIL.
``DOCCLEAN_TASK_RUNNER=thread``
    :class:`~prefect.task_runners.ThreadPoolTaskRunner`; no subprocesses, handy
    for debugging.
``DOCCLEAN_TASK_RUNNER=dask``
    :class:`prefect_dask.DaskTaskRunner` on a temporary ``distributed.LocalCluster``
    (one single-threaded worker process per core).
``DOCCLEAN_DASK_ADDRESS=tcp://scheduler:8786``
    :class:`prefect_dask.DaskTaskRunner` on an existing Dask cluster (implies ``dask``).

Whatever runs the map, ``finish`` receives the shard results in shard order, and
the reduce is ordered (canonical document order), so the output of a Dask or
process-pool run equals the output of a local run byte for byte.

Command line (used by ``make run``)::

    python -m flows.clean_documents [INPUT ...] [--output DIR] [--dedup drop|annotate|off]
        [--config FILE] [--state-dir DIR] [--shard-size N] [--incremental]
        [--task-runner process|thread|dask] [--workers N]
        [--dask-address tcp://host:8786]
    python -m flows.clean_documents serve [--name nightly] [--cron "0 2 * * *"] [INPUT ...] ...

``serve`` registers the nightly deployment on a running Prefect server and
executes its scheduled runs in this process (no work pool needed); see
docs/orchestration.md.
"""

# No `from __future__ import annotations` here: Prefect builds the parameter model from the
# flow's annotations, and when a served deployment loads this file the string forms could not
# be resolved (`DedupChoice` "not fully defined"). Real annotation objects always work.

import argparse
import contextlib
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from prefect import Task, flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, wait
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_CLIENT_MAX_RETRIES,
    PREFECT_SERVER_EPHEMERAL_ENABLED,
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    get_current_settings,
    temporary_settings,
)
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from pipeline.cli import run_command
from pipeline.config import Config
from pipeline.errors import ConfigError, TransientError
from pipeline.run import (
    MAP_RETRY_DELAYS,
    RunPlan,
    RunSummary,
    ShardResult,
    ShardTask,
    check,
    check_state_unchanged,
    clean_shard,
    finish,
    plan,
)
from pipeline.state import State as StateStore

__all__ = [
    "ARTIFACT_KEY",
    "DedupChoice",
    "TaskRunnerKind",
    "clean_documents",
    "main",
    "make_task_runner",
    "serve_nightly",
]

ARTIFACT_KEY = "docclean-run-summary"
"""Key of the table artifact each flow run publishes (one version per run)."""

EPHEMERAL_STARTUP_TIMEOUT_S = 180
"""Seconds the command line waits for Prefect's temporary server (first start migrates a database)."""

EPHEMERAL_CLIENT_RETRIES = 2
"""API retries of a command-line run on Prefect's temporary server (Prefect's default is 5). The
server is a child of the command: a SIGTERM to the process group (a scheduler's or ``timeout``'s
stop) ends it with the run, and with 5 retries and their back-off the run then spent over two
minutes reporting its crash to the dead server before it exited; with 2 it exits in about 20 s.
A local server's transient errors (a busy SQLite database) still get two more tries."""

NIGHTLY_CRON = "0 2 * * *"
"""The nightly schedule, in UTC (same as flows/prefect.yaml)."""

DedupChoice = Literal["drop", "annotate", "off"]
TaskRunnerKind = Literal["process", "thread", "dask"]
_RUNNER_KINDS: tuple[TaskRunnerKind, ...] = ("process", "thread", "dask")


# -- task runner selection ------------------------------------------------------------------


def _cores() -> int:
    """Cores this process may use (respects CPU affinity / container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def make_task_runner(
    kind: str | None = None,
    address: str | None = None,
    workers: int | None = None,
) -> TaskRunner[Any]:
    """Build the task runner for the map side.

    Arguments default to the environment: ``DOCCLEAN_TASK_RUNNER`` (``process``,
    ``thread`` or ``dask``; default ``process``), ``DOCCLEAN_DASK_ADDRESS`` (an
    existing scheduler; implies ``dask``, and any other runner asked for is an error) and
    ``DOCCLEAN_WORKERS`` (processes or threads; default: all cores).

    >>> type(make_task_runner("thread", workers=2)).__name__
    'ThreadPoolTaskRunner'
    >>> make_task_runner("gpu")
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: DOCCLEAN_TASK_RUNNER must be one of process, thread, dask (got 'gpu')
    >>> make_task_runner("process", address="tcp://scheduler:8786")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: a Dask scheduler address is set (tcp://scheduler:8786) but the ...
    """
    address = address or os.environ.get("DOCCLEAN_DASK_ADDRESS") or None
    chosen = (kind or os.environ.get("DOCCLEAN_TASK_RUNNER") or ("dask" if address else "process")).lower()
    if chosen not in _RUNNER_KINDS:
        raise ConfigError(f"DOCCLEAN_TASK_RUNNER must be one of {', '.join(_RUNNER_KINDS)} (got {chosen!r})")
    if address and chosen != "dask":
        # before: the address was ignored without a word, and the run stayed on this machine
        raise ConfigError(
            f"a Dask scheduler address is set ({address}) but the task runner is {chosen!r}: "
            "choose dask (DOCCLEAN_TASK_RUNNER=dask or --task-runner dask), or leave the runner unset, "
            "to run on that cluster"
        )
    if workers is None:
        env_workers = os.environ.get("DOCCLEAN_WORKERS", "").strip()
        if env_workers and not env_workers.isdigit():
            raise ConfigError(
                f"DOCCLEAN_WORKERS must be a whole number, 0 for all cores (got {env_workers!r})"
            )
        workers = int(env_workers) if env_workers else 0
    n = workers if workers > 0 else _cores()
    if chosen == "thread":
        return ThreadPoolTaskRunner(max_workers=n)
    if chosen == "process":
        return ProcessPoolTaskRunner(max_workers=n)
    # Imported lazily: distributed is heavy and only needed for this runner.
    from prefect_dask.task_runners import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={"n_workers": n, "processes": True, "threads_per_worker": 1},
    )


def _environment_runner() -> TaskRunner[Any]:
    """The flow's default task runner, as the environment asks (:func:`make_task_runner`).

    A bad ``DOCCLEAN_*`` value must not break importing this module (a traceback before the
    command line could say what is wrong): the default runner is used for the definition, and
    the error is kept in :data:`_ENVIRONMENT_ERROR`, raised when a flow run or the command line
    starts."""
    global _ENVIRONMENT_ERROR
    try:
        return make_task_runner()
    except ConfigError as exc:
        _ENVIRONMENT_ERROR = exc
        return ProcessPoolTaskRunner(max_workers=_cores())


_ENVIRONMENT_ERROR: ConfigError | None = None
"""A bad ``DOCCLEAN_TASK_RUNNER`` / ``DOCCLEAN_WORKERS`` found when the flow was defined."""
_ENVIRONMENT_RUNNER = _environment_runner()
"""The flow's default runner (the environment's; the default one when that is bad)."""


def _check_environment() -> None:
    """In a flow run: raise the environment's runner error, unless the run has a runner chosen
    explicitly (``with_options(task_runner=...)``: the command line's options, or
    :func:`serve_nightly`'s ``task_runner``), which replaces the environment's (before,
    ``--task-runner dask`` could not override ``DOCCLEAN_TASK_RUNNER=process`` beside an address).
    """
    if _ENVIRONMENT_ERROR is None:
        return
    context = FlowRunContext.get()
    running = context.flow if context is not None else None
    if running is None or running.task_runner is _ENVIRONMENT_RUNNER:
        raise _ENVIRONMENT_ERROR


# -- tasks ------------------------------------------------------------------------------------


def _retry_on_io(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Retry a failed shard only when it failed on I/O (``TransientError`` or ``OSError``).

    Anything else (a bug, a ``ConfigError``) fails fast: retrying it would only
    repeat the same failure. Per-document problems never get here; they become
    rejected records inside the shard.
    """
    try:
        state.result()
    except (TransientError, OSError):
        return True
    except BaseException:
        return False
    return False


# No caching anywhere: inputs are paths whose contents (and the state store) change
# between runs, so a cached result keyed on parameters would be stale.
@task(name="plan", cache_policy=NO_CACHE)
def plan_task(inputs: list[str], output: str, config: Config) -> RunPlan:
    """Discover the inputs (minus those already processed, when incremental) and cut shards."""
    return plan(inputs, output, config)


@task(
    name="clean-shard",
    task_run_name="clean-shard-{shard.index}",
    cache_policy=NO_CACHE,
    retries=len(MAP_RETRY_DELAYS),  # the policy of `docclean run` (pipeline.run.map_shards)
    retry_delay_seconds=list(MAP_RETRY_DELAYS),
    retry_condition_fn=_retry_on_io,
)
def clean_shard_task(shard: ShardTask) -> ShardResult:
    """Run the per-document stages over one shard (read .. signatures).

    Takes the shard's own small task, not the run plan: the plan lists every input file,
    and a task runner serialises the arguments of every task it submits.
    """
    return clean_shard(shard)


@task(name="finish", cache_policy=NO_CACHE)
def finish_task(run_plan: RunPlan, results: list[ShardResult], store: StateStore | None = None) -> RunSummary:
    """Reduce (ordered dedup, site templates), write the output atomically, commit state.

    ``store``: the state store the flow opened (and locked) before the map; the task runs in
    the flow's process. Without it the task opens the store itself. The store holds an SQLite
    connection, usable only in the thread that opened it: this task must run where the flow
    runs (a synchronous call, as now; not submitted to a task runner, nor given a timeout,
    which Prefect enforces from another thread).
    """
    return finish(run_plan, results, state=store)


# -- flow -------------------------------------------------------------------------------------


@contextlib.contextmanager
def _api_for_workers() -> Iterator[None]:
    """Point task-runner workers at the API server this flow run already uses.

    Without ``PREFECT_API_URL`` the flow talks to Prefect's temporary local server,
    and every worker process (process pool, Dask) would start a temporary server
    of its own: seconds each, and several writers on one SQLite file. Process
    pool and Dask workers inherit the settings current at submit time, so set the
    URL of the one running server around the submits. With a real server
    configured this does nothing.
    """
    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the process-wide instance the flow's client started
    server.start()  # no-op when already running
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def _summary_markdown(inputs: Sequence[str], output: str, dedup: str, shards: int) -> str:
    return (
        f"docclean run over {', '.join(inputs)} into `{output}` "
        f"(dedup={dedup}, {shards} shard{'s' if shards != 1 else ''}): "
        "documents written and rejected, removals per category, languages, duplicates, seconds."
    )


MAX_IN_FLIGHT = 64
"""Shard tasks submitted ahead of the oldest unfinished one (enough for a 64-worker cluster).

Each task carries its shard's item list: submitting every shard at once would build the
whole corpus's list in the flow's process (the plan itself keeps input files compactly).
"""


def _submit_windowed(run_plan: RunPlan, n_shards: int) -> list[PrefectFuture[ShardResult]]:
    """Submit ``clean-shard`` per shard, at most :data:`MAX_IN_FLIGHT` ahead of the oldest unsettled one."""
    futures: list[PrefectFuture[ShardResult]] = []
    for index in range(n_shards):
        if index >= MAX_IN_FLIGHT:
            futures[index - MAX_IN_FLIGHT].wait()
        futures.append(clean_shard_task.submit(run_plan.task(index)))
    return futures


@flow(
    name="clean-documents",
    description="Clean news/web articles into deterministic JSONL (docclean).",
    task_runner=_ENVIRONMENT_RUNNER,
    log_prints=False,
    validate_parameters=True,
)
def clean_documents(
    inputs: list[str] = ["seeds"],  # noqa: B006 - a Prefect parameter default, never mutated
    output: str = "output",
    dedup: DedupChoice | None = None,
    config_file: str | None = None,
    state_dir: str | None = None,
    shard_size: int | None = None,
    incremental: bool | None = None,
) -> dict[str, Any]:
    """Clean ``inputs`` into ``output`` (``documents.jsonl``, ``rejected.jsonl``, ``manifest.json``).

    Args:
        inputs: Files or directories (txt, html, jsonl, warc; optionally gzipped).
        output: Output directory.
        dedup: ``drop`` removes near-duplicate passages, ``annotate`` only lists them, ``off``;
            default: the config file's ``dedup.mode``, else ``drop``.
        config_file: Optional TOML config; the parameters given override it.
        state_dir: State store (dedup index, site templates, processed inputs); default
            ``<output>/.docclean-state``. Dedup always runs against it, so later runs never
            repeat passages kept by earlier ones.
        shard_size: Documents per shard, i.e. per ``clean-shard`` task run.
        incremental: Skip inputs an earlier run with this state already processed (same path,
            size and hash) and write this run's records to ``documents-<run id>.jsonl`` beside
            earlier runs' files. Default: the config file's ``run.incremental``, else off
            (one-off runs write ``documents.jsonl``); the nightly deployment turns it on.

    Returns:
        The run summary (``RunSummary.to_dict()``).
    """
    _check_environment()
    logger = get_run_logger()
    # ConfigError surfaces here, before any work starts.
    config = _config(config_file, dedup, state_dir, shard_size, incremental)
    run_plan = plan_task(list(inputs), output, config)
    n_shards = len(run_plan.shards)
    logger.info("planned %d shard(s) over %s -> %s", n_shards, ", ".join(inputs), output)

    try:
        # As `docclean run` does: open (lock, check) the state store before the map, so that a
        # store another run holds, or a damaged one, fails the run now, not after every shard.
        with StateStore.open(run_plan.state_dir) as store:
            check_state_unchanged(run_plan, store)  # another run committed since the plan: stop now
            with _api_for_workers():
                futures = _submit_windowed(run_plan, n_shards)
                wait(futures)  # every shard settled (retries included) before anything is cleaned up
                # Results in shard order, whatever order they finished in: the reduce is ordered.
                results = [future.result() for future in futures]
            summary = finish_task(run_plan, results, store)
    except BaseException:
        # As `docclean run` does: drop this run's spilled shards; output and state stay as they were.
        shutil.rmtree(run_plan.work_dir, ignore_errors=True)
        raise

    rows = summary.table()
    width = max((len(str(row.get("metric", ""))) for row in rows), default=0)
    logger.info(
        "run summary:\n%s",
        "\n".join(f"  {row.get('metric', '')!s:<{width}}  {row.get('value', '')}" for row in rows),
    )
    create_table_artifact(
        key=ARTIFACT_KEY,
        table=rows,
        description=_summary_markdown(inputs, output, config.dedup.mode, n_shards),
    )
    return summary.to_dict()


def _config(
    config_file: str | None,
    dedup: str | None,
    state_dir: str | None,
    shard_size: int | None,
    incremental: bool | None,
) -> Config:
    """The run's config: ``config_file`` (TOML) overridden by the flow's parameters that are not
    None (a parameter left out keeps the file's value).

    >>> import tempfile, pathlib
    >>> toml = pathlib.Path(tempfile.mkdtemp()) / "c.toml"
    >>> _ = toml.write_text("[dedup]\\nmode = 'annotate'\\n[run]\\nincremental = true\\n")
    >>> cfg = _config(str(toml), None, None, None, None)
    >>> cfg.dedup.mode, cfg.run.incremental
    ('annotate', True)
    >>> cfg = _config(str(toml), "off", None, None, False)
    >>> cfg.dedup.mode, cfg.run.incremental
    ('off', False)
    """
    overrides: dict[str, Any] = {
        "dedup.mode": dedup,
        "run.state_dir": state_dir,
        "run.shard_size": shard_size,
        "run.incremental": incremental,
    }
    return Config.load(config_file, overrides=overrides)


# -- serving and the command line ---------------------------------------------------------


NIGHTLY_OUTPUT = "output/nightly"
"""Where the nightly deployment writes: not ``output/`` itself, which one-off runs (``make run``)
replace (a one-off run sets the incremental files beside its documents.jsonl aside)."""


def serve_nightly(
    name: str = "nightly",
    cron: str = NIGHTLY_CRON,
    parameters: dict[str, Any] | None = None,
    task_runner: TaskRunner[Any] | None = None,
) -> None:
    """Register the nightly deployment and run its schedule in this process (no work pool).

    Needs a real Prefect server (``prefect server start`` and ``PREFECT_API_URL``);
    blocks until interrupted. Incremental by default: the state store keeps the
    inputs already processed, so each night only new or changed inputs are cleaned.
    ``task_runner``: the scheduled runs' runner (default: the environment's,
    :func:`make_task_runner`); Prefect hands the served flow object, with it, to each run.
    One run at a time, as with ``flows/prefect.yaml``'s ``concurrency_limit: 1`` (the state
    store admits one writer): a run due while another is running waits for it
    (``AwaitingConcurrencySlot``, then runs) instead of failing with ``StateLockedError``.
    """
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron

    params: dict[str, Any] = {"inputs": ["seeds"], "output": NIGHTLY_OUTPUT, "incremental": True}
    params.update(parameters or {})
    the_flow = clean_documents
    if task_runner is not None:
        the_flow = clean_documents.with_options(task_runner=task_runner)
    the_flow.serve(
        name=name,
        schedules=[Cron(cron, timezone="UTC")],
        parameters=params,
        tags=["docclean"],
        description="Nightly incremental docclean run.",
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m flows.clean_documents",
        description="Run the clean-documents Prefect flow (or `serve` it on a schedule).",
    )
    parser.add_argument("inputs", nargs="*", default=["seeds"], help="files or directories (default: seeds)")
    parser.add_argument(
        "--output",
        "-o",
        default=None,
        help=f"output directory (default: output; {NIGHTLY_OUTPUT} for `serve`)",
    )
    parser.add_argument(
        "--dedup",
        choices=["drop", "annotate", "off"],
        default=None,
        help="default: the config file's dedup.mode, else drop",
    )
    parser.add_argument("--config", dest="config_file", default=None, help="TOML config file")
    parser.add_argument("--state-dir", default=None, help="state store (default: OUTPUT/.docclean-state)")
    parser.add_argument("--shard-size", type=int, default=None, help="documents per shard / task")
    parser.add_argument(
        "--incremental",
        action="store_true",
        default=None,
        help="skip inputs processed before (default: the config's run.incremental, else off; on for `serve`)",
    )
    parser.add_argument("--task-runner", choices=list(_RUNNER_KINDS), default=None)
    parser.add_argument("--dask-address", default=None, help="existing Dask scheduler, tcp://host:8786")
    parser.add_argument("--workers", type=int, default=None, help="processes/threads (default: all cores)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m flows.clean_documents``.

    Exit status as ``docclean run``'s (:func:`pipeline.cli.run_command`, with the same one-line
    messages): the config, the inputs named, the output and state folders and the state
    store's lock are checked before a flow run starts (or Prefect's server), so an unusable
    argument is exit 2 (a locked store 3, a damaged one 1), not a failed flow run.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    serve = bool(args_list) and args_list[0] == "serve"
    parser = _parser()
    if serve:
        parser.add_argument("--name", default="nightly", help="deployment name (default: nightly)")
        parser.add_argument("--cron", default=NIGHTLY_CRON, help="cron, UTC (default: 0 2 * * *)")
        args_list = args_list[1:]
    args = parser.parse_args(args_list)
    return run_command(lambda: _run(args, serve))


def _run(args: argparse.Namespace, serve: bool) -> int:
    """Check the arguments as a run would, then run the flow once (or serve it)."""
    explicit = bool(args.task_runner or args.dask_address or args.workers)
    if _ENVIRONMENT_ERROR is not None and not explicit:
        raise _ENVIRONMENT_ERROR
    params: dict[str, Any] = {
        "inputs": list(args.inputs),
        # an empty --output (an unset variable) is the check's error below, not the default folder
        "output": (NIGHTLY_OUTPUT if serve else "output") if args.output is None else args.output,
    }
    # options left out keep the config file's values (before, --dedup's default always won)
    given = {
        "dedup": args.dedup,
        "config_file": args.config_file,
        "state_dir": args.state_dir,
        "shard_size": args.shard_size,
        "incremental": args.incremental,
    }
    params.update((k, v) for k, v in given.items() if v is not None)
    config = _config(
        args.config_file,
        args.dedup,
        args.state_dir,
        args.shard_size,
        True if serve and args.incremental is None else args.incremental,
    )
    if args.workers is not None and args.workers < 0:
        raise ConfigError(f"--workers must not be negative (got {args.workers})")
    runner = None
    if explicit:
        runner = make_task_runner(args.task_runner, args.dask_address, args.workers)
    if serve:
        # the scheduled runs check inputs and state when they start (the store may be busy now);
        # before, --task-runner, --dask-address and --workers were ignored here
        serve_nightly(name=args.name, cron=args.cron, parameters=params, task_runner=runner)
        return 0
    check(params["inputs"], params["output"], config)
    the_flow = clean_documents if runner is None else clean_documents.with_options(task_runner=runner)
    # The first start of Prefect's temporary server migrates a fresh database, which can take
    # longer than Prefect's default wait on a busy machine; wait longer unless told otherwise.
    # (a value the user set, in the environment, a profile, prefect.toml or .env, is kept)
    current = get_current_settings()
    settings: dict[Any, Any] = {}
    if "startup_timeout_seconds" not in current.server.ephemeral.model_fields_set:
        settings[PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS] = EPHEMERAL_STARTUP_TIMEOUT_S
    # on the temporary server, fewer API retries: a SIGTERM that ends it ends the run in seconds
    if "max_retries" not in current.client.model_fields_set and not PREFECT_API_URL.value():
        settings[PREFECT_CLIENT_MAX_RETRIES] = EPHEMERAL_CLIENT_RETRIES
    with temporary_settings(updates=settings):
        summary = the_flow(**params)
    out = Path(params["output"])
    print(f"docclean flow: {summary.get('documents', '?')} documents -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Run through the importable module so tasks pickle by reference in worker processes.
    from flows.clean_documents import main as _main

    raise SystemExit(_main())
