"""Case events through the service: recording with the legal checks, voiding, history,
permissions, and the stored status and deadlines kept in step."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import AuditEvent, CaseEvent, ContactPersonAssignment, Person, PersonDeadline
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services
from clinic_app.services.facts_loader import refresh_person
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Authority, BirthCertainty, EventKind, LegalStay, Outcome, Role
from tests.conftest import TODAY, make_user

FIRST_CONTACT = EventInput(EventKind.FIRST_CONTACT, dt.date(2026, 11, 1))
IDENTIFIED = EventInput(
    EventKind.IDENTIFICATION,
    dt.date(2026, 11, 10),
    authority=Authority.IMMIGRATION_SERVICE,
    outcome=Outcome.IDENTIFIED,
    legal_stay=LegalStay.NONE,
)


def register(services: Services, admin: Actor, site_id: int | None, **kw: object) -> int:
    """Register a fictional adult at ``site_id``; returns the person id."""
    data: dict[str, object] = {
        "names": (NameInput("Ana Test", preferred=True),),
        "birth_certainty": BirthCertainty.EXACT,
        "birth_date": dt.date(1995, 3, 4),
        "site_id": site_id,
    }
    data.update(kw)
    return services.persons.register(admin, PersonInput(**data)).id  # type: ignore[arg-type]


def assign_contact(services: Services, person_id: int, user_id: int) -> None:
    """Make ``user_id`` the person's current contact person (as the contacts service would)."""
    with services.db.write() as s:
        s.add(
            ContactPersonAssignment(
                person_id=person_id, user_id=user_id, from_date=TODAY - dt.timedelta(days=20)
            )
        )
        s.flush()
        refresh_person(s, person_id, TODAY)


def stored(services: Services, person_id: int) -> tuple[str, list[tuple[str, dt.date, str]]]:
    with services.db.read() as s:
        status = s.scalar(select(Person.status).where(Person.id == person_id)) or ""
        rows = s.execute(
            select(PersonDeadline.kind, PersonDeadline.due_date, PersonDeadline.rule_set)
            .where(PersonDeadline.person_id == person_id)
            .order_by(PersonDeadline.due_date, PersonDeadline.kind)
        ).all()
    return status, [(k, d, r) for k, d, r in rows]


def count(services: Services, model: type[object]) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def pid(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    return register(services, admin, site_ids["shelter"])


def test_identification_starts_reflection_and_stores_status_and_deadlines(
    services: Services, admin: Actor, pid: int
) -> None:
    assert stored(services, pid)[0] == "presumed"
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    view = services.cases.record_event(admin, pid, IDENTIFIED)
    assert view.kind is EventKind.IDENTIFICATION and view.authority is Authority.IMMIGRATION_SERVICE
    assert view.created_by_id == admin.user_id and not view.voided
    status, deadlines = stored(services, pid)
    assert status == "reflection"
    assert ("reflection_end", dt.date(2026, 12, 10), "2013+") in deadlines
    assert ("reflection_max_end", dt.date(2027, 3, 10), "2013+") in deadlines
    with services.db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.person_id == pid)).all()
    assert actions.count("case_event.add") == 2


@pytest.mark.parametrize(
    ("before", "event", "field", "code"),
    [
        (
            [FIRST_CONTACT],
            EventInput(
                EventKind.IDENTIFICATION,
                dt.date(2026, 10, 20),
                authority=Authority.IMMIGRATION_SERVICE,
                outcome=Outcome.IDENTIFIED,
            ),
            "date",
            "identification_before_first_contact",
        ),
        (
            [
                EventInput(EventKind.FIRST_CONTACT, dt.date(2026, 6, 1)),
                EventInput(
                    EventKind.IDENTIFICATION,
                    dt.date(2026, 6, 10),
                    authority=Authority.IMMIGRATION_SERVICE,
                    outcome=Outcome.IDENTIFIED,
                    legal_stay=LegalStay.NONE,
                ),
            ],
            EventInput(
                EventKind.REFLECTION_EXTENSION_DECIDED,
                dt.date(2026, 7, 1),
                end_date=dt.date(2026, 10, 20),
                outcome=Outcome.GRANTED,
            ),
            "end_date",
            "reflection_beyond_maximum",
        ),
        (
            [FIRST_CONTACT, IDENTIFIED],
            EventInput(EventKind.PERMIT_GRANTED, dt.date(2026, 11, 20)),
            "kind",
            "permit_without_police_application",
        ),
        (
            [FIRST_CONTACT],
            EventInput(EventKind.AVR_DEPARTURE, dt.date(2026, 11, 20)),
            "date",
            "departure_before_referral",
        ),
        (
            [FIRST_CONTACT, IDENTIFIED],
            EventInput(
                EventKind.REFLECTION_EXTENSION_DECIDED,
                dt.date(2026, 11, 20),
                end_date=dt.date(2026, 11, 19),
                outcome=Outcome.GRANTED,
            ),
            "end_date",
            "end_before_start",
        ),
        (
            [],
            EventInput(EventKind.FIRST_CONTACT, TODAY + dt.timedelta(days=1)),
            "date",
            "event_in_future",
        ),
        (
            [],
            EventInput(EventKind.PERMIT_APPLICATION, dt.date(2026, 11, 20)),
            "applicant",
            "permit_applicant_not_police",
        ),
    ],
)
def test_impossible_events_are_refused_and_nothing_is_written(
    services: Services,
    admin: Actor,
    pid: int,
    before: list[EventInput],
    event: EventInput,
    field: str,
    code: str,
) -> None:
    for e in before:
        services.cases.record_event(admin, pid, e)
    events, audits, state = (
        count(services, CaseEvent),
        count(services, AuditEvent),
        stored(services, pid),
    )
    with pytest.raises(Invalid) as err:
        services.cases.record_event(admin, pid, event)
    assert (err.value.field, err.value.code) == (field, code)
    assert err.value.message  # a sentence for the user, not just the code
    assert count(services, CaseEvent) == events
    assert count(services, AuditEvent) == audits
    assert stored(services, pid) == state


