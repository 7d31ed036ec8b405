"""The command line: ``speechast COMMAND [options] FILE|DIR|-…``.

Every command takes many inputs. Output goes to standard output, to one file
(``-o FILE`` for one input or with ``--jsonl``) or to one file per input
(``-o DIR``, same relative path, the command's suffix). Output is UTF-8
whatever the terminal's encoding. A bad input is one line on standard error
and is skipped; the exit status is then 2 at the end (1 when ``check`` found
something), 130 on Ctrl-C, and a reader that closes the pipe early
(``| head``) leaves it as it was. On a terminal a progress bar shows on
standard error; a run of several inputs ends with a one-line summary.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

import attrs

from speechast import __version__, formats
from speechast.api import source_name
from speechast.batch import DEFAULT_GLOBS, Input, expand, pool_map, workers_of
from speechast.chunks import check_limits
from speechast.commands import COMMANDS, Command, Settings
from speechast.rules import options_of
from speechast.source import InputError, read_bytes
from speechast.tuning import TUNING

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
MB = 1024 * 1024


@attrs.frozen
class _Job:
    """One input's work, sent to a worker process: standard input travels as its bytes."""

    command: str
    input: Input
    data: bytes | None
    encoding: str | None
    settings: Settings


@attrs.frozen
class _Outcome:
    input: Input
    data: bytes = b""
    findings: bool = False
    error: str | None = None
    size: int = 0


def _run_job(job: _Job) -> _Outcome:
    name = source_name(job.input.path)
    try:
        raw = job.data if job.data is not None else read_bytes(job.input.path)
        source = formats.read(raw, name, job.encoding)
        rendered = COMMANDS[job.command].render(source, name, job.settings)
    except InputError as exc:
        return _Outcome(job.input, error=str(exc))
    return _Outcome(job.input, rendered.data, rendered.findings, size=len(raw))


# ------------------------------------------------------------------ outputs
class _Sink:
    """Where outputs go: standard output, one file, or one file per input."""

    def __init__(self, command: Command, output: str | None, directory: bool) -> None:
        self.suffix = command.suffix
        self.output = Path(output) if output else None
        self.directory = directory
        self.stream: BinaryIO | None = None
        self.written: set[Path] = set()

    def __enter__(self) -> _Sink:
        if self.output is not None and not self.directory:
            try:
                self.output.parent.mkdir(parents=True, exist_ok=True)
                self.stream = self.output.open("wb")
            except OSError as exc:
                raise InputError(f"{self.output}: cannot write ({exc.strerror or exc})") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()

    def write(self, outcome: _Outcome, header: bool) -> None:
        if self.output is None:
            if header:
                _stdout(f"==> {outcome.input.path} <==\n".encode("utf-8", "backslashreplace"))
            _stdout(outcome.data)
        elif self.stream is not None:
            self.stream.write(outcome.data)
        else:
            self._write_file(outcome)

    def _write_file(self, outcome: _Outcome) -> None:
        assert self.output is not None
        target = self.output / (outcome.input.relative + self.suffix)
        if target in self.written:
            raise InputError(f"{outcome.input.path}: {target} is written by another input")
        self.written.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(outcome.data)


def _stdout(data: bytes) -> None:
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None) if stdout is not None else None
    if buffer is None:
        raise InputError("standard output is closed")
    buffer.write(data)


# ---------------------------------------------------------------- arguments
def build_argparser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="speechast",
        description="Outline ASTs of Chinese speeches, work reports and official documents.",
    )
    ap.add_argument("--version", action="version", version=f"speechast {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    for name, command in COMMANDS.items():
        cmd = sub.add_parser(name, help=command.help, description=command.help)
        _common_arguments(cmd, command)
        _own_arguments(name, cmd)
    return ap


def _common_arguments(cmd: argparse.ArgumentParser, command: Command) -> None:
    cmd.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text files (any encoding), .docx, web pages, directories, or - for stdin",
    )
    cmd.add_argument(
        "--encoding",
        metavar="NAME",
        help="read text in this encoding instead of detecting it (gbk, gb18030, utf-16…)",
    )
    cmd.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=f"a file for one input (or with --jsonl); else a directory: one "
        f"{command.suffix} file per input, at its relative path",
    )
    cmd.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"what to read in directories (repeatable; default {' '.join(DEFAULT_GLOBS)})",
    )
    cmd.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="processes to use (0: one per core)"
    )
    cmd.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    if command.jsonl_option:
        cmd.add_argument(
            "--jsonl", action="store_true", help="one JSON line per document, with its file name"
        )


def _own_arguments(name: str, cmd: argparse.ArgumentParser) -> None:
    if name == "json":
        cmd.add_argument("--indent", action="store_true", help="indent by two spaces")
    elif name == "meta":
        cmd.add_argument(
            "--flat",
            action="store_true",
            help="dotted columns (speaker.name, date.iso, title.start…), the same in every line",
        )
    elif name == "chunks":
        for flag, default, text in (
            ("--max-chars", TUNING.chunk_max_chars, "longest chunk"),
            (
                "--min-chars",
                TUNING.chunk_min_chars,
                "neighbours shorter than this are merged while they fit",
            ),
            ("--overlap", 0, "repeat up to this many characters of whole sentences"),
        ):
            cmd.add_argument(flag, type=int, default=default, metavar="N", help=text)


