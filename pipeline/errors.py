"""The error taxonomy.

- :class:`ConfigError`: the run cannot start; the message says how to fix it.
- :class:`DocumentError`: one document is rejected (it becomes a line in
  ``rejected.jsonl``); the run goes on.
- :class:`TransientError`: I/O that may succeed when retried.
- :class:`StateLockedError`: another run holds the state store.
- :class:`OutputDamagedError`: a run's output file holds a line no docclean run wrote (edited,
  cut short); ``docclean explain`` stops on it (``validate`` and ``report`` count such lines).
- :class:`StateCorruptError`: the state store's file is damaged; the message names
  ``docclean state reset --yes --state DIR``, which keeps a copy and starts afresh.
- :class:`RunInterrupted`: Ctrl-C once the run has started to publish its output (a
  ``KeyboardInterrupt``, so code that handles interruption still sees one); the
  message says what is on disk.
- :class:`Terminated`: SIGTERM received by the ``docclean`` command (a ``KeyboardInterrupt``
  too, so the run stops exactly as on Ctrl-C).

>>> err = DocumentError("binary", "a.bin: looks binary (NUL bytes)")
>>> err.reason, str(err)
('binary', 'a.bin: looks binary (NUL bytes)')
"""

from __future__ import annotations

import errno

from pipeline.document import RejectReason


def os_reason(exc: OSError, where: bool = True) -> str:
    """An OS error for a one-line message: its text without the errno, the file it names (with
    ``where``), and what to do about a full disk.

    >>> os_reason(OSError(errno.ENOSPC, "No space left on device", "out/state.sqlite"))
    'No space left on device (out/state.sqlite); free some space'
    >>> os_reason(PermissionError(errno.EACCES, "Permission denied", "x"), where=False)
    'Permission denied'
    """
    reason = exc.strerror or str(exc)
    if where and exc.filename:
        reason += f" ({exc.filename})"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason += "; free some space"
    return reason


class DoccleanError(Exception):
    """Base class of every error docclean raises on purpose."""


class ConfigError(DoccleanError):
    """Bad configuration or arguments: fatal, raised before any work starts."""


class DocumentError(DoccleanError):
    """One document cannot be processed; it is rejected with ``reason``."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(message)
        self.reason: RejectReason = reason


class TransientError(DoccleanError):
    """An I/O failure worth retrying (the flow retries tasks that raise it)."""


class StateLockedError(DoccleanError):
    """The state store is locked by another running writer."""


class OutputDamagedError(DoccleanError):
    """A run's output file holds a line that is no docclean record: edited, or cut short."""


class StateCorruptError(DoccleanError):
    """The state store's database file is damaged (not a database, or without docclean's tables)."""


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C after the run began to publish its output: ``message`` says what is on disk.

    A plain ``KeyboardInterrupt`` before that point means output and state are as they were.

    >>> str(RunInterrupted(RunInterrupted.AFTER_COMMIT))
    'interrupted after the run finished; its output and state are saved'
    """

    BEFORE_COMMIT = (
        "interrupted while the output was being published, before the state was saved; "
        "the next run reads these inputs again"
    )
    AFTER_COMMIT = "interrupted after the run finished; its output and state are saved"


class Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler's, ``timeout``'s or ``kill``'s stop) received by the ``docclean``
    command, raised in its main thread: the run stops as on Ctrl-C (its workers stopped, its
    work folder removed, output and state as they were), exit status 143."""
