"""Reading the data CSV files as Excel on Chinese Windows saves them.

UTF-8 with or without BOM, or GB18030 (a superset of GBK); header names in
English or Chinese; blank lines skipped; line ends of any system (CR LF, LF, CR).
Every row comes back with its line.

Whatever a file holds, reading it ends in bounded time and memory with rows or
problems, never an exception: the file is streamed (never read whole), a line may
be at most ``MAX_LINE`` characters, and reading stops once the file has as many
errors as ``Problems`` lists (see ``groupctl.problems``).
"""

from __future__ import annotations

import codecs
import csv
import errno
import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from groupctl.catalogue import Join, Msg, msg
from groupctl.numbers import bare, column_name, normalize
from groupctl.osreason import os_reason
from groupctl.problems import Problems

# A data row is a few dozen characters; a line this long is garbage (or a quote that is
# never closed), and reading it whole could take any amount of memory.
MAX_LINE = 65_536
# Blank lines are skipped, but a file of millions of them is no data file; skipping
# them one by one would take seconds.
MAX_BLANK_LINES = 100_000
# No data file of a district comes near this size (the bundled ones are a few KB): a
# larger one is refused before it is read, so that reading any file takes well under 2 s.
MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 20
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_WIDE = re.compile(rb"[\xe0-\xff]")


class CsvRow:
    """One record of a data CSV: its first line and its cells by canonical column name.
    ``headers``: canonical name → the header as written; ``chinese``: canonical name → its
    Chinese name (在校生数).  A plain class with slots: one is built for every row."""

    __slots__ = ("chinese", "headers", "line", "values")

    def __init__(
        self,
        line: int,
        values: dict[str, str],
        headers: Mapping[str, str] | None = None,
        chinese: Mapping[str, str] | None = None,
    ) -> None:
        self.line = line
        self.values = values
        self.headers: Mapping[str, str] = {} if headers is None else headers
        self.chinese: Mapping[str, str] = {} if chinese is None else chinese

    def __repr__(self) -> str:
        return f"CsvRow(line={self.line!r}, values={self.values!r})"

    def column(self, canon: str) -> Msg:
        """Column ``canon`` as a message names it: in Chinese by its Chinese name (在校生数),
        in English as the file's header row writes it (students)."""
        return column_name(self.headers.get(canon, canon), self.chinese.get(canon))


# --------------------------------------------------------------------------- the file itself


def not_a_file(path: Path) -> Msg | None:
    """Why ``path``, which is there, cannot be read as a data file; None when it can be.

    A directory, a device, a pipe (reading it could wait forever), a symbolic link to
    nothing or to itself, a file without read permission: each is an error naming the
    file, never taken for a file that is absent.
    """
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return msg("file.link_loop")
        if exc.errno == errno.ENOENT and path.is_symlink():
            target = _link_target(path)
            if target is None:
                return msg("file.link_missing.unknown")
            return msg("file.link_missing", target=target)
        return msg("file.unreadable", reason=os_reason(exc))
    if stat.S_ISDIR(info.st_mode):
        return msg("file.folder")
    if not stat.S_ISREG(info.st_mode):
        return msg("file.not_regular")
    if not os.access(path, os.R_OK):
        return msg("file.unreadable", reason=msg("file.os.EACCES"))
    return None


def exists(path: Path) -> bool:
    """Whether anything is at ``path``: a file, a folder, even a broken symbolic link."""
    return os.path.lexists(path)  # False, not an exception, for a name it cannot look up


def _link_target(path: Path) -> str | None:
    try:
        return bare(os.readlink(path))
    except OSError:
        return None


