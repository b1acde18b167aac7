"""An import looked at before it is made: what the import wizard shows and ``lawgov import --dry-run`` prints.

``preview_import`` reads a workbook with the clerk's choices and says, without writing anything,
what became of each sheet (read, with its header rows and counts, or skipped and why), which list
kind the columns' fields belong to, what each column is imported as, and the plan with its counts.
A file that cannot be read at all raises ``ImportFileError``; a file that reads but cannot be planned
as chosen (a required column missing) comes back with the problem and the columns the clerk can map.
The window and the command line word the sheet states in their own way (translated, or Chinese).

``ImportSession`` is one file being prepared in the wizard: the clerk's choices, what each choice
resets, the unknown names to settle, and the latest reading.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.fields import KIND_LABELS
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import NO_TASK, Task, check_cancelled
from lawgov_desktop.importers.columns import (
    Column,
    mapping_of,
    preferred_template,
    primary_sheet,
    read_columns,
    signature,
)
from lawgov_desktop.importers.plan import ImportOptions, ImportPlan, UnresolvedName, plan_import
from lawgov_desktop.importers.readers import Sheet, Workbook, has_cells, read_workbook
from lawgov_desktop.importers.shaping import ShapedSheet, shape_sheet


class SheetUse(Enum):
    """What became of a worksheet: read, or why it was skipped."""

    READ = "read"
    EMPTY = "empty"
    OTHER_SHEET_CHOSEN = "other_sheet_chosen"
    UNREADABLE = "unreadable"  # its header cannot be read as chosen: ``reason`` says why
    NOT_PLANNED = "not_planned"  # it reads, but the import as chosen cannot be made: ``reason``
    OTHER_KIND = "other_kind"  # it reads as another list kind: ``other_kind``


@dataclass
class SheetState:
    """One worksheet as the clerk sees it before importing."""

    name: str
    use: SheetUse
    header_rows: tuple[int, int] = (0, 0)  # first and last row of the header (as Excel numbers them)
    items: int = 0
    sub_items: int = 0
    reason: str = ""
    other_kind: str | None = None

    @property
    def used(self) -> bool:
        """Whether the import takes this sheet's rows."""
        return self.use is SheetUse.READ

    @property
    def header_text(self) -> str:
        """"4", or "4–5" for a header over two rows."""
        first, last = self.header_rows
        return f"{first}" if first == last else f"{first}–{last}"


@dataclass
class Preview:
    """What one reading of the file found: the plan, or the problem that stops it."""

    plan: ImportPlan | None
    problem: ImportFileError | None
    kind: str | None  # the kind the columns' fields belong to
    sheets: list[SheetState]
    columns: list[Column]  # in sheet order, each with what it is imported as
    column_sheet: str | None  # the sheet the columns are of: the first one read, or the one chosen
    signature: str | None  # that sheet's headers, which saved mapping templates are kept for
    template: str | None  # the saved template this reading used

    @property
    def error(self) -> str:
        """The problem in the clerk's words ("" when the import can be made)."""
        return str(self.problem) if self.problem else ""


def list_name(kind: str) -> str:
    """"行政许可事项清单", "权责清单": a kind's label as the name of a list."""
    label = KIND_LABELS[kind]
    return label if label.endswith("清单") else f"{label}清单"


def preview_import(library: Library, path: Path, options: ImportOptions, task: Task = NO_TASK, *,
                   offer_template: bool = False) -> Preview:
    """Plan an import of ``path`` and describe its sheets and columns; writes nothing.

    With ``offer_template`` (a file just opened in the window) a mapping template saved for the same
    headers is used when the clerk chose none; ``options.mapping_name`` then names it.
    """
    workbook = read_workbook(path)
    check_cancelled(task)
    plan, problem = _plan(library, path, options, task, workbook)
    primary = primary_sheet(workbook, plan.sheets[0].sheet_name if plan else options.sheet)
    headers = signature(primary)
    if offer_template and headers and not options.mapping and not options.mapping_name:
        options.mapping_name = preferred_template(library.imports.mapping_templates(headers))
        if options.mapping_name:
            plan, problem = _plan(library, path, options, task, workbook)
    mapping = options.mapping
    if options.mapping_name:
        mapping = library.imports.mapping_template(options.mapping_name)["mapping"]  # its kind is in options now
    kind, columns = read_columns(primary, plan.sheets[0] if plan else None, options.kind, mapping)
    states = _sheet_states(workbook, plan, problem, options, mapping, path.name)
    return Preview(plan, problem, kind, states, columns, primary.name if primary else None, headers,
                   options.mapping_name)


