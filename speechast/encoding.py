"""Bytes → text: which encoding a Chinese document is in.

UTF-8 first, with or without a BOM, strictly; UTF-16 and UTF-32 by their BOM;
otherwise chardet decides (measured against charset-normalizer on every seed
and corpus text re-encoded to GBK and GB18030, whole and cut to 200 and 40
characters: chardet named a GB encoding for 196 of 198, charset-normalizer for
183). GB18030 is a superset of GB2312 and GBK, so any of the three is decoded
as GB18030; where chardet is unsure (confidence under 0.5), its guess is not
taken and GB18030 is tried, since a Chinese document in a legacy encoding is
most likely in one of those; bytes that fail it too are refused.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import chardet

from speechast.source import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB = frozenset({"gb2312", "gbk", "gb18030", "cp936", "hz-gb-2312", "euc-cn"})
# Below this, chardet's guess is weaker than the prior that the text is Chinese.
_SURE = 0.5


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was read with; InputError naming what was tried."""
    if not data:
        raise InputError(f"{name}: empty input")
    if encoding is not None:
        return _forced(data, name, encoding)
    if _bom_codec(data) is None and b"\x00" in data:  # judged wherever the NUL stands
        raise InputError(f"{name}: binary data, not a text file (a NUL byte at {data.index(0)})")
    tried: list[str] = []
    for candidate in _candidates(data):
        tried.append(candidate)
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked(text, name, candidate)
    raise InputError(f"{name}: not text in any encoding tried ({', '.join(tried)})")


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _candidates(data: bytes) -> Iterator[str]:
    bom = _bom_codec(data)
    if bom is not None:
        yield bom
        return
    yield "utf-8"
    guess = chardet.detect(data)
    found = (guess.get("encoding") or "").lower()
    if found in _GB:
        yield "gb18030"
        return
    if found and (guess.get("confidence") or 0) >= _SURE:
        yield found
    yield "gb18030"  # an unsure guess is weaker than the prior that the text is Chinese


def _forced(data: bytes, name: str, encoding: str) -> tuple[str, str]:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    if codec in _GB:
        codec = "gb18030"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return _checked(text, name, codec)


def _checked(text: str, name: str, codec: str) -> tuple[str, str]:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{name}: no text (only whitespace)")
    return text, codec.removesuffix("-sig")
