"""Catalogue part: rules messages (Chinese, English).  See ``groupctl.catalogue``."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # shared by the rules (rules/common.py)
    "rules.bundled": ("内置值", "bundled"),
    "rules.no_years": ("无", "none"),
    "rules.orphan_member": (
        "集团 {group}：校区 {campus} 在 {year} 学年属于该集团，但牵头校 {lead} 不在（请核对"
        " from/until）",
        "group {group}: campus {campus} is in the group in {year} but its lead {lead} is not"
        " (check 'from'/'until')",
    ),
    "rules.no_headcounts": (
        "没有 {year} 学年的在校生数据（有数据的学年：{have}）",
        "no headcounts for {year} (years with data: {have})",
    ),
    "rules.no_headcount": (
        "没有校区 {campus}（{name}）{year} 学年的在校生数据",
        "no headcount for {year} for campus {campus} ({name})",
    ),
    # allowance
    "allowance.shares_sum": (
        "津贴的两部分比例之和须为 1，现为 {base_path} {base} + {efficiency_path} {efficiency}"
        " = {total}{changed}；请两项一起设置",
        "the allowance shares must add up to 1, got {base_path} {base} + {efficiency_path}"
        " {efficiency} = {total}{changed}; set both together",
    ),
    "allowance.standard_fen": (
        "{path}：{value} 超过两位小数；津贴按分发放（{origin}）",
        "{path}: {value} has more than two decimals; money is paid to the fen ({origin})",
    ),
    "allowance.standard_too_small": (
        "{path}：年标准 {value} 太小：其基础部分 {base}（{value} × {share_path} {share}，"
        "计到分）无法分 {months} 个月发放（{origin}）",
        "{path}: standard {value} is too small; its base part {base} ({value} × {share_path}"
        " {share}, to the fen) cannot be paid in {months} monthly amounts ({origin})",
    ),
    "allowance.factor_range": (
        "{path}：{value} 不是 0 到 1 之间的系数；{ceiling}（{origin}）",
        "{path}: {value} is not a factor from 0 to 1; {ceiling} ({origin})",
    ),
    "allowance.factor_order": (
        "{order}，现为 {above} {above_value}（{above_origin}）< {path} {value}（{origin}）",
        "the {order}, got {above} {above_value} ({above_origin}) < {path} {value} ({origin})",
    ),
    "allowance.ceiling.efficiency": (
        "效能津贴至多为年标准 × {share}",
        "the efficiency part is at most the standard × {share}",
    ),
    "allowance.order.efficiency": (
        "效能系数从优秀到不合格不得上升",
        "efficiency factors must not rise from excellent to fail",
    ),
    "allowance.ceiling.month": (
        "每月实发至多为当月应发金额",
        "a month pays at most its scheduled amount",
    ),
    "allowance.order.month": (
        "月度考核结果系数从合格到不合格不得上升",
        "monthly result factors must not rise from 合格 to 不合格",
    ),
    # approval
    "approval.thresholds_order": (
        "finance.large_expense_threshold {large} 高于 finance.bureau_threshold {bureau}：报区教育局"
        "审批的支出也须先经集团研究{changed}",
        "finance.large_expense_threshold {large} is above finance.bureau_threshold {bureau}:"
        " every expenditure the bureau approves must also go through the group{changed}",
    ),
    "approval.purpose_ambiguous": (
        "用途“{purpose}”不明确：与{matches}都相符（请多写几个字）",
        "purpose '{purpose}' is ambiguous: it matches {matches} (write more of the name)",
    ),
    "approval.not_in_group": (
        "校区 {campus}（{name}）在 {year} 学年不在其集团内",
        "campus {campus} ({name}) is not in its group in {year}",
    ),
    "approval.special_needs_purpose": (
        "--fund special 需要同时写 --purpose（见 groupctl approve --help）",
        "--fund special needs --purpose (see 'groupctl approve --help')",
    ),
    # assessment
    "assess.not_a_grade": (
        "{path}：{value} 不是等次（{grades}，或 {names}）（{origin}）",
        "{path}: {value} is not a grade ({grades} or {names}) ({origin})",
    ),
    "assess.minimum_too_high": (
        "{path}：{grade} 的下限 {minimum} 高于满分 {top}（{origin}）",
        "{path}: minimum {minimum} for {grade} is above the top score {top} ({origin})",
    ),
    "assess.grades_order": (
        "{path}：每个等次只写一次，等次越好下限越高；现为 {above} 在 {below} 之前（{origin}）",
        "{path}: each grade once, better grades at higher minimums; got {above} above"
        " {below} ({origin})",
    ),
    "assess.weights_sum": (
        "集团考核的三项权重之和须为 1，现为 {weights} = {total}{changed}；请三项一起设置",
        "the assessment weights must add up to 1, got {weights} = {total}{changed};"
        " set all three together",
    ),
    "assess.what.campus": ("学校考核得分", "campus scores"),
    "assess.what.group": ("集团考核得分", "group scores"),
    "assess.no_scores_year": (
        "没有 {year} 学年的{what}（有得分的学年：{have}）",
        "no {what} for {year} (years with scores: {have})",
    ),
    "assess.no_campus_score": (
        "没有校区 {campus}（{name}）{year} 学年的得分",
        "no score for {year} for campus {campus} ({name})",
    ),
    "assess.no_group_scores": (
        "没有集团 {group}（{name}）{year} 学年的得分",
        "no scores for {year} for group {group} ({name})",
    ),
    # coverage
    "coverage.no_total": (
        "没有 {key}：计算覆盖率需要全区义务教育阶段学校总数；请在 {folder} 的 {file} 中加一行"
        "“{key}: N”",
        "no {key}: coverage needs the number of compulsory-stage schools in the whole"
        " district; add a line '{key}: N' to {file} in {folder}",
    ),
    "coverage.total_too_small": (
        "{key} 为 {total}，少于 {school_year} 学年集团内的义务教育阶段学校数 {grouped}；"
        "请在 {file} 中改正",
        "{key} is {total}, fewer than the {grouped} compulsory-stage schools in groups in"
        " {school_year}; correct it in {file}",
    ),
    # staffing
    "staffing.zero_ratio": (
        "{path} 须大于 0，现为 0（{origin}）",
        "{path} must be above 0, got 0 ({origin})",
    ),
    "staffing.above": (
        "{upper} = {high}（{upper_origin}）须大于 {lower} = {low}（{lower_origin}）",
        "{upper} = {high} ({upper_origin}) must be above {lower} = {low} ({lower_origin})",
    ),
    "staffing.at_least": (
        "{upper} = {high}（{upper_origin}）须不小于 {lower} = {low}（{lower_origin}）",
        "{upper} = {high} ({upper_origin}) must be at least {lower} = {low} ({lower_origin})",
    ),
    "staffing.no_staff_row": (
        "校区 {campus}（{name}）没有 {year} 年度的行；staff.csv 已有其他校区 {year} 年度的行，"
        "该年度集团内每个校区都需要一行",
        "no row for {year} for campus {campus} ({name}); staff.csv covers {year} for other"
        " campuses, so every campus in a group that year needs one",
    ),
    # timeline
    "timeline.bad_day": (
        "--on 应为 2023-08-01 这样的日期，而不是{text}",
        "--on must be a date like 2023-08-01, got {text}",
    ),
}
