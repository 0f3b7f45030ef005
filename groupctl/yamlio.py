"""Reading YAML with line numbers and exact numbers.

ruamel.yaml's round-trip loader keeps each key's line; floats are read as
``Decimal`` from their source text, so a policy value like 13.5 is never a float.

A data file is what a clerk typed, so the loader takes plain YAML only and refuses,
with the file and line, whatever could make it hang, exhaust memory or crash
instead of answering: anchors and aliases (a "billion laughs" file expands to
gigabytes), tags other than the plain ones, nesting deeper than any data file
needs, characters YAML does not allow, and files far larger than any data file.
A scalar YAML cannot turn into a value (a date like 2023-02-30, a number of 5000
digits, ``.nan``) stays text, so that the field's own check refuses it with its line.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from groupctl.errors import DataError
from groupctl.numbers import clip, show

# The bundled policy.yaml is 12 KB, a district's pilots.yaml a few KB.  The library reads
# some 10 µs a byte and 40 µs a value (key, scalar, list): with these bounds any file is
# read or refused within about half a second, in a few MB.
MAX_BYTES = 128 * 1024
# The bundled policy.yaml holds about 1,000 values, a pilots.yaml about 15 a campus.
MAX_NODES = 10_000
# policy.yaml nests six levels (funding → supplement → values → date → list → band).
MAX_DEPTH = 32
# A number's text longer than this is no figure anyone typed (and Python refuses to
# convert more than 4300 digits): it stays text, and the field's check refuses it.
MAX_NUMBER_TEXT = 40

ALIASES = "YAML anchors and aliases (&name, *name) are not allowed in data files"
TAGS = "YAML tags (!!binary, !name …) are not allowed in data files, got {tag}"
DEPTH = f"nested more than {MAX_DEPTH} levels deep; a data file needs a few"
NODES = f"holds more than {MAX_NODES:,} values; no data file needs that many"
CHARACTER = "contains a character YAML does not allow (U+{code:04X})"
# What YAML allows in a file (YAML 1.2 §5.1); an escape (\ud800, \e) must not smuggle
# in what the file may not hold: a lone surrogate cannot even be printed.
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_PLAIN = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    f"{_PLAIN}{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
) | {"!"}


def unprintable(text: str) -> int | None:
    """The first character of ``text`` no data file may hold (a control character, a lone
    surrogate), as its code point; None when there is none."""
    found = _UNPRINTABLE.search(text)
    return None if found is None else ord(found.group())


def quote(value: object) -> str:
    """A value as an error message quotes it, bounded (``numbers.show``); a date as it is
    written in the file (2023-09-01), not as Python spells it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return show(value)


