"""Finding a campus from what a clerk types.

An exact id or name wins; otherwise a fragment must match exactly one campus.
An ambiguous fragment is an error that lists the candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

from groupctl.errors import UsageError
from groupctl.model import Campus, Pilots
from groupctl.numbers import normalize


def _unique(matches: Sequence[Campus]) -> list[Campus]:
    seen: dict[str, Campus] = {}
    for c in matches:
        seen.setdefault(c.id, c)
    return list(seen.values())


def resolve_campus(pilots: Pilots, query: str) -> Campus:
    """The campus named by its id, full name, school name, or a unique fragment of those."""
    q = normalize(query)
    if not q:
        raise UsageError("--campus needs a campus id, name or part of a name")
    campuses = list(pilots.campuses())
    exact = _unique([c for c in campuses if q in (c.id, c.name, c.school)])
    if len(exact) == 1:
        return exact[0]
    partial = exact or _unique([c for c in campuses if q in c.id or q in c.name or q in c.school])
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UsageError(f"no campus matches {query!r} (see 'groupctl groups')")
    listed = ", ".join(f"{c.id} ({c.name})" for c in partial)
    raise UsageError(f"campus {query!r} is ambiguous: it matches {listed}")
