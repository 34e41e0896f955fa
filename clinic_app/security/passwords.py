"""Argon2id password hashing and the password policy.

Production parameters are RFC 9106's "second recommended" (low-memory) profile: Argon2id,
m=64 MiB, t=3, p=4, 16-byte salt, 32-byte tag. That exceeds the OWASP Password Storage Cheat
Sheet minimum (m=19 MiB, t=2, p=1) and costs well under a second on a desktop, where only one
log-in happens at a time. Tests pass a cheap :class:`PasswordHasherConfig` instead.

The policy follows NIST SP 800-63B and OWASP ASVS: a length floor, a generous ceiling, a
block-list of common passwords and no composition rules.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from clinic_app.errors import Invalid

MIN_LENGTH = 12
MAX_LENGTH = 256  # long enough for passphrases; bounds the work an attacker can request
_FIELD = "password"


@dataclass(frozen=True)
class PasswordHasherConfig:
    """Argon2id cost parameters. ``memory_kib`` is in KiB as argon2 expects."""

    memory_kib: int = 65536
    time_cost: int = 3
    parallelism: int = 4
    hash_len: int = 32
    salt_len: int = 16


PRODUCTION = PasswordHasherConfig()
OWASP_MINIMUM = PasswordHasherConfig(memory_kib=19 * 1024, time_cost=2, parallelism=1)


@lru_cache(maxsize=8)
def _hasher(config: PasswordHasherConfig) -> PasswordHasher:
    # Built on first use, not at import time; cached because construction validates params.
    return PasswordHasher(
        time_cost=config.time_cost,
        memory_cost=config.memory_kib,
        parallelism=config.parallelism,
        hash_len=config.hash_len,
        salt_len=config.salt_len,
        type=Type.ID,
    )


@lru_cache(maxsize=8)
def _dummy_hash(config: PasswordHasherConfig) -> str:
    return _hasher(config).hash("clinic-app timing equaliser")


def normalize(password: str) -> str:
    """NFKC-normalise so the same password typed on different keyboards hashes the same."""
    return unicodedata.normalize("NFKC", password)


def hash_password(password: str, *, config: PasswordHasherConfig = PRODUCTION) -> str:
    """Return an encoded Argon2id hash (PHC string) of ``password``."""
    return _hasher(config).hash(normalize(password))


def verify_password(
    stored_hash: str, password: str, *, config: PasswordHasherConfig = PRODUCTION
) -> bool:
    """True if ``password`` matches ``stored_hash``. Mismatch and malformed hashes give False."""
    if not is_valid_unicode(password):
        dummy_verify(config=config)  # not text: matches nothing, in the usual time
        return False
    try:
        return _hasher(config).verify(stored_hash, normalize(password))
    except InvalidHashError:
        # A corrupt stored hash must not answer faster than a real check.
        dummy_verify(config=config)
        return False
    except VerificationError:
        return False


def needs_rehash(stored_hash: str, *, config: PasswordHasherConfig = PRODUCTION) -> bool:
    """True if ``stored_hash`` was made with other parameters (rehash after a good log-in)."""
    try:
        return _hasher(config).check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def dummy_verify(*, config: PasswordHasherConfig = PRODUCTION) -> None:
    """Spend one verification's time; call it for unknown users so timing reveals nothing."""
    with contextlib.suppress(VerificationError):
        _hasher(config).verify(_dummy_hash(config), "not the password")


@cache
def common_passwords() -> frozenset[str]:
    """The bundled block-list, case-folded."""
    text = (
        resources.files("clinic_app.security")
        .joinpath("common_passwords.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _strip_decoration(lowered: str) -> str:
    """Drop trailing digits and symbols, which add little against a guessing attack."""
    return lowered.rstrip("0123456789!@#$%^&*()-_=+.,?~ ")


def _is_repetitive(lowered: str) -> bool:
    """One short unit repeated ("aaaaaaaaaaaa", "abcabcabcabc")."""
    n = len(lowered)
    return any(n % size == 0 and lowered == lowered[:size] * (n // size) for size in range(1, 5))


def is_valid_unicode(text: str) -> bool:
    """False for text holding lone surrogates (cannot be encoded, stored or hashed)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_password_policy(password: str, username: str | None = None) -> None:
    """Raise ``Invalid("password", code)`` if ``password`` may not be chosen.

    Codes: ``invalid_unicode`` (a lone surrogate: not text), ``too_short``, ``too_long``,
    ``too_common``, ``repetitive``, ``contains_username`` (names of three or more
    characters). Length counts characters after NFKC normalisation.
    """
    if not is_valid_unicode(password):
        raise Invalid(_FIELD, "invalid_unicode", "Contains characters that are not valid text.")
    normalized = normalize(password)
    if len(normalized) < MIN_LENGTH:
        raise Invalid(_FIELD, "too_short")
    if len(normalized) > MAX_LENGTH:
        raise Invalid(_FIELD, "too_long")
    lowered = normalized.casefold()
    if username:
        name = normalize(username).strip().casefold()
        # Very short names would refuse too much by accident (any "al" inside a phrase).
        if len(name) >= 3 and name in lowered:
            raise Invalid(_FIELD, "contains_username")
    if _is_repetitive(lowered):
        raise Invalid(_FIELD, "repetitive")
    blocked = common_passwords()
    squeezed = "".join(lowered.split())  # "correct horse battery staple" is still famous
    candidates = {lowered, squeezed, _strip_decoration(lowered), _strip_decoration(squeezed)}
    if not candidates.isdisjoint(blocked):
        raise Invalid(_FIELD, "too_common")
