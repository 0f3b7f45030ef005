"""六（四）4: the base part paid month by month on the post assessment (post_assessment.csv).

The small fixture of conftest: g1 is graded good (factor 0.8), k1 fair (0.6); a lead's
base part is 8,400.00 (700.00 a month), a member's 6,720.00 (560.00 a month).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupctl.errors import DataError, PolicyError
from groupctl.loaders import inspect_data, load_data, load_scores
from groupctl.model import MONTHS, POST_RESULTS, PostAssessment, PostResultRow
from groupctl.policy import load_policy
from groupctl.rules.allowance import (
    check_parameters,
    compute_allowance,
    monthly_split,
    pay_months,
    result_factors,
)
from tests.scores_data import write_scores

D = Decimal
CENT = D("0.01")
HEADER = "year,campus,month,result\n"
ONE_FAIL = HEADER + "2023,g1-main,3,不合格\n"


def data_dir(write_data, post: str | bytes | None, **files):
    d = write_scores(write_data, **files)
    if isinstance(post, bytes):
        (d / "post_assessment.csv").write_bytes(post)
    elif post is not None:
        (d / "post_assessment.csv").write_text(post, encoding="utf-8")
    return d


def allowance(write_data, post: str | None, sets=(), name: str = "data"):
    d = data_dir(write_data, post, name=name)
    data = load_data(d)
    policy = load_policy(d).with_sets(sets)
    return compute_allowance(data, load_scores(data, "allowance"), policy, 2023)


def post_of(write_data, text: str | bytes) -> PostAssessment:
    scores = load_scores(load_data(data_dir(write_data, text)), "allowance")
    assert scores.post is not None
    return scores.post


def error_of(write_data, text: str) -> DataError:
    with pytest.raises(DataError) as err:
        post_of(write_data, text)
    return err.value


# --------------------------------------------------------------------------- the file


def test_rows_read_with_chinese_headers_names_and_spellings(write_data):
    text = (
        "年度,校区,月份,考核结果\n"
        "2023,g1-main,3,不合格\n"
        "2023,甲教育集团东校区,５,基本合格\n"  # the full name, a full-width digit
        "2023-2024,g1-east,6月,合格\n"  # a school year as written, 6月
        "2023,k1-main,7,Basic Pass\n"  # English codes, any case, space for _
        "2023,k1-south,12,fail\n"
    )
    post = post_of(write_data, text.encode("gb18030"))  # as Excel on Chinese Windows saves it
    assert [(r.year, r.campus, r.month, r.result, r.line) for r in post.rows] == [
        (2023, "g1-main", 3, "fail", 2),
        (2023, "g1-east", 5, "basic_pass", 3),
        (2023, "g1-east", 6, "pass", 4),
        (2023, "k1-main", 7, "basic_pass", 5),
        (2023, "k1-south", 12, "fail", 6),
    ]
    assert post.get(2023, "g1-east", 5).result == "basic_pass"
    assert post.get(2023, "g1-east", 4) is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2023,g1-main,0,合格", "month must be a whole number from 1 to 12, got '0'"),
        ("2023,g1-main,13,合格", "month must be a whole number from 1 to 12, got '13'"),
        ("2023,g1-main,3.5,合格", "month must be a whole number from 1 to 12, got '3.5'"),
        ("2023,g1-main,,合格", "month must be a whole number from 1 to 12, got ''"),
        (
            "2023,g1-main,3,良好",
            "result must be one of 合格, 基本合格, 不合格 (pass, basic_pass, fail), got '良好'",
        ),
        (
            "2023,g1-main,3,",
            "result must be one of 合格, 基本合格, 不合格 (pass, basic_pass, fail), got ''",
        ),
        ("2023,nowhere,3,合格", "unknown campus 'nowhere' (not in pilots.yaml)"),
        ("23,g1-main,3,合格", "year must be a school year like 2023, got '23'"),
    ],
)
def test_bad_rows_are_errors_with_file_and_line(write_data, row, message):
    err = error_of(write_data, ONE_FAIL + row + "\n")
    assert (err.file, err.line, str(err.message)) == ("post_assessment.csv", 3, message)


def test_a_duplicate_month_points_at_the_first(write_data):
    err = error_of(write_data, ONE_FAIL + "2023,甲教育集团总校,3,合格\n")
    assert (err.file, err.line) == ("post_assessment.csv", 3)
    assert str(err.message) == "duplicate result for 2023 g1-main month 3 (first at line 2)"


def test_the_same_month_of_another_year_or_head_is_no_duplicate(write_data):
    post = post_of(write_data, ONE_FAIL + "2024,g1-main,3,合格\n2023,g1-east,3,合格\n")
    assert len(post.rows) == 3


def test_a_missing_column_is_an_error_on_the_header(write_data):
    err = error_of(write_data, "year,campus,month\n2023,g1-main,3\n")
    assert (err.file, err.line, str(err.message)) == (
        "post_assessment.csv",
        1,
        "missing column(s): result",
    )


def test_check_lists_every_problem_and_exits_1(cli, write_data):
    d = data_dir(write_data, ONE_FAIL + "2023,g1-main,3,合格\n2023,g1-main,14,合格\n")
    _, problems = inspect_data(d, with_scores=True)
    assert [(p.severity, p.location()) for p in problems.errors] == [
        ("error", "post_assessment.csv:3"),
        ("error", "post_assessment.csv:4"),
    ]
    result = cli("check", "--data", str(d))
    assert result.exit_code == 1
    assert "post_assessment.csv:3" in result.stdout


def test_a_bad_file_stops_allowance_with_one_line_and_exit_2(cli, write_data):
    d = data_dir(write_data, ONE_FAIL + "2023,g1-main,13,合格\n")
    result = cli("allowance", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("错误：post_assessment.csv:3：月份应为 1 至 12 的整数，而不是“13”\n")


def test_assess_never_reads_it(cli, write_data):
    d = data_dir(write_data, "not,a,post,file\n")
    assert cli("assess", "2023", "--data", str(d)).exit_code == 0


def test_outputs_never_replace_it(cli, write_data):
    d = data_dir(write_data, ONE_FAIL)
    result = cli("allowance", "2023", "--data", str(d), "-o", str(d / "post_assessment.csv"))
    assert result.exit_code == 2
    assert (d / "post_assessment.csv").read_text(encoding="utf-8") == ONE_FAIL


# --------------------------------------------------------------------------- the rule


def test_the_fixture_by_hand(write_data):
    post = HEADER + "2023,g1-main,3,不合格\n2023,g1-main,5,基本合格\n2023,g1-east,5,合格\n"
    r = allowance(write_data, post)
    main, east, west = r.heads[:3]
    # 700 × 12 − 700 (month 3 at 0) − 350 (month 5 at 0.5) = 7,350.00
    assert main.base == D("8400.00")
    assert main.monthly == (D("700.00"),) * 12
    assert (
        main.monthly_paid
        == (D("700.00"),) * 2 + (D("0.00"), D("700.00"), D("350.00")) + (D("700.00"),) * 7
    )
    assert (main.base_paid, main.months_assumed_pass) == (D("7350.00"), 10)
    assert main.total == D("7350.00") + D("2880.00")  # the efficiency part does not change
    assert [(m.month, m.result, m.line) for m in main.post_assessment] == [
        (3, "fail", 2),
        (5, "basic_pass", 3),
    ]
    # a row that says 合格 pays in full but is not assumed
    assert (east.base_paid, east.months_assumed_pass) == (D("6720.00"), 11)
    assert (west.base_paid, west.months_assumed_pass) == (D("6720.00"), 12)
    assert r.post_file == "post_assessment.csv"


def test_without_the_file_every_month_is_assumed_pass(write_data):
    r = allowance(write_data, None)
    assert r.post_file is None
    assert all(h.base_paid == h.base and h.months_assumed_pass == MONTHS for h in r.heads)
    assert all(h.total == h.base + h.efficiency for h in r.heads)


def test_a_year_without_rows_assumes_pass_too(write_data):
    r = allowance(write_data, HEADER + "2024,g1-main,3,不合格\n")
    assert all(h.base_paid == h.base for h in r.heads)


def test_each_month_rounds_half_up_to_the_fen(write_data):
    # 12,345 → base 8,641.50: 720.13 × 11 + 720.07; 720.13 × 0.5 = 360.065 → 360.07,
    # 720.07 × 0.5 = 360.035 → 360.04
    post = HEADER + "2023,g1-main,1,基本合格\n2023,g1-main,12,基本合格\n"
    head = allowance(write_data, post, ["allowance.annual_standard.lead=12345"]).heads[0]
    assert head.monthly_paid[0] == D("360.07")
    assert head.monthly_paid[-1] == D("360.04")
    assert head.base_paid == D("720.13") * 10 + D("360.07") + D("360.04")


def test_only_the_factors_of_results_that_occur_are_recorded(write_data):
    factors = "allowance.monthly_result_factor."
    used = {u.path for u in allowance(write_data, None).parameters if u.path.startswith(factors)}
    assert used == {factors + "合格"}
    used = {
        u.path
        for u in allowance(write_data, ONE_FAIL, name="failed").parameters
        if u.path.startswith(factors)
    }
    assert used == {factors + "合格", factors + "不合格"}


def test_the_factors_can_be_set(write_data):
    head = allowance(write_data, ONE_FAIL, ["allowance.monthly_result_factor.不合格=0.2"]).heads[0]
    assert head.monthly_paid[2] == D("140.00")
    assert head.base_paid == D("7840.00")


@pytest.mark.parametrize(
    ("sets", "message"),
    [
        (
            ["allowance.monthly_result_factor.合格=1.1"],
            "allowance.monthly_result_factor.合格: 1.1 is not a factor from 0 to 1; a month pays"
            " at most its scheduled amount (--set)",
        ),
        (
            ["allowance.monthly_result_factor.不合格=0.6"],
            "the monthly result factors must not rise from 合格 to 不合格, got"
            " allowance.monthly_result_factor.基本合格 0.5 (bundled)"
            " < allowance.monthly_result_factor.不合格 0.6 (--set)",
        ),
    ],
)
def test_nonsense_factors_are_refused_even_when_no_month_uses_them(sets, message):
    params = load_policy().with_sets(sets).params(2023)
    with pytest.raises(PolicyError) as err:
        check_parameters(params)
    assert str(err.value.message) == message


def test_the_bundled_factors_fall_from_pass_to_fail():
    factors = result_factors(load_policy().params(2023))
    assert factors == {"pass": D(1), "basic_pass": D("0.5"), "fail": D(0)}


# --------------------------------------------------------------------------- property


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


FACTOR = st.integers(min_value=0, max_value=100).map(lambda n: D(n).scaleb(-2))


@given(
    fen=st.integers(min_value=55, max_value=10**10),
    results=st.lists(st.sampled_from((None, *POST_RESULTS)), min_size=MONTHS, max_size=MONTHS),
    factors=st.lists(FACTOR, min_size=3, max_size=3).map(lambda f: sorted(f, reverse=True)),
)
def test_base_paid_is_the_sum_of_each_month_times_its_factor(fen, results, factors):
    base = D(fen).scaleb(-2)
    keys = ("合格", "基本合格", "不合格")
    sets = [f"allowance.monthly_result_factor.{k}={f}" for k, f in zip(keys, factors, strict=True)]
    params = load_policy().with_sets(sets).params(2023)
    rows = tuple(
        PostResultRow(2023, "c", month, result, month + 1)
        for month, result in enumerate(results, start=1)
        if result is not None
    )
    scheduled = monthly_split(base)
    months = pay_months(params, scheduled, PostAssessment(rows), 2023, "c")
    factor = dict(zip(POST_RESULTS, factors, strict=True))
    expected = [
        half_up(amount * factor[result or "pass"])
        for amount, result in zip(scheduled, results, strict=True)
    ]
    assert [m.paid for m in months] == expected
    assert sum(m.paid for m in months) == sum(expected)
    assert sum(1 for m in months if m.assumed) == results.count(None)
    # with every month 合格 (by a row or for want of one) at the bundled factor 1, the
    # base part is paid to the fen
    bundled = load_policy().params(2023)
    passed = tuple(r for r in rows if r.result == "pass")
    paid = pay_months(bundled, scheduled, PostAssessment(passed), 2023, "c")
    assert sum(m.paid for m in paid) == base


# --------------------------------------------------------------------------- the command


def test_one_failed_month_in_the_table_the_note_and_the_json(cli, write_data):
    d = data_dir(write_data, ONE_FAIL)
    result = cli("allowance", "2023", "--data", str(d))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "每月实发 = 当月金额 × 当月岗位考核结果系数（合格 ×1，不合格 ×0）" in lines
    i = next(i for i, line in enumerate(lines) if line.startswith("    总校"))
    assert lines[i].split()[-4:] == ["牵头", "7,700.00", "700.00", "2,880.00"]
    assert lines[i + 1].strip() == "3月不合格"
    assert result.stderr.splitlines()[-1] == (
        "注：post_assessment.csv 中没有记录的 59 个月（5 位校（园）长）按岗位考核合格计发"
    )
    assert "allowance.monthly_result_factor.不合格" in result.stderr.splitlines()[0]
    doc = json.loads(cli("allowance", "2023", "--data", str(d), "-f", "json").stdout)
    head = doc["heads"][0]
    assert (head["base"], head["base_paid"], head["months_assumed_pass"]) == (
        "8400.00",
        "7700.00",
        11,
    )
    assert head["monthly_paid"][2] == "0.00"
    assert head["post_assessment"] == [
        {"month": 3, "result": "fail", "result_label": "不合格", "factor": "0", "paid": "0.00"}
    ]
    assert head["total"] == "10580.00"  # 7,700.00 + 2,880.00
    assert doc["totals"]["base_paid"] == "36260.00"  # 36,960.00 − 700.00
    en = cli("allowance", "2023", "--data", str(d), "--lang", "en")
    assert "fail: 3" in en.stdout
    assert en.stderr.splitlines()[-1] == (
        "note: 59 months without a row in post_assessment.csv (5 heads) are paid as 合格 (pass)"
    )


def test_the_explanation_names_each_result_and_cites_the_local_factors(cli, write_data):
    d = data_dir(write_data, ONE_FAIL)
    out = cli("allowance", "2023", "--data", str(d), "--explain").stdout
    assert (
        "  实发基础津贴 7,700.00 元：1–2、4–12月合格 ×1，3月不合格 ×0"
        "（allowance.monthly_result_factor，本局自定）；其中 11 个月无岗位考核记录，按合格计"
    ) in out.splitlines()


def test_csv_carries_base_paid_so_sums_still_give_the_totals(cli, write_data):
    d = data_dir(write_data, ONE_FAIL)
    lines = cli("allowance", "2023", "--data", str(d), "-f", "csv").stdout.splitlines()
    header = lines[0].split(",")
    first = dict(zip(header, lines[1].split(","), strict=True))
    assert (first["基础津贴"], first["实发基础津贴"], first["按合格计月数"]) == (
        "8400.00",
        "7700.00",
        "11",
    )
    # the month columns are what each month pays, so they add up to 实发基础津贴
    assert (first["第2月实发"], first["第3月实发"]) == ("700.00", "0.00")
    months = [Decimal(first[f"第{m}月实发"]) for m in range(1, 13)]
    assert sum(months) == Decimal(first["实发基础津贴"])
    assert first["合计"] == "10580.00"


def test_compare_names_the_month_that_changed(cli, write_data):
    d = data_dir(write_data, ONE_FAIL)
    args = ["allowance", "2023", "--data", str(d), "-f", "json", "--compare"]
    doc = json.loads(cli(*args, "--set", "allowance.monthly_result_factor.不合格=0.2").stdout)
    changed = {x["label"]: x["difference"] for x in doc["differences"]}
    assert changed == {
        "totals.base_paid": "+140.00",
        "totals.total": "+140.00",
        "g1-main.base_paid": "+140.00",
        "g1-main.monthly_paid.03": "+140.00",
        "g1-main.month_03.factor": "+0.2",
        "g1-main.month_03.paid": "+140.00",
        "g1-main.total": "+140.00",
    }


def test_check_reports_rising_result_factors_at_their_policy_line(cli, write_data):
    d = write_data(
        policy="""\
        allowance:
          monthly_result_factor:
            不合格: 0.8
        """
    )
    result = cli("check", "--data", str(d), "-f", "json")
    assert result.exit_code == 1
    errors = [(p["file"], p["line"], p["message"]) for p in json.loads(result.stdout)["problems"]]
    assert (
        "policy.yaml",
        3,
        "月度考核结果系数从合格到不合格不得上升，现为"
        " allowance.monthly_result_factor.基本合格 0.5（内置值）"
        "< allowance.monthly_result_factor.不合格 0.8（policy.yaml:3）",
    ) in errors
