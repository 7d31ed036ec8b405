"""The command line under hostile conditions: devices, pipes, FIFOs, closed streams,
odd encodings, Ctrl-C and readers that go away. Each ends in one line and an exit
status, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "01_standard_levels.txt"
SPEECHAST = [sys.executable, "-m", "speechast"]


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run([*SPEECHAST, *args], check=False, timeout=60, **options)  # type: ignore[call-overload,no-any-return]


def _one_line(err: bytes) -> bool:
    return err.count(b"\n") == 1 and b"Traceback" not in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_read_counting_not_trusting_its_size() -> None:
    env = {**os.environ, "SPEECHAST_MAX_BYTES": "1000000"}
    done = _run("outline", "/dev/zero", env=env)
    assert done.returncode == 2 and b"larger than" in done.stderr and _one_line(done.stderr)


def test_standard_input_is_limited_the_same_way() -> None:
    env = {**os.environ, "SPEECHAST_MAX_BYTES": "1000"}
    done = _run("outline", "-", input=b"a" * 5000, env=env)
    assert done.returncode == 2 and b"<stdin>: larger than" in done.stderr


def test_a_fifo_is_read_like_standard_input(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(EXAMPLE.read_bytes()))
    writer.start()
    done = _run("outline", str(fifo))
    writer.join()
    assert done.returncode == 0
    assert done.stdout.decode() == EXAMPLE.with_suffix(".outline").read_text(encoding="utf-8")


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # no writer: the read waits until interrupted
    proc = subprocess.Popen([*SPEECHAST, "outline", str(fifo)], stderr=subprocess.PIPE)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err == b"speechast: interrupted\n"


def test_a_closed_standard_input_is_one_line() -> None:
    done = _run("outline", "-", stdin=None, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2 and b"standard input is closed" in done.stderr
    assert _one_line(done.stderr)


def test_a_closed_standard_output_is_one_line() -> None:
    done = _run("outline", str(EXAMPLE), stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2 and b"standard output is closed" in done.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-16"])
def test_any_stdout_encoding_gets_utf8(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = _run("outline", str(EXAMPLE), env=env)
    assert done.returncode == 0 and not done.stderr
    assert done.stdout.decode("utf-8") == EXAMPLE.with_suffix(".outline").read_text("utf-8")


def test_a_nul_byte_is_binary_wherever_it_stands(tmp_path: Path) -> None:
    for at in (10, 9000, 100_000):
        path = tmp_path / f"nul{at}.txt"
        text = ("一、总体要求\n内容。\n" * 20_000).encode()
        path.write_bytes(text[:at] + b"\x00" + text[at:])
        done = _run("outline", str(path))
        assert done.returncode == 2 and b"binary data" in done.stderr, at


def test_the_exit_status_survives_a_reader_that_goes_away(tmp_path: Path) -> None:
    path = tmp_path / "repeats.txt"
    path.write_text("一、开始\n" + "一、重复\n" * 30_000, encoding="utf-8")
    proc = subprocess.Popen(
        [*SPEECHAST, "check", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -n1` does
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert b"SA02" in first
    assert proc.returncode == 1 and b"Traceback" not in err and b"Exception" not in err
