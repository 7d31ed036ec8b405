"""Properties on any text: parse never raises, spans nest and tile, metadata spans
cover their text, JSON round-trips and keeps the schema. The texts draw on every
Unicode category, lone surrogates and line separators included."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speechast
from speechast.jsonio import dumps
from tests.helpers import check_tree

# Fragments that look like markers, noise and furniture, glued at random.
FRAGMENTS = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "(二)",
    "（二)",
    "1.",
    "2、",
    "3．",
    "（1）",
    "⑵",
    "①",
    "②",
    "第一章",
    "第二节",
    "第三条",
    "第1篇:",
    "第一，",
    "第二、",
    "一是",
    "二是",
    "一要",
    "二要",
    "一问",
    "首先，",
    "其次，",
    "最后，",
    "一方面",
    "另一方面",
    "——",
    "-3-",
    "— 4 —",
    "第3页 共10页",
    "当前位置:首页 > 文档 > ",
    "https://example.com/a",
    "仅供学习",
    ">",
    "#",
    "<!-- c -->",
    "同志们：",
    "各位委员，同志们，",
    "增长3.5%",
    "第一次",
    "。",
    "，",
    "；",
    "：",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u3000\u3000",
    "在会议上的讲话",
    "工作",
    "落实",
    "2018年",
    "\ufeff",
    "\x00",
    "abc",
    "各项工",
    "作取得了",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1e",
    "\u200b",
    "\ud800",
    "\udfff",
    "第3页 共10页",
    "**",
    "![](a.png)",
    "[链接](https://e.cn)",
    "```\n",
    "附件：",
    "目录",
    "本作品",
    "Public domain",
    "关于印发《某办法》的通知",
    "某办法",
    "“第一条，",
]

# Every code point, surrogates and separators included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())

MARKER_CHARS = "一二三是要问第、，。\n()（）1."

texts = st.one_of(
    st.text(alphabet=ANY_CHAR, max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=MARKER_CHARS, max_size=6)),
        max_size=120,
    ).map("".join),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parse_never_raises_and_tree_is_sound(text: str) -> None:
    check_tree(speechast.parse(text), text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_json_keeps_the_schema(text: str, schema: Any) -> None:
    # orjson refuses the escapes of lone surrogates; the standard reader takes them
    jsonschema.validate(json.loads(speechast.to_json(speechast.parse(text))), schema)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, indent=st.booleans())
def test_to_json_writes_the_converters_layout(text: str, indent: bool) -> None:
    # to_json walks the nodes with orjson; to_dict is cattrs': the bytes must agree.
    doc = speechast.parse(text)
    assert speechast.to_json(doc, indent) == dumps(speechast.to_dict(doc), indent)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=50, max_size=400).map("".join))
def test_run_on_text_of_marker_fragments_tiles(text: str) -> None:
    # Long lines without breaks go through the run-on splitter.
    text = text.replace("\n", "")
    check_tree(speechast.parse(text), text)


def test_the_fuzz_runner_finds_nothing_on_a_short_run() -> None:
    from benchmarks import fuzz

    lines: list[str] = []
    assert fuzz.run(300, seed=3, report=lines.append) == 0
    assert lines[0].startswith("300 inputs, no failure")
