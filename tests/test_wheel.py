"""An installed groupctl carries its data: `groupctl funding 2023` works from any folder,
whether pip installs it from the wheel or builds it from the sdist (SPEC §0)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

from tests.conftest import REPO

GOLDEN = Path(__file__).parent / "golden" / "funding_2023.txt"
DATA = ["pilots.yaml", "campuses.csv", "campus_scores.csv", "group_scores.csv", "staff.csv"]


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=True, **kwargs)  # type: ignore[call-overload,no-any-return]


def test_sdist_to_fresh_venv_runs_funding_in_an_empty_folder(tmp_path):
    # the sdist, as `python -m build` makes it first
    dist = tmp_path / "dist"
    _run(
        sys.executable,
        "-c",
        f"from hatchling.build import build_sdist; build_sdist({str(dist)!r})",
        cwd=REPO,
    )
    (sdist,) = dist.glob("groupctl-*.tar.gz")
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert {f"data/{f}" for f in DATA} <= names

    # then the wheel built from that sdist alone
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(dist),
        str(sdist),
    )
    (wheel,) = dist.glob("groupctl-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        assert {
            "groupctl/policy.yaml",
            "groupctl/cli.py",
            *(f"groupctl/data/{f}" for f in DATA),
        } <= set(zf.namelist())

    # a fresh venv: groupctl installed from that wheel; its dependencies borrowed, read-only,
    # from the test's own environment (appended to sys.path, after the venv's own packages)
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    site = Path(
        _run(
            str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        ).stdout.strip()
    )
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "--no-deps",
        "--no-index",
        "-q",
        str(wheel),
    )

    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("GROUPCTL_DATA", "PYTHONPATH")}
    where = _run(str(python), "-c", "import groupctl; print(groupctl.__file__)", cwd=empty, env=env)
    assert where.stdout.startswith(str(site))  # the installed copy, not the checkout
    proc = subprocess.run(
        [str(fresh / "bin" / "groupctl"), "funding", "2023"],
        capture_output=True,
        text=True,
        cwd=empty,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == GOLDEN.read_text(encoding="utf-8")
