"""Published statistics cannot be taken apart: an exact attacker, the ledger, the threshold.

The attacker (``tests/disclosure_attack.py``) is written apart from the defence: it reads
what the statistics role can obtain and solves for the true counts with exact rational
arithmetic.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import AuditEvent, StatisticsRelease
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services
from clinic_app.services.demo_data import DEMO_USERS, generate_demo_data
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.publication import (
    NATIONAL,
    NO_SITE,
    TOTAL,
    SiteCounts,
    protect_year,
    view,
)
from clinic_app.services.statistics import (
    BY_AGE,
    BY_GENDER,
    VICTIMS,
    StatsQuery,
)
from clinic_app.vocabulary import Authority, EventKind, LegalStay, Outcome, Role, Sex
from tests.conftest import PASSWORD, TODAY, make_user
from tests.disclosure_attack import LinearAttack, attack_database
from tests.unit.services.test_statistics import build_fixed_data


def _demo_login(services: Services, username: str) -> Actor:
    password = next(pw for user, pw, _, _ in DEMO_USERS if user == username)
    return services.users.authenticate(username, password, "test-pc")


# --- the attacker itself ---------------------------------------------------------------------


def test_the_attacker_finds_what_differencing_gives_away() -> None:
    # The review's finding: forced labour 2021-2024 is 15, 2022-2024 is 14, so 2021 is 1.
    attack = LinearAttack()
    attack.sum_equals([2021, 2022, 2023, 2024], 15)
    attack.sum_equals([2022, 2023, 2024], 14)
    assert attack.solve() == {2021: 1}


def test_the_attacker_solves_a_table_the_line_heuristic_cannot() -> None:
    # 2x2 cells all hidden, margins shown: no line has a single unknown, yet with one more
    # relation (a second table sharing a cell) the system fixes every cell.
    attack = LinearAttack()
    a, b, c, d = "a", "b", "c", "d"
    attack.sum_equals([a, b], 5)
    attack.sum_equals([c, d], 8)
    attack.sum_equals([a, c], 6)
    attack.sum_equals([a, d], 4)
    solved = attack.solve()
    assert solved == {a: 1, b: 4, c: 5, d: 3}


# --- every table the statistics role can obtain, for demo databases ---------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_statistics_role_recovers_no_small_count(services: Services, seed: int) -> None:
    generate_demo_data(services.db, persons=400, seed=seed, today=TODAY)
    analyst = _demo_login(services, "stats")
    result = attack_database(services, analyst, TODAY)
    assert result.queries > 500 and result.published > 1000  # it really read everything
    assert result.recovered_small == ()
    with services.db.read() as s:
        hidden = s.scalars(select(StatisticsRelease.primary_hidden)).all()
    assert sum(hidden) > 0  # there were small counts to protect


# --- random small cubes ---------------------------------------------------------------------

_small = st.integers(0, 6) | st.integers(0, 30)


@st.composite
def cubes(draw: st.DrawFn) -> tuple[int, list[str], dict[int, dict[str, SiteCounts]]]:
    """Years x sites (and the no-site row) x a gender and an age breakdown sharing the
    identified totals, plus presumed victims."""
    n_years = draw(st.integers(1, 3))
    sites = [f"S{i}" for i in range(draw(st.integers(1, 3)))]
    threshold = draw(st.integers(3, 6))
    out: dict[int, dict[str, SiteCounts]] = {}
    for y in range(2020, 2020 + n_years):
        gender: dict[str, dict[str, int]] = {}
        age: dict[str, dict[str, int]] = {}
        victims: dict[str, dict[str, int]] = {}
        for row in (*sites, NO_SITE):
            g = {"female": draw(_small), "male": draw(_small)}
            n = sum(g.values())
            child = draw(st.integers(0, n))
            a = {"child": child, "adult": n - child}
            presumed = draw(_small)
            gender[row] = {**g, TOTAL: n}
            age[row] = {**a, TOTAL: n}
            victims[row] = {"identified": n, "presumed": presumed, TOTAL: n + presumed}
        for table in (gender, age, victims):
            table[NATIONAL] = {
                c: sum(table[r][c] for r in (*sites, NO_SITE)) for c in table[sites[0]]
            }
        out[y] = {
            VICTIMS: SiteCounts(VICTIMS, ("identified", "presumed"), victims, True),
            BY_GENDER: SiteCounts(BY_GENDER, ("female", "male"), gender, True),
            BY_AGE: SiteCounts(BY_AGE, ("child", "adult"), age, True),
        }
    return threshold, sites, out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cube=cubes())
def test_random_cubes_leak_no_small_count(cube) -> None:
    threshold, sites, counts = cube
    years = sorted(counts)
    releases = {y: protect_year(y, counts[y], sites, threshold) for y in years}
    attack = LinearAttack()
    truth: dict[tuple[str, int, str, str], int] = {}
    for y, tables in counts.items():
        for key, t in tables.items():
            for row, values in t.rows.items():
                for col, n in values.items():
                    truth[
                        (key, y, row, col if not (col == TOTAL and key != VICTIMS) else TOTAL)
                    ] = n

    def var(key: str, y: int, row: str, col: str) -> tuple[str, int, str, str]:
        if col == TOTAL and key != VICTIMS:
            return (VICTIMS, y, row, "identified")  # every reader knows these are one count
        return (key, y, row, col)

    shown: set[tuple[str, int, str, str]] = set()
    # Every span of years, every site and nationally, every table.
    for i, a in enumerate(years):
        for b in years[i:]:
            span = list(range(a, b + 1))
            for row, key in product([*sites, None], (VICTIMS, BY_GENDER, BY_AGE)):
                r = row or NATIONAL
                v = view(
                    key,
                    {y: releases[y][key] for y in span},
                    span,
                    row,
                    with_totals=True,
                    column_totals=True,
                )
                for k, y in enumerate(span):
                    for j, col in enumerate(v.columns):
                        value = v.cells[k][j]
                        if value is not None:
                            assert value == truth[var(key, y, r, col)]
                            assert not 0 < value < threshold
                            attack.known(var(key, y, r, col), value)
                            shown.add(var(key, y, r, col))
                    assert v.row_totals is not None
                    if v.row_totals[k] is not None:
                        attack.known(var(key, y, r, TOTAL), v.row_totals[k])
                        shown.add(var(key, y, r, TOTAL))
                assert v.column_totals is not None
                for j, col in enumerate(v.columns):
                    if v.column_totals[j] is not None:
                        attack.sum_equals([var(key, y, r, col) for y in span], v.column_totals[j])
                if v.grand_total is not None:
                    attack.sum_equals([var(key, y, r, TOTAL) for y in span], v.grand_total)
    # The structure every reader knows.
    for y in years:
        for key, cols in (
            (VICTIMS, ("identified", "presumed")),
            (BY_GENDER, ("female", "male")),
            (BY_AGE, ("child", "adult")),
        ):
            for row in (*sites, NO_SITE, NATIONAL):
                attack.sum_is([var(key, y, row, c) for c in cols], var(key, y, row, TOTAL))
            for col in (*cols, TOTAL):
                attack.sum_is(
                    [var(key, y, r, col) for r in (*sites, NO_SITE)], var(key, y, NATIONAL, col)
                )
    solved = attack.solve()
    for v_, n in solved.items():
        assert n == truth[v_]  # the figures are true
        if v_ not in shown:
            assert not 0 < n < threshold, v_


# --- the ledger -------------------------------------------------------------------------------


def _identify(services: Services, admin: Actor, name: str, day: dt.date) -> None:
    pid = services.persons.register(admin, PersonInput(names=(NameInput(name),), sex=Sex.FEMALE)).id
    services.cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.IDENTIFICATION,
            day,
            authority=Authority.CMM,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.EU_CITIZEN,
        ),
    )


def test_a_year_is_released_once_and_reused(services, admin, site_ids) -> None:
    build_fixed_data(services, admin, site_ids)
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    first = services.statistics.table(analyst, StatsQuery.for_years(2024, 2025), BY_GENDER)
    with services.db.read() as s:
        rows = s.scalars(select(StatisticsRelease).where(StatisticsRelease.year == 2025)).all()
        published = s.scalars(
            select(AuditEvent.target).where(AuditEvent.action == "statistics.publish")
        ).all()
    assert {r.table_key for r in rows} >= {VICTIMS, BY_GENDER, BY_AGE}
    assert all(r.released_by == "stella" and r.threshold == 5 for r in rows)
    assert sorted(published) == ["statistics:2024", "statistics:2025"]
    # Data entered later for 2025 changes the internal figures, not the released ones.
    for i in range(6):
        _identify(services, admin, f"Late Test{i}", dt.date(2025, 6, 1))
    again = services.statistics.table(analyst, StatsQuery.for_years(2024, 2025), BY_GENDER)
    assert again.cells == first.cells and again.row_totals == first.row_totals
    internal = services.statistics.table(
        admin, StatsQuery.for_years(2025, internal=True), BY_GENDER
    )
    assert internal.row_totals == (10,)
    ledger = services.statistics.ledger(analyst, 2025)
    assert {r.table_key for r in ledger} >= {BY_GENDER}
    assert all(r.released_by == "stella" for r in ledger)


def test_the_current_year_is_not_published(services, admin, site_ids) -> None:
    build_fixed_data(services, admin, site_ids)
    report = services.statistics.report(admin, StatsQuery.for_years(2025, 2026), (VICTIMS,))
    assert report.unreleased == (2026,)
    victims = report.table(VICTIMS)
    assert victims.cells[1] == (None, None) and victims.row_totals[1] is None
    assert "not_released" in victims.notes
    with pytest.raises(Invalid) as err:
        services.statistics.summary_pdf(admin, 2026)
    assert err.value.code == "not_released"


# --- the threshold ----------------------------------------------------------------------------


def test_threshold_is_an_audited_administrator_setting(services, admin, site_ids) -> None:
    build_fixed_data(services, admin, site_ids)
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    lead = make_user(services, admin, "tove", Role.TEAM_LEAD, site_ids["shelter"])
    stats = services.statistics
    assert stats.settings(analyst).threshold == 5
    for who in (analyst, lead):
        with pytest.raises(Forbidden):
            stats.set_threshold(who, 3)
    for bad in (0, 1, 2, 101):
        with pytest.raises(Invalid):
            stats.set_threshold(admin, bad)
    stats.table(analyst, StatsQuery.for_years(2024), VICTIMS)  # 2024 released at 5
    assert stats.set_threshold(admin, 7).threshold == 7
    with services.db.read() as s:
        details = s.scalar(
            select(AuditEvent.details).where(AuditEvent.action == "statistics.configure")
        )
    assert json.loads(details or "{}") == {"threshold": 7, "was": 5}
    # A released year keeps its protection; a new one uses the new threshold.
    assert stats.report(analyst, StatsQuery.for_years(2024)).threshold == 5
    assert stats.report(analyst, StatsQuery.for_years(2025)).threshold == 7
    assert stats.report(analyst, StatsQuery.for_years(2024, 2025)).threshold == 5


def test_published_output_states_the_threshold(services, admin, site_ids) -> None:
    build_fixed_data(services, admin, site_ids)
    csv_text = services.statistics.export_csv(admin, StatsQuery.for_years(2025)).decode("utf-8-sig")
    first = next(csv.reader(io.StringIO(csv_text)))[0]
    assert first.startswith("Published figures: counts from 1 to 4 are hidden (threshold 5)")


def _cli(db_url: str, monkeypatch: pytest.MonkeyPatch, user: str, *argv: str):
    from clinic_app.cli.main import main

    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", user)
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refusing an option
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_cli_has_no_threshold_option_and_settings_need_an_administrator(
    services, admin, site_ids, db_url, monkeypatch
) -> None:
    build_fixed_data(services, admin, site_ids)
    make_user(services, admin, "stella", Role.STATISTICS, None)
    code, _, _ = _cli(db_url, monkeypatch, "stella", "stats", "--year", "2025", "--threshold", "2")
    assert code == 2  # no such option
    code, _, err = _cli(db_url, monkeypatch, "stella", "stats", "settings", "--threshold", "3")
    assert code == 4 and "not allowed" in err
    code, out, _ = _cli(db_url, monkeypatch, "admin", "stats", "settings", "--threshold", "6")
    assert code == 0 and "threshold 6" in out
    code, out, _ = _cli(db_url, monkeypatch, "stella", "stats", "--year", "2025", "--by", "age")
    assert code == 0 and "threshold 6" in out
    code, out, _ = _cli(db_url, monkeypatch, "stella", "stats", "ledger", "--year", "2025")
    assert code == 0 and "identified_by_age" in out and "stella" in out


def test_the_printed_summary_shows_exactly_the_released_figures(services, admin, site_ids) -> None:
    from pypdf import PdfReader

    from clinic_app.services.statistics_labels import category_label, country_label

    build_fixed_data(services, admin, site_ids)
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    for site in (None, site_ids["shelter"]):
        data = services.statistics.summary(analyst, 2025, site)
        pdf = services.statistics.summary_pdf(analyst, 2025, site)
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        for key, rows in data.sections:
            name = country_label if key == "identified_by_nationality" else category_label
            for code, n in rows:
                assert f"{name(code)}\n{'..' if n is None else n}\n" in text, (key, code)
        published = services.statistics.table(
            analyst, StatsQuery.for_years(2025, site_id=site), BY_GENDER
        )
        assert dict(zip(published.columns, published.cells[0], strict=True)) == dict(
            dict(data.sections)["identified_by_gender"]
        )
