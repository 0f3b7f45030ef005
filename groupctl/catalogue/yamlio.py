"""Catalogue part: yamlio messages (Chinese, English).  See ``groupctl.catalogue``."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
