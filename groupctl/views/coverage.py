"""The coverage view (SPEC §4 `coverage`, §5): the rate against the target, the trend, the schools.

Three sections, three xlsx sheets: the year's figures against the target (the CSV holds
this one: the answer, one row), the rate in every year campuses.csv has, and each
group's campuses with whether each counts as a compulsory-stage school (a 0/1 column,
so that a spreadsheet's SUM gives the count).  Rates are exact in the result and
rounded half up to four decimals here, where they are shown; a table shows them as
percentages of those four decimals.  The Output serves the annual report as it is.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from groupctl.catalogue import Join
from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import Dataset
from groupctl.numbers import fixed, round_fraction_half_up
from groupctl.output.model import Column, Output, Section, encode
from groupctl.rules.coverage import (
    PILOTS_FILE,
    TARGET,
    TARGET_YEAR,
    TOTAL_KEY,
    CampusCoverage,
    CoverageResult,
    GroupCoverage,
)
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

# the files the figures rest on: the illustrative note names both where they are examples
FILES = ("campuses.csv", f"{PILOTS_FILE}:{TOTAL_KEY}")
RATE_PLACES = 4

YEAR = Column("year", "学年", "school year", "year")
GROUPED = Column("grouped", "集团内学校", "in groups", "count")
TOTAL = Column("total", "全区学校", "in district", "count")
RATE = Column("rate", "覆盖率", "coverage", "rate")
SUMMARY = (
    Column("year", "学年", "school year", "year", show="data"),  # the title names it
    GROUPED,
    TOTAL,
    RATE,
    Column("target", "目标", "target", "rate"),
    Column("target_year", "目标年份", "by", "year"),
    Column("met", "达到目标", "met", "flag"),
    Column("needed", "尚差（所）", "short by", "count"),
)
TREND = (YEAR, GROUPED, TOTAL, RATE)
COUNTED = Column("counted", "计入", "counted", "count")
CAMPUSES = (
    GROUP_ID,
    GROUP_NAME,
    CAMPUS_ID,
    CAMPUS_NAME,
    TREE,
    Column("role", "角色", "role", "code"),
    Column("stages", "学段", "stages"),
    COUNTED,
)

# the JSON records (SPEC §5 vocabulary)
CAMPUS_DOC = (
    Column("campus", kind="id"),
    Column("campus_name", attr="name"),
    Column("role", kind="code"),
    Column("stages"),
    Column("compulsory", kind="flag"),
)
GROUP_DOC = (
    Column("group", kind="id"),
    Column("group_name", attr="name"),
    Column("grouped", kind="count"),
    Column("campuses", kind="records", fields=CAMPUS_DOC),
)


def rate(value: Fraction) -> Decimal:
    """An exact rate as every format shows it: four decimals, rounded half up."""
    return round_fraction_half_up(value, RATE_PLACES)


def percent(value: Decimal) -> str:
    """A four-decimal rate as a table shows it: 0.6154 → 61.54%."""
    return f"{fixed(value * 100, RATE_PLACES - 2)}%"


def _equals(exact: Fraction, shown: Decimal) -> str:
    """``=`` when the rate shown is the rate (8 ÷ 16 = 50.00%), else ``≈`` (16 ÷ 26 ≈ 61.54%)."""
    return "=" if Fraction(shown) == exact else "≈"


def _stages(c: CampusCoverage, lang: Lang) -> str:
    return tr(lang, "、", ", ").join(t(f"stage.{s}", lang) for s in c.stages)


def _status(result: CoverageResult, lang: Lang) -> str:
    """One line: the division and whether it reaches the target."""
    shown = rate(result.rate)
    share = f"{result.grouped} ÷ {result.total} {_equals(result.rate, shown)} {percent(shown)}"
    goal, by = percent(result.target), result.target_year
    if result.met:
        return tr(
            lang,
            f"{share}，已达到 {by} 年 {goal} 的目标",
            f"{share}: the target of {goal} by {by} is met",
        )
    return tr(
        lang,
        f"{share}，距 {by} 年 {goal} 的目标尚差 {result.needed} 所",
        f"{share}: {result.needed} more schools needed for the target of {goal} by {by}",
    )


def summary_section(result: CoverageResult, lang: Lang) -> Section:
    """The year's figures against the target: the coverage section of the annual report."""
    sy = school_year(result.year, lang)
    title = tr(
        lang,
        f"{sy}学年 义务教育阶段学校集团化办学覆盖率（{cite('7.3', lang)}）",
        f"Coverage of compulsory-stage schools by groups {sy} ({cite('7.3', lang)})",
    )
    section = Section(tr(lang, "覆盖率", "coverage"), title, SUMMARY, lines=[_status(result, lang)])
    shown_rate, target = rate(result.rate), result.target
    section.add(
        shown={"year": sy, "rate": percent(shown_rate), "target": percent(target)},
        year=result.year,
        grouped=result.grouped,
        total=result.total,
        rate=shown_rate,
        target=target,
        target_year=result.target_year,
        met=result.met,
        needed=result.needed,
    )
    return section


