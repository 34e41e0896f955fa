"""Unknown codes, implausible dates and oversized integers through the service API.

Each must be refused with ``Invalid`` naming the field (or ``NotFound`` for an id that
matches nothing), never ValueError, KeyError, IntegrityError, LookupError or OverflowError,
and nothing may be written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from clinic_app.errors import Invalid, NotFound
from clinic_app.models import ActionPlan, CaseEvent, Consent, Person, Visit
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import PlanInput, TaskInput
from clinic_app.services.cases import EventInput
from clinic_app.services.consents import ConsentInput, Purpose
from clinic_app.services.container import Services
from clinic_app.services.entitlements import ManualEntitlementInput
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.visits import OutingInput, VisitInput
from clinic_app.vocabulary import (
    BirthCertainty,
    DataCategory,
    EventKind,
    HealthService,
    PartnerKind,
    Payer,
    Role,
    SiteKind,
    VisitService,
)
from tests.conftest import PASSWORD, TODAY, make_user

HUGE = 2**63
Case = Callable[[Services, Actor, Actor, int, dict[str, int]], object]


def _person(site: int, **kw: object) -> PersonInput:
    data: dict[str, object] = {
        "names": (NameInput("Bad Value", preferred=True),),
        "birth_certainty": BirthCertainty.EXACT,
        "birth_date": dt.date(1995, 3, 4),
        "site_id": site,
    }
    data.update(kw)
    return PersonInput(**data)  # type: ignore[arg-type]


def _event(**kw: object) -> EventInput:
    data: dict[str, object] = {"kind": EventKind.FIRST_CONTACT, "date": TODAY}
    data.update(kw)
    return EventInput(**data)  # type: ignore[arg-type]


def _consent(**kw: object) -> ConsentInput:
    data: dict[str, object] = {
        "purpose": Purpose.CASE_WORK,
        "data_categories": (DataCategory.IDENTITY,),
        "valid_from": TODAY,
        "partner_kind": PartnerKind.AUTHORITY,
    }
    data.update(kw)
    return ConsentInput(**data)  # type: ignore[arg-type]


def _visit(site: int, person: int, **kw: object) -> VisitInput:
    data: dict[str, object] = {
        "site_id": site,
        "person_id": person,
        "visited_at": dt.datetime.combine(TODAY, dt.time(12)),
        "services": (VisitService.CONSULTATION,),
    }
    data.update(kw)
    return VisitInput(**data)  # type: ignore[arg-type]


def _task_on_new_plan(svc: Services, admin: Actor, pid: int, task: TaskInput) -> object:
    from clinic_app.services.action_plans import GoalInput
    from clinic_app.vocabulary import PlanArea

    plan = svc.plans.create(admin, pid, PlanInput("Plan", TODAY))
    plan = svc.plans.add_goal(
        admin, plan.id, GoalInput(PlanArea.LEGAL, "Goal"), expected=plan.stamp
    )
    return svc.plans.add_task(admin, plan.id, plan.shown.goals[-1].id, task, expected=plan.stamp)


# (expected field, call)
CASES: dict[str, tuple[str, Case]] = {
    "person sex code": (
        "sex",
        lambda s, a, n, p, si: s.persons.register(a, _person(si["shelter"], sex="alien")),
    ),
    "person certainty code": (
        "birth_certainty",
        lambda s, a, n, p, si: s.persons.register(a, _person(si["shelter"], birth_certainty="x")),
    ),
    "person exploitation code": (
        "exploitation",
        lambda s, a, n, p, si: s.persons.register(
            a, _person(si["shelter"], exploitation=("nope",))
        ),
    ),
    "person safety flag code": (
        "safety_flags",
        lambda s, a, n, p, si: s.persons.register(
            a, _person(si["shelter"], safety_flags=("nope",))
        ),
    ),
    "person birth year huge": (
        "birth_year",
        lambda s, a, n, p, si: s.persons.register(
            a,
            _person(si["shelter"], birth_certainty=BirthCertainty.ESTIMATED_YEAR, birth_year=HUGE),
        ),
    ),
    "person assessed age huge": (
        "assessed_age",
        lambda s, a, n, p, si: s.persons.register(
            a,
            _person(
                si["shelter"],
                birth_certainty=BirthCertainty.AGE_ASSESSED,
                assessment_date=TODAY,
                assessed_age=HUGE,
            ),
        ),
    ),
    "person get huge id": ("number", lambda s, a, n, p, si: s.persons.get(a, HUGE)),
    "plan get huge id": ("number", lambda s, a, n, p, si: s.plans.get(a, HUGE)),
    "event kind code": (
        "kind",
        lambda s, a, n, p, si: s.cases.record_event(a, p, _event(kind="nope")),
    ),
    "event authority code": (
        "authority",
        lambda s, a, n, p, si: s.cases.record_event(
            a, p, _event(kind=EventKind.IDENTIFICATION, authority="nope")
        ),
    ),
    "event 1800": (
        "date",
        lambda s, a, n, p, si: s.cases.record_event(a, p, _event(date=dt.date(1800, 1, 1))),
    ),
    "event before birth": (
        "date",
        lambda s, a, n, p, si: s.cases.record_event(a, p, _event(date=dt.date(1994, 1, 1))),
    ),
    "event end 9999": (
        "end_date",
        lambda s, a, n, p, si: s.cases.record_event(
            a,
            p,
            _event(kind=EventKind.REFLECTION_EXTENSION, end_date=dt.date(9999, 12, 31)),
        ),
    ),
    "consent starts in two years": (
        "valid_from",
        lambda s, a, n, p, si: s.consents.record(
            a, p, _consent(valid_from=TODAY + dt.timedelta(days=730))
        ),
    ),
    "consent 1800": (
        "valid_from",
        lambda s, a, n, p, si: s.consents.record(a, p, _consent(valid_from=dt.date(1800, 1, 1))),
    ),
    "consent ends 9999": (
        "valid_to",
        lambda s, a, n, p, si: s.consents.record(a, p, _consent(valid_to=dt.date(9999, 12, 31))),
    ),
    "consent partner kind code": (
        "partner_kind",
        lambda s, a, n, p, si: s.consents.record(a, p, _consent(partner_kind="nope")),
    ),
    "plan 1800": (
        "period_from",
        lambda s, a, n, p, si: s.plans.create(a, p, PlanInput("Plan", dt.date(1800, 1, 1))),
    ),
    "plan review 9999": (
        "review_date",
        lambda s, a, n, p, si: s.plans.create(
            a, p, PlanInput("Plan", TODAY, review_date=dt.date(9999, 12, 31))
        ),
    ),
    "task due 9999": (
        "due_date",
        lambda s, a, n, p, si: _task_on_new_plan(
            s, a, p, TaskInput("Task", responsible_text="X", due_date=dt.date(9999, 12, 31))
        ),
    ),
    "visit follow-up 9999": (
        "follow_up_date",
        lambda s, a, n, p, si: s.visits.record_visit(
            n, _visit(si["clinic"], p, follow_up_date=dt.date(9999, 12, 31))
        ),
    ),
    "visit 1800": (
        "visited_at",
        lambda s, a, n, p, si: s.visits.record_visit(
            n, _visit(si["clinic"], p, visited_at=dt.datetime(1800, 1, 1, 12))
        ),
    ),
    "outing 1800": (
        "outing_date",
        lambda s, a, n, p, si: s.visits.record_outing(
            n, OutingInput(si["clinic"], dt.date(1800, 1, 1))
        ),
    ),
    "entitlement payer code": (
        "payer",
        lambda s, a, n, p, si: s.entitlements.add_manual(
            a,
            p,
            ManualEntitlementInput(HealthService.GENERAL_PRACTICE, "nope", "Reason"),  # type: ignore[arg-type]
        ),
    ),
    "entitlement 9999": (
        "valid_to",
        lambda s, a, n, p, si: s.entitlements.add_manual(
            a,
            p,
            ManualEntitlementInput(
                HealthService.GENERAL_PRACTICE,
                Payer.MUNICIPALITY,
                "Reason",
                valid_to=dt.date(9999, 12, 31),
            ),
        ),
    ),
    "site kind code": (
        "kind",
        lambda s, a, n, p, si: s.reference.create_site(a, "ZZ", "Site", "nope"),  # type: ignore[arg-type]
    ),
    "partner kind code": (
        "kind",
        lambda s, a, n, p, si: s.reference.save_partner(a, None, name="P", kind="nope"),  # type: ignore[arg-type]
    ),
    "document type code (check)": (
        "doc_type",
        lambda s, a, n, p, si: s.documents.check(a, "nope", p, None),  # type: ignore[arg-type]
    ),
    "user role code": (
        "role",
        lambda s, a, n, p, si: s.users.create_user(a, "zed", "Zed", PASSWORD, "nope"),  # type: ignore[arg-type]
    ),
}


def _rows(svc: Services) -> tuple[int, ...]:
    with svc.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Person, CaseEvent, Consent, ActionPlan, Visit)
        )


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_value_is_refused_with_invalid_and_nothing_is_written(
    services: Services, admin: Actor, site_ids: dict[str, int], name: str
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    pid = services.persons.register(admin, _person(site_ids["shelter"])).id
    field, call = CASES[name]
    before = _rows(services)
    with pytest.raises((Invalid, NotFound)) as info:
        call(services, admin, nurse, pid, site_ids)
    if isinstance(info.value, Invalid):
        assert info.value.field == field, (name, info.value.field, info.value.code)
    after = _rows(services)
    if name.startswith("task"):  # the call makes the plan the task belongs to first
        after = (*after[:3], before[3], *after[4:])
    assert after == before


def test_plausible_dates_are_still_accepted(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    pid = services.persons.register(admin, _person(site_ids["shelter"])).id
    services.cases.record_event(admin, pid, _event(date=dt.date(2001, 5, 6)))
    services.consents.record(
        admin, pid, _consent(valid_from=TODAY + dt.timedelta(days=300), valid_to=None)
    )
    services.plans.create(
        admin, pid, PlanInput("Plan", TODAY, review_date=TODAY + dt.timedelta(days=365 * 3))
    )
    services.reference.create_site(admin, "ZZ", "Site", SiteKind.SHELTER)
