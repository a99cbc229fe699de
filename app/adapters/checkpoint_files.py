"""Audit checkpoint files: one exported checkpoint (JSON), or a desktop's log of them (JSONL)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from app.adapters.files import save_atomically
from app.domain.audit_checkpoints import Checkpoint, checkpoint_from_json
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP


class CheckpointFileError(LoyaltyError):
    """A checkpoint file cannot be written or read."""


_WRITE_FAILED = QT_TRANSLATE_NOOP("Errors", "Cannot write {path} ({reason}).")
_READ_FAILED = QT_TRANSLATE_NOOP("Errors", "Cannot read {path} ({reason}).")
_NOT_CHECKPOINTS = QT_TRANSLATE_NOOP(
    "Errors", "{path} is not an audit checkpoint file (line {line})."
)


def write_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    text = json.dumps(checkpoint.as_json(), indent=2) + "\n"
    save_atomically(
        Path(path), lambda f: f.write(text.encode()), CheckpointFileError, _WRITE_FAILED
    )


def append_checkpoint(path: Path, checkpoint: Checkpoint, location: str) -> None:
    """One line per checkpoint, noting where the database was; a new file is readable by its
    owner only. Raises OSError."""
    line = (json.dumps({**checkpoint.as_json(), "location": location}) + "\n").encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line)  # one write per line: a crash leaves at most a torn last line
    finally:
        os.close(fd)


def read_checkpoints(path: Path) -> list[Checkpoint]:
    """Every checkpoint in an exported file (one JSON object or a list) or a JSONL log."""
    text = _read_text(path)
    try:
        whole = json.loads(text)
    except ValueError:
        found = [_parse(path, n, line) for n, line in _lines(text)]
    else:
        found = [_parse(path, 1, item) for item in (whole if isinstance(whole, list) else [whole])]
    if not found:
        raise CheckpointFileError(_NOT_CHECKPOINTS, path=str(path), line=1)
    return found


def read_checkpoint_log(path: Path, location: str) -> tuple[list[Checkpoint], int]:
    """A desktop's own log: the checkpoints taken at ``location`` (a copy of the database
    elsewhere, such as an opened backup, goes its own way), and how many unreadable lines
    were skipped."""
    if not path.exists():
        return [], 0
    found, skipped = [], 0
    for n, line in _lines(_read_text(path)):
        try:
            data = json.loads(line)
            if isinstance(data, dict) and data.get("location", location) != location:
                continue
            found.append(_parse(path, n, data))
        except (ValueError, CheckpointFileError):
            skipped += 1
    return found, skipped


def _read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise CheckpointFileError(_READ_FAILED, path=str(path), reason=reason) from exc


def _lines(text: str):
    return ((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip())


def _parse(path: Path, line_number: int, item: object) -> Checkpoint:
    try:
        return checkpoint_from_json(json.loads(item) if isinstance(item, str) else item)
    except ValueError as exc:
        raise CheckpointFileError(_NOT_CHECKPOINTS, path=str(path), line=line_number) from exc