def trend_section(result: CoverageResult, lang: Lang) -> Section:
    section = Section(
        tr(lang, "历年", "trend"),
        tr(
            lang,
            "历年覆盖率（campuses.csv 中的各学年）",
            "Coverage in each school year of campuses.csv",
        ),
        TREND,
    )
    for y in result.trend:
        value = rate(y.rate)
        shown = {"year": school_year(y.year, lang), "rate": percent(value)}
        section.add(shown=shown, year=y.year, grouped=y.grouped, total=y.total, rate=value)
    return section


def _group_rows(section: Section, g: GroupCoverage, lang: Lang) -> None:
    section.add("heading", name=g.name, counted=g.grouped)
    for c in g.campuses:
        section.add(
            shown={"counted": t("yes" if c.compulsory else "no", lang)},
            group=g.group,
            group_name=g.name,
            campus=c.campus,
            campus_name=c.name,
            name="  " + c.short_name,
            role=c.role,
            stages=_stages(c, lang),
            counted=c.counted,
        )
    section.end_group()


def campuses_section(result: CoverageResult, lang: Lang) -> Section:
    sy = school_year(result.year, lang)
    section = Section(
        tr(lang, "校区", "campuses"),
        tr(
            lang,
            f"{sy}学年 各集团的义务教育阶段学校（有小学或初中学段的校区）",
            f"Compulsory-stage schools in each group {sy} (campuses with a primary or junior stage)",
        ),
        CAMPUSES,
    )
    for g in result.groups:
        _group_rows(section, g, lang)
    section.add("total", name=tr(lang, "全区合计", "district total"), counted=result.grouped)
    return section


def explain_lines(result: CoverageResult, lang: Lang) -> list[str]:
    uses = {u.path: u for u in result.parameters}
    clause = cite("7.3", lang)
    exact = f"{result.rate.numerator}/{result.rate.denominator}"
    shown = rate(result.rate)
    approx = _equals(result.rate, shown)
    target = show_value(result.target)
    goal = f"{TARGET} = {target}, {TARGET_YEAR} = {result.target_year}"
    reference = cite_use(uses[TARGET], lang)
    compare = "≥" if result.met else "<"
    if lang == "zh":
        lines = [
            f"覆盖率 = 集团内义务教育阶段学校 {result.grouped} 所 ÷ 全区义务教育阶段学校"
            f" {result.total} 所（{PILOTS_FILE} {TOTAL_KEY}）= {exact} {approx} {shown}（{clause}）",
            f"目标（{goal}，{reference}）：{shown} {compare} {target}，"
            + ("已达到" if result.met else f"未达到，尚差 {result.needed} 所"),
        ]
    else:
        lines = [
            f"coverage = {result.grouped} compulsory-stage schools in groups ÷ {result.total}"
            f" in the district ({PILOTS_FILE} {TOTAL_KEY}) = {exact} {approx} {shown} ({clause})",
            f"target ({goal}, {reference}): {shown} {compare} {target}, "
            + ("met" if result.met else f"not met, {result.needed} more schools needed"),
        ]
    for g in result.groups:
        parts = [
            f"{c.short_name}（{_stages(c, lang)}）{'计入' if c.compulsory else '不计'}"
            if lang == "zh"
            else f"{c.short_name} ({_stages(c, lang)}) {'counted' if c.compulsory else 'not counted'}"
            for c in g.campuses
        ]
        if lang == "zh":
            lines.append(f"{g.name}：{g.grouped} 所 — {'；'.join(parts)}")
        else:
            lines.append(f"{g.name}: {g.grouped} — {'; '.join(parts)}")
    return lines


def coverage_view(result: CoverageResult, data: Dataset, ask: Ask) -> Output:
    lang = ask.lang
    body: dict[str, Any] = {
        "grouped": result.grouped,
        "total": result.total,
        "rate": str(rate(result.rate)),
        "target": str(fixed(result.target, RATE_PLACES)),
        "target_year": result.target_year,
        "met": result.met,
        "needed": result.needed,
        "trend": [
            {
                "year": y.year,
                "school_year": f"{y.year}-{y.year + 1}",
                "grouped": y.grouped,
                "total": y.total,
                "rate": str(rate(y.rate)),
            }
            for y in result.trend
        ],
        "groups": [encode(g, GROUP_DOC, lang, ask.explain) for g in result.groups],
    }
    if ask.explain:
        body["explain"] = result.explain.doc(
            rate_exact=f"{result.rate.numerator}/{result.rate.denominator}"
        )
    sections = [
        summary_section(result, lang),
        trend_section(result, lang),
        campuses_section(result, lang),
    ]
    out = computed(
        "coverage",
        result.year,
        body,
        sections,
        result.parameters,
        data,
        ask,
        files=FILES,
        explain=explain_lines(result, lang) if ask.explain else [],
        explain_title=t("explain.title", lang),
    )
    if result.incomplete:
        years = Join(tuple(str(y) for y in result.incomplete))
        out.notes.append(t("coverage.note.incomplete", lang, years=years))
    return out
