"""Parsing numbers as clerks type them: full-width digits, thousands separators.

Everything here is exact: whole numbers are ``int``, fractional ones ``Decimal``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

_WHOLE = re.compile(r"[0-9]{1,3}(,[0-9]{3})+|[0-9]+")
_DECIMAL = re.compile(r"([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?")

CENT = Decimal("0.01")


def normalize(text: str) -> str:
    """Full-width digits, commas and points folded to ASCII; outer blanks dropped."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_whole(text: str) -> int | None:
    """A whole number ≥ 0 (``1200``, ``1,200``, ``１２００``), or None if it is not one."""
    s = normalize(text)
    if not _WHOLE.fullmatch(s):
        return None
    return int(s.replace(",", ""))


def parse_decimal(text: str) -> Decimal | None:
    """A non-negative decimal (``88.5``, ``1,200.25``), or None if it is not one."""
    s = normalize(text)
    if not _DECIMAL.fullmatch(s):
        return None
    return Decimal(s.replace(",", ""))


def round_half_up(value: Decimal, places: Decimal = Decimal(1)) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def yuan(value: int | Decimal) -> str:
    """Money for display: thousands separators, fen only when there are any."""
    if isinstance(value, int) or value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.quantize(CENT):,}"
