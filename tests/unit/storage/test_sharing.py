"""Secrets of a shared database: enrolment codes, sealing, the server password, TLS files."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic_app.errors import Invalid, StorageError
from clinic_app.storage import sharing


def test_enrolment_codes_parse_forgivingly_and_reject_typos() -> None:
    code, code_id = sharing.new_enrolment_code()
    assert len(code) == 24 and code.count("-") == 4 and code.startswith(code_id)
    cid, secret = sharing.parse_enrolment_code(" " + code.lower().replace("-", " ") + " ")
    assert cid == code_id and len(secret) == 16
    for bad in ("", "ABCD-EFGH", code + "A", code.replace(code[5], "1")):
        with pytest.raises(Invalid):
            sharing.parse_enrolment_code(bad)


def test_sealed_secret_opens_only_with_its_code_and_label() -> None:
    sealed = sharing.seal(b"s" * 32, b"CODESECRET123456", "label-a")
    assert "ssss" not in sealed
    assert sharing.unseal(sealed, b"CODESECRET123456", "label-a") == b"s" * 32
    assert sharing.unseal(sealed, b"CODESECRET123457", "label-a") is None
    assert sharing.unseal(sealed, b"CODESECRET123456", "label-b") is None
    assert sharing.unseal("not json", b"x", "label-a") is None


def test_server_password_from_keychain_or_environment_never_in_settings_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = "postgresql+psycopg://clinic_app@db.example.org/clinic?sslmode=verify-full"
    assert sharing.with_stored_password(url).password is None
    sharing.remember_password(url, "from-keychain")
    assert sharing.with_stored_password(url).password == "from-keychain"
    monkeypatch.setenv(sharing.ENV_DB_PASSWORD, "from-env")
    assert sharing.with_stored_password(url).password == "from-env"
    typed = "postgresql+psycopg://clinic_app:typed@db.example.org/clinic"
    assert "typed" not in sharing.without_password(typed)


def test_server_url_asks_for_a_checked_certificate() -> None:
    url = sharing.server_url(
        "db.example.org", 5432, "clinic", "clinic_app", verify=True, ca_file="/etc/ca.pem"
    )
    assert url.startswith("postgresql+psycopg://clinic_app@db.example.org:5432/clinic?")
    assert "sslmode=verify-full" in url and "sslrootcert=" in url
    assert sharing.is_shared_url(url) and not sharing.is_shared_url("sqlite:///x.db")


def test_missing_tls_files_are_named(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    url = f"postgresql+psycopg://u@h/d?sslmode=verify-full&sslrootcert={ca}"
    with pytest.raises(StorageError) as err:
        sharing.check_tls_files(url)
    assert err.value.code == "tls_file_missing" and "sslrootcert" in err.value.message
    ca.write_text("x")
    sharing.check_tls_files(url)
