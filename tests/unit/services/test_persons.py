"""Person use cases through the service layer: register, update, aliases, search, archive."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import AuditEvent, Person
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonFilter, PersonInput
from clinic_app.vocabulary import BirthCertainty, ExploitationForm, Role, SafetyFlag, Sex
from tests.conftest import TODAY, make_user


def person_input(name: str = "Bogdána Dumitru", **kw: object) -> PersonInput:
    base: dict[str, object] = {
        "names": (NameInput(name, preferred=True, script="Latn", language="ro"),),
        "sex": Sex.FEMALE,
        "birth_certainty": BirthCertainty.ESTIMATED_YEAR,
        "birth_year": 1998,
        "nationality": "ro",
        "exploitation": (ExploitationForm.SEXUAL,),
    }
    base.update(kw)
    return PersonInput(**base)  # type: ignore[arg-type]


def count_persons(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count(Person.id))) or 0


def test_register_gives_unique_printable_case_ref(services: Services, admin: Actor) -> None:
    a = services.persons.register(admin, person_input())
    b = services.persons.register(admin, person_input("Olena Kovalenko", nationality="UA"))
    assert a.case_ref != b.case_ref
    assert a.case_ref.startswith("26-") and len(a.case_ref) == 8
    assert a.nationality == "RO"
    assert a.display_name == "Bogdána Dumitru"
    assert a.exploitation == (ExploitationForm.SEXUAL,)
    # Estimated year 1998 counts from its end (a minor while in doubt): 27 on 2026-11-26.
    assert a.age == 27 and a.age_uncertain


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (person_input(" "), "names", "required"),
        (
            person_input(
                birth_certainty=BirthCertainty.EXACT, birth_date=TODAY + dt.timedelta(days=1)
            ),
            "birth_date",
            "in_future",
        ),
        (
            person_input(birth_certainty=BirthCertainty.EXACT, birth_date=None),
            "birth_date",
            "required",
        ),
        (person_input(birth_year=2031), "birth_year", "out_of_range"),
        (person_input(nationality="XX"), "nationality", "unknown_country"),
        (
            person_input(birth_certainty=BirthCertainty.AGE_ASSESSED, assessment_date=TODAY),
            "assessed_age",
            "required",
        ),
        (person_input(languages=("ro; drop table",)), "languages", "bad_language_tag"),
        (person_input("Name\x00With null"), "names", "control_characters"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    services: Services, admin: Actor, data: PersonInput, field: str, code: str
) -> None:
    with pytest.raises(Invalid) as err:
        services.persons.register(admin, data)
    assert (err.value.field, err.value.code) == (field, code)
    assert count_persons(services) == 0


def test_update_with_stale_version_is_a_conflict(services: Services, admin: Actor) -> None:
    p = services.persons.register(admin, person_input())
    services.persons.update(admin, p.id, person_input(notes="first"), p.version)
    with pytest.raises(Conflict):
        services.persons.update(admin, p.id, person_input(notes="second"), p.version)
    assert services.persons.get(admin, p.id).notes == "first"


def test_update_audits_changed_field_names_not_values(services: Services, admin: Actor) -> None:
    p = services.persons.register(admin, person_input())
    services.persons.update(admin, p.id, person_input(notes="secret words"), p.version)
    with services.db.read() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "person.edit")).one()
    assert '"notes"' in row.details and "secret words" not in row.details


def test_search_is_accent_and_case_insensitive_and_finds_aliases(
    services: Services, admin: Actor
) -> None:
    p = services.persons.register(admin, person_input())
    services.persons.add_alias(admin, p.id, NameInput("Богдана", script="Cyrl", language="uk"))
    services.persons.register(
        admin, person_input("Grace Okafor", nationality="NG", birth_year=2001)
    )
    assert [x.id for x in services.persons.search(admin, "bogdana").items] == [p.id]
    assert [x.id for x in services.persons.search(admin, "BOGDÁNA dumi").items] == [p.id]
    assert [x.id for x in services.persons.search(admin, "Богдана").items] == [p.id]
    assert [x.id for x in services.persons.search(admin, "1998").items] == [p.id]
    assert [x.id for x in services.persons.search(admin, p.case_ref.lower()).items] == [p.id]
    assert services.persons.search(admin, "%").total == 0
    assert services.persons.search(admin, "").total == 2


def test_search_terms_are_not_audited(services: Services, admin: Actor) -> None:
    services.persons.search(admin, "Okafor")
    with services.db.read() as s:
        details = s.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "person.search")
        ).all()
    assert details and all("Okafor" not in d for d in details)


def test_minor_filter_uses_estimated_birth(services: Services, admin: Actor) -> None:
    adult = services.persons.register(admin, person_input())
    minor = services.persons.register(
        admin, person_input("Amina Yusuf", birth_year=2011, nationality="NG")
    )
    assert minor.is_minor and not adult.is_minor
    assert [x.id for x in services.persons.search(admin, flt=PersonFilter(minor=True)).items] == [
        minor.id
    ]
    assert [x.id for x in services.persons.search(admin, flt=PersonFilter(minor=False)).items] == [
        adult.id
    ]


def test_archive_hides_from_default_search_and_needs_reason(
    services: Services, admin: Actor
) -> None:
    p = services.persons.register(admin, person_input())
    with pytest.raises(Invalid):
        services.persons.archive(admin, p.id, "")
    services.persons.archive(admin, p.id, "Returned home")
    assert services.persons.search(admin, "").total == 0
    assert services.persons.search(admin, "", PersonFilter(archived=True)).total == 1
    assert services.persons.get(admin, p.id).archived  # kept, not deleted


def test_remove_alias_keeps_at_least_one_name(services: Services, admin: Actor) -> None:
    p = services.persons.register(admin, person_input())
    with pytest.raises(Invalid):
        services.persons.remove_alias(admin, p.id, p.names[0].id)
    p2 = services.persons.add_alias(admin, p.id, NameInput("Bogdana D."))
    p3 = services.persons.remove_alias(admin, p.id, p2.names[1].id)
    assert [n.name for n in p3.names] == ["Bogdána Dumitru"]


def test_duplicate_check_finds_transliterated_and_accented_names(
    services: Services, admin: Actor
) -> None:
    p = services.persons.register(
        admin, person_input("Olena Kovalenko", nationality="UA", birth_year=1995)
    )
    found = services.persons.find_similar(admin, ["Олена Коваленко"], 1995, "UA")
    assert [c.id for c in found] == [p.id]
    found = services.persons.find_similar(admin, ["olena kowalenko"], 1996, "UA")
    assert [c.id for c in found] == [p.id]
    assert services.persons.find_similar(admin, ["Olena Kovalenko"], 1980, "UA") == ()
    assert services.persons.find_similar(admin, ["Grace Okafor"], 1995, "UA") == ()


def test_unknown_person_and_case_ref(services: Services, admin: Actor) -> None:
    with pytest.raises(NotFound):
        services.persons.get(admin, 999)
    with pytest.raises(NotFound):
        services.persons.get_by_case_ref(admin, "26-NOPE0")


def test_statistics_user_cannot_search_or_view(services: Services, admin: Actor) -> None:
    p = services.persons.register(admin, person_input())
    stats = make_user(services, admin, "stella", Role.STATISTICS, None)
    with pytest.raises(Forbidden):
        services.persons.search(stats, "")
    with pytest.raises(Forbidden):
        services.persons.get(stats, p.id)


def test_location_hidden_from_staff_of_other_sites(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    p = services.persons.register(
        admin,
        person_input(
            site_id=site_ids["shelter"], safety_flags=(SafetyFlag.DO_NOT_DISCLOSE_LOCATION,)
        ),
    )
    here = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    there = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["clinic"])
    assert services.persons.get(here, p.id).site_name == "Shelter North"
    hidden = services.persons.search(there, "").items[0]
    assert hidden.site_name is None


def test_scoped_roles_search_only_their_site_or_caseload(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    here = services.persons.register(admin, person_input(site_id=site_ids["shelter"]))
    services.persons.register(
        admin, person_input("Grace Okafor", nationality="NG", site_id=site_ids["clinic"])
    )
    staff = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    assert [p.id for p in services.persons.search(staff, "").items] == [here.id]
    assert [c.id for c in services.persons.find_similar(staff, ["Grace Okafor"], 1998, "NG")] == []
    contact = make_user(services, admin, "carl", Role.CONTACT_PERSON, None)
    assert services.persons.search(contact, "").total == 0


def test_edit_by_someone_who_cannot_see_the_site_keeps_it(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    p = services.persons.register(admin, person_input(site_id=site_ids["shelter"]))
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["clinic"])
    seen = services.persons.get(lead, p.id)
    assert seen.site_id is None and not seen.location_visible
    services.persons.update(lead, p.id, person_input(notes="new note"), seen.version)
    here = make_user(services, admin, "hanne", Role.SHELTER_STAFF, site_ids["shelter"])
    after = services.persons.get(here, p.id)
    assert after.site_name == "Shelter North" and after.notes == "new note"
