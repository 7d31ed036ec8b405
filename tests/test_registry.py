"""The registry of marker families agrees with the grammar's terminals."""

from __future__ import annotations

import re

import pytest
from lark import Lark

from speechast import registry
from speechast.blocks import scanner
from speechast.parser import grammar_text, parser


def _expansions(lark: Lark, rule: str) -> set[str]:
    return {
        r.expansion[0].name for r in lark.rules if r.origin.name == rule and len(r.expansion) == 1
    }


def _terminals() -> dict[str, str]:
    return {t.name: t.pattern.to_regexp() for t in parser().terminals}


def test_every_marker_terminal_is_a_family_and_back() -> None:
    assert set(_terminals()) == set(registry.BY_NAME)


def test_roles_match_the_grammar() -> None:
    lark = parser()
    assert _expansions(lark, "_heading_marker") == registry.HEADINGS
    assert _expansions(lark, "_item_marker") == registry.ITEMS


def test_families_are_in_the_grammar_order() -> None:
    # The order is the tie-break when two families first appear together.
    names = re.findall(r"^([A-Z_]+):", grammar_text(), re.M)
    assert [n for n in names if n in registry.BY_NAME] == [f.name for f in registry.FAMILIES]


@pytest.mark.parametrize(
    ("family", "example"), [(f.name, e) for f in registry.FAMILIES for e in f.examples]
)
def test_each_example_is_read_as_its_family(family: str, example: str) -> None:
    scan = scanner(tuple(_terminals().items()), frozenset())
    m = scan.markers.fullmatch(example)
    assert m is not None and m.lastgroup == family


def test_first_characters_are_derived_from_the_patterns() -> None:
    first = re.compile(f"[{registry.first_class(_terminals().values())}]")
    for family in registry.FAMILIES:
        for example in family.examples:
            assert first.match(example), example
    # a character no marker starts with stays out
    assert not first.match("在") and not first.match("a")


def test_first_characters_of_shapes() -> None:
    assert registry.first_class([r"(?:首先|其次)[，,]?"]) == "其首"
    assert registry.first_class([r"[（(]\d", r"\d+、"]) == "".join(sorted(["(", r"\d", "（"]))
    assert registry.first_class([r"a?b"]) == "ab"
    with pytest.raises(ValueError, match="first characters"):
        registry.first_class([r"(?<=x)y"])
