"""六（四）2、3 Leadership and teacher staffing: each campus's posts for a school year.

Leadership (六（四）2（1）/（2）): every campus has one head (``leaders.heads``) and a
number of deputies from a band — school campuses by students (``leaders.school``),
kindergarten campuses by classes (``leaders.kindergarten``).  The group's party
general branch (党总支) is in principle led by the lead campus's head; each member
campus sets up a party branch (党支部, with a branch committee from
``party.committee_min_members``) once its party members reach
``party.branch_min_members``, and a party group (党小组) below that.

Teachers (六（四）3): a school campus's quota is, per stage, the larger of students ÷
``teachers.student_ratio.<stage>`` and classes × ``teachers.class_ratio.<stage>`` (the
latter only when the bureau sets it), each rounded half up; the campus quota is the
sum over its stages.  A kindergarten gets a banded number of established teachers
(``teachers.kindergarten_established``).  两教一保 is a per-class total: each class has
``teachers.kindergarten_teachers_per_class`` teachers in all, established and temporary
together, and ``teachers.kindergarten_caregivers_per_class`` caregivers.  So temporary
teachers fill the classes up to that total — max(0, classes × teachers per class −
established teachers) — and are not added on top of the established ones.  The same
holds for a school campus's attached kindergarten classes.  A kindergarten (or a
school's kindergarten row) with no children in the year gets no teaching posts at all:
the band's floor of established teachers is for children to teach, not for an empty
campus.

Class sizes: a stage whose average class is above ``class_size.max.<stage>`` is
flagged, and school stages also as 大班额 / 超大班额 from ``class_size.large`` /
``class_size.very_large``.  An average above a limit means at least one class
is above it, so the flag never accuses a campus wrongly; it can miss a single
crowded class hidden by small ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from groupctl.catalogue import msg
from groupctl.errors import DataError, PolicyError
from groupctl.model import Campus, Dataset, Role, Stage, StageRow
from groupctl.numbers import round_fraction_half_up
from groupctl.policy import Params, ParamUse, Policy, band_index, band_label, where
from groupctl.results import Explain
from groupctl.rules.common import active_groups, require_headcounts
from groupctl.rules.common import origin as _origin

SCHOOL_LEADERS = "6.4.2.1"
KINDERGARTEN_LEADERS = "6.4.2.2"
TEACHERS = "6.4.3"
# every clause staffing cites (groupctl clauses): posts, teachers, and 二（二） for class sizes
CLAUSES: tuple[str, ...] = (SCHOOL_LEADERS, KINDERGARTEN_LEADERS, TEACHERS, "2.2")

Kind = Literal["school", "kindergarten"]
Measure = Literal["students", "classes"]
PartyUnit = Literal["general_branch", "branch", "group", "none"]
SizeLevel = Literal["over_max", "large", "super_large"]

SCHOOL_STAGES: tuple[Stage, ...] = ("primary", "junior", "senior")


@dataclass(frozen=True)
class Leaders:
    """The head and the deputies of one campus."""

    head_title: str
    principals: int
    vice_principals: int
    measure: Measure  # what the deputies' band counts
    count: int  # the students or classes counted
    band: str
    explain: Explain


@dataclass(frozen=True)
class StageQuota:
    """The teacher quota of one stage row of a school campus.

    A kindergarten row of a school campus (附设幼儿班) gets the kindergarten band of
    established teachers: ``by_students`` and ``by_classes`` are then None, and ``band``
    is None when the row has no children (no posts).
    """

    stage: Stage
    students: int
    classes: int
    student_ratio: Decimal | None
    class_ratio: Decimal | None
    students_exact: Fraction | None  # students ÷ student_ratio, exact, before rounding
    classes_exact: Fraction | None  # classes × class_ratio, exact, before rounding
    by_students: int | None
    by_classes: int | None
    quota: int
    band: str | None  # the kindergarten band, for a kindergarten row with children
    explain: Explain


@dataclass(frozen=True)
class KindergartenPosts:
    """两教一保: established teachers by band; temporary teachers fill each class up to
    ``teachers_per_class`` teachers in all; caregivers per class.

    ``teachers`` = classes × teachers_per_class, the teachers the classes need in all;
    ``temp_teachers`` = max(0, teachers − established_teachers).  With no children in
    the year every post is 0 and ``band`` is None (``empty``).
    """

    students: int
    classes: int
    band: str | None
    established_teachers: int
    teachers_per_class: int  # established and temporary together (两教)
    caregivers_per_class: int
    teachers: int  # classes × teachers_per_class
    temp_teachers: int  # max(0, teachers − established_teachers)
    caregivers: int
    explain: Explain

    @property
    def empty(self) -> bool:
        return self.band is None


@dataclass(frozen=True)
class PartyOrg:
    """The party organisation at a campus, from its party members (staff.csv)."""

    unit: PartyUnit
    members: int
    committee: bool | None  # a branch's 支部委员会; None when the unit is not a branch
    secretary: str | None  # the group's 党总支 at the lead: its head, in principle
    explain: Explain


@dataclass(frozen=True)
class ClassSize:
    """One stage row's average class size against its limits."""

    stage: Stage
    students: int
    classes: int
    average: Fraction  # exact: students ÷ classes
    max: int
    over_max: bool
    level: SizeLevel | None  # the worst level reached; None when within every limit
    explain: Explain

    @property
    def average_rounded(self) -> Decimal:
        """The average to two decimals, half up, as a table or a script reads it."""
        return round_fraction_half_up(self.average, 2)


