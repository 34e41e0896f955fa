"""The project's own icons: every sidebar area and main action shows one, built from resources/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QListWidget

from clinic_app.app import run_gui
from clinic_app.security.context import Actor
from clinic_app.services.container import open_database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.ui.areas import all_areas
from clinic_app.ui.icons import ACTION, AREA, DESKTOP_ID, app_icon, icon
from clinic_app.ui.login import LoginDialog
from tests.conftest import TODAY
from tests.ui.conftest import MakeWindow, Prompts
from tests.ui.helpers import find


def _image(qicon_size: int, group: str, name: str) -> QImage:
    return icon(group, name).pixmap(qicon_size, qicon_size).toImage()


def test_every_area_and_main_action_shows_the_projects_icon(
    make_window: MakeWindow, admin: Actor
) -> None:
    window = make_window(admin)
    sidebar = find(window, "Navigation", QListWidget)
    titles = {a.display_title(): a for a in all_areas()}
    assert sidebar.count() >= 2
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        shown = item.icon().pixmap(32, 32).toImage()
        assert not shown.isNull(), item.text()
        assert shown == _image(32, AREA, titles[item.text()].icon), item.text()
    for action in (window.new_person_action, window.find_action, window.lock_action):
        assert not action.icon().isNull(), action.text()
    assert window.lock_action.icon().pixmap(24, 24).toImage() == _image(24, ACTION, "lock")


def test_icons_come_in_every_size_and_the_app_icon_is_drawn() -> None:
    for area in all_areas():
        sizes = {s.width() for s in icon(AREA, area.icon).availableSizes()}
        assert {16, 24, 32, 48, 64} <= sizes, area.key
    image = app_icon().pixmap(48, 48).toImage()
    assert image.width() == 48
    # Not blank: the centre of the tile is drawn.
    assert image.pixelColor(24, 24).alpha() == 255


def test_the_app_shows_its_icon_from_the_log_in_window_on(
    qtbot: object, tmp_path: Path, prompts: Prompts
) -> None:
    db_url = f"sqlite:///{tmp_path / 'demo.db'}"
    db = open_database(db_url)
    generate_demo_data(db, persons=1, today=TODAY)
    db.dispose()
    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        seen["icon"] = (
            dialog.windowIcon().pixmap(32, 32).toImage() == app_icon().pixmap(32, 32).toImage()
        )
        seen["desktop"] = QGuiApplication.desktopFileName()
        dialog.reject()

    def poll() -> None:
        if isinstance(QApplication.activeModalWidget(), LoginDialog):
            look_and_quit()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    assert run_gui(db_url, demo=True, settings_path=str(tmp_path / "s.ini")) == 0
    assert seen == {"icon": True, "desktop": DESKTOP_ID}
