"""The groups view: the pilot groups, their campuses, roles and head titles (附件)."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, t, tr
from groupctl.model import Campus, Dataset
from groupctl.output.model import Column, Output, Section, encode
from groupctl.views import Ask, meta_for, standard_notes

CAMPUS = (
    Column("group", "集团代码", "group", "id", show="data"),
    Column("group_name", "集团", "group_name", show="data"),
    Column("campus", "校区代码", "campus", "id", attr="id", show="data"),
    Column("campus_name", "校区", "campus_name", attr="name", show="data"),
    Column("name", "集团 / 校区", "group / campus", show="table"),
    # the id a clerk types after -c: beside the name, in the table only (CSV has it first)
    Column("campus", "校区代码", "id", "id", attr="id", show="table"),
    Column("school", "学校", "school"),
    Column("aliases", "别名", "aliases", show="data"),
    Column("role", "角色", "role", "code"),
    Column("head_title", "校（园）长", "head", attr="head"),
    Column("from", "起始学年", "from", "year", attr="from_year", show="data"),
    Column("until", "截止学年", "until", "year", attr="until_year", show="data"),
)
GROUP = (
    Column("group", kind="id", attr="id"),
    Column("group_name", attr="name"),
    Column("type", kind="code"),
    Column("lead", kind="id", attr="lead_id"),
    Column("campuses", kind="records", fields=CAMPUS[2:]),
)
YEARS = Column("years", "在集团年度", "years", show="table")


def _years(c: Campus, lang: Lang) -> str:
    if c.from_year is None and c.until_year is None:
        return t("years.all", lang)
    return f"{c.from_year or ''}–{c.until_year or ''}"


def groups_view(data: Dataset, ask: Ask) -> Output:
    lang, pilots = ask.lang, data.pilots
    dated = any(c.from_year is not None or c.until_year is not None for c in pilots.campuses())
    # the years column only when some campus joins or leaves: the plan's pilots have no dates
    title = t("groups.title", lang, district=pilots.district, clause=cite("annex", lang))
    table = Section(tr(lang, "集团", "groups"), title, CAMPUS + ((YEARS,) if dated else ()))
    for g in pilots.groups:
        table.add("heading", name=g.name)
        for c in g.campuses:
            table.add_record({
                "group": g.id,
                "group_name": g.name,
                "campus": c.id,
                "campus_name": c.name,
                "name": "  " + c.short_name(g.name),
                "school": c.school,
                "aliases": c.aliases,
                "role": c.role,
                "head_title": c.head,
                "years": _years(c, lang),
                "from": c.from_year,
                "until": c.until_year,
            })  # fmt: skip
        table.end_group()
    body: dict[str, Any] = {
        "district": pilots.district,
        "compulsory_schools_total": pilots.compulsory_schools_total,
        "groups": [
            encode(
                {
                    "id": g.id,
                    "name": g.name,
                    "type": g.type,
                    "lead_id": g.lead.id,
                    "campuses": g.campuses,
                },
                GROUP,
                lang,
            )
            for g in pilots.groups
        ],
    }
    # the district's school count is there for coverage; where it is an example, say so
    files = ("pilots.yaml:compulsory_schools_total",)
    out = Output("groups", meta_for(data, (), ask, files), body, [table])
    out.notes = standard_notes((), data, lang, files=files)
    return out
