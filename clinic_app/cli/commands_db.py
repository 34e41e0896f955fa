"""Database commands: init, db upgrade/current, demo-data and demo."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlalchemy import func, select

from clinic_app.cli.context import ENV_PASSWORD, CommandContext
from clinic_app.config import data_dir, demo_db_url, workstation_name
from clinic_app.errors import Conflict, Invalid
from clinic_app.models import AuditAnchor, AuditEvent, Person, User
from clinic_app.services.container import is_demo, open_database
from clinic_app.storage.engine import is_encrypted_url, make_engine, refresh_statistics
from clinic_app.storage.migrate import current_revision, head_revision, needs_upgrade, upgrade
from clinic_app.storage.open import (
    ENV_PASSPHRASE,
    create_encrypted_database,
    database_exists,
    database_path,
    engine_key,
    new_recovery_key_for,
    take_new_recovery_key,
)
from clinic_app.storage.presence import check_database_file
from clinic_app.storage.sharing import ENV_DB_PASSWORD, is_shared_url, remember_password


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create the database and its first administrator")
    p.add_argument("--admin", default="admin", help="administrator user name (default: admin)")
    p.add_argument("--name", default="Administrator", help="administrator display name")
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="no system keychain here: protect the key with a passphrase asked at each start "
        f"(from {ENV_PASSPHRASE} or a prompt)",
    )
    p.set_defaults(handler=cmd_init, creates_database=True)

    db = sub.add_parser("db", help="schema migrations")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="apply pending migrations")
    up.set_defaults(handler=cmd_db_upgrade)
    cur = dbsub.add_parser("current", help="show the schema revision")
    cur.set_defaults(handler=cmd_db_current)
    grant = dbsub.add_parser(
        "grant-app-role",
        help="give a PostgreSQL role the application's rights (run with the owner's --db URL)",
    )
    grant.add_argument("role", help="the application role (e.g. clinic_app)")
    grant.set_defaults(handler=cmd_db_grant)

    d = sub.add_parser("demo-data", help="fill an empty database with fictional demo data")
    d.add_argument("--persons", type=_positive, default=300)
    d.add_argument("--seed", type=int, default=1)
    d.set_defaults(handler=cmd_demo_data)

    demo = sub.add_parser("demo", help="open the app on the demo database (created on first use)")
    demo.add_argument("--persons", type=_positive, default=300)
    demo.add_argument("--no-gui", action="store_true", help="only create the demo database")
    demo.set_defaults(handler=cmd_demo)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1 or value > 1_000_000:
        raise argparse.ArgumentTypeError("must be between 1 and 1,000,000")
    return value


def create_if_missing(url: str, passphrase: str | None = None) -> str | None:
    """Create the encrypted database file at ``url`` if there is none; its recovery key."""
    if not is_encrypted_url(url) or database_exists(url):
        return None
    path = database_path(url)
    assert path is not None
    return create_encrypted_database(path, passphrase).recovery_key


def new_passphrase() -> str:
    """The passphrase for a new database in passphrase mode (environment or prompt, twice)."""
    given = os.environ.get(ENV_PASSPHRASE)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise Invalid("passphrase", "required", f"Set {ENV_PASSPHRASE} or run interactively.")
    passphrase = getpass.getpass("New passphrase (12+ characters, asked at each start): ")
    if getpass.getpass("Repeat the passphrase: ") != passphrase:
        raise Invalid("passphrase", "mismatch", "The passphrases differ.")
    return passphrase


def show_recovery_key(ctx: CommandContext, recovery_key: str) -> None:
    if is_shared_url(ctx.db_url):
        ctx.print("This is the shared database's first workstation; the audit key is in this")
        ctx.print("computer's keychain. The recovery key joins a workstation when no joined one")
        ctx.print("is at hand (`clinic-app workstation join --recovery-key`).")
    else:
        ctx.print("The database is encrypted. Its key is in this computer's keychain.")
    ctx.print("RECOVERY KEY (shown only now; print it and lock it away):")
    ctx.print("")
    ctx.print(f"    {recovery_key}")
    ctx.print("")
    ctx.print("Without it, a lost keychain or a new computer means the data cannot be opened.")


def cmd_init(ctx: CommandContext) -> int:
    passphrase = new_passphrase() if ctx.args.passphrase else None
    if passphrase is not None and not is_encrypted_url(ctx.db_url):
        raise Invalid("passphrase", "not_encrypted", "Only an encrypted database has a key.")
    if passphrase is not None and database_exists(ctx.db_url):
        raise Invalid("passphrase", "exists", "The database exists; its key mode is kept.")
    if is_shared_url(ctx.db_url) and os.environ.get(ENV_DB_PASSWORD):
        # The first workstation keeps the server password in its keychain, as joining does.
        remember_password(ctx.db_url, os.environ[ENV_DB_PASSWORD])
    recovery_key = create_if_missing(ctx.db_url, passphrase)
    ctx.passphrase = passphrase
    services = ctx.services()
    if recovery_key is None:
        recovery_key = take_new_recovery_key(services.db.engine)
    if (
        recovery_key is None
        and engine_key(services.db.engine) is not None
        and not services.users.has_users()
    ):
        # Set-up of a database created earlier without showing its key: a fresh one now.
        recovery_key = new_recovery_key_for(services.db.engine)
    if recovery_key is not None:
        show_recovery_key(ctx, recovery_key)
    if services.users.has_users():
        ctx.print("The database is ready; an administrator already exists.")
        return 0
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        if not sys.stdin.isatty():
            raise Invalid("password", "required", f"Set {ENV_PASSWORD} or run interactively.")
        password = getpass.getpass("New administrator password (12+ characters): ")
        if getpass.getpass("Repeat the password: ") != password:
            raise Invalid("password", "mismatch", "The passwords differ.")
    services.users.create_first_admin(ctx.args.admin, ctx.args.name, password, workstation_name())
    ctx.print(f"Created the administrator '{ctx.args.admin}'.")
    return 0


def cmd_db_upgrade(ctx: CommandContext) -> int:
    check_database_file(ctx.db_url, must_exist=True)
    engine = make_engine(ctx.db_url)
    try:
        before = current_revision(engine)
        if not needs_upgrade(engine):  # StorageError newer_schema for a newer app's database
            ctx.print(f"Schema at {head_revision()}: nothing to do.")
            return 0
        upgrade(engine)
        ctx.print(f"Schema at {head_revision()} (was {before or 'empty'}).")
    finally:
        engine.dispose()
    return 0


def cmd_db_grant(ctx: CommandContext) -> int:
    from clinic_app.storage.server_roles import grant_app_role

    if not is_shared_url(ctx.db_url):
        raise Invalid("db", "not_shared", "Roles exist on a PostgreSQL server only.")
    engine = make_engine(ctx.db_url)
    try:
        for sql in grant_app_role(engine, ctx.args.role):
            ctx.print(sql + ";")
    finally:
        engine.dispose()
    return 0


def cmd_db_current(ctx: CommandContext) -> int:
    check_database_file(ctx.db_url, must_exist=True)
    engine = make_engine(ctx.db_url)
    try:
        rev = current_revision(engine)
    finally:
        engine.dispose()
    if ctx.as_json:
        ctx.print_json({"current": rev, "head": head_revision()})
    else:
        ctx.print(f"current: {rev or 'empty'}; newest: {head_revision()}")
    return 0


def _progress(stage: str, done: int, total: int) -> None:
    print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)


def _refuse_unless_empty(url: str) -> None:
    """Look (read only) before anything is written: demo data goes into an empty database."""
    if not database_exists(url):
        return
    engine = make_engine(url)
    try:
        if current_revision(engine) is None:
            return
        with engine.connect() as conn:
            for model in (Person, User, AuditEvent, AuditAnchor):
                if conn.scalar(select(func.count()).select_from(model)):
                    raise Conflict(
                        "database", "is not empty; demo data goes into a new, empty database"
                    )
    finally:
        engine.dispose()


def fill_demo(url: str, persons: int, seed: int) -> str:
    """Create demo data in the (empty) database at ``url``; returns a one-line summary."""
    from clinic_app.services.demo_data import generate_demo_data

    _refuse_unless_empty(url)
    db = open_database(url)
    try:
        summary = generate_demo_data(db, persons=persons, seed=seed, progress=_progress)
        if is_shared_url(url):
            refresh_statistics(db.engine)
        print(file=sys.stderr)
        return (
            f"Demo data: {summary.persons} persons ({summary.minors} minors), {summary.visitors} "
            f"anonymous visitors, {summary.visits} visits, {summary.users} users "
            f"in {summary.seconds:.1f} s."
        )
    finally:
        db.dispose()


def cmd_demo_data(ctx: CommandContext) -> int:
    ctx.print(fill_demo(ctx.db_url, ctx.args.persons, ctx.args.seed))
    return 0


def cmd_demo(ctx: CommandContext) -> int:
    url = ctx.args.db or demo_db_url()
    data_dir().mkdir(parents=True, exist_ok=True)
    # An encrypted demo location (given with --db) is fine too; its recovery key is not shown.
    create_if_missing(url)
    db = open_database(url)
    try:
        with db.read() as s:
            fresh = (s.scalar(select(func.count(User.id))) or 0) == 0
        if not fresh and not is_demo(db):
            raise Conflict("database", "is not a demo database; refusing to open it as one")
    finally:
        db.dispose()
    if fresh:
        ctx.print(fill_demo(url, ctx.args.persons, 1))
    ctx.print(f"Demo database ready: {url}")
    if ctx.args.no_gui:
        return 0
    # Imported here: the command line itself never loads Qt.
    from clinic_app.app import run_gui

    return run_gui(url, demo=True)
