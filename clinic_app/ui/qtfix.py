"""Guard against a reference-count fault in PySide6 6.12.0 on CPython 3.11.

In that combination every call of a Qt method that returns ``void`` or ``bool`` (``setText``,
``processEvents``, a signal's ``emit`` ...) releases one reference to ``None`` / ``True`` /
``False`` that it never took. After enough calls (tens of thousands: a working day of normal
use, or seconds of a busy loop) CPython frees the singleton and the process aborts with
"Fatal Python error: none_dealloc". CPython 3.12+ makes these objects immortal, so the fault
is harmless there. Until the dependency moves on, the shell gives the three singletons a
reserve of references no session can use up.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_RESERVE = 1 << 40  # about 10^12 calls


def needs_guard() -> bool:
    return sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")


def guard_singletons() -> bool:
    """Add the reserve once (at import, before any worker thread runs); True if applied."""
    if not needs_guard() or getattr(sys, "_clinic_app_qt_guard", False):
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object (CPython < 3.12).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    sys._clinic_app_qt_guard = True  # type: ignore[attr-defined]
    return True


guard_singletons()
