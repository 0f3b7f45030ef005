"""The policy's own words in both languages, its field typos, unset values and note lists.

Every bundled parameter's description and note exist in Chinese and English and --lang
picks one; a data folder's policy.yaml may describe a parameter in Chinese only; a
misspelt field under a parameter is named as unknown, with the field meant; no value
reads 未设定 / not set, never null; Chinese notes list with 、 and （）.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from groupctl import policy as policy_module
from groupctl.catalogue import render
from groupctl.errors import PolicyError
from groupctl.policy import ParamUse, load_policy
from groupctl.views import changed_item

LEAD = "funding.supplement_includes_lead"
READING_ZH = (
    "本工具把“每增加一个校（园）区”读作牵头校之外新增的校区（false）；"
    "另一种读法是集团管理的每个校区都计增补，牵头校也计（true）"
)
READING_EN = (
    'we read "each campus added" (每增加一个校（园）区) as the campuses added beside the'
    " lead campus (false); the other reading is that every campus the group runs earns a"
    " supplement, the lead campus too (true)"
)


# --------------------------------------------------------------------------- both languages


def test_every_bundled_parameter_is_described_in_both_languages():
    for p in load_policy():
        assert p.describe("zh") == p.description and p.description.strip(), p.path
        assert p.describe("en") == p.description_en != p.description, p.path
        assert bool(p.note) == bool(p.note_en), p.path
        assert p.remark("en") == p.note_en and p.remark("zh") == p.note, p.path


def test_params_in_english_explains_each_reading_in_english(cli):
    result = cli("--lang", "en", "params", "--year", "2023")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    at = lines.index(f"{LEAD} (--set {LEAD}=true):")
    assert lines[at + 1] == f"  {READING_EN}"
    at = lines.index(
        "finance.special_fund_reviewer"
        " (--set finance.special_fund_reviewer=district_education_bureau):"
    )
    assert lines[at + 1] == (
        "  we read the subject of the sentence in clause 6.3 as the district finance bureau"
        ' (district_finance_bureau); its "review and decide" (研究审定) names no one, and'
        " the other reading is the district education bureau (district_education_bureau)."
        " The group is never the reviewer"
    )
    chinese = cli("params", "--year", "2023").stdout.splitlines()
    at = chinese.index(f"{LEAD}（解读；另一种读法：--set {LEAD}=true）：")
    assert chinese[at + 1] == f"  {READING_ZH}"


@pytest.mark.parametrize(
    ("lang", "description", "last"),
    [
        ("zh", "牵头校（总校）本身是否也计增补经费", READING_ZH),
        ("en", "Whether the lead campus itself also earns a supplement", READING_EN),
    ],
)
def test_one_parameter_shows_its_description_and_note_in_the_language_asked(
    cli, lang, description, last
):
    result = cli("params", LEAD, "--year", "2023", "--lang", lang)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == description
    assert lines[-1] == f"  {last}"


def test_a_local_parameters_note_follows_lang(cli):
    path = "teachers.class_ratio.primary"
    zh = cli("params", path, "--year", "2023").stdout.splitlines()
    en = cli("params", path, "--year", "2023", "--lang", "en").stdout.splitlines()
    assert zh[1] == "小学班师比（每班教师数）；默认不用"
    assert zh[-1] == "说明：方案提到班师比但未给数值，由本局确定；未设定时只按师生比核定"
    assert en[1] == "Primary class ratio (teachers per class); unused unless set"
    assert en[-1] == (
        "note: the plan mentions a class ratio but gives no figure, so the bureau sets it;"
        " while it is not set, posts follow the staff-to-student ratio alone"
    )


def test_json_keeps_its_keys_and_carries_the_text_of_lang(cli):
    def record(lang: str) -> dict:
        out = cli("params", LEAD, "--year", "2023", "--lang", lang, "-f", "json")
        assert out.exit_code == 0
        return json.loads(out.stdout)["parameter"]

    zh, en = record("zh"), record("en")
    assert set(zh) == set(en)
    assert (zh["description"], zh["note"]) == ("牵头校（总校）本身是否也计增补经费", READING_ZH)
    assert (en["description"], en["note"]) == (
        "Whether the lead campus itself also earns a supplement",
        READING_EN,
    )


def test_explain_json_gives_each_parameters_note_in_lang(cli):
    def note(lang: str) -> str:
        out = cli("funding", "2023", "--explain", "-f", "json", "--lang", lang)
        assert out.exit_code == 0
        used = {p["path"]: p for p in json.loads(out.stdout)["parameters"]}
        return used[LEAD]["note"]

    assert (note("zh"), note("en")) == (READING_ZH, READING_EN)


BUNDLED_ONE = """\
funding:
  base_per_group:
    description: {description}
    unit: yuan
    type: integer
    origin: plan
    clause: "6.3"
    values:
      2023-04-01: 100000
