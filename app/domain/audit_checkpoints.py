"""Checkpoints: the audit chain's head written down outside the database.

Whoever owns the database can lift the guards, cut the trail back and rewind the head, or
rewrite entries and re-hash the whole chain; the chain alone then verifies as intact. A
checkpoint taken earlier names an entry (seq) and its hash: that entry must still exist
with the same hash. Copies kept on the desktops and in exported files are out of the
database owner's reach.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.text import QT_TRANSLATE_NOOP

FORMAT = "loyalty-desk-audit-checkpoint/1"
ENTRY_GONE = QT_TRANSLATE_NOOP("Errors", "the entry no longer exists: the trail was cut back")
HASH_DIFFERS = QT_TRANSLATE_NOOP("Errors", "the entry's hash differs: the trail was rewritten")


@dataclass(frozen=True)
class Checkpoint:
    database_id: str
    seq: int
    hash: str
    at: str  # when it was taken, UTC, ISO 8601

    def as_json(self) -> dict:
        return {
            "format": FORMAT,
            "database_id": self.database_id,
            "seq": self.seq,
            "hash": self.hash,
            "at": self.at,
        }


def checkpoint_from_json(data: object) -> Checkpoint:
    """Raises ValueError unless ``data`` is a checkpoint as ``as_json`` writes it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an audit checkpoint")
    database_id, seq, digest, at = (data.get(k) for k in ("database_id", "seq", "hash", "at"))
    if not (isinstance(database_id, str) and database_id):
        raise ValueError("no database id")
    if not (isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0):
        raise ValueError("bad seq")
    if not (isinstance(digest, str) and len(digest) == 64):
        raise ValueError("bad hash")
    return Checkpoint(database_id, seq, digest, str(at or ""))


@dataclass(frozen=True)
class CheckpointFailure:
    checkpoint: Checkpoint
    reason: str  # ENTRY_GONE or HASH_DIFFERS


@dataclass(frozen=True)
class CheckpointReport:
    matched: int = 0
    other_database: int = 0  # checkpoints of another database, ignored
    failures: tuple[CheckpointFailure, ...] = ()  # one per seq, lowest first

    @property
    def ok(self) -> bool:
        return not self.failures


def compare_checkpoints(
    checkpoints: Iterable[Checkpoint], database_id: str, stored: Mapping[int, str]
) -> CheckpointReport:
    """``stored`` maps each checkpoint's seq to the hash stored now, if the entry exists."""
    matched = other = 0
    failures: dict[int, CheckpointFailure] = {}
    for checkpoint in checkpoints:
        if checkpoint.database_id != database_id:
            other += 1
        elif stored.get(checkpoint.seq) == checkpoint.hash:
            matched += 1
        else:
            reason = ENTRY_GONE if checkpoint.seq not in stored else HASH_DIFFERS
            failures.setdefault(checkpoint.seq, CheckpointFailure(checkpoint, reason))
    ordered = tuple(failures[seq] for seq in sorted(failures))
    return CheckpointReport(matched, other, ordered)
