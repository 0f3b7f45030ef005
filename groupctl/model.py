"""The data model: district, groups, campuses and their enrollment.

Plain records, read-only by convention; loaders build them, rules read them.  They are
written out by hand rather than as dataclasses: creating a dataclass compiles its methods
at every start (a tenth of groupctl's own start-up), and a frozen one sets each field
through ``object.__setattr__`` (a third of building a CSV row).  They have slots: a
province holds some 500,000 rows and campuses, and an instance without its own
``__dict__`` is a third of the size.  Equality, hashing and repr are those of the
dataclasses they were (``Record``: the compared fields, in order).  Lookups by id and by
(year, campus) go through tables built once, so no rule scans every row or campus for
each campus it computes.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Literal

from groupctl.problems import Problem
from groupctl.record import Record

__all__ = ["Record"]  # re-exported: the rules build their results on it

Role = Literal["lead", "member"]
GroupType = Literal["school", "kindergarten"]
Stage = Literal["kindergarten", "primary", "junior", "senior"]

ROLES: tuple[Role, ...] = ("lead", "member")
GROUP_TYPES: tuple[GroupType, ...] = ("school", "kindergarten")
STAGES: tuple[Stage, ...] = ("kindergarten", "primary", "junior", "senior")
HEAD_TITLES = ("总校校长", "总园长", "执行校长", "执行园长")
KINDERGARTEN_HEADS = ("总园长", "执行园长")


class Campus(Record):
    __slots__ = (
        "aliases",
        "from_year",
        "group_id",
        "head",
        "id",
        "line",
        "name",
        "role",
        "school",
        "until_year",
    )
    _compared = (
        "id",
        "name",
        "school",
        "role",
        "head",
        "group_id",
        "from_year",
        "until_year",
        "line",
        "aliases",
    )

    def __init__(
        self,
        id: str,
        name: str,
        school: str,
        role: Role,
        head: str,
        group_id: str,
        from_year: int | None = None,
        until_year: int | None = None,
        line: int | None = None,
        aliases: tuple[str, ...] = (),  # other names it goes by (中卫十小), from pilots.yaml
    ) -> None:
        self.id = id
        self.name = name
        self.school = school
        self.role = role
        self.head = head
        self.group_id = group_id
        self.from_year = from_year
        self.until_year = until_year
        self.line = line
        self.aliases = aliases

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


class Group(Record):
    __slots__ = ("campuses", "id", "line", "name", "type")
    _compared = ("id", "name", "type", "campuses", "line")

    def __init__(
        self,
        id: str,
        name: str,
        type: GroupType,
        campuses: tuple[Campus, ...],
        line: int | None = None,
    ) -> None:
        self.id = id
        self.name = name
        self.type = type
        self.campuses = campuses
        self.line = line

    @property
    def lead(self) -> Campus:
        return next(c for c in self.campuses if c.role == "lead")

    def running_in(self, year: int) -> bool:
        """A group runs in a school year when its lead campus is in it (the one definition)."""
        return self.lead.in_group(year)

    def campuses_in(self, year: int) -> tuple[Campus, ...]:
        return tuple(c for c in self.campuses if c.in_group(year))


class Pilots(Record):
    __slots__ = ("_by_id", "compulsory_schools_total", "district", "groups", "illustrative")
    _compared = ("district", "groups", "compulsory_schools_total", "illustrative")

    def __init__(
        self,
        district: str,
        groups: tuple[Group, ...],
        compulsory_schools_total: int | None = None,
        illustrative: tuple[str, ...] = (),
    ) -> None:
        self.district = district
        self.groups = groups
        self.compulsory_schools_total = compulsory_schools_total
        self.illustrative = illustrative
        self._by_id: dict[str, Campus | Group] = {}
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


class StageRow(Record):
    """One row of campuses.csv: a campus's students and classes in one stage and year."""

    __slots__ = ("campus", "classes", "line", "stage", "students", "year")
    _compared = ("year", "campus", "stage", "students", "classes", "line")

    def __init__(
        self, year: int, campus: str, stage: Stage, students: int, classes: int, line: int
    ) -> None:
        self.year = year
        self.campus = campus
        self.stage = stage
        self.students = students
        self.classes = classes
        self.line = line


class Enrollment(Record):
    __slots__ = ("_index", "_years", "file", "rows")
    _compared = ("rows", "file")

    def __init__(self, rows: tuple[StageRow, ...], file: str = "campuses.csv") -> None:
        self.rows = rows
        self.file = file
        index: dict[int, dict[str, list[StageRow]]] = {}
        for r in rows:
            index.setdefault(r.year, {}).setdefault(r.campus, []).append(r)
        # year → campus → its rows: the campus ids are the rows' own strings, no key per row
        self._index: dict[int, dict[str, tuple[StageRow, ...]]] = {
            year: {c: tuple(rows) for c, rows in campuses.items()}
            for year, campuses in index.items()
        }
        self._years = tuple(sorted(index))

    def years(self) -> tuple[int, ...]:
        """The school years the file has rows for, in order (computed once)."""
        return self._years

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


