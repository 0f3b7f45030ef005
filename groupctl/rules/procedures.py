"""Fixed procedures of the plan, each step next to the clause that sets it.

A step's ``actor`` is who acts: the subject of the plan's sentence. In "由区教育局考察任命，
报区委组织部备案" the bureau appoints and the bureau files; the office it files with is
named in the step's text, not as its actor.

These are sequences of who does what, not figures, so they live here as data
beside their clauses rather than in policy.yaml (which holds numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

from groupctl.catalogue import Join, msg
from groupctl.errors import UsageError
from groupctl.numbers import name_key
from groupctl.suggest import closest


@dataclass(frozen=True)
class ProcedureStep:
    actor: str
    zh: str
    en: str


@dataclass(frozen=True)
class Procedure:
    name: str
    clause: str
    title_zh: str
    title_en: str
    steps: tuple[ProcedureStep, ...]


_S = ProcedureStep

PROCEDURES: tuple[Procedure, ...] = (
    # 六（一）: the bureau names groups and campuses, files with the establishment office.
    Procedure(
        "naming", "6.1", "集团与校（园）区命名", "naming a group and its campuses",
        (
            _S("district_education_bureau", "区教育局确定集团及成员校（园）名称", "the district education bureau names the group and its campuses"),
            _S("district_education_bureau", "报区委编办备案", "files it with the district establishment office (区委编办)"),
            _S("campuses", "各成员校（园）挂牌", "each campus puts up its plaque"),
        ),
    ),
    # 六（四）1（1）: budgets go up through the group to the bureau and finance bureau.
    Procedure(
        "budget", "6.4.1.1", "年度部门预算", "annual departmental budget",
        (
            _S("campuses", "各校（园）编制本校预算", "each campus drafts its budget"),
            _S("group", "集团审核并汇总", "the group reviews and aggregates the budgets"),
            _S("group", "集团报送区教育局", "the group submits them to the district education bureau"),
            _S("bureau_and_finance", "区教育局、区财政局批准", "the education bureau and the finance bureau approve"),
            _S("campuses", "各校（园）组织实施", "each campus carries out its budget"),
        ),
    ),
    # 六（四）1（1）: final accounts take the same road and end with a review.
    Procedure(
        "final-accounts", "6.4.1.1", "年度部门决算", "annual final accounts",
        (
            _S("campuses", "各校（园）编制本校决算", "each campus drafts its final accounts"),
            _S("group", "集团审核并汇总", "the group reviews and aggregates them"),
            _S("group", "集团报送区教育局", "the group submits them to the district education bureau"),
            _S("bureau_and_finance", "区教育局、区财政局审核", "the education bureau and the finance bureau review them"),
        ),
    ),
    # 六（四）2（3）: principals and deputies are appointed by the bureau.
    Procedure(
        "leader-appointment", "6.4.2.3", "校（园）长及副职考察任命", "appointing heads and deputies",
        (
            _S("district_education_bureau", "区教育局考察并任命", "the district education bureau inspects and appoints"),
            _S("district_education_bureau", "报区委组织部备案", "files it with the district organization department (区委组织部)"),
        ),
    ),
    # 六（四）2（3）: middle managers are appointed by the group's head campus.
    Procedure(
        "middle-appointment", "6.4.2.3", "中层干部考察任命", "appointing middle managers",
        (
            _S("group_head_campus", "所在集团总校（园）考察并任命", "the group's head campus inspects and appoints"),
            _S("group_head_campus", "报区教育局备案", "files it with the district education bureau"),
        ),
    ),
    # 六（四）3: each July the group proposes next year's teacher allocation.
    Procedure(
        "teacher-plan", "6.4.3", "教师调配补充方案", "teacher allocation plan",
        (
            _S("group", "集团于每年7月向区教育局报送下学年教师调配补充方案", "each July the group submits next school year's teacher allocation plan to the district education bureau"),
            _S("district_education_bureau", "区教育局审核", "the district education bureau reviews it"),
            _S("district_education_bureau", "区教育局调配补充教师", "the district education bureau allocates and adds teachers"),
            _S("district_education_bureau", "报区委组织部备案", "files it with the district organization department (区委组织部)"),
        ),
    ),
)  # fmt: skip

BY_NAME: dict[str, Procedure] = {p.name: p for p in PROCEDURES}
# every clause procedure cites (groupctl clauses)
CLAUSES: tuple[str, ...] = tuple(dict.fromkeys(p.clause for p in PROCEDURES))


# the Chinese names a clerk may type for a procedure, besides its title (年度部门预算)
ALIASES: dict[str, tuple[str, ...]] = {
    "naming": ("命名", "集团命名", "校区命名"),
    "budget": ("预算", "部门预算"),
    "final-accounts": ("决算", "部门决算", "final_accounts"),
    "leader-appointment": ("校长任命", "园长任命", "校长任命程序", "干部任命"),
    "middle-appointment": ("中层任命", "中层干部任命", "干部任命"),
    "teacher-plan": ("教师调配", "教师调配补充", "教师补充"),
}


def names(p: Procedure) -> tuple[str, ...]:
    """Every name procedure ``p`` answers to: its English name, its title, its aliases."""
    return (p.name, p.title_zh, *ALIASES.get(p.name, ()))


def _listed(found: list[Procedure]) -> Join:
    return Join(tuple(msg("procedure.with_title", name=p.name, title=p.title_zh) for p in found))


def _titles(p: Procedure) -> tuple[str, ...]:
    """The names a fragment may be part of: the Chinese title and the Chinese aliases."""
    return tuple(n for n in (p.title_zh, *ALIASES.get(p.name, ())) if not n.isascii())


def procedure(name: str) -> Procedure:
    """The procedure named by its English name, its Chinese title or a short Chinese name
    (预算, 决算, 命名), compared as campus names are (``name_key``), or by a fragment of
    one procedure's title or alias only (调配); a fragment of several is ambiguous (任命),
    and an unknown name is an error that suggests the closest ones."""
    q = name_key(name)
    found = [p for p in PROCEDURES if q in {name_key(n) for n in names(p)}]
    if not found and q:  # as a campus is found by a fragment of its name
        found = [p for p in PROCEDURES if any(q in name_key(n) for n in _titles(p))]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:  # 干部任命 reads as either appointment
        raise UsageError(msg("procedure.ambiguous", query=name, listed=_listed(found)))
    close = closest(name, PROCEDURES, names)
    if close:
        raise UsageError(msg("procedure.unknown.suggest", query=name, names=_listed(close)))
    known = Join(tuple(p.name for p in PROCEDURES))
    raise UsageError(msg("procedure.unknown", query=name, known=known))
