"""六（五） Assessment: the year-end grade of every group and every campus (双线考核).

A group's total weighs three parts: the mean of its campuses' scores (the lead
included), the group's party-building score and its comprehensive score
(``assessment.weight_*``, 50% / 10% / 40% in the plan).  The total is computed
exactly — the mean of three scores need not end, so the sum is a ``Fraction`` —
and only then rounded half up to two decimals; the grade is the first band of
``assessment.grades`` whose minimum the rounded total reaches.  Each campus is
graded on its own score with the same bands: the second line of the 双线考核.

The plan names the four grades but leaves their score lines to the bureau's
assessment group, so ``assessment.grades`` is a ``local`` parameter.

The plan has the assessment leading group decide each grade on the scores (根据考核成绩
讨论决定), so the computed grade is a proposal (``proposed_grade``, 建议等次); a score
file's ``decided_grade``, where given, is the grade (``grade``, 确定等次), and the
allowance pays on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from groupctl.catalogue import Join, msg
from groupctl.errors import DataError, PolicyError
from groupctl.model import GRADE_NAMES, GRADES, Dataset, Grade, Group, Role, Scores
from groupctl.numbers import SCORE_MAX, quoted, round_fraction_half_up
from groupctl.policy import Params, ParamUse, Policy, changed_origins, where
from groupctl.results import Explain
from groupctl.rules.common import active_groups, years_list
from groupctl.rules.common import origin as _origin

CLAUSE = "6.5"
CLAUSES: tuple[str, ...] = (CLAUSE,)  # every clause assess cites (groupctl clauses)

# A band's value may be written as the code or as the plan's Chinese name.
_GRADE_NAMES: dict[str, Grade] = {**{g: g for g in GRADES}, **GRADE_NAMES}

GRADES_PATH = "assessment.grades"
WEIGHT_SCHOOL = "assessment.weight_school"
WEIGHT_PARTY = "assessment.weight_party_building"
WEIGHT_COMPREHENSIVE = "assessment.weight_comprehensive"
WEIGHTS = (WEIGHT_SCHOOL, WEIGHT_PARTY, WEIGHT_COMPREHENSIVE)


@dataclass(frozen=True)
class GradeBand:
    """Scores ≥ ``min`` (inclusive) get ``grade``."""

    min: Decimal
    grade: Grade


@dataclass(frozen=True)
class Term:
    """One part of the weighted total: weight × score, both exact."""

    parameter: str
    weight: Decimal
    score: Fraction

    @property
    def product(self) -> Fraction:
        return Fraction(self.weight) * self.score


@dataclass(frozen=True)
class CampusAssessment:
    campus: str
    name: str
    short_name: str
    group: str
    group_name: str
    role: Role
    score: Decimal
    proposed_grade: Grade  # computed from the score (建议等次)
    grade: Grade  # the decided grade where the score file gives one, else the proposal
    decided: bool
    band: GradeBand  # the band of the proposal
    explain: Explain


@dataclass(frozen=True)
class GroupAssessment:
    group: str
    name: str
    campuses: tuple[CampusAssessment, ...]
    school_mean: Fraction  # exact: the mean of the campuses' scores
    party_building: Decimal
    comprehensive: Decimal
    terms: tuple[Term, ...]  # school mean, party building, comprehensive
    exact_total: Fraction
    total: Decimal  # exact_total rounded half up to two decimals
    proposed_grade: Grade  # computed from the total (建议等次)
    grade: Grade  # the decided grade where group_scores.csv gives one, else the proposal
    decided: bool
    band: GradeBand  # the band of the proposal
    explain: Explain

    @property
    def school_mean_rounded(self) -> Decimal:
        """The mean as shown (two decimals); the total uses the exact mean."""
        return round_fraction_half_up(self.school_mean)


@dataclass(frozen=True)
class AssessmentResult:
    year: int
    groups: tuple[GroupAssessment, ...]
    parameters: tuple[ParamUse, ...]

    def campuses(self) -> tuple[CampusAssessment, ...]:
        return tuple(c for g in self.groups for c in g.campuses)


# --------------------------------------------------------------------------- pure pieces


def grade_bands(params: Params) -> tuple[GradeBand, ...]:
    """``assessment.grades`` as grade bands, highest minimum first; refused when it makes no sense.

    Minimums may have decimals (89.5); each grade appears at most once, a better
    grade needs a higher minimum, and no minimum lies above 100.
    """
    bands = params.bands(GRADES_PATH)
    origin = _origin(params.used[GRADES_PATH].set_by)
    out: list[GradeBand] = []
    for b in bands:
        grade = _GRADE_NAMES.get(str(b.value).strip().lower()) if isinstance(b.value, str) else None
        if grade is None:
            raise PolicyError(
                msg(
                    "assess.not_a_grade",
                    path=GRADES_PATH,
                    value=quoted(b.value),
                    grades=Join(GRADES),
                    names=Join(tuple(GRADE_NAMES)),
                    origin=origin,
                ),
                *where(params, GRADES_PATH),
            )
        if b.min > SCORE_MAX:
            raise PolicyError(
                msg(
                    "assess.minimum_too_high",
                    path=GRADES_PATH,
                    minimum=b.min,
                    grade=grade,
                    top=SCORE_MAX,
                    origin=origin,
                ),
                *where(params, GRADES_PATH),
            )
        if out and GRADES.index(grade) <= GRADES.index(out[-1].grade):
            above = out[-1]
            raise PolicyError(
                msg(
                    "assess.grades_order",
                    path=GRADES_PATH,
                    above=f"{above.min}:{above.grade}",
                    below=f"{b.min}:{grade}",
                    origin=origin,
                ),
                *where(params, GRADES_PATH),
            )
        out.append(GradeBand(b.min, grade))
    return tuple(out)


def grade_of(bands: tuple[GradeBand, ...], score: Decimal) -> GradeBand:
    """The first band (highest minimum first) whose minimum ``score`` reaches."""
    for band in bands:
        if score >= band.min:
            return band
    raise ValueError(f"{score} is below every band")  # the lowest minimum is always 0


def weights(params: Params) -> tuple[Decimal, Decimal, Decimal]:
    """The three weights; they must add up to exactly 1, or a total could pass 100."""
    school, party, comprehensive = (params.decimal(p) for p in WEIGHTS)
    total = school + party + comprehensive
    if total != 1:
        raise PolicyError(
            msg(
                "assess.weights_sum",
                weights=f"{WEIGHT_SCHOOL} {school} + {WEIGHT_PARTY} {party}"
                f" + {WEIGHT_COMPREHENSIVE} {comprehensive}",
                total=total,
                changed=changed_origins(params, WEIGHTS),
            ),
            *where(params, *WEIGHTS),
        )
    return school, party, comprehensive


def check_parameters(params: Params) -> None:
    """Every consistency check of the assessment parameters; needs no score data.

    The weights must add up to 1 and ``assessment.grades`` must make sense (see
    :func:`grade_bands`).  Raises ``PolicyError``.  ``compute_assessment`` runs it
    first; ``groupctl check`` can run it for any year.
    """
    weights(params)
    grade_bands(params)


def weighted_total(
    weight: tuple[Decimal, Decimal, Decimal],
    school_mean: Fraction,
    party_building: Decimal,
    comprehensive: Decimal,
) -> tuple[tuple[Term, ...], Fraction, Decimal]:
    """(terms, exact total, total rounded half up to two decimals)."""
    terms = (
        Term(WEIGHT_SCHOOL, weight[0], school_mean),
        Term(WEIGHT_PARTY, weight[1], Fraction(party_building)),
        Term(WEIGHT_COMPREHENSIVE, weight[2], Fraction(comprehensive)),
    )
    exact = sum((t.product for t in terms), Fraction(0))
    return terms, exact, round_fraction_half_up(exact)


# --------------------------------------------------------------------------- the rule


def compute_assessment(
    data: Dataset, scores: Scores, policy: Policy, year: int
) -> AssessmentResult:
    params = policy.params(year)
    return assess_with(data, scores, params, year)


def assess_with(data: Dataset, scores: Scores, params: Params, year: int) -> AssessmentResult:
    """The assessment, reading parameters through ``params`` (so allowance shares its record)."""
    check_parameters(params)
    weight = weights(params)
    bands = grade_bands(params)
    groups = active_groups(data, year)
    _require_scores(scores, year, groups)

    out = []
    for g in groups:
        campuses = []
        for c in g.campuses_in(year):
            row = scores.campus(year, c.id)
            assert row is not None  # _require_scores
            band = grade_of(bands, row.score)
            campuses.append(
                CampusAssessment(
                    campus=c.id,
                    name=c.name,
                    short_name=c.short_name(g.name),
                    group=g.id,
                    group_name=g.name,
                    role=c.role,
                    score=row.score,
                    proposed_grade=band.grade,
                    grade=row.decided_grade or band.grade,
                    decided=row.decided_grade is not None,
                    band=band,
                    explain=Explain(
                        (CLAUSE,),
                        {"score": str(row.score), "line": row.line},
                        (GRADES_PATH,),
                    ),
                )
            )
        group_row = scores.group(year, g.id)
        assert group_row is not None
        mean = sum((Fraction(c.score) for c in campuses), Fraction(0)) / len(campuses)
        terms, exact, total = weighted_total(
            weight, mean, group_row.party_building, group_row.comprehensive
        )
        band = grade_of(bands, total)
        out.append(
            GroupAssessment(
                group=g.id,
                name=g.name,
                campuses=tuple(campuses),
                school_mean=mean,
                party_building=group_row.party_building,
                comprehensive=group_row.comprehensive,
                terms=terms,
                exact_total=exact,
                total=total,
                proposed_grade=band.grade,
                grade=group_row.decided_grade or band.grade,
                decided=group_row.decided_grade is not None,
                band=band,
                explain=Explain(
                    (CLAUSE,),
                    {"campuses": len(campuses), "line": group_row.line},
                    (*WEIGHTS, GRADES_PATH),
                ),
            )
        )
    return AssessmentResult(year, tuple(out), params.uses())


def _require_scores(scores: Scores, year: int, groups: tuple[Group, ...]) -> None:
    """Every campus in a group in ``year`` (the lead too) and every group needs its scores."""
    for file, years, what in (
        (scores.campus_file, scores.campus_years(), msg("assess.what.campus")),
        (scores.group_file, scores.group_years(), msg("assess.what.group")),
    ):
        if year not in years:
            raise DataError(
                msg("assess.no_scores_year", what=what, year=year, have=years_list(years)), file
            )
    for g in groups:
        for c in g.campuses_in(year):
            if scores.campus(year, c.id) is None:
                raise DataError(
                    msg("assess.no_campus_score", year=year, campus=c.id, name=c.name),
                    scores.campus_file,
                )
    for g in groups:
        if scores.group(year, g.id) is None:
            raise DataError(
                msg("assess.no_group_scores", year=year, group=g.id, name=g.name),
                scores.group_file,
            )
