"""Wall time and peak memory of one command, measured the way that does not inherit this process's peak.

Linux keeps the memory high-water mark of a process across exec, and a child forked (or
vforked) from a benchmark starts with the benchmark's: wait4 on it would report at least the
benchmark's own peak (a `/bin/true` measured 310 MB after its parent had allocated 300 MB).
So a minimal Python spawns each command and reports the command's wall time, peak RSS
(with its reaped children) and exit status to the file named first; its own 8 MB is the floor.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as report:
    report.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float
    exit_code: int
    stdout: str


def launcher(report: Path, command: list[str]) -> list[str]:
    """The command line that runs `command` under the launcher, reporting to `report`."""
    return [sys.executable, "-I", "-S", "-c", LAUNCHER, str(report), *command]


def measured(command: list[str], *, capture: bool = False) -> Measured:
    """Run `command` once, start to exit; its stdout is kept when `capture` is set."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as scratch:
        report = Path(scratch) / "report"
        process = subprocess.run(
            launcher(report, command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
            check=False,
        )
        if not report.exists():
            raise SystemExit(f"could not run {command[0]} (launcher exit status {process.returncode})")
        seconds, peak_kb, exit_code = report.read_text().split()
        return Measured(float(seconds), float(peak_kb) / 1024, int(exit_code), process.stdout or "")
