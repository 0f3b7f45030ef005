"""`groupctl staffing YEAR` as clerks and scripts meet it: exact output, keys, exit codes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from wcwidth import wcswidth

GOLDEN = Path(__file__).parent / "golden"
# No local parameter: the class ratios are unset in the bundled policy, so no figure used them.
# national standards are cited by their documents below the table, never as the plan's clause
NATIONAL_ZH = (
    "注：以上结果用到国家规定（national，方案未载其数值）："
    "国发〔2016〕40号（class_size.large、class_size.very_large）；"
    "GB 50099-2011（class_size.max.junior、class_size.max.primary）；"
    "幼儿园工作规程（class_size.max.kindergarten）；"
    "支部工作条例（party.branch_min_members、party.committee_min_members）；"
    "72号（teachers.student_ratio.junior、teachers.student_ratio.primary）\n"
)
NOTES_ZH = NATIONAL_ZH + "注：campuses.csv、staff.csv 中的数字是示例，不是正式统计\n"
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
        "note: these figures use national standards the plan relies on without quoting"
        " (national): 国发〔2016〕40号 (class_size.large, class_size.very_large);"
        " GB 50099-2011 (class_size.max.junior, class_size.max.primary);"
        " 幼儿园工作规程 (class_size.max.kindergarten);"
        " 支部工作条例 (party.branch_min_members, party.committee_min_members);"
        " 72号 (teachers.student_ratio.junior, teachers.student_ratio.primary)\n"
        "note: the figures in campuses.csv, staff.csv are illustrative examples,"
        " not official counts\n"
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
    assert "党组织" not in result.stdout and "余缺" not in result.stdout
    assert result.stderr.endswith("注：数据目录中没有 staff.csv，在编教师、余缺和党组织无数据\n")
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
    assert result.stderr.endswith(
        "注：staff.csv 没有 2023 年度的行，在编教师、余缺和党组织无数据\n"
    )


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
    "campus_name",
    "group",
    "group_name",
    "kind",
    "kind_label",
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


def test_json_has_the_envelope_and_the_spec_keys(cli):
    result = cli("staffing", "2023", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == [
        "command",
        "year",
        "school_year",
        "meta",
        "campuses",
        "groups",
        "staff_file",
    ]
    assert (doc["command"], doc["year"], doc["school_year"]) == ("staffing", 2023, "2023-2024")
    assert doc["meta"]["data"] == "bundled"
    assert doc["meta"]["illustrative"] == ["campuses.csv", "staff.csv"]
    assert doc["meta"]["sets"] == [] and doc["meta"]["local_parameters"] == []
    assert len(doc["campuses"]) == 21
    for c in doc["campuses"]:
        assert list(c) == [*SPEC_CAMPUS_KEYS, "role", "role_label", "deputies_by",
                           "deputies_by_label", "deputies_band"]  # fmt: skip
        assert c["principals"] == 1
        if c["kind"] == "school":
            assert (c["kind_label"], c["kindergarten"]) == ("中小学", None)
            assert list(c["teachers"]) == ["quota", "stages", "on_staff", "gap"]
            assert c["teachers"]["quota"] == sum(s["quota"] for s in c["teachers"]["stages"])
            assert c["teachers"]["gap"] == c["teachers"]["on_staff"] - c["teachers"]["quota"]
            for s in c["teachers"]["stages"]:
                assert list(s) == [
                    "stage",
                    "stage_label",
                    "students",
                    "classes",
                    "by_students",
                    "by_classes",
                    "quota",
                ]
        else:
            assert (c["kind"], c["kind_label"], c["teachers"]) == ("kindergarten", "幼儿园", None)
            assert list(c["kindergarten"]) == [
                "established_teachers",
                "temp_teachers",
                "caregivers",
                "classes",
                "on_staff",
                "gap",
            ]
        assert list(c["party_org"]) == ["unit", "unit_label", "members", "committee", "secretary"]


def test_json_labels_follow_lang_and_codes_do_not(cli):
    zh = json.loads(cli("staffing", "2023", "-f", "json").stdout)
    en = json.loads(cli("staffing", "2023", "-f", "json", "--lang", "en").stdout)
    assert zh["campuses"][0]["party_org"]["unit_label"] == "党总支"
    assert en["campuses"][0]["party_org"]["unit_label"] == "general branch"
    assert [(c["kind"], c["role"]) for c in zh["campuses"]] == [
        (c["kind"], c["role"]) for c in en["campuses"]
    ]
    assert by_id(en, "qixiao-shuangqu")["class_size_flags"][0]["level_label"] == "very large"


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
        "unit_label": "党支部",
        "members": 3,
        "committee": False,
        "secretary": None,
    }
    kg = by_id(doc, "xuanhe-youeryuan")  # a kindergarten inside a school group
    assert (kg["kind"], kg["vice_principals"], kg["teachers"]) == ("kindergarten", 1, None)
    assert kg["kindergarten"] == {
        "established_teachers": 3,
        "temp_teachers": 15,  # 9 classes × 2 teachers − 3 established
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
            "stage_label": "小学",
            "students": 2380,
            "classes": 42,
            "average": "56.67",
            "max": 45,
            "over_max": True,
            "level": "large",
            "level_label": "大班额",
        }
    ]
    assert by_id(doc, "qixiao-shuangqu")["class_size_flags"][0]["level"] == "super_large"
    assert by_id(doc, "sizhong-main")["class_size_flags"][0]["level"] == "over_max"
    assert by_id(doc, "qixiao-shuangqu")["party_org"]["committee"] is True  # 党支部·支委会
    assert doc["groups"][4] == {
        "group": "eryou",
        "group_name": "中卫市第二幼儿园教育集团",
        "lead": "eryou-main",
        "party_secretary": "总园长",
    }


def test_json_explain_carries_clauses_parameters_and_lines(cli):
    doc = json.loads(cli("staffing", "2023", "-f", "json", "--explain").stdout)
    guotan = by_id(doc, "sizhong-guotan")
    assert guotan["explain"]["clauses"] == ["2.2", "6.4.2.1", "6.4.3"]
    assert "teachers.student_ratio.junior" in guotan["explain"]["parameters"]
    assert (
        "  初中教职工编制（教职工与学生比）：118 ÷ 13.5 ≈ 8.7407 → 四舍五入 9"
        "（72号，teachers.student_ratio.junior）" in guotan["explain"]["lines"]
    )
    assert "teachers.class_ratio.primary" not in guotan["explain"]["parameters"]  # unset
    assert (
        "  小学班师比未设定（teachers.class_ratio.primary），编制取 12"
        in (guotan["explain"]["lines"])
    )
    paths = {p["path"]: p for p in doc["parameters"]}
    assert "teachers.class_ratio.primary" not in paths  # null: it shaped no figure
    assert paths["class_size.large"]["value"] == 56


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
    assert paths["teachers.class_ratio.primary"]["origin"] == "local"
    assert "teachers.class_ratio.junior" not in paths


def test_set_a_class_ratio_changes_the_quota_and_says_so(cli):
    result = cli("staffing", "2023", "-f", "json", "--set", "teachers.class_ratio.primary=1.5")
    doc = json.loads(result.stdout)
    (stage,) = by_id(doc, "xingren-wenzhaike")["teachers"]["stages"]  # 96 students, 6 classes
    assert (stage["by_students"], stage["by_classes"], stage["quota"]) == (5, 9, 9)
    assert "注：参数已改动：teachers.class_ratio.primary = 1.5（--set）" in result.stderr


# --------------------------------------------------------------------------- explain


def test_explain_shows_counts_bands_ratios_rounding_and_clauses(cli):
    out = cli("staffing", "2023", "--explain").stdout
    for line in [
        "中卫市第四中学教育集团 郭滩校区（成员）",
        "  副职：在校生 354 人，档位 300-499 → 1 名；另配执行校长 1 名"
        "（六（四）2（1），leaders.school、leaders.heads）",
        "  执行校长不带级别（六（四）2（1））",
        # 72号's ratios are staff-to-student ratios, cited by the document, not the plan
        "  小学教职工编制（教职工与学生比）：236 ÷ 19 ≈ 12.4211 → 四舍五入 12"
        "（72号，teachers.student_ratio.primary）",
        "  教师编制：12 + 9 = 21；在编 21，余缺 21 - 21 = 0",
        "  党组织：党员 3 人 ≥ 3（支部工作条例，party.branch_min_members）"
        "→ 党支部；< 7（支部工作条例，party.committee_min_members）"
        "→ 不设支部委员会（六（四）2（1））",
        # leaders.heads is a figure of 六（四）2（1）, the deputies' band of 六（四）2（2）
        "  副职：开设 9 个班，档位 9-14 → 1 名；另配执行园长 1 名"
        "（六（四）2（2），leaders.kindergarten；六（四）2（1），leaders.heads）",
        "  教师编制：开设 9 个班，档位 <15 → 3 名（六（四）3，teachers.kindergarten_established）"
        "；在编 3，余缺 3 - 3 = 0",
        "  两教一保·临聘教师：9 个班 × 2 - 教师编制 3 = 临聘 15"
        "（六（四）3，teachers.kindergarten_teachers_per_class）",
        "  两教一保·保育员：9 个班 × 1 = 9（六（四）3，teachers.kindergarten_caregivers_per_class）",
        "  小学平均班额：420 ÷ 6 = 70，> 上限 45（GB 50099-2011，"
        "class_size.max.primary），≥ 66（国发〔2016〕40号，class_size.very_large）"
        "→ 超大班额（二（二））",
        "  幼儿园平均班额：270 ÷ 9 = 30，≤ 上限 35（幼儿园工作规程，"
        "class_size.max.kindergarten）（二（二））",
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
        "  小学教师编制（班师比）：7 × 1.5 = 10.5 → 四舍五入 11（本局自定，"
        "teachers.class_ratio.primary）；取较大者 11" in out.splitlines()
    )


def test_explain_shows_the_exact_side_of_a_half(cli, write_data):
    # 105 ÷ 10.000…01 is 10.4999…, not 10.5: the ratio keeps every digit, and a quotient
    # that four places would round up to the half reads "< 10.5", agreeing with the quota of 10
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
        f"  小学教职工编制（教职工与学生比）：105 ÷ {ratio} < 10.5 → 四舍五入 10"
        "（72号，teachers.student_ratio.primary）" in out.splitlines()
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
        "  教师编制：本学年没有幼儿（0 个班）→ 不设编制，0 名（六（四）3）；在编 3，余缺 3 - 0 = +3"
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
    assert "  teacher quota: no children this year (0 classes) → no posts, 0 (clause 6.4.3);" in en


# --------------------------------------------------------------------------- 两教一保


def with_south(write_data: Callable[..., Path], classes: int) -> Path:
    """The fixture with k1-south in ``classes`` classes of 30 children, and staff.csv."""
    d = with_staff(write_data, STAFF_2023)
    text = (d / "campuses.csv").read_text(encoding="utf-8")
    row = f"2023,k1-south,kindergarten,{30 * classes},{classes}"
    (d / "campuses.csv").write_text(
        text.replace("2023,k1-south,kindergarten,199,7", row), encoding="utf-8"
    )
    return d


def explain_of(out: str, campus_line: str) -> list[str]:
    """One campus's --explain lines: its heading line and the indented lines under it."""
    lines = out.splitlines()
    start = lines.index(campus_line)
    end = next(
        (i for i in range(start + 1, len(lines)) if not lines[i].startswith("  ")), len(lines)
    )
    return lines[start:end]


