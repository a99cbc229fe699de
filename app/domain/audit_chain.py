"""Hash chain over the audit trail: each entry's hash covers its content and the previous hash.

An entry edited, inserted or deleted behind the app's back changes a hash that every later
entry depends on, so verification names the first entry that no longer fits.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.domain.text import QT_TRANSLATE_NOOP

GENESIS_HASH = "0" * 64
MISSING = QT_TRANSLATE_NOOP("Errors", "this entry is missing")
BAD_LINK = QT_TRANSLATE_NOOP("Errors", "its link to the previous entry does not match")
BAD_CONTENT = QT_TRANSLATE_NOOP("Errors", "its content does not match its hash")
TRUNCATED = QT_TRANSLATE_NOOP("Errors", "the entries from here on were removed")


def canonical_json(value: object) -> str | None:
    """Stable text for before/after snapshots (the stored text is what gets hashed)."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


@dataclass(frozen=True)
class ChainedEntry:
    seq: int
    at: datetime
    actor_id: int | None
    actor_username: str
    entity: str
    entity_id: str
    action: str
    before: str | None
    after: str | None
    prev_hash: str
    hash: str = ""


def entry_hash(entry: ChainedEntry) -> str:
    """SHA-256 over a JSON array of the fields: unambiguous (no separator or NULL tricks)."""
    fields = [
        entry.seq,
        entry.at.isoformat(timespec="microseconds"),
        entry.actor_id,
        entry.actor_username,
        entry.entity,
        entry.entity_id,
        entry.action,
        entry.before,
        entry.after,
        entry.prev_hash,
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def verify_chain(entries: Iterable[ChainedEntry], head_seq: int, head_hash: str) -> ChainReport:
    """Walk entries in seq order; report the first one that breaks the chain."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainReport(checked, expected_seq, MISSING)
        if entry.prev_hash != prev_hash:
            return ChainReport(checked, entry.seq, BAD_LINK)
        if entry_hash(entry) != entry.hash:
            return ChainReport(checked, entry.seq, BAD_CONTENT)
        expected_seq, prev_hash, checked = entry.seq + 1, entry.hash, checked + 1
    if head_seq != expected_seq - 1 or head_hash != prev_hash:
        return ChainReport(checked, expected_seq, TRUNCATED)
    return ChainReport(checked)
