"""Comparing checkpoints with the hashes stored now; reading them back from JSON."""

import pytest

from app.domain.audit_checkpoints import (
    ENTRY_GONE,
    HASH_DIFFERS,
    Checkpoint,
    checkpoint_from_json,
    compare_checkpoints,
)

THIS, OTHER = "a" * 32, "b" * 32


def anchor(seq: int, digest: str, database: str = THIS) -> Checkpoint:
    return Checkpoint(database, seq, digest * 64, "2026-03-01T02:00:00+00:00")


def test_matching_gone_and_rewritten_entries_are_told_apart():
    stored = {1: "1" * 64, 2: "x" * 64}
    checkpoints = [
        anchor(1, "1"),
        anchor(2, "2"),
        anchor(3, "3"),
        anchor(3, "3"),
        anchor(9, "9", OTHER),
    ]
    report = compare_checkpoints(checkpoints, THIS, stored)
    assert (report.matched, report.other_database, report.ok) == (1, 1, False)
    assert [(f.checkpoint.seq, f.reason) for f in report.failures] == [
        (2, HASH_DIFFERS),
        (3, ENTRY_GONE),
    ]


def test_json_round_trip():
    original = anchor(7, "c")
    assert checkpoint_from_json(original.as_json()) == original


@pytest.mark.parametrize(
    "change",
    [{"format": "other"}, {"database_id": ""}, {"seq": -1}, {"seq": True}, {"hash": "short"}],
)
def test_anything_else_is_not_a_checkpoint(change):
    with pytest.raises(ValueError):
        checkpoint_from_json({**anchor(7, "c").as_json(), **change})
