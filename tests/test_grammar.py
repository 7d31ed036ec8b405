"""The grammar states the outline's invariants: strict LALR refuses a stream that breaks them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from lark import Lark, Token
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer, LexerState

from speechast.parser import grammar_text

_STREAM: list[Token] = []


class _ListLexer(Lexer):
    """Hands the parser a prepared token stream."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        return iter(_STREAM)


_LARK = Lark(grammar_text(), parser="lalr", lexer=_ListLexer, strict=True)


def _parse(kinds: str) -> None:
    _STREAM[:] = [Token(kind, "x" if not kind.startswith("_") else "") for kind in kinds.split()]
    _LARK.parse("")


SOUND = [
    "NOISE_AD DOC_TITLE TEXT CN_DUN TITLE_TEXT TEXT ENUM_SHI TITLE_TEXT _CLOSE _CLOSE",
    "TEXT DOC_TITLE CN_DUN CN_PAREN _CLOSE _CLOSE TEXT",
    "ARTICLE TITLE_TEXT _EOB CN_DUN _CLOSE ARTICLE _EOB TEXT DIAGNOSTIC",
    "_RICH TEXT _IOPEN ENUM_YAO TITLE_TEXT _ICLOSE _EOB",
    "SUBHEAD TEXT _CLOSE",
]
BROKEN = {
    "a section inside an item": "ENUM_SHI TITLE_TEXT CN_DUN _CLOSE _CLOSE",
    "a sub-head inside an item": "ENUM_SHI SUBHEAD _CLOSE _CLOSE",
    "a title after the first heading": "CN_DUN _CLOSE DOC_TITLE",
    "two titles": "DOC_TITLE TEXT DOC_TITLE",
    "an article inside an open section": "ARTICLE _EOB CN_DUN ARTICLE _EOB _CLOSE",
    "an inline item outside a paragraph": "_IOPEN ENUM_YAO _ICLOSE",
    "a finding before the outline ends": "DIAGNOSTIC TEXT",
}


@pytest.mark.parametrize("kinds", SOUND)
def test_sound_streams_parse(kinds: str) -> None:
    _parse(kinds)


@pytest.mark.parametrize("kinds", BROKEN.values(), ids=list(BROKEN))
def test_broken_streams_are_refused(kinds: str) -> None:
    with pytest.raises(UnexpectedToken):
        _parse(kinds)


def test_token_kinds_are_the_grammars_terminals() -> None:
    from speechast import tokens as K

    text = grammar_text()
    declared = {
        name for line in re.findall(r"^%declare (.*)$", text, re.M) for name in line.split()
    }
    kinds = {K.TEXT, K.TITLE_TEXT, K.DOC_TITLE, K.SUBHEAD, K.EOB, K.RICH, K.RICH_TITLE, K.CLOSE}
    kinds |= {K.IOPEN, K.ICLOSE, K.DIAGNOSTIC, *K.NOISE_KINDS}
    assert kinds <= declared
    assert re.search(rf"^{K.ARTICLE}:", text, re.M)