def test_explain_a_kindergarten_of_16_classes_fills_each_class_up_to_two_teachers(cli, write_data):
    d = with_south(write_data, 16)
    out = cli("staffing", "2023", "--data", str(d), "--explain").stdout
    assert explain_of(out, "乙幼儿园教育集团 南分园（成员）") == [
        "乙幼儿园教育集团 南分园（成员）",
        "  副职：开设 16 个班，档位 15+ → 2 名；另配执行园长 1 名"
        "（六（四）2（2），leaders.kindergarten；六（四）2（1），leaders.heads）",
        "  执行园长不带级别（六（四）2（1））",
        "  教师编制：开设 16 个班，档位 15+ → 4 名（六（四）3，teachers.kindergarten_established）"
        "；在编 3，余缺 3 - 4 = -1",
        "  两教一保·临聘教师：16 个班 × 2 - 教师编制 4 = 临聘 28"
        "（六（四）3，teachers.kindergarten_teachers_per_class）",
        "  两教一保·保育员：16 个班 × 1 = 16（六（四）3，teachers.kindergarten_caregivers_per_class）",
        "  党组织：没有正式党员，不设党支部或党小组（六（四）2（1））",
        "  幼儿园平均班额：480 ÷ 16 = 30，≤ 上限 35（幼儿园工作规程，"
        "class_size.max.kindergarten）（二（二））",
    ]
    en = cli("staffing", "2023", "--data", str(d), "--explain", "--lang", "en").stdout
    assert (
        "  two teachers per class, temporary teachers: 16 classes × 2 - quota 4"
        " = 28 temporary (clause 6.4.3, teachers.kindergarten_teachers_per_class)"
    ) in en.splitlines()
    assert (
        "  one carer per class, caregivers: 16 classes × 1 = 16"
        " (clause 6.4.3, teachers.kindergarten_caregivers_per_class)"
    ) in en.splitlines()
    doc = json.loads(cli("staffing", "2023", "--data", str(d), "-f", "json").stdout)
    assert by_id(doc, "k1-south")["kindergarten"] == {
        "established_teachers": 4,
        "temp_teachers": 28,  # not 32 on top of the 4
        "caregivers": 16,
        "classes": 16,
        "on_staff": 3,
        "gap": -1,
    }
    table = cli("staffing", "2023", "--data", str(d)).stdout.split("幼儿园两教一保")[1]
    assert ["南分园", "16", "4", "28", "16"] in [line.split() for line in table.splitlines()]


