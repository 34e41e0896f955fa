"""What every command gets: parsed options, output helpers and lazily opened services."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

from clinic_app.config import default_db_url, workstation_name
from clinic_app.errors import Conflict, Invalid, StorageError
from clinic_app.security.context import Actor
from clinic_app.services.common import text_problem
from clinic_app.services.container import Services, build_services, is_demo, open_database
from clinic_app.services.database import Database
from clinic_app.storage.presence import check_database_file

ENV_USER = "CLINIC_APP_USER"
ENV_PASSWORD = "CLINIC_APP_PASSWORD"  # noqa: S105 - a variable name; for scripted use; prefer the prompt interactively

Handler = Callable[["CommandContext"], int]


class CommandContext:
    """Holds the parsed arguments and opens the database only when a command needs it."""

    def __init__(self, args: argparse.Namespace, out: TextIO | None = None) -> None:
        self.args = args
        self.out = out or sys.stdout
        self._services: Services | None = None
        self.passphrase: str | None = None  # passphrase mode: typed once per command
        # Only ``audit verify`` opens a demo database as a normal one (to report its seal).
        self.demo_ok = False

    @property
    def db_url(self) -> str:
        """The database URL: ``--db``, else CLINIC_APP_DB, else the local file; checked."""
        url: str | None = getattr(self.args, "db", None)
        if url is None:
            return default_db_url()
        return check_db_url(url)

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def services(self) -> Services:
        """The services over the database; an existing one, unless the command creates it."""
        if self._services is None:
            url = self.db_url
            if not getattr(self.args, "creates_database", False):
                check_database_file(url, must_exist=True)
            db = self._open(url)
            if not self.demo_ok and is_demo(db):
                db.dispose()
                # Its log is kept with the published demo key, chosen by how the app is
                # started, never by what a database holds.
                raise Conflict(
                    "database", "is a demo database (fictional people): use `clinic-app demo`"
                )
            self._services = build_services(db)
            warning = self._services.audit_log.head_warning()
            if warning:
                print(f"warning: {warning}", file=sys.stderr)
        return self._services

    def _open(self, url: str) -> Database:
        """Open the database; in passphrase mode ask for the passphrase when there is a
        terminal and CLINIC_APP_PASSPHRASE is not set."""
        try:
            return open_database(url, passphrase=self.passphrase)
        except StorageError as exc:
            if exc.code != "passphrase_needed" or not sys.stdin.isatty():
                raise
        self.passphrase = getpass.getpass("Database passphrase: ")
        return open_database(url, passphrase=self.passphrase)

    def login(self) -> Actor:
        """Authenticate the user running the command (options, environment or prompt)."""
        services = self.services()  # a bad location is said before credentials are asked
        username = getattr(self.args, "user", None) or os.environ.get(ENV_USER)
        if not username:
            if not sys.stdin.isatty():
                raise Invalid("user", "required", f"Give --user or set {ENV_USER}.")
            username = input("User name: ")
        password = os.environ.get(ENV_PASSWORD)
        if password is None:
            if not sys.stdin.isatty():
                raise Invalid("password", "required", f"Set {ENV_PASSWORD} or run interactively.")
            password = getpass.getpass("Password: ")
        return services.users.authenticate(username, password, workstation_name() + " (cli)")

    def print_json(self, value: object) -> None:
        json.dump(to_jsonable(value), self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")

    def print(self, text: str = "") -> None:
        self.out.write(terminal_safe(text) + "\n")

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


_UNSAFE = {
    **{c: f"\\x{c:02x}" for c in range(32) if chr(c) not in "\n\t"},
    **{c: f"\\x{c:02x}" for c in range(0x7F, 0xA0)},
    **{
        ord(ch): f"\\u{ord(ch):04x}"
        for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    },
}


def terminal_safe(text: str) -> str:
    """Text for a terminal: control characters (ANSI escapes, C1 controls) and bidi
    overrides shown as escapes, so stored text cannot steer the terminal or reorder a line."""
    return text.translate(_UNSAFE)


def check_db_url(url: str) -> str:
    """A usable ``--db`` value: not empty, valid text, a database URL."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not url.strip():
        raise Invalid("db", "required", "--db is empty: give a database URL.")
    if text_problem(url) is not None:
        raise Invalid("db", "invalid_text", "--db holds characters that are not valid text.")
    try:
        make_url(url)
    except ArgumentError:
        raise Invalid(
            "db", "not_a_url", "--db must be a URL such as sqlite+pysqlcipher:///path/clinic.db."
        ) from None
    return url


def to_jsonable(value: Any) -> Any:
    """Frozen dataclasses, enums, dates and tuples as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def add_login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", help=f"user name (or set {ENV_USER}); password from {ENV_PASSWORD} or a prompt"
    )
