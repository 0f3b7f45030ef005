"""What the parser would call an unknown option is often a misplaced one or a negative number."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ("approve", "-5", "-c", "镇罗"),
            "错误：“-5”是负数：金额、学年和人数都不能为负",
            "error: '-5' is negative: amounts, years and counts cannot be",
        ),
        (
            ("-f", "json", "funding", "2023"),
            "错误：-f 须写在命令之后，例如 groupctl funding 2023 -f …（只有 --lang 和 --data"
            " 也可写在命令之前）",
            "error: -f goes after the command, as in groupctl funding 2023 -f … (only --lang"
            " and --data may also come before it)",
        ),
    ],
)
def test_a_misplaced_option_or_a_negative_number_is_named_as_such(cli, args, zh, en):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(zh), result.stderr
    result = cli("--lang", "en", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(en), result.stderr


def test_an_option_no_command_takes_is_still_unknown(cli):
    result = cli("--frobnicate", "funding", "2023")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：没有选项 --frobnicate"), result.stderr
