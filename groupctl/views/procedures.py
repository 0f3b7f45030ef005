"""The procedure view: a fixed procedure's ordered steps, or the list of procedures."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, tr
from groupctl.rules.procedures import PROCEDURES, Procedure
from groupctl.views import Column, Table, View

CSV_COLUMNS = ["procedure", "title", "step", "actor", "label", "clause"]


def procedure_view(p: Procedure, lang: Lang) -> View:
    title = tr(lang, p.title_zh, p.title_en)
    steps = [
        {"step": i, "actor": s.actor, "label": tr(lang, s.zh, s.en), "clause": p.clause}
        for i, s in enumerate(p.steps, start=1)
    ]
    document: dict[str, Any] = {
        "procedure": p.name,
        "title": title,
        "clause": p.clause,
        "steps": steps,
    }
    rows = [{"procedure": p.name, "title": title, **s} for s in steps]
    table = Table(
        tr(
            lang,
            f"{title}程序（{cite(p.clause, lang)}）",
            f"Procedure: {title} ({cite(p.clause, lang)})",
        ),
        [
            Column("step", tr(lang, "步骤", "step"), "right"),
            Column("label", tr(lang, "经办", "who acts")),
            Column("actor", tr(lang, "代码", "actor")),
        ],
    )
    for s in steps:
        table.add({"step": str(s["step"]), "label": str(s["label"]), "actor": str(s["actor"])})
    return View(document, CSV_COLUMNS, rows, [table])


def procedures_list_view(lang: Lang) -> View:
    items = [
        {
            "procedure": p.name,
            "title": tr(lang, p.title_zh, p.title_en),
            "clause": p.clause,
            "steps": len(p.steps),
        }
        for p in PROCEDURES
    ]
    table = Table(
        tr(
            lang,
            "固定程序（groupctl procedure NAME）",
            "Fixed procedures (groupctl procedure NAME)",
        ),
        [
            Column("procedure", tr(lang, "名称", "name")),
            Column("title", tr(lang, "事项", "subject")),
            Column("clause", tr(lang, "条款", "clause")),
            Column("steps", tr(lang, "步数", "steps"), "right"),
        ],
    )
    for item in items:
        table.add({
            "procedure": str(item["procedure"]),
            "title": str(item["title"]),
            "clause": cite(str(item["clause"]), lang),
            "steps": str(item["steps"]),
        })  # fmt: skip
    return View({"procedures": items}, ["procedure", "title", "clause", "steps"], items, [table])
