"""The numbering engine: where a marker stands in the outline, and what is wrong with it.

A pure class, with no tokens in it: it takes a marker (family, number, the
text as written) and the markers that follow, and answers with a placement
(how far to close the open levels, what to open) and findings. A family's
level is set where it first appears (a document that goes 一、 → 1. nests 1.
directly under 一、); a marker counts only when its number continues the
sequence in force (after 二、 comes 三、), and an enumeration only when a
second member follows its first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import NamedTuple

import attrs

from speechast import diagnostics, registry
from speechast.markers import ordinal_of
from speechast.tokens import ARTICLE, SUBHEAD
from speechast.tuning import TUNING


class Mark(NamedTuple):
    """A marker as the engine sees it, read once (a tuple: one is made per marker)."""

    family: str
    text: str  # as written, without surrounding space
    number: int | None
    group: str  # the numbering it continues
    is_item: bool
    is_heading: bool
    rank: int  # of an item: 第一 (1) holds 一是 (2), not the other way

    @classmethod
    def of(cls, family: str, text: str) -> Mark:
        text = text.strip()
        return cls(
            family,
            text,
            ordinal_of(family, text),
            registry.sequence_group(family),
            family in registry.ITEMS,
            family in registry.HEADINGS,
            registry.RANK.get(family, 0),
        )


@attrs.frozen
class Finding:
    code: str
    message: str


@attrs.define
class Level:
    """An open level: the sequence it belongs to and the number it reached."""

    group: str
    ordinal: int
    is_item: bool
    style: str | None = None  # bracket widths of the sequence's first marker
    markdown: int = 0  # the number of # of a Markdown heading
    rank: int = 0  # of an item's enumeration (see registry.Family.rank)
    # A sub-head guessed from layout alone, which a numbered sequence starting
    # at its first member does not nest under.
    weak: bool = False
    # A heading run into its body (（一）指导思想。全面…): a sub-head on a line of
    # its own after it does not nest under it.
    run_in: bool = False


@attrs.frozen
class Placement:
    depth: int  # close the open levels down to this many, then open ``entry``
    entry: Level

    @property
    def level(self) -> int:
        return self.depth + 1


def _never() -> bool:
    return False


class Numbering:
    """The open levels of one document, and the numbers each sequence reached."""

    def __init__(self) -> None:
        self.stack: list[Level] = []
        # The last number each sequence reached, open or closed: laws number
        # 第三条 on from 第二条 across a new 第二章.
        self.reached: dict[str, int] = {}
        # Where each heading sequence first stood.
        self.first_level: dict[str, int] = {}

    # ------------------------------------------------------------ decisions
    def place(
        self,
        mark: Mark,
        ahead: Iterable[Mark | None] = (),
        inline_run: Callable[[], bool] = _never,
        markdown: int = 0,
        opening: bool = False,
    ) -> tuple[Placement | None, list[Finding]]:
        """Where ``mark`` opens, or None when it is text; and the findings.

        ``ahead`` is the markers of the blocks that follow (None for a block
        without one), read lazily and only as far as needed; ``inline_run``
        says whether the marker's own block holds its enumeration;
        ``markdown`` is the number of # before it, if any; ``opening`` says
        that nothing but a title comes before it, so that a fragment of a
        document may open at any number (三、 …).
        """
        if not (mark.is_item or mark.is_heading):
            return None, []
        findings: list[Finding] = []
        at = self._open_at(mark.group)
        if at is not None:
            placement = self._continue(mark, at, ahead, findings)
        else:
            placement = self._start(mark, ahead, inline_run, findings, opening)
            if placement is not None and markdown:
                depth = min(placement.depth, self._markdown_depth(markdown))
                placement = Placement(depth, placement.entry)
        if placement is not None and markdown:
            placement.entry.markdown = markdown
        return placement, findings

    def would_go_on(self, mark: Mark) -> bool:
        """Whether a marker later on is a heading, or an item of a run that is open."""
        return mark.is_heading or (mark.is_item and self._open_at(mark.group) is not None)

    def _open_at(self, group: str) -> int | None:
        """The depth at which a sequence is open, the innermost if several are."""
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].group == group:
                return depth
        return None

    def _continue(
        self, mark: Mark, depth: int, ahead: Iterable[Mark | None], findings: list[Finding]
    ) -> Placement | None:
        """A marker of a sequence that is open at ``depth``."""
        entry = self.stack[depth]
        number = self._next_number(mark, entry, ahead, findings)
        if number is None:
            return None
        style = diagnostics.bracket_style(mark.text)
        if style is not None and style != entry.style:
            findings.append(
                Finding(
                    diagnostics.BRACKETS,
                    f"{mark.text} mixes bracket widths with the {entry.style}-width "
                    "markers of its level",
                )
            )
        return Placement(
            depth, Level(mark.group, number, mark.is_item, entry.style, rank=entry.rank)
        )

    def _next_number(
        self, mark: Mark, entry: Level, ahead: Iterable[Mark | None], findings: list[Finding]
    ) -> int | None:
        ordinal = mark.number
        if ordinal is None or entry.ordinal < ordinal <= entry.ordinal + 1 + TUNING.max_gap:
            number = entry.ordinal + 1 if ordinal is None else ordinal
            if number > entry.ordinal + 1:
                findings.append(
                    Finding(
                        diagnostics.GAP,
                        f"{mark.text} follows number {entry.ordinal}: "
                        f"{number - entry.ordinal - 1} skipped",
                    )
                )
            return number
        if not mark.is_item and ordinal == entry.ordinal:
            findings.append(
                Finding(diagnostics.REPEAT, f"{mark.text} repeats the number before it")
            )
            return ordinal
        if ordinal == 1 and (not mark.is_item or self._second_follows(mark.group, 1, ahead)):
            if not mark.is_item:  # starts again under the same parent
                findings.append(
                    Finding(
                        diagnostics.RESTART,
                        f"{mark.text} starts its sequence again without a new parent",
                    )
                )
            return 1
        return None

    def _start(
        self,
        mark: Mark,
        ahead: Iterable[Mark | None],
        inline_run: Callable[[], bool],
        findings: list[Finding],
        opening: bool = False,
    ) -> Placement | None:
        """A marker whose sequence is not open: it may start one."""
        ordinal = mark.number
        continued = not mark.is_item and (
            opening or ordinal == self.reached.get(mark.group, -1) + 1
        )
        if (ordinal not in (1, None) and not continued) or mark.text.startswith(registry.LAST):
            return None
        if mark.is_item and not self._second_follows(mark.group, ordinal, ahead):
            if mark.family in registry.LONE_IS_DEFECT and not inline_run():
                findings.append(
                    Finding(
                        diagnostics.LONE_ITEM,
                        f"{mark.text} opens an enumeration that has no second item",
                    )
                )
            return None
        style = diagnostics.bracket_style(mark.text)
        if style == "mixed":
            findings.append(Finding(diagnostics.BRACKETS, f"{mark.text} mixes bracket widths"))
        depth = self._depth_for(mark.is_item, mark.rank, ordinal == 1)
        if not mark.is_item and not continued:
            # a sequence numbered on across parents (第三条 under a new 第二章) may move
            first = self.first_level.setdefault(mark.group, depth + 1)
            if first != depth + 1:
                findings.append(
                    Finding(
                        diagnostics.LEVEL,
                        f"{mark.text} stands at level "
                        f"{depth + 1}; its family first stood at level {first}",
                    )
                )
        level = Level(mark.group, ordinal or 0, mark.is_item, style, rank=mark.rank)
        return Placement(depth, level)

    def _depth_for(self, is_item: bool, rank: int = 0, first: bool = False) -> int:
        """Headings never nest under items, nor anything under a bullet, nor an
        item under an item of a smaller enumeration (第一 after 三是 stands beside it),
        nor a ``first`` heading of a sequence under a guessed sub-head."""
        depth = len(self.stack)
        while depth and (
            self._closes_for(self.stack[depth - 1], is_item, rank)
            or (first and not is_item and self.stack[depth - 1].weak)
        ):
            depth -= 1
        return depth

    @staticmethod
    def _closes_for(entry: Level, is_item: bool, rank: int) -> bool:
        return entry.is_item and (
            not is_item or entry.group in registry.LIST_ENTRIES or entry.rank > rank
        )

    def _second_follows(
        self, group: str, ordinal: int | None, ahead: Iterable[Mark | None]
    ) -> bool:
        """Whether the next member of ``group`` follows before its parent closes."""
        want = None if ordinal is None else ordinal + 1
        open_groups = {entry.group for entry in self.stack}
        for mark in ahead:
            if mark is None:
                continue
            if mark.family == ARTICLE:
                return False
            if mark.group == group:
                return mark.number == want
            if mark.is_heading and mark.group in open_groups:
                return False
        return False

    # ------------------------------------------------------------ changes
    def open(self, placement: Placement) -> int:
        """Close down to the placement's depth and open its level; the closes needed."""
        closes = self.close_to(placement.depth)
        self.stack.append(placement.entry)
        self.reached[placement.entry.group] = placement.entry.ordinal
        return closes

    def open_subhead(self, weak: bool = True) -> int:
        """An unnumbered sub-head: under the numbered headings, above items and
        other sub-heads. The closes needed."""
        depth = len(self.stack)
        while depth and (
            self.stack[depth - 1].group == SUBHEAD
            or self.stack[depth - 1].is_item
            or self.stack[depth - 1].run_in
        ):
            depth -= 1
        closes = self.close_to(depth)
        self.stack.append(Level(SUBHEAD, 0, False, weak=weak))
        return closes

    def open_label(self) -> int:
        """A group label above a list (安全教育 / 1、2、 / 法制教育 / 1、…): it takes
        the place of the label before it and its list, else opens as a sub-head.
        The closes needed."""
        for index in range(len(self.stack) - 1, -1, -1):
            entry = self.stack[index]
            if entry.group == SUBHEAD and not entry.markdown:
                return self._replace_at(index)
            if not (entry.is_item or self._list_under(index)):
                break
        return self.open_subhead(weak=False)

    def labels(self, group: str) -> bool:
        """Whether a label is open with a list of ``group`` under it."""
        return any(
            below.group == SUBHEAD and not below.markdown and entry.group == group
            for below, entry in pairwise(self.stack)
        )

    def _list_under(self, index: int) -> bool:
        """Whether the entry at ``index`` is a list right under a sub-head."""
        return index > 0 and self.stack[index - 1].group == SUBHEAD

    def _replace_at(self, index: int) -> int:
        closes = self.close_to(index)
        self.stack.append(Level(SUBHEAD, 0, False))
        return closes

    def _markdown_depth(self, hashes: int) -> int:
        """How deep a Markdown heading with ``hashes`` # may open: under the
        nearest open Markdown heading with fewer #, above those with as many or
        more; anywhere when no Markdown heading is open."""
        for index in range(len(self.stack) - 1, -1, -1):
            if 0 < self.stack[index].markdown < hashes:
                return index + 1
        return 0 if any(entry.markdown for entry in self.stack) else len(self.stack)

    def open_markdown(self, hashes: int) -> int:
        """A Markdown heading without a marker (### 总结): under the nearest open
        Markdown heading with fewer #, never under an item. The closes needed."""
        closes = self.close_to(min(self._depth_for(False), self._markdown_depth(hashes)))
        self.stack.append(Level(SUBHEAD, 0, False, markdown=hashes))
        return closes

    def close_to(self, depth: int) -> int:
        """Close the open levels down to ``depth``; how many were closed."""
        closes = max(len(self.stack) - depth, 0)
        del self.stack[depth:]
        return closes

    def new_article(self) -> int:
        """A compilation's next article starts its numbering afresh."""
        self.reached.clear()
        return self.close_to(0)

    @property
    def depth(self) -> int:
        return len(self.stack)


def levels(marks: Iterable[Mark]) -> list[tuple[int | None, list[Finding]]]:
    """Each marker's level (None when it is text) and findings, in a run of markers
    with nothing between them: how the engine reads a bare outline."""
    engine = Numbering()
    pending = list(marks)
    out: list[tuple[int | None, list[Finding]]] = []
    for i, mark in enumerate(pending):
        placement, findings = engine.place(mark, pending[i + 1 :])
        if placement is not None:
            engine.open(placement)
        out.append((None if placement is None else placement.level, findings))
    return out
