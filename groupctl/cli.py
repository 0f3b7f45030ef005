"""The groupctl command line.

Each command parses its arguments, calls one typed function from ``groupctl.api``,
turns the result into an Output (``groupctl.views``) and hands it to ``emit``, which
draws it in the chosen format.  The output options are declared once, in ``_SHARED``,
and added to each command by ``shared``.  ``_Boundary.main`` is the one error
boundary: project errors and usage errors become one line on stderr and exit code 2
(``GROUPCTL_DEBUG=1`` adds the traceback).

Every text the user reads is in the ``--lang`` language, Chinese by default, known from
the command line before it is parsed (``_lang_in``): the framework's usage errors are put
into catalogue sentences from the exception's public attributes (``_usage_message``), an
unknown command or option value gets a suggestion (``groupctl.suggest``), and ``--help`` is
drawn by ``groupctl.clihelp`` — wrapped by display cells, with examples.  Notes on stderr
and the ``--explain`` lines on a terminal are wrapped at word or character boundaries to
its width (``groupctl.wrapping``).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import inspect
import os
import re
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from groupctl import __version__, api
from groupctl.catalogue import Join, Msg, msg, render
from groupctl.errors import GroupctlError, UsageError
from groupctl.labels import Lang, t
from groupctl.numbers import clip_middle
from groupctl.output.model import ExitCode, Output
from groupctl.suggest import closest
from groupctl.views import Ask

# --------------------------------------------------------------------------- error boundary


def _lang_in(argv: Sequence[str]) -> Lang:
    """The language asked for anywhere on the command line (``--lang en``, ``--lang=EN``),
    known before parsing, so that even a usage error and ``--help`` speak it."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg[len("--lang=") :] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value is not None and value.strip().lower() == "en":
            return "en"
    return "zh"


# the language of this run, for --help (the framework asks for help text with no way to
# pass it along): set by ``_Boundary.main`` from the command line before parsing
_LANG: list[Lang] = ["zh"]


def _stderr_width() -> int | None:
    """The width to wrap stderr lines to: the terminal's, when stderr is one."""
    try:
        if sys.stderr is None or not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    try:
        return max(os.get_terminal_size(sys.stderr.fileno()).columns, 20)
    except (OSError, ValueError, AttributeError):
        return None


def _say(line: str) -> None:
    """One message on stderr: wrapped at word and character boundaries on a terminal."""
    width = _stderr_width()
    if width is not None:
        from groupctl.wrapping import wrap_text

        line = wrap_text(line, width)
    sys.stderr.write(line + "\n")


def _fail(message: str, lang: Lang) -> None:
    if sys.stderr is None:  # started with stderr closed: the exit code says it all
        return
    if os.environ.get("GROUPCTL_DEBUG"):
        traceback.print_exc()
    _say(t("cli.error", lang, message=_bounded(" ".join(message.split()), 400)))


