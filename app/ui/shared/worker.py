"""Run work off the GUI thread and get the result (or error) back on it.

Sessions and ORM objects never cross threads: the task opens its own unit of work through
the services and returns plain data.
"""

from __future__ import annotations

import gc
import logging
import queue
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer
from shiboken6 import isValid

from app.domain.errors import AccountChanged

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from app.services.shared.progress import Progress

log = logging.getLogger(__name__)


class _Mailbox(QObject):
    """Results and progress come back through a plain queue that a GUI-thread timer drains.

    Worker threads never touch a Qt object: emitting a signal from a worker while the GUI
    thread (holding Python's GIL) connected or disconnected another object could deadlock on
    Qt's shared connection locks, as it did when a progress dialog closed.
    """

    def __init__(self) -> None:
        super().__init__()
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()
        self.pending = 0
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self.drain)

    def start(self, task: QRunnable) -> None:
        self.pending += 1
        self.timer.start()
        QThreadPool.globalInstance().start(task)

    def drain(self) -> None:
        while True:
            try:
                finished, callback, value, owner = self.inbox.get_nowait()
            except queue.Empty:
                break
            self.pending -= finished
            target = owner or getattr(callback, "__self__", None)
            if isinstance(target, QObject) and not isValid(target):
                continue  # the widget that asked was closed meanwhile
            callback(value)
        if not self.pending:
            self.timer.stop()


_mailbox: _Mailbox | None = None


def _the_mailbox() -> _Mailbox:
    global _mailbox
    if _mailbox is None or not isValid(_mailbox):
        _mailbox = _Mailbox()
    return _mailbox


class _Task(QRunnable):
    def __init__(self, fn, on_success, on_failure, owner, inbox: queue.SimpleQueue):
        super().__init__()
        self.fn, self.on_success, self.on_failure = fn, on_success, on_failure
        self.owner, self.inbox = owner, inbox

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self.inbox.put((1, self.on_failure, exc, self.owner))
        else:
            self.inbox.put((1, self.on_success, result, self.owner))


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
    mailbox = _the_mailbox()
    if owner is None:  # the wrapper below has no __self__ for the mailbox to check
        owner = getattr(on_failure, "__self__", None)
    failed = _noticing_account_changes(on_failure)
    mailbox.start(_Task(fn, on_success, failed, owner, mailbox.inbox))


def _noticing_account_changes(on_failure: Callable[[BaseException], None]):
    """A call refused because the account changed also tells the main window (it locks)."""

    def failed(exc: BaseException) -> None:
        if isinstance(exc, AccountChanged):
            from app.ui.shared import events  # not needed before the first window

            events.bus().account_changed.emit()
        on_failure(exc)

    return failed


def run_with_progress(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress], object],
    on_success: Callable[[object], None],
    on_failure: Callable[[BaseException], None],
    cancellable: bool = True,
) -> QProgressDialog:
    """Like run_in_background, with a progress dialog (and a cancel button for batches)."""
    # Imported here: the sign-in window, shown first, needs none of these (creating the Qt
    # namespace's enums alone takes milliseconds).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    from app.services.shared.progress import Cancelled, Progress

    dialog = QProgressDialog(label, None, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(200)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.setCancelButtonText(QProgressDialog.tr("Cancel"))
    update = _update_dialog(dialog)
    mailbox = _the_mailbox()  # created here, on the GUI thread
    progress = Progress(
        lambda done, total, _message: mailbox.inbox.put((0, update, (done, total), dialog))
    )
    # A lambda, not the bound method: PySide would watch the Progress object and, when the
    # worker dropped the last reference to it, disconnect from the dialog in the worker
    # thread, deadlocking with a GUI thread closing that dialog. The lambda keeps the
    # Progress alive as long as the dialog, which only the GUI thread deletes.
    dialog.canceled.connect(lambda: progress.cancel())

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
    """Steps of a known total move the bar; a total of 0 (unknown: a workbook that does not
    say how many rows it has) shows a busy bar and the count, "Read 1,000 rows"."""
    from PySide6.QtCore import QCoreApplication

    from app.ui.shared.i18n import format_int

    label = dialog.labelText()

    def update(step: tuple[int, int]) -> None:
        done, total = step
        if total <= 0:
            dialog.setMaximum(0)  # busy, no percentage
            text = QCoreApplication.translate("Progress", "Read {rows} rows")
            dialog.setLabelText(text.format(rows=format_int(done)))
            return
        dialog.setLabelText(label)
        dialog.setMaximum(total)
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
