"""The whole permission matrix, enforced by the real services.

For every action that a service implements, every role calls a representative service
method on a person in each relation to them (someone else's person at another site, a
person of their own caseload at another site, a person at their own site). The expected
answer is the matrix in ``clinic_app.security.permissions``; the observed answer is what the
service did. A denied call changes nothing and writes exactly one audit row: the refusal
(``access.refused``, or ``document.refused`` for documents), with codes and ids only.

Every list-returning method, called by every role, shows only persons that role may see.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from clinic_app.errors import ClinicError, Forbidden
from clinic_app.models import AuditEvent, ContactPersonAssignment, Person
from clinic_app.security.context import Actor
from clinic_app.security.permissions import (
    GLOBAL_ACTIONS,
    ROLE_ORDER,
    Action,
    allowed,
    matrix,
    needs_break_glass,
)
from clinic_app.services.action_plans import GoalInput, PlanInput, PlanStamp
from clinic_app.services.audit import AuditFilter
from clinic_app.services.cases import EventInput
from clinic_app.services.consents import ConsentInput, Purpose
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.entitlements import ManualEntitlementInput
from clinic_app.services.persons import NameInput, PersonFilter, PersonInput
from clinic_app.services.plan_templates import TemplateGoal, TemplateInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.relations import relation_to
from clinic_app.services.statistics import StatsQuery
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import (
    BirthCertainty,
    ContactChannel,
    DataCategory,
    DocumentAction,
    DocumentType,
    EventKind,
    HealthService,
    PartnerKind,
    Payer,
    PlanArea,
    Role,
    SiteKind,
    VisitService,
)
from tests.conftest import TODAY, make_user
from tests.unit.services.audit_helpers import last_id


@dataclass(frozen=True)
class Rel:
    """How the person relates to the actor."""

    name: str
    own_caseload: bool
    same_site: bool


RELATIONS = (
    Rel("other site, not own caseload", False, False),
    Rel("other site, own caseload", True, False),
    Rel("same site, not own caseload", False, True),
)


@dataclass
class World:
    services: Services
    admin: Actor
    lead: Actor  # sets things up that administrators may not do (referrals)
    nurse: Actor  # records the visits the probes look at
    shelter: int
    clinic: int
    actors: dict[Role, Actor]
    lawyer: int = 0
    police: int = 0
    doctor: int = 0
    stamps: dict[int, PlanStamp] = field(default_factory=dict)

    def person(self, actor: Actor, rel: Rel, n: int) -> int:
        """A fresh person in relation ``rel`` to ``actor``."""
        site = self.shelter if rel.same_site else self.clinic
        pid = self.services.persons.register(
            self.admin,
            PersonInput(names=(NameInput(f"Test Person {n}"),), nationality="RO", site_id=site),
        ).id
        if rel.own_caseload:
            with self.services.db.write() as s:
                s.add(
                    ContactPersonAssignment(person_id=pid, user_id=actor.user_id, from_date=TODAY)
                )
        return pid


@pytest.fixture
def world(services: Services, admin: Actor, site_ids: dict[str, int]) -> World:
    shelter, clinic = site_ids["shelter"], site_ids["clinic"]
    actors = {
        role: make_user(services, admin, f"u_{role.value}", role, shelter) for role in ROLE_ORDER
    }
    lead = make_user(services, admin, "setup_lead", Role.TEAM_LEAD, clinic)
    nurse = make_user(services, admin, "setup_nurse", Role.NURSE, clinic)
    lawyer = services.reference.save_partner(admin, None, name="Lawyer", kind=PartnerKind.LEGAL)
    police = services.reference.partners(PartnerKind.POLICE)[0].id
    doctor = services.reference.save_partner(admin, None, name="GP", kind=PartnerKind.MEDICAL)
    return World(
        services, admin, lead, nurse, shelter, clinic, actors, lawyer.id, police, doctor.id
    )


# A probe performs the call and returns what the actor could do: True (allowed), False
# (denied or not shown); Forbidden counts as False. ``prepare`` makes what the call needs
# (a visit, a referral...) before the audit log is watched, and returns its id.
Probe = Callable[[World, Actor, int, int], bool]
Prepare = Callable[[World, int], int]


@dataclass(frozen=True)
class Case:
    probe: Probe
    audited: bool = True  # an allowed call writes an audit row
    prepare: Prepare | None = None


def _visit(w: World, pid: int) -> int:
    return w.services.visits.record_visit(
        w.nurse,
        VisitInput(
            site_id=w.clinic,
            person_id=pid,
            services=(next(iter(VisitService)),),
            reason="check-up",
            clinical_notes="clinical note",
        ),
    ).id


def _referral(w: World, pid: int) -> int:
    return w.services.referrals.create(
        w.lead, ReferralInput(specialty="dentist", reason="tooth ache", person_id=pid)
    ).id


def _event(w: World, pid: int) -> int:
    return w.services.cases.record_event(
        w.admin,
        pid,
        EventInput(
            kind=EventKind.FIRST_CONTACT, date=TODAY, channel=ContactChannel.STREET_OUTREACH
        ),
    ).id


def _plan(w: World, pid: int) -> int:
    """A plan with a health goal and a legal goal, agreed-ready; its stamp is kept in ``w``."""
    plans = w.services.plans
    detail = plans.create(w.admin, pid, PlanInput("Plan", TODAY))
    for area in (PlanArea.HEALTH, PlanArea.LEGAL):
        detail = plans.add_goal(
            w.admin, detail.id, GoalInput(area, f"{area.value} goal"), expected=detail.stamp
        )
    w.stamps[detail.id] = detail.stamp
    return detail.id


def _consent(w: World, pid: int) -> int:
    """The person's consent to confirm her legal status to the lawyer."""
    return w.services.consents.record(
        w.admin,
        pid,
        ConsentInput(
            Purpose.LEGAL_STATUS,
            (DataCategory.IDENTITY, DataCategory.LEGAL_STATUS),
            TODAY,
            partner_id=w.lawyer,
        ),
    ).id


