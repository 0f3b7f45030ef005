"""The groupctl command line.

Each command parses its arguments, calls one typed function from ``groupctl.api``,
turns the result into an Output (``groupctl.views``) and hands it to ``emit``, which
draws it in the chosen format.  The output options are declared once, in ``_SHARED``,
and added to each command by ``shared``.  ``_Boundary.main`` is the one error
boundary: project errors and usage errors become one line on stderr and exit code 2
(``GROUPCTL_DEBUG=1`` adds the traceback).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from groupctl import __version__, api
from groupctl.errors import GroupctlError, UsageError
from groupctl.labels import Lang, t
from groupctl.numbers import clip_middle
from groupctl.output.model import ExitCode, Output
from groupctl.views import Ask

# --------------------------------------------------------------------------- error boundary


def _lang_in(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and i + 1 < len(argv) and argv[i + 1] == "en"):
            return "en"
    return "zh"


def _fail(message: str, lang: Lang) -> None:
    if sys.stderr is None:  # started with stderr closed: the exit code says it all
        return
    if os.environ.get("GROUPCTL_DEBUG"):
        traceback.print_exc()
    prefix = "错误：" if lang == "zh" else "error: "
    sys.stderr.write(prefix + _bounded(" ".join(message.split()), 400) + "\n")


def _bounded(line: str, limit: int) -> str:
    """A message line as printed: whole up to ``limit`` characters, else its two ends around
    …, so that a 100,000-character argument or name echoed back cannot flood the terminal."""
    return line if len(line) <= limit else clip_middle(line, limit * 2 // 3, limit // 3)


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
            code = rv if isinstance(rv, int) else ExitCode.OK
        except GroupctlError as exc:
            _fail(exc.render(lang), lang)
            code = ExitCode.USAGE
        except typer.TyperException as exc:  # typer's public base of every usage error
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            _fail(exc.format_message() + hint, lang)
            code = int(getattr(exc, "exit_code", ExitCode.USAGE))
        except typer.Abort:  # click's form of Ctrl-C (KeyboardInterrupt): quietly, as a shell would
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head); nothing more to say
            code = ExitCode.OK
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("GROUPCTL_DEBUG"):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc} (GROUPCTL_DEBUG=1 shows details)",
                lang,
            )
            code = ExitCode.BUG
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


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
    md = "md"
    xlsx = "xlsx"


class LangChoice(StrEnum):
    zh = "zh"
    en = "en"


_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".xlsx": "xlsx",
}


@dataclass(frozen=True)
class Options:
    """The output options every command shares (declared once, in ``_SHARED``)."""

    data: Path | None = None
    fmt: FormatChoice | None = None
    output: Path | None = None
    lang: LangChoice = LangChoice.zh
    explain: bool = False
    sets: tuple[str, ...] = ()
    compare: bool = False

    @property
    def lang_code(self) -> Lang:
        return "en" if self.lang is LangChoice.en else "zh"

    @property
    def ask(self) -> Ask:
        return Ask(self.lang_code, self.explain, self.sets)

    @property
    def file(self) -> Path | None:
        """The output file; None for stdout (no -o, or -o -)."""
        return None if self.output is None or str(self.output) == "-" else self.output

    def format(self) -> str:
        """The format to draw: --format, else the -o file's extension, else a table."""
        given = None if self.fmt is None else ("markdown" if self.fmt == "md" else self.fmt.value)
        implied = None if self.file is None else _SUFFIX_FORMATS.get(self.file.suffix.lower())
        if given is not None and implied is not None and given != implied:
            raise UsageError(
                f"--format {given} does not match the extension of {str(self.file)!r}"
                f" ({implied}); give a file name ending in the format's extension"
            )
        if given is None and self.file is not None and implied is None:
            raise UsageError(
                f"cannot tell the format of {str(self.file)!r} from its extension"
                f" (use {', '.join(_SUFFIX_FORMATS)}, or give --format)"
            )
        fmt = given or implied or "table"
        if fmt == "xlsx" and self.file is None:
            raise UsageError("xlsx is a file format: give -o FILE.xlsx")
        return fmt


