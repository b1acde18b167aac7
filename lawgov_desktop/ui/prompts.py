"""The questions the window asks and the errors it shows, in one place.

Message boxes block, so tests replace these functions (``monkeypatch.setattr(prompts, ...)``)
instead of clicking a modal dialog.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


class Choice(Enum):
    """The answer to "save your changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def warn(parent: QWidget | None, error: Exception | str) -> None:
    """Show an error the clerk can act on (the library's messages are already Chinese)."""
    QMessageBox.warning(parent, translate("Prompts", "LawGov Desktop"), str(error))


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question whose default answer is No."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_save(parent: QWidget | None) -> Choice:
    """Unsaved changes in a dialog: save, discard or keep editing."""
    answer = QMessageBox.question(
        parent, translate("Prompts", "Unsaved changes"), translate("Prompts", "This record has unsaved changes. Save them?"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def ask_read_only(path: str, reason: str | None = None) -> bool:
    """The database cannot be written here — another copy has it open, or ``reason`` — so offer
    read-only use (True) or quit (False)."""
    text = (translate("Prompts", "The database\n%1\nis already open in another LawGov Desktop window.\n\n"
                      "You can open it read-only to look things up, or quit.").replace("%1", path)
            if reason is None else reason + "\n\n" + translate("Prompts", "You can open it read-only to look things up, or quit."))
    title = (translate("Prompts", "Database already open") if reason is None
             else translate("Prompts", "Database cannot be written here"))
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    read_only = box.addButton(translate("Prompts", "Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Prompts", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only
