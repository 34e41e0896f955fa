"""The same figures on PostgreSQL as on SQLite: person search per keystroke, the dashboard
for a site, the clinic day view and saving a visit, over the same demo data.

Run from the repository root (the database given must be empty, or hold this script's
earlier demo data of the same size; PostgreSQL needs no keychain password here):

    .venv/bin/python benchmarks/bench_postgresql.py --db postgresql+psycopg://USER@HOST/DB
    .venv/bin/python benchmarks/bench_postgresql.py --db ... --persons 5000 --rounds 10

Targets: search per keystroke median < 50 ms, dashboard for a site < 300 ms, day view
< 200 ms, saving a visit < 50 ms. Each line shows SQLite's figure beside PostgreSQL's and
the ratio figure / target (below 1.0 meets it).
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

from clinic_app.models import AnonymousVisitor, Person, Site, User
from clinic_app.security.context import Actor
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.services.visits import VisitInput
from clinic_app.storage.engine import refresh_statistics
from clinic_app.vocabulary import Role, SiteKind, VisitService
from tests.fakes import MemoryKeyring

TODAY = dt.date(2026, 11, 26)
TARGETS_MS = {"search": 50.0, "dashboard": 300.0, "day view": 200.0, "save visit": 50.0}
# Typed letter by letter, as the persons page searches on each keystroke.
TYPED = ("popescu", "kovalenko", "nguyen thi", "madalina", "1998")


def _timed(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000


def _prepare(url: str, persons: int) -> Services:
    db = open_database(url)
    with db.read() as s:
        have = s.scalar(select(func.count(Person.id))) or 0
    if have == 0:
        t0 = time.perf_counter()
        generate_demo_data(db, persons=persons, seed=1, today=TODAY)
        if db.engine.dialect.name == "postgresql":
            refresh_statistics(db.engine)  # as `clinic-app demo-data` and restores do
        print(f"   generated {persons:,} persons in {time.perf_counter() - t0:.1f} s: {url[:24]}…")
    elif have != persons:
        raise SystemExit(f"{url[:24]}… holds {have} persons, not {persons}: give an empty database")
    return build_services(db, clock=lambda: TODAY)


def _measure(svc: Services, rounds: int) -> dict[str, list[float]]:
    with svc.db.read() as s:
        admin_row = s.scalars(select(User).where(User.role == Role.ADMINISTRATOR)).first()
        nurse_row = s.scalars(select(User).where(User.role == Role.NURSE)).first()
        clinic = s.scalars(select(Site).where(Site.kind == SiteKind.CLINIC)).first()
        busiest = s.execute(
            select(Person.current_site_id)
            .where(Person.archived_at.is_(None), Person.current_site_id.is_not(None))
            .group_by(Person.current_site_id)
            .order_by(func.count(Person.id).desc())
            .limit(1)
        ).scalar_one()
        visitors = list(s.scalars(select(AnonymousVisitor.id).limit(rounds)))
    assert admin_row and nurse_row and clinic and visitors
    admin = Actor(admin_row.id, admin_row.username, Role.ADMINISTRATOR, None, "bench")
    nurse = Actor(nurse_row.id, nurse_row.username, Role.NURSE, nurse_row.site_id, "bench")
    out: dict[str, list[float]] = {k: [] for k in TARGETS_MS}
    keystrokes = [word[:n] for word in TYPED for n in range(2, len(word) + 1)]
    for text in keystrokes[:3]:
        svc.persons.search(admin, text)  # warm-up
    for _ in range(max(1, rounds // 10)):
        out["search"] += [_timed(lambda t=t: svc.persons.search(admin, t)) for t in keystrokes]
    svc.dashboard.dashboard(admin, "site", busiest)
    out["dashboard"] = [
        _timed(lambda: svc.dashboard.dashboard(admin, "site", busiest)) for _ in range(rounds)
    ]
    day = TODAY - dt.timedelta(days=1)
    for i in range(rounds):
        data = VisitInput(
            clinic.id,
            visitor_id=visitors[i % len(visitors)],
            visited_at=dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=i),
            services=(VisitService.CONSULTATION, VisitService.STI_TESTING),
            reason="check-up",
            clinical_notes="Benchmark note.",
        )
        out["save visit"].append(_timed(lambda d=data: svc.visits.record_visit(nurse, d)))
    svc.visits.day_view(nurse, clinic.id, day)
    out["day view"] = [
        _timed(lambda: svc.visits.day_view(nurse, clinic.id, day)) for _ in range(rounds)
    ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="postgresql+psycopg://USER@HOST/DATABASE")
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        print(f"0) demo data, {args.persons:,} persons, in SQLite and in PostgreSQL")
        results = {}
        for label, url in (("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}"), ("PG", args.db)):
            svc = _prepare(url, args.persons)
            try:
                results[label] = _measure(svc, args.rounds)
            finally:
                svc.close()
    print(f"1) medians over {args.rounds} rounds (search: every keystroke of {len(TYPED)} words)")
    for what, target in TARGETS_MS.items():
        cells = []
        for label in ("SQLite", "PG"):
            times = results[label][what]
            median = statistics.median(times)
            cells.append(f"{label} {median:6.1f} ms (ratio {median / target:.2f})")
        print(f"   {what:<11} target < {target:.0f} ms: " + "  |  ".join(cells))


if __name__ == "__main__":
    main()
