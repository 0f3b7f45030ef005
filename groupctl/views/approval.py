"""The approval view (SPEC §4 `approve`): a numbered path a campus head can follow."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, label_of, t, tr
from groupctl.model import Dataset
from groupctl.numbers import money, name_key, yuan, yuan_fen
from groupctl.output.model import Column, ExitCode, Output, Section, encode
from groupctl.policy import ParamUse
from groupctl.rules.approval import ApprovalResult, Step
from groupctl.views import (
    CAMPUS_ID,
    CAMPUS_NAME,
    GROUP_ID,
    GROUP_NAME,
    Ask,
    cite_use,
    computed,
    show_value,
)

PURPOSES = "finance.special_fund_purposes"
CLOSED = "finance.special_fund_purposes_closed"
REVIEWER = "finance.special_fund_reviewer"

APPROVAL = (
    Column("amount", kind="money"),
    Column("campus", kind="id"),
    Column("campus_name"),
    Column("group", kind="id"),
    Column("group_name"),
    Column("fund", kind="code", codes="fund."),
    Column("purpose"),
    Column("purpose_listed", kind="flag"),
    Column("permitted", kind="flag"),
)
STEP = (
    Column("step", kind="count"),
    Column("actor", kind="id"),
    Column("actor_label"),
    Column("clause", kind="id"),
    Column("reviewer", kind="id"),  # step 0: who reviews the special fund (an interpretation)
)

# One row per step.  The amount is the expenditure's, not a step's: it stays in the
# title and the JSON rather than being repeated on every row, where SUM would add it up.
COLUMNS = (
    GROUP_ID,
    GROUP_NAME,
    CAMPUS_ID,
    CAMPUS_NAME,
    Column("fund", "资金", "fund", "code", show="data", codes="fund."),
    Column("purpose", "用途", "purpose", show="data"),
    Column("step", "步骤", "step", "count"),
    Column("actor", "经办方代码", "actor", "id", show="data"),
    Column("actor_label", "经办与审批", "who acts"),
    Column("clause", "条款", "clause", "id"),
)


def _use(r: ApprovalResult, path: str) -> ParamUse:
    """The parameter as the rule read it, to cite by its own reference."""
    return next(u for u in r.parameters if u.path == path)


def _cited(r: ApprovalResult, path: str, lang: Lang) -> str:
    """A parameter named in a sentence: its path and its own citation (本局自定, 六（三）…)."""
    return tr(lang, "{}，{}", "{}, {}").format(path, cite_use(_use(r, path), lang))


def reviewer_name(r: ApprovalResult, code: str, lang: Lang) -> str:
    """Who reviews a special-fund expense (finance.special_fund_reviewer): a bureau, or
    the group itself by its name."""
    return r.group_name if code == "group" else label_of(f"reviewer.{code}", lang)


def step_label(r: ApprovalResult, step: Step, lang: Lang) -> str:
    group = r.group_name
    campus = r.campus.short_name(r.group_name)
    head = r.campus.head
    # the lead's head heads the group: 中卫市第四中学教育集团总校校长, not 总校总校校长
    signer = f"{group}{head}" if r.campus.role == "lead" else f"{campus}{head}"
    signer_en = (
        f"the head of {group} ({head})"
        if r.campus.role == "lead"
        else f"the head of {campus} ({head})"
    )
    threshold = yuan(step.threshold) if step.threshold is not None else ""
    reviewer = step.reviewer or ""
    labels = {
        "special_fund_review": (
            f"{reviewer_name(r, reviewer, 'zh')}：一事一议研究审定后拨付",
            f"{reviewer_name(r, reviewer, 'en')} reviews it case by case (一事一议)"
            " and releases the money",
        ),
        "school_head": (f"{signer}审批（一支笔审批）", f"{signer_en} signs off (一支笔审批)"),
        "group_party_branch": (
            f"报集团，由{group}党总支研究审批",
            f"reported to the group; the party general branch of {group} decides",
        ),
        "district_education_bureau": (
            f"报区教育局审批（{threshold} 元及以上）",
            f"reported to the district education bureau ({threshold} yuan and above)",
        ),
        "school_implements": (f"{campus}组织实施", f"{campus} carries it out"),
        "group_payment_review": (
            f"{group}审核凭证和支付申请后办理支付",
            f"{group} checks the vouchers and payment request, then pays",
        ),
    }
    zh, en = labels[step.actor]
    return tr(lang, zh, en)


def refusal(r: ApprovalResult, lang: Lang) -> str:
    """Why an unlisted purpose is refused: the bureau closed the plan's open list."""
    listed = "、".join(r.purposes)
    return tr(
        lang,
        f"不允许：“{r.purpose}”不在{cite('6.3', lang)}所列专项经费用途内，"
        f"且本局规定清单之外一律不得使用专项经费（{_cited(r, CLOSED, lang)}）；"
        f"可用于：{listed}",
        f"not permitted: '{r.purpose}' is not among the special-fund purposes"
        f" {cite('6.3', lang)} lists, and the bureau allows none outside the list"
        f" ({_cited(r, CLOSED, lang)}); permitted: {listed}",
    )


