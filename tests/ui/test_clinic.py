"""The Clinic area with pytest-qt: quick visits by keyboard, repeat visits by card code,
mobile outings, the entitlement warning, referrals, and no clinical notes for other roles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.ui.areas import visible_areas
from clinic_app.ui.clinic.outing_form import OutingForm
from clinic_app.ui.clinic.person_visits import PersonVisitsTab
from clinic_app.ui.context import UiContext
from clinic_app.ui.pages.clinic import ClinicPage
from clinic_app.ui.settings import AppSettings
from clinic_app.vocabulary import Role, SiteKind, VisitService
from tests.conftest import TODAY, make_user
from tests.ui.conftest import Prompts

NOTE = "Sensitive clinical observation"


def find(root: QWidget, name: str) -> QWidget:
    """The one widget below ``root`` with this accessible name."""
    hits = [w for w in root.findChildren(QWidget) if w.accessibleName() == name]
    assert len(hits) == 1, f"{len(hits)} widgets named {name!r}"
    return hits[0]


def texts(root: QWidget) -> list[str]:
    """Every piece of text a user could see below ``root``, including table cells."""
    out: list[str] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel | QLineEdit):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and isinstance(w.model(), QAbstractItemModel):
            m = w.model()
            out += [
                str(m.index(r, c).data() or "")
                for r in range(m.rowCount())
                for c in range(m.columnCount())
            ]
    return out


@pytest.fixture
def mobile_id(services: Services, admin: Actor) -> int:
    return services.reference.create_site(
        admin, "MU1", "Mobile unit", SiteKind.MOBILE_UNIT, "Copenhagen"
    ).id


def make_page(qtbot: QtBot, services: Services, actor: Actor, tmp_path: Path) -> ClinicPage:
    ctx = UiContext(services, actor, AppSettings(str(tmp_path / f"{actor.username}.ini")))
    page = ClinicPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


@pytest.fixture
def page(
    qtbot: QtBot, services: Services, nurse: Actor, site_ids: dict[str, int], tmp_path: Path
) -> Iterator[ClinicPage]:
    yield make_page(qtbot, services, nurse, tmp_path)


def type_who(qtbot: QtBot, page: ClinicPage, text: str) -> None:
    who = find(page, "Visitor code, nickname or case reference")
    assert isinstance(who, QLineEdit)
    who.setFocus()
    qtbot.keyClicks(who, text)
    qtbot.keyClick(who, Qt.Key.Key_Return)


def save_with_keyboard(qtbot: QtBot, page: ClinicPage) -> None:
    focus = page.focusWidget() or page
    qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def tick(page: ClinicPage, name: str) -> None:
    box = find(page, name)
    assert isinstance(box, QCheckBox)
    box.setChecked(True)


def test_quick_visit_for_a_new_anonymous_visitor(
    qtbot: QtBot, page: ClinicPage, services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    type_who(qtbot, page, "Mira")
    # No match: the new-visitor fields open with the nickname filled in, focused.
    nickname = find(page, "Nickname")
    assert isinstance(nickname, QLineEdit) and nickname.text() == "Mira"
    assert find(page, "New visitor details").isVisible()
    qtbot.keyClicks(find(page, "Approximate age"), "23")
    qtbot.keyClicks(find(page, "Nationality"), "ro")
    tick(page, "STI testing")
    notes = find(page, "Clinical notes")
    assert isinstance(notes, QPlainTextEdit)
    notes.setPlainText(NOTE)
    save_with_keyboard(qtbot, page)

    (visit,) = services.visits.day_view(nurse, site_ids["clinic"], TODAY)
    assert visit.nickname == "Mira" and visit.services == (VisitService.STI_TESTING,)
    visitor = services.visitors.find_by_code(nurse, visit.visitor_code or "")
    assert visitor.nationality == "RO" and visitor.age_band.value == "18_24"
    status = find(page, "Visit form status")
    assert isinstance(status, QLabel) and visit.visitor_code in status.text()
    # The form is empty again, ready for the next visitor; the day list shows her.
    assert not page.form.has_unsaved_changes()
    assert any(visit.visitor_code in t for t in texts(find(page, "Visits of the day")))
    assert page.model.rowCount() == 1


def test_repeat_visit_found_by_code(
    qtbot: QtBot, page: ClinicPage, services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    services.visits.record_visit(
        nurse,
        VisitInput(
            site_ids["clinic"],
            visitor_id=visitor.id,
            visited_at=dt.datetime.combine(TODAY - dt.timedelta(days=7), dt.time(10)),
        ),
    )
    type_who(qtbot, page, visitor.code.lower())
    chosen = find(page, "Chosen visitor or person")
    assert isinstance(chosen, QLabel) and visitor.code in chosen.text()
    # Enter picked her and moved on to the services, with the focus ring shown there.
    assert page.focusWidget() is find(page, "Consultation")
    assert page.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Space)
    save_with_keyboard(qtbot, page)
    history = services.visitors.history(nurse, visitor.id)
    assert len(history) == 2 and history[0].services == (VisitService.CONSULTATION,)


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, page: ClinicPage, services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    type_who(qtbot, page, visitor.code)
    qtbot.keyClicks(find(page, "Follow-up date"), "2020-01-01")
    save_with_keyboard(qtbot, page)
    error = find(page, "Follow-up error")
    assert isinstance(error, QLabel) and error.isVisible() and error.text()
    assert services.visitors.history(nurse, visitor.id) == ()
    follow = find(page, "Follow-up date")
    assert isinstance(follow, QLineEdit) and follow.text() == "2020-01-01"  # input kept


def test_outing_with_contacts(
    qtbot: QtBot,
    page: ClinicPage,
    services: Services,
    nurse: Actor,
    mobile_id: int,
) -> None:
    known = services.visitors.create(nurse, VisitorInput("Rosa"))
    page.outing_button.click()
    dialog = page.outing_dialog
    assert isinstance(dialog, OutingForm)
    qtbot.keyClicks(find(dialog, "Area"), "Istedgade")
    dialog.set_cell(0, "visitor_code", known.code)
    dialog.set_cell(0, "services", "2")
    dialog.set_cell(1, "nickname", "Lia")
    dialog.set_cell(1, "age", "30")
    dialog.set_cell(1, "nationality", "BG")
    dialog.set_cell(2, "nickname", "Ewa")
    dialog.set_cell(2, "services", "18")
    assert dialog.grid.rowCount() == 4  # a fresh row is always waiting
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.grid.setFocus()
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = dialog.result_view
    assert view is not None, find(dialog, "Outing form status").text()  # type: ignore[attr-defined]
    assert view.contacts_made == 3 and view.area == "Istedgade"
    assert [v.nickname for v in view.visits] == ["Rosa", "Lia", "Ewa"]
    assert view.visits[2].services == (VisitService.CONSULTATION, VisitService.RIGHTS_COUNSELLING)
    assert len(services.visits.day_view(nurse, mobile_id, TODAY)) == 3


def test_outing_grid_error_points_at_the_row(
    qtbot: QtBot, page: ClinicPage, services: Services, nurse: Actor, mobile_id: int
) -> None:
    dialog = page.open_outing()
    dialog.set_cell(0, "nickname", "Lia")
    dialog.set_cell(1, "nickname", "Ewa")
    dialog.set_cell(1, "nationality", "XX")
    dialog.save()
    error = find(dialog, "Contacts grid error")
    assert isinstance(error, QLabel) and error.text().startswith("Row 2")
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (1, 3)
    assert services.visits.outings(nurse, None, TODAY, TODAY) == ()


def test_entitlement_warning_shown(
    qtbot: QtBot, page: ClinicPage, services: Services, admin: Actor, nurse: Actor
) -> None:
    person = services.persons.register(admin, PersonInput(names=(NameInput("Ana Test"),)))
    type_who(qtbot, page, person.case_ref)
    assert find(page, "Entitlement panel").isVisible()
    tick(page, "Consultation")
    warnings = find(page, "Entitlement warnings")
    assert isinstance(warnings, QLabel)
    assert "Consultation is not covered" in warnings.text()
    entitlements = find(page, "Entitlements")
    assert isinstance(entitlements, QLabel) and "General practice" in entitlements.text()


def test_referral_from_the_form_and_mark_done(
    qtbot: QtBot, page: ClinicPage, services: Services, nurse: Actor, prompts: Prompts
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    type_who(qtbot, page, visitor.code)
    tick(page, "Referral")
    assert find(page, "Referral details").isVisible()
    qtbot.keyClicks(find(page, "Referral reason"), "tooth ache")
    save_with_keyboard(qtbot, page)
    assert len(services.referrals.open_referrals(nurse)) == 1
    table_texts = texts(find(page, "Open referrals table"))
    assert "tooth ache" in table_texts and visitor.code in table_texts
    find(page, "Mark referral done").click()  # type: ignore[attr-defined]
    assert services.referrals.open_referrals(nurse) == ()
    assert page.referrals.model.rowCount() == 0


def test_visitor_history_view_and_linking(
    qtbot: QtBot,
    page: ClinicPage,
    prompts: Prompts,
    services: Services,
    admin: Actor,
    nurse: Actor,
    site_ids: dict[str, int],
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    services.visits.record_visit(
        nurse,
        VisitInput(site_ids["clinic"], visitor_id=visitor.id, clinical_notes=NOTE),
    )
    # Linking changes her record: a person the nurse may edit (registered at her clinic).
    person = services.persons.register(
        admin, PersonInput(names=(NameInput("Rosa Test"),), site_id=site_ids["clinic"])
    )
    history = page.history
    qtbot.keyClicks(find(history, "Find visitor by code or nickname"), "rosa")
    qtbot.keyClick(find(history, "Find visitor by code or nickname"), Qt.Key.Key_Return)
    assert NOTE in texts(history)  # a nurse reads her own notes
    qtbot.keyClicks(find(history, "Case reference to link to"), person.case_ref)
    prompts.texts.append("Same card code")
    find(history, "Link visitor to person").click()  # type: ignore[attr-defined]
    assert services.visitors.get(nurse, visitor.id).linked_person_id == person.id
    assert len(services.visits.person_visits(nurse, person.id)) == 1
    assert find(history, "Unlink visitor from person").isEnabled()  # type: ignore[attr-defined]
    prompts.texts.append("Linked the wrong woman")
    find(history, "Unlink visitor from person").click()  # type: ignore[attr-defined]
    assert services.visitors.get(nurse, visitor.id).linked_person_id is None
    assert services.visits.person_visits(nurse, person.id) == ()


def test_staff_user_sees_no_notes(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    nurse: Actor,
    staff: Actor,
    site_ids: dict[str, int],
    tmp_path: Path,
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    services.visits.record_visit(
        nurse, VisitInput(site_ids["clinic"], visitor_id=visitor.id, clinical_notes=NOTE)
    )
    services.referrals.create(nurse, ReferralInput("doctor", NOTE, visitor_id=visitor.id))
    assert "clinic" not in [a.key for a in visible_areas(staff)]
    assert "clinic" in [a.key for a in visible_areas(nurse)]
    page = make_page(qtbot, services, staff, tmp_path)
    assert not any(NOTE in t or visitor.code in t for t in texts(page))
    message = find(page, "Clinic page message")
    assert isinstance(message, QLabel) and message.text()  # "not allowed", plainly
    assert not page.form.isVisible()
    # A team lead sees visits and referrals, but no notes and no referral reasons.
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["clinic"])
    lead_page = make_page(qtbot, services, lead, tmp_path)
    assert lead_page.model.rowCount() == 1
    lead_page.history.find_edit.setText(visitor.code)
    lead_page.history.search()
    assert lead_page.history.model.rowCount() == 1
    assert not any(NOTE in t for t in texts(lead_page))


def test_danish_translations_are_complete_and_load(qtbot: QtBot) -> None:
    from clinic_app.i18n import translations_dir

    folder = translations_dir()  # the built .qm; the .ts source is in resources/translations
    sources = Path(__file__).resolve().parents[2] / "resources" / "translations"
    ts = (sources / "clinic_da.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts and "<translation></translation>" not in ts
    translator = QTranslator()
    assert translator.load(str(folder / "clinic_da.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("VisitForm", "Save visit") == "Gem besøg"
        assert QCoreApplication.translate("ClinicLabels", "STI testing") == "Test for kønssygdomme"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_person_record_tab_shows_staff_only_date_and_place(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    nurse: Actor,
    staff: Actor,
    site_ids: dict[str, int],
    tmp_path: Path,
) -> None:
    person = services.persons.register(
        admin, PersonInput(names=(NameInput("Ana Test"),), site_id=site_ids["shelter"])
    )
    services.visits.record_visit(
        nurse,
        VisitInput(
            site_ids["clinic"],
            person_id=person.id,
            services=(VisitService.WOUND_CARE,),
            reason="cut hand",
            clinical_notes=NOTE,
        ),
    )
    services.referrals.create(nurse, ReferralInput("doctor", "stitches", person_id=person.id))
    tabs = {}
    for actor in (nurse, staff):
        ctx = UiContext(services, actor, AppSettings(str(tmp_path / f"{actor.username}.ini")))
        tab = PersonVisitsTab(ctx, person.id)
        qtbot.addWidget(tab)
        tab.show()
        tabs[actor.role] = tab
    nurse_texts = texts(tabs[Role.NURSE])
    assert NOTE in nurse_texts and "cut hand" in nurse_texts and "stitches" in nurse_texts
    staff_tab = tabs[Role.SHELTER_STAFF]
    assert staff_tab.model.rowCount() == 1 and staff_tab.visits[0].site_name == "Clinic Vesterbro"
    visible_cells = [
        str(staff_tab.model.index(0, c).data())
        for c in range(staff_tab.model.columnCount())
        if not staff_tab.table.isColumnHidden(c)
    ]
    assert visible_cells == [TODAY.isoformat(), "Clinic Vesterbro"]
    assert not any(t in ("cut hand", "stitches", NOTE) for t in texts(staff_tab))
    assert not staff_tab.referral_table.isVisible()
