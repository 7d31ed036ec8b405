"""Speed, scaling and memory of speechast against a fair regex baseline, in one run.

    python benchmarks/run.py            # every row
    python benchmarks/run.py --quick    # no 10 MB and 50 MB rows

The baseline is the cheapest pass a competitor's heading splitter makes: one
compiled regex of every marker shape of the grammar, with the lookahead on
their first characters that lets the regex engine skip running text (the
fastest form of that pass: without the lookahead it is four to five times
slower), counting the candidates in the same text. Times are CPU time of this
process, baseline and parse interleaved round by round; a row gives the best
round and the spread between best and worst. Ratios compare; absolute MB/s
drift between machines.

Memory is measured in a fresh process per input: the peak RSS a parse (and
then to_json) adds over the process holding the text, against the input's
UTF-8 size.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

# Run as a script from a checkout: the project root is where speechast and benchmarks live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import speechast
from benchmarks.corpus import PATHOLOGICAL, SEEDS, example_corpus, generated, seed_corpus
from benchmarks.stages import stage_rows
from speechast.batch import pool_map
from speechast.blocks import Scanner, scanner
from speechast.parser import parser

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
CORPUS = SEEDS.parent / "corpus"


def _scanner() -> Scanner:
    return scanner(tuple((t.name, t.pattern.to_regexp()) for t in parser().terminals), frozenset())


def baseline() -> Callable[[str], int]:
    """The fair baseline: the marker candidates of a text, counted."""
    pattern = _scanner().marker_search

    def count(text: str) -> int:
        return sum(1 for _ in pattern.finditer(text))

    return count


def _cpu(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    work()
    return time.process_time() - start


def rounds(texts: list[str], runs: int) -> dict[str, list[float]]:
    """Baseline, parse and parse + to_json timed in turn, ``runs`` times."""
    count = baseline()
    times: dict[str, list[float]] = {"base": [], "parse": [], "json": []}
    for _ in range(runs):
        times["base"].append(_cpu(lambda: [count(t) for t in texts]))
        times["parse"].append(_cpu(lambda: [speechast.parse(t) for t in texts]))
        times["json"].append(_cpu(lambda: [speechast.to_json(speechast.parse(t)) for t in texts]))
    return times


def _spread(values: list[float]) -> str:
    return f"±{(max(values) - min(values)) / min(values) * 100:3.0f}%"


def speed_row(label: str, texts: list[str], runs: int) -> float:
    """Print the row; return the baseline's best time."""
    size = sum(len(t.encode("utf-8")) for t in texts) / MB
    times = rounds(texts, runs)
    base, parse, js = (min(times[k]) for k in ("base", "parse", "json"))
    print(
        f"| {label} | {size:.2f} | {size / base:.0f} | {size / parse:.2f} | "
        f"**{base / parse:.3f}** | {base / js:.3f} | {runs} | "
        f"{_spread(times['base'])} {_spread(times['parse'])} |"
    )
    return base


_PEAK = """
import gc, sys, speechast
from pathlib import Path

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

def reset_peak():
    # Linux: writing 5 to clear_refs resets VmHWM to the current RSS, so the
    # peak that follows is the parse's, not reading the file's.
    Path("/proc/self/clear_refs").write_text("5")

text = Path(sys.argv[1]).read_text(encoding="utf-8")
speechast.to_json(speechast.parse("讲话\\n一、甲\\n要。"))
gc.collect()
reset_peak()
before = status("VmRSS")
doc = speechast.parse(text)
parsed = status("VmHWM")
data = speechast.to_json(doc)
print(before, parsed, status("VmHWM"))
"""


def peak(text: str, tmp: Path) -> tuple[float, float]:
    """What a parse adds to the peak RSS, then what parse + to_json add, over the input size."""
    path = tmp / "input.txt"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    before, parsed, dumped = (int(value) for value in out)
    return (parsed - before) / size, (dumped - before) / size


