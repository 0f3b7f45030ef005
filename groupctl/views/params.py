"""The params view: every parameter in force, where its value comes from, who changed it.

Without a path, one row per parameter (SPEC §4 ``groupctl params``).  With the path of
one parameter, its dated history as well: which value applies from when, and which of
them is in force for the school year asked about.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from groupctl.api import ParamsResult
from groupctl.clauses import cite_parameter
from groupctl.labels import Lang, school_year, t, tr
from groupctl.output.model import Column, Meta, Output, Section, encode
from groupctl.policy import Dated, Parameter, Value
from groupctl.views import Ask, show_value

PARAMETER = (
    Column("path", "参数", "parameter", "id"),
    Column("reference", "依据", "reference", whole=True),
    Column("value", "值", "value"),
    Column("unit", "单位", "unit", show="data"),
    # a table cites by reference alone, which already says the origin (六（三）, 六（三）·解读,
    # a national document, 本局自定); the origin code is for scripts and spreadsheets
    Column("origin", "来源", "origin", "code", show="data", codes="origin."),
    Column("clause", "条款", "clause", "id", show="data"),
    Column("set_by", "改动", "set by", show="data", whole=True),
    Column("description", "说明", "description", show="data"),
    Column("note", "备注", "note", show="data"),
    Column("alternative", "另一种读法", "other reading", show="data"),
)
HISTORY = (
    Column("start", "起始日期", "from"),
    Column("value", "值", "value"),
    Column("set_by", "设定", "set by"),
    Column("in_force", "本学年适用", "in force", "flag"),
)


def _json(value: Value) -> Any:
    """A value as JSON carries it: whole numbers and flags as such, the rest as typed back
    with --set (exact decimals, bands ``500:20000,…``, lists ``甲、乙``)."""
    if value is None or isinstance(value, bool | int):
        return value
    return show_value(value)


def _set_by(dated: Dated, lang: Lang) -> str:
    """Who changed a value, for people: nothing when it is the bundled one."""
    return "" if dated.set_by == "bundled" else dated.set_by


def _record(p: Parameter, d: Dated, lang: Lang) -> dict[str, Any]:
    return {
        "path": p.path,
        "value": _json(d.value),
        "unit": p.unit,
        "origin": p.origin,
        "clause": p.clause,
        "reference": cite_parameter(p.origin, p.clause, p.reference, lang),
        "set_by": d.set_by,
        "description": p.description,
        "note": p.note or None,
        "alternative": p.alternative or None,
    }


def _history(p: Parameter, current: Dated) -> list[dict[str, Any]]:
    """Each dated value, then a --set override as the value in force from now."""
    rows = [
        {
            "start": d.start.isoformat(),
            "value": _json(d.value),
            "set_by": d.set_by,
            "in_force": d is current or (p.override is None and d == current),
        }
        for d in p.values
    ]
    if p.override is not None:
        rows.append(
            {"start": None, "value": _json(p.override[0]), "set_by": "--set", "in_force": True}
        )
    return rows


def _meta(result: ParamsResult, ask: Ask, rows: list[dict[str, Any]]) -> Meta:
    from groupctl import __version__

    return Meta(
        version=__version__,
        data="bundled" if result.bundled else str(result.directory),
        sets=[
            {"path": p.strip(), "value": v.strip()}
            for p, _, v in (item.partition("=") for item in ask.sets)
        ],
        local_parameters=[r["path"] for r in rows if r["origin"] == "local"],
        interpretations=[r["path"] for r in rows if r["origin"] == "interpretation"],
    )


def params_view(result: ParamsResult, ask: Ask) -> Output:
    lang = ask.lang
    records = [_record(p, d, lang) for p, d in result.entries]
    sy = school_year(result.year, lang)
    single = len(result.entries) == 1 and result.entries[0][0].path == result.path
    title = tr(lang, f"{sy}学年适用的参数", f"Parameters in force for {sy}")
    changed = any(d.set_by != "bundled" for _, d in result.entries)
    # who changed a value is a column for people only when something was changed
    columns = tuple(
        replace(c, show="all") if c.key == "set_by" and changed else c for c in PARAMETER
    )
    table = Section(tr(lang, "参数", "parameters"), title, columns)
    for (p, d), record in zip(result.entries, records, strict=True):
        # a table cites a national document by its short form (72号); data carries it whole
        short = cite_parameter(p.origin, p.clause, p.citation, lang)
        shown = {"set_by": _set_by(d, lang), "reference": short}
        table.add(shown=shown, **{**record, "value": show_value(d.value)})
    lines = []
    for r in records:
        if r["origin"] == "interpretation":
            lines += [tr(lang, f"{r['path']}（解读）：", f"{r['path']} (interpretation):")]
            lines += [f"  {r['note']}"]
    body: dict[str, Any] = {}
    sections = [table]
    if single:
        p, d = result.entries[0]
        history = _history(p, d)
        body["parameter"] = {**encode(records[0], PARAMETER, lang), "history": history}
        past = Section(
            tr(lang, "历史", "history"),
            tr(lang, f"{p.path} 的各期取值", f"Dated values of {p.path}"),
            HISTORY,
        )
        for h in history:
            start = h["start"] or tr(lang, "（本次 --set）", "(this run's --set)")
            shown = {"set_by": "" if h["set_by"] == "bundled" else h["set_by"]}
            past.add(shown=shown, **{**h, "start": start, "value": show_value(_plain(h["value"]))})
        sections.append(past)
        table.lines.append(p.description)
    else:
        body["parameters"] = [encode(r, PARAMETER, lang) for r in records]
    out = Output("params", _meta(result, ask, records), body, sections, result.year, lines=lines)
    if ask.sets:
        out.notes.append(t("note.scenario", lang, sets="; ".join(ask.sets)))
    return out


def _plain(value: Any) -> Value:
    """A JSON value back as a parameter value for display (text stays text)."""
    return value if value is None or isinstance(value, bool | int | str) else str(value)
