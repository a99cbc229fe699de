"""Run work off the GUI thread and get the result (or error) back on it.

Sessions and ORM objects never cross threads: the task opens its own unit of work through
the services and returns plain data.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from app.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)
_running: set[_Relay] = set()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def run_in_background(
    fn: Callable[[], object],
    on_success: Callable[[object], None],
    on_failure: Callable[[BaseException], None],
    owner: QObject | None = None,
) -> None:
    """Run ``fn`` in the thread pool; call back on the GUI thread.

    If the owner (by default the object whose method the callback is) was deleted
    meanwhile, the result is dropped instead of touching a dead widget.
    """
    relay = _Relay()
    _running.add(relay)

    def finish(callback, value):
        _running.discard(relay)
        target = owner or getattr(callback, "__self__", None)
        if isinstance(target, QObject) and not isValid(target):
            return
        callback(value)

    queued = Qt.ConnectionType.QueuedConnection
    relay.succeeded.connect(lambda value: finish(on_success, value), queued)
    relay.failed.connect(lambda exc: finish(on_failure, exc), queued)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def run_with_progress(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress], object],
    on_success: Callable[[object], None],
    on_failure: Callable[[BaseException], None],
    cancellable: bool = True,
) -> QProgressDialog:
    """Like run_in_background, with a progress dialog (and a cancel button for batches)."""
    dialog = QProgressDialog(label, None, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(200)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.setCancelButtonText(QProgressDialog.tr("Cancel"))
    relay = _Relay()
    relay.progressed.connect(_update_dialog(dialog), Qt.ConnectionType.QueuedConnection)
    progress = Progress(lambda done, total, message: relay.progressed.emit(done, total, message))
    dialog.canceled.connect(progress.cancel)

    def done(callback):
        def handle(value):
            dialog.close()
            if isinstance(value, Cancelled):
                on_failure(value)
                return
            callback(value)

        return handle

    run_in_background(lambda: fn(progress), done(on_success), done(on_failure))
    return dialog


def _update_dialog(dialog: QProgressDialog):
    def update(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    return update


class GuiThreadGarbageCollector(QObject):
    """Python's cycle collector runs in whichever thread happens to allocate; if that is a
    worker, a Qt object left in a cycle would be destroyed off the GUI thread and crash the
    process. So automatic collection is switched off and done here, on the GUI thread, on a
    timer (the approach pyqtgraph takes for the same reason)."""

    def __init__(self, interval_ms: int = 1_000, parent: QObject | None = None):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        # Only the generations that are due, as the automatic collector would.
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return