def _line_of(data: bytes, offset: int) -> int:
    """The line (from 1) that byte ``offset`` of ``data`` is on, counting CR LF, LF and CR
    alike as line ends."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _encoding(path: Path, display: str, problems: Problems) -> tuple[str, int] | None:
    """The file's encoding (UTF-8 first, then GB18030, as Excel on Chinese Windows saves
    them), decided over the whole file in bounded memory, and its number of lines; None
    after reporting."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.error(
            display, None, msg("csv.too_large", size=f"{size:,}", limit=MAX_BYTES // 2**20)
        )
        return None
    with path.open("rb") as f:
        head = f.read(3)
    if head.startswith(_UTF16):
        problems.error(display, None, msg("csv.utf16"))
        return None
    line, lines, widest = _first_bad(path, "utf-8")
    if line is None:
        # GBK text can happen to be UTF-8 too (学前 is the bytes of ѧǰ): Chinese text in
        # UTF-8 is three bytes a character, so UTF-8 without any such character is read as
        # GB18030 when it is that as well.
        if widest == 2 and _first_bad(path, "gb18030")[0] is None:
            return "gb18030", lines
        return "utf-8-sig", lines
    # A file that mixes the two (lines pasted from another file) is rarely either whole:
    # GB18030 mostly fails on UTF-8 text too, further on.
    gb_line, lines, _ = _first_bad(path, "gb18030")
    if gb_line is None:
        return "gb18030", lines
    if gb_line == line:
        problems.error(display, line, msg("csv.not_text"))
    else:  # the later line is where the second encoding (or the garbage) begins
        where = max(line, gb_line)
        problems.error(display, where, msg("csv.mixed", line=line, gb_line=gb_line))
    return None


