"""The GUI's composition root: settings, database, services, translators, log-in, main window.

Nothing is built at import time; ``run_gui`` wires everything explicitly. ``main`` is the
``clinic-app-gui`` entry point (and ``python -m clinic_app`` without arguments).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clinic_app.config import ENV_DB, default_db_url, private_files, workstation_name

if TYPE_CHECKING:
    from clinic_app.security.context import Actor
    from clinic_app.services.container import Services
    from clinic_app.ui.connect_shared import JoinRequest
    from clinic_app.ui.login import DemoAccount
    from clinic_app.ui.settings import AppSettings

log = logging.getLogger("clinic_app")

EXIT_OK, EXIT_NO_DISPLAY, EXIT_STORAGE = 0, 1, 5
STARTUP_FAILED = 3  # the log-in window's result when the database did not open


def has_display() -> bool:
    """False on a Linux machine with no X11/Wayland display and no Qt platform chosen
    (Qt would abort the process instead of failing politely)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def database_label(url: str) -> str:
    """Where the data lives, for the status bar: a file path, or the URL without password.

    Parsed by hand: importing SQLAlchemy here would delay the log-in window.
    """
    scheme, _sep, rest = url.partition("://")
    if scheme.startswith("sqlite"):
        path = re.sub(r"^[^/]*@", "", rest.split("?", 1)[0])  # never a key given in the URL
        return path[1:] if path.startswith("/") else path or ":memory:"
    return f"{scheme}://" + re.sub(r"^([^:/@]*):[^@]*@", r"\1:***@", rest)


def setup_logging() -> None:
    """Log to a rotating file in the data directory through the redacting filter, and log
    uncaught exceptions as type and code locations only (never personal data)."""
    from clinic_app.logs import configure_logging, install_crash_logging

    try:
        configure_logging()
    except OSError:
        logging.basicConfig(level=logging.WARNING)
    install_crash_logging()


def daily_upkeep(services: Services, actor: Actor) -> None:
    """Work due once a day, run off the UI thread after log-in: deadlines that depend on
    today's date, and the optional automatic backup (administrators only)."""
    from clinic_app.errors import ClinicError
    from clinic_app.security.permissions import Action, allowed
    from clinic_app.services.facts_loader import refresh_if_stale

    refresh_if_stale(services.db, services.clock())
    if allowed(actor, Action.BACKUP_RUN):
        try:
            services.backup.run_if_due(actor)
        except ClinicError as exc:
            log.warning("Automatic backup not made: %s", type(exc).__name__)


