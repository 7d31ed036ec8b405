"""The outline tree: frozen, slotted attrs classes.

Every node has a ``span`` ``(start, end)`` in code points of the decoded
input. Containers hold ``children`` in source order; the leaves (nodes with
no children) tile the input, so ``source_of`` can rebuild it.
"""

from __future__ import annotations

from typing import Union

import attrs

from speechast.fields import Meta, Span
from speechast.pickling import by_values

__all__ = [
    "Block",
    "Diagnostic",
    "Document",
    "Heading",
    "Item",
    "Marker",
    "Meta",
    "Node",
    "Noise",
    "Paragraph",
    "Section",
    "Span",
    "Text",
    "Title",
]


@attrs.frozen
class Marker:
    """An outline marker as written, with the family and ordinal it was read as."""

    text: str
    family: str
    ordinal: int | None


@attrs.frozen
class Diagnostic:
    """A finding about the outline's numbering (see speechast.diagnostics for the codes)."""

    code: str
    message: str
    span: Span


@attrs.frozen
class Node:
    span: Span


@attrs.frozen
class Text(Node):
    """A run of running text inside a paragraph, heading or inline item."""

    text: str


@attrs.frozen
class Noise(Node):
    """Text that is not part of the document: ads, page numbers, furniture."""

    kind: str
    text: str


@attrs.frozen
class Title(Node):
    """The document's title line; an article's has its 第N篇 marker and its title as children."""

    text: str
    children: tuple[Block, ...] = ()


@attrs.frozen
class Heading(Node):
    """The marker and title (or an item's lead) of a section or item.

    ``text`` is the clean heading text with its marker; ``children`` is empty
    unless noise interrupts the heading.
    """

    text: str
    children: tuple[Block, ...] = ()


@attrs.frozen
class Paragraph(Node):
    """Running text; ``text`` is clean (inline noise cut out, split words joined)."""

    text: str
    children: tuple[Block, ...] = ()


@attrs.frozen
class Item(Node):
    """An enumeration item (一是…, 第一，…, 首先…, ——…).

    ``title`` is its lead clause; ``inline`` items stand inside a paragraph.
    Its first child is its Heading.
    """

    marker: Marker
    title: str
    level: int
    inline: bool
    children: tuple[Block, ...]


@attrs.frozen
class Section(Node):
    """A heading and what it owns until the next heading of its level or above.

    ``marker`` is None for an unnumbered sub-head. Its first child is its Heading.
    """

    marker: Marker | None
    title: str
    level: int
    children: tuple[Block, ...]


@attrs.frozen
class Document(Node):
    """A whole text, or one article of a compilation (``children`` then holds documents).

    ``diagnostics`` are on the root, for the whole text.
    """

    title: str | None
    children: tuple[Block, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    meta: Meta = attrs.field(factory=Meta)
    # How the file was read: its text encoding (None for a str, or a Word document).
    encoding: str | None = None


# The one union of node types, for children and for JSON's tagged union.
Block = Union[Document, Section, Item, Heading, Paragraph, Title, Noise, Text]  # noqa: UP007

by_values(Marker, Diagnostic, Node, Text, Noise, Title, Heading, Paragraph, Item, Section, Document)
