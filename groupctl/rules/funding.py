"""六（三） Incentives: each group's special funding for a school year.

The district pays every group a fixed base each school year (``funding.base_per_group``)
and, for each campus added to the group, a supplement banded by that campus's
students (``funding.supplement``).  The lead campus is what the group is built
on, so by default it earns no supplement (``funding.supplement_includes_lead``).
"""

from __future__ import annotations

from dataclasses import dataclass

from groupctl.model import Dataset, Role
from groupctl.policy import ParamUse, Policy, band_index, band_label
from groupctl.results import Explain
from groupctl.rules.common import active_groups, require_headcounts

CLAUSE = "6.3"
CLAUSES: tuple[str, ...] = (CLAUSE,)  # every clause funding cites (groupctl clauses)


@dataclass(frozen=True)
class CampusFunding:
    campus: str
    name: str
    short_name: str
    role: Role
    students: int
    band: str
    counted: bool
    supplement: int
    explain: Explain


@dataclass(frozen=True)
class GroupFunding:
    group: str
    name: str
    base: int
    supplements: int
    total: int
    campuses: tuple[CampusFunding, ...]
    explain: Explain


@dataclass(frozen=True)
class FundingResult:
    year: int
    total: int
    groups: tuple[GroupFunding, ...]
    parameters: tuple[ParamUse, ...]


def compute_funding(data: Dataset, policy: Policy, year: int) -> FundingResult:
    params = policy.params(year)
    base = params.integer("funding.base_per_group")
    bands = params.whole_bands("funding.supplement")
    include_lead = params.boolean("funding.supplement_includes_lead")

    groups = active_groups(data, year)
    require_headcounts(data, year, (c for g in groups for c in g.campuses_in(year)))

    out = []
    for g in groups:
        campuses = []
        for c in g.campuses_in(year):
            students = data.enrollment.students(year, c.id)
            i = band_index(bands, students)
            counted = c.role == "member" or include_lead
            amount = int(bands[i].value) if counted else 0
            campuses.append(
                CampusFunding(
                    campus=c.id,
                    name=c.name,
                    short_name=c.short_name(g.name),
                    role=c.role,
                    students=students,
                    band=band_label(bands, i),
                    counted=counted,
                    supplement=amount,
                    explain=Explain(
                        (CLAUSE,),
                        {"students": students, "role": c.role},
                        ("funding.supplement", "funding.supplement_includes_lead"),
                    ),
                )
            )
        supplements = sum(c.supplement for c in campuses)
        out.append(
            GroupFunding(
                group=g.id,
                name=g.name,
                base=base,
                supplements=supplements,
                total=base + supplements,
                campuses=tuple(campuses),
                explain=Explain(
                    (CLAUSE,), {"campuses": len(campuses)}, ("funding.base_per_group",)
                ),
            )
        )
    return FundingResult(year, sum(g.total for g in out), tuple(out), params.uses())
