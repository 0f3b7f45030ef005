"""Building the year's report from the commands' own results and views.

Every figure comes from ``groupctl.api`` and every table from the command's view
(``funding_view`` …): the report draws the same records the commands draw, and never
computes a figure of its own beyond adding up the records a table lists (the summary's
district totals).  A part whose inputs are absent — no score files, no district school
count — is left out with a one-line note; a broken input is still an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from groupctl import __version__, api
from groupctl.catalogue import Join, render
from groupctl.clauses import cite_parameter
from groupctl.errors import GroupctlError
from groupctl.labels import Lang, label_of, school_year, t, tr
from groupctl.loaders import CAMPUS_SCORES, GROUP_SCORES, load_scores
from groupctl.model import GRADES
from groupctl.output.model import Column, Output, Section
from groupctl.policy import ParamUse
from groupctl.problems import Problem
from groupctl.report.model import Bar, Chart, Figure, FigureKind, Number, Part, Report
from groupctl.rules.allowance import AllowanceResult
from groupctl.rules.assessment import AssessmentResult
from groupctl.rules.coverage import CoverageResult
from groupctl.rules.funding import FundingResult
from groupctl.rules.staffing import CampusStaffing, StaffingResult
from groupctl.views import Ask, sets_doc, show_value
from groupctl.views.allowance import allowance_view
from groupctl.views.assessment import assessment_view
from groupctl.views.coverage import coverage_view, percent
from groupctl.views.coverage import rate as coverage_rate
from groupctl.views.funding import funding_view
from groupctl.views.groups import groups_view
from groupctl.views.params import value_number, value_shown
from groupctl.views.staffing import staffing_view
from groupctl.views.timeline import school_year_duties


@dataclass(frozen=True)
class _Year:
    """The results of one school year that the summary adds up."""

    funding: FundingResult
    staffing: StaffingResult
    assessment: AssessmentResult | None
    allowance: AllowanceResult | None
    allowance_out: Output | None  # the allowance view: its body carries the command's totals
    coverage: CoverageResult | None  # None when pilots.yaml gives no district school count


def build_report(session: api.Session, year: int, ask: Ask) -> Report:
    """The report of school year ``year``: every part, in the order the issue lists them."""
    lang = ask.lang
    data = session.data
    ask = replace(ask, explain=False)
    scores_missing = _scores_missing(session, year, lang)
    now = _year(session, year, ask, scores_missing)
    previous, previous_note = _previous(session, year, ask)
    seen: set[str] = set()  # each note once, where it first applies

    def part(key: str, out: Sequence[Output] = ()) -> Part:
        lines: list[str] = []
        for o in out:
            lines += [line for line in _joined([*o.lines, *o.notes]) if line not in seen]
            seen.update(lines)
        return Part(
            key,
            t(f"report.part.{key}", lang),
            t(f"report.sheet.{key}", lang),
            sections=[s for o in out for s in o.sections],
            lines=lines,
        )

    parts: list[Part] = []
    summary = part("summary")
    summary.figures = _figures(now, previous, lang)
    summary.figures_title = t("report.summary.title", lang, school_year=school_year(year, lang))
    if previous_note:
        summary.lines.append(previous_note)
    parts.append(summary)

    parts.append(part("groups", [groups_view(data, ask)]))

    funding = part("funding", [funding_view(now.funding, data, ask)])
    funding.charts.append(_funding_chart(now.funding, lang))
    parts.append(funding)

    parts.append(part("staffing", [staffing_view(now.staffing, data, ask)]))

    if now.assessment is not None and now.allowance_out is not None:
        assessed = assessment_view(now.assessment, data, ask)
        parts.append(part("assessment", [assessed, now.allowance_out]))
    else:
        parts.append(_omitted(part("assessment"), scores_missing or ""))

    parts.append(_coverage_part(session, ask, now, part))
    parts.append(_duties_part(year, ask, part))
    parts.append(_parameters_part(session, year, now, part, lang))
    parts.append(_warnings_part(data.warnings, part, lang))

    scenario = _scenario(ask)
    notes = [scenario] if scenario else []
    notes += [t("report.omitted", lang, part=p.title, reason=p.omitted) for p in parts if p.omitted]
    # the files whose figures the report shows, where pilots.yaml marks them as examples
    shown = {"campuses.csv"}
    if now.staffing.staff_file is not None:
        shown.add("staff.csv")
    if now.assessment is not None:
        shown |= {CAMPUS_SCORES, GROUP_SCORES}
    if now.coverage is not None:
        shown.add("pilots.yaml:compulsory_schools_total")
    examples = [f for f in data.pilots.illustrative if f in shown]
    if examples:
        notes.append(t("note.illustrative", lang, files=Join(tuple(examples))))
    where = t("report.bundled", lang) if data.bundled else str(data.directory)
    return Report(
        year=year,
        lang=lang,
        title=t(
            "report.title",
            lang,
            district=data.pilots.district,
            school_year=school_year(year, lang),
        ),
        source=t("report.source", lang, data=where, version=__version__),
        scenario=scenario,
        parts=parts,
        previous_year=year - 1 if previous is not None else None,
        notes=notes,
    )


# --------------------------------------------------------------------------- the year's results


def _scores_missing(session: api.Session, year: int, lang: Lang) -> str | None:
    """Why the assessment and the allowance cannot be computed, or None when they can.

    Absent inputs (a score file missing, or no row for the year) leave the part out; a
    score file that is present but broken is an error, as it is for ``assess``.
    """
    directory = session.data.directory
    absent = [f for f in (CAMPUS_SCORES, GROUP_SCORES) if not (directory / f).is_file()]
    if absent:
        return t("report.no_files", lang, files="、".join(absent))
    scores = load_scores(session.data, "report")
    lacking = [
        file
        for file, rows in ((CAMPUS_SCORES, scores.campuses), (GROUP_SCORES, scores.groups))
        if not any(r.year == year for r in rows)
    ]
    if lacking:
        return t(
            "report.no_scores", lang, files="、".join(lacking), school_year=school_year(year, lang)
        )
    return None


def _year(session: api.Session, year: int, ask: Ask, scores_missing: str | None) -> _Year:
    assessment = allowance = allowance_out = None
    if scores_missing is None:
        assessment = api.assess(session, year)
        allowance = api.allowance(session, year)
        allowance_out = allowance_view(allowance, session.data, ask)
    return _Year(
        api.funding(session, year),
        api.staffing(session, year),
        assessment,
        allowance,
        allowance_out,
        _coverage(session, year),
    )


def _previous(session: api.Session, year: int, ask: Ask) -> tuple[_Year | None, str]:
    """Last school year's results for the year-on-year change, where the data has them."""
    lang, before = ask.lang, year - 1
    sy = school_year(before, lang)
    if before < session.policy.first_year() or before not in session.data.enrollment.years():
        return None, t("report.summary.no_previous", lang, school_year=sy)
    try:
        return _year(session, before, ask, _scores_missing(session, before, lang)), ""
    except GroupctlError as exc:  # last year's data is not this report's: say so, go on
        return None, t(
            "report.summary.previous_failed", lang, school_year=sy, reason=exc.render(lang)
        )


