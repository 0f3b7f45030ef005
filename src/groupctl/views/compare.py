"""--compare: a computation with and without --set, side by side with the differences.

Works on any two views of the same command: it walks their JSON documents in
parallel and lists every leaf that changed.  Records in lists are matched by their
identity key (campus, group, step, actor), so a changed figure is named by the
record it belongs to rather than by its position.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from groupctl.labels import Lang, tr
from groupctl.views import Column, Table, View

_IDENTITY = ("campus", "group", "stage", "actor", "step", "path", "procedure")
Leaf = int | str | bool | None


def _identity(record: dict[str, Any], index: int) -> str:
    for key in _IDENTITY:
        if key in record and record[key] is not None:
            return str(record[key])
    return str(index)


Path = tuple[str, ...]


def _leaves(doc: Any, path: Path = (), label: Path = ()) -> Iterator[tuple[Path, Path, Leaf]]:
    """(full path, short label, value) of every leaf; the label keeps record ids and the key."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in ("explain", "parameters"):
                continue
            yield from _leaves(value, (*path, key), (*label, key))
    elif isinstance(doc, list):
        if all(isinstance(x, dict) for x in doc):
            container = label[:-1]  # "groups", "campuses": the ids say enough
            for i, record in enumerate(doc):
                ident = _identity(record, i)
                yield from _leaves(record, (*path, ident), (*container, ident))
        else:
            yield path, label, "、".join(str(x) for x in doc)
    else:
        yield path, label, doc


def _number(value: Leaf) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _difference(before: Leaf, after: Leaf) -> Leaf:
    a, b = _number(before), _number(after)
    if a is None or b is None:
        return None
    diff = b - a
    if isinstance(before, int) and isinstance(after, int):
        return int(diff)
    places = max(-a.as_tuple().exponent, -b.as_tuple().exponent)  # type: ignore[operator]
    return f"{diff:+.{places}f}"


def differences(baseline: dict[str, Any], modified: dict[str, Any]) -> list[dict[str, Leaf]]:
    """Every leaf that differs: its path, short label, both values and the numeric difference."""
    before = {p: (lab, v) for p, lab, v in _leaves(baseline)}
    after = {p: (lab, v) for p, lab, v in _leaves(modified)}
    out: list[dict[str, Leaf]] = []
    for path in [*before, *(p for p in after if p not in before)]:
        label, old = before.get(path, (None, None))
        label2, new = after.get(path, (None, None))
        if old != new:
            out.append(
                {
                    "path": ".".join(path),
                    "label": ".".join(label or label2 or path),
                    "baseline": old,
                    "modified": new,
                    "difference": _difference(old, new),
                }
            )
    return out


def _cell(value: Leaf) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def compare_view(baseline: View, modified: View, sets: Sequence[str], lang: Lang) -> View:
    diffs = differences(baseline.document, modified.document)
    document: dict[str, Any] = {
        "sets": list(sets),
        "baseline": baseline.document,
        "modified": modified.document,
        "differences": diffs,
    }
    table = Table(
        tr(lang, f"参数对比：{'；'.join(sets)}", f"Comparison: {'; '.join(sets)}"),
        [
            Column("label", tr(lang, "项目", "figure")),
            Column("baseline", tr(lang, "原值", "baseline"), "right"),
            Column("modified", tr(lang, "新值", "modified"), "right"),
            Column("difference", tr(lang, "差额", "difference"), "right"),
        ],
    )
    for d in diffs:
        table.add({k: str(v) if k in ("path", "label") else _cell(v) for k, v in d.items()})
    lines = [] if diffs else [tr(lang, "两组参数下结果相同。", "The figures are the same.")]
    return View(
        document=document,
        csv_columns=["path", "label", "baseline", "modified", "difference"],
        csv_rows=[dict(d) for d in diffs],
        tables=[table] if diffs else [],
        lines=lines,
        notes=modified.notes,
        exit_code=modified.exit_code,
    )
