"""Throughput, memory and scaling of speechast, against a regex baseline in the same run.

    python benchmarks/run.py            # seeds + examples, 1 MB, 10 MB, 50 MB
    python benchmarks/run.py --quick    # seeds + examples, 1 MB

Absolute MB/s drift between runs on shared machines; the ratio to the baseline
(one compiled ``re`` pass finding every marker candidate, built from the
grammar's own marker terminals) measured on the same bytes in the same run is
what compares.
"""

from __future__ import annotations

import argparse
import gc
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script from a checkout: the project root is where speechast and benchmarks live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import speechast
from benchmarks.corpus import example_corpus, generated, seed_corpus
from speechast.parser import parser

MB = 1024 * 1024


def baseline_pattern() -> re.Pattern[str]:
    """All marker shapes of the grammar in one alternation: the floor of any parser."""
    shapes = [t.pattern.to_regexp() for t in parser().terminals]
    return re.compile("|".join(f"(?:{s})" for s in shapes))


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of a few runs: the least disturbed by other load."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def measure(label: str, texts: list[str], runs: int) -> tuple[float, float, float]:
    size = sum(len(t.encode("utf-8")) for t in texts) / MB
    pattern = baseline_pattern()
    base = best_of(runs, lambda: [sum(1 for _ in pattern.finditer(t)) for t in texts])
    tree = best_of(runs, lambda: [speechast.parse(t) for t in texts])
    js = best_of(runs, lambda: [speechast.to_json(speechast.parse(t)) for t in texts])
    print(
        f"{label:<22}{size:>8.2f} MB  baseline {size / base:7.2f} MB/s  "
        f"parse {size / tree:6.2f} MB/s ({base / tree:4.2f}x)  "
        f"json {size / js:6.2f} MB/s ({base / js:4.2f}x)"
    )
    return base, tree, js


_PEAK = """
import sys, speechast
from pathlib import Path

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

text = Path(sys.argv[1]).read_text(encoding="utf-8")
speechast.parse("warm up")
before = status("VmRSS")
doc = speechast.parse(text)
print(before, status("VmHWM"))
"""


def peak_memory(text: str, tmp: Path) -> None:
    """Peak RSS while parsing, in a fresh process, relative to the input's UTF-8 size.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec from the parent.
    """
    path = tmp / "bench-input.txt"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout.split()
    before, peak = (int(value) for value in out)
    added = peak - before
    print(
        f"peak memory {size / MB:6.1f} MB input: peak RSS {peak / MB:7.1f} MB = "
        f"{peak / size:4.2f}x input (parse added {added / MB:6.1f} MB = {added / size:4.2f}x; "
        f"the text itself {before / MB:6.1f} MB with the interpreter)"
    )
    path.unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip the 10 MB and 50 MB documents")
    args = ap.parse_args()
    parser()  # build once, outside every timing
    print(f"python {sys.version.split()[0]}; best of runs; ratios are parse/baseline speed\n")

    seeds = seed_corpus()
    if seeds:
        measure("seeds (the target)", seeds, runs=7)
    else:
        print("seeds: ../shared/seeds not found beside the project; skipped")
    measure("examples", example_corpus(), runs=7)
    sizes = [1] if args.quick else [1, 10, 50]
    texts = {mb: generated(mb * MB) for mb in sizes}
    timings = {
        mb: measure(f"generated {mb} MB", [texts[mb]], runs=3 if mb < 50 else 1) for mb in sizes
    }
    if 10 in texts:
        one_line = texts[10].replace("\n", "")
        _, run_on, _ = measure("10 MB on one line", [one_line], runs=1)
        print(
            f"\nscaling: parse 10 MB / 1 MB = {timings[10][1] / timings[1][1]:.1f} "
            f"(linear is 10); one-line 10 MB / lined 10 MB = {run_on / timings[10][1]:.2f}"
        )
    print()
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            peak_memory(texts[mb], Path(tmp))


if __name__ == "__main__":
    main()