_SHARED: dict[str, tuple[Any, Any]] = {
    "data": (
        Annotated[
            Path | None,
            typer.Option(
                "--data",
                show_default=False,
                help="数据目录 / data directory (default: $GROUPCTL_DATA, ./data, bundled).",
            ),
        ],
        None,
    ),
    "fmt": (
        Annotated[
            FormatChoice | None,
            typer.Option(
                "--format",
                "-f",
                show_default=False,
                help="输出格式 / output format (default: table, or from the -o extension).",
            ),
        ],
        None,
    ),
    "output": (
        Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                show_default=False,
                help="写入文件 / write to FILE (.csv .json .md .xlsx).",
            ),
        ],
        None,
    ),
    "lang": (
        Annotated[LangChoice, typer.Option("--lang", help="标签语言 / label language.")],
        LangChoice.zh,
    ),
    "explain": (
        Annotated[
            bool,
            typer.Option(
                "--explain", help="计算过程与条款 / show each figure's derivation and clause."
            ),
        ],
        False,
    ),
    "sets": (
        Annotated[
            list[str] | None,
            typer.Option(
                "--set",
                metavar="PATH=VALUE",
                show_default=False,
                help="临时修改参数，可重复 / override a policy parameter for this run.",
            ),
        ],
        None,
    ),
    "compare": (
        Annotated[
            bool,
            typer.Option(
                "--compare",
                help="与 --set 合用：原值、新值与差额 / with --set: baseline beside modified.",
            ),
        ],
        False,
    ),
}
OUTPUT = ("fmt", "output", "lang")
DATA = ("data", *OUTPUT)
COMPUTING = (*DATA, "explain", "sets", "compare")

F = TypeVar("F", bound=Callable[..., None])


def shared(*names: str) -> Callable[[F], F]:
    """Add the shared options ``names`` to a command that takes ``opts: Options``."""

    def wrap(fn: F) -> F:
        sig = inspect.signature(fn, eval_str=True)
        own = [p for p in sig.parameters.values() if p.name != "opts"]
        added = [
            inspect.Parameter(
                n, inspect.Parameter.KEYWORD_ONLY, default=_SHARED[n][1], annotation=_SHARED[n][0]
            )
            for n in names
        ]

        @functools.wraps(fn)
        def command(*args: Any, **kwargs: Any) -> None:
            given = {n: kwargs.pop(n) for n in names}
            given["sets"] = tuple(given.get("sets") or ())
            fn(*args, opts=Options(**given), **kwargs)

        params = [*own, *added]
        command.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        return command  # type: ignore[return-value]

    return wrap


# --------------------------------------------------------------------------- drawing


def _width() -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 40:
        return int(columns)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((80, 24)).columns, 40)
    return 80


def emit(out: Output, opts: Options, protected: Sequence[Path] | None = None) -> None:
    """Draw an Output to stdout or a file, notes to stderr, then exit with its code."""
    fmt = opts.format()
    lang = opts.lang_code
    if opts.file is not None:
        from groupctl.output.files import write_atomic

        if fmt == "xlsx":
            from groupctl.output.xlsx import render_xlsx

            data = render_xlsx(out, lang)
        else:
            from groupctl.output.render import render_text

            text = render_text(out, fmt, lang, to_file=True, width=_width())  # type: ignore[arg-type]
            data = text.encode("utf-8-sig" if fmt == "csv" else "utf-8")
        guard = api.protected_files() if protected is None else protected
        write_atomic(opts.file, data, protected=guard)
        out.notes.append(t("note.written", lang, file=opts.file))
    else:
        from groupctl.output.render import render_text

        if sys.stdout is None:  # started with stdout closed (>&-)
            raise UsageError("standard output is closed: nowhere to write (give -o FILE)")
        terminal = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = render_text(out, fmt, lang, terminal=terminal, width=_width())  # type: ignore[arg-type]
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk (>/dev/full), a device error
            _silence_stdout()
            raise UsageError(f"cannot write to standard output: {exc.strerror}") from None
    # the lines under a table (a refusal's reason) are for people: where the format has no
    # place for them (CSV, xlsx, JSON, which carries them in its body), they go to stderr
    said = out.lines if fmt in ("csv", "xlsx", "json") else []
    for note in [*said, *out.notes]:
        sys.stderr.write(_bounded(note, 2000) + "\n")
    if out.exit_code:
        raise typer.Exit(int(out.exit_code))


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that what is still buffered for a stream that failed
    cannot fail again, with a warning, when the program exits."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def computing(opts: Options, build: Callable[[api.Session], Output]) -> None:
    """Open the data, build the command's Output, and with --compare set it beside the baseline."""
    if opts.compare and not opts.sets:
        raise UsageError("--compare needs at least one --set PATH=VALUE to compare against")
    session = api.open_session(opts.data, opts.sets)
    out = build(session)
    if opts.compare:
        from groupctl.views.compare import compare_output

        out = compare_output(build(session.baseline()), out, opts.ask)
    emit(out, opts, session.files())


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
        raise typer.Exit(int(ExitCode.USAGE))


