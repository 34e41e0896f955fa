"""Anonymous visitors through the service: codes, finding by code or nickname, history, and
linking a visitor to a registered person with her history carried over."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import AuditEvent, Referral, Visit
from clinic_app.security.context import Actor
from clinic_app.services.clinic_common import CODE_ALPHABET, looks_like_code, normalise_code
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.vocabulary import AgeBand, Role
from tests.conftest import make_user
from tests.unit.services.clinic_helpers import (  # noqa: F401 - fixtures
    NOON,
    counts,
    new_visitor,
    person_id_fixture,
    visit_input,
)


def test_new_visitor_gets_a_short_unambiguous_unique_code(
    services: Services, nurse: Actor, site_ids: dict[str, int]
) -> None:
    codes = {
        services.visitors.create(nurse, VisitorInput(first_site_id=site_ids["clinic"])).code
        for _ in range(30)
    }
    assert len(codes) == 30
    for code in codes:
        assert code.startswith("V-") and len(code) == 7
        assert not set(code[2:]) & set("01OILU")
        assert set(code[2:]) <= set(CODE_ALPHABET)


def test_visitor_details_are_cleaned(services: Services, nurse: Actor) -> None:
    view = services.visitors.create(nurse, VisitorInput(" Mira ", AgeBand.AGE_18_24, "ng", "EN"))
    assert (view.nickname, view.nationality, view.language) == ("Mira", "NG", "en")
    assert view.visit_count == 0 and view.linked_person_id is None


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (VisitorInput(nationality="XX"), "nationality", "unknown_country"),
        (VisitorInput(language="e n"), "language", "bad_language_tag"),
        (VisitorInput(nickname="x" * 101), "nickname", "too_long"),
        (VisitorInput(age_band="teen"), "age_band", "unknown_age_band"),  # type: ignore[arg-type]
        (VisitorInput(first_site_id=1), "site", "not_a_clinic"),  # the shelter
    ],
)
def test_bad_visitor_input(
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
    data: VisitorInput,
    field: str,
    code: str,
) -> None:
    assert site_ids["shelter"] == 1
    before = counts(services)
    with pytest.raises(Invalid) as err:
        services.visitors.create(nurse, data)
    assert (err.value.field, err.value.code) == (field, code)
    assert counts(services) == before


def test_code_normalisation() -> None:
    assert normalise_code(" v-7k3q9 ") == "V-7K3Q9"
    assert normalise_code("7K3Q9") == "V-7K3Q9"
    assert normalise_code("V 7K3Q9") == "V-7K3Q9"
    assert looks_like_code("v-70k1z") and not looks_like_code("Mira")


def test_find_by_code_and_search_by_nickname(services: Services, nurse: Actor) -> None:
    mira = services.visitors.create(nurse, VisitorInput("Míra"))
    services.visitors.create(nurse, VisitorInput("Mirela"))
    services.visitors.create(nurse, VisitorInput("Olena"))
    assert services.visitors.find_by_code(nurse, mira.code.lower()).id == mira.id
    with pytest.raises(NotFound):
        services.visitors.find_by_code(nurse, "V-ZZZZZ")
    assert {v.nickname for v in services.visitors.search(nurse, "mir")} == {"Míra", "Mirela"}
    assert [v.nickname for v in services.visitors.search(nurse, "MIRA")] == ["Míra"]
    assert [v.id for v in services.visitors.search(nurse, mira.code)] == [mira.id]
    assert services.visitors.search(nurse, "nobody") == ()
    with services.db.read() as s:
        details = s.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "visitor.search")
        ).all()
    assert details and all("mir" not in d.lower() for d in details)


def test_staff_cannot_find_visitors(services: Services, nurse: Actor, staff: Actor) -> None:
    code = services.visitors.create(nurse, VisitorInput("Mira")).code
    with pytest.raises(Forbidden):
        services.visitors.find_by_code(staff, code)
    with pytest.raises(Forbidden):
        services.visitors.search(staff, "Mira")


def test_linking_carries_history_over_and_is_audited(
    services: Services,
    admin: Actor,
    nurse: Actor,
    staff: Actor,
    site_ids: dict[str, int],
    person_id: int,
) -> None:
    clinic = site_ids["clinic"]
    vid = new_visitor(services, nurse)
    first = services.visits.record_visit(
        nurse, visit_input(clinic, visitor_id=vid, visited_at=NOON - dt.timedelta(days=30))
    )
    second = services.visits.record_visit(
        nurse, visit_input(clinic, visitor_id=vid, visited_at=NOON - dt.timedelta(days=3))
    )
    referral = services.referrals.create(
        nurse, ReferralInput("dentist", "tooth", visit_id=second.id)
    )
    assert services.visits.person_visits(nurse, person_id) == ()

    # Linking changes her record: a nurse who may edit her (at her shelter) links.
    linker = make_user(services, admin, "nell", Role.NURSE, site_ids["shelter"])
    linked = services.visitors.link_to_person(linker, vid, person_id, "Same card code")
    assert linked.linked_person_id == person_id and linked.linked_at is not None
    assert linked.linked_case_ref is not None

    carried = services.visits.person_visits(nurse, person_id)
    assert [v.id for v in carried] == [second.id, first.id]
    assert all(v.visitor_id == vid and v.case_ref == linked.linked_case_ref for v in carried)
    # Shelter staff at her new shelter now see that she had visits, and nothing more.
    seen = services.visits.person_visits(staff, person_id)
    assert len(seen) == 2 and all(v.services is None and v.clinical_notes is None for v in seen)
    assert [r.id for r in services.referrals.for_person(nurse, person_id)] == [referral.id]
    with services.db.read() as s:
        assert set(s.scalars(select(Visit.visitor_id).where(Visit.person_id == person_id))) == {vid}
        assert s.scalar(select(Referral.person_id).where(Referral.id == referral.id)) == person_id
        audit = s.execute(
            select(AuditEvent.person_id, AuditEvent.details).where(
                AuditEvent.action == "visitor.link"
            )
        ).one()
    details = json.loads(audit[1])
    assert audit[0] == person_id
    assert details == {
        "visitor_id": vid,
        "person_id": person_id,
        "visits": 2,
        "referrals": 1,
        "reason": "Same card code",
    }

    # A new visit by card code after linking lands on her record too.
    third = services.visits.record_visit(nurse, visit_input(clinic, visitor_id=vid))
    assert third.person_id == person_id
    # Linking again to the same person is harmless; to another is refused.
    again = services.visitors.link_to_person(linker, vid, person_id, "again")
    assert again.linked_person_id == person_id
    other = services.persons.register(
        admin, PersonInput(names=(NameInput("Other Person"),), site_id=site_ids["shelter"])
    ).id
    with pytest.raises(Conflict):
        services.visitors.link_to_person(linker, vid, other, "wrong")

    # Unlink: everything the visitor brought goes back to her, audited with the reason.
    own = services.visits.record_visit(nurse, visit_input(clinic, person_id=person_id))
    back = services.visitors.unlink(linker, vid, "Two women share the card")
    assert back.linked_person_id is None and back.linked_case_ref is None
    assert [v.id for v in services.visits.person_visits(nurse, person_id)] == [own.id]
    assert {v.id for v in services.visitors.history(nurse, vid)} == {first.id, second.id, third.id}
    assert services.referrals.for_person(nurse, person_id) == ()
    with services.db.read() as s:
        row = s.execute(
            select(AuditEvent.person_id, AuditEvent.details).where(
                AuditEvent.action == "visitor.unlink"
            )
        ).one()
    assert row[0] == person_id
    assert json.loads(row[1])["visits"] == 3 and json.loads(row[1])["referrals"] == 1
    with pytest.raises(Conflict):
        services.visitors.unlink(linker, vid, "twice")


def test_linking_needs_the_right_to_edit_her_and_record_visits_and_a_reason(
    services: Services, admin: Actor, nurse: Actor, staff: Actor, person_id: int
) -> None:
    vid = new_visitor(services, nurse)
    for who in (staff, admin):  # may edit her, may not record visits
        with pytest.raises(Forbidden):
            services.visitors.link_to_person(who, vid, person_id, "reason")
    with pytest.raises(Forbidden):  # records visits, may not edit a shelter's resident
        services.visitors.link_to_person(nurse, vid, person_id, "reason")
    with pytest.raises(Invalid) as err:
        services.visitors.link_to_person(nurse, vid, person_id, "  ")
    assert err.value.field == "reason"
    here = services.persons.register(
        nurse, PersonInput(names=(NameInput("At The Clinic"),), site_id=nurse.site_id)
    )
    with pytest.raises(NotFound):
        services.visitors.link_to_person(nurse, vid, 9999, "reason")
    assert services.visitors.link_to_person(nurse, vid, here.id, "reason").linked_person_id
    with pytest.raises(Forbidden):
        services.visitors.unlink(staff, vid, "reason")
