"""The security package stays pure: no Qt, no database, no other project layers."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("PySide6", "sqlalchemy", "clinic_app.models", "clinic_app.services",
             "clinic_app.storage", "clinic_app.ui")  # fmt: skip


def test_importing_security_pulls_in_no_qt_or_database() -> None:
    code = (
        "import sys\n"
        "import clinic_app.security.audit_chain, clinic_app.security.idle\n"
        "import clinic_app.security.lockout, clinic_app.security.passwords\n"
        "import clinic_app.security.permissions\n"
        f"bad = [m for m in sys.modules if m.startswith({FORBIDDEN!r})]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