def test_permit_after_police_application_is_accepted(
    services: Services, admin: Actor, pid: int
) -> None:
    for e in (
        FIRST_CONTACT,
        IDENTIFIED,
        EventInput(EventKind.PERMIT_APPLICATION, dt.date(2026, 11, 15), applicant=Authority.POLICE),
        EventInput(EventKind.PERMIT_GRANTED, dt.date(2026, 11, 20)),
    ):
        services.cases.record_event(admin, pid, e)
    status, deadlines = stored(services, pid)
    assert status == "permit"
    assert ("permit_expiry", dt.date(2027, 5, 20), "2013+") in deadlines


def test_void_keeps_the_event_and_recomputes(services: Services, admin: Actor, pid: int) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    ident = services.cases.record_event(admin, pid, IDENTIFIED)
    voided = services.cases.void_event(admin, ident.id, "Entered on the wrong person")
    assert voided.voided and voided.voided_reason == "Entered on the wrong person"
    status, deadlines = stored(services, pid)
    assert status == "presumed"
    assert not [d for d in deadlines if d[0].startswith("reflection")]
    history = services.cases.history(admin, pid)
    assert [(e.kind, e.voided) for e in history] == [
        (EventKind.FIRST_CONTACT, False),
        (EventKind.IDENTIFICATION, True),
    ]
    assert len(services.cases.history(admin, pid, include_voided=False)) == 1
    # The identification can be entered again once the wrong one is void.
    services.cases.record_event(admin, pid, IDENTIFIED)
    assert stored(services, pid)[0] == "reflection"


def test_void_needs_a_reason_and_happens_once(services: Services, admin: Actor, pid: int) -> None:
    event = services.cases.record_event(admin, pid, FIRST_CONTACT)
    with pytest.raises(Invalid) as err:
        services.cases.void_event(admin, event.id, "  ")
    assert err.value.field == "reason"
    assert not services.cases.history(admin, pid)[0].voided
    services.cases.void_event(admin, event.id, "duplicate")
    with pytest.raises(Conflict):
        services.cases.void_event(admin, event.id, "again")
    with pytest.raises(NotFound):
        services.cases.void_event(admin, 999_999, "missing")


def test_history_is_in_date_order_whatever_the_entry_order(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, EventInput(EventKind.NOTE, dt.date(2026, 11, 12)))
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    assert [e.date for e in services.cases.history(admin, pid)] == [
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 10),
        dt.date(2026, 11, 12),
    ]


def test_archived_person_takes_no_new_events(services: Services, admin: Actor, pid: int) -> None:
    services.persons.archive(admin, pid, "moved away")
    with pytest.raises(Conflict):
        services.cases.record_event(admin, pid, FIRST_CONTACT)


def test_unknown_person_is_not_found(services: Services, admin: Actor) -> None:
    with pytest.raises(NotFound):
        services.cases.record_event(admin, 424242, FIRST_CONTACT)


def test_permissions_follow_the_matrix(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int
) -> None:
    stats = make_user(services, admin, "stella", Role.STATISTICS, None)
    nurse = make_user(services, admin, "nora", Role.NURSE, site_ids["shelter"])
    here = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    there = make_user(services, admin, "tove", Role.SHELTER_STAFF, site_ids["clinic"])
    mine = make_user(services, admin, "carla", Role.CONTACT_PERSON, site_ids["clinic"])
    other = make_user(services, admin, "olga", Role.CONTACT_PERSON, site_ids["clinic"])
    assign_contact(services, pid, mine.user_id)

    for actor in (stats, nurse, there, other):
        with pytest.raises(Forbidden):
            services.cases.record_event(actor, pid, FIRST_CONTACT)
    first = services.cases.record_event(here, pid, FIRST_CONTACT)  # same site may add
    services.cases.record_event(mine, pid, IDENTIFIED)  # own caseload may add
    # Correcting moves legal deadlines: shelter staff may not, the contact person may.
    with pytest.raises(Forbidden):
        services.cases.void_event(here, first.id, "typo")
    with pytest.raises(Forbidden):
        services.cases.void_event(other, first.id, "typo")
    services.cases.void_event(mine, first.id, "typo")
    with pytest.raises(Forbidden):
        services.cases.history(stats, pid)
    assert len(services.cases.history(mine, pid)) == 2
