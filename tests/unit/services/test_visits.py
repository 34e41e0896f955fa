"""Clinic visits through the service: recording for persons and anonymous visitors, bad input,
day views and summaries, the entitlement check, mobile outings, and clinical-note privacy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import AuditEvent
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services
from clinic_app.services.referrals import ReferralInput, ReferralService
from clinic_app.services.visitors import VisitorInput, VisitorService
from clinic_app.services.visits import ClinicService, OutingInput, QuickContact, VisitReferral
from clinic_app.vocabulary import (
    AgeBand,
    Authority,
    EventKind,
    HealthService,
    InterpreterMode,
    LegalStay,
    Outcome,
    Payer,
    Role,
    Urgency,
    VisitService,
)
from tests.conftest import TODAY, make_user
from tests.unit.services.clinic_helpers import (  # noqa: F401 - fixtures
    NOON,
    counts,
    mobile_id_fixture,
    new_visitor,
    person_id_fixture,
    team_lead_fixture,
    visit_input,
)


def audit_actions(services: Services) -> list[tuple[str, int | None, str, str]]:
    with services.db.read() as s:
        rows = s.execute(
            select(
                AuditEvent.action, AuditEvent.person_id, AuditEvent.target, AuditEvent.details
            ).order_by(AuditEvent.id)
        ).all()
    return [(a, p, t, d) for a, p, t, d in rows]


def test_visit_for_an_anonymous_visitor(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    view = services.visits.record_visit(
        nurse,
        visit_input(
            site_ids["clinic"],
            visitor_id=vid,
            interpreter_language="EN",
            interpreter_mode=InterpreterMode.PHONE,
        ),
    )
    assert view.visitor_id == vid and view.person_id is None
    assert view.visitor_code is not None and view.visitor_code.startswith("V-")
    assert view.services == (VisitService.CONSULTATION, VisitService.STI_TESTING)
    assert view.interpreter_language == "en" and view.interpreter_mode is InterpreterMode.PHONE
    assert view.clinical_notes == "Sensitive clinical observation"
    assert view.who.endswith("Mira")
    created = [row for row in audit_actions(services) if row[0] == "visit.create"]
    assert len(created) == 1
    # The audit row names fields, never the notes or reason themselves.
    assert "clinical_notes" in created[0][3] and "Sensitive" not in created[0][3]
    assert "check-up" not in created[0][3]


def test_visit_for_a_registered_person(
    services: Services, nurse: Actor, site_ids: dict[str, int], person_id: int
) -> None:
    view = services.visits.record_visit(nurse, visit_input(site_ids["clinic"], person_id=person_id))
    assert view.person_id == person_id and view.case_ref and view.display_name == "Ana Test"
    assert [v.id for v in services.visits.person_visits(nurse, person_id)] == [view.id]


def test_repeat_visit_found_by_code(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    code = services.visitors.get(nurse, vid).code
    services.visits.record_visit(
        nurse, visit_input(site_ids["clinic"], visitor_id=vid, visited_at=NOON - dt.timedelta(7))
    )
    found = services.visitors.find_by_code(nurse, code.lower().replace("-", " "))
    assert found.id == vid and found.visit_count == 1
    services.visits.record_visit(
        nurse,
        visit_input(site_ids["clinic"], visitor_id=found.id, services=(VisitService.VACCINATION,)),
    )
    history = services.visitors.history(nurse, vid)
    assert [v.visited_at for v in history] == [NOON, NOON - dt.timedelta(7)]
    assert history[0].services == (VisitService.VACCINATION,)
    assert services.visitors.find_by_code(nurse, code).visit_count == 2


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"visitor_id": None}, "who", "required"),
        ({"person_id": 1}, "who", "both_given"),
        ({"follow_up_date": TODAY - dt.timedelta(days=1)}, "follow_up_date", "before_visit"),
        ({"services": ("consultation", "massage")}, "services", "unknown_service"),
        ({"visited_at": NOON + dt.timedelta(days=1)}, "visited_at", "in_future"),
        ({"interpreter_mode": InterpreterMode.PHONE}, "interpreter_language", "required"),
        ({"clinical_notes": "x" * 20001}, "clinical_notes", "too_long"),
        ({"reason": "bad\x00byte"}, "reason", "control_characters"),
    ],
)
def test_bad_visit_input_names_the_field_and_writes_nothing(
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
    change: dict[str, object],
    field: str,
    code: str,
) -> None:
    vid = new_visitor(services, nurse)
    before = counts(services)
    data = dataclasses.replace(visit_input(site_ids["clinic"], visitor_id=vid), **change)
    with pytest.raises(Invalid) as err:
        services.visits.record_visit(nurse, data)
    assert (err.value.field, err.value.code) == (field, code)
    assert counts(services) == before


def test_visit_at_a_shelter_or_unknown_site_is_refused(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    before = counts(services)
    with pytest.raises(Invalid) as err:
        services.visits.record_visit(nurse, visit_input(site_ids["shelter"], visitor_id=vid))
    assert (err.value.field, err.value.code) == ("site", "not_a_clinic")
    with pytest.raises(Invalid) as err:
        services.visits.record_visit(nurse, visit_input(9999, visitor_id=vid))
    assert (err.value.field, err.value.code) == ("site", "unknown_site")
    with pytest.raises(NotFound):
        services.visits.record_visit(nurse, visit_input(site_ids["clinic"], visitor_id=9999))
    assert counts(services) == before


def test_only_nurses_record_visits(
    services: Services, admin: Actor, staff: Actor, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    for actor in (admin, staff):
        with pytest.raises(Forbidden):
            services.visits.record_visit(actor, visit_input(site_ids["clinic"], visitor_id=vid))
        with pytest.raises(Forbidden):
            services.visitors.create(actor, VisitorInput())


def test_update_visit_checks_version(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    view = services.visits.record_visit(nurse, visit_input(site_ids["clinic"], visitor_id=vid))
    data = visit_input(site_ids["clinic"], visitor_id=vid, services=(VisitService.WOUND_CARE,))
    updated = services.visits.update_visit(nurse, view.id, data, view.version)
    assert updated.services == (VisitService.WOUND_CARE,) and updated.version == view.version + 1
    with pytest.raises(Conflict):
        services.visits.update_visit(nurse, view.id, data, view.version)
    edit = [r for r in audit_actions(services) if r[0] == "visit.edit"][-1]
    assert "services" in edit[3] and "wound" not in edit[3]


def test_day_view_lists_visits_without_notes(
    services: Services, nurse: Actor, site_ids: dict[str, int], person_id: int
) -> None:
    clinic = site_ids["clinic"]
    vid = new_visitor(services, nurse)
    services.visits.record_visit(
        nurse, visit_input(clinic, visitor_id=vid, visited_at=NOON + dt.timedelta(hours=1))
    )
    services.visits.record_visit(nurse, visit_input(clinic, person_id=person_id))
    services.visits.record_visit(
        nurse, visit_input(clinic, visitor_id=vid, visited_at=NOON - dt.timedelta(days=1))
    )
    day = services.visits.day_view(nurse, clinic, TODAY)
    assert [v.person_id is not None for v in day] == [True, False]
    assert day[0].case_ref and day[0].display_name == "Ana Test"
    assert day[1].visitor_code and day[1].nickname == "Mira"
    assert all(v.clinical_notes is None for v in day)
    assert all(v.services and v.follow_up_date for v in day)
    summary = services.visits.daily_summary(nurse, clinic, TODAY)
    assert (summary.visits, summary.registered_persons, summary.visitors) == (2, 1, 1)
    assert summary.new_visitors == 0  # she came yesterday too
    assert dict(summary.services) == {VisitService.CONSULTATION: 2, VisitService.STI_TESTING: 2}
    yesterday = services.visits.daily_summary(nurse, clinic, TODAY - dt.timedelta(days=1))
    assert (yesterday.visits, yesterday.new_visitors) == (1, 1)


def test_daily_summary_counts_referrals_and_follow_ups(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    clinic = site_ids["clinic"]
    vid = new_visitor(services, nurse)
    visit = services.visits.record_visit(
        nurse, visit_input(clinic, visitor_id=vid, follow_up_date=TODAY)
    )
    services.referrals.create(nurse, ReferralInput("dentist", "tooth ache", visit_id=visit.id))
    summary = services.visits.daily_summary(nurse, clinic, TODAY)
    assert (summary.referrals, summary.follow_ups_due, summary.new_visitors) == (1, 1, 1)


def test_entitlement_warning_when_not_covered(
    services: Services, nurse: Actor, person_id: int
) -> None:
    check = services.visits.entitlement_check(
        nurse,
        person_id,
        [VisitService.CONSULTATION, VisitService.RIGHTS_COUNSELLING],
        TODAY,
    )
    assert not check.line(HealthService.GENERAL_PRACTICE).covered
    assert [(w.code, w.service) for w in check.warnings] == [
        ("not_covered", VisitService.CONSULTATION)
    ]


def test_entitlement_warning_when_cover_ends_within_14_days(
    services: Services, admin: Actor, nurse: Actor, person_id: int
) -> None:
    services.cases.record_event(
        admin, person_id, EventInput(EventKind.FIRST_CONTACT, dt.date(2026, 11, 1))
    )
    services.cases.record_event(
        admin,
        person_id,
        EventInput(
            EventKind.IDENTIFICATION,
            dt.date(2026, 11, 10),
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )
    check = services.visits.entitlement_check(
        nurse,
        person_id,
        ["psychosocial_talk", "referral"],
        TODAY,
        referral_specialty="dentist",
    )
    line = check.line(HealthService.PSYCHOLOGICAL_THERAPY)
    assert line.covered and line.payer is Payer.IMMIGRATION_SERVICE
    assert line.valid_until == dt.date(2026, 12, 10)
    assert [(w.code, w.service, w.health_service, w.until) for w in check.warnings] == [
        (
            "ends_soon",
            VisitService.PSYCHOSOCIAL_TALK,
            HealthService.PSYCHOLOGICAL_THERAPY,
            dt.date(2026, 12, 10),
        ),
        ("ends_soon", VisitService.REFERRAL, HealthService.DENTISTRY, dt.date(2026, 12, 10)),
    ]
    # A month earlier than the end, nothing to warn about.
    calm = services.visits.entitlement_check(
        nurse, person_id, ["psychosocial_talk"], dt.date(2026, 11, 20)
    )
    assert calm.warnings == ()
    with pytest.raises(Invalid) as err:
        services.visits.entitlement_check(nurse, person_id, ["massage"], TODAY)
    assert err.value.field == "services"


def test_mobile_outing_with_several_contacts(
    services: Services, nurse: Actor, site_ids: dict[str, int], mobile_id: int
) -> None:
    known = services.visitors.get(nurse, new_visitor(services, nurse, "Rosa"))
    services.visits.record_visit(
        nurse,
        visit_input(site_ids["clinic"], visitor_id=known.id, visited_at=NOON - dt.timedelta(9)),
    )
    outing = services.visits.record_outing(
        nurse,
        OutingInput(
            mobile_id,
            TODAY,
            area="Istedgade",
            staff="Nina, Karen",
            contacts_made=12,
            materials="condoms 40, leaflets 15",
        ),
        [
            QuickContact(visitor_code=known.code.lower(), services=(VisitService.STI_TESTING,)),
            QuickContact(nickname="Lia", age_band=AgeBand.AGE_18_24, nationality="ro"),
            QuickContact(
                nickname="Ewa",
                language="pl",
                services=(VisitService.RIGHTS_COUNSELLING,),
                at=dt.time(21, 15),
            ),
        ],
    )
    assert (outing.area, outing.contacts_made, outing.new_visitors) == ("Istedgade", 12, 2)
    assert [v.nickname for v in outing.visits] == ["Rosa", "Lia", "Ewa"]
    assert all(v.outing_id == outing.id and v.site_id == mobile_id for v in outing.visits)
    assert outing.visits[2].visited_at == dt.datetime.combine(TODAY, dt.time(21, 15))
    assert services.visitors.find_by_code(nurse, known.code).visit_count == 2
    assert [v.id for v in services.visits.day_view(nurse, mobile_id, TODAY)] == [
        v.id for v in outing.visits
    ]
    again = services.visits.get_outing(nurse, outing.id)
    assert again == outing
    assert [o.id for o in services.visits.outings(nurse, None, TODAY, TODAY)] == [outing.id]
    summary = services.visits.daily_summary(nurse, mobile_id, TODAY)
    assert (summary.outings, summary.outing_contacts, summary.visits) == (1, 12, 3)


@pytest.mark.parametrize(
    ("contacts", "change", "field", "code"),
    [
        ([QuickContact(visitor_code="V-ZZZZZ")], {}, "contacts[0].visitor_code", "unknown_code"),
        (
            [QuickContact(nickname="A"), QuickContact(nationality="XX")],
            {},
            "contacts[1].nationality",
            "unknown_country",
        ),
        ([QuickContact(services=("massage",))], {}, "contacts[0].services", "unknown_service"),  # type: ignore[arg-type]
        (
            [QuickContact(), QuickContact()],
            {"contacts_made": 1},
            "contacts_made",
            "fewer_than_recorded",
        ),
        ([], {"outing_date": TODAY + dt.timedelta(days=1)}, "outing_date", "in_future"),
        ([], {"site_id": -1}, "site", "unknown_site"),
    ],
)
def test_bad_outing_input_writes_nothing(
    services: Services,
    nurse: Actor,
    mobile_id: int,
    contacts: list[QuickContact],
    change: dict[str, object],
    field: str,
    code: str,
) -> None:
    before = counts(services)
    data = dataclasses.replace(OutingInput(mobile_id, TODAY), **change)
    with pytest.raises(Invalid) as err:
        services.visits.record_outing(nurse, data, contacts)
    assert (err.value.field, err.value.code) == (field, code)
    assert counts(services) == before


def test_outing_needs_a_mobile_unit(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    with pytest.raises(Invalid) as err:
        services.visits.record_outing(nurse, OutingInput(site_ids["clinic"], TODAY))
    assert err.value.code == "not_a_mobile_unit"


def test_administrator_reads_notes_only_by_break_glass(
    services: Services, admin: Actor, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    visit = services.visits.record_visit(nurse, visit_input(site_ids["clinic"], visitor_id=vid))
    plain = services.visits.get_visit(admin, visit.id)
    assert plain.clinical_notes is None and plain.services is not None
    opened = services.visits.get_visit(admin, visit.id, break_glass_reason="ambulance asks")
    assert opened.clinical_notes == "Sensitive clinical observation"
    glass = [r for r in audit_actions(services) if r[0] == "visit.clinical_notes_break_glass"]
    assert len(glass) == 1 and "ambulance asks" in glass[0][3]
    assert services.visits.get_visit(nurse, visit.id).clinical_notes is not None


# --- privacy: shelter staff never reach clinical notes ---------------------------------------


def _calls(services: Services, ids: dict[str, int]) -> dict[str, Callable[[Actor], Any]]:
    """Every public method of the clinic services, called with plausible arguments."""
    v, r, ref = services.visits, services.visitors, services.referrals
    return {
        "ClinicService.record_visit": lambda a: v.record_visit(
            a, visit_input(ids["clinic"], visitor_id=ids["visitor"])
        ),
        "ClinicService.update_visit": lambda a: v.update_visit(
            a, ids["visit"], visit_input(ids["clinic"], visitor_id=ids["visitor"]), 1
        ),
        "ClinicService.get_visit": lambda a: v.get_visit(a, ids["person_visit"]),
        "ClinicService.person_visits": lambda a: v.person_visits(a, ids["person"]),
        "ClinicService.day_view": lambda a: v.day_view(a, ids["clinic"], TODAY),
        "ClinicService.daily_summary": lambda a: v.daily_summary(a, ids["clinic"], TODAY),
        "ClinicService.entitlement_check": lambda a: v.entitlement_check(
            a, ids["person"], ["consultation"], TODAY
        ),
        "ClinicService.record_outing": lambda a: v.record_outing(
            a, OutingInput(ids["mobile"], TODAY), [QuickContact(clinical_notes="x")]
        ),
        "ClinicService.get_outing": lambda a: v.get_outing(a, ids["outing"]),
        "ClinicService.outings": lambda a: v.outings(a, None, TODAY, TODAY),
        "VisitorService.create": lambda a: r.create(a, VisitorInput()),
        "VisitorService.get": lambda a: r.get(a, ids["visitor"]),
        "VisitorService.find_by_code": lambda a: r.find_by_code(a, ids["code"]),  # type: ignore[arg-type]
        "VisitorService.search": lambda a: r.search(a, "Mira"),
        "VisitorService.history": lambda a: r.history(a, ids["visitor"]),
        "VisitorService.link_to_person": lambda a: r.link_to_person(
            a, ids["visitor"], ids["person"], "same card"
        ),
        "ReferralService.create": lambda a: ref.create(
            a, ReferralInput("doctor", "pain", person_id=ids["person"])
        ),
        "ReferralService.get": lambda a: ref.get(a, ids["referral"]),
        "ReferralService.mark_done": lambda a: ref.mark_done(a, ids["referral"]),
        "ReferralService.cancel": lambda a: ref.cancel(a, ids["referral"]),
        "ReferralService.open_referrals": lambda a: ref.open_referrals(a, None),
        "ReferralService.for_person": lambda a: ref.for_person(a, ids["person"]),
    }


def _public_methods() -> set[str]:
    return {
        f"{cls.__name__}.{name}"
        for cls in (ClinicService, VisitorService, ReferralService)
        for name, _ in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


def _notes_in(value: object) -> list[str]:
    """Every clinical note or referral reason text found anywhere in a returned value."""
    found: list[str] = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in ("clinical_notes", "reason", "notes") and isinstance(item, str) and item:
                found.append(item)
            found += _notes_in(item)
    elif isinstance(value, tuple | list):
        for item in value:
            found += _notes_in(item)
    return found


def test_shelter_staff_cannot_read_clinical_notes_through_any_service(
    services: Services,
    admin: Actor,
    nurse: Actor,
    staff: Actor,
    site_ids: dict[str, int],
    mobile_id: int,
    person_id: int,
) -> None:
    clinic = site_ids["clinic"]
    vid = new_visitor(services, nurse)
    code = services.visitors.get(nurse, vid).code
    visit = services.visits.record_visit(nurse, visit_input(clinic, visitor_id=vid))
    person_visit = services.visits.record_visit(nurse, visit_input(clinic, person_id=person_id))
    outing = services.visits.record_outing(
        nurse,
        OutingInput(mobile_id, TODAY, notes="outing notes"),
        [QuickContact(nickname="Lia", clinical_notes="Sensitive clinical observation")],
    )
    referral = services.referrals.create(
        nurse, ReferralInput("doctor", "Sensitive referral reason", person_id=person_id)
    )
    ids = {
        "clinic": clinic,
        "mobile": mobile_id,
        "visitor": vid,
        "code": code,
        "visit": visit.id,
        "person_visit": person_visit.id,
        "person": person_id,
        "outing": outing.id,
        "referral": referral.id,
    }
    calls = _calls(services, ids)  # type: ignore[arg-type]
    assert set(calls) == _public_methods(), "a new service method needs a privacy check here"
    reached = []
    for name, call in calls.items():
        try:
            result = call(staff)
        except Forbidden:
            continue
        reached.append(name)
        assert _notes_in(result) == [], name
    # She may know a person at her shelter had a visit (date and site), nothing more.
    assert sorted(reached) == [
        "ClinicService.entitlement_check",  # what is covered, never what was done
        "ClinicService.get_visit",
        "ClinicService.person_visits",
    ]
    seen = services.visits.person_visits(staff, person_id)
    assert [(v.visited_at, v.site_id) for v in seen] == [(NOON, clinic)]
    assert seen[0].services is None and seen[0].reason is None and not seen[0].details_visible


def test_team_lead_sees_services_but_not_notes(
    services: Services, nurse: Actor, team_lead: Actor, site_ids: dict[str, int], person_id: int
) -> None:
    services.visits.record_visit(nurse, visit_input(site_ids["clinic"], person_id=person_id))
    (seen,) = services.visits.person_visits(team_lead, person_id)
    assert seen.services and seen.reason == "check-up" and seen.clinical_notes is None


def test_contact_person_needs_own_caseload(
    services: Services, admin: Actor, nurse: Actor, site_ids: dict[str, int], person_id: int
) -> None:
    contact = make_user(services, admin, "carl", Role.CONTACT_PERSON, site_ids["clinic"])
    services.visits.record_visit(nurse, visit_input(site_ids["clinic"], person_id=person_id))
    with pytest.raises(Forbidden):
        services.visits.person_visits(contact, person_id)
    with pytest.raises(Forbidden):
        services.visits.day_view(contact, site_ids["clinic"], TODAY)


def test_referral_urgency_is_a_vocabulary_value() -> None:
    assert {u.value for u in Urgency} == {"routine", "soon", "urgent"}


def test_new_visitor_and_referral_saved_with_the_visit(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    view = services.visits.record_visit(
        nurse,
        visit_input(site_ids["clinic"], services=(VisitService.CONSULTATION,)),
        new_visitor=VisitorInput("Ioana", AgeBand.AGE_18_24, "RO", "ro"),
        referral=VisitReferral("dentist", "broken tooth", Urgency.SOON),
    )
    assert view.nickname == "Ioana" and view.visitor_code
    assert view.services == (VisitService.CONSULTATION, VisitService.REFERRAL)
    visitor = services.visitors.find_by_code(nurse, view.visitor_code)
    assert visitor.first_site_id == site_ids["clinic"] and visitor.nationality == "RO"
    (referral,) = services.referrals.open_referrals(nurse)
    assert (referral.visit_id, referral.visitor_id, referral.urgency) == (
        view.id,
        visitor.id,
        Urgency.SOON,
    )
    actions = [r[0] for r in audit_actions(services)]
    start = actions.index("visitor.create")
    assert actions[start : start + 3] == ["visitor.create", "visit.create", "referral.create"]


@pytest.mark.parametrize(
    ("new_visitor", "referral", "change", "field", "code"),
    [
        (VisitorInput(nationality="XX"), None, {}, "nationality", "unknown_country"),
        (VisitorInput(), None, {"visitor_id": 1}, "who", "both_given"),
        (VisitorInput(), VisitReferral("astrologer", "x"), {}, "specialty", "unknown_specialty"),
        (VisitorInput(), VisitReferral("doctor", ""), {}, "referral_reason", "required"),
        (
            VisitorInput(),
            VisitReferral("doctor", "x", partner_id=999),
            {},
            "partner",
            "unknown_partner",
        ),
    ],
)
def test_bad_new_visitor_or_referral_writes_nothing(
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
    new_visitor: VisitorInput,
    referral: VisitReferral | None,
    change: dict[str, object],
    field: str,
    code: str,
) -> None:
    before = counts(services)
    data = dataclasses.replace(visit_input(site_ids["clinic"]), **change)
    with pytest.raises(Invalid) as err:
        services.visits.record_visit(nurse, data, new_visitor=new_visitor, referral=referral)
    assert (err.value.field, err.value.code) == (field, code)
    assert counts(services) == before
