"""The library: the one object the window and the command line open to read and change the lists.

A small façade: it opens the file (checking, creating or migrating it first) and hands out the
services, all on one :class:`~.store.Store` that owns the connection, transactions, the change log
and the search rows:

* ``records``    — get, find by name, create, update, bulk update, delete, merge departments
* ``lists``      — pages of a list (``query``), saved filters, rebuilding search rows
* ``history``    — the change log, undo of a change or an operation
* ``imports``    — applying and undoing imports, mapping templates
* ``versions``   — saved versions of the lists and their comparison
* ``backups``    — backups, restore, the integrity check, backup settings
* ``references`` — upper lists and the check of a list against one
* ``stats``      — the report's figures
* ``laws``       — the laws the lists cite, and the items a law change touches

What the last write changed, for the views to refresh: ``library.last_changes`` (an
:class:`~.changes.OpChanges`, see ``Store``).
"""

from __future__ import annotations

from pathlib import Path

from . import db
from .changes import OpChanges
from .clock import current_user
from .history import History
from .imports import Imports
from .laws import Laws
from .lists import Lists
from .location import ServerAddress
from .records import Records
from .reference_check import References
from .safety import Backups, opening_warnings
from .schema import schema_revision
from .stats import Stats
from .store import Store
from .versions import Versions


class Library:
    """An open LawGov database.  One per thread: the window keeps one for reading on the GUI
    thread and one on its background writer."""

    def __init__(self, location: str | Path | ServerAddress | None = None, *, read_only: bool = False,
                 user: str | None = None, create: bool = True, verify: bool = True) -> None:
        self.location = db.resolve_location(location)
        # The SQLite file, or None on a server (``location`` says which server).
        self.path: Path | None = self.location if isinstance(self.location, Path) else None
        self.read_only = read_only
        self.created = False
        if self.path is None:
            self.warnings: list[str] = []
            if not read_only:
                self.created = db.prepare(self.location, create=create)
        else:
            self.warnings = opening_warnings(self.path, read_only=read_only, verify=verify)
            if read_only:
                schema_revision(self.path)
            else:
                self.created = db.prepare(self.path, create=create)
        self.store = Store(self.location, user="", read_only=read_only)
        # On a server the change log names the database user the server knows the clerk as.
        self.user = user or (self.store.server_user() if self.path is None else current_user())
        self.store.user = self.user
        self.backups = Backups(self.store)
        self.records = Records(self.store, self.backups)
        self.lists = Lists(self.store)
        self.versions = Versions(self.store)
        self.history = History(self.store, self.records, self.versions)
        self.imports = Imports(self.store, self.records, self.history)
        self.references = References(self.store, self.versions)
        self.stats = Stats(self.store)
        self.laws = Laws(self.store)

    @property
    def last_changes(self) -> OpChanges:
        """What the last write through this library changed (lists and record ids)."""
        return self.store.last_changes

    def close(self) -> None:
        """Close the connection (checkpointing the WAL file)."""
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
