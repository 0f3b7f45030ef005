"""Reading YAML with line numbers and exact numbers.

A document becomes plain dicts and lists (``YamlMap``, ``YamlSeq``) that also know the
line of each key and item; floats are read as ``Decimal`` from their source text, so a
policy value like 13.5 is never a float.

A data file is what a clerk typed, so the loader takes plain YAML only and refuses,
with the file and line, whatever could make it hang, exhaust memory or crash
instead of answering: anchors and aliases (a "billion laughs" file expands to
gigabytes), tags other than the plain ones, nesting deeper than any data file
needs, characters YAML does not allow, and files far larger than any data file.
A scalar YAML cannot turn into a value (a date like 2023-02-30, a number of 5000
digits, ``.nan``) stays text, so that the field's own check refuses it with its line.

Two readers give the same values and lines (``tests/test_yamlio_fast.py``):

- the fast one builds the document straight from the events of the C parser that
  ruamel.yaml ships (``ruamel.yaml.clib``): some 20 ms a megabyte, so a province's
  pilots.yaml of 100,000 campuses is read in a few seconds;
- ruamel.yaml's round-trip loader, pure Python, some 10 µs a byte: the reference.  It
  reads every small file (``SMALL_BYTES``) the fast one refuses or cannot take on, so
  that the answer and the error message for such a file stay exactly the library's.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from sys import intern
from typing import Any

from groupctl.catalogue import Msg, msg
from groupctl.errors import DataError
from groupctl.numbers import clip, show


class Limits:
    """How large a YAML file may be: its bytes and its values (keys, scalars, lists).
    A plain class: a dataclass compiles its methods at every start."""

    __slots__ = ("bytes", "nodes")

    def __init__(self, bytes: int, nodes: int) -> None:
        self.bytes = bytes
        self.nodes = nodes

    def __repr__(self) -> str:
        return f"Limits(bytes={self.bytes!r}, nodes={self.nodes!r})"


# The bundled policy.yaml is 12 KB and holds about 1,000 values: a policy file does not grow
# with the district, and the reference reader takes any file this small in half a second.
SMALL = Limits(128 * 1024, 10_000)
# pilots.yaml grows with the district: about 200 bytes and 16 values a campus, so a
# province of 100,000 campuses writes 20 MB and 1.6 million values.  The fast reader takes
# the largest file allowed in about ten seconds.
LARGE = Limits(64 * 1024 * 1024, 4_000_000)
LIMITS = {"pilots.yaml": LARGE}  # by file name; any other YAML file: SMALL
MAX_BYTES = SMALL.bytes
SMALL_BYTES = SMALL.bytes  # up to this size the reference reader settles every doubt
# policy.yaml nests six levels (funding → supplement → values → date → list → band).
MAX_DEPTH = 32
# A number's text longer than this is no figure anyone typed (and Python refuses to
# convert more than 4300 digits): it stays text, and the field's check refuses it.
MAX_NUMBER_TEXT = 40

# What YAML does not allow in a file (YAML 1.2 §5.1: all but tab, line ends, printable
# ASCII, NEL, U+00A0–U+D7FF, U+E000–U+FFFD and the astral planes); an escape (\ud800, \e)
# must not smuggle it in either: a lone surrogate cannot even be printed.  Written as the
# few ranges it refuses, the pattern compiles in a millisecond, not ten, at each start.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_PLAIN = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    f"{_PLAIN}{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
) | {"!"}
_SIMPLE_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")  # what int() reads as YAML 1.2 does
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _aliases() -> Msg:
    return msg("yamlio.aliases")


def _tags(tag: object) -> Msg:
    shown = str(tag).replace(_PLAIN, "!!", 1)
    return msg("yamlio.tags", tag=clip(shown, 40))


def _depth() -> Msg:
    return msg("yamlio.depth", depth=MAX_DEPTH)


def _nodes(limit: int) -> Msg:
    return msg("yamlio.nodes", count=f"{limit:,}")


def _character(code: int) -> Msg:
    return msg("yamlio.character", code=f"{code:04X}")


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


# --------------------------------------------------------------------------- the document


class YamlMap(dict[Any, Any]):
    """A YAML mapping: a dict that knows its line and the line of each key."""

    __slots__ = ("_index", "key_lines", "line")

    def __init__(self, line: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.key_lines: list[int | None] = []  # in the order of the keys
        self._index: dict[Any, int | None] | None = None

    def key_line(self, key: object) -> int | None:
        if len(self.key_lines) <= 8:  # a campus has eight keys at most: no table needed
            for k, line in zip(self, self.key_lines, strict=False):
                if k == key:
                    return line
            return None
        if self._index is None:
            self._index = dict(zip(self, self.key_lines, strict=False))
        return self._index.get(key)


class YamlSeq(list[Any]):
    """A YAML sequence: a list that knows its line and the line of each item."""

    __slots__ = ("item_lines", "line")

    def __init__(self, line: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int | None] = []


def key_line(mapping: Any, key: object) -> int | None:
    """1-based line of ``key`` in a mapping read from YAML, when it knows."""
    return mapping.key_line(key) if isinstance(mapping, YamlMap) else None


def node_line(node: Any) -> int | None:
    """1-based line where a mapping or sequence read from YAML starts."""
    return node.line if isinstance(node, YamlMap | YamlSeq) else None


def item_line(seq: Any, index: int) -> int | None:
    """1-based line of item ``index`` of a sequence read from YAML."""
    if not isinstance(seq, YamlSeq) or not 0 <= index < len(seq.item_lines):
        return None
    return seq.item_lines[index]


# --------------------------------------------------------------------------- scalars


def _decimal(text: str) -> Decimal | str:
    # .nan and .inf are no numbers a rule can use: keep the text, so that the
    # type checks downstream reject it with the file and line.
    if len(text) > MAX_NUMBER_TEXT:
        return text
    try:
        value = Decimal(text.replace("_", ""))
    except InvalidOperation:
        return text
    # 1e999999999 is exact as text but overflows any arithmetic: keep it text too
    usable = value.is_finite() and abs(value.adjusted()) <= MAX_NUMBER_TEXT
    return value if usable else text


# --------------------------------------------------------------------------- the reference reader


class _Refused(Exception):
    """What is wrong with a document and its 1-based line."""

    def __init__(self, message: Msg, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _mark_line(mark: Any) -> int | None:
    return None if mark is None else int(mark.line) + 1


def _line(event: Any) -> int | None:
    return _mark_line(event.start_mark)


def _yaml(max_nodes: int = SMALL.nodes) -> Any:
    """ruamel.yaml's round-trip loader with the refusals: the reference reader."""
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
            line = _line(event)
            self.nodes += 1
            if self.nodes > max_nodes:
                raise _Refused(_nodes(max_nodes), line)
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                raise _Refused(_aliases(), line)
            value = getattr(event, "value", None)
            code = unprintable(value) if isinstance(value, str) else None
            if code is not None:
                raise _Refused(_character(code), line)
            tag = getattr(event, "ctag", None)
            if tag is not None and str(tag) not in _PLAIN_TAGS:
                raise _Refused(_tags(tag), line)
            self.nesting += 1
            try:
                if self.nesting > MAX_DEPTH:
                    raise _Refused(_depth(), line)
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
        return _decimal(str(node.value))

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
                raise _Refused(_depth(), _mark_line(self.reader.get_mark()))
            super().fetch_flow_collection_start(*args, **kwargs)

    yaml.Scanner = ShallowScanner
    yaml.Composer = PlainComposer
    yaml.Constructor = ExactConstructor
    return yaml


