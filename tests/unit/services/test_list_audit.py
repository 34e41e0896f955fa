"""Every look at a person is in her access report, lists included: one audit row per list
shown, a compact index of the persons in it (same commit), "appeared in a search by X"."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import pytest
from sqlalchemy import delete, func, insert, select

from clinic_app.cli import context as cli_context
from clinic_app.cli import main
from clinic_app.models import ActionPlan, AuditEvent, AuditListPerson, ContactPersonAssignment
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import PlanInput
from clinic_app.services.audit import verify_log
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services, build_services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import BirthCertainty, Role, VisitService
from tests.conftest import FAST_HASHER, PASSWORD, TODAY, make_user


def _person(services: Services, admin: Actor, name: str, site: int | None = None) -> int:
    return services.persons.register(
        admin,
        PersonInput(
            names=(NameInput(name),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=TODAY.replace(year=TODAY.year - 18) + dt.timedelta(days=10),
            site_id=site,
        ),
    ).id


def _listed(services: Services, person_id: int) -> list[tuple[str, str]]:
    report = services.audit_log.access_report(
        services.users.authenticate("admin", PASSWORD, "t"), person_id
    )
    return [(e.listed_in, e.username) for e in report.entries if e.listed]


def test_a_search_is_one_row_and_lists_only_the_persons_shown(
    services: Services, admin: Actor, nurse: Actor
) -> None:
    ana = _person(services, admin, "Ana Lupu")
    other = _person(services, admin, "Ana Marin")
    never = _person(services, admin, "Bianca Stan")
    before = services.audit_log.verify(admin).checked
    page = services.persons.search(nurse, "ana", limit=1)
    assert page.total == 2 and len(page.items) == 1
    with services.db.read() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.id > before + 1)).all()
        index = s.execute(select(AuditListPerson.event_id, AuditListPerson.person_id)).all()
    assert [r.action for r in rows] == ["person.search"]
    # Only the page shown, not every match: she appeared if her name was on the screen.
    assert index == [(rows[0].id, page.items[0].id)]
    assert "Ana" not in rows[0].details
    shown, hidden = (ana, other) if page.items[0].id == ana else (other, ana)
    assert _listed(services, shown) == [("a search", "nina")]
    assert _listed(services, hidden) == [] and _listed(services, never) == []


def test_each_list_of_names_is_in_the_access_report(
    services: Services, admin: Actor, nurse: Actor, site_ids: dict[str, int]
) -> None:
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["shelter"])
    pid = _person(services, admin, "Ioana Pop", site_ids["shelter"])
    with services.db.write() as s:
        s.add(ContactPersonAssignment(person_id=pid, user_id=lead.user_id, from_date=TODAY))
    services.contacts.record_guardian(admin, pid, GuardianInput("Guardian Name"))
    plan = services.plans.create(admin, pid, PlanInput("Plan", TODAY))
    with services.db.write() as s:
        s.get(ActionPlan, plan.id).review_date = TODAY  # type: ignore[union-attr]
    services.visits.record_visit(
        nurse,
        VisitInput(
            site_id=site_ids["clinic"],
            person_id=pid,
            services=(VisitService.CONSULTATION,),
            visited_at=dt.datetime.combine(TODAY, dt.time(10)),
        ),
    )
    services.referrals.create(nurse, ReferralInput(specialty="dentist", reason="x", person_id=pid))

    services.dashboard.dashboard(lead, "site")
    services.visits.day_view(nurse, site_ids["clinic"], TODAY)
    services.referrals.open_referrals(nurse)
    services.contacts.caseload(lead)
    services.contacts.transitions_due(lead)
    services.plans.due_for_review(lead, caseload_only=False)
    services.persons.find_similar(lead, ["Ioana Pop"], None, None)
    assert set(_listed(services, pid)) == {
        ("the dashboard", "tove"),
        ("the clinic day view", "nina"),
        ("the open referrals", "nina"),
        ("a caseload list", "tove"),
        ("the turning-18 list", "tove"),
        ("the plans due for review", "tove"),
        ("a duplicate check", "tove"),
    }


def test_cli_access_report_says_appeared_in_a_search_by(
    services: Services,
    admin: Actor,
    nurse: Actor,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pid = _person(services, admin, "Elena Rusu")
    services.persons.search(nurse, "elena")
    ref = services.persons.get(admin, pid).case_ref
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.setattr(
        cli_context, "build_services", functools.partial(build_services, hasher=FAST_HASHER)
    )
    assert main(["audit", "access-report", ref]) == 0
    out = capsys.readouterr().out
    assert "appeared in a search by Nina (nina, nurse)" in out


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s, eid, pid: s.execute(delete(AuditListPerson)),
        lambda s, eid, pid: s.execute(
            insert(AuditListPerson), [{"event_id": eid, "person_id": 999}]
        ),
    ],
    ids=["removed", "added"],
)
def test_editing_the_person_index_fails_verification(
    services: Services,
    admin: Actor,
    nurse: Actor,
    tamper: Callable[..., object],
) -> None:
    pid = _person(services, admin, "Mara Tudor")
    services.persons.search(nurse, "mara")
    assert verify_log(services.db, services.audit).ok
    with services.db.write() as s:
        eid = s.scalar(select(func.max(AuditListPerson.event_id)))
        tamper(s, eid, pid)
    check = verify_log(services.db, services.audit)
    assert (check.ok, check.reason, check.first_bad_id) == (False, "bad_list_index", eid)
