"""The score files (campus_scores.csv, group_scores.csv): every problem names file and line."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupctl.errors import DataError
from groupctl.loaders import inspect_data, load_data, load_scores
from groupctl.model import Scores
from groupctl.numbers import normalize, parse_score
from tests.scores_data import CAMPUS_SCORES, GROUP_SCORES, write_scores


def scores_of(write_data, **files) -> Scores:
    d = write_scores(write_data, **files)
    return load_scores(load_data(d), "assess")


def error_of(write_data, **files) -> DataError:
    d = write_scores(write_data, **files)
    with pytest.raises(DataError) as err:
        load_scores(load_data(d), "assess")
    return err.value


def test_the_fixture_reads_with_two_decimals(write_data):
    s = scores_of(write_data)
    assert [(r.year, r.campus, str(r.score), r.line) for r in s.campuses] == [
        (2023, "g1-main", "90.00", 2),
        (2023, "g1-east", "85.50", 3),
        (2023, "g1-west", "80.00", 4),
        (2023, "k1-main", "70.00", 5),
        (2023, "k1-south", "59.99", 6),
    ]
    assert [(g.group, str(g.party_building), str(g.comprehensive)) for g in s.groups] == [
        ("g1", "88.00", "84.00"),
        ("k1", "60.00", "62.00"),
    ]
    assert s.campus(2023, "g1-east") is s.campuses[1]
    assert s.group(2024, "g1") is None


CHINESE_CAMPUS = "年度,校区,得分\n２０２３,甲教育集团总校,９０．００\n2023,g1-east,85.5\n"
CHINESE_GROUP = "学年,集团,党建,综合\n2023,甲教育集团,88,84\n2023-2024,k1,60,62\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_chinese_headers_names_and_encodings(write_data, encoding):
    s = scores_of(
        write_data,
        campus=CHINESE_CAMPUS.encode(encoding),
        group=CHINESE_GROUP.encode(encoding),
    )
    assert [(r.campus, r.score) for r in s.campuses] == [
        ("g1-main", Decimal("90.00")),
        ("g1-east", Decimal("85.50")),
    ]
    assert [(g.year, g.group) for g in s.groups] == [(2023, "g1"), (2023, "k1")]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2023,g1-east,88.555", "score has more than two decimals, got '88.555'"),
        ("2023,g1-east,100.01", "score must be from 0 to 100, got '100.01'"),
        ("2023,g1-east,-1", "score must be a number from 0 to 100, got '-1'"),
        ("2023,g1-east,", "score must be a number from 0 to 100, got ''"),
        ("2023,g1-east,八十", "score must be a number from 0 to 100, got '八十'"),
        ("2023,g1-east,1e2", "score must be a number from 0 to 100, got '1e2'"),
        ("2023,nowhere,80", "unknown campus 'nowhere' (not in pilots.yaml)"),
        ("20x3,g1-east,80", "year must be a school year like 2023, got '20x3'"),
        ("2023,g1-main,80", "duplicate score for 2023 g1-main (first at line 2)"),
    ],
)
def test_campus_score_errors_name_the_line(write_data, row, message):
    err = error_of(write_data, campus="year,campus,score\n2023,g1-main,90\n" + row + "\n")
    assert (err.file, err.line, str(err.message)) == ("campus_scores.csv", 3, message)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2023,k1,60,100.5", "comprehensive must be from 0 to 100, got '100.5'"),
        ("2023,k1,6o,62", "party_building must be a number from 0 to 100, got '6o'"),
        ("2023,k1,60.001,62", "party_building has more than two decimals, got '60.001'"),
        ("2023,k2,60,62", "unknown group 'k2' (not in pilots.yaml)"),
        ("2023,甲教育集团,60,62", "duplicate scores for 2023 g1 (first at line 2)"),
    ],
)
def test_group_score_errors_name_the_line(write_data, row, message):
    text = "year,group,party_building,comprehensive\n2023,g1,88,84\n" + row + "\n"
    err = error_of(write_data, group=text)
    assert (err.file, err.line, str(err.message)) == ("group_scores.csv", 3, message)


def test_a_missing_column_is_an_error_on_the_header(write_data):
    err = error_of(write_data, group="year,group,party_building\n2023,g1,88\n")
    assert (err.file, err.line, str(err.message)) == (
        "group_scores.csv",
        1,
        "missing column(s): comprehensive",
    )


@pytest.mark.parametrize("missing", ["campus", "group"])
def test_a_missing_file_is_an_error_naming_it_and_the_command(write_data, missing):
    d = write_scores(write_data, **{missing: None})
    with pytest.raises(DataError) as err:
        load_scores(load_data(d), "allowance")
    name = f"{missing}_scores.csv"
    assert (err.value.file, err.value.line) == (name, None)
    assert str(err.value.message) == (
        f"missing: 'groupctl allowance' needs this file in the data directory ({d})"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["funding", "2023"],
        ["staffing", "2023"],
        ["groups"],
        ["approve", "45000", "--campus", "g1-east"],
    ],
)
def test_other_commands_never_read_the_score_files(cli, write_data, args):
    d = write_scores(
        write_data,
        campus="year,campus,score\n2023,g1-east,bad\n",
        group="year,group\n2023,g1\n",  # columns missing too
    )
    result = cli(*args, "--data", str(d))
    assert result.exit_code == 0, result.stderr
    assert "scores" not in result.stderr


def test_check_reports_score_problems_and_gaps(write_data):
    campus = CAMPUS_SCORES.replace("2023,g1-east,85.50\n", "") + "2024,g1-west,70\n"
    group = GROUP_SCORES + "2023,k1,1,1\n"
    d = write_scores(write_data, campus=campus, group=group)
    _, problems = inspect_data(d, with_scores=True)
    assert [(p.severity, p.file, p.line, str(p.message)) for p in problems.items] == [
        ("warning", "campus_scores.csv", 6, "campus 'g1-west' is not in its group in 2024"),
        ("error", "group_scores.csv", 4, "duplicate scores for 2023 k1 (first at line 3)"),
        (
            "warning",
            "campus_scores.csv",
            None,
            "no score for 2023 for campus g1-east (甲教育集团东校区)",
        ),
        (
            "warning",
            "campus_scores.csv",
            None,
            "no score for 2024 for campus g1-main (甲教育集团总校)",
        ),
        (
            "warning",
            "campus_scores.csv",
            None,
            "no score for 2024 for campus g1-east (甲教育集团东校区)",
        ),
        (
            "warning",
            "campus_scores.csv",
            None,
            "no score for 2024 for campus g1-new (甲教育集团新校区)",
        ),
        (
            "warning",
            "campus_scores.csv",
            None,
            "no score for 2024 for campus k1-main (乙幼儿园教育集团总园)",
        ),
        (
            "warning",
            "campus_scores.csv",
            None,
            "no score for 2024 for campus k1-south (乙幼儿园教育集团南分园)",
        ),
    ]


def test_check_without_score_files_is_quiet_about_them(write_data):
    _, problems = inspect_data(write_data(), with_scores=True)
    assert problems.items == []


# --------------------------------------------------------------------------- parse_score

cents = st.integers(min_value=0, max_value=10000)


def full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() or ch == "." else ch for ch in text)


@given(cents, st.integers(min_value=0, max_value=3))
def test_any_score_with_at_most_two_decimals_reads_exactly(n, zeros):
    value = Decimal(n).scaleb(-2)
    text = f"{value:.2f}" + "0" * zeros
    assert parse_score(text) == value
    assert str(parse_score(text)) == f"{value:.2f}"  # always two decimals
    assert parse_score(full_width(text)) == value
    if n % 100 == 0:
        assert parse_score(str(n // 100)) == value


@given(st.integers(min_value=0, max_value=100000).filter(lambda n: n % 10))
def test_a_third_decimal_is_refused(n):
    text = f"{Decimal(n).scaleb(-3):.3f}"
    with pytest.raises(ValueError, match="more than two decimals"):
        parse_score(text)


@given(st.integers(min_value=10001, max_value=10**8))
def test_above_100_is_refused(n):
    with pytest.raises(ValueError, match="from 0 to 100"):
        parse_score(f"{Decimal(n).scaleb(-2):.2f}")


# number-like text, so that the property can fail: plain numbers with up to four decimals
# (some above 100), the same in full width or with a sign, comma, exponent or percent
# around them, and anything made of those characters
plain_numbers = st.builds(
    lambda n, places: f"{Decimal(n).scaleb(-places):f}",
    st.integers(min_value=0, max_value=12_000),
    st.integers(min_value=0, max_value=4),
)
NUMBER_LIKE = r"[ 　]?[-+]?[0-9０-９]{0,4}([.．,][0-9０-９]{0,4}){0,2}([eE][-+]?[0-9])?[ 　%]?"
number_like = (
    plain_numbers
    | plain_numbers.map(full_width)
    | st.tuples(
        st.sampled_from(["", " ", "+", "-", "　", "１"]),
        plain_numbers,
        st.sampled_from(["", " ", "%", "e2", ",000", ".", ".0"]),
    ).map("".join)
    | st.from_regex(NUMBER_LIKE, fullmatch=True)
)
PLAIN_SCORE = re.compile(r"[0-9]+(\.[0-9]+)?")


@settings(max_examples=400)  # cheap, and the texts that get through are few
@given(number_like)
def test_parse_score_accepts_nothing_else(text):
    try:
        value = parse_score(text)
    except ValueError:
        return
    s = normalize(text)
    assert PLAIN_SCORE.fullmatch(s), s  # digits and one point, nothing around them
    assert Decimal(0) <= value <= Decimal(100)
    assert value == value.quantize(Decimal("0.01"))
    assert Decimal(s) == value  # no decimal rounded away
