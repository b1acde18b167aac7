"""From shaped sheets to an import plan: match against the database, settle names, then apply.

``plan_import`` reads and understands the workbook, resolves every department, township and
batch name through the library (aliases, "county + township" prefixes), matches each record
against the working list and decides insert / update (only the changed fields) / unchanged /
reject, without writing anything.  The plan can be shown as a preview (the window's wizard) or
printed (``--dry-run``); ``apply_plan`` hands its ``ImportChanges`` to the library, which writes
them in one transaction after a backup.

Merge modes: ``merge`` matches by code, else by name + department (sub-items by main item +
sub-item name) and updates only changed fields; ``append`` inserts and rejects rows that match an
existing record; ``replace`` first removes the working records of the parts (licence lists) or
the delegations of the batches (power lists) the file contains.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.fields import (
    DEPARTMENT,
    KIND_LABELS,
    LICENCE,
    OTHER,
    PARTS,
    POWER,
    RESPONSIBILITY,
)
from lawgov_desktop.core.imports import ImportChanges
from lawgov_desktop.core.kinds import (
    DELEGATION_KIND,
    DEPARTMENT_KIND,
    LICENCE_KIND,
    POWER_KIND,
    Field,
    RecordKind,
)
from lawgov_desktop.core.layouts import (
    DEPARTMENT_FIELDS,
    LICENCE_FIELDS,
    POWER_FIELDS,
    RESPONSIBILITY_FIELDS,
    SUB_ITEM_REPEATS,
)
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import NO_TASK, Task, check_cancelled
from lawgov_desktop.core.records import extra_to_json, name_key
from lawgov_desktop.core.text import text
from lawgov_desktop.importers.readers import Workbook, has_cells, read_workbook
from lawgov_desktop.importers.shaping import ParsedRecord, ShapedSheet, header_signature, shape_sheet

MODES = ("merge", "append", "replace")


def _stored(layout: tuple[Field, ...], kind: RecordKind, *also: str) -> tuple[str, ...]:
    """The columns of a layout that ``kind`` stores as they are; the others are names the plan
    resolves (a department), rows it splits (sub-items, townships) or the library's business."""
    return (*(spec.key for spec in layout if spec.key in kind.columns), *also)


# Columns an import may set, per kind.  A department is matched by its name (or a short name).
_LICENCE_COLUMNS = _stored(LICENCE_FIELDS, LICENCE_KIND)
_POWER_COLUMNS = _stored(POWER_FIELDS, POWER_KIND, "extra_json")
_RESPONSIBILITY_COLUMNS = _stored(RESPONSIBILITY_FIELDS, POWER_KIND, "extra_json")
_DELEGATION_COLUMNS = tuple(key for key in _stored(POWER_FIELDS, DELEGATION_KIND)
                            if key not in POWER_KIND.columns)  # a row's remark is its power's
_DEPARTMENT_COLUMNS = tuple(key for key in _stored(DEPARTMENT_FIELDS, DEPARTMENT_KIND) if key != "name")
_REGION_SUFFIX_KINDS = (("街道", "street"), ("镇", "town"), ("乡", "township"), ("县", "county"),
                        ("市", "county_city"), ("区", "district"))
_COUNTY_KINDS = {"county", "district", "county_city", "zone"}


@dataclass
class ImportOptions:
    """What the clerk chose: list kind (None = detect), sheet (None = every sheet that reads),
    a column mapping or a saved template's name, the merge mode, and strictness."""

    kind: str | None = None
    sheet: str | None = None
    mapping: dict[str | int, str] | None = None  # header text or column index → field key
    mapping_name: str | None = None
    mode: str = "merge"
    strict: bool = False
    # How the clerk settled names the library did not know: (kind, name) → existing id, or None
    # to create it as proposed.
    resolutions: dict[tuple[str, str], int | None] = field(default_factory=dict)
    # Unknown names the clerk chose to create under another name: (kind, name) → the name to create
    # (an existing record of that name is used instead).
    renames: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class PlannedRow:
    """One row of the preview: what will happen to it and why."""

    sheet: str
    row: int
    action: str  # new, changed, unchanged, rejected
    name: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    reason: str = ""
    sub_item: bool = False


