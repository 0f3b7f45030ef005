"""Checks shared by the rules."""

from __future__ import annotations

from collections.abc import Iterable

from groupctl.errors import DataError
from groupctl.model import Campus, Dataset, Group


def active_groups(data: Dataset, year: int) -> tuple[Group, ...]:
    """Groups running in school year ``year``: those whose lead campus is in the group.

    A member in its group while the lead is not is a contradiction in pilots.yaml,
    never a reason to drop the group silently.
    """
    running = []
    for g in data.pilots.groups:
        if g.running_in(year):
            running.append(g)
            continue
        orphan = next((c for c in g.campuses if c.in_group(year)), None)
        if orphan is not None:
            raise DataError(
                f"group {g.id}: campus {orphan.id} is in the group in {year} but its lead"
                f" {g.lead.id} is not (check 'from'/'until')",
                "pilots.yaml",
                g.lead.line,
            )
    return tuple(running)


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
