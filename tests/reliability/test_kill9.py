"""Crash safety: SIGKILL a writer at random points; every acknowledged save must survive.

A writer forked from a clean helper process (tests/reliability/kill_writer.py) writes
continuously through the services, on the encrypted database: a person registration
(person, names, languages, exploitation forms and an audit row in one unit of work), then a
case event for her (event, deadlines and an audit row). After each commit returns it writes
an acknowledgement to a FIFO. The test kills it after a random delay, then reopens the
database: the integrity check must pass and every acknowledged save must be there.

CLINIC_APP_RELIABILITY_KILLS=N runs N kill points (default 200).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clinic_app.services.container import audit_key_for
from clinic_app.storage.open import engine_key
from tests.unit.storage.helpers import admin_of, new_encrypted, open_services, register

KILLS = int(os.environ.get("CLINIC_APP_RELIABILITY_KILLS", "200"))
MAX_DELAY = 0.08
ROOT = Path(__file__).resolve().parents[2]


class Harness:
    """Talks to the helper process that forks the writers."""

    def __init__(self, path: Path, key: bytes, audit_key: bytes, user_id: int, username: str):
        env = dict(os.environ)
        env["CLINIC_APP_KILL_KEY"] = key.hex()
        env["CLINIC_APP_KILL_AUDIT_KEY"] = audit_key.hex()
        env["PYTHONPATH"] = str(ROOT)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.kill_writer",
                str(path),
                str(user_id),
                username,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        self.folder = path.parent

    def _ask(self, command: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def round(self, tag: str, delay: float, *, after_first_ack: bool) -> str:
        """One writer, killed ``delay`` seconds after it started (or after its first
        acknowledgement, so that a busy machine still kills it mid-write); everything it
        acknowledged."""
        fifo = self.folder / f"acks-{tag}"
        os.mkfifo(fifo)
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            pid = int(self._ask(f"go {tag} {fifo}").split()[1])
            received = bytearray()
            deadline = None if after_first_ack else time.monotonic() + delay
            give_up = time.monotonic() + 30
            while deadline is None or time.monotonic() < deadline:
                if deadline is None and (b"\n" in received or time.monotonic() > give_up):
                    deadline = time.monotonic() + delay
                wait = 0.05 if deadline is None else max(0.0, deadline - time.monotonic())
                select.select([fd], [], [], wait)
                try:
                    chunk = os.read(fd, 65536)
                except BlockingIOError:
                    continue
                if chunk:
                    received += chunk
                else:  # no writer yet (or any more)
                    time.sleep(0.002)
            os.kill(pid, signal.SIGKILL)
            assert self._ask(f"wait {pid}") == f"dead {pid}"
            while True:  # what was written before the kill counts too
                try:
                    chunk = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if not chunk:
                    break
                received += chunk
            return received.decode()
        finally:
            os.close(fd)
            fifo.unlink()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


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


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "mkfifo"), reason="needs fork")
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
    harness = Harness(path, key, audit_key, actor.user_id, actor.username)
    try:
        for i in range(KILLS):
            # Most kills land among the writes; some during start-up and the first write.
            early = rng.random() < 0.15
            text = harness.round(f"k{i}", rng.uniform(0.0, MAX_DELAY), after_first_ack=not early)
            lines = text.split("\n")  # a torn last line (no newline) does not count
            acks = []
            for line in lines[:-1]:
                kind, row_id, marker = line.split(" ")
                assert kind != "X", f"the writer failed: {row_id}"
                acks.append((kind, int(row_id), marker))
            _check(path, key, acks)
            all_acks += acks
    finally:
        harness.close()
    _check(path, key, all_acks)
    # The harness must really have exercised writes, not only start-ups.
    assert len(all_acks) >= KILLS // 2
    svc = open_services(url)
    admin = admin_of(svc)
    persons = sum(1 for a in all_acks if a[0] == "P")
    assert svc.persons.search(admin, "crash test", limit=1).total >= persons
    svc.close()


BACKUP_KILLS = max(3, KILLS // 40)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX signals")
def test_sigkilled_backup_leaves_no_part_file_after_the_next_backup(tmp_path: Path) -> None:
    """Kill ``backup`` while it writes its ``.part`` copy; the next backup run removes every
    such leftover (outside rotation and erasure otherwise) and still succeeds."""
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    actor = admin_of(svc)
    for i in range(40):  # enough pages for a copy that takes a while, page by page
        register(svc, actor, f"Backup Kill {i}", notes="x" * 2000)
    key = engine_key(svc.db.engine)
    assert key is not None
    folder = tmp_path / "backups"
    env = dict(os.environ, CLINIC_APP_KILL_KEY=key.hex(), PYTHONPATH=str(ROOT))
    for _round in range(BACKUP_KILLS):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.kill_backup",
                str(tmp_path / "clinic.db"),
                str(folder),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        assert all(line.startswith("page") for line in lines), lines
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert list(folder.glob("*.db.part")), "the kill must land while the copy is written"
    result = svc.backup.run(actor, str(folder))
    assert not list(folder.glob("*.part")), "a killed backup's .part copy survived"
    assert Path(result.path).exists() and result.verified
    assert [e.path for e in svc.backup.list_backups(actor, str(folder))] == [result.path]
    svc.close()