class StaffRow(Record):
    """One row of staff.csv: a campus's established teachers and party members in one year:
    ``teachers`` 在编教师 on staff, ``party_members`` 正式党员 among the staff."""

    __slots__ = ("campus", "line", "party_members", "teachers", "year")
    _compared = ("year", "campus", "teachers", "party_members", "line")

    def __init__(
        self, year: int, campus: str, teachers: int, party_members: int, line: int
    ) -> None:
        self.year = year
        self.campus = campus
        self.teachers = teachers
        self.party_members = party_members
        self.line = line


class Staff(Record):
    """The optional staff.csv: teachers on establishment and party members by year and campus."""

    __slots__ = ("_index", "_years", "file", "rows")
    _compared = ("rows", "file")

    def __init__(self, rows: tuple[StaffRow, ...], file: str = "staff.csv") -> None:
        self.rows = rows
        self.file = file
        # year → campus → its row: no (year, campus) tuple per row (a province has 200,000)
        self._index: dict[int, dict[str, StaffRow]] = {}
        for r in rows:
            self._index.setdefault(r.year, {})[r.campus] = r
        self._years = tuple(sorted(self._index))

    def years(self) -> tuple[int, ...]:
        return self._years

    def get(self, year: int, campus: str) -> StaffRow | None:
        return self._index.get(year, {}).get(campus)


class Dataset(Record):
    """Everything read from one data directory: ``staff`` is None when the directory has no
    staff.csv, ``warnings`` are what `check` would warn about."""

    __slots__ = ("bundled", "directory", "enrollment", "files", "pilots", "staff", "warnings")
    _compared = ("directory", "pilots", "enrollment", "bundled", "files", "staff", "warnings")

    def __init__(
        self,
        directory: Path,
        pilots: Pilots,
        enrollment: Enrollment,
        bundled: bool = False,
        files: tuple[Path, ...] = (),
        staff: Staff | None = None,
        warnings: tuple[Problem, ...] = (),
    ) -> None:
        self.directory = directory
        self.pilots = pilots
        self.enrollment = enrollment
        self.bundled = bundled
        self.files = files
        self.staff = staff
        self.warnings = warnings

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


class CampusScore(Record):
    """One row of campus_scores.csv: a campus's assessment score for a school year (0–100,
    two decimals); ``decided_grade``: the grade the assessment group decided (确定等次)."""

    __slots__ = ("campus", "decided_grade", "line", "score", "year")
    _compared = ("year", "campus", "score", "line", "decided_grade")

    def __init__(
        self, year: int, campus: str, score: Decimal, line: int, decided_grade: Grade | None = None
    ) -> None:
        self.year = year
        self.campus = campus
        self.score = score
        self.line = line
        self.decided_grade = decided_grade


class GroupScore(Record):
    """One row of group_scores.csv: a group's party-building and comprehensive scores;
    ``decided_grade``: the grade the assessment group decided (确定等次)."""

    __slots__ = ("comprehensive", "decided_grade", "group", "line", "party_building", "year")
    _compared = ("year", "group", "party_building", "comprehensive", "line", "decided_grade")

    def __init__(
        self,
        year: int,
        group: str,
        party_building: Decimal,
        comprehensive: Decimal,
        line: int,
        decided_grade: Grade | None = None,
    ) -> None:
        self.year = year
        self.group = group
        self.party_building = party_building
        self.comprehensive = comprehensive
        self.line = line
        self.decided_grade = decided_grade


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


class PostResultRow(Record):
    """One row of post_assessment.csv: a campus head's post assessment (岗位考核) in one month.
    ``year``: the allowance year (a school year); ``month`` 1–12: which of the year's twelve
    monthly payments it decides."""

    __slots__ = ("campus", "line", "month", "result", "year")
    _compared = ("year", "campus", "month", "result", "line")

    def __init__(self, year: int, campus: str, month: int, result: PostResult, line: int) -> None:
        self.year = year
        self.campus = campus
        self.month = month
        self.result = result
        self.line = line


class PostAssessment(Record):
    """The optional post_assessment.csv: monthly results by year, campus and month."""

    __slots__ = ("_index", "file", "rows")
    _compared = ("rows", "file")

    def __init__(self, rows: tuple[PostResultRow, ...], file: str = "post_assessment.csv") -> None:
        self.rows = rows
        self.file = file
        self._index: dict[tuple[int, str, int], PostResultRow] = {
            (r.year, r.campus, r.month): r for r in rows
        }

    def get(self, year: int, campus: str, month: int) -> PostResultRow | None:
        return self._index.get((year, campus, month))


class Scores(Record):
    """The assessment results of a data directory, read only by the commands that need them:
    the two score files (六（五）) and, for the allowance, post_assessment.csv (六（四）4);
    ``post`` is None when there is no post_assessment.csv (or it was not read)."""

    __slots__ = ("_campus", "_group", "campus_file", "campuses", "group_file", "groups", "post")
    _compared = ("campuses", "groups", "campus_file", "group_file", "post")

    def __init__(
        self,
        campuses: tuple[CampusScore, ...],
        groups: tuple[GroupScore, ...],
        campus_file: str = "campus_scores.csv",
        group_file: str = "group_scores.csv",
        post: PostAssessment | None = None,
    ) -> None:
        self.campuses = campuses
        self.groups = groups
        self.campus_file = campus_file
        self.group_file = group_file
        self.post = post
        self._campus: dict[tuple[int, str], CampusScore] = {}
        self._group: dict[tuple[int, str], GroupScore] = {}
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
