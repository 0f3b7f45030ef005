"""Checks shared by the rules."""

from __future__ import annotations

from collections.abc import Iterable

from groupctl.errors import DataError
from groupctl.model import Campus, Dataset, Group


def active_groups(data: Dataset, year: int) -> tuple[Group, ...]:
    """Groups running in school year ``year``: those whose lead campus is in the group."""
    return tuple(g for g in data.pilots.groups if g.lead.in_group(year))


def require_headcounts(data: Dataset, year: int, campuses: Iterable[Campus]) -> None:
    """Every campus must have campuses.csv rows for the year; name the first that has none."""
    enrollment = data.enrollment
    if year not in enrollment.years():
        have = ", ".join(str(y) for y in enrollment.years()) or "none"
        raise DataError(f"no headcounts for {year} (years with data: {have})", enrollment.file)
    for c in campuses:
        if not enrollment.stages(year, c.id):
            raise DataError(
                f"no headcount for {year} for campus {c.id} ({c.name})", enrollment.file
            )
