"""六（四）2、3 staffing: the pure rule, at every band boundary."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupctl.errors import DataError, PolicyError, UsageError
from groupctl.loaders import load_data
from groupctl.model import Campus, Dataset, Enrollment, Group, Pilots, StageRow
from groupctl.policy import Dated, Params, Policy, load_policy
from groupctl.rules.staffing import (
    CampusStaffing,
    KindergartenPosts,
    StaffingResult,
    check_parameters,
    compute_staffing,
)

HEADER = "year,campus,stage,students,classes\n"
# Every campus of the conftest groups in 2023 except g1-east, whose rows each test gives.
OTHERS = (
    "2023,g1-main,junior,900,20\n"
    "2023,g1-west,primary,200,8\n"
    "2023,k1-main,kindergarten,300,10\n"
    "2023,k1-south,kindergarten,199,7\n"
)
STAFF = "year,campus,teachers,party_members\n"
_dirs = itertools.count()


def run(
    write_data: Callable[..., Path],
    east: str,
    *,
    others: str = OTHERS,
    staff: str | None = None,
    sets: Sequence[str] = (),
    year: int = 2023,
) -> StaffingResult:
    d = write_data(campuses=HEADER + east + others, name=f"data{next(_dirs)}")
    if staff is not None:
        (d / "staff.csv").write_text(STAFF + staff, encoding="utf-8")
    return compute_staffing(load_data(d), load_policy(d).with_sets(sets), year)


def campus(result: StaffingResult, campus_id: str) -> CampusStaffing:
    return next(c for c in result.campuses if c.campus == campus_id)


def east(write_data: Callable[..., Path], rows: str, **kw: object) -> CampusStaffing:
    return campus(run(write_data, rows, **kw), "g1-east")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- leadership


@pytest.mark.parametrize(
    ("students", "deputies", "band"),
    [
        (0, 0, "<300"),
        (299, 0, "<300"),
        (300, 1, "300-499"),
        (499, 1, "300-499"),
        (500, 2, "500-999"),
        (999, 2, "500-999"),
        (1000, 3, "1000+"),
        (4000, 3, "1000+"),
    ],
)
def test_school_deputies_by_students(write_data, students, deputies, band):
    c = east(write_data, f"2023,g1-east,primary,{students},40\n")
    assert c.kind == "school"
    assert (c.leaders.principals, c.leaders.vice_principals) == (1, deputies)
    assert (c.leaders.measure, c.leaders.count, c.leaders.band) == ("students", students, band)
    assert c.leaders.head_title == "执行校长"
    assert c.leaders.explain.clauses == ("6.4.2.1",)


@pytest.mark.parametrize(
    ("classes", "deputies", "band", "established", "established_band"),
    [
        (1, 0, "<9", 3, "<15"),
        (8, 0, "<9", 3, "<15"),
        (9, 1, "9-14", 3, "<15"),
        (14, 1, "9-14", 3, "<15"),
        (15, 2, "15+", 4, "15+"),
        (30, 2, "15+", 4, "15+"),
    ],
)
def test_kindergarten_deputies_and_posts_by_classes(
    write_data, classes, deputies, band, established, established_band
):
    others = OTHERS.replace(
        "2023,k1-south,kindergarten,199,7", f"2023,k1-south,kindergarten,200,{classes}"
    )
    c = campus(run(write_data, "2023,g1-east,primary,499,12\n", others=others), "k1-south")
    assert c.kind == "kindergarten"
    assert (c.leaders.principals, c.leaders.vice_principals) == (1, deputies)
    assert (c.leaders.measure, c.leaders.count, c.leaders.band) == ("classes", classes, band)
    assert c.leaders.explain.clauses == ("6.4.2.2",)
    assert c.quota is None
    assert c.stages == ()
    k = c.kindergarten
    assert k is not None
    assert (k.established_teachers, k.band) == (established, established_band)


def test_the_head_count_is_a_parameter(write_data):
    c = east(write_data, "2023,g1-east,primary,499,12\n", sets=["leaders.heads=2"])
    assert c.leaders.principals == 2


# --------------------------------------------------------------------------- teachers


def test_a_nine_year_school_sums_its_primary_and_junior_quotas(write_data):
    c = east(write_data, "2023,g1-east,primary,236,12\n2023,g1-east,junior,118,4\n")
    assert c.kind == "school"
    assert (c.students, c.classes) == (354, 16)
    assert c.leaders.vice_principals == 1  # 354 students in all → 300-499
    primary, junior = c.stages
    # 236 ÷ 19 = 12.42… → 12; 118 ÷ 13.5 = 8.74… → 9
    assert (primary.stage, primary.by_students, primary.by_classes, primary.quota) == (
        "primary",
        12,
        None,
        12,
    )
    assert (junior.stage, junior.by_students, junior.by_classes, junior.quota) == (
        "junior",
        9,
        None,
        9,
    )
    assert junior.student_ratio == Decimal("13.5")
    assert c.quota == 21


def test_senior_rows_use_their_own_ratio(write_data):
    c = east(write_data, "2023,g1-east,senior,500,10\n")
    assert (c.stages[0].by_students, c.quota) == (40, 40)  # 500 ÷ 12.5 = 40


def test_class_ratio_half_up_and_the_larger_figure_is_kept(write_data):
    # 7 classes × 1.5 = 10.5 → 11, larger than 70 ÷ 19 = 3.68… → 4
    c = east(write_data, "2023,g1-east,primary,70,7\n", sets=["teachers.class_ratio.primary=1.5"])
    (s,) = c.stages
    assert (s.classes_exact, s.by_classes, s.by_students, s.quota) == (
        Fraction(21, 2),
        11,
        4,
        11,
    )
    assert c.quota == 11


def test_an_unset_class_ratio_is_not_listed_as_used(write_data):
    result = run(write_data, "2023,g1-east,primary,499,12\n")
    (s,) = campus(result, "g1-east").stages
    assert s.explain.parameters == ("teachers.student_ratio.primary",)
    assert not any(u.path.startswith("teachers.class_ratio.") for u in result.parameters)
    result = run(
        write_data, "2023,g1-east,primary,499,12\n", sets=["teachers.class_ratio.primary=1.9"]
    )
    (s,) = campus(result, "g1-east").stages
    assert s.explain.parameters == (
        "teachers.student_ratio.primary",
        "teachers.class_ratio.primary",
    )
    used = {u.path: u for u in result.parameters}
    assert (
        used["teachers.class_ratio.primary"].origin,
        used["teachers.class_ratio.primary"].set_by,
    ) == (
        "local",
        "--set",
    )
    assert "teachers.class_ratio.junior" not in used  # g1-main's junior ratio is still unset


def test_the_student_figure_wins_when_it_is_larger(write_data):
    c = east(write_data, "2023,g1-east,primary,380,12\n", sets=["teachers.class_ratio.primary=1.2"])
    (s,) = c.stages
    assert (s.by_students, s.by_classes, s.quota) == (20, 14, 20)  # 14.4 → 14


@pytest.mark.parametrize(
    ("students", "quota"),
    [(19, 10), (20, 10), (21, 11), (23, 12)],  # ÷ 2: 9.5 → 10, 10, 10.5 → 11, 11.5 → 12
)
def test_student_ratio_rounds_half_up(write_data, students, quota):
    c = east(
        write_data,
        f"2023,g1-east,primary,{students},1\n",
        sets=["teachers.student_ratio.primary=2"],
    )
    assert c.stages[0].by_students == quota


# Quotients and products that a 28-digit Decimal rounds onto .5 and so up a whole post.
TINY = "0000000000000000000000000000001"  # the 31st decimal


def test_a_quotient_just_below_a_half_rounds_down_exactly(write_data):
    # 105 ÷ 10.000…01 = 10.4999…: a Decimal quotient showed 10.5 and gave 11
    c = east(
        write_data,
        "2023,g1-east,primary,105,3\n",
        sets=[f"teachers.student_ratio.primary=10.{TINY}"],
    )
    (s,) = c.stages
    assert s.students_exact == Fraction(105) / Fraction(f"10.{TINY}")
    assert s.students_exact is not None and s.students_exact < Fraction(21, 2)
    assert (s.by_students, s.quota, c.quota) == (10, 10, 10)


def test_a_product_just_below_a_half_rounds_down_exactly(write_data):
    # 3 × 0.1666…6 (32 sixes) = 0.4999…98: a Decimal product showed 0.5 and gave 1
    ratio = "0.1" + "6" * 31
    c = east(
        write_data,
        "2023,g1-east,primary,0,3\n",
        sets=[f"teachers.class_ratio.primary={ratio}"],
    )
    (s,) = c.stages
    assert s.classes_exact == 3 * Fraction(ratio)
    assert (s.by_classes, s.quota) == (0, 0)


def test_just_below_a_half_rounds_down(write_data):
    # 237 ÷ 19 = 12.47… → 12; 9 ÷ 13.5 = 0.666… → 1
    assert east(write_data, "2023,g1-east,primary,237,6\n").quota == 12
    assert east(write_data, "2023,g1-east,junior,9,1\n").quota == 1


@pytest.mark.parametrize(
    ("item", "error", "message"),
    [
        # a student ratio below 1 is refused as the parameter's declared range says
        (
            "teachers.student_ratio.primary=0",
            UsageError,
            r"^--set teachers.student_ratio.primary: the value must be from 1 to 100",
        ),
        (
            "teachers.student_ratio.primary=0.00",
            UsageError,
            r"^--set teachers.student_ratio.primary: the value must be from 1 to 100",
        ),
        (
            "teachers.student_ratio.primary=0.00000000001",
            UsageError,
            r"^--set teachers.student_ratio.primary: the value must be from 1 to 100",
        ),
        # a class ratio may be unset, but never 0: the staffing rule refuses it
        (
            "teachers.class_ratio.primary=0",
            PolicyError,
            r"^teachers.class_ratio.primary must be above 0, got 0 \(--set\)$",
        ),
    ],
)
def test_a_zero_ratio_is_refused(write_data, item, error, message):
    with pytest.raises(error, match=message):
        east(write_data, "2023,g1-east,primary,236,12\n", sets=[item])


def test_a_zero_ratio_in_a_policy_file_names_the_file(write_data):
    d = write_data(
        campuses=HEADER + "2023,g1-east,junior,236,12\n" + OTHERS,
        policy="teachers:\n  student_ratio:\n    junior: 0\n",
    )
    with pytest.raises(PolicyError) as err:
        compute_staffing(load_data(d), load_policy(d), 2023)
    assert (err.value.file, err.value.line) == ("policy.yaml", 3)  # the place, as data
    assert str(err.value.message) == (
        "teachers.student_ratio.junior: the value must be from 1 to 100 (students per post), got 0"
    )


def test_a_kindergarten_inside_a_school_group(write_data):
    others = OTHERS.replace("2023,g1-west,primary,200,8", "2023,g1-west,kindergarten,270,9")
    c = campus(run(write_data, "2023,g1-east,primary,499,12\n", others=others), "g1-west")
    assert (c.group, c.kind) == ("g1", "kindergarten")
    # deputies by classes (9 → 1), not by children (270 would give none for a school)
    assert (c.leaders.measure, c.leaders.vice_principals) == ("classes", 1)
    assert c.quota is None
    assert c.kindergarten is not None
    assert (
        c.kindergarten.established_teachers,
        c.kindergarten.temp_teachers,
        c.kindergarten.caregivers,
    ) == (3, 15, 9)  # 9 classes × 2 − 3 established


def test_a_kindergarten_with_no_children_gets_no_posts(write_data):
    # 0 children in 0 classes: the band's floor of 3 teachers would staff an empty campus
    others = OTHERS.replace("k1-south,kindergarten,199,7", "k1-south,kindergarten,0,0")
    staff = STAFF_ROWS.format(members=3).replace("2023,k1-south,2,0", "2023,k1-south,3,0")
    c = campus(
        run(write_data, "2023,g1-east,primary,499,12\n", others=others, staff=staff), "k1-south"
    )
    k = c.kindergarten
    assert k is not None and k.empty and k.band is None
    assert (k.established_teachers, k.temp_teachers, k.caregivers) == (0, 0, 0)
    assert (c.on_staff, c.gap) == (3, 3)  # all three on staff are beyond the posts
    assert k.explain.parameters == ()  # no band was looked up
    assert (c.leaders.principals, c.leaders.vice_principals) == (1, 0)  # the head stays


def test_classes_without_children_get_no_posts_either(write_data):
    others = OTHERS.replace("k1-south,kindergarten,199,7", "k1-south,kindergarten,0,3")
    k = campus(
        run(write_data, "2023,g1-east,primary,499,12\n", others=others), "k1-south"
    ).kindergarten
    assert k is not None and (k.established_teachers, k.temp_teachers, k.caregivers) == (0, 0, 0)


def test_an_empty_attached_kindergarten_row_adds_no_posts(write_data):
    c = east(write_data, "2023,g1-east,primary,380,12\n2023,g1-east,kindergarten,0,0\n")
    primary, kg = c.stages
    assert (kg.quota, kg.band) == (0, None)
    assert c.quota == primary.quota == 20
    assert c.kindergarten is not None and c.kindergarten.empty


def test_a_school_campus_with_attached_kindergarten_classes(write_data):
    c = east(write_data, "2023,g1-east,primary,380,12\n2023,g1-east,kindergarten,60,2\n")
    assert c.kind == "school"
    primary, kg = c.stages
    assert (primary.quota, kg.stage, kg.by_students, kg.quota, kg.band) == (
        20,
        "kindergarten",
        None,
        3,
        "<15",
    )
    assert c.quota == 23
    assert c.kindergarten is not None
    # 2 classes need 4 teachers in all: the 3 established ones and 1 temporary
    assert (c.kindergarten.temp_teachers, c.kindergarten.caregivers) == (1, 2)


# --------------------------------------------------------------------------- 两教一保


def kindergarten_posts(
    write_data: Callable[..., Path], classes: int, sets: Sequence[str] = ()
) -> KindergartenPosts:
    """k1-south's posts with ``classes`` classes of 30 children (0 classes: no children)."""
    others = OTHERS.replace(
        "2023,k1-south,kindergarten,199,7", f"2023,k1-south,kindergarten,{30 * classes},{classes}"
    )
    result = run(write_data, "2023,g1-east,primary,499,12\n", others=others, sets=sets)
    k = campus(result, "k1-south").kindergarten
    assert k is not None
    return k


