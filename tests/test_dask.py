"""The Dask helpers, on Dask's local scheduler with a few files."""

from __future__ import annotations

import json
from pathlib import Path

import dask
import pandas as pd
import pyarrow.parquet as pq
import pytest

import speechast.dask as sd
from tests.conftest import EXAMPLES

FILES = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))[:4]]


@pytest.fixture(autouse=True)
def local_scheduler() -> object:
    with dask.config.set(scheduler="threads"):
        yield


def test_meta_records_to_parquet_one_schema_with_a_bad_file(tmp_path: Path) -> None:
    bag = sd.from_paths([*FILES, str(tmp_path / "missing.txt")], npartitions=2)
    sd.to_parquet(sd.meta_records(bag), str(tmp_path / "meta"))
    frame = pd.read_parquet(tmp_path / "meta")
    assert len(frame) == len(FILES) + 1
    assert frame["error"].notna().sum() == 1
    assert frame["title"].iloc[0] == "关于推进社区服务工作的实施方案"
    schema = pq.read_schema(next((tmp_path / "meta").glob("*.parquet")))
    assert str(schema.field("title.start").type) == "int64"


def test_chunk_records_from_a_parquet_column_to_jsonl(tmp_path: Path) -> None:
    texts = [Path(f).read_text(encoding="utf-8") for f in FILES]
    pd.DataFrame({"name": [Path(f).name for f in FILES], "text": texts}).to_parquet(
        tmp_path / "texts.parquet"
    )
    bag = sd.from_parquet(str(tmp_path / "texts.parquet"), "text", name_column="name")
    written = sd.to_jsonl(sd.chunk_records(bag, max_chars=200, min_chars=0), str(tmp_path / "c"))
    records = [json.loads(line) for path in written for line in Path(path).read_text().splitlines()]
    assert {r["file"] for r in records} == {Path(f).name for f in FILES}
    assert all(len(r["text"]) <= 200 for r in records)
    assert any(r["heading_path"] and r["heading_path"][0] == "一、总体要求" for r in records)
    assert {"meta.title", "meta.speaker.name"} <= set(records[0])


def test_documents_hold_the_whole_tree(tmp_path: Path) -> None:
    records = sd.documents(sd.from_paths(FILES[:2])).compute()
    assert [json.loads(r["json"])["type"] for r in records] == ["document", "document"]
