"""Clause identifiers of the plan (SPEC §1): dotted id → Chinese label and subject.

Also the registry of who implements each clause, built from the code itself so that it
cannot drift: each computing command's rule module declares in ``CLAUSES`` the clauses
its figures cite, and each policy parameter names its clause (``groupctl clauses``).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import Protocol

from groupctl.record import Record


class Clause(Record):
    __slots__ = ("id", "label", "title_en", "title_zh")
    _compared = ("id", "label", "title_zh", "title_en")

    def __init__(self, id: str, label: str, title_zh: str, title_en: str) -> None:
        self.id = id
        self.label = label
        self.title_zh = title_zh
        self.title_en = title_en


_CLAUSES: tuple[Clause, ...] = (
    Clause("2.1", "二（一）", "办学模式", "modes of group running"),
    Clause("2.2", "二（二）", "招生划片与班额", "enrollment zoning and class sizes"),
    Clause("2.3", "二（三）", "2025年目标", "goals for 2025"),
    Clause("3", "三", "组织领导", "leading group"),
    Clause("5.1", "五（一）", "1+X模式与八大行动", "the 1+X model and eight actions"),
    Clause("5.2", "五（二）", "五个试点集团", "the five pilot groups"),
    Clause("6.1", "六（一）", "集团命名", "naming"),
    Clause("6.2", "六（二）", "集团章程", "charter"),
    Clause("6.3", "六（三）", "激励措施（专项经费）", "incentives (special funding)"),
    Clause("6.4.1.1", "六（四）1（1）", "预决算管理", "budgets and final accounts"),
    Clause("6.4.1.2", "六（四）1（2）", "资金使用权限", "spending authority"),
    Clause("6.4.1.3", "六（四）1（3）", "会计主体责任", "accounting review"),
    Clause("6.4.2.1", "六（四）2（1）", "中小学领导班子职数", "school leadership quotas"),
    Clause("6.4.2.2", "六（四）2（2）", "幼儿园领导班子职数", "kindergarten leadership quotas"),
    Clause("6.4.2.3", "六（四）2（3）", "干部考察任命", "appointments"),
    Clause("6.4.3", "六（四）3", "教师配备", "teacher staffing"),
    Clause("6.4.4", "六（四）4", "校（园）长津贴", "head allowances"),
    Clause("6.5", "六（五）", "集团考核", "assessment"),
    Clause("7.1", "七（一）", "前期准备阶段", "preparation phase"),
    Clause("7.2", "七（二）", "试点运行阶段", "pilot phase"),
    Clause("7.3", "七（三）", "总结推广阶段", "review and extension phase"),
    Clause("8.2", "八（二）", "部门职责", "duties of each department"),
    Clause("annex", "附件", "试点集团一览表", "table of pilot groups and campuses"),
)

CLAUSES: dict[str, Clause] = {c.id: c for c in _CLAUSES}


# --------------------------------------------------------------------------- who implements what

# Each command whose figures come from a rule module, and that module: its ``CLAUSES``
# declares every clause the command cites (tests/test_clauses.py holds each command's
# --explain output to its declaration).
COMMAND_RULES: dict[str, str] = {
    "funding": "groupctl.rules.funding",
    "staffing": "groupctl.rules.staffing",
    "approve": "groupctl.rules.approval",
    "procedure": "groupctl.rules.procedures",
    "assess": "groupctl.rules.assessment",
    "allowance": "groupctl.rules.allowance",
    "coverage": "groupctl.rules.coverage",
    "timeline": "groupctl.rules.timeline",
}
# A command with no rule module, and the part of the plan it shows (the annex's table).
COMMAND_SOURCES: dict[str, tuple[str, ...]] = {"groups": ("annex",)}


class _Cited(Protocol):
    @property
    def path(self) -> str: ...

    @property
    def clause(self) -> str: ...


class ClauseUse(Record):
    """A clause with the commands that cite it and the parameters that serve it."""

    __slots__ = ("clause", "commands", "parameters")
    _compared = ("clause", "commands", "parameters")

    def __init__(
        self, clause: Clause, commands: tuple[str, ...], parameters: tuple[str, ...]
    ) -> None:
        self.clause = clause
        self.commands = commands
        self.parameters = parameters


def command_clauses() -> dict[str, tuple[str, ...]]:
    """Each command and the clauses it cites, as the code declares them."""
    out = dict(COMMAND_SOURCES)
    for command, module in COMMAND_RULES.items():
        declared: tuple[str, ...] = import_module(module).CLAUSES
        out[command] = declared
    return out


def clause_uses(parameters: Iterable[_Cited]) -> tuple[ClauseUse, ...]:
    """Every clause of the plan, in order, with its commands and its parameters (``parameters``:
    the policy's, in its order).  A clause the code cites that the registry lacks is a bug
    in the project (a KeyError), never silently left out."""
    commands: dict[str, list[str]] = {c: [] for c in CLAUSES}
    params: dict[str, list[str]] = {c: [] for c in CLAUSES}
    for command, cited in command_clauses().items():
        for c in cited:
            commands[clause(c).id].append(command)
    for p in parameters:
        params[clause(p.clause).id].append(p.path)
    return tuple(ClauseUse(c, tuple(commands[c.id]), tuple(params[c.id])) for c in _CLAUSES)


def clause(clause_id: str) -> Clause:
    """The clause with this id; a KeyError here is a bug in the project, not user input."""
    return CLAUSES[clause_id]


def cite(clause_id: str, lang: str = "zh") -> str:
    """How a figure cites its clause: the Chinese label, or the dotted id in English."""
    c = clause(clause_id)
    return c.label if lang == "zh" else f"clause {c.id}"


_LOCAL = ("本局自定", "set by the bureau")
_READING = ("解读", "our reading")


def cite_parameter(origin: str, clause_id: str, reference: str, lang: str = "zh") -> str:
    """How a figure cites a parameter it used (SPEC §1): the clause for the plan's own
    values (marked as our reading for an interpretation), the document for a national
    standard, 本局自定 for a value the plan leaves to the bureau."""
    zh = lang == "zh"
    if origin == "national":
        return reference
    if origin == "local":
        return _LOCAL[0] if zh else _LOCAL[1]
    label = cite(clause_id, lang)
    if origin == "interpretation":
        return f"{label}·{_READING[0]}" if zh else f"{label}, {_READING[1]}"
    return label