@pytest.mark.parametrize(
    ("classes", "established", "temp", "caregivers"),
    [
        (0, 0, 0, 0),  # no children: no posts at all
        (1, 3, 0, 1),  # the band's 3 already exceed the 2 one class needs: max(0, 2 − 3)
        (2, 3, 1, 2),  # the first temporary teacher: 4 − 3
        (8, 3, 13, 8),
        (9, 3, 15, 9),
        (14, 3, 25, 14),  # the last class of the band of 3
        (15, 4, 26, 15),  # the band of 4 starts: 30 − 4
        (16, 4, 28, 16),  # 16 × 2 − 4, not 32 on top of the 4
    ],
)
def test_temporary_teachers_fill_each_class_up_to_two_teachers(
    write_data, classes, established, temp, caregivers
):
    k = kindergarten_posts(write_data, classes)
    assert (k.established_teachers, k.temp_teachers, k.caregivers) == (
        established,
        temp,
        caregivers,
    )


def test_the_posts_record_how_they_were_counted(write_data):
    k = kindergarten_posts(write_data, 16)
    assert (k.classes, k.band, k.teachers_per_class, k.teachers) == (16, "15+", 2, 32)
    assert (k.caregivers_per_class, k.empty) == (1, False)
    assert k.explain.clauses == ("6.4.3",)
    assert k.explain.parameters == (
        "teachers.kindergarten_established",
        "teachers.kindergarten_teachers_per_class",
        "teachers.kindergarten_caregivers_per_class",
    )


