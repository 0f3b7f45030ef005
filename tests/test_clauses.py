"""The clause registry cannot drift: every clause a command cites or a parameter serves is in
it, each command cites only the clauses its rule module declares, and `groupctl clauses` is
drawn from those declarations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from groupctl.clauses import CLAUSES, COMMAND_RULES, clause_uses, command_clauses
from groupctl.cli import app
from groupctl.policy import load_policy
from groupctl.rules.procedures import PROCEDURES

# each command, run with --explain where it has it, in JSON on the bundled data: between
# them they reach every kind of record (every approval path, every procedure)
RUNS: list[tuple[str, ...]] = [
    ("funding", "2023", "--explain"),
    ("funding", "2024", "--explain"),
    ("staffing", "2023", "--explain"),
    ("staffing", "2024", "--explain"),
    ("approve", "45000", "-c", "镇罗", "--explain"),
    ("approve", "8000", "-c", "文萃", "--fund", "special", "-p", "社团活动", "--explain"),
    ("approve", "500", "-c", "文萃", "--fund", "special", "-p", "买书", "--explain"),
    ("procedure",),
    *(("procedure", p.name) for p in PROCEDURES),
    ("assess", "2023", "--explain"),
    ("allowance", "2023", "--explain"),
    ("coverage", "2023", "--explain"),
    ("coverage", "2024", "--explain"),
    ("timeline",),
    ("timeline", "--on", "2023-12-15"),
    ("timeline", "--on", "2024-07-01"),
]
# commands that cite no clause of their own: validation, parameters, this listing, the report,
# a new data folder
NO_CLAUSE = {"check", "params", "clauses", "report", "init"}


def citations(node: Any, parameter: bool = False) -> Iterator[tuple[str, bool]]:
    """Every ``clause``/``clauses`` value in a JSON document, and whether it is a parameter's."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "clause" and isinstance(value, str):
                yield value, parameter
            elif key == "clauses" and isinstance(value, list):
                for c in value:
                    if isinstance(c, str):
                        yield c, parameter
                    else:
                        yield from citations(c, parameter)
            else:
                yield from citations(value, parameter or key == "parameters")
    elif isinstance(node, list):
        for item in node:
            yield from citations(item, parameter)


def _json(cli, args: tuple[str, ...]) -> dict[str, Any]:
    result = cli(*args, "-f", "json")
    assert result.exit_code == 0, (args, result.stderr)
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_the_runs_reach_every_command_with_a_rule_module():
    assert {run[0] for run in RUNS} == set(COMMAND_RULES)


def test_every_command_is_registered_or_cites_nothing():
    names = {c.name for c in typer.main.get_command(app).commands.values()}  # type: ignore[attr-defined]
    assert names - NO_CLAUSE == set(command_clauses())


@pytest.mark.parametrize("args", RUNS, ids=[" ".join(r) for r in RUNS])
def test_every_clause_a_command_cites_is_declared_and_registered(cli, args):
    doc = _json(cli, args)
    declared = command_clauses()[args[0]]
    found = list(citations(doc))
    assert found, "the run cites no clause: it tests nothing"
    for clause, of_parameter in found:
        assert clause in CLAUSES, f"{args[0]} cites {clause!r}, which the registry lacks"
        if not of_parameter:
            assert clause in declared, f"{args[0]} cites {clause!r} but declares {declared}"


def test_every_declared_clause_is_registered():
    for command, declared in command_clauses().items():
        assert declared, command
        assert set(declared) <= set(CLAUSES), command


def test_every_parameter_names_a_registered_clause():
    for p in load_policy():
        assert p.clause in CLAUSES, f"{p.path}: clause {p.clause!r} is not in the registry"
        if p.origin in ("plan", "interpretation"):
            assert p.reference == p.clause, p.path  # cited by its clause


def test_a_clause_missing_from_the_registry_fails_loudly(monkeypatch):
    import groupctl.rules.funding as funding

    monkeypatch.setattr(funding, "CLAUSES", ("6.3", "9.9"))
    with pytest.raises(KeyError, match=r"9\.9"):
        clause_uses(load_policy())


def test_the_listing_is_drawn_from_the_rule_modules(cli, monkeypatch):
    import groupctl.rules.funding as funding

    monkeypatch.setattr(funding, "CLAUSES", ("6.3", "8.2"))
    doc = _json(cli, ("clauses",))
    assert {c["clause"]: c["commands"] for c in doc["clauses"]}["8.2"] == ["funding"]


