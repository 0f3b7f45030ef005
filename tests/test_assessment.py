"""六（五）: weighted totals, exact rounding and the grade at every boundary."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from groupctl.errors import DataError, PolicyError
from groupctl.loaders import BUNDLED_DATA, load_data, load_scores
from groupctl.output.model import json_value
from groupctl.output.render import data_cell, table_cell
from groupctl.policy import load_policy
from groupctl.rules.assessment import (
    AssessmentResult,
    GroupAssessment,
    check_parameters,
    compute_assessment,
    grade_bands,
    grade_of,
    weighted_total,
    weights,
)
from groupctl.views.assessment import GROUP, score
from tests.scores_data import CAMPUS_SCORES, GROUP_SCORES, write_scores

D = Decimal
PLAN_WEIGHTS = (D("0.5"), D("0.1"), D("0.4"))


def bands(*sets: str):
    return grade_bands(load_policy().with_sets(sets).params(2023))


def grade(score: str, *sets: str) -> str:
    return grade_of(bands(*sets), D(score)).grade


def total(mean: str | Fraction, party: str, comprehensive: str) -> tuple[Fraction, Decimal]:
    m = mean if isinstance(mean, Fraction) else Fraction(D(mean))
    _, exact, rounded = weighted_total(PLAN_WEIGHTS, m, D(party), D(comprehensive))
    return exact, rounded


# --------------------------------------------------------------------------- grades


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("0.00", "fail"),
        ("59.99", "fail"),
        ("60.00", "fair"),
        ("79.99", "fair"),
        ("80.00", "good"),
        ("89.99", "good"),
        ("90.00", "excellent"),
        ("100.00", "excellent"),
    ],
)
def test_every_grade_boundary_is_inclusive_at_its_minimum(score, expected):
    assert grade(score) == expected


@pytest.mark.parametrize(
    ("mean", "party", "comprehensive", "exact", "rounded", "expected"),
    [
        # a group's total just below and at each boundary, built from its three parts
        ("59.99", "59.99", "59.99", "59.99", "59.99", "fail"),
        ("60.00", "60.00", "60.00", "60", "60.00", "fair"),
        ("79.98", "80.00", "80.00", "79.99", "79.99", "fair"),
        ("80.00", "80.00", "80.00", "80", "80.00", "good"),
        ("89.99", "89.99", "89.99", "89.99", "89.99", "good"),
        ("90.00", "80.00", "92.50", "90", "90.00", "excellent"),
        ("59.98", "60.00", "60.00", "59.99", "59.99", "fail"),
        ("59.99", "60.00", "60.00", "59.995", "60.00", "fair"),  # rounds up into the band
        ("79.99", "80.00", "80.00", "79.995", "80.00", "good"),
        ("89.97", "90.00", "90.00", "89.985", "89.99", "good"),
    ],
)
def test_group_totals_at_each_boundary(mean, party, comprehensive, exact, rounded, expected):
    e, r = total(mean, party, comprehensive)
    assert (e, r) == (Fraction(D(exact)), D(rounded))
    assert str(r) == rounded  # always two decimals
    assert grade_of(bands(), r).grade == expected


def test_a_total_of_exactly_89_995_is_90_00_and_excellent():
    # the bundled qixiao group: campuses 95.07 and 94.71, party building 85.50, comprehensive
    # 85.00; summed in binary floating point this falls just short and rounds to 89.99 (good)
    a, b, party, comprehensive = "95.07", "94.71", "85.50", "85.00"
    mean = (Fraction(D(a)) + Fraction(D(b))) / 2
    exact, rounded = total(mean, party, comprehensive)
    assert exact == Fraction(D("89.995"))
    assert (str(rounded), grade_of(bands(), rounded).grade) == ("90.00", "excellent")


def test_the_total_is_exact_even_when_the_mean_never_ends():
    # weights 0.3/0.3/0.4, three campuses summing to 30.91: 0.3 × 30.91/3 = 3.091 exactly,
    # so the total is 3.091 + 1.692 + 2.992 = 7.775 and rounds half up to 7.78.
    w = (D("0.3"), D("0.3"), D("0.4"))
    mean = Fraction(D("30.91")) / 3
    _, exact, rounded = weighted_total(w, mean, D("5.64"), D("7.48"))
    # (dividing in Decimal's 28 digits would leave 7.7749999…, which rounds to 7.77)
    assert exact == Fraction(D("7.775"))
    assert rounded == D("7.78")


def test_the_total_uses_the_exact_mean_not_the_rounded_one(write_data):
    g1 = group_of(assess(write_data), "g1")
    assert g1.school_mean == Fraction(D("255.50")) / 3
    assert g1.school_mean_rounded == D("85.17")
    assert g1.exact_total == Fraction(D("84.98")) + Fraction(1, 300)
    assert g1.total == D("84.98")  # the rounded mean (85.17) would give 84.985 → 84.99
    assert g1.grade == "good"


def test_fractional_grade_minimums_work_for_scores():
    sets = ("assessment.grades=89.5:excellent,79.5:good,59.5:fair,0:fail",)
    assert [grade(s, *sets) for s in ("89.49", "89.50", "79.49", "79.50", "59.49", "59.50")] == [
        "good",
        "excellent",
        "fair",
        "good",
        "fail",
        "fair",
    ]


def test_grades_can_be_written_in_chinese_and_may_leave_a_grade_out():
    sets = ("assessment.grades=85:优秀,70:良好,0:一般",)
    assert [grade(s, *sets) for s in ("84.99", "85", "69.99", "0")] == [
        "good",
        "excellent",
        "fair",
        "fair",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "90:great,0:fail",
            "assessment.grades: 'great' is not a grade (excellent, good, fair, fail or 优秀, 良好,"
            " 一般, 不合格) (--set)",
        ),
        (
            "90:good,80:excellent,0:fail",
            "assessment.grades: each grade once, better grades at higher minimums;"
            " got 90:good above 80:excellent (--set)",
        ),
        (
            "90:good,80:good,0:fail",
            "assessment.grades: each grade once, better grades at higher minimums;"
            " got 90:good above 80:good (--set)",
        ),
        (
            "900:excellent,0:fail",
            "assessment.grades: minimum 900 for excellent is above the top score 100 (--set)",
        ),
    ],
)
def test_grade_bands_that_make_no_sense_are_refused(value, message):
    with pytest.raises(PolicyError) as err:
        bands(f"assessment.grades={value}")
    assert str(err.value.message) == message


# --------------------------------------------------------------------------- weights


def test_the_plan_weights_add_up_to_one():
    assert weights(load_policy().params(2023)) == PLAN_WEIGHTS


def test_weights_that_do_not_add_up_to_one_are_an_error_naming_the_change():
    params = load_policy().with_sets(["assessment.weight_school=0.6"]).params(2023)
    with pytest.raises(PolicyError) as err:
        weights(params)
    assert str(err.value.message) == (
        "the assessment weights must add up to 1, got assessment.weight_school 0.6"
        " + assessment.weight_party_building 0.1 + assessment.weight_comprehensive 0.4 = 1.1"
        " (changed: assessment.weight_school --set); set all three together"
    )


@pytest.mark.parametrize(
    ("sets", "start"),
    [
        (["assessment.weight_comprehensive=0.3"], "the assessment weights must add up to 1"),
        (["assessment.grades=90:good,80:excellent,0:fail"], "assessment.grades: each grade once"),
    ],
)
def test_check_parameters_needs_no_score_data(sets, start):
    # what `groupctl check` runs for a year: the policy alone
    check_parameters(load_policy().params(2023))
    with pytest.raises(PolicyError) as err:
        check_parameters(load_policy().with_sets(sets).params(2023))
    assert str(err.value.message).startswith(start)


def test_weights_set_together_change_the_total(write_data):
    sets = [
        "assessment.weight_school=0.6",
        "assessment.weight_party_building=0.1",
        "assessment.weight_comprehensive=0.3",
    ]
    g1 = group_of(assess(write_data, sets), "g1")
    # 0.6 × 255.50/3 + 0.1 × 88 + 0.3 × 84 = 51.1 + 8.8 + 25.2 = 85.1
    assert (g1.total, g1.grade) == (D("85.10"), "good")


# --------------------------------------------------------------------------- the rule on data


def assess(write_data, sets=(), year=2023, **files):
    d = write_scores(write_data, **files)
    data = load_data(d)
    return compute_assessment(
        data, load_scores(data, "assess"), load_policy(d).with_sets(sets), year
    )


def group_of(result: AssessmentResult, group_id: str) -> GroupAssessment:
    return next(g for g in result.groups if g.group == group_id)


@pytest.mark.parametrize(
    ("value", "text"),
    [("84.985", "84.99"), ("84.975", "84.98"), ("89.995", "90.00"), ("7", "7.00")],
)
def test_scores_are_shown_rounded_half_up(value, text):
    # half-even would show 84.985 as 84.98; JSON, CSV and tables all write a score by its kind
    total = next(c for c in GROUP if c.key == "total")
    assert score(D(value)) == text
    assert json_value(D(value), total, "zh", False) == text
    assert table_cell(D(value), total, "zh") == text
    assert data_cell(D(value), total, "zh") == D(text)


def test_the_fixture_by_hand(write_data):
    r = assess(write_data)
    assert [(g.group, str(g.total), g.grade) for g in r.groups] == [
        ("g1", "84.98", "good"),
        ("k1", "63.30", "fair"),  # 0.5 × 64.995 + 6 + 24.8 = 63.2975
    ]
    assert [(c.campus, c.grade) for c in r.campuses()] == [
        ("g1-main", "excellent"),
        ("g1-east", "good"),
        ("g1-west", "good"),
        ("k1-main", "fair"),
        ("k1-south", "fail"),
    ]
    assert {u.path for u in r.parameters} == {
        "assessment.weight_school",
        "assessment.weight_party_building",
        "assessment.weight_comprehensive",
        "assessment.grades",
    }


def test_the_mean_takes_the_campuses_in_the_group_that_year(write_data):
    campus = CAMPUS_SCORES + "2024,g1-main,90\n2024,g1-east,80\n2024,g1-new,70\n"
    campus += "2024,k1-main,80\n2024,k1-south,80\n"
    group = GROUP_SCORES + "2024,g1,80,80\n2024,k1,80,80\n"
    g1 = group_of(assess(write_data, year=2024, campus=campus, group=group), "g1")
    assert [c.campus for c in g1.campuses] == ["g1-main", "g1-east", "g1-new"]  # not g1-west
    assert g1.school_mean == 80


@pytest.mark.parametrize(
    ("drop", "file", "message"),
    [
        (
            "2023,g1-main,90.00\n",
            "campus_scores.csv",
            "no score for 2023 for campus g1-main (甲教育集团总校)",
        ),
        (
            "2023,k1-south,59.99\n",
            "campus_scores.csv",
            "no score for 2023 for campus k1-south (乙幼儿园教育集团南分园)",
        ),
        (
            "2023,k1,60.00,62.00\n",
            "group_scores.csv",
            "no scores for 2023 for group k1 (乙幼儿园教育集团)",
        ),
    ],
)
def test_a_missing_score_names_the_campus_or_group(write_data, drop, file, message):
    campus = CAMPUS_SCORES.replace(drop, "")
    group = GROUP_SCORES.replace(drop, "")
    with pytest.raises(DataError) as err:
        assess(write_data, campus=campus, group=group)
    assert (err.value.file, str(err.value.message)) == (file, message)


def test_a_year_without_scores_says_which_years_have_them(write_data):
    with pytest.raises(DataError) as err:
        assess(write_data, year=2024)
    assert (
        str(err.value) == "campus_scores.csv: no campus scores for 2024 (years with scores: 2023)"
    )


def test_the_bundled_2023_scores():
    data = load_data(BUNDLED_DATA)
    r = compute_assessment(data, load_scores(data, "assess"), load_policy(), 2023)
    assert [(g.group, str(g.school_mean_rounded), str(g.total), g.grade) for g in r.groups] == [
        ("qixiao", "94.89", "90.00", "excellent"),  # exactly 89.995
        ("sizhong", "80.00", "80.00", "good"),  # exactly on the boundary
        ("xuanhe", "85.82", "85.11", "good"),
        ("xingren", "72.76", "72.38", "fair"),  # a mean over 7 campuses that never ends
        ("eryou", "90.65", "91.13", "excellent"),
    ]
    assert {c.grade for c in r.campuses()} == {"excellent", "good", "fair", "fail"}
