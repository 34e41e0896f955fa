"""Rights change at once: a user disabled, locked or given another role or site loses the
old rights on her next action in a session already open, in the GUI as in the CLI (both
hold the Actor of the log-in); a former contact person no longer reaches her old caseload."""

from __future__ import annotations

import pytest

from clinic_app.errors import Forbidden
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Role
from tests.conftest import make_user


def _person(services: Services, admin: Actor, site: int) -> int:
    return services.persons.register(
        admin, PersonInput(names=(NameInput("Oksana Test"),), site_id=site)
    ).id


def test_a_disabled_user_is_refused_on_her_next_action(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    staff = make_user(services, admin, "sara", Role.SHELTER_STAFF, site_ids["shelter"])
    pid = _person(services, admin, site_ids["shelter"])
    assert services.persons.get(staff, pid)  # the session is open and works
    services.users.set_active(admin, staff.user_id, False, "left the organisation")
    with pytest.raises(Forbidden) as err:
        services.persons.get(staff, pid)
    assert err.value.action == "session"
    with pytest.raises(Forbidden):
        services.persons.search(staff, "")
    services.users.logout(staff)  # ending the session still works


def test_a_new_role_or_site_applies_at_once(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["shelter"])
    pid = _person(services, admin, site_ids["clinic"])
    assert services.persons.get(lead, pid)  # team leads see any person
    services.users.change_role(admin, lead.user_id, Role.SHELTER_STAFF, "new job")
    with pytest.raises(Forbidden):  # shelter staff: own site only; the old Actor says lead
        services.persons.get(lead, pid)
    assert services.persons.get(lead, _person(services, admin, site_ids["shelter"]))


def test_a_former_contact_person_no_longer_reaches_her_caseload(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    carla = make_user(services, admin, "carla", Role.CONTACT_PERSON, None)
    pid = _person(services, admin, site_ids["shelter"])
    services.contacts.assign(admin, pid, carla.user_id, reason="first contact")
    assert services.persons.get(carla, pid)
    assert [i.person_id for i in services.contacts.caseload(carla)] == [pid]
    services.contacts.end_contact(admin, pid, "handed over")
    with pytest.raises(Forbidden):
        services.persons.get(carla, pid)
    assert services.contacts.caseload(carla) == ()
    assert services.dashboard.dashboard(carla, "caseload").items == ()
