"""The command line on bad input and bad locations: a specific message and exit code, never
a traceback or exit 1 (kept for a tampered audit log), and never a silently new database."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.cli import commands_persons, main
from tests.conftest import PASSWORD
from tests.integration.test_cli import ROOT, run_cli, seed_person, subprocess_env


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    assert main(["init"]) == 0
    return db_url


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_an_unexpected_error_is_exit_5_with_details_in_the_log(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()

    def boom(_ctx: object) -> int:
        raise RuntimeError("a bug with a secret in it")

    monkeypatch.setattr(commands_persons, "cmd_search", boom)
    parser_args = ["persons", "search", "x"]
    # The parser holds the handler; rebuild it after the patch.
    assert main(parser_args) == 5
    err = capsys.readouterr().err
    assert "details in the log" in err and "RuntimeError" in err
    assert "secret" not in err and "Traceback" not in err


@pytest.mark.parametrize("given", ["", "   "])
def test_an_empty_db_option_is_refused(
    tmp_path: Path, given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(tmp_path)
    assert main(["--db", given, "persons", "search", "x"]) == 3
    assert "--db is empty" in capsys.readouterr().err
    assert _files(tmp_path) == before


@pytest.mark.parametrize("scheme", ["sqlite", "sqlite+pysqlcipher"])
@pytest.mark.parametrize("command", [["persons", "search", "x"], ["db", "current"]])
def test_a_mistyped_db_path_is_an_error_and_creates_nothing(
    tmp_path: Path, scheme: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo" / "clinc.db"
    code = main(["--db", f"{scheme}:///{missing}", *command])
    assert code == 5
    assert "There is no database at" in capsys.readouterr().err
    assert not missing.exists() and not missing.parent.exists()


@pytest.mark.parametrize("scheme", ["sqlite", "sqlite+pysqlcipher"])
def test_a_zero_byte_file_is_not_turned_into_a_database(
    tmp_path: Path, scheme: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "clinic.db"
    empty.write_bytes(b"")
    for command in (["persons", "search", "x"], ["db", "upgrade"], ["init"]):
        assert main(["--db", f"{scheme}:///{empty}", *command]) == 5, command
        assert "is an empty file" in capsys.readouterr().err
    assert empty.read_bytes() == b""
    assert not (tmp_path / "clinic.db.keywrap").exists()


def test_db_upgrade_on_a_newer_schema_is_a_clear_error(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    path = Path(cli_env.removeprefix("sqlite:///"))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    before = path.read_bytes()
    assert main(["db", "upgrade"]) == 5
    assert "newer version" in capsys.readouterr().err
    assert main(["db", "current"]) == 0  # reading the revision still works
    assert path.read_bytes() == before


def test_backup_to_an_existing_file_is_bad_input(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "not-a-folder.txt"
    target.write_text("keep me")
    capsys.readouterr()
    assert main(["backup", "--to", str(target)]) == 3
    assert "is a file" in capsys.readouterr().err
    assert target.read_text() == "keep me"


def test_print_onto_a_folder_logs_no_export(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = seed_person(cli_env)
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    capsys.readouterr()
    code = main(
        ["print", "access_report", "--case", ref, "--out", str(folder), "--force", "--json"]
    )
    assert code == 3
    assert "names a folder" in capsys.readouterr().err
    assert main(["audit", "list", "--action", "document", "--json"]) == 0
    assert '"document.export"' not in capsys.readouterr().out
    assert list(folder.iterdir()) == []


def test_non_utf8_arguments_user_and_password_are_bad_input(tmp_path: Path) -> None:
    db = tmp_path / "clinic.db"
    env = subprocess_env(tmp_path, f"sqlite:///{db}")
    env.update(CLINIC_APP_USER="admin", CLINIC_APP_PASSWORD=PASSWORD)
    assert run_cli(["init"], env).returncode == 0
    bad = b"B\xf8gdana"  # Latin-1, not UTF-8: Python hands it over as a lone surrogate
    for argv, extra in (
        ([b"persons", b"search", bad], {}),
        ([b"persons", b"search", b"x", b"--user", bad], {}),
        ([b"persons", b"search", b"x"], {b"CLINIC_APP_PASSWORD": b"pass\xff word 123 ok"}),
        ([b"persons", b"search", b"x"], {b"CLINIC_APP_USER": bad}),
    ):
        benv = {k.encode(): v.encode() for k, v in env.items()}
        benv[b"LC_ALL"] = b"C.UTF-8"
        benv.update(extra)
        result = subprocess.run(
            [sys.executable.encode(), b"-m", b"clinic_app", *argv],
            capture_output=True,
            env=benv,
            cwd=ROOT,
            timeout=120,
            check=False,
        )
        assert result.returncode in (3, 4), (argv, extra, result.stderr[-400:])
        assert b"Traceback" not in result.stderr


def test_a_non_utf8_stdout_does_not_crash(tmp_path: Path) -> None:
    db = tmp_path / "clinic.db"
    env = subprocess_env(tmp_path, f"sqlite:///{db}")
    env.update(CLINIC_APP_USER="admin", CLINIC_APP_PASSWORD=PASSWORD)
    assert run_cli(["init"], env).returncode == 0
    seed_person(f"sqlite:///{db}")  # "Bogdána Dumitru"
    env["PYTHONIOENCODING"] = "ascii"  # a console that cannot show "á"
    result = run_cli(["persons", "search", "dumitru", "--json"], env)
    assert result.returncode == 0, result.stderr
    assert "Bogd\\xe1na" in result.stdout or "Bogd\\u00e1na" in result.stdout


def test_stored_control_characters_are_escaped_on_the_terminal(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text stored before the hygiene rule (or by another program) cannot steer the terminal."""
    import sqlite3

    ref = seed_person(cli_env)
    conn = sqlite3.connect(cli_env.removeprefix("sqlite:///"))
    conn.execute("UPDATE person SET display_name = ?", ("B\x1b[2Jogdana\x85 \u202eDumitru",))
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["persons", "show", ref]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x85" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out