MUST_SHOW = {
    "6.3": (
        ["funding", "approve"],
        [
            "funding.base_per_group",
            "funding.supplement",
            "funding.supplement_includes_lead",
            "finance.special_fund_purposes",
            "finance.special_fund_purposes_closed",
            "finance.special_fund_reviewer",
        ],
    ),
    "6.4.1.2": (["approve"], ["finance.large_expense_threshold", "finance.bureau_threshold"]),
    "6.4.2.1": (
        ["staffing"],
        [
            "leaders.heads",
            "leaders.school",
            "party.branch_min_members",
            "party.committee_min_members",
        ],
    ),
    "6.4.2.2": (["staffing"], ["leaders.kindergarten"]),
    "6.4.3": (
        ["staffing", "procedure", "timeline"],
        [
            "teachers.student_ratio.primary",
            "teachers.student_ratio.junior",
            "teachers.student_ratio.senior",
            "teachers.class_ratio.primary",
            "teachers.class_ratio.junior",
            "teachers.class_ratio.senior",
            "teachers.kindergarten_established",
            "teachers.kindergarten_teachers_per_class",
            "teachers.kindergarten_caregivers_per_class",
        ],
    ),
    "6.4.4": (
        ["allowance", "timeline"],
        [
            "allowance.base_share",
            "allowance.efficiency_share",
            "allowance.annual_standard.lead",
            "allowance.annual_standard.member",
            "allowance.monthly_result_factor.合格",
            "allowance.monthly_result_factor.基本合格",
            "allowance.monthly_result_factor.不合格",
            "allowance.efficiency_factor.excellent",
            "allowance.efficiency_factor.good",
            "allowance.efficiency_factor.fair",
            "allowance.efficiency_factor.fail",
        ],
    ),
    "6.5": (
        ["assess", "allowance", "timeline"],
        [
            "assessment.weight_school",
            "assessment.weight_party_building",
            "assessment.weight_comprehensive",
            "assessment.grades",
        ],
    ),
    "7.3": (["coverage", "timeline"], ["coverage.target", "coverage.target_year"]),
}


def test_clauses_json_lists_every_clause_with_its_commands_and_parameters(cli):
    doc = _json(cli, ("clauses",))
    assert [c["clause"] for c in doc["clauses"]] == list(CLAUSES)
    by_id = {c["clause"]: c for c in doc["clauses"]}
    for clause, (commands, parameters) in MUST_SHOW.items():
        assert (by_id[clause]["commands"], by_id[clause]["parameters"]) == (commands, parameters)
    assert by_id["6.3"] | {"commands": [], "parameters": []} == {
        "clause": "6.3",
        "label": "六（三）",
        "title_zh": "激励措施（专项经费）",
        "title_en": "incentives (special funding)",
        "commands": [],
        "parameters": [],
    }
    assert by_id["annex"]["commands"] == ["groups"]
    assert by_id["8.2"]["commands"] == by_id["8.2"]["parameters"] == []


def test_clauses_table(cli):
    result = cli("clauses")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "方案条款与引用它们的命令",
        "",
        "  条款号    条款             主题                   命令",
        " ──────────────────────────────────────────────────────────────────────────────",
    ]
    assert "  6.3       六（三）         激励措施（专项经费）   funding, approve" in lines
    assert "  7.3       七（三）         总结推广阶段           coverage, timeline" in lines
    params = result.stdout.split("各条款的参数\n", 1)[1].splitlines()
    assert params[4:6] == [
        "  2.2       class_size.max.primary                       国家规定",
        "            class_size.max.junior                        国家规定",
    ]
    en = cli("clauses", "--lang", "en").stdout
    assert "  6.4.4     六（四）4        head allowances           allowance, timeline" in en


def test_clauses_csv_and_xlsx(cli, tmp_path):
    rows = cli("clauses", "-f", "csv").stdout.splitlines()
    assert rows[0] == "条款号,条款,主题,英文主题,命令,参数"
    assert rows[-1] == "annex,附件,试点集团一览表,table of pilot groups and campuses,groups,"
    assert (
        "7.3,七（三）,总结推广阶段,review and extension phase,coverage、timeline,coverage.target、coverage.target_year"
        in rows
    )
    target = tmp_path / "k.xlsx"
    assert cli("clauses", "-o", str(target)).exit_code == 0
