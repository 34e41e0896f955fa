"""Contact persons and guardians through the service layer: assignment rules, history,
caseload, missing-person alerts, guardians for minors and the turning-18 transition."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import ActionPlan, AuditEvent, ContactPersonAssignment, PersonDeadline
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import PlanInput
from clinic_app.services.cases import EventInput
from clinic_app.services.contacts import GuardianInput, current_guardian
from clinic_app.services.container import Services, build_services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    EventKind,
    LegalStay,
    Outcome,
    Role,
    Sex,
)
from tests.conftest import FAST_HASHER, TODAY, make_user

IDENTIFIED = EventInput(
    EventKind.IDENTIFICATION,
    dt.date(2026, 11, 10),
    authority=Authority.IMMIGRATION_SERVICE,
    outcome=Outcome.IDENTIFIED,
    legal_stay=LegalStay.NONE,
)


def register(services: Services, admin: Actor, site_id: int | None, **kw: object) -> int:
    data: dict[str, object] = {
        "names": (NameInput("Irina Popescu", preferred=True),),
        "sex": Sex.FEMALE,
        "birth_certainty": BirthCertainty.ESTIMATED_YEAR,
        "birth_year": 1996,
        "nationality": "RO",
        "site_id": site_id,
    }
    data.update(kw)
    return services.persons.register(admin, PersonInput(**data)).id  # type: ignore[arg-type]


def minor(services: Services, admin: Actor, site_id: int | None, adult_on: dt.date) -> int:
    """A fictional minor with an exact birth date who turns 18 on ``adult_on``."""
    return register(
        services,
        admin,
        site_id,
        names=(NameInput("Ana Lungu", preferred=True),),
        birth_certainty=BirthCertainty.EXACT,
        birth_date=adult_on.replace(year=adult_on.year - 18),
    )


def deadline_kinds(services: Services, person_id: int) -> set[str]:
    with services.db.read() as s:
        return set(
            s.scalars(select(PersonDeadline.kind).where(PersonDeadline.person_id == person_id))
        )


def audit_actions(services: Services, person_id: int) -> list[str]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditEvent.action).where(AuditEvent.person_id == person_id)))


@pytest.fixture
def carla(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "carla", Role.CONTACT_PERSON, site_ids["shelter"])


@pytest.fixture
def dorte(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "dorte", Role.CONTACT_PERSON, site_ids["shelter"])


def test_one_current_contact_person_with_history(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, dorte: Actor
) -> None:
    pid = register(services, admin, site_ids["shelter"])
    first = services.contacts.assign(admin, pid, carla.user_id, from_date=dt.date(2026, 11, 2))
    assert first.contact is not None and first.contact.username == "carla"
    assert first.contact.from_date == dt.date(2026, 11, 2) and first.contact.to_date is None

    with pytest.raises(Invalid) as err:
        services.contacts.assign(admin, pid, dorte.user_id)
    assert (err.value.field, err.value.code) == ("reason", "required")
    assert services.contacts.overview(admin, pid).contact.username == "carla"  # type: ignore[union-attr]

    with pytest.raises(Invalid) as err:
        services.contacts.assign(admin, pid, carla.user_id, reason="again")
    assert err.value.code == "already_current"

    second = services.contacts.assign(admin, pid, dorte.user_id, reason="Carla on leave")
    assert second.contact is not None and second.contact.username == "dorte"
    assert second.contact.reason == "Carla on leave"
    closed = [c for c in second.contact_history if not c.current]
    assert [(c.username, c.to_date) for c in closed] == [("carla", TODAY)]
    assert len(second.contact_history) == 2
    assert "contact_person.reassign" in audit_actions(services, pid)


def test_schema_refuses_two_open_assignments(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, dorte: Actor
) -> None:
    pid = register(services, admin, site_ids["shelter"])
    services.contacts.assign(admin, pid, carla.user_id)
    with pytest.raises(IntegrityError), services.db.write() as s:
        s.execute(
            insert(ContactPersonAssignment).values(
                person_id=pid, user_id=dorte.user_id, from_date=TODAY, reason=""
            )
        )


def test_caseload_follows_the_current_assignment(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, dorte: Actor
) -> None:
    a = register(services, admin, site_ids["shelter"])
    b = register(services, admin, site_ids["shelter"], names=(NameInput("Olena Koval"),))
    services.contacts.assign(admin, a, carla.user_id)
    services.contacts.assign(admin, b, carla.user_id)
    assert {i.person_id for i in services.contacts.caseload(carla)} == {a, b}
    services.contacts.assign(admin, b, dorte.user_id, reason="Moved to Dorte's team")
    assert [i.person_id for i in services.contacts.caseload(carla)] == [a]
    assert [i.person_id for i in services.contacts.caseload(dorte)] == [b]


def test_missing_contact_person_is_an_alert_until_assigned(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor
) -> None:
    pid = register(services, admin, site_ids["shelter"])
    services.cases.record_event(admin, pid, IDENTIFIED)
    assert "contact_person_missing" in deadline_kinds(services, pid)
    services.contacts.assign(admin, pid, carla.user_id)
    assert "contact_person_missing" not in deadline_kinds(services, pid)
    services.contacts.end_contact(admin, pid, "Carla left the organisation")
    assert "contact_person_missing" in deadline_kinds(services, pid)
    assert services.contacts.caseload(carla) == ()


def test_only_administrators_and_team_leads_assign(
    services: Services, admin: Actor, site_ids: dict[str, int], staff: Actor, carla: Actor
) -> None:
    pid = register(services, admin, site_ids["shelter"])
    with pytest.raises(Forbidden):
        services.contacts.assign(staff, pid, carla.user_id)
    with pytest.raises(Forbidden):
        services.contacts.assign(carla, pid, carla.user_id)
    lead = make_user(services, admin, "lene", Role.TEAM_LEAD, site_ids["shelter"])
    assert services.contacts.assign(lead, pid, carla.user_id).contact is not None
    stats = make_user(services, admin, "stig", Role.STATISTICS, None)
    with pytest.raises(Invalid) as err:
        services.contacts.assign(lead, pid, stats.user_id, reason="test")
    assert err.value.code == "not_staff"


def test_minor_without_guardian_is_overdue_until_one_is_recorded(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor
) -> None:
    pid = minor(services, admin, site_ids["shelter"], dt.date(2028, 5, 1))
    assert "guardian_missing" in deadline_kinds(services, pid)
    services.contacts.assign(admin, pid, carla.user_id)
    view = services.contacts.record_guardian(
        carla,
        pid,
        GuardianInput("Karen Holm", "Børn og Unge", "+45 33 12 34 56", "karen@example.dk"),
    )
    assert view.guardian is not None and view.guardian.name == "Karen Holm"
    assert not view.guardian_missing and view.is_minor
    assert "guardian_missing" not in deadline_kinds(services, pid)
    # Replacing a guardian needs a reason and keeps the first in the history.
    with pytest.raises(Invalid) as err:
        services.contacts.record_guardian(carla, pid, GuardianInput("Peter Lund"))
    assert err.value.field == "reason"
    view = services.contacts.record_guardian(
        carla, pid, GuardianInput("Peter Lund"), reason="Karen retired"
    )
    assert view.guardian is not None and view.guardian.name == "Peter Lund"
    assert [g.name for g in view.guardian_history if not g.current] == ["Karen Holm"]


def test_guardian_input_is_checked_and_adults_get_none(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    child = minor(services, admin, site_ids["shelter"], dt.date(2029, 1, 1))
    with pytest.raises(Invalid) as err:
        services.contacts.record_guardian(admin, child, GuardianInput("  "))
    assert err.value.field == "name"
    with pytest.raises(Invalid) as err:
        services.contacts.record_guardian(admin, child, GuardianInput("K", email="no-at-sign"))
    assert err.value.field == "email"
    for bad in ("karen@", "@example.dk", "karen@example", "karen@@example.dk", "ka ren@x.dk"):
        with pytest.raises(Invalid) as err:
            services.contacts.record_guardian(admin, child, GuardianInput("K", email=bad))
        assert (err.value.field, err.value.code) == ("email", "bad_email"), bad
    adult = register(services, admin, site_ids["shelter"])
    with pytest.raises(Invalid) as err:
        services.contacts.record_guardian(admin, adult, GuardianInput("Karen Holm"))
    assert err.value.code == "not_minor"


def test_other_contact_person_cannot_edit_guardian(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, dorte: Actor
) -> None:
    pid = minor(services, admin, site_ids["shelter"], dt.date(2028, 5, 1))
    services.contacts.assign(admin, pid, carla.user_id)
    with pytest.raises(Forbidden):
        services.contacts.record_guardian(dorte, pid, GuardianInput("Karen Holm"))


def test_turning_18_ends_guardianship_reviews_plan_and_ends_access(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor
) -> None:
    adult_on = TODAY + dt.timedelta(days=20)
    pid = minor(services, admin, site_ids["shelter"], adult_on)
    services.contacts.assign(admin, pid, carla.user_id)
    services.contacts.record_guardian(carla, pid, GuardianInput("Karen Holm"))
    plan = services.plans.create(
        carla,
        pid,
        PlanInput("Plan", TODAY, review_date=dt.date(2027, 3, 1)),
        template_key="minor",
    )
    later_child = minor(services, admin, site_ids["shelter"], TODAY + dt.timedelta(days=90))
    services.contacts.record_guardian(admin, later_child, GuardianInput("Jens Berg"))

    due = services.contacts.transitions_due(carla)
    assert [(t.person_id, t.days_left, t.uncertain) for t in due] == [(pid, 20, False)]
    assert due[0].guardian_name == "Karen Holm"
    assert [t.person_id for t in services.contacts.transitions_due(admin, 120)] == [
        pid,
        later_child,
    ]
    overview = services.contacts.overview(carla, pid)
    assert overview.transition_due and not overview.may_end_at_18

    with pytest.raises(Invalid) as err:
        services.contacts.end_guardianship_at_18(carla, pid, "Turned 18")
    assert err.value.code == "not_yet_18"

    later = adult_on + dt.timedelta(days=2)
    after = build_services(services.db, hasher=FAST_HASHER, clock=lambda: later)
    assert after.contacts.overview(carla, pid).may_end_at_18
    view = after.contacts.end_guardianship_at_18(carla, pid, "Turned 18")
    assert view.guardian is None and not view.is_minor and not view.guardian_missing
    assert view.guardian_history[0].ended_date == later
    with services.db.read() as s:
        assert current_guardian(s, pid) is None
        assert s.get(ActionPlan, plan.id).review_date == later  # type: ignore[union-attr]
    assert after.contacts.current_guardian(carla, pid) is None
    assert [t.person_id for t in after.contacts.transitions_due(carla)] == []
    assert "guardian.end_at_18" in audit_actions(services, pid)


def test_estimated_birth_year_transition_is_flagged_uncertain(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    # Estimated years count from 1 July: born "2008" turns 18 on 1 July 2026, already past.
    pid = register(
        services,
        admin,
        site_ids["shelter"],
        birth_certainty=BirthCertainty.AGE_ASSESSED,
        assessment_date=dt.date(2026, 1, 10),
        assessed_age=17,
    )
    services.contacts.record_guardian(admin, pid, GuardianInput("Karen Holm"))
    (due,) = services.contacts.transitions_due(admin)
    assert due.uncertain and due.turns_18_on == dt.date(2027, 1, 10)
    assert due.days_left == (dt.date(2027, 1, 10) - TODAY).days
