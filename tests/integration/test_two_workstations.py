"""Two workstations, two processes, two keychains, one PostgreSQL database (the README's set-up).

Each workstation is a ``clinic-app`` process with its own file-backed test keychain and data
directory. With ``CI=true`` a missing server fails these tests (see ``pg_server``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.conftest import PASSWORD
from tests.integration.conftest import _connect_admin

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


class Workstation:
    """A computer: its own keychain file and data directory."""

    def __init__(self, home: Path, db_url: str) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.keyring = home / "keyring.json"
        self.env = dict(os.environ)
        self.env.update(
            CLINIC_APP_DB=db_url,
            CLINIC_APP_DATA_DIR=str(home / "data"),
            CLINIC_APP_USER="admin",
            CLINIC_APP_PASSWORD=PASSWORD,
            PYTHON_KEYRING_BACKEND="tests.fakes.FileKeyring",
            CLINIC_APP_TEST_KEYRING=str(self.keyring),
            PYTHONPATH=str(ROOT),
        )
        self.env.pop("CLINIC_APP_RECOVERY_KEY", None)

    def start(self, *args: str, module: str = "clinic_app") -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", module, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
            cwd=ROOT,
        )

    def run(self, *args: str, module: str = "clinic_app") -> tuple[int, str, str]:
        proc = self.start(*args, module=module)
        out, err = proc.communicate(timeout=180)
        return proc.returncode, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code == 0, (args, out, err)
        assert "Traceback" not in err
        return out

    def worker(self, *args: str) -> subprocess.Popen[str]:
        return self.start(*args, module="tests.integration.workstation_worker")


def _audit_rows(db_url: str) -> list[tuple[int, str, str]]:
    name = db_url.rsplit("/", 1)[1]
    with _connect_admin() as admin:
        dsn = admin.info.dsn
    with psycopg.connect(dsn, dbname=name) as conn:
        sql = "SELECT id, workstation, action FROM audit_event ORDER BY id"
        rows = conn.execute(sql).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def _code(text: str) -> str:
    found = re.search(r"\b([A-Z2-7]{4}(?:-[A-Z2-7]{4}){4})\b", text)
    assert found, text
    return found.group(1)


def test_two_workstations_join_write_verify_and_revoke(pg_url: str, tmp_path: Path) -> None:
    a = Workstation(tmp_path / "a", pg_url)
    b = Workstation(tmp_path / "b", pg_url)
    stranger = Workstation(tmp_path / "c", pg_url)

    # The first workstation creates the database, its secrets and the administrator.
    out = a.ok("init")
    assert "RECOVERY KEY" in out
    recovery_key = _code_like_recovery(out)
    assert "audit-key" in a.keyring.read_text()

    # A workstation that is not joined is refused, and writes nothing.
    before = _audit_rows(pg_url)
    code, _out, err = b.run("persons", "search", "ana")
    assert code == 5 and "not joined" in err and "Traceback" not in err
    assert _audit_rows(pg_url) == before
    assert not b.keyring.exists() or "audit-key" not in b.keyring.read_text()

    # An administrator makes a one-time code on A and joins B with it.
    code_text = a.ok("workstation", "enrol")
    enrolment = _code(code_text)
    assert "Joined this workstation" in b.ok(
        "workstation", "join", "--code", enrolment, "--name", "aarhus-1"
    )
    code, _out, err = stranger.run("workstation", "join", "--code", enrolment, "--name", "x")
    assert code == 3 and "already used" in err
    # The recovery key joins a workstation too.
    stranger.env["CLINIC_APP_RECOVERY_KEY"] = recovery_key
    stranger.ok("workstation", "join", "--recovery-key", "--name", "mobile-1")

    # Both write; the chain verifies from either keychain.
    code, out, err = a.run("register", module="tests.integration.workstation_worker")
    assert code == 0, err
    case_ref = json.loads(out)["case_ref"]
    b.ok("persons", "show", case_ref)
    a.ok("persons", "show", case_ref)
    assert "verified" in a.ok("audit", "verify").lower()
    assert "verified" in b.ok("audit", "verify").lower()

    # Every row names its workstation.
    listing = json.loads(a.ok("workstation", "list", "--json"))
    labels = {w["label"] for w in listing}
    assert len(listing) == 3 and all(w["revoked_at"] is None for w in listing)
    writers = {ws for _id, ws, _action in _audit_rows(pg_url)}
    assert writers <= labels and len(writers) == 3

    # Concurrent log-ins of one account from both: both succeed.
    procs = [w.start("persons", "search", "ana") for w in (a, b, a, b)]
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0 and "Traceback" not in err, err

    # Concurrent edits of one person: one is saved, the other is told, exit 3, no traceback.
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    edits = [
        w.worker("edit-person", case_ref, f"note {i}", str(barrier), f"ws{i}")
        for i, w in enumerate((a, b))
    ]
    results = []
    for p in edits:
        out, err = p.communicate(timeout=180)
        results.append((p.returncode, out, err))
    assert sorted(r[0] for r in results) == [0, 3], results
    refused = next(r for r in results if r[0] == 3)
    assert "person: changed by someone else" in refused[2] and "Traceback" not in refused[2]

    # A revokes B: B can no longer write (nor open), A carries on, the chain still verifies.
    b_id = next(w["id"] for w in listing if w["name"] == "aarhus-1")
    a.ok("workstation", "revoke", b_id[:8], "--reason", "laptop stolen")
    before = _audit_rows(pg_url)
    code, _out, err = b.run("persons", "show", case_ref)
    assert code == 5 and "revoked" in err and "Traceback" not in err
    assert _audit_rows(pg_url) == before
    assert "verified" in a.ok("audit", "verify").lower()
    actions = [action for _id, _ws, action in _audit_rows(pg_url)]
    assert {"workstation.enrol", "workstation.join", "workstation.list"} <= set(actions)
    assert "workstation.revoke" in actions


def _code_like_recovery(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines()]
    i = lines.index(next(ln for ln in lines if ln.startswith("RECOVERY KEY")))
    return next(ln for ln in lines[i + 1 :] if ln)
