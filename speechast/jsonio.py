"""JSON out and back in: cattrs with a tagged union on ``"type"``, encoded by orjson.

The contract: every node is an object with ``"type"`` and ``"span"``;
containers have ``"children"``; sections and items carry ``"marker"`` (as in
the source) and ``"title"``; the root carries ``"schema_version"``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["SchemaError", "dumps", "from_json", "meta_dict", "to_dict", "to_json"]

import json
import re

import orjson
from cattrs.preconf.orjson import OrjsonConverter, make_converter
from cattrs.strategies import configure_tagged_union

from speechast import contract
from speechast.contract import SchemaError
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


def to_dict(doc: Document) -> dict[str, Any]:
    if contract.depth_of(doc.children) >= contract.MAX_DEPTH:
        raise SchemaError(f"$: nested deeper than {contract.MAX_DEPTH} levels")
    data: dict[str, Any] = {_TYPE: type_name(Document), "schema_version": SCHEMA_VERSION}
    data.update(converter().unstructure(doc))
    return data


def meta_dict(doc: Document) -> dict[str, Any]:
    """A document's metadata as plain data (JSON-ready)."""
    data: dict[str, Any] = converter().unstructure(doc.meta)
    return data


def to_json(doc: Document) -> bytes:
    """The document as JSON (UTF-8). Text that holds lone surrogates, which UTF-8
    cannot carry, is written with \\u escapes instead."""
    return dumps(to_dict(doc))


def dumps(data: Any) -> bytes:
    try:
        return orjson.dumps(data)
    except TypeError:  # str is not valid UTF-8: surrogates not allowed
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


# Code points UTF-8 cannot carry; JSON carries them as \u escapes. (A high one
# right before a low one reads back as the one character the pair encodes:
# JSON cannot tell the two apart.)
_SURROGATE = re.compile("[\ud800-\udfff]")


def from_json(data: bytes | str) -> Document:
    """The document read back; SchemaError (a ValueError) names what breaks the contract."""
    raw = _loads(data)
    if type(raw) is not dict or raw.pop(_TYPE, None) != type_name(Document):
        raise SchemaError("$: not a speechast document: the root must have type 'document'")
    version = raw.pop("schema_version", None)
    if type(version) is not int or version != SCHEMA_VERSION:
        raise SchemaError(f"$.schema_version: unsupported {version!r} (expected {SCHEMA_VERSION})")
    contract.check_document(raw)
    try:
        doc: Document = converter().structure(raw, Document)
    except Exception as exc:  # a marker no family reads: one error type for the caller
        raise SchemaError(f"$: {_first_cause(exc)}") from None
    return doc


def _loads(data: bytes | str) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass  # orjson refuses escaped lone surrogates, which JSON allows
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise SchemaError(f"$: not JSON ({exc})") from None


def _first_cause(exc: BaseException) -> str:
    """The innermost message of a cattrs error group."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return str(exc)
