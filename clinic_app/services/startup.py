"""Start-up bookkeeping shared by the desktop app and the command line."""

from __future__ import annotations

from clinic_app.services.container import Services
from clinic_app.storage.open import engine_key, new_recovery_key_for, take_new_recovery_key

# Start-up states in which typing the recovery key opens the database.
RECOVERABLE = frozenset(
    {"key_needed", "wrong_key", "no_keyring", "keyring_error", "insecure_keyring"}
)
# Start-up states of a database in passphrase mode: the passphrase (or recovery key) opens it.
PASSPHRASE_STATES = frozenset({"passphrase_needed", "wrong_passphrase"})


def recovery_key_for_setup(services: Services) -> str | None:
    """The recovery key set-up must show before the first administrator exists.

    A database created by this start hands over its new key; an encrypted database that
    has no users yet (set-up quit before the end, or created by another command) gets a
    fresh one, since the first key may never have been seen. None once set up, or for a
    database that is not encrypted.
    """
    engine = services.db.engine
    key = take_new_recovery_key(engine)
    if services.users.has_users() or engine_key(engine) is None:
        return None
    return key if key is not None else new_recovery_key_for(engine)
