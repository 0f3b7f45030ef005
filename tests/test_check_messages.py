"""`groupctl check` and the data errors in the clerk's language: Chinese by default,
English with --lang en, every problem with its catalogue key for scripts."""

from __future__ import annotations

import csv
import json

import pytest

from groupctl.catalogue import CATALOGUE, render
from groupctl.errors import UsageError
from groupctl.numbers import NumberError, parse_amount, parse_score, quoted, require_school_year
from tests.conftest import CAMPUSES, PILOTS

# A CSV whose header is written in Chinese, with a bad cell, an unknown campus and a
# column nobody reads; a policy.yaml with a word where a sum of money belongs.
CSV_AND_POLICY = {
    "campuses": CAMPUSES.replace(
        "year,campus,stage,students,classes", "年度,校区,学段,在校生数,班级数,备注"
    )
    .replace("2023,g1-east,primary,499,12", "2023,g1-east,primary,12a,12")
    .replace("2024,g1-new,primary,120,6", "2024,g1-nwe,primary,120,6"),
    "policy": "funding:\n  base_per_group: lots\n",
}
# pilots.yaml with a role that is no role and a key that is no key; a policy.yaml with a
# misspelt parameter.
YAML_AND_POLICY = {
    "pilots": PILOTS.replace(
        "        school: 东小学\n        role: member\n",
        "        school: 东小学\n        role: partner\n        principal: 张三\n",
        1,
    ),
    "policy": "funding:\n  base_per_grup: 1\n",
}

CHECKED = {
    ("csv", "zh"): [
        "级别,文件,行,问题,代码",
        "错误,campuses.csv,3,在校生数应为不小于 0 的整数，而不是“12a”,data.count",
        "错误,campuses.csv,9,不认识的校区“g1-nwe”（pilots.yaml 中没有）。您是否要找：g1-new,"
        "data.campus.unknown",
        "错误,policy.yaml,2,funding.base_per_group：应为不小于 0 的整数，而不是“lots”,"
        "policy.value.expected",
        "警告,campuses.csv,1,不认识的列“备注”，已忽略,csv.unknown_column",
    ],
    ("csv", "en"): [
        "level,file,line,problem,code",
        "error,campuses.csv,3,\"在校生数 must be a whole number ≥ 0, got '12a'\",data.count",
        "error,campuses.csv,9,unknown campus 'g1-nwe' (not in pilots.yaml); did you mean g1-new?,"
        "data.campus.unknown",
        "error,policy.yaml,2,\"funding.base_per_group: expected a whole number ≥ 0, got 'lots'\","
        "policy.value.expected",
        "warning,campuses.csv,1,unknown column '备注' is ignored,csv.unknown_column",
    ],
    ("yaml", "zh"): [
        "级别,文件,行,问题,代码",
        "错误,pilots.yaml,16,校区中有不认识的项“principal”"
        "（可用的项：aliases、from、head、id、name、role、school、until）,data.key.unknown.campus",
        "错误,pilots.yaml,15,角色（role）应为 lead、member 之一，而不是“partner”,data.campus.role",
        "错误,policy.yaml,2,没有参数“funding.base_per_grup”。您是否要找：funding.base_per_group,"
        "policy.unknown.suggest",
    ],
    ("yaml", "en"): [
        "level,file,line,problem,code",
        "error,pilots.yaml,16,\"unknown key 'principal' in a campus"
        ' (known: aliases, from, head, id, name, role, school, until)",data.key.unknown.campus',
        "error,pilots.yaml,15,\"role must be one of lead, member, got 'partner'\",data.campus.role",
        "error,policy.yaml,2,unknown parameter 'funding.base_per_grup';"
        " did you mean funding.base_per_group?,policy.unknown.suggest",
    ],
}
SUMMARY = {
    ("csv", "zh"): "3 个错误，1 个警告\n",
    ("csv", "en"): "3 error(s), 1 warning(s)\n",
    ("yaml", "zh"): "3 个错误，0 个警告\n",
    ("yaml", "en"): "3 error(s), 0 warning(s)\n",
}