@pytest.mark.parametrize(
    ("per_class", "teachers", "temp"),
    [
        (3, 48, 44),  # 16 × 3 − 4
        (1, 16, 12),  # 16 × 1 − 4
        (0, 0, 0),  # max(0, 0 − 4): the established teachers stay, no temporary ones
    ],
)
def test_the_teachers_per_class_is_a_parameter(write_data, per_class, teachers, temp):
    k = kindergarten_posts(
        write_data, 16, sets=[f"teachers.kindergarten_teachers_per_class={per_class}"]
    )
    assert (k.teachers_per_class, k.teachers, k.established_teachers, k.temp_teachers) == (
        per_class,
        teachers,
        4,
        temp,
    )
    assert k.caregivers == 16  # the caregivers do not depend on it


def test_the_caregivers_per_class_is_a_parameter(write_data):
    k = kindergarten_posts(write_data, 16, sets=["teachers.kindergarten_caregivers_per_class=2"])
    assert (k.caregivers_per_class, k.caregivers, k.temp_teachers) == (2, 32, 28)


@pytest.mark.parametrize(
    ("classes", "established", "temp"),
    [(1, 3, 0), (2, 3, 1), (14, 3, 25), (16, 4, 28)],
)
def test_attached_kindergarten_classes_fill_up_the_same_way(write_data, classes, established, temp):
    c = east(
        write_data,
        f"2023,g1-east,primary,380,12\n2023,g1-east,kindergarten,{30 * classes},{classes}\n",
    )
    assert c.kind == "school" and c.kindergarten is not None
    k = c.kindergarten
    assert (k.established_teachers, k.temp_teachers, k.caregivers) == (established, temp, classes)
    assert c.stages[1].quota == established  # the established ones count in the school's quota


