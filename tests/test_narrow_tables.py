"""Tables without a group / campus tree at 60 columns: text wraps as Chinese is typeset."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

CLOSING = "，。、；：）》」』】〕〉”"


@pytest.mark.parametrize(
    "args",
    [
        ("approve", "45000", "-c", "镇罗", "--year", "2023"),
        ("approve", "8000", "-c", "文萃", "--fund", "special", "-p", "课题", "--year", "2023"),
        ("procedure", "teacher-plan"),
        ("params",),
        ("check",),
    ],
)
def test_no_line_is_wider_than_60_or_starts_with_a_closing_mark(cli, args):
    result = cli(*args, env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.stderr
    for line in result.stdout.splitlines():
        # piped, params' legend lines stay whole (a terminal wraps them): its rows fit
        assert cell_len(line) <= 60 or (args[0] == "params" and "   " not in line), line
        assert not line.strip() or line.strip()[0] not in CLOSING, line


def test_a_step_wraps_before_its_bracket_is_reached_not_leaving_it_alone(cli):
    out = cli("approve", "45000", "-c", "镇罗", "--year", "2023", env={"COLUMNS": "60"}).stdout
    assert "     1   镇罗校区执行校长审批（一支笔审     六（四）1（2）\n         批）\n" in out
    assert "报区教育局审批（40,000 元及以" in out  # a number and its unit are not torn apart
