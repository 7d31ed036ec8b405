"""Reading input's bytes, with one clear error for anything that cannot be read.

Files, pipes, devices and standard input are all read the same way: in chunks,
counting, so nothing larger than the limit is ever held, whatever the file
system says the size is (0 for pipes and devices).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

# Texts beyond this are refused rather than risk exhausting memory; the largest
# reports run to a few MB. SPEECHAST_MAX_BYTES lowers it (for tests, or a
# service that wants a tighter bound).
MAX_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024


class InputError(Exception):
    """Input that cannot be read as a text; the message is one line for the user."""


def max_bytes() -> int:
    try:
        return min(MAX_BYTES, int(os.environ.get("SPEECHAST_MAX_BYTES", MAX_BYTES)))
    except ValueError:
        return MAX_BYTES


def read_limited(stream: BinaryIO, name: str) -> bytes:
    """At most the limit's bytes from a stream, counted while reading."""
    limit = max_bytes()
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"{name}: larger than {_size(limit)}")
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def read_bytes(path: str) -> bytes:
    """The bytes of a file, a pipe or a device, or of standard input for ``-``."""
    if path == "-":
        stdin = sys.stdin
        if stdin is None or getattr(stdin, "buffer", None) is None:
            raise InputError("<stdin>: standard input is closed")
        try:
            return read_limited(stdin.buffer, "<stdin>")
        except (OSError, ValueError) as exc:
            raise InputError(f"<stdin>: cannot read ({_reason(exc)})") from None
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        with p.open("rb") as stream:
            return read_limited(stream, path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
