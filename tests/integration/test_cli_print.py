"""``print``, ``partners`` and ``consents`` on the command line, in-process and as a subprocess."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import keyring
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from clinic_app.cli import main
from clinic_app.models import AuditEvent, DocumentLog
from clinic_app.services.cases import EventInput
from clinic_app.services.container import build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Authority, BirthCertainty, EventKind, LegalStay, Outcome
from tests.conftest import FAST_HASHER, PASSWORD
from tests.fakes import FileKeyring
from tests.integration.test_cli import run_cli, subprocess_env


def seed(db_url: str, *, birth: dt.date = dt.date(1995, 3, 4)) -> str:
    """An identified person (reflection period running from today); returns the case ref."""
    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER)
    admin = svc.users.authenticate("admin", PASSWORD)
    person = svc.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Bogdána Dumitru"),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=birth,
        ),
    )
    today = dt.date.today()
    svc.cases.record_event(admin, person.id, EventInput(EventKind.FIRST_CONTACT, today))
    svc.cases.record_event(
        admin,
        person.id,
        EventInput(
            EventKind.IDENTIFICATION,
            today,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )
    db.dispose()
    return person.case_ref


@pytest.fixture
def case_ref(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    assert main(["init"]) == 0
    ref = seed(db_url)
    capsys.readouterr()
    return ref


def log_rows(db_url: str) -> list[DocumentLog]:
    db = open_database(db_url)
    try:
        with db.read() as s:
            return list(s.scalars(select(DocumentLog)))
    finally:
        db.dispose()


def test_print_is_refused_without_consent_then_works_with_one(
    case_ref: str, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "status.pdf"
    args = ["print", "status_confirmation", "--case", case_ref, "--partner", "Danish Imm"]
    assert main([*args, "--lang", "da", "--out", str(out)]) == 4
    err = capsys.readouterr().err
    assert "not allowed" in err and "consent" in err and "Bogdána" not in err
    assert not out.exists() and log_rows(db_url) == []

    assert (
        main(
            [
                "consents",
                "add",
                case_ref,
                "--partner",
                "Danish Immigration Service",
                "--purpose",
                "legal_status",
                "--data",
                "legal_status",
                "--note",
                "Residence permit case",
            ]
        )
        == 0
    )
    assert "Recorded consent" in capsys.readouterr().out
    assert main(["consents", "list", case_ref]) == 0
    listed = capsys.readouterr().out
    assert "active" in listed and "Danish Immigration Service" in listed

    assert main([*args, "--lang", "da", "--out", str(out)]) == 0
    assert "logged as #" in capsys.readouterr().out
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert case_ref in text and "FORTROLIGT" in text and "Side 1 af 1" in text
    [row] = log_rows(db_url)
    assert row.action.value == "export" and row.language == "da" and row.partner_id is not None
    # No overwriting without --force.
    assert main([*args, "--out", str(out)]) == 3
    assert "exists" in capsys.readouterr().err
    assert main([*args, "--out", str(out), "--force", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] == 1 and data["consent_id"] is not None and not data["override"]


def test_wrong_partner_kind_and_unknown_partner(
    case_ref: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert (
        main(["print", "health_referral", "--case", case_ref, "--partner", "IOM", "--out", out])
        == 4
    )
    assert "may not receive" in capsys.readouterr().err
    assert (
        main(
            [
                "print",
                "status_confirmation",
                "--case",
                case_ref,
                "--partner",
                "Nobody",
                "--out",
                out,
            ]
        )
        == 3
    )
    assert "partner not found" in capsys.readouterr().err


def test_withdrawn_consent_and_override_reason(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    assert main(["init"]) == 0
    today = dt.date.today()
    child = seed(db_url, birth=today - dt.timedelta(days=15 * 365))
    capsys.readouterr()
    assert (
        main(
            [
                "consents",
                "add",
                child,
                "--kind",
                "police",
                "--purpose",
                "legal_status",
                "--data",
                "legal_status",
                "--json",
            ]
        )
        == 0
    )
    consent_id = json.loads(capsys.readouterr().out)["id"]
    assert main(["consents", "withdraw", str(consent_id)]) == 0
    capsys.readouterr()
    out = tmp_path / "police.pdf"
    args = ["print", "status_confirmation", "--case", child, "--partner", "National Police"]
    assert main([*args, "--out", str(out)]) == 4
    assert "stated reason" in capsys.readouterr().err
    reason = "Missing child; police need her status tonight"
    assert main([*args, "--out", str(out), "--reason", reason]) == 0
    assert "without consent" in capsys.readouterr().out
    [row] = log_rows(db_url)
    assert row.override_reason == reason


def test_partners_list_show_add(case_ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["partners", "list", "--kind", "police"]) == 0
    assert "National Police" in capsys.readouterr().out
    assert (
        main(["partners", "add", "--name", "Advokat Nord", "--kind", "legal", "--email", "a@b.dk"])
        == 0
    )
    assert "Added partner" in capsys.readouterr().out
    assert (
        main(
            [
                "partners",
                "add-contact",
                "Advokat Nord",
                "--contact-name",
                "Mette Lund",
                "--role",
                "Lawyer",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["partners", "show", "Advokat Nord", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "legal" and shown["contacts"][0]["name"] == "Mette Lund"
    assert "status_confirmation" in shown["documents"]
    assert main(["partners", "add", "--name", "X", "--kind", "legal", "--email", "nope"]) == 3


def test_print_in_a_subprocess(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = subprocess_env(tmp_path, db_url)
    env.update(CLINIC_APP_USER="admin", CLINIC_APP_PASSWORD=PASSWORD)
    # The subprocess keeps its audit key in a file keychain: seed through the same one.
    monkeypatch.setenv("CLINIC_APP_TEST_KEYRING", env["CLINIC_APP_TEST_KEYRING"])
    keyring.set_keyring(FileKeyring())
    assert run_cli(["init"], env).returncode == 0
    ref = seed(db_url)
    consent = run_cli(
        [
            "consents",
            "add",
            ref,
            "--kind",
            "legal",
            "--purpose",
            "legal_status",
            "--data",
            "legal_status,identity",
        ],
        env,
    )
    assert consent.returncode == 0, consent.stderr
    lawyer = run_cli(["partners", "add", "--name", "Advokat Syd", "--kind", "legal"], env)
    assert lawyer.returncode == 0, lawyer.stderr
    out = tmp_path / "lawyer.pdf"
    result = run_cli(
        [
            "print",
            "status_confirmation",
            "--case",
            ref,
            "--partner",
            "Advokat Syd",
            "--include-name",
            "--out",
            str(out),
        ],
        env,
    )
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Bogdána Dumitru" in text and "Page 1 of 1" in text
    [row] = log_rows(db_url)
    assert row.action.value == "export"
    db = open_database(db_url)
    with db.read() as s:
        actions = set(s.scalars(select(AuditEvent.action)))
    db.dispose()
    assert {"consent.record", "document.prepare", "document.export"} <= actions
    verify = run_cli(["audit", "verify"], env)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_letterhead_set_on_the_command_line_prints_in_full(
    case_ref: str, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = (
        "Shelters and health clinics for victims of human trafficking in the Capital Region "
        "and Central Jutland, Danish Red Cross"
    )
    assert (
        main(["letterhead", "set", "--organisation", long_name, "--phone", "+45 33 00 00 00"]) == 0
    )
    assert long_name in capsys.readouterr().out
    assert main(["letterhead", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["organisation"] == long_name and shown["phone"] == "+45 33 00 00 00"
    assert main(["letterhead", "set"]) == 3
    assert "at least one" in capsys.readouterr().err

    out = tmp_path / "plan.pdf"
    assert main(["print", "access_report", "--case", case_ref, "--out", str(out)]) == 0
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    # wrapped over lines, never cut with an ellipsis
    assert long_name in text and "…" not in text.split("Case reference")[0]

    db = open_database(db_url)
    try:
        with db.read() as s:
            actions = [a.action for a in s.scalars(select(AuditEvent))]
    finally:
        db.dispose()
    assert "settings.letterhead" in actions
