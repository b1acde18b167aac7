"""法律法规: the law library the lists cite — search, edit by hand, import a catalogue, and the
titles and texts that resolve to no law.

The page reads ``library.laws`` on the GUI thread (a list of a thousand laws with their citing
counts is a few queries); every write — an edit, a catalogue imported — runs on the session's
writer through the window's ``Jobs``, and the page reads again when the library says the laws
changed.  Marking a law amended, repealed or not yet in force opens its 受影响事项 report
(``affected_view``): the office's next step is to tell the departments whose items cite it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.changes import OpChanges
from lawgov_desktop.core.errors import LawGovError, ValidationError
from lawgov_desktop.core.fields import KIND_LABELS, LICENCE, POWER
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.laws import (
    AMENDED,
    LAWS,
    MARK_REASONS,
    NOT_YET,
    OUTDATED_REASON,
    REPEALED,
    STATUSES,
    UNKNOWN_LABEL,
    AffectedReport,
)
from lawgov_desktop.core.library import Library

from . import prompts
from .jobs import Jobs, OpenList, ReportPage
from .kinds import field_title
from .list_view import SEARCH_DELAY_MS
from .session import Session
from .widgets import (
    ERROR_STYLE,
    choose_workbook,
    fill_findings,
    findings_table,
    page_layout,
    push_button,
    summary_label,
)

_LAW_WIDTHS = (300, 160, 90, 140, 90, 90, 80)
# The statuses after which the departments citing the law must review their items.
_REVIEW_STATUSES = (AMENDED, REPEALED, NOT_YET)
_NAMED = 8  # laws named in a message, the rest summed up


def mark_counts(marks: Mapping[tuple[str, int], list[str]]) -> dict[str, dict[str, int]]:
    """How many records of each kind ``laws.marks`` marks for citing a repealed law, an amended one
    (by its status, or amended since the edition cited) and one not yet in force: the statistics
    page's figures."""
    counts: dict[str, dict[str, int]] = {status: {} for status in (REPEALED, AMENDED, NOT_YET)}
    for (kind, _record_id), reasons in marks.items():
        for status in counts:
            prefixes = (MARK_REASONS[status], OUTDATED_REASON) if status == AMENDED else (MARK_REASONS[status],)
            if any(reason.startswith(prefixes) for reason in reasons):
                counts[status][kind] = counts[status].get(kind, 0) + 1
    return counts


def status_label(status: str) -> str:
    """A law's status as the page shows it (未知 for a law nobody described yet)."""
    return status or UNKNOWN_LABEL


