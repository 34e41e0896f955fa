"""The dashboard: categories, urgency order, caseload and site scoping, permissions, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import AuditEvent
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services
from clinic_app.services.dashboard import CATEGORIES, DashboardItem
from clinic_app.vocabulary import Authority, BirthCertainty, EventKind, LegalStay, Outcome, Role
from tests.conftest import PASSWORD, TODAY, make_user
from tests.unit.services.test_cases import assign_contact, register


def start_reflection(services: Services, actor: Actor, pid: int, day: dt.date) -> None:
    """First contact and identification on ``day``, then an explicit reflection start."""
    for event in (
        EventInput(EventKind.FIRST_CONTACT, day),
        EventInput(
            EventKind.IDENTIFICATION,
            day,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
        EventInput(EventKind.REFLECTION_START, day),
    ):
        services.cases.record_event(actor, pid, event)


def site_lead(services: Services, admin: Actor, site_id: int) -> Actor:
    """A team lead working at ``site_id``: a site's list is for that site's own staff."""
    username = f"lead{site_id}"
    if services.users.attempts_left(username) is None:
        return make_user(services, admin, username, Role.TEAM_LEAD, site_id)
    return services.users.authenticate(username, PASSWORD, "test-pc")


def reflection_ends(items: tuple[DashboardItem, ...]) -> list[tuple[str, dt.date, str]]:
    return [(i.category, i.due, i.case_ref) for i in items if i.kind == "reflection_end"]


@pytest.fixture
def people(services: Services, admin: Actor, site_ids: dict[str, int]) -> dict[str, int]:
    """Four persons at the shelter whose reflection periods end at telling distances from
    today, and one at the clinic."""
    starts = {
        "overdue": dt.date(2026, 10, 25),  # ended 2026-11-24
        "soon": dt.date(2026, 10, 30),  # ends 2026-11-29
        "later": dt.date(2026, 11, 10),  # ends 2026-12-10
        "history": dt.date(2026, 8, 1),  # ended 2026-08-31: history, not work
    }
    ids = {}
    for label, day in starts.items():
        ids[label] = register(services, admin, site_ids["shelter"])
        start_reflection(services, admin, ids[label], day)
    ids["clinic"] = register(services, admin, site_ids["clinic"])
    start_reflection(services, admin, ids["clinic"], dt.date(2026, 11, 12))
    return ids


def test_reflection_start_puts_its_end_on_the_dashboard(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    pid = register(services, admin, site_ids["shelter"])
    before = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
    )
    assert not before.items
    start_reflection(services, admin, pid, dt.date(2026, 11, 14))
    view = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
    )
    (item,) = [i for i in view.items if i.kind == "reflection_end"]
    assert (item.person_id, item.due, item.category) == (pid, dt.date(2026, 12, 14), "due_30_days")
    assert item.days_left == 18 and item.tab == "timeline" and item.rule_set_id == "2013+"
    assert item.display_name == "Ana Test" and item.case_ref.startswith("26-")
    assert item.explanation.startswith("Reflection period ends 2026-12-14")


def test_categories_counts_and_urgency_order(
    services: Services, admin: Actor, site_ids: dict[str, int], people: dict[str, int]
) -> None:
    view = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
    )
    assert [(c, d) for c, d, _ in reflection_ends(view.items)] == [
        ("overdue", dt.date(2026, 11, 24)),
        ("due_7_days", dt.date(2026, 11, 29)),
        ("due_30_days", dt.date(2026, 12, 10)),
    ]
    assert [i.due for i in view.items] == sorted(i.due for i in view.items)
    assert sum(view.counts.values()) == len(view.items)
    assert view.counts_by_kind["reflection_end"] == 3
    assert view.counts["overdue"] == len(view.of("overdue")) >= 1
    assert all(i.due > TODAY + dt.timedelta(days=-31) for i in view.items)
    assert all(i.person_id != people["clinic"] for i in view.items)
    # Same day: the obligation that protects a person sorts before a legal end date.
    same_day = [i.kind for i in view.items if i.due == TODAY]
    assert same_day == sorted(same_day, key=lambda k: k != "guardian_missing")


def test_caseload_lists_only_the_actors_current_clients(
    services: Services, admin: Actor, site_ids: dict[str, int], people: dict[str, int]
) -> None:
    carla = make_user(services, admin, "carla", Role.CONTACT_PERSON, site_ids["clinic"])
    olga = make_user(services, admin, "olga", Role.CONTACT_PERSON, site_ids["shelter"])
    assign_contact(services, people["soon"], carla.user_id)
    assign_contact(services, people["clinic"], carla.user_id)
    assign_contact(services, people["later"], olga.user_id)
    mine = services.dashboard.dashboard(carla, "caseload")
    assert {i.person_id for i in mine.items} == {people["soon"], people["clinic"]}
    assert mine.scope == "caseload" and mine.site_id is None
    assert {i.person_id for i in services.dashboard.dashboard(olga, "caseload").items} == {
        people["later"]
    }
    # The contact-person obligation disappears once one is appointed.
    assert "contact_person_missing" not in {i.kind for i in mine.items}


def test_archived_persons_are_left_out(
    services: Services, admin: Actor, site_ids: dict[str, int], people: dict[str, int]
) -> None:
    services.persons.archive(admin, people["soon"], "case transferred")
    view = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
    )
    assert people["soon"] not in {i.person_id for i in view.items}


def test_minor_without_guardian_is_due_now_in_the_contacts_tab(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    pid = register(
        services,
        admin,
        site_ids["clinic"],
        birth_certainty=BirthCertainty.EXACT,
        birth_date=dt.date(2010, 1, 5),
    )
    view = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["clinic"]), "site", site_ids["clinic"]
    )
    (item,) = [i for i in view.items if i.kind == "guardian_missing"]
    assert (item.person_id, item.category, item.tab) == (pid, "due_7_days", "contacts")


def test_dashboard_permissions_and_input(
    services: Services, admin: Actor, site_ids: dict[str, int], people: dict[str, int]
) -> None:
    stats = make_user(services, admin, "stella", Role.STATISTICS, None)
    staff = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    nurse = make_user(services, admin, "nora", Role.NURSE, site_ids["clinic"])
    for scope in ("caseload", "site"):
        with pytest.raises(Forbidden):
            services.dashboard.dashboard(stats, scope, None if scope == "caseload" else 1)
    with pytest.raises(Forbidden):
        services.dashboard.dashboard(staff, "site", site_ids["clinic"])
    own = services.dashboard.dashboard(staff)  # no caseload: an empty list, not an error
    siteless = make_user(services, admin, "sam", Role.SHELTER_STAFF, None)
    with pytest.raises(Forbidden):
        services.dashboard.dashboard(siteless, "caseload")
    assert own.items == ()
    assert services.dashboard.dashboard(staff, "site").site_id == site_ids["shelter"]
    # Whatever the role, another site's list would say who stays there.
    for outsider in (nurse, admin, site_lead(services, admin, site_ids["clinic"])):
        with pytest.raises(Forbidden):
            services.dashboard.dashboard(outsider, "site", site_ids["shelter"])
    assert services.dashboard.dashboard(nurse, "site").site_id == site_ids["clinic"]
    with pytest.raises(Invalid) as err:
        services.dashboard.dashboard(admin, "site")  # the administrator has no site
    assert err.value.field == "site_id"
    with pytest.raises(Forbidden):  # refused before looking: no site's existence is told
        services.dashboard.dashboard(admin, "site", 9999)
    with pytest.raises(Invalid):
        services.dashboard.dashboard(admin, "everything")  # type: ignore[arg-type]


def test_each_view_is_audited_without_personal_data(
    services: Services, admin: Actor, site_ids: dict[str, int], people: dict[str, int]
) -> None:
    view = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
    )
    with services.db.read() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "dashboard.view")).one()
    assert row.target == f"site:{site_ids['shelter']}"
    assert str(len(view.items)) in row.details
    assert "Ana" not in row.details and "26-" not in row.details


def test_view_tells_when_everyone_was_last_recomputed(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    assert (
        services.dashboard.dashboard(
            site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
        ).refreshed_on
        is None
    )
    staff = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    with pytest.raises(Forbidden):
        services.dashboard.refresh_all(staff)
    report = services.dashboard.refresh_all(admin)
    assert report.persons == 0
    assert (
        services.dashboard.dashboard(
            site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"]
        ).refreshed_on
        == TODAY
    )


def test_lists_are_capped_per_category_but_counts_are_not(
    services: Services, admin: Actor, site_ids: dict[str, int], people: dict[str, int]
) -> None:
    full = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]),
        "site",
        site_ids["shelter"],
        per_category=None,
    )
    capped = services.dashboard.dashboard(
        site_lead(services, admin, site_ids["shelter"]), "site", site_ids["shelter"], per_category=1
    )
    assert capped.counts == full.counts and capped.counts_by_kind == full.counts_by_kind
    assert [len(capped.of(c)) for c in CATEGORIES] == [min(1, full.counts[c]) for c in CATEGORIES]
    assert capped.items == tuple(full.of(c)[0] for c in CATEGORIES if full.counts[c])
    with pytest.raises(Invalid) as err:
        services.dashboard.dashboard(
            site_lead(services, admin, site_ids["shelter"]),
            "site",
            site_ids["shelter"],
            per_category=0,
        )
    assert err.value.field == "per_category"
