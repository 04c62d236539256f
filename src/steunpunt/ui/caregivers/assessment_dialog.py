"""The dialog for one EDIZ-plus from the paper form: every statement "ja" / "nee", or only the total."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.domain.fields import required_date
from steunpunt.domain.support.burden import assessment_from_form
from steunpunt.services.support.dto import BurdenSummary
from steunpunt.ui.caregivers.person_fields import DATE_HINT
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.widgets import ERROR_STYLE, FieldEdit, FieldSet, NoteEdit, dialog_buttons

YES_KEYS = (Qt.Key.Key_J, Qt.Key.Key_1)
NO_KEYS = (Qt.Key.Key_N, Qt.Key.Key_0)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def red_label(parent: QWidget) -> QLabel:
    """A word-wrapped label for Dutch error messages."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class AnswerRow(QWidget):
    """One statement with "ja" / "nee" that starts unanswered; J or N answers and moves on."""

    answered = Signal()

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"statement_{number}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"{number}. {text}")
        self._striped = number % 2 == 0
        self.label = QLabel(f"{number}. {text}", self)
        self.label.setWordWrap(True)
        self.yes = QRadioButton(tr("Ja"), self)
        self.no = QRadioButton(tr("Nee"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.label, 1)
        for button in (self.yes, self.no):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.toggled.connect(self._toggled)
            layout.addWidget(button)

    def answer(self) -> bool | None:
        if self.yes.isChecked():
            return True
        return False if self.no.isChecked() else None

    def set_answer(self, value: bool | None) -> None:
        if value is not None:
            (self.yes if value else self.no).setChecked(True)
            return
        for button in (self.yes, self.no):
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)

    def mark_open(self, is_open: bool) -> None:
        self.label.setStyleSheet(ERROR_STYLE if is_open else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in YES_KEYS or key in NO_KEYS:
            self.set_answer(key in YES_KEYS)
            self.focusNextChild()
        elif key in CLEAR_KEYS:
            self.set_answer(None)
        elif key == Qt.Key.Key_Down:
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Every other statement striped; the one being answered shaded (repainted on focus)."""
        if self.hasFocus():
            color = self.palette().color(QPalette.ColorRole.Highlight)
            color.setAlpha(60)
        elif self._striped:
            color = self.palette().color(QPalette.ColorRole.AlternateBase)
        else:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), color)
        painter.end()

    def _toggled(self, _checked: bool) -> None:
        if self.answer() is not None:
            self.mark_open(False)
        self.answered.emit()


class AssessmentDialog(QDialog):
    """Record one EDIZ-plus measurement; the score's band is shown while typing."""

    def __init__(
        self, context: ScreenContext, caregiver_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self._bands = self._context.services.burden.bands()
        self.summary: BurdenSummary | None = None
        """The caregiver's measurements after a successful save."""
        statements = self._context.services.burden.statements(context.paths.data_dir)
        items = self._bands.items
        self.setWindowTitle(tr("Nieuwe meting EDIZ-plus"))
        self.fields = FieldSet(self._update)
        form = QFormLayout(self)
        form.addRow(
            tr("Datum *"), self.fields.add(FieldEdit("assessed_on", DATE_HINT, required_date))
        )
        part = self._statement_part(statements if len(statements) == items else ())
        part.setVisible(bool(self.rows))
        part.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        form.addRow(part)
        hint = tr("0 tot en met {items}").format(items=items)
        form.addRow(tr("Alleen de totaalscore"), self.fields.add(FieldEdit("total", hint)))
        self.band = QLabel(self)
        form.addRow(tr("Band"), self.band)
        form.addRow(tr("Notitie"), self.fields.add(NoteEdit("note")))
        self.message = red_label(self)
        form.addRow(self.message)
        buttons = dialog_buttons(self, self.save, QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        self.fields.fill({"assessed_on": format_date(self._context.today())})
        self._update()
        self.resize(560, 660)

    def _statement_part(self, statements: tuple[str, ...]) -> QWidget:
        """The statements in a scroll area (fits a 768 pixel high screen), their error and total."""
        part = QWidget(self)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            tr(
                "Vul alle uitspraken in, of alleen de totaalscore. "
                "Toetsen: J = ja, N = nee, Delete = wissen."
            ),
            part,
        )
        intro.setWordWrap(True)
        inner = QWidget()
        rows_layout = QVBoxLayout(inner)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.setSpacing(0)
        self.rows: list[AnswerRow] = []
        for number, text in enumerate(statements, start=1):
            row = AnswerRow(number, text, inner)
            row.answered.connect(self._update)
            rows_layout.addWidget(row)
            self.rows.append(row)
        rows_layout.addStretch(1)
        self.statements = QScrollArea(part)
        self.statements.setWidgetResizable(True)
        self.statements.setWidget(inner)
        self.statements.setMinimumHeight(180)
        self.statements.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.answers_error = red_label(part)
        self.answers_error.hide()
        self.running_total = QLabel(part)
        layout.addWidget(intro)
        layout.addWidget(self.statements, 1)
        layout.addWidget(self.answers_error)
        layout.addWidget(self.running_total)
        return part

    def answers(self) -> list[bool | None]:
        return [row.answer() for row in self.rows]

    def score(self) -> int | None:
        """All answers counted, else a valid total typed alone, else unknown."""
        given = [answer for answer in self.answers() if answer is not None]
        if given:
            return sum(given) if len(given) == len(self.rows) else None
        text = self.fields["total"].text().strip()
        if text.isascii() and text.isdigit() and len(text) <= 3 and int(text) <= self._bands.items:
            return int(text)  # only 0-9: "²" is a digit to isdigit, not to int
        return None

    def _update(self) -> None:
        answers = self.answers()
        open_count = answers.count(None)
        if not open_count and self.answers_error.isVisible():
            self.answers_error.hide()
            if not any(self._field_error(name) for name in ("assessed_on", "total")):
                self.message.clear()
        text = tr("Totaal: {score} van {items}").format(
            score=sum(1 for answer in answers if answer), items=self._bands.items
        )
        if 0 < open_count < len(answers):
            text += " " + tr("(nog {count} open)").format(count=open_count)
        self.running_total.setText(text)
        score = self.score()
        if score is None:
            self.band.setText("–")
            self.band.setStyleSheet("")
            return
        overloaded = self._bands.overloaded(score)
        label = tr(self._bands.level(score).label)
        self.band.setText(label + (" · " + tr("overbelast") if overloaded else ""))
        self.band.setStyleSheet(ERROR_STYLE if overloaded else "")

    def _field_error(self, name: str) -> bool:
        field = self.fields[name]
        return isinstance(field, FieldEdit) and not field.error.isHidden()

    def save(self) -> None:
        raw = self.fields.raw()
        answers = self.answers()
        try:
            data = assessment_from_form(
                raw["assessed_on"],
                answers,
                raw["total"],
                raw["note"],
                self._context.today(),
                self._bands.items,
            )
        except ValidationFailed as failed:
            self._show_errors(failed.errors)
            return
        try:
            self.summary = self._context.services.burden.record(
                self._context.actor, self._caregiver_id, data
            )
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = self.fields.show_errors(errors)
        message = errors.get("answers", "")
        self.answers_error.setText(message)
        self.answers_error.setVisible(bool(message))
        still_open = [row for row in self.rows if row.answer() is None] if message else []
        for row in self.rows:
            row.mark_open(row in still_open)
        self.message.setText(tr("Controleer de rood gemarkeerde velden."))
        if still_open:
            still_open[0].setFocus()
            self.statements.ensureWidgetVisible(still_open[0])
        elif first is not None:
            (first.line if isinstance(first, FieldEdit) else first).setFocus()
