"""The dialog for one partner organisation of the sociale kaart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.domain.money import cents_text
from steunpunt.domain.support.partner import (
    PARTNER_PARSERS,
    PartnerData,
    PartnerKind,
    partner_from_form,
)
from steunpunt.services.support.dto import PartnerView
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import (
    CHECK_FIELDS,
    ChoiceCombo,
    FieldEdit,
    FieldSet,
    NoteEdit,
    dialog_buttons,
    error_line,
    focus_field,
    hint_label,
)


def _rate_text(text: str) -> str:
    """Check an hourly rate and write it back as ``32,50``."""
    return cents_text(PARTNER_PARSERS["hourly_rate"](text))


def partner_form_values(data: PartnerData) -> dict[str, str]:
    """A partner written back as the text of its form fields."""
    return {
        "name": data.name,
        "kind": data.kind.value,
        "contact_person": data.contact_person,
        "phone": data.phone,
        "email": data.email,
        **data.address.form_values(),
        "notes": data.notes,
        "hourly_rate": cents_text(data.hourly_rate_cents),
    }


class PartnerDialog(QDialog):
    """Add a partner organisation or change one; ``saved`` holds the result after OK."""

    def __init__(
        self, context: ScreenContext, partner: PartnerView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._partner = partner
        self.saved: PartnerView | None = None
        self.setWindowTitle(tr("Organisatie bewerken") if partner else tr("Nieuwe organisatie"))
        self.fields = FieldSet(lambda: None)
        form = QFormLayout()
        name = FieldEdit("name", tr("bijv. Respijthuis De Linde"), _parser("name"))
        form.addRow(tr("Naam *"), self.fields.add(name))
        self.kind = self.fields.add(ChoiceCombo("kind", PartnerKind, tr("(kies)")))
        form.addRow(tr("Soort *"), self.kind)
        form.addRow(
            tr("Contactpersoon"),
            self.fields.add(FieldEdit("contact_person", parser=_parser("contact_person"))),
        )
        form.addRow(tr("Telefoon"), self.fields.add(FieldEdit("phone")))
        form.addRow(tr("E-mail"), self.fields.add(FieldEdit("email")))
        self._add_address(form)
        rate = FieldEdit("hourly_rate", tr("bijv. 32,50"), _rate_text)
        rate.line.setMaximumWidth(120)
        form.addRow(tr("Uurtarief (€)"), self.fields.add(rate))
        self.rate_hint = hint_label(
            tr("Alleen voor thuiszorgaanbieders; laat het bij andere soorten leeg."), self
        )
        form.addRow("", self.rate_hint)
        form.addRow(tr("Notities"), self.fields.add(NoteEdit("notes")))
        self.active = QCheckBox(tr("Actief"), self)
        self.active.setToolTip(tr("Alleen actieve organisaties zijn te kiezen bij een verwijzing."))
        form.addRow("", self.active)
        self.message = error_line(self)
        self.buttons = dialog_buttons(self, self.save)
        vbox(self, form, self.message, self.buttons)
        if partner is None:
            self.active.setChecked(True)
        else:
            self.fields.fill(partner_form_values(partner.data))
            self.active.setChecked(partner.data.active)
        self.resize(620, self.sizeHint().height())
        name.line.setFocus()

    def _add_address(self, form: QFormLayout) -> None:
        """One row per part, so each Dutch message has the full width under its field."""
        for label, name, placeholder, width in (
            (tr("Straat"), "street", "", 0),
            (tr("Huisnummer"), "house_number", "", 90),
            (tr("Toevoeging"), "house_number_suffix", tr("bijv. A of bis"), 120),
            (tr("Postcode"), "postcode", tr("1234 AB"), 90),
            (tr("Plaats"), "place", "", 0),
            (tr("Gemeente"), "municipality", "", 0),
        ):
            field = FieldEdit(name, placeholder)
            if width:
                field.line.setMaximumWidth(width)
            form.addRow(label, self.fields.add(field))

    def save(self) -> None:
        try:
            data = partner_from_form(self.fields.raw(), self.active.isChecked())
        except ValidationFailed as failed:
            first = self.fields.show_errors(failed.errors)
            hidden = [failed.errors[n] for n in ("kind", "notes") if n in failed.errors]
            self.message.setText("\n".join([tr(CHECK_FIELDS), *hidden]))
            focus_field(first)
            return
        self.message.clear()
        partners = self._context.services.partners
        try:
            if self._partner is None:
                self.saved = partners.create(self._context.actor, data)
            else:
                self.saved = partners.update(
                    self._context.actor, self._partner.id, self._partner.version, data
                )
        except KnownProblem as problem:
            self.message.setText(problem.message)
            report_error(self, problem)
            return
        self.accept()


def _parser(name: str) -> Callable[[str], object]:
    return PARTNER_PARSERS[name]
