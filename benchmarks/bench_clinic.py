"""Clinic benchmarks over a demo database with a year of visits: saving one visit (target:
median under 50 ms) and opening the day view of a site with 200 visits (target: under 200 ms);
also the daily summary and the visitor search at the desk (shown against the 50 ms figure).

Run from the repository root:
    .venv/bin/python benchmarks/bench_clinic.py [--persons N] [--rounds R]

Prints each figure with its target and the ratio (figure / target; below 1.0 meets it).
Uses an in-memory keychain and a fresh SQLite file in a temporary directory.
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

from clinic_app.models import AnonymousVisitor, Site, User, Visit
from clinic_app.security.context import Actor
from clinic_app.services.container import build_services, open_database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import Role, SiteKind, VisitService
from tests.fakes import MemoryKeyring

SAVE_MEDIAN_TARGET_MS = 50.0
DAY_VIEW_TARGET_MS = 200.0
DAY_VISITS = 200
TODAY = dt.date(2026, 11, 26)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _report(label: str, times: list[float], target_ms: float, extra: str = "") -> None:
    median = statistics.median(times)
    print(
        f"   {label}: median {median:.1f} ms (target < {target_ms:.0f} ms, ratio "
        f"{median / target_ms:.2f}); p95 {_pct(times, 0.95):.1f} ms; max {max(times):.1f} ms; "
        f"{len(times)} rounds{extra}"
    )


def _timed(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        print(f"0) generate_demo_data(persons={args.persons:,}) into a fresh SQLite file")
        t0 = time.perf_counter()
        summary = generate_demo_data(db, persons=args.persons, seed=1, today=TODAY)
        print(
            f"   {time.perf_counter() - t0:.1f} s: {summary.visits:,} visits, "
            f"{summary.visitors:,} visitors, {summary.outings:,} outings"
        )
        svc = build_services(db, clock=lambda: TODAY, demo=True)
        with db.read() as s:
            nurse_row = s.scalars(select(User).where(User.role == Role.NURSE)).first()
            clinic = s.scalars(select(Site).where(Site.kind == SiteKind.CLINIC)).first()
            assert nurse_row is not None and clinic is not None
            visitor_ids = list(s.scalars(select(AnonymousVisitor.id).limit(args.rounds)))
            per_day = s.scalar(select(func.count(Visit.id)).where(Visit.site_id == clinic.id))
        nurse = Actor(nurse_row.id, nurse_row.username, Role.NURSE, nurse_row.site_id, "bench")
        print(f"   site {clinic.code}: {per_day:,} visits over the year")

        print("1) ClinicService.record_visit (one unit of work, audited)")
        services = (VisitService.CONSULTATION, VisitService.STI_TESTING)
        warm = svc.visitors.create(nurse, VisitorInput("Warm-up"))
        svc.visits.record_visit(nurse, VisitInput(clinic.id, visitor_id=warm.id))
        times = []
        for i in range(args.rounds):
            data = VisitInput(
                clinic.id,
                visitor_id=visitor_ids[i % len(visitor_ids)],
                visited_at=dt.datetime.combine(TODAY, dt.time(8)) + dt.timedelta(minutes=i),
                services=services,
                reason="check-up",
                clinical_notes="Benchmark note.",
                follow_up_date=TODAY + dt.timedelta(days=14),
            )
            times.append(_timed(lambda data=data: svc.visits.record_visit(nurse, data)))
        _report("save a visit", times, SAVE_MEDIAN_TARGET_MS)

        print(f"2) ClinicService.day_view with {DAY_VISITS} visits on one day at one site")
        day = TODAY - dt.timedelta(days=1)
        for i in range(DAY_VISITS):
            svc.visits.record_visit(
                nurse,
                VisitInput(
                    clinic.id,
                    visitor_id=visitor_ids[i % len(visitor_ids)],
                    visited_at=dt.datetime.combine(day, dt.time(7)) + dt.timedelta(minutes=3 * i),
                    services=services,
                ),
            )
        count = len(svc.visits.day_view(nurse, clinic.id, day))  # warm-up
        times = [
            _timed(lambda: svc.visits.day_view(nurse, clinic.id, day)) for _ in range(args.rounds)
        ]
        _report("day view", times, DAY_VIEW_TARGET_MS, f"; {count} visits shown (200 added + demo)")
        times = [
            _timed(lambda: svc.visits.daily_summary(nurse, clinic.id, day))
            for _ in range(args.rounds)
        ]
        _report("daily summary (no target)", times, DAY_VIEW_TARGET_MS)
        print("3) VisitorService.search at the desk (no target; typed as you go)")
        with db.read() as s:
            code = s.scalar(select(AnonymousVisitor.code).limit(1)) or "V-22222"
            nick = s.scalar(
                select(AnonymousVisitor.nickname).where(AnonymousVisitor.nickname != "").limit(1)
            )
        for what, text in (("card code", code), ("nickname prefix", (nick or "Ma")[:3])):
            svc.visitors.search(nurse, text)  # warm-up
            times = [_timed(lambda t=text: svc.visitors.search(nurse, t)) for _ in range(20)]
            hits = len(svc.visitors.search(nurse, text))
            _report(f"search by {what}", times, SAVE_MEDIAN_TARGET_MS, f"; {hits} hits")
        svc.close()


if __name__ == "__main__":
    main()
