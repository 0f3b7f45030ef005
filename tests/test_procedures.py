"""Fixed procedures: ordered steps with actor codes, labels and clauses, in every format."""

from __future__ import annotations

import json

import pytest

EXPECTED = {
    "budget": (
        "6.4.1.1",
        ["campuses", "group", "group", "bureau_and_finance", "campuses"],
    ),
    "final-accounts": (
        "6.4.1.1",
        ["campuses", "group", "group", "bureau_and_finance"],
    ),
    # who acts is the subject of the plan's sentence: the bureau that appoints also files
    "naming": ("6.1", ["district_education_bureau", "district_education_bureau", "campuses"]),
    "leader-appointment": (
        "6.4.2.3",
        ["district_education_bureau", "district_education_bureau"],
    ),
    "middle-appointment": ("6.4.2.3", ["group_head_campus", "group_head_campus"]),
    "teacher-plan": (
        "6.4.3",
        [
            "group",
            "district_education_bureau",
            "district_education_bureau",
            "district_education_bureau",
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
    assert all(s["clause"] == clause and s["actor_label"] for s in doc["steps"])


@pytest.mark.parametrize("name", list(EXPECTED))
def test_procedure_csv_has_one_row_per_step_in_order(cli, name):
    lines = cli("procedure", name, "-f", "csv").stdout.splitlines()
    assert lines[0] == "程序,步骤,经办,事项,代码,条款"  # headers follow --lang, Chinese by default
    assert cli("procedure", name, "-f", "csv", "--lang", "en").stdout.splitlines()[0] == (
        "procedure,step,who acts,what is done,actor,clause"
    )
    clause, actors = EXPECTED[name]
    rows = [line.split(",") for line in lines[1:]]
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        (name, str(i), actor, clause) for i, actor in enumerate(actors, start=1)
    ]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("name", list(EXPECTED))
def test_procedure_table_and_markdown_list_the_labels_in_order(cli, name, fmt):
    out = cli("procedure", name, "-f", fmt).stdout
    labels = [
        s["actor_label"] for s in json.loads(cli("procedure", name, "-f", "json").stdout)["steps"]
    ]
    flat = out.replace("\n", "").replace(" ", "")
    positions = [flat.find(label.replace(" ", "")) for label in labels if len(label) < 20]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_budget_table(cli):
    out = cli("procedure", "budget").stdout
    assert out.splitlines()[0] == "年度部门预算程序（六（四）1（1））"
    assert "     4   区教育局、区财政局   区教育局、区财政局批准" in out
    assert "     3   集团                 集团报送区教育局" in out  # who acts, then what


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
        "错误：没有“holiday”这个程序（可用：naming、budget、final-accounts、"
        "leader-appointment、middle-appointment、teacher-plan）\n"
    )


@pytest.mark.parametrize(
    ("typed", "name"),
    [("教师", "teacher-plan"), ("调配", "teacher-plan"), ("园长", "leader-appointment")],
)
def test_a_fragment_of_one_procedures_chinese_name_finds_it(cli, typed, name):
    result = cli("procedure", typed, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["procedure"] == name
    assert cli("procedure", typed).stdout == cli("procedure", name).stdout


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            "错误：“任命”可指多个程序：leader-appointment（校（园）长及副职考察任命）、"
            "middle-appointment（中层干部考察任命）；请写得更完整，或用英文名称\n",
        ),
        (
            "en",
            "error: procedure '任命' is ambiguous: it matches leader-appointment"
            " (校（园）长及副职考察任命), middle-appointment (中层干部考察任命);"
            " give more of the name\n",
        ),
    ],
)
def test_a_fragment_of_several_procedures_is_ambiguous(cli, lang, message):
    result = cli("procedure", "任命", "--lang", lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_a_latin_fragment_is_no_name(cli):
    # "a" is in final_accounts, an alias: a fragment is of a Chinese name only
    result = cli("procedure", "a")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：没有“a”这个程序（可用：")