def _coverage(session: api.Session, year: int) -> CoverageResult | None:
    """The coverage result, or None when pilots.yaml gives no district school count."""
    if session.data.pilots.compulsory_schools_total is None:
        return None
    return api.coverage(session, year)


# --------------------------------------------------------------------------- summary


def _figures(now: _Year, before: _Year | None, lang: Lang) -> list[Figure]:
    this = _totals(now, lang)
    last = _totals(before, lang) if before is not None else {}
    return [
        Figure(key, t(f"report.figure.{key}", lang), kind, value, last.get(key, (kind, None))[1])
        for key, (kind, value) in this.items()
    ]


def _totals(y: _Year, lang: Lang) -> dict[str, tuple[FigureKind, Number | str | None]]:
    """The district totals of one year, each the sum of what a command's table lists."""
    campuses = [c for g in y.funding.groups for c in g.campuses]
    out: dict[str, tuple[FigureKind, Number | str | None]] = {
        "groups": ("count", len(y.funding.groups)),
        "campuses": ("count", len(campuses)),
        "students": ("count", sum(c.students for c in campuses)),
        "funding": ("money", y.funding.total),
        "leaders": (
            "count",
            sum(c.leaders.principals + c.leaders.vice_principals for c in y.staffing.campuses),
        ),
        # the 编制 column of `staffing`: a school campus's quota, a kindergarten's
        # established teachers
        "teachers": ("count", sum(_posts(c) for c in y.staffing.campuses)),
    }
    if y.staffing.staff_file is not None:
        on_staff = [c.on_staff for c in y.staffing.campuses if c.on_staff is not None]
        out["on_staff"] = ("count", sum(on_staff))
    if y.allowance_out is not None:
        out["allowance"] = ("money", Decimal(y.allowance_out.body["totals"]["total"]))
    if y.assessment is not None:
        counts = {g: sum(1 for a in y.assessment.groups if a.grade == g) for g in GRADES}
        graded = [f"{label_of(f'grade.{g}', lang)} {n}" for g, n in counts.items() if n]
        text = ("、" if lang == "zh" else ", ").join(graded)
        out["grades"] = ("text", text)
    if y.coverage is not None:
        out["coverage"] = ("rate", coverage_rate(y.coverage.rate))
    return out


