"""Catalogue part: views messages (Chinese, English).  See ``groupctl.catalogue``."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # rows a table adds for people
    "table.group_total": ("集团合计", "group total"),
    "table.district_total": ("全区合计", "district total"),
    # staffing
    "staffing.gap_sign": (
        "余缺 = 在编 - 编制：正数为超编，负数为缺编",
        "gap = held - quota: above 0 over the quota, below 0 short of it",
    ),
    "staffing.note.no_staff_year": (
        "注：staff.csv 没有 {year} 年度的行，在编教师、余缺和党组织无数据",
        "note: staff.csv has no rows for {year}; teachers on staff, the gap and the party"
        " organisation have no data",
    ),
    "staffing.note.no_staff_file": (
        "注：数据目录中没有 staff.csv，在编教师、余缺和党组织无数据",
        "note: the data directory has no staff.csv; teachers on staff, the gap and the party"
        " organisation have no data",
    ),
    # notes of coverage and approve
    "coverage.note.incomplete": (
        "注：campuses.csv 中 {years} 学年的在校生数据不全，未列入历年覆盖率",
        "note: campuses.csv lacks some headcounts for {years}; left out of the trend",
    ),
    "approve.note.purpose_school": (
        "注：--purpose 只对集团专项经费（--fund special）有约束；学校资金的用途不在此核对",
        "note: --purpose is checked only for the group's special fund (--fund special)",
    ),
    # --compare: the table for people
    "compare.same": ("两组参数下结果相同。", "The figures are the same."),
    "compare.district": ("全区", "district"),
    "compare.folded": (
        "另有 {count} 项逐月金额随之变化，已计入上表的年度金额；加 --explain 逐月列出。",
        "{count} monthly amounts changed with them, within the annual figures above;"
        " add --explain to list them month by month.",
    ),
    "compare.month": ("{n}月", "month {n}"),
    "compare.item": ("第{n}项", "item {n}"),
    # a figure's name in the table, when no column of the command's tables names it
    "compare.figure.records": ("记录", "record"),
    "compare.figure.groups": ("集团", "group"),
    "compare.figure.campuses": ("校区", "campus"),
    "compare.figure.heads": ("校（园）长", "head"),
    "compare.figure.steps": ("审批步骤", "approval step"),
    "compare.figure.step": ("步骤序号", "step number"),
    "compare.figure.total": ("合计", "total"),
    "compare.figure.grade": ("等次", "grade"),
    "compare.figure.proposed_grade": ("拟定等次", "proposed grade"),
    "compare.figure.decided": ("已确定等次", "grade decided"),
    "compare.figure.permitted": ("准许支出", "permitted"),
    "compare.figure.purpose_listed": ("用途在清单内", "purpose listed"),
    "compare.figure.reviewer": ("审核单位", "reviewer"),
    "compare.funding.base": ("基础经费", "base"),
    "compare.funding.supplements": ("增补经费合计", "supplements"),
    "compare.funding.supplement": ("增补经费", "supplement"),
    "compare.funding.total": ("经费合计", "total"),
    "compare.staffing.quota": ("编制", "quota"),
    "compare.staffing.unit": ("党组织", "party unit"),
    "compare.staffing.members": ("党员", "party members"),
    "compare.staffing.committee": ("设支委会", "branch committee"),
    "compare.staffing.secretary": ("书记", "secretary"),
    "compare.staffing.max": ("班额上限", "class-size max"),
    "compare.staffing.over_max": ("超过上限", "over the max"),
    "compare.staffing.level": ("班额情形", "class-size flag"),
    "compare.staffing.lead": ("牵头校", "lead campus"),
    "compare.staffing.party_secretary": ("党总支书记", "party secretary"),
    "compare.assess.total": ("总分", "total score"),
    "compare.assess.school_mean": ("学校考核平均分", "school mean"),
    "compare.assess.party_building": ("党建考核", "party building"),
    "compare.assess.comprehensive": ("综合考核", "comprehensive"),
    "compare.assess.score": ("学校考核得分", "school score"),
    "compare.allowance.annual_standard": ("年标准", "annual standard"),
    "compare.allowance.base": ("基础津贴", "base"),
    "compare.allowance.base_paid": ("实发基础津贴", "base paid"),
    "compare.allowance.monthly": ("每月金额", "monthly"),
    "compare.allowance.monthly_paid": ("每月实发", "monthly paid"),
    "compare.allowance.months_assumed_pass": ("按合格计的月数", "months taken as pass"),
    "compare.allowance.efficiency_factor": ("等次系数", "grade factor"),
    "compare.allowance.efficiency": ("效能津贴", "efficiency"),
    "compare.allowance.total": ("津贴合计", "total"),
    "compare.coverage.grouped": ("集团内义务教育学校", "schools in groups"),
    "compare.coverage.total": ("全区义务教育学校", "schools in the district"),
    "compare.coverage.needed": ("尚差（所）", "schools short"),
    "compare.coverage.compulsory": ("计入覆盖率", "counted"),
}
