"""The library's entry points."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from speechast import formats
from speechast.nodes import Document
from speechast.parser import parse_text
from speechast.rules import ParseOptions, options_of
from speechast.source import read_bytes


def parse(text: str, disable: Iterable[str] | ParseOptions | None = None) -> Document:
    """The outline tree of a text. Never raises on a string.

    ``disable`` names rules to switch off (see ``speechast.rule_names()``), or
    is a ParseOptions; an unknown rule name is a ValueError.
    """
    return parse_text(text, options_of(disable))


def parse_bytes(
    data: bytes,
    encoding: str | None = None,
    disable: Iterable[str] | ParseOptions | None = None,
    name: str = "<bytes>",
) -> Document:
    """Parse a file's bytes: text in any encoding (detected unless ``encoding`` is
    given), a Word document or a saved web page. Raises InputError on what is none
    of these; the document records the encoding used."""
    return parse_source(formats.read(data, name, encoding), disable)


def parse_file(
    path: str | Path,
    disable: Iterable[str] | ParseOptions | None = None,
    encoding: str | None = None,
) -> Document:
    """Read a file (text, .docx or web page) and parse it; InputError on bad input."""
    return parse_source(read_source(str(path), encoding), disable)


def read_source(path: str, encoding: str | None = None) -> formats.Source:
    """The text of a file (or of standard input for ``-``), read by what it is."""
    return formats.read(read_bytes(path), source_name(path), encoding)


def source_name(path: str) -> str:
    """How messages name an input: its path, or <stdin> for ``-``."""
    return "<stdin>" if path == "-" else path


def parse_source(
    source: formats.Source, disable: Iterable[str] | ParseOptions | None = None
) -> Document:
    doc = parse_text(source.text, options_of(disable), source.noise)
    return attrs.evolve(doc, encoding=source.encoding)