def _posts(c: CampusStaffing) -> int:
    if c.quota is not None:
        return int(c.quota)
    return int(c.kindergarten.established_teachers) if c.kindergarten is not None else 0


def _funding_chart(result: FundingResult, lang: Lang) -> Chart:
    bars = tuple(Bar(g.name, g.total) for g in result.groups)
    return Chart("funding", t("report.chart.funding", lang), "money", bars)


# --------------------------------------------------------------------------- coverage, duties


def _coverage_part(session: api.Session, ask: Ask, now: _Year, part: Callable[..., Part]) -> Part:
    if now.coverage is None:
        return _omitted(part("coverage"), t("report.no_total", ask.lang))
    out = part("coverage", [coverage_view(now.coverage, session.data, ask)])
    out.charts.append(_coverage_chart(now.coverage, ask.lang))
    return out


def _coverage_chart(result: CoverageResult, lang: Lang) -> Chart:
    """The rate in each school year the data has, against the target: the view's rates."""
    bars = tuple(Bar(school_year(y.year, lang), coverage_rate(y.rate)) for y in result.trend)
    target = t("report.chart.target", lang, rate=percent(result.target), year=result.target_year)
    return Chart("coverage", t("report.chart.coverage", lang), "rate", bars, result.target, target)


def _duties_part(year: int, ask: Ask, part: Callable[..., Part]) -> Part:
    """The recurring duties due in the school year, as ``groupctl timeline`` draws them."""
    out = part("duties")
    out.sections.append(school_year_duties(year, ask.lang))
    return out


# --------------------------------------------------------------------------- parameters


PARAMETER = (
    Column("path", "参数", "parameter", "id"),
    Column("origin", "来源", "origin", "code", codes="origin.", whole=True),
    Column("reference", "依据", "reference"),
    Column("value", "值", "value"),
    Column("number", "数值", "number", "decimal", show="data"),  # stored as a number in xlsx
    Column("unit", "单位", "unit", show="data"),
    Column("set_by", "改动", "set by", show="data", whole=True),
    Column("used_in", "用于", "used in"),
    Column("description", "说明", "description", show="data"),
    Column("note", "备注", "note", show="data"),
    Column("alternative", "另一种读法", "other reading", show="data"),
)
_ORIGIN_ORDER = {"plan": 0, "interpretation": 1, "local": 2, "national": 3}


