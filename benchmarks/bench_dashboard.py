"""Dashboard benchmarks at 50,000 persons: a whole site, one contact person's caseload, and the
daily refresh of every stored status and deadline.

Run from the repository root:
    .venv/bin/python benchmarks/bench_dashboard.py [--persons N] [--rounds R] [--db FILE]

Prints each figure with its target and the ratio (figure / target; below 1.0 meets it).
Uses an in-memory keychain and a fresh SQLite file in a temporary directory, unless ``--db``
names an existing demo database file to reuse (made for 2026-11-26: the benchmark adds audit
rows and refreshes it for the next day, then back).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import keyring
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._bench_db import open_or_generate
from clinic_app.models import ContactPersonAssignment, Person, PersonDeadline, User
from clinic_app.security.context import Actor
from clinic_app.services.container import build_services
from clinic_app.services.dashboard import DashboardService, DashboardView
from clinic_app.services.facts_loader import refresh_all
from clinic_app.vocabulary import Role
from tests.fakes import MemoryKeyring

SITE_MEDIAN_TARGET_MS = 300.0
CASELOAD_MEDIAN_TARGET_MS = 50.0
REFRESH_TARGET_S = 60.0  # run once a day at start-up or by a nightly job
TODAY = dt.date(2026, 11, 26)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _measure(label: str, call: Callable[[], DashboardView], rounds: int, target_ms: float) -> None:
    view = call()  # warm-up: page cache and statement cache
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        view = call()
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    print(
        f"   {label}: {len(view.items):,} items {dict(view.counts)}; median {median:.1f} ms "
        f"(target < {target_ms:.0f} ms, ratio {median / target_ms:.2f}); "
        f"p95 {_pct(times, 0.95):.1f} ms; {rounds} rounds"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db", type=Path, help="reuse this demo database file")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    with tempfile.TemporaryDirectory() as tmp:
        db = open_or_generate(args.db, tmp, args.persons, TODAY)
        services = build_services(db, clock=lambda: TODAY, demo=True)
        with db.read() as s:
            persons = s.scalar(select(func.count(Person.id))) or 0
            deadlines = s.scalar(select(func.count(PersonDeadline.id))) or 0
            site_id, site_persons = s.execute(
                select(Person.current_site_id, func.count(Person.id))
                .where(Person.archived_at.is_(None), Person.current_site_id.is_not(None))
                .group_by(Person.current_site_id)
                .order_by(func.count(Person.id).desc())
                .limit(1)
            ).one()
            caseloads = s.execute(
                select(User.id, User.username, User.role, User.site_id, func.count())
                .join(ContactPersonAssignment, ContactPersonAssignment.user_id == User.id)
                .join(Person, Person.id == ContactPersonAssignment.person_id)
                .where(ContactPersonAssignment.to_date.is_(None), Person.archived_at.is_(None))
                .group_by(User.id)
                .order_by(func.count())
            ).all()
            admin_id = s.scalar(
                select(User.id).where(User.role == Role.ADMINISTRATOR).order_by(User.id).limit(1)
            )
        assert admin_id is not None, "the database has no administrator"
        print(f"   {persons:,} persons, {deadlines:,} stored deadlines")

        dash: DashboardService = services.dashboard
        admin = Actor(admin_id, "admin", Role.ADMINISTRATOR, None, "bench")
        # A site's list is for its own staff (person.view_location): a team lead there.
        with db.read() as s:
            lead_id, site_id = s.execute(
                select(User.id, User.site_id).where(User.role == Role.TEAM_LEAD).limit(1)
            ).one()
            site_persons = s.scalar(
                select(func.count(Person.id)).where(
                    Person.current_site_id == site_id, Person.archived_at.is_(None)
                )
            )
        lead = Actor(lead_id, "bench-lead", Role.TEAM_LEAD, site_id, "bench")
        print(
            f"1) DashboardService.dashboard, the team lead's site ({site_persons:,} active persons)"
        )
        _measure(
            "site",
            lambda: dash.dashboard(lead, "site", site_id),
            args.rounds,
            SITE_MEDIAN_TARGET_MS,
        )
        _measure(
            "site, every item (per_category=None)",
            lambda: dash.dashboard(lead, "site", site_id, per_category=None),
            args.rounds,
            SITE_MEDIAN_TARGET_MS,
        )
        # A typical contact person (the median caseload in the data) and the largest one.
        for label, row in (
            ("median caseload", caseloads[len(caseloads) // 2]),
            ("largest caseload", caseloads[-1]),
        ):
            cp = Actor(row[0], row[1], row[2], row[3], "bench")
            print(f"2) DashboardService.dashboard for the {label} ({row[4]:,} persons, {row[1]})")
            _measure(
                "caseload",
                lambda cp=cp: dash.dashboard(cp, "caseload"),
                args.rounds,
                CASELOAD_MEDIAN_TARGET_MS,
            )
        # Every audited use case opens a connection (NullPool), writes one audit row and
        # commits with synchronous=FULL: the floor under both figures above.
        times = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            with db.write() as s:
                services.audit.record(s, admin, "benchmark.floor")
            times.append((time.perf_counter() - t0) * 1000)
        print(f"   floor: one audited unit of work, median {statistics.median(times):.1f} ms")

        print("3) refresh_all: recompute every active person's status and deadlines")
        t0 = time.perf_counter()
        report = refresh_all(db, TODAY)
        seconds = time.perf_counter() - t0
        print(
            f"   {report.persons:,} persons, {report.changed:,} changed; {seconds:.1f} s "
            f"(target < {REFRESH_TARGET_S:.0f} s, ratio {seconds / REFRESH_TARGET_S:.2f})"
        )
        t0 = time.perf_counter()
        report = refresh_all(db, TODAY + dt.timedelta(days=1))
        seconds = time.perf_counter() - t0
        print(
            f"   next day: {report.persons:,} persons, {report.changed:,} changed; {seconds:.1f} s"
        )
        refresh_all(db, TODAY)  # leave a reused database as it was
        services.close()


if __name__ == "__main__":
    main()
