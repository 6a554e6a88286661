"""The paper-list rules' costs: arXiv API requests, and the offline rules' time over the engine's.

1. A local server answers like the arXiv API (Atom, `id_list=`); a generated list of N
   entries, each linking its own arXiv paper, is linted with arxiv-title-mismatch cold and
   with a warm cache. Printed: API requests (target cold <= ceil(N / 100) + retries, warm 0)
   and wall time (arXiv asks for three seconds between requests, so cold time is mostly
   waiting).
2. The generated 10,000-entry list of bench/lint_speed.py is linted offline with every rule
   and without the paper-list rules; printed: medians and the added share (target < 30 %).

    python bench/paper_rules.py [--papers 2000] [--entries 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lint_speed import generate

PAPER_RULES = ("date-before-arxiv", "duplicate-title", "duplicate-doi", "arxiv-link-style", "mojibake", "missing-field")


def serve(port: int) -> None:
    from aiohttp import web

    requests = {"count": 0}

    async def handle(request: web.Request) -> web.Response:
        if request.path == "/__stats":
            return web.json_response(requests)
        requests["count"] += 1
        ids = [identifier for identifier in request.query.get("id_list", "").split(",") if identifier]
        entries = "".join(
            f"<entry><id>http://arxiv.org/abs/{identifier}v1</id><title>Paper {identifier}</title>"
            "<summary>An abstract.</summary></entry>"
            for identifier in ids
        )
        feed = f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
        return web.Response(text=feed, content_type="application/atom+xml")

    async def main() -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        print("ready", flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def api_requests(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats") as response:
        return int(json.load(response)["count"])


def arxiv_requests(papers: int, port: int, folder: Path) -> None:
    ids = [f"23{month:02d}.{number:05d}" for month in range(1, 13) for number in range(1, papers // 12 + 2)][:papers]
    listing = folder / "papers.md"
    listing.write_text("".join(f"- [Paper {i}](https://arxiv.org/abs/{i})\n" for i in ids), encoding="utf-8")
    command = [sys.executable, "-m", "awesomelint", str(listing), "--select", "arxiv-title-mismatch"]
    command += ["--allow-private", "--arxiv-api", f"http://127.0.0.1:{port}/api/query"]
    command += ["--cache", str(folder / "cache.sqlite3"), "--quiet"]
    print(f"arxiv-title-mismatch on {papers:,} entries (target cold <= {-(-papers // 100)} requests, warm 0)")
    for run in ("cold", "warm"):
        before = api_requests(port)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        findings = len(result.stdout.splitlines())
        print(f"  {run}: {api_requests(port) - before:3d} API requests  {wall:6.2f} s  findings {findings}")


def alternating_medians(commands: list[list[str]], repeat: int) -> list[float]:
    """Median wall time of each command, run in turn (A B, A B, ...) so load drifts hit both alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, seconds in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            seconds.append(time.perf_counter() - start)
    return [statistics.median(seconds) for seconds in times]


def offline_cost(entries: int, repeat: int, folder: Path) -> None:
    from awesomelint.registry import all_rules

    present = [name for name in PAPER_RULES if name in all_rules()]
    listing = folder / f"generated-{entries}.md"
    listing.write_text(generate(entries), encoding="utf-8")
    base = [sys.executable, "-m", "awesomelint", str(listing), "--offline", "--quiet"]
    without = [*base, "--ignore", ",".join(present)] if present else base
    engine, everything = alternating_medians([without, base], repeat)
    size = listing.stat().st_size / 1e6
    print(f"\noffline rules on {entries:,} entries ({size:.2f} MB), alternating, median of {repeat}")
    print(f"  without the paper-list rules ({', '.join(present) or 'none installed'}): {engine:6.2f} s")
    added = (everything - engine) / engine
    print(f"  with them: {everything:6.2f} s  (+{added:.0%}, target < 30 %)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=18790)
    args = parser.parse_args()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(args.port)], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    server.stdout.readline()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            arxiv_requests(args.papers, args.port, Path(scratch))
            offline_cost(args.entries, args.repeat, Path(scratch))
    finally:
        server.terminate()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
    else:
        main()
