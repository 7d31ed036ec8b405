"""Chunks for retrieval that follow the outline.

A section or item with all it holds is one chunk while it fits in
``max_chars``; a longer one gives its lead (heading and paragraphs before its
first sub-heading) and each child its own chunks, and a run of paragraphs
too long for one chunk is cut between paragraphs, then between sentences,
never inside a word. Neighbours under one parent that are smaller than
``min_chars`` are merged while they fit. Noise is left out; every other
character of the document is in exactly one chunk (``overlap`` repeats whole
sentences on purpose).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import attrs

from speechast.build import clean_join
from speechast.nodes import Document, Heading, Item, Node, Noise, Section, Span
from speechast.records import flat_meta
from speechast.registry import CLOSERS, LINE_BREAKS, SENTENCE_END
from speechast.tree import articles, children_of, leaves
from speechast.tuning import TUNING

# A sentence ends after one of these and any closing quotes or brackets.
_SENTENCE = re.compile(f"[{SENTENCE_END}]+[{CLOSERS}]*")
# A word of Latin letters or digits is never cut; a surrogate pair neither.
_WORD = re.compile("[A-Za-z0-9\ud800-\udfff]")


@attrs.frozen
class Chunk:
    """A piece of a document for retrieval.

    ``text`` is clean: noise left out, the lines of one paragraph joined,
    each paragraph and heading on its own line unless they share one in the
    source. ``heading_path`` holds the heading (marker and title) of every
    section, item and article the chunk stands in, its own included; ``spans``
    are the source ranges the text comes from, cut only by noise; ``id`` is
    stable: the same file parsed again gives the same ids.
    """

    id: str
    index: int
    text: str
    heading_path: tuple[str, ...]
    title: str | None
    spans: tuple[Span, ...]
    meta: dict[str, Any]


class _Piece(NamedTuple):
    """Source between ``start`` and ``end`` inside the block (paragraph, heading
    or title) that starts at ``block``."""

    block: int
    start: int
    end: int


class _Draft(NamedTuple):
    path: tuple[str, ...]
    pieces: tuple[_Piece, ...]
    # A heading with nothing of its own before its first sub-heading: it goes
    # with what follows it, never with what came before.
    heading_only: bool = False
    # Part of a child that did not fit whole: merged only inside that child.
    sealed: bool = False


@attrs.frozen
class _Limits:
    max_chars: int
    min_chars: int
    overlap: int


def chunks(
    doc: Document,
    text: str,
    *,
    max_chars: int = TUNING.chunk_max_chars,
    min_chars: int = TUNING.chunk_min_chars,
    overlap: int = 0,
    source: str = "",
) -> Iterator[Chunk]:
    """The chunks of ``doc``, parsed from ``text``, in source order.

    ``source`` (a file name, say) goes into the ids, so that chunks of two files
    never share one.
    """
    check_limits(max_chars, min_chars, overlap)
    limits = _Limits(max_chars, min(min_chars, max_chars), min(overlap, max_chars // 2))
    index = 0
    for article, path in _articles(doc):
        meta = flat_meta(article, values_only=True)
        for draft in _Planner(text, limits).plan(article, path):
            body = _render(text, draft.pieces)
            if not body:
                continue
            spans = _spans(text, draft.pieces)
            digest = hashlib.blake2b(
                f"{source}\0{spans[0][0]}\0{body}".encode("utf-8", "surrogatepass"),
                digest_size=8,
            ).hexdigest()
            yield Chunk(digest, index, body, draft.path, article.title, spans, meta)
            index += 1


def check_limits(max_chars: int, min_chars: int, overlap: int) -> None:
    """ValueError unless ``max_chars`` is positive and the others not negative."""
    if max_chars < 1 or min_chars < 0 or overlap < 0:
        raise ValueError("max_chars must be positive, min_chars and overlap not negative")


def _articles(doc: Document) -> Iterator[tuple[Document, tuple[str, ...]]]:
    """The documents to chunk with their paths: the articles of a compilation
    (their title on the path), or the document itself. What a compilation holds
    before its first article is chunked as a document with no article path."""
    found = articles(doc)
    if found == [doc]:
        yield doc, ()
        return
    lead = tuple(child for child in doc.children if not isinstance(child, Document))
    if lead:
        yield attrs.evolve(doc, children=lead), ()
    for article in found:
        yield article, (article.title,) if article.title else ()


def _is_outline(node: Node) -> bool:
    return isinstance(node, Section | Document) or (isinstance(node, Item) and not node.inline)


def _heading(node: Node) -> str | None:
    first = children_of(node)[0] if children_of(node) else None
    if isinstance(node, Section | Item) and isinstance(first, Heading):
        return first.text
    if isinstance(node, Document):
        return node.title
    return None


class _Planner:
    def __init__(self, text: str, limits: _Limits) -> None:
        self.text = text
        self.limits = limits

    def plan(self, node: Node, path: tuple[str, ...]) -> list[_Draft]:
        """The drafts of one outline node: whole while it fits, else its parts."""
        whole = _pieces(node)
        if _size(whole) <= self.limits.max_chars:
            return [_Draft(path, tuple(whole))]
        drafts: list[_Draft] = []
        run: list[Node] = []
        for child in children_of(node):
            if _is_outline(child):
                drafts += self._split(run, path)
                run = []
                heading = _heading(child)
                parts = self.plan(child, (*path, heading) if heading else path)
                drafts += parts if len(parts) == 1 else [p._replace(sealed=True) for p in parts]
            elif not isinstance(child, Noise):
                run.append(child)
        drafts += self._split(run, path)
        return _merge(_heading_forward(drafts, path, self.limits), path, self.limits)

    def _split(self, run: Sequence[Node], path: tuple[str, ...]) -> list[_Draft]:
        """Paragraphs packed into drafts; one too long for a draft is cut at
        sentences. A heading goes with the start of what follows it."""
        units: list[list[_Piece]] = []
        after_heading = False
        for block in run:
            pieces = _pieces(block)
            room = self.limits.max_chars - (_size(units[-1]) if after_heading else 0)
            parts = (
                [pieces]
                if _size(pieces) <= room
                else _sentences(self.text, pieces, self.limits.max_chars)
            )
            if after_heading and _size(units[-1] + parts[0]) <= self.limits.max_chars:
                units[-1] = units[-1] + parts.pop(0)
            units += parts
            after_heading = isinstance(block, Heading)
        heading_only = bool(run) and all(isinstance(block, Heading) for block in run)
        return [_Draft(path, pieces, heading_only) for pieces in _pack(units, self.limits)]


def _pieces(node: Node) -> list[_Piece]:
    """The non-noise source of ``node``, each piece with the block it is in."""
    out: list[_Piece] = []
    _collect(node, out)
    return out


def _collect(node: Node, out: list[_Piece]) -> None:
    if _is_outline(node):
        for child in children_of(node):
            _collect(child, out)
    elif not isinstance(node, Noise):
        block = node.span[0]
        out += (_Piece(block, *leaf.span) for leaf in leaves(node) if not isinstance(leaf, Noise))


def _size(pieces: Sequence[_Piece]) -> int:
    """An upper bound of the rendered length: the pieces' source, and one
    character for each join where noise lies between two pieces."""
    size = 0
    end = -1
    for piece in pieces:
        size += piece.end - piece.start + (piece.start != end)
        end = piece.end
    return size


def _pack(units: list[list[_Piece]], limits: _Limits) -> Iterator[tuple[_Piece, ...]]:
    """Units in order, as many a draft as fit; the next draft repeats the last
    whole units of the one before up to ``overlap`` characters."""
    current: list[list[_Piece]] = []
    for unit in units:
        if current and _size([p for u in current for p in u]) + _size(unit) > limits.max_chars:
            yield tuple(p for u in current for p in u)
            current = _tail(current, limits.overlap)
            while current and _size([p for u in (*current, unit) for p in u]) > limits.max_chars:
                current.pop(0)
        current.append(unit)
    if current:
        yield tuple(p for u in current for p in u)


def _tail(units: list[list[_Piece]], overlap: int) -> list[list[_Piece]]:
    tail: list[list[_Piece]] = []
    for unit in reversed(units):
        if _size([p for u in (unit, *tail) for p in u]) > overlap:
            break
        tail.insert(0, unit)
    return tail


def _sentences(text: str, pieces: list[_Piece], limit: int) -> list[list[_Piece]]:
    """One block's pieces cut after each sentence end, and any sentence still
    longer than ``limit`` cut between words."""
    units: list[list[_Piece]] = []
    current: list[_Piece] = []
    for piece in pieces:
        start = piece.start
        for m in _SENTENCE.finditer(text, piece.start, piece.end):
            current.append(piece._replace(start=start, end=m.end()))
            units.append(current)
            current, start = [], m.end()
        if start < piece.end:
            current.append(piece._replace(start=start))
    if current:
        units.append(current)
    return [part for unit in units for part in _hard_cut(text, unit, limit)]


def _hard_cut(text: str, unit: list[_Piece], limit: int) -> Iterator[list[_Piece]]:
    if _size(unit) <= limit:
        yield unit
        return
    for piece in unit:
        start = piece.start
        while piece.end - start + 1 > limit:
            cut = _word_boundary(text, start, start + limit - 1)
            yield [piece._replace(start=start, end=cut)]
            start = cut
        if start < piece.end:
            yield [piece._replace(start=start)]


def _word_boundary(text: str, start: int, cut: int) -> int:
    """``cut`` moved back until it falls between words; unmoved if the whole
    stretch is one word."""
    pos = cut
    while pos > start and _WORD.match(text, pos - 1) and _WORD.match(text, pos):
        pos -= 1
    return pos if pos > start else cut


def _heading_forward(drafts: list[_Draft], path: tuple[str, ...], limits: _Limits) -> list[_Draft]:
    """A lone heading joined to the draft after it when both fit."""
    if len(drafts) > 1 and drafts[0].heading_only:
        joined = drafts[0].pieces + drafts[1].pieces
        if _size(joined) <= limits.max_chars:
            return [_Draft(path, joined), *drafts[2:]]
    return drafts


def _merge(drafts: list[_Draft], path: tuple[str, ...], limits: _Limits) -> list[_Draft]:
    """Small neighbours joined while they fit; the joined draft keeps the parent's path."""
    out: list[_Draft] = []
    for draft in drafts:
        if out and _small_pair(out[-1], draft, limits):
            out[-1] = _Draft(path, out[-1].pieces + draft.pieces)
        else:
            out.append(draft)
    return out


