"""Policy parameters: every number a rule uses, with dated values, unit and origin.

The bundled ``policy.yaml`` beside this module holds the defaults (SPEC §2).  A
data directory's own ``policy.yaml`` is merged over it by path, and ``--set
PATH=VALUE`` overrides a value for one run.  A parameter's value for school year
Y is its latest value dated on or before Y-09-01.

Rules read parameters through ``Params``, which records every read so that a
result can say which parameters it used and where each came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from groupctl.catalogue import CATALOGUE, Join, Lang, Msg, msg
from groupctl.errors import PolicyError, UsageError
from groupctl.numbers import (
    FIRST_YEAR,
    LAST_YEAR,
    bare,
    normalize,
    parse_decimal,
    parse_whole,
    quoted,
)
from groupctl.record import Record
from groupctl.suggest import closest
from groupctl.yamlio import MAX_NUMBER_TEXT, key_line, load_yaml, unprintable

BUNDLED_POLICY = Path(__file__).parent / "policy.yaml"
POLICY_FILE = "policy.yaml"

Kind = Literal["integer", "decimal", "boolean", "texts", "bands", "choice"]
KINDS: tuple[Kind, ...] = ("integer", "decimal", "boolean", "texts", "bands", "choice")
# Where a value comes from (SPEC §2): the plan states it; a national standard the plan
# relies on sets it; it is our reading of an ambiguous sentence; the bureau decides it.
Origin = Literal["plan", "national", "interpretation", "local"]
ORIGINS: tuple[Origin, ...] = ("plan", "national", "interpretation", "local")

BandValue = int | Decimal | str

# No count, sum, ratio or factor of the plan is 10^12 or more, or a nonzero one below
# 10^-12: a value beyond is a typing slip, refused before any arithmetic (a 1e30 would
# exceed Decimal's 28 digits, a ratio of 1e-30 students per post the posts it yields).
MAX_DIGITS = 12
_LIMIT = Decimal(10**MAX_DIGITS)
_SMALLEST = Decimal(1).scaleb(-MAX_DIGITS)
# Units whose values have a range of their own (shares and factors are checked by the
# rules that use them, with the rule's reasons).
_UNIT_RANGE: dict[str, tuple[int, int, str]] = {
    "rate": (0, 1, "policy.value.rate"),
    "year": (FIRST_YEAR, LAST_YEAR, "policy.value.year"),
}


class Band(Record):
    """Applies to counts or scores ≥ ``min`` (inclusive at the lower bound)."""

    __slots__ = ("min", "value")
    _compared = ("min", "value")

    def __init__(self, min: Decimal, value: BandValue) -> None:
        self.min = min
        self.value = value


Value = int | Decimal | bool | str | None | tuple[str, ...] | tuple[Band, ...]


class Dated(Record):
    __slots__ = ("file", "line", "set_by", "start", "value")
    _compared = ("start", "value", "set_by", "file", "line")

    def __init__(
        self,
        start: date,
        value: Value,
        set_by: str,  # "bundled", "policy.yaml:12", "--set": how notes and messages show it
        file: str | None = None,  # the data folder's policy.yaml, where it set this value
        line: int | None = None,
    ) -> None:
        self.start = start
        self.value = value
        self.set_by = set_by
        self.file = file
        self.line = line


@dataclass(frozen=True)
class Parameter:
    path: str
    kind: Kind
    unit: str
    origin: Origin
    clause: str  # the plan's clause the parameter serves (dotted id, SPEC §1)
    reference: str  # what a figure cites: a clause id, or a document's name (national)
    description: str  # Chinese; ``describe(lang)`` gives it in either language
    values: tuple[Dated, ...]  # sorted by start
    nullable: bool = False
    band_by: str | None = None
    override: tuple[Value, str] | None = None  # (value, set_by) from --set
    note: str = ""  # for an interpretation: the other reading
    choices: tuple[str, ...] = ()  # the values a ``choice`` parameter may take
    cite: str = ""  # the short form a figure cites a national document by (72号)
    alternative: str = ""  # an interpretation: the other reading's value, as --set takes it
    range: tuple[Decimal, Decimal] | None = None  # the sensible values (numbers, band values)
    # bands: whether band values are numbers (yuan, posts) or labels (grades), as the
    # bundled definition's values are; a data folder or --set cannot change it
    band_values: Literal["number", "text", ""] = ""
    # the English of description and note (bundled: always; a data folder's policy.yaml
    # may give its description in Chinese only, and English output then shows the Chinese)
    description_en: str = ""
    note_en: str = ""

    @property
    def citation(self) -> str:
        """The reference as figures cite it: a national document by its short form."""
        return self.cite or self.reference

    def describe(self, lang: Lang) -> str:
        """The description in ``lang`` (the Chinese when there is no English)."""
        return in_lang(self.description, self.description_en, lang)

    def remark(self, lang: Lang) -> str:
        """The note (the other reading, why the bureau sets it) in ``lang``; "" when none."""
        return in_lang(self.note, self.note_en, lang)

    def dated(self, year: int) -> Dated:
        cutoff = date(year, 9, 1)
        in_force = [d for d in self.values if d.start <= cutoff]
        if not in_force:
            first = self.values[0].start
            start = first.year if first <= date(first.year, 9, 1) else first.year + 1
            raise PolicyError(
                msg(
                    "policy.no_value",
                    path=self.path,
                    school_year=f"{year}-{year + 1}",
                    first=f"{start}-{start + 1}",
                ),
                self.values[0].file,
                self.values[0].line,
            )
        current = in_force[-1]
        if self.override is not None:
            return Dated(current.start, self.override[0], self.override[1])
        return current


@dataclass(frozen=True)
class ParamUse:
    """One parameter as a computation read it."""

    path: str
    value: Value
    unit: str
    origin: Origin
    clause: str
    reference: str
    set_by: str
    note: str = ""
    file: str | None = None  # where the value was set, as data (policy.yaml and its line)
    line: int | None = None
    cite: str = ""  # the short form of a national reference (72号)
    alternative: str = ""  # an interpretation: the other reading, as --set takes it
    note_en: str = ""

    @property
    def citation(self) -> str:
        return self.cite or self.reference

    def remark(self, lang: Lang) -> str:
        """The note in ``lang``; "" when none."""
        return in_lang(self.note, self.note_en, lang)

    @property
    def reading(self) -> bool:
        """Whether the value is our reading of the plan: an interpretation's bundled value.
        One a data folder or --set changed is the bureau's choice, not our reading."""
        return self.origin == "interpretation" and self.set_by == "bundled"


