"""The check view: every problem in the data, with file and line."""

from __future__ import annotations

from pathlib import Path

from groupctl.catalogue import Msg, msg, render
from groupctl.labels import t
from groupctl.output.model import Column, ExitCode, Output, Section, encode
from groupctl.problems import Problems
from groupctl.views import Ask, meta_for

PROBLEM = (
    Column("severity", "级别", "level", "code"),
    Column("where", "位置", "where", attr="location", show="table"),
    Column("file", "文件", "file", show="data"),
    Column("line", "行", "line", "year", show="data"),
    Column("message", "问题", "problem"),
    Column("code", "代码", "code", show="data"),  # the catalogue key: stable for scripts
)


def check_view(directory: Path, bundled: bool, problems: Problems, ask: Ask) -> Output:
    lang = ask.lang
    # scripts read "bundled" or the folder as given (JSON ``directory``, like ``meta.data``:
    # the same on every machine); people read the folder in force, the bundled one by its
    # real place (内置数据（…/data）), so that they know which files the check read
    where = "bundled" if bundled else str(directory)
    shown = msg("check.bundled", path=directory.resolve()) if bundled else str(directory)
    table = Section(t("col.message", lang), t("check.title", lang, directory=shown), PROBLEM)
    ordered = sorted(problems.items, key=lambda p: p.severity != "error")
    records = [
        {
            "severity": p.severity,
            "where": p.location(),
            "file": p.file,
            "line": p.line,
            "message": render(p.message, lang),
            "code": p.message.key if isinstance(p.message, Msg) else None,
        }
        for p in ordered
    ]
    for record in records:
        table.add_record(record)
    # every problem found, listed or not (a file whose reading stopped early may hold more)
    errors, warnings = problems.count("error"), problems.count("warning")
    summary = t("check.summary", lang, errors=errors, warnings=warnings)
    body = {
        "directory": where,
        "ok": not errors,
        "errors": errors,
        "warnings": warnings,
        "problems": [encode(r, PROBLEM, lang) for r in records],
    }
    meta = meta_for(None, (), ask)
    meta.data = where
    return Output(
        "check",
        meta,
        body,
        [table],
        notes=[summary if problems.items else t("check.ok", lang)],
        exit_code=ExitCode.NO if errors else ExitCode.OK,
    )