def _plan(library: Library, path: Path, options: ImportOptions, task: Task,
          workbook: Workbook) -> tuple[ImportPlan | None, ImportFileError | None]:
    try:
        return plan_import(library, path, options, task, workbook=workbook), None
    except ImportFileError as problem:
        return None, problem


def _sheet_states(workbook: Workbook, plan: ImportPlan | None, problem: ImportFileError | None,
                  options: ImportOptions, mapping: Mapping[str | int, str] | None, file_name: str) -> list[SheetState]:
    """Each sheet: what was read from it, or why it was left out, as the kind and mapping chosen now."""
    shaped = {sheet.sheet_name: sheet for sheet in plan.sheets} if plan else {}
    return [_read_state(shaped[sheet.name]) if sheet.name in shaped
            else _skipped_state(sheet, problem, options, mapping, file_name) for sheet in workbook.sheets]


def _read_state(shaped: ShapedSheet) -> SheetState:
    first = shaped.header_row_index + 1
    subs = sum(len(record.sub_items) for record in shaped.records)
    return SheetState(shaped.sheet_name, SheetUse.READ, (first, first + shaped.header_rows - 1),
                      len(shaped.records), subs)


def _skipped_state(sheet: Sheet, problem: ImportFileError | None, options: ImportOptions,
                   mapping: Mapping[str | int, str] | None, file_name: str) -> SheetState:
    if not has_cells(sheet):
        return SheetState(sheet.name, SheetUse.EMPTY)
    if options.sheet is not None:
        return SheetState(sheet.name, SheetUse.OTHER_SHEET_CHOSEN)
    try:
        other = shape_sheet(sheet, options.kind, mapping, file_name=file_name)
    except ImportFileError as unreadable:
        return SheetState(sheet.name, SheetUse.UNREADABLE, reason=unreadable.reason)
    if problem is not None:
        return SheetState(sheet.name, SheetUse.NOT_PLANNED, reason=problem.reason)
    return SheetState(sheet.name, SheetUse.OTHER_KIND, other_kind=other.kind)


@dataclass
class RejectedCells:
    """A sheet's rejected rows as they were in the file, under its header rows: (row number as Excel
    numbers it, the row's cells, the reason), for a workbook the sender can correct and send back."""

    sheet: str
    header_rows: list[list[object]]
    rows: list[tuple[int, list[object], str]] = field(default_factory=list)


def rejected_cells(library: Library, plan: ImportPlan, rejected: list[dict[str, object]],
                   source: Path) -> list[RejectedCells]:
    """The cells of each rejected row, from the plan or else from the file (or the library's copy of
    it, when the file was moved since), with merged cells (a department merged down) filled in."""
    kept = {(problem.sheet, problem.row): problem.cells for sheet in plan.sheets for problem in sheet.rejected}
    readable = source if source.is_file() else library.imports.imported_file_copy(plan.changes.file_sha256)
    workbook = read_workbook(readable) if readable is not None else None
    sheets: dict[str, RejectedCells] = {}
    for shaped in plan.sheets:
        grid = _sheet_or_none(workbook, shaped.sheet_name)
        header = [_filled_row(grid, index) for index in range(shaped.header_row_index,
                                                               shaped.header_row_index + shaped.header_rows)]
        sheets[shaped.sheet_name] = RejectedCells(shaped.sheet_name, header)
    for problem in rejected:
        name, row = str(problem["sheet"]), int(str(problem["row"]))
        target = sheets.setdefault(name, RejectedCells(name, []))
        cells = kept.get((name, row)) or _filled_row(_sheet_or_none(workbook, name), row - 1)
        target.rows.append((row, list(cells), str(problem["reason"])))
    for sheet in sheets.values():
        sheet.rows.sort(key=lambda rejected_row: rejected_row[0])
    return [sheet for sheet in sheets.values() if sheet.rows]


def _sheet_or_none(workbook: Workbook | None, name: str) -> Sheet | None:
    return next((sheet for sheet in workbook.sheets if sheet.name == name), None) if workbook else None


