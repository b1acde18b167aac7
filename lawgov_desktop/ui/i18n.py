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
    # Qt's own translation ships in our folder too (the bundle leaves Qt's 300 files out).
    ours, qts = translations_dir(), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folders in ((f"lawgov_{language}", (ours,)), (f"qtbase_{language}", (ours, qts))):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
