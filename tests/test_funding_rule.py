"""六（三） funding: the pure rule, at every band boundary and over the years."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupctl.errors import DataError, PolicyError
from groupctl.loaders import load_data
from groupctl.model import Dataset
from groupctl.policy import Policy, load_policy
from groupctl.rules.funding import compute_funding


def one_member(write_data: Callable[..., Path], students: int) -> tuple[Dataset, Policy]:
    csv = textwrap.dedent(
        f"""\
        year,campus,stage,students,classes
        2023,g1-main,junior,900,20
        2023,g1-east,primary,{students},12
        2023,g1-west,primary,0,0
        2023,k1-main,kindergarten,300,10
        2023,k1-south,kindergarten,100,4
        """
    )
    d = write_data(campuses=csv)
    return load_data(d), load_policy(d)


@pytest.mark.parametrize(
    ("students", "band", "supplement"),
    [
        (0, "<200", 10000),
        (199, "<200", 10000),
        (200, "200-499", 15000),
        (499, "200-499", 15000),
        (500, "500+", 20000),
        (5000, "500+", 20000),
    ],
)
def test_supplement_band_boundaries(write_data, students, band, supplement):
    data, policy = one_member(write_data, students)
    g1 = compute_funding(data, policy, 2023).groups[0]
    east = next(c for c in g1.campuses if c.campus == "g1-east")
    assert (east.students, east.band, east.supplement) == (students, band, supplement)


def test_group_total_is_base_plus_member_supplements(small):
    data, policy = small
    result = compute_funding(data, policy, 2023)
    g1, k1 = result.groups
    # g1: east 499 → 15000, west 200 → 15000; the lead (900) earns nothing by default
    assert [(c.campus, c.supplement) for c in g1.campuses] == [
        ("g1-main", 0),
        ("g1-east", 15000),
        ("g1-west", 15000),
    ]
    assert (g1.base, g1.supplements, g1.total) == (100000, 30000, 130000)
    # k1: south 199 → 10000
    assert (k1.supplements, k1.total) == (10000, 110000)
    assert result.total == 240000


def test_lead_included_when_the_parameter_says_so(small):
    data, policy = small
    result = compute_funding(
        data, policy.with_sets(["funding.supplement_includes_lead=true"]), 2023
    )
    g1 = result.groups[0]
    assert g1.campuses[0].supplement == 20000  # lead 900 students → 500+
    assert g1.total == 150000
    assert result.total == 240000 + 20000 + 15000  # k1's lead has 300 students


def test_from_and_until_are_honoured(small):
    data, policy = small
    in_2023 = [c.campus for c in compute_funding(data, policy, 2023).groups[0].campuses]
    in_2024 = [c.campus for c in compute_funding(data, policy, 2024).groups[0].campuses]
    assert in_2023 == ["g1-main", "g1-east", "g1-west"]
    assert in_2024 == ["g1-main", "g1-east", "g1-new"]


def test_each_year_uses_its_own_rows(small):
    data, policy = small
    east = {y: compute_funding(data, policy, y).groups[0].campuses[1] for y in (2023, 2024)}
    assert (east[2023].students, east[2023].supplement) == (499, 15000)
    assert (east[2024].students, east[2024].supplement) == (500, 20000)
    assert compute_funding(data, policy, 2024).groups[0].total == 100000 + 20000 + 10000


def test_a_year_before_the_policy_is_refused(small):
    data, policy = small
    with pytest.raises(PolicyError, match="no figures for school year 2022-2023"):
        compute_funding(data, policy, 2022)


def test_a_year_without_any_headcounts_is_refused(small):
    data, policy = small
    with pytest.raises(DataError, match=r"no headcounts for 2025 \(years with data: 2023, 2024\)"):
        compute_funding(data, policy, 2025)


def test_a_campus_without_headcount_is_named(write_data):
    csv = "year,campus,stage,students,classes\n2023,g1-main,junior,900,20\n"
    d = write_data(campuses=csv)
    with pytest.raises(DataError) as err:
        compute_funding(load_data(d), load_policy(d), 2023)
    assert (
        str(err.value)
        == "campuses.csv: no headcount for 2023 for campus g1-east (甲教育集团东校区)"
    )


def test_a_later_dated_value_applies_from_its_school_year(write_data):
    policy = """\
        funding:
          base_per_group:
            values:
              2024-09-01: 120000
        """
    d = write_data(policy=policy)
    data, pol = load_data(d), load_policy(d)
    assert compute_funding(data, pol, 2023).groups[0].base == 100000
    assert compute_funding(data, pol, 2024).groups[0].base == 120000


def test_a_value_dated_after_september_first_waits_a_year(write_data):
    policy = """\
        funding:
          base_per_group:
            values:
              2024-09-02: 120000
        """
    d = write_data(policy=policy)
    assert compute_funding(load_data(d), load_policy(d), 2024).groups[0].base == 100000


def test_the_result_names_the_parameters_it_read(small):
    data, policy = small
    uses = {u.path: u for u in compute_funding(data, policy, 2023).parameters}
    assert set(uses) == {
        "funding.base_per_group",
        "funding.supplement",
        "funding.supplement_includes_lead",
    }
    assert uses["funding.base_per_group"].reference == "6.3"
    assert uses["funding.base_per_group"].origin == "plan"
    assert uses["funding.base_per_group"].set_by == "bundled"


@given(
    students=st.lists(st.integers(min_value=0, max_value=20000), min_size=5, max_size=5),
    include_lead=st.booleans(),
)
def test_totals_match_the_plans_bands_for_any_headcounts(tmp_path_factory, students, include_lead):
    """An independent oracle, written from 六（三）'s text rather than the rule's code."""
    from tests.conftest import PILOTS

    d = tmp_path_factory.mktemp("data")
    (d / "pilots.yaml").write_text(PILOTS, encoding="utf-8")
    ids = ["g1-main", "g1-east", "g1-west", "k1-main", "k1-south"]
    stage = ["junior", "primary", "primary", "kindergarten", "kindergarten"]
    rows = [
        f"2023,{c},{s},{n},{max(1, n // 40)}" for c, s, n in zip(ids, stage, students, strict=True)
    ]
    (d / "campuses.csv").write_text("year,campus,stage,students,classes\n" + "\n".join(rows))
    policy = load_policy(d).with_sets([f"funding.supplement_includes_lead={include_lead}"])
    result = compute_funding(load_data(d), policy, 2023)

    def band(n: int) -> int:
        return 20000 if n >= 500 else 15000 if n >= 200 else 10000

    counted = [include_lead, True, True, include_lead, True]  # g1-main and k1-main lead
    per_group = {"g1": 100000, "k1": 100000}
    for cid, n, counts in zip(ids, students, counted, strict=True):
        per_group[cid[:2]] += band(n) if counts else 0
    assert {g.group: g.total for g in result.groups} == per_group
    assert result.total == per_group["g1"] + per_group["k1"]
