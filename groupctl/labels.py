"""Display labels in Chinese (default) and English.  JSON keys never go through here."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

_LABELS: dict[str, tuple[str, str]] = {
    # roles, kinds, stages
    "lead": ("牵头", "lead"),
    "member": ("成员", "member"),
    "school": ("中小学", "school"),
    "kindergarten": ("幼儿园", "kindergarten"),
    "primary": ("小学", "primary"),
    "junior": ("初中", "junior"),
    "senior": ("高中", "senior"),
    # columns
    "col.group_campus": ("集团 / 校区", "group / campus"),
    "col.group": ("集团", "group"),
    "col.campus": ("校区", "campus"),
    "col.id": ("代码", "id"),
    "col.school": ("学校", "school"),
    "col.role": ("角色", "role"),
    "col.head": ("校（园）长", "head"),
    "col.students": ("在校生", "students"),
    "col.band": ("档位", "band"),
    "col.amount": ("经费（元）", "yuan"),
    "col.type": ("类型", "type"),
    "col.years": ("在集团年度", "years"),
    "col.severity": ("级别", "level"),
    "col.where": ("位置", "where"),
    "col.message": ("问题", "problem"),
    # funding rows
    "funding.title": (
        "{school_year}学年 集团化办学专项经费（{clause}）",
        "Group special funding {school_year} ({clause})",
    ),
    "funding.base": ("基础经费", "base"),
    "funding.group_total": ("集团合计", "group total"),
    "funding.district_total": ("全区合计", "district total"),
    "funding.not_counted": ("不计", "not counted"),
    # groups
    "groups.title": (
        "{district}集团化办学试点（{clause}）",
        "Pilot education groups of {district} ({clause})",
    ),
    "years.all": ("全部", "all"),
    # check
    "check.title": ("数据检查：{directory}", "Data check: {directory}"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "check.summary": (
        "{errors} 个错误，{warnings} 个警告",
        "{errors} error(s), {warnings} warning(s)",
    ),
    "check.ok": ("数据无误", "no problems found"),
    # notes and explain
    "explain.title": ("计算过程", "How each figure was derived"),
    "note.local": (
        "注：以上结果用到本局自定参数（local，内置值仅为示例）：{paths}",
        "note: these figures use parameters the plan leaves to the bureau"
        " (local; bundled values are examples): {paths}",
    ),
    "note.interpretation": (
        "注：以上结果用到本工具对方案文字的解读（interpretation）：{items}",
        "note: these figures rest on our reading of ambiguous text in the plan"
        " (interpretation): {items}",
    ),
    "note.national": (
        "注：以上结果用到国家规定（national，方案未载其数值）：{items}",
        "note: these figures use national standards the plan relies on without quoting"
        " (national): {items}",
    ),
    "note.reading": (
        "{path}（另一种读法：--set {path}={alternative}）",
        "{path} (the other reading: --set {path}={alternative})",
    ),
    "note.changed": ("注：参数已改动：{items}", "note: parameters changed: {items}"),
    "note.illustrative": (
        "注：{files} 中的数字为示例，并非正式统计",
        "note: the figures in {files} are illustrative examples, not official figures",
    ),
    "yuan": ("元", "yuan"),
    "note.written": ("已写入：{file}", "written: {file}"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # the output model: CSV and xlsx columns, the xlsx notes sheet, what-if marks
    "col.scenario": ("方案", "scenario"),
    "col.group_id": ("集团代码", "group_id"),
    "col.campus_id": ("校区代码", "campus_id"),
    "col.group_name": ("集团", "group_name"),
    "col.campus_name": ("校区", "campus_name"),
    "col.item": ("项目", "item"),
    "col.year": ("学年", "year"),
    "item.base": ("基础经费", "base"),
    "item.supplement": ("增补经费", "supplement"),
    "note.scenario": (
        "测算方案（参数已改动，并非正式数字）：{sets}",
        "what-if (parameters changed; not the official figures): {sets}",
    ),
    "sheet.notes": ("说明", "notes"),
    "meta.scenario": ("方案", "scenario"),
    "meta.command": ("命令", "command"),
    "meta.school_year": ("学年", "school year"),
    "meta.version": ("版本", "version"),
    "meta.data": ("数据", "data"),
    "meta.illustrative": ("示例数据", "illustrative inputs"),
    "meta.sets": ("参数改动", "parameters set"),
    "meta.local": ("本局自定参数", "local parameters"),
    "meta.interpretations": ("解读性参数", "interpretations"),
    "meta.national": ("国家规定参数", "national parameters"),
    "meta.warning": ("警告", "warning"),
    "meta.note": ("注", "note"),
    "people": ("人", "students"),
    # staffing codes and columns (helper: staffing)
    "stage.primary": ("小学", "primary"),
    "stage.junior": ("初中", "junior"),
    "stage.senior": ("高中", "senior"),
    "stage.kindergarten": ("幼儿园", "preschool"),
    "party.general_branch": ("党总支", "general branch"),
    "party.branch": ("党支部", "branch"),
    "party.branch_committee": ("党支部·支委会", "branch+committee"),
    "party.group": ("党小组", "party group"),
    "party.none": ("无党员", "no members"),
    "size.over_max": ("超过上限", "above max"),
    "size.large": ("大班额", "large"),
    "size.super_large": ("超大班额", "very large"),
    "deputies_by.students": ("按在校生", "by students"),
    "deputies_by.classes": ("按班数", "by classes"),
    # assessment and allowance codes and columns (helper: assess/allowance)
    "grade.excellent": ("优秀", "excellent"),
    "grade.good": ("良好", "good"),
    "grade.fair": ("一般", "fair"),
    "grade.fail": ("不合格", "fail"),
    # approval, procedure and compare codes and columns (helper: approve/procedure/compare)
    "fund.school": ("学校资金", "school funds"),
    "fund.special": ("集团专项经费", "group special fund"),
    "compare.added": ("新增", "added"),
    "compare.removed": ("取消", "removed"),
    # issue 12: approve
    "reviewer.district_finance_bureau": ("区财政局", "the district finance bureau"),
    "reviewer.district_education_bureau": ("区教育局", "the district education bureau"),
    "approve.unlisted": (
        "“{purpose}”不在{clause}所列专项经费用途内；所列事项以“等”结尾，"
        "是否属于此类支出，须经{reviewer}一事一议研究审定",
        "'{purpose}' is not among the special-fund purposes {clause} lists; the list ends in"
        " 等 (etc.), so the case-by-case review (一事一议) by {reviewer} must decide whether"
        " it is such an expense",
    ),
    "approve.not_listed": ("不在所列事项内", "not listed"),
    # issue 12: parameter origins (params, notes)
    "origin.plan": ("方案", "plan"),
    "origin.national": ("国家规定", "national"),
    "origin.interpretation": ("解读", "interpretation"),
    "origin.local": ("本局自定", "local"),
    # parameter units as a table shows them beside a value (params); none for plain numbers
    "params.legend": (
        "依据：六（三）等为方案条款（方案原文）；“·解读”为本工具对方案文字的解读；"
        "72号等为国家规定文件；本局自定为方案留给本局确定、内置值仅为示例",
        'reference: a clause (clause 6.3) is the plan\'s own text; "our reading" marks our'
        ' reading of ambiguous text; a document (72号) is a national standard; "set by the'
        ' bureau" is left to the bureau by the plan (bundled values are examples)',
    ),
    "choice.district_finance_bureau": ("区财政局", "district finance bureau"),
    "choice.district_education_bureau": ("区教育局", "district education bureau"),
    "unit.yuan": ("元", "yuan"),
    "unit.yuan per year": ("元/年", "yuan a year"),
    "unit.heads": ("名", "heads"),
    "unit.deputies": ("名", "deputies"),
    "unit.teachers": ("名", "teachers"),
    "unit.members": ("名党员", "members"),
    "unit.points": ("分", "points"),
    "unit.students per post": ("生/编制", "students per post"),
    "unit.teachers per class": ("名/班", "per class"),
    "unit.caregivers per class": ("名/班", "per class"),
    "unit.students per class": ("人/班", "per class"),
    "unit.children per class": ("人/班", "per class"),
    "unit.year": ("年", ""),
    "unit.flag": ("", ""),
    "unit.purposes": ("", ""),
    "unit.actor": ("", ""),
    "unit.share": ("", ""),
    "unit.factor": ("", ""),
    "unit.rate": ("", ""),
    # issue 12: assess/allowance
    "grade.decided": ("确定：{grade}", "{grade}\n(decided)"),
    "grade.decided_over": (
        "确定：{grade}\n建议：{proposed}",
        "{grade}\n(decided,\nproposed\n{proposed})",
    ),
    "result.pass": ("合格", "pass"),
    "result.basic_pass": ("基本合格", "basic pass"),
    "result.fail": ("不合格", "fail"),
    "months.result": ("{months}月{result}", "{result}: {months}"),
    "note.assumed_pass": (
        "注：post_assessment.csv 中没有记录的 {months} 个月（{heads} 位校（园）长）"
        "按岗位考核合格计发",
        "note: {months} months without a row in post_assessment.csv ({heads} heads)"
        " are paid as 合格 (pass)",
    ),
    "note.assumed_pass_all": (
        "注：没有 post_assessment.csv：{heads} 位校（园）长各 {months} 个月均按岗位考核合格计发",
        "note: no post_assessment.csv: all {months} months of the {heads} heads are paid"
        " as 合格 (pass)",
    ),
    # issue 9: report
    "report.title": (
        "{district}集团化办学 {school_year}学年 年度报告",
        "{district} education groups: annual report {school_year}",
    ),
    "report.source": ("数据：{data}；groupctl {version}", "data: {data}; groupctl {version}"),
    "report.bundled": ("内置示例数据", "the bundled example data"),
    "report.contents": ("目录", "Contents"),
    "report.part.summary": ("摘要", "Summary"),
    "report.part.groups": ("试点集团与校区", "Groups and campuses"),
    "report.part.funding": ("专项经费", "Special funding"),
    "report.part.staffing": ("领导职数与教师编制", "Leadership and teacher posts"),
    "report.part.assessment": ("考核与津贴", "Assessment and allowances"),
    "report.part.coverage": ("覆盖率", "Coverage"),
    "report.part.duties": ("本学年例行事项", "Duties in the school year"),
    "report.part.parameters": ("所用参数及其来源", "Parameters used and their origins"),
    "report.part.warnings": ("数据警告", "Data warnings"),
    "report.sheet.summary": ("摘要", "summary"),
    "report.sheet.groups": ("集团", "groups"),
    "report.sheet.funding": ("经费", "funding"),
    "report.sheet.staffing": ("编制", "staffing"),
    "report.sheet.assessment": ("考核与津贴", "assessment"),
    "report.sheet.coverage": ("覆盖率", "coverage"),
    "report.sheet.duties": ("例行事项", "duties"),
    "report.sheet.parameters": ("参数", "parameters"),
    "report.sheet.warnings": ("数据警告", "warnings"),
    "report.omitted": (
        "注：报告略去“{part}”：{reason}",
        "note: the report leaves out {part}: {reason}",
    ),
    "report.no_files": ("数据目录中没有 {files}", "the data directory has no {files}"),
    "report.no_scores": (
        "{files} 中没有 {school_year} 学年的得分",
        "{files} hold no scores for {school_year}",
    ),
    "report.no_total": (
        "pilots.yaml 没有 compulsory_schools_total（全区义务教育阶段学校总数）",
        "pilots.yaml has no compulsory_schools_total (the district's compulsory schools)",
    ),
    "report.summary.title": ("{school_year}学年 全区合计", "District totals {school_year}"),
    "report.summary.no_previous": (
        "{school_year}学年没有数据，不列同比增减",
        "no figures for {school_year}: no year-on-year change",
    ),
    "report.summary.previous_failed": (
        "{school_year}学年的数据无法计算，不列同比增减：{reason}",
        "the {school_year} figures cannot be computed, so no year-on-year change: {reason}",
    ),
    "report.col.figure": ("项目", "figure"),
    "report.col.change": ("同比增减", "change"),
    "report.figure.groups": ("试点集团（个）", "groups"),
    "report.figure.campuses": ("校（园）区（个）", "campuses"),
    "report.figure.students": ("在校生（人）", "students"),
    "report.figure.funding": ("专项经费（元）", "special funding (yuan)"),
    "report.figure.leaders": ("领导职数（正副职）", "leadership posts"),
    "report.figure.teachers": ("教师编制（名）", "teacher posts"),
    "report.figure.on_staff": ("在编教师（名）", "teachers on staff"),
    "report.figure.allowance": ("校（园）长津贴（元）", "head allowances (yuan)"),
    "report.figure.grades": ("集团等次", "group grades"),
    "report.figure.coverage": ("义务教育学校集团化覆盖率", "compulsory schools in a group"),
    "report.chart.funding": ("各集团专项经费（元）", "Special funding by group (yuan)"),
    "report.chart.coverage": ("覆盖率与目标", "Coverage against the target"),
    "report.chart.target": ("目标 {rate}（{year}年）", "target {rate} by {year}"),
    "report.points": ("{value} 个百分点", "{value} points"),
    "report.params.title": (
        "{school_year}学年 报告所用参数",
        "Parameters the figures of {school_year} used",
    ),
    "report.warnings.none": ("数据没有警告", "the data has no warnings"),
    "report.warnings.title": ("数据警告（groupctl check）", "Data warnings (groupctl check)"),
    # issue 9: coverage, timeline, clauses
    "phase.preparation": ("前期准备", "preparation"),
    "phase.pilot": ("试点运行", "pilot run"),
    "phase.rules": ("建章立制", "setting up rules"),
    "phase.rollout": ("全面推进", "full roll-out"),
    "phase.review": ("总结推广", "review and extension"),
    "milestone.expand_scope": (
        "扩大集团化办学的范围与规模",
        "widen the scope and scale of group running",
    ),
    "milestone.management_system": (
        "集团管理体制与运行机制基本建立",
        "the groups' management system and working mechanisms in place",
    ),
    "milestone.coverage_target": (
        "义务教育阶段学校集团化办学覆盖率达到目标",
        "compulsory-stage schools in groups reach the coverage target",
    ),
    "duty.base_allowance": ("按月发放基础津贴", "pay the base allowance"),
    "duty.year_end_assessment": ("集团与学校年终考核", "year-end assessment"),
    "duty.efficiency_allowance": ("发放管理效能津贴（一次性）", "pay the efficiency allowance"),
    "duty.teacher_plan": ("集团提交教师调配补充方案", "groups submit the teacher plan"),
    "schedule.monthly": ("每月", "monthly"),
    "schedule.once": ("一次", "once"),
    "concerns.current": ("本学年", "current"),
    "concerns.next": ("下一学年", "next"),
}


def t(key: str, lang: Lang, **fields: object) -> str:
    zh, en = _LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text


def label_of(key: str, lang: Lang) -> str:
    """The label of a code (``lead``, ``item.base``); the code itself when it has none."""
    pair = _LABELS.get(key)
    if pair is None:
        return key.rsplit(".", 1)[-1]
    return pair[0] if lang == "zh" else pair[1]


def tr(lang: Lang, zh: str, en: str) -> str:
    """Pick the text for ``lang``: for labels a view builds with names from the data."""
    return zh if lang == "zh" else en


def school_year(year: int, lang: Lang) -> str:
    return f"{year}–{year + 1}" if lang == "zh" else f"{year}-{year + 1}"
