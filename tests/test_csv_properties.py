"""Property tests of the number parsers and the CSV reader (issue 10).

Whatever text or bytes arrive, each parser either returns the right value or says no
in the project's way (None, or ValueError with a bounded reason, which the callers turn
into a DataError or UsageError), and the CSV reader turns any file into rows and
problems, never an exception.  Examples are few enough for the whole file to run in
about a second.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from groupctl.loaders import CAMPUSES, STAGE_ALIASES, inspect_data, load_data
from groupctl.numbers import (
    MAX_AMOUNT,
    MAX_COUNT,
    MAX_DIGITS,
    SHOWN,
    normalize,
    parse_amount,
    parse_decimal,
    parse_school_year,
    parse_score,
    parse_whole,
    show,
)
from groupctl.problems import MAX_LISTED
from tests.conftest import PILOTS

FAST = settings(max_examples=80)
FILES = settings(max_examples=40)
REASON = 200  # the longest a parser's reason may be: it quotes a bounded value

FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")

# Text that looks like numbers more often than st.text() alone would.
NUMBERISH = st.text(alphabet="0123456789,. -+e万元¥￥０１２３４５６７８９，．", max_size=40)
ANY_TEXT = st.one_of(
    st.text(max_size=60),
    NUMBERISH,
    st.integers(min_value=0, max_value=10**400).map(str),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
)


def reason_is_bounded(exc: ValueError) -> None:
    assert len(str(exc)) <= REASON, str(exc)


# --------------------------------------------------------------------------- whole numbers


@FAST
@given(st.integers(min_value=0, max_value=10**120))
def test_whole_numbers_read_back(n):
    for text in (str(n), f"{n:,}", f" {n} ", str(n).translate(FULL_WIDTH)):
        assert parse_whole(text) == (n if len(str(n)) <= MAX_DIGITS else None)


@FAST
@given(ANY_TEXT)
@example("1" * 5000)
@example("1,000,000,000")
@example("1,00")
def test_whole_is_a_number_or_none(text):
    value = parse_whole(text)
    if value is not None:
        digits = normalize(text).replace(",", "")
        assert digits.isascii() and digits.isdigit()
        assert value == int(digits) >= 0


# --------------------------------------------------------------------------- decimals


@FAST
@given(st.decimals(min_value=0, max_value=10**40, allow_nan=False, allow_infinity=False, places=6))
def test_decimals_read_back(d):
    text = format(d, "f")
    assert parse_decimal(text) == d
    assert parse_decimal(text.translate(FULL_WIDTH)) == d


@FAST
@given(ANY_TEXT)
@example("0." + "1" * 5000)
def test_decimal_is_a_number_or_none(text):
    value = parse_decimal(text)
    if value is not None:
        assert value.is_finite() and value >= 0
        assert value == Decimal(normalize(text).replace(",", ""))


# --------------------------------------------------------------------------- amounts


@FAST
@given(st.integers(min_value=1, max_value=int(MAX_AMOUNT) * 100 - 1))
def test_amounts_read_back_to_the_fen(fen):
    yuan, cents = divmod(fen, 100)
    expected = Decimal(fen) / 100
    for text in (f"{yuan}.{cents:02d}", f"￥{yuan:,}.{cents:02d}", f"{yuan}.{cents:02d}元"):
        assert parse_amount(text) == expected


@FAST
@given(ANY_TEXT)
@example("9" * 5000)
@example("4.5万")
def test_amount_is_money_or_a_reason(text):
    try:
        value = parse_amount(text)
    except ValueError as exc:
        reason_is_bounded(exc)
        return
    assert 0 < value < MAX_AMOUNT
    assert value == value.quantize(Decimal("0.01"))


# --------------------------------------------------------------------------- scores


@FAST
@given(st.integers(min_value=0, max_value=10_000))
def test_scores_read_back(hundredths):
    whole, part = divmod(hundredths, 100)
    expected = Decimal(hundredths) / 100
    assert parse_score(f"{whole}.{part:02d}") == expected
    assert parse_score(f"{whole}.{part:02d}".translate(FULL_WIDTH)) == expected


@FAST
@given(ANY_TEXT)
@example("1" * 5000)
@example("0." + "5" * 5000)
def test_score_is_a_score_or_a_reason(text):
    try:
        value = parse_score(text)
    except ValueError as exc:
        reason_is_bounded(exc)
        return
    assert 0 <= value <= 100
    assert value == value.quantize(Decimal("0.01"))


# --------------------------------------------------------------------------- school years


@FAST
@given(st.integers(min_value=1900, max_value=2200))
def test_school_years_read_back(year):
    for text in (str(year), f"{year}-{year + 1}", f"{year}–{(year + 1) % 100:02d}", f"{year}学年"):
        assert parse_school_year(text) == year
        assert parse_school_year(text.translate(FULL_WIDTH)) == year


@FAST
@given(ANY_TEXT)
@example("2023-" + "1" * 5000)
def test_school_year_is_a_year_or_none(text):
    year = parse_school_year(text)
    assert year is None or 1900 <= year <= 2200


# --------------------------------------------------------------------------- quoting values

VALUES = st.recursive(
    st.one_of(
        st.text(),
        st.integers(),
        st.integers(min_value=10**70, max_value=10**500),
        st.decimals(allow_nan=False),
        st.booleans(),
        st.none(),
    ),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=30,
)


@FAST
@given(VALUES)
@example("x" * 10_000)
@example("\0" * 60)
@example(10**5000)
def test_a_quoted_value_is_bounded(value):
    assert len(show(value)) <= SHOWN + 2  # text: SHOWN characters and its quotes


# --------------------------------------------------------------------------- CSV files


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="csvprop"))
    (d / "pilots.yaml").write_text(PILOTS, encoding="utf-8")
    yield d
    shutil.rmtree(d)


def problems_are_plain(directory: Path) -> None:
    _, problems = inspect_data(directory, with_scores=True)
    for p in problems.items:
        assert p.line is None or p.line >= 1
        assert len(str(p.message)) < 400, str(p.message)
    for file in {p.file for p in problems.items}:
        listed = [p for p in problems.errors if p.file == file]
        assert len(listed) <= MAX_LISTED + 1


CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2023", "g1-main", "primary", "小学", "12", '"', ",", "\n", "\r", "\0"]),
    NUMBERISH,
)


@FILES
@given(st.lists(st.lists(CELL, max_size=7), max_size=8), st.booleans())
def test_any_cells_give_rows_or_problems(folder, rows, quoted):
    out = io.StringIO(newline="")
    out.write("year,campus,stage,students,classes\n")
    if quoted:
        csv.writer(out, lineterminator="\n").writerows(rows)
    else:
        out.write("".join(",".join(r) + "\n" for r in rows))
    (folder / CAMPUSES).write_text(out.getvalue(), encoding="utf-8", newline="")
    problems_are_plain(folder)


@FILES
@given(st.binary(max_size=400))
@example(b"\xff\xfey\x00e\x00")
@example(b"year,campus\r\n\x80\x81\xfe")
def test_any_bytes_give_rows_or_problems(folder, data):
    (folder / CAMPUSES).write_bytes(data)
    problems_are_plain(folder)


CAMPUS_IDS = ["g1-main", "g1-east", "k1-main", "k1-south"]
STAGE_WORDS = sorted(STAGE_ALIASES)


def count_text(n: int, style: int) -> str:
    return [str(n), f"{n:,}", str(n).translate(FULL_WIDTH), f" {n} "][style]


VALID_ROW = st.tuples(
    st.integers(min_value=1900, max_value=2200),
    st.sampled_from(CAMPUS_IDS),
    st.sampled_from(STAGE_WORDS),
    st.integers(min_value=0, max_value=MAX_COUNT),
    st.integers(min_value=1, max_value=MAX_COUNT),
    st.integers(min_value=0, max_value=3),
)


@FILES
@given(st.lists(VALID_ROW, min_size=1, max_size=6, unique_by=lambda r: r[:3]), st.booleans())
@example([(2023, "k1-main", "学前", 300, 10, 0)], True)  # GBK bytes that are UTF-8 too
def test_valid_rows_read_back(folder, rows, gb18030):
    # one stage alias per (year, campus, stage): 小学 and primary are the same stage
    assume(len({(y, c, STAGE_ALIASES[s]) for y, c, s, *_ in rows}) == len(rows))
    lines = ["year,campus,stage,students,classes"]
    for year, campus, stage, students, classes, style in rows:
        lines.append(
            f'{year},{campus},{stage},"{count_text(students, style)}",'
            f'"{count_text(classes, style)}"'
        )
    text = "\n".join(lines) + "\n"
    (folder / CAMPUSES).write_bytes(text.encode("gb18030" if gb18030 else "utf-8"))
    got = {
        (r.year, r.campus, r.stage): (r.students, r.classes)
        for r in load_data(folder).enrollment.rows
    }
    assert got == {(y, c, STAGE_ALIASES[s]): (n, k) for y, c, s, n, k, _ in rows}
