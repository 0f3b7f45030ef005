"""Fixed procedures: ordered steps with actor codes, labels and clauses, in every format."""

from __future__ import annotations

import json

import pytest

EXPECTED = {
    "budget": (
        "6.4.1.1",
        ["campuses", "group", "district_education_bureau", "bureau_and_finance", "campuses"],
    ),
    "final-accounts": (
        "6.4.1.1",
        ["campuses", "group", "district_education_bureau", "bureau_and_finance"],
    ),
    "naming": ("6.1", ["district_education_bureau", "establishment_office", "campuses"]),
    "leader-appointment": ("6.4.2.3", ["district_education_bureau", "organization_department"]),
    "middle-appointment": ("6.4.2.3", ["group_head_campus", "district_education_bureau"]),
    "teacher-plan": (
        "6.4.3",
        [
            "group",
            "district_education_bureau",
            "district_education_bureau",
            "organization_department",
        ],
    ),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_procedure_json(cli, name):
    result = cli("procedure", name, "-f", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    clause, actors = EXPECTED[name]
    assert (doc["procedure"], doc["clause"]) == (name, clause)
    assert [s["step"] for s in doc["steps"]] == list(range(1, len(actors) + 1))
    assert [s["actor"] for s in doc["steps"]] == actors
    assert all(s["clause"] == clause and s["label"] for s in doc["steps"])


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
@pytest.mark.parametrize("name", list(EXPECTED))
def test_procedure_in_every_format(cli, name, fmt):
    result = cli("procedure", name, "-f", fmt)
    assert result.exit_code == 0
    for actor in EXPECTED[name][1]:
        assert actor in result.stdout


def test_budget_table(cli):
    out = cli("procedure", "budget").stdout
    assert out.splitlines()[0] == "年度部门预算程序（六（四）1（1））"
    assert "     4   区教育局、区财政局批准" in out


def test_procedure_list(cli):
    doc = json.loads(cli("procedure", "-f", "json").stdout)
    assert [p["procedure"] for p in doc["procedures"]] == [
        "naming",
        "budget",
        "final-accounts",
        "leader-appointment",
        "middle-appointment",
        "teacher-plan",
    ]


def test_an_unknown_procedure_exits_2_naming_the_known_ones(cli):
    result = cli("procedure", "holiday")
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：unknown procedure 'holiday' (known: naming, budget, final-accounts, "
        "leader-appointment, middle-appointment, teacher-plan)\n"
    )
