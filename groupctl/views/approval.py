"""The approval view (SPEC §4 `approve`): a numbered path a campus head can follow."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, t, tr
from groupctl.model import Dataset
from groupctl.numbers import money, yuan, yuan_fen
from groupctl.output.model import Column, ExitCode, Output, Section, encode
from groupctl.rules.approval import ApprovalResult, Step
from groupctl.views import CAMPUS_ID, CAMPUS_NAME, GROUP_ID, GROUP_NAME, Ask, computed

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
    labels = {
        "special_fund_review": (
            f"{group}一事一议研究审定后拨付",
            f"{group} reviews it case by case (一事一议) and releases the money",
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
    listed = "、".join(r.purposes)
    return tr(
        lang,
        f"不允许：集团专项经费不能用于“{r.purpose}”（{cite('6.3', lang)}；可用于：{listed}）",
        f"not permitted: the group's special fund cannot pay for '{r.purpose}' "
        f"({cite('6.3', lang)}; permitted: {listed})",
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
            f"第{s.step}步：金额 {amount} 元 ≥ {yuan(s.threshold)} 元（{s.trigger}），{clause}",
            f"step {s.step}: {amount} yuan ≥ {yuan(s.threshold)} yuan ({s.trigger}), {clause}",
        )
    if s.actor == "special_fund_review":
        return tr(
            lang,
            f"第{s.step}步：动用集团专项经费，用途“{r.purpose}”在所列事项内，须一事一议（{clause}）",
            f"step {s.step}: special fund, purpose '{r.purpose}' is listed; reviewed case by case ({clause})",
        )
    return tr(
        lang,
        f"第{s.step}步：每笔支出都要经过（{clause}）",
        f"step {s.step}: required for every expenditure ({clause})",
    )


def _explain(r: ApprovalResult, lang: Lang) -> list[str]:
    amount = yuan_fen(r.amount)
    lines = [_step_line(r, s, lang) for s in r.steps]
    for k in r.skipped:
        zh, en = SKIPPED[k.actor]
        lines.append(
            tr(
                lang,
                f"{zh}：金额 {amount} 元 < {yuan(k.threshold)} 元（{k.trigger}）",
                f"{en}: {amount} yuan < {yuan(k.threshold)} yuan ({k.trigger})",
            )
        )
    return lines


def _purpose_note(r: ApprovalResult, lang: Lang) -> list[str]:
    if r.fund == "special" or not r.purpose:
        return []
    return [
        tr(
            lang,
            "注：--purpose 只对集团专项经费（--fund special）有约束；学校资金的用途不在此核对",
            "note: --purpose is checked only for the group's special fund (--fund special)",
        )
    ]


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
            doc["explain"] = {"parameter": s.trigger, "threshold": threshold}
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
        }
        for s in r.steps
    ]

    fund = t(f"fund.{r.fund}", lang)
    if r.fund == "special":
        fund += tr(lang, f"：{r.purpose}", f": {r.purpose}")
    title = tr(lang, "支出审批路径：{} 元", "Approval path: {} yuan").format(yuan_fen(r.amount))
    table = Section(
        tr(lang, "审批路径", "approval path"), f"{title}\n{r.campus.name} · {fund}", COLUMNS
    )
    for s in steps:
        table.add(shown={"clause": cite(s["clause"], lang)}, **path, **s)

    return computed(
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
