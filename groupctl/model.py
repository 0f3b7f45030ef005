"""The data model: district, groups, campuses and their enrollment.

Plain frozen dataclasses; loaders build them, rules read them.  They have slots: a
province holds some 500,000 rows and campuses, and an instance without its own
``__dict__`` is a third of the size.  Lookups by id and by (year, campus) go through
tables built once, so no rule scans every row or campus for each campus it computes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from groupctl.problems import Problem

Role = Literal["lead", "member"]
GroupType = Literal["school", "kindergarten"]
Stage = Literal["kindergarten", "primary", "junior", "senior"]

ROLES: tuple[Role, ...] = ("lead", "member")
GROUP_TYPES: tuple[GroupType, ...] = ("school", "kindergarten")
STAGES: tuple[Stage, ...] = ("kindergarten", "primary", "junior", "senior")
HEAD_TITLES = ("总校校长", "总园长", "执行校长", "执行园长")
KINDERGARTEN_HEADS = ("总园长", "执行园长")


@dataclass(frozen=True, slots=True)
class Campus:
    id: str
    name: str
    school: str
    role: Role
    head: str
    group_id: str
    from_year: int | None = None
    until_year: int | None = None
    line: int | None = None
    aliases: tuple[str, ...] = ()  # other names it goes by (中卫十小), from pilots.yaml

    def names(self) -> tuple[str, ...]:
        """Every name the campus answers to: id, full name, school, aliases (SPEC §2)."""
        return (self.id, self.name, self.school, *self.aliases)

    def in_group(self, year: int) -> bool:
        """Whether the campus belongs to its group in school year ``year``."""
        if self.from_year is not None and year < self.from_year:
            return False
        return not (self.until_year is not None and year > self.until_year)

    def short_name(self, group_name: str) -> str:
        """The campus name without its group's name in front (镇罗校区, 总校（宣和中学）)."""
        if self.name.startswith(group_name) and len(self.name) > len(group_name):
            return self.name[len(group_name) :]
        return self.name


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    type: GroupType
    campuses: tuple[Campus, ...]
    line: int | None = None

    @property
    def lead(self) -> Campus:
        return next(c for c in self.campuses if c.role == "lead")

    def running_in(self, year: int) -> bool:
        """A group runs in a school year when its lead campus is in it (the one definition)."""
        return self.lead.in_group(year)

    def campuses_in(self, year: int) -> tuple[Campus, ...]:
        return tuple(c for c in self.campuses if c.in_group(year))


@dataclass(frozen=True, slots=True)
class Pilots:
    district: str
    groups: tuple[Group, ...]
    compulsory_schools_total: int | None = None
    illustrative: tuple[str, ...] = ()

    _by_id: dict[str, Campus | Group] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # campus and group ids are unique together (the loader checks): one table for both
        for g in self.groups:
            self._by_id.setdefault(g.id, g)
            for c in g.campuses:
                self._by_id.setdefault(c.id, c)

    def campuses(self) -> Iterable[Campus]:
        for g in self.groups:
            yield from g.campuses

    def group(self, group_id: str) -> Group:
        found = self._by_id.get(group_id)
        if not isinstance(found, Group):
            raise KeyError(group_id)
        return found

    def campus(self, campus_id: str) -> Campus:
        """The campus with this id, looked up in a table (a province has 100,000)."""
        found = self._by_id.get(campus_id)
        if not isinstance(found, Campus):
            raise KeyError(campus_id)
        return found


@dataclass(frozen=True, slots=True)
class StageRow:
    """One row of campuses.csv: a campus's students and classes in one stage and year."""

    year: int
    campus: str
    stage: Stage
    students: int
    classes: int
    line: int


