"""The staffing view (SPEC §4 `staffing`): leaders, teacher quotas, 两教一保 posts,
party organisation and class-size flags per campus.

At 80 columns one table cannot hold all of it, so the table format shows up to four
short ones: leadership and party organisation; teacher quotas by stage; kindergarten
temporary teachers and caregivers (when any campus has kindergarten classes); and the
class-size flags (only the stages flagged).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, school_year, t, tr
from groupctl.model import Dataset, Stage
from groupctl.numbers import round_fraction_half_up
from groupctl.rules.staffing import (
    CampusStaffing,
    ClassSize,
    KindergartenPosts,
    PartyOrg,
    StaffingResult,
    StageQuota,
)
from groupctl.views import Column, Table, View, parameter_doc, show_value, standard_notes

CSV_COLUMNS = [
    "year",
    "group",
    "campus",
    "name",
    "role",
    "kind",
    "head_title",
    "students",
    "classes",
    "principals",
    "vice_principals",
    "deputies_band",
    "teacher_quota",
    "on_staff",
    "gap",
    "established_teachers",
    "temp_teachers",
    "caregivers",
    "party_members",
    "party_org",
    "party_committee",
    "stage",
    "stage_students",
    "stage_classes",
    "by_students",
    "by_classes",
    "stage_quota",
    "average_class_size",
    "class_size_flag",
]


# --------------------------------------------------------------------------- wording


def _stage_cell(stage: str, lang: Lang) -> str:
    """A stage in a table cell: 'preschool' keeps the English tables within 80 columns."""
    return "preschool" if lang == "en" and stage == "kindergarten" else t(stage, lang)


def party_label(p: PartyOrg, lang: Lang) -> str:
    if p.unit == "general_branch":
        return tr(lang, "党总支", "general branch")
    if p.unit == "branch":
        if p.committee:
            return tr(lang, "党支部·支委会", "branch+committee")
        return tr(lang, "党支部", "branch")
    if p.unit == "group":
        return tr(lang, "党小组", "party group")
    return tr(lang, "无党员", "no members")


def size_label(s: ClassSize, lang: Lang) -> str:
    if s.level == "super_large":
        return tr(lang, "超大班额", "very large")
    if s.level == "large":
        return tr(lang, "大班额", "large")
    if s.level == "over_max":
        return tr(lang, "超过上限", "above max")
    return tr(lang, "未超", "within")


def _num(x: Decimal) -> str:
    """A parameter as written, every digit kept: 19, 13.5, 10.0000000000000000000000000000001.

    ``Decimal.normalize`` would round to the 28-digit context and show that last one as 10.
    """
    text = f"{x:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _quotient(x: Fraction) -> str:
    """``= 10.5`` when exact within four places, else ``≈ 12.4210`` (cut, never rounded).

    Cutting keeps the shown digits honest about which side of .5 the value is on:
    105 ÷ 10.0000000000000000000000000000001 shows ≈ 10.4999 and rounds to 10.
    """
    scaled = x * 10**4
    cut = scaled.numerator // scaled.denominator  # x ≥ 0, so the floor is the cut
    whole, places = divmod(cut, 10**4)
    if scaled.denominator == 1:
        return f"= {whole}" if places == 0 else f"= {whole}.{places:04d}".rstrip("0")
    return f"≈ {whole}.{places:04d}"


def _average(x: Fraction) -> str:
    return str(round_fraction_half_up(x, 2))


def _signed(n: int | None) -> str:
    if n is None:
        return ""
    return f"+{n}" if n > 0 else str(n)


def _count(n: int | None) -> str:
    return "" if n is None else f"{n:,}"


# --------------------------------------------------------------------------- JSON


def _stage_doc(s: StageQuota) -> dict[str, Any]:
    return {
        "stage": s.stage,
        "students": s.students,
        "classes": s.classes,
        "by_students": s.by_students,
        "by_classes": s.by_classes,
        "quota": s.quota,
        "basis": "kindergarten_band" if s.stage == "kindergarten" else "ratios",
    }


def _kindergarten_doc(c: CampusStaffing, k: KindergartenPosts) -> dict[str, Any]:
    own = c.kind == "kindergarten"  # a school's attached classes count in its teachers
    return {
        "established_teachers": k.established_teachers,
        "temp_teachers": k.temp_teachers,
        "caregivers": k.caregivers,
        "classes": k.classes,
        "on_staff": c.on_staff if own else None,
        "gap": c.gap if own else None,
    }


def _party_doc(p: PartyOrg, lang: Lang) -> dict[str, Any]:
    return {
        "unit": p.unit,
        "label": party_label(p, lang),
        "members": p.members,
        "committee": p.committee,
        "secretary": p.secretary,
    }


def _flag_doc(s: ClassSize, lang: Lang) -> dict[str, Any]:
    return {
        "stage": s.stage,
        "students": s.students,
        "classes": s.classes,
        "average": _average(s.average),
        "max": s.max,
        "over_max": s.over_max,
        "level": s.level,
        "label": size_label(s, lang),
    }


def _campus_doc(c: CampusStaffing, lang: Lang, explain: list[str] | None) -> dict[str, Any]:
    teachers = None
    if c.kind == "school":
        teachers = {
            "quota": c.quota,
            "stages": [_stage_doc(s) for s in c.stages],
            "on_staff": c.on_staff,
            "gap": c.gap,
        }
    doc: dict[str, Any] = {
        "campus": c.campus,
        "group": c.group,
        "kind": c.kind,
        "students": c.students,
        "classes": c.classes,
        "head_title": c.leaders.head_title,
        "principals": c.leaders.principals,
        "vice_principals": c.leaders.vice_principals,
        "teachers": teachers,
        "kindergarten": None if c.kindergarten is None else _kindergarten_doc(c, c.kindergarten),
        "party_org": None if c.party_org is None else _party_doc(c.party_org, lang),
        "class_size_flags": [_flag_doc(s, lang) for s in c.flags],
        "name": c.name,
        "role": c.role,
        "deputies_by": c.leaders.measure,
        "deputies_band": c.leaders.band,
    }
    if explain is not None:
        clauses = {c.leaders.explain.clauses[0]}
        params = set(c.leaders.explain.parameters)
        parts = [
            *(s.explain for s in c.stages),
            *((c.kindergarten.explain,) if c.kindergarten else ()),
            *((c.party_org.explain,) if c.party_org else ()),
            *(s.explain for s in c.class_sizes),
        ]
        for e in parts:
            clauses.update(e.clauses)
            params.update(e.parameters)
        doc["explain"] = {
            "clauses": sorted(clauses),
            "parameters": sorted(params),
            "lines": explain,
        }
    return doc


# --------------------------------------------------------------------------- explain


def _explain_campus(c: CampusStaffing, values: dict[str, str], lang: Lang) -> list[str]:
    role = t(c.role, lang)
    lines = [f"{c.group_name} {c.short_name}（{role}）" if lang == "zh" else f"{c.name} ({role})"]
    ld = c.leaders
    clause = cite(ld.explain.clauses[0], lang)
    path = ld.explain.parameters[1]
    if ld.measure == "students":
        basis = tr(lang, f"在校生 {ld.count:,} 人", f"{ld.count:,} students")
    else:
        basis = tr(lang, f"开设 {ld.count} 个班", f"{ld.count} classes")
    lines.append(
        tr(
            lang,
            f"  副职：{basis}，档位 {ld.band} → {ld.vice_principals} 名；"
            f"另配{ld.head_title} {ld.principals} 名（{clause}，{path}、leaders.heads）",
            f"  deputies: {basis}, band {ld.band} → {ld.vice_principals};"
            f" plus {ld.principals} head ({ld.head_title}) ({clause}, {path}, leaders.heads)",
        )
    )
    if c.role == "member":
        lines.append(
            tr(
                lang,
                f"  {ld.head_title}不带级别（{cite('6.4.2.1', lang)}）",
                f"  the {ld.head_title} of a member campus carries no rank ({cite('6.4.2.1', lang)})",
            )
        )
    for s in c.stages:
        lines.extend(_explain_stage(s, lang))
    if c.quota is not None:
        parts = " + ".join(str(s.quota) for s in c.stages)
        total = f"{parts} = {c.quota}" if len(c.stages) > 1 else str(c.quota)
        staff = ""
        if c.on_staff is not None:
            staff = tr(
                lang,
                f"；在编 {c.on_staff}，缺口 {c.on_staff} − {c.quota} = {_signed(c.gap)}",
                f"; on staff {c.on_staff}, gap {c.on_staff} − {c.quota} = {_signed(c.gap)}",
            )
        lines.append(tr(lang, f"  教师编制：{total}{staff}", f"  teacher quota: {total}{staff}"))
    if c.kindergarten is not None:
        lines.extend(_explain_kindergarten(c, c.kindergarten, lang))
    if c.party_org is not None:
        lines.append(_explain_party(c.party_org, values, lang))
    for size in c.class_sizes:
        lines.append(_explain_size(size, values, lang))
    return lines


def _explain_stage(s: StageQuota, lang: Lang) -> list[str]:
    clause = cite("6.4.3", lang)
    stage = t(s.stage, lang)
    if s.stage == "kindergarten" and s.band is None:
        return [
            tr(
                lang,
                f"  {stage}班在编教师：本学年没有幼儿（{s.classes} 个班）→ 不设编制，0 名（{clause}）",
                f"  {stage} established teachers: no children this year ({s.classes} classes)"
                f" → no posts, 0 ({clause})",
            )
        ]
    if s.stage == "kindergarten":
        return [
            tr(
                lang,
                f"  {stage}班在编教师：开设 {s.classes} 个班，档位 {s.band} → {s.quota} 名"
                f"（{clause}，teachers.kindergarten_established）",
                f"  {stage} established teachers: {s.classes} classes, band {s.band}"
                f" → {s.quota} ({clause}, teachers.kindergarten_established)",
            )
        ]
    assert s.student_ratio is not None and s.students_exact is not None
    sp = f"teachers.student_ratio.{s.stage}"
    cp = f"teachers.class_ratio.{s.stage}"
    by_students = tr(
        lang,
        f"  {stage}教师（师生比）：{s.students:,} ÷ {_num(s.student_ratio)}"
        f" {_quotient(s.students_exact)} → 四舍五入 {s.by_students}（{clause}，{sp}）",
        f"  {stage} teachers by students: {s.students:,} ÷ {_num(s.student_ratio)}"
        f" {_quotient(s.students_exact)} → rounded half up {s.by_students} ({clause}, {sp})",
    )
    if s.class_ratio is None or s.classes_exact is None:
        return [
            by_students,
            tr(
                lang,
                f"  {stage}班师比未设定（{cp} = null），编制取 {s.quota}",
                f"  {stage} class ratio unset ({cp} = null): quota {s.quota}",
            ),
        ]
    return [
        by_students,
        tr(
            lang,
            f"  {stage}教师（班师比）：{s.classes} × {_num(s.class_ratio)}"
            f" {_quotient(s.classes_exact)} → 四舍五入 {s.by_classes}（{clause}，{cp}）；"
            f"取较大者 {s.quota}",
            f"  {stage} teachers by classes: {s.classes} × {_num(s.class_ratio)}"
            f" {_quotient(s.classes_exact)} → rounded half up {s.by_classes} ({clause}, {cp});"
            f" the larger: {s.quota}",
        ),
    ]


def _explain_kindergarten(c: CampusStaffing, k: KindergartenPosts, lang: Lang) -> list[str]:
    clause = cite("6.4.3", lang)
    lines = []
    if c.kind == "kindergarten":  # a school's attached classes are a stage of its quota
        staff = ""
        if c.on_staff is not None:
            staff = tr(
                lang,
                f"；在编 {c.on_staff}，缺口 {c.on_staff} − {k.established_teachers}"
                f" = {_signed(c.gap)}",
                f"; on staff {c.on_staff}, gap {c.on_staff} − {k.established_teachers}"
                f" = {_signed(c.gap)}",
            )
        if k.empty:
            established = tr(
                lang,
                f"  在编教师：本学年没有幼儿（{k.classes} 个班）→ 不设编制，0 名（{clause}）",
                f"  established teachers: no children this year ({k.classes} classes)"
                f" → no posts, 0 ({clause})",
            )
        else:
            established = tr(
                lang,
                f"  在编教师：开设 {k.classes} 个班，档位 {k.band} → {k.established_teachers} 名"
                f"（{clause}，teachers.kindergarten_established）",
                f"  established teachers: {k.classes} classes, band {k.band}"
                f" → {k.established_teachers} ({clause}, teachers.kindergarten_established)",
            )
        lines.append(established + staff)
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
    lines.append(
        tr(
            lang,
            f"  两教一保：临聘教师 {k.classes} × {k.temp_per_class} = {k.temp_teachers}，"
            f"保育员 {k.classes} × {k.caregivers_per_class} = {k.caregivers}（{clause}，"
            f"teachers.kindergarten_temp_teachers_per_class、"
            f"teachers.kindergarten_caregivers_per_class）",
            f"  two teachers and one carer per class: temporary teachers {k.classes}"
            f" × {k.temp_per_class} = {k.temp_teachers}, caregivers {k.classes}"
            f" × {k.caregivers_per_class} = {k.caregivers} ({clause},"
            f" teachers.kindergarten_temp_teachers_per_class,"
            f" teachers.kindergarten_caregivers_per_class)",
        )
    )
    return lines


def _explain_party(p: PartyOrg, values: dict[str, str], lang: Lang) -> str:
    clause = cite("6.4.2.1", lang)
    label = party_label(p, lang)
    if p.unit == "general_branch":
        return tr(
            lang,
            f"  党组织：牵头校（园）设集团{label}，书记原则上由{p.secretary}兼任；"
            f"本校（园）党员 {p.members} 人（{clause}）",
            f"  party: the lead hosts the group's {label}, in principle led by its"
            f" {p.secretary}; {p.members} party members here ({clause})",
        )
    branch = values["party.branch_min_members"]
    committee = values["party.committee_min_members"]
    if p.unit == "branch":
        has = tr(lang, "设支部委员会", "with a committee")
        if not p.committee:
            has = tr(lang, "不设支部委员会", "without a committee")
        sign = "≥" if p.committee else "<"
        return tr(
            lang,
            f"  党组织：党员 {p.members} 人 ≥ {branch}（party.branch_min_members）→ 党支部；"
            f"{sign} {committee}（party.committee_min_members）→ {has}（{clause}）",
            f"  party: {p.members} members ≥ {branch} (party.branch_min_members) → branch;"
            f" {sign} {committee} (party.committee_min_members) → {has} ({clause})",
        )
    if p.unit == "group":
        return tr(
            lang,
            f"  党组织：党员 {p.members} 人 < {branch}（party.branch_min_members）→ 党小组（{clause}）",
            f"  party: {p.members} members < {branch} (party.branch_min_members)"
            f" → party group ({clause})",
        )
    return tr(
        lang,
        f"  党组织：没有正式党员，不设党支部或党小组（{clause}）",
        f"  party: no party members, so neither a branch nor a group ({clause})",
    )


def _explain_size(s: ClassSize, values: dict[str, str], lang: Lang) -> str:
    clause = cite("2.2", lang)
    stage = t(s.stage, lang)
    mp = f"class_size.max.{s.stage}"
    avg = f"{s.students:,} ÷ {s.classes} {_quotient(s.average)}"
    over = ">" if s.over_max else "≤"
    text_zh = f"  {stage}平均班额：{avg}，{over} 上限 {s.max}（{mp}）"
    text_en = f"  {stage} average class: {avg}, {over} max {s.max} ({mp})"
    if s.level in ("large", "super_large"):
        path = "class_size.super_large_min" if s.level == "super_large" else "class_size.large_min"
        text_zh += f"，≥ {values[path]}（{path}）→ {size_label(s, lang)}"
        text_en += f", ≥ {values[path]} ({path}) → {size_label(s, lang)}"
    elif s.level == "over_max":
        text_zh += f"→ {size_label(s, lang)}"
        text_en += f" → {size_label(s, lang)}"
    return tr(lang, f"{text_zh}（{clause}）", f"{text_en} ({clause})")


# --------------------------------------------------------------------------- CSV


def _csv_rows(result: StaffingResult, lang: Lang, explain: bool) -> list[dict[str, Any]]:
    rows = []
    values = {u.path: show_value(u.value) for u in result.parameters}
    for c in result.campuses:
        k = c.kindergarten
        base: dict[str, Any] = {
            "year": result.year,
            "group": c.group,
            "campus": c.campus,
            "name": c.name,
            "role": c.role,
            "kind": c.kind,
            "head_title": c.leaders.head_title,
            "students": c.students,
            "classes": c.classes,
            "principals": c.leaders.principals,
            "vice_principals": c.leaders.vice_principals,
            "deputies_band": c.leaders.band,
            "teacher_quota": c.quota,
            "on_staff": c.on_staff,
            "gap": c.gap,
            "established_teachers": None if k is None else k.established_teachers,
            "temp_teachers": None if k is None else k.temp_teachers,
            "caregivers": None if k is None else k.caregivers,
            "party_members": None if c.party_org is None else c.party_org.members,
            "party_org": None if c.party_org is None else c.party_org.unit,
            "party_committee": None if c.party_org is None else c.party_org.committee,
        }
        if explain:
            base["explain"] = " / ".join(
                line.strip() for line in _explain_campus(c, values, lang)[1:]
            )
        sizes = {s.stage: s for s in c.class_sizes}
        stages: list[tuple[Stage, int, int, int | None, int | None, int | None]] = [
            (s.stage, s.students, s.classes, s.by_students, s.by_classes, s.quota) for s in c.stages
        ]
        if c.kind == "kindergarten":
            stages = [("kindergarten", c.students, c.classes, None, None, None)]
        for stage, students, classes, by_s, by_c, quota in stages:
            size = sizes.get(stage)
            rows.append(
                base
                | {
                    "stage": stage,
                    "stage_students": students,
                    "stage_classes": classes,
                    "by_students": by_s,
                    "by_classes": by_c,
                    "stage_quota": quota,
                    "average_class_size": None if size is None else _average(size.average),
                    "class_size_flag": None if size is None else size.level,
                }
            )
    return rows


# --------------------------------------------------------------------------- tables


def _title(result: StaffingResult, lang: Lang, zh: str, en: str, clause: str) -> str:
    sy = school_year(result.year, lang)
    return tr(lang, f"{sy}学年 {zh}（{clause}）", f"{en} {sy} ({clause})")


class _Groups:
    """Adds a heading row each time the campuses move on to another group."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.group: str | None = None

    def enter(self, c: CampusStaffing) -> None:
        if c.group != self.group:
            self.table.end_section()
            self.table.add({"name": c.group_name}, "heading")
            self.group = c.group


