"""Builds steunpunt.ico (16 to 256 pixels) from resources/steunpunt.svg, each size drawn from the
SVG by Qt's own renderer rather than scaled down from the largest."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
"""Windows' icon sizes: the list views, the taskbar at 100 % to 250 %, Start and the desktop."""

SVG = Path(__file__).resolve().parent.parent / "resources" / "steunpunt.svg"


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


def make_icon(target: Path, svg: Path = SVG) -> Path:
    """Write the multi-size ``.ico`` made from ``svg`` to ``target``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is no valid SVG")
    images = [render(renderer, size) for size in SIZES]
    target.parent.mkdir(parents=True, exist_ok=True)
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    return target


if __name__ == "__main__":
    print(make_icon(Path(sys.argv[1])))
