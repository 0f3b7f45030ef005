"""Loading and validating data files: every problem names its file and line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupctl.errors import DataError
from groupctl.loaders import inspect_data, load_data
from groupctl.numbers import normalize, parse_whole
from tests.conftest import CAMPUSES, PILOTS

HEADER = "year,campus,stage,students,classes\n"


def error_of(write_data, **files) -> DataError:
    d = write_data(**files)
    with pytest.raises(DataError) as err:
        load_data(d)
    return err.value


# --------------------------------------------------------------------------- pilots.yaml


def pilots_with(old: str, new: str) -> str:
    assert old in PILOTS
    return PILOTS.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("id: g1-east", "id: g1-main", 12, "duplicate id 'g1-main' (first at line 7)"),
        ("id: g1-east", "id: G1_East", 12, "id 'G1_East' must use only a-z, 0-9 and '-'"),
        ("role: member", "role: partner", 15, "role must be one of lead, member, got 'partner'"),
        (
            "head: 执行校长",
            "head: 校长",
            16,
            "head title must be one of 总校校长, 总园长, 执行校长, 执行园长",
        ),
        (
            "type: school",
            "type: college",
            5,
            "group type must be one of school, kindergarten, got 'college'",
        ),
        (
            "until: 2023",
            "until: 2023\n        from: 2024",
            22,
            "'until' 2023 is before 'from' 2024",
        ),
        ("until: 2023", "until: next", 22, "'until' must be a school year like 2023, got 'next'"),
        ("until: 2023", "untill: 2023", 22, "unknown key 'untill' in a campus"),
        ("name: 甲教育集团东校区", "name: 甲教育集团总校", 13, "duplicate name '甲教育集团总校'"),
        ("        school: 东小学\n", "", 12, "missing 'school'"),
    ],
)
def test_pilots_errors_name_the_line(write_data, old, new, line, message):
    err = error_of(write_data, pilots=pilots_with(old, new))
    assert (err.file, err.line) == ("pilots.yaml", line)
    assert message in str(err.message)


def test_a_group_without_a_lead_is_an_error(write_data):
    err = error_of(write_data, pilots=pilots_with("role: lead", "role: member"))
    assert (err.file, err.line) == ("pilots.yaml", 3)
    assert str(err.message) == "group 'g1' has no lead campus (role: lead); it needs exactly one"


def test_a_group_with_two_leads_is_an_error_at_the_second(write_data):
    err = error_of(write_data, pilots=pilots_with("role: member", "role: lead"))
    assert (err.file, err.line) == ("pilots.yaml", 12)
    assert "second lead campus 'g1-east'" in str(err.message)


def test_broken_yaml_names_the_line(write_data):
    err = error_of(write_data, pilots=pilots_with("type: school", "type: [school"))
    assert (err.file, err.line) == ("pilots.yaml", 6)
    assert str(err.message).startswith("invalid YAML")


# --------------------------------------------------------------------------- campuses.csv


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2023,g1-east,primary,12a,3", "students must be a whole number ≥ 0, got '12a'"),
        ("2023,g1-east,primary,-5,3", "students must be a whole number ≥ 0, got '-5'"),
        ("2023,g1-east,primary,12,3.5", "classes must be a whole number ≥ 0, got '3.5'"),
        ("2023,nowhere,primary,12,3", "unknown campus 'nowhere' (not in pilots.yaml)"),
        ("2023,g1-east,college,12,3", "stage must be one of kindergarten, primary, junior, senior"),
        ("20x3,g1-east,primary,12,3", "year must be a school year like 2023, got '20x3'"),
        ("2023,g1-east,primary,12,0", "12 students in 0 classes"),
        ("2023,g1-east,primary,12,3,9", "6 fields, but the header has 5"),
    ],
)
def test_campus_row_errors_name_the_line(write_data, row, message):
    err = error_of(write_data, campuses=HEADER + "2023,g1-main,junior,900,20\n" + row + "\n")
    assert (err.file, err.line) == ("campuses.csv", 3)
    assert message in str(err.message)


def test_a_duplicate_row_points_at_the_first(write_data):
    err = error_of(write_data, campuses=CAMPUSES + "2023,g1-east,primary,5,1\n")
    assert (err.file, err.line) == ("campuses.csv", 12)
    assert str(err.message) == "duplicate row for 2023 g1-east primary (first at line 3)"


def test_a_missing_column_is_an_error_on_the_header(write_data):
    err = error_of(write_data, campuses="year,campus,stage,students\n2023,g1-main,junior,9\n")
    assert (err.file, err.line) == ("campuses.csv", 1)
    assert str(err.message) == "missing column(s): classes"


def test_an_empty_file_is_an_error(write_data):
    err = error_of(write_data, campuses="")
    assert err.file == "campuses.csv"
    assert str(err.message) == "empty file: no header row"


def test_a_missing_file_is_an_error(write_data):
    err = error_of(write_data, campuses=None)
    assert err.file == "campuses.csv"
    assert "missing" in str(err.message)


def test_bytes_that_are_no_text_are_an_error(write_data):
    err = error_of(write_data, campuses=b"\xff\xfe\x00\x00" * 10)
    assert err.file == "campuses.csv"


# --------------------------------------------------------------------------- what clerks save


CHINESE = (
    "年度,校区,学段,在校生数,班级数\n"
    '２０２３,甲教育集团总校,初中,"1,200",２０\n'
    "2023,g1-east,小学,４９９,12\n"
    "2023,g1-west,小学,200,8\n"
    "2023,k1-main,幼儿园,300,10\n"
    "2023,k1-south,学前,199,7\n"
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: s.encode("utf-8-sig"),
        lambda s: s.encode("gb18030"),
        lambda s: s.encode("gbk"),
        lambda s: s.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "gb18030-crlf"],
)
def test_chinese_headers_encodings_and_digits_read_the_same(write_data, encode):
    data = load_data(write_data(campuses=encode(CHINESE)))
    rows = {(r.campus, r.stage): (r.students, r.classes) for r in data.enrollment.rows}
    assert rows == {
        ("g1-main", "junior"): (1200, 20),
        ("g1-east", "primary"): (499, 12),
        ("g1-west", "primary"): (200, 8),
        ("k1-main", "kindergarten"): (300, 10),
        ("k1-south", "kindergarten"): (199, 7),
    }


def test_warnings_do_not_stop_loading(write_data):
    csv = HEADER + "2024,g1-west,primary,10,1\n"  # g1-west left the group after 2023
    dataset, problems = inspect_data(write_data(campuses=csv))
    assert dataset is not None
    assert [(p.severity, p.line) for p in problems.items] == [("warning", 2)]
    assert str(problems.items[0].message) == "campus 'g1-west' is not in its group in 2024"


def test_check_reports_every_error_not_only_the_first(write_data):
    csv = HEADER + "2023,g1-east,primary,x,1\n2023,g1-east,junior,5,y\n2023,nowhere,primary,1,1\n"
    _, problems = inspect_data(write_data(campuses=csv))
    assert [p.line for p in problems.errors] == [2, 3, 4]


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_whole_reads_plain_grouped_and_full_width_numbers(n):
    grouped = f"{n:,}"
    full_width = "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in str(n))
    assert parse_whole(str(n)) == parse_whole(grouped) == parse_whole(full_width) == n
    assert parse_whole(f" {n} ") == n


@given(st.text())
def test_parse_whole_accepts_only_digits_and_grouping_commas(text):
    value = parse_whole(text)
    folded = normalize(text)
    if value is None:
        assert not folded.isdigit() or not folded.isascii()
    else:
        assert folded.replace(",", "").isdigit()
        assert int(folded.replace(",", "")) == value


@pytest.mark.parametrize("text", ["-1", "1.0", "1e3", "12a", "", "1,20", "1,,200", "+3"])
def test_parse_whole_rejects(text):
    assert parse_whole(text) is None


def test_an_unclosed_quote_is_reported_where_the_row_starts(write_data):
    csv = CAMPUSES.replace("2023,g1-east,primary,499,12", '2023,g1-east,primary,"499,12')
    err = error_of(write_data, campuses=csv)
    assert (err.file, err.line) == ("campuses.csv", 3)
    assert str(err.message) == 'a quote (") is not closed: the row runs on to line 11'


@pytest.mark.parametrize("sep", ["\t", ";"])
def test_tab_or_semicolon_separated_files_read_the_same(write_data, sep):
    data = load_data(write_data(campuses=CAMPUSES.replace(",", sep)))
    assert len(data.enrollment.rows) == 10


def test_school_year_cells_and_stage_spellings(write_data):
    csv = HEADER + "2023-2024,g1-main,ＪＵＮＩＯＲ,900,20\n2023–24,g1-east,Primary,1,1\n"
    data = load_data(write_data(campuses=csv))
    assert [(r.year, r.stage) for r in data.enrollment.rows] == [
        (2023, "junior"),
        (2023, "primary"),
    ]


def test_role_and_type_are_read_case_blind(write_data):
    data = load_data(
        write_data(
            pilots=PILOTS.replace("role: lead", "role: Lead").replace(
                "type: school", "type: SCHOOL"
            )
        )
    )
    assert data.pilots.groups[0].lead.id == "g1-main"
    assert data.pilots.groups[0].type == "school"


def test_a_kindergarten_head_title_warning_appears_once(write_data):
    pilots = PILOTS.replace("head: 执行园长", "head: 执行校长")
    _, problems = inspect_data(write_data(pilots=pilots))
    assert [(p.line, str(p.message)) for p in problems.warnings] == [
        (
            38,
            "campus 'k1-south' (乙幼儿园教育集团南分园) is a kindergarten but its head title is"
            " 执行校长 (执行园长 would be expected)",
        )
    ]


def test_numbers_in_messages_are_shown_plainly(write_data):
    err = error_of(write_data, pilots=PILOTS.replace("until: 2023", "until: 2023.5"))
    assert str(err.message) == "'until' must be a school year like 2023, got 2023.5"
