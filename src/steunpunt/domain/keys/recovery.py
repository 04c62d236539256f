"""The recovery key as a person reads, prints and types it: base32 in groups of four.

It carries a checksum, so a mistyped key is told apart from a key of another steunpunt; spaces,
dashes, lower case and the digits 0, 1 and 8 typed for O, I and B are forgiven.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

from steunpunt.domain.errors import InvalidValue

SECRET_BYTES = 20
"""160 random bits: far beyond guessing, even without the key derivation on top."""
CHECK_BYTES = 5
GROUP = 4
SEPARATOR = "-"

_LENGTH = (SECRET_BYTES + CHECK_BYTES) * 8 // 5
_LOOK_ALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})
_IGNORED = re.compile(r"[\s\-_.·–—]+")


def new_recovery_secret() -> bytes:
    """A new random recovery secret."""
    return secrets.token_bytes(SECRET_BYTES)


def _check(secret: bytes) -> bytes:
    return hashlib.sha256(b"steunpunt-herstelsleutel" + secret).digest()[:CHECK_BYTES]


def format_recovery_key(secret: bytes) -> str:
    """``secret`` with its checksum as base32 in groups of four (``ABCD-EFGH-…``, 10 groups)."""
    if len(secret) != SECRET_BYTES:
        raise ValueError(f"a recovery secret is {SECRET_BYTES} bytes")
    letters = base64.b32encode(secret + _check(secret)).decode("ascii")
    return SEPARATOR.join(letters[start : start + GROUP] for start in range(0, _LENGTH, GROUP))


def parse_recovery_key(typed: str) -> bytes:
    """The secret of a typed recovery key, or :class:`InvalidValue` in Dutch."""
    letters = _IGNORED.sub("", typed).upper().translate(_LOOK_ALIKES)
    if not letters:
        raise InvalidValue("Vul de herstelsleutel in.")
    if len(letters) != _LENGTH or not re.fullmatch(r"[A-Z2-7]+", letters):
        raise InvalidValue(
            f"Een herstelsleutel heeft {_LENGTH} tekens (letters en de cijfers 2 tot en met 7) "
            f"in {_LENGTH // GROUP} groepen van {GROUP}. Neem hem precies over van het vel."
        )
    raw = base64.b32decode(letters)
    secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
    if _check(secret) != check:
        raise InvalidValue(
            "Deze herstelsleutel is niet goed overgenomen: er zit een tikfout in. "
            "Vergelijk hem teken voor teken met het vel."
        )
    return secret