def unlisted_warning(r: ApprovalResult, lang: Lang) -> str | None:
    """An unlisted purpose on an open list: the 一事一议 review decides (SPEC §3)."""
    if r.purpose_listed is not False or not r.permitted:
        return None
    review = next(s for s in r.steps if s.actor == "special_fund_review")
    return t(
        "approve.unlisted",
        lang,
        purpose=r.purpose,
        clause=cite("6.3", lang),
        reviewer=reviewer_name(r, review.reviewer or "", lang),
    )


SKIPPED = {
    "group_party_branch": ("无需报集团党总支审批", "no group party branch decision"),
    "district_education_bureau": ("无需报区教育局审批", "no district education bureau approval"),
}


def _step_line(r: ApprovalResult, s: Step, lang: Lang) -> str:
    amount = yuan_fen(r.amount)
    clause = cite(s.clause, lang)
    if s.trigger is not None and s.threshold is not None:
        return tr(
            lang,
            f"第{s.step}步：金额 {amount} 元 ≥ {yuan(s.threshold)} 元（{_cited(r, s.trigger, lang)}）",
            f"step {s.step}: {amount} yuan ≥ {yuan(s.threshold)} yuan ({_cited(r, s.trigger, lang)})",
        )
    if s.actor == "special_fund_review":
        code = s.reviewer or ""
        use = cite_use(_use(r, REVIEWER), lang)
        who = reviewer_name(r, code, lang)
        return tr(
            lang,
            f"第{s.step}步：动用集团专项经费，须一事一议（{clause}）；研究审定并拨付的是{who}"
            f"（{REVIEWER} = {code}，{use}）",
            f"step {s.step}: the special fund is reviewed case by case ({clause});"
            f" the reviewer is {who} ({REVIEWER} = {code}, {use})",
        )
    return tr(
        lang,
        f"第{s.step}步：每笔支出都要经过（{clause}）",
        f"step {s.step}: required for every expenditure ({clause})",
    )


def _purpose_line(r: ApprovalResult, lang: Lang) -> str:
    """How --purpose was read against the plan's list, and what an unlisted one means."""
    listed = _cited(r, PURPOSES, lang)
    if r.purpose_listed:
        typed = r.purpose_typed or ""
        if name_key(typed) == name_key(r.purpose or ""):
            return tr(
                lang,
                f"用途“{r.purpose}”在所列事项内（{listed}）",
                f"purpose '{r.purpose}' is listed ({listed})",
            )
        return tr(
            lang,
            f"用途“{typed}”即所列事项“{r.purpose}”（{listed}）",
            f"purpose '{typed}' is the listed '{r.purpose}' ({listed})",
        )
    closed = _use(r, CLOSED)
    value = show_value(closed.value)
    cited = cite_use(closed, lang)
    if r.permitted:
        return tr(
            lang,
            f"用途“{r.purpose}”不在所列事项内（{listed}）；所列事项以“等”结尾，"
            f"{CLOSED} = {value}（{cited}）：不一律拒绝，由一事一议审定是否属于此类支出",
            f"purpose '{r.purpose}' is not listed ({listed}); the list ends in 等 and"
            f" {CLOSED} = {value} ({cited}): not refused outright, the case-by-case review"
            " decides whether it is such an expense",
        )
    return tr(
        lang,
        f"用途“{r.purpose}”不在所列事项内（{listed}）；{CLOSED} = {value}（{cited}）："
        "清单之外一律不得使用专项经费",
        f"purpose '{r.purpose}' is not listed ({listed}); {CLOSED} = {value} ({cited}):"
        " nothing outside the list may be paid from the special fund",
    )