def _bounded(line: str, limit: int) -> str:
    """A message line as printed: whole up to ``limit`` characters, else its two ends around
    …, so that a 100,000-character argument or name echoed back cannot flood the terminal."""
    return line if len(line) <= limit else clip_middle(line, limit * 2 // 3, limit // 3)


def _param_label(param: Any) -> str:
    """How an error names a parameter: an argument by its metavar (YEAR), an option by its
    names (--campus / -c)."""
    if param.param_type_name == "argument":
        return str(param.metavar or str(param.name).upper())
    return " / ".join(param.opts)


def _with_help(message: Msg, ctx: Any) -> Msg:
    return (
        message if ctx is None else msg("cli.see_help", message=message, command=ctx.command_path)
    )


_NEGATIVE = re.compile(r"-[0-9０-９][0-9０-９,，.．]*万?元?")


def _command_options(ctx: Any) -> set[str]:
    """Every option some command takes: one given before the command is misplaced."""
    group = ctx.command
    return {
        opt
        for name in group.list_commands(ctx)
        for p in group.get_command(ctx, name).get_params(ctx)
        for opt in p.opts
    }


def _usage_message(exc: typer.TyperException, lang: Lang) -> str:
    """A usage error of the framework in the user's language, from the exception's public
    attributes: ``param`` (with ``param_type`` when it is missing), ``option_name`` (with
    ``possibilities`` when there is no such option), else its message."""
    ctx = getattr(exc, "ctx", None)
    param = getattr(exc, "param", None)
    option = getattr(exc, "option_name", None)
    message: Msg
    if param is not None and hasattr(exc, "param_type"):
        kind = "argument" if param.param_type_name == "argument" else "option"
        message = msg(f"cli.missing.{kind}", name=_param_label(param))
    elif param is not None:
        message = msg("cli.bad_value", name=_param_label(param))
    elif option is not None and hasattr(exc, "possibilities"):
        known = [] if ctx is None else [o for p in ctx.command.get_params(ctx) for o in p.opts]
        close = closest(option, [o for o in known if o.startswith("--")] or known)
        if _NEGATIVE.fullmatch(option):  # approve -5: the parser takes it for an option
            message = msg("cli.negative", value=option)
        elif ctx is not None and ctx.parent is None and option in _command_options(ctx):
            message = msg("cli.option_after_command", name=option)
        elif close:
            message = msg("cli.no_option.suggest", name=option, names=Join(tuple(close)))
        else:
            message = msg("cli.no_option", name=option)
    elif option is not None:
        # the parser raises it without a context: its message tells the two kinds apart
        flag = "does not take" in str(getattr(exc, "message", ""))
        message = msg(
            "cli.option_takes_no_value" if flag else "cli.option_needs_value", name=option
        )
    else:
        detail = exc.format_message()
        extra = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", detail, re.S)
        if extra:
            message = msg("cli.extra_arguments", args=extra.group(1))
        else:
            message = msg("cli.usage", detail=detail)
    return render(_with_help(message, ctx), lang)


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
        _LANG[0] = lang
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
            _fail(_usage_message(exc, lang), lang)
            code = int(getattr(exc, "exit_code", ExitCode.USAGE))
        except typer.Abort:  # click's form of Ctrl-C (KeyboardInterrupt): quietly, as a shell would
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head); nothing more to say
            code = ExitCode.OK
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("GROUPCTL_DEBUG"):
                raise
            _fail(t("cli.internal", lang, kind=type(exc).__name__, detail=exc), lang)
            code = ExitCode.BUG
        if standalone_mode:
            sys.exit(int(code))
        return int(code)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command is an error in the user's language, with the closest names."""
        name = args[0] if args else ""
        unknown = name and not name.startswith("-") and self.get_command(ctx, name) is None
        if unknown and not ctx.resilient_parsing:  # (completion asks quietly)
            close = closest(name, list(self.commands))
            message = (
                msg("cli.no_command.suggest", name=name, names=Join(tuple(close)))
                if close
                else msg("cli.no_command", name=name)
            )
            raise UsageError(_with_help(message, ctx))
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from groupctl.clihelp import group_help

        formatter.write(group_help(ctx, self, _LANG[0], _width()))


class _Command(TyperCommand):
    """A command whose ``--help`` is groupctl's own (``groupctl.clihelp``)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from groupctl.clihelp import command_help

        formatter.write(command_help(ctx, self, _LANG[0], _width()))

    def get_short_help_str(self, limit: int = 45) -> str:
        from groupctl.clihelp import summary

        return summary(self.name or "", _LANG[0])


app = typer.Typer(
    cls=_Boundary,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh)
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="沙坡头区集团化办学 groupctl",  # the words are clihelp's, in the user's language
)
command = functools.partial(app.command, cls=_Command)


# --------------------------------------------------------------------------- shared options


FORMATS = ("table", "csv", "json", "markdown", "md", "xlsx")
LANGS = ("zh", "en")
FUNDS = ("school", "special")
REPORT_FORMATS = ("markdown", "md", "html", "xlsx")

_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".xlsx": "xlsx",
}


def _choice(name: str, choices: Sequence[str]) -> Callable[..., str | None]:
    """An option value that must be one of ``choices``, in any case (``--lang EN``); any
    other is an error in the user's language with the closest choice."""

    def check(ctx: typer.Context, value: str | None) -> str | None:
        if value is None or ctx.resilient_parsing:
            return value
        folded = value.strip().lower()
        if folded in choices:
            return folded
        close = closest(value, choices)
        listed = Join(tuple(choices))
        message = (
            msg(
                "cli.choice.suggest",
                name=name,
                choices=listed,
                value=value,
                names=Join(tuple(close)),
            )
            if close
            else msg("cli.choice", name=name, choices=listed, value=value)
        )
        raise UsageError(_with_help(message, ctx))

    return check


