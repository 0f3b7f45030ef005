"""The command line as users meet it: exact outputs, exit codes, files written."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from wcwidth import wcswidth

GOLDEN = Path(__file__).parent / "golden"
ANSI = "\x1b["


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- funding


def test_funding_table_matches_the_golden_file(cli):
    result = cli("funding", "2023")
    assert result.exit_code == 0
    assert result.stdout == golden("funding_2023.txt")
    assert result.stderr == (
        "注：以上结果用到本工具对方案文字的解读（interpretation）：funding.supplement_includes_lead"
        "（另一种读法：--set funding.supplement_includes_lead=true）\n"
        "注：campuses.csv 中的数字是示例，不是正式统计\n"
    )


def test_funding_table_in_english(cli):
    result = cli("funding", "2023", "--lang", "en")
    assert result.stdout == golden("funding_2023_en.txt")
    assert result.stderr.startswith("note: these figures rest on our reading of ambiguous text")
    assert "note: the figures in campuses.csv are illustrative" in result.stderr


def test_funding_markdown_matches_the_golden_file(cli):
    assert cli("funding", "2023", "-f", "markdown").stdout == golden("funding_2023.md")


def test_table_fits_80_columns_aligned_and_without_colour(cli):
    out = cli("funding", "2023").stdout
    assert ANSI not in out
    lines = out.splitlines()
    assert max(wcswidth(line) for line in lines) <= 80
    # the money column ends at one display column on every row that has money
    ends = {wcswidth(line) for line in lines if line.rstrip().endswith(("000", "不计"))}
    assert len(ends) == 1


def test_no_colour_codes_when_piped(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "groupctl", "funding", "2023"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "GROUPCTL_DATA": ""},
        check=False,
    )
    assert proc.returncode == 0
    assert ANSI not in proc.stdout
    assert proc.stdout == golden("funding_2023.txt")  # bundled data, found from any folder


def test_funding_json_has_the_envelope_and_spec_keys_and_adds_up(cli):
    result = cli("funding", "2023", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["command", "year", "school_year", "meta", "total", "groups"]
    assert (doc["command"], doc["year"], doc["school_year"]) == ("funding", 2023, "2023-2024")
    assert list(doc["meta"]) == [
        "version", "data", "illustrative", "sets", "local_parameters", "interpretations",
        "national_parameters", "warnings",
    ]  # fmt: skip
    assert doc["meta"]["national_parameters"] == []  # funding rests on the plan alone
    assert doc["meta"]["data"] == "bundled"
    assert doc["meta"]["illustrative"] == ["campuses.csv"]
    assert doc["total"] == "750000.00"  # money: a string with exactly two decimals
    assert [g["group"] for g in doc["groups"]] == [
        "qixiao",
        "sizhong",
        "xuanhe",
        "xingren",
        "eryou",
    ]
    cents = lambda text: Decimal(text)  # noqa: E731
    for g in doc["groups"]:
        assert list(g) == ["group", "group_name", "base", "supplements", "total", "campuses"]
        assert cents(g["supplements"]) == sum(cents(c["supplement"]) for c in g["campuses"])
        assert cents(g["total"]) == cents(g["base"]) + cents(g["supplements"])
        for c in g["campuses"]:
            assert list(c) == [
                "campus", "campus_name", "role", "role_label", "students", "band", "supplement"
            ]  # fmt: skip
            assert c["band"] in ("500+", "200-499", "<200")
            assert re.fullmatch(r"\d+\.\d\d", c["supplement"])
            assert c["role_label"] == {"lead": "牵头", "member": "成员"}[c["role"]]
            if c["role"] == "lead":
                assert c["supplement"] == "0.00"
    assert cents(doc["total"]) == sum(cents(g["total"]) for g in doc["groups"])
    bands = {c["band"] for g in doc["groups"] for c in g["campuses"] if c["role"] == "member"}
    assert bands == {"500+", "200-499", "<200"}  # the bundled run shows every band


def test_json_is_byte_identical_run_to_run_and_labels_follow_lang(cli):
    first = cli("funding", "2023", "-f", "json").stdout
    assert cli("funding", "2023", "-f", "json").stdout == first  # no timestamps
    en = json.loads(cli("funding", "2023", "-f", "json", "--lang", "en").stdout)
    assert en["groups"][0]["campuses"][0]["role_label"] == "lead"
    assert list(en) == list(json.loads(first))  # keys never follow --lang


def test_funding_json_with_explain_names_clauses_and_parameters(cli):
    doc = json.loads(cli("funding", "2023", "-f", "json", "--explain").stdout)
    campus = doc["groups"][0]["campuses"][1]
    assert campus["explain"] == {
        "clauses": ["6.3"],
        "inputs": {"students": 420, "role": "member"},
        "parameters": ["funding.supplement", "funding.supplement_includes_lead"],
    }
    paths = {p["path"]: p for p in doc["parameters"]}
    assert paths["funding.base_per_group"] == {
        "path": "funding.base_per_group",
        "value": 100000,
        "unit": "yuan",
        "origin": "plan",
        "clause": "6.3",
        "reference": "六（三）",
        "note": None,
        "alternative": None,
        "set_by": "bundled",
    }
    assert paths["funding.supplement_includes_lead"]["origin"] == "interpretation"
    assert paths["funding.supplement_includes_lead"]["reference"] == "六（三）·解读"
    assert paths["funding.supplement_includes_lead"]["alternative"] == "true"
    assert doc["meta"]["interpretations"] == ["funding.supplement_includes_lead"]
    assert paths["funding.supplement"]["value"] == "500:20000,200:15000,0:10000"


def test_explain_shows_each_campus_band_amount_and_clause(cli):
    out = cli("funding", "2023", "--explain").stdout
    assert "计算过程" in out
    assert (
        "  双渠校区（成员）：在校生 420 人，档位 200-499，"
        "增补 15,000 元（六（三），funding.supplement）" in out
    )
    # that the lead earns no supplement is our reading of 六（三）, and is cited as such
    assert (
        "  总校（牵头）：在校生 2,380 人，档位 500+，牵头校不计增补"
        "（六（三）·解读，funding.supplement_includes_lead = false）" in out
    )
    assert "  合计 100,000 + 15,000 = 115,000 元" in out
    assert "全区合计：115,000 + 145,000 + 170,000 + 185,000 + 135,000 = 750,000 元" in out


def test_set_changes_the_figures_and_says_so(cli):
    result = cli("funding", "2023", "-f", "json", "--set", "funding.supplement_includes_lead=true")
    doc = json.loads(result.stdout)
    assert doc["groups"][0]["campuses"][0]["supplement"] == "20000.00"
    assert doc["total"] == "850000.00"  # 750,000 + 5 × 20,000: every bundled lead has 500+
    assert doc["meta"]["sets"] == [{"path": "funding.supplement_includes_lead", "value": "true"}]
    assert "注：参数已改动：funding.supplement_includes_lead = true（--set）" in result.stderr


def test_a_local_parameter_is_named_below_the_output(cli, write_data):
    d = write_data()
    out = cli("funding", "2023", "--data", str(d), "--set", "funding.base_per_group=90000")
    assert out.exit_code == 0
    assert out.stderr.endswith("\n注：参数已改动：funding.base_per_group = 90000（--set）\n")


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_funding_csv_is_tidy_so_a_spreadsheet_sum_is_the_district_total(cli):
    out = cli("funding", "2023", "-f", "csv").stdout
    assert not out.startswith("\ufeff")
    lines = out.splitlines()
    assert lines[0] == "集团代码,集团,校区代码,校区,项目,角色,在校生,档位,经费（元）"
    assert len(lines) == 1 + 21 + 5  # a row per campus supplement and a row per group base
    assert lines[2] == (
        "qixiao,中卫市第七小学教育集团,qixiao-shuangqu,中卫市第七小学教育集团双渠校区,"
        "增补经费,成员,420,200-499,15000.00"
    )
    assert lines[3] == "qixiao,中卫市第七小学教育集团,,,基础经费,,,,100000.00"
    rows = _csv_rows(out)
    assert sum(Decimal(r["经费（元）"]) for r in rows) == Decimal(750000)
    doc = json.loads(cli("funding", "2023", "-f", "json").stdout)
    for g in doc["groups"]:  # each group's rows add up to its JSON total
        mine = [r for r in rows if r["集团代码"] == g["group"]]
        assert sum(Decimal(r["经费（元）"]) for r in mine) == Decimal(g["total"])


def test_funding_csv_in_english_has_english_headers_and_codes(cli):
    rows = _csv_rows(cli("funding", "2023", "-f", "csv", "--lang", "en").stdout)
    assert list(rows[0]) == [
        "group", "group_name", "campus", "campus_name", "item", "role", "students", "band", "yuan"
    ]  # fmt: skip
    assert (rows[1]["item"], rows[1]["role"]) == ("supplement", "member")


def test_a_csv_written_after_set_says_so_on_every_row(cli):
    rows = _csv_rows(
        cli("funding", "2023", "-f", "csv", "--set", "funding.base_per_group=1").stdout
    )
    assert {r["方案"] for r in rows} == {"funding.base_per_group=1"}


def test_output_file_csv_starts_with_a_bom_and_format_follows_the_extension(cli, tmp_path):
    target = tmp_path / "funding.csv"
    result = cli("funding", "2023", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("集团代码,集团,校区代码,")
    assert f"已写入：{target}" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["funding.csv"]  # no temp file left


def test_a_format_that_disagrees_with_the_extension_is_refused(cli, tmp_path):
    target = tmp_path / "x.csv"
    result = cli("funding", "2023", "-f", "json", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"错误：--format json 与文件“{target}”的扩展名（csv）不符；请用与格式相符的扩展名\n"
    )
    assert not target.exists()


def test_md_is_markdown(cli):
    assert cli("funding", "2023", "-f", "md").stdout == golden("funding_2023.md")


def test_xlsx_needs_a_file(cli):
    result = cli("funding", "2023", "-f", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "错误：xlsx 是文件格式：请用 -o 文件名.xlsx\n"


def test_output_file_is_replaced_whole(cli, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old report", encoding="utf-8")
    assert cli("funding", "2023", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == "750000.00"


def test_output_never_overwrites_a_data_file(cli, write_data):
    d = write_data()
    before = (d / "campuses.csv").read_bytes()
    result = cli("funding", "2023", "--data", str(d), "-o", str(d / "campuses.csv"))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"错误：不能把输出写到数据文件“{d / 'campuses.csv'}”上（会覆盖数据）：请另选文件名\n"
    )
    assert (d / "campuses.csv").read_bytes() == before


def test_output_into_a_missing_folder_is_a_clear_error(cli, tmp_path):
    result = cli("funding", "2023", "-o", str(tmp_path / "nope" / "x.csv"))
    assert result.exit_code == 2
    assert result.stderr == f"错误：输出文件夹“{tmp_path / 'nope'}”不存在\n"


def test_csv_cells_that_look_like_formulas_are_defused(cli, write_data):
    from tests.conftest import PILOTS

    d = write_data(pilots=PILOTS.replace("name: 甲教育集团东校区", "name: =HYPERLINK(1)"))
    out = cli("funding", "2023", "--data", str(d), "-f", "csv").stdout
    assert ",'=HYPERLINK(1),增补经费,成员," in out


# --------------------------------------------------------------------------- exit codes and errors


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["funding", "2022"],
            "错误：2022-2023 学年没有数字：方案的数字从 2023-2024 学年开始"
            "（这是本工具的解读：试点于 2023 年 5 月开始，经费按学年计）\n",
        ),
        (
            ["funding", "2026"],
            "错误：campuses.csv：没有 2026 学年的在校生数据（有数据的学年：2023、2024、2025）\n",
        ),
        (
            ["funding", "99999"],
            "错误：学年应写作 2023 这样的年份（也可写 2023-2024），而不是“99999”\n",
        ),
        (
            ["funding", "2023", "--set", "funding.base_per_group=lots"],
            "错误：--set funding.base_per_group：应为不小于 0 的整数，而不是“lots”\n",
        ),
        (
            ["funding", "2023", "--set", "funding.nothing=1"],
            "错误：没有参数“funding.nothing”。您是否要找：funding.supplement\n",
        ),
        (
            ["funding", "2023", "--data", "/nonexistent"],
            "错误：数据文件夹“/nonexistent”（来自 --data）不存在\n",
        ),
        (
            ["fundin", "2023"],
            "错误：没有“fundin”这个命令。您是否要找：funding（见 groupctl --help）\n",
        ),
        (
            ["funding", "2023", "--lang", "en", "--set", "x.y=1"],
            "error: unknown parameter 'x.y' (see 'groupctl params')\n",
        ),
        (
            ["funding", "2023", "--lang", "en", "--set", "funding.base_per_group=lots"],
            "error: --set funding.base_per_group: expected a whole number ≥ 0, got 'lots'\n",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(cli, args, stderr):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == stderr


def test_a_missing_year_is_a_usage_error(cli):
    result = cli("funding")
    assert result.exit_code == 2
    assert result.stderr == "错误：缺少参数 YEAR（见 groupctl funding --help）\n"


def test_a_data_error_names_file_and_line(cli, write_data):
    from tests.conftest import CAMPUSES

    d = write_data(
        campuses=CAMPUSES.replace("2023,g1-east,primary,499,12", "2023,g1-east,primary,12a,12")
    )
    result = cli("funding", "2023", "--data", str(d))
    assert result.exit_code == 2
    # as SPEC §4 has it: the column as the header writes it, the value in the language's quotes
    assert result.stderr == "错误：campuses.csv:3：在校生数应为不小于 0 的整数，而不是“12a”\n"
    result = cli("funding", "2023", "--data", str(d), "--lang", "en")
    assert (
        result.stderr == "error: campuses.csv:3: students must be a whole number ≥ 0, got '12a'\n"
    )


def test_a_year_without_headcounts_for_one_campus_names_it(cli, write_data):
    from tests.conftest import CAMPUSES

    d = write_data(campuses=CAMPUSES.replace("2024,g1-new,primary,120,6\n", ""))
    result = cli("funding", "2024", "--data", str(d))
    assert result.exit_code == 2
    assert (
        result.stderr
        == "错误：campuses.csv：没有校区 g1-new（甲教育集团新校区）2024 学年的在校生数据\n"
    )


def test_groupctl_data_environment_variable_is_used(cli, write_data):
    d = write_data()
    result = cli("funding", "2023", "-f", "json", env={"GROUPCTL_DATA": str(d)})
    assert json.loads(result.stdout)["total"] == "240000.00"


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "groupctl", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


def test_no_traceback_reaches_the_user_but_debug_shows_it():
    quiet = _run("funding", "2022", GROUPCTL_DEBUG="")
    assert quiet.returncode == 2
    assert "Traceback" not in quiet.stderr
    assert len(quiet.stderr.splitlines()) == 1
    loud = _run("funding", "2022", GROUPCTL_DEBUG="1")
    assert loud.returncode == 2
    assert "Traceback" in loud.stderr
    assert loud.stderr.splitlines()[-1].startswith("错误：2022-2023 学年没有数字")


def test_version(cli):
    from groupctl import __version__

    result = cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"groupctl {__version__}\n")


# --------------------------------------------------------------------------- groups and check


def test_groups_lists_the_annex(cli):
    doc = json.loads(cli("groups", "-f", "json").stdout)
    assert doc["district"] == "中卫市沙坡头区"
    assert [len(g["campuses"]) for g in doc["groups"]] == [2, 4, 5, 7, 3]
    assert [g["lead"] for g in doc["groups"]] == [
        "qixiao-main",
        "sizhong-main",
        "xuanhe-main",
        "xingren-main",
        "eryou-main",
    ]


def test_groups_table_matches_the_golden_file(cli):
    out = cli("groups").stdout
    assert out == golden("groups.txt")
    assert max(wcswidth(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(
    "args",
    [
        ["groups"],
        ["groups", "--lang", "en"],
        ["check"],
        ["check", "--lang", "en"],
        ["funding", "2023", "--lang", "en"],
        ["approve", "4.5万", "-c", "文萃", "--fund", "special", "-p", "送课活动", "--lang", "en"],
        ["procedure", "teacher-plan", "--lang", "en"],
    ],
)
def test_tables_wrap_rather_than_cut_text(cli, args):
    out = cli(*args).stdout
    assert "…" not in out
    assert max(wcswidth(line) for line in out.splitlines()) <= 80


def test_check_on_the_bundled_data_warns_but_passes(cli):
    result = cli("check")
    assert result.exit_code == 0
    doc = json.loads(cli("check", "-f", "json").stdout)
    assert (doc["ok"], doc["errors"], doc["warnings"]) == (True, 0, 6)
    messages = [(p["file"], p["message"]) for p in doc["problems"]]
    assert any(
        f == "pilots.yaml" and "xingren-youeryuan" in m and "执行校长" in m for f, m in messages
    )
    for name in ("campuses.csv", "staff.csv", "campus_scores.csv", "group_scores.csv"):
        assert (name, "其中的数字是示例，不是正式统计") in messages
    total = "compulsory_schools_total 是示例数字，不是正式统计"
    assert ("pilots.yaml", total) in messages
    assert result.stderr == "0 个错误，6 个警告\n"


def test_check_finds_every_error_and_exits_1(cli, write_data):
    csv = "year,campus,stage,students,classes\n2023,g1-east,primary,x,1\n2023,nowhere,primary,1,1\n"
    d = write_data(campuses=csv)
    result = cli("check", "--data", str(d), "-f", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert [(p["severity"], p["file"], p["line"]) for p in doc["problems"]] == [
        ("error", "campuses.csv", 2),
        ("error", "campuses.csv", 3),
    ]


def test_check_reports_a_bad_policy_file(cli, write_data):
    d = write_data(policy="funding:\n  base_per_grup: 1\n")
    doc = json.loads(cli("check", "--data", str(d), "-f", "json").stdout)
    assert doc["problems"][0]["file"] == "policy.yaml"
    assert doc["problems"][0]["line"] == 2


def test_check_table_lists_file_and_line(cli, write_data):
    d = write_data(campuses="year,campus,stage,students,classes\n2023,g1-east,primary,x,1\n")
    result = cli("check", "--data", str(d))
    assert result.exit_code == 1
    assert "campuses.csv:2" in result.stdout
    assert result.stderr == "1 个错误，0 个警告\n"


# --------------------------------------------------------------------------- outputs that must not do harm


def test_check_output_never_overwrites_a_data_file(cli, write_data):
    d = write_data()
    before = (d / "pilots.yaml").read_bytes()
    result = cli("check", "--data", str(d), "-o", str(d / "pilots.yaml"))
    assert result.exit_code == 2
    assert (d / "pilots.yaml").read_bytes() == before


def test_output_never_overwrites_the_bundled_data(cli):
    from groupctl.loaders import BUNDLED_DATA

    target = BUNDLED_DATA / "campuses.csv"
    before = target.read_bytes()
    result = cli("procedure", "budget", "-o", str(target), "-f", "csv")
    assert result.exit_code == 2
    assert target.read_bytes() == before


def test_output_refuses_what_is_not_a_regular_file(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        result = cli("funding", "2023", "-f", "csv", "-o", str(target))
        assert result.exit_code == 2
        assert f"错误：输出“{target}”不是普通文件（是文件夹或设备）\n" == result.stderr
    assert fifo.exists() and not fifo.is_file()


def test_output_dash_means_stdout(cli, tmp_path):
    result = cli("funding", "2023", "-f", "json", "-o", "-")
    assert json.loads(result.stdout)["total"] == "750000.00"


def test_an_unknown_output_extension_needs_a_format(cli, tmp_path):
    result = cli("funding", "2023", "-o", str(tmp_path / "f.ods"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"错误：无法从“{tmp_path / 'f.ods'}”的扩展名判断输出格式"
        "（可用 .csv、.json、.md、.markdown、.txt、.xlsx，或用 --format 指定）\n"
    )
    assert not (tmp_path / "f.ods").exists()
    assert cli("funding", "2023", "-o", str(tmp_path / "f.txt")).exit_code == 0
    assert (tmp_path / "f.txt").read_text(encoding="utf-8") == golden("funding_2023.txt")


def test_explain_reaches_csv_too(cli):
    lines = cli("funding", "2023", "-f", "csv", "--explain").stdout.splitlines()
    assert lines[0].endswith(",经费（元）,计算过程")
    assert "档位 200-499，增补 15,000 元（六（三），funding.supplement）" in lines[2]


# --------------------------------------------------------------------------- what clerks type


@pytest.mark.parametrize("year", ["２０２３", "2023-2024", "2023–24", " 2023 "])
def test_year_spellings(cli, year):
    result = cli("funding", year, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["year"] == 2023


@pytest.mark.parametrize("year", ["2023-2025", "abc", "23", "20233"])
def test_bad_years(cli, year):
    result = cli("funding", year)
    assert result.exit_code == 2
    assert (
        result.stderr == f"错误：学年应写作 2023 这样的年份（也可写 2023-2024），而不是“{year}”\n"
    )
    result = cli("funding", year, "--lang", "en")
    assert result.stderr == f"error: year must be a school year like 2023, got {year!r}\n"


def test_groupctl_data_pointing_at_a_file(cli, tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    result = cli("funding", "2023", env={"GROUPCTL_DATA": str(f)})
    assert result.exit_code == 2
    assert result.stderr == f"错误：数据文件夹“{f}”（来自 GROUPCTL_DATA）不是文件夹\n"


def test_negative_money_is_refused(cli):
    result = cli("funding", "2023", "--set", "funding.base_per_group=-5")
    assert result.exit_code == 2
    assert result.stderr == "错误：--set funding.base_per_group：应为不小于 0 的整数，而不是“-5”\n"


def test_nan_in_a_policy_file_is_a_data_error_not_a_crash(cli, write_data):
    d = write_data(policy="funding:\n  base_per_group: .nan\n")
    result = cli("funding", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：policy.yaml:2：funding.base_per_group：应为不小于 0 的整数，而不是“.nan”\n"
    )
    checked = cli("check", "--data", str(d), "-f", "json")
    assert checked.exit_code == 1
    assert json.loads(checked.stdout)["problems"][0]["line"] == 2


def test_a_lead_joining_after_its_members_is_an_error_not_a_silent_drop(cli, write_data):
    from tests.conftest import PILOTS

    d = write_data(pilots=PILOTS.replace("head: 总校校长", "head: 总校校长\n        from: 2024"))
    result = cli("funding", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：pilots.yaml:")
    assert "校区 g1-east 有的年度在集团 g1 中，而其牵头校区 g1-main 那年不在" in result.stderr


@pytest.mark.parametrize(
    "command",
    ["", "groups", "check", "funding", "staffing", "approve", "procedure", "assess", "allowance"],
)
def test_help_is_not_cut_at_80_columns(cli, command):
    result = cli(*([command] if command else []), "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "…" not in result.stdout


def test_check_reports_policy_values_a_command_would_refuse(cli, write_data):
    d = write_data(
        policy="""\
        assessment:
          weight_school: 0.6
        allowance:
          efficiency_factor:
            good: 3
        finance:
          large_expense_threshold: 50000
        party:
          committee_min_members: 2
        """
    )
    result = cli("check", "--data", str(d), "-f", "json")
    assert result.exit_code == 1
    errors = [
        (p["file"], p["line"], p["message"].split(" ")[0])
        for p in json.loads(result.stdout)["problems"]
    ]
    assert errors == [
        ("policy.yaml", 7, "finance.large_expense_threshold"),
        ("policy.yaml", 9, "party.committee_min_members"),
        ("policy.yaml", 2, "集团考核的三项权重之和须为"),  # the weights must add up to 1 …
        ("policy.yaml", 5, "allowance.efficiency_factor.good：3"),
    ]
    # and the commands refuse the same values
    assert cli("approve", "45000", "-c", "g1-east", "--data", str(d)).exit_code == 2
    assert cli("staffing", "2023", "--data", str(d)).exit_code == 2


def test_markdown_shows_a_name_with_a_bar_or_a_tag_literally(cli, write_data):
    from tests.conftest import PILOTS

    d = write_data(pilots=PILOTS.replace("name: 甲教育集团\n", "name: 甲|<b>教育集团\n", 1))
    out = cli("funding", "2023", "--data", str(d), "-f", "md").stdout
    row = next(line for line in out.splitlines() if "教育集团" in line and "甲" in line)
    assert row.startswith("| **甲\\|&lt;b>教育集团** ")  # one cell, no HTML
    assert row.count(" | ") == len(out.splitlines()[2].split(" | ")) - 1


def test_a_file_the_folder_lacks_is_not_called_illustrative(cli, tmp_path):
    import shutil

    from tests.conftest import REPO

    d = tmp_path / "data"
    shutil.copytree(REPO / "data", d)
    (d / "staff.csv").unlink()
    result = cli("staffing", "2023", "--data", str(d), "-f", "json")
    assert json.loads(result.stdout)["meta"]["illustrative"] == ["campuses.csv"]
    assert "注：campuses.csv 中的数字是示例，不是正式统计" in result.stderr
    check = json.loads(cli("check", "--data", str(d), "-f", "json").stdout)
    assert not [p for p in check["problems"] if p["file"] == "staff.csv"]