def _explain(r: ApprovalResult, lang: Lang) -> list[str]:
    amount = yuan_fen(r.amount)
    lines = [_purpose_line(r, lang)] if r.fund == "special" else []
    lines += [_step_line(r, s, lang) for s in r.steps]
    for k in r.skipped:
        zh, en = SKIPPED[k.actor]
        cited = _cited(r, k.trigger, lang)
        lines.append(
            tr(
                lang,
                f"{zh}：金额 {amount} 元 < {yuan(k.threshold)} 元（{cited}）",
                f"{en}: {amount} yuan < {yuan(k.threshold)} yuan ({cited})",
            )
        )
    return lines


def _purpose_note(r: ApprovalResult, lang: Lang) -> list[str]:
    if r.fund == "special" or not r.purpose_typed:
        return []
    return [t("approve.note.purpose_school", lang)]


def _body(
    r: ApprovalResult, path: dict[str, Any], steps: list[dict[str, Any]], ask: Ask
) -> dict[str, Any]:
    body = encode(path, APPROVAL, ask.lang)
    body["steps"] = [encode(s, STEP, ask.lang) for s in steps]
    if not r.permitted:
        body["reason"] = refusal(r, ask.lang)
    if ask.explain:
        for doc, s in zip(body["steps"], r.steps, strict=True):
            threshold = money(s.threshold) if s.threshold is not None else None
            parameter = REVIEWER if s.actor == "special_fund_review" else s.trigger
            doc["explain"] = {"parameter": parameter, "threshold": threshold}
        body["skipped"] = [
            {"actor": k.actor, "parameter": k.trigger, "threshold": money(k.threshold)}
            for k in r.skipped
        ]
    return body


def approval_view(r: ApprovalResult, data: Dataset, ask: Ask) -> Output:
    lang = ask.lang
    path: dict[str, Any] = {
        "amount": r.amount,
        "campus": r.campus.id,
        "campus_name": r.campus.name,
        "group": r.group,
        "group_name": r.group_name,
        "fund": r.fund,
        "purpose": r.purpose,
        "purpose_listed": r.purpose_listed,
        "permitted": r.permitted,
    }
    steps: list[dict[str, Any]] = [
        {
            "step": s.step,
            "actor": s.actor,
            "actor_label": step_label(r, s, lang),
            "clause": s.clause,
            "reviewer": s.reviewer,
        }
        for s in r.steps
    ]

    fund = t(f"fund.{r.fund}", lang)
    if r.fund == "special":
        fund += tr(lang, f"：{r.purpose}", f": {r.purpose}")
        if not r.purpose_listed:
            fund += tr(lang, "（{}）", " ({})").format(t("approve.not_listed", lang))
    title = tr(lang, "支出审批路径：{} 元", "Approval path: {} yuan").format(yuan_fen(r.amount))
    table = Section(
        tr(lang, "审批路径", "approval path"), f"{title}\n{r.campus.name} · {fund}", COLUMNS
    )
    readings = {u.path: u for u in r.parameters}
    for s in steps:
        # who reviews the special fund is our reading of 六（三）: its row says so
        reviewer = readings.get(REVIEWER) if s["reviewer"] else None
        if reviewer is not None and reviewer.reading:
            shown = cite_use(reviewer, lang)
        else:
            shown = cite(s["clause"], lang)
        table.add(shown={"clause": shown}, **path, **s)

    warning = unlisted_warning(r, lang)
    out = computed(
        "approve",
        r.year,
        _body(r, path, steps, ask),
        [table] if r.permitted else [],
        r.parameters,
        data,
        ask,
        files=(),
        lines=[] if r.permitted else [refusal(r, lang)],
        explain=_explain(r, lang) if ask.explain else [],
        explain_title=tr(lang, "计算过程", "How each step was decided"),
        notes=_purpose_note(r, lang),
        exit_code=ExitCode.OK if r.permitted else ExitCode.NO,
    )
    if warning is not None:  # for people on stderr, first; for scripts in meta.warnings
        out.notes.insert(0, f"{t('warning', lang)}{tr(lang, '：', ': ')}{warning}")
        out.meta.warnings.append(warning)
    return out
