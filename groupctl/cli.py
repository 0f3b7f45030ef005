"""The groupctl command line.

Each command parses its arguments, calls one typed function from ``groupctl.api``,
turns the result into a View and hands it to ``groupctl.render``.  This module is
the one error boundary: project errors and usage errors become one line on
stderr and exit code 2 (``GROUPCTL_DEBUG=1`` adds the traceback).
"""

from __future__ import annotations

import os
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from groupctl import __version__, api
from groupctl.errors import GroupctlError, UsageError
from groupctl.labels import Lang
from groupctl.render import Format, render
from groupctl.views import View

# --------------------------------------------------------------------------- error boundary


def _lang_in(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and i + 1 < len(argv) and argv[i + 1] == "en"):
            return "en"
    return "zh"


def _fail(message: str, lang: Lang) -> None:
    if os.environ.get("GROUPCTL_DEBUG"):
        traceback.print_exc()
    prefix = "错误：" if lang == "zh" else "error: "
    sys.stderr.write(prefix + " ".join(message.split()) + "\n")


class _Boundary(TyperGroup):
    """A command group whose ``main`` never lets a traceback reach the user."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = _lang_in(argv)
        try:
            rv = super().main(
                args=argv,
                prog_name="groupctl",  # also under test runners, which pass their own
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
            code = rv if isinstance(rv, int) else 0
        except GroupctlError as exc:
            _fail(str(exc), lang)
            code = 2
        except typer.TyperException as exc:  # typer's public base of every usage error
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            _fail(exc.format_message() + hint, lang)
            code = int(getattr(exc, "exit_code", 2))
        except typer.Abort:
            code = 1
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head); nothing more to say
            code = 0
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("GROUPCTL_DEBUG"):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc} (GROUPCTL_DEBUG=1 shows details)",
                lang,
            )
            code = 3
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=_Boundary,
    add_completion=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="沙坡头区集团化办学：专项经费、职数、审批与考核，每个数字注明方案条款。"
    " / Shapotou district education groups: funding, posts, approvals and grades, each"
    " figure traced to its clause of the plan.",
)


# --------------------------------------------------------------------------- shared options


class FormatChoice(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class LangChoice(StrEnum):
    zh = "zh"
    en = "en"


YearArg = Annotated[
    str,
    typer.Argument(
        help="学年（按起始年份，2023 = 2023–2024学年）/ school year by its first calendar year.",
        show_default=False,
    ),
]
DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="数据目录 / data directory (default: $GROUPCTL_DATA, ./data, bundled).",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    FormatChoice | None,
    typer.Option(
        "--format",
        "-f",
        help="输出格式 / output format (default: table, or from the -o extension).",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="写入文件（原子写入；CSV 带 BOM）/ write to FILE (atomic; CSV gets a UTF-8 BOM).",
        show_default=False,
    ),
]
LangOpt = Annotated[LangChoice, typer.Option("--lang", help="标签语言 / label language.")]
ExplainOpt = Annotated[
    bool,
    typer.Option("--explain", help="计算过程与条款 / show each figure's derivation and clause."),
]
CompareOpt = Annotated[
    bool,
    typer.Option(
        "--compare",
        help="与 --set 合用：原值、新值与差额并列 / with --set: baseline and modified figures side by side.",
    ),
]
SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="PATH=VALUE",
        help="临时修改参数，可重复 / override a policy parameter for this run (repeatable).",
        show_default=False,
    ),
]

_SUFFIX_FORMATS: dict[str, Format] = {
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
}


@dataclass(frozen=True)
class Out:
    """The shared output options of one command."""

    fmt: FormatChoice | None
    output: Path | None
    lang: LangChoice

    @property
    def lang_code(self) -> Lang:
        return "en" if self.lang is LangChoice.en else "zh"

    @property
    def file(self) -> Path | None:
        """The output file; None for stdout (no -o, or -o -)."""
        return None if self.output is None or str(self.output) == "-" else self.output

    def format(self) -> Format:
        if self.fmt is not None:
            return self.fmt.value
        if self.file is None:
            return "table"
        suffix = self.file.suffix.lower()
        if suffix not in _SUFFIX_FORMATS:
            known = ", ".join(_SUFFIX_FORMATS)
            raise UsageError(
                f"cannot tell the format of {str(self.file)!r} from its extension"
                f" (use {known}, or give --format)"
            )
        return _SUFFIX_FORMATS[suffix]


def _width() -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 40:
        return int(columns)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((80, 24)).columns, 40)
    return 80


def _emit(view: View, out: Out, protected: Sequence[Path] | None = None) -> None:
    """Render a view to stdout or a file, notes to stderr, then exit with its code."""
    fmt = out.format()
    if out.file is not None:
        from groupctl.output import write_atomic

        text = render(view, fmt, to_file=True, width=_width())
        guard = api.protected_files() if protected is None else protected
        write_atomic(out.file, text, bom=fmt == "csv", protected=guard)
        written = "已写入：" if out.lang_code == "zh" else "written: "
        view.notes.append(f"{written}{out.file}")
    else:
        terminal = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(render(view, fmt, terminal=terminal, width=_width()))
        sys.stdout.flush()
    for note in view.notes:
        sys.stderr.write(note + "\n")
    if view.exit_code:
        raise typer.Exit(view.exit_code)


def _computed(
    data: Path | None,
    sets: list[str] | None,
    compare: bool,
    out: Out,
    build: Callable[[api.Session], View],
) -> tuple[View, tuple[Path, ...]]:
    """Open the data, build the command's view, and with --compare set it beside the baseline."""
    session = api.open_session(data, sets or ())
    view = build(session)
    if compare:
        if not sets:
            raise UsageError("--compare needs at least one --set PATH=VALUE to compare against")
        from groupctl.views.compare import compare_view

        view = compare_view(build(session.baseline()), view, sets, out.lang_code)
    return view, session.files()


