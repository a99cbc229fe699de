"""Render resources/icons/loyalty-desk.svg into the PNG the window uses and the multi-size
ICO the Windows executable and installer use. Run after changing the SVG:

    .venv/bin/python tools/make_icons.py

Written by hand (BMP entries in an ICO container) because Qt's ICO writer stores one size.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def bmp_entry(image: QImage) -> bytes:
    """A 32-bit BMP icon image: header (height doubled for the mask), BGRA rows bottom-up,
    then the 1-bit AND mask (all zero: the alpha channel decides)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        for x in range(size):
            argb = image.pixel(x, y)
            rows.append(struct.pack("<I", argb))  # little-endian ARGB is BGRA in memory
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_row * size)


def ico_bytes(images: list[QImage]) -> bytes:
    entries = [bmp_entry(image) for image in images]
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for image, entry in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(entry), offset)
        offset += len(entry)
    return directory + b"".join(entries)


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "loyalty-desk.svg"))
    images = [render(renderer, size) for size in SIZES]
    (ICONS / "loyalty-desk.png").write_bytes(png_bytes(images[-1]))
    (ICONS / "loyalty-desk.ico").write_bytes(ico_bytes(images))
    print(f"wrote {ICONS / 'loyalty-desk.png'} and {ICONS / 'loyalty-desk.ico'}")


if __name__ == "__main__":
    main()
