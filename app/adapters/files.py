"""Writing output files safely, shared by the workbook and PDF writers."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

from app.domain.errors import LoyaltyError


def save_atomically(
    path: Path, write: Callable[[IO[bytes]], object], error: type[LoyaltyError], template: str
) -> None:
    """Write next to the target, then replace it: a failure never leaves half a file.

    An OSError (typically: the file is open in Excel or a PDF viewer) becomes ``error`` with
    ``template``, which receives ``path`` and ``reason``.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise error(template, path=str(path), reason=reason) from exc
        raise
