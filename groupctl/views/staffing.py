"""The staffing view (SPEC §4 `staffing`): leaders, teacher quotas, 两教一保 posts,
party organisation and class-size flags per campus.

At 80 columns one table cannot hold all of it, so there are up to four sections, each a
table and an xlsx sheet: leaders and party organisation; teacher quotas by stage;
kindergarten 两教一保 posts (when any campus has kindergarten classes); class-size flags
(only the stages flagged).

The CSV holds the first section: one row per campus, with the campus's other figures in
data-only columns.  Teachers on staff and the gap belong to a campus, not to a stage, so
on campus × stage rows they would be repeated or lost; on campus rows every figure
appears once.  Its teacher-quota column is a school's quota (its attached kindergarten
classes' established teachers included, as a stage) or a kindergarten's established
teachers, so SUM over it is the district's quota; temporary teachers and caregivers are
posts of their own.  The stage detail is the teacher-quota sheet of the xlsx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import Dataset
from groupctl.numbers import round_fraction_half_up
from groupctl.output.model import Column, Output, Section, encode
from groupctl.policy import ParamUse
from groupctl.rules.staffing import (
    CampusStaffing,
    ClassSize,
    KindergartenPosts,
    PartyOrg,
    StaffingResult,
    StageQuota,
)
from groupctl.views import (
    CAMPUS_ID,
    CAMPUS_NAME,
    GROUP_ID,
    GROUP_NAME,
    Ask,
    cite_use,
    computed,
    show_value,
)

T = TypeVar("T")


def _data(col: Column) -> Column:
    return replace(col, show="data")


# One column per figure, for the JSON records and the sections alike.
STAGE = Column("stage", "学段", "stage", "code", codes="stage.")
STUDENTS = Column("students", "在校生", "students", "count")
CLASSES = Column("classes", "班数", "classes", "count")
BY_STUDENTS = Column("by_students", "按师生比", "by students", "count", show="data")
BY_CLASSES = Column("by_classes", "按班师比", "by classes", "count", show="data")
QUOTA = Column("quota", "编制", "quota", "count")
ON_STAFF = Column("on_staff", "在编", "held", "count")
GAP = Column("gap", "余缺", "gap", "count")  # on staff - quota: + over, - short
# the posts the plan sets for established teachers (配在编教师 4 名), not the people on the
# payroll now (在编, from staff.csv): a kindergarten's teacher quota
ESTABLISHED = Column("established_teachers", "教师编制", "teacher quota", "count")
TEMP = Column("temp_teachers", "临聘教师", "temporary", "count")
CAREGIVERS = Column("caregivers", "保育员", "caregivers", "count")
AVERAGE = Column("average", "平均班额", "average", "decimal", attr="average_rounded")
MAX = Column("max", "上限", "max", "count")
LEVEL = Column("level", "情形", "flag", "code", codes="size.")
ROLE = Column("role", "角色", "role", "code", show="data")
KIND = Column("kind", "类型", "kind", "code", show="data")
HEAD_TITLE = Column("head_title", "正职", "head")
PRINCIPALS = Column("principals", "正职人数", "heads", "count", show="data")
DEPUTIES = Column("vice_principals", "副职", "deputies", "count")
DEPUTIES_BY = Column(
    "deputies_by", "副职依据", "deputies by", "code", show="data", codes="deputies_by."
)
DEPUTIES_BAND = Column("deputies_band", "副职档位", "deputies band", show="data")
MEMBERS = Column("party_members", "党员", "members", "count")
PARTY = Column("party", "党组织", "party", "code", codes="party.")
EXPLAIN = Column("explain", "计算过程", "explain", show="data")

# JSON records (SPEC §5 `staffing`)
STAGE_DOC = (STAGE, STUDENTS, CLASSES, BY_STUDENTS, BY_CLASSES, QUOTA)
TEACHERS_DOC = (QUOTA, Column("stages", kind="records", fields=STAGE_DOC), ON_STAFF, GAP)
KINDERGARTEN_DOC = (ESTABLISHED, TEMP, CAREGIVERS, CLASSES)
PARTY_DOC = (
    Column("unit", kind="code", codes="party."),
    Column("members", kind="count"),
    Column("committee", kind="flag"),
    Column("secretary"),
)
FLAG_DOC = (STAGE, STUDENTS, CLASSES, AVERAGE, MAX, Column("over_max", kind="flag"), LEVEL)
IDS = (
    CAMPUS_ID,
    CAMPUS_NAME,
    GROUP_ID,
    GROUP_NAME,
)
CAMPUS_DOC = (*IDS, KIND, STUDENTS, CLASSES, HEAD_TITLE, PRINCIPALS, DEPUTIES)
CAMPUS_MORE = (ROLE, DEPUTIES_BY, DEPUTIES_BAND)
GROUP_DOC = (
    Column("group", kind="id"),
    Column("group_name", attr="name"),
    Column("lead", kind="id"),
    Column("party_secretary", attr="secretary"),
)

# Sections: the group / campus tree for people, the id columns for spreadsheets.
NAME = Column("name", "集团 / 校区", "group / campus", show="table")
ROW_IDS = (IDS[2], IDS[3], IDS[0], IDS[1])
CAMPUSES = (
    *ROW_IDS,
    ROLE,
    KIND,
    NAME,
    HEAD_TITLE,
    PRINCIPALS,
    DEPUTIES,
    DEPUTIES_BAND,
    _data(STUDENTS),
    _data(CLASSES),
    Column("quota", "教师编制", "teacher quota", "count", show="data"),
    _data(ON_STAFF),
    _data(GAP),
    _data(TEMP),
    _data(CAREGIVERS),
    MEMBERS,
    PARTY,
)
TEACHERS = (*ROW_IDS, NAME, STAGE, STUDENTS, CLASSES, BY_STUDENTS, BY_CLASSES, QUOTA)
TEACHERS_STAFF = (replace(ON_STAFF, show="table"), replace(GAP, show="table"))
KINDERGARTEN = (*ROW_IDS, NAME, CLASSES, ESTABLISHED, TEMP, CAREGIVERS)
FLAGS = (*ROW_IDS, NAME, STAGE, _data(STUDENTS), _data(CLASSES), AVERAGE, MAX, LEVEL)
STAFF_ONLY = {"on_staff", "gap", "party_members", "party"}


# --------------------------------------------------------------------------- records


def _values(c: CampusStaffing) -> dict[str, Any]:
    """A campus's figures by column key: its JSON record's flat part and its CSV row."""
    ld, k, p = c.leaders, c.kindergarten, c.party_org
    return {
        "campus": c.campus,
        "campus_name": c.name,
        "group": c.group,
        "group_name": c.group_name,
        "role": c.role,
        "kind": c.kind,
        "students": c.students,
        "classes": c.classes,
        "head_title": ld.head_title,
        "principals": ld.principals,
        "vice_principals": ld.vice_principals,
        "deputies_by": ld.measure,
        "deputies_band": ld.band,
        "quota": k.established_teachers if k and c.kind == "kindergarten" else c.quota,
        "on_staff": c.on_staff,
        "gap": c.gap,
        "temp_teachers": None if k is None else k.temp_teachers,
        "caregivers": None if k is None else k.caregivers,
        "party_members": None if p is None else p.members,
        "party": None if p is None else "branch_committee" if p.committee else p.unit,
    }


def _campus_doc(c: CampusStaffing, ask: Ask, explain: list[str]) -> dict[str, Any]:
    lang, k, values = ask.lang, c.kindergarten, _values(c)
    own = c.kind == "kindergarten"  # a school's attached classes count in its teachers
    doc = {
        **encode(values, CAMPUS_DOC, lang),
        "teachers": None if own else encode(c, TEACHERS_DOC, lang),
        "kindergarten": None
        if k is None
        else {
            **encode(k, KINDERGARTEN_DOC, lang),
            "on_staff": c.on_staff if own else None,
            "gap": c.gap if own else None,
        },
        "party_org": None if c.party_org is None else encode(c.party_org, PARTY_DOC, lang),
        "class_size_flags": [encode(s, FLAG_DOC, lang) for s in c.flags],
        **encode(values, CAMPUS_MORE, lang),
    }
    if ask.explain:
        parts = [
            c.leaders.explain,
            *(s.explain for s in c.stages),
            *((k.explain,) if k else ()),
            *((c.party_org.explain,) if c.party_org else ()),
            *(s.explain for s in c.class_sizes),
        ]
        doc["explain"] = {
            "clauses": sorted({clause for e in parts for clause in e.clauses}),
            "parameters": sorted({p for e in parts for p in e.parameters}),
            "lines": explain,
        }
    return doc


# --------------------------------------------------------------------------- explain


def _num(x: Decimal) -> str:
    """A parameter as written, every digit kept: 19, 13.5, 10.0000000000000000000000000000001.

    ``Decimal.normalize`` would round to the 28-digit context and show that last one as 10.
    """
    text = f"{x:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _quotient(x: Fraction) -> str:
    """``= 10.5`` when exact within four places, else ``≈ 125.2632``: rounded half up at
    the four places shown (2,380 ÷ 19 = 125.263157…).

    A value just under a half that four places would show as one (105 ÷ 10.000…01 =
    10.4999…) reads ``< 10.5``: ``≈ 10.5000 → 四舍五入 10`` would contradict itself.
    """
    scaled = x * 10**4
    if scaled.denominator == 1:
        whole, places = divmod(scaled.numerator, 10**4)
        return f"= {whole}" if places == 0 else f"= {whole}.{places:04d}".rstrip("0")
    shown = round_fraction_half_up(x, 4)
    if shown % 1 == Decimal("0.5") and x < Fraction(shown):
        return f"< {shown.normalize():f}"
    return f"≈ {shown}"


def _signed(n: int | None) -> str:
    if n is None:
        return ""
    return f"+{n}" if n > 0 else str(n)


def _staff(c: CampusStaffing, quota: int, lang: Lang) -> str:
    if c.on_staff is None:
        return ""
    gap = f"{c.on_staff} - {quota} = {_signed(c.gap)}"
    return tr(
        lang,
        f"；在编 {c.on_staff}，余缺 {gap}",
        f"; on staff {c.on_staff}, against the quota {gap}",
    )


Uses = dict[str, ParamUse]


def _value(uses: Uses, path: str) -> str:
    """A parameter's value as a clerk would type it back with --set."""
    return show_value(uses[path].value)


