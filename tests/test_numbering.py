"""The numbering engine driven directly: markers in, levels and findings out."""

from __future__ import annotations

import pytest

from speechast import parser
from speechast.numbering import Mark, Numbering, levels

# (markers separated by spaces, expected levels with - for text, findings as
# "index:code" or nothing)
CASES = [
    ("一、 （一） （二） 二、", "1 2 2 1", ""),
    ("一、 二、 四、", "1 1 1", "2:SA01"),
    ("一、 二、 二、", "1 1 1", "2:SA02"),
    ("一、 1. 2. 1.", "1 2 2 2", "3:SA03"),
    ("（一） (二)", "1 1", "1:SA04"),
    ("（一)", "1", "0:SA04"),
    ("一是", "-", "0:SA05"),
    ("一、 1. 二、 （一） 1.", "1 2 1 2 3", "4:SA07"),
    ("一、 1. 2. 二、 3.", "1 2 2 1 2", ""),  # numbered on across parents: no finding
    ("一、 一是 二是 二、", "1 2 2 1", ""),
    ("一是 一、", "- 1", "0:SA05"),  # a heading closes the run before its second member
    ("一、 二、 五、", "1 1 1", "2:SA01"),  # two skipped: a slip
    ("一、 二、 六、", "1 1 -", ""),  # too far a jump is another sequence: text
    ("首先， 其次， 第三， 最后，", "1 1 1 1", ""),
    ("—— ——", "1 1", ""),
    ("第一章 第一条 第二条 第二章 第三条", "1 2 2 1 2", ""),
    ("最后，", "-", ""),
    ("二、", "-", ""),
]


def _marks(spec: str) -> list[Mark]:
    read = parser.read_marker
    return [Mark.of(read(text).family, text) for text in spec.split()]


@pytest.mark.parametrize(("markers", "expected", "findings"), CASES)
def test_levels_and_findings(markers: str, expected: str, findings: str) -> None:
    out = levels(_marks(markers))
    assert " ".join("-" if level is None else str(level) for level, _ in out) == expected
    found = [f"{i}:{f.code}" for i, (_, fs) in enumerate(out) for f in fs]
    assert found == (findings.split() if findings else [])


def test_a_pair_of_connectives_is_no_marker() -> None:
    # 一方面…另一方面 is a pair of discourse connectives, not a list (DOMAIN.md)
    for text in ("一方面，", "另一方面"):
        with pytest.raises(ValueError, match="not an outline marker"):
            parser.read_marker(text)


def test_a_sub_head_opens_under_headings_and_above_items() -> None:
    engine = Numbering()
    for mark in _marks("一、 一是"):
        placement, _ = engine.place(mark, _marks("二是"))
        assert placement is not None
        engine.open(placement)
    assert engine.depth == 2
    assert engine.open_subhead() == 1  # the item closes
    assert engine.depth == 2
    assert engine.new_article() == 2 and engine.depth == 0


def test_an_inline_run_is_no_lone_item() -> None:
    placement, findings = Numbering().place(_marks("一要")[0], (), lambda: True)
    assert placement is None and findings == []
