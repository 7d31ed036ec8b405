"""Text → blocks, as a pipeline of generator stages.

A *block* is what a reader takes for one paragraph: usually a physical line,
but a document-viewer chunk line continues the paragraph it splits, and a long
run-on line holds many blocks. A block is a list of pieces (text, noise,
later a marker), each a ``(type, start, end)`` slice of the input.

The stages, in order (each streams, so memory stays flat on long texts)::

    physical_lines → LINE_STAGES (chunk-numbers) → line_parts (LINE_SPLITS,
    noise.LINE_START, noise.INLINE_NOISE, noise.LINE_NOISE) → join_lines
    → BLOCK_STAGES (ad-region, licence-tail, closing-signature, marker-alone,
    run-on-split)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import cache
from typing import NamedTuple

import attrs

from speechast import noise, registry, words
from speechast import tokens as K
from speechast.registry import LINE_BREAKS, SENTENCE_END, SPACE
from speechast.rules import Chain, F, first_answer
from speechast.tuning import TUNING


class Piece(NamedTuple):
    type: str
    start: int
    end: int


Block = list[Piece]

# After one of these a separating space or a marker may open a new block.
BREAK_AFTER = frozenset(SENTENCE_END + "：:")
_CLOSERS = frozenset("”’」』）)")


def ends_sentence(text: str, pos: int, floor: int = 0) -> bool:
    """Whether the last non-space character before ``pos`` closes a sentence.

    A closing quote or bracket counts when it follows a sentence end.
    """
    i = pos - 1
    while i >= floor and (text[i] in SPACE or text[i] in LINE_BREAKS):
        i -= 1
    if i < floor:
        return True
    if text[i] in _CLOSERS and i > floor:
        return text[i - 1] in BREAK_AFTER or text[i] in "）)"
    return text[i] in BREAK_AFTER


def skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in SPACE:
        pos += 1
    return pos


# ------------------------------------------------------------ the scanner
@attrs.frozen
class Scanner:
    """The marker patterns and the active rules of one parse's options."""

    markers: re.Pattern[str]  # every marker terminal, one named group each
    marker_search: re.Pattern[str]  # the same, for scans through running text
    inline: re.Pattern[str]  # inline noise and space runs, one named group each
    first: str  # a character class of what a marker can start with
    disabled: frozenset[str]
    # The active rules of the chains each line goes through.
    markup: tuple[noise.StartRule, ...] = ()
    claims: tuple[ClaimRule, ...] = ()
    splits: tuple[SplitRule, ...] = ()
    line_noise: tuple[noise.LineRule, ...] = ()

    def rules(self, chain: Chain[F]) -> tuple[F, ...]:
        return chain.active(self.disabled)


@cache
def scanner(marker_patterns: tuple[tuple[str, str], ...], disabled: frozenset[str]) -> Scanner:
    markers = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in marker_patterns))
    first = registry.first_class(pattern for _, pattern in marker_patterns)
    # Python's re tries every alternative at every position; a lookahead on the
    # characters the alternatives can start with skips the rest six times faster.
    marker_search = re.compile(f"(?=[{first}])(?:{markers.pattern})")
    shapes = [
        f"(?P<{name.replace('-', '_')}>{pattern.pattern})"
        for name, pattern in _inline_rules(disabled)
    ]
    inline = re.compile(
        f"(?=[{noise.INLINE_FIRST}{SPACE}])(?:{'|'.join([*shapes, f'(?P<space>[{SPACE}]+)'])})"
    )
    return Scanner(
        markers,
        marker_search,
        inline,
        first,
        disabled,
        markup=noise.LINE_START.active(disabled),
        claims=LINE_CLAIMS.active(disabled),
        splits=LINE_SPLITS.active(disabled),
        line_noise=noise.LINE_NOISE.active(disabled),
    )


def _inline_rules(disabled: frozenset[str]) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, p) for name, p in noise.INLINE_NOISE.rules if name not in disabled]


_INLINE_KIND = {name.replace("-", "_"): kind for name, kind in noise.INLINE_KINDS.items()}


# ------------------------------------------------------------------ lines
# A physical line: (start, end of its content before the line break, end after
# it, end of a viewer chunk number that opens it or -1). A plain tuple: one is
# made per line, and a NamedTuple costs twice as much to make.
Line = tuple[int, int, int, int]


_LINE = re.compile(f"[^{LINE_BREAKS}]*(?:\r\n|[{LINE_BREAKS}])|[^{LINE_BREAKS}]+")
_RARE_BREAK = re.compile(f"[{LINE_BREAKS.replace(chr(10), '')}]")


def physical_lines(text: str) -> Iterator[Line]:
    """Each physical line, its line break included (LF, CRLF or CR)."""
    if _RARE_BREAK.search(text):
        for m in _LINE.finditer(text):
            start, end = m.span()
            yield (start, len(m.group().rstrip(LINE_BREAKS)) + start, end, -1)
        return
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            yield (pos, n, n, -1)
            return
        yield (pos, nl, nl + 1, -1)
        pos = nl + 1


LineStage = Callable[[Scanner, str, Iterator[Line]], Iterator[Line]]
LINE_STAGES: Chain[LineStage] = Chain("line-stages", "stages over physical lines, in order")

_CHUNK_NUMBER = re.compile(rf"[{SPACE}]*(\d{{1,4}})、")


@LINE_STAGES.rule("chunk-numbers")
def chunk_numbers(scan: Scanner, text: str, lines: Iterator[Line]) -> Iterator[Line]:
    """Mark lines opened by document-viewer chunk numbers (各项工 / 2、作取得了).

    Chunk numbers run 1, 2, 3 … on consecutive lines, and the line before one
    mostly stops mid-sentence; headings numbered 1、2、3、 have text between
    them and end their sentences. Lines are held back while a run may go on.
    """
    held: list[Line] = []  # from the first line of a possible run
    run: list[tuple[int, int, int]] = []  # (index in held, number, end of the number)
    for line in lines:
        m = _CHUNK_NUMBER.match(text, line[0], line[1])
        if m is None and not text[line[0] : line[1]].strip(SPACE):
            if held:
                held.append(line)  # a blank line neither continues nor breaks a run
            else:
                yield line
            continue
        number = int(m.group(1)) if m else -1
        if m and run and number == run[-1][1] + 1:
            run.append((len(held), number, m.end()))
            held.append(line)
            continue
        if held:
            yield from _settle(text, held, run)
        held, run = ([line], [(0, number, m.end())]) if m else ([], [])
        if m is None:
            yield line
    yield from _settle(text, held, run)


def _settle(text: str, held: list[Line], run: list[tuple[int, int, int]]) -> Iterator[Line]:
    """The held lines, with chunk ends set when the run is one of viewer chunks."""
    chunks: dict[int, int] = {}
    if len(run) >= TUNING.chunk_run_min:
        mid_word = sum(not ends_sentence(text, held[i][0]) for i, _, _ in run[1:])
        if 2 * mid_word >= len(run) - 1:
            chunks = {i: stop for i, _, stop in run}
    for i, line in enumerate(held):
        yield (*line[:3], chunks[i]) if i in chunks else line


# -------------------------------------------------------------- line parts
# One line's pieces: (lead: a chunk number and markup before the text; body:
# the line's blocks after that; chunk: opened by a chunk number, so it may
# continue the paragraph before; closed: a block nothing may extend, such as a
# signature). A plain tuple, made once per line.
LineParts = tuple[Block, list[Block], bool, bool]


SplitRule = Callable[[Scanner, str, int, "re.Match[str]"], bool | None]
LINE_SPLITS: Chain[SplitRule] = Chain(
    "line-splits",
    "whether a run of spaces inside a line separates paragraphs; the first rule that answers wins",
)


@LINE_SPLITS.rule("wide-space")
def wide_space(scan: Scanner, text: str, seg_start: int, space: re.Match[str]) -> bool | None:
    """Two full-width spaces open a paragraph in texts flattened onto one line."""
    return True if space.group().count("\u3000") >= 2 else None


@LINE_SPLITS.rule("space-after-marker")
def space_after_marker(
    scan: Scanner, text: str, seg_start: int, space: re.Match[str]
) -> bool | None:
    """The space after a marker is the marker's: (一) 服务…"""
    marker = scan.markers.match(text, seg_start)
    return False if marker is not None and marker.end() >= space.start() else None


