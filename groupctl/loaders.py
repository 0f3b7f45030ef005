"""Loading and validating a data directory (SPEC §2).

``inspect_data`` reads everything it can and reports every problem (for
``groupctl check``); ``load_data`` does the same and raises the first error.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from groupctl.catalogue import Join, Msg, msg
from groupctl.csvio import CsvRow, exists, read_rows
from groupctl.errors import DataError
from groupctl.model import (
    GRADE_NAMES,
    GRADES,
    GROUP_TYPES,
    HEAD_TITLES,
    KINDERGARTEN_HEADS,
    MONTHS,
    POST_RESULT_NAMES,
    POST_RESULTS,
    ROLES,
    STAGES,
    Campus,
    CampusScore,
    Dataset,
    Enrollment,
    Grade,
    Group,
    GroupScore,
    GroupType,
    Pilots,
    PostAssessment,
    PostResult,
    PostResultRow,
    Role,
    Scores,
    Staff,
    StaffRow,
    Stage,
    StageRow,
)
from groupctl.numbers import (
    MAX_COUNT,
    NumberError,
    bare,
    clip_middle,
    is_whole_text,
    name_key,
    normalize,
    parse_school_year,
    parse_score,
    parse_whole,
    quoted,
)
from groupctl.osreason import os_reason
from groupctl.problems import Problems
from groupctl.suggest import closest, did_you_mean
from groupctl.yamlio import item_line, key_line, load_yaml, node_line

PILOTS = "pilots.yaml"
CAMPUSES = "campuses.csv"
STAFF = "staff.csv"
CAMPUS_SCORES = "campus_scores.csv"
GROUP_SCORES = "group_scores.csv"
POST_ASSESSMENT = "post_assessment.csv"
# Installed, the wheel carries the repository's data/ as groupctl/data (pyproject maps it);
# run from a checkout (an editable install), the package sits beside data/ itself.
_PACKAGE = Path(__file__).parent
BUNDLED_DATA = (
    _PACKAGE / "data" if (_PACKAGE / "data" / "pilots.yaml").is_file() else _PACKAGE.parent / "data"
)
# Every file a data directory may hold (SPEC §2); outputs never replace any of them.
DATA_FILES = (PILOTS, CAMPUSES, STAFF, CAMPUS_SCORES, GROUP_SCORES, POST_ASSESSMENT, "policy.yaml")


def data_files(directory: Path) -> tuple[Path, ...]:
    return tuple(directory / name for name in DATA_FILES)


_ID = re.compile(r"[a-z0-9-]+")

STAGE_ALIASES: dict[str, Stage] = {
    "kindergarten": "kindergarten",
    "幼儿园": "kindergarten",
    "学前": "kindergarten",
    "primary": "primary",
    "小学": "primary",
    "junior": "junior",
    "初中": "junior",
    "senior": "senior",
    "高中": "senior",
}

_STAGE_NAMES = tuple(word for word in STAGE_ALIASES if not word.isascii())  # 幼儿园 …

CAMPUS_COLUMNS = {
    "year": ("年度", "学年"),
    "campus": ("校区",),
    "stage": ("学段",),
    "students": ("在校生数", "学生数"),
    "classes": ("班级数",),
}


STAFF_COLUMNS = {
    "year": ("年度", "学年"),
    "campus": ("校区",),
    "teachers": ("在编教师数", "在编教师"),
    "party_members": ("党员数", "正式党员数"),
}


# --------------------------------------------------------------------------- where


def locate_data(option: Path | None, cwd: Path | None = None) -> tuple[Path, bool]:
    """The data directory to use, and whether it is the bundled copy (SPEC §2 order)."""
    if option is not None:
        return _checked_dir(option, "--data"), False
    env = os.environ.get("GROUPCTL_DATA")
    if env:
        return _checked_dir(Path(env), "GROUPCTL_DATA"), False
    local = (cwd or Path.cwd()) / "data"
    # ./data is in force as soon as it holds a pilots.yaml, whatever that is: a broken one
    # is an error naming it, never a silent fall-back to the bundled data
    if os.path.lexists(local / PILOTS):
        return local, _same(local, BUNDLED_DATA)
    return BUNDLED_DATA, True


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _checked_dir(path: Path, how: str) -> Path:
    where = {"directory": clip_middle(str(path), 80, 80), "how": how}
    try:
        if not path.exists():
            raise DataError(msg("data.dir.missing", **where))
        if not path.is_dir():
            raise DataError(msg("data.dir.not_dir", **where))
        if not os.path.lexists(path / PILOTS):  # one that is there but no file: read_pilots says
            raise DataError(msg("data.dir.no_pilots", file=PILOTS, **where))
    except OSError as exc:  # a name too long, a symlink loop, no permission
        raise DataError(msg("data.dir.unreadable", reason=os_reason(exc), **where)) from None
    return path


# --------------------------------------------------------------------------- pilots.yaml

_GROUP_KEYS = {"id", "name", "type", "campuses"}
_CAMPUS_KEYS = {"id", "name", "school", "aliases", "role", "head", "from", "until"}
_TOP_KEYS = {"district", "compulsory_schools_total", "groups", "illustrative"}
_ID_LENGTH = 64


MAX_NAME = 100  # the longest name in the plan's annex has 23 characters


def _name_problem(key: str, text: str) -> Msg | None:
    """Why ``text`` cannot be a name in the tables: too long, or holding a control or
    formatting character (a right-to-left override would reorder what a clerk reads)."""
    if len(text) > MAX_NAME:
        return msg("data.key.too_long", key=key, limit=MAX_NAME, value=quoted(text))
    if text.isprintable():  # no Cc, Cf, Co or Cs character (nor Cn, Zl, Zp): the usual name
        return None
    bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs")), None)
    if bad is not None:
        return msg("data.key.control", key=key, code=f"U+{ord(bad):04X}", value=quoted(text))
    return None


def _word(value: Any) -> Any:
    """A keyword as typed (``Lead``, ``ＳＣＨＯＯＬ``) in canonical form; other values as they are."""
    return normalize(value).lower() if isinstance(value, str) else value


class _Pilots:
    """One pass over pilots.yaml, reporting problems as it goes."""

    def __init__(self, doc: Any, problems: Problems) -> None:
        self.doc = doc
        self.p = problems
        self.ids: dict[str, int | None] = {}
        self.names: dict[str, int | None] = {}
        self.campus_names: dict[str, tuple[str, int | None]] = {}  # name key → (campus, line)

    def err(self, line: int | None, message: Msg) -> None:
        self.p.error(PILOTS, line, message)

    def text(self, node: Any, key: str, where: int | None, required: bool = True) -> str | None:
        if key not in node:
            if required:
                self.err(where, msg("data.key.missing", key=key))
            return None
        value = node[key]
        if not isinstance(value, str) or not value.strip():
            self.err(key_line(node, key), msg("data.key.not_text", key=key, value=quoted(value)))
            return None
        problem = _name_problem(key, value.strip())
        if problem is not None:
            self.err(key_line(node, key), problem)
            return None
        return value.strip()

    def year(self, node: Any, key: str) -> int | None:
        if key not in node or node[key] is None:
            return None
        value = node[key]
        year = None if isinstance(value, bool) else parse_school_year(str(value))
        if year is None:
            self.err(key_line(node, key), msg("data.key.year", key=key, value=quoted(value)))
            return None
        return year

    def unknown_keys(self, node: Any, allowed: set[str], what: str) -> None:
        """Keys of ``node`` that are not ``allowed``; ``what``: the place, ``file``,
        ``group`` or ``campus``."""
        for key in node:
            if key not in allowed:
                self.err(
                    key_line(node, key),
                    msg(
                        f"data.key.unknown.{what}",
                        key=bare(key),
                        known=Join(tuple(sorted(allowed))),
                    ),
                )

    def unique(self, table: dict[str, int | None], value: str, line: int | None, what: str) -> None:
        """``what``: ``id`` or ``name``, each unique in the file."""
        if value in table:
            first = table[value]
            if first is None:
                self.err(line, msg(f"data.duplicate.{what}", value=quoted(value)))
            else:
                self.err(line, msg(f"data.duplicate.{what}.at", value=quoted(value), first=first))
        else:
            table[value] = line

    def ident(self, node: Any, where: int | None) -> str | None:
        value = self.text(node, "id", where)
        if value is None:
            return None
        line = key_line(node, "id")
        if not _ID.fullmatch(value):
            self.err(line, msg("data.id.characters", value=quoted(value)))
            return None
        if len(value) > _ID_LENGTH:  # ids are shown in every table and message
            self.err(line, msg("data.id.too_long", value=quoted(value), limit=_ID_LENGTH))
            return None
        self.unique(self.ids, value, line, "id")
        return value

    def build(self) -> Pilots | None:
        doc = self.doc
        if not isinstance(doc, dict):
            self.err(1, msg("data.pilots.not_mapping"))
            return None
        self.unknown_keys(doc, _TOP_KEYS, "file")
        district = self.text(doc, "district", 1) or ""
        total = None
        if doc.get("compulsory_schools_total") is not None:
            raw = doc["compulsory_schools_total"]
            # a district has tens or hundreds of schools; a million is a typing slip
            if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw <= 1_000_000:
                total = raw
            else:
                self.err(
                    key_line(doc, "compulsory_schools_total"),
                    msg("data.pilots.schools_total", value=quoted(raw)),
                )
        illustrative: tuple[str, ...] = ()
        if doc.get("illustrative") is not None:
            raw = doc["illustrative"]
            if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
                illustrative = tuple(raw)
            else:
                self.err(key_line(doc, "illustrative"), msg("data.pilots.illustrative"))
        groups_node = doc.get("groups")
        if not isinstance(groups_node, list) or not groups_node:
            self.err(key_line(doc, "groups") or 1, msg("data.pilots.groups"))
            return None
        groups = []
        for i, g in enumerate(groups_node):
            group = self.group(g, item_line(groups_node, i))
            if group is not None:
                groups.append(group)
        return Pilots(district, tuple(groups), total, illustrative)

    def group(self, node: Any, line: int | None) -> Group | None:
        if not isinstance(node, dict):
            self.err(line, msg("data.group.not_mapping"))
            return None
        line = node_line(node) or line
        self.unknown_keys(node, _GROUP_KEYS, "group")
        gid = self.ident(node, line)
        name = self.text(node, "name", line)
        if name is not None:
            self.unique(self.names, name, key_line(node, "name"), "name")
        gtype = _word(node.get("type"))
        if gtype in GROUP_TYPES:
            gtype = GROUP_TYPES[GROUP_TYPES.index(gtype)]  # one string, not one per group
        else:
            self.err(
                key_line(node, "type") or line,
                msg("data.group.type", known=Join(GROUP_TYPES), value=quoted(gtype)),
            )
            gtype = None
        cnode = node.get("campuses")
        if not isinstance(cnode, list) or not cnode:
            self.err(key_line(node, "campuses") or line, msg("data.group.campuses"))
            return None
        campuses = []
        for i, c in enumerate(cnode):
            campus = self.campus(c, item_line(cnode, i), gid or "")
            if campus is not None:
                campuses.append(campus)
        self.years_within_lead(gid, campuses)
        leads = [c for c in campuses if c.role == "lead"]
        if not leads and len(campuses) == len(cnode):
            self.err(line, msg("data.group.no_lead", group=gid))
        for extra in leads[1:]:
            self.err(extra.line, msg("data.group.second_lead", group=gid, campus=extra.id))
        if gid is None or name is None or gtype is None or len(campuses) != len(cnode):
            return None
        return Group(gid, name, cast(GroupType, gtype), tuple(campuses), line)

    def campus(self, node: Any, line: int | None, group_id: str) -> Campus | None:
        if not isinstance(node, dict):
            self.err(line, msg("data.campus.not_mapping"))
            return None
        line = node_line(node) or line
        self.unknown_keys(node, _CAMPUS_KEYS, "campus")
        cid = self.ident(node, line)
        name = self.text(node, "name", line)
        if name is not None:
            self.unique(self.names, name, key_line(node, "name"), "name")
        school = self.text(node, "school", line)
        role = _word(node.get("role"))
        if role in ROLES:
            role = ROLES[ROLES.index(role)]  # one string, not one per campus (a province)
        else:
            self.err(
                key_line(node, "role") or line,
                msg("data.campus.role", known=Join(ROLES), value=quoted(role)),
            )
            role = None
        head = self.text(node, "head", line)
        if head in HEAD_TITLES:
            head = HEAD_TITLES[HEAD_TITLES.index(head)]
        elif head is not None:
            self.err(
                key_line(node, "head"),
                msg("data.campus.head", known=Join(HEAD_TITLES), value=quoted(head)),
            )
            head = None
        start, end = self.year(node, "from"), self.year(node, "until")
        if start is not None and end is not None and start > end:
            self.err(
                key_line(node, "until"),
                msg("data.campus.until_before_from", until=end, start=start),
            )
        aliases = self.aliases(node)
        if None in (cid, name, school, role, head, aliases):
            return None
        assert cid and name and school and head and aliases is not None
        self.head_warning(cid, cast(Role, role), head, node)
        campus = Campus(
            cid, name, school, cast(Role, role), head, group_id, start, end, line, aliases
        )
        self.names_unique(campus, node)
        return campus

    def aliases(self, node: Any) -> tuple[str, ...] | None:
        """The optional ``aliases:`` list: other names the campus goes by."""
        raw = node.get("aliases")
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
            self.err(key_line(node, "aliases"), msg("data.campus.aliases"))
            return None
        return tuple(a.strip() for a in raw)

    def names_unique(self, campus: Campus, node: Any) -> None:
        """Each name (compared as lookups compare them) points at one campus only: a CSV row
        or ``--campus`` that names it must not be able to mean two campuses."""
        for name in dict.fromkeys(name_key(n) for n in campus.names()):
            owner = self.campus_names.get(name)
            if owner is not None and owner[0] != campus.id:
                shared = {"campus": campus.id, "name": bare(name), "other": owner[0]}
                self.err(
                    key_line(node, "aliases") or campus.line,
                    msg("data.campus.shared_name", **shared)
                    if owner[1] is None
                    else msg("data.campus.shared_name.at", **shared, line=owner[1]),
                )
            else:
                self.campus_names[name] = (campus.id, campus.line)

    def head_warning(self, cid: str, role: Role, head: str, node: Any) -> None:
        if (role == "lead") != head.startswith("总"):  # the line looked up only then
            message = msg("data.campus.head_role", campus=cid, role=msg(role), head=head)
            self.p.warning(PILOTS, key_line(node, "head"), message)

    def years_within_lead(self, gid: str | None, campuses: list[Campus]) -> None:
        """A member cannot be in the group in a year its lead is not."""
        lead = next((c for c in campuses if c.role == "lead"), None)
        if lead is None:
            return
        for c in campuses:
            early = lead.from_year is not None and (c.from_year or 0) < lead.from_year
            late = lead.until_year is not None and (c.until_year or 9999) > lead.until_year
            if c is not lead and (early or late):
                self.err(
                    c.line, msg("data.campus.outside_lead", campus=c.id, group=gid, lead=lead.id)
                )


def read_pilots(directory: Path, problems: Problems) -> Pilots | None:
    try:
        doc = load_yaml(directory / PILOTS, PILOTS)
    except DataError as exc:
        problems.error(PILOTS, exc.line, exc.message)
        return None
    errors = problems.errors_in(PILOTS)
    builder = _Pilots(doc, problems)
    pilots = builder.build()
    if pilots is not None and problems.errors_in(PILOTS) == errors:
        # the names the builder keyed to check them are the table the CSV files look up:
        # kept for this Pilots, so that no name is keyed twice (a province has 400,000)
        by_id = {c.id: c for c in pilots.campuses()}
        with contextlib.suppress(KeyError):  # a campus left out: looked up the long way
            table = {key: by_id[cid] for key, (cid, _) in builder.campus_names.items()}
            _LOOKUP[:] = [(pilots, table)]
    return pilots


# the campus lookup of the Pilots read last (one: a long-running test holds no others)
_LOOKUP: list[tuple[Pilots, dict[str, Campus]]] = []


# --------------------------------------------------------------------------- campuses.csv


def _campus_lookup(pilots: Pilots) -> dict[str, Campus]:
    """Campuses by any of their names in full (id, name, school, aliases; SPEC §2), for the
    data files' campus column, keyed as ``name_key`` compares names."""
    if _LOOKUP and _LOOKUP[0][0] is pilots:
        return _LOOKUP[0][1]
    table: dict[str, Campus] = {}
    for c in pilots.campuses():
        for name in c.names():
            table.setdefault(name_key(name), c)
    return table


