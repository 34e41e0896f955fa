"""Fixtures for widget tests: settings in a temp file, scripted message boxes, a main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from clinic_app.i18n import Translations
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonDetail, PersonInput
from clinic_app.ui import common
from clinic_app.ui.context import UiContext, wait_for_background_work
from clinic_app.ui.main_window import MainWindow, ShellOptions
from clinic_app.ui.settings import AppSettings
from clinic_app.vocabulary import BirthCertainty, Role
from tests.conftest import make_user


@dataclass
class Prompts:
    """Records every message box and answers confirmations from ``answers`` (default yes)."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.calls]


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    rec = Prompts()

    def inform(_parent: QWidget | None, title: str, text: str) -> None:
        rec.calls.append(("inform", title, text))

    def warn(_parent: QWidget | None, title: str, text: str) -> None:
        rec.calls.append(("warn", title, text))

    def confirm(_parent: QWidget | None, title: str, text: str) -> bool:
        rec.calls.append(("confirm", title, text))
        return rec.answers.pop(0) if rec.answers else True

    def ask_text(_parent: QWidget | None, title: str, label: str) -> str | None:
        rec.calls.append(("ask_text", title, label))
        return rec.texts.pop(0) if rec.texts else None

    monkeypatch.setattr(common.prompter, "ask_text", ask_text)
    monkeypatch.setattr(common.prompter, "inform", inform)
    monkeypatch.setattr(common.prompter, "warn", warn)
    monkeypatch.setattr(common.prompter, "confirm", confirm)
    return rec


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(str(tmp_path / "settings.ini"))


@pytest.fixture
def team_lead(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "tina", Role.TEAM_LEAD, site_ids["shelter"])


def register(
    services: Services,
    actor: Actor,
    name: str,
    *,
    birth_year: int = 1998,
    nationality: str = "RO",
    site_id: int | None = None,
    aliases: tuple[str, ...] = (),
) -> PersonDetail:
    names = (NameInput(name), *(NameInput(a, is_alias=True) for a in aliases))
    return services.persons.register(
        actor,
        PersonInput(
            names=names,
            birth_certainty=BirthCertainty.ESTIMATED_YEAR,
            birth_year=birth_year,
            nationality=nationality,
            site_id=site_id,
        ),
    )


MakeWindow = Callable[[Actor], MainWindow]


@pytest.fixture
def make_window(
    qtbot: object, services: Services, settings: AppSettings, prompts: Prompts
) -> Iterator[MakeWindow]:
    """Build the main window for an actor as the app does after log-in."""
    windows: list[MainWindow] = []

    def build(actor: Actor) -> MainWindow:
        ctx = UiContext(services, actor, settings, database_label="test.db")
        window = MainWindow(ctx, ShellOptions("test.db", "test-pc"))
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        windows.append(window)
        return window

    yield build
    wait_for_background_work()
    QApplication.processEvents()
    for w in windows:
        for pw in list(w.person_windows.values()):
            pw.closed.disconnect()
            pw.hide()
        w.close()
    wait_for_background_work()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """English as the app runs it: with the English plural forms ('1 visit', '2 visits')."""
    translations = Translations(qapp)
    translations.switch("en")
    yield
    translations.remove()


@pytest.fixture(autouse=True)
def _drain_background_work(services: Services) -> Iterator[None]:
    """No worker may still use the database when the test's services close."""
    yield
    wait_for_background_work()
