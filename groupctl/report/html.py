"""The report as one self-contained HTML file, for the screen and for print.

Everything is in the file: the CSS inline, the charts as inline SVG; no script and
nothing fetched from the network.  Chinese text is set in the CJK fonts a machine has,
asked for by family name with fallbacks.  Printed, it is A4 with each part on a new
page.  Every text is escaped: names come from the data files.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from html import escape

from groupctl.labels import Lang, t
from groupctl.numbers import fixed, yuan
from groupctl.output.model import Row, Section
from groupctl.output.render import table_cells
from groupctl.report.model import Chart, Number, Part, Report
from groupctl.report.tables import summary_section

FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",'
    ' "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)

CSS = f"""
@page {{ size: A4; margin: 15mm 14mm 16mm; }}
html {{ font-family: {FONTS}; font-size: 10pt; color: #1b1b1b; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; }}
@media screen {{ body {{ max-width: 190mm; margin: 0 auto; padding: 10mm 8mm; }} }}
h1 {{ font-size: 19pt; margin: 0 0 2mm; color: #17365d; }}
h2 {{ font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1mm; color: #17365d;
  border-bottom: 2px solid #2b5797; }}
h3 {{ font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }}
.source {{ color: #555; margin: 0 0 4mm; }}
.what-if {{ border: 2px solid #b3261e; color: #b3261e; background: #fdecea; font-weight: bold;
  padding: 2mm 3mm; margin: 0 0 4mm; }}
nav ol {{ margin: 0 0 5mm; padding-left: 6mm; columns: 2; }}
nav a {{ color: inherit; text-decoration: none; }}
section.part {{ break-before: page; page-break-before: always; margin-top: 8mm; }}
@media print {{ section.part {{ margin-top: 0; }} }}
section.part.first {{ break-before: auto; page-break-before: auto; }}
.lines {{ margin: 0 0 1.5mm; color: #333; break-after: avoid; page-break-after: avoid; }}
svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 8.5pt; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th, td {{ padding: 0.8mm 1.6mm; text-align: left; vertical-align: top;
  border-bottom: 0.5px solid #c8cdd3; }}
th {{ background: #e6ecf5; border-bottom: 1px solid #2b5797; font-weight: bold; }}
td.num, th.num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
td.whole {{ white-space: nowrap; }}
td.ind1 {{ padding-left: 5mm; }}
td.ind2 {{ padding-left: 8mm; }}
tr.heading td {{ font-weight: bold; background: #f3f5f8; }}
tr.total td {{ font-weight: bold; border-top: 1px solid #555; }}
tr.origin-local td, tr.origin-interpretation td {{ background: #fff4dc; }}
tr.origin-local td.origin, tr.origin-interpretation td.origin {{ font-weight: bold;
  color: #8a4b00; }}
ul.notes {{ margin: 2mm 0 0; padding-left: 5mm; font-size: 8.5pt; color: #444; }}
p.omitted {{ font-style: italic; color: #8a4b00; }}
figure.chart {{ margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }}
figure.chart figcaption {{ font-weight: bold; margin-bottom: 1mm; }}
svg text {{ font-family: {FONTS}; font-size: 12px; fill: #1b1b1b; }}
svg .bar {{ fill: #2b5797; }}
svg .target {{ stroke: #b3261e; stroke-width: 2; stroke-dasharray: 6 4; }}
svg text.target-label {{ fill: #b3261e; }}
svg .axis {{ stroke: #888; stroke-width: 1; }}
"""


def render_html(report: Report, lang: Lang) -> str:
    e = escape
    html_lang = "zh-CN" if lang == "zh" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
    ]
    what_if = f'<p class="what-if">{e(report.scenario)}</p>' if report.scenario else ""
    if what_if:
        out.append(what_if)
    out.append(f"<h1>{e(report.title)}</h1>")
    out.append(f'<p class="source">{e(report.source)}</p>')
    out.append(f"<nav><h3>{e(t('report.contents', lang))}</h3><ol>")
    for part in report.parts:
        out.append(f'<li><a href="#part-{e(part.key)}">{e(part.title)}</a></li>')
    out.append("</ol></nav>")
    out.append("</header>")
    for n, part in enumerate(report.parts, start=1):
        first = " first" if n == 1 else ""
        out.append(f'<section class="part{first}" id="part-{e(part.key)}">')
        if what_if and n > 1:  # each printed part says it is a what-if
            out.append(what_if)
        out.append(f"<h2>{n}. {e(part.title)}</h2>")
        out.extend(_part(part, report, lang))
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _part(part: Part, report: Report, lang: Lang) -> list[str]:
    if part.omitted is not None:
        reason = t("report.omitted", lang, part=part.title, reason=part.omitted)
        return [f'<p class="omitted">{escape(reason)}</p>']
    out: list[str] = []
    if part.figures:
        out.append(_table(summary_section(part, report.year, report.previous_year, lang), lang))
    out.extend(_chart(c, lang) for c in part.charts)
    out.extend(_table(s, lang) for s in part.sections)
    if part.lines:
        items = "".join(f"<li>{_text(line)}</li>" for line in part.lines)
        out.append(f'<ul class="notes">{items}</ul>')
    return out


def _text(text: str) -> str:
    """Escaped, its line breaks kept."""
    return "<br>".join(escape(line.strip()) for line in text.split("\n"))


# --------------------------------------------------------------------------- tables


def _table(section: Section, lang: Lang) -> str:
    cols = section.shown_columns("table")
    out = [f"<h3>{_text(section.title)}</h3>"]
    out.extend(f'<p class="lines">{_text(line)}</p>' for line in section.lines)
    out.append("<table>")
    num = ' class="num"'
    heads = "".join(f"<th{num if c.numeric else ''}>{escape(c.label(lang))}</th>" for c in cols)
    out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append("<tbody>")
    for row in section.rows:
        cells = table_cells(row, cols, lang)
        tds = []
        for col, cell in zip(cols, cells, strict=True):
            classes = []
            if col.numeric:
                classes.append("num")
            elif col.kind == "id" or col.whole:
                classes.append("whole")
            if col.key == "origin":
                classes.append("origin")
            indent = len(cell) - len(cell.lstrip(" "))
            if indent and not col.numeric:
                classes.append("ind2" if indent >= 4 else "ind1")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            tds.append(f"<td{attr}>{_text(cell)}</td>")
        out.append(f"<tr{_row_class(row)}>{''.join(tds)}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _row_class(row: Row) -> str:
    classes: list[str] = [] if row.fact else [row.style]
    origin = row.values.get("origin")
    if origin in ("local", "interpretation"):  # marked: the plan does not fix these values
        classes.append(f"origin-{origin}")
    return f' class="{" ".join(classes)}"' if classes else ""


# --------------------------------------------------------------------------- charts

_WIDTH = 700
_LABELS = 250  # the bar labels' column
_VALUES = 110  # room for the value after the longest bar
_ROW = 28
_BAR = 18
_TOP = 6


def _px(value: Fraction | int) -> str:
    """An SVG coordinate to a tenth of a pixel, written the same way on every machine."""
    exact = Fraction(value)
    d = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return str(d.normalize()) if d != d.to_integral_value() else str(int(d))


def _value_text(value: Number, kind: str) -> str:
    if kind == "rate":
        return f"{fixed(Decimal(value) * 100, 2)}%"
    return yuan(value)


def _chart(chart: Chart, lang: Lang) -> str:
    """A horizontal bar chart: the labels on the left, each bar's value after it, and a
    rate chart's target as a dashed line across the bars."""
    area = _WIDTH - _LABELS - _VALUES
    # money scales to the largest bar; a rate to 100% (or more, should the data say so)
    top = max([Fraction(1), *(Fraction(b.value) for b in chart.bars)])
    rows = len(chart.bars)
    height = _TOP * 2 + rows * _ROW + (22 if chart.target is not None else 0)
    e = escape
    out = [
        f'<figure class="chart" id="chart-{e(chart.key)}">',
        f"<figcaption>{e(chart.title)}</figcaption>",
        f'<svg role="img" width="{_WIDTH}" height="{height}" viewBox="0 0 {_WIDTH} {height}">',
        f"<title>{e(chart.title)}</title>",
    ]
    for i, bar in enumerate(chart.bars):
        y = _TOP + i * _ROW
        width = Fraction(bar.value) / top * area
        mid = y + _BAR // 2 + 4
        out.append(
            f'<text x="{_LABELS - 8}" y="{mid}" text-anchor="end">{e(bar.label)}</text>'
            f'<rect class="bar" x="{_LABELS}" y="{y}" width="{_px(width)}" height="{_BAR}"/>'
            f'<text x="{_px(_LABELS + width + 6)}" y="{mid}">'
            f"{e(_value_text(bar.value, chart.kind))}</text>"
        )
    bottom = _TOP + rows * _ROW
    out.append(f'<line class="axis" x1="{_LABELS}" y1="{_TOP - 2}" x2="{_LABELS}" y2="{bottom}"/>')
    if chart.target is not None:
        x = _px(_LABELS + Fraction(chart.target) / top * area)
        out.append(
            f'<line class="target" x1="{x}" y1="{_TOP - 2}" x2="{x}" y2="{bottom + 4}"/>'
            f'<text class="target-label" x="{x}" y="{bottom + 18}" text-anchor="middle">'
            f"{e(chart.target_label)}</text>"
        )
    out.append("</svg></figure>")
    return "\n".join(out)
