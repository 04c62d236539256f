"""Dutch user interface text: ``tr()`` for our strings, Qt's own Dutch translation for its dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CONTEXT = "steunpunt"


def tr(text: str) -> str:
    """Translate ``text``; the program is written in Dutch, so this is the hook for other languages."""
    return QCoreApplication.translate(CONTEXT, text)


QT_TRANSLATION = "qtbase_nl"
"""Qt's own Dutch: standard buttons, file and message dialogs. Not ``qt_nl``: that file only
points to ``qtbase_nl`` and ``qtmultimedia_nl``, and does not load where Qt Multimedia (which
the program does not use) is not installed."""


def install_dutch(app: QCoreApplication) -> QTranslator | None:
    """Speak Dutch in Qt's own texts (``Annuleren``, ``Zoeken in``); keep the result alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(QT_TRANSLATION, folder):
        log.warning(
            "Qt's Dutch translation %s.qm is missing from %s: Qt's own buttons and dialogs "
            "stay in English",
            QT_TRANSLATION,
            folder,
        )
        return None
    app.installTranslator(translator)
    log.debug("Qt translation %s loaded from %s", QT_TRANSLATION, folder)
    return translator
