"""Inputs that once cost more than linear time or memory: what they parse to.

Their cost is measured by benchmarks/run.py (rows "pathological input"), never
timed here.
"""

from __future__ import annotations

import speechast
from benchmarks.corpus import PATHOLOGICAL
from speechast.nodes import Item, Noise, Paragraph, Section, Title
from speechast.tree import walk
from tests.helpers import check_tree


def _parse(name: str, size: int) -> tuple[str, speechast.Document]:
    text = PATHOLOGICAL[name](size)
    doc = speechast.parse(text)
    check_tree(doc, text)
    return text, doc


def _count(doc: speechast.Document, kind: type) -> int:
    return sum(isinstance(node, kind) for _, node in walk(doc))


def test_an_inline_enumeration_cut_by_page_numbers_keeps_every_member() -> None:
    text, doc = _parse("inline enumeration cut by page numbers", 3000)
    members = text.count("是抓好")
    assert _count(doc, Item) == members
    assert all(isinstance(n, Item) and n.inline for _, n in walk(doc) if isinstance(n, Item))
    assert _count(doc, Noise) == members  # every page number, and nothing else


def test_blank_lines_leave_the_title_alone() -> None:
    _, doc = _parse("blank lines", 100_000)
    assert doc.title == "讲话" and doc.meta.title is not None
    assert [type(c) for c in doc.children] == [Title]


def test_a_marker_alone_on_every_line_is_a_section_each_with_a_repeat_finding() -> None:
    text, doc = _parse("（一） alone on every line", 4000)
    lines = text.count("\n")
    assert _count(doc, Section) == lines
    assert [d.code for d in doc.diagnostics] == ["SA02"] * (lines - 1)


def test_ascii_prose_on_one_line_is_a_paragraph_not_a_title() -> None:
    _, doc = _parse("ASCII prose on one line", 100_000)
    assert [type(c) for c in doc.children] == [Paragraph]
    assert doc.title is None and doc.meta.title is None