def run_gui(
    db_url: str,
    demo: bool = False,
    *,
    settings_path: str | None = None,
    language: str | None = None,
    argv: Sequence[str] | None = None,
    first_start: bool = False,
) -> int:
    """Open the database at ``db_url``, log in and run the main window until it closes.

    ``demo``: the caller promises a demo database (``clinic-app demo``); it is refused if the
    database is not marked as one. Demo accounts are listed on the log-in screen only for a
    database marked as demo. Returns the process exit code. ``first_start``: no database was
    named, so a joined shared database is used, or on a computer with none yet the user
    chooses between a local database and connecting to a shared one.

    The log-in window appears first; the database opens (migrations, every service) on a
    worker thread meanwhile, so typing can start at once.
    """
    from PySide6.QtWidgets import QApplication, QDialog

    from clinic_app.documents.fonts import all_font_files
    from clinic_app.i18n import Translations
    from clinic_app.ui.context import run_task
    from clinic_app.ui.crash import ExceptionHook
    from clinic_app.ui.fonts import register_app_fonts
    from clinic_app.ui.icons import DESKTOP_ID, app_icon
    from clinic_app.ui.login import LoginDialog
    from clinic_app.ui.settings import APPLICATION, ORGANISATION, AppSettings

    setup_logging()
    existing = QApplication.instance()
    if existing is None and not has_display():
        print(
            "clinic-app: no display to show the window on. Run it in a desktop session, "
            "under `xvfb-run -a`, or use `clinic-app demo --no-gui`.",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    app = (
        existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv[:1]))
    )
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Clinic App")
    register_app_fonts(all_font_files())
    app.setDesktopFileName(DESKTOP_ID)  # Wayland docks match the window to its desktop entry
    app.setWindowIcon(app_icon())
    hook = ExceptionHook().install()
    settings = AppSettings(settings_path)
    translations = Translations(app)
    translations.switch(language or settings.language)
    if language:
        settings.language = language
    workstation = workstation_name()
    if first_start:
        chosen = choose_database(settings, db_url, workstation)
        if chosen is None:
            return EXIT_OK
        db_url = chosen
    label = database_label(db_url)
    opened: list[Opened] = []
    failure: list[BaseException] = []

    login = LoginDialog(
        None, database_label=label, workstation=workstation, username=settings.last_username
    )

    def ready(result: Opened) -> None:
        opened.append(result)
        if demo and not result.demo:
            login.cannot_open(app.translate("Startup", "This database is not a demo database."))
            return
        if result.demo and not demo:
            login.cannot_open(
                app.translate(
                    "Startup",
                    "This is a demo database of fictional people: open it with “clinic-app demo”.",
                )
            )
            return
        login.set_services(result.services, result.accounts, has_users=result.has_users)
        if result.head_warning:
            log.warning("The audit log is behind or beside the head this computer saw.")
            login.warn(app.translate("Startup", "Warning: %1").replace("%1", result.head_warning))

    def failed(exc: BaseException) -> None:
        failure.append(exc)
        code = getattr(exc, "code", "")
        log.error("Opening the database failed: %s %s", type(exc).__name__, code)
        login.done(STARTUP_FAILED)  # the start-up error window says why and what to do

    run_task(lambda: open_services(db_url, demo=demo), ready, failed)
    try:
        result = login.exec()
        if not opened and not failure:
            from clinic_app.ui.context import wait_for_background_work

            wait_for_background_work(60_000)  # never leave a half-opened database behind
            app.processEvents()
        if result == STARTUP_FAILED and failure and not opened:
            recovered = startup_error(failure[-1], db_url, label)
            if recovered is None:
                return EXIT_STORAGE
            opened.append(recovered)
            if recovered.has_users:
                login = LoginDialog(
                    recovered.services,
                    database_label=label,
                    workstation=workstation,
                    demo_accounts=recovered.accounts,
                    username=settings.last_username,
                )
                result = login.exec()
            else:
                result = LoginDialog.FIRST_RUN
        if not opened:
            return EXIT_STORAGE if failure else EXIT_OK
        services = opened[0].services
        if demo != opened[0].demo:
            return EXIT_STORAGE
        actor = login.actor
        if result == LoginDialog.FIRST_RUN:
            from clinic_app.ui.login import FirstRunDialog

            first = FirstRunDialog(
                services,
                database_label=label,
                workstation=workstation,
                recovery_key=opened[0].recovery_key,
            )
            if first.exec() != QDialog.DialogCode.Accepted:
                return EXIT_OK
            actor = first.actor
        elif result != QDialog.DialogCode.Accepted:
            return EXIT_OK
        if actor is None:
            return EXIT_OK
        settings.last_username = actor.username

        from clinic_app.ui.context import UiContext
        from clinic_app.ui.main_window import MainWindow, ShellOptions

        ctx = UiContext(services, actor, settings, database_label=label, demo=opened[0].demo)
        window = MainWindow(
            ctx, ShellOptions(label, workstation, opened[0].accounts), translations=translations
        )
        window.show()
        run_task(
            lambda: daily_upkeep(services, actor),
            lambda _result: window.refresh_current(),
            lambda exc: log.warning("Daily upkeep failed: %s", type(exc).__name__),
        )
        return int(app.exec())
    finally:
        if opened:
            opened[0].services.close()
        hook.uninstall()


