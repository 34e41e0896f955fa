"""Accounts: log-in security (one message, dummy verify, lock-out, rehash), audited
administration with reasons, and ``clinic-app users``."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from clinic_app.cli import context as cli_context
from clinic_app.cli import main
from clinic_app.errors import Forbidden, Invalid, NotFound
from clinic_app.models import AuditEvent, LoginFailure, User, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.passwords import PasswordHasherConfig, needs_rehash
from clinic_app.services import users as users_module
from clinic_app.services.container import Services, build_services
from clinic_app.services.users import LoginFailed, UserService
from clinic_app.vocabulary import Role
from tests.conftest import FAST_HASHER, PASSWORD, make_user
from tests.unit.services.audit_helpers import actions, last_id

NEW_PASSWORD = "quiet meadow copper 77"
WRONG = "wrong password here"


def events_after(services: Services, after: int) -> list[AuditEvent]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.id > after)))


def fail(services: Services, username: str, password: str = WRONG) -> str:
    with pytest.raises(LoginFailed) as err:
        services.users.authenticate(username, password, "ws-7")
    return str(err.value)


# --- log-in --------------------------------------------------------------------------------


def test_same_message_for_unknown_user_wrong_password_locked_and_disabled(
    services: Services, admin: Actor, staff: Actor
) -> None:
    unknown = fail(services, "nobody")
    wrong = fail(services, "sofie")
    services.users.set_active(admin, staff.user_id, False, "left the organisation")
    disabled = fail(services, "sofie", PASSWORD)
    assert unknown == wrong == disabled == "login: The user name or password is not correct."


def test_unknown_user_costs_a_password_verification(
    services: Services, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_dummy, real_verify = users_module.dummy_verify, users_module.verify_password
    monkeypatch.setattr(
        users_module, "dummy_verify", lambda **kw: calls.append("dummy") or real_dummy(**kw)
    )
    monkeypatch.setattr(
        users_module,
        "verify_password",
        lambda *a, **kw: calls.append("verify") or real_verify(*a, **kw),
    )
    fail(services, "nobody")
    fail(services, "admin")
    assert calls == ["dummy", "verify"]


def test_login_and_logout_are_audited_with_the_workstation(
    services: Services, admin: Actor
) -> None:
    before = last_id(services)
    actor = services.users.authenticate("ADMIN ", PASSWORD, "shelter-pc-2")
    services.users.logout(actor)
    fail(services, "ghost")
    rows = events_after(services, before)
    assert [(r.action, r.outcome, r.workstation, r.username) for r in rows] == [
        ("login.success", "ok", "shelter-pc-2", "admin"),
        ("logout", "ok", "shelter-pc-2", "admin"),
        # The attempted name of an unknown user is not stored: it may be a mistyped password.
        ("login.failure", "denied", "ws-7", ""),
    ]


def test_five_failures_lock_until_an_administrator_unlocks_with_a_reason(
    services: Services, admin: Actor, staff: Actor
) -> None:
    before = last_id(services)
    for left in (4, 3, 2, 1):
        fail(services, "sofie")
        assert services.users.attempts_left("sofie") == left
    fail(services, "sofie")
    assert services.users.attempts_left("sofie") == 0
    fail(services, "sofie", PASSWORD)  # the right password no longer helps
    rows = events_after(services, before)
    assert [(r.action, r.outcome) for r in rows] == [
        *[("login.failure", "denied")] * 5,
        ("user.locked", "locked"),
        ("login.failure", "locked"),
    ]
    user_id = staff.user_id
    assert next(u for u in services.users.list_users(admin) if u.id == user_id).locked

    with pytest.raises(Invalid) as err:
        services.users.unlock(admin, user_id, "  ")
    assert err.value.field == "reason"
    with pytest.raises(Forbidden):
        services.users.unlock(staff, user_id, "I want in")
    before = last_id(services)
    view = services.users.unlock(admin, user_id, "Called from the shelter, identity checked")
    assert not view.locked
    (row,) = events_after(services, before)
    assert row.action == "user.unlock" and row.target == f"user:{user_id}"
    assert json.loads(row.details)["reason"] == "Called from the shelter, identity checked"
    assert services.users.authenticate("sofie", PASSWORD, "ws").user_id == user_id
    assert services.users.attempts_left("sofie") == 5


def test_failures_older_than_24_hours_or_before_a_success_do_not_count(
    services: Services, admin: Actor, staff: Actor
) -> None:
    with services.db.write() as s:
        for hours in (30, 29, 28, 27):
            s.add(
                LoginFailure(
                    user_id=staff.user_id, at=utcnow() - dt.timedelta(hours=hours), workstation=""
                )
            )
        s.get(User, staff.user_id).failures_reset_at = None  # type: ignore[union-attr]
    fail(services, "sofie")
    assert services.users.attempts_left("sofie") == 4
    for _ in range(3):
        fail(services, "sofie")
    services.users.authenticate("sofie", PASSWORD)  # a success resets the count
    for _ in range(4):
        fail(services, "sofie")
    assert services.users.authenticate("sofie", PASSWORD).username == "sofie"


def test_wrong_passwords_at_the_idle_lock_count_towards_the_lock_out(
    services: Services, admin: Actor, staff: Actor
) -> None:
    before = last_id(services)
    assert services.users.verify_password(staff, PASSWORD)
    for _ in range(5):
        assert not services.users.verify_password(staff, "not my password")
    assert not services.users.verify_password(staff, PASSWORD)
    actions = [(r.action, r.outcome) for r in events_after(services, before)]
    assert actions[0] == ("session.unlock", "ok")
    assert ("user.locked", "locked") in actions
    assert actions[-1] == ("session.unlock", "denied")
    fail(services, "sofie", PASSWORD)


def test_password_is_rehashed_on_login_when_parameters_change(
    services: Services, admin: Actor, staff: Actor
) -> None:
    stronger = PasswordHasherConfig(memory_kib=512, time_cost=2, parallelism=1)
    with services.db.read() as s:
        old_hash = s.get(User, staff.user_id).password_hash  # type: ignore[union-attr]
    assert needs_rehash(old_hash, config=stronger)
    upgraded = UserService(services.db, services.audit, hasher=stronger)
    before = last_id(services)
    upgraded.authenticate("sofie", PASSWORD, "ws")
    with services.db.read() as s:
        new_hash = s.get(User, staff.user_id).password_hash  # type: ignore[union-attr]
    assert new_hash != old_hash and not needs_rehash(new_hash, config=stronger)
    (row,) = events_after(services, before)
    assert json.loads(row.details) == {"rehashed": 1}
    upgraded.authenticate("sofie", PASSWORD, "ws")
    with services.db.read() as s:
        assert s.get(User, staff.user_id).password_hash == new_hash  # type: ignore[union-attr]


# --- administration ------------------------------------------------------------------------


def test_every_admin_change_is_audited_with_its_reason(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    users = services.users
    before = last_id(services)
    view = users.create_user(
        admin, "Karin", "Karin K", PASSWORD, Role.NURSE, site_ids["clinic"], reason="new nurse"
    )
    assert view.username == "karin" and view.site_name == "Clinic Vesterbro"
    uid = view.id
    users.set_active(admin, uid, False, "on leave")
    users.set_active(admin, uid, True, "back from leave")
    users.change_role(admin, uid, Role.TEAM_LEAD, "promoted")
    users.reset_password(admin, uid, NEW_PASSWORD, "forgot it")
    users.unlock(admin, uid, "precaution")
    rows = events_after(services, before)
    assert [(r.action, json.loads(r.details).get("reason")) for r in rows] == [
        ("user.create", "new nurse"),
        ("user.disable", "on leave"),
        ("user.enable", "back from leave"),
        ("user.change_role", "promoted"),
        ("user.reset_password", "forgot it"),
        ("user.unlock", "precaution"),
    ]
    assert all(r.target == f"user:{uid}" and r.username == "admin" for r in rows)
    assert json.loads(rows[3].details)["from"] == "nurse"
    # No password material in the log.
    assert not any(PASSWORD in r.details or NEW_PASSWORD in r.details for r in rows)
    assert users.authenticate("karin", NEW_PASSWORD).role is Role.TEAM_LEAD


def test_admin_changes_need_a_reason_and_an_administrator(
    services: Services, admin: Actor, staff: Actor
) -> None:
    users = services.users
    for change in (
        lambda: users.set_active(admin, staff.user_id, False, ""),
        lambda: users.change_role(admin, staff.user_id, Role.NURSE, " "),
        lambda: users.reset_password(admin, staff.user_id, NEW_PASSWORD, ""),
    ):
        with pytest.raises(Invalid) as err:
            change()
        assert err.value.field == "reason"
    lead = make_user(services, admin, "tina", Role.TEAM_LEAD, None)
    before = last_id(services)
    for actor in (staff, lead):
        with pytest.raises(Forbidden):
            users.create_user(actor, "eve", "Eve", PASSWORD, Role.ADMINISTRATOR)
        with pytest.raises(Forbidden):
            users.change_role(actor, actor.user_id, Role.ADMINISTRATOR, "please")
        with pytest.raises(Forbidden):
            users.list_users(actor)
        # Forbidden before NotFound: a non-administrator learns nothing about accounts.
        with pytest.raises(Forbidden):
            users.reset_password(actor, 9999, NEW_PASSWORD, "x")
    # Nothing changed; each refusal is audited, and nothing else.
    assert actions(services, before) == ["access.refused"] * 8


def test_administrators_cannot_lock_themselves_out(services: Services, admin: Actor) -> None:
    with pytest.raises(Invalid) as err:
        services.users.set_active(admin, admin.user_id, False, "test")
    assert err.value.code == "self_lockout"
    with pytest.raises(Invalid):
        services.users.change_role(admin, admin.user_id, Role.NURSE, "test")


def test_create_user_refuses_weak_passwords_and_taken_names(
    services: Services, admin: Actor
) -> None:
    with pytest.raises(Invalid) as err:
        services.users.create_user(admin, "bob", "Bob", "password1234", Role.NURSE)
    assert err.value.field == "password"
    services.users.create_user(admin, "bob", "Bob", PASSWORD, Role.NURSE)
    with pytest.raises(Invalid) as err:
        services.users.create_user(admin, "BOB", "Bob 2", PASSWORD, Role.NURSE)
    assert err.value.code == "taken"
    with pytest.raises(NotFound):
        services.users.find(admin, "nobody")


# --- command line --------------------------------------------------------------------------


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("CLINIC_APP_NEW_PASSWORD", NEW_PASSWORD)
    monkeypatch.setattr(
        cli_context, "build_services", functools.partial(build_services, hasher=FAST_HASHER)
    )
    return lambda *argv: main([str(a) for a in argv])


def test_cli_users_add_list_disable_enable_unlock_set_role(
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    cli: Callable[..., int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    add = ("users", "add", "mette", "--name", "Mette M", "--role", "shelter_staff")
    assert cli(*add, "--site", "sh1", "--reason", "new colleague") == 0
    assert "mette" in capsys.readouterr().out
    assert services.users.authenticate("mette", NEW_PASSWORD).site_id == site_ids["shelter"]
    assert cli("users", "list", "--json") == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["mette"]["role"] == "shelter_staff" and listed["mette"]["active"]

    assert cli("users", "disable", "mette", "--reason", "left") == 0
    assert "disabled" in capsys.readouterr().out
    assert cli("users", "enable", "mette", "--reason", "returned") == 0
    for _ in range(5):
        fail(services, "mette")
    assert cli("users", "list") == 0
    assert "locked" in capsys.readouterr().out
    assert cli("users", "unlock", "mette", "--reason", "identity checked by phone") == 0
    assert cli("users", "set-role", "mette", "team_lead", "--reason", "promoted") == 0
    assert "team_lead" in capsys.readouterr().out
    assert services.users.authenticate("mette", NEW_PASSWORD).role is Role.TEAM_LEAD

    with services.db.read() as s:
        reasons = [
            json.loads(d or "{}").get("reason")
            for d in s.scalars(
                select(AuditEvent.details).where(AuditEvent.action.startswith("user."))
            )
        ]
    assert {"new colleague", "left", "returned", "identity checked by phone", "promoted"} <= set(
        reasons
    )


def test_cli_users_errors(
    services: Services,
    admin: Actor,
    staff: Actor,
    cli: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("users", "disable", "sofie")  # --reason is required
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        cli("users", "set-role", "sofie", "emperor", "--reason", "x")
    assert cli("users", "disable", "nobody", "--reason", "x") == 3
    assert (
        cli(
            "users", "add", "x", "--name", "X", "--role", "nurse", "--site", "NOPE", "--reason", "r"
        )
        == 3
    )
    assert cli("users", "unlock", "sofie", "--reason", " ") == 3
    monkeypatch.setenv("CLINIC_APP_USER", "sofie")
    assert cli("users", "list") == 4
    assert "not allowed" in capsys.readouterr().err
    monkeypatch.setenv("CLINIC_APP_PASSWORD", "wrong password entirely")
    assert cli("users", "list") == 4
