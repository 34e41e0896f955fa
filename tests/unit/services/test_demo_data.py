"""The demo-data generator: deterministic, complete, valid under the rules, searchable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clinic_app.errors import Conflict
from clinic_app.models import (
    ActionPlan,
    ActionPlanVersion,
    AnonymousVisitor,
    AuditEvent,
    CaseEvent,
    ContactPersonAssignment,
    GuardianAssignment,
    MobileOuting,
    Person,
    PersonDeadline,
    PersonName,
    PlanGoal,
    PlanTemplate,
    User,
    Visit,
)
from clinic_app.rules import BirthFact, EventFact, age_on, eighteenth_birthday, validate_history
from clinic_app.security.context import Actor
from clinic_app.security.passwords import PRODUCTION, needs_rehash
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.database import Database
from clinic_app.services.demo_data import DEMO_USERS, DemoSummary, generate_demo_data
from clinic_app.services.facts_loader import refresh_all
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.text import fold
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    EventKind,
    LegalStay,
    PlanArea,
    PlanState,
    Role,
)
from tests.conftest import FAST_HASHER, TODAY
from tests.integration.conftest import pg_server, pg_url  # noqa: F401 - fixtures

PERSONS = 200


@pytest.fixture
def demo(services: Services) -> DemoSummary:
    return generate_demo_data(services.db, persons=PERSONS, seed=1, today=TODAY)


@pytest.fixture
def other_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    yield db
    db.dispose()


def _login(services: Services, username: str) -> Actor:
    password = next(pw for user, pw, _, _ in DEMO_USERS if user == username)
    return services.users.authenticate(username, password, "test-pc")


def _identities(db: Database) -> list[tuple[str, str, int | None]]:
    with db.read() as s:
        rows = s.execute(
            select(Person.case_ref, Person.display_name, Person.birth_year).order_by(Person.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _events_by_person(db: Database) -> dict[int, list[EventFact]]:
    out: dict[int, list[EventFact]] = {}
    with db.read() as s:
        for e in s.scalars(select(CaseEvent).where(CaseEvent.voided_at.is_(None))):
            out.setdefault(e.person_id, []).append(
                EventFact(
                    e.kind,
                    e.event_date,
                    e.end_date,
                    e.authority,
                    e.outcome,
                    e.legal_stay,
                    e.applicant,
                    e.id,
                )
            )
    return out


def _birth(p: Person) -> BirthFact:
    return BirthFact(
        p.birth_certainty, p.birth_date, p.birth_year, p.assessment_date, p.assessed_age
    )


def test_same_seed_same_data_other_seed_other_data(
    services: Services, demo: DemoSummary, other_db: Database, tmp_path: Path
) -> None:
    generate_demo_data(other_db, persons=PERSONS, seed=1, today=TODAY)
    assert _identities(services.db) == _identities(other_db)
    third = open_database(f"sqlite:///{tmp_path / 'third.db'}")
    try:
        generate_demo_data(third, persons=PERSONS, seed=2, today=TODAY)
        assert _identities(third) != _identities(services.db)
    finally:
        third.dispose()


def test_summary_counts_match_database(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:

        def count(model: type) -> int:
            return s.scalar(select(func.count()).select_from(model)) or 0

        assert demo.persons == count(Person) == PERSONS
        assert demo.visitors == count(AnonymousVisitor) > 0
        assert demo.visits == count(Visit) > 0
        assert demo.outings == count(MobileOuting) > 0
        assert demo.users == count(User) >= len(DEMO_USERS)
        minors = sum(
            1 for p in s.scalars(select(Person)) if (age_on(_birth(p), TODAY)[0] or 99) < 18
        )
        assert demo.minors == minors > 0
        assert count(AuditEvent) == 0  # demo data is not a user action
        assert count(PlanTemplate) >= 4
    assert demo.seconds > 0


def test_every_legal_stage_is_represented(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:
        kinds = set(s.scalars(select(CaseEvent.kind).distinct()))
        authorities = set(
            s.scalars(select(CaseEvent.authority).where(CaseEvent.kind == EventKind.IDENTIFICATION))
        )
        stays = set(
            s.scalars(select(CaseEvent.legal_stay).where(CaseEvent.legal_stay.is_not(None)))
        )
        statuses = set(s.scalars(select(Person.status).distinct()))
    assert kinds == set(EventKind)
    assert {Authority.IMMIGRATION_SERVICE, Authority.CMM, Authority.COURT} <= authorities
    assert {LegalStay.NONE, LegalStay.ASYLUM_SEEKER, LegalStay.EU_CITIZEN} <= stays
    assert {"closed", "returned", "permit", "presumed"} <= statuses


def test_histories_pass_rules_validation(services: Services, demo: DemoSummary) -> None:
    events = _events_by_person(services.db)
    assert len(events) == PERSONS
    problems = {
        pid: [v.code for v in validate_history(evs, today=TODAY)] for pid, evs in events.items()
    }
    assert {pid: codes for pid, codes in problems.items() if codes} == {}


def test_deadlines_and_status_come_from_the_rules(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:
        kinds = set(s.scalars(select(PersonDeadline.kind).distinct()))
        rule_sets = set(s.scalars(select(PersonDeadline.rule_set).distinct()))
    assert {"reflection_end", "permit_expiry", "avr_follow_up_end", "plan_review"} <= kinds
    assert {"2011", "2013+"} <= rule_sets  # an old case still cites the 2011 rules


def test_stored_status_and_deadlines_equal_a_service_refresh(
    services: Services, demo: DemoSummary
) -> None:
    # The services' own recomputation finds nothing to change: derived columns match.
    report = refresh_all(services.db, TODAY)
    assert report.persons > 0
    assert report.changed == 0


def test_progress_is_reported(other_db: Database) -> None:
    calls: list[tuple[str, int, int]] = []
    generate_demo_data(other_db, persons=20, today=TODAY, progress=lambda *a: calls.append(a))
    stages = [c[0] for c in calls]
    assert "persons" in stages and "visitors" in stages
    assert ("persons", 20, 20) in calls


def test_minors_have_a_current_guardian(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:
        guarded = set(
            s.scalars(
                select(GuardianAssignment.person_id).where(GuardianAssignment.ended_date.is_(None))
            )
        )
        minors = [
            p.id for p in s.scalars(select(Person)) if (age_on(_birth(p), TODAY)[0] or 99) < 18
        ]
    assert minors
    assert set(minors) <= guarded


def test_one_minor_turns_18_within_60_days_with_a_child_plan(
    services: Services, demo: DemoSummary
) -> None:
    with services.db.read() as s:
        soon = [
            p
            for p in s.scalars(select(Person).where(Person.birth_certainty == BirthCertainty.EXACT))
            if TODAY
            < (eighteenth_birthday(_birth(p))[0] or dt.date.min)
            <= TODAY + dt.timedelta(60)
        ]
        assert soon, "no minor turns 18 within 60 days"
        minor = soon[0]
        assert s.scalar(
            select(GuardianAssignment.name).where(
                GuardianAssignment.person_id == minor.id, GuardianAssignment.ended_date.is_(None)
            )
        )
        deadline = s.scalar(
            select(PersonDeadline.due_date).where(
                PersonDeadline.person_id == minor.id, PersonDeadline.kind == "turns_18"
            )
        )
        assert deadline == eighteenth_birthday(_birth(minor))[0]
        plan = s.scalar(select(ActionPlan).where(ActionPlan.person_id == minor.id))
        assert plan is not None and plan.template_key == "minor"
        areas = set(
            s.scalars(
                select(PlanGoal.area)
                .join(ActionPlanVersion, ActionPlanVersion.id == PlanGoal.plan_version_id)
                .where(
                    ActionPlanVersion.plan_id == plan.id,
                    ActionPlanVersion.state == PlanState.AGREED,
                )
            )
        )
    assert {PlanArea.SCHOOLING, PlanArea.FAMILY_TRACING, PlanArea.DURABLE_SOLUTION} <= areas


def test_contact_persons_and_plans(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:
        current = s.scalar(select(func.count()).where(ContactPersonAssignment.to_date.is_(None)))
        with_reason = s.scalar(
            select(func.count()).where(
                ContactPersonAssignment.to_date.is_not(None), ContactPersonAssignment.reason != ""
            )
        )
        states = set(s.scalars(select(ActionPlanVersion.state).distinct()))
        templates = {t.key: json.loads(t.goals_json) for t in s.scalars(select(PlanTemplate))}
    assert current and with_reason
    assert states == {PlanState.AGREED, PlanState.DRAFT}
    for goals in templates.values():
        assert all({"area", "title", "tasks"} <= set(g) for g in goals)
        assert all(PlanArea(g["area"]) for g in goals)


def test_demo_users_log_in_with_their_roles(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:
        hashes = set(s.scalars(select(User.password_hash)))
    # Production cost, and each distinct password hashed once.
    assert not any(needs_rehash(h, config=PRODUCTION) for h in hashes)
    assert len(hashes) == len({pw for _, pw, _, _ in DEMO_USERS})
    services_fast = build_services(services.db, hasher=FAST_HASHER, clock=lambda: TODAY)
    assert _login(services_fast, "admin").role is Role.ADMINISTRATOR
    assert {role for _, _, role, _ in DEMO_USERS} == set(Role)


def test_search_finds_accent_free_and_cyrillic_spellings(
    services: Services, demo: DemoSummary
) -> None:
    admin = _login(services, "admin")
    with services.db.read() as s:
        active = select(Person.id).where(Person.archived_at.is_(None))
        accented = s.execute(
            select(PersonName.person_id, PersonName.name).where(
                PersonName.person_id.in_(active), PersonName.script == "Latn"
            )
        ).all()
        cyrillic = s.execute(
            select(PersonName.person_id, PersonName.name).where(
                PersonName.person_id.in_(active), PersonName.script == "Cyrl"
            )
        ).all()
    pid, name = next((p, n) for p, n in accented if fold(n) != n.lower())
    plain = fold(name)
    assert pid in {r.id for r in services.persons.search(admin, plain, limit=1000).items}
    pid, name = cyrillic[0]
    found = services.persons.search(admin, name.split()[-1], limit=1000).items
    assert pid in {r.id for r in found}
    with services.db.read() as s:
        latin = s.scalar(
            select(PersonName.name).where(
                PersonName.person_id == pid, PersonName.is_alias, PersonName.script == "Latn"
            )
        )
    assert latin is not None  # the transliteration is recorded as an alias
    assert pid in {r.id for r in services.persons.search(admin, latin, limit=1000).items}


def test_refuses_a_database_that_already_has_persons(services: Services, demo: DemoSummary) -> None:
    with pytest.raises(Conflict):
        generate_demo_data(services.db, persons=5, today=TODAY)


@pytest.mark.postgres
def test_postgresql_services_insert_after_demo_data(request: pytest.FixtureRequest) -> None:
    # Explicit ids do not move PostgreSQL sequences; the generator must advance them.
    db = open_database(request.getfixturevalue("pg_url"))
    try:
        generate_demo_data(db, persons=30, today=TODAY)
        svc = build_services(db, hasher=FAST_HASHER, clock=lambda: TODAY)
        admin = _login(svc, "admin")
        created = svc.persons.register(admin, PersonInput(names=(NameInput("Ana Conceição"),)))
        assert created.id == 31
        assert svc.persons.search(admin, "conceicao").total >= 1
    finally:
        db.dispose()