def _parameters_part(
    session: api.Session, year: int, now: _Year, part: Callable[..., Part], lang: Lang
) -> Part:
    """Every parameter a figure of the report used, with where its value comes from: the
    plan's clause, our reading of it, the bureau's own choice, or a national document."""
    used: dict[str, tuple[ParamUse, list[str]]] = {}
    sources: list[tuple[str, tuple[ParamUse, ...]]] = [
        ("funding", now.funding.parameters),
        ("staffing", now.staffing.parameters),
    ]
    if now.assessment is not None:
        sources.append(("assessment", now.assessment.parameters))
    if now.allowance is not None:
        sources.append(("assessment", now.allowance.parameters))
    if now.coverage is not None:
        sources.append(("coverage", now.coverage.parameters))
    for key, uses in sources:
        for u in uses:
            if u.value is None:  # unset (a class ratio the bureau has not fixed): no figure used it
                continue
            entry = used.setdefault(u.path, (u, []))
            title = t(f"report.part.{key}", lang)
            if title not in entry[1]:
                entry[1].append(title)
    chosen = sorted(
        used.values(),
        key=lambda e: (
            _ORIGIN_ORDER.get(e[0].origin, 9),
            e[0].citation if e[0].origin == "national" else "",
            e[0].path,
        ),
    )
    sy = school_year(year, lang)
    # who changed a value is a column for people only when something was changed
    changed = any(u.set_by != "bundled" for u, _ in chosen)
    columns = tuple(
        replace(c, show="all") if c.key == "set_by" and changed else c for c in PARAMETER
    )
    table = Section(
        t("report.sheet.parameters", lang),
        t("report.params.title", lang, school_year=sy),
        columns,
    )
    for u, where in chosen:
        table.add(
            shown={
                # a table cites a national document by its short form (72号); xlsx in full
                "reference": cite_parameter(u.origin, u.clause, u.citation, lang),
                "value": value_shown(u.value, u.unit, lang),
                "set_by": "" if u.set_by == "bundled" else u.set_by,
            },
            path=u.path,
            origin=u.origin,
            reference=cite_parameter(u.origin, u.clause, u.reference, lang),
            value=show_value(u.value),
            number=value_number(u.value),
            unit=u.unit,
            set_by=u.set_by,
            used_in="、".join(where) if lang == "zh" else ", ".join(where),
            description=session.policy.get(u.path).describe(lang),
            note=u.remark(lang) or None,
            alternative=u.alternative or None,
        )
    out = part("parameters")
    out.sections.append(table)
    lines = [t("params.legend", lang)]
    for u, _ in chosen:
        if u.reading:  # our reading, while it stands: with the --set of the other one
            other = f"--set {u.path}={u.alternative}"
            lines.append(
                f"{u.path}（解读；另一种读法：{other}）：{u.remark(lang)}"
                if lang == "zh"
                else f"{u.path} (our reading; the other: {other}): {u.remark(lang)}"
            )
    out.lines = lines + out.lines
    return out


# --------------------------------------------------------------------------- warnings


WARNING = (
    Column("where", "位置", "where", whole=True),
    Column("message", "问题", "problem"),
)


def _warnings_part(warnings: Sequence[Problem], part: Callable[..., Part], lang: Lang) -> Part:
    out = part("warnings")
    if not warnings:
        out.lines.append(t("report.warnings.none", lang))
        return out
    table = Section(t("report.sheet.warnings", lang), t("report.warnings.title", lang), WARNING)
    for w in warnings:
        table.add(where=w.location(), message=render(w.message, lang))
    out.sections.append(table)
    return out


# --------------------------------------------------------------------------- helpers


def _joined(lines: Sequence[str]) -> list[str]:
    """Notes one to an entry: an indented line continues the one above it."""
    out: list[str] = []
    for line in lines:
        if out and line[:1].isspace():
            out[-1] += "\n" + line.strip()
        else:
            out.append(line)
    return out


def _omitted(p: Part, reason: str) -> Part:
    p.omitted = reason
    p.sections, p.lines, p.charts = [], [], []
    return p


def _scenario(ask: Ask) -> str | None:
    if not ask.sets:
        return None
    items = [f"{s['path']}={s['value']}" for s in sets_doc(ask)]
    return t("note.scenario", ask.lang, sets=tr(ask.lang, "；", "; ").join(items))
