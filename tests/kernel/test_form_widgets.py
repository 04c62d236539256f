"""The shared form helpers: field focus, red drop-downs, a record table's selected record."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import (
    DONE_STYLE,
    ERROR_STYLE,
    ChoiceCombo,
    FieldEdit,
    focus_field,
    show_combo_error,
    show_status,
)


def test_focus_goes_into_the_line_of_a_field_edit(qtbot: QtBot, blank: QWidget) -> None:
    field = FieldEdit("postcode", parent=blank)
    other = QLineEdit(blank)
    vbox(blank, field, other)
    with qtbot.waitExposed(blank):
        blank.show()
    focus_field(field)
    qtbot.waitUntil(lambda: field.line.hasFocus())
    focus_field(None)
    assert field.line.hasFocus()


def test_focus_goes_to_a_drop_down_itself(qtbot: QtBot, blank: QWidget) -> None:
    combo = ChoiceCombo("kind", [], "(kies)", blank)
    vbox(blank, QLineEdit(blank), combo)
    with qtbot.waitExposed(blank):
        blank.show()
    focus_field(combo)
    qtbot.waitUntil(combo.hasFocus)


def test_a_drop_down_turns_red_with_its_message_and_back(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    show_combo_error(combo, "Kies een organisatie.")
    assert combo.toolTip() == "Kies een organisatie."
    assert "#b00020" in combo.styleSheet()
    show_combo_error(combo, None)
    assert combo.toolTip() == ""
    assert combo.styleSheet() == ""


def test_a_record_table_picks_the_record_of_the_selected_row(qtbot: QtBot) -> None:
    table = RecordTable(["Naam"])
    qtbot.addWidget(table)
    records = ["Ayşe", "Jan"]
    table.set_rows([(name,) for name in records])
    assert table.pick(records) == "Ayşe"  # the first row is selected after filling
    table.table.selectRow(1)
    assert table.pick(records) == "Jan"
    table.set_rows([])
    assert table.pick([]) is None


def test_a_status_line_is_red_for_an_error_green_when_done_else_plain(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    show_status(label, "Opgeslagen.", done=True)
    assert (label.text(), label.styleSheet()) == ("Opgeslagen.", DONE_STYLE)
    show_status(label, "Niet gelukt.", done=True, error=True)
    assert (label.text(), label.styleSheet()) == ("Niet gelukt.", ERROR_STYLE)
    show_status(label, "Bezig…")
    assert (label.text(), label.styleSheet()) == ("Bezig…", "")


def test_a_known_problem_is_shown_at_its_fields_or_for_the_whole_form() -> None:
    from steunpunt.domain.errors import KnownProblem, ValidationFailed
    from steunpunt.ui.errors import field_problems

    assert field_problems(ValidationFailed({"year": "Vul een jaar in."})) == {
        "year": "Vul een jaar in."
    }
    assert field_problems(KnownProblem("Iemand anders heeft dit al gewijzigd.")) == {
        "": "Iemand anders heeft dit al gewijzigd."
    }
