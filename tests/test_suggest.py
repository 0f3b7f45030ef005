"""One suggestion helper for every lookup, and lines wrapped by display cells."""

from __future__ import annotations

import pytest

from groupctl.catalogue import render
from groupctl.suggest import closest, did_you_mean, likeness
from groupctl.wrapping import cells, wrap, wrap_text

COMMANDS = ["groups", "check", "funding", "staffing", "approve", "procedure", "init"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("fundng", ["funding"]),
        ("FUNDING", ["funding"]),  # case does not matter
        ("aprove", ["approve"]),
        ("xyz", []),  # nothing alike: no suggestion rather than a wild guess
        ("", []),
        ("f" * 201, []),  # no name is that long
    ],
)
def test_closest_commands(typed, found):
    assert closest(typed, COMMANDS) == found


def test_ties_are_all_suggested_in_their_order_up_to_the_limit():
    assert closest("ab", ["ac", "ad", "ae", "af"], cutoff=0.5) == ["ac", "ad", "ae"]
    assert closest("ab", ["ac", "ad"], limit=1, cutoff=0.5) == ["ac"]


def test_a_fragment_with_one_wrong_character_finds_the_name_it_was_cut_from():
    names = ["中卫市第四中学教育集团镇罗校区", "中卫市第七小学教育集团双渠校区"]
    assert likeness("镇锣", names[0]) < 0.5
    assert likeness("镇锣", names[0], fragment=True) == 0.5
    assert closest("镇锣", names, cutoff=0.5, fragment=True) == [names[0]]


def test_candidates_answer_to_several_names():
    found = closest("budgte", [("budget", "预算"), ("naming", "命名")], lambda c: c)
    assert found == [("budget", "预算")]


def test_the_suggestion_is_worded_once():
    assert render(did_you_mean(["funding", "staffing"]), "zh") == "您是否要找：funding、staffing"
    assert render(did_you_mean(["funding"]), "en") == "did you mean funding?"


# --------------------------------------------------------------------------- wrapping

NOTE = "注：以上结果用到本局自定参数（local，内置值仅为示例）：finance.large_expense_threshold"


def test_cjk_counts_two_cells():
    assert cells("注：local") == 9
    assert cells(NOTE) == 86


def test_a_note_breaks_before_the_path_not_inside_it():
    assert wrap(NOTE, 60) == [
        "注：以上结果用到本局自定参数（local，内置值仅为示例）：",
        "  finance.large_expense_threshold",
    ]
    assert wrap(NOTE, 40) == [
        "注：以上结果用到本局自定参数（local，内",
        "  置值仅为示例）：",
        "  finance.large_expense_threshold",
    ]


def test_english_breaks_at_spaces():
    line = "note: these figures use parameters the plan leaves to the bureau: finance.x"
    assert wrap(line, 40) == [
        "note: these figures use parameters the",
        "  plan leaves to the bureau: finance.x",
    ]


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one():
    for width in range(12, 60):
        for line in wrap(NOTE, width):
            assert cells(line) <= width
            assert line.lstrip()[0] not in "，。）：、"
            assert line[-1] not in "（“"


def test_an_indented_line_keeps_its_indent_and_hangs_under_it():
    line = "  总园（牵头）：在校生 560 人，档位 500+，牵头校不计增补（funding.supplement_includes_lead）"
    assert wrap(line, 50) == [
        "  总园（牵头）：在校生 560 人，档位 500+，牵头校不",
        "    计增补（funding.supplement_includes_lead）",
    ]


def test_a_word_wider_than_the_line_is_cut_by_characters():
    assert wrap("x" * 25, 10) == ["x" * 10, "  " + "x" * 8, "  " + "x" * 7]


def test_a_line_that_fits_is_left_alone_and_blank_lines_are_kept():
    assert wrap("  a  b  ", 80) == ["  a  b  "]
    assert wrap_text("a\n\nb", 10) == "a\n\nb"


def test_a_campus_typo_in_a_csv_gets_the_closest_id(cli, tmp_path):
    import shutil
    from pathlib import Path

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data)
    csv = data / "campuses.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8").replace(
            "2023,qixiao-shuangqu,", "2023,qixiao-shuangqv,", 1
        ),
        encoding="utf-8",
    )
    zh = cli("funding", "2023", "--data", str(data))
    assert zh.exit_code == 2
    assert zh.stderr == (
        "错误：campuses.csv:3：不认识的校区“qixiao-shuangqv”（pilots.yaml 中没有）。"
        "您是否要找：qixiao-shuangqu\n"
    )
    en = cli("funding", "2023", "--data", str(data), "--lang", "en")
    assert en.stderr == (
        "error: campuses.csv:3: unknown campus 'qixiao-shuangqv' (not in pilots.yaml);"
        " did you mean qixiao-shuangqu?\n"
    )