def _cited(uses: Uses, lang: Lang, *paths: str) -> str:
    """The parameters by their own reference (SPEC §2), each with its path.

    A ratio of 72号 is cited as 中央编办发〔2014〕72号, a party threshold as the 支部工作条例,
    a value the bureau sets as 本局自定; parameters sharing a reference share it:
    ``六（四）2（2），leaders.kindergarten；六（四）2（1），leaders.heads``.
    """
    by_ref: dict[str, list[str]] = {}
    for path in paths:
        by_ref.setdefault(cite_use(uses[path], lang), []).append(path)
    if lang == "zh":
        return "；".join(f"{ref}，{'、'.join(ps)}" for ref, ps in by_ref.items())
    return "; ".join(f"{ref}, {', '.join(ps)}" for ref, ps in by_ref.items())


def _explain_campus(c: CampusStaffing, uses: Uses, lang: Lang) -> list[str]:
    role = t(c.role, lang)
    ld = c.leaders
    path = ld.explain.parameters[1]
    cited = _cited(uses, lang, path, "leaders.heads")
    if ld.measure == "students":
        basis = tr(lang, f"在校生 {ld.count:,} 人", f"{ld.count:,} students")
    else:
        basis = tr(lang, f"开设 {ld.count} 个班", f"{ld.count} classes")
    lines = [
        tr(lang, f"{c.group_name} {c.short_name}（{role}）", f"{c.name} ({role})"),
        tr(
            lang,
            f"  副职：{basis}，档位 {ld.band} → {ld.vice_principals} 名；"
            f"另配{ld.head_title} {ld.principals} 名（{cited}）",
            f"  deputies: {basis}, band {ld.band} → {ld.vice_principals};"
            f" plus {ld.principals} head ({ld.head_title}) ({cited})",
        ),
    ]
    if c.role == "member":
        rank = cite("6.4.2.1", lang)
        lines.append(
            tr(
                lang,
                f"  {ld.head_title}不带级别（{rank}）",
                f"  the {ld.head_title} of a member campus carries no rank ({rank})",
            )
        )
    for s in c.stages:
        lines.extend(_explain_stage(s, uses, lang))
    if c.quota is not None:
        parts = " + ".join(str(s.quota) for s in c.stages)
        total = f"{parts} = {c.quota}" if len(c.stages) > 1 else str(c.quota)
        staff = _staff(c, c.quota, lang)
        lines.append(tr(lang, f"  教师编制：{total}{staff}", f"  teacher quota: {total}{staff}"))
    if c.kindergarten is not None:
        lines.extend(_explain_kindergarten(c, c.kindergarten, uses, lang))
    if c.party_org is not None:
        lines.append(_explain_party(c.party_org, uses, lang))
    lines.extend(_explain_size(size, uses, lang) for size in c.class_sizes)
    return lines


