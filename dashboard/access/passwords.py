"""Password hashes for the login file: scrypt from the standard library, checked in constant time.

Panel's own basic auth compares plain passwords kept in a file or a variable; Order Desk keeps only
``scrypt$n$r$p$salt$hash`` strings (``python -m dashboard hash-password`` makes one), so a leaked
users file does not hand out the passwords.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
# About 50 ms and 16 MB per check here: slow for guessing, quick enough for a login form.
N, R, P = 2**14, 8, 1
_MAXMEM = 64 * 1024 * 1024


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=32)


def hash_password(password: str) -> str:
    """A new salted hash of ``password`` for the users file or ``ORDERDESK_USERS``."""
    salt = secrets.token_bytes(16)
    return "$".join([SCHEME, str(N), str(R), str(P), _b64(salt), _b64(_derive(password, salt, N, R, P))])


def is_hash(stored: str) -> bool:
    """Whether ``stored`` looks like ``hash_password``'s output (a plain password does not)."""
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == SCHEME and all(part.isdigit() for part in parts[1:4])


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from; the comparison takes constant time."""
    if not is_hash(stored):
        return False
    _, n, r, p, salt, expected = stored.split("$")
    try:
        derived = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
        return hmac.compare_digest(derived, base64.b64decode(expected))
    except ValueError:  # a corrupted entry (bad base64, parameters scrypt refuses) matches nothing
        return False


def same_secret(given: str, expected: str) -> bool:
    """Constant-time equality of two secrets of any length (digests hide the length too)."""
    digest = hashlib.sha256
    return hmac.compare_digest(digest(given.encode()).digest(), digest(expected.encode()).digest())


# Checked when the name is unknown, so an unknown name costs the same hash as a known one.
_DUMMY_HASH = "$".join([SCHEME, str(N), str(R), str(P), _b64(bytes(16)), _b64(bytes(32))])


def check_login(users: dict[str, str], name: str, password: str) -> bool:
    """Whether ``name`` is a user and ``password`` theirs; timing does not tell which part failed."""
    stored = users.get(name)
    valid = verify_password(password, stored or _DUMMY_HASH)
    return valid and stored is not None