def in_lang(zh: str, en: str, lang: Lang) -> str:
    """A policy text in ``lang``: English falls back to the Chinese when none is given."""
    return en if lang == "en" and en else zh


# --------------------------------------------------------------------------- values


def _as_bool(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        s = normalize(raw).lower()
        if s in ("true", "yes", "1", "是"):
            return True
        if s in ("false", "no", "0", "否"):
            return False
    return None


def _as_number(raw: Any, kind: Kind) -> int | Decimal | None:
    """``raw`` as a number of ``kind``; one too large to be a value is kept as it is, for
    the range check to refuse (never turned into an int of a million digits)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if kind == "integer" else Decimal(raw)
    if isinstance(raw, Decimal):
        if kind == "decimal" or raw.copy_abs() >= _LIMIT:
            return raw
        return int(raw) if raw == raw.to_integral_value() else None
    if isinstance(raw, str):
        text = normalize(raw)
        if len(text) > MAX_NUMBER_TEXT:  # no value, and too long to convert safely
            return None
        return parse_whole(text) if kind == "integer" else parse_decimal(text)
    return None


def _band_value(raw: Any) -> BandValue | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | Decimal):
        return raw
    if isinstance(raw, str):
        text = normalize(raw)
        if len(text) > MAX_NUMBER_TEXT:
            return text
        if text.startswith("-"):  # a negative number: the range check refuses it as such
            negative = _band_value(text[1:])
            return -negative if isinstance(negative, int | Decimal) else text
        n = parse_whole(text)
        if n is not None:
            return n
        d = parse_decimal(text)
        return d if d is not None else text
    return None


def _bands(raw: Any) -> tuple[Band, ...] | None:
    """Bands from YAML (a list of {min, value}) or --set text ("500:20000,200:15000,0:10000")."""
    pairs: list[tuple[Any, Any]] = []
    if isinstance(raw, str):
        for part in normalize(raw).split(","):
            if ":" not in part:
                return None
            lo, _, val = part.partition(":")
            pairs.append((lo.strip(), val.strip()))
    elif isinstance(raw, list):
        for item in raw:
            if not isinstance(item, Mapping) or set(item) != {"min", "value"}:
                return None
            pairs.append((item["min"], item["value"]))
    else:
        return None
    bands: list[Band] = []
    for lo, val in pairs:
        low = _as_number(lo, "decimal")
        value = _band_value(val)
        if not isinstance(low, Decimal) or low < 0 or value is None:
            return None
        bands.append(Band(low, value))
    bands.sort(key=lambda b: b.min, reverse=True)
    mins = [b.min for b in bands]
    if not bands or len(set(mins)) != len(mins) or mins[-1] != 0:
        return None
    return tuple(bands)


def convert(
    raw: Any, kind: Kind, nullable: bool, choices: tuple[str, ...] = ()
) -> tuple[bool, Value]:
    """(ok, value): ``raw`` as a value of ``kind`` (one of ``choices`` for a choice)."""
    if raw is None or (isinstance(raw, str) and normalize(raw).lower() in ("null", "none", "")):
        return nullable, None
    if kind == "choice":
        text = normalize(raw) if isinstance(raw, str) else ""
        return text in choices, text
    if kind == "boolean":
        b = _as_bool(raw)
        return b is not None, b
    if kind in ("integer", "decimal"):
        n = _as_number(raw, kind)
        return n is not None and n >= 0, n  # money, ratios, counts: never negative
    if kind == "texts":
        if isinstance(raw, str):
            items = [s.strip() for s in normalize(raw).replace("、", ",").split(",")]
        elif isinstance(raw, list) and all(isinstance(s, str) for s in raw):
            items = [s.strip() for s in raw]
        else:
            return False, None
        return all(items) and bool(items), tuple(items)
    bands = _bands(raw)
    return bands is not None, bands


def _bands_fit(kind: Kind, band_by: str | None, value: Value) -> bool:
    """Bands over whole counts (students, classes) need whole-number minimums."""
    if kind != "bands" or band_by not in ("students", "classes") or value is None:
        return True
    assert isinstance(value, tuple)
    return all(
        b.min.copy_abs() >= _LIMIT or b.min == b.min.to_integral_value()
        for b in value
        if isinstance(b, Band)
    )


def _number_problem(value: int | Decimal, path: str, what: str = "value") -> Msg | None:
    """Why a number cannot be a parameter's value: too large, or too close to 0 (a ratio
    of 10^-30 students per post would need more posts than Decimal can count).  ``what``:
    ``value``, ``band_min`` or ``band_value``, the number the message names."""
    size = Decimal(value).copy_abs()  # exact: no context, so no overflow
    fields = {"path": path, "what": msg(f"policy.what.{what}"), "value": quoted(value)}
    if size >= _LIMIT:
        return msg("policy.value.too_large", digits=MAX_DIGITS, **fields)
    if size != 0 and size < _SMALLEST:
        return msg("policy.value.too_small", digits=MAX_DIGITS, **fields)
    return None


MAX_TEXT = 40  # a purpose or a grade's name: a phrase, never a paragraph


def _declared(param: Parameter, number: Decimal, path: str, what: str = "value") -> Msg | None:
    """Outside the range policy.yaml declares for the parameter (``range: [low, high]``)."""
    if param.range is None:
        return None
    low, high = param.range
    if low <= number <= high:
        return None
    fields = {
        "path": path,
        "what": msg(f"policy.what.{what}"),
        "low": low,
        "high": high,
        "value": quoted(number),
    }
    unit = unit_label(param.unit)
    if unit is None:
        return msg("policy.value.declared_range", **fields)
    return msg("policy.value.declared_range.unit", unit=unit, **fields)


def unit_label(unit: str) -> Msg | None:
    """A parameter's unit (yuan, heads) in words of either language; None when the
    catalogue has none for it (a share, a factor: a plain number)."""
    key = f"unit.{unit}"
    texts = CATALOGUE.get(key)
    return msg(key) if texts is not None and all(t.strip() for t in texts) else None


def _declared_range(
    raw: Any, path: str, file: str, line: int | None
) -> tuple[Decimal, Decimal] | None:
    if raw is None:
        return None
    bounds = [_as_number(b, "decimal") for b in raw] if isinstance(raw, list) else []
    if len(bounds) != 2 or not all(isinstance(b, Decimal) for b in bounds):
        raise PolicyError(msg("policy.def.range", path=path), file, line)
    low, high = bounds
    assert isinstance(low, Decimal) and isinstance(high, Decimal)
    return low, high


def _range_problem(param: Parameter, value: Value, path: str) -> Msg | None:
    """Why a converted value is out of the parameter's declared range, with the value:
    the one check every value passes, bundled, from a data folder, or from --set."""
    if value is None:
        return None
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        number = Decimal(value)
        problem = _number_problem(value, path)
        if problem is None and param.unit in _UNIT_RANGE:
            low, high, key = _UNIT_RANGE[param.unit]
            if not low <= number <= high:
                problem = msg(key, path=path, low=low, high=high, value=quoted(value))
        return problem or _declared(param, number, path)
    if isinstance(value, tuple) and param.kind == "texts":
        for text in value:
            if isinstance(text, str) and len(text) > MAX_TEXT:
                return msg(
                    "policy.value.name_too_long", path=path, limit=MAX_TEXT, value=quoted(text)
                )
    if param.kind == "bands" and isinstance(value, tuple):
        for band in value:
            if not isinstance(band, Band):
                continue
            problem = _number_problem(band.min, path, "band_min")
            if problem is not None:
                return problem
            if param.band_values != "number":
                if isinstance(band.value, str) and len(band.value) > MAX_TEXT:
                    return msg(
                        "policy.value.band_name_too_long",
                        path=path,
                        limit=MAX_TEXT,
                        value=quoted(band.value),
                    )
                continue
            v = band.value
            if not isinstance(v, int | Decimal) or isinstance(v, bool):
                return msg("policy.value.band_not_number", path=path, value=quoted(v))
            problem = (
                _number_problem(v, path, "band_value")
                or (
                    msg("policy.value.band_negative", path=path, value=quoted(v)) if v < 0 else None
                )
                or _declared(param, Decimal(v), path, "band_value")
            )
            if problem is not None:
                return problem
    return None


def accept(param: Parameter, raw: Any, path: str | None = None) -> tuple[Value, Msg | None]:
    """``raw`` (a YAML value or --set text) as a value of ``param``: (value, None), or
    (None, what is wrong, quoting the value) when its type or range does not fit.  The
    message names the parameter as ``path`` (its path, or ``--set PATH``)."""
    path = param.path if path is None else path
    code = unprintable(raw) if isinstance(raw, str) else None
    if code is not None:  # --set text from a terminal: an invalid byte, a control code
        return None, msg("policy.value.not_text", path=path, code=f"U+{code:04X}")
    ok, value = convert(raw, param.kind, param.nullable, param.choices)
    if not (ok and _bands_fit(param.kind, param.band_by, value)):
        key = "policy.value.expected_or_null" if param.nullable else "policy.value.expected"
        return None, msg(key, path=path, hint=_hint(param), value=quoted(raw))
    problem = _range_problem(param, value, path)
    return (None, problem) if problem is not None else (value, None)


def _hint(param: Parameter) -> Msg:
    """What a value of this parameter looks like; bands by the parameter's own example."""
    if param.kind == "choice":
        return msg("policy.hint.choice", choices=Join(param.choices))
    if param.kind != "bands":
        return msg(f"policy.hint.{param.kind}")
    current = param.values[-1].value
    assert isinstance(current, tuple)
    example = ",".join(f"{b.min}:{b.value}" for b in current if isinstance(b, Band))
    return msg("policy.hint.bands", example=example)


