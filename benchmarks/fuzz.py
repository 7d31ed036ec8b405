"""Fuzz the parser and the JSON contract on demand (CI runs the same properties on
a few thousand inputs in tests/test_properties.py).

usage: python benchmarks/fuzz.py [--examples N] [--seed S] [--atheris]

Each input is checked as the properties check it: parse never raises; leaves tile
the input; children nest in order; every metadata span covers exactly its text;
to_json works and from_json gives the same document back. Inputs mix every
Unicode code point, surrogates and line separators included, with fragments of
markers, noise and furniture.
With --atheris (when atheris is installed) the inputs come from its
coverage-guided mutator instead. The first failing input is printed and the
exit status is 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

import speechast
from speechast.tree import children_of, leaves, walk

FRAGMENTS = [
    "一、", "二、", "（一）", "(二)", "1.", "2、", "（1）", "⑵", "①", "第一章", "第三条", "第1篇:",
    "第一，", "第二、", "一是", "二是", "一要", "首先，", "其次，", "最后，", "——", "-3-", "— 4 —",
    "第3页 共10页", "当前位置:首页 > 文档 > ", "https://e.cn/a", "仅供学习", ">", "#", "##", "**",
    "<!-- c -->", "```\n", "![](a.png)", "[链接](https://e.cn)", "同志们：", "各位委员，同志们，",
    "增长3.5%", "第一次", "。", "，", "；", "：", "\n", "\r\n", "\r", " ", "\t", "\u3000\u3000",
    "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\u200b", "\ufeff", "\x00", "\ud800", "\udfff",
    "在会议上的讲话", "（2021年3月1日）", "附件：", "目录", "本作品", "Public domain",
    "关于印发《某办法》的通知", "某办法", "“第一条，", "这是某地。记者 某某/摄", "工作", "落实",
]  # fmt: skip


def random_text(rng: random.Random) -> str:
    """A text of fragments and arbitrary code points."""
    parts: list[str] = []
    for _ in range(rng.randrange(0, 60)):
        if rng.random() < 0.6:
            parts.append(rng.choice(FRAGMENTS))
        else:
            parts.append("".join(chr(rng.randrange(0, 0x110000)) for _ in range(rng.randrange(4))))
    return "".join(parts)


def check(text: str) -> None:
    """Raise AssertionError (or whatever parse raises) when a property fails."""
    doc = speechast.parse(text)
    position = 0
    for leaf in leaves(doc):
        assert leaf.span[0] == position, f"gap or overlap at {position}"
        position = leaf.span[1]
    assert position == len(text), "the leaves do not reach the end"
    for _, node in walk(doc):
        cursor = node.span[0]
        for child in children_of(node):
            assert cursor <= child.span[0] <= child.span[1] <= node.span[1], "children out of order"
            cursor = child.span[1]
        if isinstance(node, speechast.Document):
            for name in ("title", "subtitle", "speaker", "date", "occasion", "salutation"):
                value = getattr(node.meta, name)
                if value is not None:
                    assert text[value.span[0] : value.span[1]] == value.text, f"meta {name}"
    data = speechast.to_json(doc)
    assert speechast.from_json(data) == doc, "the JSON does not round-trip"


def run(examples: int, seed: int, report: Callable[[str], None]) -> int:
    rng = random.Random(seed)
    start = time.perf_counter()
    for n in range(examples):
        text = random_text(rng)
        try:
            check(text)
        except Exception as exc:  # any failure is a finding: print the input
            report(f"failed after {n} inputs on {text!r}: {type(exc).__name__}: {exc}")
            return 1
    report(f"{examples} inputs, no failure, {time.perf_counter() - start:.1f} s (seed {seed})")
    return 0


def run_atheris() -> int:  # pragma: no cover - needs atheris
    import atheris  # type: ignore[import-not-found]

    def one(data: bytes) -> None:
        check(atheris.FuzzedDataProvider(data).ConsumeUnicode(4096))

    atheris.Setup(sys.argv[:1], one)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--atheris", action="store_true", help="coverage-guided, when installed")
    args = ap.parse_args(argv)
    if args.atheris:
        return run_atheris()
    return run(args.examples, args.seed, print)


if __name__ == "__main__":
    sys.exit(main())
