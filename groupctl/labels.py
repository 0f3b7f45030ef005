"""Display texts in Chinese (default) and English, from the one catalogue
(``groupctl.catalogue``).  JSON keys never go through here."""

from __future__ import annotations

from groupctl.catalogue import CATALOGUE, Lang, text

__all__ = ["Lang", "label_of", "school_year", "t", "tr"]

_LABELS = CATALOGUE


def t(key: str, lang: Lang, **fields: object) -> str:
    """The catalogue text of ``key`` in ``lang``; a field may be a ``Msg``."""
    return text(key, lang, **fields)


def label_of(key: str, lang: Lang) -> str:
    """The label of a code (``lead``, ``item.base``); the code itself when it has none."""
    pair = _LABELS.get(key)
    if pair is None:
        return key.rsplit(".", 1)[-1]
    return pair[0] if lang == "zh" else pair[1]


def tr(lang: Lang, zh: str, en: str) -> str:
    """Pick the text for ``lang``: for labels a view builds with names from the data."""
    return zh if lang == "zh" else en


def school_year(year: int, lang: Lang) -> str:
    return f"{year}–{year + 1}" if lang == "zh" else f"{year}-{year + 1}"
