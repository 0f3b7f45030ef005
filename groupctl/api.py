"""The typed entry points the CLI calls: open a data directory with its policy,
then compute.  Nothing here knows about argument parsing or rendering.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from groupctl.catalogue import render
from groupctl.errors import GroupctlError, PolicyError
from groupctl.loaders import (
    BUNDLED_DATA,
    data_files,
    inspect_data,
    load_data,
    load_scores,
    locate_data,
)
from groupctl.lookup import resolve_campus
from groupctl.model import Dataset
from groupctl.numbers import parse_amount
from groupctl.policy import (
    BUNDLED_POLICY,
    POLICY_FILE,
    Dated,
    Parameter,
    Params,
    Policy,
    load_policy,
)
from groupctl.problems import Problems
from groupctl.record import Record

if TYPE_CHECKING:  # each command imports only the rule it runs (start-up: issue 11)
    from groupctl.rules.allowance import AllowanceResult
    from groupctl.rules.approval import ApprovalResult, Fund
    from groupctl.rules.assessment import AssessmentResult
    from groupctl.rules.coverage import CoverageResult
    from groupctl.rules.funding import FundingResult
    from groupctl.rules.staffing import StaffingResult
    from groupctl.rules.timeline import TimelineResult


class Session(Record):
    """One data directory, loaded and validated, with the policy in force for it."""

    __slots__ = ("baseline_policy", "data", "policy")
    _compared = ("data", "policy", "baseline_policy")

    def __init__(self, data: Dataset, policy: Policy, baseline_policy: Policy) -> None:
        self.data = data
        self.policy = policy
        self.baseline_policy = baseline_policy  # before --set: what --compare compares against

    def baseline(self) -> Session:
        return Session(self.data, self.baseline_policy, self.baseline_policy)

    def files(self) -> tuple[Path, ...]:
        """The data and policy files (outputs must never replace them)."""
        return protected_files(self.data.directory)


def protected_files(directory: Path | None = None) -> tuple[Path, ...]:
    """Files no output may replace: those of the data directory given, of every data folder
    that could be in force (``$GROUPCTL_DATA``, ``./data``) — also for a command that reads
    no data — and the bundled data and policy."""
    folders = [directory] if directory is not None else []
    env = os.environ.get("GROUPCTL_DATA")
    if env:
        folders.append(Path(env))
    with contextlib.suppress(OSError):  # a working folder since deleted has no ./data
        folders.append(Path.cwd() / "data")
    own = tuple(f for folder in folders for f in data_files(folder))
    return own + data_files(BUNDLED_DATA) + (BUNDLED_POLICY,)


def open_session(data_dir: Path | None = None, sets: Sequence[str] = ()) -> Session:
    directory, bundled = locate_data(data_dir)
    data = load_data(directory, bundled)
    baseline = load_policy(directory)
    return Session(data, baseline.with_sets(sets), baseline)


def school_year(text: str | int) -> int:
    """YEAR as the clerk typed it (2023, ２０２３, 2023-2024) as a school year."""
    from groupctl.numbers import require_school_year  # NumberError: a UsageError, in words

    return require_school_year(str(text))


def funding(session: Session, year: str | int) -> FundingResult:
    from groupctl.rules.funding import compute_funding

    return compute_funding(session.data, session.policy, school_year(year))


def assess(session: Session, year: str | int) -> AssessmentResult:
    """Group and campus grades (六（五））; needs both score files."""
    from groupctl.rules.assessment import compute_assessment

    when = school_year(year)
    scores = load_scores(session.data, "assess")
    return compute_assessment(session.data, scores, session.policy, when)


def allowance(session: Session, year: str | int) -> AllowanceResult:
    """Each campus head's base and efficiency allowance (六（四）4); needs both score files."""
    from groupctl.rules.allowance import compute_allowance

    when = school_year(year)
    scores = load_scores(session.data, "allowance")
    return compute_allowance(session.data, scores, session.policy, when)


def staffing(session: Session, year: str | int) -> StaffingResult:
    from groupctl.rules.staffing import compute_staffing

    return compute_staffing(session.data, session.policy, school_year(year))


def coverage(session: Session, year: str | int) -> CoverageResult:
    """Compulsory-stage schools in groups against the target (七（三））, with the trend."""
    from groupctl.rules.coverage import compute_coverage

    return compute_coverage(session.data, session.policy, school_year(year))


def timeline(on: str | None = None, data_dir: Path | None = None) -> TimelineResult:
    """The plan's phases, milestones and recurring duties (七); with ``on`` (a date as the
    clerk typed it), the phases in force that day and the duties due in its month.  Reads
    only the policy (for the coverage target), so it answers whatever the data files hold."""
    from groupctl.rules.timeline import compute_timeline, parse_day

    day = None if on is None else parse_day(on)
    return compute_timeline(policy_for(data_dir), day)


def current_school_year(today: date | None = None) -> int:
    """The school year running on ``today``: it starts on September 1st."""
    today = today or date.today()
    return today.year if today.month >= 9 else today.year - 1


def approve(
    session: Session,
    amount: str,
    campus: str,
    fund: Fund = "school",
    purpose: str | None = None,
    year: str | int | None = None,
) -> ApprovalResult:
    """The approval path of spending ``amount`` (as the clerk typed it) at ``campus``."""
    from groupctl.rules.approval import compute_approval

    value = parse_amount(amount)  # NumberError, a UsageError, says what is wrong with it
    where = resolve_campus(session.data.pilots, campus)
    when = school_year(year) if year is not None else current_school_year()
    return compute_approval(session.data, session.policy, when, value, where, fund, purpose)


def policy_for(data_dir: Path | None = None) -> Policy:
    """The policy in force for a data directory (bundled defaults + its policy.yaml)."""
    directory, _ = locate_data(data_dir)
    return load_policy(directory)


class ParamsResult(Record):
    """The parameters in force for one school year, as ``groupctl params`` shows them."""

    __slots__ = ("bundled", "directory", "entries", "path", "year")
    _compared = ("year", "path", "entries", "directory", "bundled")

    def __init__(
        self,
        year: int,
        path: str | None,  # the path or prefix asked for
        entries: tuple[tuple[Parameter, Dated], ...],
        directory: Path,
        bundled: bool,
    ) -> None:
        self.year = year
        self.path = path
        self.entries = entries
        self.directory = directory
        self.bundled = bundled


def params(
    data_dir: Path | None = None,
    sets: Sequence[str] = (),
    year: str | int | None = None,
    path: str | None = None,
) -> ParamsResult:
    """Every parameter in force (or those under ``path``) for a school year: the current
    one by default, or the first with figures when the plan had not started by then.
    Reads only the policy files, so it answers even while a data file is broken."""
    directory, bundled = locate_data(data_dir)
    policy = load_policy(directory).with_sets(sets)
    if year is not None:
        when = school_year(year)
    else:
        when = max(current_school_year(), policy.first_year())
    prefix = (path or "").strip()
    return ParamsResult(when, prefix or None, policy.in_force(when, prefix), directory, bundled)


def check(data_dir: Path | None = None) -> tuple[Path, bool, Problems]:
    """Validate every data file of a directory, collecting all problems.

    Beyond each file on its own, the policy's parameters must agree with each other
    (weights adding up to 1, thresholds in order …) in every year the data covers:
    each rule's ``check_parameters`` says what a command would refuse.
    """
    directory, bundled = locate_data(data_dir)
    dataset, problems = inspect_data(directory, bundled, with_scores=True)
    try:
        policy = load_policy(directory)
    except GroupctlError as exc:
        problems.error(exc.file or "policy.yaml", exc.line, exc.message)
        return directory, bundled, problems
    years = dataset.enrollment.years() if dataset is not None else ()
    _check_parameters(policy, years or (policy.start().year,), problems)
    return directory, bundled, problems


def _check_parameters(policy: Policy, years: Sequence[int], problems: Problems) -> None:
    from groupctl.rules import allowance, approval, assessment, staffing

    checks = (
        approval.check_parameters,
        staffing.check_parameters,
        assessment.check_parameters,
        allowance.check_parameters,
        _check_funding,
    )
    reported: set[str] = set()  # each message once, compared in one language
    for year in years:
        for check_rule in checks:
            try:
                params = policy.params(year)
            except PolicyError:
                break  # a year before the policy: every command says so itself
            try:
                check_rule(params)
            except PolicyError as exc:
                said = render(exc.message, "en")
                if said not in reported:
                    reported.add(said)
                    file, line = _blame(exc)
                    problems.error(file, line, exc.message)


def _check_funding(params: Params) -> None:
    """What ``funding`` refuses of its parameters beyond their type and range (the policy
    checks those as it loads): supplements in whole yuan."""
    params.whole_bands("funding.supplement")


def _blame(exc: PolicyError) -> tuple[str, int | None]:
    """Where to point a clerk: the file and line the error carries (a rule's parameter
    checks pass those of the policy.yaml value they refuse), else the policy file."""
    return exc.file or POLICY_FILE, exc.line
