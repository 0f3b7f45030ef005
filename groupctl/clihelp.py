"""``--help`` in the user's language, wrapped to the terminal, with examples.

The framework's own help layout draws panels that cut a Chinese sentence short at 60
columns (``…``) and labels every flag ``<bool>``; this one writes plain text instead:
usage, what the command does, its arguments and options, and an example block taken
from the README, every line wrapped by display cells (``groupctl.wrapping``) so that
nothing is lost at any width.  An example command is never wrapped: each is short enough
for a 60-column terminal, a longer one continues on a second line after a ``\\``, as a
shell reads it.

The texts are catalogue entries (``groupctl/catalogue/cli.py``): ``help.COMMAND`` is the
command's one-line summary (the command list shows it), ``help.COMMAND.more`` a second
paragraph, ``help.COMMAND.PARAM`` or ``help.opt.PARAM`` / ``help.arg.PARAM`` each
parameter's line, ``help.ex.*`` each example's comment.  Only public attributes of the
framework's parameters are read: ``opts``, ``secondary_opts``, ``metavar``, ``name``,
``required``, ``hidden`` and ``param_type_name``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from groupctl.catalogue import CATALOGUE, Lang, text
from groupctl.wrapping import cells, wrap

# command → its examples: (comment key, the command's lines); each line ≤ 56 cells
Example = tuple[str, tuple[str, ...]]
EXAMPLES: dict[str, tuple[Example, ...]] = {
    "": (
        ("help.ex.funding", ("groupctl funding 2023",)),
        ("help.ex.approve", ("groupctl approve 4.5万 --campus 镇罗",)),
        ("help.ex.root_lang", ("groupctl --lang en funding 2023",)),
        ("help.ex.root_init", ("groupctl init ./本局数据",)),
    ),
    "groups": (
        ("help.ex.groups", ("groupctl groups",)),
        ("help.ex.groups_en", ("groupctl groups --lang en",)),
    ),
    "check": (
        ("help.ex.check", ("groupctl check",)),
        ("help.ex.check_data", ("groupctl check --data ./my-data",)),
    ),
    "funding": (
        ("help.ex.funding", ("groupctl funding 2023",)),
        ("help.ex.explain", ("groupctl funding 2023 --explain",)),
        ("help.ex.json", ("groupctl funding 2023 --format json",)),
        ("help.ex.xlsx", ("groupctl funding 2023 -o 经费2023.xlsx",)),
        (
            "help.ex.what_if",
            ("groupctl funding 2023 --compare \\", "    --set funding.base_per_group=120000"),
        ),
    ),
    "staffing": (
        ("help.staffing", ("groupctl staffing 2023",)),
        ("help.ex.explain", ("groupctl staffing 2023 --explain",)),
        ("help.ex.csv", ("groupctl staffing 2023 -o 编制2023.csv",)),
    ),
    "approve": (
        ("help.ex.approve", ("groupctl approve 4.5万 --campus 镇罗",)),
        (
            "help.ex.special",
            ("groupctl approve 8000 -c 文萃 --fund special \\", "    -p 社团活动 --explain"),
        ),
    ),
    "procedure": (
        ("help.ex.procedures", ("groupctl procedure",)),
        ("help.ex.budget", ("groupctl procedure budget", "groupctl procedure 预算")),
    ),
    "assess": (
        ("help.assess", ("groupctl assess 2023",)),
        ("help.ex.explain", ("groupctl assess 2023 --explain",)),
    ),
    "allowance": (
        ("help.allowance", ("groupctl allowance 2023",)),
        ("help.ex.json", ("groupctl allowance 2023 -f json",)),
        (
            "help.ex.allowance_set",
            ("groupctl allowance 2023 \\", "    --set allowance.annual_standard.lead=15000"),
        ),
    ),
    "params": (
        ("help.ex.params", ("groupctl params",)),
        ("help.ex.params_prefix", ("groupctl params funding",)),
        ("help.ex.params_one", ("groupctl params funding.supplement_includes_lead",)),
    ),
    "coverage": (
        ("help.coverage", ("groupctl coverage 2023",)),
        ("help.ex.json", ("groupctl coverage 2023 -f json",)),
    ),
    "timeline": (
        ("help.ex.timeline", ("groupctl timeline",)),
        ("help.ex.timeline_on", ("groupctl timeline --on 2023-08-01",)),
    ),
    "clauses": (("help.clauses", ("groupctl clauses",)),),
    "report": (
        ("help.ex.report_html", ("groupctl report 2023 -o 报告2023.html",)),
        ("help.ex.xlsx", ("groupctl report 2023 -o 报告2023.xlsx",)),
        ("help.ex.report_md", ("groupctl report 2023 -o 报告2023.md",)),
    ),
    "init": (
        ("help.ex.init", ("groupctl init ./本局数据",)),
        ("help.ex.init_check", ("groupctl check --data ./本局数据",)),
    ),
}
INDENT = "  "
WIDEST = 100  # help reads best in a column no wider than this, on any terminal


def _lines(paragraph: str, width: int, indent: str = "", hang: int = 0) -> list[str]:
    return wrap(indent + paragraph, width, hang=hang) if paragraph else [""]


def _param_help(command: str, param: Any, lang: Lang) -> str:
    for key in (f"help.{command}.{param.name}", f"help.opt.{param.name}", f"help.arg.{param.name}"):
        if key in CATALOGUE:
            return text(key, lang)
    return str(getattr(param, "help", "") or "")


def _param_name(param: Any) -> str:
    """``-c, --campus CAMPUS``; an argument by its metavar; a flag without one."""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name.upper())
    names = sorted([*param.opts, *param.secondary_opts], key=lambda o: o.startswith("--"))
    shown = ", ".join(names)
    if names[0].startswith("--"):
        shown = "    " + shown  # long options line up under the short ones
    if param.metavar:
        shown += f" {param.metavar}"
    return shown


def _rows(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """A list of names and what they mean: side by side when the names leave room for the
    text, else each name on its own line with its text below it."""
    if not rows:
        return []
    fitting = [cells(name) for name, _ in rows if cells(name) <= 26]
    column = len(INDENT) + max(fitting, default=0) + 2
    if width - column < 24:  # too narrow for two columns: text under each name
        column = len(INDENT) + 4
        stacked = True
    else:
        stacked = False
    out: list[str] = []
    for name, helptext in rows:
        head = INDENT + name
        body = wrap(" " * column + helptext, width, hang=0) if helptext else []
        if not stacked and cells(head) + 2 <= column and body:
            out.append(head + " " * (column - cells(head)) + body[0][column:])
            out.extend(body[1:])
        else:
            out.append(head)
            out.extend(body)
    return out


def _examples(command: str, lang: Lang, width: int) -> list[str]:
    out = [text("help.examples", lang)]
    for key, lines in EXAMPLES.get(command, ()):
        out.extend(wrap(f"{INDENT}# {text(key, lang)}", width, hang=2))
        out.extend(INDENT + line for line in lines)
    return out


def _usage(path: str, pieces: Iterable[str], lang: Lang, width: int) -> list[str]:
    return wrap(text("help.usage", lang) + " ".join([path, *pieces]), width, hang=4)


def command_help(ctx: Any, command: Any, lang: Lang, width: int) -> str:
    """The whole ``--help`` of one command."""
    width = min(width, WIDEST)
    name = command.name or ""
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name != "argument"]
    pieces = [str(p.metavar or p.name.upper()) for p in arguments]
    for p in options:
        if p.required:  # --campus CAMPUS: the long name, as the examples write it
            long = [o for o in p.opts if o.startswith("--")] or p.opts
            pieces.append(f"{long[0]} {p.metavar}" if p.metavar else long[0])
    pieces.append(text("help.options_word", lang))
    out = _usage(ctx.command_path, pieces, lang, width)
    out.append("")
    out.extend(_lines(text(f"help.{name}", lang), width))
    if f"help.{name}.more" in CATALOGUE:
        out.append("")
        out.extend(_lines(text(f"help.{name}.more", lang), width))
    if arguments:
        out += ["", text("help.arguments", lang)]
        out.extend(_rows([(_param_name(p), _param_help(name, p, lang)) for p in arguments], width))
    out += ["", text("help.options", lang)]
    rows = []
    for p in options:
        helptext = _param_help(name, p, lang)
        if p.required:
            helptext += text("help.required", lang)
        rows.append((_param_name(p), helptext))
    out.extend(_rows(rows, width))
    out += ["", *_examples(name, lang, width)]
    return "\n".join(out) + "\n"


def group_help(ctx: Any, group: Any, lang: Lang, width: int) -> str:
    """The whole ``groupctl --help``: usage, the commands, the options, examples."""
    width = min(width, WIDEST)
    pieces = [
        "[--lang zh|en]",
        "[--data DIR]",
        text("help.command_word", lang),
        text("help.args_word", lang),
    ]
    out = _usage(ctx.command_path, pieces, lang, width)
    out += ["", *_lines(text("help.root", lang), width), "", text("help.commands", lang)]
    commands = [(n, group.get_command(ctx, n)) for n in group.list_commands(ctx)]
    out.extend(
        _rows([(n, text(f"help.{n}", lang)) for n, c in commands if c and not c.hidden], width)
    )
    out += ["", text("help.options", lang)]
    params = [p for p in group.get_params(ctx) if not getattr(p, "hidden", False)]
    out.extend(_rows([(_param_name(p), _param_help("", p, lang)) for p in params], width))
    out += ["", *_examples("", lang, width), ""]
    out.extend(_lines(text("help.more", lang), width))
    return "\n".join(out) + "\n"


def summary(name: str, lang: Lang) -> str:
    """A command's one-line summary, for shell completion's descriptions."""
    key = f"help.{name}"
    return text(key, lang) if key in CATALOGUE else ""