# --------------------------------------------------------------------------- staff.csv

STAFF_ROWS = (
    "2023,g1-main,60,12\n"
    "2023,g1-east,24,{members}\n"
    "2023,g1-west,8,2\n"
    "2023,k1-main,5,3\n"
    "2023,k1-south,2,0\n"
)


@pytest.mark.parametrize(
    ("members", "unit", "committee"),
    [
        (0, "none", None),
        (1, "group", None),
        (2, "group", None),
        (3, "branch", False),
        (6, "branch", False),
        (7, "branch", True),
        (40, "branch", True),
    ],
)
def test_member_party_organisation_by_party_members(write_data, members, unit, committee):
    c = east(write_data, "2023,g1-east,primary,499,12\n", staff=STAFF_ROWS.format(members=members))
    assert c.party_org is not None
    assert (c.party_org.unit, c.party_org.members, c.party_org.committee) == (
        unit,
        members,
        committee,
    )
    assert c.party_org.secretary is None


def test_party_thresholds_are_parameters(write_data):
    c = east(
        write_data,
        "2023,g1-east,primary,499,12\n",
        staff=STAFF_ROWS.format(members=4),
        sets=["party.branch_min_members=5"],
    )
    assert c.party_org is not None and c.party_org.unit == "group"


def test_no_members_make_no_branch_even_with_a_threshold_of_0(write_data):
    sets = ["party.branch_min_members=0", "party.committee_min_members=0"]
    c = east(
        write_data, "2023,g1-east,primary,499,12\n", staff=STAFF_ROWS.format(members=0), sets=sets
    )
    assert c.party_org is not None and (c.party_org.unit, c.party_org.committee) == ("none", None)


