"""The params view: every parameter in force, where its value comes from, who changed it.

Without a path, one row per parameter (SPEC §4 ``groupctl params``).  With the path of
one parameter, its dated history as well: which value applies from when, and which of
them is in force for the school year asked about.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from groupctl.api import ParamsResult
from groupctl.clauses import cite_parameter
from groupctl.labels import Lang, label_of, school_year, t, tr
from groupctl.numbers import fixed
from groupctl.output.model import Column, Meta, Output, Section, encode
from groupctl.policy import Band, Dated, Parameter, Value
from groupctl.views import Ask, sets_doc, show_value

PARAMETER = (
    Column("path", "参数", "parameter", "id"),
    # a table's 依据 already tells the origin (六（三）, 六（三）·解读, a national document,
    # 本局自定; the legend below says so): the origin code is for scripts and spreadsheets
    Column("origin", "来源", "origin", "code", show="data", codes="origin."),
    Column("reference", "依据", "reference"),
    Column("value", "值", "value"),
    Column("unit", "单位", "unit", show="data"),
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
MONEY_UNITS = ("yuan", "yuan per year")


def _json(value: Value, unit: str) -> Any:
    """A value as JSON carries it: money as a two-decimal string (SPEC §5), whole numbers
    and flags as such, the rest as typed back with --set (exact decimals, bands
    ``500:20000,…``, lists ``甲、乙``)."""
    if unit in MONEY_UNITS and isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(fixed(value, 2))
    if value is None or isinstance(value, bool | int):
        return value
    return show_value(value)


def value_shown(value: Value, unit: str, lang: Lang) -> str:
    """A value as a table shows it: with its unit, bands spaced so that they wrap between
    bands rather than inside a number, a grade or a choice by its name, no value as
    未设定 (not set)."""
    if value is None:
        return t("policy.unset", lang)
    if isinstance(value, tuple) and value and isinstance(value[0], Band):
        text = ", ".join(
            f"{b.min}:{label_of(f'grade.{b.value}', lang) if isinstance(b.value, str) else b.value}"
            for b in value
            if isinstance(b, Band)
        )
    elif isinstance(value, str):
        text = label_of(f"choice.{value}", lang)
    else:
        text = show_value(value)
    label = label_of(f"unit.{unit}", lang)
    return f"{text} {label}" if label else text


def value_number(value: Value) -> Decimal | None:
    """A single number as a spreadsheet should store it (bands, lists, flags: None)."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    return None


def _shown(p: Parameter, value: Value, lang: Lang) -> str:
    return value_shown(value, p.unit, lang)


def _record(p: Parameter, d: Dated, lang: Lang) -> dict[str, Any]:
    return {
        "path": p.path,
        "origin": p.origin,
        # stable for scripts whatever --lang: the clause's Chinese label or the document
        "reference": cite_parameter(p.origin, p.clause, p.reference, "zh"),
        "value": _json(d.value, p.unit),
        "unit": p.unit,
        "clause": p.clause,
        "set_by": d.set_by,
        # the parameter's own words in --lang (a data folder's Chinese-only description:
        # its Chinese)
        "description": p.describe(lang),
        "note": p.remark(lang) or None,
        "alternative": p.alternative or None,
    }


def _history(p: Parameter, current: Dated) -> list[dict[str, Any]]:
    """Each dated value, then a --set override as the value in force from now."""
    rows: list[dict[str, Any]] = [
        {
            "start": d.start.isoformat(),
            "value": _json(d.value, p.unit),
            "set_by": d.set_by,
            "in_force": p.override is None and d == current,
            "raw": d.value,
        }
        for d in p.values
    ]
    if p.override is not None:
        value = p.override[0]
        rows.append(
            {
                "start": None,
                "value": _json(value, p.unit),
                "set_by": "--set",
                "in_force": True,
                "raw": value,
            }
        )
    return rows


def _meta(result: ParamsResult, ask: Ask) -> Meta:
    from groupctl import __version__

    return Meta(
        version=__version__,
        data="bundled" if result.bundled else str(result.directory),
        sets=sets_doc(ask),
        local_parameters=[p.path for p, _ in result.entries if p.origin == "local"],
        interpretations=[
            p.path
            for p, d in result.entries
            if p.origin == "interpretation" and d.set_by == "bundled"
        ],
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
        shown = {
            # a table cites a national document by its short form (72号) and in --lang
            "reference": cite_parameter(p.origin, p.clause, p.citation, lang),
            "value": _shown(p, d.value, lang),
            "set_by": "" if d.set_by == "bundled" else d.set_by,
        }
        table.add(shown=shown, **{**record, "value": show_value(d.value)})
    lines = [t("params.legend", lang)]
    for (p, _), r in zip(result.entries, records, strict=True):
        if p.origin == "interpretation":
            other = f"--set {p.path}={p.alternative}"
            lines += [tr(lang, f"{p.path}（解读；另一种读法：{other}）：", f"{p.path} ({other}):")]
            lines += [f"  {r['note']}"]
    body: dict[str, Any] = {}
    sections = [table]
    if single:
        p, d = result.entries[0]
        history = _history(p, d)
        past = Section(
            tr(lang, "历史", "history"),
            tr(lang, f"{p.path} 的各期取值", f"Dated values of {p.path}"),
            HISTORY,
        )
        for h in history:
            start = h["start"] or tr(lang, "（本次 --set）", "(this run's --set)")
            shown = {
                "set_by": "" if h["set_by"] == "bundled" else h["set_by"],
                "value": _shown(p, h["raw"], lang),
            }
            past.add(shown=shown, **{**h, "start": start, "value": show_value(h["raw"])})
        sections.append(past)
        table.lines.append(p.describe(lang))
        note = p.remark(lang)
        if note and p.origin != "interpretation":
            lines.append(tr(lang, f"说明：{note}", f"note: {note}"))
        history_doc = [{k: v for k, v in h.items() if k != "raw"} for h in history]
        body["parameter"] = {**encode(records[0], PARAMETER, lang), "history": history_doc}
    else:
        body["parameters"] = [encode(r, PARAMETER, lang) for r in records]
    out = Output("params", _meta(result, ask), body, sections, result.year, lines=lines)
    if ask.sets:
        out.notes.append(t("note.scenario", lang, sets=tr(lang, "；", "; ").join(ask.sets)))
    return out