def _filled_row(sheet: Sheet | None, index: int) -> list[object]:
    """A grid row with the values of merged cells filled in."""
    if sheet is None or not 0 <= index < len(sheet.rows):
        return []
    row = list(sheet.rows[index])
    for r1, c1, r2, c2 in sheet.merged:
        if r1 <= index <= r2:
            if len(row) <= c2:
                row.extend([None] * (c2 + 1 - len(row)))
            for col in range(c1, c2 + 1):
                row[col] = sheet.value(r1, c1)
    return row


@dataclass
class ImportSession:
    """One file being prepared for import: the clerk's choices and the latest reading of the file.

    Each choice resets what it makes stale: another list kind has other fields, so its columns are
    detected afresh; columns mapped by hand pin the kind their fields belong to; no template means
    detecting the kind again.  Readings run in the background on a copy of the choices
    (``choices``) and come back through ``take``.
    """

    path: Path | None = None
    options: ImportOptions = field(default_factory=ImportOptions)
    preview: Preview | None = None
    # Every unknown name a reading proposed, as first proposed: still listed once the clerk settled it.
    named: dict[tuple[str, str], UnresolvedName] = field(default_factory=dict)

    def choices(self) -> ImportOptions:
        """A copy of the choices a background reading may change (it records the template it used)."""
        options = self.options
        return dataclasses.replace(options, mapping=dict(options.mapping or {}) or None,
                                   resolutions=dict(options.resolutions), renames=dict(options.renames))

    def take(self, preview: Preview) -> None:
        """Keep a reading made with ``choices()``, and the template it used."""
        self.preview = preview
        self.options.mapping_name = preview.template
        for name in preview.plan.unresolved if preview.plan else []:
            if (name.kind, name.name) not in self.options.renames:  # keep the proposal of the name as written
                self.named[(name.kind, name.name)] = name

    def choose_kind(self, kind: str | None) -> None:
        """Read the file as ``kind`` (None: detect it), detecting its columns afresh."""
        self.options.kind = kind
        self.options.mapping = None
        self.options.mapping_name = None

    def choose_sheet(self, sheet: str | None) -> None:
        """Import only ``sheet`` (None: every sheet that reads)."""
        self.options.sheet = sheet

    def choose_template(self, name: str | None) -> None:
        """Map the columns by a saved template (None: detect the columns and the kind)."""
        self.options.mapping_name = name
        self.options.mapping = None
        if name is None:
            self.options.kind = None

    def map_columns(self, columns: list[Column]) -> None:
        """Import the columns as the clerk set them, as fields of the kind read now."""
        self.options.mapping = mapping_of(columns)
        self.options.mapping_name = None
        self.options.kind = self.preview.kind if self.preview else self.options.kind

    def template_saved(self, name: str) -> None:
        """The mapping on screen was saved as template ``name``: read by it from now on."""
        self.options.mapping_name = name
        self.options.mapping = None
        if self.preview is not None:
            self.preview.template = name

    def settle(self, kind: str, name: str, record_id: int | None) -> None:
        """Treat an unknown name as an existing record (``record_id``) or as proposed (None)."""
        self.options.renames.pop((kind, name), None)
        if record_id is None:
            self.options.resolutions.pop((kind, name), None)
        else:
            self.options.resolutions[(kind, name)] = record_id

    def create_as(self, kind: str, name: str, new_name: str) -> None:
        """Create the record an unknown name stands for under ``new_name``."""
        self.options.resolutions.pop((kind, name), None)
        self.options.renames[(kind, name)] = new_name

    def names_to_settle(self) -> list[UnresolvedName]:
        """The unknown names of the latest plan and those the clerk settled, as first proposed."""
        plan = self.preview.plan if self.preview else None
        unresolved = {(name.kind, name.name) for name in plan.unresolved} if plan else set()
        return [name for key, name in self.named.items()
                if key in self.options.resolutions or key in self.options.renames or key in unresolved]

    def mapping_to_remember(self, columns: list[Column]) -> tuple[str, str, list[Column]] | None:
        """A mapping made by hand, to offer again for the next file with these headers: (kind, headers,
        columns as set), or None when the columns were detected or came from a template."""
        preview = self.preview
        if self.options.mapping is None or preview is None or not preview.signature or not preview.kind:
            return None
        return preview.kind, preview.signature, columns


def template_mapping(columns: list[Column]) -> dict[str, str]:
    """The mapping a template keeps: by header text only, since a template outlives the column order
    of one file."""
    return {key: value for key, value in mapping_of(columns).items() if isinstance(key, str)}
