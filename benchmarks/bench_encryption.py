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
RUNS = 15
ROUNDS = 5


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


class Subject:
    """One database with the two operations to time."""

    def __init__(self, url: str) -> None:
        self.svc = services_for(url)
        self.admin, self.nurse, self.clinic = actors(self.svc)
        with self.svc.db.read() as s:
            self.person_ids = list(
                s.scalars(select(Person.id).where(Person.archived_at.is_(None)).limit(500))
            )
        self.n = 0

    def search(self) -> None:
        for text in SEARCHES:
            self.svc.persons.search(self.admin, text, PersonFilter(), limit=50)

    def visit(self) -> None:
        self.n += 1
        pid = self.person_ids[self.n % len(self.person_ids)]
        self.svc.visits.record_visit(
            self.nurse,
            VisitInput(site_id=self.clinic, person_id=pid, reason="benchmark", clinical_notes="x"),
        )


def measure(plain: Subject, encrypted: Subject) -> dict[str, tuple[float, float]]:
    """Interleaved rounds (the machine's load drifts); the best round's median of each."""
    best: dict[str, list[float]] = {"search": [1e9, 1e9], "visit": [1e9, 1e9]}
    for _ in range(ROUNDS):
        for i, subject in enumerate((plain, encrypted)):
            search = median_ms(subject.search) / len(SEARCHES)
            visit = median_ms(subject.visit)
            best["search"][i] = min(best["search"][i], search)
            best["visit"][i] = min(best["visit"][i], visit)
    return {k: (v[0], v[1]) for k, v in best.items()}


def main() -> int:
    persons = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    use_memory_keyring()
    folder = workdir()
    print(f"Building two demo databases of {persons} persons in {folder} ...")
    plain = demo_database(folder, persons, encrypted=False)
    encrypted = demo_database(folder, persons, encrypted=True)
    figures = measure(Subject(plain), Subject(encrypted))
    (p_search, e_search), (p_visit, e_visit) = figures["search"], figures["visit"]
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
