"""六（四）4 Head allowances: a monthly base part and a year-end efficiency part.

Every campus head of a group in the school year — the group head (总校（园）长)
on the lead campus and each member's 执行校（园）长 — has an annual standard by
role (``allowance.annual_standard.*``, set by the bureau under 卫沙教发〔2022〕16号;
the bundled values are examples).  The plan splits it 70 / 30 (SPEC §3):

* base part = standard × ``allowance.base_share``, rounded half up to the fen, in
  twelve monthly amounts: each is rounded half up to the fen and the last month takes
  what is left, so the twelve add up to the base part exactly;
* each month pays its amount × the factor of that month's post assessment (岗位考核)
  result in post_assessment.csv (``allowance.monthly_result_factor.*``), rounded half up
  to the fen; a month without a row counts as 合格 (pass), and the output says how many;
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

from groupctl.catalogue import Msg, msg
from groupctl.errors import PolicyError
from groupctl.model import (
    GRADES,
    MONTHS,
    POST_RESULT_NAMES,
    POST_RESULTS,
    ROLES,
    Dataset,
    Grade,
    PostAssessment,
    PostResult,
    Role,
    Scores,
)
from groupctl.numbers import CENT, round_fraction_half_up
from groupctl.policy import Params, ParamUse, Policy, changed_origins, where
from groupctl.results import Explain
from groupctl.rules.assessment import AssessmentResult, assess_with
from groupctl.rules.common import origin as _origin

CLAUSE = "6.4.4"
# every clause allowance cites (groupctl clauses): its own, and 六（五） for the grade it pays on
CLAUSES: tuple[str, ...] = (CLAUSE, "6.5")

BASE_SHARE = "allowance.base_share"
EFFICIENCY_SHARE = "allowance.efficiency_share"
RESULT_FACTOR = "allowance.monthly_result_factor"


def standard_path(role: Role) -> str:
    return f"allowance.annual_standard.{role}"


def factor_path(grade: Grade) -> str:
    return f"allowance.efficiency_factor.{grade}"


def result_factor_path(result: PostResult) -> str:
    """The factor of a post-assessment result, keyed by the plan's word (…合格)."""
    return f"{RESULT_FACTOR}.{POST_RESULT_NAMES[result]}"


@dataclass(frozen=True)
class MonthPay:
    """One of the twelve monthly payments of a head's base part."""

    month: int  # 1–12
    amount: Decimal  # scheduled: base ÷ 12 to the fen, the last month the rest
    result: PostResult
    line: int | None  # the post_assessment.csv row; None: no row, so assumed 合格
    factor: Decimal
    paid: Decimal  # amount × factor, rounded half up to the fen

    @property
    def assumed(self) -> bool:
        return self.line is None


@dataclass(frozen=True)
class HeadAllowance:
    campus: str
    name: str
    short_name: str
    group: str
    group_name: str
    role: Role
    head_title: str  # from pilots.yaml
    annual_standard: Decimal
    base: Decimal
    months: tuple[MonthPay, ...]  # MONTHS payments whose amounts add up to ``base``
    group_grade: Grade  # the group's grade: decided where given, else the proposal
    group_grade_decided: bool
    efficiency_factor: Decimal
    efficiency: Decimal
    explain: Explain

    @property
    def monthly(self) -> tuple[Decimal, ...]:
        """The twelve scheduled amounts."""
        return tuple(m.amount for m in self.months)

    @property
    def monthly_paid(self) -> tuple[Decimal, ...]:
        """The twelve amounts the post-assessment results pay."""
        return tuple(m.paid for m in self.months)

    @property
    def base_paid(self) -> Decimal:
        return sum(self.monthly_paid, Decimal(0))

    @property
    def months_assumed_pass(self) -> int:
        """Months without a post_assessment.csv row, paid as 合格."""
        return sum(1 for m in self.months if m.assumed)

    @property
    def post_assessment(self) -> tuple[MonthPay, ...]:
        """The months that have a post_assessment.csv row."""
        return tuple(m for m in self.months if not m.assumed)

    @property
    def total(self) -> Decimal:
        return self.base_paid + self.efficiency