# --------------------------------------------------------------------------- commands


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"groupctl {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="显示版本 / show the version."
        ),
    ] = False,
) -> None:
    """沙坡头区集团化办学 groupctl."""
    if ctx.invoked_subcommand is None:  # bare `groupctl`: the help, and the usage exit code
        sys.stderr.write(ctx.get_help() + "\n")
        raise typer.Exit(2)


@app.command()
def groups(
    data: DataOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
) -> None:
    """试点集团与校区、角色、校长属性（附件）/ the groups, their campuses, roles and head titles."""
    from groupctl.views.groups import groups_view

    out = Out(fmt, output, lang)
    session = api.open_session(data)
    _emit(groups_view(session.data.pilots, out.lang_code), out, session.files())


@app.command()
def check(
    data: DataOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
) -> None:
    """检查所有数据文件，列出错误与警告（文件:行）；有错误时退出码 1 / validate every data file."""
    from groupctl.views.check import check_view

    out = Out(fmt, output, lang)
    directory, bundled, problems = api.check(data)
    _emit(
        check_view(directory, bundled, problems, out.lang_code), out, api.protected_files(directory)
    )


def _year_command(name: str, doc: str, compute: Callable[..., Any], view: str) -> None:
    """Register a command computing figures for one school year: YEAR plus every shared option.

    ``compute`` is the api function (session, year) → result; ``view`` names the
    function result → View as "module:function", imported only when the command runs.
    """

    def command(
        year: YearArg,
        data: DataOpt = None,
        fmt: FormatOpt = None,
        output: OutputOpt = None,
        lang: LangOpt = LangChoice.zh,
        explain: ExplainOpt = False,
        sets: SetOpt = None,
        compare: CompareOpt = False,
    ) -> None:
        from importlib import import_module

        module, function = view.split(":")
        make_view = getattr(import_module(module), function)
        out = Out(fmt, output, lang)

        def build(s: api.Session) -> View:
            result: View = make_view(compute(s, year), s.data, out.lang_code, explain)
            return result

        shown, files = _computed(data, sets, compare, out, build)
        _emit(shown, out, files)

    command.__doc__ = doc
    app.command(name)(command)


_year_command(
    "funding",
    "各集团该学年专项经费：基础、增补、合计（六（三））/ each group's special funding.",
    api.funding,
    "groupctl.views.funding:funding_view",
)
_year_command(
    "staffing",
    "各校区职数、教师编制、两教一保、党组织与班额（六（四）2、3）/ each campus's posts and party organisation.",
    api.staffing,
    "groupctl.views.staffing:staffing_view",
)


class FundChoice(StrEnum):
    school = "school"
    special = "special"


@app.command()
def approve(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="金额 / the sum: 45000 45,000 45000.50 4.5万 ￥45000 45000元",
            show_default=False,
        ),
    ],
    campus: Annotated[
        str,
        typer.Option(
            "--campus",
            "-c",
            help="校区 / campus: id, name, school or a unique part (镇罗).",
            show_default=False,
        ),
    ],
    fund: Annotated[
        FundChoice,
        typer.Option(
            "--fund", help="资金 / which money pays: school 学校资金, special 集团专项经费."
        ),
    ] = FundChoice.school,
    purpose: Annotated[
        str | None,
        typer.Option(
            "--purpose",
            "-p",
            help="专项经费用途（--fund special 时必填）/ what the special fund pays for.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            help="学年 / school year whose thresholds apply (default: the current one).",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    explain: ExplainOpt = False,
    sets: SetOpt = None,
    compare: CompareOpt = False,
) -> None:
    """一笔支出的审批路径（六（四）1、六（三））/ the approval path of one expenditure.

    专项经费（--fund special）的用途不在所列事项内时，输出一行原因并以退出码 1 结束。
    A special-fund purpose the plan does not list prints one line and exits 1.
    """
    from groupctl.views.approval import approval_view

    out = Out(fmt, output, lang)

    def build(s: api.Session) -> View:
        result = api.approve(s, amount, campus, fund.value, purpose, year)
        return approval_view(result, s.data, out.lang_code, explain)

    view, files = _computed(data, sets, compare, out, build)
    _emit(view, out, files)


@app.command()
def procedure(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[NAME]",
            help="budget | final-accounts | naming | leader-appointment | middle-appointment | teacher-plan；省略则列出全部 / omit to list them.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
) -> None:
    """固定程序的步骤：预决算、命名、干部任命、教师调配 / a fixed procedure's ordered steps."""
    from groupctl.rules.procedures import procedure as find
    from groupctl.views.procedures import procedure_view, procedures_list_view

    out = Out(fmt, output, lang)
    view = (
        procedures_list_view(out.lang_code)
        if name is None
        else procedure_view(find(name), out.lang_code)
    )
    _emit(view, out)


_year_command(
    "assess",
    "集团与学校双线考核：总分与等次（六（五））/ group and campus scores and grades.",
    api.assess,
    "groupctl.views.assessment:assessment_view",
)
_year_command(
    "allowance",
    "校（园）长津贴：基础津贴逐月、效能津贴按集团等次（六（四）4）/ each head's base and efficiency allowance.",
    api.allowance,
    "groupctl.views.allowance:allowance_view",
)


def main() -> None:
    """Console-script entry point."""
    command = typer.main.get_command(app)
    command.main(prog_name="groupctl")
