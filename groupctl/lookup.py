"""Finding a campus from what a clerk types.

A campus answers to its id, its full name, its school's name and any alias in
pilots.yaml (SPEC §2), compared as ``numbers.name_key`` compares names: full- and
half-width brackets alike, spaces ignored.  An exact name wins; otherwise a fragment
must match exactly one campus.  An ambiguous fragment is an error that lists the
candidates; an unknown name is an error that suggests the closest names
(``groupctl.suggest``, the one helper every suggestion uses).
"""

from __future__ import annotations

from collections.abc import Sequence

from groupctl.catalogue import Join, msg
from groupctl.errors import UsageError
from groupctl.model import Campus, Pilots
from groupctl.numbers import name_key
from groupctl.suggest import closest


def _unique(matches: Sequence[Campus]) -> list[Campus]:
    seen: dict[str, Campus] = {}
    for c in matches:
        seen.setdefault(c.id, c)
    return list(seen.values())


def _closest(query: str, campuses: Sequence[Campus]) -> list[Campus]:
    """The campuses with a name that has a stretch most like ``query`` (a fragment with one
    wrong character, 镇锣 → 镇罗校区), for a suggestion; at most three."""
    return closest(query, campuses, lambda c: c.names(), cutoff=0.5, fragment=True)


def resolve_campus(pilots: Pilots, query: str) -> Campus:
    """The campus named by its id, full name, school name, alias, or a unique fragment."""
    q = name_key(query)
    if not q:
        raise UsageError(msg("campus.empty"))
    campuses = list(pilots.campuses())
    keys = {c.id: [name_key(n) for n in c.names()] for c in campuses}
    exact = _unique([c for c in campuses if q in keys[c.id]])
    if len(exact) == 1:
        return exact[0]
    partial = exact or _unique([c for c in campuses if any(q in n for n in keys[c.id])])
    if len(partial) == 1:
        return partial[0]
    if not partial:
        close = _closest(q, campuses)
        if close:
            names = Join(tuple(msg("campus.with_id", name=c.name, id=c.id) for c in close))
            raise UsageError(msg("campus.unknown.suggest", query=query, names=names))
        raise UsageError(msg("campus.unknown", query=query))
    listed = Join(tuple(msg("campus.with_id", name=c.name, id=c.id) for c in partial))
    raise UsageError(msg("campus.ambiguous", query=query, listed=listed))