@dataclass(frozen=True)
class CampusStaffing:
    campus: str
    name: str
    short_name: str
    group: str
    group_name: str
    role: Role
    kind: Kind
    students: int
    classes: int
    leaders: Leaders
    stages: tuple[StageQuota, ...]  # school campuses; empty for a kindergarten campus
    quota: int | None  # teacher quota of a school campus: the sum over its stages
    # 两教一保 posts: a kindergarten campus's, or a school campus's attached kindergarten
    # classes (whose established teachers are then also a stage of ``quota``)
    kindergarten: KindergartenPosts | None
    on_staff: int | None  # established teachers on staff (staff.csv)
    gap: int | None  # on_staff − quota (a kindergarten: − established teachers); < 0 = short
    party_org: PartyOrg | None
    class_sizes: tuple[ClassSize, ...]

    @property
    def flags(self) -> tuple[ClassSize, ...]:
        return tuple(s for s in self.class_sizes if s.level is not None)


@dataclass(frozen=True)
class GroupParty:
    """The group's party general branch (党总支): its secretary is in principle the lead's head."""

    group: str
    name: str
    lead: str
    secretary: str
    explain: Explain


@dataclass(frozen=True)
class StaffingResult:
    year: int
    campuses: tuple[CampusStaffing, ...]
    groups: tuple[GroupParty, ...]
    staff_file: str | None  # staff.csv when it has rows for the year, else None
    staff_lacks_year: bool  # staff.csv exists but has no row at all for the year
    parameters: tuple[ParamUse, ...]


# --------------------------------------------------------------------------- parameters


RATIOS = ("teachers.student_ratio.", "teachers.class_ratio.")
WHOLE_BANDS = ("leaders.school", "leaders.kindergarten", "teachers.kindergarten_established")


def check_parameters(params: Params) -> None:
    """Refuse parameters that contradict each other or the rule, whatever the data.

    Raises PolicyError naming each parameter and where its value came from.  Every
    check runs whether or not a campus would use the parameter this year, so that
    ``groupctl check`` can report a bad policy per year before any figure is asked for.
    """
    _refuse_zero_ratios(params)
    for path in WHOLE_BANDS:
        params.whole_bands(path)
    _refuse_disorder(params, "class_size.large", "class_size.very_large", strict=True)
    _refuse_disorder(
        params, "party.branch_min_members", "party.committee_min_members", strict=False
    )


def _refuse_zero_ratios(params: Params) -> None:
    """A ratio of 0 would divide by zero or staff nobody: refuse it, used this year or not.

    The ratios are those the policy defines, so a stage added to policy.yaml is checked too.
    """
    paths = [p.path for p in params.policy if p.path.startswith(RATIOS)]
    for path in paths:
        value = params.optional_decimal(path)
        if value is not None and value == 0:
            raise PolicyError(
                msg("staffing.zero_ratio", path=path, origin=_origin(params.used[path].set_by)),
                *where(params, path),
            )


def _refuse_disorder(params: Params, lower: str, upper: str, *, strict: bool) -> None:
    """``upper`` must be above ``lower`` (``strict``), or at least equal to it."""
    low, high = params.integer(lower), params.integer(upper)
    if high > low or (high == low and not strict):
        return
    raise PolicyError(
        msg(
            "staffing.above" if strict else "staffing.at_least",
            upper=upper,
            high=high,
            upper_origin=_origin(params.used[upper].set_by),
            lower=lower,
            low=low,
            lower_origin=_origin(params.used[lower].set_by),
        ),
        *where(params, upper, lower),
    )


