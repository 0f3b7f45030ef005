"""Score files for the small fixture of conftest (two groups, 2023), worked out by hand.

g1 (2023: g1-main, g1-east, g1-west): mean (90.00 + 85.50 + 80.00) / 3 = 85.1666…;
  total 0.5 × 85.1666… + 0.1 × 88.00 + 0.4 × 84.00 = 84.98333… → 84.98, good.
k1 (k1-main, k1-south): mean (70.00 + 59.99) / 2 = 64.995;
  total 0.5 × 64.995 + 0.1 × 60.00 + 0.4 × 62.00 = 63.2975 → 63.30, fair.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

CAMPUS_SCORES = """\
year,campus,score
2023,g1-main,90.00
2023,g1-east,85.50
2023,g1-west,80
2023,k1-main,70
2023,k1-south,59.99
"""

GROUP_SCORES = """\
year,group,party_building,comprehensive
2023,g1,88,84
2023,k1,60.00,62.00
"""


def write_scores(
    write_data: Callable[..., Path],
    campus: str | bytes | None = CAMPUS_SCORES,
    group: str | bytes | None = GROUP_SCORES,
    **files: str | None,
) -> Path:
    """A data directory from conftest's ``write_data`` plus the two score files."""
    d = write_data(**files)
    for name, text in (("campus_scores.csv", campus), ("group_scores.csv", group)):
        if isinstance(text, bytes):
            (d / name).write_bytes(text)
        elif text is not None:
            (d / name).write_text(text, encoding="utf-8")
    return d
