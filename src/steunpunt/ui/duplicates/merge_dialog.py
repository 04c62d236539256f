"""Samenvoegen: a row per field with both people's values, the proposal chosen, then merge."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.services.duplicates.dto import MergeProposal, MergeResult
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import dialog_buttons, error_line, hint_label

EMPTY = "(leeg)"


class MergeDialog(QDialog):
    """Choose per field which value the person keeps; "Samenvoegen" merges in one step."""

    def __init__(
        self, context: ScreenContext, proposal: MergeProposal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._proposal = proposal
        self.result_text = ""
        self.merged: MergeResult | None = None
        survivor, other = proposal.survivor, proposal.other
        self.setWindowTitle(tr("Samenvoegen"))
        intro = QLabel(
            tr(
                "{survivor} blijft bestaan (de meeste geschiedenis: {mine} aanvragen, contacten "
                "en metingen, tegen {theirs}). {other} wordt samengevoegd: naasten, contacten, "
                "metingen, verwijzingen, huishoudelijke hulp, aanvragen en brieven gaan over "
                "naar {survivor}. Kies per gegeven welke waarde blijft; het voorstel is al "
                "gekozen. Samenvoegen kan later ongedaan worden gemaakt."
            ).format(
                survivor=survivor.name,
                other=other.name,
                mine=proposal.survivor_history,
                theirs=proposal.other_history,
            ),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(f"<b>{tr('Gegeven')}</b>", self), 0, 0)
        for column, person in enumerate((survivor, other), start=1):
            title = f"<b>{escape(person.name)} ({person.id})</b>"
            grid.addWidget(QLabel(title, self), 0, column)
        self.choices: dict[str, QButtonGroup] = {}
        for row, field in enumerate(proposal.fields, start=1):
            group = QButtonGroup(self)
            label = QLabel(tr(field.label), self)
            grid.addWidget(label, row, 0)
            for column, (value, owner) in enumerate(
                ((field.survivor_value, survivor.id), (field.other_value, other.id)), start=1
            ):
                button = QRadioButton(value or tr(EMPTY), self)
                button.setObjectName(f"{field.key}-{owner}")
                group.addButton(button, owner)
                button.setChecked(owner == field.proposed_id)
                grid.addWidget(button, row, column)
            if field.survivor_value == field.other_value:
                for same in group.buttons():
                    same.setEnabled(False)
            self.choices[field.key] = group
        self.error = error_line(self)
        buttons = dialog_buttons(self, self.merge, QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Samenvoegen"))
        ok.setEnabled(context.may("duplicates", "DuplicateService.merge"))
        vbox(
            self,
            intro,
            grid,
            hint_label(tr("Gelijke waarden staan grijs: daar valt niets te kiezen."), self),
            self.error,
            buttons,
        )

    def chosen(self) -> dict[str, int]:
        """Per field, the caregiver whose value stays."""
        return {key: group.checkedId() for key, group in self.choices.items()}

    def merge(self) -> None:
        """Merge as chosen; a refusal (a second grant, a change since) is shown here."""
        proposal = self._proposal
        try:
            self.merged = self._context.services.duplicates.merge(
                self._context.actor,
                proposal.survivor.id,
                proposal.other.id,
                self.chosen(),
                dict(proposal.versions),
            )
        except KnownProblem as problem:
            self.error.setText(problem.message)
            return
        self.result_text = tr("{other} is samengevoegd met {survivor}.").format(
            other=proposal.other.name, survivor=proposal.survivor.name
        )
        self.accept()
