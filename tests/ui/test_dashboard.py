"""A case event added in the record shows up as a deadline on the dashboard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.ui.itemmodels.rows import KEY_ROLE
from clinic_app.ui.pages.dashboard import DashboardPage
from clinic_app.ui.person.timeline import EventDialog, TimelineTab
from clinic_app.vocabulary import Authority, EventKind, LegalStay, Outcome
from tests.conftest import TODAY
from tests.ui.conftest import MakeWindow, register
from tests.ui.helpers import find


def _choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_add_event_and_see_the_deadline_on_the_dashboard(
    qtbot: QtBot,
    services: Services,
    team_lead: Actor,
    site_ids: dict[str, int],
    make_window: MakeWindow,
) -> None:
    person = register(services, team_lead, "Ana Popescu", site_id=site_ids["shelter"])
    window = make_window(team_lead)
    dashboard = window.show_area("dashboard")
    assert isinstance(dashboard, DashboardPage)
    site_items = find(dashboard, "This site items", QTableView)
    message = find(dashboard, "This site message", QLabel)
    qtbot.waitUntil(lambda: message.text() == "Nothing due in the next 30 days.")
    assert site_items.model().rowCount() == 0

    window.open_person(person.id, "timeline")
    record = window.person_windows[person.id]
    timeline = record.tab_widget("timeline")
    assert isinstance(timeline, TimelineTab)
    qtbot.mouseClick(find(record, "Add event", QPushButton), Qt.MouseButton.LeftButton)
    form = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, EventDialog) and w.isVisible()
    )
    _choose(find(form, "Event kind", QComboBox), EventKind.IDENTIFICATION)
    date = find(form, "Event date", QLineEdit)
    date.clear()
    qtbot.keyClicks(date, (TODAY - dt.timedelta(days=5)).isoformat())
    _choose(find(form, "Authority", QComboBox), Authority.IMMIGRATION_SERVICE)
    _choose(find(form, "Outcome", QComboBox), Outcome.IDENTIFIED)
    _choose(find(form, "Legal stay", QComboBox), LegalStay.NONE)
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        qtbot.mouseClick(find(form, "Save event", QPushButton), Qt.MouseButton.LeftButton)

    deadlines = find(record, "Deadlines", QTableView)
    qtbot.waitUntil(lambda: deadlines.model().rowCount() > 0)
    texts = [deadlines.model().index(r, 1).data() for r in range(deadlines.model().rowCount())]
    assert "Reflection period ends" in texts

    qtbot.waitUntil(lambda: site_items.model().rowCount() > 0)
    model = site_items.model()
    rows = {model.index(r, 4).data(): r for r in range(model.rowCount())}
    assert "Reflection period ends" in rows
    row = rows["Reflection period ends"]
    assert model.index(row, 2).data() == person.case_ref
    assert model.index(row, 1).data() == "2026-12-21"
    in_30 = sum(1 for r in range(model.rowCount()) if model.index(r, 0).data().startswith("in "))
    soon = find(dashboard, "Due within 7 days count", QLabel).text()
    later = find(dashboard, "Due within 30 days count", QLabel).text()
    assert int(soon.rsplit(" ", 1)[1]) + int(later.rsplit(" ", 1)[1]) >= in_30 >= 1

    # The row opens the record at the tab where the deadline is dealt with.
    record.tabs.setCurrentIndex(0)
    assert model.index(row, 0).data(KEY_ROLE) == (person.id, "timeline")
    site_items.doubleClicked.emit(model.index(row, 0))
    assert record.tabs.currentIndex() == record.tab_keys().index("timeline")


def test_timeline_tab_shows_expected_dates_statuses_and_danish_explanations(
    qtbot: QtBot,
    services: Services,
    team_lead: Actor,
    site_ids: dict[str, int],
    make_window: MakeWindow,
) -> None:
    """A request entered through the form: the tab shows the new status, the expected (not
    granted) end, and renders the explanations in the user's language."""
    from clinic_app.services.cases import EventInput
    from clinic_app.vocabulary import ExtensionGround

    person = register(services, team_lead, "Ana Popescu", site_id=site_ids["shelter"])
    identified_on = TODAY - dt.timedelta(days=10)
    services.cases.record_event(
        team_lead,
        person.id,
        EventInput(
            EventKind.IDENTIFICATION,
            identified_on,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )
    window = make_window(team_lead)
    window.open_person(person.id, "timeline")
    record = window.person_windows[person.id]
    timeline = record.tab_widget("timeline")
    assert isinstance(timeline, TimelineTab)
    qtbot.mouseClick(find(record, "Add event", QPushButton), Qt.MouseButton.LeftButton)
    form = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, EventDialog) and w.isVisible()
    )
    _choose(find(form, "Event kind", QComboBox), EventKind.REFLECTION_EXTENSION_REQUESTED)
    ground = find(form, "Extension ground", QComboBox)
    assert ground.isVisibleTo(form)
    _choose(ground, ExtensionGround.RETURN_COOPERATION)
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        qtbot.mouseClick(find(form, "Save event", QPushButton), Qt.MouseButton.LeftButton)

    status = find(timeline, "Status", QLabel)
    qtbot.waitUntil(lambda: "extension requested" in status.text())
    deadlines = find(record, "Deadlines", QTableView)
    model = deadlines.model()
    rows = {model.index(r, 1).data(): r for r in range(model.rowCount())}
    assert "Reflection period ends (expected)" in rows
    explanation = model.index(rows["Reflection period ends (expected)"], 2).data()
    assert "EXPECTED" in explanation
    assert "EXPECTED" in find(timeline, "Reflection period", QLabel).text()
    assert "§722(2)" in find(timeline, "Notes beside the status", QLabel).text()

    timeline.ctx.settings.language = "da"
    try:
        timeline.refresh()
        qtbot.waitUntil(
            lambda: (
                "FORVENTET"
                in (model.index(rows["Reflection period ends (expected)"], 2).data() or "")
            )
        )
        assert "retsplejelovens § 722" in find(timeline, "Notes beside the status", QLabel).text()
    finally:
        timeline.ctx.settings.language = "en"

    dashboard = window.show_area("dashboard")
    assert isinstance(dashboard, DashboardPage)
    site_items = find(dashboard, "This site items", QTableView)
    qtbot.waitUntil(lambda: site_items.model().rowCount() > 0)
    board = site_items.model()
    # The expected end is 120 days away (beyond the dashboard's 30); the person's status shows.
    statuses = {board.index(r, 6).data() for r in range(board.rowCount())}
    assert statuses == {"Reflection period (extension requested, expected)"}
