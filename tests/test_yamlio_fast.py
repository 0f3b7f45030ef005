"""The fast YAML reader (C parser events → dicts and lists) against the reference one
(ruamel.yaml's round-trip loader): the same values, of the same types, with the same line
for every key and item, on every YAML file the project has and on generated documents.

Where the fast reader refuses or leaves a small document to the reference one, the
reference reader's answer is what ``load_yaml`` gives, so only documents the fast reader
does build are compared; a large file (over 128 KB) is the fast reader's alone.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupctl import yamlio
from groupctl.errors import DataError
from groupctl.loaders import read_pilots
from groupctl.problems import Problems
from tests.conftest import PILOTS, REPO
from tests.test_corpus_yaml import CASES
from tests.test_yaml_properties import YAMLISH

pytestmark = pytest.mark.skipif(not yamlio.has_c_parser(), reason="no ruamel.yaml.clib")


def shape(value: Any) -> Any:
    """A value with its exact type and every line, comparable with ==."""
    if isinstance(value, yamlio.YamlMap):
        return (
            "map",
            value.line,
            [
                (shape(k), line, shape(v))
                for (k, v), line in zip(value.items(), value.key_lines, strict=True)
            ],
        )
    if isinstance(value, yamlio.YamlSeq):
        return (
            "seq",
            value.line,
            [(line, shape(v)) for v, line in zip(value, value.item_lines, strict=True)],
        )
    for kind in (bool, int, Decimal, datetime, date, str):
        if isinstance(value, kind):
            return (kind.__name__, str(value))  # str: Decimal 1.0 is not 1.00
    assert value is None, repr(value)
    return None


def fast(text: str) -> tuple[bool, Any]:
    """(True, the document) from the fast reader, or (False, None) when it refuses or
    leaves the document to the reference reader."""
    try:
        return True, yamlio.load_fast(text, yamlio.LARGE.nodes, exact=True)
    except (yamlio._Refused, yamlio._Unsupported):
        return False, None
    except Exception as exc:
        from ruamel.yaml.error import MarkedYAMLError

        assert isinstance(exc, MarkedYAMLError), repr(exc)
        return False, None


def same_as_reference(text: str) -> None:
    built, doc = fast(text)
    try:
        expected = yamlio.load_reference(text, "t.yaml", yamlio.LARGE.nodes)
    except DataError as exc:
        assert not built, f"fast reader built {doc!r}; the reference refuses: {exc}"
        return
    if built:
        assert shape(doc) == shape(expected)


def bundled() -> list[Path]:
    return [REPO / "groupctl" / "policy.yaml", REPO / "data" / "pilots.yaml"]


@pytest.mark.parametrize("path", bundled(), ids=lambda p: p.name)
def test_the_bundled_files_read_alike_and_fast(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    built, doc = fast(text)
    assert built  # the bundled files never need the reference reader
    assert shape(doc) == shape(yamlio.load_reference(text, path.name))


def test_the_test_files_read_alike() -> None:
    texts = [PILOTS] + [c.content for c in CASES if isinstance(c.content, str)]
    for text in texts:
        same_as_reference(text)


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench", REPO / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_synthetic_district_reads_alike(tmp_path: Path) -> None:
    _bench().make_district(tmp_path, 30)
    same_as_reference((tmp_path / "pilots.yaml").read_text(encoding="utf-8"))
    problems = Problems()
    pilots = read_pilots(tmp_path, problems)
    assert pilots is not None and len(list(pilots.campuses())) == 150, problems.items


SCALARS = st.sampled_from(
    [
        "a",
        "中文",
        "0",
        "7",
        "-12",
        "+5",
        "007",
        "0x1F",
        "0o17",
        "0b101",
        "1_000",
        "12:30",
        "1.5",
        "-0.25",
        "1.",
        ".5",
        "1e3",
        "1.0e-30",
        ".inf",
        "-.inf",
        ".nan",
        "9" * 45,
        "2023-09-01",
        "2023-02-30",
        "2023-9-1",
        "2023-09-01 08:00:00",
        "2023-09-01T08:00:00Z",
        "true",
        "False",
        "TRUE",
        "yes",
        "no",
        "on",
        "null",
        "~",
        "Null",
        "''",
        "'5'",
        '"5"',
        '"a\\tb"',
        '"\\u4e2d"',
        "'it''s'",
        "!!str 5",
        "!!int '7'",
        "!!float 2",
        "! 5",
        "<<",
        "=",
        "a b",
        "x: y",
        "- z",
    ]
)
KEYS = st.one_of(
    st.sampled_from(["id", "name", "1", "true", "null", "2023-09-01", "1.5", "'q'", "n"]),
    st.from_regex(r"[a-z]{1,6}", fullmatch=True),
)


def _block(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:")
                lines += _block(v, indent + 2)
            else:
                lines.append(f"{pad}{k}: {_flow(v)}")
        return lines or [f"{pad}{{}}"]
    lines = []
    for v in value:
        if isinstance(v, (dict, list)) and v:
            inner = _block(v, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
        else:
            lines.append(f"{pad}- {_flow(v)}")
    return lines or [f"{pad}[]"]


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return str(value)


DOCS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=60)
@given(DOCS, st.booleans())
def test_generated_documents_read_alike(doc: Any, flow: bool) -> None:
    text = _flow(doc) if flow or not isinstance(doc, (dict, list)) else "\n".join(_block(doc, 0))
    same_as_reference(text + "\n")


@settings(max_examples=60)
@given(YAMLISH)
def test_any_text_reads_alike(text: str) -> None:
    same_as_reference(text)


def test_a_large_file_is_refused_with_the_line_by_the_fast_reader(tmp_path: Path) -> None:
    _bench().make_district(tmp_path, 900)  # about 170 KB: past the reference reader's bound
    path = tmp_path / "pilots.yaml"
    text = path.read_text(encoding="utf-8")
    assert len(text.encode()) > yamlio.SMALL_BYTES
    lines = text.splitlines()
    cases = {
        "        head: &h 总校校长": "数据文件中不能使用 YAML 锚点和别名",
        "        head: !!binary aGVsbG8=": "数据文件中不能使用 YAML 标签",
        "        head: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x": "嵌套超过 32 层",
        "        name: x\n        name: y": "键 'name' 重复",
        "        head: 总校校长\n       bad: [": "YAML 格式有误",
    }
    for spoiled, words in cases.items():
        where = 999  # line 1,000
        path.write_text("\n".join([*lines[:where], spoiled, *lines[where + 1 :]]), "utf-8")
        with pytest.raises(DataError) as caught:
            yamlio.load_yaml(path, "pilots.yaml")
        assert words in caught.value.render("zh")
        assert caught.value.line in (1000, 1001), caught.value.render("en")


def test_pilots_yaml_may_be_large_and_policy_yaml_may_not(tmp_path: Path) -> None:
    big = "# padding\n" * 20_000 + "district: x\n"  # 200 KB
    for name, readable in (("pilots.yaml", True), ("policy.yaml", False)):
        (tmp_path / name).write_text(big, encoding="utf-8")
        if readable:
            assert yamlio.load_yaml(tmp_path / name, name) == {"district": "x"}
        else:
            with pytest.raises(DataError, match="too large"):
                yamlio.load_yaml(tmp_path / name, name)


def test_lines_of_keys_and_items() -> None:
    doc = yamlio.load_fast("a: 1\nb:\n  - x\n  - {c: 2}\n", 100)
    assert json.dumps(doc) == '{"a": 1, "b": ["x", {"c": 2}]}'
    assert yamlio.key_line(doc, "b") == 2 and yamlio.key_line(doc, "z") is None
    assert yamlio.node_line(doc["b"]) == 3
    assert [yamlio.item_line(doc["b"], i) for i in range(3)] == [3, 4, None]
    assert yamlio.key_line(doc["b"][1], "c") == 4


def test_the_characters_yaml_forbids() -> None:
    allowed = [(0x09, 0x0A), (0x0D, 0x0D), (0x20, 0x7E), (0x85, 0x85), (0xA0, 0xD7FF)]
    allowed += [(0xE000, 0xFFFD), (0x10000, 0x10FFFF)]  # YAML 1.2 §5.1
    edges = {c + d for low, high in allowed for c in (low, high) for d in (-1, 0, 1)}
    for code in sorted(c for c in edges if 0 <= c <= 0x10FFFF):
        ok = any(low <= code <= high for low, high in allowed)
        assert (yamlio.unprintable(chr(code)) is None) == ok, hex(code)
