"""What a report holds, before it is drawn as markdown, HTML or xlsx.

A report is a list of parts (summary, groups, funding …).  Each part carries the
sections of the commands' own views (the same rows ``groupctl funding`` draws), the
lines and notes those views print, and where it helps a chart drawn from the same
records.  A part whose inputs are absent keeps its place with the reason it was left
out (``omitted``), so the reader sees what is missing and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from groupctl.labels import Lang
from groupctl.output.model import Section

FigureKind = Literal["count", "money", "rate", "text"]
Number = int | Decimal


@dataclass(frozen=True)
class Figure:
    """One district total of the summary, with last year's where the data has it."""

    key: str
    label: str
    kind: FigureKind
    value: Number | str | None
    previous: Number | str | None = None

    @property
    def change(self) -> Number | None:
        """This year's figure less last year's (numbers only)."""
        if self.kind == "text" or self.value is None or self.previous is None:
            return None
        assert not isinstance(self.value, str) and not isinstance(self.previous, str)
        return self.value - self.previous


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number


@dataclass(frozen=True)
class Chart:
    """A bar chart: one bar per group (money) or per school year (a rate, with its target)."""

    key: str
    title: str
    kind: Literal["money", "rate"]
    bars: tuple[Bar, ...]
    target: Decimal | None = None  # a rate's target, drawn as a line across the bars
    target_label: str = ""


@dataclass
class Part:
    """One part of the report: a page in HTML, a sheet in xlsx, a heading in markdown."""

    key: str  # summary, groups, funding, staffing, assessment, coverage, duties, ...
    title: str
    sheet: str  # the xlsx sheet name
    sections: list[Section] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # said below the tables
    charts: list[Chart] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # the summary's district totals
    figures_title: str = ""
    omitted: str | None = None  # why the part is left out (its inputs are absent)


@dataclass
class Report:
    """The year's whole report (``groupctl report YEAR -o FILE``)."""

    year: int
    lang: Lang
    title: str
    source: str  # where the data comes from, and the version
    scenario: str | None  # the what-if line after --set; None for the real figures
    parts: list[Part]
    previous_year: int | None = None  # the year the summary compares with, when it has data
    notes: list[str] = field(default_factory=list)  # for stderr, one line each