@dataclass(frozen=True)
class Options:
    """The output options every command shares (declared once, in ``_SHARED``)."""

    data: Path | None = None
    fmt: str | None = None
    output: Path | None = None
    lang: str | None = None
    explain: bool = False
    sets: tuple[str, ...] = ()
    compare: bool = False

    @property
    def lang_code(self) -> Lang:
        return "en" if self.lang == "en" else "zh"

    @property
    def ask(self) -> Ask:
        try:  # a JSON answer needs no table rows (--compare names its figures by them)
            tables = self.compare or self.format() != "json"
        except UsageError:  # a format that cannot be: said where the output is written
            tables = True
        return Ask(self.lang_code, self.explain, self.sets, tables)

    @property
    def file(self) -> Path | None:
        """The output file; None for stdout (no -o, or -o -)."""
        return None if self.output is None or str(self.output) == "-" else self.output

    def format(self) -> str:
        """The format to draw: --format, else the -o file's extension, else a table."""
        given = None if self.fmt is None else ("markdown" if self.fmt == "md" else self.fmt)
        implied = None if self.file is None else _SUFFIX_FORMATS.get(self.file.suffix.lower())
        if given is not None and implied is not None and given != implied:
            raise UsageError(
                msg("cli.format_mismatch", given=given, file=str(self.file), implied=implied)
            )
        if given is None and self.file is not None and implied is None:
            suffixes = Join(tuple(_SUFFIX_FORMATS))
            raise UsageError(msg("cli.format_unknown", file=str(self.file), suffixes=suffixes))
        fmt = given or implied or "table"
        if fmt == "xlsx" and self.file is None:
            raise UsageError(msg("cli.xlsx_needs_file"))
        return fmt


# Each option's help text is a catalogue entry (help.opt.NAME), drawn by groupctl.clihelp.
_SHARED: dict[str, tuple[Any, Any]] = {
    "data": (
        Annotated[
            Path | None,
            typer.Option("--data", metavar="DIR", show_default=False),
        ],
        None,
    ),
    "fmt": (
        Annotated[
            str | None,
            typer.Option(
                "--format",
                "-f",
                metavar="FORMAT",
                show_default=False,
                callback=_choice("--format", FORMATS),
            ),
        ],
        None,
    ),
    "output": (
        Annotated[
            Path | None,
            typer.Option("--output", "-o", metavar="FILE", show_default=False),
        ],
        None,
    ),
    "lang": (
        Annotated[
            str | None,
            typer.Option(
                "--lang", metavar="zh|en", show_default=False, callback=_choice("--lang", LANGS)
            ),
        ],
        None,
    ),
    "explain": (Annotated[bool, typer.Option("--explain")], False),
    "sets": (
        Annotated[
            list[str] | None,
            typer.Option("--set", metavar="PATH=VALUE", show_default=False),
        ],
        None,
    ),
    "compare": (Annotated[bool, typer.Option("--compare")], False),
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

        context = inspect.Parameter(
            "groupctl_ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context
        )

        @functools.wraps(fn)
        def command(*args: Any, **kwargs: Any) -> None:
            ctx: typer.Context = kwargs.pop("groupctl_ctx")
            given = {n: kwargs.pop(n) for n in names}
            given["sets"] = tuple(given.get("sets") or ())
            # --lang and --data may come before the command too: its own win
            root = ctx.find_root().params
            for name in ("lang", "data"):
                if name in given and given[name] is None:
                    given[name] = root.get(name)
            fn(*args, opts=Options(**given), **kwargs)

        params = [*own, *added, context]
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
            raise UsageError(msg("cli.stdout_closed"))
        terminal = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = None
        if fmt != "json":  # JSON is streamed below: a province's 60 MB is never one string
            text = render_text(out, fmt, lang, terminal=terminal, width=_width())  # type: ignore[arg-type]
        if text is not None and fmt == "table" and sys.stdout.isatty():
            text = _fit(text, _width())
        try:
            if text is None:
                from groupctl.output.render import write_json

                write_json(out.document(), sys.stdout.write)
            else:
                sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk (>/dev/full), a device error
            _silence_stdout()
            full = exc.errno == errno.ENOSPC  # the usual case, in the user's language
            reason = msg("cli.disk_full") if full else exc.strerror
            raise UsageError(msg("cli.stdout_failed", reason=reason)) from None
    # the lines under a table (a refusal's reason) are for people: where the format has no
    # place for them (CSV, xlsx, JSON, which carries them in its body), they go to stderr
    said = out.lines if fmt in ("csv", "xlsx", "json") else []
    for note in [*said, *out.notes]:
        _say(_bounded(note, 2000))
    if out.exit_code:
        raise typer.Exit(int(out.exit_code))


def _fit(text: str, width: int) -> str:
    """A table's text for a terminal with each line wider than it (an ``--explain`` line, a
    long note under a table) wrapped at a word or between CJK characters, rather than cut
    by the terminal inside a word; lines with colour codes are the table's own and fit."""
    from groupctl.wrapping import cells, wrap

    lines = text.split("\n")
    if all(cells(line) <= width or "\x1b" in line for line in lines):
        return text
    return "\n".join(
        part for line in lines for part in (wrap(line, width) if "\x1b" not in line else [line])
    )


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that what is still buffered for a stream that failed
    cannot fail again, with a warning, when the program exits."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def computing(opts: Options, build: Callable[[api.Session], Output]) -> None:
    """Open the data, build the command's Output, and with --compare set it beside the baseline."""
    if opts.compare and not opts.sets:
        raise UsageError(msg("cli.compare_needs_set"))
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", metavar="zh|en", show_default=False, callback=_choice("--lang", LANGS)
        ),
    ] = None,
    data: Annotated[Path | None, typer.Option("--data", metavar="DIR", show_default=False)] = None,
) -> None:
    """沙坡头区集团化办学 groupctl."""
    if ctx.invoked_subcommand is None:  # bare `groupctl`: the help, and the usage exit code
        sys.stderr.write(ctx.get_help() + "\n")
        raise typer.Exit(int(ExitCode.USAGE))


