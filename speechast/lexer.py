"""Blocks → tokens: lark's custom lexer.

The marker shapes are the grammar's own terminals: the lexer compiles the
patterns lark hands it, so grammar/outline.lark stays the one place they
live. Token texts are slices of the input that tile it: whitespace belongs to
the token before it. Each block ends with a zero-width ``_EOB`` token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.lexer import Lexer, LexerState

from speechast import rules
from speechast import tokens as K
from speechast.blocks import Block, Piece, Scanner, blocks, scanner, skip_space

EOB = K.EOB  # bound here: the loop below makes one per block


def tokens(scan: Scanner, text: str) -> Iterator[Token]:
    """The blocks as tokens that tile ``text``, each block closed by ``_EOB``.

    A token runs to the start of the next (whitespace belongs to the token
    before it), so each is sent once the next piece is known.
    """
    pending: Piece | None = None
    start = 0
    closes = 0  # blocks that end after ``pending``
    for block in blocks(scan, text):
        for piece in _with_marker(scan, text, block):
            if pending is None and piece.start > 0:
                # whitespace before the first words: noise of its own, so every
                # text token starts at its first character
                yield K.make(K.BLANK, text[: piece.start], 0, piece.start)
                yield K.make(EOB, "", piece.start, piece.start)
                start = piece.start
            if pending is not None:
                yield K.make(pending.type, text[start : piece.start], start, piece.start)
                start = piece.start
            for _ in range(closes):
                yield K.make(EOB, "", start, start)
            closes = 0
            pending = piece
        closes += 1
    if pending is None:
        if text:
            yield K.make(K.BLANK, text, 0, len(text))
        return
    yield K.make(pending.type, text[start:], start, len(text))
    for _ in range(closes):
        yield K.make(EOB, "", len(text), len(text))


def _with_marker(scan: Scanner, text: str, block: Block) -> Block:
    """Split the block's opening marker, if any, into a piece of its own."""
    first = block[0]
    if first.type != K.TEXT:
        return block
    m = scan.markers.match(text, first.start, first.end)
    if m is None:
        return block
    # the space after a marker is the marker's, as all space is the token's before it
    end = skip_space(text, m.end(), first.end)
    rest = [Piece(K.TEXT, end, first.end)] if end < first.end else []
    return [Piece(str(m.lastgroup), first.start, end), *rest, *block[1:]]


class BlockLexer(Lexer):
    """Lark's custom-lexer hook: the block pipeline under the current parse's options."""

    # Lark's current custom-lexer calling convention: lex(lexer_state, parser_state).
    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        self.patterns = tuple((t.name, t.pattern.to_regexp()) for t in lexer_conf.terminals)

    def scanner(self, disabled: frozenset[str]) -> Scanner:
        return scanner(self.patterns, disabled)

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        source = lexer_state.text
        text = source if isinstance(source, str) else source.text
        return tokens(self.scanner(rules.current().disable), text)
