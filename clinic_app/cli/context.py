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
from clinic_app.errors import Conflict, Invalid
from clinic_app.security.context import Actor
from clinic_app.services.container import Services, build_services, is_demo, open_database

ENV_USER = "CLINIC_APP_USER"
ENV_PASSWORD = "CLINIC_APP_PASSWORD"  # noqa: S105 - a variable name; for scripted use; prefer the prompt interactively

Handler = Callable[["CommandContext"], int]


class CommandContext:
    """Holds the parsed arguments and opens the database only when a command needs it."""

    def __init__(self, args: argparse.Namespace, out: TextIO | None = None) -> None:
        self.args = args
        self.out = out or sys.stdout
        self._services: Services | None = None
        # Only ``audit verify`` opens a demo database as a normal one (to report its seal).
        self.demo_ok = False

    @property
    def db_url(self) -> str:
        url: str | None = getattr(self.args, "db", None)
        return url or default_db_url()

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def services(self) -> Services:
        if self._services is None:
            db = open_database(self.db_url)
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

    def login(self) -> Actor:
        """Authenticate the user running the command (options, environment or prompt)."""
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
        return self.services().users.authenticate(username, password, workstation_name() + " (cli)")

    def print_json(self, value: object) -> None:
        json.dump(to_jsonable(value), self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


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
