"""The funding view (SPEC §4 `funding`)."""

from __future__ import annotations

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import Dataset
from groupctl.numbers import yuan
from groupctl.output.model import Column, Output, Section, encode, json_value
from groupctl.rules.funding import CampusFunding, FundingResult
from groupctl.views import (
    CAMPUS_ID,
    CAMPUS_NAME,
    GROUP_ID,
    GROUP_NAME,
    TREE,
    Ask,
    cite_use,
    computed,
    show_value,
)

CAMPUS = (
    Column("campus", kind="id"),
    Column("campus_name", attr="name"),
    Column("role", kind="code"),
    Column("students", kind="count"),
    Column("band"),
    Column("supplement", kind="money"),
)
GROUP = (
    Column("group", kind="id"),
    Column("group_name", attr="name"),
    Column("base", kind="money"),
    Column("supplements", kind="money"),
    Column("total", kind="money"),
    Column("campuses", kind="records", fields=CAMPUS),
)

# The table and the tidy rows: one row per campus supplement and one per group base, so
# that SUM over the amount column is the district total; group and district totals are
# drawn for people only.
COLUMNS = (
    GROUP_ID,
    GROUP_NAME,
    CAMPUS_ID,
    CAMPUS_NAME,
    Column("item", "项目", "item", "code", show="data", codes="item."),
    TREE,
    Column("role", "角色", "role", "code"),
    Column("students", "在校生", "students", "count"),
    Column("band", "档位", "band"),
    Column("amount", "经费（元）", "yuan", "money", places=0),
)
EXPLAIN = Column("explain", "计算过程", "explain", show="data")
LEAD = "funding.supplement_includes_lead"
READING = "reading"  # the citation of LEAD among the explain values


def _values(result: FundingResult, lang: Lang) -> dict[str, str]:
    """The parameters' values as explain lines show them, and how LEAD is cited: whether
    the lead earns a supplement is our reading of 六（三）, and says so."""
    values = {u.path: show_value(u.value) for u in result.parameters}
    values[READING] = next(cite_use(u, lang) for u in result.parameters if u.path == LEAD)
    return values


def _explain_lines(result: FundingResult, lang: Lang) -> list[str]:
    values = _values(result, lang)
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
    lead_flag, reading = values[LEAD], values[READING]
    if lang == "zh":
        head = f"{c.short_name}（{t(c.role, lang)}）：在校生 {c.students:,} 人，档位 {c.band}"
        if not c.counted:
            return f"{head}，牵头校不计增补（{reading}，{LEAD} = {lead_flag}）"
        return f"{head}，增补 {yuan(c.supplement)} 元（{clause}，funding.supplement）"
    head = f"{c.short_name} ({c.role}): {c.students:,} students, band {c.band}"
    if not c.counted:
        return f"{head}, lead earns no supplement ({reading}; {LEAD} = {lead_flag})"
    return f"{head}, supplement {yuan(c.supplement)} yuan ({clause}, funding.supplement)"


def funding_view(result: FundingResult, data: Dataset, ask: Ask) -> Output:
    lang = ask.lang
    title = t(
        "funding.title", lang, school_year=school_year(result.year, lang), clause=cite("6.3", lang)
    )
    values = _values(result, lang)
    clause = cite("6.3", lang)
    why = ask.explain
    table = Section(tr(lang, "经费", "funding"), title, COLUMNS + ((EXPLAIN,) if why else ()))
    for g in result.groups if ask.tables else ():
        table.add("heading", name=g.name)
        for c in g.campuses:
            table.add(
                "plain",
                {} if c.counted else {"amount": t("funding.not_counted", lang)},
                group=g.group,
                group_name=g.name,
                campus=c.campus,
                campus_name=c.name,
                item="supplement",
                name="  " + c.short_name,
                role=c.role,
                students=c.students,
                band=c.band,
                amount=c.supplement,
                explain=_campus_line(c, values, clause, lang) if why else None,
            )
        base = "  " + t("funding.base", lang)
        table.add(group=g.group, group_name=g.name, item="base", name=base, amount=g.base)
        table.add("total", name="  " + t("funding.group_total", lang), amount=g.total)
        table.end_group()
    if ask.tables:
        table.add("total", name=t("funding.district_total", lang), amount=result.total)

    body = {
        "total": json_value(result.total, GROUP[4], lang, False),
        "groups": [encode(g, GROUP, lang, ask.explain) for g in result.groups],
    }
    return computed(
        "funding",
        result.year,
        body,
        [table],
        result.parameters,
        data,
        ask,
        explain=_explain_lines(result, lang) if ask.explain else [],
        explain_title=t("explain.title", lang),
    )
