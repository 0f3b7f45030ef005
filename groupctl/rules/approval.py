"""六（四）1（2）/（3） and 六（三）: the approval path of one expenditure.

Each campus spends its own money under its head's single sign-off (一支笔).  A
large expenditure (``finance.large_expense_threshold``, a figure the plan leaves
to the bureau) is also reported to the group, whose party general branch decides;
from ``finance.bureau_threshold`` upwards (40000 yuan and above) the district
education bureau approves as well.  The campus then carries it out, and the group
checks the vouchers and payment request before it pays (六（四）1（3）).

The group's special funding (六（三）) pays for the listed purposes
(``finance.special_fund_purposes``), each reviewed case by case (一事一议) before
the money is released: that review comes first.  The plan's list ends in 等, so it
is open: a purpose outside it still gets its path, and the review decides whether it
is such an expense; only the bureau's own ``finance.special_fund_purposes_closed``
refuses it outright.  Who reviews is ``finance.special_fund_reviewer``: the sentence's
subject is 区财政局, but 研究审定 names no one (an interpretation).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from groupctl.catalogue import Join, msg
from groupctl.errors import PolicyError, UsageError
from groupctl.model import Campus, Dataset
from groupctl.numbers import name_key
from groupctl.policy import Params, ParamUse, Policy, changed_origins, where

Fund = Literal["school", "special"]
Actor = Literal[
    "special_fund_review",
    "school_head",
    "group_party_branch",
    "district_education_bureau",
    "school_implements",
    "group_payment_review",
]

# Where each actor's duty is written in the plan.
ACTOR_CLAUSE: dict[Actor, str] = {
    "special_fund_review": "6.3",
    "school_head": "6.4.1.2",
    "group_party_branch": "6.4.1.2",
    "district_education_bureau": "6.4.1.2",
    "school_implements": "6.4.1.2",
    "group_payment_review": "6.4.1.3",
}
# every clause approve cites (groupctl clauses)
CLAUSES: tuple[str, ...] = tuple(dict.fromkeys(ACTOR_CLAUSE.values()))


@dataclass(frozen=True)
class Step:
    step: int
    actor: Actor
    clause: str
    trigger: str | None = None  # the threshold parameter that put this step in the path
    threshold: Decimal | None = None
    reviewer: str | None = None  # special_fund_review: finance.special_fund_reviewer's choice


@dataclass(frozen=True)
class Skipped:
    """A conditional step the amount did not reach."""

    actor: Actor
    trigger: str
    threshold: Decimal


@dataclass(frozen=True)
class ApprovalResult:
    year: int  # the school year whose thresholds applied
    amount: Decimal
    campus: Campus
    group: str
    group_name: str
    fund: Fund
    purpose: str | None  # the listed purpose matched, or what was asked when not listed
    purpose_listed: bool | None  # special fund: whether the plan lists it; school funds: None
    permitted: bool
    purpose_typed: str | None  # what --purpose said, before it was matched to the list
    purposes_closed: bool | None  # finance.special_fund_purposes_closed (unlisted purposes only)
    steps: tuple[Step, ...]
    skipped: tuple[Skipped, ...]
    purposes: tuple[str, ...]  # the permitted purposes, for a refusal's reason
    parameters: tuple[ParamUse, ...]


def check_parameters(params: Params) -> tuple[Decimal, Decimal]:
    """The two thresholds; the group's decision cannot start above the bureau's."""
    large = params.decimal("finance.large_expense_threshold")
    bureau = params.decimal("finance.bureau_threshold")
    if large > bureau:
        paths = ("finance.large_expense_threshold", "finance.bureau_threshold")
        raise PolicyError(
            msg(
                "approval.thresholds_order",
                large=large,
                bureau=bureau,
                changed=changed_origins(params, paths),
            ),
            *where(params, *paths),
        )
    return large, bureau


def match_purpose(purposes: tuple[str, ...], typed: str) -> str | None:
    """The listed purpose ``typed`` names, or None when it names none (an unlisted purpose).

    Names compare as ``numbers.name_key`` compares them: full- and half-width brackets
    alike, spaces ignored.  A purpose answers to its full name and to the part outside or
    inside its brackets (社团活动, 综合实践活动 for 社团活动（综合实践活动）); failing those,
    to a fragment of its name that no other listed purpose contains (课题 → 课题研究).  A
    fragment two purposes contain (活动) is a UsageError listing them.
    """
    q = name_key(typed)
    keys = {p: name_key(p) for p in purposes}

    def names(key: str) -> tuple[str, ...]:
        head, _, rest = key.partition("(")
        return (key, head, rest.removesuffix(")")) if rest else (key,)

    exact = [p for p in purposes if q in names(keys[p])]
    found = exact or [p for p in purposes if q in keys[p]]
    if len(found) > 1:
        raise UsageError(
            msg("approval.purpose_ambiguous", purpose=typed.strip(), matches=Join(tuple(found)))
        )
    return found[0] if found else None


def compute_approval(
    data: Dataset,
    policy: Policy,
    year: int,
    amount: Decimal,
    campus: Campus,
    fund: Fund = "school",
    purpose: str | None = None,
) -> ApprovalResult:
    params = policy.params(year)
    if not campus.in_group(year):
        raise UsageError(
            msg("approval.not_in_group", campus=campus.id, name=campus.name, year=year)
        )
    group = data.pilots.group(campus.group_id)

    purposes: tuple[str, ...] = ()
    permitted = True
    listed: str | None = None
    closed: bool | None = None
    typed = purpose.strip() if purpose is not None else None
    if fund == "special":
        if not typed or not name_key(typed):
            raise UsageError(msg("approval.special_needs_purpose"))
        purposes = params.texts("finance.special_fund_purposes")
        listed = match_purpose(purposes, typed)
        if listed is None:
            # Read only for an unlisted purpose: a listed one is permitted whatever the
            # bureau set, so citing the parameter there would name a value that decided nothing.
            closed = params.boolean("finance.special_fund_purposes_closed")
            permitted = not closed
        purpose = listed or typed

    def result(steps: tuple[Step, ...], skipped: tuple[Skipped, ...]) -> ApprovalResult:
        return ApprovalResult(
            year,
            amount,
            campus,
            group.id,
            group.name,
            fund,
            purpose if fund == "special" else None,  # not checked for school funds
            (listed is not None) if fund == "special" else None,
            permitted,
            typed,
            closed,
            steps,
            skipped,
            purposes,
            params.uses(),
        )

    if not permitted:
        return result((), ())
    large, bureau = check_parameters(params)

    reviewer = params.choice("finance.special_fund_reviewer") if fund == "special" else None
    path: list[tuple[Actor, str | None, Decimal | None]] = []
    skipped: list[Skipped] = []
    if fund == "special":
        path.append(("special_fund_review", None, None))
    path.append(("school_head", None, None))
    for actor, trigger, threshold in (
        ("group_party_branch", "finance.large_expense_threshold", large),
        ("district_education_bureau", "finance.bureau_threshold", bureau),
    ):
        if amount >= threshold:
            path.append((actor, trigger, threshold))  # type: ignore[arg-type]
        else:
            skipped.append(Skipped(actor, trigger, threshold))  # type: ignore[arg-type]
    path.append(("school_implements", None, None))
    path.append(("group_payment_review", None, None))

    first = 0 if fund == "special" else 1  # the special-fund review is step 0 (SPEC §3)
    steps = tuple(
        Step(
            first + i,
            actor,
            ACTOR_CLAUSE[actor],
            trigger,
            threshold,
            reviewer if actor == "special_fund_review" else None,
        )
        for i, (actor, trigger, threshold) in enumerate(path)
    )
    return result(steps, tuple(skipped))
