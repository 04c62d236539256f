"""Builds steunpunt.ico (16 to 256 pixels) from resources/steunpunt.svg, each size drawn from the
SVG by Qt's own renderer rather than scaled down from the largest, and the installer's side
picture (``steunpunt-zijkant.bmp`` beside it) in the icon's colours."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
"""Windows' icon sizes: the list views, the taskbar at 100 % to 250 %, Start and the desktop."""

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SVG = RESOURCES / "steunpunt.svg"
SIDE_PICTURE = "steunpunt-zijkant.bmp"
SIDE_SIZE = (164, 314)
"""The size NSIS's welcome and finish pages show their side picture at (100 % scaling)."""
SIDE_COLOUR = "#1f6f8b"
"""The icon's background colour (resources/steunpunt.svg)."""


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at ``size`` x ``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    pixels = bytes(image.constBits())
    return Image.frombuffer("RGBA", (size, size), pixels, "raw", "RGBA", image.bytesPerLine(), 1)


def make_side_picture(target: Path, renderer: QSvgRenderer) -> Path:
    """Write the installer's side picture: the icon large on its own colour, the name below."""
    width, height = SIDE_SIZE
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(SIDE_COLOUR))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(22, 56, 120, 120))
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(RESOURCES / "fonts" / "DejaVuSans-Bold.ttf"))
    )
    font = QFont(family[0] if family else "Sans")
    font.setPixelSize(22)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 190, width, 40), Qt.AlignmentFlag.AlignCenter, "Steunpunt")
    painter.end()
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    pixels = bytes(rgb.constBits())
    picture = Image.frombuffer("RGB", SIDE_SIZE, pixels, "raw", "RGB", rgb.bytesPerLine(), 1)
    picture.save(target, format="BMP")
    return target


def make_icon(target: Path, svg: Path = SVG) -> Path:
    """Write the multi-size ``.ico`` made from ``svg`` to ``target``, the side picture beside it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is no valid SVG")
    images = [render(renderer, size) for size in SIZES]
    target.parent.mkdir(parents=True, exist_ok=True)
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    make_side_picture(target.with_name(SIDE_PICTURE), renderer)
    return target


if __name__ == "__main__":
    print(make_icon(Path(sys.argv[1])))
