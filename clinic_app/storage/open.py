"""Creating and opening encrypted (SQLCipher) databases: keys, key file, recovery.

Layout on disk, next to ``clinic.db``:

- ``clinic.db``: the SQLCipher database (no plaintext header, every page encrypted).
- ``clinic.db.keywrap``: JSON with a key id, the database key *sealed under the recovery key*
  (see :mod:`clinic_app.storage.cipher`) and a key-check value. Nothing in it opens the
  database without the recovery key.

The database key itself lives only in the operating system's keychain, under
``db-key:<key id>``. When the keychain has no key (new computer, restored backup) or is not
available, the caller gives the recovery key; the unwrapped key is then stored in the
keychain again. A missing database file is never replaced by a new empty one here: creating
a database is a separate, explicit step (:func:`create_encrypted_database`).
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import os
import uuid
import weakref
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from clinic_app.errors import StorageError
from clinic_app.storage import cipher, keys
from clinic_app.storage.engine import CIPHER_DRIVER, is_encrypted_url, make_cipher_engine

ENV_RECOVERY_KEY = "CLINIC_APP_RECOVERY_KEY"
ENV_PASSPHRASE = "CLINIC_APP_PASSPHRASE"  # noqa: S105 - a variable name
KEYFILE_SUFFIX = ".keywrap"
KEYFILE_FORMAT = "clinic-app-keywrap-1"
SQLITE_HEADER = b"SQLite format 3\x00"

# The key of every open encrypted engine, for backups and sub-key derivation. Weak, so a
# disposed and forgotten engine takes its key with it.
_ENGINE_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()
# The recovery key of a database created on first open, until set-up takes it to show it.
_PENDING_RECOVERY: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class KeyFile:
    """The contents of a ``.keywrap`` file."""

    key_id: str
    wrapped: cipher.WrappedKey
    check: bytes
    # Passphrase mode (no keychain): the key sealed under a passphrase typed at each start.
    passphrase: cipher.PassphraseWrap | None = None


@dataclass(frozen=True)
class NewDatabaseKeys:
    """What set-up must show once: the recovery key (to print and lock away)."""

    path: Path
    key_id: str
    recovery_key: str
    keyfile: Path


def encrypted_url(path: Path) -> str:
    return f"sqlite+{CIPHER_DRIVER}:///{path}"


def database_path(url: str) -> Path | None:
    """The file behind a SQLite/SQLCipher URL (None for memory or other databases)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def keyfile_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + KEYFILE_SUFFIX)


def keychain_name(key_id: str) -> str:
    return f"db-key:{key_id}"


def database_exists(url: str) -> bool:
    """True when a file-backed database already exists at ``url`` (non-file URLs: True)."""
    path = database_path(url)
    return path is None or path.exists()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def write_keyfile(path: Path, kf: KeyFile) -> None:
    """Write atomically (temp file, fsync, rename): a torn key file must never exist."""
    w = kf.wrapped
    doc = {
        "format": KEYFILE_FORMAT,
        "key_id": kf.key_id,
        "kdf": {"name": "scrypt", "n": w.n, "r": w.r, "p": w.p},
        "salt": _b64(w.salt),
        "nonce": _b64(w.nonce),
        "wrapped_key": _b64(w.ciphertext),
        "tag": _b64(w.tag),
        "check": _b64(kf.check),
    }
    if kf.passphrase is not None:
        pw = kf.passphrase
        doc["passphrase"] = {
            "kdf": {"name": "argon2id", "t": pw.time_cost, "m": pw.memory_kib, "p": pw.parallelism},
            "salt": _b64(pw.salt),
            "nonce": _b64(pw.nonce),
            "wrapped_key": _b64(pw.ciphertext),
            "tag": _b64(pw.tag),
        }
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_keyfile(path: Path) -> KeyFile | None:
    """The key file at ``path``, None if absent; StorageError if it is damaged."""
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StorageError("key_file_damaged", f"The key file {path.name} is damaged.") from exc
    try:
        if doc["format"] != KEYFILE_FORMAT or doc["kdf"]["name"] != "scrypt":
            raise ValueError("format")
        wrapped = cipher.WrappedKey(
            salt=base64.b64decode(doc["salt"]),
            nonce=base64.b64decode(doc["nonce"]),
            ciphertext=base64.b64decode(doc["wrapped_key"]),
            tag=base64.b64decode(doc["tag"]),
            n=int(doc["kdf"]["n"]),
            r=int(doc["kdf"]["r"]),
            p=int(doc["kdf"]["p"]),
        )
        passphrase = None
        if "passphrase" in doc:
            pd = doc["passphrase"]
            if pd["kdf"]["name"] != "argon2id":
                raise ValueError("kdf")
            passphrase = cipher.PassphraseWrap(
                salt=base64.b64decode(pd["salt"]),
                nonce=base64.b64decode(pd["nonce"]),
                ciphertext=base64.b64decode(pd["wrapped_key"]),
                tag=base64.b64decode(pd["tag"]),
                time_cost=int(pd["kdf"]["t"]),
                memory_kib=int(pd["kdf"]["m"]),
                parallelism=int(pd["kdf"]["p"]),
            )
        return KeyFile(str(doc["key_id"]), wrapped, base64.b64decode(doc["check"]), passphrase)
    except (KeyError, TypeError, ValueError) as exc:
        raise StorageError("key_file_damaged", f"The key file {path.name} is damaged.") from exc


