"""Edit and delete actions shared by the lists and the detail pane.

Deleting always asks first and says what goes with the record (the library's ``delete_impact``:
sub-items, delegations, short names); several records are deleted as one undoable operation.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

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
    if len(record_ids) == 1:
        name = session.library.records.get(kind, record_ids[0]).get("name") or ""
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
        return library.records.delete_many(kind, record_ids)

    text = translate("Editing", "Delete %1 %2").replace("%1", str(len(record_ids))).replace("%2", kind_title(kind))
    session.change(text, work)
    return True
