"""The layout is the architecture: domain code imports no CLI or rendering library,
and a command loads only what it renders with."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

DOMAIN = [
    "groupctl.model",
    "groupctl.loaders",
    "groupctl.policy",
    "groupctl.rules.funding",
    "groupctl.rules.assessment",
    "groupctl.rules.allowance",
    "groupctl.rules.staffing",
    "groupctl.views.funding",
    "groupctl.views.staffing",
    "groupctl.views.groups",
    "groupctl.views.check",
    "groupctl.views.assessment",
    "groupctl.views.allowance",
    "groupctl.views.approval",
    "groupctl.views.procedures",
    "groupctl.views.compare",
    "groupctl.output.model",
    "groupctl.output.render",  # draws with rich and tabulate, imported only when it draws
    "groupctl.output.xlsx",
    "groupctl.api",
    "groupctl.rules.coverage",
    "groupctl.rules.timeline",
    "groupctl.views.coverage",
    "groupctl.views.timeline",
    "groupctl.views.clauses",
    "groupctl.views.params",
    "groupctl.report",
]


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "GROUPCTL_DATA": ""},
    ).stdout
    return set(out.split())


FRAMEWORKS = {"typer", "rich", "tabulate", "click", "xlsxwriter"}


def _loaded(*modules: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", f"import {', '.join(modules)}, sys; print(*sys.modules)"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "GROUPCTL_DATA": ""},
    )


def test_domain_modules_import_no_typer_or_rich():
    # all of them in one interpreter: if none of them pulls a framework in, each alone
    # cannot either; only when one does, each alone (at once) says which
    together = _loaded(*DOMAIN)
    out = set(together.communicate()[0].split())
    assert together.returncode == 0
    if not FRAMEWORKS & out:
        assert set(DOMAIN) <= out
        return
    runs = {m: _loaded(m) for m in DOMAIN}
    bad = {m: FRAMEWORKS & set(run.communicate()[0].split()) for m, run in runs.items()}
    assert bad == {m: set() for m in DOMAIN}


@pytest.mark.parametrize(
    ("command", "rule"),
    [
        ("funding", "funding"),
        ("staffing", "staffing"),
        ("assess", "assessment"),
        ("allowance", "allowance"),
    ],
)
def test_json_output_does_not_load_rich_or_tabulate(command, rule):
    code = (
        "import sys, io\n"
        "from groupctl.cli import app\n"
        "from typer.main import get_command\n"
        "sys.stdout = io.StringIO()\n"
        f"get_command(app).main(['{command}', '2023', '-f', 'json'], standalone_mode=False)\n"
        "sys.stdout = sys.__stdout__\n"
    )
    loaded = modules_after(code)
    assert f"groupctl.rules.{rule}" in loaded
    assert not {"rich", "tabulate", "xlsxwriter"} & loaded
