"""Parse tree → nodes: the Transformer that builds the attrs outline tree."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lark import Token, Transformer

from speechast import inline, markers, meta, titles
from speechast import tokens as K
from speechast.fields import Meta
from speechast.nodes import (
    Block,
    Diagnostic,
    Document,
    Heading,
    Item,
    Marker,
    Noise,
    Paragraph,
    Section,
    Span,
    Text,
    Title,
)
from speechast.registry import LINE_BREAKS
from speechast.tokens import FindingToken, LeveledToken

# Token kinds that open a heading without a marker.
# One regex pass, not a list of lines: a title token can carry a megabyte of blank lines.
_SPACE_RUN = re.compile(r"\s+")


def _join_lines(space: re.Match[str]) -> str:
    """Space that holds a line break goes; space inside a line stays."""
    run = space.group()
    return "" if any(ch in LINE_BREAKS for ch in run) else run


_UNMARKED = (K.TEXT, K.TITLE_TEXT, K.SUBHEAD, K.DOC_TITLE)


class _Head(NamedTuple):
    heading: Heading
    marker: Marker | None
    title: str
    level: int


def clean_join(parts: Sequence[str]) -> str:
    """Join text pieces cut apart by noise or line breaks, without their edge spaces.

    Pieces of a word split across lines join directly (各项工 + 作 → 各项工作);
    a space inside a line between two words (第一章 总则) stays as one space,
    one after punctuation (一、<TAB>总体要求) goes.
    """
    out: list[str] = []
    spaced = False
    for part in parts:
        piece = part.strip()
        head = part[: len(part) - len(part.lstrip())]
        spaced = spaced or _inline_space(head)
        if not piece:
            continue
        if out and spaced and out[-1][-1].isalnum() and piece[0].isalnum():
            out.append(" ")
        out.append(piece)
        spaced = _inline_space(part[len(part.rstrip()) :])
    return "".join(out)


def _inline_space(space: str) -> bool:
    """Spaces that separate words on one line (not a line break between pieces)."""
    return bool(space) and not any(ch in LINE_BREAKS for ch in space)


def _span_of(items: Sequence[Token | Block]) -> Span:
    first, last = items[0], items[-1]
    start = first.start_pos if isinstance(first, Token) else first.span[0]
    end = last.end_pos if isinstance(last, Token) else last.span[1]
    return (int(start or 0), int(end or 0))


def _leaf(part: Token | Noise) -> Text | Noise:
    if isinstance(part, Noise):
        return part
    return Text(span=_span_of([part]), text=part.value.strip())


def _text_block(parts: list[Token | Noise]) -> tuple[Span, str, tuple[Text | Noise, ...]]:
    """Span, clean text and (when noise interrupts it) the leaves of a run of text."""
    if len(parts) == 1 and isinstance(parts[0], Token):
        only = parts[0]
        return (int(only.start_pos or 0), int(only.end_pos or 0)), only.value.strip(), ()
    text = clean_join([p.value for p in parts if isinstance(p, Token)])
    children = tuple(_leaf(p) for p in parts) if any(isinstance(p, Noise) for p in parts) else ()
    return _span_of(parts), text, children


class TreeBuilder(Transformer[Token, Document]):
    """Builds nodes bottom-up; used in lark's tree-less mode (``transformer=``)."""

    def start(self, children: list[Block | Diagnostic | _Transmitted]) -> Document:
        nodes = _notice_apart([c for c in children if not isinstance(c, Diagnostic)])
        findings = tuple(c for c in children if isinstance(c, Diagnostic))
        span = _span_of(nodes) if nodes else (0, 0)
        info = meta.extract(nodes)
        return Document(
            span=span,
            title=_title(info, nodes),
            children=tuple(nodes),
            diagnostics=findings,
            meta=info,
        )

    def diagnostic(self, children: list[FindingToken]) -> Diagnostic:
        return children[0].finding

    def article_head(self, children: list[Token | Noise]) -> Title:
        """The 第N篇: line; its title is the text after the article marker."""
        span, _, _ = _text_block(children)
        rest = [c.value for c in children[1:] if isinstance(c, Token)]
        return Title(span=span, text=clean_join(rest), children=tuple(_leaf(c) for c in children))

    def article(self, children: list[Block | _Transmitted]) -> Document | _Transmitted:
        head = children[0]
        if isinstance(head, _Transmitted):
            return _Transmitted(_document([head.node, *children[1:]]))  # type: ignore[list-item]
        return _document(children)  # type: ignore[arg-type]

    def document_title(self, children: list[Token]) -> _Transmitted:
        return _Transmitted(self.title(children))

    def title(self, children: list[Token]) -> Title:
        # a title split over two lines is one title: its lines join without a break
        text = _SPACE_RUN.sub(_join_lines, children[0].value.strip())
        return Title(span=_span_of(children), text=text)

    def noise(self, children: list[Token]) -> Noise:
        token = children[0]
        return Noise(
            span=_span_of(children), kind=K.noise_kind(token.type), text=token.value.strip()
        )

    def paragraph(self, children: list[Token | Noise | Item]) -> Paragraph:
        if not any(isinstance(c, Item) for c in children):
            span, text, leaves = _text_block(children)  # type: ignore[arg-type]
            return Paragraph(span=span, text=text, children=leaves)
        parts: list[Text | Noise | Item] = [
            c if isinstance(c, (Noise, Item)) else _leaf(c) for c in children
        ]
        text = clean_join([t.text for t in _texts(parts)])
        return Paragraph(span=_span_of(parts), text=text, children=tuple(parts))

    def inline_item(self, children: list[Token | Noise]) -> Item:
        marker_token = children[0]
        assert isinstance(marker_token, LeveledToken)
        marker = markers.make_marker(marker_token.type, marker_token.value)
        has_lead = (
            len(children) > 1
            and isinstance(children[1], Token)
            and (children[1].type == K.TITLE_TEXT)
        )
        head_parts = children[: 2 if has_lead else 1]
        span, text, _ = _text_block(head_parts)
        heading = Heading(span=span, text=text)
        lead = head_parts[1].value if has_lead else ""  # type: ignore[union-attr]
        body = tuple(_leaf(c) for c in children[len(head_parts) :])
        if not inline.ends_lead(lead):
            # noise cut the lead short (…三是 / 11、 / 生活上关心，…): read on past it
            lead = inline.first_clause(clean_join([lead, *(t.text for t in _texts(body))]))
        nodes: tuple[Block, ...] = (heading, *body)
        return Item(
            span=_span_of(nodes),
            marker=marker,
            title=titles.clean_title(lead),
            level=marker_token.level,
            inline=True,
            children=nodes,
        )

    def heading(self, children: list[Token | Noise]) -> _Head:
        return _head(children)

    def item_head(self, children: list[Token | Noise]) -> _Head:
        return _head(children)

    def section(self, children: list[_Head | Block]) -> Section:
        level, head, body = _container(children)
        nodes = (head.heading, *body)
        return Section(
            span=_span_of(nodes), marker=head.marker, title=head.title, level=level, children=nodes
        )

    def item(self, children: list[_Head | Block]) -> Item:
        level, head, body = _container(children)
        assert head.marker is not None
        nodes = (head.heading, *body)
        return Item(
            span=_span_of(nodes),
            marker=head.marker,
            title=head.title,
            level=level,
            inline=False,
            children=nodes,
        )


