"""The report as an xlsx workbook (XlsxWriter, imported only here).

The first sheet, 说明 (notes), is the cover: title, data, the what-if line after
``--set``, the contents and the notes.  Then one sheet per part: its tables one below
the other, each with the same fact rows as the command's own CSV and xlsx (money,
counts and scores stored as numbers with a number format), the summary's figures as
numbers, and native charts (funding by group; coverage by year).  Columns are fitted
to CJK text, which counts double.
"""

from __future__ import annotations

import io
from typing import Any

from groupctl.labels import Lang, t
from groupctl.output.model import Column, Section
from groupctl.output.render import data_cell
from groupctl.output.xlsx import NUMBER_FORMATS, new_workbook, sheet_name, text_width
from groupctl.report.markdown import one_line
from groupctl.report.model import Chart, Figure, Part, Report
from groupctl.report.tables import figure_text

# XlsxWriter stamps the file with the time it was written unless told otherwise; the same
# inputs must give the same bytes, so the file carries the zip format's own epoch instead
# (XlsxWriter dates the zip entries the same way).

_CHART_ROWS = 17  # the rows a chart covers below its data
_MAX_WIDTH = 60


class _Sheet:
    """One worksheet written row by row, remembering how wide each column needs to be."""

    def __init__(self, sheet: Any, styles: dict[str, Any]) -> None:
        self.sheet = sheet
        self.styles = styles
        self.row = 0
        self.widths: dict[int, int] = {}

    def fit(self, col: int, text: str) -> None:
        self.widths[col] = max(self.widths.get(col, 0), text_width(text))

    def text(self, col: int, value: str, style: str | None = None, fit: bool = True) -> None:
        self.sheet.write_string(self.row, col, value, self.styles.get(style or ""))
        if fit:
            self.fit(col, value)

    def number(self, col: int, value: Any, kind: str, shown: str) -> None:
        fmt = self.styles.get(f"num.{kind}")
        self.sheet.write_number(self.row, col, value, fmt)
        self.fit(col, shown)

    def line(self, text: str, style: str | None = None) -> None:
        """A line of text in the first column, spilling over the empty cells to its right."""
        self.text(0, text, style, fit=False)
        self.row += 1

    def skip(self, rows: int = 1) -> None:
        self.row += rows

    def finish(self) -> None:
        for col, width in sorted(self.widths.items()):
            self.sheet.set_column(col, col, min(width + 2, _MAX_WIDTH))


def render_xlsx(report: Report, lang: Lang) -> bytes:
    buf = io.BytesIO()
    book = new_workbook(buf, report.title)
    styles: dict[str, Any] = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "bold": book.add_format({"bold": True}),
        "header": book.add_format({"bold": True, "bottom": 1, "bg_color": "#E6ECF5"}),
        "what-if": book.add_format({"bold": True, "font_color": "#B3261E"}),
        "note": book.add_format({"font_color": "#444444"}),
        **{f"num.{k}": book.add_format({"num_format": f}) for k, f in NUMBER_FORMATS.items()},
    }
    taken: set[str] = set()
    _cover(book, report, lang, styles, taken)
    for part in report.parts:
        sheet = _Sheet(book.add_worksheet(sheet_name(part.sheet, taken)), styles)
        sheet.line(part.title, "title")
        if report.scenario:
            sheet.line(report.scenario, "what-if")
        sheet.skip()
        if part.omitted is not None:
            sheet.line(t("report.omitted", lang, part=part.title, reason=part.omitted), "note")
        else:
            if part.figures:
                _figures(sheet, part, report, lang)
            for chart in part.charts:
                _chart(book, sheet, chart, lang)
            for section in part.sections:
                _section(sheet, section, lang)
            for line in part.lines:
                sheet.line(one_line(line, lang), "note")
        sheet.finish()
    book.close()
    return buf.getvalue()


def _cover(book: Any, report: Report, lang: Lang, styles: dict[str, Any], taken: set[str]) -> None:
    sheet = _Sheet(book.add_worksheet(sheet_name(t("sheet.notes", lang), taken)), styles)
    if report.scenario:  # the first line says it: a what-if must not pass for the real figures
        sheet.line(report.scenario, "what-if")
    sheet.line(report.title, "title")
    sheet.line(report.source)
    sheet.skip()
    sheet.line(t("report.contents", lang), "bold")
    for n, part in enumerate(report.parts, start=1):
        where = part.sheet if part.omitted is None else part.omitted
        sheet.text(0, f"{n}. {part.title}")
        sheet.text(1, where, fit=False)
        sheet.skip()
    if report.notes:
        sheet.skip()
        for note in report.notes:
            sheet.line(note, "note")
    sheet.finish()


