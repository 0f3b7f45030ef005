"""xlsx files, read back with a second library (openpyxl), as a clerk's spreadsheet would."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal

import openpyxl
import pytest


def _book(cli, tmp_path, *args: str) -> openpyxl.Workbook:
    target = tmp_path / "out.xlsx"
    result = cli(*args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(target)


def test_funding_xlsx_has_typed_numbers_that_sum_to_the_district_total(cli, tmp_path):
    book = _book(cli, tmp_path, "funding", "2023")
    assert book.sheetnames == ["经费", "说明"]
    sheet = book["经费"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "集团代码",
        "集团",
        "校区代码",
        "校区",
        "项目",
        "角色",
        "在校生",
        "档位",
        "经费（元）",
    )
    assert rows[2] == (
        "qixiao", "中卫市第七小学教育集团", "qixiao-shuangqu", "中卫市第七小学教育集团双渠校区",
        "增补经费", "成员", 420, "200-499", 15000,
    )  # fmt: skip
    amounts = [r[-1] for r in rows[1:]]
    assert all(isinstance(a, int | float) for a in amounts)  # numbers, not text
    assert sum(Decimal(str(a)) for a in amounts) == Decimal(750000)
    assert sheet["I2"].number_format == "#,##0.00"
    assert sheet["G2"].number_format == "#,##0"
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    # CJK text counts double: the campus-name column is wide enough for its longest name
    assert sheet.column_dimensions["D"].width >= 2 * len("中卫市兴仁教育集团总校（兴仁中学）")


def test_the_notes_sheet_carries_the_meta_block_and_marks_a_what_if(cli, tmp_path):
    notes = dict(_book(cli, tmp_path, "funding", "2023")["说明"].iter_rows(values_only=True))
    assert notes["命令"] == "funding"
    assert notes["数据"] == "bundled"
    assert notes["示例数据"] == "campuses.csv"
    assert "方案" not in notes
    what_if = _book(cli, tmp_path, "funding", "2023", "--set", "funding.base_per_group=120000")
    first = next(what_if["说明"].iter_rows(values_only=True))
    assert first == (
        "方案",
        "测算方案（参数已改动，并非正式数字）：funding.base_per_group=120000",
    )
    sheet = what_if["经费"]
    assert sheet.cell(1, sheet.max_column).value == "方案"


def test_english_xlsx(cli, tmp_path):
    book = _book(cli, tmp_path, "funding", "2023", "--lang", "en")
    assert book.sheetnames == ["funding", "notes"]
    assert book["funding"]["E2"].value == "supplement"


@pytest.mark.parametrize(
    "args",
    [
        ["groups"],
        ["check"],
        ["procedure", "budget"],
        ["procedure"],
        ["funding", "2024"],
    ],
)
def test_every_command_writes_xlsx_with_the_csv_rows(cli, tmp_path, args):
    book = _book(cli, tmp_path, *args)
    first = book[book.sheetnames[0]]
    csv_lines = cli(*args, "-f", "csv").stdout.splitlines()
    assert first.max_row == len(csv_lines)
    assert book.sheetnames[-1] == "说明"


def test_a_failed_xlsx_write_leaves_the_old_file(cli, tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    result = cli("funding", "1999", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_bytes() == b"old"
    assert json.loads(cli("funding", "2023", "-f", "json").stdout)["total"] == "750000.00"


def test_the_same_inputs_give_the_same_bytes(cli, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert cli("funding", "2023", "-o", str(first)).exit_code == 0
    assert cli("funding", "2023", "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as z:  # no timestamp of the run inside, to the second
        assert '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z' in (
            z.read("docProps/core.xml").decode()
        )
