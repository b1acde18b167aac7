"""统计: the figures of the annual report as tables and charts, the report's paragraph, exports.

Every breakdown of ``library.stats.compute()`` (licence items per part, department and level; powers per
batch, receiving region, type and original department, the last with a column per power type and
the sub-items) is a tab with a table and a chart; a last tab holds each department's 权责清单
sentence ("某局权责清单共N项，其中行政许可a项…"), ready to copy.  A figure is a way into the list
behind it: clicking a row or a bar opens the licence or power list
filtered to exactly those records (``ListFilter`` with department, part, level, batch, region or
power type, and the version the figures are of).  Statistics read in one grouped pass on the GUI
thread (well under 200 ms for 100,000 records); QtCharts is imported when the first chart is
drawn, never before the first paint.  The paragraph is ``core.summary.summary_paragraph``, the
report's own wording.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.changes import VERSIONS, OpChanges
from lawgov_desktop.core.fields import LICENCE, PART_LABELS, POWER, REGION_KINDS
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.laws import AMENDED, LAWS, NOT_YET, REPEALED
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.stats import NOT_FILLED
from lawgov_desktop.core.summary import responsibility_lines, summary_paragraph

from . import prompts, settings
from .jobs import Jobs, OpenList, ReportPage
from .session import Session
from .versions import VersionCombo, read_only_label
from .widgets import choose_save_path

NAME_CHARACTERS = 12  # a name column shows this much before it is cut short with "…"
LINK_COLOUR = QColor("#1a5fb4")


@dataclass
class Figure:
    """One row of a breakdown: its cells, the label and value a chart draws, the list behind it."""

    cells: list[Any]
    label: str
    value: int
    kind: str
    flt: ListFilter | None  # None: no list can show it (an empty level or type, powers in no batch)


@dataclass(frozen=True)
class Breakdown:
    """A tab: its title, column titles, chart kind ("pie", "bar", "hbar") and how its rows are made."""

    key: str
    title: str
    columns: tuple[str, ...]
    chart: str
    rows: Callable[[dict[str, Any], ListFilter], list[Figure]]
    count_column: int  # the column that holds the figure a click opens


def _t(text: str) -> str:
    return QCoreApplication.translate("Stats", text)


def _part_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    return [Figure([PART_LABELS[row["part"]], row["items"], len(row["departments"]),
                    "、".join(d["short_name"] for d in row["departments"])],
                   PART_LABELS[row["part"]], row["items"], LICENCE, dataclasses.replace(base, parts=(row["part"],)))
            for row in stats["breakdowns"]["parts"]]


def _licence_department_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    parts = [row["part"] for row in stats["breakdowns"]["parts"]]
    return [Figure([row["name"], row["short_name"], *(row["parts"].get(part, 0) for part in parts), row["items"],
                    row["sub_items"]], row["short_name"], row["items"], LICENCE,
                   dataclasses.replace(base, department_ids=(row["id"],)))
            for row in stats["breakdowns"]["licence_departments"]]


def _level_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    return [Figure([level, count], level, count, LICENCE,
                   None if level == NOT_FILLED else dataclasses.replace(base, levels=(level,)))
            for level, count in stats["licence_items"]["by_level"].items()]


def _batch_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    return [Figure([row["name"], row["document_number"] or "", row["published_on"] or "", row["powers"]],
                   row["name"], row["powers"], POWER,
                   None if row["id"] is None else dataclasses.replace(base, batch_ids=(row["id"],)))
            for row in stats["breakdowns"]["batches"]]


def _region_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    depth: dict[int, int] = {}
    figures = []
    for row in stats["breakdowns"]["regions"]:
        depth[row["id"]] = depth[row["parent_id"]] + 1 if row["parent_id"] in depth else 0
        figures.append(Figure(["\u3000" * depth[row["id"]] + row["name"], REGION_KINDS.get(row["kind"], row["kind"]),
                               row["powers"]], row["name"], row["powers"], POWER,
                              dataclasses.replace(base, region_ids=(row["id"],))))
    return figures


def _type_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    return [Figure([kind, count], kind, count, POWER,
                   None if kind == NOT_FILLED else dataclasses.replace(base, power_types=(kind,)))
            for kind, count in stats["powers"]["by_type"].items()]


def _power_department_rows(stats: dict[str, Any], base: ListFilter) -> list[Figure]:
    types = list(stats["powers"]["by_type"])
    return [Figure([row["name"], row["short_name"], *(row["types"].get(kind, 0) for kind in types), row["powers"],
                    row["sub_items"]], row["short_name"], row["powers"], POWER,
                   dataclasses.replace(base, department_ids=(row["id"],)))
            for row in stats["breakdowns"]["power_departments"]]


BREAKDOWNS = (
    Breakdown("parts", QT_TRANSLATE_NOOP("Stats", "Licence items by part"),
              (QT_TRANSLATE_NOOP("Stats", "Part"), QT_TRANSLATE_NOOP("Stats", "Items"),
               QT_TRANSLATE_NOOP("Stats", "Departments"), QT_TRANSLATE_NOOP("Stats", "Departments involved")),
              "pie", _part_rows, 1),
    Breakdown("licence_departments", QT_TRANSLATE_NOOP("Stats", "Licence items by department"),
              (QT_TRANSLATE_NOOP("Stats", "Competent department"), QT_TRANSLATE_NOOP("Stats", "Short name")),
              "hbar", _licence_department_rows, -2),
    Breakdown("levels", QT_TRANSLATE_NOOP("Stats", "Licence items by level"),
              (QT_TRANSLATE_NOOP("Stats", "Level"), QT_TRANSLATE_NOOP("Stats", "Items")), "pie", _level_rows, 1),
    Breakdown("batches", QT_TRANSLATE_NOOP("Stats", "Powers by batch"),
              (QT_TRANSLATE_NOOP("Stats", "Batch"), QT_TRANSLATE_NOOP("Stats", "Document number"),
               QT_TRANSLATE_NOOP("Stats", "Published on"), QT_TRANSLATE_NOOP("Stats", "Powers")),
              "bar", _batch_rows, 3),
    Breakdown("regions", QT_TRANSLATE_NOOP("Stats", "Powers by receiving region"),
              (QT_TRANSLATE_NOOP("Stats", "Receiving region"), QT_TRANSLATE_NOOP("Stats", "Kind"),
               QT_TRANSLATE_NOOP("Stats", "Powers (incl. its townships)")),
              "hbar", _region_rows, 2),
    Breakdown("power_types", QT_TRANSLATE_NOOP("Stats", "Powers by type"),
              (QT_TRANSLATE_NOOP("Stats", "Power type"), QT_TRANSLATE_NOOP("Stats", "Powers")), "pie", _type_rows, 1),
    Breakdown("power_departments", QT_TRANSLATE_NOOP("Stats", "Powers by original department"),
              (QT_TRANSLATE_NOOP("Stats", "Original department"), QT_TRANSLATE_NOOP("Stats", "Short name")),
              "hbar", _power_department_rows, -2),
)


def column_titles(breakdown: Breakdown, stats: dict[str, Any]) -> list[str]:
    """The table's column titles; licence items by department get one column per part, powers by
    department one per power type (in the standard order)."""
    titles = [_t(title) for title in breakdown.columns]
    if breakdown.key == "licence_departments":
        titles += [PART_LABELS[row["part"]] for row in stats["breakdowns"]["parts"]]
    elif breakdown.key == "power_departments":
        titles += list(stats["powers"]["by_type"])
    else:
        return titles
    return [*titles, QCoreApplication.translate("Stats", "Total"), QCoreApplication.translate("Stats", "Sub-items")]


class BreakdownPanel(QSplitter):
    """One breakdown: its table on the left, its chart on the right (drawn when first shown)."""

    def __init__(self, breakdown: Breakdown, open_figure: Callable[[Figure], None]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.breakdown = breakdown
        self.setObjectName(f"stats_{breakdown.key}")
        self.open_figure = open_figure
        self.figures: list[Figure] = []
        self.table = QTableWidget()
        self.table.setObjectName("stats_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setMouseTracking(True)
        self.table.cellClicked.connect(self._clicked)
        self.chart_holder = QWidget()
        self.chart_holder.setMinimumWidth(360)
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        self.chart_view: QWidget | None = None
        self._chart_stale = True
        self.addWidget(self.table)
        self.addWidget(self.chart_holder)
        self.setChildrenCollapsible(False)
        self._sized = False

    def show_figures(self, stats: dict[str, Any], base: ListFilter) -> None:
        """Fill the table from a stats document; the chart follows when the panel is visible."""
        self.figures = self.breakdown.rows(stats, base)
        titles = column_titles(self.breakdown, stats)
        self.table.clear()
        self.table.setColumnCount(len(titles))
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setRowCount(len(self.figures))
        locale = QLocale()
        count_column = self.breakdown.count_column % len(titles)
        link_font = QFont(self.table.font())
        link_font.setUnderline(True)
        for row, figure in enumerate(self.figures):
            hint = (self.tr("Click to open these %1 records").replace("%1", locale.toString(figure.value))
                    if figure.flt is not None else self.tr("No list can show these records"))
            for column, value in enumerate(figure.cells):
                item = QTableWidgetItem(locale.toString(value) if isinstance(value, int) else str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == count_column and figure.flt is not None:
                    item.setForeground(QBrush(LINK_COLOUR))
                    item.setFont(link_font)
                # a name cut short to keep the figures in view is whole in its tooltip
                item.setToolTip(hint if isinstance(value, int) else f"{item.text()}\n{hint}")
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        # a long name is cut short (the clerk may widen it) so the figures beside it stay in view
        widest = self.table.fontMetrics().horizontalAdvance("国" * NAME_CHARACTERS)
        for column in range(len(titles) - 1):
            header.resizeSection(column, min(header.sectionSize(column), widest))
        # a long text column takes the room left; a number stays next to its label
        header.setStretchLastSection(bool(self.figures) and not isinstance(self.figures[0].cells[-1], int))
        self._chart_stale = True
        if self.isVisible():
            self.draw_chart()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._sized:  # the table a little wider than the chart, whatever the window's width
            self._sized = True
            self.setSizes([self.width() * 11 // 20, self.width() * 9 // 20])
        if self._chart_stale:
            self.draw_chart()

    def draw_chart(self) -> None:
        """Draw (or redraw) the chart of the current figures."""
        from .stats_charts import make_chart

        self._chart_stale = False
        if self.chart_view is not None:
            self.chart_view.deleteLater()
        self.chart_view = make_chart(self.breakdown.chart, _t(self.breakdown.title), self.figures, self._chart_clicked)
        self.chart_holder.layout().addWidget(self.chart_view)

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.figures):
            self.open_figure(self.figures[row])

    def _chart_clicked(self, figure: Figure) -> None:
        self.open_figure(figure)


class StatsView(ReportPage):
    """The statistics page: a version picker, key figures, the paragraph, the breakdowns, exports."""

    def __init__(self, session: Session, jobs: Jobs, open_list: OpenList) -> None:
        super().__init__(session, jobs, "stats_view")
        self.open_list = open_list
        self.stats: dict[str, Any] | None = None

        self.versions = VersionCombo(self.session.library)
        self.versions.version_changed.connect(self.reload)
        self.badge = read_only_label()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        self.export_workbook_button = QPushButton(self.tr("Export workbook…"))
        self.export_workbook_button.setObjectName("export_stats_workbook")
        self.export_workbook_button.clicked.connect(lambda: self.export("xlsx"))
        self.export_pdf_button = QPushButton(self.tr("Export one-page PDF…"))
        self.export_pdf_button.setObjectName("export_stats_pdf")
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Figures of:")))
        bar.addWidget(self.versions)
        bar.addWidget(self.badge)
        bar.addWidget(refresh)
        bar.addStretch(1)
        bar.addWidget(self.export_workbook_button)
        bar.addWidget(self.export_pdf_button)

        self.headline = QLabel()
        self.headline.setObjectName("stats_headline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.citations = QLabel()  # records citing changed laws, and titles matching no law
        self.citations.setObjectName("stats_citations")
        self.citations.setWordWrap(True)

        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary_text")
        self.summary.setReadOnly(True)
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 4 + 14)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copy_summary")
        self.copy_button.setToolTip(self.tr("Copy the paragraph to paste it into the report"))
        self.copy_button.clicked.connect(self.copy_summary)
        summary_box = QGroupBox(self.tr("Summary paragraph for the annual report"))
        summary_layout = QHBoxLayout(summary_box)
        summary_layout.addWidget(self.summary, 1)
        summary_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("stats_tabs")
        self.panels: dict[str, BreakdownPanel] = {}
        for breakdown in BREAKDOWNS:
            panel = BreakdownPanel(breakdown, self.open_figure)
            self.panels[breakdown.key] = panel
            self.tabs.addTab(panel, _t(breakdown.title))
        self.tabs.addTab(self._responsibility_tab(), self.tr("Responsibility lists by department"))
        self.hint = QLabel()
        self.hint.setObjectName("stats_hint")
        self.hint.setStyleSheet("color: #666;")
        self.tabs.currentChanged.connect(self._show_hint)
        self._show_hint()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        layout.addWidget(self.citations)
        layout.addWidget(summary_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hint)
        self.session.records_changed.connect(self._records_changed)

    def _show_hint(self) -> None:
        """Say how to open the list behind a figure in the words of the chart on screen (a slice
        of a pie, a bar); the sentences of the 权责清单 tab open nothing."""
        panel = self.tabs.currentWidget()
        chart = panel.breakdown.chart if isinstance(panel, BreakdownPanel) else None
        self.hint.setVisible(chart is not None)
        if chart == "pie":
            self.hint.setText(self.tr("Click a row or a slice of the pie to open the list behind the figure."))
        elif chart is not None:
            self.hint.setText(self.tr("Click a row or a bar to open the list behind the figure."))

    def _responsibility_tab(self) -> QWidget:
        """Each department's 权责清单 sentence, a line each, to copy into a report or a notice."""
        self.responsibility_text = QPlainTextEdit()
        self.responsibility_text.setObjectName("responsibility_text")
        self.responsibility_text.setReadOnly(True)
        self.responsibility_text.setPlaceholderText(self.tr("The list holds no powers yet."))
        copy = QPushButton(self.tr("Copy"))
        copy.setObjectName("copy_responsibilities")
        copy.setToolTip(self.tr("Copy these sentences to paste them into a report"))
        copy.clicked.connect(self.copy_responsibilities)
        note = QLabel(self.tr("Main items per power type, in the standard order; sub-items are counted apart."))
        note.setStyleSheet("color: #666;")
        tab = QWidget()
        tab.setObjectName("stats_responsibility_lists")
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.responsibility_text, 1)
        row.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row, 1)
        return tab

    # ------------------------------------------------------------------ reading
    def _records_changed(self, changes: OpChanges) -> None:
        if changes.touches(VERSIONS):
            self.versions.forget()
        if self.isVisible() and changes.touches(*KINDS, LAWS):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Figures are read afresh each time the page is opened (a change on the command line shows too)."""
        super().showEvent(event)
        self.reload()

    def base_filter(self) -> ListFilter:
        """What every figure's list shares: the version the figures are of."""
        return ListFilter(version_id=self.versions.version_id())

    def reload(self) -> None:
        """Read the figures of the chosen list and show them."""
        version_id = self.versions.version_id()
        self.stats = self.session.library.stats.compute(version_id)
        self.badge.setVisible(version_id is not None)
        base = self.base_filter()
        for panel in self.panels.values():
            panel.show_figures(self.stats, base)
        for index, breakdown in enumerate(BREAKDOWNS):
            self.tabs.setTabText(index, f"{_t(breakdown.title)}（{len(self.panels[breakdown.key].figures)}）")
        lines = responsibility_lines(self.stats)
        self.tabs.setTabText(len(BREAKDOWNS), f"{self.tr('Responsibility lists by department')}（{len(lines)}）")
        self.responsibility_text.setPlainText("\n".join(lines))
        self.summary.setPlainText(summary_paragraph(self.stats) or self.tr(
            "No licence items, and nothing delegated to townships: the paragraph has nothing to state yet."))
        self.headline.setText(self._headline(self.stats))
        self.citations.setText(self._citations_line(version_id))

    def _headline(self, stats: dict[str, Any]) -> str:
        locale = QLocale()
        licence, powers = stats["licence_items"], stats["powers"]

        def big(number: int) -> str:
            return f"<span style='font-size:15pt; font-weight:bold; color:#1a5fb4'>{locale.toString(number)}</span>"

        first = (self.tr("Licence items %1 (sub-items %2), %3 departments")
                 .replace("%1", big(licence["total"])).replace("%2", locale.toString(licence["sub_items"]))
                 .replace("%3", big(licence["departments"])))
        second = (self.tr("Enforcement powers %1, delegated to townships %2")
                  .replace("%1", big(powers["total"])).replace("%2", big(powers["delegated"])))
        return f"{first}&nbsp;&nbsp;&nbsp;&nbsp;·&nbsp;&nbsp;&nbsp;&nbsp;{second}"

    def _citations_line(self, version_id: int | None) -> str:
        """How many items and powers cite a repealed, amended or not-yet-effective law, and for the
        working list how many cited titles match no law of a catalogue (the 法律法规 page lists them
        with the closest titles, which take seconds to find: counted here without them)."""
        from .laws_view import mark_counts

        laws = self.session.library.laws
        counts = mark_counts(laws.marks(version_id))
        parts = []
        for status, text in ((REPEALED, self.tr("Citing a repealed law: %1 licence items, %2 powers")),
                             (AMENDED, self.tr("citing an amended law: %1 licence items, %2 powers")),
                             (NOT_YET, self.tr("citing a law not yet in force: %1 licence items, %2 powers"))):
            parts.append(text.replace("%1", str(counts[status].get(LICENCE, 0)))
                         .replace("%2", str(counts[status].get(POWER, 0))))
        line = "；".join(parts)
        if version_id is None:
            unresolved = sum(1 for law in laws.list() if law["cited_by"] and not law["catalogued"])
            line += self.tr("; %1 cited titles match no catalogued law.").replace("%1", str(unresolved))
        return line

    def copy_summary(self) -> None:
        """Put the paragraph on the clipboard, ready to paste into the report."""
        QGuiApplication.clipboard().setText(self.summary.toPlainText())
        self.jobs.status(self.tr("The paragraph is on the clipboard."))

    def copy_responsibilities(self) -> None:
        """Put the departments' 权责清单 sentences on the clipboard, a line each."""
        QGuiApplication.clipboard().setText(self.responsibility_text.toPlainText())
        self.jobs.status(self.tr("The sentences are on the clipboard."))

    # ------------------------------------------------------------------ click-through
    def open_figure(self, figure: Figure) -> None:
        """Open the list behind a figure (nothing when no list can show it)."""
        if figure.flt is not None:
            self.open_list(figure.kind, figure.flt)

    # ------------------------------------------------------------------ exports
    def export(self, fmt: str) -> None:
        """Write the statistics as a workbook ("xlsx") or a one-page PDF ("pdf") on the writer."""
        version_id = self.versions.version_id()
        version_label = self.versions.currentText() if version_id is not None else ""
        base_name = self.tr("Statistics") + (f"（{version_label}）" if version_label else "")
        suffix = f".{fmt}"
        filters = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("PDF file (*.pdf)")
        path = choose_save_path(self, self.tr("Export statistics"), base_name + suffix, filters, suffix)
        if path is None:
            return
        font = settings.catalogue_font() or None

        def work(library: Any, task: Any) -> list[str]:
            from lawgov_desktop.exporters.statistics import (
                DEFAULT_TITLE,
                write_stats_pdf,
                write_stats_workbook,
            )

            task.report(0, 0, self.tr("Writing %1").replace("%1", path.name))
            stats = library.stats.compute(version_id)
            title = DEFAULT_TITLE + (f"（{version_label}）" if version_label else "")
            if fmt == "xlsx":
                write_stats_workbook(stats, summary_paragraph(stats), path, title)
                return []
            return write_stats_pdf(stats, summary_paragraph(stats), path, title, font_path=font).warnings

        def done(warnings: list[str]) -> None:
            self.jobs.status(self.tr("Exported to %1").replace("%1", str(path)))
            if warnings:
                prompts.warn(self, "\n".join(warnings))

        self.jobs.submit(work, self.tr("Exporting statistics"), done)
