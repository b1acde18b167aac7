"""A workbook as one side of a comparison: "what would this county's file change?" before importing it.

The workbook is read and understood exactly as an import reads it (``plan.read_sheets``), then
turned into the comparable form of ``core/compare.py``.  Department and township names are put in
the database's spelling where the library knows them (市发改局 → 汕尾市发展和改革局, 红海湾经济开发
试验区田墘街道 → 田墘街道), so a short name or a prefix is not reported as a move.  Only the columns
the sheet has are compared, so a file without a 备注 column changes no remark.  Nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgov_desktop.core.compare import (
    LICENCE_COMPARED,
    NOT_VALUES,
    POWER_COMPARED,
    Delegated,
    LicenceRecord,
    ListSnapshot,
    PowerRecord,
    comparable_text,
)
from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.fields import LICENCE, PARTS, POWER
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.records import name_key
from lawgov_desktop.importers.plan import ImportOptions, read_sheets
from lawgov_desktop.importers.shaping import ParsedRecord, ShapedSheet


def workbook_snapshot(lib: Library, path: str | Path, options: ImportOptions | None = None) -> ListSnapshot:
    """The licence or power list in ``path`` as a comparison side labelled with the file name."""
    file_path = Path(path)
    sheets = read_sheets(file_path, options or ImportOptions(), lib)
    kind = sheets[0].kind
    names = _Names(lib)
    present = {key for sheet in sheets for key in sheet.columns.values()} | {"name", "department"}
    if kind == LICENCE:
        has_part = "part" in present or any(sheet.part for sheet in sheets)
        fields = {key for key in LICENCE_COMPARED if key in present}
        fields |= {"sub_items"} if "sub_item" in present else set()
        fields |= {"part"} if has_part else set()
        records = [_licence(record, sheet, names, has_part) for sheet in sheets for record in sheet.records
                   if record.fields.get("name") and record.fields.get("department")]
        return ListSnapshot(file_path.name, licences=records, licence_fields=frozenset(fields))
    if kind == POWER:
        return ListSnapshot(file_path.name, powers=_powers(sheets, names),
                            power_fields=frozenset(key for key in POWER_COMPARED if key in present),
                            has_delegations="receiving" in present)
    raise ImportFileError("这是部门清单，只能比较行政许可事项清单或赋权事项清单", file=file_path.name)


class _Names:
    """Department and township names in the database's spelling, looked up once each."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.cache: dict[tuple[str, str], str] = {}

    def department(self, name: str) -> str:
        return self._canonical("department", name, self.lib.records.find_department)

    def region(self, name: str) -> str:
        return self._canonical("region", name, self.lib.records.find_region)

    def _canonical(self, kind: str, name: str, finder: Any) -> str:
        key = (kind, name)
        if key not in self.cache:
            found = finder(name)
            self.cache[key] = self.lib.records.get(kind, found)["name"] if found is not None else name
        return self.cache[key]


def _values(record: ParsedRecord, keys: tuple[str, ...]) -> dict[str, str | None]:
    return {key: comparable_text(record.fields.get(key)) for key in keys if key not in NOT_VALUES}


def _licence(record: ParsedRecord, sheet: ShapedSheet, names: _Names, has_part: bool) -> LicenceRecord:
    values = _values(record, LICENCE_COMPARED)
    if has_part:
        part = record.fields.get("part") or sheet.part
        values["part"] = str(part) if part in PARTS else "other"
    subs = tuple(str(sub.fields.get("sub_item")) for sub in record.sub_items if sub.fields.get("sub_item"))
    return LicenceRecord(str(record.fields["name"]), names.department(str(record.fields["department"])), values,
                         subs)


def _powers(sheets: list[ShapedSheet], names: _Names) -> list[PowerRecord]:
    """One record per power: a power listed again (on another batch's sheet) adds delegations."""
    powers: dict[tuple[str, str], PowerRecord] = {}
    for sheet in sheets:
        for record in sheet.records:
            fields = record.fields
            if not fields.get("name") or not fields.get("department"):
                continue
            name, department = str(fields["name"]), names.department(str(fields["department"]))
            values = _values(record, POWER_COMPARED)
            power = powers.setdefault((values.get("code") or name_key(name), department),
                                      PowerRecord(name, department, values))
            batch = fields.get("batch") or sheet.batch
            power.delegations.extend(
                Delegated(names.region(str(region)), str(batch) if batch else None,
                          comparable_text(fields.get("scope")), comparable_text(fields.get("change_kind")))
                for region in fields.get("receiving") or [])
    return list(powers.values())

