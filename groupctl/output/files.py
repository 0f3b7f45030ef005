"""Writing output files atomically, and never over the data they were made from."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from groupctl.catalogue import msg
from groupctl.errors import UsageError
from groupctl.numbers import clip_middle
from groupctl.osreason import os_reason


def write_atomic(path: Path, data: bytes, *, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` in one step: a reader sees the old file or the new one.

    Refuses to write over any of ``protected`` (the data files the output came from).
    """
    shown = _short(str(path))
    try:
        target = path.resolve()
        for p in protected:
            if _same(p, target):
                raise UsageError(msg("file.write.over_data", file=shown))
        if target.exists() and not target.is_file():
            raise UsageError(msg("file.write.not_regular", file=shown))
        folder = target.parent
        if not folder.is_dir():
            raise UsageError(msg("file.write.no_folder", folder=_short(str(folder))))
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a name too long, no permission …
        raise UsageError(msg("file.write.failed", file=shown, reason=os_reason(exc))) from None
    except RuntimeError:  # pathlib's word for a symlink loop
        reason = msg("file.os.ELOOP")
        raise UsageError(msg("file.write.failed", file=shown, reason=reason)) from None
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
    except BaseException as exc:  # also Ctrl-C or SIGTERM: never leave the temporary file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise UsageError(msg("file.write.failed", file=shown, reason=os_reason(exc))) from None
        raise


def _same(p: Path, target: Path) -> bool:
    try:
        return p.resolve() == target
    except (OSError, RuntimeError):
        return False


def _short(text: str) -> str:
    """A path as a message shows it (the message quotes it): whole when short, its two
    ends around … when not."""
    return clip_middle(text, 80, 80)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
