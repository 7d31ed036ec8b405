"""The LALR parser: grammar/outline.lark with the block lexer and the level postlexer.

Built once per process: constructing a Lark parser costs far more than a parse.
A parse's options reach the lexer and postlexer through speechast.rules.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from lark import Lark

from speechast import gcpause, inline, markers, meta, rules
from speechast.blocks import GIVEN_NOISE, scanner
from speechast.build import TreeBuilder
from speechast.levels import LevelPostLexer
from speechast.lexer import BlockLexer
from speechast.nodes import Document, Marker

GRAMMAR_FILE = "outline.lark"


def grammar_text() -> str:
    """The grammar: grammar/ at the top of the repository, shipped as speechast/grammar/
    (a link to it in a source checkout)."""
    return (resources.files("speechast") / "grammar" / GRAMMAR_FILE).read_text(encoding="utf-8")


@cache
def parser() -> Lark:
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
    scan = scanner(tuple((t.name, t.pattern.to_regexp()) for t in lark.terminals), frozenset())
    postlex.scan = inline.Scan(
        markers=scan.marker_search,
        clauses=inline.clause_search(scan.markers.pattern, scan.first),
    )
    return lark


def parse_text(
    text: str,
    options: rules.ParseOptions = rules.DEFAULT,
    noise: tuple[tuple[int, int, str], ...] = (),
) -> Document:
    token = meta.SOURCE.set(text)
    given = GIVEN_NOISE.set(noise)
    try:
        with gcpause.paused(), rules.using(options):
            result = parser().parse(text)
    finally:
        meta.SOURCE.reset(token)
        GIVEN_NOISE.reset(given)
    assert isinstance(result, Document)
    return result


def read_marker(text: str) -> Marker:
    """A marker read back from its text, with the family the grammar gives it."""
    postlex = parser().options.postlex
    assert isinstance(postlex, LevelPostLexer)
    m = postlex.scan.markers.fullmatch(text)
    if m is None or m.lastgroup is None:
        raise ValueError(f"not an outline marker: {text!r}")
    return markers.make_marker(m.lastgroup, text)
