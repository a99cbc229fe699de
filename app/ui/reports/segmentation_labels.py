"""The value segmentation cells as the screens name them (the numbers alone say little)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def cell_name(cell: int | None) -> str:
    """E.g. 1 → "高情感·高物质"; None → "No data"."""
    names = {
        1: QCoreApplication.translate("Segmentation", "High emotional · high material"),
        2: QCoreApplication.translate("Segmentation", "High emotional · middle material"),
        3: QCoreApplication.translate("Segmentation", "High emotional · low material"),
        4: QCoreApplication.translate("Segmentation", "Middle emotional · high material"),
        5: QCoreApplication.translate("Segmentation", "Middle emotional · middle material"),
        6: QCoreApplication.translate("Segmentation", "Middle emotional · low material"),
        7: QCoreApplication.translate("Segmentation", "Low emotional · high material"),
        8: QCoreApplication.translate("Segmentation", "Low emotional · middle material"),
        9: QCoreApplication.translate("Segmentation", "Low emotional · low material"),
    }
    if cell is None:
        return QCoreApplication.translate("Segmentation", "No data")
    return names.get(cell, str(cell))


def cell_text(cell: int | None) -> str:
    """The name with the number: "高情感·高物质 (1)"."""
    return cell_name(cell) if cell is None else f"{cell_name(cell)} ({cell})"


def level_name(level: int) -> str:
    """Level 0/1/2 of an axis (high, middle, low)."""
    return (
        QCoreApplication.translate("Segmentation", "High"),
        QCoreApplication.translate("Segmentation", "Middle"),
        QCoreApplication.translate("Segmentation", "Low"),
    )[level]