YearArg = Annotated[str, typer.Argument(metavar="YEAR", show_default=False)]

# What each command does, its options and examples are catalogue texts (help.COMMAND…),
# drawn by groupctl.clihelp in the --lang language; a docstring here is for developers.


@command()
@shared(*DATA)
def groups(opts: Options) -> None:
    """The groups, their campuses, roles and head titles (附件)."""
    from groupctl.views.groups import groups_view

    session = api.open_session(opts.data)
    emit(groups_view(session.data, opts.ask), opts, session.files())


@command()
@shared(*DATA)
def check(opts: Options) -> None:
    """Validate every data file; exit 1 on errors."""
    from groupctl.views.check import check_view

    directory, bundled, problems = api.check(opts.data)
    emit(check_view(directory, bundled, problems, opts.ask), opts, api.protected_files(directory))


@command()
@shared(*COMPUTING)
def funding(year: YearArg, opts: Options) -> None:
    """Each group's special funding (六（三）)."""
    from groupctl.views.funding import funding_view

    computing(opts, lambda s: funding_view(api.funding(s, year), s.data, opts.ask))


@command()
@shared(*COMPUTING)
def staffing(year: YearArg, opts: Options) -> None:
    """Each campus's posts and party organisation (六（四）2、3)."""
    from groupctl.views.staffing import staffing_view

    computing(opts, lambda s: staffing_view(api.staffing(s, year), s.data, opts.ask))


@command()
@shared(*COMPUTING)
def approve(
    amount: Annotated[str, typer.Argument(metavar="AMOUNT", show_default=False)],
    campus: Annotated[str, typer.Option("--campus", "-c", metavar="CAMPUS", show_default=False)],
    opts: Options,
    fund: Annotated[
        str,
        typer.Option(
            "--fund",
            metavar="school|special",
            show_default=False,
            callback=_choice("--fund", FUNDS),
        ),
    ] = "school",
    purpose: Annotated[
        str | None,
        typer.Option("--purpose", "-p", metavar="PURPOSE", show_default=False),
    ] = None,
    year: Annotated[str | None, typer.Option("--year", metavar="YEAR", show_default=False)] = None,
) -> None:
    """The approval path of one expenditure (六（四）1、六（三）)."""
    from groupctl.views.approval import approval_view

    def build(s: api.Session) -> Output:
        result = api.approve(
            s, amount, campus, "special" if fund == "special" else "school", purpose, year
        )
        return approval_view(result, s.data, opts.ask)

    computing(opts, build)