def _minor(w: World, pid: int) -> int:
    """Make the person a child (the police may then get her status without consent)."""
    with w.services.db.write() as s:
        person = s.get(Person, pid)
        assert person is not None
        person.birth_certainty = BirthCertainty.EXACT
        person.birth_date = TODAY.replace(year=TODAY.year - 15)
        person.birth_year = person.birth_date.year
    return pid


def _print(w: World, a: Actor, pid: int, partner: int, reason: str | None = None) -> bool:
    docs = w.services.documents
    doc = docs.prepare(a, DocumentType.STATUS_CONFIRMATION, pid, partner, "en", reason=reason)
    docs.record_output(a, doc, DocumentAction.PRINT)
    return True


def _refer_without_consent(w: World, a: Actor, pid: int) -> bool:
    """A referral letter to a doctor under the vital-interests basis, which names every role
    holding ``document.print_without_consent`` (the child-case bases name fewer)."""
    docs = w.services.documents
    doc = docs.prepare(
        a, DocumentType.HEALTH_REFERRAL, pid, w.doctor, "en", reason="Unconscious on arrival"
    )
    docs.record_output(a, doc, DocumentAction.PRINT)
    return True


def _plan_areas(w: World, a: Actor, plan_id: int) -> set[PlanArea]:
    return {g.area for g in w.services.plans.get(a, plan_id).shown.goals}


def _ok(call: Callable[[World, Actor, int, int], object]) -> Probe:
    def probe(w: World, a: Actor, pid: int, target: int) -> bool:
        call(w, a, pid, target)
        return True

    return probe


def _search(w: World, a: Actor, pid: int, target: int) -> bool:
    with w.services.db.read() as s:
        ref = s.get(Person, pid).case_ref  # type: ignore[union-attr]
    page = w.services.persons.search(a, ref, PersonFilter(archived=None))
    return any(p.id == pid for p in page.items)


def _clinical_notes(w: World, a: Actor, pid: int, visit_id: int) -> bool:
    reason = (
        "urgent medical question" if needs_break_glass(a, Action.VISIT_VIEW_CLINICAL_NOTES) else ""
    )
    view = w.services.visits.get_visit(a, visit_id, break_glass_reason=reason)
    return view.clinical_notes == "clinical note"


def _restore(w: World, a: Actor, pid: int, target: int) -> bool:
    try:
        w.services.backup.restore_over_live(a, "/nonexistent/backup.clinicbak")
    except Forbidden:
        raise
    except (ClinicError, OSError):
        pass  # past the permission check: the file does not exist
    return True


_n = iter(range(100_000))