def _leaders_table(result: StaffingResult, lang: Lang) -> Table:
    staffed = result.staff_file is not None
    columns = [
        Column("name", t("col.group_campus", lang)),
        Column("head", tr(lang, "正职", "head")),
        Column("deputies", tr(lang, "副职", "deputies"), "right"),
    ]
    if staffed:
        columns += [
            Column("members", tr(lang, "党员", "members"), "right"),
            Column("party", tr(lang, "党组织", "party")),
        ]
    clauses = tr(lang, "六（四）2（1）（2）", "clauses 6.4.2.1, 6.4.2.2")
    if staffed:
        title = _title(result, lang, "领导职数与党组织", "Leaders and party organisation", clauses)
    else:  # without staff.csv there are no party columns
        title = _title(result, lang, "领导职数", "Leaders", clauses)
    table = Table(title, columns)
    groups = _Groups(table)
    for c in result.campuses:
        groups.enter(c)
        ld = c.leaders
        row = {
            "name": "  " + c.short_name,
            "head": ld.head_title,
            "deputies": str(ld.vice_principals),
        }
        if c.party_org is not None:
            row["members"] = str(c.party_org.members)
            row["party"] = party_label(c.party_org, lang)
        table.add(row)
    return table


def _teachers_table(result: StaffingResult, lang: Lang) -> Table:
    staffed = result.staff_file is not None
    columns = [
        Column("name", t("col.group_campus", lang)),
        Column("stage", tr(lang, "学段", "stage")),
        Column("students", tr(lang, "在校生", "pupils"), "right"),
        Column("classes", tr(lang, "班数", "classes"), "right"),
        Column("quota", tr(lang, "编制", "quota"), "right"),
    ]
    if staffed:
        columns += [
            Column("on_staff", tr(lang, "在编", "held"), "right"),
            Column("gap", tr(lang, "缺口", "gap"), "right"),
        ]
    table = Table(_title(result, lang, "教师编制", "Teacher quotas", cite("6.4.3", lang)), columns)
    groups = _Groups(table)
    for c in result.campuses:
        groups.enter(c)
        name = "  " + c.short_name
        if c.kind == "kindergarten":
            k = c.kindergarten
            assert k is not None
            table.add(
                {
                    "name": name,
                    "stage": _stage_cell("kindergarten", lang),
                    "students": _count(c.students),
                    "classes": str(c.classes),
                    "quota": str(k.established_teachers),
                    "on_staff": _count(c.on_staff),
                    "gap": _signed(c.gap),
                }
            )
            continue
        single = len(c.stages) == 1
        for i, s in enumerate(c.stages):
            row = {
                "name": name if i == 0 else "",
                "stage": _stage_cell(s.stage, lang),
                "students": _count(s.students),
                "classes": str(s.classes),
                "quota": str(s.quota),
            }
            if single:
                row |= {"on_staff": _count(c.on_staff), "gap": _signed(c.gap)}
            table.add(row)
        if not single:
            table.add(
                {
                    "stage": tr(lang, "合计", "total"),
                    "students": _count(c.students),
                    "classes": str(c.classes),
                    "quota": str(c.quota),
                    "on_staff": _count(c.on_staff),
                    "gap": _signed(c.gap),
                }
            )
    return table


