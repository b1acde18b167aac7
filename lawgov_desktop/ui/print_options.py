"""The small dialogs before a catalogue or workbook is made: layout (with a draft's mark), batch output,
export scope.

They only collect choices; the catalogue itself is built and written on the background worker
(``ui.printing``).  Column labels are the lists' own Chinese field names: they are what the
printed header says, whatever the interface language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.fields import LICENCE, RESPONSIBILITY
from lawgov_desktop.exporters.catalogue import (
    LICENCE_COLUMNS,
    RESPONSIBILITY_COLUMNS,
    CatalogueOptions,
    printable_fields,
)
from lawgov_desktop.exporters.model import LANDSCAPE, PORTRAIT, CatalogueSpec

from . import settings


def attachment_label(text: str) -> str | None:
    """"1" or "附件1" typed by the clerk → "附件1"; nothing → no label."""
    text = text.strip()
    if not text:
        return None
    return f"附件{text}" if text[0].isdigit() else text


# The marks offices put on a list sent out for comment; the clerk may type another.
DRAFT_MARKS = ("征求意见稿", "草稿")


class LayoutOptions(QWidget):
    """Title, 附件N, version, draft mark, orientation and columns: what every printed catalogue lets the
    clerk set."""

    def __init__(self, kind: str, columns: Sequence[str], title: str = "", version: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(title)
        self.title.setObjectName("catalogue_title")
        self.attachment = QLineEdit()
        self.attachment.setObjectName("attachment_label")
        self.attachment.setPlaceholderText(self.tr("e.g. 附件1 (leave empty for none)"))
        self.version = QLineEdit(version)
        self.version.setObjectName("version_label")
        self.watermark_choice = QComboBox()
        self.watermark_choice.setObjectName("watermark_choice")
        self.watermark_choice.addItem(self.tr("None (the final list)"), "")
        for mark in DRAFT_MARKS:
            self.watermark_choice.addItem(mark, mark)
        self.watermark_choice.addItem(self.tr("Other text:"), None)
        self.own_watermark = QLineEdit()
        self.own_watermark.setObjectName("own_watermark")
        self.own_watermark.setPlaceholderText(self.tr("your own text, e.g. 送审稿"))
        self.watermark_choice.currentIndexChanged.connect(self._watermark_changed)
        self._watermark_changed()
        watermark = QHBoxLayout()
        watermark.addWidget(self.watermark_choice)
        watermark.addWidget(self.own_watermark, 1)
        self.landscape = QRadioButton(self.tr("Landscape"))
        self.landscape.setObjectName("landscape")
        self.portrait = QRadioButton(self.tr("Portrait"))
        self.portrait.setObjectName("portrait")
        self.landscape.setChecked(True)
        orientation = QButtonGroup(self)
        orientation.addButton(self.landscape)
        orientation.addButton(self.portrait)
        sides = QHBoxLayout()
        sides.addWidget(self.landscape)
        sides.addWidget(self.portrait)
        sides.addStretch(1)
        self.columns = QListWidget()
        self.columns.setObjectName("columns")
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns.setFlow(QListWidget.Flow.TopToBottom)
        self.columns.setWrapping(True)
        self.columns.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.show_columns(kind, columns)
        rows = self.columns.sizeHintForRow(0) * 5 + 2 * self.columns.frameWidth() + 6
        self.columns.setFixedHeight(rows)
        self.columns.setMinimumWidth(420)
        font = settings.catalogue_font()
        font_note = QLabel(self.tr("Font: %1 (change it in Preferences)").replace(
            "%1", font or self.tr("a Chinese font of this computer")))
        font_note.setObjectName("font_note")
        font_note.setWordWrap(True)
        font_note.setStyleSheet("color: palette(mid);")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Attachment label:"), self.attachment)
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Draft mark:"), watermark)
        form.addRow(self.tr("Orientation:"), sides)
        form.addRow(self.tr("Columns:"), self.columns)
        form.addRow("", font_note)

    def show_columns(self, kind: str, columns: Sequence[str]) -> None:
        """Offer the columns a printed list of ``kind`` can have, ``columns`` ticked."""
        self.columns.clear()
        for spec in printable_fields(kind):
            item = QListWidgetItem(spec.label)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if spec.key in columns else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def chosen_columns(self) -> list[str]:
        """The ticked columns, in the list's field order."""
        items = (self.columns.item(row) for row in range(self.columns.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def orientation(self) -> str:
        """``landscape`` (the default for wide tables) or ``portrait``."""
        return PORTRAIT if self.portrait.isChecked() else LANDSCAPE

    def watermark(self) -> str | None:
        """The draft mark printed across every page ("征求意见稿"), or None for the final list."""
        chosen = self.watermark_choice.currentData()
        text = self.own_watermark.text() if chosen is None else chosen
        return text.strip() or None

    def _watermark_changed(self) -> None:
        self.own_watermark.setEnabled(self.watermark_choice.currentData() is None)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CatalogueOptionsDialog(QDialog):
    """Before one catalogue is made: the builder's title, version and columns, for the clerk to adjust."""

    def __init__(self, spec: CatalogueSpec, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setWindowTitle(self.tr("Printed list"))
        count = QLabel(self.tr("%1 items in the list").replace("%1", str(spec.item_count)))
        count.setObjectName("item_count")
        self.layout_options = LayoutOptions(spec.kind, spec.columns, spec.title, spec.version_label or "")
        self.layout_options.version.setPlaceholderText(self.tr("no version printed"))
        self.buttons = _buttons(self, ok_text)
        self.layout_options.columns.itemChanged.connect(self._columns_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.layout_options)
        layout.addWidget(self.buttons)

    def _columns_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.layout_options.chosen_columns()))

    def chosen_spec(self) -> CatalogueSpec:
        """The catalogue as the clerk set it up (the same rows; title, labels and layout changed)."""
        options = self.layout_options
        return dataclasses.replace(
            self.spec, title=options.title.text().strip() or self.spec.title,
            attachment_label=attachment_label(options.attachment.text()),
            version_label=options.version.text().strip() or None,
            orientation=options.orientation(), columns=options.chosen_columns())


class BatchDialog(QDialog):
    """Every department's licence list or 权责清单: one PDF each into a folder, one book with a table
    of contents, or one Word document.  ``filtered`` names the lists (LICENCE, RESPONSIBILITY) whose
    view is filtered now."""

    def __init__(self, filtered: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print every department's list"))
        self.filtered = filtered
        self.licence_lists = QRadioButton(self.tr("Licence lists (行政许可事项清单)"))
        self.licence_lists.setObjectName("licence_lists")
        self.responsibility_lists = QRadioButton(
            self.tr("Responsibility lists (权责清单): by power type, sub-items under their item"))
        self.responsibility_lists.setObjectName("responsibility_lists")
        self.licence_lists.setChecked(True)
        which = QButtonGroup(self)
        which.addButton(self.licence_lists)
        which.addButton(self.responsibility_lists)
        self.folder = QRadioButton(self.tr("One PDF file per department, into a folder"))
        self.folder.setObjectName("one_file_each")
        self.book = QRadioButton(self.tr("One PDF with a section per department and a table of contents"))
        self.book.setObjectName("one_book")
        self.word = QRadioButton(self.tr("One Word document, each department from a new page under its heading"))
        self.word.setObjectName("one_word_document")
        self.folder.setChecked(True)
        self.only_filtered = QCheckBox()
        self.only_filtered.setObjectName("only_filtered")
        self.layout_options = LayoutOptions(LICENCE, LICENCE_COLUMNS)
        self.layout_options.title.setToolTip(
            self.tr("The title of the book or document; each department's list keeps its own"))
        self.book.toggled.connect(self._mode_changed)
        self.word.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.responsibility_lists.toggled.connect(self._list_changed)
        self._list_changed()
        layout = QVBoxLayout(self)
        layout.addWidget(self.licence_lists)
        layout.addWidget(self.responsibility_lists)
        layout.addSpacing(8)
        layout.addWidget(self.folder)
        layout.addWidget(self.book)
        layout.addWidget(self.word)
        layout.addWidget(self.only_filtered)
        layout.addSpacing(8)
        layout.addWidget(self.layout_options)
        layout.addWidget(_buttons(self, self.tr("Generate…")))

    def _mode_changed(self) -> None:
        self.layout_options.title.setEnabled(not self.folder.isChecked())

    def _list_changed(self) -> None:
        """The columns, the placeholder title and the filter offered are the chosen list's."""
        kind = self.list_kind()
        responsibility = kind == RESPONSIBILITY
        self.layout_options.show_columns(kind, RESPONSIBILITY_COLUMNS if responsibility else LICENCE_COLUMNS)
        self.layout_options.title.setPlaceholderText(
            self.tr("automatic, e.g. 汕尾市权责清单") if responsibility
            else self.tr("automatic, e.g. 汕尾市行政许可事项清单（2022年版）"))
        self.layout_options.version.setPlaceholderText(
            self.tr("none printed, e.g. 2024年版") if responsibility
            else self.tr("automatic, from the items' list version"))
        self.only_filtered.setText(self.tr("Only the powers the power list is filtered to") if responsibility
                                   else self.tr("Only the items the licence list is filtered to"))
        self.only_filtered.setEnabled(kind in self.filtered)
        if kind not in self.filtered:
            self.only_filtered.setChecked(False)

    def list_kind(self) -> str:
        """``LICENCE`` for the licence lists, ``RESPONSIBILITY`` for the 权责清单."""
        return RESPONSIBILITY if self.responsibility_lists.isChecked() else LICENCE

    def options(self) -> CatalogueOptions:
        """Layout for every department's catalogue (titles stay each department's own).

        Columns left as offered are the list's defaults, which a department's 权责清单 trims of an
        empty 子项名称 column; a changed choice applies to every department as it is.
        """
        chosen = self.layout_options
        columns = chosen.chosen_columns()
        defaults = RESPONSIBILITY_COLUMNS if self.list_kind() == RESPONSIBILITY else LICENCE_COLUMNS
        return CatalogueOptions(columns=columns if columns and set(columns) != set(defaults) else None,
                                orientation=chosen.orientation(),
                                attachment_label=attachment_label(chosen.attachment.text()),
                                version_label=chosen.version.text().strip() or None,
                                font_path=settings.catalogue_font() or None)

    def book_title(self) -> str | None:
        """The book's own title, or None for the automatic one."""
        return self.layout_options.title.text().strip() or None


class ExportScopeDialog(QDialog):
    """Excel export of a filtered list: the rows on screen, or the whole list."""

    def __init__(self, shown: int, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export to Excel"))
        self.current = QRadioButton(self.tr("The current view (%1 records)").replace("%1", str(shown)))
        self.current.setObjectName("current_view")
        self.whole = QRadioButton(self.tr("The whole list (%1 records)").replace("%1", str(total)))
        self.whole.setObjectName("whole_list")
        self.current.setChecked(True)
        note = QLabel(self.tr("Licence items get a sheet per part, powers a sheet per batch; the workbook "
                              "can be imported again."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.whole)
        layout.addWidget(note)
        layout.addWidget(_buttons(self, self.tr("Export…")))
        self.setMinimumWidth(460)  # the note reads as two lines, not a tall column