def test_a_kindergarten_of_12_classes_as_the_spec_shows_it(cli, write_data):
    doc = json.loads(
        cli("staffing", "2023", "--data", str(with_south(write_data, 12)), "-f", "json").stdout
    )
    k = by_id(doc, "k1-south")
    assert (k["kind"], k["teachers"]) == ("kindergarten", None)
    assert {key: k["kindergarten"][key] for key in ("established_teachers", "temp_teachers")} == {
        "established_teachers": 3,
        "temp_teachers": 21,
    }
    assert k["kindergarten"]["caregivers"] == 12


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh",
            "  两教一保·临聘教师：1 个班 × 2 = 2 ≤ 教师编制 3 → 临聘 0"
            "（六（四）3，teachers.kindergarten_teachers_per_class）",
        ),
        (
            "en",
            "  two teachers per class, temporary teachers: 1 class × 2 = 2 ≤ quota 3"
            " → 0 temporary (clause 6.4.3, teachers.kindergarten_teachers_per_class)",
        ),
    ],
)
def test_explain_one_class_needs_no_temporary_teacher(cli, write_data, lang, line):
    d = with_south(write_data, 1)
    out = cli("staffing", "2023", "--data", str(d), "--explain", "--lang", lang).stdout
    assert line in out.splitlines()


