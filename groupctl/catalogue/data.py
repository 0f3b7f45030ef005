"""Catalogue part: data messages (Chinese, English).  See ``groupctl.catalogue``.

Numbers as typed (``number.``), files on disk (``file.``), CSV files as tables (``csv.``)
and what the data files say (``data.``).  A value quoted from a file is filled in bare
(``numbers.bare``): the text puts the quotes each language writes around it (“12a”,
'12a').  A column is named as the file's header row writes it (students, 在校生数),
for that is the name the clerk sees and edits.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ numbers.py
    "number.school_year": (
        "学年应写作 2023 这样的年份（也可写 2023-2024），而不是{value}",
        "year must be a school year like 2023, got {value}",
    ),
    "number.amount.not_money": (
        "{value}不是金额（可写作 45000、45,000.50、4.5万、￥45000）",
        "{value} is not a sum of money (write e.g. 45000, 45,000.50, 4.5万, ￥45000)",
    ),
    "number.amount.decimals": (
        "{value}的小数超过两位（金额只到分）",
        "{value} has more than two decimals of yuan (fen)",
    ),
    "number.amount.too_large": (
        "{value}太大，不可能是一笔支出",
        "{value} is too large to be an expenditure",
    ),
    "number.amount.not_positive": (
        "{value}不是大于 0 的金额",
        "{value} is not a positive sum of money",
    ),
    "number.score.not_number": (
        "{column}应为 0 至 100 之间的分数，而不是{value}",
        "{column} must be a number from 0 to 100, got {value}",
    ),
    "number.score.decimals": (
        "{column}最多两位小数，而不是{value}",
        "{column} has more than two decimals, got {value}",
    ),
    "number.score.too_large": (
        "{column}应在 0 至 100 之间，而不是{value}",
        "{column} must be from 0 to 100, got {value}",
    ),
    # a value quoted from a file or the command line (numbers.quoted)
    "value.text": ("“{text}”", "'{text}'"),
    "value.other": ("“{text}”", "{text}"),
    # a column at the start of a sentence: a Latin name is set off by a space in Chinese
    "csv.column": ("{name}", "{name}"),
    "csv.column.latin": ("{name} ", "{name}"),
    # ------------------------------------------------------------ files (csvio.py, output/files.py)
    "file.link_loop": (
        "是指向自身的符号链接（链接绕成了环），不是文件",
        "is a symbolic link that leads back to itself (a loop), not a file",
    ),
    "file.link_missing": (
        "是指向“{target}”的符号链接，而该文件不存在",
        "is a symbolic link to '{target}', which does not exist",
    ),
    "file.link_missing.unknown": (
        "是符号链接，但它指向的文件不存在",
        "is a symbolic link to a file that does not exist",
    ),
    "file.folder": ("是文件夹，不是文件", "is a folder, not a file"),
    "file.not_regular": (
        "不是普通文件（是设备、管道或套接字）",
        "is not a regular file (a device, pipe or socket)",
    ),
    "file.unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    # why the system could not read or write a file
    "file.os.EACCES": ("没有权限", "permission denied"),
    "file.os.ENOENT": ("文件或文件夹不存在", "no such file or folder"),
    "file.os.EIO": ("读写出错（磁盘或网络故障）", "input/output error (a disk or network fault)"),
    "file.os.ENOSPC": ("磁盘空间已满", "no space left on the disk"),
    "file.os.EROFS": ("磁盘只读，不能写入", "read-only file system"),
    "file.os.ENAMETOOLONG": ("名称太长", "its name is too long"),
    "file.os.ELOOP": ("符号链接绕成了环", "a symbolic link loop"),
    "file.os.ENOTDIR": ("路径中有一段不是文件夹", "a part of the path is not a folder"),
    "file.os.EISDIR": ("这是文件夹", "it is a folder"),
    "file.os.EMFILE": ("同时打开的文件太多", "too many open files"),
    # writing an output (-o FILE)
    "file.write.over_data": (
        "不能把输出写到数据文件“{file}”上（会覆盖数据）：请另选文件名",
        "refusing to write output over the data file '{file}'",
    ),
    "file.write.not_regular": (
        "输出“{file}”不是普通文件（是文件夹或设备）",
        "output '{file}' is not a regular file (a directory or a device)",
    ),
    "file.write.no_folder": (
        "输出文件夹“{folder}”不存在",
        "output folder '{folder}' does not exist",
    ),
    "file.write.failed": ("无法写入“{file}”：{reason}", "cannot write '{file}': {reason}"),
    # ------------------------------------------------------------ csvio.py
    "csv.too_large": (
        "文件有 {size} 字节，超过数据文件的上限 {limit} MB（真实的数据文件只有几 KB）：是否选错了文件？",
        "is {size} bytes, more than the {limit} MB a data file may have"
        " (a real one is a few KB): is this the right file?",
    ),
    "csv.utf16": (
        "是 UTF-16 文本（Excel 的“Unicode 文本”）：请改存为“CSV UTF-8”",
        "is UTF-16 text (Excel's 'Unicode text'): save it as 'CSV UTF-8' instead",
    ),
    "csv.not_text": (
        "既不是 UTF-8 也不是 GB18030 文本：请把文件另存为“CSV UTF-8”",
        "is neither UTF-8 nor GB18030 text: save the file as 'CSV UTF-8'",
    ),
    "csv.mixed": (
        "文件混用了两种编码（第 {line} 行不是 UTF-8，第 {gb_line} 行不是 GB18030），"
        "或者根本不是文本：请另存为“CSV UTF-8”",
        "the file mixes two encodings (line {line} is not UTF-8, line {gb_line} is not"
        " GB18030) or is no text at all: save it as 'CSV UTF-8'",
    ),
    "csv.line_too_long": (
        '这一行超过 {limit} 个字符，不是数据行（是否有引号 " 没有配对，或者这不是 CSV 文件？）',
        "the line is longer than {limit} characters: not a data row"
        ' (is a quote (") not closed, or is this not a CSV file?)',
    ),
    "csv.nul": (
        "这一行有空字符（NUL）：这不是文本格式的 CSV 文件（请把表格另存为“CSV UTF-8”）",
        "a NUL character in the line: this is not a text CSV file (save the sheet as 'CSV UTF-8')",
    ),
    "csv.bom": (
        "文件中间有字节顺序标记（U+FEFF）：是否把两个文件拼在了一起？（请删去它，以及多出的标题行）",
        "a byte-order mark (U+FEFF) inside the file: were two files joined?"
        " (remove it, and any second header row)",
    ),
    "csv.cell_too_long": (
        '有单元格超过 {limit} 个字符（是否有引号 " 没有配对？）',
        'a cell is longer than {limit} characters (is a quote (") not closed?)',
    ),
    "csv.not_a_row": ("这一行不是有效的 CSV 行（{reason}）", "not a CSV row: {reason}"),
    "csv.empty": ("空文件：没有标题行", "empty file: no header row"),
    "csv.unknown_column": ("不认识的列“{column}”，已忽略", "unknown column '{column}' is ignored"),
    "csv.column_twice": ("列 {column} 出现了两次", "column '{column}' appears twice"),
    "csv.column_twice.alias": (
        "列“{again}”与列“{first}”是同一列，出现了两次",
        "column '{again}' is column '{first}' again",
    ),
    "csv.missing_columns": ("缺少列：{columns}", "missing column(s): {columns}"),
    "csv.too_blank": (
        "空行超过 {limit} 行：这不是数据文件（其后 {left} 行未读）",
        "more than {limit} blank lines: this is no data file"
        " (the {left} lines after this one were not read)",
    ),
    "csv.too_blank.no_header": (
        "空行超过 {limit} 行，且没有标题行：这不是数据文件（其后 {left} 行未读）",
        "more than {limit} blank lines and no header row: this is no data file"
        " (the {left} lines after this one were not read)",
    ),
    "csv.runs_on": (
        '有引号（"）没有配对：这一行一直延续到第 {line} 行',
        'a quote (") is not closed: the row runs on to line {line}',
    ),
    "csv.too_many_fields": (
        "这一行有 {count} 项，而标题行只有 {width} 列",
        "{count} fields, but the header has {width}",
    ),
    # ------------------------------------------------------------ loaders.py: the data folder
    "data.dir.missing": (
        "数据文件夹“{directory}”（来自 {how}）不存在",
        "data directory '{directory}' (from {how}) does not exist",
    ),
    "data.dir.not_dir": (
        "数据文件夹“{directory}”（来自 {how}）不是文件夹",
        "data directory '{directory}' (from {how}) is not a directory",
    ),
    "data.dir.no_pilots": (
        "数据文件夹“{directory}”（来自 {how}）中没有 {file}",
        "data directory '{directory}' (from {how}) has no {file}",
    ),
    "data.dir.unreadable": (
        "数据文件夹“{directory}”（来自 {how}）：{reason}",
        "data directory '{directory}' (from {how}): {reason}",
    ),
    "data.file.missing": (
        "缺少文件：数据文件夹中必须有 {file}",
        "missing: the data directory needs {file}",
    ),
    "data.file.needed": (
        "缺少文件：groupctl {command} 需要数据文件夹（{directory}）中有这个文件",
        "missing: 'groupctl {command}' needs this file in the data directory ({directory})",
    ),
    "data.illustrative.key": (
        "{key} 是示例数字，不是正式统计",
        "{key} is an illustrative example, not an official count",
    ),
    "data.illustrative.file": (
        "其中的数字是示例，不是正式统计",
        "its figures are illustrative examples, not official counts",
    ),
    # ------------------------------------------------------------ pilots.yaml
    "data.pilots.not_mapping": (
        "文件应为含 district 与 groups 两项的映射",
        "must be a mapping with 'district' and 'groups'",
    ),
    "data.pilots.schools_total": (
        "compulsory_schools_total 应为 1 至 1,000,000 的整数，而不是{value}",
        "'compulsory_schools_total' must be a whole number from 1 to 1,000,000, got {value}",
    ),
    "data.pilots.illustrative": (
        "illustrative 应为文件名列表",
        "'illustrative' must be a list of file names",
    ),
    "data.pilots.groups": ("groups 应为非空列表", "'groups' must be a non-empty list"),
    "data.key.missing": ("缺少 {key}", "missing '{key}'"),
    "data.key.not_text": (
        "{key} 应为非空文字，而不是{value}",
        "'{key}' must be non-empty text, got {value}",
    ),
    "data.key.too_long": (
        "{key} 至多 {limit} 个字符，而不是{value}",
        "'{key}' must be at most {limit} characters, got {value}",
    ),
    "data.key.control": (
        "{key} 不能含控制字符或格式字符 {code}，而不是{value}",
        "'{key}' must not contain the control or formatting character {code}, got {value}",
    ),
    "data.key.year": (
        "{key} 应为 2023 这样的学年，而不是{value}",
        "'{key}' must be a school year like 2023, got {value}",
    ),
    "data.key.unknown.file": (
        "文件顶层有不认识的项“{key}”（可用的项：{known}）",
        "unknown key '{key}' in the file (known: {known})",
    ),
    "data.key.unknown.group": (
        "集团中有不认识的项“{key}”（可用的项：{known}）",
        "unknown key '{key}' in a group (known: {known})",
    ),
    "data.key.unknown.campus": (
        "校区中有不认识的项“{key}”（可用的项：{known}）",
        "unknown key '{key}' in a campus (known: {known})",
    ),
    "data.duplicate.id": ("代码{value}重复", "duplicate id {value}"),
    "data.duplicate.id.at": (
        "代码{value}重复（第一次出现在第 {first} 行）",
        "duplicate id {value} (first at line {first})",
    ),
    "data.duplicate.name": ("名称{value}重复", "duplicate name {value}"),
    "data.duplicate.name.at": (
        "名称{value}重复（第一次出现在第 {first} 行）",
        "duplicate name {value} (first at line {first})",
    ),
    "data.id.characters": (
        "代码{value}只能用 a-z、0-9 和 -",
        "id {value} must use only a-z, 0-9 and '-'",
    ),
    "data.id.too_long": (
        "代码{value}超过 {limit} 个字符",
        "id {value} is longer than {limit} characters",
    ),
    "data.group.not_mapping": ("每个集团应为一个映射", "each group must be a mapping"),
    "data.group.type": (
        "集团类型（type）应为 {known} 之一，而不是{value}",
        "group type must be one of {known}, got {value}",
    ),
    "data.group.campuses": ("campuses 应为非空列表", "'campuses' must be a non-empty list"),
    "data.group.no_lead": (
        "集团 {group} 没有牵头校区（role: lead）；每个集团须有且只有一个",
        "group '{group}' has no lead campus (role: lead); it needs exactly one",
    ),
    "data.group.second_lead": (
        "集团 {group} 有第二个牵头校区 {campus}；每个集团须有且只有一个",
        "group '{group}' has a second lead campus '{campus}'; it needs exactly one",
    ),
    "data.campus.not_mapping": ("每个校区应为一个映射", "each campus must be a mapping"),
    "data.campus.role": (
        "角色（role）应为 {known} 之一，而不是{value}",
        "role must be one of {known}, got {value}",
    ),
    "data.campus.head": (
        "校（园）长职务（head）应为 {known} 之一，而不是{value}",
        "head title must be one of {known}, got {value}",
    ),
    "data.campus.until_before_from": (
        "until（{until}）早于 from（{start}）",
        "'until' {until} is before 'from' {start}",
    ),
    "data.campus.aliases": ("aliases 应为名称列表", "'aliases' must be a list of names"),
    "data.campus.shared_name": (
        "校区 {campus} 与校区 {other} 同名“{name}”",
        "campus '{campus}' shares the name '{name}' with campus '{other}'",
    ),
    "data.campus.shared_name.at": (
        "校区 {campus} 与校区 {other}（第 {line} 行）同名“{name}”",
        "campus '{campus}' shares the name '{name}' with campus '{other}' (line {line})",
    ),
    "data.campus.head_role": (
        "校区 {campus} 是{role}校区，但其负责人是{head}",
        "campus '{campus}' is a {role} campus but its head is {head}",
    ),
    "data.campus.head_kind.school": (
        "校区 {campus}（{name}）是中小学，但负责人职务是{head}（应为{expected}）",
        "campus '{campus}' ({name}) is a school but its head title is {head}"
        " ({expected} would be expected)",
    ),
    "data.campus.head_kind.kindergarten": (
        "校区 {campus}（{name}）是幼儿园，但负责人职务是{head}（应为{expected}）",
        "campus '{campus}' ({name}) is a kindergarten but its head title is {head}"
        " ({expected} would be expected)",
    ),
    "data.campus.outside_lead": (
        "校区 {campus} 有的年度在集团 {group} 中，而其牵头校区 {lead} 那年不在"
        "（牵头校区的 from/until 限定了每个成员校区的年度）",
        "campus '{campus}' can be in group '{group}' in a year its lead '{lead}' is not"
        " ('from'/'until' of the lead bound every member's)",
    ),
    # ------------------------------------------------------------ the CSV data files
    "data.year": (
        "{column}应为 2023 这样的学年，而不是{value}",
        "{column} must be a school year like 2023, got {value}",
    ),
    "data.then_suggest": ("。{suggestion}", "; {suggestion}"),
    "data.campus.unknown": (
        "不认识的校区{value}（{file} 中没有）{suggestion}",
        "unknown campus {value} (not in {file}){suggestion}",
    ),
    "data.group.unknown": (
        "不认识的集团{value}（{file} 中没有）",
        "unknown group {value} (not in {file})",
    ),
    "data.count": (
        "{column}应为不小于 0 的整数，而不是{value}",
        "{column} must be a whole number ≥ 0, got {value}",
    ),
    "data.count.too_large": (
        "{column}至多为 {limit}（没有哪个校区会更多），而不是{value}",
        "{column} must be at most {limit} (no campus has more), got {value}",
    ),
    "data.stage": (
        "{column}应为 {names} 之一（或 {codes}），而不是{value}",
        "{column} must be one of {codes} (or {names}), got {value}",
    ),
    "data.no_classes": (
        "{students_column}为 {students}，{classes_column}却为 0",
        "{students} {students_column} in 0 {classes_column}",
    ),
    "data.month": (
        "{column}应为 1 至 {last} 的整数，而不是{value}",
        "{column} must be a whole number from 1 to {last}, got {value}",
    ),
    "data.post_result": (
        "{column}应为 {names} 之一（或 {codes}），而不是{value}",
        "{column} must be one of {names} ({codes}), got {value}",
    ),
    "data.decided_grade": (
        "{column}应为 {names} 之一（或 {codes}），或者留空，而不是{value}",
        "{column} must be one of {names} ({codes}) or empty, got {value}",
    ),
    "data.duplicate.row": (
        "重复：{what}已有一行（第 {first} 行）",
        "duplicate {what} (first at line {first})",
    ),
    "data.row.enrollment": (
        "{year} 学年 {campus} 的{stage}",
        "row for {year} {campus} {stage}",
    ),
    "data.row.staff": ("{year} 学年 {campus} ", "row for {year} {campus}"),
    "data.row.campus_score": ("{year} 学年 {campus} 的得分", "score for {year} {campus}"),
    "data.row.group_score": ("{year} 学年 {group} 的得分", "scores for {year} {group}"),
    "data.row.post_result": (
        "{year} 学年 {campus} {month} 月的考核结果",
        "result for {year} {campus} month {month}",
    ),
    "data.campus.not_in_group": (
        "校区 {campus} 在 {year} 学年不在其集团中",
        "campus '{campus}' is not in its group in {year}",
    ),
    "data.group.not_running": (
        "集团 {group} 在 {year} 学年未开展试点",
        "group '{group}' is not running in {year}",
    ),
    "data.score.missing_campus": (
        "没有校区 {campus}（{name}）{year} 学年的得分",
        "no score for {year} for campus {campus} ({name})",
    ),
    "data.score.missing_group": (
        "没有集团 {group}（{name}）{year} 学年的得分",
        "no scores for {year} for group {group} ({name})",
    ),
    "data.staff.missing": (
        "没有校区 {campus}（{name}）{year} 学年的一行；groupctl staffing {year} 需要它",
        "no row for {year} for campus {campus} ({name}); 'groupctl staffing {year}' needs one",
    ),
}