def _small_pair(a: _Draft, b: _Draft, limits: _Limits) -> bool:
    if a.sealed or b.sealed or b.heading_only:
        return False
    sizes = _size(a.pieces), _size(b.pieces)
    return min(sizes) < limits.min_chars and sum(sizes) <= limits.max_chars


def _render(text: str, pieces: Sequence[_Piece]) -> str:
    """Each paragraph or heading on its own line, as in the source (a heading
    and its body on one line stay on one); a paragraph's pieces joined as its
    clean text is."""
    lines: list[str] = []
    parts: list[str] = []
    last: _Piece | None = None
    for piece in pieces:
        if last is not None and piece.block != last.block and _breaks(text, last, piece):
            lines.append(clean_join(parts))
            parts = []
        parts.append(text[piece.start : piece.end])
        last = piece
    if parts:
        lines.append(clean_join(parts))
    return "\n".join(line for line in lines if line)


def _breaks(text: str, before: _Piece, after: _Piece) -> bool:
    """Whether a line ends in the space between two pieces (theirs included)."""
    if after.start < before.end:  # overlap repeats a piece
        return True
    gap = text[before.start : after.end]
    body = text[before.start : before.end].rstrip()
    gap = gap[len(body) :]
    gap = gap[: len(gap) - len(text[after.start : after.end].lstrip())]
    return any(ch in LINE_BREAKS for ch in gap)


def _spans(text: str, pieces: Sequence[_Piece]) -> tuple[Span, ...]:
    """The pieces' ranges, joined where only space lies between them."""
    spans: list[Span] = []
    for piece in pieces:
        start, end = _trim(text, piece.start, piece.end)
        if start == end:
            continue
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip()) if piece.strip() else start + lead
