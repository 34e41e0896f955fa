"""Crash safety: SIGKILL a writer at random points; every acknowledged save must survive.

A forked child (cheap: the modules are already imported) writes continuously through the
services, on the encrypted database: a person registration (person, names, languages,
exploitation forms and an audit row in one unit of work) and then a case event for that
person (event, deadlines and an audit row). After each commit returns it writes an
acknowledgement to a pipe. The parent kills it after a random delay, then reopens the
database: the integrity check must pass and every acknowledged save must be there.

CLINIC_APP_RELIABILITY_KILLS=N runs N kill points (default 200).
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest

from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import audit_key_for, build_services
from clinic_app.services.database import Database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage.engine import make_cipher_engine
from clinic_app.storage.open import engine_key
from clinic_app.vocabulary import ContactChannel, EventKind, ExploitationForm
from tests.conftest import FAST_HASHER, TODAY
from tests.unit.storage.helpers import admin_of, new_encrypted, open_services

KILLS = int(os.environ.get("CLINIC_APP_RELIABILITY_KILLS", "200"))
MAX_DELAY = 0.15


def _writer(path: Path, key: bytes, audit_key: bytes, actor: Actor, out: int, tag: str) -> None:
    """Runs in the forked child until killed."""
    db = Database(make_cipher_engine(path, key))
    svc = build_services(db, audit_key=audit_key, hasher=FAST_HASHER, clock=lambda: TODAY)
    n = 0
    while True:
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


def _run_child(
    path: Path, key: bytes, audit_key: bytes, actor: Actor, tag: str, delay: float
) -> str:
    """Fork a writer, SIGKILL it after ``delay`` seconds; returns everything it acknowledged."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        code = 0
        try:
            os.close(r)
            _writer(path, key, audit_key, actor, w, tag)
        except BaseException as exc:
            os.write(w, f"X {type(exc).__name__} -\n".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    received = bytearray()
    deadline = time.monotonic() + delay
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([r], [], [], left)
        if ready:
            chunk = os.read(r, 65536)
            if not chunk:
                break
            received += chunk
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(r, 65536):  # what was written before the kill counts too
        received += chunk
    os.close(r)
    return received.decode()


def _check(path: Path, key: bytes, acks: list[tuple[str, int, str]]) -> None:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        persons = dict(conn.execute("SELECT id, notes FROM person").fetchall())
        events = dict(conn.execute("SELECT id, notes FROM case_event").fetchall())
        names = {n for (n,) in conn.execute("SELECT name FROM person_name")}
    finally:
        conn.close()
    for kind, row_id, marker in acks:
        if kind == "P":
            assert persons.get(row_id) == marker, f"lost acknowledged person {marker}"
            assert f"Crash Test {marker}" in names and f"Alias {marker}" in names
        else:
            assert events.get(row_id) == marker, f"lost acknowledged event {marker}"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_points_loses_no_acknowledged_write(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    actor = admin_of(svc)
    key = engine_key(svc.db.engine)
    audit_key = audit_key_for(svc.db)
    svc.close()
    assert key is not None
    path = tmp_path / "clinic.db"
    rng = random.Random(int(os.environ.get("CLINIC_APP_RELIABILITY_SEED", "11")))
    all_acks: list[tuple[str, int, str]] = []
    torn = 0
    for i in range(KILLS):
        text = _run_child(path, key, audit_key, actor, f"k{i}", rng.uniform(0.0, MAX_DELAY))
        lines = text.split("\n")
        torn += bool(lines[-1])  # a half-written acknowledgement does not count
        acks = []
        for line in lines[:-1]:
            kind, row_id, marker = line.split(" ")
            assert kind != "X", f"the writer failed: {row_id}"
            acks.append((kind, int(row_id), marker))
        _check(path, key, acks)
        all_acks += acks
    _check(path, key, all_acks)
    # The harness must really have exercised writes, not only start-ups.
    assert len(all_acks) > KILLS
    # And the database still opens through the normal path and audit chain verification.
    svc = open_services(url)
    admin = admin_of(svc)
    assert svc.persons.search(admin, "crash test").total >= sum(1 for a in all_acks if a[0] == "P")
    svc.close()
