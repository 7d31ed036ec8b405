"""JSON out and back in: cattrs with a tagged union on ``"type"``, encoded by orjson.

The contract: every node is an object with ``"type"`` and ``"span"``;
containers have ``"children"``; sections and items carry ``"marker"`` (as in
the source) and ``"title"``; the root carries ``"schema_version"``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import orjson
from cattrs.preconf.orjson import OrjsonConverter, make_converter
from cattrs.strategies import configure_tagged_union

from speechast.nodes import Block, Document, Marker

SCHEMA_VERSION = 1
_TYPE = "type"


def type_name(cls: type) -> str:
    return cls.__name__.lower()


@cache
def converter() -> OrjsonConverter:
    # Imported here: reading a marker back needs the grammar's marker shapes.
    from speechast.parser import read_marker

    conv = make_converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(Marker, lambda m: m.text)
    conv.register_structure_hook(Marker, lambda value, _: read_marker(value))
    configure_tagged_union(Block, conv, tag_generator=type_name, tag_name=_TYPE)
    return conv


class SchemaError(ValueError):
    """The JSON is not a speechast document of this schema version."""


def to_dict(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {_TYPE: type_name(Document), "schema_version": SCHEMA_VERSION}
    data.update(converter().unstructure(doc))
    return data


def meta_dict(doc: Document) -> dict[str, Any]:
    """A document's metadata as plain data (JSON-ready)."""
    data: dict[str, Any] = converter().unstructure(doc.meta)
    return data


def to_json(doc: Document) -> bytes:
    return orjson.dumps(to_dict(doc))


def from_json(data: bytes | str) -> Document:
    raw = orjson.loads(data)
    if not isinstance(raw, dict) or raw.pop(_TYPE, None) != type_name(Document):
        raise SchemaError("not a speechast document: the root must have type 'document'")
    version = raw.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        raise SchemaError(f"unsupported schema_version {version!r} (expected {SCHEMA_VERSION})")
    doc: Document = converter().structure(raw, Document)
    return doc
