"""Reading YAML with line numbers and exact numbers.

ruamel.yaml's round-trip loader keeps each key's line; floats are read as
``Decimal`` from their source text, so a policy value like 13.5 is never a float.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from groupctl.errors import DataError


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class ExactConstructor(RoundTripConstructor):
        pass

    def construct_decimal(constructor: Any, node: Any) -> Decimal | str:
        # .nan and .inf are no numbers a rule can use: keep the text, so that the
        # type checks downstream reject it with the file and line.
        text = str(node.value).replace("_", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            return text
        return value if value.is_finite() else text

    ExactConstructor.add_constructor("tag:yaml.org,2002:float", construct_decimal)
    yaml = YAML(typ="rt")
    yaml.Constructor = ExactConstructor
    return yaml


def load_yaml(path: Path, display: str) -> Any:
    """The document in ``path``; syntax errors become a DataError with the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataError("not UTF-8 text", display) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", display) from None
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataError(f"invalid YAML: {problem}", display, line) from None


def key_line(mapping: Any, key: str) -> int | None:
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
