"""groupctl init DIR: the bundled data copied into a new or empty folder, never over files."""

from __future__ import annotations

import errno
import io
import os
import shutil
from pathlib import Path

import pytest

from groupctl.loaders import BUNDLED_DATA
from groupctl.wrapping import cells

FILES = ["campus_scores.csv", "campuses.csv", "group_scores.csv", "pilots.yaml", "staff.csv"]


def _expected(target: Path) -> str:
    return (
        f"已建立数据文件夹 {target}，复制了内置数据的 5 个文件：\n"
        "  pilots.yaml        试点集团与校区名单、角色、校长属性（方案附件）\n"
        "  campuses.csv       各校区每学年的学段、在校生数与班数（示例数字）\n"
        "  staff.csv          各校区在编教师与党员人数（示例数字）\n"
        "  campus_scores.csv  各校区年终考核得分（示例数字）\n"
        "  group_scores.csv   各集团党建与综合得分（示例数字）\n"
        "\n"
        "接下来请修改：\n"
        "  1. 把 campuses.csv、staff.csv、campus_scores.csv、group_scores.csv"
        " 中的示例数字换成本局的正式统计；\n"
        "  2. 在 pilots.yaml 中核对集团与校区，填写 compulsory_schools_total"
        "（全区义务教育阶段学校总数），并从 illustrative 名单中删去已换成正式数字的文件；\n"
        "  3. 本局自定的参数（如 finance.large_expense_threshold）写入该文件夹的 policy.yaml；"
        "groupctl params 列出全部参数、取值与来源；\n"
        f"  4. 每次修改后运行 groupctl check --data {target} 检查。\n"
        "\n"
        "使用这些数据：在命令后加 --data，或在 shell 中设置一次 GROUPCTL_DATA：\n"
        f"  groupctl funding 2023 --data {target}\n"
        f"  export GROUPCTL_DATA={target}\n"
    )


