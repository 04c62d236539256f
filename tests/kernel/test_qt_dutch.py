"""Qt's own texts (standard buttons, file dialogs) speak Dutch once the program set them up."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from steunpunt.ui import i18n

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[object]:
    """The program's translation set-up; afterwards Qt speaks as it did before."""
    locale = QLocale()
    translator = i18n.install_dutch(qapp)
    yield translator
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_a_standard_button_reads_annuleren(dutch: object, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Save)
    qtbot.addWidget(buttons)
    assert buttons.button(Button.Cancel).text() == "Annuleren"
    assert buttons.button(Button.Save).text() == "Opslaan"
    assert QLocale().language() == QLocale.Language.Dutch
    for english, dutch in (("Look in:", "Zoeken in:"), ("Files of type:", "Bestanden van type:")):
        assert QCoreApplication.translate("QFileDialog", english) == dutch


def test_qt_finds_its_dutch_translation_without_a_warning(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / f"{i18n.QT_TRANSLATION}.qm").is_file()
    locale = QLocale()
    with caplog.at_level(logging.DEBUG, logger=i18n.__name__):
        translator = i18n.install_dutch(qapp)
    assert translator is not None
    qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_missing_translation_is_logged_plainly(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(i18n.QLibraryInfo, "path", lambda _which: str(tmp_path))
    locale = QLocale()
    with caplog.at_level(logging.WARNING, logger=i18n.__name__):
        assert i18n.install_dutch(qapp) is None
    QLocale.setDefault(locale)
    assert [r.getMessage() for r in caplog.records] == [
        f"Qt's Dutch translation qtbase_nl.qm is missing from {tmp_path}: "
        "Qt's own buttons and dialogs stay in English"
    ]
