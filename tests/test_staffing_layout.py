"""Staffing and allowance totals, the explain's rounding, and tables at 80 and 60 columns."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest
from rich.cells import cell_len

from groupctl import api
from groupctl.output.model import Output
from groupctl.views import Ask
from groupctl.views.allowance import allowance_view
from groupctl.views.staffing import _quotient, staffing_view

# --------------------------------------------------------------------------- totals


def _staffing(lang: str = "zh", sets: tuple[str, ...] = ()) -> tuple[Output, dict]:
    session = api.open_session(None, sets)
    result = api.staffing(session, 2023)
    out = staffing_view(result, session.data, Ask(lang=lang))  # type: ignore[arg-type]
    return out, json.loads(json.dumps(out.body))


def _blocks(section):
    """(group name, the group's campus rows, its group-total row) and the district total."""
    blocks, name, rows, district = [], None, [], None
    for row in section.rows:
        if row.style == "heading":
            name, rows = row.values["name"], []
            blocks.append((name, rows, [None]))
        elif row.style == "total" and row.values.get("name", "").strip() in ("集团合计",):
            blocks[-1][2][0] = row
        elif row.style == "total" and row.values.get("name") == "全区合计":
            district = row
        elif row.fact:
            rows.append(row)
    return blocks, district


@pytest.mark.parametrize("sets", [(), ("teachers.student_ratio.primary=18",)])
@pytest.mark.parametrize(
    ("section", "keys"),
    [
        (0, ("vice_principals", "party_members")),
        (1, ("students", "classes", "quota")),
        (2, ("classes", "established_teachers", "temp_teachers", "caregivers")),
    ],
)
def test_group_and_district_totals_are_the_sums_of_their_rows(section, keys, sets):
    out, _ = _staffing(sets=sets)
    blocks, district = _blocks(out.sections[section])
    assert district is not None
    for key in keys:
        everyone = 0
        for _, rows, (total,) in blocks:
            part = sum(r.values[key] for r in rows)
            everyone += part
            if total is not None:  # a group of one campus has no total row of its own
                assert total.values[key] == part, key
            else:
                assert len(rows) == 1
        assert district.values[key] == everyone, key


def test_staff_totals_are_the_sums_of_the_campuses_on_staff_and_gaps():
    out, doc = _staffing()
    teachers = out.sections[1]
    district = next(r for r in teachers.rows if r.values.get("name") == "全区合计")
    campuses = doc["campuses"]

    def staff(c):
        return c["teachers"] or c["kindergarten"]

    assert district.values["on_staff"] == sum(staff(c)["on_staff"] for c in campuses) == 676
    assert district.values["gap"] == sum(staff(c)["gap"] for c in campuses) == -22
    assert district.values["quota"] == 698
    # a negative gap is short of the quota: one minus sign, the same as the rows'
    lines = [ln for ln in _text("staffing", "2023").splitlines() if "全区合计" in ln]
    assert lines[1] == "  全区合计                            12,790    322    698    676    -22"


def test_totals_are_for_people_the_csv_holds_the_campuses():
    rows = list(csv.reader(io.StringIO(_text("staffing", "2023", "-f", "csv"))))
    names = [r[1] for r in rows[1:]]
    assert "集团合计" not in str(rows) and len(rows) == 1 + 21
    assert len(set(names)) == 5


def test_allowance_totals_add_up():
    session = api.open_session(None, ())
    out = allowance_view(api.allowance(session, 2023), session.data, Ask())
    blocks, district = _blocks(out.sections[0])
    for key in ("base_paid", "efficiency"):
        for _, rows, (total,) in blocks:
            assert total is not None and total.values[key] == sum(r.values[key] for r in rows)
        assert district is not None
        assert district.values[key] == sum(r.values[key] for _, rs, _ in blocks for r in rs)


def test_the_gap_reads_as_over_or_short():
    out = _text("staffing", "2023")
    assert "余缺 = 在编 - 编制：正数为超编，负数为缺编" in out
    assert "缺口" not in out
    en = _text("staffing", "2023", "--lang", "en")
    assert "gap = held - quota: above 0 over the quota, below 0 short of it" in en


# --------------------------------------------------------------------------- explain


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(2380, 19), "≈ 125.2632"),  # 125.263157…: the fifth place rounds it up
        (Fraction(236, 19), "≈ 12.4211"),  # 12.421052…: a 5 after the cut, then more
        (Fraction(1234565, 100000), "≈ 12.3457"),  # exactly 5 in the fifth place: half up
        (Fraction(1234564, 100000), "≈ 12.3456"),
        (Fraction(21, 2), "= 10.5"),
        (Fraction(35), "= 35"),
        (Fraction(1049999, 100000), "< 10.5"),  # rounds to 10.5000 but is below the half
        (Fraction(1050001, 100000), "≈ 10.5000"),  # above the half: 11, as it reads
    ],
)
def test_explain_rounds_the_shown_places_half_up(value, shown):
    assert _quotient(value) == shown


