"""`groupctl report YEAR -o FILE`: the year's whole report as markdown, HTML and xlsx,
drawn from the same records as the commands (issue 9)."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import REPO

GROUPS = (
    "中卫市第七小学教育集团",
    "中卫市第四中学教育集团",
    "中卫市宣和教育集团",
    "中卫市兴仁教育集团",
    "中卫市第二幼儿园教育集团",
)
SHEETS = [
    "说明",
    "摘要",
    "集团",
    "经费",
    "编制",
    "考核与津贴",
    "覆盖率",
    "例行事项",
    "参数",
    "数据警告",
]
PARTS = [
    "## 1. 摘要",
    "## 2. 试点集团与校区",
    "## 3. 专项经费",
    "## 4. 领导职数与教师编制",
    "## 5. 考核与津贴",
    "## 6. 覆盖率",
    "## 7. 本学年例行事项",
    "## 8. 所用参数及其来源",
    "## 9. 数据警告",
]
SUMMARY_2023 = """\
### 2023–2024学年 全区合计

| 项目                     |              2023–2024 |
|:-------------------------|-----------------------:|
| 试点集团（个）           |                      5 |
| 校（园）区（个）         |                     21 |
| 在校生（人）             |                 12,790 |
| 专项经费（元）           |             750,000.00 |
| 领导职数（正副职）       |                     49 |
| 教师编制（名）           |                    698 |
| 在编教师（名）           |                    676 |
| 校（园）长津贴（元）     |             199,776.00 |
| 集团等次                 | 优秀 2、良好 2、一般 1 |
| 义务教育学校集团化覆盖率 |                 61.54% |

- 2022–2023学年没有数据，不列同比增减
"""
NO_SCORES = "注：报告略去“考核与津贴”：数据目录中没有 campus_scores.csv、group_scores.csv"


_MADE: dict[tuple[str, ...], tuple[bytes, str]] = {}  # reports of the bundled data, made once


def report(cli, tmp_path: Path, name: str, *args: str, again: bool = False) -> tuple[bytes, str]:
    """Run `report` writing to tmp_path/name: the file's bytes and stderr.  A report of the
    bundled data is made once per run of the suite (``again`` makes it anew)."""
    target = tmp_path / name
    key = (name, *args)
    if "--data" in args or again or key not in _MADE:
        result = cli("report", *args, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        made = (target.read_bytes(), result.stderr.replace(str(target), "{target}"))
        if "--data" not in args:
            _MADE[key] = made
    else:
        made = _MADE[key]
        target.write_bytes(made[0])
    return made[0], made[1].replace("{target}", str(target))


@pytest.fixture
def no_scores(tmp_path: Path) -> Path:
    """The bundled data without its two score files (and so without assess and allowance)."""
    d = tmp_path / "no-scores"
    d.mkdir()
    for name in ("pilots.yaml", "campuses.csv", "staff.csv"):
        shutil.copy(REPO / "data" / name, d / name)
    return d


def command_json(cli, *args: str) -> dict:
    result = cli(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def book(data: bytes, tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "read.xlsx"
    path.write_bytes(data)
    return openpyxl.load_workbook(path)


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def summary(sheet) -> dict[str, tuple]:
    """The summary sheet's figures by label: (this year, last year, change)."""
    return {r[0]: r[1:] for r in rows(sheet) if r[0] and r[1] is not None}


# --------------------------------------------------------------------------- markdown


def test_markdown_has_every_part_in_order_with_the_commands_tables(cli, tmp_path):
    data, err = report(cli, tmp_path, "报告.md", "2023")
    text = data.decode("utf-8")
    assert text.startswith(
        "# 中卫市沙坡头区集团化办学 2023–2024学年 年度报告\n\n数据：内置示例数据；groupctl "
    )
    positions = [text.index(p) for p in PARTS]
    assert positions == sorted(positions)
    # the funding table is the command's own markdown table, whole
    funding_md = (REPO / "tests" / "golden" / "funding_2023.md").read_text(encoding="utf-8")
    table = funding_md[funding_md.index("### ") :].split("\n\n注")[0].rstrip()
    assert table in text
    assert SUMMARY_2023 in text
    assert "- 2022–2023学年没有数据，不列同比增减" in text
    assert err.splitlines()[-1] == f"已写入：{tmp_path / '报告.md'}"


