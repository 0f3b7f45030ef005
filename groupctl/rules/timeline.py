"""七 The plan's timeline: its phases and milestones, and the duties that recur each year.

The dates below are the plan's own, each beside the clause that gives it: the three
phases of 七（一）–（三） (the pilot's two steps within 七（二）), the milestones of 七（三）
and 二（三）, and the months 六（四）3, 六（四）4 and 六（五） name for recurring duties.
They are the plan's calendar, not values the bureau sets, so they are data here rather
than policy parameters.  The coverage milestone is the exception: its target and year
are the parameters ``coverage.target`` and ``coverage.target_year`` (七（三）), read through
``Params`` so that a changed target shows here as everywhere.

Recurring duties fall due in school years: school year Y runs from September Y to August
Y+1.  They concern the school years with figures (the policy's first one onwards), the
same years every computing command answers for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from groupctl.catalogue import msg
from groupctl.errors import UsageError
from groupctl.model import MONTHS
from groupctl.numbers import normalize, quoted
from groupctl.policy import ParamUse, Policy
from groupctl.results import Explain
from groupctl.rules.coverage import CLAUSE as COVERAGE_CLAUSE
from groupctl.rules.coverage import TARGET, TARGET_YEAR

# A school year begins in September (SPEC §2: year Y is in force from Y-09-01).
SCHOOL_YEAR_START = 9


@dataclass(frozen=True)
class Phase:
    """A phase of the plan, from the first day of its first month to the end of its last."""

    code: str
    clause: str
    start: date  # the first day of its first month
    end: date | None  # the first day of its last month; None: it has no end
    within: str | None = None  # a step of this phase

    def in_force(self, day: date) -> bool:
        if day < self.start:
            return False
        return self.end is None or (day.year, day.month) <= (self.end.year, self.end.month)


@dataclass(frozen=True)
class Milestone:
    code: str
    clause: str
    year: int
    month: int | None = None  # None: some time in the year
    target: Decimal | None = None  # the coverage milestone's rate


Schedule = Literal["monthly", "once"]
Concerns = Literal["current", "next"]


@dataclass(frozen=True)
class Duty:
    """A duty that recurs every school year, in the calendar months it falls due in."""

    code: str
    clause: str
    schedule: Schedule  # monthly: in each of ``months``; once: in one of them
    months: tuple[int, ...]  # calendar months, in school-year order
    concerns: Concerns  # the school year it falls in, or the next one


# --------------------------------------------------------------------------- the plan's dates

PHASES: tuple[Phase, ...] = (
    Phase("preparation", "7.1", date(2023, 4, 1), date(2023, 5, 1)),  # 七（一）2023年4月至5月
    Phase("pilot", "7.2", date(2023, 5, 1), date(2023, 12, 1)),  # 七（二）2023年5月至12月
    Phase("rules", "7.2", date(2023, 5, 1), date(2023, 6, 1), within="pilot"),  # 七（二）1
    Phase("rollout", "7.2", date(2023, 6, 1), date(2023, 12, 1), within="pilot"),  # 七（二）2
    Phase("review", "7.3", date(2023, 12, 1), None),  # 七（三）2023年12月开始
)

MILESTONES: tuple[Milestone, ...] = (
    Milestone("expand_scope", "7.3", 2023, 12),  # 七（三）2023年底
    Milestone("management_system", "2.3", 2025),  # 二（三）2025年
)

_SCHOOL_YEAR_MONTHS = tuple(
    (SCHOOL_YEAR_START - 1 + i) % MONTHS + 1 for i in range(MONTHS)
)  # 9, 10, …, 12, 1, …, 8

DUTIES: tuple[Duty, ...] = (
    # 六（四）4: the base allowance is paid month by month, on the monthly post assessment
    Duty("base_allowance", "6.4.4", "monthly", _SCHOOL_YEAR_MONTHS, "current"),
    # 六（五）: the year-end assessment (年终考核), read as December
    Duty("year_end_assessment", "6.5", "once", (12,), "current"),
    # 六（四）4: the efficiency allowance, on the year-end grade, 当年底或次年初
    Duty("efficiency_allowance", "6.4.4", "once", (12, 1), "current"),
    # 六（四）3: each July a group submits its teacher plan for the next school year
    Duty("teacher_plan", "6.4.3", "once", (7,), "next"),
)

# every clause the timeline cites: its phases, its milestones (the coverage one too), its duties
CLAUSES: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(p.clause for p in PHASES),
            *(m.clause for m in MILESTONES),
            COVERAGE_CLAUSE,
            *(d.clause for d in DUTIES),
        ]
    )
)


# --------------------------------------------------------------------------- duties in a year


@dataclass(frozen=True)
class DutyDue:
    """A recurring duty in one school year: the months it falls due in, the year it concerns."""

    code: str
    clause: str
    schedule: Schedule
    months: tuple[date, ...]  # the first day of each month (once: any one of them)
    for_year: int  # the school year it concerns (the teacher plan: the next one)
    explain: Explain


def month_of(year: int, month: int) -> date:
    """The first day of ``month`` within school year ``year`` (September Y to August Y+1)."""
    return date(year if month >= SCHOOL_YEAR_START else year + 1, month, 1)


def school_year_of(day: date) -> int:
    """The school year a day falls in."""
    return day.year if day.month >= SCHOOL_YEAR_START else day.year - 1


def duties_in_school_year(year: int) -> tuple[DutyDue, ...]:
    """The recurring duties that fall due in school year ``year`` (September Y – August Y+1),
    in the order they first fall due."""
    out = []
    for d in DUTIES:
        months = tuple(month_of(year, m) for m in d.months)
        for_year = year + 1 if d.concerns == "next" else year
        out.append(
            DutyDue(
                d.code,
                d.clause,
                d.schedule,
                months,
                for_year,
                Explain((d.clause,), {"schedule": d.schedule, "for_year": for_year}),
            )
        )
    return tuple(sorted(out, key=lambda x: x.months[0]))


# --------------------------------------------------------------------------- the timeline


@dataclass(frozen=True)
class TimelineResult:
    on: date | None  # the day asked about, or None for the whole timeline
    phases: tuple[Phase, ...]  # every phase, or those in force on ``on``
    milestones: tuple[Milestone, ...]  # every milestone; none when ``on`` is given
    duties: tuple[Duty, ...]  # every recurring duty; none when ``on`` is given
    due: tuple[DutyDue, ...]  # with ``on``: the duties due in its month
    first_year: int  # the first school year the duties concern (the policy's first)
    parameters: tuple[ParamUse, ...]

    @property
    def month(self) -> date | None:
        return None if self.on is None else self.on.replace(day=1)


def coverage_milestone(policy: Policy) -> tuple[Milestone, tuple[ParamUse, ...]]:
    """七（三）'s coverage goal: the target in force in its target year, and the reads."""
    first = policy.first_year()
    target_year = policy.params(first).integer(TARGET_YEAR)
    params = policy.params(max(first, target_year))
    target = params.decimal(TARGET)
    target_year = params.integer(TARGET_YEAR)
    return Milestone("coverage_target", COVERAGE_CLAUSE, target_year, None, target), params.uses()


def compute_timeline(policy: Policy, on: date | None = None) -> TimelineResult:
    first = policy.first_year()
    if on is None:
        coverage, uses = coverage_milestone(policy)
        milestones = tuple(
            sorted((*MILESTONES, coverage), key=lambda m: (m.year, m.month or MONTHS + 1))
        )
        return TimelineResult(None, PHASES, milestones, DUTIES, (), first, uses)
    month = on.replace(day=1)
    due = tuple(
        d
        for d in duties_in_school_year(school_year_of(on))
        if month in d.months and d.for_year >= first
    )
    phases = tuple(p for p in PHASES if p.in_force(on))
    return TimelineResult(on, phases, (), (), due, first, ())


_DAY = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")


def parse_day(text: str) -> date:
    """A day as a clerk types it: 2023-08-01 (also 2023/8/1, 2023年8月1日, full-width digits)."""
    match = _DAY.fullmatch(normalize(text))
    try:
        if match is None:
            raise ValueError(text)
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        raise UsageError(msg("timeline.bad_day", text=quoted(text))) from None
