"""The template editor, driven as a person would: pick, type, insert a field, save, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.choices import LetterKind
from steunpunt.services.kernel.container import Services
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.letters import template_editor
from steunpunt.ui.letters.template_editor import TemplateEditor
from tests.widgets import Answers, activate, click, click_item, item_texts


class SaveQuestion:
    """Stands in for "Wijzigingen opslaan?": records the template names asked about."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def __call__(self, _parent: object, name: str) -> QMessageBox.StandardButton:
        self.asked.append(name)
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Discard


@pytest.fixture
def save_question(monkeypatch: pytest.MonkeyPatch) -> SaveQuestion:
    """Answers the unsaved-changes question (default: Niet opslaan), also when a test ends."""
    question = SaveQuestion()
    monkeypatch.setattr(template_editor, "ask_save_changes", question)
    return question


@pytest.fixture
def editor(
    qtbot: QtBot, screen_context: ScreenContext, save_question: SaveQuestion
) -> TemplateEditor:
    dialog = TemplateEditor(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    return dialog


def select(qtbot: QtBot, editor: TemplateEditor, text: str) -> None:
    click_item(qtbot, editor.list, text)
    assert editor.list.currentItem().text() == text


def type_at_end(qtbot: QtBot, editor: TemplateEditor, text: str) -> None:
    body = editor.form.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(body, Qt.Key.Key_Return)
        qtbot.keyClicks(body, line)


def test_default_templates_are_listed_by_kind(editor: TemplateEditor) -> None:
    assert item_texts(editor.list)[:4] == [
        f"Welkomstbrief ({LetterKind.WELCOME.label})",
        "Uitnodiging Dag van de Mantelzorg",
        "Vrije brief",
        "Compliment: ontvangstbevestiging",
    ]
    assert len(item_texts(editor.list)) == len(LetterKind)
    assert editor.windowTitle().startswith("Briefsjablonen")


def test_selecting_a_template_fills_the_fields(qtbot: QtBot, editor: TemplateEditor) -> None:
    select(qtbot, editor, "Uitnodiging Dag van de Mantelzorg")
    form = editor.form
    assert form.name.text() == "Uitnodiging Dag van de Mantelzorg"
    assert form.kind.currentText() == LetterKind.DAY_OF_CARE.label
    assert form.subject.text() == "Uitnodiging Dag van de Mantelzorg"
    assert form.body.toPlainText().startswith("{aanhef},")
    assert "{aanhef} — Aanhef, zonder komma" in item_texts(form.fields.list)


def test_preview_shows_the_letter_after_the_pause(qtbot: QtBot, editor: TemplateEditor) -> None:
    qtbot.waitUntil(lambda: editor.preview.page_count() == 1, timeout=5000)
    assert editor.preview.count_label.text() == "Pagina's: 1"
    assert not editor.preview.message.isVisible()


def test_unknown_field_is_named_and_saving_is_refused(
    qtbot: QtBot, editor: TemplateEditor, services: Services
) -> None:
    template_id = editor.template_id()
    assert template_id is not None
    stored = services.letters.template(template_id)
    type_at_end(qtbot, editor, " {voornam}")

    error = editor.form.body_error
    qtbot.waitUntil(lambda: error.isVisible(), timeout=3000)
    assert "{voornam}" in error.text()
    assert "{voornam}" in editor.preview.message.text()
    assert editor.preview.message.isVisible()
    assert editor.preview.page_count() == 0

    click(qtbot, editor.save_button)
    assert error.isVisible()
    assert "{voornam}" in error.text()
    assert "Niet opgeslagen" in editor.status.text()
    assert services.letters.template(template_id) == stored


def test_a_loose_brace_in_the_subject_is_explained_there(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    qtbot.keyClicks(editor.form.subject.line, " {")
    error = editor.form.subject.error
    qtbot.waitUntil(lambda: error.isVisible(), timeout=3000)
    assert "losse {" in error.text()
    assert "losse {" in editor.preview.message.text()
    assert not editor.form.body_error.isVisible()


def test_inserting_a_field_puts_it_at_the_cursor(qtbot: QtBot, editor: TemplateEditor) -> None:
    body = editor.form.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.Start)
    fields = editor.form.fields.list
    row = editor.form.fields.names().index("voornaam")
    fields.setCurrentRow(row)
    click(qtbot, editor.form.fields.insert_button)
    assert body.toPlainText().startswith("{voornaam}{aanhef},")


def test_double_click_inserts_into_the_subject_when_it_was_used_last(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    subject = editor.form.subject.line
    subject.setFocus()
    subject.end(False)
    fields = editor.form.fields.list
    item = fields.item(editor.form.fields.names().index("naam"))
    where = fields.visualItemRect(item).center()
    # A real double click: the first click presses the item, the second is the double click.
    qtbot.mouseClick(fields.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(fields.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert subject.text() == "Welkom bij {organisatie}{naam}"
    assert "{naam}" not in editor.form.body.toPlainText()


def test_saving_a_changed_body_persists(
    qtbot: QtBot, editor: TemplateEditor, services: Services
) -> None:
    type_at_end(qtbot, editor, "\n\nTot ziens, {voornaam}!")
    assert editor.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    template_id = editor.template_id()
    assert template_id is not None
    assert services.letters.template(template_id).data.body.endswith("Tot ziens, {voornaam}!")
    assert editor.status.text() == "Opgeslagen."
    assert not editor.isWindowModified()


def test_new_template_is_saved_and_listed(
    qtbot: QtBot, editor: TemplateEditor, services: Services
) -> None:
    click(qtbot, editor.new_button)
    assert editor.form.name.text() == ""
    qtbot.keyClicks(editor.form.name.line, "Nieuwsbrief")
    type_at_end(qtbot, editor, "Hallo {voornaam}.")
    click(qtbot, editor.save_button)

    expected = f"Nieuwsbrief ({LetterKind.WELCOME.label})"
    assert expected in item_texts(editor.list)
    assert editor.list.currentItem().text() == expected
    assert [view.data.name for view in services.letters.templates()].count("Nieuwsbrief") == 1


def test_new_template_without_a_name_shows_why(qtbot: QtBot, editor: TemplateEditor) -> None:
    click(qtbot, editor.new_button)
    click(qtbot, editor.save_button)
    assert editor.form.name.error.isVisible()
    assert editor.form.name.error.text() == "Geef het sjabloon een naam."
    assert len(item_texts(editor.list)) == len(LetterKind)


def test_copy_starts_an_unsaved_copy(
    qtbot: QtBot, editor: TemplateEditor, services: Services
) -> None:
    click(qtbot, editor.copy_button)
    assert editor.form.name.text() == "Welkomstbrief (kopie)"
    assert editor.isWindowModified()
    click(qtbot, editor.save_button)
    assert f"Welkomstbrief (kopie) ({LetterKind.WELCOME.label})" in item_texts(editor.list)


def test_delete_asks_and_removes(
    qtbot: QtBot, editor: TemplateEditor, services: Services, answers: Answers
) -> None:
    select(qtbot, editor, "Vrije brief")
    answers.question_answer = QMessageBox.StandardButton.No
    click(qtbot, editor.remove_button)
    assert answers.texts[-1].startswith("Het sjabloon 'Vrije brief' verwijderen?")
    assert len(item_texts(editor.list)) == len(LetterKind)

    answers.question_answer = QMessageBox.StandardButton.Yes
    click(qtbot, editor.remove_button)
    assert "Vrije brief" not in item_texts(editor.list)
    assert [view.data.name for view in services.letters.mailing_templates()] == [
        "Uitnodiging Dag van de Mantelzorg",
        "Welkomstbrief",
    ]


@pytest.mark.parametrize(
    ("answer", "saved", "switched"),
    [
        (QMessageBox.StandardButton.Save, True, True),
        (QMessageBox.StandardButton.Discard, False, True),
        (QMessageBox.StandardButton.Cancel, False, False),
    ],
)
def test_switching_with_unsaved_changes_asks(
    qtbot: QtBot,
    editor: TemplateEditor,
    services: Services,
    save_question: SaveQuestion,
    answer: QMessageBox.StandardButton,
    saved: bool,
    switched: bool,
) -> None:
    save_question.answers = [answer]
    welcome_id = editor.template_id()
    assert welcome_id is not None
    type_at_end(qtbot, editor, " Extra.")
    click_item(qtbot, editor.list, "Vrije brief")
    assert save_question.asked == ["Welkomstbrief"]
    assert services.letters.template(welcome_id).data.body.endswith(" Extra.") is saved
    shown = "Vrije brief" if switched else "Welkomstbrief"
    assert editor.form.name.text() == shown
    assert editor.list.currentItem().text().startswith(shown)
    if not switched:
        assert editor.form.body.toPlainText().endswith(" Extra.")


def test_closing_with_unsaved_changes_can_be_cancelled(
    qtbot: QtBot, editor: TemplateEditor, save_question: SaveQuestion
) -> None:
    save_question.answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    type_at_end(qtbot, editor, " Extra.")
    click(qtbot, editor.close_button)
    assert editor.isVisible()
    click(qtbot, editor.close_button)
    assert not editor.isVisible()
    assert save_question.answers == []


def test_closing_without_changes_does_not_ask(
    qtbot: QtBot, editor: TemplateEditor, save_question: SaveQuestion
) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert save_question.asked == []
