"""The postlexer: reads the lexer's blocks as a reader does and brackets the outline.

Each block goes through ``OUTLINE`` (first match wins): a rule either claims
the block and says what tokens it becomes, or passes. A block no rule claims
is a paragraph. Kept headings and items are bracketed with ``_CLOSE``, as
lark's Indenter does with indentation: the marker token itself opens the
level and carries it. Where a marker stands is the numbering engine's
decision (speechast.numbering); a rejected marker goes back into the text.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice, pairwise

from lark import Token

from speechast import diagnostics, furniture, inline, rules, titles
from speechast import tokens as K
from speechast.blocks import ends_sentence
from speechast.nodes import Diagnostic
from speechast.numbering import Mark, Numbering, Placement
from speechast.registry import CONTINUING
from speechast.rules import Chain, first_answer
from speechast.tuning import TUNING


class Block:
    """One block's tokens, with its opening marker (if any) read once."""

    __slots__ = ("is_noise", "mark", "tokens")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        first = tokens[0].type
        noisy = first.startswith(K.NOISE_PREFIX)
        self.is_noise = noisy and all(K.is_noise(t.type) for t in tokens)
        self.mark = None if noisy or first == K.TEXT else Mark.of(first, tokens[0].value)


class LevelPostLexer:
    """Lark postlexer: blocks of tokens in, a bracketed outline token stream out."""

    always_accept: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.scan = inline.Scan(inline.NOTHING, inline.NOTHING)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return Leveller(self.scan, _group(stream), rules.current().disable).run()


def _group(stream: Iterator[Token]) -> Iterator[Block]:
    tokens: list[Token] = []
    for token in stream:
        if token.type != K.EOB:
            tokens.append(token)
        elif tokens:
            yield Block(tokens)
            tokens = []
    if tokens:
        yield Block(tokens)


Rule = Callable[["Leveller", Block], Iterable[Token] | None]
OUTLINE: Chain[Rule] = Chain(
    "outline", "what a block is in the outline; the first rule that claims it wins"
)