def _kindergarten_table(result: StaffingResult, lang: Lang) -> Table | None:
    rows = [c for c in result.campuses if c.kindergarten is not None]
    if not rows:
        return None
    title = _title(
        result, lang, "幼儿园两教一保", "Kindergarten posts (两教一保)", cite("6.4.3", lang)
    )
    table = Table(
        title,
        [
            Column("name", t("col.group_campus", lang)),
            Column("classes", tr(lang, "班数", "classes"), "right"),
            Column("established", tr(lang, "在编教师", "established"), "right"),
            Column("temp", tr(lang, "临聘教师", "temporary"), "right"),
            Column("care", tr(lang, "保育员", "caregivers"), "right"),
        ],
    )
    groups = _Groups(table)
    for c in rows:
        k = c.kindergarten
        assert k is not None
        groups.enter(c)
        name = c.short_name
        if c.kind == "school":
            name += tr(lang, "（附设幼儿班）", " (kindergarten classes)")
        table.add(
            {
                "name": "  " + name,
                "classes": str(k.classes),
                "established": str(k.established_teachers),
                "temp": str(k.temp_teachers),
                "care": str(k.caregivers),
            }
        )
    return table


def _sizes_table(result: StaffingResult, lang: Lang) -> Table | None:
    flagged = [(c, s) for c in result.campuses for s in c.flags]
    if not flagged:
        return None
    title = _title(result, lang, "班额预警", "Class sizes over the limits", cite("2.2", lang))
    table = Table(
        title,
        [
            Column("name", t("col.group_campus", lang)),
            Column("stage", tr(lang, "学段", "stage")),
            Column("average", tr(lang, "平均班额", "average"), "right"),
            Column("max", tr(lang, "上限", "max"), "right"),
            Column("flag", tr(lang, "情形", "flag")),
        ],
    )
    groups = _Groups(table)
    for c, s in flagged:
        groups.enter(c)
        table.add(
            {
                "name": "  " + c.short_name,
                "stage": _stage_cell(s.stage, lang),
                "average": _average(s.average),
                "max": str(s.max),
                "flag": size_label(s, lang),
            }
        )
    return table


