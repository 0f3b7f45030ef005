"""The funding view (SPEC §4 `funding`)."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t
from groupctl.model import Dataset
from groupctl.numbers import yuan
from groupctl.rules.funding import CampusFunding, FundingResult, GroupFunding
from groupctl.views import Column, Table, View, parameter_doc, show_value, standard_notes

CSV_COLUMNS = [
    "year",
    "school_year",
    "group",
    "group_name",
    "base",
    "supplements",
    "group_total",
    "campus",
    "name",
    "role",
    "students",
    "band",
    "supplement",
]


def _campus_doc(c: CampusFunding, explain: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "campus": c.campus,
        "name": c.name,
        "role": c.role,
        "students": c.students,
        "band": c.band,
        "supplement": c.supplement,
    }
    if explain:
        doc["explain"] = c.explain.doc(counted=c.counted)
    return doc


def _group_doc(g: GroupFunding, explain: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "group": g.group,
        "name": g.name,
        "base": g.base,
        "supplements": g.supplements,
        "total": g.total,
        "campuses": [_campus_doc(c, explain) for c in g.campuses],
    }
    if explain:
        doc["explain"] = g.explain.doc()
    return doc


def _explain_lines(result: FundingResult, lang: Lang) -> list[str]:
    values = {u.path: show_value(u.value) for u in result.parameters}
    clause = cite("6.3", lang)
    lines = []
    for g in result.groups:
        if lang == "zh":
            lines.append(
                f"{g.name}：基础经费 {yuan(g.base)} 元（{clause}，"
                f"funding.base_per_group = {values['funding.base_per_group']}）"
            )
        else:
            lines.append(
                f"{g.name}: base {yuan(g.base)} yuan ({clause}, "
                f"funding.base_per_group = {values['funding.base_per_group']})"
            )
        for c in g.campuses:
            lines.append("  " + _campus_line(c, values, clause, lang))
        parts = " + ".join(
            yuan(x) for x in (g.base, *(c.supplement for c in g.campuses if c.counted))
        )
        word = "合计" if lang == "zh" else "total"
        unit = " 元" if lang == "zh" else " yuan"
        lines.append(f"  {word} {parts} = {yuan(g.total)}{unit}")
    parts = " + ".join(yuan(g.total) for g in result.groups)
    if lang == "zh":
        lines.append(f"全区合计：{parts} = {yuan(result.total)} 元")
    else:
        lines.append(f"district total: {parts} = {yuan(result.total)} yuan")
    return lines


def _campus_line(c: CampusFunding, values: dict[str, str], clause: str, lang: Lang) -> str:
    lead_flag = values["funding.supplement_includes_lead"]
    if lang == "zh":
        head = f"{c.short_name}（{t(c.role, lang)}）：在校生 {c.students:,} 人，档位 {c.band}"
        if not c.counted:
            return f"{head}，牵头校不计增补（funding.supplement_includes_lead = {lead_flag}）"
        return f"{head}，增补 {yuan(c.supplement)} 元（{clause}，funding.supplement）"
    head = f"{c.short_name} ({c.role}): {c.students:,} students, band {c.band}"
    if not c.counted:
        return f"{head}, lead earns no supplement (funding.supplement_includes_lead = {lead_flag})"
    return f"{head}, supplement {yuan(c.supplement)} yuan ({clause}, funding.supplement)"


def funding_view(result: FundingResult, data: Dataset, lang: Lang, explain: bool) -> View:
    sy = school_year(result.year, "en")
    document: dict[str, Any] = {
        "year": result.year,
        "school_year": sy,
        "total": result.total,
        "groups": [_group_doc(g, explain) for g in result.groups],
    }
    if explain:
        document["parameters"] = [parameter_doc(u) for u in result.parameters]

    values = {u.path: show_value(u.value) for u in result.parameters}
    clause = cite("6.3", lang)
    rows = []
    for g in result.groups:
        for c in g.campuses:
            rows.append(
                {
                    "year": result.year,
                    "school_year": sy,
                    "group": g.group,
                    "group_name": g.name,
                    "base": g.base,
                    "supplements": g.supplements,
                    "group_total": g.total,
                    "campus": c.campus,
                    "name": c.name,
                    "role": c.role,
                    "students": c.students,
                    "band": c.band,
                    "supplement": c.supplement,
                }
                | ({"explain": _campus_line(c, values, clause, lang)} if explain else {})
            )

    table = Table(
        t(
            "funding.title",
            lang,
            school_year=school_year(result.year, lang),
            clause=cite("6.3", lang),
        ),
        [
            Column("name", t("col.group_campus", lang)),
            Column("role", t("col.role", lang)),
            Column("students", t("col.students", lang), "right"),
            Column("band", t("col.band", lang)),
            Column("amount", t("col.amount", lang), "right"),
        ],
    )
    for g in result.groups:
        table.add({"name": g.name}, "heading")
        for c in g.campuses:
            table.add(
                {
                    "name": "  " + c.short_name,
                    "role": t(c.role, lang),
                    "students": f"{c.students:,}",
                    "band": c.band,
                    "amount": yuan(c.supplement) if c.counted else t("funding.not_counted", lang),
                }
            )
        table.add({"name": "  " + t("funding.base", lang), "amount": yuan(g.base)})
        table.add({"name": "  " + t("funding.group_total", lang), "amount": yuan(g.total)}, "total")
        table.end_section()
    table.add({"name": t("funding.district_total", lang), "amount": yuan(result.total)}, "total")

    return View(
        document=document,
        csv_columns=CSV_COLUMNS + (["explain"] if explain else []),
        csv_rows=rows,
        tables=[table],
        explain=_explain_lines(result, lang) if explain else [],
        notes=standard_notes(result.parameters, data, lang),
        explain_title=t("explain.title", lang),
    )
