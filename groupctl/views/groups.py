"""The groups view: the pilot groups, their campuses, roles and head titles."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, t
from groupctl.model import Campus, Pilots
from groupctl.views import Column, Table, View

CSV_COLUMNS = [
    "group",
    "group_name",
    "type",
    "campus",
    "name",
    "school",
    "role",
    "head",
    "from",
    "until",
]


def _years(c: Campus, lang: Lang) -> str:
    if c.from_year is None and c.until_year is None:
        return t("years.all", lang)
    return f"{c.from_year or ''}–{c.until_year or ''}"


def groups_view(pilots: Pilots, lang: Lang) -> View:
    document: dict[str, Any] = {
        "district": pilots.district,
        "compulsory_schools_total": pilots.compulsory_schools_total,
        "groups": [
            {
                "group": g.id,
                "name": g.name,
                "type": g.type,
                "lead": g.lead.id,
                "campuses": [
                    {
                        "campus": c.id,
                        "name": c.name,
                        "school": c.school,
                        "role": c.role,
                        "head": c.head,
                        "from": c.from_year,
                        "until": c.until_year,
                    }
                    for c in g.campuses
                ],
            }
            for g in pilots.groups
        ],
    }
    rows = [
        {"group": g["group"], "group_name": g["name"], "type": g["type"], **c}
        for g in document["groups"]
        for c in g["campuses"]
    ]
    dated = any(c.from_year is not None or c.until_year is not None for c in pilots.campuses())
    columns = [
        Column("name", t("col.group_campus", lang)),
        Column("school", t("col.school", lang)),
        Column("role", t("col.role", lang)),
        Column("head", t("col.head", lang)),
    ]
    if dated:  # only when some campus joins or leaves: the plan's pilots have no dates
        columns.append(Column("years", t("col.years", lang)))
    table = Table(
        t("groups.title", lang, district=pilots.district, clause=cite("annex", lang)), columns
    )
    for g in pilots.groups:
        table.add({"name": g.name}, "heading")
        for c in g.campuses:
            table.add(
                {
                    "name": "  " + c.short_name(g.name),
                    "school": c.school,
                    "role": t(c.role, lang),
                    "head": c.head,
                    "years": _years(c, lang),
                }
            )
        table.end_section()
    return View(document, CSV_COLUMNS, rows, [table])
