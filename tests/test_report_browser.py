"""The HTML report rendered by a real browser (headless Chromium): a screenshot that is
not blank, and a PDF whose text holds the Chinese group names and the district total.

CI installs Chromium and poppler-utils (.ci/run); elsewhere the test is skipped with a
visible reason when either is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.test_report import GROUPS, report

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).is_file()),
    None,
)
PDFTOTEXT = shutil.which("pdftotext")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1240,1754",  # A4 at 150 dpi
)

# CI sets GROUPCTL_REQUIRE_BROWSER (.ci/run): there a missing browser fails, never skips
_REQUIRED = bool(os.environ.get("GROUPCTL_REQUIRE_BROWSER"))
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None and not _REQUIRED, reason="no Chromium (apt-get install chromium)"
    ),
    pytest.mark.skipif(
        PDFTOTEXT is None and not _REQUIRED,
        reason="no pdftotext (apt-get install poppler-utils)",
    ),
]


def chromium(tmp_path: Path, page: Path, *args: str) -> None:
    profile = tmp_path / "profile"  # a fresh profile: nothing from an earlier run
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shutil.rmtree(profile, ignore_errors=True)


def png_colours(path: Path, rows: int = 300) -> set[bytes]:
    """The distinct colours of the first ``rows`` rows of an 8-bit RGB(A) PNG, decoded with
    the standard library (the top of the first page: the title and the summary)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    rows = min(rows, height)
    raw = zlib.decompressobj().decompress(idat, rows * (stride + 1))
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for r in range(rows):
        kind, line = (
            raw[r * (stride + 1)],
            bytearray(raw[r * (stride + 1) + 1 : (r + 1) * (stride + 1)]),
        )
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + (left + previous[i]) // 2) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        colours.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp))
        previous = line
    return colours


def test_the_html_report_renders_in_chromium_to_a_screenshot_and_a_pdf(cli, tmp_path):
    report(cli, tmp_path, "报告.html", "2023")
    page = tmp_path / "报告.html"
    png, pdf = tmp_path / "first-page.png", tmp_path / "report.pdf"
    # one browser start for both: the screenshot of the first screen, and the printed PDF
    chromium(
        tmp_path, page, f"--screenshot={png}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    assert png.is_file() and pdf.is_file()

    colours = png_colours(png)
    assert len(colours) > 16, f"the screenshot looks blank: {len(colours)} colours"

    text = subprocess.run(
        [PDFTOTEXT or "pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "中卫市沙坡头区集团化办学 2023–2024学年 年度报告" in text
    for name in GROUPS:
        assert name in text
    # the district total: in the summary on the first page, and under the funding table
    assert re.search(r"专项经费（元）\s+750,000\.00\n", text)
    # and under the funding table: its district-total row, on the row itself
    assert re.search(r"全区合计\s+750,000\n", text)
    pages = text.count("\f")
    assert pages >= 9  # a page at least for each part
