"""Lines wrapped for a terminal, by display cells: CJK characters count two.

A line may break at a space, or between two CJK characters, or between a CJK character
and a Latin word — never inside a Latin word, a number or a parameter path
(``finance.large_expense_threshold``) unless that word alone is wider than the line, and
never before a closing mark (，。）：…) or after an opening one (（“…), as Chinese
typesetting requires.  Continuation lines are indented under the line's own indent, a
little further in, so that a wrapped note still reads as one.

Only wcwidth: the JSON path loads no rendering library.
"""

from __future__ import annotations

from wcwidth import wcwidth

# characters a line must not start with, and ones it must not end with
_NO_START = frozenset("，。、；：？！）》」』】〕〉’”,.;:?!)]}%…·")
_NO_END = frozenset("（《「『【〔〈‘“([{")


def cells(text: str) -> int:
    """The width of ``text`` on a terminal (control characters count nothing)."""
    return sum(max(wcwidth(ch), 0) for ch in text)


def _wide(ch: str) -> bool:
    """A character a line may break beside: a CJK one (or … and ·); Latin punctuation
    belongs to its word."""
    return wcwidth(ch) == 2 or ch in "…·"


def tokens(text: str, keep: tuple[str, ...] = ()) -> list[str]:
    """Pieces that stay on one line: a run of spaces, a wide character, or a Latin word;
    a closing mark joins the piece before it, an opening mark the piece after it.  Each of
    ``keep`` (a folder's name, 本局数据) is part of a word wherever it stands, never split."""
    raw: list[str] = []
    word = ""
    kept = sorted(keep, key=len, reverse=True)  # a quoted name before the bare one it holds
    i = 0
    while i < len(text):
        name = next((k for k in kept if k and text.startswith(k, i)), None)
        if name is not None:
            word += name
            i += len(name)
            continue
        ch = text[i]
        i += 1
        if ch == " " or _wide(ch):
            if word:
                raw.append(word)
                word = ""
            if ch == " " and raw and raw[-1].isspace():
                raw[-1] += ch
            else:
                raw.append(ch)
        else:
            word += ch
    if word:
        raw.append(word)
    glued: list[str] = []
    for tok in raw:
        joins = glued and not tok.isspace() and not glued[-1].isspace()
        if joins and (tok[0] in _NO_START or glued[-1][-1] in _NO_END):
            glued[-1] += tok
            continue
        glued.append(tok)
    return glued


def _fold(word: str, width: int) -> list[str]:
    """A word wider than the line, cut by characters; a closing mark is not left to start
    a line on its own (500:20000 / ,): the character before it goes down with it."""
    parts, part = [], ""
    for ch in word:
        if part and cells(part + ch) > width:
            if ch in _NO_START and len(part) > 1:
                parts.append(part[:-1])
                part = part[-1]
            else:
                parts.append(part)
                part = ""
        part += ch
    return [*parts, part] if part else parts


def wrap(line: str, width: int, *, hang: int = 2, keep: tuple[str, ...] = ()) -> list[str]:
    """``line`` as lines of at most ``width`` cells (a line no wider stays as it is); the
    strings of ``keep`` are never broken while they fit a line."""
    if cells(line) <= width:
        return [line]
    lead = line[: len(line) - len(line.lstrip(" "))]
    if cells(lead) + hang >= width // 2:  # a deep indent would leave no room: start afresh
        lead, hang = "", 0
    rest = " " * (len(lead) + hang)
    out: list[str] = []
    current, filled = lead, cells(lead)
    indent = lead
    for tok in tokens(line[len(lead) :], keep):
        w = cells(tok)
        if tok.isspace():
            if current != indent:
                current, filled = current + tok, filled + w
            continue
        if filled + w <= width:
            current, filled = current + tok, filled + w
            continue
        if current.strip():
            out.append(current.rstrip())
        if out:
            indent = rest
        room = width - cells(indent)
        if w > room:
            first = _fold(tok, max(room, 1))[0]
            out.append(indent + first)
            indent = rest
            # the rest of the word, under the line's hanging indent
            *whole, last = _fold(tok[len(first) :], max(width - cells(indent), 1)) or [""]
            out.extend(indent + part for part in whole)
            current, filled = indent + last, cells(indent) + cells(last)
        else:
            current, filled = indent + tok, cells(indent) + w
    if current.strip():
        out.append(current.rstrip())
    return out


def wrap_text(text: str, width: int, *, hang: int = 2) -> str:
    """Each line of ``text`` wrapped (see ``wrap``); blank lines are kept."""
    return "\n".join(part for line in text.split("\n") for part in wrap(line, width, hang=hang))
