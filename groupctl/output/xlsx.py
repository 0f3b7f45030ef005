"""Drawing an Output as an xlsx workbook (XlsxWriter, imported only here).

One sheet per section with the same fact rows as the CSV: money, counts and scores
stored as numbers with a number format, a bold frozen header, columns fitted to CJK
text; then a 说明 (notes) sheet with the meta block.  A file written after ``--set``
says so in the first line of that sheet, so a what-if cannot pass for the real figures.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime
from typing import Any

from groupctl.labels import Lang, t
from groupctl.output.model import Column, Output
from groupctl.output.render import _data_rows, data_header, scenario

NUMBER_FORMATS = {
    "money": "#,##0.00",
    "count": "#,##0",
    "year": "0",
    "score": "0.00",
    "rate": "0.0000",
}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def text_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


FIXED_DATE = datetime(1980, 1, 1)  # xlsx files carry a creation date; this one never changes


def sheet_name(name: str, taken: set[str]) -> str:
    base = _SHEET_BAD.sub("_", name)[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate = f"{base[:28]}_{n}"
        n += 1
    taken.add(candidate.lower())
    return candidate


def new_workbook(buf: io.BytesIO, title: str | None = None) -> Any:
    """An XlsxWriter workbook that stores text as text (never a formula, link or number)
    and carries no timestamp of the run, so that the same inputs give the same bytes."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    book.set_properties({"created": FIXED_DATE, **({"title": title} if title else {})})
    return book


def render_xlsx(out: Output, lang: Lang) -> bytes:
    buf = io.BytesIO()
    book = new_workbook(buf)
    bold = book.add_format({"bold": True})
    formats = {kind: book.add_format({"num_format": f}) for kind, f in NUMBER_FORMATS.items()}
    taken: set[str] = set()
    extra = [scenario(out)] if out.meta.sets else []
    for section in out.sections:
        sheet = book.add_worksheet(sheet_name(section.name, taken))
        cols: tuple[Column | None, ...] = (*section.shown_columns("data"), *(None for _ in extra))
        header = data_header(out, section, lang)
        widths = [text_width(h) for h in header]
        sheet.write_row(0, 0, header, bold)
        for r, cells in enumerate(_data_rows(out, lang, section), start=1):
            for c, (value, col) in enumerate(zip([*cells, *extra], cols, strict=True)):
                _write(sheet, r, c, value, col, formats)
                widths[c] = max(widths[c], text_width(_shown(value, col)))
        for c, w in enumerate(widths):
            sheet.set_column(c, c, min(w + 2, 60))
        sheet.freeze_panes(1, 0)
    _notes_sheet(book, out, lang, bold, taken)
    book.close()
    return buf.getvalue()


def _write(
    sheet: Any, r: int, c: int, value: Any, col: Column | None, formats: dict[str, Any]
) -> None:
    if value is None:
        return
    if col is not None and col.kind in NUMBER_FORMATS:
        sheet.write_number(r, c, value, formats[col.kind])
    elif col is not None and col.kind == "decimal":
        sheet.write_number(r, c, value)
    else:
        sheet.write_string(r, c, str(value))


def _shown(value: Any, col: Column | None) -> str:
    if value is None:
        return ""
    if col is not None and col.kind in ("money", "count"):
        return f"{value:,}"
    return str(value)


def _notes_sheet(book: Any, out: Output, lang: Lang, bold: Any, taken: set[str]) -> None:
    sheet = book.add_worksheet(sheet_name(t("sheet.notes", lang), taken))
    m = out.meta
    rows: list[tuple[str, str]] = []
    if m.sets:
        rows.append((t("meta.scenario", lang), t("note.scenario", lang, sets=scenario(out))))
    rows += [
        (t("meta.command", lang), out.command),
        (t("meta.school_year", lang), f"{out.year}-{out.year + 1}" if out.year is not None else ""),
        (t("meta.version", lang), m.version),
        (t("meta.data", lang), m.data or ""),
        (t("meta.illustrative", lang), "、".join(m.illustrative)),
        (t("meta.sets", lang), scenario(out)),
        (t("meta.local", lang), "、".join(m.local_parameters)),
        (t("meta.interpretations", lang), "、".join(m.interpretations)),
        (t("meta.national", lang), "、".join(m.national_parameters)),
    ]
    rows += [(t("meta.warning", lang), w) for w in m.warnings]
    rows += [(t("meta.note", lang), n) for n in out.notes]
    width = 10
    for r, (key, value) in enumerate(rows):
        sheet.write_string(r, 0, key, bold)
        sheet.write_string(r, 1, value)
        width = max(width, min(text_width(value), 100))
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, width + 2)
