"""The library's entry points."""

from __future__ import annotations

from pathlib import Path

from speechast.nodes import Document
from speechast.parser import parse_text
from speechast.source import read_text


def parse(text: str) -> Document:
    """The outline tree of a text. Never raises on a string."""
    return parse_text(text)


def parse_file(path: str | Path) -> Document:
    """Read a UTF-8 file (BOM or not) and parse it; raises InputError on bad input."""
    return parse_text(read_text(str(path)))
