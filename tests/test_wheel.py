"""An installed groupctl carries its data: `groupctl funding 2023` works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO

GOLDEN = Path(__file__).parent / "golden" / "funding_2023.txt"


def test_the_wheel_carries_the_data_and_runs_from_any_folder(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("groupctl-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    assert {
        "groupctl/policy.yaml",
        "groupctl/data/pilots.yaml",
        "groupctl/data/campuses.csv",
        "groupctl/data/campus_scores.csv",
        "groupctl/data/group_scores.csv",
        "groupctl/data/staff.csv",
        "groupctl/cli.py",
    } <= names
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "GROUPCTL_DATA": ""}
    where = subprocess.run(
        [sys.executable, "-c", "import groupctl; print(groupctl.__file__)"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    ).stdout
    assert where.startswith(str(tmp_path / "site"))  # the unpacked wheel, not the checkout
    proc = subprocess.run(
        [sys.executable, "-m", "groupctl", "funding", "2023"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == GOLDEN.read_text(encoding="utf-8")