def _no_children(lang: Lang, what_zh: str, what_en: str, classes: int) -> str:
    clause = cite("6.4.3", lang)
    return tr(
        lang,
        f"  {what_zh}：本学年没有幼儿（{classes} 个班）→ 不设编制，0 名（{clause}）",
        f"  {what_en}: no children this year ({classes} classes) → no posts, 0 ({clause})",
    )


def _banded(
    uses: Uses, lang: Lang, what_zh: str, what_en: str, classes: int, band: str, n: int
) -> str:
    cited = _cited(uses, lang, "teachers.kindergarten_established")
    return tr(
        lang,
        f"  {what_zh}：开设 {classes} 个班，档位 {band} → {n} 名（{cited}）",
        f"  {what_en}: {classes} classes, band {band} → {n} ({cited})",
    )


def _explain_stage(s: StageQuota, uses: Uses, lang: Lang) -> list[str]:
    stage = t(s.stage, lang)
    if s.stage == "kindergarten":
        what = (f"{stage}班教师编制", f"{stage} teacher quota")
        if s.band is None:
            return [_no_children(lang, *what, s.classes)]
        return [_banded(uses, lang, *what, s.classes, s.band, s.quota)]
    assert s.student_ratio is not None and s.students_exact is not None
    sp, cp = f"teachers.student_ratio.{s.stage}", f"teachers.class_ratio.{s.stage}"
    division = f"{s.students:,} ÷ {_num(s.student_ratio)} {_quotient(s.students_exact)}"
    # 72号's ratios are staff-to-student ratios: the posts they give are staff posts
    lines = [
        tr(
            lang,
            f"  {stage}教职工编制（教职工与学生比）：{division} → 四舍五入 {s.by_students}"
            f"（{_cited(uses, lang, sp)}）",
            f"  {stage} staff posts (staff-to-student ratio): {division}"
            f" → rounded half up {s.by_students} ({_cited(uses, lang, sp)})",
        )
    ]
    if s.class_ratio is None or s.classes_exact is None:
        lines.append(
            tr(
                lang,
                f"  {stage}班师比未设定（{cp}），编制取 {s.quota}",
                f"  {stage} class ratio not set ({cp}): quota {s.quota}",
            )
        )
        return lines
    product = f"{s.classes} × {_num(s.class_ratio)} {_quotient(s.classes_exact)}"
    lines.append(
        tr(
            lang,
            f"  {stage}教师编制（班师比）：{product} → 四舍五入 {s.by_classes}"
            f"（{_cited(uses, lang, cp)}）；取较大者 {s.quota}",
            f"  {stage} teacher posts (class ratio): {product} → rounded half up {s.by_classes}"
            f" ({_cited(uses, lang, cp)}); the larger: {s.quota}",
        )
    )
    return lines