def test_set_the_teachers_per_class_changes_the_temporary_teachers_and_says_so(cli):
    args = ("staffing", "2023", "--set", "teachers.kindergarten_teachers_per_class=3")
    result = cli(*args, "-f", "json")
    assert result.exit_code == 0
    assert "注：参数已改动：teachers.kindergarten_teachers_per_class = 3（--set）" in result.stderr
    doc = json.loads(result.stdout)
    assert [
        (c["campus"], c["kindergarten"]["temp_teachers"])
        for c in doc["campuses"]
        if c["kind"] == "kindergarten"
    ] == [
        ("xuanhe-youeryuan", 24),  # 9 × 3 − 3
        ("xingren-youeryuan", 21),  # 8 × 3 − 3
        ("eryou-main", 44),  # 16 × 3 − 4
        ("eryou-xiangshan", 41),  # 15 × 3 − 4
        ("eryou-wencui", 24),  # 9 × 3 − 3
    ]
    out = cli(*args, "--explain").stdout
    assert (
        "  两教一保·临聘教师：16 个班 × 3 - 教师编制 4 = 临聘 44"
        "（六（四）3，teachers.kindergarten_teachers_per_class）" in out.splitlines()
    )


def test_explain_attached_kindergarten_classes_fill_up_too(cli, write_data):
    d = with_staff(write_data, STAFF_2023)
    text = (d / "campuses.csv").read_text(encoding="utf-8")
    (d / "campuses.csv").write_text(
        text.replace(
            "2023,g1-east,primary,499,12\n",
            "2023,g1-east,primary,499,12\n2023,g1-east,kindergarten,480,16\n",
        ),
        encoding="utf-8",
    )
    out = cli("staffing", "2023", "--data", str(d), "--explain").stdout
    lines = explain_of(out, "甲教育集团 东校区（成员）")
    assert (
        "  幼儿园班教师编制：开设 16 个班，档位 15+ → 4 名"
        "（六（四）3，teachers.kindergarten_established）" in lines
    )
    assert (
        "  两教一保·临聘教师：16 个班 × 2 - 教师编制 4 = 临聘 28"
        "（六（四）3，teachers.kindergarten_teachers_per_class）" in lines
    )


