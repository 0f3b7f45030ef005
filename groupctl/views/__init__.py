"""From result records to an Output: the JSON body, the sections, explanation and notes.

Each command has a module here; what they share (the meta block, the notes below
every computing command, how a parameter value is shown) lives in this one.  Views
hold no rendering library: ``groupctl.output.render`` draws an Output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from groupctl.catalogue import Join
from groupctl.clauses import cite_parameter
from groupctl.labels import Lang, t, tr
from groupctl.model import Dataset
from groupctl.output.model import Column, Meta, Output, Section
from groupctl.policy import Band, ParamUse, Value

# One vocabulary in every command (SPEC §5): the id and name columns of a group and a
# campus, in CSV and xlsx for joins, and the indented tree a table shows instead.
GROUP_ID = Column("group", "集团代码", "group", "id", show="data")
GROUP_NAME = Column("group_name", "集团", "group_name", show="data")
CAMPUS_ID = Column("campus", "校区代码", "campus", "id", show="data")
CAMPUS_NAME = Column("campus_name", "校区", "campus_name", show="data")
CAMPUS_NAME_ATTR = replace(CAMPUS_NAME, attr="name")  # records whose attribute is ``name``
TREE = Column("name", "集团 / 校区", "group / campus", show="table", whole=True)


@dataclass(frozen=True)
class Ask:
    """How the figures were asked for: label language, --explain, the --set items, and
    whether the sections (tables, CSV, markdown, xlsx) are wanted: a JSON answer needs
    only the body, and a province's table rows are 100 MB nobody would read."""

    lang: Lang = "zh"
    explain: bool = False
    sets: tuple[str, ...] = ()
    tables: bool = True


def sets_doc(ask: Ask) -> list[dict[str, str]]:
    """The --set items as meta carries them: [{"path", "value"}], blanks trimmed."""
    out = []
    for item in ask.sets:
        path, _, value = item.partition("=")
        out.append({"path": path.strip(), "value": value.strip()})
    return out


def meta_for(
    data: Dataset | None, uses: Sequence[ParamUse], ask: Ask, files: Sequence[str] = ()
) -> Meta:
    """The envelope's meta block: where the figures come from, and what was changed."""
    from groupctl import __version__

    return Meta(
        version=__version__,
        data=None if data is None else "bundled" if data.bundled else str(data.directory),
        illustrative=_examples(data, files) if data is not None else [],
        sets=sets_doc(ask),
        local_parameters=_paths(uses, "local"),
        interpretations=[u.path for u in uses if u.reading],
        national_parameters=_paths(uses, "national"),
        warnings=[w.render(ask.lang) for w in data.warnings] if data is not None else [],
    )


def _examples(data: Dataset, files: Sequence[str]) -> list[str]:
    """The files (or figures, ``pilots.yaml:KEY``) of ``files`` that pilots.yaml marks as
    illustrative and the data folder holds: a folder without staff.csv has no example
    staff figures to warn about."""
    return [
        f
        for f in data.pilots.illustrative
        if f in files and (data.directory / f.partition(":")[0]).is_file()
    ]


def _paths(uses: Sequence[ParamUse], origin: str) -> list[str]:
    """The parameters of this origin the figures used.  An unset (null) one, such as a
    class ratio the bureau has not fixed, shaped no figure and is not named."""
    return [u.path for u in uses if u.origin == origin and u.value is not None]


def cite_use(use: ParamUse, lang: Lang) -> str:
    """A parameter as a figure cites it: by its own reference (SPEC §1), a national
    document by its short form (72号)."""
    return cite_parameter(use.origin, use.clause, use.citation, lang)


def computed(
    command: str,
    year: int | None,
    body: dict[str, Any],
    sections: list[Section],
    uses: tuple[ParamUse, ...],
    data: Dataset,
    ask: Ask,
    files: tuple[str, ...] = ("campuses.csv",),
    **more: Any,
) -> Output:
    """The Output of a computing command: envelope, meta, the standard notes below it."""
    if ask.explain:
        body = {**body, "parameters": [parameter_doc(u, ask.lang) for u in uses]}
    out = Output(command, meta_for(data, uses, ask, files), body, sections, year, **more)
    out.notes = standard_notes(uses, data, ask.lang, files=files) + out.notes
    return out


def show_value(value: Value) -> str:
    """A parameter value as a clerk would type it back with --set."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        if value and isinstance(value[0], Band):
            return ",".join(f"{b.min}:{b.value}" for b in value if isinstance(b, Band))
        return "、".join(str(v) for v in value)
    return str(value)


def parameter_doc(use: ParamUse, lang: Lang = "zh") -> dict[str, Any]:
    """A parameter the figures used, for ``--explain`` in JSON: its value, where the value
    comes from (``origin``, ``reference``) and who set it (``set_by``); its note in
    ``lang``."""
    value: Any = use.value
    if isinstance(value, (Decimal, tuple)):
        value = show_value(value)
    return {
        "path": use.path,
        "value": value,
        "unit": use.unit,
        "origin": use.origin,
        "clause": use.clause,
        "reference": cite_parameter(use.origin, use.clause, use.reference, "zh"),
        "note": use.remark(lang) or None,
        "alternative": use.alternative or None,
        "set_by": use.set_by,
    }


def changed_item(use: ParamUse, lang: Lang) -> str:
    """A changed parameter as the notes name it: ``path = value（who set it）`` in Chinese,
    ``path = value (who set it)`` in English; an unset value as 未设定 / not set."""
    value = t("policy.unset", lang) if use.value is None else show_value(use.value)
    return tr(
        lang,
        f"{use.path} = {value}（{use.set_by}）",
        f"{use.path} = {value} ({use.set_by})",
    )


def standard_notes(
    uses: tuple[ParamUse, ...],
    data: Dataset,
    lang: Lang,
    files: tuple[str, ...] = ("campuses.csv",),
) -> list[str]:
    """Notes every computing command prints below its output (to stderr).

    ``files``: the data files the figures rest on (none for an approval path).  Of those, the ones pilots.yaml marks
    ``illustrative`` are named, so that funding never mentions the score files.
    """
    notes = []
    local = _paths(uses, "local")
    if local:
        notes.append(t("note.local", lang, paths=Join(tuple(local))))
    # our reading of an ambiguous sentence, with the --set that applies the other one; a
    # value the bureau changed is its own choice, named below as a change
    readings = [
        t("note.reading", lang, path=u.path, alternative=u.alternative) for u in uses if u.reading
    ]
    if readings:
        notes.append(t("note.interpretation", lang, items=tr(lang, "；", "; ").join(readings)))
    # a national standard is cited by its document, never as the plan's clause (SPEC §1)
    national: dict[str, list[str]] = {}
    for u in uses:
        if u.origin == "national" and u.value is not None:
            national.setdefault(u.citation, []).append(u.path)
    if national:
        items = tr(lang, "；", "; ").join(
            tr(lang, f"{doc}（{'、'.join(paths)}）", f"{doc} ({', '.join(paths)})")
            for doc, paths in national.items()
        )
        notes.append(t("note.national", lang, items=items))
    changed = [changed_item(u, lang) for u in uses if u.set_by != "bundled"]
    if changed:
        notes.append(t("note.changed", lang, items=tr(lang, "；", "; ").join(changed)))
    examples = _examples(data, files)
    if examples:
        notes.append(t("note.illustrative", lang, files=Join(tuple(examples))))
    return notes
