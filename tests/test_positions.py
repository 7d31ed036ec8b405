"""Positions never lie: metadata spans cover exactly their text, and the Unicode
line separators are line breaks everywhere."""

from __future__ import annotations

import pytest

import speechast
from speechast.outline import render
from speechast.registry import LINE_BREAKS
from tests.helpers import check_meta_spans, check_tree


@pytest.mark.parametrize(
    "sep", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
)
def test_a_line_separator_opens_a_line(sep: str) -> None:
    text = f"{sep}们"
    doc = speechast.parse(text)
    assert doc.meta.title is not None
    start, end = doc.meta.title.span
    assert text[start:end] == doc.meta.title.text == "们"
    text = f"一、总体要求{sep}内容一。{sep}二、工作措施{sep}内容二。"
    lines = render(speechast.parse(text), text).splitlines()
    assert [line.split()[1] for line in lines] == ["一、总体要求", "二、工作措施"]
    check_tree(speechast.parse(text), text)


def test_no_outline_line_holds_a_line_separator() -> None:
    text = "建设\u2028同志们\u2029一、总体\x85要求\n"
    out = render(speechast.parse(text), text)
    assert not any(ch in LINE_BREAKS.replace("\n", "") for ch in out)
    assert all(line.strip() for line in out.splitlines())


@pytest.mark.parametrize(
    ("text", "raw", "clean"),
    [
        ("建设第3页 共10页新局面", "建设第3页 共10页新局面", "建设新局面"),
        ("（\u3000<", "（\u3000<", "（ <"),
    ],
)
def test_a_cleaned_title_keeps_its_raw_span(text: str, raw: str, clean: str) -> None:
    doc = speechast.parse(text)
    title = doc.meta.title
    assert title is not None
    assert title.text == raw and title.clean == clean and title.value == clean
    assert doc.title == clean
    check_meta_spans(doc, text)


def test_joined_fields_cover_their_source() -> None:
    text = (
        "在全县工作会议上的讲话\n县委书记 王某某\n（2024年1月12日）\n同志们：\n今年工作很多。\n"
        "一、总体\n内容。\n同志们，让我们共同努力！\n"
    )
    doc = speechast.parse(text)
    assert doc.meta.speaker is not None and doc.meta.closing is not None
    check_meta_spans(doc, text)
