"""Edit and delete actions shared by the lists and the detail pane.

Deleting always asks first and says what goes with the record (the library's ``delete_impact``:
sub-items, delegations, short names); several records are deleted as one undoable operation.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from lawgov_desktop.core.errors import ConflictError, LawGovError
from lawgov_desktop.core.kinds import ROW_VERSION
from lawgov_desktop.core.library import Library

from . import prompts
from .forms import RecordDialog, kind_title
from .session import Session

translate = QCoreApplication.translate



def open_record_dialog(parent: QWidget, session: Session, kind: str, record_id: int | None = None, *,
                       fixed: dict[str, Any] | None = None) -> RecordDialog:
    """Show the dialog for a new record (``record_id=None``) or an existing one; returns it."""
    record = session.library.records.get(kind, record_id) if record_id is not None else None
    dialog = RecordDialog(session, kind, record, fixed=fixed, parent=parent)
    dialog.setModal(True)
    dialog.show()
    return dialog


def delete_records(parent: QWidget, session: Session, kind: str, record_ids: list[int]) -> bool:
    """Ask, then delete; returns False when the clerk said no."""
    if not record_ids:
        return False
    impact: Counter[str] = Counter()
    for record_id in record_ids:
        impact.update(session.library.records.delete_impact(kind, record_id))
    row_version: int | None = None  # one record goes only as the clerk saw it when asked (core.conflicts)
    if len(record_ids) == 1:
        shown = session.library.records.get(kind, record_ids[0])
        name, row_version = shown.get("name") or "", shown.get(ROW_VERSION)
        question = translate("Editing", "Delete %1 “%2”?").replace("%1", kind_title(kind)).replace("%2", str(name))
    else:
        question = translate("Editing", "Delete %1 records (%2)?").replace("%1", str(len(record_ids))).replace(
            "%2", kind_title(kind))
    goes_with = "、".join(f"{label} {count}" for label, count in impact.items() if count)
    if goes_with:
        question += "\n\n" + translate("Editing", "Also deleted with it: %1").replace("%1", goes_with)
    question += "\n\n" + translate("Editing", "You can undo this with Ctrl+Z.")
    if not prompts.confirm(parent, translate("Editing", "Delete"), question):
        return False

    def work(library: Library) -> int:
        if row_version is not None:
            library.records.delete(kind, record_ids[0], row_version=row_version)
            return 1
        return library.records.delete_many(kind, record_ids)

    text = translate("Editing", "Delete %1 %2").replace("%1", str(len(record_ids))).replace("%2", kind_title(kind))
    session.change(text, work, on_error=lambda error: _changed_meanwhile(parent, session, text, kind, error))
    return True


def _changed_meanwhile(parent: QWidget, session: Session, text: str, kind: str, error: LawGovError) -> bool:
    """Another clerk changed the record after the clerk was asked: say so, and delete it only if
    they still want to (as it is now); one deleted meanwhile is gone as the clerk wanted."""
    if not isinstance(error, ConflictError):
        return False
    question = str(error) + "\n\n" + translate("Editing", "Delete it anyway, as it is now?")
    if error.row_version is None:
        prompts.warn(parent, error)
    elif prompts.confirm(parent, translate("Editing", "Delete"), question):
        record_id, version = error.record_id, error.row_version
        session.change(text, lambda library: library.records.delete(kind, record_id, row_version=version),
                       on_error=lambda again: _changed_meanwhile(parent, session, text, kind, again))
    return True