class Leveller:
    """One document's pass: the numbering engine, the title and sub-head state."""

    def __init__(self, scan: inline.Scan, blocks: Iterator[Block], disabled: frozenset[str]):
        self.scan = scan
        self.stream = blocks
        # The blocks after the current one, as far as a lookahead reaches.
        self.ahead: deque[Block] = deque(islice(blocks, TUNING.lookahead_blocks))
        self.numbering = Numbering()
        self.rules = OUTLINE.active(disabled)
        self.title_ends = furniture.TITLE_LINE_END.active(disabled)
        self.lead_ends = titles.TITLE_END.active(disabled)
        self.inline_runs = inline.INLINE_RUNS.active(disabled)
        self.seen_heading = False
        self.want_title = True
        self.findings: list[Diagnostic] = []
        # Whether the block before was running text that ended its sentence:
        # a sub-head stands between two paragraphs.
        self.after_paragraph = False
        self.ran_on = False
        # The number of # of a Markdown heading sign just before this block.
        self.hashes = 0
        # Nothing but noise and a title so far: a fragment may open at any number.
        self.opening = True
        # In a list of attachments (附件：1．…).
        self.attaching = False
        # The name of the document a notice transmits (关于印发《…》的通知).
        self.transmits = ""

    def next_block(self) -> Block | None:
        if not self.ahead:
            return None
        block = self.ahead.popleft()
        self.ahead.extend(islice(self.stream, 1))
        return block

    def run(self) -> Iterator[Token]:
        while (block := self.next_block()) is not None:
            if block.is_noise:
                yield from block.tokens  # noise between paragraphs changes nothing
                self.hashes = _hashes(block)
                continue
            self.ran_on = False
            for rule in self.rules:
                out = rule(self, block)
                if out is not None:
                    yield from out
                    break
            else:
                yield from self.running_text(block)
            self.after_paragraph = self.ran_on
            self.hashes = 0
            self.opening = self.opening and rule in (title_line, split_title)
        yield from self.close_to(0)
        yield from (K.finding(f) for f in self.findings)

    # ------------------------------------------------------------ emitters
    def close_to(self, depth: int) -> list[Token]:
        return _closes(self.numbering.close_to(depth))

    def new_document(self) -> list[Token]:
        """A compilation's next article, or a transmitted document, starts afresh."""
        self.seen_heading = False
        self.want_title = False
        return _closes(self.numbering.new_article())

    def report(self, code: str, message: str, at: Token) -> None:
        span = (K.start_of(at), K.end_of(at))
        self.findings.append(Diagnostic(code=code, message=message, span=span))

    def open(self, block: Block, placement: Placement, type_: str | None = None) -> Iterator[Token]:
        yield from _closes(self.numbering.open(placement))
        self.seen_heading = True
        self.want_title = False
        marker = block.tokens[0]
        yield K.leveled(marker, placement.level, type_)
        head, body, guessed = titles.split_title(
            block.tokens[1:], is_item=placement.entry.is_item, rules=self.lead_ends
        )
        placement.entry.run_in = bool(body) and not placement.entry.is_item
        if body:  # a run-in heading's body is running text
            self.ran_on = _ends_sentence(body[-1])
        if guessed:
            self.report(
                diagnostics.RUN_ON,
                f"the title of {marker.value.strip()} runs past "
                f"{TUNING.heading_title_max} characters without a sentence end",
                marker,
            )
        if any(K.is_noise(t.type) for t in head):
            yield K.zero(K.RICH_TITLE, K.start_of(marker))
            yield from head
            yield K.zero(K.EOB, K.start_of(marker))
        elif head:
            yield _join(head, K.TITLE_TEXT)
        if body:
            yield from self.paragraph(body)

    def subhead(self, block: Block, closes: int) -> list[Token]:
        """An unnumbered heading the numbering engine has just opened (the closing
        address still waits for a numbered one)."""
        self.want_title = False  # a title comes before the first heading
        return [*_closes(closes), K.leveled(block.tokens[0], self.numbering.depth, K.SUBHEAD)]

    def running_text(self, block: Block) -> Iterator[Token]:
        """A block of running text: a paragraph a sub-head may follow."""
        self.ran_on = _ends_sentence(block.tokens[-1])
        if self.ran_on and not furniture.is_salutation(block.tokens):
            self.want_title = False  # a title comes before the running text
        return self.paragraph(block.tokens)

    def paragraph(self, tokens: list[Token]) -> Iterator[Token]:
        merged = _unmark(tokens)
        lead = 0
        while lead < len(merged) and K.is_noise(merged[lead].type):
            lead += 1
        yield from merged[:lead]  # noise before the first words stands on its own
        rest = merged[lead:]
        if not rest:
            return
        marked = first_answer(self.inline_runs, rest, self.scan, self.numbering.depth + 1)
        if marked is None and len(rest) == 1:
            yield rest[0]  # a plain paragraph is one token
            return
        yield K.zero(K.RICH, K.start_of(rest[0]))
        yield from rest if marked is None else marked
        yield K.zero(K.EOB, K.start_of(rest[-1]))

    def inline_run(self, block: Block) -> bool:
        """Whether the block's own text holds an enumeration (一要…，二要…)."""
        if not self.inline_runs:
            return False
        text = "".join(t.value for t in block.tokens if not K.is_noise(t.type))
        return bool(inline.enumerations(text, self.scan))


