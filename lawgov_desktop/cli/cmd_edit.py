"""``lawgov edit KIND ID --field value … | --json DOC``: change one record; prints what changed."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.library import Library

from .labels import display, title
from .options import SubParsers
from .records import add_record_parsers, record_data


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``edit`` with one sub-command per record kind, each taking the record's id and its fields."""
    parser = commands.add_parser("edit", help="修改一条记录", description="修改一条记录；只改给出的字段，空值清空该字段。")
    add_record_parsers(parser, with_id=True, configure=lambda kind_parser: kind_parser.set_defaults(run=run))
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """One line per changed field, old → new; saying so when nothing changed."""
    changed = library.update(args.kind, args.id, record_data(args))
    if not changed:
        out.write("没有需要修改的内容。\n")
    for key, (old, new) in changed.items():
        out.write(f"{title(args.kind, key)}：{display(key, old) or '（空）'} → {display(key, new) or '（空）'}\n")
    return 0
