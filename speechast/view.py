"""An HTML page of a document: its outline tree beside its source text.

The page is one self-contained file (styles and script inline, nothing
fetched). Python builds a view model of plain values; the Jinja template,
with autoescaping on, writes every character of the input as text, and a
Content-Security-Policy that admits only the page's own script (by its hash)
stops any script the input might carry even if it were not escaped.
"""

from __future__ import annotations

import base64
import hashlib
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any

import attrs
import jinja2

from speechast import registry
from speechast.nodes import (
    Diagnostic,
    Document,
    Item,
    Node,
    Noise,
    Paragraph,
    Section,
    Title,
)
from speechast.tree import children_of


@attrs.frozen
class Run:
    """Source text inside a box; ``diagnostic`` is the finding it is part of."""

    text: str
    diagnostic: str | None = None


@attrs.frozen
class Box:
    """A node's source: ``id`` for the outline's links, ``cls`` for its style,
    ``kind`` a label shown on noise and ``tip`` on hover."""

    cls: str
    parts: tuple[Box | Run, ...]
    id: str | None = None
    kind: str | None = None
    tip: str | None = None


@attrs.frozen
class Entry:
    """An outline entry: a section, an item (``inline`` inside a paragraph) or an article."""

    target: str
    label: str
    cls: str
    entries: tuple[Entry, ...]


class _Findings:
    """Diagnostics by position, for cutting leaves at their edges."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        spans = sorted((d.span[0], d.span[1], f"{d.code} {d.message}") for d in diagnostics)
        self.spans = spans
        self.starts = [s for s, _, _ in spans]
        self.edges = sorted({edge for s, e, _ in spans for edge in (s, e)})

    def runs(self, text: str, start: int, end: int) -> Iterator[Run]:
        """The source between ``start`` and ``end``, cut where a finding starts or ends."""
        cuts = self.edges[bisect_right(self.edges, start) : bisect_right(self.edges, end - 1)]
        for a, b in zip([start, *cuts], [*cuts, end], strict=True):
            if a < b:
                yield Run(text[a:b], self._at(a))

    def _at(self, pos: int) -> str | None:
        index = bisect_right(self.starts, pos) - 1
        if index >= 0 and self.spans[index][1] > pos:
            return self.spans[index][2]
        return None


class _Builder:
    def __init__(self, doc: Document, text: str) -> None:
        self.text = text
        self.findings = _Findings(doc.diagnostics)

    def box(self, node: Node) -> Box:
        cls, kind, tip = _style(node)
        kids = children_of(node)
        if kids:
            parts: tuple[Box | Run, ...] = tuple(self.box(child) for child in kids)
        else:
            parts = tuple(self.findings.runs(self.text, *node.span))
        return Box(cls, parts, _anchor(node), kind, tip)

    def entries(self, node: Node) -> tuple[Entry, ...]:
        out: list[Entry] = []
        for child in children_of(node):
            if isinstance(child, Section | Item) or (
                isinstance(child, Document) and child is not node
            ):
                entry = Entry(
                    _anchor(child) or "", _label(child), _entry_class(child), self.entries(child)
                )
                out.append(entry)
            elif isinstance(child, Paragraph):
                out += self.entries(child)  # inline items
        return tuple(out)


def _anchor(node: Node) -> str | None:
    """The id of the element an outline entry scrolls to. Its span and kind
    name it: an article and its first section can start at one offset, but
    not end at one as well."""
    if isinstance(node, Section | Item | Document):
        return f"{type(node).__name__[0].lower()}{node.span[0]}-{node.span[1]}"
    return None


def _label(node: Node) -> str:
    if isinstance(node, Document):
        return node.title or "(untitled)"
    if isinstance(node, Section | Item):
        marker = node.marker.text if node.marker else ""
        return f"{marker}{node.title}"
    return ""


def _family(node: Node) -> str:
    marker = getattr(node, "marker", None)
    return "fam-" + (marker.family if marker is not None else "none")


def _outline_class(node: Section | Item) -> str:
    """Kind, level and marker family: the classes an entry and its source share."""
    if isinstance(node, Item):
        return f"item {'inline ' if node.inline else ''}{_family(node)}"
    return f"section level-{min(node.level, 6)} {_family(node)}"


def _entry_class(node: Node) -> str:
    return _outline_class(node) if isinstance(node, Section | Item) else "article"


def _style(node: Node) -> tuple[str, str | None, str | None]:
    """Class, label and hover text of a node's box."""
    if isinstance(node, Noise):
        return "noise", node.kind, f"noise: {node.kind}"
    if isinstance(node, Item):
        return _outline_class(node), None, f"item, level {node.level}"
    if isinstance(node, Section):
        return _outline_class(node), None, None
    if isinstance(node, Title):
        return "title", None, "title"
    return type(node).__name__.lower(), None, None


# The page's own script: it is hashed into the Content-Security-Policy.
_SCRIPT = "view.js"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("speechast", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def _script() -> tuple[str, str]:
    script = resources.files("speechast").joinpath("templates", _SCRIPT).read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


def _families() -> list[tuple[str, int]]:
    """Each marker family with a hue of its own, evenly round the colour wheel."""
    names = [family.name for family in registry.FAMILIES]
    return [(name, round(number * 360 / len(names))) for number, name in enumerate(names)]


def render_html(doc: Document, text: str, name: str = "") -> str:
    """The page of ``doc`` parsed from ``text``; ``name`` is shown as its source."""
    builder = _Builder(doc, text)
    script, digest = _script()
    meta: dict[str, Any] = {
        "title": doc.meta.title.value if doc.meta.title else doc.title,
        "speaker": doc.meta.speaker.value if doc.meta.speaker else None,
        "date": doc.meta.date.value if doc.meta.date else None,
        "occasion": doc.meta.occasion.value if doc.meta.occasion else None,
    }
    return (
        _environment()
        .get_template("view.html.j2")
        .render(
            name=name,
            meta=meta,
            entries=builder.entries(doc),
            source=builder.box(doc),
            diagnostics=[(d.code, d.message) for d in doc.diagnostics],
            families=_families(),
            script=script,
            script_hash=digest,
        )
    )
