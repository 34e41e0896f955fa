"""The command line end to end: init, persons search/show, JSON output, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.cli import main
from clinic_app.services.container import build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from tests.conftest import FAST_HASHER, PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    return db_url


def seed_person(db_url: str) -> str:
    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER)
    admin = svc.users.authenticate("admin", PASSWORD)
    p = svc.persons.register(
        admin, PersonInput(names=(NameInput("Bogdána Dumitru"),), nationality="RO")
    )
    db.dispose()
    return p.case_ref


def test_init_then_search_and_show(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    assert "Created the administrator" in capsys.readouterr().out
    ref = seed_person(cli_env)
    assert main(["persons", "search", "bogdana", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 1 and out["items"][0]["case_ref"] == ref
    assert main(["persons", "show", ref.lower()]) == 0
    text = capsys.readouterr().out
    assert "Bogdána Dumitru" in text and ref in text
    assert main(["persons", "show", ref, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nationality"] == "RO"


def test_init_refuses_a_weak_password(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLINIC_APP_PASSWORD", "short")
    assert main(["init"]) == 3
    assert "password" in capsys.readouterr().err


def test_unknown_case_ref_is_a_clear_error(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init"])
    capsys.readouterr()
    assert main(["persons", "show", "26-ZZZZZ"]) == 3
    assert capsys.readouterr().err.strip() == "error: person not found"


def test_wrong_password_is_refused(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init"])
    monkeypatch.setenv("CLINIC_APP_PASSWORD", "not the password at all")
    assert main(["persons", "search", "x"]) == 4
    assert "not correct" in capsys.readouterr().err


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def subprocess_env(tmp_path: Path, db_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CLINIC_APP_DB=db_url,
        CLINIC_APP_DATA_DIR=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="tests.fakes.FileKeyring",
        CLINIC_APP_TEST_KEYRING=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(ROOT),
    )
    return env


def test_unreadable_database_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not a database file at all" * 100)
    result = run_cli(["--db", f"sqlite:///{bogus}", "db", "current"], subprocess_env(tmp_path, ""))
    assert result.returncode == 5
    assert "Traceback" not in result.stderr
    assert "not a database" in result.stderr


def test_version_and_help(tmp_path: Path) -> None:
    env = subprocess_env(tmp_path, f"sqlite:///{tmp_path / 'x.db'}")
    result = run_cli(["--version"], env)
    assert result.returncode == 0 and result.stdout.startswith("clinic-app ")
    result = run_cli(["persons", "search", "--help"], env)
    assert result.returncode == 0 and "--json" in result.stdout


def test_demo_database_needs_no_keychain(tmp_path: Path) -> None:
    """The README's demo command must work on a machine without a system keychain."""
    env = subprocess_env(tmp_path, "")
    env.pop("CLINIC_APP_DB")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = run_cli(["demo", "--no-gui", "--persons", "20"], env)
    assert result.returncode == 0, result.stderr
    assert "Demo database ready" in result.stdout
    again = run_cli(["demo", "--no-gui"], env)  # reused, not regenerated
    assert again.returncode == 0 and "Demo data:" not in again.stdout
