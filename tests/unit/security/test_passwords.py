"""Password hashing, verification, rehash detection and the password policy."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

import pytest

from clinic_app.errors import Invalid
from clinic_app.security import passwords as pw
from clinic_app.security.passwords import (
    OWASP_MINIMUM,
    PRODUCTION,
    PasswordHasherConfig,
    check_password_policy,
    common_passwords,
    dummy_verify,
    hash_password,
    needs_rehash,
    verify_password,
)

# Cheap parameters keep the suite fast; production strength is tested separately below.
CHEAP = PasswordHasherConfig(memory_kib=64, time_cost=1, parallelism=1)
OTHER_CHEAP = PasswordHasherConfig(memory_kib=128, time_cost=1, parallelism=1)
GOOD = "tidevand over vadehavet"


def test_hash_is_argon2id_phc_string_with_config_parameters() -> None:
    h = hash_password(GOOD, config=CHEAP)
    assert h.startswith("$argon2id$v=19$m=64,t=1,p=1$")


def test_hashes_are_salted() -> None:
    assert hash_password(GOOD, config=CHEAP) != hash_password(GOOD, config=CHEAP)


def test_verify_accepts_right_password() -> None:
    assert verify_password(hash_password(GOOD, config=CHEAP), GOOD, config=CHEAP) is True


@pytest.mark.parametrize("attempt", ["", "tidevand over vadehavet ", "Tidevand over vadehavet"])
def test_verify_rejects_wrong_password_without_raising(attempt: str) -> None:
    assert verify_password(hash_password(GOOD, config=CHEAP), attempt, config=CHEAP) is False


@pytest.mark.parametrize("garbage", ["", "not a hash", "$argon2id$v=19$m=64,t=1,p=1$xx$yy"])
def test_verify_of_malformed_hash_is_false(garbage: str) -> None:
    assert verify_password(garbage, GOOD, config=CHEAP) is False


def test_verify_uses_parameters_stored_in_hash() -> None:
    h = hash_password(GOOD, config=OTHER_CHEAP)
    assert verify_password(h, GOOD, config=CHEAP) is True


def test_unicode_normalisation_makes_composed_and_decomposed_equal() -> None:
    composed = "blåbærgrød med fløde"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert verify_password(hash_password(composed, config=CHEAP), decomposed, config=CHEAP)


def test_needs_rehash() -> None:
    h = hash_password(GOOD, config=CHEAP)
    assert needs_rehash(h, config=CHEAP) is False
    assert needs_rehash(h, config=OTHER_CHEAP) is True
    assert needs_rehash(h) is True  # cheap hash under production parameters
    assert needs_rehash("garbage", config=CHEAP) is True


def test_dummy_verify_runs_without_error() -> None:
    dummy_verify(config=CHEAP)


def test_production_parameters_meet_owasp_minimum() -> None:
    assert PRODUCTION.memory_kib >= OWASP_MINIMUM.memory_kib == 19 * 1024
    assert PRODUCTION.time_cost >= OWASP_MINIMUM.time_cost == 2
    assert PRODUCTION.parallelism >= OWASP_MINIMUM.parallelism == 1
    assert PRODUCTION.salt_len >= 16
    assert PRODUCTION.hash_len >= 32


def test_production_hash_round_trip() -> None:
    h = hash_password(GOOD)
    assert h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert verify_password(h, GOOD)
    assert not verify_password(h, GOOD + "x")
    assert not needs_rehash(h)
    dummy_verify()


# --- policy ---------------------------------------------------------------------------


def _code(password: str, username: str | None = None) -> str | None:
    try:
        check_password_policy(password, username)
    except Invalid as exc:
        assert exc.field == "password"
        return exc.code
    return None


@pytest.mark.parametrize(
    ("password", "username", "code"),
    [
        ("", None, "too_short"),
        ("short pass", None, "too_short"),
        ("x" * 11, None, "too_short"),
        ("elevenchar1", None, "too_short"),
        ("a" * 257, None, "too_long"),
        ("password1234", None, "too_common"),
        ("Password1234", None, "too_common"),
        ("PASSWORD123456!", None, "too_common"),
        ("123456789012", None, "too_common"),
        ("qwertyuiop123", None, "too_common"),
        ("qwertyuiopå", None, "too_short"),
        ("sommer2024!!!", None, "too_common"),
        ("kodeord123456", None, "too_common"),
        ("iloveyou2023", None, "too_common"),
        ("correct horse battery staple", None, "too_common"),
        ("Jeg Elsker Dig 123", None, "too_common"),
        ("aaaaaaaaaaaa", None, "repetitive"),
        ("abcabcabcabc", None, "repetitive"),
        ("mette.hansen-rødovre", "mette.hansen", "contains_username"),
        ("xMETTE.HANSENx12", "mette.hansen", "contains_username"),
        ("mette.hansen", "mette.hansen", "contains_username"),
    ],
)
def test_policy_refusals(password: str, username: str | None, code: str) -> None:
    assert _code(password, username) == code


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("tidevand over vadehavet", None),
        ("twelve chars", None),  # exactly 12, no composition rules
        ("alllowercaseletters", None),
        ("ÆØÅ æøå Ωμέγα жёлтый", None),
        ("correct horse staple 7", "al"),  # names under three characters are not checked
        ("min kat hedder Mis", "mette"),
    ],
)
def test_policy_accepts(password: str, username: str | None) -> None:
    assert _code(password, username) is None


def test_length_bounds_are_inclusive() -> None:
    passphrase = ("vadehavet tidevand marsk " * 11)[: pw.MAX_LENGTH]
    assert len(passphrase) == pw.MAX_LENGTH
    assert _code(passphrase) is None
    assert _code(passphrase + "x") == "too_long"
    assert _code("tolv tegn ok") is None


def test_length_is_counted_after_normalisation() -> None:
    # Eleven composed characters stay too short even if typed as decomposed sequences.
    assert _code("a\u030a" * 11) == "too_short"


def test_common_list_is_bundled_and_large() -> None:
    blocked = common_passwords()
    assert len(blocked) >= 3000
    assert {"123456", "password", "qwerty", "kodeord", "password1234"} <= blocked
    assert all(p == p.casefold() and p.strip() == p for p in blocked)


def test_every_long_entry_of_the_list_is_refused() -> None:
    for entry in sorted(common_passwords()):
        if pw.MIN_LENGTH <= len(entry) <= pw.MAX_LENGTH:
            assert _code(entry) in {"too_common", "repetitive"}, entry


def test_dummy_verify_costs_about_as_much_as_a_real_verify() -> None:
    # Loose bounds: this guards against dummy_verify becoming a no-op, not against jitter.
    stored = hash_password(GOOD)

    def best_of_three(fn: Callable[[], object]) -> float:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
        return min(runs)

    real = best_of_three(lambda: verify_password(stored, "wrong password here"))
    dummy = best_of_three(dummy_verify)
    assert 0.33 < dummy / real < 3.0