@LINE_SPLITS.rule("space-after-sentence")
def space_after_sentence(
    scan: Scanner, text: str, seg_start: int, space: re.Match[str]
) -> bool | None:
    """A space after a sentence end separates paragraphs."""
    if ends_sentence(text, space.start(), seg_start):
        return space.start() > seg_start
    return None


@LINE_SPLITS.rule("space-before-marker")
def space_before_marker(
    scan: Scanner, text: str, seg_start: int, space: re.Match[str]
) -> bool | None:
    """A space before a marker opens the marker's block."""
    return True if scan.markers.match(text, space.end()) is not None else None


def line_parts(scan: Scanner, text: str, lines: Iterator[Line]) -> Iterator[LineParts | None]:
    """Each line's pieces, or None for a blank line (which ends a paragraph)."""
    resume = 0  # a comment may run past its line: text before this is taken
    markup, claims = scan.markup, scan.claims
    for start, end, _, chunk_end in lines:
        pos = skip_space(text, max(start, resume), end)
        if pos >= end:
            yield None
            continue
        lead: Block = []
        if chunk_end >= 0:
            lead.append(Piece(K.CHUNK, pos, chunk_end))
            pos = skip_space(text, chunk_end, end)
        while pos < end and (found := noise.leading_markup(text, pos, end, markup)):
            kind, stop = found
            lead.append(Piece(kind, pos, stop))
            resume = stop
            pos = skip_space(text, stop, max(end, stop))
        chunk = chunk_end >= 0
        if pos >= end:
            yield (lead, [], chunk, False)
        elif claimed := first_answer(claims, text, start, pos, end):
            yield (lead, [claimed], chunk, True)
        else:
            yield (
                lead,
                [_classify(scan, text, s) for s in _split(scan, text, pos, end)],
                chunk,
                False,
            )


ClaimRule = Callable[[str, int, int, int], Block | None]
LINE_CLAIMS: Chain[ClaimRule] = Chain(
    "line-claims",
    "a line that is one block of noise by its layout alone; the first rule that answers wins",
)

# Lines a reader of the file's format already knows are noise (a web page's
# script, nav and footer): (start, end, kind) in the text, in order.
GIVEN_NOISE: ContextVar[tuple[tuple[int, int, str], ...]] = ContextVar(
    "speechast_given_noise", default=()
)


@LINE_CLAIMS.rule("format-noise")
def format_noise(text: str, line_start: int, pos: int, end: int) -> Block | None:
    """A line the file's format marks as furniture (a web page's nav or script)."""
    given = GIVEN_NOISE.get()
    if not given:
        return None
    i = bisect_right(given, (pos, len(text) + 1, "")) - 1
    if i >= 0 and given[i][0] <= pos < given[i][1]:
        return [Piece(K.NAV if given[i][2] == "nav" else K.MARKUP, pos, end)]
    return None


@LINE_CLAIMS.rule("right-aligned-signature")
def right_aligned(text: str, line_start: int, pos: int, end: int) -> Block | None:
    """A short line pushed to the right with spaces: a signature or a date."""
    content = text[pos:end].rstrip(SPACE)
    if (
        noise.indent_width(text[line_start:pos]) >= TUNING.signature_indent
        and len(content) <= TUNING.signature_max
        and content[-1] not in SENTENCE_END
    ):
        return [Piece(K.SIGNATURE, pos, pos + len(content))]
    return None


def _split(scan: Scanner, text: str, pos: int, end: int) -> list[Block]:
    """One line's content → blocks, at inline noise and separating spaces."""
    blocks: list[Block] = []
    pieces: Block = []
    seg_start = pos
    splits = scan.splits
    for m in scan.inline.finditer(text, pos, end):
        kind = str(m.lastgroup)
        if kind == "space":
            if m.end() >= end or not _space_breaks(splits, scan, text, seg_start, m):
                continue
            if pos < m.start():
                pieces.append(Piece(K.TEXT, pos, m.start()))
            if pieces:
                blocks.append(pieces)
            pieces = []
            pos = seg_start = m.end()
            continue
        if pos < m.start():
            pieces.append(Piece(K.TEXT, pos, m.start()))
        if kind == "markdown_link":  # the link's text stays text
            inner = m.span("link_text")
            pieces += [Piece(K.MARKUP, m.start(), inner[0]), Piece(K.TEXT, *inner)]
            pieces.append(Piece(K.MARKUP, inner[1], m.end()))
        else:
            pieces.append(Piece(_INLINE_KIND[kind], m.start(), m.end()))
        pos = m.end()
    if pos < end:
        pieces.append(Piece(K.TEXT, pos, end))
    if pieces:
        blocks.append(pieces)
    return blocks


def _space_breaks(
    splits: tuple[SplitRule, ...], scan: Scanner, text: str, seg_start: int, m: re.Match[str]
) -> bool:
    return first_answer(splits, scan, text, seg_start, m) is True


def _classify(scan: Scanner, text: str, segment: Block) -> Block:
    """A segment that is all one noise shape (an ad, a breadcrumb…) becomes noise."""
    if len(segment) != 1 or segment[0].type != K.TEXT:
        return segment
    piece = segment[0]
    content = text[piece.start : piece.end].rstrip(SPACE)
    if scan.markers.match(content):
        return segment
    kind = noise.line_noise(content, scan.line_noise)
    return segment if kind is None else [Piece(kind, piece.start, piece.start + len(content))]


# -------------------------------------------------------------- join lines
def join_lines(text: str, lines: Iterator[LineParts | None]) -> Iterator[Block]:
    """Lines → blocks: a chunk line whose paragraph the line before left open
    continues it. The last block is held until the next line settles it."""
    current: Block | None = None  # the last block, while a chunk line may extend it
    for parts in lines:
        done, current = _join(text, current, parts)
        yield from done
    if current is not None:
        yield current


def _join(
    text: str, current: Block | None, parts: LineParts | None
) -> tuple[list[Block], Block | None]:
    """The blocks one line makes final, and the block a chunk line may extend next."""
    if parts is None:  # a blank line ends a paragraph
        return ([] if current is None else [current]), None
    lead, body, chunk, closed = parts
    if chunk and current is not None and _open_ended(text, current):
        current.extend(lead)
        if body and not closed:
            current.extend(body[0])
            body = body[1:]
        if not body:
            return [], current
        done = [current]
    else:
        done = [current] if current is not None else []
        if lead:
            done.append(lead)
        if not body:
            return done, None
    if closed:
        return done + body, None
    done += body[:-1]
    return done, body[-1]


def _open_ended(text: str, block: Block) -> bool:
    return block[-1].type == K.TEXT and not ends_sentence(text, block[-1].end)


# ------------------------------------------------------------ block stages
BlockStage = Callable[[Scanner, str, Iterator[Block]], Iterator[Block]]
BLOCK_STAGES: Chain[BlockStage] = Chain("block-stages", "stages over blocks, in order")


