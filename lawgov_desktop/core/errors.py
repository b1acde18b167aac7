"""User-facing errors: each carries one clear Chinese message the window shows and the CLI prints.

Anything raised to a client that is not a ``LawGovError`` is a bug; clients catch this base class,
show ``str(error)`` and leave the data as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class LawGovError(Exception):
    """An error whose message is meant for the clerk (Chinese, one line)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DatabaseError(LawGovError):
    """The database file cannot be used: not a LawGov file, newer schema, damaged, locked."""


class NotFoundError(LawGovError):
    """A record asked for by id or name does not exist."""


class ValidationError(LawGovError):
    """A record failed validation; ``errors`` maps each field key to its Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


@dataclass(frozen=True)
class FieldConflict:
    """One field of a refused save: the value stored now (another clerk's) beside the clerk's own,
    raw (as stored / as sent) and as a clerk reads them (names for references, labels for choices)."""

    key: str
    label: str
    theirs: Any
    mine: Any
    theirs_text: str
    mine_text: str

    @property
    def differs(self) -> bool:
        """Whether the two clerks wrote different things (equal ones need no decision)."""
        return self.theirs_text != self.mine_text


class ConflictError(LawGovError):
    """Another clerk saved or deleted a record after this clerk's editor loaded it; nothing was written.

    ``fields``: each field the clerk changed, theirs beside mine.  ``row_version``: the version stored
    now — saving the clerk's decision with it goes through unless a third change came meanwhile; None
    when the record is gone (``deleted``).  ``changed_by``/``changed_at``: who made the last change,
    and when, from the change log.
    """

    def __init__(self, message: str, *, kind: str, record_id: int, fields: list[FieldConflict],
                 row_version: int | None, changed_by: str, changed_at: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.record_id = record_id
        self.fields = list(fields)
        self.row_version = row_version
        self.changed_by = changed_by
        self.changed_at = changed_at

    @property
    def deleted(self) -> bool:
        """The record was deleted meanwhile: the clerk's values can only be kept (copied)."""
        return self.row_version is None


class ImportFileError(LawGovError):
    """A file cannot be read or understood; names the file, sheet and row where known."""

    def __init__(self, message: str, *, file: str | None = None, sheet: str | None = None,
                 row: int | None = None) -> None:
        self.file = file
        self.sheet = sheet
        self.row = row
        where = []
        if file:
            where.append(f"文件“{file}”")
        if sheet:
            where.append(f"工作表“{sheet}”")
        if row:
            where.append(f"第{row}行")
        prefix = "，".join(where)
        super().__init__(f"{prefix}：{message}" if prefix else message)
        self.reason = message


class Cancelled(LawGovError):
    """Long work stopped because the user pressed Cancel; nothing was written."""

    def __init__(self) -> None:
        super().__init__("操作已取消，数据未作更改。")
