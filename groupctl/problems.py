"""Collecting what is wrong with the data, with file and line.

Loaders report every problem they find to a ``Problems`` list and go on where
they can; ``groupctl check`` shows them all, every other command stops at the
first error.

A file full of mistakes (a spreadsheet saved over the wrong file, garbage pasted in)
could report a million of them: only the first ``MAX_LISTED`` errors and as many
warnings of each file are kept, followed by one line saying how many more there were.
A reader that sees a file is ``full`` stops reading it (``stopped`` says where), so a
bad file of any size is refused in bounded time and memory.
"""

from __future__ import annotations

from typing import Literal

from groupctl.catalogue import Lang, Msg, msg, render
from groupctl.errors import DataError, at

Severity = Literal["error", "warning"]

# Problems listed per file and severity; fifty are more than anyone reads before fixing.
MAX_LISTED = 50


class Problem:
    """One problem: where it is and what it says.  Written out rather than a dataclass
    (this module is imported by every command: a dataclass compiles its methods at start)."""

    __slots__ = ("file", "line", "message", "severity")

    def __init__(self, severity: Severity, file: str, line: int | None, message: Msg | str) -> None:
        self.severity: Severity = severity
        self.file = file
        self.line = line
        self.message = message

    def _values(self) -> tuple[object, ...]:
        return (self.severity, self.file, self.line, self.message)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (
            f"Problem(severity={self.severity!r}, file={self.file!r}, line={self.line!r}, "
            f"message={self.message!r})"
        )

    def location(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def render(self, lang: Lang) -> str:
        """``file:line: message`` in ``lang``."""
        return at(self.location(), render(self.message, lang), lang)


class _Overflow:
    """What was left out of one file's list: the index of its summary line in ``items``."""

    __slots__ = ("index", "more", "stopped_at", "unread")

    def __init__(self, index: int) -> None:
        self.index = index
        self.more = 0  # problems reported past the limit
        self.stopped_at: int | None = None  # the line where reading stopped
        self.unread = 0  # lines after it that were not read


class Problems:
    def __init__(self, items: list[Problem] | None = None, limit: int = MAX_LISTED) -> None:
        self.items: list[Problem] = [] if items is None else items
        self.limit = limit
        self._counts: dict[tuple[str, Severity], int] = {}
        self._overflow: dict[tuple[str, Severity], _Overflow] = {}

    def __repr__(self) -> str:
        return f"Problems(items={self.items!r}, limit={self.limit!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problems) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.items, self.limit) == (other.items, other.limit)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def error(self, file: str, line: int | None, message: Msg | str) -> None:
        self._add(Problem("error", file, line, message))

    def warning(self, file: str, line: int | None, message: Msg | str) -> None:
        self._add(Problem("warning", file, line, message))

    def _add(self, problem: Problem) -> None:
        key = (problem.file, problem.severity)
        count = self._counts.get(key, 0)
        self._counts[key] = count + 1
        if count < self.limit:
            self.items.append(problem)
            return
        self._summary(key).more += 1
        self._update(key)

    def full(self, file: str) -> bool:
        """True once ``file`` has as many errors as are listed: reading on is pointless."""
        return self._counts.get((file, "error"), 0) >= self.limit

    def stopped(self, file: str, line: int, unread: int) -> None:
        """Reading ``file`` stopped at ``line`` (it is ``full``), leaving ``unread`` lines."""
        key: tuple[str, Severity] = (file, "error")
        summary = self._summary(key)
        summary.stopped_at, summary.unread = line, unread
        self._update(key)

    def errors_in(self, file: str) -> int:
        """How many errors ``file`` has had, listed or not."""
        return self._counts.get((file, "error"), 0)

    def count(self, severity: Severity) -> int:
        """How many problems of ``severity`` were reported, listed or not (at least: a file
        whose reading stopped early may hold more)."""
        return sum(n for (_, s), n in self._counts.items() if s == severity)

    def _summary(self, key: tuple[str, Severity]) -> _Overflow:
        summary = self._overflow.get(key)
        if summary is None:
            summary = _Overflow(len(self.items))
            self.items.append(Problem(key[1], key[0], None, ""))
            self._overflow[key] = summary
        return summary

    def _update(self, key: tuple[str, Severity]) -> None:
        s = self._overflow[key]
        more = msg(f"problems.more.{key[1]}", count=f"{s.more:,}") if s.more else None
        stopped = (
            msg(
                "problems.stopped",
                line=s.stopped_at,
                limit=self.limit,
                unread=f"{s.unread:,}",
            )
            if s.stopped_at is not None
            else None
        )
        if more is not None and stopped is not None:
            summary = msg("problems.more_and_stopped", more=more, stopped=stopped)
        else:
            summary = more or stopped or msg("problems.more.error", count="0")
        self.items[s.index] = Problem(key[1], key[0], None, summary)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_first(self) -> None:
        """Raise the first error as a DataError; do nothing when there is none."""
        for p in self.items:
            if p.severity == "error":
                raise DataError(p.message, p.file, p.line)