"""


@pytest.mark.parametrize(
    ("description", "zh", "en"),
    [
        (
            "只有中文",
            "<bundled>/policy.yaml：funding.base_per_group：description 须同时有中文和英文，"
            "写作 {zh: 中文, en: 英文}",
            "funding.base_per_group: 'description' needs both languages,"
            " as {zh: Chinese, en: English}",
        ),
        (
            "{zh: 只有中文}",
            "<bundled>/policy.yaml：funding.base_per_group：description 须同时有中文和英文，"
            "写作 {zh: 中文, en: 英文}",
            "funding.base_per_group: 'description' needs both languages,"
            " as {zh: Chinese, en: English}",
        ),
        (
            '{zh: 基础经费, en: ""}',
            "<bundled>/policy.yaml：funding.base_per_group：description 须同时有中文和英文，"
            "写作 {zh: 中文, en: 英文}",
            "funding.base_per_group: 'description' needs both languages,"
            " as {zh: Chinese, en: English}",
        ),
    ],
)
def test_the_loader_refuses_a_bundled_parameter_missing_a_language(
    tmp_path, monkeypatch, description, zh, en
):
    bundled = tmp_path / "policy.yaml"
    bundled.write_text(BUNDLED_ONE.format(description=description), encoding="utf-8")
    monkeypatch.setattr(policy_module, "BUNDLED_POLICY", bundled)
    policy_module._bundled.cache_clear()
    try:
        with pytest.raises(PolicyError) as err:
            load_policy()
    finally:
        policy_module._bundled.cache_clear()  # the next load reads the real file again
    assert (err.value.file, err.value.line) == ("<bundled>", 2)
    assert f"{err.value.file}/policy.yaml：{render(err.value.message, 'zh')}" == zh
    assert str(err.value.message) == en


def test_a_bundled_note_needs_both_languages_too(tmp_path, monkeypatch):
    text = BUNDLED_ONE.format(description="{zh: 基础经费, en: base funding}") + (
        "    note: 只有中文\n"
    )
    bundled = tmp_path / "policy.yaml"
    bundled.write_text(text, encoding="utf-8")
    monkeypatch.setattr(policy_module, "BUNDLED_POLICY", bundled)
    policy_module._bundled.cache_clear()
    try:
        with pytest.raises(PolicyError) as err:
            load_policy()
    finally:
        policy_module._bundled.cache_clear()
    assert str(err.value.message) == (
        "funding.base_per_group: 'note' needs both languages, as {zh: Chinese, en: English}"
    )


def test_a_data_folders_chinese_only_description_shows_in_english_too(cli, write_data):
    d = write_data(
        policy="""\
        funding:
          base_per_group:
            description: 本局核定的基础经费
            values:
              2024-09-01: 110000
          supplement:
            description: {zh: 本局的增补经费, en: The bureau's supplement}
            values:
              2024-09-01:
                - {min: 0, value: 10000}
        """
    )
    policy = load_policy(d)
    base = policy.get("funding.base_per_group")
    assert (base.describe("zh"), base.describe("en")) == ("本局核定的基础经费",) * 2
    supplement = policy.get("funding.supplement")
    assert (supplement.describe("zh"), supplement.describe("en")) == (
        "本局的增补经费",
        "The bureau's supplement",
    )
    en = cli("params", "funding.base_per_group", "--data", str(d), "--lang", "en")
    assert en.stdout.splitlines()[1] == "本局核定的基础经费"


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        (
            "funding:\n  base_per_group:\n    description: {zh: 甲, fr: b}\n",
            "description 写作 {zh: 中文, en: 英文}：须有 zh，en 可省略，不能有别的字段，各项应为文字",
            "'description' as {zh: Chinese, en: English} needs zh, may leave out en,"
            " takes nothing else, and each is text",
        ),
        (
            "funding:\n  base_per_group:\n    description: 12\n",
            "description 应为文字（或写作 {zh: 中文, en: 英文}），而不是“12”",
            "'description' must be text (or {zh: Chinese, en: English}), got 12",
        ),
    ],
)
def test_a_bad_data_folder_description_says_how_to_write_it(cli, write_data, text, zh, en):
    d = write_data(policy=text)
    for lang, words in (("zh", zh), ("en", en)):
        result = cli("funding", "2023", "--data", str(d), "--lang", lang)
        assert result.exit_code == 2
        head = "错误：policy.yaml:2：" if lang == "zh" else "error: policy.yaml:2: "
        sep = "：" if lang == "zh" else ": "
        assert result.stderr == f"{head}funding.base_per_group{sep}{words}\n"


# --------------------------------------------------------------------------- field typos


@pytest.mark.parametrize(
    ("fields", "zh", "en"),
    [
        (
            "    vaules:\n      2025-09-01: 120000\n",
            "funding.base_per_group：不认识的字段 vaules。您是否要找：values",
            "funding.base_per_group: unknown field 'vaules'; did you mean values?",
        ),
        (
            "    descripton: 文字\n    values:\n      2025-09-01: 120000\n",
            "funding.base_per_group：不认识的字段 descripton。您是否要找：description",
            "funding.base_per_group: unknown field 'descripton'; did you mean description?",
        ),
        (
            "    colour: red\n    shape: round\n",
            "funding.base_per_group：不认识的字段 colour、shape（参数下只能写 values 和 description）",
            "funding.base_per_group: unknown field(s) colour, shape"
            " (a parameter takes only values and description)",
        ),
        (
            "    unit: yuan\n    values:\n      2025-09-01: 120000\n",
            "funding.base_per_group：数据文件夹的 policy.yaml 只能改 values 和 description，"
            "不能改 unit（属于内置定义）",
            "funding.base_per_group: a data folder's policy.yaml sets only values and"
            " description, not unit (part of the bundled definition)",
        ),
        (
            "    {}\n",
            "funding.base_per_group：应写取值，或写 values（各日期的取值）",
            "funding.base_per_group: give a value, or 'values' (a value for each date)",
        ),
    ],
)
def test_a_field_under_a_parameter_is_named_for_what_it_is(cli, write_data, fields, zh, en):
    d = write_data(policy="funding:\n  base_per_group:\n" + fields)
    result = cli("funding", "2023", "--data", str(d))
    assert (result.exit_code, result.stderr) == (2, f"错误：policy.yaml:2：{zh}\n")
    result = cli("funding", "2023", "--data", str(d), "--lang", "en")
    assert (result.exit_code, result.stderr) == (2, f"error: policy.yaml:2: {en}\n")


def test_a_description_alone_changes_the_words_not_the_values(write_data):
    d = write_data(policy="funding:\n  base_per_group:\n    description: 本局的说法\n")
    p = load_policy(d).get("funding.base_per_group")
    assert (p.description, p.description_en) == ("本局的说法", "")
    assert p.dated(2023).value == 100000 and p.dated(2023).set_by == "bundled"


def test_an_unknown_parameter_is_suggested_whatever_its_case(cli):
    result = cli("funding", "2023", "--set", "FUNDING.BASE_PER_GRUP=1")
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：没有参数“FUNDING.BASE_PER_GRUP”。您是否要找：funding.base_per_group\n"
    )


# --------------------------------------------------------------------------- no null


@pytest.mark.parametrize(("lang", "unset"), [("zh", "未设定"), ("en", "not set")])
def test_an_unset_parameter_reads_not_set(cli, lang, unset):
    result = cli("params", "teachers.class_ratio", "--year", "2023", "--lang", lang)
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines() if "class_ratio." in line]
    assert [r[0] for r in rows] == [
        f"teachers.class_ratio.{s}" for s in ("primary", "junior", "senior")
    ]
    assert {" ".join(r[1:]) for r in rows} == {
        ("本局自定 未设定" if lang == "zh" else "set by the bureau not set")
    }
    assert "null" not in result.stdout
    single = cli("params", "teachers.class_ratio.primary", "--year", "2023", "--lang", lang)
    dated = next(line for line in single.stdout.splitlines() if "2023-04-01" in line)
    assert dated.split()[: 1 + len(unset.split())] == ["2023-04-01", *unset.split()]
    assert "null" not in single.stdout


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "teachers.class_ratio.primary = 未设定（policy.yaml:3）"),
        ("en", "teachers.class_ratio.primary = not set (policy.yaml:3)"),
    ],
)
def test_a_changed_unset_value_reads_not_set_in_the_notes(lang, line):
    use = ParamUse(
        "teachers.class_ratio.primary",
        None,
        "teachers per class",
        "local",
        "6.4.3",
        "6.4.3",
        "policy.yaml:3",
    )
    assert changed_item(use, lang) == line
    assert changed_item(_with_value(use, Decimal("1.5")), lang) == line.replace(
        "未设定" if lang == "zh" else "not set", "1.5"
    )


def _with_value(use: ParamUse, value: Decimal) -> ParamUse:
    from dataclasses import replace

    return replace(use, value=value)


# --------------------------------------------------------------------------- note lists


def test_notes_list_with_the_marks_of_each_language(cli):
    args = ("funding", "2023", "--set", "funding.base_per_group=120000")
    assert cli(*args).stderr == (
        "注：以上结果用到本工具对方案文字的解读（interpretation）：funding.supplement_includes_lead"
        "（另一种读法：--set funding.supplement_includes_lead=true）\n"
        "注：参数已改动：funding.base_per_group = 120000（--set）\n"
        "注：campuses.csv 中的数字是示例，不是正式统计\n"
    )
    assert cli(*args, "--lang", "en").stderr == (
        "note: these figures rest on our reading of ambiguous text in the plan"
        " (interpretation): funding.supplement_includes_lead"
        " (the other reading: --set funding.supplement_includes_lead=true)\n"
        "note: parameters changed: funding.base_per_group = 120000 (--set)\n"
        "note: the figures in campuses.csv are illustrative examples, not official counts\n"
    )


def test_two_changes_and_two_example_files_are_listed_in_each_language(cli):
    args = (
        "assess", "2023",
        "--set", "assessment.grades=90.01:excellent,80:good,60:fair,0:fail",
        "--set", "assessment.weight_school=0.5",
    )  # fmt: skip
    assert cli(*args).stderr == (
        "注：以上结果用到本局自定参数（local，内置值仅为示例）：assessment.grades\n"
        "注：参数已改动：assessment.grades = 90.01:excellent,80:good,60:fair,0:fail（--set）；"
        "assessment.weight_school = 0.5（--set）\n"
        "注：campus_scores.csv、group_scores.csv 中的数字是示例，不是正式统计\n"
    )
    assert cli(*args, "--lang", "en").stderr == (
        "note: these figures use parameters the plan leaves to the bureau"
        " (local; bundled values are examples): assessment.grades\n"
        "note: parameters changed: assessment.grades = 90.01:excellent,80:good,60:fair,0:fail"
        " (--set); assessment.weight_school = 0.5 (--set)\n"
        "note: the figures in campus_scores.csv, group_scores.csv are illustrative examples,"
        " not official counts\n"
    )


def test_the_illustrative_figures_are_worded_one_way_in_the_catalogue():
    from groupctl.catalogue import CATALOGUE

    chinese = [zh for zh, _ in CATALOGUE.values()]
    assert not [zh for zh in chinese if "并非正式统计" in zh or "数字为示例" in zh]
    assert sum("不是正式统计" in zh for zh in chinese) >= 3


def test_a_scenario_lists_its_sets_with_the_marks_of_each_language(cli):
    args = ("params", "funding", "--set", "funding.base_per_group=1", "--set")
    args += ("funding.supplement_includes_lead=true",)
    assert cli(*args).stderr.splitlines()[-1] == (
        "测算方案（参数已改动，并非正式数字）：funding.base_per_group=1；"
        "funding.supplement_includes_lead=true"
    )
    assert cli(*args, "--lang", "en").stderr.splitlines()[-1] == (
        "what-if (parameters changed; not the official figures): funding.base_per_group=1;"
        " funding.supplement_includes_lead=true"
    )


def test_the_readme_says_how_a_data_folder_describes_a_parameter():
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "description: {zh:" in readme
    assert "English output shows the Chinese" in readme
