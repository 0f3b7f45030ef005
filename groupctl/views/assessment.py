"""The assessment view (SPEC §4 `assess`): group totals and grades, campus scores and grades.

Two sections, two xlsx sheets: the groups (the weighted totals) and the campuses (the
second line of the 双线考核).  A grade the assessment group decided (``decided``) is the
grade; the computed one is its proposal, and the table shows both where they differ.  The CSV holds the groups: their means, totals and grades
are what 六（五） computes and what the allowance pays on, and they are in no data file,
while a campus row only adds a grade to its line of campus_scores.csv.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import Dataset
from groupctl.numbers import CENT, exact_decimal, fixed, round_fraction_half_up
from groupctl.output.model import Column, Output, Section, encode
from groupctl.rules.assessment import (
    GRADES_PATH,
    WEIGHTS,
    AssessmentResult,
    CampusAssessment,
    GroupAssessment,
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

CAMPUS_SCORE_FILE, GROUP_SCORE_FILE = SCORE_FILES = ("campus_scores.csv", "group_scores.csv")

PROPOSED = Column(
    "proposed_grade", "建议等次", "proposed_grade", "code", show="data", codes="grade."
)
GRADE = Column("grade", "等次", "grade", "code", codes="grade.")
DECIDED = Column("decided", "已确定", "decided", "flag", show="data")
ROLE = Column("role", "角色", "role", "code")
GROUP = (
    GROUP_ID,
    Column("group_name", "集团", "group_name", show="data", attr="name"),
    Column("name", "集团", "group", show="table", whole=True),
    Column("school_mean", "学校平均分", "school mean", "score", attr="school_mean_rounded"),
    Column("party_building", "党建", "party", "score"),
    Column("comprehensive", "综合", "comp.", "score"),
    Column("total", "总分", "total", "score"),
    PROPOSED,
    GRADE,
    DECIDED,
)
CAMPUS = (
    CAMPUS_ID,
    CAMPUS_NAME_ATTR,
    GROUP_ID,
    GROUP_NAME,
    TREE,
    ROLE,
    Column("score", "得分", "score", "score"),
    PROPOSED,
    GRADE,
    DECIDED,
)


def record_values(record: object, columns: Sequence[Column]) -> dict[str, Any]:
    """A record's typed values by column key, for a section row (table-only keys left out)."""
    return {c.key: getattr(record, c.attr or c.key) for c in columns if c.show != "table"}


def grade_cell(record: GroupAssessment | CampusAssessment, lang: Lang) -> dict[str, str]:
    """The table's 等次 cell of a decided grade: marked as decided, with the proposal
    beside it where they differ; nothing (the plain label) for an undecided one."""
    if not record.decided:
        return {}
    grade = GRADE.code_label(record.grade, lang)
    if record.grade == record.proposed_grade:
        return {"grade": t("grade.decided", lang, grade=grade)}
    proposed = GRADE.code_label(record.proposed_grade, lang)
    return {"grade": t("grade.decided_over", lang, grade=grade, proposed=proposed)}


def decided_text(record: GroupAssessment | CampusAssessment, file: str, lang: Lang) -> str:
    """For an explanation line: the decided grade and the row that gives it, or nothing."""
    if not record.decided:
        return ""
    grade, where = GRADE.code_label(record.grade, lang), f"{file}:{record.explain.inputs['line']}"
    return tr(lang, f"；确定等次：{grade}（{where}）", f"; decided grade: {grade} ({where})")


def score(value: Decimal) -> str:
    """A score as every format writes it: two decimals, rounded half up."""
    return str(fixed(value, 2))


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
    mean, exact = shown(g.school_mean)
    if n == 1:
        body = scores[0]
    else:
        total = score(sum((c.score for c in g.campuses), Decimal(0)))
        eq = "=" if exact else "≈"
        body = f"({' + '.join(scores)}) ÷ {n} = {total} ÷ {n} {eq} {mean}"
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


