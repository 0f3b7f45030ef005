"""The one message catalogue: every label, error, warning and note in Chinese and English.

Each entry is a key with its Chinese (default) and English text, ``str.format`` fields
in braces, the same fields in both.  The entries live in parts (``labels``, ``errors``,
``data``, ``cli``…) so that each area keeps its own texts beside the others; they are
merged here into one table, and a key may be defined once only (``tests/test_catalogue.py``
checks that, and that every entry has both languages with the same fields).

Domain code never picks a language: it raises errors and reports problems carrying a
``Msg`` — a key and its fields — and the edge (the CLI, a view) renders it in the
language the user asked for with ``render``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from groupctl.catalogue import cli, data, errors, labels, policy, rules, views, yamlio
from groupctl.record import Record

Lang = Literal["zh", "en"]

PARTS = {
    "labels": labels.ENTRIES,
    "errors": errors.ENTRIES,
    "data": data.ENTRIES,
    "cli": cli.ENTRIES,
    "rules": rules.ENTRIES,
    "views": views.ENTRIES,
    "policy": policy.ENTRIES,
    "yamlio": yamlio.ENTRIES,
}


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part, entries in PARTS.items():
        for key, pair in entries.items():
            if key in merged:
                raise RuntimeError(f"catalogue key {key!r} is defined twice (again in {part})")
            merged[key] = pair
    return merged


CATALOGUE: Mapping[str, tuple[str, str]] = MappingProxyType(_merge())


class Msg(Record):
    """A message not yet put into words: a catalogue key and the fields it fills in.

    A field may itself be a ``Msg`` (a label inside a sentence) and is rendered in the
    same language."""

    __slots__ = ("fields", "key")
    _compared = ("key", "fields")

    def __init__(self, key: str, fields: Mapping[str, object] | None = None) -> None:
        self.key = key
        self.fields: Mapping[str, object] = {} if fields is None else fields

    def __hash__(self) -> int:
        return hash((self.key, tuple(self.fields.items())))

    def render(self, lang: Lang) -> str:
        zh, en = CATALOGUE[self.key]
        text = zh if lang == "zh" else en
        if not self.fields:
            return text
        return text.format(**{k: render(v, lang) for k, v in self.fields.items()})

    def __str__(self) -> str:  # for logs and developers; users see ``render(lang)``
        return self.render("en")


class Join(Record):
    """A list inside a message: each item rendered, joined by 、 in Chinese, ", " in English."""

    __slots__ = ("items",)
    _compared = ("items",)

    def __init__(self, items: tuple[object, ...]) -> None:
        self.items = items

    def render(self, lang: Lang) -> str:
        return ("、" if lang == "zh" else ", ").join(render(i, lang) for i in self.items)


class Pair(Record):
    """A name the data or the code gives in both languages (a column: 在校生数 / students)."""

    __slots__ = ("en", "zh")
    _compared = ("zh", "en")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def render(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


def msg(key: str, /, **fields: object) -> Msg:
    """The message ``key`` with its fields; a key not in the catalogue fails at once."""
    if key not in CATALOGUE:
        raise KeyError(f"no catalogue entry {key!r}")
    return Msg(key, fields)


def render(value: object, lang: Lang) -> str:
    """A message, or any value shown inside one, in ``lang``."""
    if isinstance(value, (Msg, Join, Pair)):
        return value.render(lang)
    return str(value)


def text(key: str, lang: Lang, /, **fields: object) -> str:
    """The catalogue text of ``key`` in ``lang`` with its fields filled in."""
    return Msg(key, fields).render(lang)
