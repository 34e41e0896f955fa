"""Secrets of a shared (PostgreSQL) database: sealing, enrolment codes, keychain entries.

Every workstation joined to a shared database keeps, in its own keychain:

- ``audit-key:<database id>``: the shared secret the audit chain's key comes from;
- ``workstation:<database id>``: this workstation's id (a row of the ``workstation`` table);
- ``db-password:<user>@<host>:<port>/<database>``: the server password, if there is one.

The database holds the audit secret only *sealed*: under the recovery key (shown once when
the first workstation created the database) and, for a short while, under a one-time
enrolment code. Neither opens without the code or the key, which never reach the database.
"""

from __future__ import annotations

import base64
import json
import os
import secrets

from sqlalchemy import URL
from sqlalchemy.engine import make_url

from clinic_app.errors import Invalid, StorageError
from clinic_app.storage import cipher, keys

ENV_DB_PASSWORD = "CLINIC_APP_DB_PASSWORD"  # noqa: S105 - a variable name, for scripts
AUDIT_SECRET = "audit-key"  # noqa: S105 - the name of a keychain entry, not its value
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CODE_ID_CHARS = 4
CODE_SECRET_CHARS = 16  # 80 random bits, and scrypt in front of every guess


def is_shared_url(url: str | URL) -> bool:
    """True for a database server several workstations use (PostgreSQL)."""
    return make_url(url).get_backend_name() == "postgresql"


def audit_secret_name(database_id: str) -> str:
    return f"{AUDIT_SECRET}:{database_id}"


def workstation_name_key(database_id: str) -> str:
    return f"workstation:{database_id}"


def password_key(url: str | URL) -> str:
    u = make_url(url)
    return f"db-password:{u.username or ''}@{u.host or ''}:{u.port or 5432}/{u.database or ''}"


# --- sealing -------------------------------------------------------------------------------


def seal(secret: bytes, by: bytes, label: str) -> str:
    """``secret`` sealed under the bytes ``by`` (scrypt, encrypt-then-MAC), as JSON text."""
    w = cipher.wrap_key(secret, by, label.encode())
    doc = {
        "salt": w.salt,
        "nonce": w.nonce,
        "ct": w.ciphertext,
        "tag": w.tag,
    }
    out: dict[str, object] = {k: base64.b64encode(v).decode() for k, v in doc.items()}
    out.update(n=w.n, r=w.r, p=w.p)
    return json.dumps(out, sort_keys=True)


def unseal(sealed: str, by: bytes, label: str) -> bytes | None:
    """The sealed secret, or None when ``by`` (or the label) does not fit."""
    try:
        doc = json.loads(sealed)
        w = cipher.WrappedKey(
            salt=base64.b64decode(doc["salt"]),
            nonce=base64.b64decode(doc["nonce"]),
            ciphertext=base64.b64decode(doc["ct"]),
            tag=base64.b64decode(doc["tag"]),
            n=int(doc["n"]),
            r=int(doc["r"]),
            p=int(doc["p"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
    return cipher.unwrap_key(w, by, label.encode())


def recovery_bytes(recovery_key: str) -> bytes:
    try:
        return cipher.parse_recovery_key(recovery_key)
    except cipher.RecoveryKeyError as exc:
        raise Invalid("recovery_key", "malformed", str(exc)) from exc


# --- enrolment codes -----------------------------------------------------------------------


def new_enrolment_code() -> tuple[str, str]:
    """A fresh code (``ABCD-EFGH-JKLM-NPQR-STUV``) and its public id (the first group)."""
    chars = "".join(secrets.choice(_B32) for _ in range(CODE_ID_CHARS + CODE_SECRET_CHARS))
    groups = [chars[i : i + 4] for i in range(0, len(chars), 4)]
    return "-".join(groups), chars[:CODE_ID_CHARS]


def parse_enrolment_code(text: str) -> tuple[str, bytes]:
    """The code's id and secret part; tolerant of case, spaces and dashes."""
    chars = "".join(c for c in text.upper() if c not in " -\t")
    if len(chars) != CODE_ID_CHARS + CODE_SECRET_CHARS or any(c not in _B32 for c in chars):
        raise Invalid(
            "code", "malformed", "An enrolment code has 20 letters and digits, in groups of 4."
        )
    return chars[:CODE_ID_CHARS], chars[CODE_ID_CHARS:].encode("ascii")


# --- keychain ------------------------------------------------------------------------------


def stored_audit_secret(database_id: str) -> bytes | None:
    return keys.get_secret(audit_secret_name(database_id))


def stored_workstation_id(database_id: str) -> str | None:
    raw = keys.get_secret(workstation_name_key(database_id))
    return raw.decode("ascii") if raw else None


def remember_membership(database_id: str, audit_secret: bytes, workstation_id: str) -> None:
    """Put what a joined workstation needs in its keychain (before the join is committed)."""
    keys.set_secret(audit_secret_name(database_id), audit_secret)
    keys.set_secret(workstation_name_key(database_id), workstation_id.encode("ascii"))


def forget_membership(database_id: str) -> None:
    """Undo :func:`remember_membership` (a join that was not committed)."""
    keys.delete_secret(workstation_name_key(database_id))


def server_url(
    host: str, port: int, database: str, role: str, *, verify: bool, ca_file: str
) -> str:
    """A ``postgresql+psycopg://`` URL without a password (settings may keep it);
    ``verify``: TLS with the server's certificate checked against ``ca_file``."""
    query: dict[str, str] = {}
    if verify:
        query["sslmode"] = "verify-full"
        if ca_file:
            query["sslrootcert"] = ca_file
    url = URL.create(
        "postgresql+psycopg",
        username=role or None,
        host=host or None,
        port=port,
        database=database or None,
        query=query,
    )
    return url.render_as_string(hide_password=False)


def remember_password(url: str | URL, password: str) -> None:
    """Keep the server password in the keychain (never in settings, URLs shown, or logs)."""
    keys.set_secret(password_key(url), password.encode("utf-8"))


def without_password(url: str | URL) -> str:
    """The URL as settings may keep it: no password."""
    # URL.set(password=None) means "unchanged"; the named tuple's own replace drops it.
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def with_stored_password(url: str | URL) -> URL:
    """The server URL with its password: from the URL, CLINIC_APP_DB_PASSWORD or the keychain."""
    u = make_url(url)
    if u.password:
        return u
    from_env = os.environ.get(ENV_DB_PASSWORD)
    if from_env:
        return u.set(password=from_env)
    try:
        stored = keys.get_secret(password_key(u))
    except StorageError:
        return u  # no keychain: libpq may still find a password in ~/.pgpass or PGPASSWORD
    return u.set(password=stored.decode("utf-8")) if stored else u


def check_tls_files(url: str | URL) -> None:
    """A clear message when a CA or client certificate named in the URL is not there."""
    query = make_url(url).query
    for option in ("sslrootcert", "sslcert", "sslkey"):
        value = query.get(option)
        path = value if isinstance(value, str) else None
        if path and path != "system" and not os.path.exists(path):
            raise StorageError(
                "tls_file_missing", f"The TLS file given as {option} does not exist: {path}"
            )