def whole(row: CsvRow, column: str, display: str, problems: Problems) -> int | None:
    """A count of a data file: a whole number from 0 to ``MAX_COUNT`` (a larger one is a
    slip, and would take the rules' arithmetic out of exact range)."""
    text = row.values[column]
    value = parse_whole(text)
    if value is not None and value <= MAX_COUNT:  # the column's name only for a problem
        return value
    name = row.column(column)
    if value is None and not is_whole_text(text):
        problems.error(display, row.line, msg("data.count", column=name, value=quoted(text)))
        return None
    if value is None or value > MAX_COUNT:
        problems.error(
            display,
            row.line,
            msg("data.count.too_large", column=name, limit=f"{MAX_COUNT:,}", value=quoted(text)),
        )
        return None
    return value


# campuses compared with an unknown campus name for a suggestion: a district, not a province
_SUGGEST_AMONG = 2_000


class _Rows:
    """What every data CSV checks alike: the year, the campus or group, duplicate keys,
    and whether the campus belongs to its group that year."""

    def __init__(self, display: str, pilots: Pilots, problems: Problems) -> None:
        self.display = display
        self.pilots = pilots
        self.problems = problems
        self.campuses = _campus_lookup(pilots)
        self.seen: dict[tuple[object, ...], int] = {}
        # each text once: a year or a campus is written on many rows alike
        self.years: dict[str, int | None] = {}
        self.keys: dict[str, str] = {}

    def year(self, row: CsvRow) -> int | None:
        text = row.values["year"]
        year = self.years.get(text, -1)
        if year == -1:
            year = self.years[text] = parse_school_year(text)
        if year is None:
            self.problems.error(
                self.display,
                row.line,
                msg("data.year", column=row.column("year"), value=quoted(text)),
            )
        return year

    def campus(self, row: CsvRow) -> Campus | None:
        text = row.values["campus"]
        key = self.keys.get(text)
        if key is None:
            key = self.keys[text] = name_key(text)
        campus = self.campuses.get(key)
        if campus is None:
            self.problems.error(self.display, row.line, self._unknown(text))
        return campus

    def _unknown(self, text: str) -> Msg:
        """An unknown campus, with the closest ids when a typo is likely (qixiao-shuangqv):
        only in a district small enough to compare against every id quickly."""
        few = self.problems.errors_in(self.display) < 5  # a wrong file: no suggestion each row
        ids = [c.id for c in self.pilots.campuses()] if few else []
        close = closest(text, ids) if len(ids) <= _SUGGEST_AMONG else []
        then = msg("data.then_suggest", suggestion=did_you_mean(close)) if close else ""
        return msg("data.campus.unknown", value=quoted(text), file=PILOTS, suggestion=then)

    def first(self, key: tuple[object, ...], line: int, what: Msg) -> bool:
        """True the first time ``key`` is seen; later, a duplicate error pointing back."""
        if key in self.seen:
            self.problems.error(
                self.display, line, msg("data.duplicate.row", what=what, first=self.seen[key])
            )
            return False
        self.seen[key] = line
        return True

    def check_member(self, campus: Campus, year: int, line: int) -> None:
        if not campus.in_group(year):
            self.problems.warning(
                self.display, line, msg("data.campus.not_in_group", campus=campus.id, year=year)
            )


