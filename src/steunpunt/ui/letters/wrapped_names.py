"""A list whose long entries wrap onto as many lines as they need, at any width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

TALL = 10_000


class WrappedNames(QStyledItemDelegate):
    """Sizes every entry for the list's own width, so a long name is never cut or elided
    (Qt's own sizing can give a name one line where painting needs two)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)  # new widths size the entries again

    def _width(self) -> int:
        return max(self._view.viewport().width() - 2 * self._view.spacing(), 1)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        sized = QStyleOptionViewItem(option)
        self.initStyleOption(sized, index)
        sized.rect = QRect(0, 0, self._width(), TALL)
        style = self._view.style()
        height = style.sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, sized, QSize(), self._view
        ).height()
        return QSize(self._width(), height)
