"""Display labels in Chinese (default) and English.  JSON keys never go through here."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

_LABELS: dict[str, tuple[str, str]] = {
    # roles, kinds, stages
    "lead": ("牵头", "lead"),
    "member": ("成员", "member"),
    "school": ("中小学", "school"),
    "kindergarten": ("幼儿园", "kindergarten"),
    "primary": ("小学", "primary"),
    "junior": ("初中", "junior"),
    "senior": ("高中", "senior"),
    # columns
    "col.group_campus": ("集团 / 校区", "group / campus"),
    "col.group": ("集团", "group"),
    "col.campus": ("校区", "campus"),
    "col.id": ("代码", "id"),
    "col.school": ("学校", "school"),
    "col.role": ("角色", "role"),
    "col.head": ("校（园）长", "head"),
    "col.students": ("在校生", "students"),
    "col.band": ("档位", "band"),
    "col.amount": ("经费（元）", "yuan"),
    "col.type": ("类型", "type"),
    "col.years": ("在集团年度", "years"),
    "col.severity": ("级别", "level"),
    "col.where": ("位置", "where"),
    "col.message": ("问题", "problem"),
    # funding rows
    "funding.title": (
        "{school_year}学年 集团化办学专项经费（{clause}）",
        "Group special funding {school_year} ({clause})",
    ),
    "funding.base": ("基础经费", "base"),
    "funding.group_total": ("集团合计", "group total"),
    "funding.district_total": ("全区合计", "district total"),
    "funding.not_counted": ("不计", "not counted"),
    # groups
    "groups.title": (
        "{district}集团化办学试点（{clause}）",
        "Pilot education groups of {district} ({clause})",
    ),
    "years.all": ("全部", "all"),
    # check
    "check.title": ("数据检查：{directory}", "Data check: {directory}"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "check.summary": (
        "{errors} 个错误，{warnings} 个警告",
        "{errors} error(s), {warnings} warning(s)",
    ),
    "check.ok": ("数据无误", "no problems found"),
    # notes and explain
    "explain.title": ("计算过程", "How each figure was derived"),
    "note.local": (
        "注：以上结果用到本局自定参数（local，内置值仅为示例）：{paths}",
        "note: these figures use parameters the plan leaves to the bureau"
        " (local; bundled values are examples): {paths}",
    ),
    "note.changed": ("注：参数已改动：{items}", "note: parameters changed: {items}"),
    "note.illustrative": (
        "注：{files} 中的数字为示例，并非正式统计",
        "note: the figures in {files} are illustrative examples, not official figures",
    ),
    "yuan": ("元", "yuan"),
    "people": ("人", "students"),
}


def t(key: str, lang: Lang, **fields: object) -> str:
    zh, en = _LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text


def tr(lang: Lang, zh: str, en: str) -> str:
    """Pick the text for ``lang``: for labels a view builds with names from the data."""
    return zh if lang == "zh" else en


def school_year(year: int, lang: Lang) -> str:
    return f"{year}–{year + 1}" if lang == "zh" else f"{year}-{year + 1}"
