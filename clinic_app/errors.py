"""Typed errors raised by services and turned into translated messages by the UI and CLI.

Messages never contain personal data: they name a field and a code, and the caller
decides how to say it.
"""

from __future__ import annotations


class ClinicError(Exception):
    """Base of every error a user action can meet."""


class NotFound(ClinicError):
    """The record asked for does not exist (or is not visible to this user)."""

    def __init__(self, what: str, key: object | None = None) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} not found" + (f": {key}" if key is not None else ""))


class Invalid(ClinicError):
    """Input failed validation. ``field`` names the form field, ``code`` the rule broken."""

    def __init__(self, field: str, code: str, message: str | None = None) -> None:
        self.field = field
        self.code = code
        self.message = message or code.replace("_", " ")
        super().__init__(f"{field}: {self.message}")


class Forbidden(ClinicError):
    """The acting user's role does not allow this action on this record."""

    def __init__(self, action: str, reason: str = "not permitted for this role") -> None:
        self.action = action
        self.reason = reason
        # Set by whoever already wrote the refusal to the audit log (it is written once).
        self.audited = False
        super().__init__(f"{action}: {reason}")


class Conflict(ClinicError):
    """The record was changed by someone else, or the change clashes with existing data."""

    def __init__(self, what: str, message: str = "changed by someone else") -> None:
        self.what = what
        self.message = message
        super().__init__(f"{what}: {message}")


class StorageError(ClinicError):
    """The database cannot be opened or written (wrong key, read-only, disk full, ...)."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)
