"""The procedure view: a fixed procedure's ordered steps, or the list of procedures."""

from __future__ import annotations

from groupctl.clauses import cite
from groupctl.labels import t, tr
from groupctl.output.model import Column, Output, Section, encode
from groupctl.rules.procedures import PROCEDURES, Procedure
from groupctl.views import Ask, meta_for

STEP = (
    Column("procedure", "程序", "procedure", "id", show="data"),
    Column("step", "步骤", "step", "count"),
    Column("actor_name", "经办", "who acts"),
    Column("actor_label", "事项", "what is done"),
    Column("actor", "代码", "actor", "id", show="data"),
    Column("clause", "条款", "clause", "id", show="data"),
)
ITEM = (
    Column("procedure", "名称", "name", "id"),
    Column("title", "事项", "subject"),
    Column("clause", "条款", "clause"),
    Column("steps", "步数", "steps", "count"),
)


def procedure_view(p: Procedure, ask: Ask) -> Output:
    lang = ask.lang
    title = tr(lang, p.title_zh, p.title_en)
    steps = [
        {
            "procedure": p.name,
            "step": i,
            "actor": s.actor,
            "actor_name": t(f"actor.{s.actor}", lang),
            "actor_label": tr(lang, s.zh, s.en),
            "clause": p.clause,
        }
        for i, s in enumerate(p.steps, start=1)
    ]
    heading = tr(
        lang,
        f"{title}程序（{cite(p.clause, lang)}）",
        f"Procedure: {title} ({cite(p.clause, lang)})",
    )
    table = Section(tr(lang, "程序", "procedure"), heading, STEP)
    for step in steps:
        table.add_record(step)
    body = {
        "procedure": p.name,
        "title": title,
        "clause": p.clause,
        "steps": [encode(s, STEP[1:], lang) for s in steps],
    }
    return Output("procedure", meta_for(None, (), ask), body, [table])


def procedures_list_view(ask: Ask) -> Output:
    lang = ask.lang
    heading = tr(
        lang, "固定程序（groupctl procedure NAME）", "Fixed procedures (groupctl procedure NAME)"
    )
    table = Section(tr(lang, "程序", "procedures"), heading, ITEM)
    items = [
        {
            "procedure": p.name,
            "title": tr(lang, p.title_zh, p.title_en),
            "clause": p.clause,
            "steps": len(p.steps),
        }
        for p in PROCEDURES
    ]
    for item in items:
        table.add_record(item | {"clause": cite(str(item["clause"]), lang)})
    body = {"procedures": [encode(i, ITEM, lang) for i in items]}
    return Output("procedure", meta_for(None, (), ask), body, [table])
