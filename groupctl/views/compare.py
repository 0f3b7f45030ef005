"""--compare: a computation with and without --set, side by side with the differences.

Works on any two views of the same command: it walks their JSON documents together
and lists every figure that changed.  Records in lists are matched by their identity
key (campus, group, stage, actor …), so a changed figure is named by the record it
belongs to rather than its position, and a record only one side has (an approval
step the new threshold adds) is one row, not one row per field.

JSON keeps every difference by its path.  The table (and CSV, which holds the table's
rows) is for people: each row names the group or campus a figure belongs to and the
figure in the --lang language, the district's figures first, a code and its label as
one change, a stage's figure that repeats its campus's once, a figure derived from
another beside it (a stage's quota by its ratio, a proposed grade) once when both change
alike, and the monthly amounts folded into the annual figures unless --explain asks for
them.  A command whose district and group totals are rows of its tables only (staffing)
has their changes listed first, from those rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from groupctl.labels import Lang, t, tr
from groupctl.output.model import Column, Output, Section
from groupctl.views import TREE, Ask

_IDENTITY = ("campus", "group", "stage", "actor", "step", "path", "procedure", "month")
# an identity that is a bare number is named by its key: month 3 → month_03, as in CSV
_IDENTITY_NAME = {"month": "month_{:02d}"}
_SKIP = ("explain", "parameters")
_FOLDED = ("monthly", "monthly_paid")  # lists of twelve monthly amounts
Leaf = int | str | bool | None
ADDED, REMOVED = "added", "removed"
# a figure that is a step towards, or a part of, its neighbour in the same record (or total
# row): when both change alike the table says it once, by the neighbour (the quota a
# ratio gave, the grade proposed, the kindergartens' teacher quota in the whole quota)
_DERIVED = {
    "by_students": "quota",
    "by_classes": "quota",
    "proposed_grade": "grade",
    "established_teachers": "quota",
}
# figures the command's tables show with their sign (余缺 +1): so does the comparison
_SIGNED = ("gap",)
# commands whose district and group totals are rows of their tables, not of the JSON
_SECTION_TOTALS = ("staffing",)


def _ident_key(record: Mapping[str, Any]) -> str | None:
    return next((k for k in _IDENTITY if record.get(k) is not None), None)


def _identity(record: dict[str, Any], index: int) -> str:
    key = _ident_key(record)
    if key is not None:
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


# --------------------------------------------------------------------------- the walk


@dataclass(frozen=True)
class Step:
    """One step of a figure's path: a key, a record of a list (matched by identity), or
    an item of a list of plain values (a month)."""

    key: str
    record: Mapping[str, Any] | None = None  # the record, from the modified side if it has it
    item: bool = False


@dataclass(frozen=True)
class Change:
    """A figure that differs, with the path that leads to it."""

    trail: tuple[Step, ...]
    label: str
    baseline: Leaf
    modified: Leaf
    difference: Leaf
    parents: tuple[Mapping[str, Any], Mapping[str, Any]] = ({}, {})  # the dicts holding it
    named: str = ""  # the figure's name, when its trail does not give it (a table's total)

    @property
    def path(self) -> str:
        return ".".join(s.key for s in self.trail)

    def doc(self) -> dict[str, Leaf]:
        return {
            "path": self.path,
            "label": self.label,
            "baseline": self.baseline,
            "modified": self.modified,
            "difference": self.difference,
        }


def _merged_order(before: list[str], after: list[str]) -> list[str]:
    """Ids in the modified order, each removed one where it stood before."""
    place = {k: 2 * i for i, k in enumerate(after)}  # even places; a removed id takes an odd one
    for i, k in enumerate(before):
        if k not in place:
            following = next((place[x] for x in before[i + 1 :] if x in place), 2 * len(after))
            place[k] = following - 1
    return sorted(place, key=lambda k: place[k])


def _walk(
    a: Any,
    b: Any,
    trail: tuple[Step, ...],
    label: list[str],
    out: list[Change],
    parents: tuple[Mapping[str, Any], Mapping[str, Any]] = ({}, {}),
) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in _SKIP:
                _walk(a.get(key), b.get(key), (*trail, Step(key)), [*label, key], out, (a, b))
        return
    ra, rb = _records(a), _records(b)
    if ra is not None and rb is not None:
        records = isinstance(a, list) and all(isinstance(x, dict) for x in a)
        # "groups", "campuses", "steps": the ids say enough; "monthly.03" keeps its name
        container = label[:-1] if records else label
        for ident in _merged_order(list(ra), list(rb)):
            record = rb.get(ident, ra.get(ident))
            step = Step(ident, record if isinstance(record, dict) else None, not records)
            where, named = (*trail, step), [*container, ident]
            if ident not in rb:
                out.append(Change(where, ".".join(named), _summary(ra[ident]), None, REMOVED))
            elif ident not in ra:
                out.append(Change(where, ".".join(named), None, _summary(rb[ident]), ADDED))
            else:
                _walk(ra[ident], rb[ident], where, named, out, parents)
        return
    if a != b:
        before, after = _leaf(a), _leaf(b)
        out.append(
            Change(trail, ".".join(label), before, after, _difference(before, after), parents)
        )


def _leaf(value: Any) -> Leaf:
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def _summary(record: Any) -> Leaf:
    """How a whole record shows in one cell: the name or label of its id (campus_name,
    actor_label), else its id."""
    if isinstance(record, dict):
        ident = _ident_key(record) or ""
        for key in (f"{ident}_name", f"{ident}_label", "label", "name", ident):
            if isinstance(record.get(key), str):
                return str(record[key])
    return _leaf(record)


def changes(baseline: dict[str, Any], modified: dict[str, Any]) -> list[Change]:
    """Every figure that differs, with the records along its path."""
    out: list[Change] = []
    _walk(baseline, modified, (), [], out)
    return out


def differences(baseline: dict[str, Any], modified: dict[str, Any]) -> list[dict[str, Leaf]]:
    """Every figure that differs: path, short label, both values and the difference."""
    return [c.doc() for c in changes(baseline, modified)]


# --------------------------------------------------------------------------- for people


@dataclass
class _Place:
    """Where a figure belongs: the district, a group, or a campus of a group."""

    group: str | None = None  # the group's id (a campus's group for a campus)
    group_name: str = ""
    campus: str | None = None
    campus_name: str = ""


def _place(change: Change) -> tuple[_Place, int]:
    """The group or campus a figure belongs to, and how many steps of its trail that took."""
    place, used = _Place(), 0
    whole = change.difference in (ADDED, REMOVED)  # the record itself is the figure
    for i, step in enumerate(change.trail[:-1] if whole else change.trail):
        record = step.record
        if record is None or step.item:
            continue
        kind = _ident_key(record)
        if kind == "group":
            place = _Place(str(record["group"]), str(record.get("group_name") or record["group"]))
            used = i + 1
        elif kind == "campus":
            group = record.get("group", place.group)
            group_name = record.get("group_name", place.group_name)
            place = _Place(
                None if group is None else str(group),
                str(group_name or ""),
                str(record["campus"]),
                str(record.get("campus_name") or record["campus"]),
            )
            used = i + 1
            break
    return place, used


def _short(place: _Place) -> str:
    """A campus named within its group: 镇罗校区, 总校（宣和中学）."""
    name, group = place.campus_name, place.group_name
    if group and name.startswith(group) and len(name) > len(group):
        return name[len(group) :]
    return name


class _Figures:
    """The names of a command's figures in one language: the command's own catalogue
    entry (``compare.funding.total``), a shared one (``compare.figure.students``), the
    label of the column that shows the figure in the command's tables, else the key."""

    def __init__(self, command: str, outputs: tuple[Output, ...], lang: Lang) -> None:
        self.command, self.lang = command, lang
        self.columns: dict[str, str] = {}
        for out in outputs:
            for section in out.sections:
                for col in section.columns:
                    if col.key != "name" and col.label(lang):
                        self.columns.setdefault(col.key, col.label(lang))

    def __call__(self, key: str) -> str:
        for entry in (f"compare.{self.command}.{key}", f"compare.figure.{key}"):
            text = t(entry, self.lang) if _known(entry) else None
            if text is not None:
                return text
        return self.columns.get(key, key)


