"""The assessment view (SPEC §4 `assess`): group totals and grades, campus scores and grades."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import Dataset
from groupctl.numbers import CENT, exact_decimal, money, round_fraction_half_up
from groupctl.rules.assessment import (
    GRADE_LABELS,
    GRADES_PATH,
    WEIGHTS,
    AssessmentResult,
    CampusAssessment,
    Grade,
    GroupAssessment,
)
from groupctl.views import Column, Table, View, parameter_doc, show_value, standard_notes

SCORE_FILES = ("campus_scores.csv", "group_scores.csv")

CSV_COLUMNS = [
    "year",
    "group",
    "group_name",
    "school_mean",
    "party_building",
    "comprehensive",
    "total",
    "group_grade",
    "group_grade_label",
    "campus",
    "name",
    "role",
    "score",
    "grade",
    "grade_label",
]


def grade_label(grade: Grade, lang: Lang) -> str:
    zh, en = GRADE_LABELS[grade]
    return tr(lang, zh, en)


def score(value: Decimal) -> str:
    """A score as JSON, CSV and tables carry it: exactly two decimals, rounded half up."""
    return money(value)


def exact_text(value: Fraction) -> str:
    """An exact figure for JSON: its decimal when it ends, else the fraction (``511/6``)."""
    d = exact_decimal(value)
    return str(d) if d is not None else f"{value.numerator}/{value.denominator}"


def shown(value: Fraction) -> tuple[str, bool]:
    """(text, exact): a figure for an explanation line, at least two decimals.

    A value whose decimals never end is shown to six places and reported as not exact,
    so the line writes ≈ rather than = before it.
    """
    d = exact_decimal(value)
    if d is None:
        return str(round_fraction_half_up(value, 6)), False
    exponent = d.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        d = d.quantize(CENT)
    return str(d), True


# --------------------------------------------------------------------------- explanation


def mean_line(g: GroupAssessment, lang: Lang) -> str:
    scores = [score(c.score) for c in g.campuses]
    n = len(scores)
    total = sum((c.score for c in g.campuses), Decimal(0))
    mean, exact = shown(g.school_mean)
    eq = "=" if exact else "≈"
    if n == 1:
        body = f"{scores[0]}"
    else:
        body = f"({' + '.join(scores)}) ÷ {n} = {score(total)} ÷ {n} {eq} {mean}"
    return tr(
        lang,
        f"学校考核平均分 = {body}（{n} 个校区，含牵头校）",
        f"school mean = {body} ({n} campuses, the lead included)",
    )


def total_line(g: GroupAssessment, lang: Lang) -> str:
    weighted = " + ".join(f"{t.weight} × {shown(t.score)[0]}" for t in g.terms)
    products = [shown(t.product) for t in g.terms]
    exact_sum, sum_exact = shown(g.exact_total)
    eq1 = "=" if all(ok for _, ok in products) else "≈"
    eq2 = "=" if sum_exact else "≈"
    parts = " + ".join(text for text, _ in products)
    figures = f"{weighted} {eq1} {parts} {eq2} {exact_sum} → {score(g.total)}"
    return tr(
        lang,
        f"总分 = {figures}（按精确值求和后四舍五入到两位小数）",
        f"total = {figures} (summed exactly, then rounded half up to two decimals)",
    )


def grade_line(value: Decimal, band_min: Decimal, grade: Grade, lang: Lang) -> str:
    label = grade_label(grade, lang)
    return tr(
        lang,
        f"{score(value)} ≥ {band_min} → {label}（{GRADES_PATH}）",
        f"{score(value)} ≥ {band_min} → {label} ({GRADES_PATH})",
    )


def campus_line(c: CampusAssessment, lang: Lang) -> str:
    role = t(c.role, lang)
    label = grade_label(c.grade, lang)
    return tr(
        lang,
        f"{c.short_name}，{role}：{score(c.score)} ≥ {c.band.min} → {label}",
        f"{c.short_name}, {role}: {score(c.score)} ≥ {c.band.min} → {label}",
    )


def explain_lines(result: AssessmentResult, lang: Lang) -> list[str]:
    clause = cite("6.5", lang)
    lines = []
    for g in result.groups:
        lines.append(f"{g.name}（{clause}）" if lang == "zh" else f"{g.name} ({clause})")
        lines.append("  " + mean_line(g, lang))
        lines.append("  " + total_line(g, lang))
        lines.append(
            "  "
            + tr(lang, "集团等次：", "group grade: ")
            + grade_line(g.total, g.band.min, g.grade, lang)
        )
        for c in g.campuses:
            lines.append("    " + campus_line(c, lang))
    return lines


# --------------------------------------------------------------------------- documents


def _group_doc(g: GroupAssessment, lang: Lang, explain: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "group": g.group,
        "school_mean": score(g.school_mean_rounded),
        "party_building": score(g.party_building),
        "comprehensive": score(g.comprehensive),
        "total": score(g.total),
        "grade": g.grade,
        "grade_label": grade_label(g.grade, lang),
        "name": g.name,
    }
    if explain:
        doc["explain"] = {
            "clauses": list(g.explain.clauses),
            "campus_scores": [score(c.score) for c in g.campuses],
            "school_mean_exact": exact_text(g.school_mean),
            "terms": [
                {
                    "parameter": t.parameter,
                    "weight": str(t.weight),
                    "score": exact_text(t.score),
                    "product": exact_text(t.product),
                }
                for t in g.terms
            ],
            "total_exact": exact_text(g.exact_total),
            "band_min": str(g.band.min),
            "parameters": list(g.explain.parameters),
        }
    return doc


def _campus_doc(c: CampusAssessment, lang: Lang, explain: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "campus": c.campus,
        "group": c.group,
        "score": score(c.score),
        "grade": c.grade,
        "grade_label": grade_label(c.grade, lang),
        "name": c.name,
        "role": c.role,
    }
    if explain:
        doc["explain"] = {
            "clauses": list(c.explain.clauses),
            "band_min": str(c.band.min),
            "parameters": list(c.explain.parameters),
        }
    return doc


def _csv_rows(result: AssessmentResult, lang: Lang, explain: bool) -> list[dict[str, Any]]:
    rows = []
    for g in result.groups:
        group = {
            "year": result.year,
            "group": g.group,
            "group_name": g.name,
            "school_mean": score(g.school_mean_rounded),
            "party_building": score(g.party_building),
            "comprehensive": score(g.comprehensive),
            "total": score(g.total),
            "group_grade": g.grade,
            "group_grade_label": grade_label(g.grade, lang),
        }
        for c in g.campuses:
            row = group | {
                "campus": c.campus,
                "name": c.name,
                "role": c.role,
                "score": score(c.score),
                "grade": c.grade,
                "grade_label": grade_label(c.grade, lang),
            }
            if explain:
                row["explain"] = f"{campus_line(c, lang)}; {total_line(g, lang)}"
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- tables


def _formula(result: AssessmentResult, lang: Lang) -> str:
    values = {u.path: show_value(u.value) for u in result.parameters}
    school, party, overall = (values[p] for p in WEIGHTS)
    return tr(
        lang,
        f"总分 = {school} × 学校平均分 + {party} × 党建 + {overall} × 综合，四舍五入到两位小数",
        f"total = {school} × school mean + {party} × party building"
        f" + {overall} × comprehensive (comp.), rounded half up to two decimals",
    )


def _group_table(result: AssessmentResult, lang: Lang) -> Table:
    sy, clause = school_year(result.year, lang), cite("6.5", lang)
    table = Table(
        tr(lang, f"{sy}学年 集团考核（{clause}）", f"Group assessment {sy} ({clause})")
        + "\n"
        + _formula(result, lang),
        [
            Column("name", t("col.group", lang)),
            Column("school_mean", tr(lang, "学校平均分", "school mean"), "right"),
            Column("party_building", tr(lang, "党建", "party"), "right"),
            Column("comprehensive", tr(lang, "综合", "comp."), "right"),
            Column("total", tr(lang, "总分", "total"), "right"),
            Column("grade", tr(lang, "等次", "grade")),
        ],
    )
    for g in result.groups:
        table.add(
            {
                "name": g.name,
                "school_mean": score(g.school_mean_rounded),
                "party_building": score(g.party_building),
                "comprehensive": score(g.comprehensive),
                "total": score(g.total),
                "grade": grade_label(g.grade, lang),
            }
        )
    return table


def _campus_table(result: AssessmentResult, lang: Lang) -> Table:
    sy, clause = school_year(result.year, lang), cite("6.5", lang)
    table = Table(
        tr(lang, f"{sy}学年 学校考核（{clause}）", f"Campus assessment {sy} ({clause})"),
        [
            Column("name", t("col.group_campus", lang)),
            Column("role", t("col.role", lang)),
            Column("score", tr(lang, "得分", "score"), "right"),
            Column("grade", tr(lang, "等次", "grade")),
        ],
    )
    for g in result.groups:
        table.add({"name": g.name}, "heading")
        for c in g.campuses:
            table.add(
                {
                    "name": "  " + c.short_name,
                    "role": t(c.role, lang),
                    "score": score(c.score),
                    "grade": grade_label(c.grade, lang),
                }
            )
        table.end_section()
    return table


def assessment_view(result: AssessmentResult, data: Dataset, lang: Lang, explain: bool) -> View:
    document: dict[str, Any] = {
        "year": result.year,
        "groups": [_group_doc(g, lang, explain) for g in result.groups],
        "campuses": [_campus_doc(c, lang, explain) for c in result.campuses()],
    }
    if explain:
        document["parameters"] = [parameter_doc(u) for u in result.parameters]
    return View(
        document=document,
        csv_columns=CSV_COLUMNS + (["explain"] if explain else []),
        csv_rows=_csv_rows(result, lang, explain),
        tables=[_group_table(result, lang), _campus_table(result, lang)],
        explain=explain_lines(result, lang) if explain else [],
        notes=standard_notes(result.parameters, data, lang, files=SCORE_FILES),
        explain_title=t("explain.title", lang),
    )
