"""A backup process for the kill -9 harness: copies the database slowly, page by page.

Run as ``python -m tests.reliability.kill_backup DB_PATH FOLDER`` with the database key
(hex) in CLINIC_APP_KILL_KEY. It prints ``page N`` after each copied page (one page a step,
a short sleep between), so the test can kill it while the ``.part`` file is being written.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from clinic_app.storage import backup as store
from clinic_app.storage.engine import make_cipher_engine
from clinic_app.storage.open import remember_key


def main() -> None:
    path, folder = Path(sys.argv[1]), Path(sys.argv[2])
    key = bytes.fromhex(os.environ["CLINIC_APP_KILL_KEY"])
    engine = make_cipher_engine(path, key)
    remember_key(engine, key)
    store.PAGES_PER_STEP = 1  # many small steps: a kill lands in the middle of the copy

    def progress(done: int, total: int) -> None:
        print(f"page {done} {total}", flush=True)
        time.sleep(0.01)

    store.write_backup(
        engine, folder, at=dt.datetime.now().replace(microsecond=0), progress=progress
    )
    print("done", flush=True)


if __name__ == "__main__":
    main()