@dataclass
class UnresolvedName:
    """A department, township or batch name the database does not know, with the proposal."""

    kind: str  # department, region, batch
    name: str
    proposal: str  # what will be created, e.g. "新建镇街“捷胜镇”（归属城区）"
    rows: list[tuple[str, int]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    kind: str
    inserted: int
    updated: int
    unchanged: int
    rejected: list[dict[str, Any]]
    warnings: list[str]
    import_id: int | None = None
    dry_run: bool = False
    # Of inserted / updated / unchanged, how many are sub-items ("new", "changed", "unchanged").
    sub_items: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "unchanged": 0})

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov import --json`` prints."""
        return {"kind": self.kind, "inserted": self.inserted, "updated": self.updated,
                "unchanged": self.unchanged, "sub_items": dict(self.sub_items), "rejected": self.rejected,
                "warnings": self.warnings, "import_id": self.import_id, "dry_run": self.dry_run}


@dataclass
class ImportPlan:
    """Everything an import would do, decided without writing."""

    file_name: str
    kind: str
    sheets: list[ShapedSheet]
    rows: list[PlannedRow]
    unresolved: list[UnresolvedName]
    changes: ImportChanges

    def result(self, import_id: int | None = None, dry_run: bool = False) -> ImportResult:
        """The counts of this plan as an import result."""
        c = self.changes
        return ImportResult(self.kind, c.inserted, c.updated, c.unchanged, list(c.rejected), list(c.warnings),
                            import_id, dry_run, dict(c.sub_items))


def file_sha256(path: Path) -> str:
    """The file's SHA-256, recorded in the import history to recognise the same file later."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_sheets(path: Path, options: ImportOptions, lib: Library | None = None,
                workbook: Workbook | None = None) -> list[ShapedSheet]:
    """Read and understand the chosen sheet, or every sheet that has a recognisable header
    (``workbook``: the file already read by the caller)."""
    if workbook is None:
        workbook = read_workbook(path)
    mapping = options.mapping
    if options.mapping_name and lib is not None:
        template = lib.imports.mapping_template(options.mapping_name)
        mapping = template["mapping"]
        options.kind = options.kind or template["kind"]
    if options.sheet is not None:
        return [shape_sheet(workbook.sheet(options.sheet), options.kind, mapping, file_name=path.name)]
    shaped: list[ShapedSheet] = []
    first_error: ImportFileError | None = None
    for sheet in workbook.sheets:
        if not has_cells(sheet):
            continue
        try:
            shaped.append(shape_sheet(sheet, options.kind, mapping, file_name=path.name))
        except ImportFileError as error:
            first_error = first_error or error
    if not shaped:
        raise first_error or ImportFileError("工作簿中没有任何数据", file=path.name)
    kind = shaped[0].kind
    skipped = [s for s in shaped if s.kind != kind]
    shaped = [s for s in shaped if s.kind == kind]
    for sheet in skipped:
        shaped[0].warnings.append(f"工作表“{sheet.sheet_name}”看起来是{KIND_LABELS[sheet.kind]}清单，"
                                  f"与“{shaped[0].sheet_name}”不同，已跳过；可用 --sheet 单独导入。")
    return shaped


def plan_import(lib: Library, path: str | Path, options: ImportOptions | None = None,
                task: Task = NO_TASK, *, workbook: Workbook | None = None) -> ImportPlan:
    """Decide everything an import of ``path`` would do; writes nothing.  ``workbook``: the file
    already read by the caller, so it is not read again."""
    options = options or ImportOptions()
    if options.mode not in MODES:
        raise ImportFileError(f"未知的导入方式“{options.mode}”，应为 merge、append 或 replace")
    file_path = Path(path)
    task.report(0, 3, "读取工作簿")
    sheets = read_sheets(file_path, options, lib, workbook)
    check_cancelled(task)
    kind = sheets[0].kind
    if options.mode == "replace" and kind in (DEPARTMENT, RESPONSIBILITY):
        raise ImportFileError(f"{KIND_LABELS[kind]}不支持替换方式，请用合并或追加", file=file_path.name)
    task.report(1, 3, "核对数据库中的记录")
    changes = ImportChanges(
        kind=POWER if kind == RESPONSIBILITY else kind,  # a 权责清单's items are stored as powers
        file_name=file_path.name, file_sha256=file_sha256(file_path), source_path=file_path,
        sheet="、".join(s.sheet_name for s in sheets), mode=options.mode,
        mapping={s.sheet_name: {s.headers.get(col, str(col)): key for col, key in s.columns.items()}
                 for s in sheets})
    planner = _Planner(lib, options, changes)
    for sheet in sheets:
        changes.warnings.extend(sheet.warnings)
        for problem in sheet.rejected:
            changes.rejected.append({"sheet": problem.sheet, "row": problem.row, "reason": problem.reason})
            planner.rows.append(PlannedRow(problem.sheet, problem.row, "rejected", "", reason=problem.reason))
    planner.plan(sheets)
    check_cancelled(task)
    task.report(3, 3, "完成")
    return ImportPlan(file_path.name, kind, sheets, planner.rows, planner.unresolved_names(), changes)


