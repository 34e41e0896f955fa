"""Cost of encryption at rest: persons search and a visit save, SQLCipher vs plain SQLite.

Target: encrypted / plain < 1.3 for both. Prints the figures; exits non-zero on a miss.

Run from the repository root: ``.venv/bin/python benchmarks/bench_encryption.py [PERSONS]``
(default 5,000 demo persons in each database).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from benchmarks._bench_db import actors, demo_database, services_for, use_memory_keyring, workdir
from clinic_app.models import Person
from clinic_app.services.persons import PersonFilter
from clinic_app.services.visits import VisitInput

TARGET = 1.3
SEARCHES = ("ana", "maria", "ol", "1994", "nguyen", "ch")
RUNS = 30


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def measure(url: str) -> tuple[float, float]:
    svc = services_for(url)
    admin, nurse, clinic = actors(svc)
    with svc.db.read() as s:
        person_ids = list(
            s.scalars(select(Person.id).where(Person.archived_at.is_(None)).limit(500))
        )
    i = iter(range(10**9))

    def search() -> None:
        for text in SEARCHES:
            svc.persons.search(admin, text, PersonFilter(), limit=50)

    def visit() -> None:
        pid = person_ids[next(i) % len(person_ids)]
        svc.visits.record_visit(
            nurse, VisitInput(site_id=clinic, person_id=pid, reason="benchmark", clinical_notes="x")
        )

    result = (median_ms(search) / len(SEARCHES), median_ms(visit))
    svc.close()
    return result


def main() -> int:
    persons = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    use_memory_keyring()
    folder = workdir()
    print(f"Building two demo databases of {persons} persons in {folder} ...")
    plain = demo_database(folder, persons, encrypted=False)
    encrypted = demo_database(folder, persons, encrypted=True)
    p_search, p_visit = measure(plain)
    e_search, e_visit = measure(encrypted)
    ok = True
    print(f"{'':22}{'plain':>10}{'SQLCipher':>12}{'ratio':>8}")
    for label, p, e in (
        ("persons search (ms)", p_search, e_search),
        ("visit save (ms)", p_visit, e_visit),
    ):
        ratio = e / p
        ok &= ratio < TARGET
        print(f"{label:22}{p:10.2f}{e:12.2f}{ratio:8.2f}{'' if ratio < TARGET else '  MISSED'}")
    print(f"target: ratio < {TARGET}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
