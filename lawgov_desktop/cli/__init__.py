"""The ``lawgov`` command line: a thin client of ``core.library.Library``, like calibre's calibredb.

The database is chosen before the command (``lawgov --db PATH list items`` or ``LAWGOV_DB``).
Each command is a module ``cmd_<name>.py`` with ``add_parser(subparsers)`` (its options) and a
pure ``run(library, args, out) -> int`` that calls the library only: no SQL, no Qt.  To add a
command, write such a module and list it in ``main.COMMANDS``; ``main`` opens the database,
dispatches and turns every error into one line on stderr.
"""
