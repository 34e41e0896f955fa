"""The timeline view (status, deadlines with rule sets, entitlements), the rule sets for the
administrator, and keeping the stored status and deadlines current (refresh_person/refresh_all).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import AuditEvent, GuardianAssignment, PersonDeadline
from clinic_app.rules import DeadlineKind
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services, build_services
from clinic_app.services.entitlements import ManualEntitlementInput
from clinic_app.services.facts_loader import (
    STATUS_LABELS,
    last_refresh,
    refresh_all,
    refresh_if_stale,
    refresh_person,
)
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    EventKind,
    ExtensionGround,
    HealthService,
    LegalStay,
    Outcome,
    Payer,
    Role,
)
from tests.conftest import FAST_HASHER, TODAY, make_user
from tests.unit.services.test_cases import FIRST_CONTACT, IDENTIFIED, register, stored


@pytest.fixture
def pid(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    return register(services, admin, site_ids["shelter"])


def identify(services: Services, actor: Actor, pid: int, day: dt.date) -> None:
    services.cases.record_event(actor, pid, EventInput(EventKind.FIRST_CONTACT, day))
    services.cases.record_event(
        actor,
        pid,
        EventInput(
            EventKind.IDENTIFICATION,
            day,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )


def test_timeline_shows_status_deadlines_and_entitlements(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    view = services.timeline.timeline(admin, pid)
    assert view.status == "reflection" and view.status_label == STATUS_LABELS["reflection"]
    assert view.identified_by is Authority.IMMIGRATION_SERVICE
    assert (view.reflection_start, view.reflection_end) == (
        dt.date(2026, 11, 10),
        dt.date(2026, 12, 10),
    )
    end = [d for d in view.deadlines if d.kind is DeadlineKind.REFLECTION_END]
    assert len(end) == 1 and end[0].rule_set_id == "2013+" and end[0].tab == "timeline"
    assert "30 days from identification on 2026-11-10" in end[0].explanation
    dentistry = next(e for e in view.entitlements if e.service is HealthService.DENTISTRY)
    assert dentistry.covered and dentistry.payer is Payer.IMMIGRATION_SERVICE
    assert dentistry.valid_until == dt.date(2026, 12, 10)
    assert [r.id for r in view.rule_sets] == ["2013+"]
    assert view.rule_sets[0].reflection_max_total_days == 120
    with services.db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.person_id == pid)).all()
    assert "timeline.view" in actions


def test_person_identified_under_the_2011_rules_keeps_them(
    services: Services, admin: Actor, pid: int
) -> None:
    identify(services, admin, pid, dt.date(2013, 5, 2))
    (explained,) = services.timeline.explain(admin, pid, "reflection_end")
    assert explained.deadline.due == dt.date(2013, 6, 1)
    assert explained.rule_set is not None and explained.rule_set.id == "2011"
    assert explained.rule_set.reflection_max_total_days == 100
    assert not explained.rule_set.in_force_today
    assert explained.rule_set.effective_until == dt.date(2013, 6, 24)
    with pytest.raises(Invalid) as err:
        services.timeline.explain(admin, pid, "no_such_deadline")
    assert err.value.field == "deadline_kind"


def test_rule_sets_list_dates_and_sources(services: Services, admin: Actor) -> None:
    stats = make_user(services, admin, "stella", Role.STATISTICS, None)
    sets = services.timeline.rule_sets(stats)  # public law: any signed-in role
    assert [r.id for r in sets] == ["2011", "2013+"]
    assert sets[0].effective_from is None and sets[1].effective_from == dt.date(2013, 6, 25)
    assert sets[1].in_force_today and sets[1].avr_follow_up_months == 6
    assert all(r.sources for r in sets)
    assert any(not src.verified or src.note for src in sets[1].sources)


def test_timeline_permissions(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int
) -> None:
    stats = make_user(services, admin, "stella", Role.STATISTICS, None)
    elsewhere = make_user(services, admin, "tove", Role.SHELTER_STAFF, site_ids["clinic"])
    here = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    for actor in (stats, elsewhere):
        with pytest.raises(Forbidden):
            services.timeline.timeline(actor, pid)
    assert services.timeline.timeline(here, pid).entitlements_visible


def test_minor_without_guardian_gets_an_obligation_until_one_is_appointed(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    pid = register(
        services,
        admin,
        site_ids["shelter"],
        birth_certainty=BirthCertainty.ESTIMATED_YEAR,
        birth_date=None,
        birth_year=2010,
    )
    kinds = {d.kind: d for d in services.timeline.timeline(admin, pid).deadlines}
    assert kinds[DeadlineKind.GUARDIAN_MISSING].tab == "contacts"
    assert kinds[DeadlineKind.TURNS_18].uncertain
    assert ("guardian_missing", TODAY, "") in stored(services, pid)[1]
    with services.db.write() as s:
        s.add(GuardianAssignment(person_id=pid, name="G. Representative", appointed_date=TODAY))
        s.flush()
        refresh_person(s, pid, TODAY)
    assert "guardian_missing" not in {k for k, _, _ in stored(services, pid)[1]}


def test_stored_status_does_not_count_as_an_edit(
    services: Services, admin: Actor, pid: int
) -> None:
    before = services.persons.get(admin, pid).version
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    after = services.persons.get(admin, pid)
    assert after.status == "reflection"
    assert after.version == before  # an open edit form does not meet a false conflict


def test_refresh_all_moves_statuses_and_deadlines_with_the_date(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    later = dt.date(2027, 1, 15)  # the 30-day reflection period ended on 2026-12-10
    report = refresh_all(services.db, later)
    assert report.persons == 1 and report.changed == 1
    status, deadlines = stored(services, pid)
    assert status == "expired_must_leave"  # ended with no permit, asylum claim or departure
    assert "reflection_max_end" not in {k for k, _, _ in deadlines}
    assert last_refresh(services.db) == later
    assert refresh_if_stale(services.db, later) is None
    next_day = later + dt.timedelta(days=1)
    assert refresh_if_stale(services.db, next_day) is not None
    # An unmet obligation is due "today" on every refresh, so it never drifts into history.
    assert ("contact_person_missing", next_day, "") in stored(services, pid)[1]


def test_refresh_all_skips_archived_persons(services: Services, admin: Actor, pid: int) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    services.persons.archive(admin, pid, "left the country")
    assert refresh_all(services.db, dt.date(2027, 1, 15)).persons == 0
    assert stored(services, pid)[0] == "reflection"  # archived records are left as they were


def test_restoring_from_the_archive_brings_deadlines_up_to_date(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    services.persons.archive(admin, pid, "left the country")
    refresh_all(services.db, TODAY)
    later = build_services(services.db, hasher=FAST_HASHER, clock=lambda: dt.date(2027, 1, 15))
    later.persons.restore(admin, pid)
    assert stored(services, pid)[0] == "expired_must_leave"  # the period ended meanwhile


# --- legal engine v2 through the service path staff use (issue 15) --------------------------


def _request(
    day: dt.date, ground: ExtensionGround | None, until: dt.date | None = None
) -> EventInput:
    return EventInput(EventKind.REFLECTION_EXTENSION_REQUESTED, day, end_date=until, ground=ground)


def test_request_is_expected_until_the_decision_replaces_it(
    services: Services, admin: Actor, pid: int, site_ids: dict[str, int]
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    services.cases.record_event(
        admin, pid, _request(dt.date(2026, 11, 20), ExtensionGround.RETURN_COOPERATION)
    )
    view = services.timeline.timeline(admin, pid)
    assert view.status == "reflection_extension_requested"
    assert view.status_label_da == "Refleksionsperiode (forlængelse søgt, forventet)"
    assert view.reflection_expected_end == dt.date(2027, 3, 10)  # 120 days from 2026-11-10
    assert view.reflection_granted_end == dt.date(2026, 12, 10)
    end = next(d for d in view.deadlines if d.kind is DeadlineKind.REFLECTION_END)
    assert end.expected and end.due == dt.date(2027, 3, 10) and "EXPECTED" in end.explanation
    dentistry = next(e for e in view.entitlements if e.service is HealthService.DENTISTRY)
    assert dentistry.expected and dentistry.valid_until == dt.date(2027, 3, 10)
    # The dashboard shows the same, expected, with the person's status.
    lead = make_user(services, admin, "lea", Role.TEAM_LEAD, site_ids["shelter"])
    board = services.dashboard.dashboard(lead, "site", site_ids["shelter"])  # her own site
    assert board.items  # the contact person is missing: due today
    with services.db.read() as s:
        expected_rows = s.scalars(
            select(PersonDeadline.kind).where(
                PersonDeadline.person_id == pid, PersonDeadline.expected.is_(True)
            )
        ).all()
    assert set(expected_rows) == {"reflection_end", "entitlement_end"}
    assert {i.status for i in board.items} == {"reflection_extension_requested"}
    services.cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.REFLECTION_EXTENSION_DECIDED,
            dt.date(2026, 11, 25),
            outcome=Outcome.GRANTED,
            end_date=dt.date(2027, 2, 1),
        ),
    )
    view = services.timeline.timeline(admin, pid)
    assert view.status == "reflection_extended" and view.reflection_expected_end is None
    end = next(d for d in view.deadlines if d.kind is DeadlineKind.REFLECTION_END)
    assert not end.expected and end.due == dt.date(2027, 2, 1)


def test_unlawful_request_is_recorded_and_says_why_it_extends_nothing(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    with pytest.raises(Invalid) as no_ground:
        services.cases.record_event(admin, pid, _request(dt.date(2026, 11, 20), None))
    assert no_ground.value.code == "ground_required"
    services.cases.record_event(admin, pid, _request(dt.date(2026, 11, 20), ExtensionGround.OTHER))
    view = services.timeline.timeline(admin, pid)
    assert view.status == "reflection" and view.reflection_end == dt.date(2026, 12, 10)
    assert view.notes[0].code == "request_extends_nothing"
    assert "extends nothing" in view.notes[0].text


def test_identifications_the_law_does_not_allow_are_refused(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    for authority, stay, code in (
        (Authority.POLICE, LegalStay.NONE, "not_an_identifier"),
        (Authority.IMMIGRATION_SERVICE, None, "legal_stay_unknown_at_identification"),
        (Authority.CMM, LegalStay.NONE, "wrong_identification_authority"),
    ):
        with pytest.raises(Invalid) as refused:
            services.cases.record_event(
                admin,
                pid,
                EventInput(
                    EventKind.IDENTIFICATION,
                    dt.date(2026, 11, 10),
                    authority=authority,
                    outcome=Outcome.IDENTIFIED,
                    legal_stay=stay,
                ),
            )
        assert refused.value.code == code
    assert services.timeline.timeline(admin, pid).status == "presumed"


def test_a_void_that_breaks_the_history_is_recorded_and_flagged(
    services: Services, admin: Actor, pid: int
) -> None:
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    services.cases.record_event(
        admin, pid, EventInput(EventKind.REFLECTION_START, dt.date(2026, 11, 10))
    )
    services.cases.record_event(
        admin, pid, _request(dt.date(2026, 11, 20), ExtensionGround.PARTICULAR_REASONS)
    )
    identification = next(
        e for e in services.cases.history(admin, pid) if e.kind is EventKind.IDENTIFICATION
    )
    services.cases.void_event(admin, identification.id, "wrong person")
    view = services.timeline.timeline(admin, pid)
    assert view.status == "history_needs_correction"
    assert [v.code for v in view.violations] == ["reflection_before_identification"]
    assert stored(services, pid)[0] == "history_needs_correction"
    kinds = {d.kind for d in view.deadlines}
    assert DeadlineKind.HISTORY_CORRECTION in kinds
    assert all(
        d.unreliable for d in view.deadlines if d.kind is not DeadlineKind.HISTORY_CORRECTION
    )


def test_manual_entitlement_must_name_who_pays(services: Services, admin: Actor, pid: int) -> None:
    with pytest.raises(Invalid) as refused:
        services.entitlements.add_manual(
            admin, pid, ManualEntitlementInput(HealthService.DENTISTRY, Payer.UNKNOWN, "unsure")
        )
    assert refused.value.code == "unknown_payer"


def test_own_insurance_names_the_insurers_country(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    pid = register(services, admin, site_ids["shelter"], own_insurance=True, insurer_country="ro")
    assert services.persons.get(admin, pid).insurer_country == "RO"
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.IDENTIFICATION,
            dt.date(2026, 11, 10),
            authority=Authority.CMM,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.EU_CITIZEN,
        ),
    )
    view = services.timeline.timeline(admin, pid)
    dentistry = next(e for e in view.entitlements if e.service is HealthService.DENTISTRY)
    assert dentistry.payer is Payer.OWN_INSURANCE and "insurer in RO" in dentistry.explanation
    general = next(e for e in view.entitlements if e.service is HealthService.GENERAL_PRACTICE)
    assert general.payer is Payer.UNKNOWN  # legal stay, no yellow card recorded: no source says
    with pytest.raises(Invalid) as bad:
        register(services, admin, None, own_insurance=True, insurer_country="XX")
    assert bad.value.field == "insurer_country"