def _date(raw: Any) -> date | None:
    """A date a value takes effect on (a date, not a moment; years 1900 to 2200)."""
    day: date | None = None
    if isinstance(raw, date) and not isinstance(raw, datetime):
        day = raw
    elif isinstance(raw, str) and len(raw) <= 40:
        try:
            day = date.fromisoformat(raw.strip())
        except ValueError:
            return None
    return day if day is not None and FIRST_YEAR <= day.year <= LAST_YEAR else None


# --------------------------------------------------------------------------- the policy


_META = {
    "description",
    "unit",
    "type",
    "origin",
    "clause",
    "reference",
    "note",
    "cite",
    "alternative",
    "range",
    "values",
    "nullable",
    "band_by",
    "choices",
}
_OVERLAY_FIELDS = {"values", "description"}


@dataclass(frozen=True)
class Policy:
    parameters: Mapping[str, Parameter]
    files: tuple[Path, ...] = field(default=())

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.parameters.values())

    def get(self, path: str) -> Parameter:
        try:
            return self.parameters[path]
        except KeyError:
            raise PolicyError(_unknown(path, self.parameters)) from None

    def start(self) -> date:
        return min(p.values[0].start for p in self)

    def with_sets(self, sets: Iterable[str]) -> Policy:
        """This policy with ``--set PATH=VALUE`` overrides applied."""
        params = dict(self.parameters)
        for item in sets:
            path, eq, text = item.partition("=")
            path = path.strip()
            if not eq or not path:
                raise UsageError(msg("policy.set.syntax", value=quoted(item)))
            param = self.get(path)
            value, problem = accept(param, text, f"--set {path}")
            if problem is not None:
                raise UsageError(problem)
            params[path] = replace(param, override=(value, "--set"))
        return replace(self, parameters=params)

    def in_force(self, year: int, prefix: str = "") -> tuple[tuple[Parameter, Dated], ...]:
        """Each parameter (under ``prefix``, a path or the start of paths) with its value for
        school year ``year``, in the bundled file's order: what ``groupctl params`` lists."""
        self.params(year)  # a year before the plan's figures is refused the same way
        chosen = [p for p in self if p.path == prefix or p.path.startswith(f"{prefix}.")]
        if prefix and not chosen:
            self.get(prefix)  # unknown: the error suggests the closest path
        return tuple((p, p.dated(year)) for p in (chosen if prefix else self))

    def first_year(self) -> int:
        """The first school year with figures: the one under way on the earliest value's date
        (SPEC §2: the plan names no effective date; the pilot began in May 2023 and its
        funding is per school year, so the bundled values start with 2023–2024)."""
        start = self.start()
        return start.year if start <= date(start.year, 9, 1) else start.year + 1

    def params(self, year: int) -> Params:
        """The parameters for school year ``year``; fails before the first year with figures."""
        first = self.first_year()
        if year < first:
            earliest = min((d for p in self for d in p.values), key=lambda d: d.start)
            # the plan names no date: say that the start is our reading, and why; a data
            # folder's policy.yaml that dated a value earlier: its date, not ours
            key = "policy.no_figures.plan" if earliest.set_by == "bundled" else "policy.no_figures"
            raise PolicyError(
                msg(
                    key,
                    school_year=f"{year}-{year + 1}",
                    first_year=f"{first}-{first + 1}",
                    first=first,
                ),
                earliest.file,
                earliest.line,
            )
        return Params(self, year)


