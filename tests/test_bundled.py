"""The bundled data: the plan's annex exactly, and headcounts that exercise every band."""

from __future__ import annotations

from groupctl.loaders import BUNDLED_DATA, load_data
from groupctl.policy import band_index, load_policy

ANNEX = {
    "中卫市第七小学教育集团": [
        ("中卫市第七小学教育集团总校", "中卫市第七小学", "lead", "总校校长"),
        ("中卫市第七小学教育集团双渠校区", "中卫市第十小学", "member", "执行校长"),
    ],
    "中卫市第四中学教育集团": [
        ("中卫市第四中学教育集团总校", "中卫市第四中学", "lead", "总校校长"),
        ("中卫市第四中学教育集团镇罗校区", "镇罗中学", "member", "执行校长"),
        ("中卫市第四中学教育集团郭滩校区", "郭滩学校", "member", "执行校长"),
        ("中卫市第四中学教育集团观音校区", "观音学校", "member", "执行校长"),
    ],
    "中卫市宣和教育集团": [
        ("中卫市宣和教育集团总校（宣和中学）", "宣和中学", "lead", "总校校长"),
        ("中卫市宣和教育集团东月校区", "东月学校", "member", "执行校长"),
        ("中卫市宣和教育集团张洪校区", "张洪学校", "member", "执行校长"),
        ("中卫市宣和教育集团宣和小学校区", "宣和小学", "member", "执行校长"),
        ("中卫市宣和教育集团宣和幼儿园", "宣和幼儿园", "member", "执行园长"),
    ],
    "中卫市兴仁教育集团": [
        ("中卫市兴仁教育集团总校（兴仁中学）", "中卫市兴仁中学", "lead", "总校校长"),
        ("中卫市兴仁教育集团兴仁小学", "兴仁小学", "member", "执行校长"),
        ("中卫市兴仁教育集团郝集校区", "郝集小学", "member", "执行校长"),
        ("中卫市兴仁教育集团王团校区", "王团小学", "member", "执行校长"),
        ("中卫市兴仁教育集团高庄校区", "高庄小学", "member", "执行校长"),
        ("中卫市兴仁教育集团温寨柯校区", "温寨柯小学", "member", "执行校长"),
        ("中卫市兴仁教育集团兴仁幼儿园", "兴仁幼儿园", "member", "执行校长"),
    ],
    "中卫市第二幼儿园教育集团": [
        ("中卫市第二幼儿园教育集团总园", "中卫市第二幼儿园", "lead", "总园长"),
        ("中卫市第二幼儿园教育集团香山分园", "中卫市香山幼儿园", "member", "执行园长"),
        ("中卫市第二幼儿园教育集团文萃分园", "中卫市文萃幼儿园", "member", "执行园长"),
    ],
}


def test_the_bundled_pilots_are_the_annex():
    pilots = load_data(BUNDLED_DATA).pilots
    got = {g.name: [(c.name, c.school, c.role, c.head) for c in g.campuses] for g in pilots.groups}
    assert got == ANNEX
    assert list(got) == list(ANNEX)  # in the annex's order
    assert sum(len(v) for v in got.values()) == 21
    assert [g.type for g in pilots.groups] == ["school"] * 4 + ["kindergarten"]


def test_bundled_headcounts_cover_2023_to_2025_for_every_campus():
    # 2025 is the plan's target year for coverage (七（三）): the data reaches it
    data = load_data(BUNDLED_DATA)
    assert data.enrollment.years() == (2023, 2024, 2025)
    for year in (2023, 2024, 2025):
        for c in data.pilots.campuses():
            assert data.enrollment.stages(year, c.id), (year, c.id)


def test_bundled_headcounts_exercise_every_band():
    data, policy = load_data(BUNDLED_DATA), load_policy()
    e = data.enrollment
    for path, measure, kindergarten in [
        ("funding.supplement", e.students, None),
        ("leaders.school", e.students, False),
        ("leaders.kindergarten", e.classes, True),
        ("teachers.kindergarten_established", e.classes, True),
    ]:
        bands = policy.params(2023).bands(path)
        hit = {
            band_index(bands, measure(2023, c.id))
            for c in data.pilots.campuses()
            if kindergarten is None or e.is_kindergarten(2023, c.id) == kindergarten
        }
        assert hit == set(range(len(bands))), path