def test_the_lead_hosts_the_general_branch_led_by_its_head(write_data):
    result = run(write_data, "2023,g1-east,primary,499,12\n", staff=STAFF_ROWS.format(members=3))
    lead = campus(result, "g1-main")
    assert lead.party_org is not None
    assert (lead.party_org.unit, lead.party_org.secretary, lead.party_org.members) == (
        "general_branch",
        "总校校长",
        12,
    )
    kg_lead = campus(result, "k1-main")
    assert kg_lead.party_org is not None and kg_lead.party_org.secretary == "总园长"
    assert [(g.group, g.lead, g.secretary) for g in result.groups] == [
        ("g1", "g1-main", "总校校长"),
        ("k1", "k1-main", "总园长"),
    ]


def test_gap_is_on_staff_minus_quota(write_data):
    result = run(write_data, "2023,g1-east,primary,499,12\n", staff=STAFF_ROWS.format(members=3))
    c = campus(result, "g1-east")
    assert (c.quota, c.on_staff, c.gap) == (26, 24, -2)  # 499 ÷ 19 = 26.26… → 26
    k = campus(result, "k1-south")  # 7 classes → 3 established teachers, 2 on staff
    assert (k.on_staff, k.gap) == (2, -1)
    assert campus(result, "k1-main").gap == 2
    assert result.staff_file == "staff.csv"


