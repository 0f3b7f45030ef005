"""六（四）1（2）/（3）, 六（三）: the approval path of one expenditure."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupctl.errors import PolicyError, UsageError
from groupctl.loaders import BUNDLED_DATA, load_data
from groupctl.lookup import resolve_campus
from groupctl.numbers import parse_amount
from groupctl.policy import load_policy
from groupctl.rules.approval import compute_approval

DATA = load_data(BUNDLED_DATA)
ZHENLUO = resolve_campus(DATA.pilots, "镇罗")
ALWAYS_FIRST = ["school_head"]
ALWAYS_LAST = ["school_implements", "group_payment_review"]


def actors(amount: str, sets: tuple[str, ...] = (), **kw: str) -> list[str]:
    policy = load_policy().with_sets(sets)
    result = compute_approval(DATA, policy, 2023, Decimal(amount), ZHENLUO, **kw)
    first = 0 if kw.get("fund") == "special" else 1
    assert [s.step for s in result.steps] == list(range(first, first + len(result.steps)))
    return [s.actor for s in result.steps]


@pytest.mark.parametrize(
    ("amount", "middle"),
    [
        ("0.01", []),
        ("9999.99", []),
        ("10000", ["group_party_branch"]),
        ("39999.99", ["group_party_branch"]),
        ("40000", ["group_party_branch", "district_education_bureau"]),
        ("40000.01", ["group_party_branch", "district_education_bureau"]),
    ],
)
def test_thresholds_are_inclusive(amount, middle):
    assert actors(amount) == ALWAYS_FIRST + middle + ALWAYS_LAST


@pytest.mark.parametrize(
    ("amount", "middle"),
    [("4999.99", []), ("5000", ["group_party_branch"])],
)
def test_the_large_expense_threshold_can_be_set(amount, middle):
    assert (
        actors(amount, ("finance.large_expense_threshold=5000",))
        == ALWAYS_FIRST + middle + ALWAYS_LAST
    )


def test_the_bureau_threshold_can_be_set():
    assert "district_education_bureau" in actors("30000", ("finance.bureau_threshold=30000",))
    assert "district_education_bureau" not in actors(
        "29999.99", ("finance.bureau_threshold=30000",)
    )


def test_special_fund_review_comes_first_as_step_zero():
    assert actors("45000", fund="special", purpose="课题研究") == [
        "special_fund_review",
        "school_head",
        "group_party_branch",
        "district_education_bureau",
        "school_implements",
        "group_payment_review",
    ]


def test_step_clauses():
    result = compute_approval(
        DATA, load_policy(), 2023, Decimal(45000), ZHENLUO, "special", "送课活动"
    )
    assert [(s.actor, s.clause) for s in result.steps] == [
        ("special_fund_review", "6.3"),
        ("school_head", "6.4.1.2"),
        ("group_party_branch", "6.4.1.2"),
        ("district_education_bureau", "6.4.1.2"),
        ("school_implements", "6.4.1.2"),
        ("group_payment_review", "6.4.1.3"),
    ]


@pytest.mark.parametrize("purpose", [None, "", "  "])
def test_special_fund_needs_a_purpose(purpose):
    with pytest.raises(UsageError, match="--fund special needs --purpose"):
        compute_approval(DATA, load_policy(), 2023, Decimal(100), ZHENLUO, "special", purpose)


def test_the_group_threshold_cannot_exceed_the_bureau_threshold():
    policy = load_policy().with_sets(["finance.large_expense_threshold=50000"])
    with pytest.raises(PolicyError) as err:
        compute_approval(DATA, policy, 2023, Decimal(45000), ZHENLUO)
    assert str(err.value.message) == (
        "finance.large_expense_threshold 50000 is above finance.bureau_threshold 40000: every"
        " expenditure the bureau approves must also go through the group"
        " (changed: finance.large_expense_threshold --set)"
    )


def test_equal_thresholds_are_fine():
    assert actors("40000", ("finance.large_expense_threshold=40000",)) == [
        "school_head", "group_party_branch", "district_education_bureau", *ALWAYS_LAST,
    ]  # fmt: skip


def test_a_campus_outside_its_group_that_year_is_refused(write_data):
    data = load_data(write_data())
    west = resolve_campus(data.pilots, "g1-west")  # until: 2023
    with pytest.raises(
        UsageError, match=r"campus g1-west \(甲教育集团西校区\) is not in its group in 2024"
    ):
        compute_approval(data, load_policy(), 2024, Decimal(100), west)


def test_the_lead_head_signs_as_the_group_head():
    from groupctl.views.approval import step_label

    lead = resolve_campus(DATA.pilots, "sizhong-main")
    result = compute_approval(DATA, load_policy(), 2023, Decimal(100), lead)
    assert (
        step_label(result, result.steps[0], "zh")
        == "中卫市第四中学教育集团总校校长审批（一支笔审批）"
    )


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("45000", "45000.00"),
        ("45,000", "45000.00"),
        ("45000.50", "45000.50"),
        ("4.5万", "45000.00"),
        ("￥45000", "45000.00"),
        ("¥45000", "45000.00"),
        ("45000元", "45000.00"),
        ("４５０００", "45000.00"),
        ("￥4.5万元", "45000.00"),
        ("1.23456万", "12345.60"),
        ("0.01", "0.01"),
    ],
)
def test_amount_spellings(typed, value):
    assert str(parse_amount(typed)) == value


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("0", "not a positive sum"),
        ("0.00", "not a positive sum"),
        ("-5", "not a sum of money"),
        ("abc", "not a sum of money"),
        ("4.5e4", "not a sum of money"),
        ("1e3", "not a sum of money"),
        ("45000.001", "more than two decimals"),
        ("1.2345678万", "more than two decimals"),
        ("39999.9999999999999999999999999", "more than two decimals"),
        ("4.50000000000000000000000000001万", "more than two decimals"),
        ("99999999999999999999999999999999", "too large"),
        ("100000000万", "too large"),
        ("1000000000000", "too large"),
        ("", "not a sum of money"),
        ("万", "not a sum of money"),
        ("45,00", "not a sum of money"),
        ("NaN", "not a sum of money"),
        ("inf", "not a sum of money"),
    ],
)
def test_amounts_that_are_not_positive_sums_of_money(typed, reason):
    with pytest.raises(ValueError, match=reason):
        parse_amount(typed)


@given(st.integers(min_value=1, max_value=10**13))
def test_amount_spellings_agree(fen):
    value = Decimal(fen) / 100
    plain = f"{value:.2f}"
    assert parse_amount(plain) == value
    assert parse_amount(f"{value:,.2f}") == value
    assert parse_amount(f"￥{plain}元") == value
    if fen % 100 == 0:
        assert parse_amount(f"{value / 10000}万") == value


# --------------------------------------------------------------------------- campus lookup


@pytest.mark.parametrize(
    ("query", "campus"),
    [
        ("镇罗", "sizhong-zhenluo"),
        ("sizhong-zhenluo", "sizhong-zhenluo"),
        ("中卫市第四中学教育集团镇罗校区", "sizhong-zhenluo"),
        ("镇罗中学", "sizhong-zhenluo"),
        ("中卫市第十小学", "qixiao-shuangqu"),
        ("双渠", "qixiao-shuangqu"),
        ("宣和小学", "xuanhe-xiaoxue"),
        ("文萃", "eryou-wencui"),
    ],
)
def test_campus_by_id_name_school_or_fragment(query, campus):
    assert resolve_campus(DATA.pilots, query).id == campus


def test_an_ambiguous_fragment_lists_the_candidates():
    with pytest.raises(UsageError) as err:
        resolve_campus(DATA.pilots, "宣和")
    assert str(err.value).startswith(
        "campus '宣和' is ambiguous: it matches 中卫市宣和教育集团总校"
    )
    assert "(xuanhe-main)" in str(err.value)
    assert str(err.value).count("xuanhe-") == 5


def test_an_unknown_campus():
    with pytest.raises(UsageError, match="no campus matches '上海'"):
        resolve_campus(DATA.pilots, "上海")


# --------------------------------------------------------------------------- the command


def test_approve_json_for_a_head_at_zhenluo(cli):
    result = cli("approve", "4.5万", "--campus", "镇罗", "--format", "json", "--year", "2023")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == [
        "command", "year", "school_year", "meta",
        "amount", "campus", "campus_name", "group", "group_name", "fund", "fund_label",
        "purpose", "purpose_listed", "permitted", "steps",
    ]  # fmt: skip
    assert (doc["command"], doc["year"], doc["school_year"]) == ("approve", 2023, "2023-2024")
    assert doc["meta"]["local_parameters"] == ["finance.large_expense_threshold"]
    assert doc["meta"]["illustrative"] == []  # no data file's figures decide an approval
    assert {k: doc[k] for k in list(doc)[4:14]} == {
        "amount": "45000.00",
        "campus": "sizhong-zhenluo",
        "campus_name": "中卫市第四中学教育集团镇罗校区",
        "group": "sizhong",
        "group_name": "中卫市第四中学教育集团",
        "fund": "school",
        "fund_label": "学校资金",
        "purpose": None,
        "purpose_listed": None,
        "permitted": True,
    }
    keys = ["step", "actor", "actor_label", "clause", "reviewer"]
    assert [list(s) for s in doc["steps"]] == [keys] * 5
    assert {s["reviewer"] for s in doc["steps"]} == {None}  # no special-fund review
    assert [(s["step"], s["actor"], s["clause"]) for s in doc["steps"]] == [
        (1, "school_head", "6.4.1.2"),
        (2, "group_party_branch", "6.4.1.2"),
        (3, "district_education_bureau", "6.4.1.2"),
        (4, "school_implements", "6.4.1.2"),
        (5, "group_payment_review", "6.4.1.3"),
    ]
    assert doc["steps"][0]["actor_label"] == "镇罗校区执行校长审批（一支笔审批）"
    assert doc["steps"][1]["actor_label"] == "报集团，由中卫市第四中学教育集团党总支研究审批"
    assert doc["steps"][2]["actor_label"] == "报区教育局审批（40,000 元及以上）"
    assert "finance.large_expense_threshold" in result.stderr  # a local parameter decided step 2


def test_approve_json_year_is_the_year_whose_thresholds_applied(cli):
    doc = json.loads(
        cli("approve", "100", "-c", "镇罗", "--year", "2024-2025", "-f", "json").stdout
    )
    assert (doc["year"], doc["school_year"]) == (2024, "2024-2025")


def test_approve_json_labels_follow_lang_and_a_listed_purpose_says_so(cli):
    args = ("approve", "4.5万", "-c", "文萃", "--fund", "special", "-p", "社团活动", "-f", "json")
    doc = json.loads(cli(*args, "--lang", "en").stdout)
    assert (doc["fund"], doc["fund_label"]) == ("special", "group special fund")
    assert (doc["purpose"], doc["purpose_listed"]) == ("社团活动（综合实践活动）", True)
    assert doc["steps"][0] == {
        "step": 0,
        "actor": "special_fund_review",
        "actor_label": "the district finance bureau reviews it case by case (一事一议)"
        " and releases the money",
        "clause": "6.3",
        "reviewer": "district_finance_bureau",
    }


def test_approve_json_explain_names_each_threshold(cli):
    doc = json.loads(
        cli("approve", "12000", "-c", "镇罗", "--year", "2023", "--explain", "-f", "json").stdout
    )
    assert doc["steps"][1]["explain"] == {
        "parameter": "finance.large_expense_threshold",
        "threshold": "10000.00",
    }
    assert doc["skipped"] == [
        {
            "actor": "district_education_bureau",
            "parameter": "finance.bureau_threshold",
            "threshold": "40000.00",
        }
    ]
    assert {p["path"] for p in doc["parameters"]} == {
        "finance.bureau_threshold",
        "finance.large_expense_threshold",
    }


def test_approve_table_reads_as_a_numbered_path(cli):
    result = cli("approve", "4.5万", "-c", "镇罗", "--year", "2023")
    assert result.exit_code == 0
    assert result.stdout == (
        "支出审批路径：45,000.00 元\n"
        "中卫市第四中学教育集团镇罗校区 · 学校资金\n"
        "\n"
        "  步骤   经办与审批                                           条款\n"
        " ────────────────────────────────────────────────────────────────────────────\n"
        "     1   镇罗校区执行校长审批（一支笔审批）                   六（四）1（2）\n"
        "     2   报集团，由中卫市第四中学教育集团党总支研究审批       六（四）1（2）\n"
        "     3   报区教育局审批（40,000 元及以上）                    六（四）1（2）\n"
        "     4   镇罗校区组织实施                                     六（四）1（2）\n"
        "     5   中卫市第四中学教育集团审核凭证和支付申请后办理支付   六（四）1（3）\n"
        "\n"
    )
    assert result.stderr == (
        "注：以上结果用到本局自定参数（local，内置值仅为示例）：finance.large_expense_threshold\n"
    )


def test_special_fund_table_starts_with_the_case_by_case_review(cli):
    out = cli("approve", "4.5万", "-c", "文萃", "--fund", "special", "-p", "送课活动").stdout
    assert out.splitlines()[:2] == [
        "支出审批路径：45,000.00 元",
        "中卫市第二幼儿园教育集团文萃分园 · 集团专项经费：送课活动",
    ]
    assert "     0   区财政局：一事一议研究审定后拨付                       六（三）" in out
    en = cli(
        "approve", "4.5万", "-c", "文萃", "--fund", "special", "-p", "送课活动", "--lang", "en"
    )
    assert (
        en.stdout.splitlines()[1]
        == "中卫市第二幼儿园教育集团文萃分园 · group special fund: 送课活动"
    )
    assert "  step   who acts" in en.stdout


def test_explain_says_which_threshold_triggered_each_step(cli):
    out = cli("approve", "12000", "-c", "镇罗", "--explain", "--year", "2023").stdout
    # each threshold is cited by its own reference: 大额 is the bureau's, 40000 the plan's
    assert (
        "第2步：金额 12,000.00 元 ≥ 10,000 元（finance.large_expense_threshold，本局自定）" in out
    )
    assert (
        "无需报区教育局审批：金额 12,000.00 元 < 40,000 元（finance.bureau_threshold，六（四）1（2））"
        in out
    )
    assert (
        "How each step was decided"
        in cli("approve", "12000", "-c", "镇罗", "--explain", "--lang", "en").stdout
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["approve", "0", "-c", "镇罗"], "错误：“0”不是大于 0 的金额\n"),
        (
            ["approve", "abc", "-c", "镇罗"],
            "错误：“abc”不是金额（可写作 45000、45,000.50、4.5万、￥45000）\n",
        ),
        (
            ["approve", "4.5e4", "-c", "镇罗"],
            "错误：“4.5e4”不是金额（可写作 45000、45,000.50、4.5万、￥45000）\n",
        ),
        (
            ["approve", "100", "-c", "上海"],
            "错误：没有与“上海”相符的校区（见 groupctl groups）\n",
        ),
        (
            ["approve", "100", "-c", "镇罗", "--fund", "special"],
            "错误：--fund special 需要同时写 --purpose（见 groupctl approve --help）\n",
        ),
        (
            ["approve", "100", "-c", "镇罗", "--year", "2022"],
            "错误：2022-2023 学年没有数字：方案的数字从 2023-2024 学年开始（这是本工具的解读：试点于 2023 年 5 月开始，经费按学年计）\n",
        ),
        (
            ["approve", "abc", "-c", "镇罗", "--lang", "en"],
            "error: 'abc' is not a sum of money (write e.g. 45000, 45,000.50, 4.5万, ￥45000)\n",
        ),
    ],
)
def test_approve_refusals_exit_2(cli, args, stderr):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == stderr


def test_an_ambiguous_campus_exits_2_listing_candidates(cli):
    result = cli("approve", "100", "-c", "兴仁")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：“兴仁”可指多个校区：中卫市兴仁教育集团")
    assert "（xingren-main）" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_missing_campus_is_a_usage_error(cli):
    result = cli("approve", "100")
    assert result.exit_code == 2
    assert result.stderr == "错误：缺少选项 --campus / -c（见 groupctl approve --help）\n"


def test_approve_csv_has_one_tidy_row_per_step(cli):
    args = ("approve", "45000", "-c", "镇罗", "--year", "2023")
    rows = list(csv.reader(io.StringIO(cli(*args, "-f", "csv").stdout)))
    assert rows[0] == [
        "集团代码", "集团", "校区代码", "校区", "资金", "用途", "步骤", "经办方代码", "经办与审批", "条款",
    ]  # fmt: skip
    assert rows[1] == [
        "sizhong",
        "中卫市第四中学教育集团",
        "sizhong-zhenluo",
        "中卫市第四中学教育集团镇罗校区",
        "学校资金",
        "",
        "1",
        "school_head",
        "镇罗校区执行校长审批（一支笔审批）",
        "6.4.1.2",
    ]
    # one row per step of the JSON, and the amount (one figure) is on no row: a SUM over
    # the rows cannot count it five times
    steps = json.loads(cli(*args, "-f", "json").stdout)["steps"]
    assert [(r[6], r[7], r[8], r[9]) for r in rows[1:]] == [
        (str(s["step"]), s["actor"], s["actor_label"], s["clause"]) for s in steps
    ]
    assert not any("45000" in cell for row in rows for cell in row)


def test_approve_csv_in_english_and_after_a_set(cli):
    lines = cli(
        "approve", "45000", "-c", "镇罗", "-f", "csv", "--lang", "en",
        "--set", "finance.bureau_threshold=50000",
    ).stdout.splitlines()  # fmt: skip
    assert lines[0] == (
        "group,group_name,campus,campus_name,fund,purpose,step,actor,who acts,clause,scenario"
    )
    assert len(lines) == 1 + 4  # the bureau step is gone
    assert all(line.endswith(",finance.bureau_threshold=50000") for line in lines[1:])


def test_approve_xlsx_has_the_steps_sheet(cli, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "path.xlsx"
    assert cli("approve", "45000", "-c", "镇罗", "-o", str(target)).exit_code == 0
    book = load_workbook(target)
    assert book.sheetnames == ["审批路径", "说明"]
    rows = list(book["审批路径"].iter_rows(values_only=True))
    assert rows[0][6:] == ("步骤", "经办方代码", "经办与审批", "条款")
    assert [r[6] for r in rows[1:]] == [1, 2, 3, 4, 5]


def test_a_purpose_with_school_funds_is_noted_not_checked(cli):
    result = cli("approve", "500", "-c", "镇罗", "-p", "买车")
    assert result.exit_code == 0
    assert "注：--purpose 只对集团专项经费（--fund special）有约束" in result.stderr
