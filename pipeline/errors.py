"""The error taxonomy.

- :class:`ConfigError`: the run cannot start; the message says how to fix it.
- :class:`DocumentError`: one document is rejected (it becomes a line in
  ``rejected.jsonl``); the run goes on.
- :class:`TransientError`: I/O that may succeed when retried.
- :class:`StateLockedError`: another run holds the state store.
- :class:`StateCorruptError`: the state store's file is damaged; the message names
  ``docclean state reset --yes --state DIR``, which keeps a copy and starts afresh.

>>> err = DocumentError("binary", "a.bin: looks binary (NUL bytes)")
>>> err.reason, str(err)
('binary', 'a.bin: looks binary (NUL bytes)')
"""

from __future__ import annotations

from pipeline.document import RejectReason


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


class StateCorruptError(DoccleanError):
    """The state store's database file is damaged (not a database, or without docclean's tables)."""