def test_explain_in_english_cites_each_parameter_by_its_own_reference(cli, write_data):
    out = cli(
        "staffing", "2023", "--explain", "--lang", "en", "--set", "teachers.class_ratio.junior=3"
    ).stdout
    lines = explain_of(out, "中卫市第四中学教育集团郭滩校区 (member)")
    assert lines[1:] == [
        "  deputies: 354 students, band 300-499 → 1; plus 1 head (执行校长)"
        " (clause 6.4.2.1, leaders.school, leaders.heads)",
        "  the 执行校长 of a member campus carries no rank (clause 6.4.2.1)",
        "  primary staff posts (staff-to-student ratio): 236 ÷ 19 ≈ 12.4211"
        " → rounded half up 12 (72号, teachers.student_ratio.primary)",
        "  primary class ratio not set (teachers.class_ratio.primary): quota 12",
        "  junior staff posts (staff-to-student ratio): 118 ÷ 13.5 ≈ 8.7407"
        " → rounded half up 9 (72号, teachers.student_ratio.junior)",
        "  junior teacher posts (class ratio): 4 × 3 = 12 → rounded half up 12"
        " (set by the bureau, teachers.class_ratio.junior); the larger: 12",
        "  teacher quota: 12 + 12 = 24; on staff 21, against the quota 21 - 24 = -3",
        "  party: 3 members ≥ 3 (支部工作条例, party.branch_min_members)"
        " → branch; < 7 (支部工作条例, party.committee_min_members)"
        " → without a committee (clause 6.4.2.1)",
        "  primary average class: 236 ÷ 12 ≈ 19.6667, ≤ max 45"
        " (GB 50099-2011, class_size.max.primary) (clause 2.2)",
        "  junior average class: 118 ÷ 4 = 29.5, ≤ max 50"
        " (GB 50099-2011, class_size.max.junior) (clause 2.2)",
    ]


def test_explain_cites_the_large_class_threshold_by_its_document(cli):
    out = cli("staffing", "2023", "--explain").stdout
    assert (
        "  小学平均班额：2,380 ÷ 42 ≈ 56.6667，> 上限 45（GB 50099-2011，"
        "class_size.max.primary），≥ 56（国发〔2016〕40号，class_size.large）→ 大班额（二（二））"
        in out.splitlines()
    )
    assert (
        "  党组织：党员 2 人 < 3（支部工作条例，party.branch_min_members）"
        "→ 党小组（六（四）2（1））" in out.splitlines()
    )


