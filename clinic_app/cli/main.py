"""Argument parsing, dispatch, and the one place user errors become messages and exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DatabaseError, IntegrityError, SQLAlchemyError

from clinic_app import __version__
from clinic_app.cli import (
    commands_audit,
    commands_backup,
    commands_clinic,
    commands_db,
    commands_persons,
    commands_plans,
    commands_print,
    commands_stats,
    commands_timeline,
    commands_users,
    commands_workstation,
)
from clinic_app.cli.context import CommandContext
from clinic_app.config import private_files
from clinic_app.errors import ClinicError, Conflict, Forbidden, Invalid, NotFound, StorageError
from clinic_app.services.database import storage_error

# Each module adds its sub-commands; order decides the order in --help.
COMMAND_MODULES = (
    commands_db,
    commands_persons,
    commands_clinic,
    commands_users,
    commands_audit,
    commands_timeline,
    commands_plans,
    commands_backup,
    commands_stats,
    commands_print,
    commands_workstation,
)

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_FORBIDDEN, EXIT_STORAGE = 0, 2, 3, 4, 5

log = logging.getLogger("clinic_app.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clinic-app",
        description="Shelter and clinic case management for victims of human trafficking.",
    )
    parser.add_argument("--version", action="version", version=f"clinic-app {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: CLINIC_APP_DB or the local file)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    private_files()
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    ctx = CommandContext(args)
    try:
        return int(handler(ctx))
    except ClinicError as exc:
        return report(exc)
    except DatabaseError as exc:
        if isinstance(exc, IntegrityError):
            return report(StorageError("integrity", "The change clashes with existing data."))
        return report(storage_error(exc))
    except SQLAlchemyError:
        return report(StorageError("io", "The database could not be opened or read."))
    except KeyboardInterrupt:
        print("Interrupted: nothing more was done.", file=sys.stderr)
        return 130
    except Exception as exc:
        return unexpected(exc)
    finally:
        try:
            ctx.close()
        except Exception:
            log.warning("Closing the database failed")


def unexpected(exc: BaseException) -> int:
    """Any error no handler expected: logged (type and code locations only), exit 5.

    Exit 1 stays reserved for a tampered audit log (``audit verify``).
    """
    from clinic_app.logs import log_dir, safe_exception

    # Concatenated, not an argument: the redacting filter keeps this text as it is.
    log.critical("Unexpected error in a command:\n" + safe_exception(type(exc), exc.__traceback__))
    print(
        f"error: an unexpected problem stopped the command ({type(exc).__name__}); "
        f"details in the log in {log_dir()}",
        file=sys.stderr,
    )
    return EXIT_STORAGE


def console_main(argv: Sequence[str] | None = None) -> int:
    """The ``clinic-app`` entry point: a redacting log file and crash hook, then ``main``."""
    from clinic_app.logs import configure_logging, install_crash_logging

    safe_output_streams()
    private_files()  # before the log folder is made
    try:
        configure_logging()
    except OSError:
        logging.basicConfig(level=logging.WARNING)
    install_crash_logging()
    return main(argv)


def safe_output_streams() -> None:
    """Text the console cannot show (a redirected Windows console, LANG=C) is escaped, not
    a crash after partial output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def report(exc: ClinicError) -> int:
    """Print a plain message (no traceback, no personal data) and pick the exit code."""
    if isinstance(exc, Invalid):
        print(f"error: {exc.field}: {exc.message}", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(exc, NotFound):
        print(f"error: {exc.what} not found", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(exc, Forbidden):
        print(f"error: not allowed: {exc.reason}", file=sys.stderr)
        return EXIT_FORBIDDEN
    if isinstance(exc, Conflict):
        print(f"error: {exc.what}: {exc.message}", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(exc, StorageError):
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_STORAGE
    print(f"error: {exc}", file=sys.stderr)
    return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