def apply_plan(lib: Library, plan: ImportPlan, *, strict: bool = False, task: Task = NO_TASK) -> ImportResult:
    """Write a plan: one transaction after a backup.  ``strict`` refuses the whole file when any
    row was rejected, so nothing is written."""
    if strict and plan.changes.rejected:
        first = plan.changes.rejected[0]
        raise ImportFileError(f"严格模式：有 {len(plan.changes.rejected)} 行被拒绝（例如第{first['row']}行："
                              f"{first['reason']}），未导入任何数据", file=plan.file_name, sheet=first["sheet"])
    import_id = lib.imports.apply_import(plan.changes, task)
    return plan.result(import_id)


def import_file(lib: Library, path: str | Path, options: ImportOptions | None = None, *, dry_run: bool = False,
                task: Task = NO_TASK) -> ImportResult:
    """Plan and (unless ``dry_run``) apply an import: what ``lawgov import`` does."""
    options = options or ImportOptions()
    plan = plan_import(lib, path, options, task)
    if dry_run:
        if options.strict and plan.changes.rejected:
            apply_plan(lib, plan, strict=True)  # raises the strict-mode message
        return plan.result(dry_run=True)
    return apply_plan(lib, plan, strict=options.strict, task=task)


def sheet_signature(path: str | Path, sheet: str | None = None) -> str:
    """The header signature of a workbook's (first) sheet, to offer saved mapping templates."""
    workbook = read_workbook(Path(path))
    target = workbook.sheet(sheet) if sheet else workbook.sheets[0]
    return header_signature(target)


class _Names:
    """Resolves department, region and batch names once each, proposing new ones it cannot find."""

    def __init__(self, lib: Library, options: ImportOptions, changes: ImportChanges) -> None:
        self.lib = lib
        self.options = options
        self.changes = changes
        self.cache: dict[tuple[str, str], tuple[str, Any] | None] = {}
        self.unresolved: dict[tuple[str, str], UnresolvedName] = {}
        # (kind, name_key) of each record this import creates → its reference and proposal.
        self.proposed: dict[tuple[str, str], tuple[tuple[str, Any], str]] = {}
        self.regions = lib.imports.region_names()
        self.region_keys = sorted(
            ((name_key(alias), region) for region in self.regions
             for alias in [region["name"], *(region["aliases"] or "").split("、")] if alias),
            key=lambda pair: -len(pair[0]))
        self.root = next((r for r in self.regions if r["parent_id"] is None), None)

    def resolve(self, kind: str, name: str, where: tuple[str, int]) -> tuple[str, Any] | None:
        """("id", 12) for a known record, ("name", "捷胜镇") for one this import creates, or None
        (strict mode: the row is rejected)."""
        key = (kind, name)
        if key not in self.cache:
            self.cache[key] = self._resolve(kind, name)
        if key in self.unresolved:
            self.unresolved[key].rows.append(where)
        return self.cache[key]

    def _resolve(self, kind: str, name: str) -> tuple[str, Any] | None:
        finder = {"department": self.lib.records.find_department, "region": self.lib.records.find_region,
                  "batch": self.lib.records.find_batch}[kind]
        found = finder(name)
        if found is not None:
            return ("id", found)
        renamed = self.options.renames.get((kind, name))
        if renamed:  # the clerk's choice, strict or not
            found = finder(renamed)
            return ("id", found) if found is not None else self._propose(kind, renamed, name)
        if (kind, name) in self.options.resolutions:
            chosen = self.options.resolutions[(kind, name)]
            if chosen is not None:
                return ("id", chosen)
        elif self.options.strict:
            self.unresolved[(kind, name)] = UnresolvedName(kind, name, "严格模式下不新建，所在行被拒绝",
                                                           suggestions=self._suggest(kind, name))
            return None
        return self._propose(kind, name)

    def _propose(self, kind: str, name: str, written: str | None = None) -> tuple[str, Any]:
        """Plan creating ``name`` once, however many names of the file lead to it (spellings alike,
        or names the clerk chose to create under it); noted under ``written``, the name in the file."""
        key = (kind, name_key(name))
        if key not in self.proposed:
            self.proposed[key] = self._new_record(kind, name)
        result, proposal = self.proposed[key]
        if kind == "department" and written and name_key(written) != key[1]:
            # the name as written becomes the new department's alias: the next file is recognised
            created = next(d for d in self.changes.new_departments if name_key(d["name"]) == key[1])
            created.setdefault("aliases", []).append(written)
            proposal = f"{proposal}，“{written}”记作其简称"
        if proposal:
            self._note(kind, written or name, proposal)
        return result

    def _new_record(self, kind: str, name: str) -> tuple[tuple[str, Any], str]:
        """The reference to a record this import creates, and the proposal the clerk sees ("" for a
        township already planned under its shorter name)."""
        if kind == "batch":
            self.changes.new_batches.append(name)
            return ("name", name), f"新建批次“{name}”"
        found_prefix = self._prefix(name)
        prefix = found_prefix[1] if found_prefix else None
        if kind == "department":
            level = None
            if prefix is not None:
                level = "县级" if prefix["kind"] in _COUNTY_KINDS else "镇级" if prefix["parent_id"] else "市级"
            self.changes.new_departments.append({"name": name, "level": level,
                                                 "region_id": prefix["id"] if prefix else None})
            where = f"（归属{prefix['name']}）" if prefix else ""
            return ("name", name), f"新建部门“{name}”{where}"
        parent = prefix or self.root
        own = name_key(name)[len(found_prefix[0]):] if found_prefix else name
        if own != name and ("region", own) in self.cache:
            return self.cache[("region", own)], ""  # "城区捷胜镇" after "捷胜镇" in the same file
        region_kind = next((k for suffix, k in _REGION_SUFFIX_KINDS if own.endswith(suffix)), "town")
        self.changes.new_regions.append({"name": own, "kind": region_kind,
                                         "parent_id": parent["id"] if parent else None})
        self.cache[("region", own)] = ("name", own)
        return ("name", own), f"新建镇街“{own}”（归属{parent['name'] if parent else '顶层'}）"

    def _prefix(self, name: str) -> tuple[str, dict[str, Any]] | None:
        """The known region written in front of a name ("城区" in "城区捷胜镇"), longest first."""
        key = name_key(name)
        return next(((prefix, region) for prefix, region in self.region_keys
                     if key.startswith(prefix) and len(key) > len(prefix)), None)

    def _note(self, kind: str, name: str, proposal: str) -> None:
        self.unresolved[(kind, name)] = UnresolvedName(kind, name, proposal, suggestions=self._suggest(kind, name))
        self.changes.warnings.append(f"{proposal}：数据库中没有“{name}”")

    def _suggest(self, kind: str, name: str) -> list[str]:
        if kind == "department":
            candidates = [row["name"] for row in self.lib.imports.rows_for_matching(DEPARTMENT)]
        elif kind == "region":
            candidates = [row["name"] for row in self.regions]
        else:
            return []
        return difflib.get_close_matches(name, candidates, n=3, cutoff=0.5)


