"""七 timeline: phases at every boundary, the duties of a school year, `groupctl timeline`."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest

from groupctl.errors import UsageError
from groupctl.policy import load_policy
from groupctl.rules.timeline import compute_timeline, duties_in_school_year, parse_day


def phases_on(day: date) -> list[str]:
    return [p.code for p in compute_timeline(load_policy(), day).phases]


def due_on(day: date) -> list[tuple[str, int]]:
    return [(d.code, d.for_year) for d in compute_timeline(load_policy(), day).due]


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("day", "phases"),
    [
        (date(2023, 3, 31), []),
        (date(2023, 4, 1), ["preparation"]),
        (date(2023, 4, 30), ["preparation"]),
        # May: preparation ends and the pilot (with its first step) begins
        (date(2023, 5, 1), ["preparation", "pilot", "rules"]),
        (date(2023, 5, 31), ["preparation", "pilot", "rules"]),
        # June: the two steps of the pilot overlap
        (date(2023, 6, 1), ["pilot", "rules", "rollout"]),
        (date(2023, 6, 30), ["pilot", "rules", "rollout"]),
        (date(2023, 7, 1), ["pilot", "rollout"]),
        (date(2023, 8, 1), ["pilot", "rollout"]),
        (date(2023, 11, 30), ["pilot", "rollout"]),
        # December: the pilot's last month is the review's first
        (date(2023, 12, 1), ["pilot", "rollout", "review"]),
        (date(2023, 12, 31), ["pilot", "rollout", "review"]),
        (date(2024, 1, 1), ["review"]),
        (date(2031, 6, 1), ["review"]),  # the review phase has no end
    ],
)
def test_phases_in_force_at_every_boundary(day, phases):
    assert phases_on(day) == phases


def test_duties_in_a_school_year_fall_between_september_and_august():
    duties = duties_in_school_year(2023)
    assert [(d.code, d.clause, d.for_year) for d in duties] == [
        ("base_allowance", "6.4.4", 2023),
        ("year_end_assessment", "6.5", 2023),
        ("efficiency_allowance", "6.4.4", 2023),
        ("teacher_plan", "6.4.3", 2024),  # July 2024: the plan for the next school year
    ]
    base, assessment, efficiency, plan = duties
    assert base.months == tuple(
        [date(2023, m, 1) for m in range(9, 13)] + [date(2024, m, 1) for m in range(1, 9)]
    )
    assert assessment.months == (date(2023, 12, 1),)
    assert (efficiency.schedule, efficiency.months) == (
        "once",
        (date(2023, 12, 1), date(2024, 1, 1)),
    )
    assert plan.months == (date(2024, 7, 1),)


@pytest.mark.parametrize(
    ("day", "due"),
    [
        # before the first school year with figures (2023–2024), nothing falls due …
        (date(2023, 5, 15), []),
        (date(2023, 8, 1), []),
        # … except the July plan for 2023–2024 itself
        (date(2023, 7, 10), [("teacher_plan", 2023)]),
        (date(2023, 9, 1), [("base_allowance", 2023)]),
        (
            date(2023, 12, 31),
            [
                ("base_allowance", 2023),
                ("year_end_assessment", 2023),
                ("efficiency_allowance", 2023),
            ],
        ),
        (date(2024, 1, 1), [("base_allowance", 2023), ("efficiency_allowance", 2023)]),
        (date(2024, 7, 31), [("base_allowance", 2023), ("teacher_plan", 2024)]),
        (date(2024, 8, 31), [("base_allowance", 2023)]),
        (date(2024, 9, 1), [("base_allowance", 2024)]),
    ],
)
def test_duties_due_in_the_month_of_a_day(day, due):
    assert due_on(day) == due


def test_the_coverage_milestone_reads_the_target_from_the_policy():
    result = compute_timeline(load_policy().with_sets(["coverage.target=0.75"]))
    coverage = next(m for m in result.milestones if m.code == "coverage_target")
    assert (coverage.year, str(coverage.target), coverage.clause) == (2025, "0.75", "7.3")
    assert [(u.path, u.set_by) for u in result.parameters] == [
        ("coverage.target", "--set"),
        ("coverage.target_year", "bundled"),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2023-08-01", date(2023, 8, 1)),
        ("2023/8/1", date(2023, 8, 1)),
        ("2023年8月1日", date(2023, 8, 1)),
        ("２０２３－０８－０１", date(2023, 8, 1)),
    ],
)
def test_dates_as_clerks_type_them(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13-01", "tomorrow", "2023-08", ""])
def test_a_bad_date_is_a_usage_error(text):
    with pytest.raises(UsageError, match="--on must be a date like 2023-08-01"):
        parse_day(text)


# --------------------------------------------------------------------------- the command


def test_timeline_on_a_day_in_the_pilot(cli):
    result = cli("timeline", "--on", "2023-08-01")
    assert result.exit_code == 0
    assert result.stdout == (
        "2023-08-01 所处阶段（七）\n"
        "\n"
        "  阶段         起        止        依据\n"
        " ───────────────────────────────────────────\n"
        "  试点运行     2023-05   2023-12   七（二）\n"
        "    全面推进   2023-06   2023-12   七（二）\n"
        "\n"
        "2023-08 没有到期的例行事项\n"
        "例行事项为 2023–2024 学年起各学年的事项（方案的数字自该学年起）\n"
        "学年为当年9月至次年8月\n"
        "解读：方案未写明月份，“年终”按12月计，基础津贴按学年9月至次年8月逐月发放\n"
    )
    assert result.stderr == ""


def test_timeline_on_a_day_with_duties_due(cli):
    result = cli("timeline", "--on", "2023-12-15", "--lang", "en")
    assert result.stdout.split("\n\n")[-3:] == [
        "Duties due in 2023-12",
        "  duty                         when                 school year   clause\n"
        " ──────────────────────────────────────────────────────────────────────────────\n"
        "  pay the base allowance       2023-12 monthly      2023-2024     clause 6.4.4\n"
        "  year-end assessment          2023-12              2023-2024     clause 6.5\n"
        "  pay the efficiency           2023-12 or 2024-01   2023-2024     clause 6.4.4\n"
        "  allowance",
        "",
    ]


def test_whole_timeline_lists_phases_milestones_and_duties(cli):
    result = cli("timeline")
    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n")
    assert blocks[1] == (
        "  阶段         起        止         依据\n"
        " ────────────────────────────────────────────\n"
        "  前期准备     2023-04   2023-05    七（一）\n"
        "  试点运行     2023-05   2023-12    七（二）\n"
        "    建章立制   2023-05   2023-06    七（二）\n"
        "    全面推进   2023-06   2023-12    七（二）\n"
        "  总结推广     2023-12   （持续）   七（三）"
    )
    assert "  2025      义务教育阶段学校集团化办学覆盖率达到目标   ≥ 60.00%   七（三）" in blocks[3]
    assert blocks[4].splitlines()[:3] == [
        "每学年的例行事项",
        "例行事项为 2023–2024 学年起各学年的事项（方案的数字自该学年起）",
        "学年为当年9月至次年8月",
    ]
    assert blocks[5].splitlines()[2:] == [
        "  按月发放基础津贴             每月                本学年     六（四）4",
        "  集团与学校年终考核           每年12月            本学年     六（五）",
        "  发放管理效能津贴（一次性）   每年12月或次年1月   本学年     六（四）4",
        "  集团提交教师调配补充方案     每年7月             下一学年   六（四）3",
    ]


def test_timeline_json(cli):
    doc = json.loads(cli("timeline", "-f", "json").stdout)
    assert (doc["command"], doc["on"], doc["first_year"]) == ("timeline", None, 2023)
    assert "year" not in doc
    assert doc["phases"][2] == {
        "phase": "rules",
        "phase_label": "建章立制",
        "within": "pilot",
        "within_label": "试点运行",
        "start": "2023-05",
        "end": "2023-06",
        "clause": "7.2",
    }
    assert doc["phases"][-1]["end"] is None
    assert doc["milestones"][-1] == {
        "milestone": "coverage_target",
        "milestone_label": "义务教育阶段学校集团化办学覆盖率达到目标",
        "year": 2025,
        "month": None,
        "target": "0.6000",
        "clause": "7.3",
    }
    assert doc["duties"][2] == {
        "duty": "efficiency_allowance",
        "duty_label": "发放管理效能津贴（一次性）",
        "schedule": "once",
        "schedule_label": "一次",
        "months": [12, 1],
        "concerns": "current",
        "concerns_label": "本学年",
        "clause": "6.4.4",
    }
    on = json.loads(cli("timeline", "--on", "2024-07-03", "-f", "json").stdout)
    assert (on["on"], on["month"]) == ("2024-07-03", "2024-07")
    assert [p["phase"] for p in on["phases"]] == ["review"]
    assert [(d["duty"], d["for_year"]) for d in on["due"]] == [
        ("base_allowance", 2023),
        ("teacher_plan", 2024),
    ]


def test_a_data_folders_target_shows_in_the_milestone(cli, write_data):
    d = write_data(policy="coverage:\n  target: 0.7\n")
    result = cli("timeline", "-f", "json", env={"GROUPCTL_DATA": str(d)})
    assert json.loads(result.stdout)["milestones"][-1]["target"] == "0.7000"
    assert result.stderr == "注：参数已改动：coverage.target = 0.7（policy.yaml:2）\n"


def test_a_bad_date_exits_2_with_one_line(cli):
    result = cli("timeline", "--on", "2023-02-30")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "错误：--on 应为 2023-08-01 这样的日期，而不是“2023-02-30”\n"


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "错误：--on 应为 2023-08-01 这样的日期，而不是“abc”\n"),
        ("en", "error: --on must be a date like 2023-08-01, got 'abc'\n"),
    ],
)
def test_a_word_for_a_date_is_quoted_as_other_values_are(cli, lang, line):
    result = cli("timeline", "--on", "abc", "--lang", lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)


def test_timeline_in_every_format(cli, tmp_path):
    assert cli("timeline", "-f", "csv").stdout.splitlines()[:3] == [
        "阶段,所属阶段,起,止,条款",
        "前期准备,,2023-04,2023-05,7.1",
        "试点运行,,2023-05,2023-12,7.2",
    ]
    md = cli("timeline", "--on", "2023-12-01", "-f", "markdown").stdout
    assert md.startswith("### 2023-12-01 所处阶段（七）\n")
    assert "| 集团与学校年终考核         | 2023-12            | 2023–2024  | 六（五）  |" in md
    target = tmp_path / "t.xlsx"
    assert cli("timeline", "-o", str(target)).exit_code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["阶段", "目标", "例行事项", "说明"]
    assert list(book["目标"].iter_rows(values_only=True))[3][:3] == (
        2025,
        None,
        "义务教育阶段学校集团化办学覆盖率达到目标",
    )
