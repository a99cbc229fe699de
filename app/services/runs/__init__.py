"""Batch runs: the one helper every set-based batch goes through (``batch_runs``)."""

from __future__ import annotations

from app.services.runs.batch_runs import (
    Counts,
    RunContext,
    RunKind,
    RunRow,
    commit,
    get_run,
    list_runs,
    preview,
)

__all__ = [
    "Counts",
    "RunContext",
    "RunKind",
    "RunRow",
    "commit",
    "get_run",
    "list_runs",
    "preview",
]
