"""Walking the tree: leaves, source text, and the nodes of the outline."""

from __future__ import annotations

from collections.abc import Iterator

from speechast.nodes import Document, Node


def children_of(node: Node) -> tuple[Node, ...]:
    children: tuple[Node, ...] = getattr(node, "children", ())
    return children


def leaves(node: Node) -> Iterator[Node]:
    """The leaves under ``node`` in source order; for a document they tile the input."""
    kids = children_of(node)
    if not kids:
        yield node
        return
    for child in kids:
        yield from leaves(child)


def source_of(node: Node, text: str) -> str:
    """The source text a node covers, rebuilt from its leaves."""
    return "".join(text[leaf.span[0] : leaf.span[1]] for leaf in leaves(node))


def articles(doc: Document) -> list[Document]:
    """The articles of a compilation, or the document itself: one record each."""
    return [c for c in doc.children if isinstance(c, Document)] or [doc]


def walk(node: Node, depth: int = 0) -> Iterator[tuple[int, Node]]:
    """Every node with its depth, parents before children."""
    yield depth, node
    for child in children_of(node):
        yield from walk(child, depth + 1)