@dataclass(frozen=True)
class AllowanceResult:
    year: int
    heads: tuple[HeadAllowance, ...]
    assessment: AssessmentResult  # where each group's grade comes from
    parameters: tuple[ParamUse, ...]
    post_file: str | None = None  # the post_assessment.csv read; None: none, all months 合格


# --------------------------------------------------------------------------- pure pieces


def monthly_split(base: Decimal, months: int = MONTHS) -> tuple[Decimal, ...]:
    """``base`` in ``months`` payments rounded half up to the fen; the last takes the rest."""
    regular = round_fraction_half_up(Fraction(base) / months)
    last = base - regular * (months - 1)
    if last < 0:  # only for a few bases of 0.54 yuan a year or less
        raise ValueError(f"{base} is too small to pay in {months} monthly amounts")
    return (regular,) * (months - 1) + (last,)


def pay_month(amount: Decimal, factor: Decimal) -> Decimal:
    """What a month pays: its scheduled amount × its result's factor, rounded half up to the fen."""
    return round_fraction_half_up(Fraction(amount) * Fraction(factor))


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
        raise PolicyError(
            msg(
                "allowance.shares_sum",
                base_path=BASE_SHARE,
                base=base,
                efficiency_path=EFFICIENCY_SHARE,
                efficiency=efficiency,
                total=base + efficiency,
                changed=changed_origins(params, (BASE_SHARE, EFFICIENCY_SHARE)),
            ),
            *where(params, BASE_SHARE, EFFICIENCY_SHARE),
        )
    return base, efficiency


def annual_standard(params: Params, role: Role) -> Decimal:
    """The role's standard; refused with fractions of a fen, or too small to pay monthly."""
    path = standard_path(role)
    value = params.decimal(path)
    origin = params.used[path].set_by
    if value != value.quantize(CENT):
        raise PolicyError(
            msg("allowance.standard_fen", path=path, value=value, origin=_origin(origin)),
            *where(params, path),
        )
    base_share = params.decimal(BASE_SHARE)
    base = round_fraction_half_up(Fraction(value) * Fraction(base_share))
    try:
        monthly_split(base)
    except ValueError:
        raise PolicyError(
            msg(
                "allowance.standard_too_small",
                path=path,
                value=value,
                base=base,
                share_path=BASE_SHARE,
                share=base_share,
                months=MONTHS,
                origin=_origin(origin),
            ),
            *where(params, path, BASE_SHARE),
        ) from None
    return value


def _falling(params: Params, paths: tuple[str, ...], ceiling: Msg, order: Msg) -> list[Decimal]:
    """The factors at ``paths`` (best first): each from 0 to 1 (``ceiling`` says why),
    none above the one before it (``order`` names the direction)."""
    values: list[Decimal] = []
    for i, path in enumerate(paths):
        value = params.decimal(path)
        set_by = params.used[path].set_by
        if not 0 <= value <= 1:
            raise PolicyError(
                msg(
                    "allowance.factor_range",
                    path=path,
                    value=value,
                    ceiling=ceiling,
                    origin=_origin(set_by),
                ),
                *where(params, path),
            )
        if values and value > values[-1]:
            above = paths[i - 1]
            raise PolicyError(
                msg(
                    "allowance.factor_order",
                    order=order,
                    above=above,
                    above_value=values[-1],
                    above_origin=_origin(params.used[above].set_by),
                    path=path,
                    value=value,
                    origin=_origin(set_by),
                ),
                *where(params, path, above),
            )
        values.append(value)
    return values


def efficiency_factors(params: Params) -> dict[Grade, Decimal]:
    """The factor of every grade: each from 0 to 1, never rising from excellent to fail.

    A factor above 1 would pay more than the efficiency share, and a better grade must
    not earn less than a worse one (equal is fine).
    """
    values = _falling(
        params,
        tuple(factor_path(g) for g in GRADES),
        msg("allowance.ceiling.efficiency", share=EFFICIENCY_SHARE),
        msg("allowance.order.efficiency"),
    )
    return dict(zip(GRADES, values, strict=True))