def _known(key: str) -> bool:
    from groupctl.catalogue import CATALOGUE

    return key in CATALOGUE


def _record_name(record: Mapping[str, Any], key: str) -> str:
    """A record inside a figure's path by its label: 小学, a step's actor, a school year."""
    kind = _ident_key(record) or ""
    for name in (f"{kind}_label", f"{kind}_name", "label", "name", "school_year"):
        if isinstance(record.get(name), str):
            return str(record[name])
    return key


def _figure(change: Change, used: int, figures: _Figures) -> str:
    """The figure's name below its place: 基础经费, 小学 · 按师生比, 每月 · 3月."""
    if change.named:
        return change.named
    trail = change.trail[used:]
    parts: list[str] = []
    for i, step in enumerate(trail):
        last = i == len(trail) - 1
        before = trail[i - 1].key if i else ""
        if step.item:
            month = "compare.month" if before in _FOLDED else "compare.item"
            parts.append(t(month, figures.lang, n=int(step.key)))
        elif step.record is not None and last:  # a record added or removed: of what kind
            parts.append(figures(before or "records"))
        elif step.record is not None:
            parts.append(_record_name(step.record, step.key))
        elif last or trail[i + 1].item:
            parts.append(figures(step.key))
    return " · ".join(parts) if parts else figures("total")


