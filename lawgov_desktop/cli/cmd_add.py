"""``lawgov add KIND --field value … | --json DOC``: validate and insert one record; prints its id."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.library import Library

from .options import SubParsers
from .records import add_record_parsers, record_data


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``add`` with one sub-command per record kind (``lawgov add licence --help`` lists its fields)."""
    parser = commands.add_parser("add", help="新增一条记录", description="新增一条记录；字段用选项或 --json 给出。")
    add_record_parsers(parser, with_id=False, run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Print only the new id, so scripts can capture it."""
    out.write(f"{library.records.create(args.kind, record_data(args))}\n")
    return 0