def read_enrollment(directory: Path, pilots: Pilots, problems: Problems) -> Enrollment | None:
    path = directory / CAMPUSES
    if not exists(path):  # anything else there (a folder, a broken link) read_rows names
        problems.error(CAMPUSES, None, msg("data.file.missing", file=CAMPUSES))
        return None
    rows = read_rows(path, CAMPUSES, CAMPUS_COLUMNS, problems)
    if rows is None:
        return None
    check = _Rows(CAMPUSES, pilots, problems)
    out: list[StageRow] = []
    stages: dict[str, Stage | None] = {}  # each stage as written, read once
    counts: dict[int, int] = {}  # one int object for each count (a province repeats them)
    for row in rows:
        v, line = row.values, row.line
        year = check.year(row)
        campus = check.campus(row)
        written = v["stage"]
        if written in stages:
            stage = stages[written]
        else:
            stage = stages[written] = STAGE_ALIASES.get(normalize(written).lower())
        if stage is None:
            problems.error(
                CAMPUSES,
                line,
                msg(
                    "data.stage",
                    column=row.column("stage"),
                    names=Join(_STAGE_NAMES),
                    codes=Join(STAGES),
                    value=quoted(v["stage"]),
                ),
            )
        students = whole(row, "students", CAMPUSES, problems)
        classes = whole(row, "classes", CAMPUSES, problems)
        if year is None or campus is None or stage is None or students is None or classes is None:
            continue
        key = (year, campus.id, stage)
        if key in check.seen:  # the message is built only for a duplicate
            what = msg("data.row.enrollment", year=year, campus=campus.id, stage=msg(stage))
            check.first(key, line, what)
            continue
        check.seen[key] = line
        if students > 0 and classes == 0:
            problems.error(
                CAMPUSES,
                line,
                msg(
                    "data.no_classes",
                    students=students,
                    students_column=row.column("students"),
                    classes_column=row.column("classes"),
                ),
            )
            continue
        check.check_member(campus, year, line)
        students = counts.setdefault(students, students)
        classes = counts.setdefault(classes, classes)
        out.append(StageRow(year, campus.id, stage, students, classes, line))
    return Enrollment(tuple(out), CAMPUSES)


