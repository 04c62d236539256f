"""Box layouts written as one call: widgets and layouts in order, top to bottom or side by side."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

Box = TypeVar("Box", bound=QBoxLayout)
STRETCH = None
"""In :func:`vbox` or :func:`hbox`: empty space that takes what the others leave."""
Part = QWidget | QLayout | tuple[QWidget | QLayout, int] | None
"""A widget or layout, one with its stretch factor, or :data:`STRETCH`."""


def vbox(parent: QWidget, *parts: Part) -> QVBoxLayout:
    """The top-to-bottom layout of ``parent``, holding ``parts`` in order."""
    return _filled(QVBoxLayout(parent), parts)


def hbox(*parts: Part) -> QHBoxLayout:
    """A left-to-right layout holding ``parts`` in order, to put in another layout."""
    return _filled(QHBoxLayout(), parts)


def field_column(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets stacked tightly in a box of their own: a field with its messages underneath."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    _filled(layout, widgets)
    return box


def _filled(layout: Box, parts: tuple[Part, ...]) -> Box:
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout
