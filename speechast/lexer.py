"""Text → coarse tokens: noise, marker and text runs, grouped into blocks.

A *block* is what a reader takes for one paragraph: usually a physical line,
but a document-viewer chunk line continues the paragraph it splits, and a long
run-on line holds many blocks, split where a marker follows a sentence end or
a paragraph-separating space. Blocks end with a zero-width ``_EOB`` token.

The marker shapes are the grammar's own terminals: the lexer compiles the
patterns Lark hands it, so grammar/outline.lark stays the one place they live.
Token texts are slices of the input that tile it: whitespace belongs to the
token before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from lark import Token
from lark.lexer import Lexer, LexerState

from speechast import noise
from speechast.tokens import LeveledToken

TEXT = "TEXT"
EOB = "_EOB"

# A block longer than this with no line break or separating space is run-on
# text: markers after a sentence end open blocks of their own inside it.
# Real paragraphs of speeches stay well below it.
RUN_ON_CHARS = 1000

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_SPACE = " \t\u3000\u00a0"
_CHUNK_NUMBER = re.compile(rf"[{_SPACE}]*(\d{{1,4}})、")
# After one of these a separating space or a marker may open a new block.
BREAK_AFTER = frozenset(noise.SENTENCE_END + "：:")
_CLOSERS = frozenset("”’」』）)】")
# Python's re tries every alternative at every position; a lookahead on the
# characters the alternatives can start with skips the rest six times faster.
_INLINE = re.compile(
    f"(?=[{noise.INLINE_FIRST}{_SPACE}])"
    f"(?:(?P<noise_page>{noise.INLINE_PAGE.pattern})"
    f"|(?P<noise_news>{noise.INLINE_NEWS.pattern})"
    f"|(?P<space>[{_SPACE}]+))"
)
_INLINE_KIND = {"noise_page": noise.PAGE, "noise_news": noise.NEWS}


# Characters an outline marker can start with (see grammar/outline.lark).
MARKER_FIRST = "一二三四五六七八九十（(0-9０-９⑴-⒇①-⑳第首其再最另—"


class Piece(NamedTuple):
    type: str
    start: int
    end: int


Block = list[Piece]


def ends_sentence(text: str, pos: int, floor: int = 0) -> bool:
    """Whether the last non-space character before ``pos`` closes a sentence.

    A closing quote or bracket counts when it follows a sentence end.
    """
    i = pos - 1
    while i >= floor and (text[i] in _SPACE or text[i] in "\r\n"):
        i -= 1
    if i < floor:
        return True
    if text[i] in _CLOSERS and i > floor:
        return text[i - 1] in BREAK_AFTER or text[i] in "）)"
    return text[i] in BREAK_AFTER


class Scanner:
    """Splits a text into blocks of pieces; one per grammar, reused across texts."""

    def __init__(self, marker_patterns: Iterable[tuple[str, str]]) -> None:
        patterns = list(marker_patterns)
        self.marker_names = frozenset(name for name, _ in patterns)
        self.markers = re.compile(
            "|".join(f"(?P<{name}>{pattern})" for name, pattern in patterns)
        )
        # For scans through running text (see _INLINE): only where a marker may start.
        self.marker_search = re.compile(f"(?=[{MARKER_FIRST}])(?:{self.markers.pattern})")

    # -------------------------------------------------------------- blocks
    def blocks(self, text: str) -> Iterator[Block]:
        """The text's blocks, in order, as they are found.

        A block is final once the next one starts (a chunk line may extend it),
        and the head and tail passes need the first and last few: those are held
        back, the rest released, so memory stays flat on long texts.
        """
        lines = _physical_lines(text)
        chunks = self._chunk_lines(text, lines)
        blocks: list[Block] = []  # found and not yet released
        head_done = False
        current: Block | None = None
        resume = 0
        for index, (start, end) in enumerate(lines):
            content_end = end
            while content_end > start and text[content_end - 1] in "\r\n":
                content_end -= 1
            pos = max(start, resume)
            pos = _skip_space(text, pos, content_end)
            if pos >= content_end:
                current = None  # a blank line ends a paragraph
                continue
            lead: Block = []
            continues = False
            if index in chunks:
                lead.append(Piece(noise.CHUNK, pos, chunks[index]))
                continues = current is not None and not ends_sentence(
                    text, current[-1].end
                ) and _last_is_text(current)
                pos = _skip_space(text, chunks[index], content_end)
            while pos < content_end and (found := noise.leading_markup(text, pos, content_end)):
                kind, stop = found
                lead.append(Piece(kind, pos, stop))
                resume = stop
                pos = _skip_space(text, stop, max(content_end, stop))
            if continues and current is not None:
                current.extend(lead)
            elif lead:
                blocks.append(lead)
                current = None
            if pos >= content_end:
                continue
            stripped = text[pos:content_end].rstrip(_SPACE)
            if _right_aligned(text, start, pos, stripped):
                blocks.append([Piece(noise.SIGNATURE, pos, pos + len(stripped))])
                current = None
                continue
            segments = [
                self._classify(text, seg) for seg in self._split_line(text, pos, content_end)
            ]
            if continues and current is not None:
                current.extend(segments[0])
                segments = segments[1:]
            for segment in segments:
                blocks.append(segment)
            current = blocks[-1] if segments or continues else current
            if not head_done and len(blocks) > _AD_REGION_BLOCKS:
                _absorb_ad_region(text, blocks)
                head_done = True
            if head_done and len(blocks) > _TAIL_BLOCKS:
                for block in blocks[:-_TAIL_BLOCKS]:
                    yield from self._split_run_on(text, block)
                del blocks[:-_TAIL_BLOCKS]
        if not head_done:
            _absorb_ad_region(text, blocks)
        _mark_trailing_signature(text, blocks)
        for block in blocks:
            yield from self._split_run_on(text, block)

    def _classify(self, text: str, segment: Block) -> Block:
        """A segment that is all one noise shape (an ad, a breadcrumb…) becomes noise."""
        if len(segment) != 1 or segment[0].type != TEXT:
            return segment
        piece = segment[0]
        content = text[piece.start : piece.end].rstrip(_SPACE)
        if self.markers.match(content):
            return segment
        kind = noise.line_noise(content)
        return segment if kind is None else [Piece(kind, piece.start, piece.start + len(content))]

    def _chunk_lines(self, text: str, lines: list[tuple[int, int]]) -> dict[int, int]:
        """Lines opened by document-viewer chunk numbers: index → end of the number.

        Chunk numbers run 1, 2, 3 … on consecutive lines, and the line before one
        mostly stops mid-sentence; headings numbered 1、2、3、 have text between
        them and end their sentences.
        """
        numbered: list[tuple[int, int, int] | None] = []
        for index, (start, end) in enumerate(lines):
            m = _CHUNK_NUMBER.match(text, start, end)
            if m:
                numbered.append((index, int(m.group(1)), m.end()))
            elif text[start:end].strip(_SPACE + "\r\n"):
                numbered.append(None)
        found: dict[int, int] = {}
        run: list[tuple[int, int, int]] = []
        for entry in [*numbered, None]:
            if entry is not None and run and entry[1] == run[-1][1] + 1:
                run.append(entry)
                continue
            if len(run) >= 3:
                mid_word = sum(
                    not ends_sentence(text, lines[index - 1][1]) for index, _, _ in run[1:]
                )
                if 2 * mid_word >= len(run) - 1:
                    found.update((index, stop) for index, _, stop in run)
            run = [entry] if entry is not None else []
        return found

    def _split_line(self, text: str, pos: int, end: int) -> list[Block]:
        """One line's content → blocks, at inline noise and separating spaces."""
        blocks: list[Block] = []
        pieces: Block = []
        seg_start = pos
        for m in _INLINE.finditer(text, pos, end):
            kind = m.lastgroup
            if kind == "space":
                if m.end() >= end or not self._space_breaks(text, seg_start, m):
                    continue
                if pos < m.start():
                    pieces.append(Piece(TEXT, pos, m.start()))
                if pieces:
                    blocks.append(pieces)
                pieces = []
                pos = seg_start = m.end()
                continue
            if pos < m.start():
                pieces.append(Piece(TEXT, pos, m.start()))
            pieces.append(Piece(_INLINE_KIND[str(kind)], m.start(), m.end()))
            pos = m.end()
        if pos < end:
            pieces.append(Piece(TEXT, pos, end))
        if pieces:
            blocks.append(pieces)
        return blocks

    def _space_breaks(self, text: str, seg_start: int, space: re.Match[str]) -> bool:
        """Whether a run of spaces inside a line separates paragraphs."""
        if space.group().count("\u3000") >= 2:
            return True
        marker = self.markers.match(text, seg_start)
        if marker is not None and marker.end() >= space.start():
            return False  # the space after a marker: (一) 服务…
        if ends_sentence(text, space.start(), seg_start):
            return space.start() > seg_start
        return self.markers.match(text, space.end()) is not None

    def _split_run_on(self, text: str, block: Block) -> list[Block]:
        """Split a run-on block before markers that follow a sentence end."""
        if sum(p.end - p.start for p in block if p.type == TEXT) <= RUN_ON_CHARS:
            return [block]
        out: list[Block] = []
        current: Block = []
        last_text_end = -1
        for piece in block:
            if piece.type != TEXT:
                current.append(piece)
                continue
            start = piece.start
            for m in self.marker_search.finditer(text, piece.start, piece.end):
                cut = m.start()
                if cut == block[0].start:
                    continue
                before = cut if cut > piece.start else last_text_end
                if before < 0 or not ends_sentence(text, before, 0):
                    continue
                if cut > start:
                    current.append(Piece(TEXT, start, cut))
                if current:
                    out.append(current)
                current = []
                start = cut
            if start < piece.end:
                current.append(Piece(TEXT, start, piece.end))
            last_text_end = piece.end
        if current:
            out.append(current)
        return out

    # -------------------------------------------------------------- tokens
    def tokens(self, text: str) -> Iterator[Token]:
        """The blocks as tokens that tile ``text``, each block closed by ``_EOB``.

        A token runs to the start of the next (whitespace belongs to the token
        before it), so each is sent once the next piece is known.
        """
        pending: Piece | None = None
        start = 0
        closes = 0  # blocks that end after ``pending``
        for block in self.blocks(text):
            for piece in self._with_marker(text, block):
                if pending is None and piece.start > 0:
                    # whitespace before the first words: noise of its own, so every
                    # text token starts at its first character
                    yield Token(noise.BLANK, text[: piece.start], 0, end_pos=piece.start)
                    yield Token(EOB, "", piece.start, end_pos=piece.start)
                    start = piece.start
                if pending is not None:
                    yield self._token(pending, text, start, piece.start)
                    start = piece.start
                for _ in range(closes):
                    yield Token(EOB, "", start, end_pos=start)
                closes = 0
                pending = piece
            closes += 1
        if pending is None:
            if text:
                yield Token(noise.BLANK, text, 0, end_pos=len(text))
            return
        yield self._token(pending, text, start, len(text))
        for _ in range(closes):
            yield Token(EOB, "", len(text), end_pos=len(text))

    def _token(self, piece: Piece, text: str, start: int, end: int) -> Token:
        # markers are LeveledTokens: the postlexer sets their level in place
        kind = LeveledToken if piece.type in self.marker_names else Token
        return kind(piece.type, text[start:end], start, end_pos=end)

    def _with_marker(self, text: str, block: Block) -> Block:
        """Split the block's opening marker, if any, into a piece of its own."""
        first = block[0]
        if first.type != TEXT:
            return block
        m = self.markers.match(text, first.start, first.end)
        if m is None:
            return block
        # the space after a marker is the marker's, as all space is the token's before it
        end = _skip_space(text, m.end(), first.end)
        rest = [Piece(TEXT, end, first.end)] if end < first.end else []
        return [Piece(str(m.lastgroup), first.start, end), *rest, *block[1:]]


# Lines of a site or shop banner that carry none of its tell-tale words are
# still part of it when they stand between two lines that do.
_AD_REGION_BLOCKS = 30
_AD_LINE_MAX = 40
# Blocks held back at the end for the signature pass (see Scanner.blocks).
_TAIL_BLOCKS = 8


def _absorb_ad_region(text: str, blocks: list[Block]) -> None:
    """Short lines between the first and last ad lines at the head become ads too."""
    ads = [
        i for i, block in enumerate(blocks[:_AD_REGION_BLOCKS])
        if len(block) == 1 and block[0].type == noise.AD
    ]
    if len(ads) < 2:
        return
    for i in range(ads[0] + 1, ads[-1]):
        block = blocks[i]
        if len(block) == 1 and block[0].type == TEXT:
            only = block[0]
            if only.end - only.start <= _AD_LINE_MAX:
                blocks[i] = [Piece(noise.AD, only.start, only.end)]


def _physical_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each physical line, its line break included (LF, CRLF or CR)."""
    if "\r" in text:
        return [(m.start(), m.end()) for m in _LINE.finditer(text)]
    lines = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line) + 1
        lines.append((start, min(end, len(text))))
        start = end
    if lines and lines[-1][0] == lines[-1][1]:
        lines.pop()  # the empty remainder after a final line break
    return lines


def _right_aligned(text: str, line_start: int, pos: int, content: str) -> bool:
    """A short line pushed to the right with spaces: a signature or a date."""
    return (
        noise.indent_width(text[line_start:pos]) >= noise.SIGNATURE_INDENT
        and len(content) <= noise.SIGNATURE_MAX
        and content[-1] not in noise.SENTENCE_END
    )


# An office name (short, no punctuation) may stand above a closing date.
_OFFICE_MAX = 25


def _mark_trailing_signature(text: str, blocks: list[Block]) -> None:
    """A date alone on the last line, and the office name above it, sign the text."""
    tail = [i for i, b in enumerate(blocks) if not b[0].type.startswith("NOISE_")][-2:]
    if not tail:
        return
    last = blocks[tail[-1]]
    if len(last) != 1 or not noise.DATE_LINE.fullmatch(text[last[0].start : last[0].end].strip()):
        return
    blocks[tail[-1]] = [last[0]._replace(type=noise.SIGNATURE)]
    if len(tail) == 2:
        above = blocks[tail[0]]
        content = text[above[0].start : above[-1].end].strip()
        if len(above) == 1 and len(content) <= _OFFICE_MAX and not any(
            ch in noise.SENTENCE_END + "，,：:" for ch in content
        ):
            blocks[tail[0]] = [above[0]._replace(type=noise.SIGNATURE)]


def start_of(token: Token) -> int:
    """A token's start offset (lark types it optional; ours always have one)."""
    return int(token.start_pos or 0)


def end_of(token: Token) -> int:
    return int(token.end_pos or 0)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _SPACE:
        pos += 1
    return pos


def _last_is_text(block: Block) -> bool:
    return bool(block) and block[-1].type == TEXT


class BlockLexer(Lexer):
    """Lark's custom-lexer hook around :class:`Scanner`."""

    # Lark's current custom-lexer calling convention: lex(lexer_state, parser_state).
    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        self.scanner = Scanner(
            (t.name, t.pattern.to_regexp()) for t in lexer_conf.terminals
        )

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        source = lexer_state.text
        text = source if isinstance(source, str) else source.text
        return self.scanner.tokens(text)
