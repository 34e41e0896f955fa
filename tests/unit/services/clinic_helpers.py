"""Fixtures and builders shared by the clinic service tests (visits, visitors, referrals)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clinic_app.models import AnonymousVisitor, MobileOuting, Referral, Visit, VisitServiceGiven
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import AgeBand, BirthCertainty, Role, SiteKind, VisitService
from tests.conftest import TODAY, make_user

NOON = dt.datetime.combine(TODAY, dt.time(12, 0))


@pytest.fixture(name="mobile_id")
def mobile_id_fixture(services: Services, admin: Actor) -> int:
    return services.reference.create_site(
        admin, "MU1", "Mobile unit Copenhagen", SiteKind.MOBILE_UNIT, "Copenhagen"
    ).id


@pytest.fixture(name="team_lead")
def team_lead_fixture(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["shelter"])


@pytest.fixture(name="person_id")
def person_id_fixture(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    """A registered adult living at the shelter."""
    return services.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Ana Test", preferred=True),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=dt.date(1995, 3, 4),
            site_id=site_ids["shelter"],
        ),
    ).id


def new_visitor(services: Services, nurse: Actor, nickname: str = "Mira", **kw: object) -> int:
    data: dict[str, object] = {
        "nickname": nickname,
        "age_band": AgeBand.AGE_25_34,
        "nationality": "ng",
        "language": "en",
    }
    data.update(kw)
    return services.visitors.create(nurse, VisitorInput(**data)).id  # type: ignore[arg-type]


def visit_input(site_id: int, **kw: object) -> VisitInput:
    data: dict[str, object] = {
        "site_id": site_id,
        "visited_at": NOON,
        "services": (VisitService.CONSULTATION, VisitService.STI_TESTING),
        "reason": "check-up",
        "clinical_notes": "Sensitive clinical observation",
        "follow_up_date": TODAY + dt.timedelta(days=7),
    }
    data.update(kw)
    return VisitInput(**data)  # type: ignore[arg-type]


def counts(services: Services) -> tuple[int, int, int, int, int]:
    """Rows in the clinic tables: visits, services given, visitors, outings, referrals."""
    with services.db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Visit, VisitServiceGiven, AnonymousVisitor, MobileOuting, Referral)
        )
