"""The plan's own names (SPEC §2 pilots.yaml): every campus answers to its id, full name,
the school as 五（二） names it, and its aliases, in --campus and in every CSV."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from groupctl.errors import UsageError
from groupctl.loaders import load_data
from groupctl.lookup import resolve_campus
from groupctl.numbers import name_key
from tests.conftest import REPO

# 五（二）: each pilot group's lead school and member schools, by the plan's own names.
PLAN_SCHOOLS = {
    "中卫市第七小学": "qixiao-main",
    "中卫市第十小学": "qixiao-shuangqu",
    "中卫市第四中学": "sizhong-main",
    "镇罗中学": "sizhong-zhenluo",
    "郭滩学校": "sizhong-guotan",
    "观音学校": "sizhong-guanyin",
    "宣和中学": "xuanhe-main",
    "东月学校": "xuanhe-dongyue",
    "张洪学校": "xuanhe-zhanghong",
    "宣和小学": "xuanhe-xiaoxue",
    "宣和幼儿园": "xuanhe-youeryuan",
    "中卫市兴仁中学": "xingren-main",
    "兴仁小学": "xingren-xiaoxue",
    "郝集小学": "xingren-haoji",
    "王团小学": "xingren-wangtuan",
    "温寨柯小学": "xingren-wenzhaike",
    "高庄小学": "xingren-gaozhuang",
    "兴仁幼儿园": "xingren-youeryuan",
    "中卫市第二幼儿园": "eryou-main",
    "中卫市香山幼儿园": "eryou-xiangshan",
    "中卫市文萃幼儿园": "eryou-wencui",
}


@pytest.fixture(scope="module")
def bundled():
    return load_data(REPO / "data")


def test_the_bundled_schools_are_the_plans_names(bundled):
    assert {c.school: c.id for c in bundled.pilots.campuses()} == PLAN_SCHOOLS


@pytest.mark.parametrize(
    ("query", "campus"),
    [
        *PLAN_SCHOOLS.items(),
        ("中卫十小", "qixiao-shuangqu"),  # the annex's bracketed name
        ("中卫市第七小学教育集团双渠校区（中卫十小）", "qixiao-shuangqu"),
        ("中卫市宣和教育集团总校（宣和中学）", "xuanhe-main"),
        ("中卫市宣和教育集团总校(宣和中学)", "xuanhe-main"),  # half-width brackets
        ("总校 ( 兴仁中学 )", "xingren-main"),  # spaces and half-width brackets
        ("QIXIAO-MAIN", "qixiao-main"),  # ids compare case-insensitively
        ("镇罗", "sizhong-zhenluo"),  # a unique fragment
    ],
)
def test_every_name_resolves_on_the_command_line(bundled, query, campus):
    assert resolve_campus(bundled.pilots, query).id == campus


def test_an_unknown_name_suggests_the_closest_campus(bundled):
    with pytest.raises(UsageError, match="did you mean 中卫市第四中学教育集团镇罗校区"):
        resolve_campus(bundled.pilots, "镇锣")


def test_a_name_nothing_resembles_gets_no_suggestion(bundled):
    with pytest.raises(UsageError) as exc:
        resolve_campus(bundled.pilots, "xyz")
    assert "did you mean" not in str(exc.value)


def test_an_ambiguous_fragment_lists_the_candidates(bundled):
    with pytest.raises(UsageError, match=r"ambiguous: it matches .*xingren-xiaoxue"):
        resolve_campus(bundled.pilots, "兴仁")


def _renamed(tmp_path: Path, names: dict[str, str]) -> Path:
    """The bundled data with each CSV's campus column written by other names."""
    d = tmp_path / "data"
    shutil.copytree(REPO / "data", d)
    for f in ("campuses.csv", "staff.csv", "campus_scores.csv"):
        lines = (d / f).read_text(encoding="utf-8").splitlines()
        out = [lines[0]]
        for line in lines[1:]:
            year, campus, rest = line.split(",", 2)
            out.append(f"{year},{names.get(campus, campus)},{rest}")
        (d / f).write_text("\n".join(out) + "\n", encoding="utf-8")
    return d


@pytest.mark.parametrize(
    "name",
    [
        "中卫市宣和教育集团总校（宣和中学）",
        "中卫市宣和教育集团总校(宣和中学)",
        "宣和中学",
    ],
)
def test_every_csv_campus_column_takes_every_name(tmp_path, cli, name):
    names = {
        "xuanhe-main": name,
        "qixiao-shuangqu": "中卫十小",
        "sizhong-zhenluo": "镇罗中学",
    }
    d = _renamed(tmp_path, names)
    result = cli("check", "--data", str(d))
    assert result.exit_code == 0, result.stderr
    for command in ("funding", "staffing", "assess"):
        renamed = json.loads(cli(command, "2023", "--data", str(d), "-f", "json").stdout)
        bundled = json.loads(cli(command, "2023", "-f", "json").stdout)
        renamed.pop("meta"), bundled.pop("meta")
        assert renamed == bundled, command


def test_a_fragment_is_not_a_name_in_a_csv(tmp_path, cli):
    d = _renamed(tmp_path, {"sizhong-zhenluo": "镇罗"})
    result = cli("funding", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stderr == "错误：campuses.csv:5：不认识的校区“镇罗”（pilots.yaml 中没有）\n"


def _pilots_with(tmp_path: Path, old: str, new: str) -> Path:
    d = tmp_path / "data"
    shutil.copytree(REPO / "data", d)
    text = (d / "pilots.yaml").read_text(encoding="utf-8")
    assert old in text
    (d / "pilots.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return d


def test_a_name_two_campuses_share_is_an_error_with_its_line(tmp_path, cli):
    d = _pilots_with(
        tmp_path,
        "        school: 镇罗中学\n",
        "        school: 镇罗中学\n        aliases: [郭滩学校]\n",
    )
    result = cli("funding", "2023", "--data", str(d))
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：pilots.yaml:49：校区 sizhong-guotan 与校区 sizhong-zhenluo（第 43 行）同名“郭滩学校”\n"
    )


def test_aliases_must_be_a_list_of_names(tmp_path, cli):
    d = _pilots_with(
        tmp_path, "        school: 镇罗中学\n", "        school: 镇罗中学\n        aliases: 镇罗\n"
    )
    result = cli("check", "--data", str(d))
    assert result.exit_code == 1
    assert "aliases 应为名称列表" in result.stdout + result.stderr


def test_name_key_folds_brackets_spaces_and_case():
    assert (
        name_key(" 总校（宣和中学） ") == name_key("总校(宣和中学)") == name_key("总校 (宣和中学)")
    )
    assert name_key("QiXiao") == "qixiao"


def test_groups_says_the_district_school_count_is_an_example(cli):
    result = cli("groups", "-f", "json")
    doc = json.loads(result.stdout)
    assert doc["compulsory_schools_total"] == 26
    assert doc["meta"]["illustrative"] == ["pilots.yaml:compulsory_schools_total"]
    assert (
        result.stderr == "注：pilots.yaml:compulsory_schools_total 中的数字是示例，不是正式统计\n"
    )
    shuangqu = doc["groups"][0]["campuses"][1]
    assert shuangqu["aliases"] == ["中卫十小", "中卫市第七小学教育集团双渠校区（中卫十小）"]
