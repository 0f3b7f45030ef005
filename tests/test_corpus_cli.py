"""Bad input at the command line and around the output (issue 10): output files, the data
folder, standard streams, interrupts.  Each case: one line on stderr naming what is wrong,
exit 2 (or the shell's 130/143 for an interrupt), no traceback, no damaged or stray file."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from groupctl.entry import Terminated
from groupctl.errors import UsageError
from groupctl.output.files import write_atomic
from tests.conftest import REPO

ENTRY = [sys.executable, "-m", "groupctl"]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder whose ./data is the data folder in force (a copy of the bundled)."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_error(result, *parts: str) -> None:
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for part in parts:
        assert part in lines[0]


# --------------------------------------------------------------------------- class 3: -o


@pytest.mark.parametrize(
    "args",
    [
        ("procedure", "budget", "-o", "data/campuses.csv"),  # reads no data at all
        ("procedure", "budget", "-f", "json", "-o", "data/pilots.yaml"),
        ("timeline", "-f", "csv", "-o", "data/staff.csv"),
        ("clauses", "-f", "md", "-o", "data/policy.yaml"),  # absent yet: still the folder's
        ("funding", "2023", "-f", "csv", "-o", "data/campus_scores.csv"),
        ("groups", "-f", "csv", "-o", "./data/../data/group_scores.csv"),
        ("report", "2023", "-f", "md", "-o", "data/post_assessment.csv"),
    ],
)
def test_no_command_writes_over_a_file_of_the_data_folder_in_force(cli, folder, args):
    before = {p.name: p.read_bytes() for p in (folder / "data").iterdir()}
    one_error(cli(*args), "不能把输出写到数据文件")
    assert {p.name: p.read_bytes() for p in (folder / "data").iterdir()} == before


def test_the_data_folder_named_by_groupctl_data_is_protected_too(cli, tmp_path):
    data = tmp_path / "elsewhere"
    shutil.copytree(REPO / "data", data)
    before = (data / "pilots.yaml").read_bytes()
    env = {"GROUPCTL_DATA": str(data)}
    result = cli("procedure", "-f", "json", "-o", str(data / "pilots.yaml"), env=env)
    one_error(result, "不能把输出写到数据文件")
    assert (data / "pilots.yaml").read_bytes() == before


def test_a_symlink_to_a_data_file_is_the_data_file(cli, folder):
    (folder / "innocent.csv").symlink_to(folder / "data" / "campuses.csv")
    one_error(
        cli("procedure", "budget", "-o", "innocent.csv"), "不能把输出写到数据文件“innocent.csv”上"
    )


# --------------------------------------------------------------------------- class 6: paths


def test_output_onto_a_symlink_loop(cli, folder):
    (folder / "a.csv").symlink_to(folder / "b.csv")
    (folder / "b.csv").symlink_to(folder / "a.csv")
    one_error(cli("funding", "2023", "-o", "a.csv"), "无法写入“a.csv”：符号链接绕成了环")


@pytest.mark.parametrize("length", [300, 5000])
def test_output_name_too_long(cli, folder, length):
    result = cli("funding", "2023", "-o", "x" * length + ".csv")
    one_error(result, "无法写入", "…", "：名称太长")
    assert len(result.stderr) < 300  # the name is shortened, never printed whole


@pytest.mark.parametrize("length", [300, 5000])
def test_data_folder_name_too_long(cli, tmp_path, length):
    result = cli("funding", "2023", "--data", str(tmp_path / ("d" * length)))
    one_error(result, "错误：数据文件夹“", "（来自 --data）：名称太长")
    assert len(result.stderr) < 300


def test_data_folder_that_is_a_symlink_loop(cli, tmp_path):
    (tmp_path / "d1").symlink_to(tmp_path / "d2")
    (tmp_path / "d2").symlink_to(tmp_path / "d1")
    one_error(cli("funding", "2023", "--data", str(tmp_path / "d1")), "错误：数据文件夹“")


def test_output_into_a_folder_that_does_not_exist(cli, folder):
    one_error(cli("funding", "2023", "-o", "nowhere/x.csv"), "输出文件夹“", "”不存在")


def test_output_onto_a_directory(cli, folder):
    (folder / "out.csv").mkdir()
    one_error(
        cli("funding", "2023", "-o", "out.csv"), "输出“out.csv”不是普通文件（是文件夹或设备）"
    )


# --------------------------------------------------------------------------- class 8: interrupts


@pytest.mark.parametrize("signal_", [KeyboardInterrupt, Terminated])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path, monkeypatch, signal_
):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise signal_

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(signal_):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_failed_write_says_why_and_leaves_nothing(tmp_path, monkeypatch):
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UsageError, match="no space left on the disk") as err:
        write_atomic(tmp_path / "out.csv", b"new")
    assert err.value.render("zh").endswith("”：磁盘空间已满")
    assert list(tmp_path.iterdir()) == []


def run(*args: str, stdout=subprocess.PIPE, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*ENTRY, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "GROUPCTL_DATA": "", **(env or {})},
        cwd=REPO / "tests",  # no ./data here: the bundled copy is in force
        timeout=30,
    )


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_the_run_quietly(sig, code):
    # sent while the program imports and works (after the interpreter's own start-up,
    # which no Python program can reach): never a traceback
    p = subprocess.Popen(
        [*ENTRY, "report", "2023", "-f", "md", "-o", os.devnull],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO / "tests",
    )
    time.sleep(0.15)
    p.send_signal(sig)
    _, err = p.communicate(timeout=30)
    if p.returncode == 0:  # the machine was faster than the signal
        pytest.skip("the run ended before the signal arrived")
    # while loading, the system ends it by the signal itself (the shell reports 128 + N);
    # once running, groupctl exits with that code after cleaning up
    assert p.returncode in (code, -sig)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


# --------------------------------------------------------------------------- class 6: streams


def test_stdout_closed():
    result = subprocess.run(
        [*ENTRY, "funding", "2023"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO / "tests",
        timeout=30,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 2
    assert result.stderr == "错误：标准输出已关闭，无处输出（请用 -o 文件名）\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_stdout_on_a_full_disk():
    with open("/dev/full", "w") as full:
        result = run("funding", "2023", "-f", "json", stdout=full)
    assert result.returncode == 2
    assert result.stderr == "错误：无法写入标准输出：磁盘已满\n"
    assert len(result.stderr.splitlines()) == 1  # and no warning at exit


def test_an_ascii_only_output_encoding_still_gets_the_figures():
    result = run("funding", "2023", "-f", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "中卫市第七小学教育集团" in result.stdout  # UTF-8, groupctl's encoding


# --------------------------------------------------------------------------- found by an adversary

LONG = "a" * 100_000


@pytest.mark.parametrize(
    "args",
    [
        ("funding", LONG),
        (LONG,),
        ("approve", "5000", "-c", "镇" * 30_000),
        ("procedure", LONG),
        ("funding", "2023", "-f", LONG),
        ("funding", "2023", f"--{LONG}"),
        ("clauses", LONG),
        ("funding", "2023", "--set", f"assessment.grades=90:{LONG},0:fail"),
    ],
)
def test_a_huge_argument_is_echoed_back_shortened(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and len(result.stderr) < 500
    assert "…" in result.stderr


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "teachers.student_ratio.primary=0.00000000001",
            "取值应在 1 至 100 生/编制之间，而不是“1E-11”",
        ),
        ("leaders.heads=0", "取值应在 1 至 5 名之间"),
        ("leaders.school=0:999999999999", "分档数值应在 0 至 20 名之间"),
        ("class_size.max.primary=0", "取值应在 10 至 100 人/班之间"),
        ("funding.base_per_group=100000001", "取值应在 0 至 100000000 元之间"),
    ],
)
def test_a_nonsensical_parameter_is_refused_by_its_declared_range(cli, setting, message):
    one_error(cli("staffing", "2023", "--set", setting), message)


def test_a_nonsensical_parameter_in_policy_yaml_is_an_error_check_reports(cli, tmp_path):
    d = tmp_path / "data"
    shutil.copytree(REPO / "data", d)
    (d / "policy.yaml").write_text("class_size:\n  max:\n    primary: 0\n", encoding="utf-8")
    one_error(
        cli("staffing", "2023", "--data", str(d)), "policy.yaml:3：", "取值应在 10 至 100 人/班之间"
    )
    check = cli("check", "--data", str(d))
    assert check.exit_code == 1 and "policy.yaml" in check.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("中卫市第四中学教育集团镇罗校区\u202e", "name 不能含控制字符或格式字符 U+202E"),
        ("镇" * 40_000, "name 至多 100 个字符"),
    ],
)
def test_a_name_that_would_garble_the_tables_is_refused(cli, tmp_path, name, message):
    d = tmp_path / "data"
    shutil.copytree(REPO / "data", d)
    text = (d / "pilots.yaml").read_text(encoding="utf-8")
    (d / "pilots.yaml").write_text(
        text.replace("name: 中卫市第四中学教育集团镇罗校区", f"name: {name}", 1), encoding="utf-8"
    )
    result = cli("funding", "2023", "--data", str(d))
    one_error(result, "pilots.yaml:", message)
    assert len(result.stderr) < 500
