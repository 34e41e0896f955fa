"""Settings: where the data lives, which database to open, which language to show."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "clinic-app"
ENV_DB = "CLINIC_APP_DB"
ENV_DATA_DIR = "CLINIC_APP_DATA_DIR"


def data_dir() -> Path:
    """The per-user data directory (overridable with CLINIC_APP_DATA_DIR)."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def private_files() -> None:
    """Create every file of this process readable by its user only (0600, folders 0700):
    the database, its WAL, key file, backups, logs and exported documents."""
    if os.name == "posix":
        os.umask(0o077)


def resources_dir() -> Path:
    """What the package loads at run time (translations, fonts, icons, default partners).

    Built from the top-level ``resources/`` by ``scripts/build_resources.py``; the same path
    inside a PyInstaller bundle, where the package's files sit beside its modules.
    """
    return Path(__file__).resolve().parent / "resources"


def resource(*parts: str) -> Path:
    """One built resource file or folder, e.g. ``resource("fonts", "DejaVuSans.ttf")``.

    Raises FileNotFoundError naming the build step when the resources were never built.
    """
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: build the resources with `python scripts/build_resources.py`"
        )
    return path


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def encrypted_sqlite_url(path: Path) -> str:
    """A SQLCipher (encrypted at rest) database file."""
    return f"sqlite+pysqlcipher:///{path}"


def default_db_url() -> str:
    """CLINIC_APP_DB if set, else the encrypted SQLite file in the data directory."""
    return os.environ.get(ENV_DB) or encrypted_sqlite_url(data_dir() / "clinic.db")


def demo_db_url() -> str:
    """The demo database: fictional people only, so it is a plain SQLite file that opens on
    any machine, including one without a system keychain."""
    return sqlite_url(data_dir() / "demo.db")


def workstation_name() -> str:
    return socket.gethostname()[:100]


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    locale: str = "en"
    workstation: str = field(default_factory=workstation_name)
    demo: bool = False