def _explain_kindergarten(
    c: CampusStaffing, k: KindergartenPosts, uses: Uses, lang: Lang
) -> list[str]:
    clause = cite("6.4.3", lang)
    lines = []
    if c.kind == "kindergarten":  # a school's attached classes are a stage of its quota
        what = ("教师编制", "teacher quota")
        if k.band is None:
            established = _no_children(lang, *what, k.classes)
        else:
            established = _banded(uses, lang, *what, k.classes, k.band, k.established_teachers)
        lines.append(established + _staff(c, k.established_teachers, lang))
    if k.empty:
        lines.append(
            tr(
                lang,
                f"  两教一保：本学年没有幼儿，不配临聘教师和保育员（{clause}）",
                f"  two teachers and one carer per class: no children this year, so no"
                f" temporary teachers or caregivers ({clause})",
            )
        )
        return lines
    tp, cp = (
        "teachers.kindergarten_teachers_per_class",
        "teachers.kindergarten_caregivers_per_class",
    )
    classes = f"{k.classes} {'class' if k.classes == 1 else 'classes'}"
    classes_zh = f"{k.classes} 个班 × {k.teachers_per_class}"
    classes_en = f"{classes} × {k.teachers_per_class}"
    est = k.established_teachers
    # 两教 counts the teacher quota: the temporary teachers fill each class up to it
    if k.temp_teachers > 0:
        temp_zh = f"{classes_zh} - 教师编制 {est} = 临聘 {k.temp_teachers}"
        temp_en = f"{classes_en} - quota {est} = {k.temp_teachers} temporary"
    else:
        temp_zh = f"{classes_zh} = {k.teachers} ≤ 教师编制 {est} → 临聘 0"
        temp_en = f"{classes_en} = {k.teachers} ≤ quota {est} → 0 temporary"
    care = f"× {k.caregivers_per_class} = {k.caregivers}"
    lines += [
        tr(
            lang,
            f"  两教一保·临聘教师：{temp_zh}（{_cited(uses, lang, tp)}）",
            f"  two teachers per class, temporary teachers: {temp_en} ({_cited(uses, lang, tp)})",
        ),
        tr(
            lang,
            f"  两教一保·保育员：{k.classes} 个班 {care}（{_cited(uses, lang, cp)}）",
            f"  one carer per class, caregivers: {classes} {care} ({_cited(uses, lang, cp)})",
        ),
    ]
    return lines


