"""The EDIZ-plus trend of one caregiver: totals by date against the bands and the overload line."""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from steunpunt.domain.support.burden import BurdenBands
from steunpunt.services.support.dto import BurdenSummary
from steunpunt.ui.chart import chart_painter, draw_axes, draw_grid_line
from steunpunt.ui.i18n import tr

OVERLOAD_COLOR = QColor("#b00020")
BAND_COLORS = (QColor(76, 175, 80, 40), QColor(255, 193, 7, 50), QColor(244, 67, 54, 40))
"""Background of licht, matig and zwaar; translucent so a dark palette still works."""
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 34, 74, 10, 24
POINT_RADIUS = 3.5


def short_date(value: date) -> str:
    """``date(2026, 3, 12)`` -> ``"12-03-26"``."""
    return f"{value.day:02d}-{value.month:02d}-{value.year % 100:02d}"


def nice_step(items: int) -> int:
    """The step between score labels: 1, 2, 5, 10 ... with at most five steps."""
    for step in (1, 2, 5, 10, 20, 25, 50):
        if items / step <= 5:
            return step
    return max(1, math.ceil(items / 5))


class BurdenChart(QWidget):
    """Draws the measurements oldest to newest, evenly spaced; empty shows a Dutch placeholder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: BurdenSummary | None = None
        self._bands = BurdenBands()
        self.setMinimumSize(360, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Verloop van de belasting"))

    def sizeHint(self) -> QSize:
        return QSize(520, 200)

    def set_summary(self, summary: BurdenSummary | None, bands: BurdenBands) -> None:
        self._summary = summary
        self._bands = bands
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter, text = chart_painter(self)
        if self._summary is None or not self._summary.assessments:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Nog geen metingen"))
            return
        plot = QRectF(self.rect()).adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)
        self._draw_bands(painter, plot)
        self._draw_scale(painter, plot, text)
        self._draw_overload(painter, plot)
        self._draw_points(painter, plot, text)

    def _items(self) -> int:
        assert self._summary is not None
        return max(1, self._summary.items)

    def _y(self, plot: QRectF, score: float) -> float:
        score = min(max(score, 0.0), float(self._items()))
        return plot.bottom() - plot.height() * score / self._items()

    def _x(self, plot: QRectF, index: int, count: int) -> float:
        if count == 1:
            return plot.center().x()
        inset = min(self.fontMetrics().horizontalAdvance("00-00-00") / 2 + 4, plot.width() / 4)
        return plot.left() + inset + (plot.width() - 2 * inset) * index / (count - 1)

    def _draw_bands(self, painter: QPainter, plot: QRectF) -> None:
        """licht, matig and zwaar as soft stripes; a band starting at 4 covers 3.5 and up."""
        bands = self._bands
        edges = (bands.light_from, bands.moderate_from, bands.heavy_from, self._items() + 0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        for color, low, high in zip(BAND_COLORS, edges, edges[1:], strict=False):
            top, bottom = self._y(plot, high - 0.5), self._y(plot, low - 0.5)
            painter.fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), color)

    def _draw_scale(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        """The axes and the score labels on the left."""
        grid = QColor(text)
        grid.setAlpha(60)
        step = nice_step(self._items())
        scores = sorted({*range(0, self._items() + 1, step), self._items()})
        if len(scores) > 2 and scores[-1] - scores[-2] < step / 2:
            scores.pop(-2)
        for score in scores:
            draw_grid_line(painter, plot, self._y(plot, score), grid, text, str(score))
        painter.setPen(QPen(text, 1))
        draw_axes(painter, plot)

    def _draw_overload(self, painter: QPainter, plot: QRectF) -> None:
        """A dashed line just under the threshold: every point above it is overloaded."""
        y = self._y(plot, self._bands.overload_from - 0.5)
        painter.setPen(QPen(OVERLOAD_COLOR, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        metrics = painter.fontMetrics()
        label = QRectF(
            plot.right() + 6, y - metrics.height() / 2, MARGIN_RIGHT - 6, metrics.height()
        )
        painter.drawText(
            label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr("overbelast")
        )

    def _draw_points(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        """The connecting line, the points (red when overloaded) and thinned-out date labels."""
        assert self._summary is not None
        assessments = self._summary.assessments
        count = len(assessments)
        points = [
            QPointF(self._x(plot, i, count), self._y(plot, a.total))
            for i, a in enumerate(assessments)
        ]
        line = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(line, 2))
        for start, end in pairwise(points):
            painter.drawLine(start, end)
        painter.setPen(QPen(text, 1))
        for point, assessment in zip(points, assessments, strict=True):
            painter.setBrush(OVERLOAD_COLOR if assessment.overloaded else line)
            painter.drawEllipse(point, POINT_RADIUS, POINT_RADIUS)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance("00-00-00") + 10
        spacing = points[1].x() - points[0].x() if count > 1 else plot.width()
        every = max(1, math.ceil(width / max(spacing, 1.0)))
        for index, (point, assessment) in enumerate(zip(points, assessments, strict=True)):
            if (count - 1 - index) % every:
                continue
            label = QRectF(point.x() - width / 2, plot.bottom() + 4, width, metrics.height())
            painter.drawText(
                label, Qt.AlignmentFlag.AlignCenter, short_date(assessment.assessed_on)
            )
