"""Findings about an outline's numbering, as a compiler reports them.

Codes (see README):
  SA01 gap        a number is skipped (一、 二、 四、)
  SA02 repeat     a number is used twice in a row (二、 二、)
  SA03 restart    a sequence starts again at 1 without a new parent
  SA04 brackets   bracket widths mixed within one level (（一） then (二), or (二）)
  SA05 lone item  an enumeration stops after its first item (一是 with no 二是)
  SA06 run-on     a heading never closes: its title runs past a sensible length
  SA07 level      a marker family used at another level than where it first appeared
"""

from __future__ import annotations

GAP = "SA01"
REPEAT = "SA02"
RESTART = "SA03"
BRACKETS = "SA04"
LONE_ITEM = "SA05"
RUN_ON = "SA06"
LEVEL = "SA07"
CODES = (GAP, REPEAT, RESTART, BRACKETS, LONE_ITEM, RUN_ON, LEVEL)

_FULL = frozenset("（）")
_HALF = frozenset("()")


def bracket_style(marker: str) -> str | None:
    """'full', 'half' or 'mixed' for a bracketed marker; None when it has no brackets."""
    widths = {"full" if ch in _FULL else "half" for ch in marker if ch in _FULL or ch in _HALF}
    if not widths:
        return None
    return widths.pop() if len(widths) == 1 else "mixed"
