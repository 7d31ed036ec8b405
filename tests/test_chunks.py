"""Chunks for retrieval: they follow the outline, point at their text and cover it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechast
from speechast.api import read_source
from speechast.chunks import Chunk, chunks
from speechast.nodes import Document, Heading, Item, Node, Noise, Section
from speechast.tree import children_of, leaves
from tests.conftest import EXAMPLES, SEEDS

CORPUS = SEEDS.parent / "corpus"
REAL = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
ALL = REAL + sorted(EXAMPLES.glob("*.txt"))
_SPACE = re.compile(r"\s+")


def _solid(text: str) -> str:
    return _SPACE.sub("", text)


def _cut(text: str, **limits: int) -> tuple[Document, list[Chunk]]:
    doc = speechast.parse(text)
    return doc, list(chunks(doc, text, **limits))  # type: ignore[arg-type]


def _paths(text: str, **limits: int) -> list[tuple[tuple[str, ...], str]]:
    return [(c.heading_path, c.text) for c in _cut(text, **limits)[1]]


# ------------------------------------------------------------ what each rule does
SPEECH = "讲话\n一、抓学习\n一是读原著。要读。\n二是悟原理。要悟。\n二、抓落实\n要落实。\n"


def test_a_document_that_fits_is_one_chunk() -> None:
    assert _paths(SPEECH) == [((), SPEECH.strip())]


def test_a_long_section_gives_each_item_its_chunk_with_the_heading_path() -> None:
    assert _paths(SPEECH, max_chars=20, min_chars=0) == [
        ((), "讲话"),
        (("一、抓学习",), "一、抓学习\n一是读原著。要读。"),
        (("一、抓学习", "二是悟原理。"), "二是悟原理。要悟。"),
        (("二、抓落实",), "二、抓落实\n要落实。"),
    ]


def test_small_neighbours_merge_under_their_parent() -> None:
    # 讲话 (3 characters) is too small alone and goes with the section after it.
    got = _paths(SPEECH, max_chars=35, min_chars=20)
    assert got == [
        ((), "讲话\n一、抓学习\n一是读原著。要读。\n二是悟原理。要悟。"),
        (("二、抓落实",), "二、抓落实\n要落实。"),
    ]


def test_a_long_paragraph_is_cut_after_sentences() -> None:
    text = "标题\n" + "甲乙丙丁。" * 6 + "\n"
    got = [c for _, c in _paths(text, max_chars=12, min_chars=0)]
    assert got == ["标题\n甲乙丙丁。", "甲乙丙丁。甲乙丙丁。", "甲乙丙丁。甲乙丙丁。", "甲乙丙丁。"]


def test_a_sentence_longer_than_a_chunk_is_never_cut_inside_a_word() -> None:
    text = "标题\n说明 " + " ".join(["speechast"] * 8) + "\n"
    for _, body in _paths(text, max_chars=25, min_chars=0):
        assert len(body) <= 25
        assert all(word in {"speechast", "说明", "标题"} for word in body.split())


def test_overlap_repeats_whole_sentences() -> None:
    text = "标题\n" + "".join(f"第{n}句话。" for n in range(1, 7)) + "\n"
    plain = [c for _, c in _paths(text, max_chars=16, min_chars=0)]
    assert plain == ["标题\n第1句话。第2句话。", "第3句话。第4句话。", "第5句话。第6句话。"]
    got = [c for _, c in _paths(text, max_chars=16, min_chars=0, overlap=6)]
    assert got[:3] == ["标题\n第1句话。第2句话。", "第2句话。第3句话。", "第3句话。第4句话。"]


def test_ids_are_stable_and_name_the_source() -> None:
    doc, first = _cut(SPEECH, max_chars=20, min_chars=0)
    again = list(chunks(speechast.parse(SPEECH), SPEECH, max_chars=20, min_chars=0))
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first)
    other = list(chunks(doc, SPEECH, max_chars=20, min_chars=0, source="b.txt"))
    assert not {c.id for c in first} & {c.id for c in other}


def test_noise_is_left_out_and_the_title_and_metadata_ride_along() -> None:
    text = "关于做好供暖工作的通知\n一、检修\n要检修。\n第 2 页\n二、监测\n要监测。\n"
    _, found = _cut(text, max_chars=12, min_chars=0)
    assert "第 2 页" not in "".join(c.text for c in found)
    assert {c.title for c in found} == {"关于做好供暖工作的通知"}
    assert found[0].meta["title"] == "关于做好供暖工作的通知"


def test_bad_limits_are_refused() -> None:
    doc = speechast.parse(SPEECH)
    with pytest.raises(ValueError, match="max_chars"):
        list(chunks(doc, SPEECH, max_chars=0))


# ---------------------------------------------------------- on every real text
def _ancestry(doc: Document, position: int) -> list[str]:
    """The headings of the sections, items and articles that hold ``position``."""
    path: list[str] = []
    node: Node = doc
    while True:
        inner = [
            c
            for c in children_of(node)
            if isinstance(c, Section | Item | Document) and c.span[0] <= position < c.span[1]
        ]
        if not inner:
            return path
        node = inner[0]
        if isinstance(node, Document):
            path += [node.title] if node.title else []
            continue
        if isinstance(node, Item) and node.inline:
            return path
        head = children_of(node)[0]
        assert isinstance(head, Heading)
        path.append(head.text)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem[:24])
@pytest.mark.parametrize("limit", [300, 1500])
def test_chunks_fit_point_at_their_text_follow_the_outline_and_cover_it(
    path: Path, limit: int
) -> None:
    text = read_source(str(path)).text
    doc, found = _cut(text, max_chars=limit, min_chars=limit // 5)
    covered: list[tuple[int, int]] = []
    for chunk in found:
        assert 0 < len(chunk.text) <= limit
        assert _solid(chunk.text) == _solid("".join(text[s:e] for s, e in chunk.spans))
        for where in (chunk.spans[0][0], chunk.spans[-1][1] - 1):
            assert list(chunk.heading_path) == _ancestry(doc, where)[: len(chunk.heading_path)]
        covered += chunk.spans
    wanted = "".join(
        text[leaf.span[0] : leaf.span[1]] for leaf in leaves(doc) if not isinstance(leaf, Noise)
    )
    assert _solid("".join(text[s:e] for s, e in sorted(covered))) == _solid(wanted)


def _gold_chains(gold: Path) -> set[tuple[tuple[str, str], ...]]:
    """Every chain of (marker, first six characters) from a document down, in the gold."""
    chains: set[tuple[tuple[str, str], ...]] = set()
    stack: list[tuple[str, str]] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        kind, _, rest = line.strip().partition(" ")
        if kind not in {"doc", "sec", "item"}:
            continue
        depth = (len(line) - len(line.lstrip())) // 2
        marker, _, snippet = rest.partition(" ")
        stack[depth:] = [("doc", "") if kind == "doc" else (marker, _solid(snippet)[:6])]
        chains.add(tuple(stack[1:]))
    return chains


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_heading_paths_match_the_seed_outlines(path: Path) -> None:
    text = read_source(str(path)).text
    doc, found = _cut(text, max_chars=400, min_chars=0)
    chains = _gold_chains(path.with_suffix(".gold"))
    articles = {c.title for c in doc.children if isinstance(c, Document)}
    for chunk in found:
        steps = [h for h in chunk.heading_path if h not in articles]
        assert any(
            len(chain) == len(steps)
            and all(
                h.startswith(m) and _solid(h[len(m) :])[:6] == s
                for h, (m, s) in zip(steps, chain, strict=True)
            )
            for chain in chains
        ), (chunk.heading_path, chunk.text[:40])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("一二、（）1.是。，\n 甲乙第章"), max_size=300))
def test_any_text_is_covered_by_its_chunks(text: str) -> None:
    doc, found = _cut(text, max_chars=30, min_chars=10)
    wanted = "".join(
        text[leaf.span[0] : leaf.span[1]] for leaf in leaves(doc) if not isinstance(leaf, Noise)
    )
    got = "".join(text[s:e] for c in found for s, e in c.spans)
    assert _solid(got) == _solid(wanted)
    assert all(len(c.text) <= 30 for c in found)
