"""Statistics against hand-computed figures on a small fixed data set built through services."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Date, Integer, String, create_engine, literal, select

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import (
    AnonymousVisitor,
    AuditEvent,
    DocumentLog,
    MobileOuting,
    Referral,
    Visit,
    VisitServiceGiven,
)
from clinic_app.rules import BirthFact, age_on
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.statistics import (
    BY_AGE,
    BY_AUTHORITY,
    BY_EXPLOITATION,
    BY_GENDER,
    BY_NATIONALITY,
    BY_OUTCOME,
    CLINIC_ACTIVITY,
    SHELTER_STAYS,
    TABLE_KEYS,
    VICTIMS,
    StatisticsService,
    StatsQuery,
    age_group,
)
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    ContactChannel,
    DocumentType,
    EventKind,
    ExploitationForm,
    LegalStay,
    Outcome,
    Role,
    Sex,
    VisitService,
)
from tests.conftest import PASSWORD, make_user

D = dt.date
E = EventKind


@pytest.fixture
def stats(services: Services) -> StatisticsService:
    return StatisticsService(services.db, services.audit, services.clock)


def _person(
    services: Services,
    admin: Actor,
    name: str,
    *,
    sex: Sex,
    site_id: int | None = None,
    nationality: str | None = None,
    forms: tuple[ExploitationForm, ...] = (),
    **birth: object,
) -> int:
    data = PersonInput(
        names=(NameInput(name),),
        sex=sex,
        nationality=nationality,
        exploitation=forms,
        site_id=site_id,
        **birth,  # type: ignore[arg-type]
    )
    return services.persons.register(admin, data).id


def _events(services: Services, admin: Actor, pid: int, *events: EventInput) -> list[int]:
    return [services.cases.record_event(admin, pid, e).id for e in events]


def _contact(day: dt.date) -> EventInput:
    return EventInput(E.FIRST_CONTACT, day, channel=ContactChannel.STREET_OUTREACH)


def _identified(day: dt.date, authority: Authority, stay: LegalStay) -> EventInput:
    return EventInput(
        E.IDENTIFICATION, day, authority=authority, outcome=Outcome.IDENTIFIED, legal_stay=stay
    )


@pytest.fixture
def data(services: Services, admin: Actor, site_ids: dict[str, int]) -> dict[str, int]:
    return build_fixed_data(services, admin, site_ids)


def build_fixed_data(services: Services, admin: Actor, site_ids: dict[str, int]) -> dict[str, int]:
    """Nine persons with hand-checked histories (see the expectations in each test)."""
    shelter, clinic = site_ids["shelter"], site_ids["clinic"]
    ids: dict[str, int] = {}
    # Two forms of exploitation; adult; returned home with IOM.
    ids["anna"] = p = _person(
        services,
        admin,
        "Anna Test",
        sex=Sex.FEMALE,
        site_id=shelter,
        nationality="RO",
        forms=(ExploitationForm.SEXUAL, ExploitationForm.FORCED_LABOUR),
        birth_certainty=BirthCertainty.EXACT,
        birth_date=D(1990, 3, 1),
    )
    _events(
        services,
        admin,
        p,
        _contact(D(2025, 1, 10)),
        _identified(D(2025, 2, 1), Authority.CMM, LegalStay.EU_CITIZEN),
        EventInput(E.SHELTER_STAY_START, D(2025, 2, 2), site_id=shelter),
        EventInput(E.AVR_REFERRAL, D(2025, 3, 1)),
        EventInput(E.AVR_DEPARTURE, D(2025, 4, 1)),
    )
    # Identified at 17, 19 today: a child in the identification year; permit.
    ids["minor"] = p = _person(
        services,
        admin,
        "Mina Test",
        sex=Sex.FEMALE,
        site_id=shelter,
        nationality="NG",
        forms=(ExploitationForm.SEXUAL,),
        birth_certainty=BirthCertainty.EXACT,
        birth_date=D(2007, 6, 15),
    )
    _events(
        services,
        admin,
        p,
        _contact(D(2025, 1, 5)),
        _identified(D(2025, 1, 20), Authority.IMMIGRATION_SERVICE, LegalStay.NONE),
        EventInput(E.SHELTER_STAY_START, D(2025, 1, 21), site_id=shelter),
        EventInput(E.PERMIT_APPLICATION, D(2025, 3, 1), applicant=Authority.POLICE),
        EventInput(E.PERMIT_GRANTED, D(2025, 4, 1), end_date=D(2025, 9, 30)),
    )
    # Nothing known of the birth, no form recorded, no nationality; identified by a court.
    ids["unknown"] = p = _person(services, admin, "Udo Test", sex=Sex.MALE, site_id=clinic)
    _events(
        services,
        admin,
        p,
        _contact(D(2025, 5, 1)),
        _identified(D(2025, 6, 1), Authority.COURT, LegalStay.NONE),
    )
    # Estimated birth year 2008 (counted from its end): 16 on 1 August 2025; asylum granted.
    ids["estimated"] = p = _person(
        services,
        admin,
        "Esi Test",
        sex=Sex.FEMALE,
        site_id=clinic,
        nationality="NG",
        forms=(ExploitationForm.FORCED_CRIMINALITY,),
        birth_certainty=BirthCertainty.ESTIMATED_YEAR,
        birth_year=2008,
    )
    _events(
        services,
        admin,
        p,
        _contact(D(2025, 7, 1)),
        _identified(D(2025, 8, 1), Authority.IMMIGRATION_SERVICE, LegalStay.ASYLUM_SEEKER),
        EventInput(E.ASYLUM_APPLIED, D(2025, 8, 2)),
        EventInput(E.ASYLUM_DECIDED, D(2025, 10, 1), outcome=Outcome.GRANTED),
    )
    # Assessed as 20 on 1 May 2024: adult when identified in June 2024.
    ids["assessed"] = p = _person(
        services,
        admin,
        "Van Test",
        sex=Sex.MALE,
        site_id=clinic,
        nationality="VN",
        forms=(ExploitationForm.FORCED_LABOUR,),
        birth_certainty=BirthCertainty.AGE_ASSESSED,
        assessment_date=D(2024, 5, 1),
        assessed_age=20,
    )
    _events(
        services,
        admin,
        p,
        _contact(D(2024, 5, 1)),
        _identified(D(2024, 6, 1), Authority.IMMIGRATION_SERVICE, LegalStay.NONE),
    )
    # Presumed: first contact in 2025, no decision.
    ids["presumed"] = p = _person(services, admin, "Pia Test", sex=Sex.FEMALE)
    _events(services, admin, p, _contact(D(2025, 9, 1)))
    # Assessed as not a victim: neither identified nor presumed.
    ids["not_identified"] = p = _person(services, admin, "Nora Test", sex=Sex.FEMALE)
    _events(
        services,
        admin,
        p,
        _contact(D(2025, 2, 1)),
        EventInput(
            E.IDENTIFICATION,
            D(2025, 3, 1),
            authority=Authority.CMM,
            outcome=Outcome.NOT_IDENTIFIED,
            legal_stay=LegalStay.EU_CITIZEN,
        ),
    )
    # An identification entered by mistake and voided: still presumed.
    ids["voided"] = p = _person(services, admin, "Vera Test", sex=Sex.FEMALE)
    _, wrong = _events(
        services,
        admin,
        p,
        _contact(D(2025, 1, 1)),
        _identified(D(2025, 2, 1), Authority.CMM, LegalStay.EU_CITIZEN),
    )
    services.cases.void_event(admin, wrong, "entered on the wrong person")
    # First contact in 2025, identified in 2026: outside 2024-2025 altogether.
    ids["later"] = p = _person(services, admin, "Lea Test", sex=Sex.FEMALE)
    _events(
        services,
        admin,
        p,
        _contact(D(2025, 12, 1)),
        _identified(D(2026, 1, 10), Authority.CMM, LegalStay.EU_CITIZEN),
    )
    return ids


def _internal(**kw: object) -> StatsQuery:
    return StatsQuery.for_years(2024, 2025, internal=True, **kw)  # type: ignore[arg-type]


def _rows(table: object) -> dict[int, dict[str, int | None]]:
    from clinic_app.services.statistics import StatTable

    assert isinstance(table, StatTable)
    return {
        y: {c: table.cells[i][j] for j, c in enumerate(table.columns)}
        for i, y in enumerate(table.years)
    }


def test_victims_identified_and_presumed(stats, admin, data) -> None:
    t = stats.table(admin, _internal(), VICTIMS)
    assert t.years == (2024, 2025)
    assert _rows(t) == {
        2024: {"identified": 1, "presumed": 0},
        2025: {"identified": 4, "presumed": 2},
    }
    assert t.row_totals == (1, 6)
    assert t.column_totals == (5, 2)
    assert t.grand_total == 7


def test_exploitation_counts_persons_per_form_and_says_totals_overlap(stats, admin, data) -> None:
    t = stats.table(admin, _internal(), BY_EXPLOITATION)
    assert _rows(t)[2025] == {
        "sexual": 2,
        "forced_labour": 1,
        "forced_criminality": 1,
        "organ_removal": 0,
        "other": 0,
        "not_recorded": 1,
    }
    assert _rows(t)[2024]["forced_labour"] == 1
    # The total counts persons (4), not form mentions (5).
    assert t.row_totals == (1, 4)
    assert t.overlapping
    assert "overlapping" in t.notes


def test_gender_nationality_authority_outcome(stats, admin, data) -> None:
    report = stats.report(admin, _internal(), (BY_GENDER, BY_NATIONALITY, BY_AUTHORITY, BY_OUTCOME))
    gender = _rows(report.table(BY_GENDER))
    assert gender[2025] == {"female": 3, "male": 1, "other": 0, "unknown": 0}
    assert gender[2024]["male"] == 1
    nationality = report.table(BY_NATIONALITY)
    # Most frequent first, unknown last.
    assert nationality.columns == ("NG", "RO", "VN", "unknown")
    assert _rows(nationality)[2025] == {"NG": 2, "RO": 1, "VN": 0, "unknown": 1}
    authority = _rows(report.table(BY_AUTHORITY))
    assert authority[2025]["cmm"] == 1
    assert authority[2025]["immigration_service"] == 2
    assert authority[2025]["court"] == 1
    assert authority[2024]["immigration_service"] == 1
    outcome = _rows(report.table(BY_OUTCOME))
    assert outcome[2025] == {"return": 1, "permit": 1, "asylum_granted": 1, "other": 1}
    assert outcome[2024] == {"return": 0, "permit": 0, "asylum_granted": 0, "other": 1}


def test_age_at_identification_uses_best_known_birth_date(services, stats, admin, data) -> None:
    # The minor identified at 17 is 19 today, yet a child in the 2025 figures.
    assert services.persons.get(admin, data["minor"]).age == 19
    age = _rows(stats.table(admin, _internal(), BY_AGE))
    assert age[2025] == {"child": 2, "adult": 1, "unknown": 1}
    assert age[2024] == {"child": 0, "adult": 1, "unknown": 0}


def test_site_filter_counts_only_that_sites_persons_and_stays(
    services, stats, admin, data, site_ids
) -> None:
    q = StatsQuery.for_years(2025, internal=True, site_id=site_ids["shelter"])
    # Unsuppressed small counts of one site are for that site's own staff, whatever the role.
    with pytest.raises(Forbidden):
        stats.report(admin, q, (VICTIMS,))
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["shelter"])
    elsewhere = make_user(services, admin, "tage", Role.TEAM_LEAD, site_ids["clinic"])
    with pytest.raises(Forbidden):
        stats.report(elsewhere, q, (VICTIMS,))
    published = stats.report(elsewhere, replace(q, internal=False), (VICTIMS,))
    assert published.table(VICTIMS).cell(2025, "identified") is None  # 2: suppressed
    report = stats.report(lead, q, (VICTIMS, SHELTER_STAYS))
    assert report.site_code == "SH1"
    assert report.table(VICTIMS).cell(2025, "identified") == 2
    stays = report.table(SHELTER_STAYS)
    assert stays.columns == ("SH1",)
    assert stays.cell(2025, "SH1") == 2
    with pytest.raises(Invalid) as err:
        stats.report(admin, StatsQuery.for_years(2025, site_id=9999))
    assert err.value.field == "site_id"


def test_any_period_not_only_whole_years(stats, admin, data) -> None:
    q = StatsQuery(D(2025, 1, 1), D(2025, 1, 31), internal=True)
    assert stats.table(admin, q, VICTIMS).cell(2025, "identified") == 1  # the minor


def test_clinic_activity(services, stats, admin, data, site_ids) -> None:
    clinic = site_ids["clinic"]
    with services.db.write() as s:
        a = AnonymousVisitor(code="A1", first_site_id=clinic)
        b = AnonymousVisitor(code="B2", first_site_id=clinic)
        s.add_all([a, b])
        outing = MobileOuting(site_id=clinic, outing_date=D(2025, 3, 1), contacts_made=4)
        s.add(outing)
        s.flush()
        visits = [
            Visit(visitor_id=a.id, site_id=clinic, visited_at=dt.datetime(2025, 3, 1, 20)),
            Visit(visitor_id=a.id, site_id=clinic, visited_at=dt.datetime(2025, 4, 1, 10)),
            Visit(visitor_id=b.id, site_id=clinic, visited_at=dt.datetime(2025, 5, 1, 10)),
            Visit(person_id=data["anna"], site_id=clinic, visited_at=dt.datetime(2024, 5, 1)),
        ]
        s.add_all(visits)
        s.flush()
        s.add_all(
            [
                VisitServiceGiven(visit_id=visits[0].id, service=VisitService.CONSULTATION),
                VisitServiceGiven(visit_id=visits[0].id, service=VisitService.STI_TESTING),
                VisitServiceGiven(visit_id=visits[2].id, service=VisitService.REFERRAL),
            ]
        )
        s.add(
            Referral(visitor_id=b.id, visit_id=visits[2].id, created_at=dt.datetime(2025, 5, 1, 11))
        )
    rows = _rows(stats.table(admin, _internal(), CLINIC_ACTIVITY))
    assert rows[2025] == {
        "visits": 3,
        "anonymous_visitors": 2,
        "mobile_outings": 1,
        "services_given": 3,
        "referrals": 1,
    }
    assert rows[2024]["visits"] == 1
    assert rows[2024]["anonymous_visitors"] == 0
    other_site = StatsQuery.for_years(2025, site_id=site_ids["shelter"])
    assert _rows(stats.table(admin, other_site, CLINIC_ACTIVITY))[2025]["visits"] == 0


def test_published_tables_show_no_small_count(stats, admin, data) -> None:
    report = stats.report(admin, StatsQuery.for_years(2024, 2025))
    assert report.published
    for table in report.tables:
        entries = [v for row in table.cells for v in row]
        entries += list(table.row_totals or ()) + list(table.column_totals or ())
        entries.append(table.grand_total)
        assert all(v is None or v == 0 or v >= 5 for v in entries), table.key
    assert report.table(VICTIMS).cell(2025, "identified") is None
    assert "suppressed" in report.table(VICTIMS).notes


def test_statistics_role_sees_published_only(services, stats, admin, data) -> None:
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    stats.report(analyst, StatsQuery.for_years(2025))
    with pytest.raises(Forbidden):
        stats.report(analyst, StatsQuery.for_years(2025, internal=True))
    with pytest.raises(Forbidden):
        stats.export_htcds(analyst, StatsQuery.for_years(2025))


def test_staff_without_statistics_rights_are_refused(stats, nurse, staff) -> None:
    for who in (nurse, staff):
        with pytest.raises(Forbidden):
            stats.report(who, StatsQuery.for_years(2025))


def test_internal_needs_team_lead_or_admin_and_is_audited(
    services, stats, admin, data, site_ids
) -> None:
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["shelter"])
    stats.report(lead, _internal())
    stats.report(lead, StatsQuery.for_years(2025))
    with services.db.read() as s:
        rows = s.execute(
            select(AuditEvent.action, AuditEvent.details).where(AuditEvent.username == "tove")
        ).all()
    actions = [a for a, _ in rows]
    assert "statistics.view_internal" in actions
    assert "statistics.view" in actions
    details = json.loads(rows[actions.index("statistics.view_internal")][1])
    assert details["internal"] is True
    assert set(details["tables"]) == set(TABLE_KEYS)


def test_csv_export_has_bom_and_marks_hidden_counts(services, stats, admin, data) -> None:
    raw = stats.export_csv(admin, StatsQuery.for_years(2024, 2025), (VICTIMS, BY_AGE))
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert "Identified and presumed victims" in text
    assert "suppressed" in text
    danish = stats.export_csv(admin, StatsQuery.for_years(2025), (BY_AGE,), language="da")
    assert "skjult" in danish.decode("utf-8-sig")
    with services.db.read() as s:
        assert s.scalar(
            select(AuditEvent.id).where(AuditEvent.action == "statistics.export_csv").limit(1)
        )


def test_summary_pdf_is_rendered_logged_and_audited(services, stats, admin, data) -> None:
    pdf = stats.summary_pdf(admin, 2025, language="da")
    assert pdf.startswith(b"%PDF")
    with services.db.read() as s:
        log = s.execute(select(DocumentLog.doc_type, DocumentLog.person_id)).one()
    assert log.doc_type is DocumentType.STATISTICS_SUMMARY and log.person_id is None
    with services.db.read() as s:
        assert (
            s.scalar(
                select(AuditEvent.target).where(AuditEvent.action == "statistics.print_summary")
            )
            == "statistics:2025"
        )


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", ["en", "da"])
def test_summary_pdf_is_a_publication(services, stats, admin, data, language) -> None:
    text = _pdf_text(stats.summary_pdf(admin, 2025, language=language))
    # No personal-data banner, case reference or staff name.
    for word in ("CONFIDENTIAL", "FORTROLIGT", "STAT-", "Administrator", "admin"):
        assert word not in text
    assert ("Published statistics" if language == "en" else "Offentliggjort statistik") in text
    # The period, the threshold, and that small counts are hidden.
    if language == "en":
        assert "1 January – 31 December 2025" in text
        assert "Smallest number shown" in text and "from 1 to 4" in text
    else:
        assert "1. januar – 31. december 2025" in text
        assert "Mindste viste tal" in text and "fra 1 til 4" in text
    # Released figures only: the same as the published table of that year.
    table = stats.table(admin, StatsQuery.for_years(2025), BY_AGE)
    assert table.cells[0] == (None, None, None)  # 2 children, 1 adult, 1 unknown: hidden


def test_bad_queries_are_refused(stats, admin) -> None:
    with pytest.raises(Invalid) as err:
        stats.report(admin, StatsQuery(D(2025, 2, 1), D(2025, 1, 1)))
    assert err.value.field == "date_to"
    with pytest.raises(Invalid) as err:
        stats.report(admin, StatsQuery(D(2025, 1, 1), D(2025, 6, 30)))
    assert err.value.code == "whole_years"
    with pytest.raises(Invalid):
        stats.report(admin, StatsQuery.for_years(2025), ("no_such_table",))
    with pytest.raises(Invalid):
        StatsQuery.for_years(1066)


# --- the SQL age rule equals the rules engine ------------------------------------------------

_engine = create_engine("sqlite://")

_dates = st.dates(min_value=D(1930, 1, 1), max_value=D(2040, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    certainty=st.sampled_from(list(BirthCertainty)),
    birth_date=st.none() | _dates,
    birth_year=st.none() | st.integers(1930, 2040),
    assessment_date=st.none() | _dates,
    assessed_age=st.none() | st.integers(0, 80),
    day=_dates,
)
def test_sql_age_group_matches_age_on(
    certainty, birth_date, birth_year, assessment_date, assessed_age, day
) -> None:
    expr = age_group(
        literal(certainty.value, String),
        literal(birth_date, Date),
        literal(birth_year, Integer),
        literal(assessment_date, Date),
        literal(assessed_age, Integer),
        literal(day, Date),
    )
    with _engine.connect() as conn:
        got = conn.execute(select(expr)).scalar_one()
    age, _ = age_on(
        BirthFact(certainty, birth_date, birth_year, assessment_date, assessed_age), day
    )
    expected = "unknown" if age is None else ("adult" if age >= 18 else "child")
    assert got == expected


@pytest.mark.parametrize(
    ("born", "day", "expected"),
    [
        (D(2008, 2, 29), D(2026, 2, 28), "child"),  # 29 Feb: 18 on 1 March
        (D(2008, 2, 29), D(2026, 3, 1), "adult"),
        (D(2007, 6, 15), D(2025, 6, 14), "child"),
        (D(2007, 6, 15), D(2025, 6, 15), "adult"),
    ],
)
def test_sql_age_group_edges(born, day, expected) -> None:
    expr = age_group(
        literal("exact", String),
        literal(born, Date),
        literal(None, Integer),
        literal(None, Date),
        literal(None, Integer),
        literal(day, Date),
    )
    with _engine.connect() as conn:
        assert conn.execute(select(expr)).scalar_one() == expected


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def cli(
    db_url: str, data: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    from clinic_app.cli.main import main

    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    return run


def test_cli_table_json_and_csv(cli, tmp_path) -> None:
    code, out, _ = cli("stats", "--year", "2025", "--by", "age", "--internal")
    assert code == 0
    assert "INTERNAL" in out
    assert re.search(r"2025\s+2\s+1\s+1\s+4", out)  # child, adult, unknown, total
    code, out, _ = cli("stats", "--year", "2025", "--by", "age")
    assert code == 0 and ".." in out and "published" in out
    code, out, _ = cli("stats", "--year", "2024", "--to-year", "2025", "--format", "json")
    assert code == 0
    parsed = json.loads(out)
    assert [t["key"] for t in parsed["tables"]] == list(TABLE_KEYS)
    assert parsed["published"] is True
    target = tmp_path / "stats.csv"
    code, _, _ = cli("stats", "--year", "2025", "--format", "csv", "--out", str(target))
    assert code == 0 and target.read_bytes().startswith("\ufeff".encode())


def test_cli_htcds_export_and_pdf(cli, tmp_path) -> None:
    target = tmp_path / "htcds.csv"
    code, out, _ = cli("stats", "export-htcds", "--year", "2025", "--out", str(target))
    # Six records cannot make a group of eleven: all are withheld, and the export says so.
    assert code == 0 and "0 records" in out and "6 withheld" in out and "k = 11" in out
    assert target.read_text(encoding="utf-8-sig").startswith("recordId,yearOfRegistration")
    pdf = tmp_path / "summary.pdf"
    code, _, _ = cli("stats", "summary-pdf", "--year", "2025", "--out", str(pdf))
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_cli_errors_are_plain(cli, services, admin) -> None:
    make_user(services, admin, "stella", Role.STATISTICS, None)
    code, _, err = cli("stats", "--by", "age")
    assert code == 3 and "year" in err
    code, _, err = cli("stats", "--year", "2025", "--site", "NOPE")
    assert code == 3 and "site" in err
    code, _, err = cli("stats", "--year", "2025", "--internal", "--user", "stella")
    assert code == 4 and "not allowed" in err


def test_published_nationalities_merge_rare_countries(stats, admin, data) -> None:
    # In 2025: NG 2, RO 1, unknown 1; below the threshold (3 here) nationally, a country
    # named with a hidden count would tell that someone of that nationality was identified.
    stats.set_threshold(admin, 3)
    table = stats.table(admin, StatsQuery.for_years(2025), BY_NATIONALITY)
    assert table.columns == ("other_nationalities", "unknown")
    internal = stats.table(admin, _internal(), BY_NATIONALITY)
    assert internal.columns == ("NG", "RO", "VN", "unknown")
