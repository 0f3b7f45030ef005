"""Benchmark: start-up as clerks feel it, and scale as a province would load it (issue 11).

Every goal is a ratio between two figures measured in this one run, in CPU time (user +
system of the child process), so a busy machine, which delays a run more than it makes it
work, cannot make the benchmark lie:

1. start-up: ``funding 2023 --format json`` on the bundled data against a minimal typer
   app with the same kinds of options printing a small JSON document (≤ 1.25×); the
   table against that app printing a small rich table (≤ 1.25×); and, for information,
   against a bare ``import typer, ruamel.yaml``.
2. scale: a synthetic district of 2,000 groups / 10,000 campuses, ``funding 2023
   --format json``, median of 3, against the physical floor measured beside it (read
   the same files with the C YAML parser and the csv module, dump the same JSON):
   ≤ 2.7× the floor, which is 0.8 s at the 0.3 s floor the issue measured.  Then
   20,000 groups / 100,000 campuses: ≤ 10× the 10k time, peak memory ≤ 400 MB.

Each command runs in a fresh process from an empty folder (no ./data), with bytecode
caching on and one warm-up run first: the figures are those of an installed groupctl,
not of one that recompiles itself each run.  Exits 1 when a goal is missed.  Run it
with ``make bench``; it is deliberately not part of ``make test``.

    python scripts/bench.py            # everything (about a minute)
    python scripts/bench.py --no-100k  # start-up and 10k only
    python scripts/bench.py --keep DIR # also leave the synthetic districts in DIR
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from pathlib import Path

STARTUP_RUNS = 15
SCALE_RUNS = 3
GOAL_STARTUP = 1.25  # × the minimal typer app doing the same kind of output
GOAL_FLOOR = 2.7  # × the floor at 10k (0.8 s at the 0.3 s floor of the issue)
GOAL_LINEAR = 10.0  # 100k time × the 10k time: linear, not quadratic
GOAL_RSS_MB = 400  # peak memory at 100k

# ----------------------------------------------------------------------------- reference apps

_OPTIONS = '''
import json, sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


app = typer.Typer(add_completion=False)


@app.callback()
def root() -> None:
    """A minimal app."""


@app.command()
def funding(
    year: Annotated[str, typer.Argument()],
    data: Annotated[Path | None, typer.Option("--data")] = None,
    fmt: Annotated[Fmt | None, typer.Option("--format", "-f")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.zh,
    explain: Annotated[bool, typer.Option("--explain")] = False,
    sets: Annotated[list[str] | None, typer.Option("--set")] = None,
    compare: Annotated[bool, typer.Option("--compare")] = False,
) -> None:
    doc = {"command": "funding", "year": int(year), "groups": [{"group": "g1", "total": "100"}]}
'''
REFERENCE_JSON = _OPTIONS + textwrap.indent(
    "sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + '\\n')\n", "    "
)
REFERENCE_JSON += "\n\napp()\n"
REFERENCE_TABLE = _OPTIONS + textwrap.indent(
    textwrap.dedent(
        """\
        from rich.console import Console
        from rich.table import Table

        table = Table(title="funding")
        for key in ("group", "total"):
            table.add_column(key)
        for g in doc["groups"]:
            table.add_row(g["group"], g["total"])
        Console(width=80).print(table)
        """
    ),
    "    ",
)
REFERENCE_TABLE += "\n\napp()\n"
BARE_IMPORT = "import typer, ruamel.yaml\n"

# The physical floor: read the district's files with the C YAML parser and the csv module,
# and write the JSON document groupctl answers with.  Nothing is checked or computed.
FLOOR = """
import csv, json, sys
from pathlib import Path
from ruamel.yaml import CParser

folder = Path(sys.argv[1])
parser = CParser((folder / "pilots.yaml").read_text(encoding="utf-8"))
events = 0
while parser.check_event():
    parser.get_event()
    events += 1
parser.dispose()
rows = 0
for name in ("campuses.csv", "staff.csv"):
    with open(folder / name, encoding="utf-8", newline="") as f:
        rows += sum(1 for _ in csv.reader(f))
