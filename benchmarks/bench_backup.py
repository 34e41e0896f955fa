"""Backup and verified restore of the 50,000-person demo database (encrypted); target < 60 s.

Prints the figures; exits non-zero on a miss. Building the demo database is not timed.

Run from the repository root: ``.venv/bin/python benchmarks/bench_backup.py [PERSONS]``
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._bench_db import demo_database, services_for, use_memory_keyring, workdir
from clinic_app.services.backup import restore_to_new
from clinic_app.storage import backup as store

TARGET_S = 60.0


def main() -> int:
    persons = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    use_memory_keyring()
    folder = workdir()
    print(f"Building an encrypted demo database of {persons} persons in {folder} ...")
    t0 = time.perf_counter()
    url = demo_database(folder, persons, encrypted=True)
    print(f"  built in {time.perf_counter() - t0:.1f} s")
    svc = services_for(url)
    size = Path(str(svc.db.engine.url.database)).stat().st_size
    t0 = time.perf_counter()
    manifest, _ = store.write_backup(
        svc.db.engine, folder / "backups", at=dt.datetime.now(dt.UTC).replace(tzinfo=None)
    )
    backup_s = time.perf_counter() - t0
    svc.close()
    t0 = time.perf_counter()
    restored = restore_to_new(manifest.path, folder / "restored.db")
    restore_s = time.perf_counter() - t0
    total = backup_s + restore_s
    print(f"database: {size / 1e6:.1f} MB, {manifest.rows} rows in {len(manifest.counts)} tables")
    print(f"backup + verification:          {backup_s:6.1f} s")
    print(f"restore + verification (twice): {restore_s:6.1f} s  ({restored.rows} rows)")
    print(f"total:                          {total:6.1f} s  (target < {TARGET_S:.0f} s)")
    return 0 if total < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
