"""Helper processes for bench/run.py: GUI cold start and the member list at scale.

    python bench/gui_probe.py bare                # a bare PySide6 window, then exit
    python bench/gui_probe.py signin URL          # Loyalty Desk up to its sign-in window
    python bench/gui_probe.py list URL PAGES      # members list open, scrolled PAGES pages

Each prints one line of JSON; run offscreen (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def wait_until(app, condition, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.002)


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    window = QWidget()
    window.show()
    wait_until(app, window.isVisible)
    app.processEvents()
    return {"seconds": time.perf_counter() - STARTED}


def signin(url: str) -> dict:
    from PySide6.QtWidgets import QApplication

    from app.ui.shell.main import AppController

    app = QApplication([])
    controller = AppController(url)
    controller.start()
    wait_until(
        app,
        lambda: (
            controller.dialog is not None
            and controller.dialog.objectName() == "sign_in"
            and controller.dialog.isVisible()
        ),
    )
    return {"seconds": time.perf_counter() - STARTED}


def member_list(url: str, pages: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from app.domain.roles import Actor, Role
    from app.services.settings import get_settings
    from app.services.shared.database import open_database
    from app.ui.shell.main_window import MainWindow

    app = QApplication([])
    db = open_database(url)
    window = MainWindow(db, Actor(1, "admin", "bench", Role.ADMIN), get_settings(db), False)
    window.show()
    model = window.page("members").model
    started = time.perf_counter()
    wait_until(app, lambda: model.rowCount() > 0 and not model.loading)
    first_page = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(pages):
        model.fetchMore()
        wait_until(app, lambda: not model.loading)
    return {
        "first_page_ms": first_page * 1000,
        "scroll_seconds": time.perf_counter() - started,
        "rows": model.rowCount(),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    kind = sys.argv[1]
    result = {
        "bare": lambda: bare(),
        "signin": lambda: signin(sys.argv[2]),
        "list": lambda: member_list(sys.argv[2], int(sys.argv[3])),
    }[kind]()
    print(json.dumps(result))
