"""Policy parameters: dated values, overlays, --set, and the bundled file's completeness."""

from __future__ import annotations

from decimal import Decimal

import pytest

from groupctl.errors import GroupctlError, PolicyError, UsageError
from groupctl.policy import Band, band_index, band_label, load_policy

# Every path SPEC §2 says must exist, and the few numbers the spec states in its rules
# (one head per campus; 大班额 from 56, 超大班额 from 66) that are parameters too.
SPEC_PATHS = [
    "funding.base_per_group",
    "funding.supplement",
    "funding.supplement_includes_lead",
    "leaders.heads",
    "leaders.school",
    "leaders.kindergarten",
    "teachers.student_ratio.primary",
    "teachers.student_ratio.junior",
    "teachers.student_ratio.senior",
    "teachers.class_ratio.primary",
    "teachers.class_ratio.junior",
    "teachers.class_ratio.senior",
    "teachers.kindergarten_established",
    "teachers.kindergarten_teachers_per_class",
    "teachers.kindergarten_caregivers_per_class",
    "finance.large_expense_threshold",
    "finance.bureau_threshold",
    "finance.special_fund_purposes",
    "finance.special_fund_purposes_closed",
    "finance.special_fund_reviewer",
    "assessment.weight_school",
    "assessment.weight_party_building",
    "assessment.weight_comprehensive",
    "assessment.grades",
    "allowance.base_share",
    "allowance.efficiency_share",
    "allowance.annual_standard.lead",
    "allowance.annual_standard.member",
    "allowance.monthly_result_factor.合格",
    "allowance.monthly_result_factor.基本合格",
    "allowance.monthly_result_factor.不合格",
    "allowance.efficiency_factor.excellent",
    "allowance.efficiency_factor.good",
    "allowance.efficiency_factor.fair",
    "allowance.efficiency_factor.fail",
    "party.branch_min_members",
    "party.committee_min_members",
    "class_size.max.primary",
    "class_size.max.junior",
    "class_size.max.senior",
    "class_size.max.kindergarten",
    "class_size.large",
    "class_size.very_large",
    "coverage.target",
    "coverage.target_year",
]


def test_the_bundled_policy_has_exactly_the_spec_paths_dated_2023_04_01():
    policy = load_policy()
    assert sorted(p.path for p in policy) == sorted(SPEC_PATHS)
    for p in policy:
        assert [d.start.isoformat() for d in p.values] == ["2023-04-01"], p.path
        assert p.unit and p.reference and p.description and p.clause, p.path


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("funding.base_per_group", 100000),
        ("funding.supplement_includes_lead", False),
        ("teachers.student_ratio.junior", Decimal("13.5")),
        ("teachers.class_ratio.primary", None),
        ("assessment.weight_party_building", Decimal("0.1")),
        ("coverage.target", Decimal("0.60")),
        ("finance.bureau_threshold", Decimal(40000)),
    ],
)
def test_bundled_values_are_exact(path, value):
    got = load_policy().get(path).dated(2023).value
    assert got == value
    assert type(got) is type(value)


# SPEC §2's table: each path's origin, and what a figure cites it by (a national
# standard by its document, never by the plan's clause).
SPEC_ORIGINS = {
    "funding.base_per_group": ("plan", "6.3"),
    "funding.supplement": ("plan", "6.3"),
    "funding.supplement_includes_lead": ("interpretation", "6.3"),
    "leaders.heads": ("plan", "6.4.2.1"),
    "leaders.school": ("plan", "6.4.2.1"),
    "leaders.kindergarten": ("plan", "6.4.2.2"),
    "teachers.student_ratio.primary": ("national", "中央编办发〔2014〕72号"),
    "teachers.student_ratio.junior": ("national", "中央编办发〔2014〕72号"),
    "teachers.student_ratio.senior": ("national", "中央编办发〔2014〕72号"),
    "teachers.class_ratio.primary": ("local", "6.4.3"),
    "teachers.class_ratio.junior": ("local", "6.4.3"),
    "teachers.class_ratio.senior": ("local", "6.4.3"),
    "teachers.kindergarten_established": ("plan", "6.4.3"),
    "teachers.kindergarten_teachers_per_class": ("plan", "6.4.3"),
    "teachers.kindergarten_caregivers_per_class": ("plan", "6.4.3"),
    "finance.large_expense_threshold": ("local", "6.4.1.2"),
    "finance.bureau_threshold": ("plan", "6.4.1.2"),
    "finance.special_fund_purposes": ("plan", "6.3"),
    "finance.special_fund_purposes_closed": ("local", "6.3"),
    "finance.special_fund_reviewer": ("interpretation", "6.3"),
    "assessment.weight_school": ("plan", "6.5"),
    "assessment.weight_party_building": ("plan", "6.5"),
    "assessment.weight_comprehensive": ("plan", "6.5"),
    "assessment.grades": ("local", "6.5"),
    "allowance.base_share": ("plan", "6.4.4"),
    "allowance.efficiency_share": ("plan", "6.4.4"),
    "allowance.annual_standard.lead": ("local", "6.4.4"),
    "allowance.annual_standard.member": ("local", "6.4.4"),
    "allowance.monthly_result_factor.合格": ("local", "6.4.4"),
    "allowance.monthly_result_factor.基本合格": ("local", "6.4.4"),
    "allowance.monthly_result_factor.不合格": ("local", "6.4.4"),
    "allowance.efficiency_factor.excellent": ("local", "6.4.4"),
    "allowance.efficiency_factor.good": ("local", "6.4.4"),
    "allowance.efficiency_factor.fair": ("local", "6.4.4"),
    "allowance.efficiency_factor.fail": ("local", "6.4.4"),
    "party.branch_min_members": ("national", "中国共产党支部工作条例（试行）"),
    "party.committee_min_members": ("national", "中国共产党支部工作条例（试行）"),
    "class_size.max.primary": ("national", "中小学校设计规范（GB 50099-2011）"),
    "class_size.max.junior": ("national", "中小学校设计规范（GB 50099-2011）"),
    "class_size.max.senior": ("national", "中小学校设计规范（GB 50099-2011）"),
    "class_size.max.kindergarten": ("national", "幼儿园工作规程（教育部令第39号）"),
    "class_size.large": ("national", "国发〔2016〕40号"),
    "class_size.very_large": ("national", "国发〔2016〕40号"),
    "coverage.target": ("plan", "7.3"),
    "coverage.target_year": ("plan", "7.3"),
}


