"""--compare: the same computation with and without --set, and what changed."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from rich.cells import cell_len

from groupctl.loaders import BUNDLED_DATA
from groupctl.views.compare import differences


def test_funding_compare_lists_each_changed_figure_with_its_difference(cli):
    result = cli(
        "funding", "2023", "--set", "funding.base_per_group=120000", "--compare", "-f", "json"
    )
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == [
        "command", "year", "school_year", "meta", "sets", "baseline", "modified", "differences",
    ]  # fmt: skip
    assert (doc["command"], doc["year"], doc["school_year"]) == ("funding", 2023, "2023-2024")
    assert doc["meta"]["sets"] == [{"path": "funding.base_per_group", "value": "120000"}]
    assert doc["sets"] == ["funding.base_per_group=120000"]
    # the two bodies, without an envelope of their own
    assert "meta" not in doc["baseline"] and "command" not in doc["modified"]
    assert doc["baseline"]["total"] == "750000.00"
    assert doc["modified"]["total"] == "850000.00"
    diffs = {d["path"]: d for d in doc["differences"]}
    assert diffs["total"] == {
        "path": "total",
        "label": "total",
        "baseline": "750000.00",
        "modified": "850000.00",
        "difference": "+100000.00",
    }
    assert diffs["groups.qixiao.base"]["difference"] == "+20000.00"
    assert len(diffs) == 1 + 5 * 2  # the total, and each group's base and total


def test_compare_matches_records_by_identity_not_position(cli):
    doc = json.loads(
        cli(
            "approve", "9000", "-c", "镇罗", "--year", "2023", "-f", "json", "--compare",
            "--set", "finance.large_expense_threshold=8000",
        ).stdout
    )  # fmt: skip
    changed = [
        (d["label"], d["baseline"], d["modified"], d["difference"]) for d in doc["differences"]
    ]
    assert changed == [
        ("group_party_branch", None, "报集团，由中卫市第四中学教育集团党总支研究审批", "added"),
        ("school_implements.step", 2, 3, 1),
        ("group_payment_review.step", 3, 4, 1),
    ]


def test_compare_table_and_a_setting_that_changes_nothing(cli):
    out = cli(
        "funding", "2023", "--set", "funding.supplement_includes_lead=false", "--compare"
    ).stdout
    assert out == "两组参数下结果相同。\n"
    table = cli(
        "funding", "2023", "--set", "funding.supplement_includes_lead=true", "--compare"
    ).stdout
    assert table.splitlines()[0] == "参数对比：funding.supplement_includes_lead=true"
    # the lead's supplement, named by its group and campus
    lines = table.splitlines()
    at = lines.index("中卫市第七小学教育集团    增补经费合计   15,000.00   35,000.00   +20,000.00")
    assert (
        "  总校                    增补经费            0.00   20,000.00   +20,000.00" in lines[at:]
    )


def test_compare_needs_a_set(cli):
    result = cli("funding", "2023", "--compare")
    assert result.exit_code == 2
    assert result.stderr == "错误：--compare 需要至少一个 --set 参数=值 作为对照\n"


def test_decimal_strings_keep_their_places_in_the_difference():
    diffs = differences({"amount": "100.50"}, {"amount": "90.25"})
    assert diffs == [
        {
            "path": "amount",
            "label": "amount",
            "baseline": "100.50",
            "modified": "90.25",
            "difference": "-10.25",
        }
    ]


def test_every_computing_command_compares(cli):
    staffing = json.loads(
        cli(
            "staffing",
            "2023",
            "-f",
            "json",
            "--compare",
            "--set",
            "teachers.student_ratio.primary=18",
        ).stdout
    )
    labels = {d["label"]: (d["baseline"], d["modified"]) for d in staffing["differences"]}
    assert labels["qixiao-main.teachers.primary.by_students"] == (
        125,
        132,
    )  # 2380 ÷ 19 → 125; ÷ 18 → 132
    grades = json.loads(
        cli(
            "assess", "2023", "-f", "json", "--compare",
            "--set", "assessment.grades=85:excellent,80:good,60:fair,0:fail",
        ).stdout
    )  # fmt: skip
    assert {d["label"]: d["modified"] for d in grades["differences"]}["xuanhe.grade"] == "excellent"
    allowance = json.loads(
        cli(
            "allowance",
            "2023",
            "-f",
            "json",
            "--compare",
            "--set",
            "allowance.annual_standard.lead=15000",
        ).stdout
    )
    changed = {d["label"]: d["difference"] for d in allowance["differences"]}
    assert changed["qixiao-main.annual_standard"] == "+3000.00"


def test_scalar_lists_compare_item_by_item(cli):
    doc = json.loads(
        cli(
            "allowance",
            "2023",
            "-f",
            "json",
            "--compare",
            "--set",
            "allowance.annual_standard.member=10000",
        ).stdout
    )
    months = [d for d in doc["differences"] if d["label"].startswith("qixiao-shuangqu.monthly.")]
    assert [d["label"][-2:] for d in months] == [f"{m:02d}" for m in range(1, 13)]
    assert (months[0]["baseline"], months[0]["modified"], months[0]["difference"]) == (
        "560.00",
        "583.33",
        "+23.33",
    )


def test_compare_tables_fit_80_columns(cli):
    from wcwidth import wcswidth

    for args in (
        [
            "approve",
            "45000",
            "-c",
            "镇罗",
            "--set",
            "finance.bureau_threshold=50000",
            "--lang",
            "en",
        ],
        ["allowance", "2023", "--set", "allowance.annual_standard.member=10000"],
        ["staffing", "2023", "--set", "teachers.student_ratio.primary=18"],
    ):
        out = cli(*args, "--compare").stdout
        assert "…" not in out
        assert max(wcswidth(line) for line in out.splitlines()) <= 80


def test_compare_table_of_an_approval(cli):
    result = cli(
        "approve", "45000", "-c", "镇罗", "--set", "finance.bureau_threshold=50000", "--compare"
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "参数对比：finance.bureau_threshold=50000\n"
        "\n"
        "  项目                                                      原值   新值   差额\n"
        " ──────────────────────────────────────────────────────────────────────────────\n"
        "  审批步骤                     报区教育局审批（40,000 元及以上）      —   取消\n"
        "  镇罗校区组织实施 ·                                           4      3     -1\n"
        "  步骤序号\n"
        "  中卫市第四中学教育集团审核                                   5      4     -1\n"
        "  凭证和支付申请后办理支付 ·\n"
        "  步骤序号\n"
        "\n"
    )
    assert (
        result.stderr.splitlines()[-1]
        == "注：参数已改动：finance.bureau_threshold = 50000（--set）"
    )


def test_compare_csv_has_one_row_per_difference_with_its_path(cli):
    args = ("funding", "2023", "--set", "funding.base_per_group=120000", "--compare")
    rows = list(csv.reader(io.StringIO(cli(*args, "-f", "csv").stdout)))
    assert rows[0] == ["路径", "集团 / 校区", "项目", "原值", "新值", "差额", "方案"]
    assert rows[1] == [
        "total", "全区", "经费合计", "750000.00", "850000.00", "100000.00",
        "funding.base_per_group=120000",
    ]  # fmt: skip
    assert rows[2][:3] == ["groups.qixiao.base", "中卫市第七小学教育集团", "基础经费"]
    differences = json.loads(cli(*args, "-f", "json").stdout)["differences"]
    assert [r[0] for r in rows[1:]] == [d["path"] for d in differences]
    # the path is data only: the table names a figure by its short label
    assert "groups.qixiao.base" not in cli(*args).stdout
    en = cli(*args, "-f", "csv", "--lang", "en").stdout.splitlines()
    assert en[0] == "path,group / campus,figure,baseline,modified,difference,scenario"


def test_compare_csv_names_added_steps_in_the_chosen_language(cli):
    args = (
        "approve",
        "9000",
        "-c",
        "镇罗",
        "--compare",
        "--set",
        "finance.large_expense_threshold=8000",
    )
    rows = list(csv.reader(io.StringIO(cli(*args, "-f", "csv").stdout)))
    assert rows[1][:5] == [
        "steps.group_party_branch",
        "审批步骤",
        "",
        "报集团，由中卫市第四中学教育集团党总支研究审批",
        "新增",
    ]
    en = list(csv.reader(io.StringIO(cli(*args, "-f", "csv", "--lang", "en").stdout)))
    assert en[1][4] == "added"


def test_compare_keeps_the_exit_code_and_notes_of_the_modified_run(cli, write_data):
    # a bureau that closed the special fund's list refuses an unlisted purpose (exit 1)
    d = write_data(policy="finance:\n  special_fund_purposes_closed: true\n")
    args = ("approve", "5000", "-c", "g1-east", "--fund", "special", "-p", "聚餐")
    args += ("--year", "2023", "--data", str(d), "--set", "finance.bureau_threshold=50000")
    result = cli(*args, "--compare")
    assert result.exit_code == 1  # still not permitted
    assert result.stdout == "两组参数下结果相同。\n"
    permitted = ("approve", "45000", "-c", "镇罗", "--set", "finance.bureau_threshold=50000")
    assert cli(*permitted, "--compare").stderr == cli(*permitted).stderr


def test_a_record_only_one_side_has_shows_its_name():
    before = {"campuses": [{"campus": "a", "campus_name": "甲校区", "students": 10}]}
    after = {"campuses": [{"campus": "b", "campus_name": "乙校区", "students": 20}]}
    assert [
        (d["label"], d["baseline"], d["modified"], d["difference"])
        for d in differences(before, after)
    ] == [
        ("b", None, "乙校区", "added"),
        ("a", "甲校区", None, "removed"),
    ]


def test_names_that_look_like_numbers_are_not_subtracted():
    assert differences({"name": "NaN"}, {"name": "Infinity"})[0]["difference"] is None


# --------------------------------------------------------------------------- for people

FUNDING_SET = ("funding", "2023", "--set", "funding.base_per_group=120000", "--compare")


def test_funding_compare_table_names_groups_district_first(cli):
    result = cli(*FUNDING_SET)
    assert result.exit_code == 0
    assert result.stdout == (
        "参数对比：funding.base_per_group=120000\n"
        "\n"
        "  集团 / 校区                项目             原值         新值          差额\n"
        " ─────────────────────────────────────────────────────────────────────────────\n"
        "  全区                       经费合计   750,000.00   850,000.00   +100,000.00\n"
        "\n"
        "  中卫市第七小学教育集团     基础经费   100,000.00   120,000.00    +20,000.00\n"
        "                             经费合计   115,000.00   135,000.00    +20,000.00\n"
        "\n"
        "  中卫市第四中学教育集团     基础经费   100,000.00   120,000.00    +20,000.00\n"
        "                             经费合计   145,000.00   165,000.00    +20,000.00\n"
        "\n"
        "  中卫市宣和教育集团         基础经费   100,000.00   120,000.00    +20,000.00\n"
        "                             经费合计   170,000.00   190,000.00    +20,000.00\n"
        "\n"
        "  中卫市兴仁教育集团         基础经费   100,000.00   120,000.00    +20,000.00\n"
        "                             经费合计   185,000.00   205,000.00    +20,000.00\n"
        "\n"
        "  中卫市第二幼儿园教育集团   基础经费   100,000.00   120,000.00    +20,000.00\n"
        "                             经费合计   135,000.00   155,000.00    +20,000.00\n"
        "\n"
    )
    # no JSON path or id in the table
    assert "qixiao" not in result.stdout and "total " not in result.stdout


def test_funding_compare_table_in_english(cli):
    out = cli(*FUNDING_SET, "--lang", "en").stdout
    assert out.splitlines()[:8] == [
        "Comparison: funding.base_per_group=120000",
        "",
        "  group / campus             figure     baseline     modified    difference",
        " ───────────────────────────────────────────────────────────────────────────",
        "  district                   total    750,000.00   850,000.00   +100,000.00",
        "",
        "  中卫市第七小学教育集团     base     100,000.00   120,000.00    +20,000.00",
        "                             total    115,000.00   135,000.00    +20,000.00",
    ]


def test_a_code_and_its_label_are_one_change_shown_by_label(cli):
    args = ("assess", "2023", "--compare", "--set")
    out = cli(*args, "assessment.grades=85:excellent,80:good,60:fair,0:fail").stdout
    lines = out.splitlines()
    assert lines[4:7] == [
        "  中卫市第四中学教育集团",
        "    总校                         等次     良好    优秀",
        "",
    ]
    body = "\n".join(lines[2:])
    assert "grade_label" not in body and "good" not in body
    # the groups in the data's order: 第四中学 before 宣和, though 宣和's group figure comes first
    assert out.index("第四中学") < out.index("宣和教育集团")
    # JSON keeps every difference by its path, the label and the proposed grade too
    doc = json.loads(cli(*args, "assessment.grades=85:excellent,80:good,60:fair,0:fail",
                         "-f", "json").stdout)  # fmt: skip
    paths = {d["path"] for d in doc["differences"]}
    assert {"groups.xuanhe.grade_label", "groups.xuanhe.proposed_grade"} <= paths


GRADES = ("assess", "2023", "--set", "assessment.grades=95:优秀,85:良好,60:一般,0:不合格")


def test_a_grade_and_the_same_proposed_grade_are_one_change(cli):
    result = cli(*GRADES, "--compare")
    assert result.exit_code == 0
    assert result.stdout == (
        "参数对比：assessment.grades=95:优秀,85:良好,60:一般,0:不合格\n"
        "\n"
        "  集团 / 校区                   项目    原值   新值   差额\n"
        " ──────────────────────────────────────────────────────────\n"
        "  中卫市第七小学教育集团        等次    优秀   良好\n"
        "    双渠校区                    等次    优秀   良好\n"
        "\n"
        "  中卫市第四中学教育集团        等次    良好   一般\n"
        "    镇罗校区                    等次    良好   一般\n"
        "\n"
        "  中卫市宣和教育集团\n"
        "    东月校区                    等次    良好   一般\n"
        "    张洪校区                    等次    优秀   良好\n"
        "    宣和幼儿园                  等次    良好   一般\n"
        "\n"
        "  中卫市兴仁教育集团\n"
        "    总校（兴仁中学）            等次    良好   一般\n"
        "\n"
        "  中卫市第二幼儿园教育集团      等次    优秀   良好\n"
        "    总园                        等次    优秀   良好\n"
        "    香山分园                    等次    优秀   良好\n"
        "\n"
    )
    en = cli(*GRADES, "--compare", "--lang", "en").stdout.splitlines()
    assert en[2:6] == [
        "  group / campus             figure    baseline   modified   difference",
        " ───────────────────────────────────────────────────────────────────────",
        "  中卫市第七小学教育集团     grade    excellent       good",
        "    双渠校区                 grade    excellent       good",
    ]
    assert "proposed" not in "\n".join(en)


def test_a_decided_grade_leaves_the_proposal_as_the_change(cli, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, data)
    scores = data / "group_scores.csv"
    rows = scores.read_text(encoding="utf-8").splitlines()
    decided = [rows[0] + ",decided_grade"] + [
        r + (",优秀" if r.startswith("2023,qixiao,") else ",") for r in rows[1:]
    ]
    scores.write_text("\n".join(decided) + "\n", encoding="utf-8")
    lines = cli(*GRADES, "--compare", "--data", str(data)).stdout.splitlines()
    # 第七小学 keeps the grade decided; only its proposal moves, and is said as the proposal
    assert lines[4:6] == [
        "  中卫市第七小学教育集团     拟定等次   优秀   良好",
        "    双渠校区                 等次       优秀   良好",
    ]
    en = cli(*GRADES, "--compare", "--data", str(data), "--lang", "en").stdout.splitlines()
    first = next(line for line in en if "中卫市第七小学教育集团" in line)
    assert first.split() == ["中卫市第七小学教育集团", "proposed", "grade", "excellent", "good"]


def test_monthly_amounts_fold_into_the_annual_figures_unless_explained(cli):
    args = ("allowance", "2023", "--set", "allowance.annual_standard.member=10000", "--compare")
    out = cli(*args).stdout
    assert "每月" not in out
    # wider than 80 columns as usual: drawn with two spaces between columns
    assert out.splitlines()[4:6] == [
        "全区                      年标准        213,600.00  220,000.00  +6,400.00",
        "                          基础津贴      149,520.00  154,000.00  +4,480.00",
    ]
    assert out.endswith(
        "另有 384 项逐月金额随之变化，已计入上表的年度金额；加 --explain 逐月列出。\n"
    )
    explained = cli(*args, "--explain").stdout
    assert (
        "                          每月金额 · 12月      560.00      583.37     +23.37"
        in explained.splitlines()
    )
    assert "另有" not in explained
    # the CSV holds the table's rows: as many as the table lists
    rows = list(csv.reader(io.StringIO(cli(*args, "-f", "csv").stdout)))
    assert not any(r[0].startswith("heads.qixiao-shuangqu.monthly") for r in rows)


def test_a_stage_figure_that_repeats_its_campus_figure_is_said_once(cli):
    args = ("staffing", "2023", "--set", "teachers.student_ratio.primary=18", "--compare")
    lines = cli(*args).stdout.splitlines()
    assert lines[7:10] == [
        "  中卫市第七小学教育集团   编制           147    155     +8",
        "                           余缺            -7    -15     -8",
        "    总校                   编制           125    132     +7",
    ]
    assert lines[10] == "                           余缺            -7    -14     -7"
    # a campus of two stages keeps its stage's quota: it is not the campus's
    at = lines.index("    郭滩校区               编制            21     22     +1")
    assert lines[at + 1] == "                           小学 · 编制     12     13     +1"


STAFFING_SET = ("staffing", "2023", "--set", "teachers.student_ratio.primary=20", "--compare")


def test_staffing_compare_says_each_change_once_under_the_district_and_group_totals(cli):
    result = cli(*STAFFING_SET)
    assert result.exit_code == 0
    assert result.stdout == (
        "参数对比：teachers.student_ratio.primary=20\n"
        "\n"
        "  集团 / 校区              项目          原值   新值   差额\n"
        " ───────────────────────────────────────────────────────────\n"
        "  全区                     编制           698    684    -14\n"
        "                           余缺           -22     -8    +14\n"
        "\n"
        "  中卫市第七小学教育集团   编制           147    140     -7\n"
        "                           余缺            -7      0     +7\n"
        "    总校                   编制           125    119     -6\n"
        "                           余缺            -7     -1     +6\n"
        "    双渠校区               编制            22     21     -1\n"
        "                           余缺             0     +1     +1\n"
        "\n"
        "  中卫市宣和教育集团       编制           162    158     -4\n"
        "                           余缺            -6     -2     +4\n"
        "    东月校区               编制            36     35     -1\n"
        "                           小学 · 编制     20     19     -1\n"
        "                           余缺            -1      0     +1\n"
        "    张洪校区               编制            16     15     -1\n"
        "                           小学 · 编制      9      8     -1\n"
        "                           余缺            +1     +2     +1\n"
        "    宣和小学校区           编制            34     32     -2\n"
        "                           余缺            -3     -1     +2\n"
        "\n"
        "  中卫市兴仁教育集团       编制           169    166     -3\n"
        "                           余缺            -7     -4     +3\n"
        "    兴仁小学               编制            40     38     -2\n"
        "                           余缺            -2      0     +2\n"
        "    王团校区               编制            12     11     -1\n"
        "                           余缺            -1      0     +1\n"
        "\n"
    )
    # the district's figures are the staffing table's district total row
    table = cli("staffing", "2023").stdout
    assert "  全区合计                            12,790    322    698    676    -22" in table


def test_staffing_compare_in_english_names_the_gap(cli):
    lines = cli(*STAFFING_SET, "--lang", "en").stdout.splitlines()
    assert lines[2:13] == [
        "  group / campus           figure            baseline   modified   difference",
        " ─────────────────────────────────────────────────────────────────────────────",
        "  district                 quota                  698        684          -14",
        "                           gap                    -22         -8          +14",
        "",
        "  中卫市第七小学教育集团   quota                  147        140           -7",
        "                           gap                     -7          0           +7",
        "    总校                   quota                  125        119           -6",
        "                           gap                     -7         -1           +6",
        "    双渠校区               quota                   22         21           -1",
        "                           gap                      0         +1           +1",
    ]
    assert "±" not in "\n".join(lines)


def test_staffing_compare_csv_keeps_numbers_plain(cli):
    rows = list(csv.reader(io.StringIO(cli(*STAFFING_SET, "-f", "csv", "--lang", "en").stdout)))
    assert rows[0][:6] == ["path", "group / campus", "figure", "baseline", "modified", "difference"]
    assert rows[1][:6] == ["totals.district.quota", "district", "quota", "698", "684", "-14"]
    assert rows[2][:6] == ["totals.district.gap", "district", "gap", "-22", "-8", "14"]
    shuangqu = [r for r in rows if r[0] == "campuses.qixiao-shuangqu.teachers.gap"]
    assert shuangqu[0][3:6] == ["0", "1", "1"]  # no "+": a spreadsheet would take it for a formula


def test_a_kindergarten_quota_in_the_totals_is_named_by_its_table(cli):
    args = ("staffing", "2023", "--set", "teachers.kindergarten_established=15:5,0:3")
    lines = cli(*args, "--compare").stdout.splitlines()
    assert lines[4:14] == [
        "  全区                       编制                   698    700     +2",
        "                             余缺                   -22    -24     -2",
        "                             两教一保 · 教师编制     17     19     +2",
        "                             两教一保 · 临聘教师     97     95     -2",
        "",
        "  中卫市第二幼儿园教育集团   编制                    11     13     +2",
        "                             余缺                     0     -2     -2",
        "                             两教一保 · 临聘教师     69     67     -2",
        "    总园                     教师编制                 4      5     +1",
        "                             临聘教师                28     27     -1",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("funding", "2023", "--set", "funding.base_per_group=120000"),
        ("staffing", "2023", "--set", "teachers.student_ratio.primary=18"),
        ("assess", "2023", "--set", "assessment.grades=85:excellent,80:good,60:fair,0:fail"),
        ("allowance", "2023", "--set", "allowance.annual_standard.lead=15000"),
        ("coverage", "2023", "--set", "coverage.target=0.9"),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_computing_command_compares_for_people(cli, args, lang):
    out = cli(*args, "--compare", "--lang", lang).stdout
    assert "." not in out.splitlines()[2]  # the header: no JSON paths
    body = out.splitlines()[4:]
    assert body and not any("_" in line for line in body)  # no JSON keys
    table = [line for line in out.splitlines() if line.startswith(" ")]
    assert max(cell_len(line) for line in table) <= 80


def test_coverage_compare_has_no_place_column_and_flags_in_words(cli):
    out = cli("coverage", "2023", "--set", "coverage.target=0.9", "--compare").stdout
    assert out == (
        "参数对比：coverage.target=0.9\n"
        "\n"
        "  项目           原值     新值      差额\n"
        " ────────────────────────────────────────\n"
        "  目标         0.6000   0.9000   +0.3000\n"
        "  达到目标         是       否\n"
        "  尚差（所）        0        8        +8\n"
        "\n"
    )
