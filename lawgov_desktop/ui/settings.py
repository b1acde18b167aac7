"""The window's preferences, declared once and stored with QSettings.

Every key the window remembers is named here, so the Preferences dialog, the main window and the
tests agree on spelling and defaults.  An INI file is used on every platform: clerks' IT can read
and copy it, and tests point it at a temporary folder with ``QSettings.setPath``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from lawgov_desktop.core.location import Location
from lawgov_desktop.core.queries import ListFilter

ORGANISATION = "LawGov"
APPLICATION = "LawGovDesktop"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
MAX_RECENT = 8


def settings() -> QSettings:
    """The user's settings file (INI format, per user)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def language() -> str:
    """The interface language: ``zh_CN`` (default) or ``en``."""
    value = str(settings().value("ui/language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(value: str) -> None:
    """Remember the interface language for the next start."""
    settings().setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)


def catalogue_font() -> str:
    """The TrueType font file printed catalogues embed; "" lets the exporter pick a system font."""
    return str(settings().value("print/font", "") or "")


def set_catalogue_font(path: str) -> None:
    """Remember the catalogue font ("" for automatic)."""
    settings().setValue("print/font", path.strip())


def recent_databases() -> list[str]:
    """Recently opened database files (those that still exist) and servers' addresses (never
    with a password), newest first."""
    return [path for path in _path_list("files/recent") if "://" in path or Path(path).exists()]


def add_recent_database(location: Location) -> None:
    """Put a database file or server at the top of the recent list."""
    text = database_key(location)
    paths = [text, *(p for p in recent_databases() if p != text)][:MAX_RECENT]
    settings().setValue("files/recent", paths)


def import_folder() -> str:
    """The folder the last imported workbook came from (counties' files tend to arrive together)."""
    return str(settings().value("files/import_folder", "") or "")


def set_import_folder(folder: Path) -> None:
    """Remember where the clerk picked a workbook to import."""
    settings().setValue("files/import_folder", str(folder))


def load_state(key: str) -> QByteArray | None:
    """A saved widget state (geometry, header, splitter) or None when there is none yet."""
    value = settings().value(f"state/{key}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_state(key: str, value: QByteArray) -> None:
    """Remember a widget state for the next start."""
    settings().setValue(f"state/{key}", value)


def header_columns(kind: str) -> list[str]:
    """The column keys the saved header layout of a list knew ([] when saved before they were kept)."""
    return _path_list(f"state/header_columns/{kind}")


def set_header_columns(kind: str, keys: list[str]) -> None:
    """Remember which columns a list had when its header layout was saved."""
    settings().setValue(f"state/header_columns/{kind}", keys)


def database_key(location: Location) -> str:
    """How settings name a database: its file's full path, or a server's address without password."""
    return str(location.resolve()) if isinstance(location, Path) else location.url


def list_filter(kind: str, database: Location) -> ListFilter | None:
    """What the clerk last narrowed a list of this database to (departments and regions are the
    database's own, so each database keeps its own); None when nothing was remembered."""
    remembered = _remembered_filters(kind).get(database_key(database))
    try:
        return ListFilter.from_json(remembered) if isinstance(remembered, str) else None
    except (ValueError, TypeError):  # a settings file edited by hand
        return None


def set_list_filter(kind: str, database: Location, flt: ListFilter) -> None:
    """Remember a list's filter for the next start, on the working list (a saved version shown
    read-only is not where a clerk starts)."""
    remembered = _remembered_filters(kind)
    remembered[database_key(database)] = dataclasses.replace(flt, version_id=None).to_json()
    settings().setValue(f"filters/{kind}", json.dumps(remembered, ensure_ascii=False))


def _remembered_filters(kind: str) -> dict[str, str]:
    """A list's remembered filters by database file ({} when none or unreadable)."""
    try:
        remembered = json.loads(str(settings().value(f"filters/{kind}", "") or "{}"))
    except ValueError:
        return {}
    return remembered if isinstance(remembered, dict) else {}


def _path_list(key: str) -> list[str]:
    """A list of file paths (INI files hand a one-element list back as a plain string)."""
    value = settings().value(key, [])
    return [value] if isinstance(value, str) else list(value or [])


def welcome_declined(database: Location) -> bool:
    """True once the clerk chose to start this (empty) database from scratch."""
    return database_key(database) in _path_list("welcome/declined")


def decline_welcome(database: Location) -> None:
    """Never greet this database again: the clerk starts it empty."""
    settings().setValue("welcome/declined", [*_path_list("welcome/declined"), database_key(database)])
