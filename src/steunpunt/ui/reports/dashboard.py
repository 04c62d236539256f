"""The dashboard: headline tiles of the verantwoording and a bar chart of reach over the years."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.dates import long_date
from steunpunt.domain.numbers import number_text
from steunpunt.domain.reports.report import Cell, Report
from steunpunt.domain.reports.suppression import is_hidden, privacy_note
from steunpunt.ui.chart import chart_painter, draw_axes, draw_grid_line
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, vbox

Reach = tuple[str, Cell, Cell]
"""(year, registered on 31 December, new in the year): a row of the report's years table, with
its hidden cells ("<5", "×") as the PDF and the workbook print them."""
YEARS_TABLE = "jaren"
BAR_COLORS = (QColor("#2f6fb0"), QColor("#e8913a"))
"""Registered and new: blue and orange, readable on a light and a dark palette."""
TILE_WIDTH = 210
MAX_TILE_COLUMNS = 4
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 28, 48
HIDDEN_BAR = 8
"""The height of a hidden count's bar, in pixels."""


def dutch_number(value: Cell) -> str:
    """``12345`` -> ``"12.345"``; a string (``"<5"``) stays as it is."""
    return number_text(value) if isinstance(value, int) else value


def title_line(report: Report) -> str:
    """``"Gemeente Soest · 1 januari 2026 t/m 31 december 2026"``."""
    where = tr("Gemeente {name}").format(name=report.municipality)
    if not report.municipality:
        where = tr("Alle gemeenten")
    return f"{where} · {long_date(report.starts_on)} t/m {long_date(report.ends_on)}"


def reach_rows(report: Report) -> list[Reach]:
    """The rows of the report's years table, as suppressed; none when it has no such table."""
    table = next((table for table in report.tables if table.key == YEARS_TABLE), None)
    return [(str(year), registered, new) for year, registered, new in table.rows] if table else []


