"""The project's own error types.

Domain code raises these; only the CLI entry point turns them into one line on
stderr and exit code 2.  Each error may carry the file and line it is about.
"""

from __future__ import annotations


class GroupctlError(Exception):
    """Bad usage or bad input: the user can fix it (exit 2)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def location(self) -> str:
        if self.file is None:
            return ""
        if self.line is None:
            return f"{self.file}: "
        return f"{self.file}:{self.line}: "

    def __str__(self) -> str:
        return f"{self.location()}{self.message}"


class DataError(GroupctlError):
    """A data file is unreadable, malformed or inconsistent."""


class PolicyError(GroupctlError):
    """A policy parameter is unknown, of the wrong type, or not in force."""


class UsageError(GroupctlError):
    """A command-line value is not acceptable (an amount, a --set, a campus...)."""
