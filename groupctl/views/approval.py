"""The approval view (SPEC §4 `approve`): a numbered path a campus head can follow."""

from __future__ import annotations

from typing import Any

from groupctl.clauses import cite
from groupctl.labels import Lang, tr
from groupctl.model import Dataset
from groupctl.numbers import money, yuan, yuan_fen
from groupctl.rules.approval import ApprovalResult, Step
from groupctl.views import Column, Table, View, parameter_doc, standard_notes

CSV_COLUMNS = [
    "amount",
    "campus",
    "fund",
    "purpose",
    "permitted",
    "step",
    "actor",
    "label",
    "clause",
    "reason",
]


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


def approval_view(r: ApprovalResult, data: Dataset, lang: Lang, explain: bool) -> View:
    labels = [step_label(r, s, lang) for s in r.steps]
    reason = None if r.permitted else refusal(r, lang)
    document: dict[str, Any] = {
        "amount": money(r.amount),
        "campus": r.campus.id,
        "fund": r.fund,
        "purpose": r.purpose,
        "permitted": r.permitted,
        "steps": [
            {"step": s.step, "actor": s.actor, "label": label, "clause": s.clause}
            for s, label in zip(r.steps, labels, strict=True)
        ],
        "campus_name": r.campus.name,
        "group": r.group,
        "group_name": r.group_name,
        "reason": reason,
    }
    if explain:
        for doc, s in zip(document["steps"], r.steps, strict=True):
            doc["explain"] = {
                "parameter": s.trigger,
                "threshold": money(s.threshold) if s.threshold is not None else None,
            }
        document["skipped"] = [
            {"actor": k.actor, "parameter": k.trigger, "threshold": money(k.threshold)}
            for k in r.skipped
        ]
        document["parameters"] = [parameter_doc(u) for u in r.parameters]

    base = {
        "amount": money(r.amount),
        "campus": r.campus.id,
        "fund": r.fund,
        "purpose": r.purpose,
        "permitted": r.permitted,
    }
    rows = [
        {**base, "step": s.step, "actor": s.actor, "label": label, "clause": s.clause}
        | ({"explain": _step_line(r, s, lang)} if explain else {})
        for s, label in zip(r.steps, labels, strict=True)
    ] or [{**base, "reason": reason}]

    fund = tr(lang, "学校资金", "school funds")
    if r.fund == "special":
        fund = tr(lang, f"集团专项经费：{r.purpose}", f"group special fund: {r.purpose}")
    title = tr(
        lang,
        f"支出审批路径：{yuan_fen(r.amount)} 元\n{r.campus.name} · {fund}",
        f"Approval path: {yuan_fen(r.amount)} yuan\n{r.campus.name} · {fund}",
    )
    table = Table(
        title,
        [
            Column("step", tr(lang, "步骤", "step"), "right"),
            Column("label", tr(lang, "经办与审批", "who acts")),
            Column("clause", tr(lang, "条款", "clause")),
        ],
    )
    for s, label in zip(r.steps, labels, strict=True):
        table.add({"step": str(s.step), "label": label, "clause": cite(s.clause, lang)})
    return View(
        document=document,
        csv_columns=CSV_COLUMNS + (["explain"] if explain else []),
        csv_rows=rows,
        tables=[table] if r.permitted else [],
        lines=[] if reason is None else [reason],
        explain=_explain(r, lang) if explain else [],
        notes=standard_notes(r.parameters, data, lang, illustrative=False) + _purpose_note(r, lang),
        exit_code=0 if r.permitted else 1,
        explain_title=tr(lang, "计算过程", "How each step was decided"),
    )
