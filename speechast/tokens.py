"""Token kinds: the grammar's terminal names, and tokens that carry values.

Every name the lexer, the postlexer and the builder give a token is defined
here once; a test checks them against the terminals of grammar/outline.lark.
"""

from __future__ import annotations

from typing import TypeVar, overload

from lark import Token

from speechast.nodes import Diagnostic

# Running text, and the text of a heading's title or an item's lead.
TEXT = "TEXT"
TITLE_TEXT = "TITLE_TEXT"
# The document's title line, an unnumbered sub-head, a compilation's 第N篇 marker.
DOC_TITLE = "DOC_TITLE"
SUBHEAD = "SUBHEAD"
# An item marker (第一，) standing as a heading: it holds headings (（一）…).
ITEM_AS_HEADING = "ITEM_AS_HEADING"
# The title of a document that a notice transmits: it opens a document.
TRANSMITTED_TITLE = "TRANSMITTED_TITLE"
ARTICLE = "ARTICLE"
# Zero-width structure: end of a block, a block that noise interrupts (a
# paragraph, a title), the end of a kept heading or item, an inline item.
EOB = "_EOB"
RICH = "_RICH"
RICH_TITLE = "_RICH_TITLE"
CLOSE = "_CLOSE"
IOPEN = "_IOPEN"
ICLOSE = "_ICLOSE"
DIAGNOSTIC = "DIAGNOSTIC"

# Noise kinds are terminals NOISE_<KIND>; the node's kind is <kind> in lower case.
NOISE_PREFIX = "NOISE_"
AD = "NOISE_AD"
NAV = "NOISE_NAV"
LINK = "NOISE_LINK"
PAGE = "NOISE_PAGE"
CHUNK = "NOISE_CHUNK"
NEWS = "NOISE_NEWS"
SIGNATURE = "NOISE_SIGNATURE"
QUOTE = "NOISE_QUOTE"
MARKUP = "NOISE_MARKUP"
BLANK = "NOISE_BLANK"
NOISE_KINDS = (AD, NAV, LINK, PAGE, CHUNK, NEWS, SIGNATURE, QUOTE, MARKUP, BLANK)


def is_noise(type_: str) -> bool:
    return type_.startswith(NOISE_PREFIX)


def noise_kind(type_: str) -> str:
    """``NOISE_PAGE`` → ``page``, the kind a Noise node carries."""
    return type_.removeprefix(NOISE_PREFIX).lower()


class LeveledToken(Token):
    """A marker (or sub-head) token with the outline level the postlexer gave it,
    and its marker family (an item marker may stand as a heading)."""

    __slots__ = ("family", "level")
    level: int
    family: str


class FindingToken(Token):
    """A finding about the numbering, carried to the builder as a value."""

    __slots__ = ("finding",)
    finding: Diagnostic


T = TypeVar("T", bound=Token)
_new_str = str.__new__


@overload
def make(type_: str, value: str, start: int | None, end: int | None) -> Token: ...
@overload
def make(type_: str, value: str, start: int | None, end: int | None, cls: type[T]) -> T: ...
def make(
    type_: str, value: str, start: int | None, end: int | None, cls: type[Token] = Token
) -> Token:
    """A token as lark's own constructor makes it, in a quarter of the time: that
    one goes through a check of its keywords, and a parse makes several tokens
    per block (a tenth of a parse's time went to it)."""
    out = _new_str(cls, value)
    out.type = type_
    out.value = value
    out.start_pos = start
    out.end_pos = end
    out.line = out.column = out.end_line = out.end_column = None
    return out


def start_of(token: Token) -> int:
    """A token's start offset (lark types it optional; ours always have one)."""
    return int(token.start_pos or 0)


def end_of(token: Token) -> int:
    return int(token.end_pos or 0)


def retyped(token: Token, type_: str) -> Token:
    """The same text and position as another kind of token."""
    return make(type_, token.value, token.start_pos, token.end_pos)


def leveled(token: Token, level: int, type_: str | None = None) -> LeveledToken:
    """A copy of ``token`` (retyped to ``type_`` if given) at outline ``level``."""
    out = make(type_ or token.type, token.value, token.start_pos, token.end_pos, LeveledToken)
    out.level = level
    out.family = token.type
    return out


def finding(diagnostic: Diagnostic) -> FindingToken:
    start, end = diagnostic.span
    out = make(DIAGNOSTIC, diagnostic.code, start, end, FindingToken)
    out.finding = diagnostic
    return out


def zero(type_: str, at: int) -> Token:
    """A zero-width structural token at offset ``at``."""
    return make(type_, "", at, at)