def _unknown(path: str, known: Iterable[str]) -> Msg:
    """An unknown parameter, with the closest known paths when some are close."""
    shown = bare(path)
    close = closest(path, list(known))
    if not close:
        return msg("policy.unknown", path=shown)
    return msg("policy.unknown.suggest", path=shown, close=Join(tuple(close)))


class Params:
    """The values in force for one school year; remembers what was read."""

    def __init__(self, policy: Policy, year: int) -> None:
        self.policy = policy
        self.year = year
        self.used: dict[str, ParamUse] = {}

    def _read(self, path: str, kind: Kind, *, record: bool = True) -> Value:
        """The value in force; ``record``: note it among the parameters the figures used."""
        param = self.policy.get(path)
        if param.kind != kind:  # a bug in rule code, not user input
            raise TypeError(f"{path} is {param.kind}, read as {kind}")
        d = param.dated(self.year)
        if record:
            self.used[path] = ParamUse(
                path,
                d.value,
                param.unit,
                param.origin,
                param.clause,
                param.reference,
                d.set_by,
                param.note,
                d.file,
                d.line,
                param.cite,
                param.alternative,
                param.note_en,
            )
        return d.value

    def integer(self, path: str) -> int:
        v = self._read(path, "integer")
        assert isinstance(v, int)
        return v

    def decimal(self, path: str) -> Decimal:
        v = self._read(path, "decimal")
        assert isinstance(v, Decimal)
        return v

    def optional_decimal(self, path: str) -> Decimal | None:
        """A parameter that may be unset; an unset one shaped no figure and is not recorded."""
        v = self._read(path, "decimal", record=False)
        assert v is None or isinstance(v, Decimal)
        if v is not None:
            self._read(path, "decimal")
        return v

    def boolean(self, path: str) -> bool:
        v = self._read(path, "boolean")
        assert isinstance(v, bool)
        return v

    def texts(self, path: str) -> tuple[str, ...]:
        v = self._read(path, "texts")
        assert isinstance(v, tuple)
        return tuple(str(s) for s in v)

    def choice(self, path: str) -> str:
        v = self._read(path, "choice")
        assert isinstance(v, str)
        return v

    def bands(self, path: str) -> tuple[Band, ...]:
        v = self._read(path, "bands")
        assert isinstance(v, tuple)
        return tuple(b for b in v if isinstance(b, Band))

    def whole_bands(self, path: str) -> tuple[Band, ...]:
        """Bands whose values must be whole numbers (yuan, posts)."""
        bands = self.bands(path)
        for b in bands:
            if isinstance(b.value, bool) or not isinstance(b.value, int):
                set_by = self.used[path].set_by
                raise PolicyError(
                    msg(
                        "policy.band_not_whole",
                        path=path,
                        value=quoted(b.value),
                        set_by=msg("policy.bundled") if set_by == "bundled" else set_by,
                    ),
                    *where(self, path),
                )
        return bands

    def uses(self) -> tuple[ParamUse, ...]:
        return tuple(self.used[k] for k in sorted(self.used))


