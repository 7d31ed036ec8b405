"""Many files at once: which files an argument names, and parsing them on several cores.

``parse_many`` and the command line share ``pool_map``: a function run on
every input in a process pool, results in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from speechast import gcpause
from speechast.api import parse_source, read_source
from speechast.nodes import Document
from speechast.rules import ParseOptions, options_of
from speechast.source import InputError
from speechast.tuning import TUNING

# What a directory is searched for unless --glob says otherwise: the kinds of
# file speechast reads (not .md, which holds a folder's notes as often as a text).
DEFAULT_GLOBS = ("*.txt", "*.docx", "*.htm", "*.html")

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen
class Input:
    """A file to read: its path (``-`` for standard input) and its path relative
    to the argument it was found under, which names its output."""

    path: str
    relative: str


def expand(arguments: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> list[Input]:
    """Files, directories (searched recursively for ``globs``) and ``-``, in the
    order given, each file once. A directory where nothing matches is an InputError."""
    seen: set[str] = set()
    out: list[Input] = []
    for argument in arguments:
        found = _found(argument, globs)
        for item in found:
            if item.path not in seen or item.path == "-":
                seen.add(item.path)
                out.append(item)
    return out


def _found(argument: str, globs: Sequence[str]) -> list[Input]:
    if argument == "-":
        return [Input("-", "stdin")]
    root = Path(argument)
    if not root.is_dir():
        return [Input(argument, root.name)]
    files = sorted({p for pattern in globs for p in root.rglob(pattern) if p.is_file()})
    if not files:
        raise InputError(f"{argument}: no file matches {' '.join(globs)}")
    return [Input(str(p), str(p.relative_to(root))) for p in files]


def workers_of(jobs: int) -> int:
    """``-j 0`` means one process per core."""
    if jobs < 0:
        raise InputError(f"-j {jobs}: the number of processes cannot be negative")
    return jobs or os.cpu_count() or 1


def pool_map(work: Callable[[T], R], items: Iterable[T], workers: int = 1) -> Iterator[R]:
    """``work`` on every item, results in the items' order; with more than one
    worker in a process pool (``work`` must then be a module-level function)."""
    if workers <= 1:
        yield from map(work, items)
        return
    jobs = list(items)
    with multiprocessing.get_context().Pool(workers) as pool:
        yield from pool.imap(work, jobs, chunksize=_batch(len(jobs), workers))


def _batch(jobs: int, workers: int) -> int:
    """Items per message to a worker: each message costs the parent's pool threads
    about a millisecond, as much as a short file's parse; a few batches per worker
    keep the last ones from leaving a core idle."""
    return max(1, min(TUNING.pool_batch_max, jobs // (workers * TUNING.pool_batches_per_worker)))


@attrs.frozen
class Parsed:
    """One input of ``parse_many``: its document and text, or why it could not be read."""

    path: str
    document: Document | None
    text: str | None
    error: str | None


@attrs.frozen
class _ParseJob:
    path: str
    encoding: str | None
    options: ParseOptions


def _parse_one(job: _ParseJob) -> Parsed:
    try:
        source = read_source(job.path, job.encoding)
    except InputError as exc:
        return Parsed(job.path, None, None, str(exc))
    return Parsed(job.path, parse_source(source, job.options), source.text, None)


def _parse_pickled(job: _ParseJob) -> bytes:
    return pickle.dumps(_parse_one(job), protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(data: bytes) -> Parsed:
    # In the caller's thread, not the pool's result thread, so that the
    # collector can be paused: a caller that keeps every document (a list of
    # them) would have it walk the growing heap again and again. On the
    # corpus x8 kept in a list, this cut the caller's CPU from 0.30 s to 0.18 s.
    with gcpause.paused():
        parsed = pickle.loads(data)
    assert isinstance(parsed, Parsed)
    return parsed


def parse_many(
    paths: Iterable[str | Path],
    workers: int = 1,
    encoding: str | None = None,
    disable: Iterable[str] | ParseOptions | None = None,
) -> Iterator[Parsed]:
    """Parse many files, in order, with ``workers`` processes (0: one per core).

    A file that cannot be read gives a Parsed with its ``error`` and no document;
    the others go on.
    """
    options = options_of(disable)
    jobs = (_ParseJob(str(path), encoding, options) for path in paths)
    processes = workers_of(workers)
    if processes <= 1:
        return map(_parse_one, jobs)
    return map(_unpickled, pool_map(_parse_pickled, jobs, processes))
