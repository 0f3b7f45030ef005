"""The check view: every problem in the data, with file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from groupctl.labels import Lang, t
from groupctl.problems import Problems
from groupctl.views import Column, Table, View

CSV_COLUMNS = ["severity", "file", "line", "message"]


def check_view(directory: Path, bundled: bool, problems: Problems, lang: Lang) -> View:
    where = "<bundled>" if bundled else str(directory)
    items = [
        {"severity": p.severity, "file": p.file, "line": p.line, "message": p.message}
        for p in problems.items
    ]
    document: dict[str, Any] = {
        "directory": where,
        "ok": not problems.errors,
        "errors": len(problems.errors),
        "warnings": len(problems.warnings),
        "problems": items,
    }
    table = Table(
        t("check.title", lang, directory=where),
        [
            Column("severity", t("col.severity", lang)),
            Column("where", t("col.where", lang)),
            Column("message", t("col.message", lang)),
        ],
    )
    for p in sorted(problems.items, key=lambda p: p.severity != "error"):
        table.add({"severity": t(p.severity, lang), "where": p.location(), "message": p.message})
    summary = t("check.summary", lang, errors=len(problems.errors), warnings=len(problems.warnings))
    if not problems.items:
        summary = t("check.ok", lang)
    return View(
        document,
        CSV_COLUMNS,
        items,
        [table],
        explain=[],
        notes=[summary],
        exit_code=1 if problems.errors else 0,
    )