def where(params: Params, *paths: str) -> tuple[str | None, int | None]:
    """The file and line that set the first of ``paths`` a data folder changed, for an error
    about those parameters to point at; (None, None) when they are all bundled or --set."""
    for p in paths:
        use = params.used.get(p)
        if use is not None and use.file is not None:
            return use.file, use.line
    return None, None


def changed_origins(params: Params, paths: tuple[str, ...]) -> Msg | str:
    """ " (changed: PATH ORIGIN, …)" for the parameters a run changed, for error messages
    (a field of one: the message puts it right after what it qualifies); "" when none."""
    changed = [
        params.used[p] for p in paths if p in params.used and params.used[p].set_by != "bundled"
    ]
    if not changed:
        return ""
    return msg("policy.changed", items=Join(tuple(f"{u.path} {u.set_by}" for u in changed)))


# --------------------------------------------------------------------------- bands


def band_index(bands: tuple[Band, ...], amount: int | Decimal) -> int:
    """Index of the band ``amount`` falls in (bands sorted by ``min``, highest first)."""
    for i, b in enumerate(bands):
        if amount >= b.min:
            return i
    raise ValueError(f"{amount} is below every band")  # bands always reach 0


def band_label(bands: tuple[Band, ...], index: int) -> str:
    """``500+``, ``200-499``, ``<200``: the band's range in whole counts."""
    low = int(bands[index].min)
    if index == 0:
        return f"{low}+"
    upper = int(bands[index - 1].min) - 1
    if low == 0:
        return f"<{upper + 1}"
    return f"{low}-{upper}"


