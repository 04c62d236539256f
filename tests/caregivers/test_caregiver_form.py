"""Driving the caregiver form as a person would: type, see Dutch errors, correct, save, find."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.widgets import Answers, click, leave, retype, type_text


def type_into(qtbot: QtBot, window: MainWindow, field: str, text: str) -> None:
    """Type over a field of the caregiver form and leave it."""
    edit = window.form_view.fields[field]
    retype(qtbot, edit, text)
    leave(edit)  # type: ignore[arg-type]


def test_wrong_postcode_is_refused_then_corrected_saved_and_found(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services = opened.services
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.form_view
    type_into(qtbot, window, "first_name", "ayşe")
    type_into(qtbot, window, "last_name", "Yılmaz")
    type_into(qtbot, window, "street", "Kerkstraat")
    type_into(qtbot, window, "house_number", "4")
    type_into(qtbot, window, "postcode", "38111AB")
    type_into(qtbot, window, "place", "Amersfoort")
    postcode = window.form_view.fields["postcode"]
    assert postcode.error.isVisible()  # type: ignore[union-attr]
    assert "Nederlandse postcode" in postcode.error.text()  # type: ignore[union-attr]

    click(qtbot, window.form_view.save_button)
    assert services.caregivers.count() == 0
    assert "Niet opgeslagen" in window.form_view.message.text()

    type_into(qtbot, window, "postcode", "3811ab")
    assert window.form_view.fields["postcode"].text() == "3811 AB"
    click(qtbot, window.form_view.save_button)
    assert services.caregivers.count() == 1
    assert window.form_view.title.text() == "Ayşe Yılmaz"

    qtbot.keyClick(window.form_view, Qt.Key.Key_Escape)  # back to where it was opened from
    assert window.stack.currentWidget() is window.today_view
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.list_view
    window.list_view.search.clear()
    type_text(window.list_view.search, "ayse 3811")
    window.list_view.refresh()
    model = window.list_view.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Yılmaz, Ayşe"
    qtbot.keyClick(window.list_view.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.form_view
    assert window.form_view.fields["postcode"].text() == "3811 AB"


def test_every_invalid_field_gets_its_own_dutch_message(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    window.new_caregiver()
    type_into(qtbot, window, "last_name", "Jansen")
    type_into(qtbot, window, "iban", "NL91ABNA0417164301")
    type_into(qtbot, window, "email", "piet@")
    type_into(qtbot, window, "birth_date", "31-02-1960")
    click(qtbot, window.form_view.save_button)
    fields = window.form_view.fields
    assert "controlecijfers" in fields["iban"].error.text()  # type: ignore[union-attr]
    assert "e-mailadres" in fields["email"].error.text()  # type: ignore[union-attr]
    assert "geen bestaande datum" in fields["birth_date"].error.text()  # type: ignore[union-attr]
    assert "voornaam" in fields["first_name"].error.text().lower()  # type: ignore[union-attr]
    assert opened.services.caregivers.count() == 0


def test_second_save_of_a_stale_record_is_refused_and_input_stays(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, answers: Answers
) -> None:
    services, actor = opened.services, opened.actor
    form = {"first_name": "Jan", "last_name": "Vries", "infix": "de", "registered_on": "01-01-2025"}
    created = services.caregivers.create(
        actor, caregiver_from_form(form, frozenset(), False, TODAY)
    )
    window.list_view.refresh()
    window.open_caregiver(created.id)
    # Someone else, in another window, saves the same caregiver first.
    services.caregivers.update(
        actor,
        created.id,
        created.version,
        caregiver_from_form({**form, "phone": "0301234567"}, frozenset(), False, TODAY),
    )
    type_into(qtbot, window, "email", "jan@example.nl")
    click(qtbot, window.form_view.save_button)
    assert any("intussen door iemand anders gewijzigd" in text for text in answers.texts)
    assert window.form_view.fields["email"].text() == "jan@example.nl"
    assert services.caregivers.get(created.id).data.email == ""
    assert window.form_view.is_dirty()


def test_leaving_with_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, answers: Answers
) -> None:
    window.new_caregiver()
    type_into(qtbot, window, "last_name", "Bakker")
    answers.question_answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(window.form_view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.form_view
    assert any("nog niet zijn opgeslagen" in text for text in answers.texts)

    answers.question_answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(window.form_view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.today_view  # where the form was opened from
    assert opened.services.caregivers.count() == 0


def test_revert_restores_the_stored_values(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    form = {"first_name": "Els", "last_name": "Smit", "registered_on": "01-01-2025"}
    created = services.caregivers.create(
        actor, caregiver_from_form(form, frozenset(), False, TODAY)
    )
    window.open_caregiver(created.id)
    type_into(qtbot, window, "last_name", "Smid")
    assert window.form_view.revert_button.isEnabled()
    click(qtbot, window.form_view.revert_button)
    assert window.form_view.fields["last_name"].text() == "Smit"
    assert not window.form_view.is_dirty()


def test_fields_on_one_row_share_a_full_width_error_line(qtbot: QtBot, window: MainWindow) -> None:
    window.new_caregiver()
    fields = window.form_view.fields
    type_into(qtbot, window, "house_number", "12b")
    type_into(qtbot, window, "house_number_suffix", "")
    type_into(qtbot, window, "street", "Kerkstraat")
    number, suffix = fields["house_number"], fields["house_number_suffix"]
    assert number.error is suffix.error  # one line under the street row
    assert "alleen het nummer" in number.error.text()  # type: ignore[union-attr]
    type_into(qtbot, window, "house_number", "12")
    assert not number.error.isVisible()  # type: ignore[union-attr]
