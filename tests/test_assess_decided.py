"""六（五）: a grade the assessment group decided (decided_grade, 确定等次) over the computed one.

The small fixture of conftest (tests/scores_data.py): g1 totals 84.98 (proposal good), k1
63.30 (proposal fair); k1-south scores 59.99 (proposal fail).
"""

from __future__ import annotations

import json

import pytest

from groupctl.errors import DataError
from groupctl.loaders import inspect_data, load_data, load_scores
from groupctl.policy import load_policy
from groupctl.rules.allowance import compute_allowance
from groupctl.rules.assessment import compute_assessment
from tests.scores_data import CAMPUS_SCORES, GROUP_SCORES, write_scores

CAMPUS_DECIDED = (
    "year,campus,score,decided_grade\n"
    "2023,g1-main,90.00,\n"
    "2023,g1-east,85.50,\n"
    "2023,g1-west,80,\n"
    "2023,k1-main,70,\n"
    "2023,k1-south,59.99,一般\n"
)
GROUP_DECIDED = (
    "年度,集团,党建,综合,确定等次\n"
    "2023,g1,88,84,Good\n"  # the same as the proposal, written as a code
    "2023,k1,60.00,62.00,良好\n"  # above the proposal (fair)
)


def decided_dir(write_data, campus=CAMPUS_DECIDED, group=GROUP_DECIDED, name="data"):
    return write_scores(write_data, campus=campus, group=group, name=name)


def assessment(write_data, **files):
    d = decided_dir(write_data, **files)
    data = load_data(d)
    return compute_assessment(data, load_scores(data, "assess"), load_policy(d), 2023)


# --------------------------------------------------------------------------- the files


def test_decided_grades_read_in_either_language_and_empty_is_none(write_data):
    data = load_data(decided_dir(write_data))
    scores = load_scores(data, "assess")
    assert [(s.campus, s.decided_grade) for s in scores.campuses] == [
        ("g1-main", None),
        ("g1-east", None),
        ("g1-west", None),
        ("k1-main", None),
        ("k1-south", "fair"),
    ]
    assert [(s.group, s.decided_grade) for s in scores.groups] == [("g1", "good"), ("k1", "good")]


def test_files_without_the_column_read_as_before(write_data):
    scores = load_scores(load_data(write_scores(write_data)), "assess")
    assert {s.decided_grade for s in (*scores.campuses, *scores.groups)} == {None}


@pytest.mark.parametrize(
    ("files", "where"),
    [
        # in English the column is named as the header row writes it; in Chinese, 确定等次
        (
            {"group": GROUP_DECIDED.replace("良好", "很好")},
            ("group_scores.csv", 3, "很好", "确定等次"),
        ),
        (
            {"campus": CAMPUS_DECIDED.replace("一般", "B")},
            ("campus_scores.csv", 6, "B", "decided_grade"),
        ),
    ],
)
def test_a_bad_decided_grade_is_an_error_with_file_and_line(cli, write_data, files, where):
    d = decided_dir(write_data, **files)
    file, line, value, column = where
    message = (
        f"{column} must be one of 优秀, 良好, 一般, 不合格 (excellent, good, fair, fail)"
        f" or empty, got {value!r}"
    )
    zh = (
        "确定等次应为 优秀、良好、一般、不合格 之一"
        f"（或 excellent、good、fair、fail），或者留空，而不是“{value}”"
    )
    with pytest.raises(DataError) as err:
        load_scores(load_data(d), "assess")
    assert (err.value.file, err.value.line, str(err.value.message)) == (file, line, message)
    for command in ("assess", "allowance"):
        result = cli(command, "2023", "--data", str(d))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == f"错误：{file}:{line}：{zh}\n"
        result = cli(command, "2023", "--data", str(d), "--lang", "en")
        assert result.stderr == f"error: {file}:{line}: {message}\n"
    _, problems = inspect_data(d, with_scores=True)
    assert [p.location() for p in problems.errors] == [f"{file}:{line}"]
    assert cli("check", "--data", str(d)).exit_code == 1


def test_a_header_with_the_column_but_without_a_required_one_names_only_that_one(write_data):
    d = decided_dir(write_data, campus="year,campus,decided_grade\n2023,g1-main,优秀\n")
    with pytest.raises(DataError) as err:
        load_scores(load_data(d), "assess")
    assert (err.value.line, str(err.value.message)) == (1, "missing column(s): score")


def test_the_optional_column_given_twice_is_an_error_like_any_column(write_data):
    header = "year,campus,score,decided_grade,确定等次\n2023,g1-main,90,优秀,优秀\n"
    d = decided_dir(write_data, campus=header)
    with pytest.raises(DataError) as err:
        load_scores(load_data(d), "assess")
    # named as the header writes them: the clerk sees which two cells say the same
    assert (err.value.line, str(err.value.message)) == (
        1,
        "column '确定等次' is column 'decided_grade' again",
    )
    assert (
        err.value.render("zh")
        == "campus_scores.csv:1：列“确定等次”与列“decided_grade”是同一列，出现了两次"
    )


# --------------------------------------------------------------------------- the rule


