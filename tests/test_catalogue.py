"""The one message catalogue: every text in both languages, and no message outside it."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from groupctl.catalogue import CATALOGUE, PARTS, Join, Msg, msg, render
from groupctl.errors import DataError

PACKAGE = Path(__file__).resolve().parent.parent / "groupctl"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_fields(key: str) -> None:
    zh, en = CATALOGUE[key]
    if key.startswith("unit."):  # a unit may be no word in English: 2023年 is 2023
        assert zh.strip() or not en.strip(), f"{key}: English without Chinese"
    else:
        assert bool(zh.strip()) == bool(en.strip()), f"{key}: a language is missing"
    assert _fields(zh) == _fields(en), f"{key}: the two languages fill in different fields"


def test_a_key_is_defined_in_one_part_only() -> None:
    seen: dict[str, str] = {}
    for part, entries in PARTS.items():
        for key in entries:
            assert key not in seen, f"{key} is in both {seen[key]} and {part}"
            seen[key] = part


def test_a_message_renders_in_either_language_with_nested_labels() -> None:
    m = msg("campus.unknown.suggest", query="镇锣", names=Join((msg("lead"), msg("member"))))
    assert m.render("zh") == "没有与“镇锣”相符的校区。您是否要找：牵头、成员"
    assert m.render("en") == "no campus matches '镇锣'; did you mean lead, member?"
    assert render(m, "en") == str(m)


def test_an_unknown_key_fails_where_it_is_written() -> None:
    with pytest.raises(KeyError):
        msg("no.such.key")


def test_an_error_renders_its_place_and_message_in_the_users_language() -> None:
    err = DataError(msg("campus.empty"), "campuses.csv", 3)
    assert err.render("zh") == "campuses.csv:3：--campus 需要校区代码、名称或名称的一部分"
    assert str(err) == "campuses.csv:3: --campus needs a campus id, name or part of a name"


# --------------------------------------------------------------------------- no stray message

# Files whose messages are still written inline, as sentences in one language, and how
# many such places each has.  Converting a file to catalogue keys removes it from here;
# the list only shrinks.
NOT_YET: dict[str, int] = {}


def _one_language_messages(path: Path) -> list[int]:
    """Lines where an error is raised, or a problem reported, with a literal sentence."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name.endswith("Error") and name not in (
            "ValueError",
            "KeyError",
            "TypeError",
            "RuntimeError",
        ):
            args = node.args[:1]
        elif name in ("error", "warning") and isinstance(func, ast.Attribute):
            args = node.args[2:3]
        else:
            continue
        if any(isinstance(a, (ast.Constant, ast.JoinedStr, ast.BinOp)) for a in args):
            found.append(node.lineno)
    return found


def _stray() -> dict[str, list[int]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = _one_language_messages(path)
        if lines:
            out[str(path.relative_to(PACKAGE.parent))] = lines
    return out


def test_no_error_or_problem_is_written_in_one_language_only() -> None:
    stray = _stray()
    new = {f: lines for f, lines in stray.items() if len(lines) > NOT_YET.get(f, 0)}
    assert not new, f"messages outside the catalogue (use groupctl.catalogue.msg): {new}"


def test_the_not_yet_list_only_shrinks() -> None:
    stray = _stray()
    stale = {f: n for f, n in NOT_YET.items() if len(stray.get(f, [])) < n}
    assert not stale, f"update NOT_YET in {__file__}: these now have fewer: {stale}"


def test_msg_is_a_value() -> None:
    assert Msg("lead") == msg("lead")
