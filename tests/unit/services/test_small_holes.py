"""Small holes (issue 16, item 9): not found and not allowed look alike for case references
out of scope; files are private; keyring's chaining backend is seen through; a damaged key
file is a storage error (exit 5), never "tampered" (exit 1)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer
from keyring.backends.fail import Keyring as FailKeyring

from clinic_app.errors import NotFound, StorageError
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage import keys
from clinic_app.vocabulary import Role
from tests.conftest import make_user
from tests.integration.test_cli import ROOT, subprocess_env
from tests.unit.services.audit_helpers import actions, last_id
from tests.unit.storage.helpers import new_encrypted


def test_a_case_reference_out_of_scope_looks_like_one_that_does_not_exist(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    staff = make_user(services, admin, "sara", Role.SHELTER_STAFF, site_ids["shelter"])
    elsewhere = services.persons.register(
        admin, PersonInput(names=(NameInput("Vera Test"),), site_id=site_ids["clinic"])
    )
    answers = []
    for ref in (elsewhere.case_ref, "26-ZZZZZ"):
        for lookup in (services.persons.get_by_case_ref, services.timeline.timeline_by_case_ref):
            before = last_id(services)
            with pytest.raises(NotFound) as err:
                lookup(staff, ref)
            answers.append(str(err.value).replace(ref, "REF"))
            if ref == elsewhere.case_ref:  # refused, and audited as such
                assert actions(services, before) == ["access.refused"]
    assert len(set(answers)) == 1


class _Plain:
    """Stands for a plain-text backend (keyring.alt's PlaintextKeyring)."""

    priority = 1

    def get_password(self, service: str, name: str) -> str | None:
        return None


_Plain.__name__ = "PlaintextKeyring"


def test_the_plaintext_refusal_sees_through_the_chaining_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chain = chainer.ChainerBackend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [FailKeyring(), _Plain()])
    keyring.set_keyring(chain)
    with pytest.raises(StorageError) as err:
        keys.get_secret("anything")
    assert err.value.code == "insecure_keyring"


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: {**doc, "kdf": {**doc["kdf"], "n": 3}},  # scrypt cost not a power of 2
        lambda doc: {**doc, "kdf": {**doc["kdf"], "n": 2**60}},  # impossible cost
        lambda doc: {**doc, "nonce": "AAAA"},  # wrong size
    ],
)
def test_a_damaged_key_file_is_a_storage_error_exit_5(tmp_path: Path, damage: object) -> None:
    url, made = new_encrypted(tmp_path)
    doc = json.loads(made.keyfile.read_text())
    made.keyfile.write_text(json.dumps(damage(doc)))  # type: ignore[operator]
    env = subprocess_env(tmp_path, url)
    env["CLINIC_APP_RECOVERY_KEY"] = made.recovery_key
    env["CLINIC_APP_USER"], env["CLINIC_APP_PASSWORD"] = "admin", "x"
    result = subprocess.run(
        [sys.executable, "-m", "clinic_app", "audit", "verify"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 5, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_every_file_the_cli_writes_is_private(tmp_path: Path) -> None:
    db = tmp_path / "db" / "clinic.db"
    env = subprocess_env(tmp_path, f"sqlite:///{db}")
    db.parent.mkdir()
    for argv in (["demo-data", "--persons", "3"], ["db", "current"]):
        result = subprocess.run(
            [sys.executable, "-m", "clinic_app", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    written = [p for p in (tmp_path / "db").rglob("*")] + list((tmp_path / "data").rglob("*"))
    assert any(p.name == "clinic.db" for p in written)
    for path in written:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name}: {oct(mode)}"
