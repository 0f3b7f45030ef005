"""六（四）4 Head allowances: a monthly base part and a year-end efficiency part.

Every campus head of a group in the school year — the group head (总校（园）长)
on the lead campus and each member's 执行校（园）长 — has an annual standard by
role (``allowance.annual_standard.*``, set by the bureau under 卫沙教发〔2022〕16号;
the bundled values are examples).  The plan splits it 70 / 30 (SPEC §3):

* base part = standard × ``allowance.base_share``, rounded half up to the fen, paid
  every month: the monthly amount is rounded half up to the fen and the last month
  takes what is left, so the twelve payments add up to the base part exactly;
* efficiency part = standard × ``allowance.efficiency_share`` × the factor of
  **the group's** grade in the year's assessment (``allowance.efficiency_factor.*``;
  六（五）), computed exactly and rounded half up to the fen once, paid at year end.

Each part is rounded once from its exact product.  With the plan's shares and a
standard in whole yuan both products are already whole fen, so base + efficiency
at factor 1 is the standard itself; a standard with fen can end a fen away from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from groupctl.errors import PolicyError
from groupctl.model import Dataset, Role, Scores
from groupctl.numbers import CENT, round_fraction_half_up
from groupctl.policy import Params, ParamUse, Policy
from groupctl.results import Explain
from groupctl.rules.assessment import AssessmentResult, Grade, assess_with

CLAUSE = "6.4.4"
# A year has twelve months: the calendar, not a choice the plan or the bureau makes,
# so it is a constant here rather than a policy parameter.
MONTHS = 12

BASE_SHARE = "allowance.base_share"
EFFICIENCY_SHARE = "allowance.efficiency_share"


def standard_path(role: Role) -> str:
    return f"allowance.annual_standard.{role}"


def factor_path(grade: Grade) -> str:
    return f"allowance.efficiency_factor.{grade}"


@dataclass(frozen=True)
class HeadAllowance:
    campus: str
    name: str
    short_name: str
    group: str
    group_name: str
    role: Role
    head: str  # the head's title from pilots.yaml
    annual_standard: Decimal
    base: Decimal
    monthly: tuple[Decimal, ...]  # MONTHS amounts adding up to ``base``
    group_grade: Grade
    efficiency_factor: Decimal
    efficiency: Decimal
    explain: Explain

    @property
    def total(self) -> Decimal:
        return self.base + self.efficiency


@dataclass(frozen=True)
class AllowanceResult:
    year: int
    heads: tuple[HeadAllowance, ...]
    assessment: AssessmentResult  # where each group's grade comes from
    parameters: tuple[ParamUse, ...]


# --------------------------------------------------------------------------- pure pieces


def monthly_split(base: Decimal, months: int = MONTHS) -> tuple[Decimal, ...]:
    """``base`` in ``months`` payments rounded half up to the fen; the last takes the rest."""
    regular = round_fraction_half_up(Fraction(base) / months)
    last = base - regular * (months - 1)
    if last < 0:  # only for a few bases of 0.54 yuan a year or less
        raise ValueError(f"{base} is too small to pay in {months} monthly amounts")
    return (regular,) * (months - 1) + (last,)


def split_allowance(
    standard: Decimal, base_share: Decimal, efficiency_share: Decimal, factor: Decimal
) -> tuple[Decimal, tuple[Decimal, ...], Decimal]:
    """(base part, its monthly amounts, efficiency part) of an annual standard in yuan.

    base = standard × base_share and efficiency = standard × efficiency_share × factor,
    each computed exactly and rounded half up to the fen once (SPEC §3).
    """
    base = round_fraction_half_up(Fraction(standard) * Fraction(base_share))
    monthly = monthly_split(base)
    exact_efficiency = Fraction(standard) * Fraction(efficiency_share) * Fraction(factor)
    return base, monthly, round_fraction_half_up(exact_efficiency)


def shares(params: Params) -> tuple[Decimal, Decimal]:
    """The base and efficiency shares; they must add up to exactly 1 (the whole allowance)."""
    base, efficiency = params.decimal(BASE_SHARE), params.decimal(EFFICIENCY_SHARE)
    if base + efficiency != 1:
        changed = [
            u for p in (BASE_SHARE, EFFICIENCY_SHARE) if (u := params.used[p]).origin != "bundled"
        ]
        where = (
            f" (changed: {', '.join(f'{u.path} {u.origin}' for u in changed)})" if changed else ""
        )
        raise PolicyError(
            f"the allowance shares must add up to 1, got {BASE_SHARE} {base}"
            f" + {EFFICIENCY_SHARE} {efficiency} = {base + efficiency}{where}; set both together"
        )
    return base, efficiency


def annual_standard(params: Params, role: Role) -> Decimal:
    path = standard_path(role)
    value = params.decimal(path)
    if value != value.quantize(CENT):
        raise PolicyError(
            f"{path}: {value} has more than two decimals; money is paid to the fen"
            f" ({params.used[path].origin})"
        )
    return value


# --------------------------------------------------------------------------- the rule


def compute_allowance(data: Dataset, scores: Scores, policy: Policy, year: int) -> AllowanceResult:
    params = policy.params(year)
    base_share, efficiency_share = shares(params)
    assessment = assess_with(data, scores, params, year)

    heads = []
    for g in assessment.groups:
        factor_name = factor_path(g.grade)
        factor = params.decimal(factor_name)
        for c in g.campuses:
            campus = data.campus(c.campus)
            standard = annual_standard(params, c.role)
            try:
                base, monthly, efficiency = split_allowance(
                    standard, base_share, efficiency_share, factor
                )
            except ValueError as exc:
                raise PolicyError(f"{standard_path(c.role)}: {exc}") from None
            heads.append(
                HeadAllowance(
                    campus=c.campus,
                    name=c.name,
                    short_name=c.short_name,
                    group=g.group,
                    group_name=g.name,
                    role=c.role,
                    head=campus.head,
                    annual_standard=standard,
                    base=base,
                    monthly=monthly,
                    group_grade=g.grade,
                    efficiency_factor=factor,
                    efficiency=efficiency,
                    explain=Explain(
                        (CLAUSE, "6.5"),
                        {"role": c.role, "group_grade": g.grade, "group_total": str(g.total)},
                        (standard_path(c.role), BASE_SHARE, EFFICIENCY_SHARE, factor_name),
                    ),
                )
            )
    return AllowanceResult(year, tuple(heads), assessment, params.uses())
