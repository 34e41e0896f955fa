"""No permanent lock-out of the last administrator: ordinary accounts still lock after five
wrong passwords; the only administrator who can log in is throttled instead (a growing wait
between attempts), and ``clinic-app users unlock --recovery-key`` is the way back."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic_app.cli import context as cli_context
from clinic_app.cli import main
from clinic_app.errors import StorageError
from clinic_app.models import AuditEvent, LoginFailure, User
from clinic_app.services.container import Services, build_services
from clinic_app.services.users import LoginFailed
from clinic_app.vocabulary import Role
from tests.conftest import FAST_HASHER, PASSWORD
from tests.unit.storage.helpers import admin_of, new_encrypted, open_services


def _fail(services: Services, username: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(LoginFailed):
            services.users.authenticate(username, "wrong password!!", "pc")


def _age_failures(services: Services, seconds: int) -> None:
    with services.db.write() as s:
        # As if that much time had passed: every failure and the last reset move back.
        for row in s.scalars(select(LoginFailure)):
            row.at -= dt.timedelta(seconds=seconds)
        for user in s.scalars(select(User).where(User.failures_reset_at.is_not(None))):
            user.failures_reset_at -= dt.timedelta(seconds=seconds)  # type: ignore[operator]


def _outcomes(services: Services) -> list[str]:
    with services.db.read() as s:
        return list(
            s.scalars(
                select(AuditEvent.outcome)
                .where(AuditEvent.action == "login.failure")
                .order_by(AuditEvent.id)
            )
        )


def test_the_last_administrator_is_throttled_not_locked(services: Services) -> None:
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    _fail(services, "admin", 5)
    with services.db.read() as s:
        assert s.scalar(select(User.locked_at).where(User.username == "admin")) is None
    # Right away even the right password waits: a guesser gets few tries an hour.
    with pytest.raises(LoginFailed):
        services.users.authenticate("admin", PASSWORD, "pc")
    assert _outcomes(services)[-1] == "throttled"
    _age_failures(services, 3)
    assert services.users.authenticate("admin", PASSWORD, "pc").role is Role.ADMINISTRATOR
    # The wait doubles with every failure past the limit (up to 15 minutes); attempts
    # during a wait are refused unchecked and do not count.
    _fail(services, "admin", 5)
    _age_failures(services, 3)
    _fail(services, "admin", 1)  # counted: the wait is now 4 seconds
    _age_failures(services, 3)
    with pytest.raises(LoginFailed):
        services.users.authenticate("admin", PASSWORD, "pc")
    _age_failures(services, 2)
    assert services.users.authenticate("admin", PASSWORD, "pc")


def test_ordinary_accounts_and_a_second_administrator_still_lock(
    services: Services, admin: object
) -> None:
    actor = services.users.authenticate("admin", PASSWORD, "pc")
    services.users.create_user(actor, "other", "Other Admin", PASSWORD, Role.ADMINISTRATOR)
    services.users.create_user(actor, "sofie", "Sofie", PASSWORD, Role.SHELTER_STAFF)
    for name in ("other", "sofie"):
        _fail(services, name, 5)
        assert services.users.attempts_left(name) == 0
    # "admin" is now the last administrator who can log in: throttled, never locked.
    _fail(services, "admin", 6)
    with services.db.read() as s:
        assert s.scalar(select(User.locked_at).where(User.username == "admin")) is None


def test_unlock_with_the_recovery_key_needs_no_log_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    svc.users.create_user(admin, "second", "Second Admin", PASSWORD, Role.ADMINISTRATOR)
    _fail(svc, "second", 5)
    assert svc.users.attempts_left("second") == 0
    with pytest.raises(StorageError):
        svc.users.unlock_with_recovery_key(url, "second", "not-a-key", "lost")
    svc.close()
    monkeypatch.setenv("CLINIC_APP_DB", url)
    monkeypatch.setenv("CLINIC_APP_RECOVERY_KEY", keys.recovery_key)
    monkeypatch.delenv("CLINIC_APP_USER", raising=False)
    monkeypatch.setattr(
        cli_context, "build_services", functools.partial(build_services, hasher=FAST_HASHER)
    )
    argv = ["users", "unlock", "second", "--reason", "Everyone locked out", "--recovery-key"]
    assert main(argv) == 0
    again = open_services(url)
    assert again.users.attempts_left("second") == 5
    assert again.users.authenticate("second", PASSWORD, "pc").role is Role.ADMINISTRATOR
    with again.db.read() as s:
        row = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.unlock_recovery_key")
        ).one()
    assert "Everyone locked out" in row.details and row.username == "(recovery key)"
    again.close()


def test_a_plain_database_has_no_recovery_key_to_unlock_with(services: Services) -> None:
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    url = str(services.db.engine.url)
    with pytest.raises(StorageError) as err:
        services.users.unlock_with_recovery_key(url, "admin", "x", "lost")
    assert err.value.code == "no_recovery_key"