def _settings(args: argparse.Namespace, several: bool) -> Settings:
    max_chars = getattr(args, "max_chars", TUNING.chunk_max_chars)
    min_chars = getattr(args, "min_chars", TUNING.chunk_min_chars)
    overlap = getattr(args, "overlap", 0)
    try:
        check_limits(max_chars, min_chars, overlap)
    except ValueError:
        raise InputError(
            "--max-chars must be positive, --min-chars and --overlap not negative"
        ) from None
    # Several JSON documents on one stream are only readable as JSON Lines.
    forced = args.command == "json" and several and not args.output
    return Settings(
        jsonl=bool(getattr(args, "jsonl", False)) or forced,
        indent=bool(getattr(args, "indent", False)),
        flat=bool(getattr(args, "flat", False)),
        max_chars=max_chars,
        min_chars=min_chars,
        overlap=overlap,
        options=options_of(None),
    )


def _to_directory(args: argparse.Namespace, settings: Settings) -> bool:
    """``-o`` names a directory unless it is one file's output, or gets all the
    JSON Lines; an existing directory or a trailing slash always means one."""
    if not args.output:
        return False
    if Path(args.output).is_dir() or args.output.endswith(("/", os.sep)):
        return True
    one_file = len(args.files) == 1 and not Path(args.files[0]).is_dir()
    return not (settings.jsonl or one_file)


# --------------------------------------------------------------------- runs
class _Run:
    """A run over many inputs: exit status, progress and the summary line."""

    def __init__(self, args: argparse.Namespace, inputs: list[Input]) -> None:
        self.args = args
        self.inputs = inputs
        self.status = 0
        self.done = 0
        self.failed = 0
        self.size = 0
        self.started = time.monotonic()

    def jobs(self, settings: Settings) -> Iterator[_Job]:
        stdin = read_bytes("-") if any(i.path == "-" for i in self.inputs) else None
        for item in self.inputs:
            data = stdin if item.path == "-" else None
            yield _Job(self.args.command, item, data, self.args.encoding, settings)

    def record(self, outcome: _Outcome) -> None:
        self.done += 1
        self.size += outcome.size
        if outcome.error is not None:
            self.fail(outcome.error)
        elif outcome.findings:
            self.status = max(self.status, EXIT_FINDINGS)

    def fail(self, message: str) -> None:
        self.failed += 1
        self.status = EXIT_USAGE
        _error(message)

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        return f"{self.done} files, {self.size / MB:.2f} MB, {seconds:.1f} s, {self.failed} failed"


def _execute(args: argparse.Namespace, run: _Run) -> None:
    several = len(run.inputs) > 1
    settings = _settings(args, several)
    command = COMMANDS[args.command]
    if several and not command.streams and not args.output:
        raise InputError(f"{args.command} writes one file per input: give -o DIR")
    workers = min(workers_of(args.jobs), len(run.inputs))
    directory = _to_directory(args, settings)
    header = several and args.output is None and command.headers
    bar = _progress(len(run.inputs), quiet=args.quiet or not several)
    try:
        with _Sink(command, args.output, directory) as sink:
            for outcome in pool_map(_run_job, run.jobs(settings), workers):
                run.record(outcome)
                if outcome.error is None:
                    _write_or_report(sink, outcome, header, run)
                bar.update(1)
    finally:
        bar.close()
    if several and not args.quiet:
        _error(run.summary(), prefix="speechast: done: ")


def _write_or_report(sink: _Sink, outcome: _Outcome, header: bool, run: _Run) -> None:
    try:
        sink.write(outcome, header)
    except BrokenPipeError:
        raise  # the reader has gone: the run ends
    except OSError as exc:
        run.fail(f"{outcome.input.path}: cannot write ({exc.strerror or exc})")
    except InputError as exc:
        run.fail(str(exc))


class _Bar(Protocol):
    def update(self, n: float | None = 1) -> bool | None: ...

    def close(self) -> None: ...


class _NoBar:
    def update(self, n: float | None = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, quiet: bool) -> _Bar:
    """A progress bar on standard error when it is a terminal; nothing otherwise."""
    stderr = sys.stderr
    if quiet or stderr is None or not stderr.isatty():
        return _NoBar()
    from tqdm import tqdm  # imported only when a terminal will show it

    return tqdm(total=total, file=stderr, unit="file", dynamic_ncols=True, leave=False)


def _error(exc: Exception | str, prefix: str = "speechast: ") -> None:
    """One line on stderr, in UTF-8 whatever its encoding; nothing if it is closed."""
    line = f"{prefix}{exc}\n".encode("utf-8", "backslashreplace")
    stderr = sys.stderr
    buffer = getattr(stderr, "buffer", None) if stderr is not None else None
    try:
        if buffer is not None:
            buffer.write(line)
            buffer.flush()
    except OSError:
        pass


def _quiet_stdout() -> None:
    """After the reader closed the pipe, flushing at exit must not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    status = 0
    try:
        args = build_argparser().parse_args(argv)
        run = _Run(args, expand(args.files, tuple(args.glob or DEFAULT_GLOBS)))
        try:
            _execute(args, run)
        finally:
            status = run.status
        if sys.stdout is not None:
            sys.stdout.flush()
    except InputError as exc:
        _error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
    return status


if __name__ == "__main__":
    sys.exit(main())
