"""The round's letters from its window: receipt, grant and refusal letters, and the reminder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from steunpunt.domain.choices import LetterKind
from steunpunt.services.letters.dto import MailingResult
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.saved_file import tell_where_saved

if TYPE_CHECKING:
    from steunpunt.ui.compliment.window import ComplimentWindow

CHOICES = (
    (LetterKind.COMPLIMENT_RECEIVED, "Ontvangstbevestigingen ({n} aanvragen wachten)"),
    (LetterKind.COMPLIMENT_GRANTED, "Toekenningsbrieven ({n} aanvragen wachten)"),
    (LetterKind.COMPLIMENT_REFUSED, "Afwijzingsbrieven ({n} aanvragen wachten)"),
    (LetterKind.COMPLIMENT_CONTROL, "Controlebrieven aan de naasten ({n} aanvragen wachten)"),
)


class LetterActions:
    """Makes the letters that are still waiting, as one PDF, logged on every caregiver."""

    def __init__(self, context: ScreenContext, window: ComplimentWindow) -> None:
        self._context = context
        self._window = window

    def choose(self, round_id: int) -> None:
        """Ask which letters to make; only applications without that letter are included."""
        letters = self._context.services.compliment_letters
        waiting = {kind: letters.pending(round_id, kind) for kind, _text in CHOICES}
        options = [tr(text).format(n=len(waiting[kind])) for kind, text in CHOICES]
        options.append(tr("Herinnering voor volgend jaar aan de ontvangers van deze ronde"))
        chosen, accepted = QInputDialog.getItem(
            self._window, tr("Brieven maken"), tr("Welke brieven?"), options, 0, False
        )
        if not accepted or chosen not in options:
            return
        index = options.index(chosen)
        if index == len(CHOICES):
            self._context.runner.start(
                lambda _context: letters.reminder(
                    self._context.actor, round_id, self._context.paths.letters_dir
                ),
                self._made,
                self._window.show_failure,
            )
            return
        kind = CHOICES[index][0]
        ids = waiting[kind]
        if not ids:
            self._window.say(tr("Er wachten geen aanvragen op deze brief."), error=True)
            return
        self._context.runner.start(
            lambda _context: letters.application_letters(
                self._context.actor, kind, ids, self._context.paths.letters_dir
            ),
            self._made,
            self._window.show_failure,
        )

    def _made(self, result: MailingResult) -> None:
        text = tr("{n} brieven gemaakt (kenmerk {reference}) en vastgelegd.").format(
            n=result.letters, reference=result.reference
        )
        if result.left_out:
            names = ", ".join(
                f"{person.name} ({tr(person.reason.label).lower()})"
                for person in result.left_out[:3]
            )
            more = len(result.left_out) - 3
            text += " " + tr("Geen brief voor: {names}").format(names=names)
            text += tr(" en {n} anderen.").format(n=more) if more > 0 else "."
        self._window.say(text, done=True)
        tell_where_saved(self._window, tr("De brieven zijn gemaakt."), [result.letters_pdf])