def _kindergarten_head_warnings(pilots: Pilots, enrollment: Enrollment, problems: Problems) -> None:
    """A kindergarten whose head has a school title (校长), and back.

    Whether a campus is a kindergarten comes from its latest campuses.csv rows, or,
    without rows, from its group's type.
    """
    for g in pilots.groups:
        for c in g.campuses:
            years = [y for y in enrollment.years() if enrollment.stages(y, c.id)]
            if years:
                kindergarten = enrollment.is_kindergarten(years[-1], c.id)
            else:
                kindergarten = g.type == "kindergarten"
            _head_title_warning(c, kindergarten, problems)


def _head_title_warning(c: Campus, kindergarten: bool, problems: Problems) -> None:
    if kindergarten == (c.head in KINDERGARTEN_HEADS):
        return
    titles = ("总园长", "执行园长") if kindergarten else ("总校校长", "执行校长")
    expected = titles[0] if c.role == "lead" else titles[1]
    key = "data.campus.head_kind.kindergarten" if kindergarten else "data.campus.head_kind.school"
    problems.warning(
        PILOTS, c.line, msg(key, campus=c.id, name=c.name, head=c.head, expected=expected)
    )


# --------------------------------------------------------------------------- score files (六（五）)

CAMPUS_SCORE_COLUMNS = {
    "year": ("年度", "学年"),
    "campus": ("校区",),
    "score": ("得分", "考核得分", "分数"),
}
GROUP_SCORE_COLUMNS = {
    "year": ("年度", "学年"),
    "group": ("集团",),
    "party_building": ("党建", "党建得分", "党的建设"),
    "comprehensive": ("综合", "综合得分", "综合考核"),
}
# Both score files may give the grade the assessment group decided (SPEC §2); optional.
DECIDED_GRADE = {"decided_grade": ("确定等次",)}
GRADE_WORDS: dict[str, Grade] = {**{g: g for g in GRADES}, **GRADE_NAMES}


