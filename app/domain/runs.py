"""Pure rules of batch runs: their statuses and how the member id space is cut into batches."""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    PREVIEWED = "previewed"  # counted, nothing changed yet
    COMMITTING = "committing"  # batches being committed (or interrupted: commit resumes)
    COMMITTED = "committed"  # every batch done; committing again changes nothing
    FAILED = "failed"  # stopped by an error; committing again resumes
    CANCELLED = "cancelled"  # stopped by the user; committing again resumes


def next_batch(cursor: int, last_member_id: int, size: int) -> tuple[int, int] | None:
    """The member ids ``first..last`` of the batch after ``cursor`` (the last id done), or
    None when every id up to ``last_member_id`` is done."""
    if size < 1:
        raise ValueError(f"batch size must be >= 1, got {size}")
    if cursor >= last_member_id:
        return None
    return cursor + 1, min(cursor + size, last_member_id)


def batches_left(cursor: int, last_member_id: int, size: int) -> int:
    """How many batches ``next_batch`` will still hand out (for the progress bar)."""
    if size < 1:
        raise ValueError(f"batch size must be >= 1, got {size}")
    return max(0, -(-(last_member_id - cursor) // size))


def add_counts(total: dict[str, int], batch: dict[str, int]) -> dict[str, int]:
    """Counts of the batches so far plus this batch's (keys of either, missing as 0)."""
    return {key: total.get(key, 0) + batch.get(key, 0) for key in {**total, **batch}}
