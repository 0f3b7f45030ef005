"""七（三） Coverage: the share of the district's compulsory-stage schools that run in a group.

七（三） sets the goal for 2025: compulsory-stage (义务教育阶段) schools in groups reaching
60% of all of them.  A campus counts in school year Y when its group runs in Y, the
campus is in the group in Y (the lead too), and campuses.csv gives it a primary or a
junior row for Y; a kindergarten campus does not count.  The denominator is the
district's number of compulsory-stage schools, ``compulsory_schools_total`` in
pilots.yaml (the plan gives no figure).  The target and its year are the plan's
parameters ``coverage.target`` and ``coverage.target_year``.

The rate is kept exact (a ``Fraction``); it is rounded half up to four decimals only
where it is shown, and ``met`` compares the exact rate with the target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from groupctl.catalogue import msg
from groupctl.errors import DataError
from groupctl.model import STAGES, Dataset, Role, Stage
from groupctl.policy import ParamUse, Policy
from groupctl.results import Explain
from groupctl.rules.common import active_groups, require_headcounts

CLAUSE = "7.3"
CLAUSES: tuple[str, ...] = (CLAUSE,)

# 义务教育 is the primary and the junior stage: the law's definition, not a figure the
# plan or the bureau chooses, so a constant rather than a parameter.
COMPULSORY_STAGES: tuple[Stage, ...] = ("primary", "junior")

TARGET = "coverage.target"
TARGET_YEAR = "coverage.target_year"
TOTAL_KEY = "compulsory_schools_total"
PILOTS_FILE = "pilots.yaml"


@dataclass(frozen=True)
class CampusCoverage:
    """One campus of a running group in Y, and whether it counts as a compulsory-stage school."""

    campus: str
    name: str
    short_name: str
    role: Role
    stages: tuple[Stage, ...]  # the stages of its campuses.csv rows for Y, in STAGES order
    compulsory: bool
    explain: Explain

    @property
    def counted(self) -> int:
        """1 when the campus counts, else 0: summed, the rows give the group's count."""
        return int(self.compulsory)


@dataclass(frozen=True)
class GroupCoverage:
    group: str
    name: str
    grouped: int  # its compulsory-stage schools in Y
    campuses: tuple[CampusCoverage, ...]
    explain: Explain


@dataclass(frozen=True)
class YearCoverage:
    """One year of the trend: compulsory-stage schools in groups and the exact rate."""

    year: int
    grouped: int
    total: int
    rate: Fraction


@dataclass(frozen=True)
class CoverageResult:
    year: int
    grouped: int
    total: int
    rate: Fraction  # exact; shown rounded half up to four decimals
    target: Decimal
    target_year: int
    met: bool  # rate ≥ target, compared exactly
    needed: int  # schools still to bring into groups to reach the target (0 when met)
    groups: tuple[GroupCoverage, ...]
    trend: tuple[YearCoverage, ...]  # every year with figures and full headcounts, oldest first
    parameters: tuple[ParamUse, ...]
    explain: Explain
    incomplete: tuple[int, ...] = ()  # years left out of the trend: headcounts missing


def district_total(data: Dataset) -> int:
    """pilots.yaml's count of the district's compulsory-stage schools; a clear error without it."""
    total = data.pilots.compulsory_schools_total
    if total is None:
        raise DataError(
            msg("coverage.no_total", key=TOTAL_KEY, file=PILOTS_FILE, folder=data.directory),
            PILOTS_FILE,
        )
    return total


def _groups(data: Dataset, year: int, total: int) -> tuple[GroupCoverage, ...]:
    groups = active_groups(data, year)
    require_headcounts(data, year, (c for g in groups for c in g.campuses_in(year)))
    out = []
    for g in groups:
        campuses = []
        for c in g.campuses_in(year):
            have = {r.stage for r in data.enrollment.stages(year, c.id)}
            stages = tuple(s for s in STAGES if s in have)
            compulsory = any(s in COMPULSORY_STAGES for s in stages)
            campuses.append(
                CampusCoverage(
                    campus=c.id,
                    name=c.name,
                    short_name=c.short_name(g.name),
                    role=c.role,
                    stages=stages,
                    compulsory=compulsory,
                    explain=Explain(
                        (CLAUSE,), {"stages": ",".join(stages), "compulsory": int(compulsory)}
                    ),
                )
            )
        grouped = sum(c.counted for c in campuses)
        out.append(
            GroupCoverage(
                g.id, g.name, grouped, tuple(campuses), Explain((CLAUSE,), {"grouped": grouped})
            )
        )
    grouped = sum(g.grouped for g in out)
    if grouped > total:
        raise DataError(
            msg(
                "coverage.total_too_small",
                key=TOTAL_KEY,
                total=total,
                grouped=grouped,
                school_year=f"{year}-{year + 1}",
                file=PILOTS_FILE,
            ),
            PILOTS_FILE,
        )
    return tuple(out)


def compute_coverage(data: Dataset, policy: Policy, year: int) -> CoverageResult:
    params = policy.params(year)
    target = params.decimal(TARGET)
    target_year = params.integer(TARGET_YEAR)
    total = district_total(data)

    groups = _groups(data, year, total)
    grouped = sum(g.grouped for g in groups)
    rate = Fraction(grouped, total)
    # the trend: every other year with figures whose headcounts are complete; a year a clerk
    # is still filling in must not stop this year's answer, so it is named, not counted
    trend, incomplete = [], []
    for y in data.enrollment.years():
        if y < policy.first_year():
            continue
        try:
            n = grouped if y == year else sum(g.grouped for g in _groups(data, y, total))
        except DataError:
            incomplete.append(y)
            continue
        trend.append(YearCoverage(y, n, total, Fraction(n, total)))
    needed = max(0, math.ceil(Fraction(target) * total) - grouped)
    return CoverageResult(
        year=year,
        grouped=grouped,
        total=total,
        rate=rate,
        target=target,
        target_year=target_year,
        met=rate >= Fraction(target),
        needed=needed,
        groups=groups,
        trend=tuple(trend),
        incomplete=tuple(incomplete),
        parameters=params.uses(),
        explain=Explain((CLAUSE,), {"grouped": grouped, "total": total}, (TARGET, TARGET_YEAR)),
    )
