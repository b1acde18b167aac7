"""Time stamps and the acting user, in one place so the change log is consistent."""

from __future__ import annotations

import getpass
import os
from datetime import datetime


def now_text() -> str:
    """Local time as ISO-8601 text to the second: what the clerk reads in the history."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def current_user() -> str:
    """The operating-system user recorded in the change log (``LAWGOV_USER`` overrides)."""
    override = os.environ.get("LAWGOV_USER")
    if override:
        return override
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (containers): still record something honest
        return "unknown"
