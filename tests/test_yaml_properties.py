"""Property tests of the YAML readers and the policy parameters (issue 10).

Whatever text a pilots.yaml or policy.yaml holds, and whatever scalar a field of them
or a ``--set`` is given, reading it either yields the right value or raises the
project's input error (``GroupctlError``: DataError, PolicyError, UsageError) — never
another exception.  Example counts are modest: the whole file runs in about 3 s.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupctl.errors import DataError, GroupctlError, UsageError
from groupctl.loaders import read_pilots
from groupctl.policy import Band, load_policy
from groupctl.problems import Problems
from groupctl.yamlio import load_yaml

LIMIT = 10**12

PILOTS = """\
district: 测试区
compulsory_schools_total: 10
groups:
  - id: g1
    name: 甲教育集团
    type: school
    campuses:
      - id: g1-main
        name: 甲教育集团总校
        school: 甲中学
        role: lead
        head: 总校校长
      - id: g1-east
        name: 甲教育集团东校区
        school: 东小学
        role: member
        head: 执行校长
        from: 2023
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("yaml")


def write(folder: Path, name: str, text: str) -> Path:
    # surrogatepass: a lone surrogate becomes bytes that are not UTF-8, as in a damaged file
    (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    return folder


# --------------------------------------------------------------------------- any text

FRAGMENTS = st.sampled_from(
    [
        "a",
        "中",
        "1",
        "-1",
        "0x1f",
        "1e9",
        ".inf",
        "2023-02-30",
        "2023-09-01",
        "null",
        "yes",
        "district",
        "groups",
        "funding",
        "base_per_group",
        "values",
        ": ",
        ":",
        " ",
        "  ",
        "\n",
        "\n  ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "<<: ",
        "!!str ",
        "!!binary ",
        "!x ",
        "? ",
        "# c",
        "'",
        '"',
        "\\",
        "\\ud800",
        "| ",
        "> ",
        "---",
        "...",
        "%YAML 1.1\n---\n",
        "\t",
        "\x00",
        "\x1b",
        "\ufeff",
        "\ud800",
        "9" * 60,
    ]
)
YAMLISH = st.lists(FRAGMENTS, max_size=40).map("".join)


@settings(max_examples=120)
@given(YAMLISH)
def test_any_text_loads_or_is_a_data_error(folder, text):
    write(folder, "any.yaml", text)
    try:
        load_yaml(folder / "any.yaml", "any.yaml")
    except DataError as exc:
        assert exc.file == "any.yaml"
        assert len(str(exc.message)) < 300


@settings(max_examples=80)
@given(YAMLISH)
def test_any_text_as_pilots_yaml_is_reported_not_raised(folder, text):
    problems = Problems()
    pilots = read_pilots(write(folder, "pilots.yaml", text), problems)
    assert pilots is not None or problems.errors
    assert all(len(str(p.message)) < 300 for p in problems.items)


@settings(max_examples=80)
@given(YAMLISH)
def test_any_text_as_policy_yaml_loads_or_is_an_input_error(folder, text):
    try:
        load_policy(write(folder, "policy.yaml", text))
    except GroupctlError as exc:
        assert exc.file == "policy.yaml"
        assert len(str(exc.message)) < 300


# --------------------------------------------------------------------------- scalars in fields

# A whole number as YAML reads it, or the reason it is not one.
INTEGERS = st.one_of(
    st.integers(-(10**15), 10**15),
    st.integers(-(10**60), 10**60),
    st.integers(0, 2_000_000),
)
DECIMALS = st.decimals(
    min_value=-(10**14), max_value=10**14, allow_nan=False, allow_infinity=False, places=4
)
OTHERS = st.sampled_from(
    [
        "lots",
        "''",
        "'5'",
        '"5"',
        "true",
        "no",
        "~",
        "null",
        ".nan",
        "-.inf",
        "2023-02-30",
        "2023-09-01",
        "2023-09-01 08:00:00",
        "[1, 2]",
        "{a: 1}",
        "0x1F",
        "0o17",
        "1_000",
        "9" * 5000,
        "1.0e999999999",
        "1.0e-30",
        "!!binary aGVsbG8=",
        "&a 5",
        "*a",
    ]
)


def scalar() -> st.SearchStrategy[str]:
    return st.one_of(INTEGERS.map(str), DECIMALS.map(str), OTHERS)


NULLS = ("~", "null")  # an optional field left empty
OTHER_INTEGERS = {"0x1F": 31, "0o17": 15, "1_000": 1000}  # the other ways YAML writes them


def as_number(text: str, quoted: bool = False) -> Decimal | None:
    """What YAML (1.2, decimals exact) makes of ``text`` if it is a plain number; with
    ``quoted``, also a quoted one (policy values read text as a number, like --set)."""
    if quoted and len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) and len(text) <= 40:
        return Decimal(text)
    if text in OTHER_INTEGERS:
        return Decimal(OTHER_INTEGERS[text])
    return None


