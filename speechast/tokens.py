"""Tokens that carry more than lark's Token: the level the postlexer gives a marker."""

from __future__ import annotations

from lark import Token


class LeveledToken(Token):
    """A marker (or sub-head) token with the outline level the postlexer gave it."""

    __slots__ = ("level",)
    level: int


def retyped(token: Token, type_: str) -> Token:
    """The same text and position as another kind of token."""
    return Token(type_, token.value, token.start_pos, end_pos=token.end_pos)


def leveled(token: Token, level: int, type_: str | None = None) -> LeveledToken:
    """A copy of ``token`` (retyped to ``type_`` if given) at outline ``level``."""
    out = LeveledToken(type_ or token.type, token.value, token.start_pos, end_pos=token.end_pos)
    out.level = level
    return out


