"""Collecting what is wrong with the data, with file and line.

Loaders report every problem they find to a ``Problems`` list and go on where
they can; ``groupctl check`` shows them all, every other command stops at the
first error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from groupctl.errors import DataError

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    file: str
    line: int | None
    message: str

    def location(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def error(self, file: str, line: int | None, message: str) -> None:
        self.items.append(Problem("error", file, line, message))

    def warning(self, file: str, line: int | None, message: str) -> None:
        self.items.append(Problem("warning", file, line, message))

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