class _Transmitted(NamedTuple):
    """A document transmitted by a notice (or its title, on the way up)."""

    node: Document | Title


def _document(children: Sequence[Block]) -> Document:
    info = meta.extract(children)
    return Document(
        span=_span_of(children), title=_title(info, children), children=tuple(children), meta=info
    )


def _notice_apart(nodes: list[Block | _Transmitted]) -> list[Block]:
    """A notice that transmits a document holds two documents: the notice itself
    and the transmitted one, each a document of the root, as in a compilation."""
    if not any(isinstance(n, _Transmitted) for n in nodes):
        return nodes  # type: ignore[return-value]
    first = next(i for i, n in enumerate(nodes) if isinstance(n, (_Transmitted, Document)))
    notice = [n for n in nodes[:first] if isinstance(n, (Section, Item, Paragraph, Title, Noise))]
    rest = [n.node if isinstance(n, _Transmitted) else n for n in nodes[first:]]
    if not any(not isinstance(n, Noise) for n in notice):
        return [*notice, *rest]
    return [_document(notice), *rest]


def _texts(parts: Sequence[Block]) -> list[Text | Heading]:
    """The text-bearing leaves under ``parts``, in order."""
    out: list[Text | Heading] = []
    for part in parts:
        if isinstance(part, (Text, Heading)):
            out.append(part)
        elif isinstance(part, Item):
            out.extend(_texts(part.children))
    return out


def _head(children: list[Token | Noise]) -> _Head:
    first = children[0]
    assert isinstance(first, LeveledToken)
    marker = None if first.type in _UNMARKED else markers.make_marker(first.family, first.value)
    span, text, leaves = _text_block(children)
    title_parts = [
        c.value for c in children[(0 if marker is None else 1) :] if isinstance(c, Token)
    ]
    heading = Heading(span=span, text=text, children=leaves)
    title = titles.clean_title(clean_join(title_parts))
    return _Head(heading=heading, marker=marker, title=title, level=first.level)


def _container(children: list[_Head | Block]) -> tuple[int, _Head, list[Block]]:
    head, *body = children
    assert isinstance(head, _Head)
    return head.level, head, [b for b in body if not isinstance(b, _Head)]


def _title(info: Meta, children: Sequence[Block]) -> str | None:
    """The title as metadata reads it, else the title line as it stands."""
    if info.title is not None:
        return info.title.value
    for child in children:
        if isinstance(child, Title):
            return child.text or None
    return None