def test_markdown_tables_align_cjk_text(cli, tmp_path):
    from wcwidth import wcswidth

    text = report(cli, tmp_path, "r.md", "2023")[0].decode()
    block = text[text.index("### 2023–2024学年 全区合计") :].split("\n\n")[1]
    widths = {wcswidth(line) for line in block.splitlines()}
    assert len(widths) == 1  # every line of the table, CJK or not, is as wide on screen


def test_markdown_what_if_says_so_on_its_first_line(cli, tmp_path):
    text, err = report(cli, tmp_path, "r.md", "2023", "--set", "funding.base_per_group=120000")
    first = text.decode().splitlines()[0]
    assert first == "> **测算方案（参数已改动，并非正式数字）：funding.base_per_group=120000**"
    assert (
        err.splitlines()[0] == "测算方案（参数已改动，并非正式数字）：funding.base_per_group=120000"
    )
    assert re.search(r"\| 专项经费（元） +\| +850,000.00 \|", text.decode())


# --------------------------------------------------------------------------- figures


def test_figures_are_the_commands_own(cli, tmp_path):
    funding = command_json(cli, "funding", "2023")
    allowance = command_json(cli, "allowance", "2023")
    staffing = command_json(cli, "staffing", "2023")
    assert funding["total"] == "750000.00"
    figures = summary(book(report(cli, tmp_path, "r.xlsx", "2023")[0], tmp_path)["摘要"])
    assert Decimal(str(figures["专项经费（元）"][0])) == Decimal(funding["total"])
    assert Decimal(str(figures["校（园）长津贴（元）"][0])) == Decimal(allowance["totals"]["total"])
    students = sum(c["students"] for g in funding["groups"] for c in g["campuses"])
    assert figures["在校生（人）"][0] == students == 12790
    leaders = sum(c["principals"] + c["vice_principals"] for c in staffing["campuses"])
    assert figures["领导职数（正副职）"][0] == leaders
    assert figures["试点集团（个）"][0] == len(funding["groups"]) == 5
    assert figures["集团等次"][0] == "优秀 2、良好 2、一般 1"


def test_year_on_year_change_where_last_year_has_data(cli, tmp_path):
    before = Decimal(command_json(cli, "funding", "2023")["total"])
    now = Decimal(command_json(cli, "funding", "2024")["total"])
    data, err = report(cli, tmp_path, "r.xlsx", "2024")
    sheet = book(data, tmp_path)["摘要"]
    assert ("项目", "2024–2025", "2023–2024", "同比增减") in rows(sheet)
    this, last, change = summary(sheet)["专项经费（元）"]
    assert (Decimal(str(this)), Decimal(str(last)), Decimal(str(change))) == (
        now,
        before,
        now - before,
    )
    md = report(cli, tmp_path, "r.md", "2024")[0].decode()
    assert re.search(r"\| 专项经费（元） +\| +745,000.00 \| +750,000.00 \| +-5,000.00 \|", md)
    # the bundled scores stop at 2023: that part of 2024 is left out, with its reason
    assert (
        "注：报告略去“考核与津贴”：campus_scores.csv、group_scores.csv 中没有 2024–2025 学年的得分"
        in err
    )


# --------------------------------------------------------------------------- no score files


@pytest.mark.parametrize("name", ["r.md", "r.html", "r.xlsx"])
def test_without_score_files_the_part_is_left_out_with_a_note(cli, tmp_path, no_scores, name):
    data, err = report(cli, tmp_path, name, "2023", "--data", str(no_scores))
    assert NO_SCORES in err.splitlines()
    if name.endswith(".md"):
        text = data.decode()
        assert f"## 5. 考核与津贴\n\n{NO_SCORES}\n" in text
        assert "校（园）长津贴（元）" not in text
        assert re.search(r"\| 专项经费（元） +\| +750,000.00 \|", text)
    elif name.endswith(".html"):
        text = data.decode()
        assert f'<p class="omitted">{NO_SCORES}</p>' in text
    else:
        workbook = book(data, tmp_path)
        assert workbook.sheetnames == SHEETS
        assert (NO_SCORES,) in rows(workbook["考核与津贴"])
        assert "校（园）长津贴（元）" not in summary(workbook["摘要"])