def test_without_staff_csv_the_staff_figures_are_none(write_data):
    result = run(write_data, "2023,g1-east,primary,499,12\n")
    assert all((c.on_staff, c.gap, c.party_org) == (None, None, None) for c in result.campuses)
    assert (result.staff_file, result.staff_lacks_year) == (None, False)
    assert [g.secretary for g in result.groups] == ["总校校长", "总园长"]  # known without it


def test_a_staff_csv_without_the_year_leaves_the_figures_empty_and_says_so(write_data):
    staff = STAFF_ROWS.format(members=3).replace("2023,", "2024,")
    result = run(write_data, "2023,g1-east,primary,499,12\n", staff=staff)
    assert all(c.on_staff is None and c.party_org is None for c in result.campuses)
    assert (result.staff_file, result.staff_lacks_year) == (None, True)


def test_a_campus_missing_from_a_covered_year_is_an_error_naming_it(write_data):
    staff = STAFF_ROWS.format(members=3).replace("2023,g1-west,8,2\n", "")
    with pytest.raises(DataError) as err:
        run(write_data, "2023,g1-east,primary,499,12\n", staff=staff)
    assert err.value.file == "staff.csv"
    assert str(err.value.message).startswith(
        "no row for 2023 for campus g1-west (甲教育集团西校区)"
    )


def test_a_campus_outside_its_group_needs_no_staff_row(write_data):
    d = write_data()  # 2024: g1-west has left, g1-new has joined
    (d / "staff.csv").write_text(
        STAFF
        + "2024,g1-main,60,12\n2024,g1-east,24,3\n2024,g1-new,6,1\n"
        + "2024,k1-main,5,3\n2024,k1-south,3,1\n",
        encoding="utf-8",
    )
    result = compute_staffing(load_data(d), load_policy(d), 2024)
    assert [c.campus for c in result.campuses] == [
        "g1-main",
        "g1-east",
        "g1-new",
        "k1-main",
        "k1-south",
    ]
    assert campus(result, "g1-new").gap == 0  # 120 ÷ 19 = 6.3… → 6


# --------------------------------------------------------------------------- class sizes


@pytest.mark.parametrize(
    ("row", "level", "over"),
    [
        ("primary,540,12", None, False),  # 45.00: at the limit
        ("primary,541,12", "over_max", True),  # 45.08
        ("junior,600,12", None, False),  # 50.00
        ("junior,601,12", "over_max", True),
        ("senior,601,12", "over_max", True),
        ("primary,559,10", "over_max", True),  # 55.9
        ("primary,560,10", "large", True),  # 56.0
        ("junior,659,10", "large", True),  # 65.9
        ("junior,660,10", "super_large", True),  # 66.0
        ("primary,900,10", "super_large", True),
    ],
)
def test_school_class_size_flags(write_data, row, level, over):
    c = east(write_data, f"2023,g1-east,{row}\n")
    (size,) = c.class_sizes
    assert (size.level, size.over_max) == (level, over)
    assert c.flags == ((size,) if level else ())
    assert size.average == Fraction(size.students, size.classes)  # exact, not a 28-digit Decimal


@pytest.mark.parametrize(
    ("students", "level"),
    [(350, None), (351, "over_max"), (700, "over_max")],  # 35.0, 35.1, 70: never 大班额
)
def test_kindergarten_class_size_flags(write_data, students, level):
    others = OTHERS.replace("k1-south,kindergarten,199,7", f"k1-south,kindergarten,{students},10")
    c = campus(run(write_data, "2023,g1-east,primary,499,12\n", others=others), "k1-south")
    assert [s.level for s in c.class_sizes] == [level]


