"""Choosing a mailing's recipients: a saved filter, adjusted by age, place, gemeente and date."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.choices import LetterKind
from steunpunt.domain.dates import format_date, parse_optional_date
from steunpunt.domain.errors import InvalidValue, KnownProblem
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.services.letters.dto import NamedFilter
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox

DATE_HINT = "dd-mm-jjjj"


def _split(text: str) -> tuple[str, ...]:
    """``"Soest, Baarn"`` -> ``("Soest", "Baarn")``."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


class RecipientFilterBox(QGroupBox):
    """A filter chosen from the list and shown in editable fields; emits :attr:`changed`."""

    changed = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Ontvangers"), parent)
        self._context = context
        self._filling = False
        self.choice = QComboBox(self)
        self.save_button = QPushButton(tr("Filter opslaan…"), self)
        self.remove_button = QPushButton(tr("Filter verwijderen"), self)
        self.brackets = {bracket: QCheckBox(tr(bracket.label), self) for bracket in AgeBracket}
        self.places = QLineEdit(self)
        self.places.setPlaceholderText(tr("alle woonplaatsen; meerdere met komma's"))
        self.municipalities = QLineEdit(self)
        self.municipalities.setPlaceholderText(tr("alle gemeenten; meerdere met komma's"))
        self.registered_from = QLineEdit(self)
        self.registered_until = QLineEdit(self)
        for edit in (self.registered_from, self.registered_until):
            edit.setPlaceholderText(DATE_HINT)
            edit.setMaximumWidth(110)
        self.not_yet_sent = QComboBox(self)
        self.not_yet_sent.addItem(tr("(maakt niet uit)"), None)
        for kind in LetterKind:
            self.not_yet_sent.addItem(tr(kind.label), kind)
        self.compliment_year = QComboBox(self)
        self.compliment_year.addItem(tr("(maakt niet uit)"), None)
        for year in sorted(
            {view.rules.year for view in context.services.rounds.rounds()}, reverse=True
        ):
            self.compliment_year.addItem(str(year), year)

        chooser = hbox((self.choice, 1), self.save_button, self.remove_button)
        ages = QHBoxLayout()
        for box in self.brackets.values():
            ages.addWidget(box)
        ages.addStretch(1)
        dates = hbox(
            self.registered_from, QLabel(tr("tot en met"), self), self.registered_until, STRETCH
        )
        form = QFormLayout(self)
        form.addRow(tr("Filter"), chooser)
        form.addRow(tr("Leeftijd"), ages)
        form.addRow(tr("Woonplaats"), self.places)
        form.addRow(tr("Gemeente"), self.municipalities)
        form.addRow(tr("Ingeschreven vanaf"), dates)
        form.addRow(tr("Nog niet ontvangen"), self.not_yet_sent)
        form.addRow(tr("Compliment ontvangen in"), self.compliment_year)

        self.choice.currentIndexChanged.connect(self._chosen)
        self.save_button.clicked.connect(self.save_filter)
        self.remove_button.clicked.connect(self.remove_filter)
        for box in self.brackets.values():
            box.toggled.connect(self._edited)
        for edit in (self.places, self.municipalities, self.registered_from, self.registered_until):
            edit.textChanged.connect(self._edited)
        self.not_yet_sent.currentIndexChanged.connect(self._edited)
        self.compliment_year.currentIndexChanged.connect(self._edited)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Fill the list of filters; keep or choose ``select`` by name."""
        current = select or self.choice.currentText()
        self._filling = True
        self.choice.clear()
        for named in self._context.services.letters.filters():
            self.choice.addItem(named.name, named)
        index = self.choice.findText(current)
        self._filling = False
        self.choice.setCurrentIndex(max(index, 0))
        self._chosen()

    def _named(self) -> NamedFilter | None:
        data = self.choice.currentData()
        return data if isinstance(data, NamedFilter) else None

    def _chosen(self) -> None:
        named = self._named()
        if self._filling or named is None:
            return
        self._filling = True
        criteria = named.criteria
        for bracket, box in self.brackets.items():
            box.setChecked(bracket in criteria.brackets)
        self.places.setText(", ".join(criteria.places))
        self.municipalities.setText(", ".join(criteria.municipalities))
        self.registered_from.setText(format_date(criteria.registered_from))
        self.registered_until.setText(format_date(criteria.registered_until))
        self.not_yet_sent.setCurrentIndex(max(self.not_yet_sent.findData(criteria.not_yet_sent), 0))
        year = criteria.compliment_year
        if year is not None and self.compliment_year.findData(year) < 0:
            self.compliment_year.addItem(str(year), year)  # a year without a round (yet)
        self.compliment_year.setCurrentIndex(max(self.compliment_year.findData(year), 0))
        self._filling = False
        self.remove_button.setEnabled(not named.built_in)
        self.changed.emit()

    def _edited(self) -> None:
        if not self._filling:
            self.changed.emit()

    def criteria(self) -> RecipientFilter:
        """The filter as the fields show it; raises :class:`InvalidValue` for a wrong date."""
        return RecipientFilter(
            brackets=tuple(bracket for bracket, box in self.brackets.items() if box.isChecked()),
            places=_split(self.places.text()),
            municipalities=_split(self.municipalities.text()),
            registered_from=parse_optional_date(self.registered_from.text()),
            registered_until=parse_optional_date(self.registered_until.text()),
            not_yet_sent=self.not_yet_sent.currentData(),
            compliment_year=self.compliment_year.currentData(),
        ).check()

    def description(self) -> str:
        """The filter's name, and how it was adjusted, for the letter log."""
        named = self._named()
        try:
            criteria = self.criteria()
        except InvalidValue:
            return named.name if named else ""
        if named is not None and named.criteria == criteria:
            return named.name
        return criteria.describe()

    def save_filter(self) -> None:
        try:
            criteria = self.criteria()
        except InvalidValue as error:
            report_error(self, error)
            return
        named = self._named()
        suggestion = "" if named is None or named.built_in else named.name
        name, accepted = QInputDialog.getText(
            self, tr("Filter opslaan"), tr("Naam van het filter:"), text=suggestion
        )
        if not accepted or not name.strip():
            return
        try:
            saved = self._context.services.letters.save_filter(self._context.actor, name, criteria)
        except KnownProblem as error:
            report_error(self, error)
            return
        self.reload(select=saved.name)

    def remove_filter(self) -> None:
        named = self._named()
        if named is None or named.built_in or named.id is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Filter verwijderen"),
            tr("Het filter '{name}' verwijderen? Verstuurde mailings blijven bewaard.").format(
                name=named.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._context.services.letters.remove_filter(self._context.actor, named.id)
        except KnownProblem as error:
            report_error(self, error)
            return
        self.reload(select=self.choice.itemText(0))
