"""Catalogue part: yamlio messages (Chinese, English).  See ``groupctl.catalogue``."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # what a YAML data file may not hold
    "yamlio.aliases": (
        "数据文件中不能使用 YAML 锚点和别名（&名称、*名称）",
        "YAML anchors and aliases (&name, *name) are not allowed in data files",
    ),
    "yamlio.tags": (
        "数据文件中不能使用 YAML 标签（!!binary、!名称 等），此处为 {tag}",
        "YAML tags (!!binary, !name …) are not allowed in data files, got {tag}",
    ),
    "yamlio.depth": (
        "嵌套超过 {depth} 层；数据文件只需几层",
        "nested more than {depth} levels deep; a data file needs a few",
    ),
    "yamlio.nodes": (
        "含有超过 {count} 个值；数据文件不需要这么多",
        "holds more than {count} values; no data file needs that many",
    ),
    "yamlio.character": (
        "含有 YAML 不允许的字符（U+{code}）",
        "contains a character YAML does not allow (U+{code})",
    ),
    "yamlio.not_utf8": ("不是 UTF-8 编码的文本", "not UTF-8 text"),
    # {problem} is the YAML library's own description, in English
    "yamlio.invalid": ("YAML 格式有误：{problem}", "invalid YAML: {problem}"),
    "yamlio.invalid.plain": ("YAML 格式有误", "invalid YAML"),
    "yamlio.invalid.complex_key": (
        "YAML 格式有误：键不能是列表或映射",
        "invalid YAML: a key that is a list or a mapping",
    ),
    # the file itself
    "yamlio.file.missing": ("不存在", "does not exist"),
    "yamlio.file.dangling_link": (
        "是指向不存在文件的符号链接",
        "is a symbolic link to a file that does not exist",
    ),
    "yamlio.file.link_loop": (
        "是无法打开的符号链接（可能循环指向自身）",
        "is a symbolic link that cannot be followed (a loop?)",
    ),
    "yamlio.file.unreadable": ("无法读取：{reason}", "cannot read: {reason}"),
    "yamlio.file.directory": ("是文件夹，不是文件", "is a directory, not a file"),
    "yamlio.file.not_regular": ("不是普通文件", "is not a regular file"),
    "yamlio.file.too_large": (
        "文件过大：{size} 字节，最多 {limit} 字节",
        "is too large: {size} bytes, at most {limit}",
    ),
    "yamlio.file.grew": (
        "文件过大：超过 {limit} 字节",
        "is too large: more than {limit} bytes",
    ),
    # a large pilots.yaml (over 128 KB) is read by the fast reader only, which takes plain
    # YAML: what only the library's own reader takes is refused there, with its line
    "yamlio.what.tag": (
        "超过 128 KB 的文件中不能使用 YAML 标签 {tag}",
        "YAML tag {tag} is not read in a file over 128 KB",
    ),
    "yamlio.what.merge": (
        "超过 128 KB 的文件中不能使用合并键（<<）或值键（=），请把各个键直接写出",
        "a merge key (<<) or value key (=) is not read in a file over 128 KB; write the keys out",
    ),
    "yamlio.what.complex_key": (
        "键不能是列表或映射",
        "a key cannot be a list or a mapping",
    ),
    "yamlio.what.duplicate_key": (
        "键 {key} 重复（第一次出现在第 {first} 行）",
        "duplicate key {key} (first at line {first})",
    ),
    "yamlio.what.documents": (
        "超过 128 KB 的文件只能有一个文档，且不能有 %YAML 或 %TAG 指令",
        "a file over 128 KB must hold one document and no %YAML or %TAG directive",
    ),
}
