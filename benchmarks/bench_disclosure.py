"""Disclosure figures for a demo database: what an exact attacker recovers from everything
the statistics role can obtain, and the k-anonymity of the HTCDS export.

Run from the repository root:
    .venv/bin/python benchmarks/bench_disclosure.py [--persons N] [--db FILE]

Prints: the time to release every year (first use), the attack's size and the number of
small counts it recovers (target: 0), and for the ten-year HTCDS export the records written,
generalised and withheld and the smallest group of equal quasi-identifiers (target: >= k).
Uses an in-memory keychain and a fresh SQLite file unless ``--db`` names a demo database
(copy it first: releases and audit rows are written to it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import keyring
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._bench_db import open_or_generate
from clinic_app.models import User
from clinic_app.security.context import Actor
from clinic_app.services.container import build_services
from clinic_app.services.statistics import StatsQuery
from clinic_app.vocabulary import Role
from tests.disclosure_attack import attack_database
from tests.fakes import MemoryKeyring

TODAY = dt.date(2026, 11, 26)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=400)
    parser.add_argument("--db", type=Path, help="reuse this demo database file")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        db = open_or_generate(args.db, tmp, args.persons, TODAY)
        services = build_services(db, clock=lambda: TODAY)
        with db.read() as s:
            ids = {
                role: s.scalar(select(User.id).where(User.role == role).limit(1))
                for role in (Role.STATISTICS, Role.ADMINISTRATOR)
            }
        analyst = Actor(ids[Role.STATISTICS] or 0, "stats", Role.STATISTICS, None, "bench")
        admin = Actor(ids[Role.ADMINISTRATOR] or 0, "admin", Role.ADMINISTRATOR, None, "bench")

        t0 = time.perf_counter()
        services.statistics.report(analyst, StatsQuery.for_years(TODAY.year - 30, TODAY.year))
        print(f"   releasing every year (first use): {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        result = attack_database(services, analyst, TODAY)
        print(
            f"1) attack: {result.queries} reports and summaries, {result.equations:,} "
            f"equations over {result.unknowns:,} unknown counts, {result.published:,} read "
            f"directly, {result.determined_hidden} more implied: "
            f"{time.perf_counter() - t0:.0f} s"
        )
        print(
            f"   small counts (1 to {result.threshold - 1}) recovered: "
            f"{len(result.recovered_small)} (target 0)"
        )
        ledger = services.statistics.ledger(analyst)
        print(
            f"   ledger: {len({r.year for r in ledger})} years, "
            f"{sum(r.primary_hidden for r in ledger)} small entries hidden, "
            f"{sum(r.secondary_hidden for r in ledger)} more to protect them"
        )
        t0 = time.perf_counter()
        export = services.statistics.export_htcds(
            admin, StatsQuery.for_years(TODAY.year - 10, TODAY.year - 1)
        )
        print(
            f"2) HTCDS export {TODAY.year - 10}-{TODAY.year - 1}, k = {export.k}: "
            f"{export.rows + export.withheld} records, {export.rows} written "
            f"({export.generalised} generalised), {export.withheld} withheld; "
            f"smallest group {export.smallest_class} (target >= {export.k}); levels "
            f"year/age/citizenship/gender {export.levels}; {time.perf_counter() - t0:.1f} s"
        )
        db.dispose()


if __name__ == "__main__":
    main()
