"""A work-around for a reference-counting defect of PySide6 6.12.0 on Python 3.11, detected at run time.

That release hands ``None`` back from every void Qt call (``setText``, ``processEvents`` …) and
``True`` back from ``Signal.emit`` without the reference the caller then drops, as if these
objects were immortal (they are from Python 3.12 on).  On 3.11 each call takes one reference
away; after a few thousand calls — minutes of normal use, or at exit — the count reaches zero and
the interpreter aborts ("none_dealloc" / "bool_dealloc").

The singletons are never freed anyway, so the fix is what Python 3.12 does: give them a reference
count no program can use up.  Applied only when a probe shows the defect; on a sound PySide6 or
Python 3.12+ nothing changes.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_RESERVE = 1 << 40


class _Probe(QObject):
    fired = Signal()


def _defective() -> bool:
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.fired.emit()
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def protect_singletons() -> bool:
    """Make ``None``, ``True`` and ``False`` immortal if this PySide6 needs it; returns whether it did."""
    if sys.version_info >= (3, 12) or not _defective():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    return True