# --------------------------------------------------------------------------- the figures


def _leaders(params: Params, campus: Campus, kind: Kind, students: int, classes: int) -> Leaders:
    measure: Measure = "classes" if kind == "kindergarten" else "students"
    path = f"leaders.{kind}"
    clause = KINDERGARTEN_LEADERS if kind == "kindergarten" else SCHOOL_LEADERS
    count = classes if measure == "classes" else students
    bands = params.whole_bands(path)
    i = band_index(bands, count)
    return Leaders(
        head_title=campus.head,
        principals=params.integer("leaders.heads"),
        vice_principals=int(bands[i].value),
        measure=measure,
        count=count,
        band=band_label(bands, i),
        explain=Explain((clause,), {measure: count}, ("leaders.heads", path)),
    )


def _established(params: Params, students: int, classes: int) -> tuple[int, str | None]:
    """Established kindergarten teachers by classes; none, and no band, without children."""
    if students == 0:
        return 0, None
    bands = params.whole_bands("teachers.kindergarten_established")
    i = band_index(bands, classes)
    return int(bands[i].value), band_label(bands, i)


def _whole(value: Fraction) -> int:
    """An exact figure rounded half up to a whole number of posts."""
    return int(round_fraction_half_up(value, 0))


def _class_ratio(params: Params, path: str) -> Decimal | None:
    """The stage's class ratio; ``Params`` counts it as used only when it is set."""
    return params.optional_decimal(path)


def _stage_quota(params: Params, row: StageRow) -> StageQuota:
    if row.stage == "kindergarten":
        established, band = _established(params, row.students, row.classes)
        used = () if band is None else ("teachers.kindergarten_established",)
        return StageQuota(
            row.stage,
            row.students,
            row.classes,
            None,
            None,
            None,
            None,
            None,
            None,
            established,
            band,
            Explain((TEACHERS,), {"students": row.students, "classes": row.classes}, used),
        )
    student_path = f"teachers.student_ratio.{row.stage}"
    class_path = f"teachers.class_ratio.{row.stage}"
    student_ratio = params.decimal(student_path)
    class_ratio = _class_ratio(params, class_path)
    # Exact: a 28-digit Decimal quotient can round 10.4999… up to 10.5 and so to a post more.
    students_exact = Fraction(row.students) / Fraction(student_ratio)
    by_students = _whole(students_exact)
    classes_exact: Fraction | None = None
    by_classes: int | None = None
    if class_ratio is not None:
        classes_exact = row.classes * Fraction(class_ratio)
        by_classes = _whole(classes_exact)
    quota = by_students if by_classes is None else max(by_students, by_classes)
    return StageQuota(
        row.stage,
        row.students,
        row.classes,
        student_ratio,
        class_ratio,
        students_exact,
        classes_exact,
        by_students,
        by_classes,
        quota,
        None,
        Explain(
            (TEACHERS,),
            {"students": row.students, "classes": row.classes},
            (student_path,) if class_ratio is None else (student_path, class_path),
        ),
    )


def _kindergarten(params: Params, students: int, classes: int) -> KindergartenPosts:
    established, band = _established(params, students, classes)
    if band is None:  # no children: no teachers, temporary teachers or caregivers
        return KindergartenPosts(
            students=students,
            classes=classes,
            band=None,
            established_teachers=0,
            teachers_per_class=0,
            caregivers_per_class=0,
            teachers=0,
            temp_teachers=0,
            caregivers=0,
            explain=Explain((TEACHERS,), {"students": students, "classes": classes}),
        )
    per_class = params.integer("teachers.kindergarten_teachers_per_class")
    care = params.integer("teachers.kindergarten_caregivers_per_class")
    teachers = classes * per_class  # 两教 in all: the established teachers count towards it
    return KindergartenPosts(
        students=students,
        classes=classes,
        band=band,
        established_teachers=established,
        teachers_per_class=per_class,
        caregivers_per_class=care,
        teachers=teachers,
        temp_teachers=max(0, teachers - established),  # they fill up, never add on top
        caregivers=classes * care,
        explain=Explain(
            (TEACHERS,),
            {"classes": classes},
            (
                "teachers.kindergarten_established",
                "teachers.kindergarten_teachers_per_class",
                "teachers.kindergarten_caregivers_per_class",
            ),
        ),
    )