PROBES: dict[Action, Case] = {
    Action.PERSON_VIEW: Case(_ok(lambda w, a, p, t: w.services.persons.get(a, p))),
    Action.PERSON_SEARCH: Case(_search),
    Action.PERSON_CREATE: Case(
        _ok(
            lambda w, a, p, t: w.services.persons.register(
                a, PersonInput(names=(NameInput(f"New Person {next(_n)}"),))
            )
        )
    ),
    Action.PERSON_EDIT: Case(
        _ok(
            lambda w, a, p, t: w.services.persons.add_alias(
                a, p, NameInput(f"Alias {next(_n)}", is_alias=True)
            )
        )
    ),
    Action.PERSON_ARCHIVE: Case(
        _ok(lambda w, a, p, t: w.services.persons.archive(a, p, "moved away"))
    ),
    Action.PERSON_VIEW_LOCATION: Case(
        lambda w, a, p, t: w.services.persons.get(a, p).location_visible
    ),
    Action.CASE_EVENT_ADD: Case(
        _ok(
            lambda w, a, p, t: w.services.cases.record_event(
                a,
                p,
                EventInput(kind=EventKind.FIRST_CONTACT, date=TODAY, channel=ContactChannel.PRISON),
            )
        )
    ),
    Action.CASE_EVENT_EDIT: Case(
        _ok(lambda w, a, p, t: w.services.cases.void_event(a, t, "entered twice")),
        prepare=_event,
    ),
    Action.ENTITLEMENT_VIEW: Case(
        _ok(lambda w, a, p, t: w.services.entitlements.list_manual(a, p))
    ),
    Action.ENTITLEMENT_OVERRIDE: Case(
        _ok(
            lambda w, a, p, t: w.services.entitlements.add_manual(
                a,
                p,
                ManualEntitlementInput(HealthService.DENTISTRY, Payer.CMM, "decision by CMM"),
            )
        )
    ),
    Action.VISIT_CREATE: Case(
        _ok(
            lambda w, a, p, t: w.services.visits.record_visit(
                a, VisitInput(site_id=w.clinic, person_id=p, reason="check-up")
            )
        )
    ),
    Action.VISIT_VIEW: Case(
        lambda w, a, p, t: w.services.visits.get_visit(a, t).details_visible, prepare=_visit
    ),
    Action.VISIT_VIEW_CLINICAL_NOTES: Case(_clinical_notes, prepare=_visit),
    Action.REFERRAL_CREATE: Case(
        _ok(
            lambda w, a, p, t: w.services.referrals.create(
                a, ReferralInput(specialty="doctor", reason="fever", person_id=p)
            )
        )
    ),
    Action.REFERRAL_CLOSE: Case(
        _ok(lambda w, a, p, t: w.services.referrals.mark_done(a, t)), prepare=_referral
    ),
    Action.PARTNER_EDIT: Case(
        _ok(
            lambda w, a, p, t: w.services.reference.save_partner(
                a, None, name=f"Partner {next(_n)}", kind=PartnerKind.NGO
            )
        )
    ),
    Action.USER_ADMIN: Case(_ok(lambda w, a, p, t: w.services.users.list_users(a))),
    Action.AUDIT_VIEW: Case(
        _ok(lambda w, a, p, t: w.services.audit_log.list_events(a, AuditFilter(person_id=p)))
    ),
    Action.AUDIT_VERIFY: Case(_ok(lambda w, a, p, t: w.services.audit_log.verify(a))),
    Action.AUDIT_PURGE: Case(
        _ok(lambda w, a, p, t: w.services.audit_log.purge(a, TODAY - dt.timedelta(days=20 * 365)))
    ),
    Action.ACCESS_REPORT_VIEW: Case(
        _ok(lambda w, a, p, t: w.services.audit_log.access_report(a, p))
    ),
    Action.BACKUP_RUN: Case(_ok(lambda w, a, p, t: w.services.backup.settings(a)), False),
    Action.RESTORE_RUN: Case(_restore, False),
    Action.SETTINGS_EDIT: Case(
        _ok(
            lambda w, a, p, t: w.services.reference.create_site(
                a, f"S{next(_n)}", "New site", SiteKind.SHELTER
            )
        )
    ),
    Action.RETENTION_RUN: Case(_ok(lambda w, a, p, t: w.services.retention.preview(a)), False),
    Action.CONTACT_PERSON_ASSIGN: Case(
        _ok(lambda w, a, p, t: w.services.contacts.assign(a, p, w.lead.user_id, reason="handover"))
    ),
    Action.GUARDIAN_EDIT: Case(
        _ok(
            lambda w, a, p, t: w.services.contacts.record_guardian(
                a, p, GuardianInput("Guardian Name", organisation="Guardian office")
            )
        )
    ),
    Action.PLAN_EDIT: Case(
        _ok(lambda w, a, p, t: w.services.plans.create(a, p, PlanInput("First plan", TODAY)))
    ),
    Action.PLAN_VIEW: Case(
        lambda w, a, p, t: PlanArea.LEGAL in _plan_areas(w, a, t), prepare=_plan
    ),
    Action.PLAN_VIEW_HEALTH_GOALS: Case(
        lambda w, a, p, t: PlanArea.HEALTH in _plan_areas(w, a, t), prepare=_plan
    ),
    Action.PLAN_AGREE: Case(
        _ok(lambda w, a, p, t: w.services.plans.agree(a, t, True, None, expected=w.stamps[t])),
        prepare=_plan,
    ),
    Action.PLAN_TEMPLATE_EDIT: Case(
        _ok(
            lambda w, a, p, t: w.services.plans.save_template(
                a,
                TemplateInput(
                    f"tpl_{next(_n)}", "Template", False, (TemplateGoal(PlanArea.LEGAL, "Lawyer"),)
                ),
            )
        )
    ),
    Action.STATISTICS_VIEW: Case(
        _ok(lambda w, a, p, t: w.services.statistics.report(a, StatsQuery.for_years(2025)))
    ),
    Action.STATISTICS_INTERNAL: Case(
        _ok(
            lambda w, a, p, t: w.services.statistics.report(
                a, StatsQuery.for_years(2025, internal=True)
            )
        )
    ),
}

