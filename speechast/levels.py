"""The postlexer: decides which markers are headings and brackets them in levels.

It reads the lexer's blocks the way a reader does. A marker family's level is
set where the family first appears (a document that goes 一、 → 1. nests 1.
directly under 一、); a marker counts only when its number continues the
sequence in force (after 二、 comes 三、), and an enumeration only when a
second member follows its first. Kept headings and items are bracketed with
``_CLOSE``, as lark's Indenter does with indentation; the marker token itself
opens the level and carries it. A rejected marker goes back into the running
text.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from itertools import islice

import attrs
from lark import Token

from speechast import diagnostics, furniture, inline, markers, titles
from speechast.lexer import EOB, TEXT, ends_sentence
from speechast.tokens import LeveledToken, leveled, retyped

CLOSE = "_CLOSE"
RICH = "_RICH"
RICH_TITLE = "_RICH_TITLE"
SUBHEAD = "SUBHEAD"
ARTICLE = "ARTICLE"
NOISE_PREFIX = "NOISE_"

# How far ahead an enumeration's first member looks for its second.
_LOOKAHEAD_BLOCKS = 60
# Numbers a sequence may skip and still be read as continuing (一、 二、 四、).
_MAX_GAP = 2


_NOTHING = re.compile(r"(?!)")


@attrs.define
class Families:
    """The marker families of the grammar: which open headings, which items."""

    headings: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    # The marker shapes, compiled for scans through running text.
    inline_scan: inline.Scan = attrs.field(factory=lambda: inline.Scan(_NOTHING, _NOTHING))


@attrs.define
class _Open:
    group: str
    ordinal: int
    is_item: bool
    style: str | None = None  # bracket widths of the sequence's first marker


def _is_noise(token: Token) -> bool:
    return token.type.startswith(NOISE_PREFIX)


@attrs.frozen
class _Block:
    tokens: list[Token]

    @property
    def family(self) -> str | None:
        first = self.tokens[0]
        return None if first.type == TEXT or _is_noise(first) else first.type

    @property
    def is_noise(self) -> bool:
        return all(_is_noise(t) for t in self.tokens)


class LevelPostLexer:
    """Lark postlexer: blocks of tokens in, a bracketed outline token stream out."""

    always_accept: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.families = Families()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return _Leveller(self.families, _group(stream)).run()


def _group(stream: Iterator[Token]) -> Iterator[_Block]:
    tokens: list[Token] = []
    for token in stream:
        if token.type != EOB:
            tokens.append(token)
        elif tokens:
            yield _Block(tokens)
            tokens = []
    if tokens:
        yield _Block(tokens)


def _zero(type_: str, at: Token, value: str = "") -> Token:
    """A structural token that borrows its position from the token at ``at``."""
    return Token(type_, value, at.start_pos, end_pos=at.start_pos)


class _Leveller:
    def __init__(self, families: Families, blocks: Iterator[_Block]) -> None:
        self.headings = families.headings
        self.items = families.items
        self.inline_scan = families.inline_scan
        self.stream = blocks
        # The blocks after the current one, as far as a lookahead reaches.
        self.ahead: deque[_Block] = deque(islice(blocks, _LOOKAHEAD_BLOCKS))
        self.stack: list[_Open] = []
        # The last number each sequence reached, open or closed: laws number
        # 第三条 on from 第二条 across a new 第二章.
        self.reached: dict[str, int] = {}
        self.seen_heading = False
        self.want_title = True
        # Where each heading sequence first stood, and the findings so far.
        self.first_level: dict[str, int] = {}
        self.findings: list[Token] = []
        # Whether the block just emitted was running text: a sub-head stands
        # between two paragraphs.
        self.after_paragraph = False

    def _next_block(self) -> _Block | None:
        if not self.ahead:
            return None
        block = self.ahead.popleft()
        self.ahead.extend(islice(self.stream, 1))
        return block

    def run(self) -> Iterator[Token]:
        while (block := self._next_block()) is not None:
            after_paragraph, self.after_paragraph = self.after_paragraph, False
            family = block.family
            if block.is_noise:
                self.after_paragraph = after_paragraph
                yield from block.tokens
            elif family == ARTICLE:
                yield from self._close_to(0)
                self.reached.clear()
                yield from self._article(block)
            elif family is not None and (placed := self._placement(block)):
                depth, entry = placed
                yield from self._close_to(depth)
                yield from self._open(block, entry)
            elif self.want_title and not self.seen_heading and (
                title := furniture.title_split(block.tokens)
            ):
                self.want_title = False
                head, rest = title
                yield from head
                if rest:
                    yield from self._paragraph(rest)
            elif family is None and after_paragraph and self._is_subhead(block):
                yield from self._subhead(block)
            else:
                if family is None and self.seen_heading and furniture.is_closing(block.tokens):
                    yield from self._close_to(0)
                yield from self._paragraph(block.tokens)
                # a sub-head stands after running text, not after a title or meta line
                last = block.tokens[-1]
                self.after_paragraph = last.type == TEXT and ends_sentence(
                    last.value, len(last.value)
                )
        yield from self._close_to(0)
        yield from self.findings

    # ------------------------------------------------------------ decisions
    def _placement(self, block: _Block) -> tuple[int, _Open] | None:
        """Where a kept marker opens (stack depth and entry), or None when it is text."""
        marker = block.tokens[0]
        family = marker.type
        is_item = family in self.items
        if not is_item and family not in self.headings:
            return None
        group = markers.sequence_group(family)
        value = marker.value.strip()
        ordinal = markers.ordinal_of(family, value)
        style = diagnostics.bracket_style(value)
        for depth in range(len(self.stack) - 1, -1, -1):
            entry = self.stack[depth]
            if entry.group != group:
                continue
            if ordinal is None or entry.ordinal < ordinal <= entry.ordinal + 1 + _MAX_GAP:
                number = entry.ordinal + 1 if ordinal is None else ordinal
                if number > entry.ordinal + 1:
                    self._report(diagnostics.GAP, f"{value} follows number {entry.ordinal}: "
                                 f"{number - entry.ordinal - 1} skipped", marker)
            elif not is_item and ordinal == entry.ordinal:
                number = ordinal
                self._report(diagnostics.REPEAT, f"{value} repeats the number before it", marker)
            elif ordinal == 1 and (not is_item or self._second_follows(group, 1)):
                number = 1  # starts again under the same parent
                if not is_item:
                    self._report(diagnostics.RESTART,
                                 f"{value} starts its sequence again without a new parent", marker)
            else:
                return None
            if style is not None and style != entry.style:
                self._report(diagnostics.BRACKETS,
                             f"{value} mixes bracket widths with the {entry.style}-width "
                             "markers of its level", marker)
            return depth, _Open(group, number, is_item, entry.style)
        continued = not is_item and ordinal == self.reached.get(group, -1) + 1
        if (ordinal not in (1, None) and not continued) or value.startswith(markers.LAST):
            return None
        if is_item and not self._second_follows(group, ordinal):
            if family in markers.NUMBERED_ITEMS and not self._inline_run(block):
                self._report(diagnostics.LONE_ITEM,
                             f"{value} opens an enumeration that has no second item", marker)
            return None
        if style == "mixed":
            self._report(diagnostics.BRACKETS, f"{value} mixes bracket widths", marker)
        depth = len(self.stack)
        while depth and self.stack[depth - 1].is_item and (
            not is_item or self.stack[depth - 1].group in markers.LIST_GROUPS
        ):
            depth -= 1  # headings never nest under items, nor anything under a bullet
        if not is_item and not continued:
            # a sequence numbered on across parents (第三条 under a new 第二章) may move
            first = self.first_level.setdefault(group, depth + 1)
            if first != depth + 1:
                self._report(diagnostics.LEVEL, f"{value} stands at level {depth + 1}; "
                             f"its family first stood at level {first}", marker)
        return depth, _Open(group, ordinal or 0, is_item, style)

    def _inline_run(self, block: _Block) -> bool:
        """Whether the block's own text holds the enumeration (一要…，二要…)."""
        text = "".join(t.value for t in block.tokens if not _is_noise(t))
        return bool(inline.enumerations(text, self.inline_scan))

    def _report(self, code: str, message: str, at: Token) -> None:
        self.findings.append(diagnostics.token(code, message, at))

    def _second_follows(self, group: str, ordinal: int | None) -> bool:
        """Whether the next member of ``group`` follows before its parent closes."""
        want = None if ordinal is None else ordinal + 1
        open_groups = {entry.group for entry in self.stack}
        for block in self.ahead:
            family = block.family
            if family is None:
                continue
            if family == ARTICLE:
                return False
            value = block.tokens[0].value.strip()
            if markers.sequence_group(family) == group:
                return markers.ordinal_of(family, value) == want
            if family in self.headings and markers.sequence_group(family) in open_groups:
                return False
        return False

    def _is_subhead(self, block: _Block) -> bool:
        """A short line standing alone between paragraphs, with no closing punctuation."""
        if len(block.tokens) != 1:
            return False
        if not titles.looks_like_subhead(block.tokens[0].value):
            return False
        following = self.ahead[0] if self.ahead else None
        return following is not None and following.family is None and not following.is_noise

    # ------------------------------------------------------------ emitters
    def _close_to(self, depth: int) -> Iterator[Token]:
        while len(self.stack) > depth:
            self.stack.pop()
            yield Token(CLOSE, "")

    def _open(self, block: _Block, entry: _Open) -> Iterator[Token]:
        self.stack.append(entry)
        self.reached[entry.group] = entry.ordinal
        self.seen_heading = True
        self.want_title = False
        marker = block.tokens[0]
        assert isinstance(marker, LeveledToken)
        marker.level = len(self.stack)
        yield marker
        is_item = marker.type in self.items
        head, body, guessed = titles.split_title(block.tokens[1:], is_item=is_item)
        if guessed:
            self._report(diagnostics.RUN_ON, f"the title of {marker.value.strip()} runs past "
                         f"{titles.TITLE_MAX} characters without a sentence end", marker)
        if any(_is_noise(t) for t in head):
            yield _zero(RICH_TITLE, marker)
            yield from head
            yield _zero(EOB, marker)
        elif head:
            yield _join(head, titles.TITLE_TEXT)
        if body:
            yield from self._paragraph(body)

    def _article(self, block: _Block) -> Iterator[Token]:
        self.seen_heading = False
        self.want_title = False
        yield block.tokens[0]
        for token in block.tokens[1:]:
            yield retyped(token, titles.TITLE_TEXT) if token.type == TEXT else token
        yield _zero(EOB, block.tokens[0])

    def _subhead(self, block: _Block) -> Iterator[Token]:
        depth = len(self.stack)
        while depth and (self.stack[depth - 1].group == SUBHEAD or self.stack[depth - 1].is_item):
            depth -= 1
        yield from self._close_to(depth)
        self.stack.append(_Open(SUBHEAD, 0, False))
        yield leveled(block.tokens[0], len(self.stack), SUBHEAD)

    def _paragraph(self, tokens: list[Token]) -> Iterator[Token]:
        merged = _unmark(tokens)
        lead = 0
        while lead < len(merged) and _is_noise(merged[lead]):
            lead += 1
        yield from merged[:lead]  # noise before the first words stands on its own
        rest = merged[lead:]
        if not rest:
            return
        marked = inline.mark_inline_items(rest, self.inline_scan, len(self.stack) + 1)
        if marked is None and len(rest) == 1:
            yield rest[0]  # a plain paragraph is one token
            return
        yield _zero(RICH, rest[0])
        yield from rest if marked is None else marked
        yield _zero(EOB, rest[-1])


def _join(tokens: list[Token], type_: str) -> Token:
    """Adjacent text tokens as one."""
    if len(tokens) == 1:
        return retyped(tokens[0], type_)
    value = "".join(t.value for t in tokens)
    return Token(type_, value, tokens[0].start_pos, end_pos=tokens[-1].end_pos)


def _unmark(tokens: list[Token]) -> list[Token]:
    """A marker that is not a heading is text again: fold it into the text it opens."""
    first = tokens[0]
    if first.type == TEXT or _is_noise(first):
        return tokens
    if len(tokens) > 1 and tokens[1].type == TEXT:
        second = tokens[1]
        merged = Token(TEXT, first.value + second.value, first.start_pos, end_pos=second.end_pos)
        return [merged, *tokens[2:]]
    return [retyped(first, TEXT), *tokens[1:]]
