"""PySide6 6.12.0 on CPython 3.11 drops a reference to None/True/False on every call of a Qt
method returning void or bool; ``clinic_app.ui.qtfix`` gives the singletons a reserve.

Each test runs a child interpreter, since the fault aborts the whole process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from clinic_app.ui import qtfix

# More calls than None has references in a freshly started app, so an unguarded run aborts.
CALLS = 400_000

CHILD = """
import sys
if sys.argv[1] == "guarded":
    import clinic_app.ui  # applies the guard, as the app does at start
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
start = sys.getrefcount(None)
for _ in range({calls}):
    label.setText("x")          # returns void: None
    label.isVisibleTo(label)    # returns bool
print("survived", start)
"""


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", CHILD.format(calls=CALLS), mode],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_many_qt_calls_do_not_use_up_the_references_to_none() -> None:
    result = _run("guarded")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


@pytest.mark.skipif(not qtfix.needs_guard(), reason="this Python/PySide6 pair has no fault")
def test_without_the_guard_the_same_calls_abort_the_interpreter() -> None:
    # Shows the test above can fail: the fault is real in this combination and the load is
    # big enough to reach it.
    result = _run("bare")
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr or "deallocating" in result.stderr
