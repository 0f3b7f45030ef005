"""Catalogue part: cli messages (Chinese, English).  See ``groupctl.catalogue``."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # lookup.py: --campus
    "campus.with_id": ("{name}（{id}）", "{name} ({id})"),
    "campus.empty": (
        "--campus 需要校区代码、名称或名称的一部分",
        "--campus needs a campus id, name or part of a name",
    ),
    "campus.unknown": (
        "没有与“{query}”相符的校区（见 groupctl groups）",
        "no campus matches '{query}' (see 'groupctl groups')",
    ),
    "campus.unknown.suggest": (
        "没有与“{query}”相符的校区。您是否要找：{names}",
        "no campus matches '{query}'; did you mean {names}?",
    ),
    "campus.ambiguous": (
        "“{query}”可指多个校区：{listed}；请写得更完整，或用校区代码",
        "campus '{query}' is ambiguous: it matches {listed}; give more of the name, or its id",
    ),
}
