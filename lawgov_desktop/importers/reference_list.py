"""Reading an upper (provincial or national) licence list into the library as a reference list.

Upper lists are licence lists like the city's, so the same reader and header synonyms apply
(事项名称/主项名称, 子项, 主管部门/省级主管部门, 基本编码 …); the sheet is read as a licence list
whatever it looks like.  Each main item is stored with its sequence, department, code, legal basis
and implementing authority, and each sub-item as a row of its own under the main item's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.fields import LICENCE
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import ImportOptions, read_sheets

# What the upper-list check compares besides the name (core.reference_check).
_KEPT = ("sequence", "department", "code", "legal_basis", "implementing_authority")


def read_reference_items(path: str | Path, sheet: str | None = None) -> list[dict[str, Any]]:
    """The items of an upper list workbook as rows for ``library.references.save_reference``."""
    file_path = Path(path)
    items: list[dict[str, Any]] = []
    for shaped in read_sheets(file_path, ImportOptions(kind=LICENCE, sheet=sheet)):
        for record in shaped.records:
            fields = record.fields
            if not fields.get("name"):
                continue
            main = {"name": str(fields["name"]), **{key: _text(fields.get(key)) for key in _KEPT}}
            items.append(main)
            items.extend({**main, "sub_item": str(sub.fields["sub_item"]),
                          "code": _text(sub.fields.get("code")) or main["code"]}
                         for sub in record.sub_items if sub.fields.get("sub_item"))
    if not any(item.get("sub_item") is None for item in items):
        raise ImportFileError("没有读到任何事项名称", file=file_path.name)
    return items


def import_reference(lib: Library, path: str | Path, name: str, *, level: str | None = None,
                     sheet: str | None = None, region_id: int | None = None, replace: bool = False) -> int:
    """Read ``path`` and store it as the upper list ``name`` (``region_id``: a lower region's list);
    returns its id."""
    return lib.references.save_reference(name, read_reference_items(path, sheet), level, region_id=region_id,
                                         replace=replace)


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
