"""The allowance view (SPEC §4 `allowance`): each head's base part, its months, the efficiency part.

One section: a row per head (the CSV's rows, its twelve scheduled months as twelve columns),
under a heading per group with the group's grade and factor, and group and district totals
drawn for people only, so SUM over a money column of the CSV is the district total.

The table shows the base part as the post-assessment results pay it (实发), with the months
that paid less named under it; the months without a post_assessment.csv row, paid as 合格,
are counted in one note below the output.  JSON carries both the base part and what was
paid, the twelve scheduled amounts and the twelve paid, and the months that had a row.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import MONTHS, POST_RESULTS, ROLES, Dataset, PostResult
from groupctl.numbers import yuan_fen
from groupctl.output.model import Column, Output, Section, encode, json_value
from groupctl.rules.allowance import (
    BASE_SHARE,
    EFFICIENCY_SHARE,
    RESULT_FACTOR,
    AllowanceResult,
    HeadAllowance,
    MonthPay,
    factor_path,
    result_factor_path,
    standard_path,
)
from groupctl.views import (
    CAMPUS_ID,
    CAMPUS_NAME_ATTR,
    GROUP_ID,
    GROUP_NAME,
    TREE,
    Ask,
    cite_use,
    computed,
    show_value,
)
from groupctl.views.assessment import GRADE, ROLE, SCORE_FILES, record_values

POST_FILE = "post_assessment.csv"
RESULT = Column("result", "考核结果", "result", "code", codes="result.")
BASE = Column("base", "基础津贴", "base", "money", show="data")
BASE_PAID = Column("base_paid", "实发基础津贴", "base paid", "money")
MONTHLY = Column("monthly", "每月", "monthly", "money")  # JSON: all twelve; table: one
MONTHLY_PAID = Column("monthly_paid", "每月实发", "monthly_paid", "money")  # JSON only
POST_ASSESSMENT = Column(  # JSON only: the months that have a post_assessment.csv row
    "post_assessment",
    "岗位考核",
    "post_assessment",
    "records",
    fields=(
        Column("month", "月份", "month", "count"),
        RESULT,
        Column("factor", "系数", "factor", "decimal"),
        Column("paid", "实发", "paid", "money"),
    ),
)
EFFICIENCY = Column("efficiency", "效能津贴", "efficiency", "money")
HEAD = (
    CAMPUS_ID,
    CAMPUS_NAME_ATTR,
    GROUP_ID,
    GROUP_NAME,
    TREE,
    ROLE,
    Column("head_title", "校（园）长", "head_title", show="data"),
    Column("annual_standard", "年标准", "annual_standard", "money", show="data"),
    BASE,
    BASE_PAID,
    MONTHLY,
    MONTHLY_PAID,
    Column("months_assumed_pass", "按合格计月数", "months_assumed_pass", "count", show="data"),
    POST_ASSESSMENT,
    Column("group_grade", "集团等次", "group_grade", "code", show="data", codes="grade."),
    Column("efficiency_factor", "等次系数", "efficiency_factor", "decimal", show="data"),
    EFFICIENCY,
    Column("total", "合计", "total", "money", show="data"),
)
JSON_ONLY = (MONTHLY_PAID, POST_ASSESSMENT)
MONTH_KEYS = tuple(f"month_{m:02d}" for m in range(1, MONTHS + 1))
# the section: the table shows one monthly amount, the CSV and xlsx all twelve as paid
# (each month's amount × its post-assessment factor), so that they add up to base_paid
COLUMNS = tuple(
    d
    for c in HEAD
    if c not in JSON_ONLY
    for d in (
        (
            Column("monthly", "每月", "monthly", "money", show="table"),
            *(
                Column(k, f"第{m}月实发", k, "money", show="data")
                for m, k in enumerate(MONTH_KEYS, 1)
            ),
        )
        if c is MONTHLY
        else (c,)
    )
)
SUMMED = ("annual_standard", "base", "base_paid", "efficiency", "total")


def _sums(heads: list[HeadAllowance] | tuple[HeadAllowance, ...]) -> dict[str, Decimal]:
    return {key: sum((getattr(h, key) for h in heads), Decimal(0)) for key in SUMMED}


def month_list(months: list[int], lang: Lang) -> str:
    """Months as a short list: 3、5–7 (en: 3, 5-7)."""
    runs: list[tuple[int, int]] = []
    for m in months:
        if runs and m == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    dash, sep = tr(lang, "–", "-"), tr(lang, "、", ", ")
    return sep.join(str(a) if a == b else f"{a}{dash}{b}" for a, b in runs)


def _by_result(months: tuple[MonthPay, ...]) -> dict[PostResult, list[MonthPay]]:
    """The months grouped by result, best result first."""
    out: dict[PostResult, list[MonthPay]] = {}
    for result in POST_RESULTS:
        found = [m for m in months if m.result == result]
        if found:
            out[result] = found
    return out


def paid_less(h: HeadAllowance, lang: Lang) -> list[str]:
    """One line per result that paid a month less than scheduled (3月不合格)."""
    lines = []
    for result, months in _by_result(h.months).items():
        short = [m.month for m in months if m.paid != m.amount]
        if short:
            label = RESULT.code_label(result, lang)
            lines.append(t("months.result", lang, months=month_list(short, lang), result=label))
    return lines


# --------------------------------------------------------------------------- explanation


def head_lines(h: HeadAllowance, result: AllowanceResult, lang: Lang) -> list[str]:
    uses = {u.path: u for u in result.parameters}
    values = {p: show_value(u.value) for p, u in uses.items()}
    standard, base, eff = yuan_fen(h.annual_standard), yuan_fen(h.base), yuan_fen(h.efficiency)
    share, eff_share = values[BASE_SHARE], values[EFFICIENCY_SHARE]
    regular, last = yuan_fen(h.monthly[0]), yuan_fen(h.monthly[-1])
    grade = GRADE.code_label(h.group_grade, lang)
    factor_name = factor_path(h.group_grade)
    clause, assess_clause = cite("6.4.4", lang), cite("6.5", lang)
    role = ROLE.code_label(h.role, lang)
    comma = tr(lang, "，", ", ")
    std_cite = cite_use(uses[standard_path(h.role)], lang)
    factor = f"{factor_name} = {h.efficiency_factor}{comma}{cite_use(uses[factor_name], lang)}"
    by_result = _by_result(h.months)
    paid = yuan_fen(h.base_paid)
    first = next(iter(by_result))
    results_cite = f"{RESULT_FACTOR}{comma}{cite_use(uses[result_factor_path(first)], lang)}"
    parts = [
        tr(lang, "{months}月{label} ×{factor}", "{label} ×{factor} in months {months}").format(
            months=month_list([m.month for m in ms], lang),
            label=RESULT.code_label(r, lang),
            factor=ms[0].factor,
        )
        for r, ms in by_result.items()
    ]
    assumed = h.months_assumed_pass
    if lang == "zh":
        decided = "（确定等次）" if h.group_grade_decided else ""
        without = f"；其中 {assumed} 个月无岗位考核记录，按合格计" if assumed else ""
        return [
            f"{h.name}（{role}，{h.head_title}）：年标准 {standard} 元"
            f"（{standard_path(h.role)}，{std_cite}）",
            f"  基础津贴 {standard} × {share} = {base} 元，每月 {regular} 元 × {MONTHS - 1}"
            f" + 第{MONTHS}月 {last} 元（{clause}）",
            f"  实发基础津贴 {paid} 元：{'，'.join(parts)}（{results_cite}）{without}",
            f"  效能津贴 {standard} × {eff_share} × {h.efficiency_factor} = {eff} 元："
            f"集团考核{grade}{decided}（{assess_clause}，{factor}），年终一次发放",
        ]
    decided = " (decided)" if h.group_grade_decided else ""
    without = f"; {assumed} months without a post-assessment row, paid as pass" if assumed else ""
    return [
        f"{h.name} ({role}, {h.head_title}): annual standard {standard} yuan"
        f" ({standard_path(h.role)}, {std_cite})",
        f"  base {standard} × {share} = {base} yuan, {regular} yuan a month × {MONTHS - 1}"
        f" + month {MONTHS} {last} yuan ({clause})",
        f"  base paid {paid} yuan: {'; '.join(parts)} ({results_cite}){without}",
        f"  efficiency {standard} × {eff_share} × {h.efficiency_factor} = {eff} yuan:"
        f" group graded {grade}{decided} ({assess_clause}, {factor}), paid once at year end",
    ]


def _title_lines(result: AllowanceResult, values: dict[str, str], lang: Lang) -> list[str]:
    """The standards (and the document they are set under), how each part is paid, and
    the groups whose grade the assessment group decided."""
    paths = {standard_path(r): r for r in ROLES if standard_path(r) in values}
    standards = {r: yuan_fen(Decimal(values[p])) for p, r in paths.items()}
    # the plan leaves the standards to 卫沙教发〔2022〕16号 without giving them: the bundled
    # ones are examples and must never read as that document's figures (SPEC §2)
    example = any(u.set_by == "bundled" for u in result.parameters if u.path in paths)
    base, eff = values[BASE_SHARE], values[EFFICIENCY_SHARE]
    factors = tr(lang, "，", ", ").join(
        f"{RESULT.code_label(r, lang)} ×{values[result_factor_path(r)]}"
        for r in POST_RESULTS
        if result_factor_path(r) in values
    )
    decided = [
        (g.name, GRADE.code_label(g.grade, lang), GRADE.code_label(g.proposed_grade, lang))
        for g in result.assessment.groups
        if g.decided
    ]
    if lang == "zh":
        per_role = "，".join(f"{t(r, lang)} {v} 元" for r, v in standards.items())
        lines = [
            f"年标准（{'示例值，' if example else ''}本局自定）：{per_role}",
            f"基础津贴 = 年标准 × {base}，分 {MONTHS} 个月发放",
            f"每月实发 = 当月金额 × 当月岗位考核结果系数（{factors}）",
            f"效能津贴 = 年标准 × {eff} × 集团考核等次系数，年终一次发放",
        ]
        lines += [
            f"{name}：确定等次 {grade}" + ("" if grade == proposed else f"（建议等次 {proposed}）")
            for name, grade, proposed in decided
        ]
        return lines
    per_role = ", ".join(f"{r} {v}" for r, v in standards.items()) + " yuan"
    lines = [
        f"standards ({'examples, ' if example else ''}set by the bureau): {per_role}",
        f"base = standard × {base}, paid in {MONTHS} monthly amounts",
        f"each month pays amount × result factor ({factors})",
        f"efficiency = standard × {eff} × the factor of the group's grade, paid at year end",
    ]
    lines += [
        f"{name}: decided grade {grade}" + ("" if grade == proposed else f" (proposed {proposed})")
        for name, grade, proposed in decided
    ]
    return lines


def assumed_note(result: AllowanceResult, lang: Lang) -> list[str]:
    """One note for every head: how many months were paid as 合格 for want of a row."""
    assumed = sum(h.months_assumed_pass for h in result.heads)
    if not assumed:
        return []
    if result.post_file is None:
        return [t("note.assumed_pass_all", lang, heads=len(result.heads), months=MONTHS)]
    heads = sum(1 for h in result.heads if h.months_assumed_pass)
    return [t("note.assumed_pass", lang, months=assumed, heads=heads)]


# --------------------------------------------------------------------------- output


def allowance_view(result: AllowanceResult, data: Dataset, ask: Ask) -> Output:
    lang = ask.lang
    values = {u.path: show_value(u.value) for u in result.parameters}
    sy, clause = school_year(result.year, lang), cite("6.4.4", lang)
    table = Section(
        tr(lang, "校长津贴", "allowances"),
        tr(lang, f"{sy}学年 校（园）长津贴（{clause}）", f"Head allowances {sy} ({clause})"),
        COLUMNS,
        lines=_title_lines(result, values, lang),
    )
    last_month = tr(lang, f"第{MONTHS}月 ", f"{MONTHS}th: ")
    for _, grouped in groupby(result.heads, key=lambda h: h.group):
        heads = list(grouped)
        first = heads[0]
        grade = f"{GRADE.code_label(first.group_grade, lang)} ×{first.efficiency_factor}"
        table.add("heading", shown={"efficiency": grade}, name=first.group_name)
        for h in heads:
            regular, last = h.monthly[0], h.monthly[-1]
            shown = {}
            if regular != last:
                shown["monthly"] = f"{yuan_fen(regular)}\n{last_month}{yuan_fen(last)}"
            less = paid_less(h, lang)
            if less:
                shown["base_paid"] = "\n".join([yuan_fen(h.base_paid), *less])
            table.add(
                shown=shown,
                **{
                    **record_values(h, [c for c in HEAD if c not in JSON_ONLY]),
                    **dict(zip(MONTH_KEYS, h.monthly_paid, strict=True)),
                    "name": "  " + h.short_name,
                    "monthly": regular,
                },
            )
        table.add("total", None, name="  " + tr(lang, "集团合计", "group total"), **_sums(heads))
        table.end_group()
    table.add("total", None, name=tr(lang, "全区合计", "district total"), **_sums(result.heads))

    body = {
        "totals": {k: json_value(v, BASE, lang, False) for k, v in _sums(result.heads).items()},
        "heads": [encode(h, HEAD, lang, ask.explain) for h in result.heads],
    }
    return computed(
        "allowance",
        result.year,
        body,
        [table],
        result.parameters,
        data,
        ask,
        files=(*SCORE_FILES, POST_FILE),
        explain=[line for h in result.heads for line in head_lines(h, result, lang)]
        if ask.explain
        else [],
        explain_title=t("explain.title", lang),
        notes=assumed_note(result, lang),
    )
