"""Bad-input corpus for the YAML files (pilots.yaml, a data folder's policy.yaml) and the
policy parameters, whatever their source (issue 10, classes 1, 2, 4 and 6).

Each case runs real commands in-process on a copy of the bundled data with one file
spoiled: ``funding 2023 --data D`` must answer with exit 2 and one line on stderr,
``错误：FILE:LINE: …``, and ``check --data D`` must list the same problem as an error
(exit 1) where it can read the folder at all.  Neither may print a traceback or an
"internal error", or take longer than a hang bound.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CAMPUSES, REPO
from tests.conftest import PILOTS as SMALL

# the small data folder of conftest (two groups, six campuses: fast to read) with a total
DISTRICT = "district: 测试区"
TOTAL = "compulsory_schools_total: 26"
PILOTS = SMALL.replace(DISTRICT, f"{DISTRICT}\n{TOTAL}", 1)
BOUND = 2.0  # seconds: generous, a hang is what it catches
LONGEST_LINE = 400  # characters: every value a message quotes is bounded

ALIASES = "数据文件中不能使用 YAML 锚点和别名（&名称、*名称）"
DEEP = "嵌套超过 32 层"
TAGS = "数据文件中不能使用 YAML 标签"
INVALID = "YAML 格式有误"
NOT_UTF8 = "不是 UTF-8 编码的文本"
TOO_LARGE = "文件过大"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# a billion laughs: nine levels of ten aliases each would expand to 10^9 strings
LAUGHS = 'l0: &l0 "lol"\n' + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 10)
)


@dataclass(frozen=True)
class Case:
    id: str
    file: str  # the file spoiled: pilots.yaml or policy.yaml
    content: str | bytes | None  # None: ``setup`` makes the file
    line: int | None  # the line the error names; None: the file only
    fragment: str  # a part of the message
    setup: Callable[[Path], None] | None = None
    check: bool = True  # check --data D lists it as an error (exit 1); else exit 2 too
    sets: tuple[str, ...] = ()


def pilots(id: str, old: str, new: str, needle: str, fragment: str) -> Case:
    """pilots.yaml with ``old`` replaced by ``new``; the error is on the line of ``needle``."""
    text = swap(PILOTS, old, new)
    return Case(id, "pilots.yaml", text, line_of(text, needle), fragment)


HEAD = "head: 总校校长"
ROLE = "        role: lead\n"
IN = " " * 8  # a campus's keys

PILOTS_CASES = [
    # class 1: anchors and aliases, as a value, a key, a list item, a merge, a bomb
    pilots("p-anchor-district", DISTRICT, "district: &d 中卫市沙坡头区", "&d", ALIASES),
    pilots("p-alias-head", HEAD, "head: *h", "*h", ALIASES),
    Case(
        "p-anchor-then-alias-head",
        "pilots.yaml",
        swap(swap(PILOTS, DISTRICT, f"{DISTRICT}\nx: &h 总校校长"), HEAD, "head: *h"),
        line_of(PILOTS, DISTRICT) + 1,
        ALIASES,
    ),
    pilots("p-anchor-key", DISTRICT, "&k district: 中卫市沙坡头区", "&k", ALIASES),
    pilots(
        "p-anchor-list-item",
        ROLE,
        f"{ROLE}{IN}aliases: [&a 甲中, *a]\n",
        "&a",
        ALIASES,
    ),
    pilots("p-merge-key", ROLE, f"{ROLE}{IN}<<: *base\n", "<<", ALIASES),
    Case(
        "p-bomb-as-head",
        "pilots.yaml",
        swap(swap(PILOTS, DISTRICT, f"{LAUGHS}{DISTRICT}"), HEAD, "head: *l9"),
        line_of(PILOTS, DISTRICT),
        ALIASES,
    ),
    pilots(
        "p-bomb-as-district",
        DISTRICT,
        f"{LAUGHS}district: *l9",
        "&l0",
        ALIASES,
    ),
    # class 6: nesting, characters, dates, numbers, tags
    pilots("p-deep-flow-list", DISTRICT, "district: " + "[" * 5000, "district", DEEP),
    pilots("p-deep-flow-map", DISTRICT, "district: " + "{a: " * 600, "district", DEEP),
    Case(
        "p-deep-block",
        "pilots.yaml",
        "".join("  " * i + f"k{i}:\n" for i in range(60)),
        32,  # the 33rd node down: keys count as well as the mappings below them
        DEEP,
    ),
    pilots("p-nul", DISTRICT, "district: 中卫\x00市", "district", "U+0000"),
    pilots("p-escape-char", DISTRICT, "district: 中卫\x1b市", "district", "U+001B"),
    pilots(
        "p-impossible-from",
        ROLE,
        f"{ROLE}{IN}from: 2023-02-30\n",
        "from:",
        "from 应为 2023 这样的学年，而不是“2023-02-30”",
    ),
    pilots(
        "p-impossible-until",
        ROLE,
        f"{ROLE}{IN}until: 2023-13-01\n",
        "until:",
        "until 应为 2023 这样的学年，而不是“2023-13-01”",
    ),
    pilots(
        "p-datetime-from",
        ROLE,
        f"{ROLE}{IN}from: 2023-09-01 08:00:00\n",
        "from:",
        "而不是“2023-09-01T08:00:00”",
    ),
    pilots(
        "p-huge-total", TOTAL, "compulsory_schools_total: " + "9" * 5000, TOTAL[:10], "而不是“99"
    ),
    pilots(
        "p-huge-hex-total", TOTAL, "compulsory_schools_total: 0x" + "f" * 5000, TOTAL[:10], "0x"
    ),
    pilots(
        "p-absurd-total",
        TOTAL,
        "compulsory_schools_total: 10000000000000",
        TOTAL[:10],
        "1 至 1,000,000",
    ),
    pilots("p-inf-total", TOTAL, "compulsory_schools_total: .inf", TOTAL[:10], "“.inf”"),
    pilots("p-huge-from", ROLE, f"{ROLE}{IN}from: {'2' * 5000}\n", "from:", "学年"),
    pilots("p-binary-tag", DISTRICT, "district: !!binary aGVsbG8=", "district", TAGS),
    pilots(
        "p-python-tag",
        DISTRICT,
        'district: !!python/object/apply:os.system ["true"]',
        "district",
        TAGS,
    ),
    # a plain key is at most 1024 characters (YAML); an explicit one may be longer
    pilots("p-long-plain-key", DISTRICT, f"{DISTRICT}\n{'k' * 100_000}: 1", "kkk", INVALID),
    pilots("p-long-key", DISTRICT, f"{DISTRICT}\n? {'k' * 100_000}\n: 1", "? kkk", "不认识的项"),
    pilots("p-long-head", HEAD, f"head: {'长' * 30_000}", "长长", "至多 100 个字符"),
    pilots("p-long-id", "id: g1-main", f"id: {'a' * 5000}", "aaaa", "至多 100 个字符"),
    pilots(
        "p-duplicate-key-long-value",
        DISTRICT,
        f"{DISTRICT}\ndistrict: {'x' * 50_000}",
        "district: x",
        INVALID,
    ),
    Case("p-not-utf8", "pilots.yaml", b"district: \xff\xfe\n", 1, NOT_UTF8),
]


def policy(id: str, text: str, needle: str | None, fragment: str) -> Case:
    """A data folder's policy.yaml; the error is on the line of ``needle``."""
    return Case(
        id, "policy.yaml", text, None if needle is None else line_of(text, needle), fragment
    )


