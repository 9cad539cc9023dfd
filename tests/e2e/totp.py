"""RFC 6238 TOTP codes, computed by the tests themselves (HMAC-SHA1, 6 digits, 30-second steps)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def totp(seed_base32: str, at: float | None = None, step_offset: int = 0) -> str:
    """The code of `seed_base32` for the time step containing `at` (now), moved by `step_offset` steps."""
    key = base64.b32decode(seed_base32 + "=" * (-len(seed_base32) % 8))
    counter = int((time.time() if at is None else at) // 30) + step_offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def wait_for_fresh_step(margin: float = 3.0) -> None:
    """Sleeps into the next 30-second step when the current one ends within `margin` seconds, so that two
    consecutive codes computed now stay valid while they are used."""
    remaining = 30 - time.time() % 30
    if remaining < margin:
        time.sleep(remaining + 0.2)