PROBES |= {
    Action.CONSENT_EDIT: Case(
        _ok(
            lambda w, a, p, t: w.services.consents.record(
                a,
                p,
                ConsentInput(
                    Purpose.LEGAL_STATUS, (DataCategory.IDENTITY,), TODAY, partner_id=w.lawyer
                ),
            )
        )
    ),
    Action.DOCUMENT_PRINT: Case(lambda w, a, p, t: _print(w, a, p, w.lawyer), prepare=_consent),
    Action.DOCUMENT_PRINT_WITHOUT_CONSENT: Case(lambda w, a, p, t: _refer_without_consent(w, a, p)),
}

# Actions with no service yet (a probe is added with the service). Listing them keeps the
# table honest: every action is either probed or named here.
NOT_YET_A_SERVICE: frozenset[Action] = frozenset()

# Cells where the service is known to be stricter than the matrix: the test asserts the
# service's actual (stricter) answer so that fixing it makes this test fail and the entry
# is removed. Search does not yet narrow hits to the actor's site or caseload, so roles
# with a scoped search permission are refused outright.
KNOWN_STRICTER: frozenset[tuple[Action, Role]] = frozenset()


def test_every_action_is_probed_or_named_as_missing() -> None:
    assert set(PROBES) | NOT_YET_A_SERVICE == set(Action)
    assert not set(PROBES) & NOT_YET_A_SERVICE
    assert set(matrix()) == set(Action)


def _expected(actor: Actor, action: Action, rel: Rel) -> bool:
    return allowed(
        actor,
        action,
        own_caseload=rel.own_caseload,
        same_site=rel.same_site,
        break_glass=needs_break_glass(actor, action),
    )


@pytest.mark.parametrize("action", list(PROBES), ids=str)
def test_service_enforces_the_matrix(world: World, action: Action) -> None:
    case = PROBES[action]
    relations = RELATIONS[:1] if action in GLOBAL_ACTIONS else RELATIONS
    wrong: list[str] = []
    for role, actor in world.actors.items():
        for rel in relations:
            pid = world.person(actor, rel, next(_n))
            target = case.prepare(world, pid) if case.prepare else 0
            before = last_id(world.services)
            try:
                observed = case.probe(world, actor, pid, target)
                raised = False
            except Forbidden:
                observed, raised = False, True
            expected = _expected(actor, action, rel)
            if (action, role) in KNOWN_STRICTER:
                expected = False
            if observed != expected:
                wrong.append(f"{role.value} / {rel.name}: expected {expected}, got {observed}")
            wrote = last_id(world.services) > before
            if raised:
                wrong += [
                    f"{role.value} / {rel.name}: {problem}"
                    for problem in _refusal_problems(world, before, pid)
                ]
            if case.audited and observed and not wrote:
                wrong.append(f"{role.value} / {rel.name}: allowed but not audited")
    assert not wrong, f"{action}:\n" + "\n".join(wrong)