@BLOCK_STAGES.rule("ad-region")
def ad_region(scan: Scanner, text: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """Short lines between the first and last ad lines at the head are ads too:
    lines of a banner that carry none of its tell-tale words."""
    head: list[Block] = []
    for block in blocks:
        head.append(block)
        if len(head) > TUNING.ad_region_blocks:
            break
    ads = [
        i
        for i, block in enumerate(head[: TUNING.ad_region_blocks])
        if len(block) == 1 and block[0].type == K.AD
    ]
    if len(ads) >= 2:
        for i in range(ads[0] + 1, ads[-1]):
            only = head[i][0]
            if (
                len(head[i]) == 1
                and only.type == K.TEXT
                and (only.end - only.start <= TUNING.ad_line_max)
            ):
                head[i] = [Piece(K.AD, only.start, only.end)]
    yield from head
    yield from blocks


_LICENCE_OPENER = re.compile(words.alternation(words.LICENCE_OPENERS))
_LICENCE_WORD = re.compile(words.alternation(words.LICENCE_WORDS))


@BLOCK_STAGES.rule("licence-tail")
def licence_tail(scan: Scanner, text: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """A licence footer at the end of a page copy (本作品是…属于公有领域 / Public
    domain), broken into fragment lines by its links: every block from its first
    line to the end is noise. Blocks are held from a line that opens one until
    the end shows it is one, or until too many follow for a footer."""
    held: list[Block] = []
    for block in blocks:
        if held:
            held.append(block)
            if len(held) > TUNING.licence_tail_blocks:
                yield from held
                held = []
        elif block[0].type == K.TEXT and _LICENCE_OPENER.match(text, block[0].start):
            held = [block]
        else:
            yield block
    if held and any(_LICENCE_WORD.search(text, b[0].start, b[-1].end) for b in held):
        held = [[Piece(K.NEWS, b[0].start, b[-1].end)] for b in held]
    yield from held


_CONTENTS = re.compile(r"目\s*录|目\s*次|Contents|CONTENTS")
_CONTENTS_ENTRY_MAX = 40
_CONTENTS_FIRST = frozenset("目Cc")


@BLOCK_STAGES.rule("table-of-contents")
def table_of_contents(scan: Scanner, text: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """目录 and the short lines after it, up to where the body repeats the first
    of them, are a table of contents: noise, never headings."""
    entries: list[str] | None = None  # the entries of an open table of contents
    for block in blocks:
        if entries is None:
            first = text[block[0].start] if block[0].start < len(text) else ""
            content = _plain(text, block) if first in _CONTENTS_FIRST else None
            if content is not None and _CONTENTS.fullmatch(content):
                entries = []
                block = [Piece(K.NAV, block[0].start, block[-1].end)]
            yield block
            continue
        content = _plain(text, block)
        if content is None or content in entries[:1] or not _contents_entry(content):
            entries = None  # the body begins
            yield block
            continue
        entries.append(content)
        yield [Piece(K.NAV, block[0].start, block[-1].end)]


def _plain(text: str, block: Block) -> str | None:
    """A block's text when it is one piece of text."""
    if len(block) != 1 or block[0].type != K.TEXT:
        return None
    return text[block[0].start : block[0].end].strip(SPACE + LINE_BREAKS)


def _contents_entry(content: str) -> bool:
    """A line of a table of contents: short, ending no sentence (page numbers allowed)."""
    return len(content) <= _CONTENTS_ENTRY_MAX and _STOP.search(content) is None


@BLOCK_STAGES.rule("closing-signature")
def closing_signature(scan: Scanner, text: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """A date alone on the last line, and a short office name above it, sign the text.

    The last two blocks of text and the noise after them are held back.
    """
    held: list[Block] = []
    last = -1  # where in ``held`` the last block of text stands
    for block in blocks:
        if not K.is_noise(block[0].type):
            if last > 0:  # ``held`` starts at the one before the last
                yield from held[:last]
                del held[:last]
            last = len(held)
        held.append(block)
    _sign(text, held)
    yield from held


def _sign(text: str, held: list[Block]) -> None:
    tail = [i for i, b in enumerate(held) if not K.is_noise(b[0].type)][-2:]
    if not tail:
        return
    last = held[tail[-1]]
    if len(last) != 1 or not noise.DATE_LINE.fullmatch(text[last[0].start : last[0].end].strip()):
        return
    held[tail[-1]] = [last[0]._replace(type=K.SIGNATURE)]
    if len(tail) == 2:
        above = held[tail[0]]
        content = text[above[0].start : above[-1].end].strip()
        if (
            len(above) == 1
            and len(content) <= TUNING.office_max
            and not any(ch in SENTENCE_END + "，,：:" for ch in content)
        ):
            held[tail[0]] = [above[0]._replace(type=K.SIGNATURE)]


@BLOCK_STAGES.rule("marker-alone")
def marker_alone(scan: Scanner, text: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """A marker alone on its line ((一)⏎进一步…) opens the block that follows:
    its title is that line."""
    held: Block | None = None  # a block that is a marker alone
    for block in blocks:
        if held is not None:
            if block[0].type == K.TEXT and not scan.markers.match(text, block[0].start):
                yield held + block
                held = None
                continue
            yield held
            held = None
        if _only_marker(scan, text, block):
            held = block
        else:
            yield block
    if held is not None:
        yield held


def _only_marker(scan: Scanner, text: str, block: Block) -> bool:
    if len(block) != 1 or block[0].type != K.TEXT:
        return False
    piece = block[0]
    m = scan.marker_search.match(text, piece.start, piece.end)
    return m is not None and not text[m.end() : piece.end].strip(SPACE + "：:，,、")


@BLOCK_STAGES.rule("run-on-split")
def run_on_split(scan: Scanner, text: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """Split a run-on block (no line break for pages) before markers that follow
    a sentence end. A block is run-on when it, or the physical line it stands on
    (which spaces may have cut into shorter blocks), is longer than a paragraph."""
    line_end = -1  # end of the physical line of the blocks seen last
    line_long = False
    for block in blocks:
        start, end = block[0].start, block[-1].end
        if start >= line_end and not _whole_line(text, start, end):
            # the line began after the last break; search only since the last line
            floor = max(line_end, 0)
            line_start = max(text.rfind(ch, floor, start) for ch in LINE_BREAKS)
            found = _LINE_BREAK.search(text, end)
            line_end = len(text) if found is None else found.start()
            line_long = line_end - line_start > TUNING.run_on_chars
        elif start >= line_end:
            line_long = False
        long_block = sum(p.end - p.start for p in block if p.type == K.TEXT) > TUNING.run_on_chars
        if long_block or (line_long and start < line_end):
            yield from _split_run_on(scan, text, block)
        else:
            yield block


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether a block runs from a line's start to its end (the usual case)."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return before in LINE_BREAKS and after in LINE_BREAKS


_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")


def _split_run_on(scan: Scanner, text: str, block: Block) -> Iterator[Block]:
    cuts = _one_paragraph_lists(text, _run_on_cuts(scan, text, block), block[-1].end)
    current: Block = []
    for piece in block:
        if piece.type != K.TEXT:
            current.append(piece)
            continue
        start = piece.start
        while cuts and cuts[0][0] < piece.end:
            cut = cuts.pop(0)[0]
            if cut > start:
                current.append(Piece(K.TEXT, start, cut))
            if current:
                yield current
            current = []
            start = cut
        if start < piece.end:
            current.append(Piece(K.TEXT, start, piece.end))
    if current:
        yield current


def _run_on_cuts(scan: Scanner, text: str, block: Block) -> list[tuple[int, str]]:
    """Where markers follow a sentence end in a run-on block, with their families."""
    cuts: list[tuple[int, str]] = []
    last_text_end = -1
    for piece in block:
        if piece.type != K.TEXT:
            continue
        for m in scan.marker_search.finditer(text, piece.start, piece.end):
            cut = m.start()
            before = cut if cut > piece.start else last_text_end
            if cut != block[0].start and before >= 0 and ends_sentence(text, before, 0):
                cuts.append((cut, str(m.lastgroup)))
        last_text_end = piece.end
    return cuts


_STOP = re.compile(f"[{registry.SENTENCE_STOP}]")


def _one_paragraph_lists(text: str, cuts: list[tuple[int, str]], end: int) -> list[tuple[int, str]]:
    """Leave uncut a run of enumeration members of one sentence each (一是…。二是…。):
    in the paragraphed original they stand inside one paragraph."""
    if not cuts:
        return cuts
    ends = [c for c, _ in cuts[1:]] + [end]
    short = [
        family in registry.ITEMS and len(_STOP.findall(text, cut, stop)) <= 1
        for (cut, family), stop in zip(cuts, ends, strict=True)
    ]
    # a member of one sentence and the member after it, of the same family, are
    # in one list; so a list of such members and its last, longer member.
    listed = [False] * len(cuts)
    for i in range(1, len(cuts)):
        if short[i - 1] and cuts[i - 1][1] == cuts[i][1] and (short[i] or listed[i - 1]):
            listed[i - 1] = listed[i] = True
    return [cut for cut, inside in zip(cuts, listed, strict=True) if not inside]


# ------------------------------------------------------------ the pipeline
def blocks(scan: Scanner, text: str) -> Iterator[Block]:
    """The text's blocks, in order, as they are found."""
    lines = physical_lines(text)
    for line_stage in scan.rules(LINE_STAGES):
        lines = line_stage(scan, text, lines)
    out = join_lines(text, line_parts(scan, text, lines))
    for block_stage in scan.rules(BLOCK_STAGES):
        out = block_stage(scan, text, out)
    return out
