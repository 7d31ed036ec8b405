"""Checks every parsed document must pass, shared by the example, seed and property tests."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
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
    for _, node in walk(doc):
        if isinstance(node, speechast.Document):
            check_meta_spans(node, text)
    data = speechast.to_json(doc)
    assert speechast.from_json(data) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc  # how parse_many's workers send it
    if schema is not None:
        jsonschema.validate(orjson.loads(data), schema)


def check_meta_spans(doc: speechast.Document, text: str) -> None:
    """Every metadata field's text is exactly the source at its span."""
    for name in attrs.fields_dict(type(doc.meta)):
        value = getattr(doc.meta, name)
        if value is not None:
            start, end = value.span
            assert 0 <= start <= end <= len(text), (name, value)
            assert text[start:end] == value.text, (name, value)
            assert value.clean != value.text, (name, value)
