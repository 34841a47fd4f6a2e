"""Exact money arithmetic on numpy int64 arrays.

Money is in fen (0.01 yuan) as int64; ratios are int64 numerators over RATIO_SCALE (10**9), so a
ratio never passes through binary floating point: the values OpenFisca parameters hold (YAML
decimals such as 0.3, read as Python floats) are turned back into the decimal they were written
as with ``Decimal(repr(x))``, which is exact for any decimal of up to 15 significant digits, and
refused if it needs more than nine decimals. Applying a ratio rounds DOWN to the fen, as
docs/policy-reading.md requires, without overflow for any amount the input format accepts (at most 10**15
fen) and any ratio up to 9 (900%).
"""
from __future__ import annotations

import math
from decimal import Decimal

import numpy as np

RATIO_SCALE = 10**9
NO_CAP = np.iinfo(np.int64).max
INT64_MAX = int(np.iinfo(np.int64).max)
MAX_RATIO_NUMERATOR = 9 * RATIO_SCALE


def _decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise TypeError(f"expected a number, found {value!r}")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def ratio_numerator(value) -> int:
    """A parameter's ratio (0.3, "30%", 1) as an integer numerator over RATIO_SCALE."""
    text = str(value).strip()
    if text.endswith("%"):
        d = Decimal(text[:-1]) / 100
    else:
        d = _decimal(value)
    scaled = d * RATIO_SCALE
    if scaled != scaled.to_integral_value() or scaled < 0 or scaled > MAX_RATIO_NUMERATOR:
        raise ValueError(f"ratio {value!r} is not a decimal between 0 and 9 with at most 9 decimals")
    return int(scaled)


def yuan_to_fen(value) -> int:
    """A parameter's amount in yuan (20000000, 0.5) as integer fen."""
    scaled = _decimal(value) * 100
    if scaled != scaled.to_integral_value() or scaled < 0:
        raise ValueError(f"amount {value!r} is not a non-negative number of yuan with at most 2 decimals")
    return int(scaled)


def apply_ratio(fen: np.ndarray, numerator) -> np.ndarray:
    """floor(fen × numerator / 10**9) for non-negative fen, exactly, in int64.

    Fast path: when the ratio is the same for every project (the usual case), it is reduced to
    its lowest terms (0.3 = 3/10, 0.05 = 1/20) and, if fen × numerator cannot overflow, applied
    as fen × a // b with a scalar divisor. Otherwise fen = q·10**9 + r with r < 10**9, and
    fen × n / 10**9 = q·n + r·n / 10**9, where r·n stays below 9·10**18 for n ≤ 9·10**9 and q·n
    below 10**16.
    """
    fen = np.asarray(fen, dtype=np.int64)
    n = np.asarray(numerator, dtype=np.int64)
    if n.ndim > 0 and n.size > 0 and n.min() == n.max():
        n = n.reshape(-1)[0]
    if n.ndim == 0:
        a = int(n)
        g = math.gcd(a, RATIO_SCALE)
        a, b = a // g, RATIO_SCALE // g
        if fen.size == 0 or a == 0 or int(fen.max()) <= INT64_MAX // a:
            return fen * a // b
    q, r = np.divmod(fen, RATIO_SCALE)
    return q * n + (r * n) // RATIO_SCALE


def mul_div(fen: np.ndarray, weight: np.ndarray, divisor: int) -> np.ndarray:
    """floor(fen × weight / divisor) for non-negative int64 arrays, exactly, without overflow for
    fen ≤ 10**15, weight < 2**40 and divisor < 2**40 (N1: weight is Σ rate × days in parts per
    10**9, divisor 10**9 × the days of the year).

    fen = q·D + r (r < D); fen·W/D = q·W + r·W/D. With W = w1·2**20 + w0 and r·w1 = t1·D + t0:
    r·W/D = t1·2**20 + (t0·2**20 + r·w0)/D, every product below 2**63.
    """
    fen = np.asarray(fen, dtype=np.int64)
    w = np.asarray(weight, dtype=np.int64)
    d = np.int64(divisor)
    q, r = np.divmod(fen, d)
    w1, w0 = np.divmod(w, np.int64(1 << 20))
    t1, t0 = np.divmod(r * w1, d)
    return q * w + t1 * np.int64(1 << 20) + (t0 * np.int64(1 << 20) + r * w0) // d


def cap(amount: np.ndarray, limit) -> np.ndarray:
    """min(amount, limit); NO_CAP where there is no cap."""
    return np.minimum(amount, np.asarray(limit, dtype=np.int64))


def fen_to_text(fen: int) -> str:
    """1234567 → "12345.67" (the decimal string of the totals JSON)."""
    fen = int(fen)
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"