def test_explain_uses_one_minus_sign(cli):
    out = cli("staffing", "2023", "--explain").stdout
    assert "−" not in out
    assert "  教师编制：125；在编 118，余缺 118 - 125 = -7" in out.splitlines()
    assert "  小学教职工编制（教职工与学生比）：2,380 ÷ 19 ≈ 125.2632 → 四舍五入 125" in out


# --------------------------------------------------------------------------- widths


def _text(*args: str, columns: int = 80) -> str:
    from typer.testing import CliRunner

    from groupctl.cli import app

    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_staffing_fits_80_columns(lang):
    out = _text("staffing", "2023", "--lang", lang)
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "…" not in out


GROUP_NAMES = ("第七小学教育集团", "第四中学教育集团", "宣和教育集团", "兴仁教育集团")


@pytest.mark.parametrize(
    "args",
    [
        ("funding", "2023"),
        ("staffing", "2023"),
        ("allowance", "2023"),
        ("assess", "2023"),
        ("groups",),
        ("funding", "2023", "--set", "funding.base_per_group=120000", "--compare"),
    ],
)
def test_tables_stay_readable_at_60_columns(args):
    out = _text(*args, columns=60)
    lines = out.splitlines()
    table = [ln for ln in lines if not ln.startswith(("注", "说明", "      "))]
    assert max(cell_len(ln) for ln in table) <= 60
    # no closing bracket alone, no name broken over three lines, no figure broken
    assert not any(ln.strip() in ("）", ")") or ln.strip().startswith("）") for ln in lines)
    firsts = [ln.split("  ")[0] for ln in lines]  # a group row's name, else ""
    for i, first in enumerate(firsts[:-1]):
        for name in GROUP_NAMES:
            if first and first != name and name.startswith(first):
                assert first + firsts[i + 1] in (name, "中卫市" + name), (first, name)
    for figure in ("100,000", "2,380", "8,400.00"):
        if figure in _text(*args):
            assert figure in out


def test_funding_at_60_columns(cli):
    out = _text("funding", "2023", columns=60)
    assert out.splitlines()[:9] == [
        "2023–2024学年 集团化办学专项经费（六（三））",
        "",
        # two spaces between columns are enough: every name whole
        "集团 / 校区               角色  在校生  档位     经费（元）",
        "────────────────────────────────────────────────────────────",
        "中卫市第七小学教育集团",
        "  总校                    牵头   2,380  500+           不计",
        "  双渠校区                成员     420  200-499      15,000",
        "  基础经费                                          100,000",
        "  集团合计                                          115,000",
    ]


def test_groups_show_campus_ids():
    out = _text("groups")
    assert "  镇罗校区                sizhong-zhenluo    镇罗中学          成员  执行校长" in out
    rows = list(csv.reader(io.StringIO(_text("groups", "-f", "csv"))))
    assert rows[0].count("校区代码") == 1  # the CSV keeps its one id column


def test_staffing_at_60_columns_names_groups_by_what_sets_them_apart():
    out = _text("staffing", "2023", columns=60)
    lines = out.splitlines()
    at = lines.index("集团 / 校区         学段    在校生  班数  编制  在编  余缺")
    assert lines[at + 2 : at + 6] == [
        "第七小学教育集团",
        "  总校              小学     2,380    42   125   118    -7",
        "  双渠校区          小学       420     6    22    22     0",
        "  集团合计                   2,800    48   147   140    -7",
    ]
    assert "  总校（宣和中学）  初中       980    21    73    70    -3" in lines
