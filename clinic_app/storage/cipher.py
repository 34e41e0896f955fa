"""Key material: recovery keys people can write down, key wrapping, and sub-key derivation.

Built from ``hashlib``/``hmac`` only, so it runs on every platform without extra packages:

- A recovery key is 160 random bits written as base32 in groups of four characters, with a
  final group that is a checksum (typing mistakes are caught before any decryption is tried).
- Wrapping a database key under a recovery key is encrypt-then-MAC: scrypt turns the
  recovery key and a random salt into 64 bytes, split into an encryption key and a MAC key.
  The keystream is HMAC-SHA256(enc_key, nonce || counter) (a PRF in counter mode), XORed with
  the 32-byte database key; the tag is HMAC-SHA256(mac_key, context || salt || nonce || ct),
  checked in constant time before anything is decrypted.
- Sub-keys (for example the audit chain's HMAC key) come from HKDF-SHA256 (RFC 5869).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

KEY_BYTES = 32
RECOVERY_BYTES = 20
GROUP = 4
_WRAP_CONTEXT = b"clinic-app key wrap v1"
_CHECK_CONTEXT = b"clinic-app key check v1"
# scrypt cost: about 32 MiB and a fraction of a second; the recovery key already has 160
# random bits, so this only slows down a search that would be hopeless anyway.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
# Characters people confuse with base32 letters (base32 has no 0, 1, 8 or 9).
_MISREAD = str.maketrans({"0": "O", "1": "I", "8": "B"})


class RecoveryKeyError(ValueError):
    """The text is not a well-formed recovery key (wrong length, characters or checksum)."""


def new_database_key() -> bytes:
    """A random 256-bit database key."""
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    """A fresh recovery key, formatted for printing (e.g. ``ABCD-EFGH-...``)."""
    return format_recovery_key(secrets.token_bytes(RECOVERY_BYTES))


def _checksum(raw: bytes) -> str:
    return base64.b32encode(hashlib.sha256(b"clinic-app recovery|" + raw).digest()[:5])[
        :GROUP
    ].decode()


def format_recovery_key(raw: bytes) -> str:
    body = base64.b32encode(raw).decode("ascii").rstrip("=") + _checksum(raw)
    return "-".join(body[i : i + GROUP] for i in range(0, len(body), GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The 20 key bytes from a typed recovery key; tolerant of case, spaces and dashes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_MISREAD)
    expected = (RECOVERY_BYTES * 8 + 4) // 5 + GROUP
    if len(cleaned) != expected:
        raise RecoveryKeyError(f"A recovery key has {expected} characters.")
    body, check = cleaned[:-GROUP], cleaned[-GROUP:]
    try:
        raw = base64.b32decode(body)
    except ValueError as exc:
        raise RecoveryKeyError("A recovery key uses only letters A-Z and digits 2-7.") from exc
    if not hmac.compare_digest(_checksum(raw), check):
        raise RecoveryKeyError("The recovery key has a typing mistake (checksum differs).")
    return raw


@dataclass(frozen=True)
class WrappedKey:
    """A database key sealed under a recovery key; safe to store next to the database."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    tag: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


