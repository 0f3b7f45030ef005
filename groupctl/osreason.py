"""Why reading or writing a file failed, in the user's language: for every file groupctl
reads (CSV, YAML) or writes (an output file)."""

from __future__ import annotations

import errno

from groupctl.catalogue import Msg, msg
from groupctl.numbers import show

# The reasons a file cannot be read or written that a clerk may meet, in both languages;
# any other is the system's own words (strerror, in English).
_OS_REASONS = {
    errno.EACCES: "file.os.EACCES",
    errno.EPERM: "file.os.EACCES",
    errno.ENOENT: "file.os.ENOENT",
    errno.EIO: "file.os.EIO",
    errno.ENOSPC: "file.os.ENOSPC",
    errno.EROFS: "file.os.EROFS",
    errno.ENAMETOOLONG: "file.os.ENAMETOOLONG",
    errno.ELOOP: "file.os.ELOOP",
    errno.ENOTDIR: "file.os.ENOTDIR",
    errno.EISDIR: "file.os.EISDIR",
    errno.EMFILE: "file.os.EMFILE",
    errno.ENFILE: "file.os.EMFILE",
    errno.EDQUOT: "file.os.ENOSPC",
}


def os_reason(exc: BaseException) -> Msg | str:
    """Why reading or writing a file failed, without the (possibly long) file name Python
    adds: in the user's language for the common reasons, else as the system says it."""
    code = getattr(exc, "errno", None)
    if code in _OS_REASONS:
        return msg(_OS_REASONS[code])
    return getattr(exc, "strerror", None) or show(str(exc))