BANDS = {  # each band parameter whose values are numbers, with a legal minimum
    "funding.supplement": ("funding:\n  supplement:\n", 0),
    "leaders.school": ("leaders:\n  school:\n", 0),
    "leaders.kindergarten": ("leaders:\n  kindergarten:\n", 0),
    "teachers.kindergarten_established": ("teachers:\n  kindergarten_established:\n", 0),
}
NEGATIVE_BANDS = [
    policy(
        f"q-negative-band-{path}",
        f"{head}    - {{min: 100, value: 1}}\n    - {{min: 0, value: -20000}}\n",
        head.split("\n")[1],  # the error names the parameter's line
        "分档数值不能小于 0，而不是“-20000”",
    )
    for path, (head, _) in BANDS.items()
] + [
    policy(
        "q-negative-supplement-flow",
        "funding: {supplement: [{min: 0, value: -20000}]}\n",
        "funding",
        "funding.supplement：分档数值不能小于 0，而不是“-20000”",
    ),
    policy(
        "q-negative-band-dated",
        "leaders:\n  school:\n    values:\n      2024-09-01:\n        - {min: 0, value: -1}\n",
        "2024-09-01",
        "leaders.school：分档数值不能小于 0，而不是“-1”",
    ),
]
RATIO = "teachers:\n  student_ratio:\n    primary: "
POLICY_CASES = [
    # class 1
    policy(
        "q-alias-value", "funding:\n  base_per_group: &x 5\nleaders:\n  heads: *x\n", "&x", ALIASES
    ),
    policy("q-bomb-value", LAUGHS + "funding:\n  base_per_group: *l9\n", "&l0", ALIASES),
    policy(
        "q-bomb-in-purposes",
        "finance:\n  special_fund_purposes:\n    values:\n      2023-04-01: &p [a, b]\n"
        "      2024-09-01: *p\n",
        "&p",
        ALIASES,
    ),
    policy(
        "q-alias-purpose-item",
        "finance:\n  special_fund_purposes: [&a 送课活动, *a]\n",
        "&a",
        ALIASES,
    ),
    policy(
        "q-anchor-values-key",
        "funding:\n  base_per_group:\n    values:\n      &d 2024-09-01: 5\n",
        "&d",
        ALIASES,
    ),
    # class 6
    policy("q-deep-flow-list", "funding:\n  base_per_group: " + "[" * 5000 + "\n", "base", DEEP),
    policy("q-deep-flow-map", "funding:\n  base_per_group: " + "{a: " * 600 + "\n", "base", DEEP),
    policy("q-nul", "funding:\n  base_per_group: 5\x00\n", "base", "U+0000"),
    policy(
        "q-impossible-values-key",
        "funding:\n  base_per_group:\n    values:\n      2023-13-01: 5\n",
        "2023-13-01",
        "“2023-13-01”不是 2023-04-01 这样的日期",
    ),
    policy(
        "q-impossible-values-day",
        "funding:\n  base_per_group:\n    values:\n      2023-02-30: 5\n",
        "2023-02-30",
        "“2023-02-30”不是 2023-04-01 这样的日期",
    ),
    policy(
        "q-datetime-values-key",
        "funding:\n  base_per_group:\n    values:\n      2023-09-01 08:00:00: 5\n",
        "2023-09-01",
        "不是 2023-04-01 这样的日期",
    ),
    policy(
        "q-impossible-date-as-value",
        "funding:\n  base_per_group: 2023-02-30\n",
        "base",
        "应为不小于 0 的整数，而不是“2023-02-30”",
    ),
    policy("q-huge-int", "funding:\n  base_per_group: " + "9" * 5000 + "\n", "base", "而不是“99"),
    policy(
        "q-huge-float",
        "finance:\n  bureau_threshold: " + "9" * 5000 + ".5\n",
        "bureau",
        "而不是“99",
    ),
    policy(
        "q-huge-exponent",
        "finance:\n  bureau_threshold: 1.0e999999999\n",
        "bureau",
        "应为不小于 0 的数，而不是“1.0e999999999”",
    ),
    policy("q-large-exponent", "finance:\n  bureau_threshold: 1.0e30\n", "bureau", "应小于 10^12"),
    policy("q-tiny-exponent", f"{RATIO}1.0e-999999\n", "primary", "而不是“1.0e-999999”"),
    policy("q-tiny-ratio", f"{RATIO}1.0e-30\n", "primary", "应为 0 或不小于 10^-12"),
    policy("q-inf", "finance:\n  bureau_threshold: .inf\n", "bureau", "而不是“.inf”"),
    policy("q-nan", "finance:\n  bureau_threshold: .nan\n", "bureau", "而不是“.nan”"),
    policy("q-set-tag", "funding:\n  base_per_group: !!set {a, b}\n", "base", TAGS),
    # class 2: ranges and types, whatever the parameter
    *NEGATIVE_BANDS,
    policy(
        "q-absurd-count", "leaders:\n  heads: 1000000000000000000000000\n", "heads", "应小于 10^12"
    ),
    policy(
        "q-absurd-band-value",
        "funding:\n  supplement: [{min: 0, value: 1000000000000000}]\n",
        "supplement",
        "分档数值应小于 10^12",
    ),
    policy(
        "q-absurd-band-minimum",
        "funding:\n  supplement: [{min: 1000000000000000, value: 1}, {min: 0, value: 1}]\n",
        "supplement",
        "分档下限应小于 10^12",
    ),
    policy(
        "q-text-band-value",
        "funding:\n  supplement: [{min: 0, value: lots}]\n",
        "supplement",
        "分档数值应为数",
    ),
    policy(
        "q-rate-above-1", "coverage:\n  target: 5\n", "target", "应为 0 至 1 之间的比率，而不是“5”"
    ),
    policy(
        "q-year-absurd",
        "coverage:\n  target_year: 99999\n",
        "target_year",
        "应为 1900 至 2200 之间的年份",
    ),
    policy(
        "q-list-for-number",
        "funding:\n  base_per_group: [1, 2]\n",
        "base",
        "应为不小于 0 的整数",
    ),
    policy(
        "q-number-for-texts",
        "finance:\n  special_fund_purposes: 5\n",
        "special",
        "应为名称列表",
    ),
    policy(
        "q-word-for-flag",
        "funding:\n  supplement_includes_lead: maybe\n",
        "supplement",
        "true 或 false",
    ),
    policy(
        "q-description-not-text",
        "funding:\n  base_per_group:\n    description: [a]\n    values:\n      2024-09-01: 5\n",
        "base",
        "description 应为文字",
    ),
    policy(
        "q-long-unknown-path",
        "funding:\n  ? " + "x" * 100_000 + "\n  : 5\n",
        "xxx",
        "没有参数",
    ),
    policy("q-not-a-mapping", "- 1\n- 2\n", "- 1", "应为“参数路径: 取值”的映射"),
    Case("q-not-utf8", "policy.yaml", b"funding:\n  base_per_group: \xff\n", 2, NOT_UTF8),
]