def startup_error(exc: BaseException, db_url: str, label: str) -> Opened | None:
    """The start-up error window; the database opened with a recovery key, or None (quit)."""
    from PySide6.QtWidgets import QDialog

    from clinic_app.storage.open import database_exists
    from clinic_app.ui.startup import StartupErrorDialog

    dialog = StartupErrorDialog(
        exc,
        database_label=label,
        reopen=lambda key: open_services(db_url, recovery_key=key),
        reopen_passphrase=lambda text: open_services(db_url, passphrase=text),
        first_start=not database_exists(db_url),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.opened is None:
        return None
    opened: Opened = dialog.opened
    return opened


def choose_database(settings: AppSettings, local_url: str, workstation: str) -> str | None:
    """The database to open when none was named (None: the user cancelled)."""
    from clinic_app.storage.open import database_exists
    from clinic_app.ui.connect_shared import ConnectSharedDialog, StartChoiceDialog

    if settings.shared_db_url:
        return settings.shared_db_url
    if database_exists(local_url):
        return local_url
    choice = StartChoiceDialog().exec()
    if choice == StartChoiceDialog.LOCAL:
        return local_url
    if choice != StartChoiceDialog.SHARED:
        return None
    dialog = ConnectSharedDialog(join_shared, workstation=workstation)
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.url is None:
        return None
    settings.shared_db_url = dialog.url  # no password: that is in the keychain
    settings.sync()
    return dialog.url


def join_shared(request: JoinRequest) -> str:
    """Join this workstation to the shared database (worker thread); its audit label."""
    from clinic_app.services.container import join, open_database
    from clinic_app.storage.sharing import remember_password

    if request.server_password:
        remember_password(request.url, request.server_password)
    db = open_database(request.url, joining=True)
    try:
        joined = join(
            db,
            username=request.username,
            password=request.password,
            name=request.name or workstation_name(),
            code=request.code,
            recovery_key=request.recovery_key,
        )
    finally:
        db.dispose()
    return joined.label


@dataclass(frozen=True)
class Opened:
    """What the worker thread hands back once the database is open."""

    services: Services
    demo: bool
    has_users: bool
    accounts: tuple[DemoAccount, ...]
    recovery_key: str | None = None  # only when this start created the encrypted database
    # Set when the audit log is behind or beside the newest head this computer saw.
    head_warning: str | None = None


def open_services(
    db_url: str,
    recovery_key: str | None = None,
    passphrase: str | None = None,
    demo: bool = False,
) -> Opened:
    """Open (and migrate) the database and build every service: the slow part of start-up.

    ``recovery_key``: typed in the start-up error window when the key is missing or wrong;
    ``passphrase``: typed there for a database in passphrase mode (or to create one on a
    computer without a keychain). ``demo`` is how the app was started; it alone chooses the
    demo audit key.
    """
    from clinic_app.services.container import build_services, is_demo, open_database
    from clinic_app.services.startup import recovery_key_for_setup
    from clinic_app.ui.login import demo_accounts_for

    db = open_database(db_url, recovery_key=recovery_key, passphrase=passphrase)
    services = build_services(db, demo=demo)
    return Opened(
        services,
        is_demo(db),
        services.users.has_users(),
        demo_accounts_for(db),
        recovery_key_for_setup(services),
        services.audit_log.head_warning(),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clinic-app-gui", description="Clinic App (desktop).")
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: CLINIC_APP_DB or local)"
    )
    parser.add_argument("--demo", action="store_true", help="require a demo database")
    parser.add_argument("--lang", choices=("en", "da"), help="user interface language")
    parser.add_argument("--settings", metavar="FILE", help="keep preferences in this INI file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``clinic-app-gui``."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    private_files()
    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
    named = args.db or os.environ.get(ENV_DB)
    return run_gui(
        named or default_db_url(),
        args.demo,
        settings_path=args.settings,
        language=args.lang,
        first_start=not named and not args.demo,
    )


if __name__ == "__main__":
    sys.exit(main())