def _key(change: Change) -> str:
    return change.trail[-1].key if change.trail else ""


def _shown(change: Change, side: int, lang: Lang) -> Leaf:
    """A value as people read it: a code by its label (良好, not good)."""
    value = change.modified if side else change.baseline
    label = change.parents[side].get(f"{_key(change)}_label")
    if value is not None and isinstance(label, str):
        return label
    return value


def _cell(value: Leaf, lang: Lang) -> str:
    """A value as a table shows it: 2,880.00, 新增, 是, — for none."""
    if value is None:
        return "—"
    if value in (ADDED, REMOVED):
        return t(f"compare.{value}", lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, int):
        return f"{value:,}"
    number = _number(value)
    if number is not None:  # decimal strings read like the tables: 2,880.00
        sign = "+" if value.startswith("+") else ""
        return f"{sign}{number:,}"
    return value


def _signed(value: Leaf, lang: Lang) -> str:
    if value is None:  # a label or a flag that changed: nothing to subtract
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:+,}" if value else "0"
    return _cell(value, lang)


def _data(value: Leaf, lang: Lang) -> str | None:
    """A value as CSV and xlsx hold it: numbers plain (no "+", which a spreadsheet would
    take for a formula), yes/no and added/removed in --lang, text as it is."""
    if value in (ADDED, REMOVED):
        return t(f"compare.{value}", lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    number = _number(value)
    return None if value is None else str(value if number is None else number)


def _values(key: str, zh: str, en: str) -> tuple[Column, Column]:
    """A column of mixed values (numbers, codes, names): right-aligned text in the table
    (drawn from ``shown``), the plain value in CSV and xlsx."""
    return Column(key, zh, en, "decimal", show="table"), Column(key, zh, en, show="data")


PLACE = Column("place", "集团 / 校区", "group / campus", show="data")
COLUMNS = (
    Column("path", "路径", "path", "id", show="data"),
    PLACE,
    TREE,
    Column("figure", "项目", "figure"),
    *_values("baseline", "原值", "baseline"),
    *_values("modified", "新值", "modified"),
    *_values("difference", "差额", "difference"),
)
_NO_PLACE = ("path", "figure", "baseline", "modified", "difference")


def _kept(found: list[Change], explain: bool) -> tuple[list[Change], int]:
    """The changes a table lists, and how many monthly amounts it folded away.

    A code's ``_label`` is the same change as the code; a figure derived from another of
    the same record (``_DERIVED``) that changes alike is said by that other; a figure
    of a record inside another (a stage's quota) that repeats the same figure of the
    outer one (the campus's quota) is said once; a month of a list of twelve is folded
    into the annual figure beside it unless ``explain``."""
    paths = {c.path for c in found}
    values = {c.path: (c.baseline, c.modified) for c in found}
    seen: dict[tuple[str, str, Leaf, Leaf], int] = {}
    kept, folded = [], 0
    for c in found:
        key = c.trail[-1].key if c.trail else ""
        parent = c.path.rpartition(".")[0]
        if key.endswith("_label") and f"{parent}.{key[: -len('_label')]}".lstrip(".") in paths:
            continue
        outcome = f"{parent}.{_DERIVED[key]}".lstrip(".") if key in _DERIVED else None
        if outcome is not None and values.get(outcome) == (c.baseline, c.modified):
            continue
        if len(c.trail) > 1 and c.trail[-1].item and c.trail[-2].key in _FOLDED and not explain:
            folded += 1
            continue
        place, used = _place(c)
        same = (str(place.campus or place.group), key, c.baseline, c.modified)
        depth = sum(s.record is not None for s in c.trail[used:])
        if same in seen and seen[same] < depth:
            continue
        seen.setdefault(same, depth)
        kept.append(c)
    return kept, folded


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a document, depth first, in document order."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from _objects(v)


def _group_order(*bodies: Any) -> dict[str, int]:
    """Each group id by the place it first has in the documents: the data's order."""
    order: dict[str, int] = {}
    for obj in (o for body in bodies for o in _objects(body)):
        if isinstance(obj.get("group"), str):
            order.setdefault(obj["group"], len(order))
    return order


def _table(baseline: Output, modified: Output, found: list[Change], ask: Ask) -> Section:
    lang = ask.lang
    figures = _Figures(modified.command, (modified, baseline), lang)
    # the district first, then each group in the order it first appears, a group's own
    # figures before its campuses'
    district: list[Change] = []
    groups: dict[str, tuple[str, list[Change], dict[str, list[Change]]]] = {}
    for c in found:
        place, _ = _place(c)
        if place.group is None and place.campus is None:
            district.append(c)
            continue
        name, own, campuses = groups.setdefault(str(place.group), (place.group_name, [], {}))
        if place.campus is None:
            own.append(c)
        else:
            campuses.setdefault(place.campus, []).append(c)
    placed = bool(groups)
    order = _group_order(modified.body, baseline.body)
    groups = dict(sorted(groups.items(), key=lambda g: order.get(g[0], len(order))))
    sets = list(ask.sets)
    title = tr(lang, f"参数对比：{'；'.join(sets)}", f"Comparison: {'; '.join(sets)}")
    columns = COLUMNS if placed else tuple(c for c in COLUMNS if c.key in _NO_PLACE)
    table = Section(tr(lang, "对比", "comparison"), title, columns)

    def add(c: Change, name: str | None, where: str) -> None:
        _, used = _place(c)
        before, after = _shown(c, 0, lang), _shown(c, 1, lang)
        cell = _signed if _key(c) in _SIGNED else _cell
        table.add(
            shown={
                "baseline": cell(before, lang),
                "modified": cell(after, lang),
                "difference": _signed(c.difference, lang),
            },
            path=c.path,
            place=where,
            name=name,
            figure=_figure(c, used, figures),
            baseline=_data(before, lang),
            modified=_data(after, lang),
            difference=_data(c.difference, lang),
        )

    everywhere = t("compare.district", lang)
    for i, c in enumerate(district):
        add(c, everywhere if i == 0 else None, everywhere)
    table.end_group()
    for name, own, campuses in groups.values():
        if not own:
            table.add("heading", name=name)
        for i, c in enumerate(own):
            add(c, name if i == 0 else None, name)
        for figures_of in campuses.values():
            for i, c in enumerate(figures_of):
                place, _ = _place(c)
                add(c, "  " + _short(place) if i == 0 else None, place.campus_name)
        table.end_group()
    return table


def _total_rows(section: Section, lang: Lang) -> dict[str | None, dict[str, Any]]:
    """A section's district total row (by None) and group total rows (by group name)."""
    district, group_total = t("table.district_total", lang), t("table.group_total", lang)
    rows: dict[str | None, dict[str, Any]] = {}
    group: str | None = None
    for row in section.rows:
        name = str(row.values.get("name") or "").strip()
        if row.style == "heading":
            group = name
        elif row.style == "total" and name == district:
            rows[None] = dict(row.values)
        elif row.style == "total" and name == group_total and group is not None:
            rows[group] = dict(row.values)
    return rows


def _group_ids(*bodies: Any) -> dict[str, str]:
    """Each group's id by its name, from the records that name both."""
    ids: dict[str, str] = {}
    for obj in (o for body in bodies for o in _objects(body)):
        group, name = obj.get("group"), obj.get("group_name")
        if isinstance(group, str) and isinstance(name, str):
            ids.setdefault(name, group)
    return ids


def table_totals(baseline: Output, modified: Output, lang: Lang) -> list[Change]:
    """The changed figures of the district and group total rows of a command's tables,
    for a command whose JSON holds no totals (staffing): the district's first, each
    named by its column, each change once though two tables total it."""
    if modified.command not in _SECTION_TOTALS:
        return []
    ids = _group_ids(modified.body, baseline.body)
    district: list[Change] = []
    groups: dict[str, list[Change]] = {}
    seen: set[tuple[str | None, str | None, Leaf, Leaf]] = set()
    first: str | None = None  # the first table with a changed total names its figures plainly
    for before, after in zip(baseline.sections, modified.sections, strict=False):
        if before.name != after.name:
            continue
        old_rows = _total_rows(before, lang)
        for where, row in _total_rows(after, lang).items():
            old = old_rows.get(where)
            if old is None or (where is not None and where not in ids):
                continue
            for col in after.columns:
                a, b = _leaf(old.get(col.key)), _leaf(row.get(col.key))
                if not col.numeric or a == b or (where, col.key, a, b) in seen:
                    continue
                if (where, _DERIVED.get(col.key), a, b) in seen:  # said by the whole figure
                    continue
                seen.add((where, col.key, a, b))
                first = first or after.name
                named = col.label(lang)
                if after.name != first:  # 两教一保 · 教师编制, beside the whole quota
                    named = f"{after.name} · {named}"
                if where is None:
                    trail = (Step("totals"), Step("district"), Step(col.key))
                else:
                    record = {"group": ids[where], "group_name": where}
                    trail = (Step("totals"), Step(ids[where], record), Step(col.key))
                change = Change(trail, col.key, a, b, _difference(a, b), named=named)
                if where is None:
                    district.append(change)
                else:
                    groups.setdefault(where, []).append(change)
    return district + [c for changes in groups.values() for c in changes]


def compare_output(baseline: Output, modified: Output, ask: Ask) -> Output:
    """The modified Output beside its baseline, with every figure that changed."""
    lang = ask.lang
    found = changes(baseline.body, modified.body)
    sets = list(ask.sets)
    kept, folded = _kept(found, ask.explain)
    lines = []
    if not found:
        lines.append(t("compare.same", lang))
    elif folded:
        lines.append(t("compare.folded", lang, count=folded))
    body = {
        "sets": sets,
        "baseline": baseline.body,
        "modified": modified.body,
        "differences": [c.doc() for c in found],
    }
    return Output(
        modified.command,
        modified.meta,
        body,
        [_table(baseline, modified, table_totals(baseline, modified, lang) + kept, ask)]
        if kept
        else [],
        modified.year,
        lines=lines,
        notes=modified.notes,
        exit_code=modified.exit_code,
    )