YearArg = Annotated[
    str,
    typer.Argument(
        metavar="YEAR",
        help="学年（按起始年份，2023 = 2023–2024学年）/ school year by its first calendar year.",
        show_default=False,
    ),
]


@app.command()
@shared(*DATA)
def groups(opts: Options) -> None:
    """试点集团与校区、角色、校长属性（附件）/ the groups, their campuses, roles and head titles."""
    from groupctl.views.groups import groups_view

    session = api.open_session(opts.data)
    emit(groups_view(session.data, opts.ask), opts, session.files())


@app.command()
@shared(*DATA)
def check(opts: Options) -> None:
    """检查所有数据文件，列出错误与警告（文件:行）；有错误时退出码 1 / validate every data file."""
    from groupctl.views.check import check_view

    directory, bundled, problems = api.check(opts.data)
    emit(check_view(directory, bundled, problems, opts.ask), opts, api.protected_files(directory))


@app.command()
@shared(*COMPUTING)
def funding(year: YearArg, opts: Options) -> None:
    """各集团该学年专项经费：基础、增补、合计（六（三））/ each group's special funding."""
    from groupctl.views.funding import funding_view

    computing(opts, lambda s: funding_view(api.funding(s, year), s.data, opts.ask))


@app.command()
@shared(*COMPUTING)
def staffing(year: YearArg, opts: Options) -> None:
    """各校区职数、教师编制、两教一保、党组织与班额（六（四）2、3）/ each campus's posts and party organisation."""
    from groupctl.views.staffing import staffing_view

    computing(opts, lambda s: staffing_view(api.staffing(s, year), s.data, opts.ask))


class FundChoice(StrEnum):
    school = "school"
    special = "special"


@app.command()
@shared(*COMPUTING)
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
    opts: Options,
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
            help="专项经费用途 / what the special fund pays for: a name or a unique part (课题).",
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
) -> None:
    """一笔支出的审批路径（六（四）1、六（三））/ the approval path of one expenditure.

    专项经费的用途可写全称或唯一的片段（课题）；不在所列事项内时仍给出路径并提示由一事一议审定，
    本局关闭清单（finance.special_fund_purposes_closed=true）时才拒绝并以退出码 1 结束。
    A special-fund purpose matches by name or unique fragment; one outside the plan's open
    list still gets its path with a warning, and is refused (exit 1) only when the bureau
    closes the list.
    """
    from groupctl.views.approval import approval_view

    def build(s: api.Session) -> Output:
        result = api.approve(s, amount, campus, fund.value, purpose, year)
        return approval_view(result, s.data, opts.ask)

    computing(opts, build)


