"""--compare: the same computation with and without --set, and what changed."""

from __future__ import annotations

import json

from groupctl.views.compare import differences


def test_funding_compare_lists_each_changed_figure_with_its_difference(cli):
    result = cli(
        "funding", "2023", "--set", "funding.base_per_group=120000", "--compare", "-f", "json"
    )
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["sets", "baseline", "modified", "differences"]
    assert doc["sets"] == ["funding.base_per_group=120000"]
    assert doc["baseline"]["total"] == 750000
    assert doc["modified"]["total"] == 850000
    diffs = {d["path"]: d for d in doc["differences"]}
    assert diffs["total"] == {
        "path": "total",
        "label": "total",
        "baseline": 750000,
        "modified": 850000,
        "difference": 100000,
    }
    assert diffs["groups.qixiao.base"]["difference"] == 20000
    assert len(diffs) == 1 + 5 * 2  # the total, and each group's base and total


def test_compare_matches_records_by_identity_not_position(cli):
    doc = json.loads(
        cli(
            "approve", "9000", "-c", "镇罗", "--year", "2023", "-f", "json", "--compare",
            "--set", "finance.large_expense_threshold=8000",
        ).stdout
    )  # fmt: skip
    changed = {(d["label"], d["baseline"], d["modified"]) for d in doc["differences"]}
    assert ("school_implements.step", 2, 3) in changed
    assert ("group_payment_review.step", 3, 4) in changed
    assert ("group_party_branch.actor", None, "group_party_branch") in changed
    assert not any(d["label"].startswith("school_head") for d in doc["differences"])


def test_compare_table_and_a_setting_that_changes_nothing(cli):
    out = cli(
        "funding", "2023", "--set", "funding.supplement_includes_lead=false", "--compare"
    ).stdout
    assert out == "两组参数下结果相同。\n"
    table = cli(
        "funding", "2023", "--set", "funding.supplement_includes_lead=true", "--compare"
    ).stdout
    assert table.splitlines()[0] == "参数对比：funding.supplement_includes_lead=true"
    assert "  qixiao.qixiao-main.supplement           0    20,000    20,000" in table


def test_compare_needs_a_set(cli):
    result = cli("funding", "2023", "--compare")
    assert result.exit_code == 2
    assert (
        result.stderr == "错误：--compare needs at least one --set PATH=VALUE to compare against\n"
    )


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
    first = allowance["differences"][0]
    assert (first["label"], first["difference"]) == ("qixiao-main.annual_standard", "+3000.00")
