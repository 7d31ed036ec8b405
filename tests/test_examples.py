"""Each example text beside its expected outline: the outline must match exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import speechast
from speechast.outline import render
from tests.conftest import EXAMPLES
from tests.helpers import check_tree

TEXTS = sorted(EXAMPLES.glob("*.txt"))


def test_there_are_examples() -> None:
    assert len(TEXTS) >= 4


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_example_outline(path: Path, schema: Any) -> None:
    text = path.read_text(encoding="utf-8")
    doc = speechast.parse(text)
    expected = path.with_suffix(".outline").read_text(encoding="utf-8")
    assert render(doc, text) == expected
    check_tree(doc, text, schema)


def test_closing_words_are_not_part_of_the_last_section() -> None:
    text = (EXAMPLES / "02_skipped_level.txt").read_text(encoding="utf-8")
    doc = speechast.parse(text)
    last = doc.children[-1]
    assert isinstance(last, speechast.Paragraph) and last.text.startswith("同志们，让我们")


def test_entries_sharing_a_line_show_their_column() -> None:
    from speechast.outline import render

    text = "标题\n一、总体要求。" + "内容。" * 400 + "二、工作措施。" + "内容。" * 400 + "\n"
    lines = render(speechast.parse(text), text).splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2:1", "2:1208"]
    assert text.splitlines()[1][1207:1209] == "二、"