def test_every_parameter_has_the_spec_origin_and_reference():
    policy = load_policy()
    assert sorted(SPEC_ORIGINS) == sorted(SPEC_PATHS)
    got = {p.path: (p.origin, p.reference) for p in policy}
    assert got == SPEC_ORIGINS


def test_interpretations_give_the_other_reading_and_local_ones_say_why():
    for p in load_policy():
        if p.origin in ("interpretation", "local"):
            assert p.note, p.path


@pytest.mark.parametrize(
    ("path", "zh", "en"),
    [
        ("funding.base_per_group", "六（三）", "clause 6.3"),
        ("funding.supplement_includes_lead", "六（三）·解读", "clause 6.3, our reading"),
        ("teachers.student_ratio.junior", "中央编办发〔2014〕72号", "中央编办发〔2014〕72号"),
        ("finance.large_expense_threshold", "本局自定", "set by the bureau"),
        (
            "party.branch_min_members",
            "中国共产党支部工作条例（试行）",
            "中国共产党支部工作条例（试行）",
        ),
    ],
)
def test_a_parameter_is_cited_by_its_own_reference(path, zh, en):
    from groupctl.clauses import cite_parameter

    p = load_policy().get(path)
    assert cite_parameter(p.origin, p.clause, p.reference, "zh") == zh
    assert cite_parameter(p.origin, p.clause, p.reference, "en") == en


def test_supplement_bands_and_their_labels():
    bands = load_policy().get("funding.supplement").dated(2023).value
    assert bands == (Band(Decimal(500), 20000), Band(Decimal(200), 15000), Band(Decimal(0), 10000))
    labels = [band_label(bands, band_index(bands, n)) for n in (0, 199, 200, 499, 500)]
    assert labels == ["<200", "<200", "200-499", "200-499", "500+"]


def test_band_labels_follow_changed_minimums():
    policy = load_policy().with_sets(["funding.supplement=600:25000,300:15000,0:8000"])
    bands = policy.params(2023).whole_bands("funding.supplement")
    assert [band_label(bands, i) for i in range(3)] == ["600+", "300-599", "<300"]


@pytest.mark.parametrize(
    ("item", "path", "value"),
    [
        ("funding.base_per_group=120000", "funding.base_per_group", 120000),
        ("funding.base_per_group=120,000", "funding.base_per_group", 120000),
        ("funding.supplement_includes_lead=true", "funding.supplement_includes_lead", True),
        ("funding.supplement_includes_lead=否", "funding.supplement_includes_lead", False),
        ("teachers.class_ratio.primary=1.5", "teachers.class_ratio.primary", Decimal("1.5")),
        ("teachers.class_ratio.primary=null", "teachers.class_ratio.primary", None),
        ("finance.special_fund_purposes=甲,乙", "finance.special_fund_purposes", ("甲", "乙")),
    ],
)
def test_set_converts_by_the_parameter_type(item, path, value):
    param = load_policy().with_sets([item]).get(path)
    assert param.dated(2023).value == value
    assert param.dated(2023).set_by == "--set"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("funding.base_per_group", "--set needs PATH=VALUE"),
        ("funding.base_per_group=12.5", "expected a whole number ≥ 0, got '12.5'"),
        ("funding.base_per_group=null", "expected a whole number ≥ 0, got 'null'"),
        ("funding.supplement_includes_lead=maybe", "expected true or false"),
        ("funding.supplement=500:20000,200:15000", "lowest minimum 0"),
        ("teachers.student_ratio.junior=fast", "expected a number ≥ 0, got 'fast'"),
    ],
)
def test_set_rejects_values_of_the_wrong_type(item, message):
    with pytest.raises(UsageError, match=message):
        load_policy().with_sets([item])


