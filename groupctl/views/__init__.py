"""From result records to what the renderer shows: a JSON document, CSV rows,
localized tables, explanation lines and notes.

Views hold no rendering library; ``groupctl.render`` turns a View into text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from groupctl.labels import Lang, t
from groupctl.model import Dataset
from groupctl.policy import Band, ParamUse, Value

Align = Literal["left", "right"]
RowStyle = Literal["plain", "heading", "total"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    align: Align = "left"


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[dict[str, str]] = field(default_factory=list)
    styles: list[RowStyle] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # a section ends after these row indexes

    def add(self, row: dict[str, str], style: RowStyle = "plain") -> None:
        self.rows.append(row)
        self.styles.append(style)

    def end_section(self) -> None:
        if self.rows:
            self.breaks.add(len(self.rows) - 1)


@dataclass
class View:
    document: dict[str, Any]
    csv_columns: list[str]
    csv_rows: list[dict[str, Any]]
    tables: list[Table]
    explain: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    exit_code: int = 0
    explain_title: str = ""
    lines: list[str] = field(default_factory=list)  # plain lines after the tables (stdout)


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


def parameter_doc(use: ParamUse) -> dict[str, Any]:
    value: Any = use.value
    if isinstance(value, (Decimal, tuple)):
        value = show_value(value)
    return {
        "path": use.path,
        "value": value,
        "unit": use.unit,
        "source": use.source,
        "reference": use.reference,
        "origin": use.origin,
    }


def standard_notes(
    uses: tuple[ParamUse, ...],
    data: Dataset,
    lang: Lang,
    illustrative: bool = True,
    files: tuple[str, ...] = ("campuses.csv",),
) -> list[str]:
    """Notes every computing command prints below its output (to stderr).

    ``illustrative``: whether the figures rest on the data files at all;
    ``files``: the data files they rest on.  Of those, the ones pilots.yaml marks
    ``illustrative`` are named, so that funding never mentions the score files.
    """
    notes = []
    # an unset (null) local parameter, such as a class ratio the bureau has not fixed,
    # shaped no figure: only the ones with a value are named
    local = [u.path for u in uses if u.source == "local" and u.value is not None]
    if local:
        notes.append(t("note.local", lang, paths=", ".join(local)))
    changed = [
        f"{u.path} = {show_value(u.value)} ({u.origin})" for u in uses if u.origin != "bundled"
    ]
    if changed:
        notes.append(t("note.changed", lang, items="; ".join(changed)))
    examples = [f for f in data.pilots.illustrative if f in files]
    if illustrative and examples:
        notes.append(t("note.illustrative", lang, files=", ".join(examples)))
    return notes
