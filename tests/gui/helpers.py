"""Driving real widgets: find them by object name, type and click like a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QWidget,
)


def visible(object_name: str) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.objectName() == object_name:
            return widget
    return None


def wait_for(qtbot, object_name: str, timeout: int = 10_000) -> QWidget:
    qtbot.waitUntil(lambda: visible(object_name) is not None, timeout=timeout)
    return visible(object_name)


def child(parent: QWidget, name: str, kind=QWidget):
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name} in {parent.objectName()}"
    return found


def type_into(qtbot, parent: QWidget, name: str, text: str) -> None:
    field = child(parent, name, QLineEdit)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key presses for ASCII; Chinese arrives as an input method's commit, as with a real IME."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def click(qtbot, parent: QWidget, name: str) -> None:
    button = child(parent, name, QAbstractButton)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_nav(qtbot, window, title: str) -> None:
    nav: QListWidget = child(window, "navigation", QListWidget)
    items = nav.findItems(title, Qt.MatchFlag.MatchStartsWith)
    assert items, f"no navigation entry {title}"
    rect = nav.visualItemRect(items[0])
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def nav_titles(window) -> list[str]:
    nav: QListWidget = child(window, "navigation", QListWidget)
    return [nav.item(i).text() for i in range(nav.count())]


def open_dialog(qtbot, name: str) -> QWidget:
    """The dialog once shown and active (the offscreen platform has no window manager)."""
    dialog = wait_for(qtbot, name)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def show_page(qtbot, page: QWidget, name: str, width: int, height: int) -> QWidget:
    page.setObjectName(name)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    return page


def click_tab(qtbot, page: QWidget, tabs_name: str, title: str) -> QWidget:
    """Click the tab's title, as a person would; the tab's page."""
    tabs = child(page, tabs_name, QTabWidget)
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    return tabs.currentWidget()


def set_spin(qtbot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