def _explain_party(p: PartyOrg, uses: Uses, lang: Lang) -> str:
    clause = cite("6.4.2.1", lang)
    label = t(f"party.{p.unit}", lang)
    bp, cp = "party.branch_min_members", "party.committee_min_members"
    if p.unit == "general_branch":
        return tr(
            lang,
            f"  党组织：牵头校（园）设集团{label}，书记原则上由{p.secretary}兼任；"
            f"本校（园）党员 {p.members} 人（{clause}）",
            f"  party: the lead hosts the group's {label}, in principle led by its"
            f" {p.secretary}; {p.members} party members here ({clause})",
        )
    if p.unit == "none":
        return tr(
            lang,
            f"  党组织：没有正式党员，不设党支部或党小组（{clause}）",
            f"  party: no party members, so neither a branch nor a group ({clause})",
        )
    branch = f"{_value(uses, bp)}（{_cited(uses, lang, bp)}）"
    branch_en = f"{_value(uses, bp)} ({_cited(uses, lang, bp)})"
    if p.unit == "group":
        return tr(
            lang,
            f"  党组织：党员 {p.members} 人 < {branch}→ 党小组（{clause}）",
            f"  party: {p.members} members < {branch_en} → party group ({clause})",
        )
    has = tr(lang, "设支部委员会", "with a committee")
    if not p.committee:
        has = tr(lang, "不设支部委员会", "without a committee")
    sign = "≥" if p.committee else "<"
    committee = f"{_value(uses, cp)}（{_cited(uses, lang, cp)}）"
    committee_en = f"{_value(uses, cp)} ({_cited(uses, lang, cp)})"
    return tr(
        lang,
        f"  党组织：党员 {p.members} 人 ≥ {branch}→ 党支部；{sign} {committee}→ {has}（{clause}）",
        f"  party: {p.members} members ≥ {branch_en} → branch;"
        f" {sign} {committee_en} → {has} ({clause})",
    )


def _explain_size(s: ClassSize, uses: Uses, lang: Lang) -> str:
    stage, mp = t(s.stage, lang), f"class_size.max.{s.stage}"
    avg = f"{s.students:,} ÷ {s.classes} {_quotient(s.average)}"
    over = ">" if s.over_max else "≤"
    limit = _cited(uses, lang, mp)
    zh = f"  {stage}平均班额：{avg}，{over} 上限 {s.max}（{limit}）"
    en = f"  {stage} average class: {avg}, {over} max {s.max} ({limit})"
    flag = "" if s.level is None else t(f"size.{s.level}", lang)
    if s.level in ("large", "super_large"):
        path = "class_size.very_large" if s.level == "super_large" else "class_size.large"
        cited = _cited(uses, lang, path)
        zh += f"，≥ {_value(uses, path)}（{cited}）→ {flag}"
        en += f", ≥ {_value(uses, path)} ({cited}) → {flag}"
    elif s.level == "over_max":
        zh += f"→ {flag}"
        en += f" → {flag}"
    return tr(lang, f"{zh}（{cite('2.2', lang)}）", f"{en} ({cite('2.2', lang)})")


# --------------------------------------------------------------------------- sections


def _title(result: StaffingResult, lang: Lang, zh: str, en: str, clause: str) -> str:
    sy = school_year(result.year, lang)
    return tr(lang, f"{sy}学年 {zh}（{clause}）", f"{en} {sy} ({clause})")


