"""Flat records for tables and JSON Lines: a document's metadata and its chunks.

Every record of a kind has the same keys, so that ``pandas.read_json(path,
lines=True)`` or a parquet writer sees one schema for a whole corpus.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from speechast.fields import Field, Meta
from speechast.jsonio import meta_dict
from speechast.tree import articles

if TYPE_CHECKING:
    from speechast.chunks import Chunk
    from speechast.nodes import Document

# What every Field has; a subclass's further attributes become their own columns.
_COMMON = {"text", "span", "placeholder", "clean"}


@cache
def _columns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each metadata field with the attributes its class adds (speaker.name, date.iso)."""
    attrs.resolve_types(Meta)
    out = []
    for field in attrs.fields(Meta):
        cls = next(a for a in typing.get_args(field.type) if a is not types.NoneType)
        extra = tuple(a.name for a in attrs.fields(cls) if a.name not in _COMMON)
        out.append((field.name, extra))
    return tuple(out)


# Fields that are body text, not facts about the document: a chunk holds them
# already, so its metadata leaves them out.
_BODY = {"intro", "closing"}


def flat_meta(doc: Document, values_only: bool = False) -> dict[str, Any]:
    """``title``, ``title.start``, ``title.end``, ``title.placeholder``,
    ``speaker.name``, ``date.iso``…: every column present, None where a field is
    missing. ``values_only`` leaves out the positions and the body text."""
    row: dict[str, Any] = {}
    for name, extra in _columns():
        if values_only and name in _BODY:
            continue
        field: Field | None = getattr(doc.meta, name)
        row[name] = None if field is None else field.value
        if not values_only:
            row[f"{name}.start"] = None if field is None else field.span[0]
            row[f"{name}.end"] = None if field is None else field.span[1]
            row[f"{name}.placeholder"] = None if field is None else field.placeholder
        for attr in extra:
            row[f"{name}.{attr}"] = None if field is None else getattr(field, attr)
    return row


def meta_records(doc: Document, file: str, flat: bool = True) -> list[dict[str, Any]]:
    """One record per document (per article of a compilation): ``file``,
    ``document`` (its number) and the metadata, flat or nested as JSON has it."""
    return [
        {"file": file, "document": number, **(flat_meta(a) if flat else meta_dict(a))}
        for number, a in enumerate(articles(doc))
    ]


def chunk_record(chunk: Chunk, file: str | None = None) -> dict[str, Any]:
    """A chunk as plain data; its metadata under ``meta``."""
    return {
        "file": file,
        "id": chunk.id,
        "index": chunk.index,
        "title": chunk.title,
        "heading_path": list(chunk.heading_path),
        "text": chunk.text,
        "spans": [list(span) for span in chunk.spans],
        "meta": chunk.meta,
    }


def chunk_metadata(base: dict[Any, Any], chunk: Chunk) -> dict[Any, Any]:
    """A chunk's metadata for a retrieval framework's document: what the caller
    gave, the document's known facts, and where the chunk stands."""
    return {
        **base,
        **{key: value for key, value in chunk.meta.items() if value is not None},
        "chunk_id": chunk.id,
        "chunk_index": chunk.index,
        "title": chunk.title,
        "heading_path": list(chunk.heading_path),
        "heading": " > ".join(chunk.heading_path),
        "spans": [list(span) for span in chunk.spans],
    }
