"""The Prefect flow over the library, under one session-scoped ``prefect_test_harness``.

The harness starts a throwaway Prefect API server (a subprocess on a free port,
SQLite in a temp dir) once for the whole session; each flow run then costs
about a second of Prefect overhead plus the cleaning itself, and a few seconds
for the process-pool workers to import the pipeline.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterId,
)
from prefect.client.schemas.objects import State
from prefect.client.schemas.sorting import TaskRunSort
from prefect.testing.utilities import prefect_test_harness

from flows import clean_documents as flow_module
from flows.clean_documents import ARTIFACT_KEY, clean_documents, make_task_runner
from pipeline import run as run_module
from pipeline.config import Config
from pipeline.errors import ConfigError, TransientError
from pipeline.run import RunPlan, ShardTask, run

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
OUTPUT_FILES = ("documents.jsonl", "rejected.jsonl")


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """One temporary Prefect API for the session; the first start migrates a fresh database."""
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the repo's seeds, so runs never touch the tree."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


def _flow_run_id(state: State[Any]) -> UUID:
    flow_run_id = state.state_details.flow_run_id
    assert flow_run_id is not None
    return flow_run_id


def _task_run_names(flow_run_id: UUID) -> list[str]:
    with get_client(sync_client=True) as client:
        # sort and limit spelled out: the client sends None for them, which the server rejects.
        task_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
            sort=TaskRunSort.EXPECTED_START_TIME_ASC,
            limit=200,
        )
    return sorted(task_run.name for task_run in task_runs)


def _artifacts(key: str, flow_run_id: UUID) -> list[str]:
    """Types of the artifacts ``key`` of one flow run.

    A raw request: with FastAPI 0.152 the server rejects the explicit nulls the 3.8 client
    (and ``Artifact.get``) sends for omitted filters (422), so only set fields are sent.
    """
    body = {
        "artifacts": {"key": {"any_": [key]}, "flow_run_id": {"any_": [str(flow_run_id)]}},
        "sort": "CREATED_DESC",
        "limit": 10,
        "offset": 0,
    }
    with get_client(sync_client=True) as client:
        response = client._client.post("/artifacts/filter", json=body)
    response.raise_for_status()
    return [artifact["type"] for artifact in response.json()]


def _records(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _library_output(seeds: Path, out: Path, **overrides: Any) -> Path:
    config = Config.load(
        None, overrides={"run.state_dir": str(out.parent / f"{out.name}-state"), **overrides}
    )
    run([str(seeds)], out, config)
    return out


def _assert_same_bytes(a: Path, b: Path) -> None:
    for name in OUTPUT_FILES:
        if (a / name).exists() or (b / name).exists():
            assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs"


def test_flow_cleans_the_seeds(prefect_server: None, seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    state = clean_documents(
        inputs=[str(seeds)], output=str(out), state_dir=str(tmp_path / "state"), return_state=True
    )
    assert state.is_completed(), state
    summary = state.result()
    assert isinstance(summary, dict)

    records = _records(out / "documents.jsonl")
    assert len(records) == 5
    assert summary["documents"] == 5
    assert summary.get("rejected", 0) == 0

    # One plan, one clean-shard per shard (default shard size: one shard for five seeds), one finish.
    names = _task_run_names(_flow_run_id(state))
    assert [n for n in names if n.startswith("clean-shard")] == ["clean-shard-0"]
    assert sum(n.startswith("plan") for n in names) == 1
    assert sum(n.startswith("finish") for n in names) == 1

    # The summary is published as a table artifact of this flow run.
    assert _artifacts(ARTIFACT_KEY, _flow_run_id(state)) == ["table"]


def test_flow_maps_one_task_per_shard_and_matches_the_library(
    prefect_server: None, seeds: Path, tmp_path: Path
) -> None:
    """shard_size=2 over five seeds: three clean-shard task runs, same bytes as ``pipeline.run.run``."""
    out = tmp_path / "flow"
    state = clean_documents(
        inputs=[str(seeds)],
        output=str(out),
        state_dir=str(tmp_path / "flow-state"),
        shard_size=2,
        return_state=True,
    )
    assert state.is_completed(), state
    names = _task_run_names(_flow_run_id(state))
    assert [n for n in names if n.startswith("clean-shard")] == [
        "clean-shard-0",
        "clean-shard-1",
        "clean-shard-2",
    ]
    # The library in-process with its default shard size: sharding never changes the bytes.
    _assert_same_bytes(out, _library_output(seeds, tmp_path / "lib"))
    assert len(_records(out / "documents.jsonl")) == 5


def test_flow_submits_shards_in_a_window(
    prefect_server: None, seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One shard in flight at a time: each submit waits for the previous shard; same bytes."""
    import flows.clean_documents as module

    monkeypatch.setattr(module, "MAX_IN_FLIGHT", 1)
    submitted: list[tuple[int, bool]] = []
    real_task = RunPlan.task

    def task(self: RunPlan, i: int) -> ShardTask:
        # the previous shard has spilled its documents before this one is submitted
        submitted.append((i, i == 0 or (Path(self.work_dir) / f"shard-{i - 1:06d}.pickle").exists()))
        return real_task(self, i)

    monkeypatch.setattr(RunPlan, "task", task)
    out = tmp_path / "flow"
    threads = clean_documents.with_options(task_runner=make_task_runner("thread", workers=2))
    threads(inputs=[str(seeds)], output=str(out), state_dir=str(tmp_path / "flow-state"), shard_size=2)
    assert submitted == [(0, True), (1, True), (2, True)]
    _assert_same_bytes(out, _library_output(seeds, tmp_path / "lib"))