def _group_lookup(pilots: Pilots) -> dict[str, Group]:
    """Groups by id and by exact full name, for group_scores.csv's group column."""
    table: dict[str, Group] = {}
    for g in pilots.groups:
        table.setdefault(g.id, g)
        table.setdefault(g.name, g)
    return table


def score(row: CsvRow, column: str, display: str, problems: Problems) -> Decimal | None:
    try:
        return parse_score(row.values[column], row.column(column))
    except NumberError as exc:
        problems.error(display, row.line, exc.message)
        return None


def decided_grade(row: CsvRow, display: str, problems: Problems) -> Grade | None:
    """A decided grade as the plan names it (优秀 …) or by its code (excellent …).

    None for an empty cell (the group has not decided: the computed grade stands), or
    after reporting a value that is no grade.
    """
    text = row.values["decided_grade"]
    if not text.strip():
        return None
    grade = GRADE_WORDS.get(normalize(text).lower())
    if grade is None:
        problems.error(
            display,
            row.line,
            msg(
                "data.decided_grade",
                column=row.column("decided_grade"),
                names=Join(tuple(GRADE_NAMES)),
                codes=Join(GRADES),
                value=quoted(text),
            ),
        )
    return grade


def read_campus_scores(
    directory: Path, pilots: Pilots, problems: Problems
) -> tuple[CampusScore, ...] | None:
    rows = read_rows(
        directory / CAMPUS_SCORES, CAMPUS_SCORES, CAMPUS_SCORE_COLUMNS, problems, DECIDED_GRADE
    )
    if rows is None:
        return None
    check = _Rows(CAMPUS_SCORES, pilots, problems)
    out: list[CampusScore] = []
    for row in rows:
        line = row.line
        year = check.year(row)
        campus = check.campus(row)
        value = score(row, "score", CAMPUS_SCORES, problems)
        decided = decided_grade(row, CAMPUS_SCORES, problems)
        if year is None or campus is None or value is None:
            continue
        what = msg("data.row.campus_score", year=year, campus=campus.id)
        if not check.first((year, campus.id), line, what):
            continue
        check.check_member(campus, year, line)
        out.append(CampusScore(year, campus.id, value, line, decided))
    return tuple(out)