def _plain(doc: Any) -> Any:
    """The reference reader's document as the fast one builds it: YamlMap and YamlSeq with
    the lines of their keys and items (ruamel keeps them 0-based in ``lc``)."""
    if isinstance(doc, dict):
        out = YamlMap(_lc_line(doc))
        for k, v in doc.items():
            out[k] = _plain(v)
            out.key_lines.append(_lc_at(doc, "key", k))
        return out
    if isinstance(doc, list):
        seq = YamlSeq(_lc_line(doc))
        for i, v in enumerate(doc):
            seq.append(_plain(v))
            seq.item_lines.append(_lc_at(doc, "item", i))
        return seq
    return doc


def _lc_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return None if lc is None or lc.line is None else int(lc.line) + 1


def _lc_at(node: Any, how: str, key: object) -> int | None:
    lc = getattr(node, "lc", None)
    try:
        return int(getattr(lc, how)(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return None


def load_reference(text: str, display: str, max_nodes: int = SMALL.nodes) -> Any:
    """The document ``text`` as the reference reader builds it; a DataError when it is
    refused, with the line."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        with warnings.catch_warnings():  # the library's warnings are not ours to print
            warnings.simplefilter("ignore")
            return _plain(_yaml(max_nodes).load(text))
    except _Refused as exc:
        raise DataError(exc.message, display, exc.line) from None
    except ReaderError as exc:
        position = exc.position if isinstance(exc.position, int) else 0
        code = exc.character if isinstance(exc.character, int) else 0
        raise DataError(_character(code), display, text.count("\n", 0, position) + 1) from None
    except MarkedYAMLError as exc:
        raise _invalid(exc, display) from None
    except YAMLError:
        raise DataError(msg("yamlio.invalid.plain"), display) from None
    except TypeError:  # a key that is a list or a mapping (`? - a`): no data file has one
        raise DataError(msg("yamlio.invalid.complex_key"), display) from None
    except NotImplementedError:  # the library's own gap (a comment inside a merge key)
        raise DataError(msg("yamlio.invalid.plain"), display) from None


def _invalid(exc: Any, display: str) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    return DataError(msg("yamlio.invalid", problem=clip(problem, 120)), display, line)


# --------------------------------------------------------------------------- the fast reader


class _Unsupported(Exception):
    """A document the fast reader leaves to the reference one: a merge key (<<), a
    directive, a second document, a key that is a list or a mapping, a tag it does not
    convert itself, a duplicate key.  None of them is in a data file a clerk writes; in a
    file too large for the reference reader, it is refused with this message."""

    def __init__(self, message: Msg, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@cache
def _resolvers() -> dict[str, list[tuple[str, Any]]]:
    """The library's implicit YAML 1.2 resolvers by first character: the tag a plain
    scalar gets is exactly the one the reference reader gives it."""
    from ruamel.yaml.resolver import VersionedResolver

    table: dict[str, list[tuple[str, Any]]] = VersionedResolver((1, 2)).versioned_resolver
    return {first: list(entries) for first, entries in table.items() if first is not None}


_BOOLS = {"true": True, "false": False}


@cache
def _constructor() -> Any:
    """The reference reader's constructor, for the scalars the fast one does not convert
    itself (0x1F, 1_000, dates, explicit tags): few, so it may be slow."""
    return _yaml().constructor


def _by_reference(tag: str, event: Any) -> Any:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.tag import Tag

    constructor = _constructor()
    construct = type(constructor).yaml_constructors[tag]
    style = event.style or None
    node = ScalarNode(Tag(suffix=tag), event.value, event.start_mark, event.end_mark, style)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return construct(constructor, node)


def _resolve(value: str, candidates: list[tuple[str, Any]], event: Any) -> Any:
    """A plain scalar's value, as the reference reader constructs it: the first of the
    library's resolvers for its first character that matches says what it is."""
    resolved = next((tag for tag, regexp in candidates if regexp.match(value)), None)
    if resolved is None:
        return value
    kind = resolved[len(_PLAIN) :]
    if kind == "null":
        return None
    if kind == "bool":
        return _BOOLS[value.lower()]
    if kind == "float":
        return _decimal(value)
    if kind == "int" and _SIMPLE_INT.fullmatch(value):
        return int(value)
    if kind == "timestamp" and _DATE.fullmatch(value):  # 2023-09-01; 2023-02-30 stays text
        try:
            return date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return value
    if kind in ("int", "timestamp"):
        return _by_reference(resolved, event)
    raise _Unsupported(msg("yamlio.what.merge"), _line(event))  # <<, =


def _check(event: Any, nodes: int, max_nodes: int, depth: int, exact: bool) -> None:
    """What a node may not be, in the reference reader's order: one too many, anchored or
    an alias, of a tag beyond plain YAML, holding a character YAML forbids, too deep."""
    line = _line(event)
    if nodes > max_nodes:
        raise _Refused(_nodes(max_nodes), line)
    if getattr(event, "anchor", None) is not None or type(event).__name__ == "AliasEvent":
        raise _Refused(_aliases(), line)
    tag = event.ctag
    if tag is not None and str(tag) not in _PLAIN_TAGS:
        raise _Refused(_tags(tag), line)
    style = getattr(event, "style", None)
    if style == '"':  # an escape (\e, \ud800) can make any character
        code = unprintable(event.value)
        if code is not None:
            raise _Refused(_character(code), line)
    elif exact and style in ("|", ">"):
        raise _Unsupported(msg("yamlio.invalid.plain"), line)
    if depth >= MAX_DEPTH:
        raise _Refused(_depth(), line)
    if tag is not None:  # !!str, !!int, ! …: rare, and the library has its ways
        raise _Unsupported(msg("yamlio.what.tag", tag=_tags(tag)), line)


@cache
def has_c_parser() -> bool:
    """Whether ruamel.yaml's C parser (``ruamel.yaml.clib``, a dependency) is installed."""
    return _c_parser() is not None


def _c_parser() -> Any:
    import ruamel.yaml.main

    return getattr(ruamel.yaml.main, "CParser", None)


def load_fast(text: str, max_nodes: int, exact: bool = False) -> Any:
    """The document ``text`` built from the C parser's events; ``_Refused`` with the line
    for what a data file may not hold, ``_Unsupported`` for what the reference reader
    must settle, the library's MarkedYAMLError for a syntax error.

    ``exact``: leave to the reference reader the few things the two libraries read
    differently, so that the answer is the reference one: a tab (the C parser takes
    some the Python one refuses), a byte-order mark after the start (the C parser drops
    it) and a block scalar (``|``, ``>``: the two check their indentation differently,
    and the Python one marks a folded one inside with U+0007)."""
    if exact and ("\t" in text or "\ufeff" in text):
        raise _Unsupported(msg("yamlio.invalid.plain"), None)
    code = unprintable(text)
    if code is not None:
        position = _UNPRINTABLE.search(text)
        assert position is not None
        raise _Refused(_character(code), text.count("\n", 0, position.start()) + 1)
    parser = _c_parser()(text)
    try:
        return _build(parser, max_nodes, exact)
    finally:
        parser.dispose()


def _build(parser: Any, max_nodes: int, exact: bool) -> Any:
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    resolvers = _resolvers()
    checked = ('"', "|", ">") if exact else ('"',)  # styles _check looks at
    get_event = parser.get_event
    nodes = depth = documents = 0
    root: Any = None
    # the collection being filled (None at the top), whether it is a list, and for a
    # mapping its pending key and that key's line; ``stack`` holds the enclosing ones
    top: Any = None
    in_list = False
    no_key: Any = _check  # a marker no key can be
    key: Any = no_key
    key_at = 0
    stack: list[tuple[Any, bool, Any, int]] = []
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            nodes += 1
            if (
                event.anchor is not None
                or event.ctag is not None
                or nodes > max_nodes
                or depth >= MAX_DEPTH
                or (event.style and event.style in checked)
            ):
                _check(event, nodes, max_nodes, depth, exact)
            value: Any = event.value
            if event.implicit[0]:
                candidates = resolvers.get(value[:1])
                if candidates is not None:
                    value = _resolve(value, candidates, event)
            line = event.start_mark.line + 1
            if top is None:
                root = value
            elif in_list:
                top.append(value)
                top.item_lines.append(line)
            elif key is no_key:
                # one string for each key name, not one per campus: 30 MB in a province
                key = intern(value) if type(value) is str else value
                key_at = line
            else:
                if key in top:
                    _duplicate(top, key, key_at)
                top[key] = value
                top.key_lines.append(key_at)
                key = no_key
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            nodes += 1
            if (
                event.anchor is not None
                or event.ctag is not None
                or nodes > max_nodes
                or depth >= MAX_DEPTH
            ):
                _check(event, nodes, max_nodes, depth, exact)
            line = event.start_mark.line + 1
            opened = YamlMap(line) if kind is MappingStartEvent else YamlSeq(line)
            if top is None:
                root = opened
            elif in_list:
                top.append(opened)
                top.item_lines.append(line)
            elif key is no_key:
                raise _Unsupported(msg("yamlio.what.complex_key"), line)
            else:
                if key in top:
                    _duplicate(top, key, key_at)
                top[key] = opened
                top.key_lines.append(key_at)
                key = no_key
            stack.append((top, in_list, key, key_at))
            top, in_list, key, depth = opened, kind is SequenceStartEvent, no_key, depth + 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            top, in_list, key, key_at = stack.pop()
            depth -= 1
        elif kind is AliasEvent:
            nodes += 1
            _check(event, nodes, max_nodes, depth, exact)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1 or getattr(event, "version", None) or getattr(event, "tags", None):
                what = msg("yamlio.what.documents")
                raise _Unsupported(what, event.start_mark.line + 1)
        elif kind is StreamEndEvent:
            return root


def _duplicate(mapping: YamlMap, key: object, line: int) -> None:
    what = msg("yamlio.what.duplicate_key", key=quote(key), first=mapping.key_line(key))
    raise _Unsupported(what, line)


# --------------------------------------------------------------------------- files


def read_data_file(path: Path, display: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a data file that must be a readable regular file of at most ``limit``
    bytes; anything else (a directory, a dangling link, a link loop, a pipe) is a
    DataError naming it.  Never blocks on a pipe, never reads more than ``limit`` + 1."""
    from groupctl.osreason import os_reason  # why a read failed, in the user's language

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise DataError(msg("yamlio.file.dangling_link"), display) from None
        raise DataError(msg("yamlio.file.missing"), display) from None
    except OSError as exc:
        if os.path.islink(path):
            raise DataError(msg("yamlio.file.link_loop"), display) from None
        raise DataError(msg("yamlio.file.unreadable", reason=os_reason(exc)), display) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(msg("yamlio.file.directory"), display)
    if not stat.S_ISREG(info.st_mode):
        raise DataError(msg("yamlio.file.not_regular"), display)
    if info.st_size > limit:
        size = f"{info.st_size:,}"
        raise DataError(msg("yamlio.file.too_large", size=size, limit=f"{limit:,}"), display)
    try:
        with open(path, "rb") as handle:
            # read() sets aside as many bytes as it is asked for: ask for the size the file
            # has, not the 64 MB it may have, and read on only if it grew since
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        raise DataError(msg("yamlio.file.unreadable", reason=os_reason(exc)), display) from None
    if len(data) > limit:  # it grew since stat
        raise DataError(msg("yamlio.file.grew", limit=f"{limit:,}"), display)
    return data


def _text(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(msg("yamlio.not_utf8"), display, line) from None


def limits_for(path: Path) -> Limits:
    """The bounds of a YAML file: pilots.yaml grows with the district, others do not."""
    return LIMITS.get(path.name, SMALL)


def load_yaml(path: Path, display: str) -> Any:
    """The document in ``path``; whatever is wrong is a DataError with the line."""
    limits = limits_for(path)
    data = read_data_file(path, display, limits.bytes)
    text = _text(data, display)
    small = len(data) <= SMALL_BYTES
    del data  # a province's pilots.yaml is 20 MB: hold it once, as text
    if not has_c_parser():  # a platform ruamel.yaml.clib has no build for: slower, as exact
        return load_reference(text, display, limits.nodes)
    try:
        return load_fast(text, limits.nodes, exact=small)
    except _Refused as exc:
        if not small:
            raise DataError(exc.message, display, exc.line) from None
    except _Unsupported as exc:
        if not small:
            raise DataError(exc.message, display, exc.line) from None
    except Exception as exc:
        from ruamel.yaml.error import MarkedYAMLError

        if not isinstance(exc, MarkedYAMLError):
            raise
        if not small:
            raise _invalid(exc, display) from None
    # a small file the fast reader refuses or leaves: the reference reader's answer and
    # words, exactly as they were before there was a fast reader
    return load_reference(text, display, limits.nodes)