def _folder(write_data, kind: str):
    return write_data(**(CSV_AND_POLICY if kind == "csv" else YAML_AND_POLICY))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", ["csv", "yaml"])
def test_check_lists_csv_yaml_and_policy_problems_in_the_chosen_language(
    cli, write_data, kind, lang
):
    d = _folder(write_data, kind)
    args = ["check", "--data", str(d), "-f", "csv"] + (["--lang", "en"] if lang == "en" else [])
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == CHECKED[(kind, lang)]
    assert result.stderr == SUMMARY[(kind, lang)]


@pytest.mark.parametrize("kind", ["csv", "yaml"])
def test_check_json_gives_each_problem_its_catalogue_key_in_either_language(cli, write_data, kind):
    d = _folder(write_data, kind)
    zh = json.loads(cli("check", "--data", str(d), "-f", "json").stdout)["problems"]
    en = json.loads(cli("check", "--data", str(d), "-f", "json", "--lang", "en").stdout)["problems"]
    # the same problems, the same codes, the words of each language
    assert [p["code"] for p in zh] == [p["code"] for p in en]
    assert all(p["code"] in CATALOGUE for p in zh)
    for problems, lang in ((zh, "zh"), (en, "en")):
        rows = list(csv.reader(CHECKED[(kind, lang)][1:]))
        assert [p["message"] for p in problems] == [row[3] for row in rows]
        assert [p["code"] for p in problems] == [row[4] for row in rows]
    assert [(p["file"], p["line"]) for p in zh] == [(p["file"], p["line"]) for p in en]


def test_the_first_data_error_stops_a_command_in_either_language(cli, write_data):
    d = _folder(write_data, "csv")
    zh = cli("funding", "2023", "--data", str(d))
    en = cli("funding", "2023", "--data", str(d), "--lang", "en")
    assert (zh.exit_code, en.exit_code) == (2, 2)
    assert zh.stderr == "错误：campuses.csv:3：在校生数应为不小于 0 的整数，而不是“12a”\n"
    assert en.stderr == "error: campuses.csv:3: 在校生数 must be a whole number ≥ 0, got '12a'\n"


# --------------------------------------------------------------------------- numbers


def test_a_bad_number_is_a_usage_error_and_a_value_error_with_its_reason():
    with pytest.raises(NumberError) as err:
        parse_amount("45,000.505")
    assert isinstance(err.value, UsageError) and isinstance(err.value, ValueError)
    assert err.value.render("zh") == "“45,000.505”的小数超过两位（金额只到分）"
    assert str(err.value) == "'45,000.505' has more than two decimals of yuan (fen)"
    with pytest.raises(NumberError) as err:
        require_school_year("明年")
    assert err.value.render("zh") == "学年应写作 2023 这样的年份（也可写 2023-2024），而不是“明年”"


def test_a_score_names_its_column_as_the_file_writes_it():
    with pytest.raises(NumberError) as err:
        parse_score("101", "得分")
    assert err.value.render("zh") == "得分应在 0 至 100 之间，而不是“101”"
    with pytest.raises(NumberError) as err:
        parse_score("101")
    assert err.value.render("zh") == "得分应在 0 至 100 之间，而不是“101”"
    assert str(err.value) == "score must be from 0 to 100, got '101'"


def test_values_are_quoted_as_each_language_quotes_them():
    assert render(quoted("12a"), "zh") == "“12a”"
    assert render(quoted("12a"), "en") == "'12a'"
    assert render(quoted(2023), "zh") == "“2023”"
    assert render(quoted(2023), "en") == "2023"  # a number typed as a number is no text
    assert render(quoted("x" * 500), "en") == "'" + "x" * 59 + "…'"  # bounded
