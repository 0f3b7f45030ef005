"""六（四）4: the head allowance split — exact to the fen, whatever the standard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupctl.errors import PolicyError
from groupctl.loaders import BUNDLED_DATA, load_data, load_scores
from groupctl.model import MONTHS
from groupctl.policy import load_policy
from groupctl.rules.allowance import (
    check_parameters,
    compute_allowance,
    efficiency_factors,
    monthly_split,
    split_allowance,
)
from tests.scores_data import write_scores

D = Decimal
CENT = D("0.01")
PLAN = (D("0.7"), D("0.3"))


# --------------------------------------------------------------------------- properties


@given(st.integers(min_value=1, max_value=10**9))
def test_any_whole_yuan_standard_splits_exactly(yuan):
    # with the plan's shares both products of a whole-yuan standard are whole fen
    standard = D(yuan)
    base, monthly, efficiency = split_allowance(standard, *PLAN, D(1))
    assert base == standard * PLAN[0]
    assert len(monthly) == MONTHS == 12
    assert sum(monthly) == base
    assert base + efficiency == standard
    assert efficiency == standard * PLAN[1]
    assert all(m == m.quantize(CENT) and m > 0 for m in monthly)
    assert len(set(monthly[:-1])) == 1  # eleven equal months; the last takes the rest
    assert abs(monthly[-1] - monthly[0]) <= D("0.06")


@pytest.mark.parametrize(
    ("factor", "efficiency"),
    [
        ("1.0", "3703.70"),  # 12345.65 × 0.3 = 3703.695, half up
        ("0.8", "2962.96"),  # 2962.956
        ("0.6", "2222.22"),  # 2222.217
        ("0", "0.00"),
    ],
)
def test_the_efficiency_part_is_standard_times_share_times_factor(factor, efficiency):
    # SPEC §3: standard × efficiency_share × factor, not (standard − rounded base) × factor,
    # which would give 3703.69 / 2962.95 / 2222.21 here
    base, monthly, eff = split_allowance(D("12345.65"), *PLAN, D(factor))
    assert (base, eff) == (D("8641.96"), D(efficiency))  # base 8641.955, half up
    assert monthly == (D("720.16"),) * 11 + (D("720.20"),)


@given(
    st.integers(min_value=0, max_value=10**11),
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=100),
)
def test_any_fen_standard_share_and_factor_follows_the_spec_formula(fen, share_pct, factor_pct):
    standard = D(fen).scaleb(-2)
    base_share, factor = D(share_pct).scaleb(-2), D(factor_pct).scaleb(-2)
    efficiency_share = 1 - base_share
    try:
        base, monthly, efficiency = split_allowance(standard, base_share, efficiency_share, factor)
    except ValueError:  # a base part of a few fen cannot be spread over twelve months
        assert standard * base_share < D("0.55")
        return
    assert sum(monthly) == base
    assert all(m == m.quantize(CENT) for m in (base, efficiency, *monthly))
    assert min(monthly) >= 0
    # each part is its exact product (Decimal multiplication of these is exact) rounded once
    assert D(0) <= base - standard * base_share + D("0.005") <= CENT
    assert D(0) <= efficiency - standard * efficiency_share * factor + D("0.005") <= CENT
    # so at factor 1 the two parts are the standard give or take a fen
    _, _, full = split_allowance(standard, base_share, efficiency_share, D(1))
    assert abs(base + full - standard) <= CENT


@pytest.mark.parametrize(
    ("base", "regular", "last"),
    [
        ("8400.00", "700.00", "700.00"),
        ("100.00", "8.33", "8.37"),  # 8.333… rounds down; the last month takes +0.04
        ("100.10", "8.34", "8.36"),  # 8.341… ; 100.10 − 11 × 8.34
        ("1.00", "0.08", "0.12"),
        ("0.55", "0.05", "0.00"),  # above 0.54 every base splits without a negative month
        ("0.00", "0.00", "0.00"),
        ("70.02", "5.84", "5.78"),  # 5.835 rounds half up to 5.84; the last month is less
    ],
)
def test_monthly_amounts_round_half_up_and_the_last_month_takes_the_rest(base, regular, last):
    months = monthly_split(D(base))
    assert months == (D(regular),) * 11 + (D(last),)
    assert sum(months) == D(base)


@pytest.mark.parametrize("base", ["0.06", "0.10", "0.54"])
def test_a_base_too_small_for_twelve_months_is_refused(base):
    # 0.06 / 12 = 0.005 rounds up to 0.01, and eleven of those are more than 0.06
    with pytest.raises(ValueError, match="too small to pay in 12 monthly amounts"):
        monthly_split(D(base))


# --------------------------------------------------------------------------- the rule on data


def allowance(write_data, sets=(), **files):
    d = write_scores(write_data, **files)
    data = load_data(d)
    scores = load_scores(data, "allowance")
    return compute_allowance(data, scores, load_policy(d).with_sets(sets), 2023)


def test_the_fixture_by_hand(write_data):
    # g1 is graded good (84.98 → factor 0.8), k1 fair (63.30 → factor 0.6)
    r = allowance(write_data)
    got = [
        (
            *(h.campus, h.role, h.head_title),
            *(str(h.annual_standard), str(h.base), str(h.monthly[0])),
            *(h.group_grade, str(h.efficiency_factor), str(h.efficiency)),
        )
        for h in r.heads
    ]
    assert got == [
        ("g1-main", "lead", "总校校长", "12000", "8400.00", "700.00", "good", "0.8", "2880.00"),
        ("g1-east", "member", "执行校长", "9600", "6720.00", "560.00", "good", "0.8", "2304.00"),
        ("g1-west", "member", "执行校长", "9600", "6720.00", "560.00", "good", "0.8", "2304.00"),
        ("k1-main", "lead", "总园长", "12000", "8400.00", "700.00", "fair", "0.6", "2160.00"),
        ("k1-south", "member", "执行园长", "9600", "6720.00", "560.00", "fair", "0.6", "1728.00"),
    ]
    assert {u.path for u in r.parameters} >= {
        "allowance.annual_standard.lead",
        "allowance.annual_standard.member",
        "allowance.base_share",
        "allowance.efficiency_share",
        "allowance.efficiency_factor.good",
        "allowance.efficiency_factor.fair",
        "assessment.grades",
    }
    assert "allowance.efficiency_factor.excellent" not in {u.path for u in r.parameters}


def test_the_efficiency_part_follows_the_groups_grade_not_the_campus_own(write_data):
    # k1-south scores 59.99 (fail on its own) but its group is fair: factor 0.6, not 0
    head = allowance(write_data).heads[-1]
    assert (head.campus, head.group_grade, head.efficiency) == ("k1-south", "fair", D("1728.00"))


def test_a_failing_group_earns_no_efficiency_part(write_data):
    r = allowance(write_data, ["assessment.grades=90:excellent,85:good,70:fair,0:fail"])
    k1 = [h for h in r.heads if h.group == "k1"]
    assert {(h.group_grade, h.efficiency) for h in k1} == {("fail", D("0.00"))}
    assert all(h.total == h.base for h in k1)


def test_standards_shares_and_factors_can_be_set(write_data):
    sets = [
        "allowance.annual_standard.lead=12345",
        "allowance.efficiency_factor.good=0.75",
    ]
    lead = allowance(write_data, sets).heads[0]
    assert lead.base == D("8641.50")
    assert lead.monthly == (D("720.13"),) * 11 + (D("720.07"),)
    assert lead.efficiency == D("2777.63")  # 3703.50 × 0.75 = 2777.625, half up
    shares = ["allowance.base_share=0.6", "allowance.efficiency_share=0.4"]
    lead = allowance(write_data, shares, name="shares").heads[0]
    assert (lead.base, lead.efficiency) == (D("7200.00"), D("3840.00"))  # 4800 × 0.8


def test_shares_that_do_not_add_up_to_one_are_refused(write_data):
    with pytest.raises(PolicyError) as err:
        allowance(write_data, ["allowance.base_share=0.8"])
    assert str(err.value.message) == (
        "the allowance shares must add up to 1, got allowance.base_share 0.8"
        " + allowance.efficiency_share 0.3 = 1.1 (changed: allowance.base_share --set);"
        " set both together"
    )


def test_a_standard_with_a_fraction_of_a_fen_is_refused(write_data):
    with pytest.raises(PolicyError) as err:
        allowance(write_data, ["allowance.annual_standard.member=9600.005"])
    assert str(err.value.message) == (
        "allowance.annual_standard.member: 9600.005 has more than two decimals;"
        " money is paid to the fen (--set)"
    )


def test_a_standard_too_small_to_pay_monthly_is_refused_naming_standard_and_base(write_data):
    with pytest.raises(PolicyError) as err:
        allowance(write_data, ["allowance.annual_standard.member=0.09"])
    assert str(err.value.message) == (
        "allowance.annual_standard.member: standard 0.09 is too small; its base part 0.06"
        " (0.09 × allowance.base_share 0.7, to the fen) cannot be paid in 12 monthly amounts"
        " (--set)"
    )


# --------------------------------------------------------------------------- parameter checks


def params(*sets: str):
    return load_policy().with_sets(sets).params(2023)


def test_the_bundled_factors_pass_and_fall_from_excellent_to_fail():
    check_parameters(params())
    assert efficiency_factors(params()) == {
        "excellent": D("1.0"),
        "good": D("0.8"),
        "fair": D("0.6"),
        "fail": D("0"),
    }


def test_equal_factors_are_fine():
    sets = ("allowance.efficiency_factor.good=1", "allowance.efficiency_factor.fair=1")
    check_parameters(params(*sets))
    assert efficiency_factors(params(*sets))["fair"] == 1


@pytest.mark.parametrize(
    ("sets", "message"),
    [
        (
            ["allowance.efficiency_factor.good=1.5"],
            "allowance.efficiency_factor.good: 1.5 is not a factor from 0 to 1; the efficiency"
            " part is at most the standard × allowance.efficiency_share (--set)",
        ),
        (
            ["allowance.efficiency_factor.excellent=1.01"],
            "allowance.efficiency_factor.excellent: 1.01 is not a factor from 0 to 1; the"
            " efficiency part is at most the standard × allowance.efficiency_share (--set)",
        ),
        (
            ["allowance.efficiency_factor.good=0.9", "allowance.efficiency_factor.excellent=0.85"],
            "the efficiency factors must not rise from excellent to fail, got"
            " allowance.efficiency_factor.excellent 0.85 (--set)"
            " < allowance.efficiency_factor.good 0.9 (--set)",
        ),
        (
            ["allowance.efficiency_factor.fail=0.7"],
            "the efficiency factors must not rise from excellent to fail, got"
            " allowance.efficiency_factor.fair 0.6 (bundled)"
            " < allowance.efficiency_factor.fail 0.7 (--set)",
        ),
    ],
)
def test_nonsense_factors_are_refused_naming_parameters_and_origins(write_data, sets, message):
    with pytest.raises(PolicyError) as err:
        check_parameters(params(*sets))
    assert str(err.value.message) == message
    with pytest.raises(PolicyError) as err:  # and the rule runs the check
        allowance(write_data, sets)
    assert str(err.value.message) == message


def test_a_factor_from_policy_yaml_is_named_with_its_line(tmp_path):
    (tmp_path / "policy.yaml").write_text(
        "allowance:\n  efficiency_factor:\n    fair:\n      values:\n        2023-04-01: 0.9\n",
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as err:
        check_parameters(load_policy(tmp_path).params(2023))
    assert str(err.value.message) == (
        "the efficiency factors must not rise from excellent to fail, got"
        " allowance.efficiency_factor.good 0.8 (bundled)"
        " < allowance.efficiency_factor.fair 0.9 (policy.yaml:5)"
    )


@pytest.mark.parametrize(
    ("sets", "start"),
    [
        (["allowance.base_share=0.8"], "the allowance shares must add up to 1"),
        (["allowance.annual_standard.lead=100.001"], "allowance.annual_standard.lead: 100.001"),
        (["allowance.annual_standard.member=0.09"], "allowance.annual_standard.member: standard"),
        (["allowance.efficiency_factor.fair=0.9"], "the efficiency factors must not rise"),
    ],
)
def test_check_parameters_needs_no_score_data(sets, start):
    # what `groupctl check` runs for a year: no data directory, no scores
    with pytest.raises(PolicyError) as err:
        check_parameters(params(*sets))
    assert str(err.value.message).startswith(start)


def test_check_parameters_reads_a_copy_so_the_record_keeps_what_the_figures_used():
    p = params()
    check_parameters(p)
    assert p.uses() == ()


def test_the_bundled_2023_allowances():
    data = load_data(BUNDLED_DATA)
    r = compute_allowance(data, load_scores(data, "allowance"), load_policy(), 2023)
    assert len(r.heads) == 21
    by_group = {}
    for h in r.heads:
        by_group.setdefault(h.group, set()).add((h.group_grade, h.efficiency_factor))
    assert by_group == {
        "qixiao": {("excellent", D("1.0"))},
        "sizhong": {("good", D("0.8"))},
        "xuanhe": {("good", D("0.8"))},
        "xingren": {("fair", D("0.6"))},
        "eryou": {("excellent", D("1.0"))},
    }
    # base 0.7 × (5 × 12,000 + 16 × 9,600) = 149,520; efficiency by group grade = 50,256
    assert sum(h.base for h in r.heads) == D("149520.00")
    assert sum(h.efficiency for h in r.heads) == D("50256.00")
