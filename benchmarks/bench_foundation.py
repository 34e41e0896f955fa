"""Foundation benchmarks: demo-data generation and person search at 50,000 persons.

Run from the repository root:  .venv/bin/python benchmarks/bench_foundation.py [--persons N]

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
from pathlib import Path

import keyring
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clinic_app.models import Person
from clinic_app.services.container import build_services, open_database
from clinic_app.services.demo_data import DEMO_USERS, generate_demo_data
from tests.fakes import MemoryKeyring

GENERATE_TARGET_S = 60.0
SEARCH_MEDIAN_TARGET_MS = 100.0
TODAY = dt.date(2026, 11, 26)

# What staff type: full and partial names, with and without accents, Cyrillic, Thai and Han
# spellings, case references and birth years. Two are filled in from the data (case refs).
QUERIES = [
    "Ioana",
    "popescu",
    "Mădălina",
    "madalina stanescu",
    "Turcanu",
    "Олена",
    "Коваленко",
    "kovalenko",
    "iryna shevchuk",
    "Siriporn",
    "ศิริพร",
    "nguyen thi",
    "Hương",
    "blessing okafor",
    "igbin",
    "eszter kovacs",
    "王梅",
    "1998",
    "osas 1995",
    "<case_ref>",
]


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds of searches")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = open_database(url)
        print(f"1) generate_demo_data(persons={args.persons:,}) into a fresh SQLite file")
        started = time.perf_counter()
        summary = generate_demo_data(db, persons=args.persons, seed=1, today=TODAY)
        seconds = time.perf_counter() - started
        size_mb = (Path(tmp) / "bench.db").stat().st_size / 1e6
        print(f"   {summary}")
        print(
            f"   {seconds:.1f} s (target < {GENERATE_TARGET_S:.0f} s, "
            f"ratio {seconds / GENERATE_TARGET_S:.2f}); file {size_mb:.0f} MB"
        )

        services = build_services(db, clock=lambda: TODAY, demo=True)
        password = next(pw for user, pw, _, _ in DEMO_USERS if user == "admin")
        admin = services.users.authenticate("admin", password, "bench")
        with db.read() as s:
            ref = s.scalar(select(Person.case_ref).where(Person.archived_at.is_(None)).limit(1))
        queries = [q.replace("<case_ref>", ref or "") for q in QUERIES]

        print(f"2) PersonService.search over {args.persons:,} persons, {len(queries)} queries")
        for q in queries:  # warm-up: page cache and statement cache
            services.persons.search(admin, q)
        per_query: dict[str, list[float]] = {q: [] for q in queries}
        hits: dict[str, int] = {}
        for _ in range(args.rounds):
            for q in queries:
                t0 = time.perf_counter()
                page = services.persons.search(admin, q)
                per_query[q].append((time.perf_counter() - t0) * 1000)
                hits[q] = page.total
        samples = [ms for times in per_query.values() for ms in times]
        for q in queries:
            print(f"   {statistics.median(per_query[q]):7.1f} ms  {hits[q]:6,} hits  {q!r}")
        median, p95 = statistics.median(samples), _pct(samples, 0.95)
        print(
            f"   median {median:.1f} ms (target < {SEARCH_MEDIAN_TARGET_MS:.0f} ms, ratio "
            f"{median / SEARCH_MEDIAN_TARGET_MS:.2f}); p95 {p95:.1f} ms; "
            f"{len(samples)} samples"
        )
        services.close()


if __name__ == "__main__":
    main()
