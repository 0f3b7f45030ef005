"""The allowance view (SPEC §4 `allowance`): each head's base part, its months, the efficiency part."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import ROLES, Dataset
from groupctl.numbers import money, yuan_fen
from groupctl.rules.allowance import (
    BASE_SHARE,
    EFFICIENCY_SHARE,
    MONTHS,
    AllowanceResult,
    HeadAllowance,
    factor_path,
    standard_path,
)
from groupctl.views import Column, Table, View, parameter_doc, show_value, standard_notes
from groupctl.views.assessment import SCORE_FILES, grade_label

MONTH_COLUMNS = [f"month_{i:02d}" for i in range(1, MONTHS + 1)]
CSV_COLUMNS = [
    "year",
    "group",
    "group_name",
    "campus",
    "name",
    "role",
    "head",
    "annual_standard",
    "base",
    *MONTH_COLUMNS,
    "group_grade",
    "group_grade_label",
    "efficiency_factor",
    "efficiency",
    "total",
]


# --------------------------------------------------------------------------- explanation


def _values(result: AllowanceResult) -> dict[str, str]:
    return {u.path: show_value(u.value) for u in result.parameters}


def head_lines(h: HeadAllowance, values: dict[str, str], lang: Lang) -> list[str]:
    standard, base, eff = yuan_fen(h.annual_standard), yuan_fen(h.base), yuan_fen(h.efficiency)
    share, eff_share = values[BASE_SHARE], values[EFFICIENCY_SHARE]
    regular, last = yuan_fen(h.monthly[0]), yuan_fen(h.monthly[-1])
    grade = grade_label(h.group_grade, lang)
    factor = f"{factor_path(h.group_grade)} = {h.efficiency_factor}"
    clause, assess_clause = cite("6.4.4", lang), cite("6.5", lang)
    if lang == "zh":
        return [
            f"{h.name}（{t(h.role, lang)}，{h.head}）：年标准 {standard} 元（{standard_path(h.role)}）",
            f"  基础津贴 {standard} × {share} = {base} 元，每月 {regular} 元 × {MONTHS - 1}"
            f" + 第{MONTHS}月 {last} 元（{clause}）",
            f"  效能津贴 {standard} × {eff_share} × {h.efficiency_factor} = {eff} 元："
            f"集团考核{grade}（{assess_clause}，{factor}），年终一次发放",
        ]
    return [
        f"{h.name} ({h.role}, {h.head}): annual standard {standard} yuan ({standard_path(h.role)})",
        f"  base {standard} × {share} = {base} yuan, {regular} yuan a month × {MONTHS - 1}"
        f" + month {MONTHS} {last} yuan ({clause})",
        f"  efficiency {standard} × {eff_share} × {h.efficiency_factor} = {eff} yuan:"
        f" group graded {grade} ({assess_clause}, {factor}), paid once at year end",
    ]


def explain_lines(result: AllowanceResult, lang: Lang) -> list[str]:
    values = _values(result)
    lines = []
    for h in result.heads:
        lines.extend(head_lines(h, values, lang))
    return lines


# --------------------------------------------------------------------------- documents


def _head_doc(h: HeadAllowance, lang: Lang, explain: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "campus": h.campus,
        "group": h.group,
        "role": h.role,
        "annual_standard": money(h.annual_standard),
        "base": money(h.base),
        "monthly": [money(m) for m in h.monthly],
        "group_grade": h.group_grade,
        "efficiency": money(h.efficiency),
        "name": h.name,
        "head": h.head,
        "group_grade_label": grade_label(h.group_grade, lang),
        "efficiency_factor": str(h.efficiency_factor),
        "total": money(h.total),
    }
    if explain:
        doc["explain"] = {
            "clauses": list(h.explain.clauses),
            "inputs": h.explain.inputs,
            "parameters": list(h.explain.parameters),
        }
    return doc


def _totals(heads: tuple[HeadAllowance, ...] | list[HeadAllowance]) -> dict[str, Decimal]:
    return {
        "annual_standard": sum((h.annual_standard for h in heads), Decimal(0)),
        "base": sum((h.base for h in heads), Decimal(0)),
        "efficiency": sum((h.efficiency for h in heads), Decimal(0)),
        "total": sum((h.total for h in heads), Decimal(0)),
    }


def _csv_row(result: AllowanceResult, h: HeadAllowance, lang: Lang) -> dict[str, Any]:
    return {
        "year": result.year,
        "group": h.group,
        "group_name": h.group_name,
        "campus": h.campus,
        "name": h.name,
        "role": h.role,
        "head": h.head,
        "annual_standard": money(h.annual_standard),
        "base": money(h.base),
        **{col: money(m) for col, m in zip(MONTH_COLUMNS, h.monthly, strict=True)},
        "group_grade": h.group_grade,
        "group_grade_label": grade_label(h.group_grade, lang),
        "efficiency_factor": str(h.efficiency_factor),
        "efficiency": money(h.efficiency),
        "total": money(h.total),
    }


# --------------------------------------------------------------------------- table


def _monthly_cell(h: HeadAllowance, lang: Lang) -> str:
    regular, last = h.monthly[0], h.monthly[-1]
    if regular == last:
        return yuan_fen(regular)
    return yuan_fen(regular) + "\n" + tr(lang, f"第{MONTHS}月 ", f"{MONTHS}th: ") + yuan_fen(last)


def _table(result: AllowanceResult, lang: Lang) -> Table:
    values = _values(result)
    sy, clause = school_year(result.year, lang), cite("6.4.4", lang)
    standards = {
        r: yuan_fen(Decimal(values[standard_path(r)])) for r in ROLES if standard_path(r) in values
    }
    standard_paths = {standard_path(r) for r in ROLES}
    # the document the bureau sets the standards under (卫沙教发〔2022〕16号), once
    refs = dict.fromkeys(u.reference for u in result.parameters if u.path in standard_paths)
    source = "; ".join(r for r in refs if r)
    base, eff = values[BASE_SHARE], values[EFFICIENCY_SHARE]
    if lang == "zh":
        per_role = "，".join(f"{t(r, lang)} {v} 元" for r, v in standards.items())
        title = (
            f"{sy}学年 校（园）长津贴（{clause}）\n"
            f"年标准{f'（{source}）' if source else ''}：{per_role}\n"
            f"基础津贴 = 年标准 × {base}，分 {MONTHS} 个月发放\n"
            f"效能津贴 = 年标准 × {eff} × 集团考核等次系数，年终一次发放"
        )
    else:
        per_role = ", ".join(f"{r} {v} yuan" for r, v in standards.items())
        title = (
            f"Head allowances {sy} ({clause})\n"
            f"standards{f' ({source})' if source else ''}: {per_role}\n"
            f"base = standard × {base}, paid in {MONTHS} monthly amounts\n"
            f"efficiency = standard × {eff} × the factor of the group's grade, paid at year end"
        )
    table = Table(
        title,
        [
            Column("name", t("col.group_campus", lang)),
            Column("role", t("col.role", lang)),
            Column("base", tr(lang, "基础津贴", "base"), "right"),
            Column("monthly", tr(lang, "每月", "monthly"), "right"),
            Column("efficiency", tr(lang, "效能津贴", "efficiency"), "right"),
        ],
    )
    for g in result.assessment.groups:
        heads = [h for h in result.heads if h.group == g.group]
        table.add(
            {
                "name": g.name,
                "efficiency": f"{grade_label(g.grade, lang)} ×{heads[0].efficiency_factor}",
            }
            if heads
            else {"name": g.name},
            "heading",
        )
        for h in heads:
            table.add(
                {
                    "name": "  " + h.short_name,
                    "role": t(h.role, lang),
                    "base": yuan_fen(h.base),
                    "monthly": _monthly_cell(h, lang),
                    "efficiency": yuan_fen(h.efficiency),
                }
            )
        sums = _totals(heads)
        table.add(
            {
                "name": "  " + tr(lang, "集团合计", "group total"),
                "base": yuan_fen(sums["base"]),
                "efficiency": yuan_fen(sums["efficiency"]),
            },
            "total",
        )
        table.end_section()
    sums = _totals(result.heads)
    table.add(
        {
            "name": tr(lang, "全区合计", "district total"),
            "base": yuan_fen(sums["base"]),
            "efficiency": yuan_fen(sums["efficiency"]),
        },
        "total",
    )
    return table


def allowance_view(result: AllowanceResult, data: Dataset, lang: Lang, explain: bool) -> View:
    sums = _totals(result.heads)
    document: dict[str, Any] = {
        "year": result.year,
        "heads": [_head_doc(h, lang, explain) for h in result.heads],
        "totals": {key: money(value) for key, value in sums.items()},
    }
    if explain:
        document["parameters"] = [parameter_doc(u) for u in result.parameters]
    values = _values(result)
    rows = [
        _csv_row(result, h, lang)
        | (
            {"explain": " ".join(line.strip() for line in head_lines(h, values, lang))}
            if explain
            else {}
        )
        for h in result.heads
    ]
    return View(
        document=document,
        csv_columns=CSV_COLUMNS + (["explain"] if explain else []),
        csv_rows=rows,
        tables=[_table(result, lang)],
        explain=explain_lines(result, lang) if explain else [],
        notes=standard_notes(result.parameters, data, lang, files=SCORE_FILES),
        explain_title=t("explain.title", lang),
    )