def test_flow_dedup_annotate_matches_the_library(prefect_server: None, seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "flow"
    threads = clean_documents.with_options(task_runner=make_task_runner("thread", workers=2))
    threads(inputs=[str(seeds)], output=str(out), state_dir=str(tmp_path / "flow-state"), dedup="annotate")
    _assert_same_bytes(out, _library_output(seeds, tmp_path / "lib", **{"dedup.mode": "annotate"}))


def test_flow_on_dask_matches_the_library(prefect_server: None, seeds: Path, tmp_path: Path) -> None:
    """A LocalCluster (worker processes) writes the same bytes as an in-process library run."""
    pytest.importorskip("prefect_dask")
    out = tmp_path / "flow"
    on_dask = clean_documents.with_options(task_runner=make_task_runner("dask", workers=2))
    on_dask(inputs=[str(seeds)], output=str(out), state_dir=str(tmp_path / "flow-state"), shard_size=2)
    _assert_same_bytes(out, _library_output(seeds, tmp_path / "lib"))


def test_clean_shard_retries_only_on_io(
    prefect_server: None, seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Transient I/O errors are retried (twice); any other error fails the run at once."""
    real_clean_shard = run_module.clean_shard
    calls: list[int] = []
    failure: list[BaseException] = [TransientError("disk hiccup")]

    def flaky(shard: Any) -> Any:
        calls.append(shard.index)
        if failure:
            raise failure.pop()
        return real_clean_shard(shard)

    monkeypatch.setattr(flow_module, "clean_shard", flaky)
    # Threads, so the monkeypatch is visible to the task; no retry delay in tests.
    task_fast = flow_module.clean_shard_task.with_options(retry_delay_seconds=0)
    monkeypatch.setattr(flow_module, "clean_shard_task", task_fast)
    threads = clean_documents.with_options(task_runner=make_task_runner("thread", workers=1))

    threads(inputs=[str(seeds)], output=str(tmp_path / "a"), state_dir=str(tmp_path / "a-state"))
    assert calls == [0, 0]  # failed once on I/O, retried once, succeeded

    calls.clear()
    failure.append(ValueError("a bug, not I/O"))
    state = threads(
        inputs=[str(seeds)],
        output=str(tmp_path / "b"),
        state_dir=str(tmp_path / "b-state"),
        return_state=True,
    )
    assert state.is_failed()
    assert calls == [0]  # no retry
    assert not (tmp_path / "b" / "documents.jsonl").exists()
    assert not list((tmp_path / "b").glob(".docclean-work-*"))  # spilled shards cleaned up


# -- the flow's command line: arguments checked before a flow run, as `docclean run` does ----------


def _bad_arguments(tmp_path: Path, case: str) -> tuple[list[str], list[str]]:
    """``(flow command line, docclean run command line)`` of one unusable set of arguments."""
    out, state = tmp_path / "out", tmp_path / "state"
    common = [str(SEEDS)]
    flow_extra: list[str] = []
    run_extra: list[str] = []
    if case == "bad-config":
        cfg = tmp_path / "c.toml"
        cfg.write_text("[dedup]\nmode = 'drop'\nthreshold = 'high'\n", encoding="utf-8")
        flow_extra = run_extra = ["--config", str(cfg)]
    elif case == "missing-config":
        flow_extra = run_extra = ["--config", str(tmp_path / "nope.toml")]
    elif case == "missing-input":
        common = [str(tmp_path / "missing")]
    elif case == "output-is-input":
        out = tmp_path / "in"
        out.mkdir()
        common = [str(out)]
    elif case == "state-is-a-file":
        state.write_text("x", encoding="utf-8")
    elif case == "damaged-state":
        state.mkdir()
        (state / "state.sqlite").write_bytes(bytes(range(256)) * 16)
    elif case == "unlistable-input":  # found only by discovery before
        common = [str(tmp_path / "locked")]
        shutil.copytree(SEEDS, common[0])
    elif case == "same-rel-files":  # both map to rel 'x.txt': found only by discovery before
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            (tmp_path / name / "x.txt").write_text("Some news.", encoding="utf-8")
        common = [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")]
    output = "" if case == "empty-output" else str(out)  # before: the flow wrote into output/
    flow = [*common, "--output", output, "--state-dir", str(state), *flow_extra]
    cli = ["run", *common, "--output", output, "--state", str(state), "--workers", "1", "-q", *run_extra]
    return flow, cli


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("bad-config", 2),
        ("missing-config", 2),
        ("missing-input", 2),
        ("output-is-input", 2),
        ("state-is-a-file", 2),
        ("empty-output", 2),
        ("damaged-state", 1),
        ("locked-state", 3),
        ("unlistable-input", 2),
        ("same-rel-files", 2),
    ],
)
def test_the_flow_command_line_stops_bad_arguments_like_docclean_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str, code: int
) -> None:
    """No flow run (no Prefect server either): the exit status and the one line of ``docclean run``."""
    from pipeline.cli import main as docclean
    from pipeline.state import State as StateStore

    def no_flow(**params: Any) -> None:
        raise AssertionError("a flow run started with unusable arguments")

    monkeypatch.setattr(flow_module, "clean_documents", no_flow)
    flow_args, run_args = _bad_arguments(tmp_path, case)
    if case == "unlistable-input":  # as for chmod 000 (a test running as root cannot make one)
        from tests.test_readers import _deny_listing

        _deny_listing(monkeypatch, tmp_path / "locked")
    lock = StateStore.open(tmp_path / "state") if case == "locked-state" else contextlib.nullcontext()
    with lock:
        # before: a failed flow run, Prefect's tracebacks, exit 1
        assert flow_module.main(flow_args) == code
        err = capsys.readouterr().err
        assert docclean(run_args) == code
    assert err.count("\n") == 1 and err.startswith("docclean: ") and "Traceback" not in err
    assert err == capsys.readouterr().err  # the message `docclean run` gives


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DOCCLEAN_WORKERS", "two", "DOCCLEAN_WORKERS must be a whole number"),
        ("DOCCLEAN_WORKERS", "-1", "DOCCLEAN_WORKERS must be a whole number"),
        ("DOCCLEAN_TASK_RUNNER", "gpu", "DOCCLEAN_TASK_RUNNER must be one of"),
        # before: with the runner prefect.yaml sets, the address was ignored and the run stayed local
        (
            "DOCCLEAN_TASK_RUNNER=process DOCCLEAN_DASK_ADDRESS",
            "tcp://127.0.0.1:9",
            "a Dask scheduler address is set (tcp://127.0.0.1:9) but the task runner is 'process'",
        ),
    ],
)
def test_a_bad_task_runner_environment_is_one_line_exit_2(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    import os
    import subprocess
    import sys

    # before: a ValueError traceback while importing the module, before the command line ran
    *others, variable = variable.split()  # "NAME=value ... NAME": other variables set first
    env = {**os.environ, **dict(o.split("=", 1) for o in others), variable: value}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    done = subprocess.run(
        [sys.executable, "-m", "flows.clean_documents", str(SEEDS), "-o", str(tmp_path / "o")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"docclean: {message}") and done.stderr.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_a_flow_on_a_locked_state_store_stops_before_the_map(
    prefect_server: None, seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like `docclean run`: a second writer learns it before any shard is cleaned, not in finish."""
    from pipeline.errors import StateLockedError
    from pipeline.state import State as StateStore

    cleaned: list[int] = []

    def clean_shard(shard: ShardTask) -> Any:
        cleaned.append(shard.index)
        return run_module.clean_shard(shard)

    monkeypatch.setattr(flow_module, "clean_shard", clean_shard)
    threads = clean_documents.with_options(task_runner=make_task_runner("thread", workers=1))
    out, state_dir = tmp_path / "out", tmp_path / "state"
    with StateStore.open(state_dir):  # another run holds the store
        state = threads(inputs=[str(seeds)], output=str(out), state_dir=str(state_dir), return_state=True)
    assert state.is_failed()
    with pytest.raises(StateLockedError):
        state.result()
    assert cleaned == []  # before: every shard was cleaned, then finish failed
    assert not (out / "documents.jsonl").exists() and not list(out.glob(".docclean-work-*"))
    # the store, free again, works: the same flow now runs to the end
    threads(inputs=[str(seeds)], output=str(out), state_dir=str(state_dir))
    assert cleaned == [0] and len(_records(out / "documents.jsonl")) == 5


class _ServedFlow:
    """Stands in for the flow in ``serve``: records the task runner and what it was served with."""

    def __init__(self, served: list[tuple[Any, dict[str, Any]]], task_runner: Any = None) -> None:
        self.served, self.task_runner = served, task_runner

    def with_options(self, task_runner: Any) -> _ServedFlow:
        return _ServedFlow(self.served, task_runner)

    def serve(self, **kwargs: Any) -> None:
        self.served.append((self.task_runner, kwargs))


def test_serve_gives_the_scheduled_runs_the_task_runner_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No server: what ``serve`` hands Prefect. Before, --task-runner and --workers were ignored."""
    served: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(flow_module, "clean_documents", _ServedFlow(served))
    assert flow_module.main(["serve", "--task-runner", "thread", "--workers", "3"]) == 0
    assert flow_module.main(["serve"]) == 0
    (runner, kwargs), (default, _) = served
    assert type(runner).__name__ == "ThreadPoolTaskRunner" and runner._max_workers == 3
    assert kwargs["parameters"]["incremental"] is True and kwargs["name"] == "nightly"
    # one run at a time, a second one queued (before: no limit, a second run failed on the lock)
    limit = kwargs["global_limit"]
    assert (limit.limit, limit.collision_strategy.value) == (1, "ENQUEUE")
    assert default is None  # no option: the flow as defined, with the environment's runner
    # a negative count is refused as `docclean run --workers -1` is, before anything is served
    assert flow_module.main(["serve", "--workers", "-1"]) == 2
    assert capsys.readouterr().err == "docclean: --workers must not be negative (got -1)\n"
    assert len(served) == 2


def test_the_servers_scheduler_makes_the_nightly_deployments_runs(tmp_path: Path) -> None:
    """What a Prefect server's scheduler service does each loop, on a database of its own: make the
    next runs of a deployment's cron schedule. With SQLAlchemy 2.1 (allowed by Prefect 3.8) every
    loop failed ("Can't evaluate bulk DML statement") and a deployment never ran on its schedule;
    manual runs and every other test here still passed."""
    from prefect.server import models, schemas
    from prefect.server.database import provide_database_interface
    from prefect.server.schemas.schedules import CronSchedule
    from prefect.settings import PREFECT_API_DATABASE_CONNECTION_URL, PREFECT_HOME, temporary_settings

    async def scheduled() -> int:
        db = provide_database_interface()
        await db.create_db()
        async with db.session_context(begin_transaction=True) as session:
            flow = await models.flows.create_flow(
                session=session, flow=schemas.core.Flow(name="clean-documents")
            )
            cron = schemas.core.DeploymentSchedule(schedule=CronSchedule(cron="0 2 * * *"), active=True)
            deployment = await models.deployments.create_deployment(
                session=session,
                deployment=schemas.core.Deployment(name="nightly", flow_id=flow.id, schedules=[cron]),
            )
        async with db.session_context(begin_transaction=True) as session:
            runs = await models.deployments.schedule_runs(session=session, deployment_id=deployment.id)
        return len(runs)

    database = f"sqlite+aiosqlite:///{tmp_path / 'prefect.db'}"
    with temporary_settings({PREFECT_API_DATABASE_CONNECTION_URL: database, PREFECT_HOME: tmp_path}):
        assert asyncio.run(scheduled()) >= 1


def test_an_explicit_task_runner_overrides_a_conflicting_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No server. ``DOCCLEAN_TASK_RUNNER=process`` beside an address is an error when nothing else
    chooses; ``--task-runner dask``, which that error suggests, must then be taken (before, the
    error stored at import stopped it all the same)."""
    served: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(flow_module, "clean_documents", _ServedFlow(served))
    monkeypatch.setenv("DOCCLEAN_TASK_RUNNER", "process")
    monkeypatch.setenv("DOCCLEAN_DASK_ADDRESS", "tcp://127.0.0.1:9")
    with pytest.raises(ConfigError, match="a Dask scheduler address is set") as caught:
        make_task_runner()
    monkeypatch.setattr(flow_module, "_ENVIRONMENT_ERROR", caught.value)
    assert flow_module.main(["serve"]) == 2
    assert "--task-runner dask" in capsys.readouterr().err
    assert flow_module.main(["serve", "--task-runner", "dask"]) == 0
    ((runner, _kwargs),) = served
    assert type(runner).__name__ == "DaskTaskRunner"
    # only for that call: a later one that chooses nothing meets the error again (review: a first
    # version cleared the error for the rest of the process)
    assert flow_module.main(["serve"]) == 2 and len(served) == 1


def test_a_flow_run_with_a_runner_of_its_own_is_not_stopped_by_the_environments_error(
    prefect_server: None, seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the flow body: the run's own runner (``with_options``) replaces the environment's."""
    error = ConfigError(
        "a Dask scheduler address is set (tcp://127.0.0.1:9) but the task runner is 'process'"
    )
    monkeypatch.setattr(flow_module, "_ENVIRONMENT_ERROR", error)
    threads = clean_documents.with_options(task_runner=make_task_runner("thread", workers=1))
    assert threads(inputs=[str(seeds)], output=str(tmp_path / "own"))["documents"] == 5
    with pytest.raises(ConfigError, match="a Dask scheduler address is set"):
        clean_documents(inputs=[str(seeds)], output=str(tmp_path / "default"))


def test_flow_command_line_options_left_out_keep_the_config_files_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    """No flow run: the parameters the command line passes, and the config the flow builds of them."""
    calls: list[dict[str, Any]] = []

    def record(**params: Any) -> dict[str, Any]:
        calls.append(params)
        return {"documents": 0}

    monkeypatch.setattr(flow_module, "clean_documents", record)
    toml = tmp_path / "c.toml"
    toml.write_text("[dedup]\nmode = 'annotate'\n[run]\nincremental = true\n", encoding="utf-8")
    out = str(tmp_path / "out")
    assert flow_module.main([str(seeds), "--output", out, "--config", str(toml)]) == 0
    assert flow_module.main([str(seeds), "--output", out, "--config", str(toml), "--dedup", "off"]) == 0
    # before: --dedup's default ("drop") and incremental=False always replaced the file's values
    assert "dedup" not in calls[0] and "incremental" not in calls[0]
    assert calls[1]["dedup"] == "off"
    built = [
        flow_module._config(c["config_file"], c.get("dedup"), None, None, c.get("incremental")) for c in calls
    ]
    assert [(c.dedup.mode, c.run.incremental) for c in built] == [("annotate", True), ("off", True)]


def test_flow_command_line_on_the_temporary_server_retries_the_api_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    """No flow run: the settings the command line runs the flow with. With Prefect's 5 retries a
    SIGTERM to the process group (which ends the temporary server too) left the run reporting its
    crash to the dead server for over two minutes; an explicit setting or a real server keeps them."""
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_CLIENT_MAX_RETRIES,
        get_current_settings,
        temporary_settings,
    )

    seen: list[int] = []

    def record(**params: Any) -> dict[str, Any]:
        seen.append(PREFECT_CLIENT_MAX_RETRIES.value())
        return {"documents": 0}

    monkeypatch.setattr(flow_module, "clean_documents", record)
    monkeypatch.delenv("PREFECT_CLIENT_MAX_RETRIES", raising=False)
    out = str(tmp_path / "out")
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert flow_module.main([str(seeds), "--output", out]) == 0
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert flow_module.main([str(seeds), "--output", out]) == 0
    # a value the user set (environment, profile, prefect.toml: all end up as set settings) is kept
    with temporary_settings(restore_defaults={PREFECT_API_URL}, updates={PREFECT_CLIENT_MAX_RETRIES: 7}):
        assert flow_module.main([str(seeds), "--output", out]) == 0
    prefects = type(get_current_settings().client).model_fields["max_retries"].default
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        real_server = PREFECT_CLIENT_MAX_RETRIES.value()
    assert seen == [flow_module.EPHEMERAL_CLIENT_RETRIES, real_server, 7]
    assert prefects > flow_module.EPHEMERAL_CLIENT_RETRIES
