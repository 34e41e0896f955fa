"""Where a person stays is for her own site's staff only, on every path (person.view_location).

Every public service method that returns person rows is called by users of another site who
may see the person herself (an administrator, a team lead, a nurse, her own contact person
working elsewhere). Nothing they get back may name, number or code her site: not the record,
the search, the dashboard, the case history (shelter stays), clinic lists, plans, consents,
referrals, contacts, the access report, documents or statistics. Asking for another site's
list is refused without saying who is there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from clinic_app.errors import Forbidden
from clinic_app.models import ContactPersonAssignment
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import PlanInput
from clinic_app.services.cases import EventInput
from clinic_app.services.consents import ConsentInput, Purpose
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonFilter, PersonInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.statistics import StatsQuery
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    ContactChannel,
    DataCategory,
    DocumentType,
    EventKind,
    LegalStay,
    Outcome,
    PartnerKind,
    Role,
    SiteKind,
    VisitService,
)
from tests.conftest import TODAY, make_user

SHELTER_NAME = "Safe House Birchwood"
SHELTER_CODE = "SHX9"


@dataclass
class Scene:
    services: Services
    shelter: int
    clinic: int
    pid: int
    visit_id: int
    referral_id: int
    plan_id: int
    partner_id: int
    outsiders: dict[str, Actor]
    insider: Actor


@pytest.fixture
def scene(services: Services, admin: Actor) -> Scene:
    ref = services.reference
    shelter = ref.create_site(admin, SHELTER_CODE, SHELTER_NAME, SiteKind.SHELTER, "Odense").id
    clinic = ref.create_site(admin, "CLX", "Clinic Harbour", SiteKind.CLINIC, "Copenhagen").id
    insider = make_user(services, admin, "inga", Role.SHELTER_STAFF, shelter)
    nurse = make_user(services, admin, "nadia", Role.NURSE, clinic)
    lead = make_user(services, admin, "leif", Role.TEAM_LEAD, clinic)
    contact = make_user(services, admin, "carl", Role.CONTACT_PERSON, clinic)
    # A minor, so that guardian and turning-18 lists include her.
    pid = services.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Elena Dragomir", preferred=True),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=TODAY.replace(year=TODAY.year - 18) + dt.timedelta(days=20),
            nationality="RO",
            site_id=shelter,
        ),
    ).id
    with services.db.write() as s:
        s.add(ContactPersonAssignment(person_id=pid, user_id=contact.user_id, from_date=TODAY))
    cases = services.cases
    day = TODAY - dt.timedelta(days=20)
    cases.record_event(
        admin, pid, EventInput(EventKind.FIRST_CONTACT, day, channel=ContactChannel.PRISON)
    )
    cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.IDENTIFICATION,
            day,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )
    cases.record_event(admin, pid, EventInput(EventKind.REFLECTION_START, day))
    cases.record_event(admin, pid, EventInput(EventKind.SHELTER_STAY_START, day, site_id=shelter))
    services.contacts.record_guardian(
        admin, pid, GuardianInput("Guardian Person", organisation="Guardians")
    )
    visit_id = services.visits.record_visit(
        nurse,
        VisitInput(
            site_id=clinic, person_id=pid, services=(VisitService.CONSULTATION,), reason="cough"
        ),
    ).id
    referral_id = services.referrals.create(
        nurse, ReferralInput(specialty="dentist", reason="tooth", person_id=pid)
    ).id
    plan = services.plans.create(admin, pid, PlanInput("Plan", TODAY))
    with services.db.write() as s:
        from clinic_app.models import ActionPlan

        s.get(ActionPlan, plan.id).review_date = TODAY  # type: ignore[union-attr]
    partner = ref.save_partner(admin, None, name="Advokat Location", kind=PartnerKind.LEGAL).id
    services.consents.record(
        admin,
        pid,
        ConsentInput(
            purpose=Purpose.LEGAL_STATUS,
            data_categories=(DataCategory.IDENTITY, DataCategory.LEGAL_STATUS),
            valid_from=TODAY - dt.timedelta(days=1),
            partner_id=partner,
        ),
    )
    return Scene(
        services,
        shelter,
        clinic,
        pid,
        visit_id,
        referral_id,
        plan.id,
        partner,
        {"administrator": admin, "team lead": lead, "nurse": nurse, "contact person": contact},
        insider,
    )


def _walk(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Every (field path, leaf value) inside dataclasses, tuples, lists and dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield f"{path}[{k!r}]", k
            yield from _walk(v, f"{path}[{k!r}]")
    elif isinstance(value, (tuple, list, set, frozenset)):
        for i, v in enumerate(value):
            yield from _walk(v, f"{path}[{i}]")
    elif isinstance(value, bytes) and value.startswith(b"%PDF"):
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(value)).pages)
        yield f"{path}<pdf text>", text
    else:
        yield path, value


def _leaks(value: object, scene: Scene) -> list[str]:
    found = []
    for path, leaf in _walk(value):
        if isinstance(leaf, str) and (SHELTER_NAME in leaf or SHELTER_CODE in leaf):
            found.append(f"{path} = {leaf[:60]!r}")
        elif (
            isinstance(leaf, int)
            and not isinstance(leaf, (bool, enum.Enum))
            and "site" in path.rsplit(".", 1)[-1]
            and leaf == scene.shelter
        ):
            found.append(f"{path} = {leaf}")
    return found


Call = Callable[[Scene, Actor], object]

# Every public method that returns rows about persons (lists or one record).
CALLS: dict[str, Call] = {
    "persons.get": lambda c, a: c.services.persons.get(a, c.pid),
    "persons.get_by_case_ref": lambda c, a: c.services.persons.get_by_case_ref(
        a, c.services.persons.get(a, c.pid).case_ref
    ),
    "persons.search": lambda c, a: c.services.persons.search(a, "Elena"),
    "persons.find_similar": lambda c, a: c.services.persons.find_similar(
        a, ["Elena Dragomir"], None, "RO"
    ),
    "cases.history": lambda c, a: c.services.cases.history(a, c.pid),
    "timeline.timeline": lambda c, a: c.services.timeline.timeline(a, c.pid),
    "dashboard.caseload": lambda c, a: c.services.dashboard.dashboard(a, "caseload"),
    "contacts.caseload": lambda c, a: c.services.contacts.caseload(a),
    "contacts.overview": lambda c, a: c.services.contacts.overview(a, c.pid),
    "contacts.transitions_due": lambda c, a: c.services.contacts.transitions_due(a),
    "contacts.current_guardian": lambda c, a: c.services.contacts.current_guardian(a, c.pid),
    "plans.list_for_person": lambda c, a: c.services.plans.list_for_person(a, c.pid),
    "plans.get": lambda c, a: c.services.plans.get(a, c.plan_id),
    "plans.due_for_review": lambda c, a: c.services.plans.due_for_review(a, caseload_only=False),
    "visits.person_visits": lambda c, a: c.services.visits.person_visits(a, c.pid),
    "visits.get_visit": lambda c, a: c.services.visits.get_visit(a, c.visit_id),
    "visits.day_view": lambda c, a: c.services.visits.day_view(a, c.clinic, TODAY),
    "referrals.open_referrals": lambda c, a: c.services.referrals.open_referrals(a),
    "referrals.for_person": lambda c, a: c.services.referrals.for_person(a, c.pid),
    "referrals.get": lambda c, a: c.services.referrals.get(a, c.referral_id),
    "consents.list_for_person": lambda c, a: c.services.consents.list_for_person(a, c.pid),
    "entitlements.list_manual": lambda c, a: c.services.entitlements.list_manual(a, c.pid),
    "audit.access_report": lambda c, a: c.services.audit_log.access_report(a, c.pid),
    "documents.status_confirmation": lambda c, a: c.services.documents.prepare(
        a, DocumentType.STATUS_CONFIRMATION, c.pid, c.partner_id, "en", include_name=True
    ),
}


def test_no_path_tells_another_site_where_a_person_stays(scene: Scene) -> None:
    leaks: list[str] = []
    reached = 0
    for who, actor in scene.outsiders.items():
        for name, call in CALLS.items():
            try:
                result = call(scene, actor)
            except Forbidden:
                continue  # refused: tells nothing
            reached += 1
            leaks += [f"{who} / {name}: {leak}" for leak in _leaks(result, scene)]
    assert not leaks, "\n".join(leaks)
    # The sweep means something only if most calls were answered.
    assert reached >= len(CALLS) * 2


def test_her_own_sites_staff_see_where_she_stays(scene: Scene) -> None:
    """The check above can fail: the same calls show the site to her own site's staff."""
    services, staff = scene.services, scene.insider
    assert services.persons.get(staff, scene.pid).site_name == SHELTER_NAME
    assert _leaks(services.cases.history(staff, scene.pid), scene)
    assert _leaks(services.persons.search(staff, "Elena"), scene)
    page = services.persons.search(staff, "", PersonFilter(site_id=scene.shelter))
    assert [p.id for p in page.items] == [scene.pid]
    assert services.dashboard.dashboard(staff, "site").items


