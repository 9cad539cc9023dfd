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


def fresh_step() -> float:
    """A time well inside a 30-second step (sleeping into the next one if this one ends within 5 s), so that
    codes computed for it are still current when sent."""
    now = time.time()
    if now % 30 > 25:
        time.sleep(30 - now % 30 + 0.5)
    return time.time()
