"""The project's own error types.

Domain code raises these; only the CLI entry point turns them into one line on
stderr and exit code 2.  Each error may carry the file and line it is about.

The message is a catalogue ``Msg`` (a key and its fields), put into words in the
user's language only at the edge: ``error.render(lang)``.  ``str(error)`` is the
English form, for logs and developers.
"""

from __future__ import annotations

from groupctl.catalogue import Lang, Msg, render


def at(where: str, message: str, lang: Lang) -> str:
    """A message after the place it is about, punctuated as each language does."""
    return f"{where}：{message}" if lang == "zh" else f"{where}: {message}"


class GroupctlError(Exception):
    """Bad usage or bad input: the user can fix it (exit 2)."""

    def __init__(
        self, message: Msg | str, file: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def location(self) -> str:
        """``file:line``, ``file``, or "" when the error is about no file."""
        if self.file is None:
            return ""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def render(self, lang: Lang) -> str:
        """The whole message, after its place, in ``lang``: ``campuses.csv:14：…`` in Chinese,
        ``campuses.csv:14: …`` in English (SPEC §4)."""
        where = self.location()
        return at(where, render(self.message, lang), lang) if where else render(self.message, lang)

    def __str__(self) -> str:
        return self.render("en")


class DataError(GroupctlError):
    """A data file is unreadable, malformed or inconsistent."""


class PolicyError(GroupctlError):
    """A policy parameter is unknown, of the wrong type, or not in force."""


class UsageError(GroupctlError):
    """A command-line value is not acceptable (an amount, a --set, a campus...)."""