class _Planner:
    """Walks the records of the shaped sheets and fills ``ImportChanges`` and the preview rows."""

    def __init__(self, lib: Library, options: ImportOptions, changes: ImportChanges) -> None:
        self.lib = lib
        self.options = options
        self.changes = changes
        self.names = _Names(lib, options, changes)
        self.rows: list[PlannedRow] = []

    def unresolved_names(self) -> list[UnresolvedName]:
        """The names the preview asks the clerk to settle."""
        return list(self.names.unresolved.values())

    def plan(self, sheets: list[ShapedSheet]) -> None:
        kind = self.changes.kind
        existing = self.lib.imports.rows_for_matching(kind)
        if self.options.mode == "replace":
            existing = self._replace_scope(kind, existing, sheets)
        if sheets[0].kind == RESPONSIBILITY:
            self._plan_responsibilities(sheets, existing)
        elif kind == LICENCE:
            self._plan_licence(sheets, existing)
        elif kind == POWER:
            self._plan_power(sheets, existing)
        else:
            self._plan_department(sheets, existing)

    # ------------------------------------------------------------------ common
    def _reject(self, sheet: str, record: ParsedRecord, reason: str, name: str = "") -> None:
        self.changes.rejected.append({"sheet": sheet, "row": record.row_number, "reason": reason})
        self.rows.append(PlannedRow(sheet, record.row_number, "rejected", name, reason=reason))

    def _reference(self, kind: str, name: object, sheet: str, record: ParsedRecord,
                   target: dict[str, Any], column: str) -> bool:
        """Put a resolved reference into ``target`` as ``{column}_id`` or ``{column}_name``."""
        if not name:
            return True
        resolved = self.names.resolve(kind, str(name), (sheet, record.row_number))
        if resolved is None:
            self._reject(sheet, record, f"无法识别的{ {'department': '部门', 'region': '镇街', 'batch': '批次'}[kind] }"
                                        f"“{name}”（严格模式）", str(record.fields.get("name", "")))
            return False
        target[f"{column}_{resolved[0]}"] = resolved[1]
        return True

    def _compare(self, old: dict[str, Any], new: dict[str, Any], columns: tuple[str, ...]) -> dict[str, tuple]:
        """Changed fields only; an empty cell never erases a stored value."""
        return {key: (old.get(key), new[key]) for key in columns
                if new.get(key) not in (None, "") and new[key] != old.get(key)}

    def _count(self, sheet: str, record: ParsedRecord, name: str, changes: dict[str, tuple] | None,
               is_new: bool, *, sub_item: bool = False) -> None:
        """Count an item or a sub-item (the totals include sub-items; ``sub_items`` says how many)."""
        action = "new" if is_new else "changed" if changes else "unchanged"
        setattr(self.changes, _TOTALS[action], getattr(self.changes, _TOTALS[action]) + 1)
        if sub_item:
            self.changes.sub_items[action] += 1
        self.rows.append(PlannedRow(sheet, record.row_number, action, name, changes or {}, sub_item=sub_item))

    def _duplicate_in_append(self, sheet: str, record: ParsedRecord, name: str) -> None:
        self._reject(sheet, record, "与已有记录相同（追加方式不修改已有记录，可改用合并方式）", name)

    def _main_rows(self, sheets: list[ShapedSheet], columns: tuple[str, ...],
                   department_label: str) -> Iterator[tuple[ShapedSheet, ParsedRecord, dict[str, Any]]]:
        """Each record of ``sheets`` with its licence item's or power's values, the records that
        cannot be one (no name, no known department) rejected on the way."""
        for sheet in sheets:
            for record in sheet.records:
                row = self._main_row(sheet, record, columns, department_label)
                if row is not None:
                    yield sheet, record, row

    def _main_row(self, sheet: ShapedSheet, record: ParsedRecord, columns: tuple[str, ...],
                  department_label: str) -> dict[str, Any] | None:
        """A licence item's or power's values with its department resolved; None when rejected."""
        fields = record.fields
        name = str(fields.get("name") or "")
        if not name:
            self._reject(sheet.sheet_name, record, "缺少必填项：事项名称")
            return None
        if not fields.get("department"):
            self._reject(sheet.sheet_name, record, f"缺少必填项：{department_label}", name)
            return None
        # A power's extra columns are stored as one JSON value; ``columns`` without it leave it out.
        row = _values({**fields, "extra_json": _extra_json(fields)}, columns)
        row["source_json"] = _source(sheet.sheet_name, record)
        if not self._reference("department", fields["department"], sheet.sheet_name, record, row, "department"):
            return None
        return row

    # ------------------------------------------------------------------ replace
    def _replace_scope(self, kind: str, existing: list[dict[str, Any]],
                       sheets: list[ShapedSheet]) -> list[dict[str, Any]]:
        """Mark what a replace removes; returns the rows still there to match against."""
        if kind == LICENCE:
            parts = {_stated_part(record, sheet) or OTHER for sheet in sheets for record in sheet.records}
            removed = [row for row in existing if row["parent_id"] is None and row["part"] in parts]
            self.changes.deletes = [row["id"] for row in removed]
            gone = {row["id"] for row in removed}
            labels = "、".join(sorted(parts))
            self.changes.warnings.append(f"替换方式：先删除“{labels}”部分的 {len(removed)} 项事项")
            return [row for row in existing if row["id"] not in gone and row["parent_id"] not in gone]
        batches = {str(record.fields.get("batch") or sheet.batch or "") for sheet in sheets
                   for record in sheet.records} - {""}
        batch_ids = {self.lib.records.find_batch(name) for name in batches} - {None}
        remaining = []
        for row in existing:
            inside = [d for d in row["delegations"] if d[2] in batch_ids]
            self.changes.delete_delegations.extend(d[0] for d in inside)
            if inside and len(inside) == len(row["delegations"]):
                self.changes.deletes.append(row["id"])
            else:
                row["delegations"] = [d for d in row["delegations"] if d[2] not in batch_ids]
                remaining.append(row)
        self.changes.warnings.append(f"替换方式：先删除{'、'.join(sorted(batches)) or '（无批次）'}的 "
                                     f"{len(self.changes.delete_delegations)} 条赋权")
        return remaining

    # ------------------------------------------------------------------ licence
    def _plan_licence(self, sheets: list[ShapedSheet], existing: list[dict[str, Any]]) -> None:
        mains = [row for row in existing if row["parent_id"] is None]
        by_code = {row["code"]: row for row in mains if row["code"]}
        by_name = {(name_key(row["name"]), row["department_id"]): row for row in mains}
        subs = {(row["parent_id"], name_key(row["name"])): row for row in existing if row["parent_id"]}
        append = self.options.mode == "append"
        first_rows: dict[tuple[str, object], tuple[str, int]] = {}  # where each item first came in this file
        for sheet, record, row in self._main_rows(sheets, _LICENCE_COLUMNS, "主管部门"):
            name = row["name"]
            # A part the file does not state (no 部分 column, no part heading: a pasted block) leaves a
            # stored item's part alone; a new item goes under 其他.
            row["part"] = _stated_part(record, sheet)
            key = (name_key(name), row.get("department_id") or row.get("department_name"))
            if key in first_rows:  # a guidance catalogue lists an item again at another level
                where = first_rows[key]
                self.changes.warnings.append(f"工作表“{sheet.sheet_name}”第{record.row_number}行“{name}”与工作表"
                                             f"“{where[0]}”第{where[1]}行同名、同部门，按另一项导入")
            first_rows.setdefault(key, (sheet.sheet_name, record.row_number))
            match = _match(row, by_code, by_name)
            if match is not None and append:
                self._duplicate_in_append(sheet.sheet_name, record, name)
                continue
            if match is None:
                row["part"] = row["part"] or OTHER
                row["sub_items"] = [self._sub_row(sheet.sheet_name, sub, row) for sub in record.sub_items]
                self.changes.inserts.append(row)
                self._count(sheet.sheet_name, record, name, None, True)
                for sub in record.sub_items:
                    self._count(sheet.sheet_name, sub, f"{name} / {sub.fields.get('sub_item')}", None, True,
                                sub_item=True)
                continue
            changed = self._compare(match, row, _LICENCE_COLUMNS)
            self._update(match["id"], changed)
            self._count(sheet.sheet_name, record, name, changed, False)
            for sub in record.sub_items:
                self._plan_sub_item(sheet.sheet_name, sub, self._sub_row(sheet.sheet_name, sub, row), match, subs,
                                    _LICENCE_COLUMNS)

    def _sub_row(self, sheet: str, sub: ParsedRecord, main_row: dict[str, Any]) -> dict[str, Any]:
        values = _values(sub.fields, _LICENCE_COLUMNS)
        values["name"] = str(sub.fields.get("sub_item"))
        values["source_json"] = _source(sheet, sub)
        values.pop("part", None)
        for key in SUB_ITEM_REPEATS[LICENCE]:
            if values.get(key) == main_row.get(key):
                values.pop(key, None)  # merged cells repeat the main item's values on every sub-item row
        return values

    def _plan_sub_item(self, sheet: str, sub: ParsedRecord, values: dict[str, Any], main: dict[str, Any],
                       subs: dict[tuple[int, str], dict[str, Any]], columns: tuple[str, ...]) -> None:
        """A sub-item read under a stored main item: new, changed or as stored (of a licence item or
        a power alike; a new one takes the main item's department, and its part for a licence)."""
        label = f"{main['name']} / {values['name']}"
        existing = subs.get((main["id"], name_key(values["name"])))
        if existing is None:
            inherited = {key: main[key] for key in ("department_id", "part") if key in main}
            self.changes.new_sub_items.append({**values, "parent_id": main["id"], **inherited})
            self._count(sheet, sub, label, None, True, sub_item=True)
            return
        if self.options.mode == "append":
            self._duplicate_in_append(sheet, sub, label)
            return
        changed = self._compare(existing, values, columns)
        self._update(existing["id"], changed)
        self._count(sheet, sub, label, changed, False, sub_item=True)

    def _update(self, record_id: int, changed: dict[str, tuple]) -> None:
        """Plan writing the new side of the changed fields (nothing when none changed)."""
        if changed:
            self.changes.updates.append((record_id, {key: new for key, (_old, new) in changed.items()}))

    # ------------------------------------------------------------------ powers
    def _plan_power(self, sheets: list[ShapedSheet], existing: list[dict[str, Any]]) -> None:
        mains = [row for row in existing if row.get("parent_id") is None]
        by_code = {row["code"]: row for row in mains if row["code"]}
        by_name = {(name_key(row["name"]), row["department_id"]): row for row in mains}
        subs = {(row["parent_id"], name_key(row["name"])): row for row in existing if row.get("parent_id")}
        pending: dict[tuple[str, Any], dict[str, Any]] = {}
        matched: dict[tuple[str, Any], dict[str, Any]] = {}  # stored powers this file named, by the same key
        append = self.options.mode == "append"
        for sheet, record, row in self._main_rows(sheets, _POWER_COLUMNS, "原实施主体"):
            name = row["name"]
            key = (row.get("code") or name_key(name), row.get("department_id") or row.get("department_name"))
            if record.fields.get("sub_item"):
                self._plan_power_sub_item(sheet.sheet_name, record, pending.get(key), matched.get(key), subs)
                continue
            delegations = self._delegations(sheet, record)
            if delegations is None:
                continue
            match = _match(row, by_code, by_name)
            same_file = pending.get((row.get("code") or name_key(name), row.get("department_id")
                                     or row.get("department_name")))
            if same_file is not None:  # the same power again (another batch sheet): one power
                if not delegations:
                    self._reject(sheet.sheet_name, record, "与本文件前面的一行是同一事项，且没有写明新的承接镇街", name)
                    continue
                same_file["delegations"].extend(delegations)
                self._count(sheet.sheet_name, record, name, {"承接主体": ("", _townships(delegations))}, False)
                continue
            if match is not None and append:
                self._duplicate_in_append(sheet.sheet_name, record, name)
                continue
            if match is None:
                row["delegations"] = delegations
                row["sub_items"] = []
                self.changes.inserts.append(row)
                pending[key] = row
                self._count(sheet.sheet_name, record, name, None, True)
                continue
            matched[key] = match
            changed = self._compare(match, row, _POWER_COLUMNS)
            self._update(match["id"], changed)
            known = {(d[1], d[2]) for d in match["delegations"]}
            added = [d for d in delegations if "region_name" in d or "batch_name" in d
                     or (d.get("region_id"), d.get("batch_id")) not in known]
            for delegation in added:
                self.changes.new_delegations.append({**delegation, "power_id": match["id"]})
                known.add((delegation.get("region_id"), delegation.get("batch_id")))
            if added:
                changed = {**changed, "承接主体": ("", _townships(added))}
            self._count(sheet.sheet_name, record, name, changed, False)

    def _plan_power_sub_item(self, sheet: str, record: ParsedRecord, new_main: dict[str, Any] | None,
                             stored_main: dict[str, Any] | None,
                             subs: dict[tuple[int, str], dict[str, Any]]) -> None:
        """A sub-item row of a power list (the main item's name and department repeated, 子项名称
        filled): under the main item read above it in this file, new or stored."""
        values = _values({**record.fields, "extra_json": _extra_json(record.fields)}, _POWER_COLUMNS)
        values["name"] = str(record.fields["sub_item"])
        main = new_main or stored_main
        if main is None:
            self._reject(sheet, record, "子项所属的事项不在本文件中它的前面", values["name"])
            return
        for key in SUB_ITEM_REPEATS[POWER]:
            if values.get(key) == main.get(key):
                values.pop(key, None)  # what the sub-item row repeats of its item
        values["source_json"] = _source(sheet, record)
        if new_main is None:
            self._plan_sub_item(sheet, record, values, main, subs, _POWER_COLUMNS)
            return
        new_main["sub_items"].append(values)
        self._count(sheet, record, f"{main['name']} / {values['name']}", None, True, sub_item=True)

    # ------------------------------------------------------------------ 权责清单
    def _plan_responsibilities(self, sheets: list[ShapedSheet], existing: list[dict[str, Any]]) -> None:
        """Each item a power, its sub-items powers under it.  An item is the same power as a stored
        one with the same code, else the same name, department, type and level; two items alike
        in every way (the same power listed twice) each keep their own stored power, so importing
        the same workbook again changes nothing."""
        mains = [row for row in existing if row.get("parent_id") is None]
        by_code: dict[str, list[dict[str, Any]]] = {}
        by_key: dict[tuple, list[dict[str, Any]]] = {}
        for row in mains:
            if row["code"]:
                by_code.setdefault(row["code"], []).append(row)
            by_key.setdefault(_power_key(row, row["department_id"]), []).append(row)
        subs = {(row["parent_id"], name_key(row["name"])): row for row in existing if row.get("parent_id")}
        append = self.options.mode == "append"
        for sheet, record, row in self._main_rows(sheets, _RESPONSIBILITY_COLUMNS, "行使主体"):
            name = row["name"]
            match = None
            if row.get("code") and by_code.get(row["code"]):
                match = by_code[row["code"]].pop(0)
            elif "department_id" in row and by_key.get(_power_key(row, row["department_id"])):
                match = by_key[_power_key(row, row["department_id"])].pop(0)
            if match is not None and append:
                self._duplicate_in_append(sheet.sheet_name, record, name)
                continue
            if match is None:
                row["sub_items"] = [self._power_sub_row(sheet.sheet_name, sub) for sub in record.sub_items]
                self.changes.inserts.append(row)
                self._count(sheet.sheet_name, record, name, None, True)
                for sub in record.sub_items:
                    self._count(sheet.sheet_name, sub, f"{name} / {sub.fields['name']}", None, True, sub_item=True)
                continue
            changed = self._compare(match, row, _RESPONSIBILITY_COLUMNS)
            self._update(match["id"], changed)
            self._count(sheet.sheet_name, record, name, changed, False)
            for sub in record.sub_items:
                self._plan_sub_item(sheet.sheet_name, sub, self._power_sub_row(sheet.sheet_name, sub), match,
                                    subs, _RESPONSIBILITY_COLUMNS)

    def _power_sub_row(self, sheet: str, sub: ParsedRecord) -> dict[str, Any]:
        """A sub-item's own values (those its row repeats from the item are left to the item)."""
        values = _values({**sub.fields, "extra_json": _extra_json(sub.fields)}, _RESPONSIBILITY_COLUMNS)
        values["source_json"] = _source(sheet, sub)
        return values

    def _delegations(self, sheet: ShapedSheet, record: ParsedRecord) -> list[dict[str, Any]] | None:
        """One delegation per receiving township of the row (None: the row was rejected)."""
        fields = record.fields
        common = _values(fields, _DELEGATION_COLUMNS)
        if "document_number" in common:
            # As typed, trimmed as a form trims it: the same number is stored alike both ways.
            common["document_number_raw"] = text(record.original.get("document_number")) or common["document_number"]
        batch = fields.get("batch") or sheet.batch
        if batch and not self._reference("batch", batch, sheet.sheet_name, record, common, "batch"):
            return None
        delegations = []
        seen: set[object] = set()
        for township in fields.get("receiving") or []:
            item = dict(common)
            if not self._reference("region", township, sheet.sheet_name, record, item, "region"):
                return None
            marker = item.get("region_id") or item.get("region_name")
            if marker in seen:
                continue
            seen.add(marker)
            delegations.append(item)
        return delegations

    # ------------------------------------------------------------------ departments
    def _plan_department(self, sheets: list[ShapedSheet], existing: list[dict[str, Any]]) -> None:
        by_id = {row["id"]: row for row in existing}
        append = self.options.mode == "append"
        for sheet in sheets:
            for record in sheet.records:
                fields = record.fields
                name = str(fields.get("name") or "")
                if not name:
                    self._reject(sheet.sheet_name, record, "缺少必填项：部门名称")
                    continue
                row = _values(fields, _DEPARTMENT_COLUMNS)
                aliases = sorted({str(a) for a in fields.get("aliases") or [] if str(a) != name})
                if fields.get("region") and not self._reference("region", fields["region"], sheet.sheet_name,
                                                                record, row, "region"):
                    continue
                found = self.lib.records.find_department(name)
                if found is None:
                    for alias in aliases:
                        found = self.lib.records.find_department(alias)
                        if found is not None:
                            break
                if found is None:
                    self.changes.inserts.append({**row, "name": name, "aliases": aliases})
                    self._count(sheet.sheet_name, record, name, None, True)
                    continue
                if append:
                    self._duplicate_in_append(sheet.sheet_name, record, name)
                    continue
                old = by_id[found]
                changed = self._compare(old, row, (*_DEPARTMENT_COLUMNS, "region_id"))
                merged_aliases = sorted(set(old["aliases"]) | set(aliases) - {old["name"]})
                if merged_aliases != old["aliases"]:
                    changed["aliases"] = (old["aliases"], merged_aliases)
                self._update(found, changed)
                self._count(sheet.sheet_name, record, name, changed, False)