# --------------------------------------------------------------------------- the view


def staffing_view(result: StaffingResult, data: Dataset, lang: Lang, explain: bool) -> View:
    values = {u.path: show_value(u.value) for u in result.parameters}
    explained = {c.campus: _explain_campus(c, values, lang) for c in result.campuses}
    document: dict[str, Any] = {
        "year": result.year,
        "campuses": [
            _campus_doc(c, lang, explained[c.campus] if explain else None) for c in result.campuses
        ],
        "school_year": school_year(result.year, "en"),
        "groups": [
            {"group": g.group, "name": g.name, "lead": g.lead, "party_secretary": g.secretary}
            for g in result.groups
        ],
        "staff_file": result.staff_file,
    }
    if explain:
        document["parameters"] = [parameter_doc(u) for u in result.parameters]

    tables = [_leaders_table(result, lang), _teachers_table(result, lang)]
    tables += [x for x in (_kindergarten_table(result, lang), _sizes_table(result, lang)) if x]

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

    notes = standard_notes(
        result.parameters,
        data,
        lang,
        files=("campuses.csv", "staff.csv") if result.staff_file else ("campuses.csv",),
    )
    if result.staff_lacks_year:
        notes.append(
            tr(
                lang,
                f"注：staff.csv 没有 {result.year} 年度的行，在编教师、缺口和党组织从缺",
                f"note: staff.csv has no rows for {result.year}; teachers on staff, gaps"
                f" and party organisation are left empty",
            )
        )
    elif result.staff_file is None:
        notes.append(
            tr(
                lang,
                "注：数据目录中没有 staff.csv，在编教师、缺口和党组织从缺",
                "note: the data directory has no staff.csv; teachers on staff, gaps and"
                " party organisation are left empty",
            )
        )

    return View(
        document=document,
        csv_columns=CSV_COLUMNS + (["explain"] if explain else []),
        csv_rows=_csv_rows(result, lang, explain),
        tables=tables,
        lines=lines,
        explain=[line for c in result.campuses for line in explained[c.campus]] if explain else [],
        notes=notes,
        explain_title=t("explain.title", lang),
    )
