"""The project's own icons (drawn in ``resources/icons/``), loaded as QIcons.

``scripts/build_resources.py`` draws every SVG at several pixel sizes; a QIcon built from all
of them picks the sharpest for each place (sidebar, menu, high-DPI screen) with no SVG
plug-in at run time.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from clinic_app.config import resource

# The desktop entry and AppStream id (resources/linux/), so desktops match windows to them.
DESKTOP_ID = "dk.clinicapp.ClinicApp"
AREA = "areas"
ACTION = "actions"


@functools.cache
def icon(group: str, name: str) -> QIcon:
    """The icon ``name`` of ``group`` ("areas", "actions" or "app"); FileNotFoundError if absent."""
    folder = resource("icons", group)
    stem = "clinic-app" if group == "app" else name
    files = sorted(folder.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if not files:
        raise FileNotFoundError(f"no icon {group}/{name} in {folder}")
    result = QIcon()
    for path in files:
        result.addFile(str(path))
    return result


def app_icon() -> QIcon:
    """The application icon (window title bars, task bar, the log-in window)."""
    return icon("app", "clinic-app")
