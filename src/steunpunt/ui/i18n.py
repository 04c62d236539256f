"""Dutch user interface text: ``tr()`` for our strings, Qt's own Dutch translation for its dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CONTEXT = "steunpunt"


def tr(text: str) -> str:
    """Translate ``text``; the program is written in Dutch, so this is the hook for other languages."""
    return QCoreApplication.translate(CONTEXT, text)


def install_dutch(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's ``qtbase_nl`` so standard buttons and dialogs speak Dutch; keep the result alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translators = []
    for name in ("qtbase_nl", "qt_nl"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("Qt translation %s not found in %s", name, folder)
    return translators
