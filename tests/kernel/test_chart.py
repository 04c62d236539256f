"""The chart helpers: a grid line with its value in the left margin, and the axes; on an image."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from steunpunt.ui.chart import draw_axes, draw_grid_line

GRID, TEXT = QColor("#ff0000"), QColor("#000000")


def _painted(draw: Callable[[QPainter], None]) -> QImage:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    draw(painter)
    painter.end()
    return image


def _dark(image: QImage, xs: range, ys: range) -> bool:
    return any(image.pixelColor(x, y).lightness() < 128 for x in xs for y in ys)


def test_grid_line_crosses_the_plot_with_its_value_left_of_it(qtbot: QtBot) -> None:
    plot = QRectF(40, 10, 150, 80)
    image = _painted(lambda painter: draw_grid_line(painter, plot, 50, GRID, TEXT, "10"))
    assert image.pixelColor(100, 50) == GRID
    assert image.pixelColor(100, 60) == QColor("#ffffff")
    assert _dark(image, range(0, 34), range(40, 61))  # the value, right-aligned before the gap
    assert not _dark(image, range(35, 40), range(0, 100))
    assert not _dark(image, range(0, 40), range(0, 30))


def test_axes_run_along_the_bottom_and_left_of_the_plot(qtbot: QtBot) -> None:
    plot = QRectF(40, 10, 150, 80)

    def draw(painter: QPainter) -> None:
        painter.setPen(TEXT)
        draw_axes(painter, plot)

    image = _painted(draw)
    assert image.pixelColor(120, 90) == TEXT
    assert image.pixelColor(40, 30) == TEXT
    assert image.pixelColor(120, 30) == QColor("#ffffff")
