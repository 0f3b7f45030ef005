"""The streamed JSON writer: byte for byte what ``json.dumps(indent=2)`` writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupctl.output.render import write_json

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=8),
    st.sampled_from(['"', "\\", "\n", "中文", "\x00", "\u2028", "\ud800"]),
)
KEYS = st.one_of(st.text(max_size=5), st.integers(), st.booleans(), st.none())
DOCS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(KEYS, inner, max_size=4),
    ),
    max_leaves=20,
)


def written(doc: Any) -> str:
    parts: list[str] = []
    write_json(doc, parts.append)
    return "".join(parts)


@settings(max_examples=80)
@given(DOCS)
def test_the_same_bytes_as_json_dumps(doc: Any) -> None:
    assert written(doc) == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_a_large_document_is_written_in_pieces() -> None:
    doc = {"groups": [{"id": f"g{i}", "campuses": [{"n": i, "x": None}]} for i in range(3000)]}
    parts: list[str] = []
    write_json(doc, parts.append)
    assert len(parts) > 10 and max(map(len, parts)) < 200_000
    assert "".join(parts) == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_a_float_is_refused_not_written() -> None:
    # figures leave as exact decimal text; a float would be one that lost its exactness
    with pytest.raises(TypeError):
        written({"amount": 0.1})
    with pytest.raises(TypeError):
        written({0.5: "key"})
