"""Reading input: bytes → text, with one clear error for anything that is not text."""

from __future__ import annotations

import sys
from pathlib import Path

# Texts beyond this are refused rather than risk exhausting memory; the
# largest reports run to a few MB.
MAX_BYTES = 512 * 1024 * 1024


class InputError(Exception):
    """Input that cannot be read as a text; the message is one line for the user."""


def decode(data: bytes, name: str) -> str:
    """UTF-8 with or without a BOM; binary or undecodable bytes are an error."""
    if not data:
        raise InputError(f"{name}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: no text (only whitespace)")
    return text


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_text(path: str) -> str:
    data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return decode(data, "<stdin>" if path == "-" else path)
