"""Enumerations inside a running paragraph: …，一要提高学习力…；二要多对接…；三要…

A run counts when its members follow one another in number (一要, 二要, 三要;
首先, 其次, 第三; 一方面, 另一方面), at least two of them, each opening a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import NamedTuple

import attrs
from lark import Token

from speechast import markers, registry
from speechast.registry import CLAUSE_BREAK, LAST, NOT_INLINE
from speechast.rules import Chain
from speechast.tokens import ICLOSE, IOPEN, TEXT, TITLE_TEXT, end_of, leveled, make, start_of

# An inline lead is the item's first clause.
_LEAD_END = re.compile(r"[，,。；;：:！？!?]")


class Member(NamedTuple):
    start: int  # offset in the paragraph's text
    end: int  # end of the marker
    family: str


def clause_search(markers_pattern: str, first_chars: str) -> re.Pattern[str]:
    """Markers that open a clause: after a clause break and optional spaces.

    Leading with the break characters lets the regex engine skip through
    running text instead of trying every alternative at every character.
    """
    breaks = re.escape("".join(sorted(CLAUSE_BREAK)))
    return re.compile(f"[{breaks}][ \t\u3000]*(?=[{first_chars}])(?:{markers_pattern})")


# A pattern that matches nothing: the scan before the grammar is loaded.
NOTHING = re.compile(r"(?!)")


@attrs.frozen
class Scan:
    """The two marker patterns an inline scan needs."""

    markers: re.Pattern[str]  # the marker shapes, to match at a paragraph's start
    clauses: re.Pattern[str]  # a clause_search over the same shapes


def enumerations(text: str, scan: Scan) -> list[Member]:
    """The members of the inline enumerations in ``text``, in order, not interleaved."""
    candidates = list(scan.clauses.finditer(text))
    if not candidates:
        return []
    quoted = _quoted(text)
    spans = [
        (m.start(str(m.lastgroup)), m.end(), str(m.lastgroup))
        for m in candidates
        if not quoted(m.start())  # “第一条，…；第二条，…” is a slogan's wording, no list
    ]
    opening = scan.markers.match(text)
    if opening is not None:
        spans.insert(0, (0, opening.end(), str(opening.lastgroup)))
    if len(spans) < 2:
        return []
    members: list[Member] = []
    for run in _runs(text, spans):
        if members and run[0].start < members[-1].start:
            continue  # interleaves with an earlier run: keep the earlier one
        members.extend(run)
    return members


_QUOTES = re.compile("[“”]")


def _quoted(text: str) -> Callable[[int], bool]:
    """Whether an offset of ``text`` stands inside “…” quotes."""
    marks = [(m.start(), m.group() == "“") for m in _QUOTES.finditer(text)]
    if not marks:
        return lambda _: False
    starts = [at for at, _ in marks]
    opened = []
    depth = 0
    for _, opens in marks:
        depth = depth + 1 if opens else max(depth - 1, 0)
        opened.append(depth > 0)

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and opened[i]

    return inside


def _runs(text: str, spans: list[tuple[int, int, str]]) -> list[list[Member]]:
    """Runs of two or more members numbered in order, by where they start."""
    runs: dict[str, list[Member]] = {}  # the run each numbering group has open
    found: list[list[Member]] = []
    for start, end, family in spans:
        if family in NOT_INLINE:
            continue
        group = registry.sequence_group(family)
        value = text[start:end]
        ordinal = markers.ordinal_of(family, value)
        run = runs.get(group)
        if ordinal == 1:
            if run is not None and len(run) >= 2:
                found.append(run)
            runs[group] = [Member(start, end, family)]
        elif run is not None and (
            ordinal == len(run) + 1 or (ordinal is None and value.startswith(LAST))
        ):
            run.append(Member(start, end, family))
    found.extend(run for run in runs.values() if len(run) >= 2)
    found.sort(key=lambda run: run[0].start)
    return found


def ends_lead(text: str) -> bool:
    """Whether ``text`` holds the punctuation that closes a lead clause."""
    return _LEAD_END.search(text) is not None


def first_clause(text: str) -> str:
    return text[: lead_end(text, 0)]


def lead_end(text: str, start: int) -> int:
    """End of an inline item's lead clause (after its punctuation)."""
    m = _LEAD_END.search(text, start)
    return len(text) if m is None else m.end()


InlineRule = Callable[[list[Token], Scan, int], list[Token] | None]
INLINE_RUNS: Chain[InlineRule] = Chain(
    "inline-runs", "structure inside a running paragraph; the first rule that answers wins"
)


@INLINE_RUNS.rule("inline-enumerations")
def mark_inline_items(tokens: list[Token], scan: Scan, level: int) -> list[Token] | None:
    """The paragraph's tokens with its inline enumeration bracketed, or None if it has none."""
    texts = [t for t in tokens if t.type == TEXT]
    joined = texts[0].value if len(texts) == 1 else "".join(t.value for t in texts)
    members = enumerations(joined, scan)
    if not members:
        return None
    # offset in ``joined`` → source offset, through the text tokens it came from
    starts: list[int] = []
    acc = 0
    for t in texts:
        starts.append(acc)
        acc += len(t.value)
    # A marker cut by noise is none: a text token starts inside it.
    members = [m for m in members if not _cut_inside(starts, m.start, m.end)]
    if not members:
        return None

    def source(k: int) -> int:
        i = bisect_right(starts, k) - 1
        return start_of(texts[i]) + k - starts[i]

    cuts: list[tuple[int, str]] = []
    for number, member in enumerate(members):
        within = bisect_right(starts, member.start) - 1
        token_end = starts[within] + len(texts[within].value)
        following = members[number + 1].start if number + 1 < len(members) else len(joined)
        lead = min(lead_end(joined, member.end), token_end, following)
        cuts += [
            (source(member.start), member.family),
            (source(member.end), TITLE_TEXT),
            (source(lead), TEXT),
        ]
    return list(_split(tokens, cuts, level))


def _cut_inside(starts: list[int], start: int, end: int) -> bool:
    """Whether a text token other than the first starts strictly inside ``start…end``."""
    after = bisect_right(starts, start)
    return after < len(starts) and starts[after] < end


def _split(tokens: list[Token], cuts: list[tuple[int, str]], level: int) -> Iterator[Token]:
    state = TEXT
    opened = False
    i = 0
    for token in tokens:
        if token.type != TEXT:
            yield token
            continue
        pos, end = start_of(token), end_of(token)
        while pos < end:
            while i < len(cuts) and cuts[i][0] <= pos:
                state = cuts[i][1]
                if state not in (TITLE_TEXT, TEXT):
                    if opened:
                        yield make(ICLOSE, "", pos, pos)
                    yield make(IOPEN, "", pos, pos)
                    opened = True
                i += 1
            stop = min(end, cuts[i][0]) if i < len(cuts) else end
            if stop > pos:
                value = token.value[pos - start_of(token) : stop - start_of(token)]
                if state in (TITLE_TEXT, TEXT):
                    yield make(state, value, pos, stop)
                else:
                    yield leveled(make(state, value, pos, stop), level)
            pos = stop
    if opened:
        yield make(ICLOSE, "", None, None)
