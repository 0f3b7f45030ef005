"""六（三） Incentives: each group's special funding for a school year.

The district pays every group a fixed base each school year (``funding.base_per_group``)
and, for each campus added to the group, a supplement banded by that campus's
students (``funding.supplement``).  The lead campus is what the group is built
on, so by default it earns no supplement (``funding.supplement_includes_lead``).
"""

from __future__ import annotations

from groupctl.model import Dataset, Record, Role
from groupctl.policy import ParamUse, Policy, band_index, band_label
from groupctl.results import Explain
from groupctl.rules.common import active_groups, require_headcounts

CLAUSE = "6.3"
CLAUSES: tuple[str, ...] = (CLAUSE,)  # every clause funding cites (groupctl clauses)


# Records written out rather than dataclasses: creating a dataclass compiles its methods
# at every start (model.Record gives them the dataclass's equality, hash and repr).


class CampusFunding(Record):
    __slots__ = (
        "band",
        "campus",
        "counted",
        "name",
        "role",
        "short_name",
        "students",
        "supplement",
    )
    _compared = (
        "campus",
        "name",
        "short_name",
        "role",
        "students",
        "band",
        "counted",
        "supplement",
        "explain",
    )

    def __init__(
        self,
        campus: str,
        name: str,
        short_name: str,
        role: Role,
        students: int,
        band: str,
        counted: bool,
        supplement: int,
    ) -> None:
        self.campus = campus
        self.name = name
        self.short_name = short_name
        self.role: Role = role
        self.students = students
        self.band = band
        self.counted = counted
        self.supplement = supplement

    @property
    def explain(self) -> Explain:
        """Made when asked for: a province has 100,000 campuses, and only --explain and
        the JSON of --explain read it."""
        return Explain(
            (CLAUSE,),
            {"students": self.students, "role": self.role},
            ("funding.supplement", "funding.supplement_includes_lead"),
        )


class GroupFunding(Record):
    __slots__ = ("base", "campuses", "group", "name", "supplements", "total")
    _compared = (
        "group",
        "name",
        "base",
        "supplements",
        "total",
        "campuses",
        "explain",
    )

    def __init__(
        self,
        group: str,
        name: str,
        base: int,
        supplements: int,
        total: int,
        campuses: tuple[CampusFunding, ...],
    ) -> None:
        self.group = group
        self.name = name
        self.base = base
        self.supplements = supplements
        self.total = total
        self.campuses = campuses

    @property
    def explain(self) -> Explain:
        """Made when asked for, as a campus's."""
        return Explain((CLAUSE,), {"campuses": len(self.campuses)}, ("funding.base_per_group",))


class FundingResult(Record):
    __slots__ = _compared = ("year", "total", "groups", "parameters")

    def __init__(
        self,
        year: int,
        total: int,
        groups: tuple[GroupFunding, ...],
        parameters: tuple[ParamUse, ...],
    ) -> None:
        self.year = year
        self.total = total
        self.groups = groups
        self.parameters = parameters


def compute_funding(data: Dataset, policy: Policy, year: int) -> FundingResult:
    params = policy.params(year)
    base = params.integer("funding.base_per_group")
    bands = params.whole_bands("funding.supplement")
    include_lead = params.boolean("funding.supplement_includes_lead")

    groups = active_groups(data, year)
    require_headcounts(data, year, (c for g in groups for c in g.campuses_in(year)))

    out = []
    labels = [band_label(bands, i) for i in range(len(bands))]  # one string for each band
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
                    band=labels[i],
                    counted=counted,
                    supplement=amount,
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
            )
        )
    return FundingResult(year, sum(g.total for g in out), tuple(out), params.uses())
