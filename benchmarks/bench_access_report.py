"""Audit benchmarks: one person's access report over 1,000,000 audit rows, and verifying them.

Run from the repository root:  .venv/bin/python benchmarks/bench_access_report.py [--rows N]

Prints each figure with its target and the ratio (figure / target; below 1.0 meets it).
Uses an in-memory keychain and a fresh SQLite file in a temporary directory. The rows are
validly hash-chained (so ``audit verify`` passes) and bulk-inserted with Core inserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import keyring
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clinic_app.models import AuditAnchor, AuditEvent
from clinic_app.security.audit_chain import chain_hash
from clinic_app.security.passwords import PasswordHasherConfig
from clinic_app.services.audit import AuditFilter, verify_log
from clinic_app.services.audit_trail import ANCHOR_ID, audit_row_fields
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from tests.fakes import MemoryKeyring

REPORT_TARGET_S = 2.0
TODAY = dt.date(2026, 11, 26)
PASSWORD = "violet harbour lantern 42"
KEY = b"benchmark audit key, 32 bytes.."
ACTIONS = ("person.view", "person.search", "person.edit", "visit.view", "entitlement.view")
BATCH = 50_000


def bulk_audit(svc: Services, rows: int, persons: int, target: int, seed: int) -> int:
    """Append ``rows`` chained events over ``persons`` person ids; returns the target's count."""
    db = svc.db
    rng = random.Random(seed)
    with db.write() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        assert anchor is not None
        seq, prev = anchor.last_event_id, anchor.last_hash
    start = dt.datetime(2022, 1, 1)
    hits = 0
    with db.engine.begin() as conn:
        batch: list[dict[str, object]] = []
        for i in range(rows):
            seq += 1
            pid = rng.randrange(1, persons + 1)
            hits += pid == target
            row: dict[str, object] = {
                "id": seq,
                "at": start + dt.timedelta(seconds=90 * i),
                "user_id": rng.randrange(1, 40),
                "username": f"user{rng.randrange(1, 40)}",
                "role": "shelter_staff",
                "workstation": "shelter-pc",
                "action": rng.choice(ACTIONS),
                "person_id": pid,
                "target": "",
                "details": "",
                "outcome": "ok",
            }
            digest = chain_hash(KEY, prev, audit_row_fields(SimpleNamespace(**row)))
            row["prev_hash"], row["row_hash"] = prev, digest
            prev = digest
            batch.append(row)
            if len(batch) == BATCH:
                conn.execute(insert(AuditEvent.__table__), batch)
                batch = []
        if batch:
            conn.execute(insert(AuditEvent.__table__), batch)
    with db.write() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        assert anchor is not None
        anchor.last_event_id, anchor.last_hash = seq, prev
        svc.audit.seal(anchor)
    return hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=5_000, help="distinct person ids")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        fast = PasswordHasherConfig(memory_kib=256, time_cost=1, parallelism=1)
        svc = build_services(db, audit_key=KEY, hasher=fast, clock=lambda: TODAY)
        svc.users.create_first_admin("admin", "Administrator", PASSWORD)
        admin = svc.users.authenticate("admin", PASSWORD, "bench")
        person = svc.persons.register(admin, PersonInput(names=(NameInput("Bench Person"),)))

        t0 = time.perf_counter()
        hits = bulk_audit(svc, args.rows, args.persons, person.id, args.seed)
        insert_s = time.perf_counter() - t0
        size_mb = (Path(tmp) / "bench.db").stat().st_size / 1e6
        print(
            f"bulk insert: {args.rows:,} chained audit rows in {insert_s:.1f} s "
            f"({args.rows / insert_s:,.0f} rows/s), database {size_mb:.0f} MB"
        )

        times = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            report = svc.audit_log.access_report(admin, person.id)
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        print(
            f"access report: {len(report.entries):,} entries for one person ({hits:,} bulk + "
            f"the person's own) over {args.rows:,} rows: median {median * 1000:.0f} ms, "
            f"worst {max(times) * 1000:.0f} ms over {args.rounds} rounds; target "
            f"{REPORT_TARGET_S:.1f} s; ratio {median / REPORT_TARGET_S:.3f}"
        )

        t0 = time.perf_counter()
        page = svc.audit_log.list_events(admin, AuditFilter(person_id=person.id), limit=100)
        viewer_ms = (time.perf_counter() - t0) * 1000
        print(f"audit viewer, page filtered by person ({page.total:,} events): {viewer_ms:.0f} ms")

        t0 = time.perf_counter()
        page = svc.audit_log.list_events(admin, AuditFilter(action="person.edit"), limit=100)
        viewer_ms = (time.perf_counter() - t0) * 1000
        print(f"audit viewer, page filtered by action ({page.total:,} events): {viewer_ms:.0f} ms")

        t0 = time.perf_counter()
        check = verify_log(svc.db, svc.audit)
        verify_s = time.perf_counter() - t0
        print(
            f"audit verify: {check.checked:,} rows, ok={check.ok}, {verify_s:.1f} s "
            f"({check.checked / verify_s:,.0f} rows/s)"
        )
        svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
