"""Form widgets with inline Dutch validation; the labels, buttons and tables dialogs share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.fields import PERSON_PARSERS
from steunpunt.domain.iban import format_iban

ERROR_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b6e20;"
INVALID_STYLE = "QLineEdit { border: 1px solid #b00020; }"
COMBO_INVALID_STYLE = "QComboBox { border: 1px solid #b00020; }"
HINT_STYLE = "color: #5f6368;"
NOTICE_STYLE = (
    "QLabel { color: #5d4037; background: #fff8e1; border: 1px solid #f9a825;"
    " border-radius: 3px; padding: 6px; }"
)
CHECK_FIELDS = "Controleer de rood gemarkeerde velden."
SHOWN_AS: Mapping[str, Callable[[Any], str]] = {"iban": format_iban}
"""Fields written back in a form of their own once checked: an IBAN in groups of four."""


def display_text(value: Any) -> str:
    """How a parsed value is written back into its field."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return (text.rstrip("0").rstrip(".") if "." in text else text).replace(".", ",")
    return str(value)


class SharedError:
    """One full-width error line under a row of narrow fields (postcode and woonplaats)."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        self._messages: dict[str, str] = {}

    def show(self, name: str, message: str | None) -> None:
        if message:
            self._messages[name] = message
        else:
            self._messages.pop(name, None)
        self.label.setText("\n".join(self._messages.values()))
        self.label.setVisible(bool(self._messages))


class FieldEdit(QWidget):
    """A line edit with its Dutch error message underneath; checks itself when left."""

    edited = Signal()

    def __init__(
        self,
        name: str,
        placeholder: str = "",
        parser: Callable[[str], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._parser = parser or PERSON_PARSERS.get(name)
        self._shown_as = SHOWN_AS.get(name, display_text)
        self.line = QLineEdit(self)
        self.line.setObjectName(name)
        self.line.setPlaceholderText(placeholder)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self._shared: SharedError | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.error)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.line.textEdited.connect(self._on_edited)
        self.line.editingFinished.connect(self.check)

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        self.line.setText(text)
        self.show_error(None)

    def share_error(self, shared: SharedError) -> None:
        """Show messages on the row's shared line: under a narrow box they would be cut off."""
        self.error.hide()
        self._shared = shared
        self.error = shared.label

    def show_error(self, message: str | None) -> None:
        if self._shared is not None:
            self._shared.show(self.name, message)
        else:
            self.error.setText(message or "")
            self.error.setVisible(bool(message))
        self.line.setStyleSheet(INVALID_STYLE if message else "")
        self.line.setToolTip(message or "")

    def check(self) -> bool:
        """Parse the text; show the message, or write back the normalised form."""
        if self._parser is None:
            return True
        try:
            value = self._parser(self.line.text())
        except InvalidValue as error:
            self.show_error(error.message)
            return False
        normalized = self._shown_as(value)
        if normalized != self.line.text():
            self.line.setText(normalized)
        self.show_error(None)
        return True

    def _on_edited(self) -> None:
        if self.error.isVisible():
            self.show_error(None)
        self.edited.emit()


class NoteEdit(QPlainTextEdit):
    """Multi-line notes with the same interface as :class:`FieldEdit`."""

    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(name)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self.textChanged.connect(self.edited)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)

    def show_error(self, message: str | None) -> None:
        self.setToolTip(message or "")
        self.setStyleSheet("QPlainTextEdit { border: 1px solid #b00020; }" if message else "")


class ChoiceCombo(QComboBox):
    """A drop-down of a :class:`LabelledChoice`; ``value()`` is the stored code."""

    edited = Signal()

    def __init__(
        self,
        name: str,
        choices: Iterable[LabelledChoice],
        empty_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(name)
        if empty_label is not None:
            self.addItem(empty_label, "")
        for choice in choices:
            self.addItem(choice.label, choice.value)
        self.activated.connect(lambda _index: self.edited.emit())

    def text(self) -> str:
        return str(self.currentData() or "")

    def set_text(self, code: str) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))

    def show_error(self, message: str | None) -> None:
        show_combo_error(self, message)


def show_combo_error(combo: QComboBox, message: str | None) -> None:
    """Mark a drop-down red with the message as its tooltip; None clears the mark."""
    combo.setToolTip(message or "")
    combo.setStyleSheet(COMBO_INVALID_STYLE if message else "")


Field = FieldEdit | NoteEdit | ChoiceCombo


class FieldSet:
    """The fields of one form by name: read them all, fill them, show errors per field."""

    def __init__(self, on_edit: Callable[[], None]) -> None:
        self._fields: dict[str, Field] = {}
        self._on_edit = on_edit

    def add(self, field: Field) -> Field:
        self._fields[field.name] = field
        field.edited.connect(self._on_edit)
        return field

    def edited_externally(self) -> None:
        """A widget outside the set (a check box) changed: count it as an edit."""
        self._on_edit()

    def __getitem__(self, name: str) -> Field:
        return self._fields[name]

    def raw(self) -> dict[str, str]:
        return {name: field.text() for name, field in self._fields.items()}

    def fill(self, values: Mapping[str, str]) -> None:
        for name, field in self._fields.items():
            field.set_text(values.get(name, ""))
            field.show_error(None)

    def in_error(self) -> list[str]:
        """The names of the fields that show a message now (each field's tooltip holds it)."""
        return [
            name
            for name, field in self._fields.items()
            if (field.line if isinstance(field, FieldEdit) else field).toolTip()
        ]

    def show_errors(self, errors: Mapping[str, str]) -> Field | None:
        """Show each message at its field; returns the first field in error, to focus it."""
        first: Field | None = None
        for name, field in self._fields.items():
            message = errors.get(name)
            field.show_error(message)
            if message and first is None:
                first = field
        return first


def list_table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only list of records: whole rows selected one at a time, compact fixed rows."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    return table


def focus_field(field: Field | None) -> None:
    """Put the cursor in a form field (the line inside a :class:`FieldEdit`); None does nothing."""
    if isinstance(field, FieldEdit):
        field.line.setFocus()
    elif field is not None:
        field.setFocus()


def _wrapped(parent: QWidget, style: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    return label


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A quiet grey explanation next to a field."""
    return _wrapped(parent, HINT_STYLE, text)


def notice_label(parent: QWidget) -> QLabel:
    """A hidden yellow box above a form, for what must be done before it can be saved."""
    label = _wrapped(parent, NOTICE_STYLE)
    label.hide()
    return label


def error_line(parent: QWidget) -> QLabel:
    """A red, wrapping line for what kept a dialog from saving."""
    return _wrapped(parent, ERROR_STYLE)


def show_status(label: QLabel, text: str, done: bool = False, error: bool = False) -> None:
    """Put ``text`` on a status line: red for an error, else green when done, else plain."""
    label.setStyleSheet(ERROR_STYLE if error else DONE_STYLE if done else "")
    label.setText(text)


def dialog_buttons(
    dialog: QDialog,
    accept: Callable[[], object],
    main: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
) -> QDialogButtonBox:
    """``main`` (Save or OK) runs ``accept``; Annuleren closes the dialog."""
    buttons = QDialogButtonBox(main | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
