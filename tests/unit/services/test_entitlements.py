"""Manual entitlements: an override with a mandatory reason, revoking it, listing, permissions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clinic_app.errors import Conflict, Forbidden, Invalid
from clinic_app.models import AuditEvent, Entitlement
from clinic_app.rules import EntitlementSource
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.entitlements import ManualEntitlementInput
from clinic_app.services.timeline import EntitlementView
from clinic_app.vocabulary import HealthService, Payer, Role
from tests.conftest import TODAY, make_user
from tests.unit.services.test_cases import FIRST_CONTACT, IDENTIFIED, register, stored

THERAPY_UNTIL = dt.date(2027, 2, 28)
OVERRIDE = ManualEntitlementInput(
    HealthService.PSYCHOLOGICAL_THERAPY,
    Payer.IMMIGRATION_SERVICE,
    "Therapy approved by the Immigration Service beyond the reflection period",
    valid_from=TODAY,
    valid_to=THERAPY_UNTIL,
)


@pytest.fixture
def pid(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    pid = register(services, admin, site_ids["shelter"])
    services.cases.record_event(admin, pid, FIRST_CONTACT)
    services.cases.record_event(admin, pid, IDENTIFIED)
    return pid


def line(services: Services, actor: Actor, pid: int, service: HealthService) -> EntitlementView:
    view = services.timeline.timeline(actor, pid)
    return next(e for e in view.entitlements if e.service is service)


def count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count(Entitlement.id))) or 0


def test_override_replaces_the_computed_line_and_adds_its_end(
    services: Services, admin: Actor, pid: int
) -> None:
    added = services.entitlements.add_manual(admin, pid, OVERRIDE)
    assert added.covered and added.reason.startswith("Therapy approved")
    therapy = line(services, admin, pid, HealthService.PSYCHOLOGICAL_THERAPY)
    assert therapy.source is EntitlementSource.MANUAL
    assert therapy.valid_until == THERAPY_UNTIL
    assert "Therapy approved" in therapy.explanation
    assert "rule says" in therapy.explanation
    assert ("entitlement_end", THERAPY_UNTIL, "2013+") in stored(services, pid)[1]
    assert [e.id for e in services.entitlements.list_manual(admin, pid)] == [added.id]
    with services.db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.person_id == pid)).all()
    assert "entitlement.override" in actions and "entitlement.view" in actions


def test_a_decision_that_a_service_is_not_covered(
    services: Services, admin: Actor, pid: int
) -> None:
    services.entitlements.add_manual(
        admin,
        pid,
        ManualEntitlementInput(HealthService.BODY_THERAPY, Payer.NONE, "No provider nearby"),
    )
    body = line(services, admin, pid, HealthService.BODY_THERAPY)
    assert not body.covered and body.payer is Payer.NONE


def test_revoke_restores_the_rule(services: Services, admin: Actor, pid: int) -> None:
    added = services.entitlements.add_manual(admin, pid, OVERRIDE)
    revoked = services.entitlements.revoke(admin, added.id)
    assert revoked.revoked
    therapy = line(services, admin, pid, HealthService.PSYCHOLOGICAL_THERAPY)
    assert therapy.source is EntitlementSource.RULE
    assert ("entitlement_end", THERAPY_UNTIL, "2013+") not in stored(services, pid)[1]
    assert services.entitlements.list_manual(admin, pid) == ()
    assert len(services.entitlements.list_manual(admin, pid, include_revoked=True)) == 1
    with pytest.raises(Conflict):
        services.entitlements.revoke(admin, added.id)


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (
            ManualEntitlementInput(HealthService.DENTISTRY, Payer.CMM, "   "),
            "reason",
            "required",
        ),
        (
            ManualEntitlementInput(
                HealthService.DENTISTRY,
                Payer.CMM,
                "Emergency",
                valid_from=TODAY,
                valid_to=TODAY - dt.timedelta(days=1),
            ),
            "valid_to",
            "end_before_start",
        ),
    ],
)
def test_bad_input_writes_nothing(
    services: Services,
    admin: Actor,
    pid: int,
    data: ManualEntitlementInput,
    field: str,
    code: str,
) -> None:
    with pytest.raises(Invalid) as err:
        services.entitlements.add_manual(admin, pid, data)
    assert (err.value.field, err.value.code) == (field, code)
    assert count(services) == 0


def test_only_administrators_and_team_leads_override(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int
) -> None:
    lead = make_user(services, admin, "lene", Role.TEAM_LEAD, site_ids["clinic"])
    for username, role in (
        ("hanne", Role.SHELTER_STAFF),
        ("nora", Role.NURSE),
        ("carla", Role.CONTACT_PERSON),
        ("stella", Role.STATISTICS),
    ):
        actor = make_user(services, admin, username, role, site_ids["shelter"])
        with pytest.raises(Forbidden):
            services.entitlements.add_manual(actor, pid, OVERRIDE)
    assert count(services) == 0
    added = services.entitlements.add_manual(lead, pid, OVERRIDE)
    stats = make_user(services, admin, "sven", Role.STATISTICS, None)
    with pytest.raises(Forbidden):
        services.entitlements.list_manual(stats, pid)
    with pytest.raises(Forbidden):
        services.entitlements.revoke(stats, added.id)
