"""Statistics benchmark at 50,000 persons: every yearly table for ten years, published (from
the publication ledger, after the years' first release) and internal, plus the k-anonymous
HTCDS export and the yearly summary.

Run from the repository root:
    .venv/bin/python benchmarks/bench_statistics.py [--persons N] [--rounds R] [--db FILE]

Prints each figure with its target and the ratio (figure / target; below 1.0 meets it).
Uses an in-memory keychain and a fresh SQLite file in a temporary directory, unless ``--db``
names an existing demo database file to reuse (only audit rows are written to it).
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
from clinic_app.models import CaseEvent, Person, User
from clinic_app.security.context import Actor
from clinic_app.services.container import build_services
from clinic_app.services.statistics import TABLE_KEYS, StatsQuery
from clinic_app.vocabulary import Role
from tests.fakes import MemoryKeyring

ALL_TABLES_TARGET_S = 2.0
TODAY = dt.date(2026, 11, 26)
FIRST_YEAR, LAST_YEAR = 2017, 2026  # ten years


def _measure(label: str, call: Callable[[], object], rounds: int, target: float | None) -> float:
    """Median wall time; CPU time beside it, since a busy machine stretches wall time."""
    call()  # warm-up: page cache and statement cache
    times, cpu = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        call()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    median = statistics.median(times)
    line = (
        f"   {label}: median {median * 1000:.0f} ms (CPU {statistics.median(cpu) * 1000:.0f} ms),"
        f" max {max(times) * 1000:.0f} ms"
    )
    if target is not None:
        line += f" (target < {target:.1f} s, ratio {median / target:.2f})"
    print(line + f"; {rounds} rounds")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse this demo database file")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    with tempfile.TemporaryDirectory() as tmp:
        db = open_or_generate(args.db, tmp, args.persons, TODAY)
        services = build_services(db, clock=lambda: TODAY, demo=True)
        with db.read() as s:
            persons = s.scalar(select(func.count(Person.id))) or 0
            events = s.scalar(select(func.count(CaseEvent.id))) or 0
            admin_id = s.scalar(
                select(User.id).where(User.role == Role.ADMINISTRATOR).order_by(User.id).limit(1)
            )
        assert admin_id is not None, "the database has no administrator"
        print(f"   {persons:,} persons, {events:,} case events")
        admin = Actor(admin_id, "admin", Role.ADMINISTRATOR, None, "bench")
        stats = services.statistics
        published = StatsQuery.for_years(FIRST_YEAR, LAST_YEAR)
        internal = StatsQuery.for_years(FIRST_YEAR, LAST_YEAR, internal=True)

        print(f"1) all {len(TABLE_KEYS)} tables, {FIRST_YEAR}-{LAST_YEAR}, published")
        t0 = time.perf_counter()
        stats.report(admin, published)
        print(
            f"   first use, releasing {FIRST_YEAR}-{LAST_YEAR - 1} into the ledger: "
            f"{time.perf_counter() - t0:.1f} s (once per year, ever)"
        )
        _measure("report", lambda: stats.report(admin, published), args.rounds, ALL_TABLES_TARGET_S)
        print("2) the same, internal (no suppression)")
        _measure("report", lambda: stats.report(admin, internal), args.rounds, ALL_TABLES_TARGET_S)
        print("3) each table alone (published)")
        for key in TABLE_KEYS:
            _measure(key, lambda key=key: stats.table(admin, published, key), args.rounds, None)
        report = stats.report(admin, internal)
        victims = report.table("victims")
        per_year = dict(zip(victims.years, victims.column("identified"), strict=True))
        print(f"   identified per year: {per_year}")
        hidden = sum(t.hidden for t in stats.report(admin, published).tables)
        print(f"   entries hidden in the published report: {hidden}")
        print("4) HTCDS export of ten years (k-anonymous)")
        _measure("export", lambda: stats.export_htcds(admin, internal), 1, None)
        print("5) one-page yearly summary PDF")
        _measure("summary", lambda: stats.summary_pdf(admin, LAST_YEAR - 1), 1, None)
        db.dispose()


if __name__ == "__main__":
    main()
