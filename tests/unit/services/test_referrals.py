"""Referrals through the service: create for a visit, person or visitor, open list, close."""

from __future__ import annotations

import pytest

from clinic_app.errors import Conflict, Forbidden, Invalid
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.referrals import ReferralInput
from clinic_app.vocabulary import ReferralStatus, Urgency
from tests.unit.services.clinic_helpers import (  # noqa: F401 - fixtures
    counts,
    new_visitor,
    person_id_fixture,
    team_lead_fixture,
    visit_input,
)


def test_referral_from_a_visit_is_open_until_done(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    vid = new_visitor(services, nurse)
    visit = services.visits.record_visit(nurse, visit_input(site_ids["clinic"], visitor_id=vid))
    partner = services.reference.partners()[0]
    routine = services.referrals.create(
        nurse, ReferralInput("Dentist", "tooth ache", visit_id=visit.id, partner_id=partner.id)
    )
    urgent = services.referrals.create(
        nurse, ReferralInput("hospital", "fracture", Urgency.URGENT, visitor_id=vid)
    )
    assert routine.visitor_id == vid and routine.site_id == site_ids["clinic"]
    assert routine.specialty == "dentist" and routine.partner_name == partner.name
    assert routine.status is ReferralStatus.OPEN and routine.reason == "tooth ache"
    assert [r.id for r in services.referrals.open_referrals(nurse)] == [urgent.id, routine.id]
    assert [r.id for r in services.referrals.open_referrals(nurse, site_ids["clinic"])] == [
        routine.id
    ]
    done = services.referrals.mark_done(nurse, routine.id)
    assert done.status is ReferralStatus.DONE and done.done_at is not None
    services.referrals.cancel(nurse, urgent.id)
    assert services.referrals.open_referrals(nurse) == ()
    with pytest.raises(Conflict):
        services.referrals.mark_done(nurse, routine.id)


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (ReferralInput("astrologer", "x", visitor_id=1), "specialty", "unknown_specialty"),
        (ReferralInput("doctor", " ", visitor_id=1), "referral_reason", "required"),
        (ReferralInput("doctor", "x"), "who", "required"),
        (ReferralInput("doctor", "x", person_id=1, visitor_id=1), "who", "both_given"),
        (ReferralInput("doctor", "x", visit_id=999), "visit", "unknown_visit"),
        (ReferralInput("doctor", "x", visitor_id=1, partner_id=999), "partner", "unknown_partner"),
        (ReferralInput("doctor", "x", "soonish", visitor_id=1), "urgency", "unknown_urgency"),  # type: ignore[arg-type]
    ],
)
def test_bad_referral_input(
    services: Services, nurse: Actor, data: ReferralInput, field: str, code: str
) -> None:
    assert new_visitor(services, nurse) == 1
    before = counts(services)
    with pytest.raises(Invalid) as err:
        services.referrals.create(nurse, data)
    assert (err.value.field, err.value.code) == (field, code)
    assert counts(services) == before


def test_referral_reason_is_for_nurses(
    services: Services,
    nurse: Actor,
    team_lead: Actor,
    admin: Actor,
    staff: Actor,
    person_id: int,
) -> None:
    ref = services.referrals.create(
        nurse, ReferralInput("psychologist", "sleepless", person_id=person_id)
    )
    assert services.referrals.get(nurse, ref.id).reason == "sleepless"
    for actor in (team_lead, admin):
        view = services.referrals.get(actor, ref.id)
        assert view.reason is None and view.specialty == "psychologist"
    with pytest.raises(Forbidden):
        services.referrals.open_referrals(staff)
    with pytest.raises(Forbidden):
        services.referrals.create(admin, ReferralInput("doctor", "x", person_id=person_id))
    # Team leads may close referrals (e.g. when a nurse is away).
    assert services.referrals.mark_done(team_lead, ref.id).status is ReferralStatus.DONE
