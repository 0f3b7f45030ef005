"""What the three formats share: the summary as a table, a figure as people read it."""

from __future__ import annotations

from decimal import Decimal

from groupctl.labels import Lang, school_year, t
from groupctl.numbers import fixed
from groupctl.output.model import Column, Section
from groupctl.output.render import table_cell
from groupctl.report.model import Figure, FigureKind, Number, Part
from groupctl.views.coverage import percent


def figure_column(kind: FigureKind) -> Column:
    """The column kind that writes a figure: money with two decimals, counts with commas."""
    return Column("value", kind=kind)


def figure_text(value: Number | str | None, kind: FigureKind, lang: Lang) -> str:
    """A figure as the commands' tables show it: a rate as a percentage (61.54%)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == "rate":
        return percent(Decimal(value))
    return table_cell(value, figure_column(kind), lang)


def change_text(f: Figure, lang: Lang) -> str:
    """The change from last year, signed; a rate's in percentage points."""
    change = f.change
    if change is None:
        return ""
    if f.kind == "rate":
        text = t("report.points", lang, value=fixed(Decimal(change) * 100, 2))
    else:
        text = figure_text(change, f.kind, lang)
    return f"+{text}" if change > 0 else text


def summary_section(part: Part, year: int, previous: int | None, lang: Lang) -> Section:
    """The summary's figures as a table: this year, last year and the change."""
    columns = [
        Column("figure", t("report.col.figure", lang), t("report.col.figure", lang)),
        Column("value", school_year(year, lang), school_year(year, lang), "decimal"),
    ]
    if previous is not None:
        before = school_year(previous, lang)
        columns.append(Column("previous", before, before, "decimal"))
        columns.append(
            Column("change", t("report.col.change", lang), t("report.col.change", lang), "decimal")
        )
    table = Section(part.sheet, part.figures_title, tuple(columns))
    for f in part.figures:
        shown = {
            "figure": f.label,
            "value": figure_text(f.value, f.kind, lang),
            "previous": figure_text(f.previous, f.kind, lang),
            "change": change_text(f, lang),
        }
        table.add(shown=shown, figure=f.label)
    return table
