"""Secrets kept in the operating system's keychain (through ``keyring``), never on disk."""

from __future__ import annotations

import base64
import secrets

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from clinic_app.errors import StorageError

SERVICE = "clinic-app"
# Backends that would write secrets in plain text: refused, the keychain must protect them.
_PLAINTEXT_BACKENDS = ("PlaintextKeyring", "UncryptedFileKeyring", "null")


def _is_plaintext(backend: object) -> bool:
    name = type(backend).__name__
    return name in _PLAINTEXT_BACKENDS or "plaintext" in type(backend).__module__.lower()


def _check_backend() -> None:
    backend = keyring.get_keyring()
    # keyring's chaining backend writes to the first of its backends that takes the secret:
    # any plain-text one among them could be it.
    chained = (
        getattr(backend, "backends", None) if type(backend).__name__ == "ChainerBackend" else None
    )
    if _is_plaintext(backend) or any(_is_plaintext(b) for b in chained or ()):
        raise StorageError(
            "insecure_keyring", "The keychain stores secrets in plain text; refused."
        )


def get_secret(name: str) -> bytes | None:
    """The secret stored under ``name``, or None if there is none."""
    _check_backend()
    try:
        value = keyring.get_password(SERVICE, name)
    except NoKeyringError as exc:
        raise StorageError("no_keyring", "No system keychain is available.") from exc
    except KeyringError as exc:
        raise StorageError("keyring_error", "The system keychain could not be read.") from exc
    return base64.b64decode(value) if value else None


def set_secret(name: str, secret: bytes) -> None:
    _check_backend()
    try:
        keyring.set_password(SERVICE, name, base64.b64encode(secret).decode("ascii"))
    except NoKeyringError as exc:
        raise StorageError("no_keyring", "No system keychain is available.") from exc
    except KeyringError as exc:
        raise StorageError("keyring_error", "The system keychain could not be written.") from exc


def load_or_create_secret(name: str, size: int = 32) -> bytes:
    """The stored secret, or a new random one stored first."""
    found = get_secret(name)
    if found is not None:
        return found
    secret = secrets.token_bytes(size)
    set_secret(name, secret)
    return secret


def delete_secret(name: str) -> None:
    """Remove the secret stored under ``name`` (no error if there is none)."""
    _check_backend()
    try:
        keyring.delete_password(SERVICE, name)
    except PasswordDeleteError:
        return
    except NoKeyringError as exc:
        raise StorageError("no_keyring", "No system keychain is available.") from exc
    except KeyringError as exc:
        raise StorageError("keyring_error", "The system keychain could not be written.") from exc
