"""Drawing an Output as table, CSV, JSON or markdown text.

Every cell is written by its column's kind, so the formats agree by construction.
rich and tabulate are imported only inside the function that draws with them: a
``--format json`` run never loads them.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterator
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
        parts: list[str] = []
        write_json(out.document(), parts.append)
        return "".join(parts)
    if fmt == "csv":
        return render_csv(out, lang, to_file=to_file)
    if fmt == "markdown":
        return render_markdown(out, lang)
    return render_table(out, lang, terminal=terminal, width=width)


# --------------------------------------------------------------------------- json

_STRING: Callable[[str], str] = json.encoder.encode_basestring  # the C one where built
_BATCH = 2048  # pieces written at once: a province's answer never sits whole in memory


def write_json(document: Any, write: Callable[[str], object]) -> None:
    """``document`` as ``json.dumps(document, ensure_ascii=False, indent=2) + "\\n"``
    writes it, byte for byte, handed to ``write`` a few kilobytes at a time: the 60 MB
    answer for a province is never held as one string, and it is written twice as fast
    as the library's pure-Python indenting encoder (tests/test_render_json.py)."""
    parts: list[str] = []
    add = parts.append

    def flush() -> None:
        if len(parts) >= _BATCH:
            write("".join(parts))
            parts.clear()

    def value(v: Any, indent: str) -> None:
        kind = type(v)
        if kind is str:
            add(_STRING(v))
        elif kind is dict or (kind is not list and isinstance(v, dict)):
            if not v:
                add("{}")
                return
            inner = indent + "  "
            lead = "{" + inner
            for k, item in v.items():
                # text, whole numbers and null written here: most values of an answer
                head = lead + (_STRING(k) if type(k) is str else _key(k)) + ": "
                lead = "," + inner
                t = type(item)
                if t is str:
                    add(head + _STRING(item))
                elif t is int:
                    add(head + int.__repr__(item))
                elif item is None:
                    add(head + "null")
                else:
                    add(head)
                    value(item, inner)
            add(indent + "}")
            flush()
        elif kind is list or isinstance(v, list | tuple):
            if not v:
                add("[]")
                return
            inner = indent + "  "
            first = True
            for item in v:
                add(("[" if first else ",") + inner)
                first = False
                value(item, inner)
            add(indent + "]")
            flush()
        else:
            add(_scalar(v))

    value(document, "\n")
    add("\n")
    write("".join(parts))


