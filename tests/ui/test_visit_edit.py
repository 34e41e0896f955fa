"""A saved visit is corrected or voided from the Clinic page; the idle lock keeps a half-typed
visit (out of the widgets while locked)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clinic_app.models import AuditEvent
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.ui.pages.clinic import ClinicPage
from clinic_app.vocabulary import VisitService
from tests.conftest import PASSWORD, TODAY
from tests.ui.conftest import MakeWindow, Prompts
from tests.ui.helpers import find, visible_texts
from tests.ui.test_clinic import page, save_with_keyboard, type_who  # noqa: F401

NOTE = "Bruise on the left arm, says she fell"


def _visit(services: Services, nurse: Actor, site_id: int) -> int:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    return services.visits.record_visit(
        nurse,
        VisitInput(
            site_id,
            visitor_id=visitor.id,
            visited_at=dt.datetime.combine(TODAY, dt.time(9, 30)),
            services=(VisitService.CONSULTATION,),
            reason="headache",
            clinical_notes=NOTE,
        ),
    ).id


def _actions(services: Services) -> list[str]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_a_saved_visit_is_corrected_in_the_form(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
) -> None:
    visit_id = _visit(services, nurse, site_ids["clinic"])
    page.refresh()
    table = find(page, "Visits of the day", QTableView)
    table.selectRow(0)
    qtbot.mouseClick(find(page, "Correct visit", QPushButton), Qt.MouseButton.LeftButton)
    notes = find(page, "Clinical notes", QPlainTextEdit)
    assert notes.toPlainText() == NOTE
    assert "Correcting the visit of" in find(page, "Chosen visitor or person", QLabel).text()
    assert find(page, "Visitor code, nickname or case reference", QLineEdit).isReadOnly()
    reason = find(page, "Reason for the visit", QLineEdit)
    reason.clear()
    qtbot.keyClicks(reason, "migraine")
    find(page, "STI testing").click()
    save_with_keyboard(qtbot, page)
    corrected = services.visits.get_visit(nurse, visit_id)
    assert corrected.reason == "migraine" and corrected.clinical_notes == NOTE
    assert corrected.services == (VisitService.CONSULTATION, VisitService.STI_TESTING)
    assert corrected.visited_at == dt.datetime.combine(TODAY, dt.time(9, 30))
    assert "visit.edit" in _actions(services)
    assert len(services.visits.day_view(nurse, site_ids["clinic"], TODAY)) == 1
    assert "Corrected" in find(page, "Visit form status", QLabel).text()
    assert not page.form.has_unsaved_changes() and page.form.editing is None


def test_a_saved_visit_is_voided_only_with_a_reason(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
    prompts: Prompts,
) -> None:
    _visit(services, nurse, site_ids["clinic"])
    page.refresh()
    find(page, "Visits of the day", QTableView).selectRow(0)
    void = find(page, "Void visit", QPushButton)
    prompts.texts = [None, "  "]
    qtbot.mouseClick(void, Qt.MouseButton.LeftButton)  # cancelled
    qtbot.mouseClick(void, Qt.MouseButton.LeftButton)  # no reason given
    assert len(services.visits.day_view(nurse, site_ids["clinic"], TODAY)) == 1
    assert "give the reason" in find(page, "Clinic page message", QLabel).text()
    prompts.texts = ["recorded for the wrong woman"]
    qtbot.mouseClick(void, Qt.MouseButton.LeftButton)
    assert services.visits.day_view(nurse, site_ids["clinic"], TODAY) == ()
    assert page.model.rowCount() == 0
    assert find(page, "Clinic page message", QLabel).text() == "The visit was voided."
    assert "visit.void" in _actions(services)
    assert [k for k, _t, _x in prompts.calls] == ["ask_text"] * 3


def test_the_idle_lock_keeps_a_half_typed_visit_out_of_sight(
    qtbot: QtBot, nurse: Actor, make_window: MakeWindow
) -> None:
    window = make_window(nurse)
    clinic = window.show_area("clinic")
    assert isinstance(clinic, ClinicPage)
    type_who(qtbot, clinic, "Mira")
    qtbot.keyClicks(find(clinic, "Approximate age", QLineEdit), "23")
    find(clinic, "STI testing").click()
    notes = find(clinic, "Clinical notes", QPlainTextEdit)
    notes.setFocus()
    qtbot.keyClicks(notes, NOTE)
    window.lock()
    assert notes.toPlainText() == "" and find(clinic, "Nickname", QLineEdit).text() == ""
    assert not any(NOTE in t or "Mira" in t for t in visible_texts())

    password = find(window, "Unlock password", QLineEdit)
    qtbot.keyClicks(password, PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert notes.toPlainText() == NOTE
    assert find(clinic, "Nickname", QLineEdit).text() == "Mira"
    assert find(clinic, "Approximate age", QLineEdit).text() == "23"
    assert find(clinic, "New visitor details").isVisible()
    assert clinic.form.selected_services() == (VisitService.STI_TESTING,)
    save_with_keyboard(qtbot, clinic)
    assert clinic.model.rowCount() == 1


def test_the_outing_form_starts_at_the_unit_of_her_region_and_confirms(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    admin: Actor,
    nurse: Actor,
) -> None:
    from clinic_app.ui.clinic.outing_form import OutingForm
    from clinic_app.vocabulary import SiteKind

    ref = services.reference
    ref.create_site(admin, "MU0", "A mobile unit Aarhus", SiteKind.MOBILE_UNIT, "Aarhus")
    near = ref.create_site(
        admin, "MU1", "Mobile unit Copenhagen", SiteKind.MOBILE_UNIT, "Copenhagen"
    )
    page.outing_button.click()
    dialog = page.outing_dialog
    assert isinstance(dialog, OutingForm)
    assert find(dialog, "Mobile unit").currentData() == near.id  # type: ignore[attr-defined]
    qtbot.keyClicks(find(dialog, "Area"), "Istedgade")
    dialog.set_cell(0, "nickname", "Lia")
    assert dialog.save() is not None
    assert "Outing saved: 1 contact recorded." in find(page, "Clinic page message", QLabel).text()
