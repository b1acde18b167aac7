"""Small dialogs of the main window: preferences, about, merging departments, bulk change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop import __version__
from lawgov_desktop.core.errors import LawGovError, ValidationError
from lawgov_desktop.core.fields import DEPARTMENT
from lawgov_desktop.core.library import Library

from . import settings
from .facets import facet_options
from .forms import ReferenceCombo, kind_title
from .kinds import BULK_FIELDS, field_label
from .session import Session
from .widgets import ERROR_STYLE


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PreferencesDialog(QDialog):
    """The interface language, the font printed lists embed, and (stored in the database, so the
    ``lawgov`` command line keeps to them too) how many backups to keep and where."""

    def __init__(self, parent: QWidget | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._backup_settings = session.library.backups.backup_settings() if session is not None else None
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language()), 0))
        note = QLabel(self.tr("A new language takes effect when the program is started again."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("Font of printed lists:"), self._font_row())
        form.addRow(self.tr("Backups to keep:"), self._keep_box())
        form.addRow(self.tr("Backup folder:"), self._backup_folder_row())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(_buttons(self))

    def _font_row(self) -> QHBoxLayout:
        """The TrueType file catalogues embed; empty lets the exporter find a system font."""
        self.font_path = QLineEdit(settings.catalogue_font())
        self.font_path.setObjectName("catalogue_font")
        self.font_path.setPlaceholderText(self.tr("Automatic (a Chinese font of this computer)"))
        self.font_path.setClearButtonEnabled(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_font)
        row = QHBoxLayout()
        row.addWidget(self.font_path, 1)
        row.addWidget(choose)
        return row

    def _choose_font(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Font of printed lists"), self.font_path.text(),
                                              self.tr("TrueType fonts (*.ttf *.ttc)"))
        if name:
            self.font_path.setText(name)

    def _keep_box(self) -> QSpinBox:
        current = self._backup_settings
        self.backup_keep = QSpinBox()
        self.backup_keep.setObjectName("backup_keep")
        self.backup_keep.setRange(1, 999)
        self.backup_keep.setValue(current.keep if current is not None else 20)
        self.backup_keep.setEnabled(self.session is not None and self.session.writer is not None)
        return self.backup_keep

    def _backup_folder_row(self) -> QHBoxLayout:
        """Empty keeps the backups beside the database (they travel with it)."""
        folder = self._backup_settings.folder if self._backup_settings is not None else None
        self.backup_folder = QLineEdit(str(folder) if folder is not None else "")
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.setPlaceholderText(self.tr("Beside the database"))
        self.backup_folder.setClearButtonEnabled(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_backup_folder)
        for widget in (self.backup_folder, choose):
            widget.setEnabled(self.backup_keep.isEnabled())
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        return row

    def _choose_backup_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_folder.text())
        if name:
            self.backup_folder.setText(name)

    def accept(self) -> None:
        settings.set_language(self.language.currentData())
        settings.set_catalogue_font(self.font_path.text())
        self._save_backup_settings()
        super().accept()

    def _save_backup_settings(self) -> None:
        """On the writer, only when changed; a folder that is a file is refused with the library's message."""
        current = self._backup_settings
        if self.session is None or current is None or not self.backup_keep.isEnabled():
            return
        keep, folder = self.backup_keep.value(), self.backup_folder.text().strip()
        if keep == current.keep and folder == (str(current.folder) if current.folder is not None else ""):
            return
        self.session.run(self.tr("Backup settings"),
                         lambda library: library.backups.set_backup_settings(keep=keep, folder=folder))


def show_about(parent: QWidget, database: str, read_only: bool) -> None:
    """Version and the database file in use (what IT asks for on the phone)."""
    mode = QCoreApplication.translate("About", " (read-only)") if read_only else ""
    text = QCoreApplication.translate(
        "About", "<h3>LawGov Desktop %1</h3><p>The city's administrative licence list and delegated "
                 "enforcement powers, kept offline.</p><p>Database: %2%3</p>")
    QMessageBox.about(parent, QCoreApplication.translate("About", "About LawGov Desktop"),
                      text.replace("%1", __version__).replace("%2", database).replace("%3", mode))


class MergeDepartmentsDialog(QDialog):
    """Merge one department into another: its items and powers move, its names become short names."""

    def __init__(self, session: Session, absorb_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Merge departments"))
        options = facet_options(session.library, DEPARTMENT)
        self.absorb = ReferenceCombo(options)
        self.absorb.setObjectName("absorb")
        self.keep = ReferenceCombo(options)
        self.keep.setObjectName("keep")
        if absorb_id is not None:
            self.absorb.set_value(absorb_id)
        self.error = QLabel()
        self.error.setObjectName("error_department_id")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        explanation = QLabel(self.tr(
            "The licence items and powers of the first department move to the second; the first "
            "department's name and short names become short names of the second. You can undo this "
            "with Ctrl+Z."))
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Merge this department:"), self.absorb)
        form.addRow(self.tr("into this department:"), self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        keep, absorb = self.keep.value(), self.absorb.value()
        if not isinstance(keep, int) or not isinstance(absorb, int):
            self._show_error(self.tr("Choose both departments from the list."))
            return
        names = {value: label for value, label in facet_options(self.session.library, DEPARTMENT)}
        text = self.tr("Merge “%1” into “%2”").replace("%1", names.get(absorb, "")).replace("%2", names.get(keep, ""))
        self.buttons.setEnabled(False)
        self.session.change(text, lambda library: library.records.merge_departments(keep, absorb),
                            on_done=lambda _moved: QDialog.accept(self), on_error=self._failed)

    def _failed(self, error: LawGovError) -> bool:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_error("；".join(error.errors.values()))
            return True
        return False

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class BulkEditDialog(QDialog):
    """Set one field of many selected records at once (one undoable step)."""

    def __init__(self, session: Session, kind: str, record_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.record_ids = list(record_ids)
        self.setWindowTitle(self.tr("Change %1 records").replace("%1", QLocale().toString(len(record_ids))))
        self.field = QComboBox()
        self.field.setObjectName("bulk_field")
        for shown in BULK_FIELDS[kind]:
            self.field.addItem(field_label(shown), shown.key)
        self.value = QComboBox()
        self.value.setObjectName("bulk_value")
        self.field.currentIndexChanged.connect(self._fill_values)
        self._fill_values()
        form = QFormLayout()
        form.addRow(self.tr("Field:"), self.field)
        form.addRow(self.tr("New value:"), self.value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    def _fill_values(self) -> None:
        shown = next(shown for shown in BULK_FIELDS[self.kind] if shown.key == self.field.currentData())
        choices = shown.choices or tuple(facet_options(self.session.library, shown.widget))
        self.value.clear()
        for value, label in choices:
            self.value.addItem(label, value)

    def accept(self) -> None:
        key, value, ids, kind = self.field.currentData(), self.value.currentData(), self.record_ids, self.kind

        def work(library: Library) -> int:
            return library.records.bulk_update(kind, ids, {key: value})

        text = self.tr("Change %1 of %2 %3").replace("%1", self.field.currentText()).replace(
            "%2", str(len(ids))).replace("%3", kind_title(kind))
        self.buttons.setEnabled(False)
        self.session.change(text, work, on_done=lambda _n: QDialog.accept(self),
                            on_error=self._failed)

    def _failed(self, _error: LawGovError) -> bool:
        """Let the clerk try another value; the session shows the library's message."""
        self.buttons.setEnabled(True)
        return False