def test_large_classes_are_flagged_even_under_a_raised_maximum(write_data):
    c = east(write_data, "2023,g1-east,primary,570,10\n", sets=["class_size.max.primary=60"])
    (size,) = c.class_sizes
    assert (size.level, size.over_max) == ("large", False)


def test_a_stage_with_no_classes_has_no_class_size(write_data):
    c = east(write_data, "2023,g1-east,primary,0,0\n")
    assert c.class_sizes == ()
    assert c.quota == 0


def test_inconsistent_class_size_thresholds_are_refused(write_data):
    with pytest.raises(PolicyError) as err:
        east(write_data, "2023,g1-east,primary,499,12\n", sets=["class_size.very_large=56"])
    assert str(err.value) == (
        "class_size.very_large = 56 (--set) must be above class_size.large = 56 (bundled)"
    )


# --------------------------------------------------------------------------- check_parameters


def bundled_params(*sets: str, policy: Policy | None = None) -> Params:
    return (policy or load_policy()).with_sets(sets).params(2023)


def test_the_bundled_parameters_pass_the_check():
    check_parameters(bundled_params())


@pytest.mark.parametrize(
    ("sets", "message"),
    [
        (
            ["party.committee_min_members=2"],
            "party.committee_min_members = 2 (--set) must be at least"
            " party.branch_min_members = 3 (bundled)",
        ),
        (
            ["party.branch_min_members=8"],
            "party.committee_min_members = 7 (bundled) must be at least"
            " party.branch_min_members = 8 (--set)",
        ),
        (
            ["class_size.large=70"],
            "class_size.very_large = 66 (bundled) must be above class_size.large = 70 (--set)",
        ),
        (
            ["teachers.class_ratio.senior=0"],
            "teachers.class_ratio.senior must be above 0, got 0 (--set)",
        ),
        (
            ["teachers.kindergarten_established=15:4.5,0:3"],
            "teachers.kindergarten_established: band values must be whole numbers, got 4.5 (--set)",
        ),
    ],
)
def test_check_parameters_refuses_contradictions_without_any_data(sets, message):
    with pytest.raises(PolicyError) as err:
        check_parameters(bundled_params(*sets))
    assert str(err.value) == message


def test_a_committee_threshold_equal_to_the_branch_threshold_is_fine(write_data):
    # every branch then has a committee: odd, but not contradictory
    sets = ["party.committee_min_members=3"]
    check_parameters(bundled_params(*sets))
    c = east(
        write_data, "2023,g1-east,primary,499,12\n", staff=STAFF_ROWS.format(members=3), sets=sets
    )
    assert c.party_org is not None and (c.party_org.unit, c.party_org.committee) == ("branch", True)


def test_the_party_order_is_refused_even_without_staff_csv(write_data):
    # no party figure is computed without staff.csv, but the policy is wrong all the same
    with pytest.raises(PolicyError, match=r"^party\.committee_min_members = 2 \(--set\)"):
        run(write_data, "2023,g1-east,primary,499,12\n", sets=["party.committee_min_members=2"])


def test_the_party_order_in_a_policy_file_names_its_line(write_data):
    d = write_data(policy="party:\n  committee_min_members: 2\n")
    with pytest.raises(PolicyError) as err:
        compute_staffing(load_data(d), load_policy(d), 2023)
    assert (err.value.file, err.value.line) == ("policy.yaml", 2)  # the place, as data
    assert str(err.value.message) == (
        "party.committee_min_members = 2 (policy.yaml:2) must be at least"
        " party.branch_min_members = 3 (bundled)"
    )


def test_zero_ratios_are_found_for_every_stage_the_policy_defines():
    # a stage the code does not list: the check follows the policy, not a fixed tuple
    policy = load_policy()
    senior = policy.get("teachers.class_ratio.senior")
    extra = replace(
        senior,
        path="teachers.class_ratio.vocational",
        values=(Dated(senior.values[0].start, Decimal(0), "policy.yaml:9"),),
    )
    policy = replace(policy, parameters={**policy.parameters, extra.path: extra})
    with pytest.raises(PolicyError) as err:
        check_parameters(bundled_params(policy=policy))
    assert (
        str(err.value) == "teachers.class_ratio.vocational must be above 0, got 0 (policy.yaml:9)"
    )


