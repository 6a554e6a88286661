"""Lint speed and memory: generated lists of 1,000 / 10,000 / 100,000 entries, the seeds and the corpus.

Each measurement runs `awesomelint` as a fresh process (start to exit, as a user or
pre-commit runs it) and reads that process's own peak RSS through bench/measure.py's launcher. Run:

    python bench/lint_speed.py [--repeat 3] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from measure import measured

ROOT = Path(__file__).resolve().parent.parent
GENERATED = Path(__file__).resolve().parent / "_generated"
MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
WORDS = [
    "efficient",
    "scalable",
    "sparse",
    "attention",
    "language",
    "models",
    "retrieval",
    "augmented",
    "generation",
    "instruction",
    "tuning",
    "alignment",
    "preference",
    "optimisation",
    "quantised",
    "inference",
    "decoding",
    "benchmark",
    "evaluation",
    "reasoning",
    "agents",
    "multimodal",
    "vision",
    "speech",
    "tokenizer",
    "memory",
]


def title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))).capitalize()


def generate(entries: int, seed: int = 7) -> str:
    """A list of about 200 bytes an entry: half paper tables, half awesome-style bullets."""
    rng = random.Random(seed)
    parts = [f"# Generated list of {entries} entries\n\n## Contents\n\n"]
    sections = max(1, entries // 100)
    per_section = entries // sections
    for section in range(sections):
        parts.append(f"- [Section {section}](#section-{section})\n")
    parts.append("\n")
    number = 0
    for section in range(sections):
        parts.append(f"## Section {section}\n\n")
        if section % 2 == 0:
            parts.append("| Paper | a.k.a | Affiliation | Published date |\n|---|---|---|---|\n")
            for _ in range(per_section):
                number += 1
                year, month = 17 + number % 8, 1 + number % 12
                arxiv = f"{year:02d}{month:02d}.{number % 100000:05d}"
                parts.append(
                    f"| [{title(rng)}](https://arxiv.org/abs/{arxiv}) | M{number} | Lab {number % 97} "
                    f"| {MONTHS[month - 1]} 20{year} |\n"
                )
        else:
            for _ in range(per_section):
                number += 1
                parts.append(
                    f"- [Project {number}](https://github.com/owner{number % 500}/project-{number}) - "
                    f"{title(rng)}. [docs](https://project-{number}.example.org/docs)\n"
                )
        parts.append("\n")
    return "".join(parts)


def measure(paths: list[Path], repeat: int) -> tuple[float, float]:
    """Median wall seconds and max peak RSS (MB) of `awesomelint PATHS` as a fresh process."""
    command = [
        sys.executable,
        "-m",
        "awesomelint",
        "--quiet",
        "--no-color",
        "--offline",
        "--max-file-size",
        "0",
        *map(str, paths),
    ]
    times: list[float] = []
    peak = 0.0
    for _ in range(repeat):
        run = measured(command)
        if run.exit_code not in (0, 1):
            raise SystemExit(f"awesomelint failed on {paths} with exit status {run.exit_code}")
        times.append(run.seconds)
        peak = max(peak, run.peak_mb)
    return statistics.median(times), peak


def import_time(repeat: int) -> tuple[float, float]:
    """Median seconds for `awesomelint --version` and for importing mistletoe alone."""
    version: list[float] = []
    mistletoe: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "awesomelint", "--version"], check=True, capture_output=True)
        version.append(time.perf_counter() - start)
        code = "import time; t = time.perf_counter(); import mistletoe.block_token; print(time.perf_counter() - t)"
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        mistletoe.append(float(out))
    return statistics.median(version), statistics.median(mistletoe)


def parse_rate() -> float:
    """mistletoe's own parse speed in MB/s on the largest corpus list, for reference."""
    from mistletoe import block_token

    corpus = ROOT / "tests" / "fixtures" / "corpus" / "dair-ai__ML-Papers-of-the-Week.md"
    source = corpus.read_text(encoding="utf-8") if corpus.exists() else generate(5000)
    lines = [line + "\n" for line in source.split("\n")]
    start = time.perf_counter()
    block_token.Document(lines)
    return len(source.encode()) / 1e6 / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    GENERATED.mkdir(exist_ok=True)

    version, mistletoe_import = import_time(args.repeat)
    print(f"awesomelint --version: {version:.3f} s   (mistletoe import alone: {mistletoe_import:.3f} s)")
    print(f"mistletoe parse rate: {parse_rate():.2f} MB/s\n")
    print(f"{'input':<48} {'size':>9} {'wall s':>8} {'peak MB':>8}")
    rows: list[tuple[str, list[Path]]] = []
    for size in (int(part) for part in args.sizes.split(",")):
        path = GENERATED / f"generated-{size}.md"
        if not path.exists():
            path.write_text(generate(size), encoding="utf-8")
        rows.append((f"generated {size:,} entries", [path]))
    for seed in sorted((ROOT / "tests" / "fixtures").glob("*.md")):
        rows.append((f"seed {seed.name}", [seed]))
    for listing in sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*__*.md")):
        rows.append((f"corpus {listing.name}", [listing]))
    for label, paths in rows:
        size = sum(path.stat().st_size for path in paths)
        repeat = 1 if size > 5_000_000 else args.repeat
        wall, peak = measure(paths, repeat)
        print(f"{label:<48} {size / 1e6:>7.2f}MB {wall:>8.2f} {peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