_TOTALS = {"new": "inserted", "changed": "updated", "unchanged": "unchanged"}


def _townships(delegations: list[dict[str, Any]]) -> str:
    return "、".join(str(d.get("region_id") or d.get("region_name")) for d in delegations)


def _power_key(row: dict[str, Any], department_id: object) -> tuple:
    return (name_key(str(row["name"])), department_id, row.get("power_type") or None, row.get("level") or None)


def _extra_json(fields: dict[str, object]) -> str | None:
    """Columns the program does not know, kept under their own header, stored as the library does."""
    extra = fields.get("extra")
    return extra_to_json(extra) if isinstance(extra, dict) else None


def _match(row: dict[str, Any], by_code: dict[str, dict[str, Any]],
           by_name: dict[tuple[str, int], dict[str, Any]]) -> dict[str, Any] | None:
    """The existing record a new row is: same code, else same name in the same department."""
    match = by_code.get(row["code"]) if row.get("code") else None
    if match is None and "department_id" in row:
        match = by_name.get((name_key(row["name"]), row["department_id"]))
    return match


def _values(fields: dict[str, object], columns: tuple[str, ...]) -> dict[str, Any]:
    """The record's values for ``columns``, dates as ISO text, empty ones left out."""
    values: dict[str, Any] = {}
    for key in columns:
        value = fields.get(key)
        if value in (None, "", []):
            continue
        values[key] = value.isoformat() if isinstance(value, date) else value
    return values


def _stated_part(record: ParsedRecord, sheet: ShapedSheet) -> str | None:
    """The part a row's 部分 cell or the heading above its table names, if any."""
    part = record.fields.get("part") or sheet.part
    return str(part) if part in PARTS else None


def _source(sheet: str, record: ParsedRecord) -> str:
    """Where the record came from; the file itself is kept beside the backups for audit
    (``library.imports.imported_file_copy``), so the original cell texts are always at hand."""
    return f'{{"sheet": {json.dumps(sheet, ensure_ascii=False)}, "row": {record.row_number}}}'
