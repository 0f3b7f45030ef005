"""Catalogue part: cli messages (Chinese, English).  See ``groupctl.catalogue``.

The command line's own texts: campus and procedure lookups, suggestions, the framework's
usage errors put into words from the exception's attributes, ``init``, and every line of
``--help`` (summaries, options, arguments, examples' comments).
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # suggest.py: the one way a suggestion is worded
    "suggest.did_you_mean": ("您是否要找：{names}", "did you mean {names}?"),
    # lookup.py: --campus
    "campus.with_id": ("{name}（{id}）", "{name} ({id})"),
    "campus.empty": (
        "--campus 需要校区代码、名称或名称的一部分",
        "--campus needs a campus id, name or part of a name",
    ),
    "campus.unknown": (
        "没有与“{query}”相符的校区（见 groupctl groups）",
        "no campus matches '{query}' (see 'groupctl groups')",
    ),
    "campus.unknown.suggest": (
        "没有与“{query}”相符的校区。您是否要找：{names}",
        "no campus matches '{query}'; did you mean {names}?",
    ),
    "campus.ambiguous": (
        "“{query}”可指多个校区：{listed}；请写得更完整，或用校区代码",
        "campus '{query}' is ambiguous: it matches {listed}; give more of the name, or its id",
    ),
    # rules/procedures.py: groupctl procedure NAME
    "procedure.with_title": ("{name}（{title}）", "{name} ({title})"),
    "procedure.unknown": (
        "没有“{query}”这个程序（可用：{known}）",
        "unknown procedure '{query}' (known: {known})",
    ),
    "procedure.unknown.suggest": (
        "没有“{query}”这个程序。您是否要找：{names}",
        "unknown procedure '{query}'; did you mean {names}?",
    ),
    "procedure.ambiguous": (
        "“{query}”可指多个程序：{listed}；请写得更完整，或用英文名称",
        "procedure '{query}' is ambiguous: it matches {listed}; give more of the name",
    ),
    # cli.py: the error line
    "cli.error": ("错误：{message}", "error: {message}"),
    "cli.see_help": ("{message}（见 {command} --help）", "{message} (see '{command} --help')"),
    "cli.internal": (
        "groupctl 内部错误：{kind}：{detail}（设置 GROUPCTL_DEBUG=1 可看详情，请报告此问题）",
        "internal error: {kind}: {detail} (GROUPCTL_DEBUG=1 shows details)",
    ),
    # cli.py: the framework's usage errors, from the exception's attributes
    "cli.missing.argument": ("缺少参数 {name}", "missing argument {name}"),
    "cli.missing.option": ("缺少选项 {name}", "missing option {name}"),
    "cli.no_option": ("没有选项 {name}", "no such option: {name}"),
    "cli.negative": (
        "“{value}”是负数：金额、学年和人数都不能为负",
        "'{value}' is negative: amounts, years and counts cannot be",
    ),
    "cli.option_after_command": (
        "{name} 须写在命令之后，例如 groupctl funding 2023 {name} …（只有 --lang 和 --data"
        " 也可写在命令之前）",
        "{name} goes after the command, as in groupctl funding 2023 {name} … (only --lang"
        " and --data may also come before it)",
    ),
    "cli.no_option.suggest": (
        "没有选项 {name}。您是否要找：{names}",
        "no such option: {name}; did you mean {names}?",
    ),
    "cli.option_needs_value": ("选项 {name} 后面需要一个值", "option {name} needs a value"),
    "cli.option_takes_no_value": ("选项 {name} 不带值", "option {name} takes no value"),
    "cli.extra_arguments": ("多余的参数：{args}", "unexpected extra arguments: {args}"),
    "cli.no_command": ("没有“{name}”这个命令", "no such command '{name}'"),
    "cli.no_command.suggest": (
        "没有“{name}”这个命令。您是否要找：{names}",
        "no such command '{name}'; did you mean {names}?",
    ),
    "cli.bad_value": ("{name} 的值无效", "invalid value for {name}"),
    "cli.usage": ("命令行用法有误：{detail}", "{detail}"),
    "cli.choice": (
        "{name} 只能是 {choices} 之一，而不是“{value}”",
        "{name} must be one of {choices}, not '{value}'",
    ),
    "cli.choice.suggest": (
        "{name} 只能是 {choices} 之一，而不是“{value}”。您是否要找：{names}",
        "{name} must be one of {choices}, not '{value}'; did you mean {names}?",
    ),
    # cli.py: its own refusals
    "cli.format_mismatch": (
        "--format {given} 与文件“{file}”的扩展名（{implied}）不符；请用与格式相符的扩展名",
        "--format {given} does not match the extension of '{file}' ({implied});"
        " give a file name ending in the format's extension",
    ),
    "cli.format_unknown": (
        "无法从“{file}”的扩展名判断输出格式（可用 {suffixes}，或用 --format 指定）",
        "cannot tell the format of '{file}' from its extension (use {suffixes}, or give --format)",
    ),
    "cli.xlsx_needs_file": (
        "xlsx 是文件格式：请用 -o 文件名.xlsx",
        "xlsx is a file format: give -o FILE.xlsx",
    ),
    "cli.stdout_closed": (
        "标准输出已关闭，无处输出（请用 -o 文件名）",
        "standard output is closed: nowhere to write (give -o FILE)",
    ),
    "cli.stdout_failed": (
        "无法写入标准输出：{reason}",
        "cannot write to standard output: {reason}",
    ),
    "cli.disk_full": ("磁盘已满", "No space left on device"),
    "cli.compare_needs_set": (
        "--compare 需要至少一个 --set 参数=值 作为对照",
        "--compare needs at least one --set PATH=VALUE to compare against",
    ),
    "cli.report_needs_file": (
        "report 需要 -o 文件名（.md、.html 或 .xlsx）",
        "report needs -o FILE (.md, .html or .xlsx)",
    ),
    "cli.report_format_unknown": (
        "无法从“{file}”的扩展名判断报告格式（可用 .md、.html 或 .xlsx，或用 --format 指定）",
        "cannot tell the report format of '{file}' from its extension"
        " (use .md, .html or .xlsx, or give --format)",
    ),
    # check: the data folder in force
    "check.bundled": ("内置数据（{path}）", "bundled data ({path})"),
    # init
    "init.not_empty": (
        "文件夹“{dir}”不是空的：init 只写入新的或空的文件夹，不覆盖已有文件（未写入任何文件）",
        "folder '{dir}' is not empty: init writes only into a new or empty folder and"
        " overwrites nothing (nothing was written)",
    ),
    "init.not_dir": (
        "“{dir}”已存在，且不是文件夹（未写入任何文件）",
        "'{dir}' exists and is not a folder (nothing was written)",
    ),
    "init.failed": (
        "无法在“{dir}”建立数据文件夹：{reason}（未留下任何文件）",
        "cannot set up the data folder '{dir}': {reason} (nothing was left behind)",
    ),
    "init.done": (
        "已建立数据文件夹 {dir}，复制了内置数据的 {count} 个文件：",
        "Set up the data folder {dir} with the {count} bundled data files:",
    ),
    "init.file.pilots.yaml": (
        "试点集团与校区名单、角色、校长属性（方案附件）",
        "the pilot groups and campuses, roles, head titles (the plan's annex)",
    ),
    "init.file.campuses.csv": (
        "各校区每学年的学段、在校生数与班数（示例数字）",
        "each campus's stage, students and classes per school year (example figures)",
    ),
    "init.file.staff.csv": (
        "各校区在编教师与党员人数（示例数字）",
        "each campus's teachers on staff and party members (example figures)",
    ),
    "init.file.campus_scores.csv": (
        "各校区年终考核得分（示例数字）",
        "each campus's year-end score (example figures)",
    ),
    "init.file.group_scores.csv": (
        "各集团党建与综合得分（示例数字）",
        "each group's party-building and comprehensive scores (example figures)",
    ),
    "init.file.post_assessment.csv": ("岗位考核结果", "post assessment results"),
    "init.file.policy.yaml": ("本局对参数的改动", "the bureau's parameter changes"),
    "init.next": ("接下来请修改：", "What to edit next:"),
    "init.next.figures": (
        "1. 把 {files} 中的示例数字换成本局的正式统计；",
        "1. Replace the example figures in {files} with the bureau's official ones.",
    ),
    "init.next.pilots": (
        "2. 在 pilots.yaml 中核对集团与校区，填写 compulsory_schools_total（全区义务教育阶段"
        "学校总数），并从 illustrative 名单中删去已换成正式数字的文件；",
        "2. In pilots.yaml, check the groups and campuses, fill in compulsory_schools_total"
        " (the district's compulsory-stage schools) and remove from the illustrative list"
        " each file whose figures are now official.",
    ),
    "init.next.policy": (
        "3. 本局自定的参数（如 finance.large_expense_threshold）写入该文件夹的 policy.yaml；"
        "groupctl params 列出全部参数、取值与来源；",
        "3. Put the bureau's own parameter values (such as finance.large_expense_threshold)"
        " in a policy.yaml in the folder; groupctl params lists every parameter, its value"
        " and where it comes from.",
    ),
    "init.next.check": (
        "4. 每次修改后运行 groupctl check --data {dir} 检查。",
        "4. After each change, run groupctl check --data {dir}.",
    ),
    "init.use": (
        "使用这些数据：在命令后加 --data，或在 shell 中设置一次 GROUPCTL_DATA：",
        "To use this data, add --data to a command, or set GROUPCTL_DATA once in the shell:",
    ),
    # --help: the frame
    "help.usage": ("用法：", "Usage: "),
    "help.options_word": ("[选项]", "[OPTIONS]"),
    "help.command_word": ("命令", "COMMAND"),
    "help.args_word": ("[参数]", "[ARGS]"),
    "help.arguments": ("参数：", "Arguments:"),
    "help.options": ("选项：", "Options:"),
    "help.commands": ("命令：", "Commands:"),
    "help.examples": ("示例：", "Examples:"),
    "help.required": ("（必填）", " (required)"),
    "help.default": ("（默认：{value}）", " (default: {value})"),
    "help.more": (
        "每个命令的用法：groupctl 命令 --help；--lang en 显示英文帮助",
        "Help on one command: groupctl COMMAND --help; --lang zh shows it in Chinese",
    ),
    # --help: what each command does (one line in the command list, then more in its own help)
    "help.root": (
        "沙坡头区集团化办学：专项经费、职数、审批与考核，每个数字注明方案条款。",
        "Shapotou district education groups: funding, posts, approvals and grades,"
        " each figure traced to its clause of the plan.",
    ),
    "help.groups": (
        "试点集团与校区、角色、校长属性（附件）",
        "the pilot groups, their campuses, roles and head titles",
    ),
    "help.check": (
        "检查所有数据文件，列出错误与警告（文件:行）",
        "check every data file: errors and warnings with file:line",
    ),
    "help.check.more": (
        "也检查参数在数据的每一学年是否彼此一致（权重之和为 1、限额与系数有序）。"
        "有错误时退出码为 1。",
        "Also checks that the policy's values agree with each other in every year of the"
        " data (weights adding up to 1, thresholds and factors in order). Exit 1 on errors.",
    ),
    "help.funding": (
        "各集团该学年的专项经费：基础、增补、合计（六（三））",
        "each group's special funding for the year: base, supplements, total",
    ),
    "help.staffing": (
        "各校区职数、教师编制、两教一保、党组织与班额（六（四）2、3）",
        "each campus's posts, teacher quota, party organisation and class sizes",
    ),
    "help.approve": (
        "一笔支出的审批路径（六（四）1、六（三））",
        "the approval path of one expenditure",
    ),
    "help.approve.more": (
        "专项经费的用途可写全称或唯一的片段（课题）；不在所列事项内时仍给出路径，并提示由"
        "一事一议审定；本局关闭清单（finance.special_fund_purposes_closed=true）时才拒绝，"
        "退出码为 1。",
        "A special-fund purpose matches by name or unique fragment; one outside the plan's"
        " open list still gets its path with a warning, and is refused (exit 1) only when"
        " the bureau closes the list (finance.special_fund_purposes_closed=true).",
    ),
    "help.procedure": (
        "固定程序的步骤：预决算、命名、干部任命、教师调配",
        "a fixed procedure's ordered steps: budgets, naming, appointments, teachers",
    ),
    "help.assess": (
        "集团与学校双线考核：总分与等次（六（五））",
        "group and campus scores and grades",
    ),
    "help.allowance": (
        "校（园）长津贴：基础津贴逐月，效能津贴按集团等次（六（四）4）",
        "each head's base allowance by month and efficiency allowance by grade",
    ),
    "help.params": (
        "各参数的取值、来源与依据",
        "every parameter in force, where it comes from",
    ),
    "help.coverage": (
        "义务教育阶段学校集团化办学覆盖率与目标（七（三））",
        "compulsory-stage coverage against the 2025 target",
    ),
    "help.timeline": (
        "实施步骤与例行事项（七）",
        "the plan's phases, milestones and recurring duties",
    ),
    "help.clauses": (
        "方案条款、实现它的命令与参数",
        "the plan's clauses, their commands and parameters",
    ),
    "help.report": (
        "全年报告：经费、职数、考核、津贴、覆盖率、参数",
        "the year's whole report: funding, posts, grades, allowances, coverage",
    ),
    "help.init": (
        "把内置数据复制到新的或空的文件夹，作为本局正式数据的起点",
        "copy the bundled data into a new or empty folder, to start the bureau's own",
    ),
    # --help: options and arguments (help.opt.NAME; help.COMMAND.NAME where one differs)
    "help.opt.data": (
        "数据文件夹（默认：环境变量 GROUPCTL_DATA，其次 ./data，最后内置数据）",
        "the data folder (default: $GROUPCTL_DATA, else ./data, else the bundled data)",
    ),
    "help.opt.fmt": (
        "输出格式：table 表格、csv、json、markdown（md）、xlsx；默认表格，或按 -o 文件的扩展名",
        "output format: table, csv, json, markdown (md) or xlsx; default table, or from"
        " the -o file's extension",
    ),
    "help.opt.output": (
        "写入文件（.csv .json .md .xlsx .txt），而不是屏幕",
        "write to FILE (.csv .json .md .xlsx .txt) instead of the screen",
    ),
    "help.opt.lang": (
        "语言：zh 中文（默认）或 en 英文；也可写在命令之前",
        "language: zh Chinese (default) or en English; may also come before the command",
    ),
    "help.opt.explain": (
        "列出每个数字的计算过程与所依条款",
        "show each figure's derivation and its clause",
    ),
    "help.opt.sets": (
        "只在本次运行中修改一个参数，可重复（参数见 groupctl params）",
        "override a policy parameter for this run; repeatable (see groupctl params)",
    ),
    "help.opt.compare": (
        "与 --set 合用：改动前后的数字与差额并列",
        "with --set: the figures without and with the change, and the differences",
    ),
    "help.opt.help": ("显示本帮助并退出", "show this help and exit"),
    "help.opt.version": ("显示版本并退出", "show the version and exit"),
    "help.opt.install_completion": (
        "为当前 shell（bash 或 zsh）安装命令补全（按 Tab 补全命令与选项）",
        "install tab completion of commands and options for the current shell (bash or zsh)",
    ),
    "help.opt.show_completion": (
        "显示当前 shell 的补全脚本，以便复制或自行安装",
        "print the completion script for the current shell, to copy or install it yourself",
    ),
    "help.arg.year": (
        "学年，按起始年份：2023 即 2023–2024 学年",
        "school year by its first calendar year: 2023 is 2023-2024",
    ),
    "help.approve.amount": (
        "金额：45000、45,000、45000.50、4.5万、￥45000、45000元",
        "the sum: 45000, 45,000, 45000.50, 4.5万, ￥45000, 45000元",
    ),
    "help.approve.campus": (
        "校区：代码、名称、学校名，或名称中唯一的一段（镇罗）",
        "campus: id, name, school, or a unique part of a name (镇罗)",
    ),
    "help.approve.fund": (
        "由哪笔钱支付：school 学校资金（默认）或 special 集团专项经费",
        "which money pays: school (the campus's own, default) or special (the group fund)",
    ),
    "help.approve.purpose": (
        "专项经费的用途：名称或其中唯一的一段（课题）",
        "what the special fund pays for: a name or a unique part of one (课题)",
    ),
    "help.approve.year": (
        "按哪一学年的限额审批（默认：当前学年）",
        "the school year whose thresholds apply (default: the current one)",
    ),
    "help.procedure.name": (
        "程序：budget（预算）、final-accounts（决算）、naming（命名）、leader-appointment"
        "（校长任命）、middle-appointment（中层任命）、teacher-plan（教师调配）；省略则列出全部",
        "the procedure: budget, final-accounts, naming, leader-appointment,"
        " middle-appointment, teacher-plan (or its Chinese name); omit to list them",
    ),
    "help.params.path": (
        "参数路径或其开头（funding、teachers.student_ratio）；完整路径另列历次取值",
        "a parameter path or the start of paths; a full path also shows its dated values",
    ),
    "help.params.year": ("学年（默认：当前学年）", "school year (default: the current one)"),
    "help.timeline.on": (
        "日期（2023-08-01、2023/8/1 或 2023年8月1日）：当天所处阶段与当月应办事项",
        "a date (2023-08-01): the phases in force and the duties due that month",
    ),
    "help.report.fmt": (
        "报告格式：markdown（md）、html 或 xlsx；默认按 -o 文件的扩展名",
        "report format: markdown (md), html or xlsx; default from the -o extension",
    ),
    "help.report.output": (
        "报告文件：.md、.html 或 .xlsx（必填）",
        "the report file: .md, .html or .xlsx (required)",
    ),
    "help.init.directory": ("新的或空的文件夹", "a new or empty folder"),
    # --help: examples, a comment line above each
    "help.ex.funding": ("各集团 2023–2024 学年的专项经费", "each group's funding for 2023-2024"),
    "help.ex.approve": ("镇罗校区一笔 4.5 万元的支出由谁审批", "who signs off 45,000 yuan at 镇罗"),
    "help.ex.root_lang": (
        "英文输出（--lang 也可写在命令之后）",
        "in English (--lang may also follow the command)",
    ),
    "help.ex.root_init": ("为本局的正式数据建一个文件夹", "a folder for the bureau's own figures"),
    "help.ex.groups": ("五个集团、21 个校区及其代码", "the five groups and 21 campuses, with ids"),
    "help.ex.groups_en": ("英文名单", "the list in English"),
    "help.ex.check": ("检查当前使用的数据", "check the data in force"),
    "help.ex.check_data": ("检查另一个数据文件夹", "check another data folder"),
    "help.ex.explain": ("附每个数字的计算过程与条款", "with each figure's derivation and clause"),
    "help.ex.json": ("给脚本用：JSON，英文键名", "for scripts: JSON with English keys"),
    "help.ex.xlsx": ("存为 Excel 工作簿", "save as an Excel workbook"),
    "help.ex.csv": ("存为 CSV 文件，可用 Excel 打开", "save as a CSV file for Excel"),
    "help.ex.what_if": (
        "假如基础经费改为 12 万元：改动前后并列",
        "what if the base were 120,000: before and after",
    ),
    "help.ex.special": (
        "用集团专项经费支付社团活动，附计算过程",
        "the group fund pays for clubs, with the derivation",
    ),
    "help.ex.procedures": ("列出全部固定程序", "list every fixed procedure"),
    "help.ex.budget": ("预算程序的步骤（英文名称或中文名称均可）", "the budget procedure's steps"),
    "help.ex.params": ("全部参数及其来源", "every parameter and where it comes from"),
    "help.ex.params_prefix": ("经费相关的参数", "the funding parameters"),
    "help.ex.params_one": (
        "一个参数：两种读法与历次取值",
        "one parameter: both readings, its history",
    ),
    "help.ex.allowance_set": (
        "假如牵头校校长的年标准改为 15,000 元",
        "what if a lead head's standard were 15,000",
    ),
    "help.ex.timeline": ("全部阶段与例行事项", "every phase and recurring duty"),
    "help.ex.timeline_on": (
        "某一天所处阶段与当月应办事项",
        "the phase on a day and the duties that month",
    ),
    "help.ex.report_html": ("可直接打开、打印的 HTML 报告", "an HTML report to open and print"),
    "help.ex.report_md": (
        "Markdown 报告，可贴进文档",
        "a Markdown report to paste into a document",
    ),
    "help.ex.init": ("复制内置数据到新文件夹", "copy the bundled data into a new folder"),
    "help.ex.init_check": ("改完后检查", "check it after editing"),
}