# --------------------------------------------------------------------------- CSV


CSV_HEADER_ZH = (
    "集团代码,集团,校区代码,校区,角色,类型,正职,正职人数,副职,副职档位,在校生,班数,"
    "教师编制,在编,余缺,临聘教师,保育员,党员,党组织"
)
CSV_HEADER_EN = (
    "group,group_name,campus,campus_name,role,kind,head,heads,deputies,deputies band,"
    "students,classes,teacher quota,held,gap,temporary,caregivers,members,party"
)


def test_csv_has_one_row_per_campus_with_every_campus_figure(cli):
    lines = cli("staffing", "2023", "-f", "csv").stdout.splitlines()
    assert lines[0] == CSV_HEADER_ZH
    assert len(lines) == 1 + 21  # no group heading, no stage total
    assert (
        "sizhong,中卫市第四中学教育集团,sizhong-guotan,中卫市第四中学教育集团郭滩校区,成员,"
        "中小学,执行校长,1,1,300-499,354,16,21,21,0,,,3,党支部" in lines
    )
    assert (
        "xuanhe,中卫市宣和教育集团,xuanhe-youeryuan,中卫市宣和教育集团宣和幼儿园,成员,"
        "幼儿园,执行园长,1,1,9-14,270,9,3,3,0,15,9,1,党小组" in lines
    )
    assert (
        "qixiao,中卫市第七小学教育集团,qixiao-shuangqu,中卫市第七小学教育集团双渠校区,成员,"
        "中小学,执行校长,1,1,300-499,420,6,22,22,0,,,7,党支部·支委会" in lines
    )


def test_csv_headers_and_codes_follow_lang(cli):
    lines = cli("staffing", "2023", "-f", "csv", "--lang", "en").stdout.splitlines()
    assert lines[0] == CSV_HEADER_EN
    assert lines[1] == (
        "qixiao,中卫市第七小学教育集团,qixiao-main,中卫市第七小学教育集团总校,lead,school,"
        "总校校长,1,3,1000+,2380,42,125,118,-7,,,41,general branch"
    )


def test_csv_is_tidy_its_sums_are_the_json_totals(cli):
    rows = list(csv.DictReader(io.StringIO(cli("staffing", "2023", "-f", "csv").stdout)))
    doc = json.loads(cli("staffing", "2023", "-f", "json").stdout)
    assert [r["校区代码"] for r in rows] == [c["campus"] for c in doc["campuses"]]

    def total(key: str) -> int:
        return sum(int(r[key]) for r in rows if r[key])

    quotas = [c["teachers"] or c["kindergarten"] for c in doc["campuses"]]
    assert total("教师编制") == sum(q.get("quota", q.get("established_teachers")) for q in quotas)
    assert total("教师编制") == 698
    assert total("在编") == sum(q["on_staff"] for q in quotas) == 676
    assert total("余缺") == sum(q["gap"] for q in quotas) == total("在编") - total("教师编制")
    kindergartens = [c["kindergarten"] for c in doc["campuses"] if c["kindergarten"]]
    # 15 + 13 + 28 + 26 + 15: each class filled up to two teachers, not two on top
    assert total("临聘教师") == sum(k["temp_teachers"] for k in kindergartens) == 97
    assert total("保育员") == sum(k["caregivers"] for k in kindergartens) == 57
    assert total("在校生") == sum(c["students"] for c in doc["campuses"])
    assert total("副职") == sum(c["vice_principals"] for c in doc["campuses"])


def test_csv_after_set_carries_the_scenario_on_every_row(cli):
    out = cli("staffing", "2023", "-f", "csv", "--set", "teachers.class_ratio.primary=1.5").stdout
    lines = out.splitlines()
    assert lines[0] == CSV_HEADER_ZH + ",方案"
    assert all(line.endswith(",teachers.class_ratio.primary=1.5") for line in lines[1:])
    wenzhaike = next(line for line in lines if ",xingren-wenzhaike," in line)
    assert ",96,6,9,6,-3," in wenzhaike  # 6 classes × 1.5 = 9 posts, 6 on staff: 3 short


