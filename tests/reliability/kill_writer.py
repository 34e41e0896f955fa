"""A writer process for the kill -9 harness: forks writers on command, no threads.

Run as ``python -m tests.reliability.kill_writer DB_PATH USER_ID USERNAME`` with the
database key and audit key (hex) in CLINIC_APP_KILL_KEY / CLINIC_APP_KILL_AUDIT_KEY.
Commands on stdin, one a line:

- ``go TAG FIFO``: fork a writer that appends acknowledgements to the FIFO; replies
  ``pid N``;
- ``wait N``: reap writer N (after the test killed it); replies ``dead N``.

Forking from this clean process, rather than from the test runner (which may have threads),
keeps the writers from inheriting a lock held by another thread.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services, build_services
from clinic_app.services.database import Database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage.engine import make_cipher_engine
from clinic_app.vocabulary import ContactChannel, EventKind, ExploitationForm, Role
from tests.conftest import FAST_HASHER, TODAY


def write_forever(svc: Services, actor: Actor, out: int, tag: str, limit: int = -1) -> None:
    """Register a person, then record a case event for her; acknowledge each commit."""
    n = 0
    while n != limit:
        marker = f"{tag}-{n}"
        person = svc.persons.register(
            actor,
            PersonInput(
                names=(NameInput(f"Crash Test {marker}"), NameInput(f"Alias {marker}", True)),
                nationality="RO",
                languages=("ro",),
                exploitation=(ExploitationForm.FORCED_LABOUR,),
                notes=marker,
            ),
        )
        os.write(out, f"P {person.id} {marker}\n".encode())
        event = svc.cases.record_event(
            actor,
            person.id,
            EventInput(
                kind=EventKind.FIRST_CONTACT,
                date=TODAY,
                channel=ContactChannel.STREET_OUTREACH,
                notes=marker,
            ),
        )
        os.write(out, f"E {event.id} {marker}\n".encode())
        n += 1


def main() -> None:
    path, user_id, username = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    key = bytes.fromhex(os.environ["CLINIC_APP_KILL_KEY"])
    audit_key = bytes.fromhex(os.environ["CLINIC_APP_KILL_AUDIT_KEY"])
    actor = Actor(user_id, username, Role.ADMINISTRATOR, None, "kill-harness")
    db = Database(make_cipher_engine(Path(path), key))
    svc = build_services(db, audit_key=audit_key, hasher=FAST_HASHER, clock=lambda: TODAY)
    # One full cycle here first (mappers, rules, the engine's statement cache), so that each
    # forked writer starts writing at once; every connection is closed before a fork.
    sink = os.open(os.devnull, os.O_WRONLY)
    write_forever(svc, actor, sink, "warm", limit=1)
    os.close(sink)
    db.engine.dispose()
    for line in sys.stdin:
        parts = line.split()
        if parts[0] == "go":
            tag, fifo = parts[1], parts[2]
            pid = os.fork()
            if pid == 0:  # the writer: runs until killed
                code = 0
                db.engine.dispose(close=False)
                out = os.open(fifo, os.O_WRONLY)
                try:
                    write_forever(svc, actor, out, tag)
                except BaseException as exc:
                    os.write(out, f"X {type(exc).__name__} -\n".encode())
                    code = 1
                finally:
                    os._exit(code)
            print(f"pid {pid}", flush=True)
        elif parts[0] == "wait":
            pid = int(parts[1])
            os.waitpid(pid, 0)
            print(f"dead {pid}", flush=True)


if __name__ == "__main__":
    main()
