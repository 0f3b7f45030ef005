"""Parsing numbers as clerks type them: full-width digits, thousands separators.

Everything here is exact: whole numbers are ``int``, fractional ones ``Decimal``.
"""

from __future__ import annotations

import math
import re
import reprlib
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from groupctl.catalogue import Msg, Pair, msg
from groupctl.errors import UsageError


class NumberError(UsageError, ValueError):
    """A number as typed that is not acceptable, with the reason as a catalogue ``Msg``.

    A ``ValueError`` (what parsing raises) and a ``UsageError``: a value typed on the
    command line (an AMOUNT, a YEAR) reaches the user as it is; a loader that reads the
    value from a file puts ``message`` into its own problem, naming the column."""


# digits, optionally grouped by thousands (1,200), then optionally a fraction
_NUMBER = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")

CENT = Decimal("0.01")


def normalize(text: str) -> str:
    """Full-width digits, commas and points folded to ASCII; outer blanks dropped."""
    return unicodedata.normalize("NFKC", text).strip()


def name_key(text: str) -> str:
    """A name as lookups compare it: full- and half-width brackets alike, no spaces, and
    Latin letters in one case (``总校（宣和中学）`` = ``总校(宣和中学)``, ``QIXIAO`` = ``qixiao``)."""
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold is lower (campus ids)
        return "".join(text.split()).lower()
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
            return _magnitude(value)  # str() of it could be refused
        return clip(str(value), SHOWN)
    return clip(_SHORT.repr(value), SHOWN)


def bare(value: object) -> str:
    """A value as ``show`` quotes it, without the quotes: the catalogue's text puts them
    around it, as each language writes quotes (“12a” in Chinese, '12a' in English).  A
    date is shown as it is written in a file (2023-09-01)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    shown = show(value)
    return shown[1:-1] if isinstance(value, str) else shown


def column_name(header: str, chinese: str | None = None) -> Msg:
    """A data file's column at the start of a sentence: in Chinese by its Chinese name
    (在校生数, SPEC §4) when it has one, in English as its header row writes it (students).
    In Chinese a Latin name is set off from the Chinese that follows by a space."""
    zh = chinese or header
    latin = zh[-1:].isascii()
    return msg("csv.column.latin" if latin else "csv.column", name=Pair(zh, header))


def quoted(value: object) -> Msg:
    """A value as a message quotes it, bounded as ``show`` bounds it: in Chinese always in
    “”; in English text in quotes ('12a') and a number, a date or a list plainly (2023.5,
    2023-09-01), for a number typed as a number in a YAML file is no text."""
    return msg("value.text" if isinstance(value, str) else "value.other", text=bare(value))


def _magnitude(value: int) -> str:
    """A number too long to print, by its size: ``≈10^4321`` (the same in any language)."""
    sign = "-" if value < 0 else ""
    return f"{sign}≈10^{int(math.log10(abs(value)))}"


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
    if text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS:  # 1200: most cells
        return int(text)
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


def require_school_year(text: str) -> int:
    """``parse_school_year``, raising ``NumberError`` for text that is no school year."""
    year = parse_school_year(text)
    if year is None:
        raise NumberError(msg("number.school_year", value=quoted(text)))
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
    (and full-width forms).  Raises ``NumberError`` with the reason otherwise.
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
        raise NumberError(msg("number.amount.not_money", value=quoted(text)))
    # Check the digits before any arithmetic, so that Decimal's 28-digit context
    # never rounds: 39999.9999999999999999999999999 must not become 40000.00.
    whole, fraction = match.group(1).replace(",", ""), match.group(2) or ""
    shift = 4 if scale == _WAN else 0
    if len(fraction.rstrip("0")) > 2 + shift:
        raise NumberError(msg("number.amount.decimals", value=quoted(text)))
    if len(whole.lstrip("0")) + shift > len(str(MAX_AMOUNT)) - 1:
        raise NumberError(msg("number.amount.too_large", value=quoted(text)))
    value = Decimal(s.replace(",", "")) * scale
    if value <= 0:
        raise NumberError(msg("number.amount.not_positive", value=quoted(text)))
    if value >= MAX_AMOUNT:
        raise NumberError(msg("number.amount.too_large", value=quoted(text)))
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


def parse_score(text: str, column: str | Msg = "score") -> Decimal:
    """An assessment score from 0 to 100 with at most two decimals, as ``Decimal`` with two.

    Accepts full-width digits (``８８．５``); raises ``NumberError`` with the reason
    otherwise, naming the value as ``column`` (a column's name, or a ``Msg`` for one).
    """
    if isinstance(column, str):
        column = column_name(column, "得分" if column == "score" else None)
    s = _number_text(text)
    match = None if s is None else _SCORE.fullmatch(s)
    if s is None or match is None:
        raise NumberError(msg("number.score.not_number", column=column, value=quoted(text)))
    decimals = match.group(1) or ""
    if len(decimals.rstrip("0")) > 2:
        raise NumberError(msg("number.score.decimals", column=column, value=quoted(text)))
    value = Decimal(s)
    if value > SCORE_MAX:
        raise NumberError(msg("number.score.too_large", column=column, value=quoted(text)))
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