def bold_font(widget: QWidget, factor: float) -> QFont:
    """The widget's font, bold and ``factor`` times as large."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    return font


def nice_top(value: int) -> tuple[int, int]:
    """A round top of the scale and its step: 1234 -> (1500, 500), about five steps."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor * 5:
                size = step * factor
                return max(size, -(-value // size) * size), size
        step *= 10


class Tile(QFrame):
    """One headline: a large value above its label."""

    def __init__(
        self, label: str, value: Cell, threshold: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            "QFrame#tile { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.value = QLabel(dutch_number(value), self)
        self.value.setFont(bold_font(self.value, 2))
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        vbox(self, self.value, self.label, STRETCH)
        self.setMinimumWidth(140)
        if is_hidden(value):  # the same rule as the PDF and the workbook, said where it shows
            self.setToolTip(privacy_note(threshold))


class TileGrid(QWidget):
    """Tiles in as many columns as fit (at most four), reflowed when the width changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self.columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # A fixed minimum: else the current columns' width would keep the grid from shrinking.
        self.setMinimumWidth(TILE_WIDTH - 40)

    def set_tiles(self, headlines: Sequence[tuple[str, Cell]], threshold: int = 0) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self.tiles = [Tile(label, value, threshold, self) for label, value in headlines]
        self.columns = 0
        self._reflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        columns = max(1, min(MAX_TILE_COLUMNS, self.width() // TILE_WIDTH))
        if columns == self.columns:
            return
        self.columns = columns
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
        for column in range(MAX_TILE_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)


class ReachChart(QWidget):
    """Two bars a year: registered on 31 December and new in the year, with their values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reach: tuple[Reach, ...] = ()
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Bereik per jaar"))

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_reach(self, reach: Sequence[Reach], threshold: int = 0) -> None:
        """The rows to draw; a hidden count's bar explains the rule when hovered, as a tile."""
        self.reach = tuple(reach)
        hidden = any(is_hidden(cell) for row in self.reach for cell in row[1:])
        self.setToolTip(privacy_note(threshold) if hidden else "")
        self.setAccessibleDescription(
            "; ".join(
                tr("{year}: {registered} ingeschreven, {new} nieuw").format(
                    year=year, registered=dutch_number(registered), new=dutch_number(new)
                )
                for year, registered, new in self.reach
            )
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter, text = chart_painter(self)
        if not self.reach:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Nog geen gegevens"))
            return
        plot = QRectF(self.rect()).adjusted(LEFT, TOP, -RIGHT, -BOTTOM)
        largest = max((c for r in self.reach for c in r[1:] if isinstance(c, int)), default=0)
        top, step = nice_top(int(largest * 1.08) + 1)  # headroom
        if largest:
            self._draw_scale(painter, plot, top, step, text)
        else:  # every count hidden or zero: a scale would only suggest sizes
            draw_axes(painter, plot)
        self._draw_legend(painter, plot, text)
        self._draw_bars(painter, plot, top, text)

    def _draw_scale(
        self, painter: QPainter, plot: QRectF, top: int, step: int, text: QColor
    ) -> None:
        """Grid lines with their values on the left, and the axes."""
        grid = QColor(text)
        grid.setAlpha(50)
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            draw_grid_line(painter, plot, y, grid, text, dutch_number(value))
        draw_axes(painter, plot)

    def _draw_legend(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        """The axis caption above the plot; the two bar colours centred below the years."""
        metrics = painter.fontMetrics()
        painter.drawText(QPointF(6, TOP / 2 + metrics.ascent() / 2 - 2), tr("Aantal mantelzorgers"))
        names = (tr("Ingeschreven op 31 december"), tr("Nieuw in het jaar"))
        width = sum(metrics.horizontalAdvance(name) + 18 for name in names) + 18
        x = max(0.0, plot.center().x() - width / 2)
        y = self.height() - BOTTOM / 2 + 2
        for color, name in zip(BAR_COLORS, names, strict=True):
            painter.fillRect(QRectF(x, y - 6, 12, 12), color)
            x += 18
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), name)
            x += metrics.horizontalAdvance(name) + 18

    def _draw_bars(self, painter: QPainter, plot: QRectF, top: int, text: QColor) -> None:
        """Per year two bars side by side with their values, and the year below (thinned out).

        A hidden count is a short dashed outline with its mark ("<5", "×") above it, as in the
        PDF: its height says nothing about the count."""
        group = plot.width() / len(self.reach)
        bar = min(group * 0.36, 64.0)
        metrics = painter.fontMetrics()
        widest = max(metrics.horizontalAdvance(dutch_number(c)) for r in self.reach for c in r[1:])
        font = QFont(painter.font())
        scale = (group / 2 - 2) / widest
        rotated = font.pointSizeF() * scale < 7  # too narrow even in small print: turn the values
        if not rotated and scale < 1:
            font.setPointSizeF(font.pointSizeF() * scale)
        every = math.ceil((metrics.horizontalAdvance("0000") + 8) / group)
        center = Qt.AlignmentFlag.AlignHCenter
        for index, (year, *counts) in enumerate(self.reach):
            middle = plot.left() + group * (index + 0.5)
            for side, (color, count) in enumerate(zip(BAR_COLORS, counts, strict=True)):
                height = plot.height() * count / top if isinstance(count, int) else HIDDEN_BAR
                box = QRectF(middle - bar - 1 if side == 0 else middle + 1, plot.bottom(), bar, 0)
                box.setTop(plot.bottom() - height)
                if isinstance(count, int):
                    painter.fillRect(box, color)
                else:
                    painter.save()
                    painter.setPen(QPen(color, 1, Qt.PenStyle.DashLine))
                    painter.drawRect(box)
                    painter.restore()
                painter.save()
                painter.setFont(font)
                _draw_value(painter, box, dutch_number(count), rotated, text)
                painter.restore()
            if (len(self.reach) - 1 - index) % every == 0:
                label = QRectF(middle - group * every / 2, plot.bottom() + 4, group * every, 20)
                painter.drawText(label, center | Qt.AlignmentFlag.AlignTop, str(year))


def _draw_value(painter: QPainter, box: QRectF, value: str, rotated: bool, text: QColor) -> None:
    """A bar's value above it; turned upright in white inside a tall bar when space is short."""
    metrics = painter.fontMetrics()
    height = metrics.height()
    if not rotated:
        painter.setPen(text)
        slot = QRectF(box.center().x() - 60, box.top() - height - 2, 120, height)
        painter.drawText(slot, Qt.AlignmentFlag.AlignCenter, value)
        return
    length = metrics.horizontalAdvance(value) + 4
    inside = box.height() >= length + 4
    painter.setPen(QColor("white") if inside else text)
    painter.translate(box.center().x(), box.top() + (length + 2 if inside else -2))
    painter.rotate(-90)
    painter.drawText(QRectF(0, -height / 2, length, height), value)


class DashboardView(QWidget):
    """Shows a report's headlines and reach, or a message while loading or when empty.

    :attr:`municipality_chosen` asks for the figures of another gemeente ("" for all).
    """

    municipality_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.municipality = QComboBox(self)
        self.municipality.setObjectName("dashboard_municipality")
        self.municipality.addItem(tr("Alle gemeenten"), "")
        self.municipality.currentIndexChanged.connect(
            lambda _index: self.municipality_chosen.emit(self.municipality.currentData())
        )
        self.message = QLabel(self)
        self.message.setObjectName("dashboard_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setFont(bold_font(self.title, 1.4))
        self.title.setWordWrap(True)
        self.tiles = TileGrid(self)
        self.chart_title = QLabel(tr("Bereik per jaar"), self)
        self.chart_title.setFont(bold_font(self.chart_title, 1))
        self.chart = ReachChart(self)

        content = QWidget(self)
        layout = vbox(content, self.title, self.tiles)
        layout.addSpacing(8)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.message)
        self.pages.addWidget(scroll)
        choose = QHBoxLayout()
        choose.setContentsMargins(9, 6, 9, 0)  # in line with the title below
        choose.addWidget(QLabel(tr("Gemeente"), self))
        choose.addWidget(self.municipality)
        choose.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(choose)
        outer.addWidget(self.pages)

    def show_report(self, report: Report) -> None:
        """Show the headlines as tiles under the title line, and the years table as a bar chart:
        both as suppressed, so the chart hides what the tiles hide."""
        self.title.setText(title_line(report))
        self.tiles.set_tiles([(h.label, h.value) for h in report.headlines], report.suppress_below)
        self.chart.set_reach(reach_rows(report), report.suppress_below)
        self.pages.setCurrentIndex(1)

    def set_municipalities(self, names: Sequence[str]) -> None:
        """The gemeenten to choose from; the chosen one stays chosen."""
        current = self.municipality.currentData()
        self.municipality.blockSignals(True)
        while self.municipality.count() > 1:
            self.municipality.removeItem(1)
        for name in names:
            self.municipality.addItem(name, name)
        self.municipality.setCurrentIndex(max(self.municipality.findData(current), 0))
        self.municipality.blockSignals(False)

    def chosen_municipality(self) -> str:
        return str(self.municipality.currentData() or "")

    def show_message(self, text: str) -> None:
        """Show only ``text`` (loading, no data, an error)."""
        self.message.setText(text)
        self.pages.setCurrentIndex(0)

    def tile_texts(self) -> list[tuple[str, str]]:
        """(value, label) of each tile, as shown."""
        return [(tile.value.text(), tile.label.text()) for tile in self.tiles.tiles]
