"""``groupctl init DIR``: a data folder for the bureau's own figures, from the bundled one.

The bundled data files are copied into DIR, which must be new or empty: a folder that
holds anything is refused before a byte is written, so that no file of the bureau's can be
overwritten.  A new DIR is filled under a temporary name beside it and renamed into place
at the end, and the folders above it that ``init`` had to create are removed again if
anything fails; into an existing empty DIR each file is written under a temporary name and
renamed, and on a failure every file written is removed.  Either way a failure (a full
disk, no permission, Ctrl-C) leaves nothing behind that ``init`` created.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import shutil
import tempfile
from pathlib import Path

from groupctl.catalogue import Join, Lang, msg, text
from groupctl.errors import UsageError
from groupctl.loaders import BUNDLED_DATA, DATA_FILES, PILOTS
from groupctl.numbers import clip_middle
from groupctl.wrapping import cells, wrap


def bundled_files() -> tuple[Path, ...]:
    """The bundled data files, in the order a data folder lists them (SPEC §2)."""
    return tuple(BUNDLED_DATA / n for n in DATA_FILES if (BUNDLED_DATA / n).is_file())


def _shown(path: Path) -> str:
    return clip_middle(str(path), 80, 80)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _copy(source: Path, target: Path) -> None:
    """One file, written whole: its bytes under a temporary name, then renamed."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
        if os.path.lexists(target):  # appeared meanwhile: never overwrite
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _missing_parents(folder: Path) -> list[Path]:
    """The folders above ``folder`` that do not exist yet, outermost first."""
    missing = []
    for parent in folder.parents:
        if os.path.lexists(parent):
            break
        missing.append(parent)
    return missing[::-1]


def init_data(directory: Path) -> tuple[Path, tuple[str, ...]]:
    """Copy the bundled data files into ``directory`` (new or empty); the folder, absolute,
    and the names of the files copied."""
    target = Path(os.path.abspath(directory))
    try:
        exists = os.path.lexists(target)
        if exists and not target.is_dir():
            raise UsageError(msg("init.not_dir", dir=_shown(directory)))
        if exists and any(target.iterdir()):
            raise UsageError(msg("init.not_empty", dir=_shown(directory)))
    except OSError as exc:
        raise UsageError(msg("init.failed", dir=_shown(directory), reason=_reason(exc))) from None
    sources = bundled_files()
    names = tuple(s.name for s in sources)
    if exists:
        _fill_empty(target, sources, directory)
    else:
        _create(target, sources, directory)
    return target, names


def _fill_empty(target: Path, sources: tuple[Path, ...], given: Path) -> None:
    written: list[Path] = []
    try:
        for source in sources:
            _copy(source, target / source.name)
            written.append(target / source.name)
    except BaseException as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        if isinstance(exc, OSError):
            raise UsageError(msg("init.failed", dir=_shown(given), reason=_reason(exc))) from None
        raise


def _create(target: Path, sources: tuple[Path, ...], given: Path) -> None:
    made = _missing_parents(target)
    staging: Path | None = None
    try:
        for folder in made:
            folder.mkdir()
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        staging.chmod(0o777 & ~_umask())  # a folder as mkdir would make it, not a private one
        for source in sources:
            shutil.copyfile(source, staging / source.name)
        os.rename(staging, target)  # fails rather than replace a folder made meanwhile
    except BaseException as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise UsageError(msg("init.failed", dir=_shown(given), reason=_reason(exc))) from None
        raise


def init_report(target: Path, copied: tuple[str, ...], lang: Lang, width: int | None = None) -> str:
    """What ``init`` did and what to do next, for the clerk.

    Wrapped to ``width`` (the CLI gives the terminal's; None leaves lines whole): a
    file's description goes on under the description column, a numbered step's text under
    its first word, a heading flush left, so that nothing is left for the terminal to cut."""
    folder = shlex.quote(str(target))
    column = max(len(n) for n in copied) + 2
    figures = Join(tuple(n for n in copied if n != PILOTS))
    steps = (
        text("init.next.figures", lang, files=figures),
        text("init.next.pilots", lang),
        text("init.next.policy", lang),
        text("init.next.check", lang, dir=folder),
    )
    # each line with the hanging indent its wrapped lines take, beyond its own indent
    lines: list[tuple[str, int]] = [(text("init.done", lang, dir=target, count=len(copied)), 0)]
    lines += [(f"  {n.ljust(column)}{text(f'init.file.{n}', lang)}", column) for n in copied]
    lines += [("", 0), (text("init.next", lang), 0)]
    lines += [(f"  {step}", len(step.split(" ", 1)[0]) + 1) for step in steps]
    lines += [
        ("", 0),
        (text("init.use", lang), 0),
        (f"  groupctl funding 2023 --data {folder}", 2),
        (f"  export GROUPCTL_DATA={folder}", 2),
    ]
    if width is None:
        return "\n".join(line for line, _ in lines) + "\n"
    # a folder too long for a line is cut where it must be, as any long word
    names = tuple(n for n in (folder, str(target)) if cells(n) <= width // 2)
    return (
        "\n".join(part for line, hang in lines for part in wrap(line, width, hang=hang, keep=names))
        + "\n"
    )