def _section(name: str, title: str, columns: tuple[Column, ...], staffed: bool) -> Section:
    kept = tuple(c for c in columns if staffed or c.key not in STAFF_ONLY)
    return Section(name, title, kept)


def _grouped(
    section: Section,
    items: Iterable[tuple[CampusStaffing, T]],
    totals: tuple[str, ...] = (),
    lang: Lang = "zh",
    figures: Callable[[CampusStaffing, T], dict[str, int | None]] | None = None,
) -> Iterator[tuple[CampusStaffing, T]]:
    """The items, with a heading row each time the campuses move on to another group.

    With ``totals`` (the keys ``figures`` gives for an item), each group of two or more
    campuses ends in a group total row and the section in a district total row: rows
    drawn for people, not facts (CSV and xlsx hold the campuses' rows only)."""
    group: str | None = None
    rows: list[dict[str, int | None]] = []
    everyone: list[dict[str, int | None]] = []

    def close() -> None:
        if totals and len(rows) > 1:  # a group of one campus: its row is the group's total
            _total(section, "  " + t("table.group_total", lang), rows, totals)
        everyone.extend(rows)

    for c, item in items:
        if c.group != group:
            close()
            section.end_group()
            section.add("heading", name=c.group_name)
            group, rows = c.group, []
        if figures is not None:
            rows.append(figures(c, item))
        yield c, item
    close()
    if totals and everyone:
        section.end_group()
        _total(section, t("table.district_total", lang), everyone, totals)


def _sum(values: Iterable[int | None]) -> int | None:
    """The sum, or None when a figure is missing (no staff.csv row to count)."""
    numbers = list(values)
    return None if any(v is None for v in numbers) else sum(v for v in numbers if v is not None)


def _total(
    section: Section, name: str, rows: list[dict[str, int | None]], keys: tuple[str, ...]
) -> None:
    sums = {k: _sum(r.get(k) for r in rows) for k in keys}
    section.add("total", _gap_shown(sums.get("gap")), name=name, **sums)


def _ids(c: CampusStaffing) -> dict[str, Any]:
    return {"campus": c.campus, "campus_name": c.name, "group": c.group, "group_name": c.group_name}


def _gap_shown(gap: int | None) -> dict[str, str]:
    return {"gap": _signed(gap)} if gap is not None and gap > 0 else {}


LEADER_TOTALS = ("principals", "vice_principals", "party_members")
TEACHER_TOTALS = ("students", "classes", "quota", "on_staff", "gap")
POST_TOTALS = tuple(col.key for col in KINDERGARTEN_DOC)


