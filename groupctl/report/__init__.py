"""The year's report (``groupctl report YEAR -o FILE``): markdown, HTML or xlsx.

``build_report`` gathers the parts from the commands' own results and views;
``render_report`` draws them.  Each drawing library (tabulate, XlsxWriter) is imported
only by the format that uses it.
"""

from __future__ import annotations

from groupctl.labels import Lang
from groupctl.report.build import build_report
from groupctl.report.model import Bar, Chart, Figure, Part, Report

__all__ = ["Bar", "Chart", "Figure", "Part", "Report", "build_report", "render_report"]


def render_report(report: Report, fmt: str, lang: Lang) -> bytes:
    """The report as a file's bytes: ``markdown``, ``html`` or ``xlsx``."""
    if fmt == "markdown":
        from groupctl.report.markdown import render_markdown

        return render_markdown(report, lang).encode("utf-8")
    if fmt == "html":
        from groupctl.report.html import render_html

        return render_html(report, lang).encode("utf-8")
    if fmt == "xlsx":
        from groupctl.report.xlsx import render_xlsx

        return render_xlsx(report, lang)
    raise ValueError(f"unknown report format {fmt!r}")  # the CLI offers only these three
