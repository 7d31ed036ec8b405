"""Every rule: its fixture shows what it does, and switching it off changes that."""

from __future__ import annotations

import os
from collections import defaultdict

import pytest

import speechast
from speechast import rules
from speechast.pretty import pretty
from tests.conftest import FIXTURES
from tests.rule_fixtures import Case, read_cases, write_expected

FILES = sorted((FIXTURES / "rules").glob("*.txt"))
CASES = [case for path in FILES for case in read_cases(path)]
IDS = [f"{c.id}:{n}" for n, c in enumerate(CASES)]

# The pipeline's rules, chain by chain, in the order they run.
EXPECTED_ORDER = (
    "chunk-numbers",
    "quote-marks", "markdown-heading", "html-comment", "code-fence", "bold-marks",
    "format-noise", "right-aligned-signature",
    "wide-space", "space-after-marker", "space-after-sentence", "space-before-marker",
    "inline-page", "inline-news", "markdown-link", "markdown-bold",
    "page-line", "link-line", "nav-line", "ad-line", "news-line", "status-line", "markup-line",
    "ad-region", "licence-tail", "table-of-contents", "closing-signature", "marker-alone",
    "run-on-split",
    "compilation-articles", "attachments", "transmitted-document", "numbering", "split-title",
    "group-label", "title-line", "markdown-heading-level", "subhead", "closing-address",
    "date-after-title", "salutation-after-title", "addressee-after-title",
    "lead-comma", "cjk-space", "year-start", "final-noun",
    "inline-enumerations",
)  # fmt: skip


def test_rules_are_listed_in_pipeline_order() -> None:
    assert speechast.rule_names() == EXPECTED_ORDER


def test_each_chain_says_what_it_is() -> None:
    for chain in rules.chains():
        assert chain.doc and chain.names, chain.name


def _parse(case: Case, disable: frozenset[str] = frozenset()) -> speechast.Document:
    if case.is_html:
        return speechast.parse_bytes(case.text.encode(), disable=disable, name="page.html")
    return speechast.parse(case.text, disable=disable)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_fixture(case: Case) -> None:
    actual = pretty(_parse(case))
    if os.environ.get("SPEECHAST_UPDATE_FIXTURES"):
        write_expected(case.path, [_dump(c) for c in read_cases(case.path)])
        return
    assert actual == case.expected


def _dump(case: Case) -> str:
    return pretty(_parse(case))


def _by_rule() -> dict[str, list[Case]]:
    found: dict[str, list[Case]] = defaultdict(list)
    for case in CASES:
        found[case.rule].append(case)
    return found


@pytest.mark.parametrize("name", EXPECTED_ORDER)
def test_switching_a_rule_off_changes_its_fixture(name: str) -> None:
    cases = _by_rule()[name]
    assert cases, f"no fixture for rule {name}"
    assert any(pretty(_parse(c, frozenset({name}))) != c.expected for c in cases), (
        f"switching {name} off changes none of its fixtures: the rule is dead"
    )


def test_every_fixture_names_a_rule() -> None:
    assert {c.rule for c in CASES} <= set(EXPECTED_ORDER)


def test_an_unknown_rule_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no such rule: no-such-rule"):
        speechast.parse("一、总体要求\n", disable={"no-such-rule"})


def test_options_hold_for_one_parse_only() -> None:
    text = "一、总体要求\n内容一。\n二、工作措施\n内容二。\n"
    plain = pretty(speechast.parse(text))
    assert pretty(speechast.parse(text, disable={"numbering"})) != plain
    assert pretty(speechast.parse(text)) == plain
    assert pretty(speechast.parse(text, speechast.ParseOptions(frozenset({"numbering"})))) != plain
