"""The records written out by hand (issue 11, start-up) behave as the dataclasses they were."""

from __future__ import annotations

from decimal import Decimal

from groupctl.model import Campus, Enrollment, Staff, StaffRow, StageRow
from groupctl.output.model import Meta, Output, Row, Section
from groupctl.problems import Problem, Problems
from groupctl.results import Explain
from groupctl.rules.funding import CampusFunding, GroupFunding


def test_model_records_compare_hash_and_show_their_fields() -> None:
    a = Campus("c1", "一校", "一小", "lead", "总校校长", "g1", line=3)
    b = Campus("c1", "一校", "一小", "lead", "总校校长", "g1", line=3)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Campus("c1", "一校", "一小", "lead", "总校校长", "g1", line=4)
    assert repr(a).startswith("Campus(id='c1', name='一校', school='一小', role='lead'")
    assert StageRow(2023, "c1", "primary", 10, 1, 2) != StaffRow(2023, "c1", 10, 1, 2)


def test_indexes_are_not_compared() -> None:
    rows = (StageRow(2023, "c1", "primary", 10, 1, 2), StageRow(2023, "c1", "junior", 5, 1, 3))
    assert Enrollment(rows) == Enrollment(rows)
    assert Enrollment(rows).stages(2023, "c1") == rows
    staff = Staff((StaffRow(2023, "c1", 10, 1, 2),))
    assert staff.get(2023, "c1") == StaffRow(2023, "c1", 10, 1, 2)
    assert staff.get(2024, "c1") is None and staff.years() == (2023,)


def test_funding_explains_itself_when_asked() -> None:
    c = CampusFunding("c1", "一校", "一校", "member", 300, "<500", True, 150_000)
    assert c.explain == Explain(
        ("6.3",),
        {"students": 300, "role": "member"},
        ("funding.supplement", "funding.supplement_includes_lead"),
    )
    g = GroupFunding("g1", "一集团", 100_000, 150_000, 250_000, (c,))
    assert g.explain == Explain(("6.3",), {"campuses": 1}, ("funding.base_per_group",))
    assert c == CampusFunding("c1", "一校", "一校", "member", 300, "<500", True, 150_000)


def test_problems_and_outputs_compare_as_before() -> None:
    assert Problem("error", "a.csv", 2, "x") == Problem("error", "a.csv", 2, "x")
    assert Problem("error", "a.csv", 2, "x") != Problem("warning", "a.csv", 2, "x")
    p, q = Problems(), Problems()
    p.error("a.csv", 1, "x")
    q.error("a.csv", 1, "x")
    assert p == q
    meta = Meta("1", None)
    assert meta.doc()["warnings"] == [] and Meta("1", None).warnings is not meta.warnings
    section = Section("s", "t", ())
    section.add(a=Decimal(1))
    assert section.rows == [Row({"a": Decimal(1)}, "plain", {})]
    out = Output("funding", meta, {}, [section], 2023)
    assert out.document() == {
        "command": "funding",
        "year": 2023,
        "school_year": "2023-2024",
        "meta": meta.doc(),
    }
