"""A plain dump of the whole tree: every node a line, indented, with kinds and levels.

Unlike the outline (headings and items only), it shows paragraphs, noise and
their kinds, titles and findings: what rule fixtures pin. Texts longer than
``width`` are cut with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Iterator

from speechast.nodes import (
    Document,
    Heading,
    Item,
    Node,
    Noise,
    Paragraph,
    Section,
    Text,
    Title,
)
from speechast.tree import children_of

WIDTH = 30


def pretty(doc: Document, width: int = WIDTH) -> str:
    lines = list(_lines(doc, 0, width))
    lines += [f"! {d.code} {d.message}" for d in doc.diagnostics]
    return "".join(f"{line}\n" for line in lines)


def _cut(text: str, width: int) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[: width - 1] + "…"


def _label(node: Node, width: int) -> str | None:
    """The node's line, or None for nodes the dump folds into their parent."""
    match node:
        case Document():
            return f"document {_cut(node.title or '-', width)}"
        case Title():
            return f"title {_cut(node.text, width)}"
        case Section():
            marker = node.marker.text if node.marker else "-"
            return f"section {node.level} {marker} {_cut(node.title, width)}"
        case Item():
            kind = "iitem" if node.inline else "item"
            return f"{kind} {node.level} {node.marker.text} {_cut(node.title, width)}"
        case Paragraph():
            return f"paragraph {_cut(node.text, width)}"
        case Noise():
            return f"noise:{node.kind} {_cut(node.text, width)}"
        case Heading() | Text():
            return None
    return type(node).__name__.lower()


def _lines(node: Node, depth: int, width: int) -> Iterator[str]:
    label = _label(node, width)
    if label is None:  # a heading or a text run: only the noise inside it shows
        for child in children_of(node):
            if isinstance(child, Noise):
                yield "  " * depth + str(_label(child, width))
        return
    yield "  " * depth + label
    for child in children_of(node):
        yield from _lines(child, depth + 1, width)
