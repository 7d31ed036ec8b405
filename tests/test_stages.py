"""The lexer's stages, each on its own."""

from __future__ import annotations

import pytest

from speechast import blocks as B
from speechast import tokens as K
from speechast.blocks import LineParts, Piece
from speechast.parser import parser


def _scan() -> B.Scanner:
    return B.scanner(
        tuple((t.name, t.pattern.to_regexp()) for t in parser().terminals), frozenset()
    )


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\nb\n", [(0, 1, 2), (2, 3, 4)]),
        ("a\r\nb", [(0, 1, 3), (3, 4, 4)]),
        ("a\rb\r", [(0, 1, 2), (2, 3, 4)]),
        ("a\n\nb", [(0, 1, 2), (2, 2, 3), (3, 4, 4)]),
        ("", []),
    ],
)
def test_physical_lines(text: str, lines: list[tuple[int, int, int]]) -> None:
    assert [line[:3] for line in B.physical_lines(text)] == lines


def _chunked(text: str) -> list[bool]:
    lines = B.chunk_numbers(_scan(), text, B.physical_lines(text))
    return [line[3] >= 0 for line in lines]


def test_chunk_numbers_need_a_run_that_stops_mid_sentence() -> None:
    assert _chunked("1、今年全市各项工\n2、作取得新进\n\n3、展，经济平稳。\n") == [
        True,
        True,
        False,
        True,
    ]
    # headings numbered 1、2、3、 that end their sentences are not chunks
    assert _chunked("1、加强领导。\n2、改进作风。\n3、狠抓落实。\n") == [False] * 3
    # two lines are not a run
    assert _chunked("1、今年全市各项工\n2、作取得新进展。\n") == [False, False]


def test_join_lines_continues_a_paragraph_across_a_chunk_line() -> None:
    text = "今年全市各项工作取得\n"
    first: LineParts = ([], [[Piece(K.TEXT, 0, 10)]], False, False)
    second: LineParts = ([Piece(K.CHUNK, 11, 13)], [[Piece(K.TEXT, 13, 15)]], True, False)
    out = list(B.join_lines(text + "2、新进", iter([first, second])))
    assert out == [[Piece(K.TEXT, 0, 10), Piece(K.CHUNK, 11, 13), Piece(K.TEXT, 13, 15)]]
    # a blank line between them ends the paragraph
    out = list(B.join_lines(text + "2、新进", iter([first, None, second])))
    assert len(out) == 3


def test_closing_signature_signs_the_last_two_text_blocks() -> None:
    text = "内容。\n某某局\n2024年3月15日\n"
    found = [[Piece(K.TEXT, 0, 3)], [Piece(K.TEXT, 4, 7)], [Piece(K.TEXT, 8, 18)]]
    out = list(B.closing_signature(_scan(), text, iter(found)))
    assert [b[0].type for b in out] == [K.TEXT, K.SIGNATURE, K.SIGNATURE]


def test_ad_region_takes_short_lines_between_ads() -> None:
    text = "仅供学习\n分类\n禁止外传\n正文。\n"
    found = [
        [Piece(K.AD, 0, 4)],
        [Piece(K.TEXT, 5, 7)],
        [Piece(K.AD, 8, 12)],
        [Piece(K.TEXT, 13, 16)],
    ]
    out = list(B.ad_region(_scan(), text, iter(found)))
    assert [b[0].type for b in out] == [K.AD, K.AD, K.AD, K.TEXT]


def test_run_on_split_cuts_before_markers_after_a_sentence_end() -> None:
    body = "各级各部门要认真贯彻落实会议精神。" * 40
    text = f"一、总体要求。{body}二、工作措施。{body}"
    out = list(B.run_on_split(_scan(), text, iter([[Piece(K.TEXT, 0, len(text))]])))
    assert [text[b[0].start : b[0].start + 2] for b in out] == ["一、", "二、"]
    short = [[Piece(K.TEXT, 0, 20)]]
    assert list(B.run_on_split(_scan(), text, iter(short))) == short


def test_stages_stream() -> None:
    # The first block comes out before the text's end is read: nothing holds
    # every block back.
    text = "正文第一段。\n" * 10 + "一、总体要求\n" * 100_000
    stream = B.blocks(_scan(), text)
    assert next(stream) == [Piece(K.TEXT, 0, 6)]
