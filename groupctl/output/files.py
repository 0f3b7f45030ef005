"""Writing output files atomically, and never over the data they were made from."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from groupctl.errors import UsageError


def write_atomic(path: Path, data: bytes, *, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` in one step: a reader sees the old file or the new one.

    Refuses to write over any of ``protected`` (the data files the output came from).
    """
    target = path.resolve()
    for p in protected:
        if p.resolve() == target:
            raise UsageError(f"refusing to write output over the data file {str(path)!r}")
    if target.exists() and not target.is_file():
        raise UsageError(f"output {str(path)!r} is not a regular file (a directory or a device)")
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"output folder {str(folder)!r} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write {str(path)!r}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UsageError(f"cannot write {str(path)!r}: {exc.strerror}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