def test_init_into_a_new_folder_copies_the_bundled_files_and_says_what_next(cli, tmp_path):
    target = tmp_path / "a" / "b" / "data"  # its parents are made too
    result = cli("init", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == _expected(target)
    assert sorted(p.name for p in target.iterdir()) == FILES
    for name in FILES:
        assert (target / name).read_bytes() == (BUNDLED_DATA / name).read_bytes()
    assert oct(target.stat().st_mode & 0o777) != oct(0o700)  # not a private temporary folder
    # and the commands read it as they read the bundled data
    funding = cli("funding", "2023", "--data", str(target), "-f", "csv")
    assert funding.exit_code == 0
    assert funding.stdout == cli("funding", "2023", "-f", "csv").stdout
    checked = cli("check", "--data", str(target), env={"COLUMNS": "200"})
    assert checked.stdout.startswith(f"数据检查：{target}\n")


def test_init_into_an_empty_folder(cli, tmp_path):
    result = cli("init", str(tmp_path), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"Set up the data folder {tmp_path} with the 5 bundled data files:\n"
    )
    assert f"  export GROUPCTL_DATA={tmp_path}\n" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES


def test_a_folder_that_holds_anything_is_refused_and_nothing_is_written(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("本局的文件", encoding="utf-8")
    result = cli("init", str(tmp_path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"错误：文件夹“{tmp_path}”不是空的：init 只写入新的或空的文件夹，不覆盖已有文件"
        "（未写入任何文件）\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_is_refused(cli, tmp_path):
    target = tmp_path / "pilots.yaml"
    target.write_text("x", encoding="utf-8")
    result = cli("init", str(target), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"error: '{target}' exists and is not a folder (nothing was written)\n"
    assert target.read_text(encoding="utf-8") == "x"


def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failure_leaves_no_folder_init_created(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "copyfile", _full_disk)
    result = cli("init", str(tmp_path / "new" / "data"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：无法在“{tmp_path / 'new' / 'data'}”建立数据文件夹：")
    assert result.stderr.endswith("（未留下任何文件）\n")
    assert list(tmp_path.iterdir()) == []  # neither the folder, its parent nor a staging copy


def test_a_failure_in_an_empty_folder_removes_what_was_written(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "copyfileobj", _full_disk)
    result = cli("init", str(tmp_path))
    assert result.exit_code == 2
    assert os.listdir(tmp_path) == []


def test_init_needs_a_folder(cli):
    result = cli("init")
    assert (result.exit_code, result.stderr) == (
        2,
        "错误：缺少参数 DIR（见 groupctl init --help）\n",
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_names_the_bundled_folder_for_people_and_keeps_bundled_for_scripts(cli, lang):
    table = cli("check", "--lang", lang)
    label = f"数据检查：内置数据（{BUNDLED_DATA.resolve()}）"
    if lang == "en":
        label = f"Data check: bundled data ({BUNDLED_DATA.resolve()})"
    assert table.stdout.splitlines()[0] == label
    doc = cli("check", "-f", "json", "--lang", lang).stdout
    assert '"directory": "bundled"' in doc


def test_at_60_columns_wrapped_lines_keep_their_column_and_the_folder_whole(monkeypatch):
    from groupctl.init import bundled_files, init_report

    copied = tuple(p.name for p in bundled_files())
    target = Path("/srv/本局数据")
    # a description goes on under the description column, a step under its first word, a
    # heading flush left; the folder is one word, never cut between its characters
    assert init_report(target, copied, "zh", 60) == (
        "已建立数据文件夹 /srv/本局数据，复制了内置数据的 5 个文件：\n"
        "  pilots.yaml        试点集团与校区名单、角色、校长属性（方\n"
        "                     案附件）\n"
        "  campuses.csv       各校区每学年的学段、在校生数与班数（示\n"
        "                     例数字）\n"
        "  staff.csv          各校区在编教师与党员人数（示例数字）\n"
        "  campus_scores.csv  各校区年终考核得分（示例数字）\n"
        "  group_scores.csv   各集团党建与综合得分（示例数字）\n"
        "\n"
        "接下来请修改：\n"
        "  1. 把 campuses.csv、staff.csv、campus_scores.csv、\n"
        "     group_scores.csv 中的示例数字换成本局的正式统计；\n"
        "  2. 在 pilots.yaml 中核对集团与校区，填写\n"
        "     compulsory_schools_total（全区义务教育阶段学校总数），\n"
        "     并从 illustrative 名单中删去已换成正式数字的文件；\n"
        "  3. 本局自定的参数（如 finance.large_expense_threshold）写\n"
        "     入该文件夹的 policy.yaml；groupctl params 列出全部参\n"
        "     数、取值与来源；\n"
        "  4. 每次修改后运行 groupctl check --data '/srv/本局数据' 检\n"
        "     查。\n"
        "\n"
        "使用这些数据：在命令后加 --data，或在 shell 中设置一次\n"
        "GROUPCTL_DATA：\n"
        "  groupctl funding 2023 --data '/srv/本局数据'\n"
        "  export GROUPCTL_DATA='/srv/本局数据'\n"
    )
    assert init_report(target, copied, "en", 60) == (
        "Set up the data folder /srv/本局数据 with the 5 bundled data\n"
        "files:\n"
        "  pilots.yaml        the pilot groups and campuses, roles,\n"
        "                     head titles (the plan's annex)\n"
        "  campuses.csv       each campus's stage, students and\n"
        "                     classes per school year (example\n"
        "                     figures)\n"
        "  staff.csv          each campus's teachers on staff and\n"
        "                     party members (example figures)\n"
        "  campus_scores.csv  each campus's year-end score (example\n"
        "                     figures)\n"
        "  group_scores.csv   each group's party-building and\n"
        "                     comprehensive scores (example figures)\n"
        "\n"
        "What to edit next:\n"
        "  1. Replace the example figures in campuses.csv, staff.csv,\n"
        "     campus_scores.csv, group_scores.csv with the bureau's\n"
        "     official ones.\n"
        "  2. In pilots.yaml, check the groups and campuses, fill in\n"
        "     compulsory_schools_total (the district's\n"
        "     compulsory-stage schools) and remove from the\n"
        "     illustrative list each file whose figures are now\n"
        "     official.\n"
        "  3. Put the bureau's own parameter values (such as\n"
        "     finance.large_expense_threshold) in a policy.yaml in\n"
        "     the folder; groupctl params lists every parameter, its\n"
        "     value and where it comes from.\n"
        "  4. After each change, run groupctl check --data\n"
        "     '/srv/本局数据'.\n"
        "\n"
        "To use this data, add --data to a command, or set\n"
        "GROUPCTL_DATA once in the shell:\n"
        "  groupctl funding 2023 --data '/srv/本局数据'\n"
        "  export GROUPCTL_DATA='/srv/本局数据'\n"
    )
    # a file or a pipe gets each line whole
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert init_report(target, copied, "zh") == init_report(target, copied, "zh", None)
    assert "\n                     " not in init_report(target, copied, "zh")


def test_a_folder_wider_than_half_the_line_is_cut_as_any_long_word():
    from groupctl.init import bundled_files, init_report

    copied = tuple(p.name for p in bundled_files())
    target = Path("/srv/" + "本局数据" * 10)
    lines = init_report(target, copied, "zh", 60).splitlines()
    assert all(cells(line) <= 60 for line in lines)
    assert "\ue000" not in "".join(lines)
