"""Box layouts in one call: parts in order, stretch factors, empty stretch, a tight field column."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from steunpunt.ui.layouts import STRETCH, field_column, hbox, vbox
from steunpunt.ui.widgets import notice_label


def test_vbox_lays_out_its_parent_with_widgets_and_layouts_in_order(
    qtbot: QtBot, blank: QWidget
) -> None:
    notice, form, message = notice_label(blank), QFormLayout(), QLabel(blank)
    layout = vbox(blank, notice, form, (message, 2))
    assert blank.layout() is layout
    assert layout.itemAt(0).widget() is notice
    assert layout.itemAt(1).layout() is form
    assert layout.itemAt(2).widget() is message
    assert [layout.stretch(i) for i in range(3)] == [0, 0, 2]
    blank.show()
    assert not notice.isVisible()
    assert message.isVisible()


def test_hbox_keeps_stretch_factors_and_empty_stretch(qtbot: QtBot, blank: QWidget) -> None:
    status, open_button, close_button = QLabel(blank), QPushButton(blank), QPushButton(blank)
    row = hbox((status, 1), open_button, STRETCH, close_button)
    assert row.parent() is None
    assert row.count() == 4
    assert row.itemAt(2).spacerItem() is not None
    assert [row.stretch(i) for i in range(4)] == [1, 0, 1, 0]
    vbox(blank, row)
    blank.resize(600, 100)
    with qtbot.waitExposed(blank):
        blank.show()
    assert close_button.geometry().right() > 500
    assert open_button.geometry().right() < close_button.geometry().left() - 50


def test_field_column_stacks_its_widgets_in_order_without_margins(
    qtbot: QtBot, blank: QWidget
) -> None:
    field, message = QLineEdit(blank), QLabel("fout", blank)
    box = field_column(blank, field, message)
    layout = box.layout()
    assert [layout.itemAt(i).widget() for i in range(layout.count())] == [field, message]
    assert layout.contentsMargins().top() == 0
    assert layout.spacing() == 2
    assert field.parent() is box