class _Refused(Exception):
    """Raised inside the YAML library: what is wrong and its 0-based mark."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.line = None if mark is None else int(mark.line) + 1


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.events import AliasEvent

    class PlainComposer(Composer):
        """Refuses anchors, aliases, tags and deep nesting before anything is built."""

        nesting = 0
        nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.parser.peek_event()
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _Refused(NODES, event.start_mark)
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                raise _Refused(ALIASES, event.start_mark)
            value = getattr(event, "value", None)
            code = unprintable(value) if isinstance(value, str) else None
            if code is not None:
                raise _Refused(CHARACTER.format(code=code), event.start_mark)
            tag = getattr(event, "ctag", None)
            if tag is not None and str(tag) not in _PLAIN_TAGS:
                shown = str(tag).replace(_PLAIN, "!!", 1)
                raise _Refused(TAGS.format(tag=clip(shown, 40)), event.start_mark)
            self.nesting += 1
            try:
                if self.nesting > MAX_DEPTH:
                    raise _Refused(DEPTH, event.start_mark)
                return super().compose_node(parent, index)
            finally:
                self.nesting -= 1

    class ExactConstructor(RoundTripConstructor):
        def construct_yaml_int(self, node: Any) -> Any:
            text = str(node.value)
            if len(text) > MAX_NUMBER_TEXT:
                return text
            try:
                return super().construct_yaml_int(node)
            except (ValueError, IndexError):  # 0x_, or a form the library cannot convert
                return text

        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except ValueError:  # 2023-02-30, 2023-13-01: no date, so it stays text
                return str(node.value)

    def construct_decimal(constructor: Any, node: Any) -> Decimal | str:
        # .nan and .inf are no numbers a rule can use: keep the text, so that the
        # type checks downstream reject it with the file and line.
        text = str(node.value)
        if len(text) > MAX_NUMBER_TEXT:
            return text
        try:
            value = Decimal(text.replace("_", ""))
        except InvalidOperation:
            return text
        # 1e999999999 is exact as text but overflows any arithmetic: keep it text too
        usable = value.is_finite() and abs(value.adjusted()) <= MAX_NUMBER_TEXT
        return value if usable else text

    ExactConstructor.add_constructor(f"{_PLAIN}float", construct_decimal)
    ExactConstructor.add_constructor(f"{_PLAIN}int", ExactConstructor.construct_yaml_int)
    ExactConstructor.add_constructor(
        f"{_PLAIN}timestamp", ExactConstructor.construct_yaml_timestamp
    )
    yaml = YAML(typ="rt")

    class ShallowScanner(yaml.Scanner):  # type: ignore[name-defined,misc]
        """Refuses the 33rd nested ``[`` or ``{`` as it reads it: the library looks up to
        1,024 characters ahead at each, so 5,000 of them took seconds to refuse."""

        def fetch_flow_collection_start(self, *args: Any, **kwargs: Any) -> None:
            if self.flow_level >= MAX_DEPTH:
                raise _Refused(DEPTH, self.reader.get_mark())
            super().fetch_flow_collection_start(*args, **kwargs)

    yaml.Scanner = ShallowScanner
    yaml.Composer = PlainComposer
    yaml.Constructor = ExactConstructor
    return yaml


def read_data_file(path: Path, display: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a data file that must be a readable regular file of at most ``limit``
    bytes; anything else (a directory, a dangling link, a link loop, a pipe) is a
    DataError naming it.  Never blocks on a pipe, never reads more than ``limit`` + 1."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise DataError("is a symbolic link to a file that does not exist", display) from None
        raise DataError("does not exist", display) from None
    except OSError as exc:
        if os.path.islink(path):
            raise DataError(
                "is a symbolic link that cannot be followed (a loop?)", display
            ) from None
        raise DataError(f"cannot read: {exc.strerror or exc}", display) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError("is a directory, not a file", display)
    if not stat.S_ISREG(info.st_mode):
        raise DataError("is not a regular file", display)
    if info.st_size > limit:
        raise DataError(f"is too large: {info.st_size:,} bytes, at most {limit:,}", display)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", display) from None
    if len(data) > limit:  # it grew since stat
        raise DataError(f"is too large: more than {limit:,} bytes", display)
    return data


def _text(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError("not UTF-8 text", display, line) from None


def load_yaml(path: Path, display: str) -> Any:
    """The document in ``path``; whatever is wrong is a DataError with the line."""
    text = _text(read_data_file(path, display), display)
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        with warnings.catch_warnings():  # the library's warnings are not ours to print
            warnings.simplefilter("ignore")
            return _yaml().load(text)
    except _Refused as exc:
        raise DataError(exc.message, display, exc.line) from None
    except ReaderError as exc:
        position = exc.position if isinstance(exc.position, int) else 0
        code = exc.character if isinstance(exc.character, int) else 0
        raise DataError(
            CHARACTER.format(code=code),
            display,
            text.count("\n", 0, position) + 1,
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise DataError(f"invalid YAML: {clip(problem, 120)}", display, line) from None
    except YAMLError:
        raise DataError("invalid YAML", display) from None
    except TypeError:  # a key that is itself a list or a mapping (`? - a`): no data file has one
        raise DataError("invalid YAML: a key that is a list or a mapping", display) from None


def key_line(mapping: Any, key: object) -> int | None:
    """1-based line of ``key`` in a ruamel mapping, when it knows."""
    lc = getattr(mapping, "lc", None)
    if lc is None:
        return None
    try:
        return int(lc.key(key)[0]) + 1
    except (KeyError, TypeError):
        return None


def node_line(node: Any) -> int | None:
    """1-based line where a ruamel mapping or sequence starts."""
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None
    return int(lc.line) + 1


def item_line(seq: Any, index: int) -> int | None:
    """1-based line of item ``index`` of a ruamel sequence."""
    lc = getattr(seq, "lc", None)
    if lc is None:
        return None
    try:
        return int(lc.item(index)[0]) + 1
    except (KeyError, TypeError, IndexError):
        return None
