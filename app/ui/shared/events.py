"""One place the open screens hear from: what the services changed, and a signed-in account
that lost its rights.

The services publish the areas a committed unit of work changed, in whichever thread ran it;
the bus queues them and a GUI-thread timer emits ``changed`` (worker threads never touch a Qt
object). Pages connect to ``changed`` and refresh when an area they show is in the set.
"""

from __future__ import annotations

import queue

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from app.services.shared import changes
from app.services.shared.changes import Area

DRAIN_MS = 50


class EventBus(QObject):
    changed = Signal(object)  # frozenset[Area]
    account_changed = Signal()  # the user was disabled, locked or changed: sign in again

    def __init__(self) -> None:
        super().__init__()
        self.inbox: queue.SimpleQueue[frozenset[Area]] = queue.SimpleQueue()
        self.timer = QTimer(self)
        self.timer.setInterval(DRAIN_MS)
        self.timer.timeout.connect(self._drain)
        self.timer.start()
        changes.subscribe(self.inbox.put)

    def _drain(self) -> None:
        areas: set[Area] = set()
        while True:
            try:
                areas |= self.inbox.get_nowait()
            except queue.Empty:
                break
        if areas:  # several commits in one tick: one refresh
            self.changed.emit(frozenset(areas))

    def close(self) -> None:
        changes.unsubscribe(self.inbox.put)
        self.timer.stop()


_bus: EventBus | None = None


def bus() -> EventBus:
    """The application's bus (created on first use, on the GUI thread)."""
    global _bus
    if _bus is None or not isValid(_bus):
        _bus = EventBus()
    return _bus


def on_change(owner: QObject, areas: set[Area], refresh) -> None:
    """Call ``refresh`` whenever a change touches one of ``areas``, while ``owner`` lives."""

    def heard(changed: frozenset[Area]) -> None:
        if changed & areas:
            refresh()

    bus().changed.connect(heard)
    owner.destroyed.connect(lambda *_: _disconnect(heard))


def _disconnect(slot) -> None:
    if _bus is not None and isValid(_bus):
        try:
            _bus.changed.disconnect(slot)
        except (RuntimeError, TypeError):
            pass