@app.command()
@shared(*OUTPUT)
def procedure(
    opts: Options,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[NAME]",
            help="budget | final-accounts | naming | leader-appointment | middle-appointment | teacher-plan；省略则列出全部 / omit to list them.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """固定程序的步骤：预决算、命名、干部任命、教师调配 / a fixed procedure's ordered steps."""
    from groupctl.rules.procedures import procedure as find
    from groupctl.views.procedures import procedure_view, procedures_list_view

    out = procedures_list_view(opts.ask) if name is None else procedure_view(find(name), opts.ask)
    emit(out, opts)


@app.command()
@shared(*COMPUTING)
def assess(year: YearArg, opts: Options) -> None:
    """集团与学校双线考核：总分与等次（六（五））/ group and campus scores and grades."""
    from groupctl.views.assessment import assessment_view

    computing(opts, lambda s: assessment_view(api.assess(s, year), s.data, opts.ask))


@app.command()
@shared(*COMPUTING)
def allowance(year: YearArg, opts: Options) -> None:
    """校（园）长津贴：基础津贴逐月、效能津贴按集团等次（六（四）4）/ each head's base and efficiency allowance."""
    from groupctl.views.allowance import allowance_view

    computing(opts, lambda s: allowance_view(api.allowance(s, year), s.data, opts.ask))


@app.command()
@shared(*DATA, "sets")
def params(
    opts: Options,
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATH]",
            help="参数路径或其前缀（funding、teachers.student_ratio）；给出完整路径时另列历次取值"
            " / a parameter path or the start of paths; a full path also shows its dated values.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            help="学年 / school year (default: the current one).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """各参数的取值、来源与依据 / every parameter in force, where it comes from."""
    from groupctl.views.params import params_view

    result = api.params(opts.data, opts.sets, year, path)
    emit(params_view(result, opts.ask), opts, api.protected_files(result.directory))


@app.command()
@shared(*COMPUTING)
def coverage(year: YearArg, opts: Options) -> None:
    """义务教育阶段学校集团化办学覆盖率与目标（七（三））/ coverage against the 2025 target."""
    from groupctl.views.coverage import coverage_view

    computing(opts, lambda s: coverage_view(api.coverage(s, year), s.data, opts.ask))


@app.command()
@shared(*DATA)
def timeline(
    opts: Options,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="DATE",
            help="日期 / a date (2023-08-01): the phases in force and the duties due that month.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """实施步骤与例行事项（七）/ the plan's phases, milestones and recurring duties."""
    from groupctl.views.timeline import timeline_view

    emit(timeline_view(api.timeline(on, opts.data), opts.ask), opts)


@app.command()
@shared(*DATA)
def clauses(opts: Options) -> None:
    """方案条款、命令与参数 / clauses, their commands and parameters."""
    from groupctl.views.clauses import clauses_view

    emit(clauses_view(api.policy_for(opts.data), opts.ask), opts)


class ReportFormat(StrEnum):
    markdown = "markdown"
    md = "md"
    html = "html"
    xlsx = "xlsx"


_REPORT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_REPORT_SUFFIXES[".xlsx"] = "xlsx"


@app.command()
@shared("data", "output", "lang", "sets")
def report(
    year: YearArg,
    opts: Options,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help="报告格式 / markdown, html or xlsx (default: from the -o extension).",
        ),
    ] = None,
) -> None:
    """全年报告：经费、职数、考核、津贴、覆盖率、参数（-o 报告.md/.html/.xlsx）/ the year's whole report."""
    from groupctl.output.files import write_atomic
    from groupctl.report import build_report, render_report

    if opts.file is None:
        raise UsageError("report needs -o FILE (.md, .html or .xlsx)")
    # the extension tells the format, and --format may override it (issue 9): a report
    # saved as .txt for a mail system, or an .html printed under another name
    implied = _REPORT_SUFFIXES.get(opts.file.suffix.lower())
    given = None if fmt is None else ("markdown" if fmt == "md" else fmt.value)
    chosen = given or implied
    if chosen is None:
        raise UsageError(
            f"cannot tell the report format of {str(opts.file)!r} from its extension"
            " (use .md, .html or .xlsx, or give --format)"
        )
    session = api.open_session(opts.data, opts.sets)
    built = build_report(session, api.school_year(year), opts.ask)
    write_atomic(opts.file, render_report(built, chosen, opts.lang_code), protected=session.files())
    for note in [*built.notes, t("note.written", opts.lang_code, file=opts.file)]:
        sys.stderr.write(note + "\n")


def main() -> None:
    """Console-script entry point."""
    command = typer.main.get_command(app)
    command.main(prog_name="groupctl")
