"""The LALR parser: grammar/outline.lark with the block lexer and the level postlexer.

Built once per process: constructing a Lark parser costs far more than a parse.
"""

from __future__ import annotations

import gc
from functools import cache
from importlib import resources
from pathlib import Path

from lark import Lark

from speechast import inline, markers
from speechast.build import TreeBuilder
from speechast.levels import Families, LevelPostLexer
from speechast.lexer import MARKER_FIRST, BlockLexer, Scanner
from speechast.nodes import Document, Marker

GRAMMAR_FILE = "outline.lark"


def grammar_text() -> str:
    """The grammar, from the installed package or, in a source checkout, grammar/."""
    packaged = resources.files("speechast") / "grammar" / GRAMMAR_FILE
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parent.parent / "grammar" / GRAMMAR_FILE).read_text(
        encoding="utf-8"
    )


def _expansions(lark: Lark, rule: str) -> frozenset[str]:
    """Terminal names that a one-symbol rule such as ``_heading_marker`` expands to."""
    return frozenset(
        r.expansion[0].name for r in lark.rules if r.origin.name == rule and len(r.expansion) == 1
    )


def parser() -> Lark:
    return _built()[0]


def families() -> Families:
    """The grammar's marker families, as the postlexer uses them."""
    return _built()[1]


@cache
def _built() -> tuple[Lark, Families]:
    postlex = LevelPostLexer()
    lark = Lark(
        grammar_text(),
        parser="lalr",
        lexer=BlockLexer,
        postlex=postlex,
        transformer=TreeBuilder(),
        maybe_placeholders=False,
        strict=True,
    )
    scanner = Scanner((t.name, t.pattern.to_regexp()) for t in lark.terminals)
    postlex.families = Families(
        headings=_expansions(lark, "_heading_marker"),
        items=_expansions(lark, "_item_marker"),
        inline_scan=inline.Scan(
            markers=scanner.marker_search,
            clauses=inline.clause_search(scanner.markers.pattern, MARKER_FIRST),
        ),
    )
    return lark, postlex.families


def parse_text(text: str) -> Document:
    # The tree is acyclic: the cyclic collector only walks the growing heap
    # again and again (a parse of 10 MB took 14x one of 1 MB with it, 10x without).
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = parser().parse(text)
    finally:
        if collecting:
            gc.enable()
    assert isinstance(result, Document)
    return result


def read_marker(text: str) -> Marker:
    """A marker read back from its text, with the family the grammar gives it."""
    m = families().inline_scan.markers.fullmatch(text)
    if m is None or m.lastgroup is None:
        raise ValueError(f"not an outline marker: {text!r}")
    return markers.make_marker(m.lastgroup, text)