# ---------------------------------------------------------------- rules
@OUTLINE.rule("compilation-articles")
def article(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """第N篇: opens one article of a compilation: every open level closes."""
    if block.mark is None or block.mark.family != K.ARTICLE:
        return None
    marker = block.tokens[0]
    rest = [K.retyped(t, K.TITLE_TEXT) if t.type == K.TEXT else t for t in block.tokens[1:]]
    return [
        *lv.new_document(),
        marker,
        *rest,
        K.zero(K.EOB, K.start_of(marker)),
    ]


@OUTLINE.rule("attachments")
def attachments(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """附件：1．… / 2．…: the list of attachments is the document's furniture, at its
    top level, not a part of the last section."""
    mark = block.mark
    if lv.attaching and mark is not None and mark.is_heading and mark.number is not None:
        return lv.running_text(block)
    lv.attaching = mark is None and furniture.opens_attachments(block.tokens)
    return [*lv.close_to(0), *lv.running_text(block)] if lv.attaching else None


@OUTLINE.rule("transmitted-document")
def transmitted_document(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """关于印发《某某办法》的通知 … 某某办法 / 第一章 …: the document a notice
    transmits opens a document of its own, as an article of a compilation does."""
    if not lv.transmits or block.mark is not None or len(block.tokens) != 1:
        return None
    token = block.tokens[0]
    if token.type != K.TEXT or not furniture.names_document(token.value, lv.transmits):
        return None
    lv.transmits = ""
    return [*lv.new_document(), K.retyped(token, K.TRANSMITTED_TITLE)]


@OUTLINE.rule("numbering")
def numbered(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """A marker that fits the numbering in force opens its level."""
    mark = block.mark
    if mark is None or not (mark.is_heading or mark.is_item):
        return None
    as_heading = _item_as_heading(lv, block, mark)
    if as_heading:
        mark = mark._replace(is_item=False, is_heading=True)
    placement, findings = lv.numbering.place(
        mark, (b.mark for b in lv.ahead), lambda: lv.inline_run(block), lv.hashes, lv.opening
    )
    for found in findings:
        lv.report(found.code, found.message, block.tokens[0])
    if placement is None:
        return None
    return lv.open(block, placement, K.ITEM_AS_HEADING if as_heading else None)


def _item_as_heading(lv: Leveller, block: Block, mark: Mark) -> bool:
    """第一，全国动员 on a line of its own, with （一）… headings after it: an item
    marker standing as a heading that holds them."""
    if not mark.is_item or mark.rank != 1 or len(block.tokens) != 2:
        return False
    lead = block.tokens[1].value.strip()
    if not titles.looks_like_label(lead):
        return False
    following = next((b.mark for b in lv.ahead if b.mark is not None), None)
    return following is not None and following.is_heading and following.number == 1


@OUTLINE.rule("split-title")
def split_title(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """A title broken over two lines (…培训班、 / 第20期…的致辞) is one title."""
    if not (lv.want_title and not lv.seen_heading) or not lv.ahead:
        return None
    if not furniture.title_goes_on(block.tokens, lv.ahead[0].tokens):
        return None
    second = lv.next_block()
    assert second is not None
    lv.want_title = False
    first, last = block.tokens[0], second.tokens[0]
    return [K.make(K.DOC_TITLE, first.value + last.value, first.start_pos, last.end_pos)]


@OUTLINE.rule("group-label")
def group_label(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """安全教育 / 1、… 2、… / 法制教育 / 1、…: a short label line right before a
    list that starts at 1, where the same list starts again after another such
    label, is the heading of its list (not the document's title)."""
    if lv.hashes or not _label_shaped(block) or not lv.ahead:
        return None  # a Markdown heading takes its level from its #s
    first = lv.ahead[0].mark
    if first is None or first.number != 1 or not first.is_heading:
        return None
    restarts = lv.numbering.labels(first.group) or any(
        after.mark is not None
        and after.mark.family == first.family
        and after.mark.number == 1
        and _label_shaped(before)
        for before, after in pairwise(islice(lv.ahead, 1, None))
    )
    if not restarts:
        return None
    return lv.subhead(block, lv.numbering.open_label())


def _label_shaped(block: Block) -> bool:
    return (
        block.mark is None
        and len(block.tokens) == 1
        and block.tokens[0].type == K.TEXT
        and titles.looks_like_label(block.tokens[0].value)
    )


@OUTLINE.rule("title-line")
def title_line(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """The first title-shaped block before any heading is the document's title."""
    if not (lv.want_title and not lv.seen_heading):
        return None
    following = lv.ahead[0].tokens if lv.ahead else None
    if furniture.is_issuer_above_title(block.tokens, following):
        return None
    found = furniture.title_split(block.tokens, lv.title_ends)
    if found is None:
        return None
    lv.want_title = False
    head, rest = found
    lv.transmits = furniture.transmitted(head[-1].value)
    return [*head, *(t for line in furniture.head_lines(rest) for t in lv.paragraph(line))]


@OUTLINE.rule("markdown-heading-level")
def markdown_heading(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """### 总结 — a Markdown heading without a marker takes its level from its #s."""
    if not lv.hashes or block.mark is not None or len(block.tokens) != 1:
        return None
    return lv.subhead(block, lv.numbering.open_markdown(lv.hashes))


def _continues_sentence(block: Block) -> bool:
    """A block that opens with punctuation goes on a sentence broken before it."""
    first = block.tokens[0]
    return first.type == K.TEXT and first.value[:1] in CONTINUING


def _hashes(block: Block) -> int:
    """The number of # when a noise block is a Markdown heading sign."""
    first = block.tokens[0]
    if len(block.tokens) != 1 or first.type != K.MARKUP or not first.value.startswith("#"):
        return 0
    return len(first.value.strip().rstrip("#")) or len(first.value.strip())


@OUTLINE.rule("subhead")
def subhead(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """A short line standing alone between paragraphs, with no closing punctuation."""
    if block.mark is not None or not lv.after_paragraph or len(block.tokens) != 1:
        return None
    if not titles.looks_like_subhead(block.tokens[0].value):
        return None
    following = lv.ahead[0] if lv.ahead else None
    if following is None or following.mark is not None or following.is_noise:
        return None
    if any(_continues_sentence(b) for b in islice(lv.ahead, 2)):
        return None  # a line broken off by a link: 我国同…缔结了 / 友好同盟条约 / 。苏联…
    return lv.subhead(block, lv.numbering.open_subhead())


@OUTLINE.rule("closing-address")
def closing_address(lv: Leveller, block: Block) -> Iterable[Token] | None:
    """同志们，… / 让我们… after the headings closes every open level, unless a
    heading, or an item that goes on an open run, follows: then it is a vocative
    in mid-text (各位代表！这里我要强调…)."""
    if block.mark is not None or not lv.seen_heading or not furniture.is_closing(block.tokens):
        return None
    for later in lv.ahead:
        if later.mark is None:
            continue
        if later.mark.family == K.ARTICLE:
            break  # the next article is another document
        if lv.numbering.would_go_on(later.mark):
            return None
    return [*lv.close_to(0), *lv.running_text(block)]


def _closes(count: int) -> list[Token]:
    """The ``_CLOSE`` tokens that end ``count`` open levels."""
    return [K.make(K.CLOSE, "", None, None) for _ in range(count)]


def _ends_sentence(token: Token) -> bool:
    """Whether a block's last token is text that ends its sentence."""
    return token.type == K.TEXT and ends_sentence(token.value, len(token.value))


def _join(tokens: list[Token], type_: str) -> Token:
    """Adjacent text tokens as one."""
    if len(tokens) == 1:
        return K.retyped(tokens[0], type_)
    value = "".join(t.value for t in tokens)
    return K.make(type_, value, tokens[0].start_pos, tokens[-1].end_pos)


def _unmark(tokens: list[Token]) -> list[Token]:
    """A marker that is not a heading is text again: fold it into the text it opens."""
    first = tokens[0]
    if first.type == K.TEXT or K.is_noise(first.type):
        return tokens
    if len(tokens) > 1 and tokens[1].type == K.TEXT:
        second = tokens[1]
        merged = K.make(K.TEXT, first.value + second.value, first.start_pos, second.end_pos)
        return [merged, *tokens[2:]]
    return [K.retyped(first, K.TEXT), *tokens[1:]]
