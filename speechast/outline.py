"""The outline as text: one heading or item a line, indented, with line numbers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from speechast.nodes import Document, Heading, Item, Node, Section, Title
from speechast.registry import LINE_BREAKS
from speechast.tree import children_of

_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")


class LineIndex:
    """Code-point offsets → 1-based line numbers (LF, CRLF, bare CR and the Unicode
    line separators all count, as they do for the lexer)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        line = self.line(offset)
        return line, offset - self.starts[line - 1] + 1


def label(node: Section | Item) -> str:
    if node.marker is None:
        return node.title
    marker = node.marker.text
    heading = node.children[0]
    spaced = isinstance(heading, Heading) and heading.text[len(marker) : len(marker) + 1] == " "
    return f"{marker} {node.title}" if spaced else f"{marker}{node.title}"


def outline_lines(doc: Document, text: str) -> Iterator[str]:
    """One line an entry: its line number, or line:column where several entries
    share one physical line (run-on text), then the entry indented by depth."""
    index = LineIndex(text)
    entries = [(index.position(at), depth, body) for at, depth, body in _entries(doc, 0)]
    per_line = Counter(line for (line, _), _, _ in entries)
    places = [f"{line}:{col}" if per_line[line] > 1 else str(line) for (line, col), _, _ in entries]
    width = max((len(p) for p in places), default=1)
    for place, (_, depth, body) in zip(places, entries, strict=True):
        yield f"{place:>{width}}  {'  ' * depth}{body}"


def _entries(node: Node, depth: int) -> Iterator[tuple[int, int, str]]:
    """(start offset, depth, text) of each title, section and item."""
    for child in children_of(node):
        if isinstance(child, Title):
            heading = "##" if isinstance(node, Document) and depth else "#"
            at, title = child.span[0], child.text
            if isinstance(node, Document) and node.meta.title is not None:
                at, title = node.meta.title.span[0], node.meta.title.value
            yield at, max(depth - 1, 0), f"{heading} {title}"
        elif isinstance(child, Document):
            yield from _entries(child, depth + 1)
        elif isinstance(child, (Section, Item)):
            inline = isinstance(child, Item) and child.inline
            yield child.span[0], depth, ("…" if inline else "") + label(child)
            yield from _entries(child, depth + 1)
        else:
            yield from _entries(child, depth)


def render(doc: Document, text: str) -> str:
    return "".join(f"{line}\n" for line in outline_lines(doc, text))