def read_group_scores(
    directory: Path, pilots: Pilots, problems: Problems
) -> tuple[GroupScore, ...] | None:
    rows = read_rows(
        directory / GROUP_SCORES, GROUP_SCORES, GROUP_SCORE_COLUMNS, problems, DECIDED_GRADE
    )
    if rows is None:
        return None
    groups = _group_lookup(pilots)
    check = _Rows(GROUP_SCORES, pilots, problems)
    out: list[GroupScore] = []
    for row in rows:
        v, line = row.values, row.line
        year = check.year(row)
        group = groups.get(normalize(v["group"]))
        if group is None:
            problems.error(
                GROUP_SCORES, line, msg("data.group.unknown", value=quoted(v["group"]), file=PILOTS)
            )
        party = score(row, "party_building", GROUP_SCORES, problems)
        overall = score(row, "comprehensive", GROUP_SCORES, problems)
        decided = decided_grade(row, GROUP_SCORES, problems)
        if year is None or group is None or party is None or overall is None:
            continue
        what = msg("data.row.group_score", year=year, group=group.id)
        if not check.first((year, group.id), line, what):
            continue
        if not group.running_in(year):
            problems.warning(
                GROUP_SCORES, line, msg("data.group.not_running", group=group.id, year=year)
            )
        out.append(GroupScore(year, group.id, party, overall, line, decided))
    return tuple(out)