def test_without_staff_file_the_staff_columns_are_left_out_with_the_views_note(
    cli, tmp_path, write_data
):
    d = write_data()
    text, err = report(cli, tmp_path, "r.md", "2023", "--data", str(d))
    md = text.decode()
    assert "- 注：数据目录中没有 staff.csv，在编教师、余缺和党组织无数据" in md
    assert "在编教师（名）" not in md
    assert NO_SCORES in err


def test_a_broken_score_file_is_an_error_not_a_gap(cli, tmp_path, no_scores):
    (no_scores / "campus_scores.csv").write_text("year,campus,score\n2023,qixiao-main,101\n")
    (no_scores / "group_scores.csv").write_text("year,group,party_building,comprehensive\n")
    result = cli("report", "2023", "--data", str(no_scores), "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：campus_scores.csv:2：")
    assert not (tmp_path / "r.md").exists()


# --------------------------------------------------------------------------- html


def test_html_is_one_self_contained_printable_file(cli, tmp_path):
    text = report(cli, tmp_path, "r.html", "2023")[0].decode()
    assert text.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<script" not in text.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert "<link" not in text and "@import" not in text and "url(" not in text
    assert "@page { size: A4;" in text
    assert "break-before: page" in text
    assert '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"' in text
    # the funding chart: one bar per group, as long as its total
    chart = text[text.index('<figure class="chart" id="chart-funding">') :].split("</figure>")[0]
    assert "<svg" in chart and chart.count('<rect class="bar"') == 5
    for name in GROUPS:
        assert f'text-anchor="end">{name}</text>' in chart
    assert ">750,000.00<" in text


def test_html_escapes_every_text_from_the_data(cli, tmp_path, write_data):
    from tests.conftest import PILOTS

    d = write_data(pilots=PILOTS.replace("甲教育集团", "甲<b>&amp;</b>教育集团"))
    text = report(cli, tmp_path, "r.html", "2023", "--data", str(d))[0].decode()
    assert "<b>" not in text
    assert "甲&lt;b&gt;&amp;amp;&lt;/b&gt;教育集团" in text


def test_html_what_if_is_on_the_first_page_and_on_every_part(cli, tmp_path):
    sets = ("--set", "funding.supplement_includes_lead=true")
    text = report(cli, tmp_path, "r.html", "2023", *sets)[0].decode()
    banner = '<p class="what-if">测算方案（参数已改动，并非正式数字）：funding.supplement_includes_lead=true</p>'
    assert text.index(banner) < text.index("<h1>")
    assert text.count(banner) == 9  # the first page, and each part after the first


def test_english_report(cli, tmp_path):
    text = report(cli, tmp_path, "r.html", "2023", "--lang", "en")[0].decode()
    assert '<html lang="en">' in text
    assert "<h1>中卫市沙坡头区 education groups: annual report 2023-2024</h1>" in text
    workbook = book(report(cli, tmp_path, "r.xlsx", "2023", "--lang", "en")[0], tmp_path)
    assert workbook.sheetnames[:4] == ["notes", "summary", "groups", "funding"]


# --------------------------------------------------------------------------- xlsx


def test_xlsx_one_sheet_per_part_numbers_as_numbers_and_a_funding_chart(cli, tmp_path):
    data = report(cli, tmp_path, "r.xlsx", "2023")[0]
    workbook = book(data, tmp_path)
    assert workbook.sheetnames == SHEETS
    cover = rows(workbook["说明"])
    assert cover[0] == ("中卫市沙坡头区集团化办学 2023–2024学年 年度报告", None)
    sheet = workbook["经费"]
    table = rows(sheet)
    header = table.index(
        ("集团代码", "集团", "校区代码", "校区", "项目", "角色", "在校生", "档位", "经费（元）")
    )
    facts = table[header + 1 : table.index((None,) * 9, header)]
    assert all(isinstance(r[-1], int | float) for r in facts)
    assert sum(Decimal(str(r[-1])) for r in facts) == Decimal(750000)
    first = sheet.cell(row=header + 2, column=9)
    assert first.number_format == "#,##0.00"
    assert sheet.cell(row=header + 2, column=7).number_format == "#,##0"
    # CJK text counts double in the widths
    assert sheet.column_dimensions["D"].width >= 2 * len("中卫市兴仁教育集团总校（兴仁中学）")
    # a native chart of funding by group, drawn from the totals on the same sheet
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert charts
        xml = z.read(charts[0]).decode()
    assert (
        "<c:barChart>" in xml
        and "<c:f>经费!$A$4:$A$8</c:f>" in xml
        and "<c:f>经费!$B$4:$B$8</c:f>" in xml
    )
    assert [r[:2] for r in table[3:8]] == [
        (name, total)
        for name, total in zip(GROUPS, (115000, 145000, 170000, 185000, 135000), strict=True)
    ]
    money = summary(workbook["摘要"])["专项经费（元）"][0]
    assert isinstance(money, int | float)


def test_xlsx_what_if_is_the_first_line_of_the_notes_sheet(cli, tmp_path):
    data = report(cli, tmp_path, "r.xlsx", "2023", "--set", "funding.base_per_group=120000")[0]
    workbook = book(data, tmp_path)
    line = "测算方案（参数已改动，并非正式数字）：funding.base_per_group=120000"
    assert workbook.sheetnames[0] == "说明"
    assert rows(workbook["说明"])[0][0] == line
    assert rows(workbook["经费"])[1][0] == line  # and under each sheet's title


def test_parameters_part_marks_local_and_interpretation_and_cites_national_documents(cli, tmp_path):
    workbook = book(report(cli, tmp_path, "r.xlsx", "2023")[0], tmp_path)
    table = rows(workbook["参数"])
    header = table.index(
        ("参数", "来源", "依据", "值", "数值", "单位", "改动", "用于", "说明", "备注", "另一种读法")
    )
    by_path = {r[0]: r for r in table[header + 1 :] if r[0]}
    assert by_path["funding.supplement_includes_lead"][1:5] == (
        "解读",
        "六（三）·解读",
        "false",
        None,
    )
    assert by_path["funding.supplement_includes_lead"][10] == "true"
    # a single number is stored as a number, so a spreadsheet can compute with it
    assert by_path["funding.base_per_group"][3:5] == ("100000", 100000)
    assert by_path["allowance.base_share"][4] == 0.7
    assert by_path["allowance.annual_standard.lead"][1:3] == ("本局自定", "本局自定")
    # xlsx names a national document in full, a table by its short form
    assert by_path["teachers.student_ratio.primary"][1:3] == ("国家规定", "中央编办发〔2014〕72号")
    md = report(cli, tmp_path, "r.md", "2023")[0].decode()
    assert re.search(
        r"\| teachers\.student_ratio\.primary +\| 国家规定 +\| 72号 +\| 19 生/编制", md
    )
    assert re.search(
        r"\| funding\.supplement_includes_lead +\| 解读 +\| 六（三）·解读 +\| false", md
    )
    assert by_path["class_size.max.primary"][2] == "中小学校设计规范（GB 50099-2011）"
    assert by_path["funding.base_per_group"][1:3] == ("方案", "六（三）")
    html = report(cli, tmp_path, "r.html", "2023")[0].decode()
    assert (
        '<tr class="origin-interpretation"><td class="whole">funding.supplement_includes_lead'
        in html
    )
    assert '<tr class="origin-local"><td class="whole">allowance.annual_standard.lead' in html


def test_data_warnings_part_lists_what_check_warns_about(cli, tmp_path):
    text = report(cli, tmp_path, "r.md", "2023")[0].decode()
    part = text[text.index("## 9. 数据警告") :]
    assert (
        "| pilots.yaml:123   | 校区 xingren-youeryuan（中卫市兴仁教育集团兴仁幼儿园）是幼儿园"
        in part
    )


# --------------------------------------------------------------------------- coverage, duties


def test_coverage_part_is_the_coverage_commands_with_a_chart_against_the_target(cli, tmp_path):
    coverage = command_json(cli, "coverage", "2023")
    assert (coverage["rate"], coverage["target"]) == ("0.6154", "0.6000")
    html = report(cli, tmp_path, "r.html", "2023")[0].decode()
    chart = html[html.index('<figure class="chart" id="chart-coverage">') :].split("</figure>")[0]
    # one bar a school year of campuses.csv, 0.6154 of the 340 pixels; the target at 0.6
    assert chart.count('<rect class="bar"') == len(coverage["trend"]) == 3
    assert '<rect class="bar" x="250" y="6" width="209.2" height="18"/>' in chart
    assert '<line class="target" x1="454" ' in chart
    assert ">目标 60.00%（2025年）</text>" in chart
    assert '<p class="lines">16 ÷ 26 ≈ 61.54%，已达到 2025 年 60.00% 的目标</p>' in html
    workbook = book(report(cli, tmp_path, "r.xlsx", "2023")[0], tmp_path)
    rate = summary(workbook["摘要"])["义务教育学校集团化覆盖率"][0]
    assert Decimal(str(rate)) == Decimal(coverage["rate"])
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert any("<c:f>覆盖率!$B$4:$B$6</c:f>" in c for c in charts)


def test_without_the_district_school_count_coverage_is_left_out(cli, tmp_path, write_data):
    _, err = report(cli, tmp_path, "r.md", "2023", "--data", str(write_data()))
    assert (
        "注：报告略去“覆盖率”：pilots.yaml 没有 compulsory_schools_total（全区义务教育阶段学校总数）"
        in err.splitlines()
    )


def test_duties_part_lists_the_duties_due_in_the_school_year(cli, tmp_path):
    text = report(cli, tmp_path, "r.md", "2024")[0].decode()
    part = text[text.index("## 7. 本学年例行事项") : text.index("## 8.")]
    assert (
        "| 按月发放基础津贴           | 2024-09 – 2025-08 每月 | 2024–2025  | 六（四）4 |" in part
    )
    assert (
        "| 集团提交教师调配补充方案   | 2025-07                | 2025–2026  | 六（四）3 |" in part
    )


# --------------------------------------------------------------------------- the command


@pytest.mark.parametrize("name", ["r.md", "r.html", "r.xlsx"])
def test_the_same_inputs_give_the_same_bytes(cli, tmp_path, name):
    first = report(cli, tmp_path, name, "2023", again=True)[0]
    assert report(cli, tmp_path, name, "2023", again=True)[0] == first


def test_format_option_overrides_an_unknown_extension(cli, tmp_path):
    data = report(cli, tmp_path, "r.txt", "2023", "-f", "md")[0]
    assert data.startswith("# 中卫市沙坡头区".encode())


def test_format_option_overrides_the_extension(cli, tmp_path):
    # issue 9: the format comes from the extension, and --format may override it
    data = report(cli, tmp_path, "r.md", "2023", "-f", "html")[0]
    assert data.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "错误：report 需要 -o 文件名（.md、.html 或 .xlsx）"),
        (("-o", "r.pdf"), "错误：无法从“r.pdf”的扩展名判断报告格式（可用 .md、.html 或 .xlsx"),
        (
            ("-f", "pdf", "-o", "r.pdf"),
            "错误：--format 只能是 markdown、md、html、xlsx 之一，而不是“pdf”"
            "（见 groupctl report --help）",
        ),
    ],
)
def test_refusals(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = cli("report", "2023", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_report_refuses_to_replace_a_data_file(cli, no_scores):
    target = no_scores / "pilots.yaml"
    before = target.read_bytes()
    result = cli("report", "2023", "--data", str(no_scores), "-f", "md", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_bytes() == before


def test_building_a_report_loads_no_cli_or_drawing_library():
    import subprocess
    import sys

    code = "import groupctl.report, sys; print(' '.join(sys.modules))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not {"typer", "rich", "click", "tabulate", "xlsxwriter"} & loaded
