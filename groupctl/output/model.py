"""Columns, sections and the JSON envelope that every format is drawn from (SPEC §5).

A command turns its result records into an :class:`Output` once: a JSON body encoded
from the records by their columns, and sections of rows for tables, CSV and xlsx.  A
column says its key, its Chinese and English labels and its kind; the kind alone
decides how a value is written in each format, so the formats cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    kind = col.kind
    if kind == "records":
        return [encode(r, col.fields, lang, explain) for r in value]
    places = _PLACES.get(kind)
    if type(value) is str and places is None and kind != "decimal":
        return value  # text as it is (what str() of it gives): most values of an answer
    if isinstance(value, tuple | list):
        return [json_value(v, col, lang, explain) for v in value]
    if places is not None:
        if type(value) is int and -_EXACT < value < _EXACT:  # whole yuan: 300000 → 300000.00
            return f"{value}.{_ZEROS[places]}"
        return str(fixed(value, places))
    if kind == "decimal":
        return str(value)
    if kind in ("count", "year", "flag") or isinstance(value, bool | int):
        return value
    return str(value)


_EXACT = 10**20  # far inside Decimal's 28 digits: fixed() of a smaller int is exact
_ZEROS = {places: "0" * places for places in set(_PLACES.values())}

# columns → (key, attribute, column, is a code) of the columns JSON carries, worked out once
# for each tuple of columns rather than for each of a province's 100,000 records
_PLANS: dict[int, tuple[Sequence[Column], tuple[tuple[str, str, Column, bool], ...]]] = {}


def _plan(columns: Sequence[Column]) -> tuple[tuple[str, str, Column, bool], ...]:
    got = _PLANS.get(id(columns))
    if got is None or got[0] is not columns:
        if len(_PLANS) > 256:  # columns built afresh for each call: hold no more
            _PLANS.clear()
        plan = tuple(
            (col.key, col.attr or col.key, col, col.kind == "code")
            for col in columns
            if col.show != "table"
        )
        got = _PLANS[id(columns)] = (columns, plan)
    return got[1]


def encode(
    record: Any, columns: Sequence[Column], lang: Lang, explain: bool = False
) -> dict[str, Any]:
    """A record as a JSON object: one key per column, a ``…_label`` beside each code."""
    mapping = isinstance(record, Mapping)
    out: dict[str, Any] = {}
    for key, attr, col, code in _plan(columns):
        value = record.get(attr) if mapping else getattr(record, attr)
        out[key] = json_value(value, col, lang, explain)
        if code:
            out[f"{key}_label"] = None if value is None else col.code_label(value, lang)
    why = getattr(record, "explain", None) if explain else None
    if why is not None:
        out["explain"] = why.doc()
    return out


class _Plain:
    """Equality and repr over ``_fields`` as the dataclasses these classes were had them:
    written out, as creating a dataclass compiles its methods at every start."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Plain) or other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__qualname__}({shown})"


class Row(_Plain):
    """One row of a section: typed values by column key (ints, Decimals, codes, text);
    ``shown``: table text replacing a value."""

    __slots__ = _fields = ("values", "style", "shown")

    def __init__(
        self,
        values: Mapping[str, Any],
        style: Style = "plain",
        shown: Mapping[str, str] | None = None,
    ) -> None:
        self.values = values
        self.style: Style = style
        self.shown: Mapping[str, str] = {} if shown is None else shown

    @property
    def fact(self) -> bool:
        """A row of the data (CSV, xlsx), not a heading or subtotal drawn for people."""
        return self.style == "plain"


class Section(_Plain):
    """One table of a command's output; one sheet of its xlsx file: ``name`` is the xlsx
    sheet name, ``lines`` are said under the title, a blank line follows each row whose
    index is in ``breaks``."""

    __slots__ = _fields = ("name", "title", "columns", "rows", "lines", "breaks")

    def __init__(
        self,
        name: str,
        title: str,
        columns: tuple[Column, ...],
        rows: list[Row] | None = None,
        lines: list[str] | None = None,
        breaks: set[int] | None = None,
    ) -> None:
        self.name = name
        self.title = title
        self.columns = columns
        self.rows: list[Row] = [] if rows is None else rows
        self.lines: list[str] = [] if lines is None else lines
        self.breaks: set[int] = set() if breaks is None else breaks

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


class Meta(_Plain):
    """Where the figures come from: the same block in every command's JSON and xlsx.
    ``data``: "bundled", the data folder as given, or None when none was read."""

    __slots__ = _fields = (
        "version",
        "data",
        "illustrative",
        "sets",
        "local_parameters",
        "interpretations",
        "warnings",
        "national_parameters",
    )

    def __init__(
        self,
        version: str,
        data: str | None,
        illustrative: list[str] | None = None,
        sets: list[dict[str, str]] | None = None,
        local_parameters: list[str] | None = None,
        interpretations: list[str] | None = None,
        warnings: list[str] | None = None,
        national_parameters: list[str] | None = None,
    ) -> None:
        self.version = version
        self.data = data
        self.illustrative: list[str] = [] if illustrative is None else illustrative
        self.sets: list[dict[str, str]] = [] if sets is None else sets
        self.local_parameters: list[str] = [] if local_parameters is None else local_parameters
        self.interpretations: list[str] = [] if interpretations is None else interpretations
        self.warnings: list[str] = [] if warnings is None else warnings
        self.national_parameters: list[str] = (
            [] if national_parameters is None else national_parameters
        )

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


class Output(_Plain):
    """A command's whole answer, before it is drawn in any format.  ``body``: the JSON
    document below the envelope keys; ``lines``: stdout, after the tables; ``notes``:
    stderr; ``csv_section``: the section a CSV file holds (CSV has one table)."""

    __slots__ = _fields = (
        "command",
        "meta",
        "body",
        "sections",
        "year",
        "lines",
        "explain",
        "explain_title",
        "notes",
        "exit_code",
        "csv_section",
    )

    def __init__(
        self,
        command: str,
        meta: Meta,
        body: dict[str, Any],
        sections: list[Section] | None = None,
        year: int | None = None,
        lines: list[str] | None = None,
        explain: list[str] | None = None,
        explain_title: str = "",
        notes: list[str] | None = None,
        exit_code: ExitCode = ExitCode.OK,
        csv_section: int = 0,
    ) -> None:
        self.command = command
        self.meta = meta
        self.body = body
        self.sections: list[Section] = [] if sections is None else sections
        self.year = year
        self.lines: list[str] = [] if lines is None else lines
        self.explain: list[str] = [] if explain is None else explain
        self.explain_title = explain_title
        self.notes: list[str] = [] if notes is None else notes
        self.exit_code = exit_code
        self.csv_section = csv_section

    def document(self) -> dict[str, Any]:
        """The JSON envelope (SPEC §5): command, year, school_year, meta, then the body."""
        doc: dict[str, Any] = {"command": self.command}
        if self.year is not None:
            doc["year"] = self.year
            doc["school_year"] = f"{self.year}-{self.year + 1}"
        return {**doc, "meta": self.meta.doc(), **self.body}
