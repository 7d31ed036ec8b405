"""Line breaks, indentation, Markdown and one-line forms give the same outline."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import speechast
from speechast.nodes import Noise
from speechast.outline import outline_lines
from speechast.tree import walk
from tests.conftest import EXAMPLES
from tests.helpers import check_tree

# Examples whose lines carry the structure: not a compilation (its 第N篇 lines
# cannot run together) nor viewer chunks (their numbers open physical lines).
TEXTS = [
    p
    for p in sorted(EXAMPLES.glob("*.txt"))
    if "compilation" not in p.name and "chunks" not in p.name
]
_MARKER_LINE = re.compile(r"^(一、|二、|三、|四、|第[一二三]章|第[一二三]个问题)", re.M)


def shape(text: str) -> list[str]:
    """The outline without line numbers: indentation and labels only."""
    return [line.lstrip().split("  ", 1)[1] for line in outline_lines(speechast.parse(text), text)]


FORMS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "bare-cr": lambda t: t.replace("\n", "\r"),
    "indented": lambda t: re.sub(r"^(?=\S)", "\u3000\u3000", t, flags=re.M),
    "quoted": lambda t: _MARKER_LINE.sub(lambda m: ">\u3000\u3000" + m.group(1), t),
    "markdown": lambda t: _MARKER_LINE.sub(lambda m: "## " + m.group(1), t),
    "tab-after-marker": lambda t: re.sub(r"^(\d、|一、|二、|三、)", "\\1\t", t, flags=re.M),
    "one-line": lambda t: "\u3000\u3000".join(line for line in t.split("\n") if line.strip()),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_same_outline_in_every_physical_form(path: Path, form: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = FORMS[form](text)
    assert changed != text or form == "tab-after-marker"
    assert shape(changed) == shape(text)
    check_tree(speechast.parse(changed), changed)


def test_noise_kinds_of_example_05() -> None:
    text = (EXAMPLES / "05_noise_kinds.txt").read_text(encoding="utf-8")
    doc = speechast.parse(text)
    kinds = [n.kind for _, n in walk(doc) if isinstance(n, Noise)]
    assert kinds == [
        "ad",
        "nav",
        "page",
        "page",
        "news",
        "news",
        "news",
        "page",
        "link",
        "link",
        "signature",
        "signature",
    ]
    paragraphs = [n.text for _, n in walk(doc) if isinstance(n, speechast.Paragraph)]
    assert "各类事故起数同比下降了百分之十二。" in paragraphs[2]
    assert paragraphs[3] == "各级各部门要把责任落实到岗位、落实到人。"


def test_viewer_chunk_numbers_are_cut_and_split_words_rejoined() -> None:
    text = (EXAMPLES / "08_viewer_chunks.txt").read_text(encoding="utf-8")
    doc = speechast.parse(text)
    chunks = [n for _, n in walk(doc) if isinstance(n, Noise) and n.kind == "chunk"]
    assert [c.text for c in chunks] == ["1、", "2、", "3、"]
    paragraphs = [n.text for _, n in walk(doc) if isinstance(n, speechast.Paragraph)]
    assert "各供热单位要在十月底前完成管网和锅炉的检修工作。" in paragraphs
    assert "要建立二十四小时值班制度，发现问题及时处置。" in paragraphs
    assert doc.title == "关于做好冬季供暖工作的通知"


def test_headings_numbered_on_consecutive_lines_are_not_chunks() -> None:
    text = "工作要点\n1、抓学习。\n2、抓落实。\n3、抓作风。\n"
    doc = speechast.parse(text)
    assert [line.split("  ", 1)[1] for line in outline_lines(doc, text)] == [
        "# 工作要点",
        "1、抓学习",
        "2、抓落实",
        "3、抓作风",
    ]
