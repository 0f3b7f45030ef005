"""groupctl params: every parameter in force, its origin, reference and who changed it."""

from __future__ import annotations

import csv
import io
import json

import pytest
from wcwidth import wcswidth

from groupctl.policy import load_policy


def doc(cli, *args: str) -> dict:
    result = cli("params", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_every_parameter_is_listed_with_its_origin_and_reference(cli):
    d = doc(cli, "--year", "2023")
    assert (d["command"], d["year"], d["school_year"]) == ("params", 2023, "2023-2024")
    assert [p["path"] for p in d["parameters"]] == [p.path for p in load_policy()]
    by_path = {p["path"]: p for p in d["parameters"]}
    assert by_path["funding.base_per_group"] == {
        "path": "funding.base_per_group",
        "origin": "plan",
        "origin_label": "方案",
        "reference": "六（三）",
        "value": "100000.00",  # money is a two-decimal string, as everywhere
        "unit": "yuan",
        "clause": "6.3",
        "set_by": "bundled",
        "description": "每个教育集团每学年的基础专项经费",
        "note": None,
        "alternative": None,
    }
    ratio = by_path["teachers.student_ratio.junior"]
    assert (ratio["origin"], ratio["reference"], ratio["value"]) == (
        "national",
        "中央编办发〔2014〕72号",
        "13.5",
    )
    assert by_path["finance.large_expense_threshold"]["reference"] == "本局自定"
    lead = by_path["funding.supplement_includes_lead"]
    assert (lead["origin"], lead["reference"], lead["value"]) == (
        "interpretation",
        "六（三）·解读",
        False,
    )
    assert lead["alternative"] == "true"
    assert d["meta"]["interpretations"] == [
        "funding.supplement_includes_lead",
        "finance.special_fund_reviewer",
    ]
    assert "allowance.annual_standard.lead" in d["meta"]["local_parameters"]


def test_the_table_cites_short_references_and_explains_each_reading(cli):
    result = cli("params", "--year", "2023")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2023–2024学年适用的参数"
    row = next(line for line in lines if "teachers.student_ratio.junior" in line)
    assert row.split() == ["teachers.student_ratio.junior", "72号", "13.5", "生/编制"]
    row = next(line for line in lines if "party.branch_min_members" in line)
    assert row.split() == ["party.branch_min_members", "支部工作条例", "3", "名党员"]
    row = next(line for line in lines if "special_fund_reviewer" in line)
    assert row.split() == ["finance.special_fund_reviewer", "六（三）·解读", "区财政局"]
    assert lines[lines.index(row) - 1].split()[1:] == ["本局自定", "false"]
    # a band list wraps between bands, never inside a number
    at = next(i for i, line in enumerate(lines) if "funding.supplement " in line)
    assert [line.split()[-1] for line in lines[at : at + 3]] == ["500:20000,", "200:15000,", "元"]
    assert (
        "funding.supplement_includes_lead（解读；另一种读法：--set"
        " funding.supplement_includes_lead=true）：" in lines
    )
    assert lines[-5].startswith("依据：六（三）等为方案条款")
    table = lines[: lines.index("") + 1 + lines[lines.index("") + 1 :].index("")]
    assert max(wcswidth(line) for line in table) <= 80
    # nothing was changed: no 改动 column
    assert "改动" not in lines[2]


def test_a_path_shows_its_dated_history_and_the_set_that_overrides_it(cli):
    d = doc(cli, "funding.base_per_group", "--year", "2023", "--set", "funding.base_per_group=1")
    p = d["parameter"]
    assert (p["value"], p["set_by"]) == ("1.00", "--set")
    assert p["history"] == [
        {"start": "2023-04-01", "value": "100000.00", "set_by": "bundled", "in_force": False},
        {"start": None, "value": "1.00", "set_by": "--set", "in_force": True},
    ]
    assert d["meta"]["sets"] == [{"path": "funding.base_per_group", "value": "1"}]


def test_a_data_folders_policy_yaml_is_named_as_the_change(cli, write_data):
    policy = "funding:\n  base_per_group:\n    values:\n      2024-04-01: 110000\n"
    d = write_data(policy=policy)
    p = doc(cli, "funding.base_per_group", "--data", str(d), "--year", "2024")["parameter"]
    assert (p["value"], p["set_by"]) == ("110000.00", "policy.yaml:4")
    assert [(h["start"], h["in_force"]) for h in p["history"]] == [
        ("2023-04-01", False),
        ("2024-04-01", True),
    ]
    earlier = doc(cli, "funding.base_per_group", "--data", str(d), "--year", "2023")
    assert earlier["parameter"]["value"] == "100000.00"
    table = cli("params", "funding", "--data", str(d), "--year", "2024").stdout
    row = next(line for line in table.splitlines() if "base_per_group" in line)
    assert row.split() == ["funding.base_per_group", "六（三）", "110000", "元", "policy.yaml:4"]


def test_a_prefix_lists_the_parameters_under_it(cli):
    d = doc(cli, "teachers.student_ratio", "--year", "2023")
    assert [p["path"] for p in d["parameters"]] == [
        "teachers.student_ratio.primary",
        "teachers.student_ratio.junior",
        "teachers.student_ratio.senior",
    ]
    assert "parameter" not in d


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["nosuch"], "错误：没有参数“nosuch”（参数见 groupctl params）\n"),
        (
            ["funding.base_per_grup"],
            "错误：没有参数“funding.base_per_grup”。您是否要找：funding.base_per_group\n",
        ),
        (
            ["--year", "2022"],
            "错误：2022-2023 学年没有数字：方案的数字从 2023-2024 学年开始"
            "（这是本工具的解读：试点于 2023 年 5 月开始，经费按学年计）\n",
        ),
        (
            ["funding.base_per_grup", "--lang", "en"],
            "error: unknown parameter 'funding.base_per_grup'; did you mean funding.base_per_group?\n",
        ),
    ],
)
def test_unknown_paths_and_early_years_are_one_line_and_exit_2(cli, args, stderr):
    result = cli("params", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_csv_carries_every_field_for_a_spreadsheet(cli):
    result = cli("params", "funding", "--year", "2023", "-f", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "parameter",
        "origin",
        "reference",
        "value",
        "unit",
        "clause",
        "set by",
        "description",
        "note",
        "other reading",
    ]
    assert rows[2][:7] == [
        "funding.supplement",
        "plan",
        "六（三）",
        "500:20000,200:15000,0:10000",
        "yuan",
        "6.3",
        "bundled",
    ]


def test_the_year_defaults_to_the_current_school_year_once_the_plan_has_figures(cli):
    from groupctl.api import current_school_year

    assert doc(cli)["year"] == max(current_school_year(), 2023)


def test_a_changed_reading_is_the_bureaus_choice_not_ours(cli, write_data):
    changed = cli("funding", "2023", "--set", "funding.supplement_includes_lead=true", "-f", "json")
    assert json.loads(changed.stdout)["meta"]["interpretations"] == []
    assert "解读" not in changed.stderr
    assert "注：参数已改动：funding.supplement_includes_lead = true（--set）" in changed.stderr
    d = write_data(policy="finance:\n  special_fund_reviewer: district_education_bureau\n")
    args = ("approve", "8000", "-c", "g1-east", "--fund", "special", "-p", "课题")
    result = cli(*args, "--year", "2023", "--data", str(d), "-f", "json")
    doc = json.loads(result.stdout)
    assert doc["meta"]["interpretations"] == []
    assert doc["steps"][0]["reviewer"] == "district_education_bureau"


def test_a_start_a_data_folder_moved_earlier_is_not_explained_as_ours(cli, write_data):
    d = write_data(policy="funding:\n  base_per_group:\n    values:\n      2021-09-01: 90000\n")
    result = cli("params", "--data", str(d), "--year", "2020")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == "错误：policy.yaml:4：2020-2021 学年没有数字：参数的取值从 2021-2022 学年开始\n"
    )
    result = cli("params", "--data", str(d), "--year", "2020", "--lang", "en")
    assert result.stderr == (
        "error: policy.yaml:4: no figures for school year 2020-2021:"
        " the policy's figures start with the 2021-2022 school year\n"
    )


def test_the_history_table_shows_each_value_with_its_unit_and_the_set(cli):
    result = cli(
        "params", "funding.base_per_group", "--year", "2023", "--set", "funding.base_per_group=1"
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "每个教育集团每学年的基础专项经费"
    history = lines[lines.index("funding.base_per_group 的各期取值") + 4 :]
    assert [line.split() for line in history[:2]] == [
        ["2023-04-01", "100000", "元", "否"],
        ["（本次", "--set）", "1", "元", "--set", "是"],
    ]
