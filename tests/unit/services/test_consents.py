"""Recording, listing and withdrawing consents: input checks, permissions, audit, deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clinic_app.errors import Conflict, Forbidden, Invalid
from clinic_app.models import AuditEvent, Consent, PersonDeadline
from clinic_app.security.context import Actor
from clinic_app.services.consents import (
    ConsentInput,
    Purpose,
    purpose_of,
    purpose_text,
)
from clinic_app.services.container import Services
from clinic_app.vocabulary import DataCategory, PartnerKind, Role
from tests.conftest import make_user
from tests.unit.services.test_cases import register

FROM = dt.date(2026, 11, 20)
TO = dt.date(2026, 12, 20)


@pytest.fixture
def pid(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    return register(services, admin, site_ids["shelter"])


@pytest.fixture
def lawyer(services: Services, admin: Actor) -> int:
    return services.reference.save_partner(
        admin, None, name="Advokat Test", kind=PartnerKind.LEGAL
    ).id


def data(partner: int | None = None, **kw: object) -> ConsentInput:
    values: dict[str, object] = {
        "purpose": Purpose.LEGAL_STATUS,
        "data_categories": (DataCategory.LEGAL_STATUS, DataCategory.IDENTITY),
        "valid_from": FROM,
        "valid_to": TO,
        "partner_id": partner,
        "purpose_note": "Her lawyer in the criminal case",
    }
    values.update(kw)
    return ConsentInput(**values)  # type: ignore[arg-type]


def expiry_deadlines(services: Services, pid: int) -> list[dt.date]:
    with services.db.read() as s:
        return list(
            s.scalars(
                select(PersonDeadline.due_date).where(
                    PersonDeadline.person_id == pid, PersonDeadline.kind == "consent_expiry"
                )
            )
        )


def test_record_list_withdraw(services: Services, admin: Actor, pid: int, lawyer: int) -> None:
    view = services.consents.record(admin, pid, data(lawyer))
    assert view.active and view.partner_name == "Advokat Test" and view.recipient == "Advokat Test"
    assert view.purpose is Purpose.LEGAL_STATUS
    assert view.data_categories == (DataCategory.LEGAL_STATUS, DataCategory.IDENTITY)
    assert view.recorded_by == "Administrator"
    assert expiry_deadlines(services, pid) == [TO]  # the expiry is a deadline at once
    [listed] = services.consents.list_for_person(admin, pid)
    assert listed.id == view.id
    gone = services.consents.withdraw(admin, view.id)
    assert not gone.active and gone.withdrawn_at is not None
    assert expiry_deadlines(services, pid) == []
    with pytest.raises(Conflict):
        services.consents.withdraw(admin, view.id)
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.person_id == pid)))
    assert {"consent.record", "consent.list", "consent.withdraw"} <= set(actions)


def test_kind_consent(services: Services, admin: Actor, pid: int) -> None:
    view = services.consents.record(admin, pid, data(None, partner_kind=PartnerKind.MEDICAL))
    assert view.partner_id is None and view.recipient == "any medical"


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"data_categories": ()}, "data_categories"),
        ({"valid_to": dt.date(2026, 11, 1)}, "valid_to"),
        ({"partner_kind": PartnerKind.LEGAL}, "partner"),  # both partner and kind
        ({"purpose": "gossip"}, "purpose"),
        ({"purpose_note": "x" * 3000}, "purpose_note"),
    ],
)
def test_bad_input_writes_nothing(
    services: Services, admin: Actor, pid: int, lawyer: int, kw: dict[str, object], field: str
) -> None:
    with pytest.raises(Invalid) as err:
        services.consents.record(admin, pid, data(lawyer, **kw))
    assert err.value.field == field
    with services.db.read() as s:
        assert s.scalar(select(Consent.id)) is None


def test_no_partner_at_all_is_invalid(services: Services, admin: Actor, pid: int) -> None:
    with pytest.raises(Invalid) as err:
        services.consents.record(admin, pid, data(None))
    assert err.value.field == "partner"


def test_only_allowed_roles_record(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int, lawyer: int
) -> None:
    other_site = make_user(services, admin, "sofie", Role.SHELTER_STAFF, site_ids["clinic"])
    with pytest.raises(Forbidden):
        services.consents.record(other_site, pid, data(lawyer))
    stats = make_user(services, admin, "stan", Role.STATISTICS, None)
    with pytest.raises(Forbidden):
        services.consents.list_for_person(stats, pid)


def test_purpose_text_round_trip() -> None:
    assert purpose_of("health_care: dentist") is Purpose.HEALTH_CARE
    assert purpose_of("Share case information") is None  # free text matches no document
    assert purpose_text("health_care: dentist", "da") == "Sundhedsbehandling: dentist"
    assert purpose_text("Share case information", "en") == "Share case information"