def _refusal_problems(w: World, before: int, pid: int) -> list[str]:
    """A refusal leaves exactly one row: who, what, which person, the rule; no names."""
    with w.services.db.read() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.id > before)).all()
    if [r.action for r in rows] not in (["access.refused"], ["document.refused"]):
        return [f"refusal audited as {[r.action for r in rows]}"]
    (row,) = rows
    problems = []
    if row.outcome != "denied" or row.user_id is None:
        problems.append(f"refusal row {row.outcome} by {row.user_id}")
    if row.person_id not in (pid, None) or "Test Person" in row.details + row.target:
        problems.append("refusal row names another person or personal data")
    if row.action == "access.refused" and not json.loads(row.details).get("rule"):
        problems.append("refusal row does not say which rule refused")
    return problems


def test_a_refusal_names_the_person_it_was_about(world: World) -> None:
    staff = world.actors[Role.SHELTER_STAFF]
    pid = world.person(staff, RELATIONS[0], next(_n))
    before = last_id(world.services)
    with pytest.raises(Forbidden):
        world.services.persons.get(staff, pid)
    with world.services.db.read() as s:
        (row,) = s.scalars(select(AuditEvent).where(AuditEvent.id > before)).all()
    assert (row.action, row.person_id, row.target, row.outcome) == (
        "access.refused",
        pid,
        "person.view",
        "denied",
    )
    assert json.loads(row.details) == {
        "call": "persons.get",
        "rule": "only for persons at your site",
    }
    # She can ask who tried: the access report lists the refused attempt.
    report = world.services.audit_log.access_report(world.admin, pid)
    assert ("access.refused", "denied", staff.username) in {
        (e.action, e.outcome, e.username) for e in report.entries
    }


# Every list-returning method: what each role gets back holds only persons it may see.
LISTS: dict[str, Callable[[World, Actor], object]] = {
    "persons.search": lambda w, a: w.services.persons.search(a, "Test Person", limit=500),
    "persons.find_similar": lambda w, a: w.services.persons.find_similar(
        a, ["Test Person"], None, None
    ),
    "dashboard.caseload": lambda w, a: w.services.dashboard.dashboard(a, "caseload"),
    "dashboard.site": lambda w, a: w.services.dashboard.dashboard(a, "site"),
    "contacts.caseload": lambda w, a: w.services.contacts.caseload(a),
    "contacts.transitions_due": lambda w, a: w.services.contacts.transitions_due(a, 3660),
    "plans.due_for_review": lambda w, a: w.services.plans.due_for_review(
        a, 3660, caseload_only=False
    ),
    "visits.day_view": lambda w, a: w.services.visits.day_view(a, w.clinic, TODAY),
    "referrals.open_referrals": lambda w, a: w.services.referrals.open_referrals(a),
}


def _listed_person_ids(value: object) -> set[int]:
    found: set[int] = set()
    if isinstance(value, (tuple, list)):
        for v in value:
            found |= _listed_person_ids(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if (f.name == "person_id" and isinstance(v, int)) or (
                f.name == "id" and type(value).__name__ in ("PersonSummary", "DuplicateCandidate")
            ):
                found.add(v)
            else:
                found |= _listed_person_ids(v)
    return found


def test_every_list_shows_only_persons_the_role_may_see(world: World) -> None:
    people = []
    for rel in RELATIONS:
        for actor in world.actors.values():
            pid = world.person(actor, rel, next(_n))
            _minor(world, pid)  # on the turning-18 and guardian lists too
            world.services.contacts.record_guardian(world.admin, pid, GuardianInput("G. Name"))
            plan = world.services.plans.create(world.admin, pid, PlanInput("Plan", TODAY))
            with world.services.db.write() as s:
                from clinic_app.models import ActionPlan

                s.get(ActionPlan, plan.id).review_date = TODAY  # type: ignore[union-attr]
            _visit(world, pid)
            _referral(world, pid)
            people.append(pid)
    wrong, shown = [], 0
    for role, actor in world.actors.items():
        for name, call in LISTS.items():
            try:
                listed = _listed_person_ids(call(world, actor))
            except Forbidden:
                continue
            shown += len(listed)
            for pid in listed:
                with world.services.db.read() as s:
                    person = s.get(Person, pid)
                    assert person is not None
                    rel = relation_to(s, actor, person)
                if not allowed(
                    actor,
                    Action.PERSON_VIEW,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                ):
                    wrong.append(f"{role.value} / {name}: lists person {pid} it may not see")
    assert not wrong, "\n".join(wrong)
    assert shown > len(people)  # the lists were not simply empty


def test_known_stricter_cells_are_still_allowed_by_the_matrix() -> None:
    """Each known gap is a cell the matrix allows in some relation (else it is no gap)."""
    for action, role in KNOWN_STRICTER:
        actor = Actor(1, "x", role, 1)
        assert any(_expected(actor, action, rel) for rel in RELATIONS)
