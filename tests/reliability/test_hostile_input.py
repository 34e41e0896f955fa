"""Hostile text through every free-text field of every service.

A generated corpus (lone surrogates, C0/C1 controls, bidi controls, zero-width characters,
huge strings, markup, SQL, format strings, combining marks, right-to-left scripts, emoji)
goes into each field through the service a user's form calls. Each value must be either
stored and returned exactly (after trimming surrounding space) or refused with
``Invalid`` naming that field; any other exception fails the test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from clinic_app.documents.data import Letterhead
from clinic_app.errors import Invalid
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import GoalInput, PlanInput, TaskInput
from clinic_app.services.cases import EventInput
from clinic_app.services.consents import ConsentInput, Purpose, purpose_note
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.entitlements import ManualEntitlementInput
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.plan_templates import TemplateGoal, TemplateInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import OutingInput, VisitInput
from clinic_app.vocabulary import (
    BirthCertainty,
    DataCategory,
    EventKind,
    HealthService,
    PartnerKind,
    Payer,
    PlanArea,
    Role,
    SiteKind,
    VisitService,
)
from tests.conftest import PASSWORD, TODAY, make_user

BASE = [
    "\ud800",
    "a\udfffb",
    "Ana\ud83d",
    "\x00",
    "Ana\x00Li",
    "line\nbreak",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "\x07bell",
    "C1\x85next",
    "csi\x9b2J",
    "del\x7f",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\u200b",
    "\u200b\u200c\u200d\ufeff",
    "\u200f\u200e",
    "\u0301\u0301\u0301",
    "Zalgo Z\u0351\u0352\u0353a\u0354\u0355l",
    "Bogda\u0301na",
    "\u0645\u0631\u064a\u0645 \u0627\u0644\u0639\u0644\u064a",
    "\u05e9\u05dc\u05d5\u05dd abc",
    "\u0418\u0440\u0438\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430",
    "\u738b\u79c0\u82f1",
    "\U0001f469\u200d\U0001f467 \U0001f1e9\U0001f1f0",
    "<b>bold</b><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>&amp;&lt;",
    "'; DROP TABLE person; --",
    "Robert'); DELETE FROM audit_event;--",
    "%s%s%s%n %x {0} {name} ${HOME} %(x)s",
    "\\x00 \\n \\\\",
    "   padded   ",
    "",
    " ",
    "\u00a0\u2003",
    "x" * 199,
    "y" * 5001,
    "z" * 100_000,
    "\ufffd\ufffe\uffff",
    "\U0010fffd",
    "../../etc/passwd",
    "=cmd|'/c calc'!A1",
]


def corpus(seed: int = 23, extra: int = 20) -> list[str]:
    """The fixed cases plus random mixtures of their pieces (seeded: the same every run)."""
    rng = random.Random(seed)
    pieces = [b for b in BASE if len(b) < 300]
    out = list(BASE)
    for _ in range(extra):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randint(2, 4))))
    return out


CORPUS = corpus()


@dataclass
class World:
    services: Services
    admin: Actor
    nurse: Actor
    person_id: int
    shelter_id: int
    clinic_id: int
    partner_id: int
    counter: itertools.count[int] = dataclasses.field(default_factory=itertools.count)

    def unique(self, prefix: str) -> str:
        """A fresh value for a field that must be unique (codes, user names, names)."""
        return f"{prefix}{next(self.counter)}"


# A probe writes ``value`` into one field and returns what the service gives back for it.
Probe = Callable[[World, str], str | None]


def _person(w: World, **kw: object) -> PersonInput:
    data: dict[str, object] = {
        "names": (NameInput("Test Person", preferred=True),),
        "birth_certainty": BirthCertainty.EXACT,
        "birth_date": dt.date(1995, 3, 4),
        "site_id": w.shelter_id,
    }
    data.update(kw)
    return PersonInput(**data)  # type: ignore[arg-type]


def p_name(w: World, v: str) -> str | None:
    d = w.services.persons.register(w.admin, _person(w, names=(NameInput(v, preferred=True),)))
    return d.names[0].name


def p_alias(w: World, v: str) -> str | None:
    d = w.services.persons.add_alias(w.admin, w.person_id, NameInput(v, is_alias=True))
    return next(n.name for n in d.names if n.is_alias and n.name == v.strip())


def p_person_notes(w: World, v: str) -> str | None:
    return w.services.persons.register(w.admin, _person(w, notes=v)).notes


def p_interpreter_language(w: World, v: str) -> str | None:
    d = w.services.persons.register(
        w.admin, _person(w, interpreter_needed=True, interpreter_language=v)
    )
    return d.interpreter_language


def p_archive_reason(w: World, v: str) -> str | None:
    pid = w.services.persons.register(w.admin, _person(w)).id
    w.services.persons.archive(w.admin, pid, v)
    return v.strip()  # the reason goes to the audit log only


def p_event_notes(w: World, v: str) -> str | None:
    e = w.services.cases.record_event(
        w.admin, w.person_id, EventInput(EventKind.FIRST_CONTACT, TODAY, notes=v)
    )
    return e.notes


def p_void_reason(w: World, v: str) -> str | None:
    e = w.services.cases.record_event(
        w.admin, w.person_id, EventInput(EventKind.FIRST_CONTACT, TODAY)
    )
    return w.services.cases.void_event(w.admin, e.id, v).voided_reason


def p_consent_note(w: World, v: str) -> str | None:
    c = w.services.consents.record(
        w.admin,
        w.person_id,
        ConsentInput(
            Purpose.CASE_WORK,
            (DataCategory.IDENTITY,),
            TODAY,
            partner_kind=PartnerKind.AUTHORITY,
            purpose_note=v,
        ),
    )
    return purpose_note(c.purpose_text)


def _guardian(w: World, **kw: str) -> str | None:
    minor = w.services.persons.register(
        w.admin, _person(w, birth_date=TODAY.replace(year=TODAY.year - 15))
    ).id
    data = {"name": "Guardian Test", **kw}
    ov = w.services.contacts.record_guardian(w.admin, minor, GuardianInput(**data))
    assert ov.guardian is not None
    return str(getattr(ov.guardian, next(iter(kw))))


def p_guardian_name(w: World, v: str) -> str | None:
    return _guardian(w, name=v)


def p_guardian_org(w: World, v: str) -> str | None:
    return _guardian(w, organisation=v)


def p_guardian_phone(w: World, v: str) -> str | None:
    return _guardian(w, phone=v)


def p_guardian_email(w: World, v: str) -> str | None:
    return _guardian(w, email=v)


def p_contact_reason(w: World, v: str) -> str | None:
    pid = w.services.persons.register(w.admin, _person(w)).id
    ov = w.services.contacts.assign(w.admin, pid, w.nurse.user_id, reason=v)
    assert ov.contact is not None
    return ov.contact.reason


def _plan(w: World, title: str = "Plan") -> int:
    return w.services.plans.create(w.admin, w.person_id, PlanInput(title, TODAY)).id


def p_plan_title(w: World, v: str) -> str | None:
    return w.services.plans.create(w.admin, w.person_id, PlanInput(v, TODAY)).title


def _goal(w: World, **kw: str) -> str | None:
    pid = _plan(w)
    plan = w.services.plans.get(w.admin, pid)
    data = {"title": "Goal", **kw}
    plan = w.services.plans.add_goal(
        w.admin, pid, GoalInput(PlanArea.SAFETY_HOUSING, **data), expected=plan.stamp
    )
    goal = plan.shown.goals[-1]
    return str(getattr(goal, next(iter(kw))))


def p_goal_title(w: World, v: str) -> str | None:
    return _goal(w, title=v)


def p_goal_description(w: World, v: str) -> str | None:
    return _goal(w, description=v)


def _task(w: World, **kw: str) -> str | None:
    pid = _plan(w)
    plan = w.services.plans.get(w.admin, pid)
    plan = w.services.plans.add_goal(
        w.admin, pid, GoalInput(PlanArea.SAFETY_HOUSING, "Goal"), expected=plan.stamp
    )
    goal = plan.shown.goals[-1]
    data = {"description": "Task", "responsible_text": "Someone", **kw}
    plan = w.services.plans.add_task(w.admin, pid, goal.id, TaskInput(**data), expected=plan.stamp)
    task = plan.shown.goals[-1].tasks[-1]
    return str(getattr(task, next(iter(kw))))


def p_task_description(w: World, v: str) -> str | None:
    return _task(w, description=v)


def p_task_responsible(w: World, v: str) -> str | None:
    return _task(w, responsible_text=v)


def p_task_note(w: World, v: str) -> str | None:
    return _task(w, note=v)


def p_template_name(w: World, v: str) -> str | None:
    goal = TemplateGoal(PlanArea.SAFETY_HOUSING, "Goal", "", ("Task",))
    return w.services.plans.save_template(
        w.admin, TemplateInput(w.unique("hostile"), v, False, (goal,))
    ).name


def p_template_task(w: World, v: str) -> str | None:
    goal = TemplateGoal(PlanArea.SAFETY_HOUSING, "Goal", "", (v,))
    view = w.services.plans.save_template(
        w.admin, TemplateInput(w.unique("hostile"), "T", False, (goal,))
    )
    # Empty task lines are dropped, as the template editor sends one line per task.
    return view.goals[0].tasks[0] if view.goals[0].tasks else ""


def p_site_name(w: World, v: str) -> str | None:
    return w.services.reference.create_site(w.admin, w.unique("S"), v, SiteKind.SHELTER).name


def p_site_city(w: World, v: str) -> str | None:
    return w.services.reference.create_site(
        w.admin, w.unique("S"), "Site", SiteKind.SHELTER, v
    ).city


def _partner(w: World, **kw: str) -> str | None:
    data = {"name": w.unique("Partner "), **kw}
    view = w.services.reference.save_partner(w.admin, None, kind=PartnerKind.NGO, **data)
    return str(getattr(view, next(iter(kw))))


def p_partner_name(w: World, v: str) -> str | None:
    return _partner(w, name=v)


def p_partner_notes(w: World, v: str) -> str | None:
    return _partner(w, notes=v)


def p_partner_address(w: World, v: str) -> str | None:
    return _partner(w, address=v)


def p_partner_website(w: World, v: str) -> str | None:
    return _partner(w, website=v)


def p_partner_contact(w: World, v: str) -> str | None:
    view = w.services.reference.add_contact(w.admin, w.partner_id, v, role="Lawyer")
    return next(c.name for c in view.contacts if c.name == v.strip())


def p_username(w: World, v: str) -> str | None:
    u = w.services.users.create_user(w.admin, v, "Display", PASSWORD, Role.NURSE, w.clinic_id)
    return u.username if u.username != v.strip().lower() else v.strip()


def p_display_name(w: World, v: str) -> str | None:
    u = w.services.users.create_user(
        w.admin, w.unique("hostile"), v, PASSWORD, Role.NURSE, w.clinic_id
    )
    return u.display_name


def p_password(w: World, v: str) -> str | None:
    name = w.unique("pw")
    w.services.users.create_user(w.admin, name, "Display", v, Role.NURSE, w.clinic_id)
    w.services.users.authenticate(name, v, "test-pc")
    return v.strip()


def p_login_username(w: World, v: str) -> str | None:
    from clinic_app.services.users import LoginFailed

    try:
        w.services.users.authenticate(v, PASSWORD, "test-pc")
    except LoginFailed:
        return v.strip()
    return v.strip()


def p_visitor_nickname(w: World, v: str) -> str | None:
    return w.services.visitors.create(w.nurse, VisitorInput(nickname=v)).nickname


def p_visitor_search(w: World, v: str) -> str | None:
    w.services.visitors.search(w.nurse, v)
    return v.strip()


def p_person_search(w: World, v: str) -> str | None:
    w.services.persons.search(w.admin, v)
    return v.strip()


def _visit(w: World, **kw: str) -> str | None:
    data: dict[str, object] = {
        "site_id": w.clinic_id,
        "person_id": w.person_id,
        "visited_at": dt.datetime.combine(TODAY, dt.time(12)),
        "services": (VisitService.CONSULTATION,),
        **kw,
    }
    view = w.services.visits.record_visit(w.nurse, VisitInput(**data))  # type: ignore[arg-type]
    return str(getattr(view, next(iter(kw))))


def p_visit_reason(w: World, v: str) -> str | None:
    return _visit(w, reason=v)


def p_visit_notes(w: World, v: str) -> str | None:
    return _visit(w, clinical_notes=v)


def _outing(w: World, **kw: str) -> str | None:
    mobile = w.services.reference.create_site(
        w.admin, w.unique("M"), "Mobile", SiteKind.MOBILE_UNIT
    ).id
    view = w.services.visits.record_outing(w.nurse, OutingInput(mobile, TODAY, **kw))
    return str(getattr(view, next(iter(kw))))


def p_outing_area(w: World, v: str) -> str | None:
    return _outing(w, area=v)


def p_outing_staff(w: World, v: str) -> str | None:
    return _outing(w, staff=v)


def p_outing_materials(w: World, v: str) -> str | None:
    return _outing(w, materials=v)


def p_outing_notes(w: World, v: str) -> str | None:
    return _outing(w, notes=v)


def p_referral_reason(w: World, v: str) -> str | None:
    view = w.services.referrals.create(w.nurse, ReferralInput("doctor", v, person_id=w.person_id))
    return view.reason


def p_referral_specialty(w: World, v: str) -> str | None:
    w.services.referrals.create(w.nurse, ReferralInput(v, "Pain", person_id=w.person_id))
    return v.strip()


def p_entitlement_reason(w: World, v: str) -> str | None:
    view = w.services.entitlements.add_manual(
        w.admin,
        w.person_id,
        ManualEntitlementInput(HealthService.GENERAL_PRACTICE, Payer.MUNICIPALITY, v),
    )
    return view.reason


def _letterhead(w: World, **kw: str) -> str | None:
    base = w.services.documents.letterhead()
    data = {**dataclasses.asdict(base), **kw}
    view = w.services.documents.save_letterhead(w.admin, Letterhead(**data))
    return str(getattr(view, next(iter(kw))))


def p_letterhead_org(w: World, v: str) -> str | None:
    return _letterhead(w, organisation=v)


def p_letterhead_address(w: World, v: str) -> str | None:
    return _letterhead(w, address=v)


def p_user_reason(w: World, v: str) -> str | None:
    w.services.users.set_active(w.admin, w.nurse.user_id, False, v)
    return v.strip()


# field name the service reports -> probe
PROBES: dict[str, Probe] = {
    "names": p_name,
    "alias": p_alias,
    "notes/person": p_person_notes,
    "interpreter_language": p_interpreter_language,
    "reason/archive": p_archive_reason,
    "notes/event": p_event_notes,
    "reason/void": p_void_reason,
    "purpose_note": p_consent_note,
    "name/guardian": p_guardian_name,
    "organisation/guardian": p_guardian_org,
    "phone/guardian": p_guardian_phone,
    "email/guardian": p_guardian_email,
    "reason/contact": p_contact_reason,
    "title/plan": p_plan_title,
    "title/goal": p_goal_title,
    "description/goal": p_goal_description,
    "description/task": p_task_description,
    "responsible_text": p_task_responsible,
    "note/task": p_task_note,
    "name/template": p_template_name,
    "tasks/template": p_template_task,
    "name/site": p_site_name,
    "city": p_site_city,
    "name/partner": p_partner_name,
    "notes/partner": p_partner_notes,
    "address/partner": p_partner_address,
    "website": p_partner_website,
    "contact_name": p_partner_contact,
    "username": p_username,
    "display_name": p_display_name,
    "password": p_password,
    "username/login": p_login_username,
    "nickname": p_visitor_nickname,
    "text/visitor_search": p_visitor_search,
    "text/person_search": p_person_search,
    "reason/visit": p_visit_reason,
    "clinical_notes": p_visit_notes,
    "area": p_outing_area,
    "staff": p_outing_staff,
    "materials": p_outing_materials,
    "notes/outing": p_outing_notes,
    "referral_reason": p_referral_reason,
    "reason/entitlement": p_entitlement_reason,
    "organisation/letterhead": p_letterhead_org,
    "address/letterhead": p_letterhead_address,
    "reason/user": p_user_reason,
}


@pytest.fixture
def world(services: Services, admin: Actor, site_ids: dict[str, int]) -> World:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    person = services.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Ana Test", preferred=True),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=dt.date(1995, 3, 4),
            site_id=site_ids["shelter"],
        ),
    )
    partner = services.reference.save_partner(
        admin, None, name="Hostile Partner NGO", kind=PartnerKind.NGO
    )
    return World(
        services,
        admin,
        nurse,
        person.id,
        site_ids["shelter"],
        site_ids["clinic"],
        partner.id,
    )


@pytest.mark.parametrize("key", sorted(PROBES))
def test_hostile_text_is_stored_exactly_or_refused_with_invalid(world: World, key: str) -> None:
    field = key.split("/")[0]
    probe = PROBES[key]
    stored = refused = 0
    for value in CORPUS:
        try:
            got = probe(world, value)
        except Invalid as exc:
            assert (
                exc.field.endswith(field)
                or field in exc.field
                or exc.field
                in (
                    "names",
                    "who",
                )
            ), (key, ascii(value[:40]), exc.field, exc.code)
            refused += 1
            continue
        except Exception as exc:
            pytest.fail(f"{key}: {type(exc).__name__} for {value[:40]!a}: {exc!s:.200}")
        assert got == value.strip(), (key, ascii(value[:40]), ascii((got or "")[:40]))
        stored += 1
    # The corpus must exercise both outcomes in every field.
    assert stored and refused, (key, stored, refused)