def test_set_rejects_unknown_paths_and_suggests():
    with pytest.raises(
        PolicyError,
        match=r"unknown parameter 'funding\.base'; did you mean funding\.base_per_group\?",
    ):
        load_policy().with_sets(["funding.base=1"])


def test_whole_bands_refuse_fractional_yuan():
    policy = load_policy().with_sets(["funding.supplement=500:20000.5,0:1"])
    with pytest.raises(PolicyError, match="band values must be whole numbers"):
        policy.params(2023).whole_bands("funding.supplement")


def test_a_data_folder_policy_overlays_by_path(write_data):
    d = write_data(
        policy="""\
        funding:
          base_per_group: 110000
          supplement:
            values:
              2025-09-01:
                - {min: 500, value: 30000}
                - {min: 0, value: 10000}
        """
    )
    policy = load_policy(d)
    base = policy.get("funding.base_per_group").dated(2023)
    assert (base.value, base.set_by) == (110000, "policy.yaml:2")
    bands = policy.get("funding.supplement")
    assert bands.dated(2024).set_by == "bundled"
    assert bands.dated(2025).value == (Band(Decimal(500), 30000), Band(Decimal(0), 10000))
    assert bands.dated(2025).set_by == "policy.yaml:5"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "funding:\n  base_per_grup: 1\n",
            2,
            "unknown parameter 'funding.base_per_grup'; did you mean funding.base_per_group?",
        ),
        ("funding:\n  base_per_group: lots\n", 2, "expected a whole number ≥ 0, got 'lots'"),
        (
            "funding:\n  base_per_group:\n    values:\n      someday: 5\n",
            4,
            "'someday' is not a date",
        ),
        ("funding: [1\n", 2, "invalid YAML"),
    ],
)
def test_overlay_errors_name_file_and_line(write_data, text, line, message):
    d = write_data(policy=text)
    with pytest.raises(GroupctlError) as err:
        load_policy(d)
    assert (err.value.file, err.value.line) == ("policy.yaml", line)
    assert message in str(err.value.message)


def test_params_record_what_was_read():
    params = load_policy().params(2023)
    params.integer("funding.base_per_group")
    params.texts("finance.special_fund_purposes")
    assert [u.path for u in params.uses()] == [
        "finance.special_fund_purposes",
        "funding.base_per_group",
    ]


def test_negative_values_are_refused_in_policy_files(write_data):
    with pytest.raises(PolicyError, match="expected a whole number ≥ 0, got -1"):
        load_policy(write_data(policy="funding:\n  base_per_group: -1\n"))


def test_a_data_folder_cannot_change_a_parameter_definition(write_data):
    text = "funding:\n  base_per_group:\n    type: decimal\n    values:\n      2024-09-01: 5\n"
    with pytest.raises(PolicyError, match="sets only values and description, not type"):
        load_policy(write_data(policy=text))


def test_student_bands_need_whole_minimums():
    with pytest.raises(UsageError, match="expected bands"):
        load_policy().with_sets(["funding.supplement=500.5:20000,0:1"])


def test_a_bad_bands_value_is_answered_with_that_parameters_own_example():
    with pytest.raises(UsageError) as err:
        load_policy().with_sets(["assessment.grades=90:excellent,80:good"])
    assert str(err.value.message) == (
        "--set assessment.grades: expected bands like 90:excellent,80:good,60:fair,0:fail"
        " (lowest minimum 0), got '90:excellent,80:good'"
    )


def test_an_unset_optional_parameter_is_not_recorded_as_used():
    params = load_policy().params(2023)
    assert params.optional_decimal("teachers.class_ratio.primary") is None
    assert "teachers.class_ratio.primary" not in params.used
    params = load_policy().with_sets(["teachers.class_ratio.primary=1.5"]).params(2023)
    assert params.optional_decimal("teachers.class_ratio.primary") == Decimal("1.5")
    assert params.used["teachers.class_ratio.primary"].set_by == "--set"


def test_exact_decimal_keeps_every_digit():
    from fractions import Fraction

    from groupctl.numbers import exact_decimal

    value = Fraction(7) * Fraction(Decimal("1.0000000000000000000000000000001"))
    assert exact_decimal(value) == Decimal("7.0000000000000000000000000000007")
    assert exact_decimal(Fraction(1, 3)) is None
