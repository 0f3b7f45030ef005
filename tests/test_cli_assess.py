"""`groupctl assess` and `groupctl allowance` as clerks and scripts meet them."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from wcwidth import wcswidth

from tests.scores_data import CAMPUS_SCORES, GROUP_SCORES, write_scores

GOLDEN = Path(__file__).parent / "golden"
TWO_DECIMALS = re.compile(r"[0-9]+\.[0-9]{2}")

ASSESS_NOTES = (
    "注：以上结果用到本局自定参数（local，内置值仅为示例）：assessment.grades\n"
    "注：campus_scores.csv、group_scores.csv 中的数字是示例，不是正式统计\n"
)
ALLOWANCE_NOTES = (
    "注：以上结果用到本局自定参数（local，内置值仅为示例）：allowance.annual_standard.lead、"
    "allowance.annual_standard.member、allowance.efficiency_factor.excellent、"
    "allowance.efficiency_factor.fair、allowance.efficiency_factor.good、"
    "allowance.monthly_result_factor.合格、assessment.grades\n"
    "注：campus_scores.csv、group_scores.csv 中的数字是示例，不是正式统计\n"
    "注：没有 post_assessment.csv：21 位校（园）长各 12 个月均按岗位考核合格计发\n"
)


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- assess


def test_assess_table_matches_the_golden_file(cli):
    result = cli("assess", "2023")
    assert result.exit_code == 0
    assert result.stdout == golden("assess_2023.txt")
    assert result.stderr == ASSESS_NOTES


def test_assess_in_english_and_markdown(cli):
    en = cli("assess", "2023", "--lang", "en")
    assert en.stdout == golden("assess_2023_en.txt")
    assert en.stderr.startswith("note: these figures use parameters the plan leaves to the bureau")
    assert cli("assess", "2023", "-f", "markdown").stdout == golden("assess_2023.md")


def test_assess_json_has_the_envelope_and_the_spec_keys(cli):
    doc = json.loads(cli("assess", "2023", "-f", "json").stdout)
    assert list(doc) == ["command", "year", "school_year", "meta", "groups", "campuses"]
    assert (doc["command"], doc["year"], doc["school_year"]) == ("assess", 2023, "2023-2024")
    assert doc["meta"]["illustrative"] == ["campus_scores.csv", "group_scores.csv"]
    assert doc["meta"]["local_parameters"] == ["assessment.grades"]
    for g in doc["groups"]:
        assert list(g) == [
            "group", "group_name", "school_mean", "party_building", "comprehensive", "total",
            "proposed_grade", "proposed_grade_label", "grade", "grade_label", "decided",
        ]  # fmt: skip
        for key in ("school_mean", "party_building", "comprehensive", "total"):
            assert TWO_DECIMALS.fullmatch(g[key]), (key, g[key])
    assert [(g["group"], g["total"], g["grade"], g["grade_label"]) for g in doc["groups"]] == [
        ("qixiao", "90.00", "excellent", "优秀"),
        ("sizhong", "80.00", "good", "良好"),
        ("xuanhe", "85.11", "good", "良好"),
        ("xingren", "72.38", "fair", "一般"),
        ("eryou", "91.13", "excellent", "优秀"),
    ]
    assert doc["groups"][0]["group_name"] == "中卫市第七小学教育集团"
    assert len(doc["campuses"]) == 21
    for c in doc["campuses"]:
        assert TWO_DECIMALS.fullmatch(c["score"])
    assert doc["campuses"][16] == {
        "campus": "xingren-wenzhaike",
        "campus_name": "中卫市兴仁教育集团温寨柯校区",
        "group": "xingren",
        "group_name": "中卫市兴仁教育集团",
        "role": "member",
        "role_label": "成员",
        "score": "58.50",
        "proposed_grade": "fail",
        "proposed_grade_label": "不合格",
        "grade": "fail",
        "grade_label": "不合格",
        "decided": False,
    }


def test_grade_labels_follow_the_language_but_codes_do_not(cli):
    doc = json.loads(cli("assess", "2023", "-f", "json", "--lang", "en").stdout)
    assert [(g["grade"], g["grade_label"]) for g in doc["groups"][:2]] == [
        ("excellent", "excellent"),
        ("good", "good"),
    ]


def test_explain_shows_the_weighted_sum_term_by_term(cli):
    out = cli("assess", "2023", "--explain").stdout
    assert (
        "  学校考核平均分 = (95.07 + 94.71) ÷ 2 = 189.78 ÷ 2 = 94.89（2 个校区，含牵头校）\n"
        "  总分 = 0.5 × 94.89 + 0.1 × 85.50 + 0.4 × 85.00 = 47.445 + 8.55 + 34.00"
        " = 89.995 → 90.00（按精确值求和后四舍五入到两位小数）\n"
        "  集团等次：90.00 ≥ 90 → 优秀（assessment.grades，本局自定）\n"
        "    总校，牵头：95.07 ≥ 90 → 优秀\n"
    ) in out
    # a mean over three campuses never ends: shown to six places with ≈, summed exactly
    assert "  学校考核平均分 = (93.20 + 90.15 + 88.61) ÷ 3 = 271.96 ÷ 3 ≈ 90.653333" in out
    assert (
        "  总分 = 0.5 × 90.653333 + 0.1 × 94.00 + 0.4 × 91.00 ≈ 45.326667 + 9.40 + 36.40"
        " ≈ 91.126667 → 91.13" in out
    )


def test_explain_in_json_gives_exact_terms(cli):
    doc = json.loads(cli("assess", "2023", "-f", "json", "--explain").stdout)
    eryou = doc["groups"][4]["explain"]
    assert eryou["school_mean_exact"] == "6799/75"  # 271.96 / 3
    assert eryou["terms"][0] == {
        "parameter": "assessment.weight_school",
        "weight": "0.5",
        "score": "6799/75",
        "product": "6799/150",
    }
    assert eryou["total_exact"] == "13669/150"
    assert doc["groups"][0]["explain"]["total_exact"] == "89.995"
    assert {p["path"] for p in doc["parameters"]} == {
        "assessment.grades",
        "assessment.weight_school",
        "assessment.weight_party_building",
        "assessment.weight_comprehensive",
    }


def test_assess_csv_holds_the_groups_one_row_each(cli):
    lines = cli("assess", "2023", "-f", "csv").stdout.splitlines()
    assert lines == [
        "集团代码,集团,学校平均分,党建,综合,总分,建议等次,等次,已确定",
        "qixiao,中卫市第七小学教育集团,94.89,85.50,85.00,90.00,优秀,优秀,否",
        "sizhong,中卫市第四中学教育集团,80.00,82.00,79.50,80.00,良好,良好,否",
        "xuanhe,中卫市宣和教育集团,85.82,88.00,83.50,85.11,良好,良好,否",
        "xingren,中卫市兴仁教育集团,72.76,78.00,70.50,72.38,一般,一般,否",
        "eryou,中卫市第二幼儿园教育集团,90.65,94.00,91.00,91.13,优秀,优秀,否",
    ]
    en = cli("assess", "2023", "-f", "csv", "--lang", "en").stdout.splitlines()
    assert en[0] == "group,group_name,school mean,party,comp.,total,proposed_grade,grade,decided"
    assert en[1].endswith(",90.00,excellent,excellent,no")


def test_assess_xlsx_has_a_groups_and_a_campuses_sheet(cli, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "assess.xlsx"
    assert cli("assess", "2023", "-o", str(target)).exit_code == 0
    book = load_workbook(target)
    assert book.sheetnames == ["集团考核", "学校考核", "说明"]
    groups = list(book["集团考核"].values)
    assert len(groups) == 1 + 5
    campuses = list(book["学校考核"].values)
    # one row per campus and no group headings: every row carries its campus and group ids
    assert campuses[0] == (
        *("校区代码", "校区", "集团代码", "集团", "角色", "得分"),
        *("建议等次", "等次", "已确定"),
    )
    assert len(campuses) == 1 + 21
    assert all(row[0] and row[2] for row in campuses[1:])
    assert campuses[17][:2] == ("xingren-wenzhaike", "中卫市兴仁教育集团温寨柯校区")
    assert campuses[17][4:] == ("成员", 58.5, "不合格", "不合格", "否")


def test_set_moves_grade_minimums_and_weights(cli):
    moved = cli(
        "assess",
        "2023",
        "-f",
        "json",
        "--set",
        "assessment.grades=90.01:excellent,80:good,60:fair,0:fail",
    )
    doc = json.loads(moved.stdout)
    assert doc["groups"][0]["grade"] == "good"  # 90.00 no longer reaches 90.01
    assert "assessment.grades = 90.01:excellent,80:good,60:fair,0:fail（--set）" in moved.stderr
    weights = [
        "--set", "assessment.weight_school=0.4",
        "--set", "assessment.weight_party_building=0.2",
        "--set", "assessment.weight_comprehensive=0.4",
    ]  # fmt: skip
    doc = json.loads(cli("assess", "2023", "-f", "json", *weights).stdout)
    # 0.4 × 94.89 + 0.2 × 85.50 + 0.4 × 85.00 = 37.956 + 17.1 + 34 = 89.056
    assert (doc["groups"][0]["total"], doc["groups"][0]["grade"]) == ("89.06", "good")


# --------------------------------------------------------------------------- allowance


def test_allowance_table_matches_the_golden_file_and_notes_the_examples_once(cli):
    result = cli("allowance", "2023")
    assert result.exit_code == 0
    assert result.stdout == golden("allowance_2023.txt")
    # one note says the standards (and the other local parameters) are examples, not two
    assert result.stderr == ALLOWANCE_NOTES
    assert cli("allowance", "2023", "--lang", "en").stdout == golden("allowance_2023_en.txt")


def test_allowance_json_has_the_envelope_and_the_spec_keys_and_adds_up(cli):
    doc = json.loads(cli("allowance", "2023", "-f", "json").stdout)
    assert list(doc) == ["command", "year", "school_year", "meta", "totals", "heads"]
    assert (doc["command"], doc["year"], doc["school_year"]) == ("allowance", 2023, "2023-2024")
    assert doc["meta"]["illustrative"] == ["campus_scores.csv", "group_scores.csv"]
    assert len(doc["heads"]) == 21
    for h in doc["heads"]:
        assert len(h["monthly"]) == 12
        for value in (h["annual_standard"], h["base"], h["efficiency"], h["total"], *h["monthly"]):
            assert TWO_DECIMALS.fullmatch(value), value
        assert sum(Decimal(m) for m in h["monthly"]) == Decimal(h["base"])
        assert Decimal(h["total"]) == Decimal(h["base_paid"]) + Decimal(h["efficiency"])
        assert h["base_paid"] == h["base"]  # no post_assessment.csv: every month pays
    assert doc["heads"][0] == {
        "campus": "qixiao-main",
        "campus_name": "中卫市第七小学教育集团总校",
        "group": "qixiao",
        "group_name": "中卫市第七小学教育集团",
        "role": "lead",
        "role_label": "牵头",
        "head_title": "总校校长",
        "annual_standard": "12000.00",
        "base": "8400.00",
        "base_paid": "8400.00",
        "monthly": ["700.00"] * 12,
        "monthly_paid": ["700.00"] * 12,
        "months_assumed_pass": 12,
        "post_assessment": [],
        "group_grade": "excellent",
        "group_grade_label": "优秀",
        "efficiency_factor": "1.0",
        "efficiency": "3600.00",
        "total": "12000.00",
    }
    assert doc["totals"] == {
        "annual_standard": "213600.00",
        "base": "149520.00",
        "base_paid": "149520.00",
        "efficiency": "50256.00",
        "total": "199776.00",
    }
    for key, total in doc["totals"].items():
        assert sum(Decimal(h[key]) for h in doc["heads"]) == Decimal(total)


def test_set_standards_shares_and_factors(cli):
    args = [
        "allowance", "2023", "-f", "json",
        "--set", "allowance.annual_standard.lead=12345",
        "--set", "allowance.efficiency_factor.excellent=0.9",
    ]  # fmt: skip
    result = cli(*args)
    head = json.loads(result.stdout)["heads"][0]
    assert head["base"] == "8641.50"
    assert head["monthly"] == ["720.13"] * 11 + ["720.07"]
    assert head["efficiency"] == "3333.15"  # 12345 × 0.3 × 0.9
    assert "allowance.annual_standard.lead = 12345（--set）" in result.stderr
    shares = [
        "--set", "allowance.base_share=0.6", "--set", "allowance.efficiency_share=0.4",
    ]  # fmt: skip
    head = json.loads(cli("allowance", "2023", "-f", "json", *shares).stdout)["heads"][0]
    assert (head["base"], head["monthly"][0], head["efficiency"]) == (
        "7200.00",
        "600.00",
        "4800.00",
    )


@pytest.mark.parametrize(
    ("factor", "efficiency"), [("1.0", "3703.70"), ("0.8", "2962.96"), ("0.6", "2222.22")]
)
def test_the_efficiency_part_is_standard_times_share_times_factor(cli, factor, efficiency):
    args = [
        "allowance", "2023", "-f", "json", "--explain",
        "--set", "allowance.annual_standard.lead=12345.65",
        *(f"--set=allowance.efficiency_factor.{g}={factor}" for g in ("excellent", "good", "fair")),
    ]  # fmt: skip
    head = json.loads(cli(*args).stdout)["heads"][0]
    # 12345.65 × 0.3 × factor, rounded once; (12345.65 − 8641.96) × factor is a fen less
    assert (head["base"], head["efficiency"]) == ("8641.96", efficiency)
    zh = cli(*args[:2], "--explain", *args[5:]).stdout
    assert f"  效能津贴 12,345.65 × 0.3 × {factor} = {efficiency[:1]},{efficiency[1:]} 元" in zh


def test_a_last_month_that_differs_shows_in_the_table_and_the_explanation(cli):
    args = ["allowance", "2023", "--set", "allowance.annual_standard.lead=12345", "--explain"]
    out = cli(*args).stdout
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("    总校 "))
    assert lines[i].split()[-3:] == ["8,641.50", "720.13", "3,703.50"]
    assert lines[i + 1].strip() == "第12月 720.07"
    assert (
        "  基础津贴 12,345.00 × 0.7 = 8,641.50 元，每月 720.13 元 × 11 + 第12月 720.07 元（六（四）4）"
        in lines
    )
    table = out.split("计算过程")[0]  # explanation lines are long on purpose; the table is not
    assert max(wcswidth(line) for line in table.splitlines()) <= 80


def test_allowance_csv_is_one_row_per_head_with_the_months_flattened(cli, tmp_path):
    target = tmp_path / "津贴.csv"
    assert cli("allowance", "2023", "-o", str(target)).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "校区代码,校区,集团代码,集团,角色,校（园）长,年标准,基础津贴,实发基础津贴,"
        + ",".join(f"第{m}月实发" for m in range(1, 13))
        + ",按合格计月数,集团等次,等次系数,效能津贴,合计"
    )
    assert lines[2] == (
        "qixiao-shuangqu,中卫市第七小学教育集团双渠校区,qixiao,中卫市第七小学教育集团,"
        "成员,执行校长,9600.00,6720.00,6720.00,"
        + ",".join(["560.00"] * 12)
        + ",12,优秀,1.0,2880.00,9600.00"
    )
    en = cli("allowance", "2023", "-f", "csv", "--lang", "en").stdout.splitlines()
    assert en[0].startswith("campus,campus_name,group,group_name,role,head_title,")
    assert ",month_01," in en[0] and en[0].endswith(",efficiency,total")


@pytest.mark.parametrize(
    "sets", [[], ["--set", "allowance.annual_standard.lead=12345.65"]], ids=["plan", "what-if"]
)
def test_allowance_csv_is_tidy_so_sums_give_the_json_totals(cli, sets):
    # no group or district total rows: SUM over a money column is the district total
    rows = list(csv.DictReader(io.StringIO(cli("allowance", "2023", "-f", "csv", *sets).stdout)))
    totals = json.loads(cli("allowance", "2023", "-f", "json", *sets).stdout)["totals"]
    assert len(rows) == 21
    assert len({r["校区代码"] for r in rows}) == 21
    for column, key in [
        ("年标准", "annual_standard"),
        ("基础津贴", "base"),
        ("实发基础津贴", "base_paid"),
        ("效能津贴", "efficiency"),
        ("合计", "total"),
    ]:
        assert sum(Decimal(r[column]) for r in rows) == Decimal(totals[key]), column
    months = sum(Decimal(r[f"第{m}月实发"]) for r in rows for m in range(1, 13))
    assert months == Decimal(totals["base_paid"])
    if sets:  # a what-if says so on every row
        assert {r["方案"] for r in rows} == {"allowance.annual_standard.lead=12345.65"}


# --------------------------------------------------------------------------- both commands


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "2023"],
        ["assess", "2023", "--lang", "en"],
        ["allowance", "2023"],
        ["allowance", "2023", "--lang", "en"],
        ["allowance", "2023", "--lang", "en", "--set", "allowance.annual_standard.lead=12345"],
    ],
)
def test_tables_fit_80_columns_and_never_cut_text(cli, args):
    out = cli(*args).stdout
    assert "…" not in out
    assert "\x1b[" not in out
    assert max(wcswidth(line) for line in out.splitlines()) <= 80


def test_the_fixture_by_hand_through_the_cli(cli, write_data):
    d = write_scores(write_data)
    doc = json.loads(cli("assess", "2023", "--data", str(d), "-f", "json").stdout)
    assert [(g["group"], g["school_mean"], g["total"], g["grade"]) for g in doc["groups"]] == [
        ("g1", "85.17", "84.98", "good"),
        ("k1", "65.00", "63.30", "fair"),  # mean 64.995 shows as 65.00; the total used 64.995
    ]


@pytest.mark.parametrize("command", ["assess", "allowance"])
@pytest.mark.parametrize(
    ("files", "stderr"),
    [
        (
            {"campus": None},
            "错误：campus_scores.csv：缺少文件：groupctl {command} 需要数据文件夹（{d}）中有这个文件\n",
        ),
        (
            {"group": None},
            "错误：group_scores.csv：缺少文件：groupctl {command} 需要数据文件夹（{d}）中有这个文件\n",
        ),
        (
            {"campus": CAMPUS_SCORES.replace("2023,g1-east,85.50\n", "")},
            "错误：campus_scores.csv：没有校区 g1-east（甲教育集团东校区）2023 学年的得分\n",
        ),
        (
            {"group": GROUP_SCORES.replace("2023,g1,88,84\n", "")},
            "错误：group_scores.csv：没有集团 g1（甲教育集团）2023 学年的得分\n",
        ),
        (
            {"campus": CAMPUS_SCORES.replace("85.50", "85.505")},
            "错误：campus_scores.csv:3：得分最多两位小数，而不是“85.505”\n",
        ),
    ],
)
def test_missing_or_bad_scores_are_one_line_and_exit_2(cli, write_data, command, files, stderr):
    d = write_scores(write_data, **files)
    result = cli(command, "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == stderr.format(command=command, d=d)


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["assess", "2022"],
            "错误：2022-2023 学年没有数字：方案的数字从 2023-2024 学年开始"
            "（这是本工具的解读：试点于 2023 年 5 月开始，经费按学年计）\n",
        ),
        (
            ["allowance", "2024"],
            "错误：campus_scores.csv：没有 2024 学年的学校考核得分（有得分的学年：2023）\n",
        ),
        (
            ["assess", "2023", "--set", "assessment.weight_school=0.6"],
            "错误：集团考核的三项权重之和须为 1，现为 assessment.weight_school 0.6"
            " + assessment.weight_party_building 0.1 + assessment.weight_comprehensive 0.4 = 1.1"
            "（已改动：assessment.weight_school --set）；请三项一起设置\n",
        ),
        (
            ["allowance", "2023", "--set", "allowance.efficiency_share=0.4"],
            "错误：津贴的两部分比例之和须为 1，现为 allowance.base_share 0.7"
            " + allowance.efficiency_share 0.4 = 1.1（已改动：allowance.efficiency_share --set）；"
            "请两项一起设置\n",
        ),
        (
            ["assess", "2023", "--set", "assessment.grades=90:top,0:fail"],
            "错误：assessment.grades：“top” 不是等次（excellent、good、fair、fail，"
            "或 优秀、良好、一般、不合格）（--set）\n",
        ),
        (
            ["allowance", "2023", "--set", "allowance.efficiency_factor.good=-1"],
            "错误：--set allowance.efficiency_factor.good：应为不小于 0 的数，而不是“-1”\n",
        ),
        (
            ["allowance", "2023", "--set", "allowance.efficiency_factor.good=1.5"],
            "错误：allowance.efficiency_factor.good：1.5 不是 0 到 1 之间的系数；"
            "效能津贴至多为年标准 × allowance.efficiency_share（--set）\n",
        ),
        (
            [
                "allowance",
                "2023",
                "--set",
                "allowance.efficiency_factor.good=0.9",
                "--set",
                "allowance.efficiency_factor.excellent=0.85",
            ],
            "错误：效能系数从优秀到不合格不得上升，现为"
            " allowance.efficiency_factor.excellent 0.85（--set）"
            "< allowance.efficiency_factor.good 0.9（--set）\n",
        ),
        (
            ["allowance", "2023", "--set", "allowance.annual_standard.member=0.09"],
            "错误：allowance.annual_standard.member：年标准 0.09 太小：其基础部分"
            " 0.06（0.09 × allowance.base_share 0.7，计到分）无法分 12 个月发放（--set）\n",
        ),
    ],
)
def test_bad_years_and_settings_are_one_line_and_exit_2(cli, args, stderr):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == stderr


def test_check_reports_a_bad_score_file_with_file_and_line(cli, write_data):
    d = write_scores(write_data, group=GROUP_SCORES.replace("60.00,62.00", "60.00,101"))
    result = cli("check", "--data", str(d), "-f", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert [(p["severity"], p["file"], p["line"], p["message"]) for p in doc["problems"]] == [
        ("error", "group_scores.csv", 3, "综合应在 0 至 100 之间，而不是“101”"),
        ("warning", "group_scores.csv", None, "没有集团 k1（乙幼儿园教育集团）2023 学年的得分"),
    ]
    result = cli("check", "--data", str(d), "-f", "json", "--lang", "en")
    doc = json.loads(result.stdout)
    assert [(p["severity"], p["file"], p["line"], p["message"]) for p in doc["problems"]] == [
        ("error", "group_scores.csv", 3, "comprehensive must be from 0 to 100, got '101'"),
        ("warning", "group_scores.csv", None, "no scores for 2023 for group k1 (乙幼儿园教育集团)"),
    ]


def test_funding_does_not_read_the_score_files(cli, write_data):
    d = write_scores(write_data, campus="year,campus,score\n2023,g1-east,lots\n")
    result = cli("funding", "2023", "--data", str(d), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] == "240000.00"


def test_a_two_line_cell_stays_one_markdown_row(cli):
    args = ["allowance", "2023", "-f", "markdown", "--set", "allowance.annual_standard.lead=12345"]
    out = cli(*args).stdout
    assert "|       8,641.50 | 720.13 · 第12月 720.07 |   3,703.50 |" in out
    table = out[out.index("| 集团 / 校区") :].splitlines()
    # header and rule, a heading and a total per group, 21 heads, the district total
    assert len(table) == 2 + 5 * 2 + 21 + 1
    assert all(line.startswith("|") for line in table)
