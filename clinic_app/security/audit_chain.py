"""Tamper-evident hash chain for audit rows.

Each row's hash is ``HMAC-SHA256(key, prev_hash || canonical(row))``. Every row carries its
sequence number in the field :data:`SEQ_FIELD`, numbered without gaps, so a verifier sees an
edited row (hash mismatch), a deleted, inserted or reordered row (sequence break, and the
chain's ``prev_hash`` no longer fits) without trusting any database ordering.

A chain alone cannot show that rows were cut off its tail: the shorter chain is still valid.
So the storage layer also keeps an :class:`Anchor` (row count and last hash, MAC'ed with the
same key) updated with every append, ideally in a second place, and passes it to
:func:`verify_chain`. Restoring an *older* anchor together with a truncated table is only
caught by comparing with a copy kept elsewhere (a backup, or a log sent off the machine).

The key is supplied by the caller; where it lives is the storage layer's decision.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Field = str | int | None
Row = Mapping[str, Field]

SEQ_FIELD = "seq"
GENESIS_HASH = "0" * 64  # prev_hash of a chain's first row
_ROW_DOMAIN = b"clinic-app/audit-row/v1\x00"
_ANCHOR_DOMAIN = b"clinic-app/audit-anchor/v1\x00"


def _blob(data: bytes) -> bytes:
    # Length prefixes make the encoding unambiguous: no separator can be forged inside a value.
    return len(data).to_bytes(8, "big") + data


def canonical(row: Row) -> bytes:
    """Encode ``row`` as unambiguous bytes: keys sorted, every key and value typed and sized.

    Values must be ``str``, ``int`` or ``None`` (``bool`` is refused: True would equal 1).
    """
    parts = [len(row).to_bytes(4, "big")]
    for name in sorted(row):
        if not isinstance(name, str):
            raise TypeError("audit field names must be str")
        value = row[name]
        parts.append(_blob(name.encode("utf-8")))
        if value is None:
            parts.append(b"N")
        elif isinstance(value, bool):
            raise TypeError(f"audit field {name!r}: bool is not allowed, store an int or str")
        elif isinstance(value, int):
            parts.append(b"I" + _blob(str(value).encode("ascii")))
        elif isinstance(value, str):
            parts.append(b"S" + _blob(value.encode("utf-8")))
        else:
            raise TypeError(f"audit field {name!r}: {type(value).__name__} is not allowed")
    return b"".join(parts)


def chain_hash(key: bytes, prev_hash: str, row: Row) -> str:
    """The hex HMAC-SHA256 of ``row`` chained to ``prev_hash``.

    ``row`` must hold its sequence number as an int in :data:`SEQ_FIELD`, so that a row
    moved to another position can never verify there.
    """
    seq = row.get(SEQ_FIELD)
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise ValueError(f"audit row needs an int {SEQ_FIELD!r} field")
    message = _ROW_DOMAIN + _blob(prev_hash.encode("ascii")) + canonical(row)
    return hmac.new(key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Anchor:
    """Where the chain ends: rows counted, last row's hash, and a MAC over both."""

    count: int
    last_hash: str
    mac: str


def _anchor_mac(key: bytes, count: int, last_hash: str) -> str:
    message = _ANCHOR_DOMAIN + _blob(str(count).encode("ascii")) + _blob(last_hash.encode())
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def make_anchor(key: bytes, count: int, last_hash: str) -> Anchor:
    """An anchor for a chain of ``count`` rows ending in ``last_hash``."""
    return Anchor(count, last_hash, _anchor_mac(key, count, last_hash))


def _same(expected: str, given: object) -> bool:
    """Constant-time comparison that treats a non-ASCII or non-str stored value as a mismatch."""
    return isinstance(given, str) and given.isascii() and hmac.compare_digest(expected, given)


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of :func:`verify_chain`.

    ``checked`` counts rows that verified before the first failure (all rows when ``ok``);
    ``first_bad_index`` is the 0-based position where the chain breaks (for a truncated tail,
    the position of the first missing row); ``reason`` is a code: ``ok``, ``bad_sequence``,
    ``bad_hash``, ``malformed_row``, ``truncated``, ``extra_rows``, ``bad_anchor``.
    """

    ok: bool
    first_bad_index: int | None
    checked: int
    reason: str
    last_hash: str


def verify_chain(
    key: bytes,
    rows: Iterable[tuple[Row, str]],
    genesis: str = GENESIS_HASH,
    *,
    first_seq: int = 1,
    anchor: Anchor | None = None,
) -> VerifyResult:
    """Check ``(row_fields, stored_hash)`` pairs in sequence order.

    ``genesis`` is the prev_hash of the first row and ``first_seq`` its sequence number (both
    change when old rows are purged: the storage layer records the new start). Rows are
    streamed, so a long log needs no more memory than one row.
    """
    if anchor is not None and not _same(
        anchor.mac, _anchor_mac(key, anchor.count, anchor.last_hash)
    ):
        return VerifyResult(False, None, 0, "bad_anchor", genesis)
    prev = genesis
    checked = 0
    for row, stored in rows:
        index = checked
        if anchor is not None and index >= anchor.count:
            return VerifyResult(False, anchor.count, checked, "extra_rows", prev)
        seq = row.get(SEQ_FIELD)
        if isinstance(seq, bool) or not isinstance(seq, int):
            return VerifyResult(False, index, checked, "malformed_row", prev)
        if seq != first_seq + index:
            return VerifyResult(False, index, checked, "bad_sequence", prev)
        try:
            expected = chain_hash(key, prev, row)
        except (TypeError, ValueError):  # ValueError covers unencodable text
            return VerifyResult(False, index, checked, "malformed_row", prev)
        if not _same(expected, stored):
            return VerifyResult(False, index, checked, "bad_hash", prev)
        prev = stored
        checked += 1
    if anchor is not None:
        if checked < anchor.count:
            return VerifyResult(False, checked, checked, "truncated", prev)
        if not _same(prev, anchor.last_hash):
            # Same count but another ending: the tail was replaced by validly chained rows,
            # which needs the key; report it rather than trust it.
            return VerifyResult(False, max(checked - 1, 0), checked, "bad_anchor", prev)
    return VerifyResult(True, None, checked, "ok", prev)