def _missing_score_warnings(pilots: Pilots, scores: Scores, problems: Problems) -> None:
    """For each year a score file covers, every campus and group it leaves out.

    A warning, not an error: the file may be filled in as the year's results come in;
    ``groupctl assess`` for that year stops at the first one missing.
    """
    for year in scores.campus_years():
        for c in pilots.campuses():
            if c.in_group(year) and scores.campus(year, c.id) is None:
                problems.warning(
                    CAMPUS_SCORES,
                    None,
                    msg("data.score.missing_campus", year=year, campus=c.id, name=c.name),
                )
    for year in scores.group_years():
        for g in pilots.groups:
            if g.running_in(year) and scores.group(year, g.id) is None:
                problems.warning(
                    GROUP_SCORES,
                    None,
                    msg("data.score.missing_group", year=year, group=g.id, name=g.name),
                )


def _present(directory: Path, name: str, needed_by: str | None, problems: Problems) -> bool:
    """Whether the data directory has something called ``name``.  A folder or a broken
    link of that name is there (``read_rows`` says what is wrong with it), not absent."""
    if exists(directory / name):
        return True
    if needed_by is not None:
        problems.error(
            name,
            None,
            msg(
                "data.file.needed",
                command=needed_by,
                directory=clip_middle(str(directory), 80, 80),
            ),
        )
    return False


def read_scores(
    directory: Path, pilots: Pilots, problems: Problems, needed_by: str | None
) -> Scores | None:
    """The two score files; ``needed_by`` names the command that cannot run without them.

    With ``needed_by=None`` (``groupctl check``) a missing file is no problem.
    """
    campus_rows = group_rows = None
    if _present(directory, CAMPUS_SCORES, needed_by, problems):
        campus_rows = read_campus_scores(directory, pilots, problems)
    if _present(directory, GROUP_SCORES, needed_by, problems):
        group_rows = read_group_scores(directory, pilots, problems)
    scores = Scores(campus_rows or (), group_rows or ())
    _missing_score_warnings(pilots, scores, problems)
    if campus_rows is None or group_rows is None:
        return None
    return scores


# --------------------------------------------------------------------------- post_assessment.csv (六（四）4)

POST_ASSESSMENT_COLUMNS = {
    "year": ("年度", "学年"),
    "campus": ("校区",),
    "month": ("月份", "月"),
    "result": ("考核结果", "岗位考核结果", "结果"),
}
# The plan's words (the keys of allowance.monthly_result_factor) and the English codes.
POST_RESULT_WORDS: dict[str, PostResult] = {
    **{r: r for r in POST_RESULTS},
    **{zh: r for r, zh in POST_RESULT_NAMES.items()},
}
# The commands that pay by post_assessment.csv; no other reads it, so a half-filled one
# cannot stop `assess`.
POST_ASSESSMENT_READERS = frozenset({"allowance"})


def _month(row: CsvRow, problems: Problems) -> int | None:
    """A month of the allowance year: 1–12, also written ``３`` or ``3月``."""
    text = row.values["month"]
    s = normalize(text)
    month = parse_whole(s[:-1] if s.endswith("月") else s)
    if month is None or not 1 <= month <= MONTHS:
        problems.error(
            POST_ASSESSMENT,
            row.line,
            msg("data.month", column=row.column("month"), last=MONTHS, value=quoted(text)),
        )
        return None
    return month


def _post_result(row: CsvRow, problems: Problems) -> PostResult | None:
    text = row.values["result"]
    key = normalize(text).lower().replace(" ", "_").replace("-", "_")
    result = POST_RESULT_WORDS.get(key)
    if result is None:
        problems.error(
            POST_ASSESSMENT,
            row.line,
            msg(
                "data.post_result",
                column=row.column("result"),
                names=Join(tuple(POST_RESULT_NAMES.values())),
                codes=Join(POST_RESULTS),
                value=quoted(text),
            ),
        )
    return result


def read_post_assessment(
    directory: Path, pilots: Pilots, problems: Problems
) -> PostAssessment | None:
    """post_assessment.csv, or None when the directory has none (it is optional) or it is
    unreadable.  A (year, campus, month) may have one row only."""
    rows = _optional_rows(directory, POST_ASSESSMENT, POST_ASSESSMENT_COLUMNS, problems)
    if rows is None:
        return None
    check = _Rows(POST_ASSESSMENT, pilots, problems)
    out: list[PostResultRow] = []
    for row in rows:
        line = row.line
        year = check.year(row)
        campus = check.campus(row)
        month = _month(row, problems)
        result = _post_result(row, problems)
        if year is None or campus is None or month is None or result is None:
            continue
        key = (year, campus.id, month)
        what = msg("data.row.post_result", year=year, campus=campus.id, month=month)
        if not check.first(key, line, what):
            continue
        check.check_member(campus, year, line)
        out.append(PostResultRow(year, campus.id, month, result, line))
    return PostAssessment(tuple(out), POST_ASSESSMENT)