def result_factors(params: Params) -> dict[PostResult, Decimal]:
    """The factor of every post-assessment result: each from 0 to 1, never rising from
    合格 to 不合格 (a month cannot pay more than its amount, nor a worse result more)."""
    values = _falling(
        params,
        tuple(result_factor_path(r) for r in POST_RESULTS),
        msg("allowance.ceiling.month"),
        msg("allowance.order.month"),
    )
    return dict(zip(POST_RESULTS, values, strict=True))


def check_parameters(params: Params) -> None:
    """Every consistency check of the allowance parameters; needs no score data.

    The shares add up to 1, each role's standard is whole fen and large enough to pay in
    twelve months, and the efficiency factors and the monthly result factors are from 0
    to 1 and never rise from the best grade or result to the worst.  Raises
    ``PolicyError``.  ``compute_allowance`` runs it first; ``groupctl check`` can run it
    for any year.

    The checks read every standard and factor, but through a copy of ``params``: the
    record of what the figures used (below the output, in ``--explain``) keeps only
    the factors of the grades the groups got and of the results the months had.
    """
    probe = params.policy.params(params.year)
    shares(probe)
    for role in ROLES:
        annual_standard(probe, role)
    efficiency_factors(probe)
    result_factors(probe)


def pay_months(
    params: Params,
    monthly: tuple[Decimal, ...],
    post: PostAssessment | None,
    year: int,
    campus: str,
) -> tuple[MonthPay, ...]:
    """The base part's monthly amounts, each paid by its month's post-assessment result.

    Reads through ``params`` only the factors of the results that occur (合格 for a month
    without a row), so the record names what shaped the pay and no more.
    """
    out = []
    for month, amount in enumerate(monthly, start=1):
        row = post.get(year, campus, month) if post is not None else None
        result: PostResult = row.result if row is not None else "pass"
        factor = params.decimal(result_factor_path(result))
        line = row.line if row is not None else None
        out.append(MonthPay(month, amount, result, line, factor, pay_month(amount, factor)))
    return tuple(out)


# --------------------------------------------------------------------------- the rule


def compute_allowance(data: Dataset, scores: Scores, policy: Policy, year: int) -> AllowanceResult:
    params = policy.params(year)
    check_parameters(params)
    base_share, efficiency_share = shares(params)
    assessment = assess_with(data, scores, params, year)

    heads = []
    for g in assessment.groups:
        factor_name = factor_path(g.grade)
        factor = params.decimal(factor_name)
        for c in g.campuses:
            campus = data.campus(c.campus)
            standard = annual_standard(params, c.role)
            base, monthly, efficiency = split_allowance(
                standard, base_share, efficiency_share, factor
            )
            months = pay_months(params, monthly, scores.post, year, c.campus)
            results = sorted({m.result for m in months}, key=POST_RESULTS.index)
            heads.append(
                HeadAllowance(
                    campus=c.campus,
                    name=c.name,
                    short_name=c.short_name,
                    group=g.group,
                    group_name=g.name,
                    role=c.role,
                    head_title=campus.head,
                    annual_standard=standard,
                    base=base,
                    months=months,
                    group_grade=g.grade,
                    group_grade_decided=g.decided,
                    efficiency_factor=factor,
                    efficiency=efficiency,
                    explain=Explain(
                        (CLAUSE, "6.5"),
                        {
                            "role": c.role,
                            "group_grade": g.grade,
                            "group_proposed_grade": g.proposed_grade,
                            "group_grade_decided": g.decided,
                            "group_total": str(g.total),
                        },
                        (
                            standard_path(c.role),
                            BASE_SHARE,
                            *(result_factor_path(r) for r in results),
                            EFFICIENCY_SHARE,
                            factor_name,
                        ),
                    ),
                )
            )
    post_file = scores.post.file if scores.post is not None else None
    return AllowanceResult(year, tuple(heads), assessment, params.uses(), post_file)
