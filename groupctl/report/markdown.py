"""The report as markdown, for pasting into a document.

The tables are the commands' own markdown tables (tabulate with wcwidth, so CJK text
aligns); a what-if report says so on its first line.
"""

from __future__ import annotations

from groupctl.labels import Lang, t
from groupctl.output.render import md_table
from groupctl.report.model import Report
from groupctl.report.tables import summary_section


def render_markdown(report: Report, lang: Lang) -> str:
    out: list[str] = []
    if report.scenario:  # a what-if must not pass for the real figures: the first line says so
        out.append(f"> **{report.scenario}**\n")
    out.append(f"# {report.title}\n")
    out.append(f"{report.source}\n")
    for n, part in enumerate(report.parts, start=1):
        out.append(f"## {n}. {part.title}\n")
        if part.omitted is not None:
            out.append(t("report.omitted", lang, part=part.title, reason=part.omitted) + "\n")
            continue
        if part.figures:
            out.append(
                md_table(summary_section(part, report.year, report.previous_year, lang), lang)
            )
        out.extend(md_table(s, lang) for s in part.sections)
        if part.lines:
            out.append("\n".join(f"- {one_line(line, lang)}" for line in part.lines) + "\n")
    return "\n".join(out)


def one_line(text: str, lang: Lang) -> str:
    """A note of several lines (a continuation indented under it) as one line."""
    return ("" if lang == "zh" else " ").join(line.strip() for line in text.split("\n"))
