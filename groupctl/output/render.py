"""Drawing an Output as table, CSV, JSON or markdown text.

Every cell is written by its column's kind, so the formats agree by construction.
rich and tabulate are imported only inside the function that draws with them: a
``--format json`` run never loads them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

from groupctl.labels import Lang, t
from groupctl.numbers import fixed, yuan
from groupctl.output.model import Column, Output, Row, Section

Format = Literal["table", "csv", "json", "markdown", "xlsx"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")  # a signed number runs nothing


def render_text(
    out: Output,
    fmt: Format,
    lang: Lang,
    *,
    terminal: bool = False,
    width: int = 80,
    to_file: bool = False,
) -> str:
    if fmt == "json":
        return json.dumps(out.document(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(out, lang, to_file=to_file)
    if fmt == "markdown":
        return render_markdown(out, lang)
    return render_table(out, lang, terminal=terminal, width=width)


# --------------------------------------------------------------------------- cells


def table_cell(value: Any, col: Column, lang: Lang) -> str:
    """A value as people read it in a table: thousands separators, labels for codes."""
    if value is None:
        return ""
    if col.kind == "code":
        return col.code_label(value, lang)
    if col.kind == "flag":
        return t("yes" if value else "no", lang)
    if col.kind == "count":
        return f"{value:,}"
    if col.kind == "money" and col.places == 0:
        return yuan(value)
    if col.kind in ("money", "score", "rate"):
        places = col.places if col.places is not None else (4 if col.kind == "rate" else 2)
        return f"{fixed(value, places):,}"
    return str(value)


def data_cell(value: Any, col: Column, lang: Lang) -> Any:
    """A value as a spreadsheet stores it: numbers exact and plain, codes as labels."""
    if value is None:
        return None
    if col.kind == "code":
        return col.code_label(value, lang)
    if col.kind == "flag":
        return t("yes" if value else "no", lang)
    if col.kind in ("count", "year"):
        return int(value)
    if col.kind in ("money", "score"):
        return fixed(value, 2)
    if col.kind == "rate":
        return fixed(value, 4)
    if col.kind == "decimal":
        return Decimal(value)
    if isinstance(value, tuple | list):  # a list of names (aliases) in one cell
        return "、".join(str(v) for v in value)
    return str(value)


def _data_rows(out: Output, lang: Lang, section: Section) -> Iterator[list[Any]]:
    cols = section.shown_columns("data")
    for row in section.facts():
        yield [data_cell(row.values.get(c.key), c, lang) for c in cols]


def data_header(out: Output, section: Section, lang: Lang) -> list[str]:
    header = [c.label(lang) for c in section.shown_columns("data")]
    if out.meta.sets:
        header.append(t("col.scenario", lang))
    return header


def scenario(out: Output) -> str:
    return "; ".join(f"{s['path']}={s['value']}" for s in out.meta.sets)


# --------------------------------------------------------------------------- csv


def csv_text(value: Any) -> str:
    """A cell as CSV text; text a spreadsheet would run as a formula gets an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str):
        formula = value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value)
        return "'" + value if formula else value
    return str(value)


def render_csv(out: Output, lang: Lang, *, to_file: bool = False) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if to_file else "\n")
    if not out.sections:
        return ""
    section = out.sections[out.csv_section]
    writer.writerow([csv_text(h) for h in data_header(out, section, lang)])
    extra = [scenario(out)] if out.meta.sets else []
    for cells in _data_rows(out, lang, section):
        writer.writerow([csv_text(c) for c in cells + extra])
    return buf.getvalue()


# --------------------------------------------------------------------------- table


def table_cells(row: Row, cols: tuple[Column, ...], lang: Lang) -> list[str]:
    return [
        row.shown[c.key] if c.key in row.shown else table_cell(row.values.get(c.key), c, lang)
        for c in cols
    ]


def render_table(out: Output, lang: Lang, *, terminal: bool, width: int) -> str:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table as RichTable

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=terminal,
        color_system="auto" if terminal else None,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for section in out.sections:
        title = "\n".join([section.title, *section.lines])
        # a table narrower than its title would wrap the title: widen the table instead
        title_width = max(cell_len(line) for line in title.split("\n"))
        table = RichTable(
            title=title,
            min_width=min(title_width, width),
            box=box.SIMPLE_HEAD,
            title_justify="left",
            title_style="bold" if terminal else None,
        )
        cols = section.shown_columns("table")
        cells = [table_cells(row, cols, lang) for row in section.rows]
        for i, col in enumerate(cols):
            # an id (a parameter path) is copied back onto the command line, a citation is
            # read as one name: keep them whole on one line while they fit in about half the width
            keep = col.kind == "id" or col.whole
            whole = max((cell_len(r[i]) for r in cells), default=0) if keep else 0
            table.add_column(
                col.label(lang),
                justify="right" if col.numeric else "left",
                overflow="fold",
                width=min(whole, width * 11 // 20) or None,
            )
        for i, row in enumerate(section.rows):
            table.add_row(
                *cells[i],
                style=None if row.fact else "bold",
                end_section=i in section.breaks,
            )
        console.print(table)
    # a terminal wraps them at a word or between CJK characters; piped, each stays one line
    for line in out.lines:
        console.print(line, soft_wrap=not terminal)
    if out.explain:
        console.print(out.explain_title or t("explain.title", lang), style="bold")
        for line in out.explain:
            console.print(line, soft_wrap=True)
    text = buf.getvalue()
    if terminal:
        return text
    return "\n".join(line.rstrip() for line in text.split("\n"))


# --------------------------------------------------------------------------- markdown


_MD_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # what CommonMark would take for the start of HTML


def _md_text(text: str) -> str:
    """A cell's text as markdown shows it literally: a | would end the cell and <tag would
    start HTML; a band such as <200 stays as it reads."""
    return _MD_TAG.sub("&lt;", text).replace("|", "\\|")


def md_table(section: Section, lang: Lang) -> str:
    from tabulate import tabulate

    cols = section.shown_columns("table")
    rows = []
    for row in section.rows:
        cells = [_md_text(c.strip().replace("\n", " · ")) for c in table_cells(row, cols, lang)]
        if not row.fact and cells[0]:
            cells[0] = f"**{cells[0]}**"
        rows.append(cells)
    text = tabulate(
        rows,
        headers=[c.label(lang) for c in cols],
        tablefmt="pipe",
        colalign=["right" if c.numeric else "left" for c in cols],
        disable_numparse=True,
    )
    title = section.title.replace("\n", " · ")
    lines = "".join(f"{line}\n\n" for line in section.lines)
    return f"### {title}\n\n{lines}{text}\n"


def render_markdown(out: Output, lang: Lang) -> str:
    parts = []
    if out.meta.sets:  # a what-if must not pass for the real figures
        parts.append(f"> {t('note.scenario', lang, sets=scenario(out))}\n")
    parts.extend(md_table(s, lang) for s in out.sections)
    parts.extend(line + "\n" for line in out.lines)
    if out.explain:
        lines = [f"#### {out.explain_title or t('explain.title', lang)}", ""]
        for line in out.explain:
            indent = len(line) - len(line.lstrip(" "))
            lines.append(f"{' ' * indent}- {line.strip()}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