def _sections(
    result: StaffingResult, lang: Lang, explained: dict[str, list[str]] | None
) -> list[Section]:
    staffed = result.staff_file is not None  # without staff.csv, no party or staff columns
    clause = cite("6.4.3", lang)
    what = (
        ("领导职数与党组织", "Leaders and party organisation")
        if staffed
        else ("领导职数", "Leaders")
    )
    leaders_clause = tr(lang, "六（四）2（1）（2）", "clauses 6.4.2.1, 6.4.2.2")
    leaders = _section(
        tr(lang, "校区", "campuses"),
        _title(result, lang, *what, leaders_clause),
        CAMPUSES + ((EXPLAIN,) if explained else ()),
        staffed,
    )
    # the quotas follow the plan's rule, at the 72号 staff-to-student ratios: cite both
    ratios = [u for u in result.parameters if u.path.startswith("teachers.student_ratio.")]
    by = (
        tr(
            lang,
            f"；教职工与学生比：{cite_use(ratios[0], lang)}",
            f"; ratios: {cite_use(ratios[0], lang)}",
        )
        if ratios
        else ""
    )
    teachers = _section(
        tr(lang, "教师编制", "teachers"),
        _title(result, lang, "教师编制", "Teacher quotas", clause + by),
        TEACHERS + TEACHERS_STAFF,
        staffed,
    )
    if staffed:
        teachers.lines.append(t("staffing.gap_sign", lang))
    leader_rows = ((c, _values(c)) for c in result.campuses)
    for c, values in _grouped(leaders, leader_rows, LEADER_TOTALS, lang, lambda _, v: v):
        why = " / ".join(line.strip() for line in explained[c.campus][1:]) if explained else None
        leaders.add(**values, name="  " + c.short_name, explain=why)
    teacher_rows = ((c, _values(c)) for c in result.campuses)
    for c, values in _grouped(teachers, teacher_rows, TEACHER_TOTALS, lang, lambda _, v: v):
        # a kindergarten campus is one row; a school campus with stages has a total row
        stages = [{col.key: getattr(s, col.key) for col in STAGE_DOC} for s in c.stages] or [
            {
                "stage": "kindergarten",
                "students": c.students,
                "classes": c.classes,
                "quota": values["quota"],
            }
        ]
        staff: dict[str, Any] = {"on_staff": c.on_staff, "gap": c.gap}
        single = len(stages) == 1
        for i, stage in enumerate(stages):
            teachers.add(
                shown=_gap_shown(c.gap) if single else {},
                **_ids(c),
                name="  " + c.short_name if i == 0 else None,
                **(staff if single else {}),
                **stage,
            )
        if not single:
            shown = {"stage": tr(lang, "合计", "total"), **_gap_shown(c.gap)}
            teachers.add(
                "total", shown, students=c.students, classes=c.classes, quota=c.quota, **staff
            )
    sections = [leaders, teachers]

    posts = [(c, c.kindergarten) for c in result.campuses if c.kindergarten is not None]
    if posts:
        kindergarten = Section(
            tr(lang, "两教一保", "kindergarten"),
            _title(result, lang, "幼儿园两教一保", "Kindergarten posts (两教一保)", clause),
            KINDERGARTEN,
        )

        def posts_of(_: CampusStaffing, k: KindergartenPosts | None) -> dict[str, int | None]:
            return {key: getattr(k, key) for key in POST_TOTALS}

        for c, k in _grouped(kindergarten, posts, POST_TOTALS, lang, posts_of):
            assert k is not None
            name = c.short_name + (
                tr(lang, "（附设幼儿班）", " (kindergarten classes)") if c.kind == "school" else ""
            )
            kindergarten.add(
                **_ids(c),
                name="  " + name,
                **{col.key: getattr(k, col.key) for col in KINDERGARTEN_DOC},
            )
        sections.append(kindergarten)

    flagged = [(c, s) for c in result.campuses for s in c.flags]
    if flagged:
        flags = Section(
            tr(lang, "班额", "class sizes"),
            _title(result, lang, "班额预警", "Class sizes over the limits", cite("2.2", lang)),
            FLAGS,
        )
        for c, s in _grouped(flags, flagged):
            flags.add(
                **_ids(c),
                name="  " + c.short_name,
                **{col.key: getattr(s, col.attr or col.key) for col in FLAG_DOC},
            )
        sections.append(flags)
    return sections


# --------------------------------------------------------------------------- the view


def staffing_view(result: StaffingResult, data: Dataset, ask: Ask) -> Output:
    lang = ask.lang
    uses = {u.path: u for u in result.parameters}
    explained = {c.campus: _explain_campus(c, uses, lang) for c in result.campuses}
    body: dict[str, Any] = {
        "campuses": [_campus_doc(c, ask, explained[c.campus]) for c in result.campuses],
        "groups": [encode(g, GROUP_DOC, lang) for g in result.groups],
        "staff_file": result.staff_file,
    }

    clause = cite("6.4.2.1", lang)
    lines = [
        tr(
            lang,
            f"说明：集团党总支书记原则上由牵头校（园）长兼任（{clause}）；",
            "The group's party general branch is in principle led by the lead's head,",
        ),
        tr(
            lang,
            "      成员校执行校（园）长不带级别。",
            f"and the heads of member campuses carry no rank ({clause}).",
        ),
    ]
    if not any(c.flags for c in result.campuses):
        lines.append(
            tr(
                lang,
                "班额：各学段平均班额均未超过上限。",
                "Class sizes: no stage above its limits.",
            )
        )

    notes = []
    if result.staff_lacks_year:
        notes.append(t("staffing.note.no_staff_year", lang, year=result.year))
    elif result.staff_file is None:
        notes.append(t("staffing.note.no_staff_file", lang))

    return computed(
        "staffing",
        result.year,
        body,
        _sections(result, lang, explained if ask.explain else None),
        result.parameters,
        data,
        ask,
        files=("campuses.csv", "staff.csv") if result.staff_file else ("campuses.csv",),
        lines=lines,
        explain=[line for c in result.campuses for line in explained[c.campus]]
        if ask.explain
        else [],
        explain_title=t("explain.title", lang),
        notes=notes,
    )