@command()
@shared(*OUTPUT)
def procedure(
    opts: Options,
    name: Annotated[str | None, typer.Argument(metavar="[NAME]", show_default=False)] = None,
) -> None:
    """A fixed procedure's ordered steps, or the list of them."""
    from groupctl.rules.procedures import procedure as find
    from groupctl.views.procedures import procedure_view, procedures_list_view

    out = procedures_list_view(opts.ask) if name is None else procedure_view(find(name), opts.ask)
    emit(out, opts)


@command()
@shared(*COMPUTING)
def assess(year: YearArg, opts: Options) -> None:
    """Group and campus scores and grades (六（五）)."""
    from groupctl.views.assessment import assessment_view

    computing(opts, lambda s: assessment_view(api.assess(s, year), s.data, opts.ask))


@command()
@shared(*COMPUTING)
def allowance(year: YearArg, opts: Options) -> None:
    """Each head's base and efficiency allowance (六（四）4)."""
    from groupctl.views.allowance import allowance_view

    computing(opts, lambda s: allowance_view(api.allowance(s, year), s.data, opts.ask))


@command()
@shared(*DATA, "sets")
def params(
    opts: Options,
    path: Annotated[str | None, typer.Argument(metavar="[PATH]", show_default=False)] = None,
    year: Annotated[str | None, typer.Option("--year", metavar="YEAR", show_default=False)] = None,
) -> None:
    """Every parameter in force, where it comes from."""
    from groupctl.views.params import params_view

    result = api.params(opts.data, opts.sets, year, path)
    emit(params_view(result, opts.ask), opts, api.protected_files(result.directory))


@command()
@shared(*COMPUTING)
def coverage(year: YearArg, opts: Options) -> None:
    """Coverage against the 2025 target (七（三）)."""
    from groupctl.views.coverage import coverage_view

    computing(opts, lambda s: coverage_view(api.coverage(s, year), s.data, opts.ask))


@command()
@shared(*DATA)
def timeline(
    opts: Options,
    on: Annotated[str | None, typer.Option("--on", metavar="DATE", show_default=False)] = None,
) -> None:
    """The plan's phases, milestones and recurring duties (七)."""
    from groupctl.views.timeline import timeline_view

    emit(timeline_view(api.timeline(on, opts.data), opts.ask), opts)


@command()
@shared(*DATA)
def clauses(opts: Options) -> None:
    """Clauses, their commands and parameters."""
    from groupctl.views.clauses import clauses_view

    emit(clauses_view(api.policy_for(opts.data), opts.ask), opts)


_REPORT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_REPORT_SUFFIXES[".xlsx"] = "xlsx"


@command()
@shared("data", "output", "lang", "sets")
def report(
    year: YearArg,
    opts: Options,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            show_default=False,
            callback=_choice("--format", REPORT_FORMATS),
        ),
    ] = None,
) -> None:
    """The year's whole report (-o 报告.md/.html/.xlsx)."""
    from groupctl.output.files import write_atomic
    from groupctl.report import build_report, render_report

    if opts.file is None:
        raise UsageError(msg("cli.report_needs_file"))
    # the extension tells the format, and --format may override it (issue 9): a report
    # saved as .txt for a mail system, or an .html printed under another name
    implied = _REPORT_SUFFIXES.get(opts.file.suffix.lower())
    given = None if fmt is None else ("markdown" if fmt == "md" else fmt)
    chosen = given or implied
    if chosen is None:
        raise UsageError(msg("cli.report_format_unknown", file=str(opts.file)))
    session = api.open_session(opts.data, opts.sets)
    built = build_report(session, api.school_year(year), opts.ask)
    write_atomic(opts.file, render_report(built, chosen, opts.lang_code), protected=session.files())
    for note in [*built.notes, t("note.written", opts.lang_code, file=opts.file)]:
        _say(note)


@command()
@shared("lang")
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", show_default=False)],
    opts: Options,
) -> None:
    """Copy the bundled data files into a new or empty DIR, and say what to edit next."""
    from groupctl.init import init_data, init_report

    target, copied = init_data(directory)
    report = init_report(target, copied, opts.lang_code, _width() if sys.stdout.isatty() else None)
    sys.stdout.write(_fit(report, _width()) if sys.stdout.isatty() else report)


def main() -> None:
    """Console-script entry point."""
    command = typer.main.get_command(app)
    command.main(prog_name="groupctl")