def test_a_schools_kindergarten_classes_count_once_in_its_quota(cli, write_data):
    d = with_staff(write_data, STAFF_2023)
    csv_text = (d / "campuses.csv").read_text(encoding="utf-8")
    (d / "campuses.csv").write_text(
        csv_text.replace("2023,g1-east,primary,499,12\n", "2023,g1-east,primary,499,12\n"
                         "2023,g1-east,kindergarten,60,3\n"),
        encoding="utf-8",
    )  # fmt: skip
    out = cli("staffing", "2023", "--data", str(d)).stdout
    assert "                     幼儿园       60      3      3\n" in out  # a stage of the quota
    assert "                     合计        559     15     29     24     -5\n" in out
    # 3 classes need 6 teachers: the 3 established ones and 3 temporary
    assert "    东校区（附设幼儿班）      3          3          3        3\n" in out
    lines = cli("staffing", "2023", "--data", str(d), "-f", "csv").stdout.splitlines()
    # quota 26 + 3 established once; temporary teachers and caregivers are posts of their own
    assert (
        "g1,甲教育集团,g1-east,甲教育集团东校区,成员,中小学,执行校长,1,2,500-999,559,15,"
        "29,24,-5,3,3,7,党支部·支委会" in lines
    )
    east = by_id(
        json.loads(cli("staffing", "2023", "--data", str(d), "-f", "json").stdout), "g1-east"
    )
    assert [s["quota"] for s in east["teachers"]["stages"]] == [26, 3]
    assert (east["teachers"]["on_staff"], east["teachers"]["gap"]) == (24, -5)
    assert east["kindergarten"]["on_staff"] is None  # counted in the school's teachers