def memory_row(label: str, text: str, tmp: Path) -> None:
    parse_x, json_x = peak(text, tmp)
    size = len(text.encode("utf-8")) / MB
    print(f"| {label} | {size:.1f} | {parse_x:.2f}× | {json_x:.2f}× |")


def pathological_rows(base_size: int, tmp: Path) -> None:
    print("\n| pathological input | size | time ×4 size | parse memory | to_json memory |")
    print("| --- | --- | --- | --- | --- |")
    for label, make in PATHOLOGICAL.items():
        small, large = make(base_size), make(4 * base_size)
        ratio = min(rounds([large], 2)["parse"]) / min(rounds([small], 2)["parse"])
        parse_x, json_x = peak(large, tmp)
        size = len(large.encode("utf-8")) / MB
        print(f"| {label} | {size:.1f} MB | {ratio:.1f}× | {parse_x:.2f}× | {json_x:.2f}× |")


def json_of(path: str) -> bytes:
    """What ``speechast json`` makes of a file, as a worker makes it."""
    return speechast.to_json(speechast.parse_file(path))


def _wall(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def workers_row(paths: list[Path]) -> None:
    """Corpus throughput with one and two processes (wall clock: that is what cores
    buy), best of three rounds: documents back in this process (``parse_many``),
    and the command line's way, JSON written by the workers."""
    files = [str(p) for p in paths] * 8
    size = sum(p.stat().st_size for p in paths) * 8 / MB
    ways: dict[str, Callable[[int], object]] = {
        "parse_many (documents to the caller)": lambda n: list(
            speechast.parse_many(files, workers=n)
        ),
        "speechast json -j N (JSON from the workers)": lambda n: list(pool_map(json_of, files, n)),
    }
    print(f"\ncorpus ×8 ({size:.1f} MB, {len(files)} files) on {os.cpu_count()} cores, wall clock:")
    for label, work in ways.items():
        times: dict[int, float] = {1: float("inf"), 2: float("inf")}
        for _ in range(3):  # 1 and 2 workers in turn: the machine's load drifts
            for n in times:
                times[n] = min(times[n], _wall(partial(work, n)))
        print(
            f"- {label}: 1 worker {size / times[1]:.2f} MB/s, 2 workers "
            f"{size / times[2]:.2f} MB/s = {times[1] / times[2]:.2f}×"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="no 10 MB and 50 MB rows")
    ap.add_argument("--memory", action="store_true", help="only the memory and pathological rows")
    args = ap.parse_args()
    parser()  # built once, outside every timing
    corpus_paths = sorted(CORPUS.glob("*.txt"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; CPU time, best round\n")
    print(
        "| input | MB | baseline MB/s | parse MB/s | parse / baseline | parse+json / baseline "
        "| rounds | spread (base, parse) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    rows: list[tuple[str, list[str], int]] = [
        ("seeds", seed_corpus(), 9),
        ("../shared/corpus", [p.read_text(encoding="utf-8") for p in corpus_paths], 5),
        ("examples", example_corpus(), 9),
    ]
    big = {} if args.quick else {10: generated(10 * MB), 50: generated(50 * MB)}
    if big:
        rows += [
            ("generated 10 MB", [big[10]], 2),
            ("generated 50 MB", [big[50]], 1),
            ("10 MB on one line", [big[10].replace("\n", "")], 1),
        ]
    bases = {
        label: speed_row(label, texts, runs)
        for label, texts, runs in rows
        if texts and not args.memory
    }
    if "../shared/corpus" in bases:
        stage_rows(rows[1][1], _scanner(), bases["../shared/corpus"])
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        print("\n| memory | MB | parse adds | parse + to_json add |")
        print("| --- | --- | --- | --- |")
        memory_row("seeds, joined", "\n".join(seed_corpus()), tmp)
        memory_row("generated 1 MB", generated(MB), tmp)
        for mb, text in big.items():
            memory_row(f"generated {mb} MB", text, tmp)
        pathological_rows(100_000 if args.quick else 500_000, tmp)
    if corpus_paths and not args.memory:
        workers_row(corpus_paths)


if __name__ == "__main__":
    main()
