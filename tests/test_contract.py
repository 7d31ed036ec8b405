"""The JSON contract: to_json carries any parsed text, from_json takes only what the
schema allows, and every refusal is one SchemaError (a ValueError) with a path."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

import speechast
from speechast.api import read_source
from speechast.contract import MAX_DEPTH, SchemaError
from speechast.nodes import Heading, Section
from tests.conftest import ROOT

TEXT = (
    "在全市工作会议上的讲话\n一、总体要求\n内容。\n——加强领导；\n——改进作风。\n"
    "二、工作措施\n增长-2-了。\n"
)


def _good() -> dict[str, Any]:
    doc = speechast.parse(TEXT)
    data: dict[str, Any] = orjson.loads(speechast.to_json(doc))
    return data


def _section(data: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in data["children"] if c["type"] == "section")


def _noise(data: dict[str, Any]) -> dict[str, Any]:
    stack = [data]
    while stack:
        node = stack.pop()
        if node.get("type") == "noise":
            return node
        stack.extend(node.get("children", []))
    raise AssertionError("no noise node")


BREAKS: dict[str, Callable[[dict[str, Any]], object]] = {
    "level as a string": lambda d: _section(d).update(level="1"),
    "level as a float": lambda d: _section(d).update(level=1.7),
    "level as a bool": lambda d: _section(d).update(level=True),
    "level 0": lambda d: _section(d).update(level=0),
    "negative span": lambda d: _section(d).update(span=[-1, 5]),
    "reversed span": lambda d: _section(d).update(span=[9, 5]),
    "float span": lambda d: _section(d).update(span=[0.9, 5.9]),
    "huge float span": lambda d: _section(d).update(span=[0, 1e30]),
    "unknown noise kind": lambda d: _noise(d).update(kind="weird"),
    "unknown code": lambda d: d["diagnostics"].append(
        {"code": "ZZ", "message": "", "span": [0, 0]}
    ),
    "schema_version 1.0": lambda d: d.update(schema_version=1.0),
    "missing meta": lambda d: d.pop("meta"),
    "unknown field": lambda d: _section(d).update(colour="red"),
    "unknown node type": lambda d: d["children"].append({"type": "table", "span": [0, 0]}),
    "bad marker": lambda d: _section(d).update(marker="甲、"),
    "title not a string": lambda d: _section(d).update(title=3),
}


@pytest.mark.parametrize("name", list(BREAKS))
def test_from_json_refuses_what_the_schema_forbids(name: str, schema: Any) -> None:
    data = _good()
    BREAKS[name](data)
    with pytest.raises(SchemaError) as caught:
        speechast.from_json(orjson.dumps(data))
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith("$")
    # beyond what JSON Schema says: marker shapes, start <= end, and 1.0 versus 1
    if name not in ("bad marker", "reversed span", "huge float span", "schema_version 1.0"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)


def test_a_refusal_names_the_path() -> None:
    data = _good()
    _section(data)["children"][0]["span"] = [3, 1]
    with pytest.raises(SchemaError, match=r"^\$\.children\[\d+\]\.children\[0\]\.span: "):
        speechast.from_json(orjson.dumps(data))


@pytest.mark.parametrize("data", [b"", b"nope", b"[1, 2]", b'{"type": "section"}', "\ud800"])
def test_not_a_document_is_a_schema_error(data: bytes | str) -> None:
    with pytest.raises(SchemaError):
        speechast.from_json(data)


@pytest.mark.parametrize("text", ["\ud800", "标题\udfff\n一、甲\n二、乙\n", "\udc80\ud800"])
def test_lone_surrogates_go_out_and_come_back(text: str) -> None:
    doc = speechast.parse(text)
    data = speechast.to_json(doc)
    assert speechast.from_json(data) == doc
    assert speechast.from_json(data.decode("utf-8", "surrogatepass")) == doc


def _deep(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {
        "type": "section", "span": [0, 0], "marker": None, "title": "", "level": depth,
        "children": [],
    }  # fmt: skip
    for level in range(depth - 1, 0, -1):
        node = {**copy.copy(node), "level": level, "children": [node]}
    return node


def _deep_json(depth: int) -> bytes:
    """A document with sections nested ``depth`` deep, written without recursion."""
    head = '{"type":"section","span":[0,0],"marker":null,"title":"","level":1,"children":['
    meta = orjson.dumps(_good()["meta"]).decode()
    return (
        '{"type":"document","schema_version":1,"span":[0,0],"title":null,"diagnostics":[],'
        f'"meta":{meta},"children":[' + head * depth + "]}" * depth + "]}"
    ).encode()


@pytest.mark.parametrize("depth", [150, 500])
def test_deep_nesting_is_refused_without_recursion(depth: int) -> None:
    with pytest.raises(SchemaError, match=f"deeper than {MAX_DEPTH}"):
        speechast.from_json(_deep_json(depth))


def test_nesting_past_what_a_json_reader_takes_is_a_schema_error() -> None:
    with pytest.raises(SchemaError):
        speechast.from_json(_deep_json(100_000))


def test_nesting_below_the_cap_round_trips() -> None:
    data = _good()
    data["children"] = [_deep(MAX_DEPTH - 2)]
    doc = speechast.from_json(orjson.dumps(data))
    assert speechast.from_json(speechast.to_json(doc)) == doc


def test_to_json_of_a_too_deep_tree_is_a_schema_error() -> None:
    node: Section = Section(span=(0, 0), marker=None, title="", level=1, children=())
    for _ in range(MAX_DEPTH + 5):
        node = Section(
            span=(0, 0),
            marker=None,
            title="",
            level=1,
            children=(Heading(span=(0, 0), text=""), node),
        )
    doc = speechast.Document(span=(0, 0), title=None, children=(node,))
    with pytest.raises(SchemaError, match="deeper than"):
        speechast.to_json(doc)


def test_the_schema_validates_in_linear_time(schema: Any) -> None:
    # 17 levels took over 200 s when every oneOf branch validated the children
    data = _good()
    data["children"] = [_deep(30)]
    start = time.process_time()
    jsonschema.validate(data, schema)
    assert time.process_time() - start < 2.0


SHARED_TEXTS = sorted((ROOT.parent / "shared").glob("*/*.txt"))


@pytest.mark.parametrize("path", SHARED_TEXTS, ids=[p.name[:24] for p in SHARED_TEXTS])
def test_every_real_document_validates_quickly(path: Path, schema: Any) -> None:
    data = orjson.loads(speechast.to_json(speechast.parse(read_source(str(path)).text)))
    start = time.process_time()
    jsonschema.validate(data, schema)
    assert time.process_time() - start < 1.0


def test_surrogates_that_would_pair_stay_two_code_points() -> None:
    # noise cut out between a high and a low surrogate joins them in the clean text
    text = "一、总体\n内容\ud800第3页 共10页\udfff。\n二、措施\n"
    doc = speechast.parse(text)
    assert "\ud800\udfff" in speechast.pretty(doc, width=200)
    assert speechast.from_json(speechast.to_json(doc)) == doc
