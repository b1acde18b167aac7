"""How a failure reaches the clerk: one line per problem on stderr, and an exit code.

Exit codes: 0 success, 1 the work failed (database, file, not found), 2 the command was wrong
(usage or validation: fixing the command line fixes it), 130 interrupted with Ctrl+C.
"""

from __future__ import annotations

from lawgov_desktop.core.dialect import explain_database_error
from lawgov_desktop.core.errors import LawGovError, ValidationError

from .labels import title

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(LawGovError):
    """The command line itself is wrong: an unknown option value, a missing confirmation."""


def error_report(exc: BaseException, kind: str | None = None) -> tuple[list[str], int]:
    """The stderr lines and exit code for ``exc``; ``kind`` names the fields of a validation error."""
    if isinstance(exc, ValidationError):
        return [f"{title(kind, key)}：{message}" for key, message in exc.errors.items()], EXIT_USAGE
    if isinstance(exc, UsageError):
        return [f"用法错误：{exc}"], EXIT_USAGE
    if isinstance(exc, LawGovError):
        return [f"错误：{exc}"], EXIT_FAILED
    if isinstance(exc, KeyboardInterrupt):
        return ["已中断。"], EXIT_INTERRUPTED
    if isinstance(exc, OSError):
        where = f"“{exc.filename}”" if exc.filename else ""
        return [f"错误：无法访问文件{where}：{exc.strerror or exc}"], EXIT_FAILED
    explained = explain_database_error(exc)
    if explained is not None:
        return [f"错误：{explained}"], EXIT_FAILED
    return [f"内部错误：{type(exc).__name__}: {exc}（设置环境变量 LAWGOV_DEBUG=1 可查看详细信息）"], EXIT_FAILED


def one_line(text: str) -> str:
    """Messages are one line each, whatever a library or OS message carried."""
    return " ".join(str(text).split())
