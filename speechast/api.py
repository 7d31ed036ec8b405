"""The library's entry points."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from speechast.nodes import Document
from speechast.parser import parse_text
from speechast.rules import ParseOptions, options_of
from speechast.source import read_text


def parse(text: str, disable: Iterable[str] | ParseOptions | None = None) -> Document:
    """The outline tree of a text. Never raises on a string.

    ``disable`` names rules to switch off (see ``speechast.rule_names()``), or
    is a ParseOptions; an unknown rule name is a ValueError.
    """
    return parse_text(text, options_of(disable))


def parse_file(path: str | Path, disable: Iterable[str] | ParseOptions | None = None) -> Document:
    """Read a UTF-8 file (BOM or not) and parse it; raises InputError on bad input."""
    return parse_text(read_text(str(path)), options_of(disable))
