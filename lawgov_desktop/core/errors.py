"""User-facing errors: each carries one clear Chinese message the window shows and the CLI prints.

Anything raised to a client that is not a ``LawGovError`` is a bug; clients catch this base class,
show ``str(error)`` and leave the data as it was.
"""

from __future__ import annotations


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
