"""七（三） coverage: the pure rule at its boundaries, and `groupctl coverage` as users meet it."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from fractions import Fraction

import openpyxl
import pytest

from groupctl.errors import DataError, PolicyError
from groupctl.loaders import load_data
from groupctl.policy import load_policy
from groupctl.rules.coverage import compute_coverage
from tests.conftest import CAMPUSES, PILOTS
from tests.test_architecture import modules_after


def with_total(total: int | None, pilots: str = PILOTS) -> str:
    if total is None:
        return pilots
    return pilots.replace(
        "district: 测试区\n", f"district: 测试区\ncompulsory_schools_total: {total}\n"
    )


def coverage_of(write_data, total, campuses=CAMPUSES, year=2023, sets=()):
    d = write_data(pilots=with_total(total), campuses=campuses)
    return compute_coverage(load_data(d), load_policy(d).with_sets(sets), year)


# --------------------------------------------------------------------------- the rule


def test_counts_the_campuses_with_a_primary_or_junior_row(write_data):
    # 2023: g1-main junior, g1-east primary, g1-west primary; k1's two kindergartens
    result = coverage_of(write_data, 5)
    g1, k1 = result.groups
    assert [(c.campus, c.stages, c.compulsory) for c in g1.campuses] == [
        ("g1-main", ("junior",), True),
        ("g1-east", ("primary",), True),
        ("g1-west", ("primary",), True),
    ]
    assert [c.compulsory for c in k1.campuses] == [False, False]
    assert (g1.grouped, k1.grouped, result.grouped, result.total) == (3, 0, 3, 5)


def test_a_campus_counts_only_in_the_years_it_is_in_its_group(write_data):
    # g1-west leaves after 2023, g1-new joins in 2024 (conftest): 3 both years, not 4
    result = coverage_of(write_data, 5, year=2024)
    assert [c.campus for c in result.groups[0].campuses] == ["g1-main", "g1-east", "g1-new"]
    assert [(y.year, y.grouped) for y in result.trend] == [(2023, 3), (2024, 3)]


@pytest.mark.parametrize(
    ("stages", "counted"),
    [
        (("kindergarten",), False),
        (("senior",), False),
        (("primary",), True),
        (("junior",), True),
        (("kindergarten", "primary"), True),
        (("junior", "senior"), True),
    ],
)
def test_which_stages_make_a_compulsory_stage_school(write_data, stages, counted):
    rows = "".join(f"2023,g1-east,{s},100,4\n" for s in stages)
    csv = (
        textwrap.dedent(
            """\
        year,campus,stage,students,classes
        2023,g1-main,junior,900,20
        2023,g1-west,primary,200,8
        2023,k1-main,kindergarten,300,10
        2023,k1-south,kindergarten,199,7
        """
        )
        + rows
    )
    result = coverage_of(write_data, 10, campuses=csv)
    east = result.groups[0].campuses[1]
    assert (east.campus, east.stages, east.compulsory) == ("g1-east", stages, counted)
    assert result.grouped == 2 + counted


@pytest.mark.parametrize(
    ("total", "rate", "met", "needed"),
    [
        (3, Fraction(1), True, 0),
        (5, Fraction(3, 5), True, 0),  # exactly the target: met
        (6, Fraction(1, 2), False, 1),  # 0.6 × 6 = 3.6: four schools needed, one more
        (10, Fraction(3, 10), False, 3),
        (11, Fraction(3, 11), False, 4),  # 0.6 × 11 = 6.6 → 7
    ],
)
def test_rate_met_and_schools_needed_at_the_target(write_data, total, rate, met, needed):
    result = coverage_of(write_data, total)
    assert (result.rate, result.met, result.needed) == (rate, met, needed)
    assert (result.target, result.target_year) == (Decimal("0.60"), 2025)


def test_met_compares_the_exact_rate_not_the_rounded_one(write_data):
    # 3 / 9 = 0.33333…, shown as 0.3333 in every format
    d = write_data(pilots=with_total(9))
    data, policy = load_data(d), load_policy(d)
    at = compute_coverage(data, policy.with_sets(["coverage.target=0.3333"]), 2023)
    above = compute_coverage(data, policy.with_sets(["coverage.target=0.33334"]), 2023)
    assert (at.met, above.met) == (True, False)


def test_the_target_is_read_through_params_and_cited(write_data):
    result = coverage_of(write_data, 5, sets=["coverage.target=0.75", "coverage.target_year=2027"])
    assert (result.target, result.target_year, result.met) == (Decimal("0.75"), 2027, False)
    assert [(u.path, u.origin, u.clause, u.set_by) for u in result.parameters] == [
        ("coverage.target", "plan", "7.3", "--set"),
        ("coverage.target_year", "plan", "7.3", "--set"),
    ]


def test_missing_total_says_how_to_add_it(write_data):
    with pytest.raises(DataError) as caught:
        coverage_of(write_data, None)
    assert caught.value.file == "pilots.yaml"
    assert "add a line 'compulsory_schools_total: N' to pilots.yaml" in str(caught.value.message)


def test_a_total_below_the_schools_in_groups_is_an_error(write_data):
    with pytest.raises(DataError, match="compulsory_schools_total is 2, fewer than the 3"):
        coverage_of(write_data, 2)


def test_a_year_without_headcounts_names_the_years_with_data(write_data):
    with pytest.raises(DataError, match=r"no headcounts for 2025 \(years with data: 2023, 2024\)"):
        coverage_of(write_data, 5, year=2025)


def test_a_year_before_the_policy_is_refused(write_data):
    with pytest.raises(PolicyError, match="the plan's figures start with the 2023-2024"):
        coverage_of(write_data, 5, year=2022)


# --------------------------------------------------------------------------- the command

SUMMARY_2023 = """\
2023–2024学年 义务教育阶段学校集团化办学覆盖率（七（三））
16 ÷ 26 ≈ 61.54%，已达到 2025 年 60.00% 的目标

  集团内学校   全区学校   覆盖率     目标   目标年份   达到目标   尚差（所）
 ────────────────────────────────────────────────────────────────────────────
          16         26   61.54%   60.00%   2025       是                  0