def test_csv_file_gets_a_bom(cli, tmp_path):
    target = tmp_path / "编制2023.csv"
    assert cli("staffing", "2023", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith("\ufeff集团代码,集团,校区代码,".encode())


def test_xlsx_has_a_sheet_per_section_with_the_fact_rows(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "编制2023.xlsx"
    assert cli("staffing", "2023", "-o", str(target)).exit_code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["校区", "教师编制", "两教一保", "班额", "说明"]
    teachers = list(book["教师编制"].iter_rows(values_only=True))
    assert teachers[0] == (
        "集团代码", "集团", "校区代码", "校区", "学段", "在校生", "班数", "按师生比", "按班师比", "编制"
    )  # fmt: skip
    # one row per campus stage (four nine-year schools have two), no group or total rows
    assert len(teachers) == 1 + 21 + 4
    assert sum(r[9] for r in teachers[1:]) == 698
    assert teachers[1:].count(
        ("sizhong", "中卫市第四中学教育集团", "sizhong-guotan", "中卫市第四中学教育集团郭滩校区",
         "初中", 118, 4, 9, None, 9)
    ) == 1  # fmt: skip
    kindergarten = list(book["两教一保"].iter_rows(values_only=True))
    assert sum(r[6] for r in kindergarten[1:]) == 97  # temporary teachers
    flags = list(book["班额"].iter_rows(values_only=True))
    assert [(r[2], r[9]) for r in flags[1:]] == [
        ("qixiao-main", "大班额"),
        ("qixiao-shuangqu", "超大班额"),
        ("sizhong-main", "超过上限"),
    ]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("row", "stderr"),
    [
        (
            "2023,g1-east,-3,7",
            "错误：staff.csv:3：在编教师数应为不小于 0 的整数，而不是“-3”\n",
        ),
        (
            "2023,g1-east,24,七",
            "错误：staff.csv:3：党员数应为不小于 0 的整数，而不是“七”\n",
        ),
        (
            "2023,g9-nowhere,24,7",
            "错误：staff.csv:3：不认识的校区“g9-nowhere”（pilots.yaml 中没有）\n",
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
        "错误：staff.csv：校区 k1-south（乙幼儿园教育集团南分园）没有 2023 年度的行；"
        "staff.csv 已有其他校区 2023 年度的行，该年度集团内每个校区都需要一行\n"
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["--set", "teachers.student_ratio.junior=0"],
            "错误：--set teachers.student_ratio.junior：取值应在 1 至 100 生/编制之间，而不是“0”\n",
        ),
        (
            ["--set", "teachers.class_ratio.senior=0"],  # refused though no campus has seniors
            "错误：teachers.class_ratio.senior 须大于 0，现为 0（--set）\n",
        ),
        (
            ["--set", "teachers.class_ratio.primary=0"],
            "错误：teachers.class_ratio.primary 须大于 0，现为 0（--set）\n",
        ),
        (
            ["--set", "party.committee_min_members=2"],
            "错误：party.committee_min_members = 2（--set）须不小于"
            " party.branch_min_members = 3（内置值）\n",
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
            "错误：2022-2023 学年没有数字：方案的数字从 2023-2024 学年开始"
            "（这是本工具的解读：试点于 2023 年 5 月开始，经费按学年计）\n",
        ),
        (
            "2026",
            "错误：campuses.csv：没有 2026 学年的在校生数据（有数据的学年：2023、2024、2025）\n",
        ),
        ("next", "错误：学年应写作 2023 这样的年份（也可写 2023-2024），而不是“next”\n"),
    ],
)
def test_bad_years_exit_2(cli, year, stderr):
    result = cli("staffing", year)
    assert (result.exit_code, result.stderr) == (2, stderr)


def test_explain_reaches_csv_too(cli):
    lines = cli("staffing", "2023", "-f", "csv", "--explain").stdout.splitlines()
    assert lines[0] == CSV_HEADER_ZH + ",计算过程"
    (guotan,) = [line for line in lines if ",sizhong-guotan," in line]
    assert "副职：在校生 354 人，档位 300-499 → 1 名" in guotan
    assert "教师编制：12 + 9 = 21；在编 21，余缺 21 - 21 = 0" in guotan


def test_json_names_the_national_parameters_the_figures_used(cli):
    doc = json.loads(cli("staffing", "2023", "-f", "json").stdout)
    assert doc["meta"]["national_parameters"] == [
        "class_size.large",
        "class_size.max.junior",
        "class_size.max.kindergarten",
        "class_size.max.primary",
        "class_size.very_large",
        "party.branch_min_members",
        "party.committee_min_members",
        "teachers.student_ratio.junior",
        "teachers.student_ratio.primary",
    ]


@pytest.mark.parametrize(
    ("lang", "quota", "held", "posts"),
    [
        ("zh", "编制", "在编", ["班数", "教师编制", "临聘教师", "保育员"]),
        ("en", "quota", "held", ["classes", "teacher", "quota", "temporary", "caregivers"]),
    ],
)
def test_a_kindergartens_posts_and_its_teachers_on_staff_have_different_names(
    cli, lang, quota, held, posts
):
    # 兴仁幼儿园: the plan's 3 posts for established teachers (六（四）3), 2 on staff now
    lines = cli("staffing", "2023", "--lang", lang).stdout.splitlines()
    headers = [line.split() for line in lines if line.split()[-len(posts) :] == posts]
    assert len(headers) == 1  # the 两教一保 table's: its posts are a teacher quota
    gap = "余缺" if lang == "zh" else "gap"
    assert sum(line.split()[-3:] == [quota, held, gap] for line in lines) == 1  # 教师编制 table
    rows = [line.split() for line in lines if line.strip().startswith("兴仁幼儿园")]
    # leaders, teachers (编制 3, 在编 2, 余缺 -1), 两教一保 (教师编制 3, 临聘 13, 保育员 8)
    assert [r[-3:] for r in rows[1:]] == [["3", "2", "-1"], ["3", "13", "8"]]