# --------------------------------------------------------------------------- loading


def _walk(node: Any, prefix: str) -> Iterator[tuple[str, Any, int | None]]:
    """(path, definition, line of its key) for each parameter node below ``node``."""
    for key in node:
        path = f"{prefix}.{key}" if prefix else str(key)
        child = node[key]
        if isinstance(child, Mapping) and "values" not in child:
            yield from _walk(child, path)
        else:
            yield path, child, key_line(node, key)


def _parse_values(
    raw: Any, param: Parameter, origin_file: str, path: str, line: int | None
) -> list[Dated]:
    """The dated values of ``raw`` (a mapping of dates to values) as ``param`` takes them."""
    if not isinstance(raw, Mapping) or not raw:
        raise PolicyError(msg("policy.values.not_mapping", path=path), origin_file, line)
    out = []
    for key in raw:
        start = _date(key)
        at = key_line(raw, key) or line
        if start is None:
            raise PolicyError(
                msg(
                    "policy.values.date",
                    path=path,
                    value=quoted(key),
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                ),
                origin_file,
                at,
            )
        value, problem = accept(param, raw[key])
        if problem is not None:
            raise PolicyError(problem, origin_file, at)
        out.append(
            Dated(start, value, "bundled", None, None)
            if origin_file == "<bundled>"
            else Dated(start, value, f"{origin_file}:{at}", origin_file, at)
        )
    return out


