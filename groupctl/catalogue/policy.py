"""Catalogue part: policy messages (Chinese, English).  See ``groupctl.catalogue``.

A message about one parameter's value starts with ``{path}``: the parameter's path
(funding.base_per_group), or ``--set PATH`` when the value came from the command line.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ a parameter and its values
    "policy.unknown": (
        "没有参数“{path}”（参数见 groupctl params）",
        "unknown parameter '{path}' (see 'groupctl params')",
    ),
    "policy.unknown.suggest": (
        "没有参数“{path}”。您是否要找：{close}",
        "unknown parameter '{path}'; did you mean {close}?",
    ),
    "policy.set.syntax": (
        "--set 应写作 参数路径=值（PATH=VALUE），而不是{value}",
        "--set needs PATH=VALUE, got {value}",
    ),
    "policy.value.not_text": (
        "{path}：含有不是文字的字符（{code}）",
        "{path}: contains a character that is not text ({code})",
    ),
    "policy.value.expected": (
        "{path}：应为{hint}，而不是{value}",
        "{path}: expected {hint}, got {value}",
    ),
    "policy.value.expected_or_null": (
        "{path}：应为{hint}或 null，而不是{value}",
        "{path}: expected {hint} or null, got {value}",
    ),
    "policy.hint.integer": ("不小于 0 的整数", "a whole number ≥ 0"),
    "policy.hint.decimal": ("不小于 0 的数", "a number ≥ 0"),
    "policy.hint.boolean": ("是或否（true 或 false）", "true or false"),
    "policy.hint.texts": ("名称列表", "a list of names"),
    "policy.hint.bands": (
        "形如 {example} 的分档（“下限:数值”，最低一档下限为 0）",
        "bands like {example} (lowest minimum 0)",
    ),
    "policy.hint.choice": ("以下之一：{choices}", "one of {choices}"),
    "policy.what.value": ("取值", "the value"),
    "policy.what.band_min": ("分档下限", "band minimums"),
    "policy.what.band_value": ("分档数值", "band values"),
    "policy.value.too_large": (
        "{path}：{what}应小于 10^{digits}（至多 {digits} 位数字），而不是{value}",
        "{path}: {what} must be below 10^{digits} (at most {digits} digits), got {value}",
    ),
    "policy.value.too_small": (
        "{path}：{what}应为 0 或不小于 10^-{digits}，而不是{value}",
        "{path}: {what} must be 0 or at least 10^-{digits}, got {value}",
    ),
    "policy.value.rate": (
        "{path}：应为 {low} 至 {high} 之间的比率，而不是{value}",
        "{path}: must be a rate from {low} to {high}, got {value}",
    ),
    "policy.value.year": (
        "{path}：应为 {low} 至 {high} 之间的年份，而不是{value}",
        "{path}: must be a year from {low} to {high}, got {value}",
    ),
    "policy.value.declared_range": (
        "{path}：{what}应在 {low} 至 {high} 之间，而不是{value}",
        "{path}: {what} must be from {low} to {high}, got {value}",
    ),
    "policy.value.declared_range.unit": (
        "{path}：{what}应在 {low} 至 {high} {unit}之间，而不是{value}",
        "{path}: {what} must be from {low} to {high} ({unit}), got {value}",
    ),
    "policy.value.name_too_long": (
        "{path}：每个名称至多 {limit} 个字符，而不是{value}",
        "{path}: each name must be at most {limit} characters, got {value}",
    ),
    "policy.value.band_name_too_long": (
        "{path}：分档名称至多 {limit} 个字符，而不是{value}",
        "{path}: band names must be at most {limit} characters, got {value}",
    ),
    "policy.value.band_not_number": (
        "{path}：分档数值应为数，而不是{value}",
        "{path}: band values must be numbers, got {value}",
    ),
    "policy.value.band_negative": (
        "{path}：分档数值不能小于 0，而不是{value}",
        "{path}: band values must be ≥ 0, got {value}",
    ),
    "policy.band_not_whole": (
        "{path}：分档数值应为整数，而不是{value}（{set_by}）",
        "{path}: band values must be whole numbers, got {value} ({set_by})",
    ),
    "policy.bundled": ("内置值", "bundled"),
    # a parameter without a value (a class ratio the bureau has not set), as output shows it
    "policy.unset": ("未设定", "not set"),
    "policy.changed": ("（已改动：{items}）", " (changed: {items})"),
    # ------------------------------------------------------------ dates and school years
    "policy.no_value": (
        "{path} 没有 {school_year} 学年的取值：它最早的取值适用于 {first} 学年",
        "{path} has no value for school year {school_year}: its first value is for {first}",
    ),
    "policy.no_figures.plan": (
        "{school_year} 学年没有数字：方案的数字从 {first_year} 学年开始"
        "（这是本工具的解读：试点于 {first} 年 5 月开始，经费按学年计）",
        "no figures for school year {school_year}: the plan's figures start with the"
        " {first_year} school year (a reading: the pilot began in May {first} and its"
        " funding is per school year)",
    ),
    "policy.no_figures": (
        "{school_year} 学年没有数字：参数的取值从 {first_year} 学年开始",
        "no figures for school year {school_year}: the policy's figures start with the"
        " {first_year} school year",
    ),
    # ------------------------------------------------------------ a data folder's policy.yaml
    "policy.not_mapping": (
        "文件应为“参数路径: 取值”的映射",
        "must be a mapping of parameter paths",
    ),
    "policy.values.not_mapping": (
        "{path}：values 应为“日期: 取值”的映射",
        "{path}: 'values' must map dates to values",
    ),
    "policy.values.date": (
        "{path}：{value}不是 2023-04-01 这样的日期（年份在 {first} 至 {last} 之间）",
        "{path}: {value} is not a date like 2023-04-01 (years {first} to {last})",
    ),
    "policy.overlay.fixed": (
        "{path}：数据文件夹的 policy.yaml 只能改 values 和 description，不能改 {fields}"
        "（属于内置定义）",
        "{path}: a data folder's policy.yaml sets only values and description,"
        " not {fields} (part of the bundled definition)",
    ),
    "policy.overlay.unknown.suggest": (
        "{path}：不认识的字段 {field}。您是否要找：{close}",
        "{path}: unknown field '{field}'; did you mean {close}?",
    ),
    "policy.overlay.unknown": (
        "{path}：不认识的字段 {fields}（参数下只能写 values 和 description）",
        "{path}: unknown field(s) {fields} (a parameter takes only values and description)",
    ),
    "policy.overlay.empty": (
        "{path}：应写取值，或写 values（各日期的取值）",
        "{path}: give a value, or 'values' (a value for each date)",
    ),
    "policy.overlay.description": (
        "{path}：description 应为文字（或写作 {{zh: 中文, en: 英文}}），而不是{value}",
        "{path}: 'description' must be text (or {{zh: Chinese, en: English}}), got {value}",
    ),
    "policy.overlay.description.languages": (
        "{path}：description 写作 {{zh: 中文, en: 英文}}：须有 zh，en 可省略，不能有别的字段，"
        "各项应为文字",
        "{path}: 'description' as {{zh: Chinese, en: English}} needs zh, may leave out en,"
        " takes nothing else, and each is text",
    ),
    # ------------------------------------------------------------ the bundled definitions
    "policy.def.not_mapping": (
        "{path}：参数须有 description、unit、type、origin、clause、values",
        "{path}: a parameter needs description, unit, type, origin, clause, values",
    ),
    "policy.def.unknown": ("{path}：不认识的字段 {fields}", "{path}: unknown field(s) {fields}"),
    "policy.def.languages": (
        "{path}：{field} 须同时有中文和英文，写作 {{zh: 中文, en: 英文}}",
        "{path}: '{field}' needs both languages, as {{zh: Chinese, en: English}}",
    ),
    "policy.def.type": ("{path}：type 应为 {known} 之一", "{path}: type must be one of {known}"),
    "policy.def.origin": (
        "{path}：origin 应为 {known} 之一",
        "{path}: origin must be one of {known}",
    ),
    "policy.def.not_text": ("{path}：{field} 应为文字", "{path}: '{field}' must be text"),
    "policy.def.reference": (
        "{path}：国家规定（national）的参数须在 reference 中写明文件",
        "{path}: a national parameter names its document in 'reference'",
    ),
    "policy.def.interpretation": (
        "{path}：解读性参数（interpretation）须在 note 中写另一种读法，在 alternative 中写其取值",
        "{path}: an interpretation gives the other reading in 'note' and its value"
        " in 'alternative'",
    ),
    "policy.def.choices": (
        "{path}：选择型参数须列出 choices",
        "{path}: a choice parameter lists its 'choices'",
    ),
    "policy.def.range": (
        "{path}：range 应写作 [下限, 上限]",
        "{path}: 'range' must be [low, high]",
    ),
    "policy.def.alternative": (
        "{path}：alternative 应为该参数可取的值",
        "{path}: 'alternative' must be a value of the parameter",
    ),
}
