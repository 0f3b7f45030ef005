"""staff.csv: optional, read like campuses.csv, every problem with file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from groupctl.errors import DataError
from groupctl.loaders import inspect_data, load_data

HEADER = "year,campus,teachers,party_members\n"

# The conftest fixture's campuses in 2023: g1-main, g1-east, g1-west, k1-main, k1-south.
STAFF_2023 = (
    HEADER
    + "2023,g1-main,60,12\n"
    + "2023,g1-east,30,7\n"
    + "2023,g1-west,15,2\n"
    + "2023,k1-main,3,3\n"
    + "2023,k1-south,3,0\n"
)


def with_staff(write_data: Callable[..., Path], staff: str | bytes, **files: str) -> Path:
    d = write_data(**files)
    if isinstance(staff, bytes):
        (d / "staff.csv").write_bytes(staff)
    else:
        (d / "staff.csv").write_text(staff, encoding="utf-8")
    return d


def test_staff_csv_is_optional(write_data):
    data = load_data(write_data())
    assert data.staff is None
    assert [p.name for p in data.files] == ["pilots.yaml", "campuses.csv"]


def test_staff_rows_are_read_by_year_and_campus(write_data):
    data = load_data(with_staff(write_data, STAFF_2023))
    assert data.staff is not None
    row = data.staff.get(2023, "g1-east")
    assert row is not None
    assert (row.teachers, row.party_members, row.line) == (30, 7, 3)
    assert data.staff.get(2024, "g1-east") is None
    assert data.staff.years() == (2023,)
    assert [p.name for p in data.files] == ["pilots.yaml", "campuses.csv", "staff.csv"]


CHINESE = (
    "年度,校区,在编教师数,党员数\n"
    "２０２３,甲教育集团总校,６０,12\n"
    '2023,g1-east,"1,030",7\n'
    "2023,g1-west,15,2\n"
    "2023,k1-main,3,3\n"
    "2023,乙幼儿园教育集团南分园,3,0\n"
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: s.encode("utf-8-sig"),
        lambda s: s.encode("gbk"),
        lambda s: s.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030-crlf"],
)
def test_chinese_headers_encodings_and_digits(write_data, encode):
    data = load_data(with_staff(write_data, encode(CHINESE)))
    assert data.staff is not None
    got = {(r.campus, r.teachers, r.party_members) for r in data.staff.rows}
    assert got == {
        ("g1-main", 60, 12),
        ("g1-east", 1030, 7),
        ("g1-west", 15, 2),
        ("k1-main", 3, 3),
        ("k1-south", 3, 0),
    }


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2023,g1-east,-3,7", "teachers must be a whole number ≥ 0, got '-3'"),
        ("2023,g1-east,30,-1", "party_members must be a whole number ≥ 0, got '-1'"),
        ("2023,g1-east,thirty,7", "teachers must be a whole number ≥ 0, got 'thirty'"),
        ("2023,g1-east,30,7.5", "party_members must be a whole number ≥ 0, got '7.5'"),
        ("2023,nowhere,30,7", "unknown campus 'nowhere' (not in pilots.yaml)"),
        ("20x3,g1-east,30,7", "year must be a school year like 2023, got '20x3'"),
        ("2023,g1-main,30,7", "duplicate row for 2023 g1-main (first at line 2)"),
        ("2023,g1-east,30,7,1", "5 fields, but the header has 4"),
    ],
)
def test_bad_rows_name_file_and_line(write_data, row, message):
    d = with_staff(write_data, HEADER + "2023,g1-main,60,12\n" + row + "\n")
    with pytest.raises(DataError) as err:
        load_data(d)
    assert (err.value.file, err.value.line, str(err.value.message)) == ("staff.csv", 3, message)


def test_a_missing_column_is_an_error_on_the_header(write_data):
    d = with_staff(write_data, "year,campus,teachers\n2023,g1-main,60\n")
    with pytest.raises(DataError) as err:
        load_data(d)
    assert (err.value.file, err.value.line) == ("staff.csv", 1)
    assert str(err.value.message) == "missing column(s): party_members"


def test_check_collects_every_staff_problem(write_data):
    staff = HEADER + "2023,g1-main,x,1\n2023,ghost,1,1\n2023,g1-east,1,-1\n"
    _, problems = inspect_data(with_staff(write_data, staff))
    assert [(p.file, p.line) for p in problems.errors] == [
        ("staff.csv", 2),
        ("staff.csv", 3),
        ("staff.csv", 4),
    ]


def test_a_campus_left_out_of_a_covered_year_is_a_warning_for_check(write_data):
    staff = STAFF_2023.replace("2023,g1-west,15,2\n", "")
    dataset, problems = inspect_data(with_staff(write_data, staff))
    assert dataset is not None  # only `staffing` for that year stops on it
    assert [(p.file, p.line, str(p.message)) for p in problems.warnings] == [
        (
            "staff.csv",
            None,
            "no row for 2023 for campus g1-west (甲教育集团西校区);"
            " 'groupctl staffing 2023' needs one",
        )
    ]


def test_a_row_for_a_campus_outside_its_group_is_a_warning(write_data):
    staff = STAFF_2023 + "2024,g1-west,15,2\n"  # g1-west left after 2023
    _, problems = inspect_data(with_staff(write_data, staff))
    assert ("staff.csv", 7, "campus 'g1-west' is not in its group in 2024") in [
        (p.file, p.line, str(p.message)) for p in problems.warnings
    ]
