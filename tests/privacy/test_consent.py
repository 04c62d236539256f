"""Consent withdrawn for one scope is honoured where that scope is used: post and sharing."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.consent import ConsentData
from steunpunt.domain.choices import ConsentScope, LeftOutReason
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.referrals_panel import ReferralsPanel
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.support.referral_dialog import ReferralDialog
from tests.helpers import consented
from tests.support.test_partners_and_referrals import add_partner
from tests.widgets import Answers, choose, click_text, fill, press_ok

EVERYTHING = frozenset(ConsentScope)


def narrow(services: Services, actor: Actor, caregiver_id: int, dropped: ConsentScope) -> None:
    """Record that the caregiver withdrew consent for ``dropped`` and kept the other scopes."""
    detail = services.caregivers.get(caregiver_id)
    consent = detail.data.consent
    assert consent is not None
    kept = ConsentData(consent.given_on, consent.scopes - {dropped}, consent.method)
    services.caregivers.update(actor, detail.id, detail.version, replace(detail.data, consent=kept))


def test_withdrawing_only_post_leaves_a_caregiver_out_of_mailings(
    services: Services, actor: Actor
) -> None:
    caregiver = services.caregivers.create(actor, consented(EVERYTHING)).id
    assert [
        p.caregiver_id for p in services.mailings.select_recipients(RecipientFilter()).included
    ] == [caregiver]

    narrow(services, actor, caregiver, ConsentScope.MAIL)

    selection = services.mailings.select_recipients(RecipientFilter())
    assert selection.included == ()
    assert selection.left_out[0].reason is LeftOutReason.NO_POST_CONSENT


def test_withdrawing_only_sharing_starts_a_new_referral_without_consent_and_it_is_refused(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> None:
    services, actor = opened.services, opened.actor
    add_partner(opened, "Respijthuis De Linde", "respijtzorg")
    caregiver = services.caregivers.create(actor, consented(EVERYTHING)).id
    narrow(services, actor, caregiver, ConsentScope.SHARE_WITH_PARTNERS)
    panel = ReferralsPanel(opened_context)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_caregiver(caregiver)

    click_text(qtbot, panel, "Nieuwe verwijzing…")
    dialog = panel.dialog
    assert isinstance(dialog, ReferralDialog)
    assert not dialog.consent.isChecked()
    choose(qtbot, dialog.partner, "Respijthuis De Linde (Respijtzorg)")
    fill(qtbot, dialog.fields, {"reason": "Wil even op adem komen"})
    press_ok(qtbot, dialog)

    assert dialog.consent_error.isVisible() and "toestemming" in dialog.consent_error.text()
    assert services.referrals.referrals(caregiver) == []
    assert "toestemming" in answers.texts[-1]
    dialog.reject()
