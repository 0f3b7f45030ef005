"""Checks shared by the rules."""

from __future__ import annotations

from collections.abc import Iterable

from groupctl.catalogue import Join, Msg, msg
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
                msg(
                    "rules.orphan_member",
                    group=g.id,
                    campus=orphan.id,
                    year=year,
                    lead=g.lead.id,
                ),
                "pilots.yaml",
                g.lead.line,
            )
    return tuple(running)


def require_headcounts(data: Dataset, year: int, campuses: Iterable[Campus]) -> None:
    """Every campus must have campuses.csv rows for the year; name the first that has none."""
    enrollment = data.enrollment
    if year not in enrollment.years():
        raise DataError(
            msg("rules.no_headcounts", year=year, have=years_list(enrollment.years())),
            enrollment.file,
        )
    for c in campuses:
        if not enrollment.stages(year, c.id):
            raise DataError(
                msg("rules.no_headcount", year=year, campus=c.id, name=c.name), enrollment.file
            )


def years_list(years: Iterable[int]) -> Msg | Join:
    """The years a file has, for a message: 2022、2023 (en 2022, 2023), or none."""
    have = tuple(str(y) for y in years)
    return Join(have) if have else msg("rules.no_years")


def origin(set_by: str) -> Msg | str:
    """Who set a parameter, for a message: a file and line, --set, or the bundled value."""
    return msg("rules.bundled") if set_by == "bundled" else set_by