def test_the_decided_grade_is_the_grade_and_the_computed_one_its_proposal(write_data):
    r = assessment(write_data)
    g1, k1 = r.groups
    assert (g1.proposed_grade, g1.grade, g1.decided) == ("good", "good", True)
    assert (k1.proposed_grade, k1.grade, k1.decided) == ("fair", "good", True)
    assert str(k1.total) == "63.30"  # the figures do not move; only the grade is decided
    south = k1.campuses[-1]
    assert (south.campus, south.proposed_grade, south.grade, south.decided) == (
        "k1-south",
        "fail",
        "fair",
        True,
    )
    main = k1.campuses[0]
    assert (main.proposed_grade, main.grade, main.decided) == ("fair", "fair", False)


def test_without_decided_grades_the_grade_is_the_proposal(write_data):
    r = assessment(write_data, campus=CAMPUS_SCORES, group=GROUP_SCORES)
    for record in (*r.groups, *r.campuses()):
        assert (record.grade, record.decided) == (record.proposed_grade, False)


def test_the_allowance_pays_on_the_groups_decided_grade(write_data):
    d = decided_dir(write_data)
    data = load_data(d)
    r = compute_allowance(data, load_scores(data, "allowance"), load_policy(d), 2023)
    k1 = [h for h in r.heads if h.group == "k1"]
    # proposal fair (0.6) but decided good (0.8): 12,000 × 0.3 × 0.8, 9,600 × 0.3 × 0.8
    assert [(h.group_grade, str(h.efficiency_factor), str(h.efficiency)) for h in k1] == [
        ("good", "0.8", "2880.00"),
        ("good", "0.8", "2304.00"),
    ]
    assert all(h.group_grade_decided for h in r.heads)
    # the campus's own decided grade (k1-south: fair) does not pay: the group's does
    used = {u.path for u in r.parameters}
    assert "allowance.efficiency_factor.good" in used
    assert "allowance.efficiency_factor.fair" not in used


# --------------------------------------------------------------------------- the command


def test_the_table_shows_the_decided_grade_and_the_proposal_where_they_differ(cli, write_data):
    d = decided_dir(write_data)
    lines = cli("assess", "2023", "--data", str(d)).stdout.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("  乙幼儿园教育集团  "))
    assert lines[i].split()[-2:] == ["63.30", "确定：良好"]
    assert lines[i + 1].strip() == "建议：一般"
    g1 = next(line for line in lines if line.startswith("  甲教育集团  "))
    assert g1.split()[-1] == "确定：良好"  # decided, and the same as the proposal
    i = next(i for i, line in enumerate(lines) if line.startswith("    南分园"))
    assert lines[i].split()[-2:] == ["59.99", "确定：一般"]
    assert lines[i + 1].strip() == "建议：不合格"
    main = next(line for line in lines if line.startswith("    总园"))
    assert main.split()[-1] == "一般"  # not decided: the plain label
    en = cli("assess", "2023", "--data", str(d), "--lang", "en").stdout.splitlines()
    i = next(i for i, line in enumerate(en) if line.startswith("  乙幼儿园教育集团  "))
    assert [line.split()[-1] for line in en[i : i + 4]] == [
        "good",
        "(decided,",
        "proposed",
        "fair)",
    ]


def test_json_carries_proposal_grade_and_whether_it_was_decided(cli, write_data):
    d = decided_dir(write_data)
    doc = json.loads(cli("assess", "2023", "--data", str(d), "-f", "json").stdout)
    k1 = doc["groups"][1]
    assert {k: k1[k] for k in list(k1)[6:]} == {
        "proposed_grade": "fair",
        "proposed_grade_label": "一般",
        "grade": "good",
        "grade_label": "良好",
        "decided": True,
    }
    south = doc["campuses"][-1]
    assert (south["proposed_grade"], south["grade"], south["decided"]) == ("fail", "fair", True)
    lines = cli("assess", "2023", "--data", str(d), "-f", "csv").stdout.splitlines()
    assert lines[2] == "k1,乙幼儿园教育集团,65.00,60.00,62.00,63.30,一般,良好,是"


def test_the_explanation_gives_the_proposal_and_the_decided_grade_with_its_line(cli, write_data):
    d = decided_dir(write_data)
    lines = cli("assess", "2023", "--data", str(d), "--explain").stdout.splitlines()
    assert (
        "  集团建议等次：63.30 ≥ 60 → 一般（assessment.grades，本局自定）"
        "；确定等次：良好（group_scores.csv:3）"
    ) in lines
    assert "    南分园，成员：59.99 ≥ 0 → 不合格；确定等次：一般（campus_scores.csv:6）" in lines


def test_the_allowance_table_names_the_decided_group_grades(cli, write_data):
    d = decided_dir(write_data)
    out = cli("allowance", "2023", "--data", str(d)).stdout.splitlines()
    assert "甲教育集团：确定等次 良好" in out
    assert "乙幼儿园教育集团：确定等次 良好（建议等次 一般）" in out
    heading = next(line for line in out if line.startswith("  乙幼儿园教育集团"))
    assert heading.split()[-2:] == ["良好", "×0.8"]
    en = cli("allowance", "2023", "--data", str(d), "--lang", "en").stdout.splitlines()
    assert "乙幼儿园教育集团: decided grade good (proposed fair)" in en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_decided_tables_fit_80_columns(cli, write_data, lang):
    from wcwidth import wcswidth

    d = decided_dir(write_data)
    for command in ("assess", "allowance"):
        out = cli(command, "2023", "--data", str(d), "--lang", lang).stdout
        assert "…" not in out
        assert max(wcswidth(line) for line in out.splitlines()) <= 80
