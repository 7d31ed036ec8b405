"""Where a parse's time goes, stage by stage, against what the speed target allows.

Each stage is timed on the output of the stages before it, computed once
beforehand, so a row is that stage's own CPU time. The budget is the time a
parse may take at 0.18x the fair baseline (see run.py): the share of it that
lark's LALR loop and the node builder take alone shows how much is left for
reading the text.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from lark import Lark, Token
from lark.lexer import Lexer, LexerState

import speechast
from speechast import gcpause, meta
from speechast.blocks import Scanner, blocks
from speechast.build import TreeBuilder
from speechast.levels import Leveller, _group
from speechast.lexer import tokens
from speechast.parser import grammar_text, parser

TARGET = 0.18  # the parse / baseline
_REPLAY: list[list[Token]] = []


class _Replay(Lexer):
    """Hands lark the postlexer's tokens, made beforehand."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        return iter(_REPLAY.pop())


@contextmanager
def _source(text: str) -> Iterator[None]:
    """The text the metadata rules read, as speechast.parser sets it for a parse."""
    token = meta.SOURCE.set(text)
    try:
        yield
    finally:
        meta.SOURCE.reset(token)


def _best(work: Callable[[], object], runs: int) -> float:
    """Best CPU time, with the collector paused as a parse pauses it."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        with gcpause.paused():
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    return best


def _leveled(scan: Scanner, text: str) -> list[Token]:
    with _source(text):
        postlex = parser().options.postlex
        return list(Leveller(postlex.scan, _group(tokens(scan, text)), frozenset()).run())


def stage_rows(texts: list[str], scan: Scanner, base: float, runs: int = 5) -> None:
    """Print the stage table for ``texts``; ``base`` is the baseline's best time on them."""
    streams = [_leveled(scan, t) for t in texts]
    bare = Lark(grammar_text(), parser="lalr", lexer=_Replay, maybe_placeholders=False)
    built = Lark(
        grammar_text(),
        parser="lalr",
        lexer=_Replay,
        maybe_placeholders=False,
        transformer=TreeBuilder(),
    )

    def replay(lark: Lark) -> None:
        _REPLAY[:] = reversed(streams)
        for text in texts:
            with _source(text):
                lark.parse(text)

    # The first three rows are cumulative: each stage pulls the ones before it.
    stages: dict[str, Callable[[], object]] = {
        "block lexer": lambda: [sum(1 for _ in blocks(scan, t)) for t in texts],
        "block lexer, lark tokens": lambda: [sum(1 for _ in tokens(scan, t)) for t in texts],
        "block lexer, tokens, postlexer": lambda: [_leveled(scan, t) for t in texts],
        "lark's LALR loop alone, on those tokens (lark Trees)": lambda: replay(bare),
        "lark with the node builder and metadata, on those tokens": lambda: replay(built),
        "the whole parse": lambda: [speechast.parse(t) for t in texts],
    }
    budget = base / TARGET
    rows = [(label, _best(work, runs)) for label, work in stages.items()]
    print(
        f"\nwhere the time goes (../shared/corpus; budget at {TARGET}× = {budget * 1000:.0f} ms)\n"
    )
    print("| stage | ms | share of the budget |")
    print("| --- | --- | --- |")
    for label, seconds in rows:
        print(f"| {label} | {seconds * 1000:.1f} | {seconds / budget:.0%} |")