def load_scores(data: Dataset, needed_by: str) -> Scores:
    """The score files of a loaded data directory, and post_assessment.csv for the commands
    that pay by it (``POST_ASSESSMENT_READERS``); the first problem is raised."""
    problems = Problems()
    scores = read_scores(data.directory, data.pilots, problems, needed_by)
    post = None
    if needed_by in POST_ASSESSMENT_READERS:
        post = read_post_assessment(data.directory, data.pilots, problems)
    problems.raise_first()
    assert scores is not None
    return Scores(scores.campuses, scores.groups, post=post)


# --------------------------------------------------------------------------- staff.csv


def _optional_rows(
    directory: Path, name: str, columns: Mapping[str, Sequence[str]], problems: Problems
) -> Iterator[CsvRow] | None:
    """The rows of an optional CSV, or None when the directory has none or it cannot be
    read as a table; a folder or broken link of that name is there (read_rows names it)."""
    path = directory / name
    if not exists(path):
        return None
    return read_rows(path, name, columns, problems)


def read_staff(directory: Path, pilots: Pilots, problems: Problems) -> Staff | None:
    """staff.csv, or None when the directory has none (it is optional) or it is unreadable."""
    rows = _optional_rows(directory, STAFF, STAFF_COLUMNS, problems)
    if rows is None:
        return None
    check = _Rows(STAFF, pilots, problems)
    out: list[StaffRow] = []
    for row in rows:
        line = row.line
        year = check.year(row)
        campus = check.campus(row)
        teachers = whole(row, "teachers", STAFF, problems)
        members = whole(row, "party_members", STAFF, problems)
        if year is None or campus is None or teachers is None or members is None:
            continue
        if (year, campus.id) in check.seen:  # the message only for a duplicate
            check.first((year, campus.id), line, msg("data.row.staff", year=year, campus=campus.id))
            continue
        check.seen[(year, campus.id)] = line
        check.check_member(campus, year, line)
        out.append(StaffRow(year, campus.id, teachers, members, line))
    return Staff(tuple(out), STAFF)


def _staff_coverage_warnings(pilots: Pilots, staff: Staff, problems: Problems) -> None:
    """A year staff.csv covers must cover every campus in its group that year.

    ``groupctl staffing`` stops at such a gap; ``check`` names every one in advance.
    """
    for year in staff.years():
        for c in pilots.campuses():
            if c.in_group(year) and staff.get(year, c.id) is None:
                problems.warning(
                    STAFF, None, msg("data.staff.missing", year=year, campus=c.id, name=c.name)
                )


# --------------------------------------------------------------------------- the directory


def inspect_data(
    directory: Path, bundled: bool = False, with_scores: bool = False
) -> tuple[Dataset | None, Problems]:
    """Read a data directory, reporting every problem found.

    ``with_scores``: also check the optional score files and post_assessment.csv that are
    present (for ``groupctl check``; other commands read them only when they need them).
    """
    try:
        return _inspect_data(directory, bundled, with_scores)
    finally:
        _LOOKUP.clear()  # the names table is for the files read here: not held after


def _inspect_data(
    directory: Path, bundled: bool, with_scores: bool
) -> tuple[Dataset | None, Problems]:
    problems = Problems()
    pilots = read_pilots(directory, problems)
    if pilots is None or problems.errors:
        return None, problems
    enrollment = read_enrollment(directory, pilots, problems)
    if with_scores:
        read_scores(directory, pilots, problems, needed_by=None)
        read_post_assessment(directory, pilots, problems)
    if enrollment is None:
        return None, problems
    _kindergarten_head_warnings(pilots, enrollment, problems)
    staff = read_staff(directory, pilots, problems)
    if staff is not None:
        _staff_coverage_warnings(pilots, staff, problems)
    for name in pilots.illustrative:
        file, _, key = name.partition(":")  # a file, or one figure in it (pilots.yaml:KEY)
        if not (directory / file).is_file():
            continue  # a data folder without that file has no figures of it to warn about
        what = msg("data.illustrative.key", key=key) if key else msg("data.illustrative.file")
        problems.warning(file, None, what)
    names = (PILOTS, CAMPUSES, STAFF)
    files = tuple(directory / n for n in names if (directory / n).is_file())
    warnings = tuple(problems.warnings)
    dataset = Dataset(directory, pilots, enrollment, bundled, files, staff, warnings)
    return (None if problems.errors else dataset), problems


def load_data(directory: Path, bundled: bool = False) -> Dataset:
    """Read a data directory; the first error found is raised as a DataError."""
    dataset, problems = inspect_data(directory, bundled)
    problems.raise_first()
    assert dataset is not None
    return dataset
