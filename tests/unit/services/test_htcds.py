"""The HTCDS export: standard column names, and nothing that points to a person."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import AuditEvent, Person, PersonName
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.demo_data import DEMO_USERS, generate_demo_data
from clinic_app.services.htcds_export import (
    COLUMNS,
    QUASI_IDENTIFIERS,
    HtcdsSource,
    age_band,
    build_htcds_csv,
)
from clinic_app.services.statistics import StatisticsService, StatsQuery
from clinic_app.services.statistics_counts import htcds_sources
from clinic_app.vocabulary import BirthCertainty, Role, Sex
from tests.conftest import TODAY, make_user
from tests.unit.services.test_statistics import build_fixed_data


@pytest.fixture
def stats(services: Services) -> StatisticsService:
    return StatisticsService(services.db, services.audit, services.clock)


@pytest.fixture
def data(services: Services, admin: Actor, site_ids: dict[str, int]) -> dict[str, int]:
    return build_fixed_data(services, admin, site_ids)


def _rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _unprotected(services: Services, query: StatsQuery) -> bytes:
    """The writer's mapping on the fixed data, without k-anonymity (k = 1): only for
    checking columns; the service never exports with k below 11."""
    with services.db.read() as s:
        return build_htcds_csv(htcds_sources(s, query), k=1).data


def test_export_has_htcds_columns_and_expected_rows(services, data) -> None:
    rows = _rows(_unprotected(services, StatsQuery.for_years(2025)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 6  # four identified, two presumed in 2025
    statuses = sorted(r["x_identificationStatus"] for r in rows)
    assert statuses == ["identified"] * 4 + ["presumed"] * 2
    minors = [r for r in rows if r["majorityStatus"] == "Minor"]
    assert sorted(r["ageBroad"] for r in minors) == ["09--17", "09--17"]
    both = [r for r in rows if r["isSexAndLabour"] == "1"]
    assert len(both) == 1
    assert both[0]["typeOfExploitConcatenated"] == "Forced labour;Sexual exploitation"
    assert both[0]["x_outcome"] == "return"
    unknown_age = [r for r in rows if r["x_identificationStatus"] == "identified"]
    assert sum(1 for r in unknown_age if r["ageBroad"] == "") == 1
    assert all(r["yearOfRegistration"] == "2025" for r in rows)


def test_export_contains_no_direct_identifiers(services, stats, admin, data) -> None:
    with services.db.read() as s:
        export = build_htcds_csv(htcds_sources(s, StatsQuery.for_years(2024, 2025)), k=1)
    text = export.data.decode("utf-8-sig")
    with services.db.read() as s:
        names = s.scalars(select(PersonName.name)).all()
        refs = s.scalars(select(Person.case_ref)).all()
    for name in names:
        for part in name.split():
            assert part not in text
    for ref in refs:
        assert ref not in text
    rows = _rows(export.data)
    # Years only: no exact dates, no months, anywhere but the record id.
    for r in rows:
        assert re.fullmatch(r"\d{4}", r["yearOfRegistration"])
        for column, value in r.items():
            if column != "recordId":
                assert not re.search(r"\d{4}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}", value)
    record_ids = [r["recordId"] for r in rows]
    assert len(set(record_ids)) == len(rows)
    assert all(r.startswith(export.export_id + "-") for r in record_ids)


def test_service_export_is_k_anonymous_even_for_a_handful(stats, admin, data) -> None:
    # Six records cannot make one group of eleven: nothing is written, and it says so.
    export = stats.export_htcds(admin, StatsQuery.for_years(2025))
    assert (export.rows, export.withheld, export.k) == (0, 6, 11)
    assert _rows(export.data) == []
    with pytest.raises(Invalid):
        stats.export_htcds(admin, StatsQuery.for_years(2025), k=5)  # only upwards


def test_each_export_gets_a_new_random_id(stats, admin, data) -> None:
    a = stats.export_htcds(admin, StatsQuery.for_years(2025))
    b = stats.export_htcds(admin, StatsQuery.for_years(2025))
    assert a.export_id != b.export_id


def test_export_is_audited_and_needs_internal_rights(services, stats, admin, data) -> None:
    export = stats.export_htcds(admin, StatsQuery.for_years(2025))
    with services.db.read() as s:
        event = s.execute(
            select(AuditEvent.target, AuditEvent.details).where(
                AuditEvent.action == "statistics.export_htcds"
            )
        ).one()
    assert event.target == f"export:{export.export_id}"
    assert '"rows": 0' in event.details and '"withheld": 6' in event.details
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    with pytest.raises(Forbidden):
        stats.export_htcds(analyst, StatsQuery.for_years(2025))


def _source(nationality: str | None, **kw: object) -> HtcdsSource:
    base: dict[str, object] = {
        "status": "identified",
        "day": dt.date(2025, 5, 5),
        "sex": Sex.FEMALE,
        "nationality": nationality,
        "birth_certainty": BirthCertainty.UNKNOWN,
        "birth_date": None,
        "birth_year": None,
        "assessment_date": None,
        "assessed_age": None,
        "forms": frozenset({"sexual"}),
        "authority": "cmm",
        "outcome": "other",
    }
    base.update(kw)
    return HtcdsSource(**base)  # type: ignore[arg-type]


def test_rare_citizenships_are_generalised_to_regions() -> None:
    sources = [_source("RO")] * 12 + [_source("BG")] * 6 + [_source("UA")] * 6
    export = build_htcds_csv(sources, k=11)
    rows = _rows(export.data)
    # RO alone could stay, but Bulgaria and Ukraine only reach eleven as "Europe".
    assert {r["citizenship"] for r in rows} == {"Europe"}
    assert (export.rows, export.withheld, export.smallest_class) == (24, 0, 24)
    assert export.generalised == 24


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from(["RO", "NG", "VN", "TH", "UA", "BR", None]),
            st.sampled_from(list(Sex)),
            st.none() | st.integers(0, 70),
            st.integers(2017, 2025),
        ),
        max_size=120,
    ),
    k=st.integers(2, 15),
)
def test_every_combination_of_quasi_identifiers_occurs_at_least_k_times(people, k) -> None:
    sources = [
        _source(
            nat,
            sex=sex,
            day=dt.date(year, 6, 1),
            birth_certainty=BirthCertainty.UNKNOWN if age is None else BirthCertainty.EXACT,
            birth_date=None if age is None else dt.date(year - age, 1, 1),
        )
        for nat, sex, age, year in people
    ]
    export = build_htcds_csv(sources, k=k)
    rows = _rows(export.data)
    assert export.rows == len(rows) and export.rows + export.withheld == len(sources)
    groups = Counter(tuple(r[c] for c in QUASI_IDENTIFIERS) for r in rows)
    assert all(n >= k for n in groups.values())
    assert export.smallest_class == min(groups.values(), default=0)


@pytest.mark.parametrize("persons", [200, 400, 1500])
def test_demo_exports_are_k_anonymous(services: Services, persons: int) -> None:
    generate_demo_data(services.db, persons=persons, seed=persons, today=TODAY)
    lead = services.users.authenticate(
        "admin", next(pw for u, pw, _, _ in DEMO_USERS if u == "admin"), "test-pc"
    )
    export = services.statistics.export_htcds(lead, StatsQuery.for_years(2017, 2025))
    rows = _rows(export.data)
    groups = Counter(tuple(r[c] for c in QUASI_IDENTIFIERS) for r in rows)
    assert rows and all(n >= 11 for n in groups.values())
    assert export.smallest_class >= 11 == export.k
    with services.db.read() as s:
        everyone = len(htcds_sources(s, StatsQuery.for_years(2017, 2025)))
    assert export.rows + export.withheld == everyone > persons // 4
    assert export.withheld < everyone / 3  # generalising keeps most records
    # Raising k is allowed and gives larger groups.
    wider = services.statistics.export_htcds(lead, StatsQuery.for_years(2017, 2025), k=25)
    assert wider.smallest_class >= 25 or wider.rows == 0


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (None, ""),
        (0, "0--8"),
        (8, "0--8"),
        (9, "09--17"),
        (17, "09--17"),
        (18, "18--20"),
        (29, "27--29"),
        (30, "30--38"),
        (47, "39--47"),
        (48, "48+"),
        (90, "48+"),
    ],
)
def test_age_bands(age, band) -> None:
    assert age_band(age) == band


def test_gender_and_exploitation_mapping() -> None:
    rows = _rows(
        build_htcds_csv(
            [
                _source(None, sex=Sex.OTHER, forms=frozenset({"forced_criminality"})),
                _source(None, sex=Sex.MALE, forms=frozenset({"organ_removal"})),
            ],
            k=1,
        ).data
    )
    by_gender = {r["gender"]: r for r in rows}
    crim = by_gender["Transgender/NonConforming"]
    assert (crim["isOtherExploit"], crim["x_forcedCriminality"], crim["isForcedLabour"]) == (
        "1",
        "1",
        "0",
    )
    assert by_gender["Male"]["isOrganRemoval"] == "1"
