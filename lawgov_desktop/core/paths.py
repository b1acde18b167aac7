"""Where things live: the per-user data folder, the default database, shipped data folders.

Shipped folders (``database/``, ``resources/``) sit at the top of the source tree and inside the
package when installed or bundled; both places are tried so the same code runs from a checkout,
a wheel and a PyInstaller folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "LawGovDesktop"
DB_ENV = "LAWGOV_DB"


def data_dir() -> Path:
    """The per-user folder for the database and backups (never inside the installed program)."""
    override = os.environ.get("LAWGOV_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    """The database used when neither ``--db`` nor ``LAWGOV_DB`` names one."""
    return data_dir() / "lawgov.sqlite3"


def shipped_dir(name: str) -> Path:
    """A folder shipped with the program (``database`` or ``resources``)."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / name, package_dir.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} is missing next to {package_dir}")