def test_the_check_does_not_add_to_the_parameters_a_result_used(write_data):
    # no campus has seniors: their ratios shaped no figure, so the result does not list them
    result = run(write_data, "2023,g1-east,primary,499,12\n")
    paths = {u.path for u in result.parameters}
    assert "teachers.student_ratio.primary" in paths
    assert not any(p.endswith(".senior") for p in paths)


# --------------------------------------------------------------------------- invariants


LEAD = Campus("s-main", "某集团总校", "某学校", "lead", "总校校长", "s")
PILOTS = Pilots("测试区", (Group("s", "某集团", "school", (LEAD,)),))

stage_rows = st.lists(
    st.tuples(
        st.sampled_from(["primary", "junior", "senior", "kindergarten"]),
        st.integers(min_value=1, max_value=80),
        st.integers(min_value=0, max_value=70),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda t: t[0],
)
ratios = st.none() | st.decimals(min_value=Decimal("0.1"), max_value=Decimal(5), places=2)


def half_up(x: Fraction) -> int:
    return int(x + Fraction(1, 2)) if x >= 0 else -int(-x + Fraction(1, 2))


@given(stage_rows, ratios)
def test_campus_quota_is_the_sum_of_its_stage_quotas(rows, class_ratio):
    enrollment = Enrollment(
        tuple(
            StageRow(2023, "s-main", stage, classes * size, classes, i + 2)  # type: ignore[arg-type]
            for i, (stage, classes, size) in enumerate(rows)
        )
    )
    data = Dataset(Path("."), PILOTS, enrollment)
    ratio = "null" if class_ratio is None else str(class_ratio)
    policy = load_policy().with_sets(
        [f"teachers.class_ratio.{s}={ratio}" for s in ("primary", "junior", "senior")]
    )
    (c,) = compute_staffing(data, policy, 2023).campuses
    if c.kind == "kindergarten":
        assert c.quota is None and c.kindergarten is not None
        return
    assert c.quota == sum(s.quota for s in c.stages)
    for s in c.stages:
        if s.stage == "kindergarten":
            assert s.quota in ((0,) if s.students == 0 else (3, 4))  # no children, no posts
            continue
        assert s.student_ratio is not None
        assert s.by_students == half_up(Fraction(s.students) / Fraction(s.student_ratio))
        if class_ratio is None:
            assert (s.by_classes, s.quota) == (None, s.by_students)
        else:
            assert s.by_classes == half_up(s.classes * Fraction(class_ratio))
            assert s.quota == max(s.by_students, s.by_classes)


KG_LEAD = Campus("k-main", "某幼儿园集团总园", "某幼儿园", "lead", "总园长", "k")
KG_PILOTS = Pilots("测试区", (Group("k", "某幼儿园集团", "kindergarten", (KG_LEAD,)),))
BUNDLED = load_policy()


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=4))
def test_every_class_has_its_teachers_in_all_and_no_temporary_teacher_more(classes, per_class):
    # 两教一保 as the plan means it: each class ends up with per_class teachers, established
    # and temporary together; a temporary teacher is hired only where one is missing
    row = StageRow(2023, "k-main", "kindergarten", 20 * classes, classes, 2)
    data = Dataset(Path("."), KG_PILOTS, Enrollment((row,)))
    policy = BUNDLED.with_sets([f"teachers.kindergarten_teachers_per_class={per_class}"])
    (c,) = compute_staffing(data, policy, 2023).campuses
    k = c.kindergarten
    assert k is not None and k.established_teachers in (3, 4)
    in_all = k.established_teachers + k.temp_teachers
    assert in_all >= classes * per_class  # no class short of its teachers
    assert k.temp_teachers == 0 or in_all == classes * per_class  # none hired beyond that
    assert k.caregivers == classes  # 一保