历年覆盖率（campuses.csv 中的各学年）

  学年        集团内学校   全区学校   覆盖率
 ────────────────────────────────────────────
  2023–2024           16         26   61.54%
  2024–2025           16         26   61.54%
  2025–2026           16         26   61.54%

2023–2024学年 各集团的义务教育阶段学校（有小学或初中学段的校区）

  集团 / 校区                     角色    学段            计入
 ──────────────────────────────────────────────────────────────
  中卫市第七小学教育集团                                     2
    总校                          牵头    小学              是
    双渠校区                      成员    小学              是
"""
ILLUSTRATIVE = (
    "注：campuses.csv、pilots.yaml:compulsory_schools_total 中的数字是示例，不是正式统计\n"
)


def test_coverage_table_on_the_bundled_data(cli):
    result = cli("coverage", "2023")
    assert result.exit_code == 0
    assert result.stdout.startswith(SUMMARY_2023)
    assert result.stdout.endswith(
        "    总园                          牵头    幼儿园            否\n"
        "    香山分园                      成员    幼儿园            否\n"
        "    文萃分园                      成员    幼儿园            否\n"
        "\n"
        "  全区合计                                                  16\n"
        "\n"
    )
    # the bundled total is illustrative, and the output says so (the note names it)
    assert result.stderr == ILLUSTRATIVE


def test_coverage_json_is_the_spec_document(cli):
    result = cli("coverage", "2024", "-f", "json")
    doc = json.loads(result.stdout)
    assert {k: doc[k] for k in list(doc)[:3]} == {
        "command": "coverage",
        "year": 2024,
        "school_year": "2024-2025",
    }
    assert {k: doc[k] for k in ("grouped", "total", "rate", "target", "target_year", "met")} == {
        "grouped": 16,
        "total": 26,
        "rate": "0.6154",
        "target": "0.6000",
        "target_year": 2025,
        "met": True,
    }
    assert doc["trend"] == [
        {"year": 2023, "school_year": "2023-2024", "grouped": 16, "total": 26, "rate": "0.6154"},
        {"year": 2024, "school_year": "2024-2025", "grouped": 16, "total": 26, "rate": "0.6154"},
        {"year": 2025, "school_year": "2025-2026", "grouped": 16, "total": 26, "rate": "0.6154"},
    ]
    assert doc["meta"]["illustrative"] == ["campuses.csv", "pilots.yaml:compulsory_schools_total"]
    eryou = doc["groups"][-1]
    assert (eryou["group"], eryou["grouped"]) == ("eryou", 0)
    assert eryou["campuses"][0] == {
        "campus": "eryou-main",
        "campus_name": "中卫市第二幼儿园教育集团总园",
        "role": "lead",
        "role_label": "牵头",
        "stages": ["kindergarten"],
        "compulsory": False,
    }
    assert sum(g["grouped"] for g in doc["groups"]) == doc["grouped"]


def test_rates_round_half_up_to_four_places_only_when_shown(cli, write_data):
    # 3 / 96 = 0.03125 exactly: half up gives 0.0313 (half even would give 0.0312)
    d = write_data(pilots=with_total(96))
    doc = json.loads(cli("coverage", "2023", "--data", str(d), "-f", "json").stdout)
    assert (doc["rate"], doc["met"], doc["needed"]) == ("0.0313", False, 55)
    table = cli("coverage", "2023", "--data", str(d)).stdout
    assert table.splitlines()[1] == "3 ÷ 96 ≈ 3.13%，距 2025 年 60.00% 的目标尚差 55 所"


def test_an_exact_rate_is_equal_and_a_rounded_one_approximate(cli, write_data):
    d = write_data(pilots=with_total(4))  # 3 / 4 = 0.75 exactly
    args = ("coverage", "2023", "--data", str(d))
    assert cli(*args).stdout.splitlines()[1] == "3 ÷ 4 = 75.00%，已达到 2025 年 60.00% 的目标"
    en = cli(*args, "--lang", "en", "--explain").stdout.splitlines()
    assert en[1] == "3 ÷ 4 = 75.00%: the target of 60.00% by 2025 is met"
    assert (
        "coverage = 3 compulsory-stage schools in groups ÷ 4 in the district"
        " (pilots.yaml compulsory_schools_total) = 3/4 = 0.7500 (clause 7.3)"
    ) in en
    # 16 ÷ 26 is 0.615384…: shown rounded, so approximately
    assert cli("coverage", "2023", "--lang", "en").stdout.splitlines()[1] == (
        "16 ÷ 26 ≈ 61.54%: the target of 60.00% by 2025 is met"
    )


def test_coverage_in_the_target_year_says_whether_the_target_is_met(cli):
    result = cli("coverage", "2025")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "16 ÷ 26 ≈ 61.54%，已达到 2025 年 60.00% 的目标"


def test_the_command_names_the_years_with_data_for_a_year_without(cli):
    result = cli("coverage", "2026")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "错误：campuses.csv：没有 2026 学年的在校生数据（有数据的学年：2023、2024、2025）\n"
    )


def test_missing_total_is_one_clear_line_and_exit_2(cli, write_data):
    d = write_data()
    result = cli("coverage", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：pilots.yaml：没有 compulsory_schools_total：计算覆盖率需要全区义务教育阶段学校总数；"
        f"请在 {d} 的 pilots.yaml 中加一行“compulsory_schools_total: N”\n"
    )


def test_coverage_csv_is_the_summary_row_and_xlsx_has_every_section(cli, tmp_path):
    assert cli("coverage", "2023", "-f", "csv", "--lang", "en").stdout == (
        "school year,in groups,in district,coverage,target,by,met,short by\n"
        "2023,16,26,0.6154,0.6000,2025,yes,0\n"
    )
    target = tmp_path / "c.xlsx"
    assert cli("coverage", "2023", "-o", str(target)).exit_code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["覆盖率", "历年", "校区", "说明"]
    assert list(book["覆盖率"].iter_rows(values_only=True))[1][:4] == (2023, 16, 26, 0.6154)
    # one 0/1 row per campus: SUM over 计入 gives the count
    rows = list(book["校区"].iter_rows(values_only=True))
    assert rows[0][-1] == "计入"
    assert sum(r[-1] for r in rows[1:]) == 16
    notes = [c for r in book["说明"].iter_rows(values_only=True) for c in r if c]
    assert "pilots.yaml:compulsory_schools_total" in " ".join(str(c) for c in notes)


def test_explain_shows_the_division_and_each_campus(cli):
    result = cli("coverage", "2023", "--explain")
    explain = result.stdout.split("计算过程\n", 1)[1].splitlines()
    assert explain[:3] == [
        "覆盖率 = 集团内义务教育阶段学校 16 所 ÷ 全区义务教育阶段学校 26 所（pilots.yaml"
        " compulsory_schools_total）= 8/13 ≈ 0.6154（七（三））",
        "目标（coverage.target = 0.60, coverage.target_year = 2025，七（三））：0.6154 ≥ 0.60，已达到",
        "中卫市第七小学教育集团：2 所 — 总校（小学）计入；双渠校区（小学）计入",
    ]
    doc = json.loads(cli("coverage", "2023", "--explain", "-f", "json").stdout)
    assert doc["explain"] == {
        "clauses": ["7.3"],
        "inputs": {"grouped": 16, "total": 26},
        "parameters": ["coverage.target", "coverage.target_year"],
        "rate_exact": "8/13",
    }
    assert [p["path"] for p in doc["parameters"]] == ["coverage.target", "coverage.target_year"]


def test_a_what_if_target_is_compared(cli):
    result = cli("coverage", "2023", "--set", "coverage.target=0.7", "--compare", "-f", "json")
    doc = json.loads(result.stdout)
    assert [(d["path"], d["baseline"], d["modified"]) for d in doc["differences"]] == [
        ("target", "0.6000", "0.7000"),
        ("met", True, False),
        ("needed", 0, 3),
    ]


def test_coverage_loads_no_rendering_library_for_json():
    code = (
        "import sys, io\n"
        "from groupctl.cli import app\n"
        "from typer.main import get_command\n"
        "sys.stdout = io.StringIO()\n"
        "get_command(app).main(['coverage', '2023', '-f', 'json'], standalone_mode=False)\n"
        "sys.stdout = sys.__stdout__\n"
    )
    loaded = modules_after(code)
    assert "groupctl.rules.coverage" in loaded
    assert not {"rich", "tabulate", "xlsxwriter"} & loaded


def test_domain_modules_of_this_issue_import_no_cli_or_rendering_library():
    loaded = modules_after(
        "import groupctl.rules.coverage, groupctl.rules.timeline, groupctl.views.coverage,"
        " groupctl.views.timeline, groupctl.views.clauses, groupctl.clauses"
    )
    assert not {"typer", "rich", "tabulate", "click", "xlsxwriter"} & loaded


def test_a_half_entered_later_year_leaves_the_trend_but_not_this_years_answer(cli, tmp_path):
    import shutil

    from tests.conftest import REPO

    d = tmp_path / "data"
    shutil.copytree(REPO / "data", d)
    with (d / "campuses.csv").open("a", encoding="utf-8") as f:
        f.write("2026,qixiao-main,primary,2400,44\n")  # a clerk has entered one row so far
    result = cli("coverage", "2023", "--data", str(d), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [y["year"] for y in json.loads(result.stdout)["trend"]] == [2023, 2024, 2025]
    assert "注：campuses.csv 中 2026 学年的在校生数据不全，未列入历年覆盖率" in result.stderr
    assert cli("coverage", "2026", "--data", str(d)).exit_code == 2  # that year itself: refused