def seal(key: bytes, key_id: str, recovery_key: str) -> KeyFile:
    """A key file for ``key`` that ``recovery_key`` opens."""
    raw = cipher.parse_recovery_key(recovery_key)
    return KeyFile(key_id, cipher.wrap_key(key, raw, key_id.encode()), cipher.key_check(key))


def create_encrypted_database(path: Path, passphrase: str | None = None) -> NewDatabaseKeys:
    """Create a new, empty encrypted database file with a fresh key and recovery key.

    Refuses if the file (or its key file) exists. The key goes to the keychain first, so a
    missing keychain leaves nothing behind. The schema is created later by the migrations.

    ``passphrase`` (for a computer without a usable keychain): the key is not put in any
    keychain but sealed under the passphrase (argon2id) in the key file, and the passphrase
    is asked at each start. The recovery key opens it too, as always.
    """
    kpath = keyfile_path(path)
    if path.exists() or kpath.exists():
        raise StorageError("exists", f"A database already exists at {path}; not replaced.")
    key = cipher.new_database_key()
    key_id = uuid.uuid4().hex
    recovery_key = cipher.new_recovery_key()
    kf = seal(key, key_id, recovery_key)
    if passphrase is None:
        keys.set_secret(keychain_name(key_id), key)
    else:
        check_passphrase(passphrase)
        kf = replace(
            kf, passphrase=cipher.wrap_key_with_passphrase(key, passphrase, key_id.encode())
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_keyfile(kpath, kf)
    engine = make_cipher_engine(path, key)
    try:
        with engine.connect() as conn:
            # Writing the first page makes the file exist, encrypted, in WAL mode.
            conn.exec_driver_sql("PRAGMA user_version = 0")
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS _created (x INTEGER)")
            conn.exec_driver_sql("DROP TABLE _created")
            conn.commit()
    finally:
        engine.dispose()
    return NewDatabaseKeys(path, key_id, recovery_key, kpath)


def check_passphrase(passphrase: str) -> None:
    """A passphrase long enough to stand in for the keychain."""
    if len(passphrase.strip()) < cipher.MIN_PASSPHRASE:
        raise StorageError(
            "weak_passphrase", f"A passphrase needs at least {cipher.MIN_PASSPHRASE} characters."
        )


def looks_plain_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def resolve_key(
    path: Path, recovery_key: str | None = None, passphrase: str | None = None
) -> tuple[bytes, KeyFile]:
    """The database key for ``path``: from the passphrase (passphrase mode), else from the
    keychain, else from the recovery key.

    A key recovered with the recovery key is stored in the keychain again (if there is one,
    and the database is not in passphrase mode).
    """
    kf = read_keyfile(keyfile_path(path))
    if kf is None:
        raise StorageError(
            "key_file_missing",
            f"The key file {path.name}{KEYFILE_SUFFIX} is missing next to the database; "
            "copy it back from a backup folder.",
        )
    if kf.passphrase is not None and not recovery_key:
        return _key_from_passphrase(kf, passphrase or os.environ.get(ENV_PASSPHRASE)), kf
    name = keychain_name(kf.key_id)
    keychain_problem: StorageError | None = None
    key: bytes | None = None
    try:
        key = keys.get_secret(name)
    except StorageError as exc:
        keychain_problem = exc
    if key is not None and not _matches(key, kf):
        key = None
        keychain_problem = StorageError("wrong_key", "The key in the keychain does not fit.")
    if key is not None:
        return key, kf
    text = recovery_key or os.environ.get(ENV_RECOVERY_KEY)
    if not text:
        why = keychain_problem.message if keychain_problem else "The keychain has no key for it."
        # No keychain at all is its own state (its own way forward); else the key is missing.
        code = keychain_problem.code if keychain_problem else "key_needed"
        raise StorageError(
            code if code in _KEYCHAIN_STATES else "key_needed",
            f"The database is encrypted and its key is not available ({why}) "
            f"Give the recovery key: `clinic-app key recover` or {ENV_RECOVERY_KEY}.",
        )
    key = unwrap_with_recovery_key(kf, text)
    if kf.passphrase is None:
        # No usable keychain: the recovery key opens the database for this run only.
        with contextlib.suppress(StorageError):
            keys.set_secret(name, key)
    return key, kf


def _key_from_passphrase(kf: KeyFile, passphrase: str | None) -> bytes:
    assert kf.passphrase is not None
    if not passphrase:
        raise StorageError(
            "passphrase_needed",
            "The database is protected by a passphrase (no keychain): type it, or set "
            f"{ENV_PASSPHRASE}; the recovery key opens it too.",
        )
    key = cipher.unwrap_key_with_passphrase(kf.passphrase, passphrase, kf.key_id.encode())
    if key is None or not _matches(key, kf):
        raise StorageError("wrong_passphrase", "The passphrase does not open this database.")
    return key


# Start-up states told apart from a plain missing key: each has its own way forward.
_KEYCHAIN_STATES = ("no_keyring", "keyring_error", "insecure_keyring", "wrong_key")


def unwrap_with_recovery_key(kf: KeyFile, recovery_key: str) -> bytes:
    try:
        raw = cipher.parse_recovery_key(recovery_key)
    except cipher.RecoveryKeyError as exc:
        raise StorageError("bad_recovery_key", str(exc)) from exc
    try:
        key = cipher.unwrap_key(kf.wrapped, raw, kf.key_id.encode())
    except (ValueError, OverflowError, MemoryError) as exc:
        # Well-formed JSON with impossible parameters (scrypt cost, sizes): damaged.
        raise StorageError("key_file_damaged", "The key file is damaged.") from exc
    if key is None or not _matches(key, kf):
        raise StorageError("wrong_key", "The recovery key does not open this database.")
    return key


def check_recovery_key(url: str, recovery_key: str) -> None:
    """Raise StorageError unless ``recovery_key`` opens the encrypted database at ``url``
    (the proof an administrator's emergency actions ask for)."""
    path = database_path(url)
    kf = read_keyfile(keyfile_path(path)) if path is not None else None
    if kf is None:
        raise StorageError(
            "no_recovery_key",
            "This database has no recovery key (it is not encrypted): an administrator "
            "must do this.",
        )
    unwrap_with_recovery_key(kf, recovery_key)


def _matches(key: bytes, kf: KeyFile) -> bool:
    return hmac.compare_digest(cipher.key_check(key), kf.check)


def open_engine(
    url: str, *, recovery_key: str | None = None, passphrase: str | None = None
) -> Engine:
    """Open the existing encrypted database at ``url``; verified before it is returned."""
    if not is_encrypted_url(url):
        raise ValueError("not a SQLCipher URL")
    path = database_path(url)
    if path is None:
        raise StorageError("no_database", "An encrypted database must be a file.")
    if not path.exists():
        if keyfile_path(path).exists():
            raise StorageError(
                "no_database",
                f"The database {path.name} is missing (its key file is there): restore a "
                "backup with `clinic-app restore`; no empty database is put in its place.",
            )
        # First start at this location: a new encrypted database. Set-up shows its
        # recovery key (take_new_recovery_key); it exists nowhere else.
        created = create_encrypted_database(path, passphrase)
        key, _kf = resolve_key(path, passphrase=passphrase)
        engine = engine_for_key(path, key, known_good=True)
        _PENDING_RECOVERY[engine] = created.recovery_key
        return engine
    if path.stat().st_size >= len(SQLITE_HEADER) and looks_plain_sqlite(path):
        raise StorageError(
            "not_encrypted",
            f"{path.name} is an unencrypted SQLite database; open it with a sqlite:/// URL.",
        )
    key, _kf = resolve_key(path, recovery_key, passphrase)
    return engine_for_key(path, key, known_good=True)


def engine_for_key(path: Path, key: bytes, *, known_good: bool = False) -> Engine:
    """An engine for ``path`` with ``key``, after a first read proves the key opens it.

    ``known_good``: the key passed the key-check, so a failure means a damaged file.
    """
    engine = make_cipher_engine(path, key)
    try:
        # A read: no write lock is taken, so another program's long write does not block it.
        with engine.execution_options(write=False).connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        engine.dispose()
        raise classify(exc, known_good=known_good) from exc
    _ENGINE_KEYS[engine] = key
    return engine


def classify(exc: DBAPIError, *, known_good: bool = True) -> StorageError:
    """A plain reason for a failure to open (no personal data, no key material)."""
    text = str(exc.orig).lower() if exc.orig is not None else ""
    if "not a database" in text or "encrypted" in text:
        if known_good:
            return StorageError(
                "not_a_database", "The file is damaged or is not a clinic-app database."
            )
        return StorageError("wrong_key", "The key does not open this database.")
    if "locked" in text or "busy" in text:
        return StorageError("locked", "The database is locked by another program; try again.")
    if "readonly" in text or "read-only" in text:
        return StorageError("read_only", "The database is read-only: nothing can be saved.")
    if "unable to open" in text:
        return StorageError("cannot_open", "The database file cannot be opened (permissions?).")
    return StorageError("io", "The database could not be opened.")


def take_new_recovery_key(engine: Engine) -> str | None:
    """The recovery key of a database this engine created, once (then None)."""
    return _PENDING_RECOVERY.pop(engine, None)


def offer_new_recovery_key(engine: Engine, recovery_key: str) -> None:
    """Hand a recovery key made while opening ``engine`` to set-up, which shows it once."""
    _PENDING_RECOVERY[engine] = recovery_key


def engine_key(engine: Engine) -> bytes | None:
    """The key of an encrypted engine opened here (None for plain or other databases)."""
    return _ENGINE_KEYS.get(engine)


def remember_key(engine: Engine, key: bytes) -> None:
    _ENGINE_KEYS[engine] = key


def derived_key(engine: Engine, purpose: bytes) -> bytes | None:
    """An independent sub-key of the database key for ``purpose`` (None if not encrypted)."""
    key = engine_key(engine)
    return None if key is None else cipher.hkdf(key, b"clinic-app|" + purpose)


def store_key_in_keychain(url: str, recovery_key: str) -> str:
    """Unlock with the recovery key and put the database key back in the keychain."""
    path = database_path(url)
    if path is None or not path.exists():
        raise StorageError("no_database", "There is no encrypted database at that location.")
    kf = read_keyfile(keyfile_path(path))
    if kf is None:
        raise StorageError("key_file_missing", "The key file next to the database is missing.")
    key = unwrap_with_recovery_key(kf, recovery_key)
    engine_for_key(path, key, known_good=True).dispose()
    keys.set_secret(keychain_name(kf.key_id), key)
    return kf.key_id


def new_recovery_key_for(engine: Engine) -> str:
    """Replace the recovery key of an open encrypted database; returns the new one (show once).

    The old recovery key stops working for this file (backups keep their own key files).
    """
    key = engine_key(engine)
    path = Path(engine.url.database) if engine.url.database else None
    if key is None or path is None:
        raise StorageError("not_encrypted", "This database is not encrypted.")
    kf = read_keyfile(keyfile_path(path))
    key_id = kf.key_id if kf is not None else uuid.uuid4().hex
    recovery_key = cipher.new_recovery_key()
    # A passphrase-mode database keeps its passphrase seal: only the recovery key changes.
    kept = kf.passphrase if kf is not None else None
    write_keyfile(keyfile_path(path), replace(seal(key, key_id, recovery_key), passphrase=kept))
    return recovery_key
