"""The one way groupctl finds what a clerk probably meant: "您是否要找：…" / "did you mean …?".

Every lookup that can fail on a typo — a command, a procedure, a parameter path, an option's
value, a campus — asks ``closest`` for the names most like what was typed, and words the
suggestion with ``did_you_mean``.  Names are compared case-insensitively, full- and
half-width forms alike (``numbers.name_key``); with ``fragment=True`` a short query is also
compared with every stretch of a longer name of its length, so that a fragment with one
wrong character (镇锣) still finds the name it was cut from (中卫市第四中学教育集团镇罗校区).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from groupctl.catalogue import Join, Msg, msg
from groupctl.numbers import name_key

T = TypeVar("T")

CUTOFF = 0.6  # how alike two names must be (difflib's ratio) for one to be suggested
LONGEST = 200  # no name is that long: a longer query has nothing close to suggest


def likeness(query: str, name: str, *, fragment: bool = False) -> float:
    """How alike ``query`` and ``name`` are, 0 to 1 (as compared: ``name_key``)."""
    q, n = name_key(query), name_key(name)
    if not q or not n:
        return 0.0
    if not fragment or len(q) >= len(n):
        return SequenceMatcher(None, q, n).ratio()
    windows = {n[i : i + len(q)] for i in range(len(n) - len(q) + 1)}
    return max(SequenceMatcher(None, q, w).ratio() for w in windows)


def closest(
    query: str,
    candidates: Iterable[T],
    names: Callable[[T], Iterable[str]] | None = None,
    *,
    limit: int = 3,
    cutoff: float = CUTOFF,
    fragment: bool = False,
) -> list[T]:
    """The candidates most like ``query`` — those that tie for the best likeness, at least
    ``cutoff`` — in their given order, at most ``limit``.  A candidate answers to each of
    ``names(candidate)`` (default: the candidate itself, a string)."""
    if len(query) > LONGEST:
        return []
    scored: list[tuple[float, T]] = []
    for c in candidates:
        own = names(c) if names is not None else (str(c),)
        scored.append((max((likeness(query, n, fragment=fragment) for n in own), default=0), c))
    best = max((s for s, _ in scored), default=0.0)
    if best < cutoff:
        return []
    chosen: list[T] = []
    for score, c in scored:
        if score == best and c not in chosen:
            chosen.append(c)
    return chosen[:limit]


def did_you_mean(names: Sequence[object]) -> Msg:
    """The suggestion itself: 您是否要找：a、b / did you mean a, b?"""
    return msg("suggest.did_you_mean", names=Join(tuple(names)))