doc = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\\n")
"""

# ----------------------------------------------------------------------------- synthetic data


def make_district(folder: Path, groups: int, per_group: int = 5) -> int:
    """A district of ``groups`` groups of ``per_group`` campuses, as a clerk's files would
    hold it: pilots.yaml, campuses.csv (2022 and 2023), staff.csv and the score files.
    Every fifth group is a kindergarten group; some campuses join late, leave early, have
    aliases or teach two stages.  Returns the number of campuses."""
    folder.mkdir(parents=True, exist_ok=True)
    pilots = [
        "# synthetic district (scripts/bench.py)",
        "district: 合成区",
        f"compulsory_schools_total: {groups * per_group}",
        "groups:",
    ]
    enrollment = ["year,campus,stage,students,classes"]
    staff = ["year,campus,teachers,party_members"]
    campus_scores = ["year,campus,score"]
    group_scores = ["year,group,party_building,comprehensive"]
    count = 0
    for g in range(1, groups + 1):
        gid = f"g{g:05d}"
        kinder = g % 5 == 0
        gname = f"合成第{g:05d}{'幼儿园' if kinder else '学校'}教育集团"
        pilots += [
            f"  - id: {gid}",
            f"    name: {gname}",
            f"    type: {'kindergarten' if kinder else 'school'}",
            "    campuses:",
        ]
        for c in range(1, per_group + 1):
            count += 1
            cid = f"{gid}-c{c}"
            lead = c == 1
            head = (
                ("总园长" if lead else "执行园长")
                if kinder
                else ("总校校长" if lead else "执行校长")
            )
            pilots += [
                f"      - id: {cid}",
                f"        name: {gname}{'总校' if lead else f'第{c}校区'}",
                f"        school: 合成区第{count:06d}{'幼儿园' if kinder else '学校'}",
                f"        role: {'lead' if lead else 'member'}",
                f"        head: {head}",
            ]
            if c == 2:
                pilots.append(f"        aliases: [合成{count:06d}号校]")
            if c == 3 and g % 7 == 0:
                pilots.append("        from: 2023")
            if c == 4 and g % 11 == 0:
                pilots.append("        until: 2024")
            stages = (
                ["kindergarten"] if kinder else ["primary", "junior"] if c == 5 else ["primary"]
            )
            for year in (2022, 2023):
                if c == 3 and g % 7 == 0 and year < 2023:
                    continue
                for stage in stages:
                    students = 180 + (count * 37 + year) % 2400
                    enrollment.append(f"{year},{cid},{stage},{students},{students // 45 + 1}")
                teachers = 12 + count % 90
                staff.append(f"{year},{cid},{teachers},{teachers // 3}")
            campus_scores.append(f"2023,{cid},{80 + count % 20}.{count % 100:02d}")
        group_scores.append(f"2023,{gid},{80 + g % 20}.50,{75 + g % 25}.00")
    files = {
        "pilots.yaml": pilots,
        "campuses.csv": enrollment,
        "staff.csv": staff,
        "campus_scores.csv": campus_scores,
        "group_scores.csv": group_scores,
    }
    for name, lines in files.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


# ----------------------------------------------------------------------------- running


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GROUPCTL_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package runs from its bytecode
    env.pop("COLUMNS", None)
    return env


def run(argv: Sequence[str], cwd: Path, stdout: Path | None = None) -> tuple[float, float]:
    """CPU seconds (user + system) and peak memory (MB) of one run of ``argv``; fails on
    a non-zero exit.  CPU time, not wall time: other work on the machine delays a run
    but hardly makes it spend more CPU, so the ratios hold on a busy machine."""
    out = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115
    try:
        proc = subprocess.Popen(argv, cwd=cwd, env=_env(), stdout=out, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        took = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{err.decode()[-2000:]}")
    return took, usage.ru_maxrss / 1024


def medians(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    """The median CPU time of each command, the commands interleaved run by run so that
    a change in the machine's load falls on all of them alike."""
    for argv in commands.values():
        run(argv, cwd)  # warm-up: bytecode written, files in the page cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run(argv, cwd)[0])
    return {name: statistics.median(t) for name, t in times.items()}


