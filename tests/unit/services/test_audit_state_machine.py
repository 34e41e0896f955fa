"""Random sequences of use cases write exactly the expected audit events, in order, and the
chain always verifies."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import select

from clinic_app.errors import Conflict, Forbidden, Invalid
from clinic_app.models import AuditEvent
from clinic_app.security.context import Actor
from clinic_app.security.lockout import DEFAULT_POLICY
from clinic_app.services.audit import verify_log
from clinic_app.services.container import build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.users import LoginFailed
from clinic_app.vocabulary import Role, SiteKind
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.fakes import MemoryKeyring

AUDIT_KEY = b"state machine audit key, 32 byte"


def _strings(value: object) -> list[str]:
    """Every string value inside decoded JSON (keys are the code's own names)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


NAMES = st.sampled_from(["Ana Popescu", "Olena Kovalenko", "Grace Okafor", "Maria Ionescu"])
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåæø ", min_size=1, max_size=20)
Expected = list[tuple[str, str, int | None]]  # (action, outcome, person id)


class AuditMachine(RuleBasedStateMachine):
    """A model of accounts and persons next to the real services.

    Each rule calls a service and states which audit events it must write; after every
    step the new rows must equal that list exactly (action, outcome, person id).
    """

    persons = Bundle("persons")

    def __init__(self) -> None:
        super().__init__()
        self._tmp = tempfile.TemporaryDirectory()
        self._old_keyring = keyring.get_keyring()
        keyring.set_keyring(MemoryKeyring())
        db = open_database(f"sqlite:///{Path(self._tmp.name) / 'm.db'}")
        self.svc = build_services(db, audit_key=AUDIT_KEY, hasher=FAST_HASHER, clock=lambda: TODAY)
        self.seen = 0
        self.failures: dict[str, int] = {}
        self.locked: set[str] = set()
        self.archived: set[int] = set()
        self.aliases: dict[int, set[str]] = {}
        self.search_words: list[str] = []

    @initialize()
    def set_up(self) -> None:
        users = self.svc.users
        users.create_first_admin("admin", "Administrator", PASSWORD)
        self.admin = users.authenticate("admin", PASSWORD, "pc-1")
        site = self.svc.reference.create_site(self.admin, "SH1", "Shelter", SiteKind.SHELTER)
        users.create_user(self.admin, "sofie", "Sofie", PASSWORD, Role.SHELTER_STAFF, site.id)
        users.create_user(self.admin, "stats", "Stats", PASSWORD, Role.STATISTICS, None)
        self.site_id = site.id
        self.actors: dict[str, Actor] = {
            "admin": self.admin,
            "sofie": users.authenticate("sofie", PASSWORD, "pc-2"),
            "stats": users.authenticate("stats", PASSWORD, "pc-3"),
        }
        self.seen = self._last_id()

    def teardown(self) -> None:
        self.svc.close()
        keyring.set_keyring(self._old_keyring)
        self._tmp.cleanup()

    # --- checking ------------------------------------------------------------------------

    def _last_id(self) -> int:
        with self.svc.db.read() as s:
            return s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0

    def expect(self, expected: Expected) -> None:
        with self.svc.db.read() as s:
            rows = s.scalars(
                select(AuditEvent).where(AuditEvent.id > self.seen).order_by(AuditEvent.id)
            ).all()
            got = [(r.action, r.outcome, r.person_id) for r in rows]
            details = [r.details for r in rows]
            self.seen = rows[-1].id if rows else self.seen
        assert got == expected
        # The stored values, not the JSON around them ("null", "site_id" are no search terms).
        stored = [v for text in details for v in _strings(json.loads(text or "{}"))]
        for value in stored:
            for word in self.search_words:
                for part in word.split():
                    if len(part) >= 3:
                        assert part not in value, "a search term was stored"

    @invariant()
    def chain_verifies(self) -> None:
        check = verify_log(self.svc.db, self.svc.audit)
        assert check.ok, check

    # --- log-in --------------------------------------------------------------------------

    @rule(user=st.sampled_from(["admin", "sofie", "stats"]))
    def login_success(self, user: str) -> None:
        try:
            actor = self.svc.users.authenticate(user, PASSWORD, "pc-9")
        except LoginFailed:
            assert user in self.locked
            self.expect([("login.failure", "locked", None)])
            return
        assert user not in self.locked
        self.actors[user] = actor
        self.failures[user] = 0
        self.expect([("login.success", "ok", None)])

    @rule(user=st.sampled_from(["sofie", "stats"]))
    def login_wrong_password(self, user: str) -> None:
        with pytest.raises(LoginFailed):
            self.svc.users.authenticate(user, "not the password at all", "pc-9")
        if user in self.locked:
            self.expect([("login.failure", "locked", None)])
            return
        self.failures[user] = self.failures.get(user, 0) + 1
        expected: Expected = [("login.failure", "denied", None)]
        if self.failures[user] >= DEFAULT_POLICY.max_failures:
            self.locked.add(user)
            expected.append(("user.locked", "locked", None))
        self.expect(expected)

    @rule(name=st.text(alphabet="xyzq", min_size=3, max_size=8))
    def login_unknown_user(self, name: str) -> None:
        with pytest.raises(LoginFailed):
            self.svc.users.authenticate(name, PASSWORD, "pc-9")
        self.expect([("login.failure", "denied", None)])

    @precondition(lambda self: bool(self.locked))
    @rule(data=st.data())
    def unlock(self, data: st.DataObject) -> None:
        user = data.draw(st.sampled_from(sorted(self.locked)))
        uid = self.actors[user].user_id
        self.svc.users.unlock(self.admin, uid, "identity checked")
        self.locked.discard(user)
        self.failures[user] = 0
        self.expect([("user.unlock", "ok", None)])

    @rule(user=st.sampled_from(["admin", "sofie"]))
    def logout(self, user: str) -> None:
        self.svc.users.logout(self.actors[user])
        self.expect([("logout", "ok", None)])

    @rule(n=st.integers(0, 10_000))
    def create_user(self, n: int) -> None:
        name = f"user{n}"
        try:
            self.svc.users.create_user(self.admin, name, "New", PASSWORD, Role.NURSE)
        except Invalid as exc:
            assert exc.code == "taken"
            self.expect([])
            return
        self.expect([("user.create", "ok", None)])

    def _open_session(self, by: str) -> str:
        """A locked account's open session is refused at its next action (rights apply at
        once); the model acts as the administrator instead, who is never locked here."""
        return "admin" if by in self.locked else by

    # --- persons -------------------------------------------------------------------------

    @rule(target=persons, name=NAMES, by=st.sampled_from(["admin", "sofie"]))
    def register(self, name: str, by: str) -> int:
        by = self._open_session(by)
        pid = self.svc.persons.register(
            self.actors[by],
            PersonInput(names=(NameInput(name),), nationality="RO", site_id=self.site_id),
        ).id
        self.aliases[pid] = {name}
        self.expect([("person.create", "ok", pid)])
        return pid

    @rule(pid=persons, by=st.sampled_from(["admin", "sofie", "stats"]))
    def view(self, pid: int, by: str) -> None:
        by = self._open_session(by)
        try:
            self.svc.persons.get(self.actors[by], pid)
        except Forbidden:
            assert by == "stats"
            self.expect([("access.refused", "denied", pid)])  # refusals are audited
            return
        assert by != "stats"
        self.expect([("person.view", "ok", pid)])

    @rule(pid=persons, alias=NAMES)
    def add_alias(self, pid: int, alias: str) -> None:
        try:
            self.svc.persons.add_alias(self.admin, pid, NameInput(alias, is_alias=True))
        except Invalid:
            assert alias in self.aliases[pid]
            self.expect([])
            return
        self.aliases[pid].add(alias)
        self.expect([("person.alias_add", "ok", pid)])

    @rule(pid=persons)
    def edit(self, pid: int) -> None:
        detail = self.svc.persons.get(self.admin, pid)
        self.expect([("person.view", "ok", pid)])
        data = PersonInput(
            names=tuple(NameInput(n.name, n.is_alias) for n in detail.names),
            nationality="UA" if detail.nationality == "RO" else "RO",
            site_id=self.site_id,
        )
        self.svc.persons.update(self.admin, pid, data, detail.version)
        self.expect([("person.edit", "ok", pid)])

    @rule(text=WORDS, by=st.sampled_from(["admin", "stats"]))
    def search(self, text: str, by: str) -> None:
        by = self._open_session(by)
        self.search_words.append(text)
        try:
            self.svc.persons.search(self.actors[by], text)
        except Forbidden:
            assert by == "stats"
            self.expect([("access.refused", "denied", None)])
            return
        self.expect([("person.search", "ok", None)])

    @rule(name=NAMES)
    def duplicate_check(self, name: str) -> None:
        self.search_words.append(name)
        found = self.svc.persons.find_similar(self.admin, [name], None, None)
        assert all(c.id in self.aliases for c in found)
        self.expect([("person.duplicate_check", "ok", None)])

    @rule(pid=consumes(persons))
    def archive(self, pid: int) -> None:
        self.svc.persons.archive(self.admin, pid, "moved to another country")
        self.archived.add(pid)
        self.expect([("person.archive", "ok", pid)])
        with pytest.raises(Conflict):
            self.svc.persons.archive(self.admin, pid, "again")
        self.expect([])

    @rule(pid=persons)
    def access_report(self, pid: int) -> None:
        report = self.svc.audit_log.access_report(self.admin, pid)
        assert report.entries and all(e.action for e in report.entries)
        self.expect([("access_report.view", "ok", pid)])


AuditMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestAuditMachine = AuditMachine.TestCase


def test_details_of_every_event_are_json_without_values() -> None:
    """A smaller fixed run: each details field is JSON or empty."""
    machine = AuditMachine()
    try:
        machine.set_up()
        pid = machine.register("Ana Popescu", "admin")
        machine.search("ana popescu", "admin")
        machine.view(pid, "admin")
        with machine.svc.db.read() as s:
            for details in s.scalars(select(AuditEvent.details)):
                assert details == "" or isinstance(json.loads(details), dict)
                assert "Popescu" not in details and "ana" not in details.lower().split('"')
    finally:
        machine.teardown()
