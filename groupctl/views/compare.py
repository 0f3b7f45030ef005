"""--compare: a computation with and without --set, side by side with the differences.

Works on any two views of the same command: it walks their JSON documents together
and lists every figure that changed.  Records in lists are matched by their identity
key (campus, group, stage, actor …), so a changed figure is named by the record it
belongs to rather than its position, and a record only one side has (an approval
step the new threshold adds) is one row, not one row per field.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from groupctl.labels import Lang, t, tr
from groupctl.output.model import Column, Output, Section
from groupctl.views import Ask

_IDENTITY = ("campus", "group", "stage", "actor", "step", "path", "procedure", "month")
# an identity that is a bare number is named by its key: month 3 → month_03, as in CSV
_IDENTITY_NAME = {"month": "month_{:02d}"}
_SKIP = ("explain", "parameters")
Leaf = int | str | bool | None
ADDED, REMOVED = "added", "removed"


def _identity(record: dict[str, Any], index: int) -> str:
    for key in _IDENTITY:
        if record.get(key) is not None:
            return _IDENTITY_NAME.get(key, "{}").format(record[key])
    return str(index)


def _records(value: Any) -> dict[str, Any] | None:
    """A list of records keyed by identity; scalar lists by position (01, 02 …)."""
    if not isinstance(value, list):
        return None
    if all(isinstance(x, dict) for x in value):
        return {_identity(x, i): x for i, x in enumerate(value)}
    return {f"{i:02d}": x for i, x in enumerate(value, start=1)}


def _number(value: Leaf) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None  # a name such as "NaN" is no number


def _difference(before: Leaf, after: Leaf) -> Leaf:
    a, b = _number(before), _number(after)
    if a is None or b is None:
        return None
    diff = b - a
    if isinstance(before, int) and isinstance(after, int):
        return int(diff)
    places = max(-int(a.as_tuple().exponent), -int(b.as_tuple().exponent), 0)
    return f"{diff:+.{places}f}"


def _row(
    path: list[str], label: list[str], before: Leaf, after: Leaf, diff: Leaf
) -> dict[str, Leaf]:
    return {
        "path": ".".join(path),
        "label": ".".join(label),
        "baseline": before,
        "modified": after,
        "difference": diff,
    }


def _merged_order(before: list[str], after: list[str]) -> list[str]:
    """Ids in the modified order, each removed one where it stood before."""
    place = {k: 2 * i for i, k in enumerate(after)}  # even places; a removed id takes an odd one
    for i, k in enumerate(before):
        if k not in place:
            following = next((place[x] for x in before[i + 1 :] if x in place), 2 * len(after))
            place[k] = following - 1
    return sorted(place, key=lambda k: place[k])


def _walk(a: Any, b: Any, path: list[str], label: list[str], out: list[dict[str, Leaf]]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in _SKIP:
                _walk(a.get(key), b.get(key), [*path, key], [*label, key], out)
        return
    ra, rb = _records(a), _records(b)
    if ra is not None and rb is not None:
        records = isinstance(a, list) and all(isinstance(x, dict) for x in a)
        # "groups", "campuses", "steps": the ids say enough; "monthly.03" keeps its name
        container = label[:-1] if records else label
        for ident in _merged_order(list(ra), list(rb)):
            where, named = [*path, ident], [*container, ident]
            if ident not in rb:
                out.append(_row(where, named, _summary(ra[ident]), None, REMOVED))
            elif ident not in ra:
                out.append(_row(where, named, None, _summary(rb[ident]), ADDED))
            else:
                _walk(ra[ident], rb[ident], where, named, out)
        return
    if a != b:
        out.append(_row(path, label, _leaf(a), _leaf(b), _difference(_leaf(a), _leaf(b))))


def _leaf(value: Any) -> Leaf:
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def _summary(record: Any) -> Leaf:
    """How a whole record shows in one cell: the name or label of its id (campus_name,
    actor_label), else its id."""
    if isinstance(record, dict):
        ident = next((k for k in _IDENTITY if record.get(k) is not None), "")
        for key in (f"{ident}_name", f"{ident}_label", "label", "name", ident):
            if isinstance(record.get(key), str):
                return str(record[key])
    return _leaf(record)


def differences(baseline: dict[str, Any], modified: dict[str, Any]) -> list[dict[str, Leaf]]:
    """Every figure that differs: path, short label, both values and the difference."""
    out: list[dict[str, Leaf]] = []
    _walk(baseline, modified, [], [], out)
    return out


def _cell(value: Leaf, lang: Lang) -> str:
    """A value as a table shows it: 2,880.00, 新增, — for none."""
    if value is None:
        return "—"
    if value in (ADDED, REMOVED):
        return t(f"compare.{value}", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    number = _number(value)
    if number is not None:  # decimal strings read like the tables: 2,880.00
        sign = "+" if value.startswith("+") else ""
        return f"{sign}{number:,}"
    return value


def _signed(value: Leaf, lang: Lang) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:+,}"
    return _cell(value, lang)


def _data(value: Leaf, lang: Lang) -> str | None:
    """A value as CSV and xlsx hold it: numbers plain (no "+", which a spreadsheet would
    take for a formula), true/false, added/removed in --lang, text as it is."""
    if value in (ADDED, REMOVED):
        return t(f"compare.{value}", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    number = _number(value)
    return None if value is None else str(value if number is None else number)


def _values(key: str, zh: str, en: str) -> tuple[Column, Column]:
    """A column of mixed values (numbers, codes, names): right-aligned text in the table
    (drawn from ``shown``), the plain value in CSV and xlsx."""
    return Column(key, zh, en, "decimal", show="table"), Column(key, zh, en, show="data")


COLUMNS = (
    Column("path", "路径", "path", "id", show="data"),
    Column("label", "项目", "figure"),
    *_values("baseline", "原值", "baseline"),
    *_values("modified", "新值", "modified"),
    *_values("difference", "差额", "difference"),
)


def compare_output(baseline: Output, modified: Output, ask: Ask) -> Output:
    """The modified Output beside its baseline, with every figure that changed."""
    lang = ask.lang
    diffs = differences(baseline.body, modified.body)
    sets = list(ask.sets)
    title = tr(lang, f"参数对比：{'；'.join(sets)}", f"Comparison: {'; '.join(sets)}")
    table = Section(tr(lang, "对比", "comparison"), title, COLUMNS)
    for d in diffs:
        table.add(
            shown={
                "baseline": _cell(d["baseline"], lang),
                "modified": _cell(d["modified"], lang),
                "difference": _signed(d["difference"], lang),
            },
            path=d["path"],
            label=d["label"],
            baseline=_data(d["baseline"], lang),
            modified=_data(d["modified"], lang),
            difference=_data(d["difference"], lang),
        )
    body = {
        "sets": sets,
        "baseline": baseline.body,
        "modified": modified.body,
        "differences": diffs,
    }
    return Output(
        modified.command,
        modified.meta,
        body,
        [table] if diffs else [],
        modified.year,
        lines=[] if diffs else [tr(lang, "两组参数下结果相同。", "The figures are the same.")],
        notes=modified.notes,
        exit_code=modified.exit_code,
    )
