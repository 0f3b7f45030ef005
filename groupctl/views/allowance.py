"""The allowance view (SPEC §4 `allowance`): each head's base part, its months, the efficiency part.

One section: a row per head (the CSV's rows, its twelve months as twelve columns), under
a heading per group with the group's grade and factor, and group and district totals
drawn for people only, so SUM over a money column of the CSV is the district total.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import ROLES, Dataset
from groupctl.numbers import yuan_fen
from groupctl.output.model import Column, Output, Section, encode, json_value
from groupctl.rules.allowance import (
    BASE_SHARE,
    EFFICIENCY_SHARE,
    MONTHS,
    AllowanceResult,
    HeadAllowance,
    factor_path,
    standard_path,
)
from groupctl.views import (
    CAMPUS_ID,
    CAMPUS_NAME_ATTR,
    GROUP_ID,
    GROUP_NAME,
    TREE,
    Ask,
    computed,
    show_value,
)
from groupctl.views.assessment import GRADE, ROLE, SCORE_FILES, record_values

MONTHLY = Column("monthly", "每月", "monthly", "money")  # JSON: all twelve; table: one
BASE = Column("base", "基础津贴", "base", "money")
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
    MONTHLY,
    Column("group_grade", "集团等次", "group_grade", "code", show="data", codes="grade."),
    Column("efficiency_factor", "等次系数", "efficiency_factor", "decimal", show="data"),
    EFFICIENCY,
    Column("total", "合计", "total", "money", show="data"),
)
MONTH_KEYS = tuple(f"month_{m:02d}" for m in range(1, MONTHS + 1))
# the section: the table shows one monthly amount, the CSV and xlsx all twelve
COLUMNS = tuple(
    d
    for c in HEAD
    for d in (
        (
            Column("monthly", "每月", "monthly", "money", show="table"),
            *(Column(k, f"{m}月", k, "money", show="data") for m, k in enumerate(MONTH_KEYS, 1)),
        )
        if c is MONTHLY
        else (c,)
    )
)
SUMMED = ("annual_standard", "base", "efficiency", "total")


def _sums(heads: list[HeadAllowance] | tuple[HeadAllowance, ...]) -> dict[str, Decimal]:
    return {key: sum((getattr(h, key) for h in heads), Decimal(0)) for key in SUMMED}


# --------------------------------------------------------------------------- explanation


def head_lines(h: HeadAllowance, values: dict[str, str], lang: Lang) -> list[str]:
    standard, base, eff = yuan_fen(h.annual_standard), yuan_fen(h.base), yuan_fen(h.efficiency)
    share, eff_share = values[BASE_SHARE], values[EFFICIENCY_SHARE]
    regular, last = yuan_fen(h.monthly[0]), yuan_fen(h.monthly[-1])
    grade = GRADE.code_label(h.group_grade, lang)
    factor = f"{factor_path(h.group_grade)} = {h.efficiency_factor}"
    clause, assess_clause = cite("6.4.4", lang), cite("6.5", lang)
    role = ROLE.code_label(h.role, lang)
    if lang == "zh":
        return [
            f"{h.name}（{role}，{h.head_title}）：年标准 {standard} 元（{standard_path(h.role)}）",
            f"  基础津贴 {standard} × {share} = {base} 元，每月 {regular} 元 × {MONTHS - 1}"
            f" + 第{MONTHS}月 {last} 元（{clause}）",
            f"  效能津贴 {standard} × {eff_share} × {h.efficiency_factor} = {eff} 元："
            f"集团考核{grade}（{assess_clause}，{factor}），年终一次发放",
        ]
    return [
        f"{h.name} ({role}, {h.head_title}): annual standard {standard} yuan ({standard_path(h.role)})",
        f"  base {standard} × {share} = {base} yuan, {regular} yuan a month × {MONTHS - 1}"
        f" + month {MONTHS} {last} yuan ({clause})",
        f"  efficiency {standard} × {eff_share} × {h.efficiency_factor} = {eff} yuan:"
        f" group graded {grade} ({assess_clause}, {factor}), paid once at year end",
    ]


def _title_lines(result: AllowanceResult, values: dict[str, str], lang: Lang) -> list[str]:
    """The standards (and the document they are set under) and how each part is paid."""
    paths = {standard_path(r): r for r in ROLES if standard_path(r) in values}
    standards = {r: yuan_fen(Decimal(values[p])) for p, r in paths.items()}
    # the plan leaves the standards to 卫沙教发〔2022〕16号 without giving them: the bundled
    # ones are examples and must never read as that document's figures (SPEC §2)
    example = any(u.set_by == "bundled" for u in result.parameters if u.path in paths)
    base, eff = values[BASE_SHARE], values[EFFICIENCY_SHARE]
    if lang == "zh":
        per_role = "，".join(f"{t(r, lang)} {v} 元" for r, v in standards.items())
        return [
            f"年标准（{'示例值，' if example else ''}本局自定）：{per_role}",
            f"基础津贴 = 年标准 × {base}，分 {MONTHS} 个月发放",
            f"效能津贴 = 年标准 × {eff} × 集团考核等次系数，年终一次发放",
        ]
    per_role = ", ".join(f"{r} {v}" for r, v in standards.items()) + " yuan"
    return [
        f"standards ({'examples, ' if example else ''}set by the bureau): {per_role}",
        f"base = standard × {base}, paid in {MONTHS} monthly amounts",
        f"efficiency = standard × {eff} × the factor of the group's grade, paid at year end",
    ]


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
            table.add(
                shown={}
                if regular == last
                else {"monthly": f"{yuan_fen(regular)}\n{last_month}{yuan_fen(last)}"},
                **{
                    **record_values(h, HEAD),
                    **dict(zip(MONTH_KEYS, h.monthly, strict=True)),
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
        files=SCORE_FILES,
        explain=[line for h in result.heads for line in head_lines(h, values, lang)]
        if ask.explain
        else [],
        explain_title=t("explain.title", lang),
    )
