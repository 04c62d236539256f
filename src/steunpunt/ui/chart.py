"""What the small charts share: a painter in the palette's text colour, grid lines, axes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

LABEL_GAP = 6
"""Between a grid line's value and the plot."""


def chart_painter(widget: QWidget) -> tuple[QPainter, QColor]:
    """An antialiased painter on ``widget`` with the palette's text colour as its pen (returned)."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = widget.palette().color(QPalette.ColorRole.WindowText)
    painter.setPen(text)
    return painter, text


def draw_grid_line(
    painter: QPainter, plot: QRectF, y: float, grid: QColor, text: QColor, value: str
) -> None:
    """A thin line across ``plot`` at ``y``, its value right-aligned in the margin on the left."""
    height = painter.fontMetrics().height()
    painter.setPen(QPen(grid, 1))
    painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    painter.setPen(text)
    label = QRectF(0, y - height / 2, plot.left() - LABEL_GAP, height)
    painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value)


def draw_axes(painter: QPainter, plot: QRectF) -> None:
    """The bottom and left edge of ``plot`` in the current pen."""
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
