"""六（三）: the group's special fund — which purpose was meant, who reviews it, and what
an unlisted purpose gets (the plan's list ends in 等, so it is open)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from groupctl.errors import UsageError
from groupctl.loaders import BUNDLED_DATA, load_data
from groupctl.lookup import resolve_campus
from groupctl.policy import load_policy
from groupctl.rules.approval import ApprovalResult, compute_approval, match_purpose

DATA = load_data(BUNDLED_DATA)
WENCUI = resolve_campus(DATA.pilots, "文萃")
CLUBS = "社团活动（综合实践活动）"
CLOSED = "finance.special_fund_purposes_closed=true"
SPECIAL = ("approve", "8000", "-c", "文萃", "--fund", "special", "--year", "2023")
UNLISTED_ZH = (
    "“购买电脑”不在六（三）所列专项经费用途内；所列事项以“等”结尾，"
    "是否属于此类支出，须经区财政局一事一议研究审定"
)
REFUSAL_ZH = (
    "不允许：“购买电脑”不在六（三）所列专项经费用途内，且本局规定清单之外一律不得使用专项经费"
    "（finance.special_fund_purposes_closed，本局自定）；可用于：送课活动、课题研究、"
    "校园文化建设、社团活动（综合实践活动）、设施设备维护维修"
)


def special(purpose: str, *sets: str, amount: str = "8000") -> ApprovalResult:
    policy = load_policy().with_sets(sets)
    return compute_approval(DATA, policy, 2023, Decimal(amount), WENCUI, "special", purpose)


def read(result: ApprovalResult) -> list[str]:
    return [u.path for u in result.parameters]


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        ("送课活动", "送课活动"),  # the full name
        ("课题", "课题研究"),  # a fragment only one purpose contains
        ("送课", "送课活动"),
        ("校园文化", "校园文化建设"),
        ("维修", "设施设备维护维修"),
        ("设备", "设施设备维护维修"),
        ("社团活动", CLUBS),  # the name outside the brackets
        ("综合实践活动", CLUBS),  # the name inside them
        ("社团活动(综合实践活动)", CLUBS),  # half-width brackets
        ("社团活动 （ 综合实践活动 ）", CLUBS),  # spaces compare alike
        (" 课题 研究 ", "课题研究"),
        ("课题研究", "课题研究"),
    ],
)
def test_a_purpose_matches_by_name_bracket_part_or_unique_fragment(typed, listed):
    result = special(typed)
    assert (result.permitted, result.purpose, result.purpose_listed) == (True, listed, True)
    assert result.purpose_typed == typed.strip()
    assert result.steps[0].actor == "special_fund_review"


def test_an_exact_name_wins_over_a_fragment_of_another():
    # 活动 is a whole purpose here, and only a fragment of the other
    assert match_purpose(("活动", CLUBS), "活动") == "活动"
    assert match_purpose(("活动", CLUBS), "社团") == CLUBS
    assert match_purpose(("活动", CLUBS), "聚餐") is None


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("活动", "送课活动, 社团活动（综合实践活动）"),
        ("课", "送课活动, 课题研究"),
        ("设", "校园文化建设, 设施设备维护维修"),
    ],
)
def test_an_ambiguous_fragment_lists_the_candidates(typed, candidates):
    with pytest.raises(UsageError) as err:
        special(typed)
    assert str(err.value.message) == (
        f"purpose '{typed}' is ambiguous: it matches {candidates} (write more of the name)"
    )


def test_an_ambiguous_fragment_exits_2(cli):
    result = cli(*SPECIAL, "-p", "活动")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "错误：用途“活动”不明确：与送课活动、社团活动（综合实践活动）都相符（请多写几个字）\n"
    )


# --------------------------------------------------------------------------- unlisted purposes


@pytest.mark.parametrize("typed", ["购买电脑", "聚餐", "买设备", "课题研究经费"])
def test_an_unlisted_purpose_still_gets_its_path(typed):
    # the list ends in 等: what is not on it is for the 一事一议 review to decide
    result = special(typed, amount="45000")
    assert (result.permitted, result.purpose, result.purpose_listed) == (True, typed, False)
    assert result.purposes_closed is False
    assert [s.actor for s in result.steps] == [
        "special_fund_review",
        "school_head",
        "group_party_branch",
        "district_education_bureau",
        "school_implements",
        "group_payment_review",
    ]


def test_only_an_unlisted_purpose_reads_whether_the_list_is_closed():
    # a listed purpose is permitted whatever the bureau set: the flag decided nothing
    assert "finance.special_fund_purposes_closed" not in read(special("课题"))
    assert "finance.special_fund_purposes_closed" in read(special("购买电脑"))


def test_a_closed_list_refuses_an_unlisted_purpose_but_not_a_listed_one():
    refused = special("购买电脑", CLOSED, amount="45000")
    assert (refused.permitted, refused.purpose, refused.purpose_listed) == (
        False,
        "购买电脑",
        False,
    )
    assert (refused.purposes_closed, refused.steps, refused.skipped) == (True, (), ())
    # a refusal reads neither threshold nor reviewer: no step was decided by them
    assert read(refused) == [
        "finance.special_fund_purposes",
        "finance.special_fund_purposes_closed",
    ]
    listed = special("维修", CLOSED)
    assert (listed.permitted, listed.purpose, listed.purpose_listed) == (
        True,
        "设施设备维护维修",
        True,
    )


def test_an_unlisted_purpose_exits_0_with_a_warning(cli):
    result = cli(*SPECIAL, "-p", "购买电脑")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "支出审批路径：8,000.00 元",
        "中卫市第二幼儿园教育集团文萃分园 · 集团专项经费：购买电脑（不在所列事项内）",
    ]
    assert result.stderr.splitlines()[0] == f"警告：{UNLISTED_ZH}"
    doc = json.loads(cli(*SPECIAL, "-p", "购买电脑", "-f", "json").stdout)
    assert (doc["purpose"], doc["purpose_listed"], doc["permitted"]) == ("购买电脑", False, True)
    assert doc["meta"]["warnings"][-1] == UNLISTED_ZH
    assert doc["meta"]["local_parameters"] == [
        "finance.large_expense_threshold",
        "finance.special_fund_purposes_closed",
    ]
    assert [s["actor"] for s in doc["steps"]][:2] == ["special_fund_review", "school_head"]


def test_the_warning_follows_lang_and_names_the_reviewer(cli):
    result = cli(*SPECIAL, "-p", "购买电脑", "--lang", "en")
    assert result.stderr.splitlines()[0] == (
        "warning: '购买电脑' is not among the special-fund purposes clause 6.3 lists; the list"
        " ends in 等 (etc.), so the case-by-case review (一事一议) by the district finance"
        " bureau must decide whether it is such an expense"
    )
    moved = cli(
        *SPECIAL,
        "-p",
        "购买电脑",
        "--set",
        "finance.special_fund_reviewer=district_education_bureau",
    )
    assert "须经区教育局一事一议研究审定" in moved.stderr.splitlines()[0]


def test_a_listed_purpose_has_no_warning(cli):
    result = cli(*SPECIAL, "-p", "课题", "-f", "json")
    doc = json.loads(result.stdout)
    assert (doc["purpose"], doc["purpose_listed"]) == ("课题研究", True)
    assert not any("一事一议" in w for w in doc["meta"]["warnings"])
    assert "警告" not in result.stderr
    assert doc["meta"]["local_parameters"] == ["finance.large_expense_threshold"]


def test_a_closed_list_refuses_in_one_line_and_exit_1(cli):
    from groupctl.output.model import ExitCode

    result = cli(*SPECIAL, "-p", "购买电脑", "--set", CLOSED)
    assert result.exit_code == ExitCode.NO == 1
    assert result.stdout == REFUSAL_ZH + "\n"
    assert "finance.large_expense_threshold" not in result.stderr  # no threshold decided it
    assert "警告" not in result.stderr
    doc = json.loads(cli(*SPECIAL, "-p", "购买电脑", "--set", CLOSED, "-f", "json").stdout)
    assert (doc["permitted"], doc["steps"], doc["purpose"], doc["purpose_listed"]) == (
        False,
        [],
        "购买电脑",
        False,
    )
    assert list(doc)[-1] == "reason"
    assert doc["reason"] == REFUSAL_ZH
    assert doc["meta"]["local_parameters"] == ["finance.special_fund_purposes_closed"]
    assert doc["meta"]["interpretations"] == []


def test_a_closed_list_still_permits_a_listed_purpose(cli):
    result = cli(*SPECIAL, "-p", "送课", "--set", CLOSED)
    assert result.exit_code == 0
    assert "集团专项经费：送课活动" in result.stdout


# --------------------------------------------------------------------------- the reviewer


@pytest.mark.parametrize(
    ("reviewer", "label"),
    [
        ("district_finance_bureau", "区财政局：一事一议研究审定后拨付"),
        ("district_education_bureau", "区教育局：一事一议研究审定后拨付"),
    ],
)
def test_the_reviewer_is_the_interpretation_parameter(cli, reviewer, label):
    result = cli(
        *SPECIAL, "-p", "课题", "-f", "json", "--set", f"finance.special_fund_reviewer={reviewer}"
    )
    step = json.loads(result.stdout)["steps"][0]
    assert step == {
        "step": 0,
        "actor": "special_fund_review",
        "actor_label": label,
        "clause": "6.3",
        "reviewer": reviewer,
    }


def test_by_default_the_district_finance_bureau_reviews_not_the_group(cli):
    result = cli(*SPECIAL, "-p", "课题")
    # the row cites the reviewer as our reading of 六（三）
    row = "     0   区财政局：一事一议研究审定后拨付                       六（三）·解读"
    assert row in result.stdout.splitlines()
    assert "集团一事一议" not in result.stdout
    changed = cli(
        *SPECIAL, "-p", "课题", "--set", "finance.special_fund_reviewer=district_education_bureau"
    )
    row = "     0   区教育局：一事一议研究审定后拨付                       六（三）"
    assert row in changed.stdout.splitlines()  # the bureau's choice now, not our reading
    assert "解读" not in changed.stderr
    group = cli(*SPECIAL, "-p", "课题", "--set", "finance.special_fund_reviewer=group")
    assert group.exit_code == 2  # the group is never the reviewer
    # an interpretation: in meta, and in the note below the table (whose wording is shared)
    note = result.stderr.splitlines()[-1]
    assert note.startswith(
        "注：以上结果用到本工具对方案文字的解读（interpretation）：finance.special_fund_reviewer"
    )
    doc = json.loads(cli(*SPECIAL, "-p", "课题", "-f", "json").stdout)
    assert doc["meta"]["interpretations"] == ["finance.special_fund_reviewer"]


def test_school_funds_read_no_reviewer_and_keep_purpose_null(cli):
    doc = json.loads(cli("approve", "500", "-c", "镇罗", "-p", "买车", "-f", "json").stdout)
    assert (doc["fund"], doc["purpose"], doc["purpose_listed"]) == ("school", None, None)
    assert doc["meta"]["interpretations"] == []


def test_an_unknown_reviewer_is_refused(cli):
    result = cli(*SPECIAL, "-p", "课题", "--set", "finance.special_fund_reviewer=区长")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "错误：--set finance.special_fund_reviewer：应为以下之一：district_finance_bureau、"
    )


# --------------------------------------------------------------------------- JSON and --explain


def test_special_fund_json_keys(cli):
    doc = json.loads(cli(*SPECIAL, "-p", "课题", "-f", "json").stdout)
    assert list(doc) == [
        "command", "year", "school_year", "meta",
        "amount", "campus", "campus_name", "group", "group_name", "fund", "fund_label",
        "purpose", "purpose_listed", "permitted", "steps",
    ]  # fmt: skip
    assert (doc["amount"], doc["campus"], doc["fund"]) == ("8000.00", "eryou-wencui", "special")
    keys = ["step", "actor", "actor_label", "clause", "reviewer"]
    assert [list(s) for s in doc["steps"]] == [keys] * 4
    assert [(s["step"], s["actor"], s["clause"], s["reviewer"]) for s in doc["steps"]] == [
        (0, "special_fund_review", "6.3", "district_finance_bureau"),
        (1, "school_head", "6.4.1.2", None),
        (2, "school_implements", "6.4.1.2", None),
        (3, "group_payment_review", "6.4.1.3", None),
    ]


def test_explain_cites_each_parameter_by_its_own_reference(cli):
    out = cli("approve", "45000", *SPECIAL[2:], "-p", "课题", "--explain").stdout
    explain = out[out.index("计算过程") :].splitlines()
    assert explain[1:6] == [
        "用途“课题”即所列事项“课题研究”（finance.special_fund_purposes，六（三））",
        "第0步：动用集团专项经费，须一事一议（六（三））；研究审定并拨付的是区财政局"
        "（finance.special_fund_reviewer = district_finance_bureau，六（三）·解读）",
        "第1步：每笔支出都要经过（六（四）1（2））",
        "第2步：金额 45,000.00 元 ≥ 10,000 元（finance.large_expense_threshold，本局自定）",
        "第3步：金额 45,000.00 元 ≥ 40,000 元（finance.bureau_threshold，六（四）1（2））",
    ]
    en = cli(*SPECIAL, "-p", "购买电脑", "--explain", "--lang", "en").stdout
    assert (
        "purpose '购买电脑' is not listed (finance.special_fund_purposes, clause 6.3); the list"
        " ends in 等 and finance.special_fund_purposes_closed = false (set by the bureau):"
        " not refused outright, the case-by-case review decides whether it is such an expense"
    ) in en
    assert (
        "no group party branch decision: 8,000.00 yuan < 10,000 yuan"
        " (finance.large_expense_threshold, set by the bureau)"
    ) in en


def test_explain_of_a_refusal_says_the_bureau_closed_the_list(cli):
    out = cli(*SPECIAL, "-p", "聚餐", "--set", CLOSED, "--explain").stdout
    assert out.splitlines()[-1] == (
        "用途“聚餐”不在所列事项内（finance.special_fund_purposes，六（三））；"
        "finance.special_fund_purposes_closed = true（本局自定）：清单之外一律不得使用专项经费"
    )


def test_explain_json_names_the_reviewer_parameter(cli):
    doc = json.loads(cli(*SPECIAL, "-p", "课题", "--explain", "-f", "json").stdout)
    assert doc["steps"][0]["explain"] == {
        "parameter": "finance.special_fund_reviewer",
        "threshold": None,
    }
    reviewer = next(p for p in doc["parameters"] if p["path"] == "finance.special_fund_reviewer")
    assert (reviewer["value"], reviewer["origin"], reviewer["reference"]) == (
        "district_finance_bureau",
        "interpretation",
        "六（三）·解读",
    )