def _definition(path: str, node: Any, file: str, line: int | None) -> Parameter:
    if not isinstance(node, Mapping):
        raise PolicyError(msg("policy.def.not_mapping", path=path), file, line)
    unknown = set(node) - _META
    if unknown:
        fields = Join(tuple(sorted(unknown)))
        raise PolicyError(msg("policy.def.unknown", path=path, fields=fields), file, line)
    kind = node.get("type")
    origin = node.get("origin")
    if kind not in KINDS:
        raise PolicyError(msg("policy.def.type", path=path, known=Join(KINDS)), file, line)
    if origin not in ORIGINS:
        raise PolicyError(msg("policy.def.origin", path=path, known=Join(ORIGINS)), file, line)
    for meta in ("unit", "clause"):
        if not isinstance(node.get(meta), str):
            raise PolicyError(msg("policy.def.not_text", path=path, field=meta), file, line)
    description = _both_languages(node.get("description"), "description", path, file, line)
    note = (
        ("", "")
        if node.get("note") is None
        else _both_languages(node["note"], "note", path, file, line)
    )
    if origin == "national" and not isinstance(node.get("reference"), str):
        raise PolicyError(msg("policy.def.reference", path=path), file, line)
    if origin == "interpretation" and not (note[0] and isinstance(node.get("alternative"), str)):
        raise PolicyError(msg("policy.def.interpretation", path=path), file, line)
    choices = node.get("choices") or []
    if kind == "choice" and not (choices and all(isinstance(c, str) for c in choices)):
        raise PolicyError(msg("policy.def.choices", path=path), file, line)
    clause = str(node["clause"])
    param = Parameter(
        path=path,
        kind=kind,
        unit=node["unit"],
        origin=origin,
        clause=clause,
        reference=str(node.get("reference") or clause),
        description=description[0],
        description_en=description[1],
        values=(),
        nullable=bool(node.get("nullable", False)),
        band_by=node.get("band_by"),
        note=note[0],
        note_en=note[1],
        choices=tuple(str(c) for c in choices),
        cite=str(node.get("cite") or ""),
        alternative=str(node.get("alternative") or ""),
        range=_declared_range(node.get("range"), path, file, line),
        band_values=_band_kind(node["values"]) if kind == "bands" else "",
    )
    values = _parse_values(node["values"], param, file, path, line)
    values.sort(key=lambda d: d.start)
    if param.alternative and accept(param, param.alternative)[1] is not None:
        raise PolicyError(msg("policy.def.alternative", path=path), file, line)
    return replace(param, values=tuple(values))


_LANGUAGES = ("zh", "en")


def _both_languages(raw: Any, name: str, path: str, file: str, line: int | None) -> tuple[str, str]:
    """A bundled text (``description``, ``note``) as (Chinese, English): ``{zh: …, en: …}``,
    both given; output shows the one --lang asks for."""
    if (
        isinstance(raw, Mapping)
        and set(raw) == set(_LANGUAGES)
        and all(isinstance(raw[k], str) and raw[k].strip() for k in _LANGUAGES)
    ):
        return str(raw["zh"]), str(raw["en"])
    raise PolicyError(msg("policy.def.languages", path=path, field=name), file, line)


def _description(raw: Any, path: str, file: str, line: int | None) -> tuple[str, str]:
    """A data folder's description: Chinese text, or ``{zh: …, en: …}`` (``en`` optional:
    without it, English output shows the Chinese)."""
    if isinstance(raw, str) and raw.strip():
        return raw, ""
    if (
        isinstance(raw, Mapping)
        and "zh" in raw
        and set(raw) <= set(_LANGUAGES)
        and all(isinstance(v, str) and v.strip() for v in raw.values())
    ):
        return str(raw["zh"]), str(raw.get("en") or "")
    if isinstance(raw, Mapping):
        raise PolicyError(msg("policy.overlay.description.languages", path=path), file, line)
    raise PolicyError(msg("policy.overlay.description", path=path, value=quoted(raw)), file, line)


def _band_kind(values: Any) -> Literal["number", "text"]:
    """Whether a bundled bands parameter's values are numbers (all of them) or labels."""
    raw = [
        item.get("value")
        for bands in (values.values() if isinstance(values, Mapping) else ())
        if isinstance(bands, list)
        for item in bands
        if isinstance(item, Mapping)
    ]
    numbers = [v for v in raw if isinstance(v, int | Decimal) and not isinstance(v, bool)]
    return "number" if raw and len(numbers) == len(raw) else "text"