def _scalar(v: object) -> str:
    """A value that is no list or mapping, as the json module writes it."""
    if isinstance(v, str):
        return _STRING(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return int.__repr__(v)
    # no float: money, scores and rates leave as exact decimal text, and a float here would
    # be a figure that lost its exactness on the way (a bug, not a value to print)
    raise TypeError(f"Object of type {v.__class__.__name__} is not JSON serializable")


def _key(k: object) -> str:
    """A mapping key as the json module writes it: text, or a scalar as text."""
    if isinstance(k, str):
        return _STRING(k)
    if k is None or isinstance(k, bool | int):
        return _STRING(_scalar(k))
    raise TypeError(f"keys must be str, int, bool or None, not {k.__class__.__name__}")


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


_NAME = "name"  # the group / campus tree: group rows flush left, campus rows indented
_BREAK_BEFORE = ("（", "(", "教育集团", "集团", "校区", "分园", " ")  # where a name folds best
_PLACE_END = "市区县州旗盟"  # a shared prefix ending here (中卫市) is the place all groups are in


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def fold_name(text: str, width: int) -> str:
    """A name folded into lines of at most ``width`` cells, at the latest good point that
    fits (before a bracket, before 教育集团 …) rather than mid-word, so that a closing
    bracket never stands alone; each line keeps the name's indent."""
    from rich.cells import cell_len

    indent, body = " " * _indent(text), text.lstrip(" ")
    lines = []
    while body and cell_len(indent + body) > width:
        fits = 0
        while fits < len(body) and cell_len(indent + body[: fits + 1]) <= width:
            fits += 1
        # the first kind of good point there is (a bracket before 教育集团), the latest of it
        good = (
            [
                i
                for i in range(1, fits + 1)
                if body.startswith(marker, i) and cell_len(body[:i].strip()) > 1
            ]
            for marker in _BREAK_BEFORE
        )
        cut = max(next((g for g in good if g), [max(fits, 1)]))
        lines.append(indent + body[:cut].rstrip())
        body = body[cut:].lstrip()
    return "\n".join([*lines, indent + body] if body else lines)


def _shared_place(names: list[str]) -> str:
    """The place two or more group names start with (中卫市), which a narrow table leaves
    out: each group is then named by what tells it apart (第七小学教育集团)."""
    counts: dict[str, int] = {}
    for name in names:
        end = next((i for i, ch in enumerate(name[:8]) if ch in _PLACE_END), None)
        if end is not None and end + 1 < len(name):
            counts[name[: end + 1]] = counts.get(name[: end + 1], 0) + 1
    shared = [p for p, n in counts.items() if n >= 2]
    return max(shared, key=lambda p: counts[p]) if shared else ""


def _lines(text: str, width: int) -> int:
    return len(fold_name(text, width).split("\n"))


def _strip_place(cells: list[list[str]], i: int) -> None:
    """Group names in the tree column ``i`` without the place they share (中卫市)."""
    place = _shared_place([r[i] for r in cells if r[i] and not _indent(r[i])])
    if place:
        for row in cells:
            if row[i].startswith(place):
                row[i] = row[i][len(place) :]


def _fold_column(cells: list[list[str]], i: int, width: int) -> list[list[str]]:
    """The cells with column ``i`` folded by ``fold_name`` to ``width`` cells."""
    from rich.cells import cell_len

    return [
        [fold_name(c, width) if j == i and cell_len(c) > width else c for j, c in enumerate(r)]
        for r in cells
    ]


def _table(
    section: Section,
    cols: tuple[Column, ...],
    cells: list[list[str]],
    lang: Lang,
    *,
    terminal: bool,
    width: int,
    narrow: bool = False,
    widths: dict[int, int] | None = None,
) -> Any:
    """One section as a rich table; ``narrow``: the tighter layout for a narrow terminal
    (two spaces between columns, the columns of ``widths`` that wide)."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table as RichTable

    # a narrow table has no edge row: a blank line keeps the title apart from the header
    title = "\n".join([section.title, *section.lines, *([""] if narrow else [])])
    # a table narrower than its title would wrap the title: widen the table instead
    title_width = max(cell_len(line) for line in title.split("\n"))
    table = RichTable(
        title=title,
        min_width=min(title_width, width),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        title_style="bold" if terminal else None,
        padding=(0, 1, 0, 0) if narrow else (0, 1),
        show_edge=not narrow,
    )
    for i, col in enumerate(cols):
        # an id (a parameter path) is copied back onto the command line, a citation is
        # read as one name: keep them whole on one line while they fit in about half the width
        keep = col.kind == "id" or col.whole
        whole = max((cell_len(r[i]) for r in cells), default=0) if keep else 0
        fixed_width = min(whole, width * 11 // 20) or None
        if widths and i in widths:
            fixed_width = widths[i]
        table.add_column(
            col.label(lang),
            justify="right" if col.numeric else "left",
            overflow="fold",
            # a figure is never broken over two lines (15,00 / 0): the text columns give way
            no_wrap=col.numeric,
            width=fixed_width,
        )
    for i, row in enumerate(section.rows):
        table.add_row(
            *cells[i],
            style=None if row.fact else "bold",
            end_section=i in section.breaks,
        )
    return table


def _two_lines(texts: list[str], low: int, high: int) -> int:
    """The least width from ``low`` to ``high`` at which each text folds into two lines."""
    return next((w for w in range(low, high) if all(_lines(x, w) <= 2 for x in texts)), high)


def _narrow(
    section: Section,
    cols: tuple[Column, ...],
    cells: list[list[str]],
    lang: Lang,
    width: int,
    draw: Callable[..., Any],
    console: Any,
    wide: Any,
) -> Any:
    """A table with a group / campus tree, too wide for the terminal, drawn narrower.

    Two spaces between columns; if that is not enough, group names without the place
    they share (中卫市); then, while it is still too wide, the name column down to its campus names, the other text
    columns down to two lines each, the name column down to two lines: every fold at a
    good point (before a bracket, before 教育集团).  Figures and ids are never folded.
    """
    from rich.cells import cell_len
    from rich.measure import Measurement

    names = next(i for i, c in enumerate(cols) if c.key == _NAME)
    table = draw(cells, narrow=True)
    if Measurement.get(console, wide, table).maximum <= width:  # the tighter spacing is enough
        return table
    _strip_place(cells, names)

    def texts(i: int) -> list[str]:
        return [line for r in cells for line in r[i].split("\n") if line]

    def natural(i: int) -> int:
        return _natural(cols, cells, i, lang)

    lines = texts(names)
    full = natural(names)
    inner = max((cell_len(x) for x in lines if _indent(x)), default=0)
    text = [
        i
        for i, c in enumerate(cols)
        if i != names and not c.numeric and c.kind != "id" and not c.whole and texts(i)
    ]
    floors = {i: max(_two_lines(texts(i), 4, natural(i)), min(natural(i), 8)) for i in text}
    widths = {names: full}

    def drawn() -> tuple[Any, int]:
        folded = cells
        for i, w in widths.items():
            folded = _fold_column(folded, i, w)
        table = draw(folded, narrow=True, widths=widths)
        return table, Measurement.get(console, wide, table).maximum - width

    table, excess = drawn()
    if excess > 0:  # the name column down to its campus names
        widths[names] = max(full - excess, inner)
        table, excess = drawn()
    if excess > 0:  # the other text columns down to two lines, the widest first
        for i in sorted(text, key=lambda i: natural(i) - floors[i], reverse=True):
            cut = min(excess, natural(i) - floors[i])
            if cut > 0:
                widths[i] = natural(i) - cut
                excess -= cut
        table, excess = drawn()
    if excess > 0:  # the name column down to two lines
        widths[names] = max(widths[names] - excess, _two_lines(lines, 8, inner))
        table, excess = drawn()
    return table


def _unorphaned(line: str, width: int) -> list[str]:
    """``line`` wrapped to ``width``; a last line of one character (步骤序 / 号) takes the
    words after the line before's last space instead, when it has one (· / 步骤序号)."""
    from groupctl.wrapping import wrap

    parts = wrap(line, width, hang=0)
    if len(parts) > 1 and len(parts[-1].strip()) == 1 and " " in parts[-2].strip():
        head, _, tail = parts[-2].rstrip().rpartition(" ")
        parts[-2:] = [head, tail + parts[-1].strip()]
    return parts


def _wrapped(
    cols: tuple[Column, ...],
    cells: list[list[str]],
    lang: Lang,
    excess: int,
    draw: Callable[..., Any],
    console: Any,
    wide: Any,
) -> Any:
    """A table without a group / campus tree, too wide by ``excess`` cells: its text columns
    narrowed, the widest first, and their cells wrapped as Chinese is typeset — never
    before a closing bracket or inside a path (``groupctl.wrapping``) — rather than cut
    wherever the column ends (一支笔审批 / ）)."""
    from rich.cells import cell_len
    from rich.measure import Measurement

    from groupctl.wrapping import tokens

    text = [i for i, c in enumerate(cols) if not c.numeric and c.kind != "id" and not c.whole]

    def natural(i: int) -> int:
        return _natural(cols, cells, i, lang)

    def floor(i: int) -> int:  # the widest piece that should stay on one line (500:20000,)
        pieces = [cell_len(p) for r in cells for line in r[i].split("\n") for p in tokens(line)]
        return min(max([*pieces, 6]), 16)

    widths = {i: natural(i) for i in text}
    floors = {i: floor(i) for i in text}
    table = None
    for _ in range(4):  # a wrapped line may come out a little narrower than its column
        for _ in range(excess):  # one cell at a time from the widest text column
            room = [k for k in widths if widths[k] > floors[k]]
            if not room and any(f > 6 for f in floors.values()):
                floors = dict.fromkeys(floors, 6)  # still too wide: words must fold after all
                room = [k for k in widths if widths[k] > 6]
            if not room:
                break
            i = max(room, key=lambda k: widths[k])
            widths[i] -= 1
        folded = [
            [
                "\n".join(part for line in c.split("\n") for part in _unorphaned(line, widths[j]))
                if j in widths
                else c
                for j, c in enumerate(r)
            ]
            for r in cells
        ]
        table = draw(folded, widths=widths)
        excess = Measurement.get(console, wide, table).maximum - console.width
        if excess <= 0:
            break
    return table


def _widest(section: Section, cols: tuple[Column, ...], cells: list[list[str]], lang: Lang) -> int:
    """At least as wide as the table can be drawn: each column's widest line and header,
    three cells of padding and rule a column, and the title."""
    from rich.cells import cell_len

    title = max(cell_len(x) for x in [section.title, *section.lines])
    return max(sum(_natural(cols, cells, i, lang) + 3 for i in range(len(cols))) + 2, title)


def _natural(cols: tuple[Column, ...], cells: list[list[str]], i: int, lang: Lang) -> int:
    """Column ``i``'s width unfolded: its widest line, or its header if that is wider."""
    from rich.cells import cell_len

    lines = [line for r in cells for line in r[i].split("\n")]
    return max([cell_len(x) for x in lines] + [cell_len(cols[i].label(lang))])


def render_table(out: Output, lang: Lang, *, terminal: bool, width: int) -> str:
    from rich.console import Console
    from rich.measure import Measurement

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
    wide = console.options.update_width(10_000)
    for section in out.sections:
        cols = section.shown_columns("table")
        cells = [table_cells(row, cols, lang) for row in section.rows]
        draw = functools.partial(_table, section, cols, lang=lang, terminal=terminal, width=width)
        table = draw(cells)
        # measuring lays the whole table out once more: only when it may be too wide
        excess = (
            Measurement.get(console, wide, table).maximum - width
            if _widest(section, cols, cells, lang) > width
            else 0
        )
        if excess > 0 and any(c.key == _NAME for c in cols):
            table = _narrow(section, cols, cells, lang, width, draw, console, wide)
        elif excess > 0:
            table = _wrapped(cols, cells, lang, excess, draw, console, wide)
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
