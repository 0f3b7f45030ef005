"""The console entry point: ``groupctl`` and ``python -m groupctl`` start here.

It does only what must come before anything else is imported: an interrupt (Ctrl-C,
exit 130) or a termination (SIGTERM, exit 143) ends the run quietly from its first
moment, never with a traceback; and output streams that cannot carry Chinese text
(``PYTHONIOENCODING=ascii``, a C locale) are switched to UTF-8, groupctl's encoding
for every format, rather than failing on the first label.  Everything else — the one
error boundary, the commands — is in ``groupctl.cli``.
"""

import signal

# While the program loads, Ctrl-C ends it at once, as the system ends any program: no
# traceback, and the shell reports 130. Once loaded, it becomes KeyboardInterrupt again,
# so that a file being written is cleaned up (``main``).
signal.signal(signal.SIGINT, signal.SIG_DFL)

import contextlib  # noqa: E402
import gc  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from types import FrameType  # noqa: E402

INTERRUPTED = 130  # 128 + SIGINT, as shells report it
TERMINATED = 143  # 128 + SIGTERM


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that a file being written is cleaned up."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            "中文".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            with contextlib.suppress(AttributeError, OSError, ValueError):
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def _quiet_exit(code: int) -> None:
    # whatever is still buffered for a closed or full stdout must not print a warning
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    os._exit(code)


def main() -> None:
    try:
        _utf8_streams()
        # One run builds its objects once and keeps nearly all of them to the end: a
        # province's data is millions of them, and the cycle collector walking them over
        # and over cost a third of the load (issue 11).  The run makes no garbage cycles
        # worth collecting, and the process ends when the answer is written.  Off before
        # the imports too: the libraries' thousands of objects are kept to the end alike.
        gc.disable()
        from groupctl.cli import main as run

        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _terminate)
        run()
    except KeyboardInterrupt:
        _quiet_exit(INTERRUPTED)
    except Terminated:
        _quiet_exit(TERMINATED)