def _figures(sheet: _Sheet, part: Part, report: Report, lang: Lang) -> None:
    """The summary: one row per figure, this year, last year and the change, as numbers."""
    from groupctl.labels import school_year

    sheet.line(part.figures_title, "bold")
    header = [t("report.col.figure", lang), school_year(report.year, lang)]
    if report.previous_year is not None:
        header += [school_year(report.previous_year, lang), t("report.col.change", lang)]
    for c, label in enumerate(header):
        sheet.text(c, label, "header")
    sheet.skip()
    for f in part.figures:
        sheet.text(0, f.label)
        values = [f.value]
        if report.previous_year is not None:
            values += [f.previous, f.change]
        for c, value in enumerate(values, start=1):
            _figure_cell(sheet, c, f, value, lang)
        sheet.skip()
    sheet.skip()


def _figure_cell(sheet: _Sheet, col: int, f: Figure, value: Any, lang: Lang) -> None:
    if value is None:
        return
    if isinstance(value, str):
        sheet.text(col, value)
        return
    kind = f.kind if f.kind in NUMBER_FORMATS else "count"
    sheet.number(
        col, data_cell(value, Column("v", kind=kind), lang), kind, figure_text(value, f.kind, lang)
    )


def _section(sheet: _Sheet, section: Section, lang: Lang) -> None:
    """A view's table: its title, the lines under it, the header and the fact rows."""
    sheet.line(one_line(section.title, lang), "bold")
    for line in section.lines:
        sheet.line(line, "note")
    cols = section.shown_columns("data")
    for c, col in enumerate(cols):
        sheet.text(c, col.label(lang), "header")
    sheet.skip()
    for row in section.facts():
        for c, col in enumerate(cols):
            _cell(sheet, c, data_cell(row.values.get(col.key), col, lang), col)
        sheet.skip()
    sheet.skip()


def _cell(sheet: _Sheet, c: int, value: Any, col: Column) -> None:
    if value is None:
        return
    if col.kind in NUMBER_FORMATS:
        sheet.number(
            c, value, col.kind, f"{value:,}" if col.kind in ("money", "count") else str(value)
        )
    elif col.kind == "decimal":
        sheet.number(c, value, "decimal", str(value))
    else:
        sheet.text(c, str(value))


def _chart(book: Any, sheet: _Sheet, chart: Chart, lang: Lang) -> None:
    """The chart's figures as a small table, and a native bar chart drawn from them."""
    sheet.line(chart.title, "bold")
    kind = chart.kind
    first = sheet.row
    for bar in chart.bars:
        sheet.text(0, bar.label)
        value = data_cell(bar.value, Column("v", kind=kind), lang)
        sheet.number(1, value, kind, figure_text(bar.value, kind, lang))
        if chart.target is not None:
            sheet.number(
                2, data_cell(chart.target, Column("v", kind="rate"), lang), "rate", "0.0000"
            )
        sheet.skip()
    last = sheet.row - 1
    name = sheet.sheet.get_name()
    drawn = book.add_chart({"type": "bar"})
    drawn.add_series(
        {
            "name": chart.title,
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 1, last, 1],
            "data_labels": {"value": True},
            "fill": {"color": "#2B5797"},
        }
    )
    if chart.target is not None:
        drawn.add_series(
            {
                "name": chart.target_label,
                "categories": [name, first, 0, last, 0],
                "values": [name, first, 2, last, 2],
                "fill": {"color": "#B3261E"},
            }
        )
    drawn.set_title({"name": chart.title})
    drawn.set_legend({"none": chart.target is None, "position": "bottom"})
    drawn.set_y_axis({"reverse": True})  # the first group on top, as in the tables
    drawn.set_x_axis({"num_format": "0%" if kind == "rate" else "#,##0", "min": 0})
    drawn.set_size({"width": 720, "height": 20 * (_CHART_ROWS - 1)})
    sheet.sheet.insert_chart(sheet.row + 1, 0, drawn)
    sheet.skip(_CHART_ROWS + 1)