class Report:
    def __init__(self) -> None:
        self.ok = True

    def goal(self, label: str, figure: str, ratio: float, goal: float, unit: str = "×") -> None:
        met = ratio <= goal
        self.ok &= met
        shown = f"{ratio:6.2f}×" if unit == "×" else " " * 7
        verdict = "ok" if met else "MISSED"
        print(f"  {label:44} {figure:>22}  {shown} (goal ≤ {goal:g}{unit})  {verdict}")

    def info(self, label: str, figure: str) -> None:
        print(f"  {label:44} {figure:>22}")


def startup(report: Report, work: Path) -> None:
    gc = [sys.executable, "-m", "groupctl"]
    refs = {"ref_json.py": REFERENCE_JSON, "ref_table.py": REFERENCE_TABLE}
    for name, text in refs.items():
        (work / name).write_text(text, encoding="utf-8")
    commands = {
        "json": [*gc, "funding", "2023", "--format", "json"],
        "ref_json": [sys.executable, str(work / "ref_json.py"), "funding", "2023", "-f", "json"],
        "table": [*gc, "funding", "2023"],
        "ref_table": [sys.executable, str(work / "ref_table.py"), "funding", "2023"],
        "bare": [sys.executable, "-c", BARE_IMPORT],
    }
    m = medians(commands, STARTUP_RUNS, work)
    print(f"start-up (bundled data, CPU time, median of {STARTUP_RUNS} interleaved runs):")
    ms = {k: f"{v * 1000:.0f} ms" for k, v in m.items()}
    report.goal(
        "funding 2023 -f json / typer app printing JSON",
        f"{ms['json']} / {ms['ref_json']}",
        m["json"] / m["ref_json"],
        GOAL_STARTUP,
    )
    report.goal(
        "funding 2023 (table) / typer app, rich table",
        f"{ms['table']} / {ms['ref_table']}",
        m["table"] / m["ref_table"],
        GOAL_STARTUP,
    )
    report.info(
        "funding 2023 -f json / import typer, ruamel",
        f"{ms['json']} / {ms['bare']}  {m['json'] / m['bare']:.2f}×",
    )


def scale(report: Report, work: Path, big: bool) -> None:
    small = work / "district-10k"
    n = make_district(small, 2_000)
    gc = [sys.executable, "-m", "groupctl", "funding", "2023", "--format", "json", "--data"]
    answer = work / "answer-10k.json"
    run([*gc, str(small)], work, stdout=answer)  # warm-up, and the JSON the floor writes
    floor = [sys.executable, "-c", FLOOR, str(small), str(answer)]
    m = medians({"groupctl": [*gc, str(small)], "floor": floor}, SCALE_RUNS, work)
    rss10 = run([*gc, str(small)], work)[1]
    print(f"scale (funding 2023 -f json, CPU time, median of {SCALE_RUNS}):")
    report.goal(
        f"{n:,} campuses / the floor",
        f"{m['groupctl']:.2f} s / {m['floor']:.2f} s",
        m["groupctl"] / m["floor"],
        GOAL_FLOOR,
    )
    report.info(f"{n:,} campuses, CPU time (issue: ≤ 0.8 s)", f"{m['groupctl']:.2f} s")
    report.info(f"{n:,} campuses, peak memory", f"{rss10:.0f} MB")
    if not big:
        return
    large = work / "district-100k"
    n = make_district(large, 20_000)
    took, rss = run([*gc, str(large)], work)
    report.goal(
        f"{n:,} campuses / {m['groupctl']:.2f} s at 10k",
        f"{took:.2f} s",
        took / m["groupctl"],
        GOAL_LINEAR,
    )
    report.goal(f"{n:,} campuses, peak memory", f"{rss:.0f} MB", rss, GOAL_RSS_MB, " MB")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-100k", action="store_true", help="skip the 100,000-campus run")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up figures")
    parser.add_argument("--keep", type=Path, help="write the districts here and keep them")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]} ({sys.executable}); load {os.getloadavg()}")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="groupctl-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if not args.no_startup:
            startup(report, work)
        scale(report, work, not args.no_100k)
    print(f"load afterwards {os.getloadavg()}")
    print("all goals met" if report.ok else "a goal was MISSED")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
