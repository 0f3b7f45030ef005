"""Reading the data CSV files as Excel on Chinese Windows saves them.

UTF-8 with or without BOM, or GB18030 (a superset of GBK); header names in
English or Chinese; blank lines skipped.  Every row comes back with its line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from groupctl.numbers import normalize
from groupctl.problems import Problems


@dataclass(frozen=True)
class CsvRow:
    line: int
    values: dict[str, str]


def decode(data: bytes) -> str | None:
    """The text of a data file: UTF-8 (BOM optional) first, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    """Comma, unless the header row plainly uses tabs or semicolons instead."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if "," in first:
        return ","
    for candidate in ("\t", ";", "；"):
        if candidate in first:
            return candidate
    return ","


def _header_key(text: str) -> str:
    return normalize(text).lower().replace(" ", "")


def read_rows(
    path: Path,
    display: str,
    columns: Mapping[str, Sequence[str]],
    problems: Problems,
    optional: Mapping[str, Sequence[str]] | None = None,
) -> list[CsvRow] | None:
    """Rows of ``path`` keyed by canonical column name.

    ``columns`` maps each canonical name to the header aliases it accepts; ``optional``
    does the same for columns a file may leave out (a row of such a file reads them as
    empty).  Returns None (after reporting) when the file cannot be read as a table.
    """
    optional = optional or {}
    required = columns
    columns = {**columns, **optional}
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(display, None, f"cannot read: {exc.strerror}")
        return None
    text = decode(data)
    if text is None:
        problems.error(display, None, "neither UTF-8 nor GB18030 text")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    aliases = {_header_key(a): canon for canon, names in columns.items() for a in (canon, *names)}
    header: list[str | None] | None = None
    rows: list[CsvRow] = []
    end = 0
    for record in reader:
        line, end = end + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if any("\n" in cell or "\r" in cell for cell in record):
            problems.error(
                display, line, f'a quote (") is not closed: the row runs on to line {end}'
            )
            if header is None:
                return None
            continue
        if header is None:
            header = []
            for cell in record:
                canon = aliases.get(_header_key(cell))
                if canon is None:
                    problems.warning(display, line, f"unknown column {cell.strip()!r} is ignored")
                elif canon in header:
                    problems.error(display, line, f"column {canon!r} appears twice")
                    return None
                header.append(canon)
            missing = [c for c in required if c not in header]
            if missing:
                problems.error(display, line, f"missing column(s): {', '.join(missing)}")
                return None
            continue
        if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
            problems.error(display, line, f"{len(record)} fields, but the header has {len(header)}")
            continue
        values = dict.fromkeys(optional, "") | {
            canon: (record[i].strip() if i < len(record) else "")
            for i, canon in enumerate(header)
            if canon is not None
        }
        rows.append(CsvRow(line, values))
    if header is None:
        problems.error(display, None, "empty file: no header row")
        return None
    return rows