@pytest.mark.parametrize("who", ["administrator", "team lead", "nurse", "contact person"])
def test_another_sites_lists_are_refused_without_saying_who_is_there(
    scene: Scene, who: str
) -> None:
    services, actor = scene.services, scene.outsiders[who]
    shelter, empty = scene.shelter, scene.clinic
    asks: list[Callable[[int], object]] = [
        lambda site: services.persons.search(actor, "", PersonFilter(site_id=site)),
        lambda site: services.persons.search(actor, "Elena", PersonFilter(site_id=site)),
        lambda site: services.dashboard.dashboard(actor, "site", site),
        lambda site: services.statistics.report(
            actor, StatsQuery.for_years(TODAY.year, site_id=site, internal=True)
        ),
    ]
    for ask in asks:
        messages = []
        for site in (shelter, empty + 1000):
            with pytest.raises(Forbidden) as err:
                ask(site)
            messages.append(str(err.value))
        # The same answer whether or not anyone (or any site) is there.
        assert messages[0] == messages[1]


def test_statistics_by_shelter_list_every_shelter_and_hide_small_counts(scene: Scene) -> None:
    services, admin = scene.services, scene.outsiders["administrator"]
    empty = services.reference.create_site(admin, "SHE", "Empty shelter", SiteKind.SHELTER).id
    assert empty
    for who in ("administrator", "team lead"):
        # A finished year with no stays at all: every shelter is still a column, so a column
        # tells nothing by being there.
        last = services.statistics.report(
            scene.outsiders[who], StatsQuery.for_years(TODAY.year - 1), ("shelter_stays",)
        )
        (table,) = last.tables
        assert {SHELTER_CODE, "SHE"} <= set(table.columns)
        # This year's one stay is not shown (the year is not yet published, and small anyway).
        report = services.statistics.report(
            scene.outsiders[who], StatsQuery.for_years(TODAY.year), ("shelter_stays",)
        )
        (table,) = report.tables
        assert "not_released" in table.notes and table.grand_total is None
        assert all(c is None for row in table.cells for c in row)
