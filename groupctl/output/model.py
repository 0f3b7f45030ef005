"""Columns, sections and the JSON envelope that every format is drawn from (SPEC §5).

A command turns its result records into an :class:`Output` once: a JSON body encoded
from the records by their columns, and sections of rows for tables, CSV and xlsx.  A
column says its key, its Chinese and English labels and its kind; the kind alone
decides how a value is written in each format, so the formats cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

from groupctl.labels import Lang, label_of
from groupctl.numbers import fixed

Kind = Literal[
    "id", "text", "code", "count", "year", "money", "score", "rate", "decimal", "flag", "records"
]
Show = Literal["all", "table", "data"]  # table: table and markdown only; data: CSV and xlsx only
Style = Literal["plain", "heading", "total"]  # heading and total rows are for people only

NUMERIC: frozenset[Kind] = frozenset({"count", "money", "score", "rate", "decimal"})
_PLACES: dict[Kind, int] = {"money": 2, "score": 2, "rate": 4}


class ExitCode(IntEnum):
    """What a run's exit status tells a script (README "Exit codes")."""

    OK = 0
    NO = 1  # the command ran and the answer is "no"
    USAGE = 2  # bad usage or bad input
    BUG = 3  # a bug in groupctl
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True)
class Column:
    """One field of a record: its key, labels and kind, in every format at once."""

    key: str
    zh: str = ""
    en: str = ""
    kind: Kind = "text"
    show: Show = "all"
    places: int | None = None  # decimals a table shows (money defaults to 2)
    attr: str | None = None  # the record's attribute, when it is not ``key``
    fields: tuple[Column, ...] = ()  # kind "records": the nested records' columns
    codes: str = ""  # kind "code": prefix of the catalogue keys of its labels
    whole: bool = False  # a table keeps each cell on one line while it fits (ids always)

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC

    def code_label(self, value: object, lang: Lang) -> str:
        return label_of(f"{self.codes}{value}", lang)


def json_value(value: Any, col: Column, lang: Lang, explain: bool) -> Any:
    """A value as JSON carries it: money, scores and rates as exact decimal strings."""
    if value is None:
        return None
    if col.kind == "records":
        return [encode(r, col.fields, lang, explain) for r in value]
    if isinstance(value, tuple | list):
        return [json_value(v, col, lang, explain) for v in value]
    if col.kind in _PLACES:
        return str(fixed(value, _PLACES[col.kind]))
    if col.kind == "decimal":
        return str(value)
    if col.kind in ("count", "year", "flag") or isinstance(value, bool | int):
        return value
    return str(value)


def encode(
    record: Any, columns: Sequence[Column], lang: Lang, explain: bool = False
) -> dict[str, Any]:
    """A record as a JSON object: one key per column, a ``…_label`` beside each code."""
    get = record.get if isinstance(record, Mapping) else lambda k: getattr(record, k)
    out: dict[str, Any] = {}
    for col in columns:
        if col.show == "table":
            continue
        value = get(col.attr or col.key)
        out[col.key] = json_value(value, col, lang, explain)
        if col.kind == "code":
            out[f"{col.key}_label"] = None if value is None else col.code_label(value, lang)
    why = getattr(record, "explain", None) if explain else None
    if why is not None:
        out["explain"] = why.doc()
    return out


@dataclass
class Row:
    """One row of a section: typed values by column key (ints, Decimals, codes, text)."""

    values: Mapping[str, Any]
    style: Style = "plain"
    shown: Mapping[str, str] = field(default_factory=dict)  # table text replacing a value

    @property
    def fact(self) -> bool:
        """A row of the data (CSV, xlsx), not a heading or subtotal drawn for people."""
        return self.style == "plain"


@dataclass
class Section:
    """One table of a command's output; one sheet of its xlsx file."""

    name: str  # the xlsx sheet name
    title: str
    columns: tuple[Column, ...]
    rows: list[Row] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # said under the title
    breaks: set[int] = field(default_factory=set)  # a blank line after these rows

    def add(
        self, style: Style = "plain", shown: Mapping[str, str] | None = None, **values: Any
    ) -> None:
        self.rows.append(Row(values, style, dict(shown or {})))

    def add_record(self, values: Mapping[str, Any], style: Style = "plain") -> None:
        """A row from a mapping already built (a record shared with the JSON body)."""
        self.rows.append(Row(values, style))

    def end_group(self) -> None:
        if self.rows:
            self.breaks.add(len(self.rows) - 1)

    def shown_columns(self, where: Literal["table", "data"]) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.show in ("all", where))

    def facts(self) -> list[Row]:
        return [r for r in self.rows if r.fact]


@dataclass
class Meta:
    """Where the figures come from: the same block in every command's JSON and xlsx."""

    version: str
    data: str | None  # "bundled", the data folder as given, or None when none was read
    illustrative: list[str] = field(default_factory=list)
    sets: list[dict[str, str]] = field(default_factory=list)
    local_parameters: list[str] = field(default_factory=list)
    interpretations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    national_parameters: list[str] = field(default_factory=list)

    def doc(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "data": self.data,
            "illustrative": self.illustrative,
            "sets": self.sets,
            "local_parameters": self.local_parameters,
            "interpretations": self.interpretations,
            "national_parameters": self.national_parameters,
            "warnings": self.warnings,
        }


@dataclass
class Output:
    """A command's whole answer, before it is drawn in any format."""

    command: str
    meta: Meta
    body: dict[str, Any]  # the JSON document below the envelope keys
    sections: list[Section] = field(default_factory=list)
    year: int | None = None
    lines: list[str] = field(default_factory=list)  # stdout, after the tables
    explain: list[str] = field(default_factory=list)
    explain_title: str = ""
    notes: list[str] = field(default_factory=list)  # stderr
    exit_code: ExitCode = ExitCode.OK
    csv_section: int = 0  # the section a CSV file holds (CSV has one table)

    def document(self) -> dict[str, Any]:
        """The JSON envelope (SPEC §5): command, year, school_year, meta, then the body."""
        doc: dict[str, Any] = {"command": self.command}
        if self.year is not None:
            doc["year"] = self.year
            doc["school_year"] = f"{self.year}-{self.year + 1}"
        return {**doc, "meta": self.meta.doc(), **self.body}