def _first_bad(path: Path, encoding: str) -> tuple[int | None, int, int]:
    """The first line of ``path`` that is not ``encoding`` text (None when all of it is),
    the number of lines read, and the widest UTF-8 sequence read: 1 byte (ASCII only),
    2, or 3 and more (a lead byte from 0xE0: Chinese text, or a BOM)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines, carry_cr, ended, widest = 1, False, True, 1
    with path.open("rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            pending = len(decoder.getstate()[0])  # bytes of a character cut by the last chunk
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                good = chunk[: max(0, exc.start - pending)]
                line = lines + _line_of(good, len(good)) - 1
                line -= 1 if carry_cr and good.startswith(b"\n") else 0
                return line, line, widest
            if not chunk:
                return None, lines - (1 if ended else 0), widest
            if widest < 3 and not chunk.isascii():
                widest = 3 if _WIDE.search(chunk) else 2
            lines += _line_of(chunk, len(chunk)) - 1
            if carry_cr and chunk.startswith(b"\n"):
                lines -= 1
            carry_cr = chunk.endswith(b"\r")
            ended = chunk.endswith((b"\n", b"\r"))


# --------------------------------------------------------------------------- lines and rows


class _Lines:
    """The lines of an open text file, each at most ``MAX_LINE`` characters: a longer
    line, or one with a NUL or a byte-order mark in it, is reported and skipped.
    ``number`` is the line last handed out."""

    def __init__(self, f: IO[str], total: int, display: str, problems: Problems) -> None:
        self.f = f
        self.total = total  # lines in the file
        self.display = display
        self.problems = problems
        self.number = 0
        self.blank = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        while True:
            text = self.f.readline(MAX_LINE + 1)
            if not text:
                raise StopIteration
            self.number += 1
            if len(text) > MAX_LINE and not text.endswith(("\n", "\r")):
                self._skip_rest()
                self.problems.error(
                    self.display, self.number, msg("csv.line_too_long", limit=f"{MAX_LINE:,}")
                )
                continue
            if "\x00" in text:
                self.problems.error(self.display, self.number, msg("csv.nul"))
                continue
            if self.number == 1 and text.startswith("\ufeff"):  # GB18030's own BOM
                text = text[1:]
            if "\ufeff" in text:
                self.problems.error(self.display, self.number, msg("csv.bom"))
                continue
            return text

    def _skip_rest(self) -> None:
        """Read on to the end of an over-long line, a piece at a time."""
        while True:
            text = self.f.readline(MAX_LINE)
            if not text or text.endswith(("\n", "\r")):
                return

    def left(self) -> int:
        """How many lines are left unread."""
        return max(0, self.total - self.number)


def _delimiter(first: str) -> str:
    """Comma, unless the header row plainly uses tabs or semicolons instead."""
    if "," in first:
        return ","
    for candidate in ("\t", ";", "；"):
        if candidate in first:
            return candidate
    return ","


def _header_key(text: str) -> str:
    return normalize(text).lower().replace(" ", "")


def _blank(record: Sequence[str]) -> bool:
    return not "".join(record).strip()


def read_rows(
    path: Path,
    display: str,
    columns: Mapping[str, Sequence[str]],
    problems: Problems,
    optional: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[CsvRow] | None:
    """Rows of ``path`` keyed by canonical column name, read as they are iterated.

    ``columns`` maps each canonical name to the header aliases it accepts; ``optional``
    does the same for columns a file may leave out (a row of such a file reads them as
    empty).  Returns None (after reporting) when the file cannot be read as a table.
    The rows stop early, after reporting where, once ``problems`` is ``full`` for the
    file: report each row's problems before taking the next.
    """
    try:
        why: Msg | None = not_a_file(path)
        if why is not None:
            problems.error(display, None, why)
            return None
        found = _encoding(path, display, problems)
        if found is None:
            return None
        encoding, lines = found
        f = path.open(encoding=encoding, errors="replace", newline="")
    except OSError as exc:
        problems.error(display, None, msg("file.unreadable", reason=os_reason(exc)))
        return None
    try:
        reader = _Reader(f, lines, display, columns, optional or {}, problems)
        header = reader.header()
    except (OSError, UnicodeError) as exc:
        f.close()
        problems.error(display, None, msg("file.unreadable", reason=os_reason(exc)))
        return None
    if header is None:
        f.close()
        return None
    return reader.rows(header)


class _Reader:
    """One pass over a CSV file: the header, then the rows as they are asked for."""

    def __init__(
        self,
        f: IO[str],
        lines: int,
        display: str,
        columns: Mapping[str, Sequence[str]],
        optional: Mapping[str, Sequence[str]],
        problems: Problems,
    ) -> None:
        self.f = f
        self.display = display
        self.required = columns
        self.optional = optional
        self.problems = problems
        self.lines = _Lines(f, lines, display, problems)
        self.records: Iterator[list[str]] | None = None
        self.end = 0
        self.headers: dict[str, str] = {}  # canonical name → the header cell as written
        self.chinese = {  # canonical name → its first Chinese header name, when it has one
            canon: next((a for a in names if not a.isascii()), canon)
            for canon, names in {**columns, **optional}.items()
        }

    def _next(self) -> tuple[int, list[str]] | None:
        """The next non-blank record and its first line; None at the end of the file, or
        once there are too many problems to go on."""
        assert self.records is not None
        while True:
            if self.problems.full(self.display):
                self.problems.stopped(self.display, self.lines.number + 1, self.lines.left())
                return None
            line = self.end + 1
            try:
                record = next(self.records)
            except StopIteration:
                return None
            except csv.Error as exc:
                self.end = self.lines.number
                if "field larger than field limit" in str(exc):
                    message = msg("csv.cell_too_long", limit=f"{csv.field_size_limit():,}")
                else:  # the csv module's own words (English)
                    message = msg("csv.not_a_row", reason=bare(str(exc)))
                self.problems.error(self.display, line, message)
                continue
            self.end = self.lines.number
            joined = "".join(record)
            if not joined.strip():  # blank
                self.lines.blank += 1
                if self.lines.blank > MAX_BLANK_LINES:
                    self._too_blank(line, header=True)
                    return None
                continue
            if "\n" in joined or "\r" in joined:  # a quoted cell holds line ends
                # where the record starts: lines skipped as unreadable are not part of it
                line = max(line, self.end - _physical(record) + 1)
            elif line < self.end:
                line = self.end
            return line, record

    def header(self) -> list[str | None] | None:
        first, errors = None, self.problems.errors_in(self.display)
        for text in self.lines:
            if text.strip():
                first = text
                break
            self.lines.blank += 1
            if self.lines.blank > MAX_BLANK_LINES or self.problems.full(self.display):
                break
        if first is None:
            if self.problems.full(self.display):
                self.problems.stopped(self.display, self.lines.number + 1, self.lines.left())
            elif self.lines.blank > MAX_BLANK_LINES:
                self._too_blank(self.lines.number, header=False)
            elif self.problems.errors_in(self.display) == errors:  # not said already
                self.problems.error(self.display, None, msg("csv.empty"))
            return None
        self.end = self.lines.number - 1
        self.records = csv.reader(_chain(first, self.lines), delimiter=_delimiter(first))
        got = self._next()
        if got is None:
            if self.problems.errors_in(self.display) == errors:  # not said already
                self.problems.error(self.display, None, msg("csv.empty"))
            return None
        line, record = got
        if _runs_on(record):
            self._runs_on(line)
            return None
        columns = {**self.required, **self.optional}
        aliases = {
            _header_key(a): canon for canon, names in columns.items() for a in (canon, *names)
        }
        header: list[str | None] = []
        for cell in record:
            canon = aliases.get(_header_key(cell))
            if canon is None:
                self.problems.warning(
                    self.display, line, msg("csv.unknown_column", column=bare(cell.strip()))
                )
            elif canon in header:
                first, again = self.headers[canon], cell.strip()
                twice = (
                    msg("csv.column_twice", column=canon)
                    if _header_key(first) == _header_key(again)
                    else msg("csv.column_twice.alias", first=bare(first), again=bare(again))
                )
                self.problems.error(self.display, line, twice)
                return None
            else:
                self.headers[canon] = cell.strip()
            header.append(canon)
        missing = [c for c in self.required if c not in header]
        if missing:
            self.problems.error(
                self.display, line, msg("csv.missing_columns", columns=Join(tuple(missing)))
            )
            return None
        return header

    def _too_blank(self, line: int, *, header: bool) -> None:
        key = "csv.too_blank" if header else "csv.too_blank.no_header"
        fields = {"limit": f"{MAX_BLANK_LINES:,}", "left": f"{self.lines.left():,}"}
        self.problems.error(self.display, line, msg(key, **fields))

    def _runs_on(self, line: int) -> None:
        self.problems.error(self.display, line, msg("csv.runs_on", line=self.end))

    def rows(self, header: list[str | None]) -> Iterator[CsvRow]:
        width = len(header)
        cells = [(i, canon) for i, canon in enumerate(header) if canon is not None]
        absent = dict.fromkeys(self.optional, "")
        headers, chinese, next_record = self.headers, self.chinese, self._next
        try:
            while (got := next_record()) is not None:
                line, record = got
                if _runs_on(record):
                    self._runs_on(line)
                    continue
                if len(record) > width and not _blank(record[width:]):
                    self.problems.error(
                        self.display,
                        line,
                        msg("csv.too_many_fields", count=len(record), width=width),
                    )
                    continue
                if len(record) >= width:  # every cell there: most rows
                    values = {canon: record[i].strip() for i, canon in cells}
                else:
                    values = {
                        canon: (record[i].strip() if i < len(record) else "") for i, canon in cells
                    }
                if absent:
                    values = absent | values
                yield CsvRow(line, values, headers, chinese)
        except (OSError, UnicodeError) as exc:
            reason = msg("file.unreadable", reason=os_reason(exc))
            self.problems.error(self.display, self.end + 1, reason)
        finally:
            self.f.close()


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _runs_on(record: Sequence[str]) -> bool:
    joined = "".join(record)
    return "\n" in joined or "\r" in joined


def _physical(record: Sequence[str]) -> int:
    """How many physical lines a record spans (1 unless a quoted cell holds line ends)."""
    if not _runs_on(record):
        return 1
    return 1 + sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n") for cell in record)
