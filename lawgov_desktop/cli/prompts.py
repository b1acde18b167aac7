"""The one question the command line asks: "are you sure?" before a delete or a restore."""

from __future__ import annotations

import sys

from .errors import UsageError


def confirmed(verb: str, thing: str = "") -> bool:
    """Whether the person at the terminal typed yes to ``verb`` (删除, 恢复…) the ``thing`` (版本…).

    Without a terminal nobody can answer, so the command is refused and told to say --yes instead
    of acting silently or hanging on a pipe.
    """
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"{verb}{thing}需要确认：请加 --yes")
    sys.stderr.write(f"确定{verb}？[y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes", "是")