class LawsView(ReportPage):
    """The law library page: the laws, the unmatched titles, the unparsed texts."""

    def __init__(self, session: Session, jobs: Jobs, open_list: OpenList) -> None:
        super().__init__(session, jobs, "laws_view")
        self.open_list = open_list
        self.laws: list[dict[str, Any]] = []
        self.search = QLineEdit()
        self.search.setObjectName("law_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search titles and short titles…"))
        self.search.setMinimumWidth(260)
        # Each keystroke restarts the timer: the citing counts of every law are read once per pause
        # in typing (most of a second at 100,000 records), not once per character.
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self.search_timer.start)
        self.status = QComboBox()
        self.status.setObjectName("law_status")
        self.status.addItem(self.tr("All statuses"), None)
        for status in (*STATUSES, UNKNOWN_LABEL):
            self.status.addItem(status, status)
        self.status.currentIndexChanged.connect(self.reload)
        self.edit_button = push_button(self.tr("Edit…"), self.edit_current, "edit_law")
        self.affected_button = push_button(self.tr("Affected items…"), self.show_affected, "affected_button",
                                           tip=self.tr("Every licence item and power citing the law, by department"))
        self.import_button = push_button(self.tr("Import a list of laws…"), self.import_catalogue, "import_laws",
                                         tip=self.tr("A workbook or CSV with the columns 标题, 制定机关, 法律性质,"
                                                     " 时效性, 公布日期, 施行日期"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.affected_button)
        bar.addStretch(1)
        bar.addWidget(self.import_button)

        self.summary = summary_label("laws_summary")
        self.table = findings_table([self.tr("Title"), self.tr("Short titles"), self.tr("Level"),
                                     self.tr("Issuing body"), self.tr("Promulgated"), self.tr("Effective"),
                                     self.tr("Status"), self.tr("Cited by")])
        self.table.setObjectName("laws_table")
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.unresolved = findings_table([self.tr("Cited title"), self.tr("Cited by"), self.tr("Closest titles")])
        self.unresolved.setObjectName("unresolved_table")
        self.unparsed = findings_table([self.tr("List"), self.tr("Name"), self.tr("Field"), self.tr("Text")])
        self.unparsed.setObjectName("unparsed_table")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("laws_tabs")
        for table in (self.table, self.unresolved, self.unparsed):
            self.tabs.addTab(table, "")
        self.tabs.currentChanged.connect(self._fill_tab)
        page_layout(self, bar, self.summary, self.tabs, grows=self.tabs)
        self.session.records_changed.connect(self._records_changed)
        self.reload()
        self._reread_findings()

    # ------------------------------------------------------------------ reading
    def _records_changed(self, changes: OpChanges) -> None:
        if changes.touches(LAWS, LICENCE, POWER):
            self.reload()
            self._reread_findings()

    def reload(self) -> None:
        """Read the laws the search and status choose."""
        if self.session.closed:  # the search paused as the window closed
            return
        self.laws = self.session.library.laws.list(self.status.currentData(), self.search.text().strip() or None)
        locale = QLocale()
        rows = [[law["title"], "、".join(law["short_titles"]), law["level"] or "", law["issuing_body"] or "",
                 law["promulgated"] or "", law["effective"] or "", status_label(law["status"]),
                 locale.toString(law["cited_by"])] for law in self.laws]
        fill_findings(self.table, rows, _LAW_WIDTHS)
        laws_title = self.tr("Laws")
        self.tabs.setTabText(0, f"{laws_title}（{len(self.laws)}）")
        self._update_buttons()
        self.status_text = self.tr("Showing %1 laws").replace("%1", locale.toString(len(self.laws)))

    def _reread_findings(self) -> None:
        """After a change of the laws or the lists: how far the citations are known, and the other
        tabs read again when next shown (now, if one of them is on screen)."""
        coverage, locale = self.session.library.laws.coverage(), QLocale()
        self.summary.setText(self.tr(
            "%1 laws in the library, %2 of them from a catalogue; the lists cite laws %3 times, %4 of them"
            " resolved to a catalogued law; %5 legal-basis texts cite no law.")
            .replace("%1", locale.toString(coverage["laws"])).replace("%2", locale.toString(coverage["catalogued_laws"]))
            .replace("%3", locale.toString(coverage["citations"])).replace("%4", locale.toString(coverage["resolved"]))
            .replace("%5", locale.toString(coverage["unparsed_texts"])))
        self._filled: set[int] = set()
        self.tabs.setTabText(1, self.tr("Titles matching no law"))
        self.tabs.setTabText(2, self.tr("Legal bases citing no law"))
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        """The unmatched titles (their closest titles take a few seconds over a national catalogue:
        read on the writer) and the unparsed texts are read when their tab is first shown."""
        if index in self._filled or index == 0:
            return
        self._filled.add(index)
        if index == 1:
            self.jobs.submit(lambda library, _task: library.laws.unresolved(), self.tr("Finding the closest titles"),
                             self._show_unresolved)
            return
        texts = self.session.library.laws.unparsed()
        fill_findings(self.unparsed, [[KIND_LABELS[entry["kind"]], entry["name"],
                                       field_title(KINDS[entry["kind"]].field(entry["field"])), entry["text"]]
                                      for entry in texts], (90, 260, 120))
        title = self.tr("Legal bases citing no law")
        self.tabs.setTabText(2, f"{title}（{len(texts)}）")

    def _show_unresolved(self, found: list[dict[str, Any]]) -> None:
        fill_findings(self.unresolved, [[entry["title"], entry["cited_by"], "、".join(
            close["title"] for close in entry["closest"])] for entry in found], (420, 80))
        title = self.tr("Titles matching no law")
        self.tabs.setTabText(1, f"{title}（{len(found)}）")

    def current_law(self) -> dict[str, Any] | None:
        """The law of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.laws[rows[0].row()] if rows and rows[0].row() < len(self.laws) else None

    def select_title(self, title: str) -> bool:
        """Select the law of that title among the rows shown."""
        for row, law in enumerate(self.laws):
            if law["title"] == title:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.current_law() is not None
        self.edit_button.setEnabled(chosen and not self.session.read_only)
        self.affected_button.setEnabled(chosen)
        self.import_button.setEnabled(not self.session.read_only)

    # ------------------------------------------------------------------ writing
    def edit_current(self) -> LawDialog | None:
        """The form of the selected law."""
        law = self.current_law()
        if law is None or self.session.read_only:
            return None
        dialog = LawDialog(law, self)
        dialog.submitted.connect(lambda values: self.save(law, values, dialog))
        dialog.open()
        return dialog

    def save(self, law: dict[str, Any], values: dict[str, Any], dialog: LawDialog | None = None) -> None:
        """Write a law's description; a law newly amended, repealed or not yet in force opens its report."""

        def done(saved: dict[str, Any]) -> None:
            if dialog is not None:
                dialog.accept()
            self.jobs.status(self.tr("Saved %1").replace("%1", saved["title"]))
            if saved["status"] in _REVIEW_STATUSES and saved["status"] != law["status"]:
                self.show_affected(saved["id"])

        def failed(error: LawGovError) -> None:
            if dialog is not None and isinstance(error, ValidationError):
                dialog.show_error(error)  # at the form, not in a message box as well
            else:
                prompts.warn(self, error)

        self.session.submit(lambda library, _task: library.laws.update(law["id"], values),
                            self.tr("Saving the law"), on_done=done, on_error=failed)

    def import_catalogue(self) -> None:
        """A catalogue of laws (the national database's export, a hand-made list) merged into the library."""
        path = choose_workbook(self, self.tr("Import a list of laws"))
        if path is None:
            return

        def work(library: Library, task: Any) -> tuple[dict[str, int], list[str]]:
            from lawgov_desktop.importers.law_list import read_law_list

            task.report(0, 0, self.tr("Reading %1").replace("%1", path.name))
            entries = read_law_list(path)
            before = {law["id"]: law["status"] for law in library.laws.list()}
            counts = library.laws.import_catalogue(entries)
            return counts, [law["title"] for law in library.laws.list() if law["cited_by"]
                            and law["status"] in _REVIEW_STATUSES and before.get(law["id"]) != law["status"]]

        self.jobs.submit(work, self.tr("Importing the list of laws"), lambda outcome: self._imported(*outcome))

    def _imported(self, counts: dict[str, int], changed: list[str]) -> None:
        """Say what the import did, naming the cited laws it found amended, repealed or not yet in
        force: the ones whose 受影响事项 the office goes through next."""
        text = (self.tr("%1 laws added, %2 updated; %3 titles cited in the lists were recognised as laws of the"
                        " list.").replace("%1", str(counts["added"])).replace("%2", str(counts["updated"]))
                .replace("%3", str(counts["folded"])))
        if changed:
            named = "、".join(f"《{title}》" for title in changed[:_NAMED]) + ("…" if len(changed) > _NAMED else "")
            text += self.tr(" %1 laws the lists cite are now amended, repealed or not yet in force: %2. Select one"
                            " and press Affected items… to see the items citing it.").replace(
                "%1", str(len(changed))).replace("%2", named)
        self.jobs.status(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import a list of laws"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("laws_imported")
        box.open()

    # ------------------------------------------------------------------ the report
    def show_affected(self, law_id: int | None = None) -> None:
        """The 受影响事项 report of the selected law (or of ``law_id``), read on the writer."""
        if law_id is None:
            law = self.current_law()
            if law is None:
                return
            law_id = law["id"]
        self.jobs.submit(lambda library, _task: library.laws.affected(law_id),
                         self.tr("Finding the affected items"), self._show_report)

    def _show_report(self, report: AffectedReport) -> None:
        from .affected_view import AffectedDialog

        self.report_dialog = AffectedDialog(report, self.session, self.jobs, self.open_list, self)
        self.report_dialog.show()


class LawDialog(QDialog):
    """A law described by hand: status, level, issuing body, dates, short titles, amendments."""

    submitted = Signal(dict)  # the form's values, for the page to write

    def __init__(self, law: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("law_dialog")
        self.setWindowTitle(self.tr("Law: %1").replace("%1", law["title"]))
        self.law = law
        self.title = QLineEdit(law["title"])
        self.status = QComboBox()
        self.status.addItem(UNKNOWN_LABEL, "")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.status.setCurrentIndex(max(0, self.status.findData(law["status"])))
        self.level = QLineEdit(law["level"] or "")
        self.issuing_body = QLineEdit(law["issuing_body"] or "")
        self.promulgated = QLineEdit(law["promulgated"] or "")
        self.effective = QLineEdit(law["effective"] or "")
        for date in (self.promulgated, self.effective):
            date.setPlaceholderText("2021-04-29")
        self.short_titles = QPlainTextEdit("\n".join(law["short_titles"]))
        self.short_titles.setPlaceholderText(self.tr("One per line, e.g. 食品安全法"))
        self.amendments = QPlainTextEdit("\n".join(
            f"{entry.get('date') or ''} {entry.get('title') or ''}".strip() for entry in law["amendments"]))
        self.amendments.setPlaceholderText(self.tr("One per line: the date, then what changed, e.g. 2021-04-29 第二次修正"))
        for text in (self.short_titles, self.amendments):
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
        self.error = QLabel()
        self.error.setObjectName("law_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        for label, widget in ((self.tr("Title"), self.title), (self.tr("Status"), self.status),
                              (self.tr("Level"), self.level), (self.tr("Issuing body"), self.issuing_body),
                              (self.tr("Promulgated"), self.promulgated), (self.tr("Effective"), self.effective),
                              (self.tr("Short titles"), self.short_titles), (self.tr("Amendments"), self.amendments)):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        """What the form says, in the keys ``laws.update`` takes."""
        amendments = []
        for line in self.amendments.toPlainText().splitlines():
            date, _space, title = line.strip().partition(" ")
            if date:
                amendments.append({"date": date, "title": title.strip()})
        return {"title": self.title.text(), "status": self.status.currentData(), "level": self.level.text(),
                "issuing_body": self.issuing_body.text(), "promulgated": self.promulgated.text(),
                "effective": self.effective.text(), "short_titles": self.short_titles.toPlainText(),
                "amendments": amendments}

    def _submit(self) -> None:
        self.error.hide()
        self.submitted.emit(self.values())

    def show_error(self, error: ValidationError) -> None:
        """The library's reasons for refusing the form, under it."""
        self.error.setText("\n".join(str(message) for message in error.errors.values()))
        self.error.show()

