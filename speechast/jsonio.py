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
import json.scanner
import re
import typing

import attrs
import orjson
from cattrs.preconf.orjson import OrjsonConverter, make_converter
from cattrs.strategies import configure_tagged_union

from speechast import contract, gcpause
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


def _check_depth(doc: Document) -> None:
    if contract.depth_of(doc.children) >= contract.MAX_DEPTH:
        raise SchemaError(f"$: nested deeper than {contract.MAX_DEPTH} levels")


def to_dict(doc: Document) -> dict[str, Any]:
    _check_depth(doc)
    data: dict[str, Any] = {_TYPE: type_name(Document), "schema_version": SCHEMA_VERSION}
    data.update(converter().unstructure(doc))
    return data


def meta_dict(doc: Document) -> dict[str, Any]:
    """A document's metadata as plain data (JSON-ready)."""
    data: dict[str, Any] = converter().unstructure(doc.meta)
    return data


def to_json(doc: Document, indent: bool = False) -> bytes:
    """The document as JSON (UTF-8), indented by two spaces if asked. Text that
    holds lone surrogates, which UTF-8 cannot carry, is written with \\u escapes.

    orjson walks the nodes themselves, asking ``_node`` for one node's fields at
    a time: the bytes are ``to_dict``'s, without a dict of the whole tree beside
    the tree (two to three times the input in memory).
    """
    _check_depth(doc)
    root = {_TYPE: type_name(Document), "schema_version": SCHEMA_VERSION, **_fields(doc)}
    option = orjson.OPT_INDENT_2 if indent else None
    with gcpause.paused():
        try:
            return orjson.dumps(root, default=_node, option=option)
        except TypeError:  # str is not valid UTF-8: surrogates not allowed
            return _dumps_surrogates(to_dict(doc), indent)


# Each node class's field names in order, read once.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields(node: attrs.AttrsInstance) -> dict[str, Any]:
    cls = type(node)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return {name: getattr(node, name) for name in names}


_BLOCKS = frozenset(typing.get_args(Block))


def _node(value: Any) -> Any:
    """One node (or metadata field) as the converter lays it out: its fields in
    order, the tagged union's ``"type"`` last; a marker as its text."""
    if isinstance(value, Marker):
        return value.text
    if not attrs.has(type(value)):
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
    data = _fields(value)
    if type(value) in _BLOCKS:
        data[_TYPE] = type_name(type(value))
    return data


def dumps(data: Any, indent: bool = False) -> bytes:
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else None)
    except TypeError:  # str is not valid UTF-8: surrogates not allowed
        return _dumps_surrogates(data, indent)


# Code points UTF-8 cannot carry; JSON carries them as \u escapes.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A document holding them says so: its reader must then keep two escaped
# surrogates as two code points, where JSON would read the pair as one character.
SURROGATES = "surrogates"


def _dumps_surrogates(data: Any, indent: bool) -> bytes:
    if isinstance(data, dict) and data.get(_TYPE) == type_name(Document):
        data = {**data, SURROGATES: True}
    if indent:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


def from_json(data: bytes | str) -> Document:
    """The document read back; SchemaError (a ValueError) names what breaks the contract."""
    raw = _loads(data)
    if type(raw) is not dict or raw.pop(_TYPE, None) != type_name(Document):
        raise SchemaError("$: not a speechast document: the root must have type 'document'")
    if raw.pop(SURROGATES, False) is True:
        raw = _loads_keeping_surrogates(data)
        raw.pop(_TYPE, None)
        raw.pop(SURROGATES, None)
    version = raw.pop("schema_version", None)
    if type(version) is not int or version != SCHEMA_VERSION:
        raise SchemaError(f"$.schema_version: unsupported {version!r} (expected {SCHEMA_VERSION})")
    contract.check_document(raw)
    try:
        with gcpause.paused():
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


_STRING_CHUNK = re.compile(r'(.*?)(["\\\x00-\x1f])', re.DOTALL)
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX4 = re.compile("[0-9a-fA-F]{4}")


def _scanstring(s: str, end: int, strict: bool = True) -> tuple[str, int]:
    """A JSON string whose \\u escapes each stay one code point (no pairing)."""
    chunks: list[str] = []
    begin = end - 1
    while True:
        m = _STRING_CHUNK.match(s, end)
        if m is None:
            raise json.JSONDecodeError("Unterminated string starting at", s, begin)
        end = m.end()
        content, terminator = m.groups()
        chunks.append(content)
        if terminator == '"':
            return "".join(chunks), end
        if terminator != "\\":
            raise json.JSONDecodeError("Invalid control character at", s, end)
        escape = s[end : end + 1]
        if escape == "u" and _HEX4.fullmatch(s, end + 1, end + 5):
            chunks.append(chr(int(s[end + 1 : end + 5], 16)))
            end += 5
        elif escape in _ESCAPES:
            chunks.append(_ESCAPES[escape])
            end += 1
        else:
            raise json.JSONDecodeError("Invalid \\escape", s, end)


def _loads_keeping_surrogates(data: bytes | str) -> dict[str, Any]:
    decoder = json.JSONDecoder()
    decoder.parse_string = _scanstring  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    text = data.decode("utf-8", "surrogatepass") if isinstance(data, bytes) else data
    try:
        raw: dict[str, Any] = decoder.decode(text)
    except (ValueError, RecursionError) as exc:
        raise SchemaError(f"$: not JSON ({exc})") from None
    return raw


def _first_cause(exc: BaseException) -> str:
    """The innermost message of a cattrs error group."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return str(exc)