def _class_size(params: Params, row: StageRow) -> ClassSize | None:
    if row.classes == 0:
        return None
    path = f"class_size.max.{row.stage}"
    limit = params.integer(path)
    average = Fraction(row.students, row.classes)  # exact, so a limit is never crossed by rounding
    over_max = average > limit
    level: SizeLevel | None = "over_max" if over_max else None
    used = [path]
    if row.stage in SCHOOL_STAGES:  # their order is refused by check_parameters
        large = params.integer("class_size.large")
        super_large = params.integer("class_size.very_large")
        used += ["class_size.large", "class_size.very_large"]
        if average >= super_large:
            level = "super_large"
        elif average >= large:
            level = "large"
    return ClassSize(
        row.stage,
        row.students,
        row.classes,
        average,
        limit,
        over_max,
        level,
        Explain(("2.2",), {"students": row.students, "classes": row.classes}, tuple(used)),
    )


def _party(params: Params, campus: Campus, members: int) -> PartyOrg:
    clause = (SCHOOL_LEADERS,)
    if campus.role == "lead":
        return PartyOrg(
            "general_branch",
            members,
            None,
            campus.head,
            Explain(clause, {"party_members": members}),
        )
    branch = params.integer("party.branch_min_members")
    committee = params.integer("party.committee_min_members")
    used = ("party.branch_min_members", "party.committee_min_members")
    explain = Explain(clause, {"party_members": members}, used)
    if members == 0:  # no branch of nobody, even with party.branch_min_members = 0
        return PartyOrg("none", members, None, None, explain)
    if members >= branch:
        return PartyOrg("branch", members, members >= committee, None, explain)
    return PartyOrg("group", members, None, None, explain)


# --------------------------------------------------------------------------- the rule


def compute_staffing(data: Dataset, policy: Policy, year: int) -> StaffingResult:
    # Checked on parameters of their own: the result lists only what shaped a figure.
    check_parameters(policy.params(year))
    params = policy.params(year)
    groups = active_groups(data, year)
    campuses = [(g, c) for g in groups for c in g.campuses_in(year)]
    require_headcounts(data, year, (c for _, c in campuses))

    # staff.csv counts for the year only when it has rows for it
    staff = data.staff if data.staff is not None and year in data.staff.years() else None
    if staff is not None:
        for _, c in campuses:
            if staff.get(year, c.id) is None:
                raise DataError(
                    msg("staffing.no_staff_row", year=year, campus=c.id, name=c.name),
                    staff.file,
                )

    out = []
    for g, c in campuses:
        rows = data.enrollment.stages(year, c.id)
        students = sum(r.students for r in rows)
        classes = sum(r.classes for r in rows)
        kind: Kind = "kindergarten" if data.enrollment.is_kindergarten(year, c.id) else "school"
        leaders = _leaders(params, c, kind, students, classes)
        stages: tuple[StageQuota, ...] = ()
        quota: int | None = None
        posts: KindergartenPosts | None = None
        if kind == "kindergarten":
            posts = _kindergarten(params, students, classes)
        else:
            stages = tuple(_stage_quota(params, r) for r in rows)
            quota = sum(s.quota for s in stages)
            attached = [r for r in rows if r.stage == "kindergarten"]  # 附设幼儿班
            if attached:
                posts = _kindergarten(params, attached[0].students, attached[0].classes)
        sizes = tuple(s for s in (_class_size(params, r) for r in rows) if s is not None)

        row = staff.get(year, c.id) if staff is not None else None
        on_staff = gap = None
        party = None
        if row is not None:
            on_staff = row.teachers
            if quota is not None:
                gap = on_staff - quota
            elif posts is not None:
                gap = on_staff - posts.established_teachers
            party = _party(params, c, row.party_members)

        out.append(
            CampusStaffing(
                campus=c.id,
                name=c.name,
                short_name=c.short_name(g.name),
                group=g.id,
                group_name=g.name,
                role=c.role,
                kind=kind,
                students=students,
                classes=classes,
                leaders=leaders,
                stages=stages,
                quota=quota,
                kindergarten=posts,
                on_staff=on_staff,
                gap=gap,
                party_org=party,
                class_sizes=sizes,
            )
        )

    parties = tuple(
        GroupParty(g.id, g.name, g.lead.id, g.lead.head, Explain((SCHOOL_LEADERS,))) for g in groups
    )
    return StaffingResult(
        year=year,
        campuses=tuple(out),
        groups=parties,
        staff_file=staff.file if staff is not None else None,
        staff_lacks_year=data.staff is not None and staff is None,
        parameters=params.uses(),
    )
