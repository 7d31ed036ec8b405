"""Checks every parsed document must pass, shared by the example, seed and property tests."""

from __future__ import annotations

from typing import Any

import jsonschema
import orjson

import speechast
from speechast.tree import children_of, leaves, walk


def check_tree(doc: speechast.Document, text: str, schema: Any | None = None) -> None:
    """Leaves tile the input; children lie in order inside their parent; JSON round-trips."""
    position = 0
    for leaf in leaves(doc):
        start, end = leaf.span
        assert start == position, f"gap or overlap at {position}: leaf {leaf!r}"
        assert end >= start
        position = end
    assert position == len(text)
    assert speechast.source_of(doc, text) == text
    for _, node in walk(doc):
        start, end = node.span
        cursor = start
        for child in children_of(node):
            assert cursor <= child.span[0] <= child.span[1] <= end, (node, child)
            cursor = child.span[1]
    data = speechast.to_json(doc)
    assert speechast.from_json(data) == doc
    if schema is not None:
        jsonschema.validate(orjson.loads(data), schema)
