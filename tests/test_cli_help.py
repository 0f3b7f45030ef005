"""The command line speaks the user's language: --help, usage errors, suggestions, --lang.

Help is groupctl's own text (``groupctl.clihelp``): it must lose nothing at 60 columns,
show each example whole, and never show the framework's English (``Show this message``,
``<bool>``).  Usage errors are one line in the ``--lang`` language with a hint to --help.
"""

from __future__ import annotations

import pytest
import typer

from groupctl.cli import _lang_in, app
from groupctl.clihelp import EXAMPLES
from groupctl.wrapping import cells

COMMANDS = sorted(c for c in typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_has_examples_and_each_fits_60_columns():
    assert set(EXAMPLES) == {"", *COMMANDS}
    for command, examples in EXAMPLES.items():
        assert examples, command
        for _, lines in examples:
            for line in lines:
                assert cells("  " + line) <= 60, line


@pytest.mark.parametrize("width", ["60", "80"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_loses_no_text_and_shows_each_example_whole(cli, command, width, lang):
    args = [*([command] if command else []), "--help", *(["--lang", "en"] if lang == "en" else [])]
    result = cli(*args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "…" not in out
    assert "<bool>" not in out and "<str>" not in out
    assert "Show this message" not in out
    lines = out.splitlines()
    assert all(cells(line) <= int(width) for line in lines), [
        line for line in lines if cells(line) > int(width)
    ]
    for _, example in EXAMPLES[command]:
        for line in example:
            assert f"  {line}" in lines, line
    heading = "示例：" if lang == "zh" else "Examples:"
    assert heading in lines


def test_the_help_of_init_at_60_columns(cli):
    result = cli("init", "--help", env={"COLUMNS": "60"})
    assert result.exit_code == 0
    assert result.stdout == (
        "用法：groupctl init DIR [选项]\n"
        "\n"
        "把内置数据复制到新的或空的文件夹，作为本局正式数据的起点\n"
        "\n"
        "参数：\n"
        "  DIR  新的或空的文件夹\n"
        "\n"
        "选项：\n"
        "      --lang zh|en  语言：zh 中文（默认）或 en 英文；也可写\n"
        "                    在命令之前\n"
        "  -h, --help        显示本帮助并退出\n"
        "\n"
        "示例：\n"
        "  # 复制内置数据到新文件夹\n"
        "  groupctl init ./本局数据\n"
        "  # 改完后检查\n"
        "  groupctl check --data ./本局数据\n"
    )


def test_help_names_arguments_the_same_way_and_flags_without_a_type(cli):
    funding = cli("funding", "--help", env={"COLUMNS": "80"}).stdout.splitlines()
    assert funding[0] == "用法：groupctl funding YEAR [选项]"
    approve = cli("approve", "--help", "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert approve.splitlines()[0] == "Usage: groupctl approve AMOUNT --campus CAMPUS [OPTIONS]"
    assert "      --explain              show each figure's derivation and its clause" in approve
    procedure = cli("procedure", "--help", env={"COLUMNS": "80"}).stdout
    assert procedure.splitlines()[0] == "用法：groupctl procedure [NAME] [选项]"
    root = cli("--help", env={"COLUMNS": "80"}).stdout
    assert "  -h, --help                显示本帮助并退出" in root.splitlines()
    assert (
        "      --install-completion  为当前 shell（bash 或 zsh）安装命令补全（按 Tab 补全" in root
    )


def test_bare_groupctl_shows_the_help_and_exits_2(cli):
    result = cli(env={"COLUMNS": "80"})
    assert result.exit_code == 2
    assert result.stderr.startswith("用法：groupctl [--lang zh|en] [--data DIR] 命令 [参数]\n")


# --------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["funding"], "错误：缺少参数 YEAR（见 groupctl funding --help）\n"),
        (["approve", "100"], "错误：缺少选项 --campus / -c（见 groupctl approve --help）\n"),
        (
            ["fundng", "2023"],
            "错误：没有“fundng”这个命令。您是否要找：funding（见 groupctl --help）\n",
        ),
        (["nothing"], "错误：没有“nothing”这个命令（见 groupctl --help）\n"),
        (
            ["funding", "2023", "--lnag", "en"],
            "错误：没有选项 --lnag。您是否要找：--lang（见 groupctl funding --help）\n",
        ),
        (["funding", "2023", "--lang"], "错误：选项 --lang 后面需要一个值\n"),
        (["funding", "2023", "--explain=yes"], "错误：选项 --explain 不带值\n"),
        (["funding", "2023", "2024"], "错误：多余的参数：2024（见 groupctl funding --help）\n"),
        (
            ["funding", "2023", "--lang", "fr"],
            "错误：--lang 只能是 zh、en 之一，而不是“fr”（见 groupctl funding --help）\n",
        ),
        (
            ["funding", "2023", "-f", "jsn"],
            "错误：--format 只能是 table、csv、json、markdown、md、xlsx 之一，而不是“jsn”。"
            "您是否要找：json（见 groupctl funding --help）\n",
        ),
        (
            ["approve", "100", "-c", "镇罗", "--fund", "specal"],
            "错误：--fund 只能是 school、special 之一，而不是“specal”。"
            "您是否要找：special（见 groupctl approve --help）\n",
        ),
        (
            ["procedure", "budgte"],
            "错误：没有“budgte”这个程序。您是否要找：budget（年度部门预算）\n",
        ),
        (
            ["procedure", "干部任命"],
            "错误：“干部任命”可指多个程序：leader-appointment（校（园）长及副职考察任命）、"
            "middle-appointment（中层干部考察任命）；请写得更完整，或用英文名称\n",
        ),
        (
            ["approve", "100", "-c", "镇锣"],
            "错误：没有与“镇锣”相符的校区。您是否要找：中卫市第四中学教育集团镇罗校区"
            "（sizhong-zhenluo）\n",
        ),
        # in English when --lang en is anywhere on the line, even after the error
        (
            ["fundng", "2023", "--lang", "en"],
            "error: no such command 'fundng'; did you mean funding? (see 'groupctl --help')\n",
        ),
        (
            ["--lang", "EN", "funding"],
            "error: missing argument YEAR (see 'groupctl funding --help')\n",
        ),
        (
            ["procedure", "budgte", "--lang=en"],
            "error: unknown procedure 'budgte'; did you mean budget (年度部门预算)?\n",
        ),
        (
            ["funding", "2023", "--lang", "en", "--fund", "x"],
            "error: no such option: --fund (see 'groupctl funding --help')\n",
        ),
    ],
)
def test_usage_errors_are_one_line_in_the_users_language(cli, args, stderr):
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_lang_and_data_may_come_before_the_command(cli, write_data):
    english = cli("--lang", "en", "funding", "2023", "-f", "csv")
    assert english.exit_code == 0
    assert english.stdout.startswith("group,group_name,")
    assert cli("funding", "2023", "--lang", "EN", "-f", "csv").stdout == english.stdout
    # the command's own option wins over the one before it
    chinese = cli("--lang", "en", "funding", "2023", "--lang", "zh", "-f", "csv")
    assert chinese.stdout.startswith("集团代码,")
    d = write_data()
    before = cli("--data", str(d), "funding", "2023", "-f", "json")
    after = cli("funding", "2023", "--data", str(d), "-f", "json")
    assert before.exit_code == 0
    assert before.stdout == after.stdout
    assert f'"data": "{d}"' in before.stdout


def test_chinese_procedure_names(cli):
    for name, english in [("预算", "budget"), ("决算", "final-accounts"), ("命名", "naming")]:
        chinese = cli("procedure", name, "-f", "json")
        assert chinese.exit_code == 0
        assert chinese.stdout == cli("procedure", english, "-f", "json").stdout


def test_the_language_is_read_before_parsing():
    assert _lang_in(["funding", "--lang", "en"]) == "en"
    assert _lang_in(["--lang=EN", "funding"]) == "en"
    assert _lang_in(["funding", "--lang", "zh"]) == "zh"
    assert _lang_in(["funding", "--", "--lang", "en"]) == "zh"
    assert _lang_in(["--lang"]) == "zh"


# --------------------------------------------------------------------------- completion


def test_completion_scripts_for_bash_and_zsh(cli, monkeypatch):
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    for shell, marker in [("bash", "complete -o default -F"), ("zsh", "#compdef groupctl")]:
        result = cli("--show-completion", shell)
        assert result.exit_code == 0, result.stderr
        assert marker in result.stdout
        assert "_GROUPCTL_COMPLETE" in result.stdout


def test_completion_offers_commands_with_their_summaries(runner):
    result = runner.invoke(
        app, [], env={"_GROUPCTL_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "groupctl fun"}
    )
    assert result.exit_code == 0
    assert '"funding":"各集团该学年的专项经费：基础、增补、合计（六（三））"' in result.stdout