def _kek(recovery: bytes, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    derived = hashlib.scrypt(recovery, salt=salt, n=n, r=r, p=p, dklen=64, maxmem=256 * 1024 * 1024)
    return derived[:32], derived[32:]


def _keystream(enc_key: bytes, nonce: bytes, length: int) -> bytes:
    out = b""
    counter = 0
    while len(out) < length:
        out += hmac.new(enc_key, nonce + counter.to_bytes(4, "big"), hashlib.sha256).digest()
        counter += 1
    return out[:length]


def _tag(mac_key: bytes, salt: bytes, nonce: bytes, ciphertext: bytes, label: bytes) -> bytes:
    msg = _WRAP_CONTEXT + len(label).to_bytes(2, "big") + label + salt + nonce + ciphertext
    return hmac.new(mac_key, msg, hashlib.sha256).digest()


def wrap_key(key: bytes, recovery: bytes, label: bytes = b"") -> WrappedKey:
    """Seal ``key`` under the recovery key bytes; ``label`` (e.g. a key id) is authenticated."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(16)
    enc_key, mac_key = _kek(recovery, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ct = bytes(a ^ b for a, b in zip(key, _keystream(enc_key, nonce, len(key)), strict=True))
    return WrappedKey(salt, nonce, ct, _tag(mac_key, salt, nonce, ct, label))


def unwrap_key(wrapped: WrappedKey, recovery: bytes, label: bytes = b"") -> bytes | None:
    """The sealed key, or None when the recovery key (or the label) does not match."""
    enc_key, mac_key = _kek(recovery, wrapped.salt, wrapped.n, wrapped.r, wrapped.p)
    expected = _tag(mac_key, wrapped.salt, wrapped.nonce, wrapped.ciphertext, label)
    if not hmac.compare_digest(expected, wrapped.tag):
        return None
    stream = _keystream(enc_key, wrapped.nonce, len(wrapped.ciphertext))
    return bytes(a ^ b for a, b in zip(wrapped.ciphertext, stream, strict=True))


def key_check(key: bytes) -> bytes:
    """A value that tells whether a key is the right one without revealing anything of it."""
    return hmac.new(key, _CHECK_CONTEXT, hashlib.sha256).digest()[:16]


def hkdf(key: bytes, info: bytes, length: int = 32, salt: bytes = b"") -> bytes:
    """HKDF-SHA256 (RFC 5869): an independent sub-key of ``key`` for the purpose ``info``."""
    prk = hmac.new(salt or b"\x00" * 32, key, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


# Argon2id cost for a passphrase typed at each start (no keychain): about 64 MiB and a few
# tenths of a second, since a passphrase has far fewer random bits than a recovery key.
ARGON2_TIME = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 1
MIN_PASSPHRASE = 12


@dataclass(frozen=True)
class PassphraseWrap:
    """A database key sealed under a passphrase (argon2id), stored in the key file."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    tag: bytes
    time_cost: int = ARGON2_TIME
    memory_kib: int = ARGON2_MEMORY_KIB
    parallelism: int = ARGON2_PARALLELISM


def _passphrase_kek(passphrase: str, w_salt: bytes, t: int, m: int, p: int) -> tuple[bytes, bytes]:
    import unicodedata

    from argon2.low_level import Type, hash_secret_raw

    secret = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    derived = hash_secret_raw(secret, w_salt, t, m, p, 64, Type.ID)
    return derived[:32], derived[32:]


def wrap_key_with_passphrase(key: bytes, passphrase: str, label: bytes = b"") -> PassphraseWrap:
    """Seal ``key`` under ``passphrase`` (argon2id, then the same encrypt-then-MAC as above)."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(16)
    t, m, p = ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM
    enc_key, mac_key = _passphrase_kek(passphrase, salt, t, m, p)
    ct = bytes(a ^ b for a, b in zip(key, _keystream(enc_key, nonce, len(key)), strict=True))
    return PassphraseWrap(salt, nonce, ct, _tag(mac_key, salt, nonce, ct, label), t, m, p)


def unwrap_key_with_passphrase(
    wrapped: PassphraseWrap, passphrase: str, label: bytes = b""
) -> bytes | None:
    """The sealed key, or None when the passphrase does not match."""
    enc_key, mac_key = _passphrase_kek(
        passphrase, wrapped.salt, wrapped.time_cost, wrapped.memory_kib, wrapped.parallelism
    )
    expected = _tag(mac_key, wrapped.salt, wrapped.nonce, wrapped.ciphertext, label)
    if not hmac.compare_digest(expected, wrapped.tag):
        return None
    stream = _keystream(enc_key, wrapped.nonce, len(wrapped.ciphertext))
    return bytes(a ^ b for a, b in zip(wrapped.ciphertext, stream, strict=True))
