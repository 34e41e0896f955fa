"""The HTCDS export: standard column names, and nothing that points to a person."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from sqlalchemy import select

from clinic_app.errors import Forbidden
from clinic_app.models import AuditEvent, Person, PersonName
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.htcds_export import (
    COLUMNS,
    HtcdsSource,
    age_band,
    build_htcds_csv,
)
from clinic_app.services.statistics import StatisticsService, StatsQuery
from clinic_app.vocabulary import BirthCertainty, Role, Sex
from tests.conftest import make_user
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


def test_export_has_htcds_columns_and_expected_rows(stats, admin, data) -> None:
    export = stats.export_htcds(admin, StatsQuery.for_years(2025))
    rows = _rows(export.data)
    assert tuple(rows[0]) == COLUMNS
    assert export.rows == len(rows) == 6  # four identified, two presumed in 2025
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
    export = stats.export_htcds(admin, StatsQuery.for_years(2024, 2025))
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
    # Every citizenship here is rarer than five records, so all are blanked.
    assert {r["citizenship"] for r in rows} == {""}


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
    assert '"rows": 6' in event.details
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


def test_citizenship_is_kept_only_for_groups_of_at_least_min_group() -> None:
    sources = [_source("RO")] * 5 + [_source("NG")] * 4
    rows = _rows(build_htcds_csv(sources, min_group=5).data)
    assert sorted(r["citizenship"] for r in rows) == [""] * 4 + ["RO"] * 5


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
            min_group=1,
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