def explain_lines(result: AssessmentResult, lang: Lang) -> list[str]:
    clause = cite("6.5", lang)
    uses = {u.path: u for u in result.parameters}
    bands = f"{GRADES_PATH}{tr(lang, '，', ', ')}{cite_use(uses[GRADES_PATH], lang)}"
    lines = []
    for g in result.groups:
        grade = f"{score(g.total)} ≥ {g.band.min} → {GRADE.code_label(g.proposed_grade, lang)}"
        decided = decided_text(g, GROUP_SCORE_FILE, lang)
        lines += [
            tr(lang, f"{g.name}（{clause}）", f"{g.name} ({clause})"),
            "  " + mean_line(g, lang),
            "  " + total_line(g, lang),
            tr(
                lang,
                f"  集团{'建议' if g.decided else ''}等次：{grade}（{bands}）{decided}",
                f"  group {'proposed ' if g.decided else ''}grade: {grade} ({bands}){decided}",
            ),
        ]
        for c in g.campuses:
            role, grade = ROLE.code_label(c.role, lang), GRADE.code_label(c.proposed_grade, lang)
            figures = f"{score(c.score)} ≥ {c.band.min} → {grade}"
            figures += decided_text(c, CAMPUS_SCORE_FILE, lang)
            lines.append(
                tr(lang, f"    {c.short_name}，{role}：", f"    {c.short_name}, {role}: ") + figures
            )
    return lines


def group_explain(g: GroupAssessment) -> dict[str, object]:
    """A group's ``explain`` in JSON: the exact mean, terms and total behind its figures."""
    terms = [
        {
            "parameter": t.parameter,
            "weight": str(t.weight),
            "score": exact_text(t.score),
            "product": exact_text(t.product),
        }
        for t in g.terms
    ]
    return g.explain.doc(
        campus_scores=[score(c.score) for c in g.campuses],
        school_mean_exact=exact_text(g.school_mean),
        terms=terms,
        total_exact=exact_text(g.exact_total),
        band_min=str(g.band.min),
    )


# --------------------------------------------------------------------------- output


def assessment_view(result: AssessmentResult, data: Dataset, ask: Ask) -> Output:
    lang = ask.lang
    sy, clause = school_year(result.year, lang), cite("6.5", lang)
    used = {u.path: show_value(u.value) for u in result.parameters}
    school, party, overall = (used[p] for p in WEIGHTS)
    formula = tr(
        lang,
        f"总分 = {school} × 学校平均分 + {party} × 党建 + {overall} × 综合，四舍五入到两位小数",
        f"total = {school} × school mean + {party} × party building"
        f" + {overall} × comprehensive (comp.), rounded half up to two decimals",
    )
    groups = Section(
        tr(lang, "集团考核", "groups"),
        tr(lang, f"{sy}学年 集团考核（{clause}）", f"Group assessment {sy} ({clause})"),
        GROUP,
        lines=[formula],
    )
    campuses = Section(
        tr(lang, "学校考核", "campuses"),
        tr(lang, f"{sy}学年 学校考核（{clause}）", f"Campus assessment {sy} ({clause})"),
        CAMPUS,
    )
    for g in result.groups:
        groups.add(shown=grade_cell(g, lang), name=g.name, **record_values(g, GROUP))
        campuses.add("heading", name=g.name)
        for c in g.campuses:
            campuses.add(
                shown=grade_cell(c, lang), name="  " + c.short_name, **record_values(c, CAMPUS)
            )
        campuses.end_group()

    body = {
        "groups": [encode(g, GROUP, lang) for g in result.groups],
        "campuses": [encode(c, CAMPUS, lang) for c in result.campuses()],
    }
    if ask.explain:
        for doc, g in zip(body["groups"], result.groups, strict=True):
            doc["explain"] = group_explain(g)
        for doc, c in zip(body["campuses"], result.campuses(), strict=True):
            doc["explain"] = c.explain.doc(band_min=str(c.band.min))
    return computed(
        "assess",
        result.year,
        body,
        [groups, campuses],
        result.parameters,
        data,
        ask,
        files=SCORE_FILES,
        explain=explain_lines(result, lang) if ask.explain else [],
        explain_title=t("explain.title", lang),
    )
