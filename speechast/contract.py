"""The JSON contract, checked before a document is read back: exact types, spans
``0 <= start <= end``, known node types, noise kinds and finding codes, required
fields, and a depth cap. Iterative, so depth costs no recursion; every failure
is one :class:`SchemaError` naming the path to the offending value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from speechast import diagnostics
from speechast import tokens as K

# Far above any real outline (a few levels per marker family, about twenty
# families), and low enough for the recursive encoders on either side.
MAX_DEPTH = 100

NOISE_KINDS = frozenset(K.noise_kind(t) for t in K.NOISE_KINDS)
CODES = frozenset(diagnostics.CODES)


class SchemaError(ValueError):
    """The JSON is not a speechast document of this schema version."""


Check = Callable[[Any, str], None]


def _fail(path: str, what: str) -> SchemaError:
    return SchemaError(f"{path}: {what}")


def _int(value: Any, path: str) -> None:
    if type(value) is not int:
        raise _fail(path, f"expected an integer, got {value!r}")


def _level(value: Any, path: str) -> None:
    _int(value, path)
    if value < 1:
        raise _fail(path, f"a level is at least 1, got {value}")


def _str(value: Any, path: str) -> None:
    if type(value) is not str:
        raise _fail(path, f"expected a string, got {value!r}")


def _str_or_null(value: Any, path: str) -> None:
    if value is not None:
        _str(value, path)


def _bool(value: Any, path: str) -> None:
    if type(value) is not bool:
        raise _fail(path, f"expected true or false, got {value!r}")


def _span(value: Any, path: str) -> None:
    if type(value) is not list or len(value) != 2:
        raise _fail(path, f"a span is [start, end], got {value!r}")
    _int(value[0], f"{path}[0]")
    _int(value[1], f"{path}[1]")
    if not 0 <= value[0] <= value[1]:
        raise _fail(path, f"a span needs 0 <= start <= end, got {value!r}")


def _kind(value: Any, path: str) -> None:
    if value not in NOISE_KINDS:
        raise _fail(path, f"unknown noise kind {value!r}")


def _array(value: Any, path: str) -> None:
    if type(value) is not list:
        raise _fail(path, f"expected an array, got {value!r}")


def _field(extra: dict[str, Check]) -> Check:
    fields = {"text": _str, "span": _span, "placeholder": _bool, "clean": _str_or_null, **extra}
    required = set(fields) - {"clean"}

    def check(value: Any, path: str) -> None:
        if value is not None:
            _object(value, path, fields, required)

    return check


_META: dict[str, Check] = {
    name: _field({}) for name in ("title", "subtitle", "occasion", "salutation", "intro", "closing")
}
_META["speaker"] = _field({"office": _str_or_null, "name": _str_or_null})
_META["date"] = _field({"iso": _str_or_null})


def _meta(value: Any, path: str) -> None:
    _object(value, path, _META, set(_META))


_DIAGNOSTIC: dict[str, Check] = {"code": lambda v, p: _code(v, p), "message": _str, "span": _span}


def _code(value: Any, path: str) -> None:
    if value not in CODES:
        raise _fail(path, f"unknown finding code {value!r}")


def _diagnostics(value: Any, path: str) -> None:
    _array(value, path)
    for i, finding in enumerate(value):
        _object(finding, f"{path}[{i}]", _DIAGNOSTIC, set(_DIAGNOSTIC))


# The fields of each node type (children are walked separately) and which are required.
_NODES: dict[str, tuple[dict[str, Check], set[str]]] = {
    "document": (
        {"span": _span, "title": _str_or_null, "children": _array, "diagnostics": _diagnostics,
         "meta": _meta, "encoding": _str_or_null},
        {"span", "title", "children", "diagnostics", "meta"},
    ),
    "section": (
        {"span": _span, "marker": _str_or_null, "title": _str, "level": _level,
         "children": _array},
        {"span", "marker", "title", "level", "children"},
    ),
    "item": (
        {"span": _span, "marker": _str, "title": _str, "level": _level, "inline": _bool,
         "children": _array},
        {"span", "marker", "title", "level", "inline", "children"},
    ),
    "heading": ({"span": _span, "text": _str, "children": _array}, {"span", "text", "children"}),
    "paragraph": ({"span": _span, "text": _str, "children": _array}, {"span", "text", "children"}),
    "title": ({"span": _span, "text": _str, "children": _array}, {"span", "text"}),
    "noise": ({"span": _span, "kind": _kind, "text": _str}, {"span", "kind", "text"}),
    "text": ({"span": _span, "text": _str}, {"span", "text"}),
}  # fmt: skip


def _object(value: Any, path: str, fields: dict[str, Check], required: set[str]) -> None:
    if type(value) is not dict:
        raise _fail(path, f"expected an object, got {value!r}")
    missing = required - value.keys()
    if missing:
        raise _fail(path, f"missing {', '.join(sorted(missing))}")
    for key, item in value.items():
        check = fields.get(key)
        if check is None:
            raise _fail(path, f"unknown field {key!r}")
        check(item, f"{path}.{key}")


def check_document(raw: Any) -> None:
    """Raise SchemaError unless ``raw`` (the root without type and schema_version)
    and every node under it keep the contract."""
    stack: list[tuple[Any, str, str, int]] = [(raw, "$", "document", 1)]
    while stack:
        node, path, kind, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _fail(path, f"nested deeper than {MAX_DEPTH} levels")
        fields, required = _NODES[kind]
        _object(node, path, {"type": _str, **fields}, required)
        for i, child in enumerate(node.get("children", ())):
            child_path = f"{path}.children[{i}]"
            child_kind = child.get("type") if type(child) is dict else None
            if child_kind not in _NODES:
                raise _fail(child_path, f"unknown node type {child_kind!r}")
            stack.append((child, child_path, child_kind, depth + 1))


def depth_of(children: tuple[Any, ...]) -> int:
    """How deep a tree of nodes goes (iteratively)."""
    deepest = 0
    stack = [(child, 1) for child in children]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in getattr(node, "children", ()))
    return deepest
