"""Shared fixtures: a CLI runner and a small data directory written per test."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from groupctl.cli import app
from groupctl.loaders import load_data
from groupctl.model import Dataset
from groupctl.policy import Policy, load_policy

REPO = Path(__file__).resolve().parent.parent

# No property test may fail because the machine is busy: no per-example deadline; 60 examples
# each (tests that need more say so) keep make test within its 30 s.
settings.register_profile("groupctl", deadline=None, max_examples=60)
settings.load_profile("groupctl")

# One school group (lead + three members, one joining in 2024 and one leaving
# after 2023) and one kindergarten group: small enough to reason about by hand.
PILOTS = textwrap.dedent(
    """\
    district: 测试区
    groups:
      - id: g1
        name: 甲教育集团
        type: school
        campuses:
          - id: g1-main
            name: 甲教育集团总校
            school: 甲中学
            role: lead
            head: 总校校长
          - id: g1-east
            name: 甲教育集团东校区
            school: 东小学
            role: member
            head: 执行校长
          - id: g1-west
            name: 甲教育集团西校区
            school: 西小学
            role: member
            head: 执行校长
            until: 2023
          - id: g1-new
            name: 甲教育集团新校区
            school: 新小学
            role: member
            head: 执行校长
            from: 2024
      - id: k1
        name: 乙幼儿园教育集团
        type: kindergarten
        campuses:
          - id: k1-main
            name: 乙幼儿园教育集团总园
            school: 乙幼儿园
            role: lead
            head: 总园长
          - id: k1-south
            name: 乙幼儿园教育集团南分园
            school: 南幼儿园
            role: member
            head: 执行园长
    """
)

CAMPUSES = textwrap.dedent(
    """\
    year,campus,stage,students,classes
    2023,g1-main,junior,900,20
    2023,g1-east,primary,499,12
    2023,g1-west,primary,200,8
    2023,k1-main,kindergarten,300,10
    2023,k1-south,kindergarten,199,7
    2024,g1-main,junior,950,20
    2024,g1-east,primary,500,12
    2024,g1-new,primary,120,6
    2024,k1-main,kindergarten,310,10
    2024,k1-south,kindergarten,210,8
    """
)


@pytest.fixture
def write_data(tmp_path: Path) -> Callable[..., Path]:
    """Write a data directory; each file defaults to the small fixture above."""

    def write(
        pilots: str | None = PILOTS,
        campuses: str | bytes | None = CAMPUSES,
        policy: str | None = None,
        name: str = "data",
    ) -> Path:
        d = tmp_path / name
        d.mkdir()
        if pilots is not None:
            (d / "pilots.yaml").write_text(pilots, encoding="utf-8")
        if isinstance(campuses, bytes):
            (d / "campuses.csv").write_bytes(campuses)
        elif campuses is not None:
            (d / "campuses.csv").write_text(campuses, encoding="utf-8")
        if policy is not None:
            (d / "policy.yaml").write_text(textwrap.dedent(policy), encoding="utf-8")
        return d

    return write


@pytest.fixture
def small(write_data: Callable[..., Path]) -> tuple[Dataset, Policy]:
    d = write_data()
    return load_data(d), load_policy(d)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(
        env={"GROUPCTL_DATA": None, "GROUPCTL_DEBUG": None, "NO_COLOR": None, "COLUMNS": None}
    )


@pytest.fixture
def cli(runner: CliRunner) -> Callable[..., object]:
    def invoke(*args: str, env: dict[str, str] | None = None) -> object:
        return runner.invoke(app, list(args), env=env)

    return invoke
