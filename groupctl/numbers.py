"""Parsing numbers as clerks type them: full-width digits, thousands separators.

Everything here is exact: whole numbers are ``int``, fractional ones ``Decimal``.
"""

from __future__ import annotations

import re
import reprlib
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# digits, optionally grouped by thousands (1,200), then optionally a fraction
_NUMBER = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")

CENT = Decimal("0.01")


def normalize(text: str) -> str:
    """Full-width digits, commas and points folded to ASCII; outer blanks dropped."""
    return unicodedata.normalize("NFKC", text).strip()


def name_key(text: str) -> str:
    """A name as lookups compare it: full- and half-width brackets alike, no spaces, and
    Latin letters in one case (``总校（宣和中学）`` = ``总校(宣和中学)``, ``QIXIAO`` = ``qixiao``)."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


SHOWN = 60  # the most characters of a value an error message quotes
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxdict, _SHORT.maxlist, _SHORT.maxtuple, _SHORT.maxset = 2, 3, 3, 3, 3
_SHORT.maxstring = _SHORT.maxother = SHOWN
_SHORT.maxlong = 40


def show(value: object) -> str:
    """A value as an error message quotes it: text in quotes, numbers plain, and never more
    than ``SHOWN`` characters (text: and its two quotes, ``'999999…'``), however long the
    value or however deeply nested (a YAML alias bomb is never expanded into a message)."""
    if isinstance(value, str):
        quoted = repr(value[:SHOWN])  # escapes (\x00) can make it longer than the text
        if len(value) <= SHOWN and len(quoted) <= SHOWN + 2:
            return quoted
        return quoted[:SHOWN] + "…" + quoted[-1]
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        if isinstance(value, int) and value.bit_length() > 4 * SHOWN:
            return f"a number of more than {SHOWN} digits"  # str() of it could be refused
        return clip(str(value), SHOWN)
    return clip(_SHORT.repr(value), SHOWN)


def clip(text: str, width: int = SHOWN) -> str:
    """``text`` cut to at most ``width`` characters, ending in "…" when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def clip_middle(text: str, head: int, tail: int) -> str:
    """``text`` whole when it has at most ``head`` + ``tail`` characters, else its first
    ``head`` and last ``tail`` around "…": a path keeps its file name, a message its end."""
    return text if len(text) <= head + tail else text[:head] + "…" + text[-tail:]


# The most digits a number read from a file or the command line may have.  Far beyond
# any figure of the plan (and beyond Decimal's 28, so that a parameter can be given
# exactly to its 31st decimal), far below Python's 4300-digit limit on int(): a longer
# string is refused as no number rather than crashing or stalling the arithmetic.
MAX_DIGITS = 100
_MAX_NUMBER_TEXT = MAX_DIGITS + MAX_DIGITS // 3 + 1  # with its thousands commas and point


def _number_text(text: str) -> str | None:
    """``text`` normalised, or None when it is too long to be a number at all."""
    s = text.strip()
    if len(s) > 4 * _MAX_NUMBER_TEXT:  # not worth normalising (NFKC shrinks no digits)
        return None
    s = normalize(s)
    if len(s) > _MAX_NUMBER_TEXT or sum(ch.isdigit() for ch in s) > MAX_DIGITS:
        return None
    return s


def is_whole_text(text: str) -> bool:
    """Whether ``text`` is written as a whole number ≥ 0 (digits, maybe grouped by
    thousands), whatever its size: to tell "too large" from "not a number"."""
    match = _NUMBER.fullmatch(normalize(text))
    return match is not None and match.group(2) is None


# The largest count of students, classes, teachers or party members a data file may give
# for one row.  No campus comes near it (the largest schools in China have some tens of
# thousands of pupils); a larger figure is a typing or pasting slip, and refusing it keeps
# every rule's arithmetic far inside exact Decimal range (10^30 students crashed staffing).
MAX_COUNT = 1_000_000


def parse_whole(text: str) -> int | None:
    """A whole number ≥ 0 (``1200``, ``1,200``, ``１２００``), or None if it is not one
    (or has more than ``MAX_DIGITS`` digits)."""
    s = _number_text(text)
    if s is None:
        return None
    match = _NUMBER.fullmatch(s)
    if match is None or match.group(2) is not None:
        return None
    return int(s.replace(",", ""))


FIRST_YEAR, LAST_YEAR = 1900, 2200
_SCHOOL_YEAR = re.compile(r"([0-9]{4})\s*(?:[-–—~/至]\s*([0-9]{2}|[0-9]{4}))?\s*(?:学年)?")


def parse_school_year(text: str) -> int | None:
    """A school year by its first calendar year: ``2023``, ``２０２３``, ``2023-2024``, ``2023–24``."""
    match = _SCHOOL_YEAR.fullmatch(normalize(text))
    if match is None:
        return None
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    second = match.group(2)
    if second is not None and int(second) not in (year + 1, (year + 1) % 100):
        return None
    return year


