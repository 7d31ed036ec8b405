"""Nodes pickle as their class and values (speechast.pickling)."""

from __future__ import annotations

import pickle
from types import ModuleType

import attrs
import pytest

from speechast import fields, nodes
from speechast.pickling import by_values


@pytest.mark.parametrize("module", [nodes, fields])
def test_every_node_class_pickles_by_its_own_values(module: ModuleType) -> None:
    # a subclass left out would pickle as its parent, silently
    classes = [c for c in vars(module).values() if isinstance(c, type) and attrs.has(c)]
    assert len(classes) >= 4
    for cls in classes:
        assert "__reduce__" in vars(cls), cls


def test_a_subclass_keeps_its_class_and_extra_fields() -> None:
    date = fields.DateField("2024年3月5日", (3, 13), clean="2024年3月5日", iso="2024-03-05")
    speaker = fields.Speaker("张三 局长", (0, 5), office="局长", name="张三")
    meta = fields.Meta(date=date, speaker=speaker)
    back = pickle.loads(pickle.dumps(meta))
    assert back == meta and type(back.date) is fields.DateField and back.date.iso == "2024-03-05"


def test_a_document_pickles_smaller_than_attrs_own_state() -> None:
    marker = nodes.Marker("一、", "cn_dun", 1)
    heading = nodes.Heading((0, 6), "一、总体要求")
    section = nodes.Section((0, 6), marker, "总体要求", 1, (heading,))
    doc = nodes.Document((0, 6), None, (section,))
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert b"children" not in pickle.dumps(doc)  # values only, not a dict per node


def test_a_class_its_values_cannot_rebuild_is_refused() -> None:
    @attrs.frozen
    class Keyword:
        name: str = attrs.field(kw_only=True)

    with pytest.raises(TypeError, match="Keyword"):
        by_values(Keyword)
