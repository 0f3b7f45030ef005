"""The one rendering layer: a View as table, csv, json or markdown text.

rich and tabulate are imported only inside the function that uses them, so a
``--format json`` run never loads them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from groupctl.views import Table, View

Format = Literal["table", "csv", "json", "markdown"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json", "markdown")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(
    view: View, fmt: Format, *, terminal: bool = False, width: int = 80, to_file: bool = False
) -> str:
    if fmt == "json":
        return json.dumps(view.document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(view, to_file=to_file)
    if fmt == "markdown":
        return render_markdown(view)
    return render_table(view, terminal=terminal, width=width)


# --------------------------------------------------------------------------- csv


def csv_cell(value: Any) -> str:
    """A cell as text; text a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def render_csv(view: View, *, to_file: bool = False) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if to_file else "\n")
    writer.writerow(view.csv_columns)
    for row in view.csv_rows:
        writer.writerow([csv_cell(row.get(k)) for k in view.csv_columns])
    return buf.getvalue()


# --------------------------------------------------------------------------- table


def render_table(view: View, *, terminal: bool, width: int) -> str:
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
    for table in view.tables:
        # a table narrower than its title would wrap the title: widen the table instead
        title_width = max(cell_len(line) for line in table.title.split("\n"))
        rich_table = RichTable(
            title=table.title,
            min_width=min(title_width, width),
            box=box.SIMPLE_HEAD,
            title_justify="left",
            title_style="bold" if terminal else None,
        )
        for col in table.columns:
            rich_table.add_column(col.label, justify=col.align, overflow="fold")
        for i, row in enumerate(table.rows):
            style = table.styles[i]
            rich_table.add_row(
                *(row.get(col.key, "") for col in table.columns),
                style="bold" if style != "plain" else None,
                end_section=i in table.breaks,
            )
        console.print(rich_table)
    for line in view.lines:
        console.print(line, soft_wrap=True)
    if view.explain:
        console.print(_explain_title(view), style="bold")
        for line in view.explain:
            console.print(line, soft_wrap=True)
    text = buf.getvalue()
    if terminal:
        return text
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _explain_title(view: View) -> str:
    return view.explain_title or "计算过程"


# --------------------------------------------------------------------------- markdown


def _md_table(table: Table) -> str:
    from tabulate import tabulate

    rows = []
    for i, row in enumerate(table.rows):
        cells = [row.get(col.key, "").strip().replace("\n", " · ") for col in table.columns]
        if table.styles[i] != "plain" and cells[0]:
            cells[0] = f"**{cells[0]}**"
        rows.append(cells)
    text = tabulate(
        rows,
        headers=[col.label for col in table.columns],
        tablefmt="pipe",
        colalign=[col.align for col in table.columns],
        disable_numparse=True,
    )
    title = table.title.replace("\n", " · ")
    return f"### {title}\n\n{text}\n"


def render_markdown(view: View) -> str:
    parts = [_md_table(t) for t in view.tables]
    parts.extend(line + "\n" for line in view.lines)
    if view.explain:
        lines = [f"#### {_explain_title(view)}", ""]
        for line in view.explain:
            indent = len(line) - len(line.lstrip(" "))
            lines.append(f"{' ' * indent}- {line.strip()}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
