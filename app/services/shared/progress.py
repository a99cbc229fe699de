"""Progress and cancellation for long jobs, independent of Qt.

The same job reports to a progress dialog in the GUI and to a line on the terminal in the
CLI; a cancel request is noticed at the next report and ends the job with ``Cancelled``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP

Listener = Callable[[int, int, str], None]


class Cancelled(LoyaltyError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Cancelled; none of the batch was saved."))


class Progress:
    def __init__(self, listener: Listener | None = None):
        self._listener = listener
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, message: str = "") -> None:
        if self._listener and not self._cancel.is_set():
            self._listener(done, total, message)
        if self._cancel.is_set():  # also a cancel requested while showing this step
            raise Cancelled()