def parse_decimal(text: str) -> Decimal | None:
    """A non-negative decimal (``88.5``, ``1,200.25``), or None if it is not one (or has
    more than ``MAX_DIGITS`` digits)."""
    s = _number_text(text)
    if s is None or not _NUMBER.fullmatch(s):
        return None
    return Decimal(s.replace(",", ""))


def round_half_up(value: Decimal, places: Decimal = Decimal(1)) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def yuan(value: int | Decimal) -> str:
    """Money for display: thousands separators, fen only when there are any."""
    if isinstance(value, int) or value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.quantize(CENT):,}"


# --------------------------------------------------------------------------- amounts of money

_WAN = Decimal(10000)
MAX_AMOUNT = Decimal(10) ** 12  # a trillion yuan: anything larger is a typing slip


def parse_amount(text: str) -> Decimal:
    """A positive sum of money as clerks write it, exact to the fen.

    Accepts ``45000``, ``45,000``, ``45000.50``, ``4.5万``, ``￥45000``, ``45000元``
    (and full-width forms).  Raises ValueError with a reason otherwise.
    """
    s = normalize(text).replace(" ", "")
    for prefix in ("¥", "￥", "RMB", "CNY"):
        if s.upper().startswith(prefix):
            s = s[len(prefix) :]
            break
    if s.endswith("元"):
        s = s[:-1]
    scale = Decimal(1)
    if s.endswith("万"):
        s, scale = s[:-1], _WAN
    match = _NUMBER.fullmatch(s)
    if match is None:
        raise ValueError(
            f"{show(text)} is not a sum of money (write e.g. 45000, 45,000.50, 4.5万, ￥45000)"
        )
    # Check the digits before any arithmetic, so that Decimal's 28-digit context
    # never rounds: 39999.9999999999999999999999999 must not become 40000.00.
    whole, fraction = match.group(1).replace(",", ""), match.group(2) or ""
    shift = 4 if scale == _WAN else 0
    if len(fraction.rstrip("0")) > 2 + shift:
        raise ValueError(f"{show(text)} has more than two decimals of yuan (fen)")
    if len(whole.lstrip("0")) + shift > len(str(MAX_AMOUNT)) - 1:
        raise ValueError(f"{show(text)} is too large to be an expenditure")
    value = Decimal(s.replace(",", "")) * scale
    if value <= 0:
        raise ValueError(f"{show(text)} is not a positive sum of money")
    if value >= MAX_AMOUNT:
        raise ValueError(f"{show(text)} is too large to be an expenditure")
    return value.quantize(CENT)


def fixed(value: int | Decimal, places: int) -> Decimal:
    """``value`` rounded half up to exactly ``places`` decimals: how every figure is shown."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def yuan_fen(value: int | Decimal) -> str:
    """Money for display with exactly two decimals and thousands separators."""
    return f"{fixed(value, 2):,}"


def money(value: int | Decimal) -> str:
    """Money with exactly two decimals, as JSON and CSV carry it."""
    return str(fixed(value, 2))


# --------------------------------------------------------------------------- scores and exact sums

SCORE_MAX = Decimal(100)  # the scale every assessment score is given on (SPEC §2)
_SCORE = re.compile(r"[0-9]+(?:\.([0-9]+))?")


def parse_score(text: str) -> Decimal:
    """An assessment score from 0 to 100 with at most two decimals, as ``Decimal`` with two.

    Accepts full-width digits (``８８．５``); raises ValueError with a reason otherwise.
    """
    s = _number_text(text)
    match = None if s is None else _SCORE.fullmatch(s)
    if s is None or match is None:
        raise ValueError(f"must be a number from 0 to 100, got {show(text)}")
    decimals = match.group(1) or ""
    if len(decimals.rstrip("0")) > 2:
        raise ValueError(f"has more than two decimals, got {show(text)}")
    value = Decimal(s)
    if value > SCORE_MAX:
        raise ValueError(f"must be from 0 to 100, got {show(text)}")
    return value.quantize(CENT)


def exact_decimal(value: Fraction) -> Decimal | None:
    """``value`` as an exact Decimal, or None when its decimal expansion never ends."""
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    scaled = value * 10**places
    assert scaled.denominator == 1
    return Decimal(f"{scaled.numerator}e-{places}")  # from text: exact at any length


def round_fraction_half_up(value: Fraction, places: int = 2) -> Decimal:
    """An exact fraction ≥ 0 rounded half up to ``places`` decimals (89.995 → 90.00)."""
    if value < 0:
        raise ValueError(f"{value} is negative")
    scaled = value * 10**places
    whole = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(whole).scaleb(-places).quantize(Decimal(1).scaleb(-places))
