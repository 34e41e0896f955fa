"""The demo-data generator: deterministic, complete, valid under the rules, searchable."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Forbidden
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
    PlanTask,
    PlanTemplate,
    Referral,
    Site,
    User,
    Visit,
)
from clinic_app.rules import (
    BirthFact,
    EventFact,
    PersonFacts,
    age_on,
    compute_timeline,
    eighteenth_birthday,
    validate_history,
)
from clinic_app.security.context import Actor
from clinic_app.security.passwords import PRODUCTION, needs_rehash
from clinic_app.services.clinic_common import CODE_ALPHABET, CODE_LENGTH, CODE_PREFIX
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.database import Database
from clinic_app.services.demo_data import DEMO_USERS, DemoSummary, generate_demo_data
from clinic_app.services.facts_loader import refresh_all
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.statistics import StatsQuery
from clinic_app.services.text import fold
from clinic_app.services.visits import REFERRAL_SPECIALTIES, VisitReferral, clean_referral
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
LARGE = 4000  # where a clinic site's current caseload outgrows a single contact person


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
                    e.ground,
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
    assert "2013+" in rule_sets
    # An old case still cites the 2011 rules (closed cases keep no live legal deadline, so
    # the citation is in the timeline, not among the stored deadlines).
    old = [
        compute_timeline(PersonFacts(events=tuple(evs)), TODAY).reflection.rule_set_id
        for evs in _events_by_person(services.db).values()
    ]
    assert "2011" in old


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
    services_fast = build_services(services.db, hasher=FAST_HASHER, clock=lambda: TODAY, demo=True)
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
        svc = build_services(db, hasher=FAST_HASHER, clock=lambda: TODAY, demo=True)
        admin = _login(svc, "admin")
        created = svc.persons.register(admin, PersonInput(names=(NameInput("Ana Conceição"),)))
        assert created.id == 31
        assert svc.persons.search(admin, "conceicao").total >= 1
    finally:
        db.dispose()


# --- consistency with the services that consume the data --------------------------------------


def test_visitor_codes_are_issued_as_the_clinic_issues_them(
    services: Services, demo: DemoSummary
) -> None:
    pattern = re.compile(f"^{re.escape(CODE_PREFIX)}[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
    with services.db.read() as s:
        codes = list(s.scalars(select(AnonymousVisitor.code)))
    assert codes and len(set(codes)) == len(codes)
    assert [c for c in codes if not pattern.match(c)] == []
    assert not set("".join(c[len(CODE_PREFIX) :] for c in codes)) & set("0O1ILU")
    nurse = _login(services, "nurse")
    typed = codes[0].lower().replace("-", " ")  # as read aloud from a card
    assert services.visitors.find_by_code(nurse, typed).code == codes[0]


def test_linked_visitors_carry_their_visits_and_referrals_to_the_person(
    services: Services, demo: DemoSummary
) -> None:
    with services.db.read() as s:
        linked = s.execute(
            select(AnonymousVisitor.id, AnonymousVisitor.linked_person_id).where(
                AnonymousVisitor.linked_person_id.is_not(None)
            )
        ).all()
        assert linked
        for visitor_id, person_id in linked:
            visits = set(s.scalars(select(Visit.person_id).where(Visit.visitor_id == visitor_id)))
            referrals = set(
                s.scalars(select(Referral.person_id).where(Referral.visitor_id == visitor_id))
            )
            assert visits == {person_id}
            assert referrals <= {person_id}
        unlinked = s.scalar(
            select(func.count())
            .select_from(Visit)
            .join(AnonymousVisitor, AnonymousVisitor.id == Visit.visitor_id)
            .where(AnonymousVisitor.linked_person_id.is_(None), Visit.person_id.is_not(None))
        )
    assert unlinked == 0


def test_outing_contacts_include_every_recorded_visit(other_db: Database) -> None:
    # Enough visitors that an outing records more visits than quick contacts.
    generate_demo_data(other_db, persons=LARGE, seed=1, today=TODAY)
    with other_db.read() as s:
        rows = s.execute(
            select(MobileOuting.id, MobileOuting.contacts_made, func.count(Visit.id))
            .outerjoin(Visit, Visit.outing_id == MobileOuting.id)
            .group_by(MobileOuting.id, MobileOuting.contacts_made)
        ).all()
    assert any(visits for _, _, visits in rows)
    assert [(oid, made, n) for oid, made, n in rows if made < n] == []


def test_referral_specialties_are_ones_the_clinic_accepts(
    services: Services, demo: DemoSummary
) -> None:
    with services.db.read() as s:
        specialties = set(s.scalars(select(Referral.specialty).distinct()))
    assert specialties
    assert specialties <= set(REFERRAL_SPECIALTIES)
    for specialty in specialties:  # the service's own cleaning keeps them as they are
        assert clean_referral(VisitReferral(specialty, "x")).specialty == specialty


def _version_tasks(s: Session, version_id: int) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in s.execute(
            select(
                PlanGoal.position,
                PlanGoal.area,
                PlanGoal.title,
                PlanTask.position,
                PlanTask.description,
                PlanTask.status,
                PlanTask.due_date,
                PlanTask.note,
                PlanTask.responsible_user_id,
                PlanTask.responsible_partner_id,
            )
            .join(PlanTask, PlanTask.goal_id == PlanGoal.id)
            .where(PlanGoal.plan_version_id == version_id)
            .order_by(PlanGoal.position, PlanTask.position)
        )
    ]


def test_plan_versions_are_agreed_after_creation_and_drafts_edit_a_copy(
    services: Services, demo: DemoSummary
) -> None:
    with services.db.read() as s:
        versions = list(s.scalars(select(ActionPlanVersion).order_by(ActionPlanVersion.id)))
        agreed = [v for v in versions if v.state is PlanState.AGREED]
        assert agreed
        assert [v.id for v in agreed if v.agreed_at is None or v.agreed_at < v.created_at] == []
        by_plan = {(v.plan_id, v.number): v for v in versions}
        drafts = [v for v in versions if v.state is PlanState.DRAFT]
        assert drafts
        for draft in drafts:
            before = by_plan[(draft.plan_id, draft.number - 1)]
            assert before.state is PlanState.AGREED
            assert before.agreed_at is not None and draft.created_at >= before.agreed_at
            old, new = _version_tasks(s, before.id), _version_tasks(s, draft.id)
            goals = {r[:3] for r in old}
            assert {r[:3] for r in new} == goals  # the same goals, copied
            kept = set(old) & set(new)
            changed = len(new) - len(kept)
            # One to three edits; everything else exactly as agreed (progress not reset).
            assert 1 <= changed <= 3, (draft.plan_id, changed)
            assert len(old) - len(kept) <= 3


def test_plan_diff_of_a_draft_shows_the_few_edits(services: Services, demo: DemoSummary) -> None:
    with services.db.read() as s:
        plan_id, person_id = s.execute(
            select(ActionPlan.id, ActionPlan.person_id)
            .join(ActionPlanVersion, ActionPlanVersion.plan_id == ActionPlan.id)
            .where(ActionPlanVersion.state == PlanState.DRAFT)
            .order_by(ActionPlan.id)
            .limit(1)
        ).one()
    teamlead = _login(services, "teamlead")
    diff = services.plans.diff_versions(teamlead, plan_id, 1, 2)
    assert diff is not None
    assert services.plans.get(teamlead, plan_id).id == plan_id
    assert services.plans.list_for_person(teamlead, person_id)


def test_caseloads_are_spread_over_enough_contact_persons(other_db: Database) -> None:
    generate_demo_data(other_db, persons=LARGE, seed=1, today=TODAY)
    with other_db.read() as s:
        loads = s.execute(
            select(User.username, func.count())
            .join(ContactPersonAssignment, ContactPersonAssignment.user_id == User.id)
            .where(ContactPersonAssignment.to_date.is_(None))
            .group_by(User.username)
        ).all()
        names = list(s.scalars(select(User.display_name)))
        usernames = set(s.scalars(select(User.username)))
    assert loads
    assert max(n for _, n in loads) <= 400
    assert {"contact1", "contact2"} <= {u for u, _ in loads}  # demo users keep a caseload
    assert len(set(names)) == len(names)
    assert {u for u, _, _, _ in DEMO_USERS} < usernames


def test_demo_users_use_the_services_without_errors(services: Services, other_db: Database) -> None:
    generate_demo_data(other_db, persons=300, seed=1, today=TODAY)
    svc = build_services(other_db, hasher=FAST_HASHER, clock=lambda: TODAY, demo=True)
    actors = {user: _login(svc, user) for user, _, _, _ in DEMO_USERS}
    with other_db.read() as s:
        sites = {code: sid for sid, code in s.execute(select(Site.id, Site.code))}
        people = list(s.scalars(select(Person.id).order_by(Person.id).limit(40)))
        caseload = list(
            s.scalars(
                select(ContactPersonAssignment.person_id).where(
                    ContactPersonAssignment.user_id == actors["contact1"].user_id,
                    ContactPersonAssignment.to_date.is_(None),
                )
            )
        )
        plans = list(s.scalars(select(ActionPlan.id).where(ActionPlan.person_id.in_(caseload))))
        drafts = set(
            s.scalars(
                select(ActionPlanVersion.plan_id).where(
                    ActionPlanVersion.state == PlanState.DRAFT,
                    ActionPlanVersion.plan_id.in_(plans),
                )
            )
        )
        visitors = s.execute(select(AnonymousVisitor.id, AnonymousVisitor.code).limit(15)).all()
        busy_day = s.execute(
            select(Visit.site_id, func.date(Visit.visited_at), func.count())
            .group_by(Visit.site_id, func.date(Visit.visited_at))
            .order_by(func.count().desc())
            .limit(1)
        ).one()
    assert caseload and plans and drafts and visitors

    admin, teamlead, nurse = actors["admin"], actors["teamlead"], actors["nurse"]
    contact = actors["contact1"]
    for query in ("", "a", "1998", "popescu"):
        svc.persons.search(admin, query)
        svc.persons.search(actors["staff"], query)
        svc.persons.search(contact, query)
    for pid in people:
        svc.persons.get(admin, pid)
        svc.timeline.timeline(admin, pid)
    for pid in caseload:
        svc.persons.get(contact, pid)
        svc.timeline.timeline(contact, pid)
        svc.plans.list_for_person(contact, pid)
    for plan_id in plans:
        detail = svc.plans.get(contact, plan_id)
        svc.plans.get(teamlead, plan_id)
        if plan_id in drafts:
            newest = max(v.number for v in detail.versions)
            svc.plans.diff_versions(contact, plan_id, newest - 1, newest)
    assert svc.dashboard.dashboard(contact, "caseload").items
    for user in ("contact2", "teamlead", "admin"):
        svc.dashboard.dashboard(actors[user], "caseload")
    for user in ("teamlead", "staff", "contact1"):
        svc.dashboard.dashboard(actors[user], "site")
    with pytest.raises(Forbidden):  # another site's list says who stays there
        svc.dashboard.dashboard(admin, "site", sites["SHJ"])
    site_id, day, count = busy_day
    assert len(svc.visits.day_view(nurse, site_id, dt.date.fromisoformat(str(day)))) == count
    for code in ("CVB", "CAA", "CFR", "MUZ", "MUJ"):
        svc.visits.day_view(nurse, sites[code], TODAY)
    for visitor_id, code in visitors:
        assert svc.visitors.find_by_code(nurse, code).id == visitor_id
        assert svc.visitors.history(nurse, visitor_id)
    svc.referrals.open_referrals(nurse)
    svc.referrals.open_referrals(teamlead, sites["CVB"])
    for user in ("stats", "admin", "teamlead"):
        report = svc.statistics.report(actors[user], StatsQuery.for_years(2024, 2026))
        assert report is not None
    svc.close()


def test_demo_consents_let_a_status_confirmation_go_to_the_lawyer(
    services: Services, demo: DemoSummary
) -> None:
    """Demo consents are stored as the consent service stores them, so printing works."""
    from clinic_app.models import Consent, Partner
    from clinic_app.vocabulary import DocumentType

    with services.db.read() as s:
        consent = s.scalars(
            select(Consent)
            .join(Partner, Partner.id == Consent.partner_id)
            .where(Partner.name.startswith("Advokatfirma"), Consent.withdrawn_at.is_(None))
            .where((Consent.valid_to.is_(None)) | (Consent.valid_to >= services.clock()))
        ).first()
    assert consent is not None
    admin = _login(services, "admin")
    doc = services.documents.prepare(
        admin, DocumentType.STATUS_CONFIRMATION, consent.person_id, consent.partner_id, "en"
    )
    assert doc.consent_id == consent.id and doc.pages >= 1
