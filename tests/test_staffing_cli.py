"""`groupctl staffing YEAR` as clerks and scripts meet it: exact output, keys, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from wcwidth import wcswidth

GOLDEN = Path(__file__).parent / "golden"
# No local parameter: the class ratios are unset in the bundled policy, so no figure used them.
NOTES_ZH = "注：campuses.csv, staff.csv 中的数字为示例，并非正式统计\n"
STAFF_HEADER = "year,campus,teachers,party_members\n"
# The conftest fixture's campuses in 2023.
STAFF_2023 = (
    "2023,g1-main,60,12\n"
    "2023,g1-east,24,7\n"
    "2023,g1-west,10,2\n"
    "2023,k1-main,3,3\n"
    "2023,k1-south,3,0\n"
)


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def with_staff(write_data: Callable[..., Path], rows: str | None) -> Path:
    d = write_data()
    if rows is not None:
        (d / "staff.csv").write_text(STAFF_HEADER + rows, encoding="utf-8")
    return d


def by_id(doc: dict, campus: str) -> dict:
    return next(c for c in doc["campuses"] if c["campus"] == campus)


# --------------------------------------------------------------------------- tables


def test_staffing_table_matches_the_golden_file(cli):
    result = cli("staffing", "2023")
    assert result.exit_code == 0
    assert result.stdout == golden("staffing_2023.txt")
    assert result.stderr == NOTES_ZH


def test_staffing_table_in_english(cli):
    result = cli("staffing", "2023", "--lang", "en")
    assert result.stdout == golden("staffing_2023_en.txt")
    assert result.stderr == (
        "note: the figures in campuses.csv, staff.csv are illustrative examples,"
        " not official figures\n"
    )


@pytest.mark.parametrize("year", ["2023", "2024"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_fit_80_columns_and_fold_rather_than_cut(cli, year, lang):
    out = cli("staffing", year, "--lang", lang).stdout
    assert "…" not in out
    assert max(wcswidth(line) for line in out.splitlines()) <= 80
    # no group name is folded onto a second line
    for name in ("中卫市第七小学教育集团", "中卫市第二幼儿园教育集团"):
        assert f"  {name}\n" in out


def test_without_staff_csv_the_staff_columns_are_left_out_and_a_note_says_why(cli, write_data):
    result = cli("staffing", "2023", "--data", str(write_data()))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2023–2024学年 领导职数（六（四）2（1）（2））"  # whole, not wrapped
    assert "党组织" not in result.stdout and "缺口" not in result.stdout
    assert result.stderr.endswith("注：数据目录中没有 staff.csv，在编教师、缺口和党组织从缺\n")
    doc = json.loads(
        cli("staffing", "2023", "--data", str(write_data(name="d2")), "-f", "json").stdout
    )
    assert doc["staff_file"] is None
    for c in doc["campuses"]:
        assert c["party_org"] is None
        staff = c["teachers"] or c["kindergarten"]
        assert (staff["on_staff"], staff["gap"]) == (None, None)


def test_a_staff_csv_without_the_year_is_noted(cli, write_data):
    d = with_staff(write_data, STAFF_2023.replace("2023,", "2024,"))
    result = cli("staffing", "2023", "--data", str(d))
    assert result.exit_code == 0
    assert result.stderr.endswith("注：staff.csv 没有 2023 年度的行，在编教师、缺口和党组织从缺\n")


def test_no_flag_table_when_every_class_is_within_limits(cli, write_data):
    out = cli("staffing", "2023", "--data", str(with_staff(write_data, STAFF_2023))).stdout
    assert "班额预警" not in out
    assert out.endswith("班额：各学段平均班额均未超过上限。\n")


def test_markdown(cli):
    out = cli("staffing", "2023", "-f", "markdown").stdout
    assert "### 2023–2024学年 领导职数与党组织（六（四）2（1）（2））" in out
    assert "| **中卫市第七小学教育集团** |" in out


# --------------------------------------------------------------------------- JSON

SPEC_CAMPUS_KEYS = [
    "campus",
    "group",
    "kind",
    "students",
    "classes",
    "head_title",
    "principals",
    "vice_principals",
    "teachers",
    "kindergarten",
    "party_org",
    "class_size_flags",
]


def test_json_has_the_spec_keys(cli):
    result = cli("staffing", "2023", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc)[:2] == ["year", "campuses"]
    assert doc["year"] == 2023
    assert len(doc["campuses"]) == 21
    for c in doc["campuses"]:
        assert list(c)[: len(SPEC_CAMPUS_KEYS)] == SPEC_CAMPUS_KEYS
        assert c["principals"] == 1
        if c["kind"] == "school":
            assert c["kindergarten"] is None
            assert list(c["teachers"]) == ["quota", "stages", "on_staff", "gap"]
            assert c["teachers"]["quota"] == sum(s["quota"] for s in c["teachers"]["stages"])
            assert c["teachers"]["gap"] == c["teachers"]["on_staff"] - c["teachers"]["quota"]
            for s in c["teachers"]["stages"]:
                assert list(s)[:6] == [
                    "stage",
                    "students",
                    "classes",
                    "by_students",
                    "by_classes",
                    "quota",
                ]
        else:
            assert c["kind"] == "kindergarten"
            assert c["teachers"] is None
            assert list(c["kindergarten"])[:3] == [
                "established_teachers",
                "temp_teachers",
                "caregivers",
            ]
        assert set(c["party_org"]) == {"unit", "label", "members", "committee", "secretary"}


def test_json_figures_of_a_few_campuses(cli):
    doc = json.loads(cli("staffing", "2023", "-f", "json").stdout)
    guotan = by_id(doc, "sizhong-guotan")  # nine-year school: 236 primary + 118 junior
    assert (guotan["students"], guotan["vice_principals"], guotan["head_title"]) == (
        354,
        1,
        "执行校长",
    )
    assert [(s["stage"], s["by_students"], s["quota"]) for s in guotan["teachers"]["stages"]] == [
        ("primary", 12, 12),
        ("junior", 9, 9),
    ]
    assert (guotan["teachers"]["quota"], guotan["teachers"]["on_staff"]) == (21, 21)
    assert guotan["party_org"] == {
        "unit": "branch",
        "label": "党支部",
        "members": 3,
        "committee": False,
        "secretary": None,
    }
    kg = by_id(doc, "xuanhe-youeryuan")  # a kindergarten inside a school group
    assert (kg["kind"], kg["vice_principals"], kg["teachers"]) == ("kindergarten", 1, None)
    assert kg["kindergarten"] == {
        "established_teachers": 3,
        "temp_teachers": 18,
        "caregivers": 9,
        "classes": 9,
        "on_staff": 3,
        "gap": 0,
    }
    lead = by_id(doc, "qixiao-main")
    assert lead["party_org"]["unit"] == "general_branch"
    assert lead["party_org"]["secretary"] == "总校校长"
    assert lead["class_size_flags"] == [
        {
            "stage": "primary",
            "students": 2380,
            "classes": 42,
            "average": "56.67",
            "max": 45,
            "over_max": True,
            "level": "large",
            "label": "大班额",
        }
    ]
    assert by_id(doc, "qixiao-shuangqu")["class_size_flags"][0]["level"] == "super_large"
    assert by_id(doc, "sizhong-main")["class_size_flags"][0]["level"] == "over_max"
    assert doc["groups"][4] == {
        "group": "eryou",
        "name": "中卫市第二幼儿园教育集团",
        "lead": "eryou-main",
        "party_secretary": "总园长",
    }


def test_json_explain_carries_clauses_parameters_and_lines(cli):
    doc = json.loads(cli("staffing", "2023", "-f", "json", "--explain").stdout)
    guotan = by_id(doc, "sizhong-guotan")
    assert guotan["explain"]["clauses"] == ["2.2", "6.4.2.1", "6.4.3"]
    assert "teachers.student_ratio.junior" in guotan["explain"]["parameters"]
    assert (
        "  初中教师（师生比）：118 ÷ 13.5 ≈ 8.7407 → 四舍五入 9（六（四）3，"
        "teachers.student_ratio.junior）" in guotan["explain"]["lines"]
    )
    assert "teachers.class_ratio.primary" not in guotan["explain"]["parameters"]  # unset
    assert (
        "  小学班师比未设定（teachers.class_ratio.primary = null），编制取 12"
        in (guotan["explain"]["lines"])
    )
    paths = {p["path"]: p for p in doc["parameters"]}
    assert "teachers.class_ratio.primary" not in paths  # null: it shaped no figure
    assert paths["class_size.large_min"]["value"] == 56


def test_the_local_note_names_only_the_class_ratios_that_are_set(cli):
    # primary set, junior still null: only the primary ratio shaped a figure
    result = cli("staffing", "2023", "--set", "teachers.class_ratio.primary=1.5")
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "注：以上结果用到本局自定参数（local，内置值仅为示例）：teachers.class_ratio.primary\n"
    )
    doc = json.loads(
        cli(
            "staffing",
            "2023",
            "-f",
            "json",
            "--explain",
            "--set",
            "teachers.class_ratio.primary=1.5",
        ).stdout
    )
    paths = {p["path"]: p for p in doc["parameters"]}
    assert paths["teachers.class_ratio.primary"]["source"] == "local"
    assert "teachers.class_ratio.junior" not in paths


def test_set_a_class_ratio_changes_the_quota_and_says_so(cli):
    result = cli("staffing", "2023", "-f", "json", "--set", "teachers.class_ratio.primary=1.5")
    doc = json.loads(result.stdout)
    (stage,) = by_id(doc, "xingren-wenzhaike")["teachers"]["stages"]  # 96 pupils, 6 classes
    assert (stage["by_students"], stage["by_classes"], stage["quota"]) == (5, 9, 9)
    assert "注：参数已改动：teachers.class_ratio.primary = 1.5 (--set)" in result.stderr


# --------------------------------------------------------------------------- explain


def test_explain_shows_counts_bands_ratios_rounding_and_clauses(cli):
    out = cli("staffing", "2023", "--explain").stdout
    for line in [
        "中卫市第四中学教育集团 郭滩校区（成员）",
        "  副职：在校生 354 人，档位 300-499 → 1 名；另配执行校长 1 名"
        "（六（四）2（1），leaders.school、leaders.heads）",
        "  执行校长不带级别（六（四）2（1））",
        "  小学教师（师生比）：236 ÷ 19 ≈ 12.4210 → 四舍五入 12（六（四）3，"
        "teachers.student_ratio.primary）",
        "  教师编制：12 + 9 = 21；在编 21，缺口 21 − 21 = 0",
        "  党组织：党员 3 人 ≥ 3（party.branch_min_members）→ 党支部；"
        "< 7（party.committee_min_members）→ 不设支部委员会（六（四）2（1））",
        "  副职：开设 9 个班，档位 9-14 → 1 名；另配执行园长 1 名"
        "（六（四）2（2），leaders.kindergarten、leaders.heads）",
        "  两教一保：临聘教师 9 × 2 = 18，保育员 9 × 1 = 9（六（四）3，"
        "teachers.kindergarten_temp_teachers_per_class、"
        "teachers.kindergarten_caregivers_per_class）",
        "  小学平均班额：420 ÷ 6 = 70，> 上限 45（class_size.max.primary），"
        "≥ 66（class_size.super_large_min）→ 超大班额（二（二））",
        "  党组织：牵头校（园）设集团党总支，书记原则上由总校校长兼任；"
        "本校（园）党员 41 人（六（四）2（1））",
    ]:
        assert line in out.splitlines(), line


def test_explain_shows_a_half_up_class_ratio(cli, write_data):
    d = write_data(
        campuses="year,campus,stage,students,classes\n"
        "2023,g1-main,junior,900,20\n2023,g1-east,primary,70,7\n2023,g1-west,primary,200,8\n"
        "2023,k1-main,kindergarten,300,10\n2023,k1-south,kindergarten,199,7\n"
    )
    out = cli(
        "staffing",
        "2023",
        "--data",
        str(d),
        "--explain",
        "--set",
        "teachers.class_ratio.primary=1.5",
    ).stdout
    assert (
        "  小学教师（班师比）：7 × 1.5 = 10.5 → 四舍五入 11（六（四）3，"
        "teachers.class_ratio.primary）；取较大者 11" in out.splitlines()
    )


def test_explain_shows_the_exact_side_of_a_half(cli, write_data):
    # 105 ÷ 10.000…01 is 10.4999…, not 10.5: the ratio keeps every digit and the quotient
    # is cut, never rounded, so the line agrees with the quota of 10
    ratio = "10." + "0" * 30 + "1"
    d = write_data(
        campuses="year,campus,stage,students,classes\n"
        "2023,g1-main,junior,900,20\n2023,g1-east,primary,105,3\n2023,g1-west,primary,200,8\n"
        "2023,k1-main,kindergarten,300,10\n2023,k1-south,kindergarten,199,7\n"
    )
    args = [
        "staffing",
        "2023",
        "--data",
        str(d),
        "--set",
        f"teachers.student_ratio.primary={ratio}",
    ]
    out = cli(*args, "--explain").stdout
    assert (
        f"  小学教师（师生比）：105 ÷ {ratio} ≈ 10.4999 → 四舍五入 10（六（四）3，"
        "teachers.student_ratio.primary）" in out.splitlines()
    )
    doc = json.loads(cli(*args, "-f", "json").stdout)
    assert by_id(doc, "g1-east")["teachers"]["quota"] == 10


def test_a_kindergarten_with_no_children_explains_why_it_has_no_posts(cli, write_data):
    d = with_staff(write_data, STAFF_2023)
    csv = (d / "campuses.csv").read_text(encoding="utf-8")
    (d / "campuses.csv").write_text(
        csv.replace("2023,k1-south,kindergarten,199,7", "2023,k1-south,kindergarten,0,0"),
        encoding="utf-8",
    )
    lines = cli("staffing", "2023", "--data", str(d), "--explain").stdout.splitlines()
    assert (
        "  在编教师：本学年没有幼儿（0 个班）→ 不设编制，0 名（六（四）3）；在编 3，缺口 3 − 0 = +3"
        in lines
    )
    assert "  两教一保：本学年没有幼儿，不配临聘教师和保育员（六（四）3）" in lines
    doc = json.loads(cli("staffing", "2023", "--data", str(d), "-f", "json").stdout)
    assert by_id(doc, "k1-south")["kindergarten"] == {
        "established_teachers": 0,
        "temp_teachers": 0,
        "caregivers": 0,
        "classes": 0,
        "on_staff": 3,
        "gap": 3,
    }
    en = cli("staffing", "2023", "--data", str(d), "--explain", "--lang", "en").stdout
    assert (
        "  established teachers: no children this year (0 classes) → no posts, 0 (clause 6.4.3);"
        in en
    )


# --------------------------------------------------------------------------- CSV


def test_csv_has_one_row_per_campus_stage(cli):
    out = cli("staffing", "2023", "-f", "csv").stdout
    lines = out.splitlines()
    assert lines[0].startswith(
        "year,group,campus,name,role,kind,head_title,students,classes,principals,"
        "vice_principals,deputies_band,teacher_quota,on_staff,gap,"
    )
    assert len(lines) == 1 + 21 + 4  # four nine-year schools have two stage rows
    assert (
        "2023,sizhong,sizhong-guotan,中卫市第四中学教育集团郭滩校区,member,school,执行校长,"
        "354,16,1,1,300-499,21,21,0,,,,3,branch,false,junior,118,4,9,,9,29.50," in lines
    )


def test_csv_file_gets_a_bom(cli, tmp_path):
    target = tmp_path / "编制2023.csv"
    assert cli("staffing", "2023", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfyear,group,campus,")


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("row", "stderr"),
    [
        (
            "2023,g1-east,-3,7",
            "错误：staff.csv:3: teachers must be a whole number ≥ 0, got '-3'\n",
        ),
        (
            "2023,g1-east,24,七",
            "错误：staff.csv:3: party_members must be a whole number ≥ 0, got '七'\n",
        ),
        (
            "2023,g9-nowhere,24,7",
            "错误：staff.csv:3: unknown campus 'g9-nowhere' (not in pilots.yaml)\n",
        ),
    ],
)
def test_bad_staff_rows_are_one_line_with_file_and_line_and_exit_2(cli, write_data, row, stderr):
    d = with_staff(write_data, "2023,g1-main,60,12\n" + row + "\n")
    result = cli("staffing", "2023", "--data", str(d))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_check_reports_staff_problems_and_exits_1(cli, write_data):
    d = with_staff(write_data, STAFF_2023.replace("2023,g1-west,10,2", "2023,g1-west,ten,2"))
    result = cli("check", "--data", str(d), "-f", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [
        (p["severity"], p["file"], p["line"]) for p in problems if p["severity"] == "error"
    ] == [("error", "staff.csv", 4)]


def test_a_campus_missing_from_staff_csv_is_named(cli, write_data):
    d = with_staff(write_data, STAFF_2023.replace("2023,k1-south,3,0\n", ""))
    result = cli("staffing", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：staff.csv: no row for 2023 for campus k1-south (乙幼儿园教育集团南分园);"
        " staff.csv covers 2023 for other campuses, so every campus in a group that year"
        " needs one\n"
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["--set", "teachers.student_ratio.junior=0"],
            "错误：teachers.student_ratio.junior must be above 0, got 0 (--set)\n",
        ),
        (
            ["--set", "teachers.class_ratio.senior=0"],  # refused though no campus has seniors
            "错误：teachers.class_ratio.senior must be above 0, got 0 (--set)\n",
        ),
        (
            ["--set", "teachers.class_ratio.primary=0"],
            "错误：teachers.class_ratio.primary must be above 0, got 0 (--set)\n",
        ),
        (
            ["--set", "party.committee_min_members=2"],
            "错误：party.committee_min_members = 2 (--set) must be at least"
            " party.branch_min_members = 3 (bundled)\n",
        ),
    ],
)
def test_contradictory_parameters_are_a_clear_error(cli, args, stderr):
    result = cli("staffing", "2023", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


@pytest.mark.parametrize(
    ("year", "stderr"),
    [
        (
            "2022",
            "错误：the policy is not in force for school year 2022-2023: "
            "it takes effect on 2023-04-01\n",
        ),
        ("2025", "错误：campuses.csv: no headcounts for 2025 (years with data: 2023, 2024)\n"),
        ("next", "错误：year must be a school year like 2023, got 'next'\n"),
    ],
)
def test_bad_years_exit_2(cli, year, stderr):
    result = cli("staffing", year)
    assert (result.exit_code, result.stderr) == (2, stderr)


def test_explain_reaches_csv_too(cli):
    lines = cli("staffing", "2023", "-f", "csv", "--explain").stdout.splitlines()
    assert lines[0].endswith(",class_size_flag,explain")
    guotan = [line for line in lines if ",sizhong-guotan," in line]
    assert len(guotan) == 2
    assert "副职：在校生 354 人，档位 300-499 → 1 名" in guotan[0]
    assert "教师编制：12 + 9 = 21；在编 21，缺口 21 − 21 = 0" in guotan[0]