def _symlink(target: str) -> Callable[[Path], None]:
    def make(f: Path) -> None:
        try:
            f.symlink_to(target)
        except (OSError, NotImplementedError):
            pytest.skip("this system refuses symbolic links")

    return make


def _fifo(f: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(f)


def _sparse(f: Path) -> None:
    with f.open("wb") as handle:
        handle.truncate(5 * 1024**3)  # 5 GB that take no space


def _big(f: Path) -> None:
    f.write_text("# padding\n" * 100_000 + "funding: {}\n", encoding="utf-8")


SPECIAL = {
    "dir": (Path.mkdir, "是文件夹，不是文件"),
    "dangling-link": (_symlink("nowhere.yaml"), "是指向不存在文件的符号链接"),
    "link-loop": (_symlink("policy.yaml"), "是无法打开的符号链接"),
    "fifo": (_fifo, "不是普通文件"),
    "sparse-5gb": (_sparse, TOO_LARGE),
    "1mb": (_big, TOO_LARGE),
}
FILE_CASES = (
    [
        Case(f"q-{name}", "policy.yaml", None, None, fragment, setup)
        for name, (setup, fragment) in SPECIAL.items()
    ]
    + [
        # pilots.yaml that is no file: the data folder is refused as a whole (it has none)
        Case(f"p-{name}", "pilots.yaml", None, None, "pilots.yaml", setup, check=False)
        for name, (setup, _) in SPECIAL.items()
        if name in ("dir", "dangling-link", "fifo")
    ]
    + [
        Case(
            "p-link-loop", "pilots.yaml", None, None, "pilots.yaml", _symlink("pilots.yaml"), False
        ),
        Case("p-sparse-5gb", "pilots.yaml", None, None, TOO_LARGE, _sparse),
    ]
)

SET_CASES = [
    Case(f"set-{i}", "--set", None, None, fragment, sets=(item,), check=False)
    for i, (item, fragment) in enumerate(
        [
            ("funding.base_per_group=" + "9" * 5000, "应为不小于 0 的整数，而不是“99"),
            ("funding.supplement=0:-20000", "分档数值不能小于 0，而不是“-20000”"),
            ("leaders.school=300:1,0:-1", "分档数值不能小于 0，而不是“-1”"),
            ("funding.supplement=0:" + "9" * 20, "分档数值应小于 10^12"),
            ("leaders.heads=1000000000000000", "应小于 10^12"),
            ("coverage.target=5", "应为 0 至 1 之间的比率"),
            ("teachers.student_ratio.primary=0.0000000000000000000000000001", "不小于 10^-12"),
            ("x" * 100_000 + "=1", "没有参数"),
            ("funding.base_per_group", "--set 应写作 参数路径=值"),
        ]
    )
]

CASES = PILOTS_CASES + POLICY_CASES + FILE_CASES + SET_CASES


def _small(d: Path) -> None:
    d.mkdir()
    (d / "pilots.yaml").write_text(PILOTS, encoding="utf-8")
    (d / "campuses.csv").write_text(CAMPUSES, encoding="utf-8")


def _folder(tmp_path: Path, case: Case) -> Path:
    d = tmp_path / "data"
    _small(d)
    if case.file == "--set":
        return d
    f = d / case.file
    f.unlink(missing_ok=True)
    if case.setup is not None:
        case.setup(f)
    elif isinstance(case.content, bytes):
        f.write_bytes(case.content)
    else:
        assert case.content is not None
        f.write_text(case.content, encoding="utf-8")
    return d


def _run(cli: Callable[..., object], *args: str) -> tuple[object, float]:
    start = time.monotonic()
    result = cli(*args)
    return result, time.monotonic() - start


def _sound(result: object) -> None:
    for stream in (result.stdout, result.stderr):  # type: ignore[attr-defined]
        assert "Traceback" not in stream
        assert "internal error" not in stream


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 35
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_funding_refuses_with_one_line(cli, tmp_path, case):
    d = _folder(tmp_path, case)
    args = ["funding", "2023", "--data", str(d)]
    for item in case.sets:
        args += ["--set", item]
    result, took = _run(cli, *args)
    _sound(result)
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith("错误："), line
    assert len(line) < LONGEST_LINE, line[:200]
    assert case.fragment in line
    if case.file == "--set":
        assert "--set" in line or "没有参数" in line
    elif case.line is not None:
        assert line.startswith(f"错误：{case.file}:{case.line}："), line
    else:
        assert case.file in line
    assert took < BOUND, f"{case.id} took {took:.2f}s"


CHECKED = [c for c in CASES if c.check]


@pytest.mark.parametrize("case", CHECKED, ids=[c.id for c in CHECKED])
def test_check_lists_the_error(cli, tmp_path, case):
    d = _folder(tmp_path, case)
    result, took = _run(cli, "check", "--data", str(d), "-f", "json")
    _sound(result)
    assert result.exit_code == 1, result.stderr
    errors = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert errors, result.stdout
    first = errors[0]
    assert first["file"] == case.file
    assert first["line"] == case.line
    assert case.fragment in first["message"] or case.fragment == case.file
    assert len(first["message"]) < LONGEST_LINE
    assert took < BOUND, f"{case.id} took {took:.2f}s"


def test_the_bundled_policy_has_no_anchors_or_aliases():
    text = (REPO / "groupctl" / "policy.yaml").read_text(encoding="utf-8")
    from groupctl.yamlio import load_yaml

    load_yaml(REPO / "groupctl" / "policy.yaml", "policy.yaml")  # would refuse them
    assert "*" not in "".join(line.split("#")[0] for line in text.splitlines())


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
@pytest.mark.parametrize("name", ["policy.yaml", "pilots.yaml"])
def test_an_unreadable_file_is_named(cli, tmp_path, name):
    d = tmp_path / "data"
    _small(d)
    if name == "policy.yaml":
        (d / name).write_text("funding: {}\n", encoding="utf-8")
    (d / name).chmod(0)
    try:
        result, _ = _run(cli, "funding", "2023", "--data", str(d))
    finally:
        (d / name).chmod(0o644)
    _sound(result)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：{name}")


@pytest.mark.parametrize("name", ["policy.yaml", "pilots.yaml"])
def test_a_file_the_os_refuses_to_read_is_named(cli, tmp_path, monkeypatch, name):
    """The same refusal where permissions cannot be taken away (as root): the open fails."""
    import builtins

    import groupctl.yamlio

    d = tmp_path / "data"
    _small(d)
    refused = d / name
    refused.write_text("funding: {}\n" if name == "policy.yaml" else PILOTS, encoding="utf-8")

    def guarded(path: object, *args: object, **kwargs: object) -> object:
        if Path(str(path)) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(groupctl.yamlio, "open", guarded, raising=False)
    result, took = _run(cli, "funding", "2023", "--data", str(d))
    _sound(result)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：{name}")
    assert result.stderr.endswith("无法读取：没有权限\n")
    assert took < BOUND