@dataclass(frozen=True, slots=True)
class Enrollment:
    rows: tuple[StageRow, ...]
    file: str = "campuses.csv"
    # year → campus → its rows: the campus ids are the rows' own strings, no key per row
    _index: dict[int, dict[str, tuple[StageRow, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _years: list[tuple[int, ...]] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[int, dict[str, list[StageRow]]] = {}
        for r in self.rows:
            index.setdefault(r.year, {}).setdefault(r.campus, []).append(r)
        for year, campuses in index.items():
            self._index[year] = {c: tuple(rows) for c, rows in campuses.items()}
        self._years.append(tuple(sorted(index)))

    def years(self) -> tuple[int, ...]:
        """The school years the file has rows for, in order (computed once)."""
        return self._years[0]

    def stages(self, year: int, campus: str) -> tuple[StageRow, ...]:
        """The campus's rows for the year, in file order; empty when it has none."""
        return self._index.get(year, {}).get(campus, ())

    def students(self, year: int, campus: str) -> int:
        return sum(r.students for r in self.stages(year, campus))

    def classes(self, year: int, campus: str) -> int:
        return sum(r.classes for r in self.stages(year, campus))

    def is_kindergarten(self, year: int, campus: str) -> bool:
        rows = self.stages(year, campus)
        return bool(rows) and all(r.stage == "kindergarten" for r in rows)


@dataclass(frozen=True, slots=True)
class StaffRow:
    """One row of staff.csv: a campus's established teachers and party members in one year."""

    year: int
    campus: str
    teachers: int  # 在编教师 on staff
    party_members: int  # 正式党员 among the staff
    line: int


@dataclass(frozen=True, slots=True)
class Staff:
    """The optional staff.csv: teachers on establishment and party members by year and campus."""

    rows: tuple[StaffRow, ...]
    file: str = "staff.csv"
    _index: dict[tuple[int, str], StaffRow] = field(default_factory=dict, compare=False, repr=False)

    _years: list[tuple[int, ...]] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({(r.year, r.campus): r for r in self.rows})
        self._years.append(tuple(sorted({r.year for r in self.rows})))

    def years(self) -> tuple[int, ...]:
        return self._years[0]

    def get(self, year: int, campus: str) -> StaffRow | None:
        return self._index.get((year, campus))


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything read from one data directory."""

    directory: Path
    pilots: Pilots
    enrollment: Enrollment
    bundled: bool = False
    files: tuple[Path, ...] = ()
    staff: Staff | None = None  # None when the directory has no staff.csv
    warnings: tuple[Problem, ...] = ()  # what `check` would warn about

    def campus(self, campus_id: str) -> Campus:
        return self.pilots.campus(campus_id)


# --------------------------------------------------------------------------- assessment scores

Grade = Literal["excellent", "good", "fair", "fail"]
GRADES: tuple[Grade, ...] = ("excellent", "good", "fair", "fail")  # best first
# The plan's names of the four grades (六（五））, as a score file or a band may write them.
GRADE_NAMES: dict[str, Grade] = {
    "优秀": "excellent",
    "良好": "good",
    "一般": "fair",
    "不合格": "fail",
}


@dataclass(frozen=True, slots=True)
class CampusScore:
    """One row of campus_scores.csv: a campus's assessment score for a school year."""

    year: int
    campus: str
    score: Decimal  # 0–100, two decimals
    line: int
    decided_grade: Grade | None = None  # the grade the assessment group decided (确定等次)


@dataclass(frozen=True, slots=True)
class GroupScore:
    """One row of group_scores.csv: a group's party-building and comprehensive scores."""

    year: int
    group: str
    party_building: Decimal
    comprehensive: Decimal
    line: int
    decided_grade: Grade | None = None  # the grade the assessment group decided (确定等次)


# --------------------------------------------------------------------------- post assessment

# A year has twelve monthly payments: the calendar, not a choice the plan or the bureau
# makes, so it is a constant rather than a policy parameter.
MONTHS = 12

PostResult = Literal["pass", "basic_pass", "fail"]
POST_RESULTS: tuple[PostResult, ...] = ("pass", "basic_pass", "fail")  # best first
# The result's name in the plan's words: also the key of its allowance.monthly_result_factor.
POST_RESULT_NAMES: dict[PostResult, str] = {
    "pass": "合格",
    "basic_pass": "基本合格",
    "fail": "不合格",
}


@dataclass(frozen=True, slots=True)
class PostResultRow:
    """One row of post_assessment.csv: a campus head's post assessment (岗位考核) in one month."""

    year: int  # the allowance year (a school year)
    campus: str
    month: int  # 1–12: which of the year's twelve monthly payments it decides
    result: PostResult
    line: int


@dataclass(frozen=True, slots=True)
class PostAssessment:
    """The optional post_assessment.csv: monthly results by year, campus and month."""

    rows: tuple[PostResultRow, ...]
    file: str = "post_assessment.csv"
    _index: dict[tuple[int, str, int], PostResultRow] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self._index.update({(r.year, r.campus, r.month): r for r in self.rows})

    def get(self, year: int, campus: str, month: int) -> PostResultRow | None:
        return self._index.get((year, campus, month))


@dataclass(frozen=True, slots=True)
class Scores:
    """The assessment results of a data directory, read only by the commands that need them:
    the two score files (六（五）) and, for the allowance, post_assessment.csv (六（四）4)."""

    campuses: tuple[CampusScore, ...]
    groups: tuple[GroupScore, ...]
    campus_file: str = "campus_scores.csv"
    group_file: str = "group_scores.csv"
    post: PostAssessment | None = None  # None: no post_assessment.csv (or not read)
    _campus: dict[tuple[int, str], CampusScore] = field(
        default_factory=dict, compare=False, repr=False
    )
    _group: dict[tuple[int, str], GroupScore] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        # the first row of a (year, campus) wins, as the scan it replaces found it first
        for s in reversed(self.campuses):
            self._campus[(s.year, s.campus)] = s
        for g in reversed(self.groups):
            self._group[(g.year, g.group)] = g

    def campus(self, year: int, campus_id: str) -> CampusScore | None:
        return self._campus.get((year, campus_id))

    def group(self, year: int, group_id: str) -> GroupScore | None:
        return self._group.get((year, group_id))

    def campus_years(self) -> tuple[int, ...]:
        return tuple(sorted({year for year, _ in self._campus}))

    def group_years(self) -> tuple[int, ...]:
        return tuple(sorted({year for year, _ in self._group}))