def _overlay_walk(
    node: Mapping[Any, Any], prefix: str, known: Mapping[str, Parameter]
) -> Iterator[tuple[str, Any, int | None]]:
    """(path, node, line of its key) for each parameter a data folder's policy.yaml sets.
    A known parameter's node is its own whatever it holds (a value, or ``values:`` and
    ``description:``), so that a misspelt field under it is named as such; a key that
    leads to no known parameter is yielded for the caller to refuse as unknown."""
    for key in node:
        path = f"{prefix}.{key}" if prefix else str(key)
        child = node[key]
        below = f"{path}."
        if (
            path not in known
            and isinstance(child, Mapping)
            and any(p.startswith(below) for p in known)
        ):
            yield from _overlay_walk(child, path, known)
        else:
            yield path, child, key_line(node, key)


def _overlay_fields(node: Mapping[Any, Any], path: str, file: str, line: int | None) -> None:
    """Refuse a field a data folder may not give under a parameter: a misspelt or unknown
    one (with the closest field it may set), or one of the bundled definition's."""
    keys = sorted(str(k) for k in node)
    unknown = [k for k in keys if k not in _META]
    if unknown:
        close = closest(unknown[0], sorted(_OVERLAY_FIELDS)) if len(unknown) == 1 else []
        if close:
            problem = msg(
                "policy.overlay.unknown.suggest",
                path=path,
                field=bare(unknown[0]),
                close=Join(tuple(close)),
            )
        else:
            fields = Join(tuple(bare(k) for k in unknown))
            problem = msg("policy.overlay.unknown", path=path, fields=fields)
        raise PolicyError(problem, file, line)
    fixed = [k for k in keys if k not in _OVERLAY_FIELDS]
    if fixed:
        raise PolicyError(
            msg("policy.overlay.fixed", path=path, fields=Join(tuple(fixed))), file, line
        )
    if not keys:
        raise PolicyError(msg("policy.overlay.empty", path=path), file, line)


def _overlay(base: dict[str, Parameter], doc: Any, file: str) -> None:
    if doc is None:
        return
    if not isinstance(doc, Mapping):
        raise PolicyError(msg("policy.not_mapping"), file, 1)
    for path, node, line in _overlay_walk(doc, "", base):
        if path not in base:
            raise PolicyError(_unknown(path, base), file, line)
        param = base[path]
        if isinstance(node, Mapping):  # no value is a mapping: the parameter's fields
            _overlay_fields(node, path, file, line)
            values = param.values
            if "values" in node:
                fresh = _parse_values(node["values"], param, file, path, line)
                merged = {d.start: d for d in param.values}
                merged.update({d.start: d for d in fresh})
                values = tuple(merged[k] for k in sorted(merged))
            zh, en = (param.description, param.description_en)
            if "description" in node:
                # the bureau's own words: its English, or none (English shows its Chinese),
                # never the bundled English of a description it has rewritten
                zh, en = _description(node["description"], path, file, line)
            base[path] = replace(param, values=values, description=zh, description_en=en)
        else:
            value, problem = accept(param, node)
            if problem is not None:
                raise PolicyError(problem, file, line)
            base[path] = replace(
                param, values=(Dated(param.values[0].start, value, f"{file}:{line}", file, line),)
            )


@cache
def _bundled() -> Mapping[str, Parameter]:
    """The bundled definitions, read once per process (parameters are immutable)."""
    doc = load_yaml(BUNDLED_POLICY, "<bundled>/policy.yaml")
    params: dict[str, Parameter] = {}
    for path, node, line in _walk(doc, ""):
        params[path] = _definition(path, node, "<bundled>", line)
    return MappingProxyType(params)


def load_policy(data_dir: Path | None = None) -> Policy:
    """The bundled defaults, with the data directory's policy.yaml merged over them."""
    params = dict(_bundled())
    files = [BUNDLED_POLICY]
    local = None if data_dir is None else data_dir / POLICY_FILE
    # Present in any form (a directory, a dangling or looping link, unreadable), it is
    # read, and load_yaml says what is wrong with it: never the bundled values in silence.
    if local is not None and os.path.lexists(local) and not _same_file(local, BUNDLED_POLICY):
        _overlay(params, load_yaml(local, POLICY_FILE), POLICY_FILE)
        files.append(local)
    return Policy(params, tuple(files))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
