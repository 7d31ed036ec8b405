"""speechast on Dask: corpora of millions of files on a cluster (``pip install speechast[dask]``).

    import speechast.dask as sd
    bag = sd.from_paths(paths)                    # or sd.from_parquet("texts/", "text")
    sd.to_parquet(sd.meta_records(bag), "meta/")  # or sd.chunk_records(bag), sd.documents(bag)

The same code runs on the local scheduler and on a distributed cluster: make a
``dask.distributed.Client`` first and Dask sends the work to it. Items of a bag
are file paths, or ``(name, text)`` pairs (as ``from_parquet`` makes them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dask.bag as db

from speechast import records
from speechast.api import parse_source, read_source
from speechast.chunks import chunks
from speechast.formats import Source
from speechast.jsonio import dumps, to_dict
from speechast.nodes import Document
from speechast.records import chunk_record, flat_meta
from speechast.source import InputError
from speechast.tuning import TUNING

Item = str | tuple[str, str]


def from_paths(paths: Sequence[str], npartitions: int | None = None) -> db.Bag:
    """A bag of file paths (text in any encoding, .docx, web pages)."""
    return db.from_sequence([str(p) for p in paths], npartitions=npartitions)


def from_parquet(path: str, column: str, name_column: str | None = None) -> db.Bag:
    """A bag of ``(name, text)`` pairs from a text column of a parquet dataset;
    the name is ``name_column``'s value, else the row's number."""
    import dask.dataframe as dd

    columns = [column] if name_column is None else [name_column, column]
    frame = dd.read_parquet(path, columns=columns)
    if name_column is None:
        return frame[column].to_bag().map(lambda text: ("", text))
    return frame.to_bag().map(lambda row: (str(row[0]), row[1]))


def _source(item: Item) -> tuple[str, Source]:
    if isinstance(item, str):
        return item, read_source(item)
    name, text = item
    return name, Source(text, None, "text")


# What an input that cannot be read leaves in each kind of record: its name, the
# error, and every other column empty, so that a corpus has one schema.
_EMPTY = Document(span=(0, 0), title=None, children=())
_NO_DOCUMENT = {"json": None}
_NO_META = {"document": None, **flat_meta(_EMPTY)}
_NO_CHUNK = {
    **dict.fromkeys(("id", "index", "title", "heading_path", "text", "spans")),
    **{f"meta.{key}": None for key in flat_meta(_EMPTY, values_only=True)},
}


def _parsed(
    item: Item, empty: dict[str, Any]
) -> tuple[str, Source, Document] | list[dict[str, Any]]:
    """The item parsed, or its error record: one bad file does not stop a corpus."""
    try:
        name, source = _source(item)
    except InputError as exc:
        name = item if isinstance(item, str) else item[0]
        return [{"file": name, "error": str(exc), **empty}]
    return name, source, parse_source(source)


def _documents(item: Item) -> list[dict[str, Any]]:
    parsed = _parsed(item, _NO_DOCUMENT)
    if isinstance(parsed, list):
        return parsed
    name, _, doc = parsed
    return [{"file": name, "error": None, "json": dumps(to_dict(doc)).decode("utf-8")}]


def _meta(item: Item) -> list[dict[str, Any]]:
    parsed = _parsed(item, _NO_META)
    if isinstance(parsed, list):
        return parsed
    name, _, doc = parsed
    return [{"file": name, "error": None, **record} for record in records.meta_records(doc, name)]


def _chunks(item: Item, options: dict[str, int]) -> list[dict[str, Any]]:
    parsed = _parsed(item, _NO_CHUNK)
    if isinstance(parsed, list):
        return parsed
    name, source, doc = parsed
    out = []
    for chunk in chunks(doc, source.text, source=name, **options):
        record = chunk_record(chunk, name)
        meta = record.pop("meta")
        out.append({**record, "error": None, **{f"meta.{k}": v for k, v in meta.items()}})
    return out


def documents(bag: db.Bag) -> db.Bag:
    """One record per input: ``file``, ``error`` and the tree as ``json``."""
    return bag.map(_documents).flatten()


def meta_records(bag: db.Bag) -> db.Bag:
    """One record per document (per article of a compilation), with the
    columns of ``speechast meta --flat``."""
    return bag.map(_meta).flatten()


def chunk_records(
    bag: db.Bag,
    max_chars: int = TUNING.chunk_max_chars,
    min_chars: int = TUNING.chunk_min_chars,
    overlap: int = 0,
) -> db.Bag:
    """One record per chunk, as ``speechast chunks`` prints them with the
    metadata in ``meta.`` columns."""
    options = {"max_chars": max_chars, "min_chars": min_chars, "overlap": overlap}
    return bag.map(_chunks, options).flatten()


def to_jsonl(bag: db.Bag, directory: str) -> list[str]:
    """The records as JSON Lines, one file per partition; the paths written."""
    lines = bag.map(lambda record: dumps(record).decode("utf-8"))
    written: list[str] = lines.to_textfiles(f"{directory.rstrip('/')}/*.jsonl")
    return written


def to_parquet(bag: db.Bag, directory: str) -> None:
    """The records as a parquet dataset, one file per partition, all of one schema
    (a column that is empty in a whole partition keeps its type)."""
    import pandas as pd

    columns = list(bag.take(1, npartitions=-1)[0])
    frame = bag.to_dataframe(meta=pd.DataFrame({c: pd.Series(dtype=object) for c in columns}))
    frame.to_parquet(directory, write_index=False, schema=_schema(columns))


def _schema(columns: list[str]) -> Any:
    """Each column's arrow type, from the record formats above."""
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in ("index", "document") or column.endswith((".start", ".end")):
            return pa.int64()
        if column.endswith(".placeholder"):
            return pa.bool_()
        if column == "heading_path":
            return pa.list_(pa.string())
        if column == "spans":
            return pa.list_(pa.list_(pa.int64()))
        return pa.string()

    return pa.schema([(column, kind(column)) for column in columns])
