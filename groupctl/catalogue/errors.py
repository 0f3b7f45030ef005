"""Catalogue part: errors messages (Chinese, English).  See ``groupctl.catalogue``."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # problems.py: what a long list of problems leaves out
    "problems.more.error": (
        "……另有 {count} 个错误未列出",
        "… and {count} more error(s) not listed",
    ),
    "problems.more.warning": (
        "……另有 {count} 个警告未列出",
        "… and {count} more warning(s) not listed",
    ),
    "problems.stopped": (
        "……已列满 {limit} 个错误，读到第 {line} 行停止：其后 {unread} 行未检查",
        "… reading stopped at line {line} after {limit} errors:"
        " the rest of the file ({unread} more lines) was not checked",
    ),
    "problems.more_and_stopped": ("{more}；{stopped}", "{more}; {stopped}"),
}
