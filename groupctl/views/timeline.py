"""The timeline view (SPEC §4 `timeline`): the plan's phases, milestones and recurring duties.

Without ``--on``: three sections (phases, milestones, duties; the CSV holds the
phases).  With ``--on DATE``: the phases in force that day and the duties due in its
month.  ``duties_section`` draws the duties of a school year for the annual report.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.numbers import fixed
from groupctl.output.model import Column, Output, Section, encode
from groupctl.rules.timeline import (
    PHASES,
    Duty,
    DutyDue,
    Milestone,
    Phase,
    TimelineResult,
    duties_in_school_year,
    school_year_of,
)
from groupctl.views import Ask, changed_item, meta_for

CLAUSE_ID = Column("clause", "条款", "clause", "id", show="data")
REFERENCE = Column("reference", "依据", "clause", show="table", whole=True)
PHASE = (
    Column("phase", "阶段", "phase", "code", codes="phase.", whole=True),
    Column("within", "所属阶段", "part of", "code", show="data", codes="phase."),
    Column("start", "起", "from"),
    Column("end", "止", "to"),
    REFERENCE,
    CLAUSE_ID,
)
MILESTONE = (
    Column("when", "时间", "when", show="table"),
    Column("year", "年份", "year", "year", show="data"),
    Column("month", "月份", "month", "count", show="data"),
    Column("milestone", "目标", "milestone", "code", codes="milestone."),
    Column("target", "指标", "target", "rate"),
    REFERENCE,
    CLAUSE_ID,
)
DUTY = (
    Column("duty", "事项", "duty", "code", codes="duty."),
    Column("schedule", "频次", "schedule", "code", show="data", codes="schedule."),
    Column("when", "时间", "when"),
    Column("concerns", "所属学年", "school year", "code", codes="concerns."),
    REFERENCE,
    CLAUSE_ID,
)
DUE = (
    Column("duty", "事项", "duty", "code", codes="duty."),
    Column("schedule", "频次", "schedule", "code", show="data", codes="schedule."),
    Column("when", "时间", "when"),
    Column("for_year", "所属学年", "school year", "year"),
    REFERENCE,
    CLAUSE_ID,
)

# the JSON records: codes with their labels, months as data, the clause by its id
PHASE_DOC = (
    Column("phase", kind="code", codes="phase."),
    Column("within", kind="code", codes="phase."),
    Column("start"),
    Column("end"),
    Column("clause", kind="id"),
)
MILESTONE_DOC = (
    Column("milestone", kind="code", codes="milestone."),
    Column("year", kind="year"),
    Column("month", kind="count"),
    Column("target", kind="rate"),
    Column("clause", kind="id"),
)
DUTY_DOC = (
    Column("duty", kind="code", codes="duty."),
    Column("schedule", kind="code", codes="schedule."),
    Column("months"),
    Column("concerns", kind="code", codes="concerns."),
    Column("clause", kind="id"),
)
DUE_DOC = (
    Column("duty", kind="code", codes="duty."),
    Column("schedule", kind="code", codes="schedule."),
    Column("months"),
    Column("for_year", kind="year"),
    Column("clause", kind="id"),
)


def ym(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _month(m: int, lang: Lang) -> str:
    return tr(lang, f"{m}月", calendar.month_name[m] or str(m))


def rule_when(d: Duty, lang: Lang) -> str:
    """When a duty recurs, in general: 每月, 每年7月, 每年12月或次年1月."""
    if d.schedule == "monthly":
        return t("schedule.monthly", lang)
    first, *rest = d.months
    later = [
        tr(lang, f"次年{_month(m, lang)}", f"next {_month(m, lang)}")
        if m < first
        else _month(m, lang)
        for m in rest
    ]
    head = tr(lang, f"每年{_month(first, lang)}", f"each {_month(first, lang)}")
    return tr(lang, "或", " or ").join([head, *later])


def due_when(d: DutyDue, lang: Lang, month: date | None = None) -> str:
    """When a duty falls due in a school year (2023-09 – 2024-08 每月; 2023-12 或 2024-01),
    or, given ``month``, in that month (2023-10 每月)."""
    if d.schedule == "monthly":
        span = ym(month) if month is not None else f"{ym(d.months[0])} – {ym(d.months[-1])}"
        return f"{span} {t('schedule.monthly', lang)}"
    return tr(lang, " 或 ", " or ").join(ym(m) for m in d.months)


def _phase_record(p: Phase, lang: Lang) -> dict[str, Any]:
    return {
        "phase": p.code,
        "within": p.within,
        "start": ym(p.start),
        "end": None if p.end is None else ym(p.end),
        "reference": cite(p.clause, lang),
        "clause": p.clause,
    }


def phases_section(phases: tuple[Phase, ...], title: str, lang: Lang) -> Section:
    section = Section(tr(lang, "阶段", "phases"), title, PHASE)
    for p in phases:
        label = t(f"phase.{p.code}", lang)
        shown = {
            "phase": ("  " if p.within else "") + label,
        }
        if p.end is None:
            shown["end"] = tr(lang, "（持续）", "(no end)")
        section.add(shown=shown, **_phase_record(p, lang))
    return section


def _milestone_record(m: Milestone, lang: Lang) -> dict[str, Any]:
    return {
        "when": str(m.year) if m.month is None else f"{m.year}-{m.month:02d}",
        "year": m.year,
        "month": m.month,
        "milestone": m.code,
        "target": m.target,
        "reference": cite(m.clause, lang),
        "clause": m.clause,
    }


def milestones_section(milestones: tuple[Milestone, ...], lang: Lang) -> Section:
    section = Section(tr(lang, "目标", "milestones"), tr(lang, "阶段目标", "Milestones"), MILESTONE)
    for m in milestones:
        shown = {} if m.target is None else {"target": f"≥ {fixed(m.target * 100, 2)}%"}
        section.add(shown=shown, **_milestone_record(m, lang))
    return section


def _duty_record(d: Duty, lang: Lang) -> dict[str, Any]:
    return {
        "duty": d.code,
        "schedule": d.schedule,
        "when": rule_when(d, lang),
        "months": list(d.months),
        "concerns": d.concerns,
        "reference": cite(d.clause, lang),
        "clause": d.clause,
    }


def _due_record(d: DutyDue, lang: Lang, month: date | None = None) -> dict[str, Any]:
    return {
        "duty": d.code,
        "schedule": d.schedule,
        "when": due_when(d, lang, month),
        "months": [ym(m) for m in d.months],
        "for_year": d.for_year,
        "reference": cite(d.clause, lang),
        "clause": d.clause,
    }


def duties_section(
    duties: tuple[DutyDue, ...], title: str, lang: Lang, month: date | None = None
) -> Section:
    """Duties due in a school year, or (given ``month``) in that month: one row each, with
    when it falls due and the school year it concerns."""
    section = Section(tr(lang, "例行事项", "duties"), title, DUE)
    for d in duties:
        shown = {"for_year": school_year(d.for_year, lang)}
        section.add(shown=shown, **_due_record(d, lang, month))
    return section


# the plan gives no month for these: when they fall is our reading, and says so
READING: dict[Lang, str] = {
    "zh": "解读：方案未写明月份，“年终”按12月计，基础津贴按学年9月至次年8月逐月发放",
    "en": "our reading: the plan names no month; 年终 (year end) is taken as December and the"
    " base allowance as paid monthly over the school year, September to August",
}


def school_year_duties(year: int, lang: Lang) -> Section:
    """The duties due in school year ``year`` (September to August): the annual report's
    section of duties in the year."""
    sy = school_year(year, lang)
    title = tr(lang, f"{sy}学年 例行事项", f"Recurring duties in {sy}")
    section = duties_section(duties_in_school_year(year), title, lang)
    section.lines.append(
        tr(lang, "学年为当年9月至次年8月", "a school year runs from September to August")
    )
    section.lines.append(READING[lang])
    return section


def duties_docs(duties: tuple[DutyDue, ...], lang: Lang) -> list[dict[str, Any]]:
    """Duties as JSON records (SPEC §5 vocabulary): codes with labels, months as YYYY-MM."""
    return [encode(_due_record(d, lang), DUE_DOC, lang) for d in duties]


def _notes(result: TimelineResult, lang: Lang) -> list[str]:
    changed = [changed_item(u, lang) for u in result.parameters if u.set_by != "bundled"]
    return [t("note.changed", lang, items=tr(lang, "；", "; ").join(changed))] if changed else []


def _starts(result: TimelineResult, lang: Lang) -> list[str]:
    """Which school years the duties are those of, and when a school year runs."""
    sy = school_year(result.first_year, lang)
    return [
        tr(
            lang,
            f"例行事项为 {sy} 学年起各学年的事项（方案的数字自该学年起）",
            f"recurring duties of the school years from {sy} (the first with figures)",
        ),
        tr(lang, "学年为当年9月至次年8月", "a school year runs from September to August"),
        READING[lang],
    ]


def _whole(result: TimelineResult, lang: Lang) -> tuple[list[Section], dict[str, Any], list[str]]:
    phases = phases_section(
        result.phases, tr(lang, "实施步骤（七）", "Phases of the plan (clause 7)"), lang
    )
    milestones = milestones_section(result.milestones, lang)
    duties = Section(
        tr(lang, "例行事项", "duties"),
        tr(lang, "每学年的例行事项", "Duties recurring every school year"),
        DUTY,
        lines=_starts(result, lang),
    )
    for d in result.duties:
        duties.add(**_duty_record(d, lang))
    body = {
        "on": None,
        "first_year": result.first_year,
        "phases": [encode(_phase_record(p, lang), PHASE_DOC, lang) for p in result.phases],
        "milestones": [
            encode(_milestone_record(m, lang), MILESTONE_DOC, lang) for m in result.milestones
        ],
        "duties": [encode(_duty_record(d, lang), DUTY_DOC, lang) for d in result.duties],
    }
    return [phases, milestones, duties], body, []


def _on(result: TimelineResult, lang: Lang) -> tuple[list[Section], dict[str, Any], list[str]]:
    """The phases in force on the day and the duties due in its month; a part with nothing
    in it is a line rather than an empty table."""
    assert result.on is not None and result.month is not None
    day, month = result.on.isoformat(), ym(result.month)
    sections, lines = [], []
    if result.phases:
        title = tr(lang, f"{day} 所处阶段（七）", f"Phases in force on {day}")
        sections.append(phases_section(result.phases, title, lang))
    else:
        first = ym(min(p.start for p in PHASES))
        lines.append(
            tr(
                lang,
                f"{day} 不在方案的任何阶段内（方案自 {first} 起）",
                f"{day} is in none of the plan's phases (they begin in {first})",
            )
        )
    if result.due:
        title = tr(lang, f"{month} 到期的例行事项", f"Duties due in {month}")
        sections.append(duties_section(result.due, title, lang, result.month))
    else:
        lines.append(tr(lang, f"{month} 没有到期的例行事项", f"no duties fall due in {month}"))
        if school_year_of(result.on) < result.first_year:
            lines.extend(_starts(result, lang))
    body = {
        "on": day,
        "month": month,
        "first_year": result.first_year,
        "phases": [encode(_phase_record(p, lang), PHASE_DOC, lang) for p in result.phases],
        "due": duties_docs(result.due, lang),
    }
    return sections, body, lines


def timeline_view(result: TimelineResult, ask: Ask) -> Output:
    lang = ask.lang
    sections, body, lines = _whole(result, lang) if result.on is None else _on(result, lang)
    meta = meta_for(None, result.parameters, ask)
    out = Output("timeline", meta, body, sections, lines=lines)
    out.notes = _notes(result, lang)
    return out