def field_line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@settings(max_examples=60)
@given(scalar())
def test_compulsory_schools_total(folder, value):
    text = PILOTS.replace("compulsory_schools_total: 10", f"compulsory_schools_total: {value}")
    problems = Problems()
    pilots = read_pilots(write(folder, "pilots.yaml", text), problems)
    number = as_number(value)
    if number is not None and "." not in value and 1 <= number <= 1_000_000:
        assert pilots is not None and pilots.compulsory_schools_total == int(number)
    elif value in NULLS:
        assert pilots is not None and pilots.compulsory_schools_total is None
    else:
        (error,) = problems.errors
        assert (error.file, error.line) == ("pilots.yaml", 2)


BREAKS = "\n\r\x85\u2028\u2029"  # YAML folds line breaks inside quotes
NAMES = st.text(st.characters(blacklist_categories=(), blacklist_characters=BREAKS), max_size=30)


@settings(max_examples=60)
@given(NAMES)
def test_district_names(folder, name):
    text = PILOTS.replace("district: 测试区", f"district: {json.dumps(name, ensure_ascii=False)}")
    problems = Problems()
    pilots = read_pilots(write(folder, "pilots.yaml", text), problems)
    # a name in the tables: no control or formatting character, at most 100 characters
    printable = (
        all(unicodedata.category(c) not in ("Cc", "Cf", "Co", "Cs") for c in name.strip())
        and all(c not in "\ufffe\uffff\x85" for c in name)
        and len(name.strip()) <= 100
        and all(c in "\t" or unicodedata.category(c) != "Cc" for c in name)
    )
    if printable and name.strip():
        assert pilots is not None and pilots.district == name.strip()
    else:
        (error,) = problems.errors
        assert (error.file, error.line) == ("pilots.yaml", 1)


@settings(max_examples=40)
@given(scalar())
def test_a_member_joins_from_a_school_year(folder, value):
    text = PILOTS.replace("from: 2023", f"from: {value}")
    problems = Problems()
    pilots = read_pilots(write(folder, "pilots.yaml", text), problems)
    if (re.fullmatch(r"[0-9]{4}", value) and 1900 <= int(value) <= 2200) or value in NULLS:
        assert pilots is not None
        year = None if value in NULLS else int(value)
        assert pilots.groups[0].campuses[1].from_year == year
    else:
        (error,) = problems.errors
        assert (error.file, error.line) == ("pilots.yaml", field_line(text, "from:"))


def load_one(folder: Path, text: str, path: str) -> object:
    """The value ``path`` takes in 2024 from a policy.yaml holding ``text``, or the
    PolicyError/DataError (with its file and line) it is refused with."""
    try:
        policy = load_policy(write(folder, "policy.yaml", text))
    except GroupctlError as exc:
        assert exc.file == "policy.yaml"
        assert exc.line == 2 or str(exc.message).startswith(("invalid YAML", "YAML"))
        return exc
    return policy.get(path).dated(2024).value


def declared(path: str, number: Decimal) -> bool:
    """Whether ``number`` is within the parameter's declared range (and below LIMIT)."""
    low, high = load_policy().get(path).range or (Decimal(0), Decimal(LIMIT))
    return low <= number <= high and number < LIMIT


@settings(max_examples=60)
@given(scalar())
def test_a_whole_number_parameter(folder, value):
    got = load_one(folder, f"funding:\n  base_per_group: {value}\n", "funding.base_per_group")
    number = as_number(value, quoted=True)
    if (
        number is not None
        and number == number.to_integral_value()
        and declared("funding.base_per_group", number)
    ):
        assert got == int(number)
    else:
        assert isinstance(got, GroupctlError)


@settings(max_examples=60)
@given(scalar())
def test_a_decimal_parameter(folder, value):
    got = load_one(folder, f"finance:\n  bureau_threshold: {value}\n", "finance.bureau_threshold")
    number = as_number(value, quoted=True)
    if number is not None and declared("finance.bureau_threshold", number):
        assert got == number
    else:
        assert isinstance(got, GroupctlError)


BAND_LISTS = st.lists(
    st.tuples(st.integers(-5, 2000), st.integers(-(10**13), 10**13)), min_size=0, max_size=4
)


@settings(max_examples=60)
@given(BAND_LISTS)
def test_supplement_bands(folder, bands):
    items = ", ".join(f"{{min: {lo}, value: {v}}}" for lo, v in bands)
    got = load_one(folder, f"funding:\n  supplement: [{items}]\n", "funding.supplement")
    mins = [lo for lo, _ in bands]
    valid = (
        bands
        and len(set(mins)) == len(mins)
        and min(mins) == 0
        and all(declared("funding.supplement", Decimal(v)) for _, v in bands)
    )
    if valid:
        expected = tuple(Band(Decimal(lo), v) for lo, v in sorted(bands, reverse=True))
        assert got == expected
    else:
        assert isinstance(got, GroupctlError)


SET_TEXT = st.one_of(
    st.from_regex(r"[0-9]{1,20}", fullmatch=True),
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=10).map(lambda t: f"１{t}"),
)


@settings(max_examples=80)
@given(SET_TEXT)
def test_set_a_whole_number(text):
    policy = load_policy()
    try:
        value = policy.with_sets([f"funding.base_per_group={text}"]).get("funding.base_per_group")
    except UsageError as exc:
        assert str(exc.message).startswith("--set funding.base_per_group: ")
        assert len(str(exc.message)) < 300
        return
    digits = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    assert value.dated(2024).value == int(digits) < LIMIT
