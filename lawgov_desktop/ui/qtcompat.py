"""Work-arounds for defects of the installed PySide6, each detected at run time.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without owning a reference to it, so
every emit from Python takes one reference from ``True``; after enough emits (or at exit, when
the count runs out) the interpreter aborts with "bool_dealloc".  ``emit`` gives the reference
back when the probe shows the defect, and does nothing extra on a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    result = probe.fired.emit()
    del result
    return sys.getrefcount(True) < before


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
_STEALS = _emit_steals_a_reference()
if _STEALS:
    _incref(True)  # the probe's own emit


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, safe on every PySide6 version."""
    result = signal.emit(*args)
    if _STEALS and isinstance(result, bool):
        _incref(result)
