"""The desktop window: a thin PySide6 client of ``lawgov_desktop.core.library`` (the only Qt package)."""

from .qtcompat import protect_singletons

protect_singletons()
