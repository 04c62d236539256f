"""Locking the window: on Ctrl+L and after idle minutes the register is covered until the same
user (or a beheerder, who then goes on as themselves) types a password."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.services.accounts.dto import SignedIn
from steunpunt.ui.accounts.sign_in_dialogs import password_edit, text_edit
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import error_line

log = logging.getLogger(__name__)

LOCK_KEYS = "Ctrl+L"
"""The menu line Bestand › Vergrendelen has these keys."""
MINUTE_MS = 60_000
"""A minute of the idle time, in milliseconds (a test makes it short)."""
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)
"""What counts as someone using the program: it starts the idle time afresh."""


class LockScreen(QWidget):
    """What covers the register: who locked it, a login (empty: that user) and a password."""

    def __init__(self, name: str, unlock: Callable[[str, str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self._unlock = unlock
        title = QLabel(tr("Steunpunt is vergrendeld"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        explain = QLabel(
            tr(
                "{name} kan verder met het eigen wachtwoord. Een beheerder kan ook openen met "
                "de eigen inlognaam en gaat dan verder als zichzelf."
            ).format(name=name),
            self,
        )
        explain.setWordWrap(True)
        self.login = text_edit(self, "login")
        self.login.setPlaceholderText(tr("leeg: {name}").format(name=name))
        self.password = password_edit(self, "password")
        self.error = error_line(self)
        self.error.setObjectName("error")
        self.open_button = QPushButton(tr("Openen"), self)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._try)
        self.password.returnPressed.connect(self._try)
        self.login.returnPressed.connect(self._try)
        form = QFormLayout()
        form.addRow(tr("Inlognaam"), self.login)
        form.addRow(tr("Wachtwoord"), self.password)
        panel = QWidget(self)
        panel.setMaximumWidth(460)
        vbox(panel, title, explain, form, self.error, hbox(STRETCH, self.open_button))
        vbox(self, STRETCH, hbox(STRETCH, panel, STRETCH), STRETCH)

    def _try(self) -> None:
        login, password = self.login.text(), self.password.text()
        self.password.clear()
        self._unlock(login, password)


class WindowLock(QObject):
    """Covers ``window``'s register and menus, keeps every widget (and what is typed in it)."""

    def __init__(
        self,
        window: QMainWindow,
        context: ScreenContext,
        switch_user: Callable[[SignedIn], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._switch_user = switch_user
        self._covered: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._signed_out = False
        self.screen: LockScreen | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._idle_over)
        self.set_minutes(context.services.accounts.settings().lock_after_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self._covered is not None

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` without a key, click or mouse movement."""
        self.idle.setInterval(minutes * MINUTE_MS)
        self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.locked:
            self.idle.start()
        return False

    def _idle_over(self) -> None:
        """Lock, unless a dialog is open: it would lose what is typed in it; try again later."""
        if QApplication.activeModalWidget() is not None:
            self.idle.start()
            return
        self._cover(idle=True)

    def lock(self) -> None:
        """Cover the register and hide the menus and the other windows of the register."""
        self._cover(idle=False)

    def sign_out(self) -> None:
        """The window closes: its user signed out (recorded once)."""
        if not self._signed_out:
            self._signed_out = True
            self._record(lambda: self._context.services.accounts.sign_out(self._context.actor))

    def _cover(self, idle: bool) -> None:
        if self.locked or not self._window.isVisible():
            return
        window = self._window
        self._hidden = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not window and widget.isVisible() and widget.parent() is window
        ]
        for widget in self._hidden:
            widget.hide()
        self._covered = window.takeCentralWidget()
        self.screen = LockScreen(self._context.actor.name, self._unlock, window)
        window.setCentralWidget(self.screen)
        window.menuBar().hide()
        window.statusBar().hide()
        self.screen.password.setFocus()
        self.idle.stop()
        self._record(lambda: self._context.services.accounts.lock(self._context.actor, idle))

    @staticmethod
    def _record(event: Callable[[], None]) -> None:
        """Record a lock or sign-out; a busy or damaged database does not keep the window open."""
        try:
            event()
        except KnownProblem as problem:
            log.warning("Lock or sign-out not recorded: %s", problem.message)

    def _unlock(self, login: str, password: str) -> None:
        assert self.screen is not None
        accounts = self._context.services.accounts
        try:
            signed_in = accounts.unlock(self._context.actor, password, login)
        except KnownProblem as problem:
            self.screen.error.setText(problem.message)
            self.screen.password.setFocus()
            return
        self._uncover()
        if signed_in.actor != self._context.actor:
            self._switch_user(signed_in)

    def _uncover(self) -> None:
        window, covered = self._window, self._covered
        assert covered is not None
        window.takeCentralWidget()
        if self.screen is not None:
            self.screen.deleteLater()
            self.screen = None
        window.setCentralWidget(covered)
        self._covered = None
        window.menuBar().show()
        window.statusBar().show()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.idle.start()
