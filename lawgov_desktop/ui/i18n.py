"""Loading the interface language: our own ``lawgov_<lang>.qm`` plus Qt's ``qtbase_<lang>.qm``.

Source strings are English (``tr()``); Chinese is the default language of the program, so a clerk
sees Chinese everywhere, standard buttons (确定/取消) included, unless English is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lawgov_desktop.core.paths import shipped_dir

_installed: list[QTranslator] = []


def translations_dir() -> str:
    """The folder of our compiled translations."""
    return str(shipped_dir("resources") / "translations")


def install(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators by those of ``language`` (``en`` needs none)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale("en_US"))
        return
    QLocale.setDefault(QLocale(language))
    sources = ((f"lawgov_{language}", translations_dir()),
               (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
