"""``lawgov``: build the parser, open the database, dispatch, and report errors in one line.

The database is chosen before the command, as in calibredb: ``lawgov --db PATH list items``, or
the ``LAWGOV_DB`` environment variable, else the per-user default.  Only ``init`` creates a
database; every other command refuses a missing file, so a mistyped path never silently
becomes a new, empty database.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from lawgov_desktop import __version__
from lawgov_desktop.core.db import resolve_location
from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.library import Library

from . import (
    cmd_add,
    cmd_backup,
    cmd_backups,
    cmd_check,
    cmd_check_db,
    cmd_copy_db,
    cmd_delete,
    cmd_diff,
    cmd_edit,
    cmd_export,
    cmd_import,
    cmd_imports,
    cmd_init,
    cmd_laws,
    cmd_list,
    cmd_log,
    cmd_merge_departments,
    cmd_reference,
    cmd_restore,
    cmd_server,
    cmd_show,
    cmd_stats,
    cmd_undo,
    cmd_undo_import,
    cmd_version,
)
from .errors import EXIT_FAILED, UsageError, error_report, one_line

# The commands in the order ``lawgov --help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    cmd_init, cmd_list, cmd_show, cmd_add, cmd_edit, cmd_delete, cmd_merge_departments, cmd_undo,
    cmd_log, cmd_stats, cmd_import, cmd_imports, cmd_undo_import, cmd_export,
    cmd_backup, cmd_backups, cmd_restore, cmd_check_db, cmd_copy_db, cmd_version, cmd_diff, cmd_reference, cmd_check, cmd_laws,
    cmd_server,
)


class CommandLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are raised, so ``main`` prints them as one line."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}（运行“{self.prog} --help”查看用法）")


def build_parser() -> argparse.ArgumentParser:
    """The whole ``lawgov`` command line: global options, then one sub-command per module."""
    parser = CommandLineParser(
        prog="lawgov",
        description="LawGov 命令行：管理行政许可事项清单、镇街赋权事项、部门和行政区划。",
        epilog="数据库：--db PATH，或环境变量 LAWGOV_DB；修改记录中的用户名取自 LAWGOV_USER 或系统用户。",
    )
    parser.add_argument("--db", metavar="PATH", help="数据库文件（或 sqlite:/// 地址）")
    parser.add_argument("--version", action="version", version=f"lawgov {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, title="命令")
    for module in COMMANDS:
        module.add_parser(commands)
    return parser


def database_path(args: argparse.Namespace) -> Path:
    """The database file the arguments name; only a command that creates one may name a missing file."""
    path = resolve_location(args.db)
    if not getattr(args, "creates_database", False) and isinstance(path, Path) and not path.exists():
        raise DatabaseError(f"数据库文件“{path}”不存在；请先运行“lawgov --db {path} init”创建，"
                            "或用 --db 指定已有的数据库。")
    return path


def open_library(args: argparse.Namespace) -> Library:
    """The library on the database the arguments name; its warnings (a network share) go to stderr."""
    library = Library(database_path(args), create=getattr(args, "creates_database", False))
    for warning in library.warnings:
        sys.stderr.write(one_line(f"提示：{warning}") + "\n")
    return library


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 success, 1 failure, 2 usage or validation)."""
    _use_utf8_streams()
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        if hasattr(args, "run_on_server"):  # server: roles of a database that may not exist yet
            return int(args.run_on_server(args, sys.stdout))
        if hasattr(args, "run_without_database"):  # copy-db names its own databases
            return int(args.run_without_database(args, sys.stdout))
        if hasattr(args, "run_on_file"):  # backup, restore, check: work on the file, even a damaged one
            return int(args.run_on_file(database_path(args), args, sys.stdout))
        with open_library(args) as library:
            return int(args.run(library, args, sys.stdout))
    except SystemExit as exit_request:  # --help and --version end here
        return exit_request.code if isinstance(exit_request.code, int) else 0
    except BrokenPipeError:
        _silence_stdout()  # the reader (`| head`) left: nothing is wrong with the data
        return EXIT_FAILED
    except BaseException as exc:
        if os.environ.get("LAWGOV_DEBUG"):
            raise
        lines, code = error_report(exc, getattr(args, "kind", None))
        for line in lines:
            sys.stderr.write(one_line(line) + "\n")
        return code


def _use_utf8_streams() -> None:
    """Chinese must survive a pipe or a Windows console whose code page is not UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
