"""The clauses view (SPEC §4 `clauses`): each clause of the plan, the commands that cite it and
the parameters that serve it.

Drawn from the code's own registry (``groupctl.clauses.clause_uses``): the commands from
each rule module's ``CLAUSES``, the parameters from the policy's ``clause`` fields.
Nothing here lists a clause by hand.

Two sections: the clauses with their commands (the CSV holds this one, a row per clause
with its parameters in one cell), and the parameters clause by clause, a row each, since
a table of 80 columns cannot hold the longest paths beside the titles.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from groupctl.clauses import ClauseUse, clause_uses
from groupctl.labels import tr
from groupctl.output.model import Column, Output, Section, encode
from groupctl.policy import Policy
from groupctl.views import Ask, meta_for

TITLE_ZH = Column("title_zh", "主题", "subject (zh)")  # our summary, not the heading
TITLE_EN = Column("title_en", "英文主题", "subject", show="data")
CLAUSE = (
    Column("clause", "条款号", "clause", "id"),
    Column("label", "条款", "label", whole=True),
    TITLE_ZH,
    TITLE_EN,
    Column("commands", "命令", "commands"),
    Column("parameters", "参数", "parameters", show="data"),
)
PARAMETER = (
    Column("clause", "条款号", "clause", "id"),
    Column("label", "条款", "label", whole=True, show="data"),
    Column("path", "参数", "parameter", "id"),
    Column("origin", "来源", "origin", "code", codes="origin.", whole=True),
)


def _record(use: ClauseUse) -> dict[str, Any]:
    c = use.clause
    return {
        "clause": c.id,
        "label": c.label,
        "title_zh": c.title_zh,
        "title_en": c.title_en,
        "commands": use.commands,
        "parameters": use.parameters,
    }


def clauses_view(policy: Policy, ask: Ask) -> Output:
    lang = ask.lang
    # with English labels, a table shows the English title instead of the Chinese one
    columns: tuple[Column, ...] = CLAUSE
    if lang == "en":
        columns = tuple(
            replace(TITLE_ZH, show="data")
            if c is TITLE_ZH
            else replace(TITLE_EN, show="all")
            if c is TITLE_EN
            else c
            for c in CLAUSE
        )
    clauses = Section(
        tr(lang, "条款", "clauses"),
        tr(lang, "方案条款与引用它们的命令", "Clauses of the plan and the commands citing them"),
        columns,
    )
    params = Section(
        tr(lang, "参数", "parameters"),
        tr(lang, "各条款的参数", "Parameters by clause"),
        PARAMETER,
        lines=[
            tr(lang, "groupctl params PATH 查看参数的取值与依据", "groupctl params PATH shows one")
        ],
    )
    uses = clause_uses(policy)
    records = [_record(u) for u in uses]
    origin = {p.path: p.origin for p in policy}
    for use, record in zip(uses, records, strict=True):
        clauses.add(shown={"commands": ", ".join(use.commands)}, **record)
        for i, path in enumerate(use.parameters):
            c = use.clause
            shown = {} if i == 0 else {"clause": ""}
            params.add(shown=shown, clause=c.id, label=c.label, path=path, origin=origin[path])
        if use.parameters:
            params.end_group()
    body = {"clauses": [encode(r, CLAUSE, lang) for r in records]}
    return Output("clauses", meta_for(None, (), ask), body, [clauses, params])
